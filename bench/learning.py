"""What the suggestions learn from a review (issue 23, docs/adr/0036): a corpus's train
split replayed as a review, its dev split scored, as a learning curve.

    .venv/bin/python bench/learning.py BRAT_CORPUS_DIR [--shuffles 3] [--cache FILE]
    .venv/bin/python bench/learning.py --own [SET ...]
    .venv/bin/python bench/learning.py BRAT_CORPUS_DIR --tagger N [--epochs E] [--keep FILE]

BRAT_CORPUS_DIR holds ``train/text/*.txt`` and ``dev/text/*.txt`` in PolNeAR's layout
(``train/attributions/STEM_ANNOTATOR.ann``; PolNeAR's ``data`` folder). Nothing of it
is in the repository (PolNeAR has no data licence), and the test split is never read.

Every article is suggested for once, with the rules' candidates
(``Suggester.found_many``). A train article is reviewed as a user would with the gold
in hand: a suggestion that matches a gold attribution is accepted, any other rejected,
and every gold attribution no suggestion matched is added by hand; its examples are
then what the corpus would learn from (``core.suggest.learn.examples_of``, as
``core/review/learning.py`` makes them from a corpus). For each prefix of the train
articles (0, 25, 50, 100, 200, all; over ``--shuffles`` orders) the fit of the prefix
(thresholds chosen on that prefix only) makes the dev articles' suggestions, scored by
PolNeAR's rules (``core.measure.evaluate.by_overlap``: contents sharing at least half of
each one's tokens, the speaker mention overlapping the gold source). Prefix 0 is the
rules as they are. Last, the Brier score on dev of the rules' suggestions, with the
fit of all train articles against with the rules' constant confidences.

``--tagger N`` trains the tagger of ``main.py train`` (``core.measure.training``,
docs/adr/0041) on N train articles (all: 0; a shuffle's first), as a corpus would on its
done articles (its figures on the part of them it holds out), and scores the dev split:
the tagger alone, with the rules (what it suggests), then with the fit of those
articles' review (ADR 36: what import suggests in a corpus that learns), the rules
alone; with the time it took, its size, and the time of the dev suggestions with it and
without. ``--snapshots DIR`` keeps each epoch's weights there (with ``--keep`` of a
tagger kept before, reads them: each epoch's weights with the threshold, order and
scorer ``training.choose`` gives them on the held-out part, dev's figures with each, and
the epoch the held-out part chooses so); ``--each-epoch`` prints
what the held-out part chooses at each epoch and what dev gets with it (a study of the
choice: dev is tagged at every epoch, in the training's time). ``--untagged K`` counts
the dev attributions the tagger tags nothing of (no span of its overlaps their content,
cue or source) and prints K of them: what its recall lacks. ``--causes K`` says where
the gold the tagger with the rules misses goes (nothing tagged of it; its content tagged
too short, too long, in pieces, or right and not linked; the content right and the
source wrong; the union's order; the threshold; two golds sharing one suggestion), with
K of each, on the held-out train articles and (counts only) on dev. ``--relink`` (with
``--keep`` of a tagger kept by older code) chooses its threshold, order and priors
again on its held-out part (and whether a scorer says how sure it is), as training now
would for its weights. ``--seed S`` trains with seed S instead of 0 (the order of the
examples and the dropout's draws; every seed starts from the same weights, so that two
trainings' weights can be averaged: issue 23's twelfth round).

``--own`` measures that learning costs nothing where the rules follow the project's
guide: each SET (default: the project's real articles with gold and the sample) is
scored by ``core/measure/evaluate.py`` with the rules, and with the fit of a review of
all the other sets.
"""

from __future__ import annotations

import argparse
import pickle
import random
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from core.formats.brat import _attributions, _read_lines, annotations_of  # noqa: E402
from core.formats.decoding import decode  # noqa: E402
from core.formats.format import label_map  # noqa: E402
from core.formats.imported import Imported, ImportProblem, content_hash  # noqa: E402
from core.formats.reading import read_file  # noqa: E402
from core.measure.evaluate import (  # noqa: E402
    Counts,
    align,
    by_overlap,
    items,
    locate,
    read_gold,
)
from core.model import Article, Attribution, Span  # noqa: E402
from core.suggest import Suggester  # noqa: E402
from core.suggest.learn import (  # noqa: E402
    CANDIDATE,
    PRIOR,
    Example,
    Fit,
    examples_of,
    fit,
)
from core.suggest.tagger import union  # noqa: E402
from core.tokens import tokenize  # noqa: E402

