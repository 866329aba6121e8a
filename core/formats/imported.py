"""What reading a file gives, whatever its format: an :class:`Imported` article or an
:class:`ImportProblem`, and what every reader shares (the content hash, names fit for
a report, the speaker names an import fills in).

Nothing here touches the corpus; :mod:`core.corpus.store` stores what the readers return.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

import orjson

from core.model import Article, Attribution, SpanError, Speaker, Status, excerpt
from core.model import content_hash as content_hash  # (the readers' import)
from core.suggest.names import is_pronoun, name_in_article


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
    #: Who the file says its speakers are (the kind and external id an export writes),
    #: each with where it says so (``FILE line N``): for the corpus's known speakers.
    speakers: list[tuple[Speaker, str]] = field(default_factory=list)
    #: Where the record is (``FILE line N``), for a report; else its source names it.
    where: str = ""
    #: What the corpus held of the article when it was exported (:func:`revision`),
    #: when the record says: an import into that corpus applies its changes only if
    #: the corpus still holds that (docs/adr/0027).
    revision: str | None = None
    #: The attributions as QuoteLab exported them (JSONL's ``quotes``), when the record
    #: has them: what another tool's edits of its spans are compared with.
    exported: list[Attribution] = field(default_factory=list)

    @property
    def named_as(self) -> str:
        """The record in a report line: where it is, else its article's source."""
        return self.where or shown(self.article.source)


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


def revision(status: Status, rows: Iterable[Sequence[Any]]) -> str:
    """A mark of an article's annotations as stored: its status and its attributions'
    rows (``core.corpus.rows.ATTRIBUTION_COLUMNS``: ids, spans, speaker, type, state,
    origin, confidence), whatever their order. An export writes it in each record's
    ``meta``; an import compares it with what the corpus holds then (docs/adr/0027).
    From the rows as read, by orjson: a fraction of the line's cost. An attribution
    with no flag is marked without its flag's two columns (the last: docs/adr/0033),
    as it was before flags were, so a file exported then still matches."""
    kept = [r[:-2] if not r[-2] and not r[-1] else r for r in rows]
    data = orjson.dumps([status.value, sorted(kept)])
    return hashlib.sha256(data).hexdigest()[:20]


def span_problem(exc: SpanError, text: str) -> str:
    """A span refusal with what the text holds at the span, when it names one."""
    if exc.span is None:
        return str(exc)
    return f"{exc}: {excerpt(text[exc.span.start : exc.span.end])}"


def named(text: str, attrs: list[Attribution], body: str | None = None) -> list[Attribution]:
    """``attrs`` (sound spans) with a speaker name for each speaker that came without
    one: the name the S key gives the mention (:func:`core.suggest.names.name_in_article`:
    a pronoun keeps the person named before it, a surname becomes the fullest name, an
    acronym or a description what the whole article makes of it; read from ``body``, the
    article's :meth:`~core.model.Article.body_text`, where given, as the review reads it),
    in text order, whatever the file's order; names given in the file are kept as they
    are. A pronoun that names nobody before it gets no name (not "he")."""
    out = sorted(attrs, key=lambda a: a.quote.start)  # a pronoun looks back in the text
    for i, a in enumerate(out):
        if a.speaker is None or a.speaker_name:
            continue
        mention = text[a.speaker.start : a.speaker.end]
        name = name_in_article(mention, out, a.speaker.start, a, text if body is None else body)
        out[i] = a.with_(speaker_name=None if is_pronoun(name) else name)
    return out
