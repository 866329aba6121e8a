"""Exports for the tools a corpus's users already have.

- ``jsonl``: one Prodigy task per article (tokens exactly as ``nlp.make_doc`` splits
  the text, spans, cue-centred relations) plus our ``quotes`` records;
- ``spacy``: a ``DocBin`` with ``doc.spans["sc"]`` labelled QUOTE, SPEAKER and CUE and
  every attribution in ``doc.user_data["quotelab"]``;
- ``csv``: one row per attribution with the article's metadata and the span texts;
- ``brat``: a folder with a ``.txt`` and an ``.ann`` per article (:mod:`core.formats.brat`).

The corpus is read in one pass inside one read transaction (a consistent snapshot,
two queries whatever its size). Output goes to a temporary file (or folder) beside
the target, is flushed to disk and renamed over it, so an earlier export is replaced
whole or not at all; ``-`` writes a file format to standard output instead.
"""

from __future__ import annotations

import csv
import gc
import io
import json
import os
import secrets
import shutil
import stat
import sys
from collections import deque
from collections.abc import Callable, Iterator
from concurrent.futures import Future
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager, suppress
from dataclasses import asdict, dataclass
from functools import cached_property
from itertools import islice
from pathlib import Path
from typing import IO, Any

import orjson
from murmurhash.mrmr import hash as murmur

from core import worker
from core.corpus import queries
from core.corpus.rows import attribution_from_row
from core.corpus.store import Store
from core.model import Article, Attribution, Span, State, Status
from core.tokens import DocTokens

try:
    import fcntl
except ImportError:  # Windows: an open file cannot be deleted there anyway
    fcntl = None  # type: ignore[assignment]

FORMATS = ("jsonl", "spacy", "csv", "brat")
LABELS = {"quote": "QUOTE", "speaker": "SPEAKER", "cue": "CUE"}
STDOUT = "-"


class ExportError(Exception):
    """The export could not be written; any earlier file at the target is intact."""


#: What each format holds unless told otherwise, as (done_only, accepted_only). The spaCy
#: DocBin is training data: only what a person confirmed, so only done articles (in an
#: article under review, a quote nobody has decided yet would be taught as no quote) and
#: only accepted attributions. JSONL, CSV and brat carry each article's status and each
#: attribution's state (Prodigy's ``answer``, a column, a ``State`` attribute), round-trip
#: into a corpus and serve review and analysis: everything, and the report says how
#: much of it is unreviewed (docs/adr/0022).
DEFAULT_SCOPE: dict[str, tuple[bool, bool]] = {
    "jsonl": (False, False),
    "spacy": (True, True),
    "csv": (False, False),
    "brat": (False, False),
}


def default_scope(fmt: str) -> tuple[bool, bool]:
    """(done_only, accepted_only) of ``fmt`` by default (the CLI's and the Export
    dialog's)."""
    return DEFAULT_SCOPE.get(fmt, (False, False))


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
        if self.format == "csv" and self.without_attributions:
            said += f" ({self.without_attributions} of the articles have no attribution, so no row)"
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


#: An attribution's columns as ``corpus_items`` reads them (``attribution_from_row``'s keys).
ATTRIBUTION_COLUMNS = (
    "id",
    "article_id",
    "quote_start",
    "quote_end",
    "speaker_start",
    "speaker_end",
    "cue_start",
    "cue_end",
    "speaker_name",
    "type",
    "state",
    "origin",
    "confidence",
)


@dataclass
class Item:
    """One article as exported, as the corpus stores it: its row, its attributions'
    rows. The model objects and the tokens are made when a format first asks for them:
    plain rows are what the export sends to its worker processes (they pickle in a
    fraction of the time dataclasses take)."""

    row: tuple[Any, ...]
    attribution_rows: list[tuple[Any, ...]]

    @cached_property
    def article(self) -> Article:
        return _article(self.row)

    @cached_property
    def attributions(self) -> list[Attribution]:
        return [
            attribution_from_row(dict(zip(ATTRIBUTION_COLUMNS, r, strict=True)))
            for r in self.attribution_rows
        ]

    def span_text(self, sp: Span | None) -> str:
        return "" if sp is None else self.article.text[sp.start : sp.end]

    @cached_property
    def tokens(self) -> DocTokens:
        return DocTokens.load(self.row[1], self.row[10])


# -- reading the corpus in one pass ------------------------------------------------------


