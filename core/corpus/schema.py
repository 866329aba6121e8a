"""The corpus's schema: its forward migrations (PRAGMA user_version counts those run),
the reference schema a file is checked against, and the settings that keep SQL stored
in a file from running code."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable
from functools import cache

from core.corpus.search import joined_names
from core.tokens import DocTokens

#: ``meta``'s ``app`` value: this SQLite file is a QuoteLab corpus.
APP_ID = "quotelab"


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
        [(article_id, joined_names(found)) for article_id, found in names.items()],
    )
    conn.execute("INSERT INTO article_search(article_search) VALUES ('rebuild')")


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


def _v7_speakers(conn: sqlite3.Connection) -> None:
    """Speakers as entities of the corpus (docs/adr/0024): ``speakers`` (a canonical
    name, unique; a kind, NULL where nobody gave one; an optional external id),
    ``speaker_aliases`` (other names a speaker goes by, each of one speaker at most
    once), ``speaker_dismissals`` (pairs the user said are not duplicates), and
    ``attributions.speaker_id``. Each distinct speaker name becomes a speaker of no
    stated kind (the corpus knows no heuristics: the kind is guessed from the name
    where it is read, ``core.suggest.registry.kind_of``); ``speaker_name`` stays on
    the attribution, the speaker's name as it was written."""
    _script(
        conn,
        """
        CREATE TABLE speakers (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            name TEXT NOT NULL UNIQUE CHECK (name != ''),
            kind TEXT CHECK (kind IN ('person', 'organisation', 'other')),
            external_id TEXT NOT NULL DEFAULT ''
        );
        CREATE TABLE speaker_aliases (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            speaker_id INTEGER NOT NULL REFERENCES speakers(id),
            alias TEXT NOT NULL CHECK (alias != ''),
            UNIQUE (speaker_id, alias)
        );
        CREATE INDEX speaker_aliases_alias ON speaker_aliases(alias);
        CREATE TABLE speaker_dismissals (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            first INTEGER NOT NULL,
            second INTEGER NOT NULL,
            UNIQUE (first, second),
            CHECK (first < second)
        );
        ALTER TABLE attributions ADD COLUMN speaker_id INTEGER REFERENCES speakers(id);
        CREATE INDEX attributions_speaker_id ON attributions(speaker_id, state);
        INSERT INTO speakers (name)
            SELECT DISTINCT speaker_name FROM attributions
            WHERE typeof(speaker_name) = 'text' AND speaker_name != '' ORDER BY speaker_name;
        UPDATE attributions SET speaker_id = (
            SELECT s.id FROM speakers s WHERE s.name = attributions.speaker_name)
        WHERE typeof(speaker_name) = 'text' AND speaker_name != ''
        """,
    )


def _v8_datasette_search(conn: sqlite3.Connection) -> None:
    """``articles_fts``: a full-text index of the articles' titles and texts in the form
    Datasette and sqlite-utils detect as the search of ``articles`` (an FTS table with
    ``content="articles"``), so ``/corpus/articles?_search=...`` works on the file as it
    is (docs/adr/0029). The app's own index, ``article_search``, is over a view (the
    speaker names too), which neither tool can offer. Kept in step on import
    (``core.corpus.search.index_article``): an article's title and text never change."""
    _script(
        conn,
        """
        CREATE VIRTUAL TABLE articles_fts USING fts5(
            title, text, content="articles", content_rowid="id",
            tokenize='unicode61 remove_diacritics 2');
        INSERT INTO articles_fts(articles_fts) VALUES ('rebuild')
        """,
    )


def _v9_flags(conn: sqlite3.Connection) -> None:
    """Doubts (docs/adr/0033): ``attributions.flagged`` and ``attributions.comment`` (an
    attribution marked unsure, with an optional one-line comment of at most 500
    characters), a partial index of the flagged ones by article (the list's mark reads
    it), and ``article_flags``: a row per article flagged as a whole, its ``id`` the
    article's, with its comment (a table of its own: the list reads it by a seek, where
    a column of ``articles`` would sit after the text, in overflow pages)."""
    _script(
        conn,
        """
        ALTER TABLE attributions ADD COLUMN flagged INTEGER NOT NULL DEFAULT 0
            CHECK (flagged IN (0, 1));
        ALTER TABLE attributions ADD COLUMN comment TEXT NOT NULL DEFAULT ''
            CHECK (length(comment) <= 500);
        CREATE INDEX attributions_flagged ON attributions(article_id) WHERE flagged;
        CREATE TABLE article_flags (
            id INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
            comment TEXT NOT NULL DEFAULT '' CHECK (length(comment) <= 500)
        )
        """,
    )


