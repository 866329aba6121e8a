"""The window's actions: a QAction for each keymap entry, in its menu, whose handler
is a session verb (``gui/routes.py``) or one that first reads a widget (the list's
filter, a dialog, the mouse selection); each timed with the text's repaint."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import QElapsedTimer, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu

from core.config import sample_article_path
from gui import dialogs
from gui.keymap import KEYMAP, Act
from gui.routes import EDITS, MOVES

if TYPE_CHECKING:
    from gui.main_window import MainWindow

MENUS = ("File", "Review", "Edit", "Select", "View")


def build_actions(w: MainWindow) -> tuple[dict[str, QMenu], dict[Act, QAction]]:
    """The menus and every action, added to the window (shortcuts work anywhere in it)."""
    menus = {name: w.menuBar().addMenu(f"&{name}") for name in MENUS}
    handlers = _handlers(w)
    actions: dict[Act, QAction] = {}
    for b in KEYMAP:
        action = QAction(b.text, w)
        action.triggered.connect(_timed(w, handlers[b.id]))
        action.setShortcuts([QKeySequence(k) for k in b.keys])
        action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        action.setToolTip(b.text)
        action.setObjectName(b.id.value)
        menus[b.menu].addAction(action)
        w.addAction(action)
        actions[b.id] = action
    return menus, actions


def _handlers(w: MainWindow) -> dict[Act, Callable[[], object]]:
    handlers: dict[Act, Callable[[], object]] = {
        act: partial(w.do_move, verb) for act, verb in MOVES.items()
    }
    handlers |= {act: partial(w.do_edit, verb) for act, verb in EDITS.items()}
    handlers |= w.tools.handlers()
    articles, view = w.articles, w.view
    return handlers | {
        Act.JUMP: w.ask_jump,
        Act.NEXT_ARTICLE: lambda: w.do_move(lambda s: s.next_article(+1, articles.search)),
        Act.PREV_ARTICLE: lambda: w.do_move(lambda s: s.next_article(-1, articles.search)),
        Act.DONE_NEXT: lambda: w.do_edit(lambda s: s.done(articles.search)),
        Act.EDIT_NAME: w.ask_name,
        Act.CURSOR_UP: lambda: w.do_move(lambda s: w.line_move(s, down=False)),
        Act.CURSOR_DOWN: lambda: w.do_move(lambda s: w.line_move(s, down=True)),
        Act.LABEL_QUOTE: lambda: w.label("quote"),
        Act.LABEL_SPEAKER: lambda: w.label("speaker"),
        Act.LABEL_CUE: lambda: w.label("cue"),
        Act.CLEAR_SELECTION: w.clear_selection,
        Act.NEW_CORPUS: lambda: w.open_asked(dialogs.ask_new_corpus(w), new=True),
        Act.OPEN_CORPUS: lambda: w.open_asked(dialogs.ask_corpus(w)),
        Act.IMPORT_FILES: lambda: w.import_paths(dialogs.ask_files(w)),
        Act.IMPORT_FOLDER: lambda: w.import_paths(dialogs.ask_folder(w)),
        Act.IMPORT_SAMPLE: lambda: w.import_paths([sample_article_path()]),
        Act.CANCEL_JOB: w.jobs.cancel,
        Act.QUIT: w.close,
        Act.FILTER: articles.focus_filter,
        Act.TEXT_BIGGER: lambda: view.zoom(+1),
        Act.TEXT_SMALLER: lambda: view.zoom(-1),
        Act.TEXT_RESET: lambda: view.zoom(None),
        Act.HELP: w.show_help,
    }


def drawn(w: MainWindow, handler: Callable[[], object]) -> float:
    """Run a handler and draw at once what the user then sees (the whole text, and
    whatever else it changed in the window); the milliseconds both took."""
    timer = QElapsedTimer()
    timer.start()
    handler()
    w.view.viewport().repaint()  # paints every part of the window waiting to be drawn
    return timer.nsecsElapsed() / 1e6


def _timed(w: MainWindow, handler: Callable[[], object]) -> Callable[[], None]:
    return lambda: w.rendered.emit(drawn(w, handler))
