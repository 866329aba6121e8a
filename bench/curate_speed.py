"""``main.py curate`` over two annotators' corpora of 10,000 articles (goal: under 60 s,
memory not growing with the corpus), and ``main.py agree`` over the same two corpora in
the same run (goal: memory not growing either), beside agree's figures from before it
read one article at a time.

    .venv/bin/python bench/curate_speed.py [--sizes 1000 10000] [--keep DIR]

For each size, a copy of bench/make_corpus.py's corpus (``bench/.cache``, built on
first use) is handed out to ana and ben, every article to both (``assign --overlap 1``:
full double annotation, the most a merge reads), and each hand-out is then decided by a
script, as an annotator would have: every suggestion accepted and every article done;
ben, besides, gave another speaker name to the first quote of every 5th article, rejected
the second quote of every 7th and moved the end of the third quote of every 11th (one
disagreement each). Each command then runs in a fresh process (``main.py curate`` into a
new gold, ``main.py agree``), timed by wall clock, with that process's peak resident
memory; the gold is checked against the edits (the items a script made).
"""

from __future__ import annotations

import argparse
import contextlib
import json
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from fractions import Fraction
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.make_corpus import build  # noqa: E402
from core.corpus import curation  # noqa: E402
from core.corpus.store import Store  # noqa: E402
from core.review.assign import assign  # noqa: E402

GOAL_S = 60.0
#: ``main.py agree``'s (seconds, peak MB) by size when it read every article of every
#: corpus first (at 2a9d829, before docs/adr/0038), on this bench.
AGREE_BEFORE = {1_000: (3.9, 621), 10_000: (71.0, 5_820)}


def handouts(size: int, folder: Path) -> tuple[Path, Path, set[int]]:
    """ana's and ben's hand-outs of a copy of the cached corpus, decided by script; and
    the articles ben's edits made disagree."""
    source, _ = build(size, jsonl=False)
    copy = folder / "all.qlab"
    shutil.copyfile(source, copy)  # (the cache is left as it is: the open upgrades a copy)
    with Store(copy) as s:
        assign(s, ["ana", "ben"], Fraction(1), 1, folder)
    made: set[int] = set()
    for name in ("ana", "ben"):
        with Store(folder / f"{name}.qlab") as s:
            conn = s._conn  # a script's edits, as a tool on the file would make them
            with s.transaction():
                conn.execute("UPDATE attributions SET state = 'accepted'")
                conn.execute("UPDATE articles SET status = 'done'")
                if name == "ben":
                    made = _disagree(conn)
    return folder / "ana.qlab", folder / "ben.qlab", made


def _disagree(conn: object) -> set[int]:
    """ben's edits: another speaker (every 5th article), a quote rejected (7th), an end
    moved (11th); the articles that got one or more."""
    made = set()
    rows = conn.execute(  # type: ignore[attr-defined]
        "SELECT article_id, id, quote_start, quote_end FROM attributions "
        "ORDER BY article_id, quote_start"
    ).fetchall()
    by_article: dict[int, list[tuple[int, int, int]]] = {}
    for art, attr, start, end in rows:
        by_article.setdefault(art, []).append((attr, start, end))
    for art, attrs in by_article.items():
        if art % 5 == 0 and attrs:
            conn.execute(  # type: ignore[attr-defined]
                "UPDATE attributions SET speaker_name = 'Somebody Else', speaker_id = NULL "
                "WHERE id = ?",
                (attrs[0][0],),
            )
            made.add(art)
        if art % 7 == 0 and len(attrs) > 1:
            conn.execute(  # type: ignore[attr-defined]
                "UPDATE attributions SET state = 'rejected' WHERE id = ?", (attrs[1][0],)
            )
            made.add(art)
        if art % 11 == 0 and len(attrs) > 2 and attrs[2][2] - attrs[2][1] > 10:
            conn.execute(  # type: ignore[attr-defined]
                "UPDATE attributions SET quote_end = quote_end - 5 WHERE id = ?", (attrs[2][0],)
            )
            made.add(art)
    return made


def child(argv: list[str]) -> None:
    """In a fresh process: one command of main.py, then its wall time and peak memory."""
    from core.cli.main import build_parser, run

    start = time.perf_counter()
    status = run(build_parser().parse_args(argv))
    wall = time.perf_counter() - start
    print(json.dumps({"status": status, "wall": wall, "peak_mb": peak_mb()}), file=sys.stderr)


def peak_mb() -> float:
    """This process's peak resident memory in MB: Linux's VmHWM, counted from the exec;
    ru_maxrss (elsewhere) starts at the resident size of the bench that forked it (54 MB
    at 1,000 articles, 83 MB at 10,000, the hand-outs built), over what it measures."""
    with contextlib.suppress(OSError), open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def timed(argv: list[str]) -> dict[str, float]:
    done = subprocess.run(
        [sys.executable, __file__, "--child", *argv],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    result: dict[str, float] = json.loads(done.stderr.strip().splitlines()[-1])
    if result["status"] != 0:
        raise SystemExit(f"main.py {' '.join(argv)} failed:\n{done.stderr}")
    return result


def main() -> None:
    if sys.argv[1:2] == ["--child"]:
        child(sys.argv[2:])
        return
    ap = argparse.ArgumentParser()
    ap.add_argument("--sizes", type=int, nargs="+", default=[1_000, 10_000])
    ap.add_argument("--keep", type=Path, default=None, help="keep the corpora in this folder")
    args = ap.parse_args()
    for size in args.sizes:
        folder = Path(tempfile.mkdtemp(prefix=f"curate{size}-", dir=args.keep))
        try:
            start = time.perf_counter()
            ana, ben, made = handouts(size, folder)
            print(f"{size:,} articles: two hand-outs built in {time.perf_counter() - start:.0f} s")
            gold = folder / "gold.qlab"
            merged = timed(["curate", str(ana), str(ben), "--out", str(gold)])
            agreed = timed(["agree", str(ana), str(ben), "--json"])
            with Store(gold) as g:
                articles = g.article_ids()
                items = {art: len(curation.items(g, art)) for art in articles}
            where = {art for art, n in items.items() if n}
            assert where == made, f"items in {len(where)} articles, edits in {len(made)}"
            print(
                f"  curate: {merged['wall']:.1f} s (goal: under {GOAL_S:.0f} s at 10,000), "
                f"peak {merged['peak_mb']:.0f} MB; {len(articles):,} articles, "
                f"{sum(items.values()):,} items, in the {len(made):,} articles the script "
                "made disagree and no other"
            )
            before = AGREE_BEFORE.get(size)
            was = f" (before: {before[0]:.1f} s, peak {before[1]:,} MB)" if before else ""
            print(f"  agree: {agreed['wall']:.1f} s, peak {agreed['peak_mb']:.0f} MB{was}")
        finally:
            if args.keep is None:
                shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
