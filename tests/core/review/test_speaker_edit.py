"""Speakers: counts, quotes of a speaker, rename and merge as one undoable command."""

import pytest

from core.corpus import queries
from core.corpus.errors import ConflictError
from core.corpus.store import Store
from core.review import commands as cmd
from core.review import speaker_edit as se
from tests.core.small_corpus import apply, build


@pytest.fixture
def small(tmp_path):
    return build(tmp_path / "small.qlab")


def names(store):
    return {s.name: n for s, n in queries.speaker_counts(store)}


def test_counts_and_quotes_of_a_name(small):
    with Store(small) as store:
        assert [(s.name, n) for s, n in queries.speaker_counts(store)] == [
            ("Ana Ruiz", 3),
            ("Ben Cole", 2),
            ("Critics", 1),
            ("The union", 1),
        ]  # "Officials" was rejected
        a, b, _ = store.article_ids()
        got = queries.quotes_of(store, "Ben Cole")
        assert [art for art, _ in got] == [a, b]
        text = store.article(a).text
        quote = store.attribution(got[0][1])[1].quote
        assert text[quote.start : quote.end] == "It is a waste,"


def test_rename_is_one_command_undone_in_one_step(small):
    with Store(small) as store:
        log_rows = len(store.decisions())
        c = se.rename(store, "Ben Cole", "Benjamin Cole")
        # the speaker, its two quotes, its old name made an alias
        assert c is not None and [ch.table for ch in c.changes] == [
            "speaker", "attribution", "attribution", "alias"
        ]  # fmt: skip
        cmd.apply(store, c)
        assert names(store) == {"Ana Ruiz": 3, "Benjamin Cole": 2, "Critics": 1, "The union": 1}
        assert len(store.decisions()) == log_rows + 1
        cmd.revert(store, c)
        assert names(store)["Ben Cole"] == 2 and "Benjamin Cole" not in names(store)


def test_rename_survives_a_restart_and_is_undone_after_it(small):
    with Store(small) as store:
        apply(store, se.merge(store, ["Critics", "The union", "Ana Ruiz"], "Ana Ruiz"))
    with Store(small) as store:
        assert names(store) == {"Ana Ruiz": 5, "Ben Cole": 2}
        done, _ = cmd.history(store)
        assert done[-1].label == "merge speakers 'Critics', 'The union' into 'Ana Ruiz'"
        cmd.revert(store, done[-1])
    with Store(small) as store:
        assert names(store) == {"Ana Ruiz": 3, "Ben Cole": 2, "Critics": 1, "The union": 1}


def test_nothing_to_rename_makes_no_command(small):
    with Store(small) as store:
        assert se.rename(store, "Ana Ruiz", "Ana Ruiz") is None
        assert se.rename(store, "Ana Ruiz", "  ") is None
        assert se.rename(store, "Nobody", "Somebody") is None


def test_a_rename_on_stale_data_changes_nothing(small):
    with Store(small) as store:
        c = se.rename(store, "Ana Ruiz", "A. Ruiz")
        first = queries.quotes_of(store, "Ana Ruiz")[0][1]
        apply(store, cmd.set_speaker_name(store, first, "Someone Else"))  # edited meanwhile
        with pytest.raises(ConflictError):
            cmd.apply(store, c)
        assert names(store)["Ana Ruiz"] == 2 and "A. Ruiz" not in names(store)
