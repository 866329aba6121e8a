"""Word lists the suggester uses, by lemma, kept in one place."""

from __future__ import annotations

#: Speech verbs that report what someone said, with or without quotation marks.
SPEECH_VERBS = frozenset(
    """
    say tell add argue warn announce claim insist note state explain declare report
    write repeat reiterate acknowledge admit confirm deny estimate predict reply
    respond stress emphasize emphasise assert contend maintain testify tweet post
    allege complain concede recall remark caution vow promise pledge
    observe mention reveal disclose inform assure conclude counter
    recommend urge demand charge accuse boast speculate underline lament affirm reaffirm
    recognize recognise highlight forecast submit clarify remind espouse joke quip comment
    underscore specify narrate recount
    """.split()
)

#: Verbs that report what a person said only with a person as subject (``he suggested
#: that A``, ``Jo Roe suggested A``); a thing's is no saying (``the figures suggest that A``,
#: ``studies suggest A``), nor an organisation's request (``WHO has suggested people ...
#: get tested``); so ``indicated`` (``ASP Jo Roe indicated that A``; not ``the survey
#: indicated that A``) and ``hinted`` (``He hinted that A``; not ``the data hint that A``).
PERSON_SPEECH_VERBS = frozenset({"suggest", "indicate", "hint"})

#: Verbs of saying only with their particle (``pointed out that``; ``point`` alone is
#: no saying), as lemma and particle.
PHRASAL_SPEECH_VERBS = frozenset({"point out"})

#: Verbs that say something only as a participle going on from a speaker's reported
#: clause (``X stated that A, showing that B``); alone they find or prove (``polls show
#: that``), which is no one's saying.
GOING_ON_VERBS = frozenset("show indicate".split())

#: What markets say of a company, never a speaker: ``Norbank shares fell after it
#: reported A and said B`` is the company's saying (lemmas).
MARKET_FIGURES = frozenset("share stock price index bond yield currency".split())

#: Where a speech verb's clause can hang in the parse: "said in a statement that ...".
STATEMENT_NOUNS = frozenset(
    """
    statement interview letter post email e-mail filing memo message speech briefing
    tweet video address conference call release report column op-ed essay note brief
    bulletin communique communiqué advisory notice
    """.split()
)

#: Of those, what is written and given out, so that it says something itself (``a
#: release stating that``); a call, an interview or a briefing is where people say it.
ISSUED_NOUNS = STATEMENT_NOUNS - {
    "interview",
    "speech",
    "briefing",
    "video",
    "address",
    "conference",
    "call",
}

#: Documents that speak for their source: "a statement from X", "X's latest figures"
#: name X (singular and plural).
_DOCUMENTS = STATEMENT_NOUNS | set(
    "study survey figure data estimate analysis assessment poll finding research forecast "
    "map record website tally".split()
)
DOCUMENT_NOUNS = frozenset(_DOCUMENTS | {n + "s" for n in _DOCUMENTS})

#: Words before a document that say only how it went out: a news or press release is a
#: release (``a police news release``: a police release; ``The news release says``: the
#: release).
GIVEN_OUT_AS = frozenset({"news", "press", "media"})