SIZES = (0, 25, 50, 100, 200)
OWN_SETS = ("tests/data/heldout", "tests/data/dev", "tests/data/dev2", "tests/data/articles")
SAMPLE = (ROOT / "resources" / "sample_article.txt", ROOT / "tests/data/sample_article.gold.json")

#: Which predictions are right: (counts, for each prediction whether it is right, the
#: quotes of the gold attributions no prediction found).
Judged = tuple[Counts, list[bool], list[Span]]


@dataclass
class Doc:
    """An article with what the rules found in it and its judge (the gold's scorer)."""

    name: str
    found: list[Attribution]
    judge: Callable[[list[Attribution]], Judged]
    examples: list[Example] = field(default_factory=list)
    added: int = 0


def _polnear_judge(text: str, gold: list[Attribution]) -> Callable[[list[Attribution]], Judged]:
    tokens = tokenize(text)

    def judge(pred: list[Attribution]) -> Judged:
        got = by_overlap(tokens, gold, pred)
        right = [False] * len(pred)
        found = set()
        for gi, pi, ok in got.pairs:
            right[pi] = ok
            found.add(gi) if ok else None
        return got.counts, right, [g.quote for i, g in enumerate(gold) if i not in found]

    return judge


def _own_judge(text: str, gold_path: Path, ignore_body: Sequence[Span]) -> Callable[..., Judged]:
    (gold,) = read_gold(gold_path)
    gold_items, ignore, _ = locate(gold, text)

    def judge(pred: list[Attribution]) -> Judged:
        shown = items(text, pred)
        al = align(gold_items, shown, [*ignore, *ignore_body])
        right_ids = {id(p) for g, p in al.pairs if g.speaker_right(p)}
        found = {id(g) for g, p in al.pairs if g.speaker_right(p)}
        c = Counts()
        c.gold = len(al.pairs) + len(al.missed)
        c.pred = len(al.pairs) + len(al.spurious)
        c.matched = len(al.pairs)
        c.speaker = len(right_ids)
        missed = [g.quote for g in gold_items if id(g) not in found and not g.optional]
        return c, [id(p) in right_ids for p in shown], missed

    return judge


def _read(path: Path) -> Imported | None:
    """The article of ``path`` with its gold; None (said) when QuoteLab refuses it."""
    (got,) = list(read_file(path))
    if isinstance(got, ImportProblem):
        print(f"left out: {got}", file=sys.stderr)
        return None
    return got


def _brat(path: Path) -> Imported | None:
    """The article of a brat ``path`` with its gold as brat's reader finds it, without
    the span rules QuoteLab keeps for what it stores (a PolNeAR span may cut a word:
    ``he Drudge Report``; scored by tokens, it counts as it is); None (said) when the
    reader refuses its lines."""
    text, _ = decode(path.read_bytes(), str(path))
    ann = annotations_of(path)[0]
    lines = ann.read_text(encoding="utf-8-sig").split("\n")
    try:
        gold = _attributions(_read_lines(text, lines, label_map(None), str(ann), {}), text, {}, "")
    except ImportProblem as exc:
        print(f"left out: {exc}", file=sys.stderr)
        return None
    return Imported(Article(text=text, source=path.name, content_hash=content_hash(text)), gold)


def _suggested(arts: list[Article], cache: Path | None) -> list[list[Attribution]]:
    """What the rules find in each article (read from ``cache`` when it holds them)."""
    if cache is not None and cache.is_file():
        kept: list[list[Attribution]] = pickle.loads(cache.read_bytes())
        if len(kept) == len(arts):
            return kept
    t = time.perf_counter()
    found = list(Suggester().found_many(arts))
    print(f"suggested {len(arts)} articles in {time.perf_counter() - t:.0f} s", file=sys.stderr)
    if cache is not None:
        cache.write_bytes(pickle.dumps(found))
    return found


