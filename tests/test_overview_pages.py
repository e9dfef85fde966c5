"""The overview reads one page at a time from the store: previous and next, "Visar 1–50 av
N", and in the login mode only the rows and the count the person's roles may see."""

from __future__ import annotations

import itertools
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest
from ui_helpers import button, no_exception, start

from app.core import access
from app.core.access import Holding, Identity
from app.core.models.assessment import Assessment, Decision, Ownership, QuestionnaireRef
from app.core.models.lifecycle import Review
from app.core.roles import ROLES, Person
from app.store import TinyDBAssessmentStore
from app.ui.session import signin

NBSP = "\u00a0"


def _fill(data: Path, owners: list[tuple[str, str, bool]]) -> None:
    """One assessment per (owner, unit, shared), the first newest: "Analys 001", …"""
    now = datetime(2026, 11, 30, 12, tzinfo=UTC)
    batch = [Assessment(id=f"a{i:04d}", questionnaire=QuestionnaireRef(
        id="bka-standard", version="2.0.0"), decision=Decision(title=f"Analys {i:03d}"),
        ownership=Ownership(sub=sub, unit=unit, shared=shared),
        created=now - timedelta(minutes=i), updated=now - timedelta(minutes=i))
        for i, (sub, unit, shared) in enumerate(owners, start=1)]
    TinyDBAssessmentStore(data).store_imported(batch, "test")


def _titles(at: AppTest) -> list[str]:
    return [str(m.value).strip("*").strip("\u2068\u2069") for m in at.markdown
            if str(m.value).startswith("**") and "Analys" in str(m.value)]


def _showing(at: AppTest) -> str:
    found = [str(c.value) for c in at.caption if str(c.value).startswith(("Visar", "Showing"))]
    assert len(found) == 1, [c.value for c in at.caption]
    return found[0].replace(NBSP, " ").replace("\u202f", " ")


def _pager(at: AppTest, label: str) -> object:
    return button(at, label)


def test_the_overview_pages_through_more_than_one_page(
        monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    _fill(tmp_path, [("", "", False)] * 120)
    at = no_exception(start(monkeypatch, tmp_path))
    assert _showing(at) == "Visar 1–50 av 120"
    titles = _titles(at)
    assert len(titles) == 50 and titles[0].endswith("001") and titles[-1].endswith("050")
    assert button(at, "Föregående sida").disabled and not button(at, "Nästa sida").disabled
    button(at, "Nästa sida").click()
    at = no_exception(at.run())
    assert _showing(at) == "Visar 51–100 av 120"
    assert _titles(at)[0].endswith("051")
    button(at, "Nästa sida").click()
    at = no_exception(at.run())
    assert _showing(at) == "Visar 101–120 av 120"
    assert len(_titles(at)) == 20 and button(at, "Nästa sida").disabled
    button(at, "Föregående sida").click()
    at = no_exception(at.run())
    assert _showing(at) == "Visar 51–100 av 120"
    # A new search starts at its first page.
    at.text_input[0].input("Analys 11")
    at = no_exception(at.run())
    assert _showing(at) == "Visar 1–10 av 10"  # 110–119
    assert [b for b in at.button if b.label in ("Föregående sida", "Nästa sida")] == []


def test_in_english_the_pager_reads_in_english(
        monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    _fill(tmp_path, [("", "", False)] * 1234)
    at = no_exception(start(monkeypatch, tmp_path, lang="en"))
    assert _showing(at) == "Showing 1–50 of 1,234"  # the rows per status are kept
    assert button(at, "Next page") and button(at, "Previous page").disabled
    # a search beyond the page and 1,000 more: the store stops counting and says "more than"
    at.text_input[0].input("Analys")
    at = no_exception(at.run())
    assert _showing(at) == "Showing 1–50 of more than 1,050"


OFFICIAL = Person("sub-anna", "Anna Berg", "anna@kommun.se", frozenset({"handlaggare"}), "Soc")


def test_a_handlaggare_pages_through_her_rows_only_and_the_count_is_hers(
        monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    # 180 rows: every third hers, every third shared with her unit, every third another
    # unit's (shared there): 120 she may see, 60 never.
    kinds = [("sub-anna", "Soc", False), ("sub-bo", "Soc", True), ("sub-carl", "Skola", True)]
    _fill(tmp_path, [kinds[i % 3] for i in range(180)])
    monkeypatch.setattr(signin, "configured", lambda: True)
    monkeypatch.setattr(signin, "person", lambda: OFFICIAL)
    at = no_exception(start(monkeypatch, tmp_path))
    assert _showing(at) == "Visar 1–50 av 120"
    seen = set(_titles(at))
    for _ in range(2):
        button(at, "Nästa sida").click()
        at = no_exception(at.run())
        seen |= set(_titles(at))
    assert _showing(at) == "Visar 101–120 av 120"
    forbidden = {f"Analys {i:03d}" for i in range(1, 181) if i % 3 == 0}  # Carl's unit's
    assert len(seen) == 120 and not seen & forbidden


def _holdings() -> list[Holding]:
    values = ("", "anna", "bo")
    units = ("", "Soc", "Skola")
    return [Holding(owner, unit, shared, reviewer)
            for owner, unit, shared, reviewer in itertools.product(
                values, units, (False, True), values)]


def _people() -> list[Person]:
    out = []
    for n in range(len(ROLES) + 1):
        for roles in itertools.combinations(ROLES, n):
            for unit in ("", "Soc"):
                out.append(Person("anna", "Anna", "a@k.se", frozenset(roles), unit))
    return out


def test_the_scope_admits_exactly_the_rows_visible_lets_through() -> None:
    """So the store's count of the scope is the count of what the person sees."""
    for person in _people():
        me = Identity(local=True, login=True, person=person)
        scope = access.scope(me)
        for h in _holdings():
            admitted = scope is None or scope.admits(h.owner, h.unit, h.shared, h.reviewer)
            assert admitted == bool(access.visible(me, [("x", h)])), (person, h)


def test_reviewer_rows_are_paged_as_well(
        monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    now = datetime(2026, 11, 30, 12, tzinfo=UTC)
    batch = [Assessment(id=f"r{i:03d}", questionnaire=QuestionnaireRef(
        id="bka-standard", version="2.0.0"), decision=Decision(title=f"Analys {i:03d}"),
        ownership=Ownership(sub="sub-bo", unit="Soc"),
        review=Review(reviewer_sub="sub-greta" if i % 2 else "sub-other"),
        created=now - timedelta(minutes=i), updated=now - timedelta(minutes=i))
        for i in range(1, 121)]
    TinyDBAssessmentStore(tmp_path).store_imported(batch, "test")
    greta = Person("sub-greta", "Greta", "greta@kommun.se", frozenset({"granskare"}), "Soc")
    monkeypatch.setattr(signin, "configured", lambda: True)
    monkeypatch.setattr(signin, "person", lambda: greta)
    at = no_exception(start(monkeypatch, tmp_path))
    assert _showing(at) == "Visar 1–50 av 60"
    assert all(int(t[-3:]) % 2 for t in _titles(at))


def test_counts_are_grouped_in_thousands_as_each_language_writes_them() -> None:
    from app.core.numbers import count

    assert count(1234, "sv") == "1\u202f234" and count(100000, "sv") == "100\u202f000"
    assert count(1234, "en") == "1,234" and count(50, "sv") == "50"
