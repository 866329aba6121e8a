"""Speakers as entities of the corpus (issue 20, docs/adr/0024): an older corpus's names
become speakers, and renames and merges are commands on the speakers table, each one
log row, undone and redone in one step, also after a restart."""

import json

import pytest

from core.corpus import queries
from core.corpus.schema import MIGRATIONS, SCHEMA_VERSION
from core.corpus.search import index_article
from core.corpus.store import Store
from core.model import Span, SpeakerKind
from core.review import commands as cmd
from core.review import speaker_edit as se
from tests.conftest import corpus_before
from tests.core.small_corpus import build

TEXT = "Ana said it would rain. Ana Ruiz said so too. Ben Cole disagreed, he said."


def _v6_corpus(path):
    """A corpus as QuoteLab left it before speakers were entities: speaker names on the
    attributions only, and an edit in the log whose records have no speaker id."""
    conn = corpus_before(path, MIGRATIONS[6])
    conn.execute(
        "INSERT INTO articles (content_hash, text, imported_at) VALUES ('h', ?, 'now')", (TEXT,)
    )
    rows = [
        ("Ana", "it would rain", "Ana Ruiz", "accepted"),  # renamed from "Ana": the edit below
        ("Ana Ruiz", "so too", "Ana Ruiz", "suggested"),
        ("Ben Cole", "disagreed", "Ben Cole", "rejected"),
        ("he", "said.", None, "suggested"),
    ]
    for speaker, quote, name, state in rows:
        s, q = TEXT.index(speaker), TEXT.index(quote)
        conn.execute(
            "INSERT INTO attributions (article_id, quote_start, quote_end, speaker_start, "
            "speaker_end, speaker_name, type, state, origin) "
            "VALUES (1, ?, ?, ?, ?, ?, 'indirect', ?, 'model')",
            (q, q + len(quote), s, s + len(speaker), name, state),
        )
    index_article(conn, 1, update=False)  # its search entry, as the import made it
    before = {
        "quote": {"start": 9, "end": 22},
        "speaker": {"start": 0, "end": 3},
        "cue": None,
        "speaker_name": "Ana",
        "type": "indirect",
        "state": "accepted",
        "origin": "model",
        "confidence": None,
        "article_id": 1,
    }
    after = dict(before, speaker_name="Ana Ruiz", origin="edited")
    change = {"table": "attribution", "id": 1, "before": before, "after": after}
    conn.execute(
        "INSERT INTO decisions (at, annotator, kind, article_id, label, changes) "
        "VALUES ('now', 'me', 'edit', 1, 'speaker name Ana Ruiz', ?)",
        (json.dumps([change]),),
    )
    conn.execute("UPDATE attributions SET origin = 'edited' WHERE id = 1")
    conn.execute("COMMIT")
    conn.close()


def test_an_older_corpus_gets_a_speaker_per_distinct_name(tmp_path):
    path = tmp_path / "old.qlab"
    _v6_corpus(path)
    with Store(path) as s:
        assert s.schema_version() == SCHEMA_VERSION
        speakers = {sp.name: sp for sp in queries.known_speakers(s)}
        assert sorted(speakers) == ["Ana Ruiz", "Ben Cole"]
        assert all(sp.kind is None and sp.aliases == () for sp in speakers.values())
        by_attr = {a.id: a.speaker_id for a in s.attributions(1)}
        ana, ben = speakers["Ana Ruiz"].id, speakers["Ben Cole"].id
        assert by_attr == {1: ana, 2: ana, 3: ben, 4: None}
        # the dock counts speakers: the rejected quote of Ben Cole aside
        assert [(sp.name, n) for sp, n in queries.speaker_counts(s)] == [("Ana Ruiz", 2)]


def test_an_edit_logged_before_the_migration_is_still_undone(tmp_path):
    path = tmp_path / "old.qlab"
    _v6_corpus(path)
    with Store(path) as s:
        stack = cmd.UndoStack(s)
        assert stack.undo() is not None
        a = s.attribution(1)[1]
        assert a.speaker_name == "Ana"
        assert a.speaker_id == queries.speakers_named(s, ["Ana"])[0].id  # a speaker made for it
        assert stack.redo() is not None
        assert s.attribution(1)[1].speaker_id == queries.speakers_named(s, ["Ana Ruiz"])[0].id


@pytest.fixture
def small(tmp_path):
    return build(tmp_path / "small.qlab")


def _speaker(store, name):
    found = queries.speakers_named(store, [name])
    return found[0] if found else None


def test_rename_changes_the_speaker_not_who_it_is(small):
    with Store(small) as s:
        ben = _speaker(s, "Ben Cole")
        log = len(s.decisions())
        stack = cmd.UndoStack(s)
        stack.apply(se.rename(s, "Ben Cole", "Benjamin Cole"))
        renamed = _speaker(s, "Benjamin Cole")
        assert renamed.id == ben.id and renamed.aliases == ("Ben Cole",)
        assert _speaker(s, "Ben Cole") is None
        quotes = [s.attribution(i)[1] for i in queries.attributions_of(s, ben.id)]
        assert len(quotes) == 2 and {a.speaker_name for a in quotes} == {"Benjamin Cole"}
        assert len(s.decisions()) == log + 1
        stack.undo()
        assert _speaker(s, "Ben Cole") == ben and _speaker(s, "Benjamin Cole") is None
        stack.redo()
        assert _speaker(s, "Benjamin Cole") == renamed
        assert len(s.decisions()) == log + 3  # the edit, its undo, its redo


