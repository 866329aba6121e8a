"""Worker processes. Every pool of ours is made here: spawned, never forked (a caller
may be the app, with threads running), and each worker ends with the process that
started it. A pool's workers otherwise outlive a parent that is killed (a logout, a
crash, ``kill``): each held its memory and the terminal's output until killed by hand."""

from __future__ import annotations

import multiprocessing
import os
import threading
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from typing import Any

#: The start method of every worker process, and of the queues and events they share.
CONTEXT = multiprocessing.get_context("spawn")


def pool(
    workers: int, initializer: Callable[..., None] | None = None, initargs: tuple[Any, ...] = ()
) -> ProcessPoolExecutor:
    """A pool of ``workers`` processes that run ``initializer(*initargs)`` first."""
    return ProcessPoolExecutor(
        workers, mp_context=CONTEXT, initializer=_start, initargs=(initializer, initargs)
    )


def _start(initializer: Callable[..., None] | None, initargs: tuple[Any, ...]) -> None:
    parent = multiprocessing.parent_process()
    if parent is not None:
        # The parent's sentinel closes when it ends, however it ends: then so do we.
        threading.Thread(target=_end_after, args=(parent,), daemon=True).start()
    if initializer is not None:
        initializer(*initargs)


def _end_after(parent: multiprocessing.process.BaseProcess) -> None:
    parent.join()
    os._exit(1)
