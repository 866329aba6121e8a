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

from core.corpus import handout
from core.corpus.curation import ITEM_COLUMNS, VERSION_COLUMNS, gold_of, version_row
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
    items: int = 0  # places left to adjudicate
    alone: dict[str, int] = field(default_factory=dict)  # articles only one annotator had

    def lines(self) -> list[str]:
        return [
            f"merged {len(self.annotators)} annotators ({', '.join(self.annotators)}) "
            f"into {self.out}: {self.articles} article(s), {self.shared} of them shared",
            f"{self.agreed} attribution(s) agreed, accepted; {self.items} item(s) to adjudicate",
        ]

    def as_dict(self) -> dict[str, Any]:
        return {
            "out": self.out,
            "annotators": self.annotators,
            "articles": self.articles,
            "shared": self.shared,
            "agreed": self.agreed,
            "items": self.items,
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
        if bool(first.names) != bool(other.names):
            return False
        if first.names and not first.speaker_right(other):
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
class _Ids:
    """The next row id of each table the merge writes (a gold made anew starts at 1)."""

    attribution: int = 1
    version: int = 1
    item: int = 1

    def take(self, what: str) -> int:
        n = getattr(self, what)
        setattr(self, what, n + 1)
        return int(n)


def curate(
    sources: Sequence[Path],
    out: Path,
    *,
    progress: Callable[[int, int], None] | None = None,
) -> Curated:
    """Merge the hand-outs ``sources`` (two to nine, each of another annotator) into a
    new gold corpus at ``out``; CurateError, naming the file, when a source is not a
    hand-out, two are of one annotator or of different corpora, or ``out`` exists.
    ``progress(done, total)`` is called after each batch of articles."""
    if not 2 <= len(sources) <= MAX_ANNOTATORS:
        raise CurateError(
            f"{len(sources)} corpora given: curate merges 2 to {MAX_ANNOTATORS} annotators' ones"
        )
    there = [str(out) for suffix in _BESIDE if Path(f"{out}{suffix}").exists()]
    if there:
        raise CurateError(f"{out}: already there; choose another --out file")
    tmp = out.with_name(f".{out.name}.curate.tmp")
    with ExitStack() as opened:
        stores = [_open(opened, p) for p in sources]
        names = _annotators(stores)
        for store in stores:
            opened.enter_context(store.snapshot())
        keys = _articles(stores)
        result = Curated(str(out), names)
        try:
            for suffix in _BESIDE:
                Path(f"{tmp}{suffix}").unlink(missing_ok=True)
            with Store(tmp) as gold:
                _merge(stores, names, keys, gold, result, progress)
            os.replace(tmp, out)
        except OSError as exc:
            raise CurateError(
                f"{exc.filename or out}: cannot be written ({exc.strerror})"
            ) from None
        finally:
            for suffix in _BESIDE:
                with suppress(OSError):
                    Path(f"{tmp}{suffix}").unlink(missing_ok=True)
    return result


def _open(opened: ExitStack, path: Path) -> Store:
    try:
        return opened.enter_context(Store(path, create=False))
    except CorpusError as exc:
        raise CurateError(str(exc)) from None


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
    holders: dict[int, list[int]],
    gold: Store,
    result: Curated,
    progress: Callable[[int, int], None] | None,
) -> None:
    ids = _Ids()
    ordered = sorted(holders)
    annotators = [
        (k + 1, n, s.path.name) for k, (n, s) in enumerate(zip(names, stores, strict=True))
    ]
    for start in range(0, max(len(ordered), 1), BATCH):
        batch = ordered[start : start + BATCH]
        read = [_read(s, [i for i in batch if k in holders[i]]) for k, s in enumerate(stores)]
        articles: list[tuple[Any, ...]] = []
        attributions: list[tuple[int, Attribution]] = []
        flags: list[tuple[Any, ...]] = []
        had_rows: list[tuple[Any, ...]] = []
        version_rows: list[tuple[Any, ...]] = []
        item_rows: list[tuple[Any, ...]] = []
        provenance_rows: list[tuple[Any, ...]] = []
        for art_id in batch:
            had = [k + 1 for k in holders[art_id]]
            row = read[holders[art_id][0]][0][art_id]
            text = row[ARTICLE_COLUMNS.index("text")]
            versions = {k + 1: read[k][1].get(art_id, []) for k in holders[art_id]}
            had_rows += [(art_id, n, read[n - 1][0][art_id][_STATUS]) for n in had]
            comments = [
                f"{names[n - 1]}: {read[n - 1][2][art_id]}" for n in had if art_id in read[n - 1][2]
            ]
            if comments:
                flags.append((art_id, clean_comment("; ".join(comments))))
            open_here = 0
            for span, group in clusters(versions):
                if agreed(text, had, group):
                    attrs = [group[n][0] for n in had]
                    pick = fullest(attrs)
                    first_version = ids.version
                    for n in had:
                        version_rows.append(
                            (ids.take("version"), art_id, n, None, *version_row(group[n][0]))
                        )
                    gold_id = ids.take("attribution")
                    attributions.append((art_id, gold_of(attrs[pick]).with_(id=gold_id)))
                    provenance_rows.append((gold_id, "agreed", None, first_version + pick))
                    result.agreed += 1
                    continue
                item_id = ids.take("item")
                item_rows.append((item_id, art_id, span.start, span.end, "open", None))
                for n, attrs in sorted(group.items()):
                    for a in attrs:
                        version_rows.append(
                            (ids.take("version"), art_id, n, item_id, *version_row(a))
                        )
                open_here += 1
                result.items += 1
            status = Status.TODO if open_here else Status.DONE
            articles.append((*row[:_STATUS], status.value, *row[_STATUS + 1 :]))
            result.articles += 1
            if len(had) > 1:
                result.shared += 1
        gold.add_curated(
            articles,
            attributions,
            [
                ("curation_annotators", ("id", "name", "source"), annotators if start == 0 else []),
                ("curation_articles", ("article_id", "annotator_id", "status"), had_rows),
                ("curation_items", ITEM_COLUMNS, item_rows),
                ("curation_versions", VERSION_COLUMNS, version_rows),
                ("provenance", ("id", "how", "item_id", "version_id"), provenance_rows),
            ],
            {"sources": [s.path.name for s in stores], "articles": batch},
            flags=flags,
            speakers=handout.speaker_rows(stores[0]) if start == 0 else (),
        )
        if progress is not None:
            progress(min(start + BATCH, len(ordered)), len(ordered))


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
