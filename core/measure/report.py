"""What the corpus says: the quality of the suggestions on done articles, and the corpus
itself (articles, attributions, speakers, quotes per article, over time, by outlet); in
a gold corpus, what the curation says instead of suggestion quality.

Read-only: a few aggregate queries and, for suggestion quality, each done article's
attributions as first suggested (from the decisions log) scored against what the
annotator confirmed, with :mod:`core.measure.evaluate`.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from typing import Any

from core.corpus import queries
from core.corpus.store import Store
from core.measure import curation
from core.measure.evaluate import Alignment, Item, Score, align, item_of, same_person
from core.model import Origin, QuoteType, Span, State, Status
from core.suggest.registry import kind_of

#: How many speakers, cue words and outlets the report lists.
TOP = 20
FIX_KINDS = (
    "accepted as is",
    "moved boundaries",
    "changed speaker",
    "changed type",
    "changed cue",
    "added",
    "rejected",
)


#: The month of articles with no date (quotes over time).
UNDATED = "undated"

#: What the report says of suggestion quality before any article is done (figures of
#: nothing, all 0.000, read as if the suggestions were all wrong).
NO_QUALITY_YET = (
    "No article is done yet: suggestion quality is measured on done articles, "
    "as their suggestions were first made against what the reviewer kept."
)
#: What the report says of suggestion quality in a gold corpus, where it is not measured.
NOT_IN_A_GOLD = (
    "Not measured in a gold corpus: its attributions are the curation's (what the "
    "annotators agreed on, or the curator chose), not suggestions someone reviewed; "
    "the Curation section scores each annotator against them."
)


@dataclass
class Quality:
    """Suggestions as first made on done articles, against the final attributions."""

    articles: int = 0
    score: Score = field(default_factory=Score)
    #: What the annotator did to them: kept as they were, moved, re-attributed, re-typed,
    #: their cue changed or removed (one suggestion can count under several), added
    #: (missed) and rejected.
    fixes: dict[str, int] = field(default_factory=lambda: dict.fromkeys(FIX_KINDS, 0))
    missed_cues: list[tuple[str, int]] = field(default_factory=list)

    def add(self, al: Alignment) -> None:
        self.articles += 1
        self.score.add(al)
        fixes = self.fixes
        for g, p in al.pairs:
            moved, speaker, typed = g.quote != p.quote, not g.speaker_right(p), g.type is not p.type
            cue = g.cue != p.cue
            fixes["moved boundaries"] += moved
            fixes["changed speaker"] += speaker
            fixes["changed type"] += typed
            fixes["changed cue"] += cue
            fixes["accepted as is"] += not (moved or speaker or typed or cue)
        fixes["accepted as is"] += al.same.total()
        fixes["added"] += len(al.missed)
        fixes["rejected"] += len(al.spurious)

    def as_dict(self) -> dict[str, Any]:
        return {
            "articles": self.articles,
            **self.score.as_dict(),
            "fixes": self.fixes,
            "missed_cues": self.missed_cues,
        }


@dataclass
class SpeakerRow:
    name: str
    quotes: int
    articles: int
    cues: list[tuple[str, int]]
    unreviewed: int = 0  # of its quotes, suggestions nobody has decided yet
    id: int | None = None  # the speaker in the corpus
    kind: str = ""  # person, organisation or other (as stated, else guessed)


@dataclass
class Report:
    corpus: str
    #: None in a gold corpus (docs/adr/0035): nothing in it is a suggestion reviewed.
    quality: Quality | None
    articles_by_status: dict[str, int]
    by_type: dict[str, int]
    by_state: dict[str, int]
    by_origin: dict[str, int]
    speakers: list[SpeakerRow]
    speaker_count: int  # speakers (entities of the corpus), not spellings
    quotes_per_article: dict[str, Any]
    over_time: list[tuple[str, int, int]]  # (YYYY-MM or UNDATED, articles, quotes)
    by_outlet: list[tuple[str, int, int]]  # (outlet, articles, quotes)
    #: Every count of quotes is of attributions not rejected: ``quotes`` of them, of which
    #: ``unreviewed`` are suggestions nobody has decided yet (counted, and said so).
    quotes: int = 0
    unreviewed: int = 0
    no_speaker_name: int = 0  # quotes with no speaker name (not among the speakers)
    annotator: str | None = None  # whose corpus it is, if it was handed out to someone
    #: Doubts for the curator (docs/adr/0033): attributions flagged, and articles
    #: flagged as a whole or holding a flagged attribution.
    flagged_attributions: int = 0
    flagged_articles: int = 0
    #: What the curation says, in a gold corpus (docs/adr/0035); None in any other.
    curation: curation.Curation | None = None

    def whose(self) -> str:
        """The corpus, and its annotator if it has one: ``ana.qlab (annotator ana)``."""
        return self.corpus + (f" (annotator {self.annotator})" if self.annotator else "")

    def counted(self) -> str:
        """What the quote counts hold, in words (the report, its page and charts say it)."""
        if not self.unreviewed:
            return f"all {self.quotes} quote(s) counted are reviewed (rejected ones aside)"
        return (
            f"{self.unreviewed} of the {self.quotes} quote(s) counted are unreviewed "
            "suggestions (state suggested; rejected ones aside)"
        )

    def as_dict(self) -> dict[str, Any]:
        d = asdict(self)
        if self.quality is None:
            del d["quality"]  # (a gold: see NOT_IN_A_GOLD)
        else:
            d["quality"] = self.quality.as_dict()
        if self.curation is None:
            del d["curation"]  # (a corpus that is not a gold: nothing of it said)
        else:
            d["curation"] = self.curation.as_dict()
        return d

    def lines(self) -> list[str]:
        """The report as plain text for the terminal."""
        q = self.quality
        out = [f"QuoteLab report: {self.whose()}", ""]
        if q is None:
            out += ["Suggestion quality", "  " + NOT_IN_A_GOLD]
        elif not q.articles:
            out += [f"Suggestion quality on {q.articles} done article(s)", "  " + NO_QUALITY_YET]
        else:
            out.append(f"Suggestion quality on {q.articles} done article(s)")
            out += ["  " + line for line in q.score.lines()]
            out.append("  fixes: " + ", ".join(f"{k} {v}" for k, v in q.fixes.items()))
            cues = ", ".join(f"{c} {n}" for c, n in q.missed_cues) or "none"
            out.append(f"  cue words of missed quotes: {cues}")
        out += ["", "Corpus (" + self.counted() + ")"]
        out.append("  articles: " + _pairs(self.articles_by_status))
        out.append("  attributions by type: " + _pairs(self.by_type))
        out.append("  attributions by state: " + _pairs(self.by_state))
        out.append("  attributions by origin: " + _pairs(self.by_origin))
        out.append(
            f"  flagged for the curator: {self.flagged_attributions} attribution(s) "
            f"in {self.flagged_articles} article(s) (flagged articles included)"
        )
        qpa = self.quotes_per_article
        out.append(
            f"  quotes per article: mean {qpa['mean']:.1f}, median {qpa['median']:g}, "
            f"max {qpa['max']}; " + _pairs({f"{k} quotes": v for k, v in qpa["histogram"].items()})
        )
        out += ["", f"Speakers ({self.speaker_count}; by quotes, unreviewed ones included)"]
        for sp in self.speakers:
            cues = ", ".join(f"{c} {n}" for c, n in sp.cues)
            out.append(
                f"  {sp.quotes:5}  {sp.name}  ({sp.kind}; {sp.articles} article(s); "
                f"{sp.unreviewed} unreviewed; {cues})"
            )
        out.append(f"  {self.no_speaker_name} quote(s) with no speaker name")
        out += ["", "Quotes over time (month: articles, quotes)"]
        out += [f"  {m}: {a}, {n}" for m, a, n in self.over_time]
        out += ["", "By outlet (articles, quotes)"]
        out += [f"  {o or 'unknown'}: {a}, {n}" for o, a, n in self.by_outlet]
        if self.curation is not None:
            out += ["", *self.curation.lines()]
        return out


def _pairs(d: dict[str, Any]) -> str:
    return ", ".join(f"{k} {v}" for k, v in d.items())


_HOST = re.compile(r"\s*[A-Za-z][A-Za-z0-9+.-]*://(?:[^/?#@]*@)?([^/?#:]*)")


def outlet(url: str) -> str:
    """The outlet an article comes from: its URL's host, lower case, without ``www.``."""
    m = _HOST.match(url)
    return m.group(1).lower().removeprefix("www.") if m else ""


