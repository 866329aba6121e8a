"""The article list at any corpus size (issue 13), driven in a real window: a model
that fetches the rows it shows, one row repainted per edit, totals kept up to date,
Shift+J/K and D by index seeks, the filter through FTS5; and the open article's text
painted only once the view holds it."""

import pytest
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QStyledItemDelegate, QStyleOptionViewItem

from core.corpus import search
from core.corpus.store import Store
from core.model import State, Status
from core.review import commands
from core.review.article_list import PAGE, PAGES_KEPT, ArticleRows, Totals
from gui import panels
from tests.core.corpus.test_corpus_files import _edit
from tests.core.small_corpus import B_TEXT, add_article, suggestion
from tests.gui.conftest import press

N = 5 * PAGE + 7  # several pages of rows
NAMED = {40, 200, 300}  # the articles where Zelda Quist speaks


def _text(i):
    return f"Town {i} votes. Ana Ruiz said taxes would rise in town {i}."


@pytest.fixture
def many(tmp_path):
    path = tmp_path / "many.qlab"
    with Store(path) as s:
        for i in range(1, N + 1):
            text = _text(i)
            who = "Zelda Quist" if i in NAMED else "Ana Ruiz"
            add_article(
                s,
                text,
                [suggestion(text, f"taxes would rise in town {i}.", "Ana Ruiz", who, "said")],
                title=f"Town {i}",
            )
    return path


def _selected_row(w):
    rows = w.articles.table.selectionModel().selectedRows()
    return rows[0].row() if rows else None


