"""The data model: articles, spans and attributions. Plain dataclasses, no I/O."""

from __future__ import annotations

import hashlib
import re
from bisect import bisect_left
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field, replace
from enum import StrEnum
from typing import Any, Protocol


class QuoteType(StrEnum):
    DIRECT = "direct"
    MIXED = "mixed"
    INDIRECT = "indirect"


class State(StrEnum):
    SUGGESTED = "suggested"
    ACCEPTED = "accepted"
    REJECTED = "rejected"


class Origin(StrEnum):
    MODEL = "model"  # suggested and accepted or rejected as it was
    EDITED = "edited"  # suggested, then its spans, speaker or type corrected
    MANUAL = "manual"  # added by the annotator


class Status(StrEnum):
    TODO = "todo"
    IN_PROGRESS = "in_progress"
    DONE = "done"


class SpeakerKind(StrEnum):
    PERSON = "person"
    ORGANISATION = "organisation"
    OTHER = "other"


@dataclass(frozen=True)
class Speaker:
    """A source of quotes across the corpus: one canonical name, its kind, the other
    names it goes by in articles (aliases), and an optional external id such as a
    Wikidata QID (typed or imported, never looked up)."""

    name: str
    #: None: nobody said (a speaker made from a name alone: migrated, typed, suggested);
    #: :func:`core.suggest.registry.kind_of` then guesses it from the name.
    kind: SpeakerKind | None = SpeakerKind.PERSON
    aliases: tuple[str, ...] = ()
    external_id: str = ""
    id: int | None = None


class SpanError(ValueError):
    """A span that breaks the span rules; the message says which and why, and ``span``
    is the span when it lies in the text (a message can then quote what is there)."""

    def __init__(self, message: str, span: Span | None = None) -> None:
        super().__init__(message)
        self.span = span


def excerpt(text: str, limit: int = 40) -> str:
    """``text`` for a message: quoted, control characters escaped, cut to ``limit``."""
    return repr(text if len(text) <= limit else text[: limit - 1] + "\u2026")


#: The longest comment a flag may carry (characters): a doubt said in a line or two.
COMMENT_LIMIT = 500
#: What a comment may not hold: control characters and line or paragraph separators
#: (a comment is one line of plain text in every view and format).
_UNSAID = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")


def clean_comment(text: str) -> str:
    """A comment as typed, made one that :func:`comment_problem` accepts: control
    characters and line breaks as spaces, runs of white space one space, cut to
    :data:`COMMENT_LIMIT`."""
    return " ".join(_UNSAID.sub(" ", text).split())[:COMMENT_LIMIT]


def comment_problem(comment: object) -> str | None:
    """Why a flag's comment (from a file, a row) cannot be stored, or None."""
    if not isinstance(comment, str):
        return "the comment is not text"
    if len(comment) > COMMENT_LIMIT:
        return f"the comment is longer than {COMMENT_LIMIT} characters"
    if _UNSAID.search(comment):
        return "the comment holds a line break or a control character"
    return None


class TokenEdges(Protocol):
    """Where tokens start and end (sorted character offsets); ``core.tokens.Tokens`` is one."""

    @property
    def starts(self) -> Sequence[int]: ...
    @property
    def ends(self) -> Sequence[int]: ...


def _on(edges: Sequence[int], pos: int) -> bool:
    i = bisect_left(edges, pos)
    return i < len(edges) and edges[i] == pos


@dataclass(frozen=True, order=True)
class Span:
    """Character offsets into an article's stored text, end exclusive."""

    start: int
    end: int

    def check(self, text_length: int, what: str = "span") -> None:
        if not (0 <= self.start < self.end <= text_length):
            raise SpanError(
                f"{what} {self.start}-{self.end} is empty or outside the text (0-{text_length})"
            )

    def overlaps(self, other: Span) -> bool:
        return self.start < other.end and other.start < self.end

    def as_dict(self) -> dict[str, int]:
        return {"start": self.start, "end": self.end}

    @classmethod
    def from_dict(cls, d: dict[str, Any] | None) -> Span | None:
        if not d:
            return None
        return cls(int(d["start"]), int(d["end"]))


def iou(a: Span, b: Span) -> float:
    """Two spans' intersection over their union, in characters."""
    inter = min(a.end, b.end) - max(a.start, b.start)
    if inter <= 0:
        return 0.0
    return inter / (max(a.end, b.end) - min(a.start, b.start))


