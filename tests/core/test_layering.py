"""The layers of the code: core/ loads no Qt, each part imports only from its own layer and
those below it (pyproject.toml, [tool.importlinter]), no import circles, and only
core/corpus/ speaks SQL. `make lint` enforces the contracts; these tests show that it
does, by planting a breach in a copy of the tree and watching lint fail."""

import shutil
import subprocess
import sys
from pathlib import Path

import grimp
import pytest

from tests.conftest import ROOT, run_python

BIN = Path(sys.executable).parent


@pytest.mark.slow
def test_core_imports_no_qt():
    code = (
        "import pkgutil, importlib, sys, core\n"
        "for m in pkgutil.walk_packages(core.__path__, 'core.'):\n"
        "    importlib.import_module(m.name)\n"
        "import core.suggest.rules\n"
        "bad = sorted(n for n in sys.modules if n.split('.')[0] in ('PySide6', 'shiboken6'))\n"
        "print(len([n for n in sys.modules if n.startswith('core.')]))\n"
        "assert not bad, bad\n"
    )
    out = run_python(code)
    assert out.returncode == 0, out.stderr
    modules = len(list((ROOT / "core").rglob("*.py"))) - 1  # core/__init__.py is `core`
    assert int(out.stdout.strip()) >= modules  # every core module was really imported


def test_gui_talks_to_no_sqlite_or_spacy():
    for path in (ROOT / "gui").rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        for banned in ("import sqlite3", "import sqlite_utils", "import spacy", "from spacy"):
            assert banned not in text, f"{path.name} uses {banned}: go through core"


def test_no_module_imports_itself_back():
    """No circle between any two modules, a package and its own modules included (the
    import-linter contract sees circles between siblings only), and whether the import is
    at the top, inside a function or under TYPE_CHECKING."""
    graph = grimp.build_graph("core", "gui")
    circles = sorted(
        (a, b)
        for a in graph.modules
        for b in graph.find_modules_directly_imported_by(a)
        if graph.chain_exists(importer=b, imported=a)
    )
    assert not circles


@pytest.fixture
def tree(tmp_path):
    """A copy of what lint reads: the code and its configuration."""
    for part in ("core", "gui"):
        shutil.copytree(ROOT / part, tmp_path / part, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / "pyproject.toml", tmp_path)
    return tmp_path


def lint_imports(where: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [BIN / "lint-imports", "--no-cache"], cwd=where, capture_output=True, text=True, check=False
    )


def plant(path: Path, line: str) -> None:
    path.write_text(path.read_text(encoding="utf-8") + f"\n{line}\n", encoding="utf-8")


def test_the_copy_keeps_every_contract(tree):
    out = lint_imports(tree)
    assert out.returncode == 0, out.stdout + out.stderr
    assert "5 kept, 0 broken" in out.stdout


@pytest.mark.parametrize(
    ("module", "line", "contract"),
    [
        ("core/model.py", "import core.review.session", "Each part imports only from its own"),
        ("core/corpus/store.py", "import core.suggest.rules", "Each part imports only from"),
        ("core/measure/report.py", "import sqlite3", "Only the corpus speaks SQL"),
        ("gui/panels.py", "import sqlite_utils", "Only the corpus speaks SQL"),
        ("core/tokens.py", "import PySide6.QtCore", "core never imports Qt"),
        ("gui/main_window.py", "import core.cli.main", "gui never imports the command line"),
        ("core/formats/brat.py", "import core.formats.ingest", "No import circles"),
    ],
)
@pytest.mark.slow
def test_a_planted_import_fails_lint(tree, module, line, contract):
    plant(tree / module, line)
    out = lint_imports(tree)
    assert out.returncode != 0
    broken = out.stdout.split("Broken contracts", 1)[1]
    assert contract in broken


def test_the_connection_outside_the_corpus_fails_lint(tree):
    """Only core/corpus/ touches the Store's connection (ruff's SLF001 on `_conn`)."""
    ruff = [BIN / "ruff", "check", "--no-cache", "--select", "SLF001", "core", "gui"]
    clean = subprocess.run(ruff, cwd=tree, capture_output=True, text=True, check=False)
    assert clean.returncode == 0, clean.stdout
    plant(tree / "core/measure/report.py", "ROWS = Store.__new__(Store)._conn.execute('')")
    out = subprocess.run(ruff, cwd=tree, capture_output=True, text=True, check=False)
    assert out.returncode != 0
    assert "core/measure/report.py" in out.stdout and "_conn" in out.stdout
