"""Speaker choices for manual edits: candidate mentions near a quote (the M key), each
with the name it stands for (:func:`core.suggest.names.resolve_name`). Works on stored
tokens, without spaCy."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass

from core.model import Attribution, Span, SpeakerKind
from core.suggest.lexicon import (
    CALENDAR,
    COMPANY_NOUNS,
    CUE_VERBS,
    DETERMINERS,
    ISSUED_NOUNS,
    ORGANISATION_KINDS,
    PERSONAL,
    PRONOUNS,
    SENTENCE_OPENERS,
    TITLE_ABBREVIATIONS,
    TITLES,
)
from core.suggest.marks import ALL_MARKS, CLOSING_MARKS
from core.suggest.names import (
    full_names,
    is_description,
    is_pronoun,
    names_by_last_word,
    resolve_name,
    settled_in_article,
)
from core.suggest.registry import guess_kind, looks_like_person
from core.tokens import Tokens

#: How far from the quote (in characters) mentions are looked for.
REACH = 3000
#: ... and descriptions (ADR 67): one farther is most often somebody else's, and naming
#: each costs what naming a run of capitals does.
DESCRIPTION_REACH = 600
_MARKS = frozenset(ALL_MARKS)
_CLOSING = frozenset(CLOSING_MARKS)
_SENTENCE_END = {".", "!", "?", ":"} | _MARKS
#: What may stand between two runs of capitalised words of one name (a title, a body).
_JOINING = frozenset({" of ", " of the ", " for ", " and ", " & "})


@dataclass(frozen=True)
class Candidate:
    """A mention that could be a quote's speaker, with the name it stands for, and
    whether it is a description :func:`candidates` found by its head word alone (its
    name is no name to offer for another mention)."""

    span: Span
    name: str
    person: bool
    described: bool = False


def _is_person(mention: str, name: str, known: set[str]) -> bool:
    """A guess without a parser: a personal pronoun, or, written with a capital (another
    quote's speaker "the response" is no person), a known person (or a surname of one)
    or a name :func:`core.suggest.registry.looks_like_person` takes for one."""
    if mention.lower() in PERSONAL:
        return True
    if not mention[:1].isupper():
        return False
    return mention in known or name in known or looks_like_person(mention)


#: People taken together, as a source (``officials say``).
_PEOPLE = frozenset(
    "officials authorities police residents witnesses neighbors neighbours experts "
    "investigators prosecutors organisers organizers researchers officers government "
    "court jury prosecution family".split()
)
_NO_HEAD = frozenset(  # of TITLES, the words that only go before one
    "vice prime foreign defense defence interior finance economy trade health former "
    "acting interim senior associate private general assistant".split()
)
_JOBS = frozenset(w for w in TITLES if w.isalpha() and len(w) > 3) - _NO_HEAD
_PEOPLE_HEADS = _JOBS | {w + "s" for w in _JOBS} | _PEOPLE
#: The words a description of a source ends in: a job, people taken together, a kind of
#: body, what is issued and says something itself (``the minister``, ``US officials``,
#: ``the agency``, ``a statement``; docs/adr/0067).
DESCRIPTION_HEADS = _PEOPLE_HEADS | ORGANISATION_KINDS.keys() | COMPANY_NOUNS | ISSUED_NOUNS
_POSSESSIVES = frozenset({"'s", "\u2019s"})
_DESCRIPTION_WORDS = 4  # the most words before its head


class Mentions:
    """Where an article's tokens could name a speaker: its capitalised words and its
    pronouns, and the heads of its descriptions (:data:`DESCRIPTION_HEADS`), found a
    chunk of tokens at a time as quotes ask for them, and kept (an article's text and
    tokens never change; which of them lie inside quotes is left to
    :func:`candidates`, as quotes do change)."""

    CHUNK = 1024  # tokens

    def __init__(self, text: str, tokens: Tokens) -> None:
        self.text, self.tokens = text, tokens
        self._chunks: dict[int, tuple[list[tuple[int, bool]], list[int]]] = {}

    def between(self, lo: int, hi: int) -> Iterator[tuple[int, bool]]:
        """(token index, capitalised) of each capitalised word (else a pronoun) among
        tokens lo..hi, in text order."""
        for k in range(lo // self.CHUNK, hi // self.CHUNK + 1):
            for i, capital in self._chunk(k)[0]:
                if lo <= i <= hi:
                    yield i, capital

    def heads(self, lo: int, hi: int) -> Iterator[int]:
        """The token index of each description's head among tokens lo..hi, in order."""
        for k in range(lo // self.CHUNK, hi // self.CHUNK + 1):
            yield from (i for i in self._chunk(k)[1] if lo <= i <= hi)

    def _chunk(self, k: int) -> tuple[list[tuple[int, bool]], list[int]]:
        found = self._chunks.get(k)
        if found is None:
            text, first = self.text, k * self.CHUNK
            marked, heads = [], []
            for i, (start, end) in enumerate(self.tokens.bounds[first : first + self.CHUNK]):
                word = text[start:end]
                lower = word.lower()
                if word.islower() and lower in DESCRIPTION_HEADS:
                    heads.append(first + i)
                if word[:1].isupper() and word.replace(".", "").isalpha():
                    marked.append((first + i, True))
                elif lower in PRONOUNS:
                    marked.append((first + i, False))
            found = self._chunks[k] = (marked, heads)
        return found


def candidates(
    text: str,
    tokens: Tokens,
    attributions: list[Attribution],
    quote: Span,
    non_body: list[Span] | None = None,
    mentions: Mentions | None = None,
    kinds: Mapping[str, SpeakerKind] | None = None,
    subjects_only: bool = False,
) -> list[Candidate]:
    """Mentions that could be the speaker of ``quote``: other attributions' speakers,
    and runs of capitalised words and pronouns outside quotes and outside non-body text
    (headline, related-article lines), within ``REACH`` characters of it, descriptions
    within ``DESCRIPTION_REACH`` (:func:`_descriptions`), and the
    subjects of its cue and of the cue words beside it (:func:`cue_subjects`); each but
    a pronoun and another quote's speaker named as the whole article names it (as ``S``
    and the import do: :func:`core.suggest.names.settled_in_article`; the review gives
    as ``text`` the article's :meth:`~core.model.Article.body_text`, so no name comes
    from a headline or a related-article line). Those
    subjects come first, then the mentions beside it; then the other mentions but
    descriptions, then those: people first, those in its sentence first
    (:func:`quote_sentence`), nearest first; then other nouns, the same way.
    ``mentions``: the article's, kept from an earlier call (else found here).
    ``subjects_only``: the runs, pronouns and descriptions left out (the first candidate is the same
    when it is a subject of a cue: what ``Q`` takes, in a fraction of the time).
    ``kinds``: the kind of each speaker name the corpus knows (else guessed from the
    name): only people rank as people."""
    found: dict[Span, str] = {}
    reach = Span(max(0, quote.start - REACH), quote.end + REACH)
    near = [a for a in attributions if a.quote.overlaps(reach)]  # (a long article has many)
    this = next((a for a in near if a.quote == quote), None)
    lo, hi = tokens.covering(reach.start, reach.end)
    names = full_names(text[tokens[lo][0] : tokens[hi][1]]) if lo <= hi else {}
    for a in near:
        if a.speaker is not None:
            found.setdefault(a.speaker, a.speaker_name or text[a.speaker.start : a.speaker.end])
    quotes = sorted(a.quote for a in near)
    by_last = names_by_last_word(near)
    bounds = tokens.bounds

    def emit(words: list[int]) -> None:
        first = words[0]
        prev = _before(text, bounds, first)
        word = text[bounds[first][0] : bounds[first][1]]
        if prev in _SENTENCE_END and word.lower() in SENTENCE_OPENERS:
            words = words[1:]  # "While Trump": a sentence's first word, capitalised by place
            if not words:
                return
            first = words[0]
        sp = Span(bounds[first][0], bounds[words[-1]][1])
        # a sentence's first word alone only beside the quote ("Critics said that"); a
        # date ("Thursday", "Oct. 5") never, as the rules read it
        if (
            len(words) > 1 or prev not in _SENTENCE_END or _beside(text, quote, sp) <= BESIDE
        ) and not all(text[slice(*bounds[k])].lower().rstrip(".") in CALENDAR for k in words):
            mention = text[sp.start : sp.end]
            if len(mention.rstrip(".")) > 1:  # not an initial or a lone letter ("X.")
                found.setdefault(sp, resolve_name(mention, near, names=names, by_last=by_last))

    # Capitalised words and pronouns are mentions; any other token ends a run. Then the
    # descriptions, by their head words (docs/adr/0067).
    mentions = None if subjects_only else mentions or Mentions(text, tokens)
    marked = mentions.between(lo, hi) if mentions else ()
    for words, capital in _runs(text, bounds, marked, quotes):
        if capital:
            emit(words)
        else:
            start, end = bounds[words[0]]
            found.setdefault(Span(start, end), resolve_name(text[start:end], near, start, this))
    described: dict[Span, bool] = {}  # each description's span: whether people
    near_lo, near_hi = tokens.covering(
        max(0, quote.start - DESCRIPTION_REACH), quote.end + DESCRIPTION_REACH
    )
    heads = mentions.heads(near_lo, near_hi) if mentions else ()
    for sp, people in _descriptions(text, bounds, heads, quotes):
        said = text[sp.start : sp.end]
        if sp not in found:
            described[sp] = people
            found[sp] = (
                resolve_name(said, near, sp.start, this, names, by_last)
                if is_description(said)
                else said
            )
    subjects = {  # the subjects of its cues, each named by its words that name it
        mention: resolve_name(text[part.start : part.end], near, part.start, this, names, by_last)
        for mention, part in cue_subjects(text, tokens, quote, this.cue if this else None)
        if not any(mention.overlaps(q) for q in quotes)
    }
    given = {a.speaker for a in near if a.speaker is not None}  # (named by a person)
    outside = non_body or []
    found = {
        mention: name
        if mention in given or is_pronoun(text[mention.start : mention.end])
        else settled_in_article(name, mention.start, text)  # as S and the import name it
        for mention, name in {**subjects, **found}.items()
        if not mention.overlaps(quote) and not any(mention.overlaps(nb) for nb in outside)
    }
    rank = {mention: i for i, mention in enumerate(subjects)}
    kinds = kinds or {}
    known = {  # the people among the speakers: the kind travels with the name
        n
        for n in {a.speaker_name for a in near if a.speaker_name}
        if kinds.get(n, guess_kind(n)) is SpeakerKind.PERSON
    }
    usable = [
        Candidate(sp, name, described[sp], True)
        if sp in described and sp not in subjects
        else Candidate(sp, name, _is_person(text[sp.start : sp.end], name, known))
        for sp, name in found.items()
    ]
    mid = (quote.start + quote.end) // 2
    sentence = quote_sentence(text, tokens, quote)
    cues = cue_words(text, tokens, quote) if described else []

    def beside(c: Candidate) -> int:
        """:func:`_beside`; a description before the quote only with a cue word between
        (``The witness said: "..."``, not ``insisting the government would "..."``)."""
        if c.described and c.span.end <= quote.start:
            if not any(c.span.end <= w.start and w.end <= quote.start for w in cues):
                return BESIDE + 1
        return _beside(text, quote, c.span)

    return sorted(
        usable,
        key=lambda c: (
            rank.get(c.span, len(rank)),
            beside(c),
            c.described,
            not c.person,
            not (sentence.start <= c.span.start and c.span.end <= sentence.end),
            abs((c.span.start + c.span.end) // 2 - mid),
            c.span.start,
        ),
    )


def _runs(
    text: str, bounds: list[tuple[int, int]], marked: Iterable[tuple[int, bool]], quotes: list[Span]
) -> Iterator[tuple[list[int], bool]]:
    """The runs of capitalised words among the tokens ``marked`` ((index, capitalised),
    in order), as token indices, with True, and each pronoun alone, with False, outside
    ``quotes`` (sorted, disjoint). Runs that join across ``of``, ``of the``, ``for``,
    ``and``, ``&`` or a title's stop (``Minister for Aviation Jo Roe``, ``Sgt. Jo Roe``)
    are each given, and their whole after them (docs/adr/0064)."""
    q = 0
    parts: list[list[int]] = []  # the runs joined so far, the last one going on

    def done() -> Iterator[tuple[list[int], bool]]:
        yield from ((words, True) for words in parts)
        if len(parts) > 1:
            yield [k for words in parts for k in words], True
        parts.clear()

    for i, capital in marked:
        start = bounds[i][0]
        while q < len(quotes) and quotes[q].end <= start:
            q += 1
        inside = q < len(quotes) and quotes[q].start <= start
        if parts:
            last = parts[-1][-1]
            between = text[bounds[last][1] : start]
            if capital and not inside and last == i - 1 and between == " ":
                parts[-1].append(i)
                continue
            after = text[bounds[last][0] : bounds[last][1]].lower()
            if capital and not inside and last < i - 1 and _joins(between, after):
                parts.append([i])
                continue
            yield from done()
        if inside:
            continue
        if capital:
            parts.append([i])
        else:
            yield [i], False
    yield from done()


def _descriptions(
    text: str, bounds: list[tuple[int, int]], heads: Iterable[int], quotes: list[Span]
) -> Iterator[tuple[Span, bool]]:
    """The descriptions that end in the tokens ``heads`` outside ``quotes``: from the
    determiner before the head over at most ``_DESCRIPTION_WORDS`` lower-case words and
    possessives (``the minister``, ``the council's transportation committee``), or from
    a capitalised word's possessive (``China's foreign minister``); else the head alone,
    and with the capitalised word right before it (``officials``, ``US officials``);
    each with whether it names people (a job, or people taken together)."""

    def word(j: int) -> str:
        return text[bounds[j][0] : bounds[j][1]]

    def apart(j: int) -> bool:  # a space, and no more, after token j
        return text[bounds[j][1] : bounds[j + 1][0]] == " "

    for i in heads:
        head = Span(*bounds[i])
        people = word(i).lower() in _PEOPLE_HEADS
        if any(head.overlaps(q) for q in quotes):
            continue
        if i + 1 < len(bounds) and apart(i) and word(i + 1)[:1].isupper():
            continue  # a job before a name (``Port director Ben Cole``): the name's
        j, start = i - 1, None
        while j >= 0 and i - j <= _DESCRIPTION_WORDS + 2 and apart(j):
            w = word(j)
            if w in _POSSESSIVES and j > 0:
                j -= 1  # the possessive's word, written against it
                w = word(j)
                if w[:1].isupper():
                    start = j
                    break
            if w.lower() in DETERMINERS:
                start = j
                break
            if not (w.islower() and w.replace("-", "").isalpha()) or w in _NOT_BEFORE_HEAD:
                break
            j -= 1
        if start is not None:
            yield Span(bounds[start][0], head.end), people
            continue
        yield head, people
        before = word(i - 1) if i > 0 and apart(i - 1) else ""
        if before[:1].isupper() and before.replace(".", "").isalpha():
            yield Span(bounds[i - 1][0], head.end), people


def _joins(between: str, after: str) -> bool:
    """Whether the text ``between`` two runs of capitalised words, the first ending in
    the word ``after`` (lower case), makes them one name's."""
    return between in _JOINING or (between == ". " and after in TITLE_ABBREVIATIONS)


def _before(text: str, bounds: list[tuple[int, int]], i: int) -> str:
    """The token before token ``i`` (``.`` at the start); a closing quotation mark after
    a comma is no sentence's end (``..." Preobrazhensky told``): then the comma."""
    if i == 0:
        return "."
    prev = text[bounds[i - 1][0] : bounds[i - 1][1]]
    if i > 1 and prev in _MARKS and text[bounds[i - 2][0] : bounds[i - 2][1]] == ",":
        return ","
    return prev


#: How many words may stand between a quote and a mention beside it (``said that``),
#: in at most how many characters.
BESIDE, _BESIDE_CHARS = 2, 40
_WORD = re.compile(r"\w+")


def _beside(text: str, quote: Span, mention: Span) -> int:
    """How many words stand between a quote and a mention in the same paragraph, right
    before or after it (its cue, ``that``); past ``BESIDE`` (or another paragraph, or
    in the quote), more than any mention beside it."""
    lo, hi = (
        (quote.end, mention.start) if mention.start >= quote.end else (mention.end, quote.start)
    )
    gap = text[lo:hi] if 0 <= hi - lo <= _BESIDE_CHARS else "\n"
    words = len(_WORD.findall(gap))
    return words if words <= BESIDE and "\n" not in gap else BESIDE + 1


# -- the subject of a cue: "His lawyer, James Okafor, argued", "said the ministry" --------

_EDGES = {",", ".", ";", ":", "!", "?", "(", ")", "[", "]", "\u2014", "\u2013", "--"} | _MARKS
#: Words that end a cue's subject (``and officials said``) or the noun phrase after it.
_STOPS = frozenset(
    "and but or nor that who which whom while when as because although though if so "
    "after before since until unless whereas".split()
)
#: ... and, after the cue, what follows its noun phrase (``said the ministry on Monday``).
_STOPS_AFTER = _STOPS | frozenset("on in at during for with to about".split())
#: ... and what a description's words before its head never are (``a report by port
#: director``; docs/adr/0067).
_NOT_BEFORE_HEAD = _STOPS_AFTER | frozenset("of by from said says told".split())
#: Words between a subject and its verb (``Putin once again said``, ``officials have said``).
_BEFORE_VERB = frozenset(
    "has have had was were is are will would could also later then once again never often "
    "still just first publicly privately repeatedly previously recently earlier already "
    "not".split()
)
_RELATIVES = frozenset("who which whom whose".split())
_NP_WORDS = 8  # the most words a subject may have
_SENTENCE_TOKENS = 200  # the most tokens a sentence is read back or ahead
#: How many words from the quote a cue word may be (``said in a statement that``).
_CUE_REACH = 10
_NOUN_BEFORE = DETERMINERS | {"'s", "\u2019s", "no", "any"}


def _forms(lemma: str) -> set[str]:
    """The forms a verb may take in a text, generously (``said`` and ``told`` aside)."""
    stem = lemma[:-1] if lemma.endswith(("e", "y")) else lemma
    forms = {lemma, lemma + "s", lemma + "es", stem + "ed", lemma + lemma[-1] + "ed"}
    ing = {lemma.removesuffix("e") + "ing", lemma + lemma[-1] + "ing"}  # ", saying that"
    return forms | ing | ({stem + "ies", stem + "ied"} if lemma.endswith("y") else set())


_CUE_WORDS = frozenset(
    {f for lemma in CUE_VERBS for f in _forms(lemma)}
    | {"said", "told", "wrote", "written", "according"}
)


class _Words:
    """An article's tokens read as words around one quote."""

    def __init__(self, text: str, tokens: Tokens, quote: Span) -> None:
        self.text, self.bounds, self.quote = text, tokens.bounds, quote

    def __getitem__(self, i: int) -> str:
        if not 0 <= i < len(self.bounds):
            return "\n"
        return self.text[self.bounds[i][0] : self.bounds[i][1]]

    def ended(self, last: int) -> bool:
        """Whether the quote, of last token ``last``, ends its sentence (its full stop
        is in it, and no closing mark follows)."""
        quote = self.text[self.quote.start : self.quote.end]
        return quote.rstrip().endswith(".") and self[last + 1] not in _CLOSING

    def span(self, first: int, last: int) -> Span:
        return Span(self.bounds[first][0], self.bounds[last][1])

    def apart(self, i: int, j: int) -> bool:
        """Whether token ``i`` is in the quote, or a paragraph's edge stands between it
        and token ``j``."""
        lo, hi = min(i, j), max(i, j)
        if not (0 <= lo and hi < len(self.bounds)):
            return True
        start, end = self.bounds[i]
        gap = self.text[self.bounds[lo][1] : self.bounds[hi][0]]
        return "\n" in gap or (start < self.quote.end and end > self.quote.start)

    def sentence_edge(self, k: int, step: int) -> int:
        """The last token from token ``k`` on (``step`` -1 back, +1 ahead) before the
        sentence's or the paragraph's end, at most ``_SENTENCE_TOKENS`` away."""
        for _ in range(_SENTENCE_TOKENS):
            if self[k] in {".", "!", "?"} or self.apart(k, k - step):
                break
            k += step
        return k - step

    def part(self, i: int, step: int, stops: frozenset[str]) -> int | None:
        """The far end of the words from token ``i`` on (``step`` -1 back, +1 ahead) up
        to a punctuation mark, a stop word, the quote or the paragraph's edge; None when
        there are none or more than ``_NP_WORDS``."""
        k = i
        while not self.apart(k, k if k == i else k - step):
            word = self[k]
            if word in _EDGES or word.lower() in stops:
                break
            if abs(k - i) == _NP_WORDS:
                return None
            k += step
        return None if k == i else k - step

    def subject_from(self, last: int) -> int | None:
        """The first word of a subject that ends at token ``last``, a leading adverb or
        preposition left out (``On Monday the ministry``: ``the ministry``)."""
        first = self.part(last, -1, _STOPS)
        if first is None or self[first].lower() not in SENTENCE_OPENERS - DETERMINERS:
            return first
        words = [k for k in range(first + 1, last + 1) if self[k].lower() in DETERMINERS]
        first = words[-1] if words else first + 1
        return first if first <= last else None

    def cues_from(self, start: int, step: int) -> Iterator[tuple[int, int]]:
        """The first and last token of each cue word within ``_CUE_REACH`` words of the
        quote, from token ``start`` on (``step`` -1 back, +1 ahead), nearest first, in
        the quote's sentence and before another quotation (``the state governor said``,
        ``According to court documents,``) that reads as a verb (:meth:`verb_at`)."""
        words = 0
        for k in range(start, start + step * 2 * _CUE_REACH, step):  # (marks count too)
            if words == _CUE_REACH:
                return
            word = self[k].lower()
            if word in {".", "!", "?"} or self.apart(k, k - step) or (words and word in _MARKS):
                return  # (past another quotation's mark: its cue)
            if self.cue_at(k):
                yield k, k + 1 if word == "according" and self[k + 1] == "to" else k
            words += word[:1].isalnum()

    def cue_at(self, k: int) -> bool:
        """Whether token ``k`` is a cue word that reads as a verb (:meth:`verb_at`)."""
        return self[k].lower() in _CUE_WORDS and self.verb_at(k)

    def verb_at(self, k: int) -> bool:
        """Whether the cue word at token ``k`` reads as a verb: not after an article or a
        possessive (``a report``), not a name's word (``Washington State Patrol``: a
        capital away from a sentence's start) and not a compound's (``state-owned``)."""
        before = self[k - 1]
        if before.lower() in _NOUN_BEFORE or self[k + 1] == "-":
            return False
        return not self[k][:1].isupper() or before in _SENTENCE_END or self.apart(k, k - 1)

    def subjects(self, first: int, last: int) -> list[tuple[Span, Span]]:
        """The subject of the cue of tokens first..last: before it, else (``according
        to``, or a cue right after a quote's closing mark) the noun phrase after it."""
        if self[first].lower() == "according":
            return self.after_cue(last + 1, according=True)
        before = self.before_cue(first - 1)
        mark = self[first - 2 if self[first - 1] == "," else first - 1]
        if before or mark not in _CLOSING:
            return before
        return self.after_cue(last + 1, according=False)

    def before_cue(self, j: int, relative: bool = False) -> list[tuple[Span, Span]]:
        """The subject ending at token ``j`` before a cue, with the words that name it:
        ``His lawyer, James Okafor,`` (and ``James Okafor`` alone), ``Local officials``;
        words between it and the verb (``has``, ``once again``) and a relative clause
        (``Hale, who voted against it,``) left out, and a description after a name too
        (``Priya Raman, an analyst,``: ``Priya Raman``). ``relative``: ``j`` is the comma
        before a relative clause."""
        for _ in range(3):  # "has also", "once again"
            j -= self[j].lower() in _BEFORE_VERB
        if self[j] != ",":
            begin = self.subject_from(j)
            return [] if begin is None else [(self.span(begin, j),) * 2]
        start = self.part(j - 1, -1, _STOPS)
        if start is None:
            return []
        if not relative and self[start - 1].lower() in _RELATIVES:  # "who was not in it,"
            if self[start - 2] == ",":
                return self.before_cue(start - 2, relative=True)
            start = self.part(start - 2, -1, _STOPS)  # "an analyst at X who ..."
            if start is None:
                return []
        second = self.span(start, j - 1)
        desc = self.subject_from(start - 2) if self[start - 1] == "," else None
        if desc is None:  # "X defended the plans, insisting": another clause
            return [(second, second)] if relative else []
        first = self.span(desc, start - 2)
        if not self[start][:1].isupper():
            return [(first, first)]
        return [(Span(first.start, second.end), second), (second, second)]

    def after_cue(self, k: int, according: bool) -> list[tuple[Span, Span]]:
        """The noun phrase from token ``k`` after a cue (``said the ministry``, ``said
        union vice president Carlos Mendes``, ``according to a report released last
        month``); a description and a name between commas as one, named by the name
        (``said his lawyer, James Okafor.``)."""
        if according and self[k].lower() == "to":
            k += 1
        end = self.part(k, +1, _STOPS_AFTER)
        word = self[k]
        if end is None or word.endswith("ly"):  # "said quietly"
            return []
        desc = self.span(k, end)
        last = self.part(end + 2, +1, _STOPS_AFTER) if self[end + 1] == "," else None
        if word[:1].isupper() or last is None:
            return [(desc, desc)]
        name = self.span(end + 2, last)
        if not all(w[:1].isupper() for w in self.text[name.start : name.end].split()):
            return [(desc, desc)]  # "said the ministry, Reuters reported"
        return [(Span(desc.start, name.end), name), (desc, desc)]


def quote_sentence(text: str, tokens: Tokens, quote: Span) -> Span:
    """The sentence of a quote, as far as stored tokens tell: from the sentence end
    before it to the one after it (the quote's own full stop), in its paragraph."""
    w = _Words(text, tokens, quote)
    lo, hi = tokens.covering(quote.start, quote.end)
    if lo > hi:
        return quote
    end = hi if w.ended(hi) else w.sentence_edge(hi + 1, +1)
    return w.span(w.sentence_edge(lo - 1, -1), end)


def cue_subjects(
    text: str, tokens: Tokens, quote: Span, cue: Span | None
) -> list[tuple[Span, Span]]:
    """The subject of the quote's cue and of any cue word beside it, as (mention, the
    words of it that name its source), without a parser: the words before the verb to a
    punctuation mark (a description and a name between commas as one: ``His lawyer,
    James Okafor, argued``), else the noun phrase after it (``said the ministry``,
    ``according to an internal memo``)."""
    w = _Words(text, tokens, quote)
    cues = _cues_beside(w, tokens)
    if cue is not None:
        cues.insert(0, tokens.covering(cue.start, cue.end))
    found: list[tuple[Span, Span]] = []
    for first, last in dict.fromkeys(c for c in cues if c[0] <= c[1]):
        found += w.subjects(first, last)
    return found


def cue_beside(text: str, tokens: Tokens, quote: Span) -> Span | None:
    """The cue word nearest a quote, without a parser: within a few words after it
    (unless the quote ends its sentence: ``"...," she said``), else before it (``the
    ministry said that``, ``According to the report,``); None when there is none."""
    w = _Words(text, tokens, quote)
    cues = _cues_beside(w, tokens)
    return w.span(*cues[0]) if cues else None


#: Words that open no report after a word of saying with no ``that`` (``it said in a
#: statement.``, ``he said on Monday.``, ``she told him.``).
_NO_REPORT = frozenset(
    "in on at to of for with by from as during after before about over under into "
    "him her them me us you it so yesterday today".split()
)
#: How many words after a word of saying its ``that`` may come (``told reporters on
#: Monday that``).
_THAT_REACH = 6


def reported_clause(text: str, tokens: Tokens, k: int) -> Span | None:
    """What the word of saying at token ``k`` reports, as an indirect quote: from its
    ``that`` a few words on (``told reporters on Monday that A.``), else from the word
    after it (``said A.``), to its sentence's end, the stop left out, or to the comma
    before another word of saying (``said A, adding B``: A). None where the
    word is no cue word read as a verb (:meth:`_Words.cue_at`), reports a quotation
    before it in its sentence (``"A," she said Monday.``: no ``that`` after it), has
    only a phrase after it (``it said in a statement.``: :data:`_NO_REPORT`), or
    where a quotation mark opens what it reports (a direct quote: the next quotation
    is that)."""
    w = _Words(text, tokens, Span(0, 0))
    if w[k].lower() == "according" or not w.cue_at(k):
        return None
    start = k + 1
    for j in range(k + 1, k + 1 + _THAT_REACH):
        if w[j] in _SENTENCE_END or w.apart(j, j - 1):
            break
        if w[j].lower() == "that":
            start = j + 1
            break
    if start == k + 1 and (
        any(w[j] in _CLOSING for j in range(w.sentence_edge(k, -1), k))
        or w[start].lower() in _NO_REPORT
    ):
        return None  # no "that": after a quotation it reports that; before a phrase, none
    while w[start] in {",", ":"} and not w.apart(start, start - 1):
        start += 1  # ("said, A" / "said: A")
    if w[start] in _MARKS or w[start] in _SENTENCE_END or w.apart(start, start - 1):
        return None
    end = w.sentence_edge(start, +1)
    cut = None  # before the clause mark that comes before another word of saying
    for j in range(start, end + 1):
        if w[j] in {",", ";"}:
            cut = j
        elif cut is not None and w.cue_at(j):
            end = cut - 1  # ("A, and critics said B": A, and B the next one's)
            break
    return w.span(start, end) if end >= start else None


def cue_words(text: str, tokens: Tokens, quote: Span) -> list[Span]:
    """Every cue word beside a quote, :func:`cue_beside`'s first: those after it (unless
    it ends its sentence), then those before it, each nearest first."""
    w = _Words(text, tokens, quote)
    after, before = _cues_around(w, tokens)
    return [w.span(*c) for c in [*after, *before]]


def _cues_beside(w: _Words, tokens: Tokens) -> list[tuple[int, int]]:
    """The first and last tokens of the nearest cue word after the quote, then of the
    nearest before it."""
    return [c for c in (next(cues, None) for cues in _cues_around(w, tokens)) if c]


def _cues_around(
    w: _Words, tokens: Tokens
) -> tuple[Iterator[tuple[int, int]], Iterator[tuple[int, int]]]:
    """The cue words after the quote (none when it ends its sentence) and before it,
    each nearest first."""
    lo, hi = tokens.covering(w.quote.start, w.quote.end)
    after = iter(()) if w.ended(hi) else w.cues_from(hi + 1, +1)
    return after, w.cues_from(lo - 1, -1)
