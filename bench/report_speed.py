"""``main.py report`` on a 10,000-article corpus (goal: under 2 s), and the Report
window's memory and GUI thread at 1k, 10k and 100k articles.

    .venv/bin/python bench/report_speed.py [--articles 10000] [--reviewed 1000] [--db FILE]
        [--memory 1000 10000 100000] [--baseline REV] [--skip speed|memory ...]

Builds the corpus once (kept at ``--db`` if given and reused when it exists): the
bundled articles are suggested once, then written as JSONL with their quotes, each copy
with its own text, date and outlet, a third of them done and a third of those reviewed
by real commands (so the decisions log holds edits); imported without parsing. Prints
the build time, then the report's time in process (median of 3) and through
``main.py report`` (whole command, with Python's start), wall clock and CPU, each
beside its goal (on a shared, loaded machine the wall clock includes waiting for a core).

**Memory** (``memory``, issue 21 item 11): a copy of each corpus of bench/make_corpus.py
(``bench/.cache``, built on first use) with a third of its articles marked done, opened
by the Report window in a fresh process (offscreen), as ``Ctrl+R`` opens it: that
process's resident memory before the window and at its peak (goal: under 200 MB at
100k), the report's time, and the longest the GUI thread went without running a 1 ms
timer once the window is shown, and the most CPU the GUI thread itself used in one such
gap (goal: 16 ms; on a loaded machine a gap also holds the time waiting for a core). With
``--baseline REV`` (e.g. the commit before the report streamed), the same for that
revision's code in the same run, as the baseline.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from core.corpus.store import Store  # noqa: E402
from core.formats.ingest import import_paths  # noqa: E402
from core.formats.text import parse_text  # noqa: E402
from core.measure import report  # noqa: E402
from core.model import State, Status  # noqa: E402
from core.review import commands as cmd  # noqa: E402
from core.suggest import Suggester  # noqa: E402

GOAL_S = 2.0
GOAL_MB = 200
GOAL_HOLD_MS = 16
OUTLETS = [f"www.outlet{i}.com" for i in range(25)]


def base_articles() -> list[tuple[str, list[dict[str, object]]]]:
    files = sorted((ROOT / "tests" / "data" / "articles").glob("*.txt"))
    files.append(ROOT / "resources" / "sample_article.txt")
    arts = [parse_text(f.read_text(encoding="utf-8"), f.name) for f in files]
    found = Suggester().suggest_many(arts)
    return [(a.text, [q.to_record() for q in qs]) for a, qs in zip(arts, found, strict=True)]


def write_jsonl(folder: Path, n: int, per_file: int = 500) -> None:
    """``n`` articles as JSONL files of ``per_file`` lines (under the import size limit)."""
    base = base_articles()
    for first in range(0, n, per_file):
        _write(
            folder / f"part{first // per_file:03d}.jsonl",
            base,
            range(first, min(n, first + per_file)),
        )


def _write(path: Path, base: list[tuple[str, list[dict[str, object]]]], numbers: range) -> None:
    with path.open("w", encoding="utf-8") as f:
        for i in numbers:
            text, quotes = base[i % len(base)]
            done = i % 3 == 0
            status = Status.DONE if done else Status.TODO
            records = [dict(q, state=State.ACCEPTED.value if done else q["state"]) for q in quotes]
            meta = {
                "title": f"Story {i}",
                "date": f"{2020 + i % 6}-{1 + i % 12:02d}-{1 + i % 28:02d}",
                "url": f"https://{OUTLETS[i % len(OUTLETS)]}/story/{i}",
                "status": status.value,
            }
            task = {"text": f"{text}\n\nStory number {i}.", "meta": meta, "quotes": records}
            f.write(json.dumps(task, ensure_ascii=False) + "\n")


def review(store: Store, count: int) -> int:
    """Review ``count`` articles still to do with real commands: move a quote's edge,
    reject one, accept the rest, mark done. Returns the commands applied."""
    applied = 0
    todo = [s.id for s in store.article_summaries() if s.status is Status.TODO][:count]
    for article_id in todo:
        attrs = store.attributions(article_id)
        steps = []
        if len(attrs) > 1:
            steps.append(lambda a=attrs[0]: cmd.move_edge(store, a.id, "quote", "start", 1))
            steps.append(lambda a=attrs[1]: cmd.set_state(store, a.id, State.REJECTED))
        steps.append(lambda i=article_id: cmd.accept_all(store, i))
        steps.append(lambda i=article_id: cmd.set_status(store, i, Status.DONE))
        for step in steps:
            c = step()
            if c is not None:
                cmd.apply(store, c)
                applied += 1
    return applied


def build(db: Path, articles: int, reviewed: int) -> None:
    t0 = time.perf_counter()
    with tempfile.TemporaryDirectory() as tmp:
        write_jsonl(Path(tmp), articles)
        with Store(db) as store:
            rep = import_paths(store, [Path(tmp)], None)
            assert not rep.problems, rep.problems
            edits = review(store, reviewed)
    took = time.perf_counter() - t0
    print(f"built {db}: {len(rep.imported)} articles, {edits} commands, {took:.0f} s")


#: Run in a fresh process with a code tree first on sys.path: the Report window opened on
#: a corpus as the app opens it; prints its figures as JSON.
WINDOW = """
import json, resource, sys, time
from pathlib import Path
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from gui.report_window import ReportWindow
app = QApplication([])
before = int(Path("/proc/self/statm").read_text().split()[1]) * resource.getpagesize()
ticks, last, hold, busy = QTimer(), [0.0, 0.0], [0.0], [0.0]
def tick():  # the gap since the last tick: wall clock, and the GUI thread's own CPU in it
    now, cpu = time.perf_counter(), time.thread_time()
    hold[0], busy[0] = max(hold[0], now - last[0]), max(busy[0], cpu - last[1])
    last[:] = [now, cpu]
