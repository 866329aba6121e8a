"""Name forms shared by resolution in the article, across the corpus and merge candidates."""

import pytest

from core.model import Attribution, Span
from core.suggest.names import (
    full_names,
    initials,
    is_person,
    name_in_article,
    name_key,
    named_source,
    settled_in_article,
)
from tests.core.suggest.test_suggest import suggest


@pytest.mark.parametrize(
    "spelling", ["the WHO", "WHO", "The WHO", "the WHO report", "The WHO\u2019s", "WHO's statement"]
)
def test_one_name_up_to_case_article_possessive_and_report(spelling):
    assert name_key(spelling) == "who"


def test_different_names_keep_different_keys():
    assert name_key("The Hague") != name_key("Hague Report Group")
    assert name_key("The") == "the"  # a lone article is kept, not emptied


def test_initials_leave_small_words_out():
    assert initials("the World Health Organization") == "WHO"
    assert initials("Department of Health and Human Services") == "DHHS"
    assert initials("Okafor") == ""


def test_a_surname_is_the_full_name_written_after_an_organisation_s(suggester):
    text = (
        "The press secretary of the Norlandic Health Ministry Anna Berg did not comment.\n\n"
        '"The inquiry is under way," Berg told reporters.\n\n'
        "Norlandic Defense Ministry spokesman Ivo Glaz said the drills were over. Glaz said "
        "the troops would go home."
    )
    assert names(suggester, text) == ["Anna Berg", "Ivo Glaz", "Ivo Glaz"]
    assert full_names(text)["Berg"] == "Anna Berg"  # (the S key's names, without a parse)


def test_a_surname_keeps_its_particle(suggester):
    text = (
        "Manager Erik ten Hag said the team was tired.\n\n"
        '"The fans were patient," Ten Hag said.\n\n'
        "Ursula von der Leyen said the talks would go on.\n\n"
        "Bashar al-Assad said the war was over."
    )
    assert names(suggester, text) == [
        "Erik ten Hag",
        "Erik ten Hag",
        "Ursula von der Leyen",
        "Bashar al-Assad",
    ]
    assert full_names(text)["Hag"] == "Erik ten Hag"  # (the S key's names, without a parse)
    assert names(suggester, "Ten Hag said on Friday that the injury was small.") == ["Ten Hag"]


def test_a_name_without_its_middle_initial_resolves_to_the_fullest_form(suggester):
    text = (
        "Maria L. Ortega runs the clinic.\n\n"
        '"We are full every day," Maria Ortega said.\n\n'
        '"Nobody is turned away," Ortega said.'
    )
    assert [name for _, _, name, _, _ in suggest(suggester, text)] == ["Maria L. Ortega"] * 2


def names(suggester, text):
    return [name for _, _, name, _, _ in suggest(suggester, text)]


def test_an_acronym_resolves_to_the_expansion_the_article_defines(suggester):
    text = (
        "The Geneva-based World Health Organization (WHO) issued new guidance on Monday.\n\n"
        '"The risk remains low," the WHO said.\n\n'
        "The Centers for Disease Control and Prevention, or CDC, sent 40 doctors.\n\n"
        '"More are coming," the CDC said.'
    )
    assert names(suggester, text) == [
        "World Health Organization",
        "Centers for Disease Control and Prevention",
    ]


def test_an_acronym_resolves_to_an_earlier_name_whose_initials_make_it(suggester):
    text = (
        "The Global Labour Monitor published its figures on Monday.\n\n"
        '"Wages fell in every region," GLM said.'
    )
    assert names(suggester, text) == ["Global Labour Monitor"]


def test_a_leading_article_and_case_make_no_new_name(suggester):
    text = (
        '"The risk remains low," The WHO said on Monday.\n\n'
        '"Travel is safe," the WHO added.\n\n'
        '"Masks are not needed," WHO said.\n\n'
        "The Acme plant said the line would restart in May."
    )
    assert names(suggester, text) == ["WHO", "WHO", "WHO", "Acme plant"]


def test_a_description_of_an_organisation_resolves_to_the_nearest_that_fits(suggester):
    text = (
        "Midland Motors will cut 3,000 jobs, the company said on Wednesday.\n\n"
        "The Ministry of Health approved the Midland Motors clinic plan. The ministry said "
        "the first patients would arrive in May.\n\n"
        "The agency said the plan was safe.\n\n"
        "The Springfield Police Department took over the case. The fire was set on "
        "purpose, police said. The force said a man had been charged. The air force said "
        "it had sent a helicopter.\n\n"
        "Tom Banks runs a shop in town. Loans will cost more, the bank said.\n\n"
        "Human Rights Watch published a report. The group said 40 people were held.\n\n"
        "Leeds United sacked their manager. The club said it was grateful for his work.\n\n"
        "The Communications Workers of America called the cuts cruel. The union said it "
        "would support the staff.\n\n"
        "The Norvia Department of Transportation closed the road. The agency said it "
        "would reopen on Monday."
    )
    assert names(suggester, text) == [
        "Midland Motors",
        "Ministry of Health",
        "The agency",  # no agency before it: as written
        "Springfield Police Department",
        "Springfield Police Department",
        "The air force",  # a word before "force" that the name has not: another force
        "the bank",  # nor a bank: Tom Banks is a person
        "Human Rights Watch",
        "Leeds United",
        "Communications Workers of America",
        "Norvia Department of Transportation",  # a department is an agency of state
    ]


@pytest.mark.parametrize(
    ("mention", "source"),
    [
        ("a statement from the Acme Corporation", "the Acme Corporation"),
        ("a joint statement by Jane Okafor", "Jane Okafor"),
        ("The Acme Corporation's report", "The Acme Corporation"),
        ("the agency\u2019s latest report", "the agency"),
        ("the WHO report", "WHO"),
        ("the WHO\u2019s latest figures", "the WHO"),
        ("Acme's reports", "Acme"),
        ("a report released last month", "a report released last month"),
        ("a memo seen by The Associated Press", "a memo seen by The Associated Press"),
        ("a new study", "a new study"),
    ],
)
def test_a_document_names_its_source(mention, source):
    assert named_source(mention) == source


def test_a_statement_or_report_resolves_to_its_source(suggester):
    text = (
        "Inspector Jane Okafor led the search.\n\n"
        "A statement from the Acme Corporation said the plant would close in June.\n\n"
        "Okafor's report said the fire was set on purpose.\n\n"
        "The WHO report said the risk was low."
    )
    assert names(suggester, text) == ["Acme Corporation", "Jane Okafor", "WHO"]


def test_a_title_that_is_also_a_first_name_is_the_first_name_before_a_surname_alone(suggester):
    text = (
        "The plant's manager, Dean Whitaker, said the line would restart in May.\n\n"
        '"We lost two weeks," the manager said.\n\n'
        "Dean Jane Moss said the law school would reopen.\n\n"
        '"We have the money," Dean Moss said.'
    )
    assert names(suggester, text) == ["Dean Whitaker", "Dean Whitaker", "Jane Moss", "Jane Moss"]


def test_a_title_that_is_also_a_first_name_after_another_title_is_the_first_name(suggester):
    text = (
        "Mayor Dean Farrow told residents to stay home as the river rose.\n\n"
        '"The water is still coming," Farrow said.'
    )
    assert names(suggester, text) == ["Dean Farrow"]


def test_only_the_job_word_before_a_name_names_that_person(suggester):
    text = (
        "Emergency Response Director Jo Ma toured the flooded streets on Monday.\n\n"
        '"We were ready for this," the director said.\n\n'
        "The response said the river had peaked."
    )
    assert names(suggester, text) == ["Jo Ma", "The response"]  # the response is nobody


def test_a_company_is_nobody_a_pronoun_stands_for(suggester):
    text = 'Ed Cole runs the plant. Midland Motors will cut 3,000 jobs. "We are sad," he said.'
    assert names(suggester, text) == ["Ed Cole"]


def test_a_name_ends_at_its_sentence(suggester):
    text = (
        "The story was first reported by The New York Times. The newspaper said the "
        "talks had failed."
    )
    assert names(suggester, text) == ["New York Times"]


def test_a_name_the_parse_cuts_before_its_of_is_the_whole_name(suggester):
    text = (
        "The Confederation of British Industry said firms were still wary.\n\n"
        "The group said investment had stalled."
    )
    assert names(suggester, text) == ["Confederation of British Industry"] * 2


def test_an_appositive_says_what_kind_of_organisation_a_name_is(suggester):
    text = (
        "The Sierra Club, an environmental group, called the ruling a disaster. The group "
        "said it would push Congress to act.\n\n"
        "Globex, the chemicals company, closed a plant. The company said 300 jobs would go."
    )
    assert names(suggester, text) == ["Sierra Club", "Globex"]


def test_a_company_described_with_its_nationality_is_the_maker_named_before(suggester):
    """A maker is a company, also four words after the appositive's article; a
    nationality before the description's noun is no word the company's name must have,
    and where no company fits the description loses only its article."""
    text = (
        "Shares in Norvia, the country's largest mobile phone maker, fell on Monday. The "
        "Finnish company said sales were weak.\n\n"
        "It also said poor sales in its media unit had led to a new estimate."
    )
    assert names(suggester, text) == ["Norvia", "Norvia"]
    assert named_at("The Finnish company", text) == "Norvia"  # (S, without a parse)
    alone = "Talks stalled on Monday. The Finnish company said sales were weak."
    assert names(suggester, alone) == ["Finnish company"]


def test_an_organisation_named_in_quotation_marks_is_no_description_s(suggester):
    """``the ministry`` is the ministry named outside the marks, not one named in what the
    ministry is quoted saying, also where the marks stay open to the paragraph's end."""
    text = (
        "The Ministry of Fisheries has said that a speech by the minister was misreported."
        "\n\n"
        '"The attention of the Ministry has been drawn to reports made at the Ministry of '
        "Information on Thursday.\n\n"
        '"The minister did not say that the navy is to blame," the ministry said.'
    )
    assert names(suggester, text) == ["Ministry of Fisheries"] * 3
    assert named_at("the ministry", text) == "Ministry of Fisheries"  # (S, without a parse)


def test_names_joined_by_and_are_nobody_he_refers_to(suggester):
    """Two witnesses joined by ``and`` are no ``he``: the counsel described before them
    is; a person named with two jobs joined by ``and`` is one person."""
    text = (
        "The state counsel was responding to the submission made earlier.\n\n"
        "He said the state had made its case.\n\n"
        "The evidence of PW2 and PW3 helped the state to prove its case.\n\n"
        "He said the submission could not succeed."
    )
    assert names(suggester, text) == ["The state counsel"] * 2
    two_jobs = (
        "Secretary of State and Foreign Minister Jo Roe arrived on Monday.\n\n"
        "He said the talks would go on."
    )
    assert names(suggester, two_jobs) == ["Jo Roe"]


def test_a_word_in_capitals_the_parse_takes_for_a_noun_stays_in_its_name(suggester):
    """``NEWS`` (tagged a noun) is part of ``NEWS CENTER Maine``, also as whom ``it``
    refers to."""
    text = (
        "The storm closed the coast road on Monday.\n\n"
        "NEWS CENTER Maine spoke with the mayor on Tuesday, and it said the roads were shut."
    )
    assert names(suggester, text) == ["NEWS CENTER Maine"]


def test_a_company_is_named_without_its_legal_suffix(suggester):
    text = "Apple Inc. said its plants were safe. The company added that it was hiring."
    assert names(suggester, text) == ["Apple", "Apple"]
    assert names(suggester, "Brandt Co said it would cut jobs.") == ["Brandt"]


def test_a_nationality_before_a_company_the_article_leaves_out_elsewhere_is_no_name(suggester):
    text = (
        "Danish Halvor Pharma Ltd said it would cut jobs.\n\n"
        "Halvor Pharma said the plant would stay open."
    )
    assert names(suggester, text) == ["Halvor Pharma"] * 2


def test_a_broadcaster_is_named_without_its_medium_in_lower_case(suggester):
    text = (
        "Flooding closed the coast road, KTV television said.\n\n"
        "Two bridges were shut, KTV public television said.\n\n"
        "The army was sent in, Norlandic state radio said.\n\n"
        "Two men jumped out of the van, Kompas TV reported."
    )
    assert names(suggester, text) == ["KTV", "KTV", "Norlandic state radio", "Kompas TV"]


@pytest.mark.parametrize(
    "sentence",
    [
        "Forecaster Tom Becker said the rain would stop by Thursday.",
        "EPA Administrator Tom Becker said the rule would stand.",
        "Resident Tom Becker said the water rose within minutes.",
    ],
)
def test_a_job_word_before_a_name_is_no_part_of_it(suggester, sentence):
    assert names(suggester, sentence) == ["Tom Becker"]


def test_an_acronym_with_full_stops_is_the_same_acronym(suggester):
    assert initials("U.S. Department of Agriculture") == "USDA"
    text = (
        "The United Nations said aid was blocked. The U.N. said 40 trucks were waiting.\n\n"
        "The U.S. Department of Agriculture said two farms were closed. The USDA said the "
        "outbreak was contained.\n\n"
        "The U.K. said it would send doctors."
    )
    assert names(suggester, text) == [
        "United Nations",
        "United Nations",
        "U.S. Department of Agriculture",
        "U.S. Department of Agriculture",
        "U.K.",  # spelt out nowhere: as written
    ]


def test_an_acronym_may_stand_for_part_of_an_earlier_name(suggester):
    text = (
        "U.S. Trade Representative Jamieson Greer called the move deeply concerning. "
        "The USTR said Washington would respond."
    )
    # a job's acronym is the person the article named with that job (docs/annotation.md)
    assert names(suggester, text) == ["Jamieson Greer"]


def test_british_abbreviated_titles_are_no_part_of_a_name(suggester):
    text = (
        'Det Insp Sarah Cole said: "This was a shocking attack."\n\n'
        "Insp Cole added that extra patrols would be in the area.\n\n"
        'Local MP Carla Denyer said the community was "in shock".'
    )
    assert names(suggester, text) == ["Sarah Cole", "Sarah Cole", "Carla Denyer"]


def test_a_title_abbreviated_with_a_full_stop_is_in_the_mention_not_the_name(suggester):
    # the tokenizer cuts "Sgt." from its full stop and the parse the name after it
    # from the title: a sentence of its own
    said = [
        (speaker, name)
        for _, speaker, name, _, _ in suggest(
            suggester,
            "The crews were safe, said Sgt. Tom Reyes.\n\n"
            "The ferry sank at noon, while the coast guard spokesman, Capt. Ann Hale, "
            "tweeted \u201cAll crews are safe.\u201d",
        )
    ]
    assert said == [("Sgt. Tom Reyes", "Tom Reyes"), ("Capt. Ann Hale", "Ann Hale")]


def test_a_hyphenated_title_makes_no_name_of_the_words_before_it(suggester):
    text = (
        'NATO Secretary-General Mark Rutte said the alliance would "stand with Ukraine".\n\n'
        "NATO said it was watching closely."
    )
    assert names(suggester, text) == ["Mark Rutte", "NATO"]


def test_a_day_is_no_person_a_pronoun_refers_to(suggester):
    text = (
        "The clinic in Koral reopened, a council spokesman said on Wednesday.\n\n"
        "He said the doctors would return next month."
    )
    assert "Wednesday" not in names(suggester, text)


def test_he_after_a_described_person_is_that_description(suggester):
    text = (
        "Tom Banks, the owner, closed the shop in March.\n\n"
        "The clinic in Koral reopened, a council spokesman said on Wednesday.\n\n"
        "He said the doctors would return next month."
    )
    assert names(suggester, text)[-1] == "a council spokesman"


def test_a_job_with_of_and_for_before_a_name_is_no_name(suggester):
    text = (
        "Minister of State for Petroleum Dr. Tariq Qureshi on Thursday said that the party is "
        "spreading anarchy in the country through its march.\n\n"
        "The party leaders are playing politics, he said while talking to a television channel."
    )
    assert names(suggester, text) == ["Tariq Qureshi", "Tariq Qureshi"]


@pytest.mark.parametrize(
    "dateline", ["LAHORE:", "Margao (Goa) [India]:", "LAHORE, June 3 (Reuters) -", "LAHORE-"]
)
def test_a_dateline_is_no_speaker(suggester, dateline):
    text = f"{dateline} Minister of State for Housing Dr. Jane Roe on Monday said that the plan "
    text += "was ready."
    assert names(suggester, text) == ["Jane Roe"]


def test_an_acronym_of_a_job_is_the_person_who_holds_it(suggester):
    text = (
        "Deputy Commissioner of Police (North West) Jane Roe said the man was caught on "
        'Monday.\n\n"He was hiding in Mumbai," the DCP said.'
    )
    assert names(suggester, text) == ["Jane Roe", "Jane Roe"]


def test_an_acronym_of_a_job_is_the_person_its_name_runs_on_into(suggester):
    text = (
        "Deputy Commissioner of Police Jo Roe said the man was caught on Monday.\n\n"
        '"He was hiding in Mumbai," the DCP said.\n\n'
        "A division bench of Chief Justice Mira Rao and Justice Anil Sen said the appeal was "
        "late.\n\n"
        "\u201cYou cannot read it all,\u201d an irked CJ told the advocate.\n\n"
        "\u201cStop it now,\u201d the CJ replied."
    )
    assert names(suggester, text)[:2] == ["Jo Roe", "Jo Roe"]
    assert names(suggester, text)[3:] == ["Mira Rao", "Mira Rao"]


def test_a_job_is_no_organisation_a_description_names(suggester):
    text = "A Special Police Officer was injured on Monday. The man was armed, police said."
    assert names(suggester, text) == ["police"]


def test_a_job_acronym_and_a_place_before_a_name_are_no_name(suggester):
    text = (
        "LAHORE: DIG Operations Lahore Syed Kamran Ali Shah said that the city was calm.\n\n"
        "Inspector General of Police (IGP) Sindh Tariq Aziz Qureshi on Monday said that eight "
        "men were held.\n\nSindh police raided several places, the IGP added."
    )
    assert names(suggester, text) == ["Syed Kamran Ali Shah"] + ["Tariq Aziz Qureshi"] * 2


def test_a_job_acronym_and_a_surname_is_the_job_holder_not_the_nearest_namesake(suggester):
    text = (
        "Jo Kumar, Public Relations Officer (PRO) of Gurgaon Police, said the man was held.\n\n"
        "Police said the officer, Raj Kumar, was hurt.\n\n"
        '"The case is open," PRO Kumar said.'
    )
    assert names(suggester, text)[-1] == "Jo Kumar"


def test_a_document_with_an_adjective_before_its_source_speaks_for_the_source(suggester):
    text = "Plant emissions will rise by 14 percent, according to new UC Riverside research."
    assert names(suggester, text) == ["UC Riverside"]
    assert named_source("recent Acme Corp. figures") == "Acme Corp."


def test_the_word_a_job_is_of_or_for_is_no_name(suggester):
    text = (
        "MUMBAI: Minister of State Ajay Bhatt said the roads would reopen.\n\n"
        "The rain will stop soon, Minister for Petroleum Tariq Qureshi said on Monday."
    )
    assert names(suggester, text) == ["Ajay Bhatt", "Tariq Qureshi"]


def test_a_job_of_two_things_ends_where_the_name_starts(suggester):
    text = (
        "Federal Minister for Planning and Development Asad Umar said the plan was ready.\n\n"
        "Minister of Water and Sanitation Ann Lee said the dam was safe."
    )
    assert names(suggester, text) == ["Asad Umar", "Ann Lee"]
    text = "Minister of Water, Sanitation and Hygiene Ann Lee opened the dam."
    assert full_names(text)["Lee"] == "Ann Lee"  # (the S key's names, without a parse)


def test_a_subject_the_parse_hangs_on_the_dateline_is_the_speaker(suggester):
    text = "DETROIT (AP) \u2014 Ford Motor Co. said Monday it would recall 40,000 trucks."
    assert names(suggester, text) == ["Ford Motor"]  # (its legal suffix is no name)


