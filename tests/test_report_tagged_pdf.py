"""The tagged PDF (PDF/UA-1, `bka report --tagged`) checked as an accessibility checker does.

veraPDF, the reference validator, is Java and not in the registries this project may use, so
the machine-checkable PDF/UA rules (Matterhorn Protocol) that matter for this report are
checked here with pypdf: the document is marked and has a structure tree; every piece of text
on every page is either tagged content or an artifact; headings, tables with header cells and
the chart as a Figure with its alternative text are in the tree; language, title shown as the
window title, pdfuaid in the XMP; every font embedded. And it carries the assessment."""

from __future__ import annotations

import json
import os
from collections import Counter
from io import BytesIO
from pathlib import Path
from typing import Any

import pypdf
import pytest
from doc_support import everything, example
from pypdf.generic import ArrayObject, ContentStream, DictionaryObject, NameObject

from app.cli.main import main
from app.core.document.attachment import ATTACHMENT_NAME
from app.core.document.build import build_document
from app.core.document.model import Chart
from app.core.models.assessment import Assessment
from app.report import render_as
from app.report.context import prepare
from app.report.tagged_pdf import available, css_string

pytestmark = pytest.mark.skipif(
    not available() and not os.environ.get("CI"),
    reason="WeasyPrint is not installed (pip install 'bka[tagged]')")

HOSTILE = 'Beslut "; } @page { @top-left { content: url(http://example.invalid/x) } } "\\'


@pytest.fixture(scope="module")
def full() -> Assessment:
    return everything()


@pytest.fixture(scope="module")
def tagged(full: Assessment) -> bytes:
    assert available(), "CI installs the dev extra, which has WeasyPrint"
    return render_as(full, ".pdf", tagged=True)


@pytest.fixture(scope="module")
def reader(tagged: bytes) -> pypdf.PdfReader:
    return pypdf.PdfReader(BytesIO(tagged))


def _structure(reader: pypdf.PdfReader) -> list[DictionaryObject]:
    """Every structure element of the tree, in order."""
    out: list[DictionaryObject] = []

    def walk(node: Any) -> None:
        node = node.get_object() if hasattr(node, "get_object") else node
        if isinstance(node, ArrayObject):
            for kid in node:
                walk(kid)
        elif isinstance(node, DictionaryObject) and "/S" in node:
            out.append(node)
            if "/K" in node:
                walk(node["/K"])

    walk(reader.trailer["/Root"]["/StructTreeRoot"]["/K"])
    return out


def test_it_is_marked_with_language_and_title(reader: pypdf.PdfReader) -> None:
    root = reader.trailer["/Root"]
    assert bool(root["/MarkInfo"]["/Marked"])
    assert "/StructTreeRoot" in root
    assert root["/Lang"] == "sv-SE"
    assert root["/ViewerPreferences"]["/DisplayDocTitle"]
    xmp = root["/Metadata"].get_object().get_data().decode("utf-8")
    assert 'pdfuaid:part="1"' in xmp or "<pdfuaid:part>1</pdfuaid:part>" in xmp
    assert "Nedläggning av Lövåkers skola (F-3)" in xmp


def test_english_report_says_en_gb() -> None:
    data = render_as(example(), ".pdf", lang="en", tagged=True)
    assert pypdf.PdfReader(BytesIO(data)).trailer["/Root"]["/Lang"] == "en-GB"


def test_the_tree_has_headings_tables_with_headers_and_the_figure(
        full: Assessment, reader: pypdf.PdfReader) -> None:
    elements = _structure(reader)
    kinds = Counter(str(e["/S"]) for e in elements)
    assert kinds["/H1"] == 1  # the decision's title
    doc = build_document(prepare(full))
    assert kinds["/H2"] >= len(doc.sections)  # one per part of the report
    assert kinds["/Table"] >= 10 and kinds["/TH"] >= 3 * kinds["/Table"] // 2
    figures = [e for e in elements if e["/S"] == "/Figure"]
    chart = next(b for b in doc.blocks() if isinstance(b, Chart))
    assert [str(f.get("/Alt", "")) for f in figures] == [chart.alt]


def _text_outside_marked_content(page: Any) -> list[str]:
    """Text-showing operators of a page that are neither tagged nor an artifact."""
    stream = ContentStream(page.get_contents(), page.pdf)
    depth, loose = 0, []
    for operands, operator in stream.operations:
        if operator in (b"BDC", b"BMC"):
            depth += 1
        elif operator == b"EMC":
            depth -= 1
        elif operator in (b"Tj", b"TJ", b"'", b'"') and depth == 0:
            loose.append(repr(operands)[:60])
    return loose


def test_every_text_is_tagged_or_an_artifact(reader: pypdf.PdfReader) -> None:
    for number, page in enumerate(reader.pages, 1):
        assert not _text_outside_marked_content(page), number
        # the running header and footer are artifacts, so readers skip them
        stream = ContentStream(page.get_contents(), page.pdf)
        assert any(op in (b"BDC", b"BMC") and ops and ops[0] == NameObject("/Artifact")
                   for ops, op in stream.operations), number


def test_every_font_is_embedded(reader: pypdf.PdfReader) -> None:
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            descendants = font.get("/DescendantFonts") or [font]
            for part in descendants:
                descriptor = part.get_object()["/FontDescriptor"].get_object()
                assert any(k in descriptor for k in ("/FontFile", "/FontFile2", "/FontFile3"))


def test_it_says_what_the_untagged_pdf_says(tagged: bytes) -> None:
    text = " ".join("".join(p.extract_text() for p in pypdf.PdfReader(BytesIO(tagged)).pages)
                    .split())
    for seen in ("Rättslig grund", "Skollagen (2010:800) 1 kap. 10 §",
                 "Barn med funktionsnedsättning", "Granskning och beslut", "§ 112",
                 "Sida 1 av", "BUN 2026/87"):
        assert seen in text, seen


def test_it_carries_the_assessment_and_imports_again(
        full: Assessment, tagged: bytes, reader: pypdf.PdfReader, tmp_path: Path,
        capsys: pytest.CaptureFixture[str]) -> None:
    (attached,) = reader.attachments[ATTACHMENT_NAME]
    assert json.loads(attached) == full.model_dump(mode="json")
    pdf = tmp_path / "taggad.pdf"
    pdf.write_bytes(tagged)
    assert main(["import", str(pdf), "--data-dir", str(tmp_path / "data")]) == 0
    assert "created: 1" in capsys.readouterr().out


def test_a_title_cannot_write_css_or_fetch_anything() -> None:
    a = example()
    a = a.model_copy(update={"decision": a.decision.model_copy(update={"title": HOSTILE})})
    data = render_as(a, ".pdf", tagged=True)
    text = "".join(p.extract_text() for p in pypdf.PdfReader(BytesIO(data)).pages)
    assert "url(http://example.invalid/x)" in text  # printed as the words it is
    assert css_string('a"b\\c') == '"a\\000022b\\00005cc"'


def test_cli_writes_it_and_refuses_another_suffix(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from doc_support import LARGEST

    out = tmp_path / "rapport.pdf"
    assert main(["report", str(LARGEST), "-o", str(out), "--tagged"]) == 0
    assert "/StructTreeRoot" in pypdf.PdfReader(out).trailer["/Root"]
    assert main(["report", str(LARGEST), "-o", str(tmp_path / "r.docx"), "--tagged"]) == 2
    assert "a tagged report is a PDF" in capsys.readouterr().err
