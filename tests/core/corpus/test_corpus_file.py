"""The corpus file as other tools see it: Datasette, sqlite-utils, `file`."""

import sqlite3

import pytest
import sqlite_utils

from core.corpus.schema import APPLICATION_ID, _v3_views
from core.corpus.store import Store
from core.formats.text import parse_text
from tests.conftest import corpus_before


@pytest.mark.slow
def test_view_has_the_texts_of_every_attribution(sample_corpus):
    with Store(sample_corpus) as s:
        (art_id,) = s.article_ids()
        art = s.article(art_id)
        attrs = s.attributions(art_id)
    db = sqlite_utils.Database(sample_corpus)  # as a Datasette or sqlite-utils user would
    rows = {r["attribution_id"]: r for r in db["attribution_texts"].rows}
    assert len(rows) == len(attrs)
    for a in attrs:
        row = rows[a.id]
        assert row["title"] == art.title and row["article_id"] == art_id
        assert row["quote"] == art.text[a.quote.start : a.quote.end]
        assert row["speaker"] == (art.text[a.speaker.start : a.speaker.end] if a.speaker else None)
        assert row["cue"] == (art.text[a.cue.start : a.cue.end] if a.cue else None)
        assert (row["speaker_name"], row["state"]) == (a.speaker_name, str(a.state))


def test_decisions_article_id_is_a_foreign_key_with_an_index(sample_corpus):
    conn = sqlite3.connect(sample_corpus)
    keys = conn.execute("PRAGMA foreign_key_list(decisions)").fetchall()
    assert {(k[2], k[3], k[4]) for k in keys} == {
        ("articles", "article_id", "id"),
        ("decisions", "ref", "id"),
    }
    indexes = [r[1] for r in conn.execute("PRAGMA index_list(decisions)")]
    assert "decisions_article" in indexes
    assert conn.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
    conn.close()
    assert sample_corpus.read_bytes()[68:72] == b"QLab"


def test_an_older_corpus_keeps_its_decisions_through_the_migration(tmp_path):
    path = tmp_path / "old.qlab"
    conn = corpus_before(path, _v3_views)
    conn.execute(
        "INSERT INTO articles (content_hash, text, imported_at) VALUES ('h', 'Said so.', 'now')"
    )
    log = "INSERT INTO decisions (at, annotator, kind, ref, article_id, label, changes) "
    conn.execute(log + "VALUES ('t1', 'me', 'import', NULL, 1, 'import', '{}')")
    conn.execute(log + "VALUES ('t2', 'me', 'edit', NULL, 1, 'accept', '[]')")
    conn.execute(log + "VALUES ('t3', 'me', 'undo', 2, 1, 'undo accept', '[]')")
    conn.execute(log + "VALUES ('t4', 'me', 'edit', NULL, 7, 'gone', '[]')")  # no article 7
    before = conn.execute("SELECT * FROM decisions ORDER BY id").fetchall()
    conn.execute("COMMIT")
    conn.close()
    with Store(path) as s:
        after = s._conn.execute("SELECT * FROM decisions ORDER BY id").fetchall()
        assert after[:3] == before[:3] and after[3][5] is None and after[3][6] == "gone"
        art_id, _ = s.add_article(parse_text("Title\n\nBody said here.", "b.txt"), [], [])
        assert [d["id"] for d in s.decisions()] == [1, 2, 3, 4, 5]  # ids go on
        assert s.decisions()[-1]["article_id"] == art_id
