"""The tagger's linker and its batches (docs/adr/0041), on paragraphs the real pipeline
parses and the rules read, with the tagger's spans set by hand."""

import json

import pytest

from core.model import QuoteType, Span
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


def test_each_token_reads_its_role_in_the_rules_suggestions_and_in_quotation_marks(suggester):
    """What the tagger reads of the rules (issue 23's thirteenth round): each token's
    role in their attributions (the first token of a span apart), in their candidates,
    and whether it is in quotation marks; a token of two spans reads the shorter's."""
    from core.model import Article
    from core.suggest.learn import CANDIDATE

    nlp = suggester.nlp
    (found,) = suggester.found_many([Article(text=TEXT)])
    assert CANDIDATE in {a.made_by.rule for a in found}  # ("thinks": not in the lexicon)
    start = TEXT.index("\n") + 1
    doc = doc_of(nlp.tokenizer, TEXT[start:].rstrip("\n"))
    tagger.read_rules(doc, start, found)
    rows = tagger._rules_read(doc)
    got = {t.text + str(t.i): tuple(int(x) for x in r) for t, r in zip(doc, rows, strict=True)}
    role = tagger._ROLE
    assert got["Smith0"] == (role[SPEAKER, True], 0, 0)
    assert got["argued1"] == (role[CUE, True], 0, 0)
    assert got["that2"] == (0, 0, 0)
    assert (got["taxes3"], got["must4"]) == ((role[QUOTE, True], 0, 0), (role[QUOTE, False], 0, 0))
    assert got["mayor8"] == (0, role[SPEAKER, False], 0)  # a candidate's
    assert got["thinks12"] == (0, role[CUE, True], 0)
    assert got['"18'] == (0, 0, 1) and got["It19"] == (role[QUOTE, True], 0, 1)
    assert got["Jones27"] == (role[SPEAKER, True], 0, 0)
    # "according to a survey": the cue's two tokens, then its source's
    assert [got[k][0] for k in ("according36", "to37", "a38")] == [
        role[CUE, True],
        role[CUE, False],
        role[SPEAKER, True],
    ]
    # a shorter span inside a longer one: its tokens read the shorter's
    inner = [a.with_(quote=Span(start, len(TEXT) - 1)) for a in found[:1]]
    tagger.read_rules(doc, start, inner)
    assert [int(r[0]) for r in tagger._rules_read(doc)[:3]] == [
        role[SPEAKER, True],
        role[CUE, True],
        role[QUOTE, False],
    ]
    # a doc it kept nothing in reads no suggestion
    assert not tagger._rules_read(doc_of(nlp.tokenizer, "No rules here.")).any()


def _tiny(nlp, reads_rules: bool, updates: int = 30):
    """A tagger of the config of ``reads_rules`` trained a few updates on the tiny
    corpus's first articles (with what the rules find in them, when it reads them)."""
    from spacy.util import fix_random_seed
    from thinc.api import Adam

    from core.model import Article
    from tests.training_data import article, gold

    config = tagger._config(nlp, reads_rules)
    tg = tagger.Tagger("tagger:tiny", tagger._component(nlp, config), config)
    arts = [(Article(text=t), gold(t, r)) for t, r in map(article, range(6))]
    found = list(_suggester_of(nlp).found_many([a for a, _ in arts]))
    exs = [
        ex
        for (art, g), f in zip(arts, found, strict=True)
        for ex in tagger.examples(nlp, art, g, f if reads_rules else None)
    ]
    fix_random_seed(0)
    tg.component.initialize(lambda: exs, nlp=nlp)
    sgd = Adam(0.001)
    for _ in range(updates):
        tg.component.update(exs, sgd=sgd)
    return tg


def _suggester_of(nlp):
    from core.suggest import Suggester

    s = Suggester()
    s._nlp = nlp
    return s


