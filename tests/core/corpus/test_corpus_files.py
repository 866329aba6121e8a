"""Corpus files are untrusted too: checked before anything is written, no planted SQL,
damaged rows reported while the rest stays usable, read-only opens that see the WAL."""

import os
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from core.corpus.errors import CorpusError
from core.corpus.queries import speaker_counts
from core.corpus.schema import MIGRATIONS, reference_schema
from core.corpus.store import Store
from core.formats.export import export_jsonl
from core.formats.text import parse_text
from core.model import Attribution, Span, State
from core.review import commands as cmd
from core.review import speaker_edit
from core.tokens import tokenize
from tests.conftest import ROOT, corpus_before, run_main, run_unprivileged
from tests.core.small_corpus import build

TEXT = "Budget Day\n\nThe mayor said the bridge would open soon."


def _corpus(path, n=2):
    with Store(path) as s:
        for i in range(n):
            art = parse_text(f"{TEXT} Item {i}.", f"a{i}.txt")
            start = art.text.index("the bridge")
            quote = Span(start, art.text.index(" Item"))
            s.add_article(art, [Attribution(quote=quote)], tokenize(art.text))
    return path


def _edit(path, *sql, ignore_checks=False):
    conn = sqlite3.connect(path, isolation_level=None)
    if ignore_checks:
        conn.execute("PRAGMA ignore_check_constraints = ON")
    for statement in sql:
        conn.execute(statement)
    conn.close()


@pytest.mark.parametrize(
    ("planted", "named"),
    [
        (
            [
                "CREATE TRIGGER wipe AFTER INSERT ON decisions BEGIN DELETE FROM attributions; END",
                "CREATE VIEW peek AS SELECT text FROM articles",
            ],
            "trigger wipe, view peek",
        ),
        (["CREATE INDEX sneaky ON articles(title)"], "index sneaky"),
        (
            ["CREATE TRIGGER nope BEFORE UPDATE ON articles BEGIN SELECT RAISE(ABORT, 'no'); END"],
            "trigger nope",
        ),
        (["CREATE TABLE extra (x)"], "table extra"),
        (["ALTER TABLE articles ADD COLUMN evil TEXT"], "articles (changed)"),
    ],
)
def test_planted_sql_is_refused_by_name_and_the_file_is_unchanged(tmp_path, planted, named):
    path = _corpus(tmp_path / "c.qlab")
    _edit(path, "PRAGMA journal_mode = DELETE", *planted)  # a file as it is sent around
    before = path.read_bytes()
    with pytest.raises(CorpusError, match="changed outside QuoteLab") as err:
        Store(path)
    assert named in str(err.value)
    with pytest.raises(CorpusError):
        Store(path, read_only=True)
    assert path.read_bytes() == before  # byte for byte: not even the journal mode
    assert sorted(p.name for p in tmp_path.iterdir()) == ["c.qlab"]


def test_statistics_from_analyze_are_not_foreign(tmp_path):
    path = _corpus(tmp_path / "c.qlab")
    _edit(path, "ANALYZE")
    with Store(path) as s:
        assert s.article_ids() == [1, 2]


@pytest.mark.parametrize(
    ("planted", "named"),
    [
        (
            (
                "trigger",
                "sqlite_stat9",
                "decisions",
                "AFTER INSERT ON decisions BEGIN UPDATE articles SET text = 'x'; END",
            ),
            "trigger sqlite_stat9",
        ),
        (
            (
                "trigger",
                "sqlite_stat1x",
                "attributions",
                "AFTER UPDATE ON attributions BEGIN DELETE FROM attributions; END",
            ),
            "trigger sqlite_stat1x",
        ),
        (
            ("view", "sqlite_stat4", "sqlite_stat4", "AS SELECT text FROM articles"),
            "view sqlite_stat4",
        ),
    ],
)
def test_sql_named_like_sqlite_statistics_is_refused(tmp_path, planted, named):
    """Only ANALYZE's tables sqlite_stat1 and sqlite_stat4, as SQLite makes them, are
    not ours: anything else under their prefix is planted (SQLite itself refuses to
    create such names, a hand edit of sqlite_master does not)."""
    path = _corpus(tmp_path / "c.qlab")
    kind, name, table, body = planted
    sql = f"CREATE {kind.upper()} {name} {body}"
    _edit(
        path,
        "PRAGMA journal_mode = DELETE",
        "PRAGMA writable_schema = ON",
        f"INSERT INTO sqlite_master VALUES ('{kind}', '{name}', '{table}', 0, "
        + "'"
        + sql.replace("'", "''")
        + "')",
    )
    before = path.read_bytes()
    with pytest.raises(CorpusError, match="changed outside QuoteLab") as err:
        Store(path)
    assert named in str(err.value)
    r = run_main("--db", path, "check")
    assert r.returncode != 0 and named in r.stderr, r.stdout + r.stderr
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["c.qlab"]


