"""`main.py assign` (issue 22, item 1): one corpus per annotator, a share of the articles
to everyone and the rest dealt evenly by a seed; each file knows its annotator and logs
every decision as theirs (docs/adr/0032)."""

import json
import sqlite3

import pytest

from core.cli.main import build_parser, run
from core.corpus import queries
from core.corpus.store import Store
from core.model import SpeakerKind, State, Status
from core.review import assign as assign_module
from core.review import commands as cmd
from core.review import speaker_edit
from tests.core.small_corpus import add_article, apply, build, suggestion


def main(*argv: object) -> int:
    return run(build_parser().parse_args([str(a) for a in argv]))


def text_of(i: int) -> str:
    return f"Ana Ruiz said plan {i} would work."


def undecided(path, n=20, order=None):
    """A corpus of ``n`` articles, each with one suggestion nobody decided (``order``: the
    articles' numbers in the order they are imported, so their ids differ)."""
    with Store(path) as store:
        for i in order or range(n):
            text = text_of(i)
            add_article(
                store,
                text,
                [suggestion(text, f"plan {i} would work.", "Ana Ruiz", "Ana Ruiz", "said")],
                title=f"Plan {i}",
            )
    return path


@pytest.fixture
def source(tmp_path):
    return undecided(tmp_path / "all.qlab")


def texts_in(path):
    with Store(path) as store:
        return {store.article(i).text for i in store.article_ids()}


def test_the_overlap_goes_to_everyone_and_the_rest_is_dealt_evenly(source, tmp_path, capsys):
    out = tmp_path / "out"
    args = ("assign", source, "--annotators", "ana,ben,cy", "--overlap", "0.2", "--seed", "7")
    assert main(*args, "--out", out) == 0
    said = capsys.readouterr().out
    assert "dealt 20 article(s) of all.qlab with their suggestions (seed 7): 4 to every" in said
    assert f"wrote {out / 'ana.qlab'}: 10 article(s) for ana" in said
    files = {name: texts_in(out / f"{name}.qlab") for name in ("ana", "ben", "cy")}
    assert sorted(len(t) for t in files.values()) == [9, 9, 10]  # 4 shared + 16 dealt 6/5/5
    shared = files["ana"] & files["ben"] & files["cy"]
    assert len(shared) == 4
    own = [t - shared for t in files.values()]
    assert sum(map(len, own)) == 16 and len(set().union(*own)) == 16  # each once
    assert set().union(*files.values()) == texts_in(source)
    assert sorted(p.name for p in out.iterdir()) == ["ana.qlab", "ben.qlab", "cy.qlab"]
    with Store(source) as src, Store(out / "ben.qlab") as ben:  # the same rows, ids kept
        for art_id in ben.article_ids():
            assert ben.article(art_id) == src.article(art_id)
            assert ben.attributions(art_id) == src.attributions(art_id)
            assert ben.attributions(art_id)[0].state is State.SUGGESTED
        assert ben.article_ids("plan") == ben.article_ids()  # the search index is made


@pytest.mark.parametrize(
    ("overlap", "shared"),
    [("0.15", 3), ("0.125", 3), ("0.12", 2), ("0.01", 1), ("0", 0), ("1", 20), ("1/4", 5)],
)
def test_the_overlap_is_a_share_of_all_articles_rounded_half_up(overlap, shared):
    """20 articles: 0.125 is 2.5, rounded up; 0.01 is 0.2, but an overlap asked is one
    article at least."""
    fraction = assign_module.parse_overlap(overlap)
    assert assign_module.shared_count(20, fraction) == shared
    keys = [(i, f"hash{i}") for i in range(20)]
    dealt = assign_module.deal(keys, ["ana", "ben"], fraction, seed=1)
    assert len(dealt.shared) == shared
    assert abs(len(dealt.own["ana"]) - len(dealt.own["ben"])) <= 1


def dealt(source, out, seed, *more):
    assert main("assign", source, "--annotators", "ana,ben", "--overlap", "0.25", *more,
                "--seed", seed, "--out", out) == 0  # fmt: skip
    return [texts_in(out / f"{name}.qlab") for name in ("ana", "ben")]


