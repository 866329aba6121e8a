"""Side panels: the article list with its filter, and the article's attributions."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import lru_cache
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QItemSelectionModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSize,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QColor, QFont, QFontMetricsF
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QLineEdit,
    QProgressBar,
    QSizePolicy,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from core.corpus.curation import Annotator, Item
from core.corpus.errors import CorpusError
from core.corpus.rows import ArticleSummary
from core.corpus.store import Store
from core.model import Attribution, Span, State, Status
from core.review.article_list import ArticleRows, Totals
from gui.article_view import ANNOTATOR_COLOURS
from gui.keymap import fill
from gui.plain import plain

STATUS_TEXT = {Status.TODO: "to do", Status.IN_PROGRESS: "in progress", Status.DONE: "done"}
#: The mark of a doubt (docs/adr/0033): before a flagged attribution's state, and before
#: the status of an article flagged or holding a flagged attribution (first, so a narrow
#: column that cuts the word still shows it).
FLAG_MARK = "\u2691 "
ID_ROLE = Qt.ItemDataRole.UserRole + 1
_DISPLAY = Qt.ItemDataRole.DisplayRole
_ROOT = QModelIndex()
_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
CELLS_KEPT = 512  # rows whose texts are cached
_ROLES = frozenset(
    {_DISPLAY, Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.TextAlignmentRole, ID_ROLE}
)


class ArticleModel(QAbstractTableModel):
    """The article list as a Qt model over :class:`core.review.article_list.ArticleRows`: it
    holds no items; the view asks for the rows it paints, fetched a page at a time.
    While a search is counted its rows grow (:meth:`grown`)."""

    HEADERS = ("Title", "Date", "Status", "Left")

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rows: ArticleRows | None = None
        self._count = 0  # the rows the view was told of
        self._cells: dict[int, tuple[str, str, str, str, int]] = {}

    def reset(self, rows: ArticleRows | None) -> None:
        self.beginResetModel()
        self.rows = rows
        self._count = rows.count if rows is not None else 0
        self._cells.clear()
        self.endResetModel()

    def grown(self) -> None:
        """Tell the view of the rows counted since it last heard."""
        count = self.rows.count if self.rows is not None else 0
        if count > self._count:
            self.beginInsertRows(_ROOT, self._count, count - 1)
            self._count = count
            self.endInsertRows()

    def cells(self, row: int) -> tuple[str, str, str, str, int] | None:
        """A row's texts and article id (cached: a view asks for each cell's roles
        one call at a time as it paints, and calls from Qt into Python are dear)."""
        cells = self._cells.get(row)
        if cells is None:
            line = self.rows.line(row) if self.rows is not None else None
            if line is None:
                return None
            if len(self._cells) > CELLS_KEPT:
                self._cells.clear()
            title = line.title or f"Article {line.id}"
            status = FLAG_MARK * line.flagged + STATUS_TEXT[line.status]
            cells = (title, line.date, status, str(line.to_review), line.id)
            self._cells[row] = cells
        return cells

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = _ROOT) -> int:
        return 0 if parent.isValid() else self._count

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = _ROOT) -> int:
        return 0 if parent.isValid() else len(self.HEADERS)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = _DISPLAY) -> Any:
        if role not in _ROLES:  # the view asks a dozen roles per cell as it paints
            return None
        cells = self.cells(index.row())
        if cells is None:
            return None
        col = index.column()
        if role == _DISPLAY:
            return cells[col]
        if role == ID_ROLE:
            return cells[4]
        if role == Qt.ItemDataRole.ToolTipRole and col == 0:
            return plain(cells[0])
        if role == Qt.ItemDataRole.TextAlignmentRole and col == 3:
            return _RIGHT
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = _DISPLAY) -> Any:
        if orientation is not Qt.Orientation.Horizontal:
            return None
        if role == _DISPLAY:
            return self.HEADERS[section]
        if role == Qt.ItemDataRole.ToolTipRole and section == 3:
            return "Suggestions left to review"
        if role == Qt.ItemDataRole.ToolTipRole and section == 2:
            return "\u2691: flagged as unsure, or holding a flagged attribution"
        return None

    def changed(self, line: ArticleSummary) -> None:
        """One article's line changed: that row (if it is cached) is repainted."""
        row = self.rows.update(line) if self.rows is not None else None
        if row is not None:
            self._cells.pop(row, None)
            self.dataChanged.emit(self.index(row, 2), self.index(row, 3))


