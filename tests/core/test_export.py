import json

import pytest

from core import commands as cmd
from core.export import ExportError, export_jsonl
from core.ingest import import_paths
from core.model import State, Status
from core.store import Store


def check_prodigy_task(task):
    """The rules Prodigy's relations/spans tasks follow (docs: web-app, api-loaders)."""
    text = task["text"]
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
