"""A token a case system (W3D3, Platina, Public 360, …) uses to call the HTTP API.

Only a hash of the secret is kept: whoever reads the data folder or the database cannot
call the API with what they find. The secret is shown once, when an administrator creates
the token (`bka api-token create`).
"""

import datetime as dt
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

#: read: find and read assessments, fetch reports; write: also create assessments
Access = Literal["read", "write"]


class ApiToken(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str = ""  #: given by the store; the public part of the token
    revision: int = 0
    created: dt.datetime | None = None
    updated: dt.datetime | None = None
    name: str = Field(min_length=1, max_length=100)  #: the system's name, in every log line
    secret_sha256: str = Field(min_length=64, max_length=64)  #: hex SHA-256 of the secret
    #: '' for the whole organisation, else the one unit whose assessments it reaches
    unit: str = Field(default="", max_length=300)
    access: Access = "read"
    created_by: str = Field(default="", max_length=300)
    revoked: dt.datetime | None = None  #: set when revoked: refused from then on
    revoked_by: str = Field(default="", max_length=300)
