"""A disk that fails under a write: the file size limit (``RLIMIT_FSIZE``, set in a
child process with SIGXFSZ ignored, so a write past it fails with EFBIG), a full file
system (a small tmpfs, where this user may mount one) and a tampered row-id counter.
Each write that fails names its cause, and the corpus keeps what was acknowledged
before it, whole (``integrity_check`` ok)."""

import resource
import signal
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from core.corpus.errors import CorpusError
from core.corpus.store import Store
from core.model import State
from core.review import commands as cmd
from tests.conftest import DATA, ROOT, fill
from tests.core.corpus.test_faults import _corpus

ARTICLES = DATA / "articles"


def limited(size: int):
    """A ``preexec_fn`` for a child process: no file of it may grow past ``size`` bytes,
    and a write that would fails (EFBIG) instead of killing it (SIGXFSZ ignored)."""

    def limit() -> None:
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (size, resource.RLIM_INFINITY))

    return limit


def state(path: Path) -> tuple[str, list[tuple[int, str]], int]:
    """What the corpus holds: integrity_check, every attribution's state, the log's length."""
    conn = sqlite3.connect(path)
    try:
        return (
            conn.execute("PRAGMA integrity_check").fetchone()[0],
            conn.execute("SELECT id, state FROM attributions ORDER BY id").fetchall(),
            conn.execute("SELECT count(*) FROM decisions").fetchone()[0],
        )
    finally:
        conn.close()


REVIEW = textwrap.dedent(
    """
    import resource, signal, sys
    from core.corpus.errors import CorpusError
    from core.corpus.store import Store
    from core.model import State
    from core.review import commands as cmd
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    with Store(sys.argv[1]) as s:
        (art,) = s.article_ids()
        first, *rest = s.attributions(art)
        cmd.apply(s, cmd.set_state(s, first.id, State.ACCEPTED))
        s._conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")  # the -wal starts empty
        print("acknowledged", first.id, flush=True)
        resource.setrlimit(resource.RLIMIT_FSIZE, (4096, resource.RLIM_INFINITY))
        try:
            cmd.apply(s, cmd.set_state(s, rest[0].id, State.ACCEPTED))
        except CorpusError as exc:
            print("refused", exc, flush=True)
    """
)


@pytest.mark.slow
def test_a_review_key_past_the_file_size_limit_names_it_and_changes_nothing(tmp_path):
    path = tmp_path / "c.qlab"
    _corpus(path)
    r = subprocess.run(
        [sys.executable, "-c", REVIEW, str(path)], cwd=ROOT, capture_output=True, text=True
    )
    assert r.returncode == 0 and not r.stderr, r.stderr
    acknowledged, refused = r.stdout.splitlines()
    assert refused.startswith(f"refused {path}: the change was not saved: the file size limit")
    assert "the corpus is as it was before" in refused
    ok, states, logged = state(path)
    accepted = [i for i, s in states if s == "accepted"]
    assert ok == "ok" and accepted == [int(acknowledged.split()[1])] and logged == 2


def test_a_row_id_counter_at_its_maximum_names_the_cause(tmp_path):
    path = tmp_path / "c.qlab"
    _corpus(path)
    conn = sqlite3.connect(path)
    with conn:
        conn.execute(
            "UPDATE sqlite_sequence SET seq = 9223372036854775807 WHERE name = 'decisions'"
        )
    conn.close()
    before = state(path)
    with Store(path) as s:
        (art,) = s.article_ids()
        a = s.attributions(art)[0]
        with pytest.raises(CorpusError, match="not saved: the corpus cannot grow"):
            cmd.apply(s, cmd.set_state(s, a.id, State.ACCEPTED))
        assert s.attributions(art)[0].state is State.SUGGESTED  # and the store reads on
    assert state(path) == before


def run_limited(size: int, *args: object) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(ROOT / "main.py"), *map(str, args)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        preexec_fn=limited(size),
    )


@pytest.mark.slow
def test_the_command_line_names_the_file_size_limit_on_import_and_export(tmp_path):
    path = tmp_path / "c.qlab"
    _corpus(path)
    before = state(path)
    r = run_limited(40_000, "--db", path, "import", "--no-suggest", ARTICLES)
    assert r.returncode == 1 and "Traceback" not in r.stderr, r.stderr
    assert "the file size limit is reached" in r.stderr
    assert state(path) == before
    out = tmp_path / "out.jsonl"
    out.write_text("the previous export\n")
    r = run_limited(40_000, "--db", path, "export", "--out", out)
    assert r.returncode == 1 and "Traceback" not in r.stderr, r.stderr
    assert "could not be written (File too large)" in r.stderr
    assert out.read_text() == "the previous export\n"
    assert state(path) == before


@pytest.mark.slow
def test_a_full_disk_is_named_by_review_keys_import_and_export(small_disk):
    path = small_disk / "c.qlab"
    _corpus(path)
    before = state(path)
    with Store(path) as s:  # open while there was room, as the window has it
        (art,) = s.article_ids()
        a = s.attributions(art)[0]
        fill(small_disk)
        with pytest.raises(CorpusError, match="not saved: the disk is full"):
            cmd.apply(s, cmd.set_state(s, a.id, State.ACCEPTED))
    r = subprocess.run(
        [sys.executable, "main.py", "--db", path, "import", "--no-suggest", ARTICLES],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert r.returncode == 1 and "Traceback" not in r.stderr, r.stderr
    assert "the disk is full" in r.stderr
    assert state(path) == before
    out = small_disk / "out.jsonl"
    r = subprocess.run(
        [sys.executable, "main.py", "--db", path, "export", "--out", out],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert r.returncode == 1 and "No space left on device" in r.stderr, r.stderr
    assert not out.exists()
    (small_disk / "filler").unlink()  # (reading needs room for SQLite's -shm)
    assert state(path) == before
