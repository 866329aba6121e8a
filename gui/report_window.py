"""The Report window: what the corpus says, with charts, and agreement with another corpus.

Standalone: built from a corpus path; everything is computed by ``core.measure.report``,
``core.measure.charts`` and ``core.measure.agree`` in a background :class:`gui.workers.Job`
(on its own pool by default, so a running import never delays it), so the window appears
at once and review goes on meanwhile. The report's job shows its progress in the window
and stops on Cancel, or when the window closes.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import Any

from PySide6.QtCore import QByteArray, QPoint, QRect, QSize, Qt, QThreadPool, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtSvgWidgets import QSvgWidget
from PySide6.QtWidgets import (
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from core.corpus.store import Store
from core.measure import agree, charts, report
from gui.keymap import REPORT_KEYS, Act
from gui.workers import Job, job_pool


def compute_report(db: Path) -> Callable[..., tuple[report.Report, dict[str, bytes]]]:
    """A job function: the report of the corpus at ``db`` and its charts as SVG, its
    progress the done articles scored; a cancel stops it (:class:`report.Cancelled`)."""

    def run(
        progress: Callable[[int, int], None], cancelled: Callable[[], bool]
    ) -> tuple[report.Report, dict[str, bytes]]:
        with Store(db, create=False) as store:
            rep = report.build(store, progress=progress, cancelled=cancelled)
        return rep, charts.render_all(rep)

    return run


def compute_agreement(paths: list[Path]) -> Callable[..., agree.Agreement]:
    def run(progress: Callable[[int, int], None], cancelled: Callable[[], bool]) -> agree.Agreement:
        progress(0, 0)
        return agree.compare(paths)

    return run


def beside(screen: QRect, review: QRect, size: QSize) -> QPoint:
    """Where a window of ``size`` goes beside ``review`` on ``screen``: right of it, else
    left of it, else at the screen's edge on the side with more room."""
    right, left = screen.right() - review.right(), review.left() - screen.left()
    if right >= size.width():
        x = review.right() + 1
    elif left >= size.width():
        x = review.left() - size.width()
    elif right >= left:
        x = screen.right() + 1 - size.width()
    else:
        x = screen.left()
    y = min(max(review.top(), screen.top()), screen.bottom() + 1 - size.height())
    return QPoint(max(x, screen.left()), max(y, screen.top()))


