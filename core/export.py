"""Export to JSONL: one line per article in Prodigy's task shape, plus our ``quotes``.

Written to a temporary file beside the target and renamed over it at the end, so
an existing export is replaced whole or not at all.
"""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from murmurhash.mrmr import hash as murmur

from core.model import Article, Attribution, Span, State, Status
from core.store import Store
from core.tokens import Tokens


class ExportError(Exception):
    """The export could not be written; any earlier file at the target is intact."""


def _hash(obj: Any) -> int:
    """A signed 32-bit hash of a JSON value, as Prodigy's ``_input_hash``/``_task_hash`` are."""
    return int(murmur(json.dumps(obj, sort_keys=True, ensure_ascii=False)))


def _prodigy_tokens(text: str, tokens: Tokens) -> list[dict[str, Any]]:
    return [
        {
            "text": text[s:e],
            "start": s,
            "end": e,
            "id": i,
            "ws": e < len(text) and text[e].isspace(),
        }
        for i, (s, e) in enumerate(tokens)
    ]


def _span(text: str, tokens: Tokens, sp: Span, label: str) -> dict[str, Any]:
    first, last = tokens.covering(sp.start, sp.end)
    return {
        "text": text[sp.start : sp.end],
        "start": sp.start,
        "end": sp.end,
        "token_start": first,
        "token_end": max(last, first),
        "label": label,
        "type": "span",
    }


def _relation(head: dict[str, Any], child: dict[str, Any], label: str) -> dict[str, Any]:
    def bare(s: dict[str, Any]) -> dict[str, Any]:
        return {k: s[k] for k in ("start", "end", "token_start", "token_end", "label")}

    return {
        "head": head["token_end"],
        "child": child["token_end"],
        "head_span": bare(head),
        "child_span": bare(child),
        "label": label,
    }


def article_task(
    article: Article, attributions: list[Attribution], tokens: Tokens
) -> dict[str, Any]:
    """One Prodigy task: text, meta, tokens, spans, cue-centred relations, our quotes."""
    spans: dict[tuple[int, int, str], dict[str, Any]] = {}
    relations: list[dict[str, Any]] = []

    def add(sp: Span, label: str) -> dict[str, Any]:
        key = (sp.start, sp.end, label)
        if key not in spans:
            spans[key] = _span(article.text, tokens, sp, label)
        return spans[key]

    for a in attributions:
        if a.state is State.REJECTED:
            continue
        q = add(a.quote, "QUOTE")
        s = add(a.speaker, "SPEAKER") if a.speaker else None
        c = add(a.cue, "CUE") if a.cue else None
        if c is not None:
            relations.append(_relation(c, q, "CONTENT"))
            if s is not None:
                relations.append(_relation(c, s, "SOURCE"))
        elif s is not None:
            relations.append(_relation(s, q, "CONTENT"))
    span_list = sorted(spans.values(), key=lambda d: (d["start"], d["end"], d["label"]))
    input_hash = _hash({"text": article.text})
    task: dict[str, Any] = {
        "text": article.text,
        "meta": article.meta(),
        "_input_hash": input_hash,
        "_task_hash": _hash({"input": input_hash, "spans": span_list, "relations": relations}),
        "tokens": _prodigy_tokens(article.text, tokens),
        "spans": span_list,
        "relations": relations,
        "answer": "accept" if article.status is Status.DONE else "ignore",
        "_view_id": "relations",
        "quotes": [a.to_record() for a in attributions],
    }
    return task


def export_jsonl(
    store: Store,
    out: Path,
    *,
    done_only: bool = False,
    accepted_only: bool = False,
    progress: Callable[[int, int], None] = lambda done, total: None,
    cancelled: Callable[[], bool] = lambda: False,
) -> int:
    """Write the corpus to ``out`` atomically; returns the number of articles written.
    Raises ExportError (target untouched) on failure or cancel."""
    ids = store.article_ids()
    out = Path(out)
    try:
        fd, tmp_name = tempfile.mkstemp(prefix=f".{out.name}.", suffix=".tmp", dir=out.parent)
    except OSError as exc:
        raise ExportError(f"{out}: cannot write there ({exc.strerror or exc})") from None
    tmp = Path(tmp_name)
    written = 0
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            for n, article_id in enumerate(ids):
                if cancelled():
                    raise ExportError(f"{out}: export cancelled; the file was not changed")
                art = store.article(article_id)
                if done_only and art.status is not Status.DONE:
                    continue
                attrs = store.attributions(article_id)
                if accepted_only:
                    attrs = [a for a in attrs if a.state is State.ACCEPTED]
                task = article_task(art, attrs, store.tokens(article_id))
                f.write(json.dumps(task, ensure_ascii=False) + "\n")
                written += 1
                progress(n + 1, len(ids))
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, out)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise ExportError(
            f"{out}: could not be written ({exc.strerror or exc}); "
            "any earlier file there is unchanged"
        ) from None
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return written