def _article(r: tuple[Any, ...]) -> Article:
    return Article(
        text=r[1],
        title=r[2],
        byline=r[3],
        date=r[4],
        url=r[5],
        source=r[6],
        non_body=[Span(s, e) for s, e in json.loads(r[7])],
        status=Status(r[8]),
        content_hash=r[9],
        id=r[0],
    )


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
            store,
            (
                "id text title byline date url source non_body status content_hash packed_tokens"
            ).split(),
            done_only=done_only,
        )
        attrs = queries.attribution_rows(store, ATTRIBUTION_COLUMNS, accepted_only=accepted_only)
        of = ATTRIBUTION_COLUMNS.index("article_id")

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
                    yield Item(row, mine)

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


# -- jsonl: Prodigy tasks ------------------------------------------------------------------


def _hash(obj: Any) -> int:
    """A signed 32-bit MurmurHash of a JSON value (QuoteLab's own hashes: see README)."""
    return int(murmur(json.dumps(obj, sort_keys=True, ensure_ascii=False)))


def _span(text: str, tokens: DocTokens, sp: Span, label: str) -> dict[str, Any]:
    first, last = tokens.token_range(sp)
    return {
        "text": text[sp.start : sp.end],
        "start": sp.start,
        "end": sp.end,
        "token_start": first,
        "token_end": last,
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


def article_task(item: Item) -> dict[str, Any]:
    """One Prodigy task but its tokens: text, meta, spans, cue-centred relations, our
    quotes (the tokens, a thousand an article, are written as text by ``JsonlWriter``)."""
    article, tokens = item.article, item.tokens
    spans: dict[tuple[int, int, str], dict[str, Any]] = {}
    relations: list[dict[str, Any]] = []

    def add(sp: Span, label: str) -> dict[str, Any]:
        key = (sp.start, sp.end, label)
        if key not in spans:
            spans[key] = _span(article.text, tokens, sp, label)
        return spans[key]

    for a in item.attributions:
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
    return {
        "text": article.text,
        "meta": article.meta(),
        "_input_hash": input_hash,
        "_task_hash": _hash({"input": input_hash, "spans": span_list, "relations": relations}),
        "spans": span_list,
        "relations": relations,
        "answer": "accept" if article.status is Status.DONE else "ignore",
        "_view_id": "relations",
        "quotes": [a.to_record() for a in item.attributions],
    }


# -- the writers -----------------------------------------------------------------------------


class Writer:
    """Writes one format to an open binary file."""

    def __init__(self, f: IO[bytes]) -> None:
        self.f = f

    def add(self, item: Item) -> None:
        raise NotImplementedError

    def close(self) -> None:
        """Called once after the last article."""


#: Characters that some readers take for line ends (Python's str.splitlines does) and
#: that JSON encoders leave as they are (they escape U+000B, U+001C and the others below
#: U+0020): each as UTF-8 and as the escape the export writes instead, so a line of the
#: export is a line to every reader.
_RAW_LINE_BREAKS = {c: (c.encode(), f"\\u{ord(c):04x}".encode()) for c in "\x85\u2028\u2029"}


def _escape_line_breaks(line: bytes, made_of: str) -> bytes:
    """``line`` (UTF-8) with those characters escaped; ``made_of``: the strings its JSON
    strings were made of (a fraction of its length, looked through instead of it)."""
    for c, (raw, escaped) in _RAW_LINE_BREAKS.items():
        if c in made_of:  # rare
            line = line.replace(raw, escaped)  # UTF-8: the bytes of no other character
    return line


def jsonl_line(item: Item) -> bytes:
    """The task as a JSON line, its tokens last. Written by ``orjson`` (for strings and
    integers the bytes of ``json.dumps`` with compact separators; docs/adr/0019) but the
    quotes, whose confidences are floats (``json.dumps`` writes 1e-05 and Infinity,
    ``orjson`` 0.00001 and null), and the tokens, made by ``DocTokens.prodigy_json``."""
    task = article_task(item)
    quotes = json.dumps(task.pop("quotes"), ensure_ascii=False, separators=(",", ":"))
    meta = [v for v in task["meta"].values() if isinstance(v, str)]
    line = b"".join(
        (
            orjson.dumps(task)[:-1],
            b',"quotes":',
            quotes.encode(),
            b',"tokens":',
            item.tokens.prodigy_json(),
            b"}\n",
        )
    )
    return _escape_line_breaks(line, "".join([item.article.text, quotes, *meta]))


class JsonlWriter(Writer):
    def add(self, item: Item) -> None:
        self.f.write(jsonl_line(item))


#: Articles per run sent to a worker process, and runs in flight per worker.
_RUN = 50
_AHEAD = 2
#: From this many articles on, the JSONL lines are made by a worker process per core
#: (fewer are done before the workers would have started).
PARALLEL_FROM = 2000


def _jsonl_worker() -> None:
    """A worker process's start: a collection of young objects per 100,000 new ones,
    not per 700 (an article's line makes hundreds of short-lived dicts and lists and no
    cycles; the collections took 6 % of a worker's time)."""
    gc.set_threshold(100_000)


def _jsonl_run(run: list[Item]) -> list[bytes]:
    """In a worker process: the lines of a run of articles."""
    return [jsonl_line(item) for item in run]


def _jsonl_in_processes(items: Iterator[Item], jobs: int) -> Iterator[tuple[Item, bytes]]:
    """Each article with its JSONL line, in order, the lines made in ``jobs`` worker
    processes; the articles are read here, in the caller's read transaction."""
    pending: deque[tuple[list[Item], Future[list[bytes]]]] = deque()
    with worker.pool(jobs, _jsonl_worker) as pool:
        try:
            while True:
                while len(pending) < _AHEAD * jobs and (run := list(islice(items, _RUN))):
                    pending.append((run, pool.submit(_jsonl_run, run)))
                if not pending:
                    return
                run, lines = pending.popleft()
                yield from zip(run, lines.result(), strict=True)
        except BrokenProcessPool as exc:
            raise ExportError(f"an export worker process stopped ({exc})") from None
        except BaseException:  # cancelled or failed: the runs in flight are not waited for
            pool.shutdown(wait=False, cancel_futures=True)
            raise


class SpacyWriter(Writer):
    """A DocBin; the spans carry no QuoteLab types, so plain spaCy reads it."""

    def __init__(self, f: IO[bytes]) -> None:
        super().__init__(f)
        from core.tokens import make_doc

        self.vocab = make_doc("").vocab
        self.bin = self._new_bin()

    @staticmethod
    def _new_bin() -> Any:
        from spacy.tokens import DocBin

        return DocBin(attrs=["ORTH", "SPACY"], store_user_data=True)  # the text, no more

    def add(self, item: Item) -> None:
        from spacy.tokens import Span as SpacySpan

        doc = item.tokens.doc(self.vocab)
        seen: dict[tuple[int, int, str], SpacySpan] = {}
        for a in item.attributions:
            if a.state is State.REJECTED:
                continue
            for kind, sp in a.spans().items():
                key = (sp.start, sp.end, LABELS[kind]) if sp else None
                if key is not None and key not in seen:
                    span = doc.char_span(key[0], key[1], label=key[2], alignment_mode="expand")
                    if span is not None:
                        seen[key] = span
        doc.spans["sc"] = sorted(seen.values(), key=lambda s: (s.start, s.end, s.label_))
        doc.user_data["quotelab"] = {
            "meta": item.article.meta(),
            "attributions": [
                {
                    **a.to_record(),
                    **{f"{k}_text": item.span_text(sp) for k, sp in a.spans().items()},
                }
                for a in item.attributions
            ],
        }
        self.bin.add(doc)

    def close(self) -> None:
        self.f.write(self.bin.to_bytes())


class SpacyPartsWriter(SpacyWriter):
    """DocBins of ``PART`` articles each in a folder (``spacy train`` reads every
    ``.spacy`` file in a folder), so memory stays bounded however large the corpus."""

    PART = 1000

    def __init__(self, folder: Path) -> None:
        super().__init__(io.BytesIO())  # unused: each part is a file of its own
        self.folder = folder
        self.parts = 0

    def add(self, item: Item) -> None:
        super().add(item)
        if len(self.bin) >= self.PART:
            self.close()

    def close(self) -> None:
        if len(self.bin):
            self.parts += 1
            (self.folder / f"{self.parts:06d}.spacy").write_bytes(self.bin.to_bytes())
            self.bin = self._new_bin()


def is_spacy_parts(folder: Path) -> bool:
    """Whether ``folder`` holds only what :class:`SpacyPartsWriter` writes."""
    return all(p.is_file() and p.suffix == ".spacy" for p in folder.iterdir())


CSV_COLUMNS = (
    "article_id",
    "title",
    "byline",
    "date",
    "url",
    "source",
    "status",
    "attribution_id",
    "quote",
    "speaker",
    "cue",
    "speaker_name",
    "type",
    "state",
    "origin",
    "confidence",
    "quote_start",
    "quote_end",
    "speaker_start",
    "speaker_end",
    "cue_start",
    "cue_end",
)


class CsvWriter(Writer):
    """One row per attribution (RFC 4180: UTF-8, CRLF, quoted where needed)."""

    def __init__(self, f: IO[bytes]) -> None:
        super().__init__(f)
        self.text = io.TextIOWrapper(f, encoding="utf-8", newline="", write_through=True)
        self.rows = csv.writer(self.text)
        self.rows.writerow(CSV_COLUMNS)

    def add(self, item: Item) -> None:
        art = item.article
        for a in item.attributions:
            row: dict[str, Any] = {
                "article_id": art.id,
                "title": art.title,
                "byline": art.byline,
                "date": art.date,
                "url": art.url,
                "source": art.source,
                "status": str(art.status),
                "attribution_id": a.id,
                "speaker_name": a.speaker_name,
                "type": str(a.type),
                "state": str(a.state),
                "origin": str(a.origin),
                "confidence": a.confidence,
            }
            for kind, sp in a.spans().items():
                row[kind] = item.span_text(sp)
                row[f"{kind}_start"] = sp.start if sp else None
                row[f"{kind}_end"] = sp.end if sp else None
            self.rows.writerow([row[c] for c in CSV_COLUMNS])

    def close(self) -> None:
        self.text.detach()  # the file is closed by its owner


WRITERS: dict[str, Callable[[IO[bytes]], Writer]] = {
    "jsonl": JsonlWriter,
    "spacy": SpacyWriter,
    "csv": CsvWriter,
}


# -- writing a file or folder safely -------------------------------------------------------


def _lock(path: Path) -> int | None:
    """An open descriptor holding an exclusive lock on a file or folder, or None if
    another process holds one. (Windows has no flock, and an open file cannot be
    deleted there: the lock is left to the system.)"""
    if fcntl is None:
        return -1
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:
        return None
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        os.close(fd)
        return None
    return fd


def _unlock(fd: int | None) -> None:
    if fd is not None and fd >= 0:
        os.close(fd)


def remove_stale_temps(out: Path) -> None:
    """Delete what earlier exports to ``out`` left behind when they were killed: their
    ``.NAME.*.tmp`` files and folders that no running export holds locked."""
    for p in out.parent.glob(f".{out.name}.*.tmp"):
        fd = _lock(p)
        if fd is None:
            continue  # another export is writing it right now
        try:
            if p.is_dir() and not p.is_symlink():
                shutil.rmtree(p, ignore_errors=True)
            else:
                p.unlink(missing_ok=True)
        except OSError:
            pass  # Windows: still open in another export
        finally:
            _unlock(fd)


def _fsync_dir(folder: Path) -> None:
    """Make a rename in ``folder`` durable (POSIX; Windows has no directory handles).
    Best effort: the rename is done, and some file systems cannot sync a folder."""
    if os.name == "nt":
        return
    with suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def _temp_name(out: Path) -> Path:
    return out.parent / f".{out.name}.{secrets.token_hex(4)}.tmp"


def _keep_mode(out: Path, apply: Callable[[int], None]) -> None:
    """Give the new file the mode of the one it replaces; a new one keeps what the
    umask left of 0666 (0777 for a folder), as os.open and os.mkdir made it."""
    with suppress(FileNotFoundError):
        apply(stat.S_IMODE(out.stat().st_mode))


@contextmanager
def written_file(out: Path) -> Iterator[IO[bytes]]:
    """A binary file that becomes ``out`` when the block ends without error."""
    if not out.parent.is_dir():
        raise ExportError(f"{out}: cannot write there (no such folder {out.parent})")
    remove_stale_temps(out)
    tmp = _temp_name(out)
    try:
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
    except OSError as exc:
        raise ExportError(f"{out}: cannot write there ({exc.strerror or exc})") from None
    held = _lock(tmp)
    try:
        with os.fdopen(fd, "wb") as f:
            yield f
            f.flush()
            os.fsync(f.fileno())
        _keep_mode(out, lambda mode: os.chmod(tmp, mode))
        os.replace(tmp, out)
        _fsync_dir(out.parent)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise ExportError(
            f"{out}: could not be written ({exc.strerror or exc}); "
            "any earlier file there is unchanged"
        ) from None
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    finally:
        _unlock(held)


@contextmanager
def written_folder(out: Path, may_replace: Callable[[Path], bool]) -> Iterator[Path]:
    """A new folder that becomes ``out`` when the block ends without error. An existing
    ``out`` is replaced only if it is empty or ``may_replace`` says it is an earlier
    export; anything else there is refused untouched."""
    if out.exists() and not (out.is_dir() and (not any(out.iterdir()) or may_replace(out))):
        raise ExportError(
            f"{out}: already exists and is not an earlier export of this format; "
            "choose a new or empty folder"
        )
    if not out.parent.is_dir():
        raise ExportError(f"{out}: cannot write there (no such folder {out.parent})")
    remove_stale_temps(out)
    tmp = _temp_name(out)
    try:
        os.mkdir(tmp, 0o777)
    except OSError as exc:
        raise ExportError(f"{out}: cannot write there ({exc.strerror or exc})") from None
    held = _lock(tmp)
    try:
        yield tmp
        _keep_mode(out, lambda mode: os.chmod(tmp, mode))
        if hasattr(os, "sync"):
            os.sync()  # one flush for all the files, not an fsync per file
        if out.exists():
            old = _temp_name(out)
            os.replace(out, old)
            os.replace(tmp, out)
            shutil.rmtree(old, ignore_errors=True)
        else:
            os.replace(tmp, out)
        _fsync_dir(out.parent)
    except OSError as exc:
        shutil.rmtree(tmp, ignore_errors=True)
        raise ExportError(
            f"{out}: could not be written ({exc.strerror or exc}); "
            "any earlier export there is unchanged"
        ) from None
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    finally:
        _unlock(held)


@contextmanager
def _stdout() -> Iterator[IO[bytes]]:
    sys.stdout.flush()
    yield sys.stdout.buffer
    sys.stdout.buffer.flush()


# -- the one entry point ----------------------------------------------------------------------


def export(
    store: Store,
    out: Path | str,
    fmt: str = "jsonl",
    *,
    done_only: bool | None = None,
    accepted_only: bool | None = None,
    progress: Callable[[int, int], None] = lambda done, total: None,
    cancelled: Callable[[], bool] = lambda: False,
    jobs: int | None = None,
) -> ExportReport:
    """Write the corpus to ``out`` (``-``: standard output) in ``fmt``; raises
    ExportError, leaving any earlier export untouched, on failure or cancel. Only done
    articles, only accepted attributions: as asked, else the format's
    :data:`DEFAULT_SCOPE`. JSONL lines are made in ``jobs`` processes (default: one
    per core from PARALLEL_FROM articles on, else this one)."""
    if fmt not in FORMATS:
        raise ExportError(f"unknown format {fmt!r} (one of {', '.join(FORMATS)})")
    default_done, default_accepted = default_scope(fmt)
    done_only = default_done if done_only is None else done_only
    accepted_only = default_accepted if accepted_only is None else accepted_only
    to_stdout = str(out) == STDOUT
    if to_stdout and fmt == "brat":
        raise ExportError("brat writes a folder; give --out a folder, not -")
    report = ExportReport(fmt, str(out))
    target = Path(out)
    corpus = store.path.resolve()
    own = {corpus, *(corpus.with_name(corpus.name + x) for x in ("-wal", "-shm", "-journal"))}
    if not to_stdout and target.resolve() in own:
        raise ExportError(f"{out}: that is the corpus itself (or its journal); choose another")
    with corpus_items(store, done_only=done_only, accepted_only=accepted_only, scope=report) as (
        total,
        items,
    ):

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

        if fmt == "brat":
            from core.formats import brat

            with written_folder(target, brat.is_export) as folder:
                each(brat.Exporter(folder).add)
        elif fmt == "spacy" and not to_stdout and target.suffix.lower() != ".spacy":
            with written_folder(target, is_spacy_parts) as folder:
                parts = SpacyPartsWriter(folder)
                each(parts.add)
                parts.close()
        else:
            if jobs is None:
                jobs = (os.cpu_count() or 1) if total >= PARALLEL_FROM else 1
            with _stdout() if to_stdout else written_file(target) as f:
                if fmt == "jsonl" and jobs > 1:
                    lines: deque[bytes] = deque()  # each article's line, made by a worker

                    def made() -> Iterator[Item]:
                        for item, line in _jsonl_in_processes(items, jobs):
                            lines.append(line)
                            yield item

                    each(lambda item: f.write(lines.popleft()), made())
                else:
                    writer = WRITERS[fmt](f)
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
