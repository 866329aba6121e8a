"""From an imported article to its gold by keys only, on a real window: each key chosen
from what the window shows, whatever the suggester proposed. One strategy for the test
that holds the sample to its key budget (tests/gui/test_review_flow.py) and for the
bench that counts keys per attribution (bench/speakers.py).

Per suggestion, in text order: reject it (X) if it overlaps no gold quote left; else
move its edges to the gold's (a token at a time, or the token cursor there and { or }
when farther than a few tokens), give it the gold's speaker mention (P
when the attribution before has it, else M for the first candidate, L and a digit for
one of the next eight (ADR 89), else Tab and its edges where the speaker it has
overlaps the gold's and a few keys reach it (ADR 91), else L and Esc (the list looked
at) and select it
with the token cursor, moved by F and the mention's first letters when far, and S),
the gold's speaker name (E, and type it until the completion list offers it), cue and
type, and accept it (A); once every suggestion left is right as it stands (the one just
fixed too), Shift+A accepts them all. Then each gold quote nothing found is added with
the token cursor (I for the text between quotation marks, ")", O or Shift+O when the rest of its
sentence, its sentence or its clause is it, else V and Shift+Right, or F and the first
letters of its last word when that is fewer keys) and Q, and
fixed the same way; D marks the article done. Gold is the text-based gold JSON
(tests/data/*.gold.json): quotes, speakers and cues as strings. Each key is counted
under what it was for (``Driver.spent``: accept, reject, edges, speaker, name, cue,
type, add: a missed quote with all its parts, done). ``one_by_one``: the strategy
without Shift+A, an A for each suggestion (bench/speakers.py's per-item figure).
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QKeySequence
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialog, QInputDialog, QLineEdit, QWidget

from core.measure.evaluate import find_quote, trim
from core.model import Attribution, Span, SpanError, State
from core.review.session import TARGETS
from core.review.speakers import cue_words
from core.suggest.names import name_in_article

TYPE_KEYS = {"direct": "1", "mixed": "2", "indirect": "3"}
EDGE_STEPS = 60  # edge moves before giving up on a quote's boundaries
FAR_EDGE = 6  # tokens: an edge farther than this goes to the token cursor ({, })
CANDIDATES = 3  # W presses before selecting the cue by hand
PICKED = 9  # the candidates L lists with a digit each
DOWNS = 3  # the rows of the name box's list, at most, a name is taken from by Down
SPEAKER_EDGES = 5  # Tab and edge keys, at most, to make the speaker the gold's mention
NEXTS = 3  # N presses after F's letters, at most, to reach the place sought
FAR = 200  # characters: farther than this, the cursor goes a line at a time


def press(window: Any, *keys: str) -> None:
    """Type key sequences (as in the keymap: "J", "Shift+A", "Ctrl+Z") at the window."""
    for k in keys:
        if len(k) == 1:  # a typed character, as the keyboard sends it ("?" is Shift+/)
            QTest.keyClick(window.view, k)
        else:
            QTest.keySequence(window.view, QKeySequence(k))


def type_into(edit: QLineEdit, text: str) -> None:
    """Type ``text`` into a line edit, a key a character (one QTest cannot send, such
    as a curly quote, is put in as an input method would)."""
    for ch in text:
        if ch.isascii() and ch.isprintable():
            QTest.keyClicks(edit, ch)
        else:
            edit.insert(ch)


def when_modal(kind: type, act: Callable[[Any], None]) -> list[Any]:
    """Once a modal dialog of type ``kind`` is up, call ``act(dialog)`` (polled: the
    dialog's exec() blocks the caller until it closes). Returns what was seen."""
    seen: list[Any] = []
    poll = QTimer()

    def check() -> None:
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, kind):
            poll.stop()
            seen.append(dialog)
            act(dialog)

    poll.timeout.connect(check)
    poll.start(10)
    seen.append(poll)  # keep the timer alive; seen[0]
    return seen


