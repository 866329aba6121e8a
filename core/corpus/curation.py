"""A gold corpus merged from annotators' corpora (``main.py curate``, docs/adr/0034):
its annotators, who had which article, every annotator's attributions (their
*versions*), the places where they disagree (*items*, each with its outcome) and the
provenance of each gold attribution. The merge writes these tables
(:meth:`core.corpus.store.Store.add_curated`); the curator's commands change an item's
outcome and a provenance row as small tables (``curation_item``, ``provenance``:
:data:`core.corpus.rows.CURATION_TABLES`); everything else here reads."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from typing import TYPE_CHECKING, Any

from core.corpus.errors import guarded
from core.corpus.queries import Queries
from core.corpus.rows import ATTRIBUTION_COLUMNS, attribution_from_row, dicts

if TYPE_CHECKING:
    from core.corpus.store import Store
from core.model import Attribution, Origin, QuoteType, Span, State, Status

#: The columns of a version's row that make its attribution, in the table's order: an
#: attribution's own (:data:`ATTRIBUTION_COLUMNS`) but its corpus's ids and confidence.
VERSION_RECORD = tuple(
    c for c in ATTRIBUTION_COLUMNS if c not in ("id", "article_id", "confidence", "speaker_id")
)
#: Every column of a version's row, in the table's order.
VERSION_COLUMNS = ("id", "article_id", "annotator_id", "item_id", *VERSION_RECORD)
#: The columns of an item's row, in the table's order.
ITEM_COLUMNS = ("id", "article_id", "span_start", "span_end", "outcome", "taken_from")


class Outcome(StrEnum):
    """What became of an item: still to adjudicate, one annotator's version taken, every
    version rejected, or the curator's own attributions stand there."""

    OPEN = "open"
    TAKEN = "taken"
    REJECTED = "rejected"
    EDITED = "edited"


@dataclass(frozen=True)
class Annotator:
    """An annotator merged into the gold: ``number`` (1-9) is the key taking their version."""

    number: int
    name: str
    source: str = ""


@dataclass(frozen=True)
class Item:
    """A place where the annotators of an article disagree: a cluster of overlapping
    quotes. ``versions`` holds, for every annotator who had the article (by number, in
    order), their attributions there (ids: the versions' rows), an empty tuple where
    they marked nothing."""

    id: int
    article_id: int
    span: Span
    outcome: Outcome
    taken_from: int | None = None
    versions: dict[int, tuple[Attribution, ...]] = field(default_factory=dict)

    @property
    def open(self) -> bool:
        return self.outcome is Outcome.OPEN

    def record(self) -> dict[str, Any]:
        """The item's row as a command changes it (``curation_item``)."""
        return {"outcome": self.outcome.value, "taken_from": self.taken_from}


@dataclass(frozen=True)
class Provenance:
    """Where a gold attribution came from: ``agreed`` (by ``annotators``, all who had
    the article), ``adjudicated`` (taken from ``annotators[0]``'s version in ``item``),
    or ``curator`` (added by the curator: no row). ``edited``: changed by the curator
    since it was agreed or taken."""

    how: str
    annotators: tuple[str, ...] = ()
    item: int | None = None
    edited: bool = False

    def as_dict(self) -> dict[str, Any]:
        return {
            "how": self.how,
            "annotators": list(self.annotators),
            "item": self.item,
            "edited": self.edited,
        }


def version_of(row: dict[str, Any]) -> Attribution:
    """The attribution a version's row holds (its id the row's)."""

    def span(prefix: str) -> Span | None:
        s = row[f"{prefix}_start"]
        return None if s is None else Span(s, row[f"{prefix}_end"])

    return Attribution(
        quote=Span(row["quote_start"], row["quote_end"]),
        speaker=span("speaker"),
        cue=span("cue"),
        speaker_name=row["speaker_name"],
        type=QuoteType(row["type"]),
        state=State(row["state"]),
        origin=Origin(row["origin"]),
        id=row["id"],
        flagged=bool(row["flagged"]),
        comment=row["comment"],
    )


