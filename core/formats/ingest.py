"""Importing files into a corpus, with suggestions: the one path the CLI and the GUI share."""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from core.corpus import queries
from core.corpus.errors import CorpusError
from core.corpus.store import Store
from core.formats.imported import Imported, ImportProblem, shown
from core.formats.known_speakers import carry_identities
from core.formats.reading import collect_files, read_file
from core.formats.reimport import Reimported, reimport, with_origins
from core.model import Article, Attribution, Origin, State
from core.suggest import Suggester, SuggestError, checked
from core.suggest.registry import Registry
from core.tokens import Tokens, tokenize

if TYPE_CHECKING:
    from core.suggest.learn import Fit

#: Paragraphs (pieces of at most ``MAX_PARAGRAPH`` characters) per parser batch:
#: cancel is checked between them, so a cancelled import stops within a second (32,000
#: characters at most), also inside a long article, and the parser's memory stays
#: bounded. Batches of 8 parsed about a fifth slower.
PARSE_BATCH = 32


@dataclass
class ImportReport:
    imported: list[int] = field(default_factory=list)  # new article ids
    duplicates: list[str] = field(default_factory=list)  # sources already in the corpus
    #: Annotations for articles the corpus holds, each applied as one decision or found
    #: the same as stored (docs/adr/0027).
    reimported: list[Reimported] = field(default_factory=list)
    #: Such annotations not applied, by record (and quote) and why: the article changed
    #: in the corpus since the export, or a change contradicts a decided attribution.
    conflicts: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)  # refused: file (and line) and why
    warnings: list[str] = field(default_factory=list)
    attributions: int = 0
    cancelled: bool = False
    stopped: str | None = None  # why the run stopped part-way (the corpus could not be written)

    @property
    def refused(self) -> int:
        """How many files or lines were refused."""
        return len(self.problems)

    @property
    def complete(self) -> bool:
        """Everything given was imported (or already there): nothing refused or left
        out, the run neither stopped nor was cancelled."""
        return (
            not self.problems and not self.conflicts and self.stopped is None and not self.cancelled
        )

    @property
    def changed(self) -> list[Reimported]:
        """The articles the import's annotations changed (one decision each)."""
        return [r for r in self.reimported if r.changed]

    @property
    def unchanged(self) -> list[Reimported]:
        """The articles whose annotations the import found as stored."""
        return [r for r in self.reimported if not r.changed]

    def to_dict(self) -> dict[str, Any]:
        """The report as plain JSON values (for ``--json``)."""
        return {
            "imported": len(self.imported),
            "article_ids": self.imported,
            "attributions": self.attributions,
            "refused": self.refused,
            "problems": self.problems,
            "duplicates": self.duplicates,
            "changed": [r.as_json() for r in self.changed],
            "unchanged": [r.as_json() for r in self.unchanged],
            "not_applied": self.conflicts,
            "warnings": self.warnings,
            "cancelled": self.cancelled,
            "stopped": self.stopped,
            "complete": self.complete,
        }

    def lines(self) -> list[str]:
        """What to tell the user, one line each; file names are shown escaped."""
        first = (
            f"imported {len(self.imported)} article(s) with {self.attributions} "
            f"attribution(s); refused {self.refused}; already in the corpus "
            f"{len(self.duplicates)}"
        )
        if self.reimported or self.conflicts:
            first += (
                f"; annotations for articles in the corpus: changed {len(self.changed)}, "
                f"unchanged {len(self.unchanged)}, not applied {len(self.conflicts)}"
            )
        out = [first]
        out += [f"already in the corpus, skipped: {shown(d)}" for d in self.duplicates]
        out += [f"changed: {r.line()}" for r in self.changed]
        out += [f"unchanged: {r.line()}" for r in self.unchanged]
        out += [f"warning: {w}" for w in self.warnings]
        out += [f"not imported: {p}" for p in self.problems]
        out += [f"not applied: {c}" for c in self.conflicts]
        if self.cancelled:
            out.append("cancelled: the rest was not imported")
        if self.stopped is not None:
            out.append(f"stopped: {self.stopped}; the rest was not imported")
        return out


def import_paths(
    store: Store,
    paths: list[Path],
    suggester: Suggester | None,
    progress: Callable[[int, int], None] = lambda done, total: None,
    cancelled: Callable[[], bool] = lambda: False,
    brat_labels: dict[str, str] | None = None,
    jobs: int = 1,
) -> ImportReport:
    """Read every file (folders recursively), store each new article with its
    suggestions (unless ``suggester`` is None or the record carried annotations).
    A bad file or line is refused by name and the rest still imports; the report
    comes back whatever happens, also when the corpus cannot be written part-way.

    Articles stream from the files through one suggestion run (in ``jobs`` worker
    processes when over 1) into the corpus in the order read, so ids are the same
    whatever ``jobs`` is and memory holds only the articles in flight. Progress counts
    the files whose articles are all stored."""
    report = ImportReport()
    run = _Run(store, _files(paths, report), suggester, report, progress, cancelled, brat_labels)
    progress(0, len(run.files))
    try:
        known = queries.known_speakers(store)
        run.registry = Registry(known)
        if suggester is None:
            for _ in run.read():  # yields nothing: every article is stored as read
                pass
        else:
            from core.review.learning import current, tagger, tagger_source
            from core.suggest.learn import PRIOR

            run.fit = current(store) or PRIOR
            trained = tagger(store, suggester)
            run.store_suggested(
                suggester.found_many(
                    run.read(),
                    cancelled,
                    PARSE_BATCH,
                    n_process=jobs,
                    known=known,
                    tagger=trained,
                    tagger_from=tagger_source(store, trained),
                )
            )
        run.finish()
    except (CorpusError, SuggestError, OSError) as exc:
        report.stopped = str(exc)
    return report