def review(doc: Doc) -> None:
    """Replay the review of one article with its gold: the rules' suggestions as they
    are made with no decision learned accepted when right, rejected when not, and the
    gold they missed added by hand; its examples as the corpus would hold them."""
    shown = PRIOR.apply(doc.found)
    _, right, missed = doc.judge(shown)
    made = [(a, ok) for a, ok in zip(shown, right, strict=True)]
    made += [(a, None) for a in doc.found if a.made_by and a.made_by.rule == CANDIDATE]
    kept: list[tuple[object, Span, bool]] = [
        (i, a.quote, False) for i, (a, ok) in enumerate(made) if ok
    ]
    kept += [(("added", i), q, True) for i, q in enumerate(missed)]
    doc.examples, doc.added = examples_of(made, kept)


def learned(train: Sequence[Doc]) -> Fit:
    found = [e for d in train for e in d.examples]
    return fit(found, sum(d.added for d in train), len(train))


def scored(docs: Sequence[Doc], learned_fit: Fit) -> Counts:
    total = Counts()
    for d in docs:
        total.add(d.judge(learned_fit.apply(d.found))[0])
    return total


def brier(docs: Sequence[Doc], learned_fit: Fit) -> tuple[float, float, int]:
    """Brier scores of the rules' suggestions (right or not) with the fit's
    probabilities and with the rules' constant confidences; their number."""
    ours = const = 0.0
    n = 0
    for d in docs:
        shown = PRIOR.apply(d.found)
        for a, ok in zip(shown, d.judge(shown)[1], strict=True):
            assert a.made_by is not None
            ours += (learned_fit.probability(a.made_by) - ok) ** 2
            const += (a.made_by.prior - ok) ** 2
            n += 1
    return ours / max(n, 1), const / max(n, 1), n


def _figures(c: Counts) -> str:
    return f"{c.attribution_f1:.3f} (P {c.attribution_precision:.3f}, R {c.attribution_recall:.3f})"


def polnear(folder: Path, shuffles: int, cache: Path | None) -> None:
    splits = {}
    for split in ("train", "dev"):
        read = [(p, _brat(p)) for p in sorted((folder / split / "text").glob("*.txt"))]
        paths = [p for p, g in read if g is not None]
        got = [g for _, g in read if g is not None]
        if not paths:
            raise SystemExit(f"{folder / split / 'text'}: no articles")
        found = _suggested(
            [g.article for g in got], cache.with_suffix(f".{split}") if cache else None
        )
        splits[split] = [
            Doc(p.stem, f, _polnear_judge(g.article.text, g.attributions))
            for p, g, f in zip(paths, got, found, strict=True)
        ]
    train, dev = splits["train"], splits["dev"]
    for d in train:
        review(d)
    sizes = [n for n in SIZES if n < len(train)] + [len(train)]
    t = time.perf_counter()
    base = scored(dev, PRIOR)
    print(f"train {len(train)} articles, dev {len(dev)}, {shuffles} shuffles")
    print(f"rules only: dev attribution F1 {_figures(base)}")
    print(f"{'train articles':>14}  {'F1 mean':>7}  {'min':>5}  {'max':>5}   P      R      cues")
    fits_all: Fit = PRIOR
    for n in sizes:
        runs = []
        for s in range(shuffles):
            order = list(train)
            random.Random(s).shuffle(order)
            f = learned(order[:n])
            runs.append((scored(dev, f), f))
        f1 = [c.attribution_f1 for c, _ in runs]
        p = sum(c.attribution_precision for c, _ in runs) / len(runs)
        r = sum(c.attribution_recall for c, _ in runs) / len(runs)
        cues = sum(len(f.cues) for _, f in runs) / len(runs)
        print(
            f"{n:>14}  {sum(f1) / len(f1):7.3f}  {min(f1):5.3f}  {max(f1):5.3f}"
            f"   {p:.3f}  {r:.3f}  {cues:.0f}"
        )
        fits_all = runs[0][1]
    print(f"(fits and scoring: {time.perf_counter() - t:.1f} s)")
    ours, const, n = brier(dev, fits_all)
    print(
        f"Brier score on dev, {n} suggestions of the rules: "
        f"learned {ours:.4f}, constants {const:.4f}"
    )
    print("learned from all of train: " + "; ".join(fits_all.lines()[1:3]))


