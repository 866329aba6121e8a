"""brat standoff: a ``.txt`` and an ``.ann`` per article, both ways.

Export writes, per article, ``NNNNNN.txt`` (the text, byte for byte), ``NNNNNN.ann``
and ``NNNNNN.json`` (the article's metadata and the suggester's confidences, which brat
has no place for), plus one ``annotation.conf`` so brat can open the folder:

- ``T`` lines: ``Quote``, ``Speaker`` and ``Cue`` spans (a span crossing a line break is
  written as fragments, as brat itself does); a mention shared by two quotes is one T;
- ``R`` lines: ``Speaker_of`` (Arg1 Speaker, Arg2 Quote) and ``Cue_of`` (Arg1 Cue, Arg2
  Quote);
- ``A`` lines on each quote: ``Type``, ``State``, ``Origin``;
- ``A`` lines on each speaker mention: ``Kind`` (person, organisation, other);
- a ``Flagged`` ``A`` line on each quote flagged as unsure, its comment as that line's
  ``AnnotatorNotes`` (docs/adr/0033); an article's flag is in its metadata;
- in a gold corpus (docs/adr/0034), a ``Provenance`` ``A`` line on each quote (agreed,
  adjudicated or curator), whose ``AnnotatorNotes`` say who agreed or whose version was
  taken (``agreed by ana, ben``, ``taken from ben, edited by the curator``); who had the
  article is in its metadata (``annotators``);
- ``#`` notes: the speaker name, as ``AnnotatorNotes`` of the quote; and who the
  speaker is in the corpus, as ``AnnotatorNotes`` of the speaker mention
  (``speaker 12: Ana Ruiz``, its external id after it in parentheses when it has one).

Import reads such a pair, and pairs from corpora made elsewhere: entity labels are
mapped to quote, speaker and cue (``Quote``/``Content``, ``Speaker``/``Source``, ``Cue``
by default; :func:`parse_labels` reads other maps), any relation or event joining a
quote with a speaker or cue links them, and quotes without a ``State`` are accepted
manual annotations. A bad line is refused with its file and line number.
"""

from __future__ import annotations

import glob
import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from core.corpus.curation import Provenance
from core.formats.decoding import check_text
from core.formats.format import (
    SPEAKER_KINDS,
    Folder,
    Format,
    Item,
    Writer,
    label_map,
    left_out,
    named_suggestions,
)
from core.formats.imported import Imported, ImportProblem, content_hash, span_problem
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
    excerpt,
)
from core.suggest.marks import quote_type
from core.tokens import Tokens, tokenize

ENTITY = {"quote": "Quote", "speaker": "Speaker", "cue": "Cue"}
#: brat's configuration for the folder: every value an attribute may take, from the
#: model's enums (a value the export writes is one the configuration declares).
CONF = f"""\
# brat configuration for a QuoteLab export
[entities]
Quote
Speaker
Cue

[relations]
Speaker_of Arg1:Speaker, Arg2:Quote
Cue_of Arg1:Cue, Arg2:Quote

[events]

[attributes]
Type Arg:Quote, Value:{"|".join(QuoteType)}
State Arg:Quote, Value:{"|".join(State)}
Origin Arg:Quote, Value:{"|".join(Origin)}
Kind Arg:Speaker, Value:{"|".join(SpeakerKind)}
Flagged Arg:Quote
Provenance Arg:Quote, Value:agreed|adjudicated|curator
"""
_SUFFIXES = {".txt", ".ann", ".json"}
_NEWLINES = re.compile(r"[\n\r\u2028\u2029\x85\x0b\x0c\x1c\x1d\x1e]+")


def _one_line(s: str) -> str:
    """A note is one line: line breaks become spaces (tabs are fine)."""
    return _NEWLINES.sub(" ", s)


def _fragments(text: str, sp: Span) -> list[tuple[int, int]]:
    """The span cut at line breaks (brat shows a span on one line), blank pieces dropped."""
    out = []
    pos = sp.start
    for m in _NEWLINES.finditer(text, sp.start, sp.end):
        out.append((pos, m.start()))
        pos = m.end()
    out.append((pos, sp.end))
    return [(s, e) for s, e in out if text[s:e].strip()] or [(sp.start, sp.end)]


