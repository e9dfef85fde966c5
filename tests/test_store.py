"""The local store as a page uses it: create, find, change, undo, trash."""

from __future__ import annotations

import datetime as dt
import zipfile
from pathlib import Path

import pytest

from app.core.models.assessment import Answer, Assessment, Decision, QuestionnaireRef, ReportRecord
from app.store import (
    AnswerConflict,
    AssessmentStore,
    Conflict,
    NotFound,
    StoreError,
    TinyDBAssessmentStore,
    data_dir,
    open_store,
)


def assessment(title: str = "Nedläggning av Björkskolans F-3", case: str = "BUN 2026/112",
               **answers: object) -> Assessment:
    return Assessment(
        questionnaire=QuestionnaireRef(id="bka-standard", version="1.0.0"),
        decision=Decision(title=title, case_number=case, committee="Barn- och utbildningsnämnden"),
        answers={k: Answer(value=v) for k, v in answers.items()})


@pytest.fixture
def store(store_kind: str) -> AssessmentStore:
    """Each test below that takes `store` runs on both stores (conftest.store_kind): the one
    contract. Tests that open a folder themselves are about the local store only."""
    return open_store()


def test_the_tinydb_store_is_an_assessment_store(store: TinyDBAssessmentStore) -> None:
    assert isinstance(store, AssessmentStore)


def test_create_gives_a_short_id_revision_one_and_times(store: TinyDBAssessmentStore) -> None:
    created = store.create(assessment(affects_children="direct"), "Anna")
    assert created.id and len(created.id) == 8
    assert created.revision == 1
    assert created.created is not None and created.created == created.updated
    assert store.get(created.id) == created
    other = store.create(assessment(), "Anna")
    assert other.id != created.id


def test_an_unknown_id_says_so_plainly(store: TinyDBAssessmentStore) -> None:
    with pytest.raises(NotFound, match="no assessment with id nope1234"):
        store.get("nope1234")


def test_the_overview_lists_newest_first_and_searches_title_and_case_number(
        store: TinyDBAssessmentStore) -> None:
    school = store.create(assessment("Nedläggning av Björkskolan", "BUN 2026/112"), "Anna")
    road = store.create(assessment("Ny skolväg vid Ekbacken", "TN 2026/7"), "Bo")
    park = store.create(assessment("Lekpark i Åby", "KS 2025/99"), "Bo")
    store.set_answer(school.id or "", "affects_children", Answer(value="direct"), "Anna")

    assert [s.id for s in store.list()] == [school.id, park.id, road.id]
    assert [s.id for s in store.list("BJÖRK")] == [school.id]
    assert [s.id for s in store.list("tn 2026")] == [road.id]
    assert [s.id for s in store.list("åby")] == [park.id]
    assert store.list("no such thing") == []
    row = store.list("björk")[0]
    assert (row.title, row.case_number, row.committee, row.status, row.questionnaire,
            row.revision, row.updated_by) == ("Nedläggning av Björkskolan", "BUN 2026/112",
                                              "Barn- och utbildningsnämnden", "draft",
                                              "bka-standard", 2, "Anna")


def test_status_filter(store: TinyDBAssessmentStore) -> None:
    done = store.create(assessment("Klar"), "Anna")
    store.create(assessment("Utkast"), "Anna")
    store.set_status(done.id or "", "complete", "Anna")
    assert [s.title for s in store.list(status="complete")] == ["Klar"]
    assert [s.title for s in store.list(status="draft")] == ["Utkast"]
    assert store.list("utk", status="complete") == []


