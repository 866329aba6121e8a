"""Reads over many rows: the list, search, next/previous, counts and stats (the Store's
own, from :class:`Queries`), and what the article list, the undo history, the speakers
panel, the report and the exports read (functions taking the store). Each says which
index answers it; none reads article text unless it says so."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Generator, Iterator, Sequence
from contextlib import suppress
from pathlib import Path
from typing import Any, Literal

from core.corpus.errors import corpus_error, guarded
from core.corpus.integrity import Damage
from core.corpus.rows import ARTICLE_COLUMNS, ATTRIBUTION_COLUMNS, ArticleSummary, dicts
from core.corpus.search import Terms, fts_query
from core.model import Speaker, SpeakerKind, State, Status

#: Rows as they are read; ``close()`` closes the cursor.
Rows = Generator[tuple[Any, ...], None, None]


class Queries:
    """The Store's reads over many rows (a base of :class:`core.corpus.store.Store`,
    which opens the connection and keeps the damage found)."""

    path: Path
    _conn: sqlite3.Connection
    _damage: Damage
    _terms: Terms

    @guarded
    def article_summaries(
        self, article_id: int | None = None, *, ids: Sequence[int] | None = None
    ) -> list[ArticleSummary]:
        """List lines, in id order: of every article, of ``article_id`` only, or of
        ``ids`` (a window of the list). Reads the list index, never article text; a
        line whose status is damaged is left out (and reported in :attr:`damage`)."""
        if ids is not None:
            where, args = f"WHERE a.id IN ({', '.join('?' * len(ids))})", list(ids)
        elif article_id is not None:
            where, args = "WHERE a.id = ?", [article_id]
        else:
            where, args = "", []
        rows = self._conn.execute(
            f"""SELECT a.id, a.title, a.date, a.status,
                   (SELECT COUNT(*) FROM attributions t
                    WHERE t.article_id = a.id AND t.state = 'suggested'),
                   (SELECT COUNT(*) FROM attributions t
                    WHERE t.article_id = a.id AND t.state != 'rejected'),
                   EXISTS (SELECT 1 FROM article_flags f WHERE f.id = a.id)
                   OR EXISTS (SELECT 1 FROM attributions t INDEXED BY attributions_flagged
                              WHERE t.article_id = a.id AND t.flagged)
               FROM articles a INDEXED BY articles_list {where} ORDER BY a.id""",
            args,
        ).fetchall()
        for r in rows:
            if r[3] not in set(Status):  # the scan names it, and any other damage
                self._damage.of(r[0])
        return [
            ArticleSummary(r[0], r[1], r[2], Status(r[3]), r[4], r[5], bool(r[6]))
            for r in rows
            if r[0] not in self._damage.articles
        ]

    @guarded
    def fts_match(self, search: str) -> str | None:
        """:func:`fts_query` for this corpus, a longer last word spelled out as the
        index's terms that start with it (:class:`core.corpus.search.Terms`)."""
        return fts_query(search, self._terms)

    @guarded
    def article_ids(
        self, search: str = "", start: int = 0, limit: int | None = None, *, from_id: int = 0
    ) -> list[int]:
        """Article ids in list order, or of those whose title, text or speaker names
        match ``search`` (see :meth:`fts_match`): all of them from ``from_id`` on, or
        the window of ``limit`` from position ``start`` among those."""
        match = self.fts_match(search)
        args: list[Any] = [from_id]
        if match is None:
            sql = "SELECT id FROM articles WHERE id >= ? ORDER BY id"
        else:
            sql = (
                "SELECT rowid FROM article_search WHERE article_search MATCH ? AND rowid >= ? "
                "ORDER BY rowid"
            )
            args.insert(0, match)
        if limit is not None or start:
            sql += " LIMIT ? OFFSET ?"
            args += [-1 if limit is None else limit, start]
        return [r[0] for r in self._conn.execute(sql, args) if r[0] not in self._damage.articles]

    @guarded
    def article_count(self, search: str = "", ids: tuple[int, int] | None = None) -> int:
        """How many articles the list shows (those matching ``search``; damaged ones
        found so far left out, as :meth:`article_ids` leaves them out), or how many of
        them have an id in the range ``ids`` (first, end exclusive)."""
        match = self.fts_match(search)
        if match is None and ids is None:
            total = self._conn.execute("SELECT COUNT(*) FROM articles").fetchone()[0]
            return int(total) - len(self._damage.articles)
        first, end = ids if ids is not None else (0, 2**63 - 1)
        if match is None:
            sql = "SELECT COUNT(*) FROM articles INDEXED BY articles_list WHERE id >= ? AND id < ?"
            args: list[Any] = [first, end]
        else:
            sql = (
                "SELECT COUNT(*) FROM article_search WHERE article_search MATCH ? "
                "AND rowid >= ? AND rowid < ?"
            )
            args = [match, first, end]
        sql += f" AND {'id' if match is None else 'rowid'} NOT IN (SELECT value FROM json_each(?))"
        return int(
            self._conn.execute(sql, [*args, json.dumps(list(self._damage.articles))]).fetchone()[0]
        )

    @guarded
    def status_counts(self) -> dict[Status, int]:
        """Articles per status, from one index."""
        rows = self._conn.execute(
            "SELECT status, COUNT(*) FROM articles GROUP BY status"
        ).fetchall()
        counts = dict.fromkeys(Status, 0)
        counts.update({Status(k): v for k, v in rows if k in set(Status)})  # others: damage
        return counts

    @guarded
    def neighbour(
        self, article_id: int, step: int, *, search: str = "", todo_only: bool = False
    ) -> int | None:
        """The next (``step`` 1) or previous (-1) article in list order from
        ``article_id``, wrapping around, among those matching ``search`` and (with
        ``todo_only``) not done, damaged ones found so far passed over; None when there
        is no other. Index seeks: the cost does not grow with the corpus."""
        found = self._neighbour(article_id, step, search, todo_only)
        passed = {article_id}
        while found is not None and found in self._damage.articles:
            passed.add(found)
            found = self._neighbour(found, step, search, todo_only)
            if found in passed:  # round the whole list
                return None
        return found

    def _neighbour(self, article_id: int, step: int, search: str, todo_only: bool) -> int | None:
        cmp, order, pick = (">", "ASC", min) if step > 0 else ("<", "DESC", max)
        match = self.fts_match(search)
        queries: list[tuple[str, list[Any]]] = []
        if match is not None:
            sql = "SELECT f.rowid FROM article_search f"
            if todo_only:
                sql += " JOIN articles a INDEXED BY articles_list ON a.id = f.rowid"
            sql += f" WHERE article_search MATCH ? AND f.rowid {cmp} ?"
            if todo_only:
                sql += " AND a.status != 'done'"
            queries.append((f"{sql} ORDER BY f.rowid {order} LIMIT 1", [match]))
        elif todo_only:
            sql = (
                "SELECT id FROM articles "
                f"WHERE status = ? AND id {cmp} ? ORDER BY id {order} LIMIT 1"
            )
            queries = [(sql, [Status.TODO.value]), (sql, [Status.IN_PROGRESS.value])]
        else:
            sql = f"SELECT id FROM articles WHERE id {cmp} ? ORDER BY id {order} LIMIT 1"
            queries = [(sql, [])]
        for bound in (article_id, 0 if step > 0 else 2**63 - 1):  # then wrap around
            found = [
                row[0]
                for sql, args in queries
                for row in self._conn.execute(sql, [*args, bound]).fetchall()
            ]
            if found:
                nearest = int(pick(found))
                return None if nearest == article_id else nearest
        return None

    @guarded
    def stats(self) -> dict[str, Any]:
        """Counts for ``main.py stats``: every figure from an index, never article rows."""
        c = self._conn
        by_state_type = c.execute(
            "SELECT state, type, COUNT(*) FROM attributions GROUP BY state, type"
        ).fetchall()
        by_state: dict[str, int] = {}
        by_type: dict[str, int] = {}
        for state, qtype, n in by_state_type:
            by_state[state] = by_state.get(state, 0) + n
            if state != State.REJECTED.value:
                by_type[qtype] = by_type.get(qtype, 0) + n
        speakers = c.execute(
            """SELECT COALESCE(speaker_name, '(none)'), COUNT(*)
               FROM attributions WHERE state != 'rejected' GROUP BY speaker_name
               ORDER BY 2 DESC, 1 LIMIT 10"""
        ).fetchall()
        by_status = self.status_counts()
        return {
            "corpus": str(self.path),
            "articles": sum(by_status.values()),
            "articles_by_status": {s.value: n for s, n in by_status.items()},
            "attributions_by_state": by_state,
            "attributions_by_type": by_type,
            "top_speakers": speakers,
            "decisions": c.execute("SELECT COUNT(*) FROM decisions").fetchone()[0],
        }

    @guarded
    def decisions(self) -> list[dict[str, Any]]:
        """Every row of the decisions log, oldest first, its changes parsed."""
        rows = dicts(self._conn.execute("SELECT * FROM decisions ORDER BY id"))
        return [dict(r, changes=json.loads(r["changes"])) for r in rows]


