"""The first step of an assessment: the decision it is about (title, case number, committee,
decision maker, official, date, description), as a new assessment's form and as a step."""

from __future__ import annotations

from typing import Any

import streamlit as st
from pydantic import ValidationError

from app.core.models.assessment import (
    LINE_MAX,
    TEXT_MAX,
    TITLE_MAX,
    Assessment,
    Decision,
    QuestionnaireRef,
)
from app.core.text import tr
from app.ui.session import auth, signin, state
from app.ui.session import workshop as workshop_state
from app.ui.strings.i18n import t
from app.ui.widgets.questions import warn_personal_data

STEP_KEY = "step"  #: the open step: the decision or a section
DECISION_STEP = "_decision"
DECISION_FIELDS = (
    "title",
    "case_number",
    "committee",
    "decision_maker",
    "official",
    "official_contact",
    "decision_date",
    "description",
)


def heading_anchor(step: str) -> str:
    """The id of a step's heading, where focus goes when the step is opened."""
    return "bka-step-" + step.replace("_", "-")


def new_assessment_form(lang: str) -> None:
    st.title(t("new_title", lang))
    st.write(t("new_intro", lang))
    cat = state.catalog()
    with st.form("new_assessment"):
        # A follow-up is created from a decided assessment (Följ upp), never on its own.
        ids = [i for i, q in cat.questionnaires.items() if q.purpose == "assessment"]
        qid = st.radio(
            t("choose_questionnaire", lang),
            ids,
            index=None,
            format_func=lambda i: tr(cat.questionnaires[i].title, lang),
            captions=[tr(cat.questionnaires[i].description, lang) for i in ids],
        )
        values = decision_inputs(lang, None, prefix="new")
        submitted = st.form_submit_button(t("start", lang), type="primary")
    if submitted:
        if not str(values.get("title") or "").strip():
            st.error(t("title_required", lang))
            return
        if qid is None:
            st.error(t("questionnaire_required", lang))
            return
        q = cat.questionnaires[qid]
        decision = decision_or_message(values, lang)
        if decision is None:
            return
        assessment = Assessment(
            questionnaire=QuestionnaireRef(id=q.id, version=q.version, hash=cat.hashes[q.id]),
            language=lang,  # type: ignore[arg-type]
            decision=decision,
        )
        assessment = auth.owned(assessment)  # the login mode: the person and their unit
        created = state.store().create(assessment,
                                       editor=signin.editor(values.get("official") or ""))
        state.set_open(created.id)
        st.session_state[STEP_KEY] = q.sections[0].id
        st.rerun()


# The decision's text fields in two columns, in reading order (column 0 left, 1 right).
_PAIRED_FIELDS = (("case_number", 0), ("committee", 1), ("decision_maker", 0), ("official", 1))


def decision_inputs(
    lang: str, decision: Decision | None, prefix: str, disabled: bool = False
) -> dict[str, Any]:
    """The decision's fields as inputs; returns the values typed."""
    d = decision or Decision(title="-")
    values: dict[str, Any] = {}
    values["title"] = st.text_input(
        t("field_title", lang) + " *",
        value=d.title if decision else "",
        key=f"{prefix}:title",
        disabled=disabled,
        max_chars=TITLE_MAX,
    )
    columns = st.columns(2)
    me = signin.person()
    for field, column in _PAIRED_FIELDS:
        # The login mode: a new assessment's official is the person logged in, not typed.
        fixed = field == "official" and me is not None and decision is None
        values[field] = columns[column].text_input(
            t(f"field_{field}", lang),
            value=me.name if fixed and me else getattr(d, field),
            key=f"{prefix}:{field}",
            disabled=disabled or fixed,
            max_chars=LINE_MAX,
        )
    values["official_contact"] = columns[1].text_input(
        t("field_official_contact", lang), value=d.official_contact,
        key=f"{prefix}:official_contact", disabled=disabled, max_chars=LINE_MAX)
    values["decision_date"] = columns[0].date_input(
        t("field_decision_date", lang),
        value=d.decision_date,
        format="YYYY-MM-DD",
        key=f"{prefix}:decision_date",
        disabled=disabled,
    )
    values["description"] = st.text_area(
        t("field_description", lang),
        value=d.description,
        key=f"{prefix}:description",
        disabled=disabled,
        max_chars=TEXT_MAX,
    )
    warn_personal_data(values["description"], lang)
    return values


def decision_or_message(values: dict[str, Any], lang: str) -> Decision | None:
    """The decision typed, or None after saying in words which field is too long (the
    inputs stop typing at the limit; a pasted or scripted value may still exceed it)."""
    try:
        return Decision(**values)
    except ValidationError as exc:
        for error in exc.errors():
            field = str(error["loc"][0]) if error["loc"] else ""
            limit = (error.get("ctx") or {}).get("max_length")
            if limit is None:
                st.error(f"{t('field_' + field, lang)}: {error['msg']}")
                continue
            st.error(t("text_too_long", lang, field=t("field_" + field, lang), limit=limit,
                       length=len(str(values.get(field) or ""))))
        return None


def decision_step(assessment: Assessment, lang: str) -> None:
    st.header(t("step_decision", lang), anchor=heading_anchor(DECISION_STEP))
    locked = assessment.status != "draft" or not workshop_state.may_change(assessment.id or "")
    if locked:
        st.info(t("locked_complete", lang) if assessment.status != "draft" else
                t("auth_read_only", lang))
    auth.ownership_line(assessment, lang)
    with st.form("decision"):
        values = decision_inputs(
            lang, assessment.decision, prefix=f"dec:{assessment.id}", disabled=locked
        )
        personal = st.checkbox(
            t("personal_data_flag", lang), value=assessment.personal_data, disabled=locked
        )
        saved = st.form_submit_button(t("save", lang), type="primary", disabled=locked)
    if saved:
        if not str(values.get("title") or "").strip():
            st.error(t("title_required", lang))
            return
        checked = decision_or_message(values, lang)
        if checked is None:
            return
        decision = checked

        def update(a: Assessment) -> Assessment:
            return a.model_copy(update={"decision": decision, "personal_data": personal})

        state.store().update(assessment.id or "", update, editor=signin.editor(decision.official))
        st.toast(t("saved", lang))
        st.rerun()
