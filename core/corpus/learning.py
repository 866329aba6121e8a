"""What the suggestions learn from, as the corpus keeps it (docs/adr/0036): each
suggestion as it was made with what made it (``suggestions``), the fits learned from
the decisions (``learned_fits``), the setting that switches learning off (``meta``),
and the articles' decisions as they stood at any decision of the log."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from contextlib import AbstractContextManager
from dataclasses import dataclass
from typing import Any, Protocol

from core.corpus.errors import CorpusError, guarded
from core.corpus.queries import Queries, last_decision
from core.corpus.rows import SUGGESTION_COLUMNS
from core.model import Attribution, MadeBy, Span


class _Writing(Protocol):
    """A Store as these writes use it (:class:`core.corpus.store.Store`, which imports
    this module)."""

    _conn: sqlite3.Connection

    def transaction(self) -> AbstractContextManager[None]: ...


#: ``meta``'s key for the learning setting: ``off`` switches it off (no key: on).
LEARNING_KEY = "learning"
_CHUNK = 500


def record_made(
    conn: sqlite3.Connection,
    article_id: int,
    made: Iterable[tuple[int | None, Attribution]],
) -> None:
    """Keep each suggestion (with the attribution id it became; None: a candidate
    that was not suggested) as it was made, with what made it. In the caller's
    transaction."""
    conn.executemany(
        f"INSERT INTO suggestions ({', '.join(SUGGESTION_COLUMNS)})"
        f" VALUES ({', '.join('?' * len(SUGGESTION_COLUMNS))})",
        [
            (
                article_id,
                attr_id,
                a.made_by.source,
                a.made_by.rule,
                json.dumps(dict(a.made_by.features)),
                a.made_by.prior,
                json.dumps(a.to_record()),
            )
            for attr_id, a in made
            if a.made_by is not None
        ],
    )


def made_by_of(features: str, rule: str, prior: float, source: str) -> MadeBy | None:
    """What made a stored suggestion, None if its features are not a JSON object of text."""
    try:
        d = json.loads(features)
    except json.JSONDecodeError:
        return None
    if not isinstance(d, dict) or not all(isinstance(v, str) for v in d.values()):
        return None
    return MadeBy(rule, tuple((str(k), v) for k, v in d.items()), float(prior), source)


@guarded
def made_by_id(store: Queries, article_id: int) -> dict[int, MadeBy]:
    """What made each of an article's suggestions, by the attribution each became."""
    out = {}
    for attr_id, source, rule, features, prior in store._conn.execute(
        "SELECT attribution_id, source, rule, features, prior FROM suggestions"
        " WHERE article_id = ? AND attribution_id IS NOT NULL",
        (article_id,),
    ):
        p = made_by_of(features, rule, prior, source)
        if p is not None:
            out[attr_id] = p
    return out


@guarded
def made(
    store: Queries, article_ids: Sequence[int] | None = None
) -> list[tuple[int, int | None, Attribution]]:
    """(article id, attribution id, the suggestion as made, with what made it) of the
    articles ``article_ids`` (all: None), in article then making order; a row that
    does not read is left out."""
    return list(_made(store, article_ids))


def _made(
    store: Queries, article_ids: Sequence[int] | None
) -> Iterator[tuple[int, int | None, Attribution]]:
    where = ""
    for chunk in _chunks(article_ids):
        if chunk is not None:
            where = f"WHERE article_id IN ({', '.join('?' * len(chunk))})"
        rows = store._conn.execute(
            "SELECT article_id, attribution_id, source, rule, features, prior, made "
            f"FROM suggestions {where} ORDER BY article_id, id",
            chunk or [],
        )
        for art_id, attr_id, source, rule, features, prior, record in rows:
            p = made_by_of(features, rule, prior, source)
            try:
                a = Attribution.from_record(json.loads(record))
            except (ValueError, TypeError, KeyError, AttributeError):
                continue
            if p is not None:
                yield art_id, attr_id, a.with_(made_by=p)


def _chunks(ids: Sequence[int] | None) -> Iterator[list[int] | None]:
    if ids is None:
        yield None
        return
    for i in range(0, len(ids), _CHUNK):
        yield list(ids[i : i + _CHUNK])


@dataclass(frozen=True)
class Decided:
    """The corpus's decisions as they stood at decision ``through``: the articles then
    done, in id order, and their attributions' records (state,
    origin, flagged, quote, ...: :meth:`Attribution.to_logged`), by id."""

    through: int
    done: list[int]
    attributions: dict[int, dict[str, Any]]


