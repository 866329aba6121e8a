"""What a new user hit (issue 9), each driven by keys in a real window."""

import json

import pytest
from PySide6.QtGui import QColor, QTextCursor

from core.corpus.store import Store
from core.formats.export import export_jsonl
from core.formats.ingest import import_paths
from core.model import Origin, State
from gui.article_view import span_format
from tests.conftest import DATA, SAMPLE
from tests.gui.conftest import press


def _colour_at(w, pos):
    c = QTextCursor(w.view.document())
    c.setPosition(w.view.to_qt(pos) + 1)
    return c.charFormat().foreground().color()


def test_the_next_article_body_is_not_grey(make_window, tmp_path):
    """1: Esc (or a label key) left the widget's format grey from the headline, and
    the next article's whole body was drawn grey."""
    path = tmp_path / "two.qlab"
    with Store(path) as s:
        import_paths(s, [DATA / "articles" / "court_fraud.txt", SAMPLE], None)
    w = make_window(path)
    grey = QColor("#8a8a8a")
    first = w.session.article
    assert _colour_at(w, first.non_body[0].start) == grey
    w.view.setTextCursor(QTextCursor(w.view.document()))  # where a click or Esc leaves it
    press(w, "Esc", "Shift+J")
    second = w.session.article
    assert second.id != first.id
    body = second.body_ranges()[0]
    for pos in range(body.start, body.end, max(1, (body.end - body.start) // 20)):
        if not second.text[pos].isspace():
            assert _colour_at(w, pos) != grey, pos
    press(w, "Shift+K")
    assert _colour_at(w, first.non_body[0].start) == grey


def test_the_totals_under_the_list_follow_each_key(make_window, sample_copy):
    """2: after A A A the list said 24 left, the line under it still 26."""
    w = make_window(sample_copy)
    left = w.session.summary().to_review
    assert w.articles.summary.text() == f"1 article, {left} suggestions to review"
    press(w, "A", "A", "A")
    assert w.articles.summary.text() == f"1 article, {left - 3} suggestions to review"
    assert w.articles.model.index(0, 3).data() == str(left - 3)


@pytest.mark.slow
def test_delete_keeps_the_place_and_undo_shows_what_and_where(make_window, sample_copy):
    """3: Delete in the middle jumped to #1; after reopening, Ctrl+Z left the text at
    the top and nothing said what was undone."""
    w = make_window(sample_copy)
    press(w, *["J"] * 19)
    assert w.session.index == 19
    after = w.session.attrs[20]
    press(w, "Delete")
    assert w.session.index == 19 and w.session.current.id == after.id
    assert w.table.currentIndex().row() == 19
    top, bottom = w.view.visible_range()
    assert top <= after.quote.start <= bottom
    assert "Deleted" in w.statusBar().currentMessage()
    press(w, "J", "A")  # accept #21, then close and reopen
    accepted = w.session.attrs[20]
    w.close()
    w = make_window(sample_copy)
    w.view.verticalScrollBar().setValue(0)
    press(w, "Ctrl+Z")
    assert w.session.current.id == accepted.id and w.session.current.state is State.SUGGESTED
    top, bottom = w.view.visible_range()
    assert top <= accepted.quote.start <= bottom
    assert w.statusBar().currentMessage() == "Undone: accept."


def test_a_stray_key_makes_no_span(make_window, sample_copy):
    """4: G then Q with nothing selected made a one-token accepted quote inside a
    quote; with the cue being edited, G then S made "said" speaker and cue."""
    w = make_window(sample_copy)
    before = list(w.session.attrs)
    press(w, "G", "Q")
    assert w.session.attrs == before
    assert "Nothing is selected: V starts a selection" in w.statusBar().currentMessage()
    press(w, "Shift+Tab", "G", "V", "S")
    assert w.session.attrs == before
    a = w.session.current
    assert a.speaker != a.cue


def test_choosing_he_keeps_the_speaker_name(make_window, sample_copy):
    """5: on "In fact, this has been ...", choosing "he" renamed the speaker "he"."""
    w = make_window(sample_copy)
    text = w.session.article.text
    row = next(
        i for i, a in enumerate(w.session.attrs) if text[a.quote.start :].startswith("In fact")
    )
    w.session.choose(row)
    w.route(w.session.cursor_to_item())
    a = w.session.current
    assert a.speaker_name == "Ivan Preobrazhensky"
    he = text.index(" he said", a.quote.start) + 1
    assert a.speaker.start == he  # suggested: "he", named
    press(w, "M")  # another candidate, another name
    assert w.session.current.speaker.start != he
    press(w, "Shift+M")  # back to "he": the name is the person it refers to again
    assert w.session.current.speaker.start == he
    assert w.session.current.speaker_name == "Ivan Preobrazhensky"


def test_corrected_suggestions_export_as_edited(make_window, sample_copy, tmp_path):
    """6: a suggestion with corrected bounds was exported as origin "model"."""
    w = make_window(sample_copy)
    press(w, "A", ",", "A")
    w.close()
    out = tmp_path / "out.jsonl"
    with Store(sample_copy) as s:
        export_jsonl(s, out)
    (task,) = [json.loads(line) for line in out.read_text().splitlines()]
    origins = [q["origin"] for q in task["quotes"]][:2]
    assert origins == [Origin.MODEL.value, Origin.EDITED.value]


@pytest.mark.slow
def test_repainting_keeps_python_alive(make_window, sample_copy):
    """9: PySide6 6.12.0's QTextCharFormat setters drop a reference to None, and
    Python 3.11 aborts ("deallocating None") after a few thousand repaints. The formats
    are cached, so the loop clears the cache: every repaint runs the setters again."""
    import sys

    w = make_window(sample_copy)
    before = sys.getrefcount(None)
    built = 0
    for _ in range(100):
        span_format.cache_clear()
        press(w, "J", "Tab", "K")
        built += span_format.cache_info().misses
    assert built >= 300  # formats were built (setters run) inside the loop
    assert sys.getrefcount(None) >= before - 100
