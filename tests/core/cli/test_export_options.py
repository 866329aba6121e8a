"""The export's command line (issue 21, items 5 and 12): a file's suffix names its format
or the format must be named; the --json report names the damaged articles it left out;
--no-tokens writes JSONL without its token lists."""

import json
import sqlite3

import pytest

from core.cli.main import build_parser, run
from tests.core.small_corpus import build


def main(*argv: str) -> int:
    return run(build_parser().parse_args([str(a) for a in argv]))


@pytest.fixture
def corpus(tmp_path):
    return build(tmp_path / "c.qlab")


@pytest.mark.parametrize("name", ["out.tsv", "out.xlsx", "out.json", "out"])
def test_a_suffix_that_names_no_format_is_refused(corpus, tmp_path, capsys, name):
    """`--out corpus.tsv` wrote JSONL into it without a word."""
    out = tmp_path / name
    assert main("--db", corpus, "export", "--out", out) == 1
    err = capsys.readouterr().err
    assert "names no export format (.jsonl, .ndjson, .spacy, .csv); give --format" in err
    assert not out.exists()


def test_a_named_format_writes_any_name(corpus, tmp_path, capfd):
    out = tmp_path / "out.tsv"
    assert main("--db", corpus, "export", "--out", out, "--format", "csv") == 0
    assert out.read_text(encoding="utf-8").startswith("article_id,")
    capfd.readouterr()
    assert main("--db", corpus, "export", "--out", "-") == 0  # stdout: JSONL
    assert json.loads(capfd.readouterr().out.splitlines()[0])["text"]


def test_the_json_report_names_the_damaged_articles_left_out(corpus, tmp_path, capsys):
    """Only stderr said an article was left out as damaged; the --json report said
    nothing of it."""
    conn = sqlite3.connect(corpus, isolation_level=None)
    conn.execute("UPDATE attributions SET quote_end = 999999 WHERE article_id = 2")
    conn.close()
    out = tmp_path / "out.jsonl"
    assert main("--db", corpus, "export", "--out", out, "--json") == 1
    report = json.loads(capsys.readouterr().out)
    assert report["damaged_articles"] == [2]
    assert report["damage"] == ["article 2: offsets outside the text"]
    assert report["articles"] == 2 and len(out.read_text().splitlines()) == 2
    main("--db", corpus, "export", "--out", out)
    assert "left out: 1 damaged article(s)" in capsys.readouterr().out


def test_no_tokens_is_jsonl_without_its_token_lists(corpus, tmp_path, capsys):
    full, lean = tmp_path / "full.jsonl", tmp_path / "lean.jsonl"
    assert main("--db", corpus, "export", "--out", full) == 0
    assert main("--db", corpus, "export", "--out", lean, "--no-tokens") == 0
    for a, b in zip(full.read_text().splitlines(), lean.read_text().splitlines(), strict=True):
        with_tokens, without = json.loads(a), json.loads(b)
        assert "tokens" not in without and with_tokens.pop("tokens")
        assert with_tokens == without  # the rest as it was, token indices of spans too
    assert main("--db", corpus, "export", "--out", tmp_path / "c.csv", "--no-tokens") == 1
    assert "--no-tokens is for jsonl" in capsys.readouterr().err
