"""Exports for the tools a corpus's users already have, in any format that writes
(:data:`core.formats.registry.WRITTEN`: each format's own module says what it writes).

The corpus is read in one pass inside one read transaction (a consistent snapshot,
two queries whatever its size). Output goes to a temporary file (or folder) beside
the target, is flushed to disk and renamed over it (:mod:`core.formats.files`), so an
earlier export is replaced whole or not at all; ``-`` writes a file format to standard
output instead. A format that writes a line per article (JSONL) has the lines of a
large corpus made in worker processes.
"""

from __future__ import annotations

import codecs
import gc
import os
import sys
from collections import deque
from collections.abc import Callable, Iterator
from concurrent.futures import Future
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field, replace
from itertools import islice
from pathlib import Path
from typing import IO, Any

from core import worker
from core.corpus import curation, queries
from core.corpus.rows import ARTICLE_RECORD, ATTRIBUTION_COLUMNS
from core.corpus.store import Store
from core.formats.files import ExportError, written_file, written_folder
from core.formats.format import Format, Item
from core.formats.registry import DEFAULT, WRITTEN
from core.model import State, Status
from core.suggest.registry import kind_of

STDOUT = "-"


@dataclass
class ExportReport:
    format: str
    out: str
    articles: int = 0
    attributions: int = 0
    #: Left out by the scope: articles not done; attributions of the exported articles
    #: that nobody accepted (still suggested, or rejected).
    left_out_articles: int = 0
    left_out_suggested: int = 0
    left_out_rejected: int = 0
    #: Written although unreviewed: articles not done, suggestions nobody decided.
    unreviewed_articles: int = 0
    unreviewed_suggestions: int = 0
    #: Articles written that hold no attribution (in a CSV, a row per attribution: none).
    without_attributions: int = 0
    #: The articles left out because a row of theirs is damaged (their ids), and every
    #: damaged row the corpus found, as it names them (``article 12: offsets outside
    #: the text``).
    damaged_articles: list[int] = field(default_factory=list)
    damage: list[str] = field(default_factory=list)

    def line(self) -> str:
        said = (
            f"wrote {self.articles} article(s) with {self.attributions} attribution(s) "
            f"to {self.out} ({self.format})"
        )
        out = []
        if self.left_out_articles:
            out.append(f"{self.left_out_articles} article(s) not done")
        if not_accepted := self.left_out_suggested + self.left_out_rejected:
            out.append(
                f"{not_accepted} attribution(s) not accepted ({self.left_out_suggested} "
                f"undecided suggestion(s), {self.left_out_rejected} rejected)"
            )
        if WRITTEN[self.format].row_per_attribution and self.without_attributions:
            said += f" ({self.without_attributions} of the articles have no attribution, so no row)"
        if self.damaged_articles:
            out.append(f"{len(self.damaged_articles)} damaged article(s)")
        if out:
            said += "; left out: " + " and ".join(out)
        held = []
        if self.unreviewed_articles:
            held.append(f"{self.unreviewed_articles} article(s) not done")
        if self.unreviewed_suggestions:
            held.append(f"{self.unreviewed_suggestions} undecided suggestion(s)")
        if held:
            said += "; unreviewed in it: " + " and ".join(held)
        return said

    def as_json(self) -> dict[str, Any]:
        return asdict(self)


# -- reading the corpus in one pass ------------------------------------------------------


