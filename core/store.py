"""The corpus: one SQLite file, opened through sqlite-utils.

Every change is one transaction (``BEGIN IMMEDIATE`` ... ``COMMIT``) with one row
in the append-only ``decisions`` log. A file that is not a QuoteLab corpus, is
corrupt or was written by a newer version is refused and never modified. One
``Store`` per thread: sqlite3 connections are not shared.
"""

from __future__ import annotations

import getpass
import json
import os
import re
import sqlite3
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import cached_property
from pathlib import Path
from typing import Any

import sqlite_utils

from core.model import Article, Attribution, Span, State, Status
from core.tokens import Tokens

APP_ID = "quotelab"
BUSY_TIMEOUT_MS = 5000
_SQLITE_MAGIC = b"SQLite format 3\x00"


class CorpusError(Exception):
    """A corpus that cannot be opened or written; the message says which and why."""


class ReadOnlyError(CorpusError):
    pass


class ConflictError(CorpusError):
    """The data changed under a command (another window or process edited it)."""


def _script(conn: sqlite3.Connection, sql: str) -> None:
    """Run several statements inside the caller's transaction (executescript would commit)."""
    for statement in sql.split(";"):
        if statement.strip():
            conn.execute(statement)


def _v1(conn: sqlite3.Connection) -> None:
    _script(
        conn,
        """
        CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
        CREATE TABLE articles (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            content_hash TEXT NOT NULL UNIQUE,
            text TEXT NOT NULL,
            title TEXT NOT NULL DEFAULT '',
            byline TEXT NOT NULL DEFAULT '',
            date TEXT NOT NULL DEFAULT '',
            url TEXT NOT NULL DEFAULT '',
            source TEXT NOT NULL DEFAULT '',
            non_body TEXT NOT NULL DEFAULT '[]',
            status TEXT NOT NULL DEFAULT 'todo'
                CHECK (status IN ('todo', 'in_progress', 'done')),
            imported_at TEXT NOT NULL
        );
        CREATE TABLE attributions (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            quote_start INTEGER NOT NULL,
            quote_end INTEGER NOT NULL,
            speaker_start INTEGER, speaker_end INTEGER,
            cue_start INTEGER, cue_end INTEGER,
            speaker_name TEXT,
            type TEXT NOT NULL CHECK (type IN ('direct', 'mixed', 'indirect')),
            state TEXT NOT NULL CHECK (state IN ('suggested', 'accepted', 'rejected')),
            origin TEXT NOT NULL CHECK (origin IN ('model', 'manual')),
            confidence REAL,
            CHECK (0 <= quote_start AND quote_start < quote_end),
            CHECK ((speaker_start IS NULL) = (speaker_end IS NULL)),
            CHECK ((cue_start IS NULL) = (cue_end IS NULL))
        );
        CREATE INDEX attributions_article ON attributions(article_id, quote_start);
        CREATE TABLE decisions (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            at TEXT NOT NULL,
            annotator TEXT NOT NULL,
            kind TEXT NOT NULL CHECK (kind IN ('edit', 'undo', 'redo', 'import')),
            ref INTEGER REFERENCES decisions(id),
            article_id INTEGER,
            label TEXT NOT NULL,
            changes TEXT NOT NULL
        );
        """,
    )
    conn.execute("INSERT INTO meta VALUES ('app', ?)", (APP_ID,))


def _v2(conn: sqlite3.Connection) -> None:
    """Token boundaries per article, for snapping span edits to tokens."""
    conn.execute("ALTER TABLE articles ADD COLUMN tokens TEXT")


