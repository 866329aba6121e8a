"""Shared fixtures: real files, a real spaCy pipeline, real SQLite corpora."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(__file__).resolve().parent / "data"
SAMPLE = ROOT / "resources" / "sample_article.txt"
#: The sample's gold (a copy of ANNOTATION.md's ``corpus/000_79a3e195079f2e86.gold.json``).
SAMPLE_GOLD = DATA / "sample_article.gold.json"

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(ROOT))


@pytest.fixture(autouse=True)
def _isolated_home(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch):
    """Never touch the user's data directory."""
    monkeypatch.setenv("QUOTELAB_HOME", str(tmp_path_factory.mktemp("home")))
    monkeypatch.setenv("QUOTELAB_ANNOTATOR", "tester")


@pytest.fixture(scope="session")
def suggester():
    from core.suggest import Suggester

    s = Suggester()
    s.load()
    return s


@pytest.fixture
def corpus(tmp_path):
    from core.store import Store

    with Store(tmp_path / "corpus.qlab") as store:
        yield store


@pytest.fixture
def sample_corpus(tmp_path, suggester):
    """A corpus file holding the sample article with its suggestions."""
    from core.ingest import import_paths
    from core.store import Store

    path = tmp_path / "sample.qlab"
    with Store(path) as store:
        import_paths(store, [SAMPLE], suggester)
    return path
