"""A corpus file's health: the cheap checks every open runs (the header, the journals
beside the file, the schema against QuoteLab's own), the full check (``PRAGMA
quick_check`` and a scan of every row) and the damaged rows found so far (ADR 0016).
A file that fails a check is refused and never modified."""

from __future__ import annotations

import json
import os
import sqlite3
import threading
from dataclasses import dataclass
from pathlib import Path

from core.corpus.annotator import read_annotator
from core.corpus.errors import CorpusError, is_damage
from core.corpus.schema import (
    APP_ID,
    APPLICATION_ID,
    MIGRATIONS,
    SCHEMA_VERSION,
    _v3_views,
    harden,
    reference_schema,
    schema_of,
)
from core.model import COMMENT_LIMIT, Origin, QuoteType, State, Status, content_hash

_SQLITE_MAGIC = b"SQLite format 3\x00"
_HEADER_SIZE = 100


def connect_ro(path: Path, *, checking: bool = False) -> sqlite3.Connection:
    """A read-only connection that sees the latest commits, also those still in the
    ``-wal`` (``mode=ro``), beside a writer too. A corpus that nobody can change (see
    :func:`_unchangeable`) is opened ``immutable``: SQLite then needs no ``-shm`` or
    ``-wal`` beside it, which a read-only folder cannot hold (docs/adr/0016). So is one
    being ``checking`` with no ``-wal`` or ``-journal`` beside it (every commit is in the
    file, and no WAL connection is open on it): a file the check refuses must not get
    the ``-wal`` and ``-shm`` a ``mode=ro`` read of a WAL-mode file leaves beside it."""
    uri = f"{path.resolve().as_uri()}?mode=ro"
    if (checking and not _journals(path)) or _unchangeable(path):
        uri += "&immutable=1"
    conn = sqlite3.connect(uri, uri=True, isolation_level=None)
    harden(conn)
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


def hold(path: Path) -> Path:
    """Count a Store open on the corpus at ``path`` (see :func:`unclean`); returns the
    key that :func:`release` takes when it closes."""
    key = path.resolve()
    with _open_lock:
        _open_here[key] = _open_here.get(key, 0) + 1
    return key


def release(key: Path) -> None:
    with _open_lock:
        left = _open_here.pop(key) - 1
        if left:
            _open_here[key] = left


@dataclass(frozen=True)
class Holder:
    """That the process ``pid`` holds the corpus at ``path`` open, said to a worker
    process it starts (:func:`holder_of`). Its open checked the corpus or found it
    clean, so the ``-wal`` it keeps beside the file is no sign of a crash to the
    worker's open (:func:`unclean`), while that process lives (docs/adr/0042)."""

    path: Path
    pid: int


def holder_of(path: Path) -> Holder | None:
    """What a worker process started now takes to open the corpus at ``path`` as held
    by this process: None when no Store of this process has it open."""
    key = path.resolve()
    with _open_lock:
        return Holder(key, os.getpid()) if _open_here.get(key) else None


def unclean(path: Path, holder: Holder | None = None) -> bool:
    """Whether the last use of the corpus did not end with a clean close: a ``-wal`` or
    ``-journal`` with content beside it (the process crashed, was killed or lost power;
    or another process has it open now). A corpus this process holds open is not, nor
    one that the live process that started this one holds (``holder``)."""
    key = path.resolve()
    with _open_lock:
        if _open_here.get(key):
            return False
    if holder is not None and _held_by_parent(key, holder):
        return False
    return any(_journals(path))


def _held_by_parent(key: Path, holder: Holder) -> bool:
    """Whether ``holder`` was made for ``key`` by the process that started this one, and
    that process still lives (its sentinel, not its pid: a pid can be reused)."""
    from multiprocessing import parent_process  # (in worker processes only)

    parent = parent_process()
    return (
        holder.path == key and parent is not None and parent.pid == holder.pid and parent.is_alive()
    )


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


