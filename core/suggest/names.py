"""Speaker names: the fullest name of a source, and who ``he``/``she``/``they`` are.

spaCy's entity labels are not trusted (the small model tags ``Trump`` as ORG);
names are runs of proper nouns in the parse, filtered by word lists. Without a parse
(a mention typed, selected or imported), :func:`resolve_name` gives the name it stands
for from the text and the attributions alone.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left, bisect_right, insort
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace
from functools import lru_cache
from itertools import dropwhile
from typing import TYPE_CHECKING

from core.model import Attribution
from core.suggest.lexicon import (
    BROADCAST_KINDS,
    BROADCAST_MEDIA,
    CALENDAR,
    CLUB_NOUNS,
    COMPANY_NOUNS,
    COMPANY_SUFFIXES,
    COMPASS,
    COUNTRY_INITIALS,
    DETERMINERS,
    DOCUMENT_NOUNS,
    FIRST_NAME_TITLES,
    FORCE_UNITS,
    GENDERED_PEOPLE,
    GIVEN_OUT_AS,
    HAJJ_HONORIFICS,
    JOBS_OF_A_KIND,
    NAME_ABBREVIATIONS,
    NAME_PARTICLES,
    NATIONAL_BODIES,
    NATIONALITIES,
    NON_PERSON_WORDS,
    NOT_NATIONALITIES,
    OFFICE_JOBS,
    ORGANISATION_KINDS,
    PERSONAL,
    POST_NOMINALS,
    PREMISES,
    PRONOUNS,
    SAME_JOBS,
    SEATS,
    SENTENCE_OPENERS,
    STATE_BODIES,
    STATE_INITIALS,
    TITLE_ABBREVIATIONS,
    TITLES,
    WEEKDAYS,
)
from core.suggest.marks import find_quotes
from core.suggest.paragraphs import is_heading

if TYPE_CHECKING:  # (annotations only: the review's S key loads no spaCy)
    from spacy.tokens import Doc, Token
    from spacy.tokens import Span as TokenSpan

HONORIFICS = {
    "mr": "he",
    "mr.": "he",
    "mrs": "she",
    "mrs.": "she",
    "ms": "she",
    "ms.": "she",
    "madam": "she",
    "madame": "she",
}


#: A person's age as a noun (``the 72-year-old``).
_AGED = re.compile(r"\d+-year-old")


def unowned_word(word: str) -> str:
    """A word without its possessive ``'s`` (``sheriff's``: ``sheriff``)."""
    return word.removesuffix("'s").removesuffix("\u2019s")


def _is_title(word: str) -> bool:
    """A title or job word; a hyphenated one whose parts all are (``Secretary-General``),
    also one elected, not yet in office (``Sheriff-Elect``); a seat's letters in capitals
    (``MLA``: :data:`SEATS`)."""
    w = word.lower().removesuffix("-elect")
    if "-" in w and w not in TITLES:
        parts = w.split("-")
        return all(map(_is_title, parts)) or parts[-1] in _RANKS
    return w.rstrip(".") in TITLES or w in TITLES or (word.isupper() and w in SEATS)


#: Ranks a hyphenated title ends with, whatever word opens it (``Warrant-Officer``,
#: ``Lance-Corporal``, ``Sub-Inspector``): no surname ends so, as ``Ellis-Bishop`` may.
_RANKS = frozenset({"officer", "sergeant", "corporal", "inspector", "constable", "lieutenant"})


#: A sheikh's title, which inside a name after a first name is a part of it.
_SHEIKHS = frozenset({"sheikh", "shaikh", "shaykh"})


def _titles(words: list[str]) -> int:
    """How many words a name's titles take at its start (``Former President Joe Biden``:
    two); a title that is also a first name is the first name before a surname alone
    (``Dean Whitaker``), also after another title (``Mayor Dean Farrow``); a sheikh's
    title after a first name is part of the name (``Sardar Sheikh Yahya``)."""
    if len(words) == 2 and words[0].lower() in FIRST_NAME_TITLES:
        return 0
    titles = [
        k
        for k, w in enumerate(words[:-1])
        if _is_title(w) and not (w.lower() in _SHEIKHS and k > 0 and not _is_title(words[k - 1]))
    ]
    if not titles and len(words) > 2 and words[0].endswith("s") and _is_title(words[0][:-1]):
        titles = [0]  # "Journalists Nad Siva, ...": people of a job, then the first's name
    if titles[-2:] == [len(words) - 3, len(words) - 2] and words[-2].lower() in FIRST_NAME_TITLES:
        return len(words) - 2
    cut = titles[-1] + 1 if titles else 0
    while cut < len(words) - 2 and words[cut].lower().rstrip(".") in HAJJ_HONORIFICS:
        cut += 1  # "Dato Paduka Hj Rosli Amin Hj Abdul Karim": Rosli Amin Hj Abdul Karim
    return cut


def _untitled(words: list[str]) -> list[str]:
    """A person's name without its titles and the words before them (``Home Minister
    Anil Vij``) or the organisation before it (:func:`_organisation_before`); an
    organisation's as it is (``World Health Organization``)."""
    words = words[_organisation_before(words) :]
    if any(w.lower().strip(".,") in NON_PERSON_WORDS for w in words):
        return words
    return words[_titles(words) :]


def _organisation_before(words: list[str]) -> int:
    """How many words an organisation's name takes before a person's name of two words
    or more that follows it in one run (``Belarusian Foreign Ministry Anatoly Glaz``:
    three); none where no word of the run is an organisation's or a place's, or where
    it ends the run (``World Health Organization``) or all but its last word."""
    at = [k for k, w in enumerate(words) if w.lower().strip(".,") in NON_PERSON_WORDS]
    return at[-1] + 1 if at and len(words) - at[-1] > 2 else 0


def is_job(run: list[Token]) -> bool:
    """Whether a run is only a job's words (``Minister``, ``Deputy Commissioner``), no
    name: a title that is also a first name (``Dean``) may be one."""
    return all(_is_title(t.text) and t.lower_ not in FIRST_NAME_TITLES for t in run)


def repair_names(doc: Doc) -> None:
    """Mend what the parse gets wrong about names: each hyphenated name becomes one
    proper noun (:func:`_join_hyphenated`), a capitalised auxiliary before a verb in
    the past tense is a name and its subject (``and Do said``, ``Will added``: an
    auxiliary never comes before one, but ``have`` or ``be`` before a participle), a
    word in capitals the parse takes for a noun before the proper noun it is part of is
    one of the name (``NEWS CENTER Maine``), so is a capitalised word it takes for a verb
    there (``Taing Sovan``) or one with an apostrophe between its letters (``Papali’i
    Monalisa``), and a surname's particle is a proper noun of it (:func:`_is_particle`)."""
    for t in doc[:-1]:
        after = doc[t.i + 1]
        past = after.tag_ == "VBD" or (after.tag_ == "VBN" and t.lemma_ not in ("have", "be"))
        if t.dep_ == "aux" and t.text.istitle() and past and t.head.i >= after.i:
            t.pos_, t.tag_, t.dep_ = "PROPN", "NNP", "nsubj"
        capitals = len(t.text) > 1 and t.text.isalpha() and t.text.isupper()
        if capitals and t.pos_ == "NOUN" and t.dep_ == "compound" and after.pos_ == "PROPN":
            t.pos_, t.tag_ = "PROPN", "NNP"
        if t.pos_ == "VERB" and t.dep_ == "compound" and t.text.istitle() and after.pos_ == "PROPN":
            t.pos_, t.tag_ = "PROPN", "NNP"  # "Taing Sovan": no verb is part of a name
        glottal = t.text[:1].isupper() and not t.text.isalpha() and _letters(t.text)
        if glottal and t.dep_ == "compound" and after.pos_ == "PROPN":
            t.pos_, t.tag_ = "PROPN", "NNP"  # "Papali’i Monalisa": no noun is written so
        if _first_name_after_title(t, after):
            t.pos_, t.tag_ = "PROPN", "NNP"
    for t in reversed(doc[:-1]):  # from the right: "von der Leyen"
        if t.pos_ != "PROPN" and _is_particle(t):
            t.pos_, t.tag_ = "PROPN", "NNP"
    _join_hyphenated(doc)


def _first_name_after_title(t: Token, after: Token) -> bool:
    """Whether a capitalised word the parse takes for another word between a title and a
    surname is the first name (``Commissioner Less Napuati``: not ``less``)."""
    if t.i == 0 or t.pos_ == "PROPN" or t.is_sent_start or not t.text.istitle():
        return False
    before = t.doc[t.i - 1]
    return (
        before.text.istitle()
        and _is_title(before.text)
        and not _is_title(t.text)
        and after.tag_ == "NNP"
        and after.text.istitle()
        and t.lower_ not in NON_PERSON_WORDS | CALENDAR
    )


def _is_particle(t: Token) -> bool:
    """Whether a word is a particle of the surname after it (the parse may take ``Ten``
    for a number, ``der`` for a noun): a name's particle before a proper noun, in lower
    case after a proper noun (``Erik ten Hag``, ``von der Leyen``), else capitalised
    before one surname (``Ten Hag said``; not ``Ten Democrats``)."""
    doc = t.doc
    after = doc[t.i + 1]
    if t.lower_ not in NAME_PARTICLES or after.pos_ != "PROPN" or t.whitespace_ == "":
        return False
    if t.text.islower():
        return t.i > 0 and doc[t.i - 1].pos_ == "PROPN"
    return t.text.istitle() and after.tag_ == "NNP"


def _join_hyphenated(doc: Doc) -> None:
    """Make each hyphenated name one proper noun of the parse (the tokenizer splits it at
    its hyphens): a capitalised word joined to capitalised ones (``Carl-Henric``,
    ``Secretary-General``), or a given name of syllables after a family name, its second
    part in lower case (``Kang Kyung-wha``, ``Kim Jong-un``; not ``Virginia-based``); a
    title not yet held one noun (``the president-elect``); and a surname's ``O’`` written
    apart from the rest (``Rosaleen O’ Grady``: :func:`_apostrophe_particle`)."""
    chains: list[tuple[int, int, dict[str | int, str]]] = []
    i = 0
    while i < len(doc) - 2:
        end = i
        while end + 2 < len(doc) and _hyphened(doc[end], doc[end + 1], doc[end + 2]):
            end += 2
        chain = doc[i : end + 1]
        if end > i and _names_a_name(chain):
            chains.append((i, end + 1, {"POS": "PROPN", "TAG": "NNP"}))
        elif _apostrophe_particle(doc, i):
            chains.append((i, i + 2, {"POS": "PROPN", "TAG": "NNP"}))
        elif end > i and chain.text.islower() and _is_title(chain.text):
            chains.append((i, end + 1, {"POS": "NOUN", "TAG": "NN", "LEMMA": chain.text}))
        i = end + 1
    with doc.retokenize() as joined:
        for start, end, attrs in chains:
            joined.merge(doc[start:end], attrs=attrs)


def _apostrophe_particle(doc: Doc, i: int) -> bool:
    """Whether tokens ``i`` and ``i + 1`` are a capital letter and its apostrophe that
    open a surname written with a space before its rest (``O’ Grady``, ``O' Boyle``)."""
    return (
        len(doc[i].text) == 1
        and doc[i].text.isupper()
        and not doc[i].whitespace_
        and doc[i + 1].text in ("'", "\u2019")
        and bool(doc[i + 1].whitespace_)
        and doc[i + 2].text.istitle()
        and doc[i + 2].pos_ == "PROPN"
    )


def _hyphened(a: Token, hyphen: Token, b: Token) -> bool:
    """Whether ``a-b`` is written as one word of letters."""
    return (
        hyphen.text == "-"
        and not a.whitespace_
        and not hyphen.whitespace_
        and _letters(a.text)
        and _letters(b.text)
    )


def _letters(word: str) -> bool:
    """Whether a word is written in letters, an apostrophe between two of them counting as
    one (a glottal stop: ``Tia’i``, ``O'Neill``)."""
    return re.sub(r"(?<=[^\W\d_])['\u2019\u2018\u02bb](?=[^\W\d_])", "", word).isalpha()


def _names_a_name(chain: TokenSpan) -> bool:
    """Whether a hyphenated word (its tokens) is a name's: see :func:`_join_hyphenated`."""
    parts = [t for t in chain if t.text != "-"]
    particle = parts[0].lower_ in NAME_PARTICLES and len(parts) == 2  # "al-Assad"
    if particle and parts[1].pos_ == "PROPN" and parts[1].text.istitle():
        return True
    if not parts[0].text[:1].isupper() or "PROPN" not in {t.pos_ for t in parts}:
        return False
    if len(parts) == 2 and _is_title(chain.text):
        return True  # "President-elect", a title
    if all(t.text[:1].isupper() for t in parts[1:]):
        return True
    first = chain[0]
    family = chain.doc[first.i - 1] if first.i > 0 else None
    return (
        all(t.pos_ in ("PROPN", "NOUN") and t.text.islower() for t in parts[1:])
        and family is not None
        and bool(family.whitespace_)
        and family.pos_ == "PROPN"
        and family.text.istitle()
    )


def _propn(t: Token) -> bool:
    return t.pos_ == "PROPN"


def name_run(head: Token, is_name: Callable[[Token], bool] = _propn) -> list[Token]:
    """The run of name words ending at ``head`` (the head of an English name is its
    last word), a nickname in marks left out (``Henry "Hank" Asbill``), titles
    stripped, and the word a job is of or for (``Minister of State Ajay Bhatt``,
    ``Minister for Petroleum Jo Roe``, ``Minister for Planning and Development Asad
    Umar``), through its last plural (``Minister of Water Resources Wil Abram``); the
    letters of an honour after a name of two words or more are no part of it
    (``Anil Nandlall SC``: :data:`POST_NOMINALS`); a job of an organisation's word
    leaves the surname alone (``Commissioner of Police Kabera``: ``Kabera``)."""
    if not is_name(head):
        return []
    doc = head.doc
    if head.lower_ in POST_NOMINALS and head.i > 1 and all(map(is_name, doc[head.i - 2 : head.i])):
        head = doc[head.i - 1]  # (after a name of two words: "Sporting KC" is a club's)
    if head.lower_ in WEEKDAYS and head.i > 0 and is_name(doc[head.i - 1]):
        head = doc[head.i - 1]  # "Tom Roe Sunday said": when he said it
    left = head.i
    while left > 0 and is_name(doc[left - 1]) and not doc[left - 1].is_punct:
        left -= 1
    run = list(doc[left : head.i + 1])
    if (
        left >= 4
        and is_name(doc[left - 4])
        and _NICKNAME.fullmatch(" " + doc[left - 3 : left].text)
    ):
        run = name_run(doc[left - 4], is_name) + run  # "Henry "Hank" Asbill": Henry Asbill
    if len(run) > 1 and _GLUED.search(run[0].text):
        run = run[1:]  # 'Santo,”Colonel Iavro': a quote's end run onto the title
    run = run[_organisation_before([t.text for t in run]) :]
    run = run[_titles([t.text for t in run]) :]
    of_job = _job_of_before([t.text for t in doc[max(0, left - JOB_REACH) : left]])
    if of_job and len(run) == 2 and run[0].i == left and run[0].lower_ in NON_PERSON_WORDS:
        return run[1:]  # "Commissioner of Police Kabera": the surname alone
    if not (of_job and len(run) > 2 and run[0].i == left):
        return run
    # what the job is of runs on through a plural ("Minister of Water Resources Wil Abram",
    # "of Home Affairs", "for Medical Supplies"): a person's name is no plural; and past a
    # word of where ("MP for Western Norland Jo Roe")
    plural = [
        k for k, t in enumerate(run[:-2]) if t.tag_ == "NNPS" or t.lower_.endswith(("ies", "ions"))
    ]
    cut = max(plural, default=0) + 1
    if run[cut - 1].lower_ in COMPASS and len(run) - cut > 2:
        cut += 1
    if run[cut].text == run[cut - 1].text and len(run) - cut > 2:
        cut += 1  # "Mayor of Wagga Wagga Dallas Tout": a place's name said twice
    return run[cut:]


def _job_of_before(before: list[str]) -> bool:
    """Whether the words ``before`` a run of names end with a job and the ``of`` or
    ``for`` it is of, so that the run's first word is what the job is of: ``Minister
    of``, ``Secretary for``, also with its ``the`` (``Leader of the``), and the words
    before an ``and`` or a comma of what it is of (``Minister for Planning and``,
    ``Minister of Water, Sanitation and``), also past what the job is of before (``Minister
    of State for Media Affairs and``)."""
    return _job_of(before) is not None


def _job_of(before: list[str]) -> str | None:
    """The job word of :func:`_job_of_before` (``Minister``), None for none."""
    words = [w.rstrip(",") for w in before if w != ","]
    k = len(words) - 1
    if k >= 0 and words[k].lower() in ("and", "&"):
        k -= 1
        while k >= 0 and words[k][:1].isupper():
            k -= 1
    if k > 0 and words[k].lower() == "the":
        k -= 1
    if k < 1 or words[k].lower() not in ("of", "for"):
        return None
    j = k - 1  # (also past what the job is of before: "Minister of State for Media")
    while j > 1 and not _is_title(words[j]) and words[j - 1].lower() in ("of", "for"):
        j -= 2
    return words[j] if _is_title(words[j]) else None


#: How many words before a run of names a job's ``of`` may be (``Minister for
#: Water, Sanitation and`` ...).
JOB_REACH = 8


