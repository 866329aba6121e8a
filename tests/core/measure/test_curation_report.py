"""What the curation says (issue 22 item 5, docs/adr/0035): the report on a gold corpus
gives agreement before curation, each annotator's F1 against the gold by field and by
quote type, and the disagreements with the gold by kind; counted here by hand on three
annotators' corpora of two articles, curated and adjudicated with the real commands."""

import json
import sqlite3

import pytest

from core.corpus import curation as tables
from core.corpus.store import Store
from core.measure import agree, charts, curation, report
from core.measure.curate import curate
from core.model import QuoteType, Status
from core.review import adjudicate
from core.review import commands as cmd
from tests.conftest import run_main
from tests.core import curation_report_data
from tests.core.curation_data import apply, decide, find, handouts, reject, rename
from tests.core.curation_report_data import cut, extra
from tests.core.small_corpus import build as small_corpus


@pytest.fixture
def project(tmp_path):
    """The gold of three annotators' two articles (tests/core/curation_report_data.py):
    each article holds Q1 "We will build the bridge" (Jane Smith, direct), Q2 "In fact,
    ..." (Jane Smith), Q3 "the plan was too expensive" (Critics, indirect), Q4 "We have
    no money" (no speaker, direct). ana accepts all; ben rejects Q4 in both and names
    Q3's speaker "Experts" in the first; cal cuts Q1's end and clears Q2's cue in the
    first, makes Q3 direct and adds "taxes would rise" (Tom Brown, indirect) in the
    second. The gold: cal's added quote (the bulk take) and ana's version everywhere
    else: nine quotes, six direct and three indirect."""
    return curation_report_data.project(tmp_path)


def built(path):
    with Store(path) as s:
        return report.build(s)


def test_each_annotator_against_the_gold_counted_by_hand(project):
    gold, _ = project
    cur = built(gold).curation
    assert cur.annotators == ["ana", "ben", "cal"]
    # Items: Q1 (cal's boundaries), Q3 (ben's speaker), Q4 (ben has none) in the first
    # article; Q3 (cal's type), Q4 (ben has none), cal's added quote in the second. Q2 of
    # the first is agreed: the rule compares no cue. All six taken, none left open.
    assert cur.items == {"open": 0, "taken": 6, "rejected": 0, "edited": 0}
    ana, ben, cal = cur.scores
    assert [s.articles for s in cur.scores] == [2, 2, 2]
    # F1 = 2 * right / (gold + annotated); the gold has 9 quotes.
    # ana: 8 quotes, all matched, each with the gold's speaker, cue and type: 16 / 17.
    assert ana.f1() == {
        "quote": round(16 / 17, 4),
        "speaker": round(16 / 17, 4),
        "cue": round(16 / 17, 4),
        "type": round(16 / 17, 4),
    }
    # ben: 6 quotes (no Q4), all matched; "Experts" is not the gold's Critics: 5 speakers.
    assert ben.f1() == {"quote": 0.8, "speaker": round(10 / 15, 4), "cue": 0.8, "type": 0.8}
    # cal: 9 quotes, all matched (Q1's cut end still overlaps 17/24); Q2 without its cue
    # and Q3 direct make 8 cues and 8 types right of 9: 16 / 18.
    assert cal.f1() == {
        "quote": 1.0,
        "speaker": 1.0,
        "cue": round(16 / 18, 4),
        "type": round(16 / 18, 4),
    }
    # By type: the gold has 6 direct (Q1, Q2, Q4 twice) and 3 indirect (Q3 twice, the
    # added one). ana: 6 direct of 6; 2 indirect of 3 -> 4 / 5. ben: 4 direct (no Q4) ->
    # 8 / 10, 2 indirect -> 4 / 5. cal: 7 direct (the second Q3 too), 6 of them the
    # gold's direct -> 12 / 13; 2 indirect, both the gold's -> 4 / 5.
    assert ana.by_type() == {"direct": 1.0, "mixed": None, "indirect": 0.8}
    assert ben.by_type() == {"direct": 0.8, "mixed": None, "indirect": 0.8}
    assert cal.by_type() == {"direct": round(12 / 13, 4), "mixed": None, "indirect": 0.8}
    # Disagreements with the gold: ana missed cal's added quote; ben missed Q4 twice and
    # the added quote, and gave another speaker once; cal moved a boundary and changed a
    # type (a cleared cue is no kind of its own).
    assert ana.kinds == {"boundary": 0, "speaker": 0, "missed": 1, "extra": 0, "type": 0}
    assert ben.kinds == {"boundary": 0, "speaker": 1, "missed": 3, "extra": 0, "type": 0}
    assert cal.kinds == {"boundary": 1, "speaker": 0, "missed": 0, "extra": 0, "type": 1}


