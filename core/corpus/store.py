"""The corpus: one SQLite file; sqlite-utils writes an import's rows (imported on first
use: with numpy, which it pulls in, it would cost a tenth of a second at every start).

Every change is one transaction (``BEGIN IMMEDIATE`` ... ``COMMIT``) with one row
in the append-only ``decisions`` log. A file that is not a QuoteLab corpus, holds
SQL QuoteLab did not put there or was written by a newer version is refused and never
modified; damage is named where it is read, or by the full check (ADR 0016). One
``Store`` per thread: sqlite3 connections are not shared.
"""

from __future__ import annotations

import functools
import getpass
import json
import os
import re
import sqlite3
import threading
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, Concatenate, NoReturn, ParamSpec, TypeVar

from core.model import (
    Article,
    Attribution,
    Origin,
    QuoteType,
    Span,
    State,
    Status,
    check_attributions,
)
from core.tokens import DocTokens, Tokens

if TYPE_CHECKING:
    import sqlite_utils

APP_ID = "quotelab"
BUSY_TIMEOUT_MS = 5000
_SQLITE_MAGIC = b"SQLite format 3\x00"
_HEADER_SIZE = 100


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


#: PRAGMA application_id of a corpus file: "QLab" in ASCII, so tools (``file``, a
#: script reading the header's bytes 68-71) can tell a corpus from other SQLite files.
APPLICATION_ID = 0x514C6162


def _v3_views(conn: sqlite3.Connection) -> None:
    """For Datasette and sqlite-utils users: the view ``attribution_texts`` (the article's
    title and the quote, speaker and cue text of every attribution); ``decisions.article_id``
    a foreign key with an index (the table is rebuilt: SQLite cannot add a key in place);
    the file's application_id."""
    _script(
        conn,
        """
        CREATE TABLE decisions_new (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            at TEXT NOT NULL,
            annotator TEXT NOT NULL,
            kind TEXT NOT NULL CHECK (kind IN ('edit', 'undo', 'redo', 'import')),
            ref INTEGER REFERENCES decisions_new(id),
            article_id INTEGER REFERENCES articles(id),
            label TEXT NOT NULL,
            changes TEXT NOT NULL
        );
        INSERT INTO decisions_new
            SELECT id, at, annotator, kind, ref,
                   CASE WHEN article_id IN (SELECT id FROM articles) THEN article_id END,
                   label, changes
            FROM decisions ORDER BY id;
        DROP TABLE decisions;
        ALTER TABLE decisions_new RENAME TO decisions;
        CREATE INDEX decisions_article ON decisions(article_id);
        CREATE VIEW attribution_texts AS
            SELECT t.id AS attribution_id, t.article_id, a.title, a.date, a.url,
                   a.status AS article_status,
                   substr(a.text, t.quote_start + 1, t.quote_end - t.quote_start) AS quote,
                   substr(a.text, t.speaker_start + 1, t.speaker_end - t.speaker_start)
                       AS speaker,
                   substr(a.text, t.cue_start + 1, t.cue_end - t.cue_start) AS cue,
                   t.speaker_name, t.type, t.state, t.origin, t.confidence
            FROM attributions t JOIN articles a ON a.id = t.article_id
        """,
    )
    conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")


def _v4_review(conn: sqlite3.Connection) -> None:
    """Origin 'edited': a suggestion whose spans or speaker were corrected (SQLite cannot
    change a CHECK constraint, so the table is rebuilt with the new one); and an index
    for replaying the undo history by ids without reading each decision's changes."""
    conn.execute("CREATE INDEX decisions_replay ON decisions(id, kind, ref)")
    (sql,) = conn.execute(
        "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'attributions'"
    ).fetchone()
    old = "origin IN ('model', 'manual')"
    assert old in sql, "attributions table without the expected origin check"
    new_sql = sql.replace(old, "origin IN ('model', 'edited', 'manual')")
    new_sql = new_sql.replace("CREATE TABLE attributions", "CREATE TABLE attributions_new", 1)
    conn.execute(new_sql)
    conn.execute("INSERT INTO attributions_new SELECT * FROM attributions")
    # ids of deleted attributions stay unused: the undo history names them
    conn.execute("DELETE FROM sqlite_sequence WHERE name = 'attributions_new'")
    conn.execute(
        "INSERT INTO sqlite_sequence (name, seq) "
        "SELECT 'attributions_new', seq FROM sqlite_sequence WHERE name = 'attributions'"
    )
    conn.execute("DROP TABLE attributions")
    # the attribution_texts view names the table: rename without re-checking views
    # (their columns are unchanged), as SQLite's docs on schema changes advise
    conn.execute("PRAGMA legacy_alter_table = ON")
    conn.execute("ALTER TABLE attributions_new RENAME TO attributions")
    conn.execute("PRAGMA legacy_alter_table = OFF")
    conn.execute(
        "CREATE INDEX IF NOT EXISTS attributions_article ON attributions(article_id, quote_start)"
    )


def _v5_list_search(conn: sqlite3.Connection) -> None:
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


