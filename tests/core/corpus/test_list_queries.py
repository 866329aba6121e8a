"""The list, counts, next/previous, search and stats: right answers from indexes only."""

import sqlite3

import pytest

from core.corpus import search
from core.corpus.errors import CorpusError
from core.corpus.schema import _v5_list_search
from core.corpus.search import fts_query
from core.corpus.store import Store
from core.formats.text import parse_text
from core.model import Attribution, Span, State, Status
from core.review import commands as cmd
from tests.conftest import corpus_before

TEXTS = [
    ("Harbour Plan Delayed", "The harbour plan was delayed, Mayor Ines Okafor said."),
    ("Stadium Vote", "The stadium vote failed, Dmitri Novak said."),
    ("Café Reopens", "The café reopened on Monday, its owner Zoë Brandt said."),
    ("Storm Warning", "Forecasters warned of a storm, Karen Wolfe said."),
]


def _add_all(store: Store) -> list[int]:
    ids = []
    for n, (title, body) in enumerate(TEXTS):
        art = parse_text(f"{title}\n\n{body}\n", f"a{n}.txt")
        start = art.text.index(body)
        quote = Span(start, start + body.index(","))
        name = body[body.index(",") + 2 : -len(" said.")].split()[-2:]
        sp_start = art.text.index(name[0])
        speaker = Span(sp_start, sp_start + len(" ".join(name)))
        attrs = [
            Attribution(quote=quote, speaker=speaker, speaker_name=" ".join(name)),
            Attribution(quote=Span(start, start + 3), state=State.REJECTED),
        ]
        ids.append(store.add_article(art, attrs, [])[0])
    return ids


@pytest.fixture
def store(tmp_path):
    with Store(tmp_path / "c.qlab") as s:
        _add_all(s)
        yield s


