"""What a key costs the user beyond its handler (issue 21): each widget painted once per
key, no settings file written per move, the table's rows made only for those on screen,
no Python pair per token of an article opened; and the benches' measure (gui/timing.py).
Counted on the real window offscreen, with real keys."""

import time
from collections import Counter
from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, QPoint, Qt
from PySide6.QtGui import QImage
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QApplication,
    QHeaderView,
    QStyledItemDelegate,
    QStyleOptionViewItem,
)

from core.model import Attribution, Span
from gui import panels, settings
from gui.timing import Settle
from tests.core.small_corpus import build


class Paints(QObject):
    """Counts the paints of each widget, as an application event filter."""

    def __init__(self):
        super().__init__()
        self.seen = Counter()
        self.at = []  # (widget, when its paint began)
        QApplication.instance().installEventFilter(self)

    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Paint:
            self.seen[obj] += 1
            self.at.append((obj, time.perf_counter()))
        return False

    def close(self):
        QApplication.instance().removeEventFilter(self)


def test_d_paints_the_text_once(make_window, tmp_path):
    """D changes the totals' progress bar, whose setValue repainted the whole window at
    once (the new article's text among it) before the key's own paint drew it again."""
    w = make_window(build(tmp_path / "small.qlab"))
    QTest.keyClick(w.view, Qt.Key.Key_A, Qt.KeyboardModifier.ShiftModifier)  # B: all decided
    QApplication.processEvents()
    done = w.articles.totals.done
    paints = Paints()
    QTest.keyClick(w.view, Qt.Key.Key_D)  # the key, its handler and the paint it forces
    paints.close()
    assert w.articles.totals.done == done + 1 and w.session.article.title == "Ready"
    assert w.articles.progress.value() == done + 1
    assert paints.seen[w.view.viewport()] == 1


def test_moves_write_no_settings_until_they_pause(make_window, tmp_path, monkeypatch, qtbot):
    """The place in the corpus is remembered once the moves pause (and at close): a
    settings file written, and the corpus's path resolved, on every article opened cost
    more than opening it."""
    w = make_window(build(tmp_path / "small.qlab"))
    writes, resolved = [], []
    real_write, real_resolve = settings.set_last_place, Path.resolve
    monkeypatch.setattr(settings, "set_last_place", lambda *a: writes.append(a) or real_write(*a))
    monkeypatch.setattr(Path, "resolve", lambda p, *a: resolved.append(p) or real_resolve(p, *a))
    for key in (Qt.Key.Key_J, Qt.Key.Key_K, Qt.Key.Key_J):  # Shift+J, Shift+K, Shift+J
        QTest.keyClick(w.view, key, Qt.KeyboardModifier.ShiftModifier)
        QTest.keyClick(w.view, Qt.Key.Key_J)
        QApplication.processEvents()
    assert writes == [] and resolved == []
    qtbot.waitUntil(lambda: writes != [])
    assert len(writes) == 1 and writes[0][1:] == (w.session.article.id, w.session.current.id)
    assert resolved == []


def test_an_article_opened_makes_only_the_rows_on_screen(make_window, sample_copy, monkeypatch):
    """The table's cells (and their tooltips) are made for the rows the view paints, as
    it paints them; an edit makes its own row again, no other."""
    w = make_window(sample_copy)
    w.resize(1280, 420)  # the sample's 27 attributions: about half of them on screen
    QApplication.processEvents()
    made, tips = [], []
    real_cells, real_plain = getattr(panels, "row_cells", None), panels.plain
    count = lambda t, a: made.append(a.id) or real_cells(t, a)  # noqa: E731
    monkeypatch.setattr(panels, "row_cells", count, raising=False)  # (none before issue 21)
    monkeypatch.setattr(panels, "plain", lambda t: tips.append(t) or real_plain(t))
    w.open_article(w.session.article.id)  # (again: every row of the table anew)
    QApplication.processEvents()  # painted
    table, attrs = w.table, w.session.attrs
    on_screen = table.rowAt(table.viewport().height() - 1) - table.rowAt(0) + 1
    assert 0 < on_screen < len(attrs) and tips == []
    assert len(made) == len(set(made)) <= on_screen
    made.clear()
    row, first = w.session.index, w.session.current
    QTest.keyClick(w.view, Qt.Key.Key_A)
    QApplication.processEvents()
    assert made == [first.id] and table.attributions.index(row, 3).data() == "accepted"


