"""The report as a tagged PDF (PDF/UA-1), for publishing where the law asks for accessibility.

reportlab writes no structure tree, so this option draws the HTML twin (app/report/html_render,
itself drawn from the core's document model) with WeasyPrint, which writes a tagged PDF:
headings, lists, tables with header cells, the chart as a Figure with its alternative text,
document language and title, the running header and footer as artifacts, pdfuaid in the XMP.
WeasyPrint is an optional extra (`pip install bka[tagged]`; it needs the system's Pango).

Nothing is fetched: the page is self-contained and the URL fetcher here serves our two font
files only, so no request leaves the machine whatever a user typed.
"""

from __future__ import annotations

import base64
from collections.abc import Callable, Sequence
from contextvars import ContextVar
from dataclasses import replace
from typing import Any

from app.core.document.attachment import ATTACHMENT_NAME, ATTACHMENT_NOTE
from app.core.document.model import Document
from app.core.document.source import ReportError
from app.report.fonts import FONT_DIR
from app.report.html_render import render_html
from app.report.pdf_render import EmbeddedFile

FONTS = {"DejaVuSans.ttf": "normal", "DejaVuSans-Bold.ttf": "bold"}


def available() -> bool:
    """Whether the tagged PDF can be made here (WeasyPrint and Pango installed)."""
    try:
        import weasyprint  # noqa: F401
    except (ImportError, OSError):  # OSError: WeasyPrint is there, Pango is not
        return False
    return True


#: told of each step while a tagged PDF is made (the background job's progress bar); set by
#: the job's thread for its own renders only
progress: ContextVar[Callable[[str, float], None] | None] = ContextVar("tagged_progress",
                                                                       default=None)


def _step(stage: str, fraction: float) -> None:
    hook = progress.get()
    if hook is not None:
        hook(stage, fraction)


def render_tagged_pdf(doc: Document, attachment: bytes | None = None,
                      files: Sequence[EmbeddedFile] = ()) -> bytes:
    """The document as PDF/UA-1; `attachment` is the assessment's JSON to carry inside it,
    `files` the assessment's attached files (the full documentation).

    Laid out first, then written, so that a progress bar can say which; most of the time is
    WeasyPrint's line breaking, in proportion to the pages (the report for the case file, a
    few pages, takes a fraction of the full documentation's time: see bench/bench_formats.py).
    """
    try:
        import weasyprint
    except (ImportError, OSError) as exc:
        raise ReportError("the tagged PDF needs WeasyPrint and the system's Pango library "
                          f"({exc}); install them with `pip install 'bka[tagged]'`, or write "
                          "the untagged PDF, the Word file or the HTML page") from None
    fetcher = _fonts_only()
    html = weasyprint.HTML(string=render_html(doc).decode("utf-8"), url_fetcher=fetcher)
    attachments = []
    if attachment is not None:
        attachments.append(weasyprint.Attachment(string=attachment, name=ATTACHMENT_NAME,
                                                 description=ATTACHMENT_NOTE))
    attachments += [weasyprint.Attachment(string=f.data, name=f.name, description=f.description)
                    for f in files]
    _step("layout", 0.2)
    laid_out = html.render(stylesheets=[weasyprint.CSS(string=print_css(doc),
                                                       url_fetcher=fetcher)],
                           pdf_variant="pdf/ua-1")
    _step("write", 0.8)
    out = laid_out.write_pdf(pdf_variant="pdf/ua-1", attachments=attachments,
                             custom_metadata=False)
    assert out is not None  # write_pdf returns the bytes when given no target
    return bytes(out)


def _fonts_only() -> Any:
    """A fetcher that serves our own fonts by name and refuses any other address."""
    from weasyprint.urls import URLFetcher, URLFetcherResponse

    class FontsOnly(URLFetcher):  # type: ignore[misc]
        def fetch(self, url: str, headers: Any = None) -> Any:
            if url.startswith("data:"):  # the organisation's logo, inlined in the page
                return _data_url(url)
            name = url.removeprefix("bka-font:")
            if not url.startswith("bka-font:") or name not in FONTS:
                raise ValueError(f"not fetched: {url[:80]}")
            return URLFetcherResponse(url, (FONT_DIR / name).read_bytes(),
                                      {"Content-Type": "font/ttf"})

    return FontsOnly()


