"""Plain text, and news-shaped text (headline, byline, date, body, footer): read only.

What no other format claims is read as this, whatever its name.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

from core.formats.decoding import check_text
from core.formats.format import Format
from core.formats.imported import Imported, ImportProblem, content_hash, shown
from core.model import Article, Span

_LINK_TAG = re.compile(r"</?u\s*>", re.IGNORECASE)
_BYLINE = re.compile(r"^\s*By\s+(\S.{0,150})$")
_RELATED = re.compile(r"^\s*(Related article|Related|Read more|See also)\s*:", re.IGNORECASE)
_FOOTER = re.compile(r"^\s*Original url\s*:\s*(.*)$", re.IGNORECASE)
_CAPTION = re.compile(r"^\s*(Photo|Image|Caption|Credit|Pictured|Video)\s*:", re.IGNORECASE)
#: How a caption's line may end: ``| License Photo`` (UPI), ``REUTERS/Jay Janner``,
#: ``(Photo/ANI)``, ``(Express Photo)``.
_PHOTO_CREDIT = re.compile(
    r"(?i:\|\s*License Photo\s*$)|\b[A-Z]{2,}/[A-Z][a-z][^.!?]*$|\((Photo/\w+|\w+ Photo)\)\s*$"
)
#: A list item's bullet: ``•``, ``-``, ``*`` ... before its first word.
_BULLET = re.compile(r"^\s*[\u2022\u00b7\u25aa\u25e6\u2023*\u2013\u2014-]\s+")
#: What a caption's line holds besides its words: ``Photograph: Ann Lee/Reuters``.
_IMAGE_CREDIT = re.compile(
    r"\b(Photo(graph)?|Image|Picture|Credit|Video)s?\s*:|\b(Photo|Picture)\s+by\b"
    r"|\bImage (caption|source)\b|\bGetty Images\b|\bAP Photo\b",
    re.IGNORECASE,
)
#: Closing quotes and brackets, which may follow a sentence's final mark.
_CLOSERS = "\"'\u2019\u201d)] "
#: Words in quotation marks: opened after a space or at the start, closed before one.
_QUOTED = re.compile(r"(?:^|(?<=\s))[\"'\u2018\u201c](.+?)[\"'\u2019\u201d](?=[\s,.:;!?]|$)")
#: The words a pull quote has at least: a short phrase in marks (``'sincere'``) may
#: well come again in the body.
_PULL_QUOTE_WORDS = 5
#: The words of a standfirst at most: a longer line without a final full stop is a
#: paragraph of an outlet that leaves them out.
_STANDFIRST_WORDS = 25
#: The head's lines at most when no By line says where it ends: the headline and what
#: may stand under it.
_HEAD_LINES = 3
_URL = re.compile(r"https?://.+")  # the whole line: pasted URLs can hold spaces
_DATE_FORMATS = (
    "%B %d, %Y",
    "%b %d, %Y",
    "%b. %d, %Y",
    "%d %B %Y",
    "%d %b %Y",
    "%Y-%m-%d",
    "%A, %B %d, %Y",
    "%B %d %Y",
    "%m/%d/%Y",
)


def normalise(text: str) -> str:
    """Line endings to \\n, link tags removed, outer blank space trimmed."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _LINK_TAG.sub("", text)
    return text.strip()


def parse_date(line: str) -> str | None:
    """An ISO date from a dateline such as ``May 20, 2025`` or ``Oct. 6, 2012 at 1:42
    PM``, or None."""
    s = re.sub(r"\s+", " ", line.strip()).rstrip(".")
    s = re.sub(r"\s*(\bat\s+)?\d{1,2}:\d{2}.*$", "", s)  # drop a trailing time ("at 1:42 PM")
    for fmt in _DATE_FORMATS:
        try:
            return datetime.strptime(s, fmt).date().isoformat()
        except ValueError:
            continue
    return None


def _paragraphs(text: str) -> list[tuple[int, int]]:
    """(start, end) of each non-blank line of the text."""
    return [(m.start(), m.end()) for m in re.finditer(r"[^\n]+", text) if m.group().strip()]


def _ends_a_sentence(line: str, marks: str = ".,;:") -> bool:
    """Whether the line ends as a sentence or a clause does: with one of the marks, before
    any closing quotes and brackets (``He said: "We will."``), an ellipsis aside."""
    s = line.rstrip().rstrip(_CLOSERS)
    return s.endswith(tuple(marks)) and not s.endswith("...")


def _looks_like_title(line: str, alone: bool) -> bool:
    """A headline: a line that ends no sentence, at most 30 words, and short (12 words
    at most), in title case, or a paragraph of its own (``alone``: a blank line after
    it), as a headline in sentence case is (``Kim Jong Un said he would give up nukes,
    South Korean official says``)."""
    words = line.split()
    if not words or len(line) > 200 or len(words) > 30 or _ends_a_sentence(line):
        return False
    capitalised = sum(1 for w in words if w[:1].isupper() or not w[:1].isalpha())
    return capitalised >= len(words) * 0.6 or len(words) <= 12 or alone


def _quotes_what_follows(line: str, rest: str) -> bool:
    """Whether the line quotes words said that the text after it says again: a headline
    made of a pull quote (``'While we advanced ..., our execution did not meet our
    standards,' CEO says.``), which a first paragraph never is."""
    return any(
        len(m.group(1).split()) >= _PULL_QUOTE_WORDS and m.group(1).strip(" ,.") in rest
        for m in _QUOTED.finditer(line)
    )