def version_row(a: Attribution) -> tuple[Any, ...]:
    """The :data:`VERSION_RECORD` values of an annotator's attribution."""
    return (
        a.quote.start,
        a.quote.end,
        a.speaker.start if a.speaker else None,
        a.speaker.end if a.speaker else None,
        a.cue.start if a.cue else None,
        a.cue.end if a.cue else None,
        a.speaker_name,
        a.type.value,
        a.state.value,
        a.origin.value,
        int(a.flagged),
        a.comment,
    )


def gold_of(a: Attribution) -> Attribution:
    """An annotator's attribution as the gold holds it: accepted, without the
    annotator's doubt, its speaker found by name in the gold (no id yet)."""
    return a.with_(state=State.ACCEPTED, flagged=False, comment="", speaker_id=None, id=None)


def same_content(a: Attribution, b: Attribution) -> bool:
    """Whether two attributions say the same (spans, speaker name, type): a gold
    attribution and the version it was made from, unless the curator changed it."""
    return (a.spans(), a.speaker_name, a.type) == (b.spans(), b.speaker_name, b.type)


@guarded
def is_gold(store: Queries) -> bool:
    """Whether the corpus was merged from annotators' corpora (it has annotators)."""
    return store._conn.execute("SELECT 1 FROM curation_annotators LIMIT 1").fetchone() is not None


@guarded
def annotators(store: Queries) -> list[Annotator]:
    """The annotators merged, by number."""
    rows = store._conn.execute(
        "SELECT id, name, source FROM curation_annotators ORDER BY id"
    ).fetchall()
    return [Annotator(*r) for r in rows]


@guarded
def article_annotators(store: Queries, article_id: int) -> dict[int, Status]:
    """Who had the article (annotator numbers, in order) with their status of it."""
    rows = store._conn.execute(
        "SELECT annotator_id, status FROM curation_articles WHERE article_id = ? "
        "ORDER BY annotator_id",
        (article_id,),
    ).fetchall()
    return {n: Status(s) for n, s in rows}


@guarded
def versions(store: Store, article_id: int) -> dict[int, list[Attribution]]:
    """Every annotator's attributions of the article (agreed ones too), by annotator
    number, in text order; an empty list for one who had it and marked nothing.
    CorpusError naming the damage if a row of the article is damaged."""
    store._usable(article_id)
    out: dict[int, list[Attribution]] = {n: [] for n in article_annotators(store, article_id)}
    cur = store._conn.execute(
        f"SELECT {', '.join(VERSION_COLUMNS)} FROM curation_versions "
        "WHERE article_id = ? ORDER BY annotator_id, quote_start, id",
        (article_id,),
    )
    for row in dicts(cur):
        out.setdefault(row["annotator_id"], []).append(version_of(row))
    return out


@guarded
def items(store: Store, article_id: int) -> list[Item]:
    """The article's items in text order, each with every version (two index reads).
    CorpusError naming the damage if a row of the article is damaged."""
    store._usable(article_id)
    rows = store._conn.execute(
        f"SELECT {', '.join(ITEM_COLUMNS)} FROM curation_items "
        "WHERE article_id = ? ORDER BY span_start, id",
        (article_id,),
    ).fetchall()
    return _with_versions(store, article_id, rows)


@guarded
def item(store: Store, item_id: int) -> Item | None:
    """One item with its versions, None if there is none of that id (CorpusError if
    its article is damaged)."""
    row = store._conn.execute(
        f"SELECT {', '.join(ITEM_COLUMNS)} FROM curation_items WHERE id = ?", (item_id,)
    ).fetchone()
    if row is None:
        return None
    store._usable(row[1])
    return _with_versions(store, row[1], [row])[0]