#: Definite descriptions of an organisation ("the company", "police"), each with the
#: words of an organisation's name that fit it besides the noun itself ("Midland
#: Motors" is a company, "Ministry of Health" a ministry, "The Daily Star" a newspaper).
ORGANISATION_KINDS: dict[str, frozenset[str]] = {
    noun: frozenset(words.split())
    for noun, words in {
        "company": "inc corp corporation co ltd llc plc group holding holdings industries motors "
        "automotive airlines airways technologies systems electric energy pharmaceuticals foods "
        "brands enterprises studios pictures media entertainment bank",
        "firm": "inc corp corporation co ltd llc plc group holdings partners associates "
        "research capital consulting",
        "ministry": "",
        "agency": "administration service bureau authority organization organisation "
        "commission office department centers centres",
        "group": "organization organisation association coalition alliance network "
        "society foundation campaign watch monitor federation confederation chamber "
        "institute movement trust fund",
        "studio": "studios pictures animation films entertainment",
        "newspaper": "times post herald journal tribune guardian gazette telegraph "
        "chronicle news observer mail globe star inquirer express examiner",
        "paper": "times post herald journal tribune guardian gazette telegraph "
        "chronicle news observer mail globe star inquirer express examiner",
        "department": "dept",
        "police": "constabulary",
        "force": "police constabulary",
        "union": "workers steelworkers autoworkers mineworkers teamsters guild brotherhood "
        "federation",
        "council": "",
        "office": "",
        "university": "college",
        "charity": "foundation trust",
        "airline": "airlines airways",
        "carrier": "airlines airways insurance",
        "hospital": "hospital clinic infirmary medical",
        "embassy": "consulate",
        "bank": "",
        "club": "fc afc cf united city rovers athletic wanderers",
        "team": "fc afc cf united city rovers athletic wanderers",
        "league": "",
        "band": "",
        "bureau": "",
        "command": "",
        "movement": "",
        "army": "",
        "association": "union federation",
        "holding": "holding holdings",
        "broadcaster": "broadcasting corporation radio television tv network channel",
    }.items()
}

#: What an appositive calls a company by its trade (``Nokia, the world's largest mobile
#: phone maker,``): a name so described is a company, as one called ``the company``.
COMPANY_NOUNS = frozenset(
    "maker manufacturer carmaker automaker producer retailer supplier conglomerate insurer".split()
)

#: What sports news calls a club after its league (``Premier League side Arsenal``,
#: ``Serie A outfit Roma``, ``Leeds, the Championship side,``): a name so called is a
#: club, as one called ``the club``.
CLUB_NOUNS = frozenset("side outfit".split())

#: Verbs that name what someone said by the quoted words (``described the conflict as
#: "a complex question"``, ``called the deal "a disaster"``): a mixed quote's cue, never
#: an indirect one's.
NAMING_VERBS = frozenset("describe call term dub label".split())

#: Verbs that report a clause only as the reporting line that closes it (``A, the
#: prosecutor went on.``, ``A, the spokesperson also shared.``), never one after them
#: (``continued to issue``, ``shared the view that``): lemma, with its particle if any.
REPORTING_LINE_VERBS = frozenset({"continue", "go on", "share"})

#: Verbs whose subject says what an infinitive of saying after them reports (``went on to
#: say that A``, ``continued to say``, ``Here is what he had to say``), lemma with its
#: particle if any; not one that declines or wants it (``refused to say who``).
SAYING_AFTER_VERBS = frozenset({"go on", "continue", "have"})

#: Verbs that only introduce a direct quote ("...," she laughed), never a reported clause.
DIRECT_ONLY_VERBS = frozenset(
    """
    continue sigh laugh shout yell scream whisper mutter exclaim cry
    chime interject smile shrug snap retort ask wonder answer advise reassure admonish express
    """.split()
)

CUE_VERBS = SPEECH_VERBS | DIRECT_ONLY_VERBS

PRONOUNS = frozenset({"he", "she", "they", "it", "i", "we", "you"})
PERSONAL = frozenset({"he", "she"})

#: Nouns that describe a person by sex, and the pronoun for them: ``A woman from Norton
#: said ... She said`` is that woman.
GENDERED_PEOPLE = {
    "woman": "she",
    "man": "he",
    "girl": "she",
    "boy": "he",
    "mother": "she",
}

#: Titles of a reigning house: ``the Sovereign`` and ``the monarch`` are the person the
#: article named with one of them (``Prince Albert II`` ... ``said the Sovereign``).
ROYAL_TITLES = frozenset(
    "sovereign monarch king queen prince princess emperor empress sultan emir".split()
)

