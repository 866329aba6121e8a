"""The corpus is the only code that speaks SQL, and what SQLite raises leaves it as
CorpusError: a change to the schema touches core/corpus/ alone."""

import ast
import gc

import pytest

from core.corpus import queries
from core.corpus.errors import CorpusError
from core.corpus.store import Store
from core.formats.importer import parse_text
from tests.conftest import ROOT
from tests.core.corpus.test_open_cost import _damaged_page

#: What only core/corpus/ may touch: the modules that speak SQL, and the Store's
#: connection (and sqlite-utils over it).
SQL_MODULES = {"sqlite3", "sqlite_utils"}
PRIVATE = {"_conn", "_db"}


def _outside_the_corpus() -> list:
    files = [ROOT / "main.py", *(ROOT / "gui").rglob("*.py"), *(ROOT / "core").rglob("*.py")]
    return [f for f in files if (ROOT / "core" / "corpus") not in f.parents]


def test_no_module_outside_the_corpus_speaks_sql():
    found = []
    for f in _outside_the_corpus():
        for node in ast.walk(ast.parse(f.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                names = {a.name.split(".")[0] for a in node.names}
            elif isinstance(node, ast.ImportFrom):
                names = {(node.module or "").split(".")[0]}
            elif isinstance(node, ast.Attribute):
                names = {node.attr} & PRIVATE
            else:
                continue
            if names & (SQL_MODULES | PRIVATE):
                found.append(f"{f.relative_to(ROOT)}:{node.lineno}")
    assert not found


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
            queries.texts(s)
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
