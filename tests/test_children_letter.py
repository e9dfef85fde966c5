"""The letter back to the children: its text and LIX, read back from the PDF and the DOCX."""

from __future__ import annotations

import datetime as dt
import io
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import docx
from pypdf import PdfReader

from app.core.children import build_response, results
from app.core.children_letter import draft as draft_from
from app.core.children_loading import load_child_questionnaire
from app.core.lix import lix, readability, sentences
from app.core.loading import load_assessment
from app.core.models.assessment import Assessment
from app.core.models.child_collection import ChildCollection
from app.core.models.lifecycle import CommitteeDecision
from app.report.context import prepare
from app.report.letter import letter_pdf
from app.report.letter_docx import letter_docx
from app.services.letters import letter_for, save_edits
from app.services.paths import EXAMPLES_DIR, QUESTIONNAIRES_DIR
from app.store.child_collections import ChildCollectionStore

Q = load_child_questionnaire(QUESTIONNAIRES_DIR / "children-voices.yaml")
SCHOOL, _ = load_assessment(EXAMPLES_DIR / "skolnedlaggning.yaml")
SCHOOL = SCHOOL.model_copy(update={"id": "a1"})
DECIDED = SCHOOL.model_copy(update={"status": "decided", "committee_decision": CommitteeDecision(
    date=dt.date(2026, 11, 26), outcome="as_proposed")})
SENTENCE = "Kommunen vill stänga Lövåkers skola <font size=40>nu</font>."


def collection(n: int) -> ChildCollection:
    base = ChildCollection(id="c1", assessment_id="a1", code="ABCDEF", questionnaire=Q.id,
                           questionnaire_version=Q.version, decision_for_children=SENTENCE)
    faces = ["good", "bad", "very_bad", "neither", "bad", "good"]
    day = dt.date(2026, 11, 2)
    responses = [build_response(Q, base, "age_10_12", {"plan_feeling": faces[i % 6]},
                                {"worries": "Bussen tar för lång tid."}, day) for i in range(n)]
    return base.model_copy(update={"responses": responses})


def draft(assessment: Assessment, lang: str, *rest: object) -> Any:
    return draft_from(prepare(assessment, lang=lang), *rest)  # type: ignore[arg-type]


def pdf_text(data: bytes) -> tuple[str, str]:
    reader = PdfReader(io.BytesIO(data))
    text = " ".join(page.extract_text() for page in reader.pages)
    return " ".join(text.split()), str(reader.metadata.subject)


def test_lix_counts_words_sentences_and_long_words() -> None:
    assert lix("Jag går hem. Det regnar ute idag.") == 7 / 2
    found = readability("Kommunfullmäktige beslutade. Vi är glada!")
    assert (found.words, found.sentences, found.long_words) == (5, 2, 2)
    assert round(found.lix, 1) == round(5 / 2 + 100 * 2 / 5, 1)


def test_letter_with_five_or_more_answers_says_what_children_said() -> None:
    c = collection(6)
    letter = draft(DECIDED, "sv", c, Q, results(Q, c, "sv"))
    text, subject = pdf_text(letter_pdf(letter))
    assert "Det här sa barnen" in text
    assert "6 barn svarade på våra frågor. 2 tyckte att förslaget var bra. 3 tyckte att det var" \
        " dåligt." in text
    assert "skrev ett barn: ”Bussen tar för lång tid.”" in text  # under its question
    assert re.search(r"På frågan ”[^”]+\?” skrev ett barn", text)
    assert "<font size=40>nu</font>" in text  # the official's text is text, never markup
    assert "Beslutet togs den 26 november 2026." in text  # the recorded date, not the planned
    assert "Vi tittar på hur det blev den 15 februari 2028." in text
    # The LIX in the PDF is the one of the very sentences the PDF holds.
    for sentence in sentences(letter.prose):
        assert " ".join(sentence.split()) in text
    assert subject == f"LIX {lix(letter.prose):.0f}"


def test_two_quotes_under_one_question_name_the_question_once() -> None:
    c = collection(6)
    worries = ["Bussen tar för lång tid.", "Jag vill inte byta skola."]
    c = c.model_copy(update={"responses": [
        r.model_copy(update={"texts": {"worries": worries[i % 2]}})
        for i, r in enumerate(c.responses)]})
    for lang, more in (("sv", "Ett annat barn skrev: ”"), ("en", "Another child wrote: “")):
        letter = draft(DECIDED, lang, c, Q, results(Q, c, lang))
        said = next(p.text for p in letter.parts if p.key == "said")
        question = re.findall(r"[”“]([^”“]+\?)[”“] (?:skrev ett barn|one child wrote)", said)
        assert len(question) == 1, said  # the question once, then both children's words
        assert said.count(more) == 1, said


