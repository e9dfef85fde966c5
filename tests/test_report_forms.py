"""The two forms of the report, page 1, the organisation's letterhead and the free sections,
checked on rendered pages (pdftoppm) and on the text a reader sees."""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
from io import BytesIO
from pathlib import Path

import pypdf
import pytest
from PIL import Image
from test_report_support import pdf_pages, pdf_text

from app.cli.main import main
from app.core.loading import load_assessment
from app.core.models.assessment import Assessment, FreeSection
from app.core.models.lifecycle import CommitteeDecision
from app.report import build_report, render_as
from app.report.formats import summary_as
from app.services.paths import EXAMPLES_DIR

EXAMPLES = sorted(EXAMPLES_DIR.glob("*.yaml"))
A4 = (595.28, 841.89)
GREEN = (10, 102, 64)


def example(name: str) -> Assessment:
    return load_assessment(EXAMPLES_DIR / f"{name}.yaml")[0]


@pytest.fixture(autouse=True)
def no_profile(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    data = tmp_path / "data"
    data.mkdir()
    monkeypatch.setenv("BKA_DATA_DIR", str(data))
    return data


def with_profile(folder: Path, logo: str = "png") -> None:
    image = Image.new("RGB", (240, 96), GREEN)
    image.save(folder / "logo.png")
    (folder / "logo.svg").write_text(
        '<svg xmlns="http://www.w3.org/2000/svg" width="200" height="80">'
        '<rect width="200" height="80" fill="#0a6640"/></svg>', encoding="utf-8")
    (folder / "organisation.yaml").write_text(
        "name: Lövåkers kommun\naddress: |\n  Box 1\n  123 45 Lövåker\n"
        f"email: kommun@lovaker.example\nlogo: logo.{logo}\ndate_style: long\n",
        encoding="utf-8")


def page_png(pdf: bytes, folder: Path, page: int = 1) -> Image.Image:
    """The page as pdftoppm draws it, at 50 dpi."""
    assert shutil.which("pdftoppm"), "pdftoppm (poppler-utils) is needed to look at pages"
    source = folder / "page.pdf"
    source.write_bytes(pdf)
    subprocess.run(["pdftoppm", "-r", "50", "-png", "-f", str(page), "-l", str(page),
                    "-singlefile", str(source), str(folder / "page")], check=True, timeout=60)
    return Image.open(folder / "page.png").convert("RGB")


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
def test_the_report_for_the_case_file_is_three_to_five_a4_pages(path: Path) -> None:
    assessment = load_assessment(path)[0]
    short = pypdf.PdfReader(BytesIO(render_as(assessment, ".pdf", form="short")))
    full = pypdf.PdfReader(BytesIO(render_as(assessment, ".pdf", form="full")))
    assert 3 <= len(short.pages) <= 5
    assert len(full.pages) > len(short.pages) + 4  # the answers and appendices are left out
    for page in short.pages:
        size = (float(page.mediabox.width), float(page.mediabox.height))
        assert size == pytest.approx(A4, abs=0.5)


def test_page_one_carries_what_decides(tmp_path: Path) -> None:
    pdf = render_as(example("skolnedlaggning"), ".pdf", form="short")
    first = pdf_pages(pdf)[0]
    assert "Är förslaget förenligt med barnets bästa? Delvis" in first
    assert "Motivering: Förslaget ger eleverna" in first
    # worst first: article 31 (−1 in both terms) before article 2 (−1 in the short term only)
    assert first.index("31 Vila, fritid") < first.index("2 Lika rättigheter")
    assert "−1 något försvagad" in first
    assert "Alternativ som prövats och varför de valdes bort" in first
    assert "Behålla skolan och renovera" in first
    assert "Planerat beslutsdatum" in first
    text = pdf_text(pdf)
    assert "Den fullständiga dokumentationen" in text
    assert "Analys per avsnitt" not in text and "Bilaga" not in text
    assert "Analys per avsnitt" in pdf_text(render_as(example("skolnedlaggning"), ".pdf",
                                                      form="full"))


def test_after_the_decision_page_one_shows_it_instead_of_the_planned_date() -> None:
    decided = example("skolnedlaggning").model_copy(update={
        "status": "decided",
        "committee_decision": CommitteeDecision(
            date=dt.date(2026, 11, 19), paragraph="45", outcome="changed", departs=True,
            departure="Skolan stänger först 2028.", recorded_by="Nämndsekreteraren")})
    first = pdf_pages(render_as(decided, ".pdf", form="short"))[0]
    assert "Planerat beslutsdatum" not in first
    assert "Nämndens beslut Ändrat förslag" in first
    assert "Beslutat: 2026-11-19, § 45" in first
    assert "Skolan stänger först 2028." in first
    summary = summary_as(decided, ".txt").decode("utf-8")
    assert "Nämndens beslut: Ändrat förslag, 2026-11-19, §\u00a045." in summary


def test_a_group_worse_off_than_all_children_is_named_on_page_one_and_in_the_summary(
) -> None:
    source = example("skolnedlaggning")
    answers = dict(source.answers)
    impact = {int(k): v for k, v in answers["rights_impacts"].value.items()}
    impact[2] = {**impact[2], "groups": {"socioeconomic": {"short": -2, "long": -2}}}
    answers["rights_impacts"] = answers["rights_impacts"].model_copy(update={"value": impact})
    changed = source.model_copy(update={"answers": answers})
    first = pdf_pages(render_as(changed, ".pdf", form="short"))[0]
    assert "Barn i familjer med knapp ekonomi (sämre än för alla barn" in first
    assert "−2 tydligt försvagad" in first
    # the worst comes first
    assert first.index("knapp ekonomi") < first.index("31 Vila, fritid")
    summary = summary_as(changed, ".txt").decode("utf-8")
    assert "Barn i familjer med knapp ekonomi: −2 tydligt försvagad (sämre än för alla barn)" \
        in summary


def test_the_individual_track_speaks_of_the_child() -> None:
    child = example("individ-placering").model_copy(update={
        "status": "decided", "committee_decision": CommitteeDecision(
            date=dt.date(2026, 6, 1), outcome="as_proposed")})
    summary = summary_as(child, ".txt").decode("utf-8")
    text = pdf_text(render_as(child, ".pdf", form="short")) + summary
    for words in ("Vad barnet har sagt", "Barnets rättigheter som försvagas",
                  "Stöd och åtgärder för barnet", "Ytterligare stöd till barnet: En samordnad",
                  "Beslutet på delegation", "finns i akten"):
        assert words in text
    for words in ("Vad barn har sagt", "Nämndens beslut", "bifogas ärendet",
                  "Inga åtgärder angivna"):
        assert words not in text


def test_the_kept_record_notes_the_form(tmp_path: Path) -> None:
    short = build_report(example("trafik-skolvag"), out_dir=tmp_path, form="short")
    full = build_report(example("trafik-skolvag"), out_dir=tmp_path, form="full")
    assert (short.form, full.form) == ("short", "full")
    assert short.path != full.path


def test_cli_writes_the_short_form_by_default_and_the_full_when_asked(tmp_path: Path) -> None:
    source = str(EXAMPLES_DIR / "fritidsgard-oppettider.yaml")
    assert main(["report", source, "-o", str(tmp_path / "a.pdf")]) == 0
    assert main(["report", source, "-o", str(tmp_path / "b.pdf"), "--form", "full"]) == 0
    short = pypdf.PdfReader(tmp_path / "a.pdf")
    full = pypdf.PdfReader(tmp_path / "b.pdf")
    assert len(short.pages) < len(full.pages)


@pytest.mark.parametrize("logo", ["png", "svg"])
def test_every_page_carries_the_organisations_logo_and_name(no_profile: Path, tmp_path: Path,
                                                            logo: str) -> None:
    with_profile(no_profile, logo)
    pdf = render_as(example("skolnedlaggning"), ".pdf", form="short")
    pages = pdf_pages(pdf)
    assert all("Lövåkers kommun" in page for page in pages)
    assert "Box 1 · 123 45 Lövåker" in pages[0]
    assert "19 november 2026" in pages[0]  # the organisation writes dates in full
    for number in range(1, len(pages) + 1):
        image = page_png(pdf, tmp_path, number)
        width, height = image.size
        assert height / width == pytest.approx(A4[1] / A4[0], rel=0.01)
        header = image.crop((0, 0, width // 3, height // 20))
        assert any(_near(pixel, GREEN) for pixel in header.getdata()), \
            f"no logo in the header of page {number}"


def test_without_a_profile_no_logo_is_drawn(tmp_path: Path) -> None:
    pdf = render_as(example("skolnedlaggning"), ".pdf", form="short")
    header = page_png(pdf, tmp_path).crop((0, 0, 200, 30))
    assert not any(_near(pixel, GREEN) for pixel in header.getdata())


def test_a_damaged_profile_is_said_plainly(no_profile: Path, tmp_path: Path,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    (no_profile / "organisation.yaml").write_text("name: X\nlogo: saknas.png\n",
                                                  encoding="utf-8")
    source = str(EXAMPLES_DIR / "fritidsgard-oppettider.yaml")
    assert main(["report", source, "-o", str(tmp_path / "a.pdf")]) == 2
    err = capsys.readouterr().err
    assert "organisation.yaml" in err and "saknas.png" in err and "Traceback" not in err


def test_a_free_section_appears_in_its_place_in_every_format() -> None:
    own = example("skolnedlaggning").model_copy(update={"free_sections": [
        FreeSection(title="Samråd med samebyn", text="Samebyn har hörts om skolvägen.",
                    after="alternatives"),
        FreeSection(title="Övrigt", text="Lokalen säljs.")]})
    full = pdf_text(render_as(own, ".pdf", form="full"))
    # after part 7 (interests and alternatives), before part 8
    assert full.index("7. Andra intressen") < full.index("Samråd med samebyn") \
        < full.index("8. ")
    assert "Samebyn har hörts om skolvägen." in full
    pages = pdf_pages(render_as(own, ".pdf", form="full"))
    last = max(i for i, page in enumerate(pages) if "Lokalen säljs." in page)
    assert all("Bilaga: Berörda artiklar" not in page for page in pages[last + 1 - 1:last])
    assert any("Bilaga: Berörda artiklar" in page for page in pages[last:])
    short = pdf_text(render_as(own, ".pdf", form="short"))
    assert "Samråd med samebyn" in short and "Lokalen säljs." in short
    for suffix in (".docx", ".html"):
        data = render_as(own, suffix, form="short")
        assert _contains(data, suffix, "Samråd med samebyn")
        assert _contains(render_as(own, suffix, form="full"), suffix, "Lokalen säljs.")


def _contains(data: bytes, suffix: str, words: str) -> bool:
    if suffix == ".html":
        return words in data.decode("utf-8")
    from doc_support import docx_body_text, open_docx

    return words in docx_body_text(open_docx(data))


def _near(pixel: tuple[int, int, int], colour: tuple[int, int, int]) -> bool:
    return all(abs(a - b) < 30 for a, b in zip(pixel, colour, strict=True))


def _template(folder: Path) -> None:
    """A .dotx as Word saves one: its own header, footer and body font, a body to drop."""
    from docx import Document
    from docx.shared import Pt

    word = Document()
    word.styles["Normal"].font.name = "Georgia"
    word.styles["Normal"].font.size = Pt(12)
    word.sections[0].header.paragraphs[0].text = "MALLENS SIDHUVUD"
    word.sections[0].footer.paragraphs[0].text = "MALLENS SIDFOT"
    word.add_paragraph("Mallens exempeltext")
    out = BytesIO()
    word.save(out)
    import zipfile

    source = zipfile.ZipFile(BytesIO(out.getvalue()))
    with zipfile.ZipFile(folder / "mall.dotx", "w") as target:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename == "[Content_Types].xml":
                data = data.replace(b"document.main+xml", b"template.main+xml")
            target.writestr(item, data)


def test_the_word_report_is_a4_with_the_letterhead(no_profile: Path, tmp_path: Path) -> None:
    from doc_support import docx_to_pdf, open_docx, soffice

    with_profile(no_profile)
    data = render_as(example("skolnedlaggning"), ".docx", form="short")
    word = open_docx(data)
    section = word.sections[0]
    assert (section.page_width.cm, section.page_height.cm) == pytest.approx((21.0, 29.7), abs=0.01)
    header = section.header
    assert "Lövåkers kommun" in " ".join(p.text for p in header.paragraphs)
    assert header._element.xpath(".//w:drawing")  # the logo
    if soffice() is None:
        pytest.skip("LibreOffice is needed to look at the Word file's pages")
    pdf = docx_to_pdf(data, tmp_path)
    pages = pypdf.PdfReader(BytesIO(pdf)).pages
    assert 3 <= len(pages) <= 5
    for number in range(1, len(pages) + 1):
        image = page_png(pdf, tmp_path, number)
        width, height = image.size
        assert height / width == pytest.approx(A4[1] / A4[0], rel=0.01)
        header_strip = image.crop((0, 0, width // 3, height // 12))
        assert any(_near(pixel, GREEN) for pixel in header_strip.getdata())


def test_the_word_report_uses_the_organisations_template(no_profile: Path) -> None:
    from doc_support import docx_body_text, open_docx

    with_profile(no_profile)
    _template(no_profile)
    profile = (no_profile / "organisation.yaml").read_text(encoding="utf-8")
    (no_profile / "organisation.yaml").write_text(profile + "word_template: mall.dotx\n",
                                                  encoding="utf-8")
    word = open_docx(render_as(example("skolnedlaggning"), ".docx", form="short"))
    section = word.sections[0]
    assert (section.page_width.cm, section.page_height.cm) == pytest.approx((21.0, 29.7), abs=0.01)
    assert "MALLENS SIDHUVUD" in " ".join(p.text for p in section.header.paragraphs)
    assert "MALLENS SIDFOT" in " ".join(p.text for p in section.footer.paragraphs)
    assert word.styles["Normal"].font.name == "Georgia"
    body = docx_body_text(word)
    assert "Mallens exempeltext" not in body and "Det som försvagas mest" in body
    summary = open_docx(summary_as(example("skolnedlaggning"), ".docx"))
    assert "MALLENS SIDHUVUD" in " ".join(p.text for p in summary.sections[0].header.paragraphs)


def test_the_html_page_carries_the_letterhead(no_profile: Path) -> None:
    with_profile(no_profile, "svg")
    page = render_as(example("skolnedlaggning"), ".html", form="short").decode("utf-8")
    assert 'src="data:image/svg+xml;base64,' in page and "Lövåkers kommun" in page
    assert "Box 1 · 123 45 Lövåker" in page


@pytest.mark.skipif(not __import__("app.report.tagged_pdf", fromlist=["x"]).available(),
                    reason="WeasyPrint is not installed")
def test_the_tagged_pdf_carries_the_logo_on_every_page(no_profile: Path, tmp_path: Path) -> None:
    with_profile(no_profile)
    pdf = render_as(example("skolnedlaggning"), ".pdf", form="short", tagged=True)
    pages = pdf_pages(pdf)
    assert 3 <= len(pages) <= 5
    assert all("Lövåkers kommun" in page for page in pages)
    for number in range(1, len(pages) + 1):
        image = page_png(pdf, tmp_path, number)
        strip = image.crop((0, 0, image.width // 3, image.height // 12))
        assert any(_near(pixel, GREEN) for pixel in strip.getdata())
