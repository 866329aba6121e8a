"""The Report window computes the report off the GUI thread, shows how far it is and
stops on Cancel or when it closes (issue 21, item 11)."""

import threading
from contextlib import contextmanager

import pytest
from PySide6.QtCore import QThreadPool

from core.corpus.store import Store
from core.formats.imported import content_hash
from core.measure import report
from core.model import Article, Status
from core.tokens import tokenize
from gui.report_window import ReportWindow
from tests.core.small_corpus import suggestion
from tests.gui.conftest import Blocker

DONE = 2 * report.STEP + 50


@pytest.fixture
def many(tmp_path):
    """``DONE`` done articles, a quote each."""
    path = tmp_path / "many.qlab"
    with Store(path) as store:
        for i in range(DONE):
            text = f"Story {i:04d}. Mayor Ana Ruiz said the bridge would reopen."
            quote = suggestion(
                text, "the bridge would reopen.", "Mayor Ana Ruiz", "Ana Ruiz", "said"
            )
            art = Article(text=text, content_hash=content_hash(text), status=Status.DONE)
            store.add_article(art, [quote], tokenize(text))
    return path


@contextmanager
def _held(qtbot, many):
    """A Report window on ``many`` whose report waits (one thread, busy) until the
    ``with`` block ends: what the window shows meanwhile can be read. (window, pool)."""
    pool, blocker = QThreadPool(), Blocker()
    pool.setMaxThreadCount(1)
    pool.start(blocker)
    try:
        w = ReportWindow(many, pool)
        qtbot.addWidget(w)
        w.show()
        yield w, pool
    finally:
        blocker.release.set()


def test_the_report_is_computed_off_the_gui_thread_with_its_progress(qtbot, many, monkeypatch):
    threads = []
    build = report.build

    def recorded(*args, **kwargs):
        threads.append(threading.current_thread())
        return build(*args, **kwargs)

    monkeypatch.setattr(report, "build", recorded)
    with _held(qtbot, many) as (w, pool):
        assert w.progress.isVisible() and w.cancel_button.isVisible()
        assert (w.progress.minimum(), w.progress.maximum()) == (0, 0)  # busy, not a count
        seen = []
        w._computing.signals.progress.connect(
            lambda done, total: seen.append((done, total, w.progress.maximum()))
        )
    with qtbot.waitSignal(w.ready, timeout=20_000):
        pass
    assert threads and threads[0] is not threading.main_thread()
    assert seen == [(n, DONE, DONE) for n in range(0, DONE, report.STEP)]
    assert not w.progress.isVisible() and not w.cancel_button.isVisible()
    assert w.report.quality.articles == DONE
    pool.waitForDone(5000)


def test_cancel_stops_the_report_and_refresh_computes_it_again(qtbot, many):
    with _held(qtbot, many) as (w, pool):
        w.cancel_button.click()  # before the job has read a row
    qtbot.waitUntil(lambda: w.status.text() == "The report was cancelled.", timeout=20_000)
    assert w.report is None and not w.save_button.isEnabled()
    assert w.refresh_button.isEnabled() and not w.cancel_button.isVisible()
    with qtbot.waitSignal(w.ready, timeout=20_000):
        w.refresh_button.click()
    assert w.report.quality.articles == DONE
    pool.waitForDone(5000)


def test_closing_the_window_cancels_the_report(qtbot, many):
    with _held(qtbot, many) as (w, pool):
        job = w._computing
        w.close()
    assert job.cancelled
    qtbot.waitUntil(lambda: job not in w._jobs, timeout=20_000)  # it stopped, reporting none
    assert w.report is None
    pool.waitForDone(5000)
