"""Agreement between annotators' corpora on the articles they share (matched by text).

For every pair of corpora: F1 of quotes overall and by type, and of attributions (quote
and speaker), scored with :mod:`core.measure.evaluate` (the first corpus of a pair as reference;
F1 is the same either way); Krippendorff's alpha over token labels (none, quote, speaker,
cue; nominal; from counts of the tokens' labels, :func:`alpha_of_units`, see
docs/adr/0011) for all corpora together and for each pair; and the disagreements, each
with its article and text. Rejected attributions are no one's annotation.

A corpus is held as its articles' content hashes (with ids and status); the articles
are read one at a time, in each corpus that has them, and what is kept of them is
counts, and the disagreements, spooled to a temporary file and read back as printed
(docs/adr/0038).

Only articles marked done in both corpora of a pair are compared by default: in an
article not done, the suggestions nobody has decided yet are the model's, not the
annotator's, and two corpora just imported would agree perfectly. ``everything``
compares every shared article (suggestions nobody rejected count as they are); either
way the result says how many shared articles were left out or are not done in both.
"""

from __future__ import annotations

import json
import os
import tempfile
import weakref
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping
from contextlib import ExitStack
from dataclasses import dataclass, field
from fractions import Fraction
from itertools import combinations
from pathlib import Path
from typing import Any

from core.corpus import handout
from core.corpus.store import Store
from core.measure.evaluate import Alignment, Counts, Item, Score, align, items
from core.model import Attribution, State, Status
from core.tokens import Tokens

#: Token labels for alpha.
NONE, QUOTE, SPEAKER, CUE = 0, 1, 2, 3

#: A corpus's articles (those compared) by content hash: (id, done).
View = dict[str, tuple[int, bool]]


@dataclass
class Disagreement:
    article: str  # title
    kind: str  # "only in A", "only in B", "boundaries", "speaker", "type"
    a: str  # what A has (quote text, speaker name or type)
    b: str  # what B has
    quote: str  # the quote it is about (A's, else B's)

    def line(self) -> str:
        where = f"[{self.article}] {self.kind}"
        if self.kind.startswith("only"):
            return f"{where}: {self.quote!r}"
        return f"{where}: A {self.a!r}, B {self.b!r} (quote {self.quote!r})"


class Spool:
    """Disagreements in the order found, kept in an unnamed temporary file (a JSON line
    each), not in memory: one for each of tens of thousands of quotes in a large
    comparison, though they are only read back one at a time as they are printed."""

    def __init__(self) -> None:
        self._file = tempfile.TemporaryFile("w+", encoding="utf-8")
        self._count = 0
        weakref.finalize(self, self._file.close)

    def extend(self, found: Iterable[Disagreement]) -> None:
        self._file.seek(0, os.SEEK_END)
        for d in found:
            self._file.write(json.dumps(vars(d), ensure_ascii=False) + "\n")
            self._count += 1

    def __len__(self) -> int:
        return self._count

    def __iter__(self) -> Iterator[Disagreement]:
        self._file.flush()
        self._file.seek(0)
        for line in self._file:
            yield Disagreement(**json.loads(line))


@dataclass
class PairAgreement:
    a: str
    b: str
    articles: int
    score: Score
    alpha: float | None
    disagreements: Spool = field(default_factory=Spool)
    #: Shared articles not done in both: left out (by default), or compared anyway.
    left_out: int = 0
    not_done: int = 0

    def scope(self) -> str:
        """Which articles were compared, and what that leaves out or lets in, in words."""
        if self.not_done:
            return (
                f"every shared one; {self.not_done} not done in both, whose undecided "
                "suggestions count as annotations"
            )
        said = (
            "done in both"
            if not self.left_out
            else (f"done in both; left out: {self.left_out} shared article(s) not done in both")
        )
        return said

    def figures(self) -> dict[str, Any]:
        """The pair's figures for the JSON (its disagreements follow: :meth:`Agreement.json`)."""
        o = self.score.overall
        return {
            "a": self.a,
            "b": self.b,
            "articles": self.articles,
            "left_out_not_done": self.left_out,
            "compared_not_done": self.not_done,
            "quote_f1": _rounded(o, o.f1),
            "attribution_f1": _rounded(o, o.attribution_f1),
            "exact_share": _rounded(o, o.exact_share),
            "by_type_f1": {t: _rounded(c, c.f1) for t, c in self.score.by_type.items()},
            "alpha": None if self.alpha is None else round(self.alpha, 4),
        }


