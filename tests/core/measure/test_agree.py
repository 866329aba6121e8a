"""core/measure/agree.py: two copies of a corpus, one with known edits, give the figures and
disagreements counted by hand; alpha on a case worked out by hand."""

import json
import random
import shutil
from collections import Counter

import krippendorff
import numpy as np
import pytest

from core.corpus.store import Store
from core.measure import agree
from core.measure.evaluate import align, items
from core.model import Attribution, QuoteType, Span, State, Status
from core.review import commands as cmd
from core.tokens import Tokens
from tests.conftest import run_main
from tests.core.small_corpus import B_TEXT, add_article, apply, build, suggestion


@pytest.fixture
def pair(tmp_path):
    a = build(tmp_path / "a.qlab")
    b = tmp_path / "b.qlab"
    shutil.copy(a, b)
    with Store(b) as store:
        art_a, art_b, art_c = store.article_ids()
        s1, s2, s3, s4, _manual = store.attributions(art_a)
        edits = [
            lambda: cmd.move_edge(store, s1.id, "quote", "end", -1),  # only the "." : same
            lambda: cmd.move_edge(store, s1.id, "quote", "end", -1),  # drops "May": boundaries
            lambda: cmd.set_speaker_name(store, s3.id, "Somebody"),  # speaker
            lambda: cmd.set_state(store, s4.id, State.ACCEPTED),  # only in B
            lambda: cmd.set_type(store, store.attributions(art_b)[1].id, QuoteType.DIRECT),
            lambda: cmd.delete(store, store.attributions(art_c)[0].id),  # only in A
        ]
        for edit in edits:
            apply(store, edit())
    return a, b


def test_two_copies_one_edited(pair):
    result = agree.compare(list(pair), everything=True)
    assert result.shared == 3
    (p,) = result.pairs
    assert (p.articles, p.left_out, p.not_done) == (3, 0, 2)  # Taxes, Ready: not done
    o = p.score.overall
    # A has 7 quotes (4 + 2 + 1), B 7 (5 + 2 + 0); 6 match, 5 exactly, 5 with the same speaker.
    assert (o.gold, o.pred, o.matched, o.exact, o.speaker) == (7, 7, 6, 5, 5)
    assert o.f1 == pytest.approx(6 / 7) and o.attribution_f1 == pytest.approx(5 / 7)
    by = p.score.by_type
    assert by["direct"].f1 == pytest.approx(0.5)  # 1 typed match of 2 and 2
    # indirect: A has 5 (s1, s2, the added one; both of Taxes), B 5 (s1, s2, the added one,
    # the accepted s4; the first of Taxes); 4 typed matches.
    assert by["indirect"].f1 == pytest.approx(4 / 5)
    assert by["mixed"].f1 == 0
    assert [(d.article, d.kind, d.a, d.b, d.quote) for d in p.disagreements] == [
        ("Bridge", "only in B", "", "nothing was decided", "nothing was decided"),
        ("Bridge", "boundaries", "the bridge would reopen in May", "the bridge would reopen in",
         "the bridge would reopen in May"),
        ("Bridge", "speaker", "Ben Cole", "Somebody", "It is a waste"),
        ("Taxes", "type", "indirect", "direct", "he disagreed"),
        ("Ready", "only in A", "We are ready", "", "We are ready"),
    ]  # fmt: skip
    assert 0 < p.alpha < 1 and result.alpha == p.alpha  # two corpora: the pair is all


def test_identical_copies_agree_fully(tmp_path):
    a = build(tmp_path / "a.qlab")
    b = tmp_path / "b.qlab"
    shutil.copy(a, b)
    result = agree.compare([a, b])
    (p,) = result.pairs
    assert p.score.overall.f1 == 1.0 and p.disagreements == [] and result.alpha == 1.0


def test_token_labels_and_alpha_worked_by_hand():
    text = "a b c d"
    tokens = Tokens([(0, 1), (2, 3), (4, 5), (6, 7)])
    one = [Attribution(quote=Span(0, 3))]  # "a b"
    other = [Attribution(quote=Span(0, 1), speaker=Span(6, 7), cue=Span(4, 5))]
    assert agree.token_labels(tokens, one) == [agree.QUOTE, agree.QUOTE, agree.NONE, agree.NONE]
    assert agree.token_labels(tokens, other) == [
        agree.QUOTE,
        agree.NONE,
        agree.CUE,
        agree.SPEAKER,
    ]
    # Coders [1 1 0 0] and [1 0 0 0]: 8 pairable values, n(0) = 5, n(1) = 3, one
    # disagreeing unit: alpha = 1 - (8 - 1) * 2 / (2 * 5 * 3) = 1 - 14 / 30.
    a = {"x": agree.Annotated("x", text, tokens, one)}
    b = {"x": agree.Annotated("x", text, tokens, [Attribution(quote=Span(0, 1))])}
    assert agree.alpha([a, b], ["x"]) == pytest.approx(1 - 14 / 30)
    assert agree.alpha([a, a], []) is None  # no data: undefined


