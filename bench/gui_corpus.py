"""What the user waits for in the window at 1k, 10k and 100k articles, beside each goal
(issues 13 and 21).

    .venv/bin/python bench/gui_corpus.py [--sizes 1000 10000 100000] [--articles 30]

Drives the real window (offscreen) on a copy of each corpus of bench/make_corpus.py
(cached in bench/.cache/), with the file in the page cache as in a window in use, by
real input events through the application's event loop: a key press sent to the widget
that has the keyboard (``QTest.keyClick``: the shortcut map, the action, its handler),
a click on a row of the article list. Each is timed as the user waits for it
(``gui/timing.py``): from just before the event is sent until the event loop is idle
after the last paint of every widget it changed. An application event filter sees every
event of work (paints, posted updates, layouts, queued calls, zero-delay timers such as
the list's counting, the settings file's writes); each restarts a zero-delay timer that
fires once the loop's turn, its paints included, is over; the loop is idle when 40 ms
pass with nothing but timers set for later (a status message's timeout, a debounce).
"first paint" is the end of the first turn that painted.

- open the corpus: ``MainWindow.open_corpus`` (``Store()`` and its checks included) to
  the first paint and to idle (the totals counted between events); median of three;
- open an article far off: a click on its row in the list (scrolled to it first);
- review keys (A, X, J, K, edge moves, type, Tab, undo), D (the article's suggestions
  all accepted first, with Shift+A, so that it is done and the next to do opens) and
  Shift+J: key press to settled paint; the 95th percentile over ``--articles`` articles
  spread over the corpus;
- the filter: searches typed a key at a time into the filter box (title words, text
  words, speaker names), each key to its first paint (the list's first rows) and to
  idle (every match counted, between events), then cleared (the whole corpus again).

Beside the clicks and keys, "cpu": the GUI thread's CPU time over the same span (95th
percentile), the work itself: on a busy machine other processes delay it, which the
felt time shows, but do not add to it.

Baselines of the same run, on the same machine and load (printed beside each size):
what the benches quoted before issue 21, "handler" (a key's handler and one forced
repaint, as every action times itself: ``gui/actions.py`` ``drawn``; opening the corpus
without ``Store()``, with a forced repaint), the same steps at the smaller sizes, and
bare SQLite doing the least each step needs (``bench/corpus_bench.py``'s; for the
filter, FTS5's first page of the same query's matches and their lines).
"""

from __future__ import annotations

import argparse
import os
import shutil
import sqlite3
import statistics
import sys
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from scratch import scratch  # noqa: E402

os.environ["QUOTELAB_HOME"] = str(scratch())  # not the user's settings

from corpus_bench import bare_article, bare_open, bare_write, p95, warm  # noqa: E402
from make_corpus import build  # noqa: E402
from PySide6.QtCore import QAbstractEventDispatcher, Qt  # noqa: E402
from PySide6.QtGui import QKeySequence  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QApplication, QWidget  # noqa: E402

from core.corpus.search import fts_query  # noqa: E402
from core.corpus.store import Store  # noqa: E402
from core.review.article_list import PAGE  # noqa: E402
from gui import actions, main_window  # noqa: E402
from gui.keymap import KEYMAP, Act  # noqa: E402
from gui.main_window import MainWindow  # noqa: E402
from gui.timing import Settle  # noqa: E402

KEYS = [
    Act.NEXT_ITEM,
    Act.PREV_ITEM,
    Act.ACCEPT,
    Act.TARGET_NEXT,
    Act.END_LEFT,
    Act.END_RIGHT,
    Act.TARGET_PREV,
    Act.TYPE_MIXED,
    Act.TYPE_DIRECT,
    Act.REJECT,
    Act.UNDO,
    Act.NEXT_ITEM,
]
SEARCH = ["Nakamura", "stadium plan", "Okafor", "budget council"]
FRAME = "16 ms"  # one frame at 60 Hz
Felt = tuple[float, float]  # (ms to the first paint, ms to idle)


def ms(fn: Callable[[], object]) -> float:
    t = time.perf_counter()
    fn()
    return (time.perf_counter() - t) * 1000


def load() -> str:
    return "load average {:.2f} {:.2f} {:.2f}".format(*os.getloadavg())


def row(
    step: str,
    felt: float,
    goal: str,
    before: float | None = None,
    bare: float | None = None,
    cpu: float | None = None,
) -> None:
    was = "" if before is None else f"   before issue 21 {before:7.1f} ms"
    b = "" if bare is None else f"   bare {bare:6.1f} ms"
    c = "" if cpu is None else f"   cpu {cpu:6.1f} ms"
    print(f"  {step:38} {felt:7.1f} ms   goal {goal:>6}{c}{was}{b}")


