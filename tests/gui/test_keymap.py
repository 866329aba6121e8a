import pytest
from PySide6.QtGui import QKeySequence

from gui import keymap
from gui.cheatsheet import CheatSheet
from tests.conftest import ROOT
from tests.gui.conftest import back_in, press, when_modal


def test_no_key_is_bound_twice():
    assert keymap.duplicates() == []


def test_only_the_declared_pairs_share_a_key(monkeypatch):
    """1, 2 and 3 take a version of an item or set the type; no other pair may share."""
    assert {b.id for b in keymap.KEYMAP if b.keys == ("1",)} == {"take_1", "type_direct"}
    monkeypatch.setattr(keymap, "SHARED", {})
    assert keymap.duplicates() == [
        "1: type_direct and take_1",
        "2: type_mixed and take_2",
        "3: type_indirect and take_3",
    ]


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


@pytest.mark.slow
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
    listed = {" / ".join(b.keys) for b in keymap.EVERY}  # (1, 2, 3: two actions each)
    assert len(rows) == 2 and all(r == listed for r in rows)
    assert rows[0] >= {"J", "A", "? / F1"}


def test_no_key_name_outside_the_keymap():
    """Hints, placeholders and messages say {action}; only the keymap names keys."""
    import re

    sources = [p for p in (ROOT / "gui").glob("*.py") if p.name != "keymap.py"]
    sources.append(ROOT / "core" / "review" / "session.py")
    words = {"Left", "Right", "Up", "Down", "Tab", "Delete", "F1"}  # also plain words (F1 score)
    names = {k for b in keymap.EVERY for k in b.keys if "+" in k or len(k) > 1} - words
    for path in sources:
        code = path.read_text(encoding="utf-8")
        for prefix, literal in re.findall(r'(f?)"([^"\n]*)"', code):
            assert not any(n in literal for n in names), (path.name, literal)
            if prefix:
                continue  # an f-string's braces are its own
            for action in re.findall(r"\{(\w+)\}", literal):
                if action != "target":
                    assert keymap.Act(action), (path.name, literal)
    assert keymap.fill("{undo} undoes, {label_quote} quotes") == "Ctrl+Z undoes, Q quotes"
    # a name from a file, in braces, is no action: said as it is
    assert keymap.fill("take {x}'s version: {undo}") == "take {x}'s version: Ctrl+Z"


@pytest.mark.slow
def test_text_size_is_remembered(make_window, sample_copy):
    w = make_window(sample_copy)
    size = w.view.font().pointSize()
    press(w, "Ctrl++", "Ctrl++")
    assert w.view.font().pointSize() == size + 2
    w.close()
    w = make_window(sample_copy)
    assert w.view.font().pointSize() == size + 2
    press(w, "Ctrl+-")
    assert w.view.font().pointSize() == size + 1
    press(w, "Ctrl+0")
    assert w.view.font().pointSize() == size


@pytest.mark.slow
def test_jump_to_an_attribution_by_number(make_window, sample_copy, qtbot):
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QInputDialog, QSpinBox

    w = make_window(sample_copy)

    def type_number(dialog):
        box = dialog.findChild(QSpinBox)
        box.selectAll()
        QTest.keyClicks(box, "12")
        QTest.keyClick(box, Qt.Key.Key_Return)

    when_modal(QInputDialog, type_number)
    press(w, "Ctrl+G")
    assert w.session.index == 11 and w.table.currentIndex().row() == 11
    back_in(qtbot, w)
