"""The short note beside a multi question whose "none of these" cleared the others (or was
cleared by another choice), and the warning beside an answer that already holds both."""

from __future__ import annotations

import streamlit as st

from app.core.exclusive import Choice, clash
from app.core.models.questionnaire import Question
from app.core.text import tr
from app.core.wording import and_list
from app.ui.safe import md
from app.ui.strings.i18n import t
from app.ui.widgets.context import Ctx


def _note_key(widget_key: str) -> str:
    return f"{widget_key}exclusive"


def remember_exclusive(widget_key: str, chosen: Choice) -> None:
    """Keep what the last change took away, for the note; a change that took nothing away
    ends the note (it was read)."""
    if chosen.removed and chosen.kept is not None:
        st.session_state[_note_key(widget_key)] = (chosen.kept, chosen.removed)
    else:
        st.session_state.pop(_note_key(widget_key), None)


def quoted_options(question: Question, values: tuple[str, ...] | list[str], lang: str) -> str:
    """The options' labels, each quoted as the language quotes, in a list: '”a” och ”b”'."""
    marks = "”{}”" if lang == "sv" else "“{}”"
    return and_list([marks.format(tr(question.option_label(v), lang)) for v in values], lang)


def _quoted(ctx: Ctx, question: Question, values: tuple[str, ...] | list[str]) -> str:
    return quoted_options(question, values, ctx.lang)


def draw_exclusive_note(ctx: Ctx, question: Question, widget_key: str) -> None:
    note = st.session_state.get(_note_key(widget_key))
    if note is not None:
        kept, removed = note
        alone = kept in {o.value for o in question.options or [] if o.exclusive}
        text = t("exclusive_cleared_others" if alone else "exclusive_cleared_alone", ctx.lang,
                 kept=_quoted(ctx, question, [kept]), removed=_quoted(ctx, question, removed))
        st.info(md(text), icon=":material/info:")
        return
    found = clash(question, ctx.values.get(question.id))
    if found is not None:  # an older record or an import: kept, and said, never changed here
        st.warning(md(t("exclusive_clash", ctx.lang,
                        alone=_quoted(ctx, question, found.exclusive),
                        others=_quoted(ctx, question, found.others))), icon="⚠️")