def test_the_same_seed_deals_the_same_whatever_the_ids(source, tmp_path, capsys):
    """The deal follows the articles' texts and the seed: the same corpus imported in
    another order (other ids) is dealt the same; another seed deals otherwise."""
    again = undecided(tmp_path / "again.qlab", order=reversed(range(20)))
    first = dealt(source, tmp_path / "a", 7)
    assert dealt(source, tmp_path / "b", 7) == first
    assert dealt(again, tmp_path / "c", 7) == first
    assert dealt(source, tmp_path / "d", 8) != first


def test_without_a_seed_a_new_one_is_drawn_and_said(source, tmp_path, capsys):
    assert main("assign", source, "--annotators", "ana,ben", "--overlap", "0.25",
                "--out", tmp_path / "a", "--json") == 0  # fmt: skip
    seed = json.loads(capsys.readouterr().out)["seed"]
    assert dealt(source, tmp_path / "b", seed) == [
        texts_in(tmp_path / "a" / f"{name}.qlab") for name in ("ana", "ben")
    ]


def test_each_file_knows_its_annotator_and_logs_every_decision_as_theirs(source, tmp_path, capsys):
    """The run's own decisions are its user's (QUOTELAB_ANNOTATOR is `tester` in the
    tests); once handed out, every decision is the file's annotator's, whatever the
    user's name, also after it is reopened; the report says whose it is."""
    dealt(source, tmp_path, 3)
    path = tmp_path / "ana.qlab"
    with Store(path) as ana:
        assert ana.assigned == ana.annotator == "ana"
        handed = ana.decisions()[-1]
        assert handed["label"] == "handed out to ana" and handed["annotator"] == "tester"
        assert handed["changes"]["seed"] == 3 and handed["changes"]["overlap"] == "1/4"
        assert handed["changes"]["annotators"] == ["ana", "ben"]
        art_id = ana.article_ids()[0]
        apply(ana, cmd.set_state(ana, ana.attributions(art_id)[0].id, State.ACCEPTED))
    with Store(path) as ana:
        apply(ana, cmd.set_status(ana, art_id, Status.DONE))
        assert [d["annotator"] for d in ana.decisions()[-2:]] == ["ana", "ana"]
    with Store(source) as src:
        assert src.assigned is None and src.annotator == "tester"
    capsys.readouterr()
    assert main("report", path) == 0
    assert capsys.readouterr().out.startswith(f"QuoteLab report: {path} (annotator ana)\n")
    assert main("report", path, "--json") == 0
    assert json.loads(capsys.readouterr().out)["annotator"] == "ana"


