"""Launch to what the user sees: the window painted, the suggestions on screen, idle.

    .venv/bin/python bench/startup.py [--runs 5] [--sizes 1000 10000 100000] [-- COMMAND...]

Runs ``main.py --sample`` (or COMMAND, e.g. the packaged binary) with a fresh data
directory (first run: the sample is imported, suggested in the worker process) and
again with the same one (the sample is already in the corpus); then ``main.py --db``
on copies of bench/make_corpus.py's corpora of each size. The app prints the times
(``QUOTELAB_TIMING``, gui/app.py, measured as gui/timing.py says): "painted" the end
of the window's first paint, "article" the first article's text painted, "model" the
import worker's pipeline loaded (first run only: reviewing loads none), "suggestions"
the table's rows painted with the article's suggestions, "idle" the event loop idle
after all that (the totals counted, the first run's import done and shown). Prints
medians beside the goals (0.4 s to the first paint; 1.0 s to the model, packaged),
with baselines of the same run: "shown", what this bench quoted before issue 21 (a
zero-delay timer, before the first paint), Python's own start (``python -c pass``) and
a bare ``spacy.load`` in a fresh Python (the floor under "model"). The load average is
printed beside the figures.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

from scratch import scratch  # noqa: E402

EVENTS = ("shown", "painted", "article", "model", "suggestions", "idle")
GOALS = {
    "shown": "   (before issue 21)",
    "painted": "   (goal <= 0.40 s)",
    "model": "   (goal <= 1.0 s packaged)",
}
#: The floor under launch -> model: what any process pays to have the pipeline.
BARE_LOAD = (
    "import spacy; from core.config import DEFAULT_MODEL, UNUSED_PIPES; "
    "spacy.load(DEFAULT_MODEL, exclude=list(UNUSED_PIPES))"
)


def launch(cmd: list[str], home: str) -> dict[str, float]:
    env = dict(os.environ, QUOTELAB_HOME=home, QUOTELAB_TIMING="1")
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    t0 = time.time()
    out = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=120, cwd=ROOT)
    marks = {}
    for line in out.stdout.splitlines():
        name, _, value = line.partition(" ")
        if name in EVENTS:
            marks[name] = float(value) - t0
    return marks


def report(label: str, runs: list[dict[str, float]]) -> None:
    print(f"{label}:")
    for event in EVENTS:
        values = [r[event] for r in runs if event in r]
        if values:
            goal = GOALS.get(event, "")
            print(
                f"  launch -> {event:12} median {statistics.median(values):.2f} s "
                f"(min {min(values):.2f}, max {max(values):.2f}, n={len(values)}){goal}"
            )


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--sizes", type=int, nargs="*", default=[])
    ap.add_argument("command", nargs="*")
    a = ap.parse_args()
    cmd = a.command or [sys.executable, "main.py"]
    print("load average {:.2f} {:.2f} {:.2f}".format(*os.getloadavg()))
    bare = []
    for _ in range(a.runs):
        t0 = time.time()
        subprocess.run([sys.executable, "-c", "pass"], check=True)
        bare.append(time.time() - t0)
    print(f"baseline: python -c pass, median {statistics.median(bare):.2f} s")
    load = []
    for _ in range(a.runs):
        t0 = time.time()
        subprocess.run([sys.executable, "-c", BARE_LOAD], check=True, cwd=ROOT)
        load.append(time.time() - t0)
    print(
        f"baseline: a fresh python importing spaCy and loading the pipeline (spacy.load), "
        f"median {statistics.median(load):.2f} s"
    )
    for label, fresh in (("sample, first run (import + suggest)", True), ("sample, later", False)):
        runs = []
        keep = str(scratch())
        launch([*cmd, "--sample"], keep)  # warm the file cache; seeds `keep` for later runs
        for _ in range(a.runs):
            home = str(scratch()) if fresh else keep
            runs.append(launch([*cmd, "--sample"], home))
        report(label, runs)
    from make_corpus import build

    for size in a.sizes:
        src, _ = build(size, jsonl=False)
        tmp = scratch("qlstart-")
        db = tmp / "corpus.qlab"
        shutil.copy(src, db)
        home = str(scratch())
        launch([*cmd, "--db", str(db)], home)  # upgrades it if needed, warms the cache
        report(f"{size} articles", [launch([*cmd, "--db", str(db)], home) for _ in range(a.runs)])
        shutil.rmtree(tmp)


if __name__ == "__main__":
    main()