def is_export(folder: Path) -> bool:
    """Whether ``folder`` holds only what :class:`Exporter` writes (so it may be replaced)."""
    entries = list(folder.iterdir())
    return any(p.name == "annotation.conf" for p in entries) and all(
        p.is_file() and (p.suffix in _SUFFIXES or p.name == "annotation.conf") for p in entries
    )


class Exporter(Writer):
    """Writes articles into a folder as brat standoff."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        (folder / "annotation.conf").write_text(CONF, encoding="utf-8")

    def add(self, item: Item) -> None:
        """One article: its text, its annotations, its metadata."""
        art = item.article
        text = art.text
        lines: list[str] = []
        ids: dict[tuple[str, int, int], str] = {}
        confidence: dict[str, float] = {}

        def entity(kind: str, sp: Span) -> str:
            key = (kind, sp.start, sp.end)
            if key not in ids:
                ids[key] = f"T{len(ids) + 1}"
                frags = _fragments(text, sp)
                where = ";".join(f"{s} {e}" for s, e in frags)
                shown = " ".join(text[s:e] for s, e in frags)
                lines.append(f"{ids[key]}\t{ENTITY[kind]} {where}\t{shown}")
            return ids[key]

        relations: list[str] = []
        attributes: list[str] = []
        notes: list[str] = []
        speakers: set[str] = set()  # speaker mentions (T ids) said who they are
        for a in item.attributions:
            q = entity("quote", a.quote)
            for kind, sp in (("speaker", a.speaker), ("cue", a.cue)):
                if sp is not None:
                    t = entity(kind, sp)
                    relations.append(f"{ENTITY[kind]}_of Arg1:{t} Arg2:{q}")
            _quote_attributes(item, a, q, attributes, notes)
            if a.speaker_name:
                notes.append(f"AnnotatorNotes {q}\t{_one_line(a.speaker_name)}")
            who = item.identity(a)
            if a.speaker is not None and who["speaker_id"] is not None:
                t = entity("speaker", a.speaker)
                if t not in speakers:  # (a mention two quotes share: its first speaker)
                    speakers.add(t)
                    attributes.append(f"Kind {t} {who['speaker_kind']}")
                    said = f"speaker {who['speaker_id']}: {a.speaker_name}"
                    if who["speaker_external_id"]:
                        said += f" ({who['speaker_external_id']})"
                    notes.append(f"AnnotatorNotes {t}\t{_one_line(said)}")
            if a.confidence is not None:
                confidence[q] = a.confidence
        lines += [f"R{i}\t{r}" for i, r in enumerate(relations, 1)]
        lines += [f"A{i}\t{r}" for i, r in enumerate(attributes, 1)]
        lines += [f"#{i}\t{r}" for i, r in enumerate(notes, 1)]
        stem = self.folder / f"{art.id:06d}"
        stem.with_suffix(".txt").write_text(text, encoding="utf-8", newline="")
        stem.with_suffix(".ann").write_text(
            "".join(line + "\n" for line in lines), encoding="utf-8", newline=""
        )
        side = {"meta": item.meta(), "confidence": confidence}
        stem.with_suffix(".json").write_text(json.dumps(side, ensure_ascii=False) + "\n")


def _quote_attributes(
    item: Item, a: Attribution, q: str, attributes: list[str], notes: list[str]
) -> None:
    """The ``A`` lines on quote ``q`` (its type, state and origin; its flag, its
    provenance in a gold corpus) and the notes on them (the flag's comment; who it came
    from)."""
    for name, value in (("Type", a.type), ("State", a.state), ("Origin", a.origin)):
        attributes.append(f"{name} {q} {value}")
    if a.flagged:
        attributes.append(f"Flagged {q}")
        if a.comment:  # (one line already: comment_problem)
            notes.append(f"AnnotatorNotes A{len(attributes)}\t{a.comment}")
    origin = item.origin(a)
    if origin is not None:
        attributes.append(f"Provenance {q} {origin.how}")
        if said := _provenance_note(origin):
            notes.append(f"AnnotatorNotes A{len(attributes)}\t{said}")


def _provenance_note(origin: Provenance) -> str:
    """Who a gold attribution came from, in words: ``agreed by ana, ben``, ``taken from
    ben``, with ``, edited by the curator`` when they changed it since (a curator's own
    says nothing more)."""
    who = ", ".join(origin.annotators)
    said = {"agreed": f"agreed by {who}", "adjudicated": f"taken from {who}"}.get(origin.how, "")
    return f"{said}, edited by the curator" if said and origin.edited else said


def annotations_of(txt: Path) -> list[Path]:
    """The brat ``.ann`` files of the text ``txt``: ``STEM.ann`` beside it; else, in
    PolNeAR's layout (``text/STEM.txt``), each ``attributions/STEM_ANNOTATOR.ann``
    beside its folder, in name order."""
    beside = txt.with_suffix(".ann")
    if beside.is_file():
        return [beside]
    if txt.parent.name != "text":
        return []
    folder = txt.parent.parent / "attributions"
    found = folder.glob(f"{glob.escape(txt.stem)}_*.ann")
    return sorted(p for p in found if p.stem.rpartition("_")[0] == txt.stem and p.is_file())


def is_annotated(txt: Path) -> bool:
    """Whether ``txt`` is a ``.txt`` with its brat ``.ann`` (:func:`annotations_of`)."""
    return txt.suffix.lower() == ".txt" and bool(annotations_of(txt))


def _read(
    path: Path, text: str, warnings: list[str], labels: dict[str, str] | None
) -> Iterator[Imported | ImportProblem]:
    check_text(text)
    yield read_document(path, text, labels, warnings)


def _meta(txt: Path, text: str) -> tuple[Article, dict[str, float]]:
    article = Article(text=text, title=txt.stem, source=txt.name, content_hash=content_hash(text))
    side = txt.with_suffix(".json")
    if not side.is_file():
        return article, {}
    try:
        data = json.loads(side.read_text(encoding="utf-8"))
        meta = data.get("meta") or {}
        for key in ("title", "byline", "date", "url", "source"):
            value = meta.get(key, getattr(article, key))
            if not isinstance(value, str):
                raise ValueError(f"{key} is not a string")
            setattr(article, key, value)
        article.status = Status(meta.get("status") or "todo")
        article.non_body = [Span(int(s), int(e)) for s, e in meta.get("non_body") or []]
        article.flagged, article.comment = meta.get("flagged") is True, meta.get("comment") or ""
        problem = comment_problem(article.comment)
        if problem is not None:
            raise ValueError(problem)
        for sp in article.non_body:
            sp.check(len(text), "non-body range")
        confidence = {str(k): float(v) for k, v in (data.get("confidence") or {}).items()}
    except (OSError, ValueError, TypeError, AttributeError) as exc:
        raise ImportProblem(f"{side}: bad metadata ({exc})") from None
    return article, confidence


def read_document(
    txt: Path, text: str, labels: dict[str, str] | None = None, warnings: list[str] | None = None
) -> Imported | ImportProblem:
    """The article in ``txt`` (already decoded as ``text``) with the annotations of its
    ``.ann`` (:func:`annotations_of`: the first, when annotators made several); a
    problem, naming the file and line, if anything is wrong. Entities of labels the map
    does not know, and the other annotators' files, are left out, named in the warnings."""
    ann, *others = annotations_of(txt) or [txt.with_suffix(".ann")]
    said = list(warnings or [])
    if others:
        said.append(
            f"{txt}: annotated in {ann.name}, also in {', '.join(p.name for p in others)}: "
            "left out (a corpus holds one annotation of an article)"
        )
    lines_of: dict[Span, int] = {}
    try:
        article, confidence = _meta(txt, text)
        lines = ann.read_text(encoding="utf-8-sig").split("\n")
        read = _read_lines(text, lines, label_map(labels), str(ann), lines_of)
        attrs = _attributions(read, text, confidence, str(ann))
        bounds = tokenize(text)
        check_attributions(attrs, len(text), Tokens(bounds))
    except ImportProblem as exc:
        return exc
    except (OSError, UnicodeDecodeError) as exc:
        return ImportProblem(f"{ann}: cannot be read ({exc})")
    except SpanError as exc:
        n = lines_of.get(exc.span) if exc.span else None
        return ImportProblem(f"{ann}{f' line {n}' if n else ''}: {span_problem(exc, text)}")
    for label, ns in read.unknown.items():
        lines_said = f"line{'s' * (len(ns) > 1)} {', '.join(map(str, ns))}"
        said.append(f"{ann} {lines_said}: {left_out(label)}")
    return Imported(
        article,
        named_suggestions(article, attrs),
        said,
        annotated=True,
        tokens=bounds,
        speakers=_identities(read, attrs, str(ann)),
    )


