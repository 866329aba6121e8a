import json
import stat
import subprocess
import sys

import pytest

from tests.conftest import DATA, ROOT, SAMPLE


def run(*args, env_home):
    return subprocess.run(
        [sys.executable, "main.py", *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env={"QUOTELAB_HOME": str(env_home), "PATH": "/usr/bin:/bin"},
        check=False,
    )


@pytest.mark.slow
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
    n = data["attributions_by_state"]["suggested"]
    assert data["unreviewed"] == (
        f"{n} of the {n} attributions counted by type and in top_speakers are unreviewed "
        "suggestions"
    )
    out = tmp_path / "out.jsonl"
    exp = run("--db", str(tmp_path / "corpus.qlab"), "export", "--out", str(out), env_home=tmp_path)
    assert exp.returncode == 0 and "wrote 1 article(s)" in exp.stdout
    (task,) = [json.loads(line) for line in out.read_text().splitlines()]
    assert task["meta"]["date"] == "2025-05-20" and len(task["quotes"]) >= 25


@pytest.mark.slow
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


@pytest.mark.slow
def test_refusals_go_to_stderr_and_make_the_exit_status_non_zero(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    r = run("import", "--no-suggest", str(SAMPLE), str(empty), env_home=tmp_path)
    assert r.returncode == 1
    assert "imported 1 article(s)" in r.stdout and "empty.txt" not in r.stdout
    assert "not imported:" in r.stderr and "empty.txt: the file is empty" in r.stderr
    ok = run("import", "--no-suggest", str(SAMPLE), env_home=tmp_path)  # a duplicate: no error
    assert ok.returncode == 0 and "already in the corpus" in ok.stdout and not ok.stderr


@pytest.mark.slow
def test_a_missing_db_is_an_error_except_for_import_or_with_create(tmp_path):
    missing = tmp_path / "typo.qlab"
    for args in (["stats"], ["export", "--out", str(tmp_path / "e.jsonl")]):
        r = run("--db", str(missing), *args, env_home=tmp_path)
        assert r.returncode == 1 and "typo.qlab: no such corpus" in r.stderr
        assert not missing.exists() and not (tmp_path / "e.jsonl").exists()
    r = run("--db", str(missing), "--create", "stats", "--json", env_home=tmp_path)
    assert r.returncode == 0 and json.loads(r.stdout)["articles"] == 0 and missing.exists()
    other = tmp_path / "new.qlab"
    r = run("--db", str(other), "import", "--no-suggest", str(SAMPLE), env_home=tmp_path)
    assert r.returncode == 0 and other.exists()


@pytest.mark.slow
def test_help_and_version_touch_nothing(tmp_path):
    home = tmp_path / "data"
    for flag in ("--help", "--version"):
        r = run(flag, env_home=home)
        assert r.returncode == 0 and r.stdout
    sub = run("export", "--help", env_home=home)
    assert "jsonl" in sub.stdout and "brat" in sub.stdout
    assert not home.exists()


@pytest.mark.slow
def test_dash_reads_stdin_for_suggest_and_import(tmp_path):
    r = subprocess.run(
        [sys.executable, "main.py", "suggest", "-"],
        cwd=ROOT,
        input=SAMPLE.read_bytes(),
        capture_output=True,
        env={"QUOTELAB_HOME": str(tmp_path), "PATH": "/usr/bin:/bin"},
        check=False,
    )
    assert r.returncode == 0, r.stderr
    (record,) = [json.loads(line) for line in r.stdout.splitlines()]
    assert record["text"].startswith("No 'Real Concessions'") and len(record["quotes"]) >= 25
    task = json.dumps({"text": "A piped article.", "meta": {"title": "Piped"}}).encode()
    r = subprocess.run(
        [sys.executable, "main.py", "import", "--json", "-"],
        cwd=ROOT,
        input=task,
        capture_output=True,
        env={"QUOTELAB_HOME": str(tmp_path), "PATH": "/usr/bin:/bin"},
        check=False,
    )
    assert r.returncode == 0 and json.loads(r.stdout)["imported"] == 1
    r = subprocess.run(
        [sys.executable, "main.py", "import", "-"],
        cwd=ROOT,
        input=b"",
        capture_output=True,
        env={"QUOTELAB_HOME": str(tmp_path), "PATH": "/usr/bin:/bin"},
        check=False,
    )  # named as the user gave it, not by the temporary file that held it
    assert r.returncode == 1 and r.stderr == b"quotelab: not imported: stdin: the file is empty\n"


@pytest.mark.slow
def test_export_to_stdout_in_each_file_format_with_json_reports(tmp_path):
    db = tmp_path / "c.qlab"
    run("--db", str(db), "import", "--no-suggest", str(SAMPLE), env_home=tmp_path)
    r = run("--db", str(db), "export", "--out", "-", "--json", env_home=tmp_path)
    assert r.returncode == 0
    (task,) = [json.loads(line) for line in r.stdout.splitlines()]
    assert task["text"].startswith("No 'Real Concessions'")
    assert json.loads(r.stderr) == {
        "format": "jsonl",
        "out": "-",
        "articles": 1,
        "attributions": 0,
        "left_out_articles": 0,
        "left_out_suggested": 0,
        "left_out_rejected": 0,
        "unreviewed_articles": 1,
        "unreviewed_suggestions": 0,
        "without_attributions": 1,
        "damaged_articles": [],
        "damage": [],
    }
    r = run("--db", str(db), "export", "--out", "-", "--format", "csv", env_home=tmp_path)
    assert r.stdout.startswith("article_id,title,") and "wrote 1 article(s)" in r.stderr
    out = tmp_path / "c.csv"  # the format follows the suffix
    r = run("--db", str(db), "export", "--out", str(out), "--json", env_home=tmp_path)
    assert json.loads(r.stdout)["format"] == "csv" and out.read_text().startswith("article_id")
    r = run("--db", str(db), "export", "--out", "-", "--format", "brat", env_home=tmp_path)
    assert r.returncode == 1 and "brat writes a folder" in r.stderr


def _with_terminal_stderr(args, home):
    """Run main.py with stderr on a pseudo-terminal; returns (exit status, what it drew)."""
    import fcntl
    import os
    import pty
    import struct
    import termios

    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))  # 80 columns
    proc = subprocess.Popen(
        [sys.executable, "main.py", *args],
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=slave,
        env={"QUOTELAB_HOME": str(home), "PATH": "/usr/bin:/bin"},
    )
    os.close(slave)
    drawn = b""
    while True:
        try:
            chunk = os.read(master, 4096)
        except OSError:  # the child closed the terminal
            break
        if not chunk:
            break
        drawn += chunk
    os.close(master)
    return proc.wait(), drawn.decode(errors="replace")


