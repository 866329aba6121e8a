"""Dates in the file dialogs, under the C locale (no locale set)."""

import os
import re
import subprocess
import sys

from tests.conftest import ROOT

SHOW = """
import sys
from gui.app import readable_dates
readable_dates()
from PySide6.QtWidgets import QApplication, QFileSystemModel
app = QApplication([])
model = QFileSystemModel()
model.setRootPath(sys.argv[1])
index = model.index(sys.argv[1] + "/file.txt")
while not model.data(index.siblingAtColumn(3)):  # (listed by a thread of its own)
    app.processEvents()
    index = model.index(sys.argv[1] + "/file.txt")
print(model.data(index.siblingAtColumn(3)))
"""


def test_file_dialogs_write_dates_in_iso_order_under_the_c_locale(tmp_path):
    """Under LANG=C the Open and Save dialogs wrote dates as "5 12 2026"."""
    (tmp_path / "file.txt").write_text("x")
    env = {k: v for k, v in os.environ.items() if not k.startswith("LC_")}
    env |= {"LANG": "C.UTF-8", "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT)}
    shown = subprocess.run(
        [sys.executable, "-c", SHOW, str(tmp_path)],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    ).stdout.strip()
    assert re.fullmatch(r"\d{4}-\d\d-\d\d \d\d:\d\d", shown), shown