class CachedCells(QStyledItemDelegate):
    """Draws a table's cells as the usual delegate does, with a cell's text taken from
    the model's cache of its row in one call (``cells(row)``, None for a row not read),
    right-aligned in the columns ``right``. The usual way asks the model for each of
    seven roles, a call into Python each: a tenth of painting a page of the list, or the
    rows of an article opened."""

    def __init__(
        self,
        parent: QObject,
        cells: Callable[[int], Sequence[Any] | None],
        right: frozenset[int] = frozenset(),
    ) -> None:
        super().__init__(parent)
        self.cells, self.right = cells, right

    def initStyleOption(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        if isinstance(index, QModelIndex):  # (as Qt's delegate does)
            option.index = index
        cells = self.cells(index.row())
        if cells is None:
            return
        option.text = cells[index.column()]
        option.features |= QStyleOptionViewItem.ViewItemFeature.HasDisplay
        if index.column() in self.right:
            option.displayAlignment = _RIGHT


class ArticleList(QWidget):
    """The articles of the corpus (or those the filter finds), the open one selected,
    and the totals under them.

    Signals:
    chosen(article_id): the user picked an article with the mouse (the list takes no
    focus).
    failed(message): the filter could not be read (a damaged search index); the list
    shows nothing for it.
    """

    chosen = Signal(int)
    failed = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.filter = QLineEdit(placeholderText=fill("Filter articles  ( {filter} )"))
        self.filter.setClearButtonEnabled(True)
        self.filter.setFocusPolicy(Qt.FocusPolicy.ClickFocus)  # reached by '/', not by Tab
        self.filter.setToolTip("Words in the title, the text or a speaker's name")
        self.model = ArticleModel(self)
        self.filter.textChanged.connect(self._search)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setItemDelegate(CachedCells(self.model, self.model.cells, frozenset({3})))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        # A click opens an article and leaves the keys with it (the window's shortcuts
        # act anywhere): the list never takes the focus, which repainted all its rows
        # (Qt's focus in and out of an item view), the third of a click's paint.
        self.table.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        # every row the same height: the view never asks a row's size to lay out
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.table.verticalHeader().setDefaultSectionSize(22)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for col, width in ((1, 78), (2, 78), (3, 34)):  # fixed: nothing jumps while reviewing
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.Fixed)
            self.table.setColumnWidth(col, width)
        # The header repainted itself whenever the selected row changed (Qt repaints a
        # header over the columns a selection spans: all of them), and only to draw its
        # names in bold, as it does while a row is selected. It keeps the look, bold, and
        # follows a selection of its own that never changes.
        header.setSelectionModel(QItemSelectionModel(self.model, header))
        bold = header.font()
        bold.setBold(True)
        header.setFont(bold)
        self.table.clicked.connect(lambda index: self.chosen.emit(int(index.data(ID_ROLE))))
        self.progress = QProgressBar()
        self.summary = QLabel(wordWrap=True)
        # its text changes as it counts: wrapped to the list's width, never widening it
        # (a relayout of the whole window, the article redrawn, on every key in the filter)
        self.summary.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.store: Store | None = None
        self.current: int | None = None
        self.totals = Totals(None)
        self._counting = QTimer(self, interval=0)  # counts between events: never a stall
        self._counting.timeout.connect(self._count)
        self.lines: dict[int, ArticleSummary] = {}  # the last line seen of articles opened
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.filter)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.progress)
        layout.addWidget(self.summary)
        self._show_totals()

    @property
    def search(self) -> str:
        """The filter as applied: what the next and previous article and done step through."""
        return self.model.rows.search if self.model.rows is not None else ""

    def show_corpus(self, store: Store | None) -> None:
        """List a corpus (again: after an import), keeping the filter."""
        self.store = store
        self.lines.clear()
        self._search(self.filter.text())
        self.recount()

    def recount(self) -> None:
        """Count the totals again: the first slice at once, the rest between events."""
        self.totals = Totals(self.store)
        self.totals.step()
        self._go_on_counting()

    def _count(self) -> None:
        """One slice: of the filter's matches first (its rows grow), then of the totals."""
        rows = self.model.rows
        if rows is not None and rows.counting:
            try:
                rows.step()
            except CorpusError as exc:
                self._unreadable(exc)
                return
            self.model.grown()
            if not rows.counting:  # the open article's row is known now
                self.select(self.current)
        else:
            self.totals.step()
        self._go_on_counting()

    def _go_on_counting(self) -> None:
        rows = self.model.rows
        if self.totals.counting or (rows is not None and rows.counting):
            self._counting.start()
        else:
            self._counting.stop()
        self._show_totals()

    def _search(self, text: str) -> None:
        """Show the first rows the filter finds at once; count the rest between events."""
        try:
            self.model.reset(ArticleRows(self.store, text) if self.store is not None else None)
        except CorpusError as exc:
            self._unreadable(exc)
            return
        self.select(self.current)
        self._go_on_counting()

    def _unreadable(self, exc: CorpusError) -> None:
        """The filter's rows cannot be read: an empty list, and the reason said."""
        self.model.reset(None)
        self._go_on_counting()
        self.failed.emit(str(exc))

    def _show_totals(self) -> None:
        t = self.totals
        done = "%v of %m articles done" if t.articles > 1 else "%v of %m article done"
        fmt, top, bar = done if t.articles else "no articles yet", max(t.articles, 1), self.progress
        if (bar.format(), bar.maximum(), bar.value()) != (fmt, top, t.done):
            # QProgressBar.setValue repaints at once, and with it every part of the window
            # waiting to be drawn (the new article's text, before its spans are painted):
            # with updates off meanwhile, the bar is painted with the rest, once.
            bar.setUpdatesEnabled(False)
            bar.setFormat(fmt)
            bar.setMaximum(top)
            bar.setValue(t.done)
            bar.setUpdatesEnabled(True)
        left = (
            f"counting suggestions to review ({t.left} so far)"
            if t.counting
            else _count(t.left, "suggestion") + " to review"
        )
        found = ""
        rows = self.model.rows
        if rows is not None and rows.filtered:
            found = f"{rows.count} found so far; " if rows.counting else f"{rows.count} found; "
        self.summary.setText(f"{found}{_count(t.articles, 'article')}, {left}")

    def opened(self, line: ArticleSummary, changed: bool) -> None:
        """An article was opened: its line as stored (``changed``: an edit was just
        made to it elsewhere, an undo or a reload, so the totals are counted again)."""
        self.lines[line.id] = line
        self.model.changed(line)
        if changed:
            self.recount()
        self.select(line.id)

    def update_row(self, line: ArticleSummary) -> None:
        """One article's counts changed: its row, and the totals by the difference."""
        rows = self.model.rows
        old = self.lines.get(line.id) or (rows.cached(line.id) if rows is not None else None)
        self.lines[line.id] = line
        self.model.changed(line)
        if old is None:  # not seen before: count again
            self.recount()
        elif old != line:
            self.totals.follow(old, line)
            self._show_totals()

    def select(self, article_id: int | None) -> None:
        """Select the open article's row, if the list shows it (no scan: see row_of)."""
        self.current = article_id
        rows = self.model.rows
        row = rows.row_of(article_id) if rows is not None and article_id is not None else None
        if row is None:
            self.table.clearSelection()
            return
        index = self.model.index(row, 0)
        self.table.selectRow(row)
        self.table.scrollTo(index)

    def focus_filter(self) -> None:
        self.filter.setFocus()
        self.filter.selectAll()

    def first_id(self) -> int | None:
        """The article on the list's first row (the filter's best match)."""
        line = self.model.rows.line(0) if self.model.rows is not None else None
        return line.id if line else None