#: Words in a name that are a title or job, not part of the person's name (and the royal
#: titles: "Prince Albert II").
TITLES = ROYAL_TITLES | frozenset(
    """
    mr mr. mrs mrs. ms ms. dr dr. prof prof. sir dame lord lady madam madame sen sen. rep rep.
    gov gov. gen gen. col col. lt lt. sgt sgt. capt capt. st st. rev rev. hon
    president vice prime minister secretary undersecretary senator representative governor mayor
    chancellor premier king queen prince princess pope judge justice chief ceo
    chairman chairwoman chair director spokesman spokeswoman spokesperson ambassador
    general colonel captain commander officer sheriff detective inspector coach
    manager professor doctor deputy assistant foreign defense defence interior
    finance economy trade health justice attorney analyst councillor councilman provincial
    councilwoman commissioner speaker leader founder president-elect former alderman
    alderwoman
    acting interim head executive senior associate chief pastor father bishop
    nurse officer trooper constable agent rabbi imam principal superintendent
    sergeant lieutenant corporal private admiral marshal chancellor dean
    organizer organiser activist campaigner lawyer economist researcher scientist
    historian author editor journalist adviser advisor consultant strategist
    administrator forecaster meteorologist prosecutor lawmaker legislator congressman
    congresswoman assemblyman assemblywoman envoy negotiator treasurer regulator
    supervisor epidemiologist physician surgeon lecturer teacher student resident
    volunteer witness juror firefighter paramedic engineer technician investigator auditor
    clerk coordinator planner owner shopkeeper farmer diplomat nominee official
    det det. insp insp. supt supt. cllr coun cr mp mep msp pc dci dcs comm comm. const const.
    maj maj. cpl cpl. pvt pvt. adm adm. cmdr cmdr. brigadier brig brig.
    counsel magistrate warden ranger selector garda major coroner solicitor barrister
    sheikh shaikh sheikha shaykh daw
    striker midfielder goalkeeper defender footballer cricketer batsman athlete sprinter
    swimmer cyclist wrestler jockey referee umpire skipper actor actress songwriter rapper
    musician composer filmmaker novelist poet playwright artist designer architect
    photographer reporter correspondent columnist presenter producer publisher entrepreneur
    investor accountant statistician geologist biologist ecologist chemist physicist
    astronomer psychologist psychiatrist sociologist criminologist virologist immunologist
    pediatrician paediatrician cardiologist oncologist dentist pharmacist midwife
    veterinarian therapist counsellor counselor curator librarian archaeologist anthropologist
    mechanic electrician plumber contractor realtor soldier veteran fisherman rancher chef
    demographer pollster publicist source critic trustee member liaison
    landlord landlady tenant homeowner motorist passenger pensioner neighbour neighbor driver
    shopper customer bystander onlooker commuter eyewitness
    ratu alhaji alhaja chaudhry chaudhary
    dato datuk datin paduka pehin yb ustaz seri
    apostle cleric archbishop priest reverend evangelist televangelist preacher
    cardinal nuncio apostolic monsignor msgr msgr. deacon vicar patriarch
    prefect
    pcsupt pssupt psupt pcinsp psinsp pinsp
    kombes akbp akp iptu ipda aiptu brigjen irjen kapolda kapolres
    dsp dcp acp asp ssp dig aig
    """.split()
)

#: Honorifics of one who made the hajj written before a Malay name (``Hj``, ``Haji``), a
#: title at its start only: inside it they open the father's name (``Rosli Amin Hj Abdul
#: Karim``).
HAJJ_HONORIFICS = frozenset("hj haji hjh hajah".split())

#: Jobs that are one job by other words: a description by one is the person the article
#: named with another (``The press secretary of the Foreign Ministry Ivo Berg`` ... ``The
#: spokesman stressed``; ``City coach Pep Guardiola`` ... ``the Spanish technician``).
SAME_JOBS = {
    "spokesman": "spokesperson",
    "spokeswoman": "spokesperson",
    "press secretary": "spokesperson",
    "image maker": "spokesperson",  # (Nigerian news: "The Edo State Police image maker")
    "relations officer": "spokesperson",  # (a public relations officer)
    "cllr": "councillor",
    "coun": "councillor",
    "cr": "councillor",  # (Australian councils: "Cr Jo Roe")
    "technician": "coach",  # a football coach in news translated from Romance languages
    # ranks written short, as a title before a name ("Capt. Jo Roe" ... "the captain")
    "capt": "captain",
    "sgt": "sergeant",
    "lt": "lieutenant",
    "det": "detective",
    "insp": "inspector",
    "cmdr": "commander",
}

