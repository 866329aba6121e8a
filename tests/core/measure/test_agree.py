"""core/measure/agree.py: two copies of a corpus, one with known edits, give the figures and
disagreements counted by hand; alpha on a case worked out by hand."""

import json
import random
import shutil
import weakref
from collections import Counter
from dataclasses import replace

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
from tests.core.small_corpus import B_TEXT, add_article, apply, at, build, suggestion


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
    assert p.score.overall.f1 == 1.0 and len(p.disagreements) == 0 and result.alpha == 1.0


def test_token_labels_and_alpha_worked_by_hand():
    tokens = Tokens([(0, 1), (2, 3), (4, 5), (6, 7)])  # "a b c d"
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
    # Units (1, 1), (1, 0), (0, 0) twice:
    assert agree.alpha_of_units({(1, 1): 1, (1, 0): 1, (0, 0): 2}) == pytest.approx(1 - 14 / 30)
    assert agree.alpha_of_units({(2, 2): 5}) is None  # one label only: undefined
    assert agree.alpha_of_units({}) is None  # no data
    assert agree.alpha_of_units({(1,): 3, (2,): 4}) is None  # no unit with two values


def _package_alpha(data):
    return krippendorff.alpha(
        reliability_data=np.array(data, dtype=float), level_of_measurement="nominal"
    )


def _units(data):
    """How many units (columns of ``data``, None missing) got each tuple of labels."""
    return Counter(tuple(v for v in column if v is not None) for column in zip(*data, strict=True))


def test_alpha_counted_by_units_is_the_packages():
    """Two coders who labelled every unit, and up to five with missing values: the
    figure from counts of the units' labels is the package's on the dense matrix."""
    rng = random.Random(7)
    for _ in range(20):
        first = [rng.choice([0, 0, 0, 1, 1, 2, 3]) for _ in range(400)]
        second = [a if rng.random() < 0.7 else rng.randrange(4) for a in first]
        pairs = Counter(zip(first, second, strict=True))
        assert agree.alpha_of_units(pairs) == pytest.approx(
            _package_alpha([first, second]), abs=1e-12
        )
    for _ in range(30):
        coders, units = rng.randint(2, 5), rng.randint(1, 300)
        truth = [rng.choice([0, 0, 0, 1, 1, 2, 3]) for _ in range(units)]
        data = [
            [
                None if rng.random() < 0.3 else t if rng.random() < 0.7 else rng.randrange(4)
                for t in truth
            ]
            for _ in range(coders)
        ]
        counts = _units(data)
        pairable = [v for values in counts.elements() if len(values) > 1 for v in values]
        if len(set(pairable)) < 2:
            assert agree.alpha_of_units(counts) is None
            continue
        dense = [[np.nan if v is None else v for v in row] for row in data]
        assert agree.alpha_of_units(counts) == pytest.approx(_package_alpha(dense), abs=1e-12)


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
    assert result.pairs[0].figures()["quote_f1"] is None
    with Store(paths[0]) as store:
        (a,) = store.attributions(art)
        apply(store, cmd.set_state(store, a.id, State.ACCEPTED))
    with Store(paths[1]) as store:
        (a,) = store.attributions(art)
        apply(store, cmd.set_state(store, a.id, State.ACCEPTED))
    text = "\n".join(agree.compare(paths).lines())
    assert "quote F1 1.000 (" in text and "0.000" not in text.split("quote F1")[1].split(";")[0]


def _many(tmp_path, count=40):
    """Three corpora of up to ``count`` articles: x has every article with both its
    quotes, y every article but gives every 3rd first quote another speaker (no span)
    and drops every 4th second quote, z only the even articles, with their first quote
    only."""
    paths = [tmp_path / f"{name}.qlab" for name in "xyz"]
    for k, path in enumerate(paths):
        with Store(path) as store:
            for n in range(count):
                if k == 2 and n % 2:
                    continue
                text = f"Ana Ruiz said taxes would rise {n} times. Ben Cole said he disagreed."
                attrs = [
                    suggestion(
                        text, f"taxes would rise {n} times.", "Ana Ruiz", "Ana Ruiz", "said"
                    ),
                    Attribution(
                        at(text, "he disagreed."),
                        speaker=at(text, "Ben Cole"),
                        cue=at(text, "said", 1),
                        speaker_name="Ben Cole",
                    ),
                ]
                if k == 1:
                    if n % 3 == 0:
                        attrs[0] = replace(attrs[0], speaker=None, speaker_name="Somebody")
                    attrs = attrs[:1] if n % 4 == 0 else attrs
                add_article(store, text, attrs[:1] if k == 2 else attrs)
    return paths


def test_many_articles_read_one_at_a_time_give_the_packages_alpha(tmp_path, monkeypatch):
    """Alpha over the three corpora and for each pair, from counts, is the package's on
    the dense matrix (one row per corpus, an article a corpus lacks missing); and no
    more than two articles' tokens are held at once (a comparison read every article
    of every corpus first, 5.8 GB at 10,000 articles)."""
    paths = _many(tmp_path)
    alive, most, calls = weakref.WeakSet(), [0], [0]
    tokens = Store.tokens

    def counted(store, article_id):
        got = tokens(store, article_id)
        copy = Tokens.of_edges(list(got.starts), list(got.ends))  # not the store's cache
        alive.add(copy)
        calls[0] += 1
        most[0] = max(most[0], len(alive))
        return copy

    monkeypatch.setattr(Store, "tokens", counted)
    result = agree.compare(paths, everything=True)
    monkeypatch.undo()
    assert calls[0] == 40 + 20 + 20 + 40 and most[0] <= 2  # each pair's, then all three's

    views = []
    for path in paths:
        with Store(path) as store:
            views.append(
                {
                    store.article(i).content_hash: (store.tokens(i), agree.live(store, i))
                    for i in store.article_ids()
                }
            )

    def dense(of, keys):
        rows = [[] for _ in of]
        for key in keys:
            ref = next(v[key][0] for v in of if key in v)
            for row, view in zip(rows, of, strict=True):
                got = view.get(key)
                row += [np.nan] * len(ref) if got is None else agree.token_labels(ref, got[1])
        return rows

    every = list(views[0])
    assert result.shared == 20
    assert result.alpha == pytest.approx(_package_alpha(dense(views, every)), abs=1e-12)
    for p, (i, j) in zip(result.pairs, [(0, 1), (0, 2), (1, 2)], strict=True):
        shared = [k for k in views[i] if k in views[j]]
        expected = _package_alpha(dense([views[i], views[j]], shared))
        assert p.alpha == pytest.approx(expected, abs=1e-12)
    assert 0 < result.alpha < 1 and len({p.alpha for p in result.pairs}) == 3
    # The JSON, written a piece at a time, is one object with every disagreement.
    data = json.loads("".join(result.json()))
    assert [len(p["disagreements"]) for p in data["pairs"]] == [
        len(p.disagreements) for p in result.pairs
    ]
    assert data["pairs"][0]["disagreements"][0] == vars(next(iter(result.pairs[0].disagreements)))