def _data_url(url: str) -> Any:
    """A data: URL's bytes (the logo); nothing is fetched for it."""
    from urllib.parse import unquote_to_bytes

    from weasyprint.urls import URLFetcherResponse

    header, _, payload = url.partition(",")
    mime = header.removeprefix("data:").split(";")[0] or "text/plain"
    data = base64.b64decode(payload) if header.endswith(";base64") else \
        unquote_to_bytes(payload)
    return URLFetcherResponse(url[:64], data, {"Content-Type": mime})


def print_css(doc: Document) -> str:
    """A4 pages with the running header and footer (artifacts in the tagged PDF)."""
    r = doc.running
    before, middle, after = _split(r.page_label)
    faces = "".join(f"@font-face {{ font-family: 'DejaVu Sans'; font-weight: {weight}; "
                    f"src: url('bka-font:{name}'); }}\n" for name, weight in FONTS.items())
    case = f"@top-right {{ content: {css_string(r.case_number)}; }}" if r.case_number else ""
    draft = (f"@top-center {{ content: {css_string(r.draft_mark)}; color: #a4262c; "
             "font-weight: bold; }") if r.draft_mark else ""
    title = f"@top-left {{ content: {css_string(r.title)}; font-weight: bold; }}"
    org = ""
    if doc.letterhead is not None:
        # The letterhead (logo and name) heads every page; the title goes under the draft mark
        # to the bottom, the contact to the first page's foot.
        title = "@top-left { content: element(org); vertical-align: bottom; }"
        draft = draft.replace("@top-center", "@bottom-center")
        r = replace(r, footer=r.title)  # the foot names the decision instead
        contact = " · ".join(doc.letterhead.lines)
        org = ("div.org { position: running(org); margin: 0; font-size: 8pt; }\n"
               "div.org img.logo { height: 1cm; }\n"
               "footer.org { display: none; }\n")  # the contact stands at page 1's foot
        if contact:
            org += f"@page :first {{ @bottom-left {{ content: {css_string(contact)}; }} }}\n"
    return faces + org + f"""
@page {{ size: A4; margin: 2.2cm 2cm 2cm 2cm;
  {title}
  {case} {draft}
  @bottom-left {{ content: {css_string(r.footer)}; }}
  @bottom-right {{ content: {css_string(before)} counter(page) {css_string(middle)}
                  counter(pages) {css_string(after)}; }}
}}
@page {{ font-family: 'DejaVu Sans'; font-size: 8pt; color: #5b5b57; }}
body {{ max-width: none; margin: 0; padding: 0; font-size: 9pt; line-height: 1.35; }}
table {{ font-size: 8pt !important; }} .answer {{ margin-left: 1.6rem !important; }}
h2 {{ break-after: avoid; }} h3, h4 {{ break-after: avoid; }}
tr, figure, .box {{ break-inside: avoid; }}
thead {{ display: table-header-group; }}
dl.fields {{ display: grid; grid-template-columns: 1fr 1fr 1fr !important; }}
h1 {{ font-size: 18pt !important; }} h2 {{ font-size: 13pt !important; margin-top: 1.1em; }}
h3 {{ font-size: 10.5pt !important; margin-top: .9em; }} h4 {{ margin-top: .7em; }}
ul.figures {{ display: grid; grid-template-columns: 1fr 1fr 1fr !important; }}
"""


def css_string(text: str) -> str:
    """`text` as a CSS string in which no character can end the string or the rule: every
    character but letters, digits and spaces is written as a hex escape."""
    out = []
    for char in text:
        out.append(char if char.isalnum() or char == " " else f"\\{ord(char):06x}")
    return '"' + "".join(out) + '"'


def _split(label: str) -> tuple[str, str, str]:
    """'Sida {page} av {pages}' -> ('Sida ', ' av ', '')."""
    before, _, rest = label.partition("{page}")
    middle, _, after = rest.partition("{pages}")
    return before, middle, after