def _v6_packed_tokens(conn: sqlite3.Connection) -> None:
    """Each article's tokens as spaCy makes them, packed (``DocTokens.pack``: about a
    sixteenth of the JSON bounds, and read without parsing) in ``packed_tokens``, and
    the JSON column ``tokens`` dropped (docs/adr/0017). Articles without usable bounds
    are tokenized anew; a text that is not text (damage found at open) is left alone."""
    conn.execute("ALTER TABLE articles ADD COLUMN packed_tokens BLOB")
    last = 0
    while rows := conn.execute(
        "SELECT id, text, tokens FROM articles WHERE id > ? ORDER BY id LIMIT 500", (last,)
    ).fetchall():
        conn.executemany(
            "UPDATE articles SET packed_tokens = ? WHERE id = ?",
            [
                (DocTokens.of(text, _json_bounds(tokens)).pack(), art_id)
                for art_id, text, tokens in rows
                if isinstance(text, str)
            ],
        )
        last = rows[-1][0]
    conn.execute("ALTER TABLE articles DROP COLUMN tokens")


def _json_bounds(raw: object) -> list[tuple[int, int]]:
    """The ``[[start, end], ...]`` a version-2 corpus stored, or [] if it holds no such list."""
    try:
        return [(int(s), int(e)) for s, e in json.loads(raw)]  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return []


#: Forward migrations; the schema version is ``len(MIGRATIONS)`` in PRAGMA user_version.
MIGRATIONS: list[Callable[[sqlite3.Connection], None]] = [
    _v1,
    _v2,
    _v3_views,
    _v4_review,
    _v5_list_search,
    _v6_packed_tokens,
]
SCHEMA_VERSION = len(MIGRATIONS)


@cache
def reference_schema(version: int) -> frozenset[tuple[str, str, str]]:
    """(type, name, SQL) of every object QuoteLab's schema holds at ``version``: the
    migrations run on an empty in-memory database."""
    conn = sqlite3.connect(":memory:", isolation_level=None)
    try:
        for migrate in MIGRATIONS[:version]:
            conn.execute("BEGIN")
            migrate(conn)
            conn.execute("COMMIT")
        return _schema_of(conn)
    finally:
        conn.close()


def _schema_of(conn: sqlite3.Connection) -> frozenset[tuple[str, str, str]]:
    rows = conn.execute("SELECT type, name, sql FROM sqlite_master").fetchall()
    return frozenset(
        (t, n, " ".join((sql or "").split()))
        for t, n, sql in rows
        if not n.startswith("sqlite_stat")  # ANALYZE's statistics: data, never code
    )


def _harden(conn: sqlite3.Connection) -> None:
    """Nothing stored in a corpus file may run code: no functions with side effects from
    its schema (``trusted_schema``) and, where Python offers it, SQLite's defensive mode
    (no writes to the schema table or the file's internals through SQL). Each b-tree page
    is checked as it is read (``cell_size_check``), as SQLite advises for files from
    elsewhere when the full check cannot run at every open."""
    conn.execute("PRAGMA trusted_schema = OFF")
    conn.execute("PRAGMA cell_size_check = ON")
    if hasattr(conn, "setconfig"):  # Python 3.12+
        conn.setconfig(sqlite3.SQLITE_DBCONFIG_DEFENSIVE, True)  # type: ignore[attr-defined]


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


def _dicts(cur: sqlite3.Cursor) -> list[dict[str, Any]]:
    cols = [d[0] for d in cur.description]
    return [dict(zip(cols, r, strict=True)) for r in cur.fetchall()]


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


def _ranges_ok(raw: str, length: int) -> bool:
    """``non_body`` as stored: a JSON list of [start, end] ranges inside the text."""
    try:
        value = json.loads(raw)
    except (TypeError, ValueError):
        return False
    return isinstance(value, list) and all(
        isinstance(r, list)
        and len(r) == 2
        and all(type(x) is int for x in r)
        and 0 <= r[0] < r[1] <= length
        for r in value
    )


def attribution_from_row(r: dict[str, Any]) -> Attribution:
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


def _connect_ro(path: Path) -> sqlite3.Connection:
    """A read-only connection that sees the latest commits, also those still in the
    ``-wal`` (``mode=ro``), beside a writer too. A corpus that nobody can change (see
    :func:`_unchangeable`) is opened ``immutable``: SQLite then needs no ``-shm`` or
    ``-wal`` beside it, which a read-only folder cannot hold (docs/adr/0016)."""
    uri = f"{path.resolve().as_uri()}?mode=ro"
    if _unchangeable(path):
        uri += "&immutable=1"
    conn = sqlite3.connect(uri, uri=True, isolation_level=None)
    _harden(conn)
    return conn


def _unchangeable(path: Path) -> bool:
    """Whether no process can change the corpus while it is read: no ``-wal`` or
    ``-journal`` beside it (:func:`_journals`: all its commits are in the file) and none
    can be made, since its folder is on a read-only file system or nobody has write
    permission on it (``chmod a-w``). A folder that only we cannot write may still hold
    another user's writer: not unchangeable."""
    if _journals(path):
        return False
    folder = path.resolve().parent  # (where SQLite keeps the -wal, for a symlink too)
    try:
        if os.statvfs(folder).f_flag & os.ST_RDONLY:
            return True
        return not folder.stat().st_mode & 0o222 and not os.access(folder, os.W_OK)
    except (OSError, AttributeError):  # (no statvfs on Windows)
        return False


