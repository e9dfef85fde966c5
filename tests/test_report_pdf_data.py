"""The PDF as a reader's program sees it: bookmarks, the contents, XMP, the header marked as
an artifact, and the assessment inside it, which `bka import report.pdf` restores."""

from __future__ import annotations

import json
import re
import zlib
from io import BytesIO
from pathlib import Path

import pypdf
import pytest
from doc_support import example
from test_report_support import pdf_pages

from app.cli.main import main
from app.core.document.attachment import ATTACHMENT_NAME
from app.report import render_as
from app.store import open_store


@pytest.fixture(scope="module")
def report() -> bytes:
    return render_as(example(), ".pdf")


def _outline(reader: pypdf.PdfReader) -> list[tuple[int, str, int]]:
    """(depth, title, page number from 1) of every bookmark."""
    out: list[tuple[int, str, int]] = []

    def walk(items: list, depth: int) -> None:  # type: ignore[type-arg]
        for item in items:
            if isinstance(item, list):
                walk(item, depth + 1)
            else:
                out.append((depth, item.title, reader.get_destination_page_number(item) + 1))

    walk(reader.outline, 0)
    return out


def test_every_part_and_section_has_a_bookmark_to_its_page(report: bytes) -> None:
    reader = pypdf.PdfReader(BytesIO(report))
    marks = _outline(reader)
    top = [title for depth, title, _ in marks if depth == 0]
    assert top == ["Sammanfattning", "Analys per avsnitt", "Rättslig grund",
                   "Påverkan per artikel", "Bilaga: Berörda artiklar i barnkonventionen",
                   "Bilaga: Så beräknades bedömningen"]
    pages = pdf_pages(report)
    assert marks[0][2] == 1  # the summary is page 1, headed by the decision's title
    for _depth, title, page in marks[1:]:
        assert " ".join(title.split()) in pages[page - 1], (title, page)
    under = [title for depth, title, _ in marks if depth == 1]
    assert "1. Berör ärendet barn?" in under and "Varningar" in under
    assert reader.page_mode == "/UseOutlines"


def test_contents_lists_the_parts_with_their_pages(report: bytes) -> None:
    reader = pypdf.PdfReader(BytesIO(report))
    pages = pdf_pages(report)
    where = next(i for i, text in enumerate(pages) if "Innehåll" in text)
    contents = pages[where].split("Innehåll", 1)[1].split("1. Berör ärendet barn?")[0]
    parts = [(title, page) for depth, title, page in _outline(reader) if depth == 0]
    for title, _ in parts:
        assert title in contents
    # each row's dotted leader ends in the part's page number, in the parts' order
    assert [int(n) for n in re.findall(r"\. (\d+)", contents)] == [page for _, page in parts]


def test_xmp_metadata_names_title_author_and_language(report: bytes) -> None:
    reader = pypdf.PdfReader(BytesIO(report))
    xmp = reader.xmp_metadata
    assert xmp is not None
    assert xmp.dc_title["sv-SE"].endswith("Nedläggning av Lövåkers skola (F-3)")
    assert xmp.dc_creator == ["Karin Lund, utredare"]
    assert xmp.dc_language == ["sv-SE"]
    assert reader.metadata is not None and reader.metadata.title == xmp.dc_title["sv-SE"]


def test_running_header_is_an_artifact(report: bytes) -> None:
    reader = pypdf.PdfReader(BytesIO(report))
    content = reader.pages[1].get_contents()
    assert content is not None
    data = content.get_data()
    if data[:2] == b"x\x9c":  # pragma: no cover - pypdf decodes; stay safe if it does not
        data = zlib.decompress(data)
    text = data.decode("latin-1")
    assert text.count("/Artifact <</Type /Pagination>> BDC") == 1
    start = text.index("/Artifact <</Type /Pagination>> BDC")
    assert "EMC" in text[start:]


def test_the_assessment_is_attached_as_stored(report: bytes) -> None:
    reader = pypdf.PdfReader(BytesIO(report))
    (attached,) = reader.attachments[ATTACHMENT_NAME]
    assert json.loads(attached) == example().model_dump(mode="json")


def test_bka_import_of_a_report_restores_the_stored_assessment(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    first, second = str(tmp_path / "first"), str(tmp_path / "second")
    assert main(["import", str(example.__defaults__[0]), "--data-dir", first]) == 0  # type: ignore[index]
    (summary,) = open_store(first).list()
    stored = open_store(first).get(summary.id)
    pdf = tmp_path / "rapport.pdf"
    pdf.write_bytes(render_as(stored, ".pdf"))
    capsys.readouterr()
    assert main(["import", str(pdf), "--data-dir", second]) == 0
    assert "created: 1" in capsys.readouterr().out
    restored = open_store(second).get(summary.id)
    assert restored.model_dump(exclude={"revision", "updated", "created"}) == \
        stored.model_dump(exclude={"revision", "updated", "created"})
    assert restored.answers == stored.answers and restored.decision == stored.decision
    # and again into the first store: nothing changes
    assert main(["import", str(pdf), "--data-dir", first]) == 0
    assert "unchanged: 1" in capsys.readouterr().out


def test_a_pdf_without_an_assessment_is_refused_plainly(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    writer = pypdf.PdfWriter()
    writer.add_blank_page(200, 200)
    other = tmp_path / "annan.pdf"
    with other.open("wb") as handle:
        writer.write(handle)
    assert main(["import", str(other), "--data-dir", str(tmp_path / "data")]) == 2
    err = capsys.readouterr().err
    assert "annan.pdf" in err and "carries no assessment" in err
    assert "Traceback" not in err


def test_files_named_alike_stay_apart_with_their_kind_and_words() -> None:
    """Embedded files as a reader lists them: every name, its bytes, its media type and
    description, two files named alike kept as two, and a name outside ASCII found too."""
    from app.core.document.build import build_document
    from app.report.context import prepare
    from app.report.pdf_catalog import EmbeddedFile
    from app.report.pdf_render import render_document_pdf

    files = [EmbeddedFile("karta.pdf", b"%PDF first", "application/pdf", "Karta A"),
             EmbeddedFile("karta.pdf", b"%PDF second", "application/pdf", "Karta B"),
             EmbeddedFile("ö-enkät.csv", b"a;b\n", "text/csv", "Enkät"),
             EmbeddedFile("bild.svg", b"<svg/>", "image/svg+xml", "Bild")]
    pdf = render_document_pdf(build_document(prepare(example())), b"{}", files)
    reader = pypdf.PdfReader(BytesIO(pdf), strict=True)
    carried = reader.attachments
    assert carried["karta.pdf"] == [b"%PDF first"]
    assert carried["karta (2).pdf"] == [b"%PDF second"]
    assert carried["ö-enkät.csv"] == [b"a;b\n"] and carried["bild.svg"] == [b"<svg/>"]
    assert carried[ATTACHMENT_NAME] == [b"{}"]
    tree = reader.trailer["/Root"]["/Names"]["/EmbeddedFiles"]["/Names"]
    specs = {tree[i]: tree[i + 1].get_object() for i in range(0, len(tree), 2)}
    assert specs["bild.svg"]["/EF"]["/F"].get_object()["/Subtype"] == "/image/svg+xml"
    assert specs["karta (2).pdf"]["/Desc"] == "Karta B"
    # the name tree's keys in byte order as written (these names fit PDFDocEncoding,
    # which agrees with Latin-1 for them): a reader may search it by halves
    assert list(specs) == sorted(specs, key=lambda n: n.encode("latin-1"))
