"""The core side of every review step at 1k, 10k and 100k articles, beside its goal.

    .venv/bin/python bench/corpus_bench.py [--sizes 1000 10000 100000]

Builds (or reuses) the corpora of bench/make_corpus.py, works on a copy of each, and
times what the window asks of core for each step, with a bare SQLite baseline doing
the least the step needs, in the same run. One-off steps are medians of three; keys
are the 95th percentile of many, with the file in the page cache. "first" reads the
corpus with the file evicted from the page cache (posix_fadvise DONTNEED). The export
has its own bench (bench/export_speed.py).

The "before" figures of issue 13 came from this file's first commit (030da8c), which
asked core what the window asked then (every summary on open, first A and D; id lists
scanned for Shift+J; titles filtered in Python).
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
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from make_corpus import build  # noqa: E402
from scratch import scratch  # noqa: E402

from core.corpus.store import Store  # noqa: E402
from core.model import State, Status  # noqa: E402
from core.review import commands  # noqa: E402
from core.review.article_list import ArticleRows  # noqa: E402

ARTICLES = 30  # articles visited per size for the per-key figures
SEARCH = ["Nakamura", "stadium", "harbor fire", "Okafor"]


def ms(fn: Callable[[], object]) -> float:
    t = time.perf_counter()
    fn()
    return (time.perf_counter() - t) * 1000


def median3(fn: Callable[[], object], setup: Callable[[], object] = lambda: None) -> float:
    runs = []
    for _ in range(3):
        setup()
        runs.append(ms(fn))
    return statistics.median(runs)


def p95(values: list[float]) -> float:
    return sorted(values)[max(0, int(len(values) * 0.95) - 1)]


def evict(path: Path) -> None:
    for p in (path, Path(f"{path}-wal")):
        if p.exists():
            fd = os.open(p, os.O_RDONLY)
            os.posix_fadvise(fd, 0, 0, os.POSIX_FADV_DONTNEED)
            os.close(fd)


def warm(path: Path) -> None:
    """Read the corpus once, as a window in use has it in the page cache."""
    with path.open("rb") as f:
        while f.read(1 << 24):
            pass


def line(step: str, ours: float, goal: str, bare: float | None, unit: str = "ms") -> None:
    b = "" if bare is None else f"bare {bare:9.1f} {unit}"
    print(f"  {step:34} {ours:9.1f} {unit}   goal {goal:>9}   {b}")


# -- what the window asks of core, per step ---------------------------------------------


WINDOW = 100  # list rows fetched for the screen


def open_and_list(path: Path) -> Store:
    store = Store(path)
    show_list(store)
    return store


def show_list(store: Store) -> None:
    store.status_counts()
    store.article_count()
    store.article_summaries(ids=store.article_ids(start=0, limit=WINDOW))


def open_article(store: Store, article_id: int) -> None:
    store.article(article_id)
    store.attributions(article_id)
    store.tokens(article_id)


def accept(store: Store, article_id: int, first: bool = False) -> None:
    """A, and the list row it changes (the first A of an article changes the counts)."""
    attr = next(a for a in store.attributions(article_id) if a.state is State.SUGGESTED)
    assert attr.id is not None
    cmd = commands.set_state(store, attr.id, State.ACCEPTED)
    assert cmd is not None
    commands.apply(store, cmd)
    store.article_summaries(article_id)
    if first:
        store.status_counts()


def done_next(store: Store, article_id: int) -> int | None:
    cmd = commands.set_status(store, article_id, Status.DONE)
    if cmd is not None:
        commands.apply(store, cmd)
    store.article_summaries(article_id)
    store.status_counts()
    return store.neighbour(article_id, +1, todo_only=True)


def next_article(store: Store, article_id: int) -> int | None:
    return store.neighbour(article_id, +1)


def search(store: Store, text: str) -> ArticleRows:
    """What the list asks on a key in the filter: its first page (ADR 0018)."""
    rows = ArticleRows(store, text)
    rows.line(0)
    return rows


def count_steps(rows: ArticleRows) -> list[float]:
    """The list counting the rest of the matches between events, a step at a time."""
    steps = []
    while rows.counting:
        steps.append(ms(rows.step))
    return steps


def stats(store: Store) -> dict[str, object]:
    return store.stats()


# -- bare baselines: the least SQLite work for each step --------------------------------


def bare_open(path: Path) -> None:
    c = sqlite3.connect(path)
    c.execute("SELECT id, title, status FROM articles ORDER BY id LIMIT 100").fetchall()
    c.close()


def bare_article(c: sqlite3.Connection, article_id: int) -> None:
    c.execute("SELECT * FROM articles WHERE id = ?", (article_id,)).fetchall()
    c.execute("SELECT * FROM attributions WHERE article_id = ?", (article_id,)).fetchall()


def bare_write(c: sqlite3.Connection, article_id: int) -> None:
    c.execute("BEGIN IMMEDIATE")
    c.execute("UPDATE articles SET status = status WHERE id = ?", (article_id,))
    c.execute(
        "INSERT INTO decisions (at, annotator, kind, article_id, label, changes) "
        "VALUES ('', '', 'edit', ?, 'bench', '[]')",
        (article_id,),
    )
    c.execute("COMMIT")


def bare_stats(c: sqlite3.Connection) -> None:
    c.execute("SELECT COUNT(*) FROM attributions").fetchone()


def working_copy(size: int, prefix: str) -> tuple[Path, Path]:
    """A copy of the cached corpus of ``size`` articles in a new temporary folder,
    upgraded to the current schema (a one-off, not part of any step): (folder, file)."""
    src, _ = build(size, jsonl=False)
    tmp = scratch(prefix)
    db = tmp / "corpus.qlab"
    shutil.copy(src, db)
    t_migrate = ms(lambda: Store(db).close())
    print(f"{size} articles ({db.stat().st_size / 1e6:.0f} MB; upgrading it: {t_migrate:.0f} ms)")
    return tmp, db


def run_size(size: int) -> None:
    tmp, db = working_copy(size, "qlbench-")
    evict(db)
    first_open = ms(lambda: open_and_list(db).close())
    warm_open = median3(lambda: open_and_list(db).close())
    line("open corpus + list, warm", warm_open, "300 ms", median3(lambda: bare_open(db)))
    line("open corpus + list, first", first_open, "-", None)
    warm_store = median3(lambda: Store(db).close())
    line("  of which Store() (quick_check...)", warm_store, "-", None)
    with Store(db) as s:
        line("  of which the list", median3(lambda: show_list(s)), "-", None)
        line(
            "  PRAGMA quick_check alone",
            ms(lambda: s._conn.execute("PRAGMA quick_check").fetchall()),
            "-",
            None,
        )

    warm(db)  # review keys are timed on a warm corpus
    store = Store(db)
    bare = sqlite3.connect(db, isolation_level=None)
    ids = store.article_ids()
    step = max(1, len(ids) // ARTICLES)
    visit = ids[::step][:ARTICLES]
    t_open, t_bare_open, t_first_a, t_later_a, t_bare_w, t_done, t_next = ([] for _ in range(7))
    for article_id in visit:
        store._tokens.clear()
        t_open.append(ms(lambda: open_article(store, article_id)))  # noqa: B023
        t_bare_open.append(ms(lambda: bare_article(bare, article_id)))  # noqa: B023
        t_first_a.append(ms(lambda: accept(store, article_id, first=True)))  # noqa: B023
        for _ in range(3):
            t_later_a.append(ms(lambda: accept(store, article_id)))  # noqa: B023
            t_bare_w.append(ms(lambda: bare_write(bare, article_id)))  # noqa: B023
        t_next.append(ms(lambda: next_article(store, article_id)))  # noqa: B023
        t_done.append(ms(lambda: done_next(store, article_id)))  # noqa: B023
    line("open an article (p95)", p95(t_open), "10 ms", p95(t_bare_open))
    line("first A in an article (p95)", p95(t_first_a), "8 ms", p95(t_bare_w))
    line("later A (p95)", p95(t_later_a), "8 ms", p95(t_bare_w))
    line("D: done + next to do (p95)", p95(t_done), "20 ms", p95(t_bare_w))
    line("Shift+J: next article id (p95)", p95(t_next), "8 ms", None)
    t_search = [ms(lambda: search(store, q)) for q in SEARCH for _ in range(3)]  # noqa: B023
    line("filter: first rows (p95)", p95(t_search), "50 ms", None)
    steps = [t for q in SEARCH for t in count_steps(search(store, q))]
    line("filter: a counting step (max)", max(steps, default=0.0), "50 ms", None)
    line("stats, warm", median3(lambda: stats(store)), "1000 ms", median3(lambda: bare_stats(bare)))
    store.close()

    def stats_first() -> None:
        with Store(db) as s:
            stats(s)

    line("stats, first (page cache evicted)", median3(stats_first, lambda: evict(db)), "-", None)

    bare.close()
    shutil.rmtree(tmp)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--sizes", type=int, nargs="+", default=[1000, 10_000, 100_000])
    a = ap.parse_args()
    for size in a.sizes:
        run_size(size)


if __name__ == "__main__":
    main()