def tagger(
    folder: Path,
    n: int,
    epochs: int,
    keep: Path | None,
    snapshots: Path | None = None,
    cache: Path | None = None,
    each_epoch: bool = False,
    untagged: int = 0,
    relink: bool = False,
    causes: int | None = None,
    seed: int = 0,
) -> None:
    from core.measure.training import Figures, _held, held_out, train_tagger
    from core.suggest.tagger import Tagger, load

    splits: dict[str, list[tuple[Imported, Doc]]] = {}
    for split in ("train", "dev"):
        read = [(p, _brat(p)) for p in sorted((folder / split / "text").glob("*.txt"))]
        splits[split] = [
            (g, Doc(p.stem, [], _polnear_judge(g.article.text, g.attributions)))
            for p, g in read
            if g is not None
        ]
    order = list(splits["train"])
    random.Random(0).shuffle(order)
    order = order[:n] if n else order
    # what the corpus learned from the review of those articles (ADR 36): import applies
    # it to the tagger's suggestions with the rules'
    arts = [g.article for g, _ in order]
    found = _suggested(arts, cache.with_suffix(f".train{len(order)}") if cache else None)
    reviewed = [d for _, d in order]
    for d, f in zip(reviewed, found, strict=True):
        d.found = f
        review(d)
    corpus_fit = learned(reviewed)
    suggester = Suggester()
    last = [0.0]

    def progress(p: object) -> None:
        if time.perf_counter() - last[0] > 30:
            last[0] = time.perf_counter()
            print(f"  {p}", file=sys.stderr)

    if keep is not None and keep.is_file():  # trained before: only scored
        name, config, data, prior, first, figures, *sure = pickle.loads(keep.read_bytes())
        trained = load(suggester.nlp, name, config, data, prior, first, *sure)
        print(f"tagger read from {keep}")
        kept_as = (name, config, prior, first, *sure)
        _epochs_chosen(
            suggester, [g for g, _ in order], [g for g, _ in splits["dev"]], snapshots, kept_as
        )
    else:
        if each_epoch:  # the held-out part as training parses it, and dev the same way
            done = [(g.article, g.attributions) for g, _ in order]
            held = _held(suggester, [done[i] for i in sorted(held_out(len(done)))])
            dev_held = _held(suggester, [(g.article, g.attributions) for g, _ in splits["dev"]])

        def snapshot(epoch: int, tg: Tagger) -> None:
            if snapshots is not None:
                snapshots.mkdir(parents=True, exist_ok=True)
                (snapshots / f"epoch{epoch}").write_bytes(tg.to_bytes())
            if each_epoch:
                _each_epoch(epoch, tg, held, dev_held)

        t, cpu = time.perf_counter(), time.process_time()
        trained, figures = train_tagger(
            suggester,
            [(g.article, g.attributions) for g, _ in order],
            epochs,
            progress,
            watch=snapshot,
            seed=seed,
        )
        took, cpu = time.perf_counter() - t, time.process_time() - cpu
        print(f"tagger trained on {len(order)} train articles in {took:.0f} s ({cpu:.0f} s of CPU)")
        if keep is not None:
            kept = (
                trained.name,
                trained.config(),
                trained.to_bytes(),
                trained.prior,
                trained.rules_first,
                figures,
                trained.threshold,
                trained.priors,
            )
            keep.write_bytes(pickle.dumps(kept))
    assert isinstance(figures, Figures)
    if relink:  # its weights as today's code would keep them
        _relinked(suggester, [g for g, _ in order], trained)
    print(f"size: {(len(trained.to_bytes()) + len(trained.config())) / 1e6:.1f} MB")
    print("\n".join(figures.lines()))
    dev = splits["dev"]
    arts = [g.article for g, _ in dev]
    rules_s, tagger_s = [], []
    for _ in range(3):  # alternately, the least CPU time of three: the machine is shared
        t = time.process_time()
        rules_found = list(suggester.found_many(arts))
        rules_s.append(time.process_time() - t)
        t = time.process_time()
        with_tagger = list(suggester.found_many(arts, tagger=trained))
        tagger_s.append(time.process_time() - t)
    first = "rules" if trained.rules_first else "tagger"
    chosen, trained.rules_first = trained.rules_first, False  # all the tagger found
    tagger_first = list(suggester.found_many(arts, tagger=trained))
    trained.rules_first = chosen
    totals = {
        "tagger alone": Counts(),
        f"tagger with the rules ({first}')": Counts(),
        "  and the corpus's fit": Counts(),
        "  the tagger's first": Counts(),
        "  the rules' first": Counts(),
        "rules alone": Counts(),
    }
    for (_, d), r, w, t in zip(dev, rules_found, with_tagger, tagger_first, strict=True):
        alone = [a for a in t if a.made_by is not None and a.made_by.source == trained.name]
        totals["tagger alone"].add(d.judge(alone)[0])
        totals[f"tagger with the rules ({first}')"].add(d.judge(PRIOR.apply(w))[0])
        totals["  and the corpus's fit"].add(d.judge(corpus_fit.apply(w))[0])
        totals["  the tagger's first"].add(d.judge(PRIOR.apply(union(alone, r)))[0])
        totals["  the rules' first"].add(d.judge(PRIOR.apply(union(alone, r, True)))[0])
        totals["rules alone"].add(d.judge(PRIOR.apply(r))[0])
    print(f"dev, {len(dev)} articles (attribution F1 by PolNeAR's rules):")
    for what, c in totals.items():
        print(f"  {what:30} {_figures(c)}")
    print(
        f"dev suggestions (CPU, best of 3): rules {min(rules_s):.1f} s, with the tagger "
        f"{min(tagger_s):.1f} s ({min(tagger_s) / min(rules_s):.2f}x)"
    )
    _misses(suggester, [g for g, _ in order], [g for g, _ in dev], trained, untagged, causes)


