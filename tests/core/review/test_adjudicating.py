"""What the keys act on in a gold corpus (docs/adr/0037): the item being adjudicated or
the current attribution; J/K between items while the article has one open; an undone
choice puts the keys back on its item."""

import pytest

from core.corpus.store import Store
from core.measure.curate import curate
from core.review.session import Pending, ReviewSession
from tests.core.curation_data import decide, handouts, reject


@pytest.fixture
def session(tmp_path):
    """ana accepted everything, ben missed "We have no money": one item an article."""
    files = handouts(tmp_path)
    decide(files["ana"])
    decide(files["ben"], lambda s, art: reject(s, art, "We have no money"))
    out = tmp_path / "gold.qlab"
    curate([files["ana"], files["ben"]], out)
    with Store(out) as store:
        s = ReviewSession(store)
        s.open(1)
        yield s


def test_the_keys_act_on_the_item_until_an_attribution_is_chosen(session):
    assert session.adjudicating and session.items_left == 1
    item = session.current_item
    session.choose(0)
    assert not session.adjudicating and session.current_item is not None
    session.review_step(+1)  # J: back to the items, the next one after the attribution
    assert session.adjudicating and (session.article.id, session.current_item) == (1, item)
    session.choose(2)  # "the plan was too expensive", before the money item
    session.review_step(-1)  # K: the item before it: none here, so around the end
    assert session.adjudicating and session.article.id == 2


def test_j_goes_through_attributions_once_no_item_is_left(session):
    session.apply(session.take(1))  # the last item here: on to article 2's
    assert session.article.id == 2
    session.open(1)
    assert session.items_left == 0 and not session.adjudicating
    session.choose(0)
    session.review_step(+1)
    assert session.index == 1 and session.article.id == 1


def test_an_undone_choice_puts_the_keys_back_on_its_item(session):
    item = session.current_item
    outcome = session.take(2)
    assert isinstance(outcome, Pending)
    session.apply(outcome)
    assert session.article.id == 2
    session.undo()
    assert session.article.id == 1 and session.current_item.id == item.id
    assert session.adjudicating