def test_a_hyphenated_given_name_after_a_family_name_is_one_name(suggester):
    text = 'Trade Minister Park Min-seo opened the fair.\n\n"Exports will grow," Park said.'
    assert names(suggester, text) == ["Park Min-seo"]
    text = 'Chairman Jean-Luc Brevard said the bank would "stay the course".'
    assert names(suggester, text) == ["Jean-Luc Brevard"]
    assert names(suggester, "The Virginia-based firm said it would hire.") == [
        "Virginia-based firm"
    ]


def test_a_capitalised_auxiliary_before_a_past_verb_is_a_name(suggester):
    for text in [
        "Culture Minister Do Hyun-woo toured the site, and Do said the work was moving.",
        "Culture Minister Do Hyun-woo toured the site.\n\nDo added that it was moving.",
    ]:
        found = [(speaker, name) for _, speaker, name, _, _ in suggest(suggester, text)]
        assert found == [("Do", "Do Hyun-woo")], text


def test_an_agency_alone_in_brackets_is_a_dateline(suggester):
    assert names(suggester, "(Reuters) \u2013 Halvor Pharma said it would cut 200 jobs.") == [
        "Halvor Pharma"
    ]


def test_a_speaker_mention_starts_after_the_dateline(suggester):
    text = 'Feb. 5 (UPI) -- South Norland\'s health minister said they kept their "promise".'
    assert [speaker for _, speaker, _, _, _ in suggest(suggester, text)] == [
        "South Norland's health minister"
    ]


def test_a_bracket_after_a_company_is_in_the_mention_not_the_name(suggester):
    """The mention is its whole phrase, the bracket the parse starts it inside too; the
    name is the person's (two subjects of the verb: the one nearer it)."""
    for text, speaker, name in [
        (
            'Halvor (NYSE:HAL) CEO Mara Lind said the plant has "room to grow".',
            "Halvor (NYSE:HAL) CEO Mara Lind",
            "Mara Lind",
        ),
        (
            'Halvor (NYSE:HAL) CEO Mara Lind said in a call that the firm has "room to grow".',
            "Halvor (NYSE:HAL) CEO Mara Lind",
            "Mara Lind",
        ),
        (  # a bracket before the mention's phrase is no part of it
            "Sales fell (see chart) while CEO Mara Lind said the plant would grow.",
            "CEO Mara Lind",
            "Mara Lind",
        ),
    ]:
        found = [(sp, n) for _, sp, n, _, _ in suggest(suggester, text)]
        assert found == [(speaker, name)], text


def test_a_job_in_the_lead_is_whom_the_next_paragraph_names(suggester):
    text = (
        "Norland's top diplomat said on Monday the border would reopen.\n\n"
        "Foreign Minister Ana Ruiz also said talks would resume.\n\n"
        "Later, the Norland foreign minister said trucks were waiting."
    )
    assert names(suggester, text) == ["Ana Ruiz"] * 3
    text = (
        "The transport secretary said on Monday the line would reopen.\n\n"
        "Speaking in Leeds, Maya Okoro said the works were finished.\n\n"
        "A senior engineer said the rails were tested. The engineer said trains were "
        "ready.\n\n"
        "Site manager Tom Reyes said the crews had gone home."
    )
    assert names(suggester, text) == [
        *["Maya Okoro"] * 2,
        "A senior engineer",
        "The engineer",
        "Tom Reyes",
    ]


def test_a_name_in_another_order_is_the_fuller_name_it_comes_from(suggester):
    text = (
        "Harbour MP Lim Wei Ming said the port deal was signed in secret.\n\n"
        '"Nobody saw the contract," Wei Lim told reporters.\n\n'
        '"We will ask again next week," he said.'
    )
    assert names(suggester, text)[-2:] == ["Lim Wei Ming"] * 2


def test_a_lone_acronym_is_no_person_a_pronoun_refers_to(suggester):
    text = (
        "Trade minister Farid Rahman on Monday rejected the survey, saying the figures "
        "were old, reports PNA.\n\n"
        '"These numbers are from last year," he said.'
    )
    assert names(suggester, text)[-1] == "Farid Rahman"


def test_it_is_never_a_date_and_may_be_a_one_word_company(suggester):
    text = (
        "Shares of Veltrix fell 20% to close at $6.02 on Monday, after it announced its "
        "sales would be lower than expected."
    )
    assert names(suggester, text) == ["Veltrix"]


def test_it_refers_to_a_description_that_spoke_just_before(suggester):
    text = (
        "Officers from the North Zone Police of Lagos issued a statement on Friday.\n\n"
        '"Four people have been arrested and the inquiry goes on," said the release.\n\n'
        "It further added that two suspects have been found to be absconding."
    )
    assert names(suggester, text) == ["the release"] * 2


def test_a_job_s_whole_name_as_a_description_is_the_person_who_holds_it(suggester):
    text = (
        "The rules are unfair to new members, Minister of State Ravi Menon said on "
        "Tuesday.\n\n"
        "Later, the Minister of State said that the claims were baseless.\n\n"
        '"These claims have no basis," he said.'
    )
    out = suggest(suggester, text)
    assert [name for _, _, name, _, _ in out] == ["Ravi Menon"] * 3
    assert out[1][1] == "the Minister of State"


def test_a_company_s_job_words_and_a_name_after_them_are_the_person(suggester):
    text = (
        '"Our beef business suffered from export disruptions," Brandt President and CEO '
        "Donna Keller told the newspaper."
    )
    assert suggest(suggester, text)[0][1:3] == (
        "Brandt President and CEO Donna Keller",
        "Donna Keller",
    )


def test_a_name_closing_a_job_s_phrase_names_whoever_holds_the_job(suggester):
    text = (
        "A spokeswoman for Oregon governor Tina Kotek, Maya Lindqvist, said six people "
        "have been rescued."
    )
    assert names(suggester, text) == ["Maya Lindqvist"]
    text = "The Police Commander for Norvia, Stan Riolo, said his officers denied the allegations."
    assert names(suggester, text) == ["Stan Riolo"]  # (the job in capitals, after "The")


def test_a_job_word_alone_opening_a_sentence_is_whoever_the_article_gave_that_job(suggester):
    text = (
        "In his ruling, magistrate Paul Chiroma said that the state had argued wrongly.\n\n"
        "Magistrate further added that the accused may question all witnesses.\n\n"
        "Prosecutors said that they would appeal."
    )
    assert names(suggester, text) == ["Paul Chiroma", "Paul Chiroma", "Prosecutors"]


def test_where_a_source_spoke_is_no_part_of_its_mention(suggester):
    text = "Local officials at an afternoon news conference said debris piles were high."
    assert suggest(suggester, text)[0][1:3] == ("Local officials", "Local officials")


def test_a_participle_after_a_relative_clause_is_the_main_subject_s(suggester):
    text = (
        "Transport minister Aziz Karim on Thursday rejected the latest report of the "
        "Road Safety Council that said the roads were unsafe, saying the report is not "
        "correct."
    )
    said = {quote: name for quote, _, name, _, _ in suggest(suggester, text)}
    assert said["the report is not correct."] == "Aziz Karim"


def test_an_acronym_after_words_that_describe_it_is_its_name(suggester):
    text = (
        "Norland has discovered a major gas field in the Kara Sea, state-owned oil giant "
        "PNOC said on Monday."
    )
    assert suggest(suggester, text)[0][1:3] == ("state-owned oil giant PNOC", "PNOC")


def test_a_quote_after_a_reported_clause_goes_on_with_its_speaker(suggester):
    text = (
        "Deputy Minister Tomas Varga said the delay was not deliberate.\n\n"
        'Varga said it was an error. "We agree that there was a lack of coordination '
        'between the two offices."\n\n'
        '"The minister was simply not in the country on that day at all."'
    )
    assert names(suggester, text) == ["Tomas Varga"] * 4


def test_a_country_s_ministry_is_the_ministry(suggester):
    text = (
        "Norland\u2019s Ministry of Fisheries says it has not refused a summons by the "
        "parliament on Tuesday.\n\n"
        "Moody's Investors Service said the outlook was stable."
    )
    assert names(suggester, text) == ["Ministry of Fisheries", "Moody's Investors Service"]


def test_a_conjoined_verb_of_saying_is_no_part_of_the_reported_clause(suggester):
    text = (
        "The minister said that reports were baseless and urged people not to spread "
        "rumours.\n\n"
        "The agency says it has not refused a summons, citing a lack of coordination.\n\n"
        "She said she could not confirm or deny the plans to visit the city."
    )
    quotes = [quote for quote, *_ in suggest(suggester, text)]
    assert quotes[:2] == ["reports were baseless", "it has not refused a summons"]
    assert quotes[2] == "she could not confirm or deny the plans to visit the city."


def test_a_participle_after_a_reported_clause_is_the_speaker_s_own(suggester):
    text = (
        "Culture Minister Ana Vidal said the rival leader is serious about improving "
        "ties, adding that it is a cause for optimism with the summit days away."
    )
    out = suggest(suggester, text)
    assert [(q, name) for q, _, name, _, _ in out] == [
        ("the rival leader is serious about improving ties", "Ana Vidal"),
        ("it is a cause for optimism with the summit days away.", "Ana Vidal"),
    ]


def test_a_selected_description_with_a_name_after_its_comma_is_that_person():
    """S on ``DCP of North Zone, R. K. Anand`` named the whole mention: a description,
    a comma and a person's name are that person; an organisation after it is no name."""
    from core.suggest.names import name_in_article

    text = (
        'DCP of North Zone, R. K. Anand said, "The probe is on."\n\n'
        'Ben Cole, Acme Foods said, "We are ready."'
    )
    said = "DCP of North Zone, R. K. Anand"
    assert name_in_article(said, [], 0, None, text) == "R. K. Anand"
    other = "Ben Cole, Acme Foods"
    assert name_in_article(other, [], text.index(other), None, text) == other


def test_a_dateline_with_a_date_after_its_bracket_is_no_part_of_a_quote(suggester):
    text = (
        "Port Blair [India], March 3 (ANI): It is sad that the new ferry could not sail "
        "because of the storm, Minister of State Ravi Menon said on Tuesday."
    )
    assert suggest(suggester, text)[0][0].startswith("It is sad that")


def test_a_reported_clause_goes_on_over_and_what_the_parse_gives_its_cue(suggester):
    text = (
        "Meena added Salman has been involved in two crime cases in the past, and had "
        "been absconding since the clashes.\n\n"
        "The mayor said the road was closed, and added that it would reopen soon."
    )
    assert [quote for quote, *_ in suggest(suggester, text)] == [
        "Salman has been involved in two crime cases in the past, and had been absconding "
        "since the clashes.",
        "the road was closed",
        "it would reopen soon.",
    ]


def test_a_capitalised_job_with_the_is_the_person_named_with_it(suggester):
    text = (
        "The MWR Spokesman Karim Nadir stated today that the pipes were safe.\n\n"
        "The Spokesman affirmed that the leak was small."
    )
    assert names(suggester, text) == ["Karim Nadir"] * 2


def mentions(suggester, text):
    return [(sp, n) for _, sp, n, _, _ in suggest(suggester, text)]


def test_a_job_and_a_name_with_no_comma_between_are_one_mention(suggester):
    """The mention is the whole phrase: the job a name is in apposition to comes with it
    when no comma parts them; with a comma, the name is the mention."""
    assert mentions(
        suggester,
        "After the match, the away side\u2019s head coach Tom Reed said that the home side "
        "deserved to win.",
    ) == [("the away side\u2019s head coach Tom Reed", "Tom Reed")]
    assert mentions(
        suggester,
        "Deputy Commissioner of Police (North East) Jo Roe said the police received a tip-off.",
    ) == [("Deputy Commissioner of Police (North East) Jo Roe", "Jo Roe")]
    assert mentions(
        suggester, "The charity's director, Susan Ma, said the charity had changed its rules."
    ) == [("Susan Ma", "Susan Ma")]
    assert mentions(  # (its job's proper nouns name no organisation for it)
        suggester, "The Norland Rail spokesman, Ann Lee, said the trains would run."
    ) == [("Ann Lee", "Ann Lee")]


def test_an_organisation_of_something_is_one_mention(suggester):
    assert mentions(
        suggester, "The Ministry of Fisheries confirmed today that the boats are back at sea."
    ) == [("The Ministry of Fisheries", "Ministry of Fisheries")]


def test_a_clause_after_a_description_is_no_part_of_its_mention(suggester):
    assert mentions(
        suggester,
        "A team of experts led by the University of Norland said it would help scientists.",
    ) == [("A team of experts", "A team of experts")]


def test_an_organisation_before_the_noun_of_its_kind_is_named_without_where_it_is(suggester):
    assert mentions(
        suggester, "The Daily Ledger newspaper in Norland reported the mayor had resigned."
    ) == [("The Daily Ledger newspaper in Norland", "Daily Ledger newspaper")]


def test_a_description_is_no_short_name_of_a_longer_speaker_name():
    """S on ``a release`` named it ``the release``, the longer speaker name another quote
    had that ends with its word, as a surname becomes its full name: a description is
    no surname, and stays as written."""
    from core.suggest.names import name_in_article

    text = (
        "The council issued a release stating that the bridge would close.\n\n"
        '"The work will take a year," said the release.'
    )
    said = Attribution(Span(text.index("The work"), text.index(" said")), None, None, "the release")
    mention = text.index("a release")
    assert name_in_article("a release", [said], mention, None, text) == "a release"


def test_s_names_a_job_s_description_after_the_person_written_with_that_job():
    """Without a parse, S on ``The minister``, ``The Minister`` or ``The Minister for
    Fisheries`` gives the person written with that job before it, not one named in the
    quote of another attribution (the review's), nor ``for Fisheries``."""
    from core.suggest.names import name_in_article

    text = (
        "Minister for Fisheries Jo Park said on Monday that the fleet was safe.\n\n"
        "He said Minister for Roads Tom Reed was the best performer.\n\n"
        "The Minister for Fisheries said the ports would open. The Minister said the "
        "boats were ready. The minister said the season would be long."
    )
    start = text.index("Minister for Roads")
    said = Attribution(Span(start, text.index("\n\nThe Minister")), None, None, "Jo Park")
    for mention in ("The Minister for Fisheries", "The Minister", "The minister"):
        at = text.index(mention + " said")
        assert name_in_article(mention, [said], at, None, text) == "Jo Park"


def named_at(mention, text, nth=0):
    """The name S gives ``mention`` (its ``nth`` place) in ``text``, as the review does."""
    from core.suggest.names import name_in_article

    at = -1
    for _ in range(nth + 1):
        at = text.index(mention, at + 1)
    return name_in_article(mention, [], at, None, text)


def test_a_news_agency_s_description_is_the_agency_the_article_names(suggester):
    """``the news agency`` is the agency of the dateline, or one the article writes as a
    news agency; ``the agency`` alone is not the dateline's (a place may be in brackets
    there too)."""
    text = (
        "LONDON (Reuters) - The bank raised rates on Thursday.\n\n"
        "The figures were not final, the news agency reported."
    )
    assert names(suggester, text) == ["Reuters"]
    text = (
        "The talks resumed on Monday.\n\n"
        '"We are ready," an official told Yonhap news agency.\n\n'
        "The talks would go on, the news agency said.\n\n"
        "Local news service EDaily reported the hearing. Chung was not there, the wire "
        "service reported."
    )
    assert names(suggester, text)[1:] == ["Yonhap", "EDaily"]  # its kind no part of the name
    assert named_at(
        "the agency", "MARGAO (Goa) - Rain fell. The port is shut, the agency said."
    ) == ("the agency")


def test_a_description_that_ends_an_organisation_s_name_is_that_organisation(suggester):
    """Of any kind, also one no word list holds: ``the weather service``, ``the coast
    guard``, ``the coalition`` (the words before its ``for``)."""
    text = (
        'The National Weather Service issued a warning. "Rivers will rise," the weather '
        "service said.\n\n"
        "The U.S. Coast Guard found the boat on Sunday. The coast guard said all five "
        "were safe.\n\n"
        "The Coalition for Clean Air filed a suit. The coalition said the plant broke the "
        "law.\n\n"
        "Mayor Ana Ruiz visited the Isle of Man. The man said he was happy."
    )
    assert names(suggester, text)[:3] == [
        "National Weather Service",
        "U.S. Coast Guard",
        "Coalition for Clean Air",
    ]
    assert named_at("The man", text) == "The man"  # "Isle" is what the Isle of Man is


def test_a_name_after_the_noun_of_its_kind_is_an_organisation_of_that_kind():
    text = (
        "Shares of Slovenian generic pharmaceutical company Krka rose on Monday.\n\n"
        "The company said it would buy back shares."
    )
    assert named_at("The company", text) == "Krka"


def test_a_description_and_the_name_after_its_comma_are_that_person():
    """``the PKR vice-president, better known as Tian Chua,``: the person it describes,
    by the fullest name the article gives them (here in another order)."""
    text = (
        "Batu MP Chua Tian Chang spoke first.\n\n"
        '"We need more time," the PKR vice-president, better known as Tian Chua, told '
        "reporters.\n\n"
        '"Not now," his deputy, Jo Roe, said. "Later," the deputy said.'
    )
    assert named_at("the PKR vice-president", text) == "Chua Tian Chang"
    assert named_at("Tian Chua", text) == "Chua Tian Chang"
    assert named_at("his deputy", text) == "Jo Roe"
    assert named_at("the deputy", text) == "the deputy"  # no name after it


def test_they_is_a_group_a_description_names_and_he_never_is(suggester):
    text = (
        "Residents of the village said they had not been warned. They said the water "
        "came at night.\n\n"
        "Tom Ellis runs the shop. Local shopkeepers said the road was closed. He said "
        "nothing else."
    )
    out = [(q, name) for q, _, name, _, _ in suggest(suggester, text)]
    assert out[:2] == [
        ("they had not been warned.", "Residents of the village"),
        ("the water came at night.", "Residents of the village"),
    ]
    assert ("nothing else.", "Local shopkeepers") not in out


def test_a_name_is_found_without_the_sentence_s_first_word_or_its_full_stop():
    """``But DexCom`` and ``Ray Donnelly.`` were full names read from the text: the short
    name became ``But DexCom``, and ``Donnelly`` stayed short."""
    text = (
        "Sales rose. But DexCom's shares fell.\n\n"
        "Coach Ray Donnelly.\n\n"
        '"We won," Donnelly said. "We lost," DexCom said.'
    )
    assert named_at("DexCom", text, 1) == "DexCom"
    assert named_at("Donnelly", text, 1) == "Ray Donnelly"


def test_a_job_of_something_before_a_name_is_the_job_a_description_says(suggester):
    """``Minister for Fisheries Ana Lind ... the minister``: the job word before the
    ``for`` or ``of`` a name follows is the job a later description names her by; a
    press secretary is a spokesperson."""
    text = (
        "Federal Minister for Fisheries and Ports Ana Lind said the quota would stay.\n\n"
        '"We will not bend," the federal minister said.\n\n'
        "The press secretary of the Norlandic Foreign Ministry Ivo Berg did not comment.\n\n"
        "The spokesman stressed that the talks would go on."
    )
    assert names(suggester, text) == ["Ana Lind", "Ana Lind", "Ivo Berg"]


def test_a_person_named_in_what_someone_reported_is_not_whom_he_refers_to(suggester):
    text = (
        "Minister for Ports Jo Park on Saturday said the strike would end soon.\n\n"
        "He said union leader Tom Reed announced a march for March 23.\n\n"
        "He said the march would change nothing."
    )
    assert names(suggester, text) == ["Jo Park"] * 3


def test_an_acronym_is_the_name_the_article_spells_it_out_as_later(suggester):
    text = (
        '"The dam held overnight," NWA said on Sunday.\n\n'
        "Norland Water Authority engineer Jo Lee said the dam was safe."
    )
    assert names(suggester, text) == ["Norland Water Authority", "Jo Lee"]


