"""Edits to the corpus as plain commands: apply and revert, one transaction, one log row.

A :class:`Command` is a list of row changes, each with the record before and after.
Applying checks that every row still holds its ``before`` record (so a stale window
or a second process cannot overwrite newer work) and writes ``after``; reverting
applies the inverse. :class:`UndoStack` keeps them for undo and redo (the review
session owns one); the decisions log makes the history survive a restart
(:func:`history`).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from core.corpus import queries
from core.corpus.errors import ConflictError
from core.corpus.store import Store
from core.model import (
    Attribution,
    Origin,
    QuoteType,
    Span,
    SpanError,
    State,
    Status,
    comment_problem,
)
from core.suggest.names import is_description, is_pronoun, name_key

SPAN_KINDS = ("quote", "speaker", "cue")


@dataclass(frozen=True)
class Change:
    """One row: an attribution (``before`` None creates it, ``after`` None deletes it),
    an article's status, or a row of a small table (:data:`core.corpus.store.SMALL_TABLES`:
    the speakers', docs/adr/0024; an article's flag; a gold corpus's items and
    provenance, docs/adr/0034). A new ``provenance`` row (id None) is the provenance of
    the new attribution written just before it in the command."""

    table: str
    id: int | None
    before: dict[str, Any] | None
    after: dict[str, Any] | None

    def inverse(self) -> Change:
        return Change(self.table, self.id, self.after, self.before)

    def as_json(self) -> dict[str, Any]:
        return {"table": self.table, "id": self.id, "before": self.before, "after": self.after}


@dataclass
class Command:
    label: str
    article_id: int | None  # None: over the corpus's speakers, no article of its own
    changes: list[Change] = field(default_factory=list)
    log_id: int | None = None

    def inverse(self) -> Command:
        return Command(
            f"undo {self.label}", self.article_id, [c.inverse() for c in reversed(self.changes)]
        )


def _execute(store: Store, cmd: Command, kind: str, ref: int | None) -> int:
    """Write the command's changes (its own, with the ids the store gave new rows) and
    log them; the log row's id. What changed is the command itself: the review session
    turns it into the one change summary the widgets read."""
    written: list[Change] = []
    with store.transaction():
        for ch in cmd.changes:
            after = _with_speaker(store, ch.table, ch.after)
            row_id = ch.id
            if row_id is None and ch.table == "provenance":  # (its attribution's id:
                row_id = written[-1].id  # that of the new one written just before it)
            row_id = store.write(ch.table, row_id, ch.before, after)
            written.append(Change(ch.table, row_id, ch.before, after))
        # commands and the store share the log format
        log_id = store.log_decision(
            kind, ref, cmd.article_id, cmd.label, [c.as_json() for c in written]
        )
    cmd.changes = written  # (committed: a write that failed leaves the command as it was)
    return log_id


def _with_speaker(store: Store, table: str, after: dict[str, Any] | None) -> dict[str, Any] | None:
    """An attribution's (or an alias's) record to write with the id of the speaker its
    ``speaker_name`` names, made now if new: in the command's transaction, so the log
    keeps the id for undo and redo."""
    if after is None or not after.get("speaker_name"):
        return after
    if table == "alias":  # (the name only says whose: the row holds the id)
        speaker_id = after.get("speaker_id") or store.speaker_of(after["speaker_name"])
        return {"speaker_id": speaker_id, "alias": after["alias"]}
    if table != "attribution" or after.get("speaker_id") is not None:
        return after
    return dict(after, speaker_id=store.speaker_of(after["speaker_name"]))


def apply(store: Store, cmd: Command) -> int:
    """Do a new edit; ``cmd.log_id`` is set to its row in the decisions log (returned)."""
    cmd.log_id = _execute(store, cmd, "edit", None)
    return cmd.log_id


def revert(store: Store, cmd: Command) -> int:
    """Undo an applied edit (itself logged, so undo survives a restart); the log row's id."""
    return _execute(store, cmd.inverse(), "undo", cmd.log_id)


def reapply(store: Store, cmd: Command) -> int:
    """Redo an undone edit; the log row's id."""
    return _execute(store, cmd, "redo", cmd.log_id)


#: How many edits back undo reaches (also across restarts).
UNDO_LIMIT = 1000


