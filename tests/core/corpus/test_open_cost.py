"""Opening checks what is cheap; the full check runs on request, after an unclean
shutdown, or when a read finds damage; every read names the damage it meets."""

import os
import sqlite3
import subprocess
import sys
from multiprocessing import parent_process
from pathlib import Path

import pytest

from core.corpus.errors import CorpusError
from core.corpus.integrity import Holder, holder_of, unclean
from core.corpus.store import Store
from core.formats.text import parse_text
from core.model import Status
from core.review.session import ReviewSession
from core.tokens import tokenize
from core.worker import CONTEXT
from tests.conftest import ROOT, run_main
from tests.core.corpus.test_corpus_files import _corpus, _crash_after_writing, _edit, _writer

MARK = "ZQXMARKER"


def _files(path):
    return sorted(p.name for p in path.parent.iterdir())


def test_a_clean_close_leaves_no_wal_also_after_two_connections(tmp_path):
    path = _corpus(tmp_path / "c.qlab")
    first = Store(path)
    second = Store(path)  # a worker thread's store beside the window's
    assert not second.checked  # this process holds it open: not an unclean shutdown
    art = parse_text("Second\n\nThe mayor said it twice.", "b.txt")
    second.add_article(art, [], tokenize(art.text))
    first.close()
    assert Path(f"{path}-wal").stat().st_size > 0 and unclean(path) is False
    second.close()
    assert _files(path) == ["c.qlab"]  # the last close checkpoints and removes -wal, -shm
    assert not unclean(path)
    with Store(path) as s:
        assert not s.checked


def test_a_crash_or_another_process_holding_the_wal_runs_the_full_check(tmp_path):
    crashed = _corpus(tmp_path / "crashed.qlab")
    _crash_after_writing(crashed)
    assert unclean(crashed)
    with Store(crashed) as s:
        assert s.checked
    assert not unclean(crashed)  # the clean close after it

    live = _corpus(tmp_path / "live.qlab")
    with _writer(live, "stay") as p:
        try:
            assert p.stdout.readline() == "done\n"
            with Store(live) as s:  # cannot tell a live writer from a crash: check
                assert s.checked
        finally:
            p.communicate("\n")


def _add_one(store):
    art = parse_text("Second\n\nThe mayor said it twice.", "b.txt")
    store.add_article(art, [], tokenize(art.text))


def _opened_in_worker(path, holder, send):
    """In a worker process: whether its open of the corpus ran the full check, and the
    damage it found."""
    with Store(path, holder=holder) as s:
        send.send((s.checked, s.damage))


def _in_worker(path, holder):
    receive, send = CONTEXT.Pipe(duplex=False)
    worker = CONTEXT.Process(target=_opened_in_worker, args=(path, holder, send))
    worker.start()
    send.close()
    said = receive.recv()  # (EOFError if the worker ended without a word)
    worker.join()
    return said


DAMAGED = ["article 2: offsets outside the text"]


def _corpus_with_a_damaged_row(path):
    """A corpus whose article 2 has a row only the full check's scan finds (no article
    is read here): whether an open ran the full check shows in its damage."""
    _corpus(path, n=3)
    _edit(path, "UPDATE attributions SET quote_end = 999999 WHERE article_id = 2")
    return path


def test_a_worker_opens_the_corpus_its_parent_holds_without_the_full_check(tmp_path):
    """The refit after D, an import and a training open the corpus in a process of their
    own while the app holds it, with its -wal beside it: each ran the full check, whose
    cost grows with the corpus. With its parent's holder, a worker opens it as its
    parent did; without one, or with another process's, it checks as before."""
    path = _corpus_with_a_damaged_row(tmp_path / "c.qlab")
    assert holder_of(path) is None
    with Store(path) as s:
        _add_one(s)
        assert Path(f"{path}-wal").stat().st_size > 0 and not s.checked
        held = holder_of(path)
        assert held == Holder(path.resolve(), os.getpid())
        assert _in_worker(path, held) == (False, [])
        assert _in_worker(path, None) == (True, DAMAGED)  # (a second process, as before)
        assert _in_worker(path, Holder(held.path, os.getppid())) == (True, DAMAGED)
        other = _corpus(tmp_path / "other.qlab")
        with Store(other):
            assert _in_worker(path, holder_of(other)) == (True, DAMAGED)
    assert holder_of(path) is None