def _held_part(suggester: Suggester, done: Sequence[Imported], everyone: bool = False) -> Any:
    """The articles training holds out of the ``done`` ones (``training.held_out``; all
    of them with ``everyone``), parsed as it parses them (``training._held``)."""
    from core.measure.training import _held, held_out

    kept = range(len(done)) if everyone else sorted(held_out(len(done)))
    return _held(suggester, [(done[i].article, done[i].attributions) for i in kept])


def _relinked(suggester: Suggester, done: Sequence[Imported], tg: Any) -> None:
    """``tg`` (kept by older code) as today's code keeps a tagger: how sure it is of a
    suggestion the geometric mean of its parts' or a scorer's (whichever the held-out
    part of the ``done`` articles chooses), its threshold, order and priors chosen again
    there (``training.choose``)."""
    from core.measure.training import choose
    from core.suggest.tagger import GEOMETRIC, SURE_OF

    tg.settings[SURE_OF] = GEOMETRIC
    held = _held_part(suggester, done)
    alone, both, by_rules = choose(tg, held)
    print(
        f"chosen again on the {len(held)} held out: at least {tg.threshold:g} sure "
        f"({'by a scorer' if tg.scorer is not None else 'the geometric mean'}), "
        f"the {'rules' if tg.rules_first else 'tagger'}'s first; with the rules "
        f"{_figures(both)}, alone {_figures(alone)}, the rules {_figures(by_rules)}"
    )


