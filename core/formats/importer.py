"""Reading articles from files: news-shaped text, plain text and Prodigy-style JSONL.

Nothing here touches the corpus; :mod:`core.corpus.store` stores what this returns.
"""

from __future__ import annotations

import codecs
import hashlib
import json
import math
import os
import re
import stat
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from pathlib import Path
from typing import Any, TypeVar

from core.config import MAX_IMPORT_BYTES
from core.model import (
    Article,
    Attribution,
    Origin,
    QuoteType,
    Span,
    SpanError,
    State,
    Status,
    check_attributions,
    excerpt,
)
from core.suggest.marks import quote_type
from core.suggest.names import full_names, is_pronoun, resolve_name
from core.tokens import Tokens, tokenize

TEXT_SUFFIXES = {".txt", ".text", ".md"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}

_LINK_TAG = re.compile(r"</?u\s*>", re.IGNORECASE)
_BYLINE = re.compile(r"^\s*By\s+(\S.{0,150})$")
_RELATED = re.compile(r"^\s*(Related article|Related|Read more|See also)\s*:", re.IGNORECASE)
_FOOTER = re.compile(r"^\s*Original url\s*:\s*(.*)$", re.IGNORECASE)
_CAPTION = re.compile(r"^\s*(Photo|Image|Caption|Credit|Pictured|Video)\s*:", re.IGNORECASE)
_URL = re.compile(r"https?://.+")  # the whole line: pasted URLs can hold spaces
_E = TypeVar("_E", bound=StrEnum)
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
    #: The record carried annotations or an answer (even none): never suggest for it.
    annotated: bool = False
    #: Token bounds of the text, when the importer already computed them.
    tokens: list[tuple[int, int]] | None = None


def content_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


#: Text read as cp1252 with more than this share of non-ASCII characters (spaces aside)
#: is refused: Western European text has a few per cent; text in another encoding
#: (Shift-JIS, GBK, Windows-1251...) read so is mostly accented letters and symbols.
FOREIGN_SHARE = 0.3
#: A UTF-8 encoded accented letter or other character from U+0080 to U+07FF (two bytes:
#: "é" is C3 A9). In a cp1252 file such a pair reads as two odd symbols ("Ã©"), which
#: real text hardly ever holds.
_UTF8_LETTER = re.compile(rb"[\xc2-\xdf][\x80-\xbf]")


def _mostly_utf8(data: bytes) -> bool:
    """Whether most of the bytes past ASCII are UTF-8 letters (see ``_UTF8_LETTER``): a
    UTF-8 file with a few bad bytes, not a cp1252 one where an accent happens to meet a
    curly quote ("É”")."""
    pairs = len(_UTF8_LETTER.findall(data))
    return pairs > 0 and 4 * pairs >= sum(b >= 0x80 for b in data)


def decode(data: bytes, name: str) -> tuple[str, list[str]]:
    """Bytes to text: UTF-8 (with or without BOM), UTF-16 with BOM, UTF-16 without one
    when its NUL bytes say so, else cp1252 with a warning, unless the bytes are not
    cp1252 either (ones it leaves undefined, or mojibake: see FOREIGN_SHARE)."""
    if data.startswith(codecs.BOM_UTF8):
        try:
            return data[len(codecs.BOM_UTF8) :].decode("utf-8"), []
        except UnicodeDecodeError as exc:
            at = exc.start + len(codecs.BOM_UTF8)
            raise ImportProblem(
                f"starts as UTF-8 (a byte order mark) but byte {at} (0x{data[at]:02x}) is not "
                "UTF-8: damaged, or saved in two encodings; save it as UTF-8"
            ) from None
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16"), []
        except UnicodeDecodeError as exc:
            raise ImportProblem(f"not valid UTF-16 ({exc.reason})") from None
    if b"\x00" in data:
        return _utf16_without_bom(data, name)
    try:
        return data.decode("utf-8"), []
    except UnicodeDecodeError as exc:
        not_utf8 = f"not UTF-8 (byte {exc.start}: 0x{data[exc.start]:02x})"
    if _mostly_utf8(data):  # read as cp1252, its accents would become "Ã©"
        raise ImportProblem(
            f"{not_utf8}, though it holds UTF-8 letters elsewhere: damaged, or saved in "
            "two encodings; save it as UTF-8"
        )
    text = data.decode("cp1252", errors="replace")
    seen = [ch for ch in text if not ch.isspace()]
    foreign = sum(not ch.isascii() for ch in seen)
    why = ""
    if "\ufffd" in text:
        why = "it holds bytes Windows-1252 (cp1252) does not define"
    elif foreign >= 8 and foreign > FOREIGN_SHARE * len(seen):
        why = (
            f"read as Windows-1252 (cp1252) {foreign * 100 // len(seen)}% of its characters "
            "would be accented letters and symbols"
        )
    if why:
        raise ImportProblem(
            f"{not_utf8}, and {why}: it is in another encoding (Shift-JIS, GBK, "
            "Windows-1251...) or damaged; save it as UTF-8"
        )
    return text, [f"{name}: {not_utf8}; read as Windows-1252 (cp1252), check the accents"]


