"""A gold corpus for the tests of the curation report (docs/adr/0035): three
annotators' corpora of the curation tests' two articles (tests/core/curation_data.py),
each decided their way, curated, and adjudicated with the real commands."""

from __future__ import annotations

from pathlib import Path

from core.corpus import curation as tables
from core.corpus.store import Store
from core.measure.curate import curate
from core.model import Attribution, Origin, QuoteType, Span, State, Status
from core.review import adjudicate
from core.review import commands as cmd
from tests.core.curation_data import apply, decide, find, handouts, reject, rename


def extra(store: Store, art: int) -> None:
    """A quote the model did not suggest, added by the annotator."""
    text = store.article(art).text
    at = text.index("taxes would rise")
    cue = text.index("added")
    found = Attribution(
        Span(at, at + len("taxes would rise")),
        Span(text.index("Brown added"), text.index("Brown added") + 5),
        Span(cue, cue + 5),
        "Tom Brown",
        QuoteType.INDIRECT,
        state=State.ACCEPTED,
        origin=Origin.MANUAL,
    )
    apply(store, cmd.add(store, art, found))


def cut(store: Store, art: int) -> None:
    """Q1's end cut: "We will build the" of "We will build the bridge"."""
    q1 = find(store, art, "We will build the bridge")
    start = store.attribution(q1)[1].quote.start
    apply(store, cmd.set_span(store, q1, "quote", Span(start, start + len("We will build the"))))


def project(tmp_path: Path) -> tuple[Path, dict[str, Path]]:
    """Each article holds four suggestions: Q1 "We will build the bridge" (Jane Smith,
    direct), Q2 "In fact, ..." (she: Jane Smith, direct), Q3 "the plan was too
    expensive" (Critics, indirect), Q4 "We have no money" (no speaker, direct).

    ana accepts all four in both articles. ben rejects Q4 in both and names Q3's
    speaker "Experts" in the first. cal cuts Q1's end in the first ("We will build
    the": boundaries), clears Q2's cue in the first, makes Q3 direct in the second and
    adds "taxes would rise" (Tom Brown, indirect) in the second. The curator takes cal's
    added quote (the only version there) and ana's everywhere else: the gold is ana's
    eight quotes and cal's added one, nine (six direct, three indirect)."""
    files = handouts(tmp_path, ("ana", "ben", "cal"))
    decide(files["ana"])

    def ben(s: Store, art: int) -> None:
        reject(s, art, "We have no money")
        if art == 1:
            rename(s, art, "the plan was too", "Experts")

    def cal(s: Store, art: int) -> None:
        if art == 1:
            cut(s, art)
            apply(s, cmd.set_span(s, find(s, art, "In fact"), "cue", None))
        else:
            apply(s, cmd.set_type(s, find(s, art, "the plan was too"), QuoteType.DIRECT))
            extra(s, art)

    decide(files["ben"], ben)
    decide(files["cal"], cal)
    gold = tmp_path / "gold.qlab"
    curate([files[n] for n in ("ana", "ben", "cal")], gold)
    with Store(gold) as g:
        apply(g, adjudicate.take_alone(g, 3))  # cal's added quote: the bulk action
        for art in g.article_ids():
            for it in tables.items(g, art):
                if it.open:
                    apply(g, adjudicate.take(g, it, 1))
        assert all(g.status(a) is Status.DONE for a in g.article_ids())
    return gold, files
