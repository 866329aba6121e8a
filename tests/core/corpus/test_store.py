import os
import sqlite3

import pytest

from core.corpus.errors import ConflictError, CorpusError, ReadOnlyError
from core.corpus.schema import MIGRATIONS, SCHEMA_VERSION
from core.corpus.store import Store
from core.formats.text import parse_text
from core.model import Attribution, Span, State
from core.review import commands as cmd
from tests.conftest import corpus_before, run_unprivileged


def _add(store, text="Headline Here\n\nThe mayor said the bridge would open soon.\n"):
    """Store an article with one suggestion: its last sentence but the first word."""
    art = parse_text(text, "a.txt")
    last = art.text.rstrip(".").rsplit(". ", 1)[-1]
    start = art.text.rindex(last) + last.index(" ") + 1
    quote = Span(start, start + len(last) - last.index(" ") - 1)
    art_id, _ = store.add_article(art, [Attribution(quote=quote)], [])
    return art_id


def test_new_corpus_has_schema_wal_and_foreign_keys(tmp_path):
    with Store(tmp_path / "c.qlab") as s:
        assert s.schema_version() == SCHEMA_VERSION
        assert s._conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert s._conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1


def test_forward_migration_keeps_data(tmp_path):
    path = tmp_path / "old.qlab"
    conn = corpus_before(path, MIGRATIONS[1])
    conn.execute(
        "INSERT INTO articles (content_hash, text, imported_at) VALUES ('h', 'Old text.', 'now')"
    )
    conn.execute("COMMIT")
    conn.close()
    with Store(path) as s:
        assert s.schema_version() == SCHEMA_VERSION
        assert s.article(1).text == "Old text."
        assert list(s.tokens(1)) == [(0, 3), (4, 8), (8, 9)]  # tokenized by the upgrade


def _snapshot(path):
    return path.read_bytes(), path.stat().st_mtime_ns


def _foreign_wal(path):
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("CREATE TABLE t (x)")
    conn.commit()
    conn.close()


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda p: p.write_bytes(os.urandom(4096)), "not a QuoteLab corpus"),
        (lambda p: p.write_bytes(b""), "not a QuoteLab corpus"),
        (
            lambda p: sqlite3.connect(p).execute("CREATE TABLE t (x)").connection.commit(),
            "another program",
        ),
        (_foreign_wal, "another program"),
    ],
)
def test_foreign_files_are_refused_and_untouched(tmp_path, make, message):
    path = tmp_path / "x.qlab"
    make(path)
    before = _snapshot(path)
    with pytest.raises(CorpusError, match=message):
        Store(path)
    assert _snapshot(path) == before
    assert list(tmp_path.iterdir()) == [path]  # no -wal or -shm put beside it


def _tampered(path, sql):
    """A healthy corpus, then changed behind QuoteLab's back."""
    Store(path).close()
    conn = sqlite3.connect(path)
    conn.execute(sql)
    conn.commit()
    conn.close()
    return path


def test_newer_schema_is_refused_and_untouched(tmp_path):
    path = _tampered(tmp_path / "new.qlab", "PRAGMA user_version = 99")
    before = _snapshot(path)
    with pytest.raises(CorpusError, match="newer QuoteLab"):
        Store(path)
    assert _snapshot(path) == before
    assert list(path.parent.iterdir()) == [path]


def test_truncated_corpus_is_refused(tmp_path):
    path = tmp_path / "t.qlab"
    with Store(path) as s:
        for i in range(40):
            _add(s, f"Headline {i}\n\n" + "Words said here. " * 200)
        s._conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])
    before = _snapshot(path)
    with pytest.raises(CorpusError, match="damaged"):
        Store(path)
    assert _snapshot(path) == before


def test_hand_edited_tables_are_refused(tmp_path):
    path = _tampered(tmp_path / "e.qlab", "DROP TABLE attributions")
    with pytest.raises(CorpusError, match="changed outside QuoteLab"):
        Store(path)


UNPRIVILEGED_EDIT = """
import sys
from core.review import commands as cmd
from core.model import State
from core.corpus.errors import CorpusError, ReadOnlyError
from core.corpus.store import Store
try:
    with Store(sys.argv[1]) as s:
        (a,) = s.attributions(int(sys.argv[2]))
        try:
            cmd.apply(s, cmd.set_state(s, a.id, State.ACCEPTED))
        except ReadOnlyError as exc:
            print("read-only" if s.read_only else "writable", "refused:", exc)
except CorpusError as exc:
    print("not opened:", exc)
"""


def test_a_corpus_its_user_cannot_write_opens_read_only_and_refuses_edits(tmp_path):
    folder = tmp_path / "ro"
    folder.mkdir()
    path = folder / "c.qlab"
    with Store(path) as s:
        art_id = _add(s)
    before = path.read_bytes()
    path.chmod(0o444)  # the user may read the file, not write it
    os.chmod(folder, 0o755)  # ...and keep SQLite's -shm beside it
    r = run_unprivileged(UNPRIVILEGED_EDIT, path, art_id)
    assert r.returncode == 0, r.stderr
    assert r.stdout.startswith("read-only refused:") and "read-only" in r.stdout[9:]
    assert path.read_bytes() == before
    for left in folder.glob("c.qlab-*"):  # what the read left beside it
        left.unlink()
    # Others may write the folder (and so change the file), the user may not: no -shm can
    # be made, and the file cannot be trusted unchanging: a clear refusal, never a traceback.
    os.chmod(folder, 0o557)
    r = run_unprivileged(UNPRIVILEGED_EDIT, path, art_id)
    assert r.stdout.startswith("not opened:") and "open a copy" in r.stdout, r.stderr
    assert path.read_bytes() == before


def test_opened_read_only_refuses_edits_and_writes_nothing(tmp_path):
    path = tmp_path / "c.qlab"
    with Store(path) as s:
        art_id = _add(s)
        s._conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    before = _snapshot(path)
    with Store(path, read_only=True) as s:
        (a,) = s.attributions(art_id)
        with pytest.raises(ReadOnlyError, match="read-only"):
            cmd.apply(s, cmd.set_state(s, a.id, State.ACCEPTED))
    assert _snapshot(path) == before


def test_two_processes_keep_both_writes_and_stale_edit_is_refused(tmp_path):
    path = tmp_path / "shared.qlab"
    with Store(path) as a:
        art_id = _add(a)
        _add(a, "Second Headline\n\nPolice said the road was closed overnight.\n")
    with Store(path) as a, Store(path) as b:
        (attr,) = a.attributions(art_id)
        stale = cmd.set_state(b, attr.id, State.REJECTED)  # b read the old record
        cmd.apply(a, cmd.set_state(a, attr.id, State.ACCEPTED))
        with pytest.raises(ConflictError, match="changed elsewhere"):
            cmd.apply(b, stale)
        other = b.article_ids()[1]
        (attr2,) = b.attributions(other)
        cmd.apply(b, cmd.set_state(b, attr2.id, State.ACCEPTED))
    with Store(path) as c:
        states = {x.id: x.state for i in c.article_ids() for x in c.attributions(i)}
        assert states == {attr.id: State.ACCEPTED, attr2.id: State.ACCEPTED}
