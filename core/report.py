"""What the corpus says: the quality of the suggestions on done articles, and the corpus
itself (articles, attributions, speakers, quotes per article, over time, by outlet).

Read-only: a few aggregate queries and, for suggestion quality, each done article's
attributions as first suggested (from the decisions log) scored against what the
annotator confirmed, with :mod:`core.evaluate`.
"""

from __future__ import annotations

import json
import statistics
from collections import Counter, defaultdict
from dataclasses import asdict, dataclass, field
from typing import Any
from urllib.parse import urlsplit

from core.evaluate import Alignment, Score, align, items
from core.model import Attribution, Origin, QuoteType, State, Status
from core.store import Store, _attr_from_row

#: How many speakers, cue words and outlets the report lists.
TOP = 20
FIX_KINDS = (
    "accepted as is",
    "moved boundaries",
    "changed speaker",
    "changed type",
    "added",
    "rejected",
)


@dataclass
class Quality:
    """Suggestions as first made on done articles, against the final attributions."""

    articles: int = 0
    score: Score = field(default_factory=Score)
    #: What the annotator did to them: kept as they were, moved, re-attributed, re-typed
    #: (one suggestion can count under several), added (missed) and rejected.
    fixes: dict[str, int] = field(default_factory=lambda: dict.fromkeys(FIX_KINDS, 0))
    missed_cues: list[tuple[str, int]] = field(default_factory=list)

    def add(self, al: Alignment) -> None:
        self.articles += 1
        self.score.add(al)
        fixes = self.fixes
        for g, p in al.pairs:
            moved, speaker, typed = g.quote != p.quote, not g.speaker_right(p), g.type is not p.type
            fixes["moved boundaries"] += moved
            fixes["changed speaker"] += speaker
            fixes["changed type"] += typed
            fixes["accepted as is"] += not (moved or speaker or typed)
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


@dataclass
class Report:
    corpus: str
    quality: Quality
    articles_by_status: dict[str, int]
    by_type: dict[str, int]
    by_state: dict[str, int]
    by_origin: dict[str, int]
    speakers: list[SpeakerRow]
    speaker_names: int
    quotes_per_article: dict[str, Any]
    over_time: list[tuple[str, int, int]]  # (YYYY-MM, articles, quotes)
    by_outlet: list[tuple[str, int, int]]  # (outlet, articles, quotes)

    def as_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d["quality"] = self.quality.as_dict()
        return d

    def lines(self) -> list[str]:
        """The report as plain text for the terminal."""
        q, s = self.quality, self.quality.score
        out = [f"QuoteLab report: {self.corpus}", ""]
        out.append(f"Suggestion quality on {q.articles} done article(s)")
        if q.articles:
            out += ["  " + line for line in s.lines()]
            out.append("  fixes: " + ", ".join(f"{k} {v}" for k, v in q.fixes.items()))
            cues = ", ".join(f"{c} {n}" for c, n in q.missed_cues) or "none"
            out.append(f"  cue words of missed quotes: {cues}")
        out += ["", "Corpus"]
        out.append("  articles: " + _pairs(self.articles_by_status))
        out.append("  attributions by type: " + _pairs(self.by_type))
        out.append("  attributions by state: " + _pairs(self.by_state))
        out.append("  attributions by origin: " + _pairs(self.by_origin))
        qpa = self.quotes_per_article
        out.append(
            f"  quotes per article: mean {qpa['mean']:.1f}, median {qpa['median']:g}, "
            f"max {qpa['max']}; " + _pairs({f"{k} quotes": v for k, v in qpa["histogram"].items()})
        )
        out += ["", f"Speakers ({self.speaker_names} names; by quotes)"]
        for sp in self.speakers:
            cues = ", ".join(f"{c} {n}" for c, n in sp.cues)
            out.append(f"  {sp.quotes:5}  {sp.name}  ({sp.articles} article(s); {cues})")
        out += ["", "Quotes over time (month: articles, quotes)"]
        out += [f"  {m}: {a}, {n}" for m, a, n in self.over_time]
        out += ["", "By outlet (articles, quotes)"]
        out += [f"  {o or 'unknown'}: {a}, {n}" for o, a, n in self.by_outlet]
        return out


def _pairs(d: dict[str, Any]) -> str:
    return ", ".join(f"{k} {v}" for k, v in d.items())


def outlet(url: str) -> str:
    """The outlet an article comes from: its URL's host without ``www.``."""
    host = urlsplit(url.strip()).hostname or ""
    return host.removeprefix("www.")


def first_suggestions(store: Store, article_ids: list[int]) -> dict[int, list[Attribution]]:
    """Each article's attributions as the model first suggested them: an attribution's
    record before its first logged change, else as it is now; ones a person created
    (first logged without a record before) are not suggestions."""
    wanted = set(article_ids)
    first: dict[int, dict[str, Any] | None] = {}
    rows = store.conn.execute(
        "SELECT changes FROM decisions WHERE kind IN ('edit', 'undo', 'redo') ORDER BY id"
    )
    for (changes,) in rows:
        for ch in json.loads(changes):
            if ch.get("table") == "attribution" and ch.get("id") not in first:
                first[ch["id"]] = ch.get("before")
    out: dict[int, list[Attribution]] = {a: [] for a in article_ids}
    marks = ",".join("?" * len(article_ids))
    current = store.db.query(
        f"SELECT * FROM attributions WHERE article_id IN ({marks}) ORDER BY quote_start, id",
        article_ids,
    )
    for row in current:
        if row["id"] not in first:
            a = _attr_from_row(row)
            if a.origin is Origin.MODEL:
                out[row["article_id"]].append(a)
    for attr_id, record in first.items():
        if record is not None and record.get("article_id") in wanted:
            a = Attribution.from_record(record, id=attr_id)
            if a.origin is Origin.MODEL:
                out[int(record["article_id"])].append(a)
    return out


