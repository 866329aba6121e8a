import shutil

import pytest
from PySide6.QtGui import QKeySequence
from PySide6.QtTest import QTest

from gui.main_window import MainWindow


@pytest.fixture
def make_window(qtbot, suggester):
    """Open a real window on a corpus file; closes it at the end."""
    opened = []

    def make(path):
        w = MainWindow(suggester)
        qtbot.addWidget(w)
        w.show()
        w.activateWindow()
        assert QTest.qWaitForWindowActive(w, 5000)
        assert w.open_corpus(path)
        w.view.setFocus()
        opened.append(w)
        return w

    yield make
    for w in opened:
        w.close()


@pytest.fixture
def sample_copy(sample_corpus, tmp_path):
    path = tmp_path / "review.qlab"
    shutil.copy(sample_corpus, path)
    return path


def press(window, *keys):
    """Type key sequences (as in the keymap: "J", "Shift+A", "Ctrl+Z") at the window."""
    for k in keys:
        if len(k) == 1:  # a typed character, as the keyboard sends it ("?" is Shift+/)
            QTest.keyClick(window.view, k)
        else:
            QTest.keySequence(window.view, QKeySequence(k))