def test_a_place_s_police_is_the_force_the_article_names_after_it(suggester):
    text = (
        "A man was arrested after Norton Police say he threw a brick at a cruiser.\n\n"
        "According to Sgt. Jo Lee with the Norton Police Department (NPD), the brick broke "
        "a window."
    )
    assert names(suggester, text)[0] == "Norton Police Department"


def test_a_nationality_before_a_body_of_state_is_no_part_of_its_name(suggester):
    text = (
        "Ten boats sank in the storm, the U.S. Food and Drug Administration said.\n\n"
        "The Norlandic Ministry of Fisheries said 70 boats were lost. The agency said "
        "the port would reopen.\n\n"
        "The Norlandic Defense Ministry said the Ministry of Defense had sent ships.\n\n"
        "The Norlandic Broadcasting Corporation said the storm was over."
    )
    assert names(suggester, text) == [
        "Food and Drug Administration",
        "Ministry of Fisheries",
        "Food and Drug Administration",
        "Ministry of Defense",
        "Norlandic Broadcasting Corporation",
    ]


def test_a_name_run_on_after_the_noun_of_its_kind_is_the_source_not_the_clause_s(suggester):
    """``According to the state agency Tenta, President ...``: the parse takes the
    agency's name for the subject of the clause after it."""
    text = (
        "According to the state agency Tenta, President of Norland Ivo Berg was "
        "immediately informed about the blast."
    )
    assert suggest(suggester, text) == [
        (
            "President of Norland Ivo Berg was immediately informed about the blast.",
            "the state agency Tenta",
            "Tenta",
            "According to",
            "indirect",
        )
    ]


def test_a_possessive_before_an_organisation_s_kind_is_a_description_of_it(suggester):
    text = (
        "Striker Jo Berg is out of Norton City\u2019s match on Sunday, his club announced.\n\n"
        "Ann Lee runs Midland Motors. Sales would fall, her company said."
    )
    assert names(suggester, text) == ["Norton City", "Midland Motors"]


def test_they_after_according_to_a_source_is_that_source(suggester):
    text = (
        "State police announced on Thursday that a man had been arrested.\n\n"
        "According to NSP, they found the man at a farm near the river. They say more "
        "will be released on Friday."
    )
    assert names(suggester, text) == ["State police", "NSP", "NSP"]


def test_a_job_named_in_what_someone_reported_is_not_whom_a_description_is(suggester):
    text = (
        "Minister for Ports Jo Park on Saturday said the strike would end soon.\n\n"
        "He said Minister for Roads Tom Reed was ranked the top performer.\n\n"
        "The minister said that the port would reopen on Monday."
    )
    assert names(suggester, text) == ["Jo Park"] * 3


def test_a_technician_is_the_coach_in_a_translated_sports_report(suggester):
    text = (
        "Norton City coach Ana Ruiz said the team was tired.\n\n"
        "\u201cWe have to adapt to the injuries,\u201d added the Spanish technician."
    )
    assert names(suggester, text) == ["Ana Ruiz", "Ana Ruiz"]


def test_a_nickname_in_marks_is_no_part_of_the_fullest_name(suggester):
    text = (
        "Her lawyer, Peter \u201cPete\u201d Varga of Holm Partners, said she was \u201cvery "
        "pleased\u201d with the ruling.\n\n"
        '"We will appeal," Varga said.'
    )
    assert names(suggester, text) == ["Peter Varga", "Peter Varga"]
    assert full_names(text)["Varga"] == "Peter Varga"  # (the S key's names, without a parse)
    assert full_names('Ann "Annie" Lee and Bo Chan met.')["Lee"] == "Ann Lee"


def test_the_boss_is_the_person_named_with_a_job_of_heading(suggester):
    text = (
        "The roads were quiet, regional police commander Tom Reed has said.\n\n"
        "The police boss said most people stayed at home.\n\n"
        "ROVERS MANAGER Ivo Berg fears the injury is bad.\n\n"
        '"He has hurt his knee," the Rovers boss told reporters.'
    )
    assert names(suggester, text) == ["Tom Reed", "Tom Reed", "Ivo Berg"]
    text = (
        "The Police Commissioner for Norvia, Chet Wills, is not ruling out curfews.\n\n"
        "The police chief noted that the police now work with the gangs."
    )
    assert names(suggester, text) == ["Chet Wills"]


def test_a_one_word_name_a_company_s_name_begins_is_that_company(suggester):
    text = (
        "Workers at Northern Steel and Wire Corp. walked out on Monday, the union said.\n\n"
        "Northern said in a statement that its plants would stay open.\n\n"
        "Talks will go on next week, Northern said."
    )
    assert names(suggester, text)[1:] == ["Northern Steel and Wire", "Northern Steel and Wire"]
    assert "Wire" not in full_names(text)  # (a company's name holds no person's)


def test_where_an_organisation_is_based_is_no_part_of_its_name(suggester):
    text = "On Monday, the Oslo-based Nordic Fish Council said the catch was down."
    assert names(suggester, text) == ["Nordic Fish Council"]


def test_a_description_s_noun_alone_in_capitals_is_the_description(suggester):
    text = (
        "In its statement, the Ministry of Fisheries and Coastal Affairs added that the ban "
        "would last a month.\n\n"
        "The Ministry stressed that boats must stay in port.\n\n"
        "The Ministry of Fisheries has said that no boat was fined.\n\n"
        "\u201cThe ministry will check every harbour,\u201d it said in a release."
    )
    assert names(suggester, text) == [
        "Ministry of Fisheries and Coastal Affairs",
        "Ministry of Fisheries and Coastal Affairs",
        "Ministry of Fisheries",
        "Ministry of Fisheries",
    ]


def test_an_organisation_s_name_cut_after_its_and_is_whole():
    """As a mention cut there is named (the parse's cut, which the rules now mend for the
    mention itself: test_reporting_lines; S on a selection that ends at the ``and``)."""
    text = "Later, the Ministry of Health and Family Welfare added that the patients were stable."
    pos = text.index("the Ministry")
    assert settled_in_article("the Ministry of Health and", pos, text) == (
        "Ministry of Health and Family Welfare"
    )
    assert settled_in_article("the Ministry of Health", pos, text) == "Ministry of Health"


def test_a_nationality_that_calls_a_person_so_is_the_person_named_before_it(suggester):
    text = (
        "Rovers striker Tom Reed will miss a month with a knee injury, according to manager "
        "Ivo Berg.\n\n"
        "\u201cIt is a bad one,\u201d said Berg.\n\n"
        "Asked whether the club would buy a striker, the Norwegian added: \u201cWe will look "
        "at the market.\u201d"
    )
    assert names(suggester, text) == ["Ivo Berg"] * 3


def test_a_side_after_its_league_is_a_club(suggester):
    text = (
        "Championship side Norton will be without striker Tom Reed for a month.\n\n"
        "Reed was hurt in the 1-1 draw with Everly, and the club said in a statement: "
        "\u201cTom needs surgery on his knee.\u201d\n\n"
        "Talks with Halden, the Serie A outfit, went on. The club said that a fee was agreed."
    )
    assert names(suggester, text) == ["Norton", "Halden"]


def test_a_fijian_chief_s_title_is_no_part_of_the_name(suggester):
    text = "Speaker of Parliament Ratu Jone Vatu said the debate was over."
    assert names(suggester, text) == ["Jone Vatu"]


def test_a_description_is_an_organisation_named_by_its_acronym_alone(suggester):
    text = (
        "The NSA is leading the inquiry, according to US officials.\n\n"
        "\u201cWe are looking at the logs,\u201d the agency said in a statement.\n\n"
        "The FSB is also investigating. The bureau said that no one was hurt."
    )
    assert names(suggester, text) == ["US officials", "NSA", "FSB"]


def test_a_description_by_a_job_is_the_person_the_article_names_later_with_it(suggester):
    text = (
        "The CEO of Norvia came out fighting on Friday, denying his company was at fault.\n\n"
        "A day later, the firm lost its licence.\n\n"
        "Speaking on the radio, CEO Ivo Berg said the company was a victim.\n\n"
        "The state counsel said the evidence was strong.\n\n"
        "The hearing went on until noon.\n\n"
        "The defence counsel, Jo Roe, said the evidence was weak.\n\n"
        "A senior police officer said the road was closed.\n\n"
        "The officer said no one was hurt.\n\n"
        "The crash happened at noon.\n\n"
        "Later, Officer Ann Lee said the road would reopen."
    )
    assert names(suggester, text) == [
        "Ivo Berg",
        "Ivo Berg",
        "The state counsel",  # not the defence counsel named after it
        "Jo Roe",
        "A senior police officer",
        "The officer",  # a description it refers back to
        "Ann Lee",
    ]


def test_a_possessive_is_the_article_of_a_description_named_later(suggester):
    text = (
        "Lee's attorney told reporters he plans to appeal. He said the trial was unfair.\n\n"
        "The verdict came on Monday.\n\n"
        '"What happened today is very serious," defense attorney Jo Roe said.'
    )
    assert names(suggester, text) == ["Jo Roe"] * 3


def test_a_hospital_is_a_medical_centre_and_a_carrier_an_airline(suggester):
    text = (
        "The Norton General Medical Centre broke its silence on Monday.\n\n"
        "The hospital said the ward would reopen.\n\n"
        "A Norvia Airlines flight was diverted, according to the carrier."
    )
    assert names(suggester, text) == ["Norton General Medical Centre", "Norvia Airlines"]


def test_the_cleric_is_the_person_named_with_a_title_of_the_clergy(suggester):
    text = (
        "Gunmen attacked a televangelist, Apostle Jo Roe, in Edo State.\n\n"
        "\u201cThey opened fire on my car,\u201d the cleric said.\n\n"
        "Imam Ali Musa said the mosque was closed. The cleric said prayers would go on."
    )
    assert names(suggester, text) == ["Jo Roe", "Ali Musa", "Ali Musa"]


def test_what_a_job_is_of_ends_where_the_name_starts_also_after_the(suggester):
    text = (
        "Leader of the Opposition Sajan Perera responded to the rumours, stating that they "
        "are false.\n\n"
        "The Opposition Leader added that the claims would soon be exposed.\n\n"
        "Secretary of the Navy Carl Moss said the ships were ready."
    )
    assert names(suggester, text) == ["Sajan Perera", "Sajan Perera", "Carl Moss"]


def test_a_description_by_a_job_is_the_nearest_of_a_person_and_a_description_with_it(
    suggester,
):
    text = (
        "Airline spokesperson Jo Roe said the flight landed safely.\n\n"
        "A spokesperson with the Norton city airport said that the plane was met by police.\n\n"
        "The FBI has taken over the case, the spokesperson said.\n\n"
        "Flights resumed at noon.\n\n"
        "The spokesperson said that the airport would stay open."
    )
    assert names(suggester, text) == [
        "Jo Roe",
        "A spokesperson with the Norton city airport",
        "the spokesperson",  # the description nearer than Jo Roe
        "the spokesperson",  # case makes no new description
    ]


def test_an_organisation_s_name_without_its_middle_words_is_the_fuller_one_before_it(
    suggester,
):
    text = (
        "The Norland Football Federation has rejected the ban.\n\n"
        "The Norland Federation confirmed in a statement that it would appeal.\n\n"
        "The Norland Federation of Trade said the ban was unfair."
    )
    assert names(suggester, text) == [
        "Norland Football Federation",
        "Norland Federation of Trade",  # its last word not the fuller one's
    ]


def test_a_name_in_apposition_to_a_person_s_is_no_one_he_refers_to(suggester):
    text = (
        "Carl Moss, Unite the Union\u2019s regional co-ordinating officer, said some staff "
        "were left in tears.\n\n"
        "He said the union was prepared to ballot members on strike action."
    )
    assert names(suggester, text) == ["Carl Moss", "Carl Moss"]


def test_s_names_a_spokesperson_for_an_organisation_as_written():
    text = "The flight was diverted, a spokesperson for Norvia Airlines said on Monday."
    mention = "a spokesperson for Norvia Airlines"
    name = name_in_article(mention, [], text.index(mention), None, text)
    assert name == mention


def test_a_description_is_the_organisation_a_name_and_its_kind_call_so(suggester):
    text = (
        "The Norland embassy in Muscat is warning people about a scam. \u201cDo not pay "
        "anyone,\u201d the embassy said in an online statement."
    )
    assert names(suggester, text) == ["Norland embassy in Muscat"]


def test_he_in_an_organisation_s_statement_that_names_no_person_is_the_organisation(
    suggester,
):
    text = (
        "The Norland Football Federation said in a statement that it would appeal.\n\n"
        "The statement stressed: \u201cThis decision is against the rules.\u201d\n\n"
        "\u201cSuch actions divide the sports community,\u201d he said."
    )
    assert names(suggester, text) == ["Norland Football Federation"] * 3


def test_a_run_of_capitalised_words_ends_at_a_sentence_s_full_stop():
    """heldout6: the name box offered ``Milwaukee. The Wauwatosa Police Department`` and
    ``Wolves. It`` (a run of capitals went on past a word's full stop), and the first was
    suggested as a speaker's name. A run stops after a word ending in two small letters
    and a full stop; an initial, ``St.`` or ``U.S.`` goes on."""
    text = (
        "Police came to a mall in Milwaukee. The Wauwatosa Police Department said so. "
        "Fans of Wolves. It rained on Mount St. John Medical Centre and U.S. Army Colonel "
        "Barry M. Weber."
    )
    names = full_names(text)
    assert names["Department"] == "Wauwatosa Police Department"
    assert names["Centre"] == "Mount St. John Medical Centre"
    assert names["Weber"] == "Barry M. Weber"
    assert "It" not in names  # (not "Wolves It")


def test_the_broadcaster_is_the_nearest_broadcasting_corporation_or_television(suggester):
    text = (
        "A producer has been suspended, the Norlandic Broadcasting Corporation said.\n\n"
        "The broadcaster said the inquiry would be quick.\n\n"
        "Staff at Kestrel Television were told on Friday, the broadcaster said."
    )
    assert names(suggester, text) == [
        "Norlandic Broadcasting Corporation",
        "Norlandic Broadcasting Corporation",
        "Kestrel Television",
    ]


def test_an_organisation_s_spokesperson_keeps_its_indefinite_article(suggester):
    text = (
        "The line was closed on Monday.\n\n"
        "In a statement, a Norvia spokesperson said: \u2018We are sorry for the delays.\u2019"
    )
    assert names(suggester, text) == ["a Norvia spokesperson"]


def test_a_body_of_state_named_before_its_noun_is_the_one_named_with_of(suggester):
    text = (
        "The Ministry of Fisheries said on Monday that the reports were false.\n\n"
        "The Fisheries Ministry said the boat had left the harbour."
    )
    assert names(suggester, text) == ["Ministry of Fisheries", "Ministry of Fisheries"]


def test_a_job_described_before_the_name_in_apposition_names_that_person(suggester):
    text = (
        "The Commissioner of Police in the state, Mr Jide Ola, disclosed this to reporters "
        "on Thursday.\n\n"
        "The police commissioner said the suspects would be charged to court."
    )
    assert names(suggester, text) == ["Jide Ola"]


def test_the_magistrate_is_the_person_named_with_that_job(suggester):
    text = (
        "A court presided over by Principal Magistrate Jo M.S. Roe ordered the remand on "
        "Tuesday.\n\n"
        "\u201cYou will not take your plea,\u201d said the trial magistrate."
    )
    assert names(suggester, text) == ["Jo M.S. Roe"]


def test_a_name_that_begins_an_organisation_s_name_before_it_is_that_organisation(suggester):
    text = (
        "Cases were reported at St. Clare Medical Center in Norton.\n\n"
        "St. Clare in a statement said the hospital was \u201cworking closely with the state.\u201d"
    )
    assert names(suggester, text) == ["St. Clare Medical Center"]


def test_a_news_agency_s_kind_written_after_its_name_is_no_part_of_it(suggester):
    text = "According to NPA news agency, the talks failed on Monday."
    assert names(suggester, text) == ["NPA"]


def test_a_place_s_possessive_and_how_it_is_before_an_organisation_are_no_part_of_it(suggester):
    text = (
        "According to the North's official Norland Central News Agency on Friday, a "
        "spokesperson denounced the report."
    )
    assert names(suggester, text) == ["Norland Central News Agency"]


def test_a_surname_ending_in_s_that_said_he_is_a_person_a_later_he_refers_to(suggester):
    text = (
        "Andrew and his family were at home when the water came up. Jones said he had seen "
        "water rise before.\n\n"
        "\u201cWe knew that we were getting rain,\u201d he said."
    )
    assert names(suggester, text) == ["Jones", "Jones"]


def test_a_description_names_an_organisation_s_acronym_that_is_no_subject(suggester):
    text = (
        "A producer has been suspended over claims about a BNK presenter, the broadcaster "
        "has confirmed.\n\n"
        "The broadcaster said the inquiry would be quick."
    )
    assert names(suggester, text) == ["BNK", "BNK"]


def test_a_job_of_an_organisation_before_a_name_with_its_title_names_that_person(suggester):
    text = (
        "In a first reaction, the spokesman of Norland\u2019s Defense Ministry General Jo "
        "Roe-Ma, denied the reports.\n\n"
        "The spokesperson said the causes would be announced at the appropriate time."
    )
    assert names(suggester, text) == ["Jo Roe-Ma"]


def test_a_job_written_again_without_a_name_is_still_its_holder_s(suggester):
    text = (
        "The Speaker acted after the Minority Leader, Jo Roe-Ma, appealed to the House.\n\n"
        "The Minority Leader made the appeal after a visit to the town.\n\n"
        "The Minority Leader said that 40 people had fallen ill."
    )
    assert names(suggester, text) == ["Jo Roe-Ma"]


def test_a_he_after_a_job_s_name_as_subject_is_its_holder_not_another_person(suggester):
    text = (
        "The First Deputy Speaker, Ivo Berg, gave the directive after the Minority Leader, "
        "Jo Roe-Ma, appealed to the House.\n\n"
        "The Minority Leader said that 40 people had fallen ill.\n\n"
        "Currently, he said, the sick were being treated at the town hospital."
    )
    assert names(suggester, text) == ["Jo Roe-Ma", "Jo Roe-Ma"]


def test_a_job_of_something_before_a_name_after_a_comma_needs_no_comma_after_it(suggester):
    text = (
        "The Minister of State for General Duties in the Ministry of Fisheries, Jo Roe-Ma "
        "has pledged to deliver a statement on the claims.\n\n"
        "The Minister later said that she would return to the house with a statement."
    )
    assert names(suggester, text) == ["Jo Roe-Ma"]


def test_a_document_of_an_organisation_s_description_is_that_organisation_s(suggester):
    text = (
        "In a statement Norvia Bank said that the reports were misleading.\n\n"
        "The bank statement said: \u201cWe have not been asked to close any account.\u201d\n\n"
        "The ministry report said that the accounts were safe."
    )
    assert names(suggester, text) == ["Norvia Bank", "Norvia Bank", "The ministry report"]


def test_a_day_of_the_week_after_a_name_is_when_it_spoke_no_part_of_the_name(suggester):
    text = (
        "Norland\u2019s Bank Friday countered what it called \u201cmisleading media reports\u201d "
        "saying that no state body has made any \u2018direct or indirect requests\u2019 to "
        "move their accounts."
    )
    assert set(names(suggester, text)) == {"Norland\u2019s Bank"}


def test_of_two_organisations_joined_by_and_each_named_in_full_the_first_is_the_name(suggester):
    text = (
        "The Ford Foundation and Jo D. and Ann T. Norvia Foundation have warned the public "
        "against scammers using their names.\n\n"
        "\u201cWe never ask for fees,\u201d they stated.\n\n"
        "The Ford Foundation and Norvia Foundation said that no grantee pays a deposit.\n\n"
        "The Phoenix Police and Fire Department said that the road was closed."
    )
    assert names(suggester, text) == [
        "Ford Foundation",
        "Ford Foundation",
        "Phoenix Police and Fire Department",
    ]


