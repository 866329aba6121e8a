"""Hostile input at the import boundary: every record is validated into the model or
refused by file and line; nothing escapes as an exception, the report always comes."""

import json
import os
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from core.corpus.store import Store
from core.formats.imported import ImportProblem, shown
from core.formats.ingest import import_paths
from core.formats.reading import read_file
from core.model import State, Status, check_attributions
from core.tokens import Tokens, tokenize
from tests.conftest import run_unprivileged

GOOD = {"text": "The mayor spoke, officials said."}
TASK_TEXT = '"We will not back down," said Mayor Jane Doe.'


def _jsonl(tmp_path, *lines, name="in.jsonl"):
    p = tmp_path / name
    p.write_text("".join((x if isinstance(x, str) else json.dumps(x)) + "\n" for x in lines))
    return p


def test_suggested_cue_span_is_never_reversed(tmp_path, suggester):
    # "To" is the child of "according" but comes before it: the cue was 35-16.
    text = (
        "Budget Talks\n\nTo the uncertain was according reporters was that experts experts "
        "told the was would that would officials it.\n"
    )
    p = tmp_path / "c.txt"
    p.write_text(text)
    with Store(tmp_path / "c.qlab") as store:
        report = import_paths(store, [p], suggester)
        assert report.complete and len(report.imported) == 1
        art_id = report.imported[0]
        attrs = store.attributions(art_id)
        check_attributions(attrs, store.text_length(art_id), store.tokens(art_id))


HOSTILE = [
    ('{"text": "An article.", "quotes": [{"quote": {"start": 1e400, "end": 3}}]}', "too large"),
    ('{"text": "An article.", "quotes": [{"quote": {"start": ' + "9" * 5000 + "}}]}", "digits"),
    ('{"text": "\\ud800 An article."}', "unpaired surrogate"),
    ('{"text": "x", "meta": ' + "[" * 100_000 + "]" * 100_000 + "}", "not valid JSON"),
    ('{"text": "An article.", "quotes": [1]}', "quote 1 is not an object"),
    ('{"text": "An article.", "quotes": [{"quote": "x"}]}', "quote 1 quote is not an object"),
    ('{"text": "An article.", "quotes": {"quote": 1}}', "quotes is not a list"),
    ('{"text": "An article.", "quotes": [{"quote": {"start": true, "end": 2}}]}', "whole number"),
    ('{"text": "An article.", "quotes": [{"quote": {"start": 0, "end": NaN}}]}', "NaN"),
    ('{"text": "An article.", "quotes": [{"quote": {"start": 0, "end": 2}, "type": 3}]}', "type"),
    (
        '{"text": "An article.", "quotes": [{"quote": {"start": 0, "end": 2}, "state": "x"}]}',
        "one of",
    ),
    ('{"text": "An article.", "meta": {"non_body": [[0]]}}', "non_body item 1"),
    ('{"text": "An article.", "meta": {"status": ["done"]}}', "meta status"),
    ('{"text": "An article.", "meta": {"title": {"a": 1}}}', "meta title is not a string"),
    ('{"text": "An article.", "meta": 7}', "meta is not an object"),
    ('{"text": "An article.", "answer": "maybe"}', "answer 'maybe'"),
    ('{"text": "An article.", "spans": [{"start": 0, "end": 2}]}', "span 1 label"),
    (
        '{"text": "An article.", "spans": [], "relations": [{"head_span": {"start": 0, "end": 2,'
        ' "label": "CUE"}, "child_span": {"start": 3, "end": 10, "label": "QUOTE"}}]}',
        "is not in spans",
    ),
    ('{"text": "An article.", "quotes": [{"quote": {"start": 0, "end": 5}}]}', "token bounds"),
    (
        '{"text": "An article.", "quotes": [{"quote": {"start": 0, "end": 2},'
        ' "confidence": "hi"}]}',
        "confidence",
    ),
    ("[1, 2]", 'expected an object with a "text"'),
    ('{"text": "   "}', "empty"),
    ('{"text": "abc\\u0000def"}', "NUL"),
]


@pytest.mark.parametrize(("line", "reason"), HOSTILE)
def test_hostile_jsonl_line_is_refused_by_line_and_the_rest_imports(tmp_path, corpus, line, reason):
    p = _jsonl(tmp_path, GOOD, line, {"text": "Another fine article here."})
    report = import_paths(corpus, [p], None)
    assert len(report.imported) == 2
    (problem,) = report.problems
    assert problem.startswith(f"{p} line 2: ") and reason in problem, problem
    assert not report.complete and report.refused == 1
    assert "refused 1" in report.lines()[0]


