"""The administrator's roles editor: which source wins (token, the administrator, the file),
the assignment stored with who and when on both stores, refused below the page for anyone
else, and the page itself."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import open_page
from ui_helpers import button, by_label, no_exception, start, tables, texts

from app.core.access import AccessRefused, Identity, OwnAdministratorRole
from app.core.roles import (
    ROLES,
    Assignment,
    Person,
    RoleMap,
    parse_role_map,
    person_from_claims,
    role_source,
)
from app.store.people import People
from app.ui.session import signin

ANNA = {"sub": "sub-anna", "email": "anna@kommun.se", "name": "Anna Berg"}
FILE, _ = parse_role_map({"users": [{"email": "anna@kommun.se", "roles": ["granskare"],
                                     "unit": "Skola"}]}, "roles.yaml")
ADMIN = Person("sub-admin", "Ada Admin", "ada@kommun.se", frozenset({"administrator"}), "IT")
OFFICIAL = Person("sub-bo", "Bo Ek", "bo@kommun.se", frozenset({"handlaggare"}), "Soc")


def _as(person: Person) -> Identity:
    return Identity(local=True, login=True, person=person)


def test_the_token_roles_win_then_the_administrator_then_the_file() -> None:
    given = Assignment(roles=frozenset({"handlaggare"}), unit="Soc")
    # The token carries roles: they decide, whatever the file or the administrator says.
    token = {**ANNA, "roles": ["BKA.Utbildare"]}
    who = person_from_claims(token, FILE, given)
    assert who is not None and who.roles == {"utbildare"}
    assert role_source(token, FILE, given) == "token"
    # No roles in the token: the administrator's assignment over the file.
    who = person_from_claims(ANNA, FILE, given)
    assert who is not None and who.roles == {"handlaggare"} and who.unit == "Soc"
    assert role_source(ANNA, FILE, given) == "assignment"
    # Nothing assigned: the file.
    who = person_from_claims(ANNA, FILE, None)
    assert who is not None and who.roles == {"granskare"} and who.unit == "Skola"
    assert role_source(ANNA, FILE) == "file"
    assert role_source(ANNA, RoleMap()) == "none"


def test_an_assignment_of_no_roles_takes_them_all_and_a_unit_alone_keeps_the_files_roles(
        ) -> None:
    who = person_from_claims(ANNA, FILE, Assignment(roles=frozenset()))
    assert who is not None and who.roles == frozenset() and who.unit == "Skola"
    who = person_from_claims(ANNA, FILE, Assignment(unit="Barn och unga"))
    assert who is not None and who.roles == {"granskare"} and who.unit == "Barn och unga"
    # The administrator's unit also goes before the token's department.
    claims = {**ANNA, "roles": ["handlaggare"], "department": "Kommunen"}
    who = person_from_claims(claims, RoleMap(), Assignment(unit="Soc"))
    assert who is not None and who.unit == "Soc"
    assert person_from_claims(claims, RoleMap()).unit == "Kommunen"  # type: ignore[union-attr]


def test_an_administrator_gives_roles_recorded_with_who_and_when(store_kind: str) -> None:
    people = People()
    anna = person_from_claims(ANNA, FILE)
    assert anna is not None
    people.seen(anna, "file")
    people.assign(_as(ADMIN), "sub-anna", roles=frozenset({"handlaggare", "granskare"}),
                  unit="Soc")
    stored = People().assignment("sub-anna")
    assert stored == Assignment(roles=frozenset({"handlaggare", "granskare"}), unit="Soc")
    member = next(m for m in People().all() if m.sub == "sub-anna")
    assert member.roles == ["granskare", "handlaggare"] and member.unit == "Soc"
    (change,) = member.assignments
    assert change.by == ADMIN.signature and change.at.tzinfo is not None
    # Back to the token and the file: the assignment goes, the history stays.
    people.assign(_as(ADMIN), "sub-anna", roles=None, unit=None)
    assert People().assignment("sub-anna") is None
    member = next(m for m in People().all() if m.sub == "sub-anna")
    assert [c.roles for c in member.assignments] == [["granskare", "handlaggare"], None]
    again = person_from_claims(ANNA, FILE, People().assignment("sub-anna"))
    assert again is not None and again.roles == {"granskare"}


def test_nobody_but_an_administrator_gives_roles_and_not_their_own_away(
        store_kind: str) -> None:
    people = People()
    people.seen(OFFICIAL)
    people.seen(ADMIN)
    with pytest.raises(AccessRefused):
        people.assign(_as(OFFICIAL), OFFICIAL.sub, roles=frozenset({"administrator"}),
                      unit=None)
    with pytest.raises(AccessRefused):
        people.assign(Identity(local=True), OFFICIAL.sub, roles=frozenset(), unit=None)
    with pytest.raises(OwnAdministratorRole):
        people.assign(_as(ADMIN), ADMIN.sub, roles=frozenset({"handlaggare"}), unit=None)
    assert People().assignment(OFFICIAL.sub) is None and People().assignment(ADMIN.sub) is None


def _login(monkeypatch: pytest.MonkeyPatch, person: Person) -> None:
    monkeypatch.setattr(signin, "configured", lambda: True)
    monkeypatch.setattr(signin, "person", lambda: person)


def test_the_admin_page_gives_a_role_and_shows_who_gave_it(
        monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("BKA_DATA_DIR", str(tmp_path))
    People().seen(OFFICIAL, "file")
    People().seen(ADMIN, "file")
    _login(monkeypatch, ADMIN)
    at = no_exception(open_page(start(monkeypatch, tmp_path), "users").run())
    by_label(at.selectbox, "Person").select(OFFICIAL.sub)
    at = no_exception(at.run())
    by_label(at.multiselect, "Roller för").select("granskare")
    by_label(at.text_input, "Enhet för").input("Barn och unga")
    button(at, "Spara roller och enhet").click()
    at = no_exception(at.run())
    assert "Sparat. Det gäller för" in texts(at)
    assert People().assignment(OFFICIAL.sub) == Assignment(
        roles=frozenset({"handlaggare", "granskare"}), unit="Barn och unga")
    assert "Ändringar för" in texts(at)
    history = tables(at)[-1]
    assert list(history["Av"]) == [ADMIN.signature]


def test_a_handlaggare_asking_for_the_users_page_by_address_is_refused(
        monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    _login(monkeypatch, OFFICIAL)
    at = no_exception(start(monkeypatch, tmp_path))
    with pytest.raises(ValueError, match="Known pages"):  # not in their navigation at all
        open_page(at, "users")
    # Below the page: the store refuses the same person, whatever page asks.
    monkeypatch.setenv("BKA_DATA_DIR", str(tmp_path))
    People().seen(OFFICIAL)
    with pytest.raises(AccessRefused):
        People().assign(_as(OFFICIAL), OFFICIAL.sub, roles=frozenset(ROLES), unit="")
