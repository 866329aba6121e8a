"""What a worker process's open of the corpus costs while the app holds it open (the
refit after D, the app's import process, a training), at 1k, 10k and 100k articles.

    .venv/bin/python bench/worker_open.py [--sizes 10000 100000]

Works on a copy of each corpus of bench/make_corpus.py. This process stands for the
app: its store holds the corpus open and marks an article done, so the commits are in
its ``-wal``, as after D. Then, with the file in the page cache, medians of three:

- a spawned worker's ``Store(path)``, timed in the worker: without a holder, as every
  worker opened it before (the app's ``-wal`` looked like an unclean shutdown, so the
  full check ran), and with the app's holder (``holder_of``, docs/adr/0016);
- the whole ``refit_apart`` (spawn, imports, open, refit) as the app runs it after D,
  without the holder (``holder_of`` made to say None, as before) and with it, in turn.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import sys
import time
from multiprocessing.connection import Connection
from pathlib import Path
from unittest import mock

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from corpus_bench import line, ms, working_copy  # noqa: E402

from core.corpus.integrity import Holder, holder_of  # noqa: E402
from core.corpus.store import Store  # noqa: E402
from core.model import Status  # noqa: E402
from core.review import commands  # noqa: E402
from core.review.learning import refit_apart  # noqa: E402
from core.worker import CONTEXT  # noqa: E402


def _open_in_worker(path: Path, holder: Holder | None, send: Connection) -> None:
    t = time.perf_counter()
    store = Store(path, create=False, holder=holder)
    took = (time.perf_counter() - t) * 1000
    send.send((took, store.checked))
    store.close()


def worker_open(path: Path, holder: Holder | None) -> tuple[float, bool]:
    """(ms of ``Store(path)`` in a spawned worker, whether it ran the full check)."""
    receive, send = CONTEXT.Pipe(duplex=False)
    worker = CONTEXT.Process(target=_open_in_worker, args=(path, holder, send))
    worker.start()
    send.close()
    said: tuple[float, bool] = receive.recv()
    worker.join()
    return said


def run_size(size: int) -> None:
    tmp, db = working_copy(size, "qlworker-")
    with Store(db) as app:
        first = app.article_ids(start=0, limit=1)[0]
        cmd = commands.set_status(app, first, Status.DONE)
        assert cmd is not None
        commands.apply(app, cmd)  # D: the commit is in the -wal
        print(f"  (-wal beside it: {Path(f'{db}-wal').stat().st_size / 1e3:.0f} KB)")
        for name, holder in (("no holder (before)", None), ("held (now)", holder_of(db))):
            runs = [worker_open(db, holder) for _ in range(3)]
            assert {checked for _, checked in runs} == {holder is None}  # (the full check)
            line(f"worker Store(): {name}", statistics.median(t for t, _ in runs), "-", None)
        before, after = [], []
        for _ in range(3):  # in turn: on a shared machine only figures side by side compare
            with mock.patch("core.review.learning.holder_of", return_value=None):
                before.append(ms(lambda: refit_apart(db)))
            after.append(ms(lambda: refit_apart(db)))
        line("refit_apart: no holder (before)", statistics.median(before), "-", None)
        line("refit_apart: held (now)", statistics.median(after), "-", None)
    shutil.rmtree(tmp)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--sizes", type=int, nargs="+", default=[1000, 10_000, 100_000])
    print(f"load average {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    for size in ap.parse_args().sizes:
        run_size(size)


if __name__ == "__main__":
    main()
