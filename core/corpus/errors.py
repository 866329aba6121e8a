"""What the corpus raises: CorpusError and its kinds. Whatever SQLite raises on a corpus
leaves :mod:`core.corpus` as a CorpusError (:func:`corpus_error`), so no code outside it
needs ``sqlite3``."""

from __future__ import annotations

import functools
import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import Concatenate, ParamSpec, Protocol, TypeVar


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