def is_person(run: list[Token]) -> bool:
    """Whether a proper-noun run names a person rather than a place, an organisation (also
    one in a company's name: ``International Truck and Engine Corp.``), a day (``said on
    Wednesday``) or a job alone (``Minister of State ...``)."""
    if not run or (len(run) == 1 and run[0].lower_ in CALENDAR) or is_job(run):
        return False
    if len(run) == 1 and is_acronym(run[0].text):
        return False  # "BSS", "NWS": an organisation's initials
    first = run[0]
    if first.i > 0 and first.doc[first.i - 1].lower_ in DETERMINERS:
        return False
    if _job_of_before([t.text for t in first.doc[max(0, first.i - JOB_REACH) : first.i]]):
        return False  # what a job is of: "Minister of State", "... of Information and Culture"
    if _organisation_of_before(first):
        return False  # what an organisation is of: "the Ministry of Public Works"
    if len(run) == 1 and _job_domain_before_holder(first):
        return False  # "Minister of Government Communication, Mohammad Al-Momani,"
    words = [t.text for t in run]
    if any(w.lower().strip(".") in NON_PERSON_WORDS for w in words):
        return False
    after = run[-1].nbor() if run[-1].i + 1 < len(run[-1].doc) else None
    if after is not None and after.lower_ in _PAPER_NOUNS:
        return False  # "al-Joumhouria daily reported": a newspaper
    if len(run) == 1 and after is not None and after.lower_ == "and" and _body_after_and(after):
        return False  # "Durham and Darlington Fire and Rescue Service": one body's name
    if len(words) > 1 and is_acronym(words[-1]) and not _ROMAN.fullmatch(words[-1]):
        return False  # "Norland GOF": a name ends with no initials but a king's number
    at = first.idx
    if any(c.start() <= at < c.end() for c in _COMPANY_NAME.finditer(first.doc.text)):
        return False  # "International Truck and Engine Corp."
    capitalised = all(w[:1].isupper() or w in NAME_PARTICLES for w in words[:-1])  # "ten Hag"
    lettered = all(any(ch.isalpha() for ch in w) for w in words)
    return capitalised and _capitalised_surname(words[-1]) and lettered


def _body_after_and(and_: Token) -> bool:
    """Whether the capitalised words after an ``and`` run on to an organisation's word
    (``Durham and Darlington Fire and Rescue Service``), so that the word before it opens
    that body's name."""
    words = []
    for t in and_.doc[and_.i + 1 :]:
        if not (t.text[:1].isupper() or t.lower_ in ("and", "of", "&")):
            break
        words.append(t.lower_)
    return len(words) > 1 and words[-1] in NON_PERSON_WORDS


#: Nouns a newspaper's name is written before: ``al-Joumhouria daily``, ``Kommersant
#: newspaper``.
_PAPER_NOUNS = frozenset({"daily", "newspaper"})


def _job_domain_before_holder(word: Token) -> bool:
    """Whether one capitalised word ends what a job is of, after an organisation's word
    (``Minister of Government Communication``), with the job's holder's name of two words
    or more set off by commas after it (``, Mohammad Al-Momani,``): no surname, as
    ``Commissioner of Police Kabera`` has."""
    doc = word.doc
    k = word.i
    while k > 0 and doc[k - 1].text[:1].isupper() and doc[k - 1].lower_ in NON_PERSON_WORDS:
        k -= 1
    if k == word.i or not _job_of_before([t.text for t in doc[max(0, k - JOB_REACH) : k]]):
        return False
    end = word.i + 2
    while end < len(doc) and doc[end].pos_ == "PROPN":
        end += 1
    closed = end == len(doc) or doc[end].text == ","
    return doc[word.i + 1 : word.i + 2].text == "," and end - word.i - 2 > 1 and closed


def _organisation_of_before(first: Token) -> bool:
    """Whether a run of names comes right after an organisation's ``of`` or ``for`` (and
    its ``the``): ``Ministry of``, ``Department for the``."""
    k = first.i - 1
    if k > 0 and first.doc[k].lower_ == "the":
        k -= 1
    return (
        k > 0
        and first.doc[k].lower_ in ("of", "for")
        and first.doc[k - 1].lower_ in NON_PERSON_WORDS
        and first.doc[k - 1].text[:1].isupper()
    )


#: A number after a name in Roman numerals (``Jo Roe III``).
_ROMAN = re.compile(r"[IVX]+")
#: The first parts of surnames an article may write apart from the rest (``Mc Kenzie``).
_SURNAME_PREFIXES = frozenset({"Mc", "Mac", "O'", "O\u2019"})


def _a_date(name: str) -> bool:
    """Whether a name is only a date's words, also a month written short with its stop
    (``Sep.``, ``Monday``)."""
    return all(w.lower().rstrip(".") in CALENDAR for w in name.split())


def _slip(word: str, surname: str) -> bool:
    """Whether ``word`` is ``surname`` as an article slips on it: in other capitals
    (``MacKinley``), with an ``s`` more or less at its end (``Abrams``), a letter of a
    double one more or less (``Donnell``) or two letters after its first the other way
    round (``Otsfield`` for ``Ostfield``), each of four letters or more; or one letter for
    another after its first, each of six letters or more (``Fauumu`` for ``Faaumu``), or
    one more or less after its first, the shorter of seven or more (``Guether``)."""
    if word == surname or min(len(word), len(surname)) < 4:
        return False
    if word.casefold() == surname.casefold() or word + "s" == surname or surname + "s" == word:
        return True
    swapped = (
        surname[:k] + surname[k + 1] + surname[k] + surname[k + 2 :]
        for k in range(1, len(surname) - 1)
    )
    if word in swapped:
        return True
    if (
        len(word) == len(surname) >= 6
        and sum(a != b for a, b in zip(word, surname, strict=True)) == 1
    ):
        return word[0] == surname[0]  # a letter for another inside it ("Fauumu", "Faaumu")
    longer, shorter = (word, surname) if len(word) > len(surname) else (surname, word)
    return len(longer) == len(shorter) + 1 and any(
        (longer[k] == longer[k - 1] or len(shorter) >= 7)
        and longer[:k] + longer[k + 1 :] == shorter
        for k in range(1, len(longer))
    )  # (a letter more or less inside one of seven or more: "Guether" for "Guenther")


def surname_as_adverb(t: Token) -> bool:
    """Whether a word is a name's last that the tagger read as an adverb by its ending
    (``Chief Constable Bill Skelly issued``: ``Skelly`` an ``RB`` hung on the verb):
    capitalised, mid-sentence and after a capitalised proper noun."""
    return (
        t.tag_ == "RB"
        and t.text.istitle()
        and not t.is_sent_start
        and t.i > 0
        and t.doc[t.i - 1].pos_ == "PROPN"
        and t.doc[t.i - 1].text.istitle()
    )


def _capitalised_surname(word: str) -> bool:
    """Whether a word is capitalised as a surname is, also after its particle and a
    hyphen (``al-Kohlani``, ``el-Sisi``)."""
    particle, hyphen, rest = word.partition("-")
    after_particle = bool(hyphen) and particle in NAME_PARTICLES and rest[:1].isupper()
    return word[:1].isupper() or after_particle


@dataclass
class Mention:
    pos: int  # absolute character offset
    name: str
    person: bool
    subject: bool
    plural: bool = False  # "officials": never ``it``


