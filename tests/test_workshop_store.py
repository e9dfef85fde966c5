"""Workshops in the store: codes, group names, joining, closing, exports, many groups at once."""

from __future__ import annotations

import json
import re
import threading
from pathlib import Path

import pytest

from app.core.models.assessment import Answer
from app.core.models.case import Case
from app.core.models.workshop import CODE_PATTERN
from app.services.shipped import cases, catalog
from app.store import open_store
from app.store.workshop_errors import DuplicateGroups, ExpiredCode, NoGroups, UnknownCode
from app.store.workshops import WorkshopStore, workshop_assessment_ids

#: every test here runs on both stores (conftest.store_kind)
pytestmark = pytest.mark.usefixtures("store_kind")

def case() -> Case:
    return next(c for c in cases() if c.id == "lekplats-lindparken")


def workshops(data: Path) -> WorkshopStore:
    return WorkshopStore(open_store(data), data)


def test_each_group_gets_a_code_and_its_own_assessment(tmp_path: Path) -> None:
    ws = workshops(tmp_path)
    w = ws.create(case(), ["Grupp Röd", " Grupp  Blå "], catalog())
    assert [g.name for g in w.groups] == ["Grupp Röd", "Grupp Blå"]
    assert all(re.match(CODE_PATTERN, g.code) for g in w.groups)
    assessments = ws.group_assessments(w)
    assert [a.decision.title for a in assessments] == [
        "Bostäder i Lindparken – lekplatsen flyttas – Grupp Röd",
        "Bostäder i Lindparken – lekplatsen flyttas – Grupp Blå"]
    assert {a.questionnaire.id for a in assessments} == {"bka-standard"}
    assert workshop_assessment_ids(tmp_path) == {g.assessment_id for g in w.groups}


def test_codes_are_unique_among_open_workshops(tmp_path: Path) -> None:
    ws = workshops(tmp_path)
    codes: list[str] = []
    for _ in range(10):
        codes += [g.code for g in ws.create(case(), [f"G{i}" for i in range(20)],
                                            catalog()).groups]
    assert len(codes) == len(set(codes)) == 200


def test_same_group_name_twice_is_refused_and_nothing_is_stored(tmp_path: Path) -> None:
    ws = workshops(tmp_path)
    with pytest.raises(DuplicateGroups) as caught:
        ws.create(case(), ["Grupp A", "Grupp B", " grupp  a "], catalog())
    assert "Two groups cannot have the same name: Grupp A" in str(caught.value)
    with pytest.raises(NoGroups):
        ws.create(case(), ["Grupp A", "  "], catalog())
    assert ws.all() == [] and open_store(tmp_path).list() == []


def test_join_with_the_code_as_typed(tmp_path: Path) -> None:
    ws = workshops(tmp_path)
    w = ws.create(case(), ["Ett", "Två"], catalog())
    code = w.groups[1].code
    typed = f" {code[:3].lower()}-{code[3:]} "
    workshop, group = ws.join(typed)
    assert (workshop.id, group.name) == (w.id, "Två")


def test_wrong_and_expired_codes_get_plain_messages(tmp_path: Path) -> None:
    ws = workshops(tmp_path)
    w = ws.create(case(), ["Ett"], catalog())
    with pytest.raises(UnknownCode, match="There is no group with the code"):
        ws.join("AAAAAA" if w.groups[0].code != "AAAAAA" else "CCCCCC")
    ws.close(w.id)
    with pytest.raises(ExpiredCode, match="no longer works: the workshop is closed"):
        ws.join(w.groups[0].code)
    ws.archive(w.id)
    with pytest.raises(ExpiredCode, match="archived"):
        ws.join(w.groups[0].code)
    reopened = ws.reopen(w.id)
    assert ws.join(reopened.groups[0].code)[1].name == "Ett"


def test_export_of_one_group_holds_only_its_assessment(tmp_path: Path) -> None:
    ws = workshops(tmp_path)
    w = ws.create(case(), ["Ett", "Två"], catalog())
    store = open_store(tmp_path)
    store.set_answer(w.groups[0].assessment_id, "affects_children", Answer(value="direct"))
    data = json.loads(ws.export_group(w, w.groups[0]))
    assert data["format"] == "bka-export/1"
    assert [a["id"] for a in data["assessments"]] == [w.groups[0].assessment_id]
    assert data["assessments"][0]["answers"]["affects_children"]["value"] == "direct"


def test_twenty_groups_saving_at_once_lose_nothing(tmp_path: Path) -> None:
    ws = workshops(tmp_path)
    w = ws.create(case(), [f"Grupp {i}" for i in range(1, 21)], catalog())
    answers = {"affects_children": "direct", "how_concerned": "text", "places": "text",
               "knowledge_summary": "text", "knowledge_gaps": "text",
               "group_differences": "text", "motivation": "text", "follow_up_who": "text"}
    start = threading.Barrier(len(w.groups))
    errors: list[BaseException] = []

    def work(index: int, aid: str) -> None:
        store = open_store(tmp_path)  # a session of its own, as each browser has
        start.wait()
        try:
            for qid, value in answers.items():
                text = f"Grupp {index}: {qid}" if value == "text" else value
                store.set_answer(aid, qid, Answer(value=text), editor=f"Grupp {index}")
        except BaseException as exc:  # noqa: BLE001 - reported below
            errors.append(exc)

    threads = [threading.Thread(target=work, args=(i, g.assessment_id))
               for i, g in enumerate(w.groups, 1)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    for index, assessment in enumerate(ws.group_assessments(w), 1):
        assert set(assessment.answers) == set(answers)
        assert assessment.answers["motivation"].value == f"Grupp {index}: motivation"
        assert assessment.revision == 1 + len(answers)


def test_reopening_replaces_a_code_another_open_workshop_took(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    pool = ["AAAAAA", "CCCCCC", "DDDDDD"]
    monkeypatch.setattr("app.store.workshops.new_code",
                        lambda taken: next(c for c in pool if c not in taken))
    ws = workshops(tmp_path)
    first = ws.create(case(), ["Ett"], catalog())
    ws.close(first.id)
    second = ws.create(case(), ["Två"], catalog())  # a closed workshop's code is free again
    assert first.groups[0].code == second.groups[0].code == "AAAAAA"
    reopened = ws.reopen(first.id)
    assert reopened.groups[0].code == "CCCCCC"
    assert ws.join("AAAAAA")[1].name == "Två" and ws.join("CCCCCC")[1].name == "Ett"
