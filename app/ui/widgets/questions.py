"""One widget per question type. Values are read from and written to the store via callbacks."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import streamlit as st

from app.core.exclusive import choose
from app.core.models.questionnaire import Question
from app.core.privacy import assessment_text_kinds
from app.core.text import tr
from app.ui.safe import md
from app.ui.strings.i18n import t
from app.ui.widgets.actions import draw_actions
from app.ui.widgets.context import (  # noqa: F401  (pages take these from here)
    Ctx,
    field_label,
    markdown_label,
    name,
    show_label,
    to_date,
)
from app.ui.widgets.exclusive_note import draw_exclusive_note, remember_exclusive
from app.ui.widgets.impact import draw_impact


def _changed(
    ctx: Ctx, question: Question, widget_key: str, convert: Callable[[Any], Any] = lambda v: v
) -> None:
    ctx.save(question.id, convert(st.session_state.get(widget_key)))


def draw(ctx: Ctx, question: Question) -> None:
    """Draw the question's widget, seeded from the stored answer; under a law-check question,
    the legal rules for the area picked (app/ui/widgets/law_panel.py)."""
    DRAWERS[question.type](ctx, question)
    if question.law is not None:
        from app.ui.session.state import catalog
        from app.ui.widgets.law_panel import draw_law

        draw_law(catalog().law, ctx.q, question, ctx.values, ctx.lang)


def _choice(ctx: Ctx, question: Question) -> None:
    k = ctx.k(question)
    ctx.seed(k, ctx.values.get(question.id))
    show_label(ctx, question)
    st.radio(
        name(ctx, question),
        question.option_values,
        key=k,
        index=None,
        label_visibility="collapsed",
        format_func=lambda v: tr(question.option_label(v), ctx.lang),
        disabled=ctx.locked,
        on_change=_changed,
        args=(ctx, question, k),
    )
    _clear_button(ctx, question, k)


def _clear(ctx: Ctx, question: Question, widget_key: str) -> None:
    st.session_state[widget_key] = None  # allowed in a callback: before the widget is drawn
    ctx.save(question.id, None)


def _clear_button(ctx: Ctx, question: Question, widget_key: str) -> None:
    """A chosen radio answer can be taken back to unanswered (a radio alone cannot)."""
    if ctx.locked or st.session_state.get(widget_key) is None:
        return
    number = ctx.q.numbering[question.id]
    st.button(t("clear_answer", ctx.lang, number=number), key=f"{widget_key}:clear",
              type="tertiary", icon=":material/backspace:", on_click=_clear,
              args=(ctx, question, widget_key), help=t("clear_answer_help", ctx.lang))


def _multi(ctx: Ctx, question: Question) -> None:
    k = ctx.k(question)
    ctx.seed(k, list(ctx.values.get(question.id) or []))
    show_label(ctx, question)
    st.multiselect(
        name(ctx, question),
        question.option_values,
        key=k,
        label_visibility="collapsed",
        format_func=lambda v: tr(question.option_label(v), ctx.lang),
        placeholder=t("choose_any", ctx.lang),
        disabled=ctx.locked,
        on_change=_multi_changed,
        args=(ctx, question, k),
    )
    draw_exclusive_note(ctx, question, k)


def _multi_changed(ctx: Ctx, question: Question, widget_key: str) -> None:
    """Save a multi answer; an option chosen alone ("none of these") clears the others, and
    another option clears it, with a note beside the question saying what was taken away."""
    after = list(st.session_state.get(widget_key) or [])
    chosen = choose(question, ctx.values.get(question.id), after)
    remember_exclusive(widget_key, chosen)
    if chosen.value != after:
        st.session_state[widget_key] = chosen.value  # allowed in a callback
    ctx.save(question.id, chosen.value or None)


def _scale(ctx: Ctx, question: Question) -> None:
    k = ctx.k(question)
    ctx.seed(k, ctx.values.get(question.id))
    low, high = int(question.min or 0), int(question.max or 0)
    show_label(ctx, question)
    st.radio(
        name(ctx, question),
        list(range(low, high + 1)),
        key=k,
        index=None,
        label_visibility="collapsed",
        horizontal=True,
        disabled=ctx.locked,
        on_change=_changed,
        args=(ctx, question, k),
    )
    _clear_button(ctx, question, k)
    ends = [tr(question.min_label, ctx.lang), tr(question.max_label, ctx.lang)]
    if any(ends):
        st.caption(md(f"{low} = {ends[0]} · {high} = {ends[1]}"))


def _text(ctx: Ctx, question: Question) -> None:
    k = ctx.k(question)
    ctx.seed(k, ctx.values.get(question.id) or "")
    widget = st.text_area if question.multiline else st.text_input
    show_label(ctx, question)
    widget(
        name(ctx, question),
        key=k,
        label_visibility="collapsed",
        disabled=ctx.locked,
        on_change=_changed,
        args=(ctx, question, k, lambda v: v if v and v.strip() else None),
    )
    warn_personal_data(st.session_state.get(k), ctx.lang,
                       ctx.q.summary is not None and ctx.q.summary.track == "individual")


def warn_personal_data(text: str | None, lang: str, individual: bool = False) -> None:
    """The guard beside a text box (app/core/privacy.py); in an assessment of one child it
    also warns on a likely child's name."""
    for kind in assessment_text_kinds(text, individual):
        st.warning(t(f"personal_data_{kind}", lang), icon="⚠️")


def _number(ctx: Ctx, question: Question) -> None:
    k = ctx.k(question)
    ctx.seed(k, ctx.values.get(question.id))
    unit = tr(question.unit, ctx.lang)
    show_label(ctx, question, f" ({md(unit)})" if unit else "")
    st.number_input(
        name(ctx, question) + (f" ({unit})" if unit else ""),  # as the label shows it
        key=k,
        label_visibility="collapsed",
        value=None,
        min_value=question.min,
        max_value=question.max,
        step=1.0,
        format="%g",
        disabled=ctx.locked,
        on_change=_changed,
        args=(ctx, question, k),
    )


def _date(ctx: Ctx, question: Question) -> None:
    k = ctx.k(question)
    ctx.seed(k, to_date(ctx.values.get(question.id)))
    show_label(ctx, question)
    st.date_input(
        name(ctx, question),
        key=k,
        value=None,
        format="YYYY-MM-DD",
        label_visibility="collapsed",
        disabled=ctx.locked,
        on_change=_changed,
        args=(ctx, question, k, lambda v: v.isoformat() if v else None),
    )


WIDE_TYPES = ("impact", "actions")  # drawn across the page, with the help above

DRAWERS: dict[str, Callable[[Ctx, Question], None]] = {
    "choice": _choice,
    "multi": _multi,
    "scale": _scale,
    "text": _text,
    "number": _number,
    "date": _date,
    "impact": draw_impact,
    "actions": draw_actions,
}
