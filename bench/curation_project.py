"""A scripted curation project, adjudicated by keys on the real window (issue 22's
numbers): keys per disagreement (goal: at most 1.2 on average; agreements need none)
and whether the gold is the intended answer.

    .venv/bin/python bench/curation_project.py [--articles 30] [--overlap 0.2] [--seed 7]

1. A corpus of news-shaped articles with their attributions (bench/make_corpus.py:
   spans placed by construction); those attributions are the intended answer.
2. ``main.py assign`` to three annotators (ana, ben, cy) with the overlap given: the
   shared articles go to everyone, the others to one annotator each.
3. Each annotator accepts every suggestion and marks each article done, as a careful
   annotator would; in the shared articles (the only place a disagreement can be
   seen) a script makes realistic ones, by real commands: a quote whose start moved a
   word right, another speaker of the article given, a quote missed (rejected), an
   extra quote on a sentence that quotes no one. Each of an article's quotes is got
   wrong by one annotator at most, or two, in different ways: the intended answer is
   always one annotator's version (or none, for an extra quote).
4. ``curate``, then the gold opened in the window: for each item, the key that takes
   the version that is the intended answer (1..3), or 0 where it is nothing; the
   window goes on to the next item by itself.
5. The gold compared with the intended answer, attribution by attribution.
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import time
from collections import Counter
from dataclasses import dataclass, field
from fractions import Fraction
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.make_corpus import articles  # noqa: E402
from bench.scratch import scratch  # noqa: E402
from core.corpus import curation  # noqa: E402
from core.corpus.store import Store  # noqa: E402
from core.measure.curate import curate  # noqa: E402
from core.model import Attribution, QuoteType, Span, State, Status  # noqa: E402
from core.review import commands as cmd  # noqa: E402
from core.review.assign import assign  # noqa: E402
from tests.gui.keys_to_gold import press  # noqa: E402

NAMES = ("ana", "ben", "cy")
KEYS_GOAL = 1.2
#: The chance that an annotator gets one of a shared article's quotes wrong, and that
#: they add an extra quote to a shared article.
WRONG = 0.08
EXTRA = 0.25
KINDS = ("boundary", "speaker", "missed")


def said(a: Attribution) -> tuple[Any, ...]:
    """What an attribution says, as the gold is compared with the intended answer."""
    return (a.quote, a.speaker, a.cue, a.speaker_name, a.type)


@dataclass
class Project:
    """The project's files, the intended answer (by content hash: what each article's
    gold should say) and the disagreements the script made, by kind."""

    folder: Path
    handouts: dict[str, Path]
    gold: Path
    intended: dict[str, set[tuple[Any, ...]]]
    shared: int
    made: Counter[str] = field(default_factory=Counter)


def build(
    folder: Path, size: int = 30, overlap: Fraction = Fraction(1, 5), seed: int = 7
) -> Project:
    """Steps 1-4 up to the merge: the gold is written, not yet adjudicated."""
    source = folder / "corpus.qlab"
    intended: dict[str, set[tuple[Any, ...]]] = {}
    with Store(source) as store:
        for art, attrs, toks in articles(size):
            store.add_article(art, attrs, toks)
            intended[art.content_hash] = {said(a) for a in attrs}
        handout = assign(store, NAMES, overlap, seed, folder)
    files = {name: Path(handout.files[name][0]) for name in NAMES}
    rng = random.Random(seed)
    made: Counter[str] = Counter()
    everyone = set.intersection(*(_hashes(p) for p in files.values()))
    wrong = _who_errs(files["ana"], everyone, rng)
    for number, name in enumerate(NAMES, 1):
        with Store(files[name]) as s:
            for art in s.article_ids():
                _apply(s, cmd.accept_all(s, art))
                if s.article(art).content_hash in everyone:
                    _disagree(s, art, wrong, number, rng, made)
                _apply(s, cmd.set_status(s, art, Status.DONE))
    gold = folder / "gold.qlab"
    curate([files[n] for n in NAMES], gold)
    return Project(folder, files, gold, intended, len(everyone), made)


def _hashes(path: Path) -> set[str]:
    with Store(path) as s:
        return {s.article(a).content_hash for a in s.article_ids()}


def _who_errs(
    path: Path, shared: set[str], rng: random.Random
) -> dict[tuple[str, int], dict[int, str]]:
    """For each quote of a shared article (content hash, quote start): the annotators
    who get it wrong and how; never all three."""
    out: dict[tuple[str, int], dict[int, str]] = {}
    with Store(path) as s:
        for art in s.article_ids():
            key = s.article(art).content_hash
            if key not in shared:
                continue
            for a in s.attributions(art):
                who = {n: rng.choice(KINDS) for n in range(1, 4) if rng.random() < WRONG}
                if len(who) == len(NAMES):
                    who.pop(rng.choice(sorted(who)))
                if who:
                    out[(key, a.quote.start)] = who
    return out


def _disagree(
    s: Store,
    art: int,
    wrong: dict[tuple[str, int], dict[int, str]],
    number: int,
    rng: random.Random,
    made: Counter[str],
) -> None:
    """Annotator ``number``'s mistakes in a shared article, by real commands."""
    key = s.article(art).content_hash
    attrs = s.attributions(art)
    for a in attrs:
        kind = wrong.get((key, a.quote.start), {}).get(number)
        if kind == "boundary":  # the quote's start a word right
            _apply(s, cmd.move_edge(s, a.id or 0, "quote", "start", +1))
        elif kind == "speaker":  # another person of the article
            other = next((b for b in attrs if b.speaker_name != a.speaker_name and b.speaker), None)
            if other is None:
                continue
            _apply(s, cmd.set_speaker(s, a.id or 0, other.speaker, other.speaker_name))
        elif kind == "missed":
            _apply(s, cmd.set_state(s, a.id or 0, State.REJECTED))
        if kind is not None:
            made[kind] += 1
    if rng.random() < EXTRA:
        spot = _unquoted(s, art, attrs, rng)
        if spot is not None:
            _apply(s, cmd.add(s, art, cmd.new_manual(spot, QuoteType.INDIRECT)))
            made["extra"] += 1