@dataclass
class NameBook:
    """Names seen so far in an article, in order; resolves short names and pronouns."""

    #: every full name seen, with where it was seen (in order)
    full_names: dict[tuple[str, ...], list[int]] = field(default_factory=dict)
    mentions: list[Mention] = field(default_factory=list)
    #: "he" or "she" for names a pronoun or an honorific has already shown
    gender: dict[str, str] = field(default_factory=dict)
    #: names an ``it`` or a ``which`` has shown to be a thing's (:data:`_SAID_IT`)
    things: set[str] = field(default_factory=set)
    #: job words seen with a name ("Governor Linda Park", "Jo Ma, a lawyer"), in order
    titles: dict[str, list[tuple[int, str]]] = field(default_factory=dict)
    #: last words of ``full_names``, so a token's check does not scan every name
    surnames: set[str] = field(default_factory=set)
    #: capitalised names of two words or more (organisations, places, people), in order
    capitalised: list[tuple[int, str]] = field(default_factory=list)
    #: acronyms the article defines: ``World Health Organization (WHO)``
    expansions: dict[str, str] = field(default_factory=dict)
    #: organisations the article names in lower case and defines an acronym for (``the
    #: ministry of health (MOH)``), by those words: their name in capitals
    lower_defined: dict[str, str] = field(default_factory=dict)
    #: what the article says a name is: ``The Sierra Club, an environmental group,``
    kinds: dict[str, set[str]] = field(default_factory=dict)
    #: words the article writes as places: its datelines' (``ISLAMABAD-``) and a word
    #: before an organisation's noun (``Punjab police``), casefolded
    places: set[str] = field(default_factory=set)
    #: news agencies the article names: its dateline's (``LONDON (Reuters) -``), and
    #: one written as such (``Yonhap news agency``, ``news service EDaily``)
    agencies: set[str] = field(default_factory=set)
    #: a description of a person (where it starts and ends) and the name after its
    #: comma: ``the party's vice-president, better known as Tian Chua,``
    appositions: list[tuple[int, int, list[str]]] = field(default_factory=list)
    #: whose a person's job is, after their name and its comma (where it starts and
    #: ends): ``Christian Köberl, spokesman for Graz's Mayor Seigfried Nagl``
    jobs_of: list[tuple[int, int]] = field(default_factory=list)
    #: the acronyms the article writes (``USDA``), full stops left out
    acronyms: set[str] = field(default_factory=set)
    #: the reported clauses found so far after their cues (start, end), in order: who is
    #: named in one is no source a later pronoun refers to
    reported: list[tuple[int, int]] = field(default_factory=list)
    #: what the paragraphs hold in quotation marks (start, end), in order, an unclosed
    #: mark's to its paragraph's end: no organisation named there is what a description
    #: refers to
    quoted: list[tuple[int, int]] = field(default_factory=list)
    #: where each paragraph starts, in order (not a subheading: the words before it
    #: run on through it)
    paragraphs: list[int] = field(default_factory=list)
    #: documents written with who gave them out (``the latest situation report released
    #: by the NHA``): where the document's noun ends, and the giver's name there
    given: dict[int, tuple[int, str]] = field(default_factory=dict)
    #: where a job's name ends that its acronym and another job set off by commas follow,
    #: and where the name after them starts (``Police Public Relations Officer (PPRO) of
    #: the command, Deputy Superintendent of Police (DSP), Jo Roe,``): that job's holder
    set_off: dict[int, int] = field(default_factory=dict)
    #: the people named after a job in lower case, by the initials of the job's last words
    #: (``deputy county commissioner Mathew Wambugu``: ``DCC``, also ``CC``), in order
    job_letters: dict[str, list[tuple[int, str]]] = field(default_factory=dict)
    #: how the article writes a name's ``Jr`` or ``Sr``: with its stop, without, or both
    suffixes: set[str] = field(default_factory=set)
    #: where the descriptions settled as sources' names so far start, in order: a later
    #: one the same up to case is the mention written there (:meth:`_same_description`)
    spoken: list[int] = field(default_factory=list)
    #: whom each description by a job nobody is named with stood for where it was written
    #: (:meth:`_subject_before`): a later ``he`` that refers to it is that person
    subjects_of: dict[str, str] = field(default_factory=dict)

    def add_title(self, title: str, pos: int, name: str) -> None:
        self.titles.setdefault(SAME_JOBS.get(title, title), []).append((pos, name))

    def by_title(self, title: str, pos: int) -> str | None:
        """The latest person before ``pos`` introduced with this job word, or one that is
        the same job (:data:`SAME_JOBS`), if any; not one introduced inside what a source
        reported (:meth:`_in_reported`), nor a person a description with that job came
        after (``Jo Roe, a spokesperson`` ... ``A spokesperson with the airport said`` ...
        ``the spokesperson said``: that description, :meth:`introduced`); a description
        that stood for the job before is one still (``the spokesperson also shared``)."""
        seen = self._titled(title)
        i = bisect_left(seen, pos, key=lambda t: t[0])
        at, name = next(
            ((a, n) for a, n in reversed(seen[:i]) if not self._in_reported(a)), (0, None)
        )
        if name is None or is_description(name):
            return name
        return None if self.introduced(title, pos, since=at) else name

    def titled_after(self, title: str, pos: int) -> list[tuple[int, str]]:
        """The people introduced with this job word or the same job after ``pos``, in
        order (:meth:`_titled`)."""
        return [(at, name) for at, name in self._titled(title) if at > pos]

    def _titled(self, title: str) -> list[tuple[int, str]]:
        """The people introduced with this job word or the same job (:data:`SAME_JOBS`),
        in order; a ``boss`` with any job of heading, a ``cleric`` with any title of the
        clergy (:data:`JOBS_OF_A_KIND`)."""
        jobs = JOBS_OF_A_KIND.get(title)
        if jobs is None:
            return self.titles.get(SAME_JOBS.get(title, title), [])
        return sorted(p for job in jobs for p in self.titles.get(job, []))

    def add_name(self, pos: int, words: list[str]) -> None:
        """Register a full name, as its fullest form seen (``Maria Ortega`` after ``Maria L.
        Ortega`` is the one name)."""
        if len(words) >= 2 and not self._other_form(pos, words):
            words = self.fullest(words, pos).split()
            self.full_names.setdefault(tuple(words), []).append(pos)
            self.surnames.add(words[-1])

    def _other_form(self, pos: int, words: list[str]) -> bool:
        """Whether a name is another form of the one with its surname written right
        before it, in brackets (``Jonathan Roe's (Jon Roe)``): that one is the name, as
        an acronym in brackets is its expansion's."""
        return any(
            full[-1] == words[-1] and 0 < pos - (p + len(" ".join(full))) <= len("’s (")
            for full, seen in self.full_names.items()
            for p in seen
        )

    def fullest(self, words: list[str], pos: int) -> str:
        """The fullest registered name that ends with these words, or that holds them in
        order with the same first and last word (``Maria Ortega`` -> ``Maria L. Ortega``),
        else one that contains them; a word is also the last part of a hyphenated surname
        (``Yassin`` -> ``K.A. Juman-Yassin``), or as the article slips on it where no name
        has it as written (:meth:`_slipped`)."""
        if not words:
            return ""
        # by how it holds the words (0: at its end, 1: elsewhere), the best of each: the
        # most recent name before the mention, else the first after
        bests: list[tuple[tuple[str, ...] | None, int]] = [(None, -1), (None, -1)]
        wanted = _particles_folded(words)
        for full, seen in self.full_names.items():
            if len(full) <= len(words):
                continue
            i = bisect_right(seen, pos)
            p = seen[i - 1] if i else seen[0]  # its latest before the mention, else its first
            folded = _folded(full)
            if (
                folded[-len(words) :] == wanted
                or (len(words) == 1 and wanted[0] in folded[-1].split("-")[1:])
                or _with_middle_names(folded, wanted)
                or _reordered(folded, wanted)
            ):
                how = 0
            elif len(words) == 1 and wanted[0] in folded:
                how = 1
            else:
                continue
            best, best_pos = bests[how]
            if (p <= pos and (best_pos > pos or p > best_pos)) or best is None:
                bests[how] = full, p
        best = bests[0][0] or bests[1][0]  # ("Shehu": Mohammed Shehu, not Shehu Aliyu Maradun)
        if best is None and len(words) == 2 and words[0].lower() in FIRST_NAME_TITLES:
            named = self.fullest(words[1:], pos)  # "Dean Whitaker" after "Dean Jo Whitaker"
            return named if named != words[1] else " ".join(words)
        if best is None and len(words) == 1:
            best = self._slipped(wanted[0])
        if best is None and len(words) == 2 and words[0] in _SURNAME_PREFIXES:
            best = self._slipped("".join(wanted), joined=True)  # "Mc Kenzie": McKenzie
        return " ".join(best or words)

    def _slipped(
        self, word: str, joined: bool = False, among: Iterable[tuple[str, ...]] | None = None
    ) -> tuple[str, ...] | None:
        """The one full name (of those ``among``, else all) whose surname the article slips
        on in ``word`` (:func:`_slip`: ``Abrams`` for ``Wil Abram``, ``MacKinley`` for ``Tam
        Mackinley``, ``Donnell`` for ``Grant Donnel``), or is ``word`` where it was written in
        two (``joined``: ``Mc Kenzie``), none where no name or two have it."""
        found = {
            full
            for full in (self.full_names if among is None else among)
            if len(full) > 1
            and (_slip(word, _folded(full)[-1]) or (joined and word == _folded(full)[-1]))
        }
        return found.pop() if len(found) == 1 else None

    def add_text(self, start: int, text: str) -> None:
        """Register a paragraph's capitalised names, the acronyms it defines and the
        places it names."""
        if not is_heading(text):
            insort(self.paragraphs, start)
        dateline = DATELINE.match(text)
        place = _LEADING_WORDS.match(text) if dateline else None
        if place:
            self.places.update(w.casefold() for w in place[0].split())
        for b in [*_BRACKETED.finditer(dateline[0])][-1:] if dateline else ():
            self._add_agency(start + b.start("name"), b["name"], written=False)
        for n in _NEWS_AGENCY.finditer(text):
            part = "before" if n["before"] else "after"
            words = _proper_words(n["before"]) if n["before"] else n["after"].split()
            if words:
                name = " ".join(words + n["kind"].split()) if n["before"] else " ".join(words)
                self._add_agency(start + n.start(part), name, written=True)
        # "pharmaceutical company Krka", "Premier League side Arsenal"
        for n in [*_KIND_BEFORE.finditer(text), *_LEAGUE_SIDE.finditer(text)]:
            words = _proper_words(n["name"])
            if words and not any(map(_is_title, words)):
                self._add_kind(start + n.start("name"), " ".join(words), _kind(n["noun"]))
        # "The Norland embassy in Muscat", "the band, Eagles of Death Metal"
        for n in [*_KIND_AFTER.finditer(text), *_KIND_APPOSED.finditer(text)]:
            self._add_kind(start + n.start("name"), n["name"], n["noun"])
        self._add_appositions(start, text)
        self._add_jobs_in_words(start, text)
        self._add_given(start, text)
        for g in _SAID_HE.finditer(text):  # "Jones said he had seen": a person, a he
            self.gender.setdefault(g["name"], g["pronoun"])
        self.things.update(g["name"] for g in _SAID_IT.finditer(text))
        self.places.update(m[1].casefold() for m in _PLACE_BEFORE.finditer(text))
        self.places.update(m[1].casefold() for m in _PEOPLE_OF.finditer(text))
        for q in find_quotes(text):
            end = q.close if q.close is not None else len(text)
            insort(self.quoted, (start + q.open, start + end))
        self.acronyms.update(a.replace(".", "") for a in _WRITTEN_ACRONYM.findall(text))
        self._add_runs(start, text)
        self._add_lower_defined(start, text)
        self._add_bodies(start, text)

    def _add_runs(self, start: int, text: str) -> None:
        """Register a paragraph's runs of capitalised words: the kinds of organisation
        written after them, the names, the acronyms they define and the holders set off
        after a job's (:attr:`set_off`)."""
        for m in _CAPITALISED_RUN.finditer(text):
            words = _proper_words(m.group())
            kind = _APPOSITIVE.match(text, m.end())
            noun = kind["noun"] if kind else ""
            noun = _kind(noun)  # "the ... phone maker", "the Championship side"
            if noun in ORGANISATION_KINDS and words:
                self.kinds.setdefault(" ".join(words), set()).add(noun)
            elif len(words) < 2:
                continue
            self._add_capitalised(start + m.start(), words, m.group())
            if ranked := _SET_OFF_RANK.match(text, m.end()):
                self.set_off[start + m.end()] = start + ranked.end()
            defined = _DEFINED.match(text, m.end())
            if defined and (expansion := _defined(text, m, words, defined["acronym"])):
                self.expansions.setdefault(defined["acronym"], expansion)

    def _add_capitalised(self, at: int, words: list[str], written: str) -> None:
        """Register a run of capitalised words written at ``at``: two names where ``and``
        joins two of one kind (``Ford Foundation and Norvia Foundation``), and also the
        organisation a person's name is written of (``Supt. Jo Roe of Norvia Police``:
        :func:`_person_and_body`) or after, before the person's title (``Norvia Police
        Chief Inspector Jo Roe``); and how it writes a ``Jr`` or ``Sr`` (:attr:`suffixes`)."""
        self.suffixes.update(w for w in written.split() if w.rstrip(".") in ("Jr", "Sr"))
        lead = max(written.find(words[0]), 0)  # (where its first word is: not "The")
        at, written = at + lead, written[lead:]
        run = " ".join(words)
        k = _organisation_before(words)
        if k > 1 and _is_title(words[k]) and not _is_title(words[0]):  # "Norvia Police Chief
            # Inspector Jo Roe": the police (not "Deputy Police Chief Jo Roe": a job's words)
            self.capitalised.append((at, " ".join(words[:k])))  # (before the run, at its place)
        if _first_of_two(run) != run:  # "Ford Foundation and Norvia Foundation": two
            first, second = _AND.split(run, maxsplit=1)
            self.capitalised.append((at, first))
            self.capitalised.append((at + run.find(second), second))
        else:
            self.capitalised.append((at, run))
        pair = _person_and_body(words)
        body = " ".join(pair[1]) if pair else ""
        if len(body.split()) > 1 and body in written:
            self.capitalised.append((at + written.find(body), body))

    def _add_lower_defined(self, start: int, text: str) -> None:
        """Register the organisations a paragraph names in lower case with the acronym it
        defines for them (``The ministry of health (MOH) confirmed``): the acronym's
        letters make their words, so they are a name, in capitals as names are written
        (``Ministry of Health``), for the acronym, the words and a description of that
        kind (``the ministry``) alike; case makes no new name."""
        for d in _LOWER_DEFINED.finditer(text):
            words = d["words"].split()
            k = next(
                (
                    k
                    for k in range(len(words) - 1)
                    if words[k] not in _MINOR
                    and d["acronym"]
                    in (initials(" ".join(words[k:])), "".join(w[0] for w in words[k:]).upper())
                ),
                None,
            )
            if k is None or not any(w in ORGANISATION_KINDS for w in words[k:]):
                continue
            name = " ".join(w if w in _MINOR else w.capitalize() for w in words[k:])
            self.expansions.setdefault(d["acronym"], name)
            self.lower_defined.setdefault(" ".join(words[k:]), name)
            self._add_kind(start + d.start("words") + d["words"].find(words[k]), name, None)

    def _add_bodies(self, start: int, text: str) -> None:
        """Register the bodies of state a paragraph names with where they are (``The
        Norland Embassy in the United States``), after its runs of capitalised words: the
        fuller name is the nearer one (``Norland Embassy`` is at the same place)."""
        for n in _BODY_IN.finditer(text):
            self._add_kind(start + n.start("name"), n["name"], n["noun"].lower())

    def _add_given(self, start: int, text: str) -> None:
        """Register a paragraph's documents written with who gave them out (``the latest
        situation report released by the NHA``; a person who holds a job there: ``a
        release issued by NPD spokeswoman Berla Savel``)."""
        for g in _GIVEN_BY.finditer(text):
            name = " ".join(_proper_words(g["name"]))  # (not its sentence's full stop)
            at = start + g.start("name")
            held = _HOLDER_AFTER.match(text, g.end("name"))
            if held and _is_title(held["job"]) and _person_words(held["name"].split()):
                name, at = held["name"], start + held.start("name")  # "by NPD spokeswoman Jo Roe"
            elif (kind := name.rpartition(" ")[2]) in ORGANISATION_KINDS:
                self._add_kind(at, name, kind)  # "the Quetta commissioner's office"
            self.given[start + g.end("document")] = (at, name)

    def _add_jobs_in_words(self, start: int, text: str) -> None:
        """Register a paragraph's people named after a job in lower case, by the job's
        initials (:attr:`job_letters`), and the job of the firm a person is from (``Jo Roe
        from Acme Solicitors``: a solicitor)."""
        for j in _LOWER_JOB_BEFORE_NAME.finditer(text):  # "deputy county commissioner Jo Roe"
            job, name = j["job"].split(), _untitled(j["name"].split())
            if _is_title(job[-1]) and len(name) > 1 and _person_words(name):
                for k in range(len(job) - 1):
                    letters = "".join(w[0] for w in job[k:]).upper()
                    self.job_letters.setdefault(letters, []).append(
                        (start + j.start(), " ".join(name))
                    )
        for f in _OF_A_FIRM.finditer(text):  # "Jo Roe from Lanyon Bowdler Solicitors"
            job = f["jobs"].lower().removesuffix("s")
            if _is_title(job) and _person_words(f["name"].split()):
                self.add_title(job, start + f.start("name"), f["name"])

    def _add_appositions(self, start: int, text: str) -> None:
        """Register a paragraph's descriptions of a person with the name after their
        comma (``the party's vice-president, better known as Tian Chua,``), and the jobs
        of something so written before a name (``The Commissioner of Police in the state,
        Mr Jide Ola,``: a commissioner; a job in capitals and a comma before it: ``Senior
        Magistrate, Tamika Roe,``) or after it and its comma (``Roe, the
        Minister of Trade and Industry,``: a minister, whom ``The minister`` is)."""
        for j in _JOB_OF_BEFORE_NAME.finditer(text):
            name = _untitled(j["name"].split())  # "Defense Ministry General Jo Roe"
            if _is_title(j["job"]) and len(name) > 1 and _person_words(name):
                self.add_title(j["job"].lower(), start + j.start("name"), " ".join(name))
        for j in _JOB_THEN_NAME.finditer(text):  # "Senior Magistrate, Jo Roe, said"
            name = j["name"].split()
            if _is_title(j["job"]) and _person_words(name):
                self.add_title(j["job"].lower(), start + j.start("name"), " ".join(name))
        for j in _JOB_OF_AFTER_NAME.finditer(text):  # "Roe, the Minister of ... ,"
            named_at = start + j.start("name")
            name = self.fullest(_untitled(j["name"].split()), named_at).split()
            if _is_title(j["job"]) and _person_words(name):
                self.add_title(j["job"].lower(), named_at, " ".join(name))
        for j in _JOB_FOR_AFTER_NAME.finditer(text):  # "Jo Roe, spokesman for Mayor Ed Li"
            if _is_title(j["job"]):
                insort(self.jobs_of, (start + j.start("whose"), start + j.end("whose")))
        for k in _KNOWN_AS.finditer(text):
            if _person_words(k["name"].split()):
                at = (start + k.start("desc"), start + k.end("desc"))
                self.appositions.append((*at, _untitled(k["name"].split())))  # (a rank: ASP)

    def _add_agency(self, pos: int, name: str, written: bool) -> None:
        """A news agency the article names (a news agency's description finds it:
        :meth:`_described`); ``the agency`` alone stands for it only where it is
        ``written`` so (``Yonhap news agency``; a dateline's brackets may hold a place)."""
        self.agencies.add(name)
        self._add_kind(pos, name, "agency" if written else None)

    def add_force(self, pos: int, place: str, unit: str | None = None) -> None:
        """A place's police the article writes in lower case (``Vienna police tweeted``):
        that place's force, which ``police`` names after it, as ``Vienna Police``; with the
        word of what the force is after it (``the Sør-West police district``), so named."""
        self._add_kind(pos, f"{place} police {unit}" if unit else f"{place} police", "police")

    def add_body(self, pos: int, name: str, subject: bool) -> None:
        """An organisation the article names by its kind in lower case and ``of`` a name
        (``The directorate of Asayish in Sulaimani``): a name, which a description of its
        kind names later (``the directorate``) and ``it`` may refer to."""
        self._add_kind(pos, name, None)
        self.add_mention(Mention(pos, name, False, subject))

    def _add_kind(self, pos: int, name: str, noun: str | None) -> None:
        """A name the article says is an organisation of a kind (``company``, ``agency``),
        among its capitalised names."""
        if noun is not None:
            self.kinds.setdefault(name, set()).add(noun)
        if (pos, name) not in self.capitalised:
            insort(self.capitalised, (pos, name), key=lambda c: c[0])

    def settle(self, name: str, pos: int) -> str:
        """A speaker name as the whole article resolves it: a surname alone is the full
        name written after it (:meth:`_in_full_later`), a document stands for its source
        (:func:`named_source`), a proper name loses its leading article, an
        acronym becomes its expansion and a description of an organisation the nearest
        one before ``pos`` that it fits; a name written as the first words of an
        organisation's before it is that organisation (:meth:`_company_begun`); a body
        of state loses the nationality before it (:meth:`_of_state`), a company its legal
        suffix and the nationality before it (:meth:`_company`), a small word its
        capitals (:meth:`_cased`); anything else stays as it is."""
        if is_pronoun(name):
            return name
        if is_description(name):
            insort(self.spoken, pos)
        later = self._in_full_later(name, pos)
        if later is not None:
            return later
        run = self._run_at(pos)[1]  # "St. Michael", which its titles made "Michael"
        ran_on = len(run.split()) > 1 and run.split()[-1:] == name.split()[-1:]
        begun = self._company_begun(run, pos) if ran_on else None  # (not "Norvia Police" ...
        # "spokesperson Jo Roe": the mention's run is an organisation's, its name a person's)
        if begun is not None:
            return begun
        settled = _unowned(self._settled(name, pos))  # (a description's organisation too)
        settled = self._after_its_kind(settled)
        return self._with_its_stop(
            self._cased(_broadcaster(self._company(self._of_state(settled))))
        )

    def _with_its_stop(self, name: str) -> str:
        """A name that ends with ``Jr`` or ``Sr`` with its full stop, which the tokens of a
        sentence's end split from it (``Barry Thompson Sr. said``), unless the article
        writes it without one (``Superintendent David Seine Jr confirmed``)."""
        last = name.split()[-1:]
        if last not in (["Jr"], ["Sr"]) or self.suffixes & {last[0], f"{last[0]}."} == {last[0]}:
            return name  # (written only without it)
        return name + "."

    def _in_full_later(self, name: str, pos: int) -> str | None:
        """The person a surname alone stands for where the article names them in full only
        after it (``"A," Herring said.`` ... ``CPSO Captain Bobby Herring said``): the one
        full name ending with it, but not one whose first word the article names alone
        (``crimes in Dominica`` ... ``in Dominica Carbon said``: a place before the name);
        None for none or more."""
        if " " in name or not name[:1].isupper():
            return None
        later = [
            full
            for full, seen in self.full_names.items()
            if len(full) > 1
            and full[-1] == name
            and seen[0] > pos
            and not self.named_alone(full[:1])
        ]
        return " ".join(later[0]) if len(later) == 1 else None

    def named_alone(self, words: list[str] | tuple[str, ...]) -> bool:
        """Whether the article names these words alone, as a mention of their own (``in
        Dominica``, ``BlackBerry said``)."""
        name = " ".join(words)
        return any(m.name == name for m in self.mentions)

    def _after_its_kind(self, name: str) -> str:
        """The name written after the kind of organisation it is, in capitals, where the
        article writes that name alone as a subject too (``The Palestinian Resistance
        Movement Hamas`` ... ``Hamas said``: ``Hamas``); else the name as it is."""
        words = name.split()
        if len(words) < 3 or words[-2].lower() not in ORGANISATION_KINDS:
            return name
        alone = words[-1]
        if alone.lower() in NON_PERSON_WORDS or alone.casefold() in self.places:
            return name
        return alone if any(m.name == alone and m.subject for m in self.mentions) else name

    def _cased(self, name: str) -> str:
        """A name with a small word in capitals (``The City Of London Police``) as the
        article writes it elsewhere with that word in lower case (``City of London
        Police``), and one with a word in upper case (``CHESHIRE Police``, as a paper
        opens its story) as it writes it elsewhere in lower case after its capital
        (``Cheshire Police``): case makes no new name."""
        words = name.split()
        small = any(w.lower() in _MINOR and w[:1].isupper() for w in words[1:])
        if not (small or _shouted(words)):
            return name
        cased = (
            n
            for _, n in self.capitalised
            if n.lower() == name.lower()
            and all(w.islower() for w in n.split()[1:] if w.lower() in _MINOR)
            and not _shouted(n.split())
        )
        return next(cased, name)

    def _of_state(self, name: str) -> str:
        """A body of state's name without the nationality or the country's (or a U.S.
        state's) initials before it (``U.S. Food and Drug Administration``, ``Ukrainian
        Ministry of Defense``, ``S.C. Department of Health``, ``Indonesian National
        Police``: :data:`NATIONAL_BODIES`), and with its ``of`` where the article writes it
        so (``Belarusian Defense Ministry`` ... ``the Ministry of Defense``: ``Ministry of
        Defense``, also without the nationality: ``Fisheries Ministry``); but with them
        where the acronym the article writes for it spells them (``U.S. Department of
        Agriculture`` ... ``USDA``)."""
        words = name.split()
        if len(words) == 2 and words[0] in NATIONALITIES and words[1].lower() in STATE_BODIES:
            return words[1]  # "The Chinese Embassy" (not "Japanese police", a force)
        if len(words) == 2 and words[1].lower() in STATE_BODIES:
            written = f"{words[1]} of {words[0]}"
            return written if any(n == written for _, n in self.capitalised) else name
        if len(words) < 3:
            return name
        nationality = _NATIONALITY.fullmatch(words[0]) or words[0] in NATIONALITIES  # "Uzbek"
        if not (words[0] in COUNTRY_INITIALS | STATE_INITIALS or nationality):
            return name
        if initials(name) in self.acronyms:
            return name
        body = words[1:]
        head = _head_words(body[: body.index("in")] if "in" in body else body)[-1]
        if head.lower() not in NATIONAL_BODIES:  # (also named with where it is: "Embassy in")
            return name
        if head.lower() == "police" and words[0] not in NATIONALITIES:
            return name  # (not a place's: "Nyeri County Police")
        if head.lower() == "office" and words[0] not in NATIONALITIES:
            return name  # (a place's name before an office is its own: "Taiwan High ... Office")
        written = f"{head} of {' '.join(body[:-1])}"
        if head is body[-1] and any(n == written for _, n in self.capitalised):
            return written
        return " ".join(body)

    def _company(self, name: str) -> str:
        """A company's name without its legal suffix (``Boeing Co``, ``Apple Inc.``: no
        person's name ends so), and, then, without a nationality before it that the
        article leaves out elsewhere (``Canadian BlackBerry Ltd`` -> ``BlackBerry``)."""
        words = name.split()
        if len(words) < 2 or words[-1].rstrip(".").lower() not in COMPANY_SUFFIXES:
            return name
        words.pop()
        if len(words) > 1 and _DEMONYM.fullmatch(words[0]) and self.named_alone(words[1:]):
            words.pop(0)
        return " ".join(words)

    def _first_person(self, name: str, pos: int) -> str | None:
        """Of people ``and`` joins, each a surname the article has named in full, the
        first's fullest name (``a news release from Daine and Gian`` -> ``Stan Daine``, as
        ``Daine and Gian said``); None else."""
        parts = _AND.split(name)
        last = [p.split()[-1] for p in parts if p.split()]
        if len(parts) < 2 or len(last) < len(parts) or not set(last) <= self.surnames:
            return None
        if not all(w[:1].isupper() for w in name.split() if w not in ("and", "&")):
            return None  # ("A division bench of Justice Jo Roe and Justice Al Ma": the bench)
        return self.fullest(parts[0].split(), pos)

    def _settled(self, name: str, pos: int) -> str:
        source = named_source(_first_of_two(_undated(name)))
        bare = self.without_article(source)
        bare = _unowned(self._whole(_unbased(_first_of_two(bare)), pos))  # (also of what a
        # document names: "a statement by X (XX) and the Y")
        acronym = _acronym_of(bare)
        if acronym is not None:
            expanded = self._expanded(acronym, pos)
            if expanded == acronym:  # "NBC News ... NBC says"
                expanded = (
                    self._company_begun(acronym, pos) or self._named_after(acronym, pos) or acronym
                )
            held = self._holder(expanded, pos, written_out=True) or self._lettered(expanded, pos)
            return self._unplaced(held or expanded)
        described = (
            self.lower_defined.get(bare.lower().removeprefix("the "))
            or self._first_person(bare, pos)
            or self._person_of(bare, pos)
            or self._given_by(source, pos)
            or self._apposed(source, pos)
            or self._national_person(source, pos)
            or self._national(source, pos)
            or self._described(bare, pos)
            or self.described_document(bare, pos)
            or self._described_in_capitals(bare, pos)
            or self._force(bare, pos)
            or self._job_and_surname(bare, pos)
            or self._surname_and_job(bare, pos)
            or self._titled_person(bare)
            or self._holder(bare, pos, written_out=True)
            or self._company_begun(bare, pos, legal=True)
            or self._last_word_of(source, pos)
            or self._first_word_of(source, pos)
            or self.named_later(source, pos)
            or self._subject_before(source, pos)
            or self._same_description(bare, pos)
            or self._fuller_organisation(bare, pos)
        )
        if described is not None and described != bare and _acronym_of(described) is not None:
            return self._settled(described, pos)  # "The company" ... "GM said": the name the
            # acronym stands for ("General Motors")
        if described is not None:
            return described
        # a document's source (without the job before a person's name: "a release from
        # spokesman Jo Roe"), and a person's name in another order (``Tian Chua``:
        # ``Chua Tian Chang``), are the fullest name the article gives them
        words = bare.split()
        job = _titles(words) if source != name else 0
        if job and _person_words(words[job:]):
            words = words[job:]
        fuller = self.fullest(words, pos)
        whole = fuller.split()
        reordered = (
            _person_words(whole)
            and _reordered(tuple(whole), tuple(words))
            and [w for w in whole if w in words] != words
        )
        return self._unplaced(fuller if source != name or reordered else bare)

    def without_article(self, name: str) -> str:
        """A name without its leading article (:func:`_without_article`), also an
        organisation's written by its kind in lower case and ``of`` a name (``The
        directorate of Asayish in Sulaimani``, ``The government of Djibouti``: not ``the
        office of Jay Town``, a person's, nor ``the command of the gendarmerie``), as the
        fullest such name it begins (``The directorate of Asayish released``: the one in
        Sulaimani)."""
        words = name.split()
        if (
            len(words) > 3
            and words[0].lower() == "the"
            and words[1] in NON_PERSON_WORDS
            and words[2] == "of"
            and words[3][:1].isupper()
            and tuple(words[3:]) not in self.full_names
        ):
            body = " ".join(words[1:])
            return next((n for _, n in self.capitalised if n.startswith(body + " ")), body)
        return _without_article(name)

    def _person_of(self, name: str, pos: int) -> str | None:
        """A person's name written with what they are of, from or at after it, which the
        parse may take for the mention's head (``Superintendent Jo Roe of Norvia Police``,
        ``Jo Roe from the Norvia Institute``): the person's fullest name, where the article
        names them so (:func:`_person_and_body`); None for none."""
        pair = _person_and_body(name.split())
        if pair is None:
            return None
        fullest = self.fullest(pair[0], pos)
        return fullest if tuple(fullest.split()) in self.full_names else None

    def _given_by(self, mention: str, pos: int) -> str | None:
        """Who gave out the document a mention at ``pos`` is, written right after it (``the
        latest situation report released by the NHA``), as ``a report by X`` is X's: that
        name as the article resolves it there; None for none."""
        words = mention.split()
        if not words or words[-1].lower() not in DOCUMENT_NOUNS:
            return None
        at, name = self.given.get(pos + len(mention), (0, ""))
        return self._settled(name, at) if name else None

    def _fuller_organisation(self, name: str, pos: int) -> str | None:
        """An organisation's name written without some of its middle words (``Norland
        Football Federation`` ... ``The Norland Federation``): the nearest fuller name
        before ``pos`` with its first and last word, as a person's name without a middle
        name is (:meth:`fullest`). None for none."""
        words = tuple(name.split())
        if len(words) < 2 or not any(w.lower() in NON_PERSON_WORDS for w in words):
            return None
        return next(
            (
                whole
                for _, whole in self._before(pos)
                if len(whole.split()) > len(words)
                and _with_middle_names(tuple(whole.split()), words)
            ),
            None,
        )

    def _same_description(self, name: str, pos: int) -> str | None:
        """The name of a source's description before ``pos`` with the same words up to
        case (``the spokesperson also shared`` ... ``The spokesperson said``; ``officials
        say`` ... ``Officials say``): case makes no new description; not one that was no
        source (``before neighbors knew`` ... ``Neighbors said``). None for none."""
        if name.islower() or not is_description(name[:1].lower() + name[1:]):
            return None
        same = (
            m.name
            for m in self.mentions
            if m.pos < pos and m.name != name and m.name.lower() == name.lower() and self._spoke(m)
        )
        return next(same, None)

    def _spoke(self, m: Mention) -> bool:
        """Whether a description was settled as a source's name where it is written (its
        mention's span starts before its head, where the mention is)."""
        i = bisect_right(self.spoken, m.pos)
        return bool(i) and self.spoken[i - 1] >= m.pos - len(m.name)

    def _company_begun(self, name: str, pos: int, legal: bool = False) -> str | None:
        """The company whose name a one-word name begins, the nearest one before ``pos``
        (``International`` after ``International Truck and Engine Corp.``), the
        organisation an acronym and a word of what it is name (``NBC`` after ``NBC News``,
        also in a list: ``the New York Times and NBC News``), or the organisation whose
        name a name of more words begins (``St. Michael`` after ``St. Michael Medical
        Center``: no saint's name), or, ``legal``, a company's with a legal suffix (``Norvia
        Tech`` after ``Norvia Tech Systems Development Ltd.``: not the run before a person's
        name that the mention is, ``Norvia Bakeries spokeswoman``), none named only in words
        in marks; None if none."""
        one = len(name.split()) == 1

        def begun(whole: str) -> bool:
            last = whole.split()[-1].lower() in NON_PERSON_WORDS  # "... Center", "... News"
            if one:  # an acronym and a word of what it is: "NBC News"
                acronym = is_acronym(name) and len(whole.split()) == 2 and last
                return _COMPANY_NAME.fullmatch(whole) is not None or acronym
            return last or (legal and _COMPANY_NAME.fullmatch(whole) is not None)

        names = (
            part  # an acronym's in a list: "the New York Times and NBC News"
            for at, whole in self._before(pos)
            if not _within(self.quoted, at)  # (nor one named only in marks)
            for part in (_AND.split(whole) if one and is_acronym(name) else [whole])
        )
        return next((n for n in names if n.startswith(name + " ") and begun(n)), None)

    def _named_after(self, acronym: str, pos: int) -> str | None:
        """The person the article last named right after an acronym no name spells out,
        before ``pos``, whom the acronym then stands for as for their job (``Norby SDPO Ivo
        Berg`` ... ``the SDPO said`` -> ``Ivo Berg``; also past a bracketed place: ``IGP
        (Kashmir) Jo Roe``); None for none."""
        held = [
            (max(p for p in seen if p < pos), " ".join(full[k + 1 :]))
            for full, seen in self.full_names.items()
            if any(p < pos for p in seen)
            for k in range(len(full) - 2)
            if full[k] == acronym and _person_words(list(full[k + 1 :]))
        ]
        held += [(at, n) for at, n in self._titled(acronym.lower()) if at < pos]
        return max(held, default=(0, None))[1]

    def _first_word_of(self, mention: str, pos: int) -> str | None:
        """The name a ``the`` and one capitalised word stand for where the word opens a
        name of an ``of`` the article wrote before (``The Chamber of Deputies`` ... ``the
        Chamber`` -> ``Chamber of Deputies``): the fullest such name before ``pos``, not a
        job's (``the Minister``); None for none."""
        words = mention.split()
        if len(words) != 2 or words[0].lower() != "the" or not words[1].istitle():
            return None
        if _is_title(words[1]):  # (the Minister: whoever holds it)
            return None
        opened = (n for _, n in self._before(pos) if n.split()[:2] == [words[1], "of"])
        return max(opened, key=len, default=None)

    def _last_word_of(self, mention: str, pos: int) -> str | None:
        """The name a ``the`` and its last word stand for (``the Inquirer``), as a surname
        stands for a person's full name: the nearest capitalised name before ``pos``, outside
        quotation marks, that ends with it (``The Philadelphia Inquirer``); not a word of a
        kind, a job or a nationality (``the Ministry``, ``the Minister``, ``the Norwegian``)
        nor an acronym; so do a ``the`` and more capitalised words, a job's aside (``The
        Town Council`` -> ``Haverfordwest Town Council``; not a nationality before them:
        ``Swedish Security Service`` ... ``The Security Service`` stays). None for none."""
        words = mention.split()
        if len(words) < 2 or words[0].lower() != "the" or not all(w.istitle() for w in words[1:]):
            return None
        last = words[1:]
        word = last[-1]
        if len(last) == 1 and (
            word.lower() in ORGANISATION_KINDS or _is_title(word) or word in NATIONALITIES
        ):
            return None
        if len(last) > 1 and is_job_name(" ".join(last)):
            return None
        return next(
            (
                name
                for at, name in self._before(pos)
                if len(name.split()) > len(last)
                and name.split()[-len(last) :] == last
                and not all(_NATIONALITY.fullmatch(w) for w in name.split()[: -len(last)])
                and not _within(self.quoted, at)
            ),
            None,
        )

    def _unplaced(self, name: str) -> str:
        """A person's name without the acronyms and places written before it (``DIG
        Operations Islamabad Syed Shahzad Nadeem Bukhari``, ``Punjab Rao Sardar Ali
        Khan``), two words left at least; any other name as it is."""
        words = name.split()
        if tuple(words) not in self.full_names:
            return name
        leading = (
            k + 1
            for k, w in enumerate(words[:-2])
            if _ACRONYM.fullmatch(w) or w.casefold() in self.places
        )
        return " ".join(words[max(leading, default=0) :])

    def _whole(self, name: str, pos: int) -> str:
        """A name the parse cut before its ``of`` or ``for``, or after its ``and``: the
        capitalised name written where it starts, or after the article the mention starts
        with (``The Confederation`` -> ``Confederation of British Industry``; ``the
        Ministry of Health and`` -> ``Ministry of Health and Family Welfare``)."""
        i = bisect_left(self.capitalised, pos, key=lambda c: c[0])
        if i == len(self.capitalised) or not pos <= self.capitalised[i][0] <= pos + 4:
            return name
        words, whole = name.split(), self.capitalised[i][1].split()
        after = whole[len(words) : len(words) + 1] if whole[: len(words)] == words else []
        joined = words[-1:] == ["and"] or after in (["of"], ["for"])
        return " ".join(whole) if after and joined else name

    def _before(self, pos: int) -> list[tuple[int, str]]:
        """The capitalised names before ``pos``, nearest first."""
        return self.capitalised[: bisect_left(self.capitalised, pos, key=lambda c: c[0])][::-1]

    def _after(self, pos: int) -> list[str]:
        """The capitalised names after ``pos``, in order."""
        return [name for _, name in self._placed_after(pos)]

    def _placed_after(self, pos: int) -> list[tuple[int, str]]:
        """The capitalised names after ``pos`` with where each is, in order."""
        return self.capitalised[bisect_right(self.capitalised, pos, key=lambda c: c[0]) :]

    def _expanded(self, acronym: str, pos: int) -> str:
        """What an acronym stands for (``WHO``, ``U.N.``): the article's definition, else
        the nearest name before it whose initials make it, else the first such name after
        it (``According to MSP`` ... ``Michigan State Police Lt. Mark Giannunzio``); else
        the acronym as written."""
        letters = acronym.replace(".", "")
        if letters in self.expansions:
            return self.expansions[letters]
        for names in ([name for _, name in self._before(pos)], self._after(pos)):
            whole = next((name for name in names if initials(name) == letters), None)
            if whole is None:  # "U.S. Trade Representative Jamieson Greer"; "Chief Justice ..."
                spelt = (_spelt_out(name, letters) for name in names)
                whole = next((s for s in spelt if s and (len(letters) > 2 or is_job_name(s))), None)
            if whole is not None:
                return whole
        return acronym

    def _lettered(self, acronym: str, pos: int) -> str | None:
        """The person last named before ``pos`` after a job in lower case whose initials
        make ``acronym`` (``area deputy county commissioner Mathew Wambugu`` ... ``The DCC
        said``: Mathew Wambugu); None for none."""
        named = [(at, name) for at, name in self.job_letters.get(acronym, []) if at < pos]
        return named[-1][1] if named else None

    def _holder(self, job: str, pos: int, written_out: bool = False) -> str | None:
        """The person a job's name was last written with before ``pos``: its holder's
        full name right after it, the last one there (``Deputy Commissioner of Police
        (North West) Jitendra Kumar Meena``), else the one right before it and a comma;
        so ``the DCP`` is that person. A job written out (``the Minister of State``), or
        its acronym (``the DCP``, ``the CJ``), is also the person its name runs on into
        (``Minister of State Ravi Menon``, ``Chief Justice Mira Rao``), the first of two
        that ``and`` joins there (``Chief Justice Mira Rao and Justice Anil Sen``). A job
        written again with no name is still that person's (``the Minority Leader, Jo Roe,
        appealed`` ... ``The Minority Leader made the appeal`` ... ``The Minority Leader
        said``): the nearest writing with a holder counts, also one that says how the job
        is held (``Acting Inspector General of Police Jo Roe`` ... ``the Acting IGP``,
        ``the IGP``). None for no job or holder."""
        if not is_job_name(job):
            return None
        written = (
            (at + len(name) - len(held), held)
            for at, name in self._before(pos)
            for held in [_unplaced(_unqualified(name), job)]
            if held == job or written_out and held.startswith(job + " ")
        )
        return next(filter(None, (self._held(job, at, name) for at, name in written)), None)

    def _held(self, job: str, at: int, name: str) -> str | None:
        """The holder of :meth:`_holder` of the job written at ``at`` as ``name`` (the job's
        own name, or the name it runs on into), None for none there."""
        after = at + len(job)
        first = at + len(_AND.split(name)[0])  # (the job's own name: all)
        apposed = at + len(name) + len(", ")  # "The Prime Minister of Norvia, Enele Sopo,"
        ranked = self.set_off.get(after)  # "... Officer (PPRO) of the command, DSP X, Jo Roe"
        held = [
            (s, full)
            for full, seen in self.full_names.items()
            for s in seen
            if after < s <= after + _HOLDER_GAP
            and (name == job or s < first or s == apposed)
            or s == ranked
        ]
        if held:
            return " ".join(max(held)[1])
        # "Ravinder Kumar, Public Relations Officer (PRO) of Gurgaon Police"
        before = (
            full
            for full, seen in self.full_names.items()
            if any(0 < at - s - len(" ".join(full)) <= 2 for s in seen)
        )
        return " ".join(next(before, ())) or None

    def job_holder(self, mention: str, pos: int, quoted: list[tuple[int, int]]) -> str | None:
        """Whom a definite description by a job stands for, from the text alone (``The
        minister``, ``the federal minister``, ``The Minister``, ``The Minister for
        Aviation``): the latest person written with that job word before ``pos`` (with
        that job's whole name: :meth:`_holder`), none named in what is ``quoted`` (the
        attributions' quotes, in order: ``He said Minister for Roads Tom Reed ...``); None
        for no such description or person."""
        words = mention.split()
        if len(words) < 2 or words[0].lower() not in _DEFINITE:
            return None
        job = " ".join(words[1:])
        if not is_job_name(job):
            return None
        if any(w in ("of", "for") for w in words[2:]):
            return self._holder(job, pos, written_out=True)
        if not all(w.islower() for w in words[1:-1]):
            return None
        word = words[-1].lower()
        seen = self._titled(word)
        return next((n for at, n in reversed(seen) if at < pos and not _within(quoted, at)), None)

    def named_later(self, mention: str, pos: int, described: bool = False) -> str | None:
        """The person a definite description by a job stands for when the article named
        nobody with that job before it, nor in the next paragraph (the suggester looks
        there first): the first one it names with that job word after ``pos``, outside
        what a source reported, and with one of the description's other words before the
        job where it has some (``The CEO of Norvia`` ... ``CEO Ivo Berg``; ``the local
        union president`` ... ``Union President Jo Roe``; ``the shire president of
        Norland`` ... ``Shire of Norland president Jo Roe``; not ``The state counsel`` ...
        ``the defence counsel, Jo Roe``); a possessive is its article (``Lee's attorney``
        ... ``defense attorney Jo Roe``); with ``described``, only where it has some. None
        for none."""
        words = mention.replace("\u2019", "'").split()
        owner = next((k for k in range(len(words) - 1, -1, -1) if words[k].endswith("'s")), None)
        if len(words) < 2 or owner is None and words[0].lower() not in _DEFINITE:
            return None
        named = _head_words(words[(owner if owner is not None else 0) + 1 :])
        if not named:
            return None
        job, others = named[-1].lower(), {w.lower() for w in named[:-1]}
        if not _is_title(job) or self.introduced(job, pos) or described and not others:
            return None
        later = (
            n
            for at, n in self._titled(job)
            if at > pos
            and not self._in_reported(at)
            and (not others or others & self._words_titled(at, job))
        )
        return next(later, None)

    def _words_titled(self, at: int, job: str) -> set[str]:
        """The words, in lower case, of the capitalised name of a person titled with
        ``job`` at ``at`` (``Union President Jo Roe``), and of one right before the job in
        lower case (``Shire of Norland president Jo Roe``: what the job is of)."""
        before = self._run_at(at - len(job) - 3)[1]  # (its last letter)
        return set(f"{self._run_at(at)[1]} {before}".lower().split())

    def _subject_before(self, mention: str, pos: int) -> str | None:
        """The person a definite description by a kind of job (``the United boss``, ``the
        cleric``: :data:`JOBS_OF_A_KIND`), or by an office (:data:`OFFICE_JOBS`, a
        president: ``the District Commander``; not ``the Ministry of Justice``), stands for
        where the article names nobody with such a job: the one its paragraph, or the one
        before, last named as a subject before it, outside what a source reported
        (``Solskjaer was forced to ... After the game, the United boss said``; ``Arsene
        Wenger has denied ...`` ... ``"...," said the Arsenal boss``), for an office one the
        article named with an office too (``Superintendent Alywin Barton``; not ``Analyst Jo
        Park``; nor for a spokesman's office, who speaks for someone else: ``Interior
        Minister Ivo Berg`` ... ``the commission spokesman``); else whom the same
        description stood for before (``... he said``). Such
        a job may have what it heads after it (``The head of the law enforcement agency``);
        a person's age alone is such a description too (``Ivo Berg ... told reporters.
        "...," said the 72-year-old``). None for none."""
        words = mention.split()
        named = all(w[:1].isupper() for w in words) and is_job_name(mention)
        if len(words) < 2 or words[0].lower() not in _DEFINITE and not named:
            return None  # (a job's name is written so: "the Police Public Relations Officer")
        job = words[-1].lower()
        if "of" in words[2:] and words[words.index("of", 2) - 1].lower() in JOBS_OF_A_KIND:
            job = words[words.index("of", 2) - 1].lower()  # "The head of the agency": a head
        office = (
            job in _OFFICES
            and SAME_JOBS.get(job, job) != "spokesperson"  # (who speaks for another office)
            and words[-2].lower() != "of"
            and not self._titled(job)
        )
        aged = len(words) == 2 and bool(_AGED.fullmatch(job))  # "said the 72-year-old"
        if not (job in JOBS_OF_A_KIND or office or aged) or self.introduced(job, pos):
            return None
        start = (
            self.paragraphs[max(0, bisect_right(self.paragraphs, pos) - 2)]
            if self.paragraphs
            else 0
        )
        people = (
            self._titled_person(m.name) or m.name  # ("press chief of X Jo Roe": Jo Roe)
            for m in reversed(self.mentions)
            if start <= m.pos < pos
            and m.person
            and m.subject
            and not is_description(m.name)  # (named, not described again)
            and m.name.split()[-1].lower() != job  # (nor by the job: "The PSD's spokesman")
            and not self._in_reported(m.pos)
        )
        if office and job not in JOBS_OF_A_KIND:  # one in office, named with some office
            people = (p for p in people if self._in_office(p))  # (not "Analyst Jo Park")
        person = next(people, None)
        if person is None:  # ("the Police Public Relations Officer said ... he said")
            return self.subjects_of.get(mention)
        self.subjects_of.setdefault(mention, person)
        return person

    def _in_office(self, name: str) -> bool:
        """Whether the article named this person with a job of public office
        (:data:`OFFICE_JOBS`, a president: ``Superintendent Alywin Barton``)."""
        return any(
            n == name for title, held in self.titles.items() if title in _OFFICES for _, n in held
        )

    def introduced(self, job: str, pos: int, since: int = -1) -> bool:
        """Whether a description with this job word came before ``pos`` (after
        ``since``), also one with a phrase after its job: ``A senior police officer said
        ... the officer said``, ``A spokesperson with the airport said ... the
        spokesperson said``: ``the officer`` is that one."""
        return any(
            since < m.pos < pos
            and m.name.lower().startswith(("a ", "an "))
            and _description_head(m.name).endswith(job)
            for m in self.mentions
        )

    def _run_at(self, pos: int) -> tuple[int, str]:
        """The capitalised name written over ``pos`` (``Union President Jo Roe``) and
        where it starts, or (``pos``, "")."""
        i = bisect_right(self.capitalised, pos, key=lambda c: c[0])
        at, run = self.capitalised[i - 1] if i else (0, "")
        return (at, run) if pos < at + len(run) else (pos, "")

    def _titled_person(self, name: str) -> str | None:
        """The person a job's whole name runs on into, where the mention is both
        (``Leader of the Opposition Sajan Perera`` -> ``Sajan Perera``), also a job in
        lower case of an organisation in capitals (``press chief of the Ministry of
        Foreign Affairs Jo Roe``; not ``lawyer of Jo Roe``: whose lawyer; nor after ``a``:
        ``a spokesman for No.6 Convent Place``, a place); None for none."""
        words = name.split()
        return next(
            (
                " ".join(words[k:])
                for k in range(1, len(words) - 1)
                if tuple(words[k:]) in self.full_names
                and _person_words(words[k:])
                and (
                    words[0][:1].isupper()
                    or words[0] not in _ARTICLES
                    and words[k - 1][:1].isupper()
                    or words[k - 1].lower() in NON_PERSON_WORDS  # ("the region's deputy
                    # commissioner of police Frank Mumbuna": no one's police)
                )
                and is_job_name(" ".join(words[:k]))
            ),
            None,
        )

    def _surname_and_job(self, name: str, pos: int) -> str | None:
        """A surname the article named in full with a job word after it, as a translation
        may write the title (``Chatanda Commander said``, ``Chatanda commander said`` after
        ``Regional Police Commander Blasius Chatanda``): that person; None for none."""
        words = name.split()
        if len(words) != 2 or not _is_title(words[1]) or not self.known_surname(words[0]):
            return None
        return self.fullest(words[:1], pos)

    def _job_and_surname(self, name: str, pos: int) -> str | None:
        """A job's acronym with a surname (``PRO Kumar``): the job's holder, when that
        is who the surname names (another ``Kumar`` may be nearer); a rank's letters too
        (:meth:`_rank_and_surname`); else, where the article spells the letters out as a
        job (``Provincial Police Commander``) or writes them before a person's full name
        (``CP John Bosco Kabera``), the one person the surname names, or the surname
        alone (``CP Butera``: ``Butera``)."""
        words = name.split()
        if len(words) != 2 or not _ACRONYM.fullmatch(words[0]):
            return None
        job = self._expanded(words[0], pos)
        holder = self._holder(job, pos)
        if holder and holder.split()[-1] == words[1]:
            return holder
        ranked = self._rank_and_surname(words[0], words[1])
        if ranked or not (is_job_name(job) or self._titles_a_name(words[0])):
            return ranked
        people = [full for full in self.full_names if full[0] != words[0]]  # (not "PPC Sitai")
        surnamed = {full for full in people if full[-1] == words[1]}
        if len(surnamed) > 1:
            return words[1]
        one = surnamed.pop() if surnamed else self._slipped(words[1], among=people)
        return " ".join(one) if one else words[1]

    def _titles_a_name(self, letters: str) -> bool:
        """Whether the article writes these letters before a person's full name (``CP
        John Bosco Kabera``)."""
        return any(full[0] == letters and len(full) > 2 for full in self.full_names)

    def _rank_and_surname(self, acronym: str, surname: str) -> str | None:
        """A rank's letters no bracket defines with a surname (``DS Alcott``): the one
        person with that surname the article named with a job that the letters' last one
        begins (``Detective Sergeant Barry Alcott``: a sergeant), whoever else has it;
        None else."""
        letter = acronym.replace(".", "")[-1:].lower()
        ranked = {
            n
            for job, held in self.titles.items()
            if job[:1] == letter
            for _, n in held
            if n.split()[-1] == surname and n.split() != [acronym, surname]
        }
        return ranked.pop() if len(ranked) == 1 else None

    def _described(self, mention: str, pos: int) -> str | None:
        """The organisation a definite description (``the company``, ``police``) stands
        for: the nearest name before it of a fitting kind that has the description's
        lower-case words too (``the health ministry``: ``Ministry of Health``, and ``the
        air force`` is no police force), or whose words the description's end, of any
        kind (``the weather service``: ``National Weather Service``; ``the coalition``:
        ``Coalition for Clean Air``); a news agency's (``the news agency``, ``the wire
        service``) the nearest news agency. A company's lower-case words say what it does
        or how it is, which its name seldom says (``the specialty paper company``, ``the
        struggling company``, ``The nation's No. 2 automaker``: a maker is a company; so a
        firm's), so where no company before has them, the nearest company is the one; a
        job's possessive before the noun asks for a name with that job's word (``the
        sheriff's office`` is no ``Prosecuting Attorney's Office``). None for no such
        description."""
        m = _DESCRIPTION.fullmatch(mention)
        if not m or not (m["the"] or m["noun"].lower() == "police"):
            return None
        noun = m["noun"].lower()
        modifiers = (m["the"] or "").split()[1:]
        own = [w for w in modifiers if w.islower() and "'" not in w and "\u2019" not in w]
        owners = (unowned_word(w) for w in modifiers if unowned_word(w) != w)
        owner = next((o for o in owners if _is_title(o)), "")  # whose it is, a job's ("the
        # sheriff's office"; not "the state's")
        wanted, said = set(own), [*own, noun]
        of_kind = _kind(noun)  # "automaker": a company
        kind = of_kind in ORGANISATION_KINDS
        fits = ORGANISATION_KINDS.get(of_kind, frozenset()) | {noun, of_kind}
        news = wanted & {"news", "wire"} and noun in ("agency", "service")
        company = None  # the nearest company, whatever it does (``the struggling company``)
        for at, name in self._before(pos):
            words = [w.lower().rstrip(".") for w in name.split()]
            if is_job_name(name) or _within(self.quoted, at) or words[-1] in PREMISES:
                continue  # "Special Police Officer" is no police force, nor is "Nyeri
                # Central Police Station" (a place); nor is a quoted name
            if owner and owner.lower() not in map(unowned_word, words):
                continue  # "the sheriff's office" is no "Prosecuting Attorney's Office"
            if news:
                if name in self.agencies:
                    return name
                continue
            if _head_words(words)[-len(said) :] == said:
                return name
            fitting = kind and (
                of_kind in self.kinds.get(name, ())
                or bool(_heads(words) & fits and set(words) - fits - _MINOR)
            )
            if fitting and wanted <= set(words):
                return name
            if fitting and of_kind in ("company", "firm"):
                company = company or name
        if company is not None:
            return company
        if kind:
            acting = self._acting_organisation(pos) if of_kind in _ACTING_KINDS else None
            lettered = self._by_acronym(noun, pos, owner)
            force = self._force_after(m, pos) or self._police_alone_before(m, pos)
            return lettered or acting or force or mention
        return mention if news else None

    def _police_alone_before(self, m: re.Match[str], pos: int) -> str | None:
        """``the police`` where the article named no force but wrote ``Police`` or
        ``police`` alone as a subject before it: that mention, as written (``Police say A``
        ... ``The police however say`` -> ``Police``; not ``escape from the Police``);
        None for none, or for another description."""
        if (m["the"] or "").strip().lower() != "the" or m["noun"].lower() != "police":
            return None
        alone = (x.name for x in reversed(self.mentions) if x.pos < pos and x.subject)
        return next((name for name in alone if name.lower() == "police"), None)

    def _force_after(self, m: re.Match[str], pos: int) -> str | None:
        """The police force an article names first after a bare ``Police`` where it named
        none before (``Police confirmed that A`` ... ``a statement from the Casper Police
        Department``); None for none, or for another description."""
        if m["the"] or m["noun"].lower() != "police":
            return None
        forces = (n.split() for n in self._after(pos))
        return next(
            (
                " ".join(w)
                for w in forces
                if w[-2:-1] == ["Police"] and w[-1].lower() in FORCE_UNITS
            ),
            None,
        )

    def _acting_organisation(self, pos: int) -> str | None:
        """The organisation a description of one of :data:`_ACTING_KINDS` stands for where
        no name before it fits its kind: the nearest name before ``pos`` that spoke or
        acted as a subject, outside quotation marks, and is no person's (but a name an
        ``it`` or a ``which`` shows a thing's: :data:`_SAID_IT`), place's, job's nor
        date's (``Norvia Paper said it has asked`` ... ``according to the company``;
        ``Unitra, which represents the workers, said`` ... ``The union said``); None for
        none within :data:`_ACTING_REACH`."""
        for m in reversed(self.mentions):
            if m.pos >= pos:
                continue
            if pos - m.pos > _ACTING_REACH:
                return None
            words = m.name.split()
            if (
                m.subject
                and (not m.person or m.name in self.things)
                and not m.plural
                and words[0][:1].isupper()
                and m.name.casefold() not in self.places
                and not _a_date(m.name)
                and not _within(self.quoted, m.pos)
                and not is_job_name(m.name)
                and not is_description(m.name)
            ):
                return m.name
        return None

    def _by_acronym(self, noun: str, pos: int, owner: str = "") -> str | None:
        """The organisation an article names by its acronym alone that a description's
        noun may stand for, when no name fits it: the nearest before ``pos`` that spoke or
        acted as a subject, outside quotation marks, whose letters hold the noun's first
        (``The FBI is leading the inquiry`` ... ``the bureau said`` -> ``FBI``), else the
        nearest that is no subject and starts with that letter (``claims about a BNK
        presenter, the broadcaster said``); never a country's initials (``US officials``)
        nor a job's (``the DCP``); one whose letters hold the first of whose it is too, for a
        description by a possessive (``the sheriff's office`` is no ``OC`` of ``OC
        spray``). None if none."""
        fitting = [
            m
            for m in reversed(self.mentions)
            if m.pos < pos
            and not m.person
            and is_acronym(m.name)
            and m.name not in COUNTRY_INITIALS
            and noun[0].upper() in m.name.replace(".", "")
            and owner[:1].upper() in m.name.replace(".", "")
            and not _within(self.quoted, m.pos)
            and not is_job_name(self._expanded(m.name, m.pos))
        ]
        starts = (m for m in fitting if m.name.startswith(noun[0].upper()))
        m = next((m for m in fitting if m.subject), next(starts, None))
        return self._expanded(m.name, m.pos) if m else None

    def _national_person(self, mention: str, pos: int) -> str | None:
        """The person a nationality alone calls so (``the Norwegian added``, ``The Dutchman
        rued``): whom a ``he`` or a ``she`` there would be (:meth:`_referent`); None for
        no such mention or person."""
        words = mention.split()
        if len(words) != 2 or words[0].lower() != "the" or words[1] not in NATIONALITIES:
            return None
        return self._referent(None, pos, _NATIONAL_REACH)

    def described_document(self, mention: str, pos: int) -> str | None:
        """A document of an organisation's description (``The bank statement``, ``the
        health ministry report``, ``a police report``, also documents with no article:
        ``police records``, ``Police records``): the organisation the description names
        (:meth:`_described`), as ``the X report`` is X's; None where none fits (it then
        stays as written)."""
        words = mention.split()
        if words and words[0].lower() not in _DEFINITE | _ARTICLES and words[-1].endswith("s"):
            first = words[0].lower() if words[0].lower() in ORGANISATION_KINDS else words[0]
            words = ["the", first, *words[1:]]  # ("police records": plural, no article; also
            # opening its sentence: "Police records say")
        own = words[1:-1]
        while own and own[-1] in GIVEN_OUT_AS:
            own.pop()  # "a police news release": a police release
        if (
            not own
            or words[0].lower() not in _DEFINITE | _ARTICLES
            or words[-1].lower() not in DOCUMENT_NOUNS
            or not all(w.islower() for w in own)
            or own[-1] not in ORGANISATION_KINDS
        ):
            return None
        description = " ".join(["the", *own])
        described = self._described(description, pos)
        return described if described != description else None

    def _described_in_capitals(self, name: str, pos: int) -> str | None:
        """A description's noun alone in capitals (``The Ministry``, which loses its
        article as a name does, or ``Ministry`` for ``it``): case makes no new name, so it
        is ``the ministry`` (:meth:`_described`); None where no organisation fits."""
        if " " in name or not name.istitle() or name.lower() not in ORGANISATION_KINDS:
            return None
        description = f"the {name.lower()}"
        described = self._described(description, pos)
        return described if described != description else None

    def _national(self, mention: str, pos: int) -> str | None:
        """A description of an organisation with a nationality before its noun (``The
        Finnish company``): the organisation it fits (:meth:`_described`), the nationality
        no word the name must have; None where none fits (it then loses its article, as
        ``the Russian side``)."""
        words = mention.split()
        national = (
            len(words) > 2
            and words[0].lower() in DETERMINERS
            and bool(_NATIONALITY.fullmatch(words[1]))
            and all(w.islower() for w in words[2:])
        )
        described = self._described(mention, pos) if national else None
        return described if described != mention else None

    def _force(self, name: str, pos: int) -> str | None:
        """A place's police (``Fayetteville Police``) as the force the article names
        with more words of what it is (``Fayetteville Police Department``): the nearest
        such name before ``pos``, else the first after it; police in a place (``Police in
        Chattanooga``) so too, also as the place's police alone (``Chattanooga Police``).
        None for no place's police or no such name; a force named only in words in marks
        is none (``This year Norton Police said`` after ``"... with the Norton Police
        Service."``: ``Norton Police``)."""
        placed = _POLICE_IN.fullmatch(name)
        words = [*placed["place"].split(), "Police"] if placed else name.split()
        if len(words) < 2 or words[-1].lower() != "police" or not words[0][:1].isupper():
            return None
        named = [*self._before(pos), *self._placed_after(pos)]
        for n in [n for at, n in named if not _within(self.quoted, at)]:
            longer = n.split()
            rest = longer[len(words) :]
            same = [w.lower() for w in longer[: len(words)]] == [w.lower() for w in words]
            if same and (rest or placed) and all(w.lower() in NON_PERSON_WORDS for w in rest):
                return n
        return None

    def _apposed(self, mention: str, pos: int) -> str | None:
        """The person a description of one is, named after it and a comma (``the
        party's vice-president, better known as Tian Chua,``): their fullest name."""
        if not mention.split()[-1:] or not mention.split()[-1].islower():
            return None
        named = next((words for a, b, words in self.appositions if a <= pos < b), None)
        return None if named is None else self.fullest(named, pos)

    def is_full_name(self, name: str) -> bool:
        """Whether a name is a person's full name the article has given."""
        return tuple(name.split()) in self.full_names

    def name_within(self, start: int, end: int, ending: bool = False) -> str | None:
        """A person's full name the article has given written after ``start`` and ending
        by ``end`` (at it, where ``ending``), if any (``one of the community members
        Alick Batwel from Moya Village``: Alick Batwel)."""
        return next(
            (
                " ".join(full)
                for full, seen in self.full_names.items()
                for p in seen
                if start < p
                and (p + len(" ".join(full)) == end if ending else p + len(" ".join(full)) <= end)
            ),
            None,
        )

    def known_surname(self, word: str) -> bool:
        return word in self.surnames

    def _a_surname(self, word: str) -> bool:
        """Whether a word is a surname seen in a full name, or one the article slips on
        (``said Guenter.`` after ``Roy Guenther``: :meth:`_slipped`)."""
        return self.known_surname(word) or self._slipped(word) is not None

    def is_name_token(self, t: Token) -> bool:
        """A proper noun, or a surname already seen in a full name, also as the article
        slips on it (the small model sometimes tags a surname as something else), or one with an
        apostrophe after its first letter (``O’Kelly``, ``D'Souza``: tagged an adverb)."""
        return (
            t.pos_ == "PROPN"
            or (t.text[:1].isupper() and t.text.isalpha() and self._a_surname(t.text))
            or _APOSTROPHE_SURNAME.fullmatch(t.text) is not None
            or surname_as_adverb(t)
        )

    def add_reported(self, start: int, end: int) -> None:
        insort(self.reported, (start, end))

    def _in_reported(self, pos: int) -> bool:
        """Whether ``pos`` lies inside a reported clause (``He said union leader Tom Reed
        announced a march``: Tom Reed)."""
        return _within(self.reported, pos)

    def add_mention(self, m: Mention) -> None:
        """Keep the mentions in text order (a description is added as its quote is read);
        a job's name the article wrote with a person's (``the Minority Leader, Jo Roe,``)
        is that person, whom a later ``he`` or ``she`` refers to (``The Minority Leader
        said ... Currently, he said``); a company's first words are that company, whom a
        later ``it`` refers to (``Norvia Tech said ... it said`` after ``Norvia Tech Systems
        Development Ltd.``: no person's name)."""
        held = None if m.person or not is_job_name(m.name) else self._holder(m.name, m.pos)
        if held is not None:
            m = replace(m, name=held, person=True)
        company = self._company_begun(m.name, m.pos, legal=True) if m.person else None
        if company is not None and " " in m.name:
            m = replace(m, name=self._company(company), person=False)
        insort(self.mentions, m, key=lambda x: x.pos)

    def resolve_pronoun(self, pronoun: str, pos: int, window: int) -> str | None:
        """The source a pronoun most likely refers to: the latest person in subject
        position before ``pos`` (``he``/``she``), or the latest non-person (``they``/``it``:
        :meth:`_thing`). A date is nobody (``on Monday, after it announced``), nor is
        anyone named inside what a source reported (:meth:`_in_reported`). A ``he`` or
        ``she`` where the article has named no person before it is the organisation an
        ``it`` there would be (a translated statement's ``he said``)."""
        name = self._referent(pronoun, pos, window)
        if pronoun in PERSONAL and name:
            self.gender.setdefault(name, pronoun)
        elif pronoun in PERSONAL and not any(m.person for m in self.mentions if m.pos < pos):
            return self._referent("it", pos, window)
        return name

    def _referent(self, pronoun: str | None, pos: int, window: int) -> str | None:
        """Whom :meth:`resolve_pronoun` finds for a pronoun; for None, the person a
        ``he`` or a ``she`` would be (a nationality: :meth:`_national_person`)."""
        want_person = pronoun in ("he", "she", None)
        fallback: Mention | None = None
        for m in reversed(self.mentions):
            if m.pos >= pos:
                continue
            if pos - m.pos > window:
                break
            if _a_date(m.name) or self._in_reported(m.pos):  # ("on Sep. 13": no one)
                continue
            if self._in_description(m):
                continue  # "A woman from Elm Street said ... She said": no Elm Street
            if want_person and _within(self.jobs_of, m.pos):
                continue  # "Jo Roe, spokesman for Mayor Ed Li. ... he told": Jo Roe
            if want_person and m.name.casefold() in self.places:
                continue  # "residents of Tsumeb accused ... she said": no Tsumeb
            sex = _sex(m.name)
            if sex is not None:  # "A woman from Norton said ... She said": that woman
                m = replace(m, person=True)
            group = self._group(m.name)
            if want_person and (group or self._coordinated(m) or self._apposition(m)):
                continue  # "Residents of the village", "PW2 and PW3" are no "he"
            if (
                m.person != want_person
                and not group
                and (pronoun is None or want_person or not self._thing(m, pronoun))
            ):
                continue
            if pronoun in PERSONAL and self.gender.get(m.name, sex or pronoun) != pronoun:
                continue
            if pronoun and not want_person and not m.person and not self._thing(m, pronoun):
                continue  # "The statement ... They warned": a thing the pronoun can't be
            if m.subject:
                fallback = m
                break
            fallback = fallback or m
        return fallback.name if fallback else None

    def _in_description(self, m: Mention) -> bool:
        """Whether a name is written in the phrase after a description's head (``A woman
        from Elm Street``, ``Residents of Norton``): where or whom the described
        are of, no source of its own."""
        i = bisect_left(self.mentions, m.pos, key=lambda x: x.pos)
        return any(
            d.pos < m.pos < d.pos + len(d.name)  # (a description is where its head is)
            and _description_head(d.name) != d.name
            and is_description(_description_head(d.name))
            for d in self.mentions[max(0, i - _DESCRIBED_REACH) : i]
        )

    def _apposition(self, m: Mention) -> bool:
        """Whether a one-word name no person's full name holds stands right after a
        person's name and its comma (``Carl Moss, Unite the Union's officer, said``): a
        word of the description in apposition to that person, no other person (the
        person's name may be the fuller form of what is written there, so the word may
        start a little after the comma)."""
        i = bisect_left(self.mentions, m.pos, key=lambda x: x.pos)
        before = self.mentions[i - 1] if i else None
        return (
            before is not None
            and before.person
            and 0 < m.pos - before.pos <= len(before.name) + 2
            and self._thing(m, "it")
        )

    def _coordinated(self, m: Mention) -> bool:
        """Whether a person's name is one of two or more joined by ``and`` (``the evidence
        of PW2 and PW3``, ``Jo Roe and Ana Ruiz``): together they are ``they``, neither is
        ``he`` nor ``she``; a person with two jobs is one (``Secretary of State and Foreign
        Minister Jo Roe``)."""
        at, run = self._run_at(m.pos)
        parts = _AND.split(run)
        here = len(_AND.split(run[: m.pos - at])) - 1  # the mention's part
        others = [p for k, p in enumerate(parts) if k != here]
        return bool(others) and not all(map(is_job_name, others))

    def _group(self, name: str) -> bool:
        """Whether a mention describes a group of people, whom ``they`` (never ``he`` nor
        ``she``) refers to: its head a plural noun (``Residents of the village``, ``Local
        officials``) or a group's (``A team of experts``); never a surname (``Ellis``, also
        one only a ``he`` or a ``she`` shows: ``Jones said he had seen``)."""
        words = name.split()
        cut = next((k for k, w in enumerate(words) if w in _GROUP_CUT), len(words))
        head, of = words[:cut], words[cut + 1 :]
        noun = head[-1] if head else ""
        if noun.lower() in _COLLECTIVE and of[-1:] and of[-1].islower():
            noun = of[-1]
        plain = noun.islower() or noun.istitle() and noun is words[0]
        return (
            plain
            and noun not in self.surnames
            and noun not in self.gender  # "Jones said he had seen"
            and noun.lower().endswith("s")
            and not noun.lower().endswith(("ss", "us", "is"))
        )

    def _thing(self, m: Mention, pronoun: str) -> bool:
        """Whether ``it`` or ``they`` may stand for a mention: not a person, a plural not
        for ``it``; a one-word name counts as a thing (``ShoreTel``, ``Reuters``) unless
        the article gives it as a person's name or a pronoun has shown one."""
        if pronoun == "it" and m.plural:
            return False
        if pronoun == "they" and not m.plural and m.name.split()[-1].lower() in DOCUMENT_NOUNS:
            return False  # "The statement ... They warned": no document is a "they"
        if not m.person:
            return True
        word = m.name
        return (
            " " not in word
            and word not in self.gender
            and not any(word in full for full in self.full_names)
        )


