"""Speakers, cues and reported clauses the rules missed on unseen news (heldout4's
lessons), each on made-up sentences of its own."""

from spacy.tokens import Doc

from core.suggest.registry import Registry
from core.suggest.rules import (
    ArticleRules,
    Paragraph,
    according_clause,
    reported_clause,
    verb_subject,
)
from tests.core.suggest.test_suggest import said, suggest


def written_parse(suggester, words: list[str], **parse) -> Paragraph:
    """A paragraph of the parse the pipeline made of a sentence on real news, written out
    (made-up sentences of its shape parse otherwise): a space after each word but one
    before a comma or a full stop."""
    last = len(words) - 1
    spaces = [k == last or words[k + 1] not in (",", ".") for k in range(len(words))]
    doc = Doc(suggester.nlp.vocab, words=words, spaces=spaces, **parse)
    para = Paragraph(0, doc)
    para.in_quote = [0] * len(doc)
    return para


def test_going_on_or_sharing_in_a_reporting_line_reports_the_clause_before(suggester):
    found = suggest(
        suggester,
        "The bridge was never safe for lorries, the engineer went on. The repairs will take "
        "a year and are being paid by the county, the spokeswoman also shared. The council "
        "had ignored three warnings, the inspector continued.",
    )
    assert [(q, sp, cue) for q, sp, _, cue, _ in found] == [
        ("The bridge was never safe for lorries", "the engineer", "went on"),
        (
            "The repairs will take a year and are being paid by the county",
            "the spokeswoman",
            "shared",
        ),
        ("The council had ignored three warnings", "the inspector", "continued"),
    ]


def test_going_on_or_sharing_with_no_clause_before_reports_nothing(suggester):
    text = (
        "The mayor continued to issue warnings. The talks went on for hours. She shared the "
        "view that the plan was too costly."
    )
    assert suggest(suggester, text) == []


def test_pointing_out_that_is_a_cue(suggester):
    found = suggest(
        suggester,
        'Ana Ruiz explained that "the old bridge will close in May," pointing out that "the '
        'ferry is the only way across."',
    )
    assert [(q, sp, cue, kind) for q, sp, _, cue, kind in found] == [
        ("the old bridge will close in May,", "Ana Ruiz", "explained", "mixed"),
        ("the ferry is the only way across.", "Ana Ruiz", "pointing out", "mixed"),
    ]


def test_a_mention_holds_the_names_its_head_is_coordinated_with(suggester):
    found = suggest(
        suggester,
        "The Mesa Police and Fire Department said they were called to the school at noon. "
        "Capt. Jo Roe and Mayor Ana Ruiz announced that the school would reopen.",
    )
    assert [(sp, name) for _, sp, name, _, _ in found] == [
        ("The Mesa Police and Fire Department", "Mesa Police and Fire Department"),
        ("Capt. Jo Roe and Mayor Ana Ruiz", "Jo Roe"),
    ]


def test_a_clause_of_its_own_subject_after_but_goes_on_with_the_report(suggester):
    found = suggest(
        suggester,
        "Union official Ana Ruiz said 300 of the plant's workers may be the first to go, but a "
        "strike would likely be backed by the other unions across the state.",
    )
    assert [q for q, *_ in found] == [
        "300 of the plant's workers may be the first to go, but a strike would likely be "
        "backed by the other unions across the state."
    ]


def test_there_were_after_and_goes_on_with_the_report(suggester):
    found = suggest(
        suggester,
        "The fire department said they were called to the building around 2 a.m. and there "
        "were no reports of injuries or illness.",
    )
    assert [q for q, *_ in found] == [
        "they were called to the building around 2 a.m. and there were no reports of "
        "injuries or illness."
    ]


def test_a_job_holders_reporting_line_over_a_things_saying_is_theirs(suggester):
    found = suggest(
        suggester,
        "The agency said it has obtained 400 tents and is preparing to send them north, its "
        "regional director said on Sunday.\n\n\u201cWe are working as fast as we can,\u201d "
        "Regional Director Ana Ruiz told reporters.",
    )
    assert [(q, sp, name, cue) for q, sp, name, cue, _ in found][0] == (
        "The agency said it has obtained 400 tents and is preparing to send them north",
        "its regional director",
        "Ana Ruiz",
        "said",
    )


def test_a_job_holders_reporting_line_over_an_organisations_saying_is_theirs(suggester):
    found = suggest(
        suggester,
        "The UNHCR said it has sent 400 tents north, its regional director said on Sunday.",
    )
    assert [(q, sp, cue) for q, sp, _, cue, _ in found] == [
        ("The UNHCR said it has sent 400 tents north", "its regional director", "said")
    ]


def test_a_person_named_with_a_job_after_an_organisations_name_is_the_speaker(suggester):
    found = suggest(
        suggester,
        "\u201cWe have had our eyes on him for a while,\u201d said Mesa Department of Public "
        "Safety spokesman Jo Roe.",
    )
    assert [(sp, name) for _, sp, name, _, _ in found] == [
        ("Mesa Department of Public Safety spokesman Jo Roe", "Jo Roe")
    ]


def test_two_apostrophes_open_a_quotes_next_paragraph(suggester):
    found = suggest(
        suggester,
        'Health Minister Ana Ruiz said that cases have risen in the state.\n\n"More cases have '
        "been reported from the northern districts.\n\n''There are 1,026 active cases in "
        "hospitals,'' the minister said.",
    )
    assert [(q, sp, cue) for q, sp, _, cue, _ in found][1:] == [
        ("More cases have been reported from the northern districts.", "the minister", "said"),
        ("There are 1,026 active cases in hospitals,", "the minister", "said"),
    ]


def test_a_paragraph_of_a_short_phrase_in_marks_is_a_crosshead_not_a_quote(suggester):
    found = suggest(
        suggester,
        "\"We will rebuild the bridge,\" Mayor Ana Ruiz said.\n\n'Not fast enough'\n\nThe "
        "council met on Monday.",
    )
    assert [q for q, *_ in found] == ["We will rebuild the bridge,"]


def test_words_in_marks_under_a_denied_saying_are_the_reporting_lines(suggester):
    found = suggest(
        suggester,
        "The head of Norgas, Norland's largest energy company, never said that fraud was a "
        '"habit in the north," a company spokesman said Thursday.',
    )
    assert [(q, sp, cue, kind) for q, sp, _, cue, kind in found] == [
        ("habit in the north,", "a company spokesman", "said", "mixed")
    ]


def test_a_gerund_of_saying_after_for_says_nothing(suggester):
    text = (
        "At present the storm did not meet the criteria for declaring a \u201cnational "
        "emergency of the first order\u201d, which would trigger new funds."
    )
    assert suggest(suggester, text) == []


def test_a_pronoun_refers_to_a_described_person_who_was_a_subject_before(suggester):
    found = suggest(
        suggester,
        "The crown counsel was answering the defence's motion made earlier.\n\nHe said the "
        "case was backed by the evidence of PW1 and PW2, who saw the accused.\n\nHe said the "
        "motion could not succeed.",
    )
    assert [(sp, name) for _, sp, name, _, _ in found] == [
        ("He", "The crown counsel"),
        ("He", "The crown counsel"),
    ]


def test_a_described_subject_inside_what_was_said_is_no_pronouns_source(suggester):
    found = suggest(
        suggester,
        "Defence lawyer Jo Roe told the court that the police officer was not present.\n\nHe "
        "added that the case should be dropped.",
    )
    assert [(sp, name) for _, sp, name, _, _ in found] == [
        ("Defence lawyer Jo Roe", "Jo Roe"),
        ("He", "Jo Roe"),
    ]


def test_the_document_a_source_gave_out_before_speaks_for_it(suggester):
    found = suggest(
        suggester,
        "The Ministry of Fisheries has stated that the 20 boats seized were not its own.\n\n"
        "The Ministry made this known in a statement signed by its minister.\n\nAccording to "
        "the statement, the boats belonged to a private firm.\n\nThe statement added that an "
        "inquiry had begun.",
    )
    assert [(sp, name) for _, sp, name, _, _ in found] == [
        ("The Ministry of Fisheries", "Ministry of Fisheries"),
        ("the statement", "Ministry of Fisheries"),
        ("The statement", "Ministry of Fisheries"),
    ]


def test_an_apposition_in_the_phrase_after_a_mentions_head_is_no_part_of_it(suggester):
    found = suggest(
        suggester,
        "The CEO of Varnhold, the French firm at the centre of the meat scandal in Norland came "
        "out fighting on Friday, denying his company was at fault.",
    )
    assert [sp for _, sp, *_ in found] == ["The CEO of Varnhold"]


def test_a_second_that_clause_after_and_is_a_quote_of_its_own(suggester):
    found = suggest(
        suggester,
        "Jo Roe said the bridge was never safe for lorries and that the county would pay "
        "for the repairs. Ana Ruiz said the plan was too costly, and that the council would "
        'vote again in May. The mayor said the "delay" had cost the town a year and that '
        "the ferry would run until June. Lee said he realized there had been a loss of "
        "trust and that he had let the town down.",
    )
    assert [(q, sp, cue, kind) for q, sp, _, cue, kind in found] == [
        ("the bridge was never safe for lorries", "Jo Roe", "said", "indirect"),
        ("the county would pay for the repairs.", "Jo Roe", "said", "indirect"),
        ("the plan was too costly", "Ana Ruiz", "said", "indirect"),
        ("the council would vote again in May.", "Ana Ruiz", "said", "indirect"),
        ("delay", "The mayor", "said", "mixed"),
        ("the ferry would run until June.", "The mayor", "said", "indirect"),
        ("he realized there had been a loss of trust", "Lee", "said", "indirect"),
        ("he had let the town down.", "Lee", "said", "indirect"),
    ]


def test_a_second_that_clause_under_another_verb_of_saying_is_its_own(suggester):
    text = (
        "The radio said a woman who escaped told police that the attacker was her son and "
        "that his father was the mayor."
    )
    assert [q for q, *_ in suggest(suggester, text)] == [text[len("The radio said ") :]]


def test_a_mention_holds_the_noun_its_of_phrase_is_coordinated_with(suggester):
    found = suggest(
        suggester,
        "In its statement, the Ministry of Health and Community Protection added that the "
        "boats were seized at dawn. The Department of Energy and Climate Change said that "
        "no fuel was lost.",
    )
    assert [(sp, name) for _, sp, name, _, _ in found] == [
        (
            "the Ministry of Health and Community Protection",
            "Ministry of Health and Community Protection",
        ),
        ("The Department of Energy and Climate Change", "Department of Energy and Climate Change"),
    ]


def test_a_participle_of_saying_after_dots_goes_on_as_after_a_comma(suggester):
    found = suggest(
        suggester,
        "Jo Roe stressed that the centres in the country are working around the clock .. "
        "stressing that the health system works well.",
    )
    assert [(q, sp, cue) for q, sp, _, cue, _ in found] == [
        ("the centres in the country are working around the clock", "Jo Roe", "stressed"),
        ("the health system works well.", "Jo Roe", "stressing"),
    ]


def test_submitting_in_court_is_saying(suggester):
    found = suggest(
        suggester,
        "The bridge was never safe for lorries, the county's lawyer submitted. The lawyer for the "
        "town submitted that the repairs were overdue. The firm submitted its bid in May.",
    )
    assert [(q, sp, cue) for q, sp, _, cue, _ in found] == [
        ("The bridge was never safe for lorries", "the county's lawyer", "submitted"),
        ("the repairs were overdue.", "The lawyer for the town", "submitted"),
    ]


