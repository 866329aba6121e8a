"""Speaker choices for manual edits: candidate mentions near a quote (the M key), each
with the name it stands for (:func:`core.suggest.names.resolve_name`). Works on stored
tokens, without spaCy."""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass

from core.model import Attribution, Span, SpeakerKind
from core.suggest.lexicon import PERSONAL, PRONOUNS, SENTENCE_OPENERS
from core.suggest.names import full_names, names_by_last_word, resolve_name
from core.suggest.registry import guess_kind, looks_like_person
from core.tokens import Tokens

#: How far from the quote (in characters) mentions are looked for.
REACH = 3000
_QUOTE_MARKS = {'"', "\u201d", "\u201c"}
_SENTENCE_END = {".", "!", "?", ":"} | _QUOTE_MARKS


@dataclass(frozen=True)
class Candidate:
    """A mention that could be a quote's speaker, with the name it stands for."""

    span: Span
    name: str
    person: bool


def _is_person(mention: str, name: str, known: set[str]) -> bool:
    """A guess without a parser: a personal pronoun, or, written with a capital (another
    quote's speaker "the response" is no person), a known person (or a surname of one)
    or a name :func:`core.suggest.registry.looks_like_person` takes for one."""
    if mention.lower() in PERSONAL:
        return True
    if not mention[:1].isupper():
        return False
    return mention in known or name in known or looks_like_person(mention)


