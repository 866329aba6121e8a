"""Suggestion speed against a bare ``nlp.pipe`` over the same input, in one run.

    .venv/bin/python bench/suggest_speed.py [--words 50000 200000] [--rounds 3] [--model NAME]
        [--cli-words 20000 56000] [--skip SECTION ...]

The fair baseline is what the suggester itself parses: the body paragraphs of the
same articles, with the same pipes and the same batch size. Baseline and suggester
runs are interleaved (bare, ours, bare, ours, ...) so that a busy machine slows both
alike; medians are printed in words per second. Then the same for every core:
``suggest_many(n_process=N)`` (worker start-up and pipeline loading included) against
one process, and a bare ``nlp.pipe(n_process=N)`` over the same paragraphs.

Each figure is taken at every ``--words`` size. The goal on every core (>= 1.4x) is
judged at the largest: a bulk import or an archive is millions of words, and what it
needs is throughput; a worker's start (about a second of one core) still weighs at
50,000 words (about 5 s on one core), so that size shows what a small batch gets.

**Command line** (``cli``): ``main.py suggest FILE`` with ``--jobs 1``, ``--jobs 2``
and no ``--jobs`` (the default: every core from 20,000 words) on about ``--cli-words``
words, interleaved, whole commands (Python's start and the pipeline's load included):
the medians, two workers against one (goal: never slower from 20,000 words, issue 21)
and the default against the faster of the two, with the load average before and after
and each process's CPU seconds. Wall times compare fairly only on a quiet machine.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from core.config import UNUSED_PIPES, model_name  # noqa: E402
from core.formats.text import parse_text  # noqa: E402
from core.model import Article  # noqa: E402
from core.suggest import Suggester, paragraphs  # noqa: E402

BATCH = 64  # suggest_many's default batch size


def corpus(words: int) -> list[Article]:
    files = sorted((ROOT / "tests" / "data" / "articles").glob("*.txt"))
    files.append(ROOT / "resources" / "sample_article.txt")
    base = [parse_text(f.read_text(encoding="utf-8"), f.name) for f in files]
    out: list[Article] = []
    total = 0
    while total < words:
        for art in base:
            out.append(art)
            total += len(art.text.split())
            if total >= words:
                break
    return out


def timed(fn: Callable[[], object]) -> float:
    t = time.perf_counter()
    fn()
    return time.perf_counter() - t


def interleaved(rounds: int, runs: dict[str, Callable[[], object]]) -> dict[str, float]:
    times: dict[str, list[float]] = {k: [] for k in runs}
    for _ in range(rounds):
        for name, fn in runs.items():
            times[name].append(timed(fn))
    return {k: statistics.median(v) for k, v in times.items()}


def at_size(suggester: Suggester, size: int, rounds: int, n: int, judged: bool) -> None:
    """Print every figure for articles of about ``size`` words."""
    nlp = suggester.nlp
    arts = corpus(size)
    paras = [text for art in arts for _, text in paragraphs(art)]
    words = sum(len(p.split()) for p in paras)
    list(suggester.suggest_many(arts[:3]))  # warm up
    one = interleaved(
        rounds,
        {
            "bare": lambda: list(nlp.pipe(paras, batch_size=BATCH)),
            "ours": lambda: list(suggester.suggest_many(arts, batch_size=BATCH)),
        },
    )
    many = interleaved(
        rounds,
        {
            "bare": lambda: list(nlp.pipe(paras, batch_size=BATCH, n_process=n)),
            "ours": lambda: list(suggester.suggest_many(arts, batch_size=BATCH, n_process=n)),
        },
    )

    def wps(seconds: float) -> str:
        return f"{words / seconds:8.0f} words/s ({seconds:.2f} s)"

    goal = "(goal >= 1.4x: throughput, judged here)" if judged else "(start-up still weighs)"
    print(f"articles / paragraphs / words {len(arts)} / {len(paras)} / {words}")
    print(f"  bare nlp.pipe, paragraphs  {wps(one['bare'])}")
    print(f"  suggest_many               {wps(one['ours'])}")
    print(f"    cost vs bare             {one['ours'] / one['bare']:.2f}x  (goal <= 1.25x)")
    print(f"  bare nlp.pipe, {n} processes {wps(many['bare'])}")
    print(f"  suggest_many, {n} processes  {wps(many['ours'])}")
    print(f"    speed-up vs one process  {one['ours'] / many['ours']:.2f}x  {goal}")
    print(f"    bare speed-up            {one['bare'] / many['bare']:.2f}x")


def command_line(sizes: list[int], rounds: int) -> None:
    """``main.py suggest`` on about each of ``sizes`` words: --jobs 1, 2 and the default."""
    import json
    import tempfile

    from import_speed import Run, compare, jobs_flag, load, run_command

    for size in sizes:
        with tempfile.TemporaryDirectory(prefix="quotelab-suggest-") as tmp:
            src = Path(tmp) / "in.jsonl"
            arts = corpus(size)
            with src.open("w", encoding="utf-8") as f:
                for art in arts:
                    f.write(json.dumps({"text": art.text, "meta": art.meta()}) + "\n")
            words = sum(len(art.text.split()) for art in arts)
            runs: dict[int | None, list[Run]] = {1: [], 2: [], None: []}
            outputs = set()
            before = load()
            for _ in range(rounds):
                for jobs in runs:
                    cmd = [sys.executable, str(ROOT / "main.py"), "suggest", str(src)]
                    with (Path(tmp) / "out.jsonl").open("w+b") as out:
                        run, _ = run_command([*cmd, *jobs_flag(jobs)], dict(os.environ), out)
                        out.seek(0)
                        outputs.add(out.read())
                    runs[jobs].append(run)
            same = "the same output" if len(outputs) == 1 else "OUTPUTS DIFFER"
            print(f"main.py suggest, {len(arts)} articles, {words} words, medians of {rounds}")
            print(f"  {before} before, {load()} after; {same} whatever --jobs")
            compare("suggest", words, runs)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--words", type=int, nargs="+", default=[50_000, 200_000])
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--processes", type=int, default=os.cpu_count() or 2)
    ap.add_argument("--model", default=None)
    ap.add_argument("--cli-words", type=int, nargs="+", default=[20_000, 56_000])
    ap.add_argument("--skip", nargs="*", default=[], choices=["library", "cli"])
    a = ap.parse_args()
    if "cli" not in a.skip:
        command_line(a.cli_words, a.rounds)
    if "library" in a.skip:
        return
    name = model_name(a.model)
    suggester = Suggester(name)
    print(f"model                        {name} (left out: {', '.join(UNUSED_PIPES)})")
    print(f"medians of {a.rounds}, interleaved; batch size {BATCH}")
    for size in a.words:
        at_size(suggester, size, a.rounds, a.processes, judged=size == max(a.words))
    sample = parse_text((ROOT / "resources" / "sample_article.txt").read_text("utf-8"), "s")
    runs = [timed(lambda: suggester.suggest(sample)) for _ in range(20)]
    print(f"sample article, median       {statistics.median(runs) * 1000:.0f} ms  (goal < 150 ms)")


if __name__ == "__main__":
    main()
