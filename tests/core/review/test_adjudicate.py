"""Adjudicating a gold corpus with the review session's verbs (issue 22 item 4, core half;
docs/adr/0034): take an annotator's version, reject all, settle as the curator's, the
bulk take, moving between items; each one command, undone in one step."""

import pytest

from core.corpus import curation
from core.corpus.curation import Outcome, Provenance
from core.corpus.store import Store
from core.measure.curate import curate
from core.model import State, Status
from core.review.session import Pending, ReviewSession
from tests.core.curation_data import decide, handouts, reject, rename


def run(session, outcome):
    assert isinstance(outcome, Pending), outcome
    return session.apply(outcome)


@pytest.fixture
def gold(tmp_path):
    """ana accepted everything; ben left out "We have no money" in both articles and
    named the critics "Experts" in the first: three items, two where only ana marked
    something."""
    files = handouts(tmp_path)
    decide(files["ana"])

    def ben(s, art):
        reject(s, art, "We have no money")
        if art == 1:
            rename(s, art, "the plan was too", "Experts")

    decide(files["ben"], ben)
    out = tmp_path / "gold.qlab"
    curate([files["ana"], files["ben"]], out)
    return out


@pytest.fixture
def session(gold):
    with Store(gold) as store:
        s = ReviewSession(store)
        s.open(1)
        yield s


def said(session, attrs):
    text = session.article.text
    return [(text[a.quote.start : a.quote.end], a.speaker_name) for a in attrs]


def test_the_session_opens_on_the_first_open_item(session):
    assert [a.name for a in session.annotators] == ["ana", "ben"]
    assert [it.outcome for it in session.items] == [Outcome.OPEN, Outcome.OPEN]
    item = session.current_item
    assert item is session.items[0]
    assert [v[0].speaker_name for v in item.versions.values()] == ["Critics", "Experts"]
    assert session.tokens[session.cursor][0] == item.span.start


def test_taking_a_version_adds_it_with_its_provenance_in_one_undo_step(session):
    store = session.store
    item = session.current_item
    before = list(session.attrs)
    delta = run(session, session.take(2))
    assert delta.items and delta.message == "Saved: take ben's version."
    critics = next(a for a in session.attrs if a.speaker_name == "Experts")
    assert critics.state is State.ACCEPTED and not critics.flagged
    assert curation.provenance(store, 1)[critics.id] == Provenance("adjudicated", ("ben",), item.id)
    assert curation.item(store, item.id).outcome is Outcome.TAKEN
    assert curation.item(store, item.id).taken_from == 2
    assert session.current_item.id != item.id  # on to the next open item
    assert store.status(1) is Status.IN_PROGRESS
    delta = session.undo()
    assert delta.message == "Undone: take ben's version."
    assert session.attrs == before and store.attributions(1) == before
    assert curation.item(store, item.id).outcome is Outcome.OPEN
    assert session.current_item.id == item.id
    assert store.status(1) is Status.TODO
    session.redo()
    assert curation.provenance(store, 1)[critics.id].annotators == ("ben",)


def test_taking_another_version_replaces_the_first_choice(session):
    store = session.store
    item = session.current_item
    run(session, session.take(1))
    session.choose_item(item.id)
    assert session.take(1) == "ana's version is already taken here."
    run(session, session.take(2))
    names = [a.speaker_name for a in store.attributions(1) if a.quote.overlaps(item.span)]
    assert names == ["Experts"]
    assert [p.how for p in curation.provenance(store, 1).values()].count("adjudicated") == 1


def test_the_last_item_settled_marks_the_article_done_and_d_waits_for_it(session):
    store = session.store
    assert "2 items still to adjudicate" in session.done()
    run(session, session.take(1))
    delta = run(session, session.reject_item())  # the nobody-marked-it item: rejected
    assert store.status(1) is Status.DONE
    assert session.article.id == 2  # on to the next article's item
    assert "Article adjudicated" in delta.message
    (item,) = session.items
    assert session.current_item == item and item.open
    assert said(session, store.attributions(1)) == [
        ("We will build the bridge", "Jane Smith"),
        ("In fact, it will take two years", "Jane Smith"),
        ("the plan was too expensive", "Critics"),
    ]
    rejected = curation.items(store, 1)[1]
    session.undo()  # back in the first article, at the item open again
    assert session.article.id == 1 and session.current_item.id == rejected.id
    assert session.current_item.open and store.status(1) is Status.IN_PROGRESS


def test_reject_all_and_own_settle_an_item_without_taking(session):
    store = session.store
    first, second = session.items
    run(session, session.reject_item())
    assert curation.item(store, first.id).outcome is Outcome.REJECTED
    assert session.current_item.id == second.id
    run(session, session.own_item())
    assert curation.item(store, second.id).outcome is Outcome.EDITED
    session.undo()
    assert curation.item(store, second.id).outcome is Outcome.OPEN


def test_take_alone_takes_every_item_only_one_annotator_marked_in_one_step(session):
    store = session.store
    assert session.take_alone(2) == "No open item where only ben marked something."
    delta = run(session, session.take_alone(1))
    assert delta.message == "Saved: take ana's version of 2 item(s) only they marked."
    counts = curation.item_counts(store)
    assert (counts[Outcome.TAKEN], counts[Outcome.OPEN]) == (2, 1)
    assert store.status(2) is Status.DONE and store.status(1) is Status.IN_PROGRESS
    assert said(session, session.attrs)[-1] == ("We have no money", None)
    assert [it.outcome for it in session.items] == [Outcome.OPEN, Outcome.TAKEN]
    session.undo()
    assert curation.item_counts(store)[Outcome.OPEN] == 3
    assert store.status(2) is Status.TODO and store.status(1) is Status.TODO
    assert len(store.attributions(2)) == 3 and session.items[1].open


def test_next_item_goes_across_articles_and_around(session):
    first, second = (it.id for it in session.items)
    session.next_item(+1)
    assert session.current_item.id == second
    session.next_item(+1)
    assert session.article.id == 2
    third = session.current_item.id
    session.next_item(+1)  # around the end
    assert (session.article.id, session.current_item.id) == (1, first)
    session.next_item(-1)
    assert (session.article.id, session.current_item.id) == (2, third)


def test_an_edit_after_taking_is_said_in_the_provenance(session):
    store = session.store
    run(session, session.take(1))
    taken = next(a for a in store.attributions(1) if a.speaker_name == "Critics")
    session.index = session.attrs.index(taken)
    run(session, session.rename("Critics of the plan"))
    assert curation.provenance(store, 1)[taken.id] == Provenance(
        "adjudicated", ("ana",), session.items[0].id, edited=True
    )


def test_a_corpus_that_is_no_gold_has_no_items(tmp_path):
    files = handouts(tmp_path)
    with Store(files["ana"]) as store:
        s = ReviewSession(store)
        s.open(1)
        assert s.items == [] and s.current_item is None
        assert "no gold" in s.next_item(+1).message
        assert s.take(1).startswith("No item to adjudicate")
