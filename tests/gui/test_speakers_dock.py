"""The speakers dock in the real window (issue 20): speakers with kind and count, the
likely duplicates with one key to merge and one to dismiss (remembered after reopening,
undone by the undo key), and the known speakers list from the File menu."""

import pytest

from core.corpus import queries
from core.corpus.store import Store
from core.model import Speaker, SpeakerKind
from core.review import commands as cmd
from core.review import speaker_edit as se
from gui import dialogs
from tests.gui.conftest import press


@pytest.fixture
def twins(small):
    """The small corpus with two likely duplicates: Cole (a part of Ben Cole) and
    ANA RUIZ (Ana Ruiz up to case)."""
    with Store(small) as s:
        cmd.apply(s, se.rename(s, "Critics", "Cole"))
        cmd.apply(s, se.rename(s, "The union", "ANA RUIZ"))
    return small


def rows(w):
    p = w.tools.speakers
    return {
        p.proxy.index(i, 0).data(): (p.proxy.index(i, 1).data(), p.proxy.index(i, 2).data())
        for i in range(p.proxy.rowCount())
    }


def pairs(w):
    c = w.tools.speakers.candidates
    return [c.item(i).text() for i in range(c.count())]


@pytest.mark.slow
def test_the_dock_lists_speakers_and_merges_a_pair_in_one_key(make_window, twins, qtbot):
    w = make_window(twins)
    press(w, "Ctrl+Shift+P")
    assert rows(w)["Ana Ruiz"] == ("person?", "3")  # guessed kind: marked
    assert pairs(w) == ["Ana Ruiz \u2190 ANA RUIZ", "Ben Cole \u2190 Cole"]
    assert "\n" not in w.tools.speakers.candidates.item(0).toolTip()
    log = len(w.store.decisions())
    press(w, "Ctrl+Shift+M")  # the first pair, the surest
    qtbot.waitUntil(lambda: "ANA RUIZ" not in rows(w))
    assert rows(w)["Ana Ruiz"] == ("person?", "4") and pairs(w) == ["Ben Cole \u2190 Cole"]
    assert len(w.store.decisions()) == log + 1
    w.view.setFocus()
    press(w, "Ctrl+Z")
    qtbot.waitUntil(lambda: "ANA RUIZ" in rows(w))
    assert len(pairs(w)) == 2


@pytest.mark.slow  # (two windows)
def test_a_dismissed_pair_stays_dismissed_after_reopening(make_window, twins, qtbot):
    w = make_window(twins)
    press(w, "Ctrl+Shift+P")
    c = w.tools.speakers.candidates
    c.setCurrentRow(1)  # Ben Cole and Cole
    press(w, "Ctrl+Shift+D")
    qtbot.waitUntil(lambda: pairs(w) == ["Ana Ruiz \u2190 ANA RUIZ"])
    w.close()
    again = make_window(twins)
    press(again, "Ctrl+Shift+P")
    qtbot.waitUntil(lambda: pairs(again) == ["Ana Ruiz \u2190 ANA RUIZ"])


def test_file_menu_imports_and_exports_the_known_speakers(
    make_window, small, qtbot, tmp_path, monkeypatch
):
    listed = tmp_path / "known.jsonl"
    listed.write_text('{"name": "Reuters", "kind": "organisation", "aliases": ["Reuters news"]}\n')
    monkeypatch.setattr(dialogs, "ask_speakers_list", lambda parent: listed)
    w = make_window(small)
    press(w, "Ctrl+Shift+L")
    qtbot.waitUntil(lambda: "Saved: import 1 known speaker" in w.statusBar().currentMessage())
    with Store(small) as s:
        (reuters,) = queries.speakers_named(s, ["Reuters"])
    assert reuters.aliases == ("Reuters news",)
    out = tmp_path / "out.csv"
    monkeypatch.setattr(dialogs, "ask_speakers_out", lambda parent, corpus: out)
    press(w, "Ctrl+Shift+E")
    qtbot.waitUntil(lambda: "known speaker(s) to" in w.statusBar().currentMessage())
    assert "Reuters,organisation,Reuters news," in out.read_text()


def test_a_bad_list_is_refused_with_its_lines_named(make_window, small, qtbot, monkeypatch):
    bad = small.with_name("bad.jsonl")
    bad.write_text('{"name": "A"}\n{"name": "B", "kind": "robot"}\n')
    monkeypatch.setattr(dialogs, "ask_speakers_list", lambda parent: bad)
    said = []
    monkeypatch.setattr(dialogs, "error", lambda parent, title, message: said.append(message))
    w = make_window(small)
    press(w, "Ctrl+Shift+L")
    qtbot.waitUntil(lambda: bool(said))
    assert "bad.jsonl line 2: kind 'robot'" in said[0]
    with Store(small) as s:
        assert not queries.speakers_named(s, ["A"])


def test_f3_types_a_speaker_s_kind_and_external_id(make_window, small, qtbot, monkeypatch):
    from PySide6.QtCore import QItemSelectionModel

    asked = []

    def answer(parent, speaker):
        asked.append(speaker.name)
        return SpeakerKind.ORGANISATION, " Q1234 "

    monkeypatch.setattr(dialogs, "ask_speaker_identity", answer)
    w = make_window(small)
    press(w, "Ctrl+Shift+P")
    p = w.tools.speakers
    row = next(i for i in range(p.proxy.rowCount()) if p.proxy.index(i, 0).data() == "The union")
    p.table.selectionModel().select(
        p.proxy.index(row, 0),
        QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows,
    )
    press(w, "F3")
    qtbot.waitUntil(lambda: rows(w).get("The union", ("",))[0] == "organisation")
    assert asked == ["The union"]
    with Store(small) as s:
        assert queries.speakers_named(s, ["The union"])[0].external_id == "Q1234"


def test_e_completes_from_the_known_speakers_too(make_window, small):
    with Store(small) as s:
        listed = [Speaker("Dmitry Peskov", SpeakerKind.PERSON)]
        cmd.apply(s, se.import_known(s, listed, "list"))
    w = make_window(small)
    names = w.tools.speaker_names()
    assert names[:4] == ["Ana Ruiz", "Ben Cole", "Critics", "The union"]  # quoted first
    assert names[4:] == ["Dmitry Peskov", "Officials"]  # (Officials: a rejected quote only)
