"""What the curation says (issue 22 item 5, docs/adr/0035): the report's section on a
gold corpus, read from the gold alone (every annotator's attributions are kept in it
as versions, docs/adr/0034).

- **Agreement before curation**: for each pair of annotators, on the articles both had
  and both marked done, quote F1 and attribution F1 (:mod:`core.measure.evaluate`, the
  first of the pair as reference) and Krippendorff's alpha over token labels
  (:func:`core.measure.agree.alpha_of_units`), as ``main.py agree`` gives them on
  their corpora.
- **Each annotator against the gold**, on the articles they marked done and the gold
  has done (no item open): F1 by field (the quote; the quote with the gold's speaker,
  cue or type) and the quote's F1 by quote type, and the disagreements with the gold
  by kind (:func:`core.measure.agree.disagreements`, the gold as A: a quote only in the
  gold is missed, one only in the annotator's is extra).

The articles stream through one at a time; what is kept is counts (for alpha, how
many tokens got each pair of labels: 16 numbers a pair).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from itertools import combinations
from typing import Any

from core.corpus import curation as tables
from core.corpus import queries
from core.corpus.errors import CorpusError
from core.corpus.store import Store
from core.measure.agree import alpha_of_units, disagreements, token_labels
from core.measure.evaluate import Alignment, Counts, Score, align, items
from core.model import Status

#: The fields an annotator's attribution is scored by against the gold.
FIELDS = ("quote", "speaker", "cue", "type")
#: The kinds of disagreement with the gold, in the order the report gives them.
KINDS = ("boundary", "speaker", "missed", "extra", "type")
#: :func:`core.measure.agree.disagreements`' kinds (the gold as A) as the report names them.
_KIND = {
    "boundaries": "boundary",
    "speaker": "speaker",
    "only in A": "missed",
    "only in B": "extra",
    "type": "type",
}
#: Articles between two calls of the step callback (progress, and checks for a cancel).
STEP = 100

Step = Callable[[int, int], None]


def _f1(right: int, counts: Counts) -> float | None:
    """F1 of ``right`` findings among ``counts``' gold and predicted quotes: 2 right /
    (gold + predicted); None where neither has a quote (nothing to measure)."""
    both = counts.gold + counts.pred
    return round(2 * right / both, 4) if both else None


@dataclass
class AgainstGold:
    """One annotator's attributions scored against the gold."""

    annotator: str
    articles: int = 0
    #: Articles they had that are not done by them, or not yet in the gold: left out.
    left_out: int = 0
    score: Score = field(default_factory=Score)
    #: Of the matched quotes: the gold's speaker (the same person, or none on both),
    #: the gold's cue words.
    speaker: int = 0
    cue: int = 0
    kinds: dict[str, int] = field(default_factory=lambda: dict.fromkeys(KINDS, 0))

    def add(self, text: str, al: Alignment) -> None:
        self.articles += 1
        self.score.add(al)
        self.speaker += sum(g.same_speaker(p) for g, p in al.pairs)
        self.cue += sum(g.cue == p.cue for g, p in al.pairs)
        for d in disagreements("", text, al):
            self.kinds[_KIND[d.kind]] += 1

    def f1(self) -> dict[str, float | None]:
        """F1 by field: the quote found, and found with the gold's speaker, cue or type."""
        o = self.score.overall
        return {
            "quote": _f1(o.matched, o),
            "speaker": _f1(self.speaker, o),
            "cue": _f1(self.cue, o),
            "type": _f1(self.score.type_right, o),
        }

    def by_type(self) -> dict[str, float | None]:
        """The quote's F1 by quote type (a quote counts under a type when the gold and
        the annotator both give it that type)."""
        return {t: _f1(c.matched, c) for t, c in self.score.by_type.items()}

    def as_dict(self) -> dict[str, Any]:
        o = self.score.overall
        return {
            "annotator": self.annotator,
            "articles": self.articles,
            "left_out": self.left_out,
            "gold": o.gold,
            "annotated": o.pred,
            "f1": self.f1(),
            "f1_by_type": self.by_type(),
            "disagreements": self.kinds,
        }


@dataclass
class PairBefore:
    """Two annotators' agreement before curation, on the articles both marked done."""

    a: str
    b: str
    articles: int = 0
    left_out: int = 0  # articles both had, not done by both
    score: Score = field(default_factory=Score)
    alpha: float | None = None
    #: How many tokens of the articles compared got each pair of labels (a's, b's).
    labels: Counter[tuple[int, ...]] = field(default_factory=Counter, repr=False)

    def quote_f1(self) -> float | None:
        o = self.score.overall
        return _f1(o.matched, o)

    def attribution_f1(self) -> float | None:
        o = self.score.overall
        return _f1(o.speaker, o)

    def as_dict(self) -> dict[str, Any]:
        return {
            "a": self.a,
            "b": self.b,
            "articles": self.articles,
            "left_out": self.left_out,
            "alpha": None if self.alpha is None else round(self.alpha, 4),
            "quote_f1": self.quote_f1(),
            "attribution_f1": self.attribution_f1(),
        }