def _with_versions(store: Queries, article_id: int, rows: Sequence[tuple[Any, ...]]) -> list[Item]:
    if not rows:
        return []
    had = list(article_annotators(store, article_id))
    found: dict[int, dict[int, list[Attribution]]] = {r[0]: {n: [] for n in had} for r in rows}
    cur = store._conn.execute(
        f"SELECT {', '.join(VERSION_COLUMNS)} FROM curation_versions "
        "WHERE item_id IN (SELECT value FROM json_each(?)) ORDER BY annotator_id, quote_start, id",
        (json.dumps(list(found)),),
    )
    for row in dicts(cur):
        found[row["item_id"]].setdefault(row["annotator_id"], []).append(version_of(row))
    return [
        Item(
            i,
            art,
            Span(s, e),
            Outcome(outcome),
            taken,
            {n: tuple(v) for n, v in sorted(found[i].items())},
        )
        for i, art, s, e, outcome, taken in rows
    ]


@guarded
def open_items(store: Queries, article_id: int) -> int:
    """How many of the article's items are still open (the partial index)."""
    (n,) = store._conn.execute(
        "SELECT COUNT(*) FROM curation_items INDEXED BY curation_items_open "
        "WHERE article_id = ? AND outcome = 'open'",
        (article_id,),
    ).fetchone()
    return int(n)


@guarded
def next_open(store: Queries, article_id: int, position: int, step: int) -> tuple[int, int] | None:
    """(article id, item id) of the open item after (``step`` +1) or before (-1) the
    place ``position`` of ``article_id``, in the list's order (article id, then text),
    across articles; None when there is none that way. An index seek."""
    if step > 0:
        where, order = "(article_id, span_start) > (?, ?)", "ASC"
    else:
        where, order = "(article_id, span_start) < (?, ?)", "DESC"
    row = store._conn.execute(
        f"SELECT article_id, id FROM curation_items INDEXED BY curation_items_open "
        f"WHERE outcome = 'open' AND {where} "
        f"ORDER BY article_id {order}, span_start {order}, id {order} LIMIT 1",
        (article_id, position),
    ).fetchone()
    return (int(row[0]), int(row[1])) if row else None


@guarded
def item_counts(store: Queries) -> dict[Outcome, int]:
    """How many items have each outcome, over the corpus."""
    rows = store._conn.execute(
        "SELECT outcome, COUNT(*) FROM curation_items GROUP BY outcome"
    ).fetchall()
    counts = dict.fromkeys(Outcome, 0)
    counts.update({Outcome(o): int(n) for o, n in rows})
    return counts


@guarded
def lone_articles(store: Queries, number: int, article_id: int | None = None) -> list[int]:
    """The articles (or ``article_id`` alone) holding an open item where annotator
    ``number`` has a version and no other annotator has one, in id order."""
    where, args = (
        ("AND i.article_id = ?", (number, number, article_id))
        if article_id
        else ("", (number, number))
    )
    rows = store._conn.execute(
        "SELECT DISTINCT i.article_id FROM curation_items i INDEXED BY curation_items_open "
        "WHERE i.outcome = 'open' "
        "AND EXISTS (SELECT 1 FROM curation_versions v INDEXED BY curation_versions_item "
        "            WHERE v.item_id = i.id AND v.annotator_id = ?) "
        "AND NOT EXISTS (SELECT 1 FROM curation_versions v INDEXED BY curation_versions_item "
        f"               WHERE v.item_id = i.id AND v.annotator_id != ?) {where} "
        "ORDER BY i.article_id",
        args,
    ).fetchall()
    return [int(r[0]) for r in rows]


@guarded
def made_in(store: Queries, item_id: int) -> list[tuple[int, Attribution]]:
    """The gold attributions made in an item (taken from a version there), with their
    provenance rows: (version id, attribution), in text order."""
    cur = store._conn.execute(
        "SELECT p.version_id, t.* FROM provenance p INDEXED BY provenance_item "
        "JOIN attributions t ON t.id = p.id WHERE p.item_id = ? ORDER BY t.quote_start, t.id",
        (item_id,),
    )
    return [(row["version_id"], attribution_from_row(row)) for row in dicts(cur)]