def _rows(store: Queries, sql: str, args: Sequence[Any] = ()) -> Rows:
    """A query's rows as they are read (SQLite's errors as CorpusError, also those met
    half-way), its cursor closed when the iterator is."""
    try:
        cur = store._conn.execute(sql, args)
        try:
            for row in cur:  # noqa: UP028 (yield from would close the cursor unguarded)
                yield row
        finally:
            # (an iterator dropped after the store closed: its cursor went with it)
            with suppress(sqlite3.ProgrammingError):
                cur.close()
    except sqlite3.Error as exc:
        raise corpus_error(store.path, exc) from None


def _columns(names: Sequence[str], of: Sequence[str]) -> str:
    """``names`` as a select list, each one a column of the table whose columns are ``of``."""
    unknown = set(names) - set(of)
    if unknown:
        raise ValueError(f"no such column: {', '.join(sorted(unknown))}")
    return ", ".join(names)


def _attributions_of(*, done_only: bool, accepted_only: bool = False, live: bool = False) -> str:
    """The WHERE clause (with a trailing space; empty for all) that keeps the
    attributions of done articles only, accepted ones only, not rejected ones only."""
    where = []
    if done_only:
        where.append("article_id IN (SELECT id FROM articles WHERE status = 'done')")
    if accepted_only:
        where.append("state = 'accepted'")
    if live:
        where.append("state != 'rejected'")
    return f"WHERE {' AND '.join(where)} " if where else ""


