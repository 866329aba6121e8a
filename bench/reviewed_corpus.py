"""A corpus reviewed by keys, grown as a user grows one (issue 20: what a corpus that has
grown does to the next article's suggestions and keys; docs/adr/0084).

    .venv/bin/python bench/reviewed_corpus.py CORPUS SET [SET ...]

Each article of the sets (in the order given, each set's by name; a SET as
``bench/speakers.py`` takes it) is imported into the one corpus CORPUS with what it
knows so far (its speakers, the aliases ``E`` taught, the fit of its decisions), opened
on a real window (offscreen), walked to its gold by the strategy of
``tests/gui/keys_to_gold.py`` (which marks it done), and the fit refitted, as the app
does once the keys pause after ``D``. Prints each article's keys and each set's beside
its keys in a corpus of its own (``bench/speakers.py``, the same walk). Then
``bench/speakers.py SET --corpus CORPUS`` measures a set nobody has studied as the next
articles of that corpus.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.speakers import Bench, articles, shown
from core.corpus.store import Store
from core.formats.ingest import import_paths
from core.review.learning import refit
from tests.gui import keys_to_gold


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("corpus", type=Path, help="the corpus to grow (made if missing)")
    ap.add_argument("sets", nargs="+")
    a = ap.parse_args()
    bench = Bench(keys=True)
    w = bench.window
    assert w is not None
    for spec in a.sets:
        grown, alone, attributions = 0, 0, 0
        for text_path, gold_path in articles(spec):
            with Store(a.corpus) as s:
                report = import_paths(s, [text_path], bench.suggester)
                if not report.imported:
                    raise SystemExit(f"{text_path}: not imported ({report.duplicates})")
                new = max(s.article_ids())  # (ids only grow)
            assert w.open_corpus(a.corpus)
            w.route(w.session.open(new))
            w.view.setFocus()
            gold = keys_to_gold.read_gold(gold_path, w.session.article.text)
            pressed = keys_to_gold.to_gold(w, gold, Counter())
            with Store(a.corpus) as s:
                refit(s)
            own = bench.keys(bench.imported(text_path, suggest=True), gold_path).pressed
            grown, alone = grown + len(pressed), alone + len(own)
            attributions += sum(not g.optional for g in gold)
            print(
                f"  {text_path.stem[:40]:40} {len(pressed):3} (alone {len(own):3}): "
                f"{shown(pressed)}"
            )
        print(
            f"{spec}: {grown} keys in the grown corpus, {alone} each in a corpus of its own, "
            f"for {attributions} attributions",
            flush=True,
        )


if __name__ == "__main__":
    main()