def test_a_they_is_no_document_named_before_it(suggester):
    text = (
        "The Ford Foundation and Norvia Foundation have warned the public against scammers.\n\n"
        "The statement signed by Jo Roe, regional director for the Ford Foundation, "
        "emphasized: \u201cWe never ask for fees.\u201d\n\n"
        "They warned the public to be careful, adding: \u201cDo not send money.\u201d"
    )
    assert names(suggester, text) == ["The statement", "Ford Foundation"]


def test_the_and_the_last_word_of_a_name_before_it_is_that_name(suggester):
    text = (
        "The Norland Courier, the Eastvale Star and NBC News have stories.\n\n"
        "He choked up after the sentence and used a football analogy, the Courier says."
    )
    assert names(suggester, text) == ["Norland Courier"]


def test_an_acronym_is_the_name_it_and_a_word_of_what_it_is_make_before_it(suggester):
    text = (
        "The Norland Courier, the Eastvale Times and NBK News have stories.\n\n"
        "The mayor was \u201cnotably thinner\u201d than at his trial, NBK says."
    )
    assert names(suggester, text) == ["NBK News"]


def test_the_letters_of_an_honour_after_a_name_are_no_part_of_it(suggester):
    text = (
        "The decision drew criticism from Attorney General Jo Roe SC, who said it sent the "
        "wrong message.\n\n"
        "Lawyer Ivo K. Berg S.C. says that the court has to weigh many factors."
    )
    assert names(suggester, text) == ["Jo Roe", "Ivo K. Berg"]
    assert full_names(text)["Roe"] == "Jo Roe"  # (the S key's names, without a parse)
    assert names(suggester, "Sporting KC said that the match was off.") == ["Sporting KC"]


def test_a_title_not_yet_held_and_a_warden_are_no_part_of_a_name(suggester):
    text = (
        "President-elect Jon Toribo said he will keep the ties to the US.\n\n"
        "\u201cLet us not forget our benefactor,\u201d the president-elect said.\n\n"
        "\u201cOur report shows a steep drop,\u201d said Chief Game Warden Rick Kingsley."
    )
    assert names(suggester, text) == ["Jon Toribo", "Jon Toribo", "Rick Kingsley"]
    assert full_names(text)["Toribo"] == "Jon Toribo"  # (the S key's names, without a parse)


def test_a_landlord_or_a_passenger_before_a_name_is_no_part_of_it(suggester):
    text = (
        "Landlord Carmo Borgia from Lund says that he heard of it only through the media.\n\n"
        "Passenger Jo Roe said the ferry was late. The passenger said that it was cold."
    )
    assert names(suggester, text) == ["Carmo Borgia", "Jo Roe", "Jo Roe"]


def test_the_letters_of_a_seat_after_a_name_are_no_part_of_it(suggester):
    text = (
        '"We are worried," Norland Conservative Shadow Health Minister Rhodri Bevan MS said.\n\n'
        "Opposition leader Ada Okoro MP said that the budget was late.\n\n"
        '"It is a mess," Bevan said.'
    )
    assert names(suggester, text) == ["Rhodri Bevan", "Ada Okoro", "Rhodri Bevan"]
    assert full_names(text)["Okoro"] == "Ada Okoro"  # (the S key's names, without a parse)


def test_a_name_is_one_whichever_apostrophe_it_is_written_with(suggester):
    text = (
        "Police Commissioner Tua\u2019ana Lemalu Faleolo confirmed that six were arrested.\n\n"
        "Tua'ana also confirmed that police have been watching the stand."
    )
    assert names(suggester, text) == ["Tua\u2019ana Lemalu Faleolo"] * 2


def test_a_capitalised_word_between_a_title_and_a_surname_is_the_first_name(suggester):
    text = (
        "Commissioner Less Napua of the Maritime Authority confirmed that the captain had "
        "not followed the forecast.\n\n"
        '"It was reckless," Napua said.\n\n'
        "Minister Will Orr said that the ferry would sail again."
    )
    assert names(suggester, text) == ["Less Napua", "Less Napua", "Will Orr"]


def test_the_last_part_of_a_hyphenated_surname_names_its_person(suggester):
    text = (
        "Former magistrate K.A. Ruman-Vassin said that bail is a right.\n\n"
        "In his letter, Vassin wrote that the accused is presumed innocent."
    )
    assert names(suggester, text) == ["K.A. Ruman-Vassin", "K.A. Ruman-Vassin"]
    assert full_names(text)["Vassin"] == "K.A. Ruman-Vassin"


def test_a_description_capitalised_to_open_a_sentence_is_the_same_description(suggester):
    text = (
        "The county has seven confirmed cases, officials say.\n\n"
        "Officials say the schools are working together to limit the spread."
    )
    assert names(suggester, text) == ["officials", "officials"]


def test_a_surname_after_its_particle_and_a_hyphen_is_a_person_s(suggester):
    text = (
        "Spokesperson for the Committee Dr. Omar al-Kabiri said that six cases were "
        "examined.\n\n"
        "The Committee goes on announcing the results, Dr. al-Kabiri added."
    )
    assert names(suggester, text) == ["Omar al-Kabiri", "Omar al-Kabiri"]


def test_a_band_is_the_organisation_its_description_is_in_apposition_to(suggester):
    text = (
        "The American band that played issued a statement on Friday.\n\n"
        "The paper reports that the band, Norvia of Night posted a statement. In it, the band "
        "says they are safe.\n\n"
        'The band said, in the statement, that they are "united by love."'
    )
    assert names(suggester, text)[1:] == ["Norvia of Night", "Norvia of Night"]


def test_a_small_word_in_capitals_makes_no_new_name(suggester):
    text = (
        'The City Of Norton Police tweeted: "The event is off."\n\n'
        "Update: City of Norton Police have issued a statement on the cancellation."
    )
    assert names(suggester, text) == ["City of Norton Police"]
    assert settled_in_article("City Of Norton Police", 0, text) == "City of Norton Police"


def test_a_boss_no_one_is_named_as_is_the_subject_of_its_paragraph_or_the_last(suggester):
    text = (
        "Ivo Berg confirmed that three players were injured in the draw.\n\n"
        "Berg was forced to use all three substitutes in the first half. After the game, the "
        'Norton boss said: "We have lost a few with hamstrings."'
    )
    assert names(suggester, text) == ["Ivo Berg", "Ivo Berg"]
    text = (
        "Jo Roe has denied that the club will rush to buy a new forward.\n\n"
        '"We will try to look around," said the Norton boss.'
    )
    assert names(suggester, text) == ["Jo Roe", "Jo Roe"]


def test_and_the_before_a_second_organisation_s_name_joins_two(suggester):
    text = (
        "The Ministry of Health and Population and the Joint Technical Committee on Thursday "
        "confirmed that no cases were found.\n\n"
        "The Ministry of Culture and the Arts said that the show was cancelled."
    )
    assert names(suggester, text) == [
        "Ministry of Health and Population",
        "Ministry of Culture and the Arts",
    ]


def test_a_body_of_state_named_with_where_it_is_keeps_it_without_its_nationality(suggester):
    text = (
        "The Norlandic Embassy in the United States commented on the talks. The embassy "
        "claims that such meetings are rare."
    )
    assert names(suggester, text) == ["Embassy in the United States"]


def test_what_a_job_is_of_in_two_words_ends_where_the_name_starts(suggester):
    text = (
        "Director of National Intelligence Jo Roe said that the speculation is false.\n\n"
        "Secretary of Homeland Security Ivo Berg said that the border is safe. Berg said that "
        "he was tired."
    )
    assert names(suggester, text) == ["Jo Roe", "Ivo Berg", "Ivo Berg"]


def test_what_a_job_is_of_after_and_is_no_person_and_the_name_before_it_holds_the_job(suggester):
    text = (
        "Jo Roe says the plan is working.\n\n"
        "Roe, the Minister of Information and Culture, stated this at a forum.\n\n"
        "The minister said the budget was small.\n\n"
        "He said the farmers were paid."
    )
    assert names(suggester, text) == ["Jo Roe", "Jo Roe", "Jo Roe"]


def test_an_honorific_before_a_name_is_no_part_of_it(suggester):
    text = "Alhaji Jo Roe says the plan is working.\n\nAlhaja Ada Obi said the farmers were paid."
    assert names(suggester, text) == ["Jo Roe", "Ada Obi"]
    assert full_names(text)["Roe"] == "Jo Roe"  # (the S key's names, without a parse)


def test_a_juror_is_a_job_word_before_a_name(suggester):
    text = (
        "Juror Ann Lee told the paper the verdict was based on the evidence.\n\n"
        '"There was not enough there," Ms Lee said.'
    )
    assert names(suggester, text) == ["Ann Lee", "Ann Lee"]


def test_a_company_s_description_by_what_it_does_or_how_it_is_names_the_company(suggester):
    text = (
        "DETROIT - Norvia Motor Co.'s troubles claimed more victims Monday when the struggling "
        "company announced that it will close a plant.\n\n"
        "The nation's No. 2 automaker also announced that it will mothball another plant.\n\n"
        "Acme Industries is closing its plant in July, the specialty paper company announced."
    )
    assert names(suggester, text) == ["Norvia Motor", "Norvia Motor", "Acme Industries"]


def test_a_document_released_by_a_name_is_that_name_s(suggester):
    text = (
        "The Norland Centre for Disease Control (NCDC) has reported 152 deaths.\n\n"
        "According to the latest situation report released by the NCDC on Monday, 811 cases "
        "have been recorded."
    )
    assert names(suggester, text) == ["Norland Centre for Disease Control"]
    at = text.index("the latest")
    settled = settled_in_article("the latest situation report", at, text)
    assert settled == "Norland Centre for Disease Control"  # (the S key's, without a parse)


def test_the_statement_is_the_name_that_issued_a_statement_before(suggester):
    text = (
        "A statement issued by the Ministry of Defence in Kigali said that the men were "
        "held.\n\n"
        "The army has informed the mechanism, the statement said.\n\n"
        "The Norvia Refining Company (NRC) blocked the cargoes.\n\n"
        "A report done by NRC revealed that the fuel failed the test.\n\n"
        "The report said that the tankers were turned away."
    )
    assert names(suggester, text) == ["Ministry of Defence"] * 2 + ["Norvia Refining Company"] * 2
    at = text.index("A report")
    assert settled_in_article("A report", at, text) == "Norvia Refining Company"


def test_figures_submitted_to_someone_by_a_name_are_that_name_s(suggester):
    text = (
        "Hunting permits have risen by 60 percent, according to figures submitted to the "
        "board by the Norland Wildlife Troopers. Responsible for the law, they patrol."
    )
    assert names(suggester, text) == ["Norland Wildlife Troopers"]


def test_a_she_is_the_woman_a_description_names_not_a_name_in_its_phrase(suggester):
    text = (
        'A woman from Elm Way, who did not want to be named, said she heard "shouting".\n\n'
        'She said: "It was loud."\n\n'
        'A man from Norton Road said: "I ran."\n\n'
        'He said: "It was dark."'
    )
    assert names(suggester, text) == [
        "A woman from Elm Way",
        "A woman from Elm Way",
        "A man from Norton Road",
        "A man from Norton Road",
    ]


def test_a_capitalised_description_is_no_earlier_one_that_was_no_source(suggester):
    text = (
        "Tensions were high near the scene before neighbors knew an officer lost his life.\n\n"
        "Neighbors said their hearts are with the police."
    )
    assert names(suggester, text) == ["Neighbors"]


def test_an_organisation_named_in_lower_case_with_its_acronym_is_a_name_in_capitals(suggester):
    """The acronym defined in brackets spells the words before it (``The ministry of
    fisheries (MOF)``, its ``of`` too), so they are a name, written in capitals as names
    are: the mention, its ``It``, ``The ministry`` and the acronym all name it."""
    text = (
        "The ministry of fisheries (MOF) confirmed that the boats were back.\n\n"
        "It said the crews were safe.\n\n"
        "The ministry said the catch was small.\n\n"
        "However, MOF said the season would go on.\n\n"
        "The case fatality rate (CFR) fell, Jo Roe said."
    )
    assert names(suggester, text) == ["Ministry of Fisheries"] * 4 + ["Jo Roe"]


def test_a_title_s_abbreviation_after_an_organisation_is_no_word_of_its_name(suggester):
    """``Norland Police Asst. Commissioner Jo Roe``: the run of capitals stops at the
    title's full stop, and the title is Roe's, so ``police`` later is ``Norland Police``."""
    text = (
        "\u201cA man was arrested,\u201d police said.\n\n"
        "Norland Police Asst. Commissioner Jo Roe said the man was 19.\n\n"
        "Officers were sent to \u201creassure people,\u201d police said."
    )
    assert names(suggester, text) == ["police", "Jo Roe", "Norland Police"]


def test_an_insurer_is_a_company_and_an_insurance_company_a_carrier(suggester):
    text = (
        "Norvia Mutual Insurance Co. says it will take a loss of $3 million.\n\n"
        "The insurer says it has received 5,000 claims.\n\n"
        "The carrier says it has closed half of them."
    )
    assert names(suggester, text) == ["Norvia Mutual Insurance"] * 3


def test_a_rank_s_abbreviation_without_its_stop_is_no_part_of_the_name(suggester):
    text = (
        "The army spokesperson Maj Jo Roe says the suspects were found with explosives.\n\n"
        "Cpl Ada Obi said the road was closed."
    )
    assert names(suggester, text) == ["Jo Roe", "Ada Obi"]
    assert full_names(text)["Roe"] == "Jo Roe"  # (the S key's names, without a parse)


def test_chaudhry_before_a_name_is_an_honorific_and_after_one_a_surname(suggester):
    text = (
        "Interior Minister Chaudhry Ali Khan said the police would be given new powers.\n\n"
        "Khan said the force would grow.\n\n"
        "Senator Sana Chaudhry said the plan was late. Chaudhry said it would cost more."
    )
    assert names(suggester, text) == ["Ali Khan", "Ali Khan", "Sana Chaudhry", "Sana Chaudhry"]
    assert full_names(text)["Khan"] == "Ali Khan"  # (the S key's names, without a parse)


def test_a_name_in_brackets_after_one_with_its_surname_is_another_form_of_it(suggester):
    text = (
        "Officials were angered by Acme Chief Executive Nicholas Roe\u2019s (Nick Roe) "
        "comments on Tuesday.\n\n"
        "Roe said the firm had been misquoted.\n\n"
        "Jo Lee and Ann Lee run the farm. Lee said the harvest was late."
    )
    assert names(suggester, text) == ["Nicholas Roe", "Ann Lee"]


def test_a_company_s_first_words_stand_for_its_whole_name(suggester):
    text = (
        "The chairman of Norvia Light Technology Ltd. has had his assets frozen.\n\n"
        "The legal issues are his own, Norvia Light said in a filing.\n\n"
        "Norvia Bakeries Corp. makes bread. Norvia Bakeries spokeswoman Sandi Lee said a "
        "strike would make things worse."
    )
    assert names(suggester, text) == ["Norvia Light Technology", "Sandi Lee"]


def test_a_map_from_a_source_speaks_for_it(suggester):
    text = "Nearly every major airport is seeing delays, according to a map from Norvia Aviation."
    assert names(suggester, text) == ["Norvia Aviation"]
    assert named_source("a map from Norvia Aviation") == "Norvia Aviation"


def test_a_company_s_first_words_are_no_person_s_name_for_a_later_it(suggester):
    text = (
        "The chairman of Norvia Light Technology Ltd. has had his assets frozen, according "
        "to a court document.\n\n"
        "The legal issues are his own, Norvia Light said in a filing. The chairman has given "
        "no guarantee to the company, it said."
    )
    assert names(suggester, text)[-1] == "Norvia Light Technology"


def test_a_brigadier_is_a_rank_with_its_hyphenated_general_or_not(suggester):
    text = (
        "In a statement Commissioner of Police Brigadier-General Jo Roe said: \u201cThe "
        "claims are a hoax.\u201d\n\n"
        "Mr Roe added: \u201cWe will investigate every claim.\u201d\n\n"
        "Brigadier Ada Obi said the road was closed."
    )
    assert names(suggester, text) == ["Jo Roe", "Jo Roe", "Ada Obi"]
    assert full_names(text)["Roe"] == "Jo Roe"  # (the S key's names, without a parse)


def test_a_trust_s_name_keeps_the_job_word_in_it(suggester):
    text = (
        "The Norvia Health Trust last night confirmed the hospital was full.\n\n"
        'Amid reports of queues, the Trust said "staff are working to create space".'
    )
    assert names(suggester, text) == ["Norvia Health Trust", "Norvia Health Trust"]


def test_a_country_s_possessive_is_no_part_of_a_body_of_state_s_name_in_any_case(suggester):
    text = (
        "NORLAND\u2019S Foreign Affairs and Foreign Trade Ministry says it is \u201cdeeply "
        "disturbed\u201d by the remarks.\n\n"
        "In a statement on Friday, the ministry said it was \u201cregrettable\u201d.\n\n"
        "Norland\u2019s Ministry of Fisheries says it is \u201cnot surprised\u201d by them.\n\n"
        "The ministry said it was \u201cready to talk\u201d.\n\n"
        "SOUTHLAND\u2019S Department of Energy says it is \u201cwaiting\u201d."
    )
    assert names(suggester, text) == [
        "Foreign Affairs and Foreign Trade Ministry",
        "Foreign Affairs and Foreign Trade Ministry",
        "Ministry of Fisheries",
        "Ministry of Fisheries",
        "Department of Energy",
    ]


@pytest.mark.parametrize("kind", ["Alliance", "Coalition", "Guild", "Clinic", "Chamber"])
def test_an_organisation_s_name_keeps_the_job_word_in_it(suggester, kind):
    text = f'The Norvia Health {kind} said the plan was "late".'
    assert names(suggester, text) == [f"Norvia Health {kind}"]


def test_a_person_s_name_is_without_what_they_are_of_and_that_names_the_force(suggester):
    text = (
        "Superintendent Jo Roe of Norvia Police said the road was closed.\n\n"
        "According to police, the car was stolen.\n\n"
        "Ada Obi of the Lund Institute said the bees were back."
    )
    assert names(suggester, text) == ["Jo Roe", "Norvia Police", "Ada Obi"]
    text = (  # a job of something before a name is no person of it
        "Norlandic Minister of Culture and Information Ada Obi denied the reports in a "
        'Facebook post.\n\nShe said they were "false".'
    )
    assert names(suggester, text) == ["Ada Obi"]


def test_a_job_s_acronym_is_its_holder_named_with_how_the_job_is_held(suggester):
    text = (
        "Acting Inspector General of Police Jo Roe said the road was closed.\n\n"
        '"It is shut," the Acting IGP said.\n\n'
        '"It will open," the IGP said.'
    )
    assert names(suggester, text) == ["Jo Roe", "Jo Roe", "Jo Roe"]


def test_a_the_inside_a_run_of_capitalised_words_opens_a_name_of_its_own(suggester):
    text = (  # a headline run into its story, as a stored page may have it
        "Police find cars in Tamale The Savanna Regional Police Command has confirmed "
        "five cars were found on the street.\n\n"
        'However, the Command said "the cars were not stolen".'
    )
    assert names(suggester, text) == ["Savanna Regional Police Command"] * 2


def test_a_document_of_an_organisation_s_description_after_a_is_the_organisation_s(suggester):
    text = (
        "Norvia Police said the dog had died.\n\n"
        "According to a police report, the body was found on the highway.\n\n"
        "According to a bank statement, the money was gone."
    )
    assert names(suggester, text) == ["Norvia Police", "Norvia Police", "a bank statement"]
    text = (  # a news release is a release; an office a kind of organisation
        "The Jefferson County Sheriff's Office said two deputies were safe.\n\n"
        "The boat stalled before it hit a log jam, a sheriff's office news release said.\n\n"
        "The deputies swam to shore, according to the release."
    )
    assert names(suggester, text) == ["Jefferson County Sheriff's Office"] * 3