def last_decision(store: Store) -> int:
    """The id of the decisions log's last row (0 when it is empty)."""
    return queries.last_decision(store)


def history(
    store: Store,
    limit: int = UNDO_LIMIT,
    horizon: int | None = None,
    mine: frozenset[int] | set[int] = frozenset(),
) -> tuple[list[Command], list[Command]]:
    """The undo stack as the log leaves it: (done, oldest first; undone, next redo last),
    each at most ``limit`` long. With a ``horizon``, only the rows up to it count, and
    after it only those in ``mine``: a session's own edits on top of the history it
    found (what another window logs meanwhile is that window's to undo). The log is
    replayed by ids only, in one pass, and only the commands kept are read in full, so
    opening a corpus stays fast however long its history."""
    done: list[int] = []
    undone: list[int] = []
    for log_id, kind, ref in queries.undo_log(store):
        if horizon is not None and log_id > horizon and log_id not in mine:
            continue
        if kind == "edit":
            done.append(log_id)
            undone.clear()
            continue
        src, dst = (done, undone) if kind == "undo" else (undone, done)
        if src and src[-1] == ref:
            dst.append(src.pop())
        elif ref in src:  # two writers interleaved: rare, so a linear search is fine
            src.remove(ref)
            dst.append(ref)
    done, undone = done[-limit:], undone[-limit:]
    by_id: dict[int, Command] = {}
    for log_id, article_id, label, changes in queries.logged(store, done + undone):
        try:
            by_id[log_id] = Command(
                label, article_id, [Change(**c) for c in json.loads(changes)], log_id
            )
        except (TypeError, ValueError):
            continue  # a damaged row, reported by the open (Store.damage)
    return [by_id[i] for i in done if i in by_id], [by_id[i] for i in undone if i in by_id]


class UndoStack:
    """Applied commands to undo and undone ones to redo, bounded by ``limit``. No Qt:
    the review session owns it. It reaches back into what the decisions log held when
    the stack was made (so undo survives a restart), and after that only to the edits
    made through it: a second window on the same corpus undoes its own edits, never the
    other's. Built lazily from the log the first time undo or redo is asked for, so
    opening a corpus costs the same whatever its history; edits applied before that are
    in the log, so nothing is missed."""

    def __init__(self, store: Store, limit: int = UNDO_LIMIT) -> None:
        self.store = store
        self.limit = limit
        self.horizon = last_decision(store)
        self._mine: set[int] = set()  # log rows written through this stack
        self._stacks: tuple[list[Command], list[Command]] | None = None

    @property
    def done(self) -> list[Command]:
        return self._load()[0]

    @property
    def undone(self) -> list[Command]:
        return self._load()[1]

    def _load(self) -> tuple[list[Command], list[Command]]:
        if self._stacks is None:
            self._stacks = history(self.store, self.limit, self.horizon, self._mine)
        return self._stacks

    def apply(self, cmd: Command) -> None:
        self._mine.add(apply(self.store, cmd))
        if self._stacks is not None:  # (else the log has it for when the stack is built)
            done, undone = self._stacks
            done.append(cmd)
            del done[: -self.limit]
            undone.clear()

    def adopt(self, log_ids: Iterable[int]) -> None:
        """Take these rows of the log, written for this stack's owner in another process
        (the app's import worker: annotations applied to articles the corpus holds), as
        written through the stack: undo reaches them, as it reaches the owner's edits."""
        self._mine.update(log_ids)
        self._stacks = None  # (built again from the log when next asked)

    def undo(self) -> Command | None:
        """Undo the last edit: the command undone, None when there is none. A command
        that can no longer be undone (the data changed elsewhere) is dropped and its
        error raised; one whose write failed (a full disk) stays, to be undone again."""
        return self._move(*self._load(), revert)

    def redo(self) -> Command | None:
        """Redo the last edit undone: the command redone, None when there is none (as
        :meth:`undo` does, the other way)."""
        undone, done = self._load()[::-1]
        return self._move(undone, done, reapply)

    def _move(
        self, src: list[Command], dst: list[Command], run: Callable[[Store, Command], int]
    ) -> Command | None:
        if not src:
            return None
        cmd = src[-1]
        try:
            self._mine.add(run(self.store, cmd))
        except ConflictError:
            src.pop()
            raise
        dst.append(src.pop())
        return cmd


# -- building commands ---------------------------------------------------------------------


