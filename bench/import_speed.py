"""``main.py import`` on every core, and its memory, each figure beside its goal.

    .venv/bin/python bench/import_speed.py [--words 20000 56000] [--rounds 3]
        [--memory 100000] [--parse-memory 1000 5000] [--skip SECTION ...]
        [--tagger CORPUS]

**Speed** (``speed``): plain articles, each parsed (the real articles of tests/data and
the sample, made distinct by an edition line; JSONL files of 1,000), about ``--words``
words of them, imported by ``main.py import --jobs 1``, ``--jobs 2`` and with no
``--jobs`` (the default: every core from 20,000 words) into fresh corpora,
interleaved; the medians (worker start-up, pipeline loading and storing included), two
workers against one (goal: never slower from 20,000 words, issue 21) and the default
against the faster of the two, with the load average before and after and each
process's CPU seconds (what a busy machine cannot hide). With ``--tagger CORPUS`` (a
corpus whose trained tagger is switched on: ``main.py train``), each import goes into a
copy of it instead, so every process suggests with the tagger too (docs/adr/0043).

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
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

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


def run_command(cmd: list[str], env: dict[str, str], stdout: Any) -> tuple[Run, bytes]:
    """Run ``cmd``, timed, its process tree sampled; (the run, its stderr)."""
    peak = 0
    cpu: dict[int, float] = {}
    t = time.perf_counter()
    proc = subprocess.Popen(cmd, env=env, stdout=stdout, stderr=subprocess.PIPE)

    def sample() -> None:
        nonlocal peak
        while proc.poll() is None:
            tree = _tree(proc.pid)
            peak = max(peak, sum(rss for rss, _ in tree.values()))
            cpu.update((p, seconds) for p, (_, seconds) in tree.items())
            time.sleep(0.05)

    sampler = threading.Thread(target=sample)
    sampler.start()
    _, err = proc.communicate()
    seconds = time.perf_counter() - t
    sampler.join()
    if proc.returncode:
        raise SystemExit(f"{' '.join(cmd[:4])} failed: {err.decode()[-2000:]}")
    main_cpu = cpu.pop(proc.pid, 0.0)
    return Run(seconds, peak / 2**20, main_cpu, sum(cpu.values())), err


def jobs_flag(jobs: int | None) -> list[str]:
    """``--jobs N``, or nothing for the default."""
    return [] if jobs is None else ["--jobs", str(jobs)]


def run_import(db: Path, paths: list[Path], jobs: int | None) -> Run:
    """``main.py import`` into a new corpus, timed and sampled."""
    cmd = [sys.executable, str(ROOT / "main.py"), "--db", str(db), "--create", "import"]
    cmd += [*jobs_flag(jobs), "--json", *map(str, paths)]
    env = dict(os.environ, QUOTELAB_HOME=str(db.parent))
    with tempfile.TemporaryFile() as out:
        run, _ = run_command(cmd, env, out)
        out.seek(0)
        if not json.loads(out.read())["complete"]:
            raise SystemExit("import incomplete")
    return run


def load() -> str:
    """The load averages (1, 5, 15 min) and the cores, for the figures' context."""
    one, five, fifteen = os.getloadavg()
    return f"load {one:.2f} {five:.2f} {fifteen:.2f} on {os.cpu_count()} cores"


def compare(name: str, words: int, runs: dict[int | None, list[Run]]) -> None:
    """Print the medians of ``--jobs 1``, ``2`` and the default beside their goals."""
    med = {j: statistics.median(r.seconds for r in rs) for j, rs in runs.items()}
    one, two, default = med[1], med[2], med[None]
    for j, label in ((1, "--jobs 1"), (2, "--jobs 2"), (None, "default (no --jobs)")):
        last = runs[j][-1]
        print(
            f"  {label:20} {med[j]:6.2f} s  {words / med[j]:6.0f} words/s  "
            f"(CPU s main {last.cpu_main:.1f}, workers {last.cpu_workers:.1f})"
        )
    verdict = "met" if two <= one or words < 20_000 else "NOT met"
    print(
        f"  --jobs 2 against --jobs 1  {one / two:.2f}x  "
        f"(goal >= 1.00x from 20,000 words: {verdict})"
    )
    # What the wall times would be if each process had a core to itself: the busiest
    # process's CPU seconds (medians); on a loaded machine the wall clock mostly waits.
    busiest = {
        j: statistics.median(max(r.cpu_main, r.cpu_workers) for r in rs) for j, rs in runs.items()
    }
    print(
        f"  busiest process's CPU s      --jobs 1 {busiest[1]:.1f}, --jobs 2 {busiest[2]:.1f}, "
        f"default {busiest[None]:.1f}: {busiest[1] / busiest[2]:.2f}x for 2 with a core each"
    )
    best = min(one, two)
    print(f"  default against the faster {best / default:.2f}x  (goal about 1.00x: {name} chooses)")


def plain(count: int, folder: Path, words: int = 0) -> tuple[list[Path], int]:
    """``count`` distinct plain articles, or as many as make ``words`` words (no
    annotations: each is parsed), in JSONL files of ``PLAIN_FILE``; returns the files
    and the articles' words."""
    folder.mkdir()
    total = 0
    base = corpus(10_000)  # each real article once or twice
    files: list[Path] = []
    i = 0
    while i < count or total < words:
        if i % PLAIN_FILE == 0:
            files.append(folder / f"part-{i // PLAIN_FILE:04d}.jsonl")
        art = base[i % len(base)]
        text = f"{art.text.rstrip()}\n\nEdition {i}."
        total += len(text.split())
        meta = {"title": art.title, "source": f"plain-{i:06d}.txt"}
        with files[-1].open("a", encoding="utf-8") as f:
            f.write(json.dumps({"text": text, "meta": meta}, ensure_ascii=False) + "\n")
        i += 1
    return files, total


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
    ap.add_argument("--words", type=int, nargs="+", default=[20_000, 56_000])
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--memory", type=int, default=100_000)
    ap.add_argument("--parse-memory", type=int, nargs="+", default=[1000, 5000])
    ap.add_argument("--skip", nargs="*", default=[], choices=["speed", "jsonl", "parse"])
    ap.add_argument("--tagger", type=Path, help="import speed into copies of this corpus")
    a = ap.parse_args()
    with tempfile.TemporaryDirectory(prefix="quotelab-import-") as tmp_name:
        tmp = Path(tmp_name)
        made = 0

        def fresh() -> Path:
            nonlocal made
            made += 1
            return tmp / f"c{made}.qlab"

        def into() -> Path:
            """A new corpus for the speed section (a copy of ``--tagger``'s)."""
            db = fresh()
            if a.tagger is not None:
                shutil.copy(a.tagger, db)
            return db

        if "speed" not in a.skip:
            for size in a.words:
                src, words = plain(0, tmp / f"speed-{size}", size)
                runs: dict[int | None, list[Run]] = {1: [], 2: [], None: []}
                before = load()
                for _ in range(a.rounds):
                    for jobs in runs:
                        runs[jobs].append(run_import(into(), src, jobs))
                print(
                    f"import of {words} words of plain articles, medians of {a.rounds}, "
                    f"interleaved{', with the tagger of ' + str(a.tagger) if a.tagger else ''}"
                )
                print(f"  {before} before, {load()} after")
                compare("import", words, runs)
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
