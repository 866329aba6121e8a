"""The app's import of annotations for an article the corpus holds (issue 21): the same
core path as ``main.py import``; the status bar says what changed, the open article is
shown as it is now, and the undo key takes the import's decision back."""

from __future__ import annotations

from core.formats.export import export
from core.model import State, Status
from tests.core.formats.prodigy_edits import tasks, write


def test_the_app_shows_what_an_import_changed_and_undo_takes_it_back(
    qtbot, tmp_path, small, make_window
):
    out = tmp_path / "out.jsonl"
    w = make_window(small)
    export(w.store, out, "jsonl")
    records = tasks(out)
    b = next(t for t in records if t["meta"]["title"] == "Taxes")
    b["answer"] = "accept"  # accepted in Prodigy: every suggestion, and the article done
    edited = tmp_path / "edited.jsonl"
    write(edited, [b])
    w.open_article(2)
    assert {a.state for a in w.session.attrs} == {State.SUGGESTED}

    with qtbot.waitSignal(w.job_done, timeout=60_000):
        w.import_paths([edited], suggest=False)
    said = w.statusBar().currentMessage()
    assert f"changed: {edited} line 1: article 2: 2 accepted; status todo -> done" in said
    assert {a.state for a in w.session.attrs} == {State.ACCEPTED}  # shown as it is now
    assert w.session.article.status is Status.DONE

    w.route(w.session.undo())
    assert w.statusBar().currentMessage() == f"Undone: changes imported from {edited} line 1."
    assert {a.state for a in w.session.attrs} == {State.SUGGESTED}
    assert w.store.status(2) is Status.TODO
