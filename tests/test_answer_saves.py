"""Every write of an answer is checked against its question before it is stored, on both
stores: a wrong answer is refused naming the question (Swedish, then English) and what is
wrong, and nothing else in the record changes. A record stored before this check with a
wrong answer stays readable: the answer is kept, flagged as a problem to fix and not scored."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from app.core.loading import normalise_answers
from app.core.models.assessment import Answer, Assessment, Decision, QuestionnaireRef
from app.services.shipped import catalog
from app.services.standing import standing
from app.store import answer_rules
from app.store.errors import AnswerRefused
from app.store.factory import open_store
from app.store.protocol import AssessmentStore

Q = catalog().questionnaires["bka-standard"]


def new(version: str = Q.version, **answers: Any) -> Assessment:
    return Assessment(questionnaire=QuestionnaireRef(id=Q.id, version=version),
                      decision=Decision(title="Ny skolväg"),
                      answers={k: Answer(value=v) for k, v in answers.items()})


@pytest.fixture
def store(store_kind: str) -> AssessmentStore:
    return open_store()


@pytest.fixture
def unchecked() -> Iterator[None]:
    """Writes as before this check existed: how a wrong answer got into stored records."""
    kept = list(answer_rules._loaded)
    answer_rules._loaded.clear()
    yield
    answer_rules._loaded[:] = kept


WRONG = [
    ("affects_children", "kanske", "'kanske' är inget av alternativen",
     "'kanske' is not an option"),
    ("affects_children", ["direct"], "ska vara ett av alternativen", "expected one option"),
    ("decision_kind", "budget", "ska vara en lista med alternativ", "expected a list of options"),
    ("children_count", "många", "ska vara ett tal", "expected a number, got 'många'"),
    ("children_count", "9" * 5000, "ska vara ett tal", "expected a number"),
    ("analysis_date", "2026-13-45", "ska vara ett datum", "expected a date as YYYY-MM-DD"),
    ("places", {"a": 1}, "svaret ska vara text", "expected text"),
]


@pytest.mark.parametrize(("qid", "value", "sv", "en"), WRONG)
def test_a_wrong_answer_is_refused_naming_the_question_and_nothing_else_changes(
        store: AssessmentStore, qid: str, value: Any, sv: str, en: str) -> None:
    a = store.create(new(places="Skolgården", affects_children="direct"), "Anna")
    with pytest.raises(AnswerRefused) as caught:
        store.set_answer(a.id or "", qid, Answer(value=value), "Anna")
    question = Q.questions[qid]
    said = caught.value.both()
    swedish, english = said.split("\n")
    assert f"”{question.text['sv']}” ({qid})" in swedish and sv in swedish  # type: ignore[index]
    assert f"“{question.text['en']}” ({qid})" in english and en in english  # type: ignore[index]
    assert "sparades inte" in swedish and "was not saved" in english
    assert len(said) < 2000  # a huge value is not repeated whole
    after = store.get(a.id or "")
    assert after.revision == a.revision and after.answers == a.answers


def test_every_write_path_of_the_store_is_checked(store: AssessmentStore) -> None:
    a = store.create(new(affects_children="direct"), "Anna")
    aid = a.id or ""
    bad = a.model_copy(update={"answers": {**a.answers, "law_strength": Answer(value="x")}})
    attempts = [
        lambda: store.create(new(affects_children="kanske"), "Anna"),
        lambda: store.save(bad, "Anna"),
        lambda: store.update(aid, lambda s: bad.model_copy(update={"revision": s.revision})),
        lambda: store.store_imported([bad], "Anna"),
    ]
    for attempt in attempts:
        with pytest.raises(AnswerRefused, match="law_strength|affects_children"):
            attempt()
    assert [s.id for s in store.list()] == [aid]
    assert store.get(aid).answers == a.answers and store.get(aid).revision == a.revision


def test_right_answers_of_every_kind_are_saved(store: AssessmentStore) -> None:
    a = store.create(new(), "Anna")
    aid = a.id or ""
    for qid, value in [("affects_children", "direct"), ("decision_kind", ["budget"]),
                       ("children_count", 40), ("analysis_date", "2026-11-02"),
                       ("places", "Skolgården")]:
        if qid == "decision_kind":
            value = [Q.questions[qid].option_values[0]]
        store.set_answer(aid, qid, Answer(value=value), "Anna")
        assert store.get(aid).value(qid) == value
    store.set_answer(aid, "affects_children", None, "Anna")  # taking an answer back
    assert store.get(aid).value("affects_children") is None


def test_a_record_stored_with_a_wrong_answer_is_readable_and_can_be_fixed(
        store: AssessmentStore, unchecked: None) -> None:
    a = store.create(new(places="Skolgården"), "Anna")
    aid = a.id or ""
    store.set_answer(aid, "affects_children", Answer(value="kanske", comment="oklart"), "Anna")
    answer_rules.use(catalog())  # from here on as today: every write checked

    fresh = open_store()
    stored = fresh.get(aid)  # not refused: the user keeps their assessment
    assert stored.answers["affects_children"].value == "kanske"  # kept, never dropped
    assert [s.id for s in fresh.list()] == [aid]
    now = standing(stored, Q)
    assert "affects_children" not in now.values  # not scored
    [problem] = now.problems
    sv, en = problem.both(place=False).split("\n")
    label = Q.questions["affects_children"].text
    assert f"”{label['sv']}” (affects_children)" in sv  # type: ignore[index]
    assert f"“{label['en']}” (affects_children)" in en  # type: ignore[index]
    assert "'kanske' är inget av alternativen" in sv and "räknas inte" in sv
    assert "'kanske' is not an option" in en and "kept but not scored" in en

    fresh.set_answer(aid, "places", Answer(value="Parken"), "Bo")  # other answers still save
    fresh.set_answer(aid, "affects_children", Answer(value="kanske", comment="ny kommentar"),
                     "Bo")  # its comment too, the wrong value left as it was
    with pytest.raises(AnswerRefused):
        fresh.set_answer(aid, "affects_children", Answer(value="kanhända"), "Bo")
    fresh.set_answer(aid, "affects_children", Answer(value="direct"), "Bo")  # fixed
    fixed = fresh.get(aid)
    assert fixed.value("affects_children") == "direct" and fixed.value("places") == "Parken"
    assert normalise_answers(fixed, Q)[1] == []


def test_a_copy_of_a_record_with_a_wrong_answer_carries_it_flagged(
        store: AssessmentStore, unchecked: None) -> None:
    a = store.create(new(affects_children="kanske"), "Anna")
    answer_rules.use(catalog())
    copy = open_store().duplicate(a.id or "", "Bo")
    assert copy.answers["affects_children"].value == "kanske"


def test_answers_of_an_older_version_are_judged_after_its_migrations(
        store: AssessmentStore) -> None:
    """2.0.0 called law_strength's 'primary' 'particular' (a declared migration maps it)."""
    old = store.create(new("2.0.0", law_strength="particular"), "Anna")
    aid = old.id or ""
    store.set_answer(aid, "law_strength", Answer(value="primary"), "Anna")
    store.set_answer(aid, "law_strength", Answer(value="particular"), "Anna")
    with pytest.raises(AnswerRefused, match="'starkast' is not an option"):
        store.set_answer(aid, "law_strength", Answer(value="starkast"), "Anna")
    assert normalise_answers(store.get(aid), Q)[1] == []


