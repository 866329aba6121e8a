"""Double-clicking a .qlab: the desktop entry and the shared-mime-info type agree."""

import configparser
import shutil
import subprocess
import xml.etree.ElementTree as ET

import pytest

from core.corpus.schema import APPLICATION_ID
from core.corpus.store import Store
from tests.conftest import ROOT

NS = {"m": "http://www.freedesktop.org/standards/shared-mime-info"}
MIME_XML = ROOT / "resources" / "quotelab-mime.xml"


def _mime_type():
    return ET.parse(MIME_XML).getroot().find("m:mime-type", NS)


def test_desktop_entry_opens_files_of_the_corpus_type():
    entry = configparser.ConfigParser(interpolation=None)
    entry.optionxform = str
    entry.read(ROOT / "resources" / "quotelab.desktop")
    desktop = entry["Desktop Entry"]
    assert desktop["Exec"].endswith(" %f")
    assert desktop["MimeType"].rstrip(";").split(";") == [_mime_type().get("type")]


def test_mime_type_matches_the_file_name_and_the_application_id():
    mime = _mime_type()
    assert mime.find("m:glob", NS).get("pattern") == "*.qlab"
    inner = mime.find("m:magic/m:match/m:match", NS)
    assert (int(inner.get("offset")), inner.get("value").encode()) == (
        68,
        APPLICATION_ID.to_bytes(4, "big"),
    )


@pytest.mark.skipif(not shutil.which("update-mime-database"), reason="no shared-mime-info")
def test_shared_mime_info_accepts_the_type(tmp_path):
    packages = tmp_path / "mime" / "packages"
    packages.mkdir(parents=True)
    shutil.copy(MIME_XML, packages / "quotelab.xml")
    subprocess.run(["update-mime-database", str(tmp_path / "mime")], check=True)
    assert "application/x-quotelab-corpus:*.qlab" in (tmp_path / "mime" / "globs2").read_text()
    assert b"QLab" in (tmp_path / "mime" / "magic").read_bytes()
    with Store(tmp_path / "c.qlab"):
        pass
    assert (tmp_path / "c.qlab").read_bytes()[68:72] == b"QLab"
