"""Resultat: the live scorecard of the open assessment, its warnings, and its reports."""

from __future__ import annotations

import altair as alt
import pandas as pd
import streamlit as st

from app.core.loading import normalise_answers
from app.core.models.assessment import Assessment
from app.core.models.questionnaire import Questionnaire
from app.core.models.scorecard import Scorecard
from app.core.numbers import number, percent, weight
from app.core.scoring import score
from app.core.text import tr
from app.store import NotFound
from app.ui import palette, state
from app.ui.charts import chart_with_table
from app.ui.i18n import t
from app.ui.safe import md


def render() -> None:
    lang = state.lang()
    state.show_flash()
    aid = state.open_id()
    if not aid:
        st.title(t("nav_results", lang))  # every page has a main heading
        st.info(t("results_none_open", lang))
        return
    try:
        assessment = state.store().get(aid)
    except NotFound:
        st.warning(t("assessment_not_found", lang))
        return
    st.query_params["id"] = aid
    cat = state.catalog()
    q = cat.questionnaire(assessment.questionnaire.id)
    if q is None:
        st.error(t("questionnaire_missing", lang, id=assessment.questionnaire.id))
        return
    values, _ = normalise_answers(assessment, q)
    card = score(q, values, cat.library)
    st.title(md(assessment.decision.title))
    st.caption(
        md(
            " · ".join(
                x
                for x in (
                    assessment.decision.case_number,
                    assessment.decision.committee,
                    t(f"status_{assessment.status}", lang),
                )
                if x
            )
        )
    )
    headline(card, lang)
    flags(card, q, lang)
    impact_chart(card, lang)
    article_table(card, q, lang)
    criteria(card, lang)
    status_actions(assessment, card, lang)
    reports_area(assessment, lang)
    history(assessment, q, lang)


def headline(card: Scorecard, lang: str) -> None:
    if card.level:
        band = f"{weight(card.level.min, lang)}–{weight(card.level.max, lang)}"
        st.header(
            f"{tr(card.level.label, lang)} ({number(card.overall, lang)}/100, "
            f"{t('band', lang)} {band})"
        )
        if card.level.meaning:
            st.write(tr(card.level.meaning, lang))
    c1, c2, c3 = st.columns(3)
    balance = number(card.balance, lang, 2, sign=True) if card.balance is not None else "–"
    c1.metric(t("impact_balance", lang), balance, help=t("impact_balance_help", lang))
    if card.balance_label:
        c1.caption(tr(card.balance_label, lang))
    c2.metric(
        t("process_quality", lang),
        f"{number(card.process_quality, lang)}/100",
        help=t("process_quality_help", lang),
    )
    c3.metric(
        t("completeness", lang), percent(card.completeness, lang),
        help=t("completeness_help", lang)
    )
    c3.caption(
        t(
            "required_answered",
            lang,
            answered=card.required_answered,
            required=card.required_visible,
        )
    )


def flags(card: Scorecard, q: Questionnaire, lang: str) -> None:
    if not card.flags:
        st.success(t("no_flags", lang))
        return
    st.header(t("flags", lang))
    for flag in card.flags:
        box = st.error if flag.severity == "serious" else st.warning
        box(tr(flag.message, lang), icon="⚠️")
        section = q.section_of.get(flag.question)
        if section and st.button(
            t("go_to_question", lang, number=q.numbering[flag.question]), key=f"flag:{flag.id}"
        ):
            st.session_state["step"] = section.id
            st.switch_page(st.session_state["pages"]["assess"])


