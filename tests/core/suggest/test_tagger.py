"""The tagger's linker and its batches (docs/adr/0041), on paragraphs the real pipeline
parses and the rules read, with the tagger's spans set by hand."""

import json

import pytest

from core.model import QuoteType
from core.suggest import tagger
from core.suggest.registry import Registry
from core.suggest.rules import ArticleRules, Paragraph
from core.suggest.tagger import (
    CUE,
    GEOMETRIC,
    LEAST,
    QUOTE,
    SPEAKER,
    Parts,
    Scorer,
    Tagged,
    fit_scorer,
    link,
)
from core.tokens import doc_of
from tests.review_data import sp

TEXT = (
    "Headline\n"
    "Smith argued that taxes must fall. The mayor, however, thinks the plan is late. "
    '"It works. It is cheap," Jones told reporters. Prices rose in May, according to a '
    "survey.\n"
)


def linked(suggester, spans: list[tuple[str, str]], whole: str = TEXT, sure=False, how=None):
    """The paragraph after the headline of ``whole`` parsed and read by the rules,
    linked with ``spans`` (text, label, and how sure, 1 without) as the tagger's: each
    attribution's quote, cue, speaker and speaker name (and how sure, with ``sure``)."""
    nlp = suggester.nlp
    start = whole.index("\n") + 1
    text = whole[start:].rstrip("\n")
    para = Paragraph(start, nlp(doc_of(nlp.tokenizer, text)))
    ArticleRules(Registry()).add(0, para)
    tagged = [Tagged(x[1], text.index(x[0]), text.index(x[0]) + len(x[0]), *x[2:]) for x in spans]
    got = link(para, tagged, whole)
    if sure:
        three = [((p.quote, p.cue, p.speaker), p) for _, p in got]
        return [
            (a.quote, a.speaker, round(tagger._sure(t, how or GEOMETRIC), 4), p.length, p.gap)
            for (a, _), (t, p) in zip(got, three, strict=True)
        ]
    return [(a.quote, a.cue, a.speaker, a.speaker_name, a.type) for a, _ in got]


def test_each_quote_takes_the_nearest_cue_and_its_subject_in_the_parse(suggester):
    got = linked(
        suggester,
        [
            ("taxes must fall", QUOTE),
            ("argued", CUE),
            ("It works.", QUOTE),  # in quotation marks: all they hold
            ("reporters", SPEAKER),  # the parse's subject of "told" is Jones
            ("told", CUE),
        ],
    )
    assert got == [
        (sp(TEXT, "taxes must fall"), sp(TEXT, "argued"), sp(TEXT, "Smith"), "Smith",
         QuoteType.INDIRECT),
        (sp(TEXT, '"It works. It is cheap,"'), sp(TEXT, "told"), sp(TEXT, "Jones"), "Jones",
         QuoteType.DIRECT),
    ]  # fmt: skip


def test_without_a_subject_in_the_parse_the_tagged_speaker_nearest_the_cue(suggester):
    got = linked(
        suggester,
        [("Prices rose in May", QUOTE), ("according to", CUE), ("a survey", SPEAKER)],
    )
    assert got == [
        (sp(TEXT, "Prices rose in May"), sp(TEXT, "according to"), sp(TEXT, "a survey"),
         "a survey", QuoteType.INDIRECT),
    ]  # fmt: skip


def test_a_quote_with_no_cue_or_no_speaker_near_it_is_left_out(suggester):
    assert linked(suggester, [("taxes must fall", QUOTE)]) == []  # no cue
    # a cue the parse gives no subject, and no speaker tagged
    assert linked(suggester, [("Prices rose in May", QUOTE), ("according to", CUE)]) == []
    # the cue of the next sentence, and its subject
    got = linked(suggester, [("taxes must fall", QUOTE), ("thinks", CUE)])
    assert [(q, c, s) for q, c, s, _, _ in got] == [
        (sp(TEXT, "taxes must fall"), sp(TEXT, "thinks"), sp(TEXT, "The mayor"))
    ]


def test_a_quote_over_sentences_takes_the_cue_beside_the_last_of_them(suggester):
    whole = "Headline\nTaxes must fall. Rents must fall too. Officials said so on Monday.\n"
    got = linked(
        suggester, [("Taxes must fall. Rents must fall too.", QUOTE), ("said", CUE)], whole
    )
    assert [(q, c, s) for q, c, s, _, _ in got] == [
        (
            sp(whole, "Taxes must fall. Rents must fall too."),
            sp(whole, "said"),
            sp(whole, "Officials"),
        )
    ]


