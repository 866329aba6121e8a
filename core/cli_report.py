"""The command line's reading subcommands: ``evaluate``, ``report`` and ``agree``.

:func:`add_parsers` adds them to ``core.cli``'s parser; :func:`run` runs one.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from core.evaluate import EvalError, evaluate_files

COMMANDS = frozenset({"evaluate"})


def add_parsers(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    ev = sub.add_parser(
        "evaluate",
        help="score predicted attributions (JSONL) against gold (gold JSON or a JSONL export)",
    )
    ev.add_argument(
        "--gold",
        type=Path,
        action="append",
        required=True,
        metavar="GOLD",
        help="a gold file (repeat for more)",
    )
    ev.add_argument("pred", type=Path, metavar="PRED.jsonl")
    ev.add_argument("--json", action="store_true", help="print one JSON object")


def run(args: argparse.Namespace) -> int:
    try:
        return _evaluate(args)
    except EvalError as exc:
        print(f"quotelab: error: {exc}", file=sys.stderr)
        return 1


def _evaluate(args: argparse.Namespace) -> int:
    result = evaluate_files(args.gold, args.pred)
    for w in result.warnings:
        print(f"quotelab: {w}", file=sys.stderr)
    if args.json:
        print(json.dumps(result.score.as_dict()))
    else:
        print("\n".join(result.score.lines()))
    return 0