def _record(article_id: int, a: Attribution) -> dict[str, Any]:
    return a.to_logged(article_id)


@dataclass(frozen=True)
class Known:
    """An attribution as a session last read it, with its article's id and status:
    commands are then built without reading the corpus again (a stale record is
    caught when the command is applied)."""

    article_id: int
    attribution: Attribution
    status: Status


Target = int | Known
"""An attribution's id, or the attribution as known."""


def _get(store: Store, target: Target) -> Known:
    if isinstance(target, Known):
        return target
    found = store.attribution(target)
    if found is None:
        raise ConflictError(f"attribution {target} no longer exists")
    return Known(found[0], found[1], store.status(found[0]))


def _started(article_id: int, status: Status) -> list[Change]:
    """An edit in an article still to do marks it in progress, in the same command."""
    if status is Status.TODO:
        return [Change("article", article_id, {"status": "todo"}, {"status": "in_progress"})]
    return []


def edit(store: Store, target: Target, label: str, **fields: Any) -> Command | None:
    """Change fields of one attribution; None when nothing would change. The span rules
    are checked first (SpanError). Correcting a suggestion's spans or speaker name makes
    its origin 'edited' (its state and type are decisions about it, not corrections)."""
    known = _get(store, target)
    article_id, a = known.article_id, known.attribution
    new = a.with_(**fields)
    if new == a:
        return None
    if new.speaker_name != a.speaker_name and "speaker_id" not in fields:
        new = new.with_(speaker_id=None)  # the corpus gives the new name's speaker
    if new.spans() != a.spans():
        store.check_spans(article_id, new)
    new = corrected(a, new)
    change = Change("attribution", a.id, _record(article_id, a), _record(article_id, new))
    return Command(label, article_id, [change, *_started(article_id, known.status)])


def corrected(old: Attribution, new: Attribution) -> Attribution:
    """``new``, an edit of ``old``, with its origin: a suggestion whose spans or speaker
    name were corrected is ``edited`` (its state and type are decisions about it, not
    corrections); ``edited`` and ``manual`` stay as they are."""
    if old.origin is Origin.MODEL and (
        new.spans() != old.spans() or new.speaker_name != old.speaker_name
    ):
        return new.with_(origin=Origin.EDITED)
    return new


def set_state(store: Store, target: Target, state: State) -> Command | None:
    verb = {State.ACCEPTED: "accept", State.REJECTED: "reject", State.SUGGESTED: "undecide"}
    return edit(store, target, verb[state], state=state)


def _accepting(store: Store, article_id: int, flagged: bool) -> list[Change]:
    """Every suggestion of the article still to review accepted (``flagged``: those
    flagged for the curator too)."""
    return [
        Change(
            "attribution",
            a.id,
            _record(article_id, a),
            _record(article_id, a.with_(state=State.ACCEPTED)),
        )
        for a in store.attributions(article_id)
        if a.state is State.SUGGESTED and (flagged or not a.flagged)
    ]


def accept_all(store: Store, article_id: int) -> Command | None:
    """Accept every suggestion of the article still to review, as one command."""
    changes = _accepting(store, article_id, flagged=True)
    if not changes:
        return None
    started = _started(article_id, store.status(article_id))
    return Command(f"accept {len(changes)}", article_id, changes + started)


def finish(store: Store, article_id: int) -> Command | None:
    """Accept every suggestion of the article still to review but those flagged for the
    curator, and mark it done: one command (docs/adr/0082). None when it is done and
    nothing is left to accept."""
    changes = _accepting(store, article_id, flagged=False)
    done = set_status(store, article_id, Status.DONE)
    if done is None and not changes:
        return None
    said = ([f"accept {len(changes)}"] if changes else []) + (["mark done"] if done else [])
    return Command(", ".join(said), article_id, changes + (done.changes if done else []))


def set_type(store: Store, target: Target, qtype: QuoteType) -> Command | None:
    return edit(store, target, f"type {qtype.value}", type=qtype)


def set_span(store: Store, target: Target, kind: str, span: Span | None) -> Command | None:
    """Set (or, for speaker and cue, clear) one of an attribution's spans."""
    if kind == "quote" and span is None:
        raise SpanError("a quote cannot be removed; delete the attribution instead")
    fields: dict[str, Any] = {kind: span}
    if kind == "speaker":
        text = store.article(_get(store, target).article_id).text
        fields["speaker_name"] = text[span.start : span.end] if span else None
    return edit(store, target, f"{kind} {'cleared' if span is None else 'set'}", **fields)


