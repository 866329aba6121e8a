"""The tagger trained on the corpus's done articles as the user switches it (docs/adr/
0041): on only when it can be used (trained from the pipeline that suggests, in a
corpus that can be written). The switch is a setting the corpus keeps (``meta``), not
a decision: it changes the suggestions made from then on, never one made already."""

from __future__ import annotations

from dataclasses import dataclass

from core.corpus import queries, training
from core.corpus.store import Store
from core.corpus.training import Kept


@dataclass(frozen=True)
class TaggerSwitch:
    """The corpus's tagger as a switch: the last one kept (None before any), whether
    suggestions use it, why it cannot be switched on (None: it can), and how many
    articles are done now (to say how many were done since it was trained). A reason
    names keys as ``{action}`` (``gui.keymap.fill``)."""

    kept: Kept | None
    on: bool
    why_not: str | None
    done: int


def tagger_switch(store: Store, model: str) -> TaggerSwitch:
    """The tagger's switch in a corpus whose suggestions are made with the spaCy
    pipeline ``model``: what suggestions could not use (``core.corpus.training.why_not``)
    cannot be switched on."""
    kept = training.latest(store)
    reason = training.why_not(kept, model)
    if reason is None and store.read_only:
        reason = "the corpus is read-only"
    done = queries.article_total(store, done_only=True)
    return TaggerSwitch(kept, training.tagger_on(store), reason, done)


def use_tagger(store: Store, model: str, on: bool) -> TaggerSwitch:
    """Suggest with the corpus's tagger (``on``) or with the rules alone from now on;
    ValueError saying why when it cannot be switched on. Switching off needs no tagger."""
    switch = tagger_switch(store, model)
    if on and switch.why_not is not None:
        raise ValueError(f"The tagger cannot be switched on: {switch.why_not}.")
    training.set_tagger(store, on)
    return tagger_switch(store, model)
