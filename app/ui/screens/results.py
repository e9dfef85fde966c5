"""Resultat: the live scorecard of the open assessment, its warnings, and its reports."""

from __future__ import annotations

import altair as alt
import pandas as pd
import streamlit as st

from app.core import verdict
from app.core.completion import CompletionRefused, blockers, mark_complete
from app.core.loading import migration_notes, normalise_answers
from app.core.models.assessment import Assessment
from app.core.models.questionnaire import Questionnaire
from app.core.models.scorecard import Scorecard
from app.core.numbers import number, percent, weight
from app.core.scoring import decision_text, score
from app.core.text import tr
from app.services import stored_texts
from app.services.followup import after_completed
from app.services.review_approval import standing_of
from app.services.stored_texts import references
from app.store import Conflict, NotFound
from app.ui import palette
from app.ui.safe import md
from app.ui.session import auth, signin, state, whoami
from app.ui.session import workshop as workshop_state
from app.ui.strings.i18n import t, t_for
from app.ui.widgets import answer_problems, post_box, recorded_facts, review_checklist, stale
from app.ui.widgets.charts import bars_height, chart_with_table
from app.ui.widgets.tables import text_table


def render() -> None:
    lang = state.lang()
    state.show_flash()
    aid = state.open_id()
    workshop_state.refuse_unless_open(aid)
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
    values, problems = normalise_answers(assessment, q)
    d = assessment.decision
    card = score(q, values, cat.library, decision_text(d.title, d.description),
                 d.decision_date, cat.law,
                 cat.references + references(assessment, state.store(), auth.may_read_record,
                                             wait=False),
                 review=standing_of(assessment, state.store()))
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
    for note in migration_notes(assessment, q):
        st.info(t("res_migrated", lang, note=tr(note, lang)), icon=":material/history:")
    answer_problems.draw(problems, lang)
    hidden = scores_hidden()
    if hidden:
        st.info(t("res_scores_hidden", lang))
    if card.kind == "screening":
        screening(card, lang)
        flags(card, q, lang, serious=True)
        review_checklist.draw(card, assessment, lang)
    else:
        conclusion(card, q, lang)
        flags(card, q, lang, serious=True)
        review_checklist.draw(card, assessment, lang)
        recorded_facts.draw(q, values, card, lang)
        if not hidden:
            headline(card, lang)
        rights(card, q, lang)
        flags(card, q, lang, serious=False)
        impact_chart(card, lang)
        article_table(card, q, lang)
        if not hidden:
            criteria(card, lang)
    hollow = verdict.hollow_list(card, q, lang)
    if hollow:
        st.caption(md(t("res_hollow", lang, items=hollow)))
    if not stored_texts.ready(state.store()):  # a large store's first look: said, not hidden
        st.caption(md(t("res_texts_pending", lang)))
    status_actions(assessment, card, q, lang)
    reports_area(assessment, lang)
    history(assessment, q, lang)


def scores_hidden() -> bool:
    """A group whose trainer hid the scores sees findings, never its level or points."""
    joined = workshop_state.joined()
    return bool(joined and joined.workshop.hide_scores)


def screening(card: Scorecard, lang: str) -> None:
    st.header(t("res_screening_title", lang))
    st.write(verdict.s("screening", lang))
    st.markdown(md(t("res_screening_reason", lang, reason=card.screening_reason.strip() or "–")))
    if not card.flags:
        st.success(t("res_screening_ok", lang))


def conclusion(card: Scorecard, q: Questionnaire, lang: str) -> None:
    """The heart first: yes, partly or no, and the reasons."""
    st.caption(t("res_conclusion_title", lang))
    st.header(f"{verdict.conclusion_question(q, lang)} {verdict.outcome_text(card, lang)}")
    c = card.conclusion
    if c is not None and c.motivation.strip():
        st.markdown(f"**{t('res_motivation', lang)}:** {md(c.motivation.strip())}")
    note = verdict.motivation_note(card, lang)
    if note:
        st.error(note)


def headline(card: Scorecard, lang: str) -> None:
    if card.level:
        band = f"{weight(card.level.min, lang)}–{weight(card.level.max, lang)}"
        st.header(
            f"{tr(card.level.label, lang)} ({number(card.overall, lang)}/100, "
            f"{t('band', lang)} {band})"
        )
        cap = verdict.cap_sentence(card, lang)
        if cap and verdict.awaits_reviewer(card):  # no fault: the top needs a reviewer
            st.info(cap, icon=":material/how_to_reg:")
        elif cap:
            st.error(cap, icon=":material/block:")
        if card.level.meaning and not verdict.awaits_reviewer(card):
            st.write(tr(card.level.meaning, lang))
    c1, c2, c3 = st.columns(3)
    c1.metric(t("res_weakened", lang), str(card.negative), help=t("res_weakened_help", lang))
    if card.balance is not None:
        c1.caption(t("res_mean", lang, mean=number(card.balance, lang, 2, sign=True),
                     label=tr(card.balance_label, lang)))
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
            "res_required_counted",
            lang,
            answered=card.required_answered,
            required=card.required_visible,
        )
    )


