"""A tagger trained on the corpus's done articles (issue 23, docs/adr/0041): a spaCy
``ner`` component labelling each token QUOTE, SPEAKER or CUE (or none), its own
``tok2vec`` started from the weights of the pinned pipeline's, and a linker that makes
attributions of what it tags: for each quote (all its quotation marks hold, when it is
in some) the nearest cue in the sentences it spans (then in those beside them), and the
subject the parse gives that cue, else the tagged speaker nearest it; a tagged cue no
quote took has the clause the rules read as its report.

The component runs on the paragraphs the rules parse (:meth:`Suggester.found_many`):
one tokenization and one parse serve both, and the linker reads the parser's sentences
and the rules' reading of each paragraph.
It shares the pipeline's vocabulary, so what is stored is the component alone (its
config and its bytes), a few megabytes.
"""

from __future__ import annotations

import json
import math
import random
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any, cast

from core.model import Article, Attribution, Span
from core.suggest.marks import quote_type
from core.suggest.paragraphs import paragraphs
from core.suggest.registry import Registry
from core.tokens import doc_of

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.pipeline import EntityRecognizer, Tok2Vec
    from spacy.tokens import Doc, Token
    from spacy.tokens import Span as TokenSpan

    from core.suggest.rules import Paragraph

QUOTE, SPEAKER, CUE = "QUOTE", "SPEAKER", "CUE"
LABELS = (QUOTE, SPEAKER, CUE)
#: The rule of every suggestion the tagger makes (:class:`core.model.MadeBy`).
RULE = "tagger"
#: The component's name beside the pipeline's own (never added to its ``pipe_names``).
COMPONENT = "quotelab_tagger"
#: Words per update, as ``spacy train``'s default batcher makes them (paragraphs, the
#: examples, are not cut): from the first to the second, growing by the third factor
#: at each update.
BATCH_WORDS = (100.0, 1000.0, 1.001)
#: Dropout while training.
DROPOUT = 0.1
#: The optimizer's weight decay (Adam's, as ``spacy train``'s default).
L2 = 0.01
#: Epochs without a better held-out F1 after which training stops, once they are
#: also this many updates (a small corpus's epochs are a few updates each).
PATIENCE = 6
PATIENT_UPDATES = 200
#: Words trained at most, in whole epochs (at least one): a training's time is about
#: the words it trains, so a large corpus trains fewer epochs (each of more updates).
#: 8 epochs of 782 PolNeAR articles (693,174 words each), 15 minutes of CPU on
#: the 2-core machine issue 23 measures on; a corpus of up to 500,000 words (about 560
#: such articles) trains its 12 (issue 23's fifteenth round).
WORDS = 6_000_000
#: How sure the tagger is of a suggestion (:meth:`Tagger.sure`): the lower ends of its
#: bins, each the feature ``sure`` the re-scorer reads (docs/adr/0041); a tagger's
#: threshold is one of them (by 0.05 from 0.2: its scorer's probabilities reach lower
#: than the moves' own, :class:`Scorer`).
SURE = (0.0, *(round(0.05 * i, 2) for i in range(4, 19)))
#: Where a tagged doc keeps its spans (:func:`spans_of`): in characters, so that they
#: outlive the rules' mending of its names (they merge tokens).
_SPANS = "quotelab_tagger_spans"
#: How sure the tagger is of a suggestion, from how sure it was of its quote, its cue
#: and its speaker (the tagged one nearest the cue): their geometric mean (since issue
#: 23's eighth round), or the least of them (a tagger stored before, whose threshold and
#: priors were chosen on that).
GEOMETRIC, LEAST = "geometric", "least"
#: The key of a tagger's stored config that says which (absent: :data:`LEAST`); not
#: the component's.
SURE_OF = "quotelab_sure"
#: The key of a tagger's stored config that holds its :class:`Scorer` (absent: none,
#: as stored before issue 23's ninth round); not the component's.
SCORER = "quotelab_scorer"


class Cancelled(Exception):
    """Training was cancelled."""


@dataclass(frozen=True)
class Parts:
    """What how sure the tagger is of a suggestion is made of: how sure it was of its
    quote, its cue and the tagged speaker nearest the cue (:func:`link`), the quote's
    length and its gap to the cue (tokens)."""

    quote: float
    cue: float
    speaker: float
    length: int = 1
    gap: int = 0

    def features(self) -> list[float]:
        """What a :class:`Scorer` reads: the three probabilities' logs, the length's
        and the gap's (each plus one)."""
        return [
            *(math.log(max(p, 1e-4)) for p in (self.quote, self.cue, self.speaker)),
            math.log1p(self.length),
            math.log1p(self.gap),
        ]


