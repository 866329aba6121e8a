"""An open article's attributions in text order, as the review session keeps them: where
one is, and the records a command (or its undo) wrote put in their places, by bisection
(a long article has thousands: none is looked at one by one)."""

from __future__ import annotations

from bisect import bisect_left, insort
from dataclasses import dataclass, field
from typing import Any

from core.model import Attribution, Span, State
from core.review.commands import Change


def start(a: Attribution) -> int:
    return a.quote.start


def order(a: Attribution) -> tuple[int, int]:
    """An attribution's place in text order (as the store reads them)."""
    return a.quote.start, a.id or 0


def position(attrs: list[Attribution], attr_id: int | None, quote: Span | None) -> int | None:
    """Where attribution ``attr_id`` is among ``attrs`` (in text order): by bisection
    at its ``quote`` as last known, else by a scan."""
    if quote is not None:
        i = bisect_left(attrs, (quote.start, attr_id or 0), key=order)
        if i < len(attrs) and attrs[i].id == attr_id:
            return i
    return next((i for i, a in enumerate(attrs) if a.id == attr_id), None)


def _fits(attrs: list[Attribution], i: int, a: Attribution) -> bool:
    """Whether ``a`` may take the place of ``attrs[i]`` and keep them in text order."""
    key = order(a)
    return (i == 0 or order(attrs[i - 1]) < key) and (
        i + 1 == len(attrs) or key < order(attrs[i + 1])
    )


def least_sure(attrs: list[Attribution], besides: int | None = None) -> int | None:
    """Where the undecided suggestion the suggester is least sure of is among ``attrs``
    (the lowest confidence, one with none as sure as can be; the first in the text of
    equally sure ones), ``besides`` aside: the review's order uncertain-first."""
    left = [
        (a.confidence if a.confidence is not None else 1.0, i)
        for i, a in enumerate(attrs)
        if a.state is State.SUGGESTED and i != besides
    ]
    return min(left)[1] if left else None


def article_of(c: Change) -> int | None:
    """The article an attribution change belongs to (None for an article's status)."""
    record = c.after or c.before
    return int(record["article_id"]) if c.table == "attribution" and record else None


@dataclass
class Placed:
    """The attributions once written records took their places."""

    attrs: list[Attribution]  # a new list, as every change of the attributions makes
    gone: list[Attribution] = field(default_factory=list)  # records replaced or deleted
    came: dict[int, Attribution] = field(default_factory=dict)  # records written, by id
    new: int | None = None  # the id of the first one that was not there before
    reorder: bool = False  # rows were added, removed or reordered

    def put(
        self, attr_id: int | None, record: dict[str, Any] | None, was: dict[str, Any] | None
    ) -> None:
        """Put the record of attribution ``attr_id`` (None: deleted) where it goes; ``was``
        its record before, if it was there."""
        attrs = self.attrs
        i = position(attrs, attr_id, Span.from_dict(was.get("quote")) if was else None)
        if i is None and self.new is None:
            self.new = attr_id
        a = None if record is None else Attribution.from_record(record, id=attr_id)
        if i is not None:
            if a is not None:  # (where it came from stays with it: a record leaves it out)
                a = a.with_(made_by=attrs[i].made_by)
            self.gone.append(attrs[i])
        if a is not None:
            self.came[a.id or 0] = a
        if i is not None and a is not None and _fits(attrs, i, a):
            attrs[i] = a
            return
        self.reorder = True  # (until place() compares the order)
        if i is not None:
            del attrs[i]
        if a is not None:
            insort(attrs, a, key=order)


def place(attrs: list[Attribution], changes: list[Change], after: bool) -> Placed:
    """Put the attribution records of ``changes`` (each one's ``after``, else, for an
    undo, its ``before``) among ``attrs``, kept in text order: a record that still fits
    takes its old place, any other is inserted by bisection."""
    out = Placed(list(attrs))
    for c in changes:
        if c.table == "attribution":
            out.put(c.id, *((c.after, c.before) if after else (c.before, c.after)))
    out.reorder = out.reorder and [a.id for a in attrs] != [a.id for a in out.attrs]
    return out