def test_save_replaces_content_and_keeps_the_old_values_in_the_history(
        store: TinyDBAssessmentStore) -> None:
    a = store.create(assessment(affects_children="direct"), "Anna")
    changed = a.model_copy(update={
        "decision": a.decision.model_copy(update={"title": "Ny titel"}),
        "answers": {"affects_children": Answer(value="indirect", comment="Via föräldrarna")}})
    saved = store.save(changed, "Bo", expected_revision=1)
    assert saved.revision == 2 and saved.decision.title == "Ny titel"
    assert store.get(a.id or "") == saved

    latest, first = store.revisions(a.id or "")
    assert (latest.revision, latest.editor, latest.action) == (2, "Bo", "save")
    assert set(latest.fields) == {"decision.title", "answers.affects_children"}
    before = {c.field: c.before for c in latest.changes}
    assert before["decision.title"] == "Nedläggning av Björkskolans F-3"
    assert before["answers.affects_children"] == {"value": "direct", "comment": None}
    assert latest.question_ids == ["affects_children"]
    assert (first.revision, first.editor, first.action) == (1, "Anna", "create")
    assert store.at_revision(a.id or "", 1) == a


def test_saving_unchanged_content_writes_no_revision(store: TinyDBAssessmentStore) -> None:
    a = store.create(assessment(x="1"), "Anna")
    assert store.save(a, "Anna", expected_revision=1).revision == 1
    assert len(store.revisions(a.id or "")) == 1


def test_a_save_from_a_stale_copy_is_refused_and_erases_nothing(
        store: TinyDBAssessmentStore) -> None:
    a = store.create(assessment(), "Anna")
    tab1 = store.get(a.id or "")
    tab2 = store.get(a.id or "")
    store.save(tab2.model_copy(update={"answers": {"q2": Answer(value="från flik 2")}}), "Bo", 1)
    with pytest.raises(Conflict, match="changed by Bo") as caught:
        store.save(tab1.model_copy(update={"answers": {"q1": Answer(value="från flik 1")}}),
                   "Anna", expected_revision=1)
    assert caught.value.stored.revision == 2
    assert store.get(a.id or "").answers == {"q2": Answer(value="från flik 2")}


def test_two_tabs_answering_different_questions_keep_both(store: TinyDBAssessmentStore) -> None:
    a = store.create(assessment(), "Anna")
    store.set_answer(a.id or "", "q1", Answer(value="ja"), "Anna", expected=None)
    store.set_answer(a.id or "", "q2", Answer(value="nej"), "Bo", expected=None)
    assert store.get(a.id or "").answers == {"q1": Answer(value="ja"), "q2": Answer(value="nej")}


def test_answering_a_question_someone_else_just_answered_is_a_conflict_with_their_answer(
        store: TinyDBAssessmentStore) -> None:
    a = store.create(assessment(), "Anna")
    store.set_answer(a.id or "", "children_heard", Answer(value="directly"), "Bo", expected=None)
    with pytest.raises(AnswerConflict, match="changed by Bo") as caught:
        store.set_answer(a.id or "", "children_heard", Answer(value="no"), "Anna",
                         expected=None)
    assert caught.value.question_id == "children_heard"
    assert caught.value.stored_answer == Answer(value="directly")
    assert caught.value.changed_by == "Bo"
    assert store.get(a.id or "").value("children_heard") == "directly"
    # With the answer the other tab now shows as expected, the change goes through.
    after = store.set_answer(a.id or "", "children_heard", Answer(value="no"), "Anna",
                             expected=Answer(value="directly"))
    assert after.value("children_heard") == "no"


def test_writing_the_answer_that_is_already_stored_is_no_conflict(
        store: TinyDBAssessmentStore) -> None:
    """Two fast clicks of one person, or two tabs choosing the same: both screens show the
    same answer, so there is nothing to choose between."""
    a = store.create(assessment(), "Anna")
    store.set_answer(a.id or "", "children_heard", Answer(value="directly"), "Bo", expected=None)
    after = store.set_answer(a.id or "", "children_heard", Answer(value="directly"), "Anna",
                             expected=None)
    assert after.value("children_heard") == "directly"
    with pytest.raises(AnswerConflict):  # a different answer over Bo's still is one
        store.set_answer(a.id or "", "children_heard", Answer(value="no"), "Anna",
                         expected=None)


def test_an_impact_answer_compares_equal_after_the_json_round_trip(
        store: TinyDBAssessmentStore) -> None:
    a = store.create(assessment(), "Anna")
    rating = Answer(value={28: {"short": -1, "long": 0, "children": ""}})
    stored = store.set_answer(a.id or "", "rights_impacts", rating, "Anna")
    assert stored == store.get(a.id or "")
    # The tab still holds the int-keyed answer it sent; that is not "someone else's change".
    store.set_answer(a.id or "", "rights_impacts", None, "Anna", expected=rating)
    assert "rights_impacts" not in store.get(a.id or "").answers