def _utf16_without_bom(data: bytes, name: str) -> tuple[str, list[str]]:
    """Bytes with NULs: read as UTF-16 without a byte order mark when at least half the
    byte pairs hold a NUL, (nearly) all on the same side (the high byte of a character
    below U+0100: the letters, spaces and digits of most text), and the bytes decode
    strictly; NULs on one side but fewer are named as UTF-16 and refused."""
    high_le, high_be = data[1::2].count(0), data[0::2].count(0)
    high, other = max(high_le, high_be), min(high_le, high_be)
    if high < 4 or other > high // 20:
        raise ImportProblem("looks like a binary file (it contains NUL bytes)")
    codec = "utf-16-le" if high_le > high_be else "utf-16-be"
    try:
        text = data.decode(codec) if high >= len(data) // 4 else None
    except UnicodeDecodeError:
        text = None
    if text is None:
        raise ImportProblem(
            "looks like UTF-16 without a byte order mark (NUL bytes between the "
            "characters), which cannot be read reliably; save it as UTF-8"
        )
    _check_text(text)
    return text, [f"{name}: UTF-16 without a byte order mark; read as {codec.upper()}"]


def _check_text(text: str, what: str = "the file") -> None:
    if not text.strip():
        raise ImportProblem(f"{what} is empty")
    if "\x00" in text:
        raise ImportProblem("looks like a binary file (it contains NUL characters)")
    controls = sum(1 for ch in text if ord(ch) < 32 and ch not in "\n\r\t\f\v")
    if controls > max(8, len(text) // 100):
        raise ImportProblem("looks like a binary file, not text")


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


def shown(path: str | bytes | os.PathLike[str] | os.PathLike[bytes]) -> str:
    """A file name fit for a report line: as it is when printable, else quoted with its
    control characters and undecodable bytes escaped (a name cannot forge report lines)."""
    name = os.fsdecode(path)
    if name.isprintable():
        return name
    out = []
    for ch in name:
        if ch.isprintable() and not 0xD800 <= ord(ch) <= 0xDFFF:
            out.append(ch)
        elif 0xDC80 <= ord(ch) <= 0xDCFF:  # a byte os.fsdecode could not decode
            out.append(f"\\x{ord(ch) - 0xDC00:02x}")
        else:
            out.append(repr(ch)[1:-1])
    return "'" + "".join(out) + "'"


# -- JSONL lines: any JSON value is validated into the model or refused with its reason ----


def _finite(text: str) -> float:
    value = float(text)
    if not math.isfinite(value):
        raise ValueError(f"number {text[:20]} is too large")
    return value


def _no_constant(name: str) -> float:
    raise ValueError(f"{name} is not a number")


def _load(line: str) -> Any:
    """One JSON value; ValueError (with a short reason) for anything that is not plain JSON."""
    try:
        return json.loads(line, parse_float=_finite, parse_constant=_no_constant)
    except json.JSONDecodeError as exc:
        # json's "Unterminated string starting at" names the column it gives
        why = exc.msg.removesuffix(" starting at")
        raise ValueError(f"not valid JSON ({why} at column {exc.colno})") from None
    except RecursionError:
        raise ValueError("not valid JSON (nested too deeply)") from None
    except ValueError as exc:  # an integer over Python's digit limit, inf, NaN
        raise ValueError(f"not valid JSON ({str(exc).split(';')[0]})") from None


def _string(value: Any, what: str, *, optional: bool = True) -> str:
    if value is None and optional:
        return ""
    if not isinstance(value, str):
        raise ImportProblem(f"{what} is not a string")
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        raise ImportProblem(f"{what} holds an unpaired surrogate (not valid Unicode)") from None
    return value


def _offset(value: Any, what: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise ImportProblem(f"{what} is not a whole number")
    return value


def _object(value: Any, what: str) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise ImportProblem(f"{what} is not an object")
    return value


def _list(value: Any, what: str) -> list[Any]:
    if value is None:
        return []
    if not isinstance(value, list):
        raise ImportProblem(f"{what} is not a list")
    return value


def _span(value: Any, what: str) -> Span:
    d = _object(value, what)
    return Span(_offset(d.get("start"), f"{what} start"), _offset(d.get("end"), f"{what} end"))


def _choice(value: Any, kind: type[_E], default: _E, what: str) -> _E:
    if value is None or value == "":
        return default
    try:
        return kind(_string(value, what))
    except ValueError:
        allowed = ", ".join(kind)
        raise ImportProblem(f"{what} {value!r:.40} is not one of {allowed}") from None


def _attribution(value: Any, what: str, text: str) -> Attribution:
    """One attribution in QuoteLab's own record shape (``Attribution.to_record``); with
    no type, the quote's is the one the Q key gives (:func:`quote_type`)."""
    d = _object(value, what)
    if d.get("quote") is None:
        raise ImportProblem(f"{what} has no quote span")

    def optional_span(key: str) -> Span | None:
        return None if d.get(key) is None else _span(d[key], f"{what} {key}")

    conf = d.get("confidence")
    quote = _span(d["quote"], f"{what} quote")
    given = d.get("type")
    return Attribution(
        quote=quote,
        speaker=optional_span("speaker"),
        cue=optional_span("cue"),
        speaker_name=_string(d.get("speaker_name"), f"{what} speaker_name").strip() or None,
        type=quote_type(text, quote)
        if given is None or given == ""
        else _choice(given, QuoteType, QuoteType.DIRECT, f"{what} type"),
        state=_choice(d.get("state"), State, State.SUGGESTED, f"{what} state"),
        origin=_choice(d.get("origin"), Origin, Origin.MODEL, f"{what} origin"),
        confidence=None if conf is None else _number(conf, f"{what} confidence"),
    )


def _number(value: Any, what: str) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise ImportProblem(f"{what} is not a number")
    try:
        return float(value)
    except OverflowError:
        raise ImportProblem(f"{what} is too large") from None


#: What a Prodigy ``answer`` does to the task's attributions (ADR 0007): accept and
#: reject decide them all and mark the article done; ignore (skipped) leaves the states
#: and the status (``meta.status``) as the file has them.
ANSWERS = {"accept": State.ACCEPTED, "reject": State.REJECTED, "ignore": None}


def parse_jsonl_record(obj: Any, where: str) -> Imported:
    """One JSONL line in Prodigy's task shape (``text``, ``meta``, ``spans``/``relations``,
    ``answer``) or QuoteLab's (``quotes``); raise ImportProblem naming what is wrong.

    Prodigy's ``spans``/``relations`` win over ``quotes`` when both are there (the spans
    are what Prodigy shows and edits); an ``answer`` sets the state of every attribution
    and the article's status, as ADR 0007 says. Spans must lie on token bounds."""
    try:
        return _record(obj)
    except (ImportProblem, SpanError) as exc:
        raise ImportProblem(f"{where}: {exc}") from None


def _record(obj: Any) -> Imported:
    if not isinstance(obj, dict) or not isinstance(obj.get("text"), str):
        raise ImportProblem('expected an object with a "text" string')
    text = _string(obj["text"], "text")
    _check_text(text, "the text")
    meta = _object(obj.get("meta") or {}, "meta")
    non_body = []
    for i, pair in enumerate(_list(meta.get("non_body"), "meta non_body")):
        if not isinstance(pair, list) or len(pair) != 2:
            raise ImportProblem(f"meta non_body item {i + 1} is not a [start, end] pair")
        sp = Span(_offset(pair[0], "non-body start"), _offset(pair[1], "non-body end"))
        sp.check(len(text), "non-body range")
        non_body.append(sp)
    art = Article(
        text=text,
        title=_string(meta.get("title"), "meta title"),
        byline=_string(meta.get("byline"), "meta byline"),
        date=_string(meta.get("date"), "meta date"),
        url=_string(meta.get("url"), "meta url"),
        source=_string(meta.get("source"), "meta source"),
        non_body=non_body,
        status=_choice(meta.get("status"), Status, Status.TODO, "meta status"),
        content_hash=content_hash(text),
    )
    answer = obj.get("answer")
    if answer is not None and (not isinstance(answer, str) or answer not in ANSWERS):
        raise ImportProblem(f"answer {answer!r} is not one of {', '.join(ANSWERS)}")
    quotes = [
        _attribution(q, f"quote {i + 1}", text)
        for i, q in enumerate(_list(obj.get("quotes"), "quotes"))
    ]
    attrs = quotes
    if "spans" in obj or "relations" in obj:
        attrs = _with_details(_from_prodigy_spans(obj), quotes, text)
    state = None if answer is None else ANSWERS[answer]
    if state is not None:  # accept or reject: the annotator decided the whole task
        attrs = [a if a.state is State.REJECTED else a.with_(state=state) for a in attrs]
        art.status = Status.DONE
    bounds = tokenize(text)
    try:
        check_attributions(attrs, len(text), Tokens(bounds))
    except SpanError as exc:
        raise ImportProblem(span_problem(exc, text)) from None
    annotated = answer is not None or any(k in obj for k in ("quotes", "spans", "relations"))
    return Imported(art, named(text, attrs), annotated=annotated, tokens=bounds)


def span_problem(exc: SpanError, text: str) -> str:
    """A span refusal with what the text holds at the span, when it names one."""
    if exc.span is None:
        return str(exc)
    return f"{exc}: {excerpt(text[exc.span.start : exc.span.end])}"


def named(text: str, attrs: list[Attribution]) -> list[Attribution]:
    """``attrs`` (sound spans) with a speaker name for each speaker that came without
    one: the name the S key gives the mention (:func:`core.review.speakers.resolve_name`: a
    pronoun keeps the person named before it, a surname becomes the fullest name),
    in text order, whatever the file's order; names given in the file are kept as they
    are. A pronoun that names nobody before it gets no name (not "he")."""
    out = sorted(attrs, key=lambda a: a.quote.start)  # a pronoun looks back in the text
    names: dict[str, str] | None = None
    for i, a in enumerate(out):
        if a.speaker is None or a.speaker_name:
            continue
        names = full_names(text) if names is None else names
        mention = text[a.speaker.start : a.speaker.end]
        name = resolve_name(mention, out, a.speaker.start, a, names)
        out[i] = a.with_(speaker_name=None if is_pronoun(name) else name)
    return out


def _from_prodigy_spans(obj: dict[str, Any]) -> list[Attribution]:
    """Attributions from Prodigy ``spans`` and cue-centred ``relations``: a QUOTE span
    with no relation stands alone; a relation to a span that is not in ``spans`` is
    refused (Prodigy keeps both in step)."""

    def labelled(raw: Any, what: str) -> tuple[Span, str]:
        label = _string(_object(raw, what).get("label"), f"{what} label", optional=False)
        return _span(raw, what), label

    spans = {
        labelled(raw, f"span {i + 1}") for i, raw in enumerate(_list(obj.get("spans"), "spans"))
    }
    cue_of: dict[Span, Span] = {}
    speaker_of_cue: dict[Span, Span] = {}
    speaker_of: dict[Span, Span] = {}
    for i, raw in enumerate(_list(obj.get("relations"), "relations")):
        what = f"relation {i + 1}"
        r = _object(raw, what)
        ends = [labelled(r.get(key), f"{what} {key}") for key in ("head_span", "child_span")]
        for (sp, label), key in zip(ends, ("head_span", "child_span"), strict=True):
            if (sp, label) not in spans:
                raise ImportProblem(f"{what} {key} {label} {sp.start}-{sp.end} is not in spans")
        (head, head_label), (child, child_label) = ends
        if (head_label, child_label) == ("CUE", "QUOTE"):
            cue_of[child] = head
        elif (head_label, child_label) == ("CUE", "SPEAKER"):
            speaker_of_cue[head] = child
        elif (head_label, child_label) == ("SPEAKER", "QUOTE"):
            speaker_of[child] = head
    out = []
    for q in sorted(sp for sp, label in spans if label == "QUOTE"):
        cue = cue_of.get(q)
        speaker = speaker_of_cue.get(cue) if cue else None
        out.append(Attribution(quote=q, speaker=speaker or speaker_of.get(q), cue=cue))
    return out


def _with_details(
    edited: list[Attribution], quotes: list[Attribution], text: str
) -> list[Attribution]:
    """The attributions Prodigy shows (``edited``, from spans and relations), with the
    details only QuoteLab's ``quotes`` hold (type, state, origin, speaker name,
    confidence) taken from the quote of the same span (with none, the type is
    :func:`quote_type`'s); rejected quotes, which the spans leave out, are kept where
    they overlap none of the shown ones."""
    by_span = {q.quote: q for q in quotes if q.state is not State.REJECTED}
    out = []
    for a in edited:
        old = by_span.get(a.quote)
        if old is not None:
            name = old.speaker_name if old.speaker == a.speaker else None
            a = old.with_(speaker=a.speaker, cue=a.cue, speaker_name=name)
        else:
            a = a.with_(type=quote_type(text, a.quote))
        out.append(a)
    out += [
        q
        for q in quotes
        if q.state is State.REJECTED and not any(q.quote.overlaps(a.quote) for a in edited)
    ]
    return sorted(out, key=lambda a: (a.quote.start, a.quote.end))


def read_file(
    path: Path, brat_labels: dict[str, str] | None = None
) -> Iterator[Imported | ImportProblem]:
    """Every article in one file; a problem is yielded, never raised."""
    name = shown(path)
    too_large = ImportProblem(f"{name}: too large (the limit is {MAX_IMPORT_BYTES // 2**20} MB)")
    try:
        if not stat.S_ISREG(path.stat().st_mode):  # a FIFO or device would never end
            yield ImportProblem(f"{name}: not a regular file")
            return
        with path.open("rb") as f:
            data = f.read(MAX_IMPORT_BYTES + 1)
        if len(data) > MAX_IMPORT_BYTES:
            yield too_large
            return
    except OSError as exc:
        yield ImportProblem(f"{name}: cannot be read ({exc.strerror or exc})")
        return
    try:
        text, warnings = decode(data, name)
        if path.suffix.lower() in JSONL_SUFFIXES:
            yield from _read_jsonl(text, name, warnings)
            return
        _check_text(text)
        from core.formats import brat  # it builds on this module

        if brat.annotation_file(path) is not None:  # a .txt with its brat .ann
            yield brat.read_document(path, text, brat_labels, warnings)
            return
        yield Imported(parse_text(text, shown(path.name)), warnings=warnings)
    except ImportProblem as exc:
        yield ImportProblem(f"{name}: {exc}")


def jsonl_lines(text: str) -> Iterator[tuple[int, str]]:
    """(number, line) of each line of a JSONL text, split on ``\\n`` only: U+2028, U+0085
    and the like are characters of the text, not line ends."""
    for n, line in enumerate(text.split("\n"), 1):
        yield n, line.removesuffix("\r")


def _read_jsonl(text: str, name: str, warnings: list[str]) -> Iterator[Imported | ImportProblem]:
    if not text.strip():
        yield ImportProblem(f"{name}: the file is empty")
        return
    for n, line in jsonl_lines(text):
        if not line.strip():
            continue
        where = f"{name} line {n}"
        try:
            item = parse_jsonl_record(_load(line), where)
        except ValueError as exc:
            yield ImportProblem(f"{where}: {exc}")
            continue
        except ImportProblem as exc:
            yield exc
            continue
        if not item.article.source:
            item.article.source = where
        item.warnings.extend(warnings)
        warnings = []
        yield item


def collect_files(paths: list[Path]) -> Iterator[Path | ImportProblem]:
    """Files to import: the files named, and text/JSONL files found in folders,
    recursively (symlinked folders are not followed); a problem for each path or
    folder that cannot be read."""
    suffixes = TEXT_SUFFIXES | JSONL_SUFFIXES
    for p in paths:
        try:
            mode = p.stat().st_mode
        except OSError as exc:
            reason = (
                "no such file or folder"
                if isinstance(exc, FileNotFoundError)
                else (f"cannot be read ({exc.strerror or exc})")
            )
            yield ImportProblem(f"{shown(p)}: {reason}")
            continue
        if not stat.S_ISDIR(mode):
            yield p
            continue
        errors: list[OSError] = []
        for folder, dirs, files in os.walk(p, onerror=errors.append):
            yield from (_unreadable(errors.pop(0), "folder") for _ in list(errors))
            dirs.sort()
            for f in sorted(files):
                if Path(f).suffix.lower() in suffixes:
                    yield Path(folder, f)
        yield from (_unreadable(exc, "folder") for exc in errors)


def _unreadable(exc: OSError, what: str) -> ImportProblem:
    return ImportProblem(f"{shown(exc.filename)}: {what} cannot be read ({exc.strerror or exc})")


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
