"""core/ is the product without a screen: importing all of it loads no Qt."""

from tests.conftest import ROOT, run_python


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
    assert int(out.stdout.strip()) >= 12  # every core module was really imported


def test_gui_talks_to_no_sqlite_or_spacy():
    for path in (ROOT / "gui").rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        for banned in ("import sqlite3", "import sqlite_utils", "import spacy", "from spacy"):
            assert banned not in text, f"{path.name} uses {banned}: go through core"
