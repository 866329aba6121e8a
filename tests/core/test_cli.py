import json
import subprocess
import sys

from tests.conftest import ROOT, SAMPLE


def run(*args, env_home):
    return subprocess.run(
        [sys.executable, "main.py", *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env={"QUOTELAB_HOME": str(env_home), "PATH": "/usr/bin:/bin"},
        check=False,
    )


def test_import_stats_export_headless(tmp_path):
    r = run("import", str(SAMPLE), env_home=tmp_path)
    assert r.returncode == 0, r.stderr
    assert "imported 1 article(s)" in r.stdout
    assert (tmp_path / "corpus.qlab").exists()  # the default corpus lives in the data dir
    again = run("import", str(SAMPLE), env_home=tmp_path)
    assert "already in the corpus" in again.stdout
    stats = run("stats", "--json", env_home=tmp_path)
    data = json.loads(stats.stdout)
    assert data["articles"] == 1 and data["attributions_by_state"]["suggested"] >= 25
    out = tmp_path / "out.jsonl"
    exp = run("--db", str(tmp_path / "corpus.qlab"), "export", "--out", str(out), env_home=tmp_path)
    assert exp.returncode == 0 and "wrote 1 article(s)" in exp.stdout
    (task,) = [json.loads(line) for line in out.read_text().splitlines()]
    assert task["meta"]["date"] == "2025-05-20" and len(task["quotes"]) >= 25


def test_errors_are_one_line_and_non_zero(tmp_path):
    bad = tmp_path / "not-a-corpus.qlab"
    bad.write_text("hello")
    r = run("--db", str(bad), "stats", env_home=tmp_path)
    assert r.returncode == 1
    assert r.stderr.strip().count("\n") == 0 and "not a QuoteLab corpus" in r.stderr
    assert bad.read_text() == "hello"
    r = run("--model", "no_such_pipeline", "suggest", str(SAMPLE), env_home=tmp_path)
    assert r.returncode == 1 and "not installed" in r.stderr
    assert "Traceback" not in r.stderr


def test_help_documents_every_subcommand(tmp_path):
    r = run("--help", env_home=tmp_path)
    for word in ("import", "suggest", "export", "stats", "--db", "--model", "--sample"):
        assert word in r.stdout
