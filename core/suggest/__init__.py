"""Suggesting attributions with spaCy: load the pipeline once, parse paragraphs, run the rules."""

from __future__ import annotations

import os
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import chain, islice
from typing import TYPE_CHECKING

from core import worker
from core.config import UNUSED_PIPES, model_name
from core.model import Article, Attribution, SpanError, Speaker, TokenEdges, conflicts
from core.suggest.paragraphs import paragraphs
from core.suggest.registry import Registry
from core.suggest.tagger import union
from core.tokens import doc_of

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

    from core.suggest.learn import Fit
    from core.suggest.rules import Paragraph
    from core.suggest.tagger import Tagger


class SuggestError(Exception):
    """The pipeline cannot be loaded or run; the message says what to do."""


#: How a worker process loads the tagger its caller suggests with (docs/adr/0043): called
#: once in each worker with the worker's Suggester. Picklable, and equal from one run to
#: the next (a frozen dataclass, say), so that each worker loads it once.
TaggerSource = Callable[["Suggester"], "Tagger"]


#: A tokenizer with no rules, for :func:`_load_pipeline` to read the stored one into.
BARE_TOKENIZER = "quotelab.bare_tokenizer.v1"


def _load_pipeline(model: str) -> Language:
    """``spacy.load`` without the work it throws away. A pipeline's config builds its
    tokenizer from the language's defaults (2,700 special cases, three regexes: 0.15 s),
    and then ``from_disk`` replaces every part of it by the stored one. Here a bare
    tokenizer is built and the stored one read into it: the same tokenizer, byte for byte
    (tests/core/suggest/test_suggest.py), 0.15 s sooner (docs/adr/0021). Around its parser,
    :mod:`core.suggest.sentences`: no sentence starts after a title's or a place's full
    stop (docs/adr/0048)."""
    import spacy
    from spacy.language import Language
    from spacy.tokenizer import Tokenizer  # type: ignore[import-not-found]
    from spacy.util import registry

    from core.suggest import sentences

    if BARE_TOKENIZER not in registry.tokenizers:
        registry.tokenizers.register(BARE_TOKENIZER, func=lambda: lambda nlp: Tokenizer(nlp.vocab))
    nlp = spacy.load(
        model,
        exclude=list(UNUSED_PIPES),
        config={"nlp": {"tokenizer": {"@tokenizers": BARE_TOKENIZER}}},
    )
    for name, step in ((sentences.MARK, sentences.mark), (sentences.JOIN, sentences.join)):
        if not Language.has_factory(name):
            Language.component(name, func=step)
    nlp.add_pipe(sentences.MARK, first=True)  # (docs/adr/0048)
    nlp.add_pipe(sentences.JOIN, after="parser" if "parser" in nlp.pipe_names else None)
    return nlp