@pytest.mark.slow
def test_the_list_is_a_model_that_fetches_the_rows_it_shows(make_window, many, qtbot):
    w = make_window(many)
    m = w.articles.model
    assert (
        m.rowCount() == N
        and w.articles.summary.text() == f"{N} articles, {N} suggestions to review"
    )
    assert w.session.article.id == 1 and _selected_row(w) == 0
    assert len(m.rows._pages) <= 2  # only what the view painted
    w.articles.table.scrollToBottom()
    qtbot.waitUntil(lambda: (N - 1) // PAGE in m.rows._pages)
    assert m.index(N - 1, 0).data() == f"Town {N}"
    for row in range(0, N, PAGE // 2):  # scrolled through everything: a few pages kept
        m.index(row, 0).data()
    assert len(m.rows._pages) <= PAGES_KEPT


@pytest.mark.slow
def test_the_list_cells_are_drawn_as_qt_s_own_delegate_would(make_window, many):
    """The list's delegate takes a cell's text in one call, not a call per role: what it
    hands the style is what Qt's delegate makes of the model's roles."""
    w = make_window(many)
    m, ours, qts = w.articles.model, w.articles.table.itemDelegate(), QStyledItemDelegate()
    assert isinstance(ours, panels.CachedCells)
    for row, col in ((0, 0), (3, 1), (N - 1, 2), (7, 3)):
        index = m.index(row, col)
        made = []
        for delegate in (ours, qts):
            option = QStyleOptionViewItem()
            delegate.initStyleOption(option, index)
            at = option.index
            made.append(
                (option.text, option.displayAlignment, option.features, at.row(), at.column())
            )
        assert made[0] == made[1] and made[0][0] == index.data()


@pytest.mark.slow
def test_opening_an_article_selects_its_row_without_reading_the_list(make_window, many):
    w = make_window(many)
    store = w.store
    seen = []
    store._conn.set_trace_callback(seen.append)
    w.open_article(N - 3)
    store._conn.set_trace_callback(None)
    assert _selected_row(w) == N - 4
    assert not [q for q in seen if "ORDER BY id" in q and "LIMIT" not in q]  # no id list
    assert len([q for q in seen if q.lstrip().upper().startswith("SELECT")]) <= 10


@pytest.mark.slow
def test_an_accept_repaints_one_row_and_keeps_the_totals(make_window, many, qtbot, monkeypatch):
    w = make_window(many)
    qtbot.waitUntil(lambda: 0 in w.articles.model.rows._pages)  # the list was painted
    totals = panels.Totals
    monkeypatch.setattr(panels, "Totals", lambda store: pytest.fail("counted the corpus again"))
    painted = []
    w.articles.model.dataChanged.connect(lambda a, b: painted.append((a.row(), b.row())))
    press(w, "A")
    assert painted == [(0, 0)]
    assert w.articles.model.index(0, 3).data() == "0"
    assert w.articles.model.index(0, 2).data() == "in progress"
    assert w.articles.summary.text() == f"{N} articles, {N - 1} suggestions to review"
    press(w, "D")  # done, and the next to do opens: two rows, totals by difference
    assert w.session.article.id == 2 and _selected_row(w) == 1
    assert w.articles.model.index(0, 2).data() == "done"
    assert w.articles.progress.value() == 1
    monkeypatch.setattr(panels, "Totals", totals)  # (not undo(): that unsets QUOTELAB_HOME)
    press(w, "Ctrl+Z")  # undone in the article left behind: it opens, counted again
    assert w.session.article.id == 1 and _selected_row(w) == 0
    assert w.articles.progress.value() == 0
    assert w.articles.model.index(0, 2).data() == "in progress"


@pytest.mark.slow
def test_the_filter_finds_speaker_names_and_keys_step_through_its_rows(make_window, many, qtbot):
    w = make_window(many)
    w.articles.focus_filter()
    w.articles.filter.setText("zelda qui")  # a speaker name, the last word a prefix
    assert w.articles.model.rowCount() == len(NAMED)
    assert [w.articles.model.index(i, 0).data() for i in range(3)] == [
        f"Town {i}" for i in sorted(NAMED)
    ]
    w.articles.filter.returnPressed.emit()
    assert w.session.article.id == 40 and _selected_row(w) == 0
    press(w, "Shift+J")
    assert w.session.article.id == 200 and _selected_row(w) == 1
    press(w, "A", "D")  # done: the next to do among the filtered ones
    assert w.store.status(200) is Status.DONE and w.session.article.id == 300
    press(w, "Shift+K")
    assert w.session.article.id == 200
    press(w, "Shift+K", "Shift+K")
    assert w.session.article.id == 40 and "No more" in w.statusBar().currentMessage()
    w.articles.filter.setText("town 7")  # words of the text
    assert w.articles.model.rowCount() == 1
    w.articles.filter.clear()
    assert w.articles.model.rowCount() == N


def test_a_short_article_after_scrolling_down_a_long_one(make_window, tmp_path, qtbot):
    """Issue 13: scroll down a long article, then open a short one. The view repainted
    while its text was being replaced (the scroll bar jumping back to the top) and
    painted the new article's spans over the old or empty document (an IndexError,
    later Qt's 'Position out of range' warnings, which fail this test)."""
    long = "\n\n".join(
        f"Paragraph {i}: the council met on day {i}, and Ana Ruiz said taxes would rise."
        for i in range(300)
    )
    path = tmp_path / "two.qlab"
    with Store(path) as s:
        first = add_article(
            s, long, [suggestion(long, "taxes would rise.", "Ana Ruiz", "Ana Ruiz", "said")]
        )
        short = add_article(
            s, B_TEXT, [suggestion(B_TEXT, "taxes would rise.", "Ana Ruiz", "Ana Ruiz", "said")]
        )
    w = make_window(path)
    assert w.session.article.id == first
    w.do_move(lambda s: s.cursor_to(len(long) - 3))  # the token cursor near the end
    bar = w.view.verticalScrollBar()
    bar.setValue(bar.maximum())
    qtbot.waitUntil(lambda: bar.value() > 0)
    w.open_article(short)
    assert w.session.article.id == short and w.view.toPlainText() == B_TEXT
    assert w.session.cursor_span() is not None
    painted = {i for start, end, _ in w.view.painted() for i in range(start, end)}
    quote = w.session.current.quote  # painted (the token cursor over its first word)
    assert set(range(quote.start, quote.end)) <= painted


@pytest.mark.slow
def test_totals_count_a_slice_at_a_time_and_follow_edits_meanwhile(many, monkeypatch):
    """Without a window: the suggestions left are counted in slices; an edit made
    while counting counts by its difference only where its slice was counted."""
    monkeypatch.setattr(Totals, "SLICE", 50)
    with Store(many) as store:
        t = Totals(store)
        assert t.articles == N and t.done == 0
        steps = 0
        while t.step():
            steps += 1
            if steps == 2:  # one article counted already, one not yet
                for article_id in (10, 300):
                    before = store.article_summaries(article_id)[0]
                    attr = store.attributions(article_id)[0]
                    commands.apply(store, commands.set_state(store, attr.id, State.ACCEPTED))
                    t.follow(before, store.article_summaries(article_id)[0])
        assert steps > 3 and not t.counting
        fresh = Totals(store)
        while fresh.step():
            pass
        assert t.left == fresh.left == N - 2


@pytest.mark.slow
def test_rows_of_articles_by_offset_by_count_and_by_search(many):
    with Store(many) as store:
        rows = ArticleRows(store)
        assert rows.row_of(N) == N - 1 and rows.row_of(N + 1) is None  # dense ids
        assert rows.line(N - 1).id == N and rows.line(N) is None
        found = ArticleRows(store, "Zelda")
        assert found.count == len(NAMED) and found.row_of(300) == 2 and found.row_of(1) is None
        assert rows._ids is None and found._ids is None  # no damage: no id list kept


@pytest.mark.slow
def test_the_totals_are_counted_between_events_and_stop_with_the_window(
    make_window, many, monkeypatch, qtbot
):
    monkeypatch.setattr(Totals, "SLICE", 10)
    w = make_window(many)
    assert w.articles.totals.counting and "counting" in w.articles.summary.text()
    press(w, "A")  # an edit while counting
    qtbot.waitUntil(lambda: not w.articles.totals.counting)
    assert w.articles.summary.text() == f"{N} articles, {N - 1} suggestions to review"
    other = make_window(many)
    assert other.articles.totals.counting
    other.close()  # its corpus closes: the counting stops, nothing reads it
    assert not other.articles._counting.isActive()


@pytest.mark.slow
def test_a_search_shows_its_first_page_and_counts_the_rest_a_slice_at_a_time(many, monkeypatch):
    """Issue 13: the filter counted every match before it showed a row (58 ms at 100k)."""
    monkeypatch.setattr(ArticleRows, "SLICE", 50)
    with Store(many) as store:
        every = store.article_ids("taxes")
        assert len(every) == N
        rows = ArticleRows(store, "taxes")
        assert rows.counting and rows.count == PAGE  # the first page, nothing counted
        assert rows.row_of(3) == 2 and rows.row_of(N - 3) is None  # not counted yet
        counts = [rows.count]
        while rows.step():
            counts.append(rows.count)
        assert not rows.counting and rows.count == N and len(counts) >= N // 50
        assert counts == sorted(counts)  # the rows only grow
        assert [rows.line(row).id for row in range(N)] == every  # pages from their slice
        fresh = ArticleRows(store, "taxes")
        while fresh.step():
            pass
        assert [fresh.row_of(i) for i in every] == list(range(N))
        assert fresh.row_of(N + 1) is None
        few = ArticleRows(store, "Zelda")
        assert not few.counting and few.count == len(NAMED) and not few.step()
        whole = ArticleRows(store, "  ")  # no word: the whole corpus, counted at once
        assert not whole.filtered and not whole.counting and whole.count == N
        monkeypatch.setattr(search, "TERMS_MAX", 0)  # a prefix merged whole: one step
        merged = ArticleRows(store, "taxe")
        assert merged.counting and not merged.step() and merged.count == N


@pytest.mark.slow
def test_typing_a_filter_shows_rows_at_once_and_counts_between_events(
    make_window, many, qtbot, monkeypatch
):
    w = make_window(many)
    w.open_article(N - 3)
    least = w.articles.minimumSizeHint().width()
    counted = []
    count = Store.article_count
    monkeypatch.setattr(Store, "article_count", lambda s, *a: counted.append(a) or count(s, *a))
    w.articles.focus_filter()
    QTest.keyClicks(w.articles.filter, "taxes")  # three searches: tax, taxe, taxes
    # the keys were handled, the event loop has not run since: nothing counted yet
    assert counted == [] and w.articles.model.rowCount() == PAGE
    assert w.articles.summary.text().startswith(f"{PAGE} found so far; {N} articles")
    assert _selected_row(w) is None  # the open article's row is not known yet
    qtbot.waitUntil(lambda: not w.articles.model.rows.counting)
    assert counted and w.articles.model.rowCount() == N and _selected_row(w) == N - 4
    assert w.articles.summary.text() == f"{N} found; {N} articles, {N} suggestions to review"
    # the longer line under the list wraps: it never widens the list (nor relayouts
    # and repaints the window on every key)
    assert w.articles.minimumSizeHint().width() == least
    w.articles.table.scrollToBottom()  # the end of the filtered list
    qtbot.waitUntil(lambda: w.articles.model.index(N - 1, 0).data() == f"Town {N}")
    w.view.setFocus()
    press(w, "Shift+J")
    assert w.session.article.id == N - 2 and _selected_row(w) == N - 3
    press(w, "A", "D")  # done: the next to do among the matches
    assert w.store.status(N - 2) is Status.DONE and w.session.article.id == N - 1
    assert _selected_row(w) == N - 2
    w.articles.filter.clear()  # the whole corpus, counted at once
    assert w.articles.model.rowCount() == N and not w.articles.model.rows.counting
    assert _selected_row(w) == N - 2
    assert w.articles.summary.text() == f"{N} articles, {N - 1} suggestions to review"


@pytest.mark.slow
def test_a_search_in_a_corpus_with_damaged_articles(many):
    """The store's windows leave damaged articles out: such a list keeps its ids."""
    _edit(many, "UPDATE attributions SET quote_end = 999999 WHERE article_id = 5")
    with Store(many, check=True) as store:
        assert store.damaged_ids == {5}
        rows = ArticleRows(store, "taxes")
        assert not rows.counting and rows.count == N - 1
        assert rows.row_of(5) is None and rows.row_of(6) == 4 and rows.line(4).id == 6
        assert rows.line(N - 2).id == N
