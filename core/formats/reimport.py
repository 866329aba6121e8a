"""Annotations brought back for an article the corpus holds (the same text, by content
hash): compared with what is stored and applied as one decision, logged and undoable
(docs/adr/0027).

An attribution of the file is the stored one of the same quote span, else the stored
one (not rejected) whose quote it overlaps most: a quote shrunk, grown or given another
speaker elsewhere is an edit of the suggestion, and is ``edited`` as if corrected here
(:func:`core.review.commands.corrected`); one that is in no stored place is ``manual``.
A stored attribution the file no longer has was removed there: a suggestion is rejected,
a manual one deleted.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from core.corpus.errors import ConflictError, CorpusError
from core.corpus.store import Store
from core.formats.imported import Imported, ImportProblem, revision, span_problem
from core.model import (
    Attribution,
    Origin,
    Span,
    SpanError,
    State,
    Status,
    check_attributions,
    excerpt,
)
from core.review import commands

Edit = tuple[Attribution | None, Attribution | None]
"""An attribution as stored and as the file wants it (None: not there)."""

#: How a report counts an article's edits, in this order (one word each).
KINDS = ("edited", "accepted", "rejected", "undecided", "retyped", "flagged", "added", "deleted")


@dataclass
class Reimported:
    """What one record did to the article of the same text in the corpus."""

    article_id: int
    where: str
    #: Attributions by what happened to them (:data:`KINDS`); empty: unchanged.
    counts: dict[str, int] = field(default_factory=dict)
    status: tuple[Status, Status] | None = None  # (before, after), when it changed
    decision: int | None = None  # the decisions log's row: undo takes it back in one step

    @property
    def changed(self) -> bool:
        return self.decision is not None

    def line(self) -> str:
        """``x.jsonl line 3: article 12: 1 edited, 1 added; status todo -> done
        (decision 57)``; an article unchanged is only named."""
        said = [", ".join(f"{n} {kind}" for kind, n in self.counts.items())]
        if self.status is not None:
            said.append(f"status {self.status[0].value} -> {self.status[1].value}")
        what = f": {'; '.join(filter(None, said))} (decision {self.decision})"
        what = what if self.changed else ""
        return f"{self.where}: article {self.article_id}{what}"

    def as_json(self) -> dict[str, Any]:
        return {
            "where": self.where,
            "article_id": self.article_id,
            "decision": self.decision,
            **{kind: self.counts.get(kind, 0) for kind in KINDS},
            "status": None if self.status is None else [s.value for s in self.status],
        }


def reimport(store: Store, article_id: int, item: Imported) -> tuple[Reimported, list[str]]:
    """Apply the record's annotations to the stored article ``article_id`` (one command,
    one transaction, one log row) and say what changed, with the changes left out (by
    name): those that contradict a decided attribution, for a record without the
    export's mark (:attr:`Imported.revision`). ImportProblem, and nothing changed, when
    the article changed in the corpus since the export, or the result breaks the span
    rules."""
    where = item.named_as
    try:
        stored = store.attributions(article_id)
        before = store.status(article_id)
    except CorpusError as exc:
        if article_id not in store.damaged_ids:
            raise
        raise ImportProblem(f"{where}: {exc}") from None  # (a damaged article is left alone)
    text = item.article.text
    edits = [e for e in plan(stored, item.attributions) if e[0] != e[1]]
    kept: list[str] = []
    status = item.article.status
    if item.revision is None:
        edits, kept = _undecided_only(edits, stored, text, where)
        if before is Status.DONE:
            status = before  # (the article was decided as a whole)
    if edits and status is Status.TODO:
        status = Status.IN_PROGRESS  # as an edit here marks it
    if not edits and status is before:
        return Reimported(article_id, where), kept
    if item.revision not in (None, revision(before, store.attribution_rows(article_id))):
        raise ImportProblem(
            f"{where}: article {article_id} was changed in the corpus since this record "
            "was exported; none of the record's changes were applied (export the article "
            "again and make them there)"
        )
    try:
        check_attributions(_after(stored, edits), len(text), store.tokens(article_id))
        cmd = commands.rewrite(store, article_id, f"changes imported from {where}", edits, status)
        assert cmd is not None  # (something changes)
        commands.apply(store, cmd)
    except SpanError as exc:
        raise ImportProblem(
            f"{where}: {span_problem(exc, text)}; none of the record's changes were applied"
        ) from None
    except ConflictError:  # another window or process wrote the article meanwhile
        raise ImportProblem(
            f"{where}: article {article_id} was changed meanwhile by another window or "
            "process; none of the record's changes were applied"
        ) from None
    done = Reimported(article_id, where, _counts(edits), None, cmd.log_id)
    if status is not before:
        done.status = (before, status)
    return done, kept


def plan(stored: list[Attribution], got: list[Attribution]) -> list[Edit]:
    """Each stored attribution with what the file makes of it, and the file's new ones
    (stored None); pairs that are equal change nothing."""
    left = dict(enumerate(stored))
    by_quote = {a.quote: i for i, a in enumerate(stored)}
    edits: list[Edit] = []
    unpaired = []
    for a in got:
        i = by_quote.pop(a.quote, None)
        if i is None:
            unpaired.append(a)
        else:
            old = left.pop(i)
            edits.append((old, merged(old, a)))
    for a in unpaired:
        near = [
            i
            for i, s in left.items()
            if s.state is not State.REJECTED and s.quote.overlaps(a.quote)
        ]
        if near:
            old = left.pop(max(near, key=lambda i: _shared(left[i].quote, a.quote)))
            edits.append((old, merged(old, a)))
        elif a.state is not State.REJECTED:  # (a rejected quote new to the corpus: nothing)
            state = State.ACCEPTED if a.state is State.SUGGESTED else a.state
            edits.append((None, a.with_(origin=Origin.MANUAL, state=state, speaker_id=None)))
    for old in left.values():
        if old.origin is Origin.MANUAL:
            edits.append((old, None))
        elif old.state is not State.REJECTED:
            edits.append((old, old.with_(state=State.REJECTED)))
    return edits


def with_origins(item: Imported) -> list[Attribution]:
    """The record's attributions, those another tool edited compared with QuoteLab's own
    record of them in the file (:attr:`Imported.exported`) as :func:`plan` compares
    them with the corpus: for an article new to the corpus."""
    if not item.exported:
        return item.attributions
    return [new for _, new in plan(item.exported, item.attributions) if new is not None]


def _shared(a: Span, b: Span) -> int:
    """How many characters two overlapping spans share."""
    return min(a.end, b.end) - max(a.start, b.start)


def merged(old: Attribution, got: Attribution) -> Attribution:
    """The stored attribution ``old`` as the file's ``got`` has it. Where the file
    moved the quote, what it says besides the spans is what an importer fills in for
    spans alone (the type the Q key gives, a suggested state), so the stored type stays,
    and the state unless the file decided it; where it kept the speaker, a name it
    gives is taken (else the stored one stays). The flag and its comment are the
    file's (docs/adr/0033: QuoteLab's records and brat say them; a file that does not
    says no flag). The origin is the correction's."""
    same_quote = got.quote == old.quote
    if got.speaker == old.speaker:
        name = got.speaker_name if same_quote and got.speaker_name else old.speaker_name
    else:
        name = got.speaker_name
    new = old.with_(
        quote=got.quote,
        speaker=got.speaker,
        cue=got.cue,
        speaker_name=name,
        type=got.type if same_quote else old.type,
        state=got.state if same_quote or got.state is not State.SUGGESTED else old.state,
        speaker_id=old.speaker_id if name == old.speaker_name else None,
        flagged=got.flagged,
        comment=got.comment,
    )
    return commands.corrected(old, new)


