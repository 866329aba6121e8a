"""Exports carry who a speaker is (issue 20, item 6): JSONL, CSV, brat and DocBin say
each attribution's speaker id, canonical name and kind; the report counts speakers."""

import csv
import json

import pytest

from core.corpus import queries
from core.corpus.store import Store
from core.formats.export import export
from core.measure import report
from core.model import SpeakerKind
from core.review import commands as cmd
from core.review import speaker_edit as se
from tests.core.small_corpus import apply, build


@pytest.fixture
def small(tmp_path):
    path = build(tmp_path / "small.qlab")
    with Store(path) as s:
        apply(s, se.describe(s, "The union", SpeakerKind.ORGANISATION, "Q1234"))
    return path


def _ids(path):
    with Store(path) as s:
        return {sp.name: sp.id for sp in queries.known_speakers(s)}


def test_jsonl_quotes_say_who_the_speaker_is(small, tmp_path):
    ids = _ids(small)
    with Store(small) as s:
        export(s, tmp_path / "out.jsonl", "jsonl")
    quotes = [
        q for line in (tmp_path / "out.jsonl").read_text().splitlines()
        for q in json.loads(line)["quotes"]
    ]  # fmt: skip
    who = {(q["speaker_name"], q["speaker_id"], q["speaker_kind"], q["speaker_external_id"])
           for q in quotes}  # fmt: skip
    assert ("The union", ids["The union"], "organisation", "Q1234") in who
    assert ("Ana Ruiz", ids["Ana Ruiz"], "person", "") in who  # unstated: guessed
    assert ("Critics", ids["Critics"], "other", "") in who


def test_csv_rows_say_who_the_speaker_is(small, tmp_path):
    ids = _ids(small)
    with Store(small) as s:
        export(s, tmp_path / "out.csv", "csv")
    with (tmp_path / "out.csv").open(newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    union = next(r for r in rows if r["speaker_name"] == "The union")
    assert (union["speaker_id"], union["speaker_kind"], union["speaker_external_id"]) == (
        str(ids["The union"]),
        "organisation",
        "Q1234",
    )


def test_brat_says_it_by_an_attribute_and_a_note_on_the_speaker(small, tmp_path):
    ids = _ids(small)
    with Store(small) as s:
        export(s, tmp_path / "brat", "brat")
    ann = "\n".join(p.read_text() for p in sorted((tmp_path / "brat").glob("*.ann")))
    speaker_t = next(
        line.split("\t")[0] for line in ann.splitlines() if line.endswith("\tThe union")
    )
    assert f"Kind {speaker_t} organisation" in ann
    assert f"AnnotatorNotes {speaker_t}\tspeaker {ids['The union']}: The union (Q1234)" in ann
    assert "Kind Arg:Speaker" in (tmp_path / "brat" / "annotation.conf").read_text()


@pytest.mark.slow  # (spaCy's DocBin)
def test_docbin_user_data_says_who_the_speaker_is(small, tmp_path):
    from spacy.lang.en import English
    from spacy.tokens import DocBin

    ids = _ids(small)
    with Store(small) as s:
        export(s, tmp_path / "out.spacy", "spacy", done_only=False, accepted_only=False)
    docs = list(DocBin().from_disk(tmp_path / "out.spacy").get_docs(English().vocab))
    records = [r for d in docs for r in d.user_data["quotelab"]["attributions"]]
    union = next(r for r in records if r["speaker_name"] == "The union")
    assert (union["speaker_id"], union["speaker_kind"]) == (ids["The union"], "organisation")


def test_the_report_counts_speakers_not_spellings(small):
    with Store(small) as s:
        apply(s, se.merge(s, ["Critics"], "Ana Ruiz"))
        r = report.build(s)
        assert r.speaker_count == 3
        ana = r.speakers[0]
        assert (ana.name, ana.quotes, ana.kind, ana.id) == ("Ana Ruiz", 4, "person", _id(s))
        cmd.revert(s, cmd.history(s)[0][-1])
        assert report.build(s).speaker_count == 4


def _id(s):
    return queries.speakers_named(s, ["Ana Ruiz"])[0].id