@dataclass(frozen=True)
class MadeBy:
    """Where a suggestion came from (docs/adr/0036): its ``source`` (``rules``, or a
    trained model's name), the ``rule`` that made it, the ``features`` the learned
    re-scorer reads (names to values, all text), and the ``prior``: the confidence its
    rule gives it before any decision is learned from (:mod:`core.suggest.learn`)."""

    rule: str
    features: tuple[tuple[str, str], ...] = ()
    prior: float = 0.5
    source: str = "rules"

    def feature(self, name: str) -> str:
        """A feature's value, empty when it has none."""
        return next((v for k, v in self.features if k == name), "")


@dataclass(frozen=True)
class Attribution:
    """One QUOTE with its SPEAKER and CUE, as docs/annotation.md defines it."""

    quote: Span
    speaker: Span | None = None
    cue: Span | None = None
    speaker_name: str | None = None
    type: QuoteType = QuoteType.DIRECT
    state: State = State.SUGGESTED
    origin: Origin = Origin.MODEL
    confidence: float | None = None
    id: int | None = None
    #: The corpus's speaker (``speakers`` row) ``speaker_name`` is the name of; None
    #: until the corpus gives one (it finds or makes the speaker of that name).
    speaker_id: int | None = None
    #: A doubt: the annotator marked it unsure (for the curator), with an optional
    #: comment (one line of plain text, :func:`comment_problem`).
    flagged: bool = False
    comment: str = ""
    #: Where a suggestion came from, as it was made (none for what a file or a user
    #: gave); the corpus keeps it beside the row, by the attribution's id.
    made_by: MadeBy | None = field(default=None, compare=False, repr=False)

    def check(self, text_length: int, edges: TokenEdges | None = None) -> None:
        """The span rules for one attribution; raise SpanError naming the broken one.

        Every span is non-empty and inside the text; quote, speaker and cue are pairwise
        disjoint; with ``edges``, every span starts and ends on token bounds. Its flag's
        comment passes :func:`comment_problem` (the same boundary)."""
        problem = comment_problem(self.comment)
        if problem is not None:
            raise SpanError(problem)
        present = [(kind, sp) for kind, sp in self.spans().items() if sp is not None]
        for kind, sp in present:
            sp.check(text_length, kind)
            if edges is not None and not (_on(edges.starts, sp.start) and _on(edges.ends, sp.end)):
                raise SpanError(
                    f"{kind} {sp.start}-{sp.end} does not start and end on token bounds", sp
                )
        for i, (kind, sp) in enumerate(present):
            for other_kind, other in present[i + 1 :]:
                if sp.overlaps(other):
                    raise SpanError(f"the {other_kind} may not overlap the {kind}")

    def with_(self, **changes: Any) -> Attribution:
        return replace(self, **changes)

    def spans(self) -> dict[str, Span | None]:
        return {"quote": self.quote, "speaker": self.speaker, "cue": self.cue}

    def to_record(self) -> dict[str, Any]:
        """The JSON shape used in exports, the decisions log and scorers."""
        return {
            "quote": self.quote.as_dict(),
            "speaker": self.speaker.as_dict() if self.speaker else None,
            "cue": self.cue.as_dict() if self.cue else None,
            "speaker_name": self.speaker_name,
            "type": str(self.type),
            "state": str(self.state),
            "origin": str(self.origin),
            "confidence": self.confidence,
            "flagged": self.flagged,
            "comment": self.comment,
        }

    @classmethod
    def from_record(cls, d: dict[str, Any], id: int | None = None) -> Attribution:
        quote = Span.from_dict(d.get("quote"))
        if quote is None:
            raise SpanError("an attribution needs a quote span")
        conf = d.get("confidence")
        return cls(
            quote=quote,
            speaker=Span.from_dict(d.get("speaker")),
            cue=Span.from_dict(d.get("cue")),
            speaker_name=d.get("speaker_name") or None,
            type=QuoteType(d.get("type") or "direct"),
            state=State(d.get("state") or "suggested"),
            origin=Origin(d.get("origin") or "model"),
            confidence=float(conf) if conf is not None else None,
            id=id,
            speaker_id=_speaker_id(d.get("speaker_id")),
            flagged=bool(d.get("flagged")),
            comment=d.get("comment") or "",
        )

    def to_logged(self, article_id: int) -> dict[str, Any]:
        """The record as the decisions log and the corpus's commands keep it: the
        exported one with the article and the speaker's id in the corpus."""
        return dict(self.to_record(), article_id=article_id, speaker_id=self.speaker_id)