def _files(paths: list[Path], report: ImportReport) -> list[Path]:
    """The files to read, in order; the paths that cannot be read are refused."""
    files: list[Path] = []
    for f in collect_files(paths):
        if isinstance(f, ImportProblem):
            report.problems.append(str(f))
        else:
            files.append(f)
    return files


@dataclass
class _Run:
    """One import, from the files read in order to the articles stored in that order."""

    store: Store
    files: list[Path]
    suggester: Suggester | None
    report: ImportReport
    progress: Callable[[int, int], None]
    cancelled: Callable[[], bool]
    brat_labels: dict[str, str] | None
    #: read but not stored yet (with its file's number): a suggestion for the first is
    #: still to come
    waiting: deque[tuple[int, Imported]] = field(default_factory=deque)
    seen: set[str] = field(default_factory=set)
    #: The corpus's known speakers, whose canonical names suggestions take (also a
    #: file's undecided model suggestions; decided or edited names are kept)
    registry: Registry = field(default_factory=lambda: Registry(()))
    #: What the corpus learned, making the suggestions of what the rules find
    fit: Fit | None = None

    def read(self) -> Iterator[Article]:
        """Read the files in order: store what needs no suggestion at once (unless it
        must wait behind one), queue and pass on what does."""
        for number, path in enumerate(self.files, 1):
            for got in read_file(path, self.brat_labels):
                if self.cancelled():
                    return
                item = self._new(got)
                if item is None:
                    continue
                needs = self.suggester is not None and not item.annotated
                if needs or self.waiting:
                    self.waiting.append((number, item))
                else:
                    _add(self.store, item, self.report)
                if needs:
                    yield item.article
            if not self.waiting:
                self.progress(number, len(self.files))

    def _new(self, got: Imported | ImportProblem) -> Imported | None:
        """``got`` if it is an article new to the corpus; else None, and the report has
        the problem or the duplicate."""
        if isinstance(got, ImportProblem):
            self.report.problems.append(str(got))
            return None
        self.report.warnings.extend(got.warnings)
        h = got.article.content_hash
        stored = None if h in self.seen else self.store.find_article(h)
        if h in self.seen or (stored is not None and not got.annotated):
            self.report.duplicates.append(got.article.source)
            return None
        self.seen.add(h)
        if stored is not None:
            self._reimport(stored, got)
            return None
        # a file's undecided model suggestions (a shard suggested elsewhere, docs/
        # scale-out.md) take the corpus's speakers as those suggested here do
        got.attributions = [
            self.registry.identify(a)
            if a.state is State.SUGGESTED and a.origin is Origin.MODEL
            else a
            for a in with_origins(got)
        ]
        return got

    def _reimport(self, article_id: int, got: Imported) -> None:
        """Apply a record's annotations to the article of its text the corpus holds."""
        try:
            done, kept = reimport(self.store, article_id, got)
        except ImportProblem as exc:
            self.report.conflicts.append(str(exc))
            return
        self.report.reimported.append(done)
        self.report.conflicts.extend(kept)

    def store_suggested(self, runs: Iterator[list[Attribution]]) -> None:
        """Store each article as its suggestions come back, with the annotated ones read
        behind it (they wait for nothing more)."""
        assert self.fit is not None
        for found in runs:
            if self.cancelled():  # what came back may be cut short: store none of it
                break
            number, item = self.waiting.popleft()
            item.tokens = _bounds(item)  # once: checked here, stored by _add
            made = self.fit.apply(found)
            item.attributions, dropped = checked(item.article, made, Tokens(item.tokens))
            self.report.warnings.extend(dropped)
            _add(self.store, item, self.report, self.fit.held(found, made))
            while self.waiting and self.waiting[0][1].annotated:  # nothing to wait for
                number, item = self.waiting.popleft()
                _add(self.store, item, self.report)
            self.progress((self.waiting[0][0] if self.waiting else number) - 1, len(self.files))

    def finish(self) -> None:
        """Store what is still waiting, unless the import was cancelled (or stopped
        before an article's suggestions came)."""
        if self.cancelled() or any(not item.annotated for _, item in self.waiting):
            self.report.cancelled = True
        else:
            for _, item in self.waiting:
                _add(self.store, item, self.report)
            self.progress(len(self.files), len(self.files))


def _bounds(item: Imported) -> list[tuple[int, int]]:
    return item.tokens if item.tokens is not None else tokenize(item.article.text)


def _add(
    store: Store, item: Imported, report: ImportReport, candidates: Sequence[Attribution] = ()
) -> None:
    """Store one article with its attributions and the candidates its suggestions left
    out (one transaction) and count it."""
    art_id, created = store.add_article(
        item.article,
        item.attributions,
        _bounds(item),
        label=f"import {item.article.source}",
        candidates=candidates,
    )
    if created:
        report.imported.append(art_id)
        report.attributions += len(item.attributions)
        report.warnings += carry_identities(store, item.speakers, item.article.source)
    else:  # another process stored it meanwhile
        report.duplicates.append(item.article.source)
