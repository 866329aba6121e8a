"""The report's charts as SVG, drawn with pygal (no Qt, no display; see docs/adr/0010),
and the report as one self-contained HTML page.

Each chart is a self-contained SVG document (no scripts, no external files): the
``--html`` page embeds them, the Report window shows them with QtSvg, and
:func:`save` writes them as ``.svg`` files.
"""

from __future__ import annotations

import html
import sys
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pygal  # type: ignore[import-untyped]
from pygal.style import Style  # type: ignore[import-untyped]
from pygal.util import truncate  # type: ignore[import-untyped]

from core.measure.curation import FIELDS, KINDS
from core.measure.report import NO_QUALITY_YET, NOT_IN_A_GOLD
from core.model import QuoteType

if TYPE_CHECKING:
    from core.measure.curation import Curation
    from core.measure.report import Quality, Report

# pygal adds a finder for its map plugins (unused here) that only has the find_module
# API Python 3.4 deprecated: on 3.11 every failed import elsewhere then warns. Drop it.
sys.meta_path[:] = [f for f in sys.meta_path if type(f).__module__ != "pygal"]

WIDTH, HEIGHT = 640, 360
_STYLE = Style(
    background="white",
    plot_background="white",
    foreground="#333333",
    foreground_strong="#111111",
    foreground_subtle="#999999",
    colors=("#3b6ea8", "#d9822b", "#5a9e4b", "#b04a5a"),
    font_family="sans-serif",
    # Sized for the Report window, which shows a chart at about two thirds of its size:
    # pygal's defaults (10 px labels) came out unreadable there.
    title_font_size=18,
    label_font_size=14,
    major_label_font_size=14,
    legend_font_size=14,
    no_data_font_size=24,
)


def _local(tag: Any) -> str:
    return str(tag).rsplit("}", 1)[-1]


def _drop_scripts(root: Any) -> Any:
    """pygal always embeds its settings (chart labels included) in a ``<script>``: the
    charts carry article text, so no script is kept at all."""
    for parent in root.iter():
        for child in list(parent):
            if _local(child.tag) == "script":
                parent.remove(child)
    return root


#: How pygal's stylesheet aligns axis labels (x rotated: from their tick).
_ANCHORS = {"x": "middle", "y": "end", "y2": "start"}


def _qtsvg_axes(root: Any) -> Any:
    """Write pygal's axis styles as presentation attributes: QtSvg (the Report window)
    matches no compound selector such as ``.axis.y text``, so it drew labels on their
    bars, left-aligned, and the category guides across the bars. A browser applies the
    stylesheet over the attributes: the same result."""
    graph = next((g for g in root.iter() if "graph" in g.get("class", "").split()), None)
    horizontal = graph is not None and "horizontal" in graph.get("class", "").split()
    for axis in root.iter():
        classes = axis.get("class", "").split()
        side = next((c for c in classes if c in _ANCHORS), None)
        if "axis" not in classes or side is None:
            continue
        category = side == "x" if not horizontal else side in ("y", "y2")
        for el in axis.iter():
            if _local(el.tag) == "text":
                rotated = side == "x" and el.get("transform")
                el.set("text-anchor", "start" if rotated else _ANCHORS[side])
            elif category and "guide" in el.get("class", "").split():
                el.set("opacity", "0")
    return root


def _chart(kind: Callable[..., Any], title: str, **config: Any) -> Any:
    chart = kind(
        title=title,
        width=WIDTH,
        height=HEIGHT,
        style=_STYLE,
        js=[],  # no script: the SVG stays self-contained and static
        disable_xml_declaration=True,
        explicit_size=True,
        no_data_text="nothing yet",
        show_x_guides=False,
        show_y_guides=False,  # QtSvg draws them black: it skips pygal's CSS for them
        **config,
    )
    chart.add_xml_filter(_drop_scripts)
    chart.add_xml_filter(_qtsvg_axes)
    return chart


