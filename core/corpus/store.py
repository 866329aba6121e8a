"""The corpus: one SQLite file; sqlite-utils writes an import's rows (imported on first
use: with numpy, which it pulls in, it would cost a tenth of a second at every start).

Every change is one transaction (``BEGIN IMMEDIATE`` ... ``COMMIT``) with one row
in the append-only ``decisions`` log. A file that is not a QuoteLab corpus, holds
SQL QuoteLab did not put there or was written by a newer version is refused and never
modified; damage is named where it is read, or by the full check (ADR 0016). One
``Store`` per thread: sqlite3 connections are not shared.

The Store opens the file, reads and writes one article at a time and keeps the log;
its reads over many rows are in :mod:`core.corpus.queries`.
"""

from __future__ import annotations

import contextlib
import functools
import getpass
import json
import os
import sqlite3
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn

from core.corpus.annotator import read_annotator, write_annotator
from core.corpus.errors import (
    ConflictError,
    CorpusError,
    ReadOnlyError,
    cause,
    corpus_error,
    guarded,
    is_damage,
    not_saved,
)
from core.corpus.handout import COPIED_SPEAKER_TABLES
from core.corpus.integrity import (
    Damage,
    Holder,
    check_file,
    connect_ro,
    hold,
    release,
    unclean,
    unreadable,
)
from core.corpus.learning import record_made
from core.corpus.queries import Queries
from core.corpus.rows import (
    ARTICLE_COLUMNS,
    ARTICLE_RECORD,
    ATTRIBUTION_COLUMNS,
    CURATION_TABLES,
    SPEAKER_TABLES,
    article_from_row,
    attribution_from_row,
    attribution_row,
    dicts,
)
from core.corpus.schema import MIGRATIONS, SCHEMA_VERSION, harden
from core.corpus.search import Terms, index_article, index_text
from core.model import Article, Attribution, Span, State, Status, check_attributions
from core.tokens import DocTokens, Tokens

if TYPE_CHECKING:
    import sqlite_utils

BUSY_TIMEOUT_MS = 5000


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


#: The small tables a command writes a row of (the speakers', the article flags, a gold
#: corpus's items and provenance), by the name a Change gives them:
#: (SQL table, the columns of its record, the id aside).
SMALL_TABLES = {
    **SPEAKER_TABLES,
    # an article flagged as a whole (docs/adr/0033): its row's id is the article's
    "article_flag": ("article_flags", ("comment",)),
    # a gold corpus's items and its attributions' provenance (docs/adr/0034)
    **CURATION_TABLES,
}

_NOWHERE = Span(-1, -1)  # an absent speaker or cue, which overlaps nothing