# -- the article list (core.review.article_list) --------------------------------------------


@guarded
def id_range(store: Queries) -> tuple[int, int] | None:
    """The first and the last article id; None when there is no article. Two seeks
    (min and max at once would be a scan)."""
    first, last = store._conn.execute(
        "SELECT (SELECT min(id) FROM articles), (SELECT max(id) FROM articles)"
    ).fetchone()
    return None if last is None else (int(first), int(last))


@guarded
def last_id(store: Queries) -> int:
    """The last article id (0 when there is no article): one seek."""
    (last,) = store._conn.execute("SELECT max(id) FROM articles").fetchone()
    return int(last or 0)


@guarded
def row_of(store: Queries, article_id: int) -> int | None:
    """The article's row among every article in id order, None when there is no such
    article: one count on an index."""
    c = store._conn
    if c.execute("SELECT 1 FROM articles WHERE id = ?", (article_id,)).fetchone() is None:
        return None
    return int(c.execute("SELECT COUNT(*) FROM articles WHERE id < ?", (article_id,)).fetchone()[0])


@guarded
def matches_to(store: Queries, match: str, first: int, article_id: int) -> tuple[int, bool]:
    """How many articles with an id from ``first`` up to ``article_id`` match ``match``
    (an FTS5 query of :meth:`Queries.fts_match`), and whether ``article_id`` is one."""
    n, found = store._conn.execute(
        "SELECT COUNT(*), MAX(rowid = ?) FROM article_search "
        "WHERE article_search MATCH ? AND rowid >= ? AND rowid <= ?",
        (article_id, match, first, article_id),
    ).fetchone()
    return int(n), bool(found)


@guarded
def suggestions_in(store: Queries, first: int, end: int) -> int:
    """Suggestions nobody has decided yet in the articles with an id from ``first`` to
    ``end`` (exclusive): a slice of the (article_id, state) index."""
    (n,) = store._conn.execute(
        # +state: by the (article_id, state) index, a slice of it; by the index on
        # state, SQLite's own choice, every suggestion in the corpus was read
        "SELECT COUNT(*) FROM attributions "
        "WHERE article_id >= ? AND article_id < ? AND +state = 'suggested'",
        (first, end),
    ).fetchone()
    return int(n)


