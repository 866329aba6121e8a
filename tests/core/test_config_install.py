"""`pip install .` (`pipx install .`) gives a working `quotelab` command: installed
offline into a fresh virtual environment that sees this one's packages, then run from a
folder outside the source tree, on resources found in the installed package."""

import json
import re
import shutil
import subprocess
import sys
import sysconfig
import tomllib
from pathlib import Path

import pytest

from tests.conftest import ROOT

PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
#: What the wheel is built from (pyproject.toml names them all).
SOURCES = ("pyproject.toml", "README.md", "main.py", "core", "gui", "resources")


def _pins(name: str) -> set[str]:
    """The ``name==version`` lines of a requirements file, comments left out."""
    lines = (ROOT / name).read_text(encoding="utf-8").splitlines()
    return {re.sub(r"\s*#.*", "", line) for line in lines} - {""}


def test_the_declared_dependencies_are_the_pinned_requirements():
    project = PYPROJECT["project"]
    assert set(project["dependencies"]) == _pins("requirements.txt")
    assert set(project["optional-dependencies"]["dask"]) == _pins("requirements-dask.txt")
    assert project["scripts"] == {"quotelab": "main:main"}
    assert PYPROJECT["build-system"]["build-backend"] == "setuptools.build_meta"


def _run(*argv: object, cwd: Path, home: Path) -> subprocess.CompletedProcess[str]:
    env = {"PATH": "/usr/bin:/bin", "QUOTELAB_HOME": str(home), "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run(
        [str(a) for a in argv], cwd=cwd, env=env, capture_output=True, text=True, check=False
    )


@pytest.fixture(scope="module")
def installed(tmp_path_factory):
    """A fresh virtual environment with QuoteLab installed by pip from a copy of the
    source (the build writes nothing into the checkout). It sees this environment's
    packages through a .pth file (``venv --system-site-packages`` would see the base
    interpreter's instead), so nothing is downloaded: ``--no-deps --no-build-isolation``
    builds with this environment's setuptools (requirements-dev.txt)."""
    tmp = tmp_path_factory.mktemp("install")
    source = tmp / "source"
    source.mkdir()
    for name in SOURCES:
        if (ROOT / name).is_dir():
            shutil.copytree(
                ROOT / name, source / name, ignore=shutil.ignore_patterns("__pycache__")
            )
        else:
            shutil.copy(ROOT / name, source / name)
    venv = tmp / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", venv], check=True)
    (site,) = (venv / "lib").glob("python3*/site-packages")
    (site / "project.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    pip = [venv / "bin" / "python", "-m", "pip", "install", "-q", "--no-index", "--no-deps"]
    r = _run(*pip, "--no-build-isolation", source, cwd=tmp, home=tmp / "home")
    assert r.returncode == 0, r.stderr
    shutil.rmtree(source)  # what runs now is the installed copy, nothing else
    return venv


@pytest.mark.slow
def test_the_installed_command_answers_from_outside_the_source_tree(installed, tmp_path):
    quotelab = installed / "bin" / "quotelab"
    r = _run(quotelab, "--help", cwd=tmp_path, home=tmp_path / "home")
    assert r.returncode == 0, r.stderr
    assert r.stdout.startswith("usage: quotelab") and "stats" in r.stdout
    assert not (tmp_path / "home").exists()  # --help creates nothing
    found = _run(
        installed / "bin" / "python",
        "-c",
        "from core.config import resource_path, sample_article_path as s; "
        "print(resource_path('.').resolve()); print(s())",
        cwd=tmp_path,
        home=tmp_path / "home",
    )
    resources, sample = map(Path, found.stdout.split("\n")[:2])
    assert resources.is_relative_to(installed) and sample.is_file()
    listed = sorted(
        p.relative_to(ROOT / "resources")
        for p in (ROOT / "resources").rglob("*")
        if p.is_file() and "__pycache__" not in p.parts
    )
    assert listed and all((resources / p).is_file() for p in listed)  # icons, sample, ...
    corpus = tmp_path / "c.qlab"
    r = _run(quotelab, "import", "--no-suggest", corpus, sample, cwd=tmp_path, home=tmp_path)
    assert r.returncode == 0, r.stderr
    r = _run(quotelab, "stats", "--json", corpus, cwd=tmp_path, home=tmp_path)
    assert r.returncode == 0, r.stderr
    assert json.loads(r.stdout)["articles"] == 1