#: Jobs of whoever heads a team, a force or a body: ``the boss``, ``the chief`` and ``the
#: head`` are the person the article named with one of them (``regional police commander
#: Jo Roe`` ... ``The police boss said``; ``United manager Ivo Berg`` ... ``the United boss
#: told``; ``Police Commissioner Jo Roe`` ... ``The police chief noted``; ``Chief Inspector
#: Jo Roe`` ... ``the head of the investigation``).
HEADING_JOBS = frozenset(
    {"boss", "manager", "commander", "chief", "head", "director", "commissioner"}
)

#: Titles of the clergy: ``the cleric`` is the person the article named with one of them
#: (``a televangelist, Apostle Jo Roe,`` ... ``the cleric said``; ``Imam Ali Musa``).
CLERGY_TITLES = frozenset(
    "cleric apostle pastor bishop archbishop rabbi imam rev reverend priest evangelist "
    "televangelist preacher".split()
)

#: Jobs of public office: ``the official`` is the person the article named with one of
#: them (``deputy head ..., Colonel Jo Roe, affirms`` ... ``the senior official reported``).
OFFICE_JOBS = HEADING_JOBS | frozenset(
    "minister secretary deputy spokesperson spokesman spokeswoman governor mayor colonel "
    "general inspector superintendent prosecutor ambassador envoy official officer".split()
)

#: A description by one of these words is the person the article named with any job of
#: the word's set (:data:`HEADING_JOBS`, :data:`CLERGY_TITLES`, :data:`ROYAL_TITLES`,
#: :data:`OFFICE_JOBS`).
JOBS_OF_A_KIND = {
    "boss": HEADING_JOBS,
    "chief": HEADING_JOBS,
    "head": HEADING_JOBS,
    "cleric": CLERGY_TITLES,
    "sovereign": ROYAL_TITLES,
    "monarch": ROYAL_TITLES,
    "official": OFFICE_JOBS,
}

#: Titles that are also common first names: before a surname alone they are the first
#: name ("Dean Whitaker", "Prince Ankrah"), unless the article names a person with that
#: surname ("Dean Jane Whitaker" ... "Dean Whitaker"); before a first name and a surname,
#: the title ("Prince Carl IV": Carl IV).
FIRST_NAME_TITLES = frozenset({"dean", "prince"})

#: Particles of a family name, written in lower case inside a full name and capitalised
#: at its start (``Erik ten Hag``, ``Ten Hag``; ``Ursula von der Leyen``, ``Bashar
#: al-Assad``): part of the surname.
NAME_PARTICLES = frozenset(
    "van von der den de del della di da das dos du ten ter bin ibn al el le la".split()
)

#: A force's or a body's premises, which a name may end with (``Nyeri Central Police
#: Station``): a place, which no description of the body's kind names (``Police said``).
PREMISES = frozenset("station headquarters barracks post checkpoint".split())

#: What a force is, written after ``police`` and a place's name before it (``the Sør-West
#: police district``, ``Vienna police department``): a word of the force's name.
FORCE_UNITS = frozenset("district department service force command bureau".split())

#: Words that make a capitalised phrase an organisation, a place or a law, not a person
#: (``Criminal Procedure and Evidence Act``; not ``law`` or ``bill``: surnames and names).
NON_PERSON_WORDS = frozenset(
    """
    center centre institute university ministry times party council committee agency
    department association bank company inc corp corporation news post court house
    office union group foundation commission police service services school college
    hospital church club team fc league army force forces navy states kingdom nations
    republic federation government administration kremlin press agency journal
    review tribune herald guardian reuters associated network channel tv radio
    airlines authority board bureau fund museum organization organisation society
    district county city province region chiefdom street avenue road square river island
    mountains ocean sea lake airport station stadium parliament congress senate
    assembly cabinet embassy consulate command fleet brigade division corps
    inc corp ltd llc plc motors airways holdings industries technologies
    pharmaceuticals foods brands enterprises studios pictures entertainment labs
    electric energy systems media intelligence security trust alliance coalition
    confederation constabulary infirmary clinic guild brotherhood chamber movement campaign
    directorate inspectorate secretariat branch unit
    act code constitution treaty ordinance statute
    """.split()
)

