"""The scripted curation project of issue 22 (bench/curation_project.py), adjudicated by
keys on the real window: three annotators over 30 articles with 20% overlap, their
disagreements made by real commands; every item takes one key, no agreement takes any,
and the gold is the intended answer."""

import pytest

from bench.curation_project import KEYS_GOAL, adjudicate, build, differences
from core.corpus import curation
from core.corpus.store import Store


@pytest.mark.slow
def test_a_scripted_project_is_adjudicated_in_one_key_a_disagreement(make_window, tmp_path):
    project = build(tmp_path)
    assert project.shared == 6  # 20% of 30 articles, to all three annotators
    assert set(project.made) == {"boundary", "speaker", "missed", "extra"}
    assert differences(project) != []  # the disagreements are not in the gold yet
    w = make_window(project.gold)
    done = adjudicate(w, project)
    assert done.items >= sum(project.made.values()) - 2  # (two mistakes may share an item)
    assert len(done.keys) == done.items and done.per_item <= KEYS_GOAL
    assert set(done.keys) >= {"0", "1", "2"}
    assert differences(project) == []
    with Store(project.gold) as g:
        assert curation.item_counts(g)[curation.Outcome.OPEN] == 0