def test_a_document_that_reads_is_the_speaker_of_its_words(suggester):
    found = suggest(
        suggester,
        "The club gave out a statement on Monday.\n\n"
        'The statement reads in full: "Jo Roe has left his role as manager."\n\n'
        '"I am not the author of the letter," read a statement attributed to Ana Ruiz.\n\n'
        "Mayor Tom Reed released a statement of his own the same day, which read in part, "
        '"Speculation that I wrote it is false."\n\n'
        'He read a statement to the press: "We are done."',
    )
    assert [(q, sp, cue) for q, sp, _, cue, _ in found] == [
        ("Jo Roe has left his role as manager.", "The statement", "reads"),
        ("I am not the author of the letter,", "a statement", "read"),
        ("Speculation that I wrote it is false.", "a statement of his own", "read"),
        ("We are done.", "He", "read a statement to the press"),
    ]
    assert found[2][2] == "Tom Reed"  # who gave it out


def test_a_verb_of_saying_deep_in_the_reported_clause_is_the_clauses(suggester):
    found = suggest(
        suggester,
        "Opposition MP Ana Ruiz agreed, but said it was the duty of the Opposition to hold "
        "the Government accountable for what they brought and said in Parliament.",
    )
    assert [q for q, *_ in found] == [
        "it was the duty of the Opposition to hold the Government accountable for what they "
        "brought and said in Parliament."
    ]


def test_a_persons_name_right_before_a_verb_of_saying_the_parse_left_without_subject(suggester):
    found = suggest(
        suggester,
        "Standing on a Point of Order, Leader of Government in Parliament and Agriculture "
        "Minister Inia Vakalala said the Order of Business was clearly specified in the Standing "
        "Orders.",
    )
    assert [(q, name, cue) for q, _, name, cue, _ in found] == [
        (
            "the Order of Business was clearly specified in the Standing Orders.",
            "Inia Vakalala",
            "said",
        )
    ]


def test_a_mark_left_open_before_its_reporting_line_closes_at_its_comma(suggester):
    found = suggest(
        suggester,
        "The ministry spoke of the border on Sunday.\n\n"
        '"After the ministry was told of it, the embassy was asked to act at once, said Ana '
        "Ruiz in response to questions.\n\n"
        '"The talks go on. We will not give up," she said.',
    )
    assert [(q, sp, cue, kind) for q, sp, _, cue, kind in found] == [
        (
            "After the ministry was told of it, the embassy was asked to act at once,",
            "Ana Ruiz",
            "said",
            "direct",
        ),
        ("The talks go on. We will not give up,", "she", "said", "direct"),
    ]


def test_clarifying_is_saying(suggester):
    found = suggest(
        suggester,
        'The judges, however, clarified that they "will not rule before hearing the town." '
        "Ana Ruiz clarified that the bridge would stay open. A map would clarify if the road "
        "was closed.",
    )
    assert [(q, sp, cue, kind) for q, sp, _, cue, kind in found] == [
        ("will not rule before hearing the town.", "The judges", "clarified", "mixed"),
        ("the bridge would stay open.", "Ana Ruiz", "clarified", "indirect"),
    ]


def test_a_subject_the_parse_joined_to_a_list_before_it_is_the_verbs(suggester):
    found = suggest(
        suggester,
        "Cases of the flu have been found in Germany, Saudi Arabia, Jordan, UAE, Qatar and "
        "Britain, and health officials claim that the virus may have spread in schools.",
    )
    assert [(q, sp, cue) for q, sp, _, cue, _ in found] == [
        ("the virus may have spread in schools.", "health officials", "claim")
    ]


def test_what_the_speaker_did_after_and_and_a_phrase_is_no_part_of_the_clause(suggester):
    found = suggest(
        suggester,
        "Tom Reed said he didn't know about the party and, in a letter to the council members "
        "Monday, apologized for the staffer's remark. The agency said 3 inches of rain could "
        "fall in the east on Monday, and possibly more in the hills.",
    )
    assert [q for q, *_ in found] == [
        "he didn't know about the party",
        "3 inches of rain could fall in the east on Monday, and possibly more in the hills.",
    ]


def test_a_clause_the_parse_splices_on_after_a_comma_stays_in_the_report(suggester):
    found = suggest(
        suggester,
        "Officials say the breadth of topics addressed in the files, which touch on the war in "
        "Norland, Vestia, the Middle East and Africa, suggest they may have been leaked by an "
        "insider.",
    )
    assert [q for q, *_ in found] == [
        "the breadth of topics addressed in the files, which touch on the war in Norland, "
        "Vestia, the Middle East and Africa, suggest they may have been leaked by an insider."
    ]


def test_whom_a_clause_was_told_is_no_part_of_it(suggester):
    found = suggest(
        suggester,
        "Norgas told ABC News there was no sign of a leak. Jo Roe, the county police "
        "spokesman, told Xinhua investigation was being carried out to find the driver.",
    )
    assert [(q, sp, cue) for q, sp, _, cue, _ in found] == [
        ("there was no sign of a leak.", "Norgas", "told"),
        ("investigation was being carried out to find the driver.", "Jo Roe", "told"),
    ]


def test_whether_or_not_before_a_reporting_line_is_part_of_the_clause(suggester):
    found = suggest(
        suggester,
        "The Norland Party is the only parliamentary opposition party, whether acknowledged "
        "by the speaker or not, party Secretary General Ana Ruiz said today (17 January).\n\n"
        "The Green Party is the only real opposition party, whether acknowledged by the speaker or "
        "not, party Secretary General Ana Maria Ruiz said today.",
    )
    assert [(q, sp, cue) for q, sp, _, cue, _ in found] == [
        (
            "The Norland Party is the only parliamentary opposition party, whether "
            "acknowledged by the speaker or not",
            "party Secretary General Ana Ruiz",
            "said",
        ),
        (
            "The Green Party is the only real opposition party, whether acknowledged by the "
            "speaker or not",
            "party Secretary General Ana Maria Ruiz",
            "said",
        ),
    ]


def test_a_subject_the_parse_hung_on_the_datelines_appositions_speaks(suggester):
    found = suggest(
        suggester,
        "Colombo (LNW): Leader of the Opposition Ana Ruiz responded to the rumours about her "
        "party, stating that they are false.",
    )
    assert [(q, sp, cue) for q, sp, _, cue, _ in found] == [
        ("they are false.", "Leader of the Opposition Ana Ruiz", "stating")
    ]


def test_words_in_marks_after_but_inside_a_relative_clause_are_the_only_quote(suggester):
    found = suggest(
        suggester,
        "In a statement, the party leader emphasised that the new council which is but ‘a "
        "copy’ of the old one is trying to drag the town into debt.",
    )
    assert [(q, sp, cue, kind) for q, sp, _, cue, kind in found] == [
        ("a copy", "the party leader", "emphasised", "mixed")
    ]


def test_which_with_a_verb_of_saying_of_its_own_ends_the_reported_clause(suggester):
    found = suggest(
        suggester,
        "Norland Water announced it would go ahead with the new pipeline, which it claimed "
        "will cut leaks by half.",
    )
    assert [(q, sp, cue) for q, sp, _, cue, _ in found] == [
        ("it would go ahead with the new pipeline", "Norland Water", "announced")
    ]


def test_a_cues_object_that_a_modal_follows_is_the_reported_clauses_subject(suggester):
    found = suggest(
        suggester,
        "It comes as a union boss has warned the move to make staff take an extra unpaid break "
        "per shift could push them into debt.",
    )
    assert [(q, sp, cue) for q, sp, _, cue, _ in found] == [
        (
            "the move to make staff take an extra unpaid break per shift could push them into "
            "debt.",
            "a union boss",
            "warned",
        )
    ]


def test_words_in_marks_with_a_verb_of_their_own_after_an_object_are_said(suggester):
    found = suggest(
        suggester,
        "The airline said the passenger onboard Norland Air Flight 411 “threatened crew "
        "members, and at one point threatened the safety of the aircraft.”\n\nThe analyst "
        'maintained his "neutral" rating on the shares.',
    )
    assert [(q, sp, cue, kind) for q, sp, _, cue, kind in found] == [
        (
            "threatened crew members, and at one point threatened the safety of the aircraft.",
            "The airline",
            "said",
            "mixed",
        )
    ]


def test_a_participle_of_saying_that_opens_its_sentence_is_the_subjects_after_it(suggester):
    found = suggest(
        suggester,
        'Mentioning that the Norland Party has not changed its stance, he said, "There were '
        'many issues."',
    )
    assert [(q, sp, cue) for q, sp, _, cue, _ in found] == [
        ("the Norland Party has not changed its stance", "he", "Mentioning"),
        ("There were many issues.", "he", "said"),
    ]


def test_marks_in_what_a_saying_is_about_name_a_thing(suggester):
    text = (
        "The council is warning people about a “potential scam” where callers claim to "
        "represent the council."
    )
    assert suggest(suggester, text) == []


def test_words_in_marks_that_open_with_and_after_a_reported_clause_are_mixed(suggester):
    found = suggest(
        suggester,
        "The hospital said while the details cannot be revealed it will further train its "
        "staff, “and appropriately counsel those close to the situation.”\n\n"
        '"We did well," he said, "and we will be back."',
    )
    assert [(q, kind) for q, _, _, _, kind in found] == [
        ("and appropriately counsel those close to the situation.", "mixed"),
        ("We did well,", "direct"),
        ("and we will be back.", "direct"),
    ]


def test_the_text_of_a_statement_issued_by_a_name_reads_for_it(suggester):
    found = suggest(
        suggester,
        "The text of the statement issued by the Norland Football Union read as follows: “On "
        "the decision of the league to exclude Norland teams from all competitions.”",
    )
    assert [(q, sp, name, cue) for q, sp, name, cue, _ in found] == [
        (
            "On the decision of the league to exclude Norland teams from all competitions.",
            "The text of the statement",
            "Norland Football Union",
            "read",
        )
    ]


def test_reminding_is_saying_and_calling_it_something_is_no_part_of_the_clause(suggester):
    found = suggest(
        suggester,
        "Jo Roe stressed that some papers spread false claims, reminding editors of the need "
        "to check facts. Ana Ruiz also confirmed that the news was untrue and called it a "
        "breach of ethics. The agency also reminded that spreading false news is a crime.",
    )
    assert [(q, sp, cue) for q, sp, _, cue, _ in found] == [
        ("some papers spread false claims", "Jo Roe", "stressed"),
        ("the news was untrue", "Ana Ruiz", "confirmed"),
        ("spreading false news is a crime.", "The agency", "reminded"),
    ]


def test_a_clause_joined_by_and_before_a_reporting_line_is_reported_whole(suggester):
    found = suggest(
        suggester,
        "The water rose nearly as high as the power lines along the river, and some houses "
        "were flooded to their roofs, the Daily Post reported.",
    )
    assert [(q, sp, cue) for q, sp, _, cue, _ in found] == [
        (
            "The water rose nearly as high as the power lines along the river, and some "
            "houses were flooded to their roofs",
            "the Daily Post",
            "reported",
        )
    ]


def test_a_participle_after_what_a_denied_report_said_is_the_deniers(suggester):
    found = suggest(
        suggester,
        "A spokesperson for the ministry on Sunday denied media reports that a blast at the "
        "port may have been linked to the mishandling of fuel used for rockets, stating that "
        "no military material was present.",
    )
    assert [(q, sp, cue) for q, sp, _, cue, _ in found] == [
        ("no military material was present.", "A spokesperson for the ministry", "stating")
    ]


