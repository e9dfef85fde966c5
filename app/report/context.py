"""What one report shows, gathered before any drawing: built in the core
(app.core.document.source), with the organisation's profile added here (its letterhead and the
way it writes dates), so every report of the installation carries it."""

from __future__ import annotations

import datetime as dt
from typing import Any

from app.core.catalog import Catalog
from app.core.document.model import Form
from app.core.document.source import ReportError, ReportInput
from app.core.document.source import prepare as _prepare
from app.core.errors import LoadError
from app.core.models.assessment import Assessment

__all__ = ["ReportError", "ReportInput", "prepare"]


def prepare(assessment: Assessment, *, lang: str | None = None, catalog: Catalog | None = None,
            now: dt.datetime | None = None, form: Form = "full", **given: Any) -> ReportInput:
    """The core's prepare with the organisation's letterhead and date style (unless given)."""
    if "letterhead" not in given or "date_style" not in given:
        from app.services import organisation

        try:
            given.setdefault("letterhead", organisation.letterhead())
            given.setdefault("date_style", organisation.profile().date_style)
        except LoadError as exc:
            raise ReportError("the organisation's profile cannot be read:\n"
                              + "\n".join(str(p) for p in exc.problems)) from None
    return _prepare(assessment, lang=lang, catalog=catalog, now=now, form=form, **given)
