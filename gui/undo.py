"""One QUndoCommand per core command, on one QUndoStack.

A command is applied (one SQLite transaction) before it is pushed, so a failure
never reaches the stack; later undo and redo go through core as well and are
logged, so the history survives a restart."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QUndoCommand

from core import commands
from core.commands import Changed, Command
from core.model import SpanError
from core.store import CorpusError, Store


class EditCommand(QUndoCommand):
    def __init__(
        self,
        store: Store,
        command: Command,
        on_changed: Callable[[Changed], None],
        on_error: Callable[[str], None],
        applied: bool = True,
    ) -> None:
        super().__init__(command.label)
        self.store = store
        self.command = command
        self.on_changed = on_changed
        self.on_error = on_error
        self._skip_redo = applied  # QUndoStack.push calls redo(); it is already done
        self.silent = False  # while the stack is rebuilt from the log

    def redo(self) -> None:
        if self._skip_redo or self.silent:
            self._skip_redo = False
            return
        self._run(commands.reapply)

    def undo(self) -> None:
        if self.silent:
            return
        self._run(commands.revert)

    def _run(self, fn: Callable[[Store, Command], Changed]) -> None:
        try:
            changed = fn(self.store, self.command)
        except (CorpusError, SpanError) as exc:
            self.setObsolete(True)  # the stack drops a command that cannot be replayed
            self.on_error(str(exc))
            return
        self.on_changed(changed)