def _epochs_chosen(
    suggester: Suggester,
    done: Sequence[Imported],
    dev: Sequence[Imported],
    snapshots: Path | None,
    kept_as: tuple[Any, ...],
) -> None:
    """Each epoch's weights in ``snapshots`` (``--snapshots`` of the tagger kept as
    ``kept_as``: :func:`core.suggest.tagger.load`'s arguments but its bytes), if any,
    as training keeps the last epoch's (``training.choose`` on the held-out part of the
    ``done`` articles: its threshold, order and whether a scorer says how sure it is),
    and what dev gets with each; last, the epoch whose held-out score is best (the key
    ``training._chosen`` ranks by: its precision reaching the aim, then its F1; the
    earlier of equals)."""
    from core.measure.training import _found, _key, _scores, choose
    from core.suggest.tagger import GEOMETRIC, SURE_OF, load

    if snapshots is None or not snapshots.is_dir():
        return
    name, config, prior, first, *sure = kept_as
    epochs = sorted(
        (int(f.name[5:]), f.read_bytes()) for f in snapshots.glob("epoch*") if f.name[5:].isdigit()
    )
    held = _held_part(suggester, done)
    dev_held = _held_part(suggester, dev, everyone=True)
    chosen: list[tuple[tuple[bool, float], int]] = []
    for epoch, weights in epochs:
        tg = load(suggester.nlp, name, config, weights, prior, first, *sure)
        tg.settings[SURE_OF] = GEOMETRIC
        _, both, _ = choose(tg, held)
        at_dev = _scores(_found(tg, dev_held), dev_held, tg.threshold)[2 if tg.rules_first else 1]
        ahead = "the rules'" if tg.rules_first else "the tagger's"
        chosen.append((_key(both), -epoch))
        print(
            f"epoch {epoch}: at least {tg.threshold:g} sure "
            f"({'by a scorer' if tg.scorer is not None else 'the geometric mean'}), "
            f"{ahead} first; held out "
            f"{_figures(both)}; dev {_figures(at_dev)}"
        )
    if chosen:
        print(f"the held-out part chooses epoch {-max(chosen)[1]}")


def _misses(
    suggester: Suggester,
    done: Sequence[Imported],
    dev: Sequence[Imported],
    tg: Any,
    untagged: int,
    causes: int | None,
) -> None:
    """What ``--untagged`` and ``--causes`` print (:func:`_untagged`, :func:`_causes`)."""
    if untagged:
        _untagged(dev, tg, suggester, untagged)
    if causes is not None:
        _causes("held out", _held_part(suggester, done), tg, causes)
        _causes("dev", _held_part(suggester, dev, everyone=True), tg, 0)


def _untagged(dev: Sequence[Imported], tg: Any, suggester: Suggester, k: int) -> None:
    """How many of the ``dev`` attributions ``tg`` tags nothing of (no span of its
    overlaps their content, cue or source), and ``k`` of them (a seeded sample)."""
    from core.suggest.paragraphs import paragraphs
    from core.suggest.tagger import spans_of
    from core.tokens import doc_of

    nlp = suggester.nlp
    none = []
    for g in dev:
        paras = paragraphs(g.article)
        docs = tg.pipe(nlp.pipe(doc_of(nlp.tokenizer, t) for _, t in paras))
        tagged = [
            Span(at + s.start, at + s.end)
            for (at, _), d in zip(paras, docs, strict=True)
            for s in spans_of(d)
        ]
        none += [
            (g.article.text, a) for a in g.attributions if not any(_near(t, a) for t in tagged)
        ]
    n = sum(len(g.attributions) for g in dev)
    print(f"dev attributions the tagger tags nothing of: {len(none)} of {n}; {k} of them:")
    for text, a in random.Random(0).sample(none, min(k, len(none))):
        print(f"  {_described(text, a, 80)}")


def _causes(part: str, held: Sequence[Any], tg: Any, k: int) -> None:
    """Where the gold attributions of the ``held`` articles (``training._held``) that
    ``tg`` with the rules does not get right go (:func:`_cause`): a count each, and
    ``k`` of each (a seeded sample)."""
    from core.measure.training import _sure
    from core.suggest.tagger import spans_of

    counts: dict[str, int] = {}
    seen: dict[str, list[str]] = {}
    for h in held:
        spans = [spans_of(d) for d in tg.pipe(h.docs)]
        every = [
            a
            for para, sp in zip(h.paras, spans, strict=True)
            for a in tg.paragraph(para, h.article.text, 0.0, sp)
        ]
        model = [a for a in every if _sure(a) >= tg.threshold]
        shown = PRIOR.apply(union(model, h.rules, tg.rules_first))
        tagged = [
            (s.label, Span(para.start + s.start, para.start + s.end))
            for para, sp in zip(h.paras, spans, strict=True)
            for s in sp
        ]
        right = {gi for gi, _, ok in by_overlap(h.tokens, h.gold, shown).pairs if ok}
        for gi, g in enumerate(h.gold):
            why = "right" if gi in right else _cause(h, g, tagged, every, model, shown, tg)
            counts[why] = counts.get(why, 0) + 1
            text = h.article.text
            near = [f"{lab} {text[s.start : s.end][:50]!r}" for lab, s in tagged if _near(s, g)]
            seen.setdefault(why, []).append(f"{_described(text, g, 70)}; tagged {near}")
    n = sum(counts.values())
    print(f"{part}, {len(held)} articles, {n} gold attributions:")
    for why, c in sorted(counts.items(), key=lambda x: -x[1]):
        print(f"  {c:5}  {why}")
    for why, lines in sorted(seen.items()):
        if why != "right" and k:
            print(f"  {why}:")
            for line in random.Random(0).sample(lines, min(k, len(lines))):
                print(f"    {line}")


