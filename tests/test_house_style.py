"""The organisation's letterhead and way of writing dates on every document: the letter to
children (PDF and Word), the minutes and the council overview, looked at on rendered pages."""

from __future__ import annotations

import datetime as dt
from io import BytesIO
from pathlib import Path

import pypdf
import pytest
from test_report_forms import GREEN, _near, page_png, with_profile
from test_report_support import pdf_pages

from app.core.children_letter import draft
from app.core.dashboard import collect, overview
from app.core.loading import load_assessment
from app.core.models.meeting import Meeting
from app.core.typography import date_text, keep_together, quote
from app.report.context import prepare
from app.report.dashboard import render_dashboard
from app.report.letter import letter_pdf
from app.report.letter_docx import letter_docx
from app.report.minutes import render_minutes
from app.services.paths import EXAMPLES_DIR
from app.services.shipped import catalog


@pytest.fixture
def profile(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    data = tmp_path / "data"
    data.mkdir()
    monkeypatch.setenv("BKA_DATA_DIR", str(data))
    with_profile(data)
    return data


def _has_logo(pdf: bytes, folder: Path) -> bool:
    image = page_png(pdf, folder)
    strip = image.crop((0, 0, image.width // 2, image.height // 10))
    return any(_near(pixel, GREEN) for pixel in strip.getdata())


def test_the_letter_to_children_is_on_the_letterhead(profile: Path, tmp_path: Path) -> None:
    from doc_support import open_docx

    a = load_assessment(EXAMPLES_DIR / "skolnedlaggning.yaml")[0]
    letter = draft(prepare(a, lang="sv"))
    pdf = letter_pdf(letter)
    assert _has_logo(pdf, tmp_path)
    assert "Box 1 · 123 45 Lövåker" in pdf_pages(pdf)[0]
    word = open_docx(letter_docx(letter))
    header = word.sections[0].header
    assert "Lövåkers kommun" in " ".join(p.text for p in header.paragraphs)
    assert header._element.xpath(".//w:drawing")
    assert word.sections[0].page_width.cm == pytest.approx(21.0, abs=0.01)


def test_the_minutes_carry_the_letterhead_and_the_organisations_dates(profile: Path,
                                                                      tmp_path: Path) -> None:
    meeting = Meeting.model_validate({"date": dt.date(2026, 9, 3), "team": "Förskolan Älven",
                                      "article": 12, "participants": ["Åsa"]})
    pdf = render_minutes(meeting, catalog().library, lang="sv")
    first = pdf_pages(pdf)[0]
    assert "Lövåkers kommun" in first and "3 september 2026" in first
    assert _has_logo(pdf, tmp_path)


def test_the_council_overview_carries_the_letterhead(profile: Path, tmp_path: Path) -> None:
    a = load_assessment(EXAMPLES_DIR / "skolnedlaggning.yaml")[0].model_copy(
        update={"id": "a1"})
    cases, _ = collect([a], catalog())
    pdf = render_dashboard(overview(cases, dt.date(2026, 12, 1), statuses=None),
                           catalog().library)
    assert all("Lövåkers kommun" in page for page in pdf_pages(pdf))
    assert len(pypdf.PdfReader(BytesIO(pdf)).pages) >= 1
    assert _has_logo(pdf, tmp_path)


def test_swedish_typography() -> None:
    assert quote("Alternativ 1", "sv") == "”Alternativ 1”"
    assert quote("Option 1", "en") == "‘Option 1’"
    assert keep_together("enligt 12 § och 6 kap. 5 §, protokoll § 45, dnr 2026/87") == \
        "enligt 12\u00a0§ och 6\u00a0kap. 5\u00a0§, protokoll §\u00a045, dnr\u00a02026/87"
    day = dt.date(2026, 11, 19)
    assert date_text(day) == "2026-11-19"
    assert date_text(day, "sv", "long") == "19\u00a0november 2026"
    assert date_text(day, "sv", "short") == "19\u00a0nov. 2026"
    assert date_text(day, "en", "long") == "19\u00a0November 2026"
