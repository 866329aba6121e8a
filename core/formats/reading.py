"""Reading files and folders: each file is decoded and read by the format that claims it
(:func:`core.formats.registry.reader_for`); nothing here touches the corpus."""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from pathlib import Path

from core.config import MAX_IMPORT_BYTES
from core.formats.decoding import decode
from core.formats.imported import Imported, ImportProblem, shown
from core.formats.registry import READ_SUFFIXES, reader_for


def read_file(
    path: Path, brat_labels: dict[str, str] | None = None
) -> Iterator[Imported | ImportProblem]:
    """Every article in one file; a problem is yielded, never raised."""
    name = shown(path)
    too_large = ImportProblem(f"{name}: too large (the limit is {MAX_IMPORT_BYTES // 2**20} MB)")
    try:
        if not stat.S_ISREG(path.stat().st_mode):  # a FIFO or device would never end
            yield ImportProblem(f"{name}: not a regular file")
            return
        with path.open("rb") as f:
            data = f.read(MAX_IMPORT_BYTES + 1)
        if len(data) > MAX_IMPORT_BYTES:
            yield too_large
            return
    except OSError as exc:
        yield ImportProblem(f"{name}: cannot be read ({exc.strerror or exc})")
        return
    try:
        text, warnings = decode(data, name)
        reader = reader_for(path).reader
        assert reader is not None  # reader_for gives a format that reads
        yield from reader(path, text, warnings, brat_labels)
    except ImportProblem as exc:
        yield ImportProblem(f"{name}: {exc}")


def collect_files(paths: list[Path]) -> Iterator[Path | ImportProblem]:
    """Files to import: the files named, and text/JSONL files found in folders,
    recursively (symlinked folders are not followed); a problem for each path or
    folder that cannot be read."""
    for p in paths:
        try:
            mode = p.stat().st_mode
        except OSError as exc:
            reason = (
                "no such file or folder"
                if isinstance(exc, FileNotFoundError)
                else (f"cannot be read ({exc.strerror or exc})")
            )
            yield ImportProblem(f"{shown(p)}: {reason}")
            continue
        if not stat.S_ISDIR(mode):
            yield p
            continue
        errors: list[OSError] = []
        for folder, dirs, files in os.walk(p, onerror=errors.append):
            yield from (_unreadable(errors.pop(0), "folder") for _ in list(errors))
            dirs.sort()
            for f in sorted(files):
                if Path(f).suffix.lower() in READ_SUFFIXES:
                    yield Path(folder, f)
        yield from (_unreadable(exc, "folder") for exc in errors)


def _unreadable(exc: OSError, what: str) -> ImportProblem:
    return ImportProblem(f"{shown(exc.filename)}: {what} cannot be read ({exc.strerror or exc})")


def read_paths(
    paths: list[Path], brat_labels: dict[str, str] | None = None
) -> Iterator[Imported | ImportProblem]:
    """Every article in the files and folders given, with a problem for each that
    cannot be read; the rest still come."""
    for f in collect_files(paths):
        if isinstance(f, ImportProblem):
            yield f
        else:
            yield from read_file(f, brat_labels)
