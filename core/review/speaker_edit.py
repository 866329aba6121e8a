"""Speaker names across the corpus: rename or merge as one undoable command (one
transaction, one decisions-log row). The list with counts and where a name's quotes are
come from the corpus (:func:`core.corpus.queries.speaker_counts`, ``quotes_of``)."""

from __future__ import annotations

from core.corpus import queries
from core.corpus.store import Store
from core.review.commands import Change, Command


def merge(store: Store, names: list[str], into: str) -> Command | None:
    """Give every attribution whose speaker name is one of ``names`` the name ``into``
    (rejected ones too, so nothing keeps the old name), as one command over the whole
    corpus. None when nothing would change."""
    into = into.strip()
    old = sorted({n for n in names if n != into})
    if not into or not old:
        return None
    changes = []
    article_id = None
    for attr_id in queries.named(store, old):
        before = store.current("attribution", attr_id)
        assert before is not None
        article_id = article_id or int(before["article_id"])
        changes.append(Change("attribution", attr_id, before, dict(before, speaker_name=into)))
    if article_id is None:
        return None
    label = (
        f"rename speaker {old[0]!r} to {into!r}"
        if len(old) == 1
        else (f"merge speakers {', '.join(map(repr, old))} into {into!r}")
    )
    return Command(label, article_id, changes)


def rename(store: Store, old: str, new: str) -> Command | None:
    """Rename a speaker across the corpus (to an existing name, this merges them)."""
    return merge(store, [old], new)
