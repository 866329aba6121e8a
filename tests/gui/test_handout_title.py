"""A corpus handed out to an annotator (`main.py assign`, docs/adr/0032) says whose it
is: in the window's title bar and in the Report window."""

import shutil

import pytest

from core.corpus.store import Store
from core.formats.import_process import ImportProcess
from gui.main_window import MainWindow
from gui.report_window import ReportWindow


@pytest.fixture
def handed_out(small, tmp_path):
    path = tmp_path / "ana.qlab"
    shutil.copy(small, path)
    with Store(path) as store:
        store.hand_to("ana", {"seed": 1})
    return path


def test_the_title_bar_says_whose_corpus_it_is(qtbot, small, handed_out):
    w = MainWindow(ImportProcess())
    qtbot.addWidget(w)
    assert w.open_corpus(handed_out)
    assert w.windowTitle() == f"QuoteLab \u2014 {handed_out} (annotator ana)"
    assert w.open_corpus(small)  # a corpus of nobody's
    assert w.windowTitle() == f"QuoteLab \u2014 {small}"
    assert w.open_corpus(handed_out, read_only=True)
    assert w.windowTitle() == f"QuoteLab \u2014 {handed_out} (annotator ana)  [read-only]"


def test_the_report_window_says_whose_corpus_it_is(qtbot, handed_out):
    w = ReportWindow(handed_out)
    qtbot.addWidget(w)
    with qtbot.waitSignal(w.ready, timeout=20_000):
        w.show()
    assert f"{handed_out} (annotator ana)" in w.figures.toPlainText()
    w.pool.waitForDone(5000)