ticks.timeout.connect(tick)
t0, c0 = time.perf_counter(), time.thread_time()
w = ReportWindow(Path(sys.argv[1]))
w.show()
app.processEvents()  # the window's first paint: its own cost, not the report's
opened = time.thread_time() - c0
last[:] = [time.perf_counter(), time.thread_time()]
ticks.start(1)
took = []
# (quit a little later: the gap of the last step shown is measured too)
w.ready.connect(lambda r: (took.append(time.perf_counter() - t0), QTimer.singleShot(50, app.quit)))
w.failed.connect(lambda m: (print(m, file=sys.stderr), app.exit(1)))
app.exec()
print(json.dumps({"before": before / 2**20, "seconds": took[0], "hold_ms": hold[0] * 1000,
                  "busy_ms": busy[0] * 1000, "open_ms": opened * 1000,
                  "done": w.report.quality.articles,
                  "peak": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""


def _window(root: Path, db: Path) -> dict[str, float]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(root))
    out = subprocess.run(
        [sys.executable, "-c", WINDOW, str(db)], cwd=root, env=env, capture_output=True, text=True
    )
    if out.returncode:
        raise SystemExit(f"the Report window failed: {out.stderr[-2000:]}")
    return json.loads(out.stdout.splitlines()[-1])


def _tree_of(rev: str, into: Path) -> Path:
    """The code of ``rev`` of this repository, written out under ``into``."""
    into.mkdir()
    archive = subprocess.run(["git", "archive", rev], cwd=ROOT, capture_output=True, check=True)
    subprocess.run(["tar", "-x", "-C", str(into)], input=archive.stdout, check=True)
    return into


def memory(sizes: list[int], baseline: str | None, tmp: Path) -> None:
    import make_corpus  # (beside this file)

    old = _tree_of(baseline, tmp / "baseline") if baseline else None
    print(f"Report window at {', '.join(map(str, sizes))} articles, a third done; {_load()}")
    for size in sizes:
        db = tmp / f"report-{size}.qlab"
        shutil.copy(
            make_corpus.build(size, jsonl=False)[0], db
        )  # the cache is shared: never changed
        with Store(db) as store:
            store._conn.execute("UPDATE articles SET status = 'done' WHERE id % 3 = 0")
            store._conn.commit()
        runs = [("this code", ROOT)] + ([(f"baseline {baseline}", old)] if old else [])
        for label, root in runs:
            got = _window(root, db)
            print(
                f"  {size:>7} articles, {label:18} before {got['before']:4.0f} MB, "
                f"peak {got['peak']:5.0f} MB (goal < {GOAL_MB} MB at 100k), "
                f"{got['seconds']:5.1f} s, {got['done']:.0f} done scored; GUI thread: longest "
                f"gap {got['hold_ms']:.0f} ms, its own CPU in a gap at most "
                f"{got['busy_ms']:.0f} ms (goal <= {GOAL_HOLD_MS} ms; opening the window "
                f"{got['open_ms']:.0f} ms before)"
            )
        db.unlink()
    print(f"  {_load()} after")


def _load() -> str:
    one, five, fifteen = os.getloadavg()
    return f"load {one:.2f} {five:.2f} {fifteen:.2f} on {os.cpu_count()} cores"


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--articles", type=int, default=10_000)
    ap.add_argument("--reviewed", type=int, default=1_000)
    ap.add_argument("--db", type=Path, default=None)
    ap.add_argument("--memory", type=int, nargs="+", default=[1_000, 10_000, 100_000])
    ap.add_argument("--baseline", default=None, metavar="REV")
    ap.add_argument("--skip", nargs="*", default=[], choices=["speed", "memory"])
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        if "memory" not in args.skip:
            memory(args.memory, args.baseline, Path(tmp))
        if "speed" not in args.skip:
            speed(args, Path(tmp))


def speed(args: argparse.Namespace, tmp: Path) -> None:
    db = args.db or tmp / "big.qlab"
    if not db.exists():
        build(db, args.articles, args.reviewed)
    with Store(db) as store:
        times, cpu = [], []
        for _ in range(3):
            t0, c0 = time.perf_counter(), time.process_time()
            r = report.build(store)
            times.append(time.perf_counter() - t0)
            cpu.append(time.process_time() - c0)
    n = sum(r.articles_by_status.values())
    print(
        f"report.build on {n} articles ({r.quality.articles} done): "
        f"{statistics.median(times):.2f} s wall, {statistics.median(cpu):.2f} s CPU "
        f"(goal < {GOAL_S:.0f} s)"
    )
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    subprocess.run(
        [sys.executable, "main.py", "--db", str(db), "report"],
        cwd=ROOT,
        check=True,
        capture_output=True,
    )
    took = time.perf_counter() - t0
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    used = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
    print(
        f"main.py report, whole command: {took:.2f} s wall, {used:.2f} s CPU "
        f"(goal < {GOAL_S:.0f} s; wall = CPU on an idle machine)"
    )


if __name__ == "__main__":
    main()
