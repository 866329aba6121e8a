"""Flags (issue 22, item 2; docs/adr/0033): an attribution or an article marked unsure,
with an optional comment, is a decision (one command, one log row, undone in one
step, also after a restart); D lets a flagged undecided suggestion be, for the
curator; the list's line, the corpus's checks and the report know of flags. Real
SQLite corpora, no model."""

from __future__ import annotations

import json
import sqlite3

from core.corpus import queries
from core.corpus.schema import MIGRATIONS, SCHEMA_VERSION, reference_schema
from core.corpus.store import Store
from core.measure import report
from core.model import COMMENT_LIMIT, State, Status, clean_comment
from core.review.session import Delta, Pending, ReviewSession
from tests.conftest import corpus_before
from tests.core.small_corpus import build


def run(s: ReviewSession, outcome: Pending | str) -> Delta:
    assert isinstance(outcome, Pending), outcome
    return s.apply(outcome)


def log(store: Store) -> list[tuple[str, str]]:
    return [(d["kind"], d["label"]) for d in store.decisions()]


def test_flag_is_one_decision_undone_in_one_step(session, store):
    first = session.current
    logged = len(log(store))
    delta = run(session, session.flag())
    assert delta.message == "Saved: flag."
    assert session.current.flagged and session.current.state is State.SUGGESTED
    assert store.attribution(first.id)[1].flagged
    assert log(store)[logged:] == [("edit", "flag")]
    assert delta.summary.flagged  # the list's line says it
    assert store.article_summaries(session.article.id)[0].flagged
    session.undo()
    assert not store.attribution(first.id)[1].flagged
    assert not session.summary().flagged
    assert not store.article_summaries(session.article.id)[0].flagged
    session.redo()
    assert store.attribution(first.id)[1].flagged


def test_a_comment_flags_and_is_kept_as_one_bounded_line(session, store):
    a = session.current
    run(session, session.comment("  not sure\nwho   says this\x00 <b>x</b> " + "y" * 900))
    stored = store.attribution(a.id)[1]
    assert stored.flagged
    assert stored.comment.startswith("not sure who says this <b>x</b> y")
    assert len(stored.comment) == COMMENT_LIMIT
    # ! again takes flag and comment away, in one step; undo brings both back
    assert run(session, session.flag()).message == "Saved: unflag."
    assert store.attribution(a.id)[1].comment == "" and not session.current.flagged
    session.undo()
    assert store.attribution(a.id)[1].comment == stored.comment


def test_a_flag_is_undone_after_a_restart(path):
    with Store(path) as s:
        session = ReviewSession(s)
        session.open(s.article_ids()[0])
        attr_id = session.current.id
        run(session, session.comment("why"))
        run(session, session.flag_article("the whole piece is odd"))
    with Store(path) as s:
        assert s.attribution(attr_id)[1].comment == "why"
        assert s.article(s.article_ids()[0]).comment == "the whole piece is odd"
        session = ReviewSession(s)
        session.open(s.article_ids()[0])
        assert session.article.flagged
        assert session.undo().message == "Undone: flag article."
        assert not s.article(s.article_ids()[0]).flagged
        assert session.undo().message == "Undone: flag."
        assert not s.attribution(attr_id)[1].flagged


def test_article_flag_toggles_and_takes_a_comment(session, store):
    art = session.article.id
    assert run(session, session.flag_article()).message == "Saved: flag article."
    assert store.article(art).flagged and store.article(art).comment == ""
    assert session.summary().flagged
    assert run(session, session.flag_article("check the date")).message == (
        "Saved: comment on article."
    )
    assert store.article(art).comment == "check the date"
    assert run(session, session.flag_article()).message == "Saved: unflag article."
    assert not store.article(art).flagged and not session.summary().flagged
    assert queries.article_flags(store) == {}
    session.undo()
    assert queries.article_flags(store) == {art: "check the date"}


def test_done_stays_strict_but_leaves_flagged_suggestions_for_the_curator(session, store):
    art = session.article.id
    refused = session.done()
    assert isinstance(refused, str) and "4 suggestions still to decide" in refused
    assert "{flag}" in refused  # the key that flags one is named
    run(session, session.accept())
    run(session, session.accept())
    run(session, session.flag())  # the third: unsure
    assert session.current.flagged and session.current.state is State.SUGGESTED
    refused = session.done()
    assert isinstance(refused, str) and "1 suggestion still to decide" in refused
    session.step(+1)
    run(session, session.reject())
    delta = run(session, session.done())
    assert store.status(art) is Status.DONE
    assert delta.message.startswith("Done, 1 flagged left for the curator.")
    # undone, D is refused again once the flag is taken away
    session.open(art)
    session.undo()
    assert store.status(art) is not Status.DONE
    flagged = next(a for a in session.attrs if a.flagged)
    session.choose(session.attrs.index(flagged))
    run(session, session.flag())
    assert isinstance(session.done(), str)