@guarded
def has_article_from(store: Queries, first: int) -> bool:
    """Whether an article has an id from ``first`` on."""
    found = store._conn.execute("SELECT 1 FROM articles WHERE id >= ? LIMIT 1", (first,)).fetchone()
    return found is not None


# -- the decisions log as the undo history (core.review.commands) ---------------------------


@guarded
def last_decision(store: Queries) -> int:
    """The id of the decisions log's last row (0 when it is empty)."""
    return int(store._conn.execute("SELECT coalesce(max(id), 0) FROM decisions").fetchone()[0])


def undo_log(store: Queries) -> Iterator[tuple[int, str, int | None]]:
    """(id, kind, ref) of every edit, undo and redo in the decisions log, oldest first,
    from an index (their changes are not read)."""
    return _rows(
        store,
        "SELECT id, kind, ref FROM decisions WHERE kind IN ('edit', 'undo', 'redo') ORDER BY id",
    )


def logged(store: Queries, ids: Sequence[int]) -> Iterator[tuple[int, int, str, str]]:
    """(id, article_id, label, changes as stored: JSON) of the edits, undos and redos
    with these ids (of :func:`undo_log`), read 500 at a time."""
    for i in range(0, len(ids), 500):
        chunk = ids[i : i + 500]
        yield from _rows(
            store,
            "SELECT id, article_id, label, changes FROM decisions "
            f"WHERE id IN ({', '.join('?' * len(chunk))})",
            chunk,
        )


# -- speakers (core.review.speaker_edit, the speakers dock, what suggestions know) ---------


def _speakers(store: Queries, where: str = "", args: Sequence[Any] = ()) -> list[Speaker]:
    """The speakers ``where`` picks (all of them by default), by id, with their aliases:
    speakers by their primary key or unique name, aliases by speaker (an index each)."""
    rows = store._conn.execute(
        f"SELECT id, name, kind, external_id FROM speakers {where} ORDER BY id", args
    ).fetchall()
    ids = [r[0] for r in rows]
    aliases: dict[int, list[str]] = {}
    for i in range(0, len(ids), 500):
        chunk = ids[i : i + 500]
        for speaker_id, alias in store._conn.execute(
            "SELECT speaker_id, alias FROM speaker_aliases "
            f"WHERE speaker_id IN ({', '.join('?' * len(chunk))}) ORDER BY speaker_id, id",
            chunk,
        ):
            aliases.setdefault(speaker_id, []).append(alias)
    return [_speaker(row, aliases.get(row[0], ())) for row in rows]


def _speaker(row: Sequence[Any], aliases: Sequence[str] = ()) -> Speaker:
    """The speaker of a row (id, name, kind, external_id); a kind that is none of ours
    (NULL: nobody said) is None."""
    speaker_id, name, kind, external_id = row[:4]
    known = SpeakerKind(kind) if kind in set(SpeakerKind) else None
    return Speaker(name, known, tuple(aliases), external_id or "", speaker_id)


@guarded
def known_speakers(store: Queries) -> list[Speaker]:
    """The corpus's speakers with their aliases, by id (what suggestions resolve names
    against, what merge candidates are found among, what ``speakers export`` writes):
    those with a quote or with anything stated (a kind, an external id, an alias). A
    speaker made from a name alone that no quote has any longer (a name typed, then
    corrected) is left out: it knows nothing. Index seeks per speaker."""
    return _speakers(
        store,
        """WHERE kind IS NOT NULL OR external_id != ''
             OR EXISTS (SELECT 1 FROM speaker_aliases a WHERE a.speaker_id = speakers.id)
             OR EXISTS (SELECT 1 FROM attributions t WHERE t.speaker_id = speakers.id)""",
    )


@guarded
def all_speakers(store: Queries) -> list[Speaker]:
    """Every speaker row of the corpus, with its aliases, by id (what an export names
    its attributions' speakers from)."""
    return _speakers(store)


@guarded
def speakers_named(store: Queries, names: Sequence[str]) -> list[Speaker]:
    """The speakers whose canonical names are among ``names``, with their aliases."""
    return _speakers(store, f"WHERE name IN ({', '.join('?' * len(names))})", list(names))


@guarded
def speakers_with_ids(store: Queries, ids: Sequence[int]) -> list[Speaker]:
    """The speakers with these ids, with their aliases."""
    return _speakers(store, f"WHERE id IN ({', '.join('?' * len(ids))})", list(ids))