#: How many features a :class:`Scorer` reads (:meth:`Parts.features`).
N_FEATURES = 5


@dataclass(frozen=True)
class Scorer:
    """How sure the tagger is of a suggestion as a logistic model of its
    :meth:`Parts.features` (each standardized by ``mean`` and ``scale``; the bias is
    the first of ``weights``), fitted on the held-out done articles' suggestions, right
    or not (:func:`fit_scorer`; issue 23's ninth round)."""

    mean: tuple[float, ...]
    scale: tuple[float, ...]
    weights: tuple[float, ...]

    def probability(self, parts: Parts) -> float:
        z = self.weights[0] + sum(
            w * (x - m) / s
            for w, x, m, s in zip(
                self.weights[1:], parts.features(), self.mean, self.scale, strict=True
            )
        )
        return 1 / (1 + math.exp(-max(-50.0, min(z, 50.0))))

    def as_json(self) -> dict[str, list[float]]:
        return {"mean": list(self.mean), "scale": list(self.scale), "weights": list(self.weights)}

    @classmethod
    def from_json(cls, d: Any) -> Scorer:
        """A stored scorer; ValueError when it is not one."""
        try:
            got = [tuple(float(x) for x in d[k]) for k in ("mean", "scale", "weights")]
        except (TypeError, KeyError, ValueError) as exc:
            raise ValueError(f"not a scorer ({exc!r})") from None
        mean, scale, weights = got
        if (len(mean), len(scale), len(weights)) != (N_FEATURES, N_FEATURES, N_FEATURES + 1):
            raise ValueError(f"not a scorer ({len(weights)} weights)")
        if not all(math.isfinite(x) for x in (*mean, *scale, *weights)) or min(scale) <= 0:
            raise ValueError("not a scorer (a weight or scale out of range)")
        return cls(mean, scale, weights)


def fit_scorer(parts: Sequence[Parts], right: Sequence[bool]) -> Scorer:
    """The :class:`Scorer` of suggestions made of ``parts``, each ``right`` or not: a
    logistic regression by :func:`core.suggest.learn._newton` (its L2 penalty towards
    0) over the standardized features."""
    import numpy

    from core.suggest.learn import _newton

    x = numpy.array([p.features() for p in parts]).reshape(len(parts), N_FEATURES)
    mean = x.mean(axis=0) if len(parts) else numpy.zeros(N_FEATURES)
    scale = x.std(axis=0) if len(parts) else numpy.ones(N_FEATURES)
    scale[scale < 1e-3] = 1.0  # (a feature all alike: its weight stays 0)
    rows = numpy.c_[numpy.ones(len(parts)), (x - mean) / scale]
    y = numpy.array([1.0 if r else 0.0 for r in right])
    w = _newton(rows, y, numpy.ones(len(y)), numpy.zeros(N_FEATURES + 1))
    return Scorer(
        tuple(round(float(v), 6) for v in mean),
        tuple(round(float(v), 6) for v in scale),
        tuple(round(float(v), 6) for v in w),
    )


def _config(nlp: Language) -> dict[str, Any]:
    """The component's config: spaCy's NER model over a ``tok2vec`` of the pipeline's
    own architecture (whose weights :func:`new` copies in)."""
    t2v = nlp.config.interpolate()["components"]["tok2vec"]["model"]
    return {
        "model": {
            "@architectures": "spacy.TransitionBasedParser.v2",
            "state_type": "ner",
            "extra_state_tokens": False,
            "hidden_width": 64,
            "maxout_pieces": 2,
            "use_upper": True,
            "nO": None,
            "tok2vec": t2v,
        }
    }


