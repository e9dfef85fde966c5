"""Files for the attachment tests, made in memory: real PDFs, spreadsheets and images, and
the hostile ones (a renamed file, a zip bomb, a PDF with JavaScript)."""

from __future__ import annotations

import io
import zipfile

from app.core.privacy import looks_like_personnummer


def personnummer() -> str:
    """A made-up personnummer that passes the check digit (the guard's test)."""
    for last in range(10):
        candidate = f"20100315-123{last}"
        if looks_like_personnummer(candidate):
            return candidate
    raise AssertionError("no check digit fits")


def pdf(*lines: str) -> bytes:
    from reportlab.pdfgen import canvas

    out = io.BytesIO()
    c = canvas.Canvas(out)
    for n, line in enumerate(lines):
        c.drawString(72, 760 - 20 * n, line)
    c.showPage()
    c.save()
    return out.getvalue()


def pdf_with_javascript(disguised: bool = False) -> bytes:
    """A PDF that runs a script when opened; `disguised` spells the names with #-escapes
    (/Java#53cript is /JavaScript to a reader), which a search of the bytes does not find."""
    from pypdf import PdfReader, PdfWriter
    from pypdf.generic import DictionaryObject, NameObject, TextStringObject

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(pdf("Enkät"))))
    writer._root_object[NameObject("/OpenAction")] = DictionaryObject({
        NameObject("/S"): NameObject("/JavaScript"),
        NameObject("/JS"): TextStringObject("app.alert('hej');")})
    out = io.BytesIO()
    writer.write(out)
    data = out.getvalue()
    if disguised:
        data = data.replace(b"/JavaScript", b"/Java#53cript").replace(b"/JS ", b"/J#53 ")
        data = data.replace(b"/JS(", b"/J#53(")
    return data


def png(colour: tuple[int, int, int] = (200, 30, 30)) -> bytes:
    from PIL import Image

    out = io.BytesIO()
    Image.new("RGB", (40, 30), colour).save(out, format="PNG")
    return out.getvalue()


def xlsx(*cells: str) -> bytes:
    """A minimal workbook whose shared strings are `cells` (what Excel writes for text)."""
    strings = "".join(f"<si><t>{c}</t></si>" for c in cells)
    rows = "".join(f'<row r="{n}"><c r="A{n}" t="s"><v>{n - 1}</v></c></row>'
                   for n in range(1, len(cells) + 1))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml",
                   '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/'
                   'package/2006/content-types"><Override PartName="/xl/workbook.xml" '
                   'ContentType="application/vnd.openxmlformats-officedocument.'
                   'spreadsheetml.sheet.main+xml"/></Types>')
        z.writestr("xl/workbook.xml", '<?xml version="1.0"?><workbook xmlns="http://schemas.'
                   'openxmlformats.org/spreadsheetml/2006/main"><sheets><sheet name="Enkät" '
                   'sheetId="1"/></sheets></workbook>')
        z.writestr("xl/sharedStrings.xml", '<?xml version="1.0"?><sst xmlns="http://schemas.'
                   f'openxmlformats.org/spreadsheetml/2006/main">{strings}</sst>')
        z.writestr("xl/worksheets/sheet1.xml", '<?xml version="1.0"?><worksheet xmlns="http://'
                   f'schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>{rows}'
                   '</sheetData></worksheet>')
    return out.getvalue()


def zip_bomb() -> bytes:
    """A 'Word document' of a few kB that unpacks to 60 MB of zeros."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("word/document.xml", b"\0" * (60 * 1024 * 1024))
    return out.getvalue()
