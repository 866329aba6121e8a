"""Dialogs. Each returns plain values (a path, a name, a number, None when cancelled)
and gives the keyboard back to its parent's article view when it closes."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QCompleter,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QMessageBox,
    QPushButton,
    QWidget,
)

from core.config import data_dir, default_corpus_path, sample_corpus_path
from core.formats.format import Format
from core.formats.registry import READ_SUFFIXES, WRITTEN
from core.model import Speaker, SpeakerKind
from core.suggest.registry import kind_of
from gui import settings
from gui.keymap import fill


def _run(dialog: QDialog) -> bool:
    """Run a modal dialog, then make sure it is gone before the caller goes on: a
    closed dialog that is still the active window would swallow the next key."""
    accepted = dialog.exec() == QDialog.DialogCode.Accepted
    dialog.hide()
    dialog.setParent(None)
    dialog.deleteLater()
    return accepted


class _Completer(QCompleter):
    """Completes from names, matching any part of one, case aside; Enter while the list
    shows takes the name highlighted in it (else the text typed) and closes the box,
    and Esc closes the box too: one key, not one for the list and one for the box.

    Signals:
    chosen(text): Enter was pressed in the list.
    dropped(): Esc was pressed in the list.
    """

    chosen = Signal(str)
    dropped = Signal()

    def __init__(self, names: list[str], parent: QWidget) -> None:
        super().__init__(names, parent)
        self.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.setFilterMode(Qt.MatchFlag.MatchContains)
        self.setModelSorting(QCompleter.ModelSorting.UnsortedModel)

    def eventFilter(self, o: QObject, e: QEvent) -> bool:
        popup = self.popup()
        if (
            o is popup
            and isinstance(e, QKeyEvent)
            and e.type() == QEvent.Type.KeyPress
            and e.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Escape)
        ):
            popup.hide()
            if e.key() == Qt.Key.Key_Escape:
                self.dropped.emit()
                return True
            line = self.widget()
            index = popup.currentIndex()
            typed = line.text() if isinstance(line, QLineEdit) else ""
            self.chosen.emit(str(index.data()) if index.isValid() else typed)
            return True
        return super().eventFilter(o, e)

    def show_all(self) -> None:
        """The list of every name, best first, shown under the box."""
        self.setCompletionPrefix("")
        self.complete()


def ask_name(
    parent: QWidget, title: str, label: str, value: str, names: list[str], listed: bool = False
) -> str | None:
    """A line typed (a name, or words to find); it completes from ``names`` (best
    first), and with ``listed`` shows them all as it opens (``Down`` and ``Enter`` take
    one; typing narrows them). The label may hold a name: it is shown as plain text,
    never as markup."""
    dialog = QInputDialog(parent)
    dialog.setWindowTitle(title)
    dialog.setLabelText(label)
    dialog.setTextValue(value)
    completer = _Completer(names, dialog)
    line, shown = dialog.findChild(QLineEdit), dialog.findChild(QLabel)
    assert line is not None and shown is not None  # a text QInputDialog has both
    shown.setTextFormat(Qt.TextFormat.PlainText)
    line.setCompleter(completer)

    def chosen(name: str) -> None:
        dialog.setTextValue(name)
        dialog.accept()

    completer.chosen.connect(chosen)
    completer.dropped.connect(dialog.reject)
    if listed and names:
        QTimer.singleShot(0, completer.show_all)  # once the box is shown
    return dialog.textValue() if _run(dialog) else None


def ask_speaker_name(parent: QWidget, value: str, names: list[str]) -> str | None:
    """A speaker name; the box opens with ``names`` listed (best first), and typing
    narrows them to those holding what is typed, case aside."""
    return ask_name(
        parent,
        "Speaker name",
        "The speaker's fullest name (or the description, as written):",
        value,
        names,
        listed=True,
    )


def ask_speaker_identity(parent: QWidget, speaker: Speaker) -> tuple[SpeakerKind, str] | None:
    """A speaker's kind and external id (a Wikidata QID, say: typed, never looked up)."""
    dialog = QDialog(parent)
    dialog.setWindowTitle(f"Speaker: {speaker.name}")
    kind = QComboBox(dialog)
    for k in SpeakerKind:
        kind.addItem(k.value, k)
    kind.setCurrentIndex(list(SpeakerKind).index(kind_of(speaker)))
    external = QLineEdit(speaker.external_id, dialog)
    external.setPlaceholderText("e.g. a Wikidata QID: Q42")
    form = QFormLayout(dialog)
    form.addRow("Kind:", kind)
    form.addRow("External id:", external)
    buttons = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, dialog
    )
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    form.addRow(buttons)
    if not _run(dialog):
        return None
    return SpeakerKind(kind.currentData()), external.text()  # (deleted later: readable now)


