"""``main.py import`` on every core, and its memory, each figure beside its goal.

    .venv/bin/python bench/import_speed.py [--articles 1000] [--rounds 1]
        [--memory 100000] [--parse-memory 1000 5000] [--skip SECTION ...]

**Speed** (``speed``): plain articles, each parsed (the real articles of tests/data and
the sample, made distinct by an edition line; JSONL files of 1,000), imported by
``main.py import --jobs 1`` and ``--jobs 2`` into fresh corpora, interleaved; the
ratio of the medians (worker start-up, pipeline loading and storing included) against
the goal 1.4x.

**Memory**: the peak resident memory of the whole import, the ``main.py`` process and
its workers summed (sampled from /proc every 50 ms, so Linux only), against the goal
600 MB: importing ``--memory`` articles with suggestions (``jsonl``: the articles of
bench/make_corpus.py in JSONL shards of 2,500, under the 25 MB file limit; no parse),
and importing ``--parse-memory`` plain articles with ``--jobs 2`` (``parse``: the peak
should not grow with the count).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from make_corpus import articles, record  # noqa: E402
from suggest_speed import corpus  # noqa: E402

PAGE = os.sysconf("SC_PAGE_SIZE")
TICK = os.sysconf("SC_CLK_TCK")
SHARD = 2_500  # articles per JSONL file: about 20 MB, under the 25 MB import limit
#: Plain articles per JSONL file (about 1.5 MB): an import reads a file whole, so its
#: memory grows with the largest file (25 MB at most), not with the count.
PLAIN_FILE = 1_000
GOAL_RATIO = 1.4
GOAL_MB = 600


def _tree(pid: int) -> dict[int, tuple[int, float]]:
    """(resident bytes, CPU seconds so far) of ``pid`` and each of its descendants
    (children as each of its threads started them)."""
    todo: list[int] = [pid]
    out: dict[int, tuple[int, float]] = {}
    while todo:
        p = todo.pop()
        try:
            rss = int(Path(f"/proc/{p}/statm").read_text().split()[1]) * PAGE
            fields = Path(f"/proc/{p}/stat").read_text().rsplit(")", 1)[1].split()
            out[p] = rss, (int(fields[11]) + int(fields[12])) / TICK  # utime + stime
            for task in Path(f"/proc/{p}/task").iterdir():
                todo += map(int, (task / "children").read_text().split())
        except OSError:  # it ended meanwhile
            pass
    return out


@dataclass
class Run:
    seconds: float
    peak_mb: float  # the process tree's resident memory, summed, at its peak
    cpu_main: float  # CPU seconds of main.py's own process
    cpu_workers: float  # and of its worker processes (as last sampled)


def run_import(db: Path, paths: list[Path], jobs: int) -> Run:
    """``main.py import`` into a new corpus, timed and sampled."""
    cmd = [sys.executable, str(ROOT / "main.py"), "--db", str(db), "--create", "import"]
    cmd += ["--jobs", str(jobs), "--json", *map(str, paths)]
    env = dict(os.environ, QUOTELAB_HOME=str(db.parent))
    peak = 0
    cpu: dict[int, float] = {}
    t = time.perf_counter()
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)

    def sample() -> None:
        nonlocal peak
        while proc.poll() is None:
            tree = _tree(proc.pid)
            peak = max(peak, sum(rss for rss, _ in tree.values()))
            cpu.update((p, seconds) for p, (_, seconds) in tree.items())
            time.sleep(0.05)

    sampler = threading.Thread(target=sample)
    sampler.start()
    out, err = proc.communicate()
    seconds = time.perf_counter() - t
    sampler.join()
    report = json.loads(out)
    if proc.returncode or not report["complete"]:
        raise SystemExit(f"import failed: {err.decode()[-2000:]}")
    main_cpu = cpu.pop(proc.pid, 0.0)
    return Run(seconds, peak / 2**20, main_cpu, sum(cpu.values()))


def plain(count: int, folder: Path) -> tuple[list[Path], int]:
    """``count`` distinct plain articles (no annotations: each is parsed) in JSONL files
    of ``PLAIN_FILE``; returns the files and the articles' words."""
    folder.mkdir()
    words = 0
    base = corpus(10_000)  # each real article once or twice
    files: list[Path] = []
    for i in range(count):
        if i % PLAIN_FILE == 0:
            files.append(folder / f"part-{i // PLAIN_FILE:04d}.jsonl")
        art = base[i % len(base)]
        text = f"{art.text.rstrip()}\n\nEdition {i}."
        words += len(text.split())
        meta = {"title": art.title, "source": f"plain-{i:06d}.txt"}
        with files[-1].open("a", encoding="utf-8") as f:
            f.write(json.dumps({"text": text, "meta": meta}, ensure_ascii=False) + "\n")
    return files, words


