"""A corpus whose search index (FTS5) was tampered with: the filter says so in the
window (the list shows nothing for it) instead of raising SQLite's error, and the rest
of the window goes on."""

from tests.core.corpus.test_corpus_files import _edit
from tests.gui.conftest import press

TAMPER = "UPDATE article_search_data SET block = X'00112233' WHERE id > 10"


def test_the_filter_on_a_damaged_search_index_says_so(make_window, small, qtbot):
    _edit(small, TAMPER)
    w = make_window(small)
    w.articles.focus_filter()
    w.articles.filter.setText("ruiz")
    message = w.statusBar().currentMessage()
    assert "the corpus is damaged" in message and "main.py check" in message, message
    assert w.articles.model.rowCount() == 0
    w.articles.filter.clear()  # the whole list again, and review goes on
    assert w.articles.model.rowCount() == 3
    w.view.setFocus()
    press(w, "a")
    assert w.statusBar().currentMessage() == "Saved: accept."


def test_a_rename_over_a_damaged_search_index_says_it_was_not_saved(make_window, small):
    _edit(small, "UPDATE article_search_data SET block = X'00' WHERE id = 10")
    w = make_window(small)
    w.tools.rename_speakers(["Ana Ruiz"], "Ana R")
    message = w.statusBar().currentMessage()
    assert "not saved" in message and "damaged" in message, message
    assert "Ana R" not in [a.speaker_name for a in w.session.attrs]
