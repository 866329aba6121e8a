"""Suggestions that learn from the corpus's decisions (docs/adr/0036).

Every suggestion carries its :class:`~core.model.MadeBy`: the rule that made it,
a few features (the rule, the cue's lemma, what the speaker mention is, the quote's
length) and its rule's constant confidence, the *prior*. A :class:`Fit` learns two
things from the suggestions of the articles marked done, each kept (accepted, as made
or edited) or not (rejected, deleted):

* a **gated cue lexicon**. The rules also find *candidates* (rule
  :data:`~core.suggest.rules.CANDIDATE`): clauses reported by a verb outside their
  lexicon (``polls show that``), kept apart and never shown. A candidate's verb earns
  its place when the user added that attribution by hand at least :data:`MIN_RIGHT`
  times, and did so for at least :data:`GATE` of its candidates (a Beta(1, 1) mean):
  what it would have suggested is judged by this corpus's own decisions before it is
  suggested;
* a **logistic re-scorer**: the probability that a suggestion is kept, over its
  features and its prior's log-odds, fitted by Newton's method with an L2 penalty
  that pulls every weight towards the prior (weight 1 on the prior's log-odds, 0 on
  the rest). With no decisions the probability *is* the prior, today's constants; each
  decision moves it as far as the evidence carries. Suggestions under the
  :attr:`Fit.threshold` (chosen on the decided articles for the best F1, 0 until
  :data:`MIN_EXAMPLES` are decided) are not made.

A fit is plain data (:meth:`Fit.as_json`), stored in the corpus with the id of the
decision it was fitted through, so that it can be fitted again from the log.
"""

from __future__ import annotations

import json
import math
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from core.model import Attribution, MadeBy, Span, iou

#: A learned cue is admitted once this many of its candidates were added by hand...
MIN_RIGHT = 2
#: ... and its candidates' share added by hand (Beta(1, 1) posterior mean) is at least this.
GATE = 0.5
#: The re-scorer's L2 penalty, towards the prior (in log-odds per weight).
PENALTY = 2.0
#: Decided suggestions below which no threshold is chosen (every suggestion is made).
MIN_EXAMPLES = 30
#: The thresholds tried, lowest first (the lowest of equally good ones is kept).
THRESHOLDS = tuple(round(0.05 * i, 2) for i in range(0, 11))
#: A feature is learned once this many decided suggestions have it (a rarer one is
#: left to the prior).
MIN_SEEN = 2
#: Folds of the decided suggestions whose held-out probabilities choose the threshold.
FOLDS = 5
#: A candidate and an attribution are the same report from this quote overlap on.
SAME_QUOTE = 0.5
#: The rule of a candidate: an indirect attribution whose cue is a verb outside the
#: rules' lexicon (:mod:`core.suggest.rules`), suggested once its verb is learned.
CANDIDATE = "learned-cue"


@dataclass(frozen=True)
class Example:
    """One decided suggestion or candidate. ``kept``: the suggestion was kept, or the
    candidate's attribution was added by hand (``covers``: which one, a key unique in
    the data fitted); None: no evidence (a candidate a kept suggestion already gave)."""

    made_by: MadeBy
    kept: bool | None
    covers: object = None


def _logit(p: float) -> float:
    p = min(max(p, 1e-4), 1 - 1e-4)
    return math.log(p / (1 - p))


def _names(p: MadeBy) -> list[str]:
    return [f"{k}={v}" for k, v in p.features]


