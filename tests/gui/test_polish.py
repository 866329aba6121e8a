"""What a newcomer found in the window: a long import report, the speakers dock
squeezing the panes, and the status bar after an edit."""

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMessageBox, QTextEdit

from gui.corpus_tools import DOCK_WIDTH
from tests.gui.conftest import press


def test_a_long_import_report_stays_on_screen_with_every_line_scrollable(
    make_window, tmp_path, qtbot
):
    """300 refused JSONL lines: the box shows the counts and the first reasons, fits the
    screen, keeps every line in a scrollable box, and Esc closes it."""
    w = make_window(tmp_path / "c.qlab")
    folder = tmp_path / "imp"
    folder.mkdir()
    (folder / "many_bad.jsonl").write_text('{"title": "no text"}\n' * 300, encoding="utf-8")
    with qtbot.waitSignal(w.job_done, timeout=60_000):
        w.import_paths([folder])
    qtbot.waitUntil(lambda: any(m.isVisible() for m in w.findChildren(QMessageBox)))
    (box,) = [m for m in w.findChildren(QMessageBox) if m.isVisible()]
    screen = box.screen().availableGeometry()
    assert box.frameGeometry().height() <= screen.height()
    assert "refused 300" in box.text() and "many_bad.jsonl line 1:" in box.text()
    assert "line 200:" not in box.text()
    details = box.findChild(QTextEdit)
    assert details is not None and details.isReadOnly()
    assert details.toPlainText().count("not imported:") == 300
    assert "many_bad.jsonl line 300:" in details.toPlainText()
    QTest.keyClick(box, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not box.isVisible())
    assert QApplication.activeModalWidget() is None


def test_the_status_bar_says_what_each_edit_did(make_window, sample_copy):
    """After A or ] the status bar named nothing but the keys (issue: README says it
    tells what each edit did); undo and redo already said so."""
    w = make_window(sample_copy)
    bar = w.statusBar()
    press(w, "A")
    assert bar.currentMessage() == "Saved: accept."
    press(w, "]")
    assert bar.currentMessage() == "Saved: quote start right."
    press(w, "Ctrl+Z")
    assert bar.currentMessage() == "Undone: quote start right."
    press(w, "X")
    assert bar.currentMessage() == "Saved: reject."


def _panes(w):
    """Widths of the article list, the text, the attribution table, the list's title
    column and the table's quote column."""
    return (
        w.articles.width(),
        w.view.width(),
        w.table.width(),
        w.articles.table.columnWidth(0),
        w.table.columnWidth(w.table.COLUMNS.index("Quote")),
    )


def test_the_speakers_dock_takes_its_width_from_the_text(make_window, sample_copy, qtbot):
    """Opening the dock squeezed every pane (titles down to "N...", the Quote column to
    "Quo"): the article list and the table keep their widths, the text gives the dock
    its room (staying readable), and gets it back when the dock closes. (Wide enough
    that the text stays over a quarter of the window: see the test below.)"""
    w = make_window(sample_copy)
    w.resize(1400, 800)
    qtbot.waitUntil(lambda: w.width() == 1400)
    listed, text, table, title, quote = _panes(w)
    press(w, "Ctrl+Shift+P")
    qtbot.waitUntil(lambda: w.tools.dock.isVisible() and w.tools.dock.width() == DOCK_WIDTH)
    now = _panes(w)
    assert now[0] == listed and now[2] == table and now[3] == title and now[4] == quote
    assert now[1] >= 1400 // 4  # the text: still a readable column
    w.tools.dock.close()  # (its title bar's close button)
    qtbot.waitUntil(lambda: w.view.width() == text)
    assert _panes(w) == (listed, text, table, title, quote)


def test_a_wide_speakers_dock_leaves_the_text_a_quarter_of_the_window(
    make_window, sample_copy, qtbot
):
    """The dock took all its width from the text, down to 280 pixels of a window of
    1280: past a quarter of the window, the list and the table give the rest."""
    from PySide6.QtCore import Qt

    w = make_window(sample_copy)
    w.resize(1280, 800)
    qtbot.waitUntil(lambda: w.width() == 1280)
    listed, _, table, _, _ = _panes(w)
    press(w, "Ctrl+Shift+P")
    qtbot.waitUntil(lambda: w.tools.dock.isVisible())
    w.resizeDocks([w.tools.dock], [520], Qt.Orientation.Horizontal)
    qtbot.waitUntil(lambda: w.tools.dock.width() >= 400)
    assert w.view.width() >= w.width() // 4
    assert w.articles.width() + w.table.width() < listed + table  # they gave the rest


def test_with_no_corpus_the_status_bar_offers_only_keys_that_work(qtbot, suggester):
    """With no corpus open, the status bar offered the import keys, which need one."""
    from PySide6.QtTest import QTest

    from gui.main_window import MainWindow

    w = MainWindow(suggester)
    qtbot.addWidget(w)
    w.show()
    assert QTest.qWaitForWindowActive(w, 5000)
    hint = w.hint.text()
    assert "Ctrl+O open a corpus" in hint and "Ctrl+N new corpus" in hint
    assert "Ctrl+I" not in hint and "Ctrl+Shift+S" not in hint
