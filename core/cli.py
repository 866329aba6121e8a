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
from core.importer import ImportProblem, read_paths
from core.ingest import import_paths
from core.store import CorpusError, Store
from core.suggest import Suggester, SuggestError, checked
from core.tokens import Tokens, tokenize


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

    exp = sub.add_parser("export", help="write the corpus as JSONL (Prodigy tasks plus quotes)")
    exp.add_argument("--out", type=Path, required=True, help="the JSONL file to write")
    exp.add_argument("--done-only", action="store_true", help="only articles marked done")
    exp.add_argument("--accepted-only", action="store_true", help="only accepted attributions")

    bak = sub.add_parser(
        "backup", help="copy the corpus to one file, with every change (also those in -wal)"
    )
    bak.add_argument("out", type=Path, metavar="OUT", help="the copy to write")

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
            for damage in store.damage:
                print(f"quotelab: damaged, left out: {damage}", file=sys.stderr)
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
            if args.command == "backup":
                return _backup(store, args.out)
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


def _backup(store: Store, out: Path) -> int:
    store.backup(out)
    print(f"copied {store.path} to {out}")
    return 0


def _suggest(args: argparse.Namespace) -> int:
    suggester = Suggester(model_name(args.model))
    status = 0
    articles = []
    for item in read_paths(args.paths):
        if isinstance(item, ImportProblem):
            print(f"quotelab: not read: {item}", file=sys.stderr)
            status = 1
        else:
            articles.append(item.article)
    for art, suggested in zip(articles, suggester.suggest_many(articles), strict=True):
        found, dropped = checked(art, suggested, Tokens(tokenize(art.text)))
        for message in dropped:
            print(f"quotelab: {message}", file=sys.stderr)
        record = {
            "text": art.text,
            "meta": art.meta(),
            "quotes": [a.to_record() for a in found],
        }
        print(json.dumps(record, ensure_ascii=False))
    return status