@guarded
def alias_ids(store: Queries, speaker_id: int) -> list[tuple[int, str]]:
    """(alias row id, alias) of each alias of the speaker, from the (speaker, alias) index."""
    return store._conn.execute(
        "SELECT id, alias FROM speaker_aliases WHERE speaker_id = ? ORDER BY id", (speaker_id,)
    ).fetchall()


@guarded
def has_alias(store: Queries, name: str, alias: str) -> bool:
    """Whether the speaker named ``name`` has ``alias`` among its aliases: two seeks."""
    found = store._conn.execute(
        "SELECT 1 FROM speakers s JOIN speaker_aliases a ON a.speaker_id = s.id "
        "WHERE s.name = ? AND a.alias = ?",
        (name, alias),
    ).fetchone()
    return found is not None


@guarded
def attributions_of(store: Queries, speaker_id: int) -> list[int]:
    """Ids of the speaker's attributions (rejected ones too), by article: the
    (speaker_id, state) index."""
    return [
        r[0]
        for r in store._conn.execute(
            "SELECT id FROM attributions WHERE speaker_id = ? ORDER BY article_id, id",
            (speaker_id,),
        )
    ]


@guarded
def dismissed(store: Queries) -> set[tuple[int, int]]:
    """The pairs of speaker ids (lower first) the user said are not duplicates."""
    return {(a, b) for a, b in store._conn.execute("SELECT first, second FROM speaker_dismissals")}


@guarded
def speaker_counts(store: Queries) -> list[tuple[Speaker, int]]:
    """Every speaker with quotes (rejected ones aside), with their number, most quoted
    first, then by name: the (speaker_id, state) index, then each speaker's row."""
    counts = store._conn.execute(
        """SELECT s.id, s.name, s.kind, s.external_id, COUNT(*) FROM attributions t
           JOIN speakers s ON s.id = t.speaker_id
           WHERE t.state != ? GROUP BY t.speaker_id ORDER BY 5 DESC, 2""",
        (State.REJECTED.value,),
    ).fetchall()
    return [(_speaker(row), row[4]) for row in counts]


@guarded
def quotes_of(store: Queries, name: str) -> list[tuple[int, int]]:
    """(article id, attribution id) of every quote, rejected ones aside, of the speaker
    named ``name``, in corpus order."""
    return store._conn.execute(
        """SELECT t.article_id, t.id FROM speakers s JOIN attributions t ON t.speaker_id = s.id
           WHERE s.name = ? AND t.state != ? ORDER BY t.article_id, t.quote_start""",
        (name, State.REJECTED.value),
    ).fetchall()


# -- the report (core.measure.report) and the exports (core.formats.export) ----------------


def logged_changes(store: Queries) -> Iterator[list[dict[str, Any]]]:
    """The changes of every edit, undo and redo in the decisions log, oldest first."""
    for (changes,) in _rows(
        store, "SELECT changes FROM decisions WHERE kind IN ('edit', 'undo', 'redo') ORDER BY id"
    ):
        yield json.loads(changes)


@guarded
def article_total(store: Queries, *, done_only: bool = False) -> int:
    """How many articles there are (done ones only, with ``done_only``), damaged ones
    found so far left out."""
    where = "WHERE status = 'done'" if done_only else ""
    c, damaged = store._conn, store._damage.articles
    total = int(c.execute(f"SELECT COUNT(*) FROM articles {where}").fetchone()[0])
    if damaged:
        total -= sum(1 for (i,) in c.execute(f"SELECT id FROM articles {where}") if i in damaged)
    return total


def article_rows(store: Queries, columns: Sequence[str], *, done_only: bool = False) -> Rows:
    """Every article's ``columns`` (done ones only, with ``done_only``), in id order, as
    they are read (a whole article a row)."""
    where = "WHERE status = 'done'" if done_only else ""
    return _rows(
        store, f"SELECT {_columns(columns, ARTICLE_COLUMNS)} FROM articles {where} ORDER BY id"
    )


