"""The speakers panel: every speaker name of the corpus with its number of quotes.

A standalone widget fed plain data (``core.corpus.queries.speaker_counts``); it asks for
changes by signal and never edits the corpus itself, so the window that hosts it turns
a rename into a core command on its undo stack.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QModelIndex, QSortFilterProxyModel, Qt, Signal
from PySide6.QtGui import QKeyEvent, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from gui.plain import plain

#: Keys that move the focus within the panel, not the review's (Tab switches the span).
_FOCUS_KEYS = (Qt.Key.Key_Tab, Qt.Key.Key_Backtab)


class _Filter(QLineEdit):
    """The filter box: Down goes on into the list (not to the review's token cursor)."""

    down = Signal()

    def event(self, e: QEvent) -> bool:
        if e.type() == QEvent.Type.ShortcutOverride and _key(e) in (Qt.Key.Key_Down, *_FOCUS_KEYS):
            e.accept()  # ours, not the window's shortcut
            return True
        return super().event(e)

    def keyPressEvent(self, e: QKeyEvent) -> None:
        if e.key() == Qt.Key.Key_Down:
            self.down.emit()
            return
        super().keyPressEvent(e)


class _Table(QTableView):
    """The list: typed letters find a name (Qt's keyboard search) instead of reaching
    the review's one-letter keys, which would edit the open article."""

    def event(self, e: QEvent) -> bool:
        if e.type() == QEvent.Type.ShortcutOverride and isinstance(e, QKeyEvent):
            plain = (
                e.modifiers() & ~Qt.KeyboardModifier.ShiftModifier == Qt.KeyboardModifier.NoModifier
            )
            if plain and e.text().isprintable() and e.text().strip() or _key(e) in _FOCUS_KEYS:
                e.accept()
                return True
        return super().event(e)


def _key(e: QEvent) -> int | None:
    return e.key() if isinstance(e, QKeyEvent) else None


class SpeakersPanel(QWidget):
    """Signals:
    chosen(name): show this speaker's quotes (double-click or Enter on a row).
    rename_requested(names, new_name): rename the selected names to ``new_name`` (more
        than one name, or an existing name: a merge).
    """

    chosen = Signal(str)
    rename_requested = Signal(list, str)

    def __init__(
        self, speakers: list[tuple[str, int]] | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.filter = _Filter(placeholderText="Filter speakers  (Enter shows the first)")
        self.filter.setClearButtonEnabled(True)
        self.model = QStandardItemModel(0, 2, self)
        self.model.setHorizontalHeaderLabels(["Speaker", "Quotes"])
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.proxy.setFilterKeyColumn(0)
        self.proxy.setSortRole(Qt.ItemDataRole.UserRole)
        self.filter.textChanged.connect(self.proxy.setFilterFixedString)
        self.filter.returnPressed.connect(self._choose_first)
        self.filter.down.connect(self._into_list)
        self.table = _Table()
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.table.activated.connect(self._activated)  # double-click, or Enter
        self.rename_button = QPushButton("Rename or merge...")
        self.rename_button.setToolTip("Give the selected speakers one name, across the corpus")
        self.rename_button.clicked.connect(self.ask_rename)
        self.table.selectionModel().selectionChanged.connect(self._update_button)
        #: What the counts hold: the panel is not the report, but must not pass off the
        #: model's guesses as quotes either.
        self.note = QLabel("Quotes: all but rejected ones, unreviewed suggestions included")
        self.note.setWordWrap(True)
        self.note.setEnabled(False)  # (drawn grey: a note, not a control)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.rename_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.filter)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.note)
        layout.addLayout(buttons)
        self.set_speakers(speakers or [])

    def set_speakers(self, speakers: list[tuple[str, int]]) -> None:
        """Show these (name, quotes) rows, most quoted first; the filter stays."""
        self.model.setRowCount(0)
        for name, count in speakers:
            name_item = QStandardItem(name)
            name_item.setData(name.casefold(), Qt.ItemDataRole.UserRole)
            name_item.setToolTip(plain(name))
            count_item = QStandardItem(str(count))
            count_item.setData(count, Qt.ItemDataRole.UserRole)
            count_item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.model.appendRow([name_item, count_item])
        self.table.sortByColumn(1, Qt.SortOrder.DescendingOrder)
        self._update_button()

    def names(self) -> list[str]:
        """Every name, most quoted first (for completing a typed speaker name)."""
        rows = [
            (
                self.model.item(i, 0).text(),
                int(self.model.item(i, 1).data(Qt.ItemDataRole.UserRole)),
            )
            for i in range(self.model.rowCount())
        ]
        return [name for name, _ in sorted(rows, key=lambda r: (-r[1], r[0]))]

    def selected_names(self) -> list[str]:
        rows = self.table.selectionModel().selectedRows(0)
        return sorted(str(self.proxy.data(index)) for index in rows)

    def ask_rename(self) -> None:
        """Ask for the new name of the selected speakers, then request the rename."""
        selected = self.selected_names()
        if not selected:
            return
        what = selected[0] if len(selected) == 1 else f"{len(selected)} speakers"
        new, ok = QInputDialog.getText(
            self, "Rename or merge speakers", f"New name for {what}:", text=selected[0]
        )
        if ok and new.strip() and [new.strip()] != selected:
            self.rename_requested.emit(selected, new.strip())

    def _choose_first(self) -> None:
        if self.proxy.rowCount():
            self.chosen.emit(str(self.proxy.data(self.proxy.index(0, 0))))

    def _into_list(self) -> None:
        if self.proxy.rowCount():
            self.table.setFocus()
            self.table.selectRow(0)

    def _activated(self, index: QModelIndex) -> None:
        self.chosen.emit(str(self.proxy.data(index.siblingAtColumn(0))))

    def _update_button(self) -> None:
        self.rename_button.setEnabled(bool(self.table.selectionModel().selectedRows()))