@dataclass
class Agreement:
    corpora: list[str]
    shared: int  # articles every corpus has
    alpha: float | None  # over all corpora, on the articles any two share
    pairs: list[PairAgreement]
    everything: bool = False  # every shared article, not only those done in both

    def nothing_compared(self) -> bool:
        """Whether articles were shared but none could be compared (none done in both)."""
        return all(p.articles == 0 for p in self.pairs) and any(p.left_out for p in self.pairs)

    def json(self) -> Iterator[str]:
        """The result as one JSON object, in pieces to write one after the other: the
        corpora and alpha, then each pair's figures and disagreements (read back one at
        a time), ``{..., "pairs": [{..., "disagreements": [{...}, ...]}, ...]}``."""
        head = {
            "corpora": self.corpora,
            "compared": "every shared article" if self.everything else "articles done in both",
            "shared_by_all": self.shared,
            "alpha": None if self.alpha is None else round(self.alpha, 4),
        }
        yield _open(head, "pairs")
        for k, p in enumerate(self.pairs):
            yield (", " if k else "") + _open(p.figures(), "disagreements")
            for m, d in enumerate(p.disagreements):
                yield (", " if m else "") + json.dumps(vars(d), ensure_ascii=False)
            yield "]}"
        yield "]}"

    def lines(self) -> Iterator[str]:
        """The result in words, a line at a time (the disagreements as read back)."""
        which = "shared" if self.everything else "done in all"
        yield (
            f"{len(self.corpora)} corpora, {self.shared} article(s) {which}; "
            f"Krippendorff's alpha over token labels: {_fmt(self.alpha)}"
        )
        for p in self.pairs:
            o = p.score.overall
            by_type = ", ".join(
                f"{t} {c.f1:.3f}" for t, c in p.score.by_type.items() if c.gold or c.pred
            )
            yield ""
            yield f"{p.a} vs {p.b}: {p.articles} article(s) compared ({p.scope()})"
            if not p.articles:
                continue
            if not (o.gold or o.pred):
                yield "  no quote in either (every attribution rejected, or none made)"
                continue
            yield (
                f"  quote F1 {o.f1:.3f} ({by_type}); attribution F1 {o.attribution_f1:.3f}; "
                f"exact boundaries {o.exact_share:.3f}; alpha {_fmt(p.alpha)}"
            )
            yield f"  {len(p.disagreements)} disagreement(s)"
            for d in p.disagreements:
                yield "  " + d.line()


def _open(obj: dict[str, Any], last: str) -> str:
    """``obj`` as JSON with its ``last`` key (a list, after the others) opened: ``{...,
    "last": [``, for the list's items to follow and ``]}`` to close."""
    return json.dumps({**obj, last: []}, ensure_ascii=False)[: -len("]}")]


def _rounded(counts: Counts, figure: float) -> float | None:
    """A figure for the JSON; None where neither corpus has a quote (0/0: no agreement
    or disagreement to measure, where 0.0 read as total disagreement)."""
    return round(figure, 4) if counts.gold or counts.pred else None


def _fmt(alpha: float | None) -> str:
    return "undefined (one label only)" if alpha is None else f"{alpha:.3f}"


def held(store: Store) -> View:
    """Every article of a corpus, in list order; never a text (what a comparison holds of
    a corpus for the whole run)."""
    digest = dict(handout.article_keys(store))
    return {digest[i]: (i, store.status(i) is Status.DONE) for i in store.article_ids()}


def live(store: Store, article_id: int) -> list[Attribution]:
    """The article's attributions, rejected ones aside (nobody's annotation)."""
    return [a for a in store.attributions(article_id) if a.state is not State.REJECTED]


def token_labels(tokens: Tokens, attributions: list[Attribution]) -> list[int]:
    """One label per token: the span (quote, speaker, cue) it lies in, else NONE."""
    labels = [NONE] * len(tokens)
    for a in attributions:
        for label, sp in ((QUOTE, a.quote), (SPEAKER, a.speaker), (CUE, a.cue)):
            if sp is None:
                continue
            first, last = tokens.covering(sp.start, sp.end)
            for i in range(first, last + 1):
                labels[i] = label
    return labels