def test_one_letter_in_marks_is_a_label_and_according_to_him_is_the_person_before(suggester):
    found = suggest(
        suggester,
        "Police Commissioner Jo Musa disclosed that a raid led to two arrests. According to "
        "him, the men – Ed Bayo ‘m’ 29yrs and Tom Alfred ‘m’ 32yrs – were held at the junction.",
    )
    assert [(q, sp, name, cue) for q, sp, name, cue, _ in found] == [
        ("a raid led to two arrests.", "Police Commissioner Jo Musa", "Jo Musa", "disclosed"),
        (
            "the men – Ed Bayo ‘m’ 29yrs and Tom Alfred ‘m’ 32yrs – were held at the junction.",
            "him",
            "Jo Musa",
            "According to",
        ),
    ]


def test_a_clause_the_parse_split_at_its_verb_and_a_degree_in_capitals_in_marks(suggester):
    found = suggest(
        suggester,
        "Jo Roe submitted that the charge preferred against his client is a grave charge "
        "which may carry a life sentence. Counsel Ann Lee submitted that the charge "
        "preferred against her client is a “Very Serious” charge which may carry a fine.",
    )
    assert [(q, sp, cue, kind) for q, sp, _, cue, kind in found] == [
        (
            "the charge preferred against his client is a grave charge which may carry a "
            "life sentence.",
            "Jo Roe",
            "submitted",
            "indirect",
        ),
        ("Very Serious", "Counsel Ann Lee", "submitted", "mixed"),
    ]


def test_a_phrase_of_when_after_according_to_is_no_part_of_the_clause(suggester):
    found = suggest(
        suggester,
        "Norland’s foreign ministry has denied a report that it has sold shells to Vestia by "
        "rail, calling the claim an outrageous fabrication.According to the North's official "
        "Norland Central News Agency on Friday, a spokesperson for the ministry denounced the "
        "report as a most absurd manipulation.",
    )
    assert [(q, cue) for q, _, _, cue, _ in found] == [
        (
            "a spokesperson for the ministry denounced the report as a most absurd manipulation.",
            "According to",
        )
    ]


def test_anyone_who_issued_a_statement_before_a_colon_speaks_its_words(suggester):
    found = suggest(
        suggester,
        "The charity issued a statement: “Norland’s minister listed the charity as an "
        "‘unauthorised association’. The charity categorically denies these allegations.",
    )
    assert [(sp, cue, kind) for _, sp, _, cue, kind in found] == [
        ("The charity", "issued a statement", "direct")
    ]


def test_a_passive_saying_with_no_agent_is_no_ones_not_the_speaker_just_before(suggester):
    text = (
        "A member of staff has been suspended over claims about a presenter, the broadcaster "
        "has confirmed.\n\nIt was alleged that the presenter paid a teenager for images."
    )
    assert [(sp, cue) for _, sp, _, cue, _ in suggest(suggester, text)] == [
        ("the broadcaster", "confirmed")
    ]


def test_an_apposition_the_parse_lost_before_a_reporting_line_is_the_clauses(suggester):
    found = suggest(
        suggester,
        "The barge has been scheduled to sail to its destination after refueling from the "
        "local shipping agent, Norvia Agencies in Colombo, it said.",
    )
    assert [q for q, *_ in found] == [
        "The barge has been scheduled to sail to its destination after refueling from the "
        "local shipping agent, Norvia Agencies in Colombo"
    ]


def test_a_participle_with_only_when_after_a_comma_is_no_reporting_line(suggester):
    found = suggest(
        suggester,
        "NCF says it cannot comment on its relationship with individual charities so is "
        "unable to confirm or deny the claim, reported yesterday.",
    )
    assert [q for q, *_ in found] == [
        "it cannot comment on its relationship with individual charities so is unable to "
        "confirm or deny the claim, reported yesterday."
    ]


def test_a_subject_the_parse_took_for_an_apposition_of_according_to_x_is_the_clauses(
    suggester,
):
    found = suggest(
        suggester,
        "Applying for bail, counsel Jo Gomez submitted that the charge is serious. According "
        "to counsel Gomez, Section 17 (1) provides that those rights enshrined in the "
        "Constitution shall be enforceable by the courts in accordance with the constitution.",
    )
    assert [(q, cue) for q, _, _, cue, _ in found][1] == (
        "Section 17 (1) provides that those rights enshrined in the Constitution shall be "
        "enforceable by the courts in accordance with the constitution.",
        "According to",
    )


def test_a_second_that_clause_after_but_is_a_quote_of_its_own(suggester):
    found = suggest(
        suggester,
        "Gov. Jo Roe also noted that flooding was receding in the north, but that the south "
        "of the state is now seeing more rain. He added that some stations ran out of ink "
        'but that the issue was resolved within hours. Lee said spending was "great" but '
        "that local spending had fallen off a cliff.",
    )
    assert [(q, sp, cue, kind) for q, sp, _, cue, kind in found] == [
        ("flooding was receding in the north", "Gov. Jo Roe", "noted", "indirect"),
        ("the south of the state is now seeing more rain.", "Gov. Jo Roe", "noted", "indirect"),
        ("some stations ran out of ink", "He", "added", "indirect"),
        ("the issue was resolved within hours.", "He", "added", "indirect"),
        ("great", "Lee", "said", "mixed"),
    ]


def test_a_participle_of_saying_with_no_comma_before_it_ends_the_clause(suggester):
    found = suggest(
        suggester,
        "However, Ana Ruiz said that all the people suspected of having the virus have been "
        "confirmed negative adding that she will give a detailed statement in May.",
    )
    assert [(q, sp, cue) for q, sp, _, cue, _ in found] == [
        (
            "all the people suspected of having the virus have been confirmed negative",
            "Ana Ruiz",
            "said",
        ),
        ("she will give a detailed statement in May.", "Ana Ruiz", "adding"),
    ]


def test_what_a_matter_raised_by_someone_says_is_no_answer_of_its_responder(suggester):
    text = (
        "Ana Ruiz was responding to a matter of national importance raised by county MP, Jo "
        "Roe that eight people in his village have died of the virus."
    )
    assert suggest(suggester, text) == []


def test_a_day_after_a_name_is_when_it_spoke_no_part_of_its_mention(suggester):
    found = suggest(
        suggester,
        "Norvia’s Bank Friday denied what it called “false reports” saying that no client had "
        "made any ‘direct or indirect requests’ to close their accounts. People’s Bank Friday "
        "said that no client had made any request to close an account. Prime Minister Theresa "
        "May said that the talks would go on.",
    )
    assert [(sp, name) for _, sp, name, *_ in found] == [
        ("Norvia’s Bank", "Norvia’s Bank"),
        ("Norvia’s Bank", "Norvia’s Bank"),
        ("People’s Bank", "People’s Bank"),
        ("Prime Minister Theresa May", "Theresa May"),
    ]


def test_a_reported_clause_goes_on_past_a_word_joined_by_a_hyphen(suggester):
    found = suggest(
        suggester,
        "The Daily Star reported Norton have re-entered the race to sign Jo Roe. The Daily "
        "Star reported that the mayor had co-signed the letter on Monday.",
    )
    assert [q for q, *_ in found] == [
        "Norton have re-entered the race to sign Jo Roe.",
        "the mayor had co-signed the letter on Monday.",
    ]


def test_a_verb_after_a_quote_that_reports_a_that_clause_is_no_line_of_the_quote(suggester):
    found = suggest(
        suggester,
        'According to a thread on Norvia.com that asked "Any layoff emails received this '
        'week?" some employees responded that they have been let go.',
    )
    assert [(q, sp, cue, kind) for q, sp, _, cue, kind in found] == [
        ("Any layoff emails received this week?", "a thread on Norvia.com", "asked", "direct"),
        (
            "some employees responded that they have been let go.",
            "a thread on Norvia.com",
            "According to",
            "indirect",
        ),
    ]


def test_a_denied_saying_reports_no_clause(suggester):
    found = suggest(
        suggester,
        "While Norvia isn't confirming that layoffs are taking place this week, former staff "
        "have been posting as much online. Jo Roe never said that the plan would fail. Ana "
        "Ruiz said that the plan would not fail.",
    )
    assert [(q, sp) for q, sp, *_ in found] == [("the plan would not fail.", "Ana Ruiz")]


def test_a_label_a_passive_verb_of_naming_gives_is_no_mixed_quote(suggester):
    text = (
        'Mayor Ed Ams had said that Jo Roe, who had originally been named a "person of '
        'interest" in the shooting on Tuesday, was being considered a suspect. The mayor said '
        'the man was called a "hero" by his neighbours.'
    )
    found = suggest(suggester, text)
    assert [(q, kind) for q, _, _, _, kind in found] == [
        (
            'Jo Roe, who had originally been named a "person of interest" in the shooting on '
            "Tuesday, was being considered a suspect.",
            "indirect",
        ),
        ("hero", "mixed"),
    ]


def test_adjectives_in_marks_before_their_noun_are_a_label(suggester):
    found = suggest(
        suggester,
        "Even then, he announced ‘unofficial’ and unconfirmed results of the vote in the "
        'north. He called the deal "costly" for the town.',
    )
    assert [(q, kind) for q, _, _, _, kind in found] == [("costly", "mixed")]


def test_the_writers_time_after_but_is_no_part_of_the_report(suggester):
    found = suggest(
        suggester,
        "He promised that some results would be announced at noon but at the time of this "
        "writing, nothing had been released yet. The mayor said the road would reopen on "
        "Monday, but at press time it was still closed.",
    )
    assert [q for q, *_ in found] == [
        "some results would be announced at noon",
        "the road would reopen on Monday",
    ]


def test_words_in_marks_with_a_verb_of_their_own_under_a_request_are_words_said(suggester):
    found = suggest(
        suggester,
        "Defence lawyer Jo Roe had asked the judge to consider that there are “two sides to "
        "Mr. Lee. We have a gentleman, who by many accounts, has helped many people.” The "
        "mayor asked residents to stay indoors.",
    )
    assert [(q, sp, cue, kind) for q, sp, _, cue, kind in found] == [
        (
            "two sides to Mr. Lee. We have a gentleman, who by many accounts, has helped many "
            "people.",
            "Defence lawyer Jo Roe",
            "asked",
            "mixed",
        )
    ]


def test_a_participle_of_saying_right_before_a_quote_is_its_cue(suggester):
    found = suggest(
        suggester,
        "They warned the public to be very cautious, adding: “Do not send money or provide "
        'personal details.” Jo Roe spoke to reporters, saying: "We will build it."',
    )
    assert [(q, sp, cue) for q, sp, _, cue, _ in found] == [
        ("Do not send money or provide personal details.", "They", "adding"),
        ("We will build it.", "Jo Roe", "saying"),
    ]


def test_the_statement_a_pronoun_gave_out_speaks_for_whom_it_names(suggester):
    found = suggest(
        suggester,
        "The Norvia Foundation has warned the public against scammers.\n\nIn a statement "
        "issued in Abuja, it raised the alarm that scammers were targeting charities.\n\nThe "
        "statement signed by Jo Roe, regional director, emphasized: “We do not sponsor "
        "lotteries or solicit donations.”",
    )
    assert [(sp, name) for _, sp, name, *_ in found][-1] == ("The statement", "Norvia Foundation")


