"""Where a suggestion came from, in the window (issue 23 item 1; docs/adr/0036): the
state cell of a suggestion names the rule that made it and how sure it is, as a
plain-text tooltip; U orders the review least sure first, and back. A real window,
offscreen, on the tiny corpus of tests/learning_data.py."""

from PySide6.QtCore import Qt

from gui.keymap import BY_ID, Act
from gui.plain import plain
from tests.gui.conftest import press
from tests.learning_data import make_corpus

TIP = Qt.ItemDataRole.ToolTipRole


def _tip(w, row):
    model = w.table.model()
    return model.data(model.index(row, 3), TIP)


def test_the_state_cell_names_the_rule_and_u_goes_least_sure_first(make_window, tmp_path):
    assert BY_ID[Act.UNCERTAIN_FIRST].keys == ("U",)
    w = make_window(make_corpus(tmp_path / "learn.qlab"))
    s = w.session
    assert _tip(w, 0) == plain("Suggested by the rule indirect, 70% sure")
    assert _tip(w, 1) == plain("Suggested by the rule mixed, 60% sure")
    assert s.index == 0
    press(w, "u")
    assert s.index == 1 and w.table.currentIndex().row() == 1  # the least sure
    press(w, "a")  # accepted: then the one left, before it in the text
    assert s.index == 0
    assert _tip(w, 1) != plain("Suggested by the rule mixed, 60% sure")  # decided: no longer
    press(w, "u")
    assert not s.doubt_first


def test_d_refits_in_the_background_once_the_keys_pause(make_window, tmp_path, qtbot):
    from core.corpus import learning
    from gui.corpus_tools import LEARNING

    w = make_window(make_corpus(tmp_path / "learn.qlab"))
    press(w, "a")
    press(w, "a")
    assert learning.fits(w.store) == []
    press(w, "d")  # done: the window is drawn at once, the refit comes after a pause
    assert w.session.article.id != 1 and learning.fits(w.store) == []
    with qtbot.waitSignal(w.jobs.done, timeout=30_000) as finished:
        pass  # (the pause, then the job's own process)
    assert finished.args == [LEARNING]
    ((through, _),) = learning.fits(w.store)
    assert through == learning.decided(w.store).through