class Keys:
    """Real key presses at the window, each timed to its settled paint, with the time its
    handler and forced repaint took (what the benches quoted before issue 21)."""

    def __init__(self, app: QApplication, w: MainWindow) -> None:
        self.w = w
        self.settle = Settle(app)
        self.handled: list[float] = []
        w.rendered.connect(self.handled.append)
        self.keys = {b.id: QKeySequence(b.keys[0]) for b in KEYMAP}

    def press(self, act: Act, widget: QWidget | None = None) -> tuple[float, float, float]:
        """(ms to the settled paint, ms the handler and its forced repaint took, ms of
        CPU the GUI thread spent until the settled paint)."""
        t0 = self.settle.begin()
        QTest.keySequence(widget or QApplication.focusWidget() or self.w.view, self.keys[act])
        return self.settle.felt(t0)[1], self.handled[-1], self.settle.cpu

    def click_row(self, article_id: int) -> tuple[float, float]:
        """Click the article's row in the list (scrolled to first): (ms to settled paint,
        ms of CPU the GUI thread spent until then)."""
        table = self.w.articles.table
        rows = self.w.articles.model.rows
        assert rows is not None
        at = rows.row_of(article_id)
        assert at is not None
        index = self.w.articles.model.index(at, 0)
        table.scrollTo(index)
        self.settle.settled()
        t0 = self.settle.begin()
        QTest.mouseClick(
            table.viewport(), Qt.MouseButton.LeftButton, pos=table.visualRect(index).center()
        )
        felt, cpu = self.settle.felt(t0)[1], self.settle.cpu
        assert self.w.session is not None and self.w.session.article is not None
        assert self.w.session.article.id == article_id
        self._click_over(table)
        return felt, cpu

    def _click_over(self, table: QWidget) -> None:
        """Let the click's own deferred work run before any key is timed: a press on an
        item view starts its delayed auto-scroll (Qt: a double-click interval and 100 ms
        later, 0.5 s), whose repaint of the list would otherwise land in a key pressed
        then (it did in one `X` or undo in three, 20-35 ms after their paint). A reader
        is still reading the article by then; the key did not cause it."""
        dispatcher = QAbstractEventDispatcher.instance()
        while dispatcher.registeredTimers(table):
            self.settle.settled()

    def close(self) -> None:
        self.settle.close()


class Timed:
    """Store() as the window calls it, timed apart (what the old figure left out)."""

    def __init__(self) -> None:
        self.last = 0.0

    def __call__(self, *args: Any, **kwargs: Any) -> Store:
        t = time.perf_counter()
        store = Store(*args, **kwargs)
        self.last = (time.perf_counter() - t) * 1000
        return store


def open_felt(app: QApplication, db: Path) -> Felt:
    """Open ``db`` in a new window: ms to the first paint and to idle."""
    w = MainWindow()
    w.show()
    settle = Settle(app)
    settle.settled()
    t0 = settle.begin()
    assert w.open_corpus(db)
    felt = settle.felt(t0)
    settle.close()
    w.close()
    return felt


def open_before(app: QApplication, db: Path) -> float:
    """Opening as the bench timed it before issue 21: a forced repaint, Store() left out."""
    timed = Timed()
    main_window.Store = timed  # type: ignore[attr-defined,assignment]
    w = MainWindow()
    w.show()
    app.processEvents()
    t = time.perf_counter()
    assert w.open_corpus(db)
    w.repaint()
    total = (time.perf_counter() - t) * 1000
    main_window.Store = Store  # type: ignore[attr-defined]
    w.close()
    app.processEvents()
    return total - timed.last


