"""The impact chart as a PNG (Pillow), for formats that take only raster images (DOCX).

Drawn at twice the size it is shown, so it stays sharp when printed. The words come from the
document model's Chart; this module only draws.
"""

from __future__ import annotations

from functools import cache
from io import BytesIO

from PIL import Image, ImageDraw, ImageFont

from app.core.document.model import Chart
from app.report.fonts import FONT_DIR

SCALE = 2
WIDTH, ROW, LABEL_W, AXIS = 640, 26, 260, 44
INK, MUTED, SHADE, RULE = "#1d1d1b", "#5b5b57", "#f1f1ec", "#8a8a84"
NEGATIVE, POSITIVE = "#c2571a", "#2b6cb0"


@cache
def _font(bold: bool, size: int) -> ImageFont.FreeTypeFont:
    name = "DejaVuSans-Bold.ttf" if bold else "DejaVuSans.ttf"
    return ImageFont.truetype(str(FONT_DIR / name), size * SCALE)


def chart_png(chart: Chart) -> tuple[bytes, int, int]:
    """(PNG bytes, width, height in points at 1x) of the chart."""
    height = ROW * len(chart.bars) + AXIS
    image = Image.new("RGB", (WIDTH * SCALE, height * SCALE), "white")
    draw = ImageDraw.Draw(image)
    left, right = LABEL_W + 40, WIDTH - 40
    mid, unit = (left + right) / 2, (right - left) / 4

    def s(*values: float) -> list[float]:
        return [v * SCALE for v in values]

    def at(x: float, y: float) -> tuple[float, float]:
        return x * SCALE, y * SCALE

    base = ROW * len(chart.bars)
    for value, _label in chart.ticks:
        x = mid + value * unit
        draw.line(s(x, 0, x, base + 4), fill=INK if value == 0 else RULE,
                  width=SCALE if value == 0 else 1)
    for i, bar in enumerate(chart.bars):
        y = i * ROW
        if i % 2 == 0:
            draw.rectangle(s(0, y, WIDTH, y + ROW - 1), fill=SHADE)
        draw.text(at(2, y + 6), _fit(bar.label, _font(False, 12), LABEL_W * SCALE), fill=INK,
                  font=_font(False, 12))
        length = max(abs(bar.value) * unit, 1.5)
        x = mid if bar.value >= 0 else mid - length
        draw.rectangle(s(x, y + 7, x + length, y + 19),
                       fill=POSITIVE if bar.value >= 0 else NEGATIVE)
        font = _font(True, 11)
        if bar.value >= 0:
            draw.text(at(x + length + 4, y + 7), bar.value_text, fill=INK, font=font)
        else:
            draw.text(at(x - 4, y + 7), bar.value_text, fill=INK, font=font, anchor="ra")
    for value, label in chart.ticks:
        x = mid + value * unit
        draw.text(at(x, base + 8), label, fill=MUTED, font=_font(False, 11), anchor="ma")
    draw.text(at(mid - 8, base + 26), chart.weakened, fill=NEGATIVE, font=_font(False, 11),
              anchor="ra")
    draw.text(at(mid + 8, base + 26), chart.strengthened, fill=POSITIVE, font=_font(False, 11))
    out = BytesIO()
    image.save(out, format="PNG", optimize=True)
    return out.getvalue(), WIDTH, height


def _fit(text: str, font: ImageFont.FreeTypeFont, width: float) -> str:
    if font.getlength(text) <= width:
        return text
    while text and font.getlength(text + "…") > width:
        text = text[:-1]
    return text.rstrip() + "…"
