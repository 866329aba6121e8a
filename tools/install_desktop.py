"""Add QuoteLab to the Linux application menu and let file managers open .qlab files
with it, for the current user. `make install-desktop` runs it on the app `make package`
built; any other QuoteLab executable can be named instead:

    .venv/bin/python tools/install_desktop.py "$(command -v quotelab)"

It writes under the user's data directory (``$XDG_DATA_HOME``, else ``~/.local/share``;
a relative ``XDG_DATA_HOME`` is ignored, as the XDG spec says): the desktop entry
(``applications/quotelab.desktop``, its ``Exec`` quoted so any path works), the icon
and the shared-mime-info type of a corpus, then refreshes the menu's and the MIME
databases where their tools are installed.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import platformdirs

RESOURCES = Path(__file__).resolve().parent.parent / "resources"


def exec_value(app: Path) -> str:
    """``app`` as the program of a desktop entry's ``Exec`` key: quoted whole, ``"``,
    `````, ``$`` and ``\\`` escaped inside the quotes, then the string value's own
    escape of ``\\`` and ``%`` (the Desktop Entry Specification, "The Exec key")."""
    quoted = '"' + re.sub(r'(["`$\\])', r"\\\1", str(app)) + '"'
    return quoted.replace("\\", "\\\\").replace("%", "%%")


def install(app: Path, data: Path) -> list[Path]:
    """Write the desktop entry, the icon and the MIME type under ``data``; the files
    written."""
    entry = (RESOURCES / "quotelab.desktop").read_text(encoding="utf-8")
    written = [
        data / "applications" / "quotelab.desktop",
        data / "icons" / "hicolor" / "scalable" / "apps" / "quotelab.svg",
        data / "mime" / "packages" / "quotelab.xml",
    ]
    for path in written:
        path.parent.mkdir(parents=True, exist_ok=True)
    written[0].write_text(entry.replace("@EXEC@", exec_value(app)), encoding="utf-8")
    shutil.copyfile(RESOURCES / "icons" / "quotelab.svg", written[1])
    shutil.copyfile(RESOURCES / "quotelab-mime.xml", written[2])
    for tool, folder in (
        ("update-mime-database", "mime"),
        ("update-desktop-database", "applications"),
    ):
        if shutil.which(tool):
            subprocess.run([tool, str(data / folder)], check=False)
    return written


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print(__doc__, file=sys.stderr)
        return 2
    app = Path(argv[0]).absolute()
    if not (app.is_file() and os.access(app, os.X_OK)):
        print(
            f"install-desktop: no QuoteLab app at {app}: build it first with `make package`, "
            'or name an installed one: make install-desktop APP="$(command -v quotelab)"',
            file=sys.stderr,
        )
        return 1
    if "\n" in str(app):
        print(f"install-desktop: {app!r}: no desktop entry can name a line break", file=sys.stderr)
        return 1
    for path in install(app, Path(platformdirs.user_data_dir())):
        print(f"wrote {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
