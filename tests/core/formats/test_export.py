import csv
import gzip
import json
import os
import stat
import subprocess
import sys
import zlib

import orjson
import pytest

from core.corpus.schema import MIGRATIONS, _v6_packed_tokens
from core.corpus.store import Store
from core.formats import export as export_module
from core.formats import files as files_module
from core.formats.docbin import SpacyPartsWriter
from core.formats.export import export, export_jsonl
from core.formats.files import ExportError
from core.formats.imported import content_hash
from core.formats.ingest import import_paths
from core.model import Article, Attribution, Origin, QuoteType, Span, State, Status
from core.review import commands as cmd
from core.tokens import DocTokens, _JsonPieces, make_doc, tokenize
from tests.conftest import DATA, ROOT, corpus_before

#: Every kind of whitespace Python's str.isspace knows, and runs of them.
WHITESPACE = (
    " \t\n\x0b\x0c\r\x1c\x1d\x1e\x1f\x85\xa0\u1680\u2000\u200a\u2028\u2029\u202f\u205f\u3000"
)


def check_prodigy_task(task, make_doc=make_doc):
    """The rules Prodigy's relations/spans tasks follow (docs: web-app, api-loaders), and
    tokens exactly as spaCy's ``nlp.make_doc`` splits the text."""
    text = task["text"]
    tokens = task["tokens"]
    assert "".join(t["text"] + (" " if t["ws"] else "") for t in tokens) == text
    doc = make_doc(text)
    assert [(t["text"], t["start"], t["ws"]) for t in tokens] == [
        (t.text, t.idx, bool(t.whitespace_)) for t in doc
    ]
    for sp in task["spans"]:
        span = doc.char_span(sp["start"], sp["end"], alignment_mode="expand")
        assert (sp["token_start"], sp["token_end"]) == (span.start, span.end - 1)
    for r in task["relations"]:
        for end in ("head", "child"):
            s = r[f"{end}_span"]
            assert r[end] == doc.char_span(s["start"], s["end"], alignment_mode="expand")[-1].i
    assert isinstance(task["_input_hash"], int) and isinstance(task["_task_hash"], int)
    assert -(2**31) <= task["_input_hash"] < 2**31 and -(2**31) <= task["_task_hash"] < 2**31
    assert task["answer"] in ("accept", "reject", "ignore")
    tokens = task["tokens"]
    for i, t in enumerate(tokens):
        assert t["id"] == i and text[t["start"] : t["end"]] == t["text"]
        assert isinstance(t["ws"], bool)
        if i:
            assert t["start"] >= tokens[i - 1]["end"]
    for sp in task["spans"]:
        assert sp["label"] in ("QUOTE", "SPEAKER", "CUE")
        assert 0 <= sp["start"] < sp["end"] <= len(text)
        first, last = tokens[sp["token_start"]], tokens[sp["token_end"]]  # inclusive
        assert first["start"] <= sp["start"] < first["end"] or sp["start"] <= first["start"]
        assert last["start"] < sp["end"] <= last["end"] or last["end"] <= sp["end"]
    keys = {(s["start"], s["end"], s["label"]) for s in task["spans"]}
    for r in task["relations"]:
        for end in ("head", "child"):
            span = r[f"{end}_span"]
            assert (span["start"], span["end"], span["label"]) in keys
            assert r[end] == span["token_end"]


def test_export_is_prodigy_shaped_and_round_trips_exactly(tmp_path, sample_corpus):
    with Store(sample_corpus) as s:
        art_id = s.article_ids()[0]
        first, second = s.attributions(art_id)[:2]
        cmd.apply(s, cmd.set_state(s, first.id, State.ACCEPTED))
        cmd.apply(s, cmd.set_state(s, second.id, State.REJECTED))
        out1 = tmp_path / "one.jsonl"
        assert export_jsonl(s, out1) == 1
    (task,) = [json.loads(line) for line in out1.read_text().splitlines()]
    check_prodigy_task(task)
    assert (
        task["meta"]["byline"] == "Anastasia Tenisheva" and task["meta"]["status"] == "in_progress"
    )
    states = [q["state"] for q in task["quotes"]]
    assert states.count("accepted") == 1 and states.count("rejected") == 1
    assert sum(s["label"] == "QUOTE" for s in task["spans"]) == len(states) - 1  # rejected left out
    with Store(tmp_path / "copy.qlab") as copy:
        report = import_paths(copy, [out1], None)
        assert len(report.imported) == 1
        out2 = tmp_path / "two.jsonl"
        export_jsonl(copy, out2)
    assert out2.read_bytes() == out1.read_bytes()


def test_export_options(tmp_path, sample_corpus):
    with Store(sample_corpus) as s:
        art_id = s.article_ids()[0]
        out = tmp_path / "x.jsonl"
        assert export_jsonl(s, out, done_only=True) == 0
        assert out.read_text() == ""
        a = s.attributions(art_id)[0]
        cmd.apply(s, cmd.set_state(s, a.id, State.ACCEPTED))
        cmd.apply(s, cmd.set_status(s, art_id, Status.DONE))
        assert export_jsonl(s, out, done_only=True, accepted_only=True) == 1
    (task,) = [json.loads(line) for line in out.read_text().splitlines()]
    assert task["answer"] == "accept"
    assert [q["state"] for q in task["quotes"]] == ["accepted"]


