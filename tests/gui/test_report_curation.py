"""The Report window on a gold corpus (issue 22 item 5, docs/adr/0035): its figures
hold the curation section and its charts the disagreements by kind; on any other
corpus neither is there."""

from gui.report_window import ReportWindow
from tests.core.curation_report_data import project
from tests.gui.test_report_window import chart_pixels


def shown(qtbot, corpus):
    w = ReportWindow(corpus)
    qtbot.addWidget(w)
    with qtbot.waitSignal(w.ready, timeout=20_000):
        w.show()
    return w


def test_a_gold_shows_what_the_curation_says(qtbot, tmp_path):
    gold, _ = project(tmp_path)
    w = shown(qtbot, gold)
    assert w.status.text() == "2 articles; a gold corpus; 0 item(s) left to adjudicate"
    text = w.figures.toPlainText()
    assert "Curation" in text and "Agreement before curation" in text
    assert "Each annotator against the gold" in text
    assert "Disagreements with the gold, by kind" in text
    for name in ("ana / ben", "ana / cal", "ben / cal"):
        assert name in text
    assert "0.941" in text and "0.667" in text  # ana's quote F1, ben's speaker F1
    chart = w.chart_widgets["disagreements"]
    assert chart.renderer().isValid()
    # One widget per chart drawn, in order, two a row; no suggestion quality in a gold.
    drawn = [name for name, c in w.chart_widgets.items() if not c.isHidden()]
    assert drawn == list(w.svgs) and "quality_by_type" not in drawn
    assert "Suggestion quality on" not in text and "Not measured in a gold corpus" in text
    grid = w._grid
    assert [grid.getItemPosition(grid.indexOf(w.chart_widgets[n]))[:2] for n in drawn] == [
        (0, 0),
        (0, 1),
        (1, 0),
        (1, 1),
    ]
    coloured = [c for c in chart_pixels(chart) if c.saturation() > 60]
    assert len(coloured) > 50  # the bars are drawn
    with qtbot.waitSignal(w.ready, timeout=20_000):
        w.refresh()  # again: the same widgets, none added twice
    assert [n for n, c in w.chart_widgets.items() if not c.isHidden()] == list(w.svgs)
    assert len(w.chart_widgets) == len(w.svgs) + 1


def test_another_corpus_shows_nothing_of_curation(qtbot, small):
    w = shown(qtbot, small)
    assert "adjudicate" not in w.status.text()
    assert "Curation" not in w.figures.toPlainText()
    assert "disagreements" not in w.chart_widgets and "disagreements" not in w.svgs