def test_agreement_before_curation_is_what_agree_says_of_their_corpora(project):
    gold, files = project
    cur = built(gold).curation
    by_pair = {(p.a, p.b): p for p in cur.pairs}
    assert list(by_pair) == [("ana", "ben"), ("ana", "cal"), ("ben", "cal")]
    assert [p.articles for p in cur.pairs] == [2, 2, 2]
    # ana 8, ben 6: 6 matched -> 12 / 14; speakers: Q1, Q2 twice, the second Q3 (Q4 has
    # none, which a score never counts right) -> 10 / 14.
    ab = by_pair[("ana", "ben")]
    assert (ab.quote_f1(), ab.attribution_f1()) == (round(12 / 14, 4), round(10 / 14, 4))
    # ana 8, cal 9: 8 matched -> 16 / 17; Q1, Q2, Q3 in both articles -> 12 / 17.
    ac = by_pair[("ana", "cal")]
    assert (ac.quote_f1(), ac.attribution_f1()) == (round(16 / 17, 4), round(12 / 17, 4))
    # ben 6, cal 9: 6 matched -> 12 / 15; the first Q3 differs -> 10 / 15.
    bc = by_pair[("ben", "cal")]
    assert (bc.quote_f1(), bc.attribution_f1()) == (0.8, round(10 / 15, 4))
    # alpha over token labels: the gold's versions give what `agree` gives on the corpora.
    for p in cur.pairs:
        (theirs,) = agree.compare([files[p.a], files[p.b]]).pairs
        assert 0 < p.alpha < 1 and p.alpha == pytest.approx(theirs.alpha)
        assert p.score.overall == theirs.score.overall


def test_two_annotators_alike_agree_fully_and_match_the_gold(tmp_path):
    files = handouts(tmp_path)
    decide(files["ana"])
    decide(files["ben"])
    gold = tmp_path / "gold.qlab"
    curate([files["ana"], files["ben"]], gold)
    cur = built(gold).curation
    (pair,) = cur.pairs
    assert (pair.alpha, pair.quote_f1(), pair.articles) == (1.0, 1.0, 2)
    for s in cur.scores:
        assert s.f1() == dict.fromkeys(curation.FIELDS, 1.0)
        assert s.kinds == dict.fromkeys(curation.KINDS, 0)


@pytest.mark.parametrize(
    ("kind", "edit"),
    [
        ("boundary", cut),
        ("speaker", lambda s, art: rename(s, art, "the plan was too", "Experts")),
        ("missed", lambda s, art: reject(s, art, "We have no money")),
        ("extra", extra),
        (
            "type",
            lambda s, art: apply(
                s, cmd.set_type(s, find(s, art, "the plan was too"), QuoteType.MIXED)
            ),
        ),
    ],
)
def test_each_kind_of_disagreement_alone(tmp_path, kind, edit):
    """ben makes one change in the first article; the curator takes ana's version
    everywhere (and rejects ben's added quote): ben disagrees with the gold once, of that
    kind, and ana never."""
    files = handouts(tmp_path)
    decide(files["ana"])
    decide(files["ben"], lambda s, art: edit(s, art) if art == 1 else None)
    gold = tmp_path / "gold.qlab"
    curate([files["ana"], files["ben"]], gold)
    with Store(gold) as g:
        for it in tables.items(g, 1):
            apply(g, adjudicate.take(g, it, 1) if it.versions[1] else adjudicate.reject_all(g, it))
    ana, ben = built(gold).curation.scores
    assert ana.kinds == dict.fromkeys(curation.KINDS, 0)
    assert ben.kinds == {k: int(k == kind) for k in curation.KINDS}


def test_articles_not_done_are_left_out(tmp_path):
    """An article the gold still has an item open in, or an annotator has not marked
    done, is not scored against the gold; a pair compares only articles both did."""
    files = handouts(tmp_path)
    decide(files["ana"])

    def ben(s, art):
        rename(s, art, "the plan was too", "Experts")

    decide(files["ben"], ben)
    with Store(files["ben"]) as s:
        apply(s, cmd.set_status(s, 2, Status.IN_PROGRESS))
    gold = tmp_path / "gold.qlab"
    curate([files["ana"], files["ben"]], gold)
    with Store(gold) as g:
        (it,) = tables.items(g, 1)
        apply(g, adjudicate.take(g, it, 2))  # the first article done; the second open
    cur = built(gold).curation
    (pair,) = cur.pairs
    assert (pair.articles, pair.left_out) == (1, 1)
    assert [(s.articles, s.left_out) for s in cur.scores] == [(1, 1), (1, 1)]
    ana, ben = cur.scores
    assert (ana.kinds["speaker"], ben.kinds["speaker"]) == (1, 0)  # ben's speaker was taken


def test_the_section_reports_progress_over_every_article_and_stops_on_cancel(project):
    gold, _ = project
    calls = []
    with Store(gold) as s:
        report.build(s, progress=lambda done, total: calls.append((done, total)))
        assert calls == [(0, 2)]  # every article (a gold's are not scored as suggestions)
        calls.clear()
        with pytest.raises(report.Cancelled):  # cancelled once the curation pass began
            report.build(s, progress=lambda d, t: calls.append(d), cancelled=lambda: len(calls) > 0)


