"""What only the PostgreSQL store has to show: moving a folder in (`bka migrate`), erasing
for good in every table, refusing damaged rows and newer schemas, plain messages for a
database that cannot be reached. The shared behaviour is in test_store.py & co. (both stores).
"""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import text

from app.cli.main import main
from app.core.models.assessment import Answer, Assessment, Decision, QuestionnaireRef
from app.core.models.meeting import Meeting
from app.services.shipped import cases, catalog
from app.store import NotFound, StoreError, TinyDBAssessmentStore
from app.store.collection import Collection
from app.store.postgres.collection import PostgresCollection
from app.store.postgres.engine import DatabaseNewer, engine_for
from app.store.postgres.reading import RowCorrupted
from app.store.postgres.store import PostgresAssessmentStore
from app.store.workshops import WorkshopStore

ROOT = Path(__file__).resolve().parent.parent


def assessment(title: str, **answers: object) -> Assessment:
    return Assessment(questionnaire=QuestionnaireRef(id="bka-standard", version="1.0.0"),
                      decision=Decision(title=title, case_number="BUN 2026/7"),
                      answers={k: Answer(value=v) for k, v in answers.items()})


def local_folder(folder: Path) -> TinyDBAssessmentStore:
    """A folder as an official's laptop has it after some work: edits, a trashed one, a
    meeting and a workshop with two groups."""
    store = TinyDBAssessmentStore(folder)
    a = store.create(assessment("Björkskolan", places="Skolgården"), "Anna")
    store.set_answer(a.id or "", "affects_children", Answer(value="direct"), "Anna")
    store.set_answer(a.id or "", "places", Answer(value="Skolgården och parken"), "Bo")
    store.set_status(a.id or "", "complete", "Anna")
    gone = store.create(assessment("Lindparken, utkast"), "Bo")
    store.delete(gone.id or "", "Bo")
    meetings: Collection[Meeting] = Collection(Meeting, "meetings", folder)
    meetings.create(Meeting(date=dt.date(2026, 11, 3), team="Fritidsgården", article=12))
    case = next(c for c in cases() if c.id == "lekplats-lindparken")
    WorkshopStore(store, folder).create(case, ["Grupp 1", "Grupp 2"], catalog())
    return store


def dump(url: str) -> list[object]:
    """Every row of every table, to show a second run changes nothing."""
    with engine_for(url).connect() as conn:
        return [conn.execute(text(f"SELECT * FROM {t} ORDER BY 1, 2")).all()
                for t in ("assessments", "revisions", "records")]


