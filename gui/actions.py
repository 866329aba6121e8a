"""The window's actions: a QAction for each keymap entry, in its menu, calling the
handler the window gives it (``gui/main_window.py``: a session verb from
``gui/routes.py``, or one that first reads a widget: the list's filter, a dialog, the
mouse selection); each timed with the text's repaint."""

from __future__ import annotations

from collections.abc import Callable, Mapping

from PySide6.QtCore import QElapsedTimer, Qt, SignalInstance
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QAbstractScrollArea, QMainWindow, QMenu

from gui.keymap import KEYMAP, Act

MENUS = ("File", "Review", "Edit", "Select", "Adjudicate", "View")


def build_actions(
    w: QMainWindow,
    view: QAbstractScrollArea,
    handlers: Mapping[Act, Callable[[], object]],
    rendered: SignalInstance,
) -> tuple[dict[str, QMenu], dict[Act, QAction]]:
    """The menus and every action, added to the window (shortcuts work anywhere in it);
    each emits ``rendered`` with the milliseconds its handler and the repaint of
    ``view`` took."""
    menus = {name: w.menuBar().addMenu(f"&{name}") for name in MENUS}
    actions: dict[Act, QAction] = {}
    for b in KEYMAP:
        action = QAction(b.text, w)
        action.triggered.connect(_timed(view, handlers[b.id], rendered))
        action.setShortcuts([QKeySequence(k) for k in b.keys])
        action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        action.setToolTip(b.text)
        action.setObjectName(b.id.value)
        action.setCheckable(b.checkable)
        menus[b.menu].addAction(action)
        w.addAction(action)
        actions[b.id] = action
    return menus, actions


def drawn(view: QAbstractScrollArea, handler: Callable[[], object]) -> float:
    """Run a handler and draw at once what the user then sees (the whole text, and
    whatever else it changed in the window); the milliseconds both took."""
    timer = QElapsedTimer()
    timer.start()
    handler()
    view.viewport().repaint()  # paints every part of the window waiting to be drawn
    return timer.nsecsElapsed() / 1e6


def _timed(
    view: QAbstractScrollArea, handler: Callable[[], object], rendered: SignalInstance
) -> Callable[[], None]:
    return lambda: rendered.emit(drawn(view, handler))
