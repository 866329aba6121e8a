"""The merge of annotators' corpora into one gold (issue 22 item 3, docs/adr/0034): what
all agree on is accepted with its provenance, the rest are items holding each
annotator's version; every annotator's attributions are kept in the gold."""

import sqlite3
from fractions import Fraction

import pytest

from core.corpus import curation
from core.corpus.curation import Outcome, Provenance
from core.corpus.errors import CorpusError
from core.corpus.schema import MIGRATIONS, SCHEMA_VERSION, reference_schema
from core.corpus.store import Store
from core.measure.curate import CurateError, agree_on, clusters, curate
from core.model import Attribution, QuoteType, Span, State, Status
from core.review import commands as cmd
from core.review.session import ReviewSession
from tests.conftest import corpus_before
from tests.core.curation_data import (
    apply,
    decide,
    find,
    gold_where_ben_differs,
    handouts,
    reject,
    rename,
)


def quote_texts(store, article, attrs):
    text = store.article(article).text
    return [text[a.quote.start : a.quote.end] for a in attrs]


def test_what_all_agree_on_is_accepted_and_the_rest_are_items(tmp_path):
    files = handouts(tmp_path)
    decide(files["ana"])

    def ben(s, art):
        if art == 1:
            reject(s, art, "We have no money")  # ana's alone: ben marked nothing there
            rename(s, art, "the plan was too", "Experts")  # another speaker

    decide(files["ben"], ben)
    out = tmp_path / "gold.qlab"
    result = curate([files["ana"], files["ben"]], out)
    assert (result.articles, result.shared, result.agreed, result.items) == (2, 2, 6, 2)
    with Store(out) as g:
        assert [(a.number, a.name, a.source) for a in curation.annotators(g)] == [
            (1, "ana", "ana.qlab"),
            (2, "ben", "ben.qlab"),
        ]
        first, second = g.article_ids()
        assert g.status(first) is Status.TODO and g.status(second) is Status.DONE
        gold = g.attributions(first)
        assert quote_texts(g, first, gold) == [
            "We will build the bridge",
            "In fact, it will take two years",
        ]
        assert all(a.state is State.ACCEPTED for a in gold)
        agreed = Provenance("agreed", ("ana", "ben"))
        assert curation.provenance(g, first) == {a.id: agreed for a in gold}
        speaker, nobody = curation.items(g, first)
        assert speaker.outcome is Outcome.OPEN and nobody.outcome is Outcome.OPEN
        assert [[a.speaker_name for a in speaker.versions[n]] for n in (1, 2)] == [
            ["Critics"],
            ["Experts"],
        ]
        assert quote_texts(g, first, nobody.versions[1]) == ["We have no money"]
        assert nobody.versions[2] == ()  # "nobody marked it": ben had the article
        assert len(g.attributions(second)) == 4
        assert curation.items(g, second) == []
        # every annotator's attributions are kept, agreed ones too
        assert [len(v) for v in curation.versions(g, first).values()] == [4, 3]
        assert curation.article_annotators(g, first) == {1: Status.DONE, 2: Status.DONE}
        assert g.article(first).text == g.article(second).text.replace("Friday", "Monday")


def test_the_agreement_rule_is_agree_s():
    text = 'Ana said "It works." Then Dr. Ana Ruiz said "More."'
    q = Span(text.index("It"), text.index("works.") + len("works."))
    a = Attribution(q, speaker_name="Ana Ruiz", state=State.ACCEPTED)
    assert agree_on(text, [a, a.with_(quote=Span(q.start - 1, q.end + 1))])  # marks trimmed
    assert agree_on(text, [a, a.with_(speaker_name="Dr. Ana Ruiz")])  # the same person
    assert not agree_on(text, [a, a.with_(speaker_name="Ben")])
    assert not agree_on(text, [a, a.with_(quote=Span(q.start, q.end - 4))])  # boundaries
    assert not agree_on(text, [a, a.with_(type=QuoteType.MIXED)])
    assert not agree_on(text, [a, a.with_(speaker_name=None)])
    assert agree_on(text, [a.with_(speaker_name=None)] * 3)  # nobody named: the same


