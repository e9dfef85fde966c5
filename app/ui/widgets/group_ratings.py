"""Ratings per group of children inside an impact question: drawn and read back.

Which groups are offered comes from the core (app/core/group_impacts.py): the groups the
official named in the screening. Only groups that were given a rating are stored.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import streamlit as st

from app.core.group_impacts import group_label, named_groups
from app.core.models.questionnaire import IMPACT_VALUES, Question
from app.core.text import tr
from app.ui.safe import md
from app.ui.strings.i18n import t

if TYPE_CHECKING:
    from app.ui.widgets.context import Ctx

TERMS = ("short", "long")


def _key(ctx: Ctx, question: Question, number: int, group: str, term: str) -> str:
    return ctx.k(question, f"{number}:g:{group}:{term}")


def draw_group_ratings(
    ctx: Ctx,
    question: Question,
    number: int,
    entry: dict[str, Any],
    label: Callable[[Any], str],
    on_change: Callable[..., None],
) -> None:
    """An expander with a short and long term rating for each group named in the screening."""
    groups = named_groups(ctx.q, question, ctx.values)
    if not groups:
        return
    stored: dict[str, dict[str, Any]] = entry.get("groups") or {}
    rated = [g for g in groups if g in stored]
    title = (t("impact_groups_rated", ctx.lang, count=len(rated)) if rated
             else t("impact_groups", ctx.lang))
    # The selectboxes are drawn only when asked for or already used: a row of them per group
    # and article would make every rerun of the impact section slow and the page long.
    open_key = ctx.k(question, f"{number}:g:open")
    if rated:
        st.session_state[open_key] = True
    if not st.checkbox(title, key=open_key, disabled=ctx.locked):
        return
    with st.container(border=True):
        st.caption(t("impact_groups_help", ctx.lang))
        for group in groups:
            cols = st.columns([3, 2, 2])
            cols[0].markdown(md(tr(group_label(ctx.q, question, group), ctx.lang)))
            for col, term in zip(cols[1:], TERMS, strict=True):
                k = _key(ctx, question, number, group, term)
                ctx.seed(k, (stored.get(group) or {}).get(term))
                col.selectbox(
                    t(f"impact_{term}", ctx.lang), list(IMPACT_VALUES), key=k, index=None,
                    format_func=label, placeholder=t("impact_choose", ctx.lang),
                    disabled=ctx.locked, on_change=on_change, args=(ctx, question),
                )
        worse = [tr(group_label(ctx.q, question, g), ctx.lang) for g in rated
                 if _lower(stored[g], entry)]
        if worse:
            st.warning(md(t("impact_group_worse", ctx.lang, groups=", ".join(worse))))


def _lower(group: dict[str, Any], entry: dict[str, Any]) -> bool:
    """A group rated below all children on a term both were rated on."""
    return any(isinstance(group.get(term), int) and isinstance(entry.get(term), int)
               and group[term] < entry[term] for term in TERMS)


def read_group_ratings(ctx: Ctx, question: Question, number: int) -> dict[str, dict[str, Any]]:
    """The group ratings the widgets hold now, leaving out groups with no rating."""
    result: dict[str, dict[str, Any]] = {}
    for group in named_groups(ctx.q, question, ctx.values):
        ratings = {term: st.session_state.get(_key(ctx, question, number, group, term))
                   for term in TERMS}
        if any(v is not None for v in ratings.values()):
            result[group] = ratings
    return result
