"""Reading the report's DOCX and HTML back as a user's program would."""

from __future__ import annotations

import shutil
import subprocess
from dataclasses import dataclass, field
from html.parser import HTMLParser
from io import BytesIO
from pathlib import Path
from typing import Any

import docx
from docx.oxml.ns import qn

from app.core.loading import load_assessment
from app.core.models.assessment import Assessment
from app.services.paths import EXAMPLES_DIR

LARGEST = EXAMPLES_DIR / "skolnedlaggning.yaml"


def example(path: Path = LARGEST) -> Assessment:
    assessment, _ = load_assessment(path)
    return assessment


def open_docx(data: bytes) -> Any:
    return docx.Document(BytesIO(data))


def docx_headings(document: Any) -> list[tuple[int, str]]:
    """(level, text) of every heading paragraph; the Title counts as level 0."""
    out = []
    for p in document.paragraphs:
        name = p.style.name
        if name == "Title":
            out.append((0, p.text))
        elif name.startswith("Heading "):
            out.append((int(name.split()[1]), p.text))
    return out


def docx_body_text(document: Any) -> str:
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            parts += [c.text for c in row.cells]
    return "\n".join(parts)


def docx_header_text(document: Any) -> str:
    return "\n".join(p.text for s in document.sections for p in s.header.paragraphs)


def docx_language(document: Any) -> str | None:
    defaults = document.styles.element.find(qn("w:docDefaults"))
    lang = defaults.find(qn("w:rPrDefault")).find(qn("w:rPr")).find(qn("w:lang"))
    return None if lang is None else lang.get(qn("w:val"))


def is_header_row(row: Any) -> bool:
    trpr = row._tr.trPr
    return trpr is not None and trpr.find(qn("w:tblHeader")) is not None


def soffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def docx_to_pdf(data: bytes, folder: Path) -> bytes:
    """The DOCX as LibreOffice prints it (headless)."""
    source = folder / "report.docx"
    source.write_bytes(data)
    office = soffice()
    assert office is not None
    subprocess.run([office, f"-env:UserInstallation=file://{folder}/lo-profile", "--headless",
                    "--convert-to", "pdf", "--outdir", str(folder), str(source)],
                   check=True, capture_output=True, timeout=180)
    return (folder / "report.pdf").read_bytes()


@dataclass
class Element:
    tag: str
    attrs: dict[str, str]
    text: str = ""
    children: list[Element] = field(default_factory=list)


class Outline(HTMLParser):
    """The parts of an HTML page a screen reader announces: headings, tables, images."""

    def __init__(self) -> None:
        super().__init__()
        self.stack: list[Element] = []
        self.all: list[Element] = []
        self.html_lang: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        element = Element(tag, {k: v or "" for k, v in attrs})
        if tag == "html":
            self.html_lang = element.attrs.get("lang")
        if self.stack:
            self.stack[-1].children.append(element)
        self.all.append(element)
        if tag not in ("br", "meta", "img", "hr", "input", "link"):
            self.stack.append(element)

    def handle_endtag(self, tag: str) -> None:
        while self.stack:
            if self.stack.pop().tag == tag:
                break

    def handle_data(self, data: str) -> None:
        for element in self.stack:
            element.text += data


def outline(html: bytes) -> Outline:
    parser = Outline()
    parser.feed(html.decode("utf-8"))
    return parser


def heading_levels(page: Outline) -> list[tuple[int, str]]:
    return [(int(e.tag[1]), " ".join(e.text.split())) for e in page.all
            if len(e.tag) == 2 and e.tag[0] == "h" and e.tag[1].isdigit()]


def rated_areas(assessment: Assessment, lang: str = "sv") -> list[tuple[str, str]]:
    """(area, value as printed) of every rated cluster of an assessment, from its scorecard."""
    from app.core.document.strings import number
    from app.core.text import tr
    from app.report.context import prepare

    card = prepare(assessment, lang=lang).card
    return [(tr(c.title, lang), number(c.mean, lang, 2, sign=True)) for c in card.clusters
            if c.mean is not None]


def everything() -> Assessment:
    """The largest example with every section a report can have: a group rated apart, and a
    review with comments, approval (content hash) and the committee's decision."""
    import datetime as dt

    from app.core import lifecycle as life
    from app.core.models.assessment import Answer
    from app.core.models.lifecycle import CommitteeDecision

    now = dt.datetime(2026, 12, 1, 10, 0, tzinfo=dt.UTC)
    a = example()
    # article numbers as the interchange file writes them (YAML reads them as integers)
    impacts = {str(k): v for k, v in a.answers["rights_impacts"].value.items()}
    impacts["2"] = {**impacts["2"], "groups": {"disability": {"short": -2, "long": -1}}}
    a = a.model_copy(update={"answers": {**a.answers, "rights_impacts": Answer(
        value=impacts, comment=a.answers["rights_impacts"].comment)}})
    a = life.send_for_review(a, "Per Berg", "Karin Lund", now)
    a = life.add_comment(a, "places", "Karta saknas.", "Per Berg", now)
    a = life.resolve(a, a.review.comments[0].id, "Karin Lund", now)
    a = life.approve(a, "Per Berg", "Väl underbyggd.", now)
    return life.record_decision(a, CommitteeDecision(
        date=dt.date(2026, 12, 10), paragraph="§ 112", outcome="changed", departs=True,
        departure="Nedläggningen skjuts upp ett år.", protocol="BUN 2026-12-10"),
        "Karin Lund", now)


def rendered_pages(pdf: bytes, folder: Path) -> list[Path]:
    """Every page of a PDF as a PNG, drawn by poppler's pdftoppm as a viewer draws it."""
    import os

    import pytest

    if shutil.which("pdftoppm") is None:
        if os.environ.get("CI"):
            pytest.fail("CI must install poppler-utils (.ci/run)")
        pytest.skip("pdftoppm is not installed (apt-get install poppler-utils)")
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "doc.pdf").write_bytes(pdf)
    subprocess.run(["pdftoppm", "-r", "30", "-png", str(folder / "doc.pdf"),
                    str(folder / "page")], check=True, capture_output=True, timeout=120)
    return sorted(folder.glob("page*.png"))


def inked(image: Path) -> float:
    """The share of a page's pixels that are not near white."""
    from PIL import Image

    with Image.open(image) as img:
        grey = img.convert("L")
        dark = sum(count for level, count in enumerate(grey.histogram()) if level < 200)
        return dark / (grey.width * grey.height)