class Suggester:
    """Finds QUOTE, SPEAKER and CUE spans in articles. The spaCy pipeline loads on
    first use, once."""

    def __init__(self, model: str | None = None) -> None:
        self.model = model_name(model)
        self._nlp: Language | None = None

    @property
    def nlp(self) -> Language:
        if self._nlp is None:
            try:
                self._nlp = _load_pipeline(self.model)
            except OSError as exc:
                raise SuggestError(
                    f"the spaCy pipeline {self.model!r} is not installed "
                    f"(choose an installed one with --model, e.g. en_core_web_sm): {exc}"
                ) from None
        return self._nlp

    @property
    def loaded(self) -> bool:
        return self._nlp is not None

    def load(self) -> None:
        """Load the pipeline now (for a background worker)."""
        _ = self.nlp

    def suggest(self, article: Article, known: Sequence[Speaker] = ()) -> list[Attribution]:
        return next(iter(self.suggest_many([article], known=known)))

    def suggest_many(
        self,
        articles: Iterable[Article],
        cancelled: Callable[[], bool] = lambda: False,
        batch_size: int = 64,
        n_process: int = 1,
        known: Sequence[Speaker] = (),
        fit: Fit | None = None,
        tagger: Tagger | None = None,
        tagger_from: TaggerSource | None = None,
    ) -> Iterator[list[Attribution]]:
        """Suggestions for each article, in order: what :meth:`found_many` finds, as
        ``fit`` (what the corpus learned; none: the rules as they are) makes them
        (:meth:`core.suggest.learn.Fit.apply`)."""
        from core.suggest.learn import PRIOR

        runs = self.found_many(
            articles,
            cancelled,
            batch_size=batch_size,
            n_process=n_process,
            known=known,
            tagger=tagger,
            tagger_from=tagger_from,
        )
        for found in runs:
            yield (fit or PRIOR).apply(found)

    def found_many(
        self,
        articles: Iterable[Article],
        cancelled: Callable[[], bool] = lambda: False,
        batch_size: int = 64,
        n_process: int = 1,
        known: Sequence[Speaker] = (),
        tagger: Tagger | None = None,
        tagger_from: TaggerSource | None = None,
    ) -> Iterator[list[Attribution]]:
        """What the rules find in each article, in order, their candidates too (rule
        :data:`core.suggest.rules.CANDIDATE`), parsing every paragraph with one
        ``nlp.pipe``. With a ``tagger`` (one trained on the corpus: docs/adr/0041), what
        it finds in the same parse joins the rules' (:func:`core.suggest.tagger.union`:
        one or the other first where both have a quote); in this process only, unless
        ``tagger_from`` says how a worker process loads the same tagger. Stops early
        when ``cancelled()`` turns true. Articles are read from ``articles`` as the
        parser needs them, so memory stays bounded however many
        there are. A speaker name that is the name or an alias of one of the
        ``known`` speakers (the corpus's) becomes its canonical name.

        With ``n_process`` > 1, runs of articles are suggested on that many cores: this
        process and ``n_process - 1`` worker processes (each loads the pipeline once);
        they come back in order, a few runs per worker ahead. With :data:`AUTO`, on
        what is fastest for the input (:func:`jobs_for` the words read ahead)."""
        if n_process != 1 and (tagger is None or tagger_from is not None):
            yield from _in_processes(
                self, articles, cancelled, batch_size, n_process, tuple(known), tagger, tagger_from
            )
            return
        from core.suggest.rules import ArticleRules, Paragraph

        by_name = Registry(known)

        read = 0  # articles taken from ``articles`` so far: they are read as parsed

        tokenizer = self.nlp.tokenizer
        tagged = _Tagged(tagger, by_name)

        def items() -> Iterator[tuple[Doc, tuple[int, int]]]:
            nonlocal read
            for n, art in enumerate(articles):
                read = n + 1
                tagged.read(n, art)
                for start, text in paragraphs(art):
                    if cancelled():  # also inside a long article: the batch stops
                        return
                    yield doc_of(tokenizer, text), (n, start)  # tokenized in linear time

        current = 0
        rules = ArticleRules(by_name)
        index = 0
        done = 0
        parsed = self.nlp.pipe(items(), as_tuples=True, batch_size=batch_size)
        for doc, (n, start) in tagged.pipe(parsed, batch_size):
            while n > current:
                yield tagged.results(done, rules.results())
                done += 1
                if cancelled():
                    return
                current += 1
                rules = ArticleRules(by_name)
                index = 0
            para = Paragraph(start, doc)
            rules.add(index, para)
            tagged.add(n, para)  # (its quotation marks found, its names mended)
            index += 1
        while done < read:
            yield tagged.results(done, rules.results())
            done += 1
            if cancelled():
                return
            rules = ArticleRules(by_name)