def _hold_start_a_worker_and_crash(path, send):
    """Hold the corpus, write, start a worker with this process's holder, and end with
    the commits in the -wal (a crash)."""
    store = Store(path)
    _add_one(store)
    worker = CONTEXT.Process(target=_open_once_parent_ended, args=(path, holder_of(path), send))
    worker.start()
    os._exit(0)


def _open_once_parent_ended(path, holder, send):
    parent = parent_process()
    assert parent is not None
    parent.join()
    _opened_in_worker(path, holder, send)


def test_a_worker_whose_parent_crashed_holding_the_corpus_runs_the_full_check(tmp_path):
    """Nobody holds the -wal a crash left: a holder from a process that has ended is
    no reason to trust it."""
    path = _corpus_with_a_damaged_row(tmp_path / "c.qlab")
    receive, send = CONTEXT.Pipe(duplex=False)
    holder = CONTEXT.Process(target=_hold_start_a_worker_and_crash, args=(path, send))
    holder.start()
    send.close()
    assert receive.recv() == (True, DAMAGED)
    holder.join()
    assert holder.exitcode == 0


def _damaged_page(path, status=Status.TODO):
    """A corpus of four long articles (of ``status``); the overflow page holding the
    middle of the third one's text gets a next-page pointer past the end of the file."""
    with Store(path) as s:
        for i in range(4):
            filler = "Words were said here. " * 500
            text = f"Headline {i}\n\n{filler}{MARK if i == 2 else ''}{filler}"
            art = parse_text(text, f"a{i}.txt")
            art.status = status
            s.add_article(art, [], tokenize(art.text))
    data = bytearray(path.read_bytes())
    page_size = int.from_bytes(data[16:18], "big")
    page = data.index(MARK.encode()) // page_size * page_size
    data[page : page + 4] = (2**31 - 1).to_bytes(4, "big")
    path.write_bytes(bytes(data))
    return path


def test_a_damaged_page_is_named_where_it_is_read_and_refused_by_the_check(tmp_path):
    path = _damaged_page(tmp_path / "c.qlab")
    before = path.read_bytes()
    with Store(path) as s:  # the cheap open does not read article pages
        assert s.article_ids() == [1, 2, 3, 4] and not s.checked
        assert s.article(1).title == "Headline 0"
        for read in (s.article, s.attributions, s.tokens):
            with pytest.raises(CorpusError, match="the corpus is damaged .*main.py check"):
                read(3)
        assert s.article(4).title == "Headline 3"  # the rest still reads
    with pytest.raises(CorpusError, match="(?s)the corpus is damaged .*not modified"):
        Store(path, check=True)
    r = subprocess.run(
        [sys.executable, str(ROOT / "main.py"), "--db", str(path), "check"],
        capture_output=True,
        text=True,
    )
    assert r.returncode == 1 and "the corpus is damaged" in r.stderr, r.stderr
    assert "Traceback" not in r.stderr
    assert path.read_bytes() == before


@pytest.mark.slow
@pytest.mark.parametrize("command", [["report"], ["export", "--out"]])
def test_a_command_that_meets_a_damaged_page_says_so_without_a_traceback(tmp_path, command):
    """The report reads the corpus's rows with SQL of its own, and the export's
    cleanup ran a statement after the damage: both ended in SQLite's traceback. (The
    report reads the text of done articles only: these are done.)"""
    path = _damaged_page(tmp_path / "c.qlab", Status.DONE)
    out = [tmp_path / "out.jsonl"] if command[0] == "export" else []
    r = run_main("--db", path, *command, *out)
    assert r.returncode == 1 and "Traceback" not in r.stderr, r.stderr
    assert "the corpus is damaged" in r.stderr and "main.py check" in r.stderr


