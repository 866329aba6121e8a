"""core/charts.py: four static SVG charts and the self-contained HTML page."""

import xml.etree.ElementTree as ET

import pytest

from core import charts, report
from core.store import Store
from tests.core.small_corpus import B_TEXT, add_article, build, suggestion

SVG = "{http://www.w3.org/2000/svg}"


@pytest.fixture
def rep(tmp_path):
    path = build(tmp_path / "small.qlab")
    with Store(path) as store:
        evil = suggestion(B_TEXT + " ", "taxes would rise.", "Ana Ruiz", "</svg><script>x", "said")
        add_article(store, B_TEXT + " ", [evil], title="<b>Evil</b>")
        return report.build(store)


def texts(svg: bytes) -> list[str]:
    root = ET.fromstring(svg)
    assert root.tag == f"{SVG}svg"
    assert not any(el.tag.endswith("script") for el in root.iter())
    return [el.text for el in root.iter(f"{SVG}text") if el.text]


def test_every_chart_is_a_static_svg_with_its_data(rep):
    drawn = charts.render_all(rep)
    assert list(drawn) == ["top_speakers", "quotes_by_type", "quality_by_type", "quotes_over_time"]
    speakers = texts(drawn["top_speakers"])
    assert "Top speakers (quotes)" in speakers and "Ana Ruiz" in speakers
    assert "</svg><script>x" in speakers  # a name is text, never markup
    assert {"direct", "mixed", "indirect"} <= set(texts(drawn["quotes_by_type"]))
    assert "2025-05" in texts(drawn["quotes_over_time"])
    assert "f1" in texts(drawn["quality_by_type"])


def test_the_page_needs_no_other_file_and_runs_no_text(rep):
    page = charts.html_page(rep)
    assert page.count("<svg") == 4 and "<script" not in page and "src=" not in page
    assert "&lt;/svg&gt;&lt;script&gt;x" in page


def test_save_writes_svg_files(rep, tmp_path):
    paths = charts.save(charts.render_all(rep), tmp_path / "out")
    assert [p.name for p in paths] == [f"{n}.svg" for n in charts.CHARTS]
    assert all(ET.parse(p).getroot().tag == f"{SVG}svg" for p in paths)
