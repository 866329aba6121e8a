"""QuoteLab's own scorer of attributions, following docs/annotation.md.

Quotes are matched one to one at character intersection-over-union >= 0.5, after
trimming spaces, quotation marks and closing punctuation from both ends of each span;
a match whose trimmed spans are equal is exact. An attribution is right when its quote
matches and its speaker names the same person as the gold's: a pronoun counts by the
name it resolves to, and the gold's ``alt_speakers`` count too. Gold quotes marked
``optional`` are neither found nor missed; predictions inside the gold's ignore
regions are dropped. Stricter than the right speaker, the speaker name is exact when it
is the gold's ``speaker_name`` up to surrounding whitespace (the guide gives one
speaker name, the fullest; alternative names don't count).

Gold comes in two shapes: the text-based gold JSON (quote, speaker and cue as strings,
``ignore_regions`` as strings whose lines are ignored) and QuoteLab JSONL exports
(offsets; the non-body ranges are ignored). Predictions are JSONL as ``main.py
suggest`` and ``main.py export`` write them. Every file is read through one
boundary: a bad record is refused with :class:`EvalError` naming the file and line.
"""

from __future__ import annotations

import json
import re
from bisect import bisect_left
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from core.formats.imported import Imported, ImportProblem
from core.formats.reading import read_file
from core.model import Attribution, QuoteType, Span, State, iou
from core.suggest.lexicon import COMPANY_SUFFIXES, PRONOUNS
from core.suggest.marks import ALL_MARKS

#: The least intersection-over-union at which a predicted quote finds a gold one.
MIN_IOU = 0.5

_QUOTE_MARKS = "\"'\u201c\u201d\u2018\u2019\u00ab\u00bb\u201e\u201a\u2039\u203a`"
_LEAD = frozenset(_QUOTE_MARKS) | frozenset(" \t\r\n\u00a0")
_TRAIL = _LEAD | frozenset(".,;:!?\u2026")
_NAME_NOISE = re.compile(r"[^\w\s'-]+|'s\b|\u2019s\b", re.UNICODE)


class EvalError(Exception):
    """A gold or prediction file that cannot be scored; the message names it and says why."""


def trim(text: str, span: Span) -> Span:
    """``span`` without leading spaces and marks, nor trailing spaces, marks and closing
    punctuation (``"Yes,"`` and ``Yes`` are the same quote). Never empties a span."""
    start, end = span.start, span.end
    while start < end and text[start] in _LEAD:
        start += 1
    while end > start and text[end - 1] in _TRAIL:
        end -= 1
    if start == end or (start, end) == (span.start, span.end):
        return span
    return Span(start, end)


def _words(name: str) -> list[str]:
    """A name's words as :func:`same_person` compares them: no leading ``the``, nor a
    company's legal suffix (``DexCom Inc.`` is ``DexCom``: docs/annotation.md)."""
    words = _NAME_NOISE.sub(" ", name.casefold()).split()
    words = words[1:] if words[:1] == ["the"] else words
    return words[:-1] if len(words) > 1 and words[-1] in COMPANY_SUFFIXES else words


@lru_cache(maxsize=65536)
def same_person(a: str, b: str) -> bool:
    """Whether two speaker names name the same source: equal once case, punctuation, a
    leading ``the`` and a company's legal suffix are set aside, or one a part of the
    other ending in the same word (``Preobrazhensky`` and ``Political analyst Ivan
    Preobrazhensky``). Pronouns only ever equal themselves."""
    wa, wb = _words(a), _words(b)
    if not wa or not wb:
        return False
    if wa == wb:
        return True
    short, long_ = sorted((wa, wb), key=len)
    if short[-1] != long_[-1] or (len(short) == 1 and short[0] in PRONOUNS):
        return False
    n = len(short)
    return any(long_[i : i + n] == short for i in range(len(long_) - n + 1))


