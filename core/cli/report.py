"""The command line's reading subcommands: ``evaluate``, ``report`` and ``agree``.

:func:`add_parsers` adds them to ``core.cli.main``'s parser; :func:`run` runs one.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from core.cli import show
from core.config import default_corpus_path
from core.corpus.errors import CorpusError
from core.corpus.store import Store
from core.measure import agree, report
from core.measure.evaluate import EvalError, evaluate_files

COMMANDS = frozenset({"evaluate", "report", "agree"})


def add_parsers(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    ev = sub.add_parser(
        "evaluate",
        help="score predicted attributions (JSONL) against gold (gold JSON or a JSONL export)",
    )
    ev.add_argument(
        "--gold",
        type=Path,
        action="append",
        metavar="GOLD",
        help="a gold file (repeat for more)",
    )
    ev.add_argument("pred", type=Path, nargs="?", metavar="PRED.jsonl")
    ev.add_argument(
        "--prequential",
        type=Path,
        metavar="CORPUS",
        help="instead: score each done article's suggestions, learned from the decisions "
        "made before it was opened, against its final attributions, beside the rules'",
    )
    ev.add_argument("--json", action="store_true", help="print one JSON object")

    rep = sub.add_parser(
        "report", help="what the corpus says: suggestion quality, speakers, over time, outlets"
    )
    rep.add_argument("--json", action="store_true", help="print one JSON object")
    rep.add_argument(
        "--html", type=Path, metavar="OUT", help="also write the report with charts as one page"
    )
    rep.add_argument("--charts", type=Path, metavar="DIR", help="also save the charts as SVG")

    agr = sub.add_parser(
        "agree", help="agreement between annotators' corpora on the articles they share"
    )
    agr.add_argument("corpora", type=Path, nargs="+", metavar="CORPUS.qlab")
    agr.add_argument(
        "--all",
        action="store_true",
        help="compare every shared article, not only those done in both (their undecided "
        "suggestions then count as annotations)",
    )
    agr.add_argument("--json", action="store_true", help="print one JSON object")


def run(args: argparse.Namespace) -> int:
    try:
        if args.command == "report":
            return _report(args)
        if args.command == "agree":
            return _agree(args)
        return _evaluate(args)
    except BrokenPipeError:
        raise  # the reader stopped early (`| head`): cli.run says nothing of it
    except (EvalError, CorpusError, OSError) as exc:
        print(f"quotelab: error: {exc}", file=sys.stderr)
        return 1


def _evaluate(args: argparse.Namespace) -> int:
    if args.prequential is not None:
        if args.gold or args.pred:
            raise EvalError("--prequential scores a corpus against itself: no gold nor PRED")
        from core.measure.prequential import prequential  # numpy: only when asked

        with Store(args.prequential, create=False) as store:
            paired = prequential(store)
        show(paired, args.json)
        return 0
    if not args.gold or args.pred is None:
        raise EvalError("evaluate needs --gold GOLD and PRED.jsonl (or --prequential CORPUS)")
    result = evaluate_files(args.gold, args.pred)
    for w in result.warnings:
        print(f"quotelab: {w}", file=sys.stderr)
    show(result.score, args.json)
    return 0


def _report(args: argparse.Namespace) -> int:
    with Store(args.db or default_corpus_path(), create=False) as store:
        rep = report.build(store)
    show(rep, args.json)
    if args.html or args.charts:
        from core.measure import (
            charts,
        )  # pygal takes a tenth of a second to import: only when drawing
    if args.html:
        args.html.write_text(charts.html_page(rep), encoding="utf-8")
        print(f"wrote {args.html}", file=sys.stderr)
    if args.charts:
        for path in charts.save(charts.render_all(rep), args.charts):
            print(f"wrote {path}", file=sys.stderr)
    return 0


def _agree(args: argparse.Namespace) -> int:
    if len(args.corpora) < 2:
        raise EvalError("agree needs two or more corpora")
    result = agree.compare(args.corpora, everything=args.all)
    # A line (or a piece of the JSON) at a time: the disagreements are read back as written.
    if args.json:
        sys.stdout.writelines(result.json())
        print()
    else:
        for line in result.lines():
            print(line)
    if result.nothing_compared():
        print(
            "quotelab: no shared article is done in both corpora, so nothing was compared; "
            "--all compares them with their undecided suggestions",
            file=sys.stderr,
        )
        return 1
    return 0
