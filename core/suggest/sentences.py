"""Two steps of the pipeline around its parser: no sentence starts after the full stop
of an abbreviation that does not end one there (docs/adr/0048), nor after a short bracket
that glosses a name (``Prime Minister (PM) Ana Ruiz``: docs/adr/0074). Before the
parser, the word after it is marked as no sentence start, which the parser keeps while it
parses; after it, a sentence it still starts there (a word it left without a head at the
end) joins the sentence before. The tokens never change, only the parse's sentence
bounds."""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

from core.suggest.lexicon import (
    CALENDAR,
    DAY_ABBREVIATIONS,
    NAME_ABBREVIATIONS,
    NUMBER_ABBREVIATIONS,
    PLACE_ABBREVIATIONS,
    PRONOUNS,
    SENTENCE_OPENERS,
    TITLE_ABBREVIATIONS,
    WEEKDAYS,
)

if TYPE_CHECKING:
    from spacy.tokens import Doc

#: The steps' names in the pipeline: before the parser and after it.
MARK = "quotelab_abbreviations"
JOIN = "quotelab_abbreviations_joined"
#: Where :func:`mark` made an abbreviation and its stop one token, in the
#: ``Doc.user_data`` of a doc with such an abbreviation (none: a doc with none).
_MERGED = "quotelab_merged_abbreviations"
#: Every abbreviation as a token may spell it, with its stop and without (as the
#: tokenizer splits it): lower case, capitalised and upper case.
_FORMS = [
    form + stop
    for word in TITLE_ABBREVIATIONS
    | PLACE_ABBREVIATIONS
    | NUMBER_ABBREVIATIONS
    | NAME_ABBREVIATIONS
    | DAY_ABBREVIATIONS
    for form in (word, word.capitalize(), word.upper())
    for stop in ("", ".")
]


@lru_cache(maxsize=1)
def _orths() -> frozenset[int]:
    """The tokens' ``ORTH`` ids of :data:`_FORMS`: a doc with none (most paragraphs) is
    passed over by its array of ids, with no token looked at."""
    from spacy.strings import hash_string  # type: ignore[attr-defined]

    return frozenset(hash_string(form) for form in _FORMS)


def _goes_on(abbreviation: str, after: str) -> bool:
    """Whether the word ``after`` an abbreviation's full stop (``abbreviation`` without
    it) goes on with its sentence: a name after a capitalised title or place (a word
    that plainly opens a sentence, ``The`` or ``However``, opens one; after a place, a
    pronoun too: ``on Main St. He said``), a number after a month or ``No.``, a word in
    lower case after a name's or a company's (``Jo Roe Sr. said``, ``Acme Inc. said``)."""
    word = abbreviation.lower()
    if word in NUMBER_ABBREVIATIONS:
        return after[:1].isdigit()
    if word in DAY_ABBREVIATIONS:  # "on Sat. July 25th" (not "the boy sat. July ...")
        dated = after[:1].isdigit() or after.lower() in CALENDAR - WEEKDAYS
        return abbreviation[:1].isupper() and dated
    if word in NAME_ABBREVIATIONS:
        return after[:1].islower()  # "Barry Thompson Sr. said", "Acme Inc. said"
    if not (abbreviation[:1].isupper() and after[:1].isupper()):
        return False
    opens = after.lower() in SENTENCE_OPENERS
    if word in TITLE_ABBREVIATIONS:
        return not opens  # "Dr. He Jiankui": a title is never a sentence's last word
    return word in PLACE_ABBREVIATIONS and not opens and after.lower() not in PRONOUNS


def goes_on_after(doc: Doc, i: int) -> bool:
    """Whether token ``i`` is such an abbreviation's full stop, and the word after it goes
    on with its sentence: the abbreviation with its stop (``Dr.``, ``Jan.``) or the stop
    the tokenizer split from it (``Sgt``, ``.``)."""
    word = doc[i].text
    if i + 1 >= len(doc) or not word.endswith(".") or not doc[i].whitespace_:
        return False
    if word != ".":
        return _goes_on(word[:-1], doc[i + 1].text)
    before = doc[i - 1] if i else None
    return before is not None and not before.whitespace_ and _goes_on(before.text, doc[i + 1].text)


