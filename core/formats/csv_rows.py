"""CSV, one row per attribution with its article's metadata and the span texts: written
only (RFC 4180: UTF-8, CRLF, quoted where needed).

A spreadsheet runs a cell that starts with ``=``, ``+``, ``-`` or ``@`` (or a tab or a
carriage return before one) as a formula: such a text cell gets a leading ``'``, as
OWASP's advice on CSV injection has it, so a title or a speaker name planted in an
article cannot run in the spreadsheet that opens the export. The offsets columns give
each span exactly. ``flagged`` (1 or 0) and ``comment`` are the attribution's doubt,
``article_flagged`` and ``article_comment`` its article's (docs/adr/0033). In a gold
corpus, ``provenance`` (agreed, adjudicated or curator), ``provenance_annotators`` (who
agreed, or whose version was taken, separated by ``;``) and ``provenance_edited`` (1:
the curator changed it since) say where each attribution came from (docs/adr/0034);
they are empty in another corpus.
"""

from __future__ import annotations

import csv
import io
from typing import IO, Any

from core.formats.format import FileWriter, Format, Item
from core.model import Attribution

CSV_COLUMNS = (
    "article_id",
    "title",
    "byline",
    "date",
    "url",
    "source",
    "status",
    "attribution_id",
    "quote",
    "speaker",
    "cue",
    "speaker_name",
    "speaker_id",
    "speaker_kind",
    "speaker_external_id",
    "type",
    "state",
    "origin",
    "confidence",
    "quote_start",
    "quote_end",
    "speaker_start",
    "speaker_end",
    "cue_start",
    "cue_end",
    "flagged",
    "comment",
    "article_flagged",
    "article_comment",
    "provenance",
    "provenance_annotators",
    "provenance_edited",
)


#: What a cell may not start with (OWASP, "CSV Injection").
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def cell(value: object) -> object:
    """A value as a spreadsheet may read it: a text that a spreadsheet would take for a
    formula gets a leading ``'``; everything else as it is."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def uncell(text: str) -> str:
    """A text :func:`cell` wrote, as it was: a leading ``'`` before a formula's first
    character goes (a file read back, such as a speakers list)."""
    return text[1:] if text.startswith("'") and text[1:].startswith(FORMULA_STARTS) else text


def _provenance(item: Item, a: Attribution) -> dict[str, Any]:
    """The provenance columns of ``a`` (docs/adr/0034): agreed, adjudicated or curator;
    who agreed, or whose version was taken (names joined by ``;``); 1 when the curator
    edited it since. Empty outside a gold corpus."""
    origin = item.origin(a)
    if origin is None:
        return {"provenance": None, "provenance_annotators": None, "provenance_edited": None}
    return {
        "provenance": origin.how,
        "provenance_annotators": ";".join(origin.annotators),
        "provenance_edited": int(origin.edited),
    }


class CsvWriter(FileWriter):
    """One row per attribution (RFC 4180: UTF-8, CRLF, quoted where needed)."""

    def __init__(self, f: IO[bytes]) -> None:
        super().__init__(f)
        self.text = io.TextIOWrapper(f, encoding="utf-8", newline="", write_through=True)
        self.rows = csv.writer(self.text)
        self.rows.writerow(CSV_COLUMNS)

    def add(self, item: Item) -> None:
        art = item.article
        for a in item.attributions:
            row: dict[str, Any] = {
                "article_id": art.id,
                "title": art.title,
                "byline": art.byline,
                "date": art.date,
                "url": art.url,
                "source": art.source,
                "status": str(art.status),
                "attribution_id": a.id,
                "speaker_name": a.speaker_name,
                "type": str(a.type),
                "state": str(a.state),
                "origin": str(a.origin),
                "confidence": a.confidence,
                "flagged": int(a.flagged),
                "comment": a.comment,
                "article_flagged": int(art.flagged),
                "article_comment": art.comment,
                **item.identity(a),
                **_provenance(item, a),
            }
            for kind, sp in a.spans().items():
                row[kind] = item.span_text(sp)
                row[f"{kind}_start"] = sp.start if sp else None
                row[f"{kind}_end"] = sp.end if sp else None
            self.rows.writerow([cell(row[c]) for c in CSV_COLUMNS])

    def close(self) -> None:
        self.text.detach()  # the file is closed by its owner


FORMAT = Format(
    name="csv",
    title="CSV (one row per attribution)",
    help="a row per attribution",
    suffixes=(".csv",),
    writer=CsvWriter,
    row_per_attribution=True,
    bom=True,
)
