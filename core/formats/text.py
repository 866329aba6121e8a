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
_PHOTO_CREDIT = re.compile(r"\|\s*License Photo\s*$", re.IGNORECASE)  # UPI's captions
#: A list item's bullet: ``•``, ``-``, ``*`` ... before its first word.
_BULLET = re.compile(r"^\s*[\u2022\u00b7\u25aa\u25e6\u2023*\u2013\u2014-]\s+")
#: What a caption's line holds besides its words: ``Photograph: Ann Lee/Reuters``.
_IMAGE_CREDIT = re.compile(
    r"\b(Photo(graph)?|Image|Picture|Credit|Video)s?\s*:|\b(Photo|Picture)\s+by\b"
    r"|\bImage (caption|source)\b|\bGetty Images\b|\bAP Photo\b",
    re.IGNORECASE,
)
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


def _looks_like_title(line: str) -> bool:
    words = line.split()
    if not words or len(line) > 200 or len(words) > 30:
        return False
    if line.rstrip().endswith((".", ",", ";")) and not line.rstrip().endswith("..."):
        return False
    capitalised = sum(1 for w in words if w[:1].isupper() or not w[:1].isalpha())
    return capitalised >= len(words) * 0.6 or len(words) <= 12


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

    # The head: headline, By line, date, credit line, within the first paragraphs.
    head_end = 0
    by_index = next(
        (i for i in range(min(4, body_end)) if _BYLINE.match(line(i)) and len(line(i)) < 160),
        None,
    )
    if by_index is not None:
        art.byline = _BYLINE.match(line(by_index)).group(1).strip()  # type: ignore[union-attr]
        if by_index > 0 and _looks_like_title(line(0)):
            art.title = line(0).strip()
        head_end = by_index + 1
        for j in range(by_index + 1, min(by_index + 3, body_end)):
            date = parse_date(line(j))
            if date and not art.date:
                art.date = date
                head_end = j + 1
                continue
            if j == head_end and _is_credit(line(j)):
                head_end = j + 1
            break
    elif paras and body_end > 1 and _looks_like_title(line(0)):
        art.title = line(0).strip()
        head_end = 1
        if body_end > 2 and (date := parse_date(line(1))):
            art.date = date
            head_end = 2
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
    (``... | License Photo``)."""
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