def test_an_article_opened_makes_no_token_pairs(make_window, tmp_path):
    """Opening an article (Shift+J, D) reads its tokens as two lists of ints, made in C
    from the stored ones; the list of (start, end) pairs, a Python object per token, is
    made only for a speaker's candidates (M), once per article."""
    w = make_window(build(tmp_path / "small.qlab"))
    QTest.keyClick(w.view, Qt.Key.Key_J, Qt.KeyboardModifier.ShiftModifier)
    tokens = w.session.tokens
    assert w.session.article.title == "Ready" and len(tokens) > 5
    assert "bounds" not in vars(tokens)  # (a cached_property, not made yet)
    assert w.session.cursor_span().start == w.session.current.quote.start
    QTest.keyClick(w.view, Qt.Key.Key_M)
    assert tokens.bounds == list(zip(tokens.starts, tokens.ends, strict=True))


def test_settle_waits_for_the_paints_a_key_leaves_queued(make_window, tmp_path):
    """The benches' measure (gui/timing.py): the time it gives is after the last paint
    of what the key changed, also of what is painted in a later turn of the event loop
    (here the status bar, told after the key's own paint)."""
    w = make_window(build(tmp_path / "small.qlab"))
    settle = Settle(QApplication.instance())
    paints = Paints()
    try:
        settle.settled()
        t0 = settle.begin()
        QTest.keyClick(w.view, Qt.Key.Key_J, Qt.KeyboardModifier.ShiftModifier)
        w.say("painted in a later turn")
        handled = time.perf_counter()
        first, done = settle.felt(t0)
    finally:
        paints.close()
        settle.close()
    later = [t for obj, t in paints.at if t > handled]
    assert w.statusBar() in [obj for obj, t in paints.at if t > handled]
    assert 0 < first <= done and t0 + done / 1000 >= max(later)
    assert 0 < settle.cpu <= done + 1  # the work, not the waiting (one thread: at most)


class Regions(QObject):
    """The parts of one widget painted, as an event filter on it."""

    def __init__(self, widget):
        super().__init__()
        self.widget, self.rects = widget, []
        widget.installEventFilter(self)

    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Paint:
            self.rects.append(event.region().boundingRect())
        return False

    def close(self):
        self.widget.removeEventFilter(self)


def click_row(w, row):
    table = w.articles.table
    rect = table.visualRect(w.articles.model.index(row, 0))
    QTest.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def test_a_click_in_the_list_repaints_two_rows_and_leaves_the_keys_with_the_text(
    make_window, tmp_path
):
    """The list takes no focus: a click opens the article and repaints the rows whose
    selection changed, not the list (Qt repaints a whole item view on focus in and out:
    a third of a click's paint at 100k articles); the keys stay with the text."""
    w = make_window(build(tmp_path / "small.qlab"))
    QApplication.processEvents()
    table = w.articles.table
    opened, other = w.session.article.id, w.articles.model.cells(2)
    assert other is not None and other[4] != opened
    regions = Regions(table.viewport())
    click_row(w, 2)
    QApplication.processEvents()
    regions.close()
    assert w.session.article.id == other[4] and w.view.hasFocus()
    two_rows = 2 * table.rowHeight(0) + 1  # (and a line of the grid)
    assert regions.rects and max(r.height() for r in regions.rects) <= two_rows
    assert two_rows < table.viewport().height() / 4
    QTest.keyClick(w.view, Qt.Key.Key_Slash)  # the filter box has the keys
    assert w.articles.filter.hasFocus()
    click_row(w, 0)
    assert w.view.hasFocus() and w.session.article.id == w.articles.model.cells(0)[4]