def test_alpha_counted_by_pairs_of_labels_is_the_packages():
    # The case worked out by hand above: units (1, 1), (1, 0), (0, 0) twice.
    assert agree.alpha_of_pairs({(1, 1): 1, (1, 0): 1, (0, 0): 2}) == pytest.approx(1 - 14 / 30)
    assert agree.alpha_of_pairs({(2, 2): 5}) is None  # one label only: undefined
    assert agree.alpha_of_pairs({}) is None
    rng = random.Random(7)
    for _ in range(20):
        first = [rng.choice([0, 0, 0, 1, 1, 2, 3]) for _ in range(400)]
        second = [a if rng.random() < 0.7 else rng.randrange(4) for a in first]
        expected = krippendorff.alpha(
            reliability_data=np.array([first, second], dtype=float),
            level_of_measurement="nominal",
        )
        pairs = Counter(zip(first, second, strict=True))
        assert agree.alpha_of_pairs(pairs) == pytest.approx(expected, abs=1e-12)


def test_a_quote_neither_gives_a_speaker_is_no_speaker_disagreement():
    text = '"Yes," someone said. "No," Ana said.'
    yes, no = Span(0, 6), Span(21, 26)
    a = [Attribution(yes), Attribution(no, speaker_name="Ana")]
    b = [Attribution(yes), Attribution(no)]
    al = align(items(text, a), items(text, b))
    assert [(d.kind, d.a, d.b) for d in agree.disagreements("t", text, al)] == [
        ("speaker", "Ana", "")
    ]


def _cli(*args):
    return run_main("agree", *args)


@pytest.mark.slow
def test_by_default_only_articles_done_in_both_are_compared(pair, tmp_path):
    """Two copies of a corpus just imported agreed with F1 1.000 and alpha 1.000: the
    model's suggestions against themselves. Now only articles done in both count, and
    the rest is said to be left out."""
    result = agree.compare(list(pair))
    (p,) = result.pairs
    assert (result.shared, p.articles, p.left_out, p.not_done) == (1, 1, 2, 0)  # Bridge
    assert {d.article for d in p.disagreements} == {"Bridge"}
    assert (
        "1 article(s) compared (done in both; left out: 2 shared article(s) not done in both)"
        in ("\n".join(result.lines()))
    )
    fresh = [tmp_path / "x.qlab", tmp_path / "y.qlab"]
    with Store(fresh[0]) as store:
        add_article(
            store, B_TEXT, [suggestion(B_TEXT, "taxes would rise.", "Ana Ruiz", "Ana Ruiz", "said")]
        )
    shutil.copy(fresh[0], fresh[1])
    r = _cli(*fresh)
    assert r.returncode == 1 and "no shared article is done in both" in r.stderr
    assert "quote F1" not in r.stdout and "0 article(s) compared" in r.stdout
    r = _cli(*fresh, "--all")
    assert r.returncode == 0 and "quote F1 1.000" in r.stdout
    assert "1 not done in both, whose undecided suggestions count as annotations" in r.stdout


@pytest.mark.slow
def test_cli_agree(pair, tmp_path):
    r = _cli(*pair, "--all")
    assert r.returncode == 0, r.stderr
    assert "5 disagreement(s)" in r.stdout
    assert "[Taxes] type: A 'indirect', B 'direct' (quote 'he disagreed')" in r.stdout
    data = json.loads(_cli(*pair, "--json", "--all").stdout)
    assert data["pairs"][0]["quote_f1"] == round(6 / 7, 4)
    assert data["pairs"][0]["compared_not_done"] == 2
    one = _cli(pair[0])
    assert one.returncode == 1 and "two or more corpora" in one.stderr
    missing = _cli(pair[0], tmp_path / "none.qlab")
    assert missing.returncode == 1 and "no such corpus" in missing.stderr
    assert "Traceback" not in missing.stderr


def test_agreeing_that_there_is_no_quote_is_not_scored_zero(tmp_path):
    """Two done corpora where every attribution was rejected printed quote F1 0.000 with
    0 disagreements, and a type found in neither showed 0.000 beside an overall 1.000."""
    paths = [tmp_path / "x.qlab", tmp_path / "y.qlab"]
    with Store(paths[0]) as store:
        art = add_article(
            store, B_TEXT, [suggestion(B_TEXT, "taxes would rise.", "Ana Ruiz", "Ana Ruiz", "said")]
        )
        (a,) = store.attributions(art)
        apply(store, cmd.set_state(store, a.id, State.REJECTED))
        apply(store, cmd.set_status(store, art, Status.DONE))
    shutil.copy(paths[0], paths[1])
    result = agree.compare(paths)
    text = "\n".join(result.lines())
    assert "no quote in either" in text and "F1 0.000" not in text
    assert result.pairs[0].as_dict()["quote_f1"] is None
    with Store(paths[0]) as store:
        (a,) = store.attributions(art)
        apply(store, cmd.set_state(store, a.id, State.ACCEPTED))
    with Store(paths[1]) as store:
        (a,) = store.attributions(art)
        apply(store, cmd.set_state(store, a.id, State.ACCEPTED))
    text = "\n".join(agree.compare(paths).lines())
    assert "quote F1 1.000 (" in text and "0.000" not in text.split("quote F1")[1].split(";")[0]
