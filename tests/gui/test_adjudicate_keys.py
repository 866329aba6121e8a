"""Adjudicating a gold corpus by keys on the real window (issue 22 item 4; docs/adr/0037):
each annotator's version drawn in its colour and named in the item's table, 1..9 take a
version, 0 rejects all, J/K move between items, Ctrl+N takes N's version wherever only N
marked, each undone in one step; the article is done when no item is left; and File >
Curate runs the merge as a job, then opens the gold."""

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QTextCharFormat

from core.corpus import curation
from core.corpus.curation import Outcome
from core.corpus.store import Store
from core.measure.curate import curate
from core.model import QuoteType, Status
from core.review import commands as cmd
from gui import dialogs
from gui.article_view import ANNOTATOR_COLOURS
from gui.keymap import Act
from tests.core.curation_data import apply, decide, find, handouts, reject, rename
from tests.gui.conftest import Blocker, press
from tests.review_data import sp

NAMES = ("ana", "ben", "cy")


def _ben(s, art):
    reject(s, art, "We have no money")  # a missed quote
    rename(s, art, "the plan was too", "Experts")  # another speaker


def _cy(s, art):
    bridge = find(s, art, "We will build")  # a moved boundary: "We will build the"
    apply(s, cmd.move_edge(s, bridge, "quote", "end", -1))
    text = s.article(art).text
    extra = cmd.new_manual(sp(text, "taxes would rise"), QuoteType.INDIRECT)
    apply(s, cmd.add(s, art, extra))  # an extra quote only cy marked


def make_gold(tmp_path):
    """Three annotators over the review tests' two articles, every article to each.
    In each article ana accepted every suggestion, ben and cy differ as above: four
    items (the bridge, the critics, the money, cy's extra), "In fact" agreed."""
    files = handouts(tmp_path, NAMES)
    decide(files["ana"])
    decide(files["ben"], _ben)
    decide(files["cy"], _cy)
    out = tmp_path / "gold.qlab"
    curate([files[n] for n in NAMES], out)
    return out


def quoted(w, item):
    """The text of each annotator's quotes in ``item``."""
    text = w.session.article.text
    return {n: [text[a.quote.start : a.quote.end] for a in v] for n, v in item.versions.items()}


def gold_quotes(store, article):
    text = store.article(article).text
    attrs = store.attributions(article)
    return [(text[a.quote.start : a.quote.end], a.speaker_name) for a in attrs]


def panel_rows(w):
    t = w.item_panel.table
    return [[t.item(r, c).text() for c in range(t.columnCount())] for r in range(t.rowCount())]


def made_by(w):
    """The attribution table's "From" column, by the quote's first words."""
    m = w.table.attributions
    assert m.headerData(4, Qt.Orientation.Horizontal) == "From"
    return {m.index(r, 5).data()[:12]: m.index(r, 4).data() for r in range(m.rowCount())}


def test_the_gold_opens_on_its_first_item_each_version_drawn_and_named(make_window, tmp_path):
    w = make_window(make_gold(tmp_path))
    s = w.session
    assert s.adjudicating and s.items_left == 4
    assert quoted(w, s.current_item) == {
        1: ["We will build the bridge"],
        2: ["We will build the bridge"],
        3: ["We will build the"],
    }
    assert w.item_panel.isVisible()
    assert not w.table.selectionModel().hasSelection()  # the item is current, not a row
    rows = panel_rows(w)
    assert [r[0] for r in rows] == ["1 ana", "2 ben", "3 cy"]
    assert rows[2][4] == "We will build the"
    legend = w.item_panel.table.item(2, 0).background().color()
    assert legend == QColor(ANNOTATOR_COLOURS[2])
    # in the text: "bridge", which only ana and ben marked, under a dashed line in ana's
    # colour; the words all three marked without one
    text = s.article.text
    bridge = sp(text, "bridge")
    painted = {(a, b): f for a, b, f in w.view.painted()}
    fmt = next(f for (a, b), f in painted.items() if a <= w.view.to_qt(bridge.start) < b)
    assert fmt.underlineStyle() == QTextCharFormat.UnderlineStyle.DashUnderline
    assert fmt.underlineColor() == fmt.foreground().color() == QColor(ANNOTATOR_COLOURS[0])
    build = sp(text, "We will build")
    fmt = next(f for (a, b), f in painted.items() if a <= w.view.to_qt(build.start) < b)
    assert fmt.underlineStyle() == QTextCharFormat.UnderlineStyle.NoUnderline
    assert made_by(w) == {"In fact, it ": "agreed"}
    hint = w.hint.text()
    assert "4 items left in this article, 8 in the corpus" in hint
    assert "1 ana, 2 ben, 3 cy: take a version" in hint and "0 rejects all" in hint


