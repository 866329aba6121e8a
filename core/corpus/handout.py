"""Hand-out corpora (``main.py assign``, docs/adr/0032): the rows a hand-out copies from
its source corpus, read a batch of articles at a time (its annotator:
:mod:`core.corpus.annotator`), and what made each suggestion copied (docs/adr/0036)."""

from __future__ import annotations

import json
from typing import Any

from core.corpus.errors import guarded
from core.corpus.learning import _Writing
from core.corpus.queries import Queries
from core.corpus.rows import (
    ARTICLE_COLUMNS,
    ATTRIBUTION_COLUMNS,
    SPEAKER_TABLES,
    SUGGESTION_COLUMNS,
)

#: The columns of ``suggestions`` a hand-out copies: every one, ids kept.
COPIED_SUGGESTION_COLUMNS = ("id", *SUGGESTION_COLUMNS)
#: The known speakers' tables a hand-out copies whole, ids kept: (table, columns).
COPIED_SPEAKER_TABLES = tuple((table, ("id", *cols)) for table, cols in SPEAKER_TABLES.values())


@guarded
def article_keys(store: Queries) -> list[tuple[int, str]]:
    """(id, content hash) of every article, damaged ones found so far left out: what the
    deal needs, in no order (from the hashes' unique index, which holds both: never a
    text)."""
    rows = store._conn.execute("SELECT id, content_hash FROM articles").fetchall()
    return [(i, h) for i, h in rows if i not in store._damage.articles]


@guarded
def decided(store: Queries) -> tuple[int, int]:
    """(articles not todo or flagged as a whole, attributions accepted, rejected or
    flagged): what anyone decided (a doubt too, docs/adr/0033)."""
    articles, attributions = store._conn.execute(
        "SELECT (SELECT COUNT(*) FROM articles WHERE status != 'todo' "
        "OR id IN (SELECT id FROM article_flags)), "
        "(SELECT COUNT(*) FROM attributions WHERE state != 'suggested' OR flagged)"
    ).fetchone()
    return int(articles), int(attributions)


@guarded
def speaker_rows(store: Queries) -> list[list[tuple[Any, ...]]]:
    """The rows of each of :data:`COPIED_SPEAKER_TABLES`, in id order."""
    return [
        store._conn.execute(f"SELECT {', '.join(cols)} FROM {table} ORDER BY id").fetchall()
        for table, cols in COPIED_SPEAKER_TABLES
    ]


@guarded
def article_batch(
    store: Queries, ids: list[int], *, attributions: bool
) -> tuple[list[tuple[Any, ...]], list[tuple[Any, ...]], list[tuple[Any, ...]]]:
    """The rows (every column, :data:`ARTICLE_COLUMNS` and :data:`ATTRIBUTION_COLUMNS`)
    of the articles ``ids`` and, with ``attributions``, of their attributions and of
    their flags as a whole (``id, comment``: a doubt is a decision as they are)."""
    each = "(SELECT value FROM json_each(?))"
    articles = store._conn.execute(
        f"SELECT {', '.join(ARTICLE_COLUMNS)} FROM articles WHERE id IN {each} ORDER BY id",
        (json.dumps(ids),),
    ).fetchall()
    if not attributions:
        return articles, [], []
    rows = store._conn.execute(
        f"SELECT {', '.join(ATTRIBUTION_COLUMNS)} FROM attributions "
        f"WHERE article_id IN {each} ORDER BY article_id, quote_start, id",
        (json.dumps(ids),),
    ).fetchall()
    flags = store._conn.execute(
        f"SELECT id, comment FROM article_flags WHERE id IN {each} ORDER BY id",
        (json.dumps(ids),),
    ).fetchall()
    return articles, rows, flags


@guarded
def suggestion_rows(store: Queries, ids: list[int]) -> list[tuple[Any, ...]]:
    """The ``suggestions`` rows (:data:`COPIED_SUGGESTION_COLUMNS`) of the articles ``ids``:
    what made each of their suggestions and candidates, in the order they were made."""
    return store._conn.execute(
        f"SELECT {', '.join(COPIED_SUGGESTION_COLUMNS)} FROM suggestions "
        "WHERE article_id IN (SELECT value FROM json_each(?)) ORDER BY id",
        (json.dumps(ids),),
    ).fetchall()


def add_suggestion_rows(store: _Writing, rows: list[tuple[Any, ...]]) -> None:
    """Keep another corpus's ``suggestions`` rows as they are, ids kept (their articles
    and attributions copied already), so that what the hand-out learns reads the same
    features as its source (docs/adr/0036). An attribution id they name that was not
    copied (its suggestion deleted) is never given to a new attribution here: the
    attributions' sequence goes past it, as it did in the source."""
    if not rows:
        return
    at = COPIED_SUGGESTION_COLUMNS.index("attribution_id")
    named = max((r[at] for r in rows if r[at] is not None), default=0)
    with store.transaction():
        store._conn.executemany(
            f"INSERT INTO suggestions ({', '.join(COPIED_SUGGESTION_COLUMNS)}) "
            f"VALUES ({', '.join('?' * len(COPIED_SUGGESTION_COLUMNS))})",
            rows,
        )
        (seq,) = store._conn.execute(
            "SELECT COALESCE((SELECT seq FROM sqlite_sequence WHERE name = 'attributions'), 0)"
        ).fetchone()
        if named > seq:
            store._conn.execute("DELETE FROM sqlite_sequence WHERE name = 'attributions'")
            store._conn.execute(
                "INSERT INTO sqlite_sequence (name, seq) VALUES ('attributions', ?)", (named,)
            )