def test_removing_an_answer_is_recorded_and_can_be_looked_up(
        store: TinyDBAssessmentStore) -> None:
    a = store.create(assessment(places="Lövåker"), "Anna")
    store.set_answer(a.id or "", "places", None, "Bo")
    entry = store.revisions(a.id or "")[0]
    assert entry.changes[0].before == {"value": "Lövåker", "comment": None}
    assert entry.changes[0].after is None
    assert store.at_revision(a.id or "", 1).value("places") == "Lövåker"


def test_decision_fields_changed_in_two_tabs_merge_and_the_same_field_conflicts(
        store: TinyDBAssessmentStore) -> None:
    a = store.create(assessment(), "Anna")
    seen = a.decision
    store.set_decision(a.id or "", seen.model_copy(update={"title": "Titel A"}), "Anna",
                       expected=seen)
    merged = store.set_decision(a.id or "", seen.model_copy(update={"case_number": "X 1"}),
                                "Bo", expected=seen)
    assert (merged.decision.title, merged.decision.case_number) == ("Titel A", "X 1")
    with pytest.raises(Conflict, match="title"):
        store.set_decision(a.id or "", seen.model_copy(update={"title": "Titel B"}), "Bo",
                           expected=seen)
    assert store.get(a.id or "").decision.title == "Titel A"


def test_update_and_reports(store: TinyDBAssessmentStore) -> None:
    a = store.create(assessment(), "Anna")
    store.update(a.id or "", lambda x: x.model_copy(update={"personal_data": True}), "Anna")
    report = ReportRecord(path="reports/a.pdf", sha256="ab" * 32,
                          created=dt.datetime(2026, 11, 23, 9, 0, tzinfo=dt.UTC), language="sv")
    after = store.add_report(a.id or "", report, "Anna")
    assert after.personal_data and after.reports == [report]
    assert [r.action for r in store.revisions(a.id or "")] == ["report", "update", "create"]
    with pytest.raises(Conflict):
        store.update(a.id or "", lambda x: x, "Anna", expected_revision=1)


def test_duplicate_is_a_new_draft_without_reports(store: TinyDBAssessmentStore) -> None:
    a = store.create(assessment(affects_children="direct"), "Anna")
    store.set_status(a.id or "", "complete", "Anna")
    copy = store.duplicate(a.id or "", "Bo", title="Kopia av Björkskolan")
    assert copy.id != a.id and copy.revision == 1 and copy.status == "draft"
    assert copy.decision.title == "Kopia av Björkskolan"
    assert copy.value("affects_children") == "direct"
    assert store.revisions(copy.id or "")[0].note == f"copy of {a.id}"
    assert len(store.list()) == 2


def test_delete_moves_to_the_trash_and_restore_brings_everything_back(
        store: TinyDBAssessmentStore) -> None:
    a = store.create(assessment(affects_children="direct"), "Anna")
    store.delete(a.id or "", "Bo")
    assert store.list() == []
    with pytest.raises(NotFound, match="in the trash"):
        store.get(a.id or "")
    [row] = store.deleted()
    assert (row.id, row.deleted_by) == (a.id, "Bo") and row.deleted_at is not None
    with pytest.raises(NotFound):
        store.set_answer(a.id or "", "x", Answer(value=1), "Anna")

    restored = store.restore(a.id or "", "Anna")
    assert restored.value("affects_children") == "direct"
    assert [s.id for s in store.list()] == [a.id] and store.deleted() == []
    assert [r.action for r in store.revisions(a.id or "")] == ["restore", "delete", "create"]


