"""Finding attributions in parsed paragraphs.

The article is parsed one paragraph at a time (a paragraph is one line of the
stored text). For each paragraph the quotation marks are paired first
(:mod:`core.suggest.marks`), then:

* a quote that stands as its own utterance is **direct**: its cue is a speech verb
  in the words after it (``"...," X said``) or before it (``X said: "..."``), else
  it continues the previous speaker (``"A," he said. "B."``, a follow-on paragraph,
  a quote running over several paragraphs);
* a quote embedded in a clause is **mixed**: the speech verb that governs it in
  the parse gives the cue and speaker;
* a speech verb's clausal complement outside any quote is **indirect**, as is the
  clause that ``according to X`` modifies.

Speakers are the subject of the cue, named by :mod:`core.suggest.names`.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property

from spacy.tokens import Doc, Token
from spacy.tokens import Span as TokenSpan

from core.model import Attribution, MadeBy, QuoteType, Span
from core.suggest.learn import CANDIDATE
from core.suggest.lexicon import (
    CALENDAR,
    COMPASS,
    CUE_VERBS,
    DOCUMENT_NOUNS,
    FORCE_UNITS,
    GIVEN_OUT_AS,
    GOING_ON_VERBS,
    ISSUED_NOUNS,
    JOBS_OF_A_KIND,
    MARKET_FIGURES,
    NAME_PARTICLES,
    NAMING_VERBS,
    NON_PERSON_WORDS,
    ORGANISATION_KINDS,
    PERSON_SPEECH_VERBS,
    PERSONAL,
    PHRASAL_SPEECH_VERBS,
    PRONOUNS,
    REPORTING_LINE_VERBS,
    SAYING_AFTER_VERBS,
    SPEECH_VERBS,
    STATEMENT_NOUNS,
    TIME_NOUNS,
    TITLES,
    WEEKDAYS,
)
from core.suggest.marks import CLOSING_MARKS, Quoted, find_quotes, opens_with_quote
from core.suggest.names import (
    DATELINE,
    HONORIFICS,
    JOB_REACH,
    Mention,
    NameBook,
    is_acronym,
    is_description,
    is_job,
    is_nickname,
    is_person,
    name_run,
    named_source,
    repair_names,
    surname_as_adverb,
)
from core.suggest.paragraphs import MAX_PARAGRAPH, is_heading, is_subheading
from core.suggest.registry import Registry
from core.suggest.sentences import goes_on_after, goes_on_after_bracket

_SENTENCE_END = {".", "!", "?"}
#: Bodies whose name goes on with what they are on (``Commission on Human Rights``,
#: ``Council on Foreign Relations``).
_BODIES_ON = frozenset("commission committee council panel board".split())
#: An ordinal written in figures (``1st``, ``2nd``), as before a rank (``1st Sgt.``).
_ORDINAL = re.compile(r"\d+(?:st|nd|rd|th)")
#: Dashes a paragraph of a speaker's words opens with (``– We are at an address ...,
#: says Jo Roe``).
_SPEECH_DASHES = {"\u2013", "\u2014", "-"}
#: A pronoun a source is named by after ``according to`` refers as its subject would.
_SUBJECT_CASE = {"him": "he", "her": "she", "them": "they"}
_SUBJECTS = ("nsubj", "nsubjpass")
#: Pronouns that name who gives out a document as a name does, once resolved.
_GIVING_PRONOUNS = frozenset({"he", "she", "they", "it"})
#: The days a name may be written with for when its source spoke (``Norbank Friday said``).
_DAYS = WEEKDAYS | {"yesterday"}
#: How far back (in characters) a pronoun or a follow-on quote looks for its source.
_REACH = 1500


@dataclass
class Paragraph:
    """One paragraph of the body: absolute offset, text and parse."""

    start: int
    doc: Doc
    quotes: list[Quoted] = field(default_factory=list)
    in_quote: list[int] = field(default_factory=list)  # token -> quote index + 1, 0 outside

    @cached_property
    def text(self) -> str:
        """The paragraph's text (spaCy joins its tokens on every ``doc.text``: keep it once)."""
        return self.doc.text

    @cached_property
    def dateline(self) -> int:
        """Where the paragraph's dateline ends (``MUMBAI:``, ``Margao (Goa) [India]:``,
        ``WASHINGTON (Reuters) -``), 0 for none: no speaker is in it."""
        m = DATELINE.match(self.text)
        return m.end() if m else 0


@dataclass
class Source:
    """Who is speaking: the mention in the text and the resolved name."""

    span: Span | None
    name: str | None
    resolved: bool = True  # False: a pronoun nobody could be found for


@dataclass
class _Found:
    attribution: Attribution
    para: int
    explicit: bool  # its own cue, not inherited
    unclosed: bool = False
    chain: int | None = None  # quotes of one multi-paragraph quotation share a chain


class ArticleRules:
    """Runs the rules over an article's paragraphs, in order, with a shared name book;
    the speakers the corpus knows give their canonical names."""

    def __init__(self, known: Registry | None = None) -> None:
        self.book = NameBook()
        self.known = known or Registry()
        self.found: list[_Found] = []
        #: the cue and speaker of ``X said:`` closing the paragraph before, for its quote
        self.pending_colon: tuple[Span, Source] | None = None
        #: whether the paragraph before ends with its cue and a colon (``Berg said:``):
        #: the next one is their words even where the page lost their marks
        self.said_colon = False
        self.paragraphs: list[tuple[int, str]] = []  # (start, text), for the mentions' words
        #: where a definite job is a speaker (``South Korea's top diplomat``, ``The
        #: housing secretary``), with its job word: named once the whole article is read
        #: (:meth:`_holder`)
        self.anchored: dict[int, str] = {}
        self.plural: set[int] = set()  # (of those, the descriptions of people)
        self.leads: dict[int, tuple[str, str]] = {}
        #: indirect attributions of verbs outside the lexicon (rule ``CANDIDATE``): kept
        #: apart, so no rule reads them; a learned cue lexicon lets some through
        #: (:mod:`core.suggest.learn`)
        self.candidates: list[_Found] = []
        #: documents a source gave out (``X made this known in a statement``, ``a report
        #: by X``): where, what (its noun's lemma) and the source's name
        #: (:meth:`_register_documents`)
        self.documents: list[tuple[int, str, str]] = []
        #: words the article gives in marks as another name of a thing (``Crystal
        #: methamphetamine or "ice"``), casefolded: a name wherever it is so written
        self.terms: set[str] = set()

    # -- per paragraph --------------------------------------------------------------------

    def add(self, index: int, para: Paragraph) -> None:
        for t in para.doc[:-1]:  # (before the names: "Added" is no word of "Cllr Halligan")
            _repair_opening_line(t)
        repair_names(para.doc)
        _repair_reporting_nouns(para.doc)
        para.quotes = [
            _closed_by_reporting_line(para, q)
            for q in find_quotes(para.text)
            if not _names_a_title(para, q)
            and not is_nickname(para.text, q.open, q.close)
            and not _one_letter(para, q)
            and not _name_in_apposition(para, q)
            and not _passive_label(para, q)
            and not _a_word_as_a_word(para, q)
            and not self._term(para, q)
            and not _a_kind_of_noun(para, q)
        ]
        if self.said_colon and not para.quotes and _dash_spoken(para) is None:
            end = len(para.text.rstrip())  # "Berg said:" then their words, no marks
            para.quotes = [Quoted(open=0, close=None, start=0, end=end, double=True)]
        para.in_quote = [0] * len(para.doc)
        for n, q in enumerate(para.quotes, 1):
            end = (q.close + 1) if q.close is not None else len(para.text)
            sp = para.doc.char_span(q.open, end, alignment_mode="expand")
            if sp is not None:
                for i in range(sp.start, sp.end):
                    para.in_quote[i] = n
        self._register_names(para)
        self._register_described(para)
        self._register_documents(para)
        self.book.add_text(para.start, para.text)
        self.paragraphs.append((para.start, para.text))
        before = self._last_in(index - 1)
        continued = opens_with_quote(para.text) and before is not None and before.unclosed
        if is_subheading(para.text):
            return  # ("Authorities promise 'necessary sanctions'": no quote, as a headline)
        taken: list[Span] = []
        first_new = len(self.found)
        for n, q in enumerate(para.quotes, 1):
            found = self._quote(index, para, n, q, continued and n == 1)
            if found:
                if continued and n == 1 and before is not None:
                    before.chain = before.chain if before.chain is not None else index - 1
                    found.chain = before.chain
                self.found.append(found)
                taken.append(found.attribution.quote)
        indirect = self._indirect(index, para, taken)
        self._refer_again(para, self.found[first_new:], indirect)
        self.found += indirect
        # Earlier paragraphs' finds all start before this one's: sort only the new ones.
        self.found[first_new:] = sorted(
            self.found[first_new:], key=lambda f: f.attribution.quote.start
        )
        self._colon_intro(para)

    def _refer_again(self, para: Paragraph, quoted: list[_Found], indirect: list[_Found]) -> None:
        """The ``they`` or ``it`` a paragraph's quote has for its source, resolved again
        once the paragraph's reported clauses are read where one of them has its source
        before it (not a ``he``: a job's description there is its holder only later):
        that source is a mention it may refer to (``Some residents said A. They say the
        police are "too aggressive"``: the residents, not the police named before)."""
        for f in quoted:
            a = f.attribution
            if a.speaker is None or not any(
                i.attribution.speaker is not None and i.attribution.speaker.start < a.speaker.start
                for i in indirect
            ):
                continue
            words = para.doc.char_span(a.speaker.start - para.start, a.speaker.end - para.start)
            if words is not None and len(words) == 1 and words[0].lower_ in ("they", "it"):
                f.attribution = a.with_(speaker_name=self._pronoun(para, words[0]).name)

    def _term(self, para: Paragraph, q: Quoted) -> bool:
        """Whether marks hold another name the article gives a thing (``Crystal
        methamphetamine or "ice" has been flooding the streets``: a noun, ``or`` and a word
        or two in marks with no verb), there and wherever the article writes those words
        in marks again (``said "ice" has devastated families``): a name, no one's words."""
        words = para.text[q.start : q.end].strip(" ,.;:!?").casefold()
        if words in self.terms:
            return True
        inner = para.doc.char_span(q.start, q.end, alignment_mode="expand")
        before = para.doc.char_span(0, q.open, alignment_mode="contract")
        if inner is None or before is None or len(before) < 2:
            return False
        if sum(not t.is_punct for t in inner) > 3 or any(t.pos_ in ("VERB", "AUX") for t in inner):
            return False
        if before[-1].tag_ == "POS":
            return True  # 'join the commissioner's "war on ice"': the name of someone's thing
        named = before[-1].lower_ == "or" and before[-2].pos_ == "NOUN"
        if named:
            self.terms.add(words)
        return named

    def _last_in(self, index: int) -> _Found | None:
        """The last attribution found in paragraph ``index``."""
        for f in reversed(self.found):
            if f.para == index:
                return f
            if f.para < index:
                break
        return None

    def _register_names(self, para: Paragraph) -> None:
        doc = para.doc
        is_name = self.book.is_name_token
        for t in doc:
            if para.in_quote[t.i] or not is_name(t):
                continue
            if t.i + 1 < len(doc) and is_name(doc[t.i + 1]) and not doc[t.i + 1].is_punct:
                continue  # not the last word of the run
            if t.i + 1 < len(doc) and not t.whitespace_ and doc[t.i + 1].text == "-":
                continue  # "NATO Secretary-General Mark Rutte": the run goes on after it
            run = name_run(t, is_name)
            if not run:
                continue
            run = self._past_a_place(run, run[0].i)[0]
            pos = para.start + run[0].idx
            words = [w.text for w in run]
            person = is_person(run)
            if person:
                self.book.add_name(pos, words)
            role = _role(doc[t.i - 1] if surname_as_adverb(t) else t, is_name)  # (its head)
            verb = role.head
            fronted = verb.dep_ == "advcl" and verb.i < verb.head.i
            subject = role.dep_ in _SUBJECTS and (
                verb.dep_ == "ROOT"
                or fronted
                or (verb.pos_ in ("VERB", "AUX") and verb.lemma_.lower() in CUE_VERBS)
            )  # (also of a clause before its sentence's: "If the Party wins, it has pledged";
            # not of a noun: "Islamophobic comments")
            if any(r.dep_ == "pobj" and is_according(r.head.head) for r in (t, role)):
                subject = True  # "According to MSP, they found ...": who says
            if person and role.dep_ == "attr" and verb.lemma_ == "be" and verb.dep_ == "ROOT":
                subject = True  # "Her first witness was Const. Jo Roe. He said": Jo Roe
            name = self.book.fullest(words, pos) if person else " ".join(words)
            self.book.add_mention(Mention(pos, name, person, subject))
            if (
                person
                and subject
                and t.dep_ in _SUBJECTS
                and (_names_more(t) or _first_of_subjects(t))
            ):
                self.book.add_mention(Mention(pos, name, False, True, plural=True))  # they
            body = _body_of_name(run[0])
            if body is not None:  # "The directorate of Asayish in Sulaimani": what "the
                # directorate" names later
                start, end = mention_bounds(body, para)
                span = _token_span(para, doc[start], doc[end])
                written = para.text[span.start - para.start : span.end - para.start]
                self.book.add_body(
                    span.start, self.book.without_article(written), body.dep_ in _SUBJECTS
                )
            after = doc[t.i + 1] if t.i + 1 < len(doc) else None
            unit = _force_unit(after) if after is not None else None
            if (
                after is not None
                and after.text == "police"
                and (after.dep_ != "compound" or unit)  # (not "Kira Road police station")
                and all(w.pos_ == "PROPN" for w in run)
            ):  # "Vienna police tweeted", "the Sør-West police district"
                self.book.add_force(pos, " ".join(words), unit)
            honorific = doc[run[0].i - 1].lower_ if run[0].i > 0 else ""
            if person and honorific in HONORIFICS:
                self.book.gender.setdefault(name, HONORIFICS[honorific])
            if person:
                for title in _titles_of(t, run):
                    self.book.add_title(title, pos, name)

    def _past_a_place(self, run: list[Token], start: int) -> tuple[list[Token], int]:
        """A name's run and the mention's first token without a first word that is a place
        a preposition of where puts before it, one the article wrote alone before (``talk
        security in Tobago`` ... ``in west Tobago Sandy told``: ``Sandy``): no first name."""
        if len(run) < 2:
            return run, start
        doc = run[0].doc
        k = run[0].i - 1
        if k > 0 and doc[k].lower_ in COMPASS:
            k -= 1  # "in west Tobago"
        placed = (
            k >= 0
            and doc[k].lower_ in ("in", "at", "from")
            and self.book.named_alone([run[0].text])
        )
        return (run[1:], run[1].i) if placed else (run, start)

    def _register_described(self, para: Paragraph) -> None:
        """A person described by their job as the subject of a sentence whose verb is no
        cue (``The crown counsel was answering ...``), whom a later pronoun refers to (``He
        said``), or people so (``Councillors on the islands have been trying ...``: ``they``
        say); a speaker's own description is registered where it speaks (:meth:`_source`),
        but one of people so before the paragraph's quotes are read (``one of the
        prosecuted agents indicates that A. He adds that "B"``), and so is a definite one
        where a ``he`` or a ``she`` after it speaks (:func:`_pronoun_speaks_after`: ``the
        spokesman indicates that A. He adds that "B"``). A description of a job
        whose holder the article named is that person (``Chief Minister Jo Roe`` ... ``the
        chief minister referred to ...`` ... ``he said``: Jo Roe)."""
        for t in para.doc:
            if (
                t.dep_ in _SUBJECTS
                and _by_job(t)
                and not para.in_quote[t.i]
                and t.head.dep_ == "ROOT"  # (not one in what someone said)
                and (not _is_cue_verb(t.head) or t.lower_ == "one")
                and (
                    t.tag_ == "NNS"
                    or t.lower_ == "one"
                    or any(c.dep_ in ("det", "poss") for c in t.children)
                )
            ):  # (people of a job need no article: "Councillors on the islands have")
                start, end = mention_bounds(t, para)
                span = _token_span(para, para.doc[start], para.doc[end])
                written = para.text[span.start - para.start : span.end - para.start]
                held = self.book.job_holder(written, span.start, self.book.quoted)
                held = held or self.book.name_within(span.start, span.end)
                self.book.add_mention(Mention(span.start, held or written, True, True))
            elif (
                t.dep_ in _SUBJECTS
                and t.pos_ == "NOUN"
                and t.lemma_.lower() in TITLES
                and not para.in_quote[t.i]
                and _is_cue_verb(t.head)
                and _article(t, "the")
                and _pronoun_speaks_after(t, para)
            ):
                self._source(para, t)  # "the spokesman indicates that A. He adds that "B"":
                # whom the paragraph's quotes, read first, find as the he

    def _register_documents(self, para: Paragraph) -> None:
        """A document a name gives out, for ``the statement`` to speak for that name
        later (:meth:`_issued`): ``The Ministry made this known in a statement``, ``a
        report by the Associated Press``, ``In its statement, the Ministry said``; or the
        organisation its own description names (``a sheriff's office news release``); and
        the report of a name that reported (``the National News Agency reported. ... the
        report said``)."""
        for t in para.doc:
            if t.lemma_.lower() == "report" and t.pos_ == "VERB" and not para.in_quote[t.i]:
                name = self._giver_name(para, _own_subject(t, para))
                if name:  # "the National News Agency reported": its report
                    self.documents.append((para.start + t.idx, "report", name))
            if (
                t.pos_ != "NOUN"
                or t.lemma_.lower() not in ISSUED_NOUNS
                or para.in_quote[t.i]
                or not (
                    t.left_edge.lower_ in ("a", "an", "its", "their", "his", "her")
                    or t.left_edge.like_num
                )
            ):  # ("a sheriff's office release"; "In its statement, X said"; "in two letters")
                continue
            name = self._giver_name(para, _document_giver(t, para))
            if name is None:
                at = para.start + t.left_edge.idx  # "a sheriff's office news release said"
                written = para.text[t.left_edge.idx : t.idx + len(t)]
                given = named_source(written)  # ("A Maquoketa Fire/Rescue press release")
                own = self.book.described_document(written, at) or (
                    self.book.settle(given, at) if given != written else None
                )
                if own is not None:
                    self.documents.append((para.start + t.idx, t.lemma_.lower(), own))
            elif name:
                self.documents.append((para.start + t.idx, t.lemma_.lower(), name))

    def _giver_name(self, para: Paragraph, source: Token | None) -> str | None:
        """The name of who gives out a document, its subject or agent: a name, an
        organisation by its kind (``The Lebanese army said in a statement``, ``In a notice
        ..., the police service gave``) or a pronoun
        that refers to one (``In a statement, they said``), as the article resolves it
        (``""`` where it does not); None for no such giver."""
        pronoun = source is not None and source.lower_ in _GIVING_PRONOUNS
        named = source is not None and (
            source.pos_ == "PROPN"
            or _body_of_a_name(source)
            or source.lemma_.lower() in ORGANISATION_KINDS
            or any(c.dep_ == "compound" and c.lower_ == "police" for c in source.lefts)
        )  # ("the police service gave ...": a force)
        if source is None or (not named and not pronoun):
            return None
        given = self._source(para, source)
        name = given.name if given.resolved else None
        noun = (name or "").lower().removeprefix("the ")
        if noun in ORGANISATION_KINDS:  # "The Ministry made this known ...": which one
            name = self.book.settle(f"the {noun}", para.start + source.idx)
        return name or ""

    def _issued(self, noun: str, pos: int, alone: bool) -> str | None:
        """Who gave out the last document before ``pos`` that ``the`` + ``noun`` refers
        back to (:meth:`_register_documents`), also, for the noun ``alone``, an
        announcement by another word where none is by its own (``In a notice shared on
        its Facebook page, the police service gave ...`` ... ``the statement said``:
        :data:`_ANNOUNCEMENTS`; not ``the press release from the union``), or None."""
        before = [(what, n) for p, what, n in reversed(self.documents) if p < pos]
        own = (n for what, n in before if what == noun)
        announced = alone and noun in _ANNOUNCEMENTS
        other = (n for what, n in before if announced and what in _ANNOUNCEMENTS)
        return next(own, None) or next(other, None)

    # -- direct and mixed quotes -------------------------------------------------------------

    def _quote(
        self, index: int, para: Paragraph, n: int, q: Quoted, continued: bool
    ) -> _Found | None:
        doc = para.doc
        inner = doc.char_span(q.start, q.end, alignment_mode="expand")
        if inner is None or len(inner) == 0:
            return None
        quote = Span(para.start + q.start, para.start + q.end)
        words = sum(1 for t in inner if not t.is_punct)
        if _is_direct(para, q, n):
            cue, source = self._direct_frame(para, q, n)
            explicit = cue is not None and source is not None
            rule = "direct-cue" if explicit else "direct-signed"
            if not explicit and source is None:
                prev = self._previous(index, para, continued)
                rule = "direct-unattributed"
                if prev is not None:
                    a = prev.attribution
                    source, cue = Source(a.speaker, a.speaker_name), a.cue
                    rule = "direct-continued"
                    if prev.para == index and para.text[: q.end].rstrip()[-1:] in ".!?":
                        words = max(words, 3)  # "...," he said. "By far."
            if source is None and words < 8 and q.close is not None:
                return None  # (an unclosed one may get its speaker later in its chain)
            if not explicit and words < 3:
                return None  # a short quote with no cue: a title or a scare quote
            if not explicit and _crosshead(para, q):
                return None
            conf = 0.9 if explicit else 0.6
            kind = QuoteType.MIXED if _runs_on(para, q) else QuoteType.DIRECT
            if kind is QuoteType.MIXED and _describes_a_noun(para, q):
                return None  # 'announced "unofficial" and unconfirmed results': a label
            found = _make(quote, source, cue, kind, conf, index, explicit)
            found.attribution = with_made_by(found.attribution, para, rule)
        else:
            root = _root_of(inner)
            clause = any(t.tag_ in _FINITE for t in inner)
            cue_tok = _governing_cue(root, para, clause)
            if cue_tok is None:
                return None
            cue, source = self._cue_and_source(para, cue_tok)
            if source is None:
                return None
            found = _make(quote, source, cue, QuoteType.MIXED, 0.7, index, True)
            found.attribution = with_made_by(found.attribution, para, "mixed")
        found.unclosed = q.close is None
        return found

    def _direct_frame(
        self, para: Paragraph, q: Quoted, n: int
    ) -> tuple[Span | None, Source | None]:
        doc = para.doc
        after = _frame_after(para, q, n)
        before = _frame_before(para, q, n)
        inner_end = para.text[: q.end].rstrip()
        ends_open = inner_end[-1:] in (",", "?", "!", "\u2014", "-") if inner_end else False
        intro = _prev_char(para.text, q.open) in (":", ",")
        closing = ends_open or not intro or _according_after(para, q, n)
        frames = [after, before] if closing else [before, after]
        for frame in frames:
            verbs = [doc[i] for i in frame if _is_cue_verb(doc[i])]
            if frame is after:  # ('"...?" some employees responded that A': A's line)
                verbs = [v for v in verbs if not _reports_a_that_clause(v)]
                # (nor one a subordinator opens: '"A," while Sgt. Jo Roe tweeted "B"')
                verbs = [
                    v for v in verbs if not any(c.dep_ == "mark" and c.i in frame for c in v.lefts)
                ]
                # (nor one whose doing it says how: '"A." Lund responded by calling for B')
                verbs = [v for v in verbs if not _by_doing(v)]
            if frame is before:
                verbs.reverse()
                verbs[:0] = _participle_before(para, frame)
                if frame and _participle_of_saying(doc[frame[-1]]):
                    verbs.insert(0, doc[frame[-1]])  # 'adding "the irony is not lost"'
            for verb in verbs:
                cue, source = self._cue_and_source(para, verb)
                if source is None and frame is after:
                    source = self._opening_phrase(para, after, verb)
                if source is not None:
                    return cue, source
        if _prev_char(para.text, q.open) == ":":
            introduced = self._colon_sentence(para, before)
            if introduced is not None:
                return introduced
        dashed = self._dash_signature(para, after)
        if dashed is not None:
            return None, dashed
        if self.pending_colon and not any(
            para.in_quote[i] == 0 for i in before if not doc[i].is_punct
        ):
            return self.pending_colon
        return None, None

    def _colon_sentence(self, para: Paragraph, before: list[int]) -> tuple[Span, Source] | None:
        """``Lee sounded upbeat: "..."``: a sentence of a person's that a colon ends
        introduces the quote after it with a verb that is no verb of saying; the person
        is its speaker and the verb with the words after it up to the colon its cue."""
        doc = para.doc
        words = [doc[i] for i in before if not doc[i].is_punct]
        inside = set(before)
        verb = next(  # the sentence's own verb (the parse may hang it on the quote's)
            (
                t
                for t in words
                if t.pos_ in ("VERB", "AUX") and (t.head == t or t.head.i not in inside)
            ),
            None,
        )
        subject = _own_subject(verb, para) if verb is not None else None
        if verb is None or subject is None or subject.i > verb.i:
            return None
        run = name_run(subject, self.book.is_name_token)
        issued = any(
            c.dep_ == "dobj" and c.lemma_.lower() in ISSUED_NOUNS for c in verb.children
        )  # "The charity issued a statement: ...": anyone who gives out a statement
        if subject.lower_ not in PERSONAL and not (run and is_person(run)) and not issued:
            return None  # "The rules are clear: ..."
        last = words[-1]
        return _token_span(para, verb, last), self._source(para, subject)

    def _opening_phrase(self, para: Paragraph, after: list[int], verb: Token) -> Source | None:
        """``"...," the party vice-president, better known as Lim Tan, told ...``: the
        noun phrase opening the words after a quote, up to a comma or the cue, is the
        subject of a cue the parse left without one (it read the phrase as something
        else); a person's name after ``known as`` says whom it describes."""
        doc = para.doc
        first = next((i for i in after if not doc[i].is_punct), verb.i)
        phrase: list[Token] = []
        for t in doc[first : verb.i]:
            if t.pos_ not in ("DET", "ADJ", "NOUN", "PROPN", "PART") and t.text != "-":
                break
            phrase.append(t)
        if not phrase or phrase[-1].pos_ not in ("NOUN", "PROPN"):
            return None
        nxt = phrase[-1].i + 1
        if nxt != verb.i and doc[nxt].text != ",":
            return None
        span = _token_span(para, phrase[0], phrase[-1])
        run = name_run(phrase[-1], self.book.is_name_token)
        if not (run and run[0].i >= first and is_person(run)) and nxt != verb.i:
            known = _KNOWN_AS.match(para.text, doc[nxt].idx)
            if known is not None:
                words = [t for t in doc[nxt : verb.i] if t.idx >= known.end() and not t.is_punct]
                run = words if words and all(self.book.is_name_token(t) for t in words) else []
        if run and is_person(run):
            return Source(span, self.book.fullest([t.text for t in run], span.start))
        return Source(span, para.text[span.start - para.start : span.end - para.start])

    def _dash_signature(self, para: Paragraph, after: list[int]) -> Source | None:
        """``"..." — Jane Doe, mayor``: a name right after a dash signs the quote."""
        doc = para.doc
        if len(after) < 2 or doc[after[0]].text not in ("\u2014", "\u2013", "-", "--"):
            return None
        first = doc[after[1]]
        last = first
        while last.i + 1 < len(doc) and self.book.is_name_token(doc[last.i + 1]):
            last = doc[last.i + 1]
        run = name_run(last, self.book.is_name_token)
        if not run or not is_person(run):
            return None
        span = Span(para.start + first.idx, para.start + last.idx + len(last))
        return Source(span, self.book.fullest([t.text for t in run], span.start))

    def _previous(self, index: int, para: Paragraph, continued: bool) -> _Found | None:
        """The attribution a quote with no cue of its own continues: an earlier one in
        its paragraph, or, for a paragraph that opens with a quote, in the last two."""
        if not self.found:
            return None
        f = self.found[-1]
        if f.para < index - 2 or para.start - f.attribution.quote.end > _REACH:
            return None
        if f.para < index and not (continued or opens_with_quote(para.text)):
            return None
        return f

    def _cue_and_source(self, para: Paragraph, verb: Token) -> tuple[Span, Source | None]:
        cue = _token_span(para, verb, _particle(verb))
        subj = verb_subject(verb, para)
        quoted = _quoted_as_saying(verb)
        if quoted is not None:  # "X was quoted as saying": X, passive as it is; "Y quoted X
            # as saying": X, cue "as saying"
            obj = next((c for c in quoted[0].children if c.dep_ == "dobj"), None)
            said = quoted if obj is None else (quoted[1].head, quoted[1])
            cue = _token_span(para, *said)
            subj = obj or _own_subject(quoted[0], para)
        if is_according(verb):
            to = verb.doc[verb.i + 1]  # ("according to", "as per")
            cue = _token_span(para, verb, to)
            subj = next((c for c in to.children if c.dep_ == "pobj"), None)
        if subj is None:
            return cue, None
        source = self._source(para, subj)
        issuer = _issuer(verb, para)
        if _document_reads(verb):  # "X released a statement, which read": X's
            issuer = _giver(_text_of(subj), para)
        if issuer is not None:  # "He wrote a letter saying ...": the letter, his words
            return cue, Source(source.span, self._source(para, issuer).name)
        return cue, source

    def _pronoun(self, para: Paragraph, head: Token) -> Source:
        """A pronoun as a source, with the name it refers to when one is found."""
        span = _token_span(para, head)
        pron, pos = _SUBJECT_CASE.get(head.lower_, head.lower_), para.start + head.idx
        if pron in PERSONAL or pron in ("they", "it"):
            name = self.book.resolve_pronoun(pron, pos, _REACH)
            if name is None and pron in ("they", "it"):
                name = self._last_description(pos)
            if name:
                return Source(span, name)
        return Source(span, head.text, resolved=False)

    def _named(self, head: Token) -> Token:
        """The word a mention's name ends with: its head, or a name in apposition that
        says who a description is (``The charity's director, Susan Ma``; ``X, formerly
        Twitter, ...``), a person's before a place's (``Commissioner of Police, Kolkata,
        Jo Roe``) or a job's (``the state Police Public Relations Officer, SP Jo Roe
        said``), also one closing a job's phrase (``A spokeswoman for X, Shauna
        Sanford,``) or jobs joined by ``and`` (``Kiiwetinoong MPP and Indigenous Relations
        Critic, Sol Mamakwa,``); not one in brackets (``Halvor (NYSE:HAL) CEO Mara
        Lind``), nor a day the parse took for one (``People's Bank Friday countered``: when
        it spoke)."""
        is_name = self.book.is_name_token
        apposed = [
            c
            for c in head.rights
            if (c.dep_ == "appos" or _conj_for_appos(head, c))
            and is_name(c)
            and not _bracketed(c)
            and c.lower_ not in _DAYS
        ]
        joined = [c for c in head.rights if c.dep_ == "conj"] if is_job([head]) else []
        further = [  # (also closing jobs joined by "and": "X MPP and Critic, Jo Roe,")
            c for a in apposed + joined for c in a.rights if c.dep_ == "appos" and is_name(c)
        ]
        people = [
            c for c in apposed + further if len(run := name_run(c, is_name)) > 1 and is_person(run)
        ]
        people.sort(key=lambda c: is_job([c]))  # (a job's name last)
        appos = people[0] if people else apposed[0] if apposed else None  # (past a place: "X,
        # Kolkata, Jo")
        described = (
            head.pos_ == "NOUN"
            or any(c.dep_ == "det" for c in head.lefts)
            or (head.is_sent_start and is_job([head]))  # "Councillor for X, ..., Jo Roe, said"
        )
        if appos is None and described and head.lemma_.lower() in TITLES:
            appos = (
                _closing_name(head, is_name)
                or _apposed_holder(head, is_name)
                or _named_before(head, is_name)
            )
            # (also "The Police Commander for X, Jo Roe,")
        if appos is None and head.pos_ == "PROPN":
            appos = _titled_name_after(head, is_name)
        if appos is not None:
            appos = _past_cut_title(appos)  # "the spokesman, Sgt. Tom Reyes,"
        person = self._names_person(head) and not is_job([head])  # ("Crime Commissioner")
        return appos if appos is not None and not person else head

    def _run_on_source(self, para: Paragraph, head: Token, pos: int) -> Source | None:
        """The source a name written on after the mention's head stands for, where the
        parse took that name for the next clause's subject: an organisation's after its
        kind (``the state agency Belta, President ...``), a person's set off after ``According
        to`` a job (``According to the spokeswoman for X, Kato Belmans, the group ...``);
        None for none."""
        according = head.dep_ == "pobj" and is_according(head.head.head)
        run = _name_run_on(head) or (_apposed_run_on(head) if according else [])
        if not run:
            return None
        start = mention_bounds(head, para)[0]
        last = run[-1]
        span = Span(para.start + para.doc[start].idx, para.start + last.idx + len(last))
        if run[0].i == head.i + 1:  # the agency's name
            return Source(span, " ".join(t.text for t in run))
        person = self._person(span, run, last, pos)
        if person.name:  # whom "The publicist" is
            self.book.add_title(head.lemma_.lower(), pos, person.name)
        return person

    def _source(self, para: Paragraph, head: Token) -> Source:
        doc = para.doc
        pos = para.start + head.idx
        if head.lower_ in PRONOUNS or head.lower_ in _SUBJECT_CASE:
            return self._pronoun(para, head)
        head = _misread_participle(_past_particle(_before_day(head)), self.book.is_name_token)
        ran_on = self._run_on_source(para, head, pos)
        if ran_on is not None:
            return ran_on
        is_name = self.book.is_name_token
        named = self._named(head)
        run = name_run(named, is_name)
        start, end = mention_bounds(named, para, head)
        run, start = self._past_a_place(run, start)
        job = bool(run) and is_job(run[-1:])  # "Minister", "Tyson President and CEO ..."
        job = job or (named.text[:1].isupper() and is_job([named]))  # ("Commissioner of
        # police Jo Roe": a job's noun the parse took for a common one)
        holder = _job_holder(named, is_name) if job else _placed_holder(named, is_name)
        if holder:
            run, end = holder, holder[-1].i  # "Minister of State for Petroleum Dr. Musadiq Malik"
        elif job:
            end = max(end, _job_end(named))  # "the Minister of State": the job's whole name
        span = Span(para.start + doc[start].idx, para.start + doc[end].idx + len(doc[end]))
        if run and is_person(run):
            return self._person(span, run, named, pos, head)
        if run and len(run) == 1 and is_acronym(run[0].text):
            return Source(span, run[0].text)  # "state-owned oil giant CNOOC"
        if run and len(run) == 1 and self.book.known_surname(run[0].text):
            return Source(span, self.book.fullest([run[0].text], pos))
        definite = (
            any(c.dep_ == "poss" or (c.dep_ == "det" and c.lower_ == "the") for c in head.children)
            or (  # "Magistrate further added": a job word alone opening its sentence
                head.is_sent_start
                and not any(head.lefts)
                and head.tag_ in ("NN", "NNP")
                and head.lower_ in TITLES
            )
            or (  # "According to Madam Superintendent": a job addressed so
                head.lower_ in TITLES and [c.lower_ in HONORIFICS for c in head.lefts] == [True]
            )
        )
        by_job = head.pos_ == "NOUN" or (  # also "The Spokesman"; not "the Minister of State"
            head.lower_ in TITLES and _job_end(head) == head.i
        )
        if by_job and definite:  # "the governor", "his lawyer"
            titled = self._titled(head, pos)
            if titled:  # (whom a later "he" refers to: "The Minority Leader said ... he said")
                self.book.add_mention(Mention(pos, titled, person=True, subject=True))
                return Source(span, titled)
        # "The Ministry made this known in a statement. ... The statement added": its
        alone = not any(c.dep_ == "prep" for c in head.rights)  # (not "the release from X")
        issuer = self._issued(head.lemma_.lower(), pos, alone) if _the(head) else None
        if issuer is not None:
            self.book.add_mention(Mention(pos, issuer, False, True))
            return Source(span, issuer)
        owner = _owning_pronoun(head)  # "his page posted", "her statement said": whose
        name = (
            self.book.resolve_pronoun(_POSSESSIVE[owner.lower_], pos, _REACH)
            if owner is not None
            else None
        )
        if name:
            return Source(span, name)
        written = para.text[span.start - para.start : span.end - para.start]
        if _by_job(head):  # (also "one of the prosecuted agents")
            self._described_person(head, written, pos, span, bool(definite))
        elif head.pos_ == "NOUN":  # "said the release. ... It further added": what it is
            self.book.add_mention(Mention(pos, written, False, True, head.tag_ == "NNS"))
        if (
            named is head
            and head.pos_ == "NOUN"
            and any(
                c.dep_ == "compound" and c.pos_ == "PROPN" and c.lower_ not in CALENDAR
                for c in head.lefts
            )
        ):  # "The Joongang Ilbo newspaper in South Korea": its name, not where it is
            # (not "A Friday statement from X": when it was given)
            return Source(span, para.text[span.start - para.start : head.idx + len(head)])
        return Source(span, written)

    def _described_person(
        self, head: Token, written: str, pos: int, span: Span, definite: bool
    ) -> None:
        """A person described by a job: whom a later pronoun refers to (``a police
        spokesman said ... He said``); a definite description, whom the article named with
        the job (:meth:`_holder`); an indefinite one that leads the article (its first
        attribution, before it has named anyone in full), whom the next paragraph names
        with the job (:meth:`_named_next`: ``A Kentucky sheriff has told``; also with no
        article: ``local mayor told``)."""
        bare = (  # "local mayor told" (not "official said": a kind of job, any office's)
            head.tag_ == "NN"
            and head.lemma_.lower() not in JOBS_OF_A_KIND
            and not any(c.dep_ in ("det", "poss") for c in head.children)
        )
        lead = (
            (_article(head, "a", "an") or bare)
            and not self.found  # (the article's first attribution)
            and not any(m.person and " " in m.name for m in self.book.mentions)
        )
        self.book.add_mention(Mention(pos, written, person=True, subject=True))
        if definite:
            self.anchored[span.start] = head.lemma_.lower()
            if head.tag_ == "NNS":
                self.plural.add(span.start)  # ("The eye witnesses said": people)
        elif lead:
            self.leads[span.start] = (head.lemma_.lower(), written)

    def _titled(self, head: Token, pos: int) -> str | None:
        """Whom a definite description by a job word stands for: the one the article named
        with that job (:meth:`core.suggest.names.NameBook.by_title`), with the word before
        it first (``The Prime Minister``: not ``Interior Minister Jo Roe``), but no person
        for an organisation's word (``the police`` is no ``Chief of Police Jo Roe``; ``the
        company`` is ``pharmaceutical company Krka``)."""
        job = head.lemma_.lower()
        kind = head.doc[head.i - 1] if head.i > 0 else None
        whole = f"{kind.lower_} {job}" if kind and kind.dep_ in ("compound", "amod") else None
        titled = (whole and self.book.by_title(whole, pos)) or self.book.by_title(job, pos)
        if titled and head.lower_ in NON_PERSON_WORDS and self.book.is_full_name(titled):
            return None
        return titled

    def _person(
        self, span: Span, run: list[Token], named: Token, pos: int, head: Token | None = None
    ) -> Source:
        """A person's name as a source; the first of people joined by ``and`` stands for
        them all, also as the ``they`` that refers to them later (``Jo Roe, Al Ma and Ed Li
        said ... they said``); one named before the description that is the subject
        (``head``) is the subject a later ``he`` refers to (``Misa Bello, a farmer said``)."""
        name = self.book.fullest([t.text for t in run], pos)
        if _names_more(named):
            self.book.add_mention(Mention(pos, name, False, True, plural=True))
        elif head is not None and named.i < head.i and head.dep_ in _SUBJECTS:
            self.book.add_mention(Mention(pos, name, True, True))
        return Source(span, name)

    def _names_person(self, head: Token) -> bool:
        """Whether a mention's head is a person's name (a full name, or a surname seen
        in one), rather than a job, a place or a thing."""
        run = name_run(head, self.book.is_name_token)
        return is_person(run) and (len(run) > 1 or self.book.known_surname(run[0].text))

    def _last_description(self, pos: int) -> str | None:
        for f in reversed(self.found):
            a = f.attribution
            if a.quote.start < pos - _REACH - MAX_PARAGRAPH:
                break  # a quote lies inside one paragraph: none before here ends in reach
            if a.quote.start < pos and a.speaker_name and pos - a.quote.end < _REACH:
                words = a.speaker_name.split()
                if not self.book.known_surname(words[-1]):
                    return a.speaker_name
        return None

    def _colon_intro(self, para: Paragraph) -> None:
        """``X said:`` closing a paragraph introduces the quote of the next one (also
        one whose marks the page lost: :attr:`said_colon`), and so
        does a cue that closes it with a comma or a semicolon written for the colon (``He
        talked about the injuries and said;``, ``Here is what he had to say,``), and the
        giving out of a document before a colon (``X issued the following statement:``)."""
        self.pending_colon, self.said_colon = None, False
        doc = para.doc
        end = para.text.rstrip()[-1:]
        if end not in (":", ",", ";") or para.quotes:
            return
        words = [t for t in doc if not (t.is_punct or t.is_space)]
        for t in reversed(doc if end == ":" else words[-1:]):
            if _is_cue_verb(t) or (end == ":" and _gives_out_document(t)):
                cue, source = self._cue_and_source(para, t)
                self.pending_colon = (cue, source) if source is not None else None
                self.said_colon = source is not None and end == ":" and t == words[-1]
                return

    # -- indirect speech -----------------------------------------------------------------

    def _indirect(self, index: int, para: Paragraph, taken: list[Span]) -> list[_Found]:
        out: list[_Found] = []
        for t, clause, rule in _reported(para):
            quote = Span(para.start + clause[0], para.start + clause[1])
            if any(quote.overlaps(s) for s in taken):
                continue
            if rule != CANDIDATE and clause[1] <= t.idx and _by_pronoun(t, para):
                # "Williams has been charged ..., he said": no one named in it is the "he"
                self.book.add_reported(quote.start, quote.end)
            cue, source = self._cue_and_source(para, t)
            if source is None and not is_passive(t):  # ("It was alleged that": no one's)
                source = self._speaker_just_before(cue)
            if source is None or (source.span is not None and source.span.overlaps(quote)):
                continue
            if cue.overlaps(quote):
                continue
            spoken = _dash_spoken(para)
            direct = spoken is not None and clause[0] == para.doc[spoken].idx
            kind = QuoteType.DIRECT if direct else QuoteType.INDIRECT
            found = _make(quote, source, cue, kind, 0.7, index, True)
            found.attribution = with_made_by(found.attribution, para, rule)
            if rule == CANDIDATE:
                self.candidates.append(found)
                continue
            taken.append(quote)
            if cue.end <= quote.start:  # (not "X rejected it, saying ..., reports PNA")
                self.book.add_reported(quote.start, quote.end)
            out.append(found)
        return out

    def _speaker_just_before(self, cue: Span) -> Source | None:
        """``"...," X said, before adding that ...``: a participle whose subject the
        parser lost inside the quote speaks for the attribution just before it."""
        for f in reversed(self.found):
            a = f.attribution
            if a.quote.start < cue.start - 40 - MAX_PARAGRAPH:
                break  # a cue is in its quote's paragraph or before the quote
            if a.cue is not None and a.speaker_name and 0 <= cue.start - a.cue.end <= 40:
                return Source(a.speaker, a.speaker_name)
        return None

    def results(self) -> list[Attribution]:
        """The attributions found, then the candidates (rule ``CANDIDATE``); a
        multi-paragraph quotation takes the speaker of whichever of its paragraphs has
        the cue."""
        chains: dict[int, _Found] = {}
        for f in self.found:
            if f.chain is not None and f.explicit and f.chain not in chains:
                chains[f.chain] = f
        out = []
        last: tuple[int, Attribution] | None = None  # the last one with a speaker, its paragraph
        for f in self.found + self.candidates:  # (candidates last: none goes on from one)
            a = f.attribution
            head = chains.get(f.chain) if f.chain is not None and not f.explicit else None
            if head is not None:
                h = head.attribution
                a = a.with_(speaker=h.speaker, speaker_name=h.speaker_name, cue=h.cue)
            elif (given := self._given_before(f)) is not None:  # "X issued a statement." "A."
                a = a.with_(speaker=None, speaker_name=given, cue=None)
            elif a.speaker_name is None and self._goes_on(f, last):
                b = last[1] if last else a  # ("Martin said it was not deliberate. "We ...")
                a = a.with_(speaker=b.speaker, speaker_name=b.speaker_name, cue=b.cue)
            elif a.speaker_name is None and f.unclosed and f.chain is None:
                continue  # an unclosed mark that began no multi-paragraph quote
            if a.speaker_name is not None:
                last = (f.para, a)
            if a.speaker is not None and a.speaker.start in self.anchored:
                holder = self._holder(a.speaker, a.quote)
                a = a.with_(speaker_name=holder or a.speaker_name)
            elif a.speaker is not None and a.speaker.start in self.leads:
                named = self._named_next(a.speaker.start)
                a = a.with_(speaker_name=named or a.speaker_name)
            if a.speaker_name:
                a = a.with_(speaker_name=self._settled(a.speaker_name, a.speaker, a.quote))
            out.append(a)
        return out

    def _given_before(self, f: _Found) -> str | None:
        """Who gave out the statement whose words a paragraph quotes with no cue of its
        own, the paragraph before saying only that they did (``Premier Brian Gallant issued
        a statement Friday morning.`` ``"On behalf of all New Brunswickers, ..."``); None
        for none."""
        if f.attribution.type is not QuoteType.DIRECT or f.explicit or f.para == 0:
            return None
        if not opens_with_quote(self.paragraphs[f.para][1]):
            return None
        start, end = self.paragraphs[f.para - 1][0], self.paragraphs[f.para][0]
        if any(g.para in (f.para - 1, f.para) and g.explicit for g in self.found):
            return None  # (an attribution's words there go on instead: '"A," she said. "B."')
        return next(
            (n for p, what, n in self.documents if start <= p < end and what in STATEMENT_NOUNS),
            None,
        )

    def _goes_on(self, f: _Found, last: tuple[int, Attribution] | None) -> bool:
        """Whether a direct quote with no speaker goes on from the last attribution that
        has one: in its paragraph (a reported clause the quote follows, found after it),
        or in one of the two before when its paragraph opens with a quote."""
        if last is None or f.attribution.type is not QuoteType.DIRECT or f.explicit:
            return False
        para, before = last
        near = f.attribution.quote.start - before.quote.end <= _REACH
        opens = opens_with_quote(self.paragraphs[f.para][1])
        return near and (para == f.para or (f.para - para <= 2 and opens))

    def _holder(self, speaker: Span, quote: Span) -> str | None:
        """Who holds the job a definite description ``speaker`` speaks of (``South
        Korea's top diplomat said``, ``The housing secretary has defended``): the person
        named with that job word before it, else the person whose name closes it after
        a place's (``The coach of Norland Ola Lind``; not ``The chief of the First Nation
        of Ula Ben``: where), else the first the article names later with that job and
        another of its words (``the shire president of Norland`` ... ``Mr Berg says`` ...
        ``Shire of Norland president Jo Roe``), else, when no description with it came
        before (:meth:`core.suggest.names.NameBook.introduced`), the first one the next
        paragraph names in full as a subject or opens with (``Foreign Minister Kang
        Kyung-wha also said``), a news story's way to name whom its lead described (for
        people, only a description of them: ``The eye witnesses said`` is no ``Kokopo
        Town``), but not one the description's ``quote`` names (``Jo Roe will appeal, his
        lawyer says. ... Roe, 62, faces``: whom the lawyer speaks of); then that job word
        names them further on (``The foreign minister nominee``)."""
        pos = speaker.start
        job = self.anchored[pos]
        spoken_of = {m.name for m in self.book.mentions if quote.start <= m.pos < quote.end}
        name = (
            self.book.by_title(job, pos)
            or self._closing_holder(speaker)
            or self.book.named_later(self._words(speaker), pos, described=True)
        )
        k = bisect_right(self.paragraphs, pos, key=lambda p: p[0])
        while k < len(self.paragraphs) and is_heading(self.paragraphs[k][1]):
            k += 1  # (a subheading between: "National Flags Vandalized" is nobody)
        people = pos in self.plural  # (whom the next paragraph describes so, not names)
        if name is None and k < len(self.paragraphs) and not self.book.introduced(job, pos):
            end = self.paragraphs[k + 1][0] if k + 1 < len(self.paragraphs) else None
            start = self.paragraphs[k][0]
            name = next(
                (
                    m.name
                    for m in self.book.mentions
                    if start <= m.pos
                    and (end is None or m.pos < end)
                    and m.person
                    and m.name not in self.book.kinds  # (not 'broadcaster "Norvia Radio"')
                    and (m.subject or m.pos == start)
                    and len(m.name.split()) > 1
                    and m.name not in spoken_of
                    and (not people or is_description(m.name))
                ),
                None,
            )
        if name is not None:
            self.book.add_title(job, pos, name)
        return name

    def _named_next(self, pos: int) -> str | None:
        """The person the next paragraph names with the job of an indefinite description
        that leads the article, before it has named anyone (``A Kentucky sheriff has told``
        ... ``Martin County Sheriff John Kirk took the stage``), or with the body it names
        (:meth:`_named_with_its_body`): whom a news story's lead described; None for none."""
        k = bisect_right(self.paragraphs, pos, key=lambda p: p[0])
        end = self.paragraphs[k + 1][0] if k + 1 < len(self.paragraphs) else None
        job, written = self.leads[pos]
        titled = (name for at, name in self.book.titled_after(job, pos) if end is None or at < end)
        return next(titled, None) or self._named_with_its_body(written, k)

    def _named_with_its_body(self, written: str, k: int) -> str | None:
        """The person paragraph ``k`` names first in full with the body a lead's
        description names set off after the name (``a United Steelworkers staff
        representative disclosed`` ... ``Mark Murray, United Steelworkers Local 1375,
        said``): a capitalised word of the description's own in it; None for none."""
        if k >= len(self.paragraphs):
            return None
        start, text = self.paragraphs[k]
        own = {w for w in written.split()[1:] if w[:1].isupper()}
        named = sorted(
            (at, " ".join(words))
            for words, seen in self.book.full_names.items()
            for at in seen
            if start <= at < start + len(text)
        )
        for at, name in named:
            after = text[at - start + len(name) :]
            if after.startswith(", ") and own & set(after[2:].split(",")[0].split()):
                return name
        return None

    def _closing_holder(self, speaker: Span) -> str | None:
        """A person's name closing a job's description after a place's name: ``The coach
        of Norland Ola Lind``."""
        name = self.book.name_within(speaker.start, speaker.end, ending=True)
        before = self._words(speaker)[: -len(name)].split() if name else []
        return name if before and before[-1][:1].isupper() else None

    def _settled(self, name: str, speaker: Span | None, quote: Span) -> str:
        """A speaker name as the whole article resolves it, then as the corpus knows it."""
        name = self.book.settle(name, speaker.start if speaker else quote.start)
        return self.known.canonical(name)

    def _words(self, span: Span) -> str:
        """The words of a span of one paragraph."""
        k = bisect_right(self.paragraphs, span.start, key=lambda p: p[0]) - 1
        start, text = self.paragraphs[k]
        return text[span.start - start : span.end - start]