class _Tagged:
    """What a trained tagger finds in the articles the rules read (none: no tagger)."""

    def __init__(self, tagger: Tagger | None, registry: Registry) -> None:
        self.tagger = tagger
        self.registry = registry
        self.texts: dict[int, str] = {}  # each article read and not yet done, by number
        self.found: list[Attribution] = []  # in the article being read

    def read(self, n: int, art: Article) -> None:
        if self.tagger is not None:
            self.texts[n] = art.text

    def pipe(
        self, parsed: Iterable[tuple[Doc, tuple[int, int]]], batch_size: int
    ) -> Iterable[tuple[Doc, tuple[int, int]]]:
        """The parsed paragraphs, in order, each tagged (in batches)."""
        if self.tagger is None:
            return parsed
        held: deque[tuple[int, int]] = deque()

        def docs() -> Iterator[Doc]:
            for doc, where in parsed:
                held.append(where)
                yield doc

        return ((doc, held.popleft()) for doc in self.tagger.pipe(docs(), batch_size))

    def add(self, n: int, para: Paragraph) -> None:
        if self.tagger is not None:
            self.found += self.tagger.paragraph(para, self.texts[n])

    def results(self, n: int, rules: list[Attribution]) -> list[Attribution]:
        """Article ``n``'s: the tagger's, then the rules' where it has no quote."""
        if self.tagger is None:
            return rules
        del self.texts[n]
        model = self.tagger.named(self.found, rules, self.registry)
        self.found = []
        return union(model, rules, self.tagger.rules_first)


def checked(
    article: Article, found: list[Attribution], edges: TokenEdges
) -> tuple[list[Attribution], list[str]]:
    """The suggestions that keep the span rules (:func:`core.model.check_attributions`:
    each on the article's token bounds, and no :func:`core.model.conflicts` between
    them), and a message for each one dropped.

    The rules should never break them; this is the model boundary every suggestion
    passes before it is stored or printed, so a rule bug costs a suggestion, not the
    import."""
    source = article.source or "article"
    kept: list[Attribution] = []
    dropped: list[str] = []
    for a in found:
        try:
            a.check(len(article.text), edges)
        except SpanError as exc:
            dropped.append(f"{source}: a suggestion was dropped ({exc})")
            continue
        kept.append(a)
    while faults := {id(a): reason for a, reason in conflicts(kept)}:
        dropped += [f"{source}: a suggestion was dropped ({r})" for r in faults.values()]
        kept = [a for a in kept if id(a) not in faults]
    return sorted(kept, key=lambda a: (a.quote.start, a.quote.end)), dropped


#: Articles per task sent to a worker process (or suggested by the caller's process
#: itself), tasks in flight per worker, and runs held at most (in flight or suggested,
#: not yet handed out) before the caller's process waits instead of suggesting more.
_RUN = 8
_AHEAD = 2
_HELD = 16
#: Runs that the caller's process suggests alone, starting no worker, when told how many
#: processes to use: a worker takes over a second to start (spawn, import spaCy, load
#: the pipeline), about what this process takes to suggest them.
_ALONE = 4

#: ``n_process`` for what is fastest for the input: :func:`jobs_for` the words read ahead.
AUTO = 0
#: Words from which every core pays. A worker's start (1.5 s of a core: spawn, import
#: spaCy, load the pipeline) runs beside this process's own, and the rest is shared out:
#: at 20,000 words (4 s on one core) the worker has joined with most of the work left.
#: Fewer words start none (docs/adr/0031).
PARALLEL_WORDS = 20_000


def cores() -> int:
    """The cores this process may run on."""
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def jobs_for(words: int, available: int) -> int:
    """The processes that suggest ``words`` words fastest on ``available`` cores: all
    of them from :data:`PARALLEL_WORDS` on, else this one alone."""
    return max(1, available) if words >= PARALLEL_WORDS else 1


@lru_cache(maxsize=2)
def for_process(model: str | None) -> Suggester:
    """The pipeline of this process for ``model``, loaded once and kept between tasks
    (worker processes, Dask tasks, the app's import worker)."""
    return Suggester(model)


