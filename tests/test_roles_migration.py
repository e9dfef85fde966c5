"""Migration 0003 on a database written before it: the owner columns filled from the
stored documents, records without an owner left nobody's, and the store reads them all."""

from __future__ import annotations

import json

from alembic import command
from alembic.config import Config
from sqlalchemy import create_engine, text

from app.core.access import Scope
from app.store.postgres.engine import MIGRATIONS, driver_url
from app.store.postgres.store import PostgresAssessmentStore


def _document(aid: str, ownership: dict[str, object] | None) -> str:
    doc: dict[str, object] = {
        "format": "bka-assessment/1", "id": aid, "revision": 1, "status": "draft",
        "questionnaire": {"id": "bka-standard", "version": "2.0.0"},
        "decision": {"title": f"Ärende {aid}"},
        "created": "2026-11-01T10:00:00+00:00", "updated": "2026-11-01T10:00:00+00:00"}
    if ownership is not None:
        doc["ownership"] = ownership
        doc["review"] = {"reviewer_sub": "greta"}
    return json.dumps(doc)


def test_0003_fills_the_owner_columns_from_the_documents(pg_server) -> None:  # type: ignore[no-untyped-def]
    pg_server.psql("DROP DATABASE IF EXISTS before_roles")
    pg_server.psql("CREATE DATABASE before_roles")
    url = pg_server.url("before_roles")
    engine = create_engine(driver_url(url))
    config = Config(str(MIGRATIONS))
    with engine.connect() as conn:  # the schema as the version before the login mode left it
        config.attributes["connection"] = conn
        command.upgrade(config, "0002")
        conn.commit()
        for aid, owner in (("a1", {"sub": "anna", "unit": "Soc", "shared": True}),
                           ("a2", None)):
            conn.execute(text(
                "INSERT INTO assessments (id, revision, document, title, status, "
                "questionnaire, questionnaire_version, created, updated, haystack) VALUES "
                "(:id, 1, CAST(:doc AS jsonb), :title, 'draft', 'bka-standard', '2.0.0', "
                "now(), now(), :hay)"),
                {"id": aid, "doc": _document(aid, owner), "title": f"Ärende {aid}",
                 "hay": f"ärende {aid}\n"})
        conn.commit()
    engine.dispose()
    store = PostgresAssessmentStore(url)  # upgrades to the newest on first use
    rows = {r.id: r for r in store.list()}
    assert (rows["a1"].owner, rows["a1"].unit, rows["a1"].shared, rows["a1"].reviewer) == (
        "anna", "Soc", True, "greta")
    assert (rows["a2"].owner, rows["a2"].unit, rows["a2"].shared, rows["a2"].reviewer) == (
        "", "", False, "")
    assert [r.id for r in store.list(scope=Scope(owner="anna"))] == ["a1"]
    assert store.get("a2").ownership.sub == ""  # an old record loads, as nobody's
