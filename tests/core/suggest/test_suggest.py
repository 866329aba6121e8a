"""The suggester, pattern by pattern, each with its own sentences; then whole articles
through ``main.py suggest`` and QuoteLab's own scorer (core/measure/evaluate.py)."""

import subprocess
import sys

import pytest

from core.formats.imported import content_hash
from core.formats.text import parse_text
from core.measure.evaluate import Score, evaluate_files
from core.model import Article
from tests.conftest import DATA, SAMPLE, SAMPLE_GOLD


def suggest(suggester, text):
    art = Article(text=text, content_hash=content_hash(text))
    out = []
    for a in suggester.suggest(art):

        def t(sp):
            return text[sp.start : sp.end] if sp else None

        out.append((t(a.quote), t(a.speaker), a.speaker_name, t(a.cue), a.type.value))
    return out


def said(suggester, text):
    """Each suggestion's quote, speaker name and cue (:func:`suggest` without the
    mention and the type)."""
    return [(q, name, cue) for q, _, name, cue, _ in suggest(suggester, text)]


CASES = {
    "indirect before, X announced at the sentence's end": (
        "Norland has found a large gas field in the Kara Sea, marking a rare find in the "
        "region, state-owned energy group Norgas announced on Monday.",
        [
            (
                "Norland has found a large gas field in the Kara Sea, marking a rare find in "
                "the region",
                "state-owned energy group Norgas",
                "Norgas",
                "announced",
                "indirect",
            )
        ],
    ),
    "after, X said": (
        '"The bridge will reopen in May," Mayor Ana Ruiz said.',
        [("The bridge will reopen in May,", "Mayor Ana Ruiz", "Ana Ruiz", "said", "direct")],
    ),
    "after, said X with appositive": (
        "\u201cWe are not worried,\u201d said Tom Hardy, a spokesman for the airline.",
        [("We are not worried,", "Tom Hardy", "Tom Hardy", "said", "direct")],
    ),
    "before, X said colon": (
        'Coach Lisa Grant said: "We played with heart tonight."',
        [("We played with heart tonight.", "Coach Lisa Grant", "Lisa Grant", "said", "direct")],
    ),
    "a short follow-on sentence": (
        '"This is the worst one," said Bob Klein. "By far."',
        [
            ("This is the worst one,", "Bob Klein", "Bob Klein", "said", "direct"),
            ("By far.", "Bob Klein", "Bob Klein", "said", "direct"),
        ],
    ),
    "interrupted quote, one speaker": (
        'Officer Ben Cole arrived first. "It was chaos," he said, "and nobody knew where to go."',
        [
            ("It was chaos,", "he", "Ben Cole", "said", "direct"),
            ("and nobody knew where to go.", "he", "Ben Cole", "said", "direct"),
        ],
    ),
    "speaker with long appositive": (
        "Rita Moreno, a senior economist at the Lake Institute in Chicago, said prices would "
        "keep rising.",
        [("prices would keep rising.", "Rita Moreno", "Rita Moreno", "said", "indirect")],
    ),
    "told an outlet": (
        '"Nobody called us," Jorge Pena told the Daily Herald.',
        [("Nobody called us,", "Jorge Pena", "Jorge Pena", "told", "direct")],
    ),
    "according to, before": (
        "According to the fire department, the blaze started in a kitchen.",
        [
            (
                "the blaze started in a kitchen.",
                "the fire department",
                "the fire department",
                "According to",
                "indirect",
            )
        ],
    ),
    "according to, after": (
        "The plant will close in June, according to union leaders.",
        [
            (
                "The plant will close in June",
                "union leaders",
                "union leaders",
                "according to",
                "indirect",
            )
        ],
    ),
    "police said at the end": (
        "Two men were arrested after the robbery on Friday, police said.",
        [
            (
                "Two men were arrested after the robbery on Friday",
                "police",
                "police",
                "said",
                "indirect",
            )
        ],
    ),
    "indirect with that": (
        "Senator Maya Lin argued that the law was unfair to renters.",
        [("the law was unfair to renters.", "Senator Maya Lin", "Maya Lin", "argued", "indirect")],
    ),
    "mixed quote": (
        'Health officials warned the outbreak was "far from over" in the region.',
        [("far from over", "Health officials", "Health officials", "warned", "mixed")],
    ),
    "said to be is no quote": (
        "The painting is said to be worth millions. He said nothing.",
        [],
    ),
    "scare quotes and titles are no quotes": (
        'The so-called "reform" stalled. She watched "Casablanca" twice.',
        [],
    ),
    "pronoun resolves to the latest subject": (
        "Paul Adams runs the shelter. Jane Ford visited it on Monday.\n\n"
        '"The dogs need homes," she said.',
        [("The dogs need homes,", "she", "Jane Ford", "said", "direct")],
    ),
    "surname resolves to full name": (
        "Carla Diaz, the city's treasurer, presented the budget.\n\n"
        '"We cut spending by four percent," Diaz said.',
        [("We cut spending by four percent,", "Diaz", "Carla Diaz", "said", "direct")],
    ),
    "follow-on paragraph continues the speaker": (
        '"I have lived here for forty years," said farmer Ed Kowalski.\n\n'
        '"The river has never been this low."',
        [
            (
                "I have lived here for forty years,",
                "farmer Ed Kowalski",
                "Ed Kowalski",
                "said",
                "direct",
            ),
            (
                "The river has never been this low.",
                "farmer Ed Kowalski",
                "Ed Kowalski",
                "said",
                "direct",
            ),
        ],
    ),
    "multi-paragraph quote: one per paragraph, same speaker": (
        'Nurse Amy Lowe described the night. "We had forty patients and six beds.\n\n'
        '"Some waited in the hallway for hours," Lowe said.',
        [
            ("We had forty patients and six beds.", "Lowe", "Amy Lowe", "said", "direct"),
            ("Some waited in the hallway for hours,", "Lowe", "Amy Lowe", "said", "direct"),
        ],
    ),
    "single quotes, British style": (
        "\u2018It\u2019s a huge result for us,\u2019 said manager Sean Dyer.",
        [("It\u2019s a huge result for us,", "manager Sean Dyer", "Sean Dyer", "said", "direct")],
    ),
    "guillemets": (
        "\u00abWe will rebuild the school,\u00bb Mayor Ivo Petrov said.",
        [("We will rebuild the school,", "Mayor Ivo Petrov", "Ivo Petrov", "said", "direct")],
    ),
    "nested single quotes stay inside": (
        "\"He told me 'never again' and left,\" said Dana White.",
        [("He told me 'never again' and left,", "Dana White", "Dana White", "said", "direct")],
    ),
    "titles and nicknames in marks are no quotes": (
        'Dwayne "The Rock" Johnson said he loved "The Last of Us" and would watch it again.',
        [
            (
                'he loved "The Last of Us" and would watch it again.',
                'Dwayne "The Rock" Johnson',
                "Johnson",
                "said",
                "indirect",
            )
        ],
    ),
    "a weekday after the cue is no speaker": (
        "The agency said Monday that the dam was safe.",
        [("the dam was safe.", "The agency", "The agency", "said", "indirect")],
    ),
    "the job word names the person introduced with it": (
        'Governor Lena Holt toured the site.\n\n"We will rebuild every home," the governor said.',
        [("We will rebuild every home,", "the governor", "Lena Holt", "said", "direct")],
    ),
    "adding that, after a direct quote": (
        '"We lost," coach Ben Ames said, before adding that the team would recover.',
        [
            ("We lost,", "coach Ben Ames", "Ben Ames", "said", "direct"),
            ("the team would recover.", "coach Ben Ames", "Ben Ames", "adding", "indirect"),
        ],
    ),
    "a job word before a name at the start of a sentence is no part of the name": (
        'Organizer Dave Pruitt said: "We never thought it would take this long."',
        [
            (
                "We never thought it would take this long.",
                "Organizer Dave Pruitt",
                "Dave Pruitt",
                "said",
                "direct",
            )
        ],
    ),
    "a dash signature": (
        "\u201cWe will reopen the pool by June.\u201d \u2014 Mayor Rosa Linn",
        [("We will reopen the pool by June.", "Mayor Rosa Linn", "Rosa Linn", None, "direct")],
    ),
    "participle cue": (
        'The minister defended the plan, insisting it would not "harm the economy".',
        [("harm the economy", "The minister", "The minister", "insisting", "mixed")],
    ),
    "an adverb between the cue and its that is how it was said": (
        "Officials said earlier that three bridges were closed. The mayor declined to "
        "comment, saying only that the road would reopen soon. Police said earlier that "
        "two officers were hurt by the driver when they arrived at the scene.",
        [
            ("three bridges were closed.", "Officials", "Officials", "said", "indirect"),
            ("the road would reopen soon.", "The mayor", "The mayor", "saying", "indirect"),
            (
                "two officers were hurt by the driver when they arrived at the scene.",
                "Police",
                "Police",
                "said",
                "indirect",
            ),
        ],
    ),
    "a verb of saying after but goes on with the speaker, not the reported clause": (
        'Coach Ann Lee said her team deserved to lose but added, "We will be back." '
        "Firefighters said they put out the blaze but did not confirm its cause.",
        [
            ("her team deserved to lose", "Coach Ann Lee", "Ann Lee", "said", "indirect"),
            ("We will be back.", "Coach Ann Lee", "Ann Lee", "added", "direct"),
            ("they put out the blaze", "Firefighters", "Firefighters", "said", "indirect"),
        ],
    ),
    "a long phrase of where a described source is from is in its mention": (
        "Engineers from the three northern member states of the Norland Water Board said "
        "the dam was safe.",
        [
            (
                "the dam was safe.",
                "Engineers from the three northern member states of the Norland Water Board",
                "Engineers from the three northern member states of the Norland Water Board",
                "said",
                "indirect",
            )
        ],
    ),
    "a document that says, in a phrase of a name's verb, has that name": (
        "The Norland Coast Guard confirmed the rescue in a tweet that said "
        "\u201cAll six sailors are safe,\u201d while its chief thanked the crews. Ann Lee "
        "rejected the latest report of the Norland Audit Office that said the dam was unsafe.",
        [
            ("All six sailors are safe,", "a tweet", "Norland Coast Guard", "said", "direct"),
            (
                "the dam was unsafe.",
                "the latest report of the Norland Audit Office",
                "Norland Audit Office",
                "said",
                "indirect",
            ),
        ],
    ),
    "marks right after the cue hold all it said: a direct quote, whatever its case": (
        'Analyst Jo Park of Norbank said "nobody saw this coming". '
        'The mayor said "no" to the plan on Monday.',
        [
            ("nobody saw this coming", "Analyst Jo Park of Norbank", "Jo Park", "said", "direct"),
            ("no", "The mayor", "The mayor", "said", "mixed"),
        ],
    ),
    "a cue after what a market figure did is the company's that the clause names": (
        "Norbank shares fell 15 percent after it reported weak results and said sales "
        "would be below estimates.",
        [("sales would be below estimates.", "it", "Norbank", "said", "indirect")],
    ),
    "a person's sentence a colon ends introduces the quote after it": (
        "Norbank chief Ann Lee met analysts. Overall, Lee sounded upbeat: "
        '"We did well this year and we will grow."\n\nThe rules are clear: "No entry after '
        'dark for anyone."',
        [
            (
                "We did well this year and we will grow.",
                "Lee",
                "Ann Lee",
                "sounded upbeat",
                "direct",
            )
        ],
    ),
    "a subject after a preposition the parse took for a conjunction is no speaker": (
        "Ann Lee after her team's loss to Norland insisted her players had reached their goal.",
        [("her players had reached their goal.", "Ann Lee", "Ann Lee", "insisted", "indirect")],
    ),
    "apostrophes are not marks": (
        "Trump's aide said we're in the '90s again, and rock 'n' roll is back.",
        [
            (
                "we're in the '90s again, and rock 'n' roll is back.",
                "Trump's aide",
                "Trump's aide",
                "said",
                "indirect",
            )
        ],
    ),
}


