"""The main window: widgets, and the wiring between them and a core ReviewSession.

A key is a QAction from the keymap (``gui/actions.py``); its handler (:meth:`_handlers`)
calls one session verb. A move
returns a view delta at once; an edit returns a core command (or a reason, shown in
the status bar), which the session applies: one transaction, onto its undo stack, into
the store; what changed comes back as a view delta, routed to the
widgets (:meth:`route`). No review logic lives here. Slow work runs as jobs
(``gui/jobs.py``); dialogs return plain values (``gui/dialogs.py``). Report, speakers,
export, copies and memory are wired in from ``gui/corpus_tools.py``."""

from __future__ import annotations

import os
from collections.abc import Callable
from functools import partial
from pathlib import Path

from PySide6.QtCore import QEvent, QSignalBlocker, Qt, Signal
from PySide6.QtGui import QCloseEvent, QResizeEvent
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow, QMessageBox, QSplitter

from core.config import sample_article_path
from core.corpus import curation
from core.corpus.curation import Outcome
from core.corpus.errors import CorpusError
from core.corpus.store import Store
from core.formats.import_process import ImportProcess
from core.formats.ingest import ImportReport
from core.model import Span
from core.review.session import Delta, ReviewSession
from core.suggest import Suggester
from gui import dialogs, workers
from gui.actions import build_actions
from gui.article_view import ArticleView
from gui.corpus_tools import CorpusTools
from gui.jobs import JobRunner
from gui.keymap import (
    HINT_ADJUDICATING,
    HINT_FILTERING,
    HINT_ITEMS_LEFT,
    HINT_NO_ARTICLE,
    HINT_NO_CORPUS,
    HINT_REVIEWING,
    HINT_SELECTING,
    HINT_SPEAKERS,
    NO_CORPUS,
    PLACEHOLDER,
    SHARED,
    Act,
)
from gui.keymap import fill as keys_in
from gui.panels import ArticleList, AttributionTable, ItemPanel
from gui.routes import EDITS, MOVES, Edit, Move