@dataclass
class Tagger:
    """A trained component, the name its suggestions carry (``MadeBy.source``), their
    prior (the tagger's held-out precision: what the re-scorer starts from; by how sure
    it was, :attr:`priors`), the least sure it makes, and which come first in the
    :func:`union` with the rules'."""

    name: str
    component: EntityRecognizer
    settings: dict[str, Any]
    prior: float = 0.5
    #: Whose suggestions come first where both have a quote: the rules' (True) or the
    #: tagger's, as they scored better on the held-out done articles.
    rules_first: bool = False
    #: Suggestions less sure than this (one of :data:`SURE`) are not made.
    threshold: float = 0.0
    #: The prior of a suggestion by its bin of :data:`SURE` (its held-out precision);
    #: a bin not here has :attr:`prior`.
    priors: dict[str, float] = field(default_factory=dict)
    #: How sure it is of a suggestion, when it has one (kept in :attr:`settings` too).
    scorer: Scorer | None = None

    @property
    def sure_of(self) -> str:
        """How sure it is of a suggestion without a :attr:`scorer`: :data:`GEOMETRIC` or
        :data:`LEAST`."""
        return str(self.settings.get(SURE_OF, LEAST))

    def sure(self, parts: Parts) -> float:
        """How sure it is of a suggestion made of ``parts``: its :attr:`scorer`'s
        probability, else (a tagger stored before issue 23's ninth round, or one whose
        held-out part did not choose one) :attr:`sure_of` of the three probabilities."""
        if self.scorer is not None:
            return self.scorer.probability(parts)
        return _sure((parts.quote, parts.cue, parts.speaker), self.sure_of)

    def use_scorer(self, scorer: Scorer | None) -> None:
        """Be as sure as ``scorer`` says (none: :attr:`sure_of`), kept in its config."""
        self.scorer = scorer
        self.settings.pop(SCORER, None)
        if scorer is not None:
            self.settings[SCORER] = scorer.as_json()

    def to_bytes(self) -> bytes:
        return bytes(self.component.to_bytes(exclude=["vocab"]))

    def config(self) -> str:
        return json.dumps(self.settings, sort_keys=True)

    def pipe(self, docs: Iterable[Doc], batch_size: int = 64) -> Iterator[Doc]:
        """The docs (parsed by the pipeline) with the tagger's spans as their ``ents``
        and how sure it was of each token's (:func:`_tag`)."""
        from spacy.util import minibatch

        for batch in minibatch(docs, batch_size):  # type: ignore[no-untyped-call]
            _tag(self.component, batch)
            yield from batch

    def paragraph(
        self,
        para: Paragraph,
        text: str,
        threshold: float | None = None,
        spans: Sequence[Tagged] | None = None,
    ) -> list[Attribution]:
        """The attributions of one paragraph of the article's ``text`` that the rules
        have read (:func:`link`: the rules' ``para``, its quotation marks found and its
        names mended; the tagger's ``spans`` those it tagged there, :func:`spans_of`)
        at least as sure as ``threshold`` (the tagger's own by default), each with what
        made it, its bin of :data:`SURE` among its features and that bin's prior."""
        floor = self.threshold if threshold is None else threshold
        return [a for a, parts in self.linked(para, text, spans) if self.sure(parts) >= floor]

    def linked(
        self, para: Paragraph, text: str, spans: Sequence[Tagged] | None = None
    ) -> list[tuple[Attribution, Parts]]:
        """:meth:`paragraph`'s attributions however unsure, each with what how sure it
        is of it is made of."""
        from core.suggest.rules import with_made_by

        out = []
        got = spans_of(para.doc) if spans is None else spans
        for a, parts in link(para, got, text):
            made = with_made_by(a, para, RULE)
            assert made.made_by is not None
            made = made.with_(made_by=replace(made.made_by, source=self.name))
            out.append((self.binned(made, self.sure(parts)), parts))
        return out

    def binned(self, a: Attribution, sure: float) -> Attribution:
        """The tagger's suggestion ``a`` as ``sure``: its bin of :data:`SURE` among its
        features (in place of any before) and that bin's prior as its confidence."""
        assert a.made_by is not None
        bin_ = str(max(b for b in SURE if b <= sure))
        features = (*(f for f in a.made_by.features if f[0] != "sure"), ("sure", bin_))
        prior = self.priors.get(bin_, self.prior)
        return a.with_(confidence=prior, made_by=replace(a.made_by, features=features, prior=prior))

    def named(
        self, found: Sequence[Attribution], rules: Sequence[Attribution], registry: Registry
    ) -> list[Attribution]:
        """The article's attributions with their speakers' names: the rules' for the
        same mention (a pronoun they resolved), else the known speaker's the mention
        names, else the mention."""
        names = {a.speaker: a.speaker_name for a in rules if a.speaker and a.speaker_name}
        out = []
        for a in found:
            name = names.get(a.speaker) if a.speaker is not None else None
            if name is None and a.speaker_name:
                name = registry.canonical(a.speaker_name)
            out.append(a if name is None else a.with_(speaker_name=name))
        return out


