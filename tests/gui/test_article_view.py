"""Spans on screen: painted as formats of the text's blocks (docs/adr/0020)."""

from collections import Counter

import pytest
from PySide6.QtGui import QColor, QTextCursor

from core.model import State
from gui.article_view import COLOURS
from tests.gui.conftest import press


def background(w, start: int, end: int) -> QColor:
    """The colour most of the screen shows behind the text from start to end (on its
    first line): the span's background, whatever the glyphs over it."""
    view = w.view
    c = QTextCursor(view.document())
    c.setPosition(view.to_qt(start))
    left = view.cursorRect(c)
    c.setPosition(view.to_qt(end))
    right = view.cursorRect(c)
    if right.top() != left.top():  # the span goes on below: to the line's end
        right = view.viewport().rect()
    view.viewport().repaint()
    image = view.viewport().grab().toImage()
    seen = Counter(
        image.pixelColor(x, y).name()
        for x in range(left.left() + 1, right.right() - 1)
        for y in range(left.top() + 2, left.bottom() - 2)
    )
    return QColor(seen.most_common(1)[0][0])


@pytest.mark.slow
def test_the_current_quote_is_strong_and_moves_with_j(make_window, sample_copy):
    w = make_window(sample_copy)
    first = w.session.current
    assert first is not None and first.state is State.SUGGESTED
    pale, _accepted, strong = (QColor(c) for c in COLOURS["quote"])

    def middle(a):  # (the token cursor is on the quote's first word)
        mid = (a.quote.start + a.quote.end) // 2
        return mid, mid + 4

    word = middle(first)
    assert background(w, *word) == strong
    press(w, "J")
    after = w.session.current
    assert after is not None and after.id != first.id
    assert background(w, *word) == pale
    assert background(w, *middle(after)) == strong
    press(w, "X")  # rejected: grey, struck out
    assert background(w, *middle(after)) == QColor("#eeeeee")


def test_esc_after_select_all_keeps_the_text_where_it_was(make_window, sample_copy):
    """Ctrl+A then Esc scrolled the article to its end, away from the attribution."""
    w = make_window(sample_copy)
    w.resize(900, 500)
    bar = w.view.verticalScrollBar()
    assert bar.maximum() > 0  # the sample is longer than the window
    top = bar.value()
    w.view.selectAll()
    assert w.view.mouse_selection() is not None
    press(w, "Esc")
    assert w.view.mouse_selection() is None and bar.value() == top


def test_a_rejected_suggestion_never_strikes_out_a_standing_ones_words(make_window, sample_copy):
    """Accept two quotes of Putin, reject a third suggestion that shares his mention: the
    word "Putin" was drawn struck out, as if the accepted quotes' speaker were rejected."""
    w = make_window(sample_copy)
    s = w.session
    by_speaker = {}
    for i, a in enumerate(s.attrs):
        by_speaker.setdefault(a.speaker, []).append(i)
    shared, (keep, drop, *_) = next((sp, ix) for sp, ix in by_speaker.items() if len(ix) > 1)
    for index, key in ((keep, "A"), (drop, "X")):
        s.choose(index)
        press(w, key)
    assert s.attrs[keep].state is State.ACCEPTED and s.attrs[drop].state is State.REJECTED
    press(w, "J")  # neither is the current one
    lo, hi = w.view.to_qt(shared.start), w.view.to_qt(shared.end)
    over = [f for start, end, f in w.view.painted() if start < hi and end > lo]
    assert over and not any(f.fontStrikeOut() for f in over)
