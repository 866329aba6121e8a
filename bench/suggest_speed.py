"""Suggestion speed against a bare ``nlp.pipe`` over the same text, in one run.

    .venv/bin/python bench/suggest_speed.py [--words 50000] [--model NAME]

Prints: the words processed, seconds for a bare nlp.pipe of the whole articles with
the full pipeline as spacy.load gives it, the same with the components the suggester
keeps, the same over the body paragraphs the suggester parses, seconds for the
suggester (parse + rules), the ratios, and the time to suggest the sample article
once the pipeline is loaded (median of 20).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from core.config import UNUSED_PIPES, model_name  # noqa: E402
from core.importer import parse_text  # noqa: E402
from core.suggest import Suggester, paragraphs  # noqa: E402


def corpus(words: int) -> list:
    files = sorted((ROOT / "tests" / "data" / "articles").glob("*.txt"))
    files.append(ROOT / "resources" / "sample_article.txt")
    base = [parse_text(f.read_text(encoding="utf-8"), f.name) for f in files]
    out, total = [], 0
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


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--words", type=int, default=50_000)
    ap.add_argument("--model", default=None)
    a = ap.parse_args()
    import spacy

    name = model_name(a.model)
    arts = corpus(a.words)
    texts = [art.text for art in arts]
    full = spacy.load(name)
    suggester = Suggester(name)
    suggester.load()
    same = suggester.nlp
    # warm up every pipeline once
    list(full.pipe(texts[:3]))
    list(suggester.suggest_many(arts[:3]))
    bare_full = timed(lambda: list(full.pipe(texts)))
    bare_same = timed(lambda: list(same.pipe(texts)))
    paras = [text for art in arts for _, text in paragraphs(art)]
    bare_paras = timed(lambda: list(same.pipe(paras)))
    ours = timed(lambda: list(suggester.suggest_many(arts)))
    words = sum(len(t.split()) for t in texts)
    print(f"model                     {name} (suggester leaves out: {', '.join(UNUSED_PIPES)})")
    print(f"articles / words          {len(arts)} / {words}")
    print(f"bare nlp.pipe, full       {bare_full:.2f} s")
    print(f"bare nlp.pipe, same pipes {bare_same:.2f} s")
    print(f"bare nlp.pipe, paragraphs {bare_paras:.2f} s  (same pipes, the suggester's input)")
    print(f"suggest_many              {ours:.2f} s")
    print(f"ratio vs same pipes       {ours / bare_same:.2f}x  (goal <= 1.25x)")
    print(f"ratio vs full pipeline    {ours / bare_full:.2f}x")
    print(f"ratio vs paragraphs       {ours / bare_paras:.2f}x  (the cost of the rules alone)")
    sample = parse_text((ROOT / "resources" / "sample_article.txt").read_text("utf-8"), "s")
    runs = [timed(lambda: suggester.suggest(sample)) for _ in range(20)]
    print(f"sample article, median   {statistics.median(runs) * 1000:.0f} ms  (goal < 150 ms)")


if __name__ == "__main__":
    main()