@contextmanager
def corpus_items(
    store: Store,
    *,
    done_only: bool = False,
    accepted_only: bool = False,
    scope: ExportReport | None = None,
) -> Iterator[tuple[int, Iterator[Item]]]:
    """The number of articles to export and an iterator over them, read inside one read
    transaction: two queries (articles, attributions) merged by article id. ``scope``
    (if given) is filled with what the scope leaves out and what unreviewed it keeps."""
    with store.snapshot():
        damaged = store.find_damage()  # every row is read: leave out the damaged
        total = queries.article_total(store, done_only=done_only)
        if scope is not None:
            _count_scope(store, scope, done_only=done_only, accepted_only=accepted_only)
        articles = queries.article_rows(
            store, (*ARTICLE_RECORD, "packed_tokens"), done_only=done_only
        )
        attrs = queries.attribution_rows(store, ATTRIBUTION_COLUMNS, accepted_only=accepted_only)
        of = ATTRIBUTION_COLUMNS.index("article_id")
        speaker_of = ATTRIBUTION_COLUMNS.index("speaker_id")
        speakers = {  # (a speaker's row per speaker: a fraction of the attributions)
            s.id: replace(s, kind=kind_of(s), aliases=())
            for s in queries.all_speakers(store)
            if s.id is not None
        }
        flags = queries.article_flags(store)  # (a row per flagged article: a few)
        names = {a.number: a.name for a in curation.annotators(store)}  # (a gold's)

        def gold(art_id: int) -> dict[str, Any]:
            """A gold corpus's article: who had it, where its attributions came from."""
            if not names:
                return {}
            had = curation.article_annotators(store, art_id)
            return {
                "annotators": tuple(names[n] for n in had),
                "provenance": curation.provenance(store, art_id, names),
            }

        def items() -> Iterator[Item]:
            pending = next(attrs, None)
            for row in articles:
                art_id = row[0]
                mine: list[tuple[Any, ...]] = []
                while pending is not None and pending[of] <= art_id:
                    if pending[of] == art_id:
                        mine.append(pending)
                    pending = next(attrs, None)
                if art_id not in damaged:  # in store.damage, left out here
                    ids = {r[speaker_of] for r in mine} - {None}
                    yield Item(
                        row,
                        mine,
                        {i: speakers[i] for i in ids if i in speakers},
                        flags.get(art_id),
                        **gold(art_id),
                    )

        yield total, items()
        articles.close()
        attrs.close()


def _count_scope(
    store: Store, report: ExportReport, *, done_only: bool, accepted_only: bool
) -> None:
    """What the scope leaves out of an export, and what unreviewed it keeps: three
    counts from indexes (the states of every attribution, of done articles' ones, and
    the articles by status), a tenth of a second at 100,000 articles."""
    not_done = sum(n for st, n in store.status_counts().items() if st is not Status.DONE)
    states = queries.attribution_counts(store, "state")
    if done_only:
        report.left_out_articles = not_done
        states = queries.attribution_counts(store, "state", done_only=True)
    else:
        report.unreviewed_articles = not_done
    suggested = states.get(State.SUGGESTED.value, 0)
    if accepted_only:
        report.left_out_suggested = suggested
        report.left_out_rejected = states.get(State.REJECTED.value, 0)
    else:
        report.unreviewed_suggestions = suggested


# -- a line per article, made in worker processes ------------------------------------------


#: Articles per run sent to a worker process, and runs in flight per worker.
_RUN = 50
_AHEAD = 2
#: From this many articles on, the lines (JSONL's) are made by a worker process per core
#: (fewer are done before the workers would have started).
PARALLEL_FROM = 2000


def _worker_started() -> None:
    """A worker process's start: a collection of young objects per 100,000 new ones,
    not per 700 (an article's line makes hundreds of short-lived dicts and lists and no
    cycles; the collections took 6 % of a worker's time)."""
    gc.set_threshold(100_000)


def _lines_of_run(line: Callable[[Item], bytes], run: list[Item]) -> list[bytes]:
    """In a worker process: the lines of a run of articles."""
    return [line(item) for item in run]


def _lines_in_processes(
    items: Iterator[Item], line: Callable[[Item], bytes], jobs: int
) -> Iterator[tuple[Item, bytes]]:
    """Each article with its line, in order, the lines made in ``jobs`` worker
    processes (one: here); the articles are read here, in the caller's read transaction."""
    if jobs <= 1:
        yield from ((item, line(item)) for item in items)
        return
    pending: deque[tuple[list[Item], Future[list[bytes]]]] = deque()
    with worker.pool(jobs, _worker_started) as pool:
        try:
            while True:
                while len(pending) < _AHEAD * jobs and (run := list(islice(items, _RUN))):
                    pending.append((run, pool.submit(_lines_of_run, line, run)))
                if not pending:
                    return
                run, lines = pending.popleft()
                yield from zip(run, lines.result(), strict=True)
        except BrokenProcessPool as exc:
            raise ExportError(f"an export worker process stopped ({exc})") from None
        except BaseException:  # cancelled or failed: the runs in flight are not waited for
            pool.shutdown(wait=False, cancel_futures=True)
            raise


@contextmanager
def _stdout() -> Iterator[IO[bytes]]:
    sys.stdout.flush()
    yield sys.stdout.buffer
    sys.stdout.buffer.flush()


# -- the one entry point ----------------------------------------------------------------------