def test_overlapping_quotes_make_one_item():
    a, b, c = Attribution(Span(0, 10)), Attribution(Span(5, 20)), Attribution(Span(30, 40))
    d = Attribution(Span(18, 25))
    found = clusters({1: [a, c], 2: [b], 3: [d]})
    assert [(span, {n: len(v) for n, v in g.items()}) for span, g in found] == [
        (Span(0, 25), {1: 1, 2: 1, 3: 1}),
        (Span(30, 40), {1: 1}),
    ]


def test_a_doubt_or_an_undecided_suggestion_is_the_curator_s(tmp_path):
    files = handouts(tmp_path)

    def flag(s, art):
        apply(s, cmd.flag(s, find(s, art, "In fact"), "is it her?"))

    decide(files["ana"], flag)
    with Store(files["ben"]) as s:  # ben decided nothing in the first article
        apply(s, cmd.accept_all(s, 2))
    out = tmp_path / "gold.qlab"
    curate([files["ana"], files["ben"]], out)
    with Store(out) as g:
        first, second = g.article_ids()
        assert g.attributions(first) == []  # undecided by ben: four items
        assert len(curation.items(g, first)) == 4
        (flagged,) = curation.items(g, second)
        assert flagged.versions[1][0].flagged and flagged.versions[1][0].comment == "is it her?"
        assert curation.article_annotators(g, first) == {1: Status.DONE, 2: Status.TODO}


def test_an_article_one_annotator_had_is_theirs(tmp_path):
    files = handouts(tmp_path, overlap=Fraction(0))
    for path in files.values():
        decide(path)
    out = tmp_path / "gold.qlab"
    result = curate([files["ana"], files["ben"]], out)
    assert (result.articles, result.shared, result.items) == (2, 0, 0)
    with Store(out) as g:
        for art in g.article_ids():
            (who,) = curation.article_annotators(g, art)
            name = curation.annotators(g)[who - 1].name
            assert {p.annotators for p in curation.provenance(g, art).values()} == {(name,)}


def test_refused_inputs_are_named_and_nothing_is_written(tmp_path):
    files = handouts(tmp_path)
    out = tmp_path / "gold.qlab"
    with pytest.raises(CurateError, match="2 to 9"):
        curate([files["ana"]], out)
    with pytest.raises(CurateError, match="ana's corpus again"):
        curate([files["ana"], files["ana"]], out)
    with pytest.raises(CurateError, match="all.qlab: names no annotator"):
        curate([files["ana"], tmp_path / "all.qlab"], out)
    with pytest.raises(CurateError, match="no such corpus"):
        curate([files["ana"], tmp_path / "nobody.qlab"], out)
    assert not out.exists() and not (tmp_path / "nobody.qlab").exists()
    other = handouts(tmp_path / "other")  # another corpus: the ids hold other texts
    with Store(other["ben"]) as s:
        s._conn.execute("UPDATE articles SET content_hash = 'x' WHERE id = 1")
    with pytest.raises(CurateError, match="not hand-outs of one corpus: article 1"):
        curate([files["ana"], other["ben"]], out)
    out.write_text("mine")
    with pytest.raises(CurateError, match="gold.qlab: not a QuoteLab corpus"):
        curate([files["ana"], files["ben"]], out)
    assert out.read_text() == "mine"
    with pytest.raises(CurateError, match="all.qlab: a corpus that is no gold"):
        curate([files["ana"], files["ben"]], tmp_path / "all.qlab")
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".")) == []


def test_the_merge_reports_progress_by_batch(tmp_path, monkeypatch):
    from core.measure import curate as module

    monkeypatch.setattr(module, "BATCH", 1)
    files = handouts(tmp_path)
    seen = []
    curate(list(files.values()), tmp_path / "gold.qlab", progress=lambda d, t: seen.append((d, t)))
    assert seen == [(1, 2), (2, 2)]
    with Store(tmp_path / "gold.qlab") as g:
        assert len(g.article_ids()) == 2