def test_each_digit_takes_that_annotators_version_and_undo_takes_it_back(make_window, tmp_path):
    w = make_window(make_gold(tmp_path))
    s, store = w.session, w.store
    first = s.current_item
    for key, want in (("1", "We will build the bridge"), ("3", "We will build the")):
        press(w, key)
        got = curation.item(store, first.id)
        assert got.outcome is Outcome.TAKEN and got.taken_from == int(key)
        assert gold_quotes(store, 1)[0] == (want, "Jane Smith")
        assert made_by(w)["We will buil"] == NAMES[int(key) - 1]
        assert s.current_item.id != first.id and s.adjudicating  # on to the next item
        press(w, "Ctrl+Z")
        assert curation.item(store, first.id).outcome is Outcome.OPEN
        assert s.current_item.id == first.id and s.adjudicating
        assert "We will build" not in " ".join(q for q, _ in gold_quotes(store, 1))
    press(w, "J")  # the critics: ana and cy say Critics, ben Experts
    assert s.current_item.versions[2][0].speaker_name == "Experts"
    press(w, "2")
    assert ("the plan was too expensive", "Experts") in gold_quotes(store, 1)
    press(w, "Ctrl+Z")
    assert ("the plan was too expensive", "Experts") not in gold_quotes(store, 1)
    for n in range(4, 10):  # no fourth to ninth annotator: said, nothing done
        press(w, str(n))
        assert w.statusBar().currentMessage() == f"Annotator {n} did not annotate this article."
    assert curation.item_counts(store)[Outcome.OPEN] == 8


def test_zero_rejects_every_version_and_undo_reopens_the_item(make_window, tmp_path):
    w = make_window(make_gold(tmp_path))
    s, store = w.session, w.store
    press(w, "J", "J", "J")
    extra = s.current_item  # cy's extra quote
    assert quoted(w, extra) == {1: [], 2: [], 3: ["taxes would rise"]}
    assert panel_rows(w)[0][4] == "(marked nothing here)"
    before = store.attributions(1)
    press(w, "0")
    assert curation.item(store, extra.id).outcome is Outcome.REJECTED
    assert store.attributions(1) == before  # nothing of it in the gold
    press(w, "Ctrl+Z")
    assert curation.item(store, extra.id).outcome is Outcome.OPEN
    assert s.current_item.id == extra.id and s.adjudicating


def test_j_and_k_move_between_items_across_articles(make_window, tmp_path):
    w = make_window(make_gold(tmp_path))
    s = w.session
    ids = [it.id for it in s.items]
    for i in range(1, 4):
        press(w, "J")
        assert s.current_item.id == ids[i]
    press(w, "J")  # on to the next article's first item
    assert s.article.id == 2 and s.current_item.id == s.items[0].id
    press(w, "K")
    assert (s.article.id, s.current_item.id) == (1, ids[3])


def test_digits_set_the_type_on_an_attribution_and_take_on_an_item(make_window, tmp_path):
    w = make_window(make_gold(tmp_path))
    s, store = w.session, w.store
    assert not w.actions_by_id[Act.TYPE_DIRECT].isEnabled()
    assert w.actions_by_id[Act.TAKE_1].isEnabled()
    w.table.chosen.emit(0)  # a click on the attribution "In fact" (agreed)
    assert not s.adjudicating and s.items_left == 4
    assert w.actions_by_id[Act.TYPE_INDIRECT].isEnabled()
    assert "4 items left in this article, 8 in the corpus (J goes to them" in w.hint.text()
    press(w, "3")
    assert store.attributions(1)[0].type is QuoteType.INDIRECT
    assert made_by(w)["In fact, it "] == "agreed (edited)"
    assert curation.item_counts(store)[Outcome.OPEN] == 8
    press(w, "J")  # back to the items, the next after "In fact": the critics
    assert s.adjudicating and w.actions_by_id[Act.TAKE_3].isEnabled()
    assert s.current_item.versions[2][0].speaker_name == "Experts"


