"""``main.py report`` on a 10,000-article corpus (goal: under 2 s).

    .venv/bin/python bench/report_speed.py [--articles 10000] [--reviewed 1000] [--db FILE]

Builds the corpus once (kept at ``--db`` if given and reused when it exists): the
bundled articles are suggested once, then written as JSONL with their quotes, each copy
with its own text, date and outlet, a third of them done and a third of those reviewed
by real commands (so the decisions log holds edits); imported without parsing. Prints
the build time, then the report's time in process (median of 3) and through
``main.py report`` (whole command, with Python's start), wall clock and CPU, each
beside its goal (on a shared, loaded machine the wall clock includes waiting for a core).
"""

from __future__ import annotations

import argparse
import json
import resource
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


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--articles", type=int, default=10_000)
    ap.add_argument("--reviewed", type=int, default=1_000)
    ap.add_argument("--db", type=Path, default=None)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        db = args.db or Path(tmp) / "big.qlab"
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