def _unquoted(s: Store, art: int, attrs: list[Attribution], rng: random.Random) -> Span | None:
    """A sentence of a paragraph that quotes no one (the article's header aside)."""
    article = s.article(art)
    text, header = article.text, article.non_body[0].end if article.non_body else 0
    paragraphs, at = [], 0
    for para in text.split("\n\n"):
        span = Span(at, at + len(para))
        if span.start > header and not any(span.overlaps(a.quote) for a in attrs):
            paragraphs.append(span)
        at += len(para) + 2
    if not paragraphs:
        return None
    para = rng.choice(paragraphs)
    end = text.find(". ", para.start, para.end)
    return Span(para.start, end if end > 0 else para.end)


def _apply(store: Store, command: cmd.Command | None) -> None:
    if command is not None:
        cmd.apply(store, command)


@dataclass
class Adjudicated:
    """What adjudicating the gold by keys took."""

    items: int = 0
    keys: list[str] = field(default_factory=list)
    seconds: float = 0.0

    @property
    def per_item(self) -> float:
        return len(self.keys) / self.items if self.items else 0.0


def adjudicate(window: Any, project: Project) -> Adjudicated:
    """Press, for each open item of the gold open in ``window``, the key that takes
    the intended answer; the keys pressed."""
    s = window.session
    done = Adjudicated(items=curation.item_counts(s.store)[curation.Outcome.OPEN])
    started = time.perf_counter()
    while s.adjudicating:
        item = s.current_item
        want = {x for x in project.intended[s.article.content_hash] if x[0].overlaps(item.span)}
        key = "0" if not want else _version(item, want)
        press(window, key)
        done.keys.append(key)
        if len(done.keys) > 10 * done.items:
            raise AssertionError("the window does not go on to the next item")
    done.seconds = time.perf_counter() - started
    return done


def _version(item: curation.Item, want: set[tuple[Any, ...]]) -> str:
    """The key of the annotator whose version is the intended answer."""
    for n, versions in item.versions.items():
        if {said(v) for v in versions} == want:
            return str(n)
    raise AssertionError(f"no version of item {item.id} is the intended answer")


def differences(project: Project) -> list[str]:
    """Where the gold differs from the intended answer (nothing: it is)."""
    out = []
    with Store(project.gold) as g:
        for art in g.article_ids():
            article = g.article(art)
            got = {said(a) for a in g.attributions(art) if a.state is State.ACCEPTED}
            want = project.intended[article.content_hash]
            if got != want or article.status is not Status.DONE:
                out.append(f"article {art}: {len(got - want)} extra, {len(want - got)} missing")
    return out


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--articles", type=int, default=30)
    ap.add_argument("--overlap", type=Fraction, default=Fraction(1, 5))
    ap.add_argument("--seed", type=int, default=7)
    args = ap.parse_args()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ["QUOTELAB_HOME"] = str(scratch())
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from gui.main_window import MainWindow

    folder = scratch("quotelab-curation-")
    project = build(folder, args.articles, args.overlap, args.seed)
    with Store(project.gold) as g:
        agreed = sum(len(g.attributions(a)) for a in g.article_ids())
    app = QApplication.instance() or QApplication([])
    window = MainWindow()
    window.show()
    window.activateWindow()
    QTest.qWaitForWindowActive(window, 5000)
    window.open_corpus(project.gold)
    window.view.setFocus()
    done = adjudicate(window, project)
    window.close()
    app.processEvents()
    left = differences(project)
    made = sum(project.made.values())
    print(
        f"{args.articles} articles, 3 annotators, overlap {args.overlap}: {project.shared} shared"
    )
    print(f"disagreements made: {made} ({', '.join(f'{k} {n}' for k, n in project.made.items())})")
    print(f"merged: {agreed} attributions agreed (no key), {done.items} items to adjudicate")
    print(
        f"keys: {len(done.keys)} for {done.items} items = {done.per_item:.2f} per disagreement "
        f"(goal <= {KEYS_GOAL}), {len(done.keys) / max(made, 1):.2f} per mistake made; "
        f"{done.seconds:.1f} s on the window"
    )
    print(f"keys pressed: {' '.join(done.keys)}")
    print("gold == intended answer" if not left else "gold differs: " + "; ".join(left))


if __name__ == "__main__":
    main()
