"""What the window offers around review, wired to it from outside so the window stays
the review loop: the Report window, the speakers dock (jump to a speaker's quotes;
rename or merge as one command on the session's undo stack), export in any format,
Save a copy, recent corpora and what is remembered between sessions
(``gui/settings.py``). Each slow step is a background job; no SQL here."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QObject, Qt, QTimer, SignalInstance
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDockWidget, QMainWindow, QMenu

from core.corpus import learning, queries
from core.corpus.errors import CorpusError
from core.corpus.store import Store
from core.formats.export import ExportReport
from core.formats.import_process import ImportProcess
from core.measure.curate import Curated
from core.model import Speaker
from core.review import speaker_edit
from core.review.commands import Command
from core.review.session import Delta, Pending, ReviewSession
from core.review.tagger_switch import TaggerSwitch, tagger_switch, use_tagger
from core.suggest import Suggester
from core.suggest.duplicates import Duplicate
from gui import dialogs, settings, workers
from gui.article_view import ArticleView
from gui.jobs import JobRunner
from gui.keymap import BY_ID, Act
from gui.keymap import fill as keys_in
from gui.speakers_panel import SpeakersPanel

if TYPE_CHECKING:
    from gui.report_window import ReportWindow  # (imported when first shown: pygal, QtSvg)


DOCK_WIDTH = 260  # pixels: the speakers dock when first shown (the text gives it up)
#: The place in the corpus is written this long after the last move (and at close): a
#: settings file written on every move cost more than the move (docs/adr/0030).
PLACE_DELAY_MS = 1500
#: The label of the job that refits what the suggestions learn (docs/adr/0036).
LEARNING = "Learning from the decisions"
#: The label of the job that trains a tagger on the done articles (docs/adr/0041).
TRAINING = "Training suggestions from the done articles"


class Review(Protocol):
    """What the tools use of the review window (gui/main_window.py): its corpus and
    session, its text, its jobs, where to say things and where a view delta is drawn."""

    @property
    def store(self) -> Store | None: ...
    @property
    def session(self) -> ReviewSession | None: ...
    @property
    def view(self) -> ArticleView: ...
    @property
    def jobs(self) -> JobRunner: ...
    @property
    def suggester(self) -> Suggester | ImportProcess: ...  # (its pipeline's name)
    @property
    def actions_by_id(self) -> dict[Act, QAction]: ...  # (the switches show their state)
    @property
    def opened(self) -> SignalInstance: ...  # (path): a corpus was opened
    @property
    def routed(self) -> SignalInstance: ...  # (delta): a view delta was drawn

    def route(self, d: Delta) -> None: ...
    def say(self, message: str) -> None: ...
    def error(self, title: str, message: str) -> None: ...
    def back(self, _after: object = None) -> None: ...
    def open_corpus(self, path: Path, read_only: bool = False) -> bool: ...


class CorpusTools(QObject):
    """``window``: where the dock, dialogs and the window's geometry are; ``review``:
    the same window as the review loop it serves."""

    def __init__(self, window: QMainWindow, review: Review) -> None:
        super().__init__(window)
        self.frame = window
        self.w = review
        self.report: ReportWindow | None = None
        self.speakers = SpeakersPanel()
        self.dock = QDockWidget("Speakers", window)
        self.dock.setObjectName("speakers")  # (saveState finds it by name)
        self.dock.setWidget(self.speakers)
        window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.dock)
        self.dock.hide()
        self._dock_sized = False  # (a restored layout keeps its own width)
        self.dock.visibilityChanged.connect(self.refresh_speakers)
        self.speakers.chosen.connect(self.show_speaker)
        self.speakers.rename_requested.connect(self.rename_speakers)
        self.speakers.known = self.speaker_names  # (F2 completes as E does)
        self.speakers.describe_requested.connect(self.describe_speaker)
        self.speakers.merge_requested.connect(self.merge_pair)
        self.speakers.dismiss_requested.connect(self.dismiss_pair)
        self.speakers.rename_button.setToolTip(
            keys_in("Give the selected speakers one name, across the corpus ({rename_speakers})")
        )
        self.speakers.describe_button.setToolTip(
            keys_in("Set the selected speaker's kind and external id ({describe_speaker})")
        )
        self.speakers.merge_button.setToolTip(
            keys_in("Merge the chosen pair into the first name ({merge_candidate})")
        )
        self.speakers.dismiss_button.setToolTip(
            keys_in(
                "The chosen pair are two speakers: do not list them again ({dismiss_candidate})"
            )
        )
        # Counts follow edits, once per burst of keys, and only while the dock is shown.
        self._recount = QTimer(self, singleShot=True, interval=150)
        self._recount.timeout.connect(self.refresh_speakers)
        self._place_key = ""  # the open corpus's settings key (settings.place_key)
        self._placed: tuple[str, int, int | None] | None = None  # the place last written
        self._remember = QTimer(self, singleShot=True, interval=PLACE_DELAY_MS)
        self._remember.timeout.connect(self.remember_place)
        # What the suggestions learn is refitted once the keys pause after D.
        self._refit = QTimer(self, singleShot=True, interval=PLACE_DELAY_MS)
        self._refit.timeout.connect(self.learn)
        self.recent = QMenu("Open &recent")
        self.recent.aboutToShow.connect(self.fill_recent)
        review.opened.connect(self._opened)
        review.routed.connect(self._routed)

    def handlers(self) -> dict[Act, Callable[[], object]]:
        return {
            Act.EXPORT: self.ask_export,
            Act.SAVE_COPY: self.ask_copy,
            Act.CHECK: self.check,
            Act.REPORT: self.show_report,
            Act.SPEAKERS: self.toggle_speakers,
            Act.RENAME_SPEAKERS: self.ask_rename,
            Act.DESCRIBE_SPEAKER: self.ask_describe,
            Act.MERGE_CANDIDATE: lambda: self._on_pair(self.merge_pair),
            Act.DISMISS_CANDIDATE: lambda: self._on_pair(self.dismiss_pair),
            Act.IMPORT_SPEAKERS: self.ask_import_speakers,
            Act.EXPORT_SPEAKERS: self.ask_export_speakers,
            Act.TRAIN: self.ask_train,
            Act.USE_TAGGER: self.switch_tagger,
            Act.USE_LEARNING: self.switch_learning,
        }

    def restore(self, file_menu: QMenu, before: QAction) -> None:
        """Once the menus are built: recent corpora in the File menu (``before`` an
        action of it), and the window's last geometry and docks."""
        file_menu.insertMenu(before, self.recent)
        file_menu.aboutToShow.connect(self.show_switches)  # (another process may switch)
        self.show_switches()
        saved = settings.window_state()
        if saved is not None:
            self.frame.restoreGeometry(saved[0])
            self._dock_sized = self.frame.restoreState(saved[1])

    def save(self) -> None:
        """When the window closes: remember its geometry and docks, and the attribution
        it was at (a restart opens the article there, not at its first)."""
        settings.save_window_state(self.frame.saveGeometry(), self.frame.saveState())
        self.remember_place()
        if self.report is not None:
            self.report.close()

    def learn(self) -> None:
        """Refit what the suggestions learn from the corpus's decisions, in a process of
        its own (its cost grows with the articles done: docs/adr/0036), as a job the
        status bar shows and Cancel stops; one at a time (a D meanwhile refits again
        once it is over)."""
        store = self.w.store
        if store is None or not learning.learning_on(store):  # (switched off: nothing kept)
            return
        if any(job.label == LEARNING for job in self.w.jobs.jobs):
            self._refit.start()
            return
        from core.review.learning import refit_apart  # (numpy: not at the app's start)

        path = store.path
        self.w.jobs.start(
            LEARNING, lambda _progress, cancelled: refit_apart(path, cancelled), apart=True
        )

    def ask_train(self) -> None:
        """Train a tagger on the done articles (docs/adr/0041) in a process of its own,
        as a job with progress that Cancel stops; once trained, its figures, and whether
        to suggest with it from now on."""
        store = self.w.store
        if store is None:
            return
        if any(job.label == TRAINING for job in self.w.jobs.jobs):
            self.w.say(f"{TRAINING}: already running.")
            return
        done = queries.article_total(store, done_only=True)
        dialogs.ask_train(self.frame, done, self._train, self.w.back)

    def _train(self) -> None:
        from core.measure.training import train_apart  # (spaCy's training: when asked)

        store = self.w.store
        assert store is not None
        path, model = store.path, self.w.suggester.model
        self.w.jobs.start(
            TRAINING,
            lambda progress, cancelled: train_apart(
                path, model, progress=progress, cancelled=cancelled
            ),
            self._trained,
            apart=True,
        )

    def _trained(self, figures: object) -> None:
        store = self.w.store
        if figures is None or store is None:  # cancelled, or another corpus is open
            return
        try:  # (training keeps it on when it beat the rules: here, on only on a Yes)
            switch = use_tagger(store, self.w.suggester.model, False)
        except CorpusError as exc:
            self.w.error("Suggestions trained", str(exc))
            return
        finally:
            self.show_switches()
        self._ask_tagger("Suggestions trained", switch)

    # -- switches: what the suggestions are made with ------------------------------------

    def show_switches(self) -> None:
        """The switches' menu entries as the corpus has them: checked when on; disabled,
        with the reason in their text, when they cannot be switched (no tagger usable)."""
        store = self.w.store
        tagger = tagger_switch(store, self.w.suggester.model) if store is not None else None
        why = "no corpus open" if store is None else None
        why = "the corpus is read-only" if store is not None and store.read_only else why
        self._show_switch(
            Act.USE_TAGGER,
            tagger is not None and tagger.on,
            # (one switched on but unusable may still be switched off)
            why if tagger is None or tagger.on else tagger.why_not,
        )
        self._show_switch(Act.USE_LEARNING, store is not None and learning.learning_on(store), why)

    def _show_switch(self, act: Act, on: bool, why_not: str | None) -> None:
        action = self.w.actions_by_id[act]
        action.setChecked(on)
        action.setEnabled(why_not is None)
        text = BY_ID[act].text + (f" ({keys_in(why_not)})" if why_not else "")
        action.setText(text)
        action.setToolTip(text)
        action.setStatusTip(text)

    def switch_tagger(self) -> None:
        """On: the tagger's figures, what switching it on changes, and on only on Yes.
        Off: at once, one step."""
        store = self.w.store
        if store is None:
            return
        switch = tagger_switch(store, self.w.suggester.model)
        self.show_switches()  # (the trigger checked it: it stays off until the answer)
        if switch.on:
            self._use_tagger(False)
        elif switch.why_not is not None:
            self.w.say(f"The tagger cannot be switched on: {keys_in(switch.why_not)}.")
        else:
            self._ask_tagger("Suggest with the trained tagger", switch)

    def _ask_tagger(self, title: str, switch: TaggerSwitch) -> None:
        """The tagger's figures and whether to suggest with it (its switch, on a Yes)."""
        from core.measure.training import Figures  # (numpy: not at the app's start)

        kept = switch.kept
        if kept is None:
            return
        try:
            figures = Figures.from_json(kept.figures)
        except ValueError as exc:
            self.w.error(title, f"The tagger's figures do not read ({exc}): it stays off.")
            return
        at = kept.at[:16].replace("T", " ")
        first, *lines = figures.lines()
        lines = [f"The corpus's tagger, made {at} UTC, was {first}", *lines]
        since = switch.done - figures.trained - figures.held
        if since > 0:
            lines.append(
                keys_in(f"{since} article(s) were marked done since: {{train}} trains on them all.")
            )
        dialogs.ask_use_tagger(self.frame, title, "\n".join(lines), self._use_tagger, self.w.back)

    def _use_tagger(self, on: bool) -> None:
        store = self.w.store
        if store is None:
            return
        try:
            use_tagger(store, self.w.suggester.model, on)
        except (ValueError, CorpusError) as exc:
            self.w.error("Suggest with the trained tagger", keys_in(str(exc)))
            return
        finally:
            self.show_switches()
        self.w.say(
            keys_in(
                "Articles imported from now on are suggested with the trained tagger beside "
                "the rules; those in the corpus keep their suggestions ({use_tagger}: off)."
                if on
                else "The trained tagger is off: articles imported from now on are suggested "
                "without it ({use_tagger}: on again, its figures first)."
            )
        )

    def switch_learning(self) -> None:
        """Learning from the decisions (docs/adr/0036) on or off, one step each; on again,
        a refit at once (nothing was learned while it was off)."""
        store = self.w.store
        if store is None:
            return
        on = not learning.learning_on(store)
        try:
            learning.set_learning(store, on)
        except CorpusError as exc:
            self.w.error("Learn from the decisions", str(exc))
            return
        finally:
            self.show_switches()
        if on:
            self.learn()
        self.w.say(
            keys_in(
                "Suggestions learn from the decisions again: refitting on the articles done; "
                "articles imported from now on use what is learned ({use_learning}: off)."
                if on
                else "Suggestions no longer learn from the decisions: nothing is learned when "
                "an article is marked done, and articles imported from now on are suggested "
                "without what was learned ({use_learning}: on again)."
            )
        )

    # -- memory ---------------------------------------------------------------------------

    def place_in(self, path: Path) -> tuple[int | None, int | None]:
        """Where the corpus at ``path``, being opened, was left (its article and
        attribution); its place is remembered from now on (the last one's first)."""
        self._place_key = settings.place_key(path)
        return settings.last_place(self._place_key)

    def remember_place(self) -> None:
        """Remember the article open in the corpus, and the attribution current in it
        (the file is written only when they changed)."""
        self._remember.stop()
        s = self.w.session
        if s is None or s.article is None or s.article.id is None or not self._place_key:
            return
        place = (self._place_key, s.article.id, s.current.id if s.current else None)
        if place != self._placed:
            settings.set_last_place(*place)
            self._placed = place

    def _opened(self, path: Path) -> None:
        settings.add_recent(path)
        self.show_switches()
        if self.report is not None:  # it shows another corpus
            self.report.close()
            self.report.deleteLater()
            self.report = None
        self.refresh_speakers()

    def _routed(self, d: Delta) -> None:
        self._remember.start()  # once the moves pause
        if d.learn:
            self._refit.start()
        if d.rows or d.reorder or d.statuses:
            self._recount.start()

    def fill_recent(self) -> None:
        self.recent.clear()
        current = self.w.store.path.resolve() if self.w.store else None
        for path in settings.recent_corpora():
            action = self.recent.addAction(str(path))
            action.setEnabled(path != current)
            action.triggered.connect(lambda _c=False, p=path: self.w.open_corpus(p))
        if self.recent.isEmpty():
            self.recent.addAction("(none yet)").setEnabled(False)

    # -- the speakers dock ----------------------------------------------------------------

    def toggle_speakers(self) -> None:
        if self.dock.isVisible() and self.dock.isAncestorOf(self.frame.focusWidget()):
            self.dock.hide()
            self.w.view.setFocus()
            return
        self.dock.show()
        self.dock.raise_()
        if not self._dock_sized:  # narrow: the article list and text keep their room
            self._dock_sized = True
            self.frame.resizeDocks([self.dock], [DOCK_WIDTH], Qt.Orientation.Horizontal)
        self.speakers.filter.setFocus()  # letters typed now filter, never review
        self.speakers.filter.selectAll()

    def ask_rename(self) -> None:
        """F2: rename or merge the speakers selected in the panel; with none selected,
        the panel, and how to select them."""
        if self.dock.isVisible() and self.speakers.selected_names():
            self.speakers.ask_rename()
            return
        if not self.dock.isVisible():
            self.toggle_speakers()
        self.w.say(
            keys_in(
                "Select the speakers to rename or merge (Down goes from the filter into the "
                "list, Shift with Down adds the next one), then {rename_speakers}."
            )
        )

    def refresh_speakers(self, _shown: bool = True) -> None:
        if self.dock.isVisible():
            store = self.w.store
            self.speakers.set_speakers(queries.speaker_counts(store) if store else [])
            self.speakers.set_candidates(speaker_edit.merge_candidates(store) if store else [])

    def speaker_names(self) -> list[str]:
        """The corpus's speaker names, most quoted first, then the known speakers no
        quote has yet (an imported list's), by name: what a typed name completes from (E,
        and the rename or merge box, F2); the one place that asks for them."""
        store = self.w.store
        if store is None:
            return []
        quoted = [s.name for s, _ in queries.speaker_counts(store)]
        known = sorted({s.name for s in queries.known_speakers(store)} - set(quoted))
        return quoted + known

    def show_speaker(self, name: str) -> None:
        """Open the speaker's first quote; chosen again, the next one (around)."""
        s, store = self.w.session, self.w.store
        if s is None or store is None:
            return
        quotes = queries.quotes_of(store, name)
        if not quotes:
            self.w.say(f"No quotes of {name} are left.")
            return
        ids = [attr for _, attr in quotes]
        here = s.current.id if s.current else None
        i = (ids.index(here) + 1) % len(ids) if here in ids else 0
        self.w.route(s.open(quotes[i][0], quotes[i][1]))
        self.w.say(f"{name}: quote {i + 1} of {len(ids)} (choose the name again for the next).")
        self.w.view.setFocus()

    def rename_speakers(self, names: list[str], new: str) -> None:
        """Rename (or merge) speakers across the corpus: one command, applied by the
        session, so the undo key takes it back in one step, also after a restart."""
        store = self.w.store
        if store is not None:
            self._apply(speaker_edit.merge(store, names, new), "Nothing to rename.")

    def ask_describe(self) -> None:
        """The kind and external id of the speaker selected in the panel (a key)."""
        if self.dock.isVisible() and len(self.speakers.selected_names()) == 1:
            self.speakers.ask_describe()
            return
        if not self.dock.isVisible():
            self.toggle_speakers()
        self.w.say(keys_in("Select one speaker in the panel, then {describe_speaker}."))

    def describe_speaker(self, name: str) -> None:
        store = self.w.store
        found = queries.speakers_named(store, [name]) if store else []
        answer = dialogs.ask_speaker_identity(self.frame, found[0]) if found else None
        self.w.back()
        if store is not None and answer is not None:
            kind, external_id = answer
            self._apply(speaker_edit.describe(store, name, kind, external_id), "Nothing changed.")

    def _on_pair(self, act: Callable[[Duplicate], None]) -> None:
        """A key for the likely duplicates: on the pair chosen in the panel (else the
        first), the panel shown first if it was not."""
        pair = self.speakers.candidate() if self.dock.isVisible() else None
        if pair is None:
            if not self.dock.isVisible():
                self.toggle_speakers()
            self.w.say("No likely duplicate speakers to merge or dismiss.")
            return
        act(pair)

    def merge_pair(self, pair: Duplicate) -> None:
        store = self.w.store
        if store is not None:
            self._apply(speaker_edit.merge_pair(store, pair), "Nothing to merge.")

    def dismiss_pair(self, pair: Duplicate) -> None:
        store = self.w.store
        if store is not None:
            self._apply(speaker_edit.dismiss(store, pair.into, pair.other), "Dismissed already.")

    def _apply(self, cmd: Command | None, nothing: str) -> None:
        """A command over the corpus's speakers, applied by the session (one undo step);
        the view stays where the reviewer was."""
        s = self.w.session
        if s is None or cmd is None:
            self.w.say(nothing)
            return
        delta = s.apply(Pending(cmd))
        self.w.route(delta)
        if not delta.error:
            self.refresh_speakers()
            self.w.say(f"Saved: {cmd.label}. " + keys_in("{undo} undoes it."))

    def ask_import_speakers(self) -> None:
        """Read a known speakers list in the background, then add it as one command (a
        list with a bad line is refused whole, each bad line named in the dialog)."""
        store = self.w.store
        path = dialogs.ask_speakers_list(self.frame) if store else None
        self.w.back()
        if path is None:
            return

        def read(listed: list[Speaker]) -> None:
            store = self.w.store
            if store is not None:
                command = speaker_edit.import_known(store, listed, path.name)
                self._apply(command, f"The corpus knew every speaker of {path.name} already.")

        self.w.jobs.start("Reading the speakers list", workers.read_speakers_list(path), read)

    def ask_export_speakers(self) -> None:
        store = self.w.store
        out = dialogs.ask_speakers_out(self.frame, store.path) if store else None
        self.w.back()
        if store is None or out is None:
            return
        self.w.jobs.start(
            "Exporting the speakers",
            workers.export_speakers(store.path, out),
            lambda n: self.w.say(f"Wrote {n} known speaker(s) to {out}."),
        )

    # -- report, export, copy ---------------------------------------------------------------

    def show_report(self) -> ReportWindow | None:
        store = self.w.store
        if store is None:
            return None
        if self.report is None:
            from gui.report_window import ReportWindow  # pygal and QtSvg: when first shown

            self.report = ReportWindow(store.path, parent=self.frame)
            self.report.closed.connect(self.w.back)  # the keys go to the review again
            self.report.show_beside(self.frame)
        else:
            self.report.refresh()
        self.report.show()
        self.report.raise_()
        self.report.activateWindow()
        return self.report

    def ask_export(self) -> None:
        store = self.w.store
        choice = dialogs.ask_export(self.frame, store.path) if store else None
        self.w.back()
        if choice is not None:
            self.export_to(choice)

    def export_to(self, choice: dialogs.ExportChoice) -> workers.Job | None:
        store = self.w.store
        if store is None:
            return None
        fn = workers.export_file(
            store.path,
            choice.path,
            choice.fmt,
            choice.done_only,
            choice.accepted_only,
            choice.tokens,
        )

        def written(report: ExportReport) -> None:
            line = report.line()  # (str.capitalize would lower the path's capitals)
            self.w.say(line[:1].upper() + line[1:] + ".")

        return self.w.jobs.start("Exporting", fn, written)

    def ask_copy(self) -> None:
        store = self.w.store
        out = dialogs.ask_copy(self.frame, store.path) if store else None
        self.w.back()
        if out is not None:
            self.save_copy(out)

    def ask_curate(self) -> None:
        """File > Curate: the annotators' corpora and the gold to write, asked."""
        asked = dialogs.ask_curate(self.frame)
        self.w.back()
        if asked is not None:
            self.curate(*asked)

    def curate(self, sources: list[Path], out: Path) -> workers.Job:
        """Merge annotators' corpora into the gold ``out`` in the background (progress
        and Cancel in the status bar), then open the gold."""

        def merged(result: Curated) -> None:
            if self.w.open_corpus(Path(result.out)):
                self.w.say("Curated: " + "; ".join(result.lines()) + ".")

        job = workers.curate_files(sources, out)
        return self.w.jobs.start("Curating", job, merged, corpus_bound=False)

    def check(self) -> workers.Job | None:
        """The full check (SQLite's and every row's) in the background: a file someone
        sent is checked only this deep after an unclean shutdown or when asked."""
        store = self.w.store
        if store is None:
            return None

        def checked(damage: list[str]) -> None:
            if not damage:
                self.w.say(f"Checked {store.path}: no damage found.")
                return
            self.w.error(
                "Corpus check",
                f"{store.path}: {len(damage)} damaged row(s); their articles are left out "
                "of the list and the exports:\n\n" + "\n".join(damage),
            )

        return self.w.jobs.start("Checking the corpus", workers.check(store.path), checked)

    def save_copy(self, out: Path) -> workers.Job | None:
        """Copy the corpus to ``out`` in the background (SQLite's backup: nothing still
        in the ``-wal`` is lost)."""
        store = self.w.store
        if store is None:
            return None
        return self.w.jobs.start(
            "Saving a copy",
            workers.backup(store.path, out),
            lambda _out: self.w.say(f"Saved a copy of the corpus as {out}."),
        )
