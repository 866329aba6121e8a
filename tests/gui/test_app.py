"""Start-up, background jobs (progress, cancel, stale results) and error dialogs."""

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from core.cli.main import app_corpus, build_parser, imports_at_start
from core.corpus.store import Store
from core.formats.import_process import ImportProcess
from gui.app import open_first
from gui.dialogs import ExportChoice
from gui.main_window import MainWindow
from main import launch
from tests.conftest import DATA, ROOT, SAMPLE, run_python
from tests.gui.conftest import back_in, press, when_modal


@pytest.mark.slow
def test_the_app_imports_in_a_worker_process(qtbot, tmp_path):
    """Reviewing needs no pipeline, and loading one in the app's process stalled the
    GUI thread (issue 13): the app imports, suggestions included, in a worker process
    started by the first import, with progress and the report coming back."""
    importer = ImportProcess()
    w = MainWindow(importer)
    qtbot.addWidget(w)
    w.show()
    assert w.open_corpus(tmp_path / "new.qlab")
    assert not importer.started  # nothing started for reviewing
    progress = []
    try:
        with qtbot.waitSignal(w.job_done, timeout=120_000):
            job = w.import_paths([SAMPLE])
            job.signals.progress.connect(lambda d, t: progress.append((d, t)))
        assert len(w.session.attrs) >= 25  # suggested in the worker, stored, shown
        assert "1 article(s)" in w.statusBar().currentMessage() or progress
        assert importer.started
    finally:
        w.close()
        importer.close()


@pytest.mark.slow
def test_a_first_run_loads_the_pipeline_from_launch(qtbot, tmp_path, monkeypatch):
    """A first run imports the sample (or offers to) at once: main.py starts the worker
    and its pipeline before the window, so the load passes on the other core (issue 13,
    launch -> model ready). Any later launch loads nothing."""
    monkeypatch.setenv("QUOTELAB_HOME", str(tmp_path / "home"))
    parse = build_parser().parse_args
    assert imports_at_start(parse(["--sample"])) and imports_at_start(parse([]))
    assert not imports_at_start(parse(["--db", str(tmp_path / "new.qlab")]))
    importer = ImportProcess()
    w = MainWindow(importer)
    qtbot.addWidget(w)
    try:
        assert importer.prepare().result(timeout=120) is None  # loaded, in the worker
        w.show()
        assert w.open_corpus(app_corpus(parse(["--sample"])))
        with qtbot.waitSignal(w.job_done, timeout=120_000):
            w.import_paths([SAMPLE])
        assert len(w.session.attrs) >= 25
        assert not imports_at_start(parse(["--sample"]))  # its corpus exists now
    finally:
        w.close()
        importer.close()


def _articles(tmp_path, n):
    folder = tmp_path / "many"
    folder.mkdir()
    base = [p.read_text(encoding="utf-8") for p in sorted((DATA / "articles").glob("*.txt"))]
    for i in range(n):
        (folder / f"a{i:03}.txt").write_text(base[i % len(base)] + f"\n\nEdition {i}.\n")
    return folder


def test_background_import_with_progress(make_window, tmp_path, qtbot):
    w = make_window(tmp_path / "c.qlab")
    folder = _articles(tmp_path, 3)
    (folder / "broken.txt").write_bytes(b"")
    progress = []
    with qtbot.waitSignal(w.job_done, timeout=60_000):
        job = w.import_paths([folder])
        job.signals.progress.connect(lambda d, t: progress.append((d, t)))
    assert progress[-1] == (4, 4)  # progress counts files read, the refused one too
    assert w.articles.model.rowCount() == 3
    assert (
        w.session.article is not None and w.session.attrs
    )  # the first article opened with suggestions
    box = w.findChild(QMessageBox)
    assert box is not None and "broken.txt" in box.text() and "empty" in box.text()


def test_cancel_stops_an_import(make_window, tmp_path, qtbot):
    w = make_window(tmp_path / "c.qlab")
    folder = _articles(tmp_path, 60)
    with qtbot.waitSignal(w.job_done, timeout=60_000):
        w.import_paths([folder])
        press(w, "Ctrl+Shift+X")
    n = w.articles.model.rowCount()
    assert n < 60
    box = w.findChild(QMessageBox)
    assert box is not None and "cancelled" in box.text()