# -- helpers on the parse ----------------------------------------------------------------------


def _reported(para: Paragraph) -> list[tuple[Token, tuple[int, int], str]]:
    """Each cue outside quotes with the clause it reports (character bounds in the
    paragraph) and its rule, in text order, but for a person's reporting line after its
    clause over a thing's verb of saying (``The probe had confirmed that A, he said.``) or
    the speaker's own ``I`` or ``we`` (``We promise that A, he underscored.``), or a
    person's saying that a report reports (``ZANIS reports that Mr Kapeso noted that A``):
    it comes first, as what the person said is all of it (``Kang said A, Newsis
    reported.`` stays Kang's)."""
    out: list[tuple[Token, tuple[int, int], str]] = []
    for t in para.doc:
        if para.in_quote[t.i]:
            continue
        rule = "indirect"
        if is_according(t):
            according = according_clause(t, para)
            clauses, rule = [according] if according else [], "according-to"
        elif (
            _is_speech_verb(t)
            or _goes_on_saying(t)
            or _closes_a_report(t, para)
            or _document_reads(t)
            or _quoting_line(t)
        ):
            clauses = _reported_clauses(t, para)
        elif _is_candidate_cue(t):
            clauses, rule = _reported_clauses(t, para), CANDIDATE
        else:
            continue
        out.extend((t, _from_the_dash(para, t, clause), rule) for clause in clauses)

    def over_another(found: tuple[Token, tuple[int, int], str]) -> bool:
        t, (start, end), rule = found
        if rule != "indirect" or end > t.idx:
            return False
        person = _by_person(t, para)
        return any(
            start <= u.idx < end
            and r == "indirect"
            and (
                _spoken_over(u, para, reported=t.lemma_ == "report")
                if person
                else _a_thing_says(u, para)
            )
            for u, _, r in out
        )

    def reported_by_another(found: tuple[Token, tuple[int, int], str]) -> bool:
        u, _, rule = found  # "ZANIS reports that Mr Kapeso noted that A": Kapeso's A
        reports = u.head.lemma_ == "report" and u.head.i < u.i and u.dep_ == "ccomp"
        return rule == "indirect" and reports and _by_person(u, para)

    return sorted(out, key=lambda f: (not (over_another(f) or reported_by_another(f)), f[0].i))


def _repair_reporting_nouns(doc: Doc) -> None:
    """A verb of saying in its third person that the parse takes for a plural noun with a
    subject of its own right before it, ending its clause (``A will make proposals, RUV
    reports.``), is the verb (and so is one in the past before its subject:
    :func:`_repair_inverted_line`); so is its participle taken for a noun that the parse gives a
    ``that`` clause as a verb's (``spoke about the crime in the state acknowledging that
    A``). One the parse takes for a verb right after a possessive's mark is the noun its
    owner owns (``claimed ignorance of the villagers’ claims that A``: no one says A)."""
    for t in doc[1:-1]:
        _repair_inverted_line(t)
        if t.tag_ == "VBZ" and (doc[t.i - 1].tag_ == "POS" or doc[t.i - 1].dep_ == "case"):
            t.pos_, t.tag_ = "NOUN", "NNS"
            continue
        said = t.lower_[:-1]
        subject = doc[t.i - 1].dep_ == "nsubj" and doc[t.i - 1].head == t
        if t.tag_ == "NNS" and said in SPEECH_VERBS and subject and doc[t.i + 1].is_punct:
            t.pos_, t.tag_, t.lemma_ = "VERB", "VBZ", said  # (not "Islamophobic comments by")
        saying = _participle_lemma(t.lower_)
        if t.tag_ == "NN" and saying and t.dep_ in ("advcl", "xcomp") and _reports_a_that_clause(t):
            t.pos_, t.tag_, t.lemma_ = "VERB", "VBG", saying


def _gerund_subject_clause(verb: Token) -> Token | None:
    """A clause after a verb of saying whose subject opens with a gerund, which the parse
    takes for the verb's complement with the clause's verb under it (``he said seeing the
    post gave him an immediate concern``): the gerund, whose words are the clause; not a
    clause of the gerund's own (``reported Supt Roe telling the court that A``, ``reported
    seeing the attackers hurling punches``: what was seen or told). None for none."""
    gerund = next((c for c in verb.rights if c.dep_ == "xcomp" and c.tag_ == "VBG"), None)
    if gerund is None:
        return None
    clause = next((c for c in gerund.rights if c.dep_ == "ccomp"), None)
    if clause is None or clause.tag_ not in ("VBD", "VBZ", "VBP", "MD"):
        return None
    subject = any(c.dep_ in _SUBJECTS for c in clause.lefts)
    return gerund if subject and not any(c.dep_ == "mark" for c in clause.children) else None


def _repair_inverted_line(t: Token) -> None:
    """A verb of saying in the past after a comma with the speaker's name after it, closing
    the sentence, that the parse takes for a word of that name (``A, added Minister
    Rashkov.``, ``A, added Jones.``): the sentence's verb, the name its subject and what
    came before the comma what it reports."""
    doc = t.doc
    name = t.head
    closes = name.i + 1 == len(doc) or doc[name.i + 1].text in _SENTENCE_END
    if not (
        t.dep_ in ("amod", "compound")
        and t.tag_ in ("VBD", "VBN", "JJ")
        and t.lemma_.lower() in SPEECH_VERBS
        and doc[t.i - 1].text == ","
        and name.pos_ == "PROPN"
        and closes
        and all(w.pos_ == "PROPN" for w in doc[t.i + 1 : name.i + 1])
    ):
        return
    root = t.sent.root
    t.head, t.dep_, t.pos_, t.tag_ = t, "ROOT", "VERB", "VBD"
    name.head, name.dep_ = t, "nsubj"
    for after in doc[name.i + 1 : t.sent.end]:  # (the full stop)
        if after.head == root:
            after.head = t
    root.head, root.dep_ = t, "ccomp"