#: How much lower a worker process's priority is than its caller's (Unix ``nice``).
HELPER_NICE = 10


def _helper() -> None:
    """In a worker process, first: run at a lower priority than the caller's process,
    whose own runs gate the output. A worker then takes cores the machine leaves idle,
    and on a busy machine slows its caller little (docs/adr/0031)."""
    if hasattr(os, "nice"):
        os.nice(HELPER_NICE)


def _load(model: str, tagger_from: TaggerSource | None) -> None:
    """In a worker process: load the pipeline (and the tagger) before any run is sent."""
    for_process(model).load()
    _tagger_of(model, tagger_from)


@lru_cache(maxsize=2)
def _tagger_of(model: str, tagger_from: TaggerSource | None) -> Tagger | None:
    """In a worker process: the tagger ``tagger_from`` loads, once."""
    return None if tagger_from is None else tagger_from(for_process(model))


def _suggest_run(
    model: str,
    articles: list[Article],
    batch_size: int,
    known: Sequence[Speaker],
    tagger_from: TaggerSource | None,
) -> list[list[Attribution]]:
    """In a worker process: suggest a run of articles with the worker's own pipeline
    (and tagger)."""
    return list(
        for_process(model).found_many(
            articles, batch_size=batch_size, known=known, tagger=_tagger_of(model, tagger_from)
        )
    )


class _Runs:
    """The input as runs of ``_RUN`` articles, read as needed; those read ahead (to decide
    whether workers are worth starting: more than ``_ALONE`` runs, and ``words`` words
    when asked) come first."""

    def __init__(self, articles: Iterable[Article], words: int = 0) -> None:
        self._source = iter(articles)
        self._read_all = False
        self.ahead: deque[list[Article]] = deque()
        self.words = 0  # in the runs read ahead
        while (len(self.ahead) <= _ALONE or self.words < words) and (run := self._read()):
            self.ahead.append(run)
            self.words += sum(len(art.text.split()) for art in run)

    def _read(self) -> list[Article]:
        run = [] if self._read_all else list(islice(self._source, _RUN))
        self._read_all = not run
        return run

    def next(self) -> list[Article]:
        """The next run, empty once the input is used up."""
        return self.ahead.popleft() if self.ahead else self._read()

    def rest(self) -> Iterator[Article]:
        """Every article not yet handed out, in order, read as needed."""
        return chain(chain.from_iterable(self.ahead), self._source)


@dataclass
class _Sent:
    """A run handed to a worker: its future, and its articles (to suggest here instead)."""

    future: Future[list[list[Attribution]]]
    run: list[Article]
    at: float = field(default_factory=time.perf_counter)  # when it was handed out


#: Runs in input order: sent to a worker, or what this process suggested itself.
_Pending = deque[_Sent | list[list[Attribution]]]


def _hand_out(
    pool: ProcessPoolExecutor,
    started: list[Future[None]],
    pending: _Pending,
    runs: _Runs,
    model: str,
    batch_size: int,
    known: tuple[Speaker, ...],
    tagger_from: TaggerSource | None,
) -> None:
    """Keep each worker whose pipeline is loaded ``_AHEAD`` runs ahead, ``_HELD`` at most."""
    ready = [f for f in started if f.done()]
    for f in ready:
        f.result()  # a worker that could not load its pipeline says why
    busy = sum(isinstance(p, _Sent) and not p.future.done() for p in pending)
    while busy < _AHEAD * len(ready) and len(pending) < _HELD and (run := runs.next()):
        sent = pool.submit(_suggest_run, model, run, batch_size, known, tagger_from)
        pending.append(_Sent(sent, run))
        busy += 1


