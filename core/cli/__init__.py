"""The command line: ``main.py SUBCOMMAND`` (the same core as the app, headless)."""