def check_file(path: Path, *, full: bool) -> int:
    """Refuse, without writing anything, a file that cannot be a healthy QuoteLab corpus:
    not SQLite, another program's, a newer schema, or a schema holding anything
    QuoteLab's migrations do not create (a planted trigger, view or index is named).
    ``full`` adds ``PRAGMA quick_check`` (reads every page: the cost grows with the file).
    Returns the file's schema version (``user_version``, with the commits in its -wal)."""
    try:
        with path.open("rb") as f:
            head = f.read(_HEADER_SIZE)
            size = os.fstat(f.fileno()).st_size
    except OSError as exc:
        raise CorpusError(f"{path}: cannot be read ({exc.strerror or exc})") from None
    if head[: len(_SQLITE_MAGIC)] != _SQLITE_MAGIC or len(head) < _HEADER_SIZE:
        raise CorpusError(f"{path}: not a QuoteLab corpus (not an SQLite database)")
    # In use or after a crash, the latest commits can be in the -wal only: the header
    # is the file's own word only without a -wal or -journal holding anything. Then a
    # file that is not ours, or is too new, is refused before SQLite opens it (in WAL
    # mode it would put a -wal and -shm beside the file); else after, from the pragmas.
    if not any(_journals(path)):
        if size < _header_pages(head) * _page_size(head):
            raise CorpusError(
                f"{path}: the corpus is damaged (the file is shorter than its header says: "
                "truncated?); it was not modified"
            )
        _check_ids(path, int.from_bytes(head[60:64], "big"), int.from_bytes(head[68:72], "big"))
    try:
        conn = connect_ro(path, checking=True)
    except sqlite3.Error as exc:
        raise CorpusError(f"{path}: cannot be opened ({exc})") from None
    try:
        if full:
            _quick_check(path, conn)
        return _check_schema(path, conn)
    except sqlite3.OperationalError as exc:
        raise unreadable(path, exc) from None
    except sqlite3.DatabaseError as exc:
        raise CorpusError(f"{path}: the corpus is damaged ({exc}); it was not modified") from None
    finally:
        conn.close()


def unreadable(path: Path, exc: sqlite3.OperationalError) -> CorpusError:
    """Why a read-only connection could not read the corpus, said as what to do."""
    if "readonly" in str(exc) and not os.access(path.resolve().parent, os.W_OK):
        return CorpusError(
            f"{path}: can only be read beside the files SQLite keeps next to it "
            f"({path.name}-shm), and its folder cannot be written; open a copy (main.py "
            "backup, or copy the file) or ask for write access"
        )
    if "unable to open" in str(exc) and _journals(path):
        return CorpusError(
            f"{path}: its latest changes are in {path.name}-wal, which cannot be read "
            "without write access to the folder; open a copy (main.py backup, or copy "
            "the folder) or ask for write access"
        )
    return CorpusError(f"{path}: cannot be opened ({exc}); it was not modified")


def _check_ids(path: Path, version: int, app_id: int) -> None:
    """A corpus says it is one in its header: application_id "QLab" (0 before
    ``_v3_views`` set it) and a schema version (``user_version``) this QuoteLab reads."""
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


def _check_schema(path: Path, conn: sqlite3.Connection) -> int:
    version = int(conn.execute("PRAGMA user_version").fetchone()[0])
    schema = schema_of(conn)
    if version == 0 and not schema:
        raise CorpusError(f"{path}: an empty SQLite file, not a QuoteLab corpus")
    _check_ids(path, version, conn.execute("PRAGMA application_id").fetchone()[0])  # (newer?)
    if ("table", "meta") not in {(t, n) for t, n, _ in schema} or conn.execute(
        "SELECT value FROM meta WHERE key='app'"
    ).fetchone() != (APP_ID,):
        raise CorpusError(f"{path}: not a QuoteLab corpus (an SQLite file of another program)")
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
    read_annotator(conn, path)  # (a name from the file: refused here, before any write)
    return version


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


#: The full-text indexes the full check asks FTS5 about, with what fails while one is
#: damaged.
_INDEXES = (
    ("article_search", "the filter and speaker renames fail"),
    ("articles_fts", "Datasette's search of the articles finds wrong rows"),
)