def test_a_refused_file_in_wal_mode_gets_nothing_beside_it(tmp_path):
    path = _corpus(tmp_path / "c.qlab")  # as QuoteLab leaves it: in WAL mode
    _edit(path, "CREATE TRIGGER wipe AFTER INSERT ON decisions BEGIN DELETE FROM attributions; END")
    before = path.read_bytes()
    for read_only in (False, True):
        with pytest.raises(CorpusError, match="trigger wipe"):
            Store(path, read_only=read_only)
    assert run_main("--db", path, "check").returncode != 0
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["c.qlab"]  # no -wal, no -shm


def test_an_empty_wal_does_not_skip_the_header_check(tmp_path):
    path = _corpus(tmp_path / "c.qlab")
    _edit(path, "PRAGMA application_id = 1234")  # another program's file
    Path(f"{path}-wal").touch()  # an empty -wal: every commit is in the file
    with pytest.raises(CorpusError, match="another program"):
        Store(path)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["c.qlab", "c.qlab-wal"]


def test_a_corpus_at_an_older_schema_is_accepted_and_migrated(tmp_path):
    path = tmp_path / "old.qlab"
    conn = corpus_before(path, MIGRATIONS[1])
    conn.execute("COMMIT")
    conn.close()
    assert reference_schema(1) != reference_schema(len(MIGRATIONS))
    with pytest.raises(CorpusError, match="older QuoteLab and read-only here"):
        Store(path, read_only=True)
    with Store(path) as s:
        assert s.schema_version() == len(MIGRATIONS)
    Store(path).close()  # and the migrated file passes the check


def test_an_older_corpus_refused_read_only_gets_nothing_beside_it(tmp_path):
    path = tmp_path / "old.qlab"
    conn = corpus_before(path, MIGRATIONS[-1])
    conn.execute("COMMIT")
    conn.execute("PRAGMA journal_mode = WAL")  # as QuoteLab left it
    conn.close()
    with pytest.raises(CorpusError, match="older QuoteLab and read-only here"):
        Store(path, read_only=True)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["old.qlab"]


def test_durability_is_chosen_and_nothing_from_the_schema_is_trusted(tmp_path):
    with Store(tmp_path / "c.qlab") as s:
        pragma = s._conn.execute
        assert pragma("PRAGMA synchronous").fetchone()[0] == 2  # FULL
        assert pragma("PRAGMA fullfsync").fetchone()[0] == 1
        assert pragma("PRAGMA trusted_schema").fetchone()[0] == 0
        assert pragma("PRAGMA cell_size_check").fetchone()[0] == 1  # pages checked as read


CRASHED_EDITOR = textwrap.dedent(
    """
    import os, sqlite3, sys
    conn = sqlite3.connect(sys.argv[1], isolation_level=None)
    conn.execute("PRAGMA ignore_check_constraints = ON")
    conn.execute(sys.argv[2])
    os._exit(0)  # no close, no checkpoint: the edit stays in the -wal
    """
)