@dataclass(slots=True)
class Item:
    """One attribution as the scorer sees it: the trimmed quote, its type, the names its
    speaker may go by, the cue as written, and whether it is optional (gold only)."""

    quote: Span
    type: QuoteType
    names: tuple[str, ...] = ()
    cue: str = ""
    optional: bool = False

    def speaker_right(self, pred: Item) -> bool:
        return any(same_person(p, g) for p in pred.names for g in self.names)

    def same_speaker(self, other: Item) -> bool:
        """Whether two annotators' items give the same speaker: names of the same person,
        or no speaker on both (where :meth:`speaker_right`, a score, counts none as
        wrong)."""
        if not self.names or not other.names:
            return not self.names and not other.names
        return self.speaker_right(other)

    def name_exact(self, pred: Item) -> bool:
        """Whether ``pred`` gives this (gold) item's speaker name, equal up to surrounding
        whitespace: the guide's one speaker name, so the gold's alternative names don't
        count."""
        return bool(self.names and pred.names) and self.names[0].strip() == pred.names[0].strip()


def item(text: str, a: Attribution) -> Item:
    """An :class:`Item` of a stored or exported attribution: its speaker goes by its
    speaker name (a pronoun by the name it resolves to), else by its mention."""
    sp, cue = a.speaker, a.cue
    return item_of(
        text,
        a.quote,
        a.speaker_name or (text[sp.start : sp.end] if sp else ""),
        text[cue.start : cue.end] if cue else "",
        a.type,
    )


def item_of(text: str, quote: Span, name: str, cue: str, qtype: QuoteType) -> Item:
    """:func:`item` from an attribution's parts (for bulk reads that skip the model)."""
    return Item(trim(text, quote), qtype, (name,) if name else (), cue)


def items(text: str, attributions: Iterable[Attribution]) -> list[Item]:
    """Items of every attribution that is not rejected."""
    return [item(text, a) for a in attributions if a.state is not State.REJECTED]


@dataclass
class Alignment:
    """Gold and predicted items of one article, paired one to one."""

    pairs: list[tuple[Item, Item]] = field(default_factory=list)  # (gold, pred)
    missed: list[Item] = field(default_factory=list)  # required gold found by nothing
    spurious: list[Item] = field(default_factory=list)  # predictions matching no gold
    optional_found: int = 0
    #: Pairs known to be the same attribution on both sides, counted without building
    #: items, by (type, speaker named): they match exactly, with the same type and
    #: speaker (right when it names someone).
    same: Counter[tuple[QuoteType, bool]] = field(default_factory=Counter)


def align(gold: Sequence[Item], pred: Sequence[Item], ignore: Sequence[Span] = ()) -> Alignment:
    """Pair gold and predicted quotes one to one, best overlap first, at IoU >= MIN_IOU.
    Predictions overlapping an ``ignore`` range are dropped; a prediction paired with an
    optional gold quote counts neither way."""
    kept = [p for p in pred if not any(p.quote.overlaps(r) for r in ignore)]
    kept.sort(key=lambda p: p.quote)
    starts = [p.quote.start for p in kept]
    longest = max((p.quote.end - p.quote.start for p in kept), default=0)
    candidates = []
    for gi, g in enumerate(gold):
        # only predictions starting within reach of g can overlap it
        for pi in range(bisect_left(starts, g.quote.start - longest), len(kept)):
            p = kept[pi]
            if p.quote.start >= g.quote.end:
                break
            if (score := iou(g.quote, p.quote)) >= MIN_IOU:
                candidates.append((-score, gi, pi))
    candidates.sort()
    used_g: set[int] = set()
    used_p: set[int] = set()
    out = Alignment()
    for _, gi, pi in candidates:
        if gi in used_g or pi in used_p:
            continue
        used_g.add(gi)
        used_p.add(pi)
        if gold[gi].optional:
            out.optional_found += 1
        else:
            out.pairs.append((gold[gi], kept[pi]))
    out.pairs.sort(key=lambda gp: gp[0].quote)
    out.missed = [g for gi, g in enumerate(gold) if gi not in used_g and not g.optional]
    out.spurious = [p for pi, p in enumerate(kept) if pi not in used_p]
    return out