@pytest.mark.parametrize("name", list(CASES))
def test_pattern(suggester, name):
    text, expected = CASES[name]
    assert suggest(suggester, text) == expected


@pytest.mark.parametrize(
    ("text", "quotes"),
    [
        ('Smith said"We will win,"she added.', ["We will win,"]),  # spaces lost around marks
        ('a 12" pipe and "a quote" here', ["a quote"]),
        ('"A," he said. "B ‘nested’ c."', ["A,", "B ‘nested’ c."]),
        ("Trump's aide said we're in the '90s and ‘truly’ back", ["truly"]),
        ("„German“ and «French» marks", ["German", "French"]),
        ("‘We will win the cup.", ["We will win the cup."]),  # a quote run on to the next
        ("“It is her job.“", ["It is her job."]),  # an opening mark written to close
        ("“Five lost their lives, “ he added.", ["Five lost their lives,"]),  # so, spaced
        ("Lund rejected Berg’s “smear“ as “false.“", ["smear", "false."]),
        ("the ‘hardest week of the year", []),  # a single mark left open elsewhere: none
        ("”Even if we wanted to,“ she said.", ["Even if we wanted to,"]),  # a closing one to open
        ("”If they come, we help,” she said.", ["If they come, we help,"]),
        ("the safety of citizens ”.", []),  # a closing mark with its space opens nothing
        (  # a name in marks inside the quote its paragraph opens
            "“He is a member of Apache Tiger (known as “Two-two”) confraternity,” he said.",
            ["He is a member of Apache Tiger (known as “Two-two”) confraternity,"],
        ),
        (
            "“He is a member (known as “Two-two”) of the gang",
            ["He is a member (known as “Two-two”) of the gang"],
        ),
    ],
)
def test_mark_pairing(text, quotes):
    from core.suggest.marks import find_quotes

    assert [text[q.start : q.end] for q in find_quotes(text)] == quotes


def test_unclosed_mark_does_not_swallow_the_article(suggester):
    text = (
        'Ron Baker said "we will appeal the ruling.\n\n'
        '"It is unfair," said Kim Ode.\n\n'
        "The court will meet again in March, officials said."
    )
    got = suggest(suggester, text)
    quotes = [g[0] for g in got]
    assert "It is unfair," in quotes
    assert not any("\n" in q for q in quotes)
    assert (
        "The court will meet again in March",
        "officials",
        "officials",
        "said",
        "indirect",
    ) in got


def test_single_marks_open_each_paragraph_of_a_quote_and_close_the_last(suggester):
    text = (
        "In a joint statement, the two councils said the outlook was good and added:\n\n"
        "‘There is no deficit this year.\n\n"
        "‘The ferry is trading in profit.’\n\n"
        "The mayor thanked them."
    )
    got = said(suggester, text)
    assert got == [
        ("the outlook was good", "the two councils", "said"),
        ("There is no deficit this year.", "the two councils", "added"),
        ("The ferry is trading in profit.", "the two councils", "added"),
    ]