@dataclass
class _Lines:
    """What the lines of an ``.ann`` hold, as read."""

    #: T id -> (kind, its pieces: one, or a quote's fragments with words between them)
    spans: dict[str, tuple[str, list[Span]]] = field(default_factory=dict)
    links: list[list[str]] = field(default_factory=list)  # ids joined by one relation or event
    events: dict[str, list[str]] = field(default_factory=dict)
    #: (name, the ID it is on, its value, its line, its own ID)
    attributes: list[tuple[str, str, str, int, str]] = field(default_factory=list)
    notes: dict[str, tuple[str, int]] = field(default_factory=dict)  # T id -> (note, line)
    ids: dict[str, int] = field(default_factory=dict)  # each ID and its line
    unknown: dict[str, list[int]] = field(default_factory=dict)  # a label no map knows: lines

    def quotes_in(self, ids: list[str]) -> list[str]:
        return [i for i in ids if self.spans.get(i, ("",))[0] == "quote"]


def _read_lines(
    text: str, lines: Iterable[str], labels: dict[str, str], name: str, lines_of: dict[Span, int]
) -> _Lines:
    """What the lines hold; ``lines_of`` gets the line of each span."""
    read = _Lines()
    for n, line in enumerate(lines, 1):
        line = line.rstrip("\r")
        if not line.strip():
            continue
        try:
            _read_line(read, line, n, text, labels, lines_of)
        except (ValueError, SpanError) as exc:
            raise ImportProblem(f"{name} line {n}: {exc}") from None
    return read


