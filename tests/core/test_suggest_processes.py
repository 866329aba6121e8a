"""Suggesting on every core: the same suggestions as one process, in order."""

import pytest

from core.importer import parse_text
from core.suggest import Suggester, SuggestError
from tests.conftest import DATA, SAMPLE


def _articles():
    files = [*sorted((DATA / "articles").glob("*.txt")), SAMPLE]
    return [parse_text(f.read_text(encoding="utf-8"), f.name) for f in files] * 3


def test_two_processes_suggest_what_one_does(suggester):
    arts = _articles()
    one = list(suggester.suggest_many(arts))
    two = list(suggester.suggest_many(iter(arts), n_process=2))
    assert sum(map(len, one)) > 100
    assert two == one


def test_cancel_stops_the_workers_early(suggester):
    arts = _articles()
    seen = []
    for found in suggester.suggest_many(arts, cancelled=lambda: len(seen) >= 3, n_process=2):
        seen.append(found)
    assert len(seen) == 3


def test_a_missing_model_is_named_from_a_worker():
    art = parse_text(SAMPLE.read_text(encoding="utf-8"), "s.txt")
    with pytest.raises(SuggestError, match="no_such_pipeline"):
        list(Suggester("no_such_pipeline").suggest_many([art], n_process=2))
