"""The organisation's house style for every document the report layer draws: its letterhead
and the way it writes dates, read from the profile beside the data (app/services/organisation).

A profile that cannot be read stops the document with a sentence saying what is wrong and
where: a letter or minutes sent out without the letterhead the organisation set would look
like someone else's."""

from __future__ import annotations

import datetime as dt

from app.core.document.model import Letterhead
from app.core.document.source import ReportError
from app.core.errors import LoadError
from app.core.typography import DateStyle, date_text


def letterhead() -> Letterhead | None:
    from app.services import organisation

    try:
        return organisation.letterhead()
    except LoadError as exc:
        raise _unreadable(exc) from None


def date_style() -> DateStyle:
    from app.services import organisation

    try:
        return organisation.date_style()
    except LoadError as exc:
        raise _unreadable(exc) from None


def date(value: dt.date | None, lang: str = "sv") -> str:
    """A date as the organisation writes it."""
    return date_text(value, lang, date_style())


def _unreadable(exc: LoadError) -> ReportError:
    return ReportError("the organisation's profile cannot be read:\n"
                       + "\n".join(str(p) for p in exc.problems))


class Missing:
    """No letterhead given: the organisation's own is used (the letters' default)."""


MISSING = Missing()
