"""Background work: QRunnables on a one-thread pool that get plain data, report by
signal and can be cancelled. Each job opens its own corpus connection."""

from __future__ import annotations

import threading
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from core.corpus import queries
from core.corpus.store import Store
from core.formats.export import ExportReport, export
from core.formats.import_process import ImportProcess
from core.formats.ingest import ImportReport, import_paths
from core.formats.known_speakers import read_speakers, write_speakers
from core.measure.curate import Curated, curate
from core.model import Speaker
from core.suggest import Suggester


class JobSignals(QObject):
    """Signals:
    progress(done, total): how far the job is.
    finished(result): the job's return value.
    failed(message): what went wrong, for a dialog.
    """

    progress = Signal(int, int)
    finished = Signal(object)
    failed = Signal(str)


class Job(QRunnable):
    """Runs ``fn(progress, cancelled)`` off the GUI thread."""

    def __init__(self, label: str, fn: Callable[..., Any], generation: int | None) -> None:
        super().__init__()
        self.setAutoDelete(False)
        self.label = label
        self.fn = fn
        self.generation = generation  # a result for an older corpus is dropped; None: never
        self.signals = JobSignals()
        self._cancel = threading.Event()

    def cancel(self) -> None:
        self._cancel.set()

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def run(self) -> None:
        try:
            result = self.fn(self.signals.progress.emit, self._cancel.is_set)
        except Exception as exc:  # reported to the user, never lost in a thread
            self.signals.failed.emit(f"{type(exc).__name__}: {exc}" if not str(exc) else str(exc))
            return
        self.signals.finished.emit(result)


def import_files(
    db: Path, paths: list[Path], suggester: Suggester | ImportProcess, suggest: bool
) -> Callable[..., Any]:
    """An import with suggestions (``suggest``) from ``suggester``: in this process, or
    in the worker process of an :class:`ImportProcess` (the app's)."""
    if isinstance(suggester, ImportProcess):
        return partial(suggester.run, db, paths, suggest)

    def run(progress: Callable[[int, int], None], cancelled: Callable[[], bool]) -> ImportReport:
        progress(0, 0)
        if suggest:
            suggester.load()
        with Store(db) as store:
            return import_paths(store, paths, suggester if suggest else None, progress, cancelled)

    return run


def export_file(
    db: Path, out: Path, fmt: str, done_only: bool, accepted_only: bool, tokens: bool
) -> Callable[..., Any]:
    def run(progress: Callable[[int, int], None], cancelled: Callable[[], bool]) -> ExportReport:
        with Store(db, create=False) as store:
            return export(
                store,
                out,
                fmt,
                done_only=done_only,
                accepted_only=accepted_only,
                progress=progress,
                cancelled=cancelled,
                tokens=tokens,
            )

    return run


def backup(db: Path, out: Path) -> Callable[..., Any]:
    """A copy of the corpus through SQLite (commits still in its ``-wal`` included)."""

    def run(progress: Callable[[int, int], None], cancelled: Callable[[], bool]) -> Path:
        progress(0, 0)
        with Store(db, create=False) as store:
            store.backup(out)
        return out

    return run


def check(db: Path) -> Callable[..., Any]:
    """The corpus's full check (``Store(check=True)``): what it found damaged."""

    def run(progress: Callable[[int, int], None], cancelled: Callable[[], bool]) -> list[str]:
        progress(0, 0)
        with Store(db, create=False, check=True) as store:
            return list(store.damage)

    return run


class Cancelled(Exception):
    """The user cancelled the job (raised from its progress report)."""


def curate_files(sources: list[Path], out: Path) -> Callable[..., Any]:
    """Annotators' corpora merged into a new gold corpus (``main.py curate``); cancelled
    between two batches of articles (the merge then leaves nothing behind)."""

    def run(progress: Callable[[int, int], None], cancelled: Callable[[], bool]) -> Curated:
        def step(done: int, total: int) -> None:
            if cancelled():
                raise Cancelled("cancelled")
            progress(done, total)

        progress(0, 0)
        return curate(sources, out, progress=step)  # (a CurateError names the bad file)

    return run


def read_speakers_list(path: Path) -> Callable[..., Any]:
    """A known speakers list read and checked (a bad one fails, each bad line named)."""

    def run(progress: Callable[[int, int], None], cancelled: Callable[[], bool]) -> list[Speaker]:
        progress(0, 0)
        return read_speakers(path)

    return run


def export_speakers(db: Path, out: Path) -> Callable[..., Any]:
    """The corpus's known speakers written as a list; how many."""

    def run(progress: Callable[[int, int], None], cancelled: Callable[[], bool]) -> int:
        progress(0, 0)
        with Store(db, create=False) as store:
            return write_speakers(queries.known_speakers(store), out)

    return run


def job_pool() -> QThreadPool:
    """One worker thread: jobs share the spaCy pipeline, one at a time."""
    pool = QThreadPool()
    pool.setMaxThreadCount(1)
    return pool
