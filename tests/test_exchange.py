"""Export to one JSON file and import it elsewhere: validated, and never silently overwriting."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from app.core.models.assessment import Answer, Assessment, Decision, QuestionnaireRef
from app.store import AssessmentStore, TinyDBAssessmentStore, open_store
from app.store.exchange import (
    EXPORT_FORMAT,
    ImportRejected,
    export_bytes,
    export_file,
    import_bytes,
    import_file,
    read_import,
)

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"


def assessment(title: str, **answers: object) -> Assessment:
    return Assessment(questionnaire=QuestionnaireRef(id="bka-standard", version="1.0.0"),
                      decision=Decision(title=title, case_number="BUN 2026/3"),
                      answers={k: Answer(value=v) for k, v in answers.items()})


def stored(store: AssessmentStore) -> object:
    """Everything a store holds, to show that a refused import changed nothing: for the
    local store every byte of its folder but the overview's index (derived from the files,
    and caught up in the background after earlier saves), for any store every assessment and
    revision."""
    rows = store.list() + store.deleted()
    content = [(store.get(r.id, include_deleted=True), store.revisions(r.id)) for r in rows]
    if isinstance(store, TinyDBAssessmentStore):
        folder = store.folder
        return content, {str(p.relative_to(folder)): p.read_bytes()
                         for p in sorted(folder.rglob("*"))
                         if p.is_file() and p.name not in (".lock", ".lock-turnstile")
                         and not str(p.relative_to(folder)).startswith(".overview-index")}
    return content


@pytest.fixture
def here(store_kind: str) -> AssessmentStore:
    """The store imported into: the local folder, then the database (conftest.store_kind)."""
    return open_store()


@pytest.fixture
def there(tmp_path: Path) -> TinyDBAssessmentStore:
    return TinyDBAssessmentStore(tmp_path / "there")


def test_export_all_and_import_elsewhere_gives_the_same_assessments(
        here: TinyDBAssessmentStore, there: TinyDBAssessmentStore, tmp_path: Path) -> None:
    a = here.create(assessment("Björkskolan", affects_children="direct"), "Anna")
    a = here.set_answer(a.id or "", "rights_impacts",
                        Answer(value={28: {"short": -1, "long": 0, "children": "Längre väg"}},
                               comment="Skolskjuts"), "Anna")
    b = here.create(assessment("Lekpark"), "Anna")
    here.delete(here.create(assessment("I papperskorgen"), "Anna").id or "", "Anna")
    path = export_file(here, tmp_path / "export.json")

    document = json.loads(path.read_text(encoding="utf-8"))
    assert document["format"] == EXPORT_FORMAT and document["exported"]
    assert {x["decision"]["title"] for x in document["assessments"]} == {"Björkskolan", "Lekpark"}

    result = import_file(there, path, "Bo")
    assert result.applied and {i.id for i in result.created} == {a.id, b.id}
    assert result.updated == result.skipped == result.conflicts == []
    assert there.get(a.id or "") == here.get(a.id or "")
    assert there.revisions(a.id or "")[0].note == "imported from export.json"

    again = import_file(there, path, "Bo")
    assert {i.id for i in again.skipped} == {a.id, b.id} and again.changed == 0


def test_export_of_chosen_assessments_only(here: TinyDBAssessmentStore) -> None:
    a = here.create(assessment("En"), "Anna")
    here.create(assessment("Två"), "Anna")
    document = json.loads(export_bytes(here, [a.id or ""]))
    assert [x["id"] for x in document["assessments"]] == [a.id]


def test_a_copy_saying_it_is_newer_is_still_the_persons_choice(
        here: TinyDBAssessmentStore, there: TinyDBAssessmentStore) -> None:
    a = here.create(assessment("Björkskolan", places="Lövåker"), "Anna")
    import_bytes(there, export_bytes(here), "to-colleague.json", "Bo")
    there.set_answer(a.id or "", "places", Answer(value="Lövåker och Storby"), "Bo")

    # A higher revision in a file is the file's word only: nothing replaced unseen.
    result = import_bytes(here, export_bytes(there), "back.json", "Anna")
    [conflict] = result.conflicts
    assert result.updated == [] and conflict.kind == "differs"
    assert "answers.places" in conflict.differences
    assert here.get(a.id or "").value("places") == "Lövåker"
    # Replaced after seeing the differences: the old state stays in the history.
    result = import_bytes(here, export_bytes(there), "back.json", "Anna",
                          take_incoming=[a.id or ""])
    assert [i.id for i in result.updated] == [a.id]
    assert here.get(a.id or "").value("places") == "Lövåker och Storby"
    latest = here.revisions(a.id or "")[0]
    assert latest.action == "import" and latest.changes[0].before["value"] == "Lövåker"


def test_a_conflict_imported_as_new_keeps_both(
        here: TinyDBAssessmentStore, there: TinyDBAssessmentStore) -> None:
    a = here.create(assessment("Björkskolan", places="Lövåker"), "Anna")
    import_bytes(there, export_bytes(here), "to-colleague.json", "Bo")
    there.set_answer(a.id or "", "places", Answer(value="Storby"), "Bo")
    result = import_bytes(here, export_bytes(there), "back.json", "Anna", as_new=[a.id or ""])
    assert result.conflicts == [] and len(result.created) == 1
    places = sorted(str(x.value("places")) for x in (here.get(s.id) for s in here.list()))
    assert places == ["Lövåker", "Storby"]


def test_an_older_copy_is_a_conflict_and_is_not_applied(
        here: TinyDBAssessmentStore, there: TinyDBAssessmentStore) -> None:
    a = here.create(assessment("Björkskolan", places="Lövåker"), "Anna")
    old_export = export_bytes(here)
    here.set_answer(a.id or "", "places", Answer(value="Nyare text"), "Anna")
    before = stored(here)

    result = import_bytes(here, old_export, "old.json", "Anna")
    [conflict] = result.conflicts
    assert conflict.id == a.id and "differs from the stored one" in conflict.reason
    assert (conflict.stored_revision, conflict.incoming_revision) == (2, 1)
    assert result.changed == 0 and stored(here) == before


def test_both_changed_is_a_conflict_until_the_user_takes_the_files_copy(
        here: TinyDBAssessmentStore, there: TinyDBAssessmentStore) -> None:
    a = here.create(assessment("Björkskolan"), "Anna")
    import_bytes(there, export_bytes(here), "x.json", "Bo")
    there.set_answer(a.id or "", "q1", Answer(value="där 1"), "Bo")
    there.set_answer(a.id or "", "q2", Answer(value="där 2"), "Bo")
    here.set_answer(a.id or "", "q1", Answer(value="här"), "Anna")  # later than theirs
    theirs = export_bytes(there)

    preview = import_bytes(here, theirs, "theirs.json", "Anna", apply=False)
    assert not preview.applied and [c.id for c in preview.conflicts] == [a.id]
    assert "differs from the stored one" in preview.conflicts[0].reason
    result = import_bytes(here, theirs, "theirs.json", "Anna")
    assert [c.id for c in result.conflicts] == [a.id]
    assert here.get(a.id or "").value("q1") == "här"

    chosen = import_bytes(here, theirs, "theirs.json", "Anna", take_incoming={a.id or ""})
    assert [i.id for i in chosen.updated] == [a.id] and chosen.conflicts == []
    now = here.get(a.id or "")
    assert now.value("q1") == "där 1" and now.revision == 3  # above the stored 2
    assert here.at_revision(a.id or "", 2).value("q1") == "här"  # nothing lost


def test_another_assessment_with_the_same_id_is_a_conflict(
        here: TinyDBAssessmentStore, tmp_path: Path) -> None:
    a = here.create(assessment("Här"), "Anna")
    stranger = assessment("Någon annanstans").model_copy(update={
        "id": a.id, "revision": 9, "created": a.created.replace(year=2020) if a.created else None,
        "updated": a.updated})
    data = json.dumps({"format": EXPORT_FORMAT, "exported": "2026-01-01T00:00:00+00:00",
                       "assessments": [stranger.model_dump(mode="json")]}).encode()
    result = import_bytes(here, data, "stranger.json", "Anna")
    assert "different assessment with the same id" in result.conflicts[0].reason
    assert here.get(a.id or "").decision.title == "Här"


def test_a_copy_of_an_assessment_in_the_trash_is_a_conflict(
        here: TinyDBAssessmentStore) -> None:
    a = here.create(assessment("Raderad"), "Anna")
    exported = export_bytes(here)
    here.set_answer(a.id or "", "q", Answer(value=1), "Anna")
    here.delete(a.id or "", "Anna")
    result = import_bytes(here, exported, "e.json", "Anna")
    assert "trash" in result.conflicts[0].reason
    assert here.list() == []
    # Choosing the file's copy brings it back, and the deleted state stays in the history.
    import_bytes(here, exported, "e.json", "Anna", take_incoming={a.id or ""})
    assert [s.id for s in here.list()] == [a.id]
    assert here.at_revision(a.id or "", 2).value("q") == 1


def test_a_single_assessment_file_in_yaml_is_imported_as_new(
        here: TinyDBAssessmentStore) -> None:
    examples = sorted(EXAMPLES.glob("*.yaml"))
    if not examples:
        pytest.skip("no example assessments shipped")
    result = import_file(here, examples[0], "Anna")
    [item] = result.created
    [row] = here.list()
    stored = here.get(row.id)
    assert stored.decision.title == item.title and stored.answers
    assert stored.revision == 1


def test_a_single_assessment_in_json_with_an_id_keeps_it(here: TinyDBAssessmentStore) -> None:
    one = assessment("Med id").model_copy(update={"id": "case-2026-7"})
    result = import_bytes(here, one.model_dump_json().encode(), "one.json", "Anna")
    assert [i.id for i in result.created] == ["case-2026-7"]
    assert here.get("case-2026-7").decision.title == "Med id"


# -- files that must change nothing ----------------------------------------------------------


def _export_of(store: TinyDBAssessmentStore) -> bytes:
    store.create(assessment("Finns redan"), "Anna")
    return export_bytes(store)


@pytest.mark.parametrize(("content", "message"), [
    (b"", "empty"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "not a text file"),
    (b"just some words", "neither a BKA export file"),
    (b'{"hello": "world"}', "neither a BKA export file"),
    (b'{"assessments": []}', "not a BKA export file"),
    (b"[1, 2, 3]", "neither a BKA export file"),
    (b'{"format": "bka-export/2", "assessments": []}', "newer version"),
    (b'{"format": "bka-assessment/2", "questionnaire": {}, "decision": {}}', "newer version"),
    (b'{"format": "bka-export/1", "assessments": {"a": 1}}', "not a list"),
    (b'{"format": "bka-export/1", "assessments": [{"questionnaire": {"id": "x", "version": '
     b'"1"}, "decision": {"title": ""}}]}', "assessment 1"),
    (b'{"format": "bka-export/1", "assessments": [{"id": "a b", "questionnaire": {"id": "x", '
     b'"version": "1"}, "decision": {"title": "t"}}]}', "not a valid id"),
    (b"key: [unclosed", "YAML syntax error"),
])
def test_a_file_that_is_not_ours_is_refused_and_changes_nothing(
        here: TinyDBAssessmentStore, content: bytes, message: str) -> None:
    _export_of(here)
    before = stored(here)
    with pytest.raises(ImportRejected, match=message) as caught:
        import_bytes(here, content, "upload.json" if content[:1] in b"{[" else "upload.yaml",
                     "Anna")
    assert "nothing was changed" in str(caught.value)
    assert stored(here) == before


def test_a_truncated_export_is_refused_and_changes_nothing(
        here: TinyDBAssessmentStore, there: TinyDBAssessmentStore) -> None:
    complete = _export_of(there)
    here.create(assessment("Min egen"), "Anna")
    before = stored(here)
    for cut in (len(complete) // 2, len(complete) - 3, 40):
        with pytest.raises(ImportRejected, match="cut short"):
            import_bytes(here, complete[:cut], "export.json", "Anna")
    assert stored(here) == before


def test_duplicate_ids_in_one_file_are_refused(here: TinyDBAssessmentStore) -> None:
    one = assessment("Två gånger").model_copy(update={"id": "abc12345"}).model_dump(mode="json")
    data = json.dumps({"format": EXPORT_FORMAT, "assessments": [one, one]}).encode()
    with pytest.raises(ImportRejected, match="appears twice"):
        read_import(data, "dup.json")
