"""Article text is untrusted: shown as plain text, offsets right whatever the script,
and the app never opens a network connection."""

import html
import re
import subprocess
import sys
import textwrap

import pytest
from PySide6.QtGui import Qt, QTextCursor, QTextDocument  # (QtGui's Qt has mightBeRichText)
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QInputDialog,
    QLabel,
    QListWidget,
    QPlainTextEdit,
    QTextEdit,
)

from core.corpus.store import Store
from core.formats.imported import content_hash
from core.formats.ingest import import_paths
from core.model import Article, Attribution, Span
from core.tokens import tokenize
from gui.article_view import BREAK_EVERY
from tests.conftest import ROOT
from tests.gui.conftest import press, when_modal


def _corpus(tmp_path, text, suggester=None):
    src = tmp_path / "a.txt"
    src.write_text(text, encoding="utf-8")
    path = tmp_path / "c.qlab"
    with Store(path) as s:
        import_paths(s, [src], suggester)
    return path


def test_html_and_script_are_shown_as_text(make_window, tmp_path):
    text = (
        'Markup Test\n\n<html><b>bold?</b><script>alert("x")</script>'
        '<img src="http://example.invalid/a.png"></html> The end, she said.'
    )
    w = make_window(_corpus(tmp_path, text))
    assert w.view.toPlainText() == w.session.article.text
    assert '<script>alert("x")</script>' in w.view.toPlainText()
    html = w.view.document().toHtml()
    assert "&lt;script&gt;" in html and "<img" not in html and "<b>" not in html


def test_emoji_and_right_to_left_text_keep_offsets(make_window, tmp_path, suggester):
    text = (
        "Emoji \U0001f600 Test\n\n"
        "\u05e9\u05dc\u05d5\u05dd \U0001f30d\U0001f680 \u0645\u0631\u062d\u0628\u0627. "
        '"We will rebuild the school \U0001f3eb together," Mayor Ivo Petrov said.'
    )
    w = make_window(_corpus(tmp_path, text, suggester))
    (a,) = w.session.attrs
    quote = w.session.article.text[a.quote.start : a.quote.end]
    assert quote == "We will rebuild the school \U0001f3eb together,"
    painted = {i for start, end, _ in w.view.painted() for i in range(start, end)}
    for span, said in ((a.quote, quote), (a.speaker, "Mayor Ivo Petrov"), (a.cue, "said")):
        start, end = w.view.to_qt(span.start), w.view.to_qt(span.end)
        shown = QTextCursor(w.view.document())
        shown.setPosition(start)
        shown.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
        assert shown.selectedText() == said and set(range(start, end)) <= painted
    # the token cursor and a mouse selection map back to the same code points
    cursor = w.view.textCursor()
    cursor.setPosition(w.view.to_qt(a.speaker.start))
    cursor.setPosition(w.view.to_qt(a.speaker.end), cursor.MoveMode.KeepAnchor)
    w.view.setTextCursor(cursor)
    assert w.view.mouse_selection() == (a.speaker.start, a.speaker.end)


@pytest.mark.slow
def test_the_app_opens_no_network_connection(tmp_path):
    code = textwrap.dedent(
        """
        import os, runpy, sys
        seen = []
        def hook(event, args):
            if event in ("socket.connect", "socket.getaddrinfo", "urllib.Request",
                         "http.client.connect", "socket.sendto"):
                seen.append(event)
        sys.addaudithook(hook)
        sys.argv = ["main.py", "--sample"]
        try:
            runpy.run_path("main.py", run_name="__main__")
        except SystemExit as exc:
            code = exc.code
        print("network", seen, "qtnetwork", "PySide6.QtNetwork" in sys.modules)
        """
    )
    env = {
        "QUOTELAB_HOME": str(tmp_path),
        "QUOTELAB_TIMING": "1",
        "QT_QPA_PLATFORM": "offscreen",
        "PATH": "/usr/bin:/bin",
    }
    out = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120
    )
    assert "suggestions" in out.stdout, out.stderr  # it really ran: import, suggest, show
    assert "network [] qtnetwork False" in out.stdout


NAME = "<b>Zed</b><img src='file:///etc/hostname'> & Co"
TITLE = "<i>Headline</i><a href='file:///etc'>x</a>"
FOLDER = "<i>Dir<i><img src='x.png'>"  # (no / in a folder's name)


def _rendered(text, fmt=Qt.TextFormat.AutoText):
    """What Qt draws for ``text`` where it may read markup (a tooltip, a label)."""
    rich = fmt == Qt.TextFormat.RichText or (
        fmt == Qt.TextFormat.AutoText and Qt.mightBeRichText(text)
    )
    if not rich:
        return text
    doc = QTextDocument()
    doc.setHtml(text)
    return doc.toPlainText()


