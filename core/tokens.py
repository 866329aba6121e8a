"""Token boundaries of an article, for snapping span edits to whole tokens."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from functools import lru_cache
from typing import TYPE_CHECKING

from core.model import Span

if TYPE_CHECKING:
    from spacy.tokenizer import Tokenizer  # type: ignore[import-not-found]

Tokens = list[tuple[int, int]]


@lru_cache(maxsize=1)
def _tokenizer() -> Tokenizer:
    import spacy

    return spacy.blank("en").tokenizer


def tokenize(text: str) -> Tokens:
    """(start, end) of every non-space token, as spaCy's English tokenizer splits them."""
    return [(t.idx, t.idx + len(t.text)) for t in _tokenizer()(text) if not t.is_space]


def snap(tokens: Tokens, start: int, end: int) -> Span | None:
    """The smallest run of whole tokens that covers the characters start..end."""
    starts = [s for s, _ in tokens]
    ends = [e for _, e in tokens]
    first = bisect_right(ends, start)  # first token ending after start
    last = bisect_left(starts, end) - 1  # last token starting before end
    if first > last or first >= len(tokens):
        return None
    return Span(tokens[first][0], tokens[last][1])


def move_edge(tokens: Tokens, span: Span, edge: str, step: int) -> Span | None:
    """Move a span's start or end by one token left (step -1) or right (+1).

    Returns None where it cannot move (the text's edge, or the span would be empty).
    """
    starts = [s for s, _ in tokens]
    ends = [e for _, e in tokens]
    if edge == "start":
        i = bisect_left(starts, span.start)
        j = i + step if i < len(starts) and starts[i] == span.start else (i - 1 if step < 0 else i)
        if not 0 <= j < len(starts) or starts[j] >= span.end:
            return None
        return Span(starts[j], span.end)
    i = bisect_left(ends, span.end)
    j = i + step if i < len(ends) and ends[i] == span.end else (i - 1 if step < 0 else i)
    if not 0 <= j < len(ends) or ends[j] <= span.start:
        return None
    return Span(span.start, ends[j])


def token_at(tokens: Tokens, pos: int) -> int:
    """Index of the token at or just after a character position (clamped)."""
    ends = [e for _, e in tokens]
    return min(bisect_right(ends, pos), max(len(tokens) - 1, 0))
