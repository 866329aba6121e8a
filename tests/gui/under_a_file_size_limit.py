"""Run by tests/gui/test_failing_disk.py in a process of its own (pytest collects no
file of this name by itself): the window with a corpus open, then a file size limit
(``RLIMIT_FSIZE``, SIGXFSZ ignored: writes past it fail with EFBIG) while review keys,
an import and an export write. Each says in the status bar that the write failed and
why, and the screen keeps what the file holds."""

import resource
import signal

import pytest
from PySide6.QtWidgets import QMessageBox

from gui.dialogs import ExportChoice
from tests.conftest import DATA
from tests.gui.conftest import press

LIMIT = 4096  # a commit writes more than this to an empty -wal


@pytest.fixture
def limited(small, make_window):
    """The window on the small corpus, its -wal emptied, then the limit; lifted after."""
    w = make_window(small)
    press(w, "a")
    assert w.statusBar().currentMessage() == "Saved: accept."
    w.store._conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    assert w.session.stack.done[-1].label == "accept"  # the undo history read, as after Ctrl+Z
    print("acknowledged", w.session.attrs[0].id, flush=True)
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    resource.setrlimit(resource.RLIMIT_FSIZE, (LIMIT, resource.RLIM_INFINITY))
    yield w
    resource.setrlimit(resource.RLIMIT_FSIZE, (resource.RLIM_INFINITY,) * 2)


def not_saved(w) -> None:
    """The status bar says the write failed and why, and so does a dialog, closed here
    (it is window-modal: keys would not reach the window)."""
    message = w.statusBar().currentMessage()
    assert "not saved" in message and "file size limit" in message, message
    (box,) = [b for b in w.findChildren(QMessageBox) if b.isVisible()]
    assert "file size limit" in box.text()
    box.close()


def test_review_keys(limited):
    w = limited
    current = w.session.current
    row = w.session.index
    press(w, "a")  # accept: refused
    not_saved(w)
    assert w.session.current == current and w.session.index == row  # the screen as the file
    assert w.table.attributions.index(row, 3).data() == "suggested"
    press(w, "Ctrl+Z")  # undo the acknowledged accept: refused, and still to undo
    not_saved(w)
    assert w.session.attrs[0].state.value == "accepted"
    resource.setrlimit(resource.RLIMIT_FSIZE, (resource.RLIM_INFINITY,) * 2)
    press(w, "Ctrl+Z")  # with room again, the same undo goes through
    assert w.statusBar().currentMessage() == "Undone: accept."
    assert w.session.attrs[0].state.value == "suggested"
    press(w, "Ctrl+Shift+Z")  # and the acknowledged state is back for the parent to check
    assert w.statusBar().currentMessage() == "Redone: accept."


def test_import(limited, qtbot):
    w = limited
    count = w.store.article_count()
    w.import_paths([DATA / "articles"], suggest=False)
    qtbot.waitUntil(lambda: not w.jobs.jobs, timeout=60_000)
    message = w.statusBar().currentMessage()
    assert "stopped" in message and "file size limit" in message, message
    assert w.store.article_count() == count


def test_export(limited, qtbot, tmp_path):
    w = limited
    out = tmp_path / "out.jsonl"
    w.tools.export_to(ExportChoice(out, "jsonl", done_only=False, accepted_only=False))
    qtbot.waitUntil(lambda: not w.jobs.jobs, timeout=60_000)
    message = w.statusBar().currentMessage()
    assert "Exporting failed" in message and "File too large" in message, message
    assert not out.exists()
