"""Widgets bound to one part of a meeting: primed from the store, saved when they change.

Each widget saves only its own part (see app/core/meeting_edits.py), so two laptops writing in
different fields never overwrite each other. The value this session last saw is kept per part:
if the stored part has moved on and this widget was not touched, the widget shows the new value;
if both changed, this session's text is not saved but shown, so it can be added again.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import streamlit as st
from pydantic import ValidationError

from app.core.meeting_edits import NoSuchAction, Part, read_part
from app.core.minutes_lock import MinutesFinal, check_open
from app.core.models.meeting import Meeting
from app.store.meetings import MeetingNotFound, PartConflict
from app.ui.screens import meeting_common as common
from app.ui.session import state
from app.ui.strings.i18n import t

CONFLICTS_KEY = "mt:conflicts"
SAVED_KEY = "mt:saved_at"


def _same(value: Any) -> Any:
    return value


@dataclass(frozen=True)
class Field:
    """A part of the meeting and how its stored value maps to the widget's value."""

    part: Part
    to_widget: Callable[[Any], Any] = _same
    from_widget: Callable[[Any], Any] = _same
    label: str = ""  #: what the user calls it, for the conflict message
    skip: Callable[[Any], bool] = field(default=lambda value: False)  #: values not to save


def names_field(label: str) -> Field:
    return Field(("participants",), to_widget=", ".join, from_widget=split_names, label=label)


def split_names(text: Any) -> list[str]:
    return [n.strip() for n in str(text or "").replace("\n", ",").split(",") if n.strip()]


def flag_field(part: Part, on: str, off: str, label: str) -> Field:
    """A checkbox or toggle for a two-valued part (final/draft, done/open)."""
    return Field(part, to_widget=lambda v: v == on, from_widget=lambda b: on if b else off,
                 label=label)


def key_of(meeting_id: str, part: Part) -> str:
    return f"mt:f:{meeting_id}:" + ":".join(str(p) for p in part)


def _seen(meeting_id: str) -> dict[Part, Any]:
    seen: dict[Part, Any] = st.session_state.setdefault(common.SEEN_KEY, {}).setdefault(
        meeting_id, {})
    return seen


def bind(meeting: Meeting, f: Field) -> dict[str, Any]:
    """Keyword arguments for the widget: its key (primed with the stored value) and the
    callback that saves it."""
    key = key_of(meeting.id, f.part)
    seen = _seen(meeting.id)
    stored = read_part(meeting, f.part)
    if key not in st.session_state or (
            f.part in seen and seen[f.part] != stored
            and f.from_widget(st.session_state[key]) == seen[f.part]):
        st.session_state[key] = f.to_widget(stored)
        seen[f.part] = stored
    seen.setdefault(f.part, stored)
    try:
        check_open(meeting, f.part)
        locked = False
    except MinutesFinal:  # final minutes: read only until taken back to draft
        locked = True
    return {"key": key, "on_change": save, "args": (meeting.id, f, key), "disabled": locked}


def save(meeting_id: str, f: Field, key: str) -> None:
    value = f.from_widget(st.session_state.get(key))
    if f.skip(value):
        return
    seen = _seen(meeting_id)
    try:
        common.store().set_part(meeting_id, f.part, value, expected=seen.get(f.part))
    except PartConflict as exc:
        st.session_state.setdefault(CONFLICTS_KEY, []).append((f.label, exc.yours))
        _reload(key, seen, f.part)
        return
    except NoSuchAction:
        state.flash(t("mt_action_gone", state.lang()), "warning")
        return
    except MeetingNotFound:
        state.flash(t("mt_gone", state.lang()), "warning")
        common.set_open(None)
        return
    except MinutesFinal:  # made final from another laptop meanwhile
        state.flash(t("mt_locked", state.lang()), "warning")
        _reload(key, seen, f.part)
        return
    except ValidationError as exc:
        state.flash(t("mt_invalid", state.lang(), reason=exc.errors()[0]["msg"]), "error")
        _reload(key, seen, f.part)
        return
    seen[f.part] = value
    st.session_state[SAVED_KEY] = dt.datetime.now()


def _reload(key: str, seen: dict[Part, Any], part: Part) -> None:
    """Let the widget show the stored value on the next run."""
    st.session_state.pop(key, None)
    seen.pop(part, None)


def show_conflicts(lang: str) -> None:
    """Texts that were not saved because someone else changed the same field first."""
    conflicts: list[tuple[str, Any]] = st.session_state.get(CONFLICTS_KEY, [])
    for index, (label, mine) in enumerate(conflicts):
        with st.container(border=True):
            st.warning(t("mt_conflict", lang, what=label))
            st.code(str(mine), language=None, wrap_lines=True)
            if st.button(t("mt_conflict_ok", lang), key=f"mt:conflict:{index}"):
                conflicts.pop(index)
                st.rerun()


def saved_note(lang: str) -> None:
    when = st.session_state.get(SAVED_KEY)
    if when is not None:
        st.caption(t("mt_saved", lang, when=when.strftime("%H:%M:%S")))