def attribution_rows(
    store: Queries, columns: Sequence[str], *, done_only: bool = False, accepted_only: bool = False
) -> Rows:
    """Every attribution's ``columns`` (of done articles only, accepted ones only, as
    asked) by article, in text order, as they are read (the (article_id, quote_start)
    index)."""
    where = _attributions_of(done_only=done_only, accepted_only=accepted_only)
    return _rows(
        store,
        f"SELECT {_columns(columns, ATTRIBUTION_COLUMNS)} FROM attributions {where}"
        "ORDER BY article_id, quote_start, id",
    )


@guarded
def attribution_counts(
    store: Queries,
    by: Literal["state", "type", "origin"],
    *,
    live: bool = False,
    done_only: bool = False,
) -> dict[str, int]:
    """Attributions by state, type or origin: of those not rejected only (``live``), of
    done articles only (``done_only``), as asked."""
    _columns([by], ("state", "type", "origin"))
    where = _attributions_of(done_only=done_only, live=live)
    return dict(store._conn.execute(f"SELECT {by}, COUNT(*) FROM attributions {where}GROUP BY 1"))


@guarded
def quote_totals(store: Queries) -> tuple[int, int, int]:
    """Quotes (attributions not rejected), of which unreviewed (still suggested) and
    without a speaker name."""
    quotes, unreviewed, no_name = store._conn.execute(
        """SELECT COUNT(*), COALESCE(SUM(state = 'suggested'), 0),
                  COALESCE(SUM(speaker_name IS NULL OR speaker_name = ''), 0)
           FROM attributions WHERE state != 'rejected'"""
    ).fetchone()
    return int(quotes), int(unreviewed), int(no_name)


def quotes_by_article(store: Queries) -> Rows:
    """(url, month of its date as YYYY-MM, quotes not rejected) of every article, as
    they are read (the list index and the (article_id, state) index: no article text)."""
    return _rows(
        store,
        """SELECT a.url, substr(a.date, 1, 7), COUNT(t.id) FROM articles a
           LEFT JOIN attributions t ON t.article_id = a.id AND t.state != 'rejected'
           GROUP BY a.id""",
    )


@guarded
def speaker_figures(store: Queries) -> list[tuple[Speaker, int, int, int]]:
    """(speaker, quotes, articles, unreviewed quotes) of every speaker, rejected quotes
    aside, most quoted first, then by name: speakers, not spellings (a merge counts as
    one)."""
    rows = store._conn.execute(
        """SELECT s.id, s.name, s.kind, s.external_id, COUNT(*), COUNT(DISTINCT t.article_id),
                  SUM(t.state = 'suggested')
           FROM attributions t JOIN speakers s ON s.id = t.speaker_id
           WHERE t.state != 'rejected' GROUP BY t.speaker_id ORDER BY 5 DESC, 2"""
    ).fetchall()
    return [(_speaker(r), r[4], r[5], r[6]) for r in rows]


@guarded
def cue_words(store: Queries, speaker_ids: Sequence[int]) -> list[tuple[int, str, int]]:
    """(speaker id, cue text, quotes) of the quotes, rejected ones aside, with a cue and
    one of these speakers: the cue cut from its article's text here, a row per cue text
    (their texts are read one at a time, never held)."""
    return store._conn.execute(
        f"""SELECT t.speaker_id, substr(a.text, t.cue_start + 1, t.cue_end - t.cue_start),
                   COUNT(*)
            FROM attributions t JOIN articles a ON a.id = t.article_id
            WHERE t.state != 'rejected' AND t.cue_start IS NOT NULL
              AND t.speaker_id IN ({",".join("?" * len(speaker_ids))})
            GROUP BY 1, 2""",
        list(speaker_ids),
    ).fetchall()


# -- flags (docs/adr/0033) -------------------------------------------------------------------


@guarded
def article_flags(store: Queries) -> dict[int, str]:
    """The comment of every article flagged as a whole, by article id (a row each)."""
    return dict(store._conn.execute("SELECT id, comment FROM article_flags"))


@guarded
def flag_counts(store: Queries) -> tuple[int, int]:
    """(attributions flagged, articles flagged as a whole or holding a flagged
    attribution): from the flags' partial index and table, never every row."""
    c = store._conn
    flagged = c.execute(
        "SELECT article_id FROM attributions INDEXED BY attributions_flagged WHERE flagged"
    ).fetchall()
    whole = c.execute("SELECT id FROM article_flags").fetchall()
    return len(flagged), len({r[0] for r in flagged} | {r[0] for r in whole})
