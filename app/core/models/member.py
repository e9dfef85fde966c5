"""A person who has logged in (the login mode), as the app remembers them: so that an
official can send an assessment to a reviewer by name, and an administrator can see who has
which roles. Written at each login from the identity token (app/core/roles.py)."""

import datetime as dt

from pydantic import BaseModel, ConfigDict, Field


class RoleChange(BaseModel):
    """One change an administrator made to a person's roles or unit, kept with the person."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    at: dt.datetime
    by: str = Field(max_length=700)  #: the administrator's signature (app/core/roles.py)
    roles: list[str] | None = None  #: the roles given; None: back to the token or the file
    unit: str | None = Field(default=None, max_length=300)  #: None: back to the token/file


class Member(BaseModel):
    """One logged-in person; `id` is derived from the subject id (app/store/people.py)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str = ""  #: given by the store: a hash of `sub`
    revision: int = 0
    created: dt.datetime | None = None  #: first login
    updated: dt.datetime | None = None  #: last login that changed something
    sub: str = Field(min_length=1, max_length=300)  #: the subject id at the provider
    name: str = Field(default="", max_length=300)
    email: str = Field(default="", max_length=300)
    roles: list[str] = []  #: app/core/roles.py's Role values at the last login
    unit: str = Field(default="", max_length=300)
    #: where `roles` came from at the last login: token, assignment, file, none
    roles_from: str = Field(default="", max_length=20)
    #: what an administrator gave on the users page (None: nothing, the token or file decide);
    #: precedence in app/core/roles.py. Records from before the editor load with None.
    assigned_roles: list[str] | None = None
    assigned_unit: str | None = Field(default=None, max_length=300)
    #: every change of the two above, oldest first, with who made it and when
    assignments: list[RoleChange] = []
