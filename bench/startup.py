"""Launch-to-window and launch-to-suggestions times of the app.

    .venv/bin/python bench/startup.py [--runs 5] [-- COMMAND...]

Runs ``main.py --sample`` (or COMMAND, e.g. the packaged binary) with a fresh data
directory (first run: the pipeline loads, the sample is imported and suggested) and
again with the same one (the sample is already in the corpus). Prints medians.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def launch(cmd: list[str], home: str) -> dict[str, float]:
    env = dict(os.environ, QUOTELAB_HOME=home, QUOTELAB_TIMING="1")
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    t0 = time.time()
    out = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=120, cwd=ROOT)
    marks = {}
    for line in out.stdout.splitlines():
        name, _, value = line.partition(" ")
        if name in ("shown", "model", "suggestions"):
            marks[name] = float(value) - t0
    return marks


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("command", nargs="*")
    a = ap.parse_args()
    cmd = a.command or [sys.executable, "main.py", "--sample"]
    if a.command:
        cmd = [*cmd, "--sample"]
    for label, fresh in (("first run (import + suggest)", True), ("later runs", False)):
        runs = []
        keep = tempfile.mkdtemp()
        launch(cmd, keep)  # warm the file cache; seeds `keep` for the later runs
        for _ in range(a.runs):
            home = tempfile.mkdtemp() if fresh else keep
            runs.append(launch(cmd, home))
        print(f"{label}:")
        for event in ("shown", "model", "suggestions"):
            values = [r[event] for r in runs if event in r]
            if values:
                print(
                    f"  launch -> {event:12} median {statistics.median(values):.2f} s "
                    f"(min {min(values):.2f}, max {max(values):.2f}, n={len(values)})"
                )


if __name__ == "__main__":
    main()
