"""Edits to the corpus as plain commands: apply and revert, one transaction, one log row.

A :class:`Command` is a list of row changes, each with the record before and after.
Applying checks that every row still holds its ``before`` record (so a stale window
or a second process cannot overwrite newer work) and writes ``after``; reverting
applies the inverse. The GUI wraps each command in one ``QUndoCommand``; the
decisions log makes the history survive a restart (:func:`history`).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from core.model import Attribution, Origin, QuoteType, Span, SpanError, State, Status
from core.store import ConflictError, Store

SPAN_KINDS = ("quote", "speaker", "cue")


@dataclass(frozen=True)
class Change:
    """One row: an attribution (``before`` None creates it, ``after`` None deletes it)
    or an article's status."""

    table: str
    id: int | None
    before: dict[str, Any] | None
    after: dict[str, Any] | None

    def inverse(self) -> Change:
        return Change(self.table, self.id, self.after, self.before)

    def as_json(self) -> dict[str, Any]:
        return {"table": self.table, "id": self.id, "before": self.before, "after": self.after}


@dataclass(frozen=True)
class Changed:
    """What a command changed, for views to refresh from."""

    article_id: int
    attribution_ids: frozenset[int]
    status_changed: bool
    focus: int | None = None


@dataclass
class Command:
    label: str
    article_id: int
    changes: list[Change] = field(default_factory=list)
    log_id: int | None = None

    def inverse(self) -> Command:
        return Command(
            f"undo {self.label}", self.article_id, [c.inverse() for c in reversed(self.changes)]
        )


def _execute(store: Store, cmd: Command, kind: str, ref: int | None) -> tuple[int, Changed]:
    written: list[Change] = []
    with store.transaction() as conn:
        for ch in cmd.changes:
            current = store.current(ch.table, ch.id) if ch.id is not None else None
            if ch.id is not None and current == ch.after and ch.after is not None:
                written.append(ch)  # already so (another process did the same): fine
                continue
            if ch.id is not None and current != ch.before:
                raise ConflictError(
                    "this attribution was changed elsewhere (another window or process); "
                    "the view has been reloaded"
                )
            row_id = store.write(ch.table, ch.id, ch.after)
            written.append(Change(ch.table, row_id, ch.before, ch.after))
        cmd.changes = written
        log_id = store._log(  # noqa: SLF001 - commands and the store share the log format
            conn, kind, ref, cmd.article_id, cmd.label, [c.as_json() for c in written]
        )
    attrs = frozenset(c.id for c in written if c.table == "attribution" and c.id is not None)
    focus = next((c.id for c in written if c.table == "attribution" and c.after is not None), None)
    status = any(c.table == "article" for c in written)
    return log_id, Changed(cmd.article_id, attrs, status, focus)


def apply(store: Store, cmd: Command) -> Changed:
    """Do a new edit; ``cmd.log_id`` is set to its row in the decisions log."""
    cmd.log_id, changed = _execute(store, cmd, "edit", None)
    return changed


def revert(store: Store, cmd: Command) -> Changed:
    """Undo an applied edit (itself logged, so undo survives a restart)."""
    inv = cmd.inverse()
    _, changed = _execute(store, inv, "undo", cmd.log_id)
    return changed


def reapply(store: Store, cmd: Command) -> Changed:
    """Redo an undone edit."""
    _, changed = _execute(store, cmd, "redo", cmd.log_id)
    return changed


def history(store: Store) -> tuple[list[Command], list[Command]]:
    """The undo stack as the log leaves it: (done, oldest first; undone, next redo last)."""
    done: list[Command] = []
    undone: list[Command] = []
    by_id: dict[int, Command] = {}
    rows = store.conn.execute(
        "SELECT id, kind, ref, article_id, label, changes FROM decisions "
        "WHERE kind IN ('edit', 'undo', 'redo') ORDER BY id"
    ).fetchall()
    for log_id, kind, ref, article_id, label, changes in rows:
        if kind == "edit":
            try:
                cmd = Command(label, article_id, [Change(**c) for c in json.loads(changes)], log_id)
            except (TypeError, ValueError):
                continue  # a damaged row, reported by the open (Store.damage)
            by_id[log_id] = cmd
            done.append(cmd)
            undone.clear()
        elif ref in by_id:
            src, dst = (done, undone) if kind == "undo" else (undone, done)
            cmd = by_id[ref]
            if cmd in src:
                src.remove(cmd)
                dst.append(cmd)
    return done, undone


