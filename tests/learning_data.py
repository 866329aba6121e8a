"""A tiny corpus whose suggestions say what made them, built without a spaCy model,
and its review by hand, for the tests of what the suggestions learn (docs/adr/0036).

Each article has the same three findings: ``said`` (rule indirect, kept), ``claimed``
(rule mixed, rejected) and a candidate of the verb ``show`` (not suggested: its
attribution is added by hand)."""

from __future__ import annotations

from pathlib import Path

from core.corpus.store import Store
from core.model import Article, Attribution, MadeBy, QuoteType
from core.review import commands
from core.review.learning import refit
from core.review.session import Pending, ReviewSession
from core.suggest.learn import CANDIDATE
from core.tokens import tokenize
from tests.review_data import sp

BODY = (
    "Ann Lee said the plan works. Bob Ray claimed the rest failed badly. "
    "Polls show that voters like the plan a lot. Story {n}."
)


def made(rule: str, cue: str, prior: float) -> MadeBy:
    features = (("rule", rule), ("cue", cue), ("speaker", "name"), ("length", "short"))
    return MadeBy(rule, features, prior)


def findings(text: str) -> tuple[list[Attribution], list[Attribution]]:
    """(the suggestions, the candidate) of one article."""
    said = Attribution(
        quote=sp(text, "the plan works"),
        speaker=sp(text, "Ann Lee"),
        cue=sp(text, "said"),
        speaker_name="Ann Lee",
        type=QuoteType.INDIRECT,
        confidence=0.7,
        made_by=made("indirect", "say", 0.7),
    )
    claimed = Attribution(
        quote=sp(text, "the rest failed badly"),
        speaker=sp(text, "Bob Ray"),
        cue=sp(text, "claimed"),
        speaker_name="Bob Ray",
        type=QuoteType.MIXED,
        confidence=0.6,
        made_by=made("mixed", "claim", 0.6),
    )
    show = hand(text).with_(confidence=0.5, made_by=made(CANDIDATE, "show", 0.5))
    return [said, claimed], [show]


def hand(text: str) -> Attribution:
    """The attribution of ``Polls show`` as the user adds it."""
    return commands.new_manual(sp(text, "voters like the plan a lot"), QuoteType.INDIRECT).with_(
        speaker=sp(text, "Polls"), cue=sp(text, "show"), speaker_name="Polls"
    )


def make_corpus(path: Path, articles: int = 3) -> Path:
    with Store(path) as store:
        for n in range(1, articles + 1):
            text = BODY.format(n=n)
            suggested, candidates = findings(text)
            store.add_article(
                Article(text=text, title=f"Story {n}", content_hash=f"story{n}"),
                suggested,
                tokenize(text),
                candidates=candidates,
            )
    return path


def review(session: ReviewSession, article_id: int) -> None:
    """Accept ``said``, reject ``claimed``, add ``Polls show`` by hand, mark it done."""
    session.open(article_id)
    for i, a in enumerate(list(session.attrs)):
        session.index = i
        verb = session.accept if a.type is QuoteType.INDIRECT else session.reject
        outcome = verb()
        assert isinstance(outcome, Pending), outcome
        session.apply(outcome)
    assert session.article is not None
    session.apply(Pending(commands.add(session.store, article_id, hand(session.article.text))))
    outcome = session.done()
    assert isinstance(outcome, Pending), outcome
    assert session.apply(outcome).learn  # a refit is due: the app runs it apart
    refit(session.store)
