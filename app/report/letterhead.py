"""The organisation's letterhead on a reportlab page: its logo (PNG or SVG) and its name.

The logo is drawn at a fixed height at the left of the running header, its width following
its proportions; the name (and the unit) beside it in the organisation's colour. A logo that
cannot be read is left out and the name stands alone: a broken image must not stop a report.
"""

from __future__ import annotations

from functools import lru_cache
from io import BytesIO
from typing import Any

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen.canvas import Canvas

from app.core.document.model import Letterhead

LOGO_HEIGHT = 9 * mm
MAX_LOGO_WIDTH = 40 * mm


def draw_letterhead(c: Canvas, head: Letterhead, left: float, baseline: float,
                    bold: str) -> float:
    """Draw the logo and the name with their bottom on `baseline`; the x where they end."""
    x = left
    logo = _logo(head.logo, head.logo_kind) if head.logo else None
    if logo is not None:
        kind, item, width = logo
        y = baseline - 1
        if kind == "png":
            c.drawImage(item, x, y, width=width, height=LOGO_HEIGHT, mask="auto",
                        preserveAspectRatio=True, anchor="sw")
        else:
            from reportlab.graphics import renderPDF

            scale = LOGO_HEIGHT / item.height
            c.saveState()
            c.translate(x, y)
            c.scale(scale, scale)
            renderPDF.draw(item, c, 0, 0)
            c.restoreState()
        x += width + 6
    name = " · ".join(p for p in (head.name, head.unit) if p)
    if name:
        c.setFont(bold, 8)
        c.setFillColor(colors.HexColor(head.colour))
        c.drawString(x, baseline, name)
        x += c.stringWidth(name, bold, 8)
    return x


@lru_cache(maxsize=8)
def _logo(data: bytes, kind: str) -> tuple[str, Any, float] | None:
    """The logo ready to draw, and its width at LOGO_HEIGHT; None when it cannot be read."""
    try:
        if kind == "svg":
            drawing = svg_drawing(data)
            if drawing is None or not drawing.height:
                return None
            return "svg", drawing, min(MAX_LOGO_WIDTH,
                                       drawing.width * LOGO_HEIGHT / drawing.height)
        image = ImageReader(BytesIO(data))
        w, h = image.getSize()
        return "png", image, min(MAX_LOGO_WIDTH, w * LOGO_HEIGHT / h)
    except Exception:  # noqa: BLE001 - a damaged logo leaves the name alone, see the docstring
        return None


def svg_drawing(data: bytes) -> Any:
    """An SVG as a reportlab Drawing (svglib); None when svglib cannot read it."""
    try:
        from svglib.svglib import svg2rlg
    except ImportError:
        return None
    return svg2rlg(BytesIO(data))
