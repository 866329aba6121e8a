"""The speakers panel: every speaker of the corpus with its kind and number of quotes.

A standalone widget fed plain data (``core.corpus.queries.speaker_counts``); it asks for
changes by signal and never edits the corpus itself, so the window that hosts it turns
a rename into a core command on its undo stack.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QModelIndex, QSortFilterProxyModel, Qt, Signal, SignalInstance
from PySide6.QtGui import QKeyEvent, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from core.model import Speaker
from core.suggest.duplicates import Duplicate
from core.suggest.registry import kind_of
from gui import dialogs
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
    describe_requested(name): set the kind and external id of this speaker.
    merge_requested(duplicate), dismiss_requested(duplicate): merge a pair of likely
        duplicates (``core.suggest.duplicates.Duplicate``), or say they are not one.
    """

    chosen = Signal(str)
    rename_requested = Signal(list, str)
    describe_requested = Signal(str)
    merge_requested = Signal(object)
    dismiss_requested = Signal(object)

    def __init__(
        self, speakers: list[tuple[Speaker, int]] | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        #: The names a new name completes from (the window's: the corpus's speakers).
        self.known: Callable[[], list[str]] = self.names
        self.filter = _Filter(placeholderText="Filter speakers  (Enter shows the first)")
        self.filter.setClearButtonEnabled(True)
        self.model = QStandardItemModel(0, 3, self)
        self.model.setHorizontalHeaderLabels(["Speaker", "Kind", "Quotes"])
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
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
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
        self.describe_button = QPushButton("Kind and id...")
        self.describe_button.clicked.connect(self.ask_describe)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.describe_button)
        buttons.addWidget(self.rename_button)
        #: Likely duplicates, surest first: each merged or dismissed by a key or button.
        self.candidates_label = QLabel("Likely the same speaker")
        self.candidates = QListWidget()
        self.candidates.itemSelectionChanged.connect(self._update_button)
        self.merge_button = QPushButton("Merge")
        self.merge_button.clicked.connect(lambda: self._ask(self.merge_requested))
        self.dismiss_button = QPushButton("Not the same")
        self.dismiss_button.clicked.connect(lambda: self._ask(self.dismiss_requested))
        pair_buttons = QHBoxLayout()
        pair_buttons.addStretch(1)
        pair_buttons.addWidget(self.dismiss_button)
        pair_buttons.addWidget(self.merge_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.filter)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.note)
        layout.addLayout(buttons)
        layout.addWidget(self.candidates_label)
        layout.addWidget(self.candidates)
        layout.addLayout(pair_buttons)
        self.set_speakers(speakers or [])
        self.set_candidates([])

    def set_speakers(self, speakers: list[tuple[Speaker, int]]) -> None:
        """Show these (speaker, quotes) rows, most quoted first; the filter stays. A
        kind nobody stated is the one guessed from the name."""
        self.model.setRowCount(0)
        for speaker, count in speakers:
            name_item = QStandardItem(speaker.name)
            name_item.setData(speaker.name.casefold(), Qt.ItemDataRole.UserRole)
            name_item.setToolTip(plain(speaker.name))
            kind = kind_of(speaker).value
            kind_item = QStandardItem(kind if speaker.kind else f"{kind}?")
            kind_item.setData(kind, Qt.ItemDataRole.UserRole)
            count_item = QStandardItem(str(count))
            count_item.setData(count, Qt.ItemDataRole.UserRole)
            count_item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.model.appendRow([name_item, kind_item, count_item])
        self.table.sortByColumn(2, Qt.SortOrder.DescendingOrder)
        self._update_button()

    def names(self) -> list[str]:
        """Every name, most quoted first (for completing a typed speaker name)."""
        rows = [
            (
                self.model.item(i, 0).text(),
                int(self.model.item(i, 2).data(Qt.ItemDataRole.UserRole)),
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
        new = dialogs.ask_name(
            self, "Rename or merge speakers", f"New name for {what}:", selected[0], self.known()
        )
        if new is not None and new.strip() and [new.strip()] != selected:
            self.rename_requested.emit(selected, new.strip())

    def ask_describe(self) -> None:
        """Ask the host to set the kind and external id of the one speaker selected."""
        selected = self.selected_names()
        if len(selected) == 1:
            self.describe_requested.emit(selected[0])

    def _choose_first(self) -> None:
        if self.proxy.rowCount():
            self.chosen.emit(str(self.proxy.data(self.proxy.index(0, 0))))

    def _into_list(self) -> None:
        if self.proxy.rowCount():
            self.table.setFocus()
            self.table.selectRow(0)

    def _activated(self, index: QModelIndex) -> None:
        self.chosen.emit(str(self.proxy.data(index.siblingAtColumn(0))))

    def set_candidates(self, found: list[Duplicate]) -> None:
        """Show these likely duplicates (the one a merge keeps first); the selection
        stays on the same pair when it is still listed."""
        chosen = self.candidate()
        self.candidates.clear()
        for d in found:
            item = QListWidgetItem(f"{d.into.name} \u2190 {d.other.name}")
            item.setToolTip(plain(d.why))
            item.setData(Qt.ItemDataRole.UserRole, d)
            self.candidates.addItem(item)
            if chosen is not None and d.pair == chosen.pair:
                self.candidates.setCurrentItem(item)
        self.candidates_label.setText(
            f"Likely the same speaker ({len(found)})" if found else "No likely duplicates"
        )
        self._update_button()

    def candidate(self) -> Duplicate | None:
        """The pair chosen in the list, else the first listed (the surest)."""
        item = self.candidates.currentItem() or self.candidates.item(0)
        return None if item is None else item.data(Qt.ItemDataRole.UserRole)  # type: ignore[no-any-return]

    def _ask(self, signal: SignalInstance) -> None:
        pair = self.candidate()
        if pair is not None:
            signal.emit(pair)

    def _update_button(self) -> None:
        selected = len(self.table.selectionModel().selectedRows())
        self.rename_button.setEnabled(selected > 0)
        self.describe_button.setEnabled(selected == 1)
        some = self.candidates.count() > 0
        self.merge_button.setEnabled(some)
        self.dismiss_button.setEnabled(some)
