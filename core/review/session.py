"""The review loop without Qt: what the window shows and what each key does to it.

A :class:`ReviewSession` holds the open article, its attributions in text order, the
current one, the span being edited (quote, speaker or cue), the token cursor and the
selection. Its verbs come in two kinds:

- moves (next attribution, token cursor, selection, ...) change only the session and
  return a :class:`Delta`;
- edits (accept, move an edge, label a selection, ...) return a :class:`Pending` edit
  (a core :class:`~core.review.commands.Command`, with the step that follows it), or a
  plain reason why not. :meth:`apply` runs the command (one transaction, one log row,
  onto the undo stack), then its follow-up, and, like :meth:`undo` and :meth:`redo`,
  turns what changed into a :class:`Delta`: the one summary of a change every widget
  reads.

Messages name actions as ``{action_id}`` (``"{select_toggle} starts a selection"``):
the window fills in the keys from its keymap, so no key name is written here.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from functools import partial
from itertools import chain, takewhile

from core.corpus import curation, queries
from core.corpus.curation import Annotator, Item
from core.corpus.errors import ConflictError, CorpusError
from core.corpus.learning import made_by_id
from core.corpus.rows import ArticleSummary
from core.corpus.store import Store
from core.model import (
    Article,
    Attribution,
    Origin,
    QuoteType,
    Span,
    SpanError,
    State,
    Status,
    clean_comment,
    excerpt,
)
from core.review import adjudicate, commands
from core.review.commands import Change, Command, Known, UndoStack
from core.review.order import Placed, article_of, least_sure, place, position, start
from core.review.speakers import (
    REACH,
    Candidate,
    Mentions,
    candidates,
    cue_beside,
    cue_subjects,
    cue_words,
    reported_clause,
)
from core.suggest.lexicon import CALENDAR, DETERMINERS, SENTENCE_OPENERS
from core.suggest.marks import find_quotes, quote_type
from core.suggest.names import (
    full_names,
    is_pronoun,
    name_in_article,
    name_key,
)
from core.suggest.registry import kind_of, looks_like_person
from core.tokens import Tokens

TARGETS = ("quote", "speaker", "cue")
#: What ends a clause, for the keys that move an end to one (:meth:`ReviewSession.end_to_mark`).
_CLAUSE_MARKS = frozenset({",", ";", ":", ".", "!", "?", "\u2014", "\u2013", "--"})
_NO_CANDIDATES = "No candidate speakers found: select one and press {label_speaker}."
#: A span as the span rules name it in a message: by its offsets.
_OFFSETS = re.compile(r"\b(\d+)-(\d+)\b")
_SENTENCE_END = {".", "!", "?"}
_CLAUSE_END = _SENTENCE_END | {",", ";", ":", "\u2014", "\u2013", '"', "\u201c", "\u201d"}


@dataclass(frozen=True)
class Delta:
    """What the widgets redraw after a verb. The session itself is the state to draw
    (its attributions, current index, target, cursor and selection)."""

    article: bool = False  # another article (or the same one reloaded): redraw everything
    rows: frozenset[int] = frozenset()  # ids of attributions whose rows changed
    reorder: bool = False  # rows were added, removed or reordered: rebuild the table
    summary: ArticleSummary | None = None  # the open article's line in the article list
    earlier: tuple[ArticleSummary, ...] = ()  # lines of articles left meanwhile (D)
    statuses: bool = False  # an article's status changed
    reveal: int | None = None  # a character position to scroll into view
    message: str = ""  # for the status bar
    error: str = ""  # a change that was not saved (for a dialog)
    items: bool = False  # a gold corpus's items of the open article changed (docs/adr/0034)
    #: An article was marked done: what the suggestions learn is due a refit
    #: (:func:`core.review.learning.refit`; the app runs it in a process of its own, as
    #: its cost grows with the articles done: docs/adr/0036).
    learn: bool = False


@dataclass(frozen=True)
class Pending:
    """An edit a verb built, for :meth:`ReviewSession.apply`: its command, and what the
    session does once it is applied (``then``: edit the speaker next, go on to the next
    suggestion, ...)."""

    command: Command
    then: Callable[[], Delta] | None = None
    keeps_round: bool = False  # a candidate chosen by M: the round of candidates goes on


Outcome = Pending | str
"""What an edit verb returns: the edit to apply, or the reason nothing can be done."""


@dataclass
class ReviewSession:
    store: Store
    stack: UndoStack = field(init=False)
    article: Article | None = None
    attrs: list[Attribution] = field(default_factory=list)
    tokens: Tokens = field(default_factory=lambda: Tokens([]))
    index: int | None = None
    target: str = "quote"
    cursor: int | None = None  # index of the token under the token cursor
    anchor: int | None = None  # where the selection started (token index), if any
    sought: str = ""  # what F last looked for in the article (N, Shift+N: again)
    #: The review's order: after a decision, the suggestion least sure next, not the
    #: next in the text (:meth:`uncertain_first`)
    doubt_first: bool = False
    # Kept as attributions change (a long article has thousands; a key reads none of them):
    _left: int = 0  # suggestions not yet decided
    _kept: int = 0  # attributions not rejected
    _flagged: int = 0  # attributions flagged
    _parked: int = 0  # suggestions flagged: left for the curator (D lets them be)
    _longest: int = 0  # at least the longest quote's length (for near())
    _mentions: Mentions | None = None  # the open article's, for candidates()
    _full_names: list[str] | None = None  # the open article's, for names_to_offer()
    _body: str | None = None  # the open article's body_text(), for naming (_body_text())
    #: The round M and Shift+M go through: (attribution id, candidates) as they were at the
    #: first press, the speaker it had among them; kept while only they edit it, so that
    #: M then Shift+M comes back (each choice changes what the candidates would be).
    _round: tuple[int, list[Candidate]] | None = None
    #: In a gold corpus (docs/adr/0034): the open article's items to adjudicate, in text
    #: order, each with every annotator's version, and which one is current.
    items: list[Item] = field(default_factory=list)
    item_index: int | None = None
    _annotators: list[Annotator] | None = None
    #: The current item is what the keys act on (J/K went to it, or the article opened on
    #: it), not the current attribution (chosen in the table, by number, or after redo).
    _on_item: bool = False

    def __post_init__(self) -> None:
        self.stack = UndoStack(self.store)

    # -- state ---------------------------------------------------------------------------

    @property
    def annotators(self) -> list[Annotator]:
        """The annotators merged into a gold corpus (numbered 1..), none in another."""
        if self._annotators is None:
            self._annotators = curation.annotators(self.store)
        return self._annotators

    @property
    def current_item(self) -> Item | None:
        """The item being adjudicated, in a gold corpus."""
        return self.items[self.item_index] if self.item_index is not None and self.items else None

    @property
    def adjudicating(self) -> bool:
        """Whether an open item to adjudicate is what the keys act on: then 1..9 take an
        annotator's version (the window's type keys 1-3 included), else the current
        attribution's edits (docs/adr/0037)."""
        item = self.current_item
        return self._on_item and item is not None and item.open

    @property
    def items_left(self) -> int:
        """The open article's items still to adjudicate (none outside a gold)."""
        return sum(it.open for it in self.items)

    @property
    def current(self) -> Attribution | None:
        return self.attrs[self.index] if self.index is not None and self.attrs else None

    def selection(self) -> Span | None:
        """The token selection (from the anchor to the cursor), if one is started."""
        if self.anchor is None or self.cursor is None or not self.tokens:
            return None
        lo, hi = sorted((self.anchor, self.cursor))
        return Span(self.tokens[lo][0], self.tokens[hi][1])

    def cursor_span(self) -> Span | None:
        if self.cursor is None or not self.tokens:
            return None
        return Span(*self.tokens[self.cursor])

    def summary(self) -> ArticleSummary | None:
        """The open article's line for the article list, from what the session holds."""
        a = self.article
        if a is None or a.id is None:
            return None
        flagged = a.flagged or self._flagged > 0
        return ArticleSummary(a.id, a.title, a.date, a.status, self._left, self._kept, flagged)

    def near(self, lo: int, hi: int) -> list[Attribution]:
        """The attributions whose quotes reach into the characters lo..hi (their ends
        included), in text order: by bisection, not a scan of all of them."""
        first = bisect_left(self.attrs, lo - self._longest, key=start)
        last = bisect_right(self.attrs, hi, key=start)
        return [a for a in self.attrs[first:last] if a.quote.end >= lo]

    def can_undo(self) -> str | None:
        """The label of the edit undo would revert, if any."""
        return self.stack.done[-1].label if self.stack.done else None

    # -- moving around ---------------------------------------------------------------------

    def open(self, article_id: int, focus: int | None = None) -> Delta:
        """Show an article: at attribution ``focus``, else at the first suggestion."""
        try:
            article = self.store.article(article_id)
            tokens = self.store.tokens(article_id)
            attrs = self.store.attributions(article_id)
            made = made_by_id(self.store, article_id)
        except CorpusError as exc:  # a damaged article, now in Store.damage: off the list
            other = self.store.neighbour(article_id, +1) if self.article is None else None
            if other is None or other == article_id:  # stay where we are
                return Delta(error=str(exc), statuses=True)
            return replace(self.open(other), error=str(exc), statuses=True)  # the next sound one
        if made:  # where each suggestion came from, for the table to say
            attrs = [a.with_(made_by=made.get(a.id or 0)) for a in attrs]
        self.article, self.tokens, self.attrs = article, tokens, attrs
        self._mentions = self._full_names = self._body = None
        self._left = sum(a.state is State.SUGGESTED for a in attrs)
        self._kept = sum(a.state is not State.REJECTED for a in attrs)
        self._flagged = sum(a.flagged for a in attrs)
        self._parked = sum(a.flagged and a.state is State.SUGGESTED for a in attrs)
        self._longest = max((a.quote.end - a.quote.start for a in attrs), default=0)
        self.anchor = None
        self.target = "quote"
        self._on_item = False
        found = self._index_of(focus) if focus is not None else None
        self.index = found if found is not None else self._first_to_review()
        self._cursor_to_current()
        self._load_items()
        opened = Delta(
            article=True, reorder=True, summary=self.summary(), reveal=self._reveal(), items=True
        )
        item = self.current_item
        if focus is None and item is not None and item.open:  # a gold's items come first
            return _merge(opened, self.choose_item(item.id))
        return opened

    def refresh(self) -> Delta:
        """Take in what another window or process saved meanwhile (nothing when nothing
        was): the open article read again, at the same attribution, and the list."""
        if not self.store.changed_elsewhere():
            return Delta()
        message = "The corpus was changed elsewhere: shown as it is now"
        if self.article is None or self.article.id is None:
            return Delta(statuses=True, message=message)
        focus = self.current.id if self.current else None
        return replace(self.open(self.article.id, focus), statuses=True, message=message)

    def close(self) -> Delta:
        self.article, self.attrs, self.tokens, self.index = None, [], Tokens([]), None
        self.cursor = self.anchor = self._mentions = self._full_names = self._body = None
        self._left = self._kept = self._longest = self._flagged = self._parked = 0
        self.items, self.item_index = [], None
        return Delta(article=True, reorder=True, items=True)

    def step(self, step: int) -> Delta:
        """The next (+1) or previous (-1) attribution."""
        if not self.attrs:
            return Delta(
                message="No attributions in this article: select text and "
                "press {label_quote} to add one."
            )
        i = -1 if self.index is None else self.index
        return self.choose(max(0, min(len(self.attrs) - 1, i + step)))

    def jump(self, number: int) -> Delta:
        """Attribution ``number`` (1 is the first, as in the table)."""
        if not 1 <= number <= len(self.attrs):
            return Delta(message=f"There is no attribution {number} (1-{len(self.attrs)}).")
        return self.choose(number - 1)

    def review_step(self, step: int) -> Delta:
        """J/K: the next (+1) or previous (-1) open item while the open article has one
        (a gold corpus being adjudicated), after (before) the current item, or the
        current attribution when the keys are on it; else the next or previous
        attribution."""
        if not self.items_left:
            return self.step(step)
        a = self.current
        at = a.quote.start if a is not None and not self._on_item else None  # from the row
        return self.next_item(step, at)

    def choose(self, row: int) -> Delta:
        self.index = row
        self._on_item = False
        self.target = "quote"
        self._cursor_to_current()
        return Delta(reveal=self._reveal())

    def next_article(self, step: int, search: str = "") -> Delta:
        """The next (+1) or previous (-1) article in the list as shown (those matching
        ``search``, as the filter box does); no wrapping around."""
        cur = self.article.id if self.article else None
        found = self._neighbour(cur, step, search, todo_only=False)
        if found is None or cur is not None and (found - cur) * step < 0:
            return Delta(message="No more articles that way.")
        return self.open(found)

    def uncertain_first(self) -> Delta:
        """Switch the review's order: the suggestion least sure first (the lowest
        confidence: docs/adr/0036), going there now; again, the text's order."""
        self.doubt_first = not self.doubt_first
        if not self.doubt_first:
            return Delta(message="Review in text order.")
        found = least_sure(self.attrs)
        said = "Review least sure first: {uncertain_first} again for text order."
        if found is None:
            return Delta(message=said)
        return replace(self.choose(found), message=said)

    def cycle_target(self, step: int) -> Delta:
        i = TARGETS.index(self.target)
        self.target = TARGETS[(i + step) % len(TARGETS)]
        return Delta()

    def move_cursor(self, step: int, extend: bool = False) -> Delta:
        if not self.tokens:
            return Delta()
        if self.cursor is None:
            self.cursor = 0
        if extend and self.anchor is None:
            self.anchor = self.cursor
        self.cursor = max(0, min(len(self.tokens) - 1, self.cursor + step))
        return Delta(reveal=self.tokens[self.cursor][0])

    def cursor_to(self, pos: int) -> Delta:
        """The token cursor to the token at a character position (a line up or down)."""
        if not self.tokens:
            return Delta()
        self.cursor = self.tokens.token_at(pos)
        return Delta(reveal=self.tokens[self.cursor][0])

    def find(self, needle: str, step: int = 1) -> Delta:
        """The token cursor to the next (``step`` 1) or previous (-1) place in the open
        article where ``needle`` is written, case aside, around the article's end; a
        selection started with V follows it. The article's own work: no corpus read."""
        self.sought = needle.strip() or self.sought
        if not self.tokens or self.article is None or not self.sought:
            return Delta()
        here = self.tokens[self.cursor][0] if self.cursor is not None else -1
        places = [
            m.start() for m in re.finditer(re.escape(self.sought), self.article.text, re.IGNORECASE)
        ]
        if not places:
            return Delta(message=f"{excerpt(self.sought)} is not in this article.")
        i = bisect_right(places, here) if step > 0 else bisect_left(places, here) - 1
        self.cursor = self.tokens.token_at(places[i % len(places)])
        return Delta(reveal=self.tokens[self.cursor][0])

    def toggle_selection(self) -> Delta:
        self.anchor = None if self.anchor is not None else self.cursor
        return Delta()

    def clear_selection(self) -> Delta:
        self.anchor = None
        return Delta()

    def cursor_to_item(self) -> Delta:
        self._cursor_to_current()
        self.anchor = None
        return Delta(reveal=self._reveal())

    def select_quotation(self) -> Delta:
        """Select the text between the quotation marks around the token cursor."""
        para = self._paragraph()
        if para is None:
            return Delta()
        offset, line = para
        pos = self.tokens[self.cursor or 0][0] - offset
        for q in find_quotes(line):
            close = q.close if q.close is not None else q.end
            if q.open <= pos <= close and q.start < q.end:
                return self._select(Span(offset + q.start, offset + q.end))
        return Delta(message="The token cursor is not inside quotation marks.")

    def select_next_quotation(self) -> Delta:
        """Select the next quotation from the token cursor on (past the article's end,
        from its start) that no attribution holds, rejected ones included, outside the
        headline and the other lines that are no body: where a quote may have been
        missed, for ``Q`` (ADR 62)."""
        art = self.article
        if art is None or not self.tokens:
            return Delta()
        here, chosen = self.tokens[self.cursor or 0][0], self.selection()
        line = art.text.rfind("\n", 0, here) + 1
        ahead = (
            span
            for span in self._quotations(line, len(art.text))
            if span.start >= here and span != chosen
        )
        stop = art.text.find("\n", here)  # (the cursor's line is the last read again)
        behind = (
            span
            for span in self._quotations(0, len(art.text) if stop < 0 else stop)
            if span.start < here
        )
        for span in chain(ahead, behind):
            if not self._held(span):
                return self._select(span)
        return Delta(message="No quotation is left that no attribution holds.")

    def select_next_report(self) -> Delta:
        """Select what the next word of saying from the token cursor on reports (past the
        article's end, from its start: :func:`~core.review.speakers.reported_clause`),
        where no attribution holds it, outside the lines that are no body: an indirect
        quote the suggestions may have missed, for ``Q`` (``said on Monday that A`` ->
        ``A``; again: the one after; ADR 81)."""
        art = self.article
        if art is None or not self.tokens:
            return Delta()
        chosen = self.selection()
        here = self.cursor or 0  # (again: from the word after the clause chosen's first)
        start = self.tokens.covering(chosen.start, chosen.end)[0] + 1 if chosen else here
        body = self._body_text()
        for k in chain(range(start, len(self.tokens)), range(start)):
            span = reported_clause(body, self.tokens, k)
            if span is not None and not self._held(span):
                return self._select(span)
        return Delta(message="No word of saying is left whose report no attribution holds.")

    def _quotations(self, begin: int, end: int) -> Iterator[Span]:
        """The quotations of the open article's lines from offset ``begin`` (a line's
        start) to ``end``, in order."""
        assert self.article is not None
        text = self.article.text
        while begin < end:
            stop = text.find("\n", begin)
            stop = len(text) if stop < 0 else stop
            for q in find_quotes(text[begin:stop]):
                if q.start < q.end:
                    yield Span(begin + q.start, begin + q.end)
            begin = stop + 1

    def _held(self, span: Span) -> bool:
        """Whether an attribution's quote overlaps ``span``, or the span lies in no
        body."""
        assert self.article is not None
        return any(a.quote.overlaps(span) for a in self.near(span.start, span.end)) or any(
            n.overlaps(span) for n in self.article.non_body
        )

    def select_sentence(self, clause: bool = False, part: int = 0) -> Delta:
        """Select the sentence (or the clause) around the token cursor, without the
        punctuation that bounds it; ``part`` +1: from the cursor to its end, -1: from its
        start to the cursor (``said that`` and the indirect quote after it)."""
        bounds = self._sentence(clause)
        if bounds is None or self.cursor is None:
            return Delta()
        first, last = bounds
        if part > 0:
            first = min(self.cursor, last)
        elif part < 0:
            last = max(self.cursor, first)
        return self._select(Span(self.tokens[first][0], self.tokens[last][1]))

    def _sentence(self, clause: bool) -> tuple[int, int] | None:
        """The first and last tokens of the sentence (or clause) around the token cursor,
        without the punctuation that bounds it."""
        para = self._paragraph()
        if para is None or self.cursor is None:
            return None
        offset, line = para
        stops = _CLAUSE_END if clause else _SENTENCE_END
        lo, hi = self.tokens.covering(offset, offset + len(line))
        word = self._word
        first = self.cursor
        while first > lo and word(first - 1) not in stops:
            first -= 1
        last = self.cursor
        while last < hi and word(last + 1) not in stops:
            last += 1
        while first < last and word(first) in stops:
            first += 1
        while last > first and word(last) in stops:
            last -= 1
        return first, last

    # -- edits: each returns a command or a reason ---------------------------------------------

    def accept(self) -> Outcome:
        return self._decide(State.ACCEPTED)

    def reject(self) -> Outcome:
        return self._decide(State.REJECTED)

    def accept_all(self) -> Outcome:
        if self.article is None or self.article.id is None:
            return "No article is open."
        cmd = commands.accept_all(self.store, self.article.id)
        return Pending(cmd) if cmd else "Every suggestion in this article is already decided."

    def set_type(self, qtype: QuoteType) -> Outcome:
        return self._edit(lambda k: commands.set_type(self.store, k, qtype))

    def move_edge(self, edge: str, step: int) -> Outcome:
        if (lacking := self._lacking_target()) is not None:
            return lacking
        kind = self.target
        return self._edit(lambda k: commands.move_edge(self.store, k, kind, edge, step))

    def _lacking_target(self) -> str | None:
        """Why the span being edited cannot move: the current attribution has none."""
        a = self.current
        if a is not None and a.spans()[self.target] is None:
            key = f"label_{self.target}"
            return f"This attribution has no {self.target}: select one and press {{{key}}}."
        return None

    def edge_to_cursor(self, edge: str) -> Outcome:
        """The start (or end) of the span being edited to the token cursor's token: an
        edge many tokens away in one key, once F has taken the cursor there."""
        here = self.cursor_span()
        if self.current is None:
            return "No attribution selected."
        if here is None:
            return "No token cursor: {cursor_to_item} puts it on the attribution."
        if (lacking := self._lacking_target()) is not None:
            return lacking
        kind = self.target
        return self._edit(lambda k: commands.edge_to(self.store, k, kind, edge, here))

    def end_to_mark(self, step: int) -> Outcome:
        """The end of the span being edited to the next clause mark after it (``step``
        +1: ``, ; : . ! ?`` or a dash; the marks just after the end are passed) or to the
        last one inside it (-1), the mark left out: a clause more or less in one key. In
        the paragraph: past its last mark, the next goes to its last word."""
        a = self.current
        if a is None or self.article is None:
            return "No attribution selected."
        if (lacking := self._lacking_target()) is not None:
            return lacking
        kind = self.target
        span = a.spans()[kind]
        assert span is not None
        end = self.clause_end(*self.tokens.covering(span.start, span.end), step)
        if end is None:
            return f"No clause mark {'after' if step > 0 else 'inside'} the {kind}."
        token = Span(*self.tokens[end])
        return self._edit(lambda k: commands.edge_to(self.store, k, kind, "end", token))

    def clause_end(self, first: int, last: int, step: int) -> int | None:
        """The last token of the span of tokens first..last ended at its next clause mark
        (+1) or its last one inside (-1); None when there is none."""
        mark = self._is_clause_mark
        if step > 0:
            k, n = last + 1, len(self.tokens)
            while k < n and mark(k) and not self._apart(k - 1, k):
                k += 1
            while k < n and not mark(k) and not self._apart(k - 1, k):
                k += 1
            return k - 1 if k - 1 > last and not mark(k - 1) else None
        k = last
        while k > first and mark(k):
            k -= 1  # (the marks it ends with)
        while k > first and not mark(k):
            k -= 1
        if not mark(k):
            return None
        while k > first and mark(k):
            k -= 1  # (a run of them: ", --")
        return None if mark(k) else k

    def _is_clause_mark(self, i: int) -> bool:
        return self._word(i) in _CLAUSE_MARKS

    def _apart(self, i: int, j: int) -> bool:
        """Whether a line break stands between tokens ``i`` and ``j`` (``i`` < ``j``)."""
        assert self.article is not None
        return "\n" in self.article.text[self.tokens[i][1] : self.tokens[j][0]]

    def candidate(self, step: int) -> Outcome:
        """The next (+1) or previous (-1) candidate speaker of the current quote."""
        a = self.current
        if a is None or self.article is None:
            return "No attribution selected."
        if self._round is None or self._round[0] != a.id:
            # The speaker it has first, wherever it ranks: M goes on to the best-ranked
            # candidate, Shift+M to the last one, and each comes back to it.
            options = [c for c in self.candidates() if c.span != a.speaker]
            if a.speaker is not None:
                options.insert(0, Candidate(a.speaker, a.speaker_name or "", person=False))
            self._round = (a.id or 0, options)
        options = self._round[1]
        if not options:
            return _NO_CANDIDATES
        spans = [c.span for c in options]
        if a.speaker in spans:
            i = spans.index(a.speaker) + step
        else:
            i = 0 if step > 0 else -1
        choice = options[i % len(options)]
        outcome = self._edit(
            lambda k: commands.set_speaker(self.store, k, choice.span, choice.name),
            target="speaker",
        )
        return replace(outcome, keeps_round=True) if isinstance(outcome, Pending) else outcome

    def speaker_options(self) -> list[Candidate]:
        """The current quote's candidate speakers but the one it has, as ``M`` meets them
        (its first press takes the first): what :meth:`pick_speaker` numbers."""
        a = self.current
        return [c for c in self.candidates() if a is None or c.span != a.speaker]

    def speaker_rows(self) -> list[str]:
        """Each of :meth:`speaker_options` as a list shows it: the mention as written, the
        name it is given where that is another, and the words around it in its paragraph
        (the same ``he`` is written in many places): ``he -> Yury Ushakov   · "...,"
        [he] said on Tuesday``."""
        text = self.article.text if self.article is not None else ""
        rows = []
        for c in self.speaker_options():
            said = " ".join(self._text(c.span).split())
            head = said if c.name == said else f"{said} -> {c.name}"
            before = text[max(0, c.span.start - 60) : c.span.start].split("\n")[-1].split()
            after = text[c.span.end : c.span.end + 60].split("\n")[0].split()
            around = " ".join([*before[-4:], f"[{said}]", *after[:4]])  # (whole words)
            rows.append(f"{head}   \u00b7 {around}")
        return rows

    def pick_speaker(self, number: int) -> Outcome:
        """Candidate ``number`` of :meth:`speaker_options` (1 is the first) as the
        speaker, named as ``M`` names it: a candidate far down ``M``'s round in two keys
        (ADR 89)."""
        if self.current is None or self.article is None:
            return "No attribution selected."
        options = self.speaker_options()
        if not options:
            return _NO_CANDIDATES
        if not 1 <= number <= len(options):
            return f"There is no candidate {number} (1-{len(options)})."
        choice = options[number - 1]
        return self._edit(
            lambda k: commands.set_speaker(self.store, k, choice.span, choice.name),
            target="speaker",
        )

    def next_cue(self, step: int) -> Outcome:
        """The next (+1) or previous (-1) cue word beside the current quote
        (:func:`cue_words`), from the cue it has; the first when it has none or another."""
        a = self.current
        if a is None or self.article is None:
            return "No attribution selected."
        options = cue_words(self.article.text, self.tokens, a.quote)
        if not options:
            return "No cue word beside the quote: select one and press {label_cue}."
        if a.cue in options:
            choice = options[(options.index(a.cue) + step) % len(options)]
        else:
            choice = options[0 if step > 0 else -1]
        return self._edit(lambda k: commands.set_span(self.store, k, "cue", choice), target="cue")

    def candidates(self) -> list[Candidate]:
        a = self.current
        if a is None or self.article is None:
            return []
        return self._candidates(a.quote)

    def _candidates(self, quote: Span, subjects_only: bool = False) -> list[Candidate]:
        art = self.article
        assert art is not None
        if self._mentions is None and not subjects_only:
            self._mentions = Mentions(art.text, self.tokens)
        near = self.near(quote.start - REACH, quote.end + REACH)
        ids = sorted({n.speaker_id for n in near if n.speaker_id is not None})
        kinds = {sp.name: kind_of(sp) for sp in queries.speakers_with_ids(self.store, ids)}
        return candidates(
            self._body_text(),
            self.tokens,
            near,
            quote,
            art.non_body,
            self._mentions,
            kinds,
            subjects_only,
        )

    def _completed(self, new: Attribution) -> Attribution:
        """A quote the user labels, with the cue word beside it, if there is one, and
        that cue's subject as its speaker when it is the best candidate (what ``M``
        would give first), named as the article names it; a clause a word of saying
        before it reports (:meth:`_reporting`) with that word and its subject (ADR 81)."""
        art = self.article
        assert art is not None
        said = self._reporting(new.quote)
        if said is not None:  # its own word of saying, and that word's subject
            found = cue_subjects(art.text, self.tokens, new.quote, said)
            if not found:
                return new.with_(cue=said)
            mention, part = found[0]
            name = name_in_article(
                self._text(part), self.attrs, part.start, None, self._body_text()
            )
            return new.with_(cue=said, speaker=mention, speaker_name=name)
        cue = cue_beside(art.text, self.tokens, new.quote)
        if cue is None:
            return new
        subjects = {m for m, _ in cue_subjects(art.text, self.tokens, new.quote, cue)}
        best = next(iter(self._candidates(new.quote, subjects_only=True)), None)
        if best is None or best.span not in subjects:
            return new.with_(cue=cue)
        return new.with_(cue=cue, speaker=best.span, speaker_name=best.name)

    def _reporting(self, quote: Span) -> Span | None:
        """The cue word before an indirect quote whose report it is (``told reporters
        that A``, as ``'`` selects it: :func:`reported_clause`), if any: its cue, even where
        another word of saying comes after it (``A, and critics said B``)."""
        assert self.article is not None
        for cue in cue_words(self.article.text, self.tokens, quote):
            if cue.end <= quote.start:
                said = reported_clause(
                    self._body_text(), self.tokens, self.tokens.token_at(cue.start)
                )
                if said is not None and said.start == quote.start:
                    return cue
        return None

    def names_to_offer(self, corpus: Sequence[str] = ()) -> list[str]:
        """What a typed speaker name completes from, best first: the names the user has
        given in this article (:meth:`_names_given`), the names of the current quote's
        candidate speakers (as ``M`` ranks them), the full names of the article's body, then
        ``corpus`` (the corpus's speakers, most quoted first); of those, the names that
        hold the last word of the mention's name part (:func:`_head_word`) before the
        rest (``Philadelphia Inquirer`` for ``the Inquirer``: the fuller form of the
        mention; ADR 59); after the article's names and the corpus's holding the head
        word where it is a name's (capitalised: ``Inquirer``, not ``spokesperson``), the
        other forms of the name shown and of the mention (:func:`_other_forms`: ADRs 68
        and 75); then the mentions near the quote that are no pronoun, as the article
        writes them, with a lower-case determiner and as the suggester names them,
        descriptions first (a speaker named by a phrase of the article, not by a name:
        ``officers``, ``a Russian presidential aide``; ADR 88); last, the corpus's other
        speakers (a grown corpus's hundreds held what was typed before the forms did: ADR
        84). Not the name the
        attribution has (the box shows it already), nor a pronoun, a date (``Monday``) or
        a sentence's first word alone (``While``): nobody's name."""
        if self.article is None:
            return list(corpus)
        a = self.current
        shown = a.speaker_name if a is not None else None
        had = name_key(shown) if shown else None
        near = self.candidates()
        if self._full_names is None:  # (once an article: 10 ms on 20,000 words)
            self._full_names = list(full_names(self._body_text()).values())
        mention = self._text(a.speaker) if a is not None else ""
        forms = _other_forms(shown or "", mention)
        named_near = [c.name for c in near if not c.described]
        local = dict.fromkeys([*self._names_given(), *named_near, *self._full_names])
        names = dict.fromkeys([*local, *corpus])
        offered = [n for n in names if name_key(n) != had and not _nobody(n)]
        head = _head_word(mention)
        ranked = sorted(offered, key=lambda n: head is None or head not in _name_words(n))
        named = any(w.strip(".,").lower() == head and w[:1].isupper() for w in mention.split())
        held = [n for n in ranked if n in local or named and head in _name_words(n)]
        rest = [n for n in ranked if n not in held]  # the corpus's other speakers
        told = [*held, *(n for n in forms if n not in offered)]
        written: list[str] = []  # the mentions near as written, descriptions first (ADR 88)
        for c in sorted(near, key=lambda c: not c.described):
            said = self._text(c.span)
            its_own = a is not None and a.speaker is not None and c.span.overlaps(a.speaker)
            if (_head_as_written(said) or "").islower() and not is_pronoun(said) and not its_own:
                written += [_as_named(said), said, c.name]  # a phrase, no name
        more = [
            n
            for n in dict.fromkeys(written)
            if n not in told and name_key(n) != had and not _nobody(n)
        ]
        return [*told, *more, *(n for n in rest if n not in more)]

    def _names_given(self) -> list[str]:
        """The speaker names of the article's other attributions the user accepted, edited
        or added (not those rejected, nor suggestions left as they are), those nearest
        the current quote first: a quote's speaker is most often one already named
        beside it (ADR 59)."""
        a = self.current
        if a is None:
            return []
        given = [
            b
            for b in self.attrs
            if b is not a
            and b.speaker_name
            and b.state is not State.REJECTED
            and (b.state is State.ACCEPTED or b.origin is not Origin.MODEL)
        ]
        given.sort(key=lambda b: abs(b.quote.start - a.quote.start))
        return [b.speaker_name for b in given if b.speaker_name]

    def same_speaker(self) -> Outcome:
        """The speaker (mention and name) of the attribution before this one, and its cue
        too when this one has none: a quote that goes on from another (``"A," he said.
        "B."``, a quote's next paragraph) has its speaker and its cue (ADR 60)."""
        a = self.current
        if self.index is None or a is None:
            return "No attribution selected."
        before = [b for b in self.attrs[: self.index] if b.speaker is not None]
        if not before:
            return "No attribution before this one has a speaker."
        prev = before[-1]
        cue = prev.cue if a.cue is None else None
        return self._edit(
            lambda k: commands.set_speaker(self.store, k, prev.speaker, prev.speaker_name, cue),
            target="speaker",
        )

    def rename(self, name: str) -> Outcome:
        """Type the speaker's name (E): the mention it names is taught as its alias."""
        a = self.current
        mention = self._text(a.speaker) if a is not None else ""
        return self._edit(
            lambda k: commands.set_speaker_name(self.store, k, name, mention, self.attrs)
        )

    def delete(self) -> Outcome:
        """Delete the span being edited; the quote takes its attribution with it."""
        a = self.current
        if a is None:
            return "No attribution selected."
        kind = self.target
        if kind == "quote":
            index = self.index or 0
            return self._edit(
                lambda k: commands.delete(self.store, k), then=lambda: self._stay_at(index)
            )
        if a.spans()[kind] is None:
            return f"This attribution has no {kind}."
        return self._edit(lambda k: commands.set_span(self.store, k, kind, None))

    def label(self, kind: str, mouse: Span | None = None) -> Outcome:
        """Label the selection (the token selection, else ``mouse`` snapped to tokens)
        as a new QUOTE, or as the current attribution's SPEAKER or CUE."""
        span = self.selection()
        if span is None and mouse is not None:
            span = self.tokens.snap(mouse.start, mouse.end)
        if span is None or self.article is None or self.article.id is None:
            return "Nothing is selected: {select_toggle} starts a selection at the token cursor."
        if kind == "quote":
            qtype = quote_type(self.article.text, span)
            if qtype is QuoteType.INDIRECT:  # the clause after the cue and its "that"
                span = self._after_that(span)
            bare = commands.new_manual(span, qtype)
            try:
                cmd = commands.add(self.store, self.article.id, self._completed(bare))
            except SpanError:  # its cue or speaker broke a rule: the quote alone
                try:
                    cmd = commands.add(self.store, self.article.id, bare)
                except SpanError as exc:
                    return self._reason(exc)
            return Pending(cmd, self._after_quote)
        a = self.current
        if a is None:
            return "No attribution selected."
        if kind == "speaker":
            art = self.article
            mention = art.text[span.start : span.end]
            name = name_in_article(mention, self.attrs, span.start, a, self._body_text())
            return self._edit(
                lambda k: commands.set_speaker(self.store, k, span, name),
                target="speaker",
            )
        return self._edit(lambda k: commands.set_span(self.store, k, "cue", span), target="cue")

    def flag(self) -> Outcome:
        """Flag the current attribution as unsure (for the curator), or take its flag
        and comment away (docs/adr/0033)."""
        a = self.current
        if a is None:
            return "No attribution selected."
        comment = None if a.flagged else a.comment
        return self._edit(lambda k: commands.flag(self.store, k, comment))

    def comment(self, text: str) -> Outcome:
        """Flag the current attribution with a comment as typed (made one line, bounded:
        :func:`clean_comment`); an empty one keeps the flag without a comment."""
        said = clean_comment(text)
        return self._edit(lambda k: commands.flag(self.store, k, said))

    def flag_article(self, text: str | None = None) -> Outcome:
        """Flag the open article as a whole, with a comment as typed (``text``), or,
        with None, flag it without one, or take its flag away if it has one."""
        art = self.article
        if art is None or art.id is None:
            return "No article is open."
        if text is None:
            comment = None if art.flagged else ""
        else:
            comment = clean_comment(text)
        cmd = commands.flag_article(self.store, art.id, comment)
        return Pending(cmd) if cmd else "Nothing to change."

    def done(self, search: str = "", accept_rest: bool = False) -> Outcome:
        """Mark the article done (once no suggestion is left to decide but those flagged
        for the curator); once applied, open the next article to do in the list (of those
        matching ``search``), wrapping around. ``accept_rest``: the suggestions left but
        those flagged accepted in the same command, as the read article's last key
        (docs/adr/0082)."""
        if self.article is None or self.article.id is None:
            return "No article is open."
        art_id = self.article.id
        open_items = sum(it.open for it in self.items)
        if open_items:
            return (
                f"{open_items} item{'s' if open_items > 1 else ''} still to adjudicate: "
                "{take_1}..{take_9} takes an annotator's version, {reject_item} rejects all."
            )
        left, parked = self._left - self._parked, self._parked
        if left and not accept_rest:  # done means every suggestion was decided: the
            return (  # report counts on it
                f"{left} suggestion{'s' if left > 1 else ''} still to decide: {{accept}} "
                "accepts, {reject} rejects, {accept_all} accepts all that are left, {finish} "
                "does that and marks it done, {flag} flags one for the curator."
            )
        cmd = (
            commands.finish(self.store, art_id)
            if accept_rest
            else commands.set_status(self.store, art_id, Status.DONE)
        )
        if cmd is None:
            return "This article is already done."
        if not parked:
            return Pending(cmd, lambda: replace(self._next_to_do(art_id, search), learn=True))
        said = f"Done, {parked} flagged left for the curator."

        def then() -> Delta:
            delta = self._next_to_do(art_id, search)
            return replace(delta, message=f"{said} {delta.message}".strip(), learn=True)

        return Pending(cmd, then)

    # -- adjudicating a gold corpus (docs/adr/0034) -------------------------------------------

    def take(self, number: int) -> Outcome:
        """Take annotator ``number``'s version of the current item; once applied, go on
        to the next open item (in this article, else the next one that has one)."""
        return self._adjudicate(lambda it: adjudicate.take(self.store, it, number))

    def reject_item(self) -> Outcome:
        """Reject every version of the current item; then on to the next open item."""
        return self._adjudicate(lambda it: adjudicate.reject_all(self.store, it))

    def own_item(self) -> Outcome:
        """Settle the current item as the curator's own (what they added or edited there
        stands); then on to the next open item."""
        return self._adjudicate(lambda it: adjudicate.own(self.store, it))

    def take_alone(self, number: int) -> Outcome:
        """Take annotator ``number``'s version of every open item of the corpus where only
        they marked something: one command, one undo step."""
        if not self.annotators:
            return "This corpus is no gold: `main.py curate` merges annotators' corpora."
        built = adjudicate.take_alone(self.store, number)
        return built if isinstance(built, str) else Pending(built)

    def next_item(self, step: int, at: int | None = None) -> Delta:
        """The next (+1) or previous (-1) open item after (before) the current one, or
        the text position ``at``, in this article or the next one that has one (in list
        order), around the corpus's end."""
        if self.article is None or self.article.id is None:
            return Delta()
        if not self.annotators:
            return Delta(message="This corpus is no gold: it has no items to adjudicate.")
        it = self.current_item
        here = (
            at if at is not None else it.span.start if it is not None else -1 if step > 0 else 2**62
        )
        found = curation.next_open(self.store, self.article.id, here, step)
        if found is None:  # around the end
            found = curation.next_open(self.store, -1 if step > 0 else 2**62, 0, step)
        if found is None:
            return Delta(message="No item is left to adjudicate.")
        art_id, item_id = found
        delta = Delta() if art_id == self.article.id else self.open(art_id)
        return _merge(delta, self.choose_item(item_id))

    def choose_item(self, item_id: int) -> Delta:
        """Make item ``item_id`` of the open article the current one: the token cursor to
        its start, its first gold attribution (if any) current."""
        row = next((i for i, it in enumerate(self.items) if it.id == item_id), None)
        if row is None:
            return Delta()
        self.item_index = row
        self._on_item = True
        span = self.items[row].span
        inside = next((i for i, a in enumerate(self.attrs) if a.quote.overlaps(span)), None)
        if inside is not None:
            self.index = inside
        if self.tokens:
            self.cursor = self.tokens.token_at(span.start)
        self.anchor = None
        return Delta(reveal=span.start, items=True)

    def _adjudicate(self, build: Callable[[Item], Command | str]) -> Outcome:
        it = self.current_item
        if it is None:
            return "No item to adjudicate here: go to the next one."
        built = build(it)
        if isinstance(built, str):
            return built
        return Pending(built, partial(self._after_item, it))

    def _after_item(self, settled: Item) -> Delta:
        """After an item was settled: the next open item after it, if any is left."""
        if self.article is None or self.article.id is None:
            return Delta()
        found = curation.next_open(self.store, settled.article_id, settled.span.start, +1)
        if found is None:
            found = curation.next_open(self.store, -1, 0, +1)
        if found is None:
            return Delta(message="Every item is adjudicated.")
        art_id, item_id = found
        if art_id == self.article.id:
            return self.choose_item(item_id)
        done = self.article.status is Status.DONE
        delta = _merge(self.open(art_id), self.choose_item(item_id))
        said = "Article adjudicated; on to the next one." if done else ""
        return replace(delta, message=said or delta.message)

    def _load_items(self, focus: int | None = None) -> None:
        """The open article's items, read again (a gold corpus only), the current one
        ``focus`` (an item id), else the one that was, else the first open one."""
        if self.article is None or self.article.id is None or not self.annotators:
            self.items, self.item_index = [], None
            return
        was = self.current_item.id if self.current_item is not None else None
        self.items = curation.items(self.store, self.article.id)
        ids = [it.id for it in self.items]
        for wanted in (focus, was):
            if wanted in ids:
                self.item_index = ids.index(wanted)
                return
        first = next((i for i, it in enumerate(self.items) if it.open), None)
        self.item_index = first if first is not None else (0 if self.items else None)

    # -- applying, undoing, redoing ----------------------------------------------------------

    def apply(self, edit: Pending) -> Delta:
        """Apply an edit a verb built (one transaction, onto the undo stack), then its
        follow-up."""
        if not edit.keeps_round:
            self._round = None  # another edit: M starts a new round
        cmd = edit.command
        try:
            self.stack.apply(cmd)
        except SpanError as exc:
            return Delta(message=self._reason(exc))
        except CorpusError as exc:
            return self._failed(exc)
        delta = self._absorb(cmd.article_id, cmd.changes, after=True)
        if edit.then is not None:
            delta = _merge(delta, edit.then())
        return replace(delta, message=delta.message or f"Saved: {cmd.label}.")

    def undo(self) -> Delta:
        return self._history(self.stack.undo, "Undone")

    def redo(self) -> Delta:
        return self._history(self.stack.redo, "Redone")

    def _history(self, fn: Callable[[], Command | None], verb: str) -> Delta:
        try:
            cmd = fn()
        except (CorpusError, SpanError) as exc:
            return self._failed(exc)
        if cmd is None:
            return Delta(message=f"Nothing to {verb[:-2].lower()}.")
        redo = verb == "Redone"
        delta = self._absorb(cmd.article_id, cmd.changes, after=redo)
        focus = self._index_of(_first_written(cmd.changes, redo))
        written = {c.id for c in cmd.changes if c.table == "curation_item"}
        reopened = next((it.id for it in self.items if it.open and it.id in written), None)
        if reopened is not None:  # an item open again (its choice undone): on it again
            delta = _merge(delta, self.choose_item(reopened))
        elif focus is not None:
            delta = _merge(delta, self.choose(focus))
        return replace(delta, message=f"{verb}: {cmd.label}.")

    # -- helpers ---------------------------------------------------------------------------

    def _known(self) -> Known | str:
        a = self.current
        if a is None or a.id is None or self.article is None or self.article.id is None:
            return "No attribution selected."
        return Known(self.article.id, a, self.article.status)

    def _edit(
        self,
        build: Callable[[Known], Command | None],
        target: str | None = None,
        then: Callable[[], Delta] | None = None,
    ) -> Outcome:
        known = self._known()
        if isinstance(known, str):
            return known
        try:
            cmd = build(known)
        except SpanError as exc:
            return self._reason(exc)
        if cmd is None:
            return "Nothing to change."
        if then is None and target is not None:
            then = partial(self._retarget, target)
        return Pending(cmd, then)

    def _decide(self, state: State) -> Outcome:
        return self._edit(lambda k: commands.set_state(self.store, k, state), then=self._advance)

    def _advance(self) -> Delta:
        """After accept or reject: the next suggestion after the current one."""
        if self.index is None:
            return Delta()
        attrs = self.attrs
        later = next(
            (i for i in range(self.index + 1, len(attrs)) if attrs[i].state is State.SUGGESTED),
            None,
        )
        if self.doubt_first:
            later = least_sure(attrs, self.index)
        if later is not None:
            return self.choose(later)
        if not self._left:
            return Delta(
                message="All suggestions in this article are decided: {done_next} marks it done."
            )
        return Delta()

    def _retarget(self, target: str) -> Delta:
        """After a speaker or cue was set: edit it next; the selection is used up."""
        self.target = target
        self.anchor = None
        return Delta()

    def _after_quote(self) -> Delta:
        """After a new quote: edit its speaker next, with the token cursor where its cue
        usually is: on the first word after a direct quote, on the word before an
        indirect one (its ``that`` aside)."""
        self.target = "speaker"
        self.anchor = None
        a = self.current
        if a is not None and self.tokens:
            if a.type is QuoteType.INDIRECT:
                i = self.tokens.token_at(a.quote.start) - 1
                while i > 0 and (self._word(i).lower() == "that" or not _is_word(self._word(i))):
                    i -= 1
            else:
                i = self.tokens.token_at(a.quote.end)
                while i + 1 < len(self.tokens) and not _is_word(self._word(i)):
                    i += 1
            self.cursor = max(i, 0)
        if a is not None and a.speaker is not None:
            return Delta(
                message=f"Quote added with its cue and speaker {excerpt(a.speaker_name or '')}: "
                "{cycle_speaker} for another candidate ({pick_speaker} lists them), "
                "{same_speaker} for the previous one."
            )
        return Delta(
            message="Quote added. Now select its speaker and press {label_speaker} "
            "(or {cycle_speaker} for candidates, {same_speaker} for the previous one)."
        )

    def _stay_at(self, index: int) -> Delta:
        """After a delete: the attribution that took the deleted one's place."""
        if not self.attrs:
            self.index = None
            return Delta(message="Deleted; no attributions left. {undo} brings it back.")
        delta = self.choose(min(index, len(self.attrs) - 1))
        return replace(delta, message="Deleted. {undo} brings it back.")

    def _next_to_do(self, art_id: int, search: str) -> Delta:
        found = self._neighbour(art_id, +1, search, todo_only=True)
        if found is None:
            return Delta(message="Every article is done. {export} exports the corpus.")
        return self.open(found)

    def _neighbour(self, art_id: int | None, step: int, search: str, todo_only: bool) -> int | None:
        """The store's neighbour in list order (index seeks), damaged articles skipped."""
        at = art_id if art_id is not None else 0 if step > 0 else 2**63 - 1
        damaged, seen = self.store.damaged_ids, {art_id}
        while True:
            found = self.store.neighbour(at, step, search=search, todo_only=todo_only)
            if found in seen:
                return None
            if found not in damaged:
                return found
            seen.add(found)
            at = found

    def _absorb(self, article_id: int | None, changes: list[Change], after: bool) -> Delta:
        """Take in the records a command (or its undo) wrote, without reading them again.
        A command over the corpus's speakers (no article of its own: a speaker renamed)
        also holds other articles' records: only the open article's are taken in."""
        if article_id is None:
            if self.article is None or self.article.id is None:
                return Delta(statuses=True)
            return replace(self._absorb(self.article.id, changes, after), statuses=True)
        if self.article is None or self.article.id != article_id:
            focus = next((c.id for c in changes if (c.after if after else c.before)), None)
            return replace(self.open(article_id, focus), statuses=True)
        changes = [c for c in changes if article_of(c) in (None, article_id)]
        statuses = self._take_status(changes, after)
        settled = [c.id for c in changes if c.table == "curation_item"]
        if settled:
            self._load_items(settled[0])
        keep = self.current
        placed = place(self.attrs, changes, after)
        self._recount(placed)
        self.attrs = placed.attrs
        self._refocus(placed, keep)
        shown = self.current if placed.new is not None else None  # a new one: scrolled to
        return Delta(
            rows=frozenset(c.id for c in changes if c.table == "attribution" and c.id is not None),
            reorder=placed.reorder,
            summary=self.summary(),
            statuses=statuses,
            reveal=shown.quote.start if shown is not None else None,
            items=bool(settled),
        )

    def _take_status(self, changes: list[Change], after: bool) -> bool:
        """Take in the open article's status, if the changes wrote it; whether they did."""
        assert self.article is not None
        written = False
        for c in changes:
            record = c.after if after else c.before
            if c.table in ("article", "article_flag") and c.id != self.article.id:
                written = written or c.table == "article"  # (a command over many articles)
                continue
            if c.table == "article":
                assert record is not None
                self.article.status = Status(record["status"])
                written = True
            elif c.table == "article_flag":
                self.article.flagged = record is not None
                self.article.comment = record["comment"] if record is not None else ""
        return written

    def _refocus(self, placed: Placed, keep: Attribution | None) -> None:
        """After attributions were placed: the current one is a new one, else the one
        that was current (``keep``, as written now), wherever it went."""
        shown = placed.came.get(placed.new) if placed.new is not None else None
        if shown is None and keep is not None:
            shown = placed.came.get(keep.id or 0, keep)
        found = position(self.attrs, shown.id, shown.quote) if shown is not None else None
        self.index = found if found is not None else self.index
        if self.index is not None and self.index >= len(self.attrs):
            self.index = len(self.attrs) - 1 if self.attrs else None

    def _recount(self, placed: Placed) -> None:
        """The tallies kept, with the records placed counted in and those they replaced out."""
        for a in placed.gone:
            self._count(a, -1)
        for a in placed.came.values():
            self._count(a, +1)

    def _count(self, a: Attribution, sign: int) -> None:
        """Count an attribution in (+1) or out (-1) of the tallies kept."""
        self._left += sign * (a.state is State.SUGGESTED)
        self._kept += sign * (a.state is not State.REJECTED)
        self._flagged += sign * a.flagged
        self._parked += sign * (a.flagged and a.state is State.SUGGESTED)
        if sign > 0:
            self._longest = max(self._longest, a.quote.end - a.quote.start)

    def _reason(self, exc: SpanError) -> str:
        """A refused edit, said with the words of the text where the rule names spans by
        their offsets ("Quote 192-254 overlaps ...")."""
        text = str(exc)
        if self.article is not None:
            body = self.article.text
            text = _OFFSETS.sub(lambda m: excerpt(body[int(m[1]) : int(m[2])]), text)
        return text[:1].upper() + text[1:] + "."

    def _failed(self, exc: Exception) -> Delta:
        """A change that was not saved: say why; reload if the data changed elsewhere."""
        if isinstance(exc, ConflictError) and self.article and self.article.id is not None:
            focus = self.current.id if self.current else None
            return replace(self.open(self.article.id, focus), error=str(exc), statuses=True)
        return Delta(error=str(exc))

    def _first_to_review(self) -> int | None:
        if not self.attrs:
            return None
        if self.doubt_first:
            return least_sure(self.attrs)
        return next((i for i, a in enumerate(self.attrs) if a.state is State.SUGGESTED), 0)

    def _index_of(self, attr_id: int | None) -> int | None:
        return next((i for i, a in enumerate(self.attrs) if a.id == attr_id), None)

    def _cursor_to_current(self) -> None:
        a = self.current
        if not self.tokens:
            self.cursor = None
            return
        span = (a.spans()[self.target] or a.quote) if a else None
        self.cursor = self.tokens.token_at(span.start if span else 0)

    def _reveal(self) -> int | None:
        a = self.current
        return a.quote.start if a else None

    def _body_text(self) -> str:
        """The open article's :meth:`~core.model.Article.body_text`, made once: what names
        are read from (``M``'s candidates, ``S``, the name box), never a headline's words."""
        if self._body is None:
            self._body = self.article.body_text() if self.article is not None else ""
        return self._body

    def _text(self, span: Span | None) -> str:
        """The open article's text at ``span`` (empty for none)."""
        if span is None or self.article is None:
            return ""
        return self.article.text[span.start : span.end]

    def _word(self, i: int) -> str:
        assert self.article is not None
        start, end = self.tokens[i]
        return self.article.text[start:end]

    def _paragraph(self) -> tuple[int, str] | None:
        """(offset, text) of the line holding the token cursor."""
        if self.article is None or self.cursor is None or not self.tokens:
            return None
        text = self.article.text
        pos = self.tokens[self.cursor][0]
        start = text.rfind("\n", 0, pos) + 1
        end = text.find("\n", pos)
        return start, text[start : end if end >= 0 else len(text)]

    def _after_that(self, span: Span) -> Span:
        """A selection for an indirect quote without the ``that`` it starts with (the
        annotation guide: the clause after the cue and an optional ``that``)."""
        first, last = self.tokens.covering(span.start, span.end)
        if first < last and self._word(first).lower() == "that":
            return Span(self.tokens[first + 1][0], span.end)
        return span

    def _select(self, span: Span) -> Delta:
        first, last = self.tokens.covering(span.start, span.end)
        if first > last:
            return Delta()
        self.anchor, self.cursor = first, last
        return Delta(reveal=span.start)


