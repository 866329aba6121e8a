"""Rows as the corpus stores them and records as the rest of QuoteLab reads them: an
attribution both ways, an article from its row, an article's line in the list."""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass
from typing import Any

from core.model import Article, Attribution, Span, Status

#: The columns of an article's row, in the table's order.
ARTICLE_COLUMNS = (
    "id",
    "content_hash",
    "text",
    "title",
    "byline",
    "date",
    "url",
    "source",
    "non_body",
    "status",
    "imported_at",
    "packed_tokens",
)
#: The columns an :class:`Article` is made of (:func:`article_from_row`): the table's
#: first ten, up to its status.
ARTICLE_RECORD = ARTICLE_COLUMNS[: ARTICLE_COLUMNS.index("status") + 1]
#: The columns of an attribution's row, in the table's order.
ATTRIBUTION_COLUMNS = (
    "id",
    "article_id",
    "quote_start",
    "quote_end",
    "speaker_start",
    "speaker_end",
    "cue_start",
    "cue_end",
    "speaker_name",
    "type",
    "state",
    "origin",
    "confidence",
    "speaker_id",
    "flagged",
    "comment",
)
#: The columns of a speaker's record (its row but the id), as commands log it.
SPEAKER_RECORD = ("name", "kind", "external_id")
#: The known speakers' tables, by the name commands log a row of each under: (table,
#: the columns of its record, its row but the id).
SPEAKER_TABLES = {
    "speaker": ("speakers", SPEAKER_RECORD),
    "alias": ("speaker_aliases", ("speaker_id", "alias")),
    "dismissal": ("speaker_dismissals", ("first", "second")),
}

#: The small tables the curator's commands write a row of, by the name a Change gives
#: them: (SQL table, the columns of its record, the id aside). A provenance row's id is
#: its attribution's.
CURATION_TABLES = {
    "curation_item": ("curation_items", ("outcome", "taken_from")),
    "provenance": ("provenance", ("how", "item_id", "version_id")),
}

#: The columns of a ``suggestions`` row (what made a suggestion, docs/adr/0036), the id
#: aside, in the table's order.
SUGGESTION_COLUMNS = ("article_id", "attribution_id", "source", "rule", "features", "prior", "made")


@dataclass(frozen=True)
class ArticleSummary:
    """An article's line in the list: its suggestions still to review and its
    attributions in all (rejected ones aside)."""

    id: int
    title: str
    date: str
    status: Status
    to_review: int
    total: int
    #: The article is flagged, or holds a flagged attribution (docs/adr/0033).
    flagged: bool = False


def dicts(cur: sqlite3.Cursor) -> list[dict[str, Any]]:
    cols = [d[0] for d in cur.description]
    return [dict(zip(cols, r, strict=True)) for r in cur.fetchall()]


def attribution_row(a: Attribution, article_id: int) -> dict[str, Any]:
    row: dict[str, Any] = {
        "article_id": article_id,
        "quote_start": a.quote.start,
        "quote_end": a.quote.end,
        "speaker_start": a.speaker.start if a.speaker else None,
        "speaker_end": a.speaker.end if a.speaker else None,
        "cue_start": a.cue.start if a.cue else None,
        "cue_end": a.cue.end if a.cue else None,
        "speaker_name": a.speaker_name or None,  # (no name is NULL, never '': one value)
        "type": str(a.type),
        "state": str(a.state),
        "origin": str(a.origin),
        "confidence": a.confidence,
        "speaker_id": a.speaker_id,
        "flagged": int(a.flagged),
        "comment": a.comment,
    }
    if a.id is not None:
        row["id"] = a.id
    return row


def article_from_row(r: tuple[Any, ...]) -> Article:
    """The article whose row begins with the :data:`ARTICLE_RECORD` columns."""
    art_id, content_hash, text, title, byline, date, url, source, non_body, status = r[:10]
    return Article(
        text=text,
        title=title,
        byline=byline,
        date=date,
        url=url,
        source=source,
        non_body=[Span(s, e) for s, e in json.loads(non_body)],
        status=Status(status),
        content_hash=content_hash,
        id=art_id,
    )


def attribution_from_row(r: dict[str, Any]) -> Attribution:
    def span(prefix: str) -> dict[str, int] | None:
        s = r[f"{prefix}_start"]
        return None if s is None else {"start": s, "end": r[f"{prefix}_end"]}

    return Attribution.from_record(
        {
            "quote": span("quote"),
            "speaker": span("speaker"),
            "cue": span("cue"),
            "speaker_name": r["speaker_name"],
            "type": r["type"],
            "state": r["state"],
            "origin": r["origin"],
            "confidence": r["confidence"],
            "speaker_id": r["speaker_id"],
            "flagged": r["flagged"],
            "comment": r["comment"],
        },
        id=r["id"],
    )
