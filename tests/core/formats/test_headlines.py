"""What stands before the body of a plain-text article: the headline (also one with a
quote or a verb of saying, in sentence case, longer than a title-case one), and what
stands under it (a standfirst, a caption, a source line), each its own made-up text.
Nothing there is suggested (issue 20, item 9); a real first paragraph stays body."""

import pytest

from core.formats.text import parse_text


def _head(text):
    """The article's title and what of its text is no body."""
    art = parse_text(text, "story.txt")
    return art.title, [art.text[sp.start : sp.end] for sp in art.non_body]


def _quotes(suggester, text):
    art = parse_text(text, "story.txt")
    return [art.text[a.quote.start : a.quote.end] for a in suggester.suggest(art)]


SAYS = "Dana Reyes said she would sign the treaty in spring, Northland official says"
QUOTED = 'Ortan says Vessia "willing" to resume the talks it left in March after a border row'
WIRE = "Acme says it does not know the reason for the rise in its share price this week"


@pytest.mark.parametrize(
    ("headline", "after"),
    [
        (SAYS, "March 5 (Wire) -- Northland's foreign minister said the talks went well."),
        (QUOTED, "(Wire) - Ortan's envoy said on Monday that Vessia was ready to talk."),
        (WIRE, "Acme Corp said on Monday it was unaware of any reason for the rise."),
    ],
)
def test_a_headline_in_sentence_case_longer_than_twelve_words_is_the_title(
    suggester, headline, after
):
    """13 to 17 words, mostly lower case, with a verb of saying or words in marks: no
    title before, so the suggester suggested a quote in each."""
    text = f"{headline}\n\n{after}\n\nThe talks resume on Friday, the spokesman said."
    assert len(headline.split()) > 12
    assert _head(text) == (headline, [headline])
    assert all(q not in headline for q in _quotes(suggester, text))


def test_a_headline_that_is_a_pull_quote_is_the_title_even_with_a_full_stop(suggester):
    """A headline that quotes the body ends as a sentence does; its words said come
    again in the body, which a first paragraph's never do."""
    said = "While we advanced several key plans this quarter, our results did not meet our goals,"
    headline = f"'{said}' CEO says."
    text = (
        f"{headline}\n\nAcme Inc cut its sales outlook on Thursday.\n\n"
        f'"{said}" Chief Executive Ann Lee said in a statement.'
    )
    assert _head(text) == (headline, [headline])
    assert _quotes(suggester, text) == [said]  # the body's quote only


def test_a_first_paragraph_stays_body():
    # a lede with a quote, ending with a full stop; its words are not said again
    lede = "'We will not back down on the budget,' the mayor told the council on Tuesday."
    assert _head(f"{lede}\n\nThe vote is on Friday.") == ("story", [])
    # a full stop inside closing marks ends a sentence too (this one was a title)
    quote = 'The mayor said: "We will win."'
    assert _head(f"{quote}\n\nThe vote is on Friday.") == ("story", [])
    # hard-wrapped: the next line goes on with the first line's sentence
    assert _head("The mayor opened the new bridge\non Monday, officials said.\n") == ("story", [])
    # a long line without a full stop that is no paragraph of its own (no blank line)
    wrapped = "The city council voted six to three on Tuesday night to add protected bike lanes"
    assert _head(f"{wrapped}\nOn Main Street, ending a long debate.\n") == ("story", [])


def test_what_stands_under_the_headline_is_no_body():
    """A standfirst, a source line, an author-and-time line and a caption under the
    headline end no sentence; the first paragraph that does begins the body."""
    stand = "Researchers said the animal would have hunted large prey"
    text = (
        "Ancient predator identified\n\n"
        f"{stand}\n\n"
        "UNIVERSITY OF NORTHLAND\n\n"
        "Remains found a century ago belong to a new species, researchers said.\n\n"
        "They said it was related to crocodiles."
    )
    title, non_body = _head(text)
    assert title == "Ancient predator identified"
    assert non_body == [f"Ancient predator identified\n\n{stand}\n\nUNIVERSITY OF NORTHLAND"]
    # an outlet that leaves out final full stops: a long paragraph is body all the same
    body = (
        "Inspector General of Police Ann Lee on Monday said that as per directions of the "
        "minister the investigation has been intensified with help of modern technology "
        "to arrest all the accused involved"
    )
    text = (
        f"Eight more accused arrested\n\nJo Ma Mon 06th December 2021 | 09:46 PM\n\n{body}\n\nMore."
    )
    assert _head(text)[1] == [
        "Eight more accused arrested\n\nJo Ma Mon 06th December 2021 | 09:46 PM"
    ]


def test_a_caption_ending_in_its_photo_credit_is_no_body_and_no_title():
    caption = "Trooper Ann Lee walks on the bridge over the river in Wimberly, Texas. REUTERS/Jo Ma"
    photo = "Minister Ann Lee in conversation with reporters. (Photo/ANI)"
    text = (
        f"{photo}\n\n"
        "New Delhi, July 20: The minister said the session was sad.\n\n"
        f"{caption}\n\n"
        "The police said the road would stay closed."
    )
    assert _head(text) == ("story", [photo, caption])
