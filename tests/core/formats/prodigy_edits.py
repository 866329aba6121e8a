"""Editing a QuoteLab JSONL export's Prodigy tasks as another tool would: spans moved,
removed and added, in ``spans`` and in every relation that holds them (the tests of
importing such edits back, issue 21)."""

from __future__ import annotations

import json

from core.tokens import tokenize


def tasks(path):
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def write(path, records):
    path.write_text("".join(json.dumps(t, ensure_ascii=False) + "\n" for t in records), "utf-8")


def quote_of(task, starts_with):
    """The ``quotes`` record (and its index) whose quote text starts so."""
    text = task["text"]
    found = [
        (i, q)
        for i, q in enumerate(task["quotes"])
        if text[q["quote"]["start"] : q["quote"]["end"]].startswith(starts_with)
    ]
    assert len(found) == 1, starts_with
    return found[0]


def _task_span(text, start, end, label):
    bounds = tokenize(text)
    first = next(i for i, (s, _) in enumerate(bounds) if s == start)
    last = next(i for i, (_, e) in enumerate(bounds) if e == end)
    return {
        "text": text[start:end],
        "start": start,
        "end": end,
        "token_start": first,
        "token_end": last,
        "label": label,
        "type": "span",
    }


def _bare(span):
    return {k: span[k] for k in ("start", "end", "token_start", "token_end", "label")}


def _same(a, b):
    return (a["start"], a["end"], a["label"]) == (b["start"], b["end"], b["label"])


def _relation(head, child, label):
    return {
        "head": head["token_end"],
        "child": child["token_end"],
        "head_span": _bare(head),
        "child_span": _bare(child),
        "label": label,
    }


def span_of(record, label):
    return {"start": record["start"], "end": record["end"], "label": label}


def move(task, old, new):
    """Move one span (``old``: start, end, label) to ``new`` (start, end) in spans and
    in every relation that holds it."""
    text = task["text"]
    moved = _task_span(text, *new, old["label"])
    task["spans"] = [moved if _same(s, old) else s for s in task["spans"]]
    for r in task["relations"]:
        for key, end in (("head_span", "head"), ("child_span", "child")):
            if _same(r[key], old):
                r[key], r[end] = _bare(moved), moved["token_end"]


def drop(task, old):
    """Remove a span and its relations (Prodigy: the annotator deleted it)."""
    task["spans"] = [s for s in task["spans"] if not _same(s, old)]
    task["relations"] = [
        r
        for r in task["relations"]
        if not (_same(r["head_span"], old) or _same(r["child_span"], old))
    ]


def add(task, quote, speaker, cue):
    """A new QUOTE with its SPEAKER and CUE (each start, end), related as the export
    relates them."""
    text = task["text"]
    q, s, c = (
        _task_span(text, *sp, label)
        for sp, label in ((quote, "QUOTE"), (speaker, "SPEAKER"), (cue, "CUE"))
    )
    task["spans"] += [q, s, c]
    task["relations"] += [_relation(c, q, "CONTENT"), _relation(c, s, "SOURCE")]
    return q


def shrink(task, quote_record, tokens):
    """The quote ``tokens`` tokens shorter at its end."""
    text = task["text"]
    q = quote_record["quote"]
    ends = [e for s, e in tokenize(text) if q["start"] < e < q["end"]]
    move(task, span_of(q, "QUOTE"), (q["start"], ends[-tokens]))
    return q["start"], ends[-tokens]


def at(text, part, after=0):
    i = text.index(part, after)
    return i, i + len(part)
