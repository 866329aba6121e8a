"""tests/data/heldout, the articles held out from tuning: every article imports and its
gold reads, and every gold quote is found in the article's body, so that the set cannot
rot as the importer or the gold format change."""

import pytest

from core.formats.imported import Imported
from core.formats.reading import read_file
from core.measure.evaluate import locate, read_gold
from tests.conftest import DATA

HELDOUT = DATA / "heldout"
GOLDS = sorted(HELDOUT.glob("*.gold.json"))


def test_at_least_twelve_articles_each_with_its_gold():
    texts = {p.name.removesuffix(".txt") for p in HELDOUT.glob("*.txt")}
    assert texts == {p.name.removesuffix(".gold.json") for p in GOLDS}
    assert len(texts) >= 12


@pytest.mark.parametrize("gold_path", GOLDS, ids=lambda p: p.name.removesuffix(".gold.json"))
def test_every_gold_quote_is_found_in_the_body_of_its_article(gold_path):
    (got,) = read_file(gold_path.with_name(gold_path.name.replace(".gold.json", ".txt")))
    assert isinstance(got, Imported), got
    text = got.article.text
    (gold,) = read_gold(gold_path)
    items, ignore, lost = locate(gold, text)
    assert [q.quote for q in lost] == []
    assert len(items) == len(gold.quotes) > 0
    assert all(region in text for region in gold.ignore_strings)
    outside = [*got.article.non_body, *ignore]
    assert [
        text[i.quote.start : i.quote.end] for i in items if any(map(i.quote.overlaps, outside))
    ] == []
    for q in gold.quotes:
        assert q.names and all(name.strip() for name in q.names), q.quote
