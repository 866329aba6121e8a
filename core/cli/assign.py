"""``main.py assign CORPUS --annotators NAMES --overlap FRACTION``: one corpus per
annotator (docs/adr/0032). :func:`add_parser` adds it to ``core.cli.main``'s parser;
:func:`run` runs it on the open corpus."""

from __future__ import annotations

import argparse
import secrets
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from core.cli import show
from core.corpus.store import Store
from core.review.assign import AssignError, assign, parse_names, parse_overlap


def _argument(parse: Callable[[str], Any]) -> Callable[[str], Any]:
    """``parse`` as an argparse type: its ValueError is argparse's usage error."""

    def run(text: str) -> Any:
        try:
            return parse(text)
        except ValueError as exc:
            raise argparse.ArgumentTypeError(str(exc)) from None

    return run


def add_parser(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> argparse.ArgumentParser:
    p = sub.add_parser(
        "assign",
        help="hand out work: write one corpus per annotator (NAME.qlab), a share of the "
        "articles to every annotator for agreement and the rest dealt out evenly",
    )
    p.add_argument(
        "--annotators",
        required=True,
        type=_argument(parse_names),
        metavar="NAMES",
        help="the annotators, separated by commas (ana,ben): letters, digits, spaces, '-', "
        "'_' and '.', each a file NAME.qlab",
    )
    p.add_argument(
        "--overlap",
        required=True,
        type=_argument(parse_overlap),
        metavar="FRACTION",
        help="the share of all articles every annotator gets, from 0 to 1 (0.2: a fifth, "
        "rounded half up, at least one when over 0)",
    )
    p.add_argument(
        "--seed",
        type=int,
        default=None,
        metavar="N",
        help="deal by this seed: the same seed, names (in their order) and articles deal the "
        "same again (default: a new one, printed)",
    )
    p.add_argument(
        "--out",
        type=Path,
        default=Path("."),
        metavar="DIR",
        help="the folder to write NAME.qlab in (default: the current one); an existing "
        "file is never replaced",
    )
    p.add_argument(
        "--no-suggestions",
        action="store_true",
        help="the articles alone, without their suggested attributions (unbiased double "
        "annotation)",
    )
    p.add_argument(
        "--keep-decisions",
        action="store_true",
        help="copy the corpus's accepted and rejected attributions and article statuses as "
        "they are (without it, a corpus holding decisions is refused: a hand-out starts "
        "undecided)",
    )
    p.add_argument("--json", action="store_true", help="print the report as one JSON object")
    return p


def run(store: Store, args: argparse.Namespace) -> int:
    if args.no_suggestions and args.keep_decisions:
        print(
            "quotelab: error: --no-suggestions copies no decision to keep; give one of them",
            file=sys.stderr,
        )
        return 1
    seed = secrets.randbelow(10**6) if args.seed is None else args.seed
    try:
        result = assign(
            store,
            args.annotators,
            args.overlap,
            seed,
            args.out,
            suggestions=not args.no_suggestions,
            keep_decisions=args.keep_decisions,
        )
    except AssignError as exc:
        print(f"quotelab: error: {exc}", file=sys.stderr)
        return 1
    show(result, args.json)
    return 0
