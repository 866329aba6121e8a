"""What the suggestions learn from a corpus's decisions (docs/adr/0036), on real SQLite
files: what made each suggestion kept, the fit refitted when an article is marked
done and kept with the decision it was fitted through, the same fit again from the log,
learning switched off, and the review's order least sure first."""

import json
import shutil
from pathlib import Path

import pytest

from core.corpus import learning
from core.corpus.errors import CorpusError
from core.corpus.store import Store
from core.model import State
from core.review.learning import current, refit_apart, replay
from core.review.session import ReviewSession
from core.suggest.learn import CANDIDATE, Fit
from tests.core.corpus.test_corpus_files import _crash_after_writing
from tests.core.corpus.test_open_cost import _damaged_page
from tests.learning_data import make_corpus, review


@pytest.fixture
def store(tmp_path):
    with Store(make_corpus(tmp_path / "learn.qlab")) as s:
        yield s


def test_each_suggestion_keeps_its_rule_features_and_prior_and_each_candidate_too(store):
    first = store.article_ids()[0]
    rows = list(learning.made(store, [first]))
    assert [(a.made_by.rule, a.made_by.feature("cue")) for _, _, a in rows] == [
        ("indirect", "say"),
        ("mixed", "claim"),
        (CANDIDATE, "show"),
    ]
    suggested = [a.id for a in store.attributions(first)]
    assert [attr_id for _, attr_id, _ in rows] == [*suggested, None]  # a candidate: no row
    assert [a.made_by.prior for _, _, a in rows] == [0.7, 0.6, 0.5]
    text = store.article(first).text
    assert text[rows[2][2].quote.start : rows[2][2].quote.end] == "voters like the plan a lot"


def test_the_session_shows_each_suggestion_with_what_made_it_also_after_an_edit(store):
    session = ReviewSession(store)
    session.open(store.article_ids()[0])
    assert [a.made_by.rule for a in session.attrs] == ["indirect", "mixed"]
    session.apply(session.reject())
    assert session.attrs[0].state is State.REJECTED
    assert session.attrs[0].made_by.rule == "indirect"


def test_marking_an_article_done_refits_and_keeps_the_fit_with_its_decision(store):
    session = ReviewSession(store)
    assert learning.fits(store) == [] and current(store) is None
    review(session, store.article_ids()[0])
    ((through, kept),) = learning.fits(store)
    assert through == store._conn.execute("SELECT max(id) FROM decisions").fetchone()[0]
    learned = Fit.from_json(kept)
    assert learned.examples == 2  # said kept, claimed rejected: the candidate's cue is not in
    assert learned.cues == frozenset()  # one hand-added attribution of "show": not yet
    # one of two kept: both come down from their priors, the rejected one most
    found = learning.made(store, [store.article_ids()[1]])
    said, claimed, _ = (a.made_by for _, _, a in found)
    assert 0.7 - learned.probability(said) < 0.6 - learned.probability(claimed)
    assert current(store) == learned


def test_a_second_hand_added_attribution_of_a_cue_admits_it(store):
    session = ReviewSession(store)
    first, second, third = store.article_ids()
    review(session, first)
    review(session, second)
    learned = current(store)
    assert learned is not None and learned.cues == frozenset({"show"})
    # the third article's candidate is now suggested by the fit
    found = [a for _, _, a in learning.made(store, [third])]
    assert [a.made_by.rule for a in learned.apply(found)] == ["indirect", "mixed", CANDIDATE]


def test_the_refit_runs_in_a_process_of_its_own_and_a_cancel_stops_it(store):
    session = ReviewSession(store)
    first, second, _ = store.article_ids()
    review(session, first)
    session.open(second)
    for i in range(len(session.attrs)):
        session.index = i
        session.apply(session.accept())
    assert session.apply(session.done()).learn
    refit_apart(store.path, cancelled=lambda: True)  # stopped at once: nothing kept
    assert len(learning.fits(store)) == 1
    refit_apart(store.path)
    (_, (through, kept)) = learning.fits(store)
    assert through == learning.decided(store).through
    assert Fit.from_json(kept) == replay(store)