# -- building commands ---------------------------------------------------------------------


def _record(article_id: int, a: Attribution) -> dict[str, Any]:
    rec = a.to_record()
    rec["article_id"] = article_id
    return rec


def _get(store: Store, attr_id: int) -> tuple[int, Attribution]:
    found = store.attribution(attr_id)
    if found is None:
        raise ConflictError(f"attribution {attr_id} no longer exists")
    return found


def _started(store: Store, article_id: int) -> list[Change]:
    """An edit in an article still to do marks it in progress, in the same command."""
    if store.status(article_id) is Status.TODO:
        return [Change("article", article_id, {"status": "todo"}, {"status": "in_progress"})]
    return []


def edit(store: Store, attr_id: int, label: str, **fields: Any) -> Command | None:
    """Change fields of one attribution; None when nothing would change."""
    article_id, a = _get(store, attr_id)
    new = a.with_(**fields)
    if new == a:
        return None
    new.check(store.text_length(article_id))
    change = Change("attribution", attr_id, _record(article_id, a), _record(article_id, new))
    return Command(label, article_id, [change, *_started(store, article_id)])


def set_state(store: Store, attr_id: int, state: State) -> Command | None:
    return edit(
        store, attr_id, f"{'accept' if state is State.ACCEPTED else state.value}", state=state
    )


def accept_all(store: Store, article_id: int) -> Command | None:
    """Accept every suggestion of the article still to review, as one command."""
    changes = [
        Change(
            "attribution",
            a.id,
            _record(article_id, a),
            _record(article_id, a.with_(state=State.ACCEPTED)),
        )
        for a in store.attributions(article_id)
        if a.state is State.SUGGESTED
    ]
    if not changes:
        return None
    return Command(f"accept {len(changes)}", article_id, changes + _started(store, article_id))


def set_type(store: Store, attr_id: int, qtype: QuoteType) -> Command | None:
    return edit(store, attr_id, f"type {qtype.value}", type=qtype)


def set_span(store: Store, attr_id: int, kind: str, span: Span | None) -> Command | None:
    """Set (or, for speaker and cue, clear) one of an attribution's spans."""
    if kind == "quote" and span is None:
        raise SpanError("a quote cannot be removed; delete the attribution instead")
    fields: dict[str, Any] = {kind: span}
    if kind == "speaker":
        article_id, _ = _get(store, attr_id)
        text = store.article(article_id).text
        fields["speaker_name"] = text[span.start : span.end] if span else None
    return edit(store, attr_id, f"{kind} {'cleared' if span is None else 'set'}", **fields)


def set_speaker(store: Store, attr_id: int, span: Span | None, name: str | None) -> Command | None:
    return edit(store, attr_id, "speaker", speaker=span, speaker_name=name or None)


def set_speaker_name(store: Store, attr_id: int, name: str) -> Command | None:
    return edit(store, attr_id, "speaker name", speaker_name=name.strip() or None)


def move_edge(store: Store, attr_id: int, kind: str, edge: str, step: int) -> Command | None:
    """Move the start or end of the quote, speaker or cue by one token."""
    article_id, a = _get(store, attr_id)
    span = getattr(a, kind)
    if span is None:
        raise SpanError(f"this attribution has no {kind}")
    moved = store.tokens(article_id).move_edge(span, edge, step)
    if moved is None:
        raise SpanError(f"the {kind} cannot move further")
    return edit(store, attr_id, f"{kind} {edge} {'left' if step < 0 else 'right'}", **{kind: moved})


def add(store: Store, article_id: int, attribution: Attribution) -> Command:
    """A new (manual, accepted) attribution."""
    a = attribution.with_(id=None)
    a.check(store.text_length(article_id))
    change = Change("attribution", None, None, _record(article_id, a))
    return Command("add quote", article_id, [change, *_started(store, article_id)])


def delete(store: Store, attr_id: int) -> Command:
    article_id, a = _get(store, attr_id)
    change = Change("attribution", attr_id, _record(article_id, a), None)
    return Command("delete", article_id, [change])


def set_status(store: Store, article_id: int, status: Status) -> Command | None:
    current = store.status(article_id)
    if current is status:
        return None
    change = Change("article", article_id, {"status": current.value}, {"status": status.value})
    return Command(f"mark {status.value.replace('_', ' ')}", article_id, [change])


def new_manual(quote: Span) -> Attribution:
    return Attribution(quote=quote, state=State.ACCEPTED, origin=Origin.MANUAL)
