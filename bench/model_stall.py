"""How long the GUI thread stalls while the spaCy pipeline loads (issue 13).

    .venv/bin/python bench/model_stall.py [--runs 3]

Each run is a fresh process: the window is shown on a corpus of 1,000 articles
(bench/make_corpus.py) and a QTimer ticks every 5 ms on the GUI thread. The longest
gap between two ticks is the worst stall, recorded (1) while the pipeline loads in the
app's own process in a background job, as the app did before, and (2) while the
sample is imported the app's way now: read, tokenized, suggested (the pipeline loaded
first) and stored in the worker process of core/formats/import_process.py. Printed beside
the goal (50 ms) and the same timer with nothing running, in the same run.
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
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))
TICK_MS = 5


def gaps_while(app: object, busy: object, until: object, timeout: float = 120.0) -> list[float]:
    """Gaps (ms) between ticks of a 5 ms timer from calling ``busy()`` until ``until()``."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    assert isinstance(app, QApplication) and callable(busy) and callable(until)
    ticks: list[float] = []
    timer = QTimer()
    timer.setInterval(TICK_MS)
    timer.timeout.connect(lambda: ticks.append(time.perf_counter()))
    timer.start()
    ticks.append(time.perf_counter())
    busy()
    end = time.monotonic() + timeout
    while not until() and time.monotonic() < end:
        app.processEvents()
        time.sleep(0.001)  # the event loop's idle wait, as app.exec() has it
    timer.stop()
    return [(b - a) * 1000 for a, b in zip(ticks, ticks[1:], strict=False)]


def one_run() -> None:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from make_corpus import build
    from PySide6.QtWidgets import QApplication
    from scratch import scratch

    from core.config import sample_article_path
    from core.formats.import_process import ImportProcess
    from core.suggest import Suggester
    from gui.main_window import MainWindow

    app = QApplication.instance() or QApplication([])
    db, _ = build(1000, jsonl=False)
    tmp = scratch()
    shutil.copy(db, tmp / "corpus.qlab")
    importer = ImportProcess()
    w = MainWindow(importer)
    w.show()
    w.open_corpus(tmp / "corpus.qlab")
    app.processEvents()
    idle = gaps_while(app, lambda: None, lambda: False, timeout=1.0)
    # before: the pipeline loaded in the app's process, in a background job
    done: list[str] = []
    w.job_done.connect(done.append)
    load = gaps_while(
        app,
        lambda: w.jobs.start("Loading", lambda _p, _c: Suggester().load(), None, False),
        lambda: bool(done),
    )
    # now: the first import loads it in the worker process, and suggests there
    done.clear()
    imp = gaps_while(app, lambda: w.import_paths([sample_article_path()]), lambda: bool(done))
    assert w.store is not None and w.store.article_count() == 1001
    print(f"{max(idle):.1f} {max(load):.1f} {max(imp):.1f}")
    w.close()
    importer.close()
    shutil.rmtree(tmp)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--one", action="store_true", help=argparse.SUPPRESS)
    a = ap.parse_args()
    if a.one:
        one_run()
        return
    runs = []
    for _ in range(a.runs):
        out = subprocess.run(
            [sys.executable, __file__, "--one"], capture_output=True, text=True, check=True
        )
        runs.append([float(v) for v in out.stdout.split()[-3:]])
    idle, load, imp = (statistics.median(r[i] for r in runs) for i in range(3))
    worst = max(r[2] for r in runs)
    print(f"GUI thread, longest stall (median of {a.runs} runs; goal <= 50 ms):")
    print(
        f"  importing the sample, pipeline in the worker process  {imp:6.1f} ms (max {worst:.1f})"
    )
    print(f"  before: pipeline loaded in the app, background thread  {load:6.1f} ms")
    print(f"  baseline: the same timer with nothing running          {idle:6.1f} ms")


if __name__ == "__main__":
    main()
