"""The article text, read-only, with QUOTE, SPEAKER and CUE spans painted over it.

Plain text only (article text is never rendered as rich text). Spans are painted as
formats of the paragraphs (text blocks) they lie in, as a syntax highlighter does
(docs/adr/0020-spans-as-block-formats.md): text and spans are drawn in one pass, and a
key lays out again and repaints only the paragraphs whose spans changed."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from PySide6.QtCore import QPoint, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QResizeEvent,
    QTextBlock,
    QTextCharFormat,
    QTextCursor,
    QTextLayout,
)
from PySide6.QtWidgets import QPlainTextEdit, QWidget

from core.corpus.curation import Item
from core.model import Article, Attribution, Span, State
from core.review.session import ReviewSession
from gui.settings import settings as app_settings

#: Colours per label: (suggested, accepted, current). Rejected spans are grey, struck out.
COLOURS = {
    "quote": ("#fff3b0", "#c8f0c0", "#ffd23f"),
    "speaker": ("#d6e6ff", "#9cc3ff", "#4f9bff"),
    "cue": ("#ffe0c2", "#ffc08a", "#ff9640"),
}
#: Each annotator's colour in a gold corpus (docs/adr/0037), by number (1-9): the
#: underline of the parts of an item only some annotators marked, and their names in the
#: item's table (its legend).
ANNOTATOR_COLOURS = (
    "#d81b60",
    "#1e88e5",
    "#2e7d32",
    "#f57c00",
    "#8e24aa",
    "#00838f",
    "#6d4c41",
    "#3949ab",
    "#9e9d24",
)
CURSOR_COLOUR = "#d9c2ff"
SELECTION_COLOUR = "#7fb2ff"
CURRENT_OUTLINE = "#b00020"
USUAL_SIZE = 11  # points
_ASTRAL = re.compile("[\U00010000-\U0010ffff]")
#: Qt lays out a line with no place to break it in time quadratic in its length (400,000
#: characters without a space: 95 s, and as long again for each key). The view shows a
#: zero-width space after each run of this many non-space characters that goes on, so a
#: line breaks there; the article's text is not changed.
BREAK_EVERY = 64
_UNBROKEN = re.compile(rf"\S{{{BREAK_EVERY}}}(?=\S)")


@dataclass(frozen=True)
class Paint:
    span: Span
    fmt: QTextCharFormat


def _fmt(background: str | None = None) -> QTextCharFormat:
    f = QTextCharFormat()
    if background:
        f.setBackground(QColor(background))
    return f


@lru_cache(maxsize=64)
def span_format(kind: str, state: State, current: bool, target: bool) -> QTextCharFormat:
    """The look of one span; a handful of formats, built once each."""
    suggested, accepted, strong = COLOURS[kind]
    if state is State.REJECTED:
        f = _fmt("#eeeeee")
        f.setFontStrikeOut(True)
        f.setForeground(QColor("#888888"))
    else:
        f = _fmt(strong if current else accepted if state is State.ACCEPTED else suggested)
        if state is State.SUGGESTED:
            f.setUnderlineStyle(QTextCharFormat.UnderlineStyle.DotLine)
    if current:
        # quote, speaker and cue of the current attribution share one red underline
        f.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SingleUnderline)
        f.setUnderlineColor(QColor(CURRENT_OUTLINE))
        if target:  # a wavy line (a format that changed the font would move the text)
            f.setUnderlineStyle(QTextCharFormat.UnderlineStyle.WaveUnderline)
    return f


def attribution_paints(a: Attribution, current: bool, target: str | None) -> list[Paint]:
    return [
        Paint(span, span_format(kind, a.state, current, kind == target))
        for kind, span in a.spans().items()
        if span is not None
    ]


@lru_cache(maxsize=256)
def version_format(
    kind: str, who: tuple[int, ...], everyone: int, current: bool
) -> QTextCharFormat:
    """The look of a part of an item's versions that annotators ``who`` (numbers) marked
    as ``kind``, of ``everyone`` who had the article: the kind's colour (strong in the
    current item); where not all marked it, the kind's light colour and the words and an
    underline in the colour of the first who did (a line of dashes when more than one
    did): where the versions differ is seen at a glance."""
    suggested, _, strong = COLOURS[kind]
    if len(who) == everyone:
        return _fmt(strong if current else suggested)
    f = _fmt(suggested)
    colour = QColor(ANNOTATOR_COLOURS[(who[0] - 1) % len(ANNOTATOR_COLOURS)])
    f.setForeground(colour)
    f.setUnderlineColor(colour)
    f.setUnderlineStyle(
        QTextCharFormat.UnderlineStyle.SingleUnderline
        if len(who) == 1
        else QTextCharFormat.UnderlineStyle.DashUnderline
    )
    return f


def version_paints(item: Item, current: bool) -> list[Paint]:
    """An item's versions painted in the text: each piece between the edges of their
    quotes, speakers and cues, with who marked it (:func:`version_format`)."""
    paints = []
    for kind in ("quote", "speaker", "cue"):
        marks = [
            (span, n)
            for n, versions in item.versions.items()
            for a in versions
            if (span := a.spans()[kind]) is not None
        ]
        edges = sorted({e for span, _ in marks for e in (span.start, span.end)})
        for lo, hi in zip(edges, edges[1:], strict=False):
            who = tuple(sorted({n for span, n in marks if span.start <= lo and hi <= span.end}))
            if who:
                fmt = version_format(kind, who, len(item.versions), current)
                paints.append(Paint(Span(lo, hi), fmt))
    return paints


class ArticleView(QPlainTextEdit):
    """Shows one article. Keyboard input goes to the window's actions; the mouse may
    select text, which the label keys then snap to tokens.

    Signals:
    resized(): the visible part of the text may have changed.
    """

    resized = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setReadOnly(True)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.document().setDocumentMargin(16)
        self._wide: list[int] = []  # code points that take two positions in Qt's document
        self.shown: Article | None = None  # the article whose text the view holds
        self._painted: dict[int, list[Range]] = {}  # block number -> its spans' formats

    def say_when_empty(self, text: str) -> None:
        """The text shown while there is no article (Qt repaints only part of it)."""
        self.setPlaceholderText(text)
        self.viewport().update()

    def show_text(self, article: Article | None) -> None:
        """Show an article's text (None: nothing). Replacing the text scrolls and may
        resize the view, which asks for spans to be painted: until the new text is in,
        there is no article to paint them on (not the old one's, not the new one's)."""
        self.shown = None
        self._painted = {}  # new text, new blocks: none holds a format of ours
        if article is None:
            self.setPlainText("")
            return
        text, non_body = article.text, article.non_body
        # Qt counts UTF-16 units, core counts code points: characters beyond U+FFFF
        # (emoji) take two units, so positions after them shift; so do those after a
        # zero-width space shown to break a long run of characters (BREAK_EVERY).
        breaks = [m.end() for m in _UNBROKEN.finditer(text)]
        edges = zip([0, *breaks], [*breaks, len(text)], strict=True)
        shown = "\u200b".join(text[a:b] for a, b in edges)
        # Plain text (markup in an article is shown, never run), set in the document, not
        # through the widget: QPlainTextEdit.setPlainText also gives the whole new text
        # the text cursor's character format, a pass over it (a sixth of the text's part
        # of an article opened), and after a key left the cursor in a grey headline, the
        # next article came out grey. The text is shown from its top.
        self.document().setPlainText(shown)
        self.verticalScrollBar().setValue(0)
        astral = [m.start() for m in _ASTRAL.finditer(text)]
        self._wide = sorted(astral + [b - 1 for b in breaks])
        grey = QTextCharFormat()
        grey.setForeground(QColor("#8a8a8a"))
        cur = QTextCursor(self.document())
        for sp in non_body:
            cur.setPosition(self.to_qt(sp.start))
            cur.setPosition(self.to_qt(sp.end), QTextCursor.MoveMode.KeepAnchor)
            cur.mergeCharFormat(grey)
        self.shown = article

    def paint(self, paints: list[Paint]) -> None:
        """Paint spans, each over those before it (where two overlap, the later one is
        seen), and no others: only the blocks whose formats change are laid out again."""
        doc = self.document()
        wanted: dict[int, list[Range]] = {}
        for p in paints:
            start, end = self.to_qt(p.span.start), self.to_qt(p.span.end)
            block = doc.findBlock(start)
            while block.isValid() and block.position() < end:
                at = block.position()
                lo, hi = max(start, at) - at, min(end, at + block.length() - 1) - at
                if lo < hi:
                    number = block.blockNumber()
                    wanted[number] = _over(wanted.get(number, []), (lo, hi, p.fmt))
                block = block.next()
        for number in self._painted.keys() - wanted.keys():
            _set_formats(doc.findBlockByNumber(number), [])
        for number, ranges in wanted.items():
            if self._painted.get(number) != ranges:
                _set_formats(doc.findBlockByNumber(number), ranges)
        self._painted = wanted

    def painted(self) -> list[tuple[int, int, QTextCharFormat]]:
        """(start, end, format) of every span painted, as the text's blocks hold them
        (positions in the Qt document), in text order."""
        out = []
        for number in sorted(self._painted):
            block = self.document().findBlockByNumber(number)
            at = block.position()
            for r in block.layout().formats():  # (each format copied: r holds it)
                out.append((at + r.start, at + r.start + r.length, QTextCharFormat(r.format)))
        return out

    def paint_session(self, s: ReviewSession | None) -> None:
        """Paint a review session's spans near the visible part of the article (a long
        article has thousands; painting them all would cost more than a key may), the
        current attribution, the token cursor and the selection."""
        if s is None or s.article is None or s.article is not self.shown:
            return
        lo, hi = self.visible_range()
        cur = None if s.adjudicating else s.current  # the item is what the keys act on
        paints = []
        item = s.current_item
        for it in s.items:  # a gold's open items: each annotator's version, under the gold
            if it.open and it.span.start <= hi + 500 and it.span.end >= lo - 500:
                paints += version_paints(it, it is item and s.adjudicating)
        # rejected ones first: a word they share with a standing attribution (its speaker,
        # its cue) shows as the standing one's, not struck out
        near = sorted(s.near(lo - 500, hi + 500), key=lambda a: a.state is not State.REJECTED)
        for a in near:  # (repainted on every scroll)
            if a is not cur:
                paints += attribution_paints(a, False, None)
        if cur is not None:
            paints += attribution_paints(cur, True, s.target)
        paints += cursor_paints(s.cursor_span(), s.selection(), paints)
        self.paint(paints)

    def zoom(self, step: int | None) -> None:
        """Text size: a point larger (+1) or smaller (-1), the usual size (None), or as
        last chosen (0); remembered between sessions."""
        settings = app_settings()
        size = int(str(settings.value("view/text_size", USUAL_SIZE)))
        size = USUAL_SIZE if step is None else max(6, min(40, size + step))
        settings.setValue("view/text_size", size)
        font = self.font()
        font.setPointSize(size)
        self.setFont(font)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.resized.emit()

    def visible_range(self) -> tuple[int, int]:
        """Character positions at the top-left and bottom-right of the viewport."""
        rect = self.viewport().rect()
        top = self.cursorForPosition(rect.topLeft()).position()
        bottom = self.cursorForPosition(rect.bottomRight()).position()
        return self.from_qt(top), self.from_qt(bottom)

    def reveal(self, pos: int) -> None:
        """Scroll so that a character position is in view (centred when far off)."""
        c = QTextCursor(self.document())
        c.setPosition(min(self.to_qt(pos), self.document().characterCount() - 1))
        rect = self.cursorRect(c)
        if not self.viewport().rect().adjusted(0, 20, 0, -20).contains(rect):
            self.setTextCursor(c)
            self.centerCursor()

    def mouse_selection(self) -> tuple[int, int] | None:
        c = self.textCursor()
        if not c.hasSelection():
            return None
        return self.from_qt(c.selectionStart()), self.from_qt(c.selectionEnd())

    def clear_mouse_selection(self) -> None:
        """Drop a selection made with the mouse (or Ctrl+A), where the text is scrolled:
        Qt's cursor sits at the selection's end, and setting it would scroll there."""
        c = self.textCursor()
        if not c.hasSelection():
            return
        bar = self.verticalScrollBar()
        top = bar.value()
        c.clearSelection()
        self.setTextCursor(c)
        bar.setValue(top)

    def line_neighbour(self, pos: int, down: bool) -> int:
        """The character position one visual line of text above or below ``pos``, at the
        same place across: the blank lines between paragraphs are passed over."""
        c = QTextCursor(self.document())
        c.setPosition(self.to_qt(pos))
        x = self.cursorRect(c).left() + 1
        while True:
            rect = self.cursorRect(c)
            half = rect.height() // 2 + 1
            found = self.cursorForPosition(
                QPoint(x, rect.bottom() + half if down else rect.top() - half)
            )
            if found.block().text().strip() or found.position() == c.position():
                return self.from_qt(found.position())
            c = found

    def to_qt(self, pos: int) -> int:
        """A code-point offset of the article as a position in the Qt document."""
        return pos + bisect_left(self._wide, pos)

    def from_qt(self, pos: int) -> int:
        """A Qt document position as a code-point offset of the article (the position
        inside a wide character, before a shown break, is the next one's)."""
        lo, hi = 0, len(self._wide)
        while lo < hi:  # how many wide characters lie wholly before pos
            mid = (lo + hi) // 2
            if self._wide[mid] + mid + 1 < pos:
                lo = mid + 1
            else:
                hi = mid
        return pos - lo


Range = tuple[int, int, QTextCharFormat]  # start, end (in a block) and format of a span


def _over(ranges: list[Range], new: Range) -> list[Range]:
    """Ranges in order, without overlaps, with ``new`` painted over them."""
    start, end, _ = new
    out = [new]
    for s, e, f in ranges:
        if e <= start or s >= end:
            out.append((s, e, f))
            continue
        if s < start:
            out.append((s, start, f))
        if e > end:
            out.append((end, e, f))
    return sorted(out, key=lambda r: r[0])


def _set_formats(block: QTextBlock, ranges: list[Range]) -> None:
    """Give a block its spans' formats, and have it laid out again and repainted."""
    formats = []
    for start, end, fmt in ranges:
        r = QTextLayout.FormatRange()
        r.start, r.length, r.format = start, end - start, fmt
        formats.append(r)
    block.layout().setFormats(formats)
    block.document().markContentsDirty(block.position(), block.length())


@lru_cache(maxsize=2)
def _marker_format(selection: bool) -> QTextCharFormat:
    if selection:
        f = _fmt(SELECTION_COLOUR)
        f.setForeground(QColor("white"))
    else:
        f = _fmt(CURSOR_COLOUR)
        f.setFontUnderline(True)
    return f


def _cursor_over(fmt: QTextCharFormat) -> QTextCharFormat:
    """The token cursor over a span: the span's colours stay (the speaker M chose is
    seen under it), with a line over the token."""
    f = QTextCharFormat(fmt)
    f.setFontOverline(True)
    return f


def cursor_paints(
    cursor: Span | None, selection: Span | None, under: Sequence[Paint] = ()
) -> list[Paint]:
    """The selection and the token cursor, painted over ``under``: the cursor in its own
    colour on plain text, and as a line over a span, whose colours it keeps."""
    out = []
    if selection is not None:
        out.append(Paint(selection, _marker_format(True)))
    if cursor is not None:
        span = next((p for p in reversed(under) if p.span.overlaps(cursor)), None)
        fmt = _cursor_over(span.fmt) if span is not None else _marker_format(False)
        out.append(Paint(cursor, fmt))
    return out
