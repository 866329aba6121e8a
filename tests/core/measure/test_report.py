"""core/measure/report.py on a small corpus whose figures are counted by hand below, and on the
sample reviewed by commands (suggestion quality equals core/measure/evaluate.py's score)."""

import json
import subprocess
import sys

import pytest

from core.corpus.store import Store
from core.formats.export import export_jsonl
from core.measure import charts, report
from core.measure.evaluate import evaluate_files
from core.model import QuoteType, State, Status
from core.review import commands as cmd
from tests.conftest import ROOT
from tests.core.small_corpus import apply, build


@pytest.fixture
def small(tmp_path):
    return build(tmp_path / "small.qlab")


def test_suggestion_quality_on_done_articles(small):
    with Store(small) as store:
        q = report.build(store).quality
    # Only A is done. Suggested first: s1..s4; final: s1, s2 (moved), s3 (new speaker and
    # type), the added manual quote; s4 rejected. s1, s2, s3 match; s3's type changed so
    # it is no typed match; s2 is not exact; s3's first speaker was wrong.
    assert q.articles == 1
    o = q.score.overall
    assert (o.gold, o.pred, o.matched, o.exact, o.speaker) == (4, 4, 3, 2, 2)
    assert o.precision == o.recall == 3 / 4
    assert o.speaker_accuracy == 2 / 3 and o.exact_share == 2 / 3
    ind = q.score.by_type["indirect"]  # gold: s1, s2, manual; first suggested: s1, s2, s4
    assert (ind.gold, ind.pred, ind.matched, ind.exact) == (3, 3, 2, 1)
    direct, mixed = q.score.by_type["direct"], q.score.by_type["mixed"]
    assert (direct.gold, direct.pred, direct.matched) == (1, 0, 0)
    assert (mixed.gold, mixed.pred, mixed.matched) == (0, 1, 0)
    assert q.fixes == {
        "accepted as is": 1,
        "moved boundaries": 1,
        "changed speaker": 1,
        "changed type": 1,
        "changed cue": 0,
        "added": 1,
        "rejected": 1,
    }
    assert q.missed_cues == [("warned", 1)]


def test_the_corpus_figures(small):
    with Store(small) as store:
        r = report.build(store)
    assert r.articles_by_status == {"todo": 1, "in_progress": 1, "done": 1}
    assert r.by_state == {"suggested": 2, "accepted": 5, "rejected": 1}
    assert r.by_type == {"direct": 2, "mixed": 0, "indirect": 5}
    assert r.by_origin["manual"] == 1 and sum(r.by_origin.values()) == 7
    assert [(s.name, s.quotes, s.articles, s.cues) for s in r.speakers] == [
        ("Ana Ruiz", 3, 3, [("said", 3)]),
        ("Ben Cole", 2, 2, [("said", 1), ("told", 1)]),
        ("Critics", 1, 1, [("said", 1)]),
        ("The union", 1, 1, [("warned", 1)]),
    ]
    assert r.speaker_count == 4
    assert r.quotes_per_article == {
        "mean": 7 / 3,
        "median": 2,
        "max": 4,
        "histogram": {"1": 1, "2": 1, "4": 1},
    }
    # C has no date: it counts, as the titles' quote counts do, as undated (it dropped out)
    assert r.over_time == [("2025-05", 1, 4), ("2025-06", 1, 2), ("undated", 1, 1)]
    assert r.by_outlet == [("example.com", 1, 4), ("news.other.org", 1, 2), ("", 1, 1)]


def test_an_empty_corpus_reports_zeros(tmp_path):
    with Store(tmp_path / "empty.qlab") as store:
        r = report.build(store)
    assert r.quality.articles == 0 and r.quality.score.overall.f1 == 0
    assert r.speakers == [] and r.over_time == [] and r.quotes_per_article["max"] == 0
    assert "Suggestion quality on 0 done article(s)" in r.lines()
    # not a table of zeros, which read as if every suggestion were wrong
    assert "  No article is done yet" in "\n".join(r.lines())
    page = charts.html_page(r, with_charts=False)
    assert "No article is done yet" in page and "precision" not in page


def test_sample_reviewed_equals_evaluate_against_the_final_annotations(
    tmp_path, sample_corpus, suggester
):
    """The report's quality is what core/measure/evaluate.py gives for the first suggestions
    against the final attributions, after a review with every kind of fix."""
    with Store(sample_corpus) as store:
        art = store.article_ids()[0]
        first = store.attributions(art)
        text = store.article(art).text
        edits = [
            lambda: cmd.move_edge(store, first[3].id, "quote", "start", 1),
            lambda: cmd.move_edge(store, first[3].id, "quote", "start", 1),
            lambda: cmd.set_speaker_name(store, first[5].id, "Somebody Else"),
            lambda: cmd.set_type(store, first[7].id, QuoteType.INDIRECT),
            lambda: cmd.set_state(store, first[9].id, State.REJECTED),
            lambda: cmd.delete(store, first[11].id),
            lambda: cmd.accept_all(store, art),
            lambda: cmd.set_status(store, art, Status.DONE),
        ]
        for edit in edits:
            apply(store, edit())
        quality = report.build(store).quality
        final = tmp_path / "final.jsonl"
        export_jsonl(store, final)
    pred = tmp_path / "pred.jsonl"
    line = {"text": text, "quotes": [a.to_record() for a in first]}
    pred.write_text(json.dumps(line) + "\n", encoding="utf-8")
    expected = evaluate_files([final], pred).score
    assert quality.score.as_dict() == expected.as_dict()
    o = quality.score.overall
    assert o.pred == len(first) and o.gold == len(first) - 2  # one rejected, one deleted
    assert quality.fixes["rejected"] == 2 and quality.fixes["moved boundaries"] == 1
    # the new name went to the article's other suggestions of the old name (ADR 52)
    renamed = [a for a in first if a.speaker_name == first[5].speaker_name]
    assert len(renamed) > 1 and quality.fixes["changed speaker"] == len(renamed)
    assert quality.fixes["changed type"] == 1