def _tag(component: EntityRecognizer, docs: Sequence[Doc]) -> None:
    """Tag ``docs`` as the component's greedy parse does (the best valid move at each
    token), keeping in each doc its spans with how sure it was of each (:func:`spans_of`:
    the least probability of the moves that tagged its tokens, each a softmax of the
    model's scores over the valid moves, what its training fits).

    Each doc is tagged as a copy of its tokens (their text, spaces and norms) with no
    sentences: the examples it learned from have none (:func:`examples`), and spaCy's
    NER never carries a span over a sentence start, so the parse's sentences would cut
    a quotation it learned whole. Then which moves are valid at a token depends only on
    the label of the span open there (none at first), whether it is the doc's last
    token and whether it is a space (spaCy's ``ner.pyx``): each such kind of state is
    asked once, and each token's moves are chosen and weighed for the whole batch at
    once."""
    import numpy
    from spacy.tokens import Doc
    from spacy.tokens import Span as Entity

    moves = component.moves
    names = [moves.get_class_name(i) for i in range(moves.n_moves)]
    labels = [None, *LABELS]
    # the span each move leaves open (its index in ``labels``): B- and I- keep one
    opens = numpy.array(
        [labels.index(n[2:]) if n[:2] in ("B-", "I-") and n[2:] in LABELS else 0 for n in names]
    )
    given, docs = docs, []
    for d in given:
        bare = Doc(d.vocab, words=[t.text for t in d], spaces=[bool(t.whitespace_) for t in d])
        if len(d):
            bare.from_array(["NORM"], d.to_array(["NORM"]))  # type: ignore[arg-type]
        docs.append(bare)
    states = moves.init_batch(docs)
    longest = max((len(d) for d in docs), default=0)
    kind = numpy.zeros((len(docs), longest + 1), dtype=int)  # a token's bits of state
    for i, doc in enumerate(docs):
        n = len(doc)
        kind[i, :n] = doc.to_array("IS_SPACE") if n else 0
        kind[i, n - 1] += 2 if n else 0
    sure = numpy.ones((len(docs), longest))
    lengths = numpy.array([len(d) for d in docs])
    todo = numpy.array([i for i, s in enumerate(states) if not s.is_final()], dtype=int)
    if len(todo):
        model = component.model.predict(docs)
        valid = numpy.zeros((4 * len(labels), len(names)), dtype=bool)
        asked = numpy.zeros(4 * len(labels), dtype=bool)
        open_ = numpy.zeros(len(docs), dtype=int)
        t = 0  # every state reads one token a move: the t-th of its doc
        while len(todo):
            batch = [states[i] for i in todo]
            scores = model.predict(batch)
            keys = 4 * open_[todo] + kind[todo, t]
            for k in numpy.unique(keys[~asked[keys]]):
                state = batch[int(numpy.argmax(keys == k))]
                valid[k] = [moves.is_valid(state, n) for n in names]
                asked[k] = True
            masked = numpy.where(valid[keys], scores, -numpy.inf)
            best = masked.argmax(axis=1)
            top = masked[numpy.arange(len(todo)), best]
            sure[todo, t] = 1 / numpy.exp(masked - top[:, None]).sum(axis=1)
            open_[todo] = opens[best]
            component.transition_states(batch, scores)
            t += 1
            todo = todo[lengths[todo] > t]
        model.clear_memory()
    component.set_annotations(docs, states)
    for i, (doc, d) in enumerate(zip(docs, given, strict=True)):
        d.ents = [Entity(d, e.start, e.end, label=e.label_) for e in doc.ents]  # (its tokens)
        d.user_data[_SPANS] = [
            Tagged(e.label_, e.start_char, e.end_char, float(sure[i, e.start : e.end].min()))
            for e in doc.ents
        ]


@dataclass(frozen=True)
class Tagged:
    """A span the tagger tagged in a paragraph (its characters there) and how sure it
    was of it."""

    label: str
    start: int
    end: int
    sure: float = 1.0


