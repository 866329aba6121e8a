"""Merge annotators' corpora into one gold (``main.py curate``, docs/adr/0034).

The sources are hand-outs of one corpus (``main.py assign``): each names its annotator,
and an article is the same text under the same id in each. In every article, the
annotators' attributions (rejected ones aside: nobody's annotation) are clustered by
overlapping quotes; a cluster where every annotator who had the article has exactly
one attribution, accepted and not flagged, and all say the same by the agreement rule
(:func:`agree_on`) is accepted in the gold with its provenance; any other cluster is an
*item* for the curator, holding each annotator's version (an empty one where they
marked nothing). Every annotator's attributions are kept (``curation_versions``), agreed
ones too, so agreement before curation and each annotator's score against the gold
are read from the gold alone.

Read and written a batch of articles at a time (one transaction each): only the
articles' (id, content hash) are held for the whole run.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from contextlib import ExitStack, suppress
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from core.corpus import curation, handout
from core.corpus.curation import ITEM_COLUMNS, VERSION_COLUMNS, Outcome, gold_of, version_row
from core.corpus.errors import CorpusError
from core.corpus.integrity import JOURNAL_SUFFIXES
from core.corpus.rows import ARTICLE_COLUMNS, ATTRIBUTION_COLUMNS, attribution_from_row
from core.corpus.store import Store
from core.measure.evaluate import item
from core.model import Attribution, Span, State, Status, clean_comment

#: Articles merged in one transaction.
BATCH = 500
#: At most this many annotators: the keys 1-9 take their versions.
MAX_ANNOTATORS = 9
_BESIDE = ("", *JOURNAL_SUFFIXES, "-shm")
_STATUS = ARTICLE_COLUMNS.index("status")


class CurateError(Exception):
    """The merge was refused; nothing was written."""


@dataclass
class Curated:
    """What :func:`curate` wrote."""

    out: str
    annotators: list[str]
    articles: int = 0
    shared: int = 0  # articles more than one annotator had
    agreed: int = 0  # attributions accepted as agreed
    items: int = 0  # places left to adjudicate (opened by this merge)
    again: int = 0  # articles the gold held already
    changed: int = 0  # of those, articles whose versions changed since
    left_out: int = 0  # annotators' attributions changed in places already curated

    def lines(self) -> list[str]:
        out = [
            f"merged {len(self.annotators)} annotators ({', '.join(self.annotators)}) "
            f"into {self.out}: {self.articles} new article(s), {self.shared} of them shared",
            f"{self.agreed} attribution(s) agreed, accepted; {self.items} item(s) to adjudicate",
        ]
        if self.again:
            out.append(
                f"{self.again} article(s) merged before: {self.changed} changed since, "
                "merged again keeping what was curated"
                + (
                    f"; {self.left_out} annotator attribution(s) changed in places already "
                    "curated were left out"
                    if self.left_out
                    else ""
                )
            )
        return out

    def as_dict(self) -> dict[str, Any]:
        return {
            "out": self.out,
            "annotators": self.annotators,
            "articles": self.articles,
            "shared": self.shared,
            "agreed": self.agreed,
            "items": self.items,
            "merged_before": self.again,
            "changed": self.changed,
            "left_out_in_curated_places": self.left_out,
        }


def agree_on(text: str, versions: Sequence[Attribution]) -> bool:
    """Whether attributions of different annotators (one each) say the same by the rule
    ``main.py agree`` lists disagreements by (:mod:`core.measure.agree`): the same quote
    once trimmed (:func:`core.measure.evaluate.trim`: so the same boundaries), the same
    type, and speakers that name the same person (:func:`same_person`), or none."""
    first = item(text, versions[0])
    for a in versions[1:]:
        other = item(text, a)
        if other.quote != first.quote or other.type is not first.type:
            return False
        if not first.same_speaker(other):
            return False
    return True


def clusters(
    versions: dict[int, list[Attribution]],
) -> list[tuple[Span, dict[int, list[Attribution]]]]:
    """Every annotator's attributions (by annotator number) grouped where their quotes
    overlap (one chain of overlaps is one group), in text order: (the group's extent,
    its attributions by annotator)."""
    flat = sorted(
        ((a.quote.start, a.quote.end, n, a) for n, attrs in versions.items() for a in attrs),
        key=lambda t: (t[0], t[1], t[2]),
    )
    out: list[tuple[Span, dict[int, list[Attribution]]]] = []
    for s, e, n, a in flat:
        if out and s < out[-1][0].end:
            span, group = out[-1]
            out[-1] = (Span(span.start, max(span.end, e)), group)
        else:
            out.append((Span(s, e), {}))
        out[-1][1].setdefault(n, []).append(a)
    return out


def agreed(text: str, had: Sequence[int], group: dict[int, list[Attribution]]) -> bool:
    """Whether a group is agreed: every annotator who had the article (``had``) has one
    attribution there, accepted and not flagged (a doubt or an undecided suggestion
    is the curator's), and they agree (:func:`agree_on`)."""
    if sorted(group) != sorted(had) or any(len(group[n]) != 1 for n in had):
        return False
    attrs = [group[n][0] for n in had]
    if any(a.state is not State.ACCEPTED or a.flagged for a in attrs):
        return False
    return agree_on(text, attrs)


def fullest(attrs: Sequence[Attribution]) -> int:
    """Which of agreed attributions the gold takes: the one with the longest speaker
    name (the guide's fullest name), the first annotator's on a tie."""
    return max(range(len(attrs)), key=lambda i: (len(attrs[i].speaker_name or ""), -i))


@dataclass
class _Rows:
    """What one batch writes to the gold (:meth:`Store.add_curated`)."""

    ids: tuple[int, int, int]  # the next attribution, version and item ids
    articles: list[tuple[Any, ...]] = field(default_factory=list)
    statuses: list[tuple[str, int]] = field(default_factory=list)
    attributions: list[tuple[int, Attribution]] = field(default_factory=list)
    flags: list[tuple[Any, ...]] = field(default_factory=list)
    had: list[tuple[Any, ...]] = field(default_factory=list)
    versions: list[tuple[Any, ...]] = field(default_factory=list)
    items: list[tuple[Any, ...]] = field(default_factory=list)
    provenance: list[tuple[Any, ...]] = field(default_factory=list)
    gone: dict[tuple[str, str], list[int]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self._next = list(self.ids)

    def take(self, which: int) -> int:
        """A new id: of an attribution (0), a version (1) or an item (2)."""
        self._next[which] += 1
        return self._next[which] - 1

    @property
    def next_ids(self) -> tuple[int, int, int]:
        return self._next[0], self._next[1], self._next[2]

    def drop(self, table: str, column: str, ids: Sequence[int]) -> None:
        self.gone.setdefault((table, column), []).extend(ids)

    def tables(self, annotators: Sequence[tuple[Any, ...]]) -> list[Any]:
        return [
            ("curation_annotators", ("id", "name", "source"), annotators),
            ("curation_articles", ("article_id", "annotator_id", "status"), self.had),
            ("curation_items", ITEM_COLUMNS, self.items),
            ("curation_versions", VERSION_COLUMNS, self.versions),
            ("provenance", ("id", "how", "item_id", "version_id"), self.provenance),
        ]


def curate(
    sources: Sequence[Path],
    out: Path,
    *,
    progress: Callable[[int, int], None] | None = None,
) -> Curated:
    """Merge the hand-outs ``sources`` (two to nine, each of another annotator) into the
    gold corpus at ``out``: a new one, or one merged from the same annotators before,
    which keeps what was curated (:func:`_again`). CurateError, naming the file, when a
    source is not a hand-out, two are of one annotator or of different corpora, or
    ``out`` is a corpus that is no gold of these annotators' (then nothing is written).
    ``progress(done, total)`` is called after each batch of articles."""
    if not 2 <= len(sources) <= MAX_ANNOTATORS:
        raise CurateError(
            f"{len(sources)} corpora given: curate merges 2 to {MAX_ANNOTATORS} annotators' ones"
        )
    again = out.exists()
    if not again and any(Path(f"{out}{suffix}").exists() for suffix in _BESIDE):
        raise CurateError(f"{out}: SQLite's files of a corpus are there without it; move them")
    tmp = out if again else out.with_name(f".{out.name}.curate.tmp")
    with ExitStack() as opened:
        stores = [_open(opened, p) for p in sources]
        names = _annotators(stores)
        for store in stores:
            opened.enter_context(store.snapshot())
        holders = _articles(stores)
        result = Curated(str(out), names)
        try:
            if not again:
                for suffix in _BESIDE:
                    Path(f"{tmp}{suffix}").unlink(missing_ok=True)
            with _open_gold(tmp, again) as gold:
                numbers = _numbers(gold, names) if again else None
                _merge(stores, names, numbers, holders, gold, result, progress)
            if not again:
                os.replace(tmp, out)
        except OSError as exc:
            raise CurateError(
                f"{exc.filename or out}: cannot be written ({exc.strerror})"
            ) from None
        finally:
            if not again:
                for suffix in _BESIDE:
                    with suppress(OSError):
                        Path(f"{tmp}{suffix}").unlink(missing_ok=True)
    return result


def _open(opened: ExitStack, path: Path) -> Store:
    try:
        return opened.enter_context(Store(path, create=False))
    except CorpusError as exc:
        raise CurateError(str(exc)) from None


def _open_gold(path: Path, again: bool) -> Store:
    try:
        return Store(path, create=not again)
    except CorpusError as exc:
        raise CurateError(str(exc)) from None


def _numbers(gold: Store, names: list[str]) -> list[int]:
    """The gold's number of each source's annotator, when merging into a gold again:
    CurateError unless ``gold`` is one merged from exactly these annotators."""
    merged = {a.name: a.number for a in curation.annotators(gold)}
    if not merged:
        raise CurateError(
            f"{gold.path}: a corpus that is no gold (`main.py curate` makes one); "
            "choose another --out file"
        )
    if set(merged) != set(names):
        raise CurateError(
            f"{gold.path}: merged from {', '.join(sorted(merged))}, not from "
            f"{', '.join(sorted(names))}; give the same annotators' corpora, or another --out"
        )
    return [merged[n] for n in names]


def _annotators(stores: Sequence[Store]) -> list[str]:
    """The sources' annotators, in order; refused unless each has one, all different."""
    names: list[str] = []
    for s in stores:
        if s.assigned is None:
            raise CurateError(
                f"{s.path}: names no annotator, so it is not a hand-out "
                "(`main.py assign` makes one per annotator)"
            )
        if s.assigned.casefold() in (n.casefold() for n in names):
            raise CurateError(f"{s.path}: {s.assigned}'s corpus again; give each annotator's once")
        names.append(s.assigned)
    return names


def _articles(stores: Sequence[Store]) -> dict[int, list[int]]:
    """Which sources (their indexes) hold each article id; CurateError when two sources
    hold different texts under one id, or one text under different ids (not hand-outs
    of one corpus). Damaged articles are left out, as an export leaves them."""
    by_id: dict[int, tuple[str, int]] = {}
    by_hash: dict[str, int] = {}
    holders: dict[int, list[int]] = {}
    for k, s in enumerate(stores):
        s.find_damage()
        for art_id, digest in handout.article_keys(s):
            seen = by_id.get(art_id)
            if seen is not None and seen[0] != digest or by_hash.get(digest, art_id) != art_id:
                other = stores[seen[1] if seen is not None else holders[by_hash[digest]][0]]
                raise CurateError(
                    f"{s.path} and {other.path} are not hand-outs of one corpus: article "
                    f"{art_id} is another text in each, or the same text has other ids"
                )
            by_id.setdefault(art_id, (digest, k))
            by_hash[digest] = art_id
            holders.setdefault(art_id, []).append(k)
    return holders


def _merge(
    stores: Sequence[Store],
    names: list[str],
    numbers: list[int] | None,
    holders: dict[int, list[int]],
    gold: Store,
    result: Curated,
    progress: Callable[[int, int], None] | None,
) -> None:
    """Merge every article a batch at a time; ``numbers`` (each source's annotator's
    number in the gold) when merging into a gold again, else None."""
    number = numbers or list(range(1, len(stores) + 1))
    present = dict(handout.article_keys(gold)) if numbers else {}
    ordered = sorted(holders)
    next_ids = curation.next_ids(gold)
    annotators = [
        (number[k], n, s.path.name) for k, (n, s) in enumerate(zip(names, stores, strict=True))
    ]
    for start in range(0, max(len(ordered), 1), BATCH):
        batch = ordered[start : start + BATCH]
        read = [_read(s, [i for i in batch if k in holders[i]]) for k, s in enumerate(stores)]
        rows = _Rows(next_ids)
        for art_id in batch:
            row = read[holders[art_id][0]][0][art_id]
            had = sorted(number[k] for k in holders[art_id])
            versions = {number[k]: read[k][1].get(art_id, []) for k in holders[art_id]}
            statuses = {number[k]: read[k][0][art_id][_STATUS] for k in holders[art_id]}
            rows.had += [(art_id, n, statuses[n]) for n in had]
            text = row[ARTICLE_COLUMNS.index("text")]
            if art_id in present:
                if present[art_id] != row[ARTICLE_COLUMNS.index("content_hash")]:
                    raise CurateError(
                        f"{gold.path}: article {art_id} is another text than in "
                        f"{stores[holders[art_id][0]].path}: the gold of another corpus"
                    )
                rows.drop("curation_articles", "article_id", [art_id])
                _again(gold, rows, result, art_id, text, had, versions)
                continue
            comments = [
                f"{names[k]}: {read[k][2][art_id]}" for k in holders[art_id] if art_id in read[k][2]
            ]
            if comments:
                rows.flags.append((art_id, clean_comment("; ".join(comments))))
            opened = _place(rows, result, art_id, text, had, versions, [])
            status = Status.TODO if opened else Status.DONE
            rows.articles.append((*row[:_STATUS], status.value, *row[_STATUS + 1 :]))
            result.articles += 1
            result.shared += len(had) > 1
        gold.add_curated(
            rows.articles,
            rows.attributions,
            rows.tables(annotators if start == 0 and not numbers else []),
            {"sources": [s.path.name for s in stores], "articles": batch},
            flags=rows.flags,
            speakers=handout.speaker_rows(stores[0]) if start == 0 and not numbers else (),
            gone=[(t, c, ids) for (t, c), ids in rows.gone.items()],
            statuses=rows.statuses,
        )
        next_ids = rows.next_ids
        if progress is not None:
            progress(min(start + BATCH, len(ordered)), len(ordered))


def _place(
    rows: _Rows,
    result: Curated,
    art_id: int,
    text: str,
    had: list[int],
    versions: dict[int, list[Attribution]],
    kept: Sequence[Span],
) -> int:
    """The article's versions merged: agreed groups accepted with their provenance,
    the others items; attributions overlapping ``kept`` (places already curated) left
    out. How many items it opened."""
    opened = 0
    fresh = {
        n: [a for a in v if not any(a.quote.overlaps(k) for k in kept)] for n, v in versions.items()
    }
    for span, group in clusters(fresh):
        if agreed(text, had, group):
            attrs = [group[n][0] for n in had]
            pick = fullest(attrs)
            made = [rows.take(1) for _ in had]
            for n, version_id in zip(had, made, strict=True):
                rows.versions.append((version_id, art_id, n, None, *version_row(group[n][0])))
            gold_id = rows.take(0)
            rows.attributions.append((art_id, gold_of(attrs[pick]).with_(id=gold_id)))
            rows.provenance.append((gold_id, "agreed", None, made[pick]))
            result.agreed += 1
            continue
        item_id = rows.take(2)
        rows.items.append((item_id, art_id, span.start, span.end, "open", None))
        for n, attrs in sorted(group.items()):
            for a in attrs:
                rows.versions.append((rows.take(1), art_id, n, item_id, *version_row(a)))
        opened += 1
        result.items += 1
    return opened


def _again(
    gold: Store,
    rows: _Rows,
    result: Curated,
    art_id: int,
    text: str,
    had: list[int],
    versions: dict[int, list[Attribution]],
) -> None:
    """Merge an article the gold holds already. Unchanged (every annotator's versions as
    merged before): left as it is. Changed: what was curated stays (items settled, or
    open ones holding an attribution the curator touched; the gold attributions
    adjudicated, the curator's own and agreed ones since edited, rejected or flagged,
    each with the versions they came from), and the annotators' attributions elsewhere are merged
    anew in place of the rest (agreed attributions as they were, open items, versions);
    an annotator's attribution overlapping a curated place is left out (counted)."""
    held = curation.held(gold, art_id)
    before = {n: sorted(rec for _, _, rec in held.versions.get(n, [])) for n in held.annotators}
    now = {n: sorted(version_row(a) for a in versions[n]) for n in had}
    result.again += 1
    if before == now:
        return
    result.changed += 1
    touched: list[Attribution] = []
    keep_versions: set[int] = set()
    for a, prov in held.gold:
        if prov is None:
            touched.append(a)
            continue
        how, _, version_id = prov
        taken = held.version(version_id)
        changed = taken is None or taken[:8] != version_row(a)[:8]  # (spans, name, type)
        if how == "adjudicated" or changed or a.state is not State.ACCEPTED or a.flagged:
            touched.append(a)
            keep_versions.add(version_id)
    kept_items = [
        (i, span)
        for i, span, outcome in held.items
        if outcome is not Outcome.OPEN or any(a.quote.overlaps(span) for a in touched)
    ]
    kept_ids = {i for i, _ in kept_items}
    keep_versions |= {v for vs in held.versions.values() for v, item, _ in vs if item in kept_ids}
    places = [span for _, span in kept_items] + [a.quote for a in touched]
    kept_rows = {
        (n, rec) for n, vs in held.versions.items() for v, _, rec in vs if v in keep_versions
    }
    result.left_out += sum(
        (n, version_row(a)) not in kept_rows
        for n, v in versions.items()
        for a in v
        if any(a.quote.overlaps(p) for p in places)
    )
    agreed_ids = [a.id for a, prov in held.gold if a not in touched and a.id is not None]
    rows.drop("provenance", "id", agreed_ids)
    rows.drop("attributions", "id", agreed_ids)
    rows.drop(
        "curation_versions",
        "id",
        [v for vs in held.versions.values() for v, _, _ in vs if v not in keep_versions],
    )
    rows.drop("curation_items", "id", [i for i, _, _ in held.items if i not in kept_ids])
    opened = _place(rows, result, art_id, text, had, versions, places)
    still_open = opened + sum(
        outcome is Outcome.OPEN for i, _, outcome in held.items if i in kept_ids
    )
    current = gold.status(art_id)
    status = (
        Status.DONE if not still_open else current if current is Status.IN_PROGRESS else Status.TODO
    )
    if status is not current:
        rows.statuses.append((status.value, art_id))


def _read(
    store: Store, ids: list[int]
) -> tuple[dict[int, tuple[Any, ...]], dict[int, list[Attribution]], dict[int, str]]:
    """A batch of one source: its articles' rows, their attributions not rejected (in
    text order) and their flags as a whole, by article id."""
    if not ids:
        return {}, {}, {}
    articles, rows, flags = handout.article_batch(store, ids, attributions=True)
    attrs: dict[int, list[Attribution]] = {}
    for r in rows:
        a = attribution_from_row(dict(zip(ATTRIBUTION_COLUMNS, r, strict=True)))
        if a.state is not State.REJECTED:
            attrs.setdefault(r[1], []).append(a)
    return {r[0]: r for r in articles}, attrs, {i: c for i, c in flags}
