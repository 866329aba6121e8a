"""A corpus handed out to an annotator (docs/adr/0032): its annotator is kept in the
``meta`` table, every decision is logged as theirs, and a stored name is untrusted."""

import hashlib
import sqlite3

import pytest

from core.corpus.annotator import name_problem
from core.corpus.errors import CorpusError
from core.corpus.store import Store
from core.model import State
from core.review import commands as cmd
from tests.core.small_corpus import apply, build


def test_a_corpus_handed_out_logs_every_decision_as_its_annotators(tmp_path, monkeypatch):
    """Not the user's name (QUOTELAB_ANNOTATOR, else the login), once the file has one."""
    path = build(tmp_path / "c.qlab")
    with Store(path) as store:
        assert store.assigned is None and store.annotator == "tester"
        store.hand_to("Ana Ruiz", {"seed": 1})
        assert store.decisions()[-1]["annotator"] == "tester"  # who handed it out
        assert store.annotator == "Ana Ruiz"
    monkeypatch.setenv("QUOTELAB_ANNOTATOR", "someone else")
    with Store(path, read_only=True) as store:
        assert store.assigned == "Ana Ruiz"
    with Store(path) as store:
        art_id = store.article_ids()[1]
        command = cmd.set_state(store, store.attributions(art_id)[0].id, State.REJECTED)
        apply(store, command)
        cmd.revert(store, command)  # an undo is a decision too
        logged = store.decisions()
        assert [d["annotator"] for d in logged[-2:]] == ["Ana Ruiz", "Ana Ruiz"]
        assert {d["annotator"] for d in logged[:-2]} == {"tester"}  # the log as it was


@pytest.mark.parametrize(
    ("stored", "why"),
    [
        ("../../etc", "holds '/', a path separator"),
        ("ana\x1b[2J", "holds '\\x1b'"),
        ("", "empty"),
        (b"ana", "not text"),  # (a number would be stored as text: the column is TEXT)
        ("x" * 65, "over 64 characters"),
    ],
)
def test_a_stored_annotator_that_is_no_name_is_refused_by_name(tmp_path, stored, why):
    path = build(tmp_path / "c.qlab")
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA journal_mode = DELETE")
    conn.execute("INSERT INTO meta VALUES ('annotator', ?)", (stored,))
    conn.close()
    before = hashlib.sha256(path.read_bytes()).hexdigest()
    with pytest.raises(CorpusError) as refused:
        Store(path)
    assert str(refused.value).startswith(
        f"{path}: its annotator (annotator in the meta table) is not a valid name: {why}"
    )
    assert hashlib.sha256(path.read_bytes()).hexdigest() == before


@pytest.mark.parametrize(
    "name", ["ana", "Ana Ruiz", "José", "reporter-2", "b.cole", "Ümit_3", "李娜", "x" * 64]
)
def test_names_of_people_are_names(name):
    assert name_problem(name) is None


@pytest.mark.parametrize(
    ("name", "why"),
    [
        ("", "empty"),
        ("a/b", "holds '/', a path separator"),
        ("a\\b", "holds '\\\\', a path separator"),
        ("a:b", "holds ':'"),
        ("..", "does not start with a letter or digit"),
        (" ana", "does not start with a letter or digit"),
        ("ana.", "ends in a space or a dot"),
        ("CON", "a device name on Windows"),
        ("lpt1", "a device name on Windows"),
        ("Jose\u0301", "not in Unicode's composed form (NFC)"),
        ("a\u200bb", "holds '\\u200b'"),
    ],
)
def test_what_is_no_name_is_said(name, why):
    assert name_problem(name).startswith(why)