def _cli(*args):
    return subprocess.run(
        [sys.executable, "main.py", *map(str, args)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )


@pytest.mark.slow
def test_cli_report_text_json_html_and_charts(small, tmp_path):
    r = _cli("--db", small, "report")
    assert r.returncode == 0, r.stderr
    assert "Suggestion quality on 1 done article(s)" in r.stdout
    assert "      3  Ana Ruiz  (person; 3 article(s); 1 unreviewed; said 3)" in r.stdout
    assert "Corpus (2 of the 7 quote(s) counted are unreviewed suggestions" in r.stdout
    assert "  example.com: 1, 4" in r.stdout
    data = json.loads(_cli("--db", small, "report", "--json").stdout)
    assert data["quality"]["fixes"]["added"] == 1
    ana = data["speakers"][0]
    assert ana == {"name": "Ana Ruiz", "quotes": 3, "articles": 3, "cues": [["said", 3]],
                   "unreviewed": 1, "id": ana["id"], "kind": "person"}  # fmt: skip
    assert isinstance(ana["id"], int) and data["speaker_count"] == 4
    assert (data["quotes"], data["unreviewed"], data["no_speaker_name"]) == (7, 2, 0)
    page, charts = tmp_path / "report.html", tmp_path / "charts"
    r = _cli("--db", small, "report", "--html", page, "--charts", charts)
    assert r.returncode == 0, r.stderr
    html = page.read_text(encoding="utf-8")
    assert html.count("<svg") == 4 and "<script" not in html and "Ana Ruiz" in html
    assert sorted(p.name for p in charts.iterdir()) == [
        "quality_by_type.svg",
        "quotes_by_type.svg",
        "quotes_over_time.svg",
        "top_speakers.svg",
    ]


@pytest.mark.slow
def test_cli_report_refuses_a_missing_corpus(tmp_path):
    r = _cli("--db", tmp_path / "nothing.qlab", "report")
    assert r.returncode == 1 and "no such corpus" in r.stderr and "Traceback" not in r.stderr
    assert not (tmp_path / "nothing.qlab").exists()


@pytest.mark.parametrize("delete_all", [False, True])
def test_untouched_and_emptied_articles_count_too(small, delete_all):
    with Store(small) as store:
        b = store.article_ids()[1]
        if delete_all:  # every suggestion of Taxes deleted: both are rejected suggestions
            for a in store.attributions(b):
                apply(store, cmd.delete(store, a.id))
        apply(store, cmd.set_status(store, b, Status.DONE))  # else: done as suggested
        q = report.build(store).quality
    o, ind = q.score.overall, q.score.by_type["indirect"]
    if delete_all:  # A as before, plus 2 suggestions nobody kept
        assert (o.gold, o.pred, o.matched, o.exact, o.speaker) == (4, 6, 3, 2, 2)
        assert (ind.gold, ind.pred, ind.matched) == (3, 5, 2)
        assert q.fixes["rejected"] == 3
    else:  # A as before, plus Taxes' 2 suggestions kept as they were
        assert (o.gold, o.pred, o.matched, o.exact, o.speaker) == (6, 6, 5, 4, 4)
        assert (ind.gold, ind.pred, ind.matched, ind.exact) == (5, 5, 4, 3)
        assert q.fixes["accepted as is"] == 3
    assert q.articles == 2


def test_the_report_says_how_many_quotes_are_unreviewed_and_counts_the_nameless(tmp_path):
    """A corpus just imported (nothing reviewed) ranked its speakers as if they were
    data, and quotes with no speaker name were dropped without a word."""
    from tests.core.small_corpus import add_article, suggestion

    text = "Ana Ruiz said taxes would rise. Officials said nothing was decided."
    with Store(tmp_path / "new.qlab") as store:
        a = add_article(
            store,
            text,
            [
                suggestion(text, "taxes would rise.", "Ana Ruiz", "Ana Ruiz", "said"),
                suggestion(text, "nothing was decided.", None, None, "said", nth=1),
            ],
        )
        rep = report.build(store)
        assert (rep.quotes, rep.unreviewed, rep.no_speaker_name) == (2, 2, 1)
        assert [(r.name, r.quotes, r.unreviewed) for r in rep.speakers] == [("Ana Ruiz", 1, 1)]
        lines = "\n".join(rep.lines())
        assert "Corpus (2 of the 2 quote(s) counted are unreviewed suggestions" in lines
        assert "  1 quote(s) with no speaker name" in lines
        for attr in store.attributions(a):
            apply(store, cmd.set_state(store, attr.id, State.ACCEPTED))
        rep = report.build(store)
    assert (rep.unreviewed, rep.speakers[0].unreviewed, rep.no_speaker_name) == (0, 0, 1)
    assert "Corpus (all 2 quote(s) counted are reviewed" in "\n".join(rep.lines())


def test_a_removed_cue_is_a_fix_not_accepted_as_is(small):
    """A suggestion whose cue was removed counted as "accepted as is" (while its origin
    says edited): the report had no fix of cues."""
    with Store(small) as store:
        b = store.article_ids()[1]
        first, _ = store.attributions(b)
        apply(store, cmd.set_span(store, first.id, "cue", None))
        apply(store, cmd.accept_all(store, b))
        apply(store, cmd.set_status(store, b, Status.DONE))
        q = report.build(store).quality
    assert q.fixes["changed cue"] == 1
    assert q.fixes["accepted as is"] == 2  # A's first, B's second
