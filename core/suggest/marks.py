"""Pairing quotation marks, one paragraph at a time.

Works on characters, not tokens, so it keeps exact offsets. Double marks of any
style pair with each other (a straight mark may open and a curly one close);
single marks count only outside double quotes (nested singles belong to the
outer quote) and never inside words (``Trump's``, ``we're``, ``'90s``). An unclosed
mark ends its quote at the end of the paragraph: it never runs further. A single mark
left open counts only where it opens its paragraph (a quote run on over paragraphs, each
opening with a mark and the last closing, as papers that quote with single marks write
it); elsewhere it is taken for no quote. An opening mark where a closing one would be
(after a word or a stop, before a space; also alone after a comma or a stop: ``down, “ he
added``) closes the quote open (``her patch.“``), and a
closing double mark where an opening one would be opens one (``”We will``), and two closing
single marks close a double quote (``“A,’’ he said``). Inside the quote
a paragraph opens, double marks around a name are the quote's own (``“... known as
“Two-two” ...``); elsewhere a fresh opening mark starts a new quote."""

from __future__ import annotations

import re
from dataclasses import dataclass

from core.model import QuoteType, Span
from core.suggest.lexicon import ELISIONS

DOUBLE_OPEN = "\u201c\u201e\u00ab"  # “ „ «
DOUBLE_CLOSE = "\u201d\u00bb"  # ” »
SINGLE_OPEN = "\u2018\u2039"  # ‘ ‹
SINGLE_CLOSE = "\u2019\u203a"  # ’ ›
ALL_MARKS = DOUBLE_OPEN + DOUBLE_CLOSE + SINGLE_OPEN + SINGLE_CLOSE + "\"'"
CLOSING_MARKS = DOUBLE_CLOSE + SINGLE_CLOSE + "\"'"  # the marks that may close a quote
_OPEN_CONTEXT = " \t\n([{\u2014\u2013-/" + DOUBLE_OPEN + SINGLE_OPEN + '"'


@dataclass(frozen=True)
class Quoted:
    """A quoted stretch of one paragraph, offsets relative to the text given."""

    open: int  # index of the opening mark
    close: int | None  # index of the closing mark; None when the paragraph ends first
    start: int  # first character inside the marks (spaces skipped)
    end: int  # end of the inside, exclusive
    double: bool


def _is_opening(text: str, i: int) -> bool:
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    return (before in _OPEN_CONTEXT or before in ALL_MARKS) and not after.isspace()


def _is_closing(text: str, i: int) -> bool:
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    # after sentence punctuation it closes even where the next space was lost (",\"she")
    return not before.isspace() and (not after.isalnum() or before in ",.?!;")


def _opens_words(text: str, i: int) -> bool:
    """A closing mark where an opening one would be, right before a word (``”We will``;
    not ``citizens ”.``, a closing one with its space)."""
    return _is_opening(text, i) and not _is_closing(text, i) and text[i + 1].isalnum()


def _stands_closing(text: str, i: int) -> bool:
    """A mark with a space on each side after a comma or a sentence's end (``burnt down,
    “ he added``): where a quote is open, it closes it."""
    return 1 < i < len(text) - 1 and text[i - 1] == text[i + 1] == " " and text[i - 2] in ",.?!"


def _is_squeezed(text: str, i: int) -> bool:
    """A straight mark between two letters (``said"We``, a lost space): it opens if no
    quote is open, and closes one that is (by then ``_is_closing`` fails too)."""
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    return before.isalpha() and after.isalpha()