def _alone(text: str, paras: list[tuple[int, int]]) -> bool:
    """Whether the first line is a paragraph of its own: a blank line after it."""
    return len(paras) > 1 and text.count("\n", paras[0][1], paras[1][0]) > 1


def _title_first(lines: list[str], alone: bool) -> bool:
    """Whether the first of the lines is a headline: no caption, no first line of a
    hard-wrapped paragraph (the next line goes on with its sentence), a title by its
    looks or one that quotes what follows."""
    first, following = lines[0], lines[1]
    if _is_caption(first) or (not alone and following[:1].islower()):
        return False
    return _looks_like_title(first, alone) or _quotes_what_follows(first, "\n".join(lines[1:]))


def _head(art: Article, lines: list[str], alone: bool) -> int:
    """How many of the lines (those before the footer) are the head: headline, By line,
    date, credit line; or headline, date and what stands under the headline. Its
    title, byline and date go into the article."""
    head_end = 0
    by_index = next(
        (i for i in range(min(4, len(lines))) if _BYLINE.match(lines[i]) and len(lines[i]) < 160),
        None,
    )
    if by_index is not None:
        art.byline = _BYLINE.match(lines[by_index]).group(1).strip()  # type: ignore[union-attr]
        if by_index > 0 and _title_first(lines, alone):
            art.title = lines[0].strip()
        head_end = by_index + 1
        for j in range(by_index + 1, min(by_index + 3, len(lines))):
            date = parse_date(lines[j])
            if date and not art.date:
                art.date = date
                head_end = j + 1
                continue
            if j == head_end and _is_credit(lines[j]):
                head_end = j + 1
            break
    elif len(lines) > 1 and _title_first(lines, alone):
        art.title = lines[0].strip()
        head_end = 1
        # Under the headline, before the body: its date, and lines that end no sentence
        # (a standfirst, a caption, a source line, an author and time).
        for j in range(1, min(_HEAD_LINES, len(lines) - 1)):
            if (date := parse_date(lines[j])) and not art.date:
                art.date = date
            elif not _is_caption(lines[j]) and (
                _ends_a_sentence(lines[j], ".!?,;:") or len(lines[j].split()) > _STANDFIRST_WORDS
            ):
                break
            head_end = j + 1
    return head_end


def parse_text(raw: str, source: str) -> Article:
    """An article from news-shaped or plain text.

    News shape: headline, ``By`` line, date, image-credit line, body,
    ``Related article:`` lines, ``Original url:`` footer. Everything but the body
    is recorded as ``non_body``; title, byline, date and URL become metadata.
    """
    text = normalise(raw)
    paras = _paragraphs(text)
    art = Article(text=text, source=source)
    non_body: list[Span] = []

    def line(i: int) -> str:
        s, e = paras[i]
        return text[s:e]

    # The footer: from "Original url:" to the end.
    body_end = len(paras)
    for i, (s, _e) in enumerate(paras):
        m = _FOOTER.match(line(i))
        if m:
            body_end = i
            url = m.group(1).strip() or next(
                (
                    u.group().strip()
                    for j in range(i + 1, len(paras))
                    if (u := _URL.search(line(j)))
                ),
                "",
            )
            art.url = url
            non_body.append(Span(s, len(text)))
            break

    head_end = _head(art, [line(i) for i in range(body_end)], _alone(text, paras))
    if head_end:
        non_body.append(Span(0, paras[head_end - 1][1]))

    # Related-article lines and captions (photo credits too) inside the body.
    for i in range(head_end, body_end):
        if _RELATED.match(line(i)) or _is_caption(line(i)):
            non_body.append(Span(*paras[i]))
    if not art.title:
        art.title = Path(source).stem if source else ""
    art.non_body = _merge(non_body)
    art.content_hash = content_hash(text)
    return art


def _is_caption(line: str) -> bool:
    """An image's caption: a line that says so first (``Photo: ...``), also as a list
    item (``- Image: ...``), a list item that credits an image (``• Workers outside
    the plant. Photograph: Ann Lee/Reuters``), or one that ends in a photo credit
    (``... | License Photo``, ``... REUTERS/Jay Janner``, ``... (Photo/ANI)``)."""
    bullet = _BULLET.match(line)
    item = line[bullet.end() :] if bullet else line
    return bool(
        _CAPTION.match(item)
        or _PHOTO_CREDIT.search(item)
        or (bullet and _IMAGE_CREDIT.search(item))
    )


def _is_credit(line: str) -> bool:
    """An image-credit line: short, and not a sentence."""
    s = line.strip()
    return len(s.split()) <= 12 and not s.endswith((".", "!", "?", '"', "\u201d", ":"))


def _merge(spans: list[Span]) -> list[Span]:
    out: list[Span] = []
    for sp in sorted(spans):
        if out and sp.start <= out[-1].end:
            out[-1] = Span(out[-1].start, max(out[-1].end, sp.end))
        else:
            out.append(sp)
    return out


def _read(
    path: Path, text: str, warnings: list[str], labels: dict[str, str] | None
) -> Iterator[Imported | ImportProblem]:
    check_text(text)
    yield Imported(parse_text(text, shown(path.name)), warnings=warnings)


FORMAT = Format(
    name="text",
    title="Text",
    help="plain or news-shaped text",
    suffixes=(".txt", ".text", ".md"),
    reader=_read,
)
