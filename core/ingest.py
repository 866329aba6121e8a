"""Importing files into a corpus, with suggestions: the one path the CLI and the GUI share."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from core.importer import Imported, ImportProblem, read_paths
from core.store import Store
from core.suggest import Suggester
from core.tokens import tokenize

#: Articles parsed per ``nlp.pipe`` call: progress and cancel are checked between batches.
BATCH = 16


@dataclass
class ImportReport:
    imported: list[int] = field(default_factory=list)  # new article ids
    duplicates: list[str] = field(default_factory=list)  # sources already in the corpus
    problems: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    attributions: int = 0
    cancelled: bool = False

    def lines(self) -> list[str]:
        """What to tell the user, one line each."""
        out = [f"imported {len(self.imported)} article(s) with {self.attributions} attribution(s)"]
        out += [f"already in the corpus, skipped: {d}" for d in self.duplicates]
        out += [f"warning: {w}" for w in self.warnings]
        out += [f"not imported: {p}" for p in self.problems]
        if self.cancelled:
            out.append("cancelled: the rest was not imported")
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
    suggestions (unless ``suggester`` is None or the file carried annotations).
    A bad file is reported and the rest of the batch still imports."""
    report = ImportReport()
    items: list[Imported] = []
    seen: set[str] = set()
    for item in read_paths(paths, brat_labels):
        if isinstance(item, ImportProblem):
            report.problems.append(str(item))
            continue
        report.warnings.extend(item.warnings)
        h = item.article.content_hash
        if h in seen or store.find_article(h) is not None:
            report.duplicates.append(item.article.source)
            continue
        seen.add(h)
        items.append(item)
    total = len(items)
    progress(0, total)
    for i in range(0, total, BATCH):
        if cancelled():
            report.cancelled = True
            break
        batch = items[i : i + BATCH]
        need = [it for it in batch if suggester is not None and not it.attributions]
        if suggester is not None and need:
            for it, found in zip(
                need, suggester.suggest_many([it.article for it in need]), strict=True
            ):
                it.attributions = found
        for it in batch:
            art_id, created = store.add_article(
                it.article,
                it.attributions,
                tokenize(it.article.text),
                label=f"import {it.article.source}",
            )
            if created:
                report.imported.append(art_id)
                report.attributions += len(it.attributions)
            else:  # another process stored it meanwhile
                report.duplicates.append(it.article.source)
        progress(min(i + BATCH, total), total)
    return report