def spans_of(doc: Doc) -> list[Tagged]:
    """The spans the tagger tagged in ``doc`` (:meth:`Tagger.pipe`); its ``ents``, sure,
    in a doc tagged otherwise."""
    kept = doc.user_data.get(_SPANS)
    if kept is not None:
        return list(kept)
    return [Tagged(e.label_, e.start_char, e.end_char) for e in doc.ents]


def new(nlp: Language, name: str) -> Tagger:
    """An untrained tagger beside ``nlp`` (sharing its vocabulary)."""
    for label in LABELS:
        nlp.vocab.strings.add(label)
    config = {**_config(nlp), SURE_OF: GEOMETRIC}
    return Tagger(name, _component(nlp, config), config)


def _component(nlp: Language, config: dict[str, Any]) -> EntityRecognizer:
    own = {k: v for k, v in config.items() if k not in (SURE_OF, SCORER)}
    return cast("EntityRecognizer", nlp.create_pipe("ner", name=COMPONENT, config=own))


def load(
    nlp: Language,
    name: str,
    config: str,
    data: bytes,
    prior: float,
    rules_first: bool = False,
    threshold: float = 0.0,
    priors: dict[str, float] | None = None,
) -> Tagger:
    """A stored tagger (:meth:`Tagger.to_bytes`, :meth:`Tagger.config`); ValueError when
    the bytes are not one."""
    for label in LABELS:
        nlp.vocab.strings.add(label)
    try:
        cfg = json.loads(config)
        component = _component(nlp, cfg)
        component.from_bytes(data, exclude=["vocab"])
    except Exception as exc:  # spaCy and thinc raise many kinds on bad bytes
        raise ValueError(f"not a trained tagger ({type(exc).__name__}: {exc})") from None
    if set(component.labels) != set(LABELS):
        raise ValueError(f"not a trained tagger (labels {sorted(component.labels)})")
    if cfg.get(SURE_OF, LEAST) not in (GEOMETRIC, LEAST):
        raise ValueError(f"not a trained tagger ({SURE_OF} {cfg[SURE_OF]!r})")
    scorer = Scorer.from_json(cfg[SCORER]) if SCORER in cfg else None
    return Tagger(name, component, cfg, prior, rules_first, threshold, dict(priors or {}), scorer)


# -- linking ------------------------------------------------------------------------------


def _gap(a: TokenSpan, b: TokenSpan) -> int:
    """Tokens between two spans (0 when they touch or overlap)."""
    return max(0, a.start - b.end, b.start - a.end)


def _nearest(
    spans: Sequence[TokenSpan],
    to: TokenSpan,
    sents: Sequence[TokenSpan],
    at: int,
    last: int | None = None,
) -> TokenSpan | None:
    """The span nearest ``to`` in sentences ``at`` to ``last`` (by index in ``sents``;
    ``at`` alone by default), else in the sentences beside them (before, then after)."""
    last = at if last is None else last
    for lo, hi in ((at, last), (at - 1, at - 1), (last + 1, last + 1)):
        if 0 <= lo and hi < len(sents):
            inside = [x for x in spans if sents[lo].start <= x.start < sents[hi].end]
            if inside:
                return min(inside, key=lambda x: (_gap(x, to), x.start))
    return None


def _in_marks(
    para: Paragraph, quotes: Sequence[TokenSpan], others: Sequence[TokenSpan]
) -> list[TokenSpan]:
    """The tagged quotes, each that starts or ends inside quotation marks grown to all
    of what they hold, the marks with it (the tagger cuts a long quotation at its
    sentences), unless a tagged cue or speaker is there; overlapping ones as one."""
    doc = para.doc
    out: list[TokenSpan] = []
    for q in quotes:
        k = para.in_quote[q.start] or para.in_quote[q.end - 1]
        if k:
            inside = [i for i, n in enumerate(para.in_quote) if n == k]
            start, end = min(inside[0], q.start), max(inside[-1] + 1, q.end)
            if not any(start <= o.start < end for o in others):
                q = doc[start:end]
        if out and q.start < out[-1].end:
            out[-1] = doc[out[-1].start : max(out[-1].end, q.end)]
        else:
            out.append(q)
    return out


def _verb_of(cue: TokenSpan) -> Token:
    """A tagged cue's verb (``said``, ``told`` of ``has told``), else its auxiliary,
    else its root (``according to``)."""
    for pos in ("VERB", "AUX"):
        verb = next((t for t in cue if t.pos_ == pos), None)
        if verb is not None:
            return verb
    return cue.root