def ask_number(parent: QWidget, value: int, top: int) -> int | None:
    """An attribution's number, 1 to ``top``."""
    dialog = QInputDialog(parent)
    dialog.setWindowTitle("Go to")
    dialog.setLabelText(f"Attribution number (1-{top}):")
    dialog.setInputMode(QInputDialog.InputMode.IntInput)
    dialog.setIntRange(1, max(top, 1))
    dialog.setIntValue(value)
    return dialog.intValue() if _run(dialog) else None


class _Numbered(QDialog):
    """A numbered list: a digit takes its row and closes the box (one key), ``Enter``
    the highlighted row, ``Esc`` nothing."""

    def __init__(self, parent: QWidget, title: str, rows: list[str]) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.list = QListWidget(self)
        self.list.addItems(
            [f"{i}  {row}" if i < 10 else f"   {row}" for i, row in enumerate(rows, 1)]
        )
        self.list.setCurrentRow(0)
        self.list.setMinimumWidth(min(self.list.sizeHintForColumn(0) + 40, 900))
        self.list.itemActivated.connect(self.accept)
        self.list.installEventFilter(self)
        layout = QHBoxLayout(self)
        layout.addWidget(self.list)

    def eventFilter(self, o: QObject, e: QEvent) -> bool:
        if o is self.list and isinstance(e, QKeyEvent) and e.type() == QEvent.Type.KeyPress:
            digit = e.text()
            if digit.isdigit() and 1 <= int(digit) <= min(9, self.list.count()):
                self.list.setCurrentRow(int(digit) - 1)
                self.accept()
                return True
        return super().eventFilter(o, e)


def ask_numbered(parent: QWidget, title: str, rows: list[str]) -> int | None:
    """The row taken from a numbered list (0 is the first), None when closed."""
    dialog = _Numbered(parent, title, rows)
    return dialog.list.currentRow() if _run(dialog) else None


def beside(corpus: Path, name: str) -> Path:
    """Where a file made from the corpus goes first: beside it, or in the home folder
    for a corpus kept in the app's hidden data directory."""
    folder = corpus.parent
    return (Path.home() if folder.resolve() == data_dir().resolve() else folder) / name


@dataclass(frozen=True)
class ExportChoice:
    path: Path
    fmt: str
    done_only: bool
    accepted_only: bool
    tokens: bool = True  # False: without the articles' tokens (a format that allows it)


class ExportDialog(QDialog):
    """Where and how to export: the format, the file (a folder for brat; in the folder
    of the last export, else beside the corpus), and which articles and attributions."""

    def __init__(self, parent: QWidget, corpus: Path) -> None:
        super().__init__(parent)
        self.setWindowTitle("Export")
        last = settings.export_folder()
        self.stem = last / corpus.stem if last else beside(corpus, corpus.stem)
        self.format = QComboBox()
        for written in WRITTEN.values():
            self.format.addItem(written.title, written.name)
        self.path = QLineEdit()
        self.path.setMinimumWidth(420)
        browse = QPushButton("Choose...")
        browse.clicked.connect(self._browse)
        where = QHBoxLayout()
        where.addWidget(self.path, 1)
        where.addWidget(browse)
        self.done_only = QCheckBox("Only articles marked done")
        self.accepted_only = QCheckBox("Only accepted attributions")
        self.no_tokens = QCheckBox("Without tokens (a sixth of the size)")
        self.no_tokens.setToolTip(
            "Prodigy's span and relation views need the tokens; spaCy, pandas and jq do not"
        )
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow("Format:", self.format)
        form.addRow("Export to:", where)
        form.addRow(self.done_only)
        form.addRow(self.accepted_only)
        form.addRow(self.no_tokens)
        form.addRow(self.buttons)
        self.format.currentIndexChanged.connect(self._format_changed)
        self.path.textChanged.connect(self._check)
        self._format_changed()

    def fmt(self) -> str:
        return str(self.format.currentData())

    def _written(self) -> Format:
        return WRITTEN[self.fmt()]

    def set_format(self, fmt: str) -> None:
        self.format.setCurrentIndex(self.format.findData(fmt))

    def _format_changed(self) -> None:
        """Follow the format with the suffix of the name given (a folder for brat) and
        with what it holds by default (the spaCy DocBin, training data: only reviewed
        data; the others everything, each status and state in them)."""
        written = self._written()
        done_only, accepted_only = written.scope
        self.done_only.setChecked(done_only)
        self.accepted_only.setChecked(accepted_only)
        self.no_tokens.setEnabled(written.line_without_tokens is not None)
        self.no_tokens.setChecked(self.no_tokens.isChecked() and self.no_tokens.isEnabled())
        text = self.path.text().strip()
        base = Path(text) if text else self.stem
        files = {f.ending for f in WRITTEN.values() if f.writer is not None}
        base = base.with_suffix("") if base.suffix in files else base
        for folder in (f.ending for f in WRITTEN.values() if f.writer is None):
            if base.name.endswith(folder):
                base = base.with_name(base.name[: -len(folder)])
        self.path.setText(str(base.with_name(base.name + written.ending)))

    def _browse(self) -> None:
        written, current = self._written(), self.path.text()
        if written.writer is None:  # it writes only folders
            name = QFileDialog.getExistingDirectory(
                self, f"Export {written.name} files into", current
            )
        else:
            name, _ = QFileDialog.getSaveFileName(
                self, "Export to", current, f"{written.title} (*{written.ending})"
            )
        if name:
            self.path.setText(name)

    def _check(self) -> None:
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(bool(self.path.text().strip()))

    def choice(self) -> ExportChoice:
        return ExportChoice(
            Path(self.path.text().strip()),
            self.fmt(),
            self.done_only.isChecked(),
            self.accepted_only.isChecked(),
            not self.no_tokens.isChecked(),
        )


