"""Dialogs. Each returns plain values (a path, a name, a number, None when cancelled)
and gives the keyboard back to its parent's article view when it closes."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QInputDialog,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from gui.keymap import fill


def _run(dialog: QDialog) -> bool:
    """Run a modal dialog, then make sure it is gone before the caller goes on: a
    closed dialog that is still the active window would swallow the next key."""
    accepted = dialog.exec() == QDialog.DialogCode.Accepted
    dialog.hide()
    dialog.setParent(None)
    dialog.deleteLater()
    return accepted


def ask_speaker_name(parent: QWidget, value: str) -> str | None:
    dialog = QInputDialog(parent)
    dialog.setWindowTitle("Speaker name")
    dialog.setLabelText("The speaker's fullest name (or the description, as written):")
    dialog.setTextValue(value)
    return dialog.textValue() if _run(dialog) else None


def ask_number(parent: QWidget, value: int, top: int) -> int | None:
    """An attribution's number, 1 to ``top``."""
    dialog = QInputDialog(parent)
    dialog.setWindowTitle("Go to")
    dialog.setLabelText(f"Attribution number (1-{top}):")
    dialog.setInputMode(QInputDialog.InputMode.IntInput)
    dialog.setIntRange(1, max(top, 1))
    dialog.setIntValue(value)
    return dialog.intValue() if _run(dialog) else None


@dataclass(frozen=True)
class ExportChoice:
    path: Path
    done_only: bool
    accepted_only: bool


def ask_export(parent: QWidget) -> ExportChoice | None:
    name, _ = QFileDialog.getSaveFileName(
        parent, "Export JSONL", "quotes.jsonl", "JSON lines (*.jsonl)"
    )
    if not name:
        return None
    dialog = QDialog(parent)
    dialog.setWindowTitle("Export options")
    done_only = QCheckBox("Only articles marked done")
    accepted_only = QCheckBox("Only accepted attributions")
    buttons = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
    )
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    layout = QVBoxLayout(dialog)
    for w in (done_only, accepted_only, buttons):
        layout.addWidget(w)
    if not _run(dialog):  # (deleted later: the boxes can still be read now)
        return None
    return ExportChoice(Path(name), done_only.isChecked(), accepted_only.isChecked())


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
        "Articles (*.txt *.text *.md *.jsonl *.ndjson);;All files (*)",
    )
    return [Path(n) for n in names]


def ask_folder(parent: QWidget) -> Path | None:
    name = QFileDialog.getExistingDirectory(parent, "Import a folder of articles")
    return Path(name) if name else None


def error(parent: QWidget, title: str, message: str) -> QMessageBox:
    """A window-modal message naming the file and the reason; does not block the caller."""
    box = QMessageBox(
        QMessageBox.Icon.Warning, title, message, QMessageBox.StandardButton.Ok, parent
    )
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()
    return box


def offer_sample(
    parent: QWidget, yes: Callable[[], None], closed: Callable[[], None]
) -> QMessageBox:
    """First run: offer the bundled sample article (Enter accepts)."""
    box = QMessageBox(
        QMessageBox.Icon.Question,
        "Welcome to QuoteLab",
        fill(
            "This corpus is empty. Import the bundled sample article, with its suggested "
            "quotes, to try QuoteLab?\n\nYou can import your own articles any time with "
            "{import_files} (files) or {import_folder} (a folder)."
        ),
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


def show_help(parent: QWidget) -> None:
    from gui.cheatsheet import CheatSheet

    _run(CheatSheet(parent))
