"""The people who have logged in (login mode): `<data>/people.json`, or a table of the
database. One record per subject id, refreshed when a login brings a new name, e-mail, role
or unit; never written on an ordinary page run."""

from __future__ import annotations

import datetime as dt
import hashlib
from pathlib import Path

from app.core.access import Identity, check_assignment
from app.core.models.member import Member, RoleChange
from app.core.roles import ROLES, Assignment, Person, Role, RoleSource
from app.store.errors import NotFound
from app.store.factory import RecordCollection, open_collection

NAME = "people"
HISTORY = 200  #: role changes kept per person (the newest)


def member_id(sub: str) -> str:
    """A record id from the subject id: short, safe in a file name, the same everywhere."""
    return hashlib.sha256(sub.encode("utf-8")).hexdigest()[:20]


class People:
    def __init__(self, folder: Path | str | None = None) -> None:
        self.records: RecordCollection[Member] = open_collection(Member, NAME, folder)

    def seen(self, person: Person, source: RoleSource = "none") -> Member:
        """Record a login: created the first time, updated when something changed. `source`
        says where the roles came from (app/core/roles.role_source)."""
        wanted = Member(sub=person.sub, name=person.name, email=person.email,
                        roles=sorted(person.roles), unit=person.unit, roles_from=source)
        rid = member_id(person.sub)
        try:
            known = self.records.get(rid)
        except NotFound:
            return self.records.create(wanted.model_copy(update={"id": rid}))
        same = (known.name, known.email, known.roles, known.unit, known.roles_from) == (
            wanted.name, wanted.email, wanted.roles, wanted.unit, wanted.roles_from)
        if same:
            return known
        return self.records.update(rid, lambda m: m.model_copy(update={
            "name": wanted.name, "email": wanted.email, "roles": wanted.roles,
            "unit": wanted.unit, "roles_from": wanted.roles_from}))

    def assignment(self, sub: str) -> Assignment | None:
        """What an administrator gave this person (None: nothing, or never logged in)."""
        try:
            known = self.records.get(member_id(sub))
        except NotFound:
            return None
        return assignment_of(known)

    def assign(self, identity: Identity, sub: str, *, roles: frozenset[Role] | None,
               unit: str | None) -> Member:
        """An administrator gives `roles` and `unit` (None: back to the token and the
        mapping file), recorded with who and when. Refused (AccessRefused) for anyone but an
        administrator, checked here and not only by the page; NotFound for a person who has
        never logged in."""
        admin = check_assignment(identity, sub, roles)
        change = RoleChange(at=dt.datetime.now(dt.UTC), by=admin.signature,
                            roles=sorted(roles) if roles is not None else None,
                            unit=unit.strip() if unit is not None else None)

        def given(m: Member) -> Member:
            update: dict[str, object] = {
                "assigned_roles": change.roles, "assigned_unit": change.unit,
                "assignments": [*m.assignments, change][-HISTORY:]}
            # What the directory says now (the reviewer list reads it) until their next
            # login works it out again: a token's roles still win (app/core/roles.py).
            if change.roles is not None and m.roles_from != "token":
                update["roles"] = change.roles
            if change.unit is not None:
                update["unit"] = change.unit
            return m.model_copy(update=update)

        return self.records.update(member_id(sub), given)

    def all(self) -> list[Member]:
        return sorted(self.records.all(), key=lambda m: (m.name.casefold(), m.email))

    def with_role(self, role: Role) -> list[Member]:
        return [m for m in self.all() if role in m.roles]


def assignment_of(member: Member) -> Assignment | None:
    if member.assigned_roles is None and member.assigned_unit is None:
        return None
    roles: frozenset[Role] | None = None
    if member.assigned_roles is not None:
        roles = frozenset(r for r in ROLES if r in member.assigned_roles)
    return Assignment(roles=roles, unit=member.assigned_unit)


def person_of(member: Member) -> Person:
    roles: frozenset[Role] = frozenset(r for r in ROLES if r in member.roles)
    return Person(sub=member.sub, name=member.name, email=member.email, roles=roles,
                  unit=member.unit)