def _v10_curation(conn: sqlite3.Connection) -> None:
    """A gold corpus merged from annotators' corpora (``main.py curate``,
    docs/adr/0034): ``curation_annotators`` (each annotator merged, numbered 1.. as
    the keys that take their version), ``curation_articles`` (who had which article,
    with their status of it), ``curation_versions`` (every attribution of every
    annotator that was not rejected, agreed ones too; ``item_id`` the item it is a
    version in, NULL where all agreed), ``curation_items`` (a place where the
    annotators disagree: its outcome, open until the curator takes a version or
    rejects all) and ``provenance`` (per gold attribution, its id the attribution's:
    agreed, or adjudicated in an item, and the version it was made from). No foreign
    key from ``provenance`` to ``attributions``: a deleted attribution that an undo
    brings back keeps its provenance (ids are never reused)."""
    _script(
        conn,
        """
        CREATE TABLE curation_annotators (
            id INTEGER PRIMARY KEY CHECK (id BETWEEN 1 AND 9),
            name TEXT NOT NULL UNIQUE,
            source TEXT NOT NULL DEFAULT ''
        );
        CREATE TABLE curation_articles (
            article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            annotator_id INTEGER NOT NULL REFERENCES curation_annotators(id),
            status TEXT NOT NULL CHECK (status IN ('todo', 'in_progress', 'done')),
            PRIMARY KEY (article_id, annotator_id)
        ) WITHOUT ROWID;
        CREATE TABLE curation_items (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            span_start INTEGER NOT NULL,
            span_end INTEGER NOT NULL,
            outcome TEXT NOT NULL DEFAULT 'open'
                CHECK (outcome IN ('open', 'taken', 'rejected', 'edited')),
            taken_from INTEGER REFERENCES curation_annotators(id),
            CHECK (0 <= span_start AND span_start < span_end),
            CHECK ((outcome = 'taken') = (taken_from IS NOT NULL))
        );
        CREATE INDEX curation_items_article ON curation_items(article_id, span_start);
        CREATE INDEX curation_items_open ON curation_items(article_id, span_start)
            WHERE outcome = 'open';
        CREATE TABLE curation_versions (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            annotator_id INTEGER NOT NULL REFERENCES curation_annotators(id),
            item_id INTEGER REFERENCES curation_items(id),
            quote_start INTEGER NOT NULL,
            quote_end INTEGER NOT NULL,
            speaker_start INTEGER, speaker_end INTEGER,
            cue_start INTEGER, cue_end INTEGER,
            speaker_name TEXT,
            type TEXT NOT NULL CHECK (type IN ('direct', 'mixed', 'indirect')),
            state TEXT NOT NULL CHECK (state IN ('suggested', 'accepted')),
            origin TEXT NOT NULL CHECK (origin IN ('model', 'edited', 'manual')),
            flagged INTEGER NOT NULL DEFAULT 0 CHECK (flagged IN (0, 1)),
            comment TEXT NOT NULL DEFAULT '' CHECK (length(comment) <= 500),
            CHECK (0 <= quote_start AND quote_start < quote_end),
            CHECK ((speaker_start IS NULL) = (speaker_end IS NULL)),
            CHECK ((cue_start IS NULL) = (cue_end IS NULL))
        );
        CREATE INDEX curation_versions_article ON curation_versions(article_id, annotator_id);
        CREATE INDEX curation_versions_item ON curation_versions(item_id) WHERE item_id IS NOT NULL;
        CREATE TABLE provenance (
            id INTEGER PRIMARY KEY,
            how TEXT NOT NULL CHECK (how IN ('agreed', 'adjudicated')),
            item_id INTEGER REFERENCES curation_items(id),
            version_id INTEGER NOT NULL REFERENCES curation_versions(id),
            CHECK ((how = 'adjudicated') = (item_id IS NOT NULL))
        );
        CREATE INDEX provenance_item ON provenance(item_id) WHERE item_id IS NOT NULL
        """,
    )


