"""Speaker names across the corpus: the list with counts, where a name's quotes are, and
rename or merge as one undoable command (one transaction, one decisions-log row)."""

from __future__ import annotations

from core.corpus.store import Store
from core.model import State
from core.review.commands import Change, Command


def speaker_counts(store: Store) -> list[tuple[str, int]]:
    """Every speaker name with its number of quotes (rejected ones aside), most quoted
    first, then by name."""
    return [
        (name, n)
        for name, n in store.conn.execute(
            """SELECT speaker_name, COUNT(*) FROM attributions
               WHERE state != ? AND speaker_name IS NOT NULL AND speaker_name != ''
               GROUP BY speaker_name ORDER BY 2 DESC, 1""",
            (State.REJECTED.value,),
        )
    ]


def quotes_of(store: Store, name: str) -> list[tuple[int, int]]:
    """(article id, attribution id) of every quote, rejected ones aside, whose speaker
    name is ``name``, in corpus order."""
    return [
        (article_id, attr_id)
        for article_id, attr_id in store.conn.execute(
            """SELECT article_id, id FROM attributions
               WHERE speaker_name = ? AND state != ? ORDER BY article_id, quote_start""",
            (name, State.REJECTED.value),
        )
    ]


def merge(store: Store, names: list[str], into: str) -> Command | None:
    """Give every attribution whose speaker name is one of ``names`` the name ``into``
    (rejected ones too, so nothing keeps the old name), as one command over the whole
    corpus. None when nothing would change."""
    into = into.strip()
    old = sorted({n for n in names if n != into})
    if not into or not old:
        return None
    marks = ",".join("?" * len(old))
    ids = [
        r[0]
        for r in store.conn.execute(
            f"SELECT id FROM attributions WHERE speaker_name IN ({marks}) ORDER BY article_id, id",
            old,
        )
    ]
    changes = []
    article_id = None
    for attr_id in ids:
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
