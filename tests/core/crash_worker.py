"""Run by test_faults.py in a subprocess: review actions on a corpus, printing
"ack N" once action N is committed, until it is killed."""

import sys

from core.corpus.store import Store
from core.model import QuoteType, Span, State
from core.review import commands


def build(store: Store, art_id: int, n: int) -> commands.Command | None:
    """Action n: accept the next suggestion, make the last accepted one indirect, or
    add a one-token manual quote where no quote is, in turn."""
    attrs = store.attributions(art_id)
    if n % 3 == 0:
        nxt = next(a for a in attrs if a.state is State.SUGGESTED)
        return commands.set_state(store, nxt.id, State.ACCEPTED)
    if n % 3 == 1:
        last = max(
            (a for a in attrs if a.state is State.ACCEPTED and a.origin.value == "model"),
            key=lambda a: a.id,
        )
        return commands.set_type(store, last.id, QuoteType.INDIRECT)
    free = [t for t in store.tokens(art_id) if not any(a.quote.overlaps(Span(*t)) for a in attrs)]
    return commands.add(store, art_id, commands.new_manual(Span(*free[n])))


def main() -> None:
    db, count = sys.argv[1], int(sys.argv[2])
    with Store(db) as store:
        (art_id,) = store.article_ids()
        for n in range(count):
            commands.apply(store, build(store, art_id, n))
            print(f"ack {n}", flush=True)


if __name__ == "__main__":
    main()
