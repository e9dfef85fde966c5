"""The PDF shows review, approval with the content hash, the decision and reopenings."""

from __future__ import annotations

import datetime as dt

from test_report_support import pdf_text

from app.core import lifecycle as life
from app.core.loading import load_assessment
from app.core.models.assessment import Answer, Assessment
from app.core.models.lifecycle import CommitteeDecision
from app.report import render_pdf
from app.services.paths import ROOT

NOW = dt.datetime(2026, 12, 1, 10, 0, tzinfo=dt.UTC)


def decided() -> Assessment:
    a, _ = load_assessment(ROOT / "examples" / "skolnedlaggning.yaml")
    a = life.send_for_review(a, "Per Berg", "Karin Lund", NOW)
    a = life.add_comment(a, "places", "Karta saknas.", "Per Berg", NOW)
    a = life.resolve(a, a.review.comments[0].id, "Karin Lund", NOW)
    a = life.approve(a, "Per Berg", "Väl underbyggd.", NOW)
    return life.record_decision(a, CommitteeDecision(
        date=dt.date(2026, 12, 10), paragraph="§ 112", outcome="changed", departs=True,
        departure="Nedläggningen skjuts upp ett år.", protocol="BUN 2026-12-10"),
        "Karin Lund", NOW)


def flat(text: str) -> str:
    return " ".join(text.split())


def test_pdf_prints_review_hash_and_decision() -> None:
    a = decided()
    text = flat(pdf_text(render_pdf(a)))
    assert "Granskning och beslut" in text
    assert "Granskad, godkänd och beslutad" in text  # the status on page 1
    assert "Per Berg" in text and "Väl underbyggd." in text
    assert a.review.content_hash in text.replace(" ", "")
    assert "1, varav 0 olösta" in text
    assert "§ 112" in text and "Ändrat förslag" in text
    assert "Nedläggningen skjuts upp ett år." in text and "BUN 2026-12-10" in text


def test_pdf_says_when_the_frozen_content_was_changed() -> None:
    a = decided()
    tampered = a.model_copy(update={
        "answers": {**a.answers, "places": Answer(value="Ändrat i filen efteråt")}})
    text = flat(pdf_text(render_pdf(tampered, lang="en")))
    assert "Does not match the content: changed after the approval" in text


def test_pdf_records_a_reopening() -> None:
    a = life.reopen(decided(), "Karin Lund", "Ny uppgift om skolskjutsen.", NOW)
    text = flat(pdf_text(render_pdf(a)))
    assert "Öppnad igen" in text and "Ny uppgift om skolskjutsen." in text


def test_no_section_before_anything_happened() -> None:
    a, _ = load_assessment(ROOT / "examples" / "skolnedlaggning.yaml")
    assert "Granskning och beslut" not in flat(pdf_text(render_pdf(a)))


def test_the_paragraph_is_written_with_one_sign_however_it_was_typed() -> None:
    """The form asks for "Paragraf (§)"; officials type the sign as often as not."""
    for typed in ("§ 112", "§112", "112 §", "112"):
        a = decided()
        record = a.committee_decision.model_copy(update={"paragraph": typed})  # type: ignore[union-attr]
        text = flat(pdf_text(render_pdf(a.model_copy(update={"committee_decision": record}))))
        signs = text.replace("\u00a0", " ").replace(" ", "")
        assert "§112" in signs and "§§" not in signs and "112§" not in signs, (typed, text)


def test_a_completion_without_reason_names_only_what_remains() -> None:
    """Screened out, marked complete, one serious finding (the decision names a school) and
    no required answer missing: the note says what remains, never "0 questions lack"."""
    a, _ = load_assessment(ROOT / "examples" / "skolnedlaggning.yaml")
    screened = a.model_copy(update={"status": "complete", "answers": {
        "affects_children": Answer(value="none"),
        "why_not_concerned": Answer(value="Beslutet gäller byte av kommunens e-postsystem för "
                                    "förvaltningens personal; inga tjänster till barn eller "
                                    "familjer ändras.")}})
    text = flat(pdf_text(render_pdf(screened)))
    assert "Markerad som färdig, men inget skäl är antecknat: 1 allvarlig brist återstår." \
        in text, text[:1500]
    assert "0 obligatoriska" not in text
    english = flat(pdf_text(render_pdf(screened, lang="en")))
    assert "Marked complete, but no reason is recorded: 1 serious finding remains." \
        in english
