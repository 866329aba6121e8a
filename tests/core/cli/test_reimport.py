"""A corpus out to Prodigy JSONL (``main.py export``), edited there as another tool
would (the JSON records themselves), and back with ``main.py import`` into the same
corpus: each changed article one decision with the right origins, a report of what
changed (text and ``--json``), undone in one step per decision (issue 21, items 1-2;
docs/adr/0027)."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from core.corpus.store import Store
from core.formats.imported import revision
from core.model import Origin, State, Status, excerpt
from core.review import commands
from tests.conftest import DATA, ROOT, SAMPLE
from tests.core.formats.prodigy_edits import (
    add,
    at,
    drop,
    move,
    quote_of,
    shrink,
    span_of,
    tasks,
    write,
)

pytestmark = pytest.mark.slow  # the real model suggests the corpus

OTHER = DATA / "articles" / "court_fraud.txt"


def main(*args, home):
    return subprocess.run(
        [sys.executable, "main.py", *map(str, args)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env={"QUOTELAB_HOME": str(home), "QUOTELAB_ANNOTATOR": "tester", "PATH": "/usr/bin:/bin"},
        check=False,
    )


@pytest.fixture
def exported(tmp_path):
    """A corpus of two suggested articles (the sample, then court_fraud) and its JSONL."""
    db, out = tmp_path / "c.qlab", tmp_path / "out.jsonl"
    r = main("--db", db, "import", SAMPLE, OTHER, home=tmp_path)
    assert r.returncode == 0, r.stderr
    r = main("--db", db, "export", "--out", out, home=tmp_path)
    assert r.returncode == 0, r.stderr
    return db, out


def state_of(db):
    """Everything an import may change: each article's status and attributions."""
    with Store(db, read_only=True) as store:
        return {
            i: (
                store.status(i),
                sorted(a.to_logged(i).items().__repr__() for a in store.attributions(i)),
            )
            for i in store.article_ids()
        }


# -- the round trip --------------------------------------------------------------------------


def test_prodigy_edits_come_back_as_decisions_with_their_origins(tmp_path, exported):
    db, out = exported
    before = state_of(db)
    sample, other = tasks(out)
    text = sample["text"]

    # the sample, answered 'accept' in Prodigy after four edits
    _, shrunk = quote_of(sample, "It seems clear that there was no serious talk")
    shrunk_to = shrink(sample, shrunk, 3)
    _, respoken = quote_of(sample, "despite the renewed discussion around peace")
    old_speaker = respoken["speaker"]
    new_speaker = at(text, "Ivan Preobrazhensky", old_speaker["start"])
    move(sample, span_of(old_speaker, "SPEAKER"), new_speaker)
    _, rejected = quote_of(sample, "the call was the latest example")
    drop(sample, span_of(rejected["quote"], "QUOTE"))
    recap = text.index("Trump's recap of the call")  # a paragraph with no suggestion
    added = add(
        sample,
        at(text, "his focus may lie more in potential economic opportunities", recap),
        (recap, recap + len("Trump")),
        at(text, "indicate", recap),
    )
    sample["answer"] = "accept"

    # court_fraud, still unfinished ('ignore'): one suggestion accepted in our own record
    i, accepted = quote_of(other, other["text"][other["quotes"][0]["quote"]["start"] :][:30])
    other["quotes"][i]["state"] = "accepted"
    edited = tmp_path / "edited.jsonl"
    write(edited, [sample, other])

    r = main("--db", db, "import", edited, home=tmp_path)
    assert r.returncode == 0, r.stderr
    lines = r.stdout.splitlines()
    assert "changed 2, unchanged 0, not applied 0" in lines[0]
    n_sample = len(sample["quotes"])
    assert lines[1] == (
        f"changed: {edited} line 1: article 1: 2 edited, {n_sample - 3} accepted, 1 rejected, "
        f"1 added; status todo -> done (decision {lines[1].rsplit(' ', 1)[1][:-1]})"
    )
    assert lines[2].startswith(
        f"changed: {edited} line 2: article 2: 1 accepted; status todo -> in_progress (decision"
    )

    with Store(db, read_only=True) as store:
        got = {text[a.quote.start : a.quote.end]: a for a in store.attributions(1)}
        cut = got[text[slice(*shrunk_to)]]
        assert (cut.state, cut.origin) == (State.ACCEPTED, Origin.EDITED)  # item 2
        spoke = got[text[respoken["quote"]["start"] : respoken["quote"]["end"]]]
        assert (spoke.speaker.start, spoke.speaker.end) == new_speaker
        assert (spoke.state, spoke.origin) == (State.ACCEPTED, Origin.EDITED)
        gone = got[text[rejected["quote"]["start"] : rejected["quote"]["end"]]]
        assert (gone.state, gone.origin) == (State.REJECTED, Origin.MODEL)
        new = got[added["text"]]
        assert (new.state, new.origin) == (State.ACCEPTED, Origin.MANUAL)
        assert new.speaker_name is None  # the file gave none (docs/adr/0028)
        rest = [a for a in got.values() if a not in (cut, spoke, gone, new)]
        assert {(a.state, a.origin) for a in rest} == {(State.ACCEPTED, Origin.MODEL)}
        assert store.status(1) is Status.DONE
        others = store.attributions(2)
        assert [a.state for a in others].count(State.ACCEPTED) == 1
        assert {a.origin for a in others} == {Origin.MODEL}
        assert store.status(2) is Status.IN_PROGRESS

    # one decision each, undone in one step each, back to the corpus as it was
    with Store(db) as store:
        stack = commands.UndoStack(store)
        assert [c.article_id for c in stack.done[-2:]] == [1, 2]
        assert stack.undo().article_id == 2
        assert stack.undo().article_id == 1
    assert state_of(db) == before

    # and again, now as JSON: the same counts
    r = main("--db", db, "import", "--json", edited, home=tmp_path)
    assert r.returncode == 0, r.stderr
    report = json.loads(r.stdout)
    first, second = report["changed"]
    assert first["article_id"] == 1 and first["edited"] == 2 and first["added"] == 1
    assert first["rejected"] == 1 and first["status"] == ["todo", "done"]
    assert second == {
        "where": f"{edited} line 2",
        "article_id": 2,
        "decision": second["decision"],
        "edited": 0,
        "accepted": 1,
        "rejected": 0,
        "undecided": 0,
        "retyped": 0,
        "flagged": 0,
        "added": 0,
        "deleted": 0,
        "status": ["todo", "in_progress"],
    }
    assert report["imported"] == 0 and report["duplicates"] == [] and report["complete"]