_TYPES = {t.value: t for t in QuoteType}
_COLUMNS = (
    "article_id id quote_start quote_end speaker_start speaker_end cue_start cue_end "
    "speaker_name type state origin flagged"
).split()


def _row_item(text: str, r: tuple[Any, ...]) -> Item:
    name = r[8] or ("" if r[4] is None else text[r[4] : r[5]])
    cue = "" if r[6] is None else text[r[6] : r[7]]
    return item_of(text, Span(r[2], r[3]), name, cue, _TYPES[r[9]])


def _record_item(text: str, rec: dict[str, Any]) -> Item:
    def part(kind: str) -> str:
        sp = rec.get(kind)
        return text[sp["start"] : sp["end"]] if sp else ""

    q = rec["quote"]
    name = rec.get("speaker_name") or part("speaker")
    return item_of(text, Span(q["start"], q["end"]), name, part("cue"), _TYPES[rec["type"]])


def _unchanged(rec: dict[str, Any], r: tuple[Any, ...]) -> bool:
    """Whether a logged record and a row hold the same quote, speaker, cue and type."""
    q, sp, cue = rec["quote"], rec.get("speaker") or {}, rec.get("cue") or {}
    logged = (q["start"], q["end"], sp.get("start"), sp.get("end"), cue.get("start"))
    return (*logged, cue.get("end"), rec.get("speaker_name"), rec["type"]) == tuple(r[2:10])