def test_migrate_moves_everything_with_its_history_and_a_second_run_changes_nothing(
        tmp_path: Path, pg_empty: str, capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "data"
    local = local_folder(folder)
    assert main(["migrate", "--to", pg_empty, "--data-dir", str(folder)]) == 0
    out = capsys.readouterr().out
    # 2 own assessments + 2 workshop groups; 1 meeting; 1 workshop
    assert "assessments: copied 4, already there 0, checked by hash 4, conflicts" in out
    assert "meetings: copied 1" in out and "workshops: copied 1" in out
    remote = PostgresAssessmentStore(pg_empty)
    assert [(r.id, r.title, r.status, r.revision, r.updated_by) for r in remote.list()] == \
        [(r.id, r.title, r.status, r.revision, r.updated_by) for r in local.list()]
    assert remote.deleted()[0].title == "Lindparken, utkast"
    own = next(r.id for r in local.list() if r.title == "Björkskolan")
    assert remote.get(own) == local.get(own)
    assert remote.revisions(own) == local.revisions(own)
    assert remote.at_revision(own, 2).answers["places"].value == "Skolgården"
    assert [m.team for m in PostgresCollection(Meeting, "meetings", pg_empty).all()] == \
        ["Fritidsgården"]
    before = dump(pg_empty)

    assert main(["migrate", "--to", pg_empty, "--data-dir", str(folder)]) == 0
    assert "assessments: copied 0, already there 4, checked by hash 4" in capsys.readouterr().out
    assert dump(pg_empty) == before


def test_migrate_never_overwrites_what_was_changed_in_the_database(
        tmp_path: Path, pg_empty: str, capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "data"
    local = local_folder(folder)
    assert main(["migrate", "--to", pg_empty, "--data-dir", str(folder)]) == 0
    own = next(r.id for r in local.list() if r.title == "Björkskolan")
    remote = PostgresAssessmentStore(pg_empty)
    remote.set_answer(own, "places", Answer(value="Ändrat på servern"), "Cecilia")
    capsys.readouterr()
    assert main(["migrate", "--to", pg_empty, "--data-dir", str(folder)]) == 1
    out = capsys.readouterr().out
    assert f"conflict {own}" in out and "left as it is" in out
    assert remote.get(own).answers["places"].value == "Ändrat på servern"


def test_migrate_from_a_folder_that_is_not_there_says_so(
        tmp_path: Path, pg_empty: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["migrate", "--to", pg_empty, "--data-dir", str(tmp_path / "nej")]) == 2
    assert "There is no data folder" in capsys.readouterr().err


def test_purge_leaves_nothing_of_the_assessment_in_any_table(pg_url: str) -> None:
    store = PostgresAssessmentStore(pg_url)
    a = store.create(assessment("Hemligt ärende om Kim", places="Kims adress"), "Anna")
    store.set_answer(a.id or "", "places", Answer(value="Kims nya adress"), "Anna")
    kept = store.create(assessment("Annat ärende"), "Anna")
    store.delete(a.id or "", "Anna")
    store.purge(a.id or "")
    with engine_for(pg_url).connect() as conn:
        for table in ("assessments", "revisions", "records"):
            rows = conn.execute(text(f"SELECT count(*) FROM {table} t "
                                     "WHERE row_to_json(t)::text LIKE '%Kim%'")).scalar()
            assert rows == 0, table
    assert [r.id for r in store.list()] == [kept.id]


def test_a_row_that_no_longer_fits_is_refused_and_left_as_it_is(pg_url: str) -> None:
    store = PostgresAssessmentStore(pg_url)
    a = store.create(assessment("Björkskolan"), "Anna")
    with engine_for(pg_url).begin() as conn:
        conn.execute(text("UPDATE assessments SET document = document - 'questionnaire' "
                          "WHERE id = :i"), {"i": a.id})
    with pytest.raises(RowCorrupted, match=f"Assessment {a.id} in the database .* questionnaire"):
        store.get(a.id or "")
    with pytest.raises(RowCorrupted):
        store.set_answer(a.id or "", "places", Answer(value="x"), "Anna")
    with engine_for(pg_url).connect() as conn:
        assert conn.execute(text("SELECT revision FROM assessments")).scalar() == 1


def test_a_database_from_a_newer_version_is_refused(pg_server) -> None:  # type: ignore[no-untyped-def]
    pg_server.psql("DROP DATABASE IF EXISTS newer")
    pg_server.psql("CREATE DATABASE newer")
    pg_server.psql("CREATE TABLE alembic_version (version_num varchar(32) PRIMARY KEY); "
                   "INSERT INTO alembic_version VALUES ('9999_future')", database="newer")
    with pytest.raises(DatabaseNewer, match="newer version of this tool"):
        PostgresAssessmentStore(pg_server.url("newer"))
    assert pg_server.psql("SELECT count(*) FROM pg_tables WHERE tablename = 'assessments'",
                          database="newer").strip() == "0"


def test_serve_with_a_database_that_cannot_be_reached_says_so_and_starts_nothing(
        tmp_path: Path) -> None:
    url = f"postgresql://bka@/nothing?host={tmp_path}&port=5"
    done = subprocess.run([sys.executable, "-m", "app.cli", "serve", "--database-url", url],
                          capture_output=True, text=True, cwd=ROOT, timeout=60)
    assert done.returncode == 2
    assert "cannot be used" in done.stderr and "Traceback" not in done.stderr


def test_unknown_ids_and_the_trash_read_as_on_the_local_store(pg_url: str) -> None:
    store = PostgresAssessmentStore(pg_url)
    with pytest.raises(NotFound, match="no assessment with id nope"):
        store.get("nope")
    with pytest.raises(StoreError, match="must start with postgresql://"):
        PostgresAssessmentStore("mysql://x@localhost/db")


def test_a_pg_dump_restored_into_a_new_database_gives_back_everything(
        tmp_path: Path, pg_server, pg_empty: str) -> None:  # type: ignore[no-untyped-def]
    """The backup and restore docs/DEPLOY.md tells IT to use."""
    store = PostgresAssessmentStore(pg_empty)
    a = store.create(assessment("Björkskolan", places="Skolgården"), "Anna")
    store.set_answer(a.id or "", "places", Answer(value="Parken"), "Bo")
    dump_file = tmp_path / "bka.dump"
    where = ["-h", str(pg_server.socket_dir), "-p", str(pg_server.port), "-U", "bka"]
    subprocess.run([str(pg_server.bin / "pg_dump"), *where, "--format=custom",
                    f"--file={dump_file}", "bka_test"], check=True, capture_output=True)
    pg_server.psql("DROP DATABASE IF EXISTS restored")
    pg_server.psql("CREATE DATABASE restored")
    subprocess.run([str(pg_server.bin / "pg_restore"), *where, "--no-owner",
                    "--dbname=restored", str(dump_file)], check=True, capture_output=True)
    restored = PostgresAssessmentStore(pg_server.url("restored"))
    assert restored.get(a.id or "") == store.get(a.id or "")
    assert restored.revisions(a.id or "") == store.revisions(a.id or "")
    assert restored.at_revision(a.id or "", 1).answers["places"].value == "Skolgården"


def test_the_backup_button_writes_every_row_and_says_where(
        tmp_path: Path, pg_url: str) -> None:
    import json
    import zipfile

    store = PostgresAssessmentStore(pg_url, backups=tmp_path / "backups")
    a = store.create(assessment("Björkskolan", places="Skolgården"), "Anna")
    path = store.backup()
    assert path.parent == tmp_path / "backups" and path.suffix == ".zip"
    with zipfile.ZipFile(path) as zf:
        content = json.loads(zf.read("database.json"))
    assert content["format"] == "bka-pg-backup/1"
    assert [r["id"] for r in content["assessments"]] == [a.id]
    assert content["assessments"][0]["document"]["answers"]["places"]["value"] == "Skolgården"
    assert [r["revision"] for r in content["revisions"]] == [1]
    assert "bka_test" in content["database"] and not list(tmp_path.glob("backups/.*"))


def test_the_migrations_build_exactly_the_schema_the_queries_assume(pg_empty: str) -> None:
    """schema.py (what the queries use) and migrations/ (what databases get) cannot drift."""
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    from app.store.postgres.schema import metadata

    with engine_for(pg_empty).connect() as conn:
        assert compare_metadata(MigrationContext.configure(conn), metadata) == []


def test_the_migrations_read_from_their_file_names_are_alembics_own() -> None:
    """The up-to-date check reads revision ids from the file names, without Alembic."""
    from alembic.config import Config
    from alembic.script import ScriptDirectory

    from app.store.postgres.engine import MIGRATIONS, migrations

    script = ScriptDirectory.from_config(Config(str(MIGRATIONS)))
    assert migrations()[-1] == script.get_current_head()
    assert set(migrations()) == {s.revision for s in script.walk_revisions()}


def test_a_process_finding_its_database_up_to_date_does_not_load_alembic(
        pg_url: str) -> None:
    engine_for(pg_url)  # upgraded here, once
    probe = ("import sys; from app.store.postgres.store import PostgresAssessmentStore as S; "
             f"S({pg_url!r}).page(limit=1); print('alembic' in sys.modules)")
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                          check=True)
    assert done.stdout.strip() == "False"