def test_the_statement_by_its_organisations_kind_speaks_for_who_gave_it_out(suggester):
    found = suggest(
        suggester,
        "Norvia Bank denied the reports. In a statement the Norvia Bank said that there were "
        "misleading reports in the media.\n\nThe bank statement said: “We have not received any "
        "requests from any state institution to close their accounts with us.”",
    )
    assert [(sp, name) for _, sp, name, *_ in found][-1] == ("The bank statement", "Norvia Bank")


def test_a_clause_of_where_after_a_comma_the_parse_gives_a_cue_is_no_report(suggester):
    # the parse the pipeline made of such a sentence on real news, written out: the clause
    # of where hung on the cue (made-up sentences of this shape parse otherwise)
    words = "He announced results of a seat , NA-11 , where Jo Roe beat the candidate .".split()
    heads = [1, 1, 1, 2, 5, 3, 5, 1, 7, 12, 11, 12, 1, 14, 12, 1]
    deps = ["nsubj", "ROOT", "dobj", "prep", "det", "pobj", "punct", "dep", "punct"]
    deps += ["advmod", "compound", "nsubj", "ccomp", "det", "dobj", "punct"]
    tags = ["PRP", "VBD", "NNS", "IN", "DT", "NN", ",", "CD", ",", "WRB", "NNP", "NNP", "VBD"]
    tags += ["DT", "NN", "."]
    para = written_parse(suggester, words, heads=heads, deps=deps, tags=tags)
    assert reported_clause(para.doc[1], para) is None
    said = "Ana Ruiz told reporters where the body had been found."
    assert [(q, cue) for q, _, _, cue, _ in suggest(suggester, said)] == [
        ("where the body had been found.", "told")
    ]


def test_a_he_after_a_job_in_capitals_that_named_a_person_is_that_person(suggester):
    found = suggest(
        suggester,
        "The First Deputy Speaker, Ben Ahi, gave the directive after the Minority Leader, Alex "
        "Afe-Mark, appealed to the House to invite the minister.\n\nThe Minority Leader said it "
        "had been reported that there were 412 cases of the disease in the area.\n\n"
        "Currently, he said, the affected persons were being treated at the town's hospital.",
    )
    assert [(sp, name) for _, sp, name, *_ in found] == [
        ("The Minority Leader", "Alex Afe-Mark"),
        ("he", "Alex Afe-Mark"),
    ]


def test_a_paragraph_that_x_said_colon_closes_gives_the_next_quote_its_cue(suggester):
    found = suggest(
        suggester,
        "Asked about the bridge, Mayor Ana Ruiz said:\n\n"
        '"We will build it again next year, whatever it costs the town."',
    )
    assert [(sp, name, cue) for _, sp, name, cue, _ in found] == [
        ("Mayor Ana Ruiz", "Ana Ruiz", "said")
    ]


def test_suggested_is_a_persons_saying_and_no_things(suggester):
    found = suggest(
        suggester,
        'A city councillor was criticised after he suggested that the "little men in '
        'Norland" could be listening. Jo Roe attacked the bus company and suggested the '
        "town had paid too much for its buses. The figures suggest that the town paid too "
        "much. Studies suggest people can be infected without feeling sick.",
    )
    assert [(q, sp, cue, kind) for q, sp, _, cue, kind in found] == [
        ("little men in Norland", "he", "suggested", "mixed"),
        ("the town had paid too much for its buses.", "Jo Roe", "suggested", "indirect"),
    ]


def test_a_cue_closing_a_paragraph_with_a_semicolon_or_comma_introduces_the_next(suggester):
    found = suggest(
        suggester,
        "Coach Ana Ruiz talked about the injuries of her players and said;\n\n"
        '"We struggled with our preparations and we do not have enough players."',
    )
    assert [(q[:10], sp, cue) for q, sp, _, cue, _ in found] == [
        ("We struggl", "Coach Ana Ruiz", "said")
    ]


def test_an_infinitive_of_saying_after_went_on_or_had_is_its_subjects(suggester):
    found = suggest(
        suggester,
        "Coach Ana Ruiz spoke about her striker. Here is what she had to say,\n\n"
        '"It is a muscle injury, I think, but we will know more tomorrow."\n\n'
        "Ruiz further went on to say that the club's lack of preparation is evident in its "
        "results. She refused to say who would play on Monday.",
    )
    assert [(q[:10], sp, name, cue) for q, sp, name, cue, _ in found] == [
        ("It is a mu", "she", "Ana Ruiz", "say"),
        ("the club's", "Ruiz", "Ana Ruiz", "say"),
    ]


def test_an_organisations_of_or_for_phrase_is_in_its_mention(suggester):
    found = suggest(
        suggester,
        "Norland Division of Public Health officials say the county has seven cases. An "
        "outbreak is three or more cases, according to the Centers for Disease Control and "
        "Prevention. Jo Roe for the Democrats said the vote was lost.",
    )
    assert [sp for _, sp, *_ in found] == [
        "Norland Division of Public Health officials",
        "the Centers for Disease Control and Prevention",
        "Jo Roe",
    ]


def test_a_verb_after_but_in_another_number_than_the_cue_goes_on_with_the_report(suggester):
    found = suggest(
        suggester,
        "In the statement, the band says they have returned home, but are still worried "
        "about the fans. The mayor says the roads are closed, but expects to open them soon.",
    )
    assert [q for q, *_ in found] == [
        "they have returned home, but are still worried about the fans.",
        "the roads are closed",
    ]


def test_joked_quipped_and_espoused_report_a_clause(suggester):
    found = suggest(
        suggester,
        'He also joked that the town had offered a "smaller" bribe. The mayor quipped that '
        'the bridge would outlive them all. "Bring earplugs," Ann Lee joked. In his letter, '
        "Jo Roe espoused that a magistrate always has to bear in mind the rights of the "
        "defendant.",
    )
    assert [(q[:12], cue, kind) for q, _, _, cue, kind in found] == [
        ("smaller", "joked", "mixed"),
        ("the bridge w", "quipped", "indirect"),
        ("Bring earplu", "joked", "direct"),
        ("a magistrate", "espoused", "indirect"),
    ]


def test_a_job_the_parse_made_a_second_subject_before_a_name_is_in_its_mention(suggester):
    found = suggest(
        suggester,
        "Spokesperson for the Health Committee Dr. Ann Lee said that six suspected cases "
        "were examined.",
    )
    assert [(sp, name) for _, sp, name, _, _ in found] == [
        ("Spokesperson for the Health Committee Dr. Ann Lee", "Ann Lee")
    ]


def test_a_clause_the_parse_split_into_two_clauses_of_the_cue_is_one(suggester):
    found = suggest(
        suggester,
        "He reiterated that the decisions and measures have been taken by Norland are "
        "precautionary measures against this epidemic.",
    )
    assert [q for q, *_ in found] == [
        "the decisions and measures have been taken by Norland are precautionary measures "
        "against this epidemic."
    ]


def test_a_phrase_the_parse_cut_at_a_score_goes_on_with_the_report(suggester):
    found = suggest(
        suggester,
        "Ana Ruiz confirmed that Jo Roe, Ivo Berg and Tom Reed had all suffered hamstring "
        "injuries during Norton United’s 0-0 draw with Kelby on Sunday.",
    )
    assert [q for q, *_ in found] == [
        "Jo Roe, Ivo Berg and Tom Reed had all suffered hamstring injuries during Norton "
        "United’s 0-0 draw with Kelby on Sunday."
    ]


def test_a_pronoun_closing_a_report_is_no_one_named_in_it(suggester):
    found = suggest(
        suggester,
        "County Prosecutor Robert Lee identified the suspect as 20-year-old Tom Reed. Reed "
        "has been charged with two counts of assault, among other things, he said.",
    )
    assert [(sp, name) for _, sp, name, _, _ in found] == [("he", "Robert Lee")]


def test_an_and_inside_the_clause_before_a_reporting_line_leaves_it_the_lines(suggester):
    found = suggest(
        suggester,
        "The ambassador should remain diplomatic and not jeopardize ties with Norland, a "
        "presidential aide said on Tuesday.",
    )
    assert [(q, sp) for q, sp, *_ in found] == [
        (
            "The ambassador should remain diplomatic and not jeopardize ties with Norland",
            "a presidential aide",
        )
    ]


def test_a_job_in_capitals_after_a_name_is_the_persons_and_the_words_of_what_it_is_of_no_name(
    suggester,
):
    found = suggest(
        suggester,
        "Jo Roe says his only regret is the slow pace of reform.\n\n"
        "Roe, the Minister of Trade and Industry, stated this at a forum in Abuja.\n\n"
        "The minister said some traders have failed to appreciate the new rules.\n\n"
        "He said over one million traders had benefitted from the loans.",
    )
    assert [(sp, name) for _, sp, name, _, _ in found] == [
        ("Jo Roe", "Jo Roe"),
        ("The minister", "Jo Roe"),
        ("He", "Jo Roe"),
    ]


def test_a_clause_after_but_that_goes_on_from_a_reporting_line_is_the_lines(suggester):
    found = suggest(
        suggester,
        "There had been no delay, the engineer said, but a crack in the beam had been found."
        '\n\nThere had been no "silver bullet", Ms Roe said, but a photo showing the driver '
        "leaving the yard at night had been important.",
    )
    assert [(q, sp, cue, kind) for q, sp, _, cue, kind in found] == [
        ("There had been no delay", "the engineer", "said", "indirect"),
        ("a crack in the beam had been found.", "the engineer", "said", "indirect"),
        ("silver bullet", "Ms Roe", "said", "mixed"),
        (
            "a photo showing the driver leaving the yard at night had been important.",
            "Ms Roe",
            "said",
            "indirect",
        ),
    ]


def test_a_reporting_line_whose_source_the_parse_hangs_on_the_clause_as_an_apposition(
    suggester,
):
    found = suggest(
        suggester,
        "The rail regulator is close to a ruling on how its rules apply to freight firms "
        "working with local lines, a source close to the talks told Reuters.",
    )
    assert [(q[-11:], sp, cue) for q, sp, _, cue, _ in found] == [
        ("local lines", "a source close to the talks", "told")
    ]


def test_a_clause_whose_verb_the_parse_hangs_on_its_subject_is_the_lines_before_it(suggester):
    found = suggest(
        suggester,
        "Still, important work needed to be done on the bridge in the coming weeks, the "
        "engineer stressed.\n\nHowever, more money needed to be found for the schools before "
        "the winter, the mayor warned.",
    )
    assert [(q, sp, cue) for q, sp, _, cue, _ in found] == [
        (
            "Still, important work needed to be done on the bridge in the coming weeks",
            "the engineer",
            "stressed",
        ),
        (
            "However, more money needed to be found for the schools before the winter",
            "the mayor",
            "warned",
        ),
    ]


def test_marks_in_a_clause_whose_reporting_line_the_parse_makes_its_conjunct(suggester):
    found = suggest(
        suggester,
        'The city council does not "act first and think later", its leader said on Tuesday, '
        "responding to questions from residents.",
    )
    assert [(q, sp, cue, kind) for q, sp, _, cue, kind in found] == [
        ("act first and think later", "its leader", "said", "mixed")
    ]