def test_failed_export_keeps_the_old_file(tmp_path, sample_corpus):
    folder = tmp_path / "out"
    folder.mkdir()
    target = folder / "export.jsonl"
    target.write_text("previous export\n")
    with Store(sample_corpus) as s:
        with pytest.raises(ExportError, match="cancelled"):
            export_jsonl(s, target, cancelled=lambda: True)
        assert target.read_text() == "previous export\n"
        assert [p.name for p in folder.iterdir()] == ["export.jsonl"]  # no temp file left
        with pytest.raises(ExportError, match="cannot write there"):
            export_jsonl(s, tmp_path / "missing" / "e.jsonl")
    assert target.read_text() == "previous export\n"


def test_jsonl_tokens_are_the_pipelines_on_the_sample(tmp_path, sample_corpus, suggester):
    out = tmp_path / "s.jsonl"
    with Store(sample_corpus) as s:
        export(s, out, "jsonl")
    (task,) = [json.loads(line) for line in out.read_text().split("\n") if line]
    check_prodigy_task(task, suggester.nlp.make_doc)  # the pinned pipeline's own tokenizer
    assert any(t["text"] == "\n\n" and not t["ws"] for t in task["tokens"])
    assert task["relations"] and all(s["label"] for s in task["spans"])


def _store_text(store, text, quotes=(), tokens=None):
    art = Article(text=text, content_hash=content_hash(text), title="ws", source="ws.txt")
    attrs = [Attribution(quote=q, state=State.ACCEPTED) for q in quotes]
    return store.add_article(art, attrs, tokenize(text) if tokens is None else tokens)[0]


def test_jsonl_tokens_rebuild_text_with_every_kind_of_whitespace(tmp_path, corpus):
    texts = [f"He said{ws}“we{ws}{ws}won”{ws} .{ws}and{ws * 3}left \t\n {ws}" for ws in WHITESPACE]
    texts += [" leading space", "  two leading", "x" + WHITESPACE + "y " + WHITESPACE]
    for text in texts:
        q = text.find("we")
        _store_text(corpus, text, [Span(q, q + 2)] if q >= 0 else [])
    _store_text(corpus, "Tokens lost:\n\n“quite so”  said he.", [Span(14, 22)], tokens=[])
    out = tmp_path / "ws.jsonl"
    export(corpus, out, "jsonl")
    lines = out.read_bytes().split(b"\n")[:-1]
    assert len(lines) == len(texts) + 1  # U+2028, U+0085 and the like are escaped
    for line in lines:
        check_prodigy_task(json.loads(line))


def _packed(store, art_id):
    return store._conn.execute(
        "SELECT packed_tokens FROM articles WHERE id = ?", (art_id,)
    ).fetchone()[0]


def _doc_texts():
    return [
        f"He said{ws}“we{ws}{ws}won”{ws} .{ws}and{ws * 3}left \t\n {ws}" for ws in WHITESPACE
    ] + [
        " leading space",
        "  two leading",
        "x" + WHITESPACE + "y " + WHITESPACE,
        "",
        "   ",
        sorted((DATA / "articles").glob("*.txt"))[0].read_text(encoding="utf-8"),
    ]


def test_the_corpus_keeps_spacys_tokens_packed_small(tmp_path, corpus):
    """What the corpus stores unpacks to nlp.make_doc's tokens (whitespace tokens and
    trailing spaces), the review's bounds are tokenize's, and it is a fraction of the
    JSON bounds stored before."""
    for text in _doc_texts():
        art_id = _store_text(corpus, text)
        packed = _packed(corpus, art_id)
        got = DocTokens.unpack(text, packed)
        doc = make_doc(text)
        assert got is not None and got.words == [t.text for t in doc]
        assert got.starts == [t.idx for t in doc]
        assert list(map(bool, got.spaces)) == [bool(t.whitespace_) for t in doc]
        assert got.space_tokens == [t.i for t in doc if t.is_space]
        assert list(corpus.tokens(art_id)) == tokenize(text)
        if len(text) > 1000:  # the article
            assert len(packed) * 8 < len(json.dumps(tokenize(text)))
    columns = {r[1] for r in corpus._conn.execute("PRAGMA table_info(articles)")}
    assert "tokens" not in columns  # the JSON bounds of schema 2 are gone


def _damaged_packs(text):
    good = DocTokens.of(text, tokenize(text))
    shifted = DocTokens.of(text, tokenize(text))
    shifted.ends[0] += 1  # still tiles the text, but a token takes the space after it
    shifted.starts[1] += 1
    merged = DocTokens.of(text, tokenize(text))  # "He said" as one token: tiles, spaces fit
    del merged.starts[1], merged.ends[0], merged.spaces[0]
    return {
        "empty": b"",
        "random bytes": os.urandom(64),
        "truncated": good.pack()[:-3],
        "another text's": DocTokens.of(text + " more", tokenize(text + " more")).pack(),
        "a zip bomb": bytes([1]) + zlib.compress(b"\0" * 10_000_000),
        "text, not bytes": "[[0, 2]]",
        "shifted": shifted.pack(),
        "merged": merged.pack(),
    }


@pytest.mark.parametrize("damage", list(_damaged_packs("He said “we won”.")))
def test_damaged_stored_tokens_are_made_anew(tmp_path, corpus, damage):
    text = "He said “we won”."
    art_id = _store_text(corpus, text, [Span(9, 15)])
    corpus._conn.execute(
        "UPDATE articles SET packed_tokens = ? WHERE id = ?", (_damaged_packs(text)[damage], art_id)
    )
    assert DocTokens.unpack(text, _packed(corpus, art_id)) is None
    with Store(corpus.path) as s:
        assert not s.damage and list(s.tokens(art_id)) == tokenize(text)
        out = tmp_path / "d.jsonl"
        export(s, out, "jsonl")
    (task,) = [json.loads(line) for line in out.read_text().splitlines()]
    check_prodigy_task(task)