def _shown(widget):
    """(where, text as given, text as drawn) for every string the widget shows."""
    where = f"{type(widget).__name__} {widget.objectName()}"
    out = [(f"{where} tooltip", widget.toolTip(), _rendered(widget.toolTip()))]
    if isinstance(widget, QLabel):
        out.append((f"{where} text", widget.text(), _rendered(widget.text(), widget.textFormat())))
    if isinstance(widget, QTextEdit | QPlainTextEdit):
        out.append((f"{where} text", "", widget.toPlainText()))
    if isinstance(widget, QListWidget):  # (its model's columnCount is not Python's)
        for row in range(min(widget.count(), 100)):
            item = widget.item(row)
            out += [(f"{where} {row}", item.text(), item.text())]
            out += [(f"{where} {row} tooltip", item.toolTip(), _rendered(item.toolTip()))]
    elif isinstance(widget, QAbstractItemView) and widget.model() is not None:
        model = widget.model()
        for row in range(min(model.rowCount(), 100)):
            for col in range(model.columnCount()):
                index = model.index(row, col)
                shown = str(index.data() or "")  # items are drawn as plain text
                tip = str(index.data(Qt.ItemDataRole.ToolTipRole) or "")
                out += [(f"{where} {row},{col}", shown, shown)]
                out += [(f"{where} {row},{col} tooltip", tip, _rendered(tip))]
    return out


def test_every_user_derived_string_is_shown_as_plain_text(make_window, tmp_path, qtbot):
    text = f"{TITLE}\n\n“We won,” Zed said. “We lost,” Zed said."
    path = tmp_path / "c.qlab"
    with Store(path) as s:
        art = Article(text=text, title=TITLE, source="a.txt", content_hash=content_hash(text))
        at = text.index
        a = Attribution(
            quote=Span(at("We"), at(",”")),
            speaker=Span(at("Zed"), at(" said")),
            cue=Span(at("said"), at(".")),
            speaker_name=NAME,
        )
        later = text.index("We lost")
        b = Attribution(  # one name up to a leading article: a likely duplicate, its why
            quote=Span(later, text.index(",”", later)),
            speaker=Span(text.index("Zed", later), text.index(" said", later)),
            speaker_name=f"The {NAME}",
        )
        s.add_article(art, [a, b], tokenize(text))
    w = make_window(path)
    press(w, "Ctrl+Shift+P")  # the speakers dock
    qtbot.waitUntil(lambda: w.tools.speakers.candidates.count() == 1)
    press(w, "Ctrl+R")  # the Report window, with its figures
    with qtbot.waitSignal(w.tools.report.ready, timeout=30_000):
        pass
    folder = tmp_path / FOLDER
    folder.mkdir()
    w.tools.report.save_charts(folder)  # the status line names the folder chosen
    shown = [s for widget in QApplication.allWidgets() for s in _shown(widget)]
    for name, mark in ((NAME, "Zed</b>"), (TITLE, "Headline</i>"), (str(folder), "Dir<i>")):
        carrying = [
            (where, given, drawn)
            for where, given, drawn in shown
            if mark in given + drawn or html.escape(mark) in given
        ]
        assert [where for where, _, drawn in carrying if name not in drawn] == []
        assert carrying and (
            name == str(folder) or sum(w.endswith("tooltip") for w, *_ in carrying) >= 2
        )


def test_the_rename_box_shows_the_name_it_asks_about_as_text(make_window, tmp_path, qtbot):
    """F2's label ("New name for NAME:") drew a speaker's name as markup."""
    text = "\u201cWe won,\u201d Zed said."
    path = tmp_path / "c.qlab"
    with Store(path) as s:
        art = Article(text=text, title="t", source="a.txt", content_hash=content_hash(text))
        at = text.index
        quote, speaker = Span(at("We"), at(",\u201d")), Span(at("Zed"), at(" said"))
        s.add_article(art, [Attribution(quote, speaker, speaker_name=NAME)], tokenize(text))
    w = make_window(path)
    press(w, "Ctrl+Shift+P")
    panel = w.tools.speakers
    qtbot.waitUntil(lambda: panel.model.rowCount() == 1)
    QTest.keyClicks(panel.filter, "zed")
    QTest.keyClick(panel.filter, Qt.Key.Key_Down)  # into the list, the name selected
    drawn = []

    def look(dialog):
        label = dialog.findChild(QLabel)
        drawn.append(_rendered(label.text(), label.textFormat()))
        dialog.reject()

    when_modal(QInputDialog, look)
    QTest.keyClick(panel.table, Qt.Key.Key_F2)
    assert drawn == [f"New name for {NAME}:"]


def test_a_long_run_without_spaces_gets_places_to_break_and_keeps_its_offsets(
    make_window, tmp_path
):
    text = "Long\n\n" + "(" * 3000 + " said Bob. " + "\U0001f600" * 100 + "a" * 200 + "\n"
    w = make_window(_corpus(tmp_path, text))
    text = w.session.article.text  # (as imported: the last line break is not kept)
    shown = w.view.toPlainText()
    assert shown.replace("\u200b", "") == text  # only zero-width spaces are added
    # Qt lays a line out in time quadratic in its length where it cannot break it
    assert max(map(len, re.findall(r"[^\s\u200b]+", shown))) <= BREAK_EVERY * 2  # (emoji)
    for p in range(len(text) + 1):
        assert w.view.from_qt(w.view.to_qt(p)) == p
        if p < len(text) and text[p] not in "\n\U0001f600":  # (Qt: U+2029, UTF-16 units)
            assert w.view.document().characterAt(w.view.to_qt(p)) == text[p]
    cursor = w.view.textCursor()
    for a, b in ((6, 3006), (70, 200), (3017, 3117), (3000, 3300)):
        cursor.setPosition(w.view.to_qt(a))
        cursor.setPosition(w.view.to_qt(b), QTextCursor.MoveMode.KeepAnchor)
        w.view.setTextCursor(cursor)
        assert w.view.mouse_selection() == (a, b)
        assert cursor.selectedText().replace("\u200b", "") == text[a:b]
