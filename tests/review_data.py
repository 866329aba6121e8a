"""A small news article with suggestions, built without a spaCy model, for tests of
the review loop (core and window)."""

from __future__ import annotations

from pathlib import Path

from core.corpus.store import Store
from core.model import Article, Attribution, QuoteType, Span, content_hash
from core.tokens import tokenize

HEADLINE = "Mayor Jane Smith Defends Bridge Plan\n\n"
BODY = (
    '"We will build the bridge," Mayor Jane Smith said on Monday.\n\n'
    '"In fact, it will take two years," she said.\n\n'
    "Critics said the plan was too expensive.\n\n"
    '"We have no money," said Tom Brown, a council member. '
    "Brown added that taxes would rise.\n\n"
    "Related article: Sally Jones Says The Bridge Will Fall\n"
)
TEXT = HEADLINE + BODY


def sp(text: str, part: str, nth: int = 0) -> Span:
    start = -1
    for _ in range(nth + 1):
        start = text.index(part, start + 1)
    return Span(start, start + len(part))


def _article(text: str, title: str) -> tuple[Article, list[tuple[int, int]]]:
    related = text.index("Related article:")
    non_body = [Span(0, len(HEADLINE) - 2), Span(related, len(text) - 1)]
    art = Article(text=text, title=title, non_body=non_body, content_hash=title)
    return art, tokenize(text)


def _suggestions(text: str) -> list[Attribution]:
    return [
        Attribution(
            sp(text, "We will build the bridge"),
            sp(text, "Jane Smith", 1),
            sp(text, "said"),
            "Jane Smith",
            confidence=0.9,
        ),
        Attribution(
            sp(text, "In fact, it will take two years"),
            sp(text, "she"),
            sp(text, "said", 1),
            "Jane Smith",
        ),
        Attribution(
            sp(text, "the plan was too expensive"),
            sp(text, "Critics"),
            sp(text, "said", 2),
            "Critics",
            QuoteType.INDIRECT,
        ),
        Attribution(sp(text, "We have no money"), None, sp(text, "said", 3)),
    ]


def make_corpus(path: Path, drop: int | None = None, *, hashed: bool = False) -> Path:
    """Two articles (the second one a copy with another weekday) with their
    suggestions; ``drop``: leave that suggestion out (a quote the model missed);
    ``hashed``: their content hashes their texts' (else their titles), as the full
    check wants."""
    with Store(path) as store:
        for title in ("first", "second"):
            text = TEXT if title == "first" else TEXT.replace("Monday", "Friday")
            art, toks = _article(text, title)
            if hashed:
                art.content_hash = content_hash(text)
            found = [a for i, a in enumerate(_suggestions(text)) if i != drop]
            store.add_article(art, found, toks)
    return path


def make_text_corpus(path: Path, text: str, *quotes: str) -> Path:
    """One article of ``text`` whose suggestions are the quotes starting with each of
    ``quotes`` and running to their quotation mark (no speaker, no cue)."""
    found = []
    for q in quotes:
        start = text.index(q)
        end = min(text.index(mark, start) for mark in (',"', '."') if mark in text[start:])
        found.append(Attribution(Span(start, end + (text[end] == ".")), None, None))
    with Store(path) as store:
        store.add_article(
            Article(text=text, title="text", content_hash="text"), found, tokenize(text)
        )
    return path