def test_moving_a_folder_into_the_database_keeps_a_wrong_stored_answer(
        tmp_path: Path, pg_empty: str, unchecked: None) -> None:
    """`bka migrate --to postgresql://…` moves records as they are: one with a wrong answer
    (which the database once refused to read) arrives whole, readable and flagged."""
    from app.store import TinyDBAssessmentStore
    from app.store.postgres.moving_in import move_in
    from app.store.postgres.store import PostgresAssessmentStore

    folder = tmp_path / "data"
    a = TinyDBAssessmentStore(folder).create(new(affects_children="kanske"), "Anna")
    answer_rules.use(catalog())
    move_in(folder, pg_empty)
    moved = PostgresAssessmentStore(pg_empty).get(a.id or "")
    assert moved.answers == a.answers
    assert "affects_children" in standing(moved, Q).wrong


def test_an_option_sent_twice_is_one_choice_not_a_wrong_answer(store: AssessmentStore) -> None:
    """A double click sent twice or a hand-written list naming an option twice: saved, read and
    scored as that option once, never refused or flagged as a problem to fix."""
    first, second = Q.questions["decision_kind"].option_values[:2]
    a = store.create(new(), "Anna")
    store.set_answer(a.id or "", "decision_kind", Answer(value=[first, second, first]), "Anna")
    now = standing(store.get(a.id or ""), Q)
    assert now.values["decision_kind"] == [first, second]
    assert not now.problems