class Store(Queries):
    """An open corpus file.

    Every open runs the cheap checks that keep foreign files and planted SQL out (see
    :func:`core.corpus.integrity.check_file`). The full check (``PRAGMA quick_check``
    and a scan of every row) runs when asked (``check=True``, :meth:`check`), after an
    unclean shutdown (:func:`core.corpus.integrity.unclean`), and the first time a row
    read is found damaged; otherwise each article's rows are checked when first read,
    so opening costs the same at any size. A worker process opens the corpus its parent
    holds open with that parent's ``holder`` (:func:`core.corpus.integrity.holder_of`):
    the parent's ``-wal`` is then no unclean shutdown. What SQLite raises comes out as
    CorpusError."""

    def __init__(
        self,
        path: Path | str,
        *,
        create: bool = True,
        read_only: bool = False,
        check: bool = False,
        holder: Holder | None = None,
    ) -> None:
        self.path = Path(path)
        exists = self.path.exists()
        full = exists and (check or unclean(self.path, holder))
        version = check_file(self.path, full=full) if exists else SCHEMA_VERSION
        if not exists and (read_only or not create):
            raise CorpusError(f"{self.path}: no such corpus")
        self.read_only = exists and (
            read_only
            or not (os.access(self.path, os.W_OK) and os.access(self.path.parent, os.W_OK))
        )
        if self.read_only and version < SCHEMA_VERSION:  # (refused before SQLite opens it)
            raise CorpusError(
                f"{self.path}: written by an older QuoteLab and read-only here, so "
                "it cannot be upgraded; open it once with write access, or a copy"
            )
        try:
            if self.read_only:
                conn = connect_ro(self.path)
            else:
                self.path.parent.mkdir(parents=True, exist_ok=True)
                conn = sqlite3.connect(
                    str(self.path), isolation_level=None, timeout=BUSY_TIMEOUT_MS / 1000
                )
                harden(conn)
        except (sqlite3.Error, OSError) as exc:
            raise CorpusError(f"{self.path}: cannot be opened ({exc})") from None
        self._conn = conn
        self._tokens: dict[int, Tokens] = {}
        #: Articles whose speaker names a transaction changed: their search entry is made
        #: again once, as it commits (:meth:`write`).
        self._renamed: set[int] = set()
        self._terms = Terms(conn)
        try:
            conn.execute("PRAGMA foreign_keys = ON")
            conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            if not self.read_only:
                # Chosen, not inherited: every commit reaches the disk (macOS: its cache too).
                conn.execute("PRAGMA synchronous = FULL")
                conn.execute("PRAGMA fullfsync = ON")
                conn.execute("PRAGMA journal_mode = WAL")
                self._migrate()
            #: The annotator the corpus was handed out to (``main.py assign``), or None.
            self.assigned = read_annotator(conn, self.path)
            #: Who makes the decisions logged: the corpus's annotator, else the user's name.
            self.annotator = self.assigned or annotator_name()
            self._damage = Damage(self.path, conn)
            if full:
                self._damage.scan()
                self._damage.beyond_rows()
            if check:
                self._damage.check_index()
            self._data_version = self._read_data_version()
        except sqlite3.Error as exc:
            conn.close()
            if is_damage(exc):
                raise corpus_error(self.path, exc) from None
            if self.read_only and isinstance(exc, sqlite3.OperationalError):
                raise unreadable(self.path, exc) from None  # (its first read: what to do)
            raise CorpusError(
                f"{self.path}: cannot be opened: {cause(self.path, exc)} ({exc}); "
                "it was not modified"
            ) from None
        except BaseException:
            conn.close()
            raise
        self._key: Path | None = hold(self.path)

    @functools.cached_property
    def _db(self) -> sqlite_utils.Database:
        """sqlite-utils over the same connection, for bulk rows (imported on first use)."""
        import sqlite_utils

        return sqlite_utils.Database(self._conn)

    def close(self) -> None:
        self._conn.close()
        if self._key is not None:
            release(self._key)
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
                self._conn.backup(dest)
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
    def transaction(self) -> Iterator[None]:
        """One write transaction: committed on success, rolled back on any error. What
        SQLite raises in it comes out as a CorpusError naming the cause (:func:`not_saved`:
        disk full, read-only, damaged...); the corpus then holds what it held before. The
        Store's writes and :meth:`log_decision` inside it are one change."""
        try:
            with self._transaction():
                yield
        except sqlite3.Error as exc:
            raise not_saved(self.path, exc) from None

    @contextmanager
    def _transaction(self) -> Iterator[sqlite3.Connection]:
        """:meth:`transaction` with SQLite's errors as they are, for the upgrade at open,
        which names them."""
        if self.read_only:
            raise ReadOnlyError(f"{self.path}: the corpus is read-only; the change was not saved")
        try:
            self._conn.execute("BEGIN IMMEDIATE")
        except sqlite3.OperationalError as exc:
            raise CorpusError(f"{self.path}: the corpus is busy or locked ({exc})") from None
        try:
            yield self._conn
            for article_id in sorted(self._renamed):
                index_article(self._conn, article_id, update=True)
            self._conn.execute("COMMIT")
        except BaseException:
            self._rollback()
            raise
        finally:
            self._renamed.clear()

    def _rollback(self) -> None:
        """Roll back what is left of a failed transaction. SQLite rolls some back itself
        (a commit that could not write: disk full, I/O error), and a rollback that fails
        leaves nothing to add: the error being raised is the cause."""
        if self._conn.in_transaction:
            with contextlib.suppress(sqlite3.Error):
                self._conn.execute("ROLLBACK")

    @contextmanager
    def snapshot(self) -> Iterator[None]:
        """One read transaction: every read inside it sees the corpus as it was at the
        first one (a consistent snapshot for a pass over every article)."""
        try:
            self._conn.execute("BEGIN")
        except sqlite3.Error as exc:
            raise corpus_error(self.path, exc) from None
        try:
            yield
        finally:
            try:
                self._conn.execute("COMMIT")
            except sqlite3.Error as exc:
                raise corpus_error(self.path, exc) from None

    def _read_data_version(self) -> int:
        return int(self._conn.execute("PRAGMA data_version").fetchone()[0])

    @guarded
    def changed_elsewhere(self) -> bool:
        """Whether another connection (a second window, a script, a background job)
        committed since the open or the last call: SQLite's ``data_version``, one
        read of a counter, whatever the corpus's size."""
        version, self._data_version = self._data_version, self._read_data_version()
        return version != self._data_version

    @guarded
    def schema_version(self) -> int:
        return int(self._conn.execute("PRAGMA user_version").fetchone()[0])

    def _migrate(self, upto: int = SCHEMA_VERSION) -> None:
        version = int(self._conn.execute("PRAGMA user_version").fetchone()[0])
        for n in range(version, upto):
            with self._transaction() as conn:
                MIGRATIONS[n](conn)
                conn.execute(f"PRAGMA user_version = {n + 1}")

    # -- damage ------------------------------------------------------------------------------

    @guarded
    def check(self) -> list[str]:
        """The full check, now: the file's, as an open with ``check=True`` runs it
        (CorpusError if it is damaged), the scan of every row and beyond, and the search
        index. Returns :attr:`damage`."""
        self._damage.check()
        self._damage.check_index()
        return self.damage

    @guarded
    def find_damage(self) -> frozenset[int]:
        """The scan of every row of the full check (unless it ran), without
        ``quick_check``: for a pass over every article (an export), which must leave
        damaged ones out. Returns :attr:`damaged_ids`."""
        if not self._damage.checked:
            self._damage.scan()
        return self.damaged_ids

    @property
    def checked(self) -> bool:
        """Whether the full check ran (on request, after an unclean shutdown, or when a
        row read was found damaged)."""
        return self._damage.checked

    @property
    def damage(self) -> list[str]:
        """Damaged rows found so far, as ``"article 12: offsets outside the text"``: by
        the full check, or as each article was read. Their articles are left out of the
        lists and exports and cannot be opened or edited."""
        return self._damage.lines()

    @property
    def damaged_ids(self) -> frozenset[int]:
        """The articles left out because a row of theirs is damaged (see ``damage``)."""
        return frozenset(self._damage.articles)

    def _usable(self, article_id: int) -> None:
        if self._damage.of(article_id):
            self._refuse(article_id)

    def _refuse(self, article_id: int) -> NoReturn:
        """Raise CorpusError naming what is wrong with the article."""
        raise CorpusError(
            f"{self.path}: article {article_id}: {self._damage.articles[article_id]}; "
            "the article cannot be opened or edited"
        )

    # -- one article -------------------------------------------------------------------------

    def article(self, article_id: int) -> Article:
        """The article, with its flag (docs/adr/0033)."""
        article = article_from_row(self._article_row(", ".join(ARTICLE_RECORD), article_id))
        flag = self.current("article_flag", article_id)
        if flag is not None:
            article.flagged, article.comment = True, flag["comment"]
        return article

    @guarded
    def tokens(self, article_id: int) -> Tokens:
        """The article's tokens (cached: the text, and so its tokens, never change)."""
        cached = self._tokens.get(article_id)
        if cached is None:
            self._usable(article_id)
            row = self._conn.execute(
                "SELECT text, packed_tokens FROM articles WHERE id = ?", (article_id,)
            ).fetchone()
            ok = row is not None and isinstance(row[0], str)  # else damage found at open
            cached = DocTokens.load(row[0], row[1]).bounds() if ok else Tokens([])
            if len(self._tokens) > 32:
                self._tokens.clear()
            self._tokens[article_id] = cached
        return cached

    @guarded
    def _article_row(self, expression: str, article_id: int, index: str = "") -> tuple[Any, ...]:
        """``expression`` (a select list) of a sound article's row."""
        self._usable(article_id)
        row = self._conn.execute(
            f"SELECT {expression} FROM articles {index} WHERE id = ?", (article_id,)
        ).fetchone()
        if row is None:
            raise CorpusError(f"no article {article_id} in {self.path}")
        return tuple(row)

    def _article_value(self, expression: str, article_id: int, index: str = "") -> Any:
        return self._article_row(expression, article_id, index)[0]

    def text_length(self, article_id: int) -> int:
        return int(self._article_value("length(text)", article_id))

    def status(self, article_id: int) -> Status:
        return Status(self._article_value("status", article_id, "INDEXED BY articles_list"))

    @guarded
    def attributions(self, article_id: int) -> list[Attribution]:
        self._usable(article_id)
        cur = self._conn.execute(
            "SELECT * FROM attributions WHERE article_id = ? ORDER BY quote_start, id",
            (article_id,),
        )
        return [attribution_from_row(r) for r in dicts(cur)]

    @guarded
    def attribution_rows(self, article_id: int) -> list[tuple[Any, ...]]:
        """The article's attributions as stored: their rows of ``ATTRIBUTION_COLUMNS``,
        the values the export reads (what ``core.formats.imported.revision`` marks)."""
        self._usable(article_id)
        cur = self._conn.execute(
            f"SELECT {', '.join(ATTRIBUTION_COLUMNS)} FROM attributions WHERE article_id = ?",
            (article_id,),
        )
        return [tuple(r) for r in cur]

    @guarded
    def attribution(self, attr_id: int) -> tuple[int, Attribution] | None:
        cur = self._conn.execute("SELECT * FROM attributions WHERE id = ?", (attr_id,))
        rows = dicts(cur)
        if not rows:
            return None
        article_id = rows[0]["article_id"]
        self._usable(article_id)
        return article_id, attribution_from_row(rows[0])

    @guarded
    def check_spans(self, article_id: int, a: Attribution) -> None:
        """The span rules for one attribution about to be stored in an article: its own
        (on the article's token bounds), and :func:`check_attributions` beside each other
        attribution of the article that one of its spans touches (only those are read)."""
        tokens = self.tokens(article_id)
        n = self.text_length(article_id)
        a.check(n, tokens if len(tokens) else None)
        quote, speaker, cue = a.quote, a.speaker or _NOWHERE, a.cue or _NOWHERE
        touched = self._conn.execute(
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
        for row in dicts(touched):
            check_attributions([a, attribution_from_row(row)], n)

    @guarded
    def find_article(self, content_hash: str) -> int | None:
        row = self._conn.execute(
            "SELECT id FROM articles WHERE content_hash = ?", (content_hash,)
        ).fetchone()
        return int(row[0]) if row else None

    # -- writing (each call one transaction) -------------------------------------------------

    def add_article(
        self,
        article: Article,
        attributions: list[Attribution],
        tokens: Sequence[tuple[int, int]],
        label: str = "import",
        candidates: Sequence[Attribution] = (),
    ) -> tuple[int, bool]:
        """Store an article with its attributions and its non-space token bounds (kept
        packed with its whitespace tokens; bounds that do not fit the text are made
        anew), and what made its suggestions and ``candidates`` (found, not
        suggested: docs/adr/0036). Returns (id, created); an article already present
        (same content hash) is left as it is."""
        for a in attributions:
            a.check(len(article.text))
        packed = DocTokens.of(article.text, tokens).pack()
        with self.transaction():
            existing = self.find_article(article.content_hash)
            if existing is not None:
                return existing, False
            cur = self._conn.execute(
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
            self._db["attributions"].insert_all(  # type: ignore[union-attr]
                [
                    attribution_row(self.with_speaker(a.with_(id=None)), article_id)
                    for a in attributions
                ]
            )
            if any(a.made_by for a in [*attributions, *candidates]):
                ids = [
                    r[0]
                    for r in self._conn.execute(
                        "SELECT id FROM attributions WHERE article_id = ? ORDER BY id",
                        (article_id,),
                    )
                ]
                record_made(
                    self._conn,
                    article_id,
                    [*zip(ids, attributions, strict=True), *((None, a) for a in candidates)],
                )
            if article.flagged:
                self._write_small("article_flag", article_id, None, {"comment": article.comment})
            index_article(self._conn, article_id, update=False)
            index_text(self._conn, article_id)
            self.log_decision(
                "import",
                None,
                article_id,
                label,
                {"source": article.source, "attributions": len(attributions)},
            )
        return article_id, True

    def add_copies(
        self,
        articles: Sequence[tuple[Any, ...]],
        attributions: Sequence[tuple[Any, ...]],
        flags: Sequence[tuple[Any, ...]],
        changes: dict[str, Any],
        *,
        speakers: Sequence[Sequence[tuple[Any, ...]]] = (),
        todo: bool = False,
    ) -> None:
        """Store another corpus's rows as they are, ids kept: a batch of a hand-out
        (docs/adr/0032), in one transaction with one ``import`` decision (``changes``).
        ``articles`` and ``attributions`` hold every column (``ARTICLE_COLUMNS``,
        ``ATTRIBUTION_COLUMNS``), ``flags`` the articles' flags as a whole (``id,
        comment``); ``speakers``, the rows of each of ``COPIED_SPEAKER_TABLES``,
        are stored first; ``todo`` makes every article's status todo."""
        status = ARTICLE_COLUMNS.index("status")
        if todo:
            articles = [(*r[:status], "todo", *r[status + 1 :]) for r in articles]
        with self.transaction():
            for (table, columns), rows in zip(COPIED_SPEAKER_TABLES, speakers, strict=False):
                self._insert(table, columns, rows)
            self._insert("articles", ARTICLE_COLUMNS, articles)
            self._insert("attributions", ATTRIBUTION_COLUMNS, attributions)
            self._insert("article_flags", ("id", "comment"), flags)
            for row in articles:
                index_article(self._conn, row[0], update=False)
                index_text(self._conn, row[0])
            self.log_decision("import", None, None, "assign", changes)

    def _insert(self, table: str, columns: Sequence[str], rows: Sequence[tuple[Any, ...]]) -> None:
        self._conn.executemany(
            f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})",
            rows,
        )

    def add_curated(
        self,
        articles: Sequence[tuple[Any, ...]],
        attributions: Sequence[tuple[int, Attribution]],
        tables: Sequence[tuple[str, Sequence[str], Sequence[tuple[Any, ...]]]],
        changes: dict[str, Any],
        *,
        flags: Sequence[tuple[Any, ...]] = (),
        speakers: Sequence[Sequence[tuple[Any, ...]]] = (),
        gone: Sequence[tuple[str, str, Sequence[int]]] = (),
        statuses: Sequence[tuple[str, int]] = (),
    ) -> None:
        """Store a batch of a merge into a gold corpus (docs/adr/0034) in one transaction
        with one ``import`` decision (``changes``): ``articles`` (every column,
        ``ARTICLE_COLUMNS``, ids kept) with their flags as a whole (``id, comment``),
        the gold's attributions (``(article id, attribution)``, each with its id: the
        provenance rows name them; their speakers found by name, made if new), and the
        rows of the curation tables (``tables``: name, columns, rows), written in the
        order given after the attributions. ``speakers``, the rows of each of
        ``COPIED_SPEAKER_TABLES``, are stored first. Merging into a gold again, the rows
        ``gone`` (table, column, values) are deleted first, in the order given, and the
        articles' ``statuses`` ((status, id)) set; the search index of the articles whose
        rows were deleted is made again."""
        with self.transaction():
            for table, column, values in gone:
                self._conn.execute(
                    f"DELETE FROM {table} WHERE {column} IN (SELECT value FROM json_each(?))",
                    (json.dumps(list(values)),),
                )
            self._conn.executemany("UPDATE articles SET status = ? WHERE id = ?", statuses)
            for (table, columns), rows in zip(COPIED_SPEAKER_TABLES, speakers, strict=False):
                self._insert(table, columns, rows)
            self._insert("articles", ARTICLE_COLUMNS, articles)
            self._insert("article_flags", ("id", "comment"), flags)
            records = [attribution_row(self.with_speaker(a), art) for art, a in attributions]
            if records:
                cols = tuple(records[0])
                self._insert("attributions", cols, [tuple(r.values()) for r in records])
            for table, names, rows in tables:
                self._insert(table, names, rows)
            for row in articles:
                index_article(self._conn, row[0], update=False)
                index_text(self._conn, row[0])
            new = {row[0] for row in articles}
            for article_id in {art for art, _ in attributions} - new:
                index_article(self._conn, article_id, update=True)
            self.log_decision("import", None, None, "curate", changes)

    def hand_to(self, annotator: str, changes: dict[str, Any]) -> None:
        """Make ``annotator`` the corpus's (``meta``): every later decision is logged as
        theirs. One transaction with one ``import`` decision (``changes``: how the
        hand-out was made), logged as the user's who made it."""
        with self.transaction():
            write_annotator(self._conn, annotator)
            self.log_decision("import", None, None, f"handed out to {annotator}", changes)
        self.assigned = self.annotator = annotator

    def log_decision(
        self,
        kind: str,
        ref: int | None,
        article_id: int | None,
        label: str,
        changes: Any,
    ) -> int:
        """Append a decision (``kind`` edit, undo, redo or import; ``ref`` the decision an
        undo or redo acts on) to the log and return its id. Inside :meth:`transaction`,
        with the writes it records: both are saved, or neither (and what SQLite raises
        is named there, as every failed write is)."""
        assert self._conn.in_transaction, "a decision is logged in its writes' transaction"
        cur = self._conn.execute(
            "INSERT INTO decisions (at, annotator, kind, ref, article_id, label, changes) "
            "VALUES (?, ?, ?, ?, ?, ?, ?)",
            (now(), self.annotator, kind, ref, article_id, label, json.dumps(changes)),
        )
        return int(cur.lastrowid or 0)

    # -- speakers ----------------------------------------------------------------------------

    @guarded
    def speaker_of(self, name: str) -> int:
        """The id of the speaker named ``name`` (the unique index), made now (of no
        stated kind) if there is none. In the caller's transaction."""
        row = self._conn.execute("SELECT id FROM speakers WHERE name = ?", (name,)).fetchone()
        if row is not None:
            return int(row[0])
        cur = self._conn.execute("INSERT INTO speakers (name) VALUES (?)", (name,))
        return int(cur.lastrowid or 0)

    def with_speaker(self, a: Attribution) -> Attribution:
        """``a`` with the id of the speaker its speaker name names (made if new), or
        with none when it has no name; a given id is kept. In the caller's transaction."""
        if not a.speaker_name:
            return a.with_(speaker_id=None) if a.speaker_id is not None else a
        if a.speaker_id is not None:
            return a
        return a.with_(speaker_id=self.speaker_of(a.speaker_name))

    @guarded
    def current(self, table: str, row_id: int) -> dict[str, Any] | None:
        """The record a command compares against: an attribution's record, an article's
        status, or a row of the speakers' tables (:data:`SMALL_TABLES`)."""
        if table == "article":
            row = self._conn.execute(
                "SELECT status FROM articles INDEXED BY articles_list WHERE id = ?", (row_id,)
            ).fetchone()
            return {"status": row[0]} if row else None
        if table in SMALL_TABLES:
            sql_table, columns = SMALL_TABLES[table]
            row = self._conn.execute(
                f"SELECT {', '.join(columns)} FROM {sql_table} WHERE id = ?", (row_id,)
            ).fetchone()
            return dict(zip(columns, row, strict=True)) if row else None
        found = self.attribution(row_id)
        if found is None:
            return None
        return found[1].to_logged(found[0])

    def write(
        self,
        table: str,
        row_id: int | None,
        before: dict[str, Any] | None,
        after: dict[str, Any] | None,
    ) -> int:
        """Change one row from ``before`` to ``after`` (None creates or deletes it) and
        return its id. Commands call this inside their :meth:`transaction`, which names
        what SQLite raises (as :meth:`log_decision`). The row must still
        hold ``before`` (compared in the same statement that writes), else ConflictError;
        a row that already holds ``after`` is fine (another process did the same)."""
        if table == "article":
            assert row_id is not None and before is not None and after is not None
            done = self._conn.execute(
                "UPDATE articles SET status = ? WHERE id = ? AND status = ?",
                (after["status"], row_id, before["status"]),
            ).rowcount
            return self._written(done, table, row_id, after)
        if table in SMALL_TABLES:
            return self._write_small(table, row_id, before, after)
        row_id = self._write_attribution(row_id, before, after)
        if len({(r or {}).get("speaker_name") for r in (before, after)}) > 1:
            rec = after or before
            assert rec is not None
            if self._conn.in_transaction:  # (once, as it commits: a rename of many rows)
                self._renamed.add(int(rec["article_id"]))
            else:
                index_article(self._conn, int(rec["article_id"]), update=True)
        return row_id

    def _write_attribution(
        self, row_id: int | None, before: dict[str, Any] | None, after: dict[str, Any] | None
    ) -> int:
        table = "attribution"
        new = None
        old = Attribution.from_record(before) if before is not None else None
        if after is not None:
            new = self.with_speaker(Attribution.from_record(after, id=row_id))
            rejected = State.REJECTED
            if (
                old is None
                or old.spans() != new.spans()
                or (old.state is rejected) != (new.state is rejected)  # (it blocks nothing)
                or old.comment != new.comment  # (the same boundary: Attribution.check)
            ):
                self.check_spans(int(after["article_id"]), new)
        if row_id is None:
            assert new is not None and after is not None
            row = attribution_row(new, int(after["article_id"]))
            cur = self._conn.execute(_insert_sql(tuple(row)), list(row.values()))
            return int(cur.lastrowid or 0)
        if old is None:  # re-creating a deleted row (undo of a delete)
            assert new is not None and after is not None
            row = attribution_row(new, int(after["article_id"]))
            cur = self._conn.execute(_insert_sql(tuple(row), "OR IGNORE "), list(row.values()))
            return self._written(cur.rowcount, table, row_id, after)
        assert before is not None
        was = attribution_row(old, int(before["article_id"]))
        if "speaker_id" not in before:  # logged before speakers were entities
            del was["speaker_id"]
        if "flagged" not in before:  # logged before flags were (docs/adr/0033)
            del was["flagged"], was["comment"]
        if new is None:
            cur = self._conn.execute(
                f"DELETE FROM attributions WHERE id = ? AND {_same_sql(tuple(was))}",
                [row_id, *was.values()],
            )
        else:
            row = attribution_row(new, int(after["article_id"]) if after else 0)
            if after is not None and "flagged" not in after:  # (a record logged before
                del row["flagged"], row["comment"]  # flags were: it leaves them as they are)
            values = [v for col, v in row.items() if col != "id"]
            cur = self._conn.execute(
                _update_sql(tuple(row), tuple(was)), [*values, row_id, *was.values()]
            )
        return self._written(cur.rowcount, table, row_id, after)

    def _write_small(
        self,
        table: str,
        row_id: int | None,
        before: dict[str, Any] | None,
        after: dict[str, Any] | None,
    ) -> int:
        """A row of a speakers' table from ``before`` to ``after``: made (again, with its
        id, for an undo of its deletion), changed or deleted, compared as it is written."""
        sql_table, fields = SMALL_TABLES[table]
        if before is None:
            assert after is not None
            names = ["id", *fields] if row_id is not None else list(fields)
            values = [after[c] for c in fields]
            marks = ", ".join("?" * len(names))
            cur = self._conn.execute(
                f"INSERT INTO {sql_table} ({', '.join(names)}) VALUES ({marks})",
                [row_id, *values] if row_id is not None else values,
            )
            return int(cur.lastrowid or 0)
        assert row_id is not None
        same = " AND ".join(f"{c} IS ?" for c in fields)
        was = [before[c] for c in fields]
        if after is None:
            cur = self._conn.execute(
                f"DELETE FROM {sql_table} WHERE id = ? AND {same}", [row_id, *was]
            )
        else:
            cur = self._conn.execute(
                f"UPDATE {sql_table} SET {', '.join(f'{c} = ?' for c in fields)} "
                f"WHERE id = ? AND {same}",
                [*(after[c] for c in fields), row_id, *was],
            )
        return self._written(cur.rowcount, table, row_id, after)

    def _written(self, rowcount: int, table: str, row_id: int, after: dict[str, Any] | None) -> int:
        if rowcount != 1 and self.current(table, row_id) != after:
            raise ConflictError(
                f"this {table} was changed elsewhere (another window or process); "
                "the view has been reloaded"
            )
        return row_id