def _first_records(store: Store) -> dict[int, dict[str, Any] | None]:
    """Each logged attribution's record before its first logged change (None: a person
    created it)."""
    first: dict[int, dict[str, Any] | None] = {}
    for changes in queries.logged_changes(store):
        for ch in changes:
            if ch.get("table") == "attribution" and ch.get("id") not in first:
                first[ch["id"]] = ch.get("before")
    return first


#: Done articles between two progress reports (and checks for a cancel).
STEP = 100

Progress = Callable[[int, int], None]


class Cancelled(Exception):
    """The report was cancelled before it was whole."""


def _aligned(
    text: str,
    rows: list[tuple[Any, ...]],
    suggested_first: list[dict[str, Any]],
    first: dict[int, dict[str, Any] | None],
) -> Alignment:
    """One done article's attributions as first suggested against its final ones: its
    ``rows`` (:data:`_COLUMNS`) and the first records of those the model suggested
    (``suggested_first``, with their ids)."""
    suggested: list[Item] = []
    final: list[Item] = []
    same: Counter[tuple[QuoteType, bool]] = Counter()
    kept: set[int] = set()  # attributions still as first suggested, type and speaker
    model, rejected = Origin.MODEL.value, State.REJECTED.value
    for r in rows:
        if r[12] and r[10] == State.SUGGESTED.value:  # flagged, left for the curator
            kept.add(r[1])  # (its first record is no suggestion to score either)
            continue
        logged = r[1] in first
        rec = first.get(r[1]) if logged else None
        if r[10] != rejected and (
            (not logged and r[11] == model)
            or (rec is not None and rec.get("origin") == model and _unchanged(rec, r))
        ):
            # the same attribution in both: an exact match by construction (quotes in an
            # article never overlap, so nothing else can pair with it)
            name = r[8] or ("" if r[4] is None else text[r[4] : r[5]])
            same[(_TYPES[r[9]], bool(name) and same_person(name, name))] += 1
            kept.add(r[1])
            continue
        it = _row_item(text, r)
        if r[10] != rejected:
            final.append(it)
        if not logged and r[11] == model:
            suggested.append(it)
    suggested += [_record_item(text, rec) for rec in suggested_first if rec["id"] not in kept]
    al = align(final, suggested)
    al.same = same
    return al


def quality(
    store: Store, progress: Progress | None = None, cancelled: Callable[[], bool] = lambda: False
) -> Quality:
    """The attributions of done articles as the model first suggested them (an
    attribution's record before its first logged change, else as it is now; ones a
    person created are no suggestions) against the final ones (not rejected). A
    suggestion left undecided in a done article because it is flagged for the curator
    (docs/adr/0033) is neither: nobody has decided it yet.

    Done articles stream through in id order, each with its rows (two streaming
    queries read side by side): one article's text is held at a time. ``progress(done,
    total)`` every :data:`STEP` articles; :class:`Cancelled` raised once ``cancelled()``
    turns true."""
    first = _first_records(store)
    by_article: dict[int, list[dict[str, Any]]] = defaultdict(list)
    for attr_id, rec in first.items():
        if rec is not None and rec.get("origin") == Origin.MODEL.value:
            by_article[int(rec["article_id"])].append(dict(rec, id=attr_id))
    total = store.status_counts()[Status.DONE]
    q = Quality()
    missed: Counter[str] = Counter()
    rows = queries.attribution_rows(store, _COLUMNS, done_only=True)
    articles = queries.article_rows(store, ["id", "text"], done_only=True)
    try:
        row = next(rows, None)
        for n, (article_id, text) in enumerate(articles):
            if n % STEP == 0:
                if progress is not None:
                    progress(n, total)
                if cancelled():
                    raise Cancelled
            mine = []
            while row is not None and row[0] == article_id:
                mine.append(row)
                row = next(rows, None)
            al = _aligned(text, mine, by_article.pop(article_id, []), first)
            q.add(al)
            missed.update(g.cue.strip().lower() or "(no cue)" for g in al.missed)
    finally:
        rows.close()
        articles.close()
    q.missed_cues = missed.most_common(TOP)
    return q


