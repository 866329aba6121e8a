"""Span labels and Prodigy relations of other tools (issue 21, item 3): labels are matched
without regard to case and through a label map (``--labels``), plain ``{head, child,
label}`` relations join the spans that hold their tokens when that is unambiguous, and
whatever is left out is reported by line."""

import json

from core.cli.main import build_parser, run
from core.formats.ingest import import_paths
from core.model import Span
from core.tokens import DocTokens, tokenize

TEXT = 'Ana Ruiz said: "We are ready." Officials said little.'


def at(part, label, *, tokens=True):
    start = TEXT.index(part)
    sp = {"start": start, "end": start + len(part), "label": label}
    if tokens:  # as Prodigy writes them: spaCy's tokens, whitespace ones included
        first, last = DocTokens.of(TEXT, tokenize(TEXT)).token_range(Span(sp["start"], sp["end"]))
        sp |= {"token_start": first, "token_end": last}
    return sp


def write(tmp_path, *tasks):
    path = tmp_path / "tasks.jsonl"
    path.write_text("".join(json.dumps(t) + "\n" for t in tasks))
    return path


def found(corpus, report):
    return [
        (a.quote, a.speaker, a.cue)
        for i in report.imported
        for a in corpus.attributions(i)  # fmt: skip
    ]


QUOTE, SPEAKER, CUE = (Span(16, 29), Span(0, 8), Span(9, 13))


def test_lowercase_labels_are_the_same_labels(tmp_path, corpus):
    """`quote`/`speaker`/`cue` gave an article with no attributions and no warning."""
    q, s, c = at("We are ready.", "quote"), at("Ana Ruiz", "Speaker"), at("said", "cue")
    task = {
        "text": TEXT,
        "spans": [s, c, q],
        "relations": [
            {"head_span": c, "child_span": q, "label": "CONTENT"},
            {"head_span": c, "child_span": s, "label": "SOURCE"},
        ],
        "answer": "accept",
    }
    report = import_paths(corpus, [write(tmp_path, task)], None)
    assert not report.problems and not report.warnings
    assert found(corpus, report) == [(QUOTE, SPEAKER, CUE)]


def test_a_label_map_and_what_it_leaves_out_by_line(tmp_path, corpus):
    q, s = at("We are ready.", "Statement"), at("Ana Ruiz", "Author")
    topic = at("little", "Topic")
    plain = {"text": "Nothing here was said.", "spans": []}
    task = {"text": TEXT, "spans": [s, q, topic], "relations": [
        {"head_span": s, "child_span": q, "label": "SAID"},
        {"head_span": topic, "child_span": q, "label": "ABOUT"},
    ]}  # fmt: skip
    path = write(tmp_path, plain, task)
    labels = {"statement": "quote", "author": "speaker"}
    report = import_paths(corpus, [path], None, brat_labels=labels)
    assert not report.problems and found(corpus, report) == [(QUOTE, SPEAKER, None)]
    assert report.warnings == [
        f"{path} line 2: span 3: label 'Topic' is none of quote, speaker, cue: left out "
        "(map it with --labels 'Topic=quote')",
        f"{path} line 2: relation 2: its head is a span left out (label 'Topic' is none of "
        "quote, speaker, cue: left out (map it with --labels 'Topic=quote')); left out",
    ]


def test_plain_relations_join_the_spans_holding_their_tokens(tmp_path, corpus):
    """Relations without head_span/child_span got the line refused."""
    q, s, c = at("We are ready.", "QUOTE"), at("Ana Ruiz", "SPEAKER"), at("said", "CUE")
    little = at("little", "QUOTE")
    task = {"text": TEXT, "spans": [s, c, q, little], "relations": [
        {"head": c["token_end"], "child": q["token_start"] + 1, "label": "CONTENT"},
        {"head": c["token_start"], "child": s["token_start"], "label": "SOURCE"},
        {"head": little["token_end"] + 1, "child": little["token_end"], "label": "SOURCE"},
    ]}  # fmt: skip
    path = write(tmp_path, task)
    report = import_paths(corpus, [path], None)
    assert not report.problems
    assert found(corpus, report) == [(QUOTE, SPEAKER, CUE), (Span(46, 52), None, None)]
    token = little["token_end"] + 1
    assert report.warnings == [
        f"{path} line 1: relation 3: its head, token {token}, is in no span; left out"
    ]


def test_spans_without_token_indices_take_spacy_s(tmp_path, corpus):
    q, s = at("We are ready.", "QUOTE", tokens=False), at("Ana Ruiz", "SPEAKER", tokens=False)
    head = at("Ana Ruiz", "SPEAKER")["token_end"]
    child = at("We are ready.", "QUOTE")["token_start"]
    task = {"text": TEXT, "spans": [s, q], "relations": [{"head": head, "child": child}]}
    report = import_paths(corpus, [write(tmp_path, task)], None)
    assert not report.problems and not report.warnings
    assert found(corpus, report) == [(QUOTE, SPEAKER, None)]


def test_the_command_line_takes_a_label_map(tmp_path, capsys):
    q, s = at("We are ready.", "statement"), at("Ana Ruiz", "AUTHOR")
    task = {"text": TEXT, "spans": [s, q], "relations": [{"head_span": s, "child_span": q}]}
    db = tmp_path / "c.qlab"
    argv = ["--db", db, "import", "--no-suggest", "--labels", "Statement=quote,author=speaker"]
    assert run(build_parser().parse_args([str(a) for a in [*argv, write(tmp_path, task)]])) == 0
    assert "imported 1 article(s) with 1 attribution(s)" in capsys.readouterr().out