def _within(ranges: list[tuple[int, int]], pos: int) -> bool:
    """Whether ``pos`` lies inside one of ``ranges`` (in order, none overlapping)."""
    i = bisect_right(ranges, pos, key=lambda r: r[0])
    return bool(i) and pos < ranges[i - 1][1]


#: Where a run of capitalised words may go on: not past a sentence's full stop
#: (``Milwaukee. The``, ``the UAE. Police``; an abbreviation's or an initial's stop is no
#: word's end of two small letters or two capitals: ``U.S. Food``, ``Jo K. Roe``).
_NOT_PAST_A_STOP = r"(?<![a-z]{2}\.)(?<![A-Z]{2}\.)"
#: A capitalised name in running text, small words allowed between its words: ``World
#: Health Organization``, ``Ministry of Health``, ``Bank of the West``; it ends at a
#: sentence's full stop (``... The New York Times. The``), not at ``U.S.`` or ``L.``; a
#: union's local goes on through its number.
_CAPITALISED_RUN = re.compile(
    r"[A-Z][\w&.'\u2019-]*"
    r"(?:" + _NOT_PAST_A_STOP + r"(?:\s+(?:of(?:\s+the)?|for|and|&))?\s+[A-Z][\w&.'\u2019-]*)*"
    r"(?:(?<=Local) \d+\b)?"  # a union's local by its number: "United Steelworkers Local 1375"
)
#: A dateline: a place (and a date) in capitals, an upper-case place or one with a
#: bracketed part (``(Goa)``, ``(Reuters)``; a date may follow it: ``New Delhi [India],
#: July 20 (ANI):``), or that bracketed agency alone, then a colon or a dash; or a place
#: and a date alone before the sentence (``Chandigarh, July 19 One of ...``).
_MONTHS = (
    "January February March April May June July August September October November December "
    "Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec"
).split()
DATELINE = re.compile(
    r"(?:(?=[A-Z]{2,}\b|[^\n]{0,40}[(\[])"
    r"[A-Z][\w.'\u2019]*(?:,?\s+(?:[A-Z][\w.'\u2019]*|\d{1,4}))*"
    r"(?:,?\s*(?:\([^()\n]{1,60}\)|\[[^\[\]\n]{1,30}\])(?:,?\s+(?:[A-Z][\w.'\u2019]*|\d{1,4}))*)*"
    r"|\([A-Z][^()\n]{0,30}\))"  # or the agency alone: "(Reuters) -"
    r"\s*(?::|\s?-{1,2}\s|\s?[\u2014\u2013]|-(?=[A-Z]))"  # (also "(RHC)-- The")
    # or a place and a date with nothing after them (the page lost its agency): "Chandigarh,
    # July 19 One of the accused ..."
    r"|[A-Z][\w.]*(?:\s[A-Z][\w.]*)?,\s(?:" + "|".join(_MONTHS) + r")\.?\s\d{1,2}\s(?=[A-Z])"
)
#: The capitalised words a paragraph opens with (a dateline's place).
_LEADING_WORDS = re.compile(r"[A-Z][\w.'\u2019]*(?:\s+[A-Z][\w.'\u2019]*)*")
#: A place before an organisation's noun: ``Punjab police``, ``Koral police station``.
_PLACE_BEFORE = re.compile(
    r"\b([A-Z][a-z][\w'\u2019]*)\s+(?:" + "|".join(ORGANISATION_KINDS) + r")\b"
)
#: A place whose people a phrase names: ``residents of Tsumeb``, ``the people of Kao``.
_PEOPLE_OF = re.compile(
    r"\b(?:residents|people|citizens|villagers|inhabitants) of ([A-Z][a-z][\w'\u2019-]*)\b"
)
#: A quote's end and the word after it written with no space between, one token
#: (``Santo,”Colonel``).
_GLUED = re.compile(r"\w(?:[,.!?;:][\"\u201d\u2019]|[\"\u201d])\w")
#: Police in a place: ``Police in Chattanooga``.
_POLICE_IN = re.compile(r"[Pp]olice in (?P<place>[A-Z][\w.'\u2019-]*(?: [A-Z][\w.'\u2019-]*)*)")
#: A surname with an apostrophe after its first letter: ``O’Kelly``, ``D'Souza``.
_APOSTROPHE_SURNAME = re.compile(r"[A-Z]['\u2019][A-Z][a-z]+")
#: ``and`` or ``&`` between two names of one run (``Jo Roe and Ana Ruiz``).
_AND = re.compile(r"\s+(?:and|&)\s+")
_AND_THE = re.compile(r"\s+and\s+the\s+(?=[A-Z])")
#: Kinds of organisation whose names seldom say what they are (``Norvia Paper``, a
#: company; ``Unitra``, a union): a description of one may stand for the organisation
#: that spoke or acted before it (:meth:`NameBook._acting_organisation`).
_ACTING_KINDS = frozenset({"company", "firm", "union", "movement"})
#: How far before a description of an organisation the one that spoke or acted may be
#: (:meth:`NameBook._acting_organisation`): a few paragraphs.
_ACTING_REACH = 1500
#: How far before a nationality that calls a person so (``the Norwegian``) the person
#: may be named: as far as a pronoun's person (the suggester's reach).
_NATIONAL_REACH = 1500
#: How many mentions before a name a description whose phrase holds it may be.
_DESCRIBED_REACH = 3
#: How far after a job's name its holder's name may start: a bracketed place or
#: acronym between (``Inspector General of Police (IGP) Punjab Rao Sardar Ali Khan``).
_HOLDER_GAP = 30
#: Jobs of public office: :data:`OFFICE_JOBS` and a president.
_OFFICES = OFFICE_JOBS | {"president"}
#: Not a word that only ends as a nationality's does (``Public``: :data:`NOT_NATIONALITIES`).
_NOT_PLAIN = r"(?!(?:" + "|".join(sorted(NOT_NATIONALITIES)) + r")\b)"
#: A nationality's word: ``Canadian``, ``Japanese``, ``British``, ``Pakistani``.
_DEMONYM = re.compile(_NOT_PLAIN + r"[A-Z][a-z]+(?:an|ese|ish|i)")
#: A nationality before a broadcaster's medium (``Icelandic state radio``, ``Dutch
#: television``): a description, not a broadcaster's name.
_NATIONALITY = re.compile(_NOT_PLAIN + r"[A-Z][a-z]+(?:an|ese|ish|i|ic|ch)")
#: A job's acronym in brackets, what it is of, and another job set off by commas, with
#: its own acronym, before a name: ``(PPRO) of the command, Deputy Superintendent of
#: Police (DSP), `` (:attr:`NameBook.set_off`).
_SET_OFF_RANK = re.compile(
    r"\s+\([A-Z]{2,8}\)(?:\s+of\s+the\s+[a-z]+)?,\s+"
    r"(?:[A-Z][a-z]+\s+(?:of\s+)?){1,5}\([A-Z]{2,8}\),\s+(?=[A-Z])"
)
#: An acronym in brackets that glosses the name before it, where it ends.
_GLOSSED = re.compile(r"\s+\([A-Z]{2,8}\)$")
#: A ``the`` right before where a search ends.
_THE_BEFORE = re.compile(r"\b[Tt]he $")
#: An abbreviation written with full stops: ``U.S.``, ``U.N.``.
_DOTTED = re.compile(r"(?:[A-Z]\.){2,4}")
_ACRONYM = re.compile(r"[A-Z][A-Z&]{1,7}|" + _DOTTED.pattern)
#: An acronym in running text: ``USDA``, ``U.N.``.
_WRITTEN_ACRONYM = re.compile(r"\b(?:[A-Z][A-Z&]{1,7}\b|" + _DOTTED.pattern + ")")
#: ``World Health Organization (WHO)``, ``the Federal Emergency Management Agency, or
#: FEMA,``: the acronym defined right after a name.
_DEFINED = re.compile(r"(?:\s*\(|,\s+or\s+)(?P<acronym>[A-Z][A-Z&]{1,7})(?:\)|\b(?!'))")
#: Words in lower case and the acronym defined for them in brackets: ``the ministry of
#: health (MOH)``.
_LOWER_DEFINED = re.compile(r"\b(?P<words>[a-z]+(?:\s+[a-z]+){1,7})\s*\((?P<acronym>[A-Z]{2,8})\)")
#: ``, an environmental group,``: what the name before it is.
_APPOSITIVE = re.compile(r",\s+(?:a|an|the)\s+(?:[\w'\u2019-]+\s+){0,4}?(?P<noun>[a-z]+),")
#: A bracketed word or three in a dateline: the agency's is the last (``SEOUL, Feb. 5
#: (Yonhap) --``, ``LONDON (Reuters) -``).
_BRACKETED = re.compile(r"\((?P<name>[A-Z][\w.&-]*(?:\s[A-Z][\w.&-]*){0,2})\)")
#: A news agency written as one: ``Yonhap news agency``, ``news service EDaily``.
_NEWS_AGENCY = re.compile(
    r"(?P<before>[A-Z][\w.&'\u2019-]*(?:\s+[A-Z][\w.&'\u2019-]*)*)\s+"
    r"(?P<kind>news\s+agency|wire\s+service|news\s+service)\b"
    r"|\b(?:news\s+agency|wire\s+service|news\s+service),?\s+"
    r"(?P<after>[A-Z][\w.&-]*(?:\s+[A-Z][\w.&-]*)*)"
)
#: A name after the noun of its kind: ``pharmaceutical company Krka``, ``broadcaster
#: "Norvia Radio"``.
_KIND_BEFORE = re.compile(
    r"\b(?P<noun>" + "|".join(ORGANISATION_KINDS) + r")\s+[\"\u201c]?"
    r"(?P<name>[A-Z][\w&.'\u2019-]*(?:\s+[A-Z][\w&.'\u2019-]*)*)"
)
#: A name before the noun of its kind, and which one it is: ``The Norland embassy in
#: Muscat``, named ``Norland embassy in Muscat``, as ``The Acme plant`` is ``Acme plant``.
_KIND_AFTER = re.compile(
    r"\b[Tt]he\s+(?P<name>[A-Z][\w&.'\u2019-]*(?:\s+[A-Z][\w&.'\u2019-]*)*"
    r"(?<!'s)(?<!\u2019s)(?:\s+(?![a-z]+ed\b)[a-z][a-z-]*)?\s+"  # (a word of which one:
    # "The Houthi rebel group"; not after a possessive, nor a verb: "The Norvia Bureau
    # called police")
    r"(?P<noun>" + "|".join(ORGANISATION_KINDS) + r")\b"
    r"(?!\s+(?:" + "|".join(FORCE_UNITS | PREMISES) + r")\b)"  # (the force is "Sør-West police
    # district"; "the Kira police checkpoint" is a place)
    r"(?:\s+(?:in|of)\s+[A-Z][\w&.'\u2019-]*(?:\s+[A-Z][\w&.'\u2019-]*)*)?)"
)
#: A body of state named with where it is: ``The Norland Embassy in the United States``.
_BODY_IN = re.compile(
    r"\b[Tt]he\s+(?P<name>(?:[A-Z][\w&.'\u2019-]*\s+)*"
    r"(?P<noun>" + "|".join(k.title() for k in STATE_BODIES) + r")\s+in\s+"
    r"(?:the\s+)?[A-Z][\w&.'\u2019-]*(?:\s+[A-Z][\w&.'\u2019-]*)*)"
)
#: A name in apposition to a definite description of its kind: ``the band, Eagles of
#: Death Metal posted``, as ``the company, Norvia Motors,``.
_KIND_APPOSED = re.compile(
    r"\b[Tt]he\s+(?P<noun>" + "|".join(ORGANISATION_KINDS) + r"),\s+"
    r"(?P<name>[A-Z][\w&.'\u2019-]*(?:\s+(?:of\s+|and\s+|&\s+)?[A-Z][\w&.'\u2019-]*)*)"
)
#: A club after its league and what sports news calls it: ``Premier League side
#: Arsenal``, ``Serie A outfit Roma``, ``Ligue 1 side Lyon``.
_LEAGUE_SIDE = re.compile(
    r"(?:[A-Z][\w-]*|\d+)\s+(?P<noun>" + "|".join(sorted(CLUB_NOUNS)) + r")\s+"
    r"(?P<name>[A-Z][\w&.'\u2019-]*(?:\s+[A-Z][\w&.'\u2019-]*)*)"
)
#: ``the PKR vice-president, better known as Tian Chua,``, ``his lawyer, Jo Roe,``: a
#: description of a person, its comma and their name.
_KNOWN_AS = re.compile(
    r"(?P<desc>\b(?i:the|a|an|his|her|its|their)\s+(?:[\w.'\u2019-]+\s+){0,4}?[a-z][\w-]*)"
    r",\s+(?:(?:better|also|widely)\s+known\s+as\s+)?"
    r"(?P<name>[A-Z][\w.'\u2019-]*(?:\s+[A-Z][\w.'\u2019-]*)+)(?=,|\s+(?:said|told|added)\b)"
)
#: A job of something written before the name in apposition (``The Commissioner of Police
#: in the state, Mr Jide Ola,``; ``the spokesman of Norland's Defense Ministry General Jo
#: Roe,``; after a comma, also with none after the name: ``The Minister of State for
#: General Duties in the Ministry of Health, Jo Roe has pledged``; also with no ``the``
#: opening its sentence: ``Minister for Home Affairs, Jo Roe has urged``): the job word and
#: the person's name (with what runs on into it).
_JOB_OF_BEFORE_NAME = re.compile(
    r"(?:\b(?i:the)\s+|^|(?<=[.!?]\s))(?:[A-Z][a-z]+\s+)?(?P<job>[A-Za-z][a-z]+)\s+(?:of|for)\s+(?:[\w'\u2019-]+\s+){0,9}?[\w'\u2019-]+"
    r"(?P<comma>,)?\s+(?:(?:Mr|Mrs|Ms|Dr)\.?\s+)?(?P<name>[A-Z][\w.'\u2019-]*(?:\s+[A-Z][\w.'\u2019-]*)+)"
    r"(?(comma)(?:,|(?=\s+[a-z]))|,)"
)
#: A job in capitals, its comma, a person's name and its comma, opening a clause
#: (``Yesterday, Senior Magistrate, Tamika Roe, addressed``; ``Grand Kru County
#: Superintendent, Doris N. Ylatun, told``): the job word and the name.
_JOB_THEN_NAME = re.compile(
    r"(?:^|(?<=,\s)|(?<=[.!?]\s))(?:[A-Z][a-z]+\s+){0,3}(?P<job>[A-Z][a-z]+),\s+"
    r"(?P<name>[A-Z][\w'\u2019-]*(?:\s+[A-Z][\w'\u2019-]*)+),"
)
#: A name, its comma and its job of something (``Roe, the Minister of Trade and
#: Industry,``): the name and the job word.
_JOB_OF_AFTER_NAME = re.compile(
    r"(?<![\w.'\u2019-])(?P<name>[A-Z][\w.'\u2019-]*(?:\s+[A-Z][\w.'\u2019-]*)*),\s+(?i:the)\s+"
    r"(?P<job>[A-Za-z]+)\s+(?:of|for)\s"
)
#: A person's name, its comma and their job for or of someone or something, which that
#: phrase says (``Christian Köberl, spokesman for Graz's Mayor Seigfried Nagl.``).
_JOB_FOR_AFTER_NAME = re.compile(
    r"[A-Z][\w.'\u2019-]*,\s+(?:(?:the|a|an)\s+)?(?:[\w'\u2019-]+\s+){0,3}?"
    r"(?P<job>[a-z][a-z-]*)\s+(?:for|of|to)\s+(?P<whose>[^,.;:\n]{1,80})"
)
#: A job in lower case of two words or more right before a person's name (``area deputy
#: county commissioner Mathew Wambugu``).
_LOWER_JOB_BEFORE_NAME = re.compile(
    r"(?<![\w-])(?P<job>(?:[a-z]+\s+){1,3}[a-z]+)\s+"
    r"(?P<name>[A-Z][\w'\u2019-]*(?:\s+[A-Z][\w'\u2019-]*)+)"
)
#: A person's name and the firm they are from, named by its people's job (``Stephen
#: Scully from Lanyon Bowdler Solicitors``): a solicitor.
_OF_A_FIRM = re.compile(
    r"(?P<name>[A-Z][\w'\u2019-]+(?:\s+[A-Z][\w'\u2019-]+)+)\s+(?:from|of|at)\s+(?:the\s+)?"
    r"(?:[A-Z][\w&'\u2019-]*\s+){1,4}(?P<jobs>[A-Z][a-z]+s)\b"
)
#: A document and who gave it out: ``the latest situation report released by the NHA``,
#: ``a statement issued by the Norland Federation``, ``... by the Quetta commissioner's
#: office`` (an organisation's kind in lower case after its capitals, as ``Acme plant``).
_GIVEN_BY = re.compile(
    r"\b(?P<document>(?i:" + "|".join(sorted(DOCUMENT_NOUNS)) + r"))\s+"
    r"(?:released|issued|published|put\s+out|done|prepared|compiled|submitted|provided)"
    r"(?:\s+on\s+[A-Z][a-z]+(?:\s+(?:morning|afternoon|evening|night))?)?"  # (when: "on Tuesday")
    r"(?:\s+to\s+(?:the\s+)?\w+)?\s+by\s+"  # ("figures submitted to the board by X")
    r"(?P<name>(?:the\s+)?[A-Z][\w&.'\u2019-]*(?:"
    + _NOT_PAST_A_STOP
    + r"\s+(?:(?:of|for|and|&)\s+)?[A-Z][\w&.'\u2019-]*)*"
    + r"(?:(?:\s+[a-z][\w'\u2019-]*)?\s+(?:"
    + "|".join(sorted(ORGANISATION_KINDS))
    + r")\b)?)"
)
#: A job in lower case and its holder's name after an organisation's (``NPD spokeswoman
#: Berla Savel``): the person.
_HOLDER_AFTER = re.compile(
    r"\s+(?P<job>[a-z]+)\s+(?P<name>[A-Z][\w.'\u2019-]*(?:"
    + _NOT_PAST_A_STOP
    + r"\s+[A-Z][\w'\u2019-]*)+)"
)
#: A name that says something of itself as ``it`` or has a ``which`` (``Norvia Paper
#: said it has asked``, ``Unitra, which represents the workers,``): a thing's.
_SAID_IT = re.compile(
    r"\b(?P<name>[A-Z][\w&'\u2019-]*(?:\s+[A-Z][\w&'\u2019-]*)*)"
    r"(?:,\s+which\b|\s+(?:said|says|added)\s+(?:that\s+)?it\b)"
)
#: A one-word name that says something of itself as ``he`` or ``she`` (``Jones said he
#: had seen``): a person's, whom a later ``he`` may refer to.
_SAID_HE = re.compile(
    r"\b(?P<name>[A-Z][a-z'\u2019-]+)\s+(?:said|says|told\s+\w+|added)\s+(?:that\s+)?"
    r"(?P<pronoun>he|she)\b"
)
#: Where a group's head noun ends: ``Residents of the village``, ``officials at the
#: ministry``; a group's own nouns, whose people follow their ``of``.
_GROUP_CUT = {"of", "at", "from", "in", "for", "with", "who", "on"}
_COLLECTIVE = {"group", "team", "panel", "delegation", "crowd", "body"}
#: ``the company``, ``the state's health ministry``, ``police``, ``his club``.
_DESCRIPTION = re.compile(
    r"(?P<the>(?i:the|his|her|its|their)\s+(?:[\w.'\u2019-]+\s+){0,3})?(?P<noun>[A-Za-z]+)"
)