def test_a_mention_is_settled_once_an_article_however_often_it_is_asked(monkeypatch):
    """Each M names every mention near its quote, most of them those the quote before
    named: settling them again took four fifths of M's time on a long article."""
    from core.suggest.names import NameBook

    calls = []
    settle = NameBook.settle

    def counted(self, name, pos):
        calls.append((name, pos))
        return settle(self, name, pos)

    monkeypatch.setattr(NameBook, "settle", counted)
    text = "Norvia Bank Ltd. cut jobs.\n\nNorvia Bank said it was sorry, Ana Ruiz said.\n"
    pos = text.index("Norvia Bank said")
    assert settled_in_article("Norvia Bank", pos, text) == "Norvia Bank"
    assert settled_in_article("Norvia Bank", pos, text) == "Norvia Bank"
    assert settled_in_article("Ana Ruiz", text.index("Ana"), text) == "Ana Ruiz"
    assert calls == [("Norvia Bank", pos), ("Ana Ruiz", text.index("Ana"))]


def test_what_a_job_is_of_runs_on_through_its_plural_before_the_name(suggester):
    text = (
        "Minister of Water Resources Wil Abram revealed the authority was short of funds.\n\n"
        "Minister of Lands and Natural Resources Tom Cruz said the land was free."
    )
    assert names(suggester, text) == ["Wil Abram", "Tom Cruz"]


def test_a_job_of_something_opening_its_sentence_names_its_holder(suggester):
    text = (
        "Minister for Home Affairs, Pio Tala has urged people to report corrupt officers.\n\n"
        "The Minister has assured the public that the seized drugs are safe."
    )
    assert names(suggester, text) == ["Pio Tala"]


def test_a_surname_the_article_slips_on_is_the_one_name_it_slips_from(suggester):
    text = (
        "Minister Wil Abram revealed the authority was short of funds.\n\n"
        '"We will pay," Abrams said.\n\n'
        '"They will not," Rotha said.'
    )
    assert names(suggester, text) == ["Wil Abram", "Wil Abram", "Rotha"]
    text = (  # in other capitals, a double letter more
        "Senior Magistrate Tam Mackinley heard the case.\n\n"
        '"Nobody stands at the door," MacKinley said.\n\n'
        "Defence counsel Grant Donnel agreed with her.\n\n"
        "Donnell told the court that security must improve."
    )
    assert names(suggester, text) == ["Tam Mackinley", "Grant Donnel"]
    text = (  # two names it may slip from: neither
        "Wil Abram and Ana Abram spoke.\n\n" + '"We will pay," Abrams said.'
    )
    assert names(suggester, text) == ["Abrams"]


def test_a_name_after_a_day_s_document_is_its_giver_not_the_day(suggester):
    text = "A Friday statement from Norvia Zoo officials said the gorilla was sick."
    assert names(suggester, text) == ["Norvia Zoo officials"]


def test_a_month_written_short_is_no_one_a_pronoun_refers_to(suggester):
    text = 'The minister stepped down on Sep. 13.\n\n"It is over," they said.'
    assert names(suggester, text) == ["they"]


def test_people_joined_by_and_are_they_by_the_first_of_them(suggester):
    text = (
        "Journalists Nad Siva, Axel Chen and Yas Denma said in a statement police had "
        "climbed over walls to enter their houses.\n\n"
        '"Are we common criminals?" they said in a joint statement.'
    )
    found = suggest(suggester, text)
    assert [name for _, _, name, _, _ in found] == ["Nad Siva", "Nad Siva"]
    assert found[0][1] == "Journalists Nad Siva, Axel Chen and Yas Denma"


def test_a_document_from_people_joined_by_and_is_the_first_s(suggester):
    text = (
        "Sen. Stan Daine and Rep. Greg Gian announced the hours on Friday.\n\n"
        "However, the agency will keep its schedule, according to a news release from "
        "Daine and Gian, both Norland Republicans."
    )
    found = suggest(suggester, text)
    assert found[-1][1:3] == ("a news release from Daine and Gian", "Stan Daine")


def test_capitalised_words_after_an_organisation_s_of_are_no_person(suggester):
    text = "A spokeswoman for the Ministry of Public Works said that the work was done."
    assert names(suggester, text) == ["A spokeswoman for the Ministry of Public Works"]


def test_people_of_a_job_as_a_sentence_s_subject_are_a_later_they(suggester):
    text = (
        "Councillors on the islands have been trying to secure Norland Government funding "
        "for new boats.\n\n"
        "Now they say they will have to consider a worst-case scenario for the fleet."
    )
    assert names(suggester, text) == ["Councillors on the islands"]


def test_a_job_in_capitals_and_its_comma_before_a_name_names_its_holder(suggester):
    text = (
        "Yesterday, September 12, 2024, Senior Magistrate, Tamika Roe, again addressed the "
        "issue of poor security at the court.\n\n"
        "The senior magistrate added that police officers do not search people."
    )
    assert names(suggester, text) == ["Tamika Roe"]


def test_a_name_after_a_job_s_whole_name_in_capitals_is_the_mention(suggester):
    text = (
        "The county\u2019s Police and Crime Commissioner, Matt Ellison, said of the move: "
        "\u201cIt will protect people.\u201d"
    )
    assert names(suggester, text) == ["Matt Ellison"]


def test_a_document_issued_by_a_job_holder_of_an_organisation_is_the_holder_s(suggester):
    text = (
        "The Norvia Police Department (NPD) arrested a man.\n\n"
        "According to a news release issued by NPD spokeswoman Berla Savel, patrol "
        "officers responded to a disturbance."
    )
    assert names(suggester, text) == ["Berla Savel"]


def test_a_description_of_an_organisation_no_name_fits_is_the_one_that_acted(suggester):
    text = (
        "Norvia Paper is laying off 140 employees at its mill.\n\n"
        "Norvia Paper said it has asked the utility to review its rates.\n\n"
        "Costs have averaged $60 million a year, according to the company.\n\n"
        "Unitra, which represents workers at the mill, said it is angry.\n\n"
        "The union said it was informed on Monday of the layoffs."
    )
    assert names(suggester, text) == ["Norvia Paper", "Norvia Paper", "Unitra", "Unitra"]


def test_a_seat_s_letters_before_a_name_are_a_title(suggester):
    text = (
        "MLA John White responded to the comments on Tuesday.\n\n"
        '"It is not very becoming of an elected official," White said.'
    )
    assert names(suggester, text) == ["John White"]


def test_the_subject_of_a_clause_before_its_sentence_s_is_a_later_it(suggester):
    text = (
        "The Norland Trust rejected the claims.\n\n"
        "If the Norvia Party wins the election, it has pledged to build 40 new hospitals. It "
        "said six of those would be built before 2025."
    )
    assert names(suggester, text) == ["Norvia Party"]


def test_a_name_the_parse_hangs_on_its_particle_is_whole(suggester):
    text = (
        "Chief Superintendent Jorge Lima dos Santos told journalists the drums were old.\n\n"
        '"We are investigating which company brought in this material," said Jorge Lima dos '
        "Santos."
    )
    found = suggest(suggester, text)
    assert [name for _, _, name, _, _ in found] == ["Jorge Lima dos Santos"] * 2
    assert found[1][1] == "Jorge Lima dos Santos"


def test_a_rank_s_letters_with_a_surname_are_the_person_of_that_rank(suggester):
    text = (
        "Detective Sergeant Barry Alcott told reporters that the men stayed in their hotel.\n\n"
        "Their landlady Mary Alcott was away.\n\n"
        '"At no point was anyone locked up," said DS Alcott.'
    )
    assert names(suggester, text) == ["Barry Alcott", "Barry Alcott"]


def test_a_name_before_who_said_is_its_speaker_not_the_noun_the_clause_hangs_on(suggester):
    text = (
        "Reporters were sent to Superintendent Ben Kerwin at Headquarters.\n\n"
        "There were no comments from Kerwin who said he can\u2019t make a statement on the "
        "matter."
    )
    assert names(suggester, text) == ["Ben Kerwin"]


def test_a_job_s_holder_after_a_place_and_its_commas(suggester):
    text = (
        "Director General of Police, Norland, Rupa Sharman on Friday asserted that no "
        "faction has the authority to detain any citizen."
    )
    assert names(suggester, text) == ["Rupa Sharman"]
    text = (  # (but not past the name and its comma to another job's words)
        "Assistant Superintendent of Police (ASP) Goda Ayano, Head of the Command\u2019s "
        "Public Affairs Unit, however, said the cases were closed."
    )
    assert names(suggester, text) == ["Goda Ayano"]


def test_the_police_are_no_person_named_with_a_job_of_police(suggester):
    text = (
        "The Norland Police have responded to several reports over the past 24 hours.\n\n"
        '"We do not accept that," says Chief of Police Tom Jepsen.\n\n'
        "According to the police, the arrested person is not known to the authorities.\n\n"
        "The police in Nordby were called to the airport.\n\n"
        "According to Chief of Police Tom Jepsen, the police still see many attempts.\n\n"
        '"We are seeing a number of cases," he says.'
    )
    assert names(suggester, text) == [
        "Tom Jepsen",
        "Norland Police",
        "Tom Jepsen",
        "Tom Jepsen",
    ]


def test_a_hajj_honorific_opening_a_malay_name_is_a_title_there_only(suggester):
    text = (
        "Attorney General Dato Paduka Hj Rosli Amin Hj Abdul Karim said an announcement "
        "would be made soon.\n\n"
        '"There will be a mention in open court soon," Rosli Amin said.'
    )
    assert names(suggester, text) == ["Rosli Amin Hj Abdul Karim"] * 2


def test_a_surname_written_in_two_is_the_one_name_written_in_one(suggester):
    text = (
        "Commissioner Don McKenna said the escape was a shock.\n\n"
        '"I am quite limited in what I can say," Mc Kenna said.'
    )
    assert names(suggester, text) == ["Don McKenna"] * 2


def test_a_name_s_sr_keeps_its_stop_and_the_sentence_goes_on_after_it(suggester):
    text = (
        "\u201cWe cannot tolerate this on our shores,\u201d Police Chief Barry Thompson Sr. "
        "said.\n\n"
        "Thompson said both are in stable condition."
    )
    found = suggest(suggester, text)
    assert [name for _, _, name, _, _ in found] == ["Barry Thompson Sr."] * 2
    assert found[0][3] == "said"


def test_a_name_ending_in_initials_is_no_person(suggester):
    text = (
        "Police Commissioner Datuk Aidi Ismail assured that there were no cases of armed "
        "smuggling.\n\n"
        "Apart from that, Norland GOF also has special teams to deal with smuggling cases\n\n"
        "On the crime index, he said the cases were still under control."
    )
    assert names(suggester, text) == ["Aidi Ismail", "Aidi Ismail"]


def test_an_acronym_of_a_job_written_out_before_its_holder_and_a_comma_is_the_holder(
    suggester,
):
    text = (
        "The Prime Minister of Norvia, Enele Sopo, says the research is flawed.\n\n"
        "PM said the expansion of the shoreline did not equate to habitable land."
    )
    assert names(suggester, text) == ["Enele Sopo"] * 2


def test_a_capitalised_word_the_parse_takes_for_a_verb_before_a_name_is_of_it(suggester):
    text = (
        "Taing Sovan, the president of the Norland Municipal Court, told VOD on Thursday "
        "that he did not know who had recorded the clip.\n\n"
        "\u201cIt might be better not to allow reporters in,\u201d Sovan said."
    )
    assert names(suggester, text) == ["Taing Sovan"] * 2


def test_a_day_after_a_name_is_when_it_spoke_no_part_of_the_name(suggester):
    text = "Chief Minister Zoram Thanga Sunday said the state has seen no major disorder."
    assert names(suggester, text) == ["Zoram Thanga"]


def test_a_job_of_a_player_an_artist_or_a_trade_before_a_name_is_no_part_of_it(suggester):
    text = (
        "The selector of Norland Ola Brekke Lind addressed the journalists, stating that "
        "the team was ready.\n\n"
        "Striker Ivo Marsk said the pitch was heavy.\n\n"
        "Photographer Ana Vell said the crowd had been calm.\n\n"
        "The chief of the First Nation of Ula Ben Tor is happy, but warns the issue is far "
        "from over.\n\n"
        "Chief Ada Lund, who leads it, said more talks would follow."
    )
    assert names(suggester, text) == ["Ola Brekke Lind", "Ivo Marsk", "Ana Vell"] + ["Ada Lund"] * 2


def test_an_indefinite_description_keeps_its_article_before_capitalised_words(suggester):
    text = (
        "Last month a Norlandic PR company announced that activists had flown in.\n\n"
        "An Acme Group plant manager said the line would stop."
    )
    assert names(suggester, text) == ["a Norlandic PR company", "An Acme Group plant manager"]


def test_a_lead_s_job_with_words_of_what_it_is_of_is_the_one_named_later_with_them(suggester):
    text = (
        "West Norland Premier Ada Berg is happy to take it on.\n\n"
        "And the shire president of Norland Island says the state has been \u201ctrying to "
        "shove us off\u201d.\n\n"
        "Ms Berg says the island could become part of her state.\n\n"
        "Shire of Norland Island president Ivo Lund said residents were split."
    )
    assert names(suggester, text) == ["Ivo Lund", "Ada Berg", "Ivo Lund"]


def test_a_title_after_a_place_s_of_names_the_person_after_it(suggester):
    text = (
        "That question was raised when council received a letter written by Town of "
        "Carstairs Mayor Ivo Dalby on behalf of the South Central Mayors\u2019 Caucus.\n\n"
        "The letter also said it is not a given that officers would move over."
    )
    assert names(suggester, text) == ["Ivo Dalby"]


def test_a_garda_s_and_a_major_s_rank_before_a_name_is_no_part_of_it(suggester):
    text = (
        "Garda Ivo Lund said he and two other officers were surrounded.\n\n"
        "Major Ada Berg said the man was shot at 2am."
    )
    assert names(suggester, text) == ["Ivo Lund", "Ada Berg"]


def test_the_first_word_of_a_name_of_an_of_is_that_name(suggester):
    text = (
        "The Chamber of Deputies of Norland said a package came.\n\n"
        "According to the Chamber, the situation is under control.\n\n"
        "The Minister said the Chamber would sit on Monday."
    )
    assert names(suggester, text)[:2] == ["Chamber of Deputies of Norland"] * 2


def test_an_acronym_no_name_spells_out_is_the_person_named_right_after_it(suggester):
    text = (
        "\u201cWe patrolled and apprehended five persons,\u201d said Dunmore SDPO Ivo Berg.\n\n"
        "\u201cWe have had many complaints about the area,\u201d the SDPO said."
    )
    assert names(suggester, text) == ["Ivo Berg"] * 2


def test_a_place_s_possessive_after_the_before_a_body_of_state_is_no_part_of_it(suggester):
    text = (
        "As reports of unrest spread, the region's Home Department clarified that the "
        "situation is, in fact, completely peaceful."
    )
    assert names(suggester, text) == ["Home Department"]


def test_they_after_a_reported_clause_of_its_paragraph_refers_to_that_clause_s_source(suggester):
    text = (
        "Last week CS Ivo Berg of Norland Police said the riot was serious.\n\n"
        "Some residents said relations in the town had become a powderkeg. They say the "
        'police are "too aggressive" and that they handled the incident badly.'
    )
    assert names(suggester, text)[1:] == ["Some residents"] * 3


def test_an_arab_or_burmese_honorific_before_a_name_is_no_part_of_it(suggester):
    text = (
        "Shaikh Rashid Bin Ali Al Norland, the interior minister, said that the cell had "
        "links abroad.\n\n"
        "\u201cWe reopened at 2pm today,\u201d said Daw Thwe Mya Ohn."
    )
    assert names(suggester, text) == ["Rashid Bin Ali Al Norland", "Thwe Mya Ohn"]


def test_an_mp_for_a_place_with_a_word_of_where_is_the_name_after_it(suggester):
    text = (
        "The spokesperson declined to comment on the dispute.\n\n"
        "MP for Western Norland Ivo Berg slammed Police Minister Ada Lund for the crisis."
        "\n\n\u201cThe minister is overseeing this,\u201d he said."
    )
    assert names(suggester, text) == ["Ivo Berg"]


def test_a_job_before_a_rank_in_capitals_is_the_job_the_name_holds(suggester):
    text = (
        "Police spokesperson Deputy Inspector Ada Lund stated that a video was published.\n\n"
        "\u201cOn April 3, officers received a report,\u201d the spokesperson said."
    )
    assert names(suggester, text) == ["Ada Lund", "Ada Lund"]


def test_a_subheading_is_no_paragraph_a_description_looks_in_for_its_person(suggester):
    text = (  # the next paragraph, past the subheading (no person "National Flags")
        "The police spokesperson said the talks would resume.\n\n"
        "National Flags Vandalized\n\n"
        "At the scene, officers also found damage, Inspector Ada Lund said."
    )
    assert names(suggester, text) == ["Ada Lund", "Ada Lund"]
    text = (  # the paragraph before, across the subheading
        "Ivo Berg was forced to use all three substitutes.\n\n"
        "Late Drama At Home\n\n"
        "After the game, the Norton boss said the team had been tired."
    )
    assert names(suggester, text) == ["Ivo Berg"]


def test_a_company_s_legal_form_of_europe_is_no_part_of_its_name(suggester):
    text = (
        "Norvia Holding AD said on Thursday that it would cut jobs.\n\n"
        "Norvia said the cuts were needed."
    )
    assert names(suggester, text) == ["Norvia Holding", "Norvia Holding"]


def test_the_holding_is_the_holding_company_before_it(suggester):
    text = (
        "Sofia - Norvia Holding AD strictly observes its obligations under the contract, "
        "reads a position released by the company. As a responsible company, Norvia will "
        "observe the law in the termination of contracts with the workers of Sofia-Norvia AD "
        "(Sofia-NV), the holding said."
    )
    assert names(suggester, text) == ["Norvia Holding"]


def test_a_job_with_its_word_before_it_is_that_job_first(suggester):
    text = (
        "Prime Minister Jo Roe visited the wounded together with Interior Minister Ada Lund."
        "\n\nThe Prime Minister also added that the attackers were tracked down."
    )
    assert names(suggester, text) == ["Jo Roe"]


def test_a_nationality_of_the_list_before_a_ministry_or_an_office_is_no_part_of_its_name(
    suggester,
):
    text = (
        "The Uzbek Health Ministry said on Monday that ten people were in hospital.\n\n"
        "The Ecuadorian Prosecutor\u2019s Office reported that it had opened an investigation."
    )
    assert names(suggester, text) == ["Health Ministry", "Prosecutor\u2019s Office"]


def test_a_surname_with_two_letters_the_other_way_round_is_the_name_it_slips_on(suggester):
    text = (
        "US Ambassador Marc Ostfield said the talks had been useful.\n\n"
        "\u201cWe will continue to use all available tools,\u201d Otsfield said."
    )
    assert names(suggester, text) == ["Marc Ostfield", "Marc Ostfield"]


def test_a_job_s_acronym_is_the_person_named_with_the_job_after_a_nationality(suggester):
    text = (
        "Bulgarian Prime Minister, Boyko Borisov, was greeted by the workers.\n\n"
        "The PM informed that the plant will be saved."
    )
    assert names(suggester, text) == ["Boyko Borisov"]


def test_a_document_s_giver_with_its_kind_in_lower_case_is_what_its_kind_then_names(suggester):
    text = (
        "According to a statement issued by the Quetta commissioner\u2019s office, no "
        "firearms were used.\n\n"
        "The commissioner\u2019s office stated that protesters pelted stones.\n\n"
        "According to a statement issued by the Norton city council, the roads were shut."
        "\n\nThe council stated that the roads would open on Monday."
    )
    assert (
        names(suggester, text)
        == ["Quetta commissioner\u2019s office"] * 2 + ["Norton city council"] * 2
    )