@dataclass
class Counts:
    """Counts of one scoring, with the figures made from them."""

    gold: int = 0
    pred: int = 0
    matched: int = 0
    exact: int = 0
    speaker: int = 0
    name_exact: int = 0

    def add(self, other: Counts) -> None:
        self.gold += other.gold
        self.pred += other.pred
        self.matched += other.matched
        self.exact += other.exact
        self.speaker += other.speaker
        self.name_exact += other.name_exact

    @staticmethod
    def _f1(p: float, r: float) -> float:
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def precision(self) -> float:
        return self.matched / self.pred if self.pred else 0.0

    @property
    def recall(self) -> float:
        return self.matched / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        return self._f1(self.precision, self.recall)

    @property
    def attribution_precision(self) -> float:
        return self.speaker / self.pred if self.pred else 0.0

    @property
    def attribution_recall(self) -> float:
        return self.speaker / self.gold if self.gold else 0.0

    @property
    def attribution_f1(self) -> float:
        return self._f1(self.attribution_precision, self.attribution_recall)

    @property
    def speaker_accuracy(self) -> float:
        """Among matched quotes, the share whose speaker is right."""
        return self.speaker / self.matched if self.matched else 0.0

    @property
    def exact_share(self) -> float:
        """Among matched quotes, the share with exactly the gold's boundaries."""
        return self.exact / self.matched if self.matched else 0.0

    @property
    def name_exact_share(self) -> float:
        """Among matched quotes, the share whose speaker name is exactly the gold's."""
        return self.name_exact / self.matched if self.matched else 0.0

    def as_dict(self) -> dict[str, Any]:
        figures = (
            "precision recall f1 attribution_precision attribution_recall attribution_f1 "
            "speaker_accuracy exact_share name_exact_share"
        ).split()
        out: dict[str, Any] = {
            "gold": self.gold,
            "pred": self.pred,
            "matched": self.matched,
            "exact": self.exact,
            "speaker_right": self.speaker,
            "name_exact": self.name_exact,
        }
        out.update({f: round(getattr(self, f), 4) for f in figures})
        return out


@dataclass
class Score:
    """Figures overall and by type. By type, a pair counts when gold and prediction
    both have that type; a type's precision is over the predictions of that type."""

    overall: Counts = field(default_factory=Counts)
    by_type: dict[str, Counts] = field(
        default_factory=lambda: {t.value: Counts() for t in QuoteType}
    )
    articles: int = 0
    type_right: int = 0

    def add(self, al: Alignment) -> None:
        self.articles += 1
        # per type: [gold, pred, matched, exact, speaker right, name exact]
        counts = {t: [0, 0, 0, 0, 0, 0] for t in QuoteType}
        for (t, named), n in al.same.items():
            c = counts[t]
            c[0] += n
            c[1] += n
            c[2] += n
            c[3] += n
            c[4] += n * named
            c[5] += n * named
        typed_pairs = sum(al.same.values())
        o = Counts(gold=len(al.pairs) + len(al.missed), pred=len(al.pairs) + len(al.spurious))
        o.matched = len(al.pairs) + typed_pairs
        o.exact = typed_pairs + sum(g.quote == p.quote for g, p in al.pairs)
        o.speaker = o.name_exact = sum(n * named for (_, named), n in al.same.items())
        o.gold += typed_pairs
        o.pred += typed_pairs
        for g, p in al.pairs:
            exact, right, named = g.quote == p.quote, g.speaker_right(p), g.name_exact(p)
            o.speaker += right
            o.name_exact += named
            counts[g.type][0] += 1
            counts[p.type][1] += 1
            if g.type is p.type:
                typed_pairs += 1
                c = counts[g.type]
                c[2] += 1
                c[3] += exact
                c[4] += right
                c[5] += named
        for g in al.missed:
            counts[g.type][0] += 1
        for p in al.spurious:
            counts[p.type][1] += 1
        self.overall.add(o)
        self.type_right += typed_pairs
        for t, (gold, pred, matched, exact_n, right_n, named_n) in counts.items():
            self.by_type[t.value].add(Counts(gold, pred, matched, exact_n, right_n, named_n))

    @property
    def type_accuracy(self) -> float:
        return self.type_right / self.overall.matched if self.overall.matched else 0.0

    def as_dict(self) -> dict[str, Any]:
        return {
            "articles": self.articles,
            **self.overall.as_dict(),
            "type_accuracy": round(self.type_accuracy, 4),
            "by_type": {t: c.as_dict() for t, c in self.by_type.items()},
        }

    def lines(self) -> list[str]:
        """The score as a small table for the terminal."""
        o = self.overall
        out = [
            f"articles {self.articles}, gold quotes {o.gold}, predicted {o.pred}, "
            f"matched {o.matched} ({o.exact} exact), speaker right {o.speaker}",
            f"{'':10} {'P':>6} {'R':>6} {'F1':>6}   {'attr P':>6} {'attr R':>6} {'attr F1':>7}"
            f"   {'gold':>5} {'pred':>5}",
        ]
        for name, c in [("quotes", o), *self.by_type.items()]:
            out.append(
                f"{name:10} {c.precision:6.3f} {c.recall:6.3f} {c.f1:6.3f}   "
                f"{c.attribution_precision:6.3f} {c.attribution_recall:6.3f} "
                f"{c.attribution_f1:7.3f}   {c.gold:5} {c.pred:5}"
            )
        out.append(
            f"speaker accuracy {o.speaker_accuracy:.3f}, speaker name exact "
            f"{o.name_exact_share:.3f}, exact boundaries {o.exact_share:.3f}, "
            f"type accuracy {self.type_accuracy:.3f}"
        )
        return out


