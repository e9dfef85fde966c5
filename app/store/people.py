"""The people who have logged in (login mode): `<data>/people.json`, or a table of the
database. One record per subject id, refreshed when a login brings a new name, e-mail, role
or unit; never written on an ordinary page run."""

from __future__ import annotations

import hashlib
from pathlib import Path

from app.core.models.member import Member
from app.core.roles import ROLES, Person, Role
from app.store.errors import NotFound
from app.store.factory import RecordCollection, open_collection

NAME = "people"


def member_id(sub: str) -> str:
    """A record id from the subject id: short, safe in a file name, the same everywhere."""
    return hashlib.sha256(sub.encode("utf-8")).hexdigest()[:20]


class People:
    def __init__(self, folder: Path | str | None = None) -> None:
        self.records: RecordCollection[Member] = open_collection(Member, NAME, folder)

    def seen(self, person: Person) -> Member:
        """Record a login: created the first time, updated when something changed."""
        wanted = Member(sub=person.sub, name=person.name, email=person.email,
                        roles=sorted(person.roles), unit=person.unit)
        rid = member_id(person.sub)
        try:
            known = self.records.get(rid)
        except NotFound:
            return self.records.create(wanted.model_copy(update={"id": rid}))
        same = (known.name, known.email, known.roles, known.unit) == (
            wanted.name, wanted.email, wanted.roles, wanted.unit)
        if same:
            return known
        return self.records.update(rid, lambda m: m.model_copy(update={
            "name": wanted.name, "email": wanted.email, "roles": wanted.roles,
            "unit": wanted.unit}))

    def all(self) -> list[Member]:
        return sorted(self.records.all(), key=lambda m: (m.name.casefold(), m.email))

    def with_role(self, role: Role) -> list[Member]:
        return [m for m in self.all() if role in m.roles]


def person_of(member: Member) -> Person:
    roles: frozenset[Role] = frozenset(r for r in ROLES if r in member.roles)
    return Person(sub=member.sub, name=member.name, email=member.email, roles=roles,
                  unit=member.unit)
