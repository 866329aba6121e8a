"""Who said it, measured on articles with gold (issue 20): each figure beside its goal
and a baseline measured in the same run, per article and for the set.

    .venv/bin/python bench/speakers.py [SET ...] [--no-keys] [--corpus CORPUS]

A SET is a folder of ``<slug>.txt`` articles each with its ``<slug>.gold.json``, or
``sample`` (resources/sample_article.txt with tests/data/sample_article.gold.json).
Default: tests/data/heldout, the articles held out from tuning (their misses since
broken down by cause: see its README); tests/data/heldout3 is the set nobody looked at
while writing the rules (heldout2 was, until its misses were studied too); tests/data/
articles is what the suggester was built on.

1. Attribution F1 of the suggester: each article imported as the app imports it, its
   suggestions scored against the gold by core/measure/evaluate.py.
2. The speaker name exactly as gold (up to surrounding whitespace; the gold's
   alternative names don't count), as a share of matched quotes. Goal: >= 0.90.
   Baseline for 1 and 2: the same suggestions, each speaker named by its mention as
   written (no name resolution).
3. Keys from import to gold per gold attribution, on a real window (offscreen), by the
   strategy of tests/gui/keys_to_gold.py (the one the review-flow test uses), with the
   key sequence, and for the set what the keys went to (accepting, rejecting, quote
   edges, speaker mentions, names, cues, types, adding missed quotes). Goal: <= 1.5.
   Beside it, the same strategy one by one: an A for each suggestion and D, no Shift+A
   or Ctrl+Return.
   Baseline: the same article imported without suggestions, every attribution made
   by keys.

``--corpus CORPUS``: each article is imported into a copy of CORPUS (``Store.backup``),
as a user's next article there: its suggestions are made with what the corpus holds
(its fit of the decisions, its trained tagger where switched on, its known speakers;
docs/adr/0036, 0041), and the walk opens it as the one article to do (CORPUS's are all
done: a reviewed corpus; an article it holds already is refused). A copy with the
tagger switched off (``main.py train COPY --off``) measures what the tagger adds.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections import Counter
from dataclasses import dataclass, field, replace
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.scratch import scratch  # noqa: E402

os.environ["QUOTELAB_HOME"] = str(scratch())  # not the user's settings

from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from core.corpus.store import Store  # noqa: E402
from core.formats.ingest import import_paths  # noqa: E402
from core.measure.evaluate import Score, align, items, locate, read_gold  # noqa: E402
from core.model import Attribution  # noqa: E402
from core.suggest import Suggester  # noqa: E402
from gui.main_window import MainWindow  # noqa: E402
from tests.gui import keys_to_gold  # noqa: E402

NAME_GOAL = 0.90
KEYS_GOAL = 1.5
SAMPLE = (ROOT / "resources" / "sample_article.txt", ROOT / "tests/data/sample_article.gold.json")


def articles(spec: str) -> list[tuple[Path, Path]]:
    """(text, gold) of every article of a set."""
    if spec == "sample":
        return [SAMPLE]
    folder = Path(spec)
    return [(t, t.with_suffix(".gold.json")) for t in sorted(folder.glob("*.txt"))]


def as_written(text: str, a: Attribution) -> Attribution:
    """The attribution with its speaker named by its mention as written."""
    sp = a.speaker
    return replace(a, speaker_name=text[sp.start : sp.end] if sp else None)


@dataclass
class Keys:
    """Keys pressed, and the gold attributions they were for."""

    pressed: list[str] = field(default_factory=list)
    attributions: int = 0
    spent: Counter[str] = field(default_factory=Counter)  # keys by what they were for

    def add(self, other: Keys) -> None:
        self.pressed += other.pressed
        self.attributions += other.attributions
        self.spent += other.spent

    @property
    def per_attribution(self) -> float:
        return len(self.pressed) / self.attributions if self.attributions else 0.0


def shown(pressed: list[str]) -> str:
    """A key sequence to read: repeats counted, a typed name quoted."""
    out: list[str] = []
    i = 0
    while i < len(pressed):
        k = pressed[i]
        if k == "Ctrl+A" and "Enter" in pressed[i:]:
            end = pressed.index("Enter", i)
            typed = pressed[i + 1 : end]
            chose = typed[-1:] == ["Down"]  # (the name offered by the completion list)
            out += ["Ctrl+A", repr("".join(typed[:-1] if chose else typed))]
            out += ["Down", "Enter"] if chose else ["Enter"]
            i = end + 1
            continue
        n = 1
        while i + n < len(pressed) and pressed[i + n] == k:
            n += 1
        out.append(k if n == 1 else f"{k}x{n}")
        i += n
    return " ".join(out)


class Bench:
    def __init__(self, keys: bool, corpus: Path | None = None) -> None:
        self.corpus = corpus
        if corpus is not None:
            with Store(corpus, create=False, read_only=True) as s:
                if s.neighbour(0, +1, todo_only=True) is not None:  # (the walk opens it)
                    raise SystemExit(f"{corpus}: an article is still to do; give a reviewed one")
        self.app = QApplication.instance() or QApplication([])
        self.suggester = Suggester()
        self.suggester.load()
        self.window = MainWindow(self.suggester) if keys else None
        if self.window is not None:
            self.window.show()
            self.window.activateWindow()
            QTest.qWaitForWindowActive(self.window, 5000)
        self.tmp = scratch("quotelab-speakers-")

    def imported(self, text_path: Path, suggest: bool) -> Path:
        db = self.tmp / f"{text_path.stem}-{'suggested' if suggest else 'bare'}.qlab"
        n = 1
        while db.exists():  # (each walk to the gold starts from an import of its own)
            n += 1
            db = db.with_stem(f"{text_path.stem}-{'suggested' if suggest else 'bare'}-{n}")
        if self.corpus is not None:
            with Store(self.corpus, create=False, read_only=True) as source:
                source.backup(db)
        with Store(db) as s:
            report = import_paths(s, [text_path], self.suggester if suggest else None)
        if not report.imported:
            raise SystemExit(f"{text_path}: not imported ({report.duplicates or report.problems})")
        return db

    def keys(self, db: Path, gold_path: Path, one_by_one: bool = False) -> Keys:
        w = self.window
        assert w is not None and w.open_corpus(db)
        w.view.setFocus()
        gold = keys_to_gold.read_gold(gold_path, w.session.article.text)
        spent: Counter[str] = Counter()
        pressed = keys_to_gold.to_gold(w, gold, spent, one_by_one)
        return Keys(pressed, sum(not g.optional for g in gold), spent)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("sets", nargs="*", default=[str(ROOT / "tests" / "data" / "heldout")])
    ap.add_argument("--no-keys", action="store_true", help="leave out the window (figure 3)")
    ap.add_argument(
        "--corpus",
        type=Path,
        default=None,
        help="import each article into a copy of this corpus (its fit, tagger, speakers)",
    )
    a = ap.parse_args()
    bench = Bench(keys=not a.no_keys, corpus=a.corpus)
    for spec in a.sets:
        ours, base = Score(), Score()
        keys, each_keys, bare_keys = Keys(), Keys(), Keys()
        print(f"\n== {spec}")
        print(
            f"{'article':34} {'gold':>4} {'pred':>4} {'match':>5}   {'attr F1':>13}"
            f"   {'name exact':>13}   {'keys/attr (A each)':>20}"
        )
        for text_path, gold_path in articles(spec):
            db = bench.imported(text_path, suggest=True)
            with Store(db) as s:
                art_id = max(s.article_ids())  # (the one imported: ids only grow)
                text = s.article(art_id).text
                attrs = s.attributions(art_id)
            (gold,) = read_gold(gold_path)
            gold_items, ignore, lost = locate(gold, text)
            assert not lost, f"{gold_path}: gold quotes not in the text: {lost}"
            al = align(gold_items, items(text, attrs), ignore)
            al_base = align(gold_items, items(text, [as_written(text, x) for x in attrs]), ignore)
            one, one_base = Score(), Score()
            one.add(al)
            one_base.add(al_base)
            ours.add(al)
            base.add(al_base)
            o, b = one.overall, one_base.overall
            line = (
                f"{text_path.stem[:34]:34} {o.gold:4} {o.pred:4} {o.matched:5}   "
                f"{o.attribution_f1:6.3f} {b.attribution_f1:6.3f}   "
                f"{o.name_exact_share:6.3f} {b.name_exact_share:6.3f}"
            )
            if bench.window is not None:
                k = bench.keys(db, gold_path)
                k_each = bench.keys(bench.imported(text_path, suggest=True), gold_path, True)
                k_bare = bench.keys(bench.imported(text_path, suggest=False), gold_path)
                keys.add(k)
                each_keys.add(k_each)
                bare_keys.add(k_bare)
                line += (
                    f"   {k.per_attribution:6.2f} ({k_each.per_attribution:5.2f})"
                    f" {k_bare.per_attribution:6.2f}"
                )
                line += f"\n    keys ({len(k.pressed)}): {shown(k.pressed)}"
            print(line)
            for g, p in al.pairs:
                if not g.name_exact(p):
                    said = text[g.quote.start : g.quote.end]
                    name = p.names[0] if p.names else None
                    print(f"    name {name!r} for {g.names[0]!r}: {said[:50]!r}")
        o, b = ours.overall, base.overall
        print(
            f"-- {spec}: {ours.articles} articles, {o.gold} gold quotes, {o.pred} suggested, "
            f"{o.matched} matched (columns: suggester, baseline)"
        )
        print(
            f"   attribution F1          {o.attribution_f1:.3f}   baseline {b.attribution_f1:.3f}"
            f"   (quote F1 {o.f1:.3f}, speaker right {o.speaker_accuracy:.3f} of matched)"
        )
        print(
            f"   speaker name exact      {o.name_exact_share:.3f}   baseline "
            f"{b.name_exact_share:.3f}   (goal >= {NAME_GOAL:.2f}: "
            f"{'met' if o.name_exact_share >= NAME_GOAL else 'NOT met'})"
        )
        if bench.window is not None:
            print(
                f"   keys per attribution    {keys.per_attribution:.2f}    baseline "
                f"{bare_keys.per_attribution:.2f}    (goal <= {KEYS_GOAL}: "
                f"{'met' if keys.per_attribution <= KEYS_GOAL else 'NOT met'}; "
                f"{len(keys.pressed)} keys for {keys.attributions} attributions)"
            )
            print(
                f"   one by one (A each)     {each_keys.per_attribution:.2f}    "
                f"({len(each_keys.pressed)} keys: an A each and D)"
            )
            went = ", ".join(f"{what} {n}" for what, n in keys.spent.most_common())
            print(f"   keys went to            {went}")


if __name__ == "__main__":
    main()