def test_a_lead_description_is_no_one_its_own_words_name_in_the_next_paragraph(suggester):
    found = suggest(
        suggester,
        "Former mayor Jo Roe will appeal against his conviction for fraud, his lawyer says.\n\n"
        "Roe, 62, faces up to ten years in jail after a trial in Kelby.\n\n"
        'But his lawyer, Ed Cole, said there were "clear grounds" to appeal.',
    )
    assert [(sp, name) for _, sp, name, _, _ in found] == [
        ("his lawyer", "Ed Cole"),
        ("Ed Cole", "Ed Cole"),
    ]


def test_one_capitalised_word_in_marks_before_a_noun_is_a_works_name(suggester):
    found = suggest(
        suggester,
        "The lawyer said Thursday he would appeal the former “Dynasty” star’s conviction for "
        "lying to police.",
    )
    assert [(q, kind) for q, _, _, _, kind in found] == [
        ("he would appeal the former “Dynasty” star’s conviction for lying to police.", "indirect")
    ]


def test_a_participle_of_saying_with_a_clause_and_no_that_after_a_report_is_the_speakers(
    suggester,
):
    found = suggest(
        suggester,
        "The coach said the defence was solid adding the team would rest on Sunday.\n\n"
        'The neighbour said the nurse who came first was "wonderful" adding she was "very '
        'kind" to everyone.',
    )
    assert [(q, sp, cue) for q, sp, _, cue, _ in found] == [
        ("the defence was solid", "The coach", "said"),
        ("the team would rest on Sunday.", "The coach", "adding"),
        ("wonderful", "The neighbour", "said"),
        ("very kind", "The neighbour", "adding"),
    ]


def test_a_mark_left_open_closes_before_a_reporting_line_also_past_two_apostrophes(suggester):
    found = suggest(
        suggester,
        '"The bridge will close in May, Jo Roe said.\n\n'
        "The minister said some traders have failed to see the gains.\n\n"
        "“My regret is that traders have failed to see the gains.\n\n"
        "“At the peak of the crisis, we were even paying for storage,’’ he said.",
    )
    assert [(q, sp, cue) for q, sp, _, cue, _ in found] == [
        ("The bridge will close in May,", "Jo Roe", "said"),
        ("some traders have failed to see the gains.", "The minister", "said"),
        ("My regret is that traders have failed to see the gains.", "he", "said"),
        ("At the peak of the crisis, we were even paying for storage,", "he", "said"),
    ]


def test_a_verb_of_saying_with_a_clause_after_it_closes_no_open_mark(suggester):
    found = suggest(
        suggester,
        "The coach spoke after the game.\n\n"
        "“We went to see the physio, he said we should rest, and we did. It was hard.",
    )
    assert ("We went to see the physio,", "he") not in [(q, sp) for q, sp, *_ in found]


def test_a_phrase_of_when_right_after_the_cue_is_no_part_of_the_clause(suggester):
    found = suggest(
        suggester,
        "The regulator said last week it was seeking clarity from the courts. The council "
        "said on Monday it was seeking clarity. The council said last week's meeting was a "
        "success.",
    )
    assert [q for q, *_ in found] == [
        "it was seeking clarity from the courts.",
        "it was seeking clarity.",
        "last week's meeting was a success.",
    ]


def test_a_cue_with_a_clause_right_after_it_reports_that_one_not_the_one_before(suggester):
    found = suggest(
        suggester,
        "A spokesperson for Acme wasn't reachable for comment, however a clerk for the "
        "company said the depot would close in May. \u201cThe gate is shut,\u201d Jo Roe said "
        "he told the driver before he left.",
    )
    assert [(q, sp, cue) for q, sp, _, cue, _ in found] == [
        ("the depot would close in May.", "a clerk for the company", "said"),
        ("The gate is shut,", "Jo Roe", "said"),
    ]


def test_a_mention_s_phrase_of_for_counts_words_not_marks(suggester):
    found = suggest(
        suggester,
        "A spokesperson for the Co-op Paper Mill (CPM) said the plant would close in May.",
    )
    assert [sp for _, sp, *_ in found] == ["A spokesperson for the Co-op Paper Mill"]


def test_a_reported_clause_goes_on_past_a_bracket_that_glosses_a_name(suggester):
    found = suggest(
        suggester,
        "He said that the board's meeting will be held after May and Prime Minister (PM) Ana "
        "Ruiz will head it. Jo Roe told that the talks will be attended by Chief of Army Staff "
        "(COAS) General Al Ho.",
    )
    assert [q for q, _, _, _, _ in found] == [
        "the board's meeting will be held after May and Prime Minister (PM) Ana Ruiz will head it.",
        "the talks will be attended by Chief of Army Staff (COAS) General Al Ho.",
    ]


def test_words_in_marks_under_a_saying_in_the_passive_are_the_reporting_line_s(suggester):
    found = suggest(
        suggester,
        "The board said on Monday that despite staff taking \u2018firm steps\u2019 to stop it "
        "at once, \u2018more cases linked to the ward\u2019 had been confirmed this week.",
    )
    assert [(q, sp, cue, kind) for q, sp, _, cue, kind in found] == [
        ("firm steps", "The board", "said", "mixed"),
        ("more cases linked to the ward", "The board", "said", "mixed"),
    ]


def test_a_word_named_as_a_word_in_marks_is_no_quote_and_its_clause_is_reported(suggester):
    found = suggest(
        suggester,
        "An official told the paper that the depot received a box, inside of which were bags "
        "with the word \u201cdanger\u201d written on them.",
    )
    assert [(q, sp, kind) for q, sp, _, _, kind in found] == [
        (
            "the depot received a box, inside of which were bags with the word \u201cdanger\u201d "
            "written on them.",
            "An official",
            "indirect",
        )
    ]


def test_an_outlet_reporting_a_person_saying_leaves_the_words_the_person_s(suggester):
    found = suggest(
        suggester,
        "The Herald reported Jo Roe telling the court that people were too scared to go to "
        "the area. thepost.com had reported Supt Al Ho telling the court that local people "
        "were becoming too scared of going to the area near the port.",
    )
    assert [(q, sp, cue) for q, sp, _, cue, _ in found] == [
        ("people were too scared to go to the area.", "Jo Roe", "telling"),
        (
            "local people were becoming too scared of going to the area near the port.",
            "Supt Al Ho",
            "telling",
        ),
    ]


def test_a_day_with_its_possessive_after_the_cue_is_the_clause_s(suggester):
    found = suggest(
        suggester,
        "The activists claimed today\u2019s marches are peaceful. Jo Roe said Monday's vote "
        "was fair. Kang said Monday Seoul has not replied.",
    )
    assert [q for q, _, _, _, _ in found] == [
        "today\u2019s marches are peaceful.",
        "Monday's vote was fair.",
        "Seoul has not replied.",
    ]


def test_an_adverb_before_the_article_is_no_word_of_the_mention(suggester):
    found = suggest(
        suggester, "Earlier the port spokesperson Jo Roe said that the gate was shut at noon."
    )
    assert [(sp, name) for _, sp, name, _, _ in found] == [
        ("the port spokesperson Jo Roe", "Jo Roe")
    ]


def test_that_read_as_the_subject_s_determiner_after_the_cue_opens_the_clause(suggester):
    found = suggest(
        suggester,
        "Sources from the port told the Herald that government at higher levels showed "
        "their displeasure on the tone of the comments. That plan will fail, Jo Roe said.",
    )
    assert [q for q, _, _, _, _ in found] == [
        "government at higher levels showed their displeasure on the tone of the comments.",
        "That plan will fail",
    ]


def test_a_phrase_of_when_after_the_cue_is_no_word_of_the_clause_its_subject_is(suggester):
    found = suggest(
        suggester,
        "The hospital confirmed yesterday afternoon the woman's next of kin have been "
        "informed. The council confirmed this morning the driver's next of kin had been told "
        "and an inquiry had been opened. The trust confirmed on Monday the patient's family "
        "had been told.",
    )
    assert [(q, cue) for q, _, _, cue, _ in found] == [
        ("the woman's next of kin have been informed.", "confirmed"),
        (
            "the driver's next of kin had been told and an inquiry had been opened.",
            "confirmed",
        ),
        ("the patient's family had been told.", "confirmed"),
    ]


def test_marks_after_the_word_that_hold_a_clause_are_words_said(suggester):
    found = suggest(
        suggester,
        'Jo Roe said the sum was not a "loan" in the true sense of the word "because it is '
        'not something that we borrowed and have to pay back." The bags had the word '
        '"asbestos" on them, the official said.',
    )
    assert [(q, t) for q, _, _, _, t in found] == [
        ("loan", "mixed"),
        ("because it is not something that we borrowed and have to pay back.", "mixed"),
        ('The bags had the word "asbestos" on them', "indirect"),
    ]


def test_a_label_that_a_passive_verb_of_classing_gives_after_as_is_no_quote(suggester):
    found = suggest(
        suggester,
        "The warden said the two men were on remand and were classified as “medium "
        "security” inmates.",
    )
    assert [(q, t) for q, _, _, _, t in found] == [
        ("the two men were on remand and were classified as “medium security” inmates.", "indirect")
    ]


def test_a_clause_keeps_a_bracket_or_mark_it_opened_at_its_end(suggester):
    found = suggest(
        suggester,
        "Jo Roe acknowledged that the island owes $14 million to the Caribbean Development "
        "Fund (CDF). The police said the man was named a “person of interest”.",
    )
    assert [q for q, _, _, _, _ in found] == [
        "the island owes $14 million to the Caribbean Development Fund (CDF).",
        "the man was named a “person of interest”.",
    ]


def test_adding_with_an_adverb_set_off_before_its_that_and_no_comma_before_it(suggester):
    found = suggest(
        suggester,
        "The mayor said that the bridge was closed for repairs adding, however, that it "
        "would open in May.",
    )
    assert [(q, sp, cue) for q, sp, _, cue, _ in found] == [
        ("the bridge was closed for repairs", "The mayor", "said"),
        ("it would open in May.", "The mayor", "adding"),
    ]


def test_a_subject_that_denies_the_saying_reports_nothing(suggester):
    text = (
        "Neither police nor the prison could reveal in which cell block the fight began. "
        "Neither the club nor the player said that the deal was off. No official would "
        "confirm that the talks had failed. Nobody said the plan would work."
    )
    assert suggest(suggester, text) == []


def test_a_because_clause_the_parse_hangs_above_the_cue_is_the_clause_s_reason(suggester):
    found = suggest(
        suggester,
        "Jo Roe has sued the Attorney-General, the town clerk Al Ho and the Electoral Board "
        "of Norland (EBN) claiming that the party cannot by law sponsor Mayor Lind because "
        "her parents are allegedly not citizens.",
    )
    assert [(q, cue) for q, _, _, cue, _ in found] == [
        (
            "the party cannot by law sponsor Mayor Lind because her parents are allegedly not "
            "citizens.",
            "claiming",
        )
    ]


def test_indicated_is_a_person_s_saying_and_no_thing_s(suggester):
    found = suggest(
        suggester,
        "Inspector Jo Roe indicated that one of the men was said to be coughing when he "
        "collapsed. The survey indicated that sales grew in May.",
    )
    assert [(q, sp, cue) for q, sp, _, cue, _ in found] == [
        (
            "one of the men was said to be coughing when he collapsed.",
            "Inspector Jo Roe",
            "indicated",
        )
    ]