def _attributions(
    read: _Lines, text: str, confidence: dict[str, float], name: str
) -> list[Attribution]:
    """The attributions the lines hold: one per quote, or per piece of a quote in
    pieces, each with the quote's speaker, cue, attributes and note."""
    found = _linked(read)
    _set_attributes(found, read, name)
    out = []
    for t, rec in sorted(found.items(), key=lambda kv: (kv[1]["quote"], kv[0])):
        note = read.notes.get(t, ("", 0))[0]
        for piece in rec["quote"]:
            out.append(
                Attribution(
                    quote=piece,
                    speaker=rec.get("speaker"),
                    cue=rec.get("cue"),
                    speaker_name=note.strip() or None,
                    type=rec.get("type") or quote_type(text, piece),
                    state=rec.get("state", State.ACCEPTED),
                    origin=rec.get("origin", Origin.MANUAL),
                    confidence=confidence.get(t),
                    flagged=rec.get("flagged", False),
                    comment=rec.get("comment", ""),
                )
            )
    return out


#: What a brat annotation ID is: a letter of the annotation kinds brat knows (text-bound,
#: relation, event, attribute, modification, normalization) or ``#`` (a note), then a
#: name; ``*`` (an equivalence, which links no quote) has none.
_ID = re.compile(r"[TREAMN#][^\s]*|\*")
#: A character offset as brat writes it.
_OFFSET = re.compile(r"[0-9]{1,15}")


