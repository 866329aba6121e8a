"""Suggestions for files, as JSON lines: what ``main.py suggest`` prints, one shard at a time.

An archive too big for one machine is split into JSONL shards; :func:`suggest_shard`
turns one input shard into one output shard and is what a Dask bag maps over
(docs/scale-out.md). Concatenating the output shards in input order gives exactly
what ``main.py suggest`` prints for all the input shards at once.
"""

from __future__ import annotations

import io
import json
from collections import deque
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from core.formats.files import written_file
from core.formats.imported import ImportProblem
from core.formats.reading import read_paths
from core.model import Article
from core.suggest import Suggester, checked, for_process
from core.tokens import Tokens, tokenize

if TYPE_CHECKING:
    from core.suggest import TaggerSource
    from core.suggest.learn import Fit
    from core.suggest.tagger import Tagger


def _split(paths: list[Path], problems: list[str]) -> Iterator[Article]:
    for item in read_paths(paths):
        if isinstance(item, ImportProblem):
            problems.append(str(item))
        else:
            yield item.article


def suggestion_lines(
    suggester: Suggester,
    paths: list[Path],
    problems: list[str],
    n_process: int = 1,
    fit: Fit | None = None,
    tagger: Tagger | None = None,
    tagger_from: TaggerSource | None = None,
) -> Iterator[str]:
    """One JSON line per article read from ``paths`` (text, meta, suggested quotes),
    in order, streamed; what cannot be read, and any suggestion that breaks the span
    rules (``checked``), is appended to ``problems``. ``fit`` and ``tagger``: what a
    corpus learned (none: the rules as they are); ``tagger_from``: how the worker
    processes of ``n_process`` load that tagger (none: it suggests in this one)."""
    # each article is kept (for its text and meta) until its line is out
    pending: deque[Article] = deque()

    def remember() -> Iterator[Article]:
        for art in _split(paths, problems):
            pending.append(art)
            yield art

    for suggested in suggester.suggest_many(
        remember(), n_process=n_process, fit=fit, tagger=tagger, tagger_from=tagger_from
    ):
        art = pending.popleft()
        found, dropped = checked(art, suggested, Tokens(tokenize(art.text)))
        problems += dropped
        record: dict[str, Any] = {
            "text": art.text,
            "meta": art.meta(),
            "quotes": [a.to_record() for a in found],
        }
        yield json.dumps(record, ensure_ascii=False) + "\n"


def suggest_shard(
    src: Path | str, dst: Path | str, model: str | None = None, n_process: int = 1
) -> list[str]:
    """Write the suggestions for the articles in ``src`` to ``dst`` (written beside it
    and renamed over it, as an export is, so a failed task leaves no half shard; a new
    shard follows the umask, a replaced one keeps its mode). Returns the problems
    (records that could not be read), each naming the file and line."""
    problems: list[str] = []
    write_shard(dst, suggestion_lines(for_process(model), [Path(src)], problems, n_process))
    return problems


def write_shard(dst: Path | str, lines: Iterable[str]) -> None:
    """Write ``lines`` to ``dst`` as :func:`suggest_shard` does: beside it, then renamed
    over it."""
    with written_file(Path(dst)) as f:
        text = io.TextIOWrapper(f, encoding="utf-8")
        text.writelines(lines)
        text.detach()  # flushed; written_file syncs, closes and renames the file
