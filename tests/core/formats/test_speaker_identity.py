"""Speakers across the corpus (issue 20, items 3 and 6): a name the user gives a mention
in one article is the name the same mention is suggested with in the next one."""

import json

import pytest

from core.corpus import queries
from core.corpus.store import Store
from core.formats.ingest import import_paths
from core.formats.known_speakers import read_speakers
from core.review import commands as cmd
from core.review import speaker_edit as se
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
        assert session.current.speaker_name == "Kremlin spokesman"  # (no leading article)
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
        assert a.speaker_name == "Kremlin spokesman"
        assert a.speaker_id == queries.speakers_named(store, ["Kremlin spokesman"])[0].id


def test_an_imported_list_s_alias_names_the_next_suggestion(tmp_path, suggester):
    (tmp_path / "two.txt").write_text(SECOND)
    listed = tmp_path / "known.jsonl"
    listed.write_text('{"name": "Dmitry Peskov", "aliases": ["Kremlin spokesman"]}\n')
    with Store(tmp_path / "c.qlab") as store:
        cmd.apply(store, se.import_known(store, read_speakers(listed), "known.jsonl"))
        import_paths(store, [tmp_path / "two.txt"], suggester)
        (a,) = store.attributions(store.article_ids()[0])
        assert a.speaker_name == "Dmitry Peskov"  # "the Kremlin spokesman", up to name_key


def test_a_shard_s_model_suggestions_take_the_known_speaker_too(tmp_path):
    """A shard suggested elsewhere (docs/scale-out.md) imports as records: its undecided
    model suggestions are named as suggestions made here are; a decided one is kept."""
    text = SECOND.strip()
    s = text.index("the Kremlin")
    quote = {"start": 1, "end": text.index(",")}
    speaker = {"start": s, "end": s + len("the Kremlin spokesman")}
    records = [
        {"quote": quote, "speaker": speaker, "speaker_name": "the Kremlin spokesman"},
        {"quote": quote, "speaker": speaker, "speaker_name": "the Kremlin spokesman",
         "state": "accepted", "origin": "manual"},
    ]  # fmt: skip
    listed = tmp_path / "known.jsonl"
    listed.write_text('{"name": "Dmitry Peskov", "aliases": ["the Kremlin spokesman"]}\n')
    with Store(tmp_path / "c.qlab") as store:
        cmd.apply(store, se.import_known(store, read_speakers(listed), "known.jsonl"))
        for n, record in enumerate(records):
            shard = tmp_path / f"shard{n}.jsonl"
            shard.write_text(json.dumps({"text": text + " " * n, "quotes": [record]}) + "\n")
            import_paths(store, [shard], None)
        names = [store.attributions(i)[0].speaker_name for i in store.article_ids()]
        assert names == ["Dmitry Peskov", "the Kremlin spokesman"]
