"""Annotations edited in another tool, imported into the corpus they came from or into
another: origins from the comparison with the stored suggestion (issue 21, item 2), one
decision per article, undone in one step, refused by line where the span rules or a
later edit say no (docs/adr/0027)."""

from __future__ import annotations

import sqlite3

from core.corpus.store import Store
from core.formats.export import export
from core.formats.ingest import import_paths
from core.model import Attribution, Origin, QuoteType, Span, State, Status
from core.review import commands
from tests.core.formats.prodigy_edits import (
    add,
    at,
    drop,
    move,
    quote_of,
    shrink,
    span_of,
    tasks,
    write,
)
from tests.core.small_corpus import A_TEXT, add_article

TEXT = A_TEXT


def _suggestion(quote, speaker, cue, qtype=QuoteType.INDIRECT):
    """A model suggestion; its speaker and cue are the first of their words after the
    quote's sentence starts."""
    q = Span(*at(TEXT, quote))
    line = TEXT.rfind(".", 0, q.start) + 1
    return Attribution(
        quote=q,
        speaker=Span(*at(TEXT, speaker, line)),
        cue=Span(*at(TEXT, cue, line)),
        speaker_name=speaker.removeprefix("Mayor "),
        type=qtype,
    )


def _corpus(store):
    """Article A with four suggestions, the first of them accepted."""
    art = add_article(
        store,
        TEXT,
        [
            _suggestion("the bridge would reopen in May.", "Mayor Ana Ruiz", "said"),
            _suggestion("the plan would fail badly.", "Critics", "said"),
            _suggestion("It is a waste,", "Ben Cole", "said", QuoteType.DIRECT),
            _suggestion("nothing was decided.", "Officials", "said"),
        ],
        source="a.txt",
    )
    first = store.attributions(art)[0]
    commands.apply(store, commands.set_state(store, first.id, State.ACCEPTED))
    return art


def _snapshot(store, art):
    return store.status(art), [a.to_logged(art) for a in store.attributions(art)]


def _edited(tmp_path, store):
    """The corpus exported, then in Prodigy: the second quote shrunk by a token, the
    third given another speaker, the fourth removed, a new one added; answered accept."""
    out = tmp_path / "out.jsonl"
    export(store, out, "jsonl")
    (task,) = tasks(out)
    _, plan = quote_of(task, "the plan would fail badly.")
    shrink(task, plan, 1)
    _, waste = quote_of(task, "It is a waste,")
    move(task, span_of(waste["speaker"], "SPEAKER"), at(TEXT, "Cole"))
    _, nothing = quote_of(task, "nothing was decided.")
    drop(task, span_of(nothing["quote"], "QUOTE"))
    add(task, at(TEXT, "jobs would go."), at(TEXT, "The union"), at(TEXT, "warned"))
    task["answer"] = "accept"
    edited = tmp_path / "edited.jsonl"
    write(edited, [task])
    return edited


def _by_quote(store, art):
    return {TEXT[a.quote.start : a.quote.end]: a for a in store.attributions(art)}


def _origins(found):
    return {quote: (a.state, a.origin) for quote, a in found.items()}


WANTED = {
    "the bridge would reopen in May.": (State.ACCEPTED, Origin.MODEL),
    "the plan would fail badly": (State.ACCEPTED, Origin.EDITED),
    "It is a waste,": (State.ACCEPTED, Origin.EDITED),
    "nothing was decided.": (State.REJECTED, Origin.MODEL),
    "jobs would go.": (State.ACCEPTED, Origin.MANUAL),
}


def test_spans_edited_elsewhere_are_edited_and_new_ones_manual_in_another_corpus(tmp_path, corpus):
    _corpus(corpus)
    edited = _edited(tmp_path, corpus)
    with Store(tmp_path / "other.qlab") as other:
        report = import_paths(other, [edited], None)
        assert report.complete and len(report.imported) == 1
        found = _by_quote(other, report.imported[0])
    assert _origins(found) == WANTED
    # The other tool moved the speaker to "Cole" and gave no name: an accepted attribution
    # keeps none rather than one nobody gave (docs/adr/0028).
    assert found["It is a waste,"].speaker_name is None


