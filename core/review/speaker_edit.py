"""Speakers across the corpus as entities (docs/adr/0024): rename, merge, describe
(kind, external id) and dismiss a merge candidate, each one undoable command (one
transaction, one decisions-log row) over the ``speakers`` table and the rows that point
to it. The alias a name given to a mention teaches is
:func:`core.review.commands.taught`; the list with counts and where a speaker's quotes
are come from the corpus (:func:`core.corpus.queries.speaker_counts`, ``quotes_of``)."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from core.corpus import queries
from core.corpus.store import Store
from core.model import Speaker, SpeakerKind
from core.review.commands import Change, Command
from core.suggest.duplicates import Duplicate, duplicates
from core.suggest.registry import kind_of


def record(s: Speaker) -> dict[str, Any]:
    """A speaker's row as a command logs it."""
    return {"name": s.name, "kind": s.kind.value if s.kind else None, "external_id": s.external_id}


def merge(store: Store, names: list[str], into: str) -> Command | None:
    """Make the speakers named ``names`` one speaker named ``into``, as one command over
    the corpus: the speaker already named ``into`` (else the first of ``names``,
    renamed) takes the others' quotes (rejected ones too) and aliases, their names become
    its aliases, and they go. None when nothing would change."""
    into = into.strip()
    found = {s.name: s for s in queries.speakers_named(store, [*names, into])}
    old = [found[n] for n in dict.fromkeys(names) if n in found and n != into]
    if not into or not old:
        return None
    target = found.get(into)
    changes: list[Change] = []
    if target is None:
        first = old.pop(0)
        target = replace(first, name=into)
        changes += [Change("speaker", first.id, record(first), record(target))]
        changes += _quotes_to(store, first, target)
        changes += _taught(target, first.name)
    for other in old:
        changes += _merged(store, other, target)
        target = replace(target, aliases=(*target.aliases, *other.aliases, other.name))
    gone = [repr(n) for n in names if n != into]
    label = (
        f"rename speaker {gone[0]} to {into!r}"
        if len(gone) == 1 and into not in found
        else f"merge speakers {', '.join(gone)} into {into!r}"
    )
    return Command(label, None, changes)


def rename(store: Store, old: str, new: str) -> Command | None:
    """Rename a speaker across the corpus (to an existing speaker's name, this merges them)."""
    return merge(store, [old], new)


def _quotes_to(store: Store, source: Speaker, target: Speaker) -> list[Change]:
    """Every attribution of ``source`` given to ``target`` (its id and name)."""
    assert source.id is not None and target.id is not None
    changes = []
    for attr_id in queries.attributions_of(store, source.id):
        before = store.current("attribution", attr_id)
        assert before is not None
        after = dict(before, speaker_name=target.name, speaker_id=target.id)
        changes.append(Change("attribution", attr_id, before, after))
    return changes


def _taught(target: Speaker, alias: str) -> list[Change]:
    """``alias`` made one of ``target``'s, unless it is its name or one already."""
    if alias == target.name or alias in target.aliases:
        return []
    return [Change("alias", None, None, {"speaker_id": target.id, "alias": alias})]


def _merged(store: Store, other: Speaker, target: Speaker) -> list[Change]:
    """``other`` into ``target``: its quotes and aliases moved, its name an alias, and
    it deleted (last: nothing points to it then; an undo makes it again first)."""
    assert other.id is not None
    changes = _quotes_to(store, other, target)
    for alias_id, alias in queries.alias_ids(store, other.id):
        before = {"speaker_id": other.id, "alias": alias}
        moved = None if alias == target.name or alias in target.aliases else target.id
        after = None if moved is None else dict(before, speaker_id=moved)
        changes.append(Change("alias", alias_id, before, after))
    changes += _taught(replace(target, aliases=(*target.aliases, *other.aliases)), other.name)
    changes.append(Change("speaker", other.id, record(other), None))
    return changes


def describe(
    store: Store, name: str, kind: SpeakerKind | None = None, external_id: str | None = None
) -> Command | None:
    """Set the kind or the external id of the speaker named ``name``; None when nothing
    would change."""
    found = queries.speakers_named(store, [name])
    if not found:
        return None
    s = found[0]
    new = replace(
        s,
        kind=kind if kind is not None else s.kind,
        external_id=external_id.strip() if external_id is not None else s.external_id,
    )
    if new == s:
        return None
    said = f"{new.kind.value if new.kind else 'kind'}" + (
        f", {new.external_id}" if new.external_id else ""
    )
    return Command(
        f"speaker {name!r}: {said}", None, [Change("speaker", s.id, record(s), record(new))]
    )


def dismiss(store: Store, first: Speaker, second: Speaker) -> Command | None:
    """Remember that two speakers are not the same (a merge candidate dismissed)."""
    if first.id is None or second.id is None or first.id == second.id:
        return None
    pair = (min(first.id, second.id), max(first.id, second.id))
    if pair in queries.dismissed(store):
        return None
    change = Change("dismissal", None, None, {"first": pair[0], "second": pair[1]})
    return Command(f"not the same: {first.name!r} and {second.name!r}", None, [change])


def import_known(store: Store, speakers: list[Speaker], source: str) -> Command | None:
    """A known speakers list (``core.formats.known_speakers``) into the corpus, as one
    command: a listed speaker new to the corpus is made with its kind (guessed from its
    name if the list gives none, so it is known though no quote is its), id and aliases;
    one already there (by name) takes the list's kind and id where the list gives them,
    and its aliases. None when the corpus knows it all already."""
    found = {s.name: s for s in queries.speakers_named(store, [s.name for s in speakers])}
    changes: list[Change] = []
    for listed in speakers:
        there = found.get(listed.name)
        if there is None:  # (an unstated kind is guessed once: it is a listed speaker)
            there = replace(listed, kind=kind_of(listed), aliases=())
            changes.append(Change("speaker", None, None, record(there)))
        else:
            new = replace(
                there,
                kind=listed.kind or there.kind,
                external_id=listed.external_id or there.external_id,
            )
            if new != there:
                changes.append(Change("speaker", there.id, record(there), record(new)))
        for alias in listed.aliases:
            if alias not in there.aliases and alias != there.name:
                record_ = {"speaker_id": there.id, "speaker_name": there.name, "alias": alias}
                changes.append(Change("alias", None, None, record_))
    if not changes:
        return None
    return Command(f"import {len(speakers)} known speaker(s) from {source}", None, changes)


def merge_candidates(store: Store) -> list[Duplicate]:
    """The corpus's likely duplicate speakers (:func:`core.suggest.duplicates.duplicates`),
    those the user dismissed left out."""
    return duplicates(queries.known_speakers(store), queries.dismissed(store))


def merge_pair(store: Store, pair: Duplicate) -> Command | None:
    """Merge a candidate pair: ``pair.other`` into ``pair.into``."""
    return merge(store, [pair.other.name], pair.into.name)
