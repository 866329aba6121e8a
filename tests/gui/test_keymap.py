from PySide6.QtGui import QKeySequence

from gui import keymap
from gui.cheatsheet import CheatSheet
from tests.conftest import ROOT
from tests.gui.conftest import back_in, press, when_modal


def test_no_key_is_bound_twice():
    assert keymap.duplicates() == []


def test_duplicate_detection_works(monkeypatch):
    extra = keymap.Binding("twin", ("a",), "Review", "A twin of accept")
    monkeypatch.setattr(keymap, "KEYMAP", (*keymap.KEYMAP, extra))
    assert keymap.duplicates() == ["a: accept and twin"]


def test_every_binding_is_an_action_with_its_keys(make_window, sample_copy):
    w = make_window(sample_copy)
    for b in keymap.KEYMAP:
        action = w.actions_by_id[b.id]
        assert [s.toString() for s in action.shortcuts()] == [
            QKeySequence(k).toString() for k in b.keys
        ]
        assert action.parent() is w or action in w.actions()


def test_readme_table_is_the_keymap():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert keymap.markdown_table() in readme


def test_cheat_sheet_opens_on_question_mark_and_lists_every_key(make_window, sample_copy, qtbot):
    w = make_window(sample_copy)
    rows = []

    def read_and_close(dialog):
        table = dialog.table
        rows.append({table.item(r, 0).text() for r in range(table.rowCount())})
        dialog.reject()

    for key in ("?", "F1"):
        back_in(qtbot, w)
        seen = when_modal(CheatSheet, read_and_close)
        press(w, key)
        assert len(seen) == 2
    assert len(rows) == 2 and all(len(r) == len(keymap.KEYMAP) for r in rows)
    assert rows[0] >= {"J", "A", "? / F1"}
