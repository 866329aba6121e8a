"""What the app remembers between sessions, in one INI file in the config directory
(``core.config.settings_path()``, QSettings' IniFormat): the text size, recent
corpora, the window's geometry and docks, the last article of each corpus, and the
folder of the last export."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings

from core.config import settings_path

RECENT_MAX = 8


def settings() -> QSettings:
    """The app's settings file (created on the first write, like the data directory).
    One object per file, kept: a new one read the file and wrote it back on every
    call (8 ms on each article opened); Qt writes changes from its event loop."""
    path = str(settings_path())
    if path not in _OPEN:
        _OPEN[path] = QSettings(path, QSettings.Format.IniFormat)
    return _OPEN[path]


_OPEN: dict[str, QSettings] = {}


def _strings(value: object) -> list[str]:
    """A list setting as read back from an INI file (one item comes back as a str)."""
    if isinstance(value, str):
        return [value]
    return [str(v) for v in value] if isinstance(value, list) else []


def recent_corpora() -> list[Path]:
    """Corpora opened lately, newest first; files no longer there are dropped (and
    forgotten)."""
    s = settings()
    listed = [Path(p) for p in _strings(s.value("recent/corpora", []))]
    present = [p for p in listed if p.is_file()]
    if present != listed:
        s.setValue("recent/corpora", [str(p) for p in present])
    return present


def add_recent(path: Path) -> None:
    path = path.resolve()
    rest = [p for p in recent_corpora() if p != path]
    settings().setValue("recent/corpora", [str(p) for p in [path, *rest][:RECENT_MAX]])
    _forget_gone()


_LAST = "last_article"


def place_key(path: Path) -> str:
    """The settings key of a corpus file's last place (QSettings keys can't hold ``/`` or
    ``\\``): its path resolved, which reads the file system, so once per corpus opened."""
    return f"{_LAST}/" + str(path.resolve()).replace("\\", "|").replace("/", "|")


def _forget_gone() -> None:
    """Forget the last article of corpora that are no longer there (moved, deleted):
    the file kept a line for every corpus ever opened."""
    s = settings()
    s.beginGroup(_LAST)
    gone = [key for key in s.childKeys() if not Path(key.replace("|", "/")).is_file()]
    for key in gone:
        s.remove(key)
    s.endGroup()


def last_place(key: str) -> tuple[int | None, int | None]:
    """The article last open in a corpus (``key``: its :func:`place_key`), and the
    attribution last current in it."""
    value = settings().value(key)
    article, _, attribution = str(value if value is not None else "").partition(":")
    return (
        int(article) if article.isdigit() else None,
        int(attribution) if attribution.isdigit() else None,
    )


def set_last_place(key: str, article_id: int, attribution_id: int | None = None) -> None:
    place = str(article_id) if attribution_id is None else f"{article_id}:{attribution_id}"
    settings().setValue(key, place)


def window_state() -> tuple[QByteArray, QByteArray] | None:
    """The main window's saved geometry and state (docks), if any."""
    s = settings()
    geometry, state = s.value("window/geometry"), s.value("window/state")
    if isinstance(geometry, QByteArray) and isinstance(state, QByteArray):
        return geometry, state
    return None


def save_window_state(geometry: QByteArray, state: QByteArray) -> None:
    s = settings()
    s.setValue("window/geometry", geometry)
    s.setValue("window/state", state)


def export_folder() -> Path | None:
    """The folder the last export went into, if it is still there."""
    value = settings().value("export/folder")
    folder = Path(str(value)) if value else None
    return folder if folder is not None and folder.is_dir() else None


def set_export_folder(folder: Path) -> None:
    settings().setValue("export/folder", str(folder))
