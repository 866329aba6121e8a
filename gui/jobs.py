"""Background jobs as the window shows them: a label, a progress bar and a Cancel
button in the status bar; results for a corpus that is no longer open are dropped."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QThreadPool, Signal
from PySide6.QtWidgets import QLabel, QProgressBar, QPushButton, QStatusBar

from gui import workers


class JobRunner(QObject):
    """Signals:
    done(label): a job finished (or failed, or was cancelled).
    failed(label, message): a job failed; for a dialog.
    said(message): for the status bar.
    """

    done = Signal(str)
    failed = Signal(str, str)
    said = Signal(str)

    def __init__(self, bar: QStatusBar) -> None:
        super().__init__(bar)
        self.jobs: list[workers.Job] = []
        self.pool = workers.job_pool()
        #: Jobs whose work runs in a process of their own (a refit, a training): they
        #: wait on it beside the pool's jobs, not before them (an import need not wait
        #: for a training of many minutes).
        self.apart = QThreadPool(self)
        self.apart.setMaxThreadCount(2)
        self.generation = 0  # bumped when another corpus is opened
        self.label = QLabel()
        self.progress = QProgressBar()
        self.progress.setFixedWidth(160)
        self.cancel_button = QPushButton("Cancel")
        self.cancel_button.clicked.connect(self.cancel)
        for w in (self.label, self.progress, self.cancel_button):
            bar.addPermanentWidget(w)
        self._show(None)

    def start(
        self,
        label: str,
        fn: Callable[..., Any],
        done: Callable[[Any], None] | None = None,
        corpus_bound: bool = True,
        apart: bool = False,
    ) -> workers.Job:
        """Run ``fn`` in the background: after the jobs before it, or, ``apart`` (its
        work is in a process of its own), beside them. A corpus-bound job's result is
        dropped if another corpus has been opened since it started."""
        job = workers.Job(label, fn, self.generation if corpus_bound else None)
        job.signals.progress.connect(lambda d, t, j=job: self._progress(j, d, t))
        job.signals.finished.connect(lambda r, j=job: self._finished(j, r, done))
        job.signals.failed.connect(lambda m, j=job: self._failed(j, m))
        self.jobs.append(job)
        self._show(self.jobs[0])
        (self.apart if apart else self.pool).start(job)
        return job

    def cancel(self) -> None:
        for job in self.jobs:
            job.cancel()
        if self.jobs:
            self.said.emit("Cancelling\u2026")

    def stop(self) -> None:
        self.cancel()
        self.pool.waitForDone(10_000)
        self.apart.waitForDone(10_000)

    def _progress(self, job: workers.Job, done: int, total: int) -> None:
        if self.jobs and job is self.jobs[0]:
            self.progress.setMaximum(total)
            self.progress.setValue(done)

    def _finished(self, job: workers.Job, result: Any, done: Callable[[Any], None] | None) -> None:
        self._forget(job)
        if job.generation in (None, self.generation) and done is not None:
            done(result)
        self.done.emit(job.label)

    def _failed(self, job: workers.Job, message: str) -> None:
        self._forget(job)
        if job.generation in (None, self.generation) and not job.cancelled:
            self.failed.emit(job.label, message)
        elif job.cancelled:
            self.said.emit(f"{job.label}: cancelled.")
        self.done.emit(job.label)

    def _forget(self, job: workers.Job) -> None:
        if job in self.jobs:
            self.jobs.remove(job)
        self._show(self.jobs[0] if self.jobs else None)

    def _show(self, job: workers.Job | None) -> None:
        visible = job is not None
        self.label.setText(f"{job.label}\u2026" if job else "")
        self.progress.setVisible(visible)
        self.cancel_button.setVisible(visible)
        if job is not None:
            self.progress.setRange(0, 0)
