"""The article list over a corpus of any size, without Qt.

How many rows the list has, the line of any row (fetched a page at a time, only the
pages last shown kept), the row an article is on, and the totals under the list
(articles done, suggestions left), kept up to date from the lines the review session
hands back. Nothing here reads every article: a list of 100,000 articles costs what a
list of 1,000 does (docs/adr/0015).
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections import OrderedDict

from core.corpus import queries
from core.corpus.rows import ArticleSummary
from core.corpus.search import merges_prefix
from core.corpus.store import Store
from core.model import Status

PAGE = 64  # lines fetched at once: about two screens
PAGES_KEPT = 8  # pages cached; the rest is fetched again when scrolled back to


class ArticleRows:
    """The rows of the list: every article, or those matching ``search`` (FTS5, see
    :meth:`core.corpus.store.Store.fts_match`), in id order.

    A search is not counted up front: :attr:`count` starts at the rows of its first
    page and grows as :meth:`step` counts the matches a slice of ids at a time, so the
    first rows show at once and no step stalls a window (docs/adr/0018)."""

    SLICE = 25_000  # ids whose matches one step counts

    def __init__(self, store: Store, search: str = "") -> None:
        self.store = store
        self.search = search
        match = store.fts_match(search)
        self.filtered = match is not None
        # A search that merges a prefix costs the same at any slice: one step counts it.
        self._whole = match is not None and merges_prefix(match)
        self._pages: OrderedDict[int, list[ArticleSummary]] = OrderedDict()
        self._rows: dict[int, int] = {}  # article id -> row, for the cached pages
        # Counted so far: the first id of each slice and the rows before it; the last
        # entry is where counting goes on (the end of the list once it is done).
        self._starts = [0]
        self._before = [0]
        self._first: int | None = None
        self._end: int | None = None  # one past the last id, while counting
        # Damaged articles are left out of the store's windows, which would shift rows;
        # such a corpus (rare, and named at open) keeps its list of ids instead.
        self._ids = store.article_ids(search) if store.damaged_ids else None
        if self._ids is not None:
            self.count = len(self._ids)
        elif not self.filtered:
            self.count = store.article_count()
            # Ids are dense when no article was ever removed: then a row is its id's offset.
            ids = queries.id_range(store)
            if ids is not None and ids[1] - ids[0] + 1 == self.count:
                self._first = ids[0]
        else:
            self.count = len(self._page(0))
            if self.count == PAGE:  # perhaps more: counted by step()
                self._end = queries.last_id(store) + 1

    @property
    def counting(self) -> bool:
        """Whether matches are left to count (then :attr:`count` is the rows known)."""
        return self._end is not None

    def step(self) -> bool:
        """Count the matches in the next slice of ids; False once all are counted."""
        if self._end is None:
            return False
        first = self._starts[-1]
        end = self._end if self._whole else min(first + self.SLICE, self._end)
        found = self._before[-1] + self.store.article_count(self.search, (first, end))
        self._starts.append(end)
        self._before.append(found)
        self.count = max(self.count, found)
        if end == self._end:
            self._end = None
            self.count = found
        return self._end is not None

    def line(self, row: int) -> ArticleSummary | None:
        """The line of a row, fetching its page if it is not cached."""
        if not 0 <= row < self.count:
            return None
        lines = self._page(row // PAGE)
        i = row % PAGE
        return lines[i] if i < len(lines) else None

    def row_of(self, article_id: int) -> int | None:
        """The row of an article, or None when it is not in the list (or not counted
        yet). From the cache, else one counting query on an index (no list is read)."""
        if article_id in self._rows:
            return self._rows[article_id]
        if self._ids is not None:
            i = bisect_left(self._ids, article_id)
            return i if i < len(self._ids) and self._ids[i] == article_id else None
        if self._first is not None:
            at = article_id - self._first
            return at if 0 <= at < self.count else None
        if not self.filtered:
            return queries.row_of(self.store, article_id)
        i = bisect_right(self._starts, article_id) - 1
        if i == len(self._starts) - 1:  # past what is counted
            return None
        match = self.store.fts_match(self.search)
        assert match is not None  # (filtered)
        n, found = queries.matches_to(self.store, match, self._starts[i], article_id)
        return self._before[i] + n - 1 if found else None

    def update(self, line: ArticleSummary) -> int | None:
        """A line the session handed back; its row when that is cached."""
        row = self._rows.get(line.id)
        if row is not None:
            self._pages[row // PAGE][row % PAGE] = line
        return row

    def cached(self, article_id: int) -> ArticleSummary | None:
        row = self._rows.get(article_id)
        return None if row is None else self._pages[row // PAGE][row % PAGE]

    def _page(self, n: int) -> list[ArticleSummary]:
        lines = self._pages.get(n)
        if lines is not None:
            self._pages.move_to_end(n)
            return lines
        start = n * PAGE
        if self._ids is not None:
            ids = self._ids[start : start + PAGE]
        elif self._first is not None:  # dense: a row is its id's offset
            ids = list(range(self._first + start, self._first + min(start + PAGE, self.count)))
        else:  # from the counted slice the row is in: no long OFFSET
            i = bisect_right(self._before, start) - 1
            ids = self.store.article_ids(
                self.search, start - self._before[i], PAGE, from_id=self._starts[i]
            )
        by_id = {s.id: s for s in self.store.article_summaries(ids=ids)}
        lines = [by_id[i] for i in ids if i in by_id]
        self._pages[n] = lines
        self._rows.update((s.id, start + i) for i, s in enumerate(lines))
        while len(self._pages) > PAGES_KEPT:
            _, gone = self._pages.popitem(last=False)
            for s in gone:
                self._rows.pop(s.id, None)
        return lines


class Totals:
    """The figures under the list: articles, done, and suggestions left to review in
    the whole corpus. Articles come from one index (``status_counts``); counting
    suggestions reads an index entry per attribution (0.25 s at 100k articles), so it
    is counted a slice of articles at a time (:meth:`step`, each well under 50 ms)
    while the window stays live; an edit counts by its difference (:meth:`follow`)."""

    SLICE = 2000  # articles per counting step

    def __init__(self, store: Store | None) -> None:
        self.store = store
        counts = store.status_counts() if store is not None else dict.fromkeys(Status, 0)
        self.articles = sum(counts.values())
        self.done = counts[Status.DONE]
        self.left = 0
        self._next: int | None = 0 if store is not None else None  # next id to count

    @property
    def counting(self) -> bool:
        return self._next is not None

    def step(self) -> bool:
        """Count the next slice of articles; False once everything is counted."""
        if self.store is None or self._next is None:
            return False
        start = self._next
        self.left += queries.suggestions_in(self.store, start, start + self.SLICE)
        more = queries.has_article_from(self.store, start + self.SLICE)
        self._next = start + self.SLICE if more else None
        return self._next is not None

    def follow(self, old: ArticleSummary, new: ArticleSummary) -> None:
        """One article's line changed from ``old`` to ``new``."""
        self.done += (new.status is Status.DONE) - (old.status is Status.DONE)
        if self._next is None or new.id < self._next:  # (else its slice is still to come)
            self.left += new.to_review - old.to_review