def shards(count: int, folder: Path) -> Iterator[Path]:
    """The first ``count`` articles of bench/make_corpus.py, with their suggestions, as
    JSONL files of ``SHARD`` articles."""
    f = None
    for n, (art, attrs, _) in enumerate(articles(count)):
        if n % SHARD == 0:
            if f is not None:
                f.close()
            path = folder / f"part-{n // SHARD:04d}.jsonl"
            f = path.open("w", encoding="utf-8")
            yield path
        assert f is not None
        f.write(json.dumps(record(art, attrs), ensure_ascii=False) + "\n")
    if f is not None:
        f.close()


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--articles", type=int, nargs="+", default=[1000])
    ap.add_argument("--rounds", type=int, default=1)
    ap.add_argument("--memory", type=int, default=100_000)
    ap.add_argument("--parse-memory", type=int, nargs="+", default=[1000, 5000])
    ap.add_argument("--skip", nargs="*", default=[], choices=["speed", "jsonl", "parse"])
    a = ap.parse_args()
    with tempfile.TemporaryDirectory(prefix="quotelab-import-") as tmp_name:
        tmp = Path(tmp_name)
        made = 0

        def fresh() -> Path:
            nonlocal made
            made += 1
            return tmp / f"c{made}.qlab"

        if "speed" not in a.skip:
            for count in a.articles:
                src, words = plain(count, tmp / f"speed-{count}")
                runs: dict[int, list[Run]] = {1: [], 2: []}
                for _ in range(a.rounds):
                    for jobs in runs:
                        runs[jobs].append(run_import(fresh(), src, jobs))
                one, two = (statistics.median(r.seconds for r in runs[j]) for j in (1, 2))
                alone, both = runs[1][-1], runs[2][-1]
                bound = alone.cpu_main / max(both.cpu_main, both.cpu_workers)
                print(f"import {count} plain articles ({words} words), medians of {a.rounds}")
                print(f"  --jobs 1                   {words / one:8.0f} words/s ({one:.1f} s)")
                print(f"  --jobs 2                   {words / two:8.0f} words/s ({two:.1f} s)")
                print(f"  speed-up                   {one / two:.2f}x  (goal >= {GOAL_RATIO}x)")
                print(
                    f"  CPU s, --jobs 1; --jobs 2 main / workers  {alone.cpu_main:.1f}; "
                    f"{both.cpu_main:.1f} / {both.cpu_workers:.1f}: {bound:.2f}x if each "
                    "process had a core to itself (an upper bound: a busy machine shows "
                    "as wall times well above CPU times)"
                )
        if "parse" not in a.skip:
            for count in a.parse_memory:
                src, _ = plain(count, tmp / f"memory-{count}")
                run = run_import(fresh(), src, 2)
                print(
                    f"peak memory, import --jobs 2 of {count} plain articles  "
                    f"{run.peak_mb:5.0f} MB ({run.seconds:.0f} s)  (goal < {GOAL_MB} MB, flat)"
                )
        if "jsonl" not in a.skip:
            folder = tmp / "jsonl"
            folder.mkdir()
            files = list(shards(a.memory, folder))
            run = run_import(fresh(), files, 1)
            print(
                f"peak memory, import of {a.memory} articles from JSONL with suggestions  "
                f"{run.peak_mb:5.0f} MB ({run.seconds:.0f} s, {len(files)} files)  "
                f"(goal < {GOAL_MB} MB)"
            )


if __name__ == "__main__":
    main()