def _sex(description: str) -> str | None:
    """The pronoun of a description of someone by sex (``A 45-year-old woman from Norton``:
    ``she``; :data:`GENDERED_PEOPLE`), None for any other mention."""
    head = _description_head(description)
    if not is_description(head):
        return None
    return GENDERED_PEOPLE.get(head.split()[-1].lower())


def _description_head(name: str) -> str:
    """A description's words up to the phrase after its head (``A spokesperson with the
    airport`` -> ``A spokesperson``)."""
    words = name.split()
    cut = next((k for k, w in enumerate(words) if k > 1 and w in _GROUP_CUT), len(words))
    return " ".join(words[:cut])


def _kind(noun: str) -> str:
    """The organisation's kind a noun says: a maker or a retailer is a company
    (:data:`COMPANY_NOUNS`), a side or an outfit a club (:data:`CLUB_NOUNS`)."""
    if noun in COMPANY_NOUNS:
        return "company"
    return "club" if noun in CLUB_NOUNS else noun


def _proper_words(run: str) -> list[str]:
    """The words of a capitalised run without the sentence's first words that are no
    part of a name (``On``, ``The``, ``Monday``), nor the words before a ``The`` inside
    it, which opens a name of its own (a headline run into its story: ``Police find cars
    in Tamale The Savanna Regional Police Command has confirmed``), and without a
    closing possessive or full stop (but an abbreviation's: ``Apple Inc.``, ``U.S.``),
    nor a title's abbreviation that closes it (``Norland Police Asst.`` before
    ``Commissioner Jo Roe``: its full stop ends the run, and the title is the person's,
    no word of the organisation's name)."""
    words = run.split()
    the = [k for k, w in enumerate(words[1:-1], 1) if w == "The"]
    words = words[the[-1] + 1 :] if the else words  # "in Tamale The Savanna Police Command"
    while words and (words[0].lower() in SENTENCE_OPENERS or words[0].lower() in CALENDAR):
        words.pop(0)
    if len(words) > 1 and words[-1].endswith(".") and words[-1][:-1].lower() in TITLE_ABBREVIATIONS:
        words.pop()
    if words:
        last = words[-1].replace("\u2019", "'").removesuffix("'s").rstrip(",'")
        if last.rstrip(".").lower() not in NAME_ABBREVIATIONS and "." not in last[:-1]:
            last = last.rstrip(".")
        words[-1:] = [last] if last else []
    return words


