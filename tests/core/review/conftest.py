"""The review tests' corpus (tests/review_data.py) and a session open on its first article."""

import pytest

from core.corpus.store import Store
from core.review.session import ReviewSession
from tests.review_data import make_corpus


@pytest.fixture
def path(tmp_path):
    return make_corpus(tmp_path / "review.qlab")


@pytest.fixture
def store(path):
    with Store(path) as s:
        yield s


@pytest.fixture
def session(store):
    s = ReviewSession(store)
    s.open(store.article_ids()[0])
    return s