def _repair_opening_line(t: Token) -> None:
    """A verb of saying in the past opening its sentence, its speaker and a colon after it,
    before the words said, that the parse takes for a word of the name or for a clause of
    the quote's (``Added Cllr Halligan: "A"``, ``Added the mayor: "A"``): the sentence's
    verb, the speaker its subject and the quote's verb what it reports."""
    doc = t.doc
    if not (
        t.tag_ in ("VBD", "VBN")
        and t.text[:1].isupper()
        and t.lemma_.lower() in SPEECH_VERBS
        and t.i == t.sent.start  # (last: a token's sentence is found by a walk)
    ):
        return
    colon = next((k for k in range(t.i + 1, min(t.i + 8, len(doc))) if doc[k].text == ":"), None)
    if colon is None or colon == t.i + 1:
        return
    speaker = doc[colon - 1]  # the last word of the name or description before the colon
    if speaker.pos_ not in ("PROPN", "NOUN") or not all(
        w.pos_ in ("PROPN", "NOUN", "DET", "ADJ") for w in doc[t.i + 1 : colon]
    ):
        return
    root = t.sent.root
    t.head, t.dep_, t.pos_, t.tag_ = t, "ROOT", "VERB", "VBD"
    speaker.head, speaker.dep_ = t, "nsubj"
    for w in doc[t.i + 1 : colon - 1]:
        if w.head.i > colon or w.head == t:
            w.head = speaker  # (its words hang on its last)
    if root not in (t, speaker):
        root.head, root.dep_ = t, "ccomp"


def _participle_lemma(word: str) -> str | None:
    """The verb of saying a participle is of (``acknowledging``: ``acknowledge``,
    ``admitting``: ``admit``), or None."""
    stem = word[:-3] if word.endswith("ing") else ""
    forms = (stem, stem + "e", stem[:-1] if stem[-2:-1] == stem[-1:] else "")
    return next((f for f in forms if f in SPEECH_VERBS), None)


def _phrasal(t: Token) -> str:
    """A verb's lemma with its particle (``pointing out``: ``point out``), or alone."""
    particle = _particle(t)
    return f"{t.lemma_.lower()} {particle.lower_}" if particle is not None else t.lemma_.lower()


def _closes_a_report(t: Token, para: Paragraph) -> bool:
    """``A, the prosecutor went on.``: a verb of :data:`REPORTING_LINE_VERBS` with its
    subject, closing the sentence of the clause it reports, or set off by commas inside it
    (``The incident, Simon continued, began when A``)."""
    doc = t.doc
    if t.pos_ != "VERB" or t.tag_ == "VBG" or _phrasal(t) not in REPORTING_LINE_VERBS:
        return False
    last = (_particle(t) or t).i + 1
    ends = last == len(doc) or doc[last].text in _SENTENCE_END
    subject = _own_subject(t, para)
    if subject is None:
        return False
    first = _line_start(t)
    set_off = (
        t.dep_ == "parataxis"
        and last < len(doc)
        and doc[last].text == ","
        and first > 0
        and doc[first - 1].text == ","
    )
    return set_off or (ends and any(c.dep_ == "ccomp" and c.i < subject.i for c in t.children))


def _is_candidate_cue(t: Token) -> bool:
    """A verb outside the lexicon with a clausal complement (``polls show that``,
    ``he believes that``): what a learned cue may be."""
    return (
        t.pos_ == "VERB"
        and t.tag_ != "VBG"
        and not _says(t)
        and any(c.dep_ == "ccomp" for c in t.children)
    )


def with_made_by(a: Attribution, para: Paragraph, rule: str) -> Attribution:
    """A suggestion with the rule that made it and the features the learned re-scorer
    reads (:mod:`core.suggest.learn`): the cue's lemma (empty when the cue is an
    earlier one's, or none), what the speaker mention is, and the quote's length."""
    doc, start = para.doc, para.start

    def tokens(span: Span | None) -> TokenSpan | None:
        inside = span is not None and start <= span.start and span.end <= start + len(para.text)
        if span is None or not inside:
            return None
        return doc.char_span(span.start - start, span.end - start, alignment_mode="expand")

    cue = tokens(a.cue)
    mention = tokens(a.speaker)
    if a.speaker_name is None:
        speaker = "none"
    elif mention is not None and mention.text.lower() in PRONOUNS:
        speaker = "unresolved" if a.speaker_name.lower() in PRONOUNS else "pronoun"
    elif all(w[:1].isupper() for w in a.speaker_name.split()):
        speaker = "name"
    else:
        speaker = "description"
    chars = a.quote.end - a.quote.start
    length = next(n for limit, n in _LENGTHS if chars < limit)
    features = (
        ("rule", rule),
        ("cue", cue[0].lemma_.lower() if cue is not None and len(cue) else ""),
        ("speaker", speaker),
        ("length", length),
    )
    prior = 0.5 if rule == CANDIDATE else a.confidence or 0.5
    return a.with_(confidence=prior, made_by=MadeBy(rule, features, prior))


#: A quote's length in characters, as a feature: under each limit, its name.
_LENGTHS = ((40, "short"), (120, "medium"), (300, "long"), (2**62, "very long"))


def _make(
    quote: Span,
    source: Source | None,
    cue: Span | None,
    qtype: QuoteType,
    conf: float,
    para: int,
    explicit: bool,
) -> _Found:
    speaker = source.span if source else None
    if speaker is not None and speaker.overlaps(quote):
        speaker = None
    if cue is not None and cue.overlaps(quote):
        cue = None
    if source is not None and not source.resolved:
        conf -= 0.2
    attr = Attribution(
        quote=quote,
        speaker=speaker,
        cue=cue,
        speaker_name=source.name if source else None,
        type=qtype,
        confidence=round(conf, 2),
    )
    return _Found(attr, para, explicit)


def _token_span(para: Paragraph, first: Token, last: Token | None = None) -> Span:
    """The characters from ``first`` to ``last`` (inclusive), whichever comes first."""
    a, b = sorted((first, last or first), key=lambda t: t.i)
    return Span(para.start + a.idx, para.start + b.idx + len(b))


def _particle(verb: Token) -> Token | None:
    """``pointed out``: the particle belongs to the cue."""
    return next((c for c in verb.children if c.dep_ == "prt" and c.i == verb.i + 1), None)


def _is_cue_verb(t: Token) -> bool:
    return (
        (
            t.pos_ in ("VERB", "AUX")
            and t.lemma_.lower() in CUE_VERBS
            and t.tag_ != "VBG"
            and not _expresses_a_thing(t)
        )
        or (t.pos_ == "VERB" and t.tag_ != "VBG" and _person_says(t))
        or (t.pos_ == "VERB" and t.tag_ != "VBG" and _phrasal(t) in PHRASAL_SPEECH_VERBS)
        or is_according(t)
        or (t.lemma_.lower() in _QUOTING and _quoted_as_saying(t) is not None)
        or _document_reads(t)
    )


def _expresses_a_thing(verb: Token) -> bool:
    """Whether ``express`` has an object (``It expressed "utmost bewilderment" at the
    remarks, prompting him to write: "A"``): what it expresses is its words, no cue of
    words in marks after them (``"A," Jo Roe expressed.`` is one)."""
    return verb.lemma_.lower() == "express" and any(c.dep_ == "dobj" for c in verb.children)


def _document_reads(t: Token) -> bool:
    """``The statement reads: "..."``, ``"...," read a statement``, ``a statement of his
    own, which read in part, "..."``: ``read`` of a document given out
    (:data:`ISSUED_NOUNS`) is its saying (``He read a statement`` is none)."""
    if t.lemma_.lower() != "read" or t.pos_ != "VERB" or t.tag_ == "VBG":
        return False
    doc = t.doc
    subj = next((c for c in t.children if c.dep_ in _SUBJECTS), None)
    if (
        subj is None
        and t.i > 0
        and (doc[t.i - 1].text in CLOSING_MARKS or doc[t.i - 1].text == ",")
    ):
        subj = next((c for c in t.rights if c.dep_ == "dobj" and c.left_edge.i == t.i + 1), None)
    if subj is not None and subj.lower_ in ("which", "that") and t.dep_ == "relcl":
        subj = _document_of(t.head)
    return subj is not None and _text_of(subj).lemma_.lower() in ISSUED_NOUNS


def _text_of(noun: Token) -> Token:
    """The document whose text or wording a noun is (``The text of the statement read``:
    the statement), else the noun."""
    if noun.lemma_.lower() not in ("text", "wording"):
        return noun
    of = next((c for c in noun.rights if c.dep_ == "prep" and c.lower_ == "of"), None)
    document = next((c for c in of.children if c.dep_ == "pobj"), None) if of else None
    return document if document is not None else noun


def _document_of(noun: Token) -> Token | None:
    """The document a noun is the ``of`` phrase of (``a statement of his own``: the parse
    hangs a relative clause on ``own``) or the time phrase after (``released a statement
    the same day, which read``: on ``day``), or the noun itself when it is one; else
    None."""
    if noun.dep_ == "npadvmod":
        noun = next((c for c in noun.head.children if c.dep_ == "dobj"), noun)
    while noun.lemma_.lower() not in ISSUED_NOUNS and noun.dep_ == "pobj":
        if noun.head.lower_ != "of":
            return None
        noun = noun.head.head
    return noun if noun.lemma_.lower() in ISSUED_NOUNS else None


#: Verbs that give another's saying ``as saying`` (``X was quoted as saying``, ``state TV
#: cited BBC as saying``).
_QUOTING = frozenset({"quote", "cite"})


def _quoting_line(verb: Token) -> bool:
    """Whether a verb is the ``quoted`` of ``X was quoted as saying`` with its subject
    before it: a reporting line of the clause before it (``A, the spokesman was quoted as
    saying.``), as ``said`` is."""
    return (
        verb.lemma_.lower() in _QUOTING
        and _quoted_as_saying(verb) is not None
        and any(c.dep_ == "nsubjpass" for c in verb.lefts)
    )


def _seen_saying(v: Token, verb: Token) -> bool:
    """Whether a participle of saying hangs on a passive verb of seeing or hearing, whose
    subject says it (``Angry villagers could be seen in a video saying "A"``: the
    villagers)."""
    return (
        verb.tag_ == "VBG"
        and verb.head == v
        and verb.dep_ in ("advcl", "xcomp")
        and v.lemma_.lower() in _PERCEIVING
    )


#: Verbs of seeing or hearing someone do something (``was heard saying``).
_PERCEIVING = frozenset({"see", "hear", "film", "record", "catch"})


def _quoted_as_saying(t: Token) -> tuple[Token, Token] | None:
    """``X was quoted as saying``, ``Y cited X as saying``: its ``quoted`` and its
    ``saying``, from either."""
    if t.lemma_.lower() == "say" and t.dep_ == "pcomp" and t.head.lower_ == "as":
        quoted = t.head.head
        return (quoted, t) if quoted.lemma_.lower() in _QUOTING else None
    if t.lemma_.lower() not in _QUOTING:
        return None
    for as_ in t.children:
        if as_.lower_ == "as" and as_.dep_ == "prep":
            for saying in as_.children:
                if saying.dep_ == "pcomp" and saying.lemma_.lower() == "say":
                    return t, saying
    return None


def _by_person(verb: Token, para: Paragraph) -> bool:
    """Whether a verb's subject is a personal pronoun, a name or a person by their job
    (``its Africa director``)."""
    subj = verb_subject(verb, para)
    return subj is not None and (subj.lower_ in PERSONAL or subj.pos_ == "PROPN" or _by_job(subj))


def _by_pronoun(verb: Token, para: Paragraph) -> bool:
    """Whether a verb's subject is a pronoun (``..., he said``)."""
    subj = verb_subject(verb, para)
    return subj is not None and subj.lower_ in PRONOUNS


def _by_job(subj: Token) -> bool:
    """Whether a subject is a person named by their job (``its regional director``), also
    one of people named so (``one of the prosecuted agents``)."""
    if subj.lower_ == "one":
        return any(
            c.lower_ == "of" and any(_by_job(o) for o in c.children if o.dep_ == "pobj")
            for c in subj.children
        )
    return subj.pos_ == "NOUN" and subj.lemma_.lower() in TITLES


def _spoken_over(verb: Token, para: Paragraph, reported: bool = False) -> bool:
    """Whether a person's reporting line after a verb's clause speaks over it: its subject
    (found once) is a common noun that is no person's job (``The probe``, not ``The
    spokesman``), a name that is no person's (``The WHO``, ``The Red Cross``: an
    organisation says what it says as a thing does; not where the line is an outlet's
    ``reported``: ``The Supreme Court announced A, the daily SME reported``), or ``I`` or
    ``we`` (words of the speaker's own that the reporting line gives, no marks around
    them: ``We promise that A, he underscored``)."""
    subj = verb_subject(verb, para)
    if subj is None:
        return False
    thing = subj.pos_ == "NOUN" and subj.lemma_.lower() not in TITLES
    organisation = subj.pos_ == "PROPN" and not is_person(name_run(subj)) and not reported
    return thing or organisation or subj.lower_ in ("i", "we")


def _a_thing_says(verb: Token, para: Paragraph) -> bool:
    """Whether a verb's subject is a thing, no person's job nor an organisation's kind
    (``Investigations revealed A, authorities say``: the line is the authorities', over
    all of it; not ``The ministry revealed A, police say``)."""
    subj = verb_subject(verb, para)
    return subj is not None and _a_thing(subj)


def _issuer(says: Token, para: Paragraph) -> Token | None:
    """Who a document that says something through ``says`` (:func:`_saying_document`;
    None where none does) is from, when a
    person or a name gives it out (``He wrote a letter saying``, ``Norgas issued a
    statement saying``, ``Norgas confirmed it in a tweet that said``): the subject of the
    verb it is the object of (not one that says in a relative clause: ``X rejected the
    report of Y that said``), or in a phrase of; None for a
    description (``Officials issued a release stating``: the release is as written)."""
    document = _saying_document(says)
    if document is None or document.dep_ == "dobj" and says.dep_ == "relcl":
        return None  # "X rejected the report of Y that said ...": Y's
    return _giver(document, para)


def _issued_by(document: Token) -> Token | None:
    """The name a document was issued by (``the statement issued by Norgas``), if any."""
    by = [a for c in document.rights if c.dep_ == "acl" for a in c.children if a.dep_ == "agent"]
    named = [c for a in by[:1] for c in a.children if c.dep_ == "pobj" and c.pos_ == "PROPN"]
    return named[0] if named else None


def _giver(document: Token, para: Paragraph) -> Token | None:
    """Who gives out a document, a person or a name: the subject of the verb it is the
    object of (``Norgas issued a statement``, ``Jo Roe released a statement of his own
    the same day, which read ...``) or in a phrase of (``Norgas confirmed it in a
    tweet``), or by whom it was issued (``the statement issued by Norgas``); None else."""
    named = _issued_by(document)
    if named is not None:
        return named
    giver = document.head
    if document.dep_ == "pobj" and giver.dep_ == "prep":
        giver = giver.head  # "Norgas confirmed it in a tweet that said ..."
    elif document.dep_ != "dobj":
        return None
    subj = _own_subject(giver, para)
    if subj is None:
        return None
    return (
        subj if subj.lower_ in PERSONAL or subj.pos_ == "PROPN" or _body_of_a_name(subj) else None
    )


def _goes_on_saying(t: Token) -> bool:
    """``X stated that A, showing that B``: a participle of :data:`GOING_ON_VERBS` after
    a comma, with a ``that`` clause, going on from a verb of saying or its reported
    clause, says B for X."""
    up = t.head
    return (
        t.tag_ == "VBG"
        and t.lemma_.lower() in GOING_ON_VERBS
        and t.dep_ in ("advcl", "xcomp")
        and t.i > 0
        and t.doc[t.i - 1].text == ","
        and any(c.dep_ == "ccomp" and any(map(_that, c.children)) for c in t.children)
        and (_is_speech_verb(up) or (up.dep_ == "ccomp" and _is_speech_verb(up.head)))
    )


def _is_speech_verb(t: Token) -> bool:
    """A verb of saying; a participle only as a clause (``..., insisting that``) or as
    what a document says (:func:`_document_says`), not as another noun's modifier (``a
    growing number``), unless the parse hung one going on from a clause on its noun
    (:func:`_adds_on`)."""
    return (
        t.pos_ in ("VERB", "AUX")
        and _says(t)
        and (
            not (t.tag_ == "VBG" and t.dep_ in ("amod", "acl", "compound"))
            or _document_says(t)
            or _adds_on(t)
        )
        and not _adds_a_number(t)
    )


def _adds_a_number(verb: Token) -> bool:
    """Whether ``add`` adds a number of things, not words (``will be adding 50 positions
    "over the coming weeks"``: whoever adds them says nothing by it)."""
    return verb.lemma_ == "add" and any(
        c.dep_ == "dobj" and any(n.pos_ == "NUM" or n.lower_ == "more" for n in c.subtree)
        for c in verb.children
    )


def _says(verb: Token) -> bool:
    """Whether a verb's lemma is one of saying, alone or with its particle (``pointed
    out``), or one of a person's (:func:`_person_says`)."""
    return (
        verb.lemma_.lower() in SPEECH_VERBS
        or _phrasal(verb) in PHRASAL_SPEECH_VERBS
        or _person_says(verb)
    )


#: Documents given out as their giver's own words, whose ``indicated`` or ``suggested`` is
#: a saying (``A statement indicated that A``); not a report, which may find, nor a post or
#: a tweet, which the article may name by a page rather than by its giver.
_WORDED_DOCUMENTS = frozenset({"statement", "release", "letter", "memo"})


def _person_says(verb: Token) -> bool:
    """Whether a verb of :data:`PERSON_SPEECH_VERBS` has a person as its subject, its own
    or that of the verb it is coordinated with (``Jo Roe attacked the plan and suggested
    A``): ``he`` or ``she``, a person's name or a person by their job (``A government
    minister suggested``), or a document given out in its giver's words (``A statement
    indicated that A``: :data:`_WORDED_DOCUMENTS`)."""
    if verb.lemma_.lower() not in PERSON_SPEECH_VERBS:
        return False
    v = verb
    for _ in range(4):
        subj = next((c for c in v.children if c.dep_ == "nsubj"), None)
        if subj is not None:
            run = name_run(subj) if subj.pos_ == "PROPN" else []
            return (
                subj.lower_ in PERSONAL
                or bool(run and is_person(run))
                or _by_job(subj)
                or subj.lemma_.lower() in _WORDED_DOCUMENTS
            )
        if v.dep_ != "conj":
            return False
        v = v.head
    return False


def _document_says(t: Token) -> bool:
    """Whether ``t`` says what a document says (:func:`_saying_document`)."""
    return _saying_document(t) is not None


def _saying_document(t: Token) -> Token | None:
    """The document that says something through ``t`` (``issued a release stating that
    ...``, ``in a tweet that said ...``, ``a statement denying A and saying B``): a
    participle or a relative clause with a reported clause on one document given out (a
    statement, a release, a letter; not ``reports saying``, nor a call or an interview,
    where people speak: :data:`ISSUED_NOUNS`); None for none."""
    v = t
    if t.dep_ == "conj" and t.tag_ == "VBG" and t.head.tag_ == "VBG":
        v = t.head  # "a statement denying A and saying B"
    says = (
        (v.tag_ == "VBG" and v.dep_ == "acl" or v.dep_ == "relcl" and _relative(v))
        and v.head.tag_ == "NN"
        and v.head.lemma_.lower() in ISSUED_NOUNS
        and any(c.dep_ == "ccomp" for c in t.children)
    )
    return v.head if says else None


def _a_thing(noun: Token) -> bool:
    """Whether a noun names a thing: in lower case, no job's nor an organisation's kind."""
    return (
        noun.pos_ == "NOUN"
        and noun.lemma_.lower() not in TITLES
        and noun.lemma_.lower() not in ORGANISATION_KINDS
    )


def _person_before(noun: Token) -> Token | None:
    """The last word of the nearest person's name before a noun in its sentence, which a
    ``who`` after the noun refers to (``Jo Roe, Deputy Spokesperson, at the regular press
    briefing, who said``: Roe); None for none."""
    names = (
        t
        for t in reversed(noun.doc[noun.sent.start : noun.i])
        if t.pos_ == "PROPN" and (t.i + 1 == len(t.doc) or t.doc[t.i + 1].pos_ != "PROPN")
    )
    return next((t for t in names if is_person(name_run(t))), None)


def _agent(verb: Token) -> Token | None:
    """Who a passive verb's ``by`` names (``it was confirmed by the Ministry that A``: the
    Ministry), None for none."""
    by = next((c for c in verb.children if c.dep_ == "agent"), None)
    return next((c for c in by.children if c.dep_ == "pobj"), None) if by else None


def _relative(verb: Token) -> bool:
    """Whether a verb's subject is the relative pronoun of its clause (``that said``)."""
    return any(c.dep_ == "nsubj" and c.lower_ in ("that", "which") for c in verb.children)


def verb_subject(verb: Token, para: Paragraph) -> Token | None:
    """The cue's subject: its own, a coordinated verb's, or the noun a relative clause hangs on."""
    heard = _heard_saying(verb)  # "X reported Jo Roe telling the court that A": Jo Roe
    if heard is not None:
        return heard
    document = _saying_document(verb) or _giver_of_document_before(verb)
    if document is not None:
        return document  # "a release stating that": it; "a statement issued by Y, stating"
    v = verb
    for _ in range(4):
        subj = _own_subject(v, para)
        if subj is not None:
            subj = _mended_subject(subj, v)
            if subj.lower_ in ("who", "that", "which") and v.dep_ == "relcl":
                named = v.doc[subj.i - 1] if subj.i and subj.lower_ == "who" else None
                if named is not None and named.pos_ == "PROPN" and named.head != v.head:
                    return named  # "no comments from Kerwin who said": Kerwin, not comments
                if subj.lower_ == "who" and _a_thing(v.head):
                    return _person_before(v.head) or v.head  # "Jo Roe ... at the briefing, who"
                return _document_of(v.head) or v.head  # ("a statement of his own, which")
            passive = (
                subj.dep_ == "nsubjpass"
                and _quoted_as_saying(v) is None  # (not "A, X was quoted as saying, adding
                # that B": X's)
                and not _seen_saying(v, verb)
            )
            if passive or (subj.lower_ == "it" and subj.dep_ == "expl"):
                return _agent(v) if subj.lower_ == "it" else None  # "it was confirmed by X"
            return subj
        if v.dep_ == "conj" and v.head.pos_ in ("VERB", "AUX"):
            joined = (
                _as_subject(v)
                or _name_before(v, para)
                or _phrase_joined_before(v, para)
                or next(iter(_set_off_name(v, para)[-1:]), None)  # "A and B, Jo Roe, has
                # confirmed": no conjunct of A's verb
            )
            if joined is not None:
                return joined  # "..., Qatar and Britain, and health officials claim"
            v = _coordinated(v, verb, para)
            continue
        if (v.dep_ in ("advcl", "xcomp") and v.tag_ == "VBG") or _adds_on(v):
            v = _going_on_from(v)  # "X said ..., adding that ...": the subject of the main verb
            continue
        if v is not verb and v.dep_ == "xcomp" and v.tag_ == "VB" and verb.tag_ == "VBD":
            v = v.head  # "X called on Y to meet him and claimed A": no infinitive's conjunct
            continue
        of = _saying_of(v)  # "X said ..., before adding that ...", "X went on to say"
        if of is None:
            break
        v = of
    set_off = _set_off_name(verb, para)
    if set_off:
        return set_off[-1]  # "A, Okafor, added"
    return (
        _inverted_subject(verb, para)
        or _name_before(verb, para)
        or _after_fronted(verb, para)
        or _subject_in_fronted_phrase(verb, para)
        or _phrase_joined_before(verb, para)
    )


def _giver_of_document_before(verb: Token) -> Token | None:
    """Who gave out the document whose phrase ends right before a participle's comma
    (``McKay's comments followed a statement issued by the City of Nanaimo, stating that
    A``: the City of Nanaimo, whose statement states A, not the sentence's subject); None
    for none."""
    doc = verb.doc
    end = verb.i - 1
    if verb.tag_ != "VBG" or end < 1 or doc[end].text != ",":
        return None
    document = next(
        (
            a
            for a in doc[end - 1].ancestors
            if a.lemma_.lower() in ISSUED_NOUNS and a.pos_ == "NOUN" and a.right_edge.i == end - 1
        ),
        None,
    )
    return _issued_by(document) if document is not None else None


def _as_subject(verb: Token) -> Token | None:
    """The subject of a clause of ``as`` that the parse took for a preposition's object and
    its verb for a conjunct of the sentence's (``Footage showed rifles as Colonel Jo Roe,
    the head of the gendarmerie, said A``: Jo Roe), a name or a job, not a thing (``as a
    result of the fires and police say``: as a result); None for none."""
    before = verb.i - 1
    ends = (before, before - 1) if verb.doc[before].text == "," else (before,)
    return next(
        (
            o
            for p in verb.head.children
            if p.dep_ == "prep" and p.lower_ == "as" and p.i < verb.i
            for o in p.children
            if o.dep_ == "pobj"
            and o.right_edge.i in ends
            and (o.pos_ == "PROPN" or o.lemma_.lower() in TITLES)
        ),
        None,
    )


def _going_on_from(v: Token) -> Token:
    """The verb whose subject a participle (``X said A, adding that B``) goes on from: the
    one it hangs on, or, where the parse hangs it inside another clause, that clause's
    verb of saying (``X said Y is serious, adding that``), the verb over a report a
    relative clause says (``X rejected a report that said A, saying B``) or over a noun
    whose clause it is (``X denied reports that A, stating that B``); the verb a clause of
    ``what`` or ``who`` the parse joins to it is joined to (``X gave no details of Y or
    what happened, saying B``); the verb over a relative clause of being it hangs on
    (``X warned the group which is from Y not to A saying B``)."""
    up = v.head
    if up.dep_ == "relcl" and up.lemma_ == "be" and up.head.head.pos_ == "VERB":
        return up.head.head  # "warned the group which is from Y not to A saying B": no
        # relative clause of being says anything, with a comma or none
    if not (_after_comma(v) or _adds_on(v)):
        return up
    if v.dep_ in ("acl", "appos"):
        return _report_over(v) or up  # "said that A during the period adding, however,"
    if up.dep_ == "conj" and any(c.dep_ in _SUBJECTS and c.lower_ in _WH for c in up.children):
        return up.head  # "X gave no details of Y or what happened, saying A": X's
    if v.dep_ == "pcomp":  # "said he recognised that A from its cash adding "B"": said's
        over = _report_over(v)
        while over is not None and (higher := _report_over(over)) is not None:
            over = higher
        return over or up
    if up.dep_ == "ccomp" and _is_speech_verb(up.head):
        return up.head
    if (up.dep_ == "relcl" or _noun_clause(up)) and up.head.head.pos_ == "VERB":
        return up.head.head
    return up


#: The subjects of a clause that names what or who is spoken of (``what happened``), no
#: clause of saying's own (:func:`_going_on_from`).
_WH = frozenset({"what", "who"})
#: Verbs that report, by its object, someone seen or heard saying (``X reported Jo Roe
#: telling the court that A``, ``quoted Jo Roe saying``).
_HEARING_VERBS = frozenset("report quote cite hear see record film show".split())


def _heard_saying_own(v: Token) -> bool:
    """Whether a clause that a verb of :data:`_HEARING_VERBS` reports is a participle of
    saying with its own subject (``reported Jo Roe telling the court that A``, as the parse
    may give it): that subject's saying, which reports a clause of its own."""
    return (
        v.tag_ == "VBG"
        and v.head.lemma_.lower() in _HEARING_VERBS
        and _is_speech_verb(v)
        and any(c.dep_ in _SUBJECTS for c in v.children)
        and any(c.dep_ == "ccomp" for c in v.children)
    )


def _heard_saying(v: Token) -> Token | None:
    """The speaker of a participle of saying right after the object of a verb of
    :data:`_HEARING_VERBS`, with no comma: that object, the reporting verb's subject being
    an outlet's line over the person's words (``norvianews.com had reported Insp. Jo
    Roe telling the court that A``: Roe's); None for none."""
    if v.dep_ != "xcomp" or v.tag_ != "VBG" or v.head.lemma_.lower() not in _HEARING_VERBS:
        return None
    return next(
        (c for c in v.head.children if c.dep_ == "dobj" and c.right_edge.i == v.i - 1), None
    )