def _defined(text: str, run: re.Match[str], words: list[str], acronym: str) -> str | None:
    """What an acronym in brackets after a run of capitalised words stands for: the end of
    the run its initials make (:func:`_expansion`), else the run whose initials it has in
    another order (``Judiciary Police (PJ)``), else, after a ``the``, the whole run of
    an office's or an organisation's name, the initials of its own language's (``The State
    of Mexico Attorney General (PGJEM)``); None for none (a person's name: ``Jo Roe
    (SNP)``)."""
    expansion = _expansion(words, acronym)
    if expansion is None and sorted(initials(" ".join(words))) == sorted(acronym):
        return " ".join(words)  # "Judiciary Police (PJ)": its letters in its language's order
    the = run.group().startswith("The ") or _THE_BEFORE.search(text, 0, run.start())
    if expansion is not None or len(acronym) < 3 or not the:
        return expansion
    office = _is_title(words[-1]) or any(w.lower() in NON_PERSON_WORDS for w in words)
    return " ".join(words) if office else None


def _expansion(words: list[str], acronym: str) -> str | None:
    """The end of a name whose initials make ``acronym`` (or begin it: ``Centers for
    Disease Control and Prevention (CDC)``)."""
    starts = [k for k, w in enumerate(words) if w[:1].isupper()]
    for k in starts:
        if initials(" ".join(words[k:])) == acronym:
            return " ".join(words[k:])
    for k in starts:
        if initials(" ".join(words[k:])).startswith(acronym):
            return " ".join(words[k:])
    return None


