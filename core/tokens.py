"""Token boundaries of an article, for snapping span edits to whole tokens."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Iterator, Sequence
from functools import lru_cache
from typing import TYPE_CHECKING, overload

from core.model import Span

if TYPE_CHECKING:
    from spacy.tokenizer import Tokenizer  # type: ignore[import-not-found]
    from spacy.tokens import Doc


@lru_cache(maxsize=1)
def _tokenizer() -> Tokenizer:
    import spacy

    return spacy.blank("en").tokenizer


def make_doc(text: str) -> Doc:
    """The text as spaCy's English tokenizer splits it, whitespace tokens included:
    what ``nlp.make_doc(text)`` gives for any English pipeline."""
    doc: Doc = _tokenizer()(text)
    return doc


def tokenize(text: str) -> list[tuple[int, int]]:
    """(start, end) of every non-space token, as spaCy's English tokenizer splits them."""
    return [(t.idx, t.idx + len(t.text)) for t in make_doc(text) if not t.is_space]


class Tokens(Sequence[tuple[int, int]]):
    """An article's token bounds with their starts and ends indexed for bisection."""

    def __init__(self, bounds: Iterable[tuple[int, int]]) -> None:
        self.bounds = [(int(s), int(e)) for s, e in bounds]
        self.starts = [s for s, _ in self.bounds]
        self.ends = [e for _, e in self.bounds]

    def __len__(self) -> int:
        return len(self.bounds)

    @overload
    def __getitem__(self, i: int) -> tuple[int, int]: ...
    @overload
    def __getitem__(self, i: slice) -> Sequence[tuple[int, int]]: ...
    def __getitem__(self, i: int | slice) -> tuple[int, int] | Sequence[tuple[int, int]]:
        return self.bounds[i]

    def __iter__(self) -> Iterator[tuple[int, int]]:
        return iter(self.bounds)

    def covering(self, start: int, end: int) -> tuple[int, int]:
        """Indices of the first and last tokens that overlap start..end (last < first
        when none does)."""
        return bisect_right(self.ends, start), bisect_left(self.starts, end) - 1

    def snap(self, start: int, end: int) -> Span | None:
        """The smallest run of whole tokens that covers the characters start..end."""
        first, last = self.covering(start, end)
        if first > last or first >= len(self):
            return None
        return Span(self.starts[first], self.ends[last])

    def move_edge(self, span: Span, edge: str, step: int) -> Span | None:
        """Move a span's start or end by one token left (step -1) or right (+1).

        Returns None where it cannot move (the text's edge, or the span would be empty).
        """
        bounds = self.starts if edge == "start" else self.ends
        pos = span.start if edge == "start" else span.end
        i = bisect_left(bounds, pos)
        on_token = i < len(bounds) and bounds[i] == pos
        j = i + step if on_token else (i - 1 if step < 0 else i)
        if not 0 <= j < len(bounds):
            return None
        if edge == "start":
            return Span(bounds[j], span.end) if bounds[j] < span.end else None
        return Span(span.start, bounds[j]) if bounds[j] > span.start else None

    def token_at(self, pos: int) -> int:
        """Index of the token at or just after a character position (clamped)."""
        return min(bisect_right(self.ends, pos), max(len(self) - 1, 0))
