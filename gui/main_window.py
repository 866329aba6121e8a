"""The main window: a thin controller between the widgets and core.

Every edit goes ``key -> QAction -> core command (one transaction) -> EditCommand on
the undo stack -> views refresh from what changed``. Slow work (loading spaCy,
importing, exporting) runs as Jobs on a one-thread pool."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QElapsedTimer, Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence, QUndoStack
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QInputDialog,
    QLabel,
    QMainWindow,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QSplitter,
    QVBoxLayout,
)

from core import commands
from core.commands import Changed, Command
from core.config import sample_article_path
from core.ingest import ImportReport
from core.model import Article, Attribution, QuoteType, Span, SpanError, State, Status
from core.speakers import candidates, resolve_name
from core.store import CorpusError, Store
from core.suggest import Suggester
from core.tokens import Tokens
from gui import workers
from gui.article_view import ArticleView, attribution_paints, cursor_paints
from gui.keymap import KEYMAP
from gui.panels import ArticleList, AttributionTable
from gui.undo import EditCommand

TARGETS = ("quote", "speaker", "cue")
MENUS = ("File", "Review", "Edit", "Select", "View")


class MainWindow(QMainWindow):
    """Signals:
    ready(): the spaCy pipeline has loaded.
    job_done(label): a background job finished (or failed, or was cancelled).
    rendered(ms): an action's handler and repaint took this long.
    """

    ready = Signal()
    job_done = Signal(str)
    rendered = Signal(float)

    def __init__(self, suggester: Suggester | None = None) -> None:
        super().__init__()
        self.suggester = suggester or Suggester()
        self.store: Store | None = None
        self.article: Article | None = None
        self.attrs: list[Attribution] = []
        self.tokens = Tokens([])
        self.index: int | None = None
        self.target = "quote"
        self.cursor: int | None = None
        self.anchor: int | None = None
        self.model_ready = False
        self.generation = 0
        self.jobs: list[workers.Job] = []
        self.pool = workers.job_pool()
        self.undo_stack = QUndoStack(self)
        self.actions_by_id: dict[str, QAction] = {}
        self._table_fresh = False  # whether the table shows self.attrs row for row
        self._build()
        self._build_actions()
        self.resize(1280, 800)

    # -- construction ------------------------------------------------------------------------

    def _build(self) -> None:
        self.articles = ArticleList()
        self.view = ArticleView()
        self.view.setPlaceholderText(
            "No articles yet.\n\nCtrl+I imports files, Ctrl+Shift+I a folder, "
            "Ctrl+Shift+S the bundled sample article.\nPress ? for every key."
        )
        self.table = AttributionTable()
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(self.articles)
        split.addWidget(self.view)
        split.addWidget(self.table)
        split.setStretchFactor(0, 2)
        split.setStretchFactor(1, 5)
        split.setStretchFactor(2, 3)
        split.setSizes([280, 520, 480])
        split.setChildrenCollapsible(False)
        self.setCentralWidget(split)
        self.articles.chosen.connect(lambda i: self.open_article(i))
        self.articles.filter.returnPressed.connect(self._filter_done)
        self.table.chosen.connect(self._choose_row)
        self.view.verticalScrollBar().valueChanged.connect(lambda _v: self.paint_spans())
        self.view.resized.connect(self.paint_spans)
        self.hint = QLabel()
        self.job_label = QLabel()
        self.job_bar = QProgressBar()
        self.job_bar.setFixedWidth(160)
        self.cancel_button = QPushButton("Cancel")
        self.cancel_button.clicked.connect(self.cancel_job)
        bar = self.statusBar()
        bar.addWidget(self.hint, 1)
        bar.addPermanentWidget(self.job_label)
        bar.addPermanentWidget(self.job_bar)
        bar.addPermanentWidget(self.cancel_button)
        self._show_job(None)
        self.view.setFocus()

    def _build_actions(self) -> None:
        menus = {name: self.menuBar().addMenu(f"&{name}") for name in MENUS}
        handlers = self._handlers()
        for b in KEYMAP:
            if b.id == "undo":
                action = self.undo_stack.createUndoAction(self, "Undo")
            elif b.id == "redo":
                action = self.undo_stack.createRedoAction(self, "Redo")
            else:
                action = QAction(b.text, self)
                action.triggered.connect(self._timed(handlers[b.id]))
            action.setShortcuts([QKeySequence(k) for k in b.keys])
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            action.setToolTip(b.text)
            action.setObjectName(b.id)
            menus[b.menu].addAction(action)
            self.addAction(action)
            self.actions_by_id[b.id] = action

    def _handlers(self) -> dict[str, Callable[[], None]]:
        return {
            "next_item": lambda: self.step_item(+1),
            "prev_item": lambda: self.step_item(-1),
            "accept": lambda: self.decide(State.ACCEPTED),
            "reject": lambda: self.decide(State.REJECTED),
            "accept_all": self.accept_all,
            "next_article": lambda: self.step_article(+1),
            "prev_article": lambda: self.step_article(-1),
            "done_next": self.done_next,
            "target_next": lambda: self.cycle_target(+1),
            "target_prev": lambda: self.cycle_target(-1),
            "start_left": lambda: self.move_edge("start", -1),
            "start_right": lambda: self.move_edge("start", +1),
            "end_left": lambda: self.move_edge("end", -1),
            "end_right": lambda: self.move_edge("end", +1),
            "type_direct": lambda: self.set_type(QuoteType.DIRECT),
            "type_mixed": lambda: self.set_type(QuoteType.MIXED),
            "type_indirect": lambda: self.set_type(QuoteType.INDIRECT),
            "cycle_speaker": self.cycle_speaker,
            "edit_name": self.edit_name,
            "delete": self.delete,
            "cursor_left": lambda: self.move_cursor(-1, extend=False),
            "cursor_right": lambda: self.move_cursor(+1, extend=False),
            "cursor_up": lambda: self.move_cursor_line(down=False),
            "cursor_down": lambda: self.move_cursor_line(down=True),
            "extend_left": lambda: self.move_cursor(-1, extend=True),
            "extend_right": lambda: self.move_cursor(+1, extend=True),
            "select_toggle": self.toggle_selection,
            "cursor_to_item": self.cursor_to_item,
            "label_quote": lambda: self.label("quote"),
            "label_speaker": lambda: self.label("speaker"),
            "label_cue": lambda: self.label("cue"),
            "clear_selection": self.clear_selection,
            "new_corpus": self.new_corpus_dialog,
            "open_corpus": self.open_corpus_dialog,
            "import_files": self.import_files_dialog,
            "import_folder": self.import_folder_dialog,
            "import_sample": lambda: self.import_paths([sample_article_path()]),
            "export": self.export_dialog,
            "cancel_job": self.cancel_job,
            "quit": self.close,
            "filter": self.focus_filter,
            "help": self.show_help,
        }

    def _timed(self, handler: Callable[[], None]) -> Callable[[], None]:
        def run() -> None:
            timer = QElapsedTimer()
            timer.start()
            handler()
            self.view.viewport().repaint()
            self.rendered.emit(timer.nsecsElapsed() / 1e6)

        return run

    # -- corpus ----------------------------------------------------------------------------------

    def open_corpus(self, path: Path, read_only: bool = False) -> bool:
        try:
            store = Store(path, read_only=read_only)
        except CorpusError as exc:
            self.error("Cannot open corpus", str(exc))
            return False
        if self.store is not None:
            self.store.close()
        self.store = store
        self.generation += 1  # results of jobs for the previous corpus are dropped
        self.undo_stack.clear()
        self._restore_history()
        title = f"QuoteLab \u2014 {path}" + ("  [read-only]" if store.read_only else "")
        self.setWindowTitle(title)
        self.article = None
        self.refresh_list()
        ids = [s.id for s in store.article_summaries()]
        todo = [s.id for s in store.article_summaries() if s.status is not Status.DONE]
        if ids:
            self.open_article((todo or ids)[0])
        else:
            self._clear_article()
        if store.read_only:
            self.error(
                "Read-only corpus",
                f"{path} is read-only: you can read and export, but edits will not be saved.",
            )
        return True

    def _restore_history(self) -> None:
        assert self.store is not None
        done, undone = commands.history(self.store)
        pushed = []
        for c in done + list(reversed(undone)):
            ec = self._edit_command(c)
            ec.silent = True
            self.undo_stack.push(ec)
            pushed.append(ec)
        self.undo_stack.setIndex(len(done))
        for ec in pushed:
            ec.silent = False
        self.undo_stack.setClean()

    def _edit_command(self, c: Command) -> EditCommand:
        assert self.store is not None
        return EditCommand(self.store, c, self.apply_changed, self._edit_failed)

    def refresh_list(self) -> None:
        if self.store is None:
            return
        current = self.article.id if self.article else None
        self.articles.show_summaries(self.store.article_summaries(), current)

    def _clear_article(self) -> None:
        self.article, self.attrs, self.tokens, self.index = None, [], Tokens([]), None
        self.view.setPlainText("")
        self.table.setRowCount(0)
        self._update_hint()

    # -- article and attribution navigation ----------------------------------------------------

    def open_article(self, article_id: int, focus: int | None = None) -> None:
        if self.store is None:
            return
        self.article = self.store.article(article_id)
        self.tokens = self.store.tokens(article_id)
        self.attrs = self.store.attributions(article_id)
        self.view.show_text(self.article.text, self.article.non_body)
        self._table_fresh = False
        self.anchor = None
        self.target = "quote"
        self.index = self._index_of(focus) if focus is not None else self._first_to_review()
        self._cursor_to_current()
        self.articles.select(article_id)
        self.render(reveal=True)

    def _first_to_review(self) -> int | None:
        if not self.attrs:
            return None
        return next((i for i, a in enumerate(self.attrs) if a.state is State.SUGGESTED), 0)

    def _index_of(self, attr_id: int) -> int | None:
        return next((i for i, a in enumerate(self.attrs) if a.id == attr_id), None)

    @property
    def current(self) -> Attribution | None:
        return self.attrs[self.index] if self.index is not None and self.attrs else None

    def step_item(self, step: int) -> None:
        if not self.attrs:
            self.say("No attributions in this article: select text and press Q to add one.")
            return
        i = -1 if self.index is None else self.index
        self.index = max(0, min(len(self.attrs) - 1, i + step))
        self.target = "quote"
        self._cursor_to_current()
        self.render(reveal=True)

    def step_article(self, step: int) -> None:
        ids = self.articles.visible_ids()
        if not ids:
            return
        cur = self.article.id if self.article else None
        i = ids.index(cur) if cur in ids else -1
        j = i + step
        if 0 <= j < len(ids):
            self.open_article(ids[j])
        else:
            self.say("No more articles that way.")

    def _choose_row(self, row: int) -> None:
        self.index = row
        self.target = "quote"
        self._cursor_to_current()
        self.render(reveal=True)
        self.view.setFocus()

    def _filter_done(self) -> None:
        ids = self.articles.visible_ids()
        if ids:
            self.open_article(ids[0])
        self.view.setFocus()

    def focus_filter(self) -> None:
        self.articles.filter.setFocus()
        self.articles.filter.selectAll()

    # -- edits -----------------------------------------------------------------------------------

    def run(self, build: Callable[[Store], Command | None]) -> bool:
        """Build a core command, apply it (one transaction), then put it on the undo stack."""
        if self.store is None:
            return False
        try:
            command = build(self.store)
            if command is None:
                self.say("Nothing to change.")
                return False
            changed = commands.apply(self.store, command)
        except SpanError as exc:
            self.say(str(exc).capitalize() + ".")
            return False
        except CorpusError as exc:
            self._edit_failed(str(exc))
            return False
        self.undo_stack.push(self._edit_command(command))
        self.apply_changed(changed)
        return True

    def apply_changed(self, changed: Changed) -> None:
        """Refresh the views from what a command (or its undo) changed: only the
        attributions it names are read again, only their rows redrawn."""
        if self.store is None:
            return
        if self.article is None or changed.article_id != self.article.id:
            self.open_article(changed.article_id, changed.focus)
            self.refresh_list()
            return
        keep = self.current.id if self.current else None
        order = [a.id for a in self.attrs]
        by_id = {a.id: a for a in self.attrs}
        for attr_id in changed.attribution_ids:
            found = self.store.attribution(attr_id)
            if found is None:
                by_id.pop(attr_id, None)
            else:
                by_id[attr_id] = found[1]
        self.attrs = sorted(by_id.values(), key=lambda a: (a.quote.start, a.id or 0))
        if changed.status_changed:
            self.article = self.store.article(self.article.id)
            self.refresh_list()
        else:
            self.articles.update_row(self.store.article_summaries(self.article.id)[0])
        focus = changed.focus if changed.focus in by_id else keep
        self.index = self._index_of(focus) if focus is not None else self._first_to_review()
        if self.index is None and self.attrs:
            self.index = 0
        if order != [a.id for a in self.attrs]:
            self._table_fresh = False  # rows were added, removed or reordered
        self.render(rows=set(changed.attribution_ids))

    def _edit_failed(self, message: str) -> None:
        self.error("The change was not saved", message)
        if self.article is not None and self.store is not None:
            self.open_article(self.article.id)

    def _need_current(self) -> Attribution | None:
        a = self.current
        if a is None or a.id is None:
            self.say("No attribution selected.")
            return None
        return a

    def decide(self, state: State) -> None:
        a = self._need_current()
        if a is None or a.id is None:
            return
        aid = a.id
        if self.run(lambda s: commands.set_state(s, aid, state)):
            self._advance_to_suggestion()

    def _advance_to_suggestion(self) -> None:
        if self.index is None:
            return
        later = [
            i
            for i in range(self.index + 1, len(self.attrs))
            if self.attrs[i].state is State.SUGGESTED
        ]
        if later:
            self.index = later[0]
            self.target = "quote"
            self._cursor_to_current()
            self.render(reveal=True)
        elif not any(a.state is State.SUGGESTED for a in self.attrs):
            self.say("All suggestions in this article are decided: D marks it done.")

    def accept_all(self) -> None:
        if self.article is not None and self.article.id is not None:
            art_id = self.article.id
            self.run(lambda s: commands.accept_all(s, art_id))

    def done_next(self) -> None:
        if self.article is None or self.article.id is None or self.store is None:
            return
        art_id = self.article.id
        marked = self.run(lambda s: commands.set_status(s, art_id, Status.DONE))
        if not marked and self.store.status(art_id) is not Status.DONE:
            return  # not saved (the message says why): stay on this article
        ids = self.articles.visible_ids()
        start = ids.index(art_id) if art_id in ids else -1
        order = ids[start + 1 :] + ids[: start + 1]
        nxt = next((i for i in order if self.store.status(i) is not Status.DONE), None)
        if nxt is None:
            self.say("Every article is done. Ctrl+E exports the corpus.")
        else:
            self.open_article(nxt)

    def cycle_target(self, step: int) -> None:
        i = TARGETS.index(self.target)
        self.target = TARGETS[(i + step) % len(TARGETS)]
        self.render()

    def move_edge(self, edge: str, step: int) -> None:
        a = self._need_current()
        if a is None or a.id is None:
            return
        aid, kind = a.id, self.target
        if getattr(a, kind) is None:
            self.say(f"This attribution has no {kind}: select one and press {kind[0].upper()}.")
            return
        self.run(lambda s: commands.move_edge(s, aid, kind, edge, step))

    def set_type(self, qtype: QuoteType) -> None:
        a = self._need_current()
        if a is not None and a.id is not None:
            aid = a.id
            self.run(lambda s: commands.set_type(s, aid, qtype))

    def cycle_speaker(self) -> None:
        a = self._need_current()
        if a is None or a.id is None or self.article is None:
            return
        options = candidates(self.article.text, self.tokens, self.attrs, a.quote)
        if not options:
            self.say("No candidate speakers found: select one and press S.")
            return
        spans = [sp for sp, _ in options]
        i = spans.index(a.speaker) + 1 if a.speaker in spans else 0
        span, name = options[i % len(options)]
        aid = a.id
        self.target = "speaker"
        self.run(lambda s: commands.set_speaker(s, aid, span, name))

    def edit_name(self) -> None:
        a = self._need_current()
        if a is None or a.id is None:
            return
        dialog = QInputDialog(self)
        dialog.setWindowTitle("Speaker name")
        dialog.setLabelText("The speaker's fullest name (or the description, as written):")
        dialog.setTextValue(a.speaker_name or "")
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
        self._back_from_dialog()
        if not accepted:
            return
        aid, name = a.id, dialog.textValue()
        self.run(lambda s: commands.set_speaker_name(s, aid, name))

    def delete(self) -> None:
        a = self._need_current()
        if a is None or a.id is None:
            return
        aid, kind = a.id, self.target
        if kind == "quote":
            self.run(lambda s: commands.delete(s, aid))
        else:
            self.run(lambda s: commands.set_span(s, aid, kind, None))

    # -- the token cursor and new spans ------------------------------------------------------

    def _cursor_to_current(self) -> None:
        a = self.current
        if not self.tokens:
            self.cursor = None
            return
        span = (getattr(a, self.target) or a.quote) if a else None
        self.cursor = self.tokens.token_at(span.start if span else 0)

    def cursor_to_item(self) -> None:
        self._cursor_to_current()
        self.anchor = None
        self.render(reveal=True)

    def move_cursor(self, step: int, extend: bool) -> None:
        if not self.tokens:
            return
        if self.cursor is None:
            self.cursor = 0
        if extend and self.anchor is None:
            self.anchor = self.cursor
        self.cursor = max(0, min(len(self.tokens) - 1, self.cursor + step))
        self.render(reveal_pos=self.tokens[self.cursor][0])

    def move_cursor_line(self, down: bool) -> None:
        if not self.tokens or self.cursor is None:
            return
        pos = self.view.line_neighbour(self.tokens[self.cursor][0], down)
        self.cursor = self.tokens.token_at(pos)
        self.render(reveal_pos=self.tokens[self.cursor][0])

    def toggle_selection(self) -> None:
        self.anchor = None if self.anchor is not None else self.cursor
        self.render()

    def clear_selection(self) -> None:
        if self.articles.filter.hasFocus():
            self.view.setFocus()
            return
        self.anchor = None
        self.view.clear_mouse_selection()
        self.render()

    def selection(self) -> Span | None:
        """The span to label: the token selection, else a mouse selection snapped to
        tokens, else the token under the cursor."""
        if not self.tokens or self.cursor is None:
            return None
        if self.anchor is not None:
            lo, hi = sorted((self.anchor, self.cursor))
            return Span(self.tokens[lo][0], self.tokens[hi][1])
        mouse = self.view.mouse_selection()
        if mouse is not None:
            return self.tokens.snap(*mouse)
        return Span(*self.tokens[self.cursor])

    def label(self, kind: str) -> None:
        span = self.selection()
        if span is None or self.article is None or self.article.id is None:
            return
        art_id = self.article.id
        if kind == "quote":
            new = commands.new_manual(span)
            if self.run(lambda s: commands.add(s, art_id, new)):
                self.target = "speaker"
                self.say("Quote added. Now select its speaker and press S (or M for candidates).")
        else:
            a = self._need_current()
            if a is None or a.id is None:
                return
            aid = a.id
            if kind == "speaker":
                name = resolve_name(self.article.text[span.start : span.end], self.attrs)
                ok = self.run(lambda s: commands.set_speaker(s, aid, span, name))
            else:
                ok = self.run(lambda s: commands.set_span(s, aid, "cue", span))
            if ok:
                self.target = kind
        self.anchor = None
        self.view.clear_mouse_selection()
        self.render()

    # -- drawing ---------------------------------------------------------------------------------

    def render(
        self, reveal: bool = False, reveal_pos: int | None = None, rows: set[int] | None = None
    ) -> None:
        """Redraw: the spans in view, the table rows of the attribution ids in ``rows``
        (the whole table when its rows no longer match), the hint. Scroll if asked."""
        if self.article is None:
            return
        cur = self.current
        if reveal and cur is not None:
            self.view.reveal(cur.quote.start)
        elif reveal_pos is not None:
            self.view.reveal(reveal_pos)
        self.paint_spans()
        if not self._table_fresh:
            self.table.show_attributions(self.article.text, self.attrs, self.index)
            self._table_fresh = True
        else:
            for i, a in enumerate(self.attrs):
                if rows and a.id in rows:
                    self.table.set_row(i, self.article.text, a)
            self.table.select(self.index)
        self._update_hint()

    def paint_spans(self) -> None:
        """Paint the spans near the visible part of the article (a long article has
        thousands; painting them all would cost more than a key may)."""
        if self.article is None:
            return
        lo, hi = self.view.visible_range()
        lo, hi = lo - 2000, hi + 2000
        cur = self.current
        paints = []
        for a in self.attrs:
            if a is not cur and a.quote.end >= lo and a.quote.start <= hi:
                paints += attribution_paints(a, False, None)
        if cur is not None:
            paints += attribution_paints(cur, True, self.target)
        cursor_span = (
            Span(*self.tokens[self.cursor]) if self.cursor is not None and self.tokens else None
        )
        selection = self.selection() if self.anchor is not None else None
        paints += cursor_paints(cursor_span, selection)
        self.view.paint(paints)

    def _update_hint(self) -> None:
        if self.article is None:
            self.hint.setText(
                "Ctrl+I import files \u00b7 Ctrl+Shift+S import the sample \u00b7 ? keys"
            )
            return
        if self.anchor is not None:
            text = (
                "\u2190\u2192 extend \u00b7 Q quote \u00b7 S speaker \u00b7 C cue \u00b7 "
                "V/Esc drop selection"
            )
        else:
            text = (
                f"Editing {self.target.upper()} \u00b7 J/K next/prev \u00b7 A accept \u00b7 "
                "X reject \u00b7 Tab span \u00b7 [ ] , . move edges \u00b7 1/2/3 type \u00b7 "
                "M speaker \u00b7 V select \u00b7 D done \u00b7 ? all keys"
            )
        self.hint.setText(text)

    def say(self, message: str) -> None:
        self.statusBar().showMessage(message, 6000)

    def error(self, title: str, message: str) -> None:
        """A window-modal message naming the file and the reason; does not block the caller."""
        box = QMessageBox(
            QMessageBox.Icon.Warning, title, message, QMessageBox.StandardButton.Ok, self
        )
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()

    # -- background jobs -------------------------------------------------------------------------

    def start_job(
        self,
        label: str,
        fn: Callable[..., Any],
        done: Callable[[Any], None] | None = None,
        corpus_bound: bool = True,
    ) -> workers.Job:
        """Run ``fn`` in the background. A corpus-bound job's result is dropped if
        another corpus has been opened since it started."""
        job = workers.Job(label, fn, self.generation if corpus_bound else None)
        job.signals.progress.connect(lambda d, t, j=job: self._job_progress(j, d, t))
        job.signals.finished.connect(lambda r, j=job: self._job_finished(j, r, done))
        job.signals.failed.connect(lambda m, j=job: self._job_failed(j, m))
        self.jobs.append(job)
        self._show_job(self.jobs[0])
        self.pool.start(job)
        return job

    def _job_progress(self, job: workers.Job, done: int, total: int) -> None:
        if self.jobs and job is self.jobs[0]:
            self.job_bar.setMaximum(total)
            self.job_bar.setValue(done)

    def _job_finished(
        self, job: workers.Job, result: Any, done: Callable[[Any], None] | None
    ) -> None:
        self._forget(job)
        if job.generation in (None, self.generation) and done is not None:
            done(result)
        self.job_done.emit(job.label)

    def _job_failed(self, job: workers.Job, message: str) -> None:
        self._forget(job)
        if job.generation in (None, self.generation) and not job.cancelled:
            self.error(job.label, message)
        elif job.cancelled:
            self.say(f"{job.label}: cancelled.")
        self.job_done.emit(job.label)

    def _forget(self, job: workers.Job) -> None:
        if job in self.jobs:
            self.jobs.remove(job)
        self._show_job(self.jobs[0] if self.jobs else None)

    def _show_job(self, job: workers.Job | None) -> None:
        visible = job is not None
        self.job_label.setText(f"{job.label}\u2026" if job else "")
        self.job_bar.setVisible(visible)
        self.cancel_button.setVisible(visible)
        if job is not None:
            self.job_bar.setRange(0, 0)

    def cancel_job(self) -> None:
        for job in self.jobs:
            job.cancel()
        if self.jobs:
            self.say("Cancelling\u2026")

    def load_model(self) -> None:
        def loaded(name: object) -> None:
            self.model_ready = True
            self.say(f"spaCy pipeline {name} ready.")
            self.ready.emit()

        self.start_job(
            "Loading spaCy", workers.load_model(self.suggester), loaded, corpus_bound=False
        )

    def import_paths(self, paths: list[Path], suggest: bool = True) -> workers.Job | None:
        if self.store is None:
            return None
        if self.store.read_only:
            self.error("Read-only corpus", "This corpus is read-only: nothing can be imported.")
            return None
        db = self.store.path

        def imported(report: object) -> None:
            assert isinstance(report, ImportReport)
            self.refresh_list()
            if report.imported and (self.article is None):
                self.open_article(report.imported[0])
            lines = report.lines()
            if not report.complete:
                self.error("Import", "\n".join(lines))
            else:
                self.say("; ".join(lines))

        fn = workers.import_files(db, paths, self.suggester if suggest else None)
        return self.start_job("Importing", fn, imported)

    def offer_sample(self) -> QMessageBox:
        """First run: offer the bundled sample article (Enter accepts)."""
        box = QMessageBox(
            QMessageBox.Icon.Question,
            "Welcome to QuoteLab",
            "This corpus is empty. Import the bundled sample article, with its suggested "
            "quotes, to try QuoteLab?\n\nYou can import your own articles any time with "
            "Ctrl+I (files) or Ctrl+Shift+I (a folder).",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            self,
        )
        box.setDefaultButton(QMessageBox.StandardButton.Yes)
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.accepted.connect(lambda: self.import_paths([sample_article_path()]))
        box.finished.connect(lambda _r: self._back_from_dialog())
        box.open()
        return box

    def export_to(self, out: Path, done_only: bool, accepted_only: bool) -> workers.Job | None:
        if self.store is None:
            return None
        fn = workers.export_file(self.store.path, out, done_only, accepted_only)
        return self.start_job(
            "Exporting", fn, lambda n: self.say(f"Exported {n} article(s) to {out}.")
        )

    # -- dialogs ---------------------------------------------------------------------------------

    def new_corpus_dialog(self) -> None:
        name, _ = QFileDialog.getSaveFileName(self, "New corpus", "", "QuoteLab corpus (*.qlab)")
        if name:
            path = Path(name if name.endswith(".qlab") else name + ".qlab")
            if path.exists():
                self.error("New corpus", f"{path} already exists; open it with Ctrl+O instead.")
                return
            self.open_corpus(path)

    def open_corpus_dialog(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self, "Open corpus", "", "QuoteLab corpus (*.qlab);;All files (*)"
        )
        if name:
            self.open_corpus(Path(name))

    def import_files_dialog(self) -> None:
        names, _ = QFileDialog.getOpenFileNames(
            self,
            "Import articles",
            "",
            "Articles (*.txt *.text *.md *.jsonl *.ndjson);;All files (*)",
        )
        if names:
            self.import_paths([Path(n) for n in names])

    def import_folder_dialog(self) -> None:
        name = QFileDialog.getExistingDirectory(self, "Import a folder of articles")
        if name:
            self.import_paths([Path(name)])

    def export_dialog(self) -> None:
        name, _ = QFileDialog.getSaveFileName(
            self, "Export JSONL", "quotes.jsonl", "JSON lines (*.jsonl)"
        )
        if not name:
            return
        dialog = QDialog(self)
        dialog.setWindowTitle("Export options")
        done_only = QCheckBox("Only articles marked done")
        accepted_only = QCheckBox("Only accepted attributions")
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(dialog.accept)
        buttons.rejected.connect(dialog.reject)
        layout = QVBoxLayout(dialog)
        for w in (done_only, accepted_only, buttons):
            layout.addWidget(w)
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
        self._back_from_dialog()
        if accepted:
            self.export_to(Path(name), done_only.isChecked(), accepted_only.isChecked())

    def show_help(self) -> None:
        from gui.cheatsheet import CheatSheet

        CheatSheet(self).exec()
        self._back_from_dialog()

    def _back_from_dialog(self) -> None:
        """Keys go to the article again (also where no window manager re-activates us)."""
        self.activateWindow()
        self.view.setFocus()

    # -- closing ---------------------------------------------------------------------------------

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt override
        self.cancel_job()
        self.pool.waitForDone(10_000)
        if self.store is not None:
            self.store.close()
            self.store = None
        event.accept()
