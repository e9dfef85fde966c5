"""The guided page and the results page with a stored answer that does not fit its question
(stored before answers were checked when saved): both open, the answer is named as a problem
to fix with its question's label, and answering the question again clears it."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import open_page
from test_ui_assessment import open_section, seeded
from ui_helpers import by_label, no_exception, start

from app.services.shipped import catalog
from app.store import answer_rules


def _flagged(at: object) -> list[str]:
    return [str(x.value) for x in at.text if "kanske" in str(x.value)]  # type: ignore[attr-defined]


def test_a_wrong_stored_answer_is_shown_to_fix_and_fixed_by_answering(
        monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    from app.store import open_store

    answer_rules._loaded.clear()  # written as before the check existed
    try:
        aid = seeded(tmp_path, {"affects_children": "kanske", "places": "Skolgården"})
    finally:
        answer_rules.use(catalog())
    at = start(monkeypatch, tmp_path, open_assessment=aid)
    at = no_exception(open_page(at, "assess").run())
    [flag] = _flagged(at)
    assert "Berör ärendet barn?" in flag and "'kanske' är inget av alternativen" in flag
    assert "räknas inte" in flag
    at = open_section(at, "Berör ärendet barn")
    beside = [str(w.value) for w in at.warning if "(affects_children)" in str(w.value)]
    assert len(beside) == 1 and "'kanske' är inget av alternativen" in beside[0]  # at it too
    by_label(at.radio, "Berör ärendet barn?").set_value("direct")
    at = no_exception(at.run())
    stored = open_store(tmp_path).get(aid)
    assert stored.value("affects_children") == "direct" and stored.value("places") == "Skolgården"
    assert _flagged(at) == []
    assert not [w for w in at.warning if "(affects_children)" in str(w.value)]


def test_the_results_page_names_a_wrong_stored_answer(
        monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    answer_rules._loaded.clear()
    try:
        aid = seeded(tmp_path, {"affects_children": "kanske"})
    finally:
        answer_rules.use(catalog())
    at = start(monkeypatch, tmp_path, open_assessment=aid)
    at = no_exception(open_page(at, "results").run())
    [flag] = _flagged(at)
    assert "Berör ärendet barn?" in flag and "räknas inte" in flag


def test_the_report_waits_for_the_answer_to_be_corrected_and_says_which_in_words() -> None:
    """A report would leave the answer out without a word: it is refused naming the question
    in the official's language, until the answer is corrected."""
    from app.core.document.source import AnswersDoNotFit, prepare
    from app.core.models.assessment import Answer, Assessment, Decision, QuestionnaireRef
    from app.ui.store_errors import report_message

    cat = catalog()
    q = cat.questionnaires["bka-standard"]
    a = Assessment(questionnaire=QuestionnaireRef(id=q.id, version=q.version),
                   decision=Decision(title="Ny skolväg"),
                   answers={"affects_children": Answer(value="kanske")})
    with pytest.raises(AnswersDoNotFit) as caught:
        prepare(a, catalog=cat)
    sv = report_message(caught.value, "sv")
    assert sv.startswith("Rapporten kunde inte skapas") and "”Berör ärendet barn?”" in sv
    assert "'kanske' är inget av alternativen" in sv and "is not" not in sv
    en = report_message(caught.value, "en")
    assert en.startswith("The report could not be created") and "'kanske' is not an option" in en
    fixed = a.model_copy(update={"answers": {"affects_children": Answer(value="direct")}})
    assert prepare(fixed, catalog=cat).values["affects_children"] == "direct"
