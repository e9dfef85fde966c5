"""The impact chart: one diverging bar per cluster of articles, from −2 to +2."""

from __future__ import annotations

from reportlab.graphics.shapes import Drawing, Line, Rect, String
from reportlab.lib.utils import simpleSplit

from app.core.document.model import Chart
from app.report.fonts import register_fonts
from app.report.styles import INK, MUTED, NEGATIVE, POSITIVE, RULE, SHADE
from app.report.text import plain

LABEL_SIZE = 8
ROW = 16  # points per row with a one-line label
LINE = 9  # extra points per further label line
AXIS = 24  # room below the rows for tick labels and the direction words


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
