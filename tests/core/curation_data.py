"""Annotators' corpora for the curation tests: the review tests' corpus (two articles,
four suggestions each: tests/review_data.py, hashed) handed out to each annotator with
``core.review.assign`` and decided by real commands, each annotator's way."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from fractions import Fraction
from pathlib import Path

from core.corpus.store import Store
from core.measure.curate import curate
from core.model import State, Status
from core.review import commands as cmd
from core.review.assign import assign
from tests.review_data import make_corpus

#: The quotes of each article of the corpus, in text order.
QUOTES = ("We will build the bridge", "In fact", "the plan was too", "We have no money")


def handouts(
    tmp_path: Path, names: Sequence[str] = ("ana", "ben"), overlap: Fraction = Fraction(1)
) -> dict[str, Path]:
    """Each annotator's hand-out of the corpus (every article to everyone by default)."""
    source = make_corpus(tmp_path / "all.qlab", hashed=True)
    with Store(source) as s:
        assign(s, names, overlap, 1, tmp_path)
    return {name: tmp_path / f"{name}.qlab" for name in names}


def find(store: Store, article: int, quote: str) -> int:
    """The id of the article's attribution whose quote starts with ``quote``."""
    text = store.article(article).text
    return next(
        a.id
        for a in store.attributions(article)
        if text[a.quote.start :].startswith(quote) and a.id is not None
    )


def decide(path: Path, edit: Callable[[Store, int], None] | None = None) -> None:
    """Accept every suggestion of every article, mark it done, then ``edit(store,
    article id)`` each article (real commands, logged as the annotator's)."""
    with Store(path) as s:
        for art in s.article_ids():
            apply(s, cmd.accept_all(s, art))
            if edit is not None:
                edit(s, art)
            apply(s, cmd.set_status(s, art, Status.DONE))


def apply(store: Store, command: cmd.Command | None) -> None:
    if command is not None:
        cmd.apply(store, command)


def reject(store: Store, article: int, quote: str) -> None:
    apply(store, cmd.set_state(store, find(store, article, quote), State.REJECTED))


def rename(store: Store, article: int, quote: str, name: str) -> None:
    apply(store, cmd.set_speaker_name(store, find(store, article, quote), name))


def ben_differs(store: Store, article: int) -> None:
    """ben's way: the critics named "Experts", "We have no money" left out."""
    rename(store, article, "the plan was too", "Experts")
    reject(store, article, "We have no money")


def gold_where_ben_differs(tmp_path: Path) -> tuple[dict[str, Path], Path]:
    """ana accepted everything, ben decided :func:`ben_differs` in both articles: their
    hand-outs, and the gold merged from them (two items in each article)."""
    files = handouts(tmp_path)
    decide(files["ana"])
    decide(files["ben"], ben_differs)
    out = tmp_path / "gold.qlab"
    curate(list(files.values()), out)
    return files, out