class Mentions:
    """Where an article's tokens could name a speaker: its capitalised words and its
    pronouns, found a chunk of tokens at a time as quotes ask for them, and kept (an
    article's text and tokens never change; which of them lie inside quotes is left to
    :func:`candidates`, as quotes do change)."""

    CHUNK = 1024  # tokens

    def __init__(self, text: str, tokens: Tokens) -> None:
        self.text, self.tokens = text, tokens
        self._chunks: dict[int, list[tuple[int, bool]]] = {}

    def between(self, lo: int, hi: int) -> Iterator[tuple[int, bool]]:
        """(token index, capitalised) of each capitalised word (else a pronoun) among
        tokens lo..hi, in text order."""
        for k in range(lo // self.CHUNK, hi // self.CHUNK + 1):
            for i, capital in self._chunk(k):
                if lo <= i <= hi:
                    yield i, capital

    def _chunk(self, k: int) -> list[tuple[int, bool]]:
        found = self._chunks.get(k)
        if found is None:
            text, first = self.text, k * self.CHUNK
            found = []
            for i, (start, end) in enumerate(self.tokens.bounds[first : first + self.CHUNK]):
                word = text[start:end]
                if word[:1].isupper() and word.replace(".", "").isalpha():
                    found.append((first + i, True))
                elif word.lower() in PRONOUNS:
                    found.append((first + i, False))
            self._chunks[k] = found
        return found


def candidates(
    text: str,
    tokens: Tokens,
    attributions: list[Attribution],
    quote: Span,
    non_body: list[Span] | None = None,
    mentions: Mentions | None = None,
    kinds: Mapping[str, SpeakerKind] | None = None,
) -> list[Candidate]:
    """Mentions that could be the speaker of ``quote``: other attributions' speakers,
    and runs of capitalised words and pronouns outside quotes and outside non-body text
    (headline, related-article lines), within ``REACH`` characters of it. People come
    first, nearest first; then other nouns, nearest first. ``mentions``: the article's,
    kept from an earlier call (else found here). ``kinds``: the kind of each speaker
    name the corpus knows (else guessed from the name): only people rank as people."""
    found: dict[Span, str] = {}
    reach = Span(max(0, quote.start - REACH), quote.end + REACH)
    near = [a for a in attributions if a.quote.overlaps(reach)]  # (a long article has many)
    this = next((a for a in near if a.quote == quote), None)
    lo, hi = tokens.covering(reach.start, reach.end)
    names = full_names(text[tokens[lo][0] : tokens[hi][1]]) if lo <= hi else {}
    for a in near:
        if a.speaker is not None:
            found.setdefault(a.speaker, a.speaker_name or text[a.speaker.start : a.speaker.end])
    quotes = sorted(a.quote for a in near)
    by_last = names_by_last_word(near)
    q = 0
    bounds = tokens.bounds
    run: list[int] = []  # token indices of a run of capitalised words

    def flush() -> None:
        if run:
            first = run[0]
            prev = _before(text, bounds, first)
            word = text[bounds[first][0] : bounds[first][1]]
            if prev in _SENTENCE_END and word.lower() in SENTENCE_OPENERS:
                run.pop(0)  # "While Trump": a sentence's first word, capitalised by place
                if not run:
                    return
                first = run[0]
            sp = Span(bounds[first][0], bounds[run[-1]][1])
            # a sentence's first word alone only beside the quote ("Critics said that")
            if len(run) > 1 or prev not in _SENTENCE_END or _beside(text, quote, sp) <= BESIDE:
                mention = text[sp.start : sp.end]
                if len(mention.rstrip(".")) > 1:  # not an initial or a lone letter ("X.")
                    found.setdefault(sp, resolve_name(mention, near, names=names, by_last=by_last))
        run.clear()

    # Only capitalised words and pronouns can be mentions; any other token ends a run.
    for i, capital in (mentions or Mentions(text, tokens)).between(lo, hi):
        if run and run[-1] != i - 1:
            flush()
        start, end = bounds[i]
        while q < len(quotes) and quotes[q].end <= start:
            q += 1
        if q < len(quotes) and quotes[q].start <= start:  # inside a quote
            flush()
        elif capital:
            if run and text[bounds[run[-1]][1] : start] != " ":
                flush()
            run.append(i)
        else:
            flush()
            found.setdefault(Span(start, end), resolve_name(text[start:end], near, start, this))
    flush()
    outside = non_body or []
    kinds = kinds or {}
    known = {  # the people among the speakers: the kind travels with the name
        n
        for n in {a.speaker_name for a in near if a.speaker_name}
        if kinds.get(n, guess_kind(n)) is SpeakerKind.PERSON
    }
    usable = [
        Candidate(sp, name, _is_person(text[sp.start : sp.end], name, known))
        for sp, name in found.items()
        if not sp.overlaps(quote) and not any(sp.overlaps(nb) for nb in outside)
    ]
    mid = (quote.start + quote.end) // 2
    return sorted(
        usable,
        key=lambda c: (
            _beside(text, quote, c.span),
            not c.person,
            abs((c.span.start + c.span.end) // 2 - mid),
            c.span.start,
        ),
    )


def _before(text: str, bounds: list[tuple[int, int]], i: int) -> str:
    """The token before token ``i`` (``.`` at the start); a closing quotation mark after
    a comma is no sentence's end (``..." Preobrazhensky told``): then the comma."""
    if i == 0:
        return "."
    prev = text[bounds[i - 1][0] : bounds[i - 1][1]]
    if i > 1 and prev in _QUOTE_MARKS and text[bounds[i - 2][0] : bounds[i - 2][1]] == ",":
        return ","
    return prev


#: How many words may stand between a quote and a mention beside it (``said that``),
#: in at most how many characters.
BESIDE, _BESIDE_CHARS = 2, 40
_WORD = re.compile(r"\w+")


def _beside(text: str, quote: Span, mention: Span) -> int:
    """How many words stand between a quote and a mention in the same paragraph, right
    before or after it (its cue, ``that``); past ``BESIDE`` (or another paragraph, or
    in the quote), more than any mention beside it."""
    lo, hi = (
        (quote.end, mention.start) if mention.start >= quote.end else (mention.end, quote.start)
    )
    gap = text[lo:hi] if 0 <= hi - lo <= _BESIDE_CHARS else "\n"
    words = len(_WORD.findall(gap))
    return words if words <= BESIDE and "\n" not in gap else BESIDE + 1
