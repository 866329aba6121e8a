"""A subcommand takes its corpus as a path, as sqlite-utils and spaCy take their file
(`quotelab stats c.qlab`); `--db` stays."""

import json
from pathlib import Path

import pytest

from core.cli.main import build_parser
from tests.conftest import SAMPLE, run_main


def _db(*argv):
    return build_parser().parse_args(list(argv)).db


def test_each_subcommand_on_a_corpus_takes_it_as_a_path():
    for argv in (
        ["stats", "c.qlab"],
        ["stats", "--json", "c.qlab"],
        ["check", "c.qlab"],
        ["export", "c.qlab", "--out", "e.jsonl"],
        ["report", "c.qlab"],
        ["speakers", "export", "c.qlab"],
        ["speakers", "import", "c.qlab", "known.csv"],
        ["backup", "c.qlab", "copy.qlab"],
        ["import", "c.qlab", "a.txt", "b.txt"],
    ):
        assert _db(*argv) == Path("c.qlab"), argv
    assert _db("--db", "c.qlab", "stats") == Path("c.qlab")  # as before
    assert _db("--db", "c.qlab", "stats", "c.qlab") == Path("c.qlab")  # the same one twice


def test_the_other_paths_keep_their_meaning():
    args = build_parser().parse_args(["backup", "copy.qlab"])  # OUT alone: the default corpus
    assert args.db is None and args.out == Path("copy.qlab")
    args = build_parser().parse_args(["speakers", "import", "c.qlab", "known.csv"])
    assert args.file == Path("known.csv")
    args = build_parser().parse_args(["import", "c.qlab", "a.txt"])
    assert args.paths == [Path("a.txt")]
    for argv in (["import", "a.txt", "b.txt"], ["import", "c.qlab"]):  # no corpus named
        args = build_parser().parse_args(argv)
        assert args.db is None and args.paths == [Path(p) for p in argv[1:]]
    assert not hasattr(build_parser().parse_args(["stats", "c.qlab"]), "corpus")


def test_two_different_corpora_are_refused(capsys):
    with pytest.raises(SystemExit) as exc:
        build_parser().parse_args(["--db", "a.qlab", "stats", "b.qlab"])
    assert exc.value.code == 2
    assert "two corpora: --db a.qlab and b.qlab" in capsys.readouterr().err


@pytest.mark.slow
def test_stats_of_a_corpus_named_by_its_path(tmp_path):
    corpus = tmp_path / "c.qlab"
    r = run_main("import", "--no-suggest", corpus, SAMPLE)
    assert r.returncode == 0, r.stderr
    r = run_main("stats", "--json", corpus)
    assert r.returncode == 0, r.stderr
    assert json.loads(r.stdout)["articles"] == 1
    missing = run_main("stats", tmp_path / "typo.qlab")
    assert missing.returncode == 1 and "typo.qlab: no such corpus" in missing.stderr
    assert not (tmp_path / "typo.qlab").exists()