@pytest.mark.slow
def test_progress_bar_on_a_terminal_only(tmp_path):
    code, drawn = _with_terminal_stderr(["import", str(SAMPLE)], tmp_path)  # over a second
    assert code == 0 and "import: 100%" in drawn and "1/1" in drawn
    out = str(tmp_path / "x.jsonl")
    piped = run("--db", str(tmp_path / "corpus.qlab"), "export", "--out", out, env_home=tmp_path)
    r = run("import", str(SAMPLE), str(DATA / "articles" / "edge_marks.txt"), env_home=tmp_path)
    assert "%" not in r.stderr and "%" not in piped.stderr and r.stderr == ""


def test_a_lone_corpus_argument_opens_it_in_the_app():
    from core.cli.main import app_argv, build_parser

    parser = build_parser()
    args = parser.parse_args(app_argv(["/home/me/news.qlab"], parser))
    assert args.command is None and str(args.db) == "/home/me/news.qlab"
    args = parser.parse_args(app_argv(["--model", "en_core_web_md", "a.qlab"], parser))
    assert str(args.db) == "a.qlab" and args.model == "en_core_web_md"
    for argv in (["stats"], ["--db", "x.qlab", "stats"], ["import", "a.txt"], ["--sample"]):
        assert app_argv(argv, parser) == argv
    # every subcommand, alone, is that subcommand; a typo is no corpus
    for argv in (["report"], ["backup"], ["evaluate"], ["agree"], ["stat"], ["report", "--json"]):
        assert app_argv(argv, parser) == argv


@pytest.mark.slow
def test_a_mistyped_subcommand_is_refused_and_creates_nothing(tmp_path):
    r = run("stat", env_home=tmp_path)
    assert r.returncode == 2 and "invalid choice: 'stat'" in r.stderr
    assert not (ROOT / "stat").exists() and list(tmp_path.iterdir()) == []
    r = run("report", "--help", env_home=tmp_path)
    assert "--html" in r.stdout


