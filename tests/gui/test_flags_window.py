"""Flags in the window (issue 22, item 2; docs/adr/0033): the keys of the one keymap
flag the attribution and the article, a comment comes through the ask dialog; the
table marks the state and gives the comment as a plain-text tooltip, the list marks the
article; undo takes each back in one step. A real window, offscreen."""

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QInputDialog, QLineEdit

from gui.keymap import BY_ID, Act
from gui.plain import plain
from tests.gui.conftest import back_in, press, when_modal

MARK = "\u2691"
TIP = Qt.ItemDataRole.ToolTipRole


def _state_cell(w):
    model = w.table.model()
    index = model.index(w.session.index, 3)
    return model.data(index), model.data(index, TIP)


def _list_status(w):
    model = w.articles.model
    row = model.rows.row_of(w.session.article.id)
    return model.data(model.index(row, 2))


def _type_comment(text):
    def act(dialog):
        edit = dialog.findChild(QLineEdit)
        edit.selectAll()
        QTest.keyClicks(edit, text)
        QTest.keyClick(edit, Qt.Key.Key_Return)

    return act


def test_the_keys_are_in_the_keymap():
    assert [
        BY_ID[a].keys for a in (Act.FLAG, Act.COMMENT, Act.FLAG_ARTICLE, Act.COMMENT_ARTICLE)
    ] == [
        ("!",),
        (";",),
        ("#",),
        (":",),
    ]


def test_flag_and_comment_by_keys_shown_and_undone(make_window, small, qtbot):
    w = make_window(small)
    s = w.session
    attr_id = s.current.id
    assert not _state_cell(w)[0].startswith(MARK) and not _list_status(w).startswith(MARK)

    press(w, "!")
    assert s.current.flagged and s.store.attribution(attr_id)[1].flagged
    shown, tip = _state_cell(w)
    assert shown.startswith(MARK) and tip == plain("Flagged as unsure")
    assert _list_status(w).startswith(MARK)

    seen = when_modal(QInputDialog, _type_comment("<b>who</b> said it?"))
    press(w, ";")
    assert len(seen) == 2
    back_in(qtbot, w)
    assert s.current.comment == "<b>who</b> said it?"
    tip = _state_cell(w)[1]
    assert tip == plain("Flagged as unsure: <b>who</b> said it?") and "<b>" not in tip

    press(w, "Ctrl+Z")
    assert s.current.flagged and s.current.comment == ""
    press(w, "Ctrl+Z")
    assert not s.current.flagged and not s.store.attribution(attr_id)[1].flagged
    assert not _state_cell(w)[0].startswith(MARK) and not _list_status(w).startswith(MARK)


def test_article_flag_by_keys(make_window, small, qtbot):
    w = make_window(small)
    s = w.session
    art = s.article.id
    press(w, "#")
    assert s.article.flagged and s.store.article(art).flagged
    assert _list_status(w).startswith(MARK)
    when_modal(QInputDialog, _type_comment("check the byline"))
    press(w, ":")
    back_in(qtbot, w)
    assert s.store.article(art).comment == "check the byline"
    press(w, "#")
    assert not s.store.article(art).flagged and not _list_status(w).startswith(MARK)
    press(w, "Ctrl+Z")
    assert s.store.article(art).comment == "check the byline"
    assert _list_status(w).startswith(MARK)