def snippet(text: str, sp: Span | None) -> str:
    """A span's words on one line, cut at 60 characters."""
    if sp is None:
        return ""
    s = " ".join(text[sp.start : sp.end].split())
    return s if len(s) <= 60 else s[:57] + "..."


def row_cells(text: str, a: Attribution) -> tuple[str, str, str, str, str]:
    """The table's cells of one attribution: speaker, cue, type, state (marked when
    flagged), quote."""
    speaker = a.speaker_name or snippet(text, a.speaker)
    state = FLAG_MARK * a.flagged + a.state.value
    return speaker, snippet(text, a.cue), a.type.value, state, snippet(text, a.quote)


def source_tip(a: Attribution) -> str:
    """The state cell's tooltip of a suggestion: the rule that made it and how sure
    the suggester is that it will be kept (docs/adr/0036)."""
    p = a.made_by
    made = f"Suggested by the rule {p.rule}" if p is not None else "Suggested"
    sure = f", {a.confidence:.0%} sure" if a.confidence is not None else ""
    return made + sure


def flag_tip(a: Attribution) -> str:
    """The state cell's tooltip of a flagged attribution: its comment, as plain text."""
    said = f": {a.comment}" if a.comment else ""
    return f"Flagged as unsure{said}"


class AttributionModel(QAbstractTableModel):
    """The open article's attributions as a Qt model: a row's cells are made when the
    view first paints it and kept until an edit changes it; an edit redraws only the
    rows of the attributions it changed (docs/adr/0030). A long article has thousands of
    rows, and every article opened had all its rows made, with their tooltips."""

    COLUMNS = ("Speaker", "Cue", "Type", "State", "Quote")
    #: In a gold corpus: where each attribution came from (docs/adr/0037), before the quote.
    GOLD_COLUMNS = ("Speaker", "Cue", "Type", "State", "From", "Quote")

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.text = ""
        self.attrs: list[Attribution] = []
        #: In a gold corpus, where each attribution came from, by id ("agreed", "ana"...);
        #: None in another corpus (no such column).
        self.made: dict[int, str] | None = None
        self._cells: dict[int, tuple[str, str, str, str, str]] = {}
        self._rows: dict[int, int] | None = None  # attribution id -> row, made when needed

    def show(self, text: str, attrs: list[Attribution]) -> None:
        """Another article's attributions, or the rows were added, removed or reordered:
        rows added or removed at the end, and the others' cells changed. Not a reset,
        after which Qt repaints both headers: the columns' names never change, nor the
        numbers of the rows both articles have (a tenth of the paint of a click)."""
        old, new = len(self.attrs), len(attrs)
        if new < old:
            self.beginRemoveRows(_ROOT, new, old - 1)
        elif new > old:
            self.beginInsertRows(_ROOT, old, new - 1)
        self.text, self.attrs = text, attrs
        self._cells.clear()
        self._rows = None
        if new < old:
            self.endRemoveRows()
        elif new > old:
            self.endInsertRows()
        if min(old, new):
            self.dataChanged.emit(
                self.index(0, 0), self.index(min(old, new) - 1, len(self.COLUMNS) - 1)
            )

    def changed(
        self, attrs: list[Attribution], ids: frozenset[int], shown: range | None = None
    ) -> None:
        """The attributions ``ids`` changed, each in its row (none moved): their cells are
        made again when next painted, and those of the rows ``shown`` (on screen; None:
        all) are redrawn now. A name given to many (docs/adr/0052) changes rows all over a
        long article, a call from Qt into Python and back for each; a row off screen is
        painted from its cells made anew when it comes into view (docs/adr/0092)."""
        self.attrs = attrs
        if not ids:
            return
        if self._rows is None:
            self._rows = {a.id or 0: row for row, a in enumerate(attrs)}
        for row in sorted(self._rows[i] for i in ids if i in self._rows):
            self._cells.pop(row, None)
            if shown is None or row in shown:
                self.dataChanged.emit(self.index(row, 0), self.index(row, self.columnCount() - 1))

    def cells(self, row: int) -> tuple[str, str, str, str, str]:
        cells = self._cells.get(row)
        if cells is None:
            cells = self._cells[row] = row_cells(self.text, self.attrs[row])
        return cells

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = _ROOT) -> int:
        return 0 if parent.isValid() else len(self.attrs)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = _ROOT) -> int:
        return 0 if parent.isValid() else len(self.columns())

    def columns(self) -> tuple[str, ...]:
        return self.COLUMNS if self.made is None else self.GOLD_COLUMNS

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = _DISPLAY) -> Any:
        if role not in _ROLES:  # (the view asks a dozen roles per cell as it paints)
            return None
        row, col = index.row(), index.column()
        if self.made is not None and col >= 4:  # (a gold's: where it came from, then quote)
            if col == 4:
                made = self.made.get(self.attrs[row].id or 0, "curator")
                if role == Qt.ItemDataRole.ToolTipRole:
                    return plain(made)
                return made if role == _DISPLAY else None
            col -= 1
        if role == _DISPLAY:
            return self.cells(row)[col]
        if role == Qt.ItemDataRole.ToolTipRole:  # (the quote's whole text)
            if col == 3 and self.attrs[row].flagged:
                return plain(flag_tip(self.attrs[row]))
            if col == 3 and self.attrs[row].state is State.SUGGESTED:
                return plain(source_tip(self.attrs[row]))
            if col < 4:
                return plain(self.cells(row)[col])
            quote = self.attrs[row].quote
            return plain(self.text[quote.start : quote.end])
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = _DISPLAY) -> Any:
        if role != _DISPLAY:
            return None
        if orientation is Qt.Orientation.Horizontal:
            return self.columns()[section]
        return section + 1  # the rows' numbers, as Ctrl+G takes them


