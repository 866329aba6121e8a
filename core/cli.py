"""The command line: ``main.py SUBCOMMAND ...`` runs the core headless.

With no subcommand, ``main.py`` starts the desktop app instead (see main.py).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from core import __version__
from core.config import DEFAULT_MODEL, default_corpus_path, model_name
from core.export import ExportError, export_jsonl
from core.ingest import import_paths
from core.shards import suggest_shard, suggestion_lines
from core.store import CorpusError, Store
from core.suggest import Suggester, SuggestError


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="quotelab",
        description="QuoteLab: label who said what in news articles. With no subcommand "
        "the desktop app starts.",
    )
    p.add_argument("--version", action="version", version=f"QuoteLab {__version__}")
    p.add_argument(
        "--db",
        type=Path,
        default=None,
        help=f"corpus file (default: {default_corpus_path()})",
    )
    p.add_argument(
        "--model",
        default=None,
        help=f"installed spaCy English pipeline for suggestions (default: {DEFAULT_MODEL}; "
        "also QUOTELAB_MODEL)",
    )
    p.add_argument(
        "--sample",
        action="store_true",
        help="app only: open a corpus holding the bundled sample article",
    )
    sub = p.add_subparsers(dest="command", metavar="SUBCOMMAND")

    imp = sub.add_parser(
        "import", help="import files, folders (recursive) or JSONL into the corpus"
    )
    imp.add_argument("paths", nargs="+", type=Path, metavar="PATH")
    imp.add_argument(
        "--no-suggest", action="store_true", help="store the articles without suggestions"
    )

    sug = sub.add_parser(
        "suggest", help="print suggested attributions as JSON lines (nothing is stored)"
    )
    sug.add_argument("paths", nargs="+", type=Path, metavar="PATH")
    sug.add_argument(
        "--jobs",
        type=int,
        default=1,
        metavar="N",
        help="worker processes for suggesting (default 1; the number of cores is fastest)",
    )
    sug.add_argument(
        "--out-dir",
        type=Path,
        metavar="DIR",
        help="write one JSONL shard per input file into DIR (same name) instead of printing",
    )

    exp = sub.add_parser("export", help="write the corpus as JSONL (Prodigy tasks plus quotes)")
    exp.add_argument("--out", type=Path, required=True, help="the JSONL file to write")
    exp.add_argument("--done-only", action="store_true", help="only articles marked done")
    exp.add_argument("--accepted-only", action="store_true", help="only accepted attributions")

    st = sub.add_parser("stats", help="counts of articles, attributions and speakers")
    st.add_argument("--json", action="store_true", help="print one JSON object")
    return p


def _fail(message: str) -> int:
    print(f"quotelab: error: {message}", file=sys.stderr)
    return 1


def run(args: argparse.Namespace) -> int:
    try:
        if args.command == "suggest":
            return _suggest(args)
        with Store(args.db or default_corpus_path()) as store:
            if args.command == "import":
                suggester = None if args.no_suggest else Suggester(args.model)
                report = import_paths(store, args.paths, suggester)
                for line in report.lines():
                    print(line)
                return 0 if report.imported or not report.problems else 1
            if args.command == "export":
                n = export_jsonl(
                    store, args.out, done_only=args.done_only, accepted_only=args.accepted_only
                )
                print(f"wrote {n} article(s) to {args.out}")
                return 0
            if args.command == "stats":
                stats = store.stats()
                if args.json:
                    print(json.dumps(stats))
                else:
                    for k, v in stats.items():
                        print(f"{k:24} {v}")
                return 0
    except (CorpusError, ExportError, SuggestError) as exc:
        return _fail(str(exc))
    return _fail(f"unknown subcommand {args.command!r}")


def _suggest(args: argparse.Namespace) -> int:
    problems: list[str] = []
    if args.out_dir is None:
        suggester = Suggester(model_name(args.model))
        for line in suggestion_lines(suggester, args.paths, problems, args.jobs):
            sys.stdout.write(line)
    else:
        args.out_dir.mkdir(parents=True, exist_ok=True)
        for path in args.paths:
            problems += suggest_shard(path, args.out_dir / path.name, args.model, args.jobs)
    for problem in problems:
        print(f"quotelab: not read: {problem}", file=sys.stderr)
    return 1 if problems else 0
