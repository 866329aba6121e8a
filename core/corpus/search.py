"""Full-text search of the corpus (FTS5): the filter box's text as a query, the index's
terms that start with a prefix, and each article's entry kept in step with its speaker
names (docs/adr/0018)."""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Callable

#: The last word of a search matches as a prefix from this many characters on (the
#: index keeps 3-character prefixes; shorter ones would scan the whole vocabulary).
PREFIX_MIN = 3
#: A longer prefix is spelled out as the index's terms that start with it, up to this many.
TERMS_MAX = 64


def fts_query(search: str, terms: Callable[[str], list[str] | None] | None = None) -> str | None:
    """The filter box's text as a safe FTS5 query: every word must occur (in the title
    and text or among the speaker names), the last one as a prefix once it has
    PREFIX_MIN characters, so typing narrows as it goes. None when there is no word to look for.

    ``terms`` gives the index's terms that start with a (lower-case ASCII) word, or None
    when there are too many: a longer last word is then matched as any of those terms.
    FTS5 merges every entry of a prefix's terms before it answers (tens of ms at 100k
    articles, for each query), but reads terms only as far as a query needs (docs/adr/0018)."""
    words = re.findall(r"\w+", search)
    if not words:
        return None
    query = " ".join(f'"{w}"' for w in words)
    last = words[-1]
    if len(last) < PREFIX_MIN:
        return query
    found = terms(last.lower()) if terms and len(last) > PREFIX_MIN and last.isascii() else None
    if not found:  # (none at all: the prefix finds nothing either, at once)
        return query + "*"
    alternatives = "(" + " OR ".join(f'"{t}"' for t in found) + ")"
    return " AND ".join([*(f'"{w}"' for w in words[:-1]), alternatives])


def merges_prefix(match: str) -> bool:
    """Whether FTS5 answers ``match`` (of :func:`fts_query`) by merging every entry of
    a prefix's terms first, which costs the same whatever else limits the query."""
    prefix = re.search(r'"(\w+)"\*$', match)
    return prefix is not None and len(prefix[1]) > PREFIX_MIN


class Terms:
    """The index's terms that start with a prefix (None: more than TERMS_MAX), through
    one connection. Looked up once as a word is typed: while nothing was written to the
    corpus, a longer prefix takes its terms from the last lookup's."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self._conn = conn
        self._seen: tuple[tuple[int, int], str, list[str] | None] | None = None

    def __call__(self, prefix: str) -> list[str] | None:
        conn = self._conn
        version = (int(conn.execute("PRAGMA data_version").fetchone()[0]), conn.total_changes)
        if self._seen is not None:
            seen, start, terms = self._seen
            if seen == version and prefix.startswith(start) and terms is not None:
                return [t for t in terms if t.startswith(prefix)]
        conn.execute(  # a view of the index's terms, for this connection only
            "CREATE VIRTUAL TABLE IF NOT EXISTS temp.article_terms "
            "USING fts5vocab(main, 'article_search', 'row')"
        )
        rows = conn.execute(
            "SELECT term FROM temp.article_terms WHERE term >= ? AND term <= ? LIMIT ?",
            (prefix, prefix + "\U0010ffff", TERMS_MAX + 1),
        ).fetchall()
        found = [r[0] for r in rows] if len(rows) <= TERMS_MAX else None
        self._seen = (version, prefix, found)
        return found


def joined_names(names: set[str]) -> str:
    """An article's speaker names as its search entry holds them."""
    return "; ".join(sorted(names))


def index_text(conn: sqlite3.Connection, article_id: int) -> None:
    """A new article's entry in ``articles_fts``, the search Datasette offers on
    ``articles`` (docs/adr/0029), in the caller's transaction: made once, as an article's
    title and text never change."""
    conn.execute(
        "INSERT INTO articles_fts (rowid, title, text) "
        "SELECT id, title, text FROM articles WHERE id = ?",
        (article_id,),
    )


def index_article(conn: sqlite3.Connection, article_id: int, *, update: bool) -> None:
    """Bring the article's search entry in step with its speaker names (``update``:
    it had one before), in the caller's transaction."""
    new = joined_names(
        {
            r[0]
            for r in conn.execute(
                "SELECT speaker_name FROM attributions "
                "WHERE article_id = ? AND speaker_name IS NOT NULL",
                (article_id,),
            )
        }
    )
    if update:
        old = conn.execute(
            "SELECT names FROM article_search_source WHERE id = ?", (article_id,)
        ).fetchone()
        if old is None or old[0] == new:
            return
        conn.execute(  # an external-content entry is removed with the values it was made of
            "INSERT INTO article_search (article_search, rowid, title, text, names) "
            "SELECT 'delete', id, title, text, names FROM article_search_source WHERE id = ?",
            (article_id,),
        )
    conn.execute("INSERT OR REPLACE INTO article_names VALUES (?, ?)", (article_id, new))
    conn.execute(
        "INSERT INTO article_search (rowid, title, text, names) "
        "SELECT id, title, text, names FROM article_search_source WHERE id = ?",
        (article_id,),
    )