def quality(store: Store) -> Quality:
    done = [
        (r[0], r[1])
        for r in store.conn.execute(
            "SELECT id, text FROM articles WHERE status = ? ORDER BY id", (Status.DONE.value,)
        )
    ]
    q = Quality()
    if not done:
        return q
    ids = [i for i, _ in done]
    suggested = first_suggestions(store, ids)
    final: dict[int, list[Attribution]] = defaultdict(list)
    marks = ",".join("?" * len(ids))
    for row in store.db.query(
        f"SELECT * FROM attributions WHERE article_id IN ({marks}) AND state != ?",
        [*ids, State.REJECTED.value],
    ):
        final[row["article_id"]].append(_attr_from_row(row))
    missed: Counter[str] = Counter()
    for article_id, text in done:
        al = align(items(text, final[article_id]), items(text, suggested[article_id]))
        q.add(al)
        missed.update(g.cue.strip().lower() or "(no cue)" for g in al.missed)
    q.missed_cues = missed.most_common(TOP)
    return q


def _speakers(store: Store, top: int) -> tuple[list[SpeakerRow], int]:
    c = store.conn
    rows = c.execute(
        """SELECT speaker_name, COUNT(*), COUNT(DISTINCT article_id) FROM attributions
           WHERE state != 'rejected' AND speaker_name IS NOT NULL
           GROUP BY speaker_name ORDER BY 2 DESC, 1"""
    ).fetchall()
    shown = rows[:top]
    cues: dict[str, Counter[str]] = {name: Counter() for name, _, _ in shown}
    if shown:
        marks = ",".join("?" * len(shown))
        for name, cue, n in c.execute(
            f"""SELECT t.speaker_name, lower(substr(a.text, t.cue_start + 1,
                       t.cue_end - t.cue_start)), COUNT(*)
                FROM attributions t JOIN articles a ON a.id = t.article_id
                WHERE t.state != 'rejected' AND t.cue_start IS NOT NULL
                  AND t.speaker_name IN ({marks})
                GROUP BY 1, 2""",
            [name for name, _, _ in shown],
        ):
            cues[name][cue] += n
    return [SpeakerRow(name, n, arts, cues[name].most_common(5)) for name, n, arts in shown], len(
        rows
    )


def _quotes_per_article(store: Store) -> dict[str, Any]:
    counts = [
        r[0]
        for r in store.conn.execute(
            """SELECT COUNT(t.id) FROM articles a LEFT JOIN attributions t
               ON t.article_id = a.id AND t.state != 'rejected' GROUP BY a.id"""
        )
    ]
    hist = Counter(counts)
    return {
        "mean": statistics.fmean(counts) if counts else 0.0,
        "median": statistics.median(counts) if counts else 0,
        "max": max(counts, default=0),
        "histogram": {str(k): hist[k] for k in sorted(hist)},
    }


def build(store: Store, top: int = TOP) -> Report:
    """The whole report of the corpus in ``store``."""
    c = store.conn

    def grouped(sql: str, keys: list[str]) -> dict[str, int]:
        found = dict(c.execute(sql).fetchall())
        return {k: found.get(k, 0) for k in keys}

    live = "FROM attributions WHERE state != 'rejected' GROUP BY 1"
    per_article = c.execute(
        """SELECT a.url, substr(a.date, 1, 7), COUNT(t.id) FROM articles a
           LEFT JOIN attributions t ON t.article_id = a.id AND t.state != 'rejected'
           GROUP BY a.id"""
    ).fetchall()
    months: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    outlets: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for url, month, n in per_article:
        for bucket in (months[month or ""], outlets[outlet(url or "")]):
            bucket[0] += 1
            bucket[1] += n
    speakers, names = _speakers(store, top)
    ranked_outlets = sorted(outlets.items(), key=lambda kv: (-kv[1][1], -kv[1][0], kv[0]))
    return Report(
        corpus=str(store.path),
        quality=quality(store),
        articles_by_status=grouped(
            "SELECT status, COUNT(*) FROM articles GROUP BY 1", [s.value for s in Status]
        ),
        by_type=grouped(f"SELECT type, COUNT(*) {live}", [t.value for t in QuoteType]),
        by_state=grouped(
            "SELECT state, COUNT(*) FROM attributions GROUP BY 1", [s.value for s in State]
        ),
        by_origin=grouped(f"SELECT origin, COUNT(*) {live}", [o.value for o in Origin]),
        speakers=speakers,
        speaker_names=names,
        quotes_per_article=_quotes_per_article(store),
        over_time=[(m, a, n) for m, (a, n) in sorted(months.items()) if m],
        by_outlet=[(o, a, n) for o, (a, n) in ranked_outlets[:top]],
    )