def _undecided_only(
    edits: list[Edit], stored: list[Attribution], text: str, where: str
) -> tuple[list[Edit], list[str]]:
    """For a record without the export's mark: the edits that change no decided
    attribution and add no quote over one, and a line naming each of the others."""
    decided = [a for a in stored if a.state is not State.SUGGESTED]
    keep: list[Edit] = []
    kept: list[str] = []
    for old, new in edits:
        if old is not None and old.state is not State.SUGGESTED:
            what = f"quote {excerpt(text[old.quote.start : old.quote.end])}"
            kept.append(
                f"{where}: {what} is {old.state.value} in the corpus; the file's change to "
                "it was not applied"
            )
        elif (
            old is None
            and new is not None
            and any(d.state is State.ACCEPTED and d.quote.overlaps(new.quote) for d in decided)
        ):
            what = f"quote {excerpt(text[new.quote.start : new.quote.end])}"
            kept.append(f"{where}: new {what} overlaps an accepted one; not added")
        else:
            keep.append((old, new))
    return keep, kept


def _after(stored: list[Attribution], edits: list[Edit]) -> list[Attribution]:
    """The article's attributions once ``edits`` are applied."""
    changed = {old.id: new for old, new in edits if old is not None}
    out = [changed.get(a.id, a) for a in stored]
    return [a for a in out if a is not None] + [new for old, new in edits if old is None and new]


def _counts(edits: list[Edit]) -> dict[str, int]:
    found: Counter[str] = Counter(_kind(old, new) for old, new in edits)
    return {kind: found[kind] for kind in KINDS if found[kind]}


def _kind(old: Attribution | None, new: Attribution | None) -> str:
    if old is None:
        return "added"
    if new is None:
        return "deleted"
    if new.spans() != old.spans() or new.speaker_name != old.speaker_name:
        return "edited"
    if new.state is not old.state:
        return {State.ACCEPTED: "accepted", State.REJECTED: "rejected"}.get(new.state, "undecided")
    if (new.flagged, new.comment) != (old.flagged, old.comment):
        return "flagged"
    return "retyped"