def test_migration_10_adds_the_curation_tables_to_a_version_9_corpus(tmp_path):
    path = tmp_path / "old.qlab"
    conn = corpus_before(path, MIGRATIONS[9])
    conn.execute("COMMIT")
    conn.close()
    with Store(path) as s:
        assert s.schema_version() == SCHEMA_VERSION
        assert not curation.is_gold(s)
        assert curation.annotators(s) == []
    tables = {n for t, n, _ in reference_schema(SCHEMA_VERSION) if t == "table"}
    assert {"curation_annotators", "curation_items", "curation_versions", "provenance"} <= tables


def test_a_damaged_version_or_item_is_refused_by_name(tmp_path):
    files = handouts(tmp_path)
    decide(files["ana"])
    decide(files["ben"], lambda s, art: rename(s, art, "In fact", "Ana") if art == 2 else None)
    out = tmp_path / "gold.qlab"
    curate(list(files.values()), out)
    with Store(out, check=True) as g:
        assert g.damage == []
    conn = sqlite3.connect(out)
    conn.execute("PRAGMA ignore_check_constraints = ON")
    conn.execute("UPDATE curation_versions SET type = 'shouted' WHERE article_id = 2")
    conn.execute("UPDATE curation_items SET span_end = 99999 WHERE article_id = 2")
    conn.commit()
    conn.close()
    with Store(out) as g:
        with pytest.raises(CorpusError, match="article 2: an annotator's version is out of"):
            curation.items(g, 2)
        assert len(curation.items(g, 1)) == 0
    with Store(out, check=True) as g:
        assert g.damage == ["article 2: an annotator's version is out of bounds (curation)"]


def gold_state(store):
    """Every article's status, gold attributions (quote start, speaker name,
    provenance), and items (outcome, versions' speaker names by annotator)."""
    out = {}
    for art in store.article_ids():
        prov = curation.provenance(store, art)
        out[art] = (
            store.status(art),
            [(a.quote.start, a.speaker_name, prov[a.id]) for a in store.attributions(art)],
            [
                (it.outcome, {n: [a.speaker_name for a in v] for n, v in it.versions.items()})
                for it in curation.items(store, art)
            ],
        )
    return out


def test_merging_again_keeps_an_agreed_attribution_the_curator_rejected(tmp_path):
    files = handouts(tmp_path)
    decide(files["ana"])
    decide(files["ben"])
    out = tmp_path / "gold.qlab"
    curate(list(files.values()), out)
    with Store(out) as g:
        first = g.attributions(1)[0]
        apply(g, cmd.set_state(g, first.id, State.REJECTED))
    with Store(files["ben"]) as s:  # ben changes another quote of the article
        rename(s, 1, "the plan was too", "Experts")
    result = curate(list(files.values()), out)
    assert (result.changed, result.items) == (1, 1)
    with Store(out) as g:
        assert g.attributions(1)[0] == first.with_(state=State.REJECTED)


def test_merging_again_unchanged_changes_nothing(tmp_path):
    files = handouts(tmp_path)
    decide(files["ana"])
    decide(files["ben"], lambda s, art: rename(s, art, "the plan was too", "Experts"))
    out = tmp_path / "gold.qlab"
    curate(list(files.values()), out)
    with Store(out) as g:
        session = ReviewSession(g)
        session.open(1)
        session.apply(session.take(2))
        state = gold_state(g)
    result = curate(list(files.values()), out)
    assert (result.articles, result.again, result.changed, result.items) == (0, 2, 0, 0)
    with Store(out) as g:
        assert gold_state(g) == state


