"""A small corpus built by hand, with real commands in its decisions log, whose report
figures the tests count by hand (see test_report.py)."""

from __future__ import annotations

from pathlib import Path

from core.corpus.store import Store
from core.formats.imported import content_hash
from core.model import Article, Attribution, QuoteType, Span, State, Status
from core.review import commands as cmd
from core.tokens import tokenize

A_TEXT = (
    "Mayor Ana Ruiz said the bridge would reopen in May. "
    "Critics said the plan would fail badly.\n\n"
    "\u201cIt is a waste,\u201d Ben Cole said. Officials said nothing was decided.\n\n"
    "The union warned that jobs would go."
)
B_TEXT = "Ana Ruiz said taxes would rise. Ben Cole told reporters that he disagreed."
C_TEXT = "\u201cWe are ready,\u201d Ana Ruiz said."


def at(text: str, s: str, nth: int = 0) -> Span:
    i = -1
    for _ in range(nth + 1):
        i = text.index(s, i + 1)
    return Span(i, i + len(s))


def suggestion(text, quote, speaker, name, cue, qtype=QuoteType.INDIRECT, *, nth=0):
    return Attribution(
        quote=at(text, quote),
        speaker=at(text, speaker, nth) if speaker else None,
        cue=at(text, cue, nth) if cue else None,
        speaker_name=name,
        type=qtype,
    )


def add_article(store: Store, text: str, attrs: list[Attribution], **meta: str) -> int:
    art = Article(text=text, content_hash=content_hash(text), **meta)
    article_id, _ = store.add_article(art, attrs, tokenize(text))
    return article_id


def apply(store: Store, command: cmd.Command | None) -> None:
    assert command is not None
    cmd.apply(store, command)


def build(path: Path) -> Path:
    """Article A (done, reviewed with every kind of fix), B (todo), C (in progress)."""
    with Store(path) as store:
        a = add_article(
            store,
            A_TEXT,
            [
                suggestion(
                    A_TEXT, "the bridge would reopen in May.", "Mayor Ana Ruiz", "Ana Ruiz", "said"
                ),
                suggestion(
                    A_TEXT, "the plan would fail badly.", "Critics", "Critics", "said", nth=0
                ),
                suggestion(A_TEXT, "It is a waste,", "Critics", "Critics", "said", QuoteType.MIXED),
                suggestion(A_TEXT, "nothing was decided.", "Officials", "Officials", "said"),
            ],  # fmt: skip
            title="Bridge",
            date="2025-05-03",
            url="https://www.example.com/a",
        )
        s1, s2, s3, s4 = store.attributions(a)
        edits = [
            lambda: cmd.set_state(store, s1.id, State.ACCEPTED),  # accepted as is
            lambda: cmd.move_edge(store, s2.id, "quote", "end", -1),  # drops "."
            lambda: cmd.move_edge(store, s2.id, "quote", "end", -1),  # drops "badly": moved
            lambda: cmd.set_state(store, s2.id, State.ACCEPTED),
            lambda: cmd.set_speaker(store, s3.id, at(A_TEXT, "Ben Cole"), "Ben Cole"),
            lambda: cmd.set_type(store, s3.id, QuoteType.DIRECT),
            lambda: cmd.set_state(store, s3.id, State.ACCEPTED),
            lambda: cmd.set_state(store, s4.id, State.REJECTED),
        ]
        for edit in edits:
            apply(store, edit())
        missed = cmd.new_manual(at(A_TEXT, "jobs would go.")).with_(
            speaker=at(A_TEXT, "The union"),
            cue=at(A_TEXT, "warned"),
            speaker_name="The union",
            type=QuoteType.INDIRECT,
        )
        apply(store, cmd.add(store, a, missed))  # added: the suggester missed it
        apply(store, cmd.set_status(store, a, Status.DONE))

        add_article(
            store,
            B_TEXT,
            [
                suggestion(B_TEXT, "taxes would rise.", "Ana Ruiz", "Ana Ruiz", "said"),
                suggestion(B_TEXT, "he disagreed.", "Ben Cole", "Ben Cole", "told"),
            ],
            title="Taxes",
            date="2025-06-10",
            url="https://news.other.org/b",
        )
        c = add_article(
            store,
            C_TEXT,
            [suggestion(C_TEXT, "We are ready,", "Ana Ruiz", "Ana Ruiz", "said", QuoteType.DIRECT)],
            title="Ready",
        )
        # the first edit puts C in progress
        apply(store, cmd.set_state(store, store.attributions(c)[0].id, State.ACCEPTED))
    return path
