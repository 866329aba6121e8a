"""Imports (reading, tokenizing, suggesting, storing) in one worker process, started by
the first import and kept, with its loaded spaCy pipeline, for the next one.

For the desktop app: importing spaCy and loading its pipeline in the app's own process
holds Python's GIL for up to 0.45 s at a time, and the GUI thread stalls meanwhile,
also when the work runs in a background thread (bench/model_stall.py). In a process
of its own it cannot; and reviewing, which needs no pipeline, never loads it
(docs/adr/0015). The worker stores into the corpus through its own connection, as
every background job does, opened as held by the app (no full check for the app's
``-wal``: docs/adr/0042); progress and cancelling cross over by a queue and an event.
"""

from __future__ import annotations

import os
import queue
import signal
import time
from collections.abc import Callable
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from contextlib import suppress
from pathlib import Path
from typing import Any

from core import worker
from core.config import model_name
from core.corpus.integrity import Holder, holder_of
from core.corpus.store import Store
from core.formats.ingest import ImportReport, import_paths
from core.suggest import for_process

POLL_S = 0.05  # how often the waiting thread looks for progress and a cancel
#: Polls a cancelled worker has to stop by itself (between parser batches) before it is
#: killed: a step it cannot leave (tokenizing or storing one huge article, a parser
#: batch of punctuation) must not hold a cancel up. Killing is safe: each article is
#: stored in one transaction, which SQLite rolls back if it is cut short.
CANCEL_POLLS = 10

# -- in the worker process -----------------------------------------------------------------

_progress: Any = None  # multiprocessing queue of (done, total)
_cancel: Any = None  # multiprocessing event


def _started(progress: Any, cancel: Any, pid: Any) -> None:
    global _progress, _cancel
    _progress, _cancel = progress, cancel
    pid.value = os.getpid()  # for the app to kill a cancelled import that does not stop


def _load(model: str) -> None:
    """Load the pipeline for ``model`` now (timed for bench/startup.py)."""
    suggester = for_process(model)
    if not suggester.loaded:
        suggester.load()
        if os.environ.get("QUOTELAB_TIMING"):
            print(f"model {time.time():.3f}", flush=True)


def _import(
    db: Path, paths: list[Path], model: str | None, jobs: int, holder: Holder | None
) -> ImportReport:
    suggester = for_process(model) if model is not None else None
    if model is not None and os.environ.get("QUOTELAB_TIMING"):
        _load(model)  # else it loads once an article needs it
    with Store(db, holder=holder) as store:
        return import_paths(
            store,
            paths,
            suggester,
            lambda done, total: _progress.put((done, total)),
            _cancel.is_set,
            jobs=jobs,
        )


# -- in the app --------------------------------------------------------------------------


def _last_id(db: Path) -> int:
    """The corpus's highest article id (0 for none, or no corpus yet)."""
    if not db.exists():
        return 0
    with Store(db, read_only=True) as store:
        return max(store.article_ids() or [0])


class ImportProcess:
    """Runs :func:`core.formats.ingest.import_paths` in the worker process, suggesting on
    ``jobs`` cores (default: all; the worker starts more workers only for more than a
    few dozen articles, see ``core.suggest``)."""

    def __init__(self, model: str | None = None, jobs: int | None = None) -> None:
        self.model = model_name(model)
        self.jobs = jobs or os.cpu_count() or 1
        self._pool: ProcessPoolExecutor | None = None
        self._progress = worker.CONTEXT.Queue()
        self._cancel = worker.CONTEXT.Event()
        self._pid = worker.CONTEXT.Value("i", 0)

    @property
    def started(self) -> bool:
        return self._pool is not None

    def run(
        self,
        db: Path,
        paths: list[Path],
        suggest: bool,
        progress: Callable[[int, int], None],
        cancelled: Callable[[], bool],
    ) -> ImportReport:
        """Import ``paths`` into the corpus at ``db`` (with suggestions when
        ``suggest``), reporting progress here; waits for the worker (call it from a
        background thread). A cancel stops the worker within ``CANCEL_POLLS`` polls:
        by itself, or killed."""
        self._cancel.clear()
        asked: int | None = None  # polls since the cancel was passed on
        try:
            last = _last_id(db)  # to tell what a killed import stored
            future = self._worker().submit(  # (the app's window holds the corpus open)
                _import, db, paths, self.model if suggest else None, self.jobs, holder_of(db)
            )
            while True:
                finished = future.done()  # before draining: no progress is left behind
                try:
                    while True:
                        progress(*self._progress.get(timeout=0 if finished else POLL_S))
                except queue.Empty:
                    pass
                if finished:
                    return future.result()
                if cancelled():
                    self._cancel.set()
                    asked = 0 if asked is None else asked + 1
                    if asked == CANCEL_POLLS:
                        self._kill()
        except BrokenProcessPool as exc:
            self._pool, self._pid.value = None, 0  # the next import starts a new one
            report = ImportReport()
            if asked is None:
                report.stopped = f"the import worker process stopped ({exc})"
                return report
            report.cancelled = True
            with Store(db, read_only=True) as store:
                report.imported = store.article_ids(from_id=last + 1)
                report.attributions = sum(len(store.attributions(i)) for i in report.imported)
            return report

    def _kill(self) -> None:
        """Stop the worker process now (it loads the pipeline again for the next import)."""
        if self._pid.value:
            with suppress(ProcessLookupError):
                os.kill(self._pid.value, getattr(signal, "SIGKILL", signal.SIGTERM))

    def prepare(self) -> Future[None]:
        """Start the worker and load the pipeline now, for an import sure to come at
        once (a first run's sample): the second it takes passes on another core while
        the window opens, not after. A pipeline that fails to load fails the import
        again, which says why."""
        return self._worker().submit(_load, self.model)

    def _worker(self) -> ProcessPoolExecutor:
        if self._pool is None:
            self._pool = worker.pool(1, _started, (self._progress, self._cancel, self._pid))
        return self._pool

    def close(self) -> None:
        """End the worker process (an import in it is cancelled first: it stops within a
        second) and wait until it has: Python 3.11's exit wakes every process pool still
        ending, and one that closes its pipe meanwhile makes the exit print a traceback."""
        if self._pool is not None:
            self._cancel.set()
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool, self._pid.value = None, 0