def run_size(app: QApplication, size: int, articles: int) -> None:
    src, _ = build(size, jsonl=False)
    tmp = scratch("qlgui-")
    db = tmp / "corpus.qlab"
    shutil.copy(src, db)
    Store(db).close()  # a one-off upgrade (if the schema moved on), not part of opening
    warm(db)
    print(f"{size} articles ({load()})")
    opens = [open_felt(app, db) for _ in range(3)]
    before = statistics.median(open_before(app, db) for _ in range(3))
    bare = statistics.median(ms(partial(bare_open, db)) for _ in range(3))
    row("open the corpus: first paint", statistics.median(o[0] for o in opens), "300 ms", before)
    row("  ... and idle (all counted)", statistics.median(o[1] for o in opens), "-", None, bare)

    w = MainWindow()
    w.show()
    assert w.open_corpus(db) and w.store is not None
    keys = Keys(app, w)
    keys.settle.settled()
    w.view.setFocus()
    bare_c = sqlite3.connect(db, isolation_level=None)
    ids = w.store.article_ids()
    visit = ids[:: max(1, len(ids) // articles)][:articles]
    t_open: list[tuple[float, float]] = []
    t_open_before: list[float] = []
    t_keys: list[tuple[float, float, float]] = []
    t_done: list[tuple[float, float, float]] = []
    t_next: list[tuple[float, float, float]] = []
    t_bare_open: list[float] = []
    t_bare_w: list[float] = []
    for article_id in visit:
        t_open.append(keys.click_row(article_id))
        w.view.setFocus()
        t_bare_open.append(ms(partial(bare_article, bare_c, article_id)))
        t_keys += [keys.press(act, w.view) for act in KEYS]
        t_bare_w.append(ms(partial(bare_write, bare_c, article_id)))
        t_next.append(keys.press(Act.NEXT_ARTICLE, w.view))
        t_open_before.append(actions.drawn(w.view, partial(w.open_article, article_id)))
        keys.press(Act.ACCEPT_ALL, w.view)  # else D only says what is left to decide
        t_done.append(keys.press(Act.DONE_NEXT, w.view))
    row(
        "open an article far off (p95)",
        p95([v[0] for v in t_open]),
        FRAME,
        p95(t_open_before),
        p95(t_bare_open),
        p95([v[1] for v in t_open]),
    )
    for label, values, bare_ms in (
        ("review keys (p95)", t_keys, p95(t_bare_w)),
        ("D: done + next to do (p95)", t_done, p95(t_bare_w)),
        ("Shift+J: open the next (p95)", t_next, p95(t_bare_open)),
    ):
        felt, handled, cpu = ([v[i] for v in values] for i in range(3))
        row(label, p95(felt), FRAME, p95(handled), bare_ms, p95(cpu))
    filter_keys(keys, bare_c)
    keys.close()
    w.close()
    bare_c.close()
    shutil.rmtree(tmp)


def filter_keys(keys: Keys, bare: sqlite3.Connection) -> None:
    """Type each search a key at a time into the filter box, then clear it: each key to
    its first paint (the list's first rows) and to idle (its matches all counted)."""
    w, settle = keys.w, keys.settle
    box = w.articles.filter
    store = w.store
    assert store is not None

    def key(k: str | Qt.Key) -> Felt:
        t0 = settle.begin()
        if isinstance(k, str):
            QTest.keyClicks(box, k)
        else:
            QTest.keyClick(box, k)
        return settle.felt(t0)

    box.setFocus()
    settle.settled()
    t_keys: list[Felt] = []
    t_bare: list[float] = []
    for q in SEARCH:
        for n in range(1, len(q) + 1):
            t_keys.append(key(q[n - 1]))
            match = store.fts_match(q[:n])
            if match is not None and fts_query(q[:n]) is not None:
                t_bare.append(ms(partial(bare_first_page, bare, match)))
        box.selectAll()
        t_keys.append(key(Qt.Key.Key_Backspace))  # the whole corpus again
    first = p95([k[0] for k in t_keys])
    row("filter, key to its first rows (p95)", first, "50 ms", None, p95(t_bare))
    row("  ... to idle, all counted (p95)", p95([k[1] for k in t_keys]), "-")
    print(f"  (filter: {len(t_keys)} keys; bare: FTS5's first {PAGE} matches and their lines)")
    w.view.setFocus()


def bare_first_page(c: sqlite3.Connection, match: str) -> None:
    ids = [
        r[0]
        for r in c.execute(
            "SELECT rowid FROM article_search WHERE article_search MATCH ? ORDER BY rowid LIMIT ?",
            (match, PAGE),
        )
    ]
    c.execute(
        f"SELECT id, title, date, status FROM articles INDEXED BY articles_list "
        f"WHERE id IN ({', '.join('?' * len(ids))})",
        ids,
    ).fetchall()


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--sizes", type=int, nargs="+", default=[1000, 10_000, 100_000])
    ap.add_argument("--articles", type=int, default=30)
    a = ap.parse_args()
    app = QApplication.instance() or QApplication([])
    assert isinstance(app, QApplication)
    QApplication.setCursorFlashTime(0)  # no caret blinking in the filter box meanwhile
    for size in a.sizes:
        run_size(app, size, a.articles)


if __name__ == "__main__":
    main()
