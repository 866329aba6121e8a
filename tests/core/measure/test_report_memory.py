"""The report's memory does not grow with the corpus's text: it streams the done
articles one at a time (issue 21, item 11: at 100k articles the report had read every
article's text at once, 1 GB), and it reports progress and stops on a cancel."""

import tracemalloc

import pytest

from core.corpus.store import Store
from core.formats.imported import content_hash
from core.measure import report
from core.model import Article, Status
from core.tokens import tokenize
from tests.core.small_corpus import build, suggestion

ARTICLES = 120
FILLER = "The council met on Tuesday and the budget was discussed at length. " * 1000


def _text(i: int) -> str:
    # the same length and token bounds for every article: only the number differs
    return f"Story {i:05d}.\n\nMayor Ana Ruiz said the bridge would reopen.\n\n{FILLER}"


@pytest.fixture(scope="module")
def big(tmp_path_factory):
    """``ARTICLES`` done articles of 68 kB of text each (8 MB in all), a quote each."""
    path = tmp_path_factory.mktemp("big") / "big.qlab"
    tokens = tokenize(_text(0))
    with Store(path) as store:
        for i in range(ARTICLES):
            text = _text(i)
            quote = suggestion(
                text, "the bridge would reopen.", "Mayor Ana Ruiz", "Ana Ruiz", "said"
            )
            art = Article(text=text, content_hash=content_hash(text), status=Status.DONE)
            store.add_article(art, [quote], tokens)
    return path


@pytest.mark.slow
def test_the_report_holds_one_article_text_at_a_time(big):
    texts = ARTICLES * len(_text(0))
    with Store(big) as store:
        tracemalloc.start()
        try:
            rep = report.build(store)
            _, peak = tracemalloc.get_traced_memory()
        finally:
            tracemalloc.stop()
    assert rep.quality.articles == ARTICLES
    assert rep.quality.score.overall.f1 == 1.0
    assert rep.speakers[0].cues == [("said", ARTICLES)]
    # all the texts at once were 8 MB; one at a time with what the report keeps: far less
    assert peak < texts / 8, f"peak {peak / 1e6:.1f} MB for {texts / 1e6:.1f} MB of text"


@pytest.mark.slow
def test_the_report_says_how_far_it_is_and_stops_on_a_cancel(big):
    seen = []
    with Store(big) as store:
        report.build(store, progress=lambda done, total: seen.append((done, total)))
        assert seen == [(n, ARTICLES) for n in range(0, ARTICLES, report.STEP)]
        asked = []

        def cancelled():
            asked.append(1)
            return len(asked) > 1  # once the scoring of done articles has begun

        with pytest.raises(report.Cancelled):
            report.build(store, cancelled=cancelled)
        assert len(asked) == 2


def test_the_median_and_mean_of_quotes_per_article_come_from_the_counts(tmp_path):
    """The counts are not held as a list any more: the figures statistics gave on the
    list of counts, from how many articles have each count."""
    import statistics
    from collections import Counter

    for counts in ([], [3], [1, 2], [4, 4], [0, 0, 5, 7], [2, 9, 1, 1, 3], [5] * 4 + [1] * 3):
        got = report._quotes_per_article(Counter(counts))
        assert got["median"] == (statistics.median(counts) if counts else 0), counts
        assert got["mean"] == (statistics.fmean(counts) if counts else 0.0), counts
        assert type(got["median"]) is type(statistics.median(counts) if counts else 0), counts
    with Store(build(tmp_path / "small.qlab")) as store:
        assert report.build(store).quotes_per_article["median"] == 2
