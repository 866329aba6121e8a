"""Known speakers lists (issue 20, item 5): a newsroom's people and organisations in
CSV or JSONL (name, kind, aliases, id) into a corpus as one undoable edit, refused
whole with each bad line named, and out again."""

import json

import pytest

from core.corpus import queries
from core.corpus.store import Store
from core.formats.known_speakers import SpeakersListError, read_speakers, write_speakers
from core.model import Speaker, SpeakerKind
from core.review import commands as cmd
from core.review import speaker_edit as se
from tests.conftest import run_main
from tests.core.small_corpus import build

CSV = (
    "name,kind,aliases,id\r\n"
    "World Health Organization,organisation,WHO|the WHO,Q7817\r\n"
    'Ana Ruiz,person,"Mayor Ruiz",\r\n'
    "Reuters,,,\r\n"
)
JSONL = (
    '{"name": "World Health Organization", "kind": "organisation", '
    '"aliases": ["WHO", "the WHO"], "id": "Q7817"}\n'
    '{"name": "Ana Ruiz", "kind": "person", "aliases": ["Mayor Ruiz"]}\n'
    "\n"
    '{"name": "Reuters"}\n'
)


@pytest.fixture
def small(tmp_path):
    return build(tmp_path / "small.qlab")


@pytest.mark.parametrize(("suffix", "text"), [(".csv", CSV), (".jsonl", JSONL)])
def test_a_list_comes_in_as_one_undoable_edit(small, tmp_path, suffix, text):
    path = tmp_path / f"known{suffix}"
    path.write_text(text, encoding="utf-8")
    listed = read_speakers(path)
    assert listed[0] == Speaker(
        "World Health Organization", SpeakerKind.ORGANISATION, ("WHO", "the WHO"), "Q7817"
    )
    assert listed[2] == Speaker("Reuters", None)
    with Store(small) as s:
        before, log = queries.known_speakers(s), len(s.decisions())
        ana_id = queries.speakers_named(s, ["Ana Ruiz"])[0].id
        c = se.import_known(s, listed, path.name)
        cmd.apply(s, c)
        assert len(s.decisions()) == log + 1
        got = {sp.name: sp for sp in queries.known_speakers(s)}
        assert got["World Health Organization"].aliases == ("WHO", "the WHO")
        assert got["World Health Organization"].external_id == "Q7817"
        # Ana Ruiz was there: the same speaker, now a stated person with an alias
        assert (got["Ana Ruiz"].id, got["Ana Ruiz"].kind) == (ana_id, SpeakerKind.PERSON)
        assert got["Ana Ruiz"].aliases == ("Mayor Ruiz",)
        assert se.import_known(s, listed, path.name) is None  # known already
        cmd.revert(s, c)
        assert queries.known_speakers(s) == before


BAD = [
    (".jsonl", '{"name": "A"}\n{"name": ""}\n', "line 2: no name"),
    (".jsonl", '{"name": "A", "kind": "robot"}\n', "line 1: kind 'robot' is not one of"),
    (".jsonl", '{"name": "A"}\n{"name": "B"\n', "line 2: not valid JSON"),
    (".jsonl", '{"name": "A"}\n{"name": "A"}\n', "line 2: 'A' is listed already (line 1)"),
    (".jsonl", '{"name": "A\\u0007"}\n', "line 1: name 'A\\x07' holds control characters"),
    (".jsonl", '{"name": "A", "aliases": "B"}\n', "line 1: aliases is not a list"),
    (".jsonl", '{"name": "A", "qid": "Q1"}\n', "line 1: unknown field 'qid'"),
    (".jsonl", "[1]\n", "line 1: not a JSON object"),
    (".csv", "name,kind\r\nA,person\r\nB,robot\r\n", "line 3: kind 'robot'"),
    (".csv", 'name\r\n"A\r\nB"\r\nC,D\r\n', "line 2: name"),  # a line break inside a name
    (".csv", "who,kind\r\nA,person\r\n", "must name the columns"),
    (".txt", "A\n", "a .csv or a .jsonl file"),
    (".jsonl", "\n\n", "lists no speakers"),
]


@pytest.mark.parametrize(("suffix", "text", "why"), BAD)
def test_a_bad_list_is_refused_whole_by_file_and_line(small, tmp_path, suffix, text, why):
    path = tmp_path / f"list{suffix}"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(SpeakersListError) as refused:
        read_speakers(path)
    assert why in str(refused.value) and f"list{suffix}" in str(refused.value)


@pytest.mark.slow  # (four runs of main.py)
def test_the_command_line_imports_exports_and_refuses_whole(small, tmp_path):
    good, bad = tmp_path / "known.csv", tmp_path / "bad.jsonl"
    good.write_text(CSV, encoding="utf-8")
    bad.write_text('{"name": "New One"}\n{"name": "X", "kind": "robot"}\n', encoding="utf-8")
    r = run_main("--db", small, "speakers", "import", bad)
    assert r.returncode == 1
    assert "quotelab: not imported: bad.jsonl line 2: kind 'robot'" in r.stderr.replace(
        str(tmp_path) + "/", ""
    )
    with Store(small) as s:
        assert not queries.speakers_named(s, ["New One"])  # nothing half-imported
    r = run_main("--db", small, "speakers", "import", good)
    assert r.returncode == 0 and "imported 3 known speaker(s)" in r.stdout, r.stderr
    r = run_main("--db", small, "speakers", "export")
    lines = [json.loads(line) for line in r.stdout.splitlines()]
    assert {"name": "Reuters", "kind": "organisation", "aliases": [], "id": ""} in lines
    out = tmp_path / "out.csv"
    assert run_main("--db", small, "speakers", "export", "--out", out).returncode == 0
    again = {s.name: s for s in read_speakers(out)}  # it reads back as it was written
    assert again["World Health Organization"].aliases == ("WHO", "the WHO")
    assert again["Ana Ruiz"].kind is SpeakerKind.PERSON


def test_written_jsonl_reads_back(tmp_path):
    listed = [Speaker("Ana Ruiz", SpeakerKind.PERSON, ("Ruiz",), "Q1")]
    write_speakers(listed, tmp_path / "l.jsonl")
    assert read_speakers(tmp_path / "l.jsonl") == listed


def test_a_csv_list_holds_no_formula_and_reads_back(tmp_path):
    """A name a spreadsheet would run (``=HYPERLINK(...)``) is written inert, with a
    leading ``'`` (OWASP), and read back as it was."""
    listed = [Speaker('=HYPERLINK("http://x.example","y")', SpeakerKind.OTHER, ("@x",), "-1")]
    write_speakers(listed, tmp_path / "l.csv")
    rows = (tmp_path / "l.csv").read_text(encoding="utf-8").splitlines()[1:]
    assert rows[0].startswith("\"'=HYPERLINK(") and rows[0].endswith(",'@x,'-1")
    assert read_speakers(tmp_path / "l.csv") == listed