def rights(card: Scorecard, q: Questionnaire, lang: str) -> None:
    """Who loses, right by right: a mean would hide it."""
    if not card.weakened:
        return
    library = state.catalog().library
    st.header(t_for("res_for_whom", lang, q.track))
    rows = []
    for change in card.weakened:
        article = library.article(change.number)
        rows.append({
            t("article", lang): f"{change.number}. {tr(article.title, lang) if article else ''}",
            t("res_weakened", lang): ", ".join(verdict.s(x, lang) for x in change.terms),
            t_for("impact_children", lang, q.track): change.children or "–",
        })
    text_table(rows, alt=t_for("res_for_whom", lang, q.track))


def flags(card: Scorecard, q: Questionnaire, lang: str, serious: bool) -> None:
    shown = [f for f in card.flags if (f.severity == "serious") == serious]
    if not shown:
        if not serious and not card.serious:
            st.success(t("no_flags", lang))
        return
    title = "res_serious" if serious else "res_other_flags" if card.serious else "flags"
    st.header(t(title, lang))
    for flag in shown:
        box = st.error if flag.severity == "serious" else st.warning
        text = tr(flag.message, lang)
        if flag.id in card.capped_by:
            text += " " + t("res_holds_level", lang)
        if flag.details:
            text += " " + t("res_found", lang, items=", ".join(flag.details))
        box(md(text), icon="⚠️")
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
            # the scale's two ends on lines of their own: on one line the title runs past
            # a phone's narrow plot and is cut
            x=alt.X("mean:Q", scale=alt.Scale(domain=[-2, 2]),
                    title=t("impact_axis", lang).split(" … "),
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
        # each area a 36 px band, and room for the axis: its figures and the two-line title
        .properties(height=bars_height(len(rows), band=36, room=64))
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
        text_table(rows, alt=t("impact_per_article", lang))


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
        text_table(rows, alt=t("how_scored", lang))
        if card.missing:
            st.caption(t("res_missing_counted", lang, count=len(card.missing)))


def status_actions(assessment: Assessment, card: Scorecard, q: Questionnaire, lang: str) -> None:
    st.divider()
    refused = st.session_state.pop(stale.KEY + (assessment.id or ""), None)
    # Beside the button that was pressed, not at the top of the page; above the reason's box.
    state.show_once([("error", refused)] if refused else [])
    c1 = st.columns(2)[0]
    if assessment.status == "draft" and auth.may_change_here(assessment):  # not a reviewer's
        gaps = blockers(card)
        if not gaps:
            if c1.button(t("mark_complete", lang), type="primary"):
                _complete(assessment, card, q, "", lang)
        else:
            # Complete means complete: refused while gaps remain, unless a reason is recorded.
            st.warning(t("res_blockers", lang, missing=len(gaps.missing),
                         serious=len(gaps.serious)))
            minimum = q.scoring.completion.min_reason_chars
            reason = st.text_area(t("res_complete_reason", lang),
                                  key=post_box.prepare(f"complete_reason:{assessment.id}"),
                                  help=t("res_complete_reason_help", lang, min=minimum))
            if st.button(t("res_complete_anyway", lang)):
                _complete(assessment, card, q, reason or "", lang)
    elif assessment.completion_reason.strip():
        st.caption(md(t("res_completed_with_reason", lang,
                        reason=assessment.completion_reason.strip())))
    lifecycle_section(assessment, q, lang)  # review, decision, reopening; its log in a draft too


def _complete(assessment: Assessment, card: Scorecard, q: Questionnaire, reason: str,
              lang: str) -> None:
    try:
        mark_complete(assessment, card, q, reason)  # refuses before anything is stored
    except CompletionRefused:
        st.error(t("res_complete_refused", lang, min=q.scoring.completion.min_reason_chars))
        return
    try:
        # The scorecard shown was computed from this revision: a change since is not
        # marked complete unseen.
        stored = state.store().update(
            assessment.id or "",
            lambda a: mark_complete(a, card, q, reason),
            editor=signin.editor(assessment.decision.official),
            expected_revision=assessment.revision,
        )
    except Conflict as exc:
        st.session_state[stale.KEY + (assessment.id or "")] = stale.message(exc, q, lang)
        st.rerun()
    # a follow-up: its original is marked uppföljd, by the signature when logged in
    after_completed(state.store(), stored, signin.editor(whoami.current_name()))
    post_box.posted([f"complete_reason:{assessment.id}"])  # a reopened draft starts empty
    state.flash(t("marked_complete", lang))
    st.rerun()


def lifecycle_section(assessment: Assessment, q: Questionnaire, lang: str) -> None:
    from app.ui.screens.lifecycle import render as draw

    draw(assessment, q, lang)


def reports_area(assessment: Assessment, lang: str) -> None:
    from app.ui.widgets.report_area import reports_area as draw

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
        text_table(rows)

