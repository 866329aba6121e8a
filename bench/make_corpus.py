"""Corpora of 1k, 10k or 100k news-shaped articles with suggestions, built fast.

    .venv/bin/python bench/make_corpus.py 10000      # prints the .qlab and .jsonl paths

Each article is assembled from paragraphs written from templates: real sentences from
tests/data/articles and resources/, speakers drawn from a few thousand names, cues
from the lexicon, about 14 attributions per article (spans placed by construction, as
the suggester would store them). Every paragraph is tokenized once with the app's
tokenizer; an article's tokens are its paragraphs' tokens shifted (paragraphs are
separated by blank lines, and spaCy splits on whitespace first, so this equals
tokenizing the whole text: checked on a sample every build). Nothing is parsed per
article. Rows go in through ``Store.add_article``, the import path, with fsync off.

The same articles are written as JSONL in Prodigy's shape with ``quotes`` (what
``main.py import`` reads). Both are cached under bench/.cache/ (gitignored).
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from core.corpus.store import Store  # noqa: E402
from core.formats.imported import content_hash  # noqa: E402
from core.formats.text import parse_text  # noqa: E402
from core.model import Article, Attribution, QuoteType, Span  # noqa: E402
from core.tokens import tokenize  # noqa: E402

CACHE = Path(__file__).resolve().parent / ".cache"
SEED = 13
QUOTE_PARAS = 14
OTHER_PARAS = 9

FIRST = """Anna Ben Carla David Elena Farid Grace Hiro Ines James Karen Liam Maria Nadia
Omar Priya Quentin Rosa Samuel Tara Umar Vera Walter Xenia Yusuf Zoe Alan Beatriz Chen
Dmitri Esther Felix Gloria Hassan Irene Jonas Keiko Lucas Mei Noah Olga Pablo Rania
Stefan Tomas Ursula Victor Wen Yara Aidan Bianca Carlos Divya Emil Fatima Gustav Helga
Ivan Julia Kofi Lena Marco Nia Oscar""".split()
LAST = """Adams Baker Carver Dunn Evans Fischer Garcia Hughes Ibrahim Jensen Kowalski
Lopez Morgan Nakamura Okafor Patel Quinn Rossi Schmidt Tanaka Ueda Vargas Wolfe Xu Young
Zimmer Andersen Brooks Costa Dubois Eriksen Ferreira Gallagher Horvath Ito Jovanovic
Kim Larsen Moreau Novak Olsen Petrov Reyes Santos Torres Usman Varga Weber Yilmaz Zhou
Abbott Bishop Chandra Delgado Esposito Flores Grant Haddad Ivanova Jaramillo Kaplan
Lindqvist Mbeki Nguyen Ortega Popescu Ramos Silva Thornton Ulrich Vance Whitaker""".split()
TITLES = ["", "", "", "Mayor ", "Dr. ", "Professor ", "Judge ", "Senator ", "Coach "]
CUES = ["said", "told reporters", "added", "wrote", "argued", "warned", "explained"]
INDIRECT_CUES = ["said", "argued", "warned", "added", "claimed"]
PLACES = """Leeds Denver Lagos Osaka Lyon Porto Gdansk Austin Perth Tampere Cork Quito
Dundee Malmo Tucson Brno Hobart Nantes Bergen Kochi""".split()
TOPICS = """budget council hospital stadium river school airport bridge election court
harbour factory museum railway festival library market storm vaccine pension""".split()


@dataclass
class Para:
    text: str
    attrs: list[Attribution]
    tokens: list[tuple[int, int]]


def _sentences() -> list[str]:
    files = sorted((ROOT / "tests" / "data" / "articles").glob("*.txt"))
    files.append(ROOT / "resources" / "sample_article.txt")
    out: list[str] = []
    for f in files:
        art = parse_text(f.read_text(encoding="utf-8"), f.name)
        for body in art.body_ranges():
            for s in re.split(r"(?<=[.!?])\s+", art.text[body.start : body.end]):
                s = " ".join(s.split())
                if 40 <= len(s) <= 240 and not re.search(r"[\"“”‘’']", s) and s[-1] == ".":
                    out.append(s)
    return sorted(set(out))


def _name(rng: random.Random) -> tuple[str, str]:
    """(mention as written, speaker name)."""
    full = f"{rng.choice(FIRST)} {rng.choice(LAST)}"
    return rng.choice(TITLES) + full, full


def _quote_para(rng: random.Random, sentences: list[str]) -> tuple[str, list[Attribution]]:
    mention, name = _name(rng)
    s = rng.choice(sentences)
    form = rng.randrange(4)
    if form == 0:  # "S," Name said.
        q = s[:-1] + ","
        cue = rng.choice(CUES)
        text = f"\u201c{q}\u201d {mention} {cue}."
        qs = Span(1, 1 + len(q))
        sp = Span(qs.end + 2, qs.end + 2 + len(mention))
        cs = Span(sp.end + 1, sp.end + 1 + len(cue.split()[0]))
        return text, [Attribution(qs, sp, cs, name)]
    if form == 1:  # Name said: "S"
        cue = rng.choice(CUES[:1] + CUES[2:])
        text = f"{mention} {cue}: \u201c{s}\u201d"
        sp = Span(0, len(mention))
        cs = Span(sp.end + 1, sp.end + 1 + len(cue))
        qs = Span(cs.end + 3, cs.end + 3 + len(s))
        return text, [Attribution(qs, sp, cs, name)]
    clause = s
    if form == 2:  # Name argued that s
        cue = rng.choice(INDIRECT_CUES)
        text = f"{mention} {cue} that {clause}"
        sp = Span(0, len(mention))
        cs = Span(sp.end + 1, sp.end + 1 + len(cue))
        qs = Span(cs.end + 6, len(text))
        return text, [Attribution(qs, sp, cs, name, QuoteType.INDIRECT)]
    text = f"According to {mention}, {clause}"  # form 3
    cs = Span(0, len("According to"))
    sp = Span(cs.end + 1, cs.end + 1 + len(mention))
    qs = Span(sp.end + 2, len(text))
    return text, [Attribution(qs, sp, cs, name, QuoteType.INDIRECT)]


def _pools(rng: random.Random) -> tuple[list[Para], list[Para], list[Para]]:
    sentences = _sentences()

    def para(text: str, attrs: list[Attribution]) -> Para:
        return Para(text, attrs, tokenize(text))

    quotes = [para(*_quote_para(rng, sentences)) for _ in range(6000)]
    others = [para(" ".join(rng.sample(sentences, rng.randint(2, 4))), []) for _ in range(3000)]
    heads = []
    for _ in range(2000):
        place, topic = rng.choice(PLACES), rng.choice(TOPICS)
        verb = rng.choice(["Debates", "Rejects", "Backs", "Delays"])
        title = f"{place} {verb} {topic.title()} Plan"
        heads.append(para(title, []))
    return quotes, others, heads


def _article(
    rng: random.Random, n: int, pools: tuple[list[Para], list[Para], list[Para]]
) -> tuple[Article, list[Attribution], list[tuple[int, int]]]:
    quotes, others, heads = pools
    head = rng.choice(heads)
    body = rng.sample(quotes, QUOTE_PARAS) + rng.sample(others, OTHER_PARAS)
    rng.shuffle(body)
    _, byline = _name(rng)
    month = rng.choice(["March", "May", "July", "October"])
    date = f"{month} {rng.randint(1, 28)}, {rng.randint(2015, 2025)}"
    header = [head, Para(f"By {byline}", [], []), Para(date, [], [])]
    parts = [*header, *body]
    text_parts: list[str] = []
    attrs: list[Attribution] = []
    toks: list[tuple[int, int]] = []
    pos = 0
    for p in parts:
        ptoks = p.tokens if p.tokens or not p.text else tokenize(p.text)
        toks += [(s + pos, e + pos) for s, e in ptoks]
        attrs += [
            a.with_(**{k: Span(sp.start + pos, sp.end + pos) for k, sp in a.spans().items() if sp})
            for a in p.attrs
        ]
        text_parts.append(p.text)
        pos += len(p.text) + 2
    text = "\n\n".join(text_parts)
    art = Article(
        text=text,
        title=head.text,
        byline=byline,
        date=date,
        source=f"bench-{n:06d}.txt",
        non_body=[Span(0, len("\n\n".join(p.text for p in header)))],
        content_hash=content_hash(text),
    )
    return art, attrs, toks


def articles(size: int) -> Iterator[tuple[Article, list[Attribution], list[tuple[int, int]]]]:
    """The corpus's ``size`` articles in order: (article, attributions, token bounds)."""
    rng = random.Random(SEED)
    pools = _pools(rng)
    for n in range(size):
        yield _article(rng, n, pools)


