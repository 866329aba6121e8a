"""No sentence starts after a title's or a place's full stop (core/suggest/sentences.py,
docs/adr/0048): the pipeline's parse, its tokens and what the rules find in it."""

from spacy.tokens import Doc

from core.suggest import sentences as sentences_step
from core.tokens import tokenize
from tests.core.suggest.test_suggest import suggest as suggest_all


def sentences(suggester, text):
    return [s.text for s in suggester.nlp(text).sents]


def suggest(suggester, text):
    """Each suggestion's quote, speaker name and type."""
    return [(q, name, kind) for q, _, name, _, kind in suggest_all(suggester, text)]


def test_a_clause_after_according_to_a_title_and_a_name_is_the_name_s(suggester):
    text = "According to Sgt. Jo Roe, the driver fled north on foot before dawn."
    assert suggest(suggester, text) == [
        ("the driver fled north on foot before dawn.", "Jo Roe", "indirect")
    ]


def test_words_in_marks_after_according_to_a_title_and_a_name_are_the_name_s(suggester):
    text = "According to Sgt. Jo Roe, \u201cthe driver fled north on foot before dawn.\u201d"
    assert suggest(suggester, text) == [
        ("the driver fled north on foot before dawn.", "Jo Roe", "direct")
    ]


def test_a_place_with_an_abbreviation_stays_in_its_reported_clause(suggester):
    text = "The mayor said the bridge to Sault Ste. Marie would close for a month in spring."
    assert suggest(suggester, text) == [
        (
            "the bridge to Sault Ste. Marie would close for a month in spring.",
            "The mayor",
            "indirect",
        )
    ]


def test_titles_ranks_places_dates_and_numbers_end_no_sentence(suggester):
    text = (
        "Lt. Col. Ann Bay met Gov. Ron Hale, Insp. Jo Ng and Dr. He Jiankui on Jan. 5 at "
        "No. 10 in St. Louis, near Mt. Hood and Ft. Worth."
    )
    assert sentences(suggester, text) == [text]


def marked(suggester, text):
    """The words the step before the parser marks as no sentence start."""
    doc = sentences_step.mark(suggester.nlp.make_doc(text))
    return [t.text for t in doc if t.is_sent_start is False]


def test_a_word_that_plainly_opens_a_sentence_still_opens_one(suggester):
    text = "She lives on Main St. He moved in Jan. The rent rose. They called Dr. The door shut."
    assert marked(suggester, text) == []
    assert sentences(suggester, "She lives on Main St. He moved there in Jan. The rent rose.") == [
        "She lives on Main St.",
        "He moved there in Jan.",
        "The rent rose.",
    ]


def test_a_name_a_number_or_a_place_goes_on_after_the_stop(suggester):
    text = "Capt. Al Ho met Mr. He on Sept. 4 at No. 9, St. Ives. Then Ste. Foy. No. Not one."
    assert marked(suggester, text) == ["Al", "He", "4", "9", "Ives", "Foy"]


def test_only_the_sentence_bounds_change_never_the_tokens(suggester):
    text = "According to Sgt. Jo Roe and Sault Ste. Marie's Dr. Al Wu, it rained on Oct. 3."
    doc = suggester.nlp(text)
    assert [(t.idx, t.idx + len(t.text)) for t in doc if not t.is_space] == tokenize(text)
    assert [t.text for t in doc] == [t.text for t in suggester.nlp.make_doc(text)]


def test_a_sentence_the_parser_starts_after_a_title_all_the_same_joins_the_one_before(
    suggester,
):
    vocab = suggester.nlp.vocab
    words = "Gov. Ron Hale , Insp . Jo Ng and Dr. He Jiankui met .".split()
    spaces = [w not in ("Hale", "Insp", "met", ".") for w in words]
    spaces[5] = True
    marked = sentences_step.mark(Doc(vocab, words=words, spaces=spaces))
    assert [t.text for t in marked][4:6] == ["Insp.", "Jo"]
    assert marked[5].is_sent_start is False
    # what the parser makes of it when it leaves "met" without a head at the end: a
    # sentence "Gov. Ron Hale, Insp." (root "Hale") and one from "Jo" (root "met")
    heads = [2, 2, 2, 2, 2, 6, 11, 6, 10, 10, 6, 11, 11]
    deps = ["compound", "compound", "ROOT", "punct", "appos", "compound", "nsubj", "cc"]
    deps += ["compound", "compound", "conj", "ROOT", "punct"]
    doc = Doc(
        vocab,
        words=[t.text for t in marked],
        spaces=[bool(t.whitespace_) for t in marked],
        heads=heads,
        deps=deps,
        user_data=marked.user_data,
    )
    assert doc[5].is_sent_start
    sentences_step.join(doc)
    assert [t.text for t in doc] == words
    assert [s.text for s in doc.sents] == [doc.text]
    assert [(t.text, t.head.text, t.dep_) for t in doc[4:6]] == [
        ("Insp", "Hale", "appos"),
        (".", "Insp", "punct"),
    ]
    assert (doc[12].head.text, doc[12].dep_) == ("Hale", "dep")


def test_a_short_bracket_that_glosses_a_name_ends_no_sentence(suggester):
    text = "Jo Roe said Prime Minister (PM) Ana Ruiz will chair the Port Board (PB) Tuesday talks."
    assert marked(suggester, text) == ["Ana", "Tuesday"]
    assert sentences(suggester, text) == [text]


def test_a_dateline_s_bracket_or_a_plain_opener_after_a_bracket_goes_on_as_before(suggester):
    text = (
        "LONDON (AP) Prices rose. The pier shut in May (see map) The town grew. Rain fell "
        "on Leeds (UK) and it flooded."
    )
    assert marked(suggester, text) == []


def test_a_days_abbreviation_before_a_date_ends_no_sentence(suggester):
    text = "The release says the mayor got a call at 4:26 pm, on Sat. July 25th from a stranger."
    assert suggest(suggester, text) == [
        (
            "the mayor got a call at 4:26 pm, on Sat. July 25th from a stranger.",
            "The release",
            "indirect",
        )
    ]
    assert len(sentences(suggester, "The boys sat. July was hot.")) == 2
