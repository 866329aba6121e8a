"""Background jobs as the window shows them: each running job its own row in the status
bar (its label, its progress bar and its Cancel button), in the order they started;
results for a corpus that is no longer open are dropped."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Qt, QThreadPool, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QSizePolicy,
    QStatusBar,
    QWidget,
)

from gui import workers

#: Pixels: a job's label at most (a longer one is cut with an ellipsis; its tooltip has
#: all of it), and its progress bar.
LABEL_WIDTH = 240
PROGRESS_WIDTH = 140


class JobRow(QWidget):
    """One running job in the status bar: its label, its progress, and a Cancel that
    stops this job alone."""

    def __init__(self, job: workers.Job, cancel: Callable[[workers.Job], None]) -> None:
        super().__init__()
        self.job = job
        self.label = QLabel()
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        text = f"{job.label}\u2026"
        self.label.setText(
            self.label.fontMetrics().elidedText(text, Qt.TextElideMode.ElideRight, LABEL_WIDTH)
        )
        self.label.setToolTip(text)
        self.label.setMinimumWidth(self.label.sizeHint().width())  # (the hint gives way)
        self.progress = QProgressBar()
        self.progress.setFixedWidth(PROGRESS_WIDTH)
        self.progress.setRange(0, 0)  # busy until the job says how far it is
        self.cancel_button = QPushButton("Cancel")
        self.cancel_button.setToolTip(f"Cancel: {job.label}")
        self.cancel_button.clicked.connect(lambda: cancel(job))
        self.cancel_button.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        for w in (self.label, self.progress, self.cancel_button):
            row.addWidget(w)


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
        #: The running jobs' rows in the status bar, in the order the jobs started, in
        #: one permanent widget as high as a row, shown with or without them: the bar
        #: lays itself out again when a widget is added or its height changes, and that
        #: shows the hint again under a message being shown.
        self.rows: list[JobRow] = []
        self.box = QWidget()
        self.box_rows = QHBoxLayout(self.box)
        self.box_rows.setContentsMargins(0, 0, 0, 0)
        self.box_rows.addStretch(1)  # (room a message leaves goes here: the rows stay right)
        self.box.setMinimumHeight(
            max(QPushButton("Cancel").sizeHint().height(), QProgressBar().sizeHint().height())
        )
        bar.addPermanentWidget(self.box)
        self.pool = workers.job_pool()
        #: Jobs whose work runs in a process of their own (a refit, a training): they
        #: wait on it beside the pool's jobs, not before them (an import need not wait
        #: for a training of many minutes).
        self.apart = QThreadPool(self)
        self.apart.setMaxThreadCount(2)
        self.generation = 0  # bumped when another corpus is opened

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
        row = JobRow(job, self.cancel_one)
        self.rows.append(row)
        self.box_rows.addWidget(row)
        row.show()  # (now, not once the layout's queued show comes)
        (self.apart if apart else self.pool).start(job)
        return job

    def row(self, job: workers.Job) -> JobRow | None:
        """The status bar's row of a running job."""
        return next((r for r in self.rows if r.job is job), None)

    def cancel(self) -> None:
        """Cancel every running job (the key); each row's Cancel stops its own."""
        for job in self.jobs:
            job.cancel()
        if self.jobs:
            self.said.emit("Cancelling\u2026")

    def cancel_one(self, job: workers.Job) -> None:
        job.cancel()
        self.said.emit(f"{job.label}: cancelling\u2026")

    def stop(self) -> None:
        self.cancel()
        self.pool.waitForDone(10_000)
        self.apart.waitForDone(10_000)

    def _progress(self, job: workers.Job, done: int, total: int) -> None:
        row = self.row(job)
        if row is not None:
            row.progress.setMaximum(total)
            row.progress.setValue(done)

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
        row = self.row(job)
        if row is not None:
            self.rows.remove(row)
            self.box_rows.removeWidget(row)
            row.deleteLater()
