"""The states of a measure, as officials name them: planerad, pågår, klar, inställd.

One list and one word per state, read by the form, the report, the CSV, the reminders and the
follow-up, so a measure is called the same thing everywhere. A measure still to be done is
planned or ongoing; a cancelled one is neither done nor owed, and no reminder asks for it.

Records answered before these states held 'open' (shown in the form as "Pågår") and 'done';
the questionnaires' migration steps read 'open' as 'ongoing'.
"""

from __future__ import annotations

from typing import Literal

MeasureStatus = Literal["planned", "ongoing", "done", "cancelled"]
STATUSES: tuple[MeasureStatus, ...] = ("planned", "ongoing", "done", "cancelled")
DEFAULT: MeasureStatus = "planned"  #: a new measure, or a stored one that names no state
STILL_TO_DO: frozenset[str] = frozenset({"planned", "ongoing"})  #: what reminders ask about

_WORDS: dict[str, tuple[str, str]] = {
    "planned": ("Planerad", "Planned"),
    "ongoing": ("Pågår", "Ongoing"),
    "done": ("Klar", "Done"),
    "cancelled": ("Inställd", "Cancelled"),
}


def word(status: str, lang: str = "sv") -> str:
    """The state's word in `lang` (the stored value itself when it is not a state)."""
    sv, en = _WORDS.get(status, (status, status))
    return en if lang == "en" else sv


def still_to_do(status: str | None) -> bool:
    """Whether a measure in this state is still owed (planned or ongoing)."""
    return (status or DEFAULT) in STILL_TO_DO