def test_the_same_annotations_are_unchanged_and_log_nothing(tmp_path, exported):
    db, out = exported
    with Store(db, read_only=True) as store:
        last = commands.last_decision(store)
    r = main("--db", db, "import", out, home=tmp_path)
    assert r.returncode == 0, r.stderr
    assert r.stdout.splitlines()[1:] == [
        f"unchanged: {out} line 1: article 1",
        f"unchanged: {out} line 2: article 2",
    ]
    with Store(db, read_only=True) as store:
        assert commands.last_decision(store) == last
    again = main("--db", db, "import", SAMPLE, home=tmp_path)  # a plain text: as before
    assert "already in the corpus, skipped: sample_article.txt" in again.stdout


def test_an_article_changed_since_the_export_is_named_and_not_overwritten(tmp_path, exported):
    db, out = exported
    sample, other = tasks(out)
    sample["answer"] = other["answer"] = "accept"
    edited = tmp_path / "edited.jsonl"
    write(edited, [sample, other])
    with Store(db) as store:  # meanwhile, in the corpus: a suggestion of the sample rejected
        first = store.attributions(1)[0]
        commands.apply(store, commands.set_state(store, first.id, State.REJECTED))
    held = state_of(db)

    r = main("--db", db, "import", edited, home=tmp_path)
    assert r.returncode == 1
    assert (
        f"quotelab: not applied: {edited} line 1: article 1 was changed in the corpus since "
        "this record was exported; none of the record's changes were applied"
    ) in r.stderr
    assert "changed 1, unchanged 0, not applied 1" in r.stdout
    after = state_of(db)
    assert after[1] == held[1]  # nothing overwritten
    assert after[2][0] is Status.DONE  # the other article, unchanged since, took its changes


def test_a_record_without_the_mark_changes_only_undecided_attributions(tmp_path, exported):
    db, out = exported
    sample, _ = tasks(out)
    del sample["meta"]["revision"]
    sample["answer"] = "reject"
    edited = tmp_path / "edited.jsonl"
    write(edited, [sample])
    with Store(db) as store:  # the corpus decided one
        kept = store.attributions(1)[1]
        commands.apply(store, commands.set_state(store, kept.id, State.ACCEPTED))
        mark = revision(store.status(1), store.attribution_rows(1))
    r = main("--db", db, "import", edited, home=tmp_path)
    assert r.returncode == 1
    quoted = excerpt(sample["text"][kept.quote.start : kept.quote.end])
    assert (
        f"quotelab: not applied: {edited} line 1: quote {quoted} is accepted in the corpus; "
        "the file's change to it was not applied"
    ) in r.stderr
    with Store(db, read_only=True) as store:
        states = {a.id: a.state for a in store.attributions(1)}
        assert states.pop(kept.id) is State.ACCEPTED
        assert set(states.values()) == {State.REJECTED}
        assert revision(store.status(1), store.attribution_rows(1)) != mark