JSON = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=12),
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=6), inner, max_size=3)
    ),
    max_leaves=8,
)
FIELDS = [
    ("text",),
    ("meta",),
    ("meta", "title"),
    ("meta", "status"),
    ("meta", "non_body"),
    ("quotes",),
    ("quotes", 0),
    ("quotes", 0, "quote"),
    ("quotes", 0, "quote", "start"),
    ("quotes", 0, "speaker"),
    ("quotes", 0, "cue", "end"),
    ("quotes", 0, "type"),
    ("quotes", 0, "state"),
    ("quotes", 0, "speaker_name"),
    ("quotes", 0, "confidence"),
    ("spans",),
    ("spans", 0),
    ("spans", 0, "start"),
    ("spans", 0, "label"),
    ("relations",),
    ("relations", 0, "head_span"),
    ("relations", 0, "child_span", "start"),
    ("answer",),
]


def _task():
    return {
        "text": TASK_TEXT,
        "meta": {"title": "Doe", "status": "todo", "non_body": []},
        "quotes": [
            {"quote": {"start": 1, "end": 23}, "cue": {"start": 25, "end": 29}, "type": "direct"}
        ],
        "spans": [
            {"start": 1, "end": 23, "label": "QUOTE"},
            {"start": 25, "end": 29, "label": "CUE"},
        ],
        "relations": [
            {
                "head_span": {"start": 25, "end": 29, "label": "CUE"},
                "child_span": {"start": 1, "end": 23, "label": "QUOTE"},
            }
        ],
        "answer": "accept",
    }