def test_a_tagged_cue_no_quote_took_has_the_clause_the_rules_read_as_its_report(suggester):
    got = linked(
        suggester,
        [
            ("taxes must fall", QUOTE),
            ("argued", CUE),
            ("thinks", CUE),  # no quote tagged: the rules' reported clause
            ("according to", CUE),  # a quote overlapping nothing tagged
            ("a survey", SPEAKER),
        ],
    )
    assert [(q, c, s) for q, c, s, _, _ in got] == [
        (sp(TEXT, "taxes must fall"), sp(TEXT, "argued"), sp(TEXT, "Smith")),
        (sp(TEXT, "the plan is late."), sp(TEXT, "thinks"), sp(TEXT, "The mayor")),
        (sp(TEXT, "Prices rose in May"), sp(TEXT, "according to"), sp(TEXT, "a survey")),
    ]
    # a cue no quote took whose clause a tagged quote overlaps adds nothing
    got = linked(suggester, [("taxes must", QUOTE), ("argued", CUE), ("Smith", SPEAKER)])
    assert [(q, c) for q, c, _, _, _ in got] == [(sp(TEXT, "taxes must"), sp(TEXT, "argued"))]


def test_the_tagged_speaker_that_holds_the_cue_verbs_own_subject_before_the_parses_antecedent(
    suggester,
):
    whole = "Headline\nThe plan was backed by Smith, who said taxes must fall.\n"
    spans = [("who", SPEAKER), ("said", CUE), ("taxes must fall", QUOTE)]
    assert [(q, s) for q, _, s, _, _ in linked(suggester, spans, whole)] == [
        (sp(whole, "taxes must fall"), sp(whole, "who"))  # (the parse's subject: Smith)
    ]


def test_a_cue_with_no_verb_takes_the_tagged_speaker_not_what_the_parse_hangs_on_it(suggester):
    whole = "Headline\nTrump: Clinton should have congratulated me for making history.\n"
    spans = [
        ("Trump", SPEAKER),
        (":", CUE),
        ("Clinton should have congratulated me for making history", QUOTE),
    ]
    assert [(c, s) for _, c, s, _, _ in linked(suggester, spans, whole)] == [
        (sp(whole, ":"), sp(whole, "Trump"))
    ]


def test_a_passive_cue_with_no_agent_has_no_speaker(suggester):
    whole = "Headline\nThe senator, a Democrat, is expected to resign on Monday.\n"
    spans = [("The senator", SPEAKER), ("is expected", CUE), ("to resign on Monday", QUOTE)]
    assert linked(suggester, spans, whole) == [
        (sp(whole, "to resign on Monday"), sp(whole, "is expected"), None, None,
         QuoteType.INDIRECT)
    ]  # fmt: skip
    # with its agent, the tagged speaker
    whole = "Headline\nThe senator is expected by his aides to resign on Monday.\n"
    spans = [("his aides", SPEAKER), ("is expected", CUE), ("to resign on Monday", QUOTE)]
    assert [s for _, _, s, _, _ in linked(suggester, spans, whole)] == [sp(whole, "his aides")]


def test_a_raising_cue_has_no_speaker(suggester):
    whole = "Headline\nThe senator appears to favour the plan, and the mayor seems pleased.\n"
    spans = [
        ("The senator", SPEAKER),
        ("appears", CUE),
        ("to favour the plan", QUOTE),
        ("the mayor", SPEAKER),
        ("seems", CUE),
        ("pleased", QUOTE),
    ]
    got = linked(suggester, spans, whole)
    assert [(q, c, s) for q, c, s, _, _ in got] == [
        (sp(whole, "to favour the plan"), sp(whole, "appears"), None),
        (sp(whole, "pleased"), sp(whole, "seems"), None),
    ]


def test_how_sure_of_a_suggestion_is_the_geometric_mean_of_its_parts_or_the_least(suggester):
    spans = [("taxes must fall", QUOTE, 0.8), ("argued", CUE, 0.5), ("Smith", SPEAKER, 1.0)]
    (got,) = linked(suggester, spans, sure=True)
    # its length (3 tokens) and gap to its cue ("that": 1) besides
    assert got == (sp(TEXT, "taxes must fall"), sp(TEXT, "Smith"), round(0.4 ** (1 / 3), 4), 3, 1)
    (got,) = linked(suggester, spans, sure=True, how=LEAST)  # (a tagger kept before)
    assert got[2] == 0.5