DAMAGE = [
    ("UPDATE articles SET status = 'finished' WHERE id = 1", "status 'finished'"),
    ("UPDATE attributions SET quote_end = 999999 WHERE article_id = 1", "offsets outside"),
    ("UPDATE articles SET non_body = '{' WHERE id = 1", "non_body"),
    ("UPDATE articles SET non_body = '[[5, 1]]' WHERE id = 1", "non_body"),
    ("UPDATE articles SET text = 'Budget' || char(0) || text WHERE id = 1", "NUL"),
    ("UPDATE attributions SET state = 'maybe' WHERE article_id = 1", "unknown type, state"),
]


def _damaged(path, sql, trigger):
    """The corpus with ``sql``'s damage in article 1, open as ``trigger`` finds it: the
    full check on request or after an unclean shutdown (an editor killed before it
    closed), or the first read of the article."""
    _corpus(path)
    if trigger == "unclean shutdown":
        subprocess.run([sys.executable, "-c", CRASHED_EDITOR, str(path), sql], check=True)
        assert Path(f"{path}-wal").stat().st_size > 0
    else:
        _edit(path, sql, ignore_checks=True)
    s = Store(path, check=trigger == "request")
    if trigger == "first read":
        assert s.damage == [] and not s.checked  # the open checked only what is cheap
        with pytest.raises(CorpusError, match="article 1: .*cannot be opened or edited"):
            s.article(1)
    assert s.checked
    return s


@pytest.mark.parametrize(("sql", "damage"), DAMAGE)
@pytest.mark.parametrize("trigger", ["request", "unclean shutdown", "first read"])
def test_damaged_rows_are_reported_and_the_rest_stays_usable(tmp_path, sql, damage, trigger):
    with _damaged(tmp_path / "c.qlab", sql, trigger) as s:
        message, *index = s.damage  # a text changed in place: its search indexes too
        assert message.startswith("article 1: ") and damage in message
        assert all(line.startswith("the search index ") for line in index)
        assert s.article_ids() == [2] and [a.id for a in s.article_summaries()] == [2]
        assert s.article_count() == 1
        for read in (s.article, s.attributions, s.tokens, s.text_length):
            with pytest.raises(CorpusError, match="cannot be opened or edited"):
                read(1)
        (a,) = s.attributions(2)
        cmd.apply(s, cmd.set_state(s, a.id, State.ACCEPTED))  # the rest is editable
        assert export_jsonl(s, tmp_path / "out.jsonl") == 1  # and exports without article 1


@pytest.mark.parametrize(("sql", "damage"), DAMAGE)
def test_an_export_leaves_out_damaged_articles_nobody_read_yet(tmp_path, sql, damage):
    path = _corpus(tmp_path / "c.qlab")
    _edit(path, sql, ignore_checks=True)
    with Store(path) as s:
        assert s.damage == []
        assert export_jsonl(s, tmp_path / "out.jsonl") == 1  # every row read: all checked
        (message,) = s.damage
        assert message.startswith("article 1: ") and damage in message


def test_a_decision_with_bad_json_is_reported_and_history_still_loads(tmp_path):
    path = _corpus(tmp_path / "c.qlab")
    with Store(path) as s:
        (a,) = s.attributions(1)
        cmd.apply(s, cmd.set_state(s, a.id, State.ACCEPTED))
    _edit(path, "UPDATE decisions SET changes = '[{' WHERE kind = 'edit'")
    with Store(path) as s:
        assert cmd.history(s) == ([], [])
    with Store(path, check=True) as s:
        assert s.damage == ["decision 3: its changes are not valid JSON; it cannot be undone"]
        assert cmd.history(s) == ([], [])


WRITER = textwrap.dedent(
    """
    import os, sys
    from core.review import commands as cmd
    from core.model import State
    from core.corpus.store import Store
    s = Store(sys.argv[1])
    for a in s.attributions(1) + s.attributions(2):
        cmd.apply(s, cmd.set_state(s, a.id, State.ACCEPTED))
    print("done", flush=True)
    if sys.argv[2] == "crash":
        os._exit(0)  # no close, no checkpoint: the commits stay in the -wal
    sys.stdin.readline()  # keep the writer open while the test reads
    """
)


