"""What SQLite raises leaves the corpus as CorpusError, and a decision is logged only
with its writes. (That only core/corpus/ speaks SQL is `make lint`'s to enforce:
tests/core/test_layering.py.)"""

import gc

import pytest

from core.corpus import queries
from core.corpus.errors import CorpusError
from core.corpus.store import Store
from core.formats.text import parse_text
from tests.core.corpus.test_open_cost import _damaged_page


def _corpus(path):
    store = Store(path)
    store.add_article(parse_text("Headline\n\nThe mayor said so.\n", "a.txt"), [], [])
    return store


def test_a_transaction_turns_what_sqlite_refuses_into_a_corpus_error_and_keeps_nothing(
    tmp_path,
):
    with _corpus(tmp_path / "c.qlab") as s:
        with pytest.raises(CorpusError, match="CHECK constraint failed"), s.transaction():
            s.log_decision("edit", None, 1, "mark nothing", [])
            s._conn.execute("UPDATE articles SET status = 'nothing' WHERE id = 1")
        assert [d["kind"] for d in s.decisions()] == ["import"]  # the log row went too
        assert s.status(1).value == "todo"


def test_a_decision_is_logged_only_with_the_writes_it_records(tmp_path):
    with _corpus(tmp_path / "c.qlab") as s:
        with pytest.raises(AssertionError, match="transaction"):
            s.log_decision("edit", None, 1, "alone", [])
        with s.transaction():
            log_id = s.log_decision("edit", None, 1, "with its writes", [])
        assert s.decisions()[-1]["id"] == log_id == queries.last_decision(s)


def test_reads_that_meet_a_damaged_page_raise_corpus_error(tmp_path):
    with Store(_damaged_page(tmp_path / "c.qlab")) as s:
        with pytest.raises(CorpusError, match="the corpus is damaged .*main.py check"):
            s.article(3)  # its text runs through the damaged page
        rows = queries.article_rows(s, ["id", "text"])
        assert next(rows)[0] == 1  # the first rows read; the damage is met half-way
        with pytest.raises(CorpusError, match="the corpus is damaged"):
            list(rows)


def test_rows_read_on_after_the_store_closed_end_quietly(tmp_path):
    """An export that stopped half-way (its reader went away) left its row iterators
    to the garbage collector after the store had closed: closing their cursors then
    raised, and Python printed it as an ignored exception."""
    s = _corpus(tmp_path / "c.qlab")
    rows = queries.article_rows(s, ["id"])
    assert next(rows) == (1,)
    s.close()
    del rows
    gc.collect()  # an ignored exception here fails the test (pytest's unraisable hook)


def test_only_the_tables_columns_are_read(tmp_path):
    with _corpus(tmp_path / "c.qlab") as s:
        with pytest.raises(ValueError, match="no such column"):
            queries.attribution_rows(s, ["id", "1; DROP TABLE articles"])
        with pytest.raises(ValueError, match="no such column"):
            queries.attribution_counts(s, "article_id")  # type: ignore[arg-type]
        assert [r for r in queries.article_rows(s, ["id", "status"])] == [(1, "todo")]
