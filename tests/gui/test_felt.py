"""What a key costs the user beyond its handler (issue 21): each widget painted once per
key, no settings file written per move, the table's rows made only for those on screen,
an article's tokens made once. Counted on the real window offscreen, with real keys."""

from collections import Counter

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from gui import panels
from tests.core.small_corpus import build


class Paints(QObject):
    """Counts the paints of each widget, as an application event filter."""

    def __init__(self):
        super().__init__()
        self.seen = Counter()
        QApplication.instance().installEventFilter(self)

    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Paint:
            self.seen[obj] += 1
        return False

    def close(self):
        QApplication.instance().removeEventFilter(self)


def test_d_paints_the_text_once(make_window, tmp_path):
    """D changes the totals' progress bar, whose setValue repainted the whole window at
    once (the new article's text among it) before the key's own paint drew it again."""
    w = make_window(build(tmp_path / "small.qlab"))
    QTest.keyClick(w.view, Qt.Key.Key_A, Qt.KeyboardModifier.ShiftModifier)  # B: all decided
    QApplication.processEvents()
    done = w.articles.totals.done
    paints = Paints()
    QTest.keyClick(w.view, Qt.Key.Key_D)  # the key, its handler and the paint it forces
    paints.close()
    assert w.articles.totals.done == done + 1 and w.session.article.title == "Ready"
    assert w.articles.progress.value() == done + 1
    assert paints.seen[w.view.viewport()] == 1
