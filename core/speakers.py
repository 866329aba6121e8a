"""Speaker choices for manual edits: candidate mentions near a quote, and the name
a typed or selected mention stands for. Works on stored tokens, without spaCy."""

from __future__ import annotations

from core.model import Attribution, Span
from core.tokens import Tokens

#: How far from the quote (in characters) mentions are looked for.
REACH = 3000
_PRONOUNS = {"he", "she", "they", "it", "we", "i"}
_SENTENCE_END = {".", "!", "?", '"', "\u201d", "\u201c", ":"}


def resolve_name(mention: str, attributions: list[Attribution]) -> str:
    """The fullest name already given to a speaker that ends with the mention's last
    word (``Stanovaya`` -> ``Tatiana Stanovaya``); else the mention as written."""
    words = mention.split()
    if not words:
        return mention
    best = mention.strip()
    for a in attributions:
        name = a.speaker_name or ""
        if name.split()[-1:] == words[-1:] and len(name) > len(best):
            best = name
    return best


def candidates(
    text: str, tokens: Tokens, attributions: list[Attribution], quote: Span
) -> list[tuple[Span, str]]:
    """Mentions that could be the speaker of ``quote``, nearest first: other
    attributions' speakers, and runs of capitalised words and pronouns outside quotes
    within ``REACH`` characters of it."""
    found: dict[Span, str] = {}
    for a in attributions:
        if a.speaker is not None:
            found.setdefault(a.speaker, a.speaker_name or text[a.speaker.start : a.speaker.end])
    quotes = sorted(a.quote for a in attributions)
    q = 0
    run: list[int] = []  # token indices of a run of capitalised words

    def flush() -> None:
        if run:
            first = run[0]
            prev = text[tokens[first - 1][0] : tokens[first - 1][1]] if first else "."
            if len(run) > 1 or prev not in _SENTENCE_END:  # not just a sentence's first word
                sp = Span(tokens[first][0], tokens[run[-1]][1])
                found.setdefault(sp, resolve_name(text[sp.start : sp.end], attributions))
        run.clear()

    lo, hi = tokens.covering(max(0, quote.start - REACH), quote.end + REACH)
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
        if not inside and word.lower() in _PRONOUNS:
            found.setdefault(Span(start, end), word)
    flush()
    usable = [(sp, name) for sp, name in found.items() if not sp.overlaps(quote)]
    mid = (quote.start + quote.end) // 2
    return sorted(usable, key=lambda c: (abs((c[0].start + c[0].end) // 2 - mid), c[0].start))
