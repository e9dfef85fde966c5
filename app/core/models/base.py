"""The base every file-backed model shares: unknown keys are errors, not ignored."""

from pydantic import BaseModel, ConfigDict


class Strict(BaseModel):
    """A model whose file form must not carry keys it does not know."""

    # The validator is built on the first validation, not at import (defer_build): a process
    # that reads the kept catalogue (app/services/kept_catalog.py) never validates a
    # questionnaire, an article or the law, and building them all cost a cold `bka report`
    # ~25 ms of its start.
    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)