def _read_line(
    read: _Lines, line: str, n: int, text: str, labels: dict[str, str], lines_of: dict[Span, int]
) -> None:
    """Add what one line (number ``n``) holds to ``read``; a line that is not brat's
    (no ID and tab, an ID used before, a NUL, a malformed annotation) raises ValueError."""
    if "\0" in line:
        raise ValueError("holds a NUL character")
    ident, tab, rest = line.partition("\t")
    if not tab or not _ID.fullmatch(ident):
        raise ValueError("is not a brat annotation (an ID such as T1, then a tab)")
    if ident == "*":  # an equivalence of entities: no quote is linked by it
        return
    if ident in read.ids:
        raise ValueError(f"the ID {ident} is already used on line {read.ids[ident]}")
    read.ids[ident] = n
    fields = rest.split("\t")
    parts = fields[0].split()
    kind = ident[0]
    if kind == "T":
        _read_entity(read, ident, fields, n, text, labels, lines_of)
    elif kind in "RE":  # a relation: TYPE Arg1:ID Arg2:ID; an event: TYPE:TRIGGER [ROLE:ID ...]
        args = [a.partition(":") for a in parts[kind != "E" :]]
        if len(args) < (1 if kind == "E" else 2) or not all(i and c for _, c, i in args):
            raise ValueError(f"{ident} is not TYPE ROLE:ID ROLE:ID ...")
        read.links.append([id_ for _, _, id_ in args])
        if kind == "E":
            read.events[ident] = read.links[-1]
    elif kind in "AM":
        if len(parts) not in (2, 3):
            raise ValueError(f"attribute {ident} is not NAME ID [VALUE]")
        value = parts[2] if len(parts) > 2 else ""
        read.attributes.append((parts[0], parts[1], value, n, ident))
    elif kind == "#" and parts[:1] == ["AnnotatorNotes"]:
        if len(parts) != 2:
            raise ValueError(f"note {ident} is not AnnotatorNotes ID, a tab, the note")
        read.notes[parts[1]] = ("\t".join(fields[1:]), n)


def _offsets(offsets: str) -> list[tuple[int, int]]:
    """``START END;START END``: character offsets, whole numbers written in digits."""
    frags = [f.split() for f in offsets.split(";")]
    if any(len(f) != 2 or not all(map(_OFFSET.fullmatch, f)) for f in frags):
        raise ValueError(f"the offsets {excerpt(offsets)} are not START END character offsets")
    return [(int(s), int(e)) for s, e in frags]


def _pieces(text: str, frags: list[tuple[int, int]], label: str) -> list[Span]:
    """A span's fragments as QuoteLab's spans: fragments with only spaces or line breaks
    between them are one span (brat writes a span across a line so, and so does the
    export); words between them part the span into pieces (docs/adr/0028)."""
    pieces: list[Span] = []
    for s, e in sorted(frags):
        Span(s, e).check(len(text), label)
        if pieces and s < pieces[-1].end:
            raise ValueError(f"{label} fragments {excerpt(str(frags))} overlap")
        if pieces and not text[pieces[-1].end : s].strip():
            pieces[-1] = Span(pieces[-1].start, e)
        else:
            pieces.append(Span(s, e))
    return pieces


def _read_entity(
    read: _Lines,
    ident: str,
    fields: list[str],
    n: int,
    text: str,
    labels: dict[str, str],
    lines_of: dict[Span, int],
) -> None:
    """A T line: its span, checked against the text, if its label is one we know."""
    label, _, offsets = fields[0].partition(" ")
    kind = labels.get(label.lower())
    frags = _offsets(offsets)
    pieces = _pieces(text, frags, label)
    shown = " ".join(text[s:e] for s, e in frags)
    written = "\t".join(fields[1:])  # the text may hold tabs
    if len(fields) > 1 and written != shown:
        raise ValueError(f"the text {excerpt(written)} is not at {offsets} in the .txt")
    if kind is None:
        read.unknown.setdefault(label, []).append(n)
        return
    if kind != "quote" and len(pieces) > 1:
        raise ValueError(
            f"{label} {offsets} is in pieces with words between them; a {kind} is one "
            "span (a quote may be in pieces)"
        )
    read.spans[ident] = (kind, pieces)
    for piece in pieces:
        lines_of.setdefault(piece, n)


