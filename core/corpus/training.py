"""A tagger trained on the corpus's done articles, as the corpus keeps it (docs/adr/0041):
its bytes and figures in ``trained``, the setting that uses it (``meta`` ``tagger``)."""

from __future__ import annotations

from dataclasses import dataclass

from core.corpus.errors import guarded
from core.corpus.learning import _Writing
from core.corpus.queries import Queries

#: ``meta``'s key for the trained tagger: ``on`` suggests with it (no key: off).
TAGGER_KEY = "tagger"


@dataclass(frozen=True)
class Kept:
    """A trained tagger as kept: its name (``source``), the pipeline it started from,
    the decision it was trained through, its figures (JSON), config (JSON) and bytes."""

    source: str
    base: str
    through: int
    at: str
    figures: str
    config: str
    pipeline: bytes


def store_trained(store: _Writing, kept: Kept, on: bool) -> None:
    """Keep a trained tagger, and use it from now on (``on``) or not."""
    with store.transaction():
        store._conn.execute(
            "INSERT INTO trained (source, base, through, at, figures, config, pipeline)"
            " VALUES (?, ?, ?, ?, ?, ?, ?)",
            (
                kept.source,
                kept.base,
                kept.through,
                kept.at,
                kept.figures,
                kept.config,
                kept.pipeline,
            ),
        )
        _set(store, on)


@guarded
def latest(store: Queries) -> Kept | None:
    """The last tagger kept, None before any."""
    row = store._conn.execute(
        "SELECT source, base, through, at, figures, config, pipeline FROM trained"
        " ORDER BY id DESC LIMIT 1"
    ).fetchone()
    if row is None:
        return None
    return Kept(
        str(row[0]), str(row[1]), int(row[2]), str(row[3]), str(row[4]), str(row[5]), bytes(row[6])
    )


@guarded
def tagger_on(store: Queries) -> bool:
    """Whether suggestions use the trained tagger (``meta`` ``tagger`` = ``on``)."""
    row = store._conn.execute("SELECT value FROM meta WHERE key = ?", (TAGGER_KEY,)).fetchone()
    return row is not None and row[0] == "on"


def set_tagger(store: _Writing, on: bool) -> None:
    with store.transaction():
        _set(store, on)


def _set(store: _Writing, on: bool) -> None:
    store._conn.execute(
        "INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)",
        (TAGGER_KEY, "on" if on else "off"),
    )


def why_not(kept: Kept | None, model: str) -> str | None:
    """Why the tagger ``kept`` (the corpus's last; None before any) cannot suggest
    beside the rules of the spaCy pipeline ``model``: None when it can. A reason names
    keys as ``{action}`` (``gui.keymap.fill``)."""
    if kept is None:
        return "no tagger trained yet: {train} trains one"
    if kept.base != model:
        return f"its tagger was trained from the pipeline {kept.base}, not {model}"
    return None