def ask_export(parent: QWidget, corpus: Path) -> ExportChoice | None:
    dialog = ExportDialog(parent, corpus)
    choice = dialog.choice() if _run(dialog) else None  # (deleted later: readable now)
    if choice is not None:
        settings.set_export_folder(choice.path.parent)
    return choice


def ask_copy(parent: QWidget, corpus: Path) -> Path | None:
    """Where to save a copy of the corpus."""
    suggested = beside(corpus, f"{corpus.stem}-copy.qlab")
    name, _ = QFileDialog.getSaveFileName(
        parent, "Save a copy of the corpus", str(suggested), "QuoteLab corpus (*.qlab)"
    )
    if not name:
        return None
    return Path(name if name.endswith(".qlab") else name + ".qlab")


def ask_curate(parent: QWidget) -> tuple[list[Path], Path] | None:
    """The annotators' corpora to merge (hand-outs, two or more) and the gold corpus to
    write (a new file), or None."""
    names, _ = QFileDialog.getOpenFileNames(
        parent, "Curate: the annotators' corpora", "", "QuoteLab corpus (*.qlab)"
    )
    if not names:
        return None
    first = Path(names[0])
    name, _ = QFileDialog.getSaveFileName(
        parent,
        "Curate: the gold corpus to write",
        str(first.with_name("gold.qlab")),
        "QuoteLab corpus (*.qlab)",
    )
    if not name:
        return None
    return [Path(n) for n in names], Path(name if name.endswith(".qlab") else name + ".qlab")


def ask_speakers_list(parent: QWidget) -> Path | None:
    """A known speakers list to import."""
    name, _ = QFileDialog.getOpenFileName(
        parent, "Import a known speakers list", "", "Speakers lists (*.csv *.jsonl *.ndjson)"
    )
    return Path(name) if name else None


def ask_speakers_out(parent: QWidget, corpus: Path) -> Path | None:
    """Where to write the corpus's known speakers (a .jsonl unless named .csv)."""
    suggested = beside(corpus, f"{corpus.stem}-speakers.csv")
    name, _ = QFileDialog.getSaveFileName(
        parent,
        "Export the known speakers list",
        str(suggested),
        "CSV (*.csv);;JSON lines (*.jsonl)",
    )
    if not name:
        return None
    return Path(name if name.endswith((".csv", ".jsonl")) else name + ".csv")


def ask_new_corpus(parent: QWidget) -> Path | None:
    name, _ = QFileDialog.getSaveFileName(parent, "New corpus", "", "QuoteLab corpus (*.qlab)")
    if not name:
        return None
    return Path(name if name.endswith(".qlab") else name + ".qlab")


def ask_corpus(parent: QWidget) -> Path | None:
    name, _ = QFileDialog.getOpenFileName(
        parent, "Open corpus", "", "QuoteLab corpus (*.qlab);;All files (*)"
    )
    return Path(name) if name else None


def ask_files(parent: QWidget) -> list[Path]:
    names, _ = QFileDialog.getOpenFileNames(
        parent,
        "Import articles",
        "",
        f"Articles ({' '.join(f'*{suffix}' for suffix in READ_SUFFIXES)});;All files (*)",
    )
    return [Path(n) for n in names]


def ask_folder(parent: QWidget) -> Path | None:
    name = QFileDialog.getExistingDirectory(parent, "Import a folder of articles")
    return Path(name) if name else None


#: How many lines of a long report the message itself shows (the rest: Show Details).
SHOWN_LINES = 6