def record(art: Article, attrs: list[Attribution]) -> dict[str, Any]:
    """An article with its attributions as a JSONL record (what ``main.py import`` reads)."""
    return {"text": art.text, "meta": art.meta(), "quotes": [a.to_record() for a in attrs]}


def build(size: int, *, jsonl: bool = True) -> tuple[Path, Path]:
    """The cached corpus of ``size`` articles (built on first use): (qlab, jsonl)."""
    CACHE.mkdir(exist_ok=True)
    db, js = CACHE / f"corpus-{size}.qlab", CACHE / f"corpus-{size}.jsonl"
    if db.exists() and (js.exists() or not jsonl):
        return db, js
    for p in (db, js, Path(f"{db}-wal"), Path(f"{db}-shm")):
        p.unlink(missing_ok=True)
    tmp = db.with_suffix(".part")
    tmp.unlink(missing_ok=True)
    out = js.open("w", encoding="utf-8") if jsonl else None
    with Store(tmp) as store:
        store._conn.execute("PRAGMA synchronous = OFF")
        for n, (art, attrs, toks) in enumerate(articles(size)):
            if n % 997 == 0:
                assert toks == tokenize(art.text), "paragraph tokens differ from the text's"
            store.add_article(art, attrs, toks, label=f"import {art.source}")
            if out is not None:
                out.write(json.dumps(record(art, attrs), ensure_ascii=False) + "\n")
        store._conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    if out is not None:
        out.close()
    tmp.rename(db)
    return db, js


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("size", type=int, nargs="+")
    ap.add_argument("--no-jsonl", action="store_true")
    a = ap.parse_args()
    for size in a.size:
        db, js = build(size, jsonl=not a.no_jsonl)
        print(db, js if js.exists() else "")


if __name__ == "__main__":
    main()
