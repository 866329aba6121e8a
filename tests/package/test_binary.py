"""The built app (dist/QuoteLab/QuoteLab): the same answers as main.py, headless and
offscreen, without writing into its own folder. Run by `make package-test`."""

import json
import os
import subprocess
import sys

import pytest

from tests.conftest import ROOT, SAMPLE

BINARY = ROOT / "dist" / "QuoteLab" / "QuoteLab"
ALLOWED_STDERR = ("This plugin does not support propagateSizeHints()",)


@pytest.fixture(scope="module")
def binary():
    assert BINARY.exists(), "build it first: make package"
    return BINARY


def _env(home):
    return dict(os.environ, QUOTELAB_HOME=str(home), QT_QPA_PLATFORM="offscreen")


def _snapshot():
    return sorted((str(p), p.stat().st_mtime_ns) for p in BINARY.parent.rglob("*"))


def test_version(binary, tmp_path):
    out = subprocess.run([binary, "--version"], capture_output=True, text=True, env=_env(tmp_path))
    assert out.returncode == 0 and out.stdout.startswith("QuoteLab ")


def test_suggest_matches_main_py(binary, tmp_path):
    built = subprocess.run(
        [binary, "suggest", SAMPLE], capture_output=True, text=True, env=_env(tmp_path), check=True
    )
    source = subprocess.run(
        [sys.executable, "main.py", "suggest", SAMPLE],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env=_env(tmp_path),
        check=True,
    )
    assert [json.loads(x) for x in built.stdout.splitlines()] == [
        json.loads(x) for x in source.stdout.splitlines()
    ]
    assert len(json.loads(built.stdout)["quotes"]) >= 25


def test_gui_starts_offscreen_and_exits_cleanly(binary, tmp_path):
    before = _snapshot()
    env = dict(_env(tmp_path), QUOTELAB_TIMING="1")
    out = subprocess.run([binary, "--sample"], capture_output=True, text=True, env=env, timeout=120)
    assert out.returncode == 0, out.stderr
    events = [line.split()[0] for line in out.stdout.splitlines()]
    assert {"shown", "article", "suggestions"} <= set(events)  # imported in a worker process
    unexpected = [line for line in out.stderr.splitlines() if line not in ALLOWED_STDERR]
    assert unexpected == []
    assert (tmp_path / "sample.qlab").exists()  # the corpus is in the data dir...
    assert _snapshot() == before  # ...and nothing was written inside the bundle