def test_a_name_and_its_job_between_commas_before_a_reporting_verb_is_its_subject(suggester):
    text = (
        "The court fined Roe, who was drunk, and also punished three others, Ana Vell, the "
        "court's spokeswoman, told BNS."
    )
    got = said(suggester, text)
    assert got == [
        (
            "The court fined Roe, who was drunk, and also punished three others",
            "Ana Vell",
            "told",
        )
    ]


def test_a_verb_of_saying_by_doing_something_after_a_quote_is_no_frame_of_it(suggester):
    text = (
        "Minister Ivo Berg said police and soldiers helped remove the barriers. "
        '"The ministries have been retaken," he said. "Civil servants can return to work as '
        'normal." Ada Lund responded on Friday by calling for a march.'
    )
    got = [(q, name) for q, _, name, _, _ in suggest(suggester, text)]
    assert got == [
        ("police and soldiers helped remove the barriers.", "Ivo Berg"),
        ("The ministries have been retaken,", "Ivo Berg"),
        ("Civil servants can return to work as normal.", "Ivo Berg"),
    ]


def test_a_past_verb_of_saying_the_parse_joins_to_an_infinitive_is_the_main_verb_s(suggester):
    text = (
        "Ivo Berg also called on leaders to meet with him and claimed lower ranking officers "
        "were on his side."
    )
    got = said(suggester, text)
    assert got == [("lower ranking officers were on his side.", "Ivo Berg", "claimed")]


def test_a_verb_of_saying_joined_to_one_in_the_passive_is_the_active_conjunct_s(suggester):
    text = (
        "Norland Cricket Board CEO Ivo Berg said the players were spirited.\n\n"
        "However, Women were completely banned from taking part in the game when the rebels "
        "governed Norland last time and Berg refused to comment on the status of women's "
        "cricket at the moment but said they will participate in every scheduled assignment."
    )
    got = said(suggester, text)
    assert got[1:] == [("they will participate in every scheduled assignment.", "Ivo Berg", "said")]


def test_a_saying_after_while_with_no_comma_ends_the_reported_clause(suggester):
    text = (
        "The commissioner said the city police would remain alert to keep the city safe "
        "while urging the public to take maximum precaution."
    )
    got = [q for q, _, _, _, _ in suggest(suggester, text)]
    assert got == ["the city police would remain alert to keep the city safe"]


def test_nothing_suggested_outside_the_body(suggester):
    art = parse_text(SAMPLE.read_text(encoding="utf-8"), SAMPLE.name)
    for a in suggester.suggest(art):
        assert not any(a.quote.overlaps(nb) for nb in art.non_body)
    headline = art.text[art.non_body[0].start : art.non_body[0].end]
    assert "'Real Concessions'" in headline  # a quote there is never suggested


def test_a_bulleted_caption_line_is_no_body(suggester):
    text = (
        "Plant to Close\n\nBy Jo Ma\n\nMay 2, 2025\n\n"
        '"We will fight this," union leader Tom Hale said on Monday.\n\n'
        '\u2022 Workers outside the plant. "Save our jobs, all of them," the banner said. '
        "Photograph: Ann Lee/Reuters\n\n"
        '- Image: the plant in 2019, when Acme said it was "here to stay for good"\n\n'
        "\u2022 The council said it would meet again on Friday."
    )
    art = parse_text(text, "plant.txt")
    captions = [art.text[sp.start : sp.end] for sp in art.non_body][1:]
    assert [c[:9] for c in captions] == ["\u2022 Workers", "- Image: "]
    quotes = [art.text[a.quote.start : a.quote.end] for a in suggester.suggest(art)]
    assert quotes == ["We will fight this,", "it would meet again on Friday."]


def _score(tmp_path, paths, golds) -> Score:
    out = subprocess.run(
        [sys.executable, "main.py", "suggest", *map(str, paths)],
        capture_output=True,
        text=True,
        check=True,
        cwd=SAMPLE.parent.parent,
    )
    pred = tmp_path / "pred.jsonl"
    pred.write_text(out.stdout, encoding="utf-8")
    result = evaluate_files(golds, pred)
    assert result.warnings == []  # every gold article and quote was found
    return result.score


@pytest.mark.slow
def test_sample_scores_through_the_scorer(tmp_path):
    score = _score(tmp_path, [SAMPLE], [SAMPLE_GOLD])
    assert score.overall.attribution_f1 >= 0.90
    assert score.overall.f1 >= 0.95


@pytest.mark.slow
def test_own_articles_score_well(tmp_path):
    texts = sorted((DATA / "articles").glob("*.txt"))
    golds = [t.with_suffix(".gold.json") for t in texts]
    score = _score(tmp_path, texts, golds)
    assert score.articles == len(texts) >= 6
    assert score.overall.attribution_f1 >= 0.90
    assert score.overall.f1 >= 0.90


@pytest.mark.slow
def test_the_pipeline_is_loaded_with_its_own_tokenizer(suggester):
    """The suggester reads the stored tokenizer into a bare one (core.suggest._load_pipeline):
    it must be the tokenizer ``spacy.load`` gives, rules, patterns and special cases alike,
    and it must split as that one does."""
    import spacy

    from core.config import DEFAULT_MODEL

    plain = spacy.load(DEFAULT_MODEL, exclude=["ner"])
    own, stored = suggester.nlp.tokenizer, plain.tokenizer
    assert own.to_bytes(exclude=["vocab"]) == stored.to_bytes(exclude=["vocab"])
    assert len(own.rules) > 1000  # not the bare one it was built as
    text = SAMPLE.read_text(encoding="utf-8")
    assert [t.text for t in own(text)] == [t.text for t in stored(text)]


def test_quoted_as_saying_is_one_cue_and_its_passive_subject_the_speaker(suggester):
    found = suggest(
        suggester,
        'The minister arrived late. "It shows his goodwill," Jo Roe was quoted as saying.\n\n'
        "Ann Lee was quoted as saying that the talks had failed.",
    )
    assert [(sp, cue, kind) for _, sp, _, cue, kind in found] == [
        ("Jo Roe", "quoted as saying", "direct"),
        ("Ann Lee", "quoted as saying", "indirect"),
    ]


def test_whom_a_source_quoted_as_saying_is_the_speaker(suggester):
    found = suggest(
        suggester,
        "Norlandic media quoted the police spokesman, Major Ivo Berg, as saying that a man "
        "was arrested.\n\n"
        "He quoted Mohamed Sheikh, an eyewitness, as saying that “the forces burned the "
        "houses in the district.”",
    )
    assert [(sp, name, cue) for _, sp, name, cue, _ in found] == [
        ("Major Ivo Berg", "Ivo Berg", "as saying"),
        ("Mohamed Sheikh", "Mohamed Sheikh", "as saying"),
    ]


def test_a_day_right_after_the_cue_is_no_part_of_the_reported_clause(suggester):
    found = suggest(suggester, "Kang said Monday Seoul has not received the letter.")
    assert [q for q, *_ in found] == ["Seoul has not received the letter."]


def test_a_semicolon_ends_the_reported_clause(suggester):
    found = suggest(
        suggester,
        "Jo Roe said a downturn in the economy may be to blame for the firm's troubles; "
        "roughly 95% of its sales are domestic.",
    )
    assert [q for q, *_ in found] == [
        "a downturn in the economy may be to blame for the firm's troubles"
    ]


