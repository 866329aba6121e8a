"""Datasette offers search on `articles` (`?_search=`): the corpus holds the FTS table
it detects, kept in step on import and made for older corpora by migration 8, and the
file still opens read-only and passes its checks."""

import shutil
import sqlite3

import pytest

from core.corpus.errors import CorpusError
from core.corpus.schema import MIGRATIONS, _v8_datasette_search
from core.corpus.store import Store
from core.formats.ingest import import_paths
from tests.conftest import DATA, SAMPLE, corpus_before


def detect_fts(conn: sqlite3.Connection, table: str) -> str | None:
    """Datasette's ``detect_fts`` (datasette/utils/__init__.py, 0.65): the FTS table of
    ``table``, if any."""
    row = conn.execute(
        f"""select name from sqlite_master
            where rootpage = 0
            and (
                sql like '%VIRTUAL TABLE%USING FTS%content="{table}"%'
                or sql like '%VIRTUAL TABLE%USING FTS%content=[{table}]%'
                or (
                    tbl_name = "{table}"
                    and sql like '%VIRTUAL TABLE%USING FTS%'
                )
            )"""
    ).fetchone()
    return row[0] if row else None


def search(path, words: str) -> list[str]:
    """The titles ``/corpus/articles?_search=WORDS`` lists: Datasette's table query with
    its FTS clause, on the file opened read-only, as Datasette opens it."""
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        fts = detect_fts(conn, "articles")
        assert fts is not None, "Datasette finds no search for articles"
        match = " ".join(f'"{w}"' for w in words.split())  # Datasette's escape_fts
        sql = (
            f"select title from articles where rowid in "
            f"(select rowid from [{fts}] where [{fts}] match :search) order by id"
        )
        return [r[0] for r in conn.execute(sql, {"search": match})]
    finally:
        conn.close()


def _fts_check(path) -> None:
    """FTS5's own check of the index against the articles' titles and texts."""
    conn = sqlite3.connect(path)
    conn.execute("INSERT INTO articles_fts (articles_fts, rank) VALUES ('integrity-check', 1)")
    conn.close()


def test_a_new_corpus_offers_search_on_articles_and_keeps_it_on_import(tmp_path):
    path = tmp_path / "c.qlab"
    with Store(path) as store:
        assert search(path, "Putin") == []
        import_paths(store, [SAMPLE], None)
    title = search(path, "Putin")
    assert len(title) == 1 and title[0].startswith("No 'Real Concessions'")
    assert search(path, "Tenisheva") == title  # a word of the text, not of the title
    assert search(path, "concessions") == title  # any case
    with Store(path) as store:
        import_paths(store, [DATA / "articles"], None)
        imported = store.stats()["articles"]
    assert imported > 2 and len(search(path, "said")) > 1
    assert search(path, "Putin") == title  # (one article, as before)
    _fts_check(path)


def test_an_older_corpus_gets_it_when_opened(tmp_path):
    path = tmp_path / "c.qlab"
    conn = corpus_before(path, _v8_datasette_search)  # a corpus as version 7 left it
    conn.execute(
        "INSERT INTO articles (content_hash, text, title, imported_at) "
        "VALUES ('h', ?, 'Sample', 'now')",
        (SAMPLE.read_text(encoding="utf-8"),),
    )
    conn.execute("COMMIT")
    conn.close()
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    assert detect_fts(conn, "articles") is None  # the defect: Datasette offered no search
    conn.close()
    with pytest.raises(CorpusError, match="older QuoteLab and read-only here"):
        Store(path, read_only=True)  # (nothing written where it can't be)
    with Store(path) as store:
        assert store.schema_version() == len(MIGRATIONS)
    assert len(search(path, "Putin")) == 1
    _fts_check(path)


def test_an_empty_corpus_at_version_7_migrates(tmp_path):
    path = tmp_path / "old.qlab"
    conn = corpus_before(path, _v8_datasette_search)
    conn.execute(
        "INSERT INTO articles (content_hash, text, title, imported_at) "
        "VALUES ('h', 'The mayor said the bridge would reopen.', 'Bridge', 'now')"
    )
    conn.execute("COMMIT")
    conn.close()
    Store(path).close()
    assert search(path, "bridge reopen") == ["Bridge"]


def test_the_file_still_opens_read_only_and_passes_the_full_check(tmp_path):
    path = tmp_path / "c.qlab"
    with Store(path) as store:
        import_paths(store, [SAMPLE], None)
    copy = tmp_path / "ro" / "c.qlab"
    copy.parent.mkdir()
    shutil.copy(path, copy)
    with Store(copy, read_only=True) as store:
        assert store.read_only and store.stats()["articles"] == 1
    with Store(path, check=True) as store:
        assert store.check() == []
