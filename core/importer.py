"""Reading articles from files: news-shaped text, plain text and Prodigy-style JSONL.

Nothing here touches the corpus; :mod:`core.store` stores what this returns.
"""

from __future__ import annotations

import codecs
import hashlib
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from core.config import MAX_IMPORT_BYTES
from core.model import Article, Attribution, Span, SpanError, Status

TEXT_SUFFIXES = {".txt", ".text", ".md"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}

_LINK_TAG = re.compile(r"</?u\s*>", re.IGNORECASE)
_BYLINE = re.compile(r"^\s*By\s+(\S.{0,150})$")
_RELATED = re.compile(r"^\s*(Related article|Related|Read more|See also)\s*:", re.IGNORECASE)
_FOOTER = re.compile(r"^\s*Original url\s*:\s*(.*)$", re.IGNORECASE)
_CAPTION = re.compile(r"^\s*(Photo|Image|Caption|Credit|Pictured|Video)\s*:", re.IGNORECASE)
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


class ImportProblem(Exception):
    """A file or line that cannot be imported; the message names it and says why."""


@dataclass
class Imported:
    """One article read from a file, with any annotations it carried."""

    article: Article
    attributions: list[Attribution] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


def content_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def decode(data: bytes, name: str) -> tuple[str, list[str]]:
    """Bytes to text: UTF-8 (with or without BOM), UTF-16 with BOM, else cp1252 with a warning."""
    if data.startswith(codecs.BOM_UTF8):
        return data[len(codecs.BOM_UTF8) :].decode("utf-8", errors="replace"), []
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16"), []
        except UnicodeDecodeError as exc:
            raise ImportProblem(f"{name}: not valid UTF-16 ({exc.reason})") from None
    if b"\x00" in data:
        raise ImportProblem(f"{name}: looks like a binary file (it contains NUL bytes)")
    try:
        return data.decode("utf-8"), []
    except UnicodeDecodeError:
        text = data.decode("cp1252", errors="replace")
        return text, [f"{name}: not UTF-8; read as Windows-1252 (cp1252), check the accents"]


