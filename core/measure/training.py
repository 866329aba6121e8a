"""Training a tagger on the corpus's done articles and measuring it (issue 23,
docs/adr/0041): a part of the done articles is held out, the tagger is trained on the
rest (keeping the epoch whose suggestions, with the rules', score best on the held-out
part; whichever comes first where both have a quote, as scores better there), and its
figures on that part, alone and with the rules, are kept beside the rules' own: what
the user reads before switching it on."""

from __future__ import annotations

import json
import time
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass
from functools import cached_property
from multiprocessing.connection import Connection
from pathlib import Path
from typing import TYPE_CHECKING, Any

from core.config import model_name
from core.corpus import training as kept_trained
from core.corpus.errors import CorpusError
from core.corpus.integrity import Holder, holder_of
from core.corpus.learning import decided
from core.corpus.store import Store, now
from core.measure.evaluate import Counts, Score, align, by_overlap, items
from core.model import Article, Attribution, State
from core.suggest import Suggester, SuggestError
from core.suggest.learn import PRIOR
from core.suggest.paragraphs import paragraphs
from core.suggest.registry import Registry
from core.suggest.rules import ArticleRules, Paragraph
from core.suggest.tagger import (
    SURE,
    Cancelled,
    Parts,
    Progress,
    Scorer,
    Tagger,
    examples,
    fit_scorer,
    new,
    now_name,
    spans_of,
    train,
    union,
)
from core.tokens import doc_of, tokenize

if TYPE_CHECKING:
    from spacy.tokens import Doc

#: Epochs at most (training stops sooner once the held-out score stops rising).
EPOCHS = 12
#: The held-out part: every :data:`HELD_EVERY`-th done article, :data:`HELD_MAX` at most.
HELD_EVERY = 5
HELD_MAX = 50
#: The held-out precision aimed at (issue 23's goal): the epoch, threshold and order
#: kept are those of the best held-out F1 among those that reach it, else of the best.
PRECISION = 0.75
#: Done articles below which there is nothing to train on.
MIN_ARTICLES = 2
#: Folds of the held-out articles whose scorers say how sure the tagger is of the
#: others' suggestions (:func:`_out_of_fold`); fewer held-out articles fit none.
FOLDS = 5


@dataclass(frozen=True)
class Figures:
    """Attribution F1, precision and recall (PolNeAR's rules: ``by_overlap``) on the
    held-out done articles: the tagger alone, with the rules (what it suggests: the
    order, ``first``, that scored better there), the rules alone; the articles trained
    on and held out, epochs and seconds."""

    model: tuple[float, float, float]
    union: tuple[float, float, float]
    rules: tuple[float, float, float]
    first: str  # "tagger" or "rules": whose suggestions come first where both have one
    trained: int
    held: int
    epochs: int
    seconds: float
    #: How sure the tagger must be of a suggestion to make it (``Tagger.threshold``).
    threshold: float = 0.0
    #: Attribution F1 there of the tagger with the rules and of the rules alone by the
    #: project's own scorer (:func:`_by_guide`); None in figures stored before it.
    guide: tuple[float, float] | None = None

    @property
    def better(self) -> bool:
        """Whether the tagger with the rules beats the rules on the held-out part, and
        loses nothing there by the project's own scorer (docs/adr/0086)."""
        return self.union[0] > self.rules[0] and (
            self.guide is None or self.guide[0] >= self.guide[1]
        )

    def as_json(self) -> str:
        return json.dumps(asdict(self), sort_keys=True)

    @classmethod
    def from_json(cls, text: str) -> Figures:
        """Stored figures; ValueError when they are not."""
        try:
            d = json.loads(text)
            return cls(
                model=_three(d["model"]),
                union=_three(d["union"]),
                rules=_three(d["rules"]),
                first=_first(d["first"]),
                trained=int(d["trained"]),
                held=int(d["held"]),
                epochs=int(d["epochs"]),
                seconds=float(d["seconds"]),
                threshold=float(d.get("threshold", 0.0)),
                guide=(float(d["guide"][0]), float(d["guide"][1])) if d.get("guide") else None,
            )
        except (TypeError, KeyError, AttributeError, json.JSONDecodeError) as exc:
            raise ValueError(f"not a tagger's figures ({exc!r})") from None

    def lines(self) -> list[str]:
        """What the figures say, for the terminal and the app."""

        def f(x: tuple[float, float, float]) -> str:
            return f"F1 {x[0]:.3f} (P {x[1]:.3f}, R {x[2]:.3f})"

        return [
            f"trained on {self.trained} done articles in {self.seconds:.0f} s "
            f"({self.epochs} epochs); measured on {self.held} held out:",
            f"  tagger with the rules  {f(self.union)}, "
            + ("the tagger's first" if self.first == "tagger" else "the rules' first"),
            f"  tagger alone           {f(self.model)}"
            + (f", its suggestions at least {self.threshold:g} sure" if self.threshold else ""),
            f"  rules alone            {f(self.rules)}",
            *(
                [
                    f"  by the project's scorer (the speaker by name): tagger with the rules "
                    f"F1 {self.guide[0]:.3f}, rules alone {self.guide[1]:.3f}"
                ]
                if self.guide
                else []
            ),
        ]


