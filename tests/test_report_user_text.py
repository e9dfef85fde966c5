"""User text that would break a file format or reorder our words: every format still opens,
says the user's words, and keeps the assessment attached exactly as stored."""

from __future__ import annotations

import json
from io import BytesIO
from pathlib import Path

import pypdf
import pytest
from doc_support import docx_body_text, docx_header_text, everything, example, open_docx

from app.cli.main import main
from app.core.document.attachment import ATTACHMENT_NAME
from app.core.models.assessment import Answer, Assessment
from app.report import render_as
from app.report.formats import summary_as
from app.store import open_store

RLO = "\u202e"
NASTY = f"Beslut {RLO}tsiver\x00\x0b\x1b[31m om \ud800skolan\r\nrad två"


def nasty() -> Assessment:
    a = example()
    decision = a.decision.model_copy(update={"title": NASTY, "case_number": f"{RLO}BUN 7"})
    return a.model_copy(update={"decision": decision,
                                "answers": {**a.answers, "places": Answer(value=NASTY)}})


@pytest.mark.parametrize("suffix", [".pdf", ".docx", ".html"])
def test_every_format_opens_with_control_characters_and_overrides(suffix: str) -> None:
    data = render_as(nasty(), suffix)
    if suffix == ".docx":
        document = open_docx(data)
        text = docx_body_text(document) + docx_header_text(document)
        title = document.core_properties.title
        assert "Beslut tsiver" in title and "skolan rad två" in title
        assert RLO not in title and "\x1b" not in title
    elif suffix == ".html":
        text = data.decode("utf-8")
    else:
        reader = pypdf.PdfReader(BytesIO(data))
        text = "".join(page.extract_text() for page in reader.pages)
    assert "tsiver" in text and "skolan" in text and "rad två" in text
    assert RLO not in text and "\x00" not in text and "\x1b" not in text


def test_summary_opens_too() -> None:
    text = summary_as(nasty(), ".txt").decode("utf-8")
    assert RLO not in text and "\x00" not in text
    open_docx(summary_as(nasty(), ".docx"))  # python-docx reads it


def test_the_attachment_keeps_the_text_exactly_as_stored() -> None:
    a = nasty()
    (attached,) = pypdf.PdfReader(BytesIO(render_as(a, ".pdf"))).attachments[ATTACHMENT_NAME]
    assert json.loads(attached) == a.model_dump(mode="json")
    assert json.loads(attached)["decision"]["title"] == NASTY


def test_a_reviewed_and_decided_assessment_comes_back_from_its_report(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    full = everything()
    pdf = tmp_path / "rapport.pdf"
    pdf.write_bytes(render_as(full, ".pdf"))
    assert main(["import", str(pdf), "--data-dir", str(tmp_path / "data")]) == 0
    assert "created: 1" in capsys.readouterr().out
    store = open_store(tmp_path / "data")
    (summary,) = store.list()
    restored = store.get(summary.id)
    keep = {"revision", "updated", "created", "id"}
    assert restored.model_dump(mode="json", exclude=keep) == \
        full.model_dump(mode="json", exclude=keep)
    assert restored.review.content_hash == full.review.content_hash
