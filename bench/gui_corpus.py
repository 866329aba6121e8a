"""The window's costs at 1k, 10k and 100k articles, each beside its goal (issue 13).

    .venv/bin/python bench/gui_corpus.py [--sizes 1000 10000 100000] [--articles 30]

Drives the real window (offscreen) on a copy of each corpus of bench/make_corpus.py
(cached in bench/.cache/), with the file in the page cache as in a window in use:

- open the corpus and show the list and the first article, split into ``Store()``
  (the file checks and upgrade of core/store.py, timed apart) and the rest (the list,
  its totals, the first article drawn); median of three;
- open an article, review keys (A, X, J, K, edge moves, type, Tab, undo), D and
  Shift+J: the handler and everything the window then draws (the event loop run
  until idle), the 95th percentile over ``--articles`` articles spread over the corpus;
- the filter: typing a search (title words, text words, a speaker name) until the
  list shows its first rows, 95th percentile.

Baselines from the same run: bare SQLite doing the least each step needs
(bench/corpus_bench.py's), and the list's own core queries without Qt.
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
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from corpus_bench import bare_article, bare_open, bare_write, line, p95, warm  # noqa: E402
from make_corpus import build  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from core.article_list import ArticleRows, Totals  # noqa: E402
from core.store import Store  # noqa: E402
from gui import main_window  # noqa: E402
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
    store = w.store
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

    def drawn(fn: Callable[[], object]) -> Pair:
        """(the handler, the handler and everything the window then draws: the event
        loop run until idle, so the text, the table, the list's rows, the status bar)"""
        t0 = time.perf_counter()
        fn()
        t1 = time.perf_counter()
        app.processEvents()
        return (t1 - t0) * 1000, (time.perf_counter() - t0) * 1000

    def key(act: Act) -> Pair:
        return drawn(w.actions_by_id[act].trigger)

    for article_id in visit:
        t_open.append(drawn(partial(w.open_article, article_id)))
        t_bare_open.append(ms(partial(bare_article, bare, article_id)))
        t_keys += [key(act) for act in KEYS]
        t_bare_w.append(ms(partial(bare_write, bare, article_id)))
        t_next.append(key(Act.NEXT_ARTICLE))
        w.open_article(article_id)
        app.processEvents()
        t_done.append(key(Act.DONE_NEXT))
    for label, values, goal, base in (
        ("open an article far off (p95)", t_open, "10 ms", p95(t_bare_open)),
        ("review keys (p95)", t_keys, "8 ms", p95(t_bare_w)),
        ("D: done + next to do (p95)", t_done, "20 ms", p95(t_bare_w)),
        ("Shift+J (p95)", t_next, "8 ms", p95(t_bare_open)),
    ):
        line(label, p95([v[0] for v in values]), goal, base)
        line("  ... and drawn (p95)", p95([v[1] for v in values]), "-", None)

    t_filter: list[float] = []
    t_core_filter: list[float] = []
    for q in SEARCH:
        for _ in range(3):
            w.articles.filter.clear()
            app.processEvents()
            t_filter.append(drawn(partial(w.articles.filter.setText, q))[1])
            t_core_filter.append(ms(lambda: ArticleRows(store, q).line(0)))  # noqa: B023
    w.articles.filter.clear()
    line("filter, typed to rows shown (p95)", p95(t_filter), "50 ms", p95(t_core_filter))
    print(f"  (filter baseline: the core query alone; shown: {w.articles.model.rowCount()} rows)")
    w.close()
    bare.close()
    shutil.rmtree(tmp)


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
