"""PolNeAR's scoring rules (core/measure/evaluate.py ``by_overlap``): contents paired
when they share at least half of each one's tokens, the speaker right when the
mentions overlap (or neither has one); counted by hand."""

from core.measure.evaluate import by_overlap
from core.model import Attribution
from core.tokens import tokenize
from tests.review_data import sp

TEXT = "Ann Lee said the plan works well today. Polls show voters like it."


def attr(quote, speaker=None):
    return Attribution(sp(TEXT, quote), sp(TEXT, speaker) if speaker else None)


def test_contents_pair_on_half_of_each_ones_tokens_and_speakers_on_overlap():
    gold = [attr("the plan works well today", "Ann Lee"), attr("voters like it")]
    pred = [
        attr("plan works well", "Lee"),  # 3 of the gold's 5 tokens, all of its own 3: paired
        attr("show voters like it"),  # 3 of 3 and 3 of 4; neither has a speaker: right
    ]
    got = by_overlap(tokenize(TEXT), gold, pred)
    assert got.pairs == [(0, 0, True), (1, 1, True)]
    c = got.counts
    assert (c.gold, c.pred, c.matched, c.speaker) == (2, 2, 2, 2)


def test_too_little_shared_or_another_speaker_is_not_right():
    gold = [attr("the plan works well today", "Ann Lee")]
    assert by_overlap(tokenize(TEXT), gold, [attr("today", "Ann Lee")]).pairs == []  # 1 of 5
    # it holds the gold's 5 tokens, but they are not half of its 11
    assert (
        by_overlap(
            tokenize(TEXT), gold, [attr("Ann Lee said the plan works well today. Polls show")]
        ).pairs
        == []
    )
    wrong = by_overlap(tokenize(TEXT), gold, [attr("the plan works well", "Polls")])
    assert wrong.pairs == [(0, 0, False)]
    assert (wrong.counts.matched, wrong.counts.speaker) == (1, 0)
