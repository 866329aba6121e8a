"""The window's costs at 1k, 10k and 100k articles, each beside its goal (issue 13).

    .venv/bin/python bench/gui_corpus.py [--sizes 1000 10000 100000] [--articles 30]

Drives the real window (offscreen) on a copy of each corpus of bench/make_corpus.py
(cached in bench/.cache/), with the file in the page cache as in a window in use:

- open the corpus and show the list and the first article, split into ``Store()``
  (the file checks and upgrade of core/corpus/store.py, timed apart) and the rest (the list,
  its totals, the first article drawn); median of three;
- open an article, review keys (A, X, J, K, edge moves, type, Tab, undo), D (the
  article's suggestions all accepted first, so that it is done and the next opens) and
  Shift+J: the handler and the repaint of what the user then sees, as every key's
  action times itself (gui/actions.py ``drawn``: the whole text, and all else it
  changed in the window), then also with everything the window draws after it (the
  event loop run until idle); the 95th percentile over ``--articles`` articles
  spread over the corpus;
- the filter: typing searches (title words, text words, speaker names) a key at a
  time into the filter box, each key timed from the key event to the end of the
  list's next paint, and clearing it (the whole corpus again); 95th percentile over
  every key. Then the matches are counted between events: the longest of those
  steps (a stall of the window) and the time until the count is done.

Baselines from the same run: bare SQLite doing the least each step needs
(bench/corpus_bench.py's; for the filter, FTS5's first page of the same query's
matches and their lines on a bare connection), and the list's own core queries
without Qt; for the filter also what each key paid before docs/adr/0018: every match
counted up front, the last word an FTS5 prefix.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sqlite3
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ["QUOTELAB_HOME"] = tempfile.mkdtemp(prefix="quotelab-bench-")  # not the user's settings
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from corpus_bench import bare_article, bare_open, bare_write, line, p95, warm  # noqa: E402
from make_corpus import build  # noqa: E402
from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtGui import QPaintEvent  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QApplication, QTableView  # noqa: E402

from core.corpus.search import fts_query  # noqa: E402
from core.corpus.store import Store  # noqa: E402
from core.review.article_list import PAGE, ArticleRows, Totals  # noqa: E402
from gui import actions, main_window  # noqa: E402
from gui.keymap import Act  # noqa: E402
from gui.main_window import MainWindow  # noqa: E402

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


def ms(fn: Callable[[], object]) -> float:
    t = time.perf_counter()
    fn()
    return (time.perf_counter() - t) * 1000


class Timed:
    """Store() as the window calls it, timed apart."""

    def __init__(self) -> None:
        self.last = 0.0

    def __call__(self, *args: Any, **kwargs: Any) -> Store:
        t = time.perf_counter()
        store = Store(*args, **kwargs)
        self.last = (time.perf_counter() - t) * 1000
        return store


def open_corpus(app: QApplication, db: Path, timed: Timed) -> tuple[float, float]:
    """(Store() ms, the rest ms) of opening ``db`` in a new window, drawn."""
    w = MainWindow()
    w.resize(1280, 800)
    w.show()
    app.processEvents()
    t = time.perf_counter()
    assert w.open_corpus(db)
    w.repaint()  # the list, the text and the table, drawn
    total = (time.perf_counter() - t) * 1000
    w.close()
    return timed.last, total - timed.last


def run_size(app: QApplication, size: int, articles: int) -> None:
    src, _ = build(size, jsonl=False)
    tmp = Path(tempfile.mkdtemp(prefix="qlgui-"))
    db = tmp / "corpus.qlab"
    shutil.copy(src, db)
    Store(db).close()  # a one-off upgrade (if the schema moved on), not part of opening
    warm(db)
    print(f"{size} articles")
    timed = Timed()
    main_window.Store = timed  # type: ignore[attr-defined,assignment]
    opens = [open_corpus(app, db, timed) for _ in range(3)]
    main_window.Store = Store  # type: ignore[attr-defined]
    rest = statistics.median(o[1] for o in opens)

    def core_list() -> None:
        with Store(db) as s:
            t = time.perf_counter()
            counts = Totals(s)
            rows = ArticleRows(s)
            rows.line(0)
            core.append((time.perf_counter() - t) * 1000)
            steps = []
            while counts.counting:
                steps.append(ms(counts.step))
            slices.append(max(steps))
            counting.append(sum(steps))

    core: list[float] = []
    slices: list[float] = []
    counting: list[float] = []
    for _ in range(3):
        core_list()
    line("open corpus + list + article", rest, "300 ms", statistics.median(bare_runs(db)))
    line("  the list's core queries alone", statistics.median(core), "-", None)
    line("  then: suggestions left, all slices", statistics.median(counting), "-", None)
    line("  ... the longest slice (a stall)", max(slices), "50 ms", None)
    line("  Store() (other work: checks)", statistics.median(o[0] for o in opens), "-", None)

    w = MainWindow()
    w.resize(1280, 800)
    w.show()
    assert w.open_corpus(db) and w.store is not None
    app.processEvents()
    bare = sqlite3.connect(db, isolation_level=None)
    ids = w.store.article_ids()
    visit = ids[:: max(1, len(ids) // articles)][:articles]
    Pair = tuple[float, float]
    t_open: list[Pair] = []
    t_keys: list[Pair] = []
    t_done: list[Pair] = []
    t_next: list[Pair] = []
    t_bare_open: list[float] = []
    t_bare_w: list[float] = []

    rendered: list[float] = []
    w.rendered.connect(rendered.append)

    def drawn(fn: Callable[[], float]) -> Pair:
        """(the handler and the repaint of what it changed, as a key's action times
        them; that and everything the window then draws: the event loop run until idle)"""
        t0 = time.perf_counter()
        handled = fn()
        app.processEvents()
        return handled, (time.perf_counter() - t0) * 1000

    def triggered(act: Act) -> float:
        w.actions_by_id[act].trigger()
        return rendered[-1]

    def key(act: Act) -> Pair:
        return drawn(partial(triggered, act))

    for article_id in visit:
        t_open.append(drawn(partial(actions.drawn, w.view, partial(w.open_article, article_id))))
        t_bare_open.append(ms(partial(bare_article, bare, article_id)))
        t_keys += [key(act) for act in KEYS]
        t_bare_w.append(ms(partial(bare_write, bare, article_id)))
        t_next.append(key(Act.NEXT_ARTICLE))
        w.open_article(article_id)
        w.actions_by_id[Act.ACCEPT_ALL].trigger()  # else D only says what is left to decide
        app.processEvents()
        t_done.append(key(Act.DONE_NEXT))
    for label, values, goal, base in (
        ("open an article far off (p95)", t_open, "10 ms", p95(t_bare_open)),
        ("review keys (p95)", t_keys, "8 ms", p95(t_bare_w)),
        ("D: done + next to do (p95)", t_done, "20 ms", p95(t_bare_w)),
        ("Shift+J: open the next (p95)", t_next, "10 ms", p95(t_bare_open)),
    ):
        line(label, p95([v[0] for v in values]), goal, base)
        line("  ... and drawn (p95)", p95([v[1] for v in values]), "-", None)

    filter_keys(app, w, bare)
    w.close()
    bare.close()
    shutil.rmtree(tmp)


def filter_keys(app: QApplication, w: MainWindow, bare: sqlite3.Connection) -> None:
    """Type each search a key at a time, then clear it; every key timed to the end of
    the list's next paint (the counting left between events runs after it)."""
    table = w.articles.table
    painted: list[float] = []

    def paint(event: QPaintEvent) -> None:  # the view's own paint, then the time
        QTableView.paintEvent(table, event)
        painted.append(time.perf_counter())

    table.paintEvent = paint  # type: ignore[method-assign]
    box = w.articles.filter

    def key(k: str | Qt.Key) -> float:
        painted.clear()
        t = time.perf_counter()
        if isinstance(k, str):
            QTest.keyClicks(box, k)
        else:
            QTest.keyClick(box, k)
        while not painted:
            app.processEvents()
        return (painted[0] - t) * 1000

    def counted() -> tuple[float, float]:
        """(the longest counting step, the time until the count is done): the steps
        the window's timer takes (its rows grown, the open article's row selected)"""
        longest, t = 0.0, time.perf_counter()
        rows = w.articles.model.rows
        while rows is not None and rows.counting:
            longest = max(longest, ms(w.articles._count))
        return longest, (time.perf_counter() - t) * 1000

    box.setFocus()
    t_keys: list[float] = []
    t_bare: list[float] = []
    t_before: list[float] = []
    t_core: list[float] = []
    t_step: list[float] = []
    t_count: list[float] = []
    store = w.store
    assert store is not None
    own = Store(store.path)  # its own look-ups of terms, as the window's
    for q in SEARCH:
        for n in range(1, len(q) + 1):
            t_keys.append(key(q[n - 1]))
            match, prefix = store.fts_match(q[:n]), fts_query(q[:n])
            if match is not None and prefix is not None:
                t_bare.append(ms(partial(bare_first_page, bare, match)))
                t_before.append(ms(partial(bare_count, bare, prefix)))
                t_core.append(ms(lambda: ArticleRows(own, q[:n]).line(0)))  # noqa: B023
            step, count = counted()
            t_step.append(step)
            t_count.append(count)
        box.selectAll()
        t_keys.append(key(Qt.Key.Key_Backspace))  # the whole corpus again
    own.close()
    table.paintEvent = QTableView.paintEvent.__get__(table)  # type: ignore[method-assign]
    line("filter, key to rows painted (p95)", p95(t_keys), "50 ms", p95(t_bare))
    line("  the list's core queries alone (p95)", p95(t_core), "-", None)
    line("  before: all counted first (p95)", p95(t_before), "-", None)
    line("  then counted between events (p95)", p95(t_count), "-", None)
    line("  ... the longest step (a stall)", max(t_step), "50 ms", None)
    print(f"  (filter: {len(t_keys)} keys; bare: FTS5's first {PAGE} matches and their lines)")


def bare_count(c: sqlite3.Connection, match: str) -> None:
    sql = "SELECT COUNT(*) FROM article_search WHERE article_search MATCH ?"
    c.execute(sql, (match,)).fetchone()


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


def bare_runs(db: Path) -> list[float]:
    return [ms(lambda: bare_open(db)) for _ in range(3)]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--sizes", type=int, nargs="+", default=[1000, 10_000, 100_000])
    ap.add_argument("--articles", type=int, default=30)
    a = ap.parse_args()
    app = QApplication.instance() or QApplication([])
    assert isinstance(app, QApplication)
    for size in a.sizes:
        run_size(app, size, a.articles)


if __name__ == "__main__":
    main()
