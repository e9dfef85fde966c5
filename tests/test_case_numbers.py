"""Finding a case's assessments by case number (what the API's case systems ask): exact,
any letter case, spaces as typed or not; in the trash or in another scope not found; on both
stores, and through the index in PostgreSQL."""

from __future__ import annotations

from pathlib import Path

from app.core.access import Scope
from app.core.loading import load_assessment
from app.core.models.assessment import Assessment, Ownership
from app.services.paths import ROOT
from app.store.case_numbers import by_case_number
from app.store.factory import open_store


def case(number: str, unit: str = "") -> Assessment:
    a, _ = load_assessment(ROOT / "examples" / "trafik-skolvag.yaml")
    return a.model_copy(update={
        "decision": a.decision.model_copy(update={"case_number": number}),
        "ownership": Ownership(unit=unit, shared=bool(unit))})


def test_a_case_number_finds_its_assessments_only(store_kind: str, tmp_path: Path) -> None:
    store = open_store(tmp_path / "data")
    one = store.create(case("KS 2026/12", "Skola A"))
    two = store.create(case("  ks   2026/12 ", "Skola B"))
    store.create(case("KS 2026/123"))  # contains the number, is another case
    store.create(case("KS 2026/1"))
    gone = store.create(case("KS 2026/12"))
    store.delete(gone.id or "")
    found = by_case_number(store, "Ks 2026/12")
    assert {r.id for r in found} == {one.id, two.id}
    assert [r.id for r in by_case_number(store, "KS 2026/12", Scope(unit="Skola A"))] == [
        one.id]
    assert by_case_number(store, "KS 2026") == [] and by_case_number(store, "  ") == []


def test_postgresql_reads_the_index(pg_url: str, tmp_path: Path,
                                    pg_server) -> None:  # type: ignore[no-untyped-def]
    open_store(tmp_path)  # the schema in place
    plan = pg_server.psql(
        "SET enable_seqscan = off; EXPLAIN SELECT id FROM assessments WHERE "
        r"lower(regexp_replace(btrim(case_number), '\s+', ' ', 'g')) = 'ks 2026/12'",
        "bka_test")
    assert "assessments_case_number" in plan
    from sqlalchemy import select
    from sqlalchemy.dialects import postgresql

    from app.store.postgres.schema import assessments as A
    from app.store.postgres.schema import case_number_key

    sql = str(select(A.c.id).where(case_number_key == "x").compile(dialect=postgresql.dialect()))
    assert r"lower(regexp_replace(btrim(case_number), '\s+', ' ', 'g'))" in sql
