"""Provenance in every export of a gold corpus (issue 22 item 6, docs/adr/0034): JSONL
quotes and meta, CSV columns, brat's Provenance attribute with its note (declared in
annotation.conf), the DocBin's user_data; another corpus's exports say nothing of it,
and a gold's exports read back into a corpus."""

import csv
import json

import pytest

from core.corpus.store import Store
from core.formats.export import export
from core.formats.ingest import import_paths
from core.model import Span
from core.review import commands as cmd
from core.review.session import ReviewSession
from tests.core.curation_data import gold_where_ben_differs, handouts

#: Each attribution of the gold's first article by its quote's first words: (how,
#: annotators, edited), as the curation below leaves them.
EXPECTED = {
    "We will build": ("agreed", ["ana", "ben"], False),
    "In fact": ("agreed", ["ana", "ben"], True),  # the curator changed its type
    "the plan was": ("adjudicated", ["ben"], False),
    "Related": ("curator", [], False),  # added by the curator
}


@pytest.fixture
def gold(tmp_path):
    """ana and ben disagree on who said "the plan..." (ben's version taken) and on "We
    have no money" (only ana: rejected); the curator retyped "In fact..." and added a
    quote of their own. Both articles done."""
    _, out = gold_where_ben_differs(tmp_path)
    with Store(out) as g:
        session = ReviewSession(g)
        session.open(1)
        session.apply(session.take(2))
        session.apply(session.reject_item())
        text = g.article(1).text
        in_fact = next(a for a in g.attributions(1) if text[a.quote.start :].startswith("In"))
        cmd.apply(g, cmd.edit(g, in_fact.id, "type", type="mixed"))
        start = text.index("Related")
        cmd.apply(g, cmd.add(g, 1, cmd.new_manual(Span(start, start + len("Related")))))
    return out


def rows_of(path):
    with path.open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def starts(text, quote):
    return next(k for k in EXPECTED if quote.startswith(k)) if text else None


@pytest.mark.parametrize("jobs", [1, 2])  # (2: the lines made in worker processes)
def test_jsonl_quotes_and_meta_say_where_each_attribution_came_from(gold, tmp_path, jobs):
    out = tmp_path / "gold.jsonl"
    with Store(gold) as g:
        export(g, out, "jsonl", jobs=jobs)
    first = json.loads(out.read_text().splitlines()[0])
    assert first["meta"]["annotators"] == ["ana", "ben"]
    found = {}
    for q in first["quotes"]:
        quote = first["text"][q["quote"]["start"] : q["quote"]["end"]]
        p = q["provenance"]
        found[starts(first["text"], quote)] = (p["how"], p["annotators"], p["edited"])
        assert (p["item"] is not None) == (p["how"] == "adjudicated")
    assert found == EXPECTED
    with Store(tmp_path / "copy.qlab") as copy:  # read back: the attributions, as they are
        report = import_paths(copy, [out], None)
        assert not report.problems
        assert len(copy.attributions(copy.article_ids()[0])) == 4


def test_csv_has_provenance_columns(gold, tmp_path):
    out = tmp_path / "gold.csv"
    with Store(gold) as g:
        export(g, out, "csv")
    rows = rows_of(out)
    found = {
        starts(r["quote"], r["quote"]): (
            r["provenance"],
            r["provenance_annotators"].split(";") if r["provenance_annotators"] else [],
            r["provenance_edited"] == "1",
        )
        for r in rows
        if r["article_id"] == "1"
    }
    assert found == EXPECTED


def test_brat_says_it_as_an_attribute_and_a_note_declared_in_the_conf(gold, tmp_path):
    out = tmp_path / "brat"
    with Store(gold) as g:
        export(g, out, "brat")
    conf = (out / "annotation.conf").read_text()
    assert "Provenance Arg:Quote, Value:agreed|adjudicated|curator\n" in conf
    ann = (out / "000001.ann").read_text().splitlines()
    quotes = {line.split("\t")[0]: line.split("\t")[2] for line in ann if "\tQuote " in line}
    attrs = {
        line.split("\t")[0]: line.split("\t")[1].split()
        for line in ann
        if line.startswith("A") and "\tProvenance " in line
    }
    notes = {
        line.split("\t")[1].split()[1]: line.split("\t")[2] for line in ann if line.startswith("#")
    }
    said = {starts(quotes[t], quotes[t]): (how, notes.get(a)) for a, (_, t, how) in attrs.items()}
    assert said == {
        "We will build": ("agreed", "agreed by ana, ben"),
        "In fact": ("agreed", "agreed by ana, ben, edited by the curator"),
        "the plan was": ("adjudicated", "taken from ben"),
        "Related": ("curator", None),
    }
    meta = json.loads((out / "000001.json").read_text())["meta"]
    assert meta["annotators"] == ["ana", "ben"]
    with Store(tmp_path / "copy.qlab") as copy:  # read back as brat
        report = import_paths(copy, [out / "000001.txt"], None)
        assert not report.problems
        assert len(copy.attributions(copy.article_ids()[0])) == 4


def test_the_docbin_user_data_carries_it(gold, tmp_path):
    from spacy.tokens import DocBin

    from core.tokens import make_doc

    out = tmp_path / "gold.spacy"
    with Store(gold) as g:
        export(g, out, "spacy")
    docs = list(DocBin().from_bytes(out.read_bytes()).get_docs(make_doc("").vocab))
    data = docs[0].user_data["quotelab"]
    assert list(data["meta"]["annotators"]) == ["ana", "ben"]  # (msgpack: lists as tuples)
    found = {
        starts(a["quote_text"], a["quote_text"]): (
            a["provenance"]["how"],
            list(a["provenance"]["annotators"]),
            a["provenance"]["edited"],
        )
        for a in data["attributions"]
    }
    assert found == EXPECTED


def test_another_corpus_s_exports_say_nothing_of_provenance(tmp_path):
    files = handouts(tmp_path)
    with Store(files["ana"]) as s:
        export(s, tmp_path / "ana.jsonl", "jsonl")
        export(s, tmp_path / "ana.csv", "csv")
    first = json.loads((tmp_path / "ana.jsonl").read_text().splitlines()[0])
    assert "annotators" not in first["meta"]
    assert all("provenance" not in q for q in first["quotes"])
    rows = rows_of(tmp_path / "ana.csv")
    assert {r["provenance"] for r in rows} == {""}
