"""The workshop summary PDF, read back: case, groups, scores, articles, the agenda; the CLI."""

from __future__ import annotations

from io import BytesIO
from pathlib import Path

import pytest
from pypdf import PdfReader

from app.cli.main import main
from app.core.models.assessment import Answer
from app.core.models.workshop import Workshop
from app.report.workshop_summary import summary_pdf
from app.services.shipped import cases, catalog
from app.store import open_store
from app.store.workshops import WorkshopStore

CASE = "lekplats-lindparken"


def text_of(data: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(BytesIO(data)).pages)


def answered(data: Path) -> tuple[WorkshopStore, Workshop]:
    ws = WorkshopStore(open_store(data), data)
    w = ws.create(next(c for c in cases() if c.id == CASE),
                  ["Röda gruppen", "Blå <b>gruppen</b>"], catalog(), title="Workshop i Ekeby")
    store = open_store(data)
    red, blue = (g.assessment_id for g in w.groups)
    store.set_answer(red, "affects_children", Answer(value="direct"))
    store.set_answer(blue, "affects_children", Answer(value="indirect"))
    store.set_answer(red, "rights_impacts", Answer(value={31: {"short": -2, "long": -2}}))
    store.set_answer(blue, "rights_impacts", Answer(value={31: {"short": 1, "long": 1}}))
    return ws, w


def pdf(ws: WorkshopStore, w: Workshop, lang: str) -> str:
    q = catalog().questionnaires[w.questionnaire]
    case = next(c for c in cases() if c.id == CASE)
    return text_of(summary_pdf(w, case, catalog(), ws.group_inputs(w, q), lang))


def test_summary_holds_case_groups_scores_articles_and_agenda(tmp_path: Path) -> None:
    ws, w = answered(tmp_path)
    text = pdf(ws, w, "sv")
    for expected in ("Workshop i Ekeby", "Bostäder i Lindparken", "Grupperna: nivå och poäng",
                     "Röda gruppen", "Blå <b>gruppen</b>", "Bristfällig analys",
                     "Artiklarna sida vid sida", "Art.", "Vila, fritid, lek och kultur",
                     "−2,0", "+1,0", "Dagordning för samtalet", "Oenighet 100 %",
                     "Artikel 31", "Berör ärendet barn?", "Ja, direkt", "Så räknas oenigheten"):
        assert expected in text, expected
    # The case's central harm (article 31, a key article: spread 3 of 4) leads, before a
    # larger disagreement on a question the case is not about (two answers: 100 %).
    assert text.index("Fallets kärna") < text.index("Oenighet 75 %") \
        < text.index("Där de flesta grupper svarade olika") < text.index("Oenighet 100 %")
    assert "2 av 2 grupper svarade" in text
    # The trainer's questions for the whole room, all of them; nothing left "for the app".
    assert "Frågor till helgruppen" in text and "Räcker det att barn har hörts" in text
    assert "appen" not in text


def test_summary_in_english_has_no_swedish_frame(tmp_path: Path) -> None:
    ws, w = answered(tmp_path)
    text = pdf(ws, w, "en")
    assert "Agenda for the discussion" in text and "Disagreement 100%" in text
    assert "The heart of the case" in text and "Questions for the whole room" in text
    assert "Oenighet" not in text and "Grupperna" not in text


def test_cli_writes_the_summary_and_says_plainly_when_it_cannot(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    ws, w = answered(tmp_path / "data")
    out = tmp_path / "summary.pdf"
    assert main(["workshop-summary", w.id, "-o", str(out), "--data-dir",
                 str(tmp_path / "data")]) == 0
    assert "Röda gruppen" in text_of(out.read_bytes())
    assert main(["workshop-summary", "nope", "--data-dir", str(tmp_path / "data")]) == 2
    assert "bka workshop-summary: There is no workshop with id nope." in capsys.readouterr().err