def _described(text: str, a: Attribution, width: int) -> str:
    """An attribution's content, cue and source as ``text`` has them (each cut at
    ``width`` characters; ``-`` for none)."""
    said = [text[s.start : s.end][:width] if s else "-" for s in (a.quote, a.cue, a.speaker)]
    return "content {!r}, cue {!r}, source {!r}".format(*said)


def _near(s: Span, g: Attribution) -> bool:
    """Whether ``s`` overlaps the content, cue or source of ``g``."""
    return any(s.overlaps(p) for p in (g.quote, g.cue, g.speaker) if p is not None)


def _cause(
    h: Any,
    g: Attribution,
    tagged: Sequence[tuple[str, Span]],
    every: Sequence[Attribution],
    model: Sequence[Attribution],
    shown: Sequence[Attribution],
    tg: Any,
) -> str:
    """Why the gold ``g`` of the held article ``h`` is not right among the suggestions
    ``shown``: of the tagger's spans ``tagged`` there, its suggestions however sure
    (``every``) and at its threshold (``model``), the rules' (``h.rules``); the first
    cause that holds, in this order."""
    from core.suggest.tagger import CUE, QUOTE, SPEAKER

    def right(a: Attribution) -> bool:
        return any(ok for _, _, ok in by_overlap(h.tokens, [g], [a]).pairs)

    def fits(s: Span) -> bool:  # a content PolNeAR's rules pair with the gold's
        return bool(by_overlap(h.tokens, [Attribution(g.quote)], [Attribution(s)]).pairs)

    def of(label: str, span: Span | None) -> list[Span]:
        return [s for lab, s in tagged if lab == label and span and s.overlaps(span)]

    if not any(_near(s, g) for _, s in tagged):
        return "nothing tagged of it"
    for found, why in (
        (shown, "its content shared: the right suggestion paired with another gold"),
        (model, "union: the rules' taken where the tagger's was right"),
        (h.rules, "union: the tagger's taken where the rules' was right"),
        (every, "the tagger's right, under its threshold"),
    ):
        if any(right(a) for a in found):
            return why
    if any(fits(a.quote) for a in [*every, *h.rules]):
        if g.speaker is None:
            return "content right, no source in the gold (a suggestion always has one)"
        if of(SPEAKER, g.speaker):
            return "content right, source tagged but another linked"
        return "content right, source untagged (another linked)"
    quotes = of(QUOTE, g.quote)
    if any(fits(s) for s in quotes):
        return "content tagged right, not linked: " + (
            "its cue tagged" if of(CUE, g.cue) else "its cue untagged"
        )
    if not quotes:
        return "content untagged (its cue or source tagged)"
    if len(quotes) > 1:
        return "content tagged in pieces"
    s = quotes[0]
    inside = min(s.end, g.quote.end) - max(s.start, g.quote.start)
    if 2 * inside < g.quote.end - g.quote.start:
        return "content tagged too short"
    return "content tagged too long"


def _each_epoch(epoch: int, tg: Any, held: Sequence[Any], dev: Sequence[Any]) -> None:
    """What the held-out part chooses at an epoch (``training._chosen``) and what dev
    gets with it, by the tagger's own sureness; then, at each threshold, the held-out
    and dev F1/P with the tagger's suggestions first."""
    from core.measure.training import _chosen, _found, _scores
    from core.suggest.tagger import SURE

    tg.use_scorer(None)  # (the epoch before's: training chooses this epoch's after)
    found, dev_found = _found(tg, held), _found(tg, dev)
    _, floor, rules_first, counts = _chosen(found, held)
    at_dev = _scores(dev_found, dev, floor)[2 if rules_first else 1]
    first = "the rules'" if rules_first else "the tagger's"
    print(
        f"epoch {epoch}: held out chooses {floor:g}, {first} first: "
        f"{_figures(counts[2 if rules_first else 1])}; dev {_figures(at_dev)}"
    )
    for f in SURE:
        h, d = _scores(found, held, f)[1], _scores(dev_found, dev, f)[1]
        print(
            f"  at {f:<4g} held {h.attribution_f1:.3f} (P {h.attribution_precision:.3f})"
            f"  dev {d.attribution_f1:.3f} (P {d.attribution_precision:.3f})"
        )


