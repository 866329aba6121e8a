import shutil
import threading

import pytest
from PySide6.QtCore import QRunnable
from PySide6.QtTest import QTest

from gui.main_window import MainWindow
from tests.core.small_corpus import build
from tests.gui.keys_to_gold import press as press
from tests.gui.keys_to_gold import when_modal as when_modal


@pytest.fixture
def small(tmp_path):
    return build(tmp_path / "small.qlab")


class Blocker(QRunnable):
    """Holds a one-thread pool busy until released (or, as a hang guard, for 20 s:
    ``timed_out`` then says so, so a test can tell that nothing waited for the pool)."""

    def __init__(self):
        super().__init__()
        self.setAutoDelete(False)
        self.release = threading.Event()
        self.timed_out = False

    def run(self):
        self.timed_out = not self.release.wait(20)


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


def back_in(qtbot, window):
    """Wait until the window has the keyboard again after a dialog closed."""
    from PySide6.QtWidgets import QApplication

    qtbot.waitUntil(
        lambda: (
            QApplication.activeModalWidget() is None
            and QApplication.activeWindow() is window
            and window.view.hasFocus()
        )
    )
