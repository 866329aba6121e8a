"""The window on a failing disk: a file size limit while review keys, an import and an
export write (tests/gui/under_a_file_size_limit.py, in a process of its own so the
limit binds only it). Each names the cause in the status bar, never "Saved", and the
corpus keeps what was acknowledged, whole."""

import subprocess
import sys

import pytest
from PySide6.QtWidgets import QMessageBox

from gui.dialogs import ExportChoice
from tests.conftest import DATA, ROOT, fill
from tests.core.corpus.test_failing_disk import state
from tests.core.small_corpus import build
from tests.gui.conftest import press

CHILD = ROOT / "tests" / "gui" / "under_a_file_size_limit.py"


@pytest.mark.slow
@pytest.mark.parametrize("what", ["test_review_keys", "test_import", "test_export"])
def test_a_write_past_the_file_size_limit_says_so_and_keeps_the_file(tmp_path, what):
    base = tmp_path / "base"
    r = subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "-q",
            "-s",
            "-p",
            "no:cacheprovider",
            "--basetemp",
            str(base),
            f"{CHILD}::{what}",
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert r.returncode == 0, r.stdout + r.stderr
    assert "Traceback" not in r.stderr, r.stderr
    path = base / f"{what}0" / "small.qlab"
    ok, states, _logged = state(path)
    acknowledged = int(r.stdout.split("acknowledged ")[1].split()[0])
    fresh = state(build(tmp_path / "fresh.qlab"))[1]
    expected = [(i, "accepted" if i == acknowledged else s) for i, s in fresh]
    assert ok == "ok" and states == expected


@pytest.mark.slow
def test_a_full_disk_under_the_window_is_said_and_the_file_kept(
    small_disk, make_window, qtbot, tmp_path
):
    path = build(small_disk / "small.qlab")
    before = state(path)
    w = make_window(path)
    fill(small_disk)
    row = w.session.index
    press(w, "a")
    message = w.statusBar().currentMessage()
    assert "not saved: the disk is full" in message, message
    assert w.table.attributions.index(row, 3).data() == "suggested"  # the screen as the file
    for box in w.findChildren(QMessageBox):
        box.close()
    w.import_paths([DATA / "articles"], suggest=False)
    qtbot.waitUntil(lambda: not w.jobs.jobs, timeout=60_000)
    message = w.statusBar().currentMessage()
    assert "stopped" in message and "the disk is full" in message, message
    w.tools.export_to(ExportChoice(small_disk / "out.jsonl", "jsonl", False, False))
    qtbot.waitUntil(lambda: not w.jobs.jobs, timeout=60_000)
    message = w.statusBar().currentMessage()
    assert "Exporting failed" in message and "No space left on device" in message, message
    w.close()
    (small_disk / "filler").unlink()
    assert state(path) == before