def alpha_of_units(units: Mapping[tuple[int, ...], int]) -> float | None:
    """Nominal Krippendorff's alpha from how many units got each tuple of labels
    (``units[values]``: the units whose annotators gave ``values``, in any order, one
    per annotator who labelled the unit: missing data is a shorter tuple); None when
    only one label occurs, or no unit has two labels (alpha is undefined).

    A unit of m >= 2 values adds 1/(m - 1) to the coincidence matrix o for each ordered
    pair of its values (units of one value are not pairable); with n_c the sums of o's
    rows and n theirs, alpha = 1 - (n - 1)(n - sum of o's diagonal) / (n^2 - sum of
    n_c^2) (Krippendorff 2011, "Computing Krippendorff's alpha-reliability", nominal
    data). The counts stay a few numbers however many units (16 for two annotators and
    four labels); the figure is exact (fractions) and tests check it against the
    ``krippendorff`` package's on a dense matrix with missing values."""
    totals: Counter[int] = Counter()
    agreed = Fraction(0)
    for values, k in units.items():
        m = len(values)
        if m < 2 or not k:
            continue
        each = Counter(values)
        for label, c in each.items():
            totals[label] += k * c
        agreed += Fraction(k * sum(c * (c - 1) for c in each.values()), m - 1)
    n = totals.total()
    if sum(1 for v in totals.values() if v) < 2:
        return None
    expected = n * n - sum(v * v for v in totals.values())
    return float(1 - (n - 1) * (n - agreed) / expected)


def _quote(text: str, it: Item) -> str:
    return text[it.quote.start : it.quote.end]


def disagreements(title: str, text: str, al: Alignment) -> list[Disagreement]:
    out = [
        Disagreement(title, "only in A", _quote(text, g), "", _quote(text, g)) for g in al.missed
    ]
    out += [
        Disagreement(title, "only in B", "", _quote(text, p), _quote(text, p)) for p in al.spurious
    ]
    for g, p in al.pairs:
        q = _quote(text, g)
        if g.quote != p.quote:
            out.append(Disagreement(title, "boundaries", q, _quote(text, p), q))
        if not g.same_speaker(p):
            out.append(Disagreement(title, "speaker", ", ".join(g.names), ", ".join(p.names), q))
        if g.type is not p.type:
            out.append(Disagreement(title, "type", g.type.value, p.type.value, q))
    return out


def compare(paths: list[Path], *, everything: bool = False) -> Agreement:
    """Compare two or more corpora (opened read-only in effect: nothing is written) on
    the articles done in both of a pair (``everything``: on every shared article), one
    article at a time."""
    names = [str(p) for p in paths]
    with ExitStack() as opened:
        stores = [opened.enter_context(Store(path, create=False)) for path in paths]
        keyed = [held(store) for store in stores]
        views = keyed if everything else [{k: v for k, v in h.items() if v[1]} for h in keyed]
        pairs = [
            _pair(stores[i], stores[j], views[i], views[j], names[i], names[j], keyed[i], keyed[j])
            for i, j in combinations(range(len(paths)), 2)
        ]
        in_any_two = [
            k for k in dict.fromkeys(k for v in views for k in v) if sum(k in v for v in views) > 1
        ]
        # Two corpora: the units of all are the pair's (the same tokens, the same labels).
        overall = (
            pairs[0].alpha if len(pairs) == 1 else alpha_of_units(_units(stores, views, in_any_two))
        )
    shared_all = sum(all(k in v for v in views) for k in views[0]) if views else 0
    return Agreement(names, shared_all, overall, pairs, everything)


def _pair(
    a: Store, b: Store, va: View, vb: View, name_a: str, name_b: str, all_a: View, all_b: View
) -> PairAgreement:
    """Two corpora on the articles of ``va`` and ``vb`` (their views) that both have;
    ``all_a`` and ``all_b``: every article of each, for what was left out."""
    shared = [k for k in va if k in vb]
    pair = PairAgreement(
        name_a,
        name_b,
        len(shared),
        Score(),
        None,
        left_out=sum(k in all_b for k in all_a) - len(shared),
        not_done=sum(not (va[k][1] and vb[k][1]) for k in shared),
    )
    units: Counter[tuple[int, ...]] = Counter()
    for key in shared:
        (i, _), (j, _) = va[key], vb[key]
        art, mine, theirs = a.article(i), live(a, i), live(b, j)
        al = align(items(art.text, mine), items(art.text, theirs))
        pair.score.add(al)
        pair.disagreements.extend(disagreements(art.title, art.text, al))
        tokens = a.tokens(i)
        units.update(zip(token_labels(tokens, mine), token_labels(tokens, theirs), strict=True))
    pair.alpha = alpha_of_units(units)
    return pair


def _units(stores: list[Store], views: list[View], keys: list[str]) -> Counter[tuple[int, ...]]:
    """How many tokens of the articles ``keys`` got each tuple of labels (sorted), one
    label from each corpus whose view has the article, on the tokens of the first."""
    units: Counter[tuple[int, ...]] = Counter()
    for key in keys:
        holders = [(s, v[key][0]) for s, v in zip(stores, views, strict=True) if key in v]
        tokens = holders[0][0].tokens(holders[0][1])
        labels = [token_labels(tokens, live(s, i)) for s, i in holders]
        units.update(tuple(sorted(values)) for values in zip(*labels, strict=True))
    return units