def _going_on(doc: Doc) -> list[int]:
    """The words that go on with the sentence of the abbreviation before them."""
    forms = _orths()
    out = []
    for i, orth in enumerate(doc.to_array("ORTH").tolist()):
        if orth in forms:
            stop = i if doc[i].text.endswith(".") else i + 1
            if stop + 1 < len(doc) and goes_on_after(doc, stop):
                out.append(stop + 1)
    return out


def goes_on_after_bracket(doc: Doc, i: int) -> bool:
    """Whether the word after token ``i``, a closing bracket, goes on with the sentence
    of a short bracket that glosses the name before it (``Prime Minister (PM) Ana Ruiz
    will``: the parser ends a sentence at the bracket and cuts the clause there): one of
    at most three words, opened after a word that is not in capitals (``WASHINGTON (AP)
    The``: a dateline's), before a capitalised word that does not plainly open a
    sentence."""
    if doc[i].text != ")" or i + 1 >= len(doc):
        return False
    after = doc[i + 1].text.lower()
    opening = next((j for j in range(i - 1, max(i - 5, 0), -1) if doc[j].text == "("), None)
    return (
        opening is not None
        and doc[opening - 1].is_alpha
        and not doc[opening - 1].is_upper
        and doc[i + 1].text[:1].isupper()
        and after not in SENTENCE_OPENERS
        and after not in PRONOUNS
    )


def _after_brackets(doc: Doc) -> list[int]:
    """The words that go on with the sentence of the bracket closed right before them
    (:func:`goes_on_after_bracket`)."""
    if ")" not in doc.text:  # (most paragraphs: no token looked at)
        return []
    return [t.i + 1 for t in doc if t.text == ")" and goes_on_after_bracket(doc, t.i)]


def mark(doc: Doc) -> Doc:
    """Before the parser: each abbreviation whose stop the tokenizer split from it, of
    those, made one token with it for the parse (``Ste.`` as the parser learned it: a
    lone stop makes it cut the tree there, ``Sault Ste`` apart from ``Marie``; :func:`join`
    splits them again), and each word after one, or after a short bracket that glosses a
    name, marked as no sentence start."""
    going_on = _going_on(doc)
    if not going_on and not _after_brackets(doc):
        return doc
    cut = [i - 2 for i in going_on if doc[i - 1].text == "."]
    if cut:
        with doc.retokenize() as retokenizer:
            for i in cut:
                retokenizer.merge(doc[i : i + 2])
        going_on = _going_on(doc)
    doc.user_data[_MERGED] = [i - n for n, i in enumerate(cut)]
    for i in going_on + _after_brackets(doc):
        doc[i].is_sent_start = False
    return doc


def join(doc: Doc) -> Doc:
    """After the parser: the tokens :func:`mark` made one split again (the stop hangs
    from the abbreviation as ``punct``), and a sentence that the parser starts at such
    a word all the same (one it left without a head at the end) hangs from the root of
    the sentence before, as an unlabelled dependent (``dep``), so that the two are one
    sentence; the rest of the parse stays as it is."""
    merged = doc.user_data.pop(_MERGED, None)
    if merged is None:  # (no such abbreviation or bracket in it)
        return doc
    if merged:
        with doc.retokenize() as retokenizer:
            for i in merged:
                t = doc[i]
                retokenizer.split(
                    t,
                    [t.text[:-1], "."],
                    heads=[t.head, (t, 0)],
                    attrs={
                        "DEP": [t.dep_, "punct"],
                        "POS": [t.pos_, "PUNCT"],
                        "TAG": [t.tag_, "."],
                    },
                )
    for i in _going_on(doc) + _after_brackets(doc):
        if doc[i].is_sent_start:
            root = doc[i].sent.root
            root.head = doc[i - 1].sent.root
            root.dep_ = "dep"
    return doc