def test_a_place_s_name_before_an_office_is_part_of_its_name(suggester):
    text = "The Taiwan High Prosecutors\u2019 Office on Saturday denied that the case was hidden."
    assert names(suggester, text) == ["Taiwan High Prosecutors\u2019 Office"]


def test_a_mention_that_settles_to_nothing_raises_nothing_on_the_way():
    text = "The Ministry of Health said so. It was in '' the report that they said it."
    assert settled_in_article("'' the report", text.index("''"), text) == ""


def test_a_coroner_is_a_job_before_a_name(suggester):
    text = (
        "Norland County Coroner Ivo Berg said he has not received a report.\n\n"
        "\u201cThey may be backed up,\u201d Berg said."
    )
    assert names(suggester, text) == ["Ivo Berg", "Ivo Berg"]


def test_a_job_in_lower_case_of_an_organisation_closed_by_a_name_is_that_person(suggester):
    text = (
        "Those who attack the border commit an act of terrorism, press chief of the Ministry "
        "of Foreign Affairs and Trade Tamás Berg pointed out on Friday.\n\n"
        "The press chief reiterated that the police acted well. He added that the recordings "
        "speak for themselves."
    )
    assert names(suggester, text) == ["Tamás Berg"] * 3
    text = (
        "\u201cThe Port Authority did not coordinate a search,\u201d a spokesman for No.6 "
        "Convent Place said."
    )
    assert names(suggester, text) == ["a spokesman for No.6 Convent Place"]  # (a place)


def test_an_organisation_before_a_person_s_title_is_one_a_description_names(suggester):
    text = (
        "Norland Police Chief Inspector Jo Roe said the road was shut.\n\n"
        "The police confirmed that they are investigating."
    )
    assert names(suggester, text) == ["Jo Roe", "Norland Police"]


def test_a_document_given_by_no_name_is_as_written():
    text = "The report released by the Monday, it said the road was shut."
    assert settled_in_article("The report", 0, text) == "The report"  # (7cbb813 raised)


def test_an_organisation_named_after_its_kind_holds_no_job_described_before_it(suggester):
    text = (
        "On Wednesday, a state prosecutor's spokesman told reporters that the first "
        "suspicions had not been confirmed.\n\n"
        'Local broadcaster "Norvia Rundfunk" reported on Tuesday that the men were brothers.'
    )
    assert names(suggester, text) == ["a state prosecutor's spokesman", "Norvia Rundfunk"]


def test_a_church_title_is_no_part_of_the_name(suggester):
    text = "Apostolic Nuncio Jan Brodek told reporters that the talks had ended."
    assert names(suggester, text) == ["Jan Brodek"]


def test_a_department_of_state_is_the_agency_without_its_states_initials(suggester):
    text = (
        "The S.C. Department of Transportation closed the bridge on Monday.\n\n"
        '"The bridge is unsafe," the agency said.'
    )
    assert names(suggester, text) == ["Department of Transportation"]


def test_the_statement_speaks_for_whoever_gave_out_a_statement_before(suggester):
    text = (
        "The Norvia Police Service yesterday issued a press statement saying it was "
        "investigating the attacks.\n\n"
        '"They have vandalized state assets," the statement read.\n\n'
        'In its statement, the Ostland Foreign Ministry said it was "deeply disturbed".\n\n'
        '"The note was in keeping with the norms," the statement said.'
    )
    assert names(suggester, text) == [
        "Norvia Police Service",
        "Norvia Police Service",
        "Ostland Foreign Ministry",
        "Ostland Foreign Ministry",
    ]


def test_police_after_a_places_police_is_that_force(suggester):
    text = (
        '"There is a threat against churches," Norvia police tweeted.\n\n'
        "Police said they could not say how long the measures would last. Three police "
        "officers were posted at Kira Road police station.\n\n"
        '"We will warn the public," police added.'
    )
    assert names(suggester, text) == ["Norvia police"] * 3


def test_a_count_opening_a_sentence_is_no_part_of_a_name(suggester):
    text = (
        "Two Norvia Metropolitan Police Department officers were hurt when a truck hit "
        "their cars, police said."
    )
    assert names(suggester, text) == ["Norvia Metropolitan Police Department"]


def test_he_after_a_job_described_as_a_subject_is_the_jobs_holder(suggester):
    text = (
        "The remark was made in the assembly by Chief Minister Ravi Menon.\n\n"
        "While speaking on the budget, the chief minister referred to the incident.\n\n"
        '"The first criminal is Pawan Roe," he said.'
    )
    assert names(suggester, text) == ["Ravi Menon"]


def test_a_persons_name_in_apposition_is_taken_past_a_places(suggester):
    text = (
        "Later, Commissioner of Police (CP), Kolkata, Ravi Kumar Verma also addressed the "
        "questions during the press conference and said that the exact motive and further "
        "details can only be unearthed after a detailed interrogation."
    )
    assert names(suggester, text) == ["Ravi Kumar Verma"]


def test_a_jobs_acronym_before_a_bracketed_place_is_the_name_after_it(suggester):
    text = (
        "IGP (Kashmir) Ravi Menon told reporters that the forces tried their best.\n\n"
        '"Even their parents were brought in, but they refused," the IGP said.'
    )
    assert names(suggester, text) == ["Ravi Menon", "Ravi Menon"]


def test_the_sovereign_is_whom_the_article_named_with_a_royal_title(suggester):
    text = (
        "On Thursday, Prince Carl IV spoke to a newspaper about the affair.\n\n"
        '"When the trust is broken, decisions have to be made," said the Sovereign.'
    )
    assert names(suggester, text) == ["Carl IV"]


def test_a_prefect_is_a_title_before_a_surname(suggester):
    text = (
        "Prefect Gianni Rossetti visited the town hall.\n\n"
        '"What happened is an extremely serious incident," Prefect Rossetti said.'
    )
    assert names(suggester, text) == ["Gianni Rossetti"]


def test_the_official_is_whom_the_article_named_with_a_job_of_public_office(suggester):
    text = (
        "The deputy head of the agency, Colonel Ivo Berg, affirms that the number of "
        "attacks has increased.\n\n"
        "During a press conference, the senior official reported that the list was updated."
    )
    assert names(suggester, text) == ["Ivo Berg", "Ivo Berg"]


def test_what_a_directorate_is_of_is_no_person(suggester):
    doc = suggester.nlp("The General Directorate of Criminal Investigation stated it.")
    assert not is_person([t for t in doc if t.text in ("Criminal", "Investigation")])


def test_a_datelines_dashes_may_follow_its_bracket(suggester):
    text = (
        "Havana, July 10 (RHC)-- The deputy head of the agency, Colonel Ivo Berg, affirms "
        "that the number of attacks has increased."
    )
    assert names(suggester, text) == ["Ivo Berg"]


def test_the_state_command_is_the_police_command_named_before(suggester):
    text = (
        "The Norvia State Police Command has debunked reports of a clash.\n\n"
        "In a statement on Sunday, the state command clarified that no such incident ever "
        "happened."
    )
    assert names(suggester, text) == ["Norvia State Police Command"]


def test_a_person_named_after_an_organisations_first_words_keeps_their_name(suggester):
    text = (
        "The Norbury Police Department and the Elm County Police Department report to the "
        "state.\n\n"
        "Norbury Police spokesperson Ada Quist said her agency reported every year."
    )
    assert names(suggester, text) == ["Ada Quist"]


def test_a_low_single_mark_written_for_a_comma_is_read_as_one(suggester):
    text = (
        "\u201cThe suspects fled the scene in the vehicle\u201a\u201d Norvia police said.\n\n"
        "The Provincial Commissioner of Norvia\u201a Lieutenant-General Ana Roux\u201a "
        "applauded the swift response of the members.\n\n"
        "\u201cThis is a clear indication that our plan has paid off.\n\n"
        "\u201cOur members will not turn a blind eye when their own are killed\u201a she said."
    )
    assert names(suggester, text) == ["Norvia police", "Ana Roux", "Ana Roux"]


def test_the_movement_is_the_name_written_after_its_kind(suggester):
    text = (
        "The Norland Resistance Movement Tarvo condemned the killing of a policeman.\n\n"
        'In its statement, Tarvo emphasized that those responsible "must be held '
        'accountable."\n\n'
        'The movement further warned that "the crime serves the occupation."'
    )
    assert names(suggester, text) == ["Tarvo", "Tarvo"]


def test_a_name_set_off_after_according_to_a_job_is_the_source(suggester):
    text = (
        "According to the spokeswoman for the Prosecution, Ann Vermeer, the criminal group, "
        "with members mainly of Albanian origin, used a warehouse in Moerbeke, near the city "
        "of Lokeren, to extract drugs."
    )
    found = suggest(suggester, text)
    assert [(q[:18], name) for q, _, name, _, _ in found] == [("the criminal group", "Ann Vermeer")]


def test_a_surname_with_an_apostrophe_after_its_first_letter_is_a_name(suggester):
    text = (
        "Upon hearing this, Judge Eamon O’Kelly adjourned the case.\n\n"
        "Judge O’Kelly said the claims were very serious."
    )
    assert names(suggester, text) == ["Eamon O’Kelly"]


def test_cllr_with_its_stop_is_a_title_that_ends_no_sentence(suggester):
    text = (
        "Labour Cllr Bobby Fitzgerald accused the parties.\n\n"
        '"How can one councillor represent 4,800 people," said Cllr. Fitzgerald.'
    )
    assert names(suggester, text) == ["Bobby Fitzgerald"]


def test_the_associations_assessment_is_the_association_its_acronym_names(suggester):
    text = (
        "The AUGC has conveyed this message in two letters to the deputy director.\n\n"
        "According to the association's assessment, the stations in this area are severely "
        "understaffed."
    )
    assert names(suggester, text) == ["AUGC"]


def test_a_surname_the_tagger_reads_as_an_adverb_ends_the_name(suggester):
    text = (
        "Over the weekend, Chief Constable Bill Skelly, issued a statement regarding how "
        "Lincolnshire Police has reacted to Covid-19.\n\n"
        "He stressed that the force is under a huge amount of strain."
    )
    assert names(suggester, text) == ["Bill Skelly"]


def test_a_surnames_apostrophe_written_apart_is_part_of_the_name(suggester):
    text = (
        "Fianna Fail Cllr Rosaleen O’ Grady says abolishing the town councils was a "
        "backwards move by Minister Phil Hogan at the time."
    )
    assert names(suggester, text) == ["Rosaleen O’ Grady"]


def test_they_after_subjects_the_parse_did_not_join_is_the_first_persons(suggester):
    text = (
        "Independent Cllr Declan Bree, People Before Profit Cllr Gino O Boyle, Sinn Fein "
        "Cllr Chris MacManus and Fianna Fail Cllr Rosaleen O’ Grady put forward a joint "
        "motion at the inaugural meeting of the Borough District of Sligo.\n\n"
        "They say former Borough and Town councils were the most efficient part of the "
        "system."
    )
    assert names(suggester, text) == ["Declan Bree"]


def test_a_name_the_parse_cut_into_subjects_after_the_verb_is_its_last(suggester):
    text = (
        "“As stewards of our territory, we each have a responsibility to our families,” "
        "added Tk’emlúps te Secwepemc Chief Fred Seymour."
    )
    assert names(suggester, text) == ["Fred Seymour"]


def test_a_release_from_a_person_with_a_job_is_the_persons_name(suggester):
    text = (
        "According to the release from public information officer Mattie Hjelseth, the "
        "individuals involved were known to each other."
    )
    assert names(suggester, text) == ["Mattie Hjelseth"]


def test_a_body_named_by_its_kind_of_a_name_and_its_descriptions(suggester):
    text = (
        "SULAIMANI (ESTA) — The directorate of Asayish in Sulaimani said on Tuesday a "
        "driver used an armed force to attack the security forces.\n\n"
        "The directorate of Asayish released a statement about the clashes.\n\n"
        "The directorate said its forces conducted an official mission.\n\n"
        "“The person later used an armed force outside the law,” it added.\n\n"
        "The armed force opened fire at the security forces, the Asayish directorate "
        "stated."
    )
    assert names(suggester, text) == ["directorate of Asayish in Sulaimani"] * 4
    text = (
        "The directorate of Asayish in Sulaimani said a driver used an armed force.\n\n"
        "The directorate of Asayish released a statement about the clashes.\n\n"
        "Six members were wounded, according to the statement."
    )
    assert names(suggester, text) == ["directorate of Asayish in Sulaimani"] * 2
    text = (
        "The government of Djibouti said it had the legal right to assume management.\n\n"
        "The government said the deal included restrictions on the port."
    )
    assert names(suggester, text) == ["government of Djibouti"] * 2


def test_a_job_in_capitals_before_a_rank_is_a_job_of_the_name(suggester):
    text = (
        "“Only two of them are residents,” said Police Spokesperson Superintendent Ruwan "
        "Gunasekera.\n\n"
        "Kandy Police also arrested four persons. “They were produced before the "
        "Magistrate,” the Police Spokesman said."
    )
    assert names(suggester, text) == ["Ruwan Gunasekera"] * 2


def test_police_is_no_police_station_named_before_it(suggester):
    text = (
        "Nyeri County Police Commander Ali Nuno confirmed the arrests, including that of a "
        "constable suspected to have stolen from an office at the Nyeri Central Police "
        "Station.\n\n"
        "Police said the suspects may have been involved in burglaries."
    )
    assert names(suggester, text) == ["Nyeri County Police"]


def test_documents_of_a_description_with_no_article_are_its_organisations(suggester):
    text = (
        "Nyeri County Police Commander Ali Nuno confirmed the arrests.\n\n"
        "According to police records, the signals office at the divisional police "
        "headquarters was broken into."
    )
    assert names(suggester, text) == ["Nyeri County Police"]


def test_a_name_with_a_word_of_which_one_before_its_kind_is_what_the_kind_names(suggester):
    text = (
        "But in a separate attack on Thursday, the Houthi rebel group said it launched drone "
        "and missile attacks on a military parade.\n\n"
        '"Air Force Command targeted a camp of invaders in Aden," the rebel group said in a '
        "tweet.\n\n"
        "The Nemuro Regional Development Bureau called police after the incident. Police "
        "said there were no injuries."
    )
    assert names(suggester, text) == ["Houthi rebel group"] * 2 + ["Police"]


def test_a_job_of_an_organisations_word_before_a_surname_is_no_part_of_it(suggester):
    text = (
        "The Spokesperson of Rwanda National Police, Commissioner of Police (CP), John Bosco "
        "Kabera has refuted claims by a man.\n\n"
        "Reacting to these allegations, Commissioner of Police Kabera said that investigations "
        "have concluded that the man was suffering from trauma."
    )
    assert names(suggester, text) == ["John Bosco Kabera"]


def test_police_in_a_place_is_that_places_police(suggester):
    text = (
        "CHATTANOOGA, Tenn. (AP) — Police in Chattanooga say they are taking steps to stop a "
        "rash of gang violence.\n\n"
        "Chattanooga Police Chief Fred Fletcher told media outlets on Tuesday that the "
        "department is sending more officers to at-risk areas."
    )
    assert names(suggester, text) == ["Chattanooga Police", "Fred Fletcher"]


def test_an_indonesian_police_rank_is_a_title(suggester):
    text = (
        "North Sumatra Police Public Relations Head Kombes Hadi Wahyudi said the gang "
        "committed a violent theft."
    )
    assert names(suggester, text) == ["Hadi Wahyudi"]


def test_the_army_is_the_army_named_before_it(suggester):
    text = (
        "The Lebanese army said in a statement issued on Friday that three soldiers suffered "
        "injuries.\n\n"
        "The army also said that some of the perpetrators were arrested.\n\n"
        "The statement added that the situation is calm in all areas."
    )
    assert names(suggester, text) == ["Lebanese army"] * 3


def test_the_report_after_a_name_reported_is_that_names(suggester):
    text = (
        "The blast occurred in the evening near the university, the National News Agency "
        'reported. "Explosions were heard and a huge fire erupted in the area," the report '
        "said."
    )
    assert names(suggester, text) == ["National News Agency"] * 2


def test_a_countrys_possessive_is_no_part_of_its_police(suggester):
    text = "Ukraine’s National Police said authorities initially received a message at noon."
    assert names(suggester, text) == ["National Police"]


def test_information_from_a_source_is_the_sources(suggester):
    text = "According to information from the Norvia Times, a group of criminals tried to loot."
    assert names(suggester, text) == ["Norvia Times"]


def test_the_head_is_the_person_named_with_a_job_of_heading(suggester):
    text = (
        "Copenhagen Police Chief Inspector Søren Thomassen said there are three dead.\n\n"
        "“We cannot say that we have anything which supports that,” the head of the "
        "investigation said."
    )
    assert names(suggester, text) == ["Søren Thomassen"] * 2


def test_documents_given_out_by_number_are_what_one_of_them_names(suggester):
    text = (
        "The AUGC has conveyed this message in two letters to the deputy director.\n\n"
        "The letter states that the stations in this area are understaffed."
    )
    assert names(suggester, text) == ["AUGC"]


def test_an_indefinite_lead_is_whom_the_next_paragraph_names_with_its_job(suggester):
    text = (
        "INEZ, Ky. (AP) — A Kentucky sheriff has told the local fiscal court he is suspending "
        "all law enforcement activities because of lack of funding.\n\n"
        "The Herald-Leader reports, Martin County Sheriff John Kirk took the stage without "
        "invitation at a fiscal court meeting Monday."
    )
    assert names(suggester, text) == ["John Kirk"]
    text = (
        "A SENIOR councillor said he felt the police had washed their hands of the problems.\n\n"
        "Cllr Mark Child was speaking at a council meeting.\n\n"
        "A police spokesman said officers were patrolling the area."
    )
    assert names(suggester, text) == ["Mark Child", "A police spokesman"]
    text = (  # (not the article's first attribution: no lead)
        "The airport saw delays on Friday, according to the aviation data firm Cirium.\n\n"
        "But it was not local conditions that were to blame, according to an airport "
        "spokesperson.\n\n"
        '"The weather is not affecting flights," said Erin Burns, the airport spokesperson.'
    )
    assert names(suggester, text) == ["Cirium", "an airport spokesperson", "Erin Burns"]


def test_a_quotes_end_run_onto_the_title_after_it_is_no_part_of_the_name(suggester):
    text = (
        "The Acting Commissioner, Colonel Robson Iavro, said he suspended the officers.\n\n"
        "“I suspended 14 members of the force in Santo,”Colonel Iavro said.\n\n"
        "“There will also be prosecutions of any officer who is found liable.\n\n"
        "“The officers are suspended pending the outcome.”"
    )
    assert names(suggester, text) == ["Robson Iavro"] * 4


def test_a_description_of_people_is_nobody_the_next_paragraph_names(suggester):
    text = (
        "Kokopo Town Tense After Killing\n\n"
        "According to eye witnesses, armed opportunists entered the college premises. The "
        "eye witnesses said they could hear female students crying out in fear.\n\n"
        "Kokopo Town remains tense."
    )
    assert names(suggester, text) == ["eye witnesses", "The eye witnesses"]
    text = (  # (but one the next paragraph describes so)
        "The judges, however, clarified that they \"won't pass any order without hearing "
        'the state and also the family," which has lodged a complaint.\n\n'
        "Even as the judges indicated that they would not pass any orders for interim "
        "bail, senior counsels were insistent."
    )
    assert names(suggester, text)[:1] == ["the judges"]