def _saying_of(v: Token) -> Token | None:
    """The verb whose subject a saying with none of its own has: a gerund after a
    preposition of :data:`_SAYING_AS_ITS_SUBJECT` (``X said ..., before adding that``;
    not ``the criteria for declaring``) or an infinitive after a verb of
    :data:`SAYING_AFTER_VERBS` (``X went on to say that A``, ``what he had to say``);
    None for neither."""
    if v.dep_ == "pcomp" and v.head.dep_ == "prep" and v.head.lower_ in _SAYING_AS_ITS_SUBJECT:
        up = v.head.head  # ("X said A, before adding": the parse may hang it on A's verb)
        if up.tag_ == "VBG" and up.dep_ == "pcomp":  # ("stressed his commitment to
            # providing care before acknowledging that": the verb whose object it is in)
            up = next((a for a in up.ancestors if a.tag_ in _FINITE), up)
        said = up.dep_ == "ccomp" and _is_speech_verb(up.head) and v.doc[v.head.i - 1].text == ","
        return up.head if said else up
    if (
        v.tag_ == "VB"
        and v.dep_ in ("xcomp", "advcl")
        and any(c.dep_ == "aux" and c.lower_ == "to" for c in v.children)
        and _phrasal(v.head) in SAYING_AFTER_VERBS
    ):
        return v.head
    return None


def _adds_on(v: Token) -> bool:
    """Whether a participle of saying with a clause of its own goes on from a reported
    clause with no comma before it (``said that A have been confirmed negative adding that
    B``; ``said the nurse was "wonderful" adding she was "very kind"``; also with an
    adverb set off before its ``that``, where the parse hangs it on A's last noun and its
    clause on A's verb: ``said that A during the period adding, however, that B``, or
    with its ``that`` clause, hung on A's last noun: ``noted that one is a lady adding
    that B``; also
    one the parse takes for the complement of a preposition some words before it: ``said
    it would be paid from ratepayers' cash adding "the irony is not lost"``): the parse
    hangs it inside A, but it is the speaker's saying."""
    if v.dep_ == "acl":
        that = _aside_that(v) is not None or (
            v.lemma_.lower() in SPEECH_VERBS
            and _reports_a_that_clause(v)
            and v.head.lemma_.lower() not in DOCUMENT_NOUNS
        )  # ("is a lady adding that B": on "lady"; not "rule out reports saying that B")
        return v.tag_ == "VBG" and that and _report_over(v) is not None
    if v.dep_ == "appos":
        return _apposed_participle(v)
    up = v.head
    if v.dep_ == "pcomp" and up.i < v.i - 1:
        return (
            v.tag_ == "VBG"
            and v.lemma_.lower() in SPEECH_VERBS
            and any(c.dep_ == "ccomp" and c.i > v.i for c in v.children)
            and _report_over(v) is not None
        )
    return (
        v.tag_ == "VBG"
        and v.dep_ == "advcl"
        and v.lemma_.lower() in SPEECH_VERBS
        and any(
            c.dep_ == "ccomp"
            and any(t.dep_ in _SUBJECTS or _that(t) for t in c.children)
            and c.i > v.i
            for c in v.children
        )
        and up.dep_ == "ccomp"
        and _is_speech_verb(up.head)
    )


def _apposed_participle(v: Token) -> bool:
    """Whether a participle of saying after a pause goes on from a reported clause the
    parse took it for an apposition in (``said the 16 persons have been sent to court and
    the matter is now out of his jurisdiction – noting, however, that C``: on
    ``matter``): the speaker's saying, as ``, adding that`` is."""
    return (
        v.dep_ == "appos"
        and v.tag_ == "VBG"
        and v.lemma_.lower() in SPEECH_VERBS
        and _after_comma(v)
        and _report_over(v) is not None
    )


def _aside_that(v: Token) -> Token | None:
    """The clause of a verb of saying's ``that`` after an adverb set off by commas right
    after it (``adding, however, that B``), wherever the parse hangs it: B's verb."""
    doc = v.doc
    i = v.i
    if (
        v.lemma_.lower() not in SPEECH_VERBS
        or i + 4 >= len(doc)
        or doc[i + 1].text != ","
        or doc[i + 2].pos_ != "ADV"
        or doc[i + 3].text != ","
        or not _that(doc[i + 4])
    ):
        return None
    return doc[i + 4].head


def _report_over(t: Token) -> Token | None:
    """The verb of saying whose reported clause a token is in, by the parse."""
    while t.head.i != t.i:
        if t.dep_ == "ccomp" and _is_speech_verb(t.head):
            return t.head
        t = t.head
    return None


def _noun_clause(v: Token) -> bool:
    """Whether a verb heads what a noun says (``reports that a blast may have been
    linked to ...``): a clause with ``that`` the parse hangs on the noun."""
    return v.dep_ == "acl" and any(c.dep_ == "mark" and c.lower_ == "that" for c in v.children)


def _after_fronted(verb: Token, para: Paragraph) -> Token | None:
    """``Mentioning that A, he said, "B"``: a participle of saying that opens its
    sentence, set off by a comma, has the subject right after the comma."""
    doc = para.doc
    comma = verb.right_edge.i + 1
    if verb.tag_ != "VBG" or verb.i != verb.sent.start or comma + 1 >= len(doc):
        return None
    subject = doc[comma + 1]
    if doc[comma].text != "," or para.in_quote[subject.i] or subject.dep_ not in _SUBJECTS:
        return None
    return subject if subject.head.pos_ in ("VERB", "AUX") else None


def _subject_in_fronted_phrase(verb: Token, para: Paragraph) -> Token | None:
    """``During a police interview, Holmes, who lives in Ramsey, said``: a subject set off
    by commas with a clause or an apposition of its own, which the parse hangs as an
    apposition on the noun of the phrase that opens the sentence, leaving the verb in a
    tense right after it without a subject (also for a verb coordinated with it: ``...,
    said A, but claimed B``); or a person's name so hung (or as a noun of the opening
    phrase's verb) with a participle's phrase of the verb between them (``Speaking on the
    radio, Abrams, addressing complaints, said``); None for none."""
    doc = verb.doc
    while verb.dep_ == "conj" and verb.head.pos_ in ("VERB", "AUX"):
        verb = verb.head
    if verb.i < 2 or verb.tag_ not in ("VBD", "VBZ", "VBP") or doc[verb.i - 1].text != ",":
        return None
    aside = next(
        (
            c
            for c in verb.children
            if c.dep_ == "advcl"
            and c.tag_ == "VBG"
            and c.right_edge.i == verb.i - 2
            and _after_a_comma(c)
        ),
        None,
    )
    last = doc[verb.i - 2] if aside is None else doc[aside.left_edge.i - 2]
    for t in [last, *last.ancestors]:
        up = t.head
        hung = t.dep_ == "appos" or (t.dep_ == "npadvmod" and aside is not None)
        if not hung or not _after_a_comma(t) or para.in_quote[t.i]:
            continue
        if aside is None:
            if (
                up.dep_ == "pobj"
                and up.head.dep_ == "prep"
                and up.head.head == verb
                and up.head.i == verb.sent.start
                and any(c.dep_ in ("relcl", "appos") for c in t.children)
            ):
                return t
        elif _opens_sentence_of(t, verb) and t.pos_ == "PROPN" and is_person(name_run(t)):
            return t
    return None


def _opens_sentence_of(t: Token, verb: Token) -> bool:
    """Whether ``t`` is in a phrase of ``verb`` that opens its sentence."""
    phrase = next((a for a in t.ancestors if a.head == verb), None)
    return phrase is not None and phrase.left_edge.i == verb.sent.start


def _phrase_joined_before(verb: Token, para: Paragraph) -> Token | None:
    """``A, where vessels have been attacked by Houthi militants, the Maritime and Port
    Authority of Singapore (MPA) said``: a noun phrase set off by a comma right before a
    verb of saying in a tense, which the parse joined to a noun before the comma and so
    left the verb without a subject (:func:`_name_before` for a phrase of more words than
    its head); also a name and its job between commas the parse made an apposition of
    a noun before (``A, and punished three others, Ana Vell, the court's spokeswoman,
    told BNS``); None for none."""
    doc = verb.doc
    if verb.i < 3 or verb.tag_ not in ("VBD", "VBZ", "VBP"):
        return None
    end = verb.i - 2 if doc[verb.i - 1].text == "," else verb.i - 1
    t = doc[end]
    while t.dep_ not in ("conj", "appos") and t.head.i < t.i and t.head.right_edge.i == end:
        t = t.head
    while end < verb.i - 1 and t.dep_ == "appos" and t.head.dep_ == "appos" and t.head.i < t.i:
        t = t.head  # (the name, not its job)
    if (
        t.dep_ not in ("conj", "appos")
        or (t.dep_ == "appos" and (end == verb.i - 1 or t.pos_ != "PROPN"))
        or t.pos_ not in ("NOUN", "PROPN")
        or t.head.i > t.left_edge.i
        or not _after_a_comma(t)
        or para.in_quote[t.i]
        or t.idx < para.dateline
    ):
        return None
    return t


def _name_before(verb: Token, para: Paragraph) -> Token | None:
    """``Standing on a Point of Order, Leader of Government in Parliament and Minister
    Inia Vakalala said``: a person's name right before a verb of saying in a tense,
    which the parse took for something else and left the verb without a subject; also
    a noun the parse joined to a list before it (``in Qatar and Britain, and health
    officials claim``); None for none."""
    if verb.i < 1 or verb.tag_ not in ("VBD", "VBZ", "VBP"):
        return None
    name = verb.doc[verb.i - 1]
    if para.in_quote[name.i] or name.idx < para.dateline:
        return None
    if name.pos_ == "NOUN" and name.dep_ == "conj" and name.head.i < name.i:
        return name
    run = name_run(name) if name.pos_ == "PROPN" else []
    return name if run and is_person(run) else None


def _inverted_subject(verb: Token, para: Paragraph) -> Token | None:
    """``"...," said Smith``: a name right after the verb, which the parse may take for
    an object; so may a description right after a verb closing a quote (``"...," added
    the coach``; also after a comma after the mark: ``"...", lamented the owner``), also
    one of a name (``"...?" asked an irate Judge Hughes``), and a document after a comma
    with no mark (``A, reads the statement.``)."""
    nxt = verb.i + 1
    doc = verb.doc
    if (
        nxt < len(doc)
        and doc[nxt].pos_ == "PROPN"
        and not para.in_quote[nxt]
        and doc[nxt].lower_ not in CALENDAR
    ):
        t = doc[nxt]
        while t.head.i != t.i and t.head.pos_ == "PROPN" and t.head.i > t.i:
            t = t.head
        return t
    before = [t.text for t in doc[max(verb.i - 2, 0) : verb.i]]
    if before[-1:] == [","]:
        before.pop()  # ('"...", lamented the owner')
    closing = bool(before) and before[-1] in CLOSING_MARKS
    obj = next((c for c in verb.rights if c.dep_ == "dobj" and c.left_edge.i == nxt), None)
    document = (  # "A, reads the statement.": a document's line closing what it says
        obj is not None and obj.lemma_.lower() in ISSUED_NOUNS and doc[verb.i - 1].text == ","
    )
    if (closing or document) and obj is not None and obj.pos_ in ("NOUN", "PROPN"):
        return None if para.in_quote[nxt] else obj
    return None


#: Prepositions before a gerund of saying that leave it the subject of the verb they
#: hang on (``X said A, before adding that B``), not what it is for or of (``the
#: criteria for declaring a "..."``).
_SAYING_AS_ITS_SUBJECT = frozenset("before after while by upon on when since".split())


def _document_giver(document: Token, para: Paragraph) -> Token | None:
    """Who gave out a document (its noun): ``a report by X``, ``a news brief from X``, ``X
    announced it in a statement``, ``X made this known in a statement`` (but ``In a
    statement issued by X, the police clarified``: X, where a description speaks in it),
    else ``a statement issued by X`` or ``X issued a statement`` (:func:`_giver`)."""
    by = next(
        (
            c
            for c in document.children
            if c.lower_ in ("by", "from") and c.dep_ in ("prep", "agent")
        ),
        None,
    )
    source = next((c for c in by.children if c.dep_ == "pobj"), None) if by else None
    if source is None and document.dep_ == "pobj" and document.head.dep_ == "prep":
        verb = document.head.head  # "X announced it in a statement"
        source = _own_subject(verb, para)
        if (source is None or source.pos_ != "PROPN") and verb.dep_ == "ccomp":
            source = _own_subject(verb.head, para)  # "X made this known in a ..."
        if source is not None and source.pos_ == "NOUN":
            source = _issued_by(document) or source  # "In a statement issued by X, the
            # police clarified": X's (a name's or a pronoun's words stay its own)
    return source if source is not None else _giver(document, para)


def _past_particle(head: Token) -> Token:
    """The surname after a particle the parse hangs a name on (``said Jorge Lima dos Santos``:
    ``Santos``, not ``dos``), else the head."""
    doc = head.doc
    after = doc[head.i + 1] if head.i + 1 < len(doc) else None
    if after is not None and head.lower_ in NAME_PARTICLES and after.pos_ == "PROPN":
        return after
    return head


def _names_more(name: Token) -> bool:
    """Whether a name is the first of names joined by ``and`` (``Jo Roe and Al Ma``)."""
    return _listed_after(name) is not None or any(
        c.dep_ == "conj" and c.pos_ == "PROPN" for c in name.children
    )


def _body_of_name(first: Token) -> Token | None:
    """The organisation's word in lower case, with its ``the``, whose ``of`` a name's
    first word is of (``The directorate of Asayish``: ``directorate``); None for none."""
    of = first.head
    body = of.head
    if first.dep_ != "pobj" or of.lower_ != "of" or of.i != first.i - 1 or body.i != of.i - 1:
        return None
    return body if _article(body, "the") and body.text in NON_PERSON_WORDS else None


def _mended_subject(subject: Token, verb: Token) -> Token:
    """A verb's subject as the parse gave it, mended: with the title the parse cut from
    the name (``said Sgt. Tom Reyes``), past an object the parse took for it
    (:func:`_past_an_object`), and the name a ``who`` stands for where the parse made no
    relative clause of its verb (``spoke with Rytis Budrius who told him``)."""
    subject = _past_an_object(_past_cut_title(subject))
    before = subject.doc[subject.i - 1] if subject.i else subject
    if subject.lower_ == "who" and verb.dep_ != "relcl" and before.pos_ in ("PROPN", "NOUN"):
        return before
    return subject


def _past_an_object(subject: Token) -> Token:
    """The real subject of a reporting line where the parse took the object of the
    clause's last verb for it, and the subject for its conjunct after a comma (``...,
    killing at least three policemen, Yemeni officials and witnesses said``:
    ``officials``); else the subject."""
    doc = subject.doc
    start = subject.left_edge.i
    if start == 0 or doc[start - 1].pos_ != "VERB":
        return subject
    return next(
        (c for c in subject.rights if c.dep_ == "conj" and _after_a_comma(c) and c.pos_ == "NOUN"),
        subject,
    )


def _article(noun: Token, *words: str) -> bool:
    """Whether a noun's article is one of ``words`` (``the``; ``a`` or ``an``)."""
    return any(c.dep_ == "det" and c.lower_ in words for c in noun.children)


#: Possessive pronouns, as the pronoun they are the possessive of.
_POSSESSIVE = {"his": "he", "her": "she", "their": "they", "its": "it"}


def _after_a_comma(phrase: Token) -> bool:
    """Whether the phrase a token heads opens right after a comma (``, Yemeni officials
    and witnesses``); not after a pause of another kind (:func:`_after_comma`)."""
    k = phrase.left_edge.i - 1
    return k >= 0 and phrase.doc[k].text == ","


def _conj_for_appos(job: Token, name: Token) -> bool:
    """Whether the parse joined a name set off by a comma after a job's word as its
    conjunct, with no ``and`` (``the Command's Police Public Relations Officer, SP
    Adetoun Ejire-Adeyemi,``): the name of who holds it, as an apposition is."""
    return (
        name.dep_ == "conj"
        and job.lower_ in TITLES
        and not any(c.dep_ == "cc" for c in job.children)
        and _after_a_comma(name)
    )


def _owning_pronoun(document: Token) -> Token | None:
    """The possessive pronoun a document is written as someone's by (``his page``,
    ``her statement``), None for none."""
    if document.lemma_.lower() not in DOCUMENT_NOUNS | {"page"}:
        return None
    return next(
        (c for c in document.children if c.dep_ == "poss" and c.lower_ in _POSSESSIVE), None
    )


def _gives_out_document(verb: Token) -> bool:
    """Whether a verb gives out a document, its object (``issued the following
    statement``, ``released a statement``)."""
    return verb.pos_ == "VERB" and any(
        c.dep_ == "dobj" and c.lemma_.lower() in ISSUED_NOUNS for c in verb.children
    )


def _body_of_a_name(body: Token) -> bool:
    """Whether a noun is an organisation's word in lower case with its ``the`` and
    ``of`` a name (``The directorate of Asayish released a statement``:
    :func:`_body_of_name`)."""
    return any(
        c.lower_ == "of" and any(_body_of_name(g) == body for g in c.children)
        for c in body.children
    )


def _force_unit(police: Token) -> str | None:
    """The word of what the force is that ``police`` is written before (``the Sør-West
    police district``, ``Vienna police department``): part of the force's name; None for
    none (``Kira Road police station``: a place)."""
    head = police.head
    unit = police.dep_ == "compound" and head.i == police.i + 1 and head.dep_ != "compound"
    return head.text if unit and head.lower_ in FORCE_UNITS else None


def _pronoun_speaks_after(subject: Token, para: Paragraph) -> bool:
    """Whether a ``he`` or a ``she`` after the subject's verb, in its sentence or a later
    one of the paragraph, is the subject of another verb of saying (``the spokesman
    indicates that A. He adds that "B"``; ``The source stressed that A, he said: "B"``)."""
    return any(
        t.lower_ in ("he", "she")
        and t.dep_ in _SUBJECTS
        and t.head != subject.head
        and _is_cue_verb(t.head)
        and not para.in_quote[t.i]
        for t in para.doc[subject.head.i + 1 :]
    )


def _first_of_subjects(name: Token) -> bool:
    """Whether a name is the first of the subjects of one verb, names the parse did not
    join (``Cllr Jo Roe, Cllr Al Ma and Cllr Ed Li put forward``: ``Roe`` and ``Li`` each
    a subject of ``put``)."""
    others = [c for c in name.head.children if c.dep_ == "nsubj" and c.i > name.i]
    return name.dep_ == "nsubj" and any(c.pos_ == "PROPN" for c in others)


def _listed_after(name: Token) -> Token | None:
    """The second of names joined by ``and`` after a first and its comma, which the parse
    hangs on the first as an apposition (``Jo Roe, Al Ma and Ed Li``: ``Ma``); None for
    none."""
    return next(
        (
            c
            for c in name.rights
            if c.dep_ == "appos"
            and c.pos_ == "PROPN"
            and any(d.dep_ == "conj" and d.pos_ == "PROPN" for d in c.children)
        ),
        None,
    )


#: Words for a document given out to announce something, each of which an article may call
#: by another (``a notice`` ... ``the statement``).
_ANNOUNCEMENTS = frozenset(
    "statement release notice communique communiqué bulletin advisory brief".split()
)


def _the(noun: Token) -> bool:
    """Whether a common noun has ``the`` before it and nothing else of its own before it
    (``the statement``, not ``the ministerial statement``) but the kind of organisation
    it is from (``The bank statement``) or how it went out (``The news release``)."""
    lefts = [
        t
        for t in noun.lefts
        if not (
            t.dep_ == "compound" and (t.lower_ in ORGANISATION_KINDS or t.lower_ in GIVEN_OUT_AS)
        )
    ]
    return noun.pos_ == "NOUN" and len(lefts) == 1 and lefts[0].lower_ == "the"


def _after_comma(t: Token) -> bool:
    """Whether a comma (or a pause written as one: :func:`_pause`) comes right before a
    token, or before the quotation marks right before it (``"A," pointing out that``)."""
    j = t.i - 1
    while j > 0 and t.doc[j].is_quote:
        j -= 1
    return j >= 0 and _pause(t.doc[j])


def _pause(t: Token) -> bool:
    """Whether a token is a comma or a pause written as one: dots (``.. stressing
    that``, ``... adding``), a dash or a semicolon."""
    return t.text in (",", ";", "-", "--", "\u2013", "\u2014", "\u2026") or (
        len(t.text) > 1 and set(t.text) == {"."}
    )


def _before_day(head: Token) -> Token:
    """A mention's head without a day the parse took for it (``People's Bank Friday
    said``: when it spoke, ``Bank`` the head), else the head."""
    before = head.doc[head.i - 1] if head.i > 0 else head
    if (
        head.lower_ in _DAYS
        and before.head == head
        and before.dep_ == "compound"
        and before.pos_ == "PROPN"
    ):
        return before
    return head


def _past_cut_title(t: Token) -> Token:
    """The last word of the name after an abbreviated title that the tokenizer cut from
    its full stop (``Sgt. Tom Reyes``: ``Sgt``, ``.``, and the parse makes ``Tom Reyes``
    a sentence of its own, the title the subject or the appositive); else ``t``."""
    doc = t.doc
    last = t.i + 2
    if (
        last >= len(doc)
        or t.whitespace_
        or doc[t.i + 1].text != "."
        or t.lower_ + "." not in TITLES
        or not _capitalised_name(doc[last])
    ):
        return t
    while last + 1 < len(doc) and _capitalised_name(doc[last + 1]):
        last += 1
    return doc[last]


def _capitalised_name(t: Token) -> bool:
    return t.pos_ == "PROPN" and t.text[:1].isupper()


def _coordinated(v: Token, cue: Token, para: Paragraph) -> Token:
    """The verb whose subject a coordinated verb ``v`` shares: the one it is coordinated
    with (``X said A but repeated B``); for a cue the parse hangs on a reported clause,
    that clause's cue (``X said A but added B``); for one it hangs on what a market
    figure did, the verb nearest before it of a clause whose subject can speak
    (``Norbank shares fell after it reported A and said B``: it); for one it hangs on a
    verb in the passive, the conjunct nearest before it whose subject can speak (``Women
    were banned ... and Jo Roe refused to comment but said A``: Jo Roe); for one it hangs
    on a verb of no saying, the verb of saying of a clause of it before ``v`` (``a dispute
    erupted after Jo Roe said A and claimed B``: Jo Roe)."""
    up = v.head
    if up.dep_ == "ccomp" and _is_speech_verb(up.head) and _is_speech_verb(cue):
        return up.head
    subject = _own_subject(up, para)
    if subject is not None and subject.lemma_.lower() in MARKET_FIGURES:
        speaking = (
            c
            for c in up.children
            if c.dep_ == "advcl" and c.i < v.i and _by_speaker(_own_subject(c, para))
        )
        return max(speaking, key=lambda c: c.i, default=up)
    saying = [
        c
        for c in up.children
        if c.dep_ == "advcl" and c.i < v.i and _is_speech_verb(c) and _own_subject(c, para)
    ]
    if saying and _is_speech_verb(cue) and not _is_speech_verb(up):
        return saying[-1]  # "a dispute erupted after Jo Roe said A and claimed B": Jo Roe
    if subject is not None and subject.dep_ == "nsubjpass":  # (what was done says nothing)
        active = (
            c
            for c in up.children
            if c.dep_ == "conj" and c.i < v.i and _by_speaker(_own_subject(c, para))
        )
        return max(active, key=lambda c: c.i, default=up)
    return up


def _by_speaker(subject: Token | None) -> bool:
    """Whether a subject can be a speaker by itself: a pronoun or a name."""
    return subject is not None and (subject.lower_ in PRONOUNS or subject.pos_ == "PROPN")


def _own_subject(verb: Token, para: Paragraph) -> Token | None:
    """A verb's own subject outside quotes and the dateline; a parse that takes the
    dateline's place for the subject hangs the real one on it (``DETROIT (AP) — Ford
    Motor Co. said``). Of two subjects, the one nearer the verb: a parse cut by a
    bracket takes the words before it for another (``BP (NYSE:BP) CEO Tony Hayward
    said``); but not one after a preposition the parse took for the verb's conjunction
    (``Ann Lee after her team's loss insisted``: Ann Lee); and not a phrase right after a
    quote's closing mark where a name follows the verb (``"... in Abéché," the capital of
    Ouaddaï, said Jo Roe``: Jo Roe). After the verb, the first (:func:`_one_name_cut`)."""
    found = []
    for c in verb.children:
        if c.dep_ not in _SUBJECTS or para.in_quote[c.i]:
            continue
        after: list[Token] = []
        inside = [c]
        while inside and not after:  # ("Colombo (LNW): Leader of ...": an apposition's)
            appos = [a for t in inside for a in t.children if a.dep_ == "appos"]
            after = [a for a in appos if a.idx >= para.dateline]
            inside = appos
        found += [c] if c.idx >= para.dateline else after[-1:]
    before = [c for c in found if c.i < verb.i]
    marks = [m.i for m in verb.children if m.dep_ == "mark" and m.i < verb.i]
    before = [c for c in before if not any(c.i > m for m in marks)] or before
    named = [c for c in found if c.i > verb.i and c.pos_ == "PROPN"]
    if before and named and before[-1].pos_ == "NOUN" and _right_after_marks(before[-1]):
        return named[0]  # '"... in Abéché," the capital of Ouaddaï, said Jo Roe': Jo Roe
    if len(before) > 1 and _more_of_a_place(before[-2], before[-1]):
        return before[-2]  # "the Police Detachment in Ganta City, Nimba County has said"
    return before[-1] if before else _one_name_cut(found)


def _more_of_a_place(first: Token, second: Token) -> bool:
    """Whether a second subject the parse gave a verb is the rest of where the first is,
    after a comma (``the Police Detachment in Ganta City, Nimba County has said``: the
    county the city is in, no speaker)."""
    doc = first.doc
    comma = second.left_edge.i - 1
    place = doc[comma - 1] if comma > 0 else None
    return (
        second.pos_ == "PROPN"
        and doc[comma].text == ","
        and place is not None
        and place.dep_ == "pobj"
        and place.head.lower_ == "in"
        and place.head.head == first
    )


def _one_name_cut(subjects: list[Token]) -> Token | None:
    """The first of subjects after their verb, or the last of proper nouns the parse cut
    one name into, each right after the one before (``added Tk’emlúps te Secwepemc
    Chief Fred Seymour``: ``Tk’emlúps``, ``te`` and ``Seymour``, the name's head last); a
    rank's ordinal is none (``says 1st Sgt. Eric Ashcraft``: ``1st`` and ``Ashcraft``)."""
    subjects = [s for s in subjects if not _ORDINAL.fullmatch(s.text)] or subjects
    if not subjects:
        return None
    k = 0
    while (
        k + 1 < len(subjects)
        and subjects[k].pos_ == subjects[k + 1].pos_ == "PROPN"
        and subjects[k + 1].left_edge.i == subjects[k].i + 1
    ):
        k += 1
    return subjects[k]


def _right_after_marks(noun: Token) -> bool:
    """Whether a noun's phrase opens right after a quote's closing mark: a phrase that
    says what the quote's last word is, not who speaks."""
    k = noun.left_edge.i - 1
    return k >= 0 and noun.doc[k].text in CLOSING_MARKS


#: How words reach a reporter (``said the miners by telephone``): no part of who said them.
_MEDIA = frozenset("telephone phone email e-mail text radio videolink video".split())
#: Where a source posts what it says (``The PSNI on their Facebook said``): a page, no one.
_PAGES = frozenset(
    "facebook twitter instagram linkedin youtube tiktok website page account".split()
)


