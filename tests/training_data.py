"""A tiny corpus of done articles a tagger learns in a few seconds (docs/adr/0041):
each reports with ``reckons`` and ``intimated``, which the rules do not frame, and a
direct quote with ``said``, which they do."""

from pathlib import Path

from core.corpus.store import Store
from core.model import Article, Attribution, Origin, QuoteType, State, Status
from core.tokens import tokenize
from tests.review_data import sp

PEOPLE = ("Ann Lee", "Bob Ray", "Cy Dorn", "Di Park", "Ed Holt", "Flo Grant", "Gus Hale")
BODY = (
    "{a} reckons that the new bridge will open in {month}.\n"
    "{b} intimated that the budget would grow again next year.\n"
    '"We are ready for the vote," {c} said.\n'
)
MONTHS = ("May", "June", "July", "March", "April", "August", "October", "November")
#: Epochs of a test's training: ten articles are four updates an epoch (batches of
#: about a hundred words, spaCy's first: core/suggest/tagger.BATCH_WORDS).
EPOCHS = 50


def article(n: int) -> tuple[str, list[tuple[str, str, str]]]:
    a, b, c = (PEOPLE[(n + i) % len(PEOPLE)] for i in range(3))
    text = BODY.format(a=a, b=b, c=c, month=MONTHS[n % len(MONTHS)])
    month = MONTHS[n % len(MONTHS)]
    reports = [
        (f"the new bridge will open in {month}", a, "reckons"),
        ("the budget would grow again next year", b, "intimated"),
        ("We are ready for the vote,", c, "said"),
    ]
    return text, reports


def gold(text: str, reports: list[tuple[str, str, str]]) -> list[Attribution]:
    return [
        Attribution(
            quote=sp(text, q),
            speaker=sp(text, who),
            cue=sp(text, cue),
            speaker_name=who,
            type=QuoteType.DIRECT if q.startswith("We") else QuoteType.INDIRECT,
            state=State.ACCEPTED,
            origin=Origin.MANUAL,
        )
        for q, who, cue in reports
    ]


def make_corpus(path: Path, done: int = 12, todo: int = 0) -> Path:
    """``done`` articles with their attributions, then ``todo`` with none."""
    with Store(path) as store:
        for n in range(done + todo):
            text, reports = article(n)
            status = Status.DONE if n < done else Status.TODO
            store.add_article(
                Article(text=text, title=f"Story {n}", content_hash=f"s{n}", status=status),
                gold(text, reports) if n < done else [],
                tokenize(text),
            )
    return path
