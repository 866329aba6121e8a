"""The corpus's decisions made into what its suggestions learn (docs/adr/0036): the
examples of the articles done at a decision, the fit of them refitted when an article
is marked done and kept in the corpus, and the same fit again from the log; and the
tagger trained on its done articles, as suggestions use it (docs/adr/0041)."""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from multiprocessing.connection import Connection
from pathlib import Path
from typing import TYPE_CHECKING

from core.corpus import learning, training
from core.corpus.errors import CorpusError
from core.corpus.integrity import Holder, holder_of
from core.corpus.learning import Decided
from core.corpus.store import Store, now
from core.model import Attribution, Span, State
from core.suggest import SuggestError
from core.suggest.learn import Example, Fit, examples_of, fit

if TYPE_CHECKING:
    from core.suggest import Suggester
    from core.suggest.tagger import Tagger


def examples(store: Store, at: Decided) -> tuple[list[Example], int]:
    """The decided suggestions and candidates of the articles done at ``at``, and how
    many attributions were added by hand there (kept, with no suggestion made of
    them). A suggestion is kept when its attribution is accepted (as made or edited),
    not when it is rejected or deleted; one left undecided (flagged for the curator)
    teaches nothing."""
    made: dict[int, list[tuple[Attribution, bool | None]]] = defaultdict(list)
    suggested: set[int] = set()
    for art_id, attr_id, a in learning.made(store, at.done):
        decided: bool | None = None
        if attr_id is not None:
            suggested.add(attr_id)
            record = at.attributions.get(attr_id)
            state = record["state"] if record is not None else State.REJECTED.value
            decided = None if state == State.SUGGESTED.value else state == State.ACCEPTED.value
        made[art_id].append((a, decided))
    kept: dict[int, list[tuple[object, Span, bool]]] = defaultdict(list)
    for attr_id, r in at.attributions.items():
        if r["state"] == State.ACCEPTED.value:
            quote = Span(r["quote"]["start"], r["quote"]["end"])
            kept[r["article_id"]].append((attr_id, quote, attr_id not in suggested))
    out: list[Example] = []
    added = 0
    for art_id in at.done:
        got, by_hand = examples_of(made.get(art_id, []), kept.get(art_id, []))
        out += got
        added += by_hand
    return out, added


def replay(store: Store, through: int | None = None) -> Fit:
    """The fit of the decisions up to ``through`` (None: all), from the log."""
    at = learning.decided(store, through)
    found, added = examples(store, at)
    return fit(found, added, at.through)


def refit(store: Store) -> Fit | None:
    """Fit the decisions made so far and keep the fit in the corpus (with the decision
    it was fitted through); None, and nothing kept, when learning is switched off."""
    if not learning.learning_on(store):
        return None
    learned = replay(store)
    learning.store_fit(store, learned.through, learned.as_json(), now())
    return learned


def refit_apart(path: Path, cancelled: Callable[[], bool] = lambda: False) -> None:
    """:func:`refit` the corpus at ``path`` in a process of its own (spawned, as every
    worker of ours: :mod:`core.worker`): its cost grows with the articles done, and the
    app's threads share one interpreter, so the key after ``D`` never waits on it. The
    process is stopped when ``cancelled`` says so (its transaction then never was);
    a fit that was not kept raises CorpusError saying why. The app holds the corpus open
    meanwhile, so the process opens it as held (no full check for the app's ``-wal``:
    docs/adr/0042), and its cost after ``D`` does not grow with the corpus."""
    from core.worker import CONTEXT

    receive, send = CONTEXT.Pipe(duplex=False)
    process = CONTEXT.Process(
        target=_refit_at, args=(str(path), send, holder_of(path)), daemon=True
    )
    process.start()
    send.close()
    while process.is_alive() and not cancelled():
        process.join(0.1)  # (how often a cancel is seen)
    if process.is_alive():
        process.kill()
        process.join()
        return
    said = receive.recv() if receive.poll() else f"its process ended with code {process.exitcode}"
    if said:
        raise CorpusError(f"What the suggestions learned was not kept: {said}")


def _refit_at(path: str, send: Connection, holder: Holder | None) -> None:
    """:func:`refit_apart`'s process: refit, then say why not or nothing."""
    try:
        with Store(path, create=False, holder=holder) as store:
            refit(store)
    except (CorpusError, OSError) as exc:
        send.send(str(exc) or type(exc).__name__)
        return
    send.send("")


def current(store: Store) -> Fit | None:
    """The fit suggestions use: the last one kept; None when learning is off, before
    any fit, or when the one kept does not read (the rules as they are, then)."""
    if not learning.learning_on(store):
        return None
    kept = learning.latest_fit(store)
    if kept is None:
        return None
    try:
        return Fit.from_json(kept[1])
    except ValueError:
        return None


def tagger(store: Store, suggester: Suggester) -> Tagger | None:
    """The trained tagger suggestions use beside the rules: the last one kept, while
    the corpus's ``tagger`` setting is on. None when it is off, before any, when it was
    trained from another pipeline than ``suggester``'s, or when its bytes do not read
    (the rules alone, then)."""
    if not training.tagger_on(store):
        return None
    kept = training.latest(store)
    if kept is None or training.why_not(kept, suggester.model) is not None:
        return None
    from core.suggest.tagger import load

    try:
        settings = json.loads(kept.config)
        return load(
            suggester.nlp,
            kept.source,
            json.dumps(settings["config"]),
            kept.pipeline,
            float(settings["prior"]),
            settings["rules_first"] is True,
            float(settings.get("threshold", 0.0)),
            {str(k): float(v) for k, v in settings.get("priors", {}).items()},
        )
    except (ValueError, KeyError, TypeError):
        return None


@dataclass(frozen=True)
class CorpusTagger:
    """The corpus's tagger as a suggestion worker process loads it: once, from the
    corpus, read-only, beside the process that started it (``holder``: that process
    holds the corpus open; docs/adr/0043). Only the one that process suggests with
    (``name``): switched off or replaced by a training meanwhile, the worker refuses
    rather than suggest otherwise."""

    path: Path
    name: str
    holder: Holder | None

    def __call__(self, suggester: Suggester) -> Tagger:
        with Store(self.path, read_only=True, holder=self.holder) as store:
            found = tagger(store, suggester)
        if found is None or found.name != self.name:
            raise SuggestError(
                f"the corpus's tagger {self.name} was switched off or replaced meanwhile; "
                "run again for the articles not done"
            )
        return found


def tagger_source(store: Store, trained: Tagger | None) -> CorpusTagger | None:
    """How a worker process loads ``trained``, the tagger of ``store``
    (:func:`tagger`) this process suggests with; None without one."""
    if trained is None:
        return None
    return CorpusTagger(store.path, trained.name, holder_of(store.path))