#: The lemmas of cue verbs whose subject is what is reported on, not its source
#: (``appears to``, ``seems``: raising verbs; issue 23's ninth round).
RAISING = ("appear", "seem")


def _no_source(cue: TokenSpan) -> bool:
    """Whether a tagged cue's verb is passive with no agent (``is expected``, ``was
    asked``: :func:`core.suggest.rules.is_passive`) or a raising verb (:data:`RAISING`):
    PolNeAR gives such an attribution no source."""
    from core.suggest.rules import is_passive

    verb = _verb_of(cue)
    if verb.pos_ not in ("VERB", "AUX"):
        return False
    return verb.lemma_.lower() in RAISING or is_passive(verb)


def _subject_of(cue: TokenSpan, para: Paragraph) -> TokenSpan | None:
    """The subject the parse gives a tagged cue's verb, as the rules bound a speaker
    mention (:func:`core.suggest.rules.verb_subject`, ``mention_bounds``); None without,
    and for a cue with no verb (``:``, ``claim``: what the parse hangs there is no
    speaker of it) but ``according to``."""
    from core.suggest.rules import is_according, mention_bounds, verb_subject

    if not any(t.pos_ in ("VERB", "AUX") or is_according(t) for t in cue):
        return None
    subject = verb_subject(_verb_of(cue), para)
    if subject is None or para.in_quote[subject.i]:
        return None
    start, end = mention_bounds(subject, para)
    return para.doc[start : end + 1] or None


def link(para: Paragraph, spans: Sequence[Tagged], text: str) -> list[tuple[Attribution, Parts]]:
    """The attributions of the tagged ``spans`` of a paragraph the rules have read
    (``para``, at its offset of ``text``), each with what how sure the tagger is of it is
    made of (:class:`Parts`: how sure it was of its quote, its cue and the tagged speaker
    nearest the cue, a cue's clause counting as sure; the quote's length, its gap to the
    cue). A quote
    that starts or ends in quotation marks is all they hold (:func:`_in_marks`). Each
    quote takes the nearest cue in the sentences it spans (then in those beside them);
    its speaker is the tagged speaker nearest the cue where the cue's verb's own subject
    is in it (``who said``), else the subject the parse gives that cue
    (:func:`_subject_of`), else the tagged speaker nearest the cue; none where the cue
    is passive with no agent or a raising verb (:func:`_no_source`). A quote with no cue
    or no speaker so near is left out: most of those the tagger tags are not quotes
    (docs/adr/0041). A tagged cue no quote took has the clause the rules read as its
    report (:func:`_clause_of`), where no quote is, as its quote."""
    doc, start = para.doc, para.start
    sure: dict[tuple[int, int], float] = {}
    by_label: dict[str, list[TokenSpan]] = {QUOTE: [], CUE: [], SPEAKER: []}
    for s in spans:
        t = doc.char_span(s.start, s.end, alignment_mode="expand")
        if t is not None and len(t) and s.label in by_label:
            by_label[s.label].append(t)
            sure[t.start, t.end] = min(s.sure, sure.get((t.start, t.end), 1.0))
    cues, speakers = by_label[CUE], by_label[SPEAKER]
    sents = list(doc.sents) if doc.has_annotation("SENT_START") else [doc[:]]
    first = [s.start for s in sents]

    def sent_of(x: TokenSpan) -> int:
        return max(i for i, f in enumerate(first) if f <= x.start)

    def how_sure(q: TokenSpan) -> float:  # (a quote grown in marks: the tagged ones in it)
        return min((p for (a, b), p in sure.items() if q.start <= a and b <= q.end), default=1.0)

    def speaker_of(cue: TokenSpan) -> tuple[TokenSpan | None, float]:
        """The cue's speaker (``doc[0:0]`` for none: :func:`_no_source`), and how sure
        the tagger was of the tagged one nearest it."""
        if _no_source(cue):
            return doc[0:0], 1.0
        tagged = _nearest(speakers, cue, sents, sent_of(cue))
        was = 1.0 if tagged is None else sure[tagged.start, tagged.end]
        if tagged is not None and any(
            c.dep_ in ("nsubj", "nsubjpass") and tagged.start <= c.i < tagged.end
            for c in _verb_of(cue).children
        ):
            return tagged, was  # ("who said": the parse's subject is the noun before)
        return _subject_of(cue, para) or tagged, was

    found: list[tuple[TokenSpan, TokenSpan, TokenSpan, tuple[float, float, float]]] = []
    for q in _in_marks(para, by_label[QUOTE], [*cues, *speakers]):
        cue = _nearest(cues, q, sents, sent_of(q), sent_of(q[-1:]))
        if cue is None:
            continue
        speaker, was = speaker_of(cue)
        if speaker is not None:
            found.append((q, cue, speaker, (how_sure(q), sure[cue.start, cue.end], was)))
    taken = {(c.start, c.end) for _, c, _, _ in found}
    for cue in cues:
        clause = _clause_of(cue, para) if (cue.start, cue.end) not in taken else None
        if clause is None or any(
            clause.start < f[0].end and f[0].start < clause.end for f in found
        ):
            continue
        speaker, was = speaker_of(cue)
        if speaker is not None:
            found.append((clause, cue, speaker, (1.0, sure[cue.start, cue.end], was)))
    out = []
    for q, cue, speaker, (p_q, p_c, p_s) in sorted(found, key=lambda f: (f[0].start, f[0].end)):
        quote = Span(start + q.start_char, start + q.end_char)
        out.append(
            (
                Attribution(
                    quote=quote,
                    speaker=Span(start + speaker.start_char, start + speaker.end_char)
                    if len(speaker)
                    else None,
                    cue=Span(start + cue.start_char, start + cue.end_char),
                    speaker_name=speaker.text or None,
                    type=quote_type(text, quote),
                ),
                Parts(p_q, p_c, p_s, len(q), _gap(q, cue)),
            )
        )
    return out