def test_articles_are_copied_a_batch_a_transaction(source, tmp_path, monkeypatch):
    """A hand-out never holds the corpus in memory: it copies BATCH articles at a time,
    each batch one transaction with one decision."""
    monkeypatch.setattr(assign_module, "BATCH", 3)
    ana, _ = dealt(source, tmp_path, 5)
    with Store(tmp_path / "ana.qlab") as store:
        batches = [d for d in store.decisions() if d["label"] == "assign"]
        assert len(batches) == -(-len(ana) // 3)
        assert sorted(i for d in batches for i in d["changes"]["articles"]) == store.article_ids()


def test_without_suggestions_the_articles_come_alone(source, tmp_path):
    dealt(source, tmp_path, 5, "--no-suggestions")
    with Store(tmp_path / "ben.qlab") as ben:
        assert ben.stats()["attributions_by_state"] == {}
        assert ben.assigned == "ben"


def test_the_known_speakers_go_with_every_hand_out(source, tmp_path):
    with Store(source) as store:
        apply(store, speaker_edit.describe(store, "Ana Ruiz", SpeakerKind.PERSON, "Q1"))
    dealt(source, tmp_path, 5, "--no-suggestions")
    with Store(tmp_path / "ben.qlab") as ben:
        (known,) = queries.known_speakers(ben)
        assert (known.name, known.kind, known.external_id) == ("Ana Ruiz", SpeakerKind.PERSON, "Q1")


def test_a_doubt_is_a_decision_a_hand_out_does_not_start_with(source, tmp_path, capsys):
    """An article flagged as a whole keeps its status (todo): the hand-out is refused
    all the same, as for any decision (docs/adr/0033)."""
    with Store(source) as store:
        apply(store, cmd.flag_article(store, store.article_ids()[0], "check the quotes"))
        assert store.status_counts()[Status.DONE] == 0
    out = tmp_path / "out"
    base = ("assign", source, "--annotators", "ana,ben", "--overlap", "1", "--out", out)
    assert main(*base) == 1
    assert "(1 article(s) not todo or flagged, 0 attribution(s)" in capsys.readouterr().err
    assert not out.exists()


def test_a_corpus_holding_decisions_is_refused_unless_they_are_kept(tmp_path, capsys):
    """`small` has a done article, one in progress and decided attributions: a hand-out
    starts undecided, so they are copied only when asked (--keep-decisions)."""
    source = build(tmp_path / "small.qlab")
    out = tmp_path / "out"
    base = ("assign", source, "--annotators", "ana,ben", "--overlap", "1", "--out", out)
    assert main(*base) == 1
    err = capsys.readouterr().err
    assert (
        "holds decisions (2 article(s) not todo or flagged, "
        "6 attribution(s) accepted, rejected or flagged)"
    ) in err
    assert not out.exists()
    assert main(*base, "--no-suggestions", "--keep-decisions") == 1
    assert "give one of them" in capsys.readouterr().err
    with Store(source) as store:  # doubts are decisions too: an article flagged whole
        apply(store, cmd.flag_article(store, store.article_ids()[0], "ask the editor"))
    assert main(*base, "--keep-decisions") == 0
    with Store(source) as src, Store(out / "ben.qlab") as ben:
        assert ben.status_counts() == src.status_counts()
        assert ben.stats()["attributions_by_state"] == src.stats()["attributions_by_state"]
        assert queries.article_flags(ben) == queries.article_flags(src) != {}
    assert main(*base[:-1], tmp_path / "bare", "--no-suggestions") == 0
    with Store(tmp_path / "bare" / "ana.qlab") as ana:
        assert ana.status_counts()[Status.TODO] == 3 and not ana.stats()["attributions_by_state"]


@pytest.mark.parametrize(
    ("names", "why"),
    [
        (",ana", "annotator 1 '': empty"),
        ("ana,Ana", "annotator 2 'Ana': the same name as annotator 1 up to case"),
        ("ana,../ben", "annotator 2 '../ben': holds '/', a path separator"),
        ("ana,a\\b", "annotator 2 'a\\\\b': holds '\\\\', a path separator"),
        ("ana,.hidden", "annotator 2 '.hidden': does not start with a letter or digit"),
        ("ana,nul", "annotator 2 'nul': a device name on Windows"),
        ("ana,b\nc", "annotator 2 'b\\nc': holds '\\n'"),
        ("x" * 65, "over 64 characters"),
    ],
)
def test_bad_names_are_refused_by_name(source, tmp_path, capsys, names, why):
    with pytest.raises(SystemExit):
        main("assign", source, "--annotators", names, "--overlap", "0.2", "--out", tmp_path / "o")
    assert why in capsys.readouterr().err
    assert not (tmp_path / "o").exists()


@pytest.mark.parametrize("overlap", ["1.5", "-0.1", "a fifth", "nan", "1/0"])
def test_a_bad_overlap_is_refused(source, tmp_path, capsys, overlap):
    with pytest.raises(SystemExit):
        main("assign", source, "--annotators", "ana", "--overlap", overlap, "--out", tmp_path)
    assert "argument --overlap" in capsys.readouterr().err


def test_no_file_is_replaced_and_none_is_half_written(source, tmp_path, capsys):
    """A file of one annotator's name is there: nothing is written, and it is untouched."""
    (tmp_path / "ben.qlab").write_text("mine")
    args = ("assign", source, "--annotators", "ana,ben", "--overlap", "0.2", "--out", tmp_path)
    assert main(*args) == 1
    assert f"{tmp_path / 'ben.qlab'}: already there" in capsys.readouterr().err
    assert (tmp_path / "ben.qlab").read_text() == "mine"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["all.qlab", "ben.qlab"]


def test_a_failed_hand_out_leaves_no_file(source, tmp_path, capsys):
    """The second hand-out cannot be written (its folder is damaged into a file of its
    temporary name): the first is not left behind either."""
    out = tmp_path / "out"
    out.mkdir()
    (out / ".ben.qlab.assign.tmp").mkdir()  # not removable as a file: Store cannot make it
    args = ("assign", source, "--annotators", "ana,ben", "--overlap", "0.2", "--out", out)
    assert main(*args) == 1
    assert "quotelab: error:" in capsys.readouterr().err
    assert sorted(p.name for p in out.iterdir()) == [".ben.qlab.assign.tmp"]


def test_damaged_articles_are_left_out_and_named(source, tmp_path, capsys):
    conn = sqlite3.connect(source, isolation_level=None)
    conn.execute("UPDATE attributions SET quote_end = 999999 WHERE article_id = 2")
    conn.close()
    args = ("assign", source, "--annotators", "ana", "--overlap", "0", "--out", tmp_path / "o")
    assert main(*args) == 1  # something was left out: said, and the status says so
    assert "damaged, left out: article 2" in capsys.readouterr().err
    assert len(texts_in(tmp_path / "o" / "ana.qlab")) == 19


def test_a_hand_out_keeps_what_made_each_suggestion_and_learns_as_its_source(tmp_path):
    """What made each suggestion and candidate (``suggestions``, docs/adr/0036) goes
    with it: the annotator's refit reads the same features, so the same review of the
    same articles learns the same fit in the hand-out as in its source."""
    from core.corpus import learning
    from core.review.learning import refit
    from core.review.session import ReviewSession
    from tests import learning_data

    source = learning_data.make_corpus(tmp_path / "all.qlab", articles=3)
    assert main("assign", source, "--annotators", "ana", "--overlap", "1", "--seed", "1",
                "--out", tmp_path) == 0  # fmt: skip
    fits = []
    for path in (source, tmp_path / "ana.qlab"):
        with Store(path) as store:
            made = learning.made(store)
            rules = ("indirect", "mixed", "learned-cue")
            assert [(r[0], r[1], r[2].made_by.rule) for r in made] == [
                (art, attr, rule)
                for art, attrs in zip(store.article_ids(), ((1, 2), (3, 4), (5, 6)), strict=True)
                for attr, rule in zip((*attrs, None), rules, strict=True)
            ]
            session = ReviewSession(store)
            for art_id in store.article_ids():
                learning_data.review(session, art_id)
            fitted = refit(store)
            assert fitted is not None and fitted.examples == 6 + 3  # two decided, a candidate
            fits.append(fitted)
    assert fits[1].cues == fits[0].cues == frozenset({"show"})  # learned in the hand-out too
    assert fits[1].weights == fits[0].weights and fits[1].threshold == fits[0].threshold


def test_the_id_of_a_deleted_suggestion_is_never_given_to_a_new_attribution(tmp_path):
    """The hand-out keeps the suggestion whose attribution was deleted (a rejection, to
    what is learned), and no attribution added there takes its id: it would be taken
    for that suggestion."""
    from core.corpus import learning
    from tests import learning_data

    source = learning_data.make_corpus(tmp_path / "all.qlab", articles=2)
    with Store(source) as store:
        last = store.article_ids()[-1]
        gone = store.attributions(last)[-1].id
        apply(store, cmd.delete(store, gone))
    assert main("assign", source, "--annotators", "ana", "--overlap", "1", "--seed", "1",
                "--out", tmp_path) == 0  # fmt: skip
    with Store(tmp_path / "ana.qlab") as ana:
        assert gone in {attr for _, attr, _ in learning.made(ana)}
        assert gone not in {a.id for a in ana.attributions(last)}
        text = ana.article(last).text
        apply(ana, cmd.add(ana, last, learning_data.hand(text)))
        assert [a.id for a in ana.attributions(last)][-1] == gone + 1