@lru_cache(maxsize=65536)
def _spelt_out(name: str, letters: str) -> str | None:
    """The words of a name, from a capitalised one on, whose initials are ``letters``
    (kept: every acronym of an article asks it of every name before it)."""
    words = name.split()
    for k, first in enumerate(words):
        for end in range(k + 2, len(words) + 1) if first[:1].isupper() else ():
            if initials(" ".join(words[k:end])) == letters and words[end - 1][:1].isupper():
                return " ".join(words[k:end])
    return None


def is_acronym(word: str) -> bool:
    """Whether a word is an acronym (``WHO``, ``CNOOC``, ``U.N.``)."""
    return bool(_ACRONYM.fullmatch(word))


def is_job_name(name: str) -> bool:
    """Whether a capitalised name is a job's (``Deputy Commissioner of Police``, ``Public
    Relations Officer``): the word that says what it is, before its ``of`` or last, is a
    title."""
    words = name.split()
    head = next((words[k - 1] for k, w in enumerate(words[1:], 1) if w in ("of", "for")), None)
    return _is_title(head or words[-1]) if words else False


def _heads(words: list[str]) -> set[str]:
    """The words of an organisation's name that say what it is: the one before ``of``
    (``Ministry of Health``), else the last two (``Springfield Police Department``), a
    union's local and its number aside (``United Steelworkers Local 1375``)."""
    for k, w in enumerate(words[1:], 1):
        if w in ("of", "for"):
            return {words[k - 1]}
    if len(words) > 3 and words[-2] == "local" and words[-1].isdigit():
        words = words[:-2]
    return set(words[-2:])


def _head_words(words: list[str]) -> list[str]:
    """The words of an organisation's name up to its ``of`` or ``for`` (``Coalition for
    Clean Air``: ``Coalition``), else all of them."""
    cut = next((k for k, w in enumerate(words) if k and w in ("of", "for")), len(words))
    return words[:cut]


def _without_article(name: str) -> str:
    """A proper name without its leading article: ``The WHO`` -> ``WHO``, ``the Acme
    plant`` -> ``Acme plant``; ``the company`` stays, and so does a person an organisation
    has by a job (``a Norvia spokesperson``) and any other ``a`` or ``an`` before a noun
    in lower case (``a Norlandic PR company``): a description."""
    words = name.split()
    if (
        len(words) > 1
        and words[0].lower() in ("a", "an")
        and (_is_title(words[-1]) or words[-1].islower())
    ):
        return name
    if len(words) > 1 and words[0].lower() in _ARTICLES and words[1][:1].isupper():
        return " ".join(words[1:])
    return name


def _acronym_of(name: str) -> str | None:
    """The acronym a name is, also after lower-case words of how or which it is (``an
    irked CJ``, ``the opposition NFP``); None for no acronym."""
    words = name.split()
    if not words or not _ACRONYM.fullmatch(words[-1]):
        return None
    return words[-1] if all(w.islower() for w in words[:-1]) else None


def _undated(name: str) -> str:
    """A name without the day of the week written after it, when it spoke (``Norvia Bank
    Friday countered``: ``Norvia Bank``)."""
    words = name.split()
    while len(words) > 1 and words[-1].lower() in WEEKDAYS and words[-2][:1].isupper():
        words.pop()
    return " ".join(words) if len(words) < len(name.split()) else name


def _first_of_two(name: str) -> str:
    """Of two organisations ``and`` joins, each named in full with the same word of what
    it is, the first (``Ford Foundation and Norvia Foundation`` -> ``Ford Foundation``,
    as of two people ``and`` joins); one name ``and`` is inside stays whole (``Phoenix
    Police and Fire Department``, ``Ministry of Lands and Natural Resources``). An
    ``and the`` before a second organisation's name joins two too (``Ministry of Health
    and Population and the Joint Technical Committee`` -> ``Ministry of Health and
    Population``; not ``Ministry of Culture and the Arts``), also past the first one's
    acronym in brackets (``Public Security Department (PSD) and the Gendarmerie
    Department`` -> ``Public Security Department``)."""
    if not name.split():
        return name  # (what a mention settles to may be nothing: "'' the report")
    before, *after = _AND_THE.split(name, maxsplit=1)
    before = _GLOSSED.sub("", before)  # "Public Security Department (PSD) and the ..."
    if after and _organisation_named(before) and _organisation_named(after[0]):
        return before
    first, *rest = _AND.split(name)
    words = first.split()
    last = name.split()[-1]
    two = rest and len(words) > 1 and words[-1] == last and last.lower() in NON_PERSON_WORDS
    return first if two and words[0][:1].isupper() else name


def _organisation_named(name: str) -> bool:
    """Whether a name is capitalised and has a word of an organisation's
    (:data:`NON_PERSON_WORDS`) at its end or before its ``of`` (``Ministry of Health``)."""
    words = name.split()
    head = words[: words.index("of")] if "of" in words else words
    return bool(head) and name[:1].isupper() and head[-1].lower() in NON_PERSON_WORDS


def _unbased(name: str) -> str:
    """A proper name without where it is based before it: ``Geneva-based World Health
    Organization`` -> ``World Health Organization``."""
    words = name.split()
    if len(words) > 1 and words[0].lower().endswith("-based") and words[1][:1].isupper():
        return " ".join(words[1:])
    return name


def _unowned(name: str) -> str:
    """An organisation's name of a body ``of`` something without the country or place it
    is written as belonging to: ``South Sudan's Ministry of Agriculture`` -> ``Ministry
    of Agriculture``, also with words of how it is between: ``the North's official
    Norland Central News Agency`` -> ``Norland Central News Agency``), also a body of
    state named with no ``of`` (``Norland's Foreign Affairs Ministry`` -> ``Foreign
    Affairs Ministry``, ``Ukraine’s National Police`` -> ``National Police``; ``Sheriff's
    Department``, with no words of its own, stays), the possessive in capitals or not
    (``NORLAND'S``: case makes no new possessive); a company named by a possessive keeps
    it (``Moody's Investors Service``, ``McDonald's Corp``); also a place's in lower case
    after ``the`` (``the region's Home Department`` -> ``Home Department``)."""
    words = [
        w.removesuffix("'S") + "'s" if w.endswith("'S") else w
        for w in name.replace("\u2019", "'").split()
    ]
    if (
        len(words) > 3
        and words[0].lower() == "the"
        and words[1].endswith("'s")
        and words[1].islower()
    ):
        owned_by = " ".join(name.split()[1:])  # ("the region's": whose)
        return unowned if (unowned := _unowned(owned_by)) != owned_by else name
    owned = len(words) > 2 and words[0].endswith("'s")
    if owned and words[-1].lower() in NATIONAL_BODIES and words[1][:1].isupper():
        return " ".join(name.split()[1:])
    if len(words) > 2 and words[0].endswith("'s") and words[1].islower():
        rest = list(dropwhile(str.islower, words[1:]))
        if len(rest) > 1 and rest[-1].lower() in NON_PERSON_WORDS:
            return " ".join(name.split()[len(words) - len(rest) :])
    for k, w in enumerate(words[:-2]):
        body, of = words[k + 1], words[k + 2]
        if w.endswith("'s") and body.istitle() and body.lower() in NON_PERSON_WORDS:
            if of in ("of", "for"):
                return " ".join(name.split()[k + 1 :])
    return name