def _inside(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _pair(text: str, double: bool, skip: list[tuple[int, int]]) -> list[Quoted]:
    """Pair the double (or single) marks of a paragraph, outside the ``skip`` ranges."""
    opens = DOUBLE_OPEN if double else SINGLE_OPEN
    closes = DOUBLE_CLOSE if double else SINGLE_CLOSE
    straight = '"' if double else "'"
    out: list[Quoted] = []
    start: int | None = None
    i = 0
    n = len(text)
    lead = n - len(text.lstrip())  # a paragraph's own opening mark may stay open
    while i < n:
        ch = text[i]
        if ch not in opens and ch not in closes and ch != straight:
            i += 1
            continue
        if any(a <= i < b for a, b in skip):
            i += 1
            continue
        if not double and _is_apostrophe(text, i, start is not None):
            i += 1
            continue
        if start is None:
            if (
                ch in opens
                or (ch == straight and (_is_opening(text, i) or double and _is_squeezed(text, i)))
                or (double and ch in closes and _opens_words(text, i))
            ):
                start = i  # (also '”We will': a closing mark written to open)
        elif (
            ch in closes
            or (ch == "\u201c" and text[start] == "\u201e")
            or (ch == straight and (_is_closing(text, i) or double and _is_squeezed(text, i)))
        ):
            _close(text, start, i, out)
            start = None
        elif ch == straight:
            if _is_opening(text, i):
                start = i  # a fresh opening mark: the earlier one was never closed
        elif (
            ch in opens
            and (_is_closing(text, i) or _stands_closing(text, i))
            and not _is_opening(text, i)
        ):
            _close(text, start, i, out)  # 'her patch.“', 'burnt down, “ he added': an
            start = None  # opening mark written to close
        elif ch in opens:
            inner = _nested_close(text, i, closes) if start == lead and double else None
            if inner is not None:  # '“A was known as “Two-two” in the city': one quote
                i = inner + 1
                continue
            start = i
        i += 1
    if start is not None:
        s, e = _inside(text, start + 1, n)
        if e > s:
            out.append(Quoted(start, None, s, e, double))
    return out


def _nested_close(text: str, i: int, closes: str) -> int | None:
    """Where a quote opened at ``i`` inside the quote its paragraph opens closes (a name in
    marks inside it: ``“... a member of Apache Tiger (also known as “Two-two”)
    confraternity,” he said``), with no other opening mark before; None for none."""
    for k in range(i + 1, len(text)):
        if text[k] in closes:
            return k
        if text[k] in DOUBLE_OPEN:
            return None
    return None


def _close(text: str, start: int, i: int, out: list[Quoted]) -> None:
    s, e = _inside(text, start + 1, i)
    if e > s:
        out.append(Quoted(start, i, s, e, text[start] not in SINGLE_OPEN + "'"))


def _is_apostrophe(text: str, i: int, pending: bool) -> bool:
    """A single mark inside a word, or starting an elision or a decade: no quote."""
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    if before.isalnum() and after.isalnum():
        return True  # we're, Trump's, O'Neill
    if not before.isalnum() and after.isdigit():
        return True  # '90s
    if not before.isalnum():
        word = ""
        j = i + 1
        while j < len(text) and text[j].isalpha():
            word += text[j]
            j += 1
        if word.lower() in ELISIONS and not pending:
            return True
    # leaders' (plural possessive) when no single quote is open
    return before in "sS" and after.isspace() and not pending


#: Two closing single marks written for a closing double one (``“A,’’ he said``).
_TWO_APOSTROPHES = re.compile("(?<=\\S)\u2019\u2019(?!\\w)")


def find_quotes(text: str) -> list[Quoted]:
    """Every quoted stretch of one paragraph, in order."""
    if "\u2019\u2019" in text:  # (the same length: offsets stay)
        text = _TWO_APOSTROPHES.sub("\u201d ", text)
    doubles = _pair(text, True, [])
    skip = [(q.open, (q.close if q.close is not None else len(text)) + 1) for q in doubles]
    lead = len(text) - len(text.lstrip())
    singles = [q for q in _pair(text, False, skip) if q.close is not None or q.open == lead]
    return sorted(doubles + singles, key=lambda q: q.open)


def quote_type(text: str, span: Span) -> QuoteType:
    """The type a quote gets when nobody gave one (the Q key, an import without it):
    direct when the span lies within a pair of quotation marks of its line (the marks
    themselves may be in it, as other corpora and a selection made by hand have them),
    else indirect."""
    start = text.rfind("\n", 0, span.start) + 1
    end = text.find("\n", span.start)
    line = text[start : end if end >= 0 else len(text)]
    lo, hi = span.start - start, span.end - start
    inside = any(
        q.open <= lo and hi <= (q.end if q.close is None else q.close + 1)
        for q in find_quotes(line)
    )
    return QuoteType.DIRECT if inside else QuoteType.INDIRECT


def opens_with_quote(text: str) -> bool:
    """Whether a paragraph starts with an opening mark (a quote continued from before),
    also two apostrophes written for one (``''There are ...''``)."""
    s = text.lstrip()
    return bool(s) and (
        s[0] in DOUBLE_OPEN + SINGLE_OPEN + '"'
        or (s[0] == "'" and len(s) > 1 and s[1].isalpha())
        or s.startswith("''")
    )