def _line_of(written: Format, tokens: bool) -> Callable[[Item], bytes] | None:
    """What makes an article's line in ``written``, with its tokens or without them
    (ExportError for a format that has no tokens to leave out)."""
    if tokens:
        return written.line
    if written.line_without_tokens is None:
        lean = ", ".join(f.name for f in WRITTEN.values() if f.line_without_tokens)
        raise ExportError(f"--no-tokens is for {lean}, not {written.name} (it has no tokens)")
    return written.line_without_tokens


def export(
    store: Store,
    out: Path | str,
    fmt: str = DEFAULT.name,
    *,
    done_only: bool | None = None,
    accepted_only: bool | None = None,
    progress: Callable[[int, int], None] = lambda done, total: None,
    cancelled: Callable[[], bool] = lambda: False,
    jobs: int | None = None,
    excel: bool = False,
    tokens: bool = True,
) -> ExportReport:
    """Write the corpus to ``out`` (``-``: standard output) in ``fmt``; raises
    ExportError, leaving any earlier export untouched, on failure or cancel. Only done
    articles, only accepted attributions: as asked, else the format's
    ``scope``. JSONL lines are made in ``jobs`` processes (default: one
    per core from PARALLEL_FROM articles on, else this one). ``excel``: the file starts
    with a UTF-8 byte order mark, for spreadsheets (a format whose ``bom`` allows it).
    ``tokens`` False: without the articles' tokens (a format whose
    ``line_without_tokens`` allows it)."""
    written = WRITTEN.get(fmt)
    if written is None:
        raise ExportError(f"unknown format {fmt!r} (one of {', '.join(WRITTEN)})")
    if excel and not written.bom:
        with_bom = ", ".join(f.name for f in WRITTEN.values() if f.bom)
        raise ExportError(f"--excel is for spreadsheet formats ({with_bom}), not {fmt}")
    line = _line_of(written, tokens)
    default_done, default_accepted = written.scope
    done_only = default_done if done_only is None else done_only
    accepted_only = default_accepted if accepted_only is None else accepted_only
    to_stdout = str(out) == STDOUT
    target = Path(out)
    folder_out = None if to_stdout else written.folder_for(target)
    if folder_out is None and written.writer is None:
        raise ExportError(f"{fmt} writes a folder; give --out a folder, not -")
    report = ExportReport(fmt, str(out))
    corpus = store.path.resolve()
    own = {corpus, *(corpus.with_name(corpus.name + x) for x in ("-wal", "-shm", "-journal"))}
    if not to_stdout and target.resolve() in own:
        raise ExportError(f"{out}: that is the corpus itself (or its journal); choose another")
    with corpus_items(store, done_only=done_only, accepted_only=accepted_only, scope=report) as (
        total,
        items,
    ):
        report.damaged_articles = sorted(store.damaged_ids)  # (read every row: left out)
        report.damage = store.damage

        def each(add: Callable[[Item], object], source: Iterator[Item] = items) -> None:
            progress(0, total)
            for n, item in enumerate(source, 1):
                if cancelled():
                    raise ExportError(f"{out}: export cancelled; the file was not changed")
                add(item)
                report.articles += 1
                report.attributions += len(item.attribution_rows)
                report.without_attributions += not item.attribution_rows
                progress(n, total)

        if folder_out is not None:
            with written_folder(target, folder_out.is_export) as folder:
                writer = folder_out.writer(folder)
                each(writer.add)
                writer.close()
        else:
            assert written.writer is not None  # refused above
            if jobs is None:
                jobs = (os.cpu_count() or 1) if total >= PARALLEL_FROM else 1
            with _stdout() if to_stdout else written_file(target) as f:
                if excel:
                    f.write(codecs.BOM_UTF8)
                if line is not None and (jobs > 1 or not tokens):
                    lines: deque[bytes] = deque()  # each article's line, made by a worker

                    def made(line: Callable[[Item], bytes]) -> Iterator[Item]:
                        for item, made_line in _lines_in_processes(items, line, jobs):
                            lines.append(made_line)
                            yield item

                    each(lambda item: f.write(lines.popleft()), made(line))
                else:
                    writer = written.writer(f)
                    each(writer.add)
                    writer.close()
    return report


def export_jsonl(
    store: Store,
    out: Path | str,
    *,
    done_only: bool = False,
    accepted_only: bool = False,
    progress: Callable[[int, int], None] = lambda done, total: None,
    cancelled: Callable[[], bool] = lambda: False,
) -> int:
    """The JSONL export (the app's File > Export); returns the number of articles."""
    return export(
        store,
        out,
        "jsonl",
        done_only=done_only,
        accepted_only=accepted_only,
        progress=progress,
        cancelled=cancelled,
    ).articles