@pytest.mark.slow
def test_stale_results_are_dropped_after_switching_corpus(make_window, tmp_path, qtbot):
    first = tmp_path / "first.qlab"
    w = make_window(first)
    with qtbot.waitSignal(w.job_done, timeout=60_000):
        w.import_paths([SAMPLE])
        w.open_corpus(tmp_path / "second.qlab")
    assert w.articles.model.rowCount() == 0 and w.session.article is None
    with Store(first) as s:
        assert len(s.article_ids()) == 1  # the job finished its work in its own corpus


def test_bad_corpus_gets_a_dialog_and_the_open_one_stays(make_window, sample_copy, tmp_path):
    w = make_window(sample_copy)
    bad = tmp_path / "bad.qlab"
    bad.write_bytes(b"not sqlite at all")
    assert not w.open_corpus(bad)
    box = w.findChild(QMessageBox)
    assert str(bad) in box.text() and "not a QuoteLab corpus" in box.text()
    assert w.store.path == sample_copy and w.session.article is not None
    assert bad.read_bytes() == b"not sqlite at all"


def test_read_only_corpus_refuses_edits_with_a_message(make_window, sample_copy, tmp_path):
    w = make_window(sample_copy)
    w.close()
    copy = tmp_path / "ro.qlab"
    shutil.copy(sample_copy, copy)
    w = make_window(copy)
    assert w.open_corpus(copy, read_only=True)
    assert "[read-only]" in w.windowTitle()
    before = [a.state for a in w.session.attrs]
    press(w, "A")
    assert [a.state for a in w.session.attrs] == before
    texts = [b.text() for b in w.findChildren(QMessageBox)]
    assert any("read-only" in t for t in texts)


def test_mouse_selection_plus_label_key(make_window, sample_copy):
    w = make_window(sample_copy)
    text = w.session.article.text
    start = text.index("many expected him")
    cursor = w.view.textCursor()
    cursor.setPosition(start + 2)  # inside "many": snaps to whole tokens
    cursor.setPosition(start + 15, cursor.MoveMode.KeepAnchor)  # inside "him"
    w.view.setTextCursor(cursor)
    press(w, "Q")
    assert text[w.session.current.quote.start : w.session.current.quote.end] == "many expected him"


def test_first_run_offers_the_sample(make_window, tmp_path, qtbot):
    w = make_window(tmp_path / "empty.qlab")
    assert w.articles.progress.text() == "no articles yet"
    box = w.offer_sample()
    assert "sample article" in box.text()
    with qtbot.waitSignal(w.job_done, timeout=60_000):
        box.button(QMessageBox.StandardButton.Yes).click()
    assert w.articles.model.rowCount() == 1 and len(w.session.attrs) >= 25


def test_the_sample_is_offered_on_a_first_run_only(qtbot, tmp_path, monkeypatch):
    """The question came back at every launch while the corpus was empty, and took the
    first keys typed: an "n" in a path typed for Ctrl+I answered No."""
    monkeypatch.setenv("QUOTELAB_HOME", str(tmp_path / "home"))
    for asked in (True, False):  # the first run, then the same empty corpus again
        w = MainWindow(ImportProcess())
        qtbot.addWidget(w)
        args = build_parser().parse_args([])
        box = open_first(w, launch(args, imports_at_start(args)))
        assert (box is not None) == asked and w.articles.totals.articles == 0
        if box is not None:
            box.button(QMessageBox.StandardButton.No).click()
        assert "No articles yet" in w.view.placeholderText()  # and the keys that import
        w.close()


@pytest.mark.slow
def test_typing_a_speaker_name_by_keys(make_window, sample_copy, qtbot):
    """Item 8: after the dialog closed, the active window was sometimes still the
    dialog, so the next key went nowhere. The dialog is now gone before the window
    goes on, and the test waits for the window to have the keyboard, not for time."""
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QInputDialog, QLineEdit

    w = make_window(sample_copy)

    def type_name(dialog):  # select all, type, Enter
        edit = dialog.findChild(QLineEdit)
        edit.selectAll()
        QTest.keyClicks(edit, "Donald J. Trump and Vladimir Putin")
        QTest.keyClick(edit, Qt.Key.Key_Return)

    seen = when_modal(QInputDialog, type_name)
    press(w, "E")
    assert len(seen) == 2 and w.session.current.speaker_name == "Donald J. Trump and Vladimir Putin"
    back_in(qtbot, w)
    press(w, "Ctrl+Z")
    assert w.session.current.speaker_name == "both leaders"