def _sure(three: tuple[float, float, float], how: str) -> float:
    """How sure the tagger was of a suggestion, from how sure it was of its quote, cue
    and speaker (:data:`SURE_OF`)."""
    if how == LEAST:
        return min(three)
    q, c, s = three
    return float((q * c * s) ** (1 / 3))


def _clause_of(cue: TokenSpan, para: Paragraph) -> TokenSpan | None:
    """What the rules read as a tagged cue's report (``according to``'s clause, a
    verb's reported clause: :func:`core.suggest.rules.according_clause`,
    ``reported_clause``); None without one."""
    from core.suggest.rules import according_clause, is_according, reported_clause

    acc = next((t for t in cue if is_according(t)), None)
    if acc is not None:
        got = according_clause(acc, para)
    else:
        got = reported_clause(_verb_of(cue), para)
    q = None if got is None else para.doc.char_span(*got, alignment_mode="expand")
    return q if q is not None and len(q) else None


def union(
    model: Sequence[Attribution], rules: Sequence[Attribution], rules_first: bool = False
) -> list[Attribution]:
    """The tagger's attributions first, then the rules' where it has no quote; or
    (``rules_first``) the rules' first, then the tagger's where they have none. Where
    one of the second overlaps only quotes of the first, all shorter than its own, it
    takes their place (the first found a piece of the clause the second holds whole).
    The rules' candidates (ADR 36) come where the tagger has no quote (a fit admits them
    where no suggestion has one). In text order."""
    from core.suggest.learn import CANDIDATE  # (numpy: not at the app's start)

    cands = [a for a in rules if a.made_by is not None and a.made_by.rule == CANDIDATE]
    found = [a for a in rules if a.made_by is None or a.made_by.rule != CANDIDATE]
    first, then = (found, model) if rules_first else (model, found)
    out = list(first)
    for a in then:
        over = [b for b in out if a.quote.overlaps(b.quote)]
        if not over:
            out.append(a)
        elif all(_length(b) < _length(a) and any(b is f for f in first) for b in over):
            out = [*(b for b in out if not any(b is o for o in over)), a]
    ours = [a.quote for a in model]
    out += [a for a in cands if not any(a.quote.overlaps(q) for q in ours)]
    return sorted(out, key=lambda a: (a.quote.start, a.quote.end))


def _length(a: Attribution) -> int:
    return a.quote.end - a.quote.start


# -- training -----------------------------------------------------------------------------


