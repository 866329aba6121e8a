"""Training suggestions from the window (docs/adr/0041): File > Train suggestions from
the done articles... asks, trains in a process of its own as a job with progress and
Cancel while review goes on, then shows the figures and asks whether to suggest with
it. A real window, offscreen, on the tiny corpus of tests/training_data.py."""

from PySide6.QtWidgets import QMessageBox

from core.corpus import training
from gui.corpus_tools import TRAINING
from gui.keymap import Act
from tests.gui.conftest import back_in, press
from tests.training_data import make_corpus


def _box(w, words):
    """The open question whose text has ``words``."""
    return next(
        (b for b in w.findChildren(QMessageBox) if b.isVisible() and words in b.text()), None
    )


def _answer(qtbot, w, words, button):
    qtbot.waitUntil(lambda: _box(w, words) is not None, timeout=60_000)
    _box(w, words).button(button).click()


def test_training_runs_apart_with_progress_while_review_goes_on_then_asks(
    make_window, tmp_path, qtbot
):
    w = make_window(make_corpus(tmp_path / "train.qlab"))
    w.actions_by_id[Act.TRAIN].trigger()
    _answer(qtbot, w, "Train a tagger on the 12 done article(s)", QMessageBox.StandardButton.Yes)
    assert [job.label for job in w.jobs.jobs] == [TRAINING]
    qtbot.waitUntil(lambda: w.jobs.rows[0].progress.value() > 0, timeout=60_000)  # it trains
    back_in(qtbot, w)
    before = w.session.article.id
    press(w, "Shift+J")  # review goes on meanwhile
    assert w.session.article.id != before and w.jobs.jobs
    qtbot.waitUntil(lambda: _box(w, "tagger with the rules") is not None, timeout=60_000)
    assert not training.tagger_on(w.store)  # on only on Yes, though it beat the rules
    _answer(qtbot, w, "tagger with the rules", QMessageBox.StandardButton.Yes)
    assert not w.jobs.jobs
    assert training.tagger_on(w.store) and training.latest(w.store) is not None
    assert w.actions_by_id[Act.USE_TAGGER].isChecked()  # the switch says so


def test_a_cancelled_training_keeps_nothing_and_no_answers_no(make_window, tmp_path, qtbot):
    w = make_window(make_corpus(tmp_path / "train.qlab"))
    assert not w.actions_by_id[Act.USE_TAGGER].isEnabled()  # no tagger yet
    w.actions_by_id[Act.TRAIN].trigger()
    _answer(qtbot, w, "Train a tagger", QMessageBox.StandardButton.Yes)
    qtbot.waitUntil(lambda: w.jobs.rows[0].progress.value() > 0, timeout=60_000)
    with qtbot.waitSignal(w.jobs.done, timeout=30_000) as finished:
        w.jobs.cancel()
    assert finished.args == [TRAINING]
    assert training.latest(w.store) is None
    w.actions_by_id[Act.TRAIN].trigger()
    _answer(qtbot, w, "Train a tagger", QMessageBox.StandardButton.Yes)
    _answer(qtbot, w, "tagger with the rules", QMessageBox.StandardButton.No)
    assert training.latest(w.store) is not None and not training.tagger_on(w.store)
    switch = w.actions_by_id[Act.USE_TAGGER]
    assert switch.isEnabled() and not switch.isChecked()  # now a tagger can be switched on


def test_a_job_apart_runs_beside_the_others_not_after_them(make_window, tmp_path, qtbot):
    """A training (or a refit) waits on a process of its own, beside the jobs that need
    the window's pipeline: an import or an export started meanwhile runs at once."""
    import threading

    w = make_window(make_corpus(tmp_path / "train.qlab"))
    release = threading.Event()
    w.jobs.start("Training, held", lambda _progress, _cancelled: release.wait(60), apart=True)
    with qtbot.waitSignal(w.jobs.done, timeout=30_000) as finished:
        w.jobs.start("Exporting", lambda _progress, _cancelled: 42)
    assert finished.args == ["Exporting"]
    assert [job.label for job in w.jobs.jobs] == ["Training, held"]
    release.set()
    qtbot.waitUntil(lambda: not w.jobs.jobs, timeout=30_000)