def _v3_list_search(conn: sqlite3.Connection) -> None:
    """Indexes that let the list, the counts, next/previous and stats read only what
    they need (an article row holds its text, and the columns after it sit in overflow
    pages), and full-text search of titles, text and speaker names (FTS5)."""
    _script(
        conn,
        """
        CREATE INDEX articles_list ON articles(id, title, date, status);
        CREATE INDEX articles_status ON articles(status, id);
        CREATE INDEX attributions_state ON attributions(article_id, state);
        CREATE INDEX attributions_stats ON attributions(state, type);
        CREATE INDEX attributions_speaker ON attributions(speaker_name, state);
        CREATE TABLE article_names (
            article_id INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
            names TEXT NOT NULL);
        CREATE VIEW article_search_source AS
            SELECT a.id, a.title, a.text, COALESCE(n.names, '') AS names
            FROM articles a LEFT JOIN article_names n ON n.article_id = a.id;
        CREATE VIRTUAL TABLE article_search USING fts5(
            title, text, names, content='article_search_source', content_rowid='id',
            tokenize='unicode61 remove_diacritics 2', prefix='3')
        """,
    )
    rows = conn.execute(
        "SELECT article_id, speaker_name FROM attributions WHERE speaker_name IS NOT NULL"
    ).fetchall()
    names: dict[int, set[str]] = {}
    for article_id, name in rows:
        names.setdefault(article_id, set()).add(name)
    conn.executemany(
        "INSERT INTO article_names VALUES (?, ?)",
        [(article_id, _joined(found)) for article_id, found in names.items()],
    )
    conn.execute("INSERT INTO article_search(article_search) VALUES ('rebuild')")


def _joined(names: set[str]) -> str:
    return "; ".join(sorted(names))


