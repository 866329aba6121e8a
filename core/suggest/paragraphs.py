"""An article's body as the paragraphs the pipeline parses, long ones cut after a sentence."""

from __future__ import annotations

import re

from core.model import Article

#: Paragraphs longer than this (news paragraphs are a few hundred characters) are
#: parsed in pieces cut after a sentence: the parser's memory grows with the characters
#: of a batch, so a piece this size keeps a batch of them bounded (ADR 0007).
MAX_PARAGRAPH = 1_000
#: Where a piece may end: after a sentence's final mark (and any closing quote or
#: bracket) and the space after it.
_SENTENCE_END = re.compile(r"[.!?][\"'\u201d\u2019)\]]*\s+")
#: Most words of a subheading between a body's paragraphs (``Payments suspended``).
HEADING_WORDS = 8


def is_subheading(text: str) -> bool:
    """Whether a paragraph is a subheading between the body's paragraphs: a few words
    with no mark of a sentence or a clause, some of them in marks or not (``Highlighting
    the achievements``, ``Authorities promise 'necessary sanctions'``); no quote, as a
    headline is none."""
    words = text.split()
    return 0 < len(words) <= HEADING_WORDS and not re.search(r"[.!?:;,]", text)


def is_heading(text: str) -> bool:
    """Whether a paragraph is a subheading with no mark of a quotation either
    (:func:`is_subheading`): no one's words and no paragraph a story goes on in."""
    return is_subheading(text) and not re.search(r"[\"\u201c\u201d]", text)


def paragraphs(article: Article) -> list[tuple[int, str]]:
    """(offset, text) of every body paragraph: each non-blank line outside ``non_body``,
    a low single mark written for a comma read as one (:func:`_as_commas`)."""
    out: list[tuple[int, str]] = []
    for body in article.body_ranges():
        chunk = article.text[body.start : body.end]
        for m in re.finditer(r"[^\n]+", chunk):
            if not m.group().strip():
                continue
            start, end = body.start + m.start(), body.start + m.end()
            while end - start > MAX_PARAGRAPH:  # (offsets, not the rest copied each time)
                cut = start + _cut(article.text[start : start + MAX_PARAGRAPH])
                out.append((start, _as_commas(article.text[start:cut])))
                start = cut
            out.append((start, _as_commas(article.text[start:end])))
    return out


#: A low single mark between a word and a space: a comma some papers' systems write so
#: (``officers‚ who have chosen``), never a quote's opening mark (``‚Ja‘``).
_LOW_MARK_AS_COMMA = re.compile(r"(?<=\w)\u201a(?=\s)")


def _as_commas(text: str) -> str:
    """A paragraph with each low single mark written for a comma read as a comma (the
    same length: offsets stay)."""
    return _LOW_MARK_AS_COMMA.sub(",", text) if "\u201a" in text else text


def _cut(window: str) -> int:
    """Where to end a piece of a long paragraph: after the window's last sentence, else
    after its last space, else (one endless word) at its end."""
    ends = [m.end() for m in _SENTENCE_END.finditer(window)]
    if ends and ends[-1] > len(window) // 4:
        return ends[-1]
    return window.rfind(" ") + 1 or len(window)
