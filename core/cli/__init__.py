"""The command line: ``main.py SUBCOMMAND`` (the same core as the app, headless)."""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any, Protocol


class Shown(Protocol):
    """A command's result: as JSON (``--json``) and as lines of text."""

    def as_dict(self) -> dict[str, Any]: ...
    def lines(self) -> Iterable[str]: ...


def show(result: Shown, as_json: bool) -> None:
    """Print a command's result on stdout: its JSON with ``--json``, else its lines."""
    print(
        json.dumps(result.as_dict(), ensure_ascii=False) if as_json else "\n".join(result.lines())
    )
