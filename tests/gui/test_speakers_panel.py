"""The speakers panel: names with counts, filter, jump to a speaker, rename or merge by
signal (the host turns it into one core command)."""

import pytest
from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtTest import QTest

from core.corpus import queries
from core.corpus.store import Store
from core.review import commands as cmd
from core.review import speaker_edit as se
from gui import dialogs
from gui.speakers_panel import SpeakersPanel
from tests.core.small_corpus import build


@pytest.fixture
def panel(qtbot, tmp_path):
    path = build(tmp_path / "small.qlab")
    with Store(path) as store:
        p = SpeakersPanel(queries.speaker_counts(store))
    qtbot.addWidget(p)
    p.show()
    qtbot.waitExposed(p)
    p.corpus = path
    return p


def rows(p):
    return [
        (p.proxy.index(i, 0).data(), p.proxy.index(i, 2).data()) for i in range(p.proxy.rowCount())
    ]


def select(p, *names):
    sel = p.table.selectionModel()
    sel.clearSelection()
    for i in range(p.proxy.rowCount()):
        if p.proxy.index(i, 0).data() in names:
            sel.select(
                p.proxy.index(i, 0),
                QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows,
            )


def test_lists_names_most_quoted_first_and_filters(panel):
    assert rows(panel)[:2] == [("Ana Ruiz", "3"), ("Ben Cole", "2")]
    assert sorted(rows(panel)[2:]) == [("Critics", "1"), ("The union", "1")]
    assert panel.names() == ["Ana Ruiz", "Ben Cole", "Critics", "The union"]
    # Ana Ruiz's 3 hold a suggestion of Taxes nobody decided: the panel says they count
    assert "unreviewed suggestions included" in panel.note.text() and panel.note.isVisibleTo(panel)
    QTest.keyClicks(panel.filter, "cole")
    assert rows(panel) == [("Ben Cole", "2")]


def test_enter_on_a_row_asks_for_its_quotes(panel, qtbot):
    panel.table.setFocus()
    panel.table.setCurrentIndex(panel.proxy.index(1, 0))
    with qtbot.waitSignal(panel.chosen) as got:
        QTest.keyClick(panel.table, Qt.Key.Key_Return)
    assert got.args == ["Ben Cole"]


def test_merge_by_signal_then_the_host_applies_it(panel, qtbot, monkeypatch):
    assert not panel.rename_button.isEnabled()
    select(panel, "Critics", "The union")
    assert panel.rename_button.isEnabled()
    monkeypatch.setattr(dialogs, "ask_name", lambda *a, **k: "Others")
    with qtbot.waitSignal(panel.rename_requested) as got:
        panel.rename_button.click()
    assert got.args == [["Critics", "The union"], "Others"]
    with Store(panel.corpus) as store:  # what the host window does with it
        cmd.apply(store, se.merge(store, *got.args))
        panel.set_speakers(queries.speaker_counts(store))
    assert ("Others", "2") in rows(panel) and len(rows(panel)) == 3


def test_a_cancelled_or_unchanged_rename_asks_nothing(panel, qtbot, monkeypatch):
    select(panel, "Ana Ruiz")
    for answer in ["Ana Ruiz", None, "  "]:
        monkeypatch.setattr(dialogs, "ask_name", lambda *a, answer=answer, **k: answer)
        with qtbot.assertNotEmitted(panel.rename_requested):
            panel.ask_rename()