def test_a_tagger_stored_before_it_read_the_rules_still_loads_and_tags_as_before(suggester):
    """Until issue 23's thirteenth round the tagger's tok2vec was the pipeline's alone:
    a corpus's stored tagger of that config still loads, reads nothing of the rules and
    tags each paragraph as it did (before the rules read it, as it did)."""
    from core.model import Article
    from tests.training_data import article

    nlp = suggester.nlp
    old = _tiny(nlp, reads_rules=False)
    read = tagger.load(nlp, old.name, old.config(), old.to_bytes(), 0.5)
    assert not read.reads_rules and not old.reads_rules
    assert not read.component.model.get_ref("tok2vec").layers[0].has_ref("words")
    text = article(7)[0]
    parsed = [nlp(doc_of(nlp.tokenizer, t)) for _, t in paragraphs_of(text)]

    def ents(t):
        return [
            [(e.start, e.end, e.label_) for e in d.ents] for d in t.pipe(x.copy() for x in parsed)
        ]

    assert ents(read) == ents(old) and any(ents(read))
    assert read.to_bytes() == old.to_bytes()
    # in the suggestions, each paragraph as it was tagged (what the rules found unread)
    (with_it,) = suggester.found_many([Article(text=text)], tagger=read)
    (rules,) = suggester.found_many([Article(text=text)])
    paras = []
    for k, (start, _) in enumerate(paragraphs_of(text)):
        paras.append(Paragraph(start, parsed[k].copy()))
        ArticleRules(Registry()).add(k, paras[-1])
    spans = [tagger.spans_of(d) for d in read.pipe(x.copy() for x in parsed)]
    model = [a for p, s in zip(paras, spans, strict=True) for a in read.paragraph(p, text, None, s)]
    assert model and with_it == tagger.union(read.named(model, rules, Registry()), rules)


def paragraphs_of(text):
    from core.model import Article
    from core.suggest.paragraphs import paragraphs

    return paragraphs(Article(text=text))


def test_a_tagger_reads_what_the_rules_suggest_in_training_and_in_suggestions(
    suggester, monkeypatch
):
    """Since issue 23's thirteenth round the tagger reads, beside the words, what the
    rules suggest of each token (:func:`tagger.read_rules`): what they find changes what
    it makes of a paragraph, and in suggestions each paragraph is tagged with what the
    rules found in its article (its tokens as parsed, before the rules mend its names)."""
    import numpy

    from core.model import Article
    from tests.training_data import article

    nlp = suggester.nlp
    tg = _tiny(nlp, reads_rules=True)
    assert tg.reads_rules and tg.settings["model"]["tok2vec"]["@architectures"] == tagger.RULES_T2V
    read = tagger.load(nlp, tg.name, tg.config(), tg.to_bytes(), 0.5)
    assert read.reads_rules and read.to_bytes() == tg.to_bytes()
    text = article(7)[0]
    (rules,) = suggester.found_many([Article(text=text)])
    assert rules
    doc = doc_of(nlp.tokenizer, paragraphs_of(text)[-1][1])
    t2v = read.component.model.get_ref("tok2vec")
    bare = t2v.predict([tagger._bare(doc)])
    tagger.read_rules(doc, paragraphs_of(text)[-1][0], rules)
    assert tagger._rules_read(doc).any()
    seen = t2v.predict([tagger._bare(doc)])
    width = read.component.model.get_ref("lower").get_dim("nI")
    assert bare.shape == seen.shape == (len(doc), width)
    assert not numpy.allclose(bare, seen)  # (the words' part alike, the rules' not)
    # in the suggestions: each paragraph tagged with what the rules found in the article
    kept = tagger._rules_read
    read_by_it: list[tuple[str, list[list[int]]]] = []

    def reading(d):
        got = kept(d)
        read_by_it.append((d.text, got.tolist()))
        return got

    monkeypatch.setattr(tagger, "_rules_read", reading)
    (with_it,) = suggester.found_many([Article(text=text)], tagger=read)
    expected = []
    for start, para in paragraphs_of(text):
        d = doc_of(nlp.tokenizer, para)
        tagger.read_rules(d, start, rules)
        expected.append((para, kept(d).tolist()))
    assert read_by_it == expected
    assert any(a.made_by.source == read.name for a in with_it)
    # the paragraphs of several articles wait for a batch: each as suggested alone
    arts = [Article(text=article(n)[0] + "Ann Lee said it works.\n") for n in range(7, 12)]
    alone = [x for a in arts for x in suggester.found_many([a], tagger=read)]
    for size in (2, 5, 64):
        got = list(suggester.found_many(arts, batch_size=size, tagger=read))
        assert got == alone and any(a.made_by.source == read.name for x in got for a in x)