@pytest.mark.parametrize(
    "sql",
    [
        "UPDATE attributions SET confidence = 'high' WHERE article_id = 1",
        "UPDATE attributions SET speaker_name = x'00ff' WHERE article_id = 1",
    ],
)
@pytest.mark.slow
def test_a_value_of_the_wrong_kind_is_found_by_the_scan_and_left_out_of_exports(tmp_path, sql):
    """A REAL or TEXT column holds any kind of value in SQLite: a text confidence passed
    the scan and ended the export (which builds its rows in worker processes) in a
    traceback."""
    path = _corpus(tmp_path / "c.qlab")
    _edit(path, sql)
    with Store(path, check=True) as s:
        (message,) = s.damage
        assert message.startswith("article 1: attribution 1 has an unknown")
        assert s.article_ids() == [2]
    r = run_main("--db", path, "export", "--out", tmp_path / "out.jsonl")
    assert "Traceback" not in r.stderr and "damaged, left out: article 1" in r.stderr
    assert r.returncode == 1  # something was left out
    assert len((tmp_path / "out.jsonl").read_text(encoding="utf-8").splitlines()) == 1


def test_a_truncated_file_is_refused_by_the_cheap_open(tmp_path):
    path = _corpus(tmp_path / "c.qlab", n=40)
    conn = sqlite3.connect(path)
    (pages,) = conn.execute("PRAGMA page_count").fetchone()
    conn.close()
    assert pages > 4
    path.write_bytes(path.read_bytes()[: 4096 * (pages // 2)])
    before = path.read_bytes()
    with pytest.raises(CorpusError, match="shorter than its header says"):
        Store(path)
    assert path.read_bytes() == before and _files(path) == ["c.qlab"]


def test_opening_a_damaged_article_in_review_says_why_and_the_list_drops_it(tmp_path):
    path = _corpus(tmp_path / "c.qlab", n=3)
    _edit(path, "UPDATE attributions SET quote_end = 999999 WHERE article_id = 2")
    with Store(path) as s:
        session = ReviewSession(s)
        assert s.article_ids() == [1, 2, 3]  # nothing read yet
        session.open(1)
        delta = session.open(2)
        assert "article 2: offsets outside the text" in (delta.error or "")
        assert delta.statuses  # the list is read again: without article 2
        assert s.article_ids() == [1, 3] and session.article.id == 1

    _edit(path, "UPDATE attributions SET quote_end = 999999 WHERE article_id = 1")
    with Store(path) as s:  # the article opened first (the last one reviewed) is damaged
        delta = ReviewSession(s).open(1)
        assert "article 1: offsets outside the text" in delta.error
        assert delta.article and delta.summary.id == 3  # the next sound one is open


def test_next_article_and_counts_pass_over_damaged_articles(tmp_path):
    path = _corpus(tmp_path / "c.qlab", n=4)
    _edit(
        path,
        "UPDATE attributions SET quote_end = 999999 WHERE article_id IN (2, 3)",
        "UPDATE articles SET status = 'finished' WHERE id = 4",
        ignore_checks=True,
    )
    with Store(path, check=True) as s:
        assert sorted(s.damaged_ids) == [2, 3, 4]
        assert s.neighbour(1, +1) is None and s.neighbour(1, -1) is None
        assert s.neighbour(2, +1) == 1 and s.neighbour(4, +1, todo_only=True) == 1
        assert s.status_counts() == {Status.TODO: 3, Status.IN_PROGRESS: 0, Status.DONE: 0}
        assert s.article_count() == 1 and s.article_count("bridge") == 1
