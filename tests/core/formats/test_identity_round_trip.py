"""A JSONL or brat export says who each speaker is (kind, external id); importing it
brings that back into the known speakers (issue 20's leftover), never over what the
corpus already states: a conflict is reported by line and the corpus's kept."""

import json

import pytest

from core.corpus import queries
from core.corpus.store import Store
from core.formats.export import export
from core.formats.ingest import import_paths
from core.model import Attribution, SpeakerKind, State
from core.review import speaker_edit as se
from core.suggest.registry import kind_of
from tests.core.small_corpus import add_article, apply, at

TEXT = (
    "Ana Ruiz said the bridge would reopen. The union warned that jobs would go. "
    "Critics argued the plan would fail."
)


@pytest.fixture
def small(tmp_path):
    path = tmp_path / "small.qlab"
    quotes = [
        ("the bridge would reopen.", "Ana Ruiz", "said"),
        ("jobs would go.", "The union", "warned"),
        ("the plan would fail.", "Critics", "argued"),
    ]
    with Store(path) as s:
        attrs = [
            Attribution(at(TEXT, q), at(TEXT, who), at(TEXT, cue), who, state=State.ACCEPTED)
            for q, who, cue in quotes
        ]
        add_article(s, TEXT, attrs)
        apply(s, se.describe(s, "The union", SpeakerKind.ORGANISATION, "Q1234"))
        apply(s, se.describe(s, "Ana Ruiz", SpeakerKind.PERSON, "Q99"))
    return path


def who(store):
    """Each speaker's kind and id as an export writes them (a kind nobody stated as
    guessed: the export cannot tell it from a stated one, so the import states it)."""
    return {s.name: (kind_of(s), s.external_id) for s in queries.known_speakers(store)}


@pytest.mark.parametrize("fmt", ["jsonl", "brat"])
def test_an_export_imported_keeps_who_its_speakers_are(small, tmp_path, fmt):
    out = tmp_path / ("out.jsonl" if fmt == "jsonl" else "out-brat")
    with Store(small) as s:
        export(s, out, fmt)
        stated = who(s)
    assert stated["The union"] == (SpeakerKind.ORGANISATION, "Q1234")
    with Store(tmp_path / "copy.qlab") as copy:
        report = import_paths(copy, [out], None)
        assert not report.problems and not report.warnings
        assert who(copy) == stated


def test_an_imported_kind_or_id_never_replaces_one_the_corpus_states(small, tmp_path):
    out = tmp_path / "out.jsonl"
    with Store(small) as s:
        export(s, out, "jsonl")
    lines = out.read_text().splitlines()
    line_of = next(n for n, line in enumerate(lines, 1) if '"The union"' in line)
    with Store(tmp_path / "other.qlab") as other:
        apply(other, se.import_known(other, [se.Speaker("The union", SpeakerKind.OTHER)], "x"))
        report = import_paths(other, [out], None)
        assert not report.problems
        assert report.warnings == [
            f"{out} line {line_of}: 'The union' is organisation here, other in the corpus: kept"
        ]
        assert who(other)["The union"] == (SpeakerKind.OTHER, "Q1234")  # the id was new


def test_a_bad_kind_refuses_its_line(tmp_path, corpus):
    text = "Ana Ruiz said the plan was sound."
    quote = {"quote": {"start": 14, "end": 33}, "speaker": {"start": 0, "end": 8}}
    line = {
        "text": text,
        "quotes": [{**quote, "speaker_name": "Ana Ruiz", "speaker_kind": "robot"}],
    }
    path = tmp_path / "a.jsonl"
    path.write_text(json.dumps(line) + "\n")
    report = import_paths(corpus, [path], None)
    assert report.problems == [
        f"{path} line 1: quote 1 speaker_kind 'robot' is not one of person, organisation, other"
    ]
