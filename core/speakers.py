"""Speaker choices for manual edits: candidate mentions near a quote, and the name
a typed or selected mention stands for. Works on stored tokens, without spaCy."""

from __future__ import annotations

import re
from dataclasses import dataclass

from core.model import Attribution, Span
from core.suggest.lexicon import (
    CALENDAR,
    NON_PERSON_WORDS,
    PERSONAL,
    PRONOUNS,
    SENTENCE_OPENERS,
    TITLES,
)
from core.tokens import Tokens

#: How far from the quote (in characters) mentions are looked for.
REACH = 3000
_SENTENCE_END = {".", "!", "?", '"', "\u201d", "\u201c", ":"}


@dataclass(frozen=True)
class Candidate:
    """A mention that could be a quote's speaker, with the name it stands for."""

    span: Span
    name: str
    person: bool


def is_pronoun(mention: str) -> bool:
    return mention.strip().lower() in PRONOUNS


def resolve_name(
    mention: str,
    attributions: list[Attribution],
    pos: int | None = None,
    this: Attribution | None = None,
    names: dict[str, str] | None = None,
) -> str:
    """The name a mention stands for, for attribution ``this``. A pronoun keeps the
    person it refers to, as the suggester resolves it: ``he`` or ``she`` the named
    speaker of the nearest other attribution before ``pos``; any pronoun, else, the
    name ``this`` already has. A surname or short name becomes the fullest
    name already given to a speaker that ends with its last word (``Stanovaya`` ->
    ``Tatiana Stanovaya``), else the fullest name in the text that ends with it
    (``names``, from :func:`full_names`). Else the mention as written."""
    words = mention.split()
    if not words:
        return mention
    if is_pronoun(mention):
        before = [
            a.speaker_name
            for a in attributions
            if a.speaker_name
            and not is_pronoun(a.speaker_name)
            and (this is None or a.quote != this.quote)
            and (pos is None or a.quote.start < pos)
        ]
        if mention.strip().lower() in PERSONAL and before:
            return before[-1]
        own = this.speaker_name if this else None
        return own if own and not is_pronoun(own) else mention.strip()
    best = mention.strip()
    for a in attributions:
        name = a.speaker_name or ""
        if name.split()[-1:] == words[-1:] and len(name) > len(best):
            best = name
    if names is not None and best == mention.strip():
        full = names.get(words[-1], best)
        best = full if len(full.split()) > len(words) else best
    return best


_NAME_RUN = re.compile(r"[A-Z][\w'.-]*(?: [A-Z][\w'.-]*)+")


def full_names(text: str) -> dict[str, str]:
    """The longest run of capitalised words (titles left out) ending with each word,
    from one pass over the text: ``{"Brown": "Tom Brown"}``."""
    out: dict[str, str] = {}
    for m in _NAME_RUN.finditer(text):
        words = m.group().split()
        while words and words[0].lower().strip(".") in TITLES:
            words.pop(0)
        if len(words) >= 2 and len(words) > len(out.get(words[-1], "").split()):
            out[words[-1]] = " ".join(words)
    return out


def _is_person(mention: str, name: str, known: set[str]) -> bool:
    """A guess without a parser: a known speaker (or a surname of one), a personal
    pronoun, or two or more capitalised words none of which names an organisation, a
    place or a date."""
    words = mention.split()
    if mention in known or name in known or mention.lower() in PERSONAL:
        return True
    lowered = {w.lower().strip(".") for w in words}
    return len(words) >= 2 and not lowered & (NON_PERSON_WORDS | CALENDAR)


def candidates(
    text: str,
    tokens: Tokens,
    attributions: list[Attribution],
    quote: Span,
    non_body: list[Span] | None = None,
) -> list[Candidate]:
    """Mentions that could be the speaker of ``quote``: other attributions' speakers,
    and runs of capitalised words and pronouns outside quotes and outside non-body text
    (headline, related-article lines), within ``REACH`` characters of it. People come
    first, nearest first; then other nouns, nearest first."""
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
    q = 0
    run: list[int] = []  # token indices of a run of capitalised words

    def flush() -> None:
        if run:
            first = run[0]
            prev = text[tokens[first - 1][0] : tokens[first - 1][1]] if first else "."
            word = text[tokens[first][0] : tokens[first][1]]
            if prev in _SENTENCE_END and word.lower() in SENTENCE_OPENERS:
                run.pop(0)  # "While Trump": a sentence's first word, capitalised by place
                if not run:
                    return
                first = run[0]
            if len(run) > 1 or prev not in _SENTENCE_END:  # not just a sentence's first word
                sp = Span(tokens[first][0], tokens[run[-1]][1])
                mention = text[sp.start : sp.end]
                found.setdefault(sp, resolve_name(mention, near, names=names))
        run.clear()

    for i in range(lo, hi + 1):
        start, end = tokens[i]
        word = text[start:end]
        while q < len(quotes) and quotes[q].end <= start:
            q += 1
        inside = q < len(quotes) and quotes[q].start <= start
        if not inside and word[:1].isupper() and word.replace(".", "").isalpha():
            if run and text[tokens[run[-1]][1] : start] != " ":
                flush()
            run.append(i)
            continue
        flush()
        if not inside and word.lower() in PRONOUNS:
            found.setdefault(Span(start, end), resolve_name(word, near, start, this))
    flush()
    outside = non_body or []
    known = {a.speaker_name for a in near if a.speaker_name}
    usable = [
        Candidate(sp, name, _is_person(text[sp.start : sp.end], name, known))
        for sp, name in found.items()
        if not sp.overlaps(quote) and not any(sp.overlaps(nb) for nb in outside)
    ]
    mid = (quote.start + quote.end) // 2
    return sorted(
        usable,
        key=lambda c: (not c.person, abs((c.span.start + c.span.end) // 2 - mid), c.span.start),
    )
