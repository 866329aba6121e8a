"""What a user waits for: from an input (a key, a click, the launch) to the last paint of
every widget it changed, with the event loop idle after it (issue 21; the benches and
``QUOTELAB_TIMING``, docs/adr/0030-felt-time-and-views-from-deltas.md).

A :class:`Settle` watches every event the application delivers (an application event
filter). Every event of work (a paint, a posted update, a layout, a queued call, a
zero-delay timer such as the list's counting) restarts a zero-delay timer; that timer
fires once the event loop has finished its turn, the paints of that turn included, and
notes the time. :meth:`Settle.settled` runs the event loop until ``grace`` milliseconds
pass with no work, and returns the last time noted: the end of the last paint or work.
What is not work now: the timers set for later (a status message's timeout, a
debounce), which are left out unless they fire within the grace.
"""

from __future__ import annotations

import time
from collections import Counter

from PySide6.QtCore import QCoreApplication, QEvent, QEventLoop, QObject, QTimer, Signal

GRACE_MS = 40  # no work for this long: the loop is idle


class Settle(QObject):
    """Signals:
    painted(): a turn of the event loop that painted something ended.
    idle(): ``grace`` milliseconds passed with no work.
    """

    painted = Signal()
    idle = Signal()

    def __init__(self, app: QCoreApplication, grace: int = GRACE_MS) -> None:
        super().__init__()
        self.last = time.perf_counter()  # when the last work ended
        self.first_paint: float | None = None  # when the first turn that painted ended
        self.paints: Counter[str] = Counter()  # widgets painted, by class (and name)
        self.cpu = 0.0  # ms of this thread's CPU from begin() to the loop settled
        self._cpu0 = time.thread_time()
        self.turn: set[QObject] = set()  # the widgets painted in the turn just ended
        self._painting = False
        self._tick = QTimer(self, singleShot=True, interval=0)
        self._tick.timeout.connect(self._ended)
        self._quiet = QTimer(self, singleShot=True, interval=grace)
        self._quiet.timeout.connect(self.idle)
        self._loop = QEventLoop(self)
        self.idle.connect(self._loop.quit)
        app.installEventFilter(self)

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind == QEvent.Type.Timer and (
            obj is self._tick
            or obj is self._quiet
            or (isinstance(obj, QTimer) and obj.interval() > 0)  # (for later)
        ):
            return False
        if kind == QEvent.Type.Paint:
            if not self._painting:
                self.turn = set()
            self._painting = True
            self.turn.add(obj)
            self.paints[f"{type(obj).__name__} {obj.objectName()}".strip()] += 1
        if not self._tick.isActive():
            self._tick.start()
        self._quiet.start()
        return False

    def _ended(self) -> None:
        self.last = time.perf_counter()
        if self._painting:
            self._painting = False
            if self.first_paint is None:
                self.first_paint = self.last
            self.painted.emit()

    def begin(self) -> float:
        """Before an input is sent: forget the paints seen; the time now."""
        self.first_paint = None
        self.paints.clear()
        self._cpu0 = time.thread_time()
        return time.perf_counter()

    def watch(self) -> None:
        """Start watching for the loop to go idle (``idle`` is emitted then)."""
        self._quiet.start()

    def settled(self) -> float:
        """Run the event loop until it is idle; the time (``time.perf_counter``) the last
        work ended (now, if there was none)."""
        self.last = time.perf_counter()
        self._tick.start()
        self._quiet.start()
        self._loop.exec()
        return self.last

    def felt(self, t0: float) -> tuple[float, float]:
        """Milliseconds from ``t0`` (:meth:`begin`, before an input was sent) until the
        end of its first paint, and until the window settled after it. :attr:`cpu` is
        then the CPU time the GUI thread spent meanwhile: the work, which other
        processes on a busy machine delay but do not add to (waiting is not counted)."""
        settled = self.settled()
        self.cpu = (time.thread_time() - self._cpu0) * 1000
        painted = self.first_paint if self.first_paint is not None else settled
        return (painted - t0) * 1000, (settled - t0) * 1000

    def close(self) -> None:
        app = QCoreApplication.instance()
        if app is not None:
            app.removeEventFilter(self)
