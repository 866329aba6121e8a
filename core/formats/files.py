"""Writing a file or a folder safely: output goes to a temporary file (or folder) beside
the target, is flushed to disk and renamed over it, so what was there before is
replaced whole or not at all; what killed writers left behind is removed by the next.
"""

from __future__ import annotations

import os
import secrets
import shutil
import stat
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import IO

try:
    import fcntl
except ImportError:  # Windows: an open file cannot be deleted there anyway
    fcntl = None  # type: ignore[assignment]


class ExportError(Exception):
    """The export could not be written; any earlier file at the target is intact."""


def _lock(path: Path) -> int | None:
    """An open descriptor holding an exclusive lock on a file or folder, or None if
    another process holds one. (Windows has no flock, and an open file cannot be
    deleted there: the lock is left to the system.)"""
    if fcntl is None:
        return -1
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:
        return None
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        os.close(fd)
        return None
    return fd


def _unlock(fd: int | None) -> None:
    if fd is not None and fd >= 0:
        os.close(fd)


def remove_stale_temps(out: Path) -> None:
    """Delete what earlier exports to ``out`` left behind when they were killed: their
    ``.NAME.*.tmp`` files and folders that no running export holds locked."""
    for p in out.parent.glob(f".{out.name}.*.tmp"):
        fd = _lock(p)
        if fd is None:
            continue  # another export is writing it right now
        try:
            if p.is_dir() and not p.is_symlink():
                shutil.rmtree(p, ignore_errors=True)
            else:
                p.unlink(missing_ok=True)
        except OSError:
            pass  # Windows: still open in another export
        finally:
            _unlock(fd)


def _fsync_dir(folder: Path) -> None:
    """Make a rename in ``folder`` durable (POSIX; Windows has no directory handles).
    Best effort: the rename is done, and some file systems cannot sync a folder."""
    if os.name == "nt":
        return
    with suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def _temp_name(out: Path) -> Path:
    return out.parent / f".{out.name}.{secrets.token_hex(4)}.tmp"


def _keep_mode(out: Path, apply: Callable[[int], None]) -> None:
    """Give the new file the mode of the one it replaces; a new one keeps what the
    umask left of 0666 (0777 for a folder), as os.open and os.mkdir made it."""
    with suppress(FileNotFoundError):
        apply(stat.S_IMODE(out.stat().st_mode))


@contextmanager
def written_file(out: Path) -> Iterator[IO[bytes]]:
    """A binary file that becomes ``out`` when the block ends without error."""
    if not out.parent.is_dir():
        raise ExportError(f"{out}: cannot write there (no such folder {out.parent})")
    remove_stale_temps(out)
    tmp = _temp_name(out)
    try:
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
    except OSError as exc:
        raise ExportError(f"{out}: cannot write there ({exc.strerror or exc})") from None
    held = _lock(tmp)
    try:
        with os.fdopen(fd, "wb") as f:
            yield f
            f.flush()
            os.fsync(f.fileno())
        _keep_mode(out, lambda mode: os.chmod(tmp, mode))
        os.replace(tmp, out)
        _fsync_dir(out.parent)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise ExportError(
            f"{out}: could not be written ({exc.strerror or exc}); "
            "any earlier file there is unchanged"
        ) from None
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    finally:
        _unlock(held)


@contextmanager
def written_folder(out: Path, may_replace: Callable[[Path], bool]) -> Iterator[Path]:
    """A new folder that becomes ``out`` when the block ends without error. An existing
    ``out`` is replaced only if it is empty or ``may_replace`` says it is an earlier
    export; anything else there is refused untouched."""
    if out.exists() and not (out.is_dir() and (not any(out.iterdir()) or may_replace(out))):
        raise ExportError(
            f"{out}: already exists and is not an earlier export of this format; "
            "choose a new or empty folder"
        )
    if not out.parent.is_dir():
        raise ExportError(f"{out}: cannot write there (no such folder {out.parent})")
    remove_stale_temps(out)
    tmp = _temp_name(out)
    try:
        os.mkdir(tmp, 0o777)
    except OSError as exc:
        raise ExportError(f"{out}: cannot write there ({exc.strerror or exc})") from None
    held = _lock(tmp)
    try:
        yield tmp
        _keep_mode(out, lambda mode: os.chmod(tmp, mode))
        if hasattr(os, "sync"):
            os.sync()  # one flush for all the files, not an fsync per file
        if out.exists():
            old = _temp_name(out)
            os.replace(out, old)
            os.replace(tmp, out)
            shutil.rmtree(old, ignore_errors=True)
        else:
            os.replace(tmp, out)
        _fsync_dir(out.parent)
    except OSError as exc:
        shutil.rmtree(tmp, ignore_errors=True)
        raise ExportError(
            f"{out}: could not be written ({exc.strerror or exc}); "
            "any earlier export there is unchanged"
        ) from None
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    finally:
        _unlock(held)