def _crash_after_writing(path):
    with _writer(path, "crash") as p:
        assert p.stdout.readline() == "done\n" and p.wait() == 0
    assert Path(f"{path}-wal").stat().st_size > 0  # the commits are in the -wal only


def _writer(path, mode):
    return subprocess.Popen(
        [sys.executable, "-c", WRITER, str(path), mode],
        cwd=ROOT,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )


def _accepted(path):
    with Store(path, read_only=True) as s:
        assert s.read_only
        return sum(a.state is State.ACCEPTED for i in s.article_ids() for a in s.attributions(i))


def test_read_only_open_sees_the_wal_after_a_crash_and_beside_a_writer(tmp_path):
    crashed = _corpus(tmp_path / "crashed.qlab")
    _crash_after_writing(crashed)
    assert _accepted(crashed) == 2

    live = _corpus(tmp_path / "live.qlab")
    with _writer(live, "stay") as p:
        try:
            assert p.stdout.readline() == "done\n"
            assert _accepted(live) == 2
        finally:
            p.communicate("\n")


def test_backup_holds_the_commits_still_in_the_wal(tmp_path):
    path = _corpus(tmp_path / "c.qlab")
    _crash_after_writing(path)
    with Store(path, read_only=True) as s:
        s.backup(tmp_path / "copy.qlab")
        with pytest.raises(CorpusError, match="the corpus itself"):
            s.backup(path)
    assert sorted(x.name for x in tmp_path.iterdir() if x.name.startswith("copy")) == ["copy.qlab"]
    assert _accepted(tmp_path / "copy.qlab") == 2


@pytest.mark.slow
def test_backup_from_the_command_line(tmp_path):
    path = _corpus(tmp_path / "c.qlab")
    out = tmp_path / "copy.qlab"
    r = run_main("--db", path, "backup", out)
    assert r.returncode == 0, r.stderr
    with Store(out, read_only=True) as s:
        assert s.article_ids() == [1, 2]
    export = tmp_path / "export.jsonl"
    export.write_text("{}\n")
    r = run_main("--db", path, "backup", export)  # a slip of the name: it used to be replaced
    assert r.returncode == 1 and "already exists" in r.stderr
    assert export.read_text() == "{}\n"


UNPRIVILEGED_READ = """
import sys
from core.corpus.errors import CorpusError
from core.corpus.store import Store
try:
    with Store(sys.argv[1]) as s:
        print("read-only" if s.read_only else "writable", len(s.article_ids()))
except CorpusError as exc:
    print("refused:", exc)
"""


def test_a_wal_that_needs_write_access_gives_a_clear_message(tmp_path):
    work = tmp_path
    path = _corpus(work / "c.qlab")
    _crash_after_writing(path)
    Path(f"{path}-shm").unlink()
    os.chmod(work, 0o555)  # the user may read it all but write nothing
    r = run_unprivileged(UNPRIVILEGED_READ, path)
    assert r.returncode == 0, r.stderr
    assert "refused:" in r.stdout and "c.qlab-wal" in r.stdout, r.stdout
    assert "open a copy" in r.stdout


def test_the_command_line_names_damaged_rows_and_goes_on(tmp_path):
    path = _corpus(tmp_path / "c.qlab")
    _edit(path, "UPDATE attributions SET quote_end = 999999 WHERE article_id = 2")
    r = run_main("--db", path, "export", "--out", tmp_path / "out.jsonl")
    assert r.returncode == 1, r.stderr  # something was left out
    assert "damaged, left out: article 2: offsets outside the text" in r.stderr
    assert "1 article" in r.stdout


@pytest.mark.slow
def test_check_on_request_lists_damage_and_fails(tmp_path):
    path = _corpus(tmp_path / "c.qlab")
    r = run_main("--db", path, "check")
    assert (r.returncode, r.stdout, r.stderr) == (0, f"{path}: ok\n", "")  # the result
    _edit(path, "UPDATE attributions SET quote_end = 999999 WHERE article_id = 2")
    r = run_main("--db", path, "check")
    assert r.returncode == 1
    assert r.stdout == (
        f"damaged: article 2: offsets outside the text\n{path}: damaged (1 listed)\n"
    )