def _nobody(name: str) -> bool:
    """Whether a name the text gives is nobody's: a pronoun, or dates and a sentence's
    first words alone (``On Monday``, ``While``)."""
    words = _name_words(name)
    return is_pronoun(name) or all(w in CALENDAR or w in SENTENCE_OPENERS for w in words)


def _other_forms(shown: str, mention: str) -> list[str]:
    """Other forms of the name shown, where the suggester took the person right and the
    form wrong: without its first words, two words or more from a capitalised one (an
    owner or a title before the name: ``NORLAND'S Foreign Ministry`` -> ``Foreign
    Ministry``, ``Brigadier-General Ana Ruiz`` -> ``Ana Ruiz``), and with a determiner in
    lower case (``A Port spokeswoman`` -> ``a Port spokeswoman``); a body's name of
    capitalised words also without its last words (``New Jersey Manufacturers Insurance
    Company`` -> ``New Jersey Manufacturers Insurance``; ADR 90), never after an initial
    or a possessive; the mention so too, and the mention as written (a description is
    its own name: ``A spokesperson for the Port Authority``; ADR 68). The shorter forms
    longest first; not the name shown, nor nobody's (ADR 75)."""
    words = shown.split()
    shorter = [" ".join(words[i:]) for i in range(1, len(words) - 1) if words[i][:1].isupper()]
    if all(w[:1].isupper() for w in words) and not looks_like_person(shown):  # a body's
        shorter += [
            " ".join(words[:j])
            for j in range(2, len(words))
            if len(words[j - 1]) > 2 and not words[j - 1].endswith(_POSSESSIVE_ENDS)
        ]
    shorter.sort(key=len, reverse=True)
    forms = [*shorter, _as_named(shown), _as_named(mention), mention]
    return [f for f in dict.fromkeys(forms) if f and f != shown and not _nobody(f)]


