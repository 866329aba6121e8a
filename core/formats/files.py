"""Writing a file or a folder safely: output goes to a temporary file (or folder) beside
the target, is flushed to disk and renamed over it, so what was there before is
replaced whole or not at all; what killed writers left behind is removed by the next.

A folder cannot be renamed over a folder that holds files: on Linux the two are swapped
in one step (``renameat2`` with ``RENAME_EXCHANGE``), elsewhere the earlier one is moved
aside first, under a name the next export puts back if this one was killed before the
new one was in. Either way the earlier export survives any kill.
"""

from __future__ import annotations

import ctypes
import errno
import os
import secrets
import shutil
import stat
import sys
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
    ``.NAME.*.tmp`` files and folders that no running export holds locked. An earlier
    folder export moved aside (``.NAME.*.old``) is put back if nothing took its place,
    else deleted: the only copy is never deleted."""
    for p in out.parent.glob(f".{out.name}.*.old"):
        fd = _lock(p)
        if fd is None or not p.is_dir() or p.is_symlink():
            _unlock(fd)
            continue  # being moved right now (or not ours)
        try:
            if os.path.lexists(out):
                shutil.rmtree(p, ignore_errors=True)
            else:
                os.replace(p, out)
        except OSError:
            pass  # tried again by the next export
        finally:
            _unlock(fd)
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


def _temp_name(out: Path, ending: str = "tmp") -> Path:
    return out.parent / f".{out.name}.{secrets.token_hex(4)}.{ending}"


#: Linux's renameat2 flag that swaps two paths, and its "relative to the working folder".
_RENAME_EXCHANGE = 2
_AT_FDCWD = -100


def _exchange(a: Path, b: Path) -> bool:
    """Swap the paths ``a`` and ``b`` in one step, if the system can (Linux's
    ``renameat2``, through ctypes: Python has no call for it); False where it cannot
    (another system, an old kernel or C library, a file system without it)."""
    if not sys.platform.startswith("linux"):
        return False
    renameat2 = getattr(ctypes.CDLL(None, use_errno=True), "renameat2", None)
    if renameat2 is None:
        return False
    renameat2.argtypes = (
        ctypes.c_int,
        ctypes.c_char_p,
        ctypes.c_int,
        ctypes.c_char_p,
        ctypes.c_uint,
    )
    if renameat2(_AT_FDCWD, os.fsencode(a), _AT_FDCWD, os.fsencode(b), _RENAME_EXCHANGE) == 0:
        return True
    err = ctypes.get_errno()
    if err in (errno.ENOSYS, errno.EINVAL, errno.EOPNOTSUPP):
        return False
    raise OSError(err, os.strerror(err), str(b))


def _swap_in(new: Path, out: Path) -> None:
    """Put the folder ``new`` where the folder ``out`` is, the earlier one surviving any
    kill: swapped in one step where the system can; else moved aside first (locked, so
    no other export puts it back meanwhile), and back if the new one cannot go in."""
    if _exchange(new, out):
        shutil.rmtree(new, ignore_errors=True)  # the earlier export, under the temporary name
        return
    old = _temp_name(out, "old")
    held = _lock(out)
    try:
        os.replace(out, old)
        try:
            os.replace(new, out)
        except OSError:
            os.replace(old, out)
            raise
    finally:
        _unlock(held)
    shutil.rmtree(old, ignore_errors=True)


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
            _swap_in(tmp, out)
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