def named_source(name: str) -> str:
    """The source a document names: ``a statement from X`` (``information from X``, with no
    article; ``an email to our newsroom from X``), ``X's report`` and ``the X report``,
    ``new X research`` or, with no article, ``Chamber of Mines data`` name ``X``
    (:func:`name_key` gives the first three one key); anything else is itself."""
    words = name.replace("\u2019", "'").split()
    k = next((k for k in range(len(words) - 1, 0, -1) if words[k].lower() in DOCUMENT_NOUNS), 0)
    after = words[k + 1 :]
    if (
        not k
        and words[:1]
        and words[0] in DOCUMENT_NOUNS | {"information"}
        and after[:1] == ["from"]
    ):
        return " ".join(after[1:]) or name  # "information from X", with no article
    leading = words[0].lower() in _ARTICLES or words[0].islower()  # "the", "a", "new"
    giver = words[:k]
    if k > 1 and not after and words[k].islower() and _capitalised_name(giver):
        return " ".join(giver)  # "Chamber of Mines data" (not "Official figures", nor an
        # owner's: "The Acme Corporation's report")
    if not k or not leading and not any("'" in w for w in giver):
        return name
    if after[:1] == ["to"] and "from" in after:
        after = after[after.index("from") :]  # "an email to our newsroom from X": whom it
        # went to is no source
    if len(after) > 1 and after[0].lower() in ("from", "by", "of"):
        return " ".join(after[1:])  # "a statement from X"
    if after:
        return name
    owner = next((j for j in (k - 1, k - 2) if j >= 0 and words[j].endswith(("'s", "'"))), None)
    if owner is not None:  # "the WHO's report", "Okafor's new report"
        return " ".join([*words[:owner], words[owner].removesuffix("'s").rstrip("'")])
    named = next((j for j in range(1, k) if words[j][:1].isupper()), k)
    if named < k and all(w.islower() or w.lower() in _ARTICLES for w in words[:named]):
        given = k
        while given - 1 > named and words[given - 1].islower():
            given -= 1  # "A Maquoketa Fire/Rescue press release": how it went out; "the
            # National Weather Service damage surveys": what they are of
        return " ".join(words[named:given])  # "the WHO report", "new UC Riverside research"
    return name


def _shouted(words: list[str]) -> bool:
    """Whether a name has a word in upper case that is no acronym's (``CHESHIRE Police``)."""
    return any(len(w) > 3 and w.isupper() for w in words)


def _capitalised_name(words: list[str]) -> bool:
    """Whether words are a name in capitals, its small words aside (``Chamber of Mines``),
    with no article before it nor a possessive."""
    return (
        words[0].lower() not in _ARTICLES
        and words[0][:1].isupper()
        and all((w[:1].isupper() or w in _MINOR) and "'" not in w for w in words)
    )


def _broadcaster(name: str) -> str:
    """A broadcaster's name without its medium written after it in lower case (``NHK
    television``, ``KTV public television`` -> ``NHK``, ``KTV``), a news agency's without
    its kind (``PA news agency`` -> ``PA``); a nationality before it is no broadcaster's
    name (``Norlandic state radio`` stays)."""
    agency = _NEWS_AGENCY.fullmatch(name)
    if agency and agency["before"]:
        return agency["before"]
    words = name.split()
    k = len(words)
    if k < 2 or words[-1] not in BROADCAST_MEDIA:
        return name
    k -= 1
    while k > 1 and words[k - 1] in BROADCAST_KINDS:
        k -= 1
    named = words[:k]
    if not all(w[:1].isupper() for w in named) or _NATIONALITY.fullmatch(named[-1]):
        return name
    return " ".join(named)


def _particles_folded(words: list[str] | tuple[str, ...]) -> tuple[str, ...]:
    """A name's words with its surname's particles in lower case: ``Ten Hag`` is the end
    of ``Erik ten Hag``; its apostrophes one (``Auapa'au`` is ``Auapa\u2019au``)."""
    return tuple(
        w.lower() if w.lower() in NAME_PARTICLES else w.replace("\u2019", "'") for w in words
    )


#: :func:`_particles_folded` of a registered name, once (``fullest`` reads every one).
_folded = lru_cache(maxsize=4096)(_particles_folded)


def _reordered(full: tuple[str, ...], words: tuple[str, ...]) -> bool:
    """Whether ``words`` are two or more of the words of a longer name in another order:
    a given name before the family name it follows in full (``Chua Tian Chang``, better
    known as ``Tian Chua``; ``Kyung-wha Kang``)."""
    return len(words) >= 2 and len(set(words)) == len(words) and set(words) < set(full)


def _with_middle_names(full: tuple[str, ...], words: tuple[str, ...]) -> bool:
    """Whether ``words`` are ``full`` without some of its middle names or initials."""
    if words[:1] != full[:1] or words[-1:] != full[-1:]:
        return False
    rest = iter(full)
    return all(w in rest for w in words)  # in order: each found after the one before


def is_description(mention: str) -> bool:
    """A mention that names nobody by itself, so another source in each article: its
    words are lower case but for a leading article or determiner (``the company``,
    ``A spokeswoman``, ``the health ministry``), or it is ``police``."""
    words = mention.split()
    if words and words[0].lower() in DETERMINERS:
        words = words[1:]
    return bool(words) and (all(w.islower() for w in words) or mention.lower() == "police")


def is_pronoun(mention: str) -> bool:
    return mention.strip().lower() in PRONOUNS


def resolve_name(
    mention: str,
    attributions: list[Attribution],
    pos: int | None = None,
    this: Attribution | None = None,
    names: dict[str, str] | None = None,
    by_last: dict[str, str] | None = None,
) -> str:
    """The name a mention stands for, for attribution ``this``. A pronoun keeps the
    person it refers to, as the suggester resolves it: ``he`` or ``she`` the named
    speaker of the nearest other attribution before ``pos``; any pronoun, else, the
    name ``this`` already has. A name loses its titles (``Dr. Musadiq Malik``), and a
    surname or short name becomes the fullest name already given to a speaker that
    ends with its last word (``Stanovaya`` -> ``Tatiana Stanovaya``; ``by_last``:
    :func:`names_by_last_word` of the attributions, when already made), else the
    fullest name in the text that ends with it (``names``, from :func:`full_names`).
    Else the mention as written: so a description, which is no short name (``a release``
    is not ``the release`` of another quote)."""
    words = mention.split()
    if not words:
        return mention
    if is_pronoun(mention):
        if mention.strip().lower() in PERSONAL:
            before = next(
                (
                    a.speaker_name
                    for a in reversed(attributions)
                    if a.speaker_name
                    and not is_pronoun(a.speaker_name)
                    and (this is None or a.quote != this.quote)
                    and (pos is None or a.quote.start < pos)
                ),
                None,
            )
            if before:
                return before
        own = this.speaker_name if this else None
        return own if own and not is_pronoun(own) else mention.strip()
    if is_description(mention):
        return mention.strip()
    words = _untitled(_appended(words))  # "Dr. Musadiq Malik", "Home Minister Anil Vij"
    written = best = " ".join(words)
    fullest = (by_last if by_last is not None else names_by_last_word(attributions)).get(words[-1])
    if fullest is not None and len(fullest) > len(best):
        best = fullest
    if names is not None and best == written:
        full = names.get(words[-1], best)
        best = full if len(full.split()) > len(words) else best
    return best


def _appended(words: list[str]) -> list[str]:
    """A mention's words, or the person's name appended to a description after its last
    comma (``His lawyer, James Okafor``; ``DCP of West Zone, S. M. Vijay Kumar``): two
    capitalised words or more, none an organisation's or a place's."""
    text = " ".join(words)
    after = text.rsplit(",", 1)[1].split() if "," in text else []
    return after if _person_words(after) else words


#: Words before a job's name of how it is held: ``Acting Inspector General of Police``.
_HELD_AS = ("Acting ", "Interim ")


def _unplaced(held: str, job: str) -> str:
    """A job's name without one word before it of where or whose it is, where the rest is
    ``job`` (``Dehradun Senior Superintendent of Police``), not a title (``Deputy
    Superintendent of Police`` is another job)."""
    first, _, rest = held.partition(" ")
    return rest if rest == job and not _is_title(first) else held


def _unqualified(name: str) -> str:
    """A job's name without the words before it of how it is held (:data:`_HELD_AS`) and
    the nationality before them (``Bulgarian Prime Minister``: ``Prime Minister``)."""
    first, _, rest = name.partition(" ")
    if rest and first in NATIONALITIES:  # (not the pattern's: "Public Relations Officer")
        name = rest
    while name.startswith(_HELD_AS):
        name = name.split(" ", 1)[1]
    return name


def _person_and_body(words: list[str]) -> tuple[list[str], list[str]] | None:
    """A person's name and what they are of, from or at, written after it in one run
    (``Superintendent Jo Roe of the Norvia Police``: ``Jo Roe``, ``Norvia Police``); None
    for a run that is no such pair (``Bank of England``, ``Leader of the Opposition``)."""
    cut = next((k for k, w in enumerate(words) if w in ("of", "from", "at")), None)
    if cut is None:
        return None
    person = _untitled(words[:cut])
    body = list(dropwhile(lambda w: w.lower() == "the", words[cut + 1 :]))
    if not _person_words(person) or any(map(_is_title, person)):  # "Kazakh Minister of"
        return None
    return (person, body) if body and body[-1][:1].isupper() else None


def _person_words(words: list[str]) -> bool:
    """Whether words can be a person's name: two capitalised words or more, none an
    organisation's or a place's."""
    named = all(w[:1].isupper() and w.lower().strip(".") not in NON_PERSON_WORDS for w in words)
    return len(words) >= 2 and named


def names_by_last_word(attributions: list[Attribution]) -> dict[str, str]:
    """The fullest speaker name of the attributions that ends with each word (the
    first of the fullest)."""
    out: dict[str, str] = {}
    for a in attributions:
        last = (a.speaker_name or "").split()[-1:]
        if last and len(a.speaker_name or "") > len(out.get(last[0], "")):
            out[last[0]] = a.speaker_name or ""
    return out


#: A one-word nickname in quotation marks inside a name (``Henry "Hank" Asbill``).
_NICKNAME = re.compile(r' ["\u201c][A-Z][\w.-]*["\u201d]')


def is_nickname(text: str, opening: int, closing: int | None) -> bool:
    """Whether the marks at ``opening`` and ``closing`` of ``text`` hold a nickname: one
    capitalised word between two words of a name (``Henry "Hank" Asbill``)."""
    if closing is None or not _NICKNAME.fullmatch(text, opening - 1, closing + 1):
        return False
    return bool(re.search(r"[A-Z][\w'.-]*$", text[: opening - 1])) and bool(
        re.match(r" [A-Z]", text[closing + 1 :])
    )


#: Capitalised words, a surname's particles between them (``Erik ten Hag``) and a
#: nickname in marks (``Henry "Hank" Asbill``).
_NAME_RUN = re.compile(
    r"[A-Z][\w'.-]*(?:"
    + _NOT_PAST_A_STOP
    + r"(?:"
    + _NICKNAME.pattern
    + r")? (?:(?:"
    + "|".join(sorted(NAME_PARTICLES))
    + r")[ -])*[A-Z][\w'.-]*)+"
)


#: A company's name: capitalised words, ``and`` or ``&`` between them, ending with a
#: legal suffix (``International Truck and Engine Corp.``).
_COMPANY_NAME = re.compile(
    r"[A-Z][\w&.'\u2019-]*(?:\s+(?:(?:and|&)\s+)?[A-Z][\w&.'\u2019-]*)*\s+(?i:"
    + "|".join(sorted(COMPANY_SUFFIXES))
    + r")\b\.?"
)


def _name_runs(text: str) -> Iterator[tuple[int, list[str], str | None]]:
    """Each run of two capitalised words or more, a nickname in marks and its
    titles and the words before them left out (``Home Minister Anil Vij``: ``Anil
    Vij``), so the letters of an honour after it (``Anil Nandlall SC``), and the word a
    job before it is of (``Minister for Planning and Development Asad Umar``: ``Asad
    Umar``), two words left at least, where those start; and the job
    word it was written with (``Minister``), if any; none in a company's name
    (``International Truck and Engine Corp.``)."""
    companies = [c.span() for c in _COMPANY_NAME.finditer(text)]
    for m in _NAME_RUN.finditer(text):
        if any(s <= m.start() < e for s, e in companies):
            continue
        written = _proper_words(_NICKNAME.sub("", m.group()))
        while len(written) > 2 and written[-1].lower() in POST_NOMINALS:
            written.pop()  # "Anil Nandlall SC"
        words = _untitled(written)
        job = next(
            (w for w in reversed(written[: len(written) - len(words)]) if _is_title(w)), None
        )
        before = text[max(0, m.start() - 30 * JOB_REACH) : m.start()].split()[-JOB_REACH:]
        if len(words) > 2 and words == m.group().split() and _job_of_before(before):
            words, job = words[1:], _job_of(before)
        if len(words) >= 2:  # where the name itself starts: its job's name ends before it
            yield m.start() + max(0, m.group().find(words[0])), words, job


def full_names(text: str) -> dict[str, str]:
    """The longest run of capitalised words (titles left out) ending with each word,
    from one pass over the text: ``{"Brown": "Tom Brown"}``, also with each last part
    of a hyphenated surname (``{"Yassin": "K.A. Juman-Yassin"}``)."""
    out: dict[str, str] = {}
    for _, words, _job in _name_runs(text):
        for last in (words[-1], *words[-1].split("-")[1:]):
            if len(words) > len(out.get(last, "").split()):
                out[last] = " ".join(words)
    return out


def article_book(text: str) -> NameBook:
    """An article's :class:`NameBook` read from its text alone, without a parse (a
    paragraph is a line): each paragraph's names, acronyms, kinds and places
    (:meth:`NameBook.add_text`), its runs of capitalised words as full names, with the
    job word each was written with."""
    book = NameBook()
    start = 0
    for line in text.split("\n"):
        book.add_text(start, line)
        for at, words, job in _name_runs(line):
            book.add_name(start + at, words)
            if job is not None and _person_words(words):
                book.add_title(job.lower().rstrip("."), start + at, book.fullest(words, start + at))
        start += len(line) + 1
    return book


def name_in_article(
    mention: str, attributions: list[Attribution], pos: int, this: Attribution | None, text: str
) -> str:
    """The name a mention at ``pos`` of an article's ``text`` stands for, as the
    suggester would name it there: :func:`resolve_name`, then settled by the whole
    article (:meth:`NameBook.settle` of :func:`article_book`), a pronoun's person aside."""
    quoted = sorted((a.quote.start, a.quote.end) for a in attributions)  # (none overlap)
    held = _read(text)[1].job_holder(mention, pos, quoted)
    if held is not None:
        return held
    name = resolve_name(mention, attributions, pos, this, _read(text)[0])
    return name if is_pronoun(mention) else settled_in_article(name, pos, text)


def settled_in_article(name: str, pos: int, text: str) -> str:
    """A name given to a mention at ``pos`` as the whole of the article's ``text``
    resolves it (:meth:`NameBook.settle` of :func:`article_book`): an acronym its
    expansion, a description of an organisation the organisation, a leading article
    and a company's suffix left out. Kept with the book: each ``M`` names the mentions
    near its quote, most of them those the quote before it named."""
    _, book, settled = _read(text)
    found = settled.get((name, pos))
    if found is None:
        found = settled[name, pos] = book.settle(name, pos)
    return found


@lru_cache(maxsize=2)
def _read(text: str) -> tuple[dict[str, str], NameBook, dict[tuple[str, int], str]]:
    """An article's full names and name book, read once for the S presses on it (an
    article's text never changes; neither is changed by a look-up), and the names
    settled in it so far (:func:`settled_in_article`)."""
    return full_names(text), article_book(text), {}


_ARTICLES = {"the", "a", "an"}
_DEFINITE = {"the", "his", "her", "its", "their"}
_REPORT_WORDS = {"report", "statement", "study", "survey", "spokesperson", "spokesman"}
_MINOR = {"of", "for", "and", "the", "on", "in", "to", "&"}


def name_key(name: str) -> str:
    """What two spellings of one name share: case, a leading article, a possessive and a
    trailing "report" (or "statement") do not make a new name: ``The WHO's report``,
    ``the WHO`` and ``WHO`` all give ``who``."""
    words = unicodedata.normalize("NFKC", name).replace("\u2019", "'").casefold().split()
    while len(words) > 1 and words[0] in _ARTICLES:
        words.pop(0)
    if len(words) > 1 and words[-1] in _REPORT_WORDS:
        words.pop()
    if words and words[-1] in {"'s", "'"}:
        words.pop()
    elif words:
        words[-1] = words[-1].removesuffix("'s").rstrip("'")
    return " ".join(words).strip(" .,;:")


@lru_cache(maxsize=65536)
def initials(name: str) -> str:
    """The acronym a name's initials make, small words left out and an abbreviation's
    letters kept: ``World Health Organization`` -> ``WHO``, ``U.S. Department of
    Agriculture`` -> ``USDA``; empty for a one-word name (kept: asked of every name
    before each acronym)."""
    words = [w for w in re.split(r"[\s-]+", name) if w and w.casefold() not in _MINOR]
    letters = [w.replace(".", "") if _DOTTED.fullmatch(w) else w[0] for w in words]
    return "".join(x.upper() for x in letters if x[0].isalpha()) if len(words) > 1 else ""