#: What SQLite keeps beside a corpus while it is in use and removes when the last
#: connection closes cleanly (WAL mode; ``-journal`` for a file in rollback mode).
JOURNAL_SUFFIXES = ("-wal", "-journal")

_open_here: dict[Path, int] = {}  # corpus -> Stores open on it in this process
_open_lock = threading.Lock()


def unclean(path: Path) -> bool:
    """Whether the last use of the corpus did not end with a clean close: a ``-wal`` or
    ``-journal`` with content beside it (the process crashed, was killed or lost power;
    or another process has it open now). A corpus this process holds open is not."""
    with _open_lock:
        if _open_here.get(path.resolve()):
            return False
    return any(_journals(path))


def _journals(path: Path) -> list[int]:
    """The sizes of the ``-wal`` and ``-journal`` files beside the corpus (beside the
    file itself, where SQLite keeps them, when ``path`` is a symlink)."""
    sizes = []
    real = path.resolve()
    for suffix in JOURNAL_SUFFIXES:
        try:
            sizes.append(Path(f"{real}{suffix}").stat().st_size)
        except OSError:
            continue
    return sizes


def _check_file(path: Path, *, full: bool) -> None:
    """Refuse, without writing anything, a file that cannot be a healthy QuoteLab corpus:
    not SQLite, another program's, a newer schema, or a schema holding anything
    QuoteLab's migrations do not create (a planted trigger, view or index is named).
    ``full`` adds ``PRAGMA quick_check`` (reads every page: the cost grows with the file)."""
    try:
        with path.open("rb") as f:
            head = f.read(_HEADER_SIZE)
            size = os.fstat(f.fileno()).st_size
    except OSError as exc:
        raise CorpusError(f"{path}: cannot be read ({exc.strerror or exc})") from None
    if head[: len(_SQLITE_MAGIC)] != _SQLITE_MAGIC or len(head) < _HEADER_SIZE:
        raise CorpusError(f"{path}: not a QuoteLab corpus (not an SQLite database)")
    # In use or after a crash, the latest commits can be in the -wal only: the header
    # is the file's own word only without one. Then a file that is not ours, or is too
    # new, is refused before SQLite opens it (in WAL mode it would put a -wal and -shm
    # beside the file).
    if not _journals(path):
        if size < _header_pages(head) * _page_size(head):
            raise CorpusError(
                f"{path}: the corpus is damaged (the file is shorter than its header says: "
                "truncated?); it was not modified"
            )
        _check_header(path, head)
    try:
        conn = _connect_ro(path)
    except sqlite3.Error as exc:
        raise CorpusError(f"{path}: cannot be opened ({exc})") from None
    try:
        if full:
            _quick_check(path, conn)
        _check_schema(path, conn)
    except sqlite3.OperationalError as exc:
        if "readonly" in str(exc) and not os.access(path.resolve().parent, os.W_OK):
            raise CorpusError(
                f"{path}: can only be read beside the files SQLite keeps next to it "
                f"({path.name}-shm), and its folder cannot be written; open a copy (main.py "
                "backup, or copy the file) or ask for write access"
            ) from None
        if "unable to open" in str(exc) and _journals(path):
            raise CorpusError(
                f"{path}: its latest changes are in {path.name}-wal, which cannot be read "
                "without write access to the folder; open a copy (main.py backup, or copy "
                "the folder) or ask for write access"
            ) from None
        raise CorpusError(f"{path}: cannot be opened ({exc}); it was not modified") from None
    except sqlite3.DatabaseError as exc:
        raise CorpusError(f"{path}: the corpus is damaged ({exc}); it was not modified") from None
    finally:
        conn.close()


def _check_header(path: Path, head: bytes) -> None:
    """A corpus says it is one in its header: application_id "QLab" (0 before
    ``_v3_views`` set it) and a schema version (``user_version``) this QuoteLab reads."""
    version = int.from_bytes(head[60:64], "big")
    app_id = int.from_bytes(head[68:72], "big")
    named_since = MIGRATIONS.index(_v3_views) + 1
    if app_id != (APPLICATION_ID if version >= named_since else 0) or version == 0:
        raise CorpusError(f"{path}: not a QuoteLab corpus (an SQLite file of another program)")
    if version > SCHEMA_VERSION:
        raise CorpusError(
            f"{path}: written by a newer QuoteLab (schema {version}; this version "
            f"reads up to {SCHEMA_VERSION}); it was not modified"
        )


def _page_size(head: bytes) -> int:
    size = int.from_bytes(head[16:18], "big")
    return 65536 if size == 1 else size


def _header_pages(head: bytes) -> int:
    """The database's size in pages as its header gives it; 0 when SQLite would not
    trust it either (written by a tool that does not keep it: the change counter at
    offset 24 must equal the version-valid-for number at offset 92)."""
    return int.from_bytes(head[28:32], "big") if head[24:28] == head[92:96] else 0


def _quick_check(path: Path, conn: sqlite3.Connection) -> None:
    ok = conn.execute("PRAGMA quick_check").fetchone()[0]
    if ok != "ok":
        raise CorpusError(f"{path}: the corpus is damaged ({ok}); it was not modified")