@settings(
    max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@pytest.mark.slow
@given(field=st.sampled_from(FIELDS), value=JSON)
@example(field=("quotes", 0, "quote", "start"), value=10**5000)
@example(field=("quotes", 0, "quote", "start"), value=float("inf"))
@example(field=("text",), value="\ud800")
@example(field=("quotes", 0, "confidence"), value=10**400)
def test_any_json_value_at_any_field_is_imported_or_refused_by_line(tmp_path, field, value):
    task = _task()
    target = task
    for key in field[:-1]:
        target = target[key]
    target[field[-1]] = value
    limit = sys.get_int_max_str_digits()
    sys.set_int_max_str_digits(0)  # to write the integer of 5,000 digits
    try:
        p = _jsonl(tmp_path, GOOD, json.dumps(task), name="any.jsonl")
    finally:
        sys.set_int_max_str_digits(limit)
    items = list(read_file(p))
    assert len(items) == 2 and not isinstance(items[0], ImportProblem)
    item = items[1]
    if isinstance(item, ImportProblem):
        assert str(item).startswith(f"{p} line 2: ")
    else:
        text = item.article.text
        check_attributions(item.attributions, len(text), Tokens(tokenize(text)))
        text.encode("utf-8")


def test_line_separators_inside_text_round_trip(tmp_path, corpus):
    text = "First part\u2028second part\u0085third\u2029fourth\x1c fifth, she said."
    p = _jsonl(tmp_path, {"text": text}, GOOD)
    report = import_paths(corpus, [p], None)
    assert report.complete and len(report.imported) == 2
    assert corpus.article(report.imported[0]).text == text


def test_names_not_utf8_or_with_newlines_are_stored_and_shown_escaped(tmp_path, corpus):
    folder = tmp_path / "in"
    folder.mkdir()
    names = [b"a.txt", b"b.txt", b"z\xff.txt", b"fake\nnot imported: x.txt", b"e.txt"]
    for i, raw in enumerate(names):
        with open(os.path.join(os.fsencode(folder), raw), "wb") as f:
            f.write(f"Title {i}\n\nThe council met on day {i}, officials said.\n".encode())
    with open(os.path.join(os.fsencode(folder), b"empty\n\xfe.txt"), "wb"):
        pass
    report = import_paths(corpus, [folder], None)
    assert len(report.imported) == 5
    lines = report.lines()
    assert all("\n" not in line for line in lines)
    (problem,) = report.problems
    assert problem == f"'{folder}/empty\\n\\xfe.txt': the file is empty"
    sources = sorted(corpus.article(i).source for i in report.imported)
    assert "'z\\xff.txt'" in sources and "'fake\\nnot imported: x.txt'" in sources
    assert shown("plain name.txt") == "plain name.txt"


def test_a_source_with_a_newline_cannot_forge_report_lines(tmp_path, corpus):
    task = {"text": "Same words, she said.", "meta": {"source": "x\nnot imported: forged"}}
    p = _jsonl(tmp_path, task)
    import_paths(corpus, [p], None)
    again = import_paths(corpus, [p], None).lines()
    assert "already in the corpus, skipped: 'x\\nnot imported: forged'" in again
    assert not any(line.startswith("not imported") for line in again)


def test_fifo_and_device_are_refused_not_waited_on(tmp_path, corpus):
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    report = import_paths(corpus, [fifo, tmp_path / "missing.txt", Path("/dev/zero")], None)
    assert report.problems == [
        f"{tmp_path / 'missing.txt'}: no such file or folder",
        f"{fifo}: not a regular file",
        "/dev/zero: not a regular file",
    ]


UNPRIVILEGED_IMPORT = """
import sys
from pathlib import Path
from core.formats.ingest import import_paths
from core.corpus.store import Store
with Store(Path(sys.argv[1])) as store:
    report = import_paths(store, [Path(p) for p in sys.argv[2:]], None)
print("\\n".join(report.lines()))
"""


@pytest.mark.slow
def test_unreadable_folders_and_files_are_reported_by_name(tmp_path):
    root = tmp_path / "in"
    (root / "locked").mkdir(parents=True)
    (root / "open").mkdir()
    (root / "locked" / "secret.txt").write_text("Title\n\nHidden text, he said.\n")
    (root / "open" / "fine.txt").write_text("Title\n\nVisible text, she said.\n")
    (root / "open" / "private.txt").write_text("Title\n\nPrivate text, she said.\n")
    os.chmod(root / "open" / "private.txt", 0o000)
    os.chmod(root / "locked", 0o000)
    db = tmp_path / "c.qlab"
    r = run_unprivileged(UNPRIVILEGED_IMPORT, db, root, root / "locked" / "secret.txt")
    assert r.returncode == 0, r.stderr
    assert "imported 1 article(s)" in r.stdout
    assert f"{root / 'locked'}: folder cannot be read (Permission denied)" in r.stdout
    assert f"{root / 'open' / 'private.txt'}: cannot be read (Permission denied)" in r.stdout
    assert f"{root / 'locked' / 'secret.txt'}: cannot be read (Permission denied)" in r.stdout


def test_a_corpus_that_cannot_be_written_still_gives_the_report(tmp_path):
    db = tmp_path / "c.qlab"
    p = _jsonl(tmp_path, "{bad", GOOD)  # the import stops at the first article it cannot store
    with Store(db) as store, Store(db) as other:
        other._conn.execute("BEGIN IMMEDIATE")  # another process holds the write lock
        store._conn.execute("PRAGMA busy_timeout = 50")
        report = import_paths(store, [p], None)
        other._conn.execute("ROLLBACK")
    assert report.imported == [] and report.stopped and "busy or locked" in report.stopped
    assert any(line.startswith("stopped: ") for line in report.lines())
    assert json.loads(json.dumps(report.to_dict()))["refused"] == 1
    assert any("line 1" in p for p in report.problems)


# -- what Prodigy changed wins over a stale quotes list (ADR 0007) -----------------------------


def _prodigy_edited(answer):
    task = _task()
    # Moved in Prodigy: the quote now ends before the comma, and the cue relation is gone;
    # the stale quotes list still has the old span and its cue.
    task["spans"] = [
        {"start": 1, "end": 22, "label": "QUOTE"},
        {"start": 30, "end": 44, "label": "SPEAKER"},
    ]
    task["relations"] = [
        {
            "head_span": {"start": 30, "end": 44, "label": "SPEAKER"},
            "child_span": {"start": 1, "end": 22, "label": "QUOTE"},
        }
    ]
    task["answer"] = answer
    return task


@pytest.mark.parametrize(
    ("answer", "state", "status"),
    [
        ("accept", State.ACCEPTED, Status.DONE),
        ("reject", State.REJECTED, Status.DONE),
        ("ignore", State.SUGGESTED, Status.TODO),
    ],
)
def test_prodigy_edits_and_answer_win_over_stale_quotes(
    tmp_path, corpus, suggester, answer, state, status
):
    p = _jsonl(tmp_path, _prodigy_edited(answer))
    report = import_paths(corpus, [p], suggester)
    assert report.complete
    (art_id,) = report.imported
    (a,) = corpus.attributions(art_id)
    assert TASK_TEXT[a.quote.start : a.quote.end] == "We will not back down"
    assert a.cue is None and TASK_TEXT[a.speaker.start : a.speaker.end] == "Mayor Jane Doe"
    assert a.state is state and corpus.status(art_id) is status


def test_an_answered_task_is_never_suggested_for(tmp_path, corpus, suggester):
    p = _jsonl(
        tmp_path,
        {"text": TASK_TEXT, "spans": [], "answer": "accept"},
        {"text": "Fresh: " + TASK_TEXT},
    )
    report = import_paths(corpus, [p], suggester)
    answered, fresh = report.imported
    assert corpus.attributions(answered) == [] and corpus.status(answered) is Status.DONE
    assert len(corpus.attributions(fresh)) == 1  # the same words unanswered do get one