@dataclass
class GoldQuote:
    """One gold attribution with its quote's place in the article's text."""

    quote: Span
    speaker: str
    names: tuple[str, ...]  # the speaker mention as written, then the alternatives
    speaker_name: str
    cue: str
    type: str
    optional: bool


def read_gold(path: Path, text: str) -> list[GoldQuote]:
    """The gold quotes of a text-based gold JSON, each found in ``text`` as the scorer
    finds it (:func:`core.measure.evaluate.find_quote`)."""
    out: list[GoldQuote] = []
    after = 0
    for g in json.loads(path.read_text(encoding="utf-8"))["quotes"]:
        marked = g["type"] in ("direct", "mixed")
        at = find_quote(text, g["quote"], after, (), [q.quote for q in out], marked)
        assert at is not None, f"{g['quote']!r} is not in the text"
        after = at.start
        out.append(
            GoldQuote(
                at,
                g["speaker"],
                (g["speaker"], *g.get("alt_speakers", [])),
                g.get("speaker_name") or g["speaker"],
                g["cue"],
                g["type"],
                bool(g.get("optional")),
            )
        )
    return out


@dataclass
class Driver:
    """Presses keys at a window and keeps them, in order."""

    window: Any
    pressed: list[str] = field(default_factory=list)
    spent: Counter[str] = field(default_factory=Counter)  # keys by what they were for
    what: str | None = None  # what the keys pressed now are for
    quotes: list[Span] = field(default_factory=list)  # the gold's quotes
    required: list[Span] = field(default_factory=list)  # those not optional: all will stand

    @contextmanager
    def doing(self, what: str) -> Iterator[None]:
        """Count the keys pressed inside under ``what``; inside another ``doing``, under
        that one's (a missed quote's speaker is part of adding it)."""
        if self.what is not None:
            yield
            return
        self.what, before = what, len(self.pressed)
        try:
            yield
        finally:
            self.spent[what] += len(self.pressed) - before
            self.what = None

    @property
    def s(self) -> Any:
        return self.window.session

    @property
    def text(self) -> str:
        return str(self.s.article.text)

    def key(self, k: str) -> None:
        press(self.window, k)
        self.pressed.append(k)

    def type_name(self, name: str) -> None:
        """E, then ``name`` from the list the box opens with (Down to it and one Enter),
        or the first letters of one of its words (the list keeps the names holding them)
        and Down to it among the first ``DOWNS`` of them and one Enter, whichever is fewer
        keys (:func:`cheapest_part`); else all of it over the name shown and Enter."""
        typed: list[str] = []

        def down_to(popup: QWidget, row: int) -> None:
            for _ in range(row + 1):
                QTest.keyClick(popup, Qt.Key.Key_Down)
                typed.append("Down")
            QTest.keyClick(popup, Qt.Key.Key_Return)

        def fill(dialog: QInputDialog) -> None:
            edit = dialog.findChild(QLineEdit)
            completer = edit.completer()
            popup = completer.popup()
            while not popup.isVisible():  # the box lists its names once it is shown
                QApplication.processEvents()
            offered = completer.model().stringList()
            found = cheapest_part(name, offered)
            part, row = found if found else (name, None)
            if name in offered and offered.index(name) < len(part) + (row or 0):
                return down_to(popup, offered.index(name))
            for ch in part:
                type_into(edit, ch)
                typed.append(ch)
            if row is not None and popup.isVisible():
                assert completer.completionModel().index(row, 0).data() == name
                return down_to(popup, row)
            if typed != list(name):  # (the list did not offer it: the whole name)
                QTest.keyClick(edit, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
                typed.append("Ctrl+A")
                type_into(edit, name)
                typed.extend(name)
            QTest.keyClick(edit, Qt.Key.Key_Return)

        self.in_dialog("E", fill)
        self.pressed += [*typed, "Enter"]

    def in_dialog(self, key: str, fill: Callable[[Any], None], kind: type = QInputDialog) -> None:
        """Press ``key``, let ``fill`` type into the box (of ``kind``) it opens, and wait
        until the window has the keyboard again."""
        when_modal(kind, fill)
        self.key(key)
        view = self.window.view
        for _ in range(100_000):
            if QApplication.activeModalWidget() is None and view.hasFocus():
                return
            QApplication.processEvents()
        raise AssertionError("the window did not get the keyboard back")

    def finding(self, pos: int) -> tuple[str, int] | None:
        """The fewest keys that take the token cursor to ``pos`` from where it is by F:
        the first letters of the text there and the N presses after them (at most
        ``NEXTS``: the same words may be written before it); tried on the session, then
        put back. None when a dozen letters do not."""
        s = self.s
        cursor, sought = s.cursor, s.sought
        best: tuple[str, int] | None = None
        try:
            for k in range(1, 13):
                if "\n" in self.text[pos : pos + k]:  # (a box takes one line)
                    break
                if best is not None and k + 1 > len(best[0]) + best[1]:
                    break
                s.cursor = cursor
                for nexts in range(NEXTS + 1):
                    s.find(self.text[pos : pos + k])
                    if s.cursor is not None and s.tokens[s.cursor][0] == pos:
                        if best is None or k + nexts < len(best[0]) + best[1]:
                            best = (self.text[pos : pos + k], nexts)
                        break
            return best
        finally:
            s.cursor, s.sought = cursor, sought

    def find(self, how: tuple[str, int]) -> None:
        """F, the letters and Enter, then N as often as :meth:`finding` said."""
        needle, nexts = how

        def fill(dialog: QInputDialog) -> None:
            edit = dialog.findChild(QLineEdit)
            edit.selectAll()  # (the last words sought are shown selected)
            type_into(edit, needle)
            QTest.keyClick(edit, Qt.Key.Key_Return)

        self.in_dialog("F", fill)
        self.pressed += [*needle, "Enter"]
        for _ in range(nexts):
            self.key("N")

    def target(self, kind: str) -> None:
        while self.s.target != kind:
            self.key("Tab")

    def cursor_to(self, pos: int) -> None:
        """The token cursor onto the token starting at ``pos``, from the current item:
        F and its first letters when that is fewer keys than a token or a line at a
        time."""
        self.key("G" if self.s.current is not None else "Right")
        s = self.s
        how = self.finding(pos)
        if how is not None and abs(s.tokens.token_at(pos) - s.cursor) > len(how[0]) + 2 + how[1]:
            self.find(how)
        line = True
        for _ in range(2000):
            at = self.s.tokens[self.s.cursor][0]
            if at == pos:
                return
            was = self.s.cursor
            far = abs(pos - at) > FAR and line
            if at < pos:
                self.key("Down" if far else "Right")
            else:
                self.key("Up" if far else "Left")
            if self.s.cursor == was:
                if not far:
                    raise AssertionError(f"the token cursor cannot reach {pos}")
                line = False  # Up at a paragraph's first line stays put: go on by tokens
            else:
                line = True
        raise AssertionError(f"the token cursor did not reach {pos}")

    def select(self, span: Span, quotation: bool = False) -> None:
        """Select ``span`` with the token cursor: '"' when one or two presses select it
        as the next quotation no attribution holds, else I when the text between
        quotation marks is it, else the key that selects it from the cursor to its
        sentence's end, or its sentence or clause (``)``, ``O``, ``Shift+O``), else V and
        Shift+Right to its last token (F and its first letters first, when fewer keys). A
        span that starts inside a token (``says,"and``: no space after the mark) starts at
        the next one, as near as tokens go."""
        if quotation and self.by_quotation(span):
            return None
        if not quotation and self.by_report(span):
            return None
        tokens = self.s.tokens
        first = tokens.token_at(span.start)
        if tokens[first][0] < span.start and first + 1 < len(tokens):
            first += 1
        self.cursor_to(tokens[first][0])
        if quotation:
            self.key("I")
            got = self.s.selection()
            if got is not None and trim(self.text, got) == trim(self.text, span):
                return
            self.key("Esc")
            if self.s.cursor != first:  # (I took the cursor to other marks' end)
                self.cursor_to(tokens[first][0])
        key = self.by_sentence(span)
        if key is not None:
            return self.key(key)
        self.key("V")
        last = self.s.tokens.token_at(span.end - 1)
        how = self.finding(self.s.tokens[last][0])
        if how is not None and last - self.s.cursor > len(how[0]) + 2 + how[1]:
            self.find(how)  # the selection follows the cursor
        while self.s.selection().end < span.end:
            self.key("Shift+Right")
        return None

    def by_quotation(self, span: Span) -> bool:
        """'"' pressed once or twice, if that selects ``span`` (tried on the session,
        then put back)."""
        return self.by_next(span, '"', self.s.select_next_quotation)

    def by_report(self, span: Span) -> bool:
        """ "'" pressed once or twice, if that selects ``span``: what the next word of
        saying no attribution holds reports (tried on the session, then put back)."""
        return self.by_next(span, "'", self.s.select_next_report)

    def by_next(self, span: Span, key: str, select: Callable[[], object]) -> bool:
        """``key`` pressed once or twice, if ``select`` (what it calls) so selects
        ``span`` (tried on the session, then put back)."""
        s = self.s
        anchor, cursor = s.anchor, s.cursor
        want = trim(self.text, span)
        presses = 0
        try:
            while presses < 2:
                select()
                presses += 1
                got = s.selection()
                if got is not None and trim(self.text, got) == want:
                    break
            else:
                return False
        finally:
            s.anchor, s.cursor = anchor, cursor
        for _ in range(presses):
            self.key(key)
        return True

    def by_sentence(self, span: Span) -> str | None:
        """The key that selects ``span`` from the token cursor as part of a sentence, if
        one does (tried on the session, then put back)."""
        s = self.s
        anchor, cursor = s.anchor, s.cursor
        want = trim(self.text, span)
        try:
            for key, how in ((")", {"part": 1}), ("O", {}), ("Shift+O", {"clause": True})):
                s.anchor, s.cursor = anchor, cursor
                s.select_sentence(**how)
                got = s.selection()
                if got is not None and trim(self.text, got) == want:
                    return key
            return None
        finally:
            s.anchor, s.cursor = anchor, cursor

    def near(self, needle: str, quote: Span) -> Span:
        """The place of ``needle`` nearest the quote, outside it and the gold's other
        quotes (those not added yet too)."""
        places, i = [], self.text.find(needle)
        while i >= 0:
            places.append(Span(i, i + len(needle)))
            i = self.text.find(needle, i + 1)
        places = (
            [p for p in places if not any(p.overlaps(q) for q in [quote, *self.quotes])]
            or [p for p in places if not p.overlaps(quote)]
            or places
        )
        return min(places, key=lambda p: min(abs(p.start - quote.end), abs(quote.start - p.end)))

    def in_another(self, span: Span | None, g: GoldQuote) -> bool:
        """Whether ``span`` lies in one of the gold's required quotes other than ``g``'s
        (an optional one may never be added)."""
        return span is not None and any(span.overlaps(q) for q in self.required if q != g.quote)

    def said(self, span: Span | None) -> str | None:
        return self.text[span.start : span.end] if span else None

    def speaks(self, span: Span | None, g: GoldQuote) -> bool:
        """Whether ``span`` is a mention of ``g``'s speaker: its words, outside every gold
        quote where the gold's speaker is outside them (the same words inside another
        quote are no speaker, and block it)."""
        if span is None or self.said(span) not in g.names:
            return False

        def inside(p: Span) -> bool:
            return any(p.overlaps(q) for q in self.quotes)

        return not inside(span) or inside(self.near(g.speaker, g.quote))

    def right(self, a: Attribution, g: GoldQuote) -> bool:
        """Whether ``a`` is ``g`` as it stands: :meth:`fix` would press no key for it."""
        t = self.text
        return (
            trim(t, a.quote) == trim(t, g.quote)
            and (
                not g.speaker
                or self.speaks(a.speaker, g)
                and (a.speaker_name or "").strip() == g.speaker_name.strip()
            )
            and (self.said(a.cue) == g.cue if g.cue else a.cue is None)
            and a.type.value == g.type
        )

    def fix(self, g: GoldQuote) -> None:
        """The current attribution to ``g``: edges, speaker, name, cue, type."""
        t = self.text
        want, seen = trim(t, g.quote), set()
        with self.doing("edges"):
            self.mark_edge(want)
            self.far_edges(want)
            for _ in range(EDGE_STEPS):
                q = trim(t, self.s.current.quote)
                if q == want or self.s.current.quote in seen:  # there, or as near as tokens go
                    break
                seen.add(self.s.current.quote)  # (a key that moves an edge past a full stop
                # alone leaves the trimmed quote as it was)
                self.target("quote")
                if q.start != want.start:
                    self.key("]" if q.start < want.start else "[")
                else:
                    self.key("." if q.end < want.end else ",")
        if g.speaker and not self.speaks(self.s.current.speaker, g):
            with self.doing("speaker"):
                self.speaker(g)
        if g.speaker and (self.s.current.speaker_name or "").strip() != g.speaker_name.strip():
            with self.doing("name"):
                self.type_name(g.speaker_name)
        cue = self.said(self.s.current.cue)
        with self.doing("cue"):
            if not g.cue and cue is not None:
                self.target("cue")
                self.key("Delete")
            elif g.cue and (cue != g.cue or self.in_another(self.s.current.cue, g)):
                self.cue(g)  # (also the cue's words inside another gold quote: no quote can
                # hold another's cue, so it would block that quote)
        if self.s.current.type.value != g.type:
            with self.doing("type"):
                self.key(TYPE_KEYS[g.type])

    def mark_edge(self, want: Span) -> None:
        """The current quote's end to ``want``'s by ``>`` or ``<`` (to the next clause
        mark, or the last one inside it), where fewer of them reach it than the keys a
        token or the token cursor's move (``FAR_EDGE``) would take."""
        s, tokens = self.s, self.s.tokens
        q = trim(self.text, s.current.quote)
        first, at = tokens.covering(q.start, q.end)
        there = tokens.token_at(want.end - 1)
        for step, key in ((+1, ">"), (-1, "<")):
            k, presses = at, 0  # (a far edge: F, letters, Enter and } are 5 keys at least)
            while k is not None and presses < (
                abs(at - there) if abs(at - there) <= FAR_EDGE else 4
            ):
                k, presses = s.clause_end(first, k, step), presses + 1
                if k == there and not self.blocked(Span(q.start, tokens[there][1])):
                    self.target("quote")
                    for _ in range(presses):
                        self.key(key)
                    return

    def blocked(self, quote: Span) -> bool:
        """Whether the current quote cannot be ``quote``: the span rules refuse it (what
        the store checks every edit with), as another quote standing there."""
        s = self.s
        assert s.article is not None and s.article.id is not None
        try:
            s.store.check_spans(s.article.id, s.current.with_(quote=quote))
        except SpanError:
            return True
        return False

    def far_edges(self, want: Span) -> None:
        """An edge of the current quote more than ``FAR_EDGE`` tokens from ``want``'s: the
        token cursor there and ``{`` (start) or ``}`` (end)."""
        tokens = self.s.tokens
        for edge, key in (("start", "{"), ("end", "}")):
            q = trim(self.text, self.s.current.quote)
            if edge == "start":
                at, there = tokens.token_at(q.start), tokens.token_at(want.start)
            else:
                at, there = tokens.token_at(q.end - 1), tokens.token_at(want.end - 1)
            if abs(at - there) > FAR_EDGE:
                self.target("quote")
                self.cursor_to(tokens[there][0])
                self.key(key)

    def speaker(self, g: GoldQuote) -> None:
        s = self.s
        before = [a for a in s.attrs[: s.index] if a.speaker is not None]
        if before and self.speaks(before[-1].speaker, g):
            return self.key("P")
        listed = [self.speaks(c.span, g) for c in s.speaker_options()[:PICKED]]
        if listed[:1] == [True]:
            return self.key("M")
        if True in listed:  # L and its digit (ADR 89)
            digit = str(listed.index(True) + 1)
            self.in_dialog("L", lambda d: QTest.keyClick(d.list, digit), QDialog)
            self.pressed.append(digit)
            return None
        want = self.near(g.speaker, g.quote)
        if self.speaker_edges(want, g.speaker_name):
            return None
        if listed:  # the list looked at, and closed: the mention is not among them
            self.in_dialog("L", lambda d: QTest.keyClick(d.list, Qt.Key.Key_Escape), QDialog)
            self.pressed.append("Esc")
        self.select(want)
        return self.key("S")

    def speaker_edges(self, want: Span, name: str) -> bool:
        """The speaker it has to ``want`` by its edges, a token a key after Tab to it, where
        the two overlap and that is at most ``SPEAKER_EDGES`` keys (``Attorney General Jo
        Roe SC`` -> ``Attorney General Jo Roe``: ADR 91), but where S would name the
        mention the gold's ``name`` and the name it has is another (an edge keeps the
        name); whether it got there."""
        s = self.s
        now = s.current.speaker
        if now is None or not now.overlaps(want):
            return False
        if s.current.speaker_name != name:
            art = s.article
            by_s = name_in_article(self.said(want), s.attrs, want.start, s.current, art.body_text())
            if by_s == name:
                return False
        at = s.tokens.token_at
        if (s.tokens[at(want.start)][0], s.tokens[at(want.end - 1)][1]) != (want.start, want.end):
            return False  # (edges go a whole token at a time)
        steps = abs(at(now.start) - at(want.start)) + abs(at(now.end - 1) - at(want.end - 1))
        tabs = (TARGETS.index("speaker") - TARGETS.index(s.target)) % len(TARGETS)
        if tabs + steps > SPEAKER_EDGES:
            return False
        self.target("speaker")
        for _ in range(steps):
            now = s.current.speaker
            if now.start != want.start:
                self.key("]" if now.start < want.start else "[")
            elif now.end != want.end:
                self.key("." if now.end < want.end else ",")
        return s.current.speaker == want

    def cue(self, g: GoldQuote) -> None:
        """The gold's cue: W while its words come within a few presses (a user sees
        where each goes), else its place selected and C."""
        s = self.s
        want = self.near(g.cue, g.quote)
        options = cue_words(self.text, s.tokens, s.current.quote)
        if want in options:  # (W from a cue not among them goes to the first)
            to = options.index(want)
            now = s.current.cue
            presses = (to - options.index(now)) % len(options) if now in options else to + 1
            if presses <= CANDIDATES:
                for _ in range(presses):
                    self.key("W")
                return
        self.select(want)
        self.key("C")

    def add(self, g: GoldQuote) -> None:
        """A gold quote nothing found, added with the token cursor and fixed."""
        with self.doing("add"):
            self.select(g.quote, quotation=g.type != "indirect")
            before = len(self.s.attrs)
            self.key("Q")
            if len(self.s.attrs) == before:  # refused: it overlaps a quote
                raise AssertionError(f"Q added no quote at {self.said(g.quote)!r}")
            self.fix(g)


def cheapest_part(name: str, offered: list[str]) -> tuple[str, int] | None:
    """The first letters of one of ``name``'s words, and ``name``'s row among the names
    of ``offered`` holding them (case aside, as the name box's list shows them), that
    cost the fewest keys (letters and ``row + 1`` Downs), ``name`` among the first
    ``DOWNS`` of them; None when no such letters are fewer than the whole name."""
    starts = [i for i in range(len(name)) if name[i].isalnum() and (i == 0 or name[i - 1] == " ")]
    best: tuple[str, int] | None = None
    for k in range(1, len(name) + 1):
        if best is not None and k >= len(best[0]) + best[1]:
            break
        for i in starts:
            part = name[i : i + k]
            holding = [n for n in offered if part.lower() in n.lower()][:DOWNS]
            if len(part) == k and name in holding:
                cost = k + holding.index(name)
                if best is None or cost < len(best[0]) + best[1]:
                    best = (part, holding.index(name))
    return best


def matching(text: str, a: Attribution, gold: list[GoldQuote], used: set[int]) -> int | None:
    """The gold quote left (not in ``used``) that a suggestion's quote overlaps most, a
    required one before an optional one (a suggestion over an optional quote that holds a
    required one is made that one: kept as the optional one, it would leave the required
    one no room, as no two quotes overlap)."""
    q = trim(text, a.quote)
    overlap = [
        (not g.optional, min(q.end, g.quote.end) - max(q.start, g.quote.start), i)
        for i, g in enumerate(gold)
        if i not in used and q.overlaps(g.quote)
    ]
    return max(overlap)[2] if overlap else None


def all_left_right(
    d: Driver, gold: list[GoldQuote], used: set[int], fixed: int | None
) -> set[int] | None:
    """The gold quotes of the suggestions left when every one of them is right as it
    stands, matched as they come (the current one to gold ``fixed`` when it was just
    fixed): so Shift+A does what an A for each would. None when one is not, or while a
    suggestion before the current one is left (the A of text order never comes back
    to it)."""
    s = d.s
    left = [a for a in s.attrs if a.state is State.SUGGESTED]
    if not left or any(a.state is State.SUGGESTED for a in s.attrs[: s.index]):
        return None
    taken = set(used)
    for a in left:
        i = (
            fixed
            if fixed is not None and a.id == s.current.id
            else matching(d.text, a, gold, taken)
        )
        if i is None or not d.right(a, gold[i]):
            return None
        taken.add(i)
    return taken


def to_gold(
    window: Any,
    gold: list[GoldQuote],
    spent: Counter[str] | None = None,
    one_by_one: bool = False,
) -> list[str]:
    """Press the keys that turn the open article's suggestions into ``gold``, then D,
    or Ctrl+Return where the suggestions left are all right (it accepts them: no
    Shift+A then); the keys pressed, in order (and, into ``spent``, counted by what they
    were for). ``one_by_one``: an A for each suggestion, then D."""
    d = Driver(
        window,
        spent=Counter() if spent is None else spent,
        quotes=[g.quote for g in gold],
        required=[g.quote for g in gold if not g.optional],
    )
    s, t = d.s, d.text
    used: set[int] = set()
    fixed: int | None = None
    while s.current is not None and s.current.state is State.SUGGESTED:
        right = None if one_by_one else all_left_right(d, gold, used, fixed)
        if right is not None:
            used |= right
            break
        if fixed is not None:
            fixed = None
            with d.doing("accept"):
                d.key("A")
            continue
        i = matching(t, s.current, gold, used)
        if i is None:
            with d.doing("reject"):
                d.key("X")
            continue
        used.add(i)
        d.fix(gold[i])
        fixed = i
    for i, g in enumerate(gold):
        if i not in used and not g.optional:
            d.add(g)
    with d.doing("done"):
        d.key("Ctrl+Return" if any(a.state is State.SUGGESTED for a in s.attrs) else "D")
    return d.pressed