def test_the_refit_opens_the_corpus_the_app_holds_without_the_full_check(tmp_path):
    """After D the app's store keeps a -wal beside the corpus: the refit's process took
    it for an unclean shutdown and ran the full check, whose cost grows with the corpus.
    Seen here by a page of an article the refit never reads, damaged so that only the
    full check's quick_check finds it: that refused the refit. A -wal nobody holds (a
    crash) is still checked, and refused."""
    path = _damaged_page(make_corpus(tmp_path / "learn.qlab"))
    crashed = tmp_path / "crashed.qlab"
    shutil.copy(path, crashed)
    with Store(path) as store:
        session = ReviewSession(store)
        first, second = store.article_ids()[:2]
        review(session, first)
        assert Path(f"{path}-wal").stat().st_size > 0 and not store.checked
        session.open(second)
        for i in range(len(session.attrs)):
            session.index = i
            session.apply(session.accept())
        session.apply(session.done())
        refit_apart(path)
        (_, (through, _)) = learning.fits(store)
        assert through == learning.decided(store).through
    _crash_after_writing(crashed)
    with pytest.raises(CorpusError, match="not kept: .*the corpus is damaged"):
        refit_apart(crashed)


def test_a_fit_is_replayed_from_the_log_whatever_came_after_it(store):
    session = ReviewSession(store)
    first, second, _ = store.article_ids()
    review(session, first)
    ((through, kept),) = learning.fits(store)
    review(session, second)
    session.undo()  # the second article's done taken back
    session.open(first)
    session.index = 0
    session.apply(session.reject())  # a decision in the first article, after the fit
    assert replay(store, through) == Fit.from_json(kept)
    assert replay(store) != Fit.from_json(kept)


def test_learning_switched_off_keeps_no_fit_and_suggests_with_the_rules(store):
    learning.set_learning(store, False)
    review(ReviewSession(store), store.article_ids()[0])
    assert learning.fits(store) == []
    assert current(store) is None
    learning.set_learning(store, True)
    review(ReviewSession(store), store.article_ids()[1])
    assert len(learning.fits(store)) == 1


def test_a_stored_fit_that_does_not_read_leaves_the_rules(store):
    learning.store_fit(store, 1, json.dumps({"weights": []}), "now")
    assert current(store) is None


def test_the_review_goes_least_sure_first_when_asked(store):
    session = ReviewSession(store)
    session.open(store.article_ids()[1])  # "said" 0.7 sure, then "claimed" 0.6
    assert session.index == 0
    delta = session.uncertain_first()
    assert session.doubt_first and "least sure" in delta.message
    assert session.attrs[session.index].made_by.rule == "mixed"
    session.apply(session.accept())  # then the one left
    assert session.attrs[session.index].made_by.rule == "indirect"
    assert "text order" in session.uncertain_first().message


def test_the_command_line_switches_learning_and_says_what_was_learned(tmp_path, capsys):
    from core.cli.main import build_parser, run

    path = make_corpus(tmp_path / "cli.qlab")

    def main(*argv):
        assert run(build_parser().parse_args(["learning", str(path), *argv])) == 0
        return capsys.readouterr().out

    assert "nothing learned yet" in main()
    with Store(path) as store:
        review(ReviewSession(store), store.article_ids()[0])
    assert "fitted through decision" in main() and "learned cues: none" in main()
    assert main("--off").startswith("learning: off")
    with Store(path) as store:
        assert not learning.learning_on(store)
    assert main("--on").startswith("learning: on")


def test_a_log_that_cannot_be_read_back_is_named_and_a_fit_not_kept_leaves_the_article_done(
    store,
):
    session = ReviewSession(store)
    first, second, _ = store.article_ids()
    review(session, first)
    ((through, _),) = learning.fits(store)
    with store.transaction():  # a later decision whose record is not one
        store._conn.execute(
            "UPDATE decisions SET changes = ? WHERE id = ?",
            (json.dumps([{"table": "attribution", "id": 1, "before": {"quote": 5}}]), through),
        )
    with pytest.raises(CorpusError, match=f"decision {through} of the log"):
        replay(store, through - 1)
    store._conn.execute("DROP TABLE learned_fits")  # the fit cannot be kept
    session.open(second)
    for i in range(len(session.attrs)):
        session.index = i
        session.apply(session.accept())
    delta = session.apply(session.done())
    assert store.status(second).value == "done" and delta.learn and not delta.error
    with pytest.raises(CorpusError, match="What the suggestions learned was not kept: "):
        refit_apart(store.path)  # (the app's job says it in the status bar and a dialog)
    assert store.status(second).value == "done"
