"""The curator's commands in a gold corpus (docs/adr/0034): take one annotator's version
of an item, reject every version, keep the curator's own attributions there, and take
one annotator's version of every item where the others marked nothing. Each is one
command (one transaction, one row of the decisions log, one undo step): the gold
attributions it adds (accepted, each with its ``provenance`` row) or removes (those an
earlier choice in the item made), the item's outcome (``curation_item``), and the
article's status: done once no item of it is open, in progress before.

Changing one's mind is the same key again: taking another version of an item already
decided first removes what the first choice added."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from core.corpus import curation
from core.corpus.curation import Item, Outcome
from core.corpus.store import Store
from core.model import Attribution, Status
from core.review.commands import Change, Command


def _undone(store: Store, item: Item) -> list[Change]:
    """Remove what an earlier choice in ``item`` added: its gold attributions and their
    provenance rows."""
    out: list[Change] = []
    for version_id, a in curation.made_in(store, item.id):
        assert a.id is not None
        was = {"how": "adjudicated", "item_id": item.id, "version_id": version_id}
        out.append(Change("provenance", a.id, was, None))
        out.append(Change("attribution", a.id, a.to_logged(item.article_id), None))
    return out


def _settled(
    store: Store, item: Item, outcome: Outcome, number: int | None, take: Sequence[Attribution]
) -> list[Change]:
    """The changes settling ``item`` as ``outcome``: what an earlier choice added
    removed, the versions ``take`` added as accepted gold attributions with their
    provenance, the item's new outcome."""
    changes = _undone(store, item)
    for v in take:
        changes.append(
            Change("attribution", None, None, curation.gold_of(v).to_logged(item.article_id))
        )
        changes.append(
            Change(
                "provenance",
                None,
                None,
                {"how": "adjudicated", "item_id": item.id, "version_id": v.id},
            )
        )
    after = {"outcome": outcome.value, "taken_from": number}
    changes.append(Change("curation_item", item.id, item.record(), after))
    return changes


def _statuses(store: Store, settled: Iterable[Item]) -> list[Change]:
    """Each article's status once ``settled`` (items of it) are decided: done when no
    item of it is left open, else in progress if it was still to do."""
    closing: dict[int, int] = {}
    for it in settled:
        closing[it.article_id] = closing.get(it.article_id, 0) + it.open
    out = []
    for article_id, closed in closing.items():
        current = store.status(article_id)
        left = curation.open_items(store, article_id) - closed
        wanted = Status.DONE if not left else Status.IN_PROGRESS
        if current is not wanted and not (left and current is not Status.TODO):
            before, after = {"status": current.value}, {"status": wanted.value}
            out.append(Change("article", article_id, before, after))
    return out


def _name(store: Store, number: int) -> str:
    names = {a.number: a.name for a in curation.annotators(store)}
    return names.get(number, str(number))


def take(store: Store, item: Item, number: int) -> Command | str:
    """Take annotator ``number``'s version of ``item`` (an empty one too: they marked
    nothing there), or the reason it cannot be."""
    if number not in item.versions:
        return f"Annotator {number} did not annotate this article."
    if item.outcome is Outcome.TAKEN and item.taken_from == number:
        return f"{_name(store, number)}'s version is already taken here."
    changes = _settled(store, item, Outcome.TAKEN, number, item.versions[number])
    label = f"take {_name(store, number)}'s version"
    return Command(label, item.article_id, changes + _statuses(store, [item]))


def reject_all(store: Store, item: Item) -> Command | str:
    """Reject every version of ``item``: nothing of it in the gold."""
    if item.outcome is Outcome.REJECTED:
        return "Every version is already rejected here."
    changes = _settled(store, item, Outcome.REJECTED, None, ())
    return Command("reject every version", item.article_id, changes + _statuses(store, [item]))


def own(store: Store, item: Item) -> Command | str:
    """Settle ``item`` as the curator's: what the curator added or edited there stands
    (what an earlier choice took stays: its provenance says when it was edited)."""
    if item.outcome is Outcome.EDITED:
        return "This item is already settled as the curator's."
    after = {"outcome": Outcome.EDITED.value, "taken_from": None}
    changes = [Change("curation_item", item.id, item.record(), after)]
    return Command("settle as curated", item.article_id, changes + _statuses(store, [item]))


def take_alone(store: Store, number: int, article_id: int | None = None) -> Command | str:
    """Take annotator ``number``'s version of every open item where only they marked
    something (the others had the article and marked nothing there), over the corpus
    or, with ``article_id``, one article: one command, undone in one step."""
    found = [
        it
        for art in curation.lone_articles(store, number, article_id)
        for it in curation.items(store, art)
        if it.open and _alone(it, number)
    ]
    if not found:
        return f"No open item where only {_name(store, number)} marked something."
    changes = [
        c for it in found for c in _settled(store, it, Outcome.TAKEN, number, it.versions[number])
    ]
    label = f"take {_name(store, number)}'s version of {len(found)} item(s) only they marked"
    return Command(label, article_id, changes + _statuses(store, found))


def _alone(item: Item, number: int) -> bool:
    return bool(item.versions.get(number)) and not any(
        v for n, v in item.versions.items() if n != number
    )
