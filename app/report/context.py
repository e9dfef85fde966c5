"""What one report shows, gathered before any drawing: built in the core
(app.core.document.source); here with the installation's shipped catalogue as the default,
and the organisation's profile (its letterhead and the way it writes dates), so every report of
the installation carries it."""

from __future__ import annotations

import datetime as dt
from typing import Any

from app.core.catalog import Catalog
from app.core.document.model import Form
from app.core.document.source import ReportError, ReportInput
from app.core.document.source import prepare as prepare_with
from app.core.errors import LoadError
from app.core.models.assessment import Assessment
from app.core.substance import ReferenceText
from app.report import collector, house

__all__ = ["ReportError", "ReportInput", "prepare", "shipped"]


def prepare(assessment: Assessment, *, lang: str | None = None, catalog: Catalog | None = None,
            now: dt.datetime | None = None, form: Form = "full", **given: Any) -> ReportInput:
    """The core's prepare(), with the shipped questionnaires and articles unless given, and
    the organisation's letterhead and date style unless given; the cycle collector paused
    meanwhile, as for the layout (app/report/collector.py): scoring and gathering make many
    short-lived objects and no cycle worth a walk over the heap."""
    with collector.paused():
        return _prepare(assessment, lang=lang, catalog=catalog, now=now, form=form, **given)


def _prepare(assessment: Assessment, *, lang: str | None, catalog: Catalog | None,
             now: dt.datetime | None, form: Form, **given: Any) -> ReportInput:
    if "letterhead" not in given:
        given["letterhead"] = house.letterhead()
    if "date_style" not in given:
        given["date_style"] = house.date_style()
    if "review" not in given:  # the approval this installation recorded, never the file's
        from app.services.review_approval import standing_of

        given["review"] = standing_of(assessment)
    if "references" not in given:  # texts of other decisions' assessments kept here
        given["references"] = _kept_texts(assessment)
    return prepare_with(assessment, catalog=catalog if catalog is not None else shipped(),
                        lang=lang, now=now, form=form, **given)


def _kept_texts(assessment: Assessment) -> tuple[ReferenceText, ...]:
    """Other assessments' texts kept in this installation; none, and their index and access
    rules not even imported, where nothing is kept (a file's report in a fresh folder)."""
    from app.services.kept_here import assessments_kept

    if not assessments_kept():
        return ()
    from app.services.stored_texts import in_installation

    return in_installation(assessment)


def shipped() -> Catalog:
    """The installation's shipped catalogue (loaded once per process); ReportError when a
    shipped file does not load."""
    from app.services.shipped import catalog

    try:
        return catalog()
    except LoadError as exc:
        raise ReportError("the shipped questionnaires or articles do not load; run "
                          f"`bka validate`:\n{exc}") from None