def mention_bounds(head: Token, para: Paragraph, job: Token | None = None) -> tuple[int, int]:
    """Token bounds of the speaker mention: the head with its left modifiers (after the
    dateline), also the job a name is in apposition to when no comma parts them (``the
    away side's head coach Scott Cooper``; not ``The charity's director, Susan Ma``); for
    a common noun also its prepositional phrase (``the head of the agency``; one of
    ``of`` or ``from`` at any length: ``Diplomats from member states of the Council``) up
    to a clause in it (``A team of experts led by ...``), for a proper one its ``of`` and
    the proper nouns after it (``The Ministry of Oil``)."""
    doc = head.doc
    start = _name_start(head) if head.pos_ == "PROPN" else head.left_edge.i
    if job is not None and job.i < head.i and "," not in {t.text for t in doc[job.i : start]}:
        start = min(start, job.left_edge.i)
    start = _job_subject_before(head, start)
    end = head.i
    if head.pos_ != "PROPN":
        for c in head.rights:
            if c.dep_ in ("prep", "compound", "amod"):
                last = _before_clause(c)
                words = sum(  # (a possessive's "'s" is no word of its own)
                    not t.is_punct and t.tag_ != "POS" for t in doc[head.i + 1 : last + 1]
                )
                given = (  # who gave out a document ("a statement by X and Y") and whose
                    # a job is ("A spokesperson for St Joseph's Boys High School in Newry")
                    c.lower_ == "by"
                    and head.lower_ in DOCUMENT_NOUNS
                    or c.lower_ == "for"
                    and head.lemma_.lower() in TITLES
                )
                if words >= 8 and c.lower_ not in ("of", "from") and not given:
                    break  # (a phrase of whom or where from says who, at any length;
                    # marks are no words: "for the Co-op Plant (CP)")
                where = any(o.lemma_.lower() in STATEMENT_NOUNS for o in c.children)
                if where and c.lower_ != "of":  # (not "The text of the statement")
                    break  # "officials at a news conference": where, not who
                if c.lower_ in ("by", "via", "over") and any(
                    o.lemma_.lower() in _MEDIA for o in c.children
                ):
                    break  # "said the miners by telephone": how, not who
                if c.lower_ in ("on", "via") and any(o.lower_ in _PAGES for o in c.children):
                    break  # "The PSNI on their Facebook said": where, not who
                when = [p for p in c.subtree if _of_when(p) and p.right_edge.i >= last]
                if when and when[0] == c:
                    break  # "A spokesperson ... on Sunday": when it spoke, not who
                end = max(end, when[0].i - 1 if when else last)
            else:
                break
    else:
        end = _proper_end(head)
    end = _with_coordinated(head, end)
    if start >= 2 and _past_cut_title(doc[start - 2]).i >= start:
        start -= 2  # "Sgt. Tom Reyes": the title the parse cut from the name
    floor = 0  # the first token after the dateline
    while floor < start and doc[floor].idx < para.dateline:
        floor += 1
    while start < end and (
        doc[start].is_punct
        or para.in_quote[start]
        or doc[start].is_space
        or doc[start].idx < para.dateline  # "Feb. 5 (UPI) -- South Korea's minister"
        or (doc[start].pos_ == "ADV" and doc[start + 1].tag_ in ("DT", "PRP$"))
    ):  # (an adverb before the article is the sentence's: "Earlier the spokesperson")
        start += 1
    while end > start and (doc[end].is_punct or para.in_quote[end]):
        end -= 1
    return _balanced(doc, start, end, floor)


def _name_start(head: Token) -> int:
    """Where a proper noun's mention starts: at its left modifiers, also past a particle
    the parse hangs it on (``Jorge Lima dos Santos``: on ``dos``); but a verb with its
    object modifies no name, as ``Geneva-based`` may (``accused Iran of starting fires ...
    three days ago Zanyar Umar, the spokesperson, said``; ``"Excited to have Biz's energy
    back," co-founder Jack Dorsey said``): after that verb's phrase."""
    doc = head.doc
    start = head.left_edge.i
    if start > 1 and doc[start - 1].lower_ in NAME_PARTICLES:
        start = doc[start - 1].left_edge.i
    verbs = [
        t
        for t in doc[start : head.i]
        if t.pos_ == "VERB" and any(c.dep_ == "dobj" for c in t.children)
    ]
    ends = [t.right_edge.i + 1 for t in verbs if t.right_edge.i < head.i]
    return max([start, *ends])


def _job_subject_before(head: Token, start: int) -> int:
    """Where a subject's mention starts with the job right before it that the parse made
    a second subject of the verb (``Spokesperson for the Committee Dr. Jo Roe said``): at
    the job; else at ``start``."""
    if start == 0 or head.dep_ not in _SUBJECTS:
        return start
    job = next(
        (
            c
            for c in head.head.children
            if c.dep_ in _SUBJECTS and c.i < head.i and c.right_edge.i == start - 1
        ),
        None,
    )
    if job is None or job.pos_ != "NOUN" or job.lemma_.lower() not in TITLES:
        return start
    return job.left_edge.i


def _proper_end(head: Token) -> int:
    """The last token of a mention whose head is a proper noun: of its ``of`` or ``for``
    phrase where that is part of it (:func:`_name_goes_on`), the surname after it that
    the tagger read as an adverb (``Chief Constable Bill Skelly``:
    :func:`core.suggest.names.surname_as_adverb`), else the head."""
    doc = head.doc
    if head.i + 2 < len(doc) and _name_goes_on(head, doc[head.i + 1]):
        return _before_bracket(doc[head.i + 1])
    if head.i + 1 < len(doc) and surname_as_adverb(doc[head.i + 1]):
        return head.i + 1
    return head.i


def _name_goes_on(head: Token, prep: Token) -> bool:
    """Whether a proper head's ``of`` phrase of proper nouns is part of the mention (``The
    Ministry of Oil``), also with the common noun the parse hung on it that is the
    phrase's real head (``Delaware Division of Public Health officials``), and so is an
    organisation's ``for`` phrase (``the Centers for Disease Control and Prevention``; not
    a person's: ``Jo Roe for the Democrats``; a bracket after it no word of it: ``the
    Port Authority of Norvia (PAN)``), and a body's ``on`` phrase (``the Ecumenical
    Commission on Human Rights``)."""
    if prep.head.i != head.i or prep.lower_ not in ("of", "for", "on"):
        return False
    words = list(prep.head.doc[prep.i + 1 : _before_bracket(prep) + 1])
    if prep.lower_ == "for" and is_person(name_run(head)):
        return False
    if prep.lower_ == "on" and (
        head.lower_ not in _BODIES_ON or any(t.lower_ in CALENDAR for t in words)
    ):
        return False
    if prep.lower_ == "of" and len(words) > 1 and words[-1].pos_ == "NOUN":
        words = words[:-1]  # ("Division of Public Health officials": the officials)
    return all(t.pos_ == "PROPN" or t.lower_ in ("the", "and", "&") for t in words)


def _before_bracket(prep: Token) -> int:
    """The last token of a prepositional phrase before a bracket in it (``of Norvia
    (PAN)``: ``Norvia``), else its last."""
    doc = prep.doc
    return next(
        (i - 1 for i in range(prep.i + 1, prep.right_edge.i + 1) if doc[i].text == "("),
        prep.right_edge.i,
    )


def _of_when(prep: Token) -> bool:
    """Whether a prepositional phrase says when (``on Sunday``, ``in March``, ``on
    Saturday afternoon``)."""
    return prep.dep_ == "prep" and any(
        o.lower_ in CALENDAR
        or (o.lower_ in TIME_NOUNS and any(c.lower_ in CALENDAR for c in o.lefts))
        for o in prep.children
    )


def _with_coordinated(head: Token, end: int) -> int:
    """Where a mention ends with the nouns its head is coordinated with (``The Mesa
    Police and Fire Department``, ``Capt. Jo Roe and Mayor Ana Ruiz``, ``Jo Roe, Al Ma and
    Ed Li``; also where the
    parse hangs the ``and`` on the end of the head's ``of`` phrase: ``the Ministry of
    Health and Community Protection``): the whole noun phrase is the mention."""
    listed = _listed_after(head) if head.pos_ == "PROPN" else None
    if listed is not None:  # "Jo Roe, Al Ma and Ed Li"
        return max(end, listed.right_edge.i)
    others = [c for c in head.rights if c.dep_ == "conj" and c.pos_ in ("NOUN", "PROPN")]
    if not others:
        return end
    before = head.doc[others[-1].left_edge.i - 1]
    and_ = before.dep_ == "cc" and before.lower_ == "and" and before.head.i <= end
    if not and_ and not any(c.dep_ == "cc" and c.lower_ == "and" for c in head.rights):
        return end
    return max(end, others[-1].right_edge.i)


def _before_clause(phrase: Token) -> int:
    """The last token of a phrase before a clause inside it (``of experts led by ...``)
    or an apposition set off by a comma (``of Varnhold, the French firm at ...``; ``from
    Jo Roe and Al Ma, both Republicans``)."""
    for t in phrase.subtree:
        if t.dep_ in ("acl", "relcl") and t.i > phrase.i:
            return max(phrase.i, t.left_edge.i - 1)
        if t.dep_ == "appos" and t.i > phrase.i:
            comma = t.left_edge.i - 1
            if t.doc[comma].lower_ in ("both", "all"):  # ("of X and Y, both Republicans")
                comma -= 1
            if t.doc[comma].text == ",":
                return max(phrase.i, comma - 1)
    return phrase.right_edge.i


def _balanced(doc: Doc, start: int, end: int, floor: int) -> tuple[int, int]:
    """A mention's token bounds without a bracket it does not both open and close: it
    starts after a closing one (``see chart) CEO Mara Lind``) but for a bracket of proper
    nouns after a name (a ticker: ``BP (NYSE:BP) CEO Tony Hayward``, a place: ``Deputy
    Commissioner of Police (North East) Jo Roe``), which it takes in with that name and
    the proper nouns before it, from ``floor`` on; it ends before an opening one (``the Telecoms
    Board (TB``)."""
    depth, cut = 0, start
    for i in range(start, end + 1):
        depth += (doc[i].text == "(") - (doc[i].text == ")")
        if depth < 0:
            depth, cut = 0, i + 1
    start = cut
    if start - 1 > floor and doc[start - 1].text == ")" and start <= end:
        opening = next((j for j in range(start - 2, floor, -1) if doc[j].text == "("), None)
        if (
            opening is not None
            and doc[opening - 1].pos_ == "PROPN"
            and all(t.pos_ == "PROPN" or t.is_punct for t in doc[opening + 1 : start - 1])
        ):
            start = opening - 1
            while start - 1 >= floor and (
                doc[start - 1].pos_ == "PROPN"
                or (
                    doc[start - 1].lower_ in ("of", "for")
                    and start - 2 >= floor
                    and doc[start - 2].pos_ == "PROPN"
                )
            ):
                start -= 1  # "Deputy Commissioner of Police (North East) Jo Roe"
    opened = [i for i in range(start, end + 1) if doc[i].text == "("]
    closed = sum(doc[i].text == ")" for i in range(start, end + 1))
    if len(opened) > closed:
        end = opened[closed] - 1
    while end > start and doc[end].is_punct:
        end -= 1
    return start, end


def _role(name: Token, is_name: Callable[[Token], bool]) -> Token:
    """Where a name stands in its sentence: as its own head, or as the job it is
    appended to (``The treasurer, Ruth Bell, said``; also where the parse hangs it on what
    the job is for: ``Member for Katherine, Jo Hersey, said``) or ends (``Minister of State
    for Petroleum Dr. Musadiq Malik said``)."""
    if name.dep_ == "appos":
        up = name.head  # (the job the parse hung it inside: "Member for Katherine, Jo Roe,")
        while up.dep_ in ("pobj", "prep") and up.head.i < up.i:
            up = up.head
        return up if up is not name.head and up.lemma_.lower() in TITLES else name.head
    role = name
    while role.dep_ in ("pobj", "prep") and role.head.i < role.i:
        role = role.head
    run = name_run(role, is_name)  # (a job's name or word, but not "The police in Nordby")
    job = is_job(run) if run else role.lemma_.lower() in TITLES
    return role if role is not name and job else name


#: Words a job's name runs on through to its holder's (``Minister of State for X Jo Roe``),
#: also the ``general`` of a job written in lower case (``Director general of the
#: Immigration Department Sok Veasna``).
_JOB_LINKS = {"of", "for", "and", "the", "&", "(", ")", "/", "-", "general"}


def _bracketed(t: Token) -> bool:
    """Whether a phrase stands in brackets (``BP (NYSE:BP)``)."""
    doc = t.doc
    start, end = t.left_edge.i, t.right_edge.i
    opened = doc[start].text == "(" or (start > 0 and doc[start - 1].text == "(")
    return opened and (doc[end].text == ")" or (end + 1 < len(doc) and doc[end + 1].text == ")"))


def _job_holder(job: Token, is_name: Callable[[Token], bool]) -> list[Token]:
    """The person a job title names at its end (``Minister of State for Petroleum Dr.
    Musadiq Malik``: Musadiq Malik), reading on through its capitalised words and the
    small words between them; empty when none."""
    doc = job.doc
    last = job.i
    while last + 1 < len(doc) and (
        doc[last + 1].text[:1].isupper()
        or doc[last + 1].lower_ in _JOB_LINKS
        or (doc[last + 1].text == "," and doc[last + 2 : last + 3].text[:1].isupper())
        or (doc[last].lower_ == "of" and doc[last + 1].lower_ in ORGANISATION_KINDS)
    ):  # (also past a place after a comma: "Director General of Police, Norland, Jo Roe";
        # and an organisation's word in lower case: "Commissioner of police Jo Roe")
        reached = name_run(doc[last], is_name)
        if doc[last + 1].text == "," and len(reached) > 1 and is_person(reached):
            break  # (a name reached: "Police (ASP) Jo Roe, Head of ...")
        last += 1
    while last > job.i and doc[last].is_punct:
        last -= 1
    run = name_run(doc[last], is_name) if last > job.i else []
    return run if is_person(run) else []


def _placed_holder(head: Token, is_name: Callable[[Token], bool]) -> list[Token]:
    """The person a title names after a place's name and its ``of`` (``Town of Norland
    Mayor Jo Roe``), which the parse hung on the place's first word; empty when none."""
    doc = head.doc
    if head.pos_ != "PROPN" or head.i + 1 >= len(doc) or doc[head.i + 1].lower_ != "of":
        return []
    run = _job_holder(head, is_name)
    return run if run and is_job([doc[run[0].i - 1]]) else []


def _named_before(head: Token, is_name: Callable[[Token], bool]) -> Token | None:
    """A person's full name set off right before an indefinite description of their job
    (``Also corroborating, Misa Bello, a farmer said``), which the parse hangs elsewhere:
    the name's last word; None for none."""
    first = head.left_edge
    if first.lower_ not in ("a", "an") or first.i < 3 or head.doc[first.i - 1].text != ",":
        return None
    last = head.doc[first.i - 2]
    run = name_run(last, is_name)
    return last if len(run) > 1 and is_person(run) else None


def _closing_name(head: Token, is_name: Callable[[Token], bool]) -> Token | None:
    """A person's name in apposition that closes a job's phrase (``A spokeswoman for
    Governor John Bel Edwards, Shauna Sanford,``): the parse hangs it on the nearer name,
    but it names whoever holds the job."""
    last = max(t.i for t in head.subtree if not t.is_punct)
    name = head.doc[last]
    if name.dep_ != "appos" or name.head.i == head.i or not is_name(name) or _bracketed(name):
        return None
    run = name_run(name, is_name)
    return name if len(run) > 1 and is_person(run) else None


def _misread_participle(head: Token, is_name: Callable[[Token], bool]) -> Token:
    """The person named last before the verb, after a comma, where the parse took the
    participle that opens the sentence for its subject (``Visiting Concepción, the
    Undersecretary for Crime Prevention, María José Gómez, indicated``); else ``head``."""
    doc = head.doc
    if head.i != head.sent.start or not head.lower_.endswith("ing") or head.head.i <= head.i:
        return head
    if not any(c.dep_ == "dobj" for c in head.children):
        return head
    last = head.head.i - 1
    while last > head.i and doc[last].is_punct:
        last -= 1
    run = name_run(doc[last], is_name) if is_name(doc[last]) else []
    set_off = bool(run) and doc[run[0].i - 1].text == ","
    return doc[last] if set_off and len(run) > 1 and is_person(run) else head


def _apposed_holder(head: Token, is_name: Callable[[Token], bool]) -> Token | None:
    """A person's name closing a second job's phrase in apposition to a job (``the
    president of the Association, the mayor of Concepción Álvaro Ortiz, said``): whoever
    holds both."""
    for c in head.rights:
        if c.dep_ == "appos" and c.pos_ == "NOUN" and c.lemma_.lower() in TITLES:
            last = c.doc[max(t.i for t in c.subtree if not t.is_punct)]
            run = name_run(last, is_name) if is_name(last) else []
            if len(run) > 1 and is_person(run):
                return last
    return None


def _titled_name_after(head: Token, is_name: Callable[[Token], bool]) -> Token | None:
    """A person's name with a job word before it closing an organisation's name
    (``Mesa Department of Public Safety spokesman Jo Roe``), which the parse hangs inside
    it: the person is the source."""
    last = head.right_edge
    run = name_run(last, is_name) if last.i > head.i and is_name(last) else []
    if not run or not is_person(run) or run[0].i - 1 <= head.i:
        return None
    job = last.doc[run[0].i - 1]
    between = last.doc[head.i + 1 : job.i]
    if job.pos_ != "NOUN" or job.lemma_.lower() not in TITLES or any(t.is_punct for t in between):
        return None
    return last


def _job_end(job: Token) -> int:
    """The last token of a job's name: its capitalised words after it, joined by ``of``
    or ``for`` (``Minister of State``, ``Secretary for Health``)."""
    doc, last = job.doc, job.i
    while (
        last + 2 < len(doc)
        and doc[last + 1].lower_ in ("of", "for")
        and doc[last + 2].text[:1].isupper()
    ):
        last += 2
        while last + 1 < len(doc) and doc[last + 1].pos_ == "PROPN":
            last += 1
    return last


def _titles_of(head: Token, run: list[Token]) -> set[str]:
    """Job words that come with a name: the one right before it (``Governor``,
    ``political analyst``; ``Emergency Response Director``: the director only; also before
    a bracketed place: ``IGP (Kashmir) Jo Roe``), also with
    the word before it in capitals (``Prime Minister``: the prime minister too), or an
    appositive (``Jo Ma, a lawyer``; ``the director, Jo Ma``)."""
    doc = head.doc
    first = run[0].i
    if first > 2 and doc[first - 1].text == ")":  # "IGP (Kashmir) Jo Roe": past its brackets
        opening = next(
            (k for k in range(first - 2, max(first - 6, 0), -1) if doc[k].text == "("), 0
        )
        first = opening or first
    before = [doc[first - 1]] if first > head.left_edge.i else []
    out = {
        t.lemma_.lower()
        for t in before
        if t.dep_ in ("compound", "amod", "nmod") and t.pos_ in ("NOUN", "PROPN")
    }
    if out and first - 2 >= head.left_edge.i and doc[first - 2].text[:1].isupper():
        out.add(f"{doc[first - 2].lower_} {before[0].lemma_.lower()}")  # "Prime Minister"
    k = run[0].i - 1
    while k > head.left_edge.i and doc[k].text[:1].isupper() and doc[k].lower_ in TITLES:
        k -= 1  # "Police spokesperson Deputy Inspector Jo Ma": the job before the rank
    if k < run[0].i - 1 and doc[k].text.islower() and doc[k].lemma_.lower() in TITLES:
        out.add(doc[k].lemma_.lower())
    elif k + 1 < run[0].i - 1:  # "Police Spokesperson Superintendent Jo Ma": so in capitals
        word = doc[k + 1].lemma_.lower()
        out |= {word, f"{doc[k].lower_} {word}"} if doc[k].text[:1].isupper() else {word}
    if head.dep_ == "appos" and (head.head.pos_ == "NOUN" or head.head.lower_ in TITLES):
        apposed = head.head
        out.add(apposed.lemma_.lower())
        compound = doc[apposed.i - 1] if apposed.i > 0 else apposed
        if compound.dep_ == "compound" and compound.head == apposed:  # "The Police Public
            out.add(
                f"{compound.lower_} {apposed.lemma_.lower()}"
            )  # Relations Officer, ASP Jo Roe,"
    out |= {  # "Jo Ma, a lawyer"; "Jo Ma, the Minister of Trade,": a job in capitals
        c.lemma_.lower()
        for c in head.children
        if c.dep_ == "appos" and (c.pos_ == "NOUN" or c.lower_ in TITLES)
    }
    job = _job_of_name(run[0])
    if job is not None:
        out.add(job.lemma_.lower())
        if job.i > 0 and doc[job.i - 1].dep_ == "compound" and doc[job.i - 1].text.islower():
            out.add(f"{doc[job.i - 1].lower_} {job.lemma_.lower()}")  # "press secretary"
    k = run[0].i - 3  # "Police spokesman Col. Faysal Elmi": the job before the rank the
    # tokenizer cut from its stop
    if k >= 0 and doc[k + 2].text == "." and doc[k + 1].lower_ + "." in TITLES:
        out.add(doc[k + 1].lower_)  # the rank too: "fire Capt. Jeff Afonso" ... "the captain"
        if doc[k].text.islower() and doc[k].lemma_.lower() in TITLES:
            out.add(doc[k].lemma_.lower())
    return out


def _job_of_name(first: Token) -> Token | None:
    """The job word a name follows through what the job is of or for (``Federal
    Minister for Planning and Development Asad Umar``, ``The press secretary of the
    Belarusian Foreign Ministry Anatoly Glaz``: the minister, the secretary)."""
    doc = first.doc
    k = first.i - 1
    if k >= 0 and doc[k].lower_ in _WHAT_A_JOB_IS_OF:
        return None  # a word of what the job is of: "Minister of Trade and Industry"
    while (
        k > first.i - 1 - JOB_REACH
        and k > 1
        and (doc[k].text[:1].isupper() or doc[k].lower_ in _WHAT_A_JOB_IS_OF)
    ):
        k -= 1
    if k < first.i - 1 and doc[k].lower_ in ("of", "for") and is_job([doc[k - 1]]):
        return doc[k - 1]
    return None


#: Small words inside what a job is of (``Minister for Water, Sanitation and Health``).
_WHAT_A_JOB_IS_OF = {"and", "&", ",", "the"}
_MINOR_WORDS = {"a", "an", "the", "of", "and", "or", "in", "on", "at", "to", "for", "with", "by"}


def _one_letter(para: Paragraph, q: Quoted) -> bool:
    """Whether marks hold one letter, a label and no words (``Jo Bayo 'm' 29yrs``: a
    man's, as police statements write it)."""
    inner = para.text[q.start : q.end].strip()
    return len(inner) == 1 and inner.isalpha()


def _name_in_apposition(para: Paragraph, q: Quoted) -> bool:
    """Whether marks hold one capitalised word set off by commas right after a noun, the
    name of what the noun is (``the Belgian Malinois, ‘Misty’, died``): a name, as a
    nickname inside a name is (:func:`is_nickname`), and no words said."""
    text = para.text
    if q.close is None or not re.fullmatch(r"[A-Z][\w.-]*", text[q.start : q.end]):
        return False
    if not text[: q.open].endswith(", ") or text[q.close + 1 : q.close + 2] != ",":
        return False
    before = para.doc.char_span(q.open - 3, q.open - 2, alignment_mode="expand")
    return before is not None and before[-1].pos_ in ("NOUN", "PROPN")


#: Verbs that give a thing or a person a label (``was named a "person of interest"``),
#: also a class's (``were classified as "medium security" inmates``).
_LABELLING_VERBS = frozenset(
    "name call label dub term brand classify categorise categorize".split()
)


def _passive_label(para: Paragraph, q: Quoted) -> bool:
    """Whether marks hold the label a passive verb of naming gives, with no one named
    as giving it (``James, who had been named a "person of interest" in the shooting,``;
    after ``as``, alone or before the noun it labels: ``the men were classified as
    "medium security" inmates``; ``referred to as``, with no one between: ``the ring
    leader commonly referred to as the “assassin,”``): what someone called him, no one's
    words the sentence reports. Such marks are read as plain text."""
    inner = para.doc.char_span(q.start, q.end, alignment_mode="expand")
    if inner is None or len(inner) == 0:
        return False
    root = _root_of(inner)
    if root.dep_ in ("amod", "compound", "nmod") and root.head.i >= inner.end:
        root = root.head  # ("as "medium security" inmates": the noun it labels)
    verb = root.head
    if root.dep_ == "pobj" and verb.lower_ == "as" and verb.dep_ == "prep":
        verb = verb.head
    elif root.dep_ not in ("oprd", "attr", "dobj"):
        return False
    doc = verb.doc
    if verb.lemma_.lower() == "refer" and doc[verb.i + 1 : verb.i + 3].text.lower() == "to as":
        return True  # "the ring leader commonly referred to as the “assassin,”": by no one
    return (
        verb.pos_ == "VERB"
        and verb.lemma_.lower() in _LABELLING_VERBS
        and any(c.dep_ == "auxpass" for c in verb.children)
        and not any(c.dep_ == "agent" for c in verb.children)
    )


#: Words that name what follows them in marks as a word (``the word "asbestos"``) or as
#: what is written on a thing (``a paper written 'PCR' was placed over the logo``).
_WORD_NOUNS = frozenset("word words term phrase written inscribed".split())


def _a_word_as_a_word(para: Paragraph, q: Quoted) -> bool:
    """Whether marks hold a word named as a word by the noun right before them (``bags
    with the word "asbestos" written on them``, ``the term "no-go area"``): the word
    itself, no one's words the sentence reports. Such marks are read as plain text; not
    marks that hold a clause (a finite verb) of their own: ``not a debt in the true sense
    of the word "because it's not something we borrowed``, words said."""
    before = para.text[: q.open].rstrip().rsplit(None, 1)
    if not before or before[-1].lower() not in _WORD_NOUNS:
        return False
    inner = para.doc.char_span(q.start, q.end, alignment_mode="expand")
    return inner is None or not any(t.tag_ in _FINITE for t in inner)


def _a_kind_of_noun(para: Paragraph, q: Quoted) -> bool:
    """Whether marks hold one noun that says which kind the noun right after them is
    (``said the project was still in the "exploration" phase``): a label, no words said;
    the clause around it is reported whole."""
    inner = para.doc.char_span(q.start, q.end, alignment_mode="expand")
    if inner is None or q.close is None:
        return False
    words = [t for t in inner if not t.is_punct]
    noun = words[0].head if len(words) == 1 else None
    return (
        noun is not None
        and words[0].pos_ == "NOUN"
        and words[0].dep_ in ("compound", "nmod")
        and noun.pos_ == "NOUN"
        and noun.idx > q.close
        and noun.i == inner.end + 1
    )


def _names_a_title(para: Paragraph, q: Quoted) -> bool:
    """Marks around a title or a nickname ("The Last of Us", Dwayne "The Rock" Johnson):
    two to eight words, every major one capitalised, no sentence punctuation, or one such
    word that names the kind of the noun after it (the former "Dynasty" star). Such marks
    are read as plain text."""
    inner = para.doc.char_span(q.start, q.end, alignment_mode="expand")
    if inner is None:
        return False
    words = [t for t in inner if not t.is_punct]
    if len(words) == 1:  # 'the former "Dynasty" star': a work's name before a noun
        (w,) = words
        return (
            w.text[:1].isupper()
            and w.pos_ in ("NOUN", "PROPN")
            and w.dep_ in ("compound", "nmod")
            and w.head.pos_ == "NOUN"
            and w.head.idx > q.end
        )
    if not 2 <= len(words) <= 8 or any(t.text in _SENTENCE_END | {","} for t in inner):
        return False
    if all(t.pos_ in ("ADV", "ADJ") for t in words) and any(t.pos_ == "ADV" for t in words):
        return False  # 'a "Very Serious" charge': a degree in capitals, no title
    major = [t.text for t in words if t.lower_ not in _MINOR_WORDS]
    return bool(major) and all(w[:1].isupper() for w in major)


#: Most words of a crosshead in marks (``'Not as competitive'``).
_CROSSHEAD_WORDS = 6


def _closed_by_reporting_line(para: Paragraph, q: Quoted) -> Quoted:
    """A mark the paragraph leaves open closes at the comma before a reporting line in
    it (``"A, said Jo Roe in response to ...``; ``"A, Jo Roe said.``): a cue after the
    comma with its subject right after it or between them; also past closing marks the
    pairing did not take for one (``"A,'' he said``: two straight apostrophes written to
    close; curly ones close in the pairing itself, :mod:`core.suggest.marks`)."""
    if q.close is not None:
        return q
    doc = para.doc
    for t in doc:
        if t.idx <= q.start or t.i < 2 or not _is_cue_verb(t):
            continue
        after = doc[t.i - 1].text == ","
        comma = (
            doc[t.i - 1] if after and t.i + 1 < len(doc) and doc[t.i + 1].pos_ == "PROPN" else None
        )
        close = None
        subject = next((c for c in t.lefts if c.dep_ in _SUBJECTS), None)
        if (
            subject is not None
            and subject.lower_ not in ("i", "we", "you")  # (the quote's own: "..., we said")
            and (after or (subject.right_edge.i == t.i - 1 and not _reports_after(t)))
        ):
            k = subject.left_edge.i - 1
            while k > q.start and all(ch in CLOSING_MARKS for ch in doc[k].text):
                close = close or doc[k]
                k -= 1
            if doc[k].text == ",":
                comma = doc[k]
        if comma is not None:
            end = close.idx + len(close) - 1 if close is not None else comma.idx
            return Quoted(q.open, end, q.start, comma.idx + 1, q.double)
    return q