def test_a_damaged_article_is_left_out_and_counted(tmp_path):
    files = handouts(tmp_path)
    decide(files["ana"])
    decide(files["ben"])
    gold = tmp_path / "gold.qlab"
    curate([files["ana"], files["ben"]], gold)
    conn = sqlite3.connect(gold)
    conn.execute("PRAGMA ignore_check_constraints = ON")
    conn.execute("UPDATE curation_versions SET type = 'shouted' WHERE article_id = 2")
    conn.commit()
    conn.close()
    rep = built(gold)
    assert rep.curation.damaged == 1
    assert [p.articles for p in rep.curation.pairs] == [1]
    assert [s.articles for s in rep.curation.scores] == [1, 1]
    assert "1 damaged article(s) left out" in "\n".join(rep.lines())


def test_a_corpus_that_is_no_gold_says_nothing_of_curation(tmp_path):
    rep = built(small_corpus(tmp_path / "c.qlab"))
    assert rep.curation is None
    assert "curation" not in rep.as_dict()
    assert not any(line.startswith("Curation") for line in rep.lines())
    assert "disagreements" not in charts.render_all(rep)
    assert "Curation" not in "".join(charts.html_parts(rep))


def test_the_section_in_text_page_and_chart(project):
    gold, _ = project
    rep = built(gold)
    text = "\n".join(rep.lines())
    assert "Curation (3 annotators: ana, ben, cal)" in text
    assert "ana vs ben: 2 article(s), alpha " in text
    assert "F1 quote 0.800, speaker 0.667, cue 0.800, type 0.800" in text
    assert "disagreements: boundary 0, speaker 1, missed 3, extra 0, type 0" in text
    page = "".join(charts.html_parts(rep))
    assert "<h2>Curation</h2>" in page and "<td>ben</td>" in page
    svg = charts.render_all(rep)["disagreements"]
    assert b"<script" not in svg
    for word in ("boundary", "missed", "extra", "ana", "ben", "cal"):
        assert word.encode() in svg


def test_a_gold_has_no_suggestion_quality(project):
    """The report on a gold scored its curated attributions as if they were a model's
    suggestions reviewed (F1 0.500, adjudicated quotes counted as "added"): now it says
    that a gold has no suggestion quality, in text, page, JSON and charts."""
    gold, _ = project
    rep = built(gold)
    assert rep.quality is None and rep.curation is not None
    text = "\n".join(rep.lines())
    assert "Suggestion quality\n  " + report.NOT_IN_A_GOLD in text
    assert "Suggestion quality on" not in text and "fixes:" not in text
    assert "quality" not in rep.as_dict()
    page = "".join(charts.html_parts(rep))
    assert "Not measured in a gold corpus" in page and "<td>accepted as is</td>" not in page
    assert list(charts.render_all(rep)) == [
        "top_speakers",
        "quotes_by_type",
        "quotes_over_time",
        "disagreements",
    ]
    # Any other corpus keeps the section and its chart.
    other = built(small_corpus(gold.parent / "other.qlab"))
    assert other.quality is not None
    assert "quality_by_type" in charts.render_all(other)
    assert "Suggestion quality on 1 done article(s)" in "\n".join(other.lines())


@pytest.mark.slow
def test_cli_report_json_on_a_gold(project, tmp_path):
    gold, _ = project
    r = run_main("report", str(gold), "--json", "--charts", str(tmp_path / "charts"))
    assert r.returncode == 0, r.stderr
    cur = json.loads(r.stdout)["curation"]
    assert set(cur) == {"annotators", "items", "before", "against_gold", "damaged_articles"}
    assert cur["annotators"] == ["ana", "ben", "cal"]
    assert [(p["a"], p["b"]) for p in cur["before"]] == [
        ("ana", "ben"),
        ("ana", "cal"),
        ("ben", "cal"),
    ]
    assert set(cur["before"][0]) == {
        "a",
        "b",
        "articles",
        "left_out",
        "alpha",
        "quote_f1",
        "attribution_f1",
    }
    ben = cur["against_gold"][1]
    assert ben == {
        "annotator": "ben",
        "articles": 2,
        "left_out": 0,
        "gold": 9,
        "annotated": 6,
        "f1": {"quote": 0.8, "speaker": 0.6667, "cue": 0.8, "type": 0.8},
        "f1_by_type": {"direct": 0.8, "mixed": None, "indirect": 0.8},
        "disagreements": {"boundary": 0, "speaker": 1, "missed": 3, "extra": 0, "type": 0},
    }
    assert (tmp_path / "charts" / "disagreements.svg").exists()
    text = run_main("report", str(gold))
    assert "Curation (3 annotators: ana, ben, cal)" in text.stdout