def test_upgrade_packs_the_json_tokens_of_an_older_corpus(tmp_path):
    """A corpus from before _v6_packed_tokens: its JSON bounds are packed (bounds the
    importer stored are kept as they are), missing or bad ones are tokenized anew, and
    the JSON column is dropped."""
    path = tmp_path / "old.qlab"
    conn = corpus_before(path, _v6_packed_tokens)
    text = "Old text,  kept."
    own = [(0, 3), (4, 9), (11, 16)]  # not spaCy's, but they fit: an older import's
    rows = [(json.dumps(own), "a"), (None, "b"), ("[[0, 99]]", "c"), ("not json", "d")]
    for tokens, h in rows:
        conn.execute(
            "INSERT INTO articles (content_hash, text, imported_at, tokens) VALUES (?, ?, '', ?)",
            (h, text, tokens),
        )
    conn.execute("COMMIT")
    conn.close()
    with Store(path) as s:
        assert s.schema_version() == len(MIGRATIONS) and not s.damage
        assert [list(s.tokens(i)) for i in s.article_ids()] == [own] + [tokenize(text)] * 3
        assert "tokens" not in {r[1] for r in s._conn.execute("PRAGMA table_info(articles)")}
        assert all(DocTokens.unpack(text, _packed(s, i)) for i in s.article_ids())
        out = tmp_path / "old.jsonl"
        export(s, out, "jsonl")
    first, *anew = [json.loads(line) for line in out.read_text().splitlines()]
    assert [(t["start"], t["end"]) for t in first["tokens"] if t["text"].strip()] == own
    assert "".join(t["text"] + " " * t["ws"] for t in first["tokens"]) == text
    for task in anew:
        check_prodigy_task(task)


@pytest.mark.slow
def test_jsonl_made_in_worker_processes_is_the_same_file(tmp_path, corpus, monkeypatch):
    monkeypatch.setattr(export_module, "_RUN", 3)  # several runs in flight
    for n, text in enumerate(_doc_texts()):
        _store_text(corpus, f"{n}: {text}", [Span(0, 1)])
    one, two = tmp_path / "one.jsonl", tmp_path / "two.jsonl"
    export(corpus, one, "jsonl", jobs=1)
    seen = []
    report = export(corpus, two, "jsonl", jobs=2, progress=lambda n, total: seen.append(n))
    assert two.read_bytes() == one.read_bytes()
    assert report.articles == len(_doc_texts()) == seen[-1] and seen == sorted(seen)
    two.write_text("previous export\n")
    seen.clear()
    with pytest.raises(ExportError, match="cancelled"):
        export(
            corpus,
            two,
            "jsonl",
            jobs=2,
            progress=lambda n, total: seen.append(n),
            cancelled=lambda: len(seen) > 5,
        )
    assert two.read_text() == "previous export\n" and seen[-1] == 5


@pytest.mark.slow
def test_jsonl_to_stdout_and_its_report(tmp_path, sample_corpus):
    code = (
        "import sys; from core.corpus.store import Store; from core.formats.export import export\n"
        "with Store(sys.argv[1]) as s: r = export(s, '-', 'jsonl')\n"
        "print(r.line(), file=sys.stderr)"
    )
    r = subprocess.run(
        [sys.executable, "-c", code, str(sample_corpus)],
        cwd=ROOT,
        capture_output=True,
        check=True,
    )
    (task,) = [json.loads(line) for line in r.stdout.splitlines()]
    check_prodigy_task(task)
    assert b"wrote 1 article(s) with 27 attribution(s) to - (jsonl)" in r.stderr