def _by_doing(verb: Token) -> bool:
    """Whether a verb has ``by`` and a verb's ``-ing`` after it, no comma between
    (``responded by calling for a march``): what it did, no words it said."""
    return any(
        c.dep_ == "prep"
        and c.lower_ == "by"
        and verb.doc[c.i - 1].text != ","
        and any(g.tag_ == "VBG" for g in c.children)
        for c in verb.rights
    )


def _reports_after(verb: Token) -> bool:
    """Whether a verb of saying reports a clause after it (``he said we should rest``): no
    reporting line closing the words before it."""
    return any(c.dep_ == "ccomp" and c.i > verb.i for c in verb.children)


def _crosshead(para: Paragraph, q: Quoted) -> bool:
    """Whether a quote is a paragraph's whole text, a few words with no punctuation: a
    subheading in marks between the body's paragraphs, not a quote of anyone's."""
    inner = para.text[q.start : q.end]
    whole = q.open == 0 and q.close is not None and not para.text[q.close + 1 :].strip()
    return (
        whole and len(inner.split()) <= _CROSSHEAD_WORDS and not any(ch in inner for ch in ".,;:!?")
    )


def _prev_char(text: str, i: int) -> str:
    j = i - 1
    while j >= 0 and text[j].isspace():
        j -= 1
    return text[j] if j >= 0 else ""


def _is_direct(para: Paragraph, q: Quoted, n: int) -> bool:
    """Whether a quote stands as its own utterance rather than inside a clause: after a
    sentence's end, a colon or a cue and a comma, or right after its cue (a fragment
    that its sentence runs on from is a mixed quote all the same: :func:`_runs_on`)."""
    text = para.text
    pc = _prev_char(text, q.open)
    if pc == "" or pc in ".!?:;\u2014\u2013" or pc in CLOSING_MARKS:
        return True
    doc = para.doc
    before = _frame_before(para, q, n)
    inside = text[q.start : q.end]
    last = [i for i in before if not doc[i].is_punct][-3:]
    if pc == "," and _according_after(para, q, n):
        return True  # 'said that A, "and B", according to Jo Roe.': B is Jo Roe's
    if pc == "," and inside.split(" ", 1)[0] in ("and", "but", "or"):
        return any(_is_cue_verb(doc[i]) for i in last)  # (not "said A, "and B."": B goes on A)
    if pc == "," and any(_is_cue_verb(doc[i]) for i in before):
        return True
    if before and (_is_cue_verb(doc[before[-1]]) or _participle_of_saying(doc[before[-1]])):
        return True  # 'said "nobody saw it coming".': the marks hold all it said
    if inside[:1].isupper() and before:
        return any(_is_cue_verb(doc[i]) for i in last)
    return False


def _according_after(para: Paragraph, q: Quoted, n: int) -> bool:
    """Whether a comma (before the closing mark or after it) and ``according to``
    follow a quote."""
    doc = para.doc
    after = _frame_after(para, q, n)
    comma = bool(after) and doc[after[0]].text == ","
    inside = para.text[: q.end].rstrip().endswith(",")
    return len(after) > comma and (comma or inside) and is_according(doc[after[comma]])


def _participle_of_saying(t: Token) -> bool:
    """Whether a token is a participle of saying that goes on from a reported clause
    (``said A, adding "B"``, also with no comma: ``said A adding "B"``): its marks right
    after it hold all it said, as a verb's in a tense do."""
    return t.tag_ == "VBG" and t.lemma_.lower() in SPEECH_VERBS and _is_speech_verb(t)


def _runs_on(para: Paragraph, q: Quoted) -> bool:
    """Whether a quote is a fragment its sentence runs on from (``"It is hard to rule
    out" his attendance, Kang said``; ``"But we saw no signs" that he would attend.``):
    no punctuation closes it inside the marks, and words, none of them a cue, follow the
    closing mark up to the next punctuation."""
    if q.close is None or not para.text[q.start : q.end].rstrip()[-1:].isalnum():
        return False
    doc = para.doc
    after = doc.char_span(q.close, q.close + 1, alignment_mode="expand")
    words = []
    for t in doc[after.end if after is not None else len(doc) :]:
        if t.is_punct or para.in_quote[t.i]:
            break
        words.append(t)
    return bool(words) and not any(_is_cue_verb(t) for t in words)


def _describes_a_noun(para: Paragraph, q: Quoted) -> bool:
    """Whether marks hold only adjectives of a noun after them (``announced ‘unofficial’
    and unconfirmed results``): a label of a thing, as ``maintained his "neutral"
    rating``, no words said (not ``called the deal "costly" for the town``)."""
    doc = para.doc
    inner = doc.char_span(q.start, q.end, alignment_mode="expand")
    after = doc.char_span(q.close, q.close + 1, alignment_mode="expand") if q.close else None
    if inner is None or after is None:
        return False
    if not all(t.pos_ == "ADJ" for t in inner if not t.is_punct):
        return False
    for t in doc[after.end :]:
        if t.pos_ == "NOUN":
            return True
        if t.pos_ not in ("ADJ", "CCONJ") or para.in_quote[t.i]:
            return False
    return False


def _participle_before(para: Paragraph, before: list[int]) -> list[Token]:
    """A participle of saying that the words before a quote end with, up to its colon or
    comma (``They warned the public to be cautious, adding: "..."``): the quote's cue,
    nearer than the verb it goes on from; so one that only gives words in marks, before a
    colon (``said A, asking: "B?"``); empty for none."""
    words = [para.doc[i] for i in before if not para.doc[i].is_punct]
    last = words[-1] if words else None
    if last is None or last.tag_ != "VBG" or last.dep_ not in ("advcl", "xcomp"):
        return []
    colon = para.doc[before[-1]].text == ":"
    return [last] if _says(last) or (colon and last.lemma_.lower() in CUE_VERBS) else []


def _frame_after(para: Paragraph, q: Quoted, n: int) -> list[int]:
    """Tokens after a quote up to the next quote or the end of its sentence."""
    if q.close is None:
        return []
    doc = para.doc
    sp = doc.char_span(q.close, q.close + 1, alignment_mode="expand")
    out: list[int] = []
    i = sp.end if sp is not None else len(doc)
    while i < len(doc) and len(out) < 25:
        if para.in_quote[i] and para.in_quote[i] != n:
            break
        out.append(i)
        if doc[i].text in _SENTENCE_END and not goes_on_after(doc, i):
            break  # (not the stop of a title before a name: '"...," Supt. Jo Roe said')
        i += 1
    return out


def _frame_before(para: Paragraph, q: Quoted, n: int) -> list[int]:
    """Tokens before a quote back to the previous quote or the start of the sentence."""
    doc = para.doc
    sp = doc.char_span(q.open, q.open + 1, alignment_mode="expand")
    i = (sp.start if sp is not None else 0) - 1
    out: list[int] = []
    while i >= 0 and len(out) < 40:
        if para.in_quote[i] and para.in_quote[i] != n:
            break
        if doc[i].text in _SENTENCE_END and not goes_on_after(doc, i):
            break
        out.append(i)
        i -= 1
    out.reverse()
    return out


def _root_of(inner: TokenSpan) -> Token:
    """The token of a quoted stretch whose head lies outside it (the highest one)."""
    for t in inner:
        if not (inner.start <= t.head.i < inner.end) or t.head.i == t.i:
            return t
    return inner.root


def _governing_cue(token: Token, para: Paragraph, clause: bool = False) -> Token | None:
    """The speech verb above a quoted fragment in the parse, if any, within its sentence
    (also a verb that names what was said by it: ``described X as "..."``), or, when the
    fragment holds the sentence's root, the reporting line the parse hangs on the root
    (``The teens were "staggered in their stances," Eiskant said, with ...``). None when
    the fragment is in the verb's noun object, not all of it (``maintained his "neutral"
    rating``: a thing's name, not words said), or in what it is about (``warning people
    about a "potential scam"``) or in another verb joined to it (``acknowledged A but
    expressed confidence that with the "right focus"``: that verb's), unless the fragment
    holds a ``clause`` of its own, a finite verb (``said the passenger "threatened crew
    members, and ... threatened the safety of the aircraft"``: the parse took its subject
    for the object)."""
    t = token
    below: Token | None = None
    under: Token | None = None  # the token below ``below`` on the way up
    for _ in range(12):
        if not para.in_quote[t.i]:
            if _is_speech_verb(t) or (t.pos_ == "VERB" and t.lemma_.lower() in NAMING_VERBS):
                named = t.lemma_.lower() in NAMING_VERBS
                said = under is not None and under.dep_ in ("acl", "ccomp", "relcl")
                thing = (
                    below is not None
                    and (below.dep_ == "dobj" or (below.dep_ == "prep" and below.lower_ == "about"))
                    and not para.in_quote[below.i]
                    and not said  # ('reiterated the stance that "...": the stance's words)
                    and not clause
                )
                if thing and not named:
                    return None  # (the object itself in marks is words said: 'stated his "...")
                return _reporting(t, para)
            acc = next((c for c in t.children if is_according(c)), None)
            if acc is not None:
                return acc
            if clause and t.pos_ == "VERB" and t.lemma_.lower() in _REQUEST_VERBS:
                return t  # 'asked the judge to consider that there are "two sides ... We have"'
            if t.pos_ == "VERB" and t.dep_ == "conj" and _is_speech_verb(t.head):
                if not any(c.dep_ in _SUBJECTS for c in t.children):
                    return None  # the speaker's other doing, not more of the saying
        if t.head.i == t.i:  # the root: a reporting line after it ('"A," Jo said, with'),
            # or set off by commas before the words in marks ('Instead, he added, X opted
            # for "A"')
            line = (
                c
                for c in (*t.rights, *_line_set_off_before(t, token))
                if (c.dep_ == "parataxis" or _conjunct_line(c, para)) and not para.in_quote[c.i]
            )
            verb = next(line, None)
            return _reporting(verb, para) if verb is not None and _is_speech_verb(verb) else None
        under, below, t = below, t, t.head
    return None


def _line_set_off_before(root: Token, token: Token) -> list[Token]:
    """A reporting line the parse hangs before its sentence's root, set off by commas and
    ending before ``token`` (``Instead of this, he added, the ministry had opted for``):
    it reports the clause after it."""
    doc = root.doc
    return [
        c
        for c in root.lefts
        if c.dep_ == "parataxis"
        and c.right_edge.i < token.i
        and c.right_edge.i + 1 < len(doc)
        and doc[c.right_edge.i + 1].text == ","
        and "," in (doc[c.left_edge.i].text, doc[c.left_edge.i - 1].text if c.left_edge.i else "")
        and any(s.dep_ in _SUBJECTS for s in c.children)
    ]


#: Verbs of asking someone to do something: words in marks under one that hold a verb of
#: their own are words said (a mixed quote), though the request reports no clause.
_REQUEST_VERBS = frozenset("ask urge".split())


def _reporting(verb: Token, para: Paragraph) -> Token:
    """The verb of saying a person reports another's saying by (``Chung said Kim
    confirmed he was "willing ..."``: Chung's ``said``, the words in marks being
    Chung's), before it in its sentence, or the one that reports a denied saying (``X
    never said that A was a "B," a spokesman said``: nobody's words but the spokesman's)
    or a saying in the passive with no agent (``The board said that "more cases" had been
    confirmed``: nobody's saying but the board's); else the verb itself."""
    while (
        verb.dep_ == "ccomp"
        and _is_speech_verb(verb.head)
        and (
            (verb.head.i < verb.i and _by_person(verb.head, para))
            or any(c.dep_ == "neg" for c in verb.children)
            or (
                any(c.dep_ == "auxpass" for c in verb.children)
                and not any(c.dep_ == "agent" for c in verb.children)
            )
        )
    ):
        verb = verb.head
    return verb


def _inverted_condition(clause: Token) -> bool:
    """Whether a clause opens as a condition with its auxiliary before its subject (``...
    should Sheriff Jo Roe suspend patrols``: if he does), which goes on the clause before
    it, though the parse gives the cue both."""
    first = clause.doc[clause.left_edge.i]
    return (
        first.lower_ in ("should", "had", "were")
        and first.head == clause
        and any(s.dep_ in _SUBJECTS and s.i > first.i for s in clause.children)
    )


def reported_clause(verb: Token, para: Paragraph) -> tuple[int, int] | None:
    """Character bounds (in the paragraph) of a speech verb's (first) reported clause."""
    return next(iter(_reported_clauses(verb, para)), None)


def _reported_clauses(verb: Token, para: Paragraph) -> list[tuple[int, int]]:
    """Character bounds (in the paragraph) of a speech verb's reported clauses: one, or
    one for each ``that`` clause after ``and`` (``said A and that B``: A and B)."""
    doc = para.doc
    clause = _clause_after(verb, para) or (
        next((c for c in verb.children if c.dep_ == "ccomp"), None)
        or _under_dateline(verb, para)
        or _that_clause(verb)
        or _clause_after_when(verb)
        or (_aside_that(verb) if _adds_on(verb) else None)
        or _gerund_subject_clause(verb)
    )
    if clause is None:
        found = (
            _clause_before(verb, para)
            or _lost_that_clause(verb, para)
            or _clause_around(verb, para)
            or _clause_after_fronted(verb, para)
            or _object_then_modal(verb, para)
            or _clause_of_first_subject(verb, para)
        )
        more = _clause_after_line(verb, para)  # "A, Jo said, but B": B too
        return [c for c in (found, more) if c is not None]
    marks = [c for c in clause.children if c.dep_ == "mark"]
    denied = any(c.dep_ == "neg" for c in verb.children) or _no_one_says(verb)
    # ("Norvia isn't confirming that A", "Neither police nor corrections could reveal")
    where = _relative_where(clause)  # ("announced results of PP-11, where X beat Y")
    if (
        denied
        or where
        or _asked_for(verb, clause)
        or any(m.lower_ in ("whether", "if") for m in marks)
    ):
        return []  # a denied saying reports nothing; a place, a demand or a question is no
        # report ("the mayor demanded the law be applied")
    # "responding to X's statement that ...": X's words, not the verb's; "X reported Jo
    # Roe telling the court that A": Jo Roe's saying reports A
    if _answers_a_statement(verb, clause) or _heard_saying_own(clause):
        return []
    # more clauses the parse gives the cue after a comma: one report ("A hit a missile,
    # the fragments of which fell ..., it turned out to be ...")
    # (not one without a subject after "and": "he didn't know and, in a letter,
    # apologized" is what the speaker did)
    spliced = [
        c
        for c in verb.rights
        if c.dep_ == "ccomp"
        and (
            "," in _before_word(c)
            and (
                any(s.dep_ in (*_SUBJECTS, "expl") for s in c.children)
                or not any(t.dep_ == "cc" and t.lower_ in ("and", "but") for t in clause.rights)
            )
            or c.i > clause.i
            and _inverted_condition(c)  # "A should X do B": one report
            or c.i > clause.i
            and _joined_by_its_and(clause, c)  # "told AFP that A were related and the
            # other was a fiance": one report
        )
    ]
    if clause.i < verb.i:  # "A and B, police say": the parse gave the cue both clauses
        spliced += [
            c
            for c in verb.lefts
            if c.dep_ == "ccomp" and c.i > clause.i and doc[c.left_edge.i - 1].dep_ == "cc"
        ]
    last = max([clause, *spliced], key=lambda c: c.i)
    last = _past_hyphen(verb, _split_noun(verb, _split_verb(verb, last)))
    start, end = clause.left_edge.i, _and_more(verb, last.right_edge.i)
    end = _with_because(verb, start, _lost_apposition(verb, _past_bracket(verb, start, end)))
    end = _before_set_off(_set_off_name(verb, para), verb, para, end)
    end = _before_cut_title(verb, end)
    concession = _concession(verb)
    if concession is not None and all(t.is_punct for t in doc[end + 1 : concession.left_edge.i]):
        end = concession.right_edge.i  # "A, whether X or not, Jo said": A's
    if end == last.right_edge.i:
        end = _before_writers_time(
            last, _before_dangling_and(last, _before_past_conjunct(last, end))
        )
    subject = next((c for c in verb.children if c.dep_ == "dobj" and verb.i < c.i < start), None)
    if (
        subject is not None
        and verb.lemma_ != "tell"  # "told ABC News there was ...": whom it was told
        and not any(c.dep_ in (*_SUBJECTS, "expl") for c in clause.children)
    ):
        start = subject.left_edge.i  # "said some areas of the city, were ...": its subject
    while start <= end and doc[start].idx < para.dateline:
        start += 1  # "New Delhi [India], July 20 (ANI): It is sad ..., X said"
    start = _fronted(verb, clause, start)
    start = _joined_before(verb, para, start)
    start = _past_adverb(verb, start, end)
    while start <= end and _opens(doc[start], clause):
        start += 1  # "that"
    if start == verb.i + 1 and _that(doc[start]):
        start += 1  # "said that according to X, ...": the parse hangs it lower
    start = _past_day(verb, clause, start)
    start = _past_when(verb, clause, start)
    start = _subject_after_when(verb, clause, start)
    start = _past_recipient(verb, start, end)
    if verb.i < start:  # "... to blame for its troubles; roughly 95% of its sales ...":
        # (not one between the clause's subjects: "that Jo Roe, 60; Ana Roe, 18, were ...")
        listed = ("NOUN", "PROPN", "NUM")
        semicolons = (
            i
            for i in range(start, end + 1)
            if doc[i].text == ";" and doc[i].head.pos_ not in listed
        )
        end = next(semicolons, end + 1) - 1
        end = _before_reporting_line(doc, start, end)
    start, end = _trim(doc, start, end)
    according = next((t for t in doc[start : end + 1] if is_according(t)), None)
    if according is not None and according.right_edge.i >= end - 1:
        end = according.left_edge.i - 1  # "..., according to X" names another source
    parts = []
    for part_start, part_end in _and_that(verb, para, start, end):
        part = _clause_part(verb, para, part_start, part_end)
        if part is not None:
            parts.append(part)
    return parts


#: Verbs of demanding: a clause under one whose verb is in the base form says what it asks
#: be done (``demanded the State Security Law be applied``, ``recommended that the council
#: adopt the plan``), not what anyone says is so.
_DEMANDING_VERBS = _REQUEST_VERBS | frozenset("demand recommend request propose order".split())


def _asked_for(verb: Token, clause: Token) -> bool:
    """Whether a verb of demanding's clause is what it asks for: a clause of a subject of
    its own whose verb, or whose ``be`` before a participle, is in the base form with no
    modal or ``to`` before it (``the mayor demanded the law be applied``; not ``urged
    that he should resign``, a modal's, nor ``recommended that the plan was sound``). Not
    ``insist``: what one insists on in the base form is reported (``Salve insisted the
    bench release his client``)."""
    if verb.lemma_.lower() not in _DEMANDING_VERBS:
        return False
    auxiliaries = [c for c in clause.children if c.dep_ in ("aux", "auxpass")]
    base = (clause.tag_ == "VB" and not auxiliaries) or (
        [a.lower_ for a in auxiliaries] == ["be"] and auxiliaries[0].tag_ == "VB"
    )
    return base and any(c.dep_ in _SUBJECTS for c in clause.children)


def _joined_by_its_and(clause: Token, more: Token) -> bool:
    """Whether a second clause the parse gave the cue follows an ``and`` or ``but`` it left
    on the first as its own, with a subject of its own: one clause of two joined."""
    before = more.doc[more.left_edge.i - 1]
    return (
        before.dep_ == "cc"
        and before.head == clause
        and before.lower_ in ("and", "but")
        and any(s.dep_ in _SUBJECTS for s in more.children)
    )


def _no_one_says(verb: Token) -> bool:
    """Whether a verb's subject denies it (``Neither police nor corrections could reveal
    ...``, ``No official would confirm ...``, ``Nobody said ...``): no one's saying."""
    return any(
        c.dep_ in _SUBJECTS
        and (
            c.lower_ in ("nobody", "none")
            or any(
                d.dep_ in ("det", "preconj") and d.lower_ in ("neither", "no") for d in c.children
            )
        )
        for c in verb.children
    )


def _clause_after(verb: Token, para: Paragraph) -> Token | None:
    """The clause right after a cue with a subject of its own where the parse gives the
    cue one before it too, out of marks (``A was not reachable, however a clerk said the
    depot would close``): the line reports what follows it, and the clause before is the
    writer's (not words in marks before it: ``"A," Jo said he told police``, A is Jo's)."""
    before = [c for c in verb.lefts if c.dep_ == "ccomp" and not para.in_quote[c.i]]
    after = next(
        (
            c
            for c in verb.rights
            if c.dep_ == "ccomp"
            and c.left_edge.i == verb.i + 1
            and any(s.dep_ in _SUBJECTS for s in c.children)
        ),
        None,
    )
    return after if before else None


def _relative_where(clause: Token) -> bool:
    """Whether a clause the parse gives a cue is one of where or when after a comma, of
    the noun before it (``announced results of a constituency, PP-11, where X beat Y``):
    what the place is, no report (not ``told reporters where A``: a question's)."""
    first = clause.left_edge
    return (
        first.lower_ in ("where", "when")
        and first.head == clause
        and first.i > 0
        and first.doc[first.i - 1].text == ","
    )


def _split_verb(verb: Token, last: Token) -> Token:
    """The verb a reported clause ends with where the parse split it in two (``submitted
    that the charge preferred against him is a serious charge``: ``preferred`` taken for
    the clause's verb, ``is`` for a conjunct of the cue's or a second clause of it:
    ``reiterated that the measures have been taken by X are precautionary``, no verb of
    saying): a finite verb right after the clause, with no subject, comma or conjunction of
    its own, is the clause's, so is a participle after its auxiliary (``there were 12 on
    board the jeep but only nine were apprehended``)."""
    doc = verb.doc
    nxt = last.right_edge.i + 1
    if nxt >= len(doc):
        return last
    t = doc[nxt]
    before = doc[nxt - 1]
    second = not (before.is_punct or before.dep_ == "cc" or _is_speech_verb(t))
    v = t.head if t.dep_ in ("aux", "auxpass") and t.head.i > t.i else t  # ("only nine were
    # apprehended": the participle's auxiliary)
    if (
        (v.dep_ == "conj" or (v.dep_ == "ccomp" and second))
        and v.head == verb
        and t.tag_ in ("VBZ", "VBP", "VBD")
        and not any(c.dep_ in (*_SUBJECTS, "expl") for c in v.children)
        and not any(c.dep_ == "cc" for c in verb.children)
    ):
        return v
    return last


def _split_noun(verb: Token, last: Token) -> Token:
    """The noun a reported clause ends with where the parse cut the phrase it ends with
    at a score (``had suffered injuries during Norton's 0-0 draw with Kelby on Sunday``:
    ``draw`` hung on the cue as its conjunct or its clause): a noun phrase right after the
    clause, with no comma or conjunction before it, that the parse joins to the cue is the
    clause's; so is one after an ``and`` the parse left at the clause's end, joined to a
    noun of the clause (``said he was concerned by the contents of the report and the lack
    of allocations``: ``lack`` taken for the cue's object)."""
    doc = verb.doc
    nxt = last.right_edge.i + 1
    if nxt + 1 < len(doc) and doc[nxt].lower_ in ("’s", "'s"):
        nxt += 1  # (the parse may hang the possessive on the cue too)
    if nxt >= len(doc) or doc[nxt - 1].is_punct:
        return last
    left = doc[nxt - 1].dep_ == "cc" and doc[nxt - 1].head.pos_ == "NOUN"
    if doc[nxt - 1].dep_ == "cc" and not (left and doc[nxt - 1].i == last.right_edge.i):
        return last
    noun = doc[nxt]
    while noun.head != verb and noun.head.i > noun.i:
        noun = noun.head
    if (
        noun.head == verb
        and noun.dep_ in (("conj", "ccomp", "dobj") if left else ("conj", "ccomp"))
        and noun.pos_ in ("NOUN", "PROPN")
        and noun.left_edge.i == nxt
        and not any(c.dep_ == "cc" for c in verb.children)
    ):
        return noun
    return last


def _past_hyphen(verb: Token, last: Token) -> Token:
    """The word a reported clause ends with where the parse cut it inside a word joined
    by a hyphen (``reported Tottenham have re-entered the race``: ``re`` taken for the
    clause's verb, ``entered`` for a conjunct of the cue's): the word after the hyphen,
    hung on the cue, is the clause's."""
    doc = verb.doc
    hyphen = last.right_edge.i + 1
    if hyphen + 1 >= len(doc) or doc[hyphen].text != "-":
        return last
    if doc[hyphen - 1].whitespace_ or doc[hyphen].whitespace_ or doc[hyphen + 1].head != verb:
        return last
    return doc[hyphen + 1]


def _before_set_off(set_off: list[Token], verb: Token, para: Paragraph, end: int) -> int:
    """Where a reported clause before its reporting line ends when the parse gave it the
    line's subject, a name set off by commas (``set_off``: :func:`_set_off_name`), and the
    description of a job set off before it (``A in Jos, the state police spokesperson,
    Tyopev Terna, has confirmed``): before them."""
    named = bool(set_off) and all(t.pos_ == "PROPN" or t.text == "." for t in set_off)
    if not named or not set_off[0].i - 2 <= end < verb.i:
        return end
    doc = para.doc
    comma = set_off[0].i - 1
    if doc[comma].text != ",":
        return comma  # "A three days ago Zanyar Umar, the spokesperson of X, said": no comma
    before = next((k for k in range(comma - 1, 0, -1) if doc[k].text == ","), None)
    job = doc[comma - 1]
    described = (
        before is not None
        and job.pos_ == "NOUN"
        and job.lemma_.lower() in TITLES
        and not any(t.pos_ in ("VERB", "AUX") for t in doc[before + 1 : comma])
    )
    return (before if described and before is not None else comma) - 1


def _before_cut_title(verb: Token, end: int) -> int:
    """Where a reported clause before its cue ends when the parse gave it the abbreviated
    title of the cue's subject, taking the title's full stop for a sentence's end (``A,
    fire Capt. Jeff Afonso said.``): before the comma that opens the title's phrase."""
    doc = verb.doc
    subject = next((c for c in verb.lefts if c.dep_ in _SUBJECTS), None)
    stop = subject.left_edge.i - 1 if subject is not None else 0
    if stop < 2 or doc[stop].text != "." or _past_cut_title(doc[stop - 1]) != subject:
        return end
    comma = next((k for k in range(stop - 2, max(stop - 6, 0), -1) if doc[k].text == ","), None)
    return comma - 1 if comma is not None and end >= comma else end


def _lost_apposition(verb: Token, end: int) -> int:
    """Where a reported clause before its reporting line ends when the parse lost an
    apposition at its end (``... from the local agent, Victory Agencies in Trincomalee, it
    said``: the name hung on the comma): the words between the clause's comma and the
    line's, with no verb, are the clause's."""
    doc = verb.doc
    subject = next((c for c in verb.lefts if c.dep_ in _SUBJECTS), None)
    if subject is None:
        return end
    first = subject.left_edge.i
    if not (end + 2 < first - 1 < verb.i) or doc[end + 1].text != "," or doc[first - 1].text != ",":
        return end
    between = doc[end + 2 : first - 1]
    if any(t.pos_ in ("VERB", "AUX") or t.text in _SENTENCE_END for t in between):
        return end
    inside = {t.i for t in between}
    if all(t.head.i in inside or t.head.i in (end + 1, verb.i) for t in between):
        return first - 2  # (words the parse hung on the comma or on the line's verb)
    return end


def _and_that(verb: Token, para: Paragraph, start: int, end: int) -> list[tuple[int, int]]:
    """The token bounds of each clause a speech verb's reported clause (tokens
    ``start``..``end``) holds: one more after each ``and that`` (``, and that``) that
    opens a clause coordinated with one of it, no other verb of saying between (``said A
    and that B``, ``said he realized A and that B``: A, B; not ``said X told police that
    A and that B``: X's; but ``said he will not speculate A, and that B``: A, B, a denied
    saying reporting nothing); also after ``but that`` where the clause before it holds no
    words in marks (``noted that A, but that B``: A, B; ``said A was "great" but that B``
    is left one clause, as the golds disagree there: docs/adr/0063); none after ``and
    that, according to X,`` (X's: :func:`according_clause`)."""
    doc = verb.doc
    bounds, first = [], start
    for i in range(first + 2, end):
        t = doc[i]
        joined = doc[i - 1].lower_ == "and" or (
            doc[i - 1].lower_ == "but" and not any(para.in_quote[k] for k in range(first, i))
        )
        if not (_that(t) and joined and t.head.dep_ == "conj"):
            continue
        up = t.head.head
        while start <= up.i < i and up.head != up and not _owns_a_report(up):
            up = up.head
        if up == verb:
            bounds.append((first, i - 2))
            if i + 2 < len(doc) and doc[i + 1].text == "," and is_according(doc[i + 2]):
                return bounds  # "and that, according to X, B": B is X's
            first = i + 1
    return [*bounds, (first, end)]