def test_police_ranks_written_short_are_titles(suggester):
    text = (
        "Pahang police chief Datuk Seri Abd Jalil Hassan said roadblocks were set up.\n\n"
        '"Just stay put in your kampung," Comm Abd Jalil said.\n\n'
        "Police Public Relations Officer Kate Anene said the gang was arrested.\n\n"
        "DSP Anene said some dangerous weapons were recovered.\n\n"
        "Councillor Derek Kennedy said the council was divided.\n\n"
        "Coun Kennedy said the position of the council was clear."
    )
    assert names(suggester, text) == [
        "Abd Jalil Hassan",
        "Abd Jalil Hassan",
        "Kate Anene",
        "Kate Anene",
        "Derek Kennedy",
        "Derek Kennedy",
    ]


def test_a_nationality_is_no_part_of_a_national_police_force(suggester):
    text = (
        "The Indonesian National Police said it has deployed 400 personnel to the islands.\n\n"
        "Nyeri County Police said the suspects were arrested."
    )
    assert names(suggester, text) == ["National Police", "Nyeri County Police"]


def test_one_of_people_of_a_job_is_a_person_whom_he_refers_to(suggester):
    text = (
        "But after the hearing, the judge issued substitute measures.\n\n"
        "In his statement, one of the prosecuted agents indicates that there is only one "
        "uniformed member of the judicial police on the island. He adds that “the afternoon "
        "and night” prior to the robbery “they did not go to see the plane because” there "
        "was no fuel."
    )
    assert names(suggester, text) == ["one of the prosecuted agents"] * 3


def test_a_document_of_a_pronouns_is_whom_it_refers_to(suggester):
    text = (
        "Mayor Paul Buttigieg recounted the incident.\n\n"
        "“The mayor has been attacked by an employee of a developer,” his page posted on "
        "social media.\n\n"
        "“The mayor was reviewing works,” his statement said."
    )
    assert names(suggester, text) == ["Paul Buttigieg"] * 2


def test_a_statement_issued_by_a_jobs_holder_is_theirs_where_a_description_speaks(suggester):
    text = (
        "The Kwara State Police Command has debunked rumours of a robbery.\n\n"
        "In a statement issued on Monday by the Command's Police Public Relations Officer, "
        "SP Adetoun Ejire-Adeyemi, the police clarified that no robbery occurred.\n\n"
        "The statement explained that the situation stemmed from a misunderstanding."
    )
    assert names(suggester, text) == ["Kwara State Police Command", "Adetoun Ejire-Adeyemi"]


def test_coun_with_its_stop_is_a_title_that_ends_no_sentence(suggester):
    text = (
        "In an email seen by the Courant, Coun. Derek Kennedy joined four other councillors "
        "to demand a meeting.\n\n"
        "The email, which was sent by Coun. Kennedy along with Labour councillors Susan "
        "Dungworth and Scott Dickinson, said the lack of governance is putting the council "
        "in jeopardy.\n\n"
        'The email continued: "The current position of the council is to provide members '
        'with no information."'
    )
    assert names(suggester, text) == ["Derek Kennedy"] * 2


def test_a_description_that_speaks_is_the_he_who_speaks_after_it_in_its_paragraph(suggester):
    text = (
        "But after the hearing, the judge issued substitute measures.\n\n"
        "In his statement, the police spokesman indicates that there is only one uniformed "
        "member of the judicial police on the island. He adds that “the afternoon and "
        "night” prior to the robbery “they did not go to see the plane because” there was "
        "no fuel."
    )
    assert names(suggester, text) == ["the police spokesman"] * 3


def test_a_person_set_off_after_according_to_a_police_publicist_is_the_speaker(suggester):
    text = (
        "According to deputy southern region police publicist, Widson Nhlane, the 32 were "
        "nabbed last week within Limbe policing areas.\n\n"
        "The publicist further added that the crimes include burglary and theft."
    )
    assert names(suggester, text) == ["Widson Nhlane"] * 2


def test_a_newspaper_before_daily_is_no_he_and_a_source_is_one(suggester):
    text = (
        "The army assured that it won’t allow the tension to spill over into Sidon, "
        "al-Joumhouria daily reported on Tuesday.\n\n"
        "“The army’s decision is clear and firm,” a prominent military source told the "
        "daily.\n\n"
        "He added that the situations at other camps are controlled well."
    )
    assert names(suggester, text)[1:] == ["a prominent military source"] * 2


def test_a_description_that_speaks_is_the_he_who_speaks_later_in_its_sentence(suggester):
    text = (
        "The clashes spread, the daily reported.\n\n"
        "The source stressed that the army has not intervened to stop the clashes, he said: "
        "“The army would only intervene when things are out of control.”"
    )
    assert names(suggester, text)[1:] == ["The source"] * 2


def test_a_surname_before_the_full_name_is_the_full_name(suggester):
    text = (
        "“There is no threat to any student,” Herring said.\n\n"
        "CPSO Captain Bobby Herring said they take all school threats seriously."
    )
    assert names(suggester, text) == ["Bobby Herring"] * 2


def test_a_surname_is_no_full_name_a_place_opens(suggester):
    text = (
        "Police chief Carbon says he is concerned about the spate of crimes in Dominica.\n\n"
        "In 2018, he said the police seized “twenty-three (23) firearms”.\n\n"
        "Asked for the full statistics of the crime rate in Dominica Carbon said, “I will "
        "decide if I should release this to the media.”"
    )
    assert names(suggester, text)[:2] == ["Carbon"] * 2


def test_a_places_police_district_is_the_force_the_police_names(suggester):
    text = (
        "We have control over the situation, says operations manager Irene Ragnhildstveit "
        "in the Sør-West police district.\n\n"
        "The police write on X that these are people the police already know."
    )
    assert names(suggester, text) == ["Irene Ragnhildstveit", "Sør-West police district"]


def test_when_a_document_was_given_out_is_no_part_of_its_mention(suggester):
    text = (
        "On Friday, South Moravian Police Department detained two suspects.\n\n"
        "According to a police press release on Saturday afternoon, the first detainee "
        "would be questioned when he was sober."
    )
    [(_, mention, name, _, _)] = suggest(suggester, text)
    assert (mention, name) == ("a police press release", "South Moravian Police Department")


def test_he_is_no_person_named_in_whose_job_another_has(suggester):
    text = (
        "Another fire was witnessed by Christian Köberl, spokesman for Graz’s Mayor "
        "Seigfried Nagl. “Staff saw it on video surveillance and sounded the alarm,” he "
        "told Austrian media."
    )
    assert names(suggester, text) == ["Christian Köberl"]


def test_a_ranks_ordinal_is_no_name(suggester):
    text = '"The State Police has a statewide mission," says 1st Sgt. Eric Ashcraft.'
    assert names(suggester, text) == ["Eric Ashcraft"]


def test_the_and_the_last_capitalised_words_of_a_name_are_that_name(suggester):
    text = (
        "Haverfordwest Town Council has exciting plans for the County town.\n\n"
        "The Town Council told the Club the event could “misinform the public.”\n\n"
        "The Swedish Security Service raised the threat level.\n\n"
        "The Security Service said the threat had no connections to the attack."
    )
    assert names(suggester, text) == ["Haverfordwest Town Council", "Security Service"]


def test_a_job_before_a_rank_cut_from_its_stop_is_the_persons(suggester):
    text = (
        "Police spokesman Col. Faysal Elmi has denied allegations made by the Waddani "
        "Party.\n\n"
        "In a press conference, the police spokesman denied the allegations and said that "
        "the stations are clean."
    )
    assert names(suggester, text) == ["Faysal Elmi"]


def test_a_statement_released_on_a_day_by_someone_is_theirs(suggester):
    text = (
        "According to a statement released on Tuesday by the Command’s Public Relations "
        "Officer, DSP Buhari Abdullahi, the arrests took place between August 9 and August 11."
    )
    assert names(suggester, text) == ["Buhari Abdullahi"]


def test_a_bodys_on_phrase_is_part_of_its_name(suggester):
    text = (
        "According to the Ecumenical Commission on Human Rights, one of them lost his life.\n\n"
        "The Council on Foreign Relations said on Monday that the talks had failed."
    )
    assert names(suggester, text) == [
        "Ecumenical Commission on Human Rights",
        "Council on Foreign Relations",
    ]


def test_a_place_after_in_is_no_first_name_of_the_surname_after_it(suggester):
    text = (
        "National Security Minister John Sandy met officials to talk security in Tobago.\n\n"
        "Following the meeting at the hotel in west Tobago Sandy told reporters that the "
        "policing programme will be introduced in Tobago by October.\n\n"
        "He said security on the port will be upgraded."
    )
    assert [(sp, name) for _, sp, name, _, _ in suggest(suggester, text)] == [
        ("Sandy", "John Sandy"),
        ("He", "John Sandy"),
    ]


def test_a_quote_with_no_cue_after_a_statement_issued_is_the_givers(suggester):
    text = (
        "Halifax Regional Police Chief Jean-Michel Blais tweeted he has spoken to the "
        "Fredericton Police Force’s chief to offer any support they needed.\n\n"
        "Premier Brian Gallant issued a statement Friday morning following the arrest of "
        "the suspect.\n\n"
        "“On behalf of all New Brunswickers, I offer my condolences to the victims and "
        "their families.”"
    )
    assert names(suggester, text) == ["Jean-Michel Blais", "Brian Gallant"]


def test_the_second_quote_of_a_paragraph_after_a_statement_goes_on_from_the_first(suggester):
    text = (
        "In an emailed statement, RCMP spokesperson Sgt. Pauline Melanson confirmed details "
        "of the fire.\n\n"
        "“Kugluktuk RCMP were called to a shed fire at about 1:15 a.m.,” she said. “When the "
        "police arrived on scene, the fire department was on scene.”"
    )
    assert [(sp, name) for _, sp, name, _, _ in suggest(suggester, text)] == [
        ("she", "Pauline Melanson"),
        ("she", "Pauline Melanson"),
    ]


def test_a_law_is_named_whole_by_its_title(suggester):
    text = (
        "According to the Criminal Procedure and Evidence Act of Norland, a suspect must "
        "be charged within 48 hours.\n\n"
        "The Constitution of Norland says that “every person has the right to life”."
    )
    assert names(suggester, text) == [
        "Criminal Procedure and Evidence Act of Norland",
        "Constitution of Norland",
    ]


def test_a_job_s_letters_before_a_surname_are_no_part_of_the_name(suggester):
    text = (
        "“It was a dispute over logging,” says Provincial Police Commander, Makira "
        "Province, Superintendent Peter Sitai.\n\n"
        "“The accused was arrested,” says PPC Sitai.\n\n"
        "“He will appear in court,” said PPC Stiai.\n\n"
        "Police spokesman CP John Bosco Kabera said 19 attackers had been killed.\n\n"
        "The attackers were out to cause damage, added CP Butera."
    )
    assert names(suggester, text) == [
        "Peter Sitai",
        "Peter Sitai",
        "Peter Sitai",
        "John Bosco Kabera",
        "Butera",
    ]


def test_a_news_brief_speaks_for_whom_it_is_from(suggester):
    text = (
        "A news brief from the Norvia Police said the suspects were arrested on Thursday.\n\n"
        "It said items retrieved from the suspects were a gun and two machetes.\n\n"
        "The brief said the suspects were in police custody."
    )
    assert names(suggester, text) == ["Norvia Police"] * 3


def test_a_statement_from_a_name_is_the_name_s_when_written_again(suggester):
    text = (
        "A statement from Norvia Bank said the branch would reopen on Monday.\n\n"
        "The statement said no customer had lost money."
    )
    assert names(suggester, text) == ["Norvia Bank", "Norvia Bank"]


def test_a_place_s_police_checkpoint_is_no_police_force(suggester):
    text = (
        "The suspects were arrested on Thursday at the Tweapease police checkpoint.\n\n"
        "Police said efforts were underway to arrest the remaining two."
    )
    assert names(suggester, text) == ["Police"]


def test_documents_of_a_description_opening_their_sentence_are_its_organisation_s(suggester):
    text = (
        "Colonel Myo Aung, the Mandalay District police chief, said the officers were set "
        "upon.\n\n"
        "Police records say a group of men with swords was arrested in recent days."
    )
    assert names(suggester, text) == ["Myo Aung", "Mandalay District police"]


def test_a_name_closing_the_phrase_of_a_job_word_opening_its_sentence_is_its_holder(suggester):
    text = (
        "Councillor for the Beecher Town division, which includes Parry Town, Ian Bell, said "
        "he was alerted before 11:00 p.m. about the incident."
    )
    assert names(suggester, text) == ["Ian Bell"]


def test_an_office_nobody_is_named_with_is_the_last_person_named_as_a_subject(suggester):
    text = (
        "Superintendent Alywin Barton was asked how the video got out.\n\n"
        "Superintendent Barton commented: “That is a matter that I am exploring.”\n\n"
        "The District Commander added: “The approach of the officers has been reviewed.”"
    )
    assert names(suggester, text) == ["Alywin Barton", "Alywin Barton"]


def test_a_name_apposed_to_the_second_of_two_jobs_is_who_holds_them(suggester):
    text = (
        "“These are very serious allegations,” said Kiiwetinoong MPP and Opposition Whip, Sol "
        "Mamakwa."
    )
    assert names(suggester, text) == ["Sol Mamakwa"]


def test_a_critic_is_a_job_before_a_name(suggester):
    text = "Indigenous Relations Critic Sol Mamakwa said the allegations were very serious."
    assert names(suggester, text) == ["Sol Mamakwa"]


def test_he_after_a_description_by_an_office_is_that_description(suggester):
    text = (
        "The Norvia Directorate’s media spokesman said in a statement that a security force "
        "engaged a man wanted on 25 charges.\n\n"
        "“Upon seeing the security force, the suspect opened fire,” he said."
    )
    assert names(suggester, text) == ["Norvia Directorate’s media spokesman"] * 2


def test_an_image_maker_is_a_spokesperson(suggester):
    text = (
        "The spokesman, Mr Chidi Nwabuzor, told journalists that 17 suspects were arrested.\n\n"
        "The Edo State Police image maker disclosed that the car thief had confessed."
    )
    assert names(suggester, text) == ["Chidi Nwabuzor", "Chidi Nwabuzor"]


def test_an_office_s_name_nobody_is_named_with_is_the_person_last_named_as_a_subject(
    suggester,
):
    text = (
        "The spokesman, Mr Chidi Nwabuzor, told journalists that 17 suspects were arrested.\n\n"
        "Nwabuzor said some firearms had been recovered from the gang.\n\n"
        "Similarly, the Police Public Relations Officer said 15 other suspects were arrested."
    )
    assert names(suggester, text) == ["Chidi Nwabuzor"] * 3


def test_a_job_s_letters_after_its_place_and_name_are_its_holder(suggester):
    text = (
        "Dehradun Senior Superintendent of Police (SSP) Ajay Singh said the police acted "
        "swiftly.\n\n"
        "The SSP added that the police will ask the court to hold a speedy trial."
    )
    assert names(suggester, text) == ["Ajay Singh", "Ajay Singh"]


def test_police_before_any_force_is_named_are_the_force_named_first_after(suggester):
    text = (
        "Police confirmed that officers had shot and killed the man.\n\n"
        "The officer was in critical condition, according to a statement from the Casper "
        "Police Department."
    )
    assert names(suggester, text) == ["Casper Police Department", "Casper Police Department"]


def test_a_surname_with_one_letter_for_another_is_the_one_full_name(suggester):
    text = (
        "Police Chief Tivoli Faaumu said the officers were safe.\n\n"
        "Fauumu said the county's taxpayers will not incur any costs."
    )
    assert names(suggester, text) == ["Tivoli Faaumu", "Tivoli Faaumu"]


def test_he_after_an_office_nobody_is_named_with_is_whom_the_office_stood_for(suggester):
    text = (
        "The spokesman, Mr Chidi Nwabuzor, told journalists that 17 suspects were arrested.\n\n"
        "Nwabuzor said some firearms had been recovered from the gang.\n\n"
        "Similarly, the Police Public Relations Officer said 15 other suspects were arrested.\n\n"
        "“The Crack Team acted on intelligence,” he said."
    )
    assert names(suggester, text) == ["Chidi Nwabuzor"] * 4


def test_an_office_nobody_is_named_with_is_no_person_named_with_another_job(suggester):
    text = (
        "Analyst Jo Park of Norbank said the plan would fail.\n\n"
        "The District Commander said the roads would stay open."
    )
    assert names(suggester, text) == ["Jo Park", "District Commander"]


def test_a_plain_adjective_in_capitals_is_no_nationality_before_a_body(suggester):
    text = (
        "The road is closed, according to a statement by the Public Security Department.\n\n"
        '"Stay away," the Human Rights Commission said.'
    )
    assert names(suggester, text) == ["Public Security Department", "Human Rights Commission"]


def test_a_name_with_a_glottal_stop_is_one_name_and_reassured_is_a_cue(suggester):
    text = (
        '"We continue to believe in our village councils," Deputy Police Commissioner, '
        "Papali\u2019i Monalisa Tia\u2019i-Keti reassured.\n\n"
        '"The Constitution remains the supreme law," Papali\u2019i admonished the chiefs.'
    )
    assert mentions(suggester, text) == [
        ("Papali\u2019i Monalisa Tia\u2019i-Keti", "Papali\u2019i Monalisa Tia\u2019i-Keti"),
        ("Papali\u2019i", "Papali\u2019i Monalisa Tia\u2019i-Keti"),
    ]


def test_a_surname_alone_is_the_name_it_ends_not_one_it_opens(suggester):
    text = (
        "The state police spokesman, Mohammed Shehu, said five bandits were arrested.\n\n"
        "They also confessed that they abducted the daughter of Engineer Shehu Aliyu "
        "Maradun.\n\n"
        "Shehu explained that the arrests were made by the intelligence bureau."
    )
    assert names(suggester, text) == ["Mohammed Shehu", "Mohammed Shehu"]


def test_a_person_apposed_after_a_jobs_name_is_the_mention(suggester):
    text = (
        "Addressing journalists, the state Police Public Relations Officer, SP Mohammed "
        "Shehu said one of the arrested bandits is a foreigner."
    )
    assert mentions(suggester, text) == [("SP Mohammed Shehu", "Mohammed Shehu")]


def test_data_of_a_name_with_no_article_and_a_website_speak_for_that_name(suggester):
    text = (
        "The mine produced 660,000 ounces in 2008, according to Chamber of Mines data.\n\n"
        "It employs 1,805 permanent workers, according to the Gold Fields website.\n\n"
        "Output rose by a tenth, according to Official figures."
    )
    assert names(suggester, text) == ["Chamber of Mines", "Gold Fields", "Official figures"]


def test_prince_before_a_surname_alone_is_a_first_name(suggester):
    text = (
        "Talks were not fruitful, union leader Prince Ankrah said.\n\n"
        '"This could become a full strike," Ankrah said.'
    )
    assert names(suggester, text) == ["Prince Ankrah", "Prince Ankrah"]


def test_an_offices_acronym_of_its_own_language_stands_for_its_name(suggester):
    text = (
        "The State of Mexico Attorney General (PGJEM) said that it was investigating the "
        "killing.\n\n"
        "In a statement, the PGJEM pointed out that the investigation would go on.\n\n"
        "MP Jo Roe (SNP) said that the killing was a tragedy.\n\n"
        "The SNP said the loss was deep."
    )
    assert names(suggester, text) == [
        "State of Mexico Attorney General",
        "State of Mexico Attorney General",
        "Jo Roe",
        "SNP",
    ]


def test_provincial_before_a_name_is_a_jobs_word(suggester):
    text = (
        "Police Assistant Commissioner (AC) Provincial Joseph Manelugu met the Premier on "
        "Friday.\n\n"
        'AC Manelugu says, "The meeting was to discuss policing in the province."'
    )
    assert names(suggester, text) == ["Joseph Manelugu"]


def test_a_jobs_acronym_is_its_holder_named_after_another_job_set_off(suggester):
    text = (
        "Police Public Relations Officer (PPRO) of the command, Deputy Superintendent of "
        "Police (DSP), Nafi\u2019u Abubakar, confirmed the arrests yesterday.\n\n"
        "The PPRO said the suspects were caught on patrol."
    )
    assert names(suggester, text) == ["Nafi\u2019u Abubakar"]