def _check_text(text: str, name: str) -> None:
    if not text.strip():
        raise ImportProblem(f"{name}: the file is empty")
    if "\x00" in text:
        raise ImportProblem(f"{name}: looks like a binary file (it contains NUL characters)")
    controls = sum(1 for ch in text if ord(ch) < 32 and ch not in "\n\r\t\f\v")
    if controls > max(8, len(text) // 100):
        raise ImportProblem(f"{name}: looks like a binary file, not text")


def normalise(text: str) -> str:
    """Line endings to \\n, link tags removed, outer blank space trimmed."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _LINK_TAG.sub("", text)
    return text.strip()


def parse_date(line: str) -> str | None:
    """An ISO date from a dateline such as ``May 20, 2025``, or None."""
    s = re.sub(r"\s+", " ", line.strip()).rstrip(".")
    s = re.sub(r"\s*(\d{1,2}:\d{2}.*)$", "", s)  # drop a trailing time
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

    # Related-article lines and captions inside the body.
    for i in range(head_end, body_end):
        if _RELATED.match(line(i)) or _CAPTION.match(line(i)):
            non_body.append(Span(*paras[i]))
    if not art.title:
        art.title = Path(source).stem if source else ""
    art.non_body = _merge(non_body)
    art.content_hash = content_hash(text)
    return art


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


def parse_jsonl_record(obj: Any, where: str) -> Imported:
    """One JSONL line in Prodigy's task shape (``text``, ``meta``, optional
    ``quotes`` in our own shape or ``spans``/``relations`` in Prodigy's)."""
    if not isinstance(obj, dict) or not isinstance(obj.get("text"), str):
        raise ImportProblem(f'{where}: expected an object with a "text" string')
    text = obj["text"]
    _check_text(text, where)
    raw_meta = obj.get("meta")
    meta: dict[str, Any] = raw_meta if isinstance(raw_meta, dict) else {}
    try:
        non_body = [Span(int(s), int(e)) for s, e in meta.get("non_body", [])]
        status = Status(meta.get("status") or "todo")
    except (TypeError, ValueError) as exc:
        raise ImportProblem(f"{where}: bad meta ({exc})") from None
    art = Article(
        text=text,
        title=str(meta.get("title") or ""),
        byline=str(meta.get("byline") or ""),
        date=str(meta.get("date") or ""),
        url=str(meta.get("url") or ""),
        source=str(meta.get("source") or where),
        non_body=non_body,
        status=status,
        content_hash=content_hash(text),
    )
    try:
        for sp in non_body:
            sp.check(len(text), "non-body range")
        if "quotes" in obj:
            attrs = [Attribution.from_record(q) for q in obj["quotes"] or []]
        else:
            attrs = _from_prodigy_spans(obj)
        for a in attrs:
            a.check(len(text))
    except (SpanError, TypeError, ValueError, KeyError) as exc:
        raise ImportProblem(f"{where}: {exc}") from None
    return Imported(art, attrs)


def _from_prodigy_spans(obj: dict[str, Any]) -> list[Attribution]:
    """Attributions from Prodigy ``spans`` and cue-centred ``relations``."""
    spans = obj.get("spans") or []
    quotes = [Span(int(s["start"]), int(s["end"])) for s in spans if s.get("label") == "QUOTE"]
    linked: dict[Span, dict[str, Span]] = {q: {} for q in quotes}
    cue_of: dict[Span, Span] = {}
    speaker_of_cue: dict[Span, Span] = {}
    for r in obj.get("relations") or []:
        head = Span(int(r["head_span"]["start"]), int(r["head_span"]["end"]))
        child = Span(int(r["child_span"]["start"]), int(r["child_span"]["end"]))
        labels = (r["head_span"].get("label"), r["child_span"].get("label"))
        if labels == ("CUE", "QUOTE"):
            cue_of[child] = head
        elif labels == ("CUE", "SPEAKER"):
            speaker_of_cue[head] = child
        elif labels == ("SPEAKER", "QUOTE"):
            linked.setdefault(child, {})["speaker"] = head
    out = []
    for q in quotes:
        cue = cue_of.get(q)
        speaker = speaker_of_cue.get(cue) if cue else linked[q].get("speaker")
        out.append(Attribution(quote=q, speaker=speaker, cue=cue))
    return out


def read_file(
    path: Path, brat_labels: dict[str, str] | None = None
) -> Iterator[Imported | ImportProblem]:
    """Every article in one file; a problem is yielded, never raised."""
    name = str(path)
    try:
        size = path.stat().st_size
        if size > MAX_IMPORT_BYTES:
            raise ImportProblem(
                f"{name}: too large ({size // (1024 * 1024)} MB; the limit is "
                f"{MAX_IMPORT_BYTES // (1024 * 1024)} MB)"
            )
        data = path.read_bytes()
    except OSError as exc:
        yield ImportProblem(f"{name}: cannot be read ({exc.strerror or exc})")
        return
    except ImportProblem as exc:
        yield exc
        return
    try:
        text, warnings = decode(data, name)
    except ImportProblem as exc:
        yield exc
        return
    if path.suffix.lower() in JSONL_SUFFIXES:
        yield from _read_jsonl(text, name, warnings)
        return
    from core import brat  # it builds on this module

    try:
        _check_text(text, name)
        if brat.annotation_file(path) is not None:  # a .txt with its brat .ann
            yield brat.read_document(path, text, brat_labels, warnings)
            return
        yield Imported(parse_text(text, path.name), warnings=warnings)
    except ImportProblem as exc:
        yield exc


def _read_jsonl(text: str, name: str, warnings: list[str]) -> Iterator[Imported | ImportProblem]:
    if not text.strip():
        yield ImportProblem(f"{name}: the file is empty")
        return
    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        where = f"{name} line {n}"
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            yield ImportProblem(f"{where}: not valid JSON ({exc.msg} at column {exc.colno})")
            continue
        try:
            item = parse_jsonl_record(obj, where)
        except ImportProblem as exc:
            yield exc
            continue
        item.warnings.extend(warnings)
        warnings = []
        yield item


def collect_files(paths: list[Path]) -> Iterator[Path | ImportProblem]:
    """Files to import: the files named, and text/JSONL files found in folders, recursively."""
    for p in paths:
        if p.is_dir():
            for f in sorted(p.rglob("*")):
                if f.is_file() and f.suffix.lower() in TEXT_SUFFIXES | JSONL_SUFFIXES:
                    yield f
        elif p.is_file():
            yield p
        else:
            yield ImportProblem(f"{p}: no such file or folder")


def read_paths(
    paths: list[Path], brat_labels: dict[str, str] | None = None
) -> Iterator[Imported | ImportProblem]:
    """Every article in the files and folders given, with a problem for each that
    cannot be read; the rest still come."""
    for f in collect_files(paths):
        if isinstance(f, ImportProblem):
            yield f
        else:
            yield from read_file(f, brat_labels)