_POSSESSIVE_ENDS = ("'s", "\u2019s", "'", "\u2019")


def _as_named(description: str) -> str:
    """A description as the guide names it: its determiner in lower case (``The
    spokesperson said`` -> ``the spokesperson``: case makes no new description); any
    other name or mention so too (:func:`_other_forms`)."""
    first, _, rest = description.partition(" ")
    return f"{first.lower()} {rest}" if rest and first.lower() in DETERMINERS else description


def _name_words(name: str) -> list[str]:
    """A name's words, in lower case, without the stops and commas around them."""
    return [w.strip(".,") for w in name.lower().split()]


#: Words after which a mention goes on past its name (``Judith Kiejda from the Nurses
#: Association``, ``Dean Annemie Schols of the faculty``, ``Ana Ruiz, who``).
_PAST_THE_NAME = frozenset({"of", "from", "at", "for", "in", "with", "on", "to", "who", "and"})


def _head_as_written(mention: str) -> str | None:
    """The last word of a speaker mention's name part, before a comma or a word of
    :data:`_PAST_THE_NAME`, as written but for the stops and commas around it; None when
    there is none."""
    words = [w.strip(".,") for w in mention.split(",")[0].split()]
    words = list(takewhile(lambda w: w.lower() not in _PAST_THE_NAME, words))
    return words[-1] if words else None


