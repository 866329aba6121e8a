"""Starting the desktop app: the window at once; the spaCy pipeline only when an
import needs suggestions, in a worker process (core/formats/import_process.py). On a first run
that import is sure, and main.py starts the worker before this module's Qt is loaded."""

from __future__ import annotations

import os
import signal
import sys
import time
from collections.abc import MutableMapping
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtGui import QGuiApplication, QIcon
from PySide6.QtWidgets import QApplication, QMessageBox

from core import __version__
from core.config import APP_NAME, resource_path, sample_article_path
from core.formats.import_process import ImportProcess
from gui import dialogs
from gui.main_window import MainWindow
from gui.timing import Settle


@dataclass(frozen=True)
class Launch:
    """The corpus the app opens at launch, as main.py resolves it from the command line
    (nothing under gui/ reads the command line)."""

    corpus: Path
    first_run: bool = False  # the corpus does not exist yet: imports start at launch
    sample: bool = False  # import the bundled sample article into it if it is empty
    ask_to_create: bool = False  # named by the user: created only once they say so


def readable_dates(environ: MutableMapping[str, str] = os.environ) -> None:
    """With no locale set (C or POSIX, as in containers and some sessions) Qt writes
    dates as "5 12 2026" (the file dialogs' Date Modified): there, dates are written in
    ISO order (``en_SE``: 2026-12-05) through the locale's one category of dates,
    before Qt reads it. Numbers and messages stay as they were."""
    if environ.get("LC_ALL"):  # (it overrides every category)
        if not _unset(environ["LC_ALL"]):
            return
        environ["LANG"] = environ.pop("LC_ALL")
    if _unset(environ.get("LC_TIME") or environ.get("LANG") or "C"):
        environ["LC_TIME"] = "en_SE.UTF-8"


def _unset(locale: str) -> bool:
    return locale.partition(".")[0] in ("C", "POSIX")


def run_app(launch: Launch, importer: ImportProcess) -> int:
    readable_dates()
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(sys.argv[:1])
    app.setApplicationName(APP_NAME)
    app.setApplicationVersion(__version__)
    QGuiApplication.setDesktopFileName("quotelab")  # matches quotelab.desktop (Wayland, docks)
    icon = resource_path("icons/quotelab.svg")
    if icon.exists():
        app.setWindowIcon(QIcon(str(icon)))
    window = MainWindow(importer)
    window.show()
    window.activateWindow()  # take the keyboard at once, also without a window manager
    if os.environ.get("QUOTELAB_TIMING"):
        _report_timing(window)
    _close_on_signals(window)
    open_first(window, launch)
    try:
        return app.exec()
    finally:
        importer.close()


def _close_on_signals(window: MainWindow) -> None:
    """Ctrl+C in the terminal, and SIGTERM (a logout, ``kill``), close the window as
    Ctrl+Q does: settings saved, jobs stopped, the worker process ended. Python runs a
    signal handler only between bytecodes, which Qt's event loop does not run while
    idle: a timer gives it the chance a few times a second."""
    for sig in (signal.SIGINT, signal.SIGTERM):
        signal.signal(sig, lambda _sig, _frame: QTimer.singleShot(0, window.close))
    ticker = QTimer(window, interval=200)
    ticker.timeout.connect(lambda: None)
    ticker.start()


def open_first(window: MainWindow, launch: Launch) -> QMessageBox | None:
    """Open the corpus the command line names (or the default one), offering the sample
    on a first run (the default corpus made now). A ``--db`` that does not exist is
    created only once the user says so (or with ``--create``): a mistyped name would
    otherwise become a new, empty corpus without a word. Returns the question asked, if
    any. An empty corpus opened again asks nothing: the question, at every launch, took
    the first keys typed (an "n" answered it), and the empty window says which keys
    import."""
    path = launch.corpus
    if launch.ask_to_create and not path.exists():
        return dialogs.offer_new_corpus(window, path, lambda: window.open_corpus(path), window.back)
    if window.open_corpus(path) and window.articles.totals.articles == 0:  # counted on open
        if launch.sample:
            window.import_paths([sample_article_path()])
        elif launch.first_run:
            return window.offer_sample()
    return None


def _report_timing(window: MainWindow) -> None:
    """For bench/startup.py: print wall-clock times of what the user sees (gui/timing.py):
    the window's first paint ("painted"), the first article's text painted ("article"),
    its suggestions on screen (the table's rows painted, after the first run's import:
    "suggestions"), and the event loop idle after them ("idle", when the app quits);
    and, as the bench quoted it before issue 21, a zero-delay timer before the first
    paint ("shown")."""
    app = QApplication.instance()
    assert app is not None
    settle = Settle(app)
    seen: set[str] = set()

    def mark(event: str, ago: float = 0.0) -> None:
        if event not in seen:
            seen.add(event)
            print(f"{event} {time.time() - ago:.3f}", flush=True)

    def painted() -> None:
        mark("painted")
        s = window.session
        if s is not None and s.article is not None and window.view.viewport() in settle.turn:
            mark("article")
        if s is not None and s.attrs and window.table.viewport() in settle.turn:
            mark("suggestions")

    def idle() -> None:
        if "painted" in seen and not window.jobs.jobs:
            mark("idle", time.perf_counter() - settle.last)  # when the last work ended
            window.close()

    QTimer.singleShot(0, lambda: mark("shown"))
    settle.painted.connect(painted)
    settle.idle.connect(idle)
    settle.watch()