def test_another_article_repaints_the_tables_rows_not_its_headers(make_window, tmp_path):
    """The attribution table takes another article's rows without a model reset, after
    which Qt repainted both headers: the columns' names never change, nor the numbers of
    the rows both articles have; rows added or removed are numbered as they come."""
    w = make_window(build(tmp_path / "small.qlab"))
    QApplication.processEvents()
    table = w.table
    top, side = (
        Regions(table.horizontalHeader().viewport()),
        Regions(table.verticalHeader().viewport()),
    )
    ids = w.store.article_ids()
    counts = [len(w.store.attributions(i)) for i in ids]
    assert len(set(counts)) == len(ids)  # each article opened adds or removes rows
    try:
        for article_id in [*ids, *reversed(ids)]:
            before = table.attributions.rowCount()
            side.rects.clear()
            w.open_article(article_id)
            QApplication.processEvents()
            attrs = w.session.attrs
            assert table.attributions.rowCount() == table.verticalHeader().count() == len(attrs)
            first = panels.row_cells(w.session.article.text, attrs[0])[0] if attrs else None
            assert table.attributions.index(0, 0).data() == first
            if len(attrs) > before:  # the new rows' numbers painted
                assert max(r.bottom() for r in side.rects) >= table.rowViewportPosition(
                    len(attrs) - 1
                )
            assert side.rects == [] or len(attrs) != before
        assert top.rects == []
    finally:
        top.close()
        side.close()


def test_an_article_opened_sets_its_text_once_from_the_top(make_window, tmp_path, monkeypatch):
    """The text goes into the document as it is: the widget's setPlainText also gave the
    whole new text the text cursor's character format, a second pass over it (the body
    in the plain format: tests/gui/test_bugs.py). The new article is shown from its top."""
    w = make_window(build(tmp_path / "small.qlab"))
    view, s = w.view, w.session
    through_widget = []
    real = view.setPlainText
    monkeypatch.setattr(view, "setPlainText", lambda t: through_widget.append(t) or real(t))
    long = s.article
    view.show_text(replace(long, text="\n\n".join([long.text] * 40)))
    view.verticalScrollBar().setValue(view.verticalScrollBar().maximum())
    assert view.verticalScrollBar().value() > 0
    QTest.keyClick(view, Qt.Key.Key_J, Qt.KeyboardModifier.ShiftModifier)
    assert s.article is not long and view.toPlainText() == s.article.text
    assert view.verticalScrollBar().value() == 0 and through_widget == []


def test_the_lists_header_stays_as_drawn_when_another_article_is_selected(make_window, tmp_path):
    """Qt repaints a header over the columns a selection spans, every column of the
    list's, on each article opened; the list's header keeps its bold names (as Qt draws
    them while a row is selected) without following the selection."""
    w = make_window(build(tmp_path / "small.qlab"))
    QApplication.processEvents()
    header = w.articles.table.horizontalHeader()
    regions = Regions(header.viewport())
    for row in (2, 0, 1):
        click_row(w, row)
        QTest.keyClick(w.view, Qt.Key.Key_J, Qt.KeyboardModifier.ShiftModifier)
        QApplication.processEvents()
    regions.close()
    assert regions.rects == [] and header.font().bold()
    assert w.articles.table.selectionModel().selectedRows()  # the open article's row


def test_the_tables_cells_are_drawn_as_qt_s_own_delegate_would(make_window, tmp_path):
    """The attribution table's delegate takes a cell's text from the row's cells in one
    call into Python, not one per role (seven): what it hands the style is what Qt's
    delegate makes of the model's roles."""
    w = make_window(build(tmp_path / "small.qlab"))
    model, ours = w.table.attributions, w.table.itemDelegate()
    assert isinstance(ours, panels.CachedCells) and model.rowCount() > 1
    asked = []
    real = model.data
    model.data = lambda index, role=Qt.ItemDataRole.DisplayRole: (
        asked.append(role) or real(index, role)
    )
    for row in range(model.rowCount()):
        for col in range(model.columnCount()):
            index = model.index(row, col)
            made = []
            for delegate in (ours, QStyledItemDelegate()):
                asked.clear()
                option = QStyleOptionViewItem()
                delegate.initStyleOption(option, index)
                made.append((option.text, option.displayAlignment, option.features))
            assert len(asked) >= 7  # Qt's, of the model
            asked.clear()
            ours.initStyleOption(QStyleOptionViewItem(), index)
            assert asked == []  # ours, of the row's cells
            assert made[0] == made[1] and made[0][0] == real(index)


