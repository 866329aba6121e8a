"""JSONL, a JSON object a line, both ways.

Export writes one Prodigy task per article (tokens exactly as ``nlp.make_doc`` splits
the text, spans, cue-centred relations) plus our ``quotes`` records. Import reads
Prodigy's task shape (``text``, ``meta``, ``spans``/``relations``, ``answer``) and
QuoteLab's (``quotes``): any JSON value is validated into the model or refused with its
reason, by line (docs/adr/0007).
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterator
from enum import StrEnum
from pathlib import Path
from typing import Any, TypeVar

import orjson
from murmurhash.mrmr import hash as murmur

from core.formats.decoding import check_text
from core.formats.format import (
    SPEAKER_KINDS,
    FileWriter,
    Format,
    Item,
    label_map,
    left_out,
    named_suggestions,
)
from core.formats.imported import (
    Imported,
    ImportProblem,
    content_hash,
    revision,
    shown,
    span_problem,
)
from core.model import (
    Article,
    Attribution,
    Origin,
    QuoteType,
    Span,
    SpanError,
    Speaker,
    SpeakerKind,
    State,
    Status,
    check_attributions,
    comment_problem,
)
from core.suggest.marks import quote_type
from core.tokens import DocTokens, Tokens, tokenize

_E = TypeVar("_E", bound=StrEnum)

# -- reading: any JSON value is validated into the model or refused with its reason ----


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


def _flag(value: Any, comment: Any, what: str) -> tuple[bool, str]:
    """A flag and its comment as a record gives them (``flagged``, ``comment``:
    docs/adr/0033): absent, no flag; a comment held to :func:`comment_problem`."""
    if value is not None and not isinstance(value, bool):
        raise ImportProblem(f"{what} flagged {value!r:.40} is not true or false")
    said = _string(comment, f"{what} comment")
    problem = comment_problem(said)
    if problem is not None:
        raise ImportProblem(f"{what}: {problem}")
    return bool(value), said


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
    flagged, comment = _flag(d.get("flagged"), d.get("comment"), what)
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
        flagged=flagged,
        comment=comment,
    )


def _identity(value: dict[str, Any], what: str, name: str | None) -> Speaker | None:
    """Who a quote's speaker is, as an export writes it beside its ``speaker_name``:
    ``speaker_kind`` and ``speaker_external_id`` (``speaker_id`` is the row of the
    corpus it came from, no one's here); None when it says neither, or names nobody."""
    kind = _string(value.get("speaker_kind"), f"{what} speaker_kind").lower()
    external_id = _string(value.get("speaker_external_id"), f"{what} speaker_external_id")
    if kind and kind not in SPEAKER_KINDS:
        allowed = ", ".join(SpeakerKind)
        raise ImportProblem(f"{what} speaker_kind {kind!r:.40} is not one of {allowed}")
    if not name or not (kind or external_id.strip()):
        return None
    return Speaker(name, SPEAKER_KINDS[kind] if kind else None, (), external_id.strip())


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


def parse_jsonl_record(obj: Any, where: str, labels: dict[str, str] | None = None) -> Imported:
    """One JSONL line in Prodigy's task shape (``text``, ``meta``, ``spans``/``relations``,
    ``answer``) or QuoteLab's (``quotes``); raise ImportProblem naming what is wrong.

    Prodigy's ``spans``/``relations`` win over ``quotes`` when both are there (the spans
    are what Prodigy shows and edits); an ``answer`` sets the state of every attribution
    and the article's status, as ADR 0007 says. Spans must lie on token bounds. Span
    labels are read through ``labels`` (``--labels``) and the defaults, in any case;
    what is left out is in the warnings, by ``where``."""
    warnings: list[str] = []
    try:
        item = _record(obj, label_map(labels), warnings)
    except (ImportProblem, SpanError) as exc:
        raise ImportProblem(f"{where}: {exc}") from None
    item.where = where
    item.warnings += [f"{where}: {w}" for w in warnings]
    item.speakers = [(s, where) for s, _ in item.speakers]
    return item


def _record(obj: Any, labels: dict[str, str], warnings: list[str]) -> Imported:
    if not isinstance(obj, dict) or not isinstance(obj.get("text"), str):
        raise ImportProblem('expected an object with a "text" string')
    text = _string(obj["text"], "text")
    check_text(text, "the text")
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
    art.flagged, art.comment = _flag(meta.get("flagged"), meta.get("comment"), "meta")
    answer = obj.get("answer")
    if answer is not None and (not isinstance(answer, str) or answer not in ANSWERS):
        raise ImportProblem(f"answer {answer!r} is not one of {', '.join(ANSWERS)}")
    raw = _list(obj.get("quotes"), "quotes")
    quotes = [_attribution(q, f"quote {i + 1}", text) for i, q in enumerate(raw)]
    said = [
        _identity(q, f"quote {i + 1}", a.speaker_name)
        for i, (q, a) in enumerate(zip(raw, quotes, strict=True))
    ]
    attrs = quotes
    if "spans" in obj or "relations" in obj:
        edited = _from_prodigy_spans(obj, labels, text, warnings)
        attrs = _with_details(edited, quotes, text, linked="relations" in obj)
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
    mark = _string(meta.get("revision"), "meta revision") or None
    names = {a.speaker_name for a in attrs}  # (a name Prodigy's edits dropped says no one)
    return Imported(
        art,
        named_suggestions(art, attrs),
        annotated=annotated,
        tokens=bounds,
        revision=mark,
        exported=quotes,
        speakers=[(s, "") for s in said if s is not None and s.name in names],
    )


#: A span of a task as read: its characters and what it is here (quote, speaker, cue).
_Labelled = tuple[Span, str]
#: What a relation joining two kinds of span says, either way round, as (the kind it is
#: said of, the kind said): a quote's cue, a cue's speaker, a quote's speaker.
_JOINS = {
    frozenset(("cue", "quote")): ("quote", "cue"),
    frozenset(("cue", "speaker")): ("cue", "speaker"),
    frozenset(("speaker", "quote")): ("quote", "speaker"),
}


class _TaskSpans:
    """A task's ``spans``, each with its kind (by the label map) and its tokens: those it
    gives, else spaCy's (``tokenize``); spans of labels the map does not know are left
    out and named in ``warnings``."""

    def __init__(
        self, obj: dict[str, Any], labels: dict[str, str], text: str, warnings: list[str]
    ) -> None:
        self.labels, self.text = labels, text
        self.tokens: dict[_Labelled, tuple[int, int]] = {}
        self._doc: DocTokens | None = None
        unknown: dict[str, list[str]] = {}
        for i, raw in enumerate(_list(obj.get("spans"), "spans")):
            what = f"span {i + 1}"
            sp, label = self.labelled(raw, what)
            kind = labels.get(label.lower())
            if kind is None:
                unknown.setdefault(label, []).append(str(i + 1))
            else:
                self.tokens[sp, kind] = self._range(_object(raw, what), sp)
        for label, ns in unknown.items():
            warnings.append(f"span{'s' * (len(ns) > 1)} {', '.join(ns)}: {left_out(label)}")

    @staticmethod
    def labelled(raw: Any, what: str) -> tuple[Span, str]:
        label = _string(_object(raw, what).get("label"), f"{what} label", optional=False)
        return _span(raw, what), label

    def _range(self, d: dict[str, Any], sp: Span) -> tuple[int, int]:
        given = d.get("token_start"), d.get("token_end")
        if all(isinstance(t, int) and not isinstance(t, bool) for t in given):
            return given  # type: ignore[return-value]
        if self._doc is None:
            self._doc = DocTokens.of(self.text, tokenize(self.text))
        return self._doc.token_range(sp)

    def end(self, r: dict[str, Any], key: str, what: str) -> _Labelled | str:
        """The span one end of a relation names: by its ``head_span``/``child_span``,
        else by the token index ``head``/``child`` when one span alone holds that
        token; else why it names none (the relation is then left out)."""
        if r.get(f"{key}_span") is not None:
            sp, label = self.labelled(r[f"{key}_span"], f"{what} {key}_span")
            kind = self.labels.get(label.lower())
            if kind is None:
                return f"its {key} is a span left out ({left_out(label)})"
            if (sp, kind) not in self.tokens:
                raise ImportProblem(
                    f"{what} {key}_span {label} {sp.start}-{sp.end} is not in spans"
                )
            return sp, kind
        token = _offset(r.get(key), f"{what} {key} (or {key}_span)")
        held = [span for span, (first, last) in self.tokens.items() if first <= token <= last]
        if len(held) != 1:
            where = f"{len(held)} spans" if held else "no span"
            return f"its {key}, token {token}, is in {where}"
        return held[0]


def _from_prodigy_spans(
    obj: dict[str, Any], labels: dict[str, str], text: str, warnings: list[str]
) -> list[Attribution]:
    """Attributions from Prodigy ``spans`` and ``relations``: a quote span with no
    relation stands alone; a relation joins the spans its ``head_span`` and
    ``child_span`` give, or (Prodigy's plain form) the one span that holds each of its
    token indices ``head`` and ``child``. A relation to a span that is not in ``spans``
    is refused (Prodigy keeps both in step); one whose spans are left out or ambiguous,
    or that joins two spans of one kind, is left out and named in ``warnings``."""
    spans = _TaskSpans(obj, labels, text, warnings)
    joined: dict[tuple[str, str], dict[Span, Span]] = {pair: {} for pair in _JOINS.values()}
    for i, raw in enumerate(_list(obj.get("relations"), "relations")):
        what = f"relation {i + 1}"
        r = _object(raw, what)
        head, child = (spans.end(r, key, what) for key in ("head", "child"))
        if isinstance(head, str) or isinstance(child, str):
            warnings.append(f"{what}: {head if isinstance(head, str) else child}; left out")
            continue
        pair = _JOINS.get(frozenset((head[1], child[1])))
        if pair is None:
            warnings.append(f"{what}: it joins two {head[1]} spans; left out")
            continue
        by_kind = dict((kind, sp) for sp, kind in (head, child))
        joined[pair][by_kind[pair[0]]] = by_kind[pair[1]]
    out = []
    for q in sorted(sp for sp, kind in spans.tokens if kind == "quote"):
        cue = joined["quote", "cue"].get(q)
        speaker = joined["cue", "speaker"].get(cue) if cue else None
        out.append(
            Attribution(quote=q, speaker=speaker or joined["quote", "speaker"].get(q), cue=cue)
        )
    return out


def _with_details(
    edited: list[Attribution], quotes: list[Attribution], text: str, *, linked: bool = True
) -> list[Attribution]:
    """The attributions Prodigy shows (``edited``, from spans and relations), with the
    details only QuoteLab's ``quotes`` hold (type, state, origin, speaker name,
    confidence) taken from the quote of the same span (with none, the type is
    :func:`quote_type`'s); rejected quotes, which the spans leave out, are kept where
    they overlap none of the shown ones. A task with no ``relations`` at all (``export
    --no-tokens`` writes none) links nothing: a shown quote's record is taken whole,
    speaker and cue too."""
    by_span = {q.quote: q for q in quotes if q.state is not State.REJECTED}
    out = []
    for a in edited:
        old = by_span.get(a.quote)
        if old is not None and not linked:
            a = old
        elif old is not None:
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


def jsonl_lines(text: str) -> Iterator[tuple[int, str]]:
    """(number, line) of each line of a JSONL text, split on ``\\n`` only: U+2028, U+0085
    and the like are characters of the text, not line ends."""
    for n, line in enumerate(text.split("\n"), 1):
        yield n, line.removesuffix("\r")


def _read(
    path: Path, text: str, warnings: list[str], labels: dict[str, str] | None
) -> Iterator[Imported | ImportProblem]:
    name = shown(path)
    if not text.strip():
        yield ImportProblem(f"{name}: the file is empty")
        return
    for n, line in jsonl_lines(text):
        if not line.strip():
            continue
        where = f"{name} line {n}"
        try:
            item = parse_jsonl_record(_load(line), where, labels)
        except ValueError as exc:
            yield ImportProblem(f"{where}: {exc}")
            continue
        except ImportProblem as exc:
            yield exc
            continue
        if not item.article.source:
            item.article.source = where
        item.warnings[:0] = warnings  # (the file's, before the line's own)
        warnings = []
        yield item


# -- writing: Prodigy tasks ------------------------------------------------------------------


def _hash(obj: Any) -> int:
    """A signed 32-bit MurmurHash of a JSON value (QuoteLab's own hashes: see README)."""
    return int(murmur(json.dumps(obj, sort_keys=True, ensure_ascii=False)))


def _task_span(text: str, tokens: DocTokens | None, sp: Span, label: str) -> dict[str, Any]:
    """A span as Prodigy writes it, by characters and (given ``tokens``) by tokens."""
    if tokens is None:
        return {"text": text[sp.start : sp.end], "start": sp.start, "end": sp.end,
                "label": label, "type": "span"}  # fmt: skip
    first, last = tokens.token_range(sp)
    return {
        "text": text[sp.start : sp.end],
        "start": sp.start,
        "end": sp.end,
        "token_start": first,
        "token_end": last,
        "label": label,
        "type": "span",
    }


def _relation(head: dict[str, Any], child: dict[str, Any], label: str) -> dict[str, Any]:
    def bare(s: dict[str, Any]) -> dict[str, Any]:
        return {k: s[k] for k in ("start", "end", "token_start", "token_end", "label")}

    return {
        "head": head["token_end"],
        "child": child["token_end"],
        "head_span": bare(head),
        "child_span": bare(child),
        "label": label,
    }


def article_task(item: Item, *, tokens: bool = True) -> dict[str, Any]:
    """One Prodigy task but its tokens: text, meta, spans, cue-centred relations, our
    quotes (the tokens, a thousand an article, are written as text by ``JsonlWriter``).
    ``tokens`` False: without what only Prodigy's token-based interfaces read (the
    relations, between token indices; the spans' token indices; the view), so the
    article's tokens are never read; a quote's speaker and cue are in ``quotes``, which
    an import then takes whole (:func:`_with_details`). Its task hash is of what it
    holds."""
    article, doc = item.article, item.tokens if tokens else None
    spans: dict[tuple[int, int, str], dict[str, Any]] = {}
    relations: list[dict[str, Any]] = []

    def add(sp: Span, label: str) -> dict[str, Any]:
        key = (sp.start, sp.end, label)
        if key not in spans:
            spans[key] = _task_span(article.text, doc, sp, label)
        return spans[key]

    for a in item.attributions:
        if a.state is State.REJECTED:
            continue
        if doc is None:
            for sp, label in ((a.quote, "QUOTE"), (a.speaker, "SPEAKER"), (a.cue, "CUE")):
                if sp is not None:
                    add(sp, label)
            continue
        q = add(a.quote, "QUOTE")
        s = add(a.speaker, "SPEAKER") if a.speaker else None
        c = add(a.cue, "CUE") if a.cue else None
        if c is not None:
            relations.append(_relation(c, q, "CONTENT"))
            if s is not None:
                relations.append(_relation(c, s, "SOURCE"))
        elif s is not None:
            relations.append(_relation(s, q, "CONTENT"))
    span_list = sorted(spans.values(), key=lambda d: (d["start"], d["end"], d["label"]))
    input_hash = _hash({"text": article.text})
    task = {
        "text": article.text,
        "meta": {**item.meta(), "revision": revision(article.status, item.attribution_rows)},
        "_input_hash": input_hash,
        "_task_hash": _hash({"input": input_hash, "spans": span_list, "relations": relations}),
        "spans": span_list,
        "relations": relations,
        "answer": "accept" if article.status is Status.DONE else "ignore",
        "_view_id": "relations",
        "quotes": [item.record(a) for a in item.attributions],
    }
    if not tokens:
        del task["relations"], task["_view_id"]
    return task


#: Characters that some readers take for line ends (Python's str.splitlines does) and
#: that JSON encoders leave as they are (they escape U+000B, U+001C and the others below
#: U+0020): each as UTF-8 and as the escape the export writes instead, so a line of the
#: export is a line to every reader.
_RAW_LINE_BREAKS = {c: (c.encode(), f"\\u{ord(c):04x}".encode()) for c in "\x85\u2028\u2029"}


def _escape_line_breaks(line: bytes, made_of: str) -> bytes:
    """``line`` (UTF-8) with those characters escaped; ``made_of``: the strings its JSON
    strings were made of (a fraction of its length, looked through instead of it)."""
    for c, (raw, escaped) in _RAW_LINE_BREAKS.items():
        if c in made_of:  # rare
            line = line.replace(raw, escaped)  # UTF-8: the bytes of no other character
    return line


def jsonl_line(item: Item, *, tokens: bool = True) -> bytes:
    """The task as a JSON line, its tokens last (``tokens`` False: without what only
    Prodigy's token-based interfaces read, :func:`article_task`). Written
    by ``orjson`` (for strings and integers the bytes of ``json.dumps`` with compact
    separators; docs/adr/0019) but the quotes, whose confidences are floats
    (``json.dumps`` writes 1e-05 and Infinity, ``orjson`` 0.00001 and null), and the
    tokens, made by ``DocTokens.prodigy_json``."""
    task = article_task(item, tokens=tokens)
    quotes = json.dumps(task.pop("quotes"), ensure_ascii=False, separators=(",", ":"))
    meta = [v for v in task["meta"].values() if isinstance(v, str)]
    line = b"".join(
        (
            orjson.dumps(task)[:-1],
            b',"quotes":',
            quotes.encode(),
            *((b',"tokens":', item.tokens.prodigy_json()) if tokens else ()),
            b"}\n",
        )
    )
    return _escape_line_breaks(line, "".join([item.article.text, quotes, *meta]))


def jsonl_line_without_tokens(item: Item) -> bytes:
    """The task as a JSON line without tokens (``export --no-tokens``): text, meta,
    spans by characters, answer, hashes and quotes, what spaCy, pandas and jq readers
    use; Prodigy's span and relation interfaces need the tokens."""
    return jsonl_line(item, tokens=False)


class JsonlWriter(FileWriter):
    def add(self, item: Item) -> None:
        self.f.write(jsonl_line(item))


FORMAT = Format(
    name="jsonl",
    title="JSONL (Prodigy tasks)",
    help="Prodigy tasks",
    suffixes=(".jsonl", ".ndjson"),
    reader=_read,
    writer=JsonlWriter,
    line=jsonl_line,
    line_without_tokens=jsonl_line_without_tokens,
)