@dataclass(frozen=True)
class Fit:
    """What was learned, through decision ``through`` from ``examples`` decided
    suggestions. :data:`PRIOR` is the fit of no decisions: the rules as they are."""

    weights: dict[str, float] = field(default_factory=dict)  # "name=value" -> log-odds
    scale: float = 1.0  # the weight of the prior's log-odds
    bias: float = 0.0
    cues: frozenset[str] = frozenset()
    threshold: float = 0.0
    through: int = 0
    examples: int = 0

    def probability(self, p: MadeBy) -> float:
        """The probability that a suggestion so made is kept."""
        if not self.weights and self.scale == 1.0 and self.bias == 0.0:
            return p.prior
        z = self.scale * _logit(p.prior) + self.bias
        z += sum(self.weights.get(n, 0.0) for n in _names(p))
        return 1 / (1 + math.exp(-z))

    def admits(self, a: Attribution) -> bool:
        """Whether a suggestion is made: a candidate only of an admitted cue."""
        p = a.made_by
        return p is None or p.rule != CANDIDATE or p.feature("cue") in self.cues

    def apply(self, found: Sequence[Attribution]) -> list[Attribution]:
        """The suggestions to make of what the rules found: candidates of admitted cues
        only (none overlapping another suggestion's quote), each with its probability as
        its confidence, those under the threshold left out."""
        made = [a for a in found if not _is_candidate(a)]
        taken = [a.quote for a in made]
        for a in found:
            if not _is_candidate(a) or not self.admits(a):
                continue
            if not any(a.quote.overlaps(q) for q in taken):
                made.append(a)
                taken.append(a.quote)
        out = []
        for a in made:
            if a.made_by is None:
                out.append(a)
                continue
            p = self.probability(a.made_by)
            if p >= self.threshold:
                out.append(a.with_(confidence=round(p, 3)))
        if len(taken) > len(found) - sum(_is_candidate(a) for a in found):  # candidates came in
            out.sort(key=lambda a: (a.quote.start, a.quote.end))
        return out

    def held(self, found: Sequence[Attribution], made: Sequence[Attribution]) -> list[Attribution]:
        """What the rules found that is not among the suggestions ``made`` (candidates,
        those under the threshold): kept with the corpus too, so that another fit can
        be judged on all of it (``main.py evaluate --prequential``)."""
        shown = {(a.quote, a.made_by.rule) for a in made if a.made_by is not None}
        return [
            a for a in found if a.made_by is not None and (a.quote, a.made_by.rule) not in shown
        ]

    def as_json(self) -> str:
        return json.dumps(
            {
                "weights": dict(sorted(self.weights.items())),
                "scale": self.scale,
                "bias": self.bias,
                "cues": sorted(self.cues),
                "threshold": self.threshold,
                "through": self.through,
                "examples": self.examples,
            },
            sort_keys=True,
        )

    @classmethod
    def from_json(cls, text: str) -> Fit:
        """A stored fit; ValueError naming what is wrong with one that is not."""
        try:
            d = json.loads(text)
            weights = {str(k): _finite(v) for k, v in d["weights"].items()}
            cues = d["cues"]
            if not isinstance(cues, list) or not all(isinstance(c, str) for c in cues):
                raise ValueError("cues is not a list of words")
            return cls(
                weights=weights,
                scale=_finite(d["scale"]),
                bias=_finite(d["bias"]),
                cues=frozenset(cues),
                threshold=_finite(d["threshold"]),
                through=int(d["through"]),
                examples=int(d["examples"]),
            )
        except (TypeError, KeyError, AttributeError, json.JSONDecodeError) as exc:
            raise ValueError(f"not a fit ({exc!r})") from None

    def lines(self) -> list[str]:
        """What the fit says, for the terminal."""
        top = sorted(self.weights.items(), key=lambda kv: -abs(kv[1]))[:8]
        return [
            f"fitted through decision {self.through} on {self.examples} decided suggestions",
            f"learned cues: {', '.join(sorted(self.cues)) or 'none'}",
            f"threshold {self.threshold:.2f}; prior weight {self.scale:.2f}, bias {self.bias:.2f}",
            *(f"  {name}: {w:+.2f}" for name, w in top),
        ]


def _is_candidate(a: Attribution) -> bool:
    return a.made_by is not None and a.made_by.rule == CANDIDATE


def _finite(v: Any) -> float:
    x = float(v)
    if not math.isfinite(x):
        raise ValueError(f"{v!r} is not a finite number")
    return x


#: The fit of no decisions: every suggestion as the rules make it, no candidate.
PRIOR = Fit()


def admitted(examples: Iterable[Example]) -> frozenset[str]:
    """The candidates' cues that earned their place (:data:`MIN_RIGHT`, :data:`GATE`)."""
    right: Counter[str] = Counter()
    seen: Counter[str] = Counter()
    for e in examples:
        p = e.made_by
        if p.rule == CANDIDATE and e.kept is not None and p.feature("cue"):
            seen[p.feature("cue")] += 1
            right[p.feature("cue")] += e.kept
    return frozenset(
        cue
        for cue, n in seen.items()
        if right[cue] >= MIN_RIGHT and (right[cue] + 1) / (n + 2) >= GATE
    )


def fit(examples: Sequence[Example], added: int = 0, through: int = 0) -> Fit:
    """The fit of decided ``examples`` (suggestions and candidates), ``added`` the
    attributions added by hand (those a candidate ``covers`` among them)."""
    cues = admitted(examples)
    used = [
        e
        for e in examples
        if e.kept is not None and (e.made_by.rule != CANDIDATE or e.made_by.feature("cue") in cues)
    ]
    covered = {e.covers for e in used if e.kept and e.covers is not None}
    missed = added - len(covered)
    if not used:
        return Fit(cues=cues, through=through)
    seen = Counter(n for e in used for n in _names(e.made_by))
    names = sorted(n for n, k in seen.items() if k >= MIN_SEEN)
    column = {n: i + 2 for i, n in enumerate(names)}
    # examples alike (most are) are one row, with its count and its kept ones
    keys: dict[tuple[float, tuple[int, ...]], int] = {}
    alike = np.array(
        [
            keys.setdefault(
                (e.made_by.prior, tuple(column[n] for n in _names(e.made_by) if n in column)),
                len(keys),
            )
            for e in used
        ]
    )
    rows = np.zeros((len(keys), len(names) + 2))
    for (prior, cols), row in keys.items():
        rows[row, [0, 1, *cols]] = [_logit(prior), 1.0, *([1.0] * len(cols))]
    y = np.array([1.0 if e.kept else 0.0 for e in used])
    start = np.zeros(rows.shape[1])
    start[0] = 1.0
    w = _newton(rows, np.bincount(alike, y, len(rows)), np.bincount(alike, None, len(rows)), start)
    threshold = 0.0
    if len(used) >= MIN_EXAMPLES:
        threshold = _threshold(_held_out(rows, alike, y, start, w), y, missed)
    return Fit(
        weights={n: round(float(w[i]), 6) for n, i in column.items()},
        scale=round(float(w[0]), 6),
        bias=round(float(w[1]), 6),
        cues=cues,
        threshold=threshold,
        through=through,
        examples=len(used),
    )