def test_a_verb_that_names_what_was_said_by_the_quoted_words_is_a_mixed_quotes_cue(suggester):
    found = suggest(
        suggester,
        "The minister described the talks in Geneva as a \u201ccomplete waste of everyone's "
        "time\u201d on Friday.",
    )
    assert [(q, sp, cue, kind) for q, sp, _, cue, kind in found] == [
        ("complete waste of everyone's time", "The minister", "described", "mixed")
    ]


def test_a_reporting_line_over_the_sentence_is_no_part_of_the_reported_clause(suggester):
    found = suggest(
        suggester,
        "Kang also said the Norland government did not hear directly from the Obel "
        "administration about a letter the White House reportedly received from Kim, "
        "Norland news service Newsline reported Monday.",
    )
    assert found[0][0] == (
        "the Norland government did not hear directly from the Obel administration about a "
        "letter the White House reportedly received from Kim"
    )


def test_a_place_and_a_date_before_the_first_sentence_are_a_dateline(suggester):
    found = suggest(
        suggester,
        "Varna, July 19 One of the two men accused of the robbery has been arrested, police "
        "said on Wednesday.",
    )
    assert found[0][:2] == (
        "One of the two men accused of the robbery has been arrested",
        "police",
    )


def test_what_the_speaker_answered_is_no_part_of_the_reported_clause(suggester):
    found = suggest(
        suggester,
        "Kang said she could not confirm or deny the plans to make an appearance at the United "
        "Nations, in response to a question from lawmaker Shim Jae-kwon of the ruling party, "
        "according to Yonhap.",
    )
    assert found[0][0] == (
        "she could not confirm or deny the plans to make an appearance at the United Nations"
    )


def test_recognizing_that_is_a_verb_of_saying(suggester):
    found = suggest(
        suggester,
        'Mara Lind recognized that the business is "at a crossroads," and promised changes.',
    )
    assert [(q, sp, cue, kind) for q, sp, _, cue, kind in found] == [
        ("at a crossroads,", "Mara Lind", "recognized", "mixed")
    ]


def test_a_reporting_line_at_the_sentences_end_is_no_part_of_the_reported_clause(suggester):
    found = suggest(
        suggester,
        "Obaidul Quader rejected the report, saying the report is not correct, reports BSS.",
    )
    assert [q for q, *_ in found] == ["the report is not correct"]


def test_a_statement_of_the_speakers_own_after_a_comma_ends_the_reported_clause(suggester):
    found = suggest(
        suggester,
        "Jo Roe said the network equipment maker was unlikely to lose market share in its core "
        "business, although he noted strong competition and named Obel as its biggest rival.",
    )
    assert found[0][0] == (
        "the network equipment maker was unlikely to lose market share in its core business"
    )


def test_highlighting_is_saying_and_ends_the_clause_reported_before_it(suggester):
    found = suggest(
        suggester,
        "The Speaker said the minister's actions were obstructing the work of the Parliament "
        "and highlighted the Parliament's prior recognition of the role.",
    )
    assert found[0][0] == "the minister's actions were obstructing the work of the Parliament"


def test_a_subject_the_parse_takes_for_the_cues_object_is_the_reported_clauses(suggester):
    found = suggest(
        suggester,
        "Ann Lee, the mayor of Varna, said some downtown areas of the Black Sea city, were up "
        "to four feet under water.",
    )
    assert found[0][0] == (
        "some downtown areas of the Black Sea city, were up to four feet under water."
    )


def test_forecasting_is_saying(suggester):
    found = suggest(
        suggester,
        "\u201cMore rain may fall over the flooded area,\u201d the weather service said, "
        "forecasting the river won\u2019t fall below flood level until Wednesday morning.",
    )
    assert [(q, sp, cue) for q, sp, _, cue, _ in found][1] == (
        "the river won\u2019t fall below flood level until Wednesday morning.",
        "the weather service",
        "forecasting",
    )


def test_a_document_stating_that_is_the_speaker_of_its_clause(suggester):
    found = suggest(
        suggester,
        "The council issued a statement saying that the bridge will stay closed until May.",
    )
    assert found == [
        (
            "the bridge will stay closed until May.",
            "a statement",
            "a statement",
            "saying",
            "indirect",
        )
    ]


def test_reports_saying_that_name_no_source(suggester):
    assert suggest(suggester, "Amid reports saying that the talks had failed, shares fell.") == []


def test_a_call_or_an_interview_saying_that_is_no_document_that_speaks(suggester):
    text = "Firefighters found the car after receiving an emergency call saying a man was trapped."
    assert suggest(suggester, text) == []


def test_indicating_that_goes_on_with_what_the_speaker_announced(suggester):
    found = suggest(
        suggester,
        "The chief engineer Maria Polk announced that the tunnel would open in June, indicating "
        "that the delays were over.",
    )
    assert [(q, sp, cue) for q, sp, _, cue, _ in found] == [
        ("the tunnel would open in June", "The chief engineer Maria Polk", "announced"),
        ("the delays were over.", "The chief engineer Maria Polk", "indicating"),
    ]


def test_showing_that_alone_is_no_saying(suggester):
    found = suggest(
        suggester,
        "New polls show that the mayor is losing support, indicating that the race is open.",
    )
    assert found == []


def test_a_cue_after_its_clause_then_what_the_speaker_went_on_to_do(suggester):
    found = suggest(
        suggester,
        "The NRA opened an inquiry into the crash, Okafor, added, calling the media to be careful.",
    )
    assert found == [
        ("The NRA opened an inquiry into the crash", "Okafor", "Okafor", "added", "indirect")
    ]


def test_what_a_statement_answered_says_is_no_quote_of_who_answered(suggester):
    found = suggest(
        suggester,
        "Lena Ward was replying to the mayor's letter last week that the budget had no room for "
        "new parks.",
    )
    assert found == []


def test_a_persons_reporting_line_over_a_things_verb_of_saying_is_the_persons(suggester):
    found = suggest(
        suggester, "The inspection had concluded that the bridge was unsafe for lorries, he said."
    )
    assert [(q, sp, cue) for q, sp, _, cue, _ in found] == [
        ("The inspection had concluded that the bridge was unsafe for lorries", "he", "said")
    ]


def test_a_cue_after_its_clause_before_according_to_is_the_clauses(suggester):
    found = suggest(
        suggester,
        "That statement was followed by Kim's decision to start talks with the United States, "
        "Chung said, according to the report.",
    )
    assert [(q, sp, cue) for q, sp, _, cue, _ in found] == [
        (
            "That statement was followed by Kim's decision to start talks with the United States",
            "Chung",
            "said",
        )
    ]


def test_said_that_reports_the_clause_the_parse_lost(suggester):
    found = suggest(
        suggester,
        "The spokesperson said that CM Punjab Sardar Ali Buzdar and IG Punjab Rao Sardar Khan "
        "were monitoring the case.",
    )
    assert [(q, sp, cue) for q, sp, _, cue, _ in found] == [
        (
            "CM Punjab Sardar Ali Buzdar and IG Punjab Rao Sardar Khan were monitoring the case.",
            "The spokesperson",
            "said",
        )
    ]


def test_said_that_with_no_clause_after_it_reports_nothing(suggester):
    assert suggest(suggester, "He said that on Monday at the summit in Lagos.") == []


def test_marks_in_a_verbs_noun_object_name_a_thing_and_quote_no_one(suggester):
    found = suggest(
        suggester,
        "Jo Roe, an analyst at Norbank, cut his price target on the stock, but maintained his "
        '"neutral" rating.',
    )
    assert found == []


def test_adding_a_number_of_things_says_nothing(suggester):
    found = suggest(
        suggester,
        'The airline will be adding 50 positions "over the coming weeks," CEO Jo Wagner said.',
    )
    assert [(q, name, cue) for q, _, name, cue, _ in found] == [
        ("over the coming weeks,", "Jo Wagner", "said")
    ]