def set_speaker(
    store: Store, target: Target, span: Span | None, name: str | None, cue: Span | None = None
) -> Command | None:
    """Give the attribution a speaker mention and its name, and ``cue`` as its cue when
    one is given."""
    said = f"speaker {name}" if name else "speaker"  # "Saved: speaker Ana Ruiz."
    cued: dict[str, Span] = {} if cue is None else {"cue": cue}
    said += " and its cue" if cued else ""
    return edit(store, target, said, speaker=span, speaker_name=name or None, **cued)


def set_speaker_name(
    store: Store,
    target: Target,
    name: str,
    mention: str | None = None,
    among: Sequence[Attribution] | None = None,
) -> Command | None:
    """Give the attribution a speaker name the user typed (or picked from the corpus's
    names); ``mention``, the text of its speaker mention, is taught as an alias of that
    name (:func:`taught`), and the article's suggestions of the name it had take the new
    one (:func:`alike`; ``among``: the article's attributions as the caller has them, else
    read), in the same command. (A name the M, P or S keys give is resolved from the
    article, not the user's: it teaches nothing.)"""
    name = name.strip()
    known = _get(store, target)
    said = f"speaker name {name}" if name else "speaker name"
    command = edit(store, known, said, speaker_name=name or None)
    if command is None:
        return None
    others = alike(store.attributions(known.article_id) if among is None else among, known, name)
    if others:
        command.label += f" (and {len(others)} more named {known.attribution.speaker_name})"
    command.changes += others + taught(store, name, mention)
    return command


def alike(attributions: Sequence[Attribution], known: Known, name: str) -> list[Change]:
    """The same name given to the article's other suggestions nobody has touched
    (suggested, as the suggester made them) that have the name ``known`` had: in one
    article one name is one speaker (docs/adr/0052). None for a pronoun (``he`` is
    whoever is nearest) or when the attribution had no name."""
    old = known.attribution.speaker_name
    if not old or not name or is_pronoun(old):
        return []
    keys = {old: name_key(old)}  # (an article names a few speakers, many times each)
    out = []
    for a in attributions:
        if (
            a.id == known.attribution.id
            or a.state is not State.SUGGESTED
            or a.origin is not Origin.MODEL
            or not a.speaker_name
        ):
            continue
        if a.speaker_name not in keys:
            keys[a.speaker_name] = name_key(a.speaker_name)
        if keys[a.speaker_name] != keys[old]:
            continue
        new = corrected(a, a.with_(speaker_name=name, speaker_id=None))
        out.append(
            Change(
                "attribution", a.id, _record(known.article_id, a), _record(known.article_id, new)
            )
        )
    return out


def taught(store: Store, name: str | None, mention: str | None) -> list[Change]:
    """The alias a name given to a mention teaches the corpus: the same mention in
    another article is then suggested with that name (docs/adr/0024). Nothing for a
    pronoun, for a description (``the company`` is another firm in each article), for
    the name itself up to :func:`name_key`, or for an alias it already
    has. The speaker is the one of that name, made by the same command when new
    (the record's ``speaker_name``: the corpus fills in its id)."""
    mention = (mention or "").strip()
    if not name or not mention or is_pronoun(mention) or is_description(mention):
        return []
    if name_key(mention) == name_key(name):
        return []
    if queries.has_alias(store, name, mention):
        return []
    return [
        Change("alias", None, None, {"speaker_id": None, "speaker_name": name, "alias": mention})
    ]


def move_edge(store: Store, target: Target, kind: str, edge: str, step: int) -> Command | None:
    """Move the start or end of the quote, speaker or cue by one token."""
    known = _get(store, target)
    span = getattr(known.attribution, kind)
    if span is None:
        raise SpanError(f"this attribution has no {kind}")
    moved = store.tokens(known.article_id).move_edge(span, edge, step)
    if moved is None:
        raise SpanError(f"the {kind} cannot move further")
    label = f"{kind} {edge} {'left' if step < 0 else 'right'}"
    return edit(store, known, label, **{kind: moved})


