"""What the app remembers between sessions (one INI file in the data directory): recent
corpora in the File menu, the window's geometry and docks, the last article of each
corpus; and ``main.py FILE.qlab`` opening that corpus."""

import os
import shutil
import subprocess
import sys

import pytest

from core.config import data_dir
from gui import settings
from tests.conftest import ROOT
from tests.core.small_corpus import build
from tests.gui.conftest import press


def recent_entries(w):
    w.tools.recent.aboutToShow.emit()
    return [(a.text(), a.isEnabled()) for a in w.tools.recent.actions()]


def test_recent_corpora_in_the_file_menu_newest_first_missing_ones_pruned(
    make_window, tmp_path, qtbot
):
    first, second, third = (build(tmp_path / f"{n}.qlab") for n in ("first", "second", "third"))
    w = make_window(first)
    assert w.tools.recent in [a.menu() for a in w.menus["File"].actions()]
    assert recent_entries(w) == [(str(first), False)]  # the open one can't be chosen
    for path in (second, third):
        assert w.open_corpus(path)
    assert recent_entries(w) == [(str(third), False), (str(second), True), (str(first), True)]
    second.unlink()
    assert recent_entries(w) == [(str(third), False), (str(first), True)]
    next(a for a in w.tools.recent.actions() if a.text() == str(first)).trigger()
    assert w.store.path == first
    assert settings.recent_corpora() == [first, third]


def test_window_geometry_and_docks_come_back(make_window, tmp_path, qtbot):
    corpus = build(tmp_path / "c.qlab")
    w = make_window(corpus)
    assert not w.tools.dock.isVisible()
    w.resize(760, 540)  # (in the 800 x 800 offscreen screen; over the least width with the dock)
    press(w, "Ctrl+Shift+P")
    qtbot.waitUntil(w.tools.dock.isVisible)
    w.close()
    assert (data_dir() / "settings.ini").is_file()
    w = make_window(corpus)
    qtbot.waitUntil(w.tools.dock.isVisible)
    assert (w.width(), w.height()) == (760, 540)


def test_the_last_article_of_each_corpus_is_reopened(make_window, tmp_path):
    one = build(tmp_path / "one.qlab")
    other = shutil.copy(one, tmp_path / "other.qlab")
    w = make_window(one)
    first, second, third = w.store.article_ids()
    assert w.session.article.id == second  # the first one not done (A is done)
    w.open_article(third)
    w.open_corpus(other)
    assert w.session.article.id == second
    w.open_article(first)
    w.session.choose(1)  # and the attribution: after a restart, the place, not the first
    at = w.session.current.id
    w.close()
    w = make_window(one)
    assert w.session.article.id == third
    w.open_corpus(other)
    assert w.session.article.id == first and w.session.current.id == at
    w.close()
    other.unlink()
    make_window(one)  # a corpus that is gone is forgotten, not kept in the file for ever
    assert settings.last_place(settings.place_key(other)) == (None, None)
    assert settings.last_place(settings.place_key(one))[0] == third


@pytest.mark.slow
def test_main_py_with_a_corpus_file_opens_it(tmp_path, sample_corpus):
    """``main.py FILE.qlab``, as a file manager runs it (``Exec=quotelab %f``): the app
    opens that corpus (its suggestions on screen) and lists it as recent."""
    home = tmp_path / "home"
    env = dict(os.environ, QUOTELAB_HOME=str(home), QUOTELAB_TIMING="1")
    env["QT_QPA_PLATFORM"] = "offscreen"
    done = subprocess.run(
        [sys.executable, str(ROOT / "main.py"), str(sample_corpus)],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr
    events = [line.split()[0] for line in done.stdout.splitlines()]
    assert "suggestions" in events  # the sample's attributions were shown
    assert not (home / "corpus.qlab").exists()  # the default corpus was never made
    ini = (home / "settings.ini").read_text(encoding="utf-8")
    assert str(sample_corpus.resolve()) in ini
