"""An article's tokens: as spaCy's tokenizer makes them (:class:`DocTokens`, what the
corpus stores, packed, and what the exports write) and their non-space bounds
(:class:`Tokens`, for snapping span edits to whole tokens)."""

from __future__ import annotations

import re
import sys
import zlib
from array import array
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import cached_property, lru_cache
from itertools import accumulate, compress
from operator import getitem, itemgetter, lt, sub
from typing import TYPE_CHECKING, overload

import orjson

from core.model import Span

if TYPE_CHECKING:
    from spacy.tokenizer import Tokenizer  # type: ignore[import-not-found]
    from spacy.tokens import Doc
    from spacy.vocab import Vocab


@lru_cache(maxsize=1)
def _tokenizer() -> Tokenizer:
    import spacy

    return spacy.blank("en").tokenizer


# -- bounded work: spaCy's tokenizer is quadratic on words that peel many affixes -----------

#: Words (runs of non-space characters) up to this long go to the tokenizer as they are,
#: and so do longer ones it splits with few affixes peeled (a URL, a long name).
LONG_WORD = 16
#: How many prefixes and suffixes a long word may shed in :func:`_peeled`'s count before
#: it is tokenized in pieces of ``LONG_WORD``: the tokenizer copies and searches the rest
#: of the word for each one, so a word of n ``(`` costs n * n / 2 characters searched
#: (15,000 of them, 55 s; 100,000 ``[``, hours).
MAX_PEELS = 8
#: Words longer than this are tokenized in pieces of it whatever they hold: spaCy's URL
#: pattern alone backtracks quadratically on some (``a:a:a:...``: 50,000 characters,
#: 21 s). No word of a news text is this long; a URL longer than this is cut.
MAX_WORD = 500
#: How much of each end of a word the count looks at: affixes are short.
_AFFIX_WINDOW = 64
_LONG = re.compile(rf"\S{{{LONG_WORD + 1},}}")


def _peeled(tokenizer: Tokenizer, word: str) -> bool:
    """Whether the tokenizer would shed more than ``MAX_PEELS`` prefixes and suffixes
    from ``word``: its own prefix and suffix searches, run on the word's ends only, in a
    bounded number of steps (as spaCy's affix loop, without its copies)."""
    start, end = 0, len(word)
    for _ in range(MAX_PEELS + 1):
        prefix = tokenizer.prefix_search(word[start : min(end, start + _AFFIX_WINDOW)])
        start += prefix.end() - prefix.start() if prefix else 0
        suffix = tokenizer.suffix_search(word[max(start, end - _AFFIX_WINDOW) : end])
        end -= suffix.end() - suffix.start() if suffix else 0
        if not (prefix or suffix) or start >= end:
            return False
    return True


def _cuts(tokenizer: Tokenizer, text: str) -> list[int]:
    """Where to cut the words the tokenizer would take more than linear time on: every
    ``MAX_WORD`` characters in a longer word, and every ``LONG_WORD`` characters in a
    word (or such a piece) that would shed many affixes. Each piece is then a word to
    the tokenizer, so its work is linear in the text."""
    cuts: list[int] = []
    for m in _LONG.finditer(text):
        for start in range(m.start(), m.end(), MAX_WORD):
            end = min(start + MAX_WORD, m.end())
            if end - start > LONG_WORD and _peeled(tokenizer, text[start:end]):
                cuts += range(start + LONG_WORD, end, LONG_WORD)
            if end < m.end():
                cuts.append(end)
    return cuts


def doc_of(tokenizer: Tokenizer, text: str) -> Doc:
    """``tokenizer(text)`` with the work bounded: exactly spaCy's tokens, but in a word
    of over ``MAX_WORD`` characters, tokenized in pieces of that, and in a word that
    would shed more than ``MAX_PEELS`` affixes, tokenized in pieces of ``LONG_WORD``
    characters (``((((...``, ``%%%%...``, runs of emoji: which the tokenizer splits into
    single characters anyway, almost always). The doc's text is ``text``, character for
    character."""
    cuts = _cuts(tokenizer, text) if _LONG.search(text) else []
    if not cuts:
        doc: Doc = tokenizer(text)
        return doc
    from spacy.tokens import Doc

    pieces = [text[a:b] for a, b in zip([0, *cuts], [*cuts, len(text)], strict=True)]
    spaced = tokenizer(" ".join(pieces))  # a space at each cut: the end of a word
    cut_at = {c + n for n, c in enumerate(cuts)}  # where each added space is in ``spaced``
    words = [t.text for t in spaced]
    spaces = [bool(t.whitespace_) and t.idx + len(t.text) not in cut_at for t in spaced]
    return Doc(tokenizer.vocab, words=words, spaces=spaces)


