"""The export's command line (issue 21, items 5 and 12): a file's suffix names its format
or the format must be named; the --json report names the damaged articles it left out;
--no-tokens writes JSONL without its token lists."""

import json
import sqlite3

import pytest

from core.cli.main import build_parser, run
from core.corpus.store import Store
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


def test_no_tokens_leaves_out_what_only_prodigy_s_token_interfaces_read(corpus, tmp_path):
    full, lean = tmp_path / "full.jsonl", tmp_path / "lean.jsonl"
    assert main("--db", corpus, "export", "--out", full) == 0
    assert main("--db", corpus, "export", "--out", lean, "--no-tokens", "--all") == 0
    for a, b in zip(full.read_text().splitlines(), lean.read_text().splitlines(), strict=True):
        with_tokens, without = json.loads(a), json.loads(b)
        for key in ("tokens", "relations", "_view_id"):
            assert key not in without and key in with_tokens
            del with_tokens[key]
        for sp in with_tokens["spans"]:
            del sp["token_start"], sp["token_end"]
        del with_tokens["_task_hash"], without["_task_hash"]  # (each of what it holds)
        assert with_tokens == without  # the rest as it was
    copy = tmp_path / "copy.qlab"  # and it imports as the corpus was
    assert main("--db", copy, "import", "--no-suggest", lean) == 0
    again = tmp_path / "again.jsonl"
    assert main("--db", copy, "export", "--out", again) == 0
    assert [_same(line) for line in again.read_text().splitlines()] == [
        _same(line) for line in full.read_text().splitlines()
    ]


def _same(line):
    """A task but what an import gives anew: the source (the file's name and line, when
    it had none), the speakers' row ids in the corpus and the revision mark made of its
    rows (docs/adr/0027)."""
    task = json.loads(line)
    del task["meta"]["source"], task["meta"]["revision"]
    for q in task["quotes"]:
        del q["speaker_id"]
    return task


def test_no_tokens_is_for_jsonl(corpus, tmp_path, capsys):
    assert main("--db", corpus, "export", "--out", tmp_path / "c.csv", "--no-tokens") == 1
    assert "--no-tokens is for jsonl" in capsys.readouterr().err


def test_the_brat_configuration_declares_every_value_written(corpus, tmp_path):
    """annotation.conf declared Origin model|manual while the .ann said edited."""
    with Store(corpus) as s:
        from core.formats.export import export

        export(s, tmp_path / "brat", "brat")
    declared = {}
    for line in (tmp_path / "brat" / "annotation.conf").read_text().splitlines():
        if "Value:" in line:
            declared[line.split()[0]] = set(line.split("Value:")[1].split("|"))
    written = [
        line.split("\t")[1].split()
        for ann in (tmp_path / "brat").glob("*.ann")
        for line in ann.read_text().splitlines()
        if line.startswith("A")
    ]
    assert ["Origin", "edited"] in [[w[0], w[2]] for w in written]
    assert all(value in declared[name] for name, _, value in written)
