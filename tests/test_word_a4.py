"""Every Word file the product writes is A4, each of its sections, as a Swedish office prints."""

from __future__ import annotations

import io
import re

import docx
import pytest
from docx.shared import Cm

from app.core.children_letter import draft
from app.core.loading import load_assessment
from app.report import render_as
from app.report.context import prepare
from app.report.formats import summary_as
from app.report.letter_docx import letter_docx
from app.services.paths import EXAMPLES_DIR, ROOT

SCHOOL, _ = load_assessment(EXAMPLES_DIR / "skolnedlaggning.yaml")
TOLERANCE = Cm(0.05)


@pytest.mark.parametrize("make", [
    lambda: render_as(SCHOOL, ".docx"),
    lambda: summary_as(SCHOOL, ".docx"),
    lambda: letter_docx(draft(prepare(SCHOOL, lang="sv"))),
], ids=["report", "summary", "letter"])
def test_every_section_is_an_a4_page(make: object) -> None:
    document = docx.Document(io.BytesIO(make()))  # type: ignore[operator]
    for section in document.sections:
        assert abs(section.page_width - Cm(21.0)) < TOLERANCE
        assert abs(section.page_height - Cm(29.7)) < TOLERANCE


def test_no_word_file_is_made_around_the_a4_helper() -> None:
    """A new Word writer starts from app/report/word_page.py, or it prints on US Letter."""
    made_elsewhere = [
        str(path.relative_to(ROOT)) for path in (ROOT / "app").rglob("*.py")
        if path.name != "word_page.py"
        and re.search(r"(\bDocument|docx\.Document)\(\s*\)", path.read_text(encoding="utf-8"))]
    assert not made_elsewhere
