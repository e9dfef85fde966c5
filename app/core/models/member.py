"""A person who has logged in (the login mode), as the app remembers them: so that an
official can send an assessment to a reviewer by name, and an administrator can see who has
which roles. Written at each login from the identity token (app/core/roles.py)."""

from __future__ import annotations

import datetime as dt

from pydantic import BaseModel, ConfigDict, Field


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