def test_a_solicitor_is_a_job_and_one_from_a_firm_of_solicitors_holds_it(suggester):
    text = (
        "Stephen Scully from Lanyon Bowdler Solicitors said lawyers were concerned.\n\n"
        "The solicitor also raised fears over the future of the court.\n\n"
        'He said: "All other work will go to Kidderminster."\n\n'
        "Solicitor Padraig DeBurca said the prosecution had chosen not to call the man."
    )
    assert names(suggester, text) == ["Stephen Scully", "Stephen Scully", "Padraig DeBurca"]


def test_a_jr_written_without_its_stop_stays_so(suggester):
    text = (
        "Provincial police commander Superintendent David Seine Jr confirmed there were no "
        "casualties.\n\n"
        "The road was closed, said Police Chief Barry Thompson Sr."
    )
    assert names(suggester, text) == ["David Seine Jr", "Barry Thompson Sr."]


def test_an_alderman_and_a_philippine_police_rank_are_no_part_of_the_name(suggester):
    text = (
        "Ward One Alderman Gary Slack said he learned the news on Monday.\n\n"
        "ZCPO OIC PSSupt Dennis Basngi said the measures were working."
    )
    assert names(suggester, text) == ["Gary Slack", "Dennis Basngi"]


def test_a_name_runs_on_past_no_sentences_end_after_an_acronym(suggester):
    text = (
        "Sharjah Police said the chase began on the highway.\n\n"
        "It was unclear how he returned to the UAE. Police said he was part of a gang."
    )
    assert names(suggester, text) == ["Sharjah Police", "Sharjah Police"]


def test_an_undersecretary_for_a_plural_in_ies_is_no_part_of_the_name(suggester):
    text = (
        "There is no shortage, the Ministry's Assistant Undersecretary for Medical Supplies "
        "Abdullah Al-Bader said in a statement."
    )
    assert names(suggester, text) == ["Abdullah Al-Bader"]


def test_a_jobs_initials_stand_for_the_person_named_after_it_in_lower_case(suggester):
    text = (
        "Led by area deputy county commissioner Mathew Wambugu, officials played down the "
        "photos.\n\n"
        "The DCC has reiterated that Likoni is safe for visitors."
    )
    assert names(suggester, text) == ["Mathew Wambugu"]


def test_a_branch_or_a_unit_is_no_persons_name(suggester):
    text = (
        "In a brief statement, the spokesperson for the Executive Branch announced that the "
        "governor will visit on Friday.\n\n"
        "The Special Investigation Unit said that the case was closed."
    )
    assert names(suggester, text) == [
        "the spokesperson for the Executive Branch",
        "Special Investigation Unit",
    ]


def test_a_name_in_upper_case_is_the_one_written_in_lower_case_after_its_capital(suggester):
    text = (
        "CHESHIRE Police say they are reviewing the cases of six people.\n\n"
        "Cheshire Police issued the summonses last week."
    )
    assert names(suggester, text) == ["Cheshire Police"]


def test_an_acronym_with_its_names_initials_in_another_order_stands_for_it(suggester):
    text = (
        "The man was detained by the Judiciary Police (PJ) on Friday.\n\n"
        "In a statement, the PJ said that the man is suspected of bank robberies."
    )
    assert names(suggester, text) == ["Judiciary Police"]


def test_a_job_of_state_for_affairs_and_communications_is_no_part_of_the_name(suggester):
    text = (
        "A missile fell in Aqaba on Monday, Minister of State for Media Affairs and "
        "Communications Ali Al Ayed said.\n\n"
        "Deputy commissioner of police Frank Mumbuna said the police were ready.\n\n"
        "Police are ready, says the region\u2019s deputy commissioner of police Frank Mumbuna."
    )
    assert names(suggester, text) == ["Ali Al Ayed", "Frank Mumbuna", "Frank Mumbuna"]


def test_a_nationality_before_an_embassy_alone_is_no_part_of_its_name(suggester):
    text = (
        "Some 700 nationals were arrested, according to a statement by the Chinese Embassy.\n\n"
        "Japanese police said that the marine was arrested."
    )
    assert names(suggester, text) == ["Embassy", "Japanese police"]


def test_a_union_local_by_its_number_is_what_the_union_names(suggester):
    text = (
        "A United Steelworkers staff representative said the plant would close.\n\n"
        "Mark Murray, United Steelworkers Local 1375, said he received a note from USG "
        "Corp. representatives.\n\n"
        "The union said it had been assured no layoffs would take place."
    )
    assert names(suggester, text)[-1] == "United Steelworkers Local 1375"


def test_a_deputy_police_chief_names_no_police_force(suggester):
    text = (
        "In a statement on Monday, the Norton Police Department named the man. Deputy Police "
        "Chief Jo Roe said the department will release his name soon.\n\n"
        "Police say he refused to put the knife down."
    )
    assert names(suggester, text) == ["Jo Roe", "Norton Police Department"]


def test_a_news_release_is_the_release_its_giver_gave_out(suggester):
    text = (
        "In a news release on Monday, the Norton Police Department identified the woman.\n\n"
        "According to the release, three officers responded.\n\n"
        "The news release says the department will release the names of the officers."
    )
    assert names(suggester, text) == ["Norton Police Department"] * 2


def test_the_head_of_what_a_person_leads_is_the_person_last_named_as_a_subject(suggester):
    text = (
        "The director general of the Norland Police, Ivo Berg, met hotel owners on Monday.\n\n"
        '"We work with every hotel to keep visitors safe," Berg told reporters.\n\n'
        "The head of the law enforcement agency emphasized that the police guard every "
        "visitor."
    )
    assert names(suggester, text) == ["Ivo Berg"] * 2


def test_a_person_by_their_age_alone_is_the_person_last_named_as_a_subject(suggester):
    text = (
        '"I am shocked by the shooting," Ivo Berg, who leads the opposition, told reporters.\n\n'
        '"They have to protect people," said the 72-year-old, a former president.'
    )
    assert names(suggester, text) == ["Ivo Berg"] * 2


def test_a_shopper_is_a_person_a_she_refers_to(suggester):
    text = (
        "Queues of traffic filled Princes Street in Norton at around 1pm.\n\n"
        "A shopper told the Norton Star that the blockage had caused chaos.\n\n"
        '"It was gridlock in the middle of the town," she said.'
    )
    assert names(suggester, text) == ["A shopper"] * 2


def test_a_place_s_police_named_in_full_only_in_marks_is_named_as_written(suggester):
    text = (
        "Norton Police Chief Jo Roe spoke about the shootings on Monday.\n\n"
        '"We have met him 181 times here with the Norton Police Service," she said.\n\n'
        "This year Norton Police said there has been one attempted murder so far."
    )
    assert names(suggester, text) == ["Jo Roe", "Norton Police"]


def test_a_commission_spokesman_is_no_minister_named_before(suggester):
    text = (
        "Interior Minister Ivo Berg instructed the governor to investigate the attack.\n\n"
        "The commission will also be investigating the attack on Monday, the commission "
        "spokesman was quoted as saying."
    )
    assert names(suggester, text) == ["the commission spokesman"]


def test_an_eyewitness_is_a_person_a_she_refers_to(suggester):
    text = (
        "A student was shot in Norton on Monday, Norland State Police said.\n\n"
        "An eyewitness told reporters that the shooting took place near the campus.\n\n"
        'She said: "Gunmen just shot a guy a few minutes ago."'
    )
    assert names(suggester, text)[1:] == ["An eyewitness"] * 2


def test_a_company_by_a_word_of_its_trade_is_what_the_company_names(suggester):
    text = (
        "The union was told that Norvia Standard Automotive would close its hose plant.\n\n"
        "Members are angry.\n\n"
        "Jobs will go.\n\n"
        "The company announced Friday that the plant would close within the year."
    )
    assert names(suggester, text) == ["Norvia Standard Automotive"]


def test_a_sheikhs_title_after_a_first_name_is_part_of_the_name(suggester):
    text = (
        '"Two security personnel were killed," Sardar Sheikh Yahya, the town\'s mayor, told '
        "reporters."
    )
    assert names(suggester, text) == ["Sardar Sheikh Yahya"]


def test_a_job_with_no_article_leading_the_article_is_whom_the_next_paragraph_names(suggester):
    text = (
        "Two members of the security forces were killed overnight, local mayor told Norland "
        "Radio.\n\n"
        '"The suspect was also killed," Ivo Berg, the town\'s mayor, told Norland Radio.'
    )
    assert names(suggester, text) == ["Ivo Berg"] * 2


def test_a_title_elected_and_not_yet_in_office_is_no_part_of_the_name(suggester):
    text = "Polk County Sheriff-Elect Scott Sawyer said two people had to be rescued."
    assert names(suggester, text) == ["Scott Sawyer"]


def test_a_job_of_police_in_lower_case_names_the_person_after_it(suggester):
    text = (
        'Commissioner of police Mandeep Singh Sidhu said: "The police received information '
        'that the four accused were in contact."\n\n'
        "Inspector general of police Kaustubh Sharma said the chief was planning a protest."
    )
    assert names(suggester, text) == ["Mandeep Singh Sidhu", "Kaustubh Sharma"]


def test_an_australian_councillors_cr_is_a_title(suggester):
    text = (
        "Cr Townley said councillors were unaware of the establishment of Coastal Works.\n\n"
        '"It is the perfect spot for a camping area," CR Sultana said.'
    )
    assert names(suggester, text) == ["Townley", "Sultana"]


def test_a_tally_is_a_document_of_whom_its_name_says(suggester):
    text = "At least 50 people have died in the floods, according to a Reuters tally."
    assert names(suggester, text) == ["Reuters"]


def test_a_chiefdom_is_a_place_no_person(suggester):
    text = (
        "Paramount Chief of Sanda Norvia Chiefdom, P.C. Ivo Berg III has told the Times that "
        "the police terrorized his chiefdom.\n\n"
        "According to the Paramount Chief, his subjects were manhandled by the police."
    )
    assert "Norvia Chiefdom" not in names(suggester, text)


def test_a_description_by_a_jobs_possessive_is_no_other_organisation(suggester):
    text = (
        "When the suspect approached, deputies used a taser and OC spray, the news release "
        "said.\n\n"
        "Charges have been submitted to the Norton County Prosecuting Attorney's Office.\n\n"
        "The identity of the suspect will be released once charges are filed, the sheriff's "
        "office said."
    )
    assert names(suggester, text)[-1] == "the sheriff's office"


def test_madam_before_a_job_is_whom_the_article_named_with_it(suggester):
    text = (
        "Grand Kru County Superintendent, Doris N. Ylatun, told the Observer on Thursday that "
        "the residents were peaceful.\n\n"
        "According to Madam Superintendent, there have been many deaths since 2018.\n\n"
        '"We are expecting the team in August," Madam Ylatun said.'
    )
    assert names(suggester, text) == ["Doris N. Ylatun"] * 3


def test_what_a_job_is_of_before_its_holders_name_set_off_is_no_person(suggester):
    text = (
        "A fire broke out in the hills on Monday.\n\n"
        "Government spokesperson and Minister of Government Communication, Ivo Berg, "
        "affirmed the country's resolve.\n\n"
        "The minister added that the fire caused damage to the forest."
    )
    assert names(suggester, text) == ["Ivo Berg"]


def test_a_hyphenated_rank_is_a_title(suggester):
    text = (
        "Two men were shot dead at the border.\n\n"
        "Warrant-Officer Jo Roe said one of the bodies is in a mortuary at Kestrel."
    )
    assert names(suggester, text) == ["Jo Roe"]


def test_the_police_after_police_alone_is_that_police(suggester):
    text = (
        "Three men were granted bail.\n\n"
        "Police say the three were found without masks.\n\n"
        "The police however say the officers approached the youths first."
    )
    assert names(suggester, text) == ["Police", "Police"]


def test_a_places_police_bureau_is_the_force_police_names(suggester):
    text = (
        "On Monday, gunmen wounded two volunteers in Kestrel, Capt. Ivo Berg, the commander "
        "of Norvia police bureau, told reporters.\n\n"
        "The next day, a gunman shot a construction worker, police said."
    )
    assert names(suggester, text) == ["Ivo Berg", "Norvia police bureau"]


def test_a_member_of_parliament_for_a_seat_is_whom_it_names_at_its_end(suggester):
    text = (
        "The Member of Parliament for Norvia North Prince Ivo Berg says five people were "
        "killed along the river."
    )
    assert names(suggester, text) == ["Ivo Berg"]


def test_a_lead_is_whom_the_next_paragraph_names_with_its_body(suggester):
    text = (
        "Word of the plant's closure was delivered on a piece of paper, a Norvia Steelworkers "
        "staff representative disclosed Friday.\n\n"
        '"We are shutting the doors," Ivo Berg, Norvia Steelworkers Local 13, said.'
    )
    assert names(suggester, text) == ["Ivo Berg", "Ivo Berg"]


def test_a_trustee_is_a_title(suggester):
    text = "Trustee Jo Roe said he was concerned about the raise in taxes."
    assert names(suggester, text) == ["Jo Roe"]


def test_a_document_to_a_newsroom_from_someone_is_theirs(suggester):
    text = (
        "Wells ran dry in the Town of Kestrel.\n\n"
        "According to an email to our newsroom from the town, each token is $4.55 for 250 "
        "gallons of water."
    )
    assert names(suggester, text) == ["Town of Kestrel"]


def test_a_member_for_a_seat_is_a_job_and_its_holder_the_one_set_off_after_it(suggester):
    text = (
        "Kestrel continues to find itself in the grip of a crime wave.\n\n"
        "Member for Kestrel, Ana Berg, said robberies had gone up 666 per cent.\n\n"
        '"I presented a petition to Parliament," she said.\n\n'
        "According to the Member for Kestrel, house break-ins have increased 287 per cent."
    )
    assert names(suggester, text) == ["Ana Berg"] * 3


def test_a_surname_with_a_job_word_after_it_is_the_person_named_with_it(suggester):
    text = (
        "Referring to the incident, Regional Police Commander Blasius Kollie said the clash "
        "occurred last Thursday.\n\n"
        "“After a while a group of prison soldiers came to rescue a colleague,” said Kollie "
        "Commander."
    )
    assert names(suggester, text) == ["Blasius Kollie"] * 2


def test_the_company_is_the_name_its_acronym_stands_for(suggester):
    text = (
        "Union leaders told reporters Tuesday that General Motors' Warren plant will close "
        "in three days.\n\n"
        "GM said all displaced workers at the plant will have opportunities to transfer.\n\n"
        '"This is a family that General Motors is separating," Ana Roe said.\n\n'
        "GM said in a statement Tuesday that it appreciates employees' hard work at the "
        "plant. The company said 60 of the 262 Warren employees have been placed."
    )
    assert names(suggester, text)[-1] == "General Motors"


def test_two_places_before_one_bodys_name_open_it(suggester):
    text = (
        "A fire spread to six buildings.\n\n"
        "Kestrel and Norvia Fire and Rescue Service said they received reports of the blaze "
        "at 6.48am."
    )
    assert names(suggester, text) == ["Kestrel and Norvia Fire and Rescue Service"]


def test_the_statement_is_the_notice_given_out_before_it(suggester):
    text = (
        "In a notice shared on its Facebook page, the Norvia Police Service gave the "
        "identities of the suspects.\n\n"
        "“We would like to commend all the Police commands,” the statement said."
    )
    assert names(suggester, text) == ["Norvia Police Service"]


def test_a_place_said_twice_after_a_jobs_of_is_no_first_name(suggester):
    text = (
        "Mayor of Wagga Wagga Ivo Berg has spoken out about the leak.\n\n"
        '"It is extremely disappointing," he said.'
    )
    assert names(suggester, text) == ["Ivo Berg"]


def test_a_liaison_is_a_job_whose_holder_is_set_off_after_it(suggester):
    text = (
        "Residents blocked the road with stones.\n\n"
        "Meanwhile, the police media liaison in the Free State, Maselela Kollie, said the "
        "police went to Riebeeckstad and found about 40 residents disrupted traffic with "
        "stones that blocked the road. He explained the residents were expressing their "
        "frustrations over water issues."
    )
    assert names(suggester, text) == ["Maselela Kollie", "Maselela Kollie"]


def test_a_named_press_release_is_its_givers_and_so_is_the_release(suggester):
    text = (
        "A house burned down on Wednesday.\n\n"
        "A Norvia Fire/Rescue press release states that firefighters were notified of the "
        "blaze at about 4:15 p.m. Wednesday.\n\n"
        "“Upon arrival, the first floor had heavy fire coming out the front windows and "
        "door,” the release states. “Entry was made, and an initial knockdown of the fire on "
        "the first floor was completed.”"
    )
    assert names(suggester, text) == ["Norvia Fire/Rescue"] * 3


def test_a_surname_with_a_letter_less_is_the_one_the_article_named(suggester):
    text = (
        '"It brought a lot of paychecks over the last 30 years," Roy Guenther said.\n\n'
        '"As time goes on, it\'s going to be more and more difficult for folks to leave," '
        "said Guenter."
    )
    assert names(suggester, text) == ["Roy Guenther", "Roy Guenther"]


def test_a_description_with_a_name_in_it_is_that_person(suggester):
    text = (
        "Suspects wait long.\n\n"
        "In an interview on Sunday, one of the community members Ivo Batwel from Moya "
        "Village, Traditional Authority (T/A) Msakambewa said suspects’ relatives are forced "
        "to travel to Mkukula to follow proceedings.\n\n"
        "“We are worried that suspects are being remanded in police custody for a long "
        "time,” he said."
    )
    assert names(suggester, text)[-1] == "Ivo Batwel"


def test_a_public_relations_officer_is_the_spokesman(suggester):
    text = (
        "The police arrested a suspected armed robber.\n\n"
        "The Police Public Relations Officer of the command, ASP Lawan Kollie, confirmed the "
        "arrest to the News Agency of Nigeria (NAN) on Monday in Dutse.\n\n"
        "The spokesman said that efforts were in top gear to arrest other members of the gang."
    )
    assert names(suggester, text) == ["Lawan Kollie"]


def test_a_name_set_off_before_its_description_speaks_and_is_the_he_after(suggester):
    text = (
        "Eight persons were feared killed.\n\n"
        "Also corroborating, Misa Bello, a farmer said, ”nomads were allegedly killed by some "
        "Kona (tribe), so the Sunday night’s attack could be a reprisal.\n\n"
        "“As I am talking now, we all fled for fear of uncertainty,” he added."
    )
    assert names(suggester, text) == ["Misa Bello", "Misa Bello"]


def test_a_place_whose_residents_act_is_no_she(suggester):
    text = (
        "The Regional Police Commander, Commissioner Teopoline Kalompo-Nashikaku, has asked "
        "residents to refrain from demanding arrests.\n\n"
        "Her demands come after residents of Kestrel accused council officials of stealing "
        "the food.\n\n"
        "“The police warned people not to demand the arrest of others,” she said."
    )
    assert names(suggester, text) == ["Teopoline Kalompo-Nashikaku"]


def test_a_rank_cut_from_its_stop_is_the_jobs_the_description_names(suggester):
    text = (
        "A family fled from their burning home.\n\n"
        "Two family members were taken to Palomar Medical Center for evaluation after the "
        "blaze in the 1200 block of Via Conejo, fire Capt. Jeff Kollie said.\n\n"
        '"We got the fire out, but we were afraid to leave," Kollie said.\n\n'
        "The 15-year-old girl on the respirator has a nurse, who spotted the flames first at "
        "the top of the chimney, said the captain."
    )
    assert names(suggester, text) == ["Jeff Kollie"] * 3


def test_what_a_names_documents_are_of_is_no_word_of_the_name(suggester):
    text = (
        "As the sun set Thursday, the National Weather Service damage surveys said as many "
        "as 16 tornadoes had slammed through the area."
    )
    assert names(suggester, text) == ["National Weather Service"]
