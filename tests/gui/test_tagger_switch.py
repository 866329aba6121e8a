"""Switching what the suggestions are made with, from the window (issue 23 item 3,
docs/adr/0041 and 0036): File > Suggest with the trained tagger shows the tagger's
figures first and switches it on only on Yes, off in one step, disabled with its reason
when the corpus has no usable tagger; File > Learn from the decisions switches learning.
What a switch changes is the next import. A real window, offscreen, on the tiny corpus
of tests/training_data.py with a tagger trained on it once."""

import shutil
import sqlite3

import pytest
from PySide6.QtWidgets import QMessageBox

from core.corpus import learning, training
from core.corpus.learning import made_by_id
from core.corpus.store import Store
from core.measure.training import train_corpus
from core.model import Status
from gui.corpus_tools import LEARNING
from gui.keymap import BY_ID, Act
from tests.gui.conftest import back_in, press
from tests.training_data import EPOCHS, article, make_corpus

NO = QMessageBox.StandardButton.No
YES = QMessageBox.StandardButton.Yes


@pytest.fixture(scope="module")
def trained(tmp_path_factory, suggester):
    """12 done articles and a tagger trained on them, switched off."""
    path = make_corpus(tmp_path_factory.mktemp("switch") / "trained.qlab")
    with Store(path) as store:
        assert train_corpus(store, suggester, EPOCHS).better
        training.set_tagger(store, False)
    return path


@pytest.fixture
def corpus(trained, tmp_path):
    return shutil.copy(trained, tmp_path / "trained.qlab")


def _box(w):
    """The open question about the tagger, if any."""
    return next(
        (b for b in w.findChildren(QMessageBox) if b.isVisible() and "tagger" in b.text()), None
    )


def _answer(qtbot, w, button):
    qtbot.waitUntil(lambda: _box(w) is not None)
    text = _box(w).text()
    _box(w).button(button).click()
    back_in(qtbot, w)
    return text


def _import(qtbot, w, tmp_path, n):
    """Import article ``n`` of the tiny corpus as a new file; what made its suggestions."""
    text, _ = article(n)
    new = tmp_path / f"new{n}.txt"
    new.write_text(text, encoding="utf-8")
    with qtbot.waitSignal(w.job_done, timeout=60_000):
        w.import_paths([new])
    (art_id,) = [i for i in w.store.article_ids() if w.store.status(i) is Status.TODO][-1:]
    return {p.source for p in made_by_id(w.store, art_id).values()}


def test_switching_on_shows_the_figures_first_and_only_yes_switches_it_on(
    make_window, corpus, qtbot
):
    w = make_window(corpus)
    action = w.actions_by_id[Act.USE_TAGGER]
    assert action.isCheckable() and action.isEnabled() and not action.isChecked()
    assert action.text() == BY_ID[Act.USE_TAGGER].text
    press(w, "Ctrl+Shift+G")
    assert not action.isChecked()  # not before the answer
    said = _answer(qtbot, w, NO)
    kept = training.latest(w.store)
    assert said.startswith(f"The corpus's tagger, made {kept.at[:10]} ")
    assert "UTC, was trained on 10 done articles" in said and "measured on 2 held out" in said
    for figures in ("tagger with the rules  F1 1.000", "tagger alone", "rules alone  "):
        assert figures in said
    assert "the articles imported from now on are suggested with it" in said
    assert "The articles already in the corpus keep their suggestions" in said
    assert not training.tagger_on(w.store) and not action.isChecked()
    press(w, "Ctrl+Shift+G")
    _answer(qtbot, w, YES)
    assert training.tagger_on(w.store) and action.isChecked()
    assert "suggested with the trained tagger" in w.statusBar().currentMessage()


def test_switching_off_is_one_step(make_window, corpus, qtbot):
    with Store(corpus) as store:
        training.set_tagger(store, True)
    w = make_window(corpus)
    action = w.actions_by_id[Act.USE_TAGGER]
    assert action.isChecked()
    press(w, "Ctrl+Shift+G")
    assert not training.tagger_on(w.store) and not action.isChecked() and _box(w) is None
    assert "The trained tagger is off" in w.statusBar().currentMessage()


def test_what_the_switch_changes_is_the_next_import(make_window, corpus, qtbot, tmp_path):
    w = make_window(corpus)
    name = training.latest(w.store).source
    assert _import(qtbot, w, tmp_path, 20) == {"rules"}  # off: the rules alone
    press(w, "Ctrl+Shift+G")
    _answer(qtbot, w, YES)
    assert name in _import(qtbot, w, tmp_path, 21)  # its own (the rules' fill where it has none)
    press(w, "Ctrl+Shift+G")
    assert _import(qtbot, w, tmp_path, 22) == {"rules"}


def test_without_a_usable_tagger_the_switch_is_disabled_and_says_why(
    make_window, corpus, tmp_path, suggester
):
    w = make_window(make_corpus(tmp_path / "untrained.qlab", done=3))
    action = w.actions_by_id[Act.USE_TAGGER]
    assert not action.isEnabled() and not action.isChecked()
    assert action.text() == "Suggest with the trained tagger (no tagger trained yet: " + (
        f"{BY_ID[Act.TRAIN].keys[0]} trains one)"
    )
    conn = sqlite3.connect(corpus)
    with conn:
        conn.execute("UPDATE trained SET base = 'xx_other_pipeline'")
    conn.close()
    assert w.open_corpus(corpus)
    assert not action.isEnabled()
    assert action.text().endswith(
        f"(its tagger was trained from the pipeline xx_other_pipeline, not {suggester.model})"
    )
    w.tools.switch_tagger()  # (the key of a disabled action does nothing; the handler neither)
    assert not training.tagger_on(w.store)


def test_a_read_only_corpus_switches_nothing(make_window, corpus):
    w = make_window(corpus)
    assert w.open_corpus(corpus, read_only=True)
    for act in (Act.USE_TAGGER, Act.USE_LEARNING):
        action = w.actions_by_id[act]
        assert not action.isEnabled() and action.text().endswith("(the corpus is read-only)")


def test_learning_switches_off_and_on_again_with_a_refit(make_window, corpus, qtbot):
    w = make_window(corpus)
    action = w.actions_by_id[Act.USE_LEARNING]
    assert action.isCheckable() and action.isChecked() and learning.learning_on(w.store)
    press(w, "Ctrl+Shift+B")
    assert not learning.learning_on(w.store) and not action.isChecked()
    assert "no longer learn from the decisions" in w.statusBar().currentMessage()
    assert not w.jobs.jobs
    with qtbot.waitSignal(w.jobs.done, timeout=30_000) as finished:
        press(w, "Ctrl+Shift+B")  # on again: what was decided meanwhile is learned at once
        assert learning.learning_on(w.store) and action.isChecked()
    assert finished.args == [LEARNING]
    assert learning.latest_fit(w.store)[0] == learning.decided(w.store).through
