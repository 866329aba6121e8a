"""`main.py curate A.qlab B.qlab --out GOLD.qlab` (issue 22 item 3, docs/adr/0034): the
merge's report on stdout (or one JSON object), refusals named on stderr with exit 1."""

import json

from core.cli.main import build_parser, run
from core.corpus import curation
from core.corpus.store import Store
from tests.core.curation_data import decide, handouts, rename


def main(*argv: object) -> int:
    return run(build_parser().parse_args([str(a) for a in argv]))


def test_curate_writes_a_gold_and_says_what_it_merged(tmp_path, capsys):
    files = handouts(tmp_path)
    decide(files["ana"])
    decide(files["ben"], lambda s, art: rename(s, art, "the plan was too", "Experts"))
    out = tmp_path / "gold.qlab"
    assert main("curate", files["ana"], files["ben"], "--out", out) == 0
    said = capsys.readouterr()
    assert said.out.splitlines() == [
        f"merged 2 annotators (ana, ben) into {out}: 2 new article(s), 2 of them shared",
        "6 attribution(s) agreed, accepted; 2 item(s) to adjudicate",
    ]
    assert said.err == ""  # (no bar: stderr is no terminal)
    with Store(out) as g:
        assert curation.item_counts(g)[curation.Outcome.OPEN] == 2
    assert main("curate", files["ana"], files["ben"], "--out", out, "--json") == 0
    report = json.loads(capsys.readouterr().out)
    assert report == {
        "out": str(out),
        "annotators": ["ana", "ben"],
        "articles": 0,
        "shared": 0,
        "agreed": 0,
        "items": 0,
        "merged_before": 2,
        "changed": 0,
        "left_out_in_curated_places": 0,
    }


def test_curate_refuses_a_corpus_that_is_no_hand_out_by_name(tmp_path, capsys):
    files = handouts(tmp_path)
    out = tmp_path / "gold.qlab"
    assert main("curate", files["ana"], tmp_path / "all.qlab", "--out", out) == 1
    err = capsys.readouterr().err
    assert err == (
        f"quotelab: error: {tmp_path / 'all.qlab'}: names no annotator, so it is not a "
        "hand-out (`main.py assign` makes one per annotator)\n"
    )
    assert not out.exists()
    assert main("curate", files["ana"], "--out", out) == 1
    assert "1 corpora given: curate merges 2 to 9" in capsys.readouterr().err