def _owns_a_report(verb: Token) -> bool:
    """Whether a verb of saying inside a reported clause reports what is joined to it:
    not a denied one (``said he will not speculate whether A, and that B``: A and B are
    both the said's), which reports nothing."""
    return _is_speech_verb(verb) and not any(c.dep_ == "neg" for c in verb.children)


def _after_marks_and(para: Paragraph, start: int, quoted: list[int]) -> int | None:
    """Where a clause of its own starts after ``and`` right after words in marks that open
    a reported clause (``"A," and the department is also monitoring staff, he said``: the
    department's clause, reported by the line too), or None."""
    doc = para.doc
    first = next((i for i in range(start, len(doc)) if not doc[i].is_punct), None)
    if first is None or first not in quoted or quoted != list(range(quoted[0], quoted[-1] + 1)):
        return None
    after = quoted[-1] + 1
    while after < len(doc) and doc[after].is_punct and not para.in_quote[after]:
        after += 1
    if after + 1 >= len(doc) or doc[after].lower_ != "and":
        return None
    verb = doc[after + 1].head
    while verb.dep_ not in ("ROOT", "conj", "ccomp") and verb.head != verb:
        verb = verb.head
    own = any(c.dep_ in _SUBJECTS for c in verb.children) and verb.i > after
    return after + 1 if own else None


def _clause_part(verb: Token, para: Paragraph, start: int, end: int) -> tuple[int, int] | None:
    """Character bounds of one reported clause (tokens ``start``..``end``) without what
    its speaker goes on to do or say after it, or None when it is too short or is the
    words in marks (a mixed quote's)."""
    doc = para.doc
    # words in marks after what the speaker goes on to say are no part of it ('said A
    # but added, "B"')
    quoted = [i for i in range(start, _own_end(verb, start, end) + 1) if para.in_quote[i]]
    if quoted:
        k = quoted[0]
        j = k - 1
        if (
            j > start
            and doc[j].dep_ == "cc"
            and doc[j].lower_ in ("and", "but")
            and doc[j].head.dep_ not in ("relcl", "acl")  # (not "the regime which is but 'B'")
        ):
            end = j - 1  # "X said that A and "B.": A is reported, B is a mixed quote
        elif (after := _after_marks_and(para, start, quoted)) is not None:
            start = after  # '"A," and B, he said': B too
        else:
            return None
    start, end = _trim(doc, start, _own_end(verb, start, end))
    if end - start + 1 < 3 or (start <= verb.i <= end):
        return None
    if verb.i < start and end + 1 < len(doc) and doc[end + 1].text in _SENTENCE_END:
        end += 1  # the clause after its cue ends the sentence: keep the full stop
    return doc[start].idx, doc[end].idx + len(doc[end])


def _object_then_modal(verb: Token, para: Paragraph) -> tuple[int, int] | None:
    """``warned the move to make staff pay could push them into hardship``: a cue's
    object that a modal and its verb with no subject follow is that verb's subject, the
    clause the cue reports, though the parse hangs the verb elsewhere."""
    doc = para.doc
    obj = next((c for c in verb.rights if c.dep_ == "dobj"), None)
    if obj is None or obj.right_edge.i + 1 >= len(doc) or doc[obj.right_edge.i + 1].tag_ != "MD":
        return None
    modal = doc[obj.right_edge.i + 1]
    clause = modal.head
    if clause.i < modal.i or clause.pos_ not in ("VERB", "AUX"):
        return None
    if any(c.dep_ in _SUBJECTS for c in clause.children) or clause.right_edge.i < clause.i:
        return None
    return _clause_part(verb, para, obj.left_edge.i, clause.right_edge.i)


def _past_adverb(verb: Token, start: int, end: int) -> int:
    """Where a clause starts after an adverb and ``that`` right after its cue, which say
    how or when it was said (``said earlier that ...``, ``saying only that ...``)."""
    doc = verb.doc
    after = _particle(verb) or verb
    if start == after.i + 1 < end and doc[start].pos_ == "ADV" and _that(doc[start + 1]):
        return start + 2
    return start


def _past_day(verb: Token, clause: Token, start: int) -> int:
    """Where a clause starts after a day right after its cue, when it was said (``Kang
    said Monday Seoul has not ...``), but for a day with its possessive, the clause's own
    words (``said Monday's vote was fair``, ``claimed today’s demonstrations are
    peaceful``: the parse may hang such a day on the cue)."""
    doc = verb.doc
    day = verb.i + 1
    possessive = day + 1 < len(doc) and doc[day].lower_ in CALENDAR and doc[day + 1].tag_ == "POS"
    if possessive and start == day + 2:
        return day  # (the parse hung it on the cue)
    if start == day and doc[start].lower_ in CALENDAR and start < clause.i and not possessive:
        return start + 1
    return start


def _past_when(verb: Token, clause: Token, start: int) -> int:
    """Where a clause starts after a phrase right after its cue that says when it was
    said, which the parse hangs on the clause's verb (``said last week it was ...``, ``said
    on Monday it was ...``): the guide's adverb of when before the clause, none of it."""
    doc = verb.doc
    subject = next((c for c in clause.children if c.dep_ in _SUBJECTS), None)
    when = next(
        (
            c
            for c in clause.children
            if c.left_edge.i == start
            and c.dep_ in ("npadvmod", "prep")
            and any(t.lower_ in CALENDAR or t.lower_ in TIME_NOUNS for t in c.subtree)
        ),
        None,
    )
    if (
        start != (_particle(verb) or verb).i + 1
        or when is None
        or subject is None
        or when.right_edge.i >= subject.left_edge.i
    ):
        return start
    start = when.right_edge.i + 1
    while start < subject.left_edge.i and (doc[start].is_punct or _that(doc[start])):
        start += 1  # "said on Monday, that ..."
    return start


def _when_said_end(verb: Token) -> int | None:
    """The index right after a phrase of when right after a cue, in words of time alone
    (``confirmed yesterday afternoon``, ``said on Monday``, ``said last night``), or None
    where none follows it."""
    doc = verb.doc
    i = first = (_particle(verb) or verb).i + 1
    if i < len(doc) and doc[i].lower_ in ("on", "last", "this", "late", "early"):
        i += 1
    words = i
    while i < len(doc) and (doc[i].lower_ in CALENDAR or doc[i].lower_ in TIME_NOUNS):
        i += 1
    return i if i > words and i > first else None


def _clause_after_when(verb: Token) -> Token | None:
    """The clause right after its cue, or a phrase of when after it, that the parse hangs
    on the cue as one of its own, with a subject and no word opening it (``confirmed
    yesterday afternoon the man's next of kin have been informed``; ``says despite officers
    staying, Norvia Services made the decision``): the reported clause."""
    end = _when_said_end(verb) or (_particle(verb) or verb).i + 1
    return next(
        (
            c
            for c in verb.rights
            if c.dep_ == "advcl"
            and c.left_edge.i == end
            and any(s.dep_ in _SUBJECTS for s in c.children)
            and not any(m.dep_ == "mark" for m in c.children)
        ),
        None,
    )


def _subject_after_when(verb: Token, clause: Token, start: int) -> int:
    """Where a clause starts whose subject the parse took into a phrase of when right
    after its cue, or hung on the cue (``confirmed on Monday the patient's family had
    been told``: ``had been told`` alone, with no subject): right after the words of
    time, when only words of a noun phrase come between them and the clause."""
    end = _when_said_end(verb)
    doc = verb.doc
    if (
        end is None
        or start <= end
        or any(c.dep_ in (*_SUBJECTS, "expl") for c in clause.children)
        or any(t.is_punct or t.pos_ in ("VERB", "AUX") for t in doc[end:start])
        or not any(t.pos_ in ("NOUN", "PROPN") for t in doc[end:start])
    ):
        return start
    return end


def _past_recipient(verb: Token, start: int, end: int) -> int:
    """Where a clause starts after ``told`` with no object when the parse made whom it
    was told part of the clause's subject (``told Xinhua investigation was ...``: a name
    before a common noun, as a compound of it): ``tell`` always has someone told."""
    doc = verb.doc
    if (
        verb.lemma_ != "tell"
        or start != verb.i + 1
        or any(c.dep_ in ("dobj", "dative", "iobj") for c in verb.children)
    ):
        return start
    i = start
    while i < end and doc[i].tag_ == "NNP" and doc[i].dep_ == "compound":
        i += 1
    if i > start and doc[i].tag_ in ("NN", "NNS") and doc[start].head.i == i:
        return i
    return start


def _opens(t: Token, clause: Token) -> bool:
    """Whether a word at a clause's start is what opens it (``that``, ``whether``), also a
    ``that`` the parse took for its object when a subject comes after it (``told The
    Norton Herald that officers responded``), or for the object of a verb under its verb
    right before its subject (``told Ekstra Bladet tabloid that the man seemed to be``),
    or, in a clause after its cue, for its subject's determiner (``told BusinessLine that
    government at higher levels showed``: no set's gold starts a clause after its cue
    with ``that``)."""
    if t.lower_ == "that" and t.dep_ == "det" and t.head.dep_ in _SUBJECTS:
        return t.head.head == clause and clause.head.i < t.i
    subjects = [c for c in clause.children if c.dep_ in _SUBJECTS and c.i > t.i]
    if t.lower_ == "that" and t.dep_ == "dobj" and t.head != clause:  # an object of a verb
        # under the clause's: "told Ekstra Bladet tabloid that the man seemed to be"
        return any(c.left_edge.i == t.i + 1 for c in subjects)
    if t.head != clause:
        return False
    if t.dep_ == "mark":
        return True
    return t.lower_ == "that" and t.dep_ == "dobj" and bool(subjects)


def _that(t: Token) -> bool:
    """Whether a token is the ``that`` that opens a clause."""
    return t.lower_ == "that" and t.dep_ == "mark"


_FINITE = ("VBD", "VBZ", "VBP", "MD")


def _lost_that_clause(verb: Token, para: Paragraph) -> tuple[int, int] | None:
    """``The spokesperson said that CM Jo Roe and IG Al Khan were monitoring ...``: a
    ``that`` right after the cue, which the parse took for something else (a
    preposition, a pronoun) and the clause after it for a sentence of its own, reports
    the words after it to the end of its sentence, when the root of that sentence, with
    its subject after the ``that``, is among them (``He said that on Monday.`` is no
    clause)."""
    doc = para.doc
    that = verb.i + 1
    if (
        that + 1 >= len(doc)
        or doc[that].lower_ != "that"
        or doc[that].dep_ != "prep"  # (not the pronoun: "He said that in 2019 when ...")
        or doc[that + 1].is_punct
    ):
        return None
    end = next(
        (i for i in range(that + 1, len(doc)) if doc[i].text in _SENTENCE_END | {";"}),
        len(doc),
    )
    if any(para.in_quote[i] for i in range(that, end)) or not any(
        t.dep_ == "ROOT"
        and any(c.dep_ in _SUBJECTS and c.i > that for c in t.children)
        and any(v.tag_ in _FINITE for v in (t, *t.children) if v is t or v.dep_.startswith("aux"))
        for t in doc[that + 1 : end]
    ):
        return None
    start, last = _trim(doc, that + 1, end - 1)
    last = _own_end(verb, start, last)
    if last - start + 1 < 3:
        return None
    if last + 1 < len(doc) and doc[last + 1].text in _SENTENCE_END:
        last += 1
    return doc[start].idx, doc[last].idx + len(doc[last])


def _before_reporting_line(doc: Doc, start: int, end: int) -> int:
    """Where a reported clause ends before a reporting line over its sentence that the
    parse took into it: a comma, then a source and its verb of saying closing the sentence
    (``... received from Kim, South Korean news service Newsis reported Monday.``; the
    verb may be in the clause too: ``..., Chung said.``) or the verb and its source
    (``..., reports BSS.``)."""
    comma = next((i for i in range(end, start, -1) if doc[i].text == ","), None)
    if comma is None or comma == end:
        return end
    tail = list(doc[comma + 1 : end + 1])
    if end + 1 < len(doc) and _is_speech_verb(doc[end + 1]):
        tail.append(doc[end + 1])  # (the verb the parse left out)
    elif end + 1 < len(doc) and doc[end + 1].text not in _SENTENCE_END:
        return end
    verbs = [k for k, t in enumerate(tail) if _is_speech_verb(t)]
    if len(verbs) != 1 or verbs[0] not in (0, len(tail) - 1) or len(tail) < 2:
        return end
    source = tail[1:] if verbs[0] == 0 else tail[:-1]
    if all(t.lower_ in CALENDAR for t in source):
        return end  # "... the claim, reported yesterday.": when the claim was, no source
    if all(t.pos_ in ("DET", "ADJ", "NOUN", "PROPN") for t in source) and source[-1].pos_ in (
        "NOUN",
        "PROPN",
    ):
        return comma - 1
    return end


#: Prepositions of a phrase after a cue that say where, when, how or to whom it was
#: said (``said on Monday``, ``told reporters at ...``), never the start of what was.
_SAYING_PREPOSITIONS = frozenset("in at on to during after before via through by from".split())


def _fronted(verb: Token, clause: Token, start: int) -> int:
    """Where a reported clause starts with a phrase the parse hangs on its cue, set off
    by a comma before the clause (``said among the lawmakers, the percentage of
    businessmen is higher``), unless it says where, when or how it was said."""
    doc = verb.doc
    prep = next((c for c in verb.children if c.dep_ == "prep" and verb.i < c.i < start), None)
    if (
        prep is None
        or prep.lower_ in _SAYING_PREPOSITIONS
        or doc[prep.right_edge.i + 1].text != ","
        or start not in (prep.right_edge.i + 1, prep.right_edge.i + 2)  # (the comma, or after)
        or any(t.lower_ in CALENDAR or t.lemma_.lower() in STATEMENT_NOUNS for t in prep.subtree)
    ):
        return start
    return prep.i


def _joined_before(verb: Token, para: Paragraph, start: int) -> int:
    """Where a reported clause before its cue starts when it is the second of two joined
    by ``, and`` or ``, but`` (``A, and some houses were swamped, the Post reported``):
    the parse makes the cue a conjunct of A's verb, and A is reported too, from its
    sentence's start."""
    doc = para.doc
    main = verb.head
    if (
        verb.dep_ != "conj"
        or start < 2
        or not main.i < start < verb.i
        or doc[start - 1].lower_ not in ("and", "but")
        or doc[start - 1].head != main
        or doc[start - 2].text != ","
        or any(c.dep_ == "mark" for c in main.children)
        or not any(c.dep_ in _SUBJECTS for c in main.children)
    ):
        return start
    first = main.left_edge.i
    while first < start and doc[first].idx < para.dateline:
        first += 1  # (a dateline is no part of it)
    return first


def _reports_a_that_clause(verb: Token) -> bool:
    """Whether a verb reports a ``that`` clause after it (``some employees responded
    that they have been let go``): the reporting line of that clause, not of a quote
    before it."""
    return any(
        c.dep_ == "ccomp" and c.i > verb.i and any(map(_that, c.children)) for c in verb.children
    )


def _past_bracket(verb: Token, start: int, end: int) -> int:
    """Where a reported clause ending at token ``end`` ends when a short bracket opened
    in it closes at its end and its sentence goes on (``said the talks will be attended
    by Chief of Army Staff (COAS) General Al Ho``: :func:`goes_on_after_bracket`): at the
    end of what the parse hangs on the cue after the bracket (it cut the clause there)."""
    doc = verb.doc
    close = end if doc[end].text == ")" else end + 1  # (the parse may give it the bracket)
    if close >= len(doc) or not goes_on_after_bracket(doc, close):
        return end
    if not any(doc[j].text == "(" for j in range(start, close)):
        return end
    after = [c for c in verb.children if c.i > close]
    return max((c.right_edge.i for c in after), default=end)


def _with_because(verb: Token, start: int, end: int) -> int:
    """Where a reported clause after its cue (tokens ``start``..``end``) ends when a
    ``because`` clause right after it, which the parse hangs on a verb outside it (``has
    sued X claiming that A because B``: on ``sued``), gives its reason: at that clause's
    end (every set's gold keeps such a reason in the clause it follows)."""
    doc = verb.doc
    i = end + 1
    if i < len(doc) and doc[i].text == ",":
        i += 1
    if verb.i > start or i >= len(doc) or doc[i].lower_ != "because" or doc[i].dep_ != "mark":
        return end
    reason = doc[i].head
    if start <= reason.i <= end or reason.i < i:
        return end
    return reason.right_edge.i


def _and_more(verb: Token, end: int) -> int:
    """Where a reported clause ending at token ``end`` ends with what the parse hangs on
    its cue after ``and`` or ``but`` (with a comma or none): a clause of its own subject
    (``are moving smoothly, and they didn't get affected``; ``after they conceded the
    goal and after that, they started ...``; ``..., but it was an international issue``)
    or, after ``and``, of another tense than the cue's (``has been
    involved ..., and had been absconding``) goes on with the report; a verb of saying or
    one in the cue's tense with no subject (``, and added``, ``, and released him``) does
    not, unless it is in another number than the cue (:func:`_other_number`)."""
    doc = verb.doc
    # "and", with a comma or none, as the clause's last token (as the parse may give it)
    # or after it
    near = range(end, min(end + 3, len(doc)))
    and_ = next((i for i in near if doc[i].lower_ in ("and", "but")), None)
    if and_ is None or any(doc[i].text != "," for i in range(end + 1, and_)):
        return end
    more = next((c for c in verb.children if c.dep_ == "conj" and c.i > and_), None)
    more = more if more is not None else _cut_after(doc[and_])
    if more is None or more.pos_ not in ("VERB", "AUX"):
        return end
    if more.lemma_.lower() in CUE_VERBS and not _tells_a_doing(more):
        return end
    if _WRITERS_TIME.match(doc[and_ + 1 : more.i].text):
        return end  # "A but at the time of this writing, B": the writer's, not the report's
    own_subject = any(c.dep_ in (*_SUBJECTS, "expl") for c in more.children)
    other_tense = more.tag_ != verb.tag_ and doc[and_].lower_ == "and"
    return more.right_edge.i if own_subject or other_tense or _other_number(verb, more) else end


def _tells_a_doing(verb: Token) -> bool:
    """Whether a verb of saying tells a doing, no cue: ``continue`` with a doing of no
    saying (``but the suspect continued to be violent``; not ``continued to say``), or an
    answer ``with`` or ``to`` something and no clause (``but Civil Defense personnel
    responded with professionalism``, ``officers responded to the scene``; not
    ``responded to critics that ...``)."""
    lemma = verb.lemma_.lower()
    if lemma == "continue":
        return any(
            c.dep_ == "xcomp" and c.lemma_.lower() not in SPEECH_VERBS for c in verb.children
        )
    return (
        lemma in ("respond", "react")
        and not _reports_after(verb)
        and any(c.dep_ == "prep" and c.lower_ in ("with", "to") for c in verb.rights)
    )


def _other_number(verb: Token, more: Token) -> bool:
    """Whether a verb after ``and`` or ``but`` with no subject of its own is in another
    number than the cue, so its subject is the reported clause's (``the band says they
    have returned home, but are still disturbed``: ``are`` is no ``says``'s)."""
    finite = next((c for c in more.lefts if c.dep_ in ("aux", "auxpass")), more)
    return {verb.tag_, finite.tag_} == {"VBZ", "VBP"}


#: What opens a writer's own words about when they wrote (``at the time of this writing``,
#: ``at press time``, ``as of this writing``): no part of what a source said.
_WRITERS_TIME = re.compile(
    r"(?:at|as of) (?:the time of )?(?:this |the )?(?:writing|press time|publication)\b", re.I
)


def _with_modal(verb: Token) -> bool:
    """Whether a verb has a modal before it (``would receive``, ``could use``)."""
    return any(c.dep_ == "aux" and c.tag_ == "MD" for c in verb.children)


def _before_past_conjunct(clause: Token, end: int) -> int:
    """Where a reported clause with a modal ends before a verb in a tense the parse joins
    to it with ``and`` and no subject of its own, which no modal can govern: what the
    speaker went on to do (``assured that the injured would receive the best treatment
    and directed the administration to ...``): a verb of saying, or one done to someone
    (:func:`_someone_bidden`; not ``would commence operations and intensified visibility
    policing``, which the parse reads as a verb)."""
    modal = _with_modal(clause)
    cc = next((c for c in clause.children if c.dep_ == "cc" and c.lower_ == "and"), None)
    if not modal or cc is None:
        return end
    past = next(
        (
            c
            for c in clause.rights
            if c.dep_ == "conj"
            and c.i > cc.i
            and c.tag_ in ("VBD", "VBZ")
            and not any(d.dep_ in (*_SUBJECTS, "expl") for d in c.children)
            and (c.lemma_.lower() in CUE_VERBS or any(map(_someone_bidden, c.children)))
        ),
        None,
    )
    return cc.i - 1 if past is not None and past.i <= end else end


def _someone_bidden(t: Token) -> bool:
    """Whether a verb's dependant is someone it is done to or bids (``thanked the THA Chief
    Secretary``, ``deemed them``, ``directed the administration to``): an infinitive, or an
    object that is a pronoun, a name, a job or an organisation's word."""
    person = t.pos_ in ("PRON", "PROPN") or t.lemma_.lower() in TITLES
    return t.dep_ == "xcomp" or (t.dep_ == "dobj" and (person or t.lower_ in NON_PERSON_WORDS))


def _before_dangling_and(clause: Token, end: int) -> int:
    """Where a reported clause ending at token ``end`` ends before an ``and`` or ``but``
    the parse gives its verb with nothing coordinated after it, but phrases, when a verb
    the parse hangs elsewhere comes right after them (``he didn't know about it and, in a
    letter Monday, apologized``: the speaker's doing; not ``not in narrow spaces, but
    rather on big ones``)."""
    doc = clause.doc
    cc = next(
        (
            c
            for c in clause.children
            if c.dep_ == "cc" and c.lower_ in ("and", "but") and c.i > clause.i
        ),
        None,
    )
    if cc is None or any(c.dep_ == "conj" and c.i > cc.i for c in clause.children):
        return end
    after = next((t for t in doc[end + 1 :] if not t.is_punct), None)
    if after is None or after.pos_ != "VERB" or clause.left_edge.i <= after.head.i <= end:
        return end
    return cc.i - 1


def _before_writers_time(clause: Token, end: int) -> int:
    """Where a reported clause ending at token ``end`` ends before ``and`` or ``but`` and
    the writer's own time (``would be announced at 16:00 but at the time of this writing,
    nothing had been released``): what follows is the writer's, not the source's."""
    doc = clause.doc
    for cc in clause.children:
        if cc.dep_ == "cc" and cc.lower_ in ("and", "but") and cc.i < end:
            if _WRITERS_TIME.match(doc[cc.i + 1 : end + 1].text):
                return cc.i - 1
    return end


def _cut_after(and_: Token) -> Token | None:
    """The verb of a clause after ``and`` that the parse cut from the sentence as one of
    its own (``said they were called at 2 a.m. and there were no reports of injuries``:
    ``were``, a root), or None."""
    root = and_.head
    return root if root.dep_ == "ROOT" and root.i > and_.i and and_.dep_ == "cc" else None


#: What says, after a description, the name its person is known by.
_KNOWN_AS = re.compile(r",\s*(?:better |also |widely )?known as\s+", re.I)

#: What opens the words after a reported clause that say what the speaker answered.
_RESPONSE = re.compile(r"(?:in (?:response|reply) to|responding to|replying to|when asked)\b", re.I)

#: Participles that go on with the speaker's own words after a reported clause.
_ADJUNCT_CUES = SPEECH_VERBS | GOING_ON_VERBS | {"cite", "ask"}


def _own_end(verb: Token, start: int, end: int) -> int:
    """Where a reported clause (tokens ``start``..``end``) ends before what its speaker
    goes on to do, which the parse may hang inside it: a participle of saying after a
    comma (``..., citing a lack of coordination``, ``..., adding that``, ``..., asking
    why``), also after its
    ``before``, ``after`` or ``while`` (``..., before adding that``; ``while`` also with
    no comma: ``... the city while urging the public``), what it answered
    (``..., in response to a question from ...``), a statement of its own (``...,
    although he noted ...``), or a verb of saying (or of calling a thing something: ``and
    called it a breach``; or of expressing: ``and expressed confidence that``) with no
    subject of its own after ``and`` or ``but`` after the cue (``reports were baseless
    and urged people``; ``A but did not say B``, in the cue's tense), unless it goes with
    another in the clause (``could not confirm or deny``)."""
    doc = verb.doc
    for i in range(start + 1, end):
        nxt = doc[i + 1]
        if _pause(doc[i]) and nxt.tag_ == "VBG" and nxt.lemma_.lower() in _ADJUNCT_CUES:
            return i - 1
        if _adds_on(nxt) and nxt.head.i <= i:
            return i  # "... confirmed negative adding that ...": no comma before it
        comma = doc[i].text == ","
        if (comma or nxt.lower_ == "while") and nxt.lower_ in ("before", "after", "while"):
            if (
                i + 2 <= end
                and doc[i + 2].tag_ == "VBG"
                and doc[i + 2].lemma_.lower() in SPEECH_VERBS
            ):
                return i - 1 if comma else i  # "..., before adding that B", "... while urging"
        if doc[i].text == "," and _RESPONSE.match(doc[i + 1 : i + 4].text):
            return i - 1  # "..., in response to a question from ...": when it was said
        if doc[i].text == "," and nxt.lower_ in ("which", "who") and i + 3 <= end:
            if doc[i + 2].pos_ == "PRON" and _is_speech_verb(doc[i + 3]):
                return i - 1  # "..., which it claimed will ...": a statement of its own
        if doc[i].text == "," and nxt.dep_ == "mark" and _says_more(nxt.head):
            if nxt.lower_ != "whether":  # (not "..., whether acknowledged or not")
                return i - 1  # "..., although he noted strong competition": another statement
        while nxt.i < end and (nxt.dep_ == "neg" or _does(nxt, verb)):
            nxt = doc[nxt.i + 1]  # "but did not say" (not "and had informed": the clause's)
        if doc[i].lower_ not in ("and", "but") or nxt.dep_ != "conj" or nxt.pos_ != "VERB":
            continue
        if verb.i > end:
            continue  # "A and responded to calls, Jo said": the clause's, before its cue
        own_subject = any(c.dep_ in _SUBJECTS for c in nxt.children)
        said = nxt.lemma_.lower() in SPEECH_VERBS | _EXPRESSING or _names_as(nxt)
        top = nxt.head in (verb, *verb.children) or _past_after_a_modal(nxt, verb)  # (not
        # "to hold X to account for what they brought and said": a verb deep in the
        # clause is the clause's)
        if said and top and not own_subject and nxt.head.lemma_.lower() not in SPEECH_VERBS:
            return i - 1
    return end


def _past_after_a_modal(conj: Token, verb: Token) -> bool:
    """Whether a verb in the cue's past tense is one the parse joined to a modal's verb
    deep in the clause, which no past tense goes on from (``said there was a route
    residents could use and vowed to lobby the ministry``: the speaker's doing)."""
    head = conj.head
    return conj.tag_ == verb.tag_ == "VBD" and head.tag_ == "VB" and _with_modal(head)


#: Verbs of expressing a view or a feeling, which the speaker does beside a reported
#: clause (``said A and expressed confidence that B``, ``said A and conveyed "our sincere
#: condolences"``).
_EXPRESSING = frozenset({"express", "voice", "convey"})


def _names_as(verb: Token) -> bool:
    """Whether a verb is calling something something (``and called it a violation of
    ethics``, ``and described the attackers as members of a militia``): the speaker's own
    words for it, said beside the clause, not in it."""
    deps = {c.dep_ for c in verb.children}
    lemma = verb.lemma_.lower()
    named = lemma == "call" and {"dobj", "oprd"} <= deps
    described = (
        lemma in NAMING_VERBS and "dobj" in deps and any(c.lower_ == "as" for c in verb.rights)
    )
    return named or described


def is_passive(verb: Token) -> bool:
    """Whether a verb of saying is passive with no agent (``It was alleged that ...``,
    ``The man was said to ...``): it names no source, not even the one just before."""
    return any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children) and not any(
        c.dep_ == "agent" for c in verb.children
    )


