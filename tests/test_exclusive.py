"""`exclusive: true` on an option of a multi question: it is chosen alone. The format checks
where it may stand (file and line), the shipped "none of these" options carry it, and a record
that already holds such a pair is kept and still named by the scorer."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import line_of, replaced, write
from scoring_setup import EXAMPLES, file_answers, score_answers

from app.core.errors import LoadError
from app.core.exclusive import choose, clash, clashes
from app.core.loading import load_questionnaire
from app.services.shipped import catalog

ARTICLES = set(range(1, 55))

MULTI = """\
      - id: groups
        type: multi
        text: {sv: "Vilka grupper?", en: "Which groups?"}
        options:
          - {value: poor, label: {sv: Knapp ekonomi, en: Little money}}
          - {value: new, label: {sv: Nyanlända, en: Newly arrived}}
          - {value: none, label: {sv: Inga, en: None}, exclusive: true}
"""
WITH_MULTI = replaced("      - id: why_not\n", MULTI + "      - id: why_not\n")


def problems_of(tmp_path: Path, text: str) -> list[str]:
    with pytest.raises(LoadError) as info:
        load_questionnaire(write(tmp_path, "q.yaml", text), ARTICLES)
    return [str(p) for p in info.value.problems]


def test_a_multi_question_loads_with_its_exclusive_option(tmp_path: Path) -> None:
    q = load_questionnaire(write(tmp_path, "q.yaml", WITH_MULTI), ARTICLES)
    assert [o.exclusive for o in q.questions["groups"].options or []] == [False, False, True]


def test_exclusive_on_a_choice_question_is_named_at_its_line(tmp_path: Path) -> None:
    text = replaced("{value: none, label: {sv: Inte alls, en: Not at all}}",
                    "{value: none, label: {sv: Inte alls, en: Not at all}, exclusive: true}")
    (problem,) = problems_of(tmp_path, text)
    assert f"q.yaml:{line_of(text, 'exclusive: true')}:" in problem
    assert "option 'none': 'exclusive' applies only to a multi question" in problem


def test_a_multi_question_whose_options_are_all_exclusive_is_refused(tmp_path: Path) -> None:
    text = WITH_MULTI.replace("en: Little money}}", "en: Little money}, exclusive: true}")
    text = text.replace("en: Newly arrived}}", "en: Newly arrived}, exclusive: true}")
    (problem,) = problems_of(tmp_path, text)
    options_line = line_of(text, "- id: groups") + 3  # the question's 'options:'
    assert f"q.yaml:{options_line}:" in problem
    assert "question 'groups': every option is 'exclusive'" in problem
    assert "make it a choice question" in problem


def test_exclusive_must_be_yes_or_no(tmp_path: Path) -> None:
    text = WITH_MULTI.replace("exclusive: true", "exclusive: sometimes")
    (problem,) = problems_of(tmp_path, text)
    assert f"q.yaml:{line_of(text, 'exclusive: sometimes')}:" in problem


def test_every_shipped_none_of_these_is_exclusive() -> None:
    expected = {
        "bka-standard": {"binding_steps": "none", "vulnerable_groups": "none_identified",
                         "heard_groups": "none_heard", "everyday_losses": "none",
                         "other_interests": "none"},
        "bka-individual": {"binding_steps": "none", "separates_from": "none",
                           "changes_for_child": "none", "vulnerability_factors": "none"},
    }
    for qid, questions in expected.items():
        q = catalog().questionnaire(qid)
        assert q is not None
        found = {question.id: [o.value for o in question.options or [] if o.exclusive]
                 for question in q.questions.values() if question.type == "multi"}
        assert {k: v for k, v in found.items() if v} == {k: [v] for k, v in questions.items()}


def test_the_form_rule_clears_the_other_half_and_only_on_a_choice() -> None:
    q = catalog().questionnaire("bka-standard")
    assert q is not None
    steps = q.questions["binding_steps"]
    picked_none = choose(steps, ["contract", "sale"], ["contract", "sale", "none"])
    assert (picked_none.value, picked_none.removed) == (["none"], ("contract", "sale"))
    picked_step = choose(steps, ["none"], ["none", "sale"])
    assert (picked_step.value, picked_step.removed, picked_step.kept) == (["sale"], ("none",),
                                                                          "sale")
    # taking an option away never rewrites what an older record holds
    assert choose(steps, ["none", "contract", "sale"], ["none", "contract"]).value == [
        "none", "contract"]
    # a question without an exclusive option is left alone
    ages = q.questions["age_groups"]
    assert choose(ages, ["age_0_5"], ["age_0_5", "future"]).value == ["age_0_5", "future"]


def test_an_old_record_with_both_is_kept_and_still_named() -> None:
    assessment, values = file_answers(EXAMPLES / "skolnedlaggning.yaml")
    values["binding_steps"] = ["none", "contract"]
    values["binding_steps_date"] = "2026-09-01"
    q = catalog().questionnaire("bka-standard")
    assert q is not None
    assert [(c.question, c.exclusive, c.others) for c in clashes(q, values)] == [
        ("binding_steps", ("none",), ("contract",))]
    card = score_answers(assessment, values)
    assert "none_and_other_binding_steps" in {f.id for f in card.flags}
    assert values["binding_steps"] == ["none", "contract"]  # scoring read it, changed nothing
    assert clash(q.questions["binding_steps"], ["none"]) is None


def test_an_imported_file_with_both_is_kept_as_it_is_and_said(tmp_path: Path) -> None:
    from app.cli.store import describe
    from app.store import open_store
    from app.store.exchange import import_bytes

    text = (EXAMPLES / "skolnedlaggning.yaml").read_text(encoding="utf-8")
    text = text.replace("  binding_steps:\n  - none\n", "  binding_steps:\n  - none\n  - sale\n")
    store = open_store(tmp_path / "data")
    preview = import_bytes(store, text.encode(), "analys.yaml", editor="t", apply=False,
                           catalog=catalog())
    assert [(c.clash.question, c.clash.exclusive, c.clash.others)
            for c in preview.contradictions] == [("binding_steps", ("none",), ("sale",))]
    result = import_bytes(store, text.encode(), "analys.yaml", editor="t", catalog=catalog())
    assert result.contradictions and len(result.created) == 1
    (summary,) = store.list()
    assert store.get(summary.id).answers["binding_steps"].value == ["none", "sale"]
    said = describe(result)
    assert "the answer to 'binding_steps' chooses none (chosen alone) beside sale" in said


def test_an_edit_that_adds_none_beside_a_step_is_refused_and_fixing_an_old_pair_is_not(
        tmp_path: Path) -> None:
    from app.core.models.assessment import Answer
    from app.store import open_store
    from app.store.errors import AnswerRefused

    store = open_store(tmp_path / "data")
    assessment, _ = file_answers(EXAMPLES / "skolnedlaggning.yaml")
    old = assessment.model_copy(update={"id": None, "answers": {
        **assessment.answers, "binding_steps": Answer(value=["none", "contract", "sale"])}})
    aid = store.create(old, editor="t").id or ""  # a record from before: kept as it is
    with pytest.raises(AnswerRefused) as info:
        store.set_answer(aid, "everyday_losses", Answer(value=["travel", "none"]), "api")
    said = info.value.both()
    assert "sparades inte: 'none' väljs bara ensamt, inte tillsammans med 'travel'" in said
    assert "was not saved: 'none' is chosen only alone, not beside 'travel'" in said
    assert store.get(aid).answers["everyday_losses"].value != ["travel", "none"]
    # taking an option away from the old pair is the person fixing it: saved
    store.set_answer(aid, "binding_steps", Answer(value=["none", "contract"]), "t")
    assert store.get(aid).answers["binding_steps"].value == ["none", "contract"]