def test_a_scorer_learns_how_sure_from_the_parts_of_right_and_wrong_suggestions():
    # right: sure quotes near their cue; wrong: unsure ones, or far from their cue
    right = [Parts(0.9, 0.9, 0.9, 5, 0), Parts(0.8, 0.9, 0.7, 12, 1)] * 10
    wrong = [Parts(0.4, 0.9, 0.9, 5, 0), Parts(0.8, 0.9, 0.7, 12, 30)] * 10
    scorer = fit_scorer(right + wrong, [True] * 20 + [False] * 20)
    assert scorer.probability(Parts(0.9, 0.9, 0.9, 5, 0)) > 0.7
    assert scorer.probability(Parts(0.4, 0.9, 0.9, 5, 0)) < 0.3
    assert scorer.probability(Parts(0.8, 0.9, 0.7, 12, 1)) > scorer.probability(
        Parts(0.8, 0.9, 0.7, 12, 30)
    )
    assert Scorer.from_json(json.loads(json.dumps(scorer.as_json()))) == scorer


@pytest.mark.parametrize(
    "bad",
    [
        None,
        {"mean": [0.0] * 5, "scale": [1.0] * 5},  # no weights
        {"mean": [0.0] * 5, "scale": [1.0] * 5, "weights": [1.0] * 5},  # one short
        {"mean": [0.0] * 5, "scale": [0.0] * 5, "weights": [1.0] * 6},
        {"mean": ["x"] * 5, "scale": [1.0] * 5, "weights": [1.0] * 6},
        {"mean": [float("nan")] * 5, "scale": [1.0] * 5, "weights": [1.0] * 6},
    ],
)
def test_a_stored_scorer_that_is_not_one_is_refused(bad):
    with pytest.raises(ValueError, match="not a scorer"):
        Scorer.from_json(bad)


def test_batches_are_counted_by_words_growing_as_spacy_train_makes_them(monkeypatch):
    monkeypatch.setattr(tagger, "BATCH_WORDS", (100.0, 300.0, 2.0))
    # 100, 200, then 300 a batch
    assert tagger._updates(100) == 1
    assert tagger._updates(301) == 3
    assert tagger._updates(300 + 300 * 3) == 5


def test_every_seed_starts_from_the_same_weights_and_draws_its_own_updates(suggester):
    """The seed draws the examples' order and the dropout, not the start: two trainings
    of other seeds start alike (the NER's layers too, not only the tok2vec copied from
    the pipeline's), so their weights can be averaged (issue 23's twelfth round); one
    seed trains the same tagger twice."""
    import numpy

    from core.model import Article
    from tests.training_data import article, gold

    nlp = suggester.nlp
    ex = []
    for n in range(4):
        text, reports = article(n)
        ex += tagger.examples(nlp, Article(text=text, content_hash=f"s{n}"), gold(text, reports))

    def weights(seed: int, updates: int) -> list[numpy.ndarray]:
        """The NER's weights after ``updates`` updates of a training with ``seed``."""
        tg = tagger.new(nlp, "seeded")
        seen = []

        def cancelled() -> bool:  # (asked before each update)
            seen.append(None)
            return len(seen) > updates

        with pytest.raises(tagger.Cancelled):
            tagger.train(tg, nlp, ex, lambda t: (True, 1.0), 2, cancelled=cancelled, seed=seed)
        lower = tg.component.model.get_ref("lower")
        return [lower.get_param(p).copy() for p in ("W", "b")]

    def same(a: list[numpy.ndarray], b: list[numpy.ndarray]) -> bool:
        return all(numpy.array_equal(x, y) for x, y in zip(a, b, strict=True))

    assert same(weights(0, 0), weights(1, 0)) and same(weights(1, 0), weights(7, 0))
    assert same(weights(1, 3), weights(1, 3))
    assert not same(weights(0, 3), weights(1, 3))


def test_a_corpus_of_more_words_trains_fewer_epochs_of_them(suggester, monkeypatch):
    """Training stops at :data:`tagger.WORDS` words, in whole epochs (at least one), or
    at its epochs if fewer (issue 23's fifteenth round: a training's time is about its
    words); its progress counts the updates of those epochs."""
    from core.model import Article
    from tests.training_data import article, gold

    nlp = suggester.nlp
    ex = []
    for n in range(2):
        text, reports = article(n)
        ex += tagger.examples(nlp, Article(text=text, content_hash=f"w{n}"), gold(text, reports))
    words = sum(len(e) for e in ex)

    def epochs(budget: int, at_most: int) -> tuple[int, int]:
        """Epochs scored (each better than the last) and the progress's last total."""
        monkeypatch.setattr(tagger, "WORDS", budget)
        scored, seen = [], []

        def score(_: tagger.Tagger) -> tuple[bool, float]:
            scored.append(None)
            return True, float(len(scored))

        kept = tagger.train(tagger.new(nlp, "words"), nlp, ex, score, at_most, seen.append)
        assert kept == len(scored)
        return len(scored), seen[-1].total

    assert epochs(3 * words + words // 2, 12) == (3, tagger._updates(3 * words))
    assert epochs(words - 1, 12)[0] == 1
    assert epochs(100 * words, 2)[0] == 2
