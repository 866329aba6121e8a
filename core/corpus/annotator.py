"""The annotator a corpus was handed out to (``main.py assign``, docs/adr/0032): kept in
the ``meta`` table, a name that passes one rule, whether typed or read from a file."""

from __future__ import annotations

import sqlite3
import unicodedata
from pathlib import Path

from core.corpus.errors import CorpusError

#: ``meta``'s key for the annotator a corpus was handed out to (no key: nobody's).
ANNOTATOR_KEY = "annotator"
#: The longest annotator name: it names a file and is shown in the title bar.
NAME_MAX = 64
#: Characters an annotator name may hold besides letters and digits.
NAME_PUNCTUATION = "-_. "
#: Names Windows reserves for devices: ``NUL.qlab`` is no file there.
_DEVICES = frozenset(
    {"CON", "PRN", "AUX", "NUL", *(f"COM{i}" for i in range(10)), *(f"LPT{i}" for i in range(10))}
)


def name_problem(name: object) -> str | None:
    """Why ``name`` cannot be an annotator's (it names the file ``NAME.qlab`` and is shown
    in the title bar and the report), or None: a name is 1 to NAME_MAX letters, digits,
    spaces, ``-``, ``_`` and ``.`` in NFC, starting with a letter or digit and not
    ending in a space or dot, and not one of the device names Windows reserves."""
    if not isinstance(name, str):
        return "not text"
    if not name:
        return "empty"
    if len(name) > NAME_MAX:
        return f"over {NAME_MAX} characters"
    if unicodedata.normalize("NFC", name) != name:
        return "not in Unicode's composed form (NFC)"
    for c in name:
        if c in "/\\":
            return f"holds {c!r}, a path separator"
        if not (c.isalnum() or c in NAME_PUNCTUATION):
            return f"holds {c!r} (a name is letters, digits, spaces, '-', '_' and '.')"
    if not name[0].isalnum():
        return "does not start with a letter or digit"
    if name[-1] in " .":
        return "ends in a space or a dot"
    if name.upper() in _DEVICES:
        return "a device name on Windows"
    return None


def read_annotator(conn: sqlite3.Connection, path: Path) -> str | None:
    """The annotator the corpus was handed out to (``meta``), None if nobody's. The file
    is untrusted: a stored name that is not a valid one is refused by name."""
    row = conn.execute("SELECT value FROM meta WHERE key = ?", (ANNOTATOR_KEY,)).fetchone()
    if row is None:
        return None
    problem = name_problem(row[0])
    if problem is not None:
        raise CorpusError(
            f"{path}: its annotator ({ANNOTATOR_KEY} in the meta table) is not a valid "
            f"name: {problem}; it was refused and not modified"
        )
    return str(row[0])


def write_annotator(conn: sqlite3.Connection, name: str) -> None:
    """Make ``name`` the corpus's annotator, in the caller's transaction."""
    assert name_problem(name) is None, name
    conn.execute("INSERT INTO meta VALUES (?, ?)", (ANNOTATOR_KEY, name))