def test_merging_again_after_fixes_keeps_what_was_curated(tmp_path):
    files, out = gold_where_ben_differs(tmp_path)  # two items in each article
    with Store(out) as g:
        session = ReviewSession(g)
        session.open(1)
        session.apply(session.take(2))  # article 1: ben's "Experts" taken
        session.apply(session.reject_item())  # and "no money" rejected: article 1 done
        assert g.status(1) is Status.DONE and session.article.id == 2
        session.apply(session.take(1))  # article 2: ana's "Critics" taken, "no money" open
    with Store(files["ben"]) as s:  # ben fixes things: "no money" accepted again in both
        for art in (1, 2):
            apply(s, cmd.set_state(s, find(s, art, "We have no money"), State.ACCEPTED))
        rename(s, 2, "the plan was too", "The critics")  # changed where curated: left out
    result = curate(list(files.values()), out)
    assert (result.articles, result.again, result.changed) == (0, 2, 2)
    # (agreed: the 4 agreed before, made again, and "no money" in article 2)
    assert (result.agreed, result.items, result.left_out) == (5, 0, 2)
    with Store(out) as g:
        state = gold_state(g)
        agreed = Provenance("agreed", ("ana", "ben"))
        # article 1: the curator's choices stand ("no money" rejected is curated)
        assert state[1][0] is Status.DONE
        assert [(name, p.how, p.annotators) for _, name, p in state[1][1]] == [
            ("Jane Smith", "agreed", ("ana", "ben")),
            ("Jane Smith", "agreed", ("ana", "ben")),
            ("Experts", "adjudicated", ("ben",)),
        ]
        assert [o for o, _ in state[1][2]] == [Outcome.TAKEN, Outcome.REJECTED]
        # article 2: "Critics" as taken; "no money", open before, now agreed: done
        assert state[2][0] is Status.DONE
        assert [(name, p) for _, name, p in state[2][1]][2:] == [
            ("Critics", Provenance("adjudicated", ("ana",), state[2][1][2][2].item)),
            (None, agreed),
        ]
        assert [o for o, _ in state[2][2]] == [Outcome.TAKEN]
        assert [v[2] for _, v in state[2][2]] == [["Experts"]]  # as the curator saw it
        assert g.find_damage() == frozenset()
        session = ReviewSession(g)  # a choice made before is no longer undone as it was:
        session.open(2)  # the merge changed its article (its status): refused, said
        assert "changed elsewhere" in session.undo().error
        assert gold_state(g) == state


def test_merging_into_a_gold_of_other_annotators_is_refused(tmp_path):
    files = handouts(tmp_path, ("ana", "ben", "cy"))
    out = tmp_path / "gold.qlab"
    curate([files["ana"], files["ben"]], out)
    with Store(out) as g:
        state = gold_state(g)
    with pytest.raises(CurateError, match="gold.qlab: merged from ana, ben, not from ana, cy"):
        curate([files["ana"], files["cy"]], out)
    with Store(out) as g:
        assert gold_state(g) == state


def test_three_annotators_agree_only_when_all_who_had_it_do(tmp_path):
    files = handouts(tmp_path, ("ana", "ben", "cy"))
    decide(files["ana"])
    decide(files["ben"])
    decide(files["cy"], lambda s, art: reject(s, art, "In fact") if art == 1 else None)
    out = tmp_path / "gold.qlab"
    result = curate([files["cy"], files["ana"], files["ben"]], out)  # cy is number 1
    assert (result.agreed, result.items) == (7, 1)
    with Store(out) as g:
        (item,) = curation.items(g, 1)
        assert item.versions[1] == ()  # cy marked nothing there
        assert [len(item.versions[n]) for n in (2, 3)] == [1, 1]
        session = ReviewSession(g)
        session.open(1)
        assert session.take(4) == "Annotator 4 did not annotate this article."
        session.apply(session.take(1))  # cy's version, empty: nothing there in the gold
        assert curation.item(g, item.id).taken_from == 1 and len(g.attributions(1)) == 3
        assert g.status(1) is Status.DONE