def _head_word(mention: str) -> str | None:
    """:func:`_head_as_written`, in lower case."""
    head = _head_as_written(mention)
    return head.lower() if head is not None else None


def _is_word(token: str) -> bool:
    return any(ch.isalnum() for ch in token)


def _first_written(changes: list[Change], after: bool) -> int | None:
    """The first attribution a command (``after``) or its undo writes a record of, in
    the order it writes them (an undo, in reverse): the one it shows."""
    if after:
        return next((c.id for c in changes if c.table == "attribution" and c.after), None)
    return next((c.id for c in reversed(changes) if c.table == "attribution" and c.before), None)


def _merge(first: Delta, then: Delta) -> Delta:
    """A delta followed by another: the union of what to redraw, the later place."""
    return Delta(
        article=first.article or then.article,
        rows=first.rows | then.rows,
        reorder=first.reorder or then.reorder,
        summary=then.summary or first.summary,
        earlier=first.earlier
        + then.earlier
        + tuple(s for s in (first.summary,) if s and then.summary and s.id != then.summary.id),
        statuses=first.statuses or then.statuses,
        reveal=then.reveal if then.reveal is not None else first.reveal,
        message=then.message or first.message,
        error=then.error or first.error,
        items=first.items or then.items,
        learn=first.learn or then.learn,
    )