def test_a_possessive_is_no_word_of_a_long_phrase_that_says_who(suggester):
    found = suggest(
        suggester,
        "A spokesman for the First Lady\u2019s office in Lund,  today told the Lund Post that "
        "the First Lady would like to clarify her message.",
    )
    assert found[0][1:3] == ("A spokesman for the First Lady\u2019s office in Lund",) * 2


def test_marks_in_a_clause_of_the_verbs_noun_object_are_words_said(suggester):
    found = suggest(
        suggester,
        'Mara Lind repeated the board\'s view that "no plant will close this year," adding that '
        "talks go on.",
    )
    assert ("no plant will close this year,", "Mara Lind", "Mara Lind", "repeated", "mixed") in [
        (q, sp, name, cue, kind) for q, sp, name, cue, kind in found
    ]


def test_marks_under_another_verb_of_the_speaker_are_no_part_of_what_was_said(suggester):
    found = suggest(
        suggester,
        "Mara Lind acknowledged that fixing the airline will take years, but expressed "
        'confidence that with the "right focus and culture," it can lead again.',
    )
    assert [(q, cue, kind) for q, _, _, cue, kind in found] == [
        ("fixing the airline will take years", "acknowledged", "indirect")
    ]


def test_the_phrase_after_a_quote_is_the_subject_of_a_cue_the_parse_left_without_one(suggester):
    found = suggest(
        suggester,
        '"The harbour must be dredged before winter, or the ferries will stop," the port '
        "vice-chairman, widely known as Teo Kim, told a briefing at the town hall yesterday.",
    )
    assert [(sp, name, cue) for _, sp, name, cue, _ in found] == [
        ("the port vice-chairman", "Teo Kim", "told")
    ]


def test_a_quote_its_sentence_runs_on_from_is_mixed(suggester):
    found = suggest(
        suggester,
        '"It is hard to rule out" a visit by the king, Ana Ruiz said at the hearing. "But we have '
        'seen no signs" that he would come.',
    )
    assert [(q, sp, cue, kind) for q, sp, _, cue, kind in found] == [
        ("It is hard to rule out", "Ana Ruiz", "said", "mixed"),
        ("But we have seen no signs", "Ana Ruiz", "said", "mixed"),
    ]


def test_a_quote_closed_by_its_cue_with_no_comma_is_direct(suggester):
    found = suggest(suggester, '"We will rebuild the bridge by May" Ana Ruiz told reporters.')
    assert [kind for *_, kind in found] == ["direct"]


def test_a_fragment_a_person_reports_anothers_saying_by_is_the_persons(suggester):
    found = suggest(
        suggester,
        'Ana Ruiz, who led the first talks, said Leo Marsh confirmed he was "ready to sign if '
        'the border stays open," the report said.',
    )
    assert [(q, sp, cue, kind) for q, sp, _, cue, kind in found] == [
        ("ready to sign if the border stays open,", "Ana Ruiz", "said", "mixed")
    ]


def test_a_phrase_set_off_before_the_reported_clause_is_part_of_it(suggester):
    found = suggest(
        suggester, "The study in its summary said among the farmers, the share of women is higher."
    )
    assert [q for q, *_ in found] == ["among the farmers, the share of women is higher."]


def test_when_it_was_said_before_the_reported_clause_is_no_part_of_it(suggester):
    found = suggest(suggester, "The mayor said on Monday, the bridge would reopen in May.")
    assert [q for q, *_ in found] == ["the bridge would reopen in May."]


def test_a_that_the_parse_hangs_lower_is_no_part_of_the_reported_clause(suggester):
    found = suggest(
        suggester,
        "She said that according to the investigation so far, out of 132 arrested accused, "
        "central role of 27 accused has come to light.",
    )
    assert found[0][0].startswith("according to the investigation")


def test_a_clause_of_its_own_subject_after_and_goes_on_with_the_report(suggester):
    found = suggest(
        suggester,
        "Cooper further added that they came back in the match after they conceded the goal and "
        "after that, they started pressing high up the pitch.",
    )
    assert found[0][0].endswith("they started pressing high up the pitch.")


def test_said_that_as_a_pronoun_reports_nothing(suggester):
    text = "She said that in 2019 when the minister resigned. He said that, but nobody listened."
    assert suggest(suggester, text) == []


def test_a_verbs_whole_noun_object_in_marks_is_words_said(suggester):
    found = suggest(
        suggester,
        'The senator stated his "firm opposition to any deal with the cartel" in a letter.',
    )
    assert [(q, cue, kind) for q, _, _, cue, kind in found] == [
        ("firm opposition to any deal with the cartel", "stated", "mixed")
    ]


def test_a_document_a_name_gives_out_has_that_name(suggester):
    found = suggest(suggester, "Norgas issued a statement saying that the field would open in May.")
    assert found == [
        ("the field would open in May.", "a statement", "Norgas", "saying", "indirect")
    ]


def test_a_verb_of_saying_with_its_particle_reports_a_clause(suggester):
    text = "Ann Lee pointed out that both parties had given separate dates for their marches."
    assert suggest(suggester, text) == [
        (
            "both parties had given separate dates for their marches.",
            "Ann Lee",
            "Ann Lee",
            "pointed out",
            "indirect",
        )
    ]


def test_that_the_parse_takes_for_an_object_opens_the_reported_clause(suggester):
    text = "Jo Reyes told The Norton Herald that officers responded to the call."
    assert [q for q, *_ in suggest(suggester, text)] == ["officers responded to the call."]


def test_that_the_parse_takes_for_an_object_of_the_clauses_own_verb_opens_it(suggester):
    text = (
        "Witnesses told Ekstra Bladet tabloid that the man seemed to be mentally disturbed "
        "and said that he wanted to die."
    )
    assert [q for q, *_ in suggest(suggester, text)] == [
        "the man seemed to be mentally disturbed",
        "he wanted to die.",
    ]


def test_a_reporting_line_after_its_clause_may_go_on_with_what_the_parse_hangs_higher(
    suggester,
):
    text = (
        "Nineteen patients died after taking a drug from Norgen, the Norland Drug Agency "
        "said, warning doctors about the risks."
    )
    assert [(q, sp) for q, sp, *_ in suggest(suggester, text)] == [
        (
            "Nineteen patients died after taking a drug from Norgen",
            "the Norland Drug Agency",
        )
    ]


def test_a_reporting_line_s_subject_the_parse_hangs_on_the_clause_is_its_speaker(suggester):
    text = (
        "Nineteen patients died after taking a liver drug from Norgen Pharmaceuticals Inc., "
        "the U.S. Food and Drug Administration said, warning doctors about risks."
    )
    assert suggest(suggester, text) == [
        (
            "Nineteen patients died after taking a liver drug from Norgen Pharmaceuticals Inc.",
            "the U.S. Food and Drug Administration",
            "Food and Drug Administration",
            "said",
            "indirect",
        )
    ]


def test_a_verb_of_saying_after_and_in_a_clause_before_its_cue_is_the_clause_s(suggester):
    text = "Police were nearby and responded to the calls within a minute, Jo Reyes said."
    assert [q for q, *_ in suggest(suggester, text)] == [
        "Police were nearby and responded to the calls within a minute"
    ]


def test_a_fragment_in_marks_before_a_reporting_line_that_goes_on_is_its_speaker_s(
    suggester,
):
    text = "The boys were \u201cstaggered in their stances,\u201d Jo Reyes said, with Tim in front."
    assert suggest(suggester, text) == [
        ("staggered in their stances,", "Jo Reyes", "Jo Reyes", "said", "mixed")
    ]