def own(sets: Sequence[str]) -> None:
    docs: dict[str, list[Doc]] = {}
    for spec in sets:
        texts = sorted(Path(spec).glob("*.txt"))
        pairs = [SAMPLE] if spec == "sample" else [(t, t.with_suffix(".gold.json")) for t in texts]
        read = [(t, gp, g) for t, gp in pairs if (g := _read(t)) is not None]
        found = _suggested([g.article for _, _, g in read], None)
        docs[spec] = [
            Doc(t.stem, f, _own_judge(g.article.text, gp, g.article.non_body))
            for (t, gp, g), f in zip(read, found, strict=True)
        ]
        for d in docs[spec]:
            review(d)
    print(f"{'set':24} {'articles':>8}  {'rules':>6}  {'learned':>7}  cues learned")
    for spec, held in docs.items():
        others = [d for s, ds in docs.items() if s != spec for d in ds]
        f = learned(others)
        rules, ours = scored(held, PRIOR), scored(held, f)
        print(
            f"{spec:24} {len(held):8}  {rules.attribution_f1:6.3f}  {ours.attribution_f1:7.3f}"
            f"  {', '.join(sorted(f.cues)) or '-'} (threshold {f.threshold:.2f})"
        )


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("folder", nargs="?", type=Path, help="a brat corpus with train/ and dev/")
    ap.add_argument("--shuffles", type=int, default=3)
    ap.add_argument("--cache", type=Path, help="keep what the rules found here (a pickle)")
    ap.add_argument("--own", nargs="*", help="the project's sets instead (default: all)")
    ap.add_argument("--tagger", type=int, metavar="N", help="train the tagger on N (0: all)")
    ap.add_argument("--epochs", type=int, default=12, help="with --tagger: epochs at most")
    ap.add_argument(
        "--keep", type=Path, help="with --tagger: keep the tagger here; read it if it exists"
    )
    ap.add_argument(
        "--snapshots",
        type=Path,
        help="with --tagger: keep each epoch's weights here; with --keep of a kept tagger, "
        "read them: each epoch's chosen again on the held-out part, and dev's figures",
    )
    ap.add_argument(
        "--seed",
        type=int,
        default=0,
        help="with --tagger: the seed of its training (the order of its examples, its "
        "dropout; every seed starts from the same weights)",
    )
    ap.add_argument(
        "--each-epoch",
        action="store_true",
        help="with --tagger: what the held-out part chooses at each epoch, and dev's figures",
    )
    ap.add_argument(
        "--untagged",
        type=int,
        default=0,
        metavar="K",
        help="with --tagger: count the dev attributions it tags nothing of, print K of them",
    )
    ap.add_argument(
        "--relink",
        action="store_true",
        help="with --keep of a tagger kept before: its threshold, order and priors chosen "
        "again on its held-out part for the linker as it is now",
    )
    ap.add_argument(
        "--causes",
        type=int,
        metavar="K",
        help="with --tagger: where the gold it misses goes, on its held-out part (K of "
        "each) and on dev",
    )
    args = ap.parse_args()
    if args.own is not None:
        own(args.own or [*OWN_SETS, "sample"])
    elif args.folder is None:
        ap.error("give a brat corpus folder, or --own")
    elif args.tagger is not None:
        tagger(
            args.folder,
            args.tagger,
            args.epochs,
            args.keep,
            args.snapshots,
            args.cache,
            args.each_epoch,
            args.untagged,
            args.relink,
            args.causes,
            args.seed,
        )
    else:
        polnear(args.folder, args.shuffles, args.cache)


if __name__ == "__main__":
    main()