def _does(aux: Token, verb: Token) -> bool:
    """Whether ``aux`` is a ``do`` in the tense of the cue ``verb`` (``said A but did not
    confirm B``)."""
    return aux.dep_ == "aux" and aux.lemma_ == "do" and aux.tag_ == verb.tag_


def _says_more(verb: Token) -> bool:
    """Whether a verb is the speaker saying something more: a verb of saying whose
    subject is a personal pronoun (``although he noted``)."""
    return _is_speech_verb(verb) and any(
        c.dep_ in _SUBJECTS and c.lower_ in PERSONAL | {"they"} for c in verb.children
    )


def _clause_before(verb: Token, para: Paragraph) -> tuple[int, int] | None:
    """``A, X announced on Monday.``: a speech verb with its own subject after a comma
    at a sentence's end (or before what X went on to do, or ``according to`` its
    source), which the parse hangs on the sentence's verb, reports the clause before the
    comma (its bounds in the paragraph, as :func:`reported_clause`)."""
    doc = para.doc
    main = verb.head
    first = _line_start(verb)
    set_off = _set_off_name(verb, para)
    if set_off:
        first = set_off[0].i  # "A, Okafor, added": the parse hangs the name elsewhere
        main = doc[first - 1].head if doc[first - 1].head.i < first else main
    concession = _concession(verb)
    if concession is not None and first == concession.left_edge.i:
        first = concession.right_edge.i + 2  # "A, whether X or not, Jo said": A's
    going_on = [  # "A, Jo added, calling on ...": what the speaker went on to do
        c
        for c in verb.rights
        if c.tag_ == "VBG" and c.dep_ in ("advcl", "xcomp") and _after_a_comma(c)
    ]
    last = going_on[0].left_edge.i - 1 if going_on else verb.right_edge.i + 1
    if last < len(doc) and doc[last].text == "," and last + 1 < len(doc):
        last += 1  # (a comma the parse did not give the verb)
    after = doc[last] if last < len(doc) else None
    if not going_on and after is not None and doc[last - 1].text == ",":
        if after.tag_ == "VBG" and after.dep_ in ("advcl", "xcomp") and after.head == verb.head:
            going_on = [after]  # "A, the FDA said, warning doctors": hung on A's verb
    if last < len(doc) and doc[last - 1].text == "," and is_according(doc[last]):
        last = doc[last].right_edge.i + 1  # "A, Jo said, according to the report."
    if not (
        (
            verb.dep_ in ("ccomp", "parataxis", "dep")
            or (verb.dep_ == "advcl" and not any(c.dep_ == "mark" for c in verb.children))
            or (verb.dep_ == "conj" and not _joined_line(main, first))
        )
        and main.i < first
        and first > 0
        and doc[first - 1].text == ","
        and (
            any(c.dep_ == "nsubj" for c in verb.lefts)
            or bool(set_off)
            or _inverted(verb)
            or _quoting_line(verb)
        )
        and (
            last == len(doc)
            or doc[last].text in _SENTENCE_END
            or going_on
            or _goes_on_after_line(main, last) is not None
        )
    ):
        return None
    start = verb.sent.start if set_off else main.left_edge.i
    while start < first and doc[start].idx < para.dateline:
        start += 1  # "New Delhi [India], July 20 (ANI): It is sad ..., X said"
    return _clause_bounds(para, start, _before_set_off(set_off, verb, para, first - 2))


def _inverted(verb: Token) -> bool:
    """Whether a reporting line opens with its verb, its subject right after it (``A,
    adds the project manager.``; not ``A, tells the operations manager to TV 2.``, where the
    parse takes the manager for whom it was told)."""
    return _line_start(verb) == verb.i and any(
        c.dep_ == "nsubj" and c.left_edge.i == verb.i + 1 for c in verb.rights
    )


def _from_the_dash(para: Paragraph, verb: Token, clause: tuple[int, int]) -> tuple[int, int]:
    """A clause before its reporting line from the dash its paragraph opens with (the
    paragraph's first reporting line: :func:`_dash_spoken`), its sentences before too."""
    spoken = _dash_spoken(para)
    doc = para.doc
    if spoken is None or clause[1] > verb.idx or clause[0] <= doc[spoken].idx:
        return clause
    if any(_is_speech_verb(t) for t in doc[spoken : verb.i] if t.idx < clause[0]):
        return clause
    return doc[spoken].idx, clause[1]


def _dash_spoken(para: Paragraph) -> int | None:
    """Where a paragraph's words start after the dash it opens with, a speaker's words as
    papers that mark speech with a dash write them (``– We are at an address. We have
    control ..., says operations manager Jo Roe``): a direct quote up to its reporting
    line; None for a paragraph that opens otherwise."""
    doc = para.doc
    dash = doc[0].text in _SPEECH_DASHES and len(doc) > 1 and bool(doc[0].whitespace_)
    return 1 if dash else None


def _clause_of_first_subject(verb: Token, para: Paragraph) -> tuple[int, int] | None:
    """``Still, important work needed to be done, the engineer stressed.``: a
    reporting line closing its sentence after a comma (with where and when it was said
    after it, if any), whose verb the parse gives the
    clause's subject too, the clause's own verb hung on it as a modifier, reports the
    clause before the comma (its bounds in the paragraph, as :func:`reported_clause`)."""
    doc = para.doc
    subjects = [c for c in verb.lefts if c.dep_ in _SUBJECTS and not para.in_quote[c.i]]
    after = [c for c in verb.rights if not c.is_punct]
    if len(subjects) < 2 or any(c.dep_ not in ("prep", "npadvmod", "advmod") for c in after):
        return None  # (but where and when: "..., Jo said at a news conference on Monday.")
    tail = max((c.right_edge.i for c in after), default=verb.i) + 1
    if not (tail == len(doc) or doc[tail].text in _SENTENCE_END):
        return None
    first, line = subjects[0], subjects[-1]
    comma = line.left_edge.i - 1
    if (
        comma < 1
        or doc[comma].text != ","
        or line.left_edge.i == verb.i
        or first.right_edge.i >= comma
        or not any(c.dep_ in ("acl", "relcl") and c.pos_ == "VERB" for c in first.rights)
    ):
        return None
    return _clause_bounds(para, verb.sent.start, comma - 1)


def _goes_on_after_line(main: Token, at: int) -> Token | None:
    """The verb of a clause of its own subject that ``and`` or ``but`` at token ``at``,
    after a reporting line's comma, joins to the clause ``main`` the line closes (``A, Jo
    said, but B``: B's verb, which the parse makes A's conjunct), if any."""
    doc = main.doc
    cc = doc[at] if 0 < at < len(doc) else None
    if cc is None or cc.head != main or cc.lower_ not in ("and", "but") or doc[at - 1].text != ",":
        return None
    return next(
        (
            c
            for c in main.rights
            if c.dep_ == "conj"
            and c.i > at
            and any(s.dep_ in (*_SUBJECTS, "expl") and s.i > at for s in c.children)
        ),
        None,
    )


def _clause_after_line(verb: Token, para: Paragraph) -> tuple[int, int] | None:
    """``A, Jo said, but B``: a clause of its own subject after ``and`` or ``but`` that
    goes on from a reporting line closing the clause before it is reported by the line
    too, as one run on after the cue is (its bounds in the paragraph, as
    :func:`reported_clause`)."""
    doc = para.doc
    main = verb.head
    first = _line_start(verb)
    if first > 1 and doc[first - 1].is_quote and para.in_quote[first - 1]:
        first -= 1  # ('"A," Jo said, and B': the comma inside the marks)
    if (
        verb.dep_ not in ("parataxis", "ccomp")
        or main.i >= verb.i
        or not any(c.dep_ in _SUBJECTS for c in verb.lefts)
        or first < 1
        or doc[first - 1].text != ","
    ):
        return None
    at = verb.right_edge.i + 1
    conj = _goes_on_after_line(main, at)
    if conj is None:
        return None
    return _clause_bounds(para, at + 1, conj.right_edge.i)


def _conjunct_line(verb: Token, para: Paragraph) -> bool:
    """Whether a verb the parse makes a conjunct of the clause before it is a reporting
    line closing that clause: its own subject after a comma (also one the parse joined to
    a noun before the comma: :func:`_phrase_joined_before`), and no conjunction of its own
    (``The council does not "act first and think later", its leader said``)."""
    own = any(c.dep_ in _SUBJECTS for c in verb.lefts)
    joined = None if own or verb.dep_ != "conj" else _phrase_joined_before(verb, para)
    first = joined.left_edge.i if joined is not None else _line_start(verb)
    return (
        verb.dep_ == "conj"
        and first > 0
        and verb.doc[first - 1].text == ","
        and (own or joined is not None)
        and not _joined_line(verb.head, first)
    )


def _joined_line(main: Token, first: int) -> bool:
    """Whether a reporting line from token ``first`` is joined to the verb it is the
    parse's conjunct of by a conjunction of its own (``A, and Jo Roe said B``), not by one
    inside the clause before it (``A should remain calm and not jeopardize ties, an aide
    said``: A's ``and``)."""
    return any(c.dep_ == "cc" and c.i >= first - 2 for c in main.children)


#: Words of concession that open a clause (``though the toll is likely higher``).
_THOUGH = frozenset({"although", "though"})
_CONCESSIVE = _THOUGH | {"whether"}


def _concession(verb: Token) -> Token | None:
    """A clause of concession the parse hangs on a reporting line's verb, set off by
    commas before its subject (``A, whether acknowledged or not, Jo said``): it
    qualifies the reported clause A and is part of it."""
    doc = verb.doc
    subject = next((c for c in verb.lefts if c.dep_ in _SUBJECTS), None)
    for c in verb.lefts:
        if (
            c.dep_ == "advcl"
            and subject is not None
            and c.right_edge.i + 2 == subject.left_edge.i
            and doc[c.right_edge.i + 1].text == ","
            and c.left_edge.i > 0
            and _after_a_comma(c)
            and any(m.dep_ == "mark" and m.lower_ in _CONCESSIVE for m in c.children)
        ):
            return c
    return None


def _before_word(t: Token) -> str:
    """The text right before a phrase's first word (its punctuation included)."""
    doc, first = t.doc, t.left_edge.i
    return doc[first].text if doc[first].is_punct else doc[first - 1].text if first else ""


def _line_start(verb: Token) -> int:
    """Where a reporting line starts: its verb's first word, a comma the parse may hang
    on the verb left out."""
    first = verb.left_edge.i
    while first < verb.i and verb.doc[first].is_punct:
        first += 1
    return first


def _under_dateline(verb: Token, para: Paragraph) -> Token | None:
    """The dateline's place the parse made the head of the clause a cue closes, hanging it
    on the cue (``ESCONDIDO -- A family fled ..., firefighters said``: the family's flight
    a clause of ``ESCONDIDO``): that place's token, whose words after the dateline are the
    clause; None for none."""
    return next(
        (
            c
            for c in verb.lefts
            if c.idx < para.dateline
            and c.dep_ in ("advcl", "npadvmod", "dep")
            and any(t.pos_ == "VERB" for t in c.subtree)
            and verb.doc[c.right_edge.i + 1].text == ","
        ),
        None,
    )


def _clause_around(verb: Token, para: Paragraph) -> tuple[int, int] | None:
    """``In this case, Kelly said, Hunt died while ...``: a reporting line between commas
    inside the sentence it reports, which the parse hangs on the sentence's verb after
    it, reports the clause after its comma to the sentence's end (what comes before it
    is no quote of its own; its bounds in the paragraph, as :func:`reported_clause`)."""
    doc = para.doc
    subject = next((c for c in reversed(list(verb.lefts)) if c.dep_ in _SUBJECTS), None)
    main = verb.head
    first = subject.left_edge.i if subject is not None else 0  # (also after a clause the
    # parse hangs on it: "After officers arrived, Cook said, a man ran ...")
    if (
        verb.dep_ != "parataxis"
        or subject is None
        or first < 1
        or doc[first - 1].text != ","
        or verb.i + 2 >= len(doc)
        or doc[verb.i + 1].text != ","
        or main.i <= verb.i + 1
    ):
        return None
    return _clause_bounds(para, verb.i + 2, verb.sent.end - 1)


def _clause_after_fronted(verb: Token, para: Paragraph) -> tuple[int, int] | None:
    """``Jo Roe further said as it would take time, the team was heading ...``: a verb of
    saying with its own subject, a clause of reason, time or condition after it set off
    by a comma, which the parse makes a clause of the sentence's verb after that comma,
    reports all after it, the fronted clause with the rest (its bounds in the paragraph,
    as :func:`reported_clause`)."""
    doc = para.doc
    main = verb.head
    if verb.dep_ != "ccomp" or main.i < verb.i or not any(c.dep_ in _SUBJECTS for c in verb.lefts):
        return None
    fronted = [
        c
        for c in verb.rights
        if c.dep_ == "advcl" and c.i < main.i and any(m.dep_ == "mark" for m in c.children)
    ]
    if not fronted or doc[fronted[-1].right_edge.i + 1].text != ",":
        return None
    return _clause_bounds(para, verb.i + 1, main.right_edge.i, least=4)


def _set_off_name(verb: Token, para: Paragraph) -> list[Token]:
    """``A, Okafor, added``: a name between commas right before a verb of saying that
    has no subject, which a stray comma cut from it (the parse takes the name for
    something else); also a noun phrase after a comma right before it that the parse
    hangs on the last word before the comma, the verb closing a reporting line (``A from
    Intercept Inc., the U.S. Food and Drug Administration said``: Inc.'s appositive);
    empty when there is none. The verb's auxiliaries go with it (``A, Jo Roe, has
    confirmed``)."""
    doc = para.doc
    at = verb.i  # where the verb's words start
    while at > 0 and doc[at - 1].head == verb and doc[at - 1].dep_ in ("aux", "auxpass"):
        at -= 1
    if at < 3 or any(c.dep_ in _SUBJECTS for c in verb.children):
        return []
    head, after = doc[at - 1], doc[verb.i + 1] if verb.i + 1 < len(doc) else None
    told = next(
        (c for c in verb.rights if c.dep_ in ("dobj", "npadvmod") and c.left_edge == after), None
    )
    if told is not None:  # "told Reuters.", "told Afghan media.", "said Saturday."
        after = doc[told.right_edge.i + 1] if told.right_edge.i + 1 < len(doc) else None
    # ("a source close to the talks told": the appositive the last words are in)
    head = next((a for a in (head, *head.ancestors) if a.dep_ == "appos"), head)
    first = head.left_edge.i
    closing = after is None or after.text == "," or after.text in _SENTENCE_END
    if (
        closing
        and head.dep_ == "appos"
        and head.right_edge.i == at - 1
        and head.head.i < first
        and doc[first - 1].text == ","
    ):
        phrase = list(doc[first : head.i + 1])
        return [] if any(para.in_quote[t.i] for t in phrase) else phrase
    if closing and doc[at - 1].text == ",":
        named = _name_before_its_job(doc, at - 1)
        if named and not any(para.in_quote[t.i] for t in named):
            return named
    if doc[at - 1].text != "," or doc[at - 2].pos_ != "PROPN":
        return []
    run = [doc[at - 2]]
    while run[0].i > 0 and doc[run[0].i - 1].pos_ == "PROPN":
        run.insert(0, doc[run[0].i - 1])
    before = run[0].i - 1
    if before < 1 or doc[before].text != "," or any(para.in_quote[t.i] for t in run):
        return []
    return run


def _name_before_its_job(doc: Doc, comma: int) -> list[Token]:
    """A person's name, with its title, before a description of their job set off by
    commas that ends at ``comma`` (``A in Koke Pho, Maj. Piyawat Chalermsri, the commander
    of the police bureau,``; also where the writer lost the comma before the name: ``A
    three days ago Zanyar Umar, the spokesperson of the civil defense directorate,``):
    the parse hangs them on the clause's last words; empty for none."""
    opening = next(
        (k for k in range(comma - 1, max(comma - 12, 1), -1) if doc[k].text == ","), None
    )
    if opening is None:
        return []
    job = doc[opening + 1 : comma]
    if (
        len(job) < 2
        or job[0].lower_ not in ("the", "a", "an")
        or not any(t.pos_ == "NOUN" and t.lemma_.lower() in TITLES for t in job)
        or any(t.pos_ in ("VERB", "AUX") for t in job)
    ):
        return []
    k = opening - 1
    while k > 0 and (
        doc[k].pos_ == "PROPN" or doc[k].text == "." and doc[k - 1].lower_ + "." in TITLES
    ):
        k -= 1  # (past a title's stop: "Maj. Piyawat Chalermsri")
    run = list(doc[k + 1 : opening])
    name = [
        t for t in run if t.text != "." and t.lower_ not in TITLES and t.lower_ + "." not in TITLES
    ]
    return run if len(name) > 1 and name == run[len(run) - len(name) :] and is_person(name) else []


def _clause_bounds(para: Paragraph, start: int, end: int, least: int = 3) -> tuple[int, int] | None:
    """Character bounds (in the paragraph) of a reported clause over tokens ``start`` to
    ``end``, trimmed (:func:`_trim`): None where it holds fewer than ``least`` tokens or
    a word in quotation marks."""
    doc = para.doc
    start, end = _trim(doc, start, end)
    if end - start + 1 < least or any(para.in_quote[i] for i in range(start, end + 1)):
        return None
    return doc[start].idx, doc[end].idx + len(doc[end])


def _trim(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """Token bounds without leading punctuation or space, nor trailing ones other than
    a sentence's final mark and a bracket or mark that closes one opened inside them
    (``... Development Fund (CDF).``, ``classified as “medium security”.``)."""
    while start <= end and (doc[start].is_punct or doc[start].is_space):
        start += 1
    while end >= start and (
        doc[end].is_space
        or doc[end].is_punct
        and doc[end].text not in _SENTENCE_END
        and not _closes_inside(doc, start, end)
    ):
        end -= 1
    return start, end


#: Closing brackets and curly marks, each with the one it closes.
_CLOSING_PAIRS = {")": "(", "\u201d": "\u201c", "\u2019": "\u2018"}


def _closes_inside(doc: Doc, start: int, end: int) -> bool:
    """Whether the token at ``end`` closes a bracket or curly mark opened in ``start``..
    ``end`` that nothing else closes there."""
    opening = _CLOSING_PAIRS.get(doc[end].text)
    if opening is None:
        return False
    words = [t.text for t in doc[start:end]]
    return words.count(opening) > words.count(doc[end].text)


#: Prepositions that give the statement a speaker said something in (``said in a
#: statement that``), not one the speaker answered (``responding to X's statement that``).
_MEDIUM_PREPOSITIONS = frozenset("in on at during through via".split())


def _that_clause(verb: Token) -> Token | None:
    """``said in a statement that ...``: the parser hangs the clause on the noun; ``said
    earlier that ...``: on the adverb."""
    after = verb.doc[verb.i + 1] if verb.i + 1 < len(verb.doc) else verb
    if after.dep_ == "advmod" and after.head == verb:
        ccomp = next((c for c in after.children if c.dep_ == "ccomp"), None)
        if ccomp is not None and any(map(_that, ccomp.children)):
            return ccomp
    for prep in verb.children:
        if prep.dep_ != "prep" or prep.i < verb.i or prep.lower_ not in _MEDIUM_PREPOSITIONS:
            continue
        for pobj in prep.children:
            if pobj.lemma_.lower() not in STATEMENT_NOUNS:
                continue
            for c in pobj.children:
                if c.dep_ in ("acl", "relcl") and any(map(_that, c.children)):
                    return c
    return None


def _answers_a_statement(verb: Token, clause: Token) -> bool:
    """Whether a verb's clause is what a statement it answers said, which the parse
    hangs on the verb: a statement after a preposition other than the one it was said
    in (``responding to the minister's statement yesterday that ...``; not ``said in a
    statement that``), between the verb and the clause; also anything raised or put by
    someone that a verb of answering answers (``responding to a matter raised by X that
    ...``: what X raised, not the answer; ``responded to critics that ...`` is the answer)."""
    answering = verb.lemma_.lower() in ("respond", "reply")
    return any(
        prep.dep_ == "prep"
        and verb.i < prep.i < clause.left_edge.i
        and prep.lower_ not in _MEDIUM_PREPOSITIONS
        and any(
            o.lemma_.lower() in STATEMENT_NOUNS
            or (answering and prep.lower_ == "to" and _raised(o))
            for o in prep.children
            if o.dep_ == "pobj"
        )
        for prep in verb.children
    )


def _raised(noun: Token) -> bool:
    """Whether a noun is something raised or put by someone (``a matter of national
    importance raised by X``): a participle with its agent in its phrase."""
    return any(
        t.dep_ == "acl" and t.tag_ == "VBN" and any(c.dep_ == "agent" for c in t.children)
        for t in noun.subtree
    )


def _name_run_on(noun: Token) -> list[Token]:
    """The name written right after the noun of an organisation's kind that the parse
    took for the subject of the clause after it (``According to the state agency Belta,
    President of Belarus Alexander Lukashenko was informed``: Belta, a comma after it);
    empty for none."""
    doc = noun.doc
    if noun.pos_ != "NOUN" or noun.lower_ not in ORGANISATION_KINDS:
        return []
    k = noun.i + 1
    while k < len(doc) and doc[k].pos_ == "PROPN" and doc[k].head.i != noun.i:
        k += 1
    run = list(doc[noun.i + 1 : k])
    subject = bool(run) and run[-1].dep_ in _SUBJECTS
    return run if subject and k < len(doc) and doc[k].text == "," else []


def _apposed_run_on(noun: Token) -> list[Token]:
    """A person's name set off by commas right after a job's description that the parse
    took for the subject of the clause after it (``According to the spokeswoman for the
    Prosecution, Kato Belmans, the group used ...``: Kato Belmans), or for a preposition
    (``According to the Region Police spokesperson, ASP Jo Roe, the case was``), also
    after the job in capitals (``the Police Spokesperson, ASP Jo Roe,``); empty for none."""
    doc = noun.doc
    if noun.pos_ not in ("NOUN", "PROPN") or noun.lemma_.lower() not in TITLES:
        return []
    k = noun.right_edge.i + 1
    if k + 1 >= len(doc) or doc[k].text != ",":
        return []
    end = k + 1
    while end < len(doc) and doc[end].pos_ == "PROPN":
        end += 1
    run = list(doc[k + 1 : end])
    taken = run[-1].dep_ in (*_SUBJECTS, "prep") if run else False  # (no name is an "of")
    closed = end < len(doc) and doc[end].text == ","
    return run if taken and closed and len(run) > 1 and is_person(run) else []


def _job_closed(acc: Token, source: Token | None) -> int | None:
    """The comma that closes a job in apposition after ``According to X`` where the parse
    hung the clause after it on X, as a relative clause, with ``According`` its root
    (``According to Chief Superintendent Jo Roe, County Commander of the Norland Police,
    all arrests made were based on ...``): the clause opens after it; None for another
    parse."""
    if acc.dep_ != "ROOT" or source is None:
        return None
    job = next((c for c in source.children if c.dep_ == "appos" and c.i > source.i), None)
    if job is None:
        return None
    k = job.right_edge.i + 1
    clause = any(c.dep_ == "relcl" and c.i > k for c in source.children)
    return k if clause and acc.doc[k].text == "," else None


def _lost_subject(acc: Token, source: Token | None) -> Token | None:
    """The subject of the clause after ``According to X,`` that the parse took for an
    apposition of X (``According to counsel Roe, Section 17 (1) provides that ...``):
    the clause's verb has no subject of its own."""
    verb = acc.head
    if source is None or verb.pos_ not in ("VERB", "AUX") or verb.i < acc.i:
        return None
    if any(c.dep_ in (*_SUBJECTS, "expl") for c in verb.children):
        return None
    appos = next((c for c in source.children if c.dep_ == "appos"), None)
    if appos is None or not _after_a_comma(appos) or appos.right_edge.i >= verb.i:
        return None
    return appos


def is_according(t: Token) -> bool:
    """Whether ``t`` opens ``according to``, or ``as per`` a document (``As per an official
    release, A``: the release's A; not ``as per standard practice``, ``as per the Act``:
    what is done by a rule)."""
    if t.lower_ == "according":
        return any(c.lower_ == "to" and c.i == t.i + 1 for c in t.children)
    if t.lower_ != "as":  # (every token is asked: its children only for "as")
        return False
    per = next((c for c in t.children if c.lower_ == "per" and c.i == t.i + 1), None)
    return per is not None and any(
        o.dep_ == "pobj" and o.lower_ in DOCUMENT_NOUNS for o in per.children
    )


def _before_source_goes_on(doc: Doc, start: int, end: int) -> int:
    """Where the clause after ``According to X,`` ends before ``, and`` and a verb of
    saying or calling on with no subject of its own: what X went on to do (``According to
    the mayor, 17 marches are planned, and given the protest, called on residents to be
    alert``)."""
    for t in doc[start : end + 1]:
        goes_on = _says(t) or (t.lemma_ == "call" and any(c.lower_ == "on" for c in t.children))
        if t.tag_ == "VBD" and goes_on and not any(c.dep_ in _SUBJECTS for c in t.children):
            cut = [
                k for k in range(start, t.i) if doc[k].text == "," and doc[k + 1].lower_ == "and"
            ]
            return cut[-1] - 1 if cut else end
    return end


def _writers_aside(doc: Doc, i: int) -> bool:
    """Whether a comma at ``i`` opens a concession closing the sentence (``..., according
    to an AFP tally, though the actual toll is likely higher.``): the writer's words."""
    return i + 1 < len(doc) and doc[i].text == "," and doc[i + 1].lower_ in _THOUGH


def _ends_a_relative_clause(t: Token) -> bool:
    """Whether a token ends a relative clause (``At 4:30 p.m., which is when the plant
    closes for the day, according to its website, ...``: the website says when it closes,
    not what follows)."""
    return any(a.dep_ == "relcl" and a.right_edge.i == t.i for a in (t, *t.ancestors))


def according_clause(acc: Token, para: Paragraph) -> tuple[int, int] | None:
    """The clause that ``according to X`` modifies, before or after it in its sentence,
    or after it where it opens a clause joined to another (``A, but according to X, B``)
    or is set off after the clause's subject (``The workers, according to X, also did
    A``: what comes after it)."""
    doc = para.doc
    sent = acc.sent
    sub_start, sub_end = acc.left_edge.i, acc.right_edge.i
    opens = sub_start <= sent.start + 1 or (
        acc.text[:1].isupper() and doc[sub_start - 1].text.endswith(".")
    )  # (also after a stop the parse took for an abbreviation's: "at 2:23 p.m. According")
    if opens:
        start, end = sub_end + 1, sent.end - 1
        pobj = next((c for c in doc[acc.i + 1].children if c.dep_ == "pobj"), None)
        run_on = _name_run_on(pobj) if pobj is not None else []
        if run_on and run_on[0].i == start:
            start = run_on[-1].i + 2  # past the agency's name and its comma
        apposed = _apposed_run_on(pobj) if pobj is not None else []
        if apposed and apposed[0].i == start + 1:
            start = apposed[-1].i + 2  # past the spokeswoman's name and its comma
        closed = _job_closed(acc, pobj)
        if closed is not None:
            start = closed + 1  # past the commander's job and its comma
        lost = _lost_subject(acc, pobj)
        if lost is not None:
            start = lost.left_edge.i  # "According to X, Section 17 provides that ..."
        when = doc[start] if start < len(doc) else None
        if when is not None and _of_when(when) and doc[when.right_edge.i + 1].text == ",":
            start = when.right_edge.i + 2  # "According to X on Friday, A": when, not A
        end = _before_source_goes_on(doc, start, end)
    elif sub_end >= sent.end - 2 or _writers_aside(doc, sub_end + 1):
        start, end = sent.start, sub_start - 1  # (also "..., according to X, though the
        # actual toll is likely higher": the writer's own aside after it)
    elif doc[sub_start - 1].lower_ in ("but", "and", ";") and acc.head.i > sub_end:
        start, end = sub_end + 1, acc.head.right_edge.i  # "A, but according to X, B": B
    elif _that(doc[sub_start - 2]) and doc[sub_start - 1].text == "," and acc.head.i > sub_end:
        start, end = sub_end + 1, acc.head.right_edge.i  # "said that, according to X, B": B
    elif (
        doc[sub_start - 1].text == "," == doc[sub_end + 1].text
        and acc.head.i > sub_end
        and not _ends_a_relative_clause(doc[sub_start - 2])
    ):
        start, end = sub_end + 2, sent.end - 1  # "The workers, according to X, also did A"
    else:
        return None
    while start <= end and doc[start].idx < para.dateline:
        start += 1  # "SIOUX FALLS, S.D. — A, according to officials."
    return _clause_bounds(para, start, end, least=4)
