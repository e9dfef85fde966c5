"""The impact chart: one diverging bar per cluster of articles, from −2 to +2."""

from __future__ import annotations

from reportlab.graphics.shapes import Drawing, Line, Rect, String
from reportlab.lib.utils import simpleSplit

from app.core.document.model import Chart
from app.core.models.scorecard import ClusterImpact
from app.core.text import tr
from app.report.fonts import register_fonts
from app.report.strings import number, t
from app.report.styles import INK, MUTED, NEGATIVE, POSITIVE, RULE, SHADE
from app.report.text import plain

LABEL_SIZE = 8
ROW = 16  # points per row with a one-line label
LINE = 9  # extra points per further label line
AXIS = 24  # room below the rows for tick labels and the direction words
HIDDEN = {"monitoring_final"}  # articles 43-54 are about the Committee, never rated


def unrated(clusters: list[ClusterImpact]) -> list[ClusterImpact]:
    """Clusters with no rated article, named under the chart so that the gaps show."""
    return [c for c in clusters if c.mean is None and c.id not in HIDDEN]


def impact_chart(clusters: list[ClusterImpact], lang: str, width: float) -> Drawing | None:
    """One bar per rated cluster (None when nothing is rated).

    Unrated clusters get no row: nine rows, mostly empty, would push the warnings off the
    first page; they are listed in a line under the chart instead.
    """
    regular, bold = register_fonts()
    rows = [c for c in clusters if c.mean is not None]
    if not rows:
        return None
    label_w = width * 0.40
    # The bar area leaves room on both sides for the value printed beyond a bar's end.
    left, right = label_w + 34, width - 34
    mid, unit = (left + right) / 2, (right - left) / 4
    labels = [simpleSplit(plain(tr(c.title, lang)), regular, LABEL_SIZE, label_w)[:2]
              for c in rows]
    heights = [ROW + LINE * (len(lines) - 1) for lines in labels]
    height = sum(heights) + AXIS
    d = Drawing(width, height, initialFontName=regular)  # the default state is Helvetica
    y = height
    for i, (cluster, lines, h) in enumerate(zip(rows, labels, heights, strict=True)):
        y -= h
        if i % 2 == 0:
            d.add(Rect(0, y, width, h, fillColor=SHADE, strokeColor=None))
        assert cluster.mean is not None
        text_y = y + h / 2 + (len(lines) - 1) * LINE / 2 - 3
        for k, line in enumerate(lines):
            d.add(String(0, text_y - k * LINE, line, fontName=regular, fontSize=LABEL_SIZE,
                         fillColor=INK))
        _bar(d, cluster.mean, y + h / 2, mid, unit, lang, (regular, bold))
    _axis(d, mid, unit, height - AXIS, lang, regular)
    return d


def _bar(d: Drawing, mean: float, cy: float, mid: float, unit: float, lang: str,
         fonts: tuple[str, str]) -> None:
    length = max(abs(mean) * unit, 1.5)  # a zero still shows as a sliver on the axis
    x = mid if mean >= 0 else mid - length
    d.add(Rect(x, cy - 4.5, length, 9, fillColor=POSITIVE if mean >= 0 else NEGATIVE,
               strokeColor=None))
    value = number(mean, lang, 2, sign=True)
    if mean >= 0:
        d.add(String(x + length + 3, cy - 3, value, fontName=fonts[1], fontSize=7.5,
                     fillColor=INK))
    else:
        d.add(String(x - 3, cy - 3, value, fontName=fonts[1], fontSize=7.5, fillColor=INK,
                     textAnchor="end"))


def _axis(d: Drawing, mid: float, unit: float, top: float, lang: str, font: str) -> None:
    for step in range(-2, 3):
        x = mid + step * unit
        d.add(Line(x, AXIS - 6, x, top, strokeColor=INK if step == 0 else RULE,
                   strokeWidth=0.8 if step == 0 else 0.4,
                   strokeDashArray=None if step == 0 else [2, 2]))
        d.add(String(x, AXIS - 14, number(step, lang, sign=step != 0), fontName=font,
                     fontSize=7, fillColor=MUTED, textAnchor="middle"))
    d.add(String(mid - 6, 1, t("chart_weakened", lang), fontName=font, fontSize=7.5,
                 fillColor=NEGATIVE, textAnchor="end"))
    d.add(String(mid + 6, 1, t("chart_strengthened", lang), fontName=font, fontSize=7.5,
                 fillColor=POSITIVE))


def chart_drawing(chart: Chart, width: float) -> Drawing:
    """The document model's chart drawn: one bar per rated area, labels from the model."""
    regular, bold = register_fonts()
    label_w = width * 0.40
    left, right = label_w + 34, width - 34
    mid, unit = (left + right) / 2, (right - left) / 4
    labels = [simpleSplit(plain(bar.label), regular, LABEL_SIZE, label_w)[:2]
              for bar in chart.bars]
    heights = [ROW + LINE * (len(lines) - 1) for lines in labels]
    height = sum(heights) + AXIS
    d = Drawing(width, height, initialFontName=regular)  # the default state is Helvetica
    y = height
    for i, (bar, lines, h) in enumerate(zip(chart.bars, labels, heights, strict=True)):
        y -= h
        if i % 2 == 0:
            d.add(Rect(0, y, width, h, fillColor=SHADE, strokeColor=None))
        text_y = y + h / 2 + (len(lines) - 1) * LINE / 2 - 3
        for k, line in enumerate(lines):
            d.add(String(0, text_y - k * LINE, line, fontName=regular, fontSize=LABEL_SIZE,
                         fillColor=INK))
        _model_bar(d, bar.value, bar.value_text, y + h / 2, mid, unit, (regular, bold))
    top = height - AXIS
    for value, label in chart.ticks:
        x = mid + value * unit
        d.add(Line(x, AXIS - 6, x, top, strokeColor=INK if value == 0 else RULE,
                   strokeWidth=0.8 if value == 0 else 0.4,
                   strokeDashArray=None if value == 0 else [2, 2]))
        d.add(String(x, AXIS - 14, label, fontName=regular, fontSize=7, fillColor=MUTED,
                     textAnchor="middle"))
    d.add(String(mid - 6, 1, chart.weakened, fontName=regular, fontSize=7.5, fillColor=NEGATIVE,
                 textAnchor="end"))
    d.add(String(mid + 6, 1, chart.strengthened, fontName=regular, fontSize=7.5,
                 fillColor=POSITIVE))
    return d


def _model_bar(d: Drawing, value: float, text: str, cy: float, mid: float, unit: float,
               fonts: tuple[str, str]) -> None:
    length = max(abs(value) * unit, 1.5)  # a zero still shows as a sliver on the axis
    x = mid if value >= 0 else mid - length
    d.add(Rect(x, cy - 4.5, length, 9, fillColor=POSITIVE if value >= 0 else NEGATIVE,
               strokeColor=None))
    if value >= 0:
        d.add(String(x + length + 3, cy - 3, text, fontName=fonts[1], fontSize=7.5,
                     fillColor=INK))
    else:
        d.add(String(x - 3, cy - 3, text, fontName=fonts[1], fontSize=7.5, fillColor=INK,
                     textAnchor="end"))