def test_a_reporting_line_inside_its_clause_reports_what_follows_it(suggester):
    text = "In this case, Jo Reyes said, the boy died while the man was committing a felony."
    assert suggest(suggester, text) == [
        (
            "the boy died while the man was committing a felony.",
            "Jo Reyes",
            "Jo Reyes",
            "said",
            "indirect",
        )
    ]


def test_a_clause_of_its_own_subject_after_but_goes_on_with_the_report(suggester):
    text = (
        "The minister said that the government was taking steps to bring prices down, but "
        "it was an international issue as the import bill had doubled."
    )
    assert [q for q, *_ in suggest(suggester, text)] == [
        "the government was taking steps to bring prices down, but it was an international "
        "issue as the import bill had doubled."
    ]


def test_clauses_the_parse_gives_one_cue_after_a_comma_are_one_report(suggester):
    text = (
        "Earlier Thursday, the Norlandic Defense Ministry reported that the republic\u2019s "
        "air defense forces hit a missile, the fragments of which fell in the Vela region, "
        "it turned out to be an S-300 anti-aircraft guided missile fired from Ostland."
    )
    assert [q for q, *_ in suggest(suggester, text)] == [
        "the republic\u2019s air defense forces hit a missile, the fragments of which fell in "
        "the Vela region, it turned out to be an S-300 anti-aircraft guided missile fired "
        "from Ostland."
    ]


def test_a_description_after_the_verb_closing_a_quote_is_its_speaker(suggester):
    """``"...," added the coach``: the parse may take the description for an object."""
    text = "\u201cWe have to adapt to the injuries,\u201d added the coach."
    assert suggest(suggester, text) == [
        ("We have to adapt to the injuries,", "the coach", "the coach", "added", "direct")
    ]


def test_a_name_set_off_before_a_participle_s_phrase_is_the_verb_s_subject(suggester):
    """The parse hangs the name on the opening phrase and leaves the verb no subject."""
    text = (
        "Speaking on the radio, Abrams, addressing complaints about outages in rural "
        "parishes, said the utility has taken a knock."
    )
    assert suggest(suggester, text) == [
        ("the utility has taken a knock.", "Abrams", "Abrams", "said", "indirect")
    ]


def test_according_to_opening_a_clause_after_but_reports_that_clause(suggester):
    text = (
        "The two sides agreed to meet, but according to Mutebi, the police later appeared "
        "reluctant to expose the soldier."
    )
    assert suggest(suggester, text) == [
        (
            "the police later appeared reluctant to expose the soldier.",
            "Mutebi",
            "Mutebi",
            "according to",
            "indirect",
        )
    ]


def test_a_document_saying_after_another_participle_speaks_for_its_giver(suggester):
    text = (
        "At the time, Jo Roe issued a statement denying the allegations and saying he had "
        "quit to avoid a conflict of interest."
    )
    assert suggest(suggester, text) == [
        (
            "he had quit to avoid a conflict of interest.",
            "a statement",
            "Jo Roe",
            "saying",
            "indirect",
        )
    ]


def test_a_word_given_as_another_name_of_a_thing_is_no_quote_where_it_is_written(suggester):
    text = (
        "Crystal methamphetamine or \u201cice\u201d has been flooding the streets of the "
        "island, according to Mayor Jo Roe.\n\n"
        "Roe said that, as on any other island, \u201cice\u201d has devastated families.\n\n"
        "Roe said they support and join the commissioner\u2019s \u201cwar on ice.\u201d"
    )
    assert [(q, name, kind) for q, _, name, _, kind in suggest(suggester, text)] == [
        (
            "Crystal methamphetamine or \u201cice\u201d has been flooding the streets of the "
            "island",
            "Jo Roe",
            "indirect",
        ),
        (
            "as on any other island, \u201cice\u201d has devastated families.",
            "Jo Roe",
            "indirect",
        ),
        (
            "they support and join the commissioner\u2019s \u201cwar on ice.",
            "Jo Roe",
            "indirect",
        ),
    ]


def test_a_verb_of_saying_the_parse_takes_for_a_plural_noun_reports_its_clause(suggester):
    text = (
        "The minister will make proposals designed to prevent incidents of this kind, RUV reports."
    )
    assert suggest(suggester, text) == [
        (
            "The minister will make proposals designed to prevent incidents of this kind",
            "RUV",
            "RUV",
            "reports",
            "indirect",
        )
    ]


def test_a_saying_after_before_is_the_saying_of_the_verb_before_it(suggester):
    """``X said A, before adding that B``: A and B, both X's, as the guide says."""
    text = "Jo Roe said the plan was bad, before adding that much remains to be done."
    assert said(suggester, text) == [
        ("the plan was bad", "Jo Roe", "said"),
        ("much remains to be done.", "Jo Roe", "adding"),
    ]
    text = (  # the parse hangs it on a participle in the object of the verb before it
        "Jo Roe stressed his commitment to providing care to the islands before "
        "acknowledging that much remains to be done."
    )
    assert said(suggester, text) == [("much remains to be done.", "Jo Roe", "acknowledging")]


def test_one_noun_in_marks_saying_which_kind_the_next_is_no_quote(suggester):
    text = (
        'Jo Roe said the farm project was still in the "exploration" phase and there were no '
        "plans for a mine."
    )
    assert [(q, kind) for q, _, _, _, kind in suggest(suggester, text)] == [
        (
            'the farm project was still in the "exploration" phase and there were no plans '
            "for a mine.",
            "indirect",
        )
    ]


def test_commented_is_a_verb_of_saying(suggester):
    text = "\u201cIt was a huge surprise,\u201d Eddy Etaro commented afterwards."
    assert suggest(suggester, text) == [
        ("It was a huge surprise,", "Eddy Etaro", "Eddy Etaro", "commented", "direct")
    ]
    text = (  # the noun is none, though a name before it may look like its subject
        "Marc Sorensen spoke in the debate.\n\n"
        "His remarks raised eyebrows because earlier this year he was accused of making "
        "Islamophobic comments by a fellow MP \u2013 though he says the claims were "
        "\u201ccompletely false\u201d."
    )
    assert [name for _, _, name, _, _ in suggest(suggester, text)] == ["Marc Sorensen"]


def test_a_reporting_line_over_the_speaker_s_own_we_reports_all_of_it(suggester):
    text = (
        "Mayor Rasko Konjevic met the protesters.\n\n"
        "We promise that the city will get back to the normal life tomorrow, he underscored."
    )
    assert said(suggester, text) == [
        (
            "We promise that the city will get back to the normal life tomorrow",
            "Rasko Konjevic",
            "underscored",
        )
    ]


def test_two_clauses_joined_before_a_reporting_line_are_both_reported(suggester):
    text = (
        "Three people are dead and two others are injured after a gunman opened fire in a "
        "village in Norland, police say."
    )
    assert said(suggester, text) == [
        (
            "Three people are dead and two others are injured after a gunman opened fire in "
            "a village in Norland",
            "police",
            "say",
        )
    ]


def test_a_reporting_line_with_where_and_when_after_it_reports_the_clause_before(suggester):
    text = (
        "The unnamed suspect, whom witnesses identified to local media as a 30-year-old "
        "Daillon resident, fired around 20 shots at his victims, general prosecutor Ada Lund "
        "said at a news conference on Thursday."
    )
    assert said(suggester, text) == [
        (
            "The unnamed suspect, whom witnesses identified to local media as a 30-year-old "
            "Daillon resident, fired around 20 shots at his victims",
            "Ada Lund",
            "said",
        )
    ]