def _back(
    sent: _Sent,
    own: Suggester,
    took: float,
    cancelled: Callable[[], bool],
    batch_size: int,
    known: tuple[Speaker, ...],
    tagger: Tagger | None,
) -> list[list[Attribution]]:
    """A worker's run, once back; when it is not back by the time the worker would have
    suggested it and those sent before it (``_AHEAD`` + 1 runs of ``took`` seconds, this
    process's last run, since it was handed out), this process suggests it instead (the
    worker's result, if it comes, is dropped). A worker has a lower priority: on a busy
    machine it can get little CPU, and this process then does not wait on it."""
    patience = sent.at + (_AHEAD + 1) * took - time.perf_counter()
    try:
        return sent.future.result(timeout=max(patience, 0.05))
    except TimeoutError:
        sent.future.cancel()
        return list(own.found_many(sent.run, cancelled, batch_size, known=known, tagger=tagger))


def _in_processes(
    own: Suggester,
    articles: Iterable[Article],
    cancelled: Callable[[], bool],
    batch_size: int,
    n_process: int,
    known: tuple[Speaker, ...],
    tagger: Tagger | None,
    tagger_from: TaggerSource | None,
) -> Iterator[list[Attribution]]:
    """Suggest on ``n_process`` cores (:data:`AUTO`: :func:`jobs_for` the words read
    ahead): this process and ``n_process - 1`` workers, with ``tagger`` here and the one
    ``tagger_from`` loads in each worker.

    Workers start only for more than ``_ALONE`` runs (and, with :data:`AUTO`, from
    :data:`PARALLEL_WORDS` words), and they start (spawn, import, load the pipeline)
    while this process loads its own and suggests; once a worker is ready it is kept
    ``_AHEAD`` runs ahead, and this process suggests the next run itself whenever the
    oldest is not back yet; with no run left to take, it waits on the oldest until the
    worker should have done it, then suggests it itself (:func:`_back`). So nothing waits for a
    worker to start or to get a core, and this process takes fewer runs when its
    caller's own work (storing, printing) keeps it busy.
    Starting none, this process suggests the whole input as one stream."""
    runs = _Runs(articles, PARALLEL_WORDS if n_process == AUTO else 0)
    n_process = n_process or jobs_for(runs.words, cores())
    if n_process == 1 or len(runs.ahead) <= _ALONE:
        yield from own.found_many(runs.rest(), cancelled, batch_size, 1, known, tagger)
        return
    pending: _Pending = deque()
    pool = worker.pool(n_process - 1, _helper)
    started = [pool.submit(_load, own.model, tagger_from) for _ in range(n_process - 1)]
    took = 0.0  # this process's last run, in seconds
    given_up: list[Future[list[list[Attribution]]]] = []  # runs a worker still holds
    try:
        while True:
            _hand_out(pool, started, pending, runs, own.model, batch_size, known, tagger_from)
            head = pending[0] if pending else None
            waiting = isinstance(head, _Sent) and not head.future.done()
            if (head is None or waiting) and len(pending) < _HELD and (run := runs.next()):
                t = time.perf_counter()
                pending.append(
                    list(own.found_many(run, cancelled, batch_size, known=known, tagger=tagger))
                )
                took = time.perf_counter() - t
                if cancelled():  # the run may be cut short
                    return
                continue
            if head is None:
                return
            pending.popleft()
            if isinstance(head, _Sent):
                sent = head
                head = _back(sent, own, took, cancelled, batch_size, known, tagger)
                if not sent.future.done():  # suggested here instead: its worker is busy
                    given_up.append(sent.future)
            for found in head:
                yield found
                if cancelled():
                    return
    except BrokenProcessPool as exc:
        raise SuggestError(f"a suggestion worker process stopped ({exc})") from None
    finally:
        # Waited for when every worker has loaded and holds no run (it ends at once:
        # Python 3.11's exit wakes a pool's manager thread still ending, and may print a
        # traceback); not when one is still loading or holding a run (cancelled, or one
        # the machine starves).
        held = [p.future for p in pending if isinstance(p, _Sent)] + given_up
        idle = all(f.done() for f in started) and all(f.done() for f in held)
        pool.shutdown(wait=idle, cancel_futures=True)
