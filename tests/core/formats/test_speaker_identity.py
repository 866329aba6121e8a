"""Speakers across the corpus (issue 20, items 3 and 6): a name the user gives a mention
in one article is the name the same mention is suggested with in the next one."""

import pytest

from core.corpus import queries
from core.corpus.store import Store
from core.formats.ingest import import_paths
from core.review.session import ReviewSession

pytestmark = pytest.mark.slow  # (the model's first load)

FIRST = '"We will not give in," the Kremlin spokesman told reporters on Monday.\n'
SECOND = '"Talks are over," the Kremlin spokesman said on Tuesday.\n'


def test_a_typed_name_is_learnt_for_the_next_article(tmp_path, suggester):
    (tmp_path / "one.txt").write_text(FIRST)
    (tmp_path / "two.txt").write_text(SECOND)
    with Store(tmp_path / "c.qlab") as store:
        import_paths(store, [tmp_path / "one.txt"], suggester)
        session = ReviewSession(store)
        session.open(store.article_ids()[0])
        assert session.current.speaker_name == "the Kremlin spokesman"
        session.apply(session.rename("Dmitry Peskov"))  # the E key
        (peskov,) = queries.speakers_named(store, ["Dmitry Peskov"])
        assert peskov.aliases == ("the Kremlin spokesman",)

        import_paths(store, [tmp_path / "two.txt"], suggester)
        (a,) = store.attributions(store.article_ids()[1])
        assert a.speaker_name == "Dmitry Peskov" and a.speaker_id == peskov.id
        text = store.article(store.article_ids()[1]).text
        assert text[a.speaker.start : a.speaker.end] == "the Kremlin spokesman"


def test_without_the_lesson_the_mention_keeps_its_own_name(tmp_path, suggester):
    (tmp_path / "two.txt").write_text(SECOND)
    with Store(tmp_path / "c.qlab") as store:
        import_paths(store, [tmp_path / "two.txt"], suggester)
        (a,) = store.attributions(store.article_ids()[0])
        assert a.speaker_name == "the Kremlin spokesman"
        assert a.speaker_id == queries.speakers_named(store, ["the Kremlin spokesman"])[0].id