def test_answered_gives_the_words_in_marks_after_it(suggester):
    found = suggest(
        suggester,
        "Ana Ruiz answered ‘no comment’ to every question. The mayor answered questions for "
        "an hour.",
    )
    assert [(q, sp, cue, kind) for q, sp, _, cue, kind in found] == [
        ("no comment", "Ana Ruiz", "answered", "mixed")
    ]


def test_a_set_off_subject_the_parse_hangs_on_the_opening_phrase_s_noun(suggester):
    found = suggest(
        suggester,
        "During a radio interview, Roe, who lives on Elm Way in Leeds, said she had been at "
        "home, but claimed the gate had been left open by the council.",
    )
    assert [(q, sp, cue) for q, sp, _, cue, _ in found] == [
        ("she had been at home", "Roe", "said"),
        ("the gate had been left open by the council.", "Roe", "claimed"),
    ]


def test_adding_the_parse_takes_for_a_preposition_s_complement_goes_on_from_the_cue(suggester):
    found = suggest(
        suggester,
        "The mayor said she recognised that the fine would be paid from the council's cash "
        "adding that the irony was not lost on her.",
    )
    assert [(q, sp, cue) for q, sp, _, cue, _ in found] == [
        (
            "she recognised that the fine would be paid from the council's cash",
            "The mayor",
            "said",
        ),
        ("the irony was not lost on her.", "The mayor", "adding"),
    ]


def test_marks_right_after_a_participle_of_saying_hold_all_it_said(suggester):
    found = suggest(
        suggester,
        "Jo Roe said she knew that the fine would be paid from the town's cash adding \"the "
        'irony is not lost on us". The club issued a tweet saying "the match is off".',
    )
    assert [(q, sp, cue, kind) for q, sp, _, cue, kind in found] == [
        ("she knew that the fine would be paid from the town's cash", "Jo Roe", "said", "indirect"),
        ("the irony is not lost on us", "Jo Roe", "adding", "direct"),
        ("the match is off", "a tweet", "saying", "direct"),
    ]


def test_a_closing_line_s_subject_the_parse_joined_to_a_noun_before_its_comma(suggester):
    words = "The port is safe from attacks by rebels , the Port Authority said .".split()
    heads = [1, 2, 2, 2, 3, 4, 5, 6, 7, 11, 11, 7, 2, 2]
    deps = ["det", "nsubj", "ROOT", "acomp", "prep", "pobj", "prep", "pobj", "punct"]
    deps += ["det", "compound", "conj", "conj", "punct"]
    tags = ["DT", "NN", "VBZ", "JJ", "IN", "NNS", "IN", "NNS", ",", "DT", "NNP", "NNP"]
    tags += ["VBD", "."]
    pos = ["DET", "NOUN", "AUX", "ADJ", "ADP", "NOUN", "ADP", "NOUN", "PUNCT", "DET"]
    pos += ["PROPN", "PROPN", "VERB", "PUNCT"]
    para = written_parse(suggester, words, heads=heads, deps=deps, tags=tags, pos=pos)
    subject = verb_subject(para.doc[12], para)
    assert subject is not None and subject.i == 11  # "Authority", not "port"


def test_a_bracket_after_a_name_s_of_phrase_leaves_the_phrase_in_the_mention(suggester):
    found = suggest(suggester, "The port is safe, the Port Authority of Norvia (PAN) said.")
    assert [(sp, name) for _, sp, name, _, _ in found] == [
        ("the Port Authority of Norvia", "Port Authority of Norvia")
    ]


def test_a_title_s_stop_after_a_quote_does_not_end_its_reporting_line(suggester):
    found = suggest(
        suggester,
        "Supt. Ann Lee spoke to reporters. Police said the man fled.\n\n“The man has been "
        "arrested,” Sgt. Jo Roe said.",
    )
    assert [(q, sp, cue) for q, sp, _, cue, _ in found] == [
        ("the man fled.", "Police", "said"),
        ("The man has been arrested,", "Sgt. Jo Roe", "said"),
    ]


def test_a_line_a_subordinator_opens_after_a_quote_is_not_its_reporting_line(suggester):
    found = suggest(
        suggester,
        "Norland Police confirmed the arrest in a tweet that said “#floodwatch is over,” while "
        "police spokesman, Sgt. Jo Roe, tweeted “Roads are open again tonight.”",
    )
    assert [(q, sp, cue) for q, sp, _, cue, _ in found] == [
        ("#floodwatch is over,", "a tweet", "said"),
        ("Roads are open again tonight.", "Sgt. Jo Roe", "tweeted"),
    ]


def test_a_name_in_marks_set_off_after_a_noun_is_no_quote(suggester):
    found = suggest(
        suggester, "Officers said on Monday that the police dog, ‘Rex’, was hit by a van."
    )
    assert [(q, kind) for q, _, _, _, kind in found] == [
        ("the police dog, ‘Rex’, was hit by a van.", "indirect")
    ]


def test_as_x_said_the_parse_joins_to_the_sentence_is_xs_saying(suggester):
    # the parse the pipeline made of such a sentence on real news, written out: "as" a
    # preposition, its name an object and "said" a conjunct of the sentence's verb
    words = "Footage showed rifles as Colonel Jo Roe , the head of the force , said they had "
    words = (words + "arrested 22 people .").split()
    heads = [1, 1, 1, 1, 6, 6, 3, 6, 9, 6, 9, 12, 10, 6, 1, 17, 17, 14, 19, 17, 1]
    deps = ["nsubj", "ROOT", "dobj", "prep", "compound", "compound", "pobj", "punct", "det"]
    deps += ["appos", "prep", "det", "pobj", "punct", "conj", "nsubj", "aux", "ccomp"]
    deps += ["nummod", "dobj", "punct"]
    pos = ["NOUN", "VERB", "NOUN", "ADP", "PROPN", "PROPN", "PROPN", "PUNCT", "DET", "NOUN"]
    pos += ["ADP", "DET", "NOUN", "PUNCT", "VERB", "PRON", "AUX", "VERB", "NUM", "NOUN", "PUNCT"]
    para = written_parse(suggester, words, heads=heads, deps=deps, pos=pos)
    assert verb_subject(para.doc[14], para).text == "Roe"


def test_a_paragraph_closed_by_issuing_a_statement_and_a_colon_gives_the_next_its_speaker(
    suggester,
):
    found = suggest(
        suggester,
        "Today, Halifax Regional Police issued the following statement in relation to a "
        "recent investigation:\n\n"
        "“On December 2, HRP initiated an investigation into potential possession of stolen "
        "goods in our jurisdiction.”",
    )
    assert [(q[:10], sp, cue) for q, sp, _, cue, _ in found] == [
        ("On Decembe", "Halifax Regional Police", "issued")
    ]


def test_a_name_with_a_description_after_a_verb_closing_a_quote_is_its_subject(suggester):
    found = suggest(
        suggester,
        "Judge Seamus Hughes rose for five minutes.\n\n"
        "“Sgt McGirl, are you satisfied with the level of security in this courthouse?” "
        "asked an irate Judge Hughes following the incident.",
    )
    assert [(sp, name, cue) for _, sp, name, cue, _ in found] == [
        ("an irate Judge Hughes", "Seamus Hughes", "asked")
    ]


def test_marks_after_referred_to_as_are_a_label_in_the_reported_clause(suggester):
    found = suggest(
        suggester,
        "Mubi stresses that the group ring leader commonly referred to as the “assassin,” "
        "managed to escape and efforts are underway to bring him to the book.",
    )
    assert [(q[:22], sp, kind) for q, sp, _, _, kind in found] == [
        ("the group ring leader ", "Mubi", "indirect")
    ]


def test_a_reporting_lines_subject_is_no_object_of_the_clause_before_it(suggester):
    found = suggest(
        suggester,
        "In the first attack, a suicide bomber rammed his explosives-laden car into a police "
        "station in the southern city of Aden, killing at least three policemen, Yemeni "
        "officials and witnesses said on Thursday.",
    )
    assert [(sp, cue) for _, sp, _, cue, _ in found] == [("Yemeni officials and witnesses", "said")]


def test_a_participle_of_saying_on_a_relative_clause_of_being_is_the_main_verbs(suggester):
    found = suggest(
        suggester,
        "She also warned the group called GAZA which is from Chibolya in Lusaka not to "
        "intimidate the voters to earn votes saying the group is strongly associated with "
        "violence.",
    )
    assert [(q[:9], sp, cue) for q, sp, _, cue, _ in found] == [("the group", "She", "saying")]


def test_a_description_after_a_verb_after_a_quotes_mark_and_comma_is_its_subject(suggester):
    found = suggest(
        suggester,
        "“They took everything. They destroyed the fridge, they left nothing”, lamented the "
        "owner of one of the butcher shops, in a statement published by the website Perfil.",
    )
    assert [(sp, cue) for _, sp, _, cue, _ in found] == [
        ("the owner of one of the butcher shops", "lamented")
    ]


def test_expressing_a_view_after_and_is_no_part_of_the_reported_clause(suggester):
    found = suggest(
        suggester,
        "She said the police know the exact instrument which was used to kill Chanda and "
        "expressed confidence that the police will secure a conviction.",
    )
    assert [q for q, *_ in found][:1] == [
        "the police know the exact instrument which was used to kill Chanda"
    ]


def test_who_after_a_name_is_the_name_where_the_parse_made_no_relative_clause(suggester):
    found = suggest(
        suggester,
        "Later on, the Union Syndicale Federale vice president spoke with Achema's chief "
        "legal officer Rytis Budrius who told him the company's executives had not been "
        "notified about his visit.",
    )
    assert [(sp, name) for _, sp, name, _, _ in found] == [("Rytis Budrius", "Rytis Budrius")]


def test_a_verb_of_saying_before_the_name_closing_its_sentence_reports_the_clause(suggester):
    found = suggest(
        suggester,
        "Prosecutors in Plovdiv have launched pretrial proceedings for vote buying as well, "
        "added Minister Rashkov. The plan is working, added Jones.",
    )
    assert [(q, sp, name, cue) for q, sp, name, cue, _ in found] == [
        (
            "Prosecutors in Plovdiv have launched pretrial proceedings for vote buying as well",
            "Minister Rashkov",
            "Rashkov",
            "added",
        ),
        ("The plan is working", "Jones", "Jones", "added"),
    ]


def test_a_reporting_line_after_a_fronted_clause_reports_the_clause_after_it(suggester):
    found = suggest(
        suggester,
        "After officers arrived, Cook said, a 31-year-old Sioux Falls man ran from the "
        "vehicle while holding a knife.",
    )
    assert [(q, sp, cue) for q, sp, _, cue, _ in found] == [
        (
            "a 31-year-old Sioux Falls man ran from the vehicle while holding a knife.",
            "Cook",
            "said",
        )
    ]


def test_a_clause_whose_subject_opens_with_a_gerund_is_reported(suggester):
    found = suggest(
        suggester,
        "Chief Floyd Mitchell spoke on Friday. Beyond that, he said seeing the social media "
        "post gave him an immediate concern considering the current social climate.",
    )
    assert [(q, name) for q, _, name, _, _ in found] == [
        (
            "seeing the social media post gave him an immediate concern considering the "
            "current social climate.",
            "Floyd Mitchell",
        )
    ]


def test_what_a_gerund_after_reported_tells_or_sees_is_no_clause_of_the_verb(suggester):
    found = suggest(
        suggester,
        "Eyewitnesses reported seeing the attackers hurling punches and swinging wooden "
        "blocks, adding a layer of chaos to the already tense atmosphere.",
    )
    assert not any(q.startswith("seeing") for q, _, _, _, _ in found)