def test_ctrl_digit_takes_the_lone_versions_of_the_corpus_in_one_undo_step(make_window, tmp_path):
    w = make_window(make_gold(tmp_path))
    store = w.store
    press(w, "Ctrl+1")  # ana marked nothing alone
    assert w.statusBar().currentMessage() == "No open item where only ana marked something."
    for n in range(4, 10):
        press(w, f"Ctrl+{n}")
        assert w.statusBar().currentMessage() == f"No open item where only {n} marked something."
    press(w, "Ctrl+3")
    counts = curation.item_counts(store)
    assert (counts[Outcome.TAKEN], counts[Outcome.OPEN]) == (2, 6)
    for art in (1, 2):
        assert ("taxes would rise", None) in gold_quotes(store, art)
    assert "6 in the corpus" in w.hint.text()
    press(w, "Ctrl+Z")
    assert curation.item_counts(store)[Outcome.OPEN] == 8
    assert all(("taxes would rise", None) not in gold_quotes(store, a) for a in (1, 2))


def test_the_article_is_done_when_no_item_is_left(make_window, tmp_path):
    w = make_window(make_gold(tmp_path))
    s, store = w.session, w.store
    press(w, "D")
    assert w.statusBar().currentMessage().startswith("4 items still to adjudicate: 1..9 takes")
    press(w, "1", "1", "1")
    assert store.status(1) is Status.IN_PROGRESS and s.items_left == 1
    press(w, "0")
    assert store.status(1) is Status.DONE
    assert s.article.id == 2 and s.adjudicating  # on to the next article's first item
    assert w.statusBar().currentMessage() == "Article adjudicated; on to the next one."
    assert gold_quotes(store, 1) == [
        ("We will build the bridge", "Jane Smith"),
        ("In fact, it will take two years", "Jane Smith"),
        ("the plan was too expensive", "Critics"),
        ("We have no money", None),
    ]
    press(w, "Ctrl+Z")
    assert store.status(1) is Status.IN_PROGRESS and s.article.id == 1 and s.adjudicating


def test_file_menu_curate_runs_as_a_job_then_opens_the_gold(
    make_window, tmp_path, qtbot, monkeypatch
):
    files = handouts(tmp_path, NAMES)
    for name in NAMES:
        decide(files[name])
    w = make_window(files["ana"])
    assert w.table.attributions.columnCount() == 5 and not w.item_panel.isVisible()
    sources, out = [files[n] for n in NAMES], tmp_path / "team" / "gold.qlab"
    out.parent.mkdir()
    monkeypatch.setattr(dialogs, "ask_curate", lambda parent: (sources, out))
    progress = []
    blocker = Blocker()
    w.jobs.pool.start(blocker)  # the merge starts once its progress is listened to
    with qtbot.waitSignal(w.opened, timeout=60_000):
        press(w, "Ctrl+Shift+U")
        row = w.jobs.rows[0]
        assert row.label.text() == "Curating\u2026" and row.cancel_button.isVisible()
        w.jobs.jobs[0].signals.progress.connect(lambda d, t: progress.append((d, t)))
        blocker.release.set()
    assert w.store.path == out and w.session.annotators[2].name == "cy"
    assert progress[-1] == (2, 2)
    assert w.statusBar().currentMessage().startswith("Curated: merged 3 annotators")
    assert w.item_panel.isVisible() and w.session.items_left == 0  # all agreed
    assert set(made_by(w).values()) == {"agreed"}


def test_a_cancelled_curate_leaves_nothing(make_window, tmp_path, qtbot, monkeypatch):
    files = handouts(tmp_path, NAMES[:2])
    for name in NAMES[:2]:
        decide(files[name])
    w = make_window(files["ana"])
    out = tmp_path / "gold.qlab"
    monkeypatch.setattr(dialogs, "ask_curate", lambda parent: ([*files.values()], out))
    blocker = Blocker()
    w.jobs.pool.start(blocker)
    with qtbot.waitSignal(w.job_done, timeout=60_000):
        press(w, "Ctrl+Shift+U")
        press(w, "Ctrl+Shift+X")  # cancel, before it has started
        blocker.release.set()
    assert w.statusBar().currentMessage() == "Curating: cancelled."
    assert not out.exists() and list(tmp_path.glob("*curate*")) == []
    assert w.store.path == files["ana"]


def test_a_refused_curate_names_the_file(make_window, tmp_path, qtbot, monkeypatch):
    files = handouts(tmp_path, NAMES[:2])
    w = make_window(files["ana"])
    out = tmp_path / "gold.qlab"
    monkeypatch.setattr(dialogs, "ask_curate", lambda parent: ([files["ana"], files["ana"]], out))
    errors = []
    monkeypatch.setattr(w, "error", lambda title, message: errors.append((title, message)))
    with qtbot.waitSignal(w.job_done, timeout=60_000):
        press(w, "Ctrl+Shift+U")
    assert errors and errors[0][0] == "Curating" and "ana" in errors[0][1]
    assert not out.exists() and w.store.path == files["ana"]
    with Store(files["ana"]) as s:
        assert not curation.is_gold(s)