def _newton(
    x: np.ndarray,
    kept: np.ndarray,
    count: np.ndarray,
    start: np.ndarray,
    init: np.ndarray | None = None,
) -> np.ndarray:
    """Logistic regression's weights of rows ``x``, each ``count`` examples of which
    ``kept`` were kept, penalised by :data:`PENALTY` towards ``start``; Newton's steps
    from ``init`` (``start`` when none), until they are below 1e-6."""
    w = (start if init is None else init).copy()
    eye = PENALTY * np.eye(len(w))
    for _ in range(25):
        p = 1 / (1 + np.exp(-(x @ w)))
        grad = x.T @ (count * p - kept) + PENALTY * (w - start)
        hess = (x * (count * p * (1 - p))[:, None]).T @ x + eye
        step = np.linalg.solve(hess, grad)
        w -= step
        if float(np.abs(step).max()) < 1e-6:
            break
    return w


def _held_out(
    rows: np.ndarray, alike: np.ndarray, y: np.ndarray, start: np.ndarray, w: np.ndarray
) -> np.ndarray:
    """Each example's probability from the fit of the other :data:`FOLDS` - 1 folds
    (runs of examples in their order, which is the articles'): what a fit says of
    suggestions it has not seen, for choosing a threshold that holds on new articles.
    Example ``i`` is row ``alike[i]`` of ``rows``; each fold's fit starts from the fit of
    all, ``w``, a few steps away."""
    out = np.zeros(len(y))
    bounds = np.linspace(0, len(y), FOLDS + 1).astype(int)
    for lo, hi in zip(bounds[:-1], bounds[1:], strict=True):
        rest = np.r_[0:lo, hi : len(y)]
        kept = np.bincount(alike[rest], y[rest], len(rows))
        fold = _newton(rows, kept, np.bincount(alike[rest], None, len(rows)), start, w)
        out[lo:hi] = 1 / (1 + np.exp(-(rows[alike[lo:hi]] @ fold)))
    return out


def _threshold(probs: np.ndarray, y: np.ndarray, missed: int) -> float:
    """The threshold of the best F1 on the decided suggestions (kept ones under it and
    those added by hand are missed), the lowest of equally good ones. Never over 0.5:
    with calibrated probabilities the best F1's threshold is half that F1 (Lipton et
    al., 2014, "Optimal thresholding of classifiers to maximize F1")."""
    best, chosen = -1.0, 0.0
    for t in THRESHOLDS:
        made = probs >= t
        tp = float((made & (y == 1)).sum())
        fp = float((made & (y == 0)).sum())
        fn = float((~made & (y == 1)).sum()) + missed
        f1 = 2 * tp / (2 * tp + fp + fn) if tp else 0.0
        if f1 > best + 1e-12:
            best, chosen = f1, t
    return chosen


def examples_of(
    made: Sequence[tuple[Attribution, bool | None]], kept: Sequence[tuple[object, Span, bool]]
) -> tuple[list[Example], int]:
    """The examples of one article and its attributions added by hand. ``made``: each
    suggestion or candidate as it was made, with whether it was kept (None: undecided,
    or a candidate); ``kept``: the article's kept attributions (key, quote, whether made
    by hand). A candidate is kept when it gives one added by hand, no evidence when it
    gives a kept suggestion."""
    out: list[Example] = []
    for a, decided in made:
        p = a.made_by
        if p is None:
            continue
        if p.rule != CANDIDATE:
            if decided is not None:
                out.append(Example(p, decided))
            continue
        same = [(key, by_hand) for key, quote, by_hand in kept if iou(a.quote, quote) >= SAME_QUOTE]
        hand = next((key for key, by_hand in same if by_hand), None)
        if hand is not None:
            out.append(Example(p, True, hand))
        else:
            out.append(Example(p, None if same else False))
    return out, sum(by_hand for _, _, by_hand in kept)