def test_the_row_numbers_are_measured_as_qt_measures_them(qtbot):
    """The attribution table's row numbers are measured in the last row's section (Qt
    measures the first and last hundred each time a row comes or goes, half a dozen
    calls into the model each): as wide as Qt's measure makes them, as the rows pass a
    power of ten either way, and the table drawn as with Qt's own header."""
    ours, stock = panels.AttributionTable(), panels.AttributionTable()
    qt_own = QHeaderView(Qt.Orientation.Vertical)
    qt_own.setSectionsClickable(True)
    qt_own.setHighlightSections(True)
    stock.setVerticalHeader(qt_own)
    qt_own.setDefaultSectionSize(24)
    for table in (ours, stock):
        qtbot.addWidget(table)
        table.resize(420, 300)
        table.show()
    assert isinstance(ours.verticalHeader(), panels.RowNumbers)
    text = "She said it was so. " * 1200
    for n in (9, 10, 99, 100, 101, 1000, 1001, 1000, 999, 3):
        attrs = [Attribution(Span(i * 20, i * 20 + 17), id=i + 1) for i in range(n)]
        for table in (ours, stock):
            table.refresh(text, attrs, n - 1, frozenset(), rebuild=True)
        header = ours.verticalHeader()
        qtbot.waitUntil(lambda: header.count() == n == qt_own.count())  # noqa: B023
        assert header.sizeHint() == QHeaderView.sizeHint(header)  # (Qt's, every section)
        qtbot.waitUntil(lambda: header.width() == qt_own.width())  # noqa: B023
        assert header.width() > 8 * len(str(n))
        assert ours.grab().toImage() == stock.grab().toImage()


def shown(widget):
    """What the screen shows of a widget (the window's backing store), as drawn."""
    window, at = widget.window(), widget.mapTo(widget.window(), QPoint(0, 0))
    screen = window.screen().grabWindow(
        window.winId(), at.x(), at.y(), widget.width(), widget.height()
    )
    return screen.toImage().convertToFormat(QImage.Format.Format_RGB32)


def drawn_now(widget):
    """The widget drawn afresh from what it holds now."""
    return widget.grab().toImage().convertToFormat(QImage.Format.Format_RGB32)


def test_a_name_given_to_many_redraws_the_rows_on_screen_and_shows_the_rest_anew(qtbot):
    """A name given to a suggestion names the article's others of that name (docs/adr/0052):
    the table redraws those on screen at once (as drawn afresh, the new name), and no
    other (a call from Qt into Python and back for each of a long article's); those off
    screen show the new name when scrolled to."""
    table = panels.AttributionTable()
    qtbot.addWidget(table)
    table.resize(420, 300)
    table.show()
    text = "She said it was so. " * 200
    named = lambda name: [  # noqa: E731
        Attribution(Span(i * 20, i * 20 + 8), speaker_name=name if i % 5 == 3 else None, id=i + 1)
        for i in range(200)
    ]
    table.refresh(text, named("Ana Ruiz"), 0, frozenset(), rebuild=True)
    for scroll in (table.scrollToBottom, table.scrollToTop):  # every row's cells made
        scroll()
        qtbot.waitUntil(lambda: shown(table.viewport()) == drawn_now(table.viewport()))
    before = shown(table.viewport())
    redrawn = []
    table.attributions.dataChanged.connect(lambda top, _bottom: redrawn.append(top.row()))
    renamed = named("Bea Sanz")
    ids = frozenset(a.id for a in renamed if a.speaker_name)
    table.refresh(text, renamed, 0, ids, rebuild=False)
    on_screen = table.rows_shown()
    assert 3 in on_screen and 8 in on_screen and 198 not in on_screen
    assert redrawn == [r for r in on_screen if r % 5 == 3]
    qtbot.waitUntil(lambda: shown(table.viewport()) == drawn_now(table.viewport()))
    assert shown(table.viewport()) != before  # (the new name, drawn)
    table.scrollToBottom()
    qtbot.waitUntil(lambda: shown(table.viewport()) == drawn_now(table.viewport()))
    assert 198 in table.rows_shown()
    model = table.attributions
    assert [model.index(r, 0).data() for r in range(3, 200, 5)] == ["Bea Sanz"] * 40