def _speakers(store: Store, top: int) -> tuple[list[SpeakerRow], int]:
    rows = queries.speaker_figures(store)
    shown = rows[:top]
    cues: dict[int, Counter[str]] = {r[0].id or 0: Counter() for r in shown}
    for speaker_id, cue, n in queries.cue_words(store, list(cues)):
        cues[speaker_id][cue.lower()] += n
    return [
        SpeakerRow(
            s.name, n, arts, cues[s.id or 0].most_common(5), unreviewed, s.id, kind_of(s).value
        )
        for s, n, arts, unreviewed in shown
    ], len(rows)


def _quotes_per_article(hist: Counter[int]) -> dict[str, Any]:
    """Mean, median and max of the quotes per article, from how many articles have each
    count (what ``statistics`` gives for the list of counts, without the list)."""
    n = hist.total()
    counts = sorted(hist)
    middle: list[int] = []  # the counts at the middle position(s) of the sorted list
    seen = 0
    for k in counts:
        seen += hist[k]
        while len(middle) < 2 - n % 2 and seen > (n - 1) // 2 + len(middle):
            middle.append(k)
    return {
        "mean": sum(k * v for k, v in hist.items()) / n if n else 0.0,
        "median": (middle[0] if n % 2 else sum(middle) / 2) if n else 0,
        "max": max(counts, default=0),
        "histogram": {str(k): hist[k] for k in counts},
    }


def build(
    store: Store,
    top: int = TOP,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] = lambda: False,
) -> Report:
    """The whole report of the corpus in ``store``, its memory bounded whatever the size
    of the corpus (every read streams or is an aggregate; no article text is held but
    the one being scored). ``progress(done, total)`` counts the done articles scored
    (in a gold corpus, every article read for its curation section instead);
    :class:`Cancelled` is raised once ``cancelled()`` turns true."""

    def grouped(found: dict[str, int], keys: list[str]) -> dict[str, int]:
        return {k: found.get(k, 0) for k in keys}

    months: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    outlets: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    per_article: Counter[int] = Counter()
    for url, month, n in queries.quotes_by_article(store):
        per_article[n] += 1
        for bucket in (months[month or ""], outlets[outlet(url or "")]):
            bucket[0] += 1
            bucket[1] += n
    if cancelled():
        raise Cancelled
    speakers, names = _speakers(store, top)
    ranked_outlets = sorted(outlets.items(), key=lambda kv: (-kv[1][1], -kv[1][0], kv[0]))
    quotes, unreviewed, no_name = queries.quote_totals(store)
    flagged_attributions, flagged_articles = queries.flag_counts(store)

    def step(done: int, total: int) -> None:
        if progress is not None:
            progress(done, total)
        if cancelled():
            raise Cancelled

    curated = curation.build(store, step)
    # A gold's attributions are the curation's, not suggestions reviewed: not scored as such.
    scored = quality(store, progress, cancelled) if curated is None else None
    return Report(
        corpus=str(store.path),
        quality=scored,
        articles_by_status={s.value: n for s, n in store.status_counts().items()},
        by_type=grouped(
            queries.attribution_counts(store, "type", live=True), [t.value for t in QuoteType]
        ),
        by_state=grouped(queries.attribution_counts(store, "state"), [s.value for s in State]),
        by_origin=grouped(
            queries.attribution_counts(store, "origin", live=True), [o.value for o in Origin]
        ),
        speakers=speakers,
        speaker_count=names,
        quotes_per_article=_quotes_per_article(per_article),
        over_time=[  # the undated last: the counts the titles give hold them too
            (m or UNDATED, a, n)
            for m, (a, n) in sorted(months.items(), key=lambda kv: (not kv[0], kv[0]))
        ],
        by_outlet=[(o, a, n) for o, (a, n) in ranked_outlets[:top]],
        quotes=quotes,
        unreviewed=unreviewed,
        no_speaker_name=no_name,
        annotator=store.assigned,
        flagged_attributions=flagged_attributions,
        flagged_articles=flagged_articles,
        curation=curated,
    )