def test_a_participle_of_saying_the_parse_takes_for_a_noun_reports_its_that_clause(suggester):
    text = (
        "Ivo Berg, the State Attorney General for Norland, spoke about the criminal activity "
        "in the state acknowledging that the first quarter of the year has been the most "
        "violent in recent years."
    )
    assert said(suggester, text) == [
        (
            "the first quarter of the year has been the most violent in recent years.",
            "Ivo Berg",
            "acknowledging",
        )
    ]


def test_a_quote_closed_by_according_to_is_that_source_s(suggester):
    text = (
        'Norland Daily said that two safes were seized, "and at the present time officers '
        'are arresting others", according to police spokesman Colonel Ivo Berg.\n\n'
        'The papers said the safes were seized, "and more arrests will follow," according '
        "to police spokesman Ivo Berg."
    )
    assert [(q[:20], name, cue) for q, name, cue in said(suggester, text)] == [
        ("and at the present t", "Ivo Berg", "according to"),
        ("and more arrests wil", "Ivo Berg", "according to"),
    ]


def test_an_outlet_s_reported_after_an_organisation_s_saying_leaves_it_the_organisation_s(
    suggester,
):
    text = (
        "The Norland Supreme Court announced that the police did not act in line with the "
        "law, the daily Norvia Post reported."
    )
    assert said(suggester, text) == [
        (
            "the police did not act in line with the law",
            "Norland Supreme Court",
            "announced",
        )
    ]


def test_marks_after_written_hold_what_is_written_on_a_thing_no_words_said(suggester):
    text = (
        "Nasra said a paper written \u2018PCR\u2019 was placed over the party\u2019s logo and "
        "the walls had been sprinkled with gas."
    )
    assert [(q[:25], name, cue) for q, name, cue in said(suggester, text)] == [
        ("a paper written \u2018PCR\u2019 was", "Nasra", "said")
    ]


def test_any_source_s_reporting_line_after_a_thing_s_saying_is_over_all_of_it(suggester):
    text = (
        "Investigations revealed the man was a known drug addict, authorities say.\n\n"
        "The ministry revealed the man was a known addict, police say."
    )
    assert said(suggester, text) == [
        ("Investigations revealed the man was a known drug addict", "authorities", "say"),
        ("the man was a known addict", "The ministry", "revealed"),
    ]


def test_what_an_according_to_source_went_on_to_call_for_ends_its_clause(suggester):
    text = (
        "According to the mayor, 17 marches are planned across the city, and given the "
        "large-scale protest, called on residents to be alert."
    )
    assert said(suggester, text) == [
        ("17 marches are planned across the city", "the mayor", "According to")
    ]


def test_specified_is_a_verb_of_saying(suggester):
    text = (
        "Ivo Berg said 12,700 people were quarantined.\n\n"
        "He specified that 7,416 people were staying in hospitals."
    )
    assert said(suggester, text)[1:] == [
        ("7,416 people were staying in hospitals.", "Ivo Berg", "specified")
    ]


def test_a_statement_given_out_indicates_what_its_giver_said(suggester):
    text = (
        "A statement read by the head of the office indicated that the action was lawful.\n\n"
        "The figures indicated that crime had fallen."
    )
    assert said(suggester, text) == [("the action was lawful.", "A statement", "indicated")]


def test_it_was_confirmed_by_x_that_is_xs_saying(suggester):
    text = (
        "On Tuesday, it was confirmed by the Norvia Prosecutor's Office that two people "
        "were arrested.\n\n"
        "It was announced that the road would close."
    )
    assert said(suggester, text) == [
        ("two people were arrested.", "Norvia Prosecutor's Office", "confirmed")
    ]


def test_a_participle_after_a_clause_of_what_goes_on_from_the_sentences_subject(suggester):
    text = (
        "The SIU did not provide more information about the officer or what happened, "
        "saying it would not comment further on the case."
    )
    assert said(suggester, text) == [("it would not comment further on the case.", "SIU", "saying")]


def test_who_after_a_things_noun_is_the_person_named_before_it(suggester):
    text = (
        "The update was provided by Jo Roe, Deputy Spokesperson for the Secretary-General at "
        "the regular press briefing at UN Headquarters, who said that the mission remains on "
        "high alert."
    )
    assert said(suggester, text) == [("the mission remains on high alert.", "Jo Roe", "said")]


def test_how_words_reached_the_reporter_is_no_part_of_the_speaker(suggester):
    text = "Police began patrolling the mill on Sunday, said the miners by telephone."
    assert [(sp, name) for _, sp, name, _, _ in suggest(suggester, text)] == [
        ("the miners", "the miners")
    ]


def test_a_phrase_after_a_quotes_closing_mark_is_no_subject_before_a_name(suggester):
    text = (
        '"The Ministry of Health informs the public of an outbreak of dengue fever in the '
        'health district of Abéché," the capital of the Ouaddaï region, around 650km east of '
        "N'Djamena, Chad's capital, said Jo Roe Mahamat, the Minister of Health, in a "
        "statement sent to AFP on Wednesday."
    )
    assert [name for _, _, name, _, _ in suggest(suggester, text)] == ["Jo Roe Mahamat"]


def test_according_to_x_set_off_after_the_subject_reports_what_follows_it(suggester):
    text = (
        "The workers, according to Norport, also did not follow the grievance procedures "
        "and were advised against the strike."
    )
    assert said(suggester, text) == [
        (
            "also did not follow the grievance procedures and were advised against the strike.",
            "Norport",
            "according to",
        )
    ]


def test_advised_after_words_in_marks_is_their_cue(suggester):
    found = said(
        suggester,
        "“Crimes of passion are hard to prevent,” Commissioner Mario Brooks said.\n\n"
        "“We believe these acts are preventable,” the Commissioner advised. “It is okay to ask "
        "for help.”",
    )
    assert [(name, cue) for _, name, cue in found] == [("Mario Brooks", "said")] + [
        ("Mario Brooks", "advised")
    ] * 2


def test_a_clause_right_after_its_cue_with_a_phrase_before_its_subject_is_reported(suggester):
    found = said(
        suggester,
        "However, Mamakwa says despite officers staying in Pikangikum, Indigenous Services "
        "Canada made the decision to remove its nursing staff each night.",
    )
    assert [(q, cue) for q, _, cue in found] == [
        (
            "despite officers staying in Pikangikum, Indigenous Services Canada made the "
            "decision to remove its nursing staff each night.",
            "says",
        )
    ]


def test_a_name_and_job_set_off_before_told_and_an_object_of_more_words_speak(suggester):
    found = said(
        suggester,
        "The gunmen stopped vehicles on the highway and kidnapped 30 passengers, Dost "
        "Muhammad Nayab, spokesman of Uruzgan governor, told Afghan media.",
    )
    assert found == [
        (
            "The gunmen stopped vehicles on the highway and kidnapped 30 passengers",
            "Dost Muhammad Nayab",
            "told",
        )
    ]


def test_words_in_marks_after_a_line_set_off_mid_sentence_are_its_speaker_s(suggester):
    found = suggest(
        suggester,
        "Mayor Spiros Galinos insisted on the need to reduce overcrowding.\n\n"
        "Instead of this, he added, the ministry had opted for “an unprecedented "
        "psychological blackmail” in order to promote the policy.",
    )
    assert [(q, sp, name, cue, kind) for q, sp, name, cue, kind in found] == [
        ("an unprecedented psychological blackmail", "he", "Spiros Galinos", "added", "mixed")
    ]


