"""Around review, in the real window: the Report window (a key, computed in a worker
while review goes on), the speakers dock (jump, rename or merge undone by the undo key,
also after a restart), E completing from the corpus's names, export in any format with
progress and cancel, Save a copy."""

import csv
import json
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QThreadPool
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QFileDialog, QInputDialog, QLineEdit, QWidget

from core.config import data_dir
from core.corpus import queries
from core.corpus.store import Store
from core.model import State
from gui import dialogs, report_window
from gui.dialogs import ExportChoice, ExportDialog, beside
from tests.gui.conftest import Blocker, back_in, press, when_modal


def names(path):
    with Store(path) as s:
        return {speaker.name: n for speaker, n in queries.speaker_counts(s)}


def panel_rows(w):
    p = w.tools.speakers
    return {
        p.proxy.index(i, 0).data(): p.proxy.index(i, 2).data() for i in range(p.proxy.rowCount())
    }


# -- the Report window --------------------------------------------------------------------


def test_report_key_opens_the_window_and_review_goes_on_while_it_computes(
    make_window, small, qtbot, monkeypatch
):
    pool = QThreadPool()
    pool.setMaxThreadCount(1)
    blocker = Blocker()
    pool.start(blocker)  # the report's worker is busy: the report cannot be ready yet
    monkeypatch.setattr(report_window, "job_pool", lambda: pool)
    w = make_window(small)
    try:
        press(w, "Ctrl+R")
        rep = w.tools.report
        assert rep is not None and rep.isVisible() and rep.report is None
        assert rep.status.text() == "Computing the report..."
        w.activateWindow()
        w.view.setFocus()
        qtbot.waitUntil(w.view.hasFocus)
        current = w.session.current.id
        press(w, "A")  # review is not held up by the report
        with Store(small) as s:
            assert s.attribution(current)[1].state is State.ACCEPTED
        assert rep.report is None
    finally:
        blocker.release.set()
    with qtbot.waitSignal(rep.ready, timeout=30_000):
        pass
    assert sum(rep.report.articles_by_status.values()) == 3
    w.close()
    pool.waitForDone(5000)


# -- the speakers dock --------------------------------------------------------------------


def test_speakers_dock_lists_counts_and_jumps_to_each_quote_in_turn(make_window, small, qtbot):
    w = make_window(small)
    a, b, _ = w.store.article_ids()
    w.open_article(b)
    press(w, "Ctrl+Shift+P")
    assert w.tools.dock.isVisible() and w.tools.speakers.filter.hasFocus()
    assert panel_rows(w) == {"Ana Ruiz": "3", "Ben Cole": "2", "Critics": "1", "The union": "1"}
    with Store(small) as s:
        ben = queries.quotes_of(s, "Ben Cole")
    assert [art for art, _ in ben] == [a, b]
    p = w.tools.speakers
    for article, attr in ben:  # Enter on the name: its first quote, then the next
        p.table.setFocus()
        row = next(i for i in range(p.proxy.rowCount()) if p.proxy.index(i, 0).data() == "Ben Cole")
        p.table.setCurrentIndex(p.proxy.index(row, 0))
        QTest.keyClick(p.table, Qt.Key.Key_Return)
        assert w.session.article.id == article and w.session.current.id == attr
        assert w.view.hasFocus()
    press(w, "X")  # reject B's Ben Cole: the counts follow
    qtbot.waitUntil(lambda: panel_rows(w).get("Ben Cole") == "1")


def test_typing_in_the_speakers_dock_never_edits_the_article(make_window, small, qtbot):
    w = make_window(small)
    decisions = len(w.store.decisions())
    press(w, "Ctrl+Shift+P")
    p = w.tools.speakers
    QTest.keyClicks(p.filter, "ana")  # 'a' accepts in review: here it filters
    assert p.proxy.rowCount() == 1 and p.filter.text() == "ana"
    QTest.keyClick(p.filter, Qt.Key.Key_Down)  # into the list, not the token cursor
    assert p.table.hasFocus() and p.selected_names() == ["Ana Ruiz"]
    QTest.keyClicks(p.table, "axd")  # accept, reject, done: none of them from the list
    assert len(w.store.decisions()) == decisions
    p.filter.setFocus()
    QTest.keyClick(p.filter, Qt.Key.Key_Return)  # the first match's first quote
    assert w.session.current.speaker_name == "Ana Ruiz" and w.view.hasFocus()


