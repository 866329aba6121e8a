"""Which ReviewSession verb each action calls, for actions that need nothing from the
widgets. Moves return a view delta; edits return a command or a reason."""

from __future__ import annotations

from collections.abc import Callable

from core.model import QuoteType
from core.review.session import Delta, Outcome, ReviewSession
from gui.keymap import Act

Move = Callable[[ReviewSession], Delta]
Edit = Callable[[ReviewSession], Outcome]

MOVES: dict[Act, Move] = {
    Act.NEXT_ITEM: lambda s: s.review_step(+1),  # (in a gold: the next item to adjudicate)
    Act.PREV_ITEM: lambda s: s.review_step(-1),
    Act.TARGET_NEXT: lambda s: s.cycle_target(+1),
    Act.TARGET_PREV: lambda s: s.cycle_target(-1),
    Act.UNDO: ReviewSession.undo,
    Act.REDO: ReviewSession.redo,
    Act.CURSOR_LEFT: lambda s: s.move_cursor(-1),
    Act.CURSOR_RIGHT: lambda s: s.move_cursor(+1),
    Act.EXTEND_LEFT: lambda s: s.move_cursor(-1, extend=True),
    Act.EXTEND_RIGHT: lambda s: s.move_cursor(+1, extend=True),
    Act.SELECT_TOGGLE: ReviewSession.toggle_selection,
    Act.SELECT_QUOTATION: ReviewSession.select_quotation,
    Act.NEXT_QUOTATION: ReviewSession.select_next_quotation,
    Act.NEXT_REPORT: ReviewSession.select_next_report,
    Act.SELECT_SENTENCE: lambda s: s.select_sentence(),
    Act.SELECT_CLAUSE: lambda s: s.select_sentence(clause=True),
    Act.SELECT_TO_END: lambda s: s.select_sentence(part=+1),
    Act.SELECT_TO_START: lambda s: s.select_sentence(part=-1),
    Act.CURSOR_TO_ITEM: ReviewSession.cursor_to_item,
    Act.FIND_NEXT: lambda s: s.find(""),
    Act.FIND_PREV: lambda s: s.find("", step=-1),
}

EDITS: dict[Act, Edit] = {
    Act.ACCEPT: ReviewSession.accept,
    Act.REJECT: ReviewSession.reject,
    Act.ACCEPT_ALL: ReviewSession.accept_all,
    Act.START_LEFT: lambda s: s.move_edge("start", -1),
    Act.START_RIGHT: lambda s: s.move_edge("start", +1),
    Act.END_LEFT: lambda s: s.move_edge("end", -1),
    Act.END_RIGHT: lambda s: s.move_edge("end", +1),
    Act.START_TO_CURSOR: lambda s: s.edge_to_cursor("start"),
    Act.END_TO_CURSOR: lambda s: s.edge_to_cursor("end"),
    Act.END_TO_PREVIOUS_MARK: lambda s: s.end_to_mark(-1),
    Act.END_TO_NEXT_MARK: lambda s: s.end_to_mark(+1),
    Act.NEXT_CUE: lambda s: s.next_cue(+1),
    Act.PREV_CUE: lambda s: s.next_cue(-1),
    Act.TYPE_DIRECT: lambda s: s.set_type(QuoteType.DIRECT),
    Act.TYPE_MIXED: lambda s: s.set_type(QuoteType.MIXED),
    Act.TYPE_INDIRECT: lambda s: s.set_type(QuoteType.INDIRECT),
    Act.CYCLE_SPEAKER: lambda s: s.candidate(+1),
    Act.CYCLE_SPEAKER_BACK: lambda s: s.candidate(-1),
    Act.SAME_SPEAKER: ReviewSession.same_speaker,
    Act.DELETE: ReviewSession.delete,
    Act.REJECT_ITEM: ReviewSession.reject_item,
}


def _take(n: int) -> Edit:
    return lambda s: s.take(n)


def _take_alone(n: int) -> Edit:
    return lambda s: s.take_alone(n)


#: Adjudicating a gold corpus: 1..9 take annotator N's version of the item, Ctrl+1..9
#: their version of every item only they marked.
EDITS |= {Act(f"take_{n}"): _take(n) for n in range(1, 10)}
EDITS |= {Act(f"take_alone_{n}"): _take_alone(n) for n in range(1, 10)}
