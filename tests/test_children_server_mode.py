"""Children's collections, their answers and the letters' edits are kept where the
assessments are: in server mode rows of the database, so a child's link works on every app
server, the official sees every answer whichever server took it, a backup holds them and an
erase reaches them; `bka migrate` takes a folder's collections along."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from browser import ARGS, CHROMIUM, need_chromium, running_app
from test_e2e_voices import answer_as_child

from app.core.models.assessment import Assessment, Decision, QuestionnaireRef
from app.core.models.child_collection import ChildCollection, ChildResponse
from app.core.models.child_letter import LetterRecord, record_id
from app.services.erase import erase_for_good
from app.store import open_store
from app.store.child_collections import ChildCollectionStore, UnknownCollection
from app.store.child_letters import letter_store

MARKER = "Zqxv-markör-i-databasen"


def _assessment(title: str = "Ny skolgård") -> str:
    a = Assessment(questionnaire=QuestionnaireRef(id="bka-standard", version="2.0.0"),
                   decision=Decision(title=title))
    return open_store().create(a, editor="Ann").id or ""


def _collection(assessment_id: str) -> ChildCollection:
    return ChildCollection(assessment_id=assessment_id, code="x", questionnaire="children-voices",
                           questionnaire_version="1.0.0",
                           decision_for_children="Kommunen vill bygga om skolgården.")


def _response(text: str) -> ChildResponse:
    return ChildResponse(age_band="10-12", texts={"wish": text}, day=dt.date(2026, 12, 1))


def test_a_collection_opened_on_one_server_takes_answers_on_another(pg_url: str,
                                                                     tmp_path: Path) -> None:
    aid = _assessment()
    one, two = ChildCollectionStore(tmp_path / "one"), ChildCollectionStore(tmp_path / "two")
    opened = one.open(_collection(aid))
    two.add_response(opened.code, _response("Fler gungor"))  # the child's link, server two
    [seen] = one.of_assessment(aid)  # the official, server one
    assert [r.texts["wish"] for r in seen.responses] == ["Fler gungor"]
    assert not (tmp_path / "one" / "child_collections.json").exists()
    assert not (tmp_path / "two" / "child_collections.json").exists()


def test_erase_reaches_the_database_and_the_backup_holds_the_collections(
        pg_url: str, pg_server, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    aid, other = _assessment(), _assessment("Annat ärende")
    children = ChildCollectionStore(tmp_path)
    mine = children.open(_collection(aid))
    children.add_response(mine.code, _response(MARKER))
    children.add_response(children.open(_collection(other)).code, _response("Gungor"))
    letter_store(tmp_path).create(LetterRecord(id=record_id(aid, "sv"), assessment_id=aid,
                                               lang="sv", title="Brev", greeting="Hej!",
                                               parts={"decided": MARKER}, signature="Ann"))
    import zipfile

    backup = open_store(tmp_path).backup()
    assert MARKER.encode() in b"".join(zipfile.ZipFile(backup).read(n)
                                       for n in zipfile.ZipFile(backup).namelist())
    backup.unlink()
    dumped = pg_server.psql("SELECT document::text FROM records", database="bka_test")
    assert MARKER in dumped  # in the database, where pg_dump takes it
    store = open_store(tmp_path)
    store.delete(aid, editor="Ann")
    erase_for_good(store, aid, tmp_path)
    assert MARKER not in pg_server.psql("SELECT document::text FROM records",
                                        database="bka_test")
    with pytest.raises(UnknownCollection):
        ChildCollectionStore(tmp_path).by_code(mine.code)
    assert len(ChildCollectionStore(tmp_path).of_assessment(other)) == 1  # another's kept


def test_bka_migrate_moves_a_folders_collections_and_letters(pg_empty: str,
                                                             monkeypatch: pytest.MonkeyPatch,
                                                             tmp_path: Path) -> None:
    from app.store.postgres.moving_in import move_in

    monkeypatch.delenv("BKA_DATABASE_URL", raising=False)
    folder = tmp_path / "data"
    store = open_store(folder)
    a = store.create(Assessment(questionnaire=QuestionnaireRef(id="bka-standard",
                                                               version="2.0.0"),
                                decision=Decision(title="Ny skolgård")), editor="Ann")
    aid = a.id or ""
    local = ChildCollectionStore(folder)
    opened = local.open(_collection(aid))
    local.add_response(opened.code, _response("Fler gungor"))
    letter_store(folder).create(LetterRecord(id=record_id(aid, "sv"), assessment_id=aid,
                                             lang="sv", title="Brev", greeting="Hej!",
                                             parts={}, signature="Ann"))
    report = move_in(folder, pg_empty)
    assert (len(report.collections.created), report.collections.checked) == (1, 1)
    assert (len(report.letters.created), report.letters.checked) == (1, 1)
    monkeypatch.setenv("BKA_DATABASE_URL", pg_empty)
    [moved] = ChildCollectionStore(tmp_path / "elsewhere").of_assessment(aid)
    assert moved.code == opened.code and len(moved.responses) == 1


@pytest.mark.browser
def test_a_childs_link_works_on_the_second_server(pg_url: str, tmp_path: Path) -> None:
    need_chromium()
    from playwright.sync_api import sync_playwright

    aid = _assessment()
    opened = ChildCollectionStore(tmp_path / "one").open(_collection(aid))
    with running_app(tmp_path / "one") as one, running_app(tmp_path / "two") as two, \
            sync_playwright() as p:
        assert one != two
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        answer_as_child(browser, f"{two}/?barn={opened.code}", "10–12 år", "Bra",
                        "Att det blir trångt.")
        browser.close()
    [seen] = ChildCollectionStore(tmp_path / "one").of_assessment(aid)
    assert len(seen.responses) == 1
