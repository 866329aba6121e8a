"""QuoteLab. No subcommand: the desktop app (``main.py FILE.qlab`` opens that corpus).
A subcommand: the same core, headless."""

from __future__ import annotations

import argparse
import multiprocessing
import sys
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from gui.app import Launch


def main(argv: list[str] | None = None) -> int:
    from core.cli.main import app_argv, build_parser, imports_at_start, run

    parser = build_parser()
    args = parser.parse_args(app_argv(sys.argv[1:] if argv is None else argv, parser))
    if args.command is None:
        from core.formats.import_process import ImportProcess

        importer = ImportProcess(args.model)
        first_run = imports_at_start(args)
        if first_run:  # the pipeline loads beside the window, on another core
            importer.prepare()
        from gui.app import run_app

        return run_app(launch(args, first_run), importer)
    return run(args)


def launch(args: argparse.Namespace, first_run: bool) -> Launch:
    """What the window opens, from the command line (nothing under gui/ reads it): the
    corpus, and a ``--db`` that does not exist is created only once the user says so
    (or with ``--create``)."""
    from core.cli.main import app_corpus
    from gui.app import Launch

    ask = args.db is not None and not args.create
    return Launch(app_corpus(args), first_run, args.sample, ask)


if __name__ == "__main__":
    multiprocessing.freeze_support()  # worker processes of the packaged app (spawned)
    sys.exit(main())
