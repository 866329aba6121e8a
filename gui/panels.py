"""Side panels: the article list with its filter, and the article's attributions."""

from __future__ import annotations

from PySide6.QtCore import QSortFilterProxyModel, Qt, Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QLineEdit,
    QProgressBar,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from core.model import Attribution, Span, Status
from core.store import ArticleSummary
from gui.keymap import fill

STATUS_TEXT = {Status.TODO: "to do", Status.IN_PROGRESS: "in progress", Status.DONE: "done"}
ID_ROLE = Qt.ItemDataRole.UserRole + 1


class ArticleList(QWidget):
    """Signals:
    chosen(article_id): the user picked an article with the mouse.
    """

    chosen = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.filter = QLineEdit(placeholderText=fill("Filter articles  ( {filter} )"))
        self.filter.setClearButtonEnabled(True)
        self.filter.setFocusPolicy(Qt.FocusPolicy.ClickFocus)  # reached by '/', not by Tab
        self.model = QStandardItemModel(0, 4, self)
        self.model.setHorizontalHeaderLabels(["Title", "Date", "Status", "Left"])
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.proxy.setFilterKeyColumn(-1)
        self.filter.textChanged.connect(self.proxy.setFilterFixedString)
        self.table = QTableView()
        self.table.setModel(self.proxy)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for col, width in ((1, 78), (2, 78), (3, 34)):  # fixed: nothing jumps while reviewing
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.Fixed)
            self.table.setColumnWidth(col, width)
        self.model.setHeaderData(
            3, Qt.Orientation.Horizontal, "Suggestions left to review", Qt.ItemDataRole.ToolTipRole
        )
        self.table.clicked.connect(
            lambda index: self.chosen.emit(int(self.proxy.data(index.siblingAtColumn(0), ID_ROLE)))
        )
        self.progress = QProgressBar()
        self.progress.setFormat("%v of %m articles done")
        self.summary = QLabel()
        self.rows: dict[int, ArticleSummary] = {}
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.filter)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.progress)
        layout.addWidget(self.summary)

    def show_summaries(self, rows: list[ArticleSummary], current: int | None) -> None:
        self.model.setRowCount(0)
        self.rows = {r.id: r for r in rows}
        for r in rows:
            title = QStandardItem(r.title or f"Article {r.id}")
            title.setData(r.id, ID_ROLE)
            title.setToolTip(r.title)
            items = [
                title,
                QStandardItem(r.date),
                QStandardItem(STATUS_TEXT[r.status]),
                QStandardItem(str(r.to_review)),
            ]
            items[3].setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.model.appendRow(items)
        self._totals()
        self.select(current)

    def _totals(self) -> None:
        rows = self.rows.values()
        done = sum(r.status is Status.DONE for r in rows)
        self.progress.setFormat("%v of %m articles done" if rows else "no articles yet")
        self.progress.setMaximum(max(len(rows), 1))
        self.progress.setValue(done)
        left = sum(r.to_review for r in rows)
        self.summary.setText(f"{len(rows)} articles, {left} suggestions to review")

    def update_row(self, row: ArticleSummary) -> None:
        """One article's counts changed: its row and the totals under the list."""
        self.rows[row.id] = row
        for i in range(self.model.rowCount()):
            item = self.model.item(i, 0)
            if item.data(ID_ROLE) == row.id:
                self.model.item(i, 2).setText(STATUS_TEXT[row.status])
                self.model.item(i, 3).setText(str(row.to_review))
                break
        self._totals()

    def select(self, article_id: int | None) -> None:
        for i in range(self.proxy.rowCount()):
            index = self.proxy.index(i, 0)
            if self.proxy.data(index, ID_ROLE) == article_id:
                self.table.selectRow(i)
                self.table.scrollTo(index)
                return
        self.table.clearSelection()

    def focus_filter(self) -> None:
        self.filter.setFocus()
        self.filter.selectAll()

    def visible_ids(self) -> list[int]:
        """Article ids in list order, as filtered."""
        return [
            int(self.proxy.data(self.proxy.index(i, 0), ID_ROLE))
            for i in range(self.proxy.rowCount())
        ]


class AttributionTable(QTableWidget):
    """Signals:
    chosen(index): the user picked an attribution with the mouse.
    """

    chosen = Signal(int)
    COLUMNS = ["Speaker", "Cue", "Type", "State", "Quote"]

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(0, len(self.COLUMNS), parent)
        self.setHorizontalHeaderLabels(self.COLUMNS)
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
        self.cellClicked.connect(lambda row, _col: self.chosen.emit(row))

    def refresh(
        self,
        text: str,
        attrs: list[Attribution],
        current: int | None,
        changed: frozenset[int],
        rebuild: bool,
    ) -> None:
        """Show the article's attributions: all rows when ``rebuild`` (rows were added,
        removed or reordered), else only the rows of the attribution ids ``changed``."""
        if rebuild:
            self.show_attributions(text, attrs, current)
            return
        for row, a in enumerate(attrs):
            if a.id in changed:
                self.set_row(row, text, a)
        self.select(current)

    def show_attributions(self, text: str, attrs: list[Attribution], current: int | None) -> None:
        self.setRowCount(len(attrs))
        for row, a in enumerate(attrs):
            self.set_row(row, text, a)
        self.select(current)

    def set_row(self, row: int, text: str, a: Attribution) -> None:
        def snippet(sp: Span | None) -> str:
            if sp is None:
                return ""
            s = " ".join(text[sp.start : sp.end].split())
            return s if len(s) <= 60 else s[:57] + "..."

        cells = [
            a.speaker_name or snippet(a.speaker),
            snippet(a.cue),
            a.type.value,
            a.state.value,
            snippet(a.quote),
        ]
        for col, value in enumerate(cells):
            item = QTableWidgetItem(value)
            item.setToolTip(value if col < 4 else text[a.quote.start : a.quote.end])
            self.setItem(row, col, item)

    def select(self, row: int | None) -> None:
        if row is None or row >= self.rowCount():
            self.clearSelection()
            return
        self.selectRow(row)
        self.scrollTo(self.model().index(row, 0))