def test_hinted_is_a_person_s_saying_and_no_thing_s(suggester):
    found = suggest(
        suggester,
        "He hinted that, about 183 police personnel will soon be deployed to the region. "
        "The data hint that crime fell in May.",
    )
    assert [(q, sp, cue) for q, sp, _, cue, _ in found] == [
        (
            "about 183 police personnel will soon be deployed to the region.",
            "He",
            "hinted",
        )
    ]


def test_a_name_set_off_before_has_confirmed_closes_the_clause_it_reports(suggester):
    found = suggest(
        suggester,
        "Five persons were reported to have been killed and twelve houses burnt on Sunday, "
        "in a renewed crisis that erupted in Jos, the Plateau State capital, the state "
        "police spokesperson, Tyopev Terna, has confirmed.",
    )
    assert [(q, sp, cue) for q, sp, _, cue, _ in found] == [
        (
            "Five persons were reported to have been killed and twelve houses burnt on "
            "Sunday, in a renewed crisis that erupted in Jos, the Plateau State capital",
            "Tyopev Terna",
            "confirmed",
        )
    ]


def test_according_to_reports_no_dateline(suggester):
    found = suggest(
        suggester,
        "SIOUX FALLS, S.D. — A Sioux Falls police officer is on standard administrative "
        "leave after firing shots at an armed suspect, according to officials.",
    )
    assert [(q, sp) for q, sp, _, _, _ in found] == [
        (
            "A Sioux Falls police officer is on standard administrative leave after firing "
            "shots at an armed suspect",
            "officials",
        )
    ]


def test_a_paragraph_a_dash_opens_is_the_speakers_words_up_to_the_reporting_line(suggester):
    found = suggest(
        suggester,
        "– We are at an address in Dalane. We have control over the situation, but we do "
        "not have control over those involved, says operations manager Irene Ragnhildstveit.",
    )
    assert [(q, sp, kind) for q, sp, _, _, kind in found] == [
        (
            "We are at an address in Dalane. We have control over the situation, but we do "
            "not have control over those involved",
            "operations manager Irene Ragnhildstveit",
            "direct",
        )
    ]


def test_as_a_result_before_a_verb_of_saying_is_no_clause_of_as(suggester):
    found = suggest(
        suggester,
        "No injuries have been reported as a result of the fires and police say that they "
        "are still unsure as to the motive for the attacks.",
    )
    assert [(sp, name) for _, sp, name, _, _ in found] == [("police", "police")]


def test_and_that_according_to_x_reports_what_follows_for_x(suggester):
    found = suggest(
        suggester,
        "The Police confirmed that two young men fell from the top of a pedestrian bridge "
        "and that, according to the Ecumenical Commission on Human Rights ( Cedhu), one of "
        "them lost his life because he fled from the agents.",
    )
    assert [(q, sp) for q, sp, _, _, _ in found] == [
        ("two young men fell from the top of a pedestrian bridge", "The Police"),
        (
            "one of them lost his life because he fled from the agents",
            "the Ecumenical Commission on Human Rights",
        ),
    ]


def test_a_past_verb_joined_to_a_reported_clause_with_a_modal_is_the_speakers_doing(suggester):
    found = suggest(
        suggester,
        "Kavinder Gupta assured that the injured personnel would receive the best possible "
        "medical treatment and directed the administration to extend full support to their "
        "families.",
    )
    assert [q for q, _, _, _, _ in found] == [
        "the injured personnel would receive the best possible medical treatment"
    ]


def test_reads_the_statement_after_a_comma_reports_the_clause_before(suggester):
    found = suggest(
        suggester,
        "Deputy Superintendent Sriram Bhandari, the spokesperson of the office, issued a "
        "statement on Saturday.\n\n"
        "The Nepal Police is investigating the matter with utmost seriousness, reads the "
        "statement. Police are working on it, the statement reads.",
    )
    assert [(q, sp, name) for q, sp, name, _, _ in found] == [
        (
            "The Nepal Police is investigating the matter with utmost seriousness",
            "the statement",
            "Sriram Bhandari",
        ),
        ("Police are working on it", "the statement", "Sriram Bhandari"),
    ]


def test_a_past_word_the_parse_joins_to_a_modals_clause_that_bids_no_one_is_the_clauses(
    suggester,
):
    found = suggest(
        suggester,
        "Mr Daso said the command, in collaboration with other security agencies, would also "
        "commence joint show-of-force operations and intensified visibility policing across "
        "strategic locations in the state.",
    )
    assert [q for q, _, _, _, _ in found] == [
        "the command, in collaboration with other security agencies, would also commence "
        "joint show-of-force operations and intensified visibility policing across strategic "
        "locations in the state."
    ]


def test_expressed_closing_words_in_marks_is_their_cue(suggester):
    found = suggest(suggester, '"We work with every hotel," Ivo Berg expressed.')
    assert [(q, name, cue) for q, _, name, cue, _ in found] == [
        ("We work with every hotel,", "Ivo Berg", "expressed")
    ]


def test_a_demand_of_what_should_be_done_reports_nothing(suggester):
    text = (
        "The police arrested one man. Meanwhile, the mayor demanded the State Security Law "
        "be applied, which would carry harsher punishments.\n\n"
        "The union recommended that the council adopt the plan.\n\n"
        "Roe insisted the court release his client on bail."
    )
    assert [q for q, _, _, _, _ in suggest(suggester, text)] == [
        "the court release his client on bail."
    ]


def test_according_to_a_job_in_capitals_and_the_name_after_it_the_clause_after(suggester):
    text = (
        "According to the Police Spokesperson, ASP Jo Roe, 155 people were arrested and 69 "
        "of them were handed over to the immigration officials."
    )
    assert [(q, name) for q, _, name, _, _ in suggest(suggester, text)] == [
        (
            "155 people were arrested and 69 of them were handed over to the immigration "
            "officials.",
            "Jo Roe",
        )
    ]


def test_a_subheading_with_words_in_marks_is_no_quote(suggester):
    text = (
        "The minister said the shooting was regrettable.\n\n"
        "Authorities promise 'necessary sanctions'\n\n"
        '"We deplore the loss of life," she said.'
    )
    assert [q for q, _, _, _, _ in suggest(suggester, text)] == [
        "the shooting was regrettable.",
        "We deplore the loss of life,",
    ]


def test_the_paragraph_after_a_cue_and_a_colon_is_the_speakers_without_marks_too(suggester):
    text = (
        "National police commissioner Ivo Berg commended the officers.\n\n"
        "Berg said:\n\n"
        "The killing of these members happens a week before the commemoration. We will work "
        "hard to secure a watertight case.\n\n"
        "The man is expected to appear in court on Thursday."
    )
    assert [(q, name, cue) for q, _, name, cue, _ in suggest(suggester, text)] == [
        (
            "The killing of these members happens a week before the commemoration. We will "
            "work hard to secure a watertight case.",
            "Ivo Berg",
            "said",
        )
    ]


def test_a_clause_after_but_before_the_reporting_line_is_reported_with_the_one_before(
    suggester,
):
    text = (
        "The presence of security forces may not be prominent so as not to alarm the people, "
        "but intelligence personnel in plainclothes have been deployed to guard strategic "
        "locations and stay alert, Riau Islands police chief Sam Budi told The Sunday Times."
    )
    assert [q for q, _, _, _, _ in suggest(suggester, text)] == [
        "The presence of security forces may not be prominent so as not to alarm the people, "
        "but intelligence personnel in plainclothes have been deployed to guard strategic "
        "locations and stay alert"
    ]


def test_a_reporting_line_opening_with_its_verb_before_its_subject_after_a_dash(suggester):
    text = (
        "Police are at the scene in Norton.\n\n"
        "– We have taken control of the area. Now there will be further investigation while "
        "we try to sort this out, adds the project manager."
    )
    assert [(q, cue) for q, _, _, cue, _ in suggest(suggester, text)] == [
        (
            "We have taken control of the area. Now there will be further investigation while "
            "we try to sort this out",
            "adds",
        )
    ]


def test_expressed_with_an_object_is_no_cue_of_words_in_marks_after_it(suggester):
    text = (
        "The Norland Foreign Ministry protested over his comments.\n\n"
        'It expressed "utmost bewilderment" at the remarks, prompting him to write in his '
        'Twitter message: "Still learning the craft of speaking more diplomatically."'
    )
    found = {q: cue for q, _, _, cue, _ in suggest(suggester, text)}
    assert found["Still learning the craft of speaking more diplomatically."] != "expressed"


def test_whom_a_source_cited_as_saying_is_the_speaker(suggester):
    found = suggest(
        suggester, "State TV cited the BBC as saying that the group claimed the attack."
    )
    assert [(q, name, cue) for q, _, name, cue, _ in found] == [
        ("the group claimed the attack.", "BBC", "as saying")
    ]


def test_quoted_as_saying_after_a_clause_reports_it_and_its_adding_too(suggester):
    text = (
        "The commission will also be investigating the attack on Monday, the commission "
        "spokesman was quoted as saying, adding that the report will be made public soon."
    )
    assert [(q, name, cue) for q, _, name, cue, _ in suggest(suggester, text)] == [
        (
            "The commission will also be investigating the attack on Monday",
            "the commission spokesman",
            "quoted as saying",
        ),
        ("the report will be made public soon.", "the commission spokesman", "adding"),
    ]


def test_a_place_after_the_place_of_an_organisation_is_no_subject_of_its_own(suggester):
    text = (
        "But the Norland Police Detachment in Ganta City, Nimba County has said the lack of "
        "vehicles remains a major challenge."
    )
    assert [name for _, _, name, _, _ in suggest(suggester, text)] == ["Norland Police Detachment"]


def test_two_apostrophes_close_a_double_quote_and_the_paragraph_goes_on(suggester):
    text = (
        "\u201cThey took my phone and my bag,\u2019\u2019 he stated. His friend, Jo Roe added "
        "that such incidents are becoming \u201calmost normal\u201d in some parts of Norton."
    )
    assert [(q, kind) for q, _, _, _, kind in suggest(suggester, text)] == [
        ("They took my phone and my bag,", "direct"),
        ("almost normal", "mixed"),
    ]


def test_the_stop_of_a_barangays_abbreviation_ends_no_reported_clause(suggester):
    text = (
        "Burgos said the checkpoint was set up following an encounter in Brgy. Utod, "
        "Nasugbu earlier in the day."
    )
    assert [q for q, _, _, _, _ in suggest(suggester, text)] == [
        "the checkpoint was set up following an encounter in Brgy. Utod, Nasugbu earlier in "
        "the day."
    ]


def test_a_participle_after_its_auxiliary_right_after_the_clause_is_the_clauses(suggester):
    text = (
        "He said there were a total of 12 suspected NPA members on board the jeep but only "
        "nine were apprehended after three managed to escape."
    )
    assert [q for q, _, _, _, _ in suggest(suggester, text)] == [
        "there were a total of 12 suspected NPA members on board the jeep but only nine were "
        "apprehended after three managed to escape."
    ]


def test_asking_before_a_colon_is_the_cue_of_the_words_in_marks_after_it(suggester):
    text = (
        "Talking to our reporter, Jo Roe said she had still not received the figures, "
        'asking: "How am I supposed to get people to have confidence in the police?"'
    )
    assert [(q, cue) for q, _, _, cue, _ in suggest(suggester, text)] == [
        ("she had still not received the figures", "said"),
        ("How am I supposed to get people to have confidence in the police?", "asking"),
    ]


