"""The project's sets of real articles as a reviewed corpus of the project's guide
(issue 23 item 5): each article as the app imports it, its gold as its attributions,
accepted, the article done, as a user who had reviewed it would hold it. Written as
QuoteLab's JSONL, for ``main.py import`` (which stores the attributions and the status
as the file gives them, no suggestions), then ``main.py train`` on that corpus.

    .venv/bin/python bench/guide_corpus.py OUT.jsonl SET [SET ...] [--first N]

Each SET is a folder of ``<slug>.txt`` with ``<slug>.gold.json`` (tests/data/*), the
articles in that order (the sets' order as given, each set's by name); ``--first N``
writes the first N only (a corpus as it grows). Never give it a set that must stay
unseen (docs/adr/0047).

The gold says each quote, speaker mention and cue as a string: the quote is found as
the scorer finds it (``core.measure.evaluate.find_quote``), then widened to whole
tokens; the mention and the cue are the places of their words nearest the quote in its
paragraph, outside every gold quote, else nearest anywhere outside the quote. Optional
quotes (either way right by the guide) are left out, as the walk to the gold of
tests/gui/keys_to_gold.py leaves out those no suggestion found. An attribution the span
rules would refuse is left out and said on stderr.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from core.formats.imported import ImportProblem  # noqa: E402
from core.formats.reading import read_file  # noqa: E402
from core.measure.evaluate import find_quote  # noqa: E402
from core.model import (  # noqa: E402
    Article,
    Attribution,
    Origin,
    QuoteType,
    Span,
    SpanError,
    State,
    check_attributions,
)
from core.tokens import Tokens, tokenize  # noqa: E402


def _paragraph(text: str, at: Span) -> Span:
    """The paragraph (between blank lines, or lines) holding ``at``."""
    start = text.rfind("\n", 0, at.start) + 1
    end = text.find("\n", at.end)
    return Span(start, len(text) if end < 0 else end)


def nearest(text: str, words: str, quote: Span, quotes: list[Span]) -> Span | None:
    """The place of ``words`` nearest ``quote``: in its paragraph outside every gold
    quote, else anywhere outside every gold quote, else anywhere outside ``quote``."""
    if not words.strip():
        return None
    places, i = [], text.find(words)
    while i >= 0:
        places.append(Span(i, i + len(words)))
        i = text.find(words, i + 1)
    para = _paragraph(text, quote)
    outside = [p for p in places if not any(p.overlaps(q) for q in quotes)]
    near = [p for p in outside if para.start <= p.start and p.end <= para.end]
    chosen = near or outside or [p for p in places if not p.overlaps(quote)]
    if not chosen:
        return None
    return min(chosen, key=lambda p: min(abs(p.start - quote.end), abs(quote.start - p.end)))


def reviewed(text_path: Path, gold_path: Path) -> tuple[Article, list[Attribution], list[str]]:
    """The article of ``text_path`` as import reads it, its gold as accepted attributions,
    and what of the gold was left out (why)."""
    got = next(iter(read_file(text_path)))
    if isinstance(got, ImportProblem):
        raise SystemExit(str(got))
    art = got.article
    text = art.text
    tokens = Tokens(tokenize(text))
    gold = json.loads(gold_path.read_text(encoding="utf-8"))["quotes"]
    left: list[str] = []
    placed: list[tuple[dict[str, object], Span]] = []
    after = 0
    for g in gold:
        marked = g.get("type", "direct") in ("direct", "mixed")
        at = find_quote(text, str(g["quote"]), after, (), [q for _, q in placed], marked)
        if at is None:
            left.append(f"{g['quote']!r}: not in the text")
            continue
        after = at.start
        snapped = tokens.snap(at.start, at.end)
        if snapped is None:
            left.append(f"{g['quote']!r}: no token")
            continue
        placed.append((g, snapped))
    quotes = [q for _, q in placed]
    out: list[Attribution] = []
    for g, q in placed:
        if g.get("optional"):
            continue

        def span_of(words: object, q: Span = q) -> Span | None:
            sp = nearest(text, str(words or ""), q, quotes)
            return None if sp is None else tokens.snap(sp.start, sp.end)

        a = Attribution(
            quote=q,
            speaker=span_of(g.get("speaker")),
            cue=span_of(g.get("cue")),
            speaker_name=str(g.get("speaker_name") or g.get("speaker") or "").strip() or None,
            type=QuoteType(str(g.get("type") or "direct")),
            state=State.ACCEPTED,
            origin=Origin.MANUAL,
        )
        try:
            check_attributions([*out, a], len(text), tokens)
        except SpanError as exc:
            left.append(f"{g['quote']!r}: {exc}")
            continue
        out.append(a)
    return art, out, left


def record(art: Article, attrs: list[Attribution]) -> dict[str, object]:
    """The article and its attributions as a QuoteLab JSONL line, marked done."""
    return {
        "text": art.text,
        "meta": {
            "title": art.title,
            "byline": art.byline,
            "date": art.date,
            "url": art.url,
            "source": art.source,
            "non_body": [[s.start, s.end] for s in art.non_body],
            "status": "done",
        },
        "quotes": [a.to_record() for a in attrs],
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("out", type=Path)
    ap.add_argument("sets", nargs="+", type=Path)
    ap.add_argument("--first", type=int, default=None, metavar="N")
    a = ap.parse_args()
    pairs = [(t, t.with_suffix(".gold.json")) for s in a.sets for t in sorted(s.glob("*.txt"))]
    pairs = pairs[: a.first] if a.first is not None else pairs
    n_attrs = 0
    with a.out.open("w", encoding="utf-8") as f:
        for text_path, gold_path in pairs:
            art, attrs, left = reviewed(text_path, gold_path)
            for why in left:
                print(f"{text_path}: left out {why}", file=sys.stderr)
            n_attrs += len(attrs)
            f.write(json.dumps(record(art, attrs), ensure_ascii=False) + "\n")
    print(f"{len(pairs)} articles, {n_attrs} attributions -> {a.out}")


if __name__ == "__main__":
    main()