def impact_chart(card: Scorecard, lang: str) -> None:
    rows = [
        {"cluster": tr(c.title, lang), "mean": c.mean, "n": len(c.articles),
         "shown": number(c.mean, lang, 2, sign=True)}
        for c in card.clusters
        if c.mean is not None
    ]
    st.header(t("impact_per_cluster", lang))
    if not rows:
        st.info(t("no_impacts", lang))
        return
    data = pd.DataFrame(rows)
    chart = (
        alt.Chart(data)
        .mark_bar(aria=False)  # the description and the table below carry the figures
        .encode(
            x=alt.X("mean:Q", scale=alt.Scale(domain=[-2, 2]), title=t("impact_axis", lang),
                    axis=alt.Axis(labelColor=palette.INK, titleColor=palette.INK)),
            y=alt.Y("cluster:N", sort=None, title=None,
                    axis=alt.Axis(labelColor=palette.INK, labelLimit=320)),
            color=alt.condition("datum.mean < 0", alt.value(palette.NEGATIVE),
                                alt.value(palette.POSITIVE)),
            tooltip=[
                alt.Tooltip("cluster:N", title=t("impact_area", lang)),
                alt.Tooltip("shown:N", title=t("impact_mean", lang)),
                alt.Tooltip("n:Q", title=t("articles_rated", lang)),
            ],
        )
        .properties(height=36 * len(rows) + 40)
    )
    summary = "; ".join(f"{r['cluster']} {r['shown']}" for r in rows)
    table = pd.DataFrame({
        t("impact_area", lang): [r["cluster"] for r in rows],
        t("impact_mean", lang): [r["shown"] for r in rows],
        t("articles_rated", lang): [str(r["n"]) for r in rows],
    })
    chart_with_table(chart, t("impact_chart_description", lang, summary=summary), table, lang,
                     "impact")


def article_table(card: Scorecard, q: Questionnaire, lang: str) -> None:
    library = state.catalog().library
    rows = []
    for item in card.articles:
        rows.append(
            {
                t(
                    "article", lang
                ): f"{item.number}. {tr(library.by_number[item.number].title, lang)}",
                t("impact_short", lang): tr(q.impact_label(item.short), lang)
                if item.short is not None
                else "–",
                t("impact_long", lang): tr(q.impact_label(item.long), lang)
                if item.long is not None
                else "–",
                t("combined", lang): "–" if item.combined is None
                else number(item.combined, lang, 2, sign=True),
                t("impact_children", lang): item.children,
            }
        )
    if rows:
        st.header(t("impact_per_article", lang))
        st.dataframe(pd.DataFrame(rows), hide_index=True, use_container_width=True)


def criteria(card: Scorecard, lang: str) -> None:
    with st.expander(t("how_scored", lang)):
        st.write(t("how_scored_intro", lang))
        rows = [
            {
                t("criterion", lang): tr(c.label, lang),
                t("points", lang): c.points,
                t("met", lang): "✓" if c.met else "–",
            }
            for c in card.criteria
        ]
        st.dataframe(pd.DataFrame(rows), hide_index=True, use_container_width=True)
        if card.missing:
            st.caption(t("missing_total_plain", lang, count=len(card.missing)))


def status_actions(assessment: Assessment, card: Scorecard, lang: str) -> None:
    st.divider()
    store = state.store()
    c1, c2 = st.columns(2)
    if assessment.status == "draft":
        if card.missing:
            c1.caption(t("complete_with_missing", lang, count=len(card.missing)))
        if c1.button(t("mark_complete", lang), type="primary"):
            store.update(
                assessment.id or "",
                lambda a: a.model_copy(update={"status": "complete"}),
                editor=assessment.decision.official,
            )
            state.flash(t("marked_complete", lang))
            st.rerun()
    else:
        if assessment.status == "complete" and c1.button(t("mark_followed_up", lang)):
            store.update(
                assessment.id or "",
                lambda a: a.model_copy(update={"status": "followed_up"}),
                editor=assessment.decision.official,
            )
            st.rerun()
        if c2.button(t("reopen", lang)):
            store.update(
                assessment.id or "",
                lambda a: a.model_copy(update={"status": "draft"}),
                editor=assessment.decision.official,
            )
            st.rerun()


def reports_area(assessment: Assessment, lang: str) -> None:
    from app.ui.report_area import reports_area as draw

    draw(assessment, lang)


def history(assessment: Assessment, q: Questionnaire, lang: str) -> None:
    """Who changed what, when: every earlier state is kept by the store."""
    revisions = state.store().revisions(assessment.id or "")
    with st.expander(t("history_title", lang, count=len(revisions))):
        rows = []
        for rev in revisions:
            asked = [q.numbering.get(qid, qid) for qid in rev.question_ids]
            what = ", ".join(asked) if asked else ", ".join(rev.fields)
            rows.append({
                t("history_when", lang): rev.at.astimezone().strftime("%Y-%m-%d %H:%M"),
                t("history_who", lang): rev.editor or "–",
                t("history_action", lang): t(f"history_action_{rev.action}", lang),
                t("history_what", lang): what,
            })
        st.dataframe(pd.DataFrame(rows), hide_index=True, use_container_width=True)