UNPRIVILEGED_READS_ALL = """
import sys
from pathlib import Path
from main import main
from core.review import commands as cmd
from core.model import State
from core.corpus.errors import ReadOnlyError
from core.corpus.store import Store
corpus, out = sys.argv[1], Path(sys.argv[2])
for args in (["stats"], ["check"], ["report"], ["export", "--out", str(out / "e.jsonl")],
             ["backup", str(out / "copy.qlab")]):
    status = main(["--db", corpus, *args])
    print("=>", args[0], status)
with Store(corpus) as s:
    (a,) = s.attributions(s.article_ids()[0])
    try:
        cmd.apply(s, cmd.set_state(s, a.id, State.ACCEPTED))
    except ReadOnlyError as exc:
        print("read-only" if s.read_only else "writable", "refused:", exc)
"""


def test_a_corpus_in_a_folder_nobody_may_write_opens_read_only(tmp_path):
    """``chmod a-w`` on the folder: SQLite cannot put a -shm there, so the corpus used to
    be refused by every command ("unable to open database file")."""
    work = tmp_path
    folder, out = work / "ro", work / "out"
    folder.mkdir()
    out.mkdir(mode=0o777)
    os.chmod(out, 0o777)
    path = _corpus(folder / "c.qlab")
    path.chmod(0o444)
    os.chmod(folder, 0o555)
    os.chmod(work, 0o755)
    before = path.read_bytes()
    r = run_unprivileged(UNPRIVILEGED_READS_ALL, path, out)
    assert r.returncode == 0, r.stderr
    statuses = [line for line in r.stdout.splitlines() if line.startswith("=> ")]
    assert statuses == [f"=> {c} 0" for c in ("stats", "check", "report", "export", "backup")]
    assert "read-only refused: " in r.stdout and "the change was not saved" in r.stdout
    assert "2 article" in r.stdout and f"{path}: ok" in r.stdout
    assert sorted(p.name for p in folder.iterdir()) == ["c.qlab"]
    assert path.read_bytes() == before
    assert _accepted(out / "copy.qlab") == 0
    assert len((out / "e.jsonl").read_text().splitlines()) == 2


def test_a_symlink_to_a_corpus_whose_commits_are_in_its_wal_is_never_read_stale(tmp_path):
    """The -wal was looked for beside the symlink, not beside the file (where SQLite
    keeps it): through a link, a corpus whose latest commits were only in its -wal
    opened immutable and showed the file without them."""
    work = tmp_path
    real, links, out = work / "ro", work / "links", work / "out"
    for d in (real, links, out):
        d.mkdir()
    os.chmod(out, 0o777)
    path = _corpus(real / "c.qlab")
    _crash_after_writing(path)  # 2 accepted, in the -wal only
    Path(f"{path}-shm").unlink(missing_ok=True)
    (links / "c.qlab").symlink_to(path)
    for d in (real, links):
        os.chmod(d, 0o555)
    os.chmod(work, 0o755)
    r = run_unprivileged(UNPRIVILEGED_READS_ALL, links / "c.qlab", out)
    assert "c.qlab-wal, which cannot be read" in r.stdout + r.stderr
    assert not (out / "e.jsonl").exists()  # nothing exported without the -wal's commits