def test_the_same_edits_into_the_corpus_they_came_from_are_one_decision(tmp_path, corpus):
    art = _corpus(corpus)
    before = _snapshot(corpus, art)
    edited = _edited(tmp_path, corpus)
    report = import_paths(corpus, [edited], None)
    assert report.complete and report.imported == [] and report.duplicates == []
    (done,) = report.changed
    assert done.counts == {"edited": 2, "rejected": 1, "added": 1}
    assert done.status == (Status.IN_PROGRESS, Status.DONE)
    assert _origins(_by_quote(corpus, art)) == WANTED
    assert commands.last_decision(corpus) == done.decision

    stack = commands.UndoStack(corpus)
    undone = stack.undo()
    assert (
        undone.log_id == done.decision and undone.label == f"changes imported from {edited} line 1"
    )
    assert _snapshot(corpus, art) == before
    stack.redo()
    assert _origins(_by_quote(corpus, art)) == WANTED


def test_a_manual_attribution_removed_elsewhere_is_deleted_and_undo_brings_it_back(
    tmp_path, corpus
):
    art = _corpus(corpus)
    manual = commands.new_manual(Span(*at(TEXT, "jobs would go.")), QuoteType.INDIRECT)
    commands.apply(corpus, commands.add(corpus, art, manual))
    before = _snapshot(corpus, art)
    out = tmp_path / "out.jsonl"
    export(corpus, out, "jsonl")
    (task,) = tasks(out)
    _, record = quote_of(task, "jobs would go.")
    drop(task, span_of(record["quote"], "QUOTE"))
    write(out, [task])
    report = import_paths(corpus, [out], None)
    assert [r.counts for r in report.changed] == [{"deleted": 1}]
    assert "jobs would go." not in _by_quote(corpus, art)
    commands.UndoStack(corpus).undo()
    assert _snapshot(corpus, art) == before


def test_a_result_that_breaks_the_span_rules_is_refused_by_line_and_nothing_changes(
    tmp_path, corpus
):
    art = _corpus(corpus)
    before = _snapshot(corpus, art)
    out = tmp_path / "out.jsonl"
    export(corpus, out, "jsonl")
    (task,) = tasks(out)
    # without the mark, the accepted first quote stays, though the file removed it and
    # put the second quote's speaker inside it
    del task["meta"]["revision"]
    _, first = quote_of(task, "the bridge would reopen")
    drop(task, span_of(first["quote"], "QUOTE"))
    _, second = quote_of(task, "the plan would fail")
    move(task, span_of(second["speaker"], "SPEAKER"), at(TEXT, "bridge"))
    write(out, [task])
    report = import_paths(corpus, [out], None)
    assert not report.complete and report.changed == []
    (why,) = report.conflicts
    assert why.startswith(f"{out} line 1: quote ") and why.endswith(
        "none of the record's changes were applied"
    )
    assert any(line.startswith("not applied: ") for line in report.lines())
    assert _snapshot(corpus, art) == before


def test_records_without_annotations_are_still_duplicates(tmp_path, corpus):
    _corpus(corpus)
    plain = tmp_path / "a.txt"
    plain.write_text(TEXT, encoding="utf-8")
    report = import_paths(corpus, [plain], None)
    assert report.duplicates == ["a.txt"] and report.reimported == []


def test_a_damaged_article_is_named_and_left_alone_and_the_rest_applies(tmp_path):
    path = tmp_path / "c.qlab"
    out = tmp_path / "out.jsonl"
    with Store(path) as store:
        art = _corpus(store)
        other = add_article(store, "Ben Cole said it was fine.", [], source="b.txt")
        export(store, out, "jsonl")
    records = tasks(out)
    for t in records:
        t["answer"] = "accept"
    write(out, records)
    conn = sqlite3.connect(path, isolation_level=None)  # damage, as found by the full check
    conn.execute("UPDATE attributions SET quote_end = 9999 WHERE article_id = ?", (art,))
    conn.close()
    with Store(path, check=True) as store:
        report = import_paths(store, [out], None)
        assert report.stopped is None
        (why,) = report.conflicts
        assert why.startswith(f"{out} line 1: ") and "offsets outside the text" in why
        assert [r.article_id for r in report.changed] == [other]
        assert store.status(other) is Status.DONE
