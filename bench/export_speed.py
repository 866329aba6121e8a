"""The JSONL export at 1k, 10k and 100k articles, beside its goal (issue 13: 100k in
<= 120 s, tokens as compact as the format allows, no recomputable data in the corpus).

    .venv/bin/python bench/export_speed.py [--sizes 1000 10000 100000] [--format jsonl]
        [--against DIR] [--repeat N] [--no-tokens]

``--no-tokens`` also times the JSONL export without token lists (``export
--no-tokens``), alternating with the one with tokens, and prints its time and size beside
its goal (issue 21: 100k in <= 60 s and <= 1.5 GB) and beside the export with tokens of
the same run as the baseline.

Builds (or reuses) the corpora of bench/make_corpus.py and works on a copy of each (the
cache is shared and never written here; a copy of an older schema is upgraded first,
timed apart). Each export
runs in a fresh process, so its peak memory (max RSS) is its own; ``--jobs`` sets its
worker processes (default: the export's choice). ``--against DIR`` also runs the export of
another checkout of QuoteLab (say ``git archive`` of main unpacked in DIR) on the same
copy, alternating with this one ``--repeat`` times: on a shared machine only figures
taken side by side compare. Printed per size: the export's time beside the
goal scaled to the size and a bare baseline (each article's text as one JSON line, the
least an export can write); bytes per article, with the share of the token lists; the
corpus file's size and what its tokens take; and, on a sample of articles, what each way
of getting an article's tokens costs (spaCy's tokenizer, the stored tokens).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import resource
import shutil
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable
from itertools import islice
from pathlib import Path
from statistics import median
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
GOAL_100K_S = 120.0
#: The export without tokens at 100k articles: at most this long and this large.
GOAL_LEAN_100K_S = 60.0
GOAL_LEAN_100K_GB = 1.5
SAMPLE = 300  # articles timed for the per-article token figures


def child(db: Path, out: Path, fmt: str, jobs: int | None, root: Path, tokens: bool) -> None:
    """Run one export here with the QuoteLab in ``root`` and print its time, CPU time
    and peak memory as JSON."""
    sys.path.insert(0, str(root))
    from core.corpus.store import Store
    from core.formats.export import export

    lean = {} if tokens else {"tokens": False}  # (code before --no-tokens has no such keyword)
    t = time.perf_counter()
    with Store(db) as s:
        export(s, out, fmt, jobs=jobs, **lean)
    seconds = time.perf_counter() - t
    use = resource.getrusage(resource.RUSAGE_SELF)
    workers = resource.getrusage(resource.RUSAGE_CHILDREN)
    print(
        json.dumps(
            {  # the machine is shared: CPU time says what wall time hides
                "seconds": seconds,
                "cpu": use.ru_utime + use.ru_stime,
                "cpu_workers": workers.ru_utime + workers.ru_stime,
                "peak_mb": use.ru_maxrss / 1024,
                "peak_worker_mb": workers.ru_maxrss / 1024,
            }
        )
    )


def bare_export(db: Path, out: Path) -> float:
    t = time.perf_counter()
    c = sqlite3.connect(db)
    with out.open("w", encoding="utf-8") as f:
        for (text,) in c.execute("SELECT text FROM articles ORDER BY id"):
            f.write(json.dumps({"text": text}, ensure_ascii=False) + "\n")
    c.close()
    return time.perf_counter() - t


def token_costs(db: Path) -> None:
    """Milliseconds and bytes per article for each way of getting an article's tokens as
    spaCy makes them, on a sample: tokenizing the text again, unpacking what the corpus
    stores, and parsing the JSON bounds earlier corpora stored (and rebuilding)."""
    from core.tokens import DocTokens, tokenize

    c = sqlite3.connect(db)
    ids = [i for (i,) in c.execute("SELECT id FROM articles")]
    sample = random.Random(1).sample(ids, min(SAMPLE, len(ids)))
    rows = [
        c.execute("SELECT text, packed_tokens FROM articles WHERE id = ?", (i,)).fetchone()
        for i in sample
    ]
    c.close()
    tokenize(rows[0][0])  # load the tokenizer outside the timing
    as_json = [json.dumps(DocTokens.load(t, p).bounds().bounds) for t, p in rows]

    def per_article(fn: Callable[[str, bytes, str], object]) -> float:
        t = time.perf_counter()
        for (text, packed), bounds in zip(rows, as_json, strict=True):
            fn(text, packed, bounds)
        return (time.perf_counter() - t) * 1000 / len(rows)

    ways = {
        "spaCy's tokenizer": lambda text, packed, bounds: DocTokens.load(text, None),
        "unpacked (stored now)": lambda text, packed, bounds: DocTokens.unpack(text, packed),
        "JSON bounds (stored before)": lambda text, packed, bounds: DocTokens.of(
            text, json.loads(bounds)
        ),
    }
    sizes = {
        "unpacked (stored now)": sum(len(p) for _, p in rows) / len(rows),
        "JSON bounds (stored before)": sum(len(b) for b in as_json) / len(rows),
    }
    for name, fn in ways.items():
        size = f"{sizes[name]:7.0f} bytes" if name in sizes else ""
        print(f"  tokens: {name:28} {per_article(fn):8.3f} ms an article  {size}")
    print(f"  {'  then as Prodigy JSON':36} ", end="")
    docs = [DocTokens.unpack(t, p) for t, p in rows]
    t = time.perf_counter()
    for d in docs:
        assert d is not None
        d.prodigy_json()
    print(f"{(time.perf_counter() - t) * 1000 / len(docs):8.3f} ms an article")


def _digest(out: Path) -> str:
    """SHA-256 of the export (a file, or a folder's files in name order)."""
    h = hashlib.sha256()
    for p in [out] if out.is_file() else sorted(out.iterdir()):
        with p.open("rb") as f:
            while chunk := f.read(1 << 20):
                h.update(chunk)
    return h.hexdigest()


def export_once(
    db: Path, out: Path, fmt: str, jobs: int | None, root: Path, tokens: bool = True
) -> dict[str, Any]:
    """One export in a fresh process with the QuoteLab in ``root``: its figures and the
    digest of what it wrote."""
    res = subprocess.run(
        [
            *(sys.executable, __file__, "--child", str(db), str(out), fmt),
            *(str(jobs or 0), str(root), "tokens" if tokens else "no-tokens"),
        ],
        check=True,
        capture_output=True,
        text=True,
    )
    return {**json.loads(res.stdout), "digest": _digest(out)}


def print_exports(name: str, runs: list[dict[str, Any]], size: int, bare: float) -> None:
    goal = GOAL_100K_S * size / 100_000
    seconds = median(r["seconds"] for r in runs)
    each = " ".join(f"{r['seconds']:.1f}" for r in runs)
    print(
        f"  {'export, ' + name:36} {seconds:8.1f} s    goal {goal:6.1f} s   "
        f"bare {bare:6.1f} s   ({seconds * 1e3 / size:.2f} ms an article; runs: {each})"
    )
    print(
        f"  {'  CPU time (with start-up)':36} {median(r['cpu'] for r in runs):8.1f} s   "
        f"+ {median(r['cpu_workers'] for r in runs):.1f} s in worker processes"
    )
    print(
        f"  {'  peak memory (max RSS)':36} {max(r['peak_mb'] for r in runs):8.0f} MB   "
        f"a worker {max(r['peak_worker_mb'] for r in runs):.0f} MB"
    )


def print_lean(lean: list[dict[str, Any]], full: list[dict[str, Any]], size: int, out: Path,
               full_out: Path) -> None:  # fmt: skip
    """The export without tokens beside its goal and beside the one with tokens, timed
    alternately in the same run (the baseline)."""
    scale = size / 100_000
    seconds, baseline = median(r["seconds"] for r in lean), median(r["seconds"] for r in full)
    gb, full_gb = out.stat().st_size / 1e9, full_out.stat().st_size / 1e9
    print(
        f"  {'export, no tokens':36} {seconds:8.1f} s    goal {GOAL_LEAN_100K_S * scale:6.1f} s"
        f"   with tokens {baseline:6.1f} s   (CPU {median(r['cpu'] for r in lean):.1f} s "
        f"+ {median(r['cpu_workers'] for r in lean):.1f} s in workers)"
    )
    print(
        f"  {'  its size':36} {gb:8.3f} GB   goal {GOAL_LEAN_100K_GB * scale:6.3f} GB   "
        f"with tokens {full_gb:.3f} GB   ({gb * 1e6 / size:.1f} KB an article, "
        f"{gb / full_gb:.0%} of the export with tokens)"
    )


def run_size(
    size: int, fmt: str, jobs: int | None, against: Path | None, repeat: int, lean: bool = False
) -> None:
    sys.path.insert(0, str(ROOT))
    sys.path.insert(0, str(ROOT / "bench"))
    from make_corpus import build
    from scratch import scratch

    from core.corpus.schema import SCHEMA_VERSION
    from core.corpus.store import Store

    src, _ = build(size, jsonl=False)
    tmp = scratch("qlexport-")
    try:
        db = tmp / "corpus.qlab"
        shutil.copy(src, db)  # the cache is shared: only its copy is opened to write
        c = sqlite3.connect(db)
        old = c.execute("PRAGMA user_version").fetchone()[0] < SCHEMA_VERSION
        c.close()
        t = time.perf_counter()
        Store(db).close()  # a one-off upgrade of an older cached corpus, not the export's
        upgrade = f"upgrading it: {time.perf_counter() - t:.1f} s" if old else "up to date"
        c = sqlite3.connect(db)
        text_bytes, token_bytes = c.execute(
            "SELECT SUM(LENGTH(CAST(text AS BLOB))), "
            "SUM(COALESCE(LENGTH(packed_tokens), 0)) FROM articles"
        ).fetchone()
        free = (
            c.execute("PRAGMA freelist_count").fetchone()[0]
            * c.execute("PRAGMA page_size").fetchone()[0]
        )
        c.close()
        mb, used = db.stat().st_size / 1e6, (db.stat().st_size - free) / 1e6
        print(
            f"{size} articles, {fmt}: corpus {mb:.0f} MB, {used:.0f} MB in use after the "
            f"upgrade ({used * 1e3 / size:.1f} KB an article; stored tokens "
            f"{token_bytes / 1e6:.1f} MB = {token_bytes / 1e6 / used:.0%}); {upgrade}"
        )
        out = tmp / f"export.{fmt}"
        runs: dict[Path, list[dict[str, Any]]] = {ROOT: []}
        if against is not None:
            runs = {against: [], ROOT: []}  # alternating, the other code first
        lean_out, lean_runs = tmp / "export-no-tokens.jsonl", []
        for _ in range(repeat):
            for root, done in runs.items():
                done.append(export_once(db, out, fmt, jobs, root))
            if lean:
                lean_runs.append(export_once(db, lean_out, fmt, jobs, ROOT, tokens=False))
        bare = bare_export(db, tmp / "bare.jsonl")
        print_exports("this code", runs[ROOT], size, bare)
        if lean:
            print_lean(lean_runs, runs[ROOT], size, lean_out, out)
        if against is not None:
            print_exports(f"{against}", runs[against], size, bare)
            same = {r["digest"] for rs in runs.values() for r in rs}
            print(f"  {'  the same bytes':36} {'yes' if len(same) == 1 else 'NO'}")
        files = [out] if out.is_file() else list(out.iterdir())
        size_b = sum(p.stat().st_size for p in files)
        per = size_b / size
        line = f"  {'export size':36} {size_b / 1e6:8.0f} MB   {per / 1e3:.1f} KB an article, "
        line += f"{per / (text_bytes / size):.1f}x the text"
        if fmt == "jsonl":
            tok = seen = 0
            with out.open("rb") as f:
                for raw in islice(f, SAMPLE):  # the first articles: a share, not a total
                    seen += len(raw)
                    tok += len(json.dumps(json.loads(raw)["tokens"], separators=(",", ":")))
            line += f"; tokens {tok / seen:.0%} of it"
        print(line)
        token_costs(db)
    finally:
        shutil.rmtree(tmp)


def main() -> None:
    if len(sys.argv) == 8 and sys.argv[1] == "--child":
        _, _, db, out, fmt, jobs, root, tokens = sys.argv
        child(Path(db), Path(out), fmt, int(jobs) or None, Path(root), tokens == "tokens")
        return
    ap = argparse.ArgumentParser()
    ap.add_argument("--sizes", type=int, nargs="+", default=[1000, 10_000, 100_000])
    ap.add_argument("--format", default="jsonl", choices=["jsonl", "spacy", "csv", "brat"])
    ap.add_argument("--jobs", type=int, help="worker processes (default: the export's own)")
    ap.add_argument("--against", type=Path, help="another QuoteLab checkout to compare with")
    ap.add_argument("--repeat", type=int, default=1, help="exports of each code per size")
    ap.add_argument(
        "--no-tokens",
        action="store_true",
        help="also the JSONL export without tokens, beside its goal and the one with tokens",
    )
    a = ap.parse_args()
    if a.no_tokens and a.format != "jsonl":
        ap.error("--no-tokens is for --format jsonl")
    for size in a.sizes:
        run_size(size, a.format, a.jobs, a.against and a.against.resolve(), a.repeat, a.no_tokens)


if __name__ == "__main__":
    main()