def _linked(read: _Lines) -> dict[str, dict[str, Any]]:
    """Each quote's T id with its pieces and the speaker and cue a relation or event
    joins it with (the first of each)."""
    found: dict[str, dict[str, Any]] = {
        t: {"quote": pieces} for t, (kind, pieces) in read.spans.items() if kind == "quote"
    }
    for ids in read.links:
        for q in read.quotes_in(ids):
            for kind, pieces in (read.spans[i] for i in ids if i in read.spans):
                if kind != "quote":
                    found[q].setdefault(kind, pieces[0])
    return found


def _set_attributes(found: dict[str, dict[str, Any]], read: _Lines, name: str) -> None:
    """The ``Type``, ``State`` and ``Origin`` attributes, on the quotes they name (or on
    the quotes of the event they name)."""
    values = {"Type": QuoteType, "State": State, "Origin": Origin}
    for attr, target, value, n, ident in read.attributes:
        if attr == "Flagged":
            _flag(found, read, target, ident, f"{name} line {read.notes.get(ident, ('', n))[1]}")
        if attr not in values:
            continue
        for q in read.quotes_in(read.events.get(target, [target])):
            try:
                found[q][attr.lower()] = values[attr](value.lower())
            except ValueError:
                raise ImportProblem(f"{name} line {n}: {attr} cannot be {value!r}") from None


def _flag(
    found: dict[str, dict[str, Any]], read: _Lines, target: str, ident: str, where: str
) -> None:
    """A ``Flagged`` attribute (``ident``) on the quotes it names, with its note as the
    flag's comment (docs/adr/0033)."""
    comment = read.notes.get(ident, ("", 0))[0]
    problem = comment_problem(comment)
    if problem is not None:
        raise ImportProblem(f"{where}: {problem}")
    for q in read.quotes_in(read.events.get(target, [target])):
        found[q].update(flagged=True, comment=comment)


def _identities(read: _Lines, attrs: list[Attribution], name: str) -> list[tuple[Speaker, str]]:
    """Who the file says its speakers are, as the export writes it on a speaker
    mention: a ``Kind`` attribute and a note ``speaker N: NAME (EXTERNAL ID)``, NAME
    being the speaker name of its quotes; each with its line."""
    names = {a.speaker: a.speaker_name for a in attrs if a.speaker and a.speaker_name}
    said: dict[str, dict[str, Any]] = {}
    for attr, target, value, n, _ in read.attributes:
        kind, pieces = read.spans.get(target, ("", []))
        if attr == "Kind" and kind == "speaker" and pieces[0] in names:
            if value.lower() not in SPEAKER_KINDS:
                raise ImportProblem(f"{name} line {n}: Kind cannot be {value!r}")
            said.setdefault(target, {"line": n})["kind"] = SPEAKER_KINDS[value.lower()]
    for t, (note, n) in read.notes.items():
        kind, pieces = read.spans.get(t, ("", []))
        if kind != "speaker" or pieces[0] not in names:
            continue
        _, colon, rest = note.partition(": ")
        speaker_name = names[pieces[0]]
        if not (colon and note.startswith("speaker ") and rest.startswith(speaker_name)):
            continue  # a note of another tool's
        ext = rest.removeprefix(speaker_name)
        if ext.startswith(" (") and ext.endswith(")"):
            said.setdefault(t, {"line": n})["external_id"] = ext[2:-1]
    return [
        (
            Speaker(names[read.spans[t][1][0]], d.get("kind"), (), d.get("external_id", "")),
            f"{name} line {d['line']}",
        )
        for t, d in said.items()
    ]


FORMAT = Format(
    name="brat",
    title="brat standoff (a folder)",
    help=".txt/.ann per article",
    reader=_read,
    claims=is_annotated,
    folder=Folder(Exporter, is_export),
)
