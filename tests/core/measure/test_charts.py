"""core/measure/charts.py: four static SVG charts and the self-contained HTML page."""

import xml.etree.ElementTree as ET
from dataclasses import replace

import pytest

from core.corpus.store import Store
from core.measure import charts, report
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
    assert "Top speakers (quotes; 3 of 8 unreviewed)" in speakers and "Ana Ruiz" in speakers
    assert {"reviewed", "unreviewed suggestions"} <= set(speakers)  # the legend
    assert "Quotes by type; 3 of 8 unreviewed" in texts(drawn["quotes_by_type"])
    assert "</svg><script>x" in speakers  # a name is text, never markup
    assert {"direct", "mixed", "indirect"} <= set(texts(drawn["quotes_by_type"]))
    assert {"2025-05", "undated"} <= set(texts(drawn["quotes_over_time"]))
    assert "f1" in texts(drawn["quality_by_type"])


def test_the_page_needs_no_other_file_and_runs_no_text(rep):
    page = charts.html_page(rep)
    assert page.count("<svg") == 4 and "<script" not in page and "src=" not in page
    assert "&lt;/svg&gt;&lt;script&gt;x" in page


def test_the_page_reads_as_words_not_field_names(rep):
    page = charts.html_page(rep)
    assert "attribution f1" in page and "in progress" in page
    assert "attribution_f1" not in page and "in_progress" not in page


def test_save_writes_svg_files(rep, tmp_path):
    paths = charts.save(charts.render_all(rep), tmp_path / "out")
    assert [p.name for p in paths] == [f"{n}.svg" for n in charts.CHARTS]
    assert all(ET.parse(p).getroot().tag == f"{SVG}svg" for p in paths)


def _classes(el) -> list[str]:
    return el.get("class", "").split()


def _axes(svg: bytes) -> dict[str, ET.Element]:
    root = ET.fromstring(svg)
    return {
        next(c for c in _classes(g) if c != "axis"): g
        for g in root.iter(f"{SVG}g")
        if "axis" in _classes(g)
    }


def test_axis_labels_and_guides_carry_their_style_for_qtsvg(rep):
    """QtSvg (the Report window) matches none of pygal's compound selectors: labels were
    drawn left-aligned over the bars and guides across them. Each label now says its
    alignment, each category guide that it is hidden, in attributes QtSvg reads."""
    anchors = {"x": "middle", "y": "end", "y2": "start"}
    for name, svg in charts.render_all(rep).items():
        for side, axis in _axes(svg).items():
            for text in axis.iter(f"{SVG}text"):
                assert text.get("text-anchor") == anchors[side], (name, side, text.text)
    for name in ("quotes_by_type", "quotes_over_time"):  # bars up: the x guides go
        guides = [p for p in _axes(charts.CHARTS[name](rep))["x"].iter(f"{SVG}path")]
        assert all(p.get("opacity") == "0" for p in guides if "guide" in _classes(p))


def test_top_speakers_reads_level_with_whole_names(rep):
    """Names were rotated, cut at 18 characters and overlapped their bars: they are on
    the left, level, whole (up to 24 characters), the most quoted on top."""
    long_name = "Ivan Preobrazhensky-Sokolov"  # 27 characters: cut at 24
    rep.speakers.insert(0, replace(rep.speakers[0], name=long_name, quotes=9))
    rep.speakers.insert(1, replace(rep.speakers[1], name="Ivan Preobrazhensky", quotes=8))
    names = _axes(charts.top_speakers(rep))["y"].findall(f".//{SVG}text")
    # (drawn from the bottom up: the most quoted last)
    assert [t.text for t in names][-2:] == ["Ivan Preobrazhensky", long_name[:23] + "\u2026"]
    assert names[-2].get("text-anchor") == "end" and float(names[-2].get("x")) < 0
    assert not any(t.get("transform") for t in names)


def test_quotes_over_time_puts_articles_on_their_own_axis(rep):
    """Articles and quotes on one axis made the articles' bar a sliver: articles have the
    right axis, both labelled in whole numbers, and the articles' bars stay tall."""
    svg = charts.quotes_over_time(rep)
    axes = _axes(svg)
    left = [t.text for t in axes["y"].iter(f"{SVG}text")]
    right = [t.text for t in axes["y2"].iter(f"{SVG}text")]
    assert left == ["0", "2", "4"] and right == ["0", "1", "2"]
    root = ET.fromstring(svg)
    heights: dict[str, list[float]] = {}  # (pygal repeats each series' group, empty)
    for g in root.iter(f"{SVG}g"):
        for serie in (c for c in _classes(g) if c.startswith("serie-")):
            heights.setdefault(serie, []).extend(
                float(r.get("height")) for r in g.iter(f"{SVG}rect")
            )
    quotes, articles = heights["serie-0"], heights["serie-1"]
    assert articles[0] >= quotes[0] / 2 - 1  # 1 article against 4 quotes: half as tall
