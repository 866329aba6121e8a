"""The Report window: opens at once, computes in a worker, shows figures and charts
(drawn by QtSvg), compares with another corpus, saves the charts."""

import shutil

from PySide6.QtCore import QThreadPool
from PySide6.QtGui import QColor, QImage, QPainter

from core.corpus.store import Store
from core.model import Status
from core.review import commands as cmd
from gui.report_window import ReportWindow
from tests.core.small_corpus import apply
from tests.gui.conftest import Blocker


def test_opens_at_once_and_never_waits_for_the_report(qtbot, small):
    pool = QThreadPool()
    pool.setMaxThreadCount(1)
    blocker = Blocker()
    pool.start(blocker)  # the worker is busy: the report cannot start yet
    try:
        w = ReportWindow(small, pool)
        qtbot.addWidget(w)
        w.show()
        qtbot.waitExposed(w)
        assert w.status.text() == "Computing the report..." and w.report is None
    finally:
        blocker.release.set()
    with qtbot.waitSignal(w.ready, timeout=20_000) as got:
        pass
    assert got.args[0] is w.report
    pool.waitForDone(5000)
    assert not blocker.timed_out  # the window was shown while the pool was still busy


def chart_pixels(widget):
    img = QImage(widget.size(), QImage.Format.Format_ARGB32)
    img.fill(QColor("white"))
    painter = QPainter(img)
    widget.renderer().render(painter)
    painter.end()
    return [img.pixelColor(x, y) for x in range(0, img.width(), 4) for y in range(0, 200, 4)]


def test_shows_figures_and_charts(qtbot, small, tmp_path):
    w = ReportWindow(small)
    qtbot.addWidget(w)
    with qtbot.waitSignal(w.ready, timeout=20_000):
        w.show()
    text = w.figures.toPlainText()
    assert "Suggestion quality on 1 done article(s)" in text
    assert "Ana Ruiz" in text and "example.com" in text
    assert w.status.text() == "3 articles; suggestion quality on 1 done: F1 0.750"
    for name, widget in w.chart_widgets.items():
        assert widget.renderer().isValid(), name
    bars = [c for c in chart_pixels(w.chart_widgets["top_speakers"]) if c.blue() - c.red() > 40]
    assert len(bars) > 100  # the blue bars are drawn
    saved = w.save_charts(tmp_path / "charts")
    assert [p.read_bytes() for p in saved] == list(w.svgs.values())
    w.pool.waitForDone(5000)


def test_refresh_shows_new_figures(qtbot, small):
    w = ReportWindow(small)
    qtbot.addWidget(w)
    with qtbot.waitSignal(w.ready, timeout=20_000):
        w.show()
    with Store(small) as store:
        art = store.article_ids()[1]
        apply(store, cmd.set_status(store, art, Status.DONE))
    with qtbot.waitSignal(w.ready, timeout=20_000):
        w.refresh()
    assert w.report.quality.articles == 2
    w.pool.waitForDone(5000)


def test_compares_with_another_corpus(qtbot, small, tmp_path):
    other = tmp_path / "other.qlab"
    shutil.copy(small, other)
    for corpus in (small, other):  # Ready done in both; Taxes is left out (todo)
        with Store(corpus) as store:
            art = store.article_ids()[2]
            if corpus == other:
                apply(store, cmd.delete(store, store.attributions(art)[0].id))
            apply(store, cmd.set_status(store, art, Status.DONE))
    w = ReportWindow(small)
    qtbot.addWidget(w)
    with qtbot.waitSignal(w.ready, timeout=20_000):
        w.show()
    with qtbot.waitSignal(w.compared, timeout=20_000) as got:
        w.compare_with(other)
    assert got.args[0].pairs[0].score.overall.matched == 4  # Bridge's
    assert "[Ready] only in A: 'We are ready'" in w.agreement.toPlainText()
    assert "left out: 1 shared article(s) not done in both" in w.agreement.toPlainText()
    w.pool.waitForDone(5000)


def test_a_missing_corpus_is_reported_in_the_window(qtbot, tmp_path):
    w = ReportWindow(tmp_path / "gone.qlab")
    qtbot.addWidget(w)
    with qtbot.waitSignal(w.failed, timeout=20_000) as got:
        w.show()
    assert "no such corpus" in got.args[0] and "no such corpus" in w.status.text()
    assert not (tmp_path / "gone.qlab").exists()
    w.pool.waitForDone(5000)


def test_closes_by_keyboard(make_window, small, qtbot):
    """The Report window had no key to close it: Esc and Ctrl+W do (as the keymap says)."""
    from PySide6.QtGui import QKeySequence
    from PySide6.QtTest import QTest

    from tests.gui.conftest import back_in, press

    w = make_window(small)
    for key in ("Esc", "Ctrl+W"):
        press(w, "Ctrl+R")
        rep = w.tools.report
        qtbot.waitUntil(lambda rep=rep: rep.isVisible() and rep.refresh_button.isEnabled())
        QTest.keySequence(rep, QKeySequence(key))
        assert not rep.isVisible(), key
        back_in(qtbot, w)  # the keys go to the review again


def test_opens_beside_the_review_not_over_it(make_window, small, qtbot):
    from PySide6.QtCore import QRect, QSize

    from gui.report_window import beside

    size = QSize(960, 720)
    wide = QRect(0, 0, 2560, 1400)
    assert beside(wide, QRect(100, 50, 1280, 800), size).x() == 1380  # right of it
    assert beside(wide, QRect(1200, 50, 1280, 800), size).x() == 1200 - 960  # left of it
    # no room on either side: at the screen's edge with more room, over less of the review
    assert beside(QRect(0, 0, 1920, 1080), QRect(100, 0, 1280, 800), size).x() == 1920 - 960
    assert beside(QRect(0, 0, 1920, 1080), QRect(500, 0, 1280, 800), size).x() == 0
    w = make_window(small)
    rep = w.tools.show_report()
    qtbot.waitUntil(rep.refresh_button.isEnabled)
    screen = w.screen().availableGeometry()
    assert rep.pos() == beside(screen, w.frameGeometry(), rep.size())
