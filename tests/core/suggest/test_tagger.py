"""The tagger's linker and its batches (docs/adr/0041), on paragraphs the real pipeline
parses, with the tagger's spans set by hand."""

from core.model import QuoteType
from core.suggest import tagger
from core.suggest.tagger import CUE, QUOTE, SPEAKER, link
from core.tokens import doc_of
from tests.review_data import sp

TEXT = (
    "Headline\n"
    "Smith argued that taxes must fall. The mayor, however, thinks the plan is late. "
    '"It works," Jones told reporters. Prices rose in May.\n'
)
START = TEXT.index("Smith")


def tagged(suggester, spans: list[tuple[str, str]]):
    """The paragraph parsed, with ``spans`` (text, label) as the tagger's."""
    nlp = suggester.nlp
    text = TEXT[START:].rstrip("\n")
    doc = nlp(doc_of(nlp.tokenizer, text))
    doc.ents = [doc.char_span(text.index(t), text.index(t) + len(t), label=lab) for t, lab in spans]
    return doc


def test_each_quote_takes_the_nearest_cue_and_the_speaker_nearest_it(suggester):
    doc = tagged(
        suggester,
        [
            ("Smith", SPEAKER),
            ("argued", CUE),
            ("taxes must fall", QUOTE),
            ("It works,", QUOTE),
            ("Jones", SPEAKER),
            ("told", CUE),
        ],
    )
    got = link(doc, START, TEXT)
    assert [(a.quote, a.cue, a.speaker, a.speaker_name, a.type) for a in got] == [
        (sp(TEXT, "taxes must fall"), sp(TEXT, "argued"), sp(TEXT, "Smith"), "Smith",
         QuoteType.INDIRECT),
        (sp(TEXT, "It works,"), sp(TEXT, "told"), sp(TEXT, "Jones"), "Jones", QuoteType.DIRECT),
    ]  # fmt: skip


def test_a_quote_with_no_cue_or_no_speaker_near_it_is_left_out(suggester):
    doc = tagged(
        suggester,
        [
            ("taxes must fall", QUOTE),  # the cue of the next sentence, no speaker
            ("thinks", CUE),
            ("the plan is late", QUOTE),  # a cue, no speaker
            ("Prices rose in May", QUOTE),  # no cue in its sentence or beside it
        ],
    )
    assert link(doc, START, TEXT) == []
    with_speaker = tagged(
        suggester, [("taxes must fall", QUOTE), ("The mayor", SPEAKER), ("thinks", CUE)]
    )
    # the cue of the next sentence, and the speaker nearest that cue
    (a,) = link(with_speaker, START, TEXT)
    assert (a.quote, a.cue, a.speaker) == (
        sp(TEXT, "taxes must fall"),
        sp(TEXT, "thinks"),
        sp(TEXT, "The mayor"),
    )


def test_batches_are_counted_by_words_growing_as_spacy_train_makes_them(monkeypatch):
    monkeypatch.setattr(tagger, "BATCH_WORDS", (100.0, 300.0, 2.0))
    # 100, 200, then 300 a batch
    assert tagger._updates(100) == 1
    assert tagger._updates(301) == 3
    assert tagger._updates(300 + 300 * 3) == 5