def test_with_four_answers_the_letter_does_not_count_them() -> None:
    c = collection(4)
    letter = draft(SCHOOL, "sv", c, Q, results(Q, c, "sv"))
    assert "4 barn" not in letter.body
    assert letter.body.count("Alla 31 elever") == 1  # what the official wrote instead


def test_english_letter_as_docx_in_large_type() -> None:
    letter = draft(DECIDED, "en", None)
    document = docx.Document(io.BytesIO(letter_docx(letter)))
    paragraphs = [p.text for p in document.paragraphs]
    assert paragraphs[0] == "What happened to the plan?"
    assert "What happens next" in paragraphs and "Do you want to ask something?" in paragraphs
    assert any("The decision was made on 26 November 2026." in p for p in paragraphs)
    assert document.styles["Normal"].font.size.pt == 16
    assert document.core_properties.subject == f"LIX {lix(letter.prose):.0f}"


def test_edits_are_kept_and_an_emptied_part_stays_out(tmp_path: Path) -> None:
    ChildCollectionStore(tmp_path)  # no collection: the draft uses the assessment's own words
    first = letter_for(SCHOOL, "sv", tmp_path)
    parts = {p.key: p for p in first.parts}
    shorter = first.__class__(first.lang, "Skolan i Lövåker", first.greeting,
                              tuple(p for p in first.parts if p.key != "why"),
                              first.signature)
    save_edits(SCHOOL, "sv", shorter, tmp_path)
    again = letter_for(SCHOOL, "sv", tmp_path)
    assert again.title == "Skolan i Lövåker"
    assert "why" in parts and "why" not in {p.key for p in again.parts}


def test_bka_letter_writes_pdf_and_docx_and_prints_the_lix(tmp_path: Path) -> None:
    bka = Path(sys.executable).with_name("bka")
    for suffix in (".pdf", ".docx"):
        out = tmp_path / f"brev{suffix}"
        done = subprocess.run([str(bka), "letter", str(EXAMPLES_DIR / "trafik-skolvag.yaml"),
                               "-o", str(out), "--data-dir", str(tmp_path / "none")],
                              capture_output=True, text=True, check=False)
        assert done.returncode == 0, done.stderr
        assert re.search(r"^LIX \d+ \(aim: 30 or lower for ages 10-12\)$", done.stdout, re.M)
        assert out.stat().st_size > 1000
    assert not (tmp_path / "none").exists()  # reading made no data folder
    bad = subprocess.run([str(bka), "letter", "nope", "-o", str(tmp_path / "x.txt")],
                         capture_output=True, text=True, check=False)
    assert bad.returncode == 2 and "must end in .pdf or .docx" in bad.stderr
    assert "Traceback" not in bad.stderr


def test_a_planned_date_already_past_is_told_as_a_plan_that_was() -> None:
    ri = prepare(SCHOOL, lang="sv")  # planned for 19 November 2026, no decision recorded
    before = draft_from(ri, today=dt.date(2026, 11, 2)).body
    assert "Det ska bestämmas den 19 november 2026." in before
    after = draft_from(ri, today=dt.date(2026, 12, 7)).body
    assert "Det var planerat att bestämmas den 19 november 2026." in after
    assert "ska bestämmas" not in after


def test_a_matter_screened_out_is_not_called_one_that_concerns_children() -> None:
    reason = ("Beslutet gäller byte av förvaltningens e-postsystem. Inga tjänster till barn "
              "eller familjer ändras.")
    screened = SCHOOL.model_copy(update={"answers": {
        "affects_children": SCHOOL.answers["affects_children"].model_copy(
            update={"value": "none"}),
        "why_not_concerned": SCHOOL.answers["affects_children"].model_copy(
            update={"value": reason})}})
    for lang, claim in (("sv", "gäller barn"), ("en", "concerns children")):
        letter = draft(screened, lang)
        assert claim not in letter.title + letter.greeting, (lang, letter.title)
    letter = draft(screened, "sv")
    assert "inte påverkar barn" in letter.body and reason in letter.body
    assert "Tack för att du sa vad du tycker" not in letter.body  # nobody was heard


def test_a_letter_names_no_place_the_assessment_does_not_record() -> None:
    """The youth centre's letter sent the children to 'an adult at school': no recorded fact
    said they go to one. The letter names whom they can ask from what the official recorded."""
    centre, _ = load_assessment(EXAMPLES_DIR / "fritidsgard-oppettider.yaml")
    for lang, school in (("sv", "skola"), ("en", "school")):
        letter = draft(centre, lang, None)
        assert school not in letter.body.lower(), letter.body
        assert ("vuxen du litar på" if lang == "sv" else "adult you trust") in letter.body