class NoTextReads:
    """Records every query that asks for an article's text (the list must never)."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn
        self.read: list[tuple[str, str]] = []

    def __enter__(self) -> "NoTextReads":
        def auth(action, table, column, *_):
            if action == sqlite3.SQLITE_READ and table == "articles" and column == "text":
                self.read.append((table, column))
            return sqlite3.SQLITE_OK

        self.conn.set_authorizer(auth)
        return self

    def __exit__(self, *exc) -> None:
        self.conn.set_authorizer(None)


def test_list_reads_windows_and_counts_without_text(store):
    with NoTextReads(store._conn) as guard:
        every = store.article_summaries()
        window = store.article_summaries(ids=[2, 3])
        one = store.article_summaries(3)
        counts = store.status_counts()
        stats = store.stats()
        ids = store.article_ids()
    assert guard.read == []
    assert [s.id for s in every] == ids == [1, 2, 3, 4]
    assert window == every[1:3] and one == every[2:3]
    assert (every[0].to_review, every[0].total) == (1, 1)  # the rejected one is not counted
    assert counts == {Status.TODO: 4, Status.IN_PROGRESS: 0, Status.DONE: 0}
    assert stats["articles"] == 4 and stats["attributions_by_state"] == {
        "suggested": 4,
        "rejected": 4,
    }
    assert stats["attributions_by_type"] == {"direct": 4}
    assert ("Karen Wolfe", 1) in stats["top_speakers"]


def test_guard_sees_a_text_read(store):
    with NoTextReads(store._conn) as guard:
        store.article(1)
    assert guard.read  # so the test above can fail


def test_search_finds_titles_text_and_speaker_names(store):
    assert store.article_ids("stadium") == [2]  # title and text
    assert store.article_ids("forecast") == [4]  # the last word is a prefix
    assert store.article_ids("cafe") == [3]  # diacritics folded
    assert store.article_ids("Okafor") == [1]  # speaker name (and text)
    assert store.article_ids("said") == [1, 2, 3, 4]
    assert store.article_ids('"; DROP TABLE articles; --') == []  # words only, quoted
    assert store.article_ids("  ") == [1, 2, 3, 4]
    assert fts_query('a "bc') == '"a" "bc"' and fts_query("a bcd") == '"a" "bcd"*'
    assert store.article_ids("said", start=1, limit=2) == [2, 3]
    assert store.article_count("said") == 4 and store.article_count() == 4
    assert store.article_count("Wolfe forecasters") == 1  # speaker name and text at once


def test_speaker_name_edits_and_undo_keep_search_in_step(store):
    (a, _) = store.attributions(4)
    assert store.article_ids("Lindqvist") == []
    c = cmd.set_speaker_name(store, a.id, "Astrid Lindqvist")
    cmd.apply(store, c)
    assert store.article_ids("Lindqvist") == [4]
    assert store.article_ids("Wolfe") == [4]  # still in the text
    cmd.revert(store, c)
    assert store.article_ids("Lindqvist") == []
    added = cmd.add(store, 2, Attribution(quote=Span(0, 7), speaker_name="Ada Quist"))
    cmd.apply(store, added)
    assert store.article_ids("Quist") == [2]
    cmd.revert(store, added)  # deleting the attribution drops its name
    assert store.article_ids("Quist") == []
    # the index matches its source exactly (FTS5 compares every entry)
    store._conn.execute(
        "INSERT INTO article_search(article_search, rank) VALUES ('integrity-check', 1)"
    )


def test_a_command_renaming_many_rows_makes_the_search_entry_once(store):
    """A name given to many suggestions (docs/adr/0052) rewrote the article's search
    entry once per row; it is made once, as the transaction commits, and is right."""
    rows = store.attributions(4)
    changes = [
        cmd.Change(
            "attribution",
            a.id,
            a.to_logged(4),
            a.with_(speaker_name="Astrid Lindqvist").to_logged(4),
        )
        for a in rows
    ]
    seen: list[str] = []
    store._conn.set_trace_callback(seen.append)
    cmd.apply(store, cmd.Command("rename", 4, changes))
    store._conn.set_trace_callback(None)
    assert len(rows) > 1 and sum("SELECT speaker_name FROM" in q for q in seen) == 1
    assert store.article_ids("Lindqvist") == [4]
    store._conn.execute(
        "INSERT INTO article_search(article_search, rank) VALUES ('integrity-check', 1)"
    )


def test_neighbour_wraps_and_filters(store):
    assert store.neighbour(1, +1) == 2
    assert store.neighbour(4, +1) == 1  # wraps
    assert store.neighbour(1, -1) == 4
    assert store.neighbour(2, +1, search="said Okafor") == 1  # the only other match
    assert store.neighbour(1, +1, search="Okafor") is None  # itself only
    cmd.apply(store, cmd.set_status(store, 2, Status.DONE))
    cmd.apply(store, cmd.set_status(store, 3, Status.IN_PROGRESS))
    assert store.neighbour(1, +1, todo_only=True) == 3
    assert store.neighbour(3, -1, todo_only=True) == 1
    assert store.neighbour(1, +1, search="said", todo_only=True) == 3
    assert store.neighbour(4, +1, search="stadium", todo_only=True) is None
    assert store.status_counts()[Status.DONE] == 1


def test_migration_indexes_existing_articles(tmp_path):
    path = tmp_path / "old.qlab"
    conn = corpus_before(path, _v5_list_search)
    conn.execute(
        "INSERT INTO articles (content_hash, text, title, imported_at) "
        "VALUES ('h', 'Old text about a harbour.', 'Old', 'now')"
    )
    conn.execute(
        "INSERT INTO attributions (article_id, quote_start, quote_end, speaker_name, type, "
        "state, origin) VALUES (1, 0, 3, 'Olga Petrov', 'direct', 'suggested', 'model')"
    )
    conn.execute("COMMIT")
    conn.close()
    with pytest.raises(CorpusError, match="cannot be upgraded"):
        Store(path, read_only=True)  # an old corpus is upgraded before it is read
    with Store(path) as s:
        assert s.article_ids("harbour") == s.article_ids("Petrov") == [1]


def test_search_with_untrusted_schema(store):
    store._conn.execute("PRAGMA trusted_schema = OFF")
    assert store.article_ids("storm") == [4]
    cmd.apply(store, cmd.set_speaker_name(store, store.attributions(4)[0].id, "Lee Ames"))
    assert store.article_ids("Ames") == [4]


def test_a_longer_last_word_is_spelled_out_as_the_index_terms(store, tmp_path):
    """FTS5 merges a prefix's entries whole for every query; the index's terms that
    start with the word are read only as far as a query needs (docs/adr/0018)."""
    assert store.fts_match("said oka") == '"said" "oka"*'  # 3 letters: the prefix index
    assert store.fts_match("said Okaf") == '"said" AND ("okafor")'
    assert store.fts_match("for") == '"for"*' and store.fts_match("fore") == '("forecasters")'
    assert store.fts_match("Zoë Bra") == '"Zoë" "Bra"*'
    assert store.fts_match("Zoë Bran") == '"Zoë" AND ("brandt")'
    assert store.fts_match("zoë") == '"zoë"*'  # not ASCII: FTS5's own prefix
    assert store.fts_match("qqqq") == '"qqqq"*'  # no such term: the prefix (finds nothing)
    assert store.article_ids("Zoë Bran") == store.article_ids("zoe brandt") == [3]
    assert store.article_ids("Okafo") == [1] and store.article_ids("qqqq") == []
    with Store(store.path, read_only=True) as ro:  # the terms are read through temp
        assert ro.read_only and ro.article_ids("Okafo") == [1]
    # typed on: the terms come from the last lookup, until the corpus changes
    assert store.fts_match("wolf") == '("wolfe")' and store.article_ids("wolfe") == [4]
    cmd.apply(store, cmd.set_speaker_name(store, store.attributions(2)[0].id, "Ed Wolfgang"))
    assert store.article_ids("wolf") == [2, 4]
    with Store(store.path) as other:  # another connection adds an article
        other.add_article(parse_text("Wolfram Wins\n\nThe race went well.\n", "e.txt"), [], [])
    assert store.article_ids("wolf") == [2, 4, 5] and store.article_ids("wolfr") == [5]


def test_many_terms_stay_a_prefix(store, monkeypatch):
    monkeypatch.setattr(search, "TERMS_MAX", 1)
    assert store.fts_match("harbo") == '("harbour")'
    assert store.fts_match("reop") == '"reop"*'  # reopened, reopens: more than one
    assert store.article_ids("Café reop") == [3]