def test_purge_only_from_the_trash_and_then_it_is_gone(store: TinyDBAssessmentStore) -> None:
    a = store.create(assessment(), "Anna")
    with pytest.raises(StoreError, match="not in the trash"):
        store.purge(a.id or "")
    store.delete(a.id or "", "Anna")
    store.purge(a.id or "")
    assert store.deleted() == [] and store.list() == []
    with pytest.raises(NotFound):
        store.get(a.id or "", include_deleted=True)
    with pytest.raises(NotFound):
        store.revisions(a.id or "")
    if isinstance(store, TinyDBAssessmentStore):
        assert not store.layout.history_file(a.id or "").exists()
        assert not store.layout.doc_file(a.id or "").exists()


def test_many_assessments_get_many_and_the_list_sees_them_all(
        store: TinyDBAssessmentStore) -> None:
    ids = [store.create(assessment(f"Ärende {n}"), "Anna").id or "" for n in range(60)]
    assert len(store.list()) == 60
    assert [a.id for a in store.get_many(ids[::7])] == ids[::7]


def test_another_store_object_on_the_folder_sees_changes_at_once(tmp_path: Path) -> None:
    first, second = TinyDBAssessmentStore(tmp_path), TinyDBAssessmentStore(tmp_path)
    a = first.create(assessment("Första"), "Anna")
    assert [s.title for s in second.list()] == ["Första"]
    second.set_decision(a.id or "", a.decision.model_copy(update={"title": "Andra"}), "Bo")
    assert [s.title for s in first.list()] == ["Andra"]


def test_data_dir_defaults_to_data_and_follows_the_environment(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("BKA_DATA_DIR", raising=False)
    assert data_dir() == Path("data")
    monkeypatch.setenv("BKA_DATA_DIR", str(tmp_path / "elsewhere"))
    assert data_dir() == tmp_path / "elsewhere"
    store = open_store()
    store.create(assessment(), "Anna")
    assert (tmp_path / "elsewhere" / "assessments").is_dir()
    assert store.location == str((tmp_path / "elsewhere").resolve())


def test_a_backup_is_a_zip_that_opens_as_the_same_store(tmp_path: Path) -> None:
    store = TinyDBAssessmentStore(tmp_path / "data")
    a = store.create(assessment("Säkerhetskopierad"), "Anna")
    store.set_answer(a.id or "", "q", Answer(value="svar"), "Anna")
    path = store.backup()
    assert path.parent == tmp_path / "data" / "backups" and path.name.endswith(".zip")
    assert store.backups() == [path]
    with zipfile.ZipFile(path) as zf:
        names = zf.namelist()
        assert not any(n.endswith((".prev", ".tmp", ".lock")) or n.startswith("backups/")
                       for n in names)
        zf.extractall(tmp_path / "restored")
    restored = TinyDBAssessmentStore(tmp_path / "restored")
    # The copy has new inodes and times, so its index is rebuilt once; the content is equal.
    assert [s.title for s in restored.list()] == ["Säkerhetskopierad"]
    assert restored.get(a.id or "") == store.get(a.id or "")
    assert len(restored.revisions(a.id or "")) == 2


def test_save_expects_by_default_the_revision_the_copy_was_read_at(
        store: TinyDBAssessmentStore) -> None:
    a = store.create(assessment(), "Anna")
    newer = store.set_answer(a.id or "", "q", Answer(value=1))
    with pytest.raises(Conflict):
        store.save(a.model_copy(update={"status": "complete"}))
    assert store.save(newer.model_copy(update={"status": "complete"})).status == "complete"


def test_a_copy_is_titled_kopia_with_no_case_number_and_nothing_it_did_not_go_through(
        store: TinyDBAssessmentStore) -> None:
    source = assessment(affects_children="direct")
    source = source.model_copy(update={"decision": source.decision.model_copy(
        update={"case_number": "BUN 2026/87"})})
    a = store.create(source, "Anna")
    store.set_status(a.id or "", "complete", "Anna")
    copy = store.duplicate(a.id or "", "Bo")
    assert copy.decision.title == f"{a.decision.title} (kopia)"
    assert copy.decision.case_number == ""  # left for the official
    assert copy.copy_of == a.id and copy.committee_decision is None and not copy.lifecycle
    assert store.get(a.id or "").decision.case_number == "BUN 2026/87"