def score(alignments: Iterable[Alignment]) -> Score:
    s = Score()
    for al in alignments:
        s.add(al)
    return s


# -- PolNeAR's rules ----------------------------------------------------------------------------

#: PolNeAR's scoring (issue 23): a predicted content finds a gold one when the tokens they
#: share are at least this share of the tokens of each.
MIN_TOKEN_OVERLAP = 0.5


@dataclass
class Overlaps:
    """Gold and predicted attributions of one article paired one to one by PolNeAR's
    rules: ``pairs`` (gold index, prediction index, speaker right), and the counts."""

    pairs: list[tuple[int, int, bool]]
    counts: Counts


def by_overlap(
    tokens: Sequence[tuple[int, int]], gold: Sequence[Attribution], pred: Sequence[Attribution]
) -> Overlaps:
    """Pair gold and predicted attributions by PolNeAR's rules, most shared tokens first:
    a pair shares at least :data:`MIN_TOKEN_OVERLAP` of each one's content tokens
    (``tokens``: the article's token bounds); its speaker is right when the predicted
    speaker mention overlaps the gold source, or neither has one."""
    starts = [t[0] for t in tokens]
    ends = [t[1] for t in tokens]

    def inside(span: Span) -> int:
        first = bisect_left(starts, span.start)
        last = bisect_left(ends, span.end + 1)  # tokens ending at or before span.end
        return max(0, last - first)

    sizes_g = [inside(g.quote) for g in gold]
    sizes_p = [inside(p.quote) for p in pred]
    candidates = []
    for gi, g in enumerate(gold):
        for pi, p in enumerate(pred):
            if not g.quote.overlaps(p.quote):
                continue
            shared = inside(Span(max(g.quote.start, p.quote.start), min(g.quote.end, p.quote.end)))
            if shared and min(shared / max(sizes_g[gi], 1), shared / max(sizes_p[pi], 1)) >= (
                MIN_TOKEN_OVERLAP
            ):
                candidates.append((-shared, gi, pi))
    candidates.sort()
    used_g: set[int] = set()
    used_p: set[int] = set()
    pairs = []
    for _, gi, pi in candidates:
        if gi in used_g or pi in used_p:
            continue
        used_g.add(gi)
        used_p.add(pi)
        gs, ps = gold[gi].speaker, pred[pi].speaker
        pairs.append((gi, pi, gs.overlaps(ps) if gs and ps else gs is None and ps is None))
    right = sum(r for _, _, r in pairs)
    return Overlaps(pairs, Counts(len(gold), len(pred), len(pairs), 0, right, 0))


# -- reading gold and predictions -----------------------------------------------------------


@dataclass
class GoldQuote:
    """A quote of the text-based gold JSON, before it is found in its article."""

    quote: str
    type: QuoteType
    names: tuple[str, ...]
    cue: str
    optional: bool


@dataclass
class Gold:
    """One gold article: either positioned (an export: ``text`` and ``items``) or
    text-based (``quotes`` as strings, found in the predicted article's text)."""

    name: str
    text: str | None = None
    items: list[Item] = field(default_factory=list)
    ignore: list[Span] = field(default_factory=list)
    quotes: list[GoldQuote] = field(default_factory=list)
    ignore_strings: list[str] = field(default_factory=list)