def test_rename_or_merge_by_keys_only(make_window, small, monkeypatch):
    """The rename had no key, and Tab in the dock switched the review's span instead of
    moving on: F2 renames what is selected (with nothing selected, it says how), and
    Tab moves within the dock."""
    w = make_window(small)
    press(w, "F2")  # nothing selected: the dock opens and says how
    p = w.tools.speakers
    assert w.tools.dock.isVisible() and "then F2." in w.statusBar().currentMessage()
    target = w.session.target
    QTest.keyClick(p.filter, Qt.Key.Key_Tab)
    assert p.table.hasFocus() and w.session.target == target  # not the review's Tab
    p.filter.setFocus()
    QTest.keyClicks(p.filter, "ben")
    QTest.keyClick(p.filter, Qt.Key.Key_Down)
    asked = []
    monkeypatch.setattr(dialogs, "ask_name", lambda *a, **k: asked.append(a) or "Benjamin Cole")
    QTest.keyClick(p.table, Qt.Key.Key_F2)
    assert asked and names(small)["Benjamin Cole"] == 2 and "Ben Cole" not in names(small)


@pytest.mark.slow
def test_rename_from_the_dock_is_one_undo_step_and_survives_a_restart(
    make_window, small, qtbot, monkeypatch
):
    w = make_window(small)
    a, b, _ = w.store.article_ids()
    w.open_article(a)  # A holds one of Ben Cole's quotes and others' (the command's article)
    own = sorted(x.id for x in w.session.attrs)
    w.session.choose(0)
    here = w.session.current.id
    press(w, "Ctrl+Shift+P")
    p = w.tools.speakers
    sel = p.table.selectionModel()
    for i in range(p.proxy.rowCount()):
        if p.proxy.index(i, 0).data() in ("Ben Cole", "Critics"):
            sel.select(p.proxy.index(i, 0), sel.SelectionFlag.Select | sel.SelectionFlag.Rows)
    monkeypatch.setattr(dialogs, "ask_name", lambda *a, **k: "B. Cole")
    with Store(small) as s:
        log = len(s.decisions())
    p.rename_button.click()
    assert names(small) == {"Ana Ruiz": 3, "B. Cole": 3, "The union": 1}
    with Store(small) as s:
        assert len(s.decisions()) == log + 1
    # the reviewer stays where they were; only the open article's records are shown
    assert w.session.article.id == a and w.session.current.id == here
    assert sorted(x.id for x in w.session.attrs) == own
    assert "B. Cole" in {x.speaker_name for x in w.session.attrs}
    qtbot.waitUntil(lambda: panel_rows(w).get("B. Cole") == "3")
    w.view.setFocus()
    press(w, "Ctrl+Z")  # one step takes the whole rename back
    assert names(small) == {"Ana Ruiz": 3, "Ben Cole": 2, "Critics": 1, "The union": 1}
    assert sorted(x.id for x in w.session.attrs) == own
    press(w, "Ctrl+Shift+Z")
    assert names(small)["B. Cole"] == 3
    w.close()
    w = make_window(small)  # a restart: the rename is kept, and still undone by the key
    assert names(small)["B. Cole"] == 3
    press(w, "Ctrl+Z")
    assert names(small) == {"Ana Ruiz": 3, "Ben Cole": 2, "Critics": 1, "The union": 1}


def test_edit_name_completes_from_the_corpus_names(make_window, small, qtbot):
    w = make_window(small)
    w.open_article(w.store.article_ids()[1])
    seen_completions = []

    def type_part(dialog):
        edit = dialog.findChild(QLineEdit)
        edit.clear()
        QTest.keyClicks(edit, "col")  # any part of a name, case aside
        completer = edit.completer()
        seen_completions.append(
            [
                completer.completionModel().index(i, 0).data()
                for i in range(completer.completionCount())
            ]
        )
        dialog.reject()

    seen = when_modal(QInputDialog, type_part)
    press(w, "E")
    assert len(seen) == 2 and seen_completions == [["Ben Cole"]]
    back_in(qtbot, w)