def test_csv_has_one_row_per_attribution_with_the_texts(tmp_path, sample_corpus):
    out = tmp_path / "a.csv"
    with Store(sample_corpus) as s:
        art_id = s.article_ids()[0]
        attrs = s.attributions(art_id)
        cmd.apply(s, cmd.set_state(s, attrs[0].id, State.REJECTED))
        text = s.article(art_id).text
        report = export(s, out, "csv")
    with out.open(newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    assert len(rows) == len(attrs) == report.attributions
    for row, a in zip(rows, attrs, strict=True):
        assert int(row["attribution_id"]) == a.id
        assert row["quote"] == text[a.quote.start : a.quote.end]
        assert row["speaker"] == (text[a.speaker.start : a.speaker.end] if a.speaker else "")
        assert row["cue"] == (text[a.cue.start : a.cue.end] if a.cue else "")
        assert row["title"].startswith("No 'Real Concessions'") and row["date"] == "2025-05-20"
    assert rows[0]["state"] == "rejected"
    assert "have no attribution" not in report.line()
    with Store(sample_corpus) as s:  # an article with none: counted, but it has no row
        for a in s.attributions(art_id):
            cmd.apply(s, cmd.delete(s, a.id))
        report = export(s, out, "csv")
    assert out.read_text(encoding="utf-8").count("\n") == 1  # the header only
    assert report.articles == 1 and "(1 of the articles have no attribution, so no row)" in (
        report.line()
    )


FORMULAS = ['=HYPERLINK("http://x")', "+1+2", "-2+3", "@SUM(A1)", "\t=1", "\r=1"]


def test_csv_cells_a_spreadsheet_would_run_get_a_quote_and_excel_gets_a_bom(tmp_path, corpus):
    for bad in FORMULAS:
        text = f"“Yes,” {bad} said. “Curly”"
        art = Article(text=text, content_hash=content_hash(text), title=bad, byline=bad)
        q = Span(1, 4)
        attrs = [Attribution(quote=q, speaker_name=bad, state=State.ACCEPTED)]
        corpus.add_article(art, attrs, tokenize(text))
    out = tmp_path / "a.csv"
    export(corpus, out, "csv", excel=True)
    data = out.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf") and data.count(b"\xef\xbb\xbf") == 1
    with out.open(newline="", encoding="utf-8-sig") as f:
        rows = list(csv.DictReader(f))
    assert [(r["title"], r["byline"], r["speaker_name"]) for r in rows] == [
        ("'" + bad,) * 3 for bad in FORMULAS
    ]
    assert all(r["quote"] == "Yes" and r["quote_start"] == "1" for r in rows)
    export(corpus, out, "csv")
    assert not out.read_bytes().startswith(b"\xef\xbb\xbf")  # only when asked
    with pytest.raises(ExportError, match="--excel is for spreadsheet formats \\(csv\\)"):
        export(corpus, tmp_path / "a.jsonl", "jsonl", excel=True)
    assert not (tmp_path / "a.jsonl").exists()
    r = subprocess.run(
        [sys.executable, "main.py", "--db", str(corpus.path), "export", "--out", "-"]
        + ["--format", "csv", "--excel"],
        cwd=ROOT,
        capture_output=True,
        check=False,
    )
    assert r.returncode == 0 and r.stdout.startswith(b"\xef\xbb\xbf" + b"article_id,")


def _docbin(path):
    from spacy.tokens import DocBin

    from core.tokens import make_doc

    return list(DocBin().from_disk(path).get_docs(make_doc("").vocab))


def test_the_spacy_export_holds_reviewed_data_only_by_default(tmp_path, sample_corpus):
    """The training export held every unreviewed suggestion (72 spans on the sample
    just imported): now only done articles and their accepted attributions, and the
    report says what was left out; the other formats hold everything and say how much
    of it is unreviewed."""
    out = tmp_path / "a.spacy"
    with Store(sample_corpus) as s:
        report = export(s, out, "spacy")
        assert _docbin(out) == []
        assert (report.articles, report.left_out_articles) == (0, 1)
        assert "left out: 1 article(s) not done" in report.line()
        art_id = s.article_ids()[0]
        attrs = s.attributions(art_id)
        for a in attrs[:2]:
            cmd.apply(s, cmd.set_state(s, a.id, State.ACCEPTED))
        cmd.apply(s, cmd.set_state(s, attrs[2].id, State.REJECTED))
        cmd.apply(s, cmd.set_status(s, art_id, Status.DONE))
        report = export(s, out, "spacy")
        everything = export(s, tmp_path / "b.spacy", "spacy", done_only=False, accepted_only=False)
        jsonl = export(s, tmp_path / "c.jsonl", "jsonl")
    (doc,) = _docbin(out)
    want = {(sp.start, sp.end, k.upper()) for a in attrs[:2] for k, sp in a.spans().items() if sp}
    assert {(sp.start_char, sp.end_char, sp.label_) for sp in doc.spans["sc"]} == want
    records = doc.user_data["quotelab"]["attributions"]
    assert [r["quote"] for r in records] == [a.quote.as_dict() for a in attrs[:2]]
    left = len(attrs) - 3
    assert (report.attributions, report.left_out_suggested, report.left_out_rejected) == (
        2,
        left,
        1,
    )
    assert report.line().endswith(
        f"left out: {len(attrs) - 2} attribution(s) not accepted "
        f"({left} undecided suggestion(s), 1 rejected)"
    )
    (all_doc,) = _docbin(tmp_path / "b.spacy")
    assert len(all_doc.spans["sc"]) > len(doc.spans["sc"])
    assert everything.line().endswith(f"unreviewed in it: {left} undecided suggestion(s)")
    assert (jsonl.attributions, jsonl.unreviewed_suggestions) == (len(attrs), left)


@pytest.mark.slow
def test_docbin_loads_in_plain_spacy_with_spans_and_attributions(tmp_path, sample_corpus):
    out = tmp_path / "a.spacy"
    with Store(sample_corpus) as s:
        art_id = s.article_ids()[0]
        attrs = s.attributions(art_id)
        cmd.apply(s, cmd.set_state(s, attrs[0].id, State.REJECTED))
        export(s, out, "spacy", done_only=False, accepted_only=False)  # everything
    code = (  # no QuoteLab on the path: plain spaCy reads it
        "import json, sys, spacy\n"
        "from spacy.tokens import DocBin\n"
        "(doc,) = DocBin().from_disk(sys.argv[1]).get_docs(spacy.blank('en').vocab)\n"
        "print(json.dumps({'text': doc.text, 'spans': [[s.start_char, s.end_char, s.label_] "
        "for s in doc.spans['sc']], 'data': doc.user_data['quotelab']}))"
    )
    r = subprocess.run(
        [sys.executable, "-c", code, str(out)],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=True,
    )
    got = json.loads(r.stdout)
    text = got["text"]
    expected = set()
    for a in attrs[1:]:
        for kind, sp in a.spans().items():
            if sp:
                expected.add((sp.start, sp.end, kind.upper()))
    assert {tuple(s) for s in got["spans"]} == expected  # the rejected one left out
    records = got["data"]["attributions"]
    assert len(records) == len(attrs) and records[0]["state"] == "rejected"
    for rec, a in zip(records, attrs, strict=True):
        assert rec["quote_text"] == text[a.quote.start : a.quote.end]
        assert rec["speaker_name"] == a.speaker_name and rec["type"] == str(a.type)
    assert got["data"]["meta"]["byline"] == "Anastasia Tenisheva"


@pytest.mark.slow
def test_spacy_train_runs_one_epoch_on_the_export_with_the_shipped_config(
    tmp_path, suggester, monkeypatch
):
    monkeypatch.setattr(SpacyPartsWriter, "PART", 1)  # a DocBin per article, in a folder
    with Store(tmp_path / "c.qlab") as s:
        paths = [DATA / "articles" / "local_council.txt", DATA / "articles" / "sports_uk.txt"]
        import_paths(s, paths, suggester)
        for art_id in s.article_ids():  # reviewed: every suggestion accepted, done
            for a in s.attributions(art_id):
                cmd.apply(s, cmd.set_state(s, a.id, State.ACCEPTED))
            cmd.apply(s, cmd.set_status(s, art_id, Status.DONE))
        export(s, tmp_path / "parts", "spacy")
    assert sorted(p.name for p in (tmp_path / "parts").iterdir()) == [
        "000001.spacy",
        "000002.spacy",
    ]
    r = subprocess.run(
        [sys.executable, "-m", "spacy", "train", str(ROOT / "resources" / "spancat.cfg")]
        + ["--paths.train", "parts", "--paths.dev", "parts", "--training.max_epochs", "1"]
        + ["--output", "model"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=False,
    )
    assert r.returncode == 0, r.stderr + r.stdout
    assert (tmp_path / "model" / "model-last" / "spancat").is_dir()


def _jsonl(store, path):
    export(store, path, "jsonl")
    return path.read_bytes()


@pytest.mark.slow
def test_brat_round_trip_is_identical(tmp_path, sample_corpus):
    with Store(sample_corpus) as s:
        art_id = s.article_ids()[0]
        a, b = s.attributions(art_id)[:2]
        cmd.apply(s, cmd.set_state(s, a.id, State.ACCEPTED))
        cmd.apply(s, cmd.set_state(s, b.id, State.REJECTED))
        cmd.apply(s, cmd.set_status(s, art_id, Status.DONE))
        _store_text(s, "Line one “quoted\nacross a line” end.", [Span(10, 30)])
        before = _jsonl(s, tmp_path / "before.jsonl")
        report = export(s, tmp_path / "brat", "brat")
    assert report.articles == 2
    ann = (tmp_path / "brat" / "000001.ann").read_text()
    assert "\tQuote " in ann and "Speaker_of Arg1:" in ann and "State T1 " in ann
    assert "10 16;17 30\tquoted across a line" in (tmp_path / "brat" / "000002.ann").read_text()
    with Store(tmp_path / "copy.qlab") as copy:
        report = import_paths(copy, [tmp_path / "brat"], None)
        assert len(report.imported) == 2 and not report.problems
        assert _jsonl(copy, tmp_path / "after.jsonl") == before
        export(copy, tmp_path / "brat", "brat")  # replaces the earlier export


def test_brat_import_of_a_corpus_made_elsewhere(tmp_path, corpus):
    folder = tmp_path / "parc"
    folder.mkdir()
    text = "Officials said the bridge was safe. “It will hold,” Ms. Lee told reporters."
    (folder / "doc1.txt").write_text(text)
    (folder / "doc1.ann").write_text(
        "T1\tSource 0 9\tOfficials\n"
        "T2\tCue 10 14\tsaid\n"
        "T3\tContent 15 35\tthe bridge was safe.\n"
        "E1\tCue:T2 Source:T1 Content:T3\n"
        "T4\tAttribution_content 37 49\tIt will hold\n"  # another label: mapped below
        "T5\tSpeaker_mention 52 59\tMs. Lee\n"
        "T6\tCue 60 64\ttold\n"
        "R1\tATTR Arg1:T4 Arg2:T5\n"
        "R2\tATTR Arg1:T6 Arg2:T4\n"
        "A1\tType T4 Direct\n"
        "#1\tAnnotatorNotes T5\tshe is the city engineer\n"
    )
    labels = {"attribution_content": "quote", "speaker_mention": "speaker"}
    report = import_paths(corpus, [folder], None, brat_labels=labels)
    assert not report.problems and len(report.imported) == 1
    a, b = corpus.attributions(report.imported[0])
    assert (a.quote, a.speaker, a.cue) == (Span(15, 35), Span(0, 9), Span(10, 14))
    assert (b.quote, b.speaker, b.cue) == (Span(37, 49), Span(52, 59), Span(60, 64))
    assert b.type.value == "direct" and a.type.value == "indirect"  # a: no marks, no Type
    assert a.state is State.ACCEPTED and a.origin.value == "manual"  # gold made elsewhere


def test_brat_import_refuses_bad_lines_by_file_and_line(tmp_path, corpus):
    folder = tmp_path / "bad"
    folder.mkdir()
    (folder / "a.txt").write_text("He said “yes” today.")
    (folder / "a.ann").write_text("T1\tQuote 9 12\tyes\nT2\tQuote 9 99\tyes\n")
    (folder / "b.txt").write_text("He said “no” today.")
    (folder / "b.ann").write_text("T1\tQuote 9 11\tyes\n")  # the text is not there
    (folder / "c.txt").write_text("She said “fine” today.")
    (folder / "c.ann").write_text("T1\tQuote 10 14\tfine\nA1\tType T1 shouted\n")
    (folder / "d.txt").write_text("They said “ok” then.")
    (folder / "d.ann").write_text("T1\tQuote 11 13\tok\n")
    report = import_paths(corpus, [folder], None)
    assert len(report.imported) == 1
    problems = "\n".join(report.problems)
    assert "a.ann line 2: Quote 9-99 is empty or outside the text" in problems
    assert "b.ann line 1: the text 'yes' is not at 9 11" in problems
    assert "c.ann line 2: Type cannot be 'shouted'" in problems


BRAT_REFUSED = {
    "T1\tQuote 9 12\tyes\nT1\tSpeaker 0 2\tHe\n": "line 2: the ID T1 is already used on line 1",
    "T1\tQuote 9 12\tyes\nR1\tSpeaker_of Arg1:T2 Arg2:T1\nR1\tCue_of Arg1:T1 Arg2:T1\n": (
        "line 3: the ID R1 is already used on line 2"
    ),
    "T1 Quote 9 12 yes\n": "line 1: is not a brat annotation (an ID such as T1, then a tab)",
    "T1\tQuote 9 12\tyes\nR1 Speaker_of Arg1:T2 Arg2:T1\n": "line 2: is not a brat annotation",
    "T1\tQuote 9 12\tyes\nX1\tSpeaker 0 2\tHe\n": "line 2: is not a brat annotation",
    "T1\tQuote 9 12\tyes\n\0T2\tSpeaker 0 2\tHe\n": "line 2: holds a NUL character",
    "T1\tQuote 9 12\tye\0s\n": "line 1: holds a NUL character",
    "T1\tQuote 1e3 12\tyes\n": "line 1: the offsets '1e3 12' are not START END character offsets",
    "T1\tQuote 9 1_2\tyes\n": "line 1: the offsets '9 1_2' are not START END",
    "T1\tQuote 9 \u0661\u0662\tyes\n": "line 1: the offsets '9 \u0661\u0662' are not START END",
    "T1\tQuote 9 12;\tyes\n": "line 1: the offsets '9 12;' are not START END",
    "T1\tQuote 9 " + "9" * 5000 + "\tyes\n": "line 1: the offsets '9 99999",
    "T1\tQuote 9 12\tyes\nR1\tSpeaker_of\n": "line 2: R1 is not TYPE ROLE:ID ROLE:ID",
    "T1\tQuote 9 12\tyes\nR1\tSpeaker_of T2 T1\n": "line 2: R1 is not TYPE ROLE:ID ROLE:ID",
    "T1\tQuote 9 12\tyes\nR1\tSpeaker_of Arg1:T1\n": "line 2: R1 is not TYPE ROLE:ID ROLE:ID",
    "T1\tQuote 9 12\tyes\nA1\tType\n": "line 2: attribute A1 is not NAME ID [VALUE]",
    "T1\tQuote 9 12\tyes\n#1\tAnnotatorNotes\tBob\n": "line 2: note #1 is not AnnotatorNotes ID",
}


def test_brat_import_refuses_lines_it_would_lose_in_the_words_of_the_format(tmp_path, corpus):
    folder = tmp_path / "bad"
    folder.mkdir()
    for n, ann in enumerate(BRAT_REFUSED):
        (folder / f"{n:02d}.txt").write_text(f"He said “yes” today ({n}).")
        (folder / f"{n:02d}.ann").write_text(ann, encoding="utf-8")
    (folder / "ok.txt").write_text("He said “yes” today.")  # what brat itself writes: kept
    (folder / "ok.ann").write_text(
        "T1\tQuote 9 12\tyes\nT2\tSpeaker 0 2\tHe\nR1\tSpeaker_of Arg1:T2 Arg2:T1\n"
        "*\tEquiv T1 T1\nN1\tReference T2 Wikipedia:1\tHe\n#1\tAnnotatorNotes T1\tBob\n"
        "T3\tSaying 3 7\tsaid\nE1\tSaying:T3\n"
    )
    report = import_paths(corpus, [folder], None)
    assert len(report.imported) == 1 and len(report.problems) == len(BRAT_REFUSED)
    for n, (problem, why) in enumerate(zip(report.problems, BRAT_REFUSED.values(), strict=True)):
        assert problem.startswith(f"{folder / f'{n:02d}.ann'} {why}"), problem
        assert "int()" not in problem and "literal" not in problem
    (a,) = corpus.attributions(report.imported[0])
    assert (a.quote, a.speaker, a.speaker_name) == (Span(9, 12), Span(0, 2), "Bob")


#: An export of the corpus argv[1] to the folder argv[2] in a process that dies (as if
#: killed: no handler runs) at the point argv[3].
KILLED_EXPORT = """
import os, sys
from core.corpus.store import Store
from core.formats import files
from core.formats.export import export

def die(*args):
    os._exit(0)

swap, replace = files._exchange, os.replace
if sys.argv[3] == "before the swap":
    files._swap_in = die
elif sys.argv[3] == "after the swap":
    files._exchange = lambda a, b: swap(a, b) and die()
else:  # no swap in one step: killed between moving the old folder aside and the new in
    files._exchange = lambda a, b: False
    os.replace = lambda a, b: die() if str(a).endswith(".tmp") else replace(a, b)
with Store(sys.argv[1]) as s:
    export(s, sys.argv[2], "brat")
print("not killed")
"""


def _folder(path):
    return {p.name: p.read_bytes() for p in path.iterdir()} if path.exists() else None


@pytest.mark.parametrize(
    ("kill", "left"),
    [("before the swap", "earlier"), ("after the swap", "new"), ("between the renames", "earlier")],
)
def test_a_folder_export_killed_anywhere_keeps_the_earlier_one(tmp_path, corpus, kill, left):
    out = tmp_path / "brat"
    _store_text(corpus, "He said “yes” today.", [Span(9, 12)])
    export(corpus, out, "brat")
    _store_text(corpus, "She said “no” then.", [Span(10, 12)])
    export(corpus, tmp_path / "new", "brat")
    exports = {"earlier": _folder(out), "new": _folder(tmp_path / "new")}
    r = subprocess.run(
        [sys.executable, "-c", KILLED_EXPORT, str(corpus.path), str(out), kill],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert r.returncode == 0 and "not killed" not in r.stdout, r.stderr
    asides = [_folder(p) for p in tmp_path.glob(".brat.*") if p.is_dir()]
    assert (_folder(out) or next(a for a in asides if a == exports[left])) == exports[left]
    files_module.remove_stale_temps(out)  # what the next export does first
    assert _folder(out) == exports[left] and [p.name for p in tmp_path.glob(".brat.*")] == []
    export(corpus, out, "brat")
    assert _folder(out) == exports["new"]


def test_brat_refuses_to_replace_a_folder_that_is_not_an_export(tmp_path, sample_corpus):
    target = tmp_path / "mine"
    target.mkdir()
    (target / "notes.docx").write_text("keep me")
    with Store(sample_corpus) as s, pytest.raises(ExportError, match="not an earlier export"):
        export(s, target, "brat")
    assert [p.name for p in target.iterdir()] == ["notes.docx"]
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


def test_export_keeps_the_replaced_files_mode_and_follows_the_umask(tmp_path, sample_corpus):
    new, old = tmp_path / "new.jsonl", tmp_path / "old.jsonl"
    old.write_text("x")
    old.chmod(0o640)
    mask = os.umask(0o027)
    try:
        with Store(sample_corpus) as s:
            export(s, new, "jsonl")
            export(s, old, "jsonl")
    finally:
        os.umask(mask)
    assert stat.S_IMODE(new.stat().st_mode) == 0o640  # 0666 less the umask
    assert stat.S_IMODE(old.stat().st_mode) == 0o640
    old.chmod(0o604)
    with Store(sample_corpus) as s:
        export(s, old, "csv")
    assert stat.S_IMODE(old.stat().st_mode) == 0o604


def test_export_removes_stale_temp_files_but_not_a_running_exports(tmp_path, sample_corpus):
    import fcntl

    out = tmp_path / "e.jsonl"
    stale = tmp_path / ".e.jsonl.dead.tmp"
    stale.write_text("left by a killed export")
    (tmp_path / ".e.jsonl.olddir.tmp").mkdir()
    running = tmp_path / ".e.jsonl.live.tmp"
    running.write_text("being written")
    other = tmp_path / ".other.jsonl.x.tmp"
    other.write_text("another target's")
    with running.open("rb") as held:
        fcntl.flock(held.fileno(), fcntl.LOCK_EX)
        with Store(sample_corpus) as s:
            export(s, out, "jsonl")
    names = sorted(p.name for p in tmp_path.iterdir() if p.name.startswith("."))
    assert names == [".e.jsonl.live.tmp", ".other.jsonl.x.tmp"]


def test_export_fsyncs_the_folder_after_the_rename(tmp_path, sample_corpus, monkeypatch):
    synced = []
    real = os.fsync

    def spy(fd):
        synced.append((stat.S_ISDIR(os.fstat(fd).st_mode), os.path.exists(tmp_path / "e.csv")))
        real(fd)

    monkeypatch.setattr(os, "fsync", spy)
    with Store(sample_corpus) as s:
        export(s, tmp_path / "e.csv", "csv")
    assert synced == [(False, False), (True, True)]  # the file before, its folder after


def test_export_never_replaces_the_corpus_itself(tmp_path, sample_corpus):
    before = sample_corpus.read_bytes()
    with Store(sample_corpus) as s:
        for target in (sample_corpus, tmp_path / "sample.qlab-wal"):
            with pytest.raises(ExportError, match="the corpus itself"):
                export(s, target, "jsonl")
        export(s, tmp_path / "sample.qlab.jsonl", "jsonl")  # a name like it is fine
    assert sample_corpus.read_bytes() == before


def test_brat_keeps_tabs_in_spans_and_names(tmp_path, corpus):
    text = "He said:\t“a\ttabbed quote” today."
    art_id = _store_text(corpus, text, [Span(10, 24)])
    (a,) = corpus.attributions(art_id)
    cmd.apply(corpus, cmd.set_speaker_name(corpus, a.id, "Ann\tB.  Smith"))
    before = _jsonl(corpus, tmp_path / "before.jsonl")
    export(corpus, tmp_path / "brat", "brat")
    with Store(tmp_path / "copy.qlab") as copy:
        assert not import_paths(copy, [tmp_path / "brat"], None).problems
        assert _jsonl(copy, tmp_path / "after.jsonl") == before


def test_an_article_with_unicode_line_separators_round_trips(tmp_path, corpus):
    text = "Para one\u2028still one.\n\nShe said \u201cyes\u0085no\u201d.\x0bEnd\u2029."
    q = text.index("yes")
    _store_text(corpus, text, [Span(q, q + 6)])
    out = tmp_path / "u.jsonl"
    before = _jsonl(corpus, out)
    assert len(before.decode().splitlines()) == 1  # even str.splitlines sees one line
    with Store(tmp_path / "copy.qlab") as copy:
        report = import_paths(copy, [out], None)
        assert len(report.imported) == 1 and not report.problems
        assert copy.article(report.imported[0]).text == text
        assert _jsonl(copy, tmp_path / "again.jsonl") == before


def test_brat_import_refuses_an_empty_text_and_warns_on_cp1252(tmp_path, corpus):
    folder = tmp_path / "b"
    folder.mkdir()
    (folder / "empty.txt").write_text("")
    (folder / "empty.ann").write_text("")
    (folder / "old.txt").write_bytes("Caf\u00e9 owner said “fine”.".encode("cp1252"))
    (folder / "old.ann").write_text("T1\tQuote 17 21\tfine\n")
    report = import_paths(corpus, [folder], None)
    assert len(report.imported) == 1
    assert any("empty.txt: the file is empty" in p for p in report.problems)
    assert any("old.txt: not UTF-8" in w for w in report.warnings)
    (a,) = corpus.attributions(report.imported[0])
    assert corpus.article(report.imported[0]).text[a.quote.start : a.quote.end] == "fine"


#: The JSONL export of ``_golden_corpus`` as the export wrote it before it was made
#: faster (issue 13): every later export must write these bytes. Only a deliberate change
#: of the format may rewrite it (``.venv/bin/python -m tests.core.formats.test_export``).
GOLDEN = DATA / "export_golden.jsonl.gz"
_NAMES = [None, 'Ann "Bee" O\'Neil', "Zoë\u2028Line\x85two", "back\\slash\ttab", "😀 émoji"]
_CONFIDENCES = [None, 0.5, 1e-05, 0.1 + 0.2, 1.0, 123456789.0, 1e16, 2.5e-07, -0.0]


def _golden_corpus(store):
    """Articles with every kind of whitespace, escape and line break, their tokens stored
    (or damaged, or an older importer's), and attributions of every state, type, origin
    and odd speaker name or confidence, with and without speaker and cue."""
    texts = _doc_texts() + [
        'He said "a \\ back\x01slash\x7f" and \u200b left.\r\nShe: «oui» 😀\u2028end',
        sorted((DATA / "articles").glob("*.txt"))[1].read_text(encoding="utf-8"),
    ]
    for n, text in enumerate(texts):
        bounds = tokenize(text)
        attrs = []
        for i in range(0, len(bounds) - 3, 5):
            k = i // 5 + n
            attrs.append(
                Attribution(
                    quote=Span(bounds[i][0], bounds[i + 1][1]),
                    speaker=Span(*bounds[i + 2]) if k % 3 else None,
                    cue=Span(*bounds[i + 3]) if k % 2 else None,
                    speaker_name=_NAMES[k % len(_NAMES)],
                    type=list(QuoteType)[k % 3],
                    state=list(State)[k % 3],
                    origin=list(Origin)[k % 3],
                    confidence=_CONFIDENCES[k % len(_CONFIDENCES)],
                )
            )
        first_line = text.find("\n")
        art = Article(
            text=text,
            title=f'{n}: "ws"\u2029\\',
            byline=_NAMES[n % len(_NAMES)] or "",
            date="2026-11-27",
            url=f"https://example.org/{n}?a=1&b=\u00e9",
            source=f"ws{n}.txt",
            non_body=[Span(0, first_line)] if first_line > 0 else [],
            status=list(Status)[n % 3],
            content_hash=content_hash(f"{n}: {text}"),
        )
        art_id = store.add_article(art, attrs, bounds)[0]
        if n % 7 == 3:  # a damaged cache: tokenized anew
            store._conn.execute(
                "UPDATE articles SET packed_tokens = ? WHERE id = ?", (b"\x01junk", art_id)
            )
    own = [(0, 3), (4, 9), (11, 16)]  # an older importer's bounds: not spaCy's, but they fit
    store.add_article(Article(text="Old text,  kept.", content_hash="old"), [], own)


@pytest.mark.parametrize(
    ("jobs", "tables"), [(1, True), (2, True), (1, False)], ids=["one", "workers", "formatted"]
)
@pytest.mark.slow
def test_jsonl_is_byte_for_byte_what_it_was(tmp_path, corpus, jobs, tables, monkeypatch):
    monkeypatch.setattr(export_module, "_RUN", 4)  # several runs in flight
    if not tables:  # every text longer than the looked-up pieces reach
        monkeypatch.setattr(_JsonPieces, "LIMIT", 0)
    _golden_corpus(corpus)
    out = tmp_path / "golden.jsonl"
    export(corpus, out, "jsonl", jobs=jobs)
    got, want = out.read_bytes().split(b"\n"), gzip.decompress(GOLDEN.read_bytes()).split(b"\n")
    assert len(got) == len(want) == len(_doc_texts()) + 4
    for n, (line, golden) in enumerate(zip(got, want, strict=True)):
        assert line == golden, f"line {n + 1} differs"


def test_orjson_writes_strings_and_integers_as_json_dumps_does():
    """What the export leaves to orjson (docs/adr/0019): every character (surrogates
    cannot come out of SQLite) and integers of any size a corpus holds, byte for byte."""
    chars = "".join(map(chr, [*range(0xD800), *range(0xE000, 0x110000)]))
    for value in [chars, [chars[:0x80], "a\\", '"', "\u2028"], {"k\n": [-(2**63), 2**63 - 1, 0]}]:
        assert (
            orjson.dumps(value)
            == json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode()
        )


if __name__ == "__main__":  # rewrite the golden export: only for a deliberate change
    import tempfile
    from pathlib import Path

    with tempfile.TemporaryDirectory() as tmp, Store(Path(tmp) / "g.qlab") as s:
        _golden_corpus(s)
        export(s, Path(tmp) / "g.jsonl", "jsonl", jobs=1)
        GOLDEN.write_bytes(gzip.compress((Path(tmp) / "g.jsonl").read_bytes(), mtime=0))