def _v11_suggestions(conn: sqlite3.Connection) -> None:
    """Suggestions that learn (docs/adr/0036): ``suggestions``, every suggestion as it was
    made (``made``: its record), by the rules (``source``) or a model, with its ``rule``,
    ``features`` (a JSON object of text values) and ``prior`` (its rule's confidence);
    ``attribution_id`` the attribution it became (kept when that row is deleted: ids are
    never reused), NULL for a candidate that was not suggested (a cue not yet learned).
    ``learned_fits``: each fit of the re-scorer and the cue lexicon, with the decision it
    was fitted through (``through``), so it can be fitted again from the log."""
    _script(
        conn,
        """
        CREATE TABLE suggestions (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            attribution_id INTEGER UNIQUE,
            source TEXT NOT NULL,
            rule TEXT NOT NULL,
            features TEXT NOT NULL,
            prior REAL NOT NULL,
            made TEXT NOT NULL
        );
        CREATE INDEX suggestions_article ON suggestions(article_id);
        CREATE TABLE learned_fits (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            through INTEGER NOT NULL,
            at TEXT NOT NULL,
            fit TEXT NOT NULL
        )
        """,
    )


def _v12_trained(conn: sqlite3.Connection) -> None:
    """A tagger trained on the corpus's done articles (docs/adr/0041): ``trained``, each
    one kept, with the name its suggestions carry (``source``), the pipeline it started
    from (``base``), the decision it was trained through, its figures on the held-out
    done articles (JSON), its component's config (JSON) and its bytes; the last one is
    used while ``meta`` ``tagger`` is ``on``."""
    conn.execute(
        """
        CREATE TABLE trained (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            source TEXT NOT NULL,
            base TEXT NOT NULL,
            through INTEGER NOT NULL,
            at TEXT NOT NULL,
            figures TEXT NOT NULL,
            config TEXT NOT NULL,
            pipeline BLOB NOT NULL
        )
        """
    )


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
    _v7_speakers,
    _v8_datasette_search,
    _v9_flags,
    _v10_curation,
    _v11_suggestions,
    _v12_trained,
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
        return schema_of(conn)
    finally:
        conn.close()


#: ANALYZE's statistics tables exactly as SQLite creates them: data for the query
#: planner, never code, so a corpus may hold them. Anything else named like them (a
#: trigger ``sqlite_stat9``, a view ``sqlite_stat1``) is foreign like any other object.
STATISTICS = frozenset(
    {
        ("table", "sqlite_stat1", "CREATE TABLE sqlite_stat1(tbl,idx,stat)"),
        ("table", "sqlite_stat4", "CREATE TABLE sqlite_stat4(tbl,idx,neq,nlt,ndlt,sample)"),
    }
)


def schema_of(conn: sqlite3.Connection) -> frozenset[tuple[str, str, str]]:
    """(type, name, SQL) of every object in the file's schema but ANALYZE's statistics
    tables (:data:`STATISTICS`), the SQL with its runs of white space made one space."""
    rows = conn.execute("SELECT type, name, sql FROM sqlite_master").fetchall()
    return frozenset((t, n, " ".join((sql or "").split())) for t, n, sql in rows) - STATISTICS


def harden(conn: sqlite3.Connection) -> None:
    """Nothing stored in a corpus file may run code: no functions with side effects from
    its schema (``trusted_schema``) and, where Python offers it, SQLite's defensive mode
    (no writes to the schema table or the file's internals through SQL). Each b-tree page
    is checked as it is read (``cell_size_check``), as SQLite advises for files from
    elsewhere when the full check cannot run at every open."""
    conn.execute("PRAGMA trusted_schema = OFF")
    conn.execute("PRAGMA cell_size_check = ON")
    if hasattr(conn, "setconfig"):  # Python 3.12+
        conn.setconfig(sqlite3.SQLITE_DBCONFIG_DEFENSIVE, True)  # type: ignore[attr-defined]