# -- export ---------------------------------------------------------------------------------


def test_export_dialog_chooses_the_format_and_exports_in_the_background(
    make_window, small, tmp_path, qtbot
):
    w = make_window(small)
    out = tmp_path / "Out" / "Corpus.csv"
    out.parent.mkdir()
    suffixes = []

    scopes = []

    def choose(dialog):
        for fmt in ("spacy", "brat", "csv"):
            dialog.set_format(fmt)
            suffixes.append(dialog.path.text())
            scopes.append((dialog.done_only.isChecked(), dialog.accepted_only.isChecked()))
        dialog.path.setText(str(out))
        dialog.accepted_only.setChecked(True)
        dialog.accept()

    progress = []
    seen = when_modal(ExportDialog, choose)
    blocker = Blocker()
    w.jobs.pool.start(blocker)  # the export starts once its progress is listened to
    with qtbot.waitSignal(w.job_done, timeout=60_000):
        press(w, "Ctrl+E")
        w.jobs.jobs[0].signals.progress.connect(lambda d, t: progress.append((d, t)))
        blocker.release.set()
    assert len(seen) == 2 and suffixes == [
        str(small.with_name(n)) for n in ("small.spacy", "small-brat", "small.csv")
    ]
    # the boxes follow core's rule: training data (spaCy) only reviewed, the rest all
    assert scopes == [(True, True), (False, False), (False, False)]
    with out.open(newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    with Store(small) as s:
        accepted = sum(
            a.state is State.ACCEPTED for i in s.article_ids() for a in s.attributions(i)
        )
    assert len(rows) == accepted == 5 and {r["state"] for r in rows} == {"accepted"}
    assert progress[-1] == (3, 3)
    said = w.statusBar().currentMessage()
    assert f"Wrote 3 article(s) with 5 attribution(s) to {out} (csv)" in said  # its capitals
    assert "left out: 3 attribution(s) not accepted" in said


def test_export_can_be_cancelled_and_leaves_nothing(make_window, small, tmp_path, qtbot):
    w = make_window(small)
    blocker = Blocker()
    w.jobs.pool.start(blocker)  # the export waits its turn, so the cancel comes first
    out = tmp_path / "brat-out"
    try:
        job = w.tools.export_to(ExportChoice(out, "brat", False, False))
        assert w.jobs.row(job).cancel_button.isVisible()
        press(w, "Ctrl+Shift+X")
    finally:
        blocker.release.set()
    with qtbot.waitSignal(w.job_done, timeout=60_000):
        pass
    assert job.cancelled and not out.exists()
    assert "cancelled" in w.statusBar().currentMessage()
    with qtbot.waitSignal(w.job_done, timeout=60_000):
        w.tools.export_to(ExportChoice(out, "brat", False, False))
    assert sorted(p.suffix for p in out.iterdir() if p.stem == "000001") == [
        ".ann",
        ".json",
        ".txt",
    ]


# -- Save a copy --------------------------------------------------------------------------


def test_save_a_copy_holds_every_commit(make_window, small, tmp_path, qtbot, monkeypatch):
    w = make_window(small)
    press(w, "A")  # a commit that may still be only in the -wal
    out = tmp_path / "copy.qlab"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), ""))
    with qtbot.waitSignal(w.job_done, timeout=60_000):
        press(w, "Ctrl+Shift+C")
    with Store(small) as s, Store(out) as copy:
        assert copy.decisions() == s.decisions()
        assert [copy.attributions(i) for i in copy.article_ids()] == [
            s.attributions(i) for i in s.article_ids()
        ]
    assert f"Saved a copy of the corpus as {out}" in w.statusBar().currentMessage()


