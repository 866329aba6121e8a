"""The kill harness (tools/torture.py, `make torture`) runs, and sees a loss."""

import shutil

import pytest

from core.corpus.store import Store
from tools import torture


@pytest.mark.slow
def test_a_handful_of_kills_lose_nothing(sample_corpus):
    said = []  # (in a RAM disk: the children's syncs wait on no disk; kept if one fails)
    tally = torture.torture(5, seed=1, model_every=0, base_from=sample_corpus, say=said.append)
    assert tally.failures == [] and tally.lost == 0
    assert sum(tally.kills.values()) == 5 and tally.acked > 0


def test_an_acknowledged_decision_or_export_missing_is_a_loss(tmp_path, sample_corpus):
    base = torture.make_base(tmp_path / "base.qlab", sample_corpus)
    work = tmp_path / "child"
    work.mkdir()
    shutil.copyfile(base.path, work / torture.CORPUS)
    with Store(work / torture.CORPUS) as store:
        accept = store.decisions()[-1]  # the import: not the accept the child said it made
    child = torture.ChildRun(0, "acks", work, torture.Plan("0", 2), "", killed=True)
    child.events = [
        {"event": "begin", "n": 1, "verb": "accept"},
        {"event": "ack", "n": 1, "verb": "accept", "log": accept["id"], "kind": "edit"},
        {"event": "begin", "n": 2, "verb": "export", "path": str(work / "brat"), "fmt": "brat"},
        {"event": "ack", "n": 2, "verb": "export", "path": str(work / "brat"), "digest": "x"},
    ]
    verdict = torture.check(base, child)
    assert verdict.lost == 2
    assert "decision" in verdict.problems[0] and "export brat: gone" in verdict.problems[1]


def test_a_table_changed_outside_the_log_fails_the_replay(tmp_path, sample_corpus):
    base = torture.make_base(tmp_path / "base.qlab", sample_corpus)
    work = tmp_path / "child"
    work.mkdir()
    shutil.copyfile(base.path, work / torture.CORPUS)
    with Store(work / torture.CORPUS) as store:
        store._conn.execute("UPDATE attributions SET state = 'accepted' WHERE id = 1")
    child = torture.ChildRun(0, "time", work, torture.Plan("0", 1), "", killed=True)
    (problem,) = torture.check(base, child).problems
    assert problem.startswith("replay: ('attribution', 1)") and "'accepted'" in problem