def examples(nlp: Language, article: Article, gold: Sequence[Attribution]) -> list[Any]:
    """spaCy's training examples of one article with its attributions: a paragraph each
    (as the rules parse them), its quotes, speakers and cues as entities (a span that
    another overlaps gives way to the longer)."""
    from spacy.training import Example
    from spacy.util import filter_spans

    out = []
    for start, text in paragraphs(article):
        doc = doc_of(nlp.tokenizer, text)
        end = start + len(text)
        spans = []
        for a in gold:
            for label, s in ((QUOTE, a.quote), (SPEAKER, a.speaker), (CUE, a.cue)):
                if s is None or s.end <= start or s.start >= end:
                    continue
                lo, hi = max(s.start, start) - start, min(s.end, end) - start
                t = doc.char_span(lo, hi, label=label, alignment_mode="expand")
                if t is not None and len(t):
                    spans.append(t)
        ref = doc.copy()
        ref.ents = filter_spans(spans)
        out.append(Example(doc, ref))
    return out


@dataclass(frozen=True)
class Progress:
    """Where training is: updates done of ``total`` (an estimate: at most all epochs),
    the epoch, and the best held-out score so far."""

    done: int
    total: int
    epoch: int
    best: float


def train(
    tagger: Tagger,
    nlp: Language,
    train_examples: Sequence[Any],
    score: Callable[[Tagger], tuple[bool, float]],
    epochs: int,
    progress: Callable[[Progress], None] = lambda p: None,
    cancelled: Callable[[], bool] = lambda: False,
    seed: int = 0,
) -> int:
    """Train ``tagger`` on ``train_examples`` for at most ``epochs`` epochs (and
    :data:`WORDS` words), keeping the
    weights of the epoch with the best ``score`` of the held-out articles (whether its
    precision reaches the aim, its F1), stopping after :data:`PATIENCE` epochs (and
    :data:`PATIENT_UPDATES`) without a better one. Raises :class:`Cancelled` (checked
    between updates). Returns the epoch kept (the first is 1).

    The same corpus and ``seed`` train the same tagger. Every seed starts from the same
    weights (the NER's drawn as seed 0 draws them, its tok2vec the pipeline's); the seed
    draws the examples' order and the dropout's masks (issue 23's twelfth round: two
    trainings' weights can then be averaged)."""
    from spacy.training.batchers import minibatch_by_words
    from spacy.util import fix_random_seed  # type: ignore[attr-defined]
    from thinc.api import Adam, compounding

    fix_random_seed(0)
    component = tagger.component
    component.initialize(lambda: train_examples, nlp=nlp)
    # the pipeline's tok2vec weights, as the start of the tagger's own
    base = cast("Tok2Vec", nlp.get_pipe("tok2vec"))
    component.model.get_ref("tok2vec").layers[0].from_bytes(base.model.to_bytes())
    if seed:  # (seed 0 draws on from its start, as every tagger kept before was trained)
        fix_random_seed(seed)
    optimizer = Adam(0.001, L2=L2, grad_clip=1.0, use_averages=False)
    order = list(train_examples)
    rng = random.Random(seed)
    sizes = compounding(*BATCH_WORDS)  # (growing across epochs, as in ``spacy train``)
    words = sum(len(ex) for ex in order)
    epochs = max(1, min(epochs, WORDS // max(words, 1)))
    total = _updates(words * epochs)
    best, best_bytes, since, done, best_at, kept = (False, -1.0), b"", 0, 0, 0, 0
    for epoch in range(1, epochs + 1):
        rng.shuffle(order)
        # (it takes the next of any iterable of sizes for each batch)
        for batch in minibatch_by_words(order, cast("Sequence[int]", sizes)):
            if cancelled():
                raise Cancelled
            component.update(batch, drop=DROPOUT, sgd=optimizer, losses={})
            done += 1
            progress(Progress(done, max(done, total), epoch, best[1]))
        got = score(tagger)
        if got > best:
            best, best_bytes, since, best_at, kept = got, tagger.to_bytes(), 0, done, epoch
        else:
            since += 1
        if since >= PATIENCE and done - best_at >= PATIENT_UPDATES:
            break
    component.from_bytes(best_bytes, exclude=["vocab"])
    total = max(done, total)
    progress(Progress(total, total, epoch, best[1]))
    return kept


def _updates(words: int) -> int:
    """About how many batches of :data:`BATCH_WORDS` hold ``words`` words."""
    size, stop, rate = BATCH_WORDS
    n = 0
    while words > 0:
        words -= int(size)
        size, n = min(size * rate, stop), n + 1
    return max(n, 1)


def now_name(base: str) -> str:
    """A trained tagger's name: what it started from and when (``MadeBy.source``)."""
    return f"tagger:{base}:{time.strftime('%Y-%m-%dT%H:%M:%S')}"