def edge_to(store: Store, target: Target, kind: str, edge: str, token: Span) -> Command | None:
    """Move the start or end of the quote, speaker or cue to a token's: its start to the
    token's start, its end to the token's end (however far: the token cursor's)."""
    known = _get(store, target)
    span = getattr(known.attribution, kind)
    if span is None:
        raise SpanError(f"this attribution has no {kind}")
    moved = Span(token.start, span.end) if edge == "start" else Span(span.start, token.end)
    if moved.start >= moved.end:
        other = "end" if edge == "start" else "start"
        raise SpanError(f"the {kind}'s {edge} cannot go past its {other}")
    return edit(store, known, f"{kind} {edge} to the cursor", **{kind: moved})


def add(store: Store, article_id: int, attribution: Attribution) -> Command:
    """A new (manual, accepted) attribution."""
    a = attribution.with_(id=None)
    store.check_spans(article_id, a)
    change = Change("attribution", None, None, _record(article_id, a))
    started = _started(article_id, store.status(article_id))
    return Command("add quote", article_id, [change, *started])


def delete(store: Store, target: Target) -> Command:
    known = _get(store, target)
    a = known.attribution
    change = Change("attribution", a.id, _record(known.article_id, a), None)
    return Command("delete", known.article_id, [change])


def set_status(store: Store, article_id: int, status: Status) -> Command | None:
    current = store.status(article_id)
    if current is status:
        return None
    change = Change("article", article_id, {"status": current.value}, {"status": status.value})
    return Command(f"mark {status.value.replace('_', ' ')}", article_id, [change])


def flag(store: Store, target: Target, comment: str | None) -> Command | None:
    """Flag the attribution as unsure with ``comment`` (docs/adr/0033), or, with None,
    take its flag and comment away; None when nothing would change. A flag is a
    decision about it, not a correction: its origin stays as it is."""
    if comment is None:
        return edit(store, target, "unflag", flagged=False, comment="")
    problem = comment_problem(comment)
    if problem is not None:
        raise SpanError(problem)
    label = "comment" if _get(store, target).attribution.flagged else "flag"
    return edit(store, target, label, flagged=True, comment=comment)


def flag_article(store: Store, article_id: int, comment: str | None) -> Command | None:
    """Flag the article as a whole with ``comment``, or, with None, take its flag
    away; None when nothing would change. Its status stays as it is."""
    problem = comment_problem(comment) if comment is not None else None
    if problem is not None:
        raise SpanError(problem)
    before = store.current("article_flag", article_id)
    after = None if comment is None else {"comment": comment}
    if before == after:
        return None
    label = (
        "unflag article" if after is None else "comment on article" if before else "flag article"
    )
    return Command(label, article_id, [Change("article_flag", article_id, before, after)])


def new_manual(quote: Span, qtype: QuoteType = QuoteType.DIRECT) -> Attribution:
    return Attribution(quote=quote, type=qtype, state=State.ACCEPTED, origin=Origin.MANUAL)


def rewrite(
    store: Store,
    article_id: int,
    label: str,
    edits: list[tuple[Attribution | None, Attribution | None]],
    status: Status | None = None,
) -> Command | None:
    """Many edits of one article as one command (an import of annotations made
    elsewhere, docs/adr/0027): each pair (attribution as stored, as wanted) changes,
    deletes (wanted None) or adds (stored None) one, and ``status``, when given, is the
    article's. None when nothing would change. The rows are written deletions and
    rejections first, then quotes that shrink, then the rest, so that no step overlaps
    a quote about to move out of the way; each goes through the span rules as it is
    written, and undo writes them back in the reverse order."""

    def order(pair: tuple[Attribution | None, Attribution | None]) -> int:
        old, new = pair
        if new is None or new.state is State.REJECTED:
            return 0
        if old is None:
            return 3
        return 1 if old.quote.start <= new.quote.start and new.quote.end <= old.quote.end else 2

    changes = [
        Change(
            "attribution",
            None if old is None else old.id,
            None if old is None else _record(article_id, old),
            None if new is None else _record(article_id, new),
        )
        for old, new in sorted(edits, key=order)
        if old != new
    ]
    current = store.status(article_id)
    if status is not None and status is not current:
        changes.append(
            Change("article", article_id, {"status": current.value}, {"status": status.value})
        )
    return Command(label, article_id, changes) if changes else None
