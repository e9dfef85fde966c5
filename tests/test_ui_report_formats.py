"""Resultat offers the report as Word and HTML and the summary for the tjänsteskrivelse."""

from __future__ import annotations

import time
from pathlib import Path

import pypdf
import pytest
from doc_support import docx_body_text, example, open_docx
from helpers import open_page
from ui_helpers import button, no_exception, start, texts

from app.services import report_jobs
from app.store import open_store


def seeded(data: Path) -> str:
    assessment = example().model_copy(update={"id": None, "reports": []})
    return open_store(data).create(assessment, editor="test").id or ""


def test_summary_is_shown_as_copyable_text_with_downloads(
        monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    aid = seeded(tmp_path)
    at = start(monkeypatch, tmp_path, open_assessment=aid)
    at = no_exception(open_page(at, "results").run())
    said = texts(at)
    assert "Sammanfattning för tjänsteskrivelsen" in said
    (code,) = [c for c in at.code if "Slutsats om barnets bästa" in str(c.value)]
    assert str(code.value).startswith("Slutsats om barnets bästa: Delvis.")
    assert "Vad barn har sagt: Alla 31 elever" in str(code.value)
    labels = [b.label for b in at.get("download_button")]
    assert "Ladda ner som Word" in labels and "Ladda ner som text" in labels


def test_word_and_html_are_made_recorded_and_offered(
        monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("BKA_REPORTS_DIR", str(tmp_path / "reports"))
    aid = seeded(tmp_path)
    at = start(monkeypatch, tmp_path, open_assessment=aid)
    at = no_exception(open_page(at, "results").run())
    button(at, "Skapa Word-fil").click()
    at = no_exception(at.run())
    button(at, "Skapa HTML-fil").click()
    at = no_exception(at.run())
    button(at, "Skapa taggad PDF (PDF/UA)").click()
    at = no_exception(at.run())
    # built in the background: the page is drawn at once, the report recorded when done
    job = report_jobs.get(f"tagged:{aid}")
    assert job is not None
    deadline = time.monotonic() + 180
    while not job.done:
        assert time.monotonic() < deadline, "the tagged PDF was not made in 3 minutes"
        time.sleep(0.2)
    at = no_exception(at.run())
    records = open_store(tmp_path).get(aid).reports
    assert [Path(r.path).suffix for r in records] == [".docx", ".html", ".pdf"]
    assert Path(records[2].path).stem.endswith("_pdfua")
    assert "/StructTreeRoot" in pypdf.PdfReader(records[2].path).trailer["/Root"]
    word = open_docx(Path(records[0].path).read_bytes())
    assert "Slutsats om barnets bästa" in docx_body_text(word) or \
        "Barnets bästa" in docx_body_text(word)
    assert "lang=\"sv-SE\"" in Path(records[1].path).read_text(encoding="utf-8")
    shown = "\n".join(str(t.value) for t in at.text)
    assert ".docx" in shown and ".html" in shown


def test_the_data_page_restores_an_assessment_from_its_report_pdf(
        monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    from ui_helpers import texts as page_texts

    from app.report import render_as

    stored = open_store(tmp_path / "there").get(seeded(tmp_path / "there"))
    pdf = render_as(stored, ".pdf")
    here = tmp_path / "here"
    at = no_exception(open_page(start(monkeypatch, here), "data").run())
    at = no_exception(at.file_uploader[0].set_value(("rapport.pdf", pdf, "application/pdf"))
                      .run())
    assert "Nya (1)" in page_texts(at)
    at = no_exception([b for b in at.button if b.label == "Importera"][0].click().run())
    (summary,) = open_store(here).list()
    restored = open_store(here).get(summary.id)
    assert restored.answers == stored.answers and restored.decision == stored.decision


def test_a_section_of_ones_own_is_added_and_the_report_carries_it(
        monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    from ui_helpers import by_label

    from app.report import render_as

    aid = seeded(tmp_path)
    at = start(monkeypatch, tmp_path, open_assessment=aid)
    at = no_exception(open_page(at, "results").run())
    by_label(at.text_input, "Rubrik").input("Samråd med samebyn")
    by_label(at.selectbox, "Placering").select("alternatives")
    by_label(at.text_area, "Text").input("Samebyn har hörts om <b>skolvägen</b>.")
    button(at, "Lägg till avsnittet").click()
    at = no_exception(at.run())
    stored = open_store(tmp_path).get(aid)
    assert [(s.title, s.after) for s in stored.free_sections] == [("Samråd med samebyn",
                                                                   "alternatives")]
    html = render_as(stored, ".html", form="full").decode("utf-8")
    assert "Samråd med samebyn" in html and "&lt;b&gt;skolvägen&lt;/b&gt;" in html
    button(at, "Ta bort").click()
    at = no_exception(at.run())
    assert open_store(tmp_path).get(aid).free_sections == []
