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
from app.services import decision_form
from app.services.decision_form import PERSONAL
from app.store import FieldsConflict, StoreError
from app.ui import store_errors
from app.ui.safe import md, plain
from app.ui.screens.assess_conflicts import ERRORS
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
    aid = assessment.id or ""
    locked = assessment.status != "draft" or not workshop_state.may_change(aid)
    if locked:
        st.info(t("locked_complete", lang) if assessment.status != "draft" else
                t("auth_read_only", lang))
    auth.ownership_line(assessment, lang)
    shown = _decision_shown(assessment)
    decision_conflict(assessment, lang)
    with st.form("decision"):
        values = decision_inputs(lang, _decision_of(shown), prefix=f"dec:{aid}",
                                 disabled=locked)
        personal = st.checkbox(t("personal_data_flag", lang), value=bool(shown[PERSONAL]),
                               key=f"dec:{aid}:{PERSONAL}", disabled=locked)
        saved = st.form_submit_button(t("save", lang), type="primary", disabled=locked)
    if saved:
        if not str(values.get("title") or "").strip():
            st.error(t("title_required", lang))
            return
        checked = decision_or_message(values, lang)
        if checked is None:
            return
        mine = decision_form.fields_of(checked, personal)
        try:
            decision_form.save(state.store(), aid, shown, mine,
                               editor=signin.editor(checked.official))
        except FieldsConflict as conflict:
            st.session_state.setdefault(DECISION_CONFLICT, {})[aid] = (conflict, shown, mine)
            st.rerun()
        except StoreError as exc:  # a full disk, a damaged file: said here, in view
            _forget_decision_form(aid)
            st.session_state.setdefault(ERRORS, {})[DECISION_STEP] = (
                store_errors.message(exc, lang), None, store_errors.details(exc))
            st.rerun()
        _forget_decision_form(aid)
        state.flash(t("saved", lang))
        st.rerun()
    refused = st.session_state.get(ERRORS, {}).pop(DECISION_STEP, None)
    if refused:
        st.error(refused[0])
        if refused[2]:
            with st.expander(t("store_details", lang)):
                st.code(refused[2], language=None, wrap_lines=True)


DECISION_CONFLICT = "decision_conflict"  #: assessment id -> (conflict, shown, mine)
_SHOWN = "dec_shown:"  #: + assessment id: the form's fields as its widgets were drawn


def _decision_shown(assessment: Assessment) -> dict[str, Any]:
    """What the form shows, kept with the form. When the store moved on (another tab, another
    official) and no conflict is waiting, the form is drawn afresh from the store: it never
    shows a decision the store no longer holds."""
    aid = assessment.id or ""
    stored = decision_form.form_fields(assessment)
    shown = st.session_state.get(_SHOWN + aid)
    typed = _typed(aid)
    # A form's widgets hold what was last submitted: equal to what was shown unless this
    # very run is a save (then the save must see the typed values, not a fresh form).
    untouched = typed is None or typed == shown
    waiting = aid in st.session_state.get(DECISION_CONFLICT, {})
    if shown is None or typed is None or (shown != stored and untouched and not waiting):
        _forget_decision_form(aid)
        st.session_state[_SHOWN + aid] = stored
        return stored
    return dict(shown)


def _typed(aid: str) -> dict[str, Any] | None:
    """The form's fields as its widgets hold them (None when they are not drawn yet)."""
    fields = (*DECISION_FIELDS, PERSONAL)
    if any(f"dec:{aid}:{f}" not in st.session_state for f in fields):
        return None
    typed = {f: st.session_state[f"dec:{aid}:{f}"] for f in fields}
    day = typed["decision_date"]
    typed["decision_date"] = day.isoformat() if day is not None else None
    return typed


def _forget_decision_form(aid: str) -> None:
    """Drop the form's widget state, so its next drawing starts from the store."""
    prefix = f"dec:{aid}:"
    for k in [k for k in st.session_state if isinstance(k, str) and k.startswith(prefix)]:
        del st.session_state[k]
    st.session_state.pop(_SHOWN + aid, None)


def _decision_of(fields: dict[str, Any]) -> Decision:
    return Decision.model_validate({k: v for k, v in fields.items() if k != PERSONAL})


def _field_in_words(field: str, value: Any, lang: str) -> str:
    if field == PERSONAL:
        return t("word_yes" if value else "word_no", lang)
    return str(value) if value not in (None, "") else "–"


def decision_conflict(assessment: Assessment, lang: str) -> None:
    """Fields someone else changed while this person edited them: both values, in words,
    and the choice, the way a conflicting answer is shown."""
    aid = assessment.id or ""
    waiting = st.session_state.get(DECISION_CONFLICT, {}).get(aid)
    if waiting is None:
        return
    conflict, shown, mine = waiting
    names = [t("personal_data_flag", lang) if f == PERSONAL else t(f"field_{f}", lang)
             for f in conflict.fields]
    with st.container(border=True, key="bka-conflict-decision"):
        st.warning(t("decision_conflict", lang, fields=", ".join(names)))
        for field, name in zip(conflict.fields, names, strict=True):
            st.markdown(f"**{md(name)}**")
            c1, c2 = st.columns(2)
            c1.caption(t("conflict_theirs_value", lang))
            c1.text(plain(_field_in_words(field, conflict.theirs.get(field), lang)))
            c2.caption(t("conflict_mine_value", lang))
            c2.text(plain(_field_in_words(field, conflict.mine.get(field), lang)))
        c1, c2 = st.columns(2)
        keep_stored = c1.button(t("conflict_keep_theirs", lang), key="dec_keep_theirs")
        keep_mine = c2.button(t("conflict_keep_mine_fields", lang), key="dec_keep_mine")
    if not (keep_stored or keep_mine):
        return
    try:
        decision_form.resolve(state.store(), aid, conflict, shown, mine, keep_mine,
                              editor=signin.editor(str(st.session_state.get("editor", ""))))
    except FieldsConflict as again:  # changed once more while the person chose
        st.session_state[DECISION_CONFLICT][aid] = (
            again, {**shown, **conflict.theirs}, {**mine, **conflict.mine})
        st.rerun()
    st.session_state[DECISION_CONFLICT].pop(aid, None)
    _forget_decision_form(aid)
    state.flash(t("saved", lang))
    st.rerun()
