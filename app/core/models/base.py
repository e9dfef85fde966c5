"""The base every file-backed model shares: unknown keys are errors, not ignored."""

from pydantic import BaseModel, ConfigDict


class Strict(BaseModel):
    """A model whose file form must not carry keys it does not know."""

    model_config = ConfigDict(extra="forbid", frozen=True)
