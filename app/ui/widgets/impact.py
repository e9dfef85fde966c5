"""The impact question: each article rated short and long term, what it means for children,
and (where the questionnaire names groups) a rating per group of children."""

from __future__ import annotations

from typing import Any

import streamlit as st

from app.core.models.questionnaire import IMPACT_VALUES, Question
from app.core.text import tr
from app.ui.strings.i18n import t, t_for
from app.ui.widgets.article_card import article_card
from app.ui.widgets.context import Ctx, field_label, show_label
from app.ui.widgets.group_ratings import draw_group_ratings, read_group_ratings


def _rating_label(ctx: Ctx, value: Any) -> str:
    if value is None:
        return "–"
    prefix = "" if value == "unknown" else f"{value:+d} " if value else "0 "
    return prefix + tr(ctx.q.impact_label(value), ctx.lang)


def draw_impact(ctx: Ctx, question: Question) -> None:
    show_label(ctx, question)
    stored: dict[int, dict[str, Any]] = dict(ctx.values.get(question.id) or {})
    articles = list(question.articles)
    if question.selectable:
        # Article 3 is answered by the best-interests conclusion, never by a rating.
        skip = {*question.articles, *ctx.q.scoring.impact.conclusion_articles}
        choices = [n for n in range(1, 43) if n not in skip]
        extra_key = ctx.k(question, "extra")
        ctx.seed(extra_key, [n for n in stored if n in choices])
        st.multiselect(
            t("impact_add_articles_name", ctx.lang, number=ctx.q.numbering[question.id]),
            choices,
            key=extra_key,
            format_func=lambda n: f"{n} {tr(ctx.library.by_number[n].title, ctx.lang)}",
            placeholder=t("impact_add_placeholder", ctx.lang),
            disabled=ctx.locked,
            on_change=_impact_changed,
            args=(ctx, question),
        )
        articles += list(st.session_state.get(extra_key) or [])
    for number in articles:
        entry = stored.get(number, {})
        article = ctx.library.by_number[number]
        marker = " ★" if article.principle else ""
        with st.container(border=True):
            title, about = st.columns([5, 1])
            title.markdown(
                f"**{t('article', ctx.lang)} {number}. {tr(article.title, ctx.lang)}{marker}**"
            )
            with about:
                article_card(t("about_article_number", ctx.lang, number=number),
                             tr(article.summary, ctx.lang), ctx.k(question, f"{number}:about"),
                             use_container_width=True)
            cols = st.columns([2, 2, 3])
            # Each field names its article: eighteen fields called "På kort sikt" say nothing.
            where = t("impact_field_name", ctx.lang, number=number,
                      title=tr(article.title, ctx.lang), field="{field}")
            for col, term in ((cols[0], "short"), (cols[1], "long")):
                k = ctx.k(question, f"{number}:{term}")
                ctx.seed(k, entry.get(term))
                with col:
                    field_label(k, t(f"impact_{term}", ctx.lang))
                col.selectbox(
                    where.format(field=t(f"impact_{term}", ctx.lang)),
                    list(IMPACT_VALUES),
                    label_visibility="collapsed",
                    key=k,
                    index=None,
                    format_func=lambda v: _rating_label(ctx, v),
                    placeholder=t("impact_choose", ctx.lang),
                    disabled=ctx.locked,
                    on_change=_impact_changed,
                    args=(ctx, question),
                )
            k = ctx.k(question, f"{number}:children")
            ctx.seed(k, entry.get("children", ""))
            with cols[2]:
                field_label(k, t_for("impact_children", ctx.lang, ctx.q.track))
            # A sentence or three in the official's words: a one-line box showed its start
            # only, cut off at the edge; two lines that wrap show it, and grow when it is long.
            cols[2].text_area(
                where.format(field=t_for("impact_children", ctx.lang, ctx.q.track)),
                label_visibility="collapsed",
                key=k,
                height=68,
                placeholder=t_for("impact_children_placeholder", ctx.lang, ctx.q.track),
                disabled=ctx.locked,
                on_change=_impact_changed,
                args=(ctx, question),
            )
            if question.groups is not None:
                draw_group_ratings(ctx, question, number, entry,
                                   lambda v: _rating_label(ctx, v), _impact_changed)


def _impact_changed(ctx: Ctx, question: Question) -> None:
    articles = list(question.articles)
    if question.selectable:
        articles += list(st.session_state.get(ctx.k(question, "extra")) or [])
    value: dict[int, dict[str, Any]] = {}
    for number in articles:
        entry = {
            term: st.session_state.get(ctx.k(question, f"{number}:{term}"))
            for term in ("short", "long")
        }
        entry["children"] = st.session_state.get(ctx.k(question, f"{number}:children")) or ""
        if question.groups is not None:
            groups = read_group_ratings(ctx, question, number)
            if groups:
                entry["groups"] = groups
        if (
            entry["short"] is not None
            or entry["long"] is not None
            or entry["children"]
            or entry.get("groups")
            or number not in question.articles
        ):
            value[number] = entry
    ctx.save(question.id, value or None)
