"""QuoteLab. No subcommand: the desktop app (``main.py FILE.qlab`` opens that corpus).
A subcommand: the same core, headless."""

from __future__ import annotations

import multiprocessing
import sys


def main(argv: list[str] | None = None) -> int:
    from core.cli.main import app_argv, build_parser, imports_at_start, run

    parser = build_parser()
    args = parser.parse_args(app_argv(sys.argv[1:] if argv is None else argv, parser))
    if args.command is None:
        from core.formats.import_process import ImportProcess

        importer = ImportProcess(args.model)
        if imports_at_start(args):  # the pipeline loads beside the window, on another core
            importer.prepare()
        from gui.app import run_app

        return run_app(args, importer)
    return run(args)


if __name__ == "__main__":
    multiprocessing.freeze_support()  # worker processes of the packaged app (spawned)
    sys.exit(main())