def _check_schema(path: Path, conn: sqlite3.Connection) -> None:
    version = conn.execute("PRAGMA user_version").fetchone()[0]
    schema = _schema_of(conn)
    if version == 0 and not schema:
        raise CorpusError(f"{path}: an empty SQLite file, not a QuoteLab corpus")
    if ("table", "meta") not in {(t, n) for t, n, _ in schema} or conn.execute(
        "SELECT value FROM meta WHERE key='app'"
    ).fetchone() != (APP_ID,):
        raise CorpusError(f"{path}: not a QuoteLab corpus (an SQLite file of another program)")
    if version > SCHEMA_VERSION:
        raise CorpusError(
            f"{path}: written by a newer QuoteLab (schema {version}; this version "
            f"reads up to {SCHEMA_VERSION}); it was not modified"
        )
    reference = reference_schema(version)
    foreign = sorted(schema - reference)
    changed = {name for _, name, _ in foreign} & {name for _, name, _ in reference}
    if foreign or reference - schema:
        names = [f"{t} {n}" for t, n, _ in foreign if n not in changed]
        names += [f"{n} (changed)" for n in sorted(changed)]
        names += [
            f"{t} {n} (missing)" for t, n, _ in sorted(reference - schema) if n not in changed
        ]
        raise CorpusError(
            f"{path}: the corpus schema was changed outside QuoteLab ({', '.join(names)}); "
            "it was refused and not modified"
        )


def damaged_file(path: Path, exc: sqlite3.DatabaseError) -> Exception:
    """CorpusError for an error that says the file is damaged; ``exc`` for any other."""
    code = getattr(exc, "sqlite_errorcode", 0) & 0xFF  # the primary of an extended code
    if code not in (sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB):
        return exc
    return CorpusError(
        f"{path}: the corpus is damaged ({exc}); `main.py check` lists what can "
        "still be read, `main.py backup` copies it"
    )


_NOWHERE = Span(-1, -1)  # an absent speaker or cue, which overlaps nothing

_P = ParamSpec("_P")
_R = TypeVar("_R")


def _reading(method: Callable[Concatenate[Store, _P], _R]) -> Callable[Concatenate[Store, _P], _R]:
    """A read that meets a page SQLite cannot read ("database disk image is malformed")
    raises CorpusError saying so: opening reads only what the cheap checks need, so
    damage below the rows shows where it is read."""

    @functools.wraps(method)
    def read(self: Store, /, *args: _P.args, **kwargs: _P.kwargs) -> _R:
        try:
            return method(self, *args, **kwargs)
        except sqlite3.DatabaseError as exc:
            raise self._damaged_file(exc) from None

    return read