#: Bodies of a state, whose name is written without the nationality or the country's
#: initials before it (``U.S. Food and Drug Administration``, ``Ukrainian Ministry of
#: Defense``), and the initials of countries written so.
STATE_BODIES = frozenset("ministry department administration embassy office".split())
#: Those and a state's police force, which no country's name or possessive before it is
#: part of either (``Indonesian National Police``, ``Ukraine’s National Police``).
NATIONAL_BODIES = STATE_BODIES | {"police"}
COUNTRY_INITIALS = frozenset("U.S. US U.K. UK".split())
#: A U.S. state's initials written with full stops, as a country's are no part of a body
#: of state's name (``S.C. Department of Health`` -> ``Department of Health``).
STATE_INITIALS = frozenset("N.Y. N.J. N.C. S.C. N.H. N.M. N.D. S.D. R.I. D.C. W.Va.".split())

#: A company's legal form after its name (``Boeing Co``, ``Apple Inc.``, ``Krka d.d.``
#: aside): no part of its speaker name.
COMPANY_SUFFIXES = frozenset("inc corp co ltd plc llc lp sa ag nv gmbh ad ab asa oyj bv".split())

#: A broadcaster's medium after its name in lower case, with the words that may come
#: between (``NHK television``, ``KTV public television``): no part of its speaker name
#: (``Kompas TV`` is a name).
BROADCAST_MEDIA = frozenset("television radio tv".split())
BROADCAST_KINDS = frozenset("public state national private commercial".split())

#: Abbreviations that end a name with their full stop ("Apple Inc.", "Martin Luther King Jr.").
NAME_ABBREVIATIONS = frozenset("inc corp co ltd plc llc jr sr bros".split())

#: Letters of a seat (``Russell George MS``: a Member of the Senedd; ``MP``, ``MSP``,
#: ``MLA``, ``TD``), a title before a name too (``MLA John White``).
SEATS = frozenset("mp ms msp mla mpp mha mhk td mep".split())
#: Letters of an honour or a rank written after a person's name (``Anil Nandlall SC``,
#: ``K.A. Juman-Yassin S.C.``: Senior Counsel; ``QC``, ``KC``, Nigeria's ``SAN``, the
#: orders of the British Empire), and of a seat (:data:`SEATS`): no part of the name, as
#: a title before it is not.
POST_NOMINALS = SEATS | frozenset("sc s.c. qc q.c. kc k.c. san obe mbe cbe kbe dbe".split())

#: Elisions that start with an apostrophe but open no quotation ('90s, 'em, 'til).
ELISIONS = ("em", "til", "tis", "twas", "cause", "n", "bout", "round")

#: Words of where in a place's name, before the word it is of (``Western Victoria``,
#: ``North Norfolk``): what a job is of, written before its holder, runs on past one.
COMPASS = frozenset(
    "north south east west northern southern eastern western central upper lower greater".split()
)

#: The days of the week: one after a name is when it spoke (``Norvia Bank Friday said``).
WEEKDAYS = frozenset("monday tuesday wednesday thursday friday saturday sunday".split())
#: Proper nouns that are dates, never a speaker ("said Monday that ...").
CALENDAR = WEEKDAYS | frozenset(
    """
    today yesterday tomorrow
    january february march april may june july august september october november december
    jan feb mar apr jun jul aug sep sept oct nov dec
    """.split()
)

#: Nouns of a stretch of time: a phrase of one right after a cue says when it was said
#: (``said last week it was ...``, ``said Saturday morning he was ...``).
TIME_NOUNS = frozenset("week weekend month year morning afternoon evening night".split())

#: Words before a noun that say which one: a name after one is no person's (``the Smith
#: case``), a mention of one and lower-case words is a description (``his lawyer``).
DETERMINERS = frozenset("the a an this that these those its their his her our my your".split())

