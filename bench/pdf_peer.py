"""The peer of the PDF report: a bare reportlab script that sets the same pages' text.

It is given the text of each page of our report (one string per line, as pypdf reads it) and
lays it out with the same embedded TTF font, a Paragraph per line and a page break per page,
in one pass of a SimpleDocTemplate: the least a program must do to produce those pages.
Run as a script (the cold peer): python -m bench.pdf_peer PAGES.json OUT.pdf
"""

from __future__ import annotations

import json
import sys
from io import BytesIO
from pathlib import Path
from xml.sax.saxutils import escape

FONTS = Path(__file__).resolve().parents[1] / "app" / "report" / "fonts"


def render(pages: list[list[str]]) -> bytes:
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate

    if "PeerSans" not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont("PeerSans", str(FONTS / "DejaVuSans.ttf")))
    style = ParagraphStyle("peer", fontName="PeerSans", fontSize=9.5, leading=12)
    story: list[object] = []
    for lines in pages:
        story += [Paragraph(escape(line), style) for line in lines if line.strip()]
        story.append(PageBreak())
    buffer = BytesIO()
    SimpleDocTemplate(buffer, pagesize=A4).build(story)
    return buffer.getvalue()


def page_lines(pdf: bytes) -> list[list[str]]:
    import pypdf

    return [(page.extract_text() or "").splitlines()
            for page in pypdf.PdfReader(BytesIO(pdf)).pages]


if __name__ == "__main__":
    Path(sys.argv[2]).write_bytes(render(json.loads(Path(sys.argv[1]).read_text("utf-8"))))
