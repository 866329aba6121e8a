"""Flags in every export (issue 22, item 2; docs/adr/0033): JSONL quotes and meta, CSV
columns (a comment never runs as a formula), brat's Flagged attribute with its note
(declared in annotation.conf), the DocBin's user_data; JSONL and brat read back on
import, and a bad comment in a file refuses its line."""

import csv
import json

import pytest

from core.corpus.store import Store
from core.formats.export import export
from core.formats.ingest import import_paths
from core.model import COMMENT_LIMIT, Attribution, State
from core.review import commands as cmd
from tests.core.small_corpus import A_TEXT, add_article, apply, at, build

FORMULA = '=HYPERLINK("http://x","who?")'


@pytest.fixture
def flagged(tmp_path):
    """The small corpus with article B's first suggestion flagged (a comment that looks
    like a formula) and article A flagged as a whole."""
    path = build(tmp_path / "small.qlab")
    with Store(path) as s:
        a, b = s.article_ids()[:2]
        first = s.attributions(b)[0]
        apply(s, cmd.flag(s, first.id, FORMULA))
        apply(s, cmd.flag_article(s, a, "dates look wrong"))
    return path


def _quotes(path):
    return [q for line in path.read_text().splitlines() for q in json.loads(line)["quotes"]]


def test_jsonl_quotes_and_meta_carry_flags(flagged, tmp_path):
    out = tmp_path / "out.jsonl"
    with Store(flagged) as s:
        export(s, out, "jsonl")
    records = [json.loads(line) for line in out.read_text().splitlines()]
    metas = {r["meta"]["title"]: r["meta"] for r in records}
    assert (metas["Bridge"]["flagged"], metas["Bridge"]["comment"]) == (True, "dates look wrong")
    assert (metas["Taxes"]["flagged"], metas["Taxes"]["comment"]) == (False, "")
    flags = [(q["flagged"], q["comment"]) for q in _quotes(out)]
    assert flags.count((True, FORMULA)) == 1
    assert flags.count((False, "")) == len(flags) - 1


def test_jsonl_read_back_into_a_new_corpus_keeps_the_flags(flagged, tmp_path):
    out = tmp_path / "out.jsonl"
    with Store(flagged) as s:
        export(s, out, "jsonl")
    with Store(tmp_path / "copy.qlab") as copy:
        report = import_paths(copy, [out], None)
        assert not report.problems
        by_title = {copy.article(i).title: copy.article(i) for i in copy.article_ids()}
        assert by_title["Bridge"].comment == "dates look wrong" and by_title["Bridge"].flagged
        assert not by_title["Taxes"].flagged
        taxes = copy.attributions(by_title["Taxes"].id)
        assert [(a.flagged, a.comment) for a in taxes] == [(True, FORMULA), (False, "")]


def test_a_flag_set_in_an_edited_export_comes_back_as_a_decision(flagged, tmp_path):
    out = tmp_path / "out.jsonl"
    with Store(flagged) as s:
        export(s, out, "jsonl")
    lines = [json.loads(line) for line in out.read_text().splitlines()]
    taxes = next(r for r in lines if r["meta"]["title"] == "Taxes")
    taxes["quotes"][1].update(flagged=True, comment="second thoughts")
    out.write_text("".join(json.dumps(r) + "\n" for r in lines))
    with Store(flagged) as s:
        report = import_paths(s, [out], None)
        assert not report.problems and not report.conflicts
        b = s.article_ids()[1]
        assert [(a.flagged, a.comment) for a in s.attributions(b)] == [
            (True, FORMULA),
            (True, "second thoughts"),
        ]


@pytest.mark.parametrize(
    ("flag", "said"),
    [
        ({"flagged": "yes"}, "quote 1 flagged 'yes' is not true or false"),
        ({"flagged": True, "comment": "a\nb"}, "quote 1: the comment holds a line break"),
        (
            {"flagged": True, "comment": "x" * (COMMENT_LIMIT + 1)},
            f"quote 1: the comment is longer than {COMMENT_LIMIT} characters",
        ),
        ({"comment": 3}, "quote 1 comment is not a string"),
    ],
)
def test_a_bad_flag_in_a_file_refuses_its_line(tmp_path, corpus, flag, said):
    text = "Ana Ruiz said the plan was sound."
    quote = {"quote": {"start": 14, "end": 33}, "speaker": {"start": 0, "end": 8}, **flag}
    path = tmp_path / "a.jsonl"
    path.write_text(json.dumps({"text": text, "quotes": [quote]}) + "\n")
    report = import_paths(corpus, [path], None)
    assert len(report.problems) == 1
    assert report.problems[0].startswith(f"{path} line 1: {said}")
    assert corpus.article_ids() == []


