"""What the corpus raises: CorpusError and its kinds. Whatever SQLite raises on a corpus
leaves :mod:`core.corpus` as a CorpusError (:func:`corpus_error`), so no code outside it
needs ``sqlite3``."""

from __future__ import annotations

import functools
import glob
import shutil
import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import Concatenate, ParamSpec, Protocol, TypeVar

try:
    import resource
except ImportError:  # (Windows: no file size limits)
    resource = None  # type: ignore[assignment]


class CorpusError(Exception):
    """A corpus that cannot be opened or written; the message says which and why."""


class ReadOnlyError(CorpusError):
    pass


class ConflictError(CorpusError):
    """The data changed under a command (another window or process edited it)."""


def is_damage(exc: sqlite3.Error) -> bool:
    """Whether SQLite's error says the file is damaged (or is no database)."""
    code = getattr(exc, "sqlite_errorcode", 0) & 0xFF  # the primary of an extended code
    return code in (sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB)


def corpus_error(path: Path, exc: sqlite3.Error) -> CorpusError:
    """The CorpusError for what SQLite raised on the corpus at ``path``: damage says so
    and how to save what can still be read."""
    if is_damage(exc):
        return CorpusError(
            f"{path}: the corpus is damaged ({exc}); `main.py check` lists what can "
            "still be read, `main.py backup` copies it"
        )
    return CorpusError(f"{path}: {exc}")


#: Free space under which a write that failed is taken to have met a full disk.
_NEARLY_FULL = 1 << 20


def not_saved(path: Path, exc: sqlite3.Error) -> CorpusError:
    """The CorpusError for a write transaction SQLite refused or could not commit, with
    the cause in words a user can act on; SQLite rolled it back, so the corpus holds
    what it held before."""
    if is_damage(exc):
        return corpus_error(path, exc)
    return CorpusError(
        f"{path}: the change was not saved: {cause(path, exc)} ({exc}); "
        "the corpus is as it was before"
    )


def cause(path: Path, exc: sqlite3.Error) -> str:
    """Why SQLite could not write the corpus at ``path``, in a user's words."""
    code = getattr(exc, "sqlite_errorcode", 0) & 0xFF
    if code in (sqlite3.SQLITE_READONLY, sqlite3.SQLITE_PERM, sqlite3.SQLITE_CANTOPEN):
        return "the corpus cannot be written here (read-only)"
    if code in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED):
        return "another window or process holds the corpus (busy or locked)"
    if code == sqlite3.SQLITE_CONSTRAINT:  # QuoteLab's writes keep every constraint
        return "the corpus is damaged or was edited outside QuoteLab (`main.py check` names it)"
    if code not in (sqlite3.SQLITE_FULL, sqlite3.SQLITE_IOERR):
        return "SQLite refused it"
    space = _space_left(path)
    if space is not None:
        return space
    if code == sqlite3.SQLITE_FULL:  # with room on the disk: a counter or limit of the file
        return (
            "the corpus cannot grow (a row-id counter or the page limit is at its maximum: "
            "edited outside QuoteLab or damaged)"
        )
    return "the disk could not be written (an I/O error of the disk or file system)"


def _space_left(path: Path) -> str | None:
    """Why no more can be written beside ``path``, if the disk or a limit says so: the
    file system nearly full, or this process's file size limit (``ulimit -f``) reached."""
    real = path.resolve()
    try:
        if shutil.disk_usage(real.parent).free < _NEARLY_FULL:
            return "the disk is full"
    except OSError:
        pass
    if resource is not None:
        limit = resource.getrlimit(resource.RLIMIT_FSIZE)[0]
        sizes = [p.stat().st_size for p in real.parent.glob(f"{glob.escape(real.name)}*")]
        if limit != resource.RLIM_INFINITY and max(sizes, default=0) + _NEARLY_FULL > limit:
            return f"the file size limit is reached (ulimit -f: {limit} bytes)"
    return None


class _OnCorpus(Protocol):
    path: Path


_S = TypeVar("_S", bound=_OnCorpus)
_P = ParamSpec("_P")
_R = TypeVar("_R")


def guarded(read: Callable[Concatenate[_S, _P], _R]) -> Callable[Concatenate[_S, _P], _R]:
    """A method of the store, or a function taking it, whose SQLite errors come out as
    :func:`corpus_error`: opening reads only what the cheap checks need, so damage below
    the rows shows where it is read ("database disk image is malformed")."""

    @functools.wraps(read)
    def run(store: _S, /, *args: _P.args, **kwargs: _P.kwargs) -> _R:
        try:
            return read(store, *args, **kwargs)
        except sqlite3.Error as exc:
            raise corpus_error(store.path, exc) from None

    return run
