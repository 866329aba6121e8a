"""Shared fixtures: real files, a real spaCy pipeline, real SQLite corpora."""

from __future__ import annotations

import atexit
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(__file__).resolve().parent / "data"
SAMPLE = ROOT / "resources" / "sample_article.txt"
#: The sample's gold (docs/annotation.md: its 27 attributions).
SAMPLE_GOLD = DATA / "sample_article.gold.json"

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Never the user's data directory, also where a test undoes the fixture below.
os.environ["QUOTELAB_HOME"] = tempfile.mkdtemp(prefix="quotelab-tests-")
atexit.register(shutil.rmtree, os.environ["QUOTELAB_HOME"], ignore_errors=True)
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
    from core.corpus.store import Store

    with Store(tmp_path / "corpus.qlab") as store:
        yield store


@pytest.fixture
def sample_corpus(tmp_path, suggester):
    """A corpus file holding the sample article with its suggestions."""
    from core.corpus.store import Store
    from core.formats.ingest import import_paths

    path = tmp_path / "sample.qlab"
    with Store(path) as store:
        import_paths(store, [SAMPLE], suggester)
    return path


def run_unprivileged(code: str, *args: object) -> subprocess.CompletedProcess[str]:
    """Run Python ``code`` (with QuoteLab importable) without privileges, so that file
    modes bind it: as root, with every capability dropped (the modes then bind it as
    they bind any owner); as anyone else, as is. This works wherever the clone is, also
    in a folder only its owner may enter (another user could not even read the code)."""
    drop: list[str] = []
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        if shutil.which("setpriv") is None:
            pytest.skip("setpriv is not installed: root cannot drop its capabilities")
        drop = ["setpriv", "--bounding-set=-all", "--inh-caps=-all"]
    return subprocess.run(
        [*drop, sys.executable, "-c", code, *map(str, args)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )


def corpus_before(path: Path, migration: object) -> sqlite3.Connection:
    """A corpus file at the schema just before ``migration`` (one of core.corpus.store's
    MIGRATIONS), as an older QuoteLab left it: the connection, inside a transaction,
    for the test to add rows of that time, then COMMIT and close."""
    from core.corpus.schema import MIGRATIONS

    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("BEGIN")
    version = MIGRATIONS.index(migration)  # type: ignore[arg-type]
    for migrate in MIGRATIONS[:version]:
        migrate(conn)
    conn.execute(f"PRAGMA user_version = {version}")
    return conn


def pool_threads() -> list[threading.Thread]:
    """The process pools' manager threads alive: Python 3.11's exit wakes each one
    still listed, and one closing its pipe meanwhile prints a traceback (seen in the
    packaged app now and then), so a pool done with is waited for."""
    return [t for t in threading.enumerate() if type(t).__name__ == "_ExecutorManagerThread"]


def run_python(code: str) -> subprocess.CompletedProcess[str]:
    """``python -c CODE`` in the repository, in a process of its own (fresh imports)."""
    return subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=False
    )


def run_main(*args: object) -> subprocess.CompletedProcess[str]:
    """``main.py ARGS...`` as a user runs it, in a process of its own; never raises on
    its exit status (tests assert it)."""
    return subprocess.run(
        [sys.executable, str(ROOT / "main.py"), *map(str, args)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )


@pytest.fixture
def small_disk(tmp_path):
    """A folder on a 2 MB file system of its own (a tmpfs; mounting needs root): room for
    tests/core/small_corpus.py's corpus with its -wal at their largest, about 1 MB."""
    disk = tmp_path / "disk"
    disk.mkdir()
    mount = ["mount", "-t", "tmpfs", "-o", "size=2m", "tmpfs", disk]
    if subprocess.run(mount, capture_output=True).returncode:
        pytest.skip("cannot mount a small tmpfs here (needs root and CAP_SYS_ADMIN)")
    yield disk
    subprocess.run(["umount", "-l", disk], check=True)


def fill(disk: Path) -> None:
    """Leave no room on ``disk``: a file as large as what is free."""
    with (disk / "filler").open("wb", buffering=0) as f:
        try:
            while True:
                f.write(b"\0" * 4096)
        except OSError:
            pass