def test_csv_has_flag_columns_and_neutralises_a_comment_formula(flagged, tmp_path):
    out = tmp_path / "out.csv"
    with Store(flagged) as s:
        export(s, out, "csv")
    with out.open(newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    flagged_rows = [r for r in rows if r["flagged"] == "1"]
    assert len(flagged_rows) == 1
    assert flagged_rows[0]["comment"] == "'" + FORMULA  # not a formula in a spreadsheet
    bridge = [r for r in rows if r["title"] == "Bridge"]
    assert {(r["article_flagged"], r["article_comment"]) for r in bridge} == {
        ("1", "dates look wrong")
    }
    assert {r["article_flagged"] for r in rows if r["title"] != "Bridge"} == {"0"}


def test_brat_flagged_attribute_and_note_read_back(flagged, tmp_path):
    out = tmp_path / "brat"
    with Store(flagged) as s:
        export(s, out, "brat")
        b = s.article_ids()[1]
    assert "Flagged Arg:Quote" in (out / "annotation.conf").read_text()
    ann = (out / f"{b:06d}.ann").read_text().splitlines()
    (attribute,) = [line for line in ann if "\tFlagged " in line]
    a_id, quote_t = attribute.split("\t")[0], attribute.split()[-1]
    assert any(line.startswith(f"{quote_t}\tQuote ") for line in ann)
    assert any(line.endswith(f"AnnotatorNotes {a_id}\t{FORMULA}") for line in ann)
    with Store(tmp_path / "copy.qlab") as copy:
        report = import_paths(copy, [out], None)
        assert not report.problems, report.problems
        by_title = {copy.article(i).title: copy.article(i) for i in copy.article_ids()}
        assert by_title["Bridge"].comment == "dates look wrong"
        taxes = copy.attributions(by_title["Taxes"].id)
        assert [(a.flagged, a.comment) for a in taxes] == [(True, FORMULA), (False, "")]


@pytest.mark.slow  # (spaCy's DocBin)
def test_docbin_user_data_carries_flags(flagged, tmp_path):
    from spacy.lang.en import English
    from spacy.tokens import DocBin

    with Store(flagged) as s:
        export(s, tmp_path / "out.spacy", "spacy", done_only=False, accepted_only=False)
    docs = list(DocBin().from_disk(tmp_path / "out.spacy").get_docs(English().vocab))
    data = [d.user_data["quotelab"] for d in docs]
    records = [r for d in data for r in d["attributions"]]
    assert [(r["flagged"], r["comment"]) for r in records if r["flagged"]] == [(True, FORMULA)]
    metas = {d["meta"]["title"]: d["meta"] for d in data}
    assert (metas["Bridge"]["flagged"], metas["Bridge"]["comment"]) == (True, "dates look wrong")


def test_an_unflagged_export_made_before_flags_still_matches_its_revision(tmp_path):
    """meta.revision leaves an unflagged attribution's flag columns out, as before."""
    from core.formats.imported import revision
    from core.model import Status

    row = (1, 1, 0, 5, None, None, None, None, None, "direct", "accepted", "model", None, 3)
    assert revision(Status.DONE, [(*row, 0, "")]) == revision(Status.DONE, [row])
    assert revision(Status.DONE, [(*row, 1, "")]) != revision(Status.DONE, [row])


def test_an_article_imported_flagged_in_a_corpus_checks_clean(tmp_path):
    path = tmp_path / "c.qlab"
    with Store(path) as s:
        a = Attribution(at(A_TEXT, "nothing was decided."), state=State.ACCEPTED)
        add_article(s, A_TEXT, [a.with_(flagged=True, comment="ok")])
    with Store(path, check=True) as s:
        assert s.damage == []
        (stored,) = s.attributions(s.article_ids()[0])
        assert (stored.flagged, stored.comment) == (True, "ok")
