"""A bench run's scratch folder, removed when the run ends: a run's corpora are large
(bench/speakers.py imports each article into a corpus of its own: 1.2 GB a run of
every set), and runs that left them filled the disk."""

from __future__ import annotations

import atexit
import shutil
import tempfile
from pathlib import Path


def scratch(prefix: str = "quotelab-bench-") -> Path:
    """A new empty folder, deleted with what it holds when the process exits."""
    folder = Path(tempfile.mkdtemp(prefix=prefix))
    atexit.register(shutil.rmtree, folder, ignore_errors=True)
    return folder
