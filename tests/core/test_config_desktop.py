"""`make install-desktop`: says what is missing, writes where XDG_DATA_HOME says, and
quotes the app's path in the desktop entry's Exec (a path with a space works)."""

import configparser
import re
import shutil
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT

pytestmark = [
    pytest.mark.skipif(sys.platform != "linux", reason="the XDG desktop entry"),
    pytest.mark.skipif(shutil.which("make") is None, reason="no make"),
]


def _make(*args: str, home: Path, **env: str) -> subprocess.CompletedProcess[str]:
    """``make install-desktop ARGS`` as the user ``home``, with this environment's Python
    (``-o``: its install step counts as done)."""
    bindir = str(Path(sys.executable).parent)
    return subprocess.run(
        ["make", "--no-print-directory", "-o", ".venv/.runtime", f"BIN={bindir}"]
        + ["install-desktop", *args],
        cwd=ROOT,
        env={"PATH": "/usr/bin:/bin", "HOME": str(home), **env},
        capture_output=True,
        text=True,
        check=False,
    )


def _app(folder: Path) -> Path:
    folder.mkdir(parents=True)
    app = folder / "QuoteLab"
    app.write_text("#!/bin/sh\n")
    app.chmod(app.stat().st_mode | stat.S_IXUSR)
    return app


def _exec_argv(entry: Path) -> list[str]:
    """The Exec key as the Desktop Entry Specification reads it: the string value's
    escapes first (``\\\\`` is a backslash), then each argument, quoted whole or not, with
    ``\\"``, ``\\```, ``\\$`` and ``\\\\`` inside quotes; ``%%`` is a ``%``."""
    parser = configparser.ConfigParser(interpolation=None)
    parser.optionxform = str
    parser.read(entry)
    value = parser["Desktop Entry"]["Exec"].replace("\\\\", "\\")
    args = re.findall(r'"((?:\\.|[^"\\])*)"|(\S+)', value)
    return [
        re.sub(r'\\(["`$\\])', r"\1", quoted).replace("%%", "%") if quoted else bare
        for quoted, bare in args
    ]


def test_without_a_built_app_it_says_so_and_writes_nothing(tmp_path):
    r = _make("APP=" + str(tmp_path / "dist" / "QuoteLab" / "QuoteLab"), home=tmp_path)
    assert r.returncode != 0
    assert "no QuoteLab app at" in r.stderr and "make package" in r.stderr
    assert not (tmp_path / ".local").exists()


def test_a_path_with_a_space_is_quoted_in_exec(tmp_path):
    app = _app(tmp_path / "my apps" / "QuoteLab 100%")
    r = _make(f"APP={app}", home=tmp_path)
    assert r.returncode == 0, r.stderr
    entry = tmp_path / ".local" / "share" / "applications" / "quotelab.desktop"
    assert _exec_argv(entry) == [str(app), "%f"]
    icons = tmp_path / ".local" / "share" / "icons" / "hicolor" / "scalable" / "apps"
    assert (icons / "quotelab.svg").read_bytes() == (
        ROOT / "resources" / "icons" / "quotelab.svg"
    ).read_bytes()
    assert (tmp_path / ".local" / "share" / "mime" / "packages" / "quotelab.xml").is_file()


def test_any_character_of_a_path_is_escaped(tmp_path):
    from tools.install_desktop import install

    app = tmp_path / 'a "b" `c` $d \\e %f\'g'
    entry = install(app, tmp_path / "data")[0]
    assert _exec_argv(entry) == [str(app), "%f"]


def test_xdg_data_home_is_where_it_goes_unless_relative(tmp_path):
    app = _app(tmp_path / "dist")
    r = _make(f"APP={app}", home=tmp_path, XDG_DATA_HOME=str(tmp_path / "xdg"))
    assert r.returncode == 0, r.stderr
    assert (tmp_path / "xdg" / "applications" / "quotelab.desktop").is_file()
    assert not (tmp_path / ".local").exists()
    r = _make(f"APP={app}", home=tmp_path, XDG_DATA_HOME="xdg-relative")
    assert r.returncode == 0, r.stderr
    assert (tmp_path / ".local" / "share" / "applications" / "quotelab.desktop").is_file()
    assert not (ROOT / "xdg-relative").exists()
