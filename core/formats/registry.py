"""Every file format QuoteLab reads or writes, in one place: the command line, the Export
dialog, the exporter and the import read this list. A new format is a module defining
its ``FORMAT`` (see :mod:`core.formats.format`) and a line here.
"""

from __future__ import annotations

from pathlib import Path

from core.formats import brat, csv_rows, docbin, jsonl, text
from core.formats.format import Format

#: In the order the command line and the Export dialog list them.
FORMATS: tuple[Format, ...] = (
    text.FORMAT,
    jsonl.FORMAT,
    docbin.FORMAT,
    csv_rows.FORMAT,
    brat.FORMAT,
)

#: What an export can write, by name.
WRITTEN = {f.name: f for f in FORMATS if f.writes}
#: What an export writes to standard output when no format is named (a file is named
#: with its format's suffix, else the format must be named: :func:`written_as`).
DEFAULT = jsonl.FORMAT
#: What a file is read as when no format claims it (a file named outright, whatever
#: its suffix).
PLAIN = text.FORMAT
#: What an import reads, and the suffixes of the files it takes from a folder.
READ = tuple(f for f in FORMATS if f.reader is not None)
READ_SUFFIXES = tuple(dict.fromkeys(s for f in READ for s in f.suffixes))


def reader_for(path: Path) -> Format:
    """The format ``path`` is read as: the one that claims it by its own test (brat: a
    ``.txt`` with its ``.ann``), else the one its suffix names, else :data:`PLAIN`."""
    suffix = path.suffix.lower()
    claimed = (f for f in READ if f.claims is not None and f.claims(path))
    named = (f for f in READ if suffix in f.suffixes)
    return next(claimed, None) or next(named, PLAIN)


def written_as(out: Path) -> Format | None:
    """The format an export to the file ``out`` is written in when none is named: the
    one its suffix names; None when it names none (``.tsv``, ``.xlsx``, no suffix): such
    a file is never written as JSONL unasked."""
    suffix = out.suffix.lower()
    return next(
        (f for f in WRITTEN.values() if f.writer is not None and suffix in f.suffixes), None
    )