def test_according_to_x_closing_a_relative_clause_reports_nothing_after_it(suggester):
    text = (
        "At 4:30 p.m. Tuesday, which is normally when the plant closes for the day, "
        "according to the company's website, the doors to the building were locked."
    )
    assert suggest(suggester, text) == []


def test_a_past_saying_the_parse_joined_to_a_modals_verb_is_what_the_speaker_did(suggester):
    text = (
        "He said there was an alternative route that the residents could use and vowed to "
        "lobby the Ministry of Works to repair the landslip."
    )
    assert [q for q, _, _, _, _ in suggest(suggester, text)] == [
        "there was an alternative route that the residents could use"
    ]


def test_a_noun_after_a_dangling_and_that_the_parse_gave_the_cue_is_the_clauses(suggester):
    text = (
        "Cllr Des Guckian said he was concerned by the contents of the report and the lack of "
        "allocations to minor roads and laneways such as his own Derrywillow Lane."
    )
    assert [q for q, _, _, _, _ in suggest(suggester, text)] == [
        "he was concerned by the contents of the report and the lack of allocations to minor "
        "roads and laneways such as his own Derrywillow Lane."
    ]


def test_according_to_x_before_the_writers_though_reports_the_clause_before_it(suggester):
    text = (
        "Since the campaign began, at least 1,356 people have been killed in Norland, "
        "according to an AFP tally of health ministry figures, though the actual toll is "
        "likely higher."
    )
    assert [(q, name) for q, _, name, _, _ in suggest(suggester, text)] == [
        (
            "Since the campaign began, at least 1,356 people have been killed in Norland",
            "AFP",
        )
    ]


def test_a_clause_of_its_own_subject_after_the_and_the_parse_left_is_reported_too(suggester):
    text = (
        "Local police chief Ivo Berg told AFP that nine of the victims were related and the "
        "other was a fiance."
    )
    assert [q for q, _, _, _, _ in suggest(suggester, text)] == [
        "nine of the victims were related and the other was a fiance."
    ]


def test_continued_to_be_after_but_is_the_reported_clauses_not_a_cue(suggester):
    text = (
        "The sheriff's office said medical attention was attempted, but the suspect continued "
        "to be violent and combative."
    )
    assert [q for q, _, _, _, _ in suggest(suggester, text)] == [
        "medical attention was attempted, but the suspect continued to be violent and combative."
    ]


def test_describing_something_as_something_after_and_is_what_the_speaker_did(suggester):
    text = (
        "They said the victims were all farmers and described the attackers as members of a "
        "volunteer militia."
    )
    assert [q for q, _, _, _, _ in suggest(suggester, text)] == ["the victims were all farmers"]


def test_an_answer_with_something_after_but_is_the_reported_clauses_not_a_cue(suggester):
    text = (
        "The minister added that the fire caused material damage to the forested region, but "
        "Civil Defense and military personnel responded with professionalism and efficiency."
    )
    assert [q for q, _, _, _, _ in suggest(suggester, text)] == [
        "the fire caused material damage to the forested region, but Civil Defense and military "
        "personnel responded with professionalism and efficiency."
    ]


def test_according_to_a_name_and_its_job_reports_the_clause_the_parse_hung_on_the_name(
    suggester,
):
    # the parse the pipeline made of such a sentence on real news, written out: "According"
    # the root, the clause a relative clause of the name
    words = "According to Chief Jo Roe , Commander of the Norvia Police , all arrests were "
    words = (words + "based on video records .").split()
    heads = [0, 0, 4, 4, 1, 4, 4, 6, 10, 10, 7, 4, 13, 15, 15, 4, 15, 18, 16, 0]
    deps = ["ROOT", "prep", "compound", "compound", "pobj", "punct", "appos", "prep", "det"]
    deps += ["compound", "pobj", "punct", "det", "nsubjpass", "auxpass", "relcl", "prep"]
    deps += ["compound", "pobj", "punct"]
    pos = ["VERB", "ADP", "PROPN", "PROPN", "PROPN", "PUNCT", "PROPN", "ADP", "DET", "PROPN"]
    pos += ["PROPN", "PUNCT", "DET", "NOUN", "AUX", "VERB", "ADP", "NOUN", "NOUN", "PUNCT"]
    para = written_parse(suggester, words, heads=heads, deps=deps, pos=pos)
    start, end = according_clause(para.doc[0], para)
    assert para.text[start:end] == "all arrests were based on video records."


def test_a_participle_of_saying_after_a_dash_and_an_adverb_is_the_speakers(suggester):
    text = (
        "Riots broke out last week.\n\n"
        "Chief Ivo Berg said the 16 persons have already been sent to court and the matter is "
        "now out of his jurisdiction – noting, however, that only one additional person was "
        "arrested yesterday."
    )
    assert said(suggester, text)[-1] == (
        "only one additional person was arrested yesterday.",
        "Ivo Berg",
        "noting",
    )


def test_conveying_words_in_marks_after_and_is_what_the_speaker_did(suggester):
    text = (
        "He said the Kestrel government is committed to peace and conveyed “our sincere "
        "condolences” to families of the deceased."
    )
    assert [q for q, _, _, _, _ in suggest(suggester, text)] == [
        "the Kestrel government is committed to peace",
        "our sincere condolences",
    ]


def test_a_name_and_its_job_set_off_before_a_closing_line_with_no_subject_speak(suggester):
    text = (
        "On Monday, rebels wounded two volunteers in Kestrel, Maj. Ivo Berg, the commander "
        "of the police bureau, told reporters.\n\n"
        "The officials accused Norvia of starting fires in Kestrel three days ago Jo Roe, the "
        "spokesperson of the civil defense directorate, said Saturday."
    )
    assert said(suggester, text) == [
        ("On Monday, rebels wounded two volunteers in Kestrel", "Ivo Berg", "told"),
        (
            "The officials accused Norvia of starting fires in Kestrel three days ago",
            "Jo Roe",
            "said",
        ),
    ]


def test_claims_after_a_possessive_are_a_noun_no_one_says(suggester):
    # the parse the pipeline made of such a sentence on real news, written out: "claims" a
    # verb in the third person after the possessive's mark, its subject "ignorance"
    words = "Roe , however , claimed ignorance of the villagers ’ claims that the police had "
    words = (words + "made them roll .").split()
    heads = [4, 4, 4, 4, 4, 10, 5, 8, 6, 8, 4, 15, 13, 15, 15, 10, 17, 15, 4]
    deps = ["advmod", "punct", "advmod", "punct", "ROOT", "nsubj", "prep", "det", "pobj"]
    deps += ["case", "ccomp", "mark", "det", "nsubj", "aux", "ccomp", "nsubj", "ccomp", "punct"]
    tags = ["JJ", ",", "RB", ",", "VBD", "NN", "IN", "DT", "NNS", "''", "VBZ", "IN", "DT"]
    tags += ["NNS", "VBD", "VBN", "PRP", "VB", "."]
    pos = ["ADJ", "PUNCT", "ADV", "PUNCT", "VERB", "NOUN", "ADP", "DET", "NOUN", "PUNCT"]
    pos += ["VERB", "SCONJ", "DET", "NOUN", "AUX", "VERB", "PRON", "VERB", "PUNCT"]
    lemmas = [w.lower() for w in words]
    lemmas[4], lemmas[10], lemmas[14], lemmas[15] = "claim", "claim", "have", "make"
    para = written_parse(
        suggester, words, heads=heads, deps=deps, tags=tags, pos=pos, lemmas=lemmas
    )
    rules = ArticleRules(Registry())
    rules.add(0, para)
    cues = [para.text[a.cue.start : a.cue.end] for a in rules.results() if a.cue]
    assert "claims" not in cues


def test_narrating_is_saying(suggester):
    text = "One of the men narrated that they were assembled near the river and beaten."
    assert said(suggester, text) == [
        ("they were assembled near the river and beaten.", "One of the men", "narrated")
    ]


def test_people_seen_saying_words_in_marks_say_them(suggester):
    text = (
        "Angry villagers could be seen in a video circulating on social media saying “people "
        "come out, they are taking our man, please hurry up and come.”"
    )
    assert said(suggester, text) == [
        (
            "people come out, they are taking our man, please hurry up and come.",
            "Angry villagers",
            "saying",
        )
    ]


def test_a_verb_of_saying_joined_to_a_doing_shares_the_subject_of_the_saying_before_it(
    suggester,
):
    text = (
        "This time, a loud dispute erupted after Norvia Party councillor Ana Roe said it "
        "was “almost a career option now to go on the dole” and claimed that “an awful lot” "
        "of local people living in council houses “never worked”."
    )
    assert {name for _, name, _ in said(suggester, text)} == {"Ana Roe"}


def test_a_name_after_words_in_marks_keeps_its_job_in_its_mention(suggester):
    text = (
        '"Excited to have Biz\'s energy and heart back at Norvia," co-founder and chief '
        "executive Jo Dorsey said in a tweet."
    )
    assert [sp for _, sp, _, _, _ in suggest(suggester, text)] == [
        "co-founder and chief executive Jo Dorsey"
    ]


def test_semicolons_between_a_reported_clauses_subjects_are_inside_it(suggester):
    text = (
        "A landslide buried a house.\n\n"
        "A spokesperson at the District Police Office, Ivo Berg, informed that Jo Roe, 60; "
        "Ana Roe, 18; and Al Roe, 4, were missing in the landslide."
    )
    assert [q for q, _, _, _, _ in suggest(suggester, text)] == [
        "Jo Roe, 60; Ana Roe, 18; and Al Roe, 4, were missing in the landslide."
    ]


def test_a_clause_of_reason_after_said_opens_what_was_said(suggester):
    text = (
        "A landslide hit.\n\n"
        "Spokesperson Thapamagar further said as it would take time to resume the roadway, "
        "the police team from the district headquarters was heading to the area on foot."
    )
    assert [q for q, _, _, _, _ in suggest(suggester, text)] == [
        "as it would take time to resume the roadway, the police team from the district "
        "headquarters was heading to the area on foot."
    ]


def test_a_persons_saying_a_report_reports_is_the_persons(suggester):
    text = (
        "Six suspects were held.\n\n"
        "ZANIS reports that Mr Kapeso noted that among the six suspects five are men and the "
        "other one is a lady adding that they are all in police custody."
    )
    assert said(suggester, text) == [
        ("among the six suspects five are men and the other one is a lady", "Kapeso", "noted"),
        ("they are all in police custody.", "Kapeso", "adding"),
    ]


def test_according_to_after_a_stop_of_an_abbreviation_opens_its_sentence(suggester):
    text = (
        "Authorities were alerted to the blaze by a 911 call at 2:23 p.m. According to a "
        "passerby, there was smoke coming out of the house and its roofline."
    )
    assert said(suggester, text) == [
        ("there was smoke coming out of the house and its roofline.", "a passerby", "According to")
    ]


def test_a_clause_the_parse_hung_on_the_datelines_place_is_reported(suggester):
    text = (
        "Family escapes fire\n\n"
        "ESCONDIDO -- A family fled from their burning three-story home Monday night, then "
        "returned to try to put out the flames, firefighters said Tuesday."
    )
    assert [q for q, _, _, _, _ in suggest(suggester, text)] == [
        "A family fled from their burning three-story home Monday night, then returned to try "
        "to put out the flames"
    ]
