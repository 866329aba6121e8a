"""What opening a corpus costs at 1k, 10k and 100k articles, and the full check when it runs.

    .venv/bin/python bench/open_bench.py [--sizes 1000 10000 100000]

Works on a copy of each corpus of bench/make_corpus.py. "warm" is a median of three
with the file in the page cache, "first" reads it with the file evicted from the page
cache (posix_fadvise DONTNEED), as after a reboot. ``Store(path)`` is a plain open (the
cheap checks that keep foreign and planted SQL out); ``Store(path, check=True)`` adds
the full check (``PRAGMA quick_check`` and the scan of every row), which runs after an
unclean shutdown, on request (``main.py check``) or when a row read is found damaged.
"""

from __future__ import annotations

import argparse
import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from corpus_bench import evict, line, median3, ms, working_copy  # noqa: E402

from core.corpus.store import Store  # noqa: E402


def run_size(size: int) -> None:
    tmp, db = working_copy(size, "qlopen-")

    def opened(check: bool = False) -> None:
        Store(db, check=check).close()

    line("Store(): open, warm", median3(opened), "300 ms", None)
    line("Store(): open, first", median3(opened, lambda: evict(db)), "-", None)
    line("full check, warm", median3(lambda: opened(check=True)), "-", None)
    line("full check, first", median3(lambda: opened(check=True), lambda: evict(db)), "-", None)
    with Store(db) as s:  # what an export adds: the row scan without quick_check
        line("  of which the row scan, warm", ms(s.find_damage), "-", None)
    shutil.rmtree(tmp)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--sizes", type=int, nargs="+", default=[1000, 10_000, 100_000])
    for size in ap.parse_args().sizes:
        run_size(size)


if __name__ == "__main__":
    main()