def test_finish_accepts_the_rest_but_the_flagged_and_marks_done_in_one_step(session, store):
    """Ctrl+Return (docs/adr/0082): every suggestion left accepted but the one flagged
    for the curator, and the article done: one command, one log row, one undo."""
    art = session.article.id
    run(session, session.accept())
    session.step(+1)
    run(session, session.flag())  # the second: unsure, left for the curator
    flagged = session.current.id
    logged = len(log(store))
    delta = run(session, session.done(accept_rest=True))
    assert log(store)[logged:] == [("edit", "accept 2, mark done")]
    assert store.status(art) is Status.DONE
    assert delta.message.startswith("Done, 1 flagged left for the curator.")
    states = {a.id: a.state for a in store.attributions(art)}
    assert states.pop(flagged) is State.SUGGESTED
    assert set(states.values()) == {State.ACCEPTED}
    session.open(art)
    session.undo()  # both at once
    assert store.status(art) is Status.IN_PROGRESS
    assert sum(a.state is State.SUGGESTED for a in store.attributions(art)) == 3
    run(session, session.done(accept_rest=True))
    session.open(art)
    assert session.done(accept_rest=True) == "This article is already done."


def test_the_log_holds_the_flag_before_and_after(session, store):
    run(session, session.comment("odd"))
    (changes,) = [d["changes"] for d in store.decisions() if d["label"] == "flag"]
    (attribution,) = [c for c in changes if c["table"] == "attribution"]
    assert (attribution["before"]["flagged"], attribution["before"]["comment"]) == (False, "")
    assert (attribution["after"]["flagged"], attribution["after"]["comment"]) == (True, "odd")


def test_an_edit_logged_before_flags_is_undone_keeping_a_flag_set_since(path):
    """An edit logged before migration 9 has records without flags: its undo compares
    and writes the rest, and a flag set since (another window) stays."""
    with Store(path) as s:
        session = ReviewSession(s)
        art = s.article_ids()[0]
        session.open(art)
        attr_id = session.current.id
        run(session, session.accept())
    conn = sqlite3.connect(path)
    row_id, changes = conn.execute(
        "SELECT id, changes FROM decisions WHERE label = 'accept'"
    ).fetchone()
    old = json.loads(changes)
    for c in old:
        for rec in (c["before"], c["after"]):
            if rec and c["table"] == "attribution":
                del rec["flagged"], rec["comment"]
    conn.execute("UPDATE decisions SET changes = ? WHERE id = ?", (json.dumps(old), row_id))
    conn.commit()
    conn.close()
    with Store(path) as s, Store(path) as elsewhere:
        mine = ReviewSession(s)
        mine.open(art)
        other = ReviewSession(elsewhere)
        other.open(art, focus=attr_id)
        run(other, other.comment("unsure"))
        assert mine.undo().message == "Undone: accept."
        stored = s.attribution(attr_id)[1]
        assert stored.state is State.SUGGESTED
        assert (stored.flagged, stored.comment) == (True, "unsure")


def test_migration_9_adds_flags_to_a_version_8_corpus(tmp_path):
    path = tmp_path / "old.qlab"
    conn = corpus_before(path, MIGRATIONS[8])
    conn.execute("COMMIT")
    conn.close()
    with Store(path) as s:
        assert s.schema_version() == SCHEMA_VERSION
        assert queries.article_flags(s) == {}
        assert queries.flag_counts(s) == (0, 0)
    conn = sqlite3.connect(path)
    columns = {r[1] for r in conn.execute("PRAGMA table_info(attributions)")}
    conn.close()
    assert {"flagged", "comment"} <= columns
    tables = {n for t, n, _ in reference_schema(SCHEMA_VERSION) if t == "table"}
    assert "article_flags" in tables
    assert "article_flags" not in {n for _, n, _ in reference_schema(8)}


def test_the_checks_accept_flags_and_name_a_bad_one(tmp_path):
    path = build(tmp_path / "small.qlab")  # (real content hashes: the full check reads them)
    with Store(path) as s:
        session = ReviewSession(s)
        session.open(s.article_ids()[0])
        run(session, session.comment("fine"))
        run(session, session.flag_article("fine too"))
        attr_id, art = session.current.id, session.article.id
    with Store(path, check=True) as s:
        assert s.damage == []
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA ignore_check_constraints = ON")
    conn.execute("UPDATE attributions SET flagged = 7 WHERE id = ?", (attr_id,))
    conn.commit()
    conn.close()
    with Store(path, check=True) as s:
        assert any(f"article {art}" in line and "flag" in line for line in s.damage)


def test_the_report_counts_flags(session, store):
    run(session, session.flag())
    session.step(+1)
    run(session, session.comment("who?"))
    other = store.article_ids()[1]
    session.open(other)
    run(session, session.flag_article())
    r = report.build(store)
    assert (r.flagged_attributions, r.flagged_articles) == (2, 2)
    assert "flagged for the curator: 2 attribution(s) in 2 article(s)" in "\n".join(r.lines())
    assert r.as_dict()["flagged_attributions"] == 2


def test_clean_comment():
    assert clean_comment("a\u2028b\tc\r\n d") == "a b c d"
    assert clean_comment("x" * 600) == "x" * COMMENT_LIMIT


def test_a_flagged_suggestion_left_in_a_done_article_is_no_score(tmp_path):
    """Suggestion quality counts what was decided: one flagged for the curator is
    neither the model's hit nor its miss (the small corpus's A alone: 4 and 4)."""
    path = build(tmp_path / "small.qlab")
    with Store(path) as s:
        session = ReviewSession(s)
        session.open(s.article_ids()[1])  # Taxes: two suggestions
        run(session, session.flag())
        session.step(+1)
        run(session, session.accept())
        run(session, session.done())
        overall = report.quality(s).score.overall
    assert (overall.gold, overall.pred, overall.matched) == (5, 5, 4)