@guarded
def decided(store: Queries, through: int | None = None) -> Decided:
    """The decisions at ``through`` (None: now): the corpus as it is, with every later
    decision of the log taken back (its changes' ``before``, newest first); an article
    imported later is not there yet."""
    conn = store._conn
    last = last_decision(store)
    through = last if through is None or through > last else through
    # the done articles (an index seek), then what the later decisions changed
    status: dict[int, str | None] = {
        art_id: "done"
        for (art_id,) in conn.execute("SELECT id FROM articles WHERE status = 'done'")
    }
    taken_back: dict[int, dict[str, Any] | None] = {}
    rows = conn.execute(
        "SELECT id, kind, article_id, changes FROM decisions WHERE id > ? ORDER BY id DESC",
        (through,),
    )
    for decision, kind, article_id, changes in rows:
        if kind == "import":
            status.pop(article_id, None)
            continue
        try:
            for c in reversed(json.loads(changes)):
                if c.get("table") == "article":
                    status[c["id"]] = (c.get("before") or {}).get("status")
                elif c.get("table") == "attribution":
                    before = c.get("before")
                    if before is not None:  # (what examples read of it)
                        before = {
                            "article_id": int(before["article_id"]),
                            "quote": Span.from_dict(before["quote"]).as_dict(),  # type: ignore[union-attr]
                            "state": str(before["state"]),
                            "origin": str(before.get("origin")),
                            "flagged": bool(before.get("flagged")),
                        }
                    taken_back[int(c["id"])] = before
        except (ValueError, TypeError, KeyError, AttributeError):
            raise CorpusError(
                f"{store.path}: decision {decision} of the log cannot be read back"
            ) from None
    done = sorted(i for i, s in status.items() if s == "done")
    attrs: dict[int, dict[str, Any]] = {}
    for chunk in _chunks(done):
        assert chunk is not None
        cur = conn.execute(
            "SELECT id, article_id, quote_start, quote_end, state, origin, flagged "
            f"FROM attributions WHERE article_id IN ({', '.join('?' * len(chunk))})",
            chunk,
        )
        for attr_id, art_id, qs, qe, state, origin, flagged in cur:
            attrs[attr_id] = {
                "article_id": art_id,
                "quote": {"start": qs, "end": qe},
                "state": state,
                "origin": origin,
                "flagged": bool(flagged),
            }
    wanted = set(done)
    for attr_id, record in taken_back.items():
        if record is None:
            attrs.pop(attr_id, None)
        elif record.get("article_id") in wanted:
            attrs[attr_id] = record
    return Decided(through, done, attrs)


def store_fit(store: _Writing, through: int, fit: str, at: str) -> None:
    """Keep a fit (its JSON) with the decision it was fitted through."""
    with store.transaction():
        store._conn.execute(
            "INSERT INTO learned_fits (through, at, fit) VALUES (?, ?, ?)", (through, at, fit)
        )


@guarded
def fits(store: Queries) -> list[tuple[int, str]]:
    """(through, JSON) of every fit kept, oldest first."""
    return list(store._conn.execute("SELECT through, fit FROM learned_fits ORDER BY id"))


@guarded
def latest_fit(store: Queries) -> tuple[int, str] | None:
    """(through, JSON) of the last fit kept, None before any."""
    row = store._conn.execute(
        "SELECT through, fit FROM learned_fits ORDER BY id DESC LIMIT 1"
    ).fetchone()
    return (int(row[0]), str(row[1])) if row else None


@guarded
def learning_on(store: Queries) -> bool:
    """Whether the corpus's suggestions learn from its decisions (the ``learning``
    setting in ``meta``: on unless it says ``off``)."""
    row = store._conn.execute("SELECT value FROM meta WHERE key = ?", (LEARNING_KEY,)).fetchone()
    return row is None or row[0] != "off"


def set_learning(store: _Writing, on: bool) -> None:
    with store.transaction():
        store._conn.execute(
            "INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)",
            (LEARNING_KEY, "on" if on else "off"),
        )


@guarded
def opened(store: Queries) -> list[tuple[int, int]]:
    """(article id, its first decision but the import) of every article done now, in
    the order they were first decided on: when each was opened for review."""
    return list(
        store._conn.execute(
            """SELECT d.article_id, min(d.id) AS first FROM decisions d
               JOIN articles a ON a.id = d.article_id AND a.status = 'done'
               WHERE d.kind != 'import' GROUP BY d.article_id ORDER BY first"""
        )
    )