def test_exports_and_copies_go_beside_the_corpus_or_home_from_the_data_directory(qtbot, tmp_path):
    parent = QWidget()
    qtbot.addWidget(parent)
    for corpus, folder in ((tmp_path / "mine.qlab", tmp_path), (data_dir() / "corpus.qlab", None)):
        folder = folder or Path.home()
        dialog = ExportDialog(parent, corpus)
        assert dialog.path.text() == str(folder / f"{corpus.stem}.jsonl")
        dialog.set_format("brat")
        assert dialog.path.text() == str(folder / f"{corpus.stem}-brat")
        assert beside(corpus, "x.qlab") == folder / "x.qlab"


def test_check_the_corpus_names_damaged_rows(make_window, small, qtbot):
    import sqlite3

    from PySide6.QtWidgets import QMessageBox

    w = make_window(small)
    with qtbot.waitSignal(w.job_done, timeout=60_000):
        press(w, "Ctrl+Shift+K")
    assert "no damage found" in w.statusBar().currentMessage()
    a, b, _ = w.store.article_ids()
    conn = sqlite3.connect(small, isolation_level=None)  # another tool breaks a row
    conn.execute("PRAGMA ignore_check_constraints = ON")
    conn.execute(f"UPDATE attributions SET quote_end = 999999 WHERE article_id = {b}")
    conn.close()
    with qtbot.waitSignal(w.job_done, timeout=60_000):
        press(w, "Ctrl+Shift+K")
    qtbot.waitUntil(lambda: any(m.isVisible() for m in w.findChildren(QMessageBox)))
    (box,) = [m for m in w.findChildren(QMessageBox) if m.isVisible()]
    assert f"article {b}: offsets outside the text" in box.text()
    box.close()


def test_the_hint_under_the_window_follows_the_keyboard(make_window, small, qtbot):
    """Typing in the filter or the speakers panel, the status bar still listed the
    review's keys, which wait meanwhile."""
    w = make_window(small)
    assert w.hint.text().startswith("Editing QUOTE")
    press(w, "/")
    qtbot.waitUntil(lambda: w.hint.text().startswith("Filtering the list"))
    assert "Esc back to the article" in w.hint.text()
    press(w, "Esc")
    qtbot.waitUntil(lambda: w.hint.text().startswith("Editing QUOTE"))
    press(w, "Ctrl+Shift+P")
    qtbot.waitUntil(lambda: w.hint.text().startswith("In the speakers panel"))
    assert "F2 renames" in w.hint.text() and "Ctrl+Shift+P back to the article" in w.hint.text()


def test_the_export_dialog_starts_in_the_folder_of_the_last_export(
    make_window, small, tmp_path, qtbot
):
    """Each export started beside the corpus again, whatever folder the last went to."""
    w = make_window(small)
    elsewhere = tmp_path / "exports"
    elsewhere.mkdir()
    shown = []

    def export_there(dialog):
        shown.append(dialog.path.text())
        dialog.path.setText(str(elsewhere / "mine.jsonl"))
        dialog.accept()

    when_modal(ExportDialog, export_there)
    with qtbot.waitSignal(w.job_done, timeout=60_000):
        press(w, "Ctrl+E")
    back_in(qtbot, w)

    def look(dialog):
        shown.append(dialog.path.text())
        dialog.reject()

    when_modal(ExportDialog, look)
    press(w, "Ctrl+E")
    assert shown == [str(small.with_suffix(".jsonl")), str(elsewhere / "small.jsonl")]


def test_the_export_dialog_writes_jsonl_without_tokens_when_asked(
    make_window, small, qtbot, tmp_path
):
    """The command line's --no-tokens, in the window: offered for the formats that
    allow it (JSONL), not for the others."""
    w = make_window(small)
    out = tmp_path / "lean.jsonl"
    offered = {}

    def choose(dialog):
        for fmt in ("brat", "csv", "spacy", "jsonl"):
            dialog.set_format(fmt)
            offered[fmt] = dialog.no_tokens.isEnabled()
        dialog.no_tokens.setChecked(True)
        dialog.path.setText(str(out))
        dialog.accept()

    when_modal(ExportDialog, choose)
    with qtbot.waitSignal(w.job_done, timeout=60_000):
        press(w, "Ctrl+E")
    assert offered == {"brat": False, "csv": False, "spacy": False, "jsonl": True}
    lines = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert lines and all("tokens" not in t and t["quotes"] is not None for t in lines)