@lru_cache(maxsize=8)
def _even_figures(font: str) -> bool:
    """Whether every number of as many digits is as wide in ``font`` (``QFont.toString``)
    made bold, as a header measures its sections: each digit as wide, and no pair of
    digits kerned."""
    bold = QFont()
    bold.fromString(font)
    bold.setBold(True)
    metrics = QFontMetricsF(bold)
    digits = {metrics.horizontalAdvance(str(n)) for n in range(10)}
    pairs = {metrics.horizontalAdvance(f"{n:02}") for n in range(100)}
    return len(digits) == 1 and pairs == {2 * digits.pop()}


class RowNumbers(QHeaderView):
    """The attribution table's row numbers, as the table's own vertical header shows
    them, measured in one section: Qt measures the first and last hundred sections
    again each time a row is added or removed, and asks the model (Python) half a dozen
    roles of each, a millisecond of Q on a long article (docs/adr/0092). Where every
    number of as many digits is as wide (a font's usual figures), the widest section,
    which Qt's measure finds, is the last row's: that one is measured."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(Qt.Orientation.Vertical, parent)
        self.setSectionsClickable(True)  # (as QTableView makes its own)
        self.setHighlightSections(True)

    def sizeHint(self) -> QSize:
        last = self.count() - 1
        if last < 0 or self.hiddenSectionCount() or not _even_figures(self.font().toString()):
            return super().sizeHint()
        return self.sectionSizeFromContents(self.logicalIndex(last)).expandedTo(QSize(0, 0))


class AttributionTable(QTableView):
    """Signals:
    chosen(index): the user picked an attribution with the mouse.
    """

    chosen = Signal(int)
    COLUMNS = AttributionModel.COLUMNS

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.attributions = AttributionModel(self)
        self.setVerticalHeader(RowNumbers(self))
        self.setModel(self.attributions)
        self.setItemDelegate(CachedCells(self, self.attributions.cells))
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        self.setWordWrap(False)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)  # quotes elide
        self.verticalHeader().setDefaultSectionSize(24)
        header = self.horizontalHeader()
        for col, width in enumerate((124, 56, 58, 72)):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.Interactive)
            self.setColumnWidth(col, width)
        header.setStretchLastSection(True)
        self.clicked.connect(lambda index: self.chosen.emit(index.row()))

    def refresh(
        self,
        text: str,
        attrs: list[Attribution],
        current: int | None,
        changed: frozenset[int],
        rebuild: bool,
    ) -> None:
        """Show the article's attributions: all rows anew when ``rebuild`` (another
        article, or rows were added, removed or reordered), else only the rows of the
        attribution ids ``changed``."""
        if rebuild:
            self.attributions.show(text, attrs)
            if self.attributions.made is not None:  # a gold's From column: narrow
                self.setColumnWidth(4, 64)
        self.select(current)
        if not rebuild:  # (scrolled first: the rows then on screen are redrawn)
            self.attributions.changed(attrs, changed, self.rows_shown())

    def rows_shown(self) -> range:
        """The rows on screen, whole or in part."""
        first = self.rowAt(0)
        last = self.rowAt(self.viewport().height() - 1)
        return range(first, (last if last >= 0 else self.attributions.rowCount() - 1) + 1)

    def select(self, row: int | None) -> None:
        if row is None or row >= self.attributions.rowCount():
            self.clearSelection()
            return
        self.selectRow(row)
        self.scrollTo(self.attributions.index(row, 0))


class ItemPanel(QWidget):
    """In a gold corpus (docs/adr/0037): the item being adjudicated, a row per version,
    named by its annotator's key and name in their colour (the legend of the colours in
    the text); an annotator who marked nothing there has a row saying so."""

    COLUMNS = ("Annotator", "Speaker", "Cue", "Type", "Quote")

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = QLabel()
        self.title.setTextFormat(Qt.TextFormat.PlainText)
        self.table = QTableWidget(0, len(self.COLUMNS))
        self.table.setHorizontalHeaderLabels(self.COLUMNS)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.table.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(24)
        header = self.table.horizontalHeader()
        for col, width in enumerate((96, 110, 56, 58)):
            self.table.setColumnWidth(col, width)
        header.setStretchLastSection(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.table)

    def show_item(
        self, text: str, item: Item | None, annotators: list[Annotator], title: str
    ) -> None:
        """Show ``item``'s versions (None: no rows) under ``title``."""
        self.title.setText(title)
        rows: list[tuple[int, tuple[str, str, str, str, str]]] = []
        names = {a.number: a.name for a in annotators}
        for n, versions in (item.versions if item is not None else {}).items():
            who = f"{n} {names.get(n, '')}"
            if not versions:
                rows.append((n, (who, "", "", "", "(marked nothing here)")))
            for a in versions:
                rows.append((n, (who, *row_cells(text, a)[:3], snippet(text, a.quote))))
        self.table.setRowCount(len(rows))
        for r, (n, cells) in enumerate(rows):
            for col, value in enumerate(cells):
                cell = QTableWidgetItem(value)
                cell.setToolTip(plain(value))
                if col == 0:
                    cell.setForeground(QColor("white"))
                    cell.setBackground(QColor(ANNOTATOR_COLOURS[(n - 1) % len(ANNOTATOR_COLOURS)]))
                self.table.setItem(r, col, cell)


def _count(n: int, noun: str) -> str:
    """``1 article``, ``2 articles``, ``0 articles``."""
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"