@dataclass
class Curation:
    """The curation section of a gold corpus's report."""

    annotators: list[str]
    items: dict[str, int]  # items by outcome (open, taken, rejected, edited)
    pairs: list[PairBefore]
    scores: list[AgainstGold]
    damaged: int = 0  # articles left out because their rows are damaged

    def as_dict(self) -> dict[str, Any]:
        return {
            "annotators": self.annotators,
            "items": self.items,
            "before": [p.as_dict() for p in self.pairs],
            "against_gold": [s.as_dict() for s in self.scores],
            "damaged_articles": self.damaged,
        }

    def lines(self) -> list[str]:
        out = [
            f"Curation ({len(self.annotators)} annotators: {', '.join(self.annotators)})",
            "  items: " + ", ".join(f"{k} {v}" for k, v in self.items.items()),
        ]
        if self.damaged:
            out.append(f"  {self.damaged} damaged article(s) left out")
        out.append("  agreement before curation (articles done by both):")
        for p in self.pairs:
            out.append(
                f"    {p.a} vs {p.b}: {p.articles} article(s), alpha {_fmt(p.alpha)}, "
                f"quote F1 {_fmt(p.quote_f1())}, attribution F1 {_fmt(p.attribution_f1())}"
                + (f"; {p.left_out} not done by both left out" if p.left_out else "")
            )
        out.append("  each annotator against the gold (articles done by them and in the gold):")
        for s in self.scores:
            f1 = ", ".join(f"{k} {_fmt(v)}" for k, v in s.f1().items())
            typed = ", ".join(f"{k} {_fmt(v)}" for k, v in s.by_type().items())
            kinds = ", ".join(f"{k} {v}" for k, v in s.kinds.items())
            out += [
                f"    {s.annotator}: {s.articles} article(s)"
                + (f" ({s.left_out} left out)" if s.left_out else ""),
                f"      F1 {f1}; by type {typed}",
                f"      disagreements: {kinds}",
            ]
        return out


def _fmt(figure: float | None) -> str:
    return "n/a" if figure is None else f"{figure:.3f}"


def build(store: Store, step: Step | None = None) -> Curation | None:
    """The curation section of the report on ``store``; None when it is not a gold.
    ``step(done, total)`` is called every :data:`STEP` articles (it may raise to stop)."""
    if not tables.is_gold(store):
        return None
    names = {a.number: a.name for a in tables.annotators(store)}
    numbers = list(names)
    pairs = {(i, j): PairBefore(names[i], names[j]) for i, j in combinations(numbers, 2)}
    scores = {n: AgainstGold(names[n]) for n in numbers}
    damaged = 0
    total = sum(store.status_counts().values())
    articles = queries.article_rows(store, ["id", "text", "status"])
    try:
        for done, (article_id, text, status) in enumerate(articles):
            if step is not None and done % STEP == 0:
                step(done, total)
            try:
                _article(store, article_id, text, status == Status.DONE.value, pairs, scores)
            except CorpusError:
                damaged += 1
    finally:
        articles.close()
    for p in pairs.values():
        p.alpha = alpha_of_units(p.labels)
    return Curation(
        [names[n] for n in numbers],
        {o.value: n for o, n in tables.item_counts(store).items()},
        list(pairs.values()),
        list(scores.values()),
        damaged,
    )


def _article(
    store: Store,
    article_id: int,
    text: str,
    gold_done: bool,
    pairs: dict[tuple[int, int], PairBefore],
    scores: dict[int, AgainstGold],
) -> None:
    """Count one article of the gold in ``pairs`` and ``scores``: everything is read
    first, so a damaged row (CorpusError) leaves nothing of the article counted."""
    had = tables.article_annotators(store, article_id)
    done = {n for n, s in had.items() if s is Status.DONE}
    versions = tables.versions(store, article_id)
    both = [(i, j) for i, j in pairs if {i, j} <= had.keys()]
    compared = [(i, j) for i, j in both if {i, j} <= done]
    labels: dict[int, list[int]] = {}  # the token labels of each one compared
    if compared:
        tokens = store.tokens(article_id)
        who = {n for pair in compared for n in pair}
        labels = {n: token_labels(tokens, versions.get(n, [])) for n in who}
    gold = items(text, store.attributions(article_id)) if gold_done and done else []
    mine = {n: items(text, versions.get(n, [])) for n in had}
    for i, j in both:
        p = pairs[(i, j)]
        if (i, j) not in compared:
            p.left_out += 1
            continue
        p.articles += 1
        p.score.add(align(mine[i], mine[j]))
        p.labels.update(zip(labels[i], labels[j], strict=True))
    for n in had:
        if n in done and gold_done:
            scores[n].add(text, align(gold, mine[n]))
        else:
            scores[n].left_out += 1