class ReportWindow(QWidget):
    """Signals:
    ready(report): the figures and charts are shown.
    compared(agreement): the comparison with another corpus is shown.
    failed(message): a job failed; the message is also shown in the window.
    closed(): the window was closed.
    """

    ready = Signal(object)
    compared = Signal(object)
    failed = Signal(str)
    closed = Signal()

    def __init__(
        self, corpus: Path, pool: QThreadPool | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.corpus = Path(corpus)
        self.pool = pool or job_pool()
        self.report: report.Report | None = None
        self.svgs: dict[str, bytes] = {}
        self._jobs: list[Job] = []  # kept alive until they report
        self.setWindowTitle(f"Report: {self.corpus.name}")
        self.resize(960, 720)  # two charts side by side, no sideways scrolling
        self.status = QLabel()
        self.status.setTextFormat(Qt.TextFormat.PlainText)  # it names files the user chose
        self.figures = QTextBrowser()
        self.figures.setOpenLinks(False)
        self.figures.document().setDefaultStyleSheet(charts.STYLE)
        #: What is left to show of a report computed, a step per turn of the event loop:
        #: shown at once, its figures held the GUI thread 55 ms at 10k articles.
        self._steps: deque[Callable[[], None]] = deque()
        self._step = QTimer(self, singleShot=True, interval=0)
        self._step.timeout.connect(self._show_step)
        self.chart_widgets: dict[str, QSvgWidget] = {}
        self._grid = QGridLayout()
        for name in charts.CHARTS:
            self._add_chart(name)
        chart_page = QWidget()
        chart_page.setLayout(self._grid)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(chart_page)
        self.agreement = QPlainTextEdit(readOnly=True)
        self.agreement.setPlaceholderText(
            "Compare this corpus with another annotator's corpus on the articles they share."
        )
        compare_button = QPushButton("Compare with another corpus...")
        compare_button.clicked.connect(self.ask_compare)
        agree_page = QWidget()
        agree_layout = QVBoxLayout(agree_page)
        agree_layout.addWidget(compare_button, 0, Qt.AlignmentFlag.AlignLeft)
        agree_layout.addWidget(self.agreement, 1)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.figures, "Figures")
        self.tabs.addTab(scroll, "Charts")
        self.tabs.addTab(agree_page, "Agreement")
        self.refresh_button = QPushButton("Refresh")
        self.refresh_button.clicked.connect(self.refresh)
        self.save_button = QPushButton("Save charts...")
        self.save_button.clicked.connect(self.ask_save_charts)
        self.progress = QProgressBar()
        self.progress.setFixedWidth(160)
        self.cancel_button = QPushButton("Cancel")
        self.cancel_button.clicked.connect(self.cancel)
        self._computing: Job | None = None  # the report's job while it runs
        bar = QHBoxLayout()
        bar.addWidget(self.status, 1)
        bar.addWidget(self.progress)
        bar.addWidget(self.cancel_button)
        bar.addWidget(self.save_button)
        bar.addWidget(self.refresh_button)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.tabs, 1)
        handlers = {Act.CLOSE_REPORT: self.close}
        for b in REPORT_KEYS:
            action = QAction(b.text, self)
            action.setShortcuts([QKeySequence(k) for k in b.keys])
            action.triggered.connect(handlers[b.id])
            self.addAction(action)
        self.refresh()

    def _add_chart(self, name: str) -> None:
        """A chart's widget, added after the others (two a row)."""
        w = QSvgWidget()
        w.renderer().setAspectRatioMode(Qt.AspectRatioMode.KeepAspectRatio)
        w.setMinimumSize(charts.WIDTH * 2 // 3, charts.HEIGHT * 2 // 3)
        i = len(self.chart_widgets)
        self.chart_widgets[name] = w
        self._grid.addWidget(w, i // 2, i % 2)

    def _place_charts(self) -> None:
        """The widgets of the charts drawn, two a row; the others hidden (a gold has no
        suggestion quality chart)."""
        drawn = [w for name, w in self.chart_widgets.items() if name in self.svgs]
        for w in self.chart_widgets.values():
            self._grid.removeWidget(w)
            w.setVisible(w in drawn)
        for i, w in enumerate(drawn):
            self._grid.addWidget(w, i // 2, i % 2)

    def show_beside(self, review: QWidget) -> None:
        """Show the window beside the review's (not over it), or as little over it as
        the screen allows."""
        screen = review.screen().availableGeometry()
        self.move(beside(screen, review.frameGeometry(), self.frameGeometry().size()))
        self.show()

    def closeEvent(self, event: QCloseEvent) -> None:
        for job in self._jobs:  # nobody is left to read them
            job.cancel()
        super().closeEvent(event)
        self.closed.emit()

    # -- computing in the background -------------------------------------------------------

    def _start(self, label: str, fn: Callable[..., Any], done: Callable[[Any], None]) -> Job:
        job = Job(label, fn, None)
        self._jobs.append(job)

        def finished(result: Any) -> None:
            self._jobs.remove(job)
            done(result)

        def failed(message: str) -> None:
            self._jobs.remove(job)
            said = f"{label} was cancelled." if job.cancelled else f"{label} failed: {message}"
            if job is self._computing:
                self._computed(said)
            else:
                self.status.setText(said)
            if not job.cancelled:
                self.failed.emit(message)

        job.signals.finished.connect(finished)
        job.signals.failed.connect(failed)
        self.pool.start(job)
        return job

    def refresh(self) -> None:
        """Compute the report again (in the background), with its progress and Cancel."""
        self.status.setText("Computing the report...")
        self.refresh_button.setEnabled(False)
        self.save_button.setEnabled(False)
        self.progress.setRange(0, 0)  # busy until the first done article is scored
        self.progress.show()
        self.cancel_button.show()
        self._computing = self._start("The report", compute_report(self.corpus), self._show_report)
        self._computing.signals.progress.connect(self._progress)

    def _progress(self, done: int, total: int) -> None:
        self.progress.setRange(0, total)
        self.progress.setValue(done)

    def cancel(self) -> None:
        """Stop computing the report (the figures shown, if any, stay)."""
        if self._computing is not None:
            self._computing.cancel()

    def _computed(self, status: str) -> None:
        """The report's job is over: ``status`` says how."""
        self._computing = None
        self.progress.hide()
        self.cancel_button.hide()
        self.status.setText(status)
        self.refresh_button.setEnabled(True)
        self.save_button.setEnabled(self.report is not None)

    def _show_report(self, result: tuple[report.Report, dict[str, bytes]]) -> None:
        """Show the report computed: its figures a section at a time, then each chart,
        each in its own turn of the event loop (none holds the GUI thread long)."""
        self.report, self.svgs = result
        self.figures.clear()
        self.figures.setUpdatesEnabled(False)  # one paint at the end, not one per section
        self._steps.extend(partial(self.figures.append, p) for p in charts.html_parts(self.report))
        for name in self.svgs:
            if name not in self.chart_widgets:  # a gold's own charts, the first time
                self._add_chart(name)
        self._place_charts()
        self._steps.extend(
            partial(self.chart_widgets[name].load, QByteArray(svg))
            for name, svg in self.svgs.items()
        )
        self._steps.append(self._shown)
        self._step.start()

    def _show_step(self) -> None:
        self._steps.popleft()()
        if self._steps:
            self._step.start()

    def _shown(self) -> None:
        assert self.report is not None
        self.figures.verticalScrollBar().setValue(0)  # (appending followed the end)
        self.figures.setUpdatesEnabled(True)
        q = self.report.quality
        n = sum(self.report.articles_by_status.values())
        if q is None:
            quality = "a gold corpus"  # no suggestion quality: what the curation says instead
        elif q.articles:
            quality = f"suggestion quality on {q.articles} done: F1 {q.score.overall.f1:.3f}"
        else:
            quality = "no article done yet, so no suggestion quality"
        cur = self.report.curation
        curated = "" if cur is None else f"; {cur.items['open']} item(s) left to adjudicate"
        self._computed(f"{n} article{'s' * (n != 1)}; {quality}{curated}")
        self.ready.emit(self.report)

    def compare_with(self, other: Path) -> None:
        """Compare this corpus with ``other`` (in the background)."""
        self.agreement.setPlainText(f"Comparing with {other}...")
        self._start(
            "The comparison", compute_agreement([self.corpus, Path(other)]), self._show_agreement
        )

    def _show_agreement(self, result: agree.Agreement) -> None:
        self.agreement.setPlainText("\n".join(result.lines()))
        self.compared.emit(result)

    # -- dialogs ----------------------------------------------------------------------------

    def ask_compare(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self, "Compare with", str(self.corpus.parent), "QuoteLab corpus (*.qlab)"
        )
        if name:
            self.tabs.setCurrentIndex(2)
            self.compare_with(Path(name))

    def save_charts(self, folder: Path) -> list[Path]:
        """Write the charts shown as SVG files into ``folder``."""
        out = charts.save(self.svgs, folder)
        self.status.setText(f"Saved {len(out)} charts in {folder}")
        return out

    def ask_save_charts(self) -> None:
        name = QFileDialog.getExistingDirectory(self, "Save the charts in", str(Path.home()))
        if name:
            try:
                self.save_charts(Path(name))
            except OSError as exc:
                self.status.setText(f"The charts were not saved: {exc.strerror or exc}")