@functools.lru_cache(maxsize=16)
def _insert_sql(columns: tuple[str, ...], how: str = "") -> str:
    """An attribution row's INSERT (``how``: ``OR IGNORE``), made once per set of columns."""
    return (
        f"INSERT {how}INTO attributions ({', '.join(columns)}) "
        f"VALUES ({', '.join('?' * len(columns))})"
    )


@functools.lru_cache(maxsize=16)
def _same_sql(columns: tuple[str, ...]) -> str:
    """The condition that an attribution row still holds what a command read of it:
    ``columns`` compared in order (a name stored as '' by an older QuoteLab is no name,
    as it reads)."""
    return " AND ".join(
        "NULLIF(speaker_name, '') IS ?" if col == "speaker_name" else f"{col} IS ?"
        for col in columns
    )


@functools.lru_cache(maxsize=16)
def _update_sql(columns: tuple[str, ...], was: tuple[str, ...]) -> str:
    """An attribution row's UPDATE of ``columns`` (but its id) where it still holds
    ``was`` (:func:`_same_sql`), made once per pair of column sets (a rename of many
    rows writes them all alike)."""
    sets = ", ".join(f"{col} = ?" for col in columns if col != "id")
    return f"UPDATE attributions SET {sets} WHERE id = ? AND {_same_sql(was)}"