def _step(top: int, steps: int = 6) -> int:
    """The whole step that labels a count axis up to ``top`` in at most ``steps`` steps."""
    return max(1, -(-top // steps))


def _whole_numbers(chart: Any, top: int) -> None:
    """Label a count axis with whole numbers only (at most about six steps)."""
    step = _step(top)
    chart.y_labels = list(range(0, top + step, step))


def _unreviewed(report: Report) -> str:
    """What a chart of quote counts adds to its title: how many are unreviewed."""
    if not report.unreviewed:
        return ""
    return f"; {report.unreviewed} of {report.quotes} unreviewed"


def top_speakers(report: Report, n: int = 10) -> bytes:
    """Horizontal bars, the most quoted on top: the names read level, beside their bars;
    each bar its reviewed quotes, then its unreviewed suggestions, told apart."""
    rows = report.speakers[:n][::-1]  # (pygal draws the first label at the bottom)
    chart = _chart(
        pygal.HorizontalStackedBar,
        f"Top speakers (quotes{_unreviewed(report)})",
        show_legend=bool(report.unreviewed),
        legend_at_bottom=True,
        legend_at_bottom_columns=2,
    )
    chart.x_labels = [truncate(r.name, 24) for r in rows]  # (pygal cuts only x-axis labels)
    chart.add("reviewed", [r.quotes - r.unreviewed for r in rows])
    chart.add("unreviewed suggestions", [r.unreviewed for r in rows])
    _whole_numbers(chart, max((r.quotes for r in rows), default=0))
    return str(chart.render(is_unicode=True)).encode("utf-8")


def quotes_by_type(report: Report) -> bytes:
    chart = _chart(pygal.Bar, f"Quotes by type{_unreviewed(report)}", show_legend=False)
    chart.x_labels = list(report.by_type)
    chart.add("quotes", list(report.by_type.values()))
    _whole_numbers(chart, max(report.by_type.values(), default=0))
    return str(chart.render(is_unicode=True)).encode("utf-8")


def quality_by_type(report: Report) -> bytes:
    """Precision, recall and F1 of the first suggestions on done articles, by type (not
    drawn for a gold: :func:`render_all`)."""
    assert report.quality is not None
    chart = _chart(pygal.Bar, "Suggestion quality by type (done articles)", range=(0, 1))
    by_type = report.quality.score.by_type
    types = [t.value for t in QuoteType]
    chart.x_labels = types
    if report.quality.articles:
        for figure in ("precision", "recall", "f1"):
            chart.add(figure, [round(getattr(by_type[t], figure), 3) for t in types])
    return str(chart.render(is_unicode=True)).encode("utf-8")


def quotes_over_time(report: Report) -> bytes:
    """Quotes (left axis) and articles (right axis) by month: each on its own scale, as a
    month has tens of quotes for each article."""
    months = report.over_time
    top_quotes = max((n for _, _, n in months), default=0)
    top_articles = max((a for _, a, _ in months), default=0)
    # Both axes in whole numbers on the same lines; the fewer articles, the fewer lines, so
    # the articles' bars stay tall (one article: 0, 1, 2).
    steps = min(6, max(top_articles, 2))
    quote_step, article_step = _step(top_quotes, steps), _step(top_articles, steps)
    chart = _chart(
        pygal.Bar,
        f"Quotes by month of the article date{_unreviewed(report)}",
        x_label_rotation=30 if len(months) > 8 else 0,  # (a year's months side by side)
        legend_at_bottom=True,
        legend_at_bottom_columns=2,
        secondary_range=(0, steps * article_step),
    )
    chart.x_labels = [m for m, _, _ in months]
    chart.add("quotes (left axis)", [n for _, _, n in months])
    chart.add("articles (right axis)", [a for _, a, _ in months], secondary=True)
    chart.y_labels = [i * quote_step for i in range(steps + 1)]
    return str(chart.render(is_unicode=True)).encode("utf-8")


def disagreements(report: Report) -> bytes:
    """A gold corpus's disagreements with the gold by kind, a bar per annotator."""
    assert report.curation is not None
    kinds = report.curation.scores
    chart = _chart(
        pygal.Bar,
        "Disagreements with the gold, by kind",
        legend_at_bottom=True,
        legend_at_bottom_columns=min(len(kinds), 5),
    )
    chart.x_labels = list(KINDS)
    for s in kinds:
        chart.add(truncate(s.annotator, 20), [s.kinds[k] for k in KINDS])
    _whole_numbers(chart, max((n for s in kinds for n in s.kinds.values()), default=0))
    return str(chart.render(is_unicode=True)).encode("utf-8")


#: Every chart by file name stem, in the order the report shows them.
CHARTS: dict[str, Callable[[Report], bytes]] = {
    "top_speakers": top_speakers,
    "quotes_by_type": quotes_by_type,
    "quality_by_type": quality_by_type,
    "quotes_over_time": quotes_over_time,
}
#: The charts of a gold corpus's report only (docs/adr/0035), after the others.
CURATION_CHARTS: dict[str, Callable[[Report], bytes]] = {"disagreements": disagreements}


def render_all(report: Report) -> dict[str, bytes]:
    """Every chart of the report by name: a gold's own ones too, and no suggestion
    quality in a gold (it has none)."""
    drawn = {**CHARTS, **(CURATION_CHARTS if report.curation is not None else {})}
    if report.quality is None:
        del drawn["quality_by_type"]
    return {name: draw(report) for name, draw in drawn.items()}


def save(svgs: dict[str, bytes], folder: Path) -> list[Path]:
    """Write charts (from :func:`render_all`) as ``folder/NAME.svg``; returns the files."""
    folder.mkdir(parents=True, exist_ok=True)
    out = []
    for name, svg in svgs.items():
        path = folder / f"{name}.svg"
        path.write_bytes(svg)
        out.append(path)
    return out


def _table(head: Iterable[str], rows: Iterable[Iterable[Any]]) -> str:
    def cells(tag: str, values: Iterable[Any]) -> str:
        return "".join(f"<{tag}>{html.escape(str(v))}</{tag}>" for v in values)

    body = "".join(f"<tr>{cells('td', r)}</tr>" for r in rows)
    return f"<table><tr>{cells('th', head)}</tr>{body}</table>"


def _words(key: object) -> str:
    """A field's name as a reader's words: ``attribution_f1`` -> ``attribution f1``."""
    return str(key).replace("_", " ")


#: The report page's stylesheet (the Report window gives it to its rich text).
STYLE = (
    "body{font-family:sans-serif;max-width:60em;margin:2em auto;color:#222}"
    "table{border-collapse:collapse;margin:1em 0}"
    "td,th{border:1px solid #ccc;padding:.2em .6em;text-align:left}"
    "figure{margin:1em 0}"
)


def _quality(q: Quality) -> list[str]:
    """The suggestion quality section as HTML."""
    s = q.score
    parts = [f"<h2>Suggestion quality on {q.articles} done article(s)</h2>"]
    if not q.articles:
        parts.append(f"<p>{html.escape(NO_QUALITY_YET)}</p>")
    figures = ("precision", "recall", "f1", "attribution_f1", "speaker_accuracy", "exact_share")
    if q.articles:
        parts.append(
            _table(
                ["", *(_words(f) for f in figures), "gold", "suggested"],
                [
                    [name, *(f"{getattr(c, f):.3f}" for f in figures), c.gold, c.pred]
                    for name, c in [("all", s.overall), *s.by_type.items()]
                ],
            )
        )
        parts.append(_table(["fix", "count"], q.fixes.items()))
    if q.missed_cues:
        parts.append(_table(["cue word of a missed quote", "count"], q.missed_cues))
    return parts


def html_parts(report: Report) -> list[str]:
    """The report's figures as HTML, a heading, paragraph or table each (simple enough
    for Qt's rich text; the Report window shows them one at a time)."""
    q = report.quality
    parts = [f"<h1>QuoteLab report</h1><p>{html.escape(report.whose())}</p>"]
    if q is None:
        parts.append(f"<h2>Suggestion quality</h2><p>{html.escape(NOT_IN_A_GOLD)}</p>")
    else:
        parts += _quality(q)
    parts.append(f"<h2>Corpus</h2><p>{html.escape(report.counted().capitalize())}.</p>")
    for title, counts in [
        ("articles by status", report.articles_by_status),
        ("attributions by type", report.by_type),
        ("attributions by state", report.by_state),
        ("attributions by origin", report.by_origin),
        ("articles by quotes per article", report.quotes_per_article["histogram"]),
    ]:
        parts.append(_table([title, "count"], ((_words(k), n) for k, n in counts.items())))
    parts.append(f"<h2>Speakers ({report.speaker_count})</h2>")
    parts.append(
        _table(
            ["speaker", "quotes", "unreviewed", "articles", "cues"],
            [
                [
                    r.name,
                    r.quotes,
                    r.unreviewed,
                    r.articles,
                    ", ".join(f"{c} {n}" for c, n in r.cues),
                ]
                for r in report.speakers
            ],
        )
    )
    parts.append(f"<p>{report.no_speaker_name} quote(s) with no speaker name.</p>")
    parts.append("<h2>Over time and by outlet</h2>")
    parts.append(_table(["month", "articles", "quotes"], report.over_time))
    parts.append(_table(["outlet", "articles", "quotes"], report.by_outlet))
    if report.curation is not None:
        parts += _curation_parts(report.curation)
    return parts


def _f1(figure: float | None) -> str:
    return "n/a" if figure is None else f"{figure:.3f}"


def _curation_parts(cur: Curation) -> list[str]:
    """A gold corpus's curation section (docs/adr/0035)."""
    items = ", ".join(f"{n} {k}" for k, n in cur.items.items())
    parts = [
        "<h2>Curation</h2>",
        f"<p>{html.escape(', '.join(cur.annotators))}: items to adjudicate {items}."
        + (f" {cur.damaged} damaged article(s) left out." if cur.damaged else "")
        + "</p>",
        "<h3>Agreement before curation (articles done by both)</h3>",
        _table(
            ["annotators", "articles", "alpha", "quote f1", "attribution f1", "left out"],
            [
                [f"{p.a} / {p.b}", p.articles, _f1(p.alpha), _f1(p.quote_f1())]
                + [_f1(p.attribution_f1()), p.left_out]
                for p in cur.pairs
            ],
        ),
        "<h3>Each annotator against the gold (articles done by them and in the gold)</h3>",
        _table(
            ["annotator", "articles", *(f"{f} f1" for f in FIELDS)]
            + [f"{t.value} f1" for t in QuoteType],
            [
                [s.annotator, s.articles, *(_f1(v) for v in s.f1().values())]
                + [_f1(v) for v in s.by_type().values()]
                for s in cur.scores
            ],
        ),
        "<h3>Disagreements with the gold, by kind</h3>",
        _table(["annotator", *KINDS], [[s.annotator, *s.kinds.values()] for s in cur.scores]),
    ]
    return parts


def html_page(report: Report, *, with_charts: bool = True) -> str:
    """The report with its charts as one HTML page that needs no other file."""
    parts = html_parts(report)
    if with_charts:
        parts.append("<h2>Charts</h2>")
        parts += [
            f'<figure id="{name}">{svg.decode("utf-8")}</figure>'
            for name, svg in render_all(report).items()
        ]
    return (
        '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">'
        f"<title>QuoteLab report</title><style>{STYLE}</style></head>"
        f"<body>{''.join(parts)}</body></html>\n"
    )