class MainWindow(QMainWindow):
    """Signals:
    opened(path): a corpus was opened.
    routed(delta): a view delta was drawn.
    job_done(label): a background job finished (or failed, or was cancelled).
    rendered(ms): an action's handler and repaint took this long.
    """

    opened = Signal(Path)
    routed = Signal(object)
    job_done = Signal(str)
    rendered = Signal(float)

    def __init__(self, suggester: Suggester | ImportProcess | None = None) -> None:
        # Before anything is painted: Qt would split each large gradient fill (the scroll
        # bars) into tasks for its thread pool and wait for them, which costs more than
        # the fill on two busy cores (docs/adr/0020-spans-as-block-formats.md).
        os.environ.setdefault("QT_NO_GUI_THREADPOOL", "1")
        super().__init__()
        self.suggester = suggester or ImportProcess()
        self.store: Store | None = None
        self.session: ReviewSession | None = None
        self.items_in_corpus = 0  # a gold's items left to adjudicate, over the corpus
        self._items_shown: tuple[object, ...] | None = None  # what the item panel shows
        self._build()
        self.tools = CorpusTools(self, self)
        app = QApplication.instance()
        assert isinstance(app, QApplication)
        app.focusChanged.connect(self._hint)
        self.menus, self.actions_by_id = build_actions(
            self, self.view, self._handlers(), self.rendered
        )
        self.resize(1280, 800)
        self.tools.restore(self.menus["File"], self.actions_by_id[Act.IMPORT_FILES])

    # -- construction ------------------------------------------------------------------------

    def _build(self) -> None:
        self.articles = ArticleList()
        self.view = ArticleView()
        self.view.say_when_empty(keys_in(NO_CORPUS))
        self.table = AttributionTable()
        self.item_panel = ItemPanel()  # a gold's item being adjudicated, above the table
        self.item_panel.hide()
        side = QSplitter(Qt.Orientation.Vertical)
        side.addWidget(self.item_panel)
        side.addWidget(self.table)
        side.setSizes([220, 580])
        side.setChildrenCollapsible(False)
        split = QSplitter(Qt.Orientation.Horizontal)
        # Only the text stretches: a dock or a narrower window takes width from it (down
        # to a readable column), never from the list's titles or the table's quotes.
        for widget, stretch in ((self.articles, 0), (self.view, 1), (side, 0)):
            split.addWidget(widget)
            split.setStretchFactor(split.count() - 1, stretch)
        split.setSizes([280, 520, 480])
        split.setChildrenCollapsible(False)
        self.setCentralWidget(split)
        self.articles.chosen.connect(self._choose_article)
        self.articles.failed.connect(self.say)
        self.articles.filter.returnPressed.connect(self._filter_done)
        self.table.chosen.connect(self._choose_row)
        self.view.verticalScrollBar().valueChanged.connect(lambda _v: self.paint_spans())
        self.view.resized.connect(self.paint_spans)
        self.hint = QLabel()
        self.hint.setTextFormat(Qt.TextFormat.PlainText)  # (annotator names: as written)
        self.hint.setMinimumWidth(1)  # cut at the right, where the jobs' rows need room
        self.statusBar().addWidget(self.hint, 1)
        self.jobs = JobRunner(self.statusBar())
        self.jobs.done.connect(self.job_done)
        self.jobs.failed.connect(self.job_failed)
        self.jobs.said.connect(self.say)
        self.view.zoom(0)
        self.view.setFocus()

    def _handlers(self) -> dict[Act, Callable[[], object]]:
        """What each action calls: a session verb (``gui/routes.py``), a corpus tool, or a
        step that first reads a widget."""
        handlers: dict[Act, Callable[[], object]] = {
            act: partial(self.do_move, verb) for act, verb in MOVES.items()
        }
        handlers |= {act: partial(self.do_edit, verb) for act, verb in EDITS.items()}
        handlers |= self.tools.handlers()
        articles, view = self.articles, self.view
        return handlers | {
            Act.JUMP: self.ask_jump,
            Act.FIND: self.ask_find,
            Act.NEXT_ARTICLE: lambda: self.do_move(lambda s: s.next_article(+1, articles.search)),
            Act.PREV_ARTICLE: lambda: self.do_move(lambda s: s.next_article(-1, articles.search)),
            Act.DONE_NEXT: lambda: self.do_edit(lambda s: s.done(articles.search)),
            Act.FINISH: lambda: self.do_edit(lambda s: s.done(articles.search, accept_rest=True)),
            Act.EDIT_NAME: self.ask_name,
            Act.PICK_SPEAKER: self.ask_speaker,
            Act.FLAG: lambda: self.do_edit(lambda s: s.flag()),
            Act.COMMENT: lambda: self.ask_comment(article=False),
            Act.FLAG_ARTICLE: lambda: self.do_edit(lambda s: s.flag_article()),
            Act.UNCERTAIN_FIRST: lambda: self.do_move(lambda s: s.uncertain_first()),
            Act.COMMENT_ARTICLE: lambda: self.ask_comment(article=True),
            Act.CURSOR_UP: lambda: self.do_move(lambda s: self.line_move(s, down=False)),
            Act.CURSOR_DOWN: lambda: self.do_move(lambda s: self.line_move(s, down=True)),
            Act.LABEL_QUOTE: lambda: self.label("quote"),
            Act.LABEL_SPEAKER: lambda: self.label("speaker"),
            Act.LABEL_CUE: lambda: self.label("cue"),
            Act.CLEAR_SELECTION: self.clear_selection,
            Act.NEW_CORPUS: lambda: self.open_asked(dialogs.ask_new_corpus(self), new=True),
            Act.OPEN_CORPUS: lambda: self.open_asked(dialogs.ask_corpus(self)),
            Act.IMPORT_FILES: lambda: self.import_paths(dialogs.ask_files(self)),
            Act.IMPORT_FOLDER: lambda: self.import_paths(dialogs.ask_folder(self)),
            Act.IMPORT_SAMPLE: lambda: self.import_paths([sample_article_path()]),
            Act.CANCEL_JOB: self.jobs.cancel,
            Act.QUIT: self.close,
            Act.FILTER: articles.focus_filter,
            Act.TEXT_BIGGER: lambda: view.zoom(+1),
            Act.TEXT_SMALLER: lambda: view.zoom(-1),
            Act.TEXT_RESET: lambda: view.zoom(None),
            Act.HELP: self.show_help,
            Act.CURATE: self.tools.ask_curate,
        }

    # -- corpus and articles ---------------------------------------------------------------------

    def open_corpus(self, path: Path, read_only: bool = False) -> bool:
        try:
            store = Store(path, read_only=read_only)
        except CorpusError as exc:
            self.error("Cannot open corpus", str(exc))
            return False
        if self.store is not None:
            self.tools.remember_place()
            self.store.close()
        self.store, self.session = store, ReviewSession(store)
        self.view.say_when_empty(keys_in(PLACEHOLDER))
        self.jobs.generation += 1  # results of jobs for the previous corpus are dropped
        whose = f" (annotator {store.assigned})" if store.assigned else ""
        self.setWindowTitle(f"QuoteLab \u2014 {path}{whose}" + ("  [read-only]" * store.read_only))
        self.articles.show_corpus(store)
        last, at = self.tools.place_in(path)
        first = self._first_article(last)
        if first is None:
            self.route(self.session.close())
        else:
            self.route(self.session.open(first, at if first == last else None))
        if store.read_only:
            self.error(
                "Read-only corpus",
                f"{path} is read-only: you can read and export, but edits will not be saved.",
            )
        self.opened.emit(path)
        return True

    def open_asked(self, path: Path | None, new: bool = False) -> None:
        """Open (or, ``new``, create) the corpus a dialog asked for, if any."""
        if path is not None and new and path.exists():
            self.error(
                "New corpus", keys_in(f"{path} already exists; open it with {{open_corpus}}.")
            )
        elif path is not None:
            self.open_corpus(path)

    def open_article(self, article_id: int) -> None:
        self.do_move(lambda s: s.open(article_id))

    def _first_article(self, last: int | None) -> int | None:
        """The article to open: the one last open, else the first to do, else the first
        (index seeks, whatever the corpus size)."""
        store = self.store
        if store is None:
            return None
        if last is not None and last not in store.damaged_ids:
            try:
                store.status(last)
                return last
            except CorpusError:
                pass
        first = store.neighbour(0, +1, todo_only=True) or store.neighbour(0, +1)
        return first if first not in store.damaged_ids else None

    def _choose_article(self, article_id: int) -> None:
        """An article clicked in the list: opened, the keys with it (where the filter box
        had them, letters would filter instead of review)."""
        self.open_article(article_id)
        self.back()

    def _choose_row(self, row: int) -> None:
        self.do_move(lambda s: s.choose(row))
        self.back()

    def _filter_done(self) -> None:
        first = self.articles.first_id()
        if first is not None:
            self.open_article(first)
        self.back()

    # -- routing keys to the session -----------------------------------------------------------

    def do_move(self, verb: Move) -> None:
        if self.session is not None:
            self.route(verb(self.session))

    def do_edit(self, verb: Edit) -> None:
        s = self.session
        if s is None or s.article is None:
            return
        outcome = verb(s)
        if isinstance(outcome, str):
            self.say(keys_in(outcome))
        else:
            self.route(s.apply(outcome))

    def line_move(self, s: ReviewSession, down: bool) -> Delta:
        at = s.cursor_span()
        return s.cursor_to(self.view.line_neighbour(at.start, down)) if at else Delta()

    def label(self, kind: str) -> None:
        mouse = self.view.mouse_selection()
        self.do_edit(lambda s: s.label(kind, Span(*mouse) if mouse else None))
        self.view.clear_mouse_selection()

    def clear_selection(self) -> None:
        if self.articles.filter.hasFocus():
            self.view.setFocus()
            return
        self.view.clear_mouse_selection()
        self.do_move(lambda s: s.clear_selection())

    def ask_name(self) -> None:
        s = self.session
        a = s.current if s else None
        if s is None or a is None:
            return
        names = s.names_to_offer(self.tools.speaker_names())
        name = dialogs.ask_speaker_name(self, a.speaker_name or "", names)
        self.back()
        if name is not None:
            self.do_edit(lambda s: s.rename(name))

    def ask_speaker(self) -> None:
        """The quote's candidate speakers, numbered as ``M`` meets them: a digit takes one
        (ADR 89)."""
        s = self.session
        if s is None or s.current is None:
            return
        rows = s.speaker_rows()
        if not rows:
            self.do_edit(lambda s: s.pick_speaker(1))  # (says why there are none)
            return
        n = dialogs.ask_numbered(self, "Speaker", rows)
        self.back()
        if n is not None:
            self.do_edit(lambda s: s.pick_speaker(n + 1))

    def ask_comment(self, *, article: bool) -> None:
        """A comment for the flag of the current attribution or of the article (typed
        text: the session makes it one bounded line, the views show it as plain text)."""
        s = self.session
        if s is None:
            return
        held = s.article if article else s.current
        if held is None:
            return
        what = "the article" if article else "the attribution"
        comment = dialogs.ask_name(
            self, f"Flag {what}", "Why unsure (one line, for the curator):", held.comment, []
        )
        self.back()
        if comment is not None:
            self.do_edit(lambda s: s.flag_article(comment) if article else s.comment(comment))

    def show_help(self) -> None:
        dialogs.show_help(self)
        self.back()

    def ask_jump(self) -> None:
        s = self.session
        if s is None or not s.attrs:
            return
        n = dialogs.ask_number(self, (s.index or 0) + 1, len(s.attrs))
        self.back()
        if n is not None:
            self.do_move(lambda s: s.jump(n))

    def ask_find(self) -> None:
        s = self.session
        if s is None or s.article is None:
            return
        needle = dialogs.ask_name(
            self, "Find in the article", "Token cursor to the next place of:", s.sought, []
        )
        self.back()
        if needle is not None:
            self.do_move(lambda s: s.find(needle))

    # -- drawing -------------------------------------------------------------------------------

    def route(self, d: Delta) -> None:
        """Route a view delta to the widgets."""
        s = self.session
        art = s.article if s else None
        if d.error:
            self.error("The change was not saved", d.error)
        if d.article:
            self.view.show_text(art)
        for line in d.earlier:
            self.articles.update_row(line)
        if d.article and d.summary is not None:
            self.articles.opened(d.summary, changed=d.statuses and not d.earlier)
        elif d.summary is not None:
            self.articles.update_row(d.summary)
        elif d.article:
            self.articles.select(None)
        if d.reveal is not None:
            with QSignalBlocker(self.view.verticalScrollBar()):  # painted once, below
                self.view.reveal(d.reveal)
        if s is not None and art is not None:
            if d.article or d.rows or d.reorder or d.items:
                self.table.attributions.made = self.made_by(art.id)
            row = None if s.adjudicating else s.index  # (the item is current, not a row)
            self.table.refresh(art.text, s.attrs, row, d.rows, rebuild=d.article or d.reorder)
        elif d.article:
            self.table.refresh("", [], None, frozenset(), rebuild=True)
        self.show_items(recount=d.items)
        self.paint_spans()
        self._hint()
        if d.message:
            self.say(keys_in(d.message))
        elif d.error:  # where the user looks: never the last "Saved: ..." left standing
            self.say(d.error)
        self.routed.emit(d)

    def show_items(self, recount: bool = True) -> None:
        """A gold's item being adjudicated (its versions), how many are left, and which of
        the actions sharing a key acts now (gui/keymap.py SHARED)."""
        s, store = self.session, self.store
        gold = s is not None and store is not None and bool(s.annotators)
        self.item_panel.setVisible(gold)
        adjudicating = s is not None and s.adjudicating
        for take, other in SHARED.items():
            self.actions_by_id[take].setEnabled(adjudicating)
            self.actions_by_id[other].setEnabled(not adjudicating)
        if not gold or s is None or store is None:
            return
        if recount:
            self.items_in_corpus = curation.item_counts(store)[Outcome.OPEN]
        item = s.current_item if s.items_left else None
        shown = (s.article.id if s.article else None, item, self.items_left())
        if shown != self._items_shown:  # (a key that moves only the cursor redraws none)
            self._items_shown = shown
            text = s.article.text if s.article is not None else ""
            self.item_panel.show_item(text, item, s.annotators, shown[2])

    def made_by(self, article_id: int | None) -> dict[int, str] | None:
        """In a gold corpus, where each of the article's attributions came from, for the
        table: agreed, the annotator whose version was taken, or the curator's (None in
        another corpus)."""
        s, store = self.session, self.store
        if s is None or store is None or article_id is None or not s.annotators:
            return None
        out = {}
        for attr_id, p in curation.provenance(store, article_id).items():
            who = "agreed" if p.how == "agreed" else ", ".join(p.annotators) or p.how
            out[attr_id] = who + " (edited)" * p.edited
        return out

    def items_left(self) -> str:
        """How many items are left to adjudicate, here and over the corpus."""
        s = self.session
        left = s.items_left if s is not None else 0
        here = f"{left} item{'s' if left != 1 else ''} left in this article"
        return f"{here}, {self.items_in_corpus} in the corpus"

    def paint_spans(self) -> None:
        self.view.paint_session(self.session)

    def _hint(self, *_focus: object) -> None:
        """The keys that act now, under the window: the review's, or, while a box or the
        speakers panel has the keyboard, those that act there."""
        s = self.session
        focus = self.focusWidget()
        if focus is self.articles.filter:
            text = HINT_FILTERING
        elif focus is not None and self.tools.dock.isAncestorOf(focus):
            text = HINT_SPEAKERS
        elif self.store is None:  # (importing needs a corpus too)
            text = HINT_NO_CORPUS
        elif s is None or s.article is None:
            text = HINT_NO_ARTICLE
        elif s.anchor is not None:
            text = HINT_SELECTING
        elif s.adjudicating:
            text = HINT_ADJUDICATING
        else:
            text = HINT_ITEMS_LEFT + HINT_REVIEWING if s.items_left else HINT_REVIEWING
        versions = ", ".join(f"{a.number} {a.name}" for a in s.annotators) if s else ""
        self.hint.setText(
            keys_in(
                text,
                target=s.target.upper() if s else "",
                left=self.items_left(),
                versions=versions,
            )
        )

    def say(self, message: str) -> None:
        self.statusBar().showMessage(message, 6000)

    def error(self, title: str, message: str) -> None:
        dialogs.error(self, title, message)

    def job_failed(self, label: str, message: str) -> None:
        """A background job that failed (an export to a full disk): said in the status
        bar too, in place of whatever was said before, and in a dialog."""
        self.say(f"{label} failed: {message}")
        self.error(label, message)

    def back(self, _after: object = None) -> None:
        """Keys go to the article again (also where no window manager re-activates us)."""
        self.activateWindow()
        self.view.setFocus()

    # -- background jobs -------------------------------------------------------------------------

    def import_paths(
        self, paths: list[Path] | Path | None, suggest: bool = True
    ) -> workers.Job | None:
        paths = [paths] if isinstance(paths, Path) else paths
        if self.store is None or not paths:
            return None
        if self.store.read_only:
            self.error("Read-only corpus", "This corpus is read-only: nothing can be imported.")
            return None

        def imported(report: object) -> None:
            assert isinstance(report, ImportReport)
            self.articles.show_corpus(self.store)
            if self.store is not None:
                self.store.changed_elsewhere()  # our own import, taken in here
            if report.changed and self.session is not None:  # annotations applied: undoable
                self.session.stack.adopt(r.decision for r in report.changed if r.decision)
                shown = self.session.article.id if self.session.article else None
                if shown in {r.article_id for r in report.changed}:
                    self.open_article(shown)  # (as it is now)
            if report.imported and self.session and self.session.article is None:
                self.open_article(report.imported[0])
            lines = report.lines()
            # the status bar too: what came in, and the last problem (why it stopped)
            self.say("; ".join(lines if report.complete else [lines[0], lines[-1]]))
            if not report.complete:
                self.error("Import", "\n".join(lines))

        fn = workers.import_files(self.store.path, paths, self.suggester, suggest)
        return self.jobs.start("Importing", fn, imported)

    def offer_sample(self) -> QMessageBox:
        return dialogs.offer_sample(
            self, lambda: self.back(self.import_paths([sample_article_path()])), self.back
        )

    def resizeEvent(self, event: QResizeEvent) -> None:
        """The text keeps a readable column: a quarter of the window (at least 280
        pixels); past that, a dock takes its width from the list and the table."""
        self.view.setMinimumWidth(max(280, event.size().width() // 4))
        super().resizeEvent(event)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.ActivationChange and self.isActiveWindow():
            self.take_in_changes()

    def take_in_changes(self) -> None:
        """Back in this window: show what another window or process saved meanwhile
        (while a job of ours runs, its own result redraws when it ends)."""
        if self.store is not None and self.session is not None and not self.jobs.jobs:
            d = self.session.refresh()
            if d.statuses:  # something changed
                self.articles.show_corpus(self.store)
                self.route(d)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.tools.save()
        self.jobs.stop()
        self.articles.show_corpus(None)  # nothing more is read from it
        if self.store is not None:
            self.store.close()
            self.store = None
        event.accept()