@guarded
def provenance(
    store: Queries, article_id: int, names: dict[int, str] | None = None
) -> dict[int, Provenance]:
    """The provenance of each of the article's attributions, by id: those without a
    row are the curator's (in a gold corpus; none in another). ``names``: the
    annotators' names by number, when the caller read them already."""
    names = names if names is not None else {a.number: a.name for a in annotators(store)}
    if not names:
        return {}
    had = tuple(names[n] for n in article_annotators(store, article_id))
    cur = store._conn.execute(
        "SELECT t.id AS id, p.how, p.item_id, v.annotator_id, "
        "t.quote_start, t.quote_end, t.speaker_start, t.speaker_end, t.cue_start, t.cue_end, "
        "t.speaker_name, t.type, "
        "v.quote_start AS v_quote_start, v.quote_end AS v_quote_end, "
        "v.speaker_start AS v_speaker_start, v.speaker_end AS v_speaker_end, "
        "v.cue_start AS v_cue_start, v.cue_end AS v_cue_end, "
        "v.speaker_name AS v_speaker_name, v.type AS v_type "
        "FROM attributions t LEFT JOIN provenance p ON p.id = t.id "
        "LEFT JOIN curation_versions v ON v.id = p.version_id WHERE t.article_id = ?",
        (article_id,),
    )
    out: dict[int, Provenance] = {}
    for row in dicts(cur):
        if row["how"] is None:
            out[row["id"]] = Provenance("curator")
            continue
        gold = tuple(row[c] for c in VERSION_RECORD[:8])
        taken = tuple(row[f"v_{c}"] for c in VERSION_RECORD[:8])
        who = had if row["how"] == "agreed" else (names.get(row["annotator_id"], "?"),)
        out[row["id"]] = Provenance(row["how"], who, row["item_id"], gold != taken)
    return out


@dataclass
class Held:
    """What a gold holds of one article, for merging the annotators' corpora again: its
    annotators, their versions (id, item id, :data:`VERSION_RECORD` values), its items
    (id, span, outcome) and its attributions with their provenance rows (how, item,
    version; None for the curator's own)."""

    annotators: dict[int, Status]
    versions: dict[int, list[tuple[int, int | None, tuple[Any, ...]]]]
    items: list[tuple[int, Span, Outcome]]
    gold: list[tuple[Attribution, tuple[str, int | None, int] | None]]

    def version(self, version_id: int) -> tuple[Any, ...] | None:
        """The :data:`VERSION_RECORD` values of version ``version_id``."""
        return next(
            (rec for vs in self.versions.values() for v, _, rec in vs if v == version_id), None
        )


@guarded
def held(store: Store, article_id: int) -> Held:
    """What the gold holds of the article (:class:`Held`)."""
    versions: dict[int, list[tuple[int, int | None, tuple[Any, ...]]]] = {}
    for row in store._conn.execute(
        f"SELECT {', '.join(VERSION_COLUMNS)} FROM curation_versions WHERE article_id = ? "
        "ORDER BY annotator_id, quote_start, id",
        (article_id,),
    ):
        versions.setdefault(row[2], []).append((row[0], row[3], tuple(row[4:])))
    items = [
        (i, Span(s, e), Outcome(o))
        for i, s, e, o in store._conn.execute(
            "SELECT id, span_start, span_end, outcome FROM curation_items WHERE article_id = ?",
            (article_id,),
        )
    ]
    attrs = store.attributions(article_id)
    rows = store._conn.execute(
        "SELECT id, how, item_id, version_id FROM provenance "
        "WHERE id IN (SELECT value FROM json_each(?))",
        (json.dumps([a.id for a in attrs]),),
    ).fetchall()
    found = {r[0]: (r[1], r[2], r[3]) for r in rows}
    gold = [(a, found.get(a.id or 0)) for a in attrs]
    return Held(article_annotators(store, article_id), versions, items, gold)


@guarded
def next_ids(store: Queries) -> tuple[int, int, int]:
    """The next ids of attributions, versions and items: never one used before (the
    tables' AUTOINCREMENT sequence), so a logged decision never names another row."""

    def next_of(table: str) -> int:
        (n,) = store._conn.execute(
            "SELECT max(COALESCE((SELECT seq FROM sqlite_sequence WHERE name = ?), 0), "
            f"COALESCE((SELECT max(id) FROM {table}), 0))",
            (table,),
        ).fetchone()
        return int(n) + 1

    return next_of("attributions"), next_of("curation_versions"), next_of("curation_items")
