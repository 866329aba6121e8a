"""Where QuoteLab keeps things: corpora in the data directory, settings.ini in the config
directory, as the XDG spec (and platformdirs) names them on Linux."""

import sys

import pytest

from core import config

pytestmark = pytest.mark.skipif(sys.platform != "linux", reason="the XDG directories")


@pytest.fixture
def home(tmp_path, monkeypatch):
    """A user with no QUOTELAB_HOME and no XDG variables, whose home is ``tmp_path``."""
    monkeypatch.delenv("QUOTELAB_HOME")
    for name in ("XDG_DATA_HOME", "XDG_CONFIG_HOME"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("HOME", str(tmp_path))
    return tmp_path


def test_the_xdg_directories_when_set_else_those_under_home(home, monkeypatch):
    assert config.data_dir() == home / ".local" / "share" / "QuoteLab"
    assert config.config_dir() == home / ".config" / "QuoteLab"
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "conf"))
    assert config.data_dir() == home / "data" / "QuoteLab"
    assert config.default_corpus_path() == home / "data" / "QuoteLab" / "corpus.qlab"
    assert config.config_dir() == home / "conf" / "QuoteLab"


def test_a_relative_xdg_directory_is_ignored(home, monkeypatch):
    """The spec: "If an implementation encounters a relative path in any of these
    variables it should consider the path invalid and ignore it"."""
    monkeypatch.setenv("XDG_DATA_HOME", "data")
    monkeypatch.setenv("XDG_CONFIG_HOME", "conf")
    assert config.data_dir() == home / ".local" / "share" / "QuoteLab"
    assert config.config_dir() == home / ".config" / "QuoteLab"


def test_settings_live_in_the_config_directory(home):
    assert config.settings_path() == home / ".config" / "QuoteLab" / "settings.ini"
    assert not (home / ".config").exists()  # named, not made


def test_settings_an_older_quotelab_left_in_the_data_directory_are_moved(home):
    old = home / ".local" / "share" / "QuoteLab" / "settings.ini"
    old.parent.mkdir(parents=True)
    old.write_text("[font]\nsize=14\n")
    new = config.settings_path()
    assert new.read_text() == "[font]\nsize=14\n" and not old.exists()
    old.write_text("[font]\nsize=9\n")  # a newer one is never replaced by an old one
    assert config.settings_path().read_text() == "[font]\nsize=14\n"


def test_the_app_reads_and_writes_that_file(home):
    from gui import settings

    assert settings.settings().fileName() == str(config.settings_path())


def test_quotelab_home_holds_both(tmp_path, monkeypatch):
    monkeypatch.setenv("QUOTELAB_HOME", str(tmp_path))
    assert config.data_dir() == config.config_dir() == tmp_path
    assert config.settings_path() == tmp_path / "settings.ini"