def _str(d: dict[str, Any], key: str, where: str, *, required: bool = False) -> str:
    v = d.get(key)
    if v is None and not required:
        return ""
    if not isinstance(v, str) or (required and not v.strip()):
        raise EvalError(f"{where}: {key!r} must be a non-empty string")
    return v


def _gold_quote(d: Any, where: str) -> GoldQuote:
    if not isinstance(d, dict):
        raise EvalError(f"{where}: expected an object")
    try:
        qtype = QuoteType(d.get("type") or "direct")
    except ValueError:
        raise EvalError(f"{where}: unknown type {d.get('type')!r}") from None
    alts = d.get("alt_speakers") or []
    if not isinstance(alts, list) or not all(isinstance(a, str) for a in alts):
        raise EvalError(f"{where}: 'alt_speakers' must be a list of strings")
    names = [_str(d, "speaker_name", where) or _str(d, "speaker", where), *alts]
    return GoldQuote(
        quote=_str(d, "quote", where, required=True),
        type=qtype,
        names=tuple(n for n in names if n.strip()),
        cue=_str(d, "cue", where),
        optional=bool(d.get("optional", False)),
    )


def _read_text_gold(path: Path, data: Any) -> Gold:
    name = str(path)
    if not isinstance(data, dict) or not isinstance(data.get("quotes"), list):
        raise EvalError(f'{name}: expected an object with a "quotes" list')
    regions = data.get("ignore_regions") or []
    if not isinstance(regions, list) or not all(isinstance(r, str) and r for r in regions):
        raise EvalError(f"{name}: 'ignore_regions' must be a list of non-empty strings")
    text = data.get("text")
    if text is not None and not isinstance(text, str):
        raise EvalError(f"{name}: 'text' must be a string")
    quotes = [_gold_quote(q, f"{name} quote {i}") for i, q in enumerate(data["quotes"], 1)]
    return Gold(name=name, text=text, quotes=quotes, ignore_strings=regions)


def _read_jsonl(path: Path) -> list[Imported]:
    out: list[Imported] = []
    for got in read_file(path):
        if isinstance(got, ImportProblem):
            raise EvalError(str(got))
        out.append(got)
    return out


def read_gold(path: Path) -> list[Gold]:
    """Gold articles from a text-based gold JSON file or a QuoteLab JSONL export."""
    path = Path(path)
    if path.suffix.lower() in (".jsonl", ".ndjson"):
        return [
            Gold(
                name=f"{path} article {n}",
                text=got.article.text,
                items=items(got.article.text, got.attributions),
                ignore=list(got.article.non_body),
            )
            for n, got in enumerate(_read_jsonl(path), 1)
        ]
    try:
        data = json.loads(path.read_text(encoding="utf-8-sig"))
    except OSError as exc:
        raise EvalError(f"{path}: cannot be read ({exc.strerror or exc})") from None
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise EvalError(f"{path}: not a JSON file ({exc})") from None
    return [_read_text_gold(path, data)]


def read_predictions(path: Path) -> list[Imported]:
    """Predicted articles (text and attributions) from JSONL; rejected ones are skipped
    when scoring."""
    return _read_jsonl(Path(path))


def _lines_holding(text: str, needle: str) -> list[Span]:
    """The whole lines of ``text`` on which ``needle`` occurs."""
    out = []
    for m in re.finditer(re.escape(needle), text):
        start = text.rfind("\n", 0, m.start()) + 1
        end = text.find("\n", m.end())
        out.append(Span(start, len(text) if end < 0 else end))
    return out