def make_doc(text: str) -> Doc:
    """The text as spaCy's English tokenizer splits it, whitespace tokens included:
    what ``nlp.make_doc(text)`` gives for any English pipeline (in linear time:
    :func:`doc_of`)."""
    return doc_of(_tokenizer(), text)


def tokenize(text: str) -> list[tuple[int, int]]:
    """(start, end) of every non-space token, as spaCy's English tokenizer splits them."""
    return [(t.idx, t.idx + len(t.text)) for t in make_doc(text) if not t.is_space]


class Tokens(Sequence[tuple[int, int]]):
    """An article's token bounds: their starts and their ends, indexed for bisection.
    Made from the stored tokens on every article opened (Shift+J, D), so as two lists
    of ints, which the stored tokens give in C: the (start, end) pairs are made only
    where a step reads them all (:attr:`bounds`: a speaker's candidates)."""

    def __init__(self, bounds: Iterable[tuple[int, int]]) -> None:
        pairs = [(int(s), int(e)) for s, e in bounds]
        self.starts = [s for s, _ in pairs]
        self.ends = [e for _, e in pairs]

    @classmethod
    def of_edges(cls, starts: list[int], ends: list[int]) -> Tokens:
        """From the starts and the ends of the tokens (ints already, in order)."""
        if len(starts) != len(ends):
            raise ValueError("as many starts as ends")
        tokens = cls.__new__(cls)
        tokens.starts, tokens.ends = starts, ends
        return tokens

    @cached_property
    def bounds(self) -> list[tuple[int, int]]:
        """(start, end) of every token, made when first read."""
        return list(zip(self.starts, self.ends, strict=True))

    def __len__(self) -> int:
        return len(self.starts)

    @overload
    def __getitem__(self, i: int) -> tuple[int, int]: ...
    @overload
    def __getitem__(self, i: slice) -> Sequence[tuple[int, int]]: ...
    def __getitem__(self, i: int | slice) -> tuple[int, int] | Sequence[tuple[int, int]]:
        if isinstance(i, slice):
            return list(zip(self.starts[i], self.ends[i], strict=True))
        return self.starts[i], self.ends[i]

    def __iter__(self) -> Iterator[tuple[int, int]]:
        return zip(self.starts, self.ends, strict=True)

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


# -- the tokens as spaCy makes them, and as the corpus stores them --------------------------

#: First byte of a packed token list: the layout below, so another can follow.
_PACKED_V1 = 1


class _JsonPieces:
    """The pieces of Prodigy's token JSON that depend on a number only, as UTF-8: for
    each character position ``","start":N,"end":`` and ``N``, for each token index the
    end of its object and the start of the next one's (by trailing space). Looked up,
    not formatted: the export writes a thousand tokens an article. Kept for texts of up
    to ``LIMIT`` characters (grown to the longest seen, 10 MB at the limit); longer ones
    are formatted, the same bytes."""

    LIMIT = 1 << 15

    def __init__(self) -> None:
        self.tables: tuple[list[bytes], list[bytes], list[tuple[bytes, bytes]]] = ([], [], [])

    @staticmethod
    def start(n: int) -> bytes:
        return b'","start":%d,"end":' % n

    @staticmethod
    def end(n: int) -> bytes:
        return b"%d" % n

    @staticmethod
    def tail(i: int, space: int) -> bytes:
        return b',"id":%d,"ws":%s},{"text":"' % (i, b"true" if space else b"false")

    def fit(self, n: int) -> tuple[list[bytes], list[bytes], list[tuple[bytes, bytes]]] | None:
        """The tables of starts, ends and tails for positions and token indices up to
        ``n``; None if that is over the limit. Grown tables replace the old ones whole,
        so a thread never reads tables another has half grown."""
        if n > self.LIMIT:
            return None
        starts, ends, tails = self.tables
        if n >= len(starts):
            new = range(len(starts), min(max(n + 1, 2 * len(starts)), self.LIMIT + 1))
            starts = starts + list(map(self.start, new))
            ends = ends + list(map(self.end, new))
            tails = tails + [(self.tail(i, 0), self.tail(i, 1)) for i in new]
            self.tables = (starts, ends, tails)
        return starts, ends, tails


