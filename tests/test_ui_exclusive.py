"""A "none of these" option is chosen alone in the guided form: picking it clears the other
choices, picking another clears it, each time with a short note saying what was taken away;
an older record that holds both is shown as it is, with a warning, and never changed."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import open_page
from streamlit.testing.v1 import AppTest
from ui_helpers import no_exception, start, texts

from app.core.models.assessment import Answer, Assessment, Decision, QuestionnaireRef
from app.services.shipped import catalog
from app.store import open_store


def seeded(data: Path, answers: dict[str, object]) -> str:
    q = catalog().questionnaire("bka-standard")
    assert q is not None
    a = Assessment(
        questionnaire=QuestionnaireRef(id=q.id, version=q.version),
        decision=Decision(title="Ny skolväg", case_number="BUN 2026/8"),
        answers={k: Answer(value=v) for k, v in answers.items()},
    )
    return open_store(data).create(a, editor="test").id or ""


def stored(data: Path, aid: str, qid: str) -> object:
    answer = open_store(data).get(aid).answers.get(qid)
    return answer.value if answer else None


def screening(monkeypatch: pytest.MonkeyPatch, data: Path, answers: dict[str, object]
              ) -> tuple[AppTest, str]:
    aid = seeded(data, {"affects_children": "direct", **answers})
    at = start(monkeypatch, data, open_assessment=aid, step="screening")
    return no_exception(open_page(at, "assess").run()), aid


def test_choosing_none_clears_the_steps_already_chosen(monkeypatch: pytest.MonkeyPatch,
                                                       tmp_path: Path) -> None:
    at, aid = screening(monkeypatch, tmp_path, {"binding_steps": ["contract", "sale"]})
    key = f"q:{aid}:binding_steps:"
    at.multiselect(key=key).set_value(["contract", "sale", "none"])
    at = no_exception(at.run())
    assert at.multiselect(key=key).value == ["none"]
    assert stored(tmp_path, aid, "binding_steps") == ["none"]
    said = texts(at)
    assert "”Nej, inget bindande steg är taget”, som bara kan väljas ensamt" in said
    cleared = said.split("som bara kan väljas ensamt")[1]
    assert "”Ett avtal eller hyresavtal är undertecknat”" in cleared


def test_choosing_a_step_clears_none(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    at, aid = screening(monkeypatch, tmp_path, {"binding_steps": ["none"]})
    key = f"q:{aid}:binding_steps:"
    at.multiselect(key=key).set_value(["none", "contract"])
    at = no_exception(at.run())
    assert at.multiselect(key=key).value == ["contract"]
    assert stored(tmp_path, aid, "binding_steps") == ["contract"]
    assert "formuläret tog bort ”Nej, inget bindande steg är taget”" in texts(at)
    # the next ordinary change ends the note
    at.multiselect(key=key).set_value(["contract", "sale"])
    at = no_exception(at.run())
    assert stored(tmp_path, aid, "binding_steps") == ["contract", "sale"]
    assert "tog bort" not in texts(at)


def test_an_older_record_with_both_is_kept_and_warned_about(monkeypatch: pytest.MonkeyPatch,
                                                             tmp_path: Path) -> None:
    at, aid = screening(monkeypatch, tmp_path, {"binding_steps": ["none", "contract"]})
    assert at.multiselect(key=f"q:{aid}:binding_steps:").value == ["none", "contract"]
    assert "Svaret väljer både ”Nej, inget bindande steg är taget” och" in texts(at)
    assert stored(tmp_path, aid, "binding_steps") == ["none", "contract"]


def _show_import_preview() -> None:
    from app.core.exclusive import Clash, RecordClash
    from app.store.exchange import ImportResult
    from app.ui.screens.data import show_result

    clash = Clash("binding_steps", ("none",), ("contract",))
    show_result(ImportResult(contradictions=[RecordClash("Ny skolväg", "bka-standard", clash)]),
                "sv", preview=True)


def test_an_import_names_an_answer_that_contradicts_itself() -> None:
    at = no_exception(AppTest.from_function(_show_import_preview).run())
    said = texts(at).replace("\\", "").replace("\u2060", "")  # as read: no escapes, joiners
    q = catalog().questionnaire("bka-standard")
    assert q is not None
    number = q.numbering["binding_steps"]
    assert "Ett svar i filen motsäger sig självt" in said
    assert (f"Ny skolväg, fråga {number}: både ”Nej, inget bindande steg är taget” och ”Ett "
            "avtal eller hyresavtal är undertecknat”") in said
