"""Who a logged-in person is and what they may do: roles from the identity token, or from a
mapping file when the token carries none.

The server mode signs in through OpenID Connect (Streamlit's st.login, e.g. Microsoft Entra
ID). The token's claims give the person's subject id (`sub`, stable and unique at the
provider), name and e-mail; the roles come from the claim `roles` (Entra ID's app roles),
and, when that claim is absent or empty, from the mapping file (`BKA_ROLES_FILE`):

    users:
      - email: anna.berg@kommun.se        # or sub: "…" (the subject id), or both
        name: Anna Berg                   # optional: when the token has no name
        roles: [handläggare]
        unit: Socialförvaltningen
      - sub: 00000000-0000-0000-0000-000000000042
        roles: [granskare, handläggare]
        unit: Socialförvaltningen

An administrator may also give roles and a unit on the page "Användare och roller"
(`Assignment`, kept in the people directory). Which source wins, and why:

- roles: the token's `roles` claim when it carries any of ours, else the administrator's
  assignment, else the mapping file. An IT department that manages app roles in its
  directory (Entra ID) expects the directory to be the truth: a role taken away there is
  gone at the next login, and no page of the app can keep it alive. Where the directory does
  not carry roles, the administrator's choice is the newer and deliberate one and overrides
  the file, which is the starting list (and the way in for the first administrator).
- unit: the administrator's assignment, else the mapping file, else a `unit` (or
  `department`) claim: a directory's department is often coarser than the unit that shares
  assessments, so the more specific, local choice wins.

Role names are read in Swedish or English, with or without the Swedish letters and any app prefix
("BKA.Granskare"), so that an IT department can name its app roles as its directory likes.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any, Literal

from app.core.errors import Problem
from app.core.signature import signature

Role = Literal["handlaggare", "granskare", "utbildare", "administrator"]
ROLES: tuple[Role, ...] = ("handlaggare", "granskare", "utbildare", "administrator")

#: every spelling a token or a mapping file may use, folded (see fold_role) -> the role
_SPELLINGS: dict[str, Role] = {
    "handlaggare": "handlaggare", "official": "handlaggare", "caseofficer": "handlaggare",
    "granskare": "granskare", "reviewer": "granskare",
    "utbildare": "utbildare", "trainer": "utbildare",
    "administrator": "administrator", "admin": "administrator",
}


def fold_role(name: str) -> str:
    """'BKA.Handläggare' -> 'handlaggare': the last dotted part, no accents, letters only."""
    last = name.rsplit(".", 1)[-1].rsplit("/", 1)[-1]
    plain = unicodedata.normalize("NFKD", last.casefold())
    return "".join(c for c in plain if c.isalpha() and c.isascii())


def role_of(name: str) -> Role | None:
    return _SPELLINGS.get(fold_role(name))


def roles_from(names: Iterable[Any]) -> frozenset[Role]:
    """The roles named (unknown names are left out: another app's roles in the same token)."""
    found = (role_of(n) for n in names if isinstance(n, str))
    return frozenset(r for r in found if r is not None)


@dataclass(frozen=True)
class Person:
    """A logged-in person, as every change they make records them."""

    sub: str  #: the subject id: who they are, whatever their name or e-mail becomes
    name: str
    email: str
    roles: frozenset[Role] = frozenset()
    unit: str = ""

    @property
    def signature(self) -> str:
        """What the history, the lifecycle and comments record as "by":
        'Anna Berg <anna.berg@kommun.se> [sub]'."""
        return signature(self.name, self.email, self.sub)

    def has(self, role: Role) -> bool:
        return role in self.roles

    @property
    def admin(self) -> bool:
        return "administrator" in self.roles


@dataclass(frozen=True)
class MappedUser:
    """One entry of the mapping file."""

    sub: str = ""
    email: str = ""
    name: str = ""
    roles: frozenset[Role] = frozenset()
    unit: str = ""


@dataclass(frozen=True)
class RoleMap:
    """The mapping file, read: who has which roles and unit when the token does not say."""

    users: tuple[MappedUser, ...] = ()
    source: str = ""
    by_sub: dict[str, MappedUser] = field(default_factory=dict, compare=False)
    by_email: dict[str, MappedUser] = field(default_factory=dict, compare=False)

    def find(self, sub: str, email: str) -> MappedUser | None:
        """By subject id first (it never changes), then by e-mail (any case)."""
        if sub and sub in self.by_sub:
            return self.by_sub[sub]
        return self.by_email.get(email.casefold()) if email else None


LineOf = Callable[[tuple[str | int, ...]], "int | None"]


def parse_role_map(data: Any, source: str,
                   line_of: LineOf | None = None) -> tuple[RoleMap, list[Problem]]:
    """The mapping file's content (parsed YAML) -> the map and every problem in it, each
    with its line when `line_of` (app/core/yamlsource.Source.line_of) is given."""
    problems: list[Problem] = []
    if data is None:
        return RoleMap(source=source), problems
    entries = data.get("users") if isinstance(data, Mapping) else None
    if not isinstance(entries, list):
        problems.append(Problem(source, None, "the file must hold 'users:', a list of "
                                "entries with sub or email, roles and unit"))
        return RoleMap(source=source), problems
    users: list[MappedUser] = []
    for i, entry in enumerate(entries):
        line = line_of(("users", i)) if line_of else None
        user = _mapped(entry, f"users[{i + 1}]", Problem(source, line, ""), problems)
        if user is not None:
            users.append(user)
    by_sub = {u.sub: u for u in users if u.sub}
    by_email = {u.email.casefold(): u for u in users if u.email}
    return RoleMap(tuple(users), source, by_sub, by_email), problems


def _mapped(entry: Any, where: str, at: Problem, problems: list[Problem]) -> MappedUser | None:
    source, line = at.file, at.line
    if not isinstance(entry, Mapping):
        problems.append(Problem(source, line, f"{where}: an entry must be a mapping"))
        return None
    unknown = set(entry) - {"sub", "email", "name", "roles", "unit"}
    if unknown:
        problems.append(Problem(source, line, f"{where}: unknown key(s) "
                                f"{', '.join(sorted(map(str, unknown)))}; allowed are sub, "
                                "email, name, roles, unit"))
    sub, email = str(entry.get("sub") or "").strip(), str(entry.get("email") or "").strip()
    if not sub and not email:
        problems.append(Problem(source, line, f"{where}: give sub or email"))
        return None
    names = entry.get("roles") or []
    if isinstance(names, str):
        names = [names]
    bad = [str(n) for n in names if not isinstance(n, str) or role_of(n) is None]
    if bad:
        problems.append(Problem(source, line, f"{where}: unknown role(s) {', '.join(bad)}; "
                                "the roles are handläggare, granskare, utbildare, "
                                "administratör"))
    return MappedUser(sub=sub, email=email, name=str(entry.get("name") or "").strip(),
                      roles=roles_from(names), unit=str(entry.get("unit") or "").strip())


@dataclass(frozen=True)
class Assignment:
    """What an administrator gave a person on the users page; None: not given."""

    roles: frozenset[Role] | None = None
    unit: str | None = None


RoleSource = Literal["token", "assignment", "file", "none"]


def role_source(claims: Mapping[str, Any], roles: RoleMap,
                assigned: Assignment | None = None) -> RoleSource:
    """Where the person's roles come from, by the precedence above."""
    if _claimed_roles(claims):
        return "token"
    if assigned is not None and assigned.roles is not None:
        return "assignment"
    sub = str(claims.get("sub") or "").strip()
    mapped = roles.find(sub, _email(claims))
    return "file" if mapped is not None and mapped.roles else "none"


def _claimed_roles(claims: Mapping[str, Any]) -> frozenset[Role]:
    claimed = claims.get("roles")
    names = claimed if isinstance(claimed, list) else [claimed] if isinstance(claimed, str) else []
    return roles_from(names)


def _email(claims: Mapping[str, Any]) -> str:
    return str(claims.get("email") or claims.get("preferred_username") or "").strip()


def person_from_claims(claims: Mapping[str, Any], roles: RoleMap,
                       assigned: Assignment | None = None) -> Person | None:
    """The person the identity token describes, with roles and unit (the token, the
    administrator's `assigned`, the mapping file, in the order above); None without a subject
    (a token without `sub` is not one we can record changes under)."""
    sub = str(claims.get("sub") or "").strip()
    if not sub:
        return None
    email = _email(claims)
    mapped = roles.find(sub, email)
    granted = _claimed_roles(claims)
    if not granted:
        granted = (assigned.roles if assigned is not None and assigned.roles is not None
                   else mapped.roles if mapped else frozenset())
    unit = (assigned.unit if assigned is not None and assigned.unit is not None else
            mapped.unit if mapped and mapped.unit else
            str(claims.get("unit") or claims.get("department") or "").strip())
    name = str(claims.get("name") or "").strip() or (mapped.name if mapped else "") or email
    return Person(sub=sub, name=name, email=email, roles=granted, unit=unit)