def error(parent: QWidget, title: str, message: str) -> QMessageBox:
    """A window-modal message naming the file and the reason; does not block the caller.

    A message of many lines (an import refusing hundreds of JSONL lines) shows its first
    lines and its last one; all of them are under *Show Details...*, a scrollable
    read-only box, so the dialog stays on screen. Enter or Esc closes it."""
    lines = message.splitlines()
    more = len(lines) - SHOWN_LINES - 1
    if more > 0:
        shown = [*lines[:SHOWN_LINES], f"... {more} more line(s) under Show Details ...", lines[-1]]
        message = "\n".join(shown)
    box = QMessageBox(
        QMessageBox.Icon.Warning, title, message, QMessageBox.StandardButton.Ok, parent
    )
    box.setTextFormat(Qt.TextFormat.PlainText)
    if more > 0:
        box.setDetailedText("\n".join(lines))
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()
    return box


def _question(
    parent: QWidget, title: str, text: str, yes: Callable[[], object], closed: Callable[[], None]
) -> QMessageBox:
    """A Yes/No question that does not block (Enter answers Yes): ``yes`` on Yes, then
    ``closed`` whatever the answer."""
    box = QMessageBox(
        QMessageBox.Icon.Question,
        title,
        text,
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        parent,
    )
    box.setDefaultButton(QMessageBox.StandardButton.Yes)
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.accepted.connect(yes)
    box.finished.connect(lambda _r: closed())
    box.open()
    return box


def offer_sample(
    parent: QWidget, yes: Callable[[], object], closed: Callable[[], None]
) -> QMessageBox:
    """First run: offer the bundled sample article, naming the corpus it would go into
    (``parent``'s, the window's) and, if it is another file, the sample corpus that
    ``make run`` fills: a plain start opens ``corpus.qlab``, not the sample reviewed
    there, which a user otherwise takes for lost."""
    store = getattr(parent, "store", None)
    corpus = store.path if store is not None else default_corpus_path()
    sample = sample_corpus_path()
    elsewhere = ""
    if sample.exists() and sample.resolve() != corpus.resolve():
        elsewhere = (
            f"\n\nThe sample corpus of `make run` (main.py --sample) is another file, "
            f"{sample}: " + fill("open it with {open_corpus} or File > Open recent.")
        )
    return _question(
        parent,
        "Welcome to QuoteLab",
        f"This corpus is empty: {corpus}\n\n"
        + fill(
            "Import the bundled sample article, with its suggested quotes, into it to try "
            "QuoteLab?\n\nYou can import your own articles any time with "
            "{import_files} (files) or {import_folder} (a folder)."
        )
        + elsewhere,
        yes,
        closed,
    )


def offer_new_corpus(
    parent: QWidget, path: Path, yes: Callable[[], object], closed: Callable[[], None]
) -> QMessageBox:
    """The corpus asked for on the command line does not exist: create it?"""
    return _question(
        parent,
        "No such corpus",
        f"{path} does not exist.\n\n"
        + fill(
            "Create a new, empty corpus there? (No leaves the window empty: {open_corpus} "
            "opens a corpus, {new_corpus} creates one.)"
        ),
        yes,
        closed,
    )


def ask_train(
    parent: QWidget, done: int, yes: Callable[[], object], closed: Callable[[], None]
) -> QMessageBox:
    """Train suggestions on the ``done`` articles? (in the background: review goes on)."""
    return _question(
        parent,
        "Train suggestions",
        f"Train a tagger on the {done} done article(s) of this corpus?\n\n"
        "It trains in the background (minutes for hundreds of articles): review goes on, "
        "and Cancel in the status bar stops it. A part of the done articles is held out "
        "to measure it against the rules; you then choose whether to suggest with it.",
        yes,
        closed,
    )


#: What switching the tagger on changes, said before the user answers (docs/adr/0041).
TAGGER_CHANGES = (
    "Switched on, the articles imported from now on are suggested with it beside the "
    "rules (whichever scored better above comes first where both find a quote; the other "
    "fills where it finds none). The articles already in the corpus keep their "
    "suggestions, and the speaker candidates of {cycle_speaker} are the rules' either way. "
    "{use_tagger} switches it off again in one step."
)


def ask_use_tagger(
    parent: QWidget,
    title: str,
    figures: str,
    use: Callable[[bool], object],
    closed: Callable[[], None],
) -> QMessageBox:
    """A trained tagger's figures (held-out F1, P, R: alone, with the rules, the rules
    alone; when and on how many articles it was trained), what switching it on changes,
    and whether suggestions use it from now on: ``use(True)`` on Yes, ``use(False)`` on
    No (or Esc). Nothing is switched on before the answer."""
    box = QMessageBox(
        QMessageBox.Icon.Question,
        title,
        f"{figures}\n\n{fill(TAGGER_CHANGES)}\n\nSuggest with it from now on?",
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        parent,
    )
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.accepted.connect(lambda: use(True))
    box.rejected.connect(lambda: use(False))
    box.finished.connect(lambda _r: closed())
    box.open()
    return box


def show_help(parent: QWidget) -> None:
    from gui.cheatsheet import CheatSheet

    _run(CheatSheet(parent))
