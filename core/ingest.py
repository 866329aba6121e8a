"""Importing files into a corpus, with suggestions: the one path the CLI and the GUI share."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from core.importer import Imported, ImportProblem, collect_files, read_file, shown
from core.store import CorpusError, Store
from core.suggest import Suggester, SuggestError, checked
from core.tokens import Tokens, tokenize

#: Articles parsed per ``nlp.pipe`` call and stored before the next are read: progress
#: and cancel are checked between batches, and memory holds one batch, not the import.
BATCH = 16
#: Paragraphs (pieces of at most ``MAX_PARAGRAPH`` characters) per parser batch:
#: cancel is checked between them, so a cancelled import stops within a second, also
#: inside a long article, and the parser's memory stays bounded.
PARSE_BATCH = 8


@dataclass
class ImportReport:
    imported: list[int] = field(default_factory=list)  # new article ids
    duplicates: list[str] = field(default_factory=list)  # sources already in the corpus
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
        """Everything given was imported (or already there): nothing refused, the run
        neither stopped nor was cancelled."""
        return not self.problems and self.stopped is None and not self.cancelled

    def to_dict(self) -> dict[str, Any]:
        """The report as plain JSON values (for ``--json``)."""
        return {
            "imported": len(self.imported),
            "article_ids": self.imported,
            "attributions": self.attributions,
            "refused": self.refused,
            "problems": self.problems,
            "duplicates": self.duplicates,
            "warnings": self.warnings,
            "cancelled": self.cancelled,
            "stopped": self.stopped,
            "complete": self.complete,
        }

    def lines(self) -> list[str]:
        """What to tell the user, one line each; file names are shown escaped."""
        out = [
            f"imported {len(self.imported)} article(s) with {self.attributions} "
            f"attribution(s); refused {self.refused}; already in the corpus "
            f"{len(self.duplicates)}"
        ]
        out += [f"already in the corpus, skipped: {shown(d)}" for d in self.duplicates]
        out += [f"warning: {w}" for w in self.warnings]
        out += [f"not imported: {p}" for p in self.problems]
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
) -> ImportReport:
    """Read every file (folders recursively), store each new article with its
    suggestions (unless ``suggester`` is None or the record carried annotations).
    A bad file or line is refused by name and the rest still imports; the report
    comes back whatever happens, also when the corpus cannot be written part-way.

    Articles stream through in batches of ``BATCH``: progress counts the files whose
    articles are all stored."""
    report = ImportReport()
    files: list[Path] = []
    for f in collect_files(paths):
        if isinstance(f, ImportProblem):
            report.problems.append(str(f))
        else:
            files.append(f)
    progress(0, len(files))
    batch: list[Imported] = []
    seen: set[str] = set()
    try:
        for done, path in enumerate(files, 1):
            for item in read_file(path, brat_labels):
                if isinstance(item, ImportProblem):
                    report.problems.append(str(item))
                    continue
                report.warnings.extend(item.warnings)
                h = item.article.content_hash
                if h in seen or store.find_article(h) is not None:
                    report.duplicates.append(item.article.source)
                    continue
                seen.add(h)
                batch.append(item)
                if len(batch) == BATCH:
                    if not _store(store, batch, suggester, report, cancelled):
                        return report
                    progress(done - 1, len(files))  # this file may have more to come
            if not batch:  # everything read so far is stored
                progress(done, len(files))
        if _store(store, batch, suggester, report, cancelled):
            progress(len(files), len(files))
    except (CorpusError, SuggestError, sqlite3.Error, OSError) as exc:
        report.stopped = str(exc)
    return report


def _store(
    store: Store,
    batch: list[Imported],
    suggester: Suggester | None,
    report: ImportReport,
    cancelled: Callable[[], bool],
) -> bool:
    """Suggest for and store one batch (emptied); False when the user cancelled."""
    if cancelled():
        report.cancelled = True
        return False
    tokens = [it.tokens if it.tokens is not None else tokenize(it.article.text) for it in batch]
    need = [i for i, it in enumerate(batch) if suggester is not None and not it.annotated]
    if suggester is not None and need:
        arts = [batch[i].article for i in need]
        found = list(suggester.suggest_many(arts, cancelled, PARSE_BATCH))
        if len(found) < len(need) or cancelled():
            report.cancelled = True
            return False
        for i, attrs in zip(need, found, strict=True):
            batch[i].attributions, dropped = checked(batch[i].article, attrs, Tokens(tokens[i]))
            report.warnings.extend(dropped)
    for it, bounds in zip(batch, tokens, strict=True):
        art_id, created = store.add_article(
            it.article, it.attributions, bounds, label=f"import {it.article.source}"
        )
        if created:
            report.imported.append(art_id)
            report.attributions += len(it.attributions)
        else:  # another process stored it meanwhile
            report.duplicates.append(it.article.source)
    batch.clear()
    return True