def _first(v: Any) -> str:
    if v not in ("tagger", "rules"):
        raise ValueError(f"{v!r} comes first")
    return str(v)


def _three(v: Any) -> tuple[float, float, float]:
    f1, p, r = v
    return float(f1), float(p), float(r)


def _figures(c: Counts) -> tuple[float, float, float]:
    return (
        round(c.attribution_f1, 4),
        round(c.attribution_precision, 4),
        round(c.attribution_recall, 4),
    )


@dataclass
class _Held:
    """A held-out article: its paragraphs parsed as the tagger reads them and as the
    rules have read them, the rules' suggestions, the gold."""

    article: Article
    docs: list[Doc]
    paras: list[Paragraph]
    rules: list[Attribution]
    gold: list[Attribution]
    tokens: list[tuple[int, int]]

    @cached_property
    def by_rules(self) -> Counts:
        """The counts of the rules' suggestions alone (the same at every epoch)."""
        return by_overlap(self.tokens, self.gold, self.rules).counts


def held_out(n: int) -> set[int]:
    """Which of ``n`` done articles are held out (their indices): every
    :data:`HELD_EVERY`-th, :data:`HELD_MAX` at most, spread over all of them."""
    n_held = max(1, min(n // HELD_EVERY, HELD_MAX))
    step = n / n_held
    return {int(i * step + step - 1) for i in range(n_held)}


def _held(
    suggester: Suggester, done: Sequence[tuple[Article, Sequence[Attribution]]]
) -> list[_Held]:
    """The ``done`` articles parsed for scoring, with the rules' suggestions."""
    nlp = suggester.nlp
    rules = list(suggester.found_many([a for a, _ in done]))
    held = []
    for (art, gold), found in zip(done, rules, strict=True):
        parsed = list(nlp.pipe(doc_of(nlp.tokenizer, text) for _, text in paragraphs(art)))
        read, paras = ArticleRules(Registry()), []
        for k, ((start, _), doc) in enumerate(zip(paragraphs(art), parsed, strict=True)):
            paras.append(Paragraph(start, doc.copy()))
            read.add(k, paras[-1])
        held.append(_Held(art, parsed, paras, PRIOR.apply(found), list(gold), tokenize(art.text)))
    return held


def _found(tagger: Tagger, held: Sequence[_Held]) -> list[list[Attribution]]:
    """The tagger's suggestions in each held-out article, however unsure."""
    return [[a for a, _ in found] for found in _linked(tagger, held)]


def _linked(tagger: Tagger, held: Sequence[_Held]) -> list[list[tuple[Attribution, Parts]]]:
    """:func:`_found`, each suggestion with what how sure the tagger is of it is made
    of."""
    out = []
    for h in held:
        docs = list(tagger.pipe(h.docs))  # (each epoch tags them afresh)
        out.append(
            [
                got
                for para, d in zip(h.paras, docs, strict=True)
                for got in tagger.linked(para, h.article.text, spans_of(d))
            ]
        )
    return out


def _right(found: Sequence[Sequence[Attribution]], held: Sequence[_Held]) -> list[list[bool]]:
    """Whether each of the tagger's suggestions ``found`` in the ``held`` articles is
    right (paired with a gold one, its speaker right: ``by_overlap``)."""
    out = []
    for h, model in zip(held, found, strict=True):
        ok = [False] * len(model)
        for _, pi, matched in by_overlap(h.tokens, h.gold, model).pairs:
            ok[pi] = matched
        out.append(ok)
    return out


def _out_of_fold(
    linked: Sequence[Sequence[tuple[Attribution, Parts]]], right: Sequence[Sequence[bool]]
) -> list[list[float]]:
    """Each suggestion's probability by the :class:`Scorer` fitted on the other
    :data:`FOLDS` - 1 folds of the held-out articles (runs of them in their order): how
    sure a scorer is of suggestions it has not seen, to choose its threshold by."""
    bounds = [round(len(linked) * k / FOLDS) for k in range(FOLDS + 1)]
    out: list[list[float]] = []
    for lo, hi in zip(bounds[:-1], bounds[1:], strict=True):
        rest = [i for i in range(len(linked)) if not lo <= i < hi]
        scorer = fit_scorer(
            [p for i in rest for _, p in linked[i]], [r for i in rest for r in right[i]]
        )
        out += [[scorer.probability(p) for _, p in linked[i]] for i in range(lo, hi)]
    return out


def _sure(a: Attribution) -> float:
    """A tagger's suggestion's bin of :data:`SURE` (its lower end)."""
    return float(a.made_by.feature("sure")) if a.made_by is not None else 0.0


def _scores(
    found: Sequence[Sequence[Attribution]],
    held: Sequence[_Held],
    threshold: float = 0.0,
    seen: dict[tuple[int, int], tuple[Counts, Counts, Counts]] | None = None,
) -> tuple[Counts, Counts, Counts, Counts]:
    """The counts on the held-out articles of the tagger's suggestions ``found`` there
    at least as sure as ``threshold``: alone, with the rules (its suggestions first, the
    rules' first), the rules alone. ``seen`` keeps each article's counts by how many of
    its suggestions the threshold kept, for a caller that scores the same ``found`` at
    several thresholds: a threshold keeps a part of what any lower one keeps, so as
    many kept are the same ones, scored once."""
    alone, ours, theirs, rules = Counts(), Counts(), Counts(), Counts()
    seen = {} if seen is None else seen
    for i, (h, all_found) in enumerate(zip(held, found, strict=True)):
        model = [a for a in all_found if _sure(a) >= threshold]
        key = (i, len(model))
        if key not in seen:
            tagger_first, rules_first = (
                by_overlap(h.tokens, h.gold, PRIOR.apply(union(model, h.rules, first))).counts
                for first in (False, True)
            )
            seen[key] = (by_overlap(h.tokens, h.gold, model).counts, tagger_first, rules_first)
        for total, counts in zip((alone, ours, theirs), seen[key], strict=True):
            total.add(counts)
        rules.add(h.by_rules)
    return alone, ours, theirs, rules


def _by_guide(
    tagger: Tagger, found: Sequence[Sequence[Attribution]], held: Sequence[_Held]
) -> tuple[float, float]:
    """The attribution F1 on the ``held`` articles of ``tagger``'s suggestions ``found``
    there as it suggests (at least as sure as its threshold, named as the rules name the
    same mentions, with the rules' in its order), and of the rules' alone, by the
    project's own scorer (core/measure/evaluate.py: a quote by its overlap, its speaker
    by name, where PolNeAR's rules take any mention overlapping the source): what a
    corpus of the project's guide counts (issue 23, item 5; docs/adr/0086)."""
    ours, rules = Score(), Score()
    for h, all_found in zip(held, found, strict=True):
        text = h.article.text
        model = [a for a in all_found if _sure(a) >= tagger.threshold]
        both = union(tagger.named(model, h.rules, Registry()), h.rules, tagger.rules_first)
        gold = items(text, h.gold)
        ours.add(align(gold, items(text, PRIOR.apply(both))))
        rules.add(align(gold, items(text, h.rules)))
    return round(ours.overall.attribution_f1, 4), round(rules.overall.attribution_f1, 4)


def _priors(found: Sequence[Sequence[Attribution]], held: Sequence[_Held]) -> dict[str, float]:
    """Each bin of :data:`SURE`'s prior: the held-out precision of the tagger's
    suggestions in it (a Beta(1, 1) mean, short of certainty either way)."""
    right: dict[str, list[bool]] = {}
    for model, ok in zip(found, _right(found, held), strict=True):
        for a, r in zip(model, ok, strict=True):
            right.setdefault(str(_sure(a)), []).append(r)
    return {
        b: round(max(0.05, min((sum(r) + 1) / (len(r) + 2), 0.95)), 3)
        for b, r in sorted(right.items())
    }


def _chosen(
    found: Sequence[Sequence[Attribution]], held: Sequence[_Held]
) -> tuple[tuple[bool, float], float, bool, tuple[Counts, Counts, Counts, Counts]]:
    """Of the thresholds (:data:`SURE`) and the two orders of the tagger's suggestions
    ``found`` in the ``held`` articles with the rules', the best F1 there among those
    whose precision reaches :data:`PRECISION`, else the best F1 (the lower threshold
    and the tagger's first of equals): its score (whether it reaches the precision, its
    F1), threshold, order (the rules' first) and counts (:func:`_scores`)."""
    best: tuple[tuple[bool, float], float, bool, tuple[Counts, Counts, Counts, Counts]] | None
    best = None
    seen: dict[tuple[int, int], tuple[Counts, Counts, Counts]] = {}
    for floor in SURE:
        counts = _scores(found, held, floor, seen)
        for rules_first, c in ((False, counts[1]), (True, counts[2])):
            key = _key(c)
            if best is None or key > best[0]:
                best = (key, floor, rules_first, counts)
    assert best is not None
    return best


def _key(c: Counts) -> tuple[bool, float]:
    """How well suggestions scored ``c`` on the held-out articles: whether their
    precision reaches :data:`PRECISION`, then their F1."""
    return c.attribution_precision >= PRECISION, c.attribution_f1


def choose(tagger: Tagger, held: Sequence[_Held]) -> tuple[Counts, Counts, Counts]:
    """:func:`_choose`'s counts."""
    return _choose(tagger, held)[0]


def _choose(
    tagger: Tagger, held: Sequence[_Held]
) -> tuple[tuple[Counts, Counts, Counts], list[list[Attribution]]]:
    """Choose ``tagger``'s threshold, order and priors on the ``held`` articles
    (:func:`_chosen`, :func:`_priors`) for its weights as they are, and whether it is
    as sure as a :class:`Scorer` fitted there says (its threshold and priors chosen on
    each suggestion's probability from the scorer of the other folds,
    :func:`_out_of_fold`) or as :attr:`Tagger.sure_of` (kept when the scorer does not
    score better there); its counts there alone, with the rules (in the order chosen)
    and the rules' alone, and its suggestions there as chosen (however sure)."""
    tagger.use_scorer(None)
    linked = _linked(tagger, held)
    found = [[a for a, _ in got] for got in linked]
    best = _chosen(found, held)
    if len(held) >= FOLDS:
        right = _right(found, held)
        scored = [
            [tagger.binned(a, p) for a, p in zip(got, sure, strict=True)]
            for got, sure in zip(found, _out_of_fold(linked, right), strict=True)
        ]
        by_scorer = _chosen(scored, held)
        if by_scorer[0] > best[0]:
            best, found = by_scorer, scored
            tagger.use_scorer(
                fit_scorer([p for got in linked for _, p in got], [r for ok in right for r in ok])
            )
    _, tagger.threshold, tagger.rules_first, (alone, ours, theirs, by_rules) = best
    tagger.prior = round(max(0.05, min(alone.attribution_precision, 0.95)), 3)
    tagger.priors = _priors(found, held)
    return (alone, theirs if tagger.rules_first else ours, by_rules), found


@dataclass(frozen=True)
class _Choice:
    """What :func:`_choose` chose for a tagger's weights: its threshold, order, priors
    and scorer."""

    threshold: float
    rules_first: bool
    prior: float
    priors: dict[str, float]
    scorer: Scorer | None

    @classmethod
    def of(cls, tagger: Tagger) -> _Choice:
        return cls(
            tagger.threshold, tagger.rules_first, tagger.prior, dict(tagger.priors), tagger.scorer
        )

    def put(self, tagger: Tagger) -> None:
        tagger.threshold, tagger.rules_first = self.threshold, self.rules_first
        tagger.prior, tagger.priors = self.prior, dict(self.priors)
        tagger.use_scorer(self.scorer)


def train_tagger(
    suggester: Suggester,
    done: Sequence[tuple[Article, Sequence[Attribution]]],
    epochs: int = EPOCHS,
    progress: Callable[[Progress], None] = lambda p: None,
    cancelled: Callable[[], bool] = lambda: False,
    name: str | None = None,
    watch: Callable[[int, Tagger], None] = lambda epoch, tagger: None,
    seed: int = 0,
) -> tuple[Tagger, Figures]:
    """A tagger trained on the ``done`` articles (each with its kept attributions) but
    a held-out part, and its figures there; ``watch`` is shown each epoch's tagger;
    ``seed`` draws the order of its examples and its dropout (:func:`core.suggest.tagger.train`).
    The epoch kept is that whose weights score best there as :func:`choose` keeps the
    last's (with a scorer where the held-out part chooses one; issue 23's tenth round),
    with what was chosen for it then (its weights tag as they did: not chosen again).
    Raises :class:`Cancelled`."""
    if len(done) < MIN_ARTICLES:
        raise ValueError(
            f"{len(done)} done article(s): at least {MIN_ARTICLES} are needed to train"
        )
    t = time.perf_counter()
    held_at = held_out(len(done))
    n_held = len(held_at)
    nlp = suggester.nlp
    held = _held(suggester, [done[i] for i in sorted(held_at)])
    tagger = new(nlp, name or now_name(suggester.model))
    train_ex = [
        ex for i, (a, g) in enumerate(done) if i not in held_at for ex in examples(nlp, a, g)
    ]
    chosen: list[tuple[tuple[Counts, Counts, Counts], list[list[Attribution]], _Choice]] = []

    def score(tg: Tagger) -> tuple[bool, float]:  # (each epoch as the last is kept)
        watch(len(chosen) + 1, tg)
        counts, found = _choose(tg, held)
        chosen.append((counts, found, _Choice.of(tg)))
        return _key(counts[1])

    kept = train(tagger, nlp, train_ex, score, epochs, progress, cancelled, seed)
    (alone, both, by_rules), found, choice = chosen[kept - 1]  # (its weights, chosen so)
    choice.put(tagger)
    return tagger, Figures(
        _figures(alone),
        _figures(both),
        _figures(by_rules),
        "rules" if tagger.rules_first else "tagger",
        len(done) - n_held,
        n_held,
        len(chosen),
        round(time.perf_counter() - t, 1),
        tagger.threshold,
        _by_guide(tagger, found, held),
    )


def done_articles(store: Store) -> tuple[int, list[tuple[Article, list[Attribution]]]]:
    """The decision the corpus stands at, and its done articles with their accepted
    attributions, in id order."""
    at = decided(store)
    out = []
    for art_id in at.done:
        kept = [a for a in store.attributions(art_id) if a.state == State.ACCEPTED]
        out.append((store.article(art_id), kept))
    return at.through, out


def train_corpus(
    store: Store,
    suggester: Suggester,
    epochs: int = EPOCHS,
    progress: Callable[[Progress], None] = lambda p: None,
    cancelled: Callable[[], bool] = lambda: False,
) -> Figures:
    """Train a tagger on the corpus's done articles and keep it, switched on when with
    the rules it beats them on the held-out part (and is not below them there by the
    project's own scorer: docs/adr/0086). Raises :class:`Cancelled` (nothing
    kept), ValueError when there is too little to train on."""
    through, done = done_articles(store)
    tagger, figures = train_tagger(suggester, done, epochs, progress, cancelled)
    if cancelled():
        raise Cancelled
    kept_trained.store_trained(
        store,
        kept_trained.Kept(
            tagger.name,
            suggester.model,
            through,
            now(),
            figures.as_json(),
            json.dumps(
                {
                    "config": json.loads(tagger.config()),
                    "prior": tagger.prior,
                    "rules_first": tagger.rules_first,
                    "threshold": tagger.threshold,
                    "priors": tagger.priors,
                }
            ),
            tagger.to_bytes(),
        ),
        on=figures.better,
    )
    return figures


def train_apart(
    path: Path,
    model: str | None,
    epochs: int = EPOCHS,
    progress: Callable[[int, int], None] = lambda done, total: None,
    cancelled: Callable[[], bool] = lambda: False,
) -> Figures | None:
    """:func:`train_corpus` in a process of its own (spawned, as every worker of ours:
    :mod:`core.worker`), so that the app's interpreter is never held: progress comes
    back through a pipe; ``cancelled`` kills the process (its transaction never was:
    None). A tagger that was not kept raises CorpusError saying why."""
    from core.worker import CONTEXT

    receive, send = CONTEXT.Pipe(duplex=False)
    process = CONTEXT.Process(
        target=_train_at,
        args=(str(path), model_name(model), epochs, send, holder_of(path)),
        daemon=True,
    )
    process.start()
    send.close()
    said: object = None
    while True:
        if cancelled():
            process.kill()
            process.join()
            return None
        if receive.poll(0.1):  # (how often a cancel is seen)
            try:
                said = receive.recv()
            except EOFError:
                break
            if isinstance(said, tuple):
                progress(*said)
                continue
            break
        if not process.is_alive() and not receive.poll():  # (what it sent before it ended)
            break
    process.join()
    if isinstance(said, str):
        return Figures.from_json(said)
    why = said.message if isinstance(said, _Failed) else f"its process ended ({process.exitcode})"
    raise CorpusError(f"The tagger was not trained: {why}")


@dataclass(frozen=True)
class _Failed:
    message: str


def _train_at(path: str, model: str, epochs: int, send: Connection, holder: Holder | None) -> None:
    """:func:`train_apart`'s process: train, then send the figures (JSON) or why not.
    It opens the corpus as held by the process that started it, if that one holds it
    (docs/adr/0042): the app's ``-wal`` is no unclean shutdown."""
    try:
        with Store(path, create=False, holder=holder) as store:
            figures = train_corpus(
                store,
                Suggester(model),
                epochs,
                lambda p: send.send((p.done, p.total)),
            )
    except (CorpusError, SuggestError, OSError, ValueError) as exc:
        send.send(_Failed(str(exc) or type(exc).__name__))
        return
    send.send(figures.as_json())
