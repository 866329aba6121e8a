"""Agreement between annotators' corpora on the articles they share (matched by text).

For every pair of corpora: F1 of quotes overall and by type, and of attributions (quote
and speaker), scored with :mod:`core.measure.evaluate` (the first corpus of a pair as reference;
F1 is the same either way); Krippendorff's alpha over token labels (none, quote, speaker,
cue; nominal; computed by the ``krippendorff`` package, see docs/adr/0011) for all
corpora together and for each pair; and the disagreements, each with its article and
text. Rejected attributions are no one's annotation.

Only articles marked done in both corpora of a pair are compared by default: in an
article not done, the suggestions nobody has decided yet are the model's, not the
annotator's, and two corpora just imported would agree perfectly. ``everything``
compares every shared article (suggestions nobody rejected count as they are); either
way the result says how many shared articles were left out or are not done in both.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field
from itertools import combinations
from pathlib import Path
from typing import Any

from core.corpus.store import Store
from core.measure.evaluate import Alignment, Counts, Item, Score, align, items
from core.model import Attribution, State, Status
from core.tokens import Tokens

#: Token labels for alpha.
NONE, QUOTE, SPEAKER, CUE = 0, 1, 2, 3


@dataclass
class Annotated:
    """One corpus's view of one article."""

    title: str
    text: str
    tokens: Tokens
    attributions: list[Attribution]
    done: bool = False


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


@dataclass
class PairAgreement:
    a: str
    b: str
    articles: int
    score: Score
    alpha: float | None
    disagreements: list[Disagreement] = field(default_factory=list)
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

    def as_dict(self) -> dict[str, Any]:
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
            "disagreements": [vars(d) for d in self.disagreements],
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

    def as_dict(self) -> dict[str, Any]:
        return {
            "corpora": self.corpora,
            "compared": "every shared article" if self.everything else "articles done in both",
            "shared_by_all": self.shared,
            "alpha": None if self.alpha is None else round(self.alpha, 4),
            "pairs": [p.as_dict() for p in self.pairs],
        }

    def lines(self) -> list[str]:
        which = "shared" if self.everything else "done in all"
        out = [
            f"{len(self.corpora)} corpora, {self.shared} article(s) {which}; "
            f"Krippendorff's alpha over token labels: {_fmt(self.alpha)}"
        ]
        for p in self.pairs:
            o = p.score.overall
            by_type = ", ".join(
                f"{t} {c.f1:.3f}" for t, c in p.score.by_type.items() if c.gold or c.pred
            )
            out += ["", f"{p.a} vs {p.b}: {p.articles} article(s) compared ({p.scope()})"]
            if not p.articles:
                continue
            if not (o.gold or o.pred):
                out.append("  no quote in either (every attribution rejected, or none made)")
                continue
            out += [
                f"  quote F1 {o.f1:.3f} ({by_type}); attribution F1 {o.attribution_f1:.3f}; "
                f"exact boundaries {o.exact_share:.3f}; alpha {_fmt(p.alpha)}",
                f"  {len(p.disagreements)} disagreement(s)",
            ]
            out += ["  " + d.line() for d in p.disagreements]
        return out


def _rounded(counts: Counts, figure: float) -> float | None:
    """A figure for the JSON; None where neither corpus has a quote (0/0: no agreement
    or disagreement to measure, where 0.0 read as total disagreement)."""
    return round(figure, 4) if counts.gold or counts.pred else None


def _fmt(alpha: float | None) -> str:
    return "undefined (one label only)" if alpha is None else f"{alpha:.3f}"


def read(store: Store) -> dict[str, Annotated]:
    """Every article of a corpus by content hash."""
    out: dict[str, Annotated] = {}
    for article_id in store.article_ids():
        art = store.article(article_id)
        attrs = [a for a in store.attributions(article_id) if a.state is not State.REJECTED]
        out[art.content_hash] = Annotated(
            art.title, art.text, store.tokens(article_id), attrs, art.status is Status.DONE
        )
    return out


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


def alpha(views: list[dict[str, Annotated]], keys: list[str]) -> float | None:
    """Nominal Krippendorff's alpha over the token labels of ``keys`` (articles), one row
    per corpus; an article a corpus lacks is missing data there. None when only one label
    occurs (alpha is undefined)."""
    import krippendorff  # with numpy, a tenth of a second: only when comparing corpora
    import numpy as np

    rows: list[list[float]] = [[] for _ in views]
    for key in keys:
        ref = next(v[key] for v in views if key in v)
        for row, view in zip(rows, views, strict=True):
            got = view.get(key)
            if got is None:
                row.extend([np.nan] * len(ref.tokens))
            else:
                row.extend(token_labels(ref.tokens, got.attributions))
    data = np.array(rows, dtype=float)
    if data.size == 0 or len(np.unique(data[~np.isnan(data)])) < 2:
        return None
    return float(krippendorff.alpha(reliability_data=data, level_of_measurement="nominal"))


def alpha_of_pairs(pairs: Mapping[tuple[int, int], int]) -> float | None:
    """Nominal Krippendorff's alpha of two annotators who both labelled every unit, from
    how many units got each pair of labels (``pairs[(x, y)]``: units the first labelled
    x and the second y); None when only one label occurs.

    The same figure as :func:`alpha` (a test checks it against the ``krippendorff``
    package), from counts that stay 16 numbers however many units: their coincidence
    matrix is o[x][y] = pairs[(x, y)] + pairs[(y, x)], and alpha = 1 - (n - 1)
    (n - sum of o's diagonal) / (n^2 - sum of n_c^2), n_c the sums of o's rows, n theirs
    (Krippendorff 2011, "Computing Krippendorff's alpha-reliability", nominal data)."""
    totals: Counter[int] = Counter()
    agreed = 0
    for (x, y), k in pairs.items():
        totals[x] += k
        totals[y] += k
        agreed += 2 * k * (x == y)
    n = totals.total()
    if sum(1 for v in totals.values() if v) < 2:
        return None
    expected = n * n - sum(v * v for v in totals.values())
    return 1 - (n - 1) * (n - agreed) / expected


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
    the articles done in both of a pair (``everything``: on every shared article)."""
    read_all: list[dict[str, Annotated]] = []
    for path in paths:
        with Store(path, create=False) as store:
            read_all.append(read(store))
    views = read_all if everything else [{k: v for k, v in r.items() if v.done} for r in read_all]
    names = [str(p) for p in paths]
    pairs = []
    for (i, va), (j, vb) in combinations(enumerate(views), 2):
        shared = [k for k in va if k in vb]
        in_both = sum(k in read_all[j] for k in read_all[i])
        score = Score()
        found: list[Disagreement] = []
        for key in shared:
            a, b = va[key], vb[key]
            al = align(items(a.text, a.attributions), items(b.text, b.attributions))
            score.add(al)
            found += disagreements(a.title, a.text, al)
        not_done = sum(not (va[k].done and vb[k].done) for k in shared)
        pairs.append(
            PairAgreement(
                names[i],
                names[j],
                len(shared),
                score,
                alpha([va, vb], shared),
                found,
                left_out=in_both - len(shared),
                not_done=not_done,
            )
        )
    in_any_two = [k for k in dict.fromkeys(k for v in views for k in v) if _count(views, k) > 1]
    shared_all = sum(all(k in v for v in views) for k in views[0]) if views else 0
    return Agreement(names, shared_all, alpha(views, in_any_two), pairs, everything)


def _count(views: list[dict[str, Annotated]], key: str) -> int:
    return sum(key in v for v in views)