_PIECES = _JsonPieces()
#: Between the last token's ``ws`` and the next ``text``: cut off after the last token.
_NEXT_TOKEN = b',{"text":"'


@dataclass
class DocTokens:
    """An article's tokens exactly as ``nlp.make_doc`` splits its text, whitespace
    tokens included: where each starts and ends, whether a space follows it (spaCy's
    ``whitespace_``) and which are whitespace tokens. Built and read with C-level list
    operations (``map``, ``accumulate``, ``join``), not Python code per token: an export
    reads 100,000 articles of a thousand tokens each."""

    text: str
    starts: list[int]
    ends: list[int]
    spaces: list[int]  # 1 where a single space follows the token, else 0
    space_tokens: list[int]  # indices of the whitespace tokens, ascending

    @classmethod
    def of(cls, text: str, bounds: Sequence[tuple[int, int]]) -> DocTokens:
        """From the text's non-space token bounds (what ``tokenize`` gives), with spaCy's
        whitespace rule: a single ``" "`` after a token is its trailing space, any other
        run of whitespace is a token of its own. Bounds that do not fit the text (none,
        overlapping, or with more than whitespace between them) are made anew."""
        out = cls._rebuild(text, bounds)
        if out is None:
            out = cls._rebuild(text, tokenize(text))
        assert out is not None, "the tokenizer's own bounds always fit"
        return out

    @classmethod
    def _rebuild(cls, text: str, bounds: Sequence[tuple[int, int]]) -> DocTokens | None:
        starts = list(map(itemgetter(0), bounds))
        ends = list(map(itemgetter(1), bounds))
        gap_ends = [*starts, len(text)]  # gap j runs from the end of token j-1 to token j
        gap_starts = [0, *ends]
        gaps = list(map(sub, gap_ends, gap_starts))
        if min(gaps) < 0 or (bounds and min(map(sub, ends, starts)) <= 0):
            return None
        firsts = list(map(f"{text} ".__getitem__, gap_starts))  # each gap's first character
        spaces = [g > 0 and c == " " for g, c in zip(gaps[1:], firsts[1:], strict=True)]
        # The usual gap is empty or one " " after a token; the others hold whitespace tokens.
        odd = [j for j, g in enumerate(gaps) if g > 1 or (g == 1 and (j == 0 or firsts[j] != " "))]
        out = cls(text, [], [], [], [])
        done = 0
        for j in odd:
            start = gap_starts[j] + (j > 0 and firsts[j] == " ")  # after the trailing space
            if not text[gap_starts[j] : gap_ends[j]].isspace():
                return None
            out.starts += starts[done:j]
            out.ends += ends[done:j]
            out.spaces += spaces[done:j]
            out.space_tokens.append(len(out.starts))
            out.starts.append(start)
            out.ends.append(gap_ends[j])
            out.spaces.append(False)
            done = j
        out.starts += starts[done:]
        out.ends += ends[done:]
        out.spaces += spaces[done:]
        return out

    @cached_property
    def words(self) -> list[str]:
        text = self.text  # a list comprehension: a third faster than mapping slice objects
        return [text[start:end] for start, end in zip(self.starts, self.ends, strict=True)]

    def _json_words(self) -> list[bytes]:
        """Each word as JSON writes it between its quotes, in one call: inside a JSON
        string every ``"`` is escaped, so ``","`` occurs in the list's JSON only between
        two strings. (``orjson`` escapes strings exactly as ``json.dumps(word,
        ensure_ascii=False)`` does: tested.)"""
        return orjson.dumps(self.words)[2:-2].split(b'","')

    def _not_space(self) -> list[int]:
        """1 for each token that is not a whitespace token, else 0."""
        keep = [1] * len(self.starts)
        for i in self.space_tokens:
            keep[i] = 0
        return keep

    def bounds(self) -> Tokens:
        """The non-space tokens' bounds."""
        keep = self._not_space()
        return Tokens.of_edges(list(compress(self.starts, keep)), list(compress(self.ends, keep)))

    def token_range(self, sp: Span) -> tuple[int, int]:
        """Indices of the first and last tokens the span touches (inclusive)."""
        return bisect_right(self.starts, sp.start) - 1, bisect_left(self.starts, sp.end) - 1

    def prodigy_json(self) -> bytes:
        """The tokens as Prodigy reads them, as JSON (UTF-8): ``text``, ``start``,
        ``end``, ``id`` and ``ws`` of each, the keys Prodigy's token-based interfaces use.
        Each token is four byte strings joined: its word and three from ``_PIECES``."""
        if not self.starts:
            return b"[]"
        tables = _PIECES.fit(len(self.text))
        if tables is not None:
            starts: Iterable[bytes] = map(tables[0].__getitem__, self.starts)
            ends: Iterable[bytes] = map(tables[1].__getitem__, self.ends)
            tails: Iterable[bytes] = map(getitem, tables[2], self.spaces)
        else:
            starts = map(_PIECES.start, self.starts)
            ends = map(_PIECES.end, self.ends)
            tails = map(_PIECES.tail, range(len(self.starts)), self.spaces)
        body = b"".join(map(b"".join, zip(self._json_words(), starts, ends, tails, strict=True)))
        return b'[{"text":"' + body[: -len(_NEXT_TOKEN)] + b"]"

    def doc(self, vocab: Vocab) -> Doc:
        from spacy.tokens import Doc

        return Doc(vocab, words=self.words, spaces=list(map(bool, self.spaces)))

    # -- packed, as the corpus stores them ---------------------------------------------------

    def pack(self) -> bytes:
        """A version byte, then zlib of little-endian uint32s: the number of tokens, the
        number of whitespace tokens, each token's length and trailing space (0 or 1) in
        turn, the whitespace tokens' indices. The starts are the running sum."""
        n = len(self.starts)
        flat = [0] * (2 * n)
        flat[0::2] = map(sub, self.ends, self.starts)
        flat[1::2] = map(int, self.spaces)
        values = array("I", [n, len(self.space_tokens), *flat, *self.space_tokens])
        if sys.byteorder == "big":
            values.byteswap()
        return bytes([_PACKED_V1]) + zlib.compress(values.tobytes())

    @classmethod
    def unpack(cls, text: str, packed: object) -> DocTokens | None:
        """What :meth:`pack` stored for ``text``; None unless it is whole, tiles the text
        exactly and puts whitespace where it says (a hand-edited or damaged value)."""
        if not isinstance(packed, bytes) or packed[:1] != bytes([_PACKED_V1]):
            return None
        inflate = zlib.decompressobj()
        try:  # each token holds a character at least: bounded, whatever the bytes say
            raw = inflate.decompress(packed[1:], 4 * (3 * len(text) + 2) + 4)
        except zlib.error:
            return None
        if len(raw) % 4 or len(raw) < 8 or not inflate.eof:
            return None
        values = array("I")
        values.frombytes(raw)
        if sys.byteorder == "big":
            values.byteswap()
        n, k = values[0], values[1]
        if len(values) != 2 + 2 * n + k:
            return None
        flat = values[2 : 2 + 2 * n]
        lengths, spaces = flat[0::2], flat[1::2]
        space_tokens = values[2 + 2 * n :].tolist()
        edges = list(accumulate(flat, initial=0))
        if (
            edges[-1] != len(text)
            or (n and (min(lengths) < 1 or max(spaces) > 1))
            or (k and (space_tokens[-1] >= n or not all(map(lt, space_tokens, space_tokens[1:]))))
        ):
            return None
        out = cls(text, edges[0:-1:2], edges[1::2], spaces.tolist(), space_tokens)
        words = out.words
        space_words = list(map(words.__getitem__, space_tokens))
        if (
            not all(map(str.isspace, space_words))
            # the other tokens hold no whitespace (nothing for split to split at), so,
            # the tokens tiling the text, each trailing space is a " " if the spaces add
            # up, and the other tokens hold every other character
            or len("".join(compress(words, out._not_space())).split()) > 1
            or text.count(" ") != sum(out.spaces) + sum(w.count(" ") for w in space_words)
        ):
            return None
        return out

    @classmethod
    def load(cls, text: str, packed: object) -> DocTokens:
        """The stored tokens, or the text tokenized anew where none fit (missing or
        damaged: they are a cache of the tokenizer, never the only copy of anything)."""
        out = cls.unpack(text, packed)
        return out if out is not None else cls.of(text, ())