def test_merge_moves_quotes_and_aliases_and_undoes_in_one_step(small):
    with Store(small) as s:
        cmd.apply(s, se.rename(s, "Critics", "The critics"))  # "Critics": an alias now
        before = {sp.name: sp for sp in queries.known_speakers(s)}
        counts = {sp.name: n for sp, n in queries.speaker_counts(s)}
        log = len(s.decisions())
        merge = se.merge(s, ["The critics", "The union"], "Ana Ruiz")
        cmd.apply(s, merge)
        ana = _speaker(s, "Ana Ruiz")
        assert ana.id == before["Ana Ruiz"].id
        assert set(ana.aliases) == {"Critics", "The critics", "The union"}
        assert _speaker(s, "The critics") is None and _speaker(s, "The union") is None
        after = {sp.name: n for sp, n in queries.speaker_counts(s)}
        assert after["Ana Ruiz"] == counts["Ana Ruiz"] + counts["The critics"] + counts["The union"]
        assert len(s.decisions()) == log + 1
    with Store(small) as s:  # after a restart
        done, _ = cmd.history(s)
        cmd.revert(s, done[-1])
        assert {sp.name: sp for sp in queries.known_speakers(s)} == before
        assert {sp.name: n for sp, n in queries.speaker_counts(s)} == counts
        cmd.reapply(s, done[-1])
        assert _speaker(s, "The union") is None


def test_a_name_given_to_a_mention_teaches_its_alias_undone_with_it(small):
    with Store(small) as s:
        art = s.article_ids()[1]  # "Ana Ruiz said taxes ... Ben Cole told reporters ..."
        text = s.article(art).text
        first = s.attributions(art)[0]
        said = text[first.speaker.start : first.speaker.end]
        assert said == "Ana Ruiz"
        edit = cmd.set_speaker_name(s, first.id, "Ana Maria Ruiz", said)
        stack = cmd.UndoStack(s)
        stack.apply(edit)
        taught = _speaker(s, "Ana Maria Ruiz")
        assert (
            taught.aliases == ("Ana Ruiz",) and s.attribution(first.id)[1].speaker_id == taught.id
        )
        stack.undo()
        assert _speaker(s, "Ana Maria Ruiz").aliases == ()  # the speaker stays, known
        # a pronoun, the name itself, or a description (another firm in each article)
        # teaches nothing; a description with a name in it does
        assert cmd.taught(s, "Ben Cole", "he") == []
        assert cmd.taught(s, "Ben Cole", "ben cole") == []
        assert cmd.taught(s, "Acme Corp", "the company") == []
        assert cmd.taught(s, "Acme Corp", "The chip maker") == []
        assert cmd.taught(s, "Ben Cole", "the Kremlin spokesman") != []
        named = cmd.set_speaker_name(s, first.id, "Ben Cole", "he")
        assert "alias" not in [c.table for c in named.changes]


def test_describe_sets_kind_and_external_id(small):
    with Store(small) as s:
        c = se.describe(s, "The union", SpeakerKind.ORGANISATION, "Q1234")
        cmd.apply(s, c)
        union = _speaker(s, "The union")
        assert union.kind is SpeakerKind.ORGANISATION and union.external_id == "Q1234"
        assert se.describe(s, "The union", SpeakerKind.ORGANISATION) is None
        cmd.revert(s, c)
        assert _speaker(s, "The union").kind is None


def test_a_one_word_organisation_typed_does_not_outrank_people_under_m():
    """Issue 20, item 9: the kind travels with the name. "Acme" was typed as a speaker's
    name; as a known name it used to count as a person, nearer than Ana Ruiz."""
    from core.model import Attribution
    from core.review.speakers import candidates
    from core.tokens import Tokens, tokenize

    text = 'Ana Ruiz spoke first. Acme said "prices rise" and "we are ready" today.'
    typed = Attribution(
        quote=Span(text.index("prices"), text.index("prices") + 11),
        speaker=Span(text.index("Acme"), text.index("Acme") + 4),
        speaker_name="Acme",
    )
    quote = Span(text.index("we are"), text.index("we are") + 12)
    tokens = Tokens(tokenize(text))

    def first(kinds):
        found = candidates(text, tokens, [typed], quote, kinds=kinds)
        return text[found[0].span.start : found[0].span.end]

    assert first({"Acme": SpeakerKind.ORGANISATION}) == "Ana Ruiz"
    assert first({}) == "Ana Ruiz"  # unstated: guessed from the name, one word is no person
    assert first({"Acme": SpeakerKind.PERSON}) == "Acme"  # stated a person: nearest first


def test_merge_candidates_merge_in_one_key_and_dismissals_are_remembered(small):
    with Store(small) as s:
        cmd.apply(s, se.rename(s, "Critics", "Cole"))  # "Cole": a part of "Ben Cole"
        cmd.apply(s, se.rename(s, "The union", "ANA RUIZ"))  # Ana Ruiz up to case
        pairs = {(d.into.name, d.other.name) for d in se.merge_candidates(s)}
        assert pairs == {("Ben Cole", "Cole"), ("Ana Ruiz", "ANA RUIZ")}
        cole = next(d for d in se.merge_candidates(s) if d.other.name == "Cole")
        cmd.apply(s, se.dismiss(s, cole.into, cole.other))
        assert se.dismiss(s, cole.into, cole.other) is None  # dismissed already
    with Store(small) as s:  # reopened: still dismissed
        (left,) = se.merge_candidates(s)
        assert (left.into.name, left.other.name) == ("Ana Ruiz", "ANA RUIZ")
        merged = se.merge_pair(s, left)
        cmd.apply(s, merged)
        assert se.merge_candidates(s) == []
        assert "ANA RUIZ" in _speaker(s, "Ana Ruiz").aliases
        cmd.revert(s, merged)
        done, _ = cmd.history(s)
        cmd.revert(s, done[-1])  # the dismissal undone: the pair is a candidate again
        assert len(se.merge_candidates(s)) == 2