def find_quote(
    text: str,
    needle: str,
    after: int,
    ignore: Sequence[Span],
    placed: Sequence[Span] = (),
    marked: bool = False,
) -> Span | None:
    """Where ``needle`` occurs in ``text`` (whitespace may differ), outside ``ignore``:
    the first place at or after ``after`` outside the quotes ``placed`` already (a gold
    quote's words inside an earlier one's, ``fraud`` in ``economic fraud``, are where
    that one is, not this), else the first at or after ``after``, else the first
    anywhere; of a quote in marks (``marked``: direct or mixed), in each of those a place
    right inside marks first (``he was “tortured”`` after ``he was tortured and``)."""
    pattern = re.compile(r"\s+".join(re.escape(w) for w in needle.split()))
    found = [
        Span(m.start(), m.end())
        for m in pattern.finditer(text)
        if not any(Span(m.start(), m.end()).overlaps(r) for r in ignore)
    ]
    later = [s for s in found if s.start >= after]
    apart = [s for s in later if not any(s.overlaps(p) for p in placed)]
    tiers = [apart, later, found]
    if marked:
        tiers = [t for tier in tiers for t in ([s for s in tier if _in_marks(text, s)], tier)]
    return next((tier[0] for tier in tiers if tier), None)


def _in_marks(text: str, span: Span) -> bool:
    """Whether a span lies right inside quotation marks (a stop or comma before the
    closing one may be outside it)."""
    before = text[span.start - 1 : span.start] if span.start else ""
    closing = text[span.end : span.end + 2].lstrip(".,;:!?")[:1]
    return bool(before) and before in ALL_MARKS and bool(closing) and closing in ALL_MARKS


def locate(gold: Gold, text: str) -> tuple[list[Item], list[Span], list[GoldQuote]]:
    """A text-based gold's items in ``text``, its ignore ranges there, and the quotes
    that could not be found (each is then a quote nobody can find)."""
    if gold.items or not gold.quotes:
        return gold.items, gold.ignore, []
    ignore = [sp for r in gold.ignore_strings for sp in _lines_holding(text, r)]
    out: list[Item] = []
    lost: list[GoldQuote] = []
    after = 0
    for q in gold.quotes:
        marked = q.type in (QuoteType.DIRECT, QuoteType.MIXED)
        at = find_quote(text, q.quote, after, ignore, [i.quote for i in out], marked)
        if at is None:
            lost.append(q)
            continue
        after = at.start
        out.append(Item(trim(text, at), q.type, q.names, q.cue, q.optional))
    return out, ignore, lost


def _pick(gold: Gold, preds: Sequence[Imported]) -> Imported | None:
    """The predicted article a gold article is about: the same text, or (text-based
    gold without text) the one holding most of its quotes."""
    if gold.text is not None:
        return next((p for p in preds if p.article.text == gold.text), None)
    best, hits = None, 0
    for p in preds:
        n = sum(
            re.sub(r"\s+", " ", q.quote) in re.sub(r"\s+", " ", p.article.text) for q in gold.quotes
        )
        if n > hits:
            best, hits = p, n
    return best


def _unplaced(quotes: Iterable[GoldQuote]) -> list[Item]:
    """Required gold quotes that have no place in any text: missed, by type and cue."""
    return [Item(Span(0, 1), q.type, q.names, q.cue) for q in quotes if not q.optional]


@dataclass
class Evaluation:
    score: Score
    warnings: list[str]


def evaluate_files(gold_paths: Sequence[Path], pred_path: Path) -> Evaluation:
    """Score the predictions in ``pred_path`` against every gold article of
    ``gold_paths``. A gold article with no predicted article counts as all missed; a
    predicted article no gold is about is not scored (and said so)."""
    preds = read_predictions(pred_path)
    golds = [g for p in gold_paths for g in read_gold(p)]
    warnings: list[str] = []
    alignments = []
    scored: set[int] = set()
    for g in golds:
        p = _pick(g, preds)
        if p is not None:
            scored.add(id(p))
        if p is None:
            warnings.append(f"{g.name}: no predicted article has its text; all its quotes missed")
            alignments.append(Alignment(missed=g.items + _unplaced(g.quotes)))
            continue
        gold_items, ignore, lost = locate(g, p.article.text)
        warnings.extend(f"{g.name}: quote not found in the article: {q.quote!r}" for q in lost)
        al = align(gold_items, items(p.article.text, p.attributions), ignore)
        al.missed.extend(_unplaced(lost))
        alignments.append(al)
    unscored = sum(id(p) not in scored for p in preds)
    if unscored:
        warnings.append(f"{pred_path}: {unscored} predicted article(s) have no gold: not scored")
    return Evaluation(score(alignments), warnings)