#: Words that open a sentence and are never the first word of a name ("While Trump
#: declared ..."): conjunctions, adverbs, prepositions, determiners and counts ("Two
#: Norvia Police officers"). A list of our own:
#: spaCy's STOP_WORDS would import all of spaCy (0.8 s) into the app's start.
SENTENCE_OPENERS = frozenset(
    """
    a after also although an and as at because before but by despite during even for from
    however if in instead into last later meanwhile next now of on once or over since so
    still that the then these this those though to under unless until when whereas while
    with yet
    two three four five six eight several many some both
    """.split()
)

#: Abbreviated titles and ranks, written before a name, whose full stop never ends a
#: sentence there (``According to Sgt. Jo Roe,``; ``Lt. Col. Ann Bay``), lower case and
#: without the stop.
TITLE_ABBREVIATIONS = frozenset(
    "mr mrs ms dr prof rev sgt lt capt col gen gov sen rep insp det cpl supt maj adm cmdr "
    "pvt fr hon asst cllr coun cr comm const".split()
)

#: Abbreviations that begin a place's name before the rest of it (``Sault Ste. Marie``,
#: ``St. Louis``, ``Mt. Hood``, ``Ft. Worth``, a Philippine barangay's ``Brgy. Utod``);
#: ``St.`` ends one too (``Main St.``), so a word after them that plainly opens a sentence
#: (``The``, ``He``) still does.
PLACE_ABBREVIATIONS = frozenset("st ste mt ft brgy".split())

#: Abbreviations whose full stop ends no sentence before a number: months (``Jan. 5``)
#: and ``No.`` (``No. 10``).
NUMBER_ABBREVIATIONS = frozenset("jan feb mar apr jun jul aug sep sept oct nov dec no".split())
#: Abbreviations of days, capitalised, whose full stop ends no sentence before a date
#: (``on Sat. July 25th``, ``Fri. 3 May``).
DAY_ABBREVIATIONS = frozenset("mon tue tues wed thu thur thurs fri sat sun".split())

#: Capitalised words that end as a nationality's do (``-an``, ``-ic``, ``-ish``, ``-ch``)
#: and name no nation: ``Public Security Department`` is no nation's ``Security
#: Department``, ``Human Rights Commission`` no nation's commission.
NOT_NATIONALITIES = frozenset(
    """
    Public Human Urban Suburban Civic Metropolitan Republican Veteran Parish Church
    Research Tech Electric Academic Pacific Atlantic Arctic Catholic Islamic Democratic
    Economic Strategic Olympic Paralympic Domestic Scientific Historic
    """.split()
)

#: Nationalities a news story calls a person by (``the Norwegian added``, ``The Dutchman
#: rued``): that person, the one named before it; capitalised as written.
NATIONALITIES = frozenset(
    """
    Afghan Albanian Algerian American Angolan Argentine Argentinian Armenian Australian
    Austrian Azerbaijani Bangladeshi Belarusian Belgian Bolivian Bosnian Brazilian Briton
    Bulgarian Burkinabe Cameroonian Canadian Chilean Chinese Colombian Congolese Croat
    Croatian Cuban Czech Dane Dutchman Dutchwoman Ecuadorian Egyptian Englishman
    Englishwoman Eritrean Estonian Ethiopian Fijian Filipino Finn Frenchman Frenchwoman
    Georgian German Ghanaian Greek Guinean Haitian Honduran Hungarian Icelander Indian
    Indonesian Iranian Iraqi Irishman Irishwoman Israeli Italian Ivorian Jamaican Japanese
    Jordanian Kazakh Kenyan Korean Kosovan Kuwaiti Latvian Lebanese Liberian Libyan
    Lithuanian Malaysian Malian Maltese Mexican Moldovan Montenegrin Moroccan Namibian
    Nepali Nigerian Norwegian Pakistani Palestinian Panamanian Paraguayan Peruvian Pole
    Portuguese Qatari Romanian Russian Rwandan Saudi Scot Scotsman Scotswoman Senegalese
    Serb Serbian Slovak Slovakian Slovene Slovenian Somali Spaniard Sudanese Swede Swiss
    Syrian Taiwanese Tanzanian Thai Tunisian Turk Ugandan Ukrainian Uruguayan Uzbek
    Venezuelan Vietnamese Welshman Welshwoman Yemeni Zambian Zimbabwean
    """.split()
)