@pytest.mark.slow
def test_export_runs_in_the_background(make_window, sample_copy, tmp_path, qtbot):
    import json

    w = make_window(sample_copy)
    press(w, "A", *["X"] * (len(w.session.attrs) - 1), "D")  # one accepted, the rest rejected
    out = tmp_path / "gui-export.jsonl"
    with qtbot.waitSignal(w.job_done, timeout=60_000):
        w.tools.export_to(ExportChoice(out, "jsonl", done_only=True, accepted_only=True))
    (task,) = [json.loads(line) for line in out.read_text().splitlines()]
    assert [q["state"] for q in task["quotes"]] == ["accepted"]


def test_a_corpus_named_on_the_command_line_that_does_not_exist_is_created_only_when_asked(
    qtbot, tmp_path, suggester
):
    """`main.py typo.qlab` used to create an empty corpus without a word; now the window
    asks first, No leaves no file and no corpus, Yes (or --create) creates it."""
    w = MainWindow(suggester)
    qtbot.addWidget(w)
    w.show()
    typo = tmp_path / "typo.qlab"
    box = open_first(w, launch(build_parser().parse_args(["--db", str(typo)]), False))
    assert box is not None and f"{typo} does not exist" in box.text()
    box.button(QMessageBox.StandardButton.No).click()
    assert w.store is None and not typo.exists()
    assert w.view.placeholderText().startswith("No corpus open.")  # and the keys for one

    box = open_first(w, launch(build_parser().parse_args(["--db", str(typo)]), False))
    assert box is not None
    box.button(QMessageBox.StandardButton.Yes).click()
    assert w.store is not None and w.store.path == typo and typo.exists()
    assert w.view.placeholderText().startswith("No articles yet.")

    other = tmp_path / "other.qlab"
    made = launch(build_parser().parse_args(["--create", "--db", str(other)]), False)
    assert open_first(w, made) is None
    assert w.store.path == other and other.exists()
    w.close()


@pytest.mark.slow
def test_reviewing_loads_no_heavy_library(sample_copy):
    """Launch -> window within 0.4 s (issue 13): numpy (pulled in by sqlite-utils),
    pygal and spaCy cost half a second of imports together, and a window
    showing an article needs none of them."""
    code = (
        "import sys\n"
        "from PySide6.QtWidgets import QApplication\n"
        "from core.formats.import_process import ImportProcess\n"
        "import core.cli.main, gui.app\n"
        "app = QApplication([])\n"
        "w = gui.app.MainWindow(ImportProcess())\n"
        "w.show()\n"
        f"assert w.open_corpus(__import__('pathlib').Path({str(sample_copy)!r}))\n"
        "app.processEvents()\n"
        "assert w.session.attrs\n"
        "heavy = ('numpy', 'spacy', 'sqlite_utils', 'pygal')\n"
        "print(sorted(n for n in sys.modules if n.split('.')[0] in heavy))\n"
    )
    out = run_python(code)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "[]"


def test_a_window_shows_what_another_window_saved_when_it_is_activated(
    make_window, sample_copy, qtbot
):
    first = make_window(sample_copy)
    second = make_window(sample_copy)  # the active one now
    assert second.session.article.id == first.session.article.id
    attr_id = first.session.current.id
    row = first.session.index
    press(second, "x")  # reject the same attribution there
    assert first.session.current.state.value == "suggested"  # not taken in yet
    first.activateWindow()
    qtbot.waitUntil(lambda: first.session.current.state.value == "rejected")
    assert first.session.current.id == attr_id
    assert first.table.attributions.index(row, 3).data() == "rejected"  # the state column, redrawn
    assert "changed elsewhere" in first.statusBar().currentMessage()


@pytest.mark.slow
@pytest.mark.parametrize("sig", [signal.SIGINT, signal.SIGTERM])
def test_ctrl_c_or_a_terminate_signal_closes_the_app_as_ctrl_q_does(sample_copy, tmp_path, sig):
    """Ctrl+C in the terminal of `make run` did nothing, and a SIGTERM (a logout) killed
    the app without saving its settings or closing the corpus."""
    home = tmp_path / "home"
    env = dict(os.environ, QUOTELAB_HOME=str(home), QT_QPA_PLATFORM="offscreen")
    wal = Path(f"{sample_copy}-wal")
    with subprocess.Popen(
        [sys.executable, str(ROOT / "main.py"), str(sample_copy)], env=env, cwd=ROOT
    ) as app:
        deadline = time.monotonic() + 60
        while not wal.exists():  # the corpus is open
            assert app.poll() is None and time.monotonic() < deadline
            time.sleep(0.02)
        app.send_signal(sig)
        assert app.wait(timeout=60) == 0
    assert (home / "settings.ini").exists()  # saved by the window's close
    assert not wal.exists()  # the corpus closed cleanly