def test_and_that_after_a_denied_saying_in_the_clause_is_a_quote_of_its_own(suggester):
    found = said(
        suggester,
        "Governor Odd Olsen Ingero said he will not speculate whether there are more or fewer "
        "bears, and that they are not considering changing their procedures.",
    )
    assert [(q, name) for q, name, _ in found] == [
        ("he will not speculate whether there are more or fewer bears", "Odd Olsen Ingero"),
        ("they are not considering changing their procedures.", "Odd Olsen Ingero"),
    ]


def test_const_is_a_rank_whose_stop_ends_no_sentence(suggester):
    found = suggest(
        suggester,
        "Mitchell Hutton said he was in an unmarked police vehicle with Const. Kerry Jury "
        "driving along Fourth Avenue.\n\n"
        "RCMP Const. Ann Lee said she was on duty with the crime reduction unit.",
    )
    assert [(q, sp, name) for q, sp, name, _, _ in found] == [
        (
            "he was in an unmarked police vehicle with Const. Kerry Jury driving along Fourth "
            "Avenue.",
            "Mitchell Hutton",
            "Mitchell Hutton",
        ),
        ("she was on duty with the crime reduction unit.", "RCMP Const. Ann Lee", "Ann Lee"),
    ]


def test_a_person_a_description_is_by_a_copula_is_whom_he_then_refers_to(suggester):
    found = said(
        suggester,
        "The trial began Monday.\n\n"
        "Her first witness on Monday was RCMP Const. Mitchell Hutton. He said he was on duty "
        "with the crime reduction unit.",
    )
    assert [name for _, name, _ in found] == ["Mitchell Hutton"]


def test_a_participle_after_a_document_and_its_giver_is_the_giver_s_saying(suggester):
    found = said(
        suggester,
        "McKay’s comments followed a statement issued by the City of Nanaimo, stating that "
        "city hall is safe for residents.",
    )
    assert found == [("city hall is safe for residents.", "City of Nanaimo", "stating")]


def test_a_verb_of_saying_opening_its_sentence_before_a_name_and_a_colon_is_the_cue(suggester):
    found = suggest(
        suggester,
        "Cllr John Halligan spoke at the meeting.\n\n"
        "Added Cllr Halligan: “We’re not getting anywhere, time and time again there are "
        "people.”",
    )
    assert [(sp, name, cue, kind) for _, sp, name, cue, kind in found] == [
        ("Cllr Halligan", "John Halligan", "Added", "direct")
    ]


def test_as_per_a_document_is_according_to_it_but_not_as_per_a_rule(suggester):
    found = said(
        suggester,
        "As per an official release, the Chief Minister reviewed the state’s law and order.\n\n"
        "As per standard practice, the officers were placed on leave.",
    )
    assert found == [
        (
            "the Chief Minister reviewed the state’s law and order.",
            "an official release",
            "As per",
        )
    ]


def test_a_verb_of_going_on_set_off_inside_its_sentence_reports_what_follows(suggester):
    found = said(
        suggester,
        "Police chief Simon Seran spoke to reporters.\n\n"
        "The incident, Simon continued, began when residents of Oebelo Village attacked the "
        "residents of Tanah Merah.",
    )
    assert found == [
        (
            "began when residents of Oebelo Village attacked the residents of Tanah Merah.",
            "Simon Seran",
            "continued",
        )
    ]


def test_a_clause_after_words_in_marks_and_and_is_the_line_s_too(suggester):
    found = suggest(
        suggester,
        "Mayor Bill McKay spoke on Monday.\n\n"
        "“I am personally checking that staff are feeling safe,” and the human resources "
        "department is also monitoring staff, he said.",
    )
    assert [(q, name, kind) for q, _, name, _, kind in found] == [
        ("I am personally checking that staff are feeling safe,", "Bill McKay", "direct"),
        ("the human resources department is also monitoring staff", "Bill McKay", "indirect"),
    ]


def test_a_clause_after_a_direct_quote_s_line_and_and_is_the_line_s_too(suggester):
    found = suggest(
        suggester,
        "Police spokesman John Kabera spoke on Sunday.\n\n"
        "“They used heavy stones,” the police spokesman said, and the dead have reached 14 "
        "including the 8 announced yesterday.",
    )
    assert [(q, name, kind) for q, _, name, _, kind in found] == [
        ("They used heavy stones,", "John Kabera", "direct"),
        (
            "the dead have reached 14 including the 8 announced yesterday.",
            "John Kabera",
            "indirect",
        ),
    ]


def test_a_condition_with_its_auxiliary_first_goes_on_the_reported_clause(suggester):
    text = (
        "Judge-Executive Harold McKinney said he is exploring other means of police "
        "protection should Sheriff LeeRoy Hardin again suspend patrols."
    )
    assert said(suggester, text) == [
        (
            "he is exploring other means of police protection should Sheriff LeeRoy Hardin "
            "again suspend patrols.",
            "Harold McKinney",
            "said",
        )
    ]


def test_a_person_closing_a_second_job_apposed_to_the_first_is_the_speaker(suggester):
    text = (
        "Given the violence, the president of the Regional Association of Municipalities, "
        "the mayor of Concepción Álvaro Ortiz, said that they are ready to mediate."
    )
    assert said(suggester, text) == [("they are ready to mediate.", "Álvaro Ortiz", "said")]


def test_a_name_set_off_after_an_opening_participle_the_parse_took_for_a_subject(suggester):
    text = (
        "Visiting Concepción, the Undersecretary for Crime Prevention, María José Gómez, "
        "indicated that what happened was unacceptable."
    )
    assert said(suggester, text) == [
        ("what happened was unacceptable.", "María José Gómez", "indicated")
    ]


def test_a_ranked_name_set_off_after_according_to_a_job_is_the_speaker_not_the_quote(
    suggester,
):
    text = (
        "According to the North Kyoga Region Police spokesperson, ASP Jimmy Patrick Okema, "
        "the case was reported as assault by a mob."
    )
    assert said(suggester, text) == [
        ("the case was reported as assault by a mob.", "Jimmy Patrick Okema", "According to")
    ]


def test_a_statement_by_two_bodies_is_the_first_ones(suggester):
    text = (
        "The force is still sweeping the area, according to a joint statement by the Public "
        "Security Department (PSD) and the Gendarmerie Department.\n\n"
        "The statement said the operation resulted in seizing weapons."
    )
    assert [(q, n) for q, n, _ in said(suggester, text)] == [
        ("The force is still sweeping the area", "Public Security Department"),
        ("the operation resulted in seizing weapons.", "Public Security Department"),
    ]


def test_a_page_a_source_posts_on_is_no_part_of_the_mention_and_for_says_whose(suggester):
    text = (
        "The PSNI on their Facebook said that a large group of youths caused damage.\n\n"
        "A spokesperson for St Joseph's Boys High School in Newry said the school had been "
        "informed."
    )
    assert [(sp, name) for _, sp, name, _, _ in suggest(suggester, text)] == [
        ("The PSNI", "PSNI"),
        (
            "A spokesperson for St Joseph's Boys High School in Newry",
            "A spokesperson for St Joseph's Boys High School in Newry",
        ),
    ]


def test_a_job_with_general_in_lower_case_runs_on_to_its_holder(suggester):
    text = (
        "Director general of the Immigration Department Sok Veasna said the documents are "
        "being prepared."
    )
    assert said(suggester, text) == [("the documents are being prepared.", "Sok Veasna", "said")]