@pytest.mark.slow
def test_a_corpus_on_a_read_only_mount_opens_read_only(tmp_path):
    source, mounted = tmp_path / "src", tmp_path / "ro"
    source.mkdir()
    mounted.mkdir()
    _crash_after_writing(_corpus(source / "c.qlab"))  # 2 accepted, in the -wal only
    with Store(source / "c.qlab"):  # a clean close: the -wal is checkpointed and removed
        pass
    assert sorted(p.name for p in source.iterdir()) == ["c.qlab"]
    bind = ["mount", "--bind", str(source), str(mounted)]
    if subprocess.run(bind, capture_output=True, check=False).returncode != 0:
        pytest.skip("cannot bind-mount here (needs root and CAP_SYS_ADMIN)")
    try:
        subprocess.run(["mount", "-o", "remount,ro,bind", str(mounted)], check=True)
        path = mounted / "c.qlab"
        with Store(path) as s:
            assert s.read_only
            assert _accepted(path) == 2
            (a, *_) = s.attributions(s.article_ids()[0])
            with pytest.raises(CorpusError, match="read-only; the change was not saved"):
                cmd.apply(s, cmd.set_state(s, a.id, State.REJECTED))
        r = run_main("--db", path, "export", "--out", tmp_path / "e.jsonl")
        assert r.returncode == 0, r.stderr
        assert run_main("--db", path, "check").stdout == f"{path}: ok\n"
    finally:
        subprocess.run(["umount", str(mounted)], check=True)


BELOW_THE_ROWS = [
    (  # text overwritten in place: every row is well formed, the hash tells
        "UPDATE articles SET text = replace(text, 'mayor', 'major') WHERE id = 1",
        "article 1: its text is not the text imported (content hash)",
    ),
    (  # an attribution of no article: no join of the row scan sees it
        "INSERT INTO attributions (article_id, quote_start, quote_end, type, state, origin) "
        "VALUES (99, 0, 5, 'direct', 'suggested', 'model')",
        "attribution 3: its article 99 does not exist",
    ),
    (  # an attribution of no speaker (the speakers' tables are checked too)
        "UPDATE attributions SET speaker_id = 98 WHERE id = 1",
        "attribution 1: its speaker 98 does not exist",
    ),
    (
        "INSERT INTO decisions (at, annotator, kind, ref, article_id, label, changes) "
        "VALUES ('', '', 'edit', 77, 1, 'x', '[]')",
        "decision 3: its decision 77 does not exist",
    ),
    (  # FTS5's own index, tampered: SQLite's quick_check reads it as sound
        "UPDATE article_search_data SET block = X'00112233' WHERE id > 10",
        "the search index article_search is damaged",
    ),
    (  # its structure record: every search then finds nothing, and raises nothing
        "UPDATE article_search_data SET block = X'00' WHERE id = 10",
        "the search index article_search is damaged",
    ),
    (  # the index Datasette searches (docs/adr/0029), tampered the same way
        "UPDATE articles_fts_data SET block = X'00112233' WHERE id > 10",
        "the search index articles_fts is damaged",
    ),
]


@pytest.mark.parametrize(("sql", "damage"), BELOW_THE_ROWS)
def test_the_full_check_finds_what_the_row_scan_does_not(tmp_path, sql, damage):
    path = _corpus(tmp_path / "c.qlab")
    _edit(path, sql)
    with Store(path, check=True) as s:
        assert [line for line in s.damage if damage in line], s.damage
    r = run_main("--db", path, "check")
    assert r.returncode == 1 and damage in r.stdout, r.stdout + r.stderr


def test_a_rename_over_a_damaged_search_index_is_not_saved_and_says_why(tmp_path):
    path = build(tmp_path / "small.qlab")
    _edit(path, "UPDATE article_search_data SET block = X'00' WHERE id = 10")
    with Store(path) as s:
        before = speaker_counts(s)
        rename = speaker_edit.merge(s, ["Ana Ruiz"], "Ana R")
        with pytest.raises(CorpusError, match="the change was not saved: .*damaged"):
            cmd.apply(s, rename)
        assert speaker_counts(s) == before


def test_the_index_check_beside_a_writer_is_busy_not_damage(tmp_path):
    path = _corpus(tmp_path / "c.qlab")
    with Store(path) as s:
        s._conn.execute("PRAGMA busy_timeout = 0")  # (the writer below holds its lock)
        writer = sqlite3.connect(path, isolation_level=None)
        writer.execute("BEGIN IMMEDIATE")
        with pytest.raises(CorpusError, match="locked"):
            s.check()
        writer.execute("ROLLBACK")
        writer.close()
        assert s.check() == []