class Damage:
    """The damaged rows of one open corpus found so far: each article (or decision)
    with what is wrong. Found by the full check (on request, after an unclean shutdown,
    or at the first damage a read meets), else an article's rows are checked when first
    read (an index seek), so opening costs the same at any size."""

    def __init__(self, path: Path, conn: sqlite3.Connection) -> None:
        self._path = path
        self._conn = conn
        self.articles: dict[int, str] = {}  # article id -> what is wrong
        self.decisions: list[int] = []  # decisions whose changes are not valid JSON
        #: Rows no article owns (a foreign key to nothing), as lines of :meth:`lines`:
        #: found by :meth:`beyond_rows` only.
        self.orphans: list[str] = []
        #: What FTS5's check found wrong with the search index (:meth:`check_index`).
        self.index: str | None = None
        self._sound: set[int] = set()  # articles whose rows were read and found sound
        #: Whether the full check ran (on request, after an unclean shutdown, or
        #: when a row read was found damaged).
        self.checked = False

    def check(self) -> None:
        """The full check, now: the file's, as an open with ``check=True`` runs it
        (CorpusError if it is damaged), the scan of every row and what lies beyond."""
        check_file(self._path, full=True)
        self.scan()
        self.beyond_rows()

    def beyond_rows(self) -> None:
        """What only the full check looks for (an export's scan of every row does not:
        it would cost the export a hash of every text): texts changed in place and
        rows of no article."""
        for art_id, why in self._changed_texts():
            self.articles.setdefault(art_id, why)
        self.orphans = self._orphans()

    def check_index(self) -> None:
        """FTS5's own check of the search indexes, against the text too (``quick_check``
        reads their pages as sound however they were tampered with): the app's
        (``article_search``) and Datasette's (``articles_fts``, docs/adr/0029). The
        costliest part of the check (it tokenizes every text again), so it runs on
        request only, not after an unclean shutdown: a crash cannot leave an index unlike
        its transaction. It runs as a write command that writes nothing, so only where
        the corpus can be written."""
        found = [self._fts_check(table, what) for table, what in _INDEXES]
        self.index = "; ".join(f for f in found if f) or None

    def _fts_check(self, table: str, what: str) -> str | None:
        """What FTS5's integrity check says is wrong with ``table``, if anything."""
        try:
            self._conn.execute(f"INSERT INTO {table} ({table}, rank) VALUES ('integrity-check', 1)")
        except sqlite3.DatabaseError as exc:
            if is_damage(exc):
                return (
                    f"the search index {table} is damaged ({exc}): {what} until it is "
                    "rebuilt; `main.py backup` copies the rest"
                )
            if exc.sqlite_errorcode & 0xFF != sqlite3.SQLITE_READONLY:
                raise  # (busy, say: not the index's fault)
        return None

    def scan(self, article_id: int | None = None) -> list[tuple[int, str]]:
        """Rows a hand edit or another tool broke, each reported by article (or decision)
        with what is wrong: of every article, or of ``article_id`` only (an index seek).
        Adds what it finds to :meth:`lines`."""
        one, args = ("", []) if article_id is None else ("AND id = ?", [article_id])
        found: list[tuple[int, str]] = []
        statuses = ", ".join(f"'{s}'" for s in Status)
        for art_id, status, non_body, length, nul in self._conn.execute(
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
            for (art_id,) in self._conn.execute(
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
                f"attribution {attr_id} has an unknown type, state, origin, confidence, "
                "name or flag",
            )
            for art_id, attr_id in self._conn.execute(
                f"""SELECT article_id, id FROM attributions
                    WHERE (type NOT IN ({", ".join(f"'{t}'" for t in QuoteType)})
                       OR state NOT IN ({", ".join(f"'{t}'" for t in State)})
                       OR origin NOT IN ({", ".join(f"'{t}'" for t in Origin)})
                       OR typeof(confidence) NOT IN ('real', 'integer', 'null')
                       OR typeof(speaker_name) NOT IN ('text', 'null')
                       OR flagged NOT IN (0, 1) OR typeof(comment) != 'text'
                       OR length(comment) > {COMMENT_LIMIT})
                       {one.replace("id", "article_id")}""",
                args,
            )
        ]
        found += [
            (
                art_id,
                "the article's flag has a comment that is not text of at most "
                f"{COMMENT_LIMIT} characters",
            )
            for (art_id,) in self._conn.execute(
                "SELECT id FROM article_flags WHERE (typeof(comment) != 'text' "
                f"OR length(comment) > {COMMENT_LIMIT}) {one}",
                args,
            )
        ]
        found += self._curation(checks, one, args)
        first = dict(reversed(found))  # one reason per article: the first found
        for art_id, why in first.items():
            self.articles.setdefault(art_id, why)
        if article_id is None:
            self.checked = True
            self.decisions = [
                n
                for (n,) in self._conn.execute(
                    "SELECT id FROM decisions WHERE NOT json_valid(changes)"
                )
            ]
        return sorted(first.items())

    def _curation(self, checks: str, one: str, args: list[int]) -> list[tuple[int, str]]:
        """A gold corpus's rows a hand edit broke (docs/adr/0034): an annotator's version
        whose offsets, type, state, origin, name or flag are out of bounds, or an item
        whose place or outcome is."""
        where = one.replace("id", "article_id")
        types = ", ".join(f"'{q}'" for q in QuoteType)
        origins = ", ".join(f"'{o}'" for o in Origin)
        versions = self._conn.execute(
            "WITH a(id, length) AS MATERIALIZED "
            f"(SELECT id, length(text) FROM articles WHERE true {one}) "
            f"SELECT DISTINCT t.article_id FROM curation_versions t "
            f"JOIN a ON a.id = t.article_id WHERE {checks} "
            f"OR t.type NOT IN ({types}) "
            "OR t.state NOT IN ('suggested', 'accepted') "
            f"OR t.origin NOT IN ({origins}) "
            "OR typeof(t.speaker_name) NOT IN ('text', 'null') OR t.flagged NOT IN (0, 1) "
            f"OR typeof(t.comment) != 'text' OR length(t.comment) > {COMMENT_LIMIT}",
            args,
        ).fetchall()
        items = self._conn.execute(
            "SELECT DISTINCT i.article_id FROM curation_items i JOIN articles a "
            "ON a.id = i.article_id WHERE (typeof(i.span_start) != 'integer' "
            "OR typeof(i.span_end) != 'integer' OR i.span_start < 0 "
            "OR i.span_start >= i.span_end OR i.span_end > length(a.text) "
            "OR i.outcome NOT IN ('open', 'taken', 'rejected', 'edited') "
            f"OR typeof(i.taken_from) NOT IN ('integer', 'null')) {where}",
            args,
        ).fetchall()
        return [
            (art, "an annotator's version is out of bounds (curation)") for (art,) in versions
        ] + [(art, "an item to adjudicate is out of bounds (curation)") for (art,) in items]

    def _changed_texts(self) -> list[tuple[int, str]]:
        """Articles whose text is not the text imported: its hash is not the stored
        ``content_hash`` (an article never changes after import)."""
        return [
            (art_id, "its text is not the text imported (content hash)")
            for art_id, stored, text in self._conn.execute(
                "SELECT id, content_hash, text FROM articles WHERE typeof(text) = 'text'"
            )
            if content_hash(text) != stored
        ]

    def _orphans(self) -> list[str]:
        """Rows whose foreign key names a row that does not exist (an attribution of no
        article): SQLite's ``foreign_key_check``."""
        kinds = {
            "attributions": "attribution",
            "decisions": "decision",
            "articles": "article",
            "speakers": "speaker",
            "speaker_aliases": "speaker alias",
        }
        out = []
        for table, rowid, parent, fkid in self._conn.execute("PRAGMA foreign_key_check"):
            column = self._conn.execute(f"PRAGMA foreign_key_list({table})").fetchall()
            key = next(c[3] for c in column if c[0] == fkid)
            (value,) = self._conn.execute(
                f"SELECT {key} FROM {table} WHERE rowid = ?", (rowid,)
            ).fetchone()
            out.append(
                f"{kinds.get(table, table)} {rowid}: its {kinds.get(parent, parent)} {value} "
                "does not exist"
            )
        return out

    def lines(self) -> list[str]:
        """Damaged rows found so far, as ``"article 12: offsets outside the text"``."""
        return (
            [f"article {i}: {why}" for i, why in sorted(self.articles.items())]
            + [
                f"decision {n}: its changes are not valid JSON; it cannot be undone"
                for n in self.decisions
            ]
            + self.orphans
            + ([self.index] if self.index else [])
        )

    def of(self, article_id: int) -> bool:
        """Whether a row of the article is damaged: its rows are checked when first read,
        and the first damage found runs the full check, so every damaged article leaves
        the lists at once."""
        if article_id in self.articles or article_id in self._sound:
            return article_id in self.articles
        if not self.scan(article_id):
            self._sound.add(article_id)
            return False
        if not self.checked:
            self.check()
        return True