def _index_article(conn: sqlite3.Connection, article_id: int, *, update: bool) -> None:
    """Bring the article's search entry in step with its speaker names (``update``:
    it had one before), in the caller's transaction."""
    new = _joined(
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


#: The last word of a search matches as a prefix from this many characters on (the
#: index keeps 3-character prefixes; shorter ones would scan the whole vocabulary).
PREFIX_MIN = 3


def fts_query(search: str) -> str | None:
    """The filter box's text as a safe FTS5 query: every word must occur (in the title
    and text or among the speaker names), the last one as a prefix once it has
    PREFIX_MIN characters, so typing narrows as it goes. None when there is no word to look for."""
    words = re.findall(r"\w+", search)
    if not words:
        return None
    query = " ".join(f'"{w}"' for w in words)
    return query + "*" if len(words[-1]) >= PREFIX_MIN else query


#: Forward migrations; the schema version is ``len(MIGRATIONS)`` in PRAGMA user_version.
MIGRATIONS: list[Callable[[sqlite3.Connection], None]] = [_v1, _v2, _v3_list_search]
SCHEMA_VERSION = len(MIGRATIONS)
_EXPECTED = {
    "articles": {"id", "content_hash", "text", "title", "status", "non_body"},
    "attributions": {"id", "article_id", "quote_start", "quote_end", "type", "state", "origin"},
    "decisions": {"id", "kind", "ref", "changes"},
}


def now() -> str:
    return datetime.now(UTC).isoformat(timespec="milliseconds")


def annotator_name() -> str:
    name = os.environ.get("QUOTELAB_ANNOTATOR")
    if name:
        return name
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return "annotator"


@dataclass(frozen=True)
class ArticleSummary:
    id: int
    title: str
    date: str
    status: Status
    to_review: int
    total: int


def _attr_row(a: Attribution, article_id: int) -> dict[str, Any]:
    row: dict[str, Any] = {
        "article_id": article_id,
        "quote_start": a.quote.start,
        "quote_end": a.quote.end,
        "speaker_start": a.speaker.start if a.speaker else None,
        "speaker_end": a.speaker.end if a.speaker else None,
        "cue_start": a.cue.start if a.cue else None,
        "cue_end": a.cue.end if a.cue else None,
        "speaker_name": a.speaker_name,
        "type": str(a.type),
        "state": str(a.state),
        "origin": str(a.origin),
        "confidence": a.confidence,
    }
    if a.id is not None:
        row["id"] = a.id
    return row


def _attr_from_row(r: dict[str, Any]) -> Attribution:
    def span(prefix: str) -> dict[str, int] | None:
        s = r[f"{prefix}_start"]
        return None if s is None else {"start": s, "end": r[f"{prefix}_end"]}

    return Attribution.from_record(
        {
            "quote": span("quote"),
            "speaker": span("speaker"),
            "cue": span("cue"),
            "speaker_name": r["speaker_name"],
            "type": r["type"],
            "state": r["state"],
            "origin": r["origin"],
            "confidence": r["confidence"],
        },
        id=r["id"],
    )


def _check_file(path: Path) -> None:
    """Refuse, without writing, a file that cannot be a healthy QuoteLab corpus."""
    try:
        with path.open("rb") as f:
            head = f.read(len(_SQLITE_MAGIC))
    except OSError as exc:
        raise CorpusError(f"{path}: cannot be read ({exc.strerror or exc})") from None
    if head != _SQLITE_MAGIC:
        raise CorpusError(f"{path}: not a QuoteLab corpus (not an SQLite database)")
    try:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    except sqlite3.Error as exc:
        raise CorpusError(f"{path}: cannot be opened ({exc})") from None
    try:
        ok = conn.execute("PRAGMA quick_check").fetchone()[0]
        if ok != "ok":
            raise CorpusError(f"{path}: the corpus is damaged ({ok}); it was not modified")
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        if version == 0 and not tables:
            raise CorpusError(f"{path}: an empty SQLite file, not a QuoteLab corpus")
        if "meta" not in tables or conn.execute(
            "SELECT value FROM meta WHERE key='app'"
        ).fetchone() != (APP_ID,):
            raise CorpusError(f"{path}: not a QuoteLab corpus (an SQLite file of another program)")
        if version > SCHEMA_VERSION:
            raise CorpusError(
                f"{path}: written by a newer QuoteLab (schema {version}; this version "
                f"reads up to {SCHEMA_VERSION}); it was not modified"
            )
        expected = _EXPECTED if version >= 1 else {}
        for table, cols in expected.items():
            have = {r[1] for r in conn.execute(f"PRAGMA table_info({table})")}
            if not cols <= have:
                missing = ", ".join(sorted(cols - have)) or table
                raise CorpusError(
                    f"{path}: the corpus tables were changed outside QuoteLab "
                    f"({table} lacks {missing}); it was not modified"
                )
    except sqlite3.DatabaseError as exc:
        raise CorpusError(f"{path}: the corpus is damaged ({exc}); it was not modified") from None
    finally:
        conn.close()


class Store:
    """An open corpus file."""

    def __init__(self, path: Path | str, *, create: bool = True, read_only: bool = False) -> None:
        self.path = Path(path)
        exists = self.path.exists()
        if exists:
            _check_file(self.path)
        elif not create:
            raise CorpusError(f"{self.path}: no such corpus")
        if read_only and not exists:
            raise CorpusError(f"{self.path}: no such corpus")
        self.read_only = exists and (
            read_only
            or not (os.access(self.path, os.W_OK) and os.access(self.path.parent, os.W_OK))
        )
        try:
            if self.read_only:
                uri = f"{self.path.resolve().as_uri()}?mode=ro&immutable=1"
                conn = sqlite3.connect(uri, uri=True, isolation_level=None)
            else:
                self.path.parent.mkdir(parents=True, exist_ok=True)
                conn = sqlite3.connect(
                    str(self.path), isolation_level=None, timeout=BUSY_TIMEOUT_MS / 1000
                )
        except (sqlite3.Error, OSError) as exc:
            raise CorpusError(f"{self.path}: cannot be opened ({exc})") from None
        self.conn = conn
        self.db = sqlite_utils.Database(conn)
        conn.execute("PRAGMA foreign_keys = ON")
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        self.annotator = annotator_name()
        self._tokens: dict[int, Tokens] = {}
        if not self.read_only:
            try:
                conn.execute("PRAGMA journal_mode = WAL")
                self._migrate()
            except sqlite3.Error as exc:
                conn.close()
                raise CorpusError(f"{self.path}: cannot be prepared ({exc})") from None

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- transactions and schema ---------------------------------------------------------

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """One write transaction: committed on success, rolled back on any error."""
        if self.read_only:
            raise ReadOnlyError(f"{self.path}: the corpus is read-only; the change was not saved")
        try:
            self.conn.execute("BEGIN IMMEDIATE")
        except sqlite3.OperationalError as exc:
            raise CorpusError(f"{self.path}: the corpus is busy or locked ({exc})") from None
        try:
            yield self.conn
        except BaseException:
            self.conn.execute("ROLLBACK")
            raise
        try:
            self.conn.execute("COMMIT")
        except sqlite3.Error as exc:
            self.conn.execute("ROLLBACK")
            raise CorpusError(f"{self.path}: the change could not be saved ({exc})") from None

    def schema_version(self) -> int:
        return int(self.conn.execute("PRAGMA user_version").fetchone()[0])

    def _migrate(self, upto: int = SCHEMA_VERSION) -> None:
        version = self.schema_version()
        for n in range(version, upto):
            with self.transaction() as conn:
                MIGRATIONS[n](conn)
                conn.execute(f"PRAGMA user_version = {n + 1}")

    # -- reading ---------------------------------------------------------------------------

    @cached_property
    def _by_id(self) -> str:
        """How to look articles up by id without reading their rows: through the list
        index (a row's columns after its text sit in overflow pages). A corpus opened
        read-only may predate the index; then the row it is."""
        found = self.conn.execute(
            "SELECT 1 FROM sqlite_master WHERE type = 'index' AND name = 'articles_list'"
        ).fetchone()
        return "INDEXED BY articles_list" if found else ""

    def article_summaries(
        self, article_id: int | None = None, *, ids: Sequence[int] | None = None
    ) -> list[ArticleSummary]:
        """List lines, in id order: of every article, of ``article_id`` only, or of
        ``ids`` (a window of the list). Reads the list index, never article text."""
        if ids is not None:
            where, args = f"WHERE a.id IN ({', '.join('?' * len(ids))})", list(ids)
        elif article_id is not None:
            where, args = "WHERE a.id = ?", [article_id]
        else:
            where, args = "", []
        rows = self.conn.execute(
            f"""SELECT a.id, a.title, a.date, a.status,
                   (SELECT COUNT(*) FROM attributions t
                    WHERE t.article_id = a.id AND t.state = 'suggested'),
                   (SELECT COUNT(*) FROM attributions t
                    WHERE t.article_id = a.id AND t.state != 'rejected')
               FROM articles a {self._by_id} {where} ORDER BY a.id""",
            args,
        ).fetchall()
        return [ArticleSummary(r[0], r[1], r[2], Status(r[3]), r[4], r[5]) for r in rows]

    def article_ids(self, search: str = "", start: int = 0, limit: int | None = None) -> list[int]:
        """Article ids in list order, or of those whose title, text or speaker names
        match ``search`` (see :func:`fts_query`): all of them, or the window of
        ``limit`` from position ``start``."""
        match = self._search(search)
        args: list[Any] = []
        if match is None:
            sql = "SELECT id FROM articles ORDER BY id"
        else:
            sql = "SELECT rowid FROM article_search WHERE article_search MATCH ? ORDER BY rowid"
            args = [match]
        if limit is not None or start:
            sql += " LIMIT ? OFFSET ?"
            args += [-1 if limit is None else limit, start]
        return [r[0] for r in self.conn.execute(sql, args)]

    def article_count(self, search: str = "") -> int:
        """How many articles the list shows (those matching ``search``)."""
        match = self._search(search)
        if match is None:
            return int(self.conn.execute("SELECT COUNT(*) FROM articles").fetchone()[0])
        row = self.conn.execute(
            "SELECT COUNT(*) FROM article_search WHERE article_search MATCH ?", (match,)
        ).fetchone()
        return int(row[0])

    def _search(self, search: str) -> str | None:
        """The FTS5 query for ``search``; refused on a corpus not yet upgraded (read-only)."""
        match = fts_query(search)
        if match is not None and not self._by_id:
            raise CorpusError(
                f"{self.path}: this corpus predates search; open it once where it can be "
                "written to upgrade it"
            )
        return match

    def status_counts(self) -> dict[Status, int]:
        """Articles per status, from one index."""
        rows = self.conn.execute("SELECT status, COUNT(*) FROM articles GROUP BY status").fetchall()
        counts = dict.fromkeys(Status, 0)
        counts.update({Status(k): v for k, v in rows})
        return counts

    def neighbour(
        self, article_id: int, step: int, *, search: str = "", todo_only: bool = False
    ) -> int | None:
        """The next (``step`` 1) or previous (-1) article in list order from
        ``article_id``, wrapping around, among those matching ``search`` and (with
        ``todo_only``) not done; None when there is no other. Index seeks: the cost
        does not grow with the corpus."""
        cmp, order, pick = (">", "ASC", min) if step > 0 else ("<", "DESC", max)
        match = self._search(search)
        queries: list[tuple[str, list[Any]]] = []
        if match is not None:
            sql = "SELECT f.rowid FROM article_search f"
            if todo_only:
                sql += f" JOIN articles a {self._by_id} ON a.id = f.rowid"
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
                for row in self.conn.execute(sql, [*args, bound]).fetchall()
            ]
            if found:
                nearest = int(pick(found))
                return None if nearest == article_id else nearest
        return None

    def article(self, article_id: int) -> Article:
        try:
            r = self.db["articles"].get(article_id)  # type: ignore[union-attr]
        except sqlite_utils.db.NotFoundError:
            raise CorpusError(f"no article {article_id} in {self.path}") from None
        return Article(
            text=r["text"],
            title=r["title"],
            byline=r["byline"],
            date=r["date"],
            url=r["url"],
            source=r["source"],
            non_body=[Span(s, e) for s, e in json.loads(r["non_body"])],
            status=Status(r["status"]),
            content_hash=r["content_hash"],
            id=r["id"],
        )

    def tokens(self, article_id: int) -> Tokens:
        """The article's tokens (cached: the text, and so its tokens, never change)."""
        cached = self._tokens.get(article_id)
        if cached is None:
            row = self.conn.execute(
                "SELECT tokens FROM articles WHERE id = ?", (article_id,)
            ).fetchone()
            cached = Tokens(json.loads(row[0]) if row and row[0] else [])
            if len(self._tokens) > 32:
                self._tokens.clear()
            self._tokens[article_id] = cached
        return cached

    def _article_value(self, expression: str, article_id: int, index: str = "") -> Any:
        row = self.conn.execute(
            f"SELECT {expression} FROM articles {index} WHERE id = ?", (article_id,)
        ).fetchone()
        if row is None:
            raise CorpusError(f"no article {article_id} in {self.path}")
        return row[0]

    def text_length(self, article_id: int) -> int:
        return int(self._article_value("length(text)", article_id))

    def status(self, article_id: int) -> Status:
        return Status(self._article_value("status", article_id, self._by_id))

    def attributions(self, article_id: int) -> list[Attribution]:
        rows = self.db.query(
            "SELECT * FROM attributions WHERE article_id = ? ORDER BY quote_start, id",
            [article_id],
        )
        return [_attr_from_row(r) for r in rows]

    def attribution(self, attr_id: int) -> tuple[int, Attribution] | None:
        rows = list(self.db.query("SELECT * FROM attributions WHERE id = ?", [attr_id]))
        return (rows[0]["article_id"], _attr_from_row(rows[0])) if rows else None

    def find_article(self, content_hash: str) -> int | None:
        row = self.conn.execute(
            "SELECT id FROM articles WHERE content_hash = ?", (content_hash,)
        ).fetchone()
        return int(row[0]) if row else None

    def stats(self) -> dict[str, Any]:
        """Counts for ``main.py stats``: every figure from an index, never article rows."""
        c = self.conn
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

    # -- writing (each call one transaction) -------------------------------------------------

    def add_article(
        self,
        article: Article,
        attributions: list[Attribution],
        tokens: list[tuple[int, int]],
        label: str = "import",
    ) -> tuple[int, bool]:
        """Store an article with its attributions. Returns (id, created); an article
        already present (same content hash) is left as it is."""
        for a in attributions:
            a.check(len(article.text))
        with self.transaction() as conn:
            existing = self.find_article(article.content_hash)
            if existing is not None:
                return existing, False
            cur = conn.execute(
                """INSERT INTO articles (content_hash, text, title, byline, date, url, source,
                       non_body, status, imported_at, tokens)
                   VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                (
                    article.content_hash,
                    article.text,
                    article.title,
                    article.byline,
                    article.date,
                    article.url,
                    article.source,
                    json.dumps([[s.start, s.end] for s in article.non_body]),
                    str(article.status),
                    now(),
                    json.dumps(tokens),
                ),
            )
            article_id = int(cur.lastrowid or 0)
            self.db["attributions"].insert_all(  # type: ignore[union-attr]
                [_attr_row(a.with_(id=None), article_id) for a in attributions]
            )
            _index_article(conn, article_id, update=False)
            self._log(
                conn,
                "import",
                None,
                article_id,
                label,
                {"source": article.source, "attributions": len(attributions)},
            )
        return article_id, True

    def _log(
        self,
        conn: sqlite3.Connection,
        kind: str,
        ref: int | None,
        article_id: int | None,
        label: str,
        changes: Any,
    ) -> int:
        cur = conn.execute(
            "INSERT INTO decisions (at, annotator, kind, ref, article_id, label, changes) "
            "VALUES (?, ?, ?, ?, ?, ?, ?)",
            (now(), self.annotator, kind, ref, article_id, label, json.dumps(changes)),
        )
        return int(cur.lastrowid or 0)

    def current(self, table: str, row_id: int) -> dict[str, Any] | None:
        """The record a command compares against: an attribution's record or an article's status."""
        if table == "article":
            row = self.conn.execute(
                f"SELECT status FROM articles {self._by_id} WHERE id = ?", (row_id,)
            ).fetchone()
            return {"status": row[0]} if row else None
        found = self.attribution(row_id)
        if found is None:
            return None
        rec = found[1].to_record()
        rec["article_id"] = found[0]
        return rec

    def write(self, table: str, row_id: int | None, record: dict[str, Any] | None) -> int:
        """Set one row to ``record`` (None deletes it; no ``row_id`` inserts it) and
        return its id. Commands call this inside their transaction."""
        if table == "article":
            assert row_id is not None and record is not None
            self.conn.execute(
                "UPDATE articles SET status = ? WHERE id = ?", (record["status"], row_id)
            )
            return row_id
        if record is None:
            assert row_id is not None
            found = self.attribution(row_id)
            self.conn.execute("DELETE FROM attributions WHERE id = ?", (row_id,))
            if found is not None and found[1].speaker_name is not None:
                _index_article(self.conn, found[0], update=True)
            return row_id
        article_id = int(record["article_id"])
        attr = Attribution.from_record(record, id=row_id)
        attr.check(self.text_length(article_id))
        row = _attr_row(attr, article_id)
        before = None if row_id is None else self.attribution(row_id)
        if row_id is None:
            cur = self.conn.execute(
                f"INSERT INTO attributions ({', '.join(row)}) VALUES ({', '.join('?' * len(row))})",
                list(row.values()),
            )
            row_id = int(cur.lastrowid or 0)
        else:
            self.db["attributions"].upsert(row, pk="id")  # type: ignore[union-attr]
        if (before[1].speaker_name if before else None) != attr.speaker_name:
            _index_article(self.conn, article_id, update=True)
        return row_id

    def decisions(self) -> list[dict[str, Any]]:
        rows = self.db.query("SELECT * FROM decisions ORDER BY id")
        return [dict(r, changes=json.loads(r["changes"])) for r in rows]
