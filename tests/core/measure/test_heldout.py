"""tests/data/heldout, heldout2, heldout3, heldout4, heldout5, heldout6, heldout7, heldout8,
heldout9, heldout10, heldout11, heldout12, heldout13, heldout14, heldout15, heldout16,
heldout17, heldout18, heldout19, heldout20, heldout21, heldout22, heldout23, heldout24,
heldout25, heldout26, heldout27, heldout28, heldout29, heldout30, heldout31, heldout32,
heldout33, heldout34, heldout35, heldout36, heldout37, heldout38, heldout39, heldout40,
heldout41, heldout42, heldout43, heldout44, heldout45, heldout46, heldout47, heldout48,
heldout49, heldout50, heldout51, heldout52, heldout53, heldout54, heldout55, heldout56,
heldout57, heldout58, heldout59, heldout60, heldout61, heldout62, heldout63, heldout64, heldout65,
heldout66, heldout67, heldout68, heldout69, heldout70, heldout71, heldout72, heldout73 and
heldout74, the articles held out from tuning: every article imports and its gold reads, and every
gold quote is found in the article's body and its cue is written there, so that the sets cannot
rot as the importer or the gold format change."""

import re
from itertools import pairwise

import pytest

from core.formats.imported import Imported
from core.formats.reading import read_file
from core.measure.evaluate import locate, read_gold
from core.model import Span
from tests.conftest import DATA

# each set and the articles it has at least
SETS = {
    "heldout": 12,
    "heldout2": 10,
    "heldout3": 12,
    "heldout4": 12,
    "heldout5": 12,
    "heldout6": 12,
    "heldout7": 12,
    "heldout8": 12,
    "heldout9": 12,
    "heldout10": 12,
    "heldout11": 12,
    "heldout12": 12,
    "heldout13": 12,
    "heldout14": 12,
    "heldout15": 12,
    "heldout16": 12,
    "heldout17": 12,
    "heldout18": 12,
    "heldout19": 12,
    "heldout20": 12,
    "heldout21": 12,
    "heldout22": 12,
    "heldout23": 12,
    "heldout24": 12,
    "heldout25": 12,
    "heldout26": 12,
    "heldout27": 12,
    "heldout28": 12,
    "heldout29": 12,
    "heldout30": 12,
    "heldout31": 12,
    "heldout32": 12,
    "heldout33": 12,
    "heldout34": 12,
    "heldout35": 12,
    "heldout36": 12,
    "heldout37": 12,
    "heldout38": 12,
    "heldout39": 12,
    "heldout40": 12,
    "heldout41": 12,
    "heldout42": 12,
    "heldout43": 12,
    "heldout44": 12,
    "heldout45": 12,
    "heldout46": 12,
    "heldout47": 12,
    "heldout48": 12,
    "heldout49": 12,
    "heldout50": 12,
    "heldout51": 12,
    "heldout52": 12,
    "heldout53": 12,
    "heldout54": 12,
    "heldout55": 12,
    "heldout56": 12,
    "heldout57": 12,
    "heldout58": 12,
    "heldout59": 12,
    "heldout60": 12,
    "heldout61": 12,
    "heldout62": 12,
    "heldout63": 12,
    "heldout64": 12,
    "heldout65": 12,
    "heldout66": 12,
    "heldout67": 12,
    "heldout68": 12,
    "heldout69": 12,
    "heldout70": 12,
    "heldout71": 12,
    "heldout72": 12,
    "heldout73": 12,
    "heldout74": 12,
}
GOLDS = sorted(p for name in SETS for p in (DATA / name).glob("*.gold.json"))


@pytest.mark.parametrize(("name", "least"), SETS.items())
def test_at_least_ten_articles_each_with_its_gold(name, least):
    folder = DATA / name
    texts = {p.name.removesuffix(".txt") for p in folder.glob("*.txt")}
    assert texts == {p.name.removesuffix(".gold.json") for p in folder.glob("*.gold.json")}
    assert len(texts) >= least


@pytest.mark.parametrize(
    "gold_path", GOLDS, ids=lambda p: f"{p.parent.name}/{p.name.removesuffix('.gold.json')}"
)
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
        assert q.cue in text, q.cue  # as written (the walk to gold looks for it there)


@pytest.mark.parametrize(
    "gold_path", GOLDS, ids=lambda p: f"{p.parent.name}/{p.name.removesuffix('.gold.json')}"
)
def test_no_two_gold_quotes_overlap(gold_path):
    """The model's rule (core/model.py ``conflicts``): no two quotes overlap, so a gold that
    has two could not be reached by keys (the walk to the gold stops there). Optional
    quotes aside: the walk leaves them out."""
    (got,) = read_file(gold_path.with_name(gold_path.name.replace(".gold.json", ".txt")))
    (gold,) = read_gold(gold_path)
    items, _, _ = locate(gold, got.article.text)
    required = sorted((i.quote for i in items if not i.optional), key=lambda q: q.start)
    overlapping = [k for k, (a, b) in enumerate(pairwise(required)) if a.overlaps(b)]
    assert overlapping == []  # (the quotes' places in the gold's order: no text shown)


@pytest.mark.parametrize(
    "gold_path", GOLDS, ids=lambda p: f"{p.parent.name}/{p.name.removesuffix('.gold.json')}"
)
def test_every_gold_cue_is_written_outside_the_other_quotes(gold_path):
    """The model's rule (core/model.py ``conflicts``): no quote holds another's cue, so a
    gold whose cue is written only inside another quote could not be reached by keys (the
    walk to the gold stops there). Optional quotes aside: the walk leaves them out."""
    (got,) = read_file(gold_path.with_name(gold_path.name.replace(".gold.json", ".txt")))
    text = got.article.text
    (gold,) = read_gold(gold_path)
    items, _, _ = locate(gold, text)
    required = [(q.cue, i.quote) for q, i in zip(gold.quotes, items, strict=True) if not i.optional]
    inside = [
        k
        for k, (cue, own) in enumerate(required)
        if not any(
            not any(place.overlaps(other) for _, other in required if other is not own)
            for place in (Span(m.start(), m.end()) for m in re.finditer(re.escape(cue), text))
        )
    ]
    assert inside == []  # (the quotes' places in the gold's order: no text shown)