def _speaker_id(value: Any) -> int | None:
    """A logged ``speaker_id``: a whole number, else none (a record from before
    speakers were entities, or of another corpus)."""
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def check_attributions(
    attributions: Sequence[Attribution], text_length: int, edges: TokenEdges | None = None
) -> None:
    """The span rules for an article's attributions: each passes :meth:`Attribution.check`,
    and none of :func:`conflicts` holds. Every path that stores attributions goes through
    here."""
    for a in attributions:
        a.check(text_length, edges)
    for _, reason in conflicts(attributions):
        raise SpanError(reason)


def conflicts(attributions: Sequence[Attribution]) -> Iterator[tuple[Attribution, str]]:
    """The rules between attributions that stand (not rejected), broken: each attribution
    at fault, with why. No two quotes overlap (the later one is at fault), and no quote
    holds another's speaker or cue (the quote's is). A rejected suggestion blocks nothing:
    the right quote may take its place beside it."""
    by_start = sorted(attributions, key=lambda a: (a.quote.start, a.quote.end))
    standing = [a for a in by_start if a.state is not State.REJECTED]
    for a, b in zip(standing, standing[1:], strict=False):
        if a.quote.overlaps(b.quote):
            yield (
                b,
                f"quote {b.quote.start}-{b.quote.end} overlaps quote {a.quote.start}-{a.quote.end}",
            )
    starts = [a.quote.start for a in standing]
    for owner in standing:
        for kind, sp in (("speaker", owner.speaker), ("cue", owner.cue)):
            if sp is None:
                continue
            # the quotes are disjoint: those before ``sp.end`` end in order, so walk back
            i = bisect_left(starts, sp.end) - 1
            while i >= 0 and standing[i].quote.end > sp.start:
                q = standing[i].quote
                if standing[i] is not owner:
                    yield (
                        standing[i],
                        f"quote {q.start}-{q.end} overlaps the {kind} {sp.start}-{sp.end} "
                        "of another attribution",
                    )
                i -= 1


def content_hash(text: str) -> str:
    """An article's identity: the SHA-256 of its text (``Article.content_hash``), so the
    same text is imported once, and a text changed in place is found by the full check."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


#: What :meth:`Article.body_text` blanks: all but line breaks.
_BLANK = re.compile(r"[^\n]")


@dataclass
class Article:
    """An imported article. ``text`` never changes after import."""

    text: str
    title: str = ""
    byline: str = ""
    date: str = ""
    url: str = ""
    source: str = ""
    #: Ranges of ``text`` that are not article body (headline, related links,
    #: captions, footer): nothing is suggested there.
    non_body: list[Span] = field(default_factory=list)
    status: Status = Status.TODO
    content_hash: str = ""
    id: int | None = None
    #: The annotator's doubt about the whole article, with an optional comment (as an
    #: attribution's: :attr:`Attribution.flagged`).
    flagged: bool = False
    comment: str = ""

    def body_ranges(self) -> list[Span]:
        """The complement of ``non_body``: where quotes may be."""
        out: list[Span] = []
        pos = 0
        for sp in sorted(self.non_body):
            if sp.start > pos:
                out.append(Span(pos, sp.start))
            pos = max(pos, sp.end)
        if pos < len(self.text):
            out.append(Span(pos, len(self.text)))
        return out

    def body_text(self) -> str:
        """``text`` with what is not body blanked, its line breaks kept: the same offsets,
        none of the words of a headline or a related-article line (whose names are no
        speaker's: ``Related: Cole Says Port Ends`` names nobody ``Port``)."""
        out, pos = [], 0
        for r in self.body_ranges():
            out += [_BLANK.sub(" ", self.text[pos : r.start]), self.text[r.start : r.end]]
            pos = r.end
        out.append(_BLANK.sub(" ", self.text[pos:]))
        return "".join(out)

    def meta(self) -> dict[str, Any]:
        return {
            "title": self.title,
            "byline": self.byline,
            "date": self.date,
            "url": self.url,
            "source": self.source,
            "status": str(self.status),
            "non_body": [[s.start, s.end] for s in self.non_body],
            "flagged": self.flagged,
            "comment": self.comment,
        }
