"""Worker processes end with the process that started them, however it ends."""

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.conftest import ROOT

POOL = """
import os, sys
from core import worker
pool = worker.pool(1)
print(pool.submit(os.getpid).result(), flush=True)
sys.stdin.read()  # until killed
"""


def _alive(pid: int) -> bool:
    try:  # a zombie has ended; only its exit status waits to be collected
        return Path(f"/proc/{pid}/stat").read_text().split()[2] != "Z"
    except FileNotFoundError:
        return False


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads /proc (Linux)")
def test_a_worker_ends_when_the_process_that_started_it_is_killed():
    """A killed app (a logout, `kill -9`) left its worker running for good, holding
    165 MB and the terminal's output."""
    with subprocess.Popen(
        [sys.executable, "-c", POOL],
        cwd=ROOT,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    ) as parent:
        child = int(parent.stdout.readline())
        assert _alive(child)
        parent.kill()
        parent.wait()
        deadline = time.monotonic() + 60
        while _alive(child) and time.monotonic() < deadline:
            time.sleep(0.02)
        if _alive(child):  # leave nothing behind, then fail
            os.kill(child, signal.SIGKILL)
            pytest.fail("the worker outlived its parent")
