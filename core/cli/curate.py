"""``main.py curate A.qlab B.qlab [...] --out GOLD.qlab``: annotators' hand-outs merged
into one gold to adjudicate (docs/adr/0034). :func:`add_parser` adds it to
``core.cli.main``'s parser; :func:`run` runs it."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path

from core.cli import show
from core.measure.curate import CurateError, curate


def add_parser(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> argparse.ArgumentParser:
    p = sub.add_parser(
        "curate",
        help="merge annotators' corpora (hand-outs of one corpus, `assign`) into one gold: "
        "what all agree on accepted, the rest items to adjudicate",
    )
    p.add_argument(
        "sources",
        type=Path,
        nargs="+",
        metavar="CORPUS.qlab",
        help="each annotator's corpus, 2 to 9 (their order numbers their versions: 1..9)",
    )
    p.add_argument(
        "--out",
        type=Path,
        required=True,
        metavar="GOLD.qlab",
        help="the gold to write; a gold merged from the same annotators before is merged "
        "into again, keeping what was curated",
    )
    p.add_argument("--json", action="store_true", help="print the report as one JSON object")
    return p


def run(args: argparse.Namespace, progress: Callable[[int, int], None]) -> int:
    try:
        result = curate(args.sources, args.out, progress=progress)
    except CurateError as exc:
        print(f"quotelab: error: {exc}", file=sys.stderr)
        return 1
    show(result, args.json)
    return 0