@pytest.mark.slow
@pytest.mark.parametrize("command", [["export", "--out", "-"], ["report", "--json"]])
def test_a_reader_that_stops_early_gets_no_traceback(tmp_path, command):
    db = tmp_path / "c.qlab"
    assert run("--db", str(db), "import", "--no-suggest", str(DATA / "articles"), env_home=tmp_path)
    proc = subprocess.Popen(
        [sys.executable, "main.py", "--db", str(db), *command],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env={"QUOTELAB_HOME": str(tmp_path), "PATH": "/usr/bin:/bin"},
    )
    with proc.stdout, proc.stderr:
        proc.stdout.close()  # `| head` that has stopped before anything was written
        err = proc.stderr.read()
    assert proc.wait() == 1 and b"Traceback" not in err and b"Broken pipe" not in err, err


@pytest.mark.slow
def test_export_without_a_format_refuses_a_folder(tmp_path):
    """`--out spacydir/` wrote a JSONL file named spacydir: a folder needs its format."""
    db = tmp_path / "c.qlab"
    run("--db", str(db), "import", "--no-suggest", str(SAMPLE), env_home=tmp_path)
    for out in (f"{tmp_path / 'spacydir'}/", str(tmp_path)):
        r = run("--db", str(db), "export", "--out", out, env_home=tmp_path)
        assert r.returncode == 1 and "is a folder; --format spacy" in r.stderr
    assert not (tmp_path / "spacydir").exists()


@pytest.mark.slow
def test_suggest_shards_follow_the_umask_as_exports_do(tmp_path):
    """Shards were made by mkstemp, 0600 whatever the umask; now 0666 less the umask
    (a replaced shard keeps its mode), as every export file."""
    src = tmp_path / "in" / "article.txt"
    src.parent.mkdir()
    src.write_bytes(SAMPLE.read_bytes())
    out = tmp_path / "out"
    script = (
        "import os, sys; os.umask(0o022); from core.cli import main as cli; "
        "sys.exit(cli.run(cli.build_parser().parse_args(sys.argv[1:])))"
    )
    args = [sys.executable, "-c", script, "suggest", "--out-dir", str(out), str(src)]
    env = {"QUOTELAB_HOME": str(tmp_path), "PATH": "/usr/bin:/bin"}
    r = subprocess.run(args, cwd=ROOT, capture_output=True, text=True, env=env, check=False)
    assert r.returncode == 0, r.stderr
    shard = out / "article.txt"
    assert stat.S_IMODE(shard.stat().st_mode) == 0o644
    assert json.loads(shard.read_text(encoding="utf-8"))["quotes"]
    shard.chmod(0o640)
    r = subprocess.run(args, cwd=ROOT, capture_output=True, text=True, env=env, check=False)
    assert r.returncode == 0 and stat.S_IMODE(shard.stat().st_mode) == 0o640
    assert [p.name for p in out.iterdir()] == ["article.txt"]  # no temporary file left


@pytest.mark.slow
def test_the_readme_training_export_holds_no_unreviewed_suggestion(tmp_path):
    """A newcomer's trial: the sample just imported, all 27 attributions suggested,
    exported for `spacy train` gave 72 spans; now nothing until it is reviewed, the line
    says why, and --all gives everything."""
    from spacy.tokens import DocBin

    from core.tokens import make_doc

    db, out = tmp_path / "a.qlab", tmp_path / "c.spacy"
    assert run("--db", str(db), "import", str(SAMPLE), env_home=tmp_path).returncode == 0
    r = run("--db", str(db), "export", "--out", str(out), env_home=tmp_path)
    assert r.returncode == 0 and "wrote 0 article(s)" in r.stdout
    assert "left out: 1 article(s) not done" in r.stdout
    assert len(DocBin().from_disk(out)) == 0
    r = run("--db", str(db), "export", "--out", str(out), "--all", env_home=tmp_path)
    assert "unreviewed in it: 1 article(s) not done and 27 undecided" in r.stdout
    (doc,) = DocBin().from_disk(out).get_docs(make_doc("").vocab)
    assert len(doc.spans["sc"]) > 27
    r = run("--db", str(db), "export", "--out", str(out), "--all", "--done-only", env_home=tmp_path)
    assert r.returncode == 1 and "--all exports everything" in r.stderr