class Store:
    """An open corpus file.

    Every open runs the cheap checks that keep foreign files and planted SQL out (see
    :func:`_check_file`). The full check (``PRAGMA quick_check`` and a scan of every
    row) runs when asked (``check=True``, :meth:`check`), after an unclean shutdown
    (:func:`unclean`), and the first time a row read is found damaged; otherwise each
    article's rows are checked when first read, so opening costs the same at any size."""

    def __init__(
        self,
        path: Path | str,
        *,
        create: bool = True,
        read_only: bool = False,
        check: bool = False,
    ) -> None:
        self.path = Path(path)
        exists = self.path.exists()
        full = exists and (check or unclean(self.path))
        if exists:
            _check_file(self.path, full=full)
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
                conn = _connect_ro(self.path)
                if int(conn.execute("PRAGMA user_version").fetchone()[0]) < SCHEMA_VERSION:
                    conn.close()
                    raise CorpusError(
                        f"{self.path}: written by an older QuoteLab and read-only here, so "
                        "it cannot be upgraded; open it once with write access, or a copy"
                    )
            else:
                self.path.parent.mkdir(parents=True, exist_ok=True)
                conn = sqlite3.connect(
                    str(self.path), isolation_level=None, timeout=BUSY_TIMEOUT_MS / 1000
                )
                _harden(conn)
        except (sqlite3.Error, OSError) as exc:
            raise CorpusError(f"{self.path}: cannot be opened ({exc})") from None
        self.conn = conn
        self.annotator = annotator_name()
        self._tokens: dict[int, Tokens] = {}
        try:
            conn.execute("PRAGMA foreign_keys = ON")
            conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            if not self.read_only:
                # Chosen, not inherited: every commit reaches the disk (macOS: its cache too).
                conn.execute("PRAGMA synchronous = FULL")
                conn.execute("PRAGMA fullfsync = ON")
                conn.execute("PRAGMA journal_mode = WAL")
                self._migrate()
            self._damaged: dict[int, str] = {}  # article id -> what is wrong
            self._bad_decisions: list[int] = []
            self._sound: set[int] = set()  # articles whose rows were read and found sound
            #: Whether the full check ran (on request, after an unclean shutdown, or
            #: when a row read was found damaged).
            self.checked = False
            if full:
                self._find_damage()
            self._data_version = self._read_data_version()
        except sqlite3.Error as exc:
            conn.close()
            raise CorpusError(f"{self.path}: cannot be prepared ({exc})") from None
        self._key: Path | None = self.path.resolve()
        with _open_lock:
            _open_here[self._key] = _open_here.get(self._key, 0) + 1

    @functools.cached_property
    def db(self) -> sqlite_utils.Database:
        """sqlite-utils over the same connection, for bulk rows (imported on first use)."""
        import sqlite_utils

        return sqlite_utils.Database(self.conn)

    def _damaged_file(self, exc: sqlite3.DatabaseError) -> Exception:
        return damaged_file(self.path, exc)

    def close(self) -> None:
        self.conn.close()
        if self._key is not None:
            with _open_lock:
                left = _open_here.pop(self._key) - 1
                if left:
                    _open_here[self._key] = left
            self._key = None

    def backup(self, out: Path | str) -> None:
        """A consistent copy of the corpus in one file at ``out``, with every commit, also
        those still in the ``-wal`` (SQLite's backup API; a read-only corpus too).
        Written beside ``out`` first and renamed, so ``out`` is whole or untouched."""
        out = Path(out)
        if out.exists() and out.resolve() == self.path.resolve():
            raise CorpusError(f"{out}: is the corpus itself; choose another file")
        tmp = out.with_name(f".{out.name}.backup.tmp")
        try:
            tmp.unlink(missing_ok=True)
            dest = sqlite3.connect(tmp, isolation_level=None)
            try:
                dest.execute("PRAGMA synchronous = FULL")
                self.conn.backup(dest)
                dest.execute("PRAGMA journal_mode = DELETE")  # one self-contained file
            finally:
                dest.close()
            os.replace(tmp, out)
        except (sqlite3.Error, OSError) as exc:
            tmp.unlink(missing_ok=True)
            raise CorpusError(f"{out}: the copy could not be written ({exc})") from None

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
        except sqlite3.DatabaseError as exc:
            self.conn.execute("ROLLBACK")
            raise self._damaged_file(exc) from None
        except BaseException:
            self.conn.execute("ROLLBACK")
            raise
        try:
            self.conn.execute("COMMIT")
        except sqlite3.Error as exc:
            self.conn.execute("ROLLBACK")
            raise CorpusError(f"{self.path}: the change could not be saved ({exc})") from None

    def _read_data_version(self) -> int:
        return int(self.conn.execute("PRAGMA data_version").fetchone()[0])

    def changed_elsewhere(self) -> bool:
        """Whether another connection (a second window, a script, a background job)
        committed since the open or the last call: SQLite's ``data_version``, one
        read of a counter, whatever the corpus's size."""
        version, self._data_version = self._data_version, self._read_data_version()
        return version != self._data_version

    def schema_version(self) -> int:
        return int(self.conn.execute("PRAGMA user_version").fetchone()[0])

    def _migrate(self, upto: int = SCHEMA_VERSION) -> None:
        version = self.schema_version()
        for n in range(version, upto):
            with self.transaction() as conn:
                MIGRATIONS[n](conn)
                conn.execute(f"PRAGMA user_version = {n + 1}")

    # -- reading ---------------------------------------------------------------------------

    @_reading
    def check(self) -> list[str]:
        """The full check, now: the file's, as an open with ``check=True`` runs it
        (CorpusError if it is damaged), and the scan of every row. Returns :attr:`damage`."""
        _check_file(self.path, full=True)
        self._find_damage()
        return self.damage

    @_reading
    def find_damage(self) -> frozenset[int]:
        """The scan of every row of the full check (unless it ran), without
        ``quick_check``: for a pass over every article (an export), which must leave
        damaged ones out. Returns :attr:`damaged_ids`."""
        if not self.checked:
            self._find_damage()
        return self.damaged_ids

    def _find_damage(self, article_id: int | None = None) -> list[tuple[int, str]]:
        """Rows a hand edit or another tool broke, each reported by article (or decision)
        with what is wrong: of every article, or of ``article_id`` only (an index seek).
        Adds what it finds to :attr:`damage`."""
        one, args = ("", []) if article_id is None else ("AND id = ?", [article_id])
        found: list[tuple[int, str]] = []
        statuses = ", ".join(f"'{s}'" for s in Status)
        for art_id, status, non_body, length, nul in self.conn.execute(
            f"""SELECT id, status, non_body, length(text), instr(text, char(0))
                FROM articles WHERE (status NOT IN ({statuses}) OR typeof(text) != 'text'
                   OR instr(text, char(0)) OR NOT json_valid(non_body)
                   OR non_body != '[]') {one}""",
            args,
        ):
            if status not in set(Status):
                found.append((art_id, f"status {status!r} is not one of {', '.join(Status)}"))
            elif nul:
                found.append((art_id, "the text holds a NUL character"))
            elif not _ranges_ok(non_body, length):
                found.append((art_id, "non_body is not a list of ranges inside the text"))
        checks = " OR ".join(
            f"typeof({k}_start) != 'integer' OR typeof({k}_end) != 'integer' OR {k}_start < 0 "
            f"OR {k}_start >= {k}_end OR {k}_end > a.length"
            if k == "quote"
            else f"({k}_start IS NOT NULL AND ({k}_start < 0 OR {k}_start >= {k}_end "
            f"OR {k}_end > a.length OR typeof({k}_start) != 'integer' "
            f"OR typeof({k}_end) != 'integer'))"
            for k in ("quote", "speaker", "cue")
        )
        found += [  # each text's length read once (not once per attribution and check)
            (art_id, "offsets outside the text")
            for (art_id,) in self.conn.execute(
                "WITH a(id, length) AS MATERIALIZED "
                f"(SELECT id, length(text) FROM articles WHERE true {one}) "
                "SELECT DISTINCT t.article_id FROM attributions t "
                f"JOIN a ON a.id = t.article_id WHERE {checks}",
                args,
            )
        ]
        found += [
            (
                art_id,
                f"attribution {attr_id} has an unknown type, state, origin, confidence or name",
            )
            for art_id, attr_id in self.conn.execute(
                f"""SELECT article_id, id FROM attributions
                    WHERE (type NOT IN ({", ".join(f"'{t}'" for t in QuoteType)})
                       OR state NOT IN ({", ".join(f"'{t}'" for t in State)})
                       OR origin NOT IN ({", ".join(f"'{t}'" for t in Origin)})
                       OR typeof(confidence) NOT IN ('real', 'integer', 'null')
                       OR typeof(speaker_name) NOT IN ('text', 'null'))
                       {one.replace("id", "article_id")}""",
                args,
            )
        ]
        first = dict(reversed(found))  # one reason per article: the first found
        for art_id, why in first.items():
            self._damaged.setdefault(art_id, why)
        if article_id is None:
            self.checked = True
            self._bad_decisions = [
                n
                for (n,) in self.conn.execute(
                    "SELECT id FROM decisions WHERE NOT json_valid(changes)"
                )
            ]
        return sorted(first.items())

    @property
    def damage(self) -> list[str]:
        """Damaged rows found so far, as ``"article 12: offsets outside the text"``: by
        the full check, or as each article was read. Their articles are left out of the
        lists and exports and cannot be opened or edited."""
        return [f"article {i}: {why}" for i, why in sorted(self._damaged.items())] + [
            f"decision {n}: its changes are not valid JSON; it cannot be undone"
            for n in self._bad_decisions
        ]

    def _is_damaged(self, article_id: int) -> bool:
        """Whether a row of the article is damaged: its rows are checked when first read
        (an index seek), and the first damage found runs the full check, so every
        damaged article leaves the lists at once."""
        if article_id in self._damaged or article_id in self._sound:
            return article_id in self._damaged
        if not self._find_damage(article_id):
            self._sound.add(article_id)
            return False
        if not self.checked:
            self.check()
        return True

    def _usable(self, article_id: int) -> None:
        if self._is_damaged(article_id):
            self._refuse(article_id)

    def _refuse(self, article_id: int) -> NoReturn:
        """Raise CorpusError naming what is wrong with the article."""
        raise CorpusError(
            f"{self.path}: article {article_id}: {self._damaged[article_id]}; "
            "the article cannot be opened or edited"
        )

    @_reading
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
        rows = self.conn.execute(
            f"""SELECT a.id, a.title, a.date, a.status,
                   (SELECT COUNT(*) FROM attributions t
                    WHERE t.article_id = a.id AND t.state = 'suggested'),
                   (SELECT COUNT(*) FROM attributions t
                    WHERE t.article_id = a.id AND t.state != 'rejected')
               FROM articles a INDEXED BY articles_list {where} ORDER BY a.id""",
            args,
        ).fetchall()
        for r in rows:
            if r[3] not in set(Status):  # the scan names it, and any other damage
                self._is_damaged(r[0])
        return [
            ArticleSummary(r[0], r[1], r[2], Status(r[3]), r[4], r[5])
            for r in rows
            if r[0] not in self._damaged
        ]

    @property
    def damaged_ids(self) -> frozenset[int]:
        """The articles left out because a row of theirs is damaged (see ``damage``)."""
        return frozenset(self._damaged)

    _terms_seen: tuple[tuple[int, int], str, list[str] | None] | None = None

    def fts_match(self, search: str) -> str | None:
        """:func:`fts_query` for this corpus, a longer last word spelled out as the
        index's terms that start with it."""
        return fts_query(search, self._terms)

    def _terms(self, prefix: str) -> list[str] | None:
        """The index's terms that start with ``prefix`` (None: more than TERMS_MAX).
        Looked up once as a word is typed: while nothing was written to the corpus, a
        longer prefix takes its terms from the last lookup's."""
        version = (self._read_data_version(), self.conn.total_changes)
        if self._terms_seen is not None:
            seen, start, terms = self._terms_seen
            if seen == version and prefix.startswith(start) and terms is not None:
                return [t for t in terms if t.startswith(prefix)]
        self.conn.execute(  # a view of the index's terms, for this connection only
            "CREATE VIRTUAL TABLE IF NOT EXISTS temp.article_terms "
            "USING fts5vocab(main, 'article_search', 'row')"
        )
        rows = self.conn.execute(
            "SELECT term FROM temp.article_terms WHERE term >= ? AND term <= ? LIMIT ?",
            (prefix, prefix + "\U0010ffff", TERMS_MAX + 1),
        ).fetchall()
        found = [r[0] for r in rows] if len(rows) <= TERMS_MAX else None
        self._terms_seen = (version, prefix, found)
        return found

    @_reading
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
        return [r[0] for r in self.conn.execute(sql, args) if r[0] not in self._damaged]

    @_reading
    def article_count(self, search: str = "", ids: tuple[int, int] | None = None) -> int:
        """How many articles the list shows (those matching ``search``; damaged ones
        found so far left out, as :meth:`article_ids` leaves them out), or how many of
        them have an id in the range ``ids`` (first, end exclusive)."""
        match = self.fts_match(search)
        if match is None and ids is None:
            total = self.conn.execute("SELECT COUNT(*) FROM articles").fetchone()[0]
            return int(total) - len(self._damaged)
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
        return int(self.conn.execute(sql, [*args, json.dumps(list(self._damaged))]).fetchone()[0])

    @_reading
    def status_counts(self) -> dict[Status, int]:
        """Articles per status, from one index."""
        rows = self.conn.execute("SELECT status, COUNT(*) FROM articles GROUP BY status").fetchall()
        counts = dict.fromkeys(Status, 0)
        counts.update({Status(k): v for k, v in rows if k in set(Status)})  # others: damage
        return counts

    @_reading
    def neighbour(
        self, article_id: int, step: int, *, search: str = "", todo_only: bool = False
    ) -> int | None:
        """The next (``step`` 1) or previous (-1) article in list order from
        ``article_id``, wrapping around, among those matching ``search`` and (with
        ``todo_only``) not done, damaged ones found so far passed over; None when there
        is no other. Index seeks: the cost does not grow with the corpus."""
        found = self._neighbour(article_id, step, search, todo_only)
        passed = {article_id}
        while found is not None and found in self._damaged:
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
                for row in self.conn.execute(sql, [*args, bound]).fetchall()
            ]
            if found:
                nearest = int(pick(found))
                return None if nearest == article_id else nearest
        return None

    @_reading
    def article(self, article_id: int) -> Article:
        self._usable(article_id)
        r = self.conn.execute(
            "SELECT text, title, byline, date, url, source, non_body, status, content_hash "
            "FROM articles WHERE id = ?",
            (article_id,),
        ).fetchone()
        if r is None:
            raise CorpusError(f"no article {article_id} in {self.path}")
        text, title, byline, date, url, source, non_body, status, content_hash = r
        return Article(
            text=text,
            title=title,
            byline=byline,
            date=date,
            url=url,
            source=source,
            non_body=[Span(s, e) for s, e in json.loads(non_body)],
            status=Status(status),
            content_hash=content_hash,
            id=article_id,
        )

    @_reading
    def tokens(self, article_id: int) -> Tokens:
        """The article's tokens (cached: the text, and so its tokens, never change)."""
        cached = self._tokens.get(article_id)
        if cached is None:
            self._usable(article_id)
            row = self.conn.execute(
                "SELECT text, packed_tokens FROM articles WHERE id = ?", (article_id,)
            ).fetchone()
            ok = row is not None and isinstance(row[0], str)  # else damage found at open
            cached = DocTokens.load(row[0], row[1]).bounds() if ok else Tokens([])
            if len(self._tokens) > 32:
                self._tokens.clear()
            self._tokens[article_id] = cached
        return cached

    @_reading
    def _article_value(self, expression: str, article_id: int, index: str = "") -> Any:
        self._usable(article_id)
        row = self.conn.execute(
            f"SELECT {expression} FROM articles {index} WHERE id = ?", (article_id,)
        ).fetchone()
        if row is None:
            raise CorpusError(f"no article {article_id} in {self.path}")
        return row[0]

    def text_length(self, article_id: int) -> int:
        return int(self._article_value("length(text)", article_id))

    def status(self, article_id: int) -> Status:
        return Status(self._article_value("status", article_id, "INDEXED BY articles_list"))

    @_reading
    def attributions(self, article_id: int) -> list[Attribution]:
        self._usable(article_id)
        cur = self.conn.execute(
            "SELECT * FROM attributions WHERE article_id = ? ORDER BY quote_start, id",
            (article_id,),
        )
        return [attribution_from_row(r) for r in _dicts(cur)]

    @_reading
    def attribution(self, attr_id: int) -> tuple[int, Attribution] | None:
        cur = self.conn.execute("SELECT * FROM attributions WHERE id = ?", (attr_id,))
        rows = _dicts(cur)
        if not rows:
            return None
        article_id = rows[0]["article_id"]
        self._usable(article_id)
        return article_id, attribution_from_row(rows[0])

    def check_spans(self, article_id: int, a: Attribution) -> None:
        """The span rules for one attribution about to be stored in an article: its own
        (on the article's token bounds), and :func:`check_attributions` beside each other
        attribution of the article that one of its spans touches (only those are read)."""
        tokens = self.tokens(article_id)
        n = self.text_length(article_id)
        a.check(n, tokens if len(tokens) else None)
        quote, speaker, cue = a.quote, a.speaker or _NOWHERE, a.cue or _NOWHERE
        touched = self.conn.execute(
            "SELECT * FROM attributions WHERE article_id = ? AND id IS NOT ? AND ("
            "(quote_start < ? AND quote_end > ?) OR (speaker_start < ? AND speaker_end > ?) "
            "OR (cue_start < ? AND cue_end > ?) OR (quote_start < ? AND quote_end > ?) "
            "OR (quote_start < ? AND quote_end > ?))",
            (
                article_id,
                a.id,
                *(quote.end, quote.start) * 3,
                speaker.end,
                speaker.start,
                cue.end,
                cue.start,
            ),
        )
        for row in _dicts(touched):
            check_attributions([a, attribution_from_row(row)], n)

    def find_article(self, content_hash: str) -> int | None:
        row = self.conn.execute(
            "SELECT id FROM articles WHERE content_hash = ?", (content_hash,)
        ).fetchone()
        return int(row[0]) if row else None

    @_reading
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
        tokens: Sequence[tuple[int, int]],
        label: str = "import",
    ) -> tuple[int, bool]:
        """Store an article with its attributions and its non-space token bounds (kept
        packed with its whitespace tokens; bounds that do not fit the text are made
        anew). Returns (id, created); an article already present (same content hash) is
        left as it is."""
        for a in attributions:
            a.check(len(article.text))
        packed = DocTokens.of(article.text, tokens).pack()
        with self.transaction() as conn:
            existing = self.find_article(article.content_hash)
            if existing is not None:
                return existing, False
            cur = conn.execute(
                """INSERT INTO articles (content_hash, text, title, byline, date, url, source,
                       non_body, status, imported_at, packed_tokens)
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
                    packed,
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
                "SELECT status FROM articles INDEXED BY articles_list WHERE id = ?", (row_id,)
            ).fetchone()
            return {"status": row[0]} if row else None
        found = self.attribution(row_id)
        if found is None:
            return None
        rec = found[1].to_record()
        rec["article_id"] = found[0]
        return rec

    def write(
        self,
        table: str,
        row_id: int | None,
        before: dict[str, Any] | None,
        after: dict[str, Any] | None,
    ) -> int:
        """Change one row from ``before`` to ``after`` (None creates or deletes it) and
        return its id. Commands call this inside their transaction. The row must still
        hold ``before`` (compared in the same statement that writes), else ConflictError;
        a row that already holds ``after`` is fine (another process did the same)."""
        if table == "article":
            assert row_id is not None and before is not None and after is not None
            done = self.conn.execute(
                "UPDATE articles SET status = ? WHERE id = ? AND status = ?",
                (after["status"], row_id, before["status"]),
            ).rowcount
            return self._written(done, table, row_id, after)
        row_id = self._write_attribution(row_id, before, after)
        if len({(r or {}).get("speaker_name") for r in (before, after)}) > 1:
            rec = after or before
            assert rec is not None
            _index_article(self.conn, int(rec["article_id"]), update=True)
        return row_id

    def _write_attribution(
        self, row_id: int | None, before: dict[str, Any] | None, after: dict[str, Any] | None
    ) -> int:
        table = "attribution"
        new = None
        if after is not None:
            new = Attribution.from_record(after, id=row_id)
            old = Attribution.from_record(before) if before is not None else None
            rejected = State.REJECTED
            if (
                old is None
                or old.spans() != new.spans()
                or (old.state is rejected) != (new.state is rejected)  # (it blocks nothing)
            ):
                self.check_spans(int(after["article_id"]), new)
        if row_id is None:
            assert new is not None and after is not None
            row = _attr_row(new, int(after["article_id"]))
            cur = self.conn.execute(
                f"INSERT INTO attributions ({', '.join(row)}) VALUES ({', '.join('?' * len(row))})",
                list(row.values()),
            )
            return int(cur.lastrowid or 0)
        if before is None:  # re-creating a deleted row (undo of a delete)
            assert new is not None and after is not None
            row = _attr_row(new, int(after["article_id"]))
            cur = self.conn.execute(
                f"INSERT OR IGNORE INTO attributions ({', '.join(row)}) "
                f"VALUES ({', '.join('?' * len(row))})",
                list(row.values()),
            )
            return self._written(cur.rowcount, table, row_id, after)
        was = _attr_row(Attribution.from_record(before), int(before["article_id"]))
        same = " AND ".join(f"{col} IS ?" for col in was)
        if new is None:
            cur = self.conn.execute(
                f"DELETE FROM attributions WHERE id = ? AND {same}", [row_id, *was.values()]
            )
        else:
            row = _attr_row(new, int(after["article_id"]) if after else 0)
            sets = ", ".join(f"{col} = ?" for col in row if col != "id")
            values = [v for col, v in row.items() if col != "id"]
            cur = self.conn.execute(
                f"UPDATE attributions SET {sets} WHERE id = ? AND {same}",
                [*values, row_id, *was.values()],
            )
        return self._written(cur.rowcount, table, row_id, after)

    def _written(self, rowcount: int, table: str, row_id: int, after: dict[str, Any] | None) -> int:
        if rowcount != 1 and self.current(table, row_id) != after:
            raise ConflictError(
                "this attribution was changed elsewhere (another window or process); "
                "the view has been reloaded"
            )
        return row_id

    @_reading
    def decisions(self) -> list[dict[str, Any]]:
        rows = self.db.query("SELECT * FROM decisions ORDER BY id")
        return [dict(r, changes=json.loads(r["changes"])) for r in rows]
