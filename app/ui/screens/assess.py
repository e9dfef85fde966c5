"""The guided assessment: the decision, then the sections one at a time, saved as you go."""

from __future__ import annotations

from typing import Any

import streamlit as st
from pydantic import ValidationError

from app.core.answer_text import answer_text
from app.core.answers import normalise
from app.core.loading import normalise_answers
from app.core.models.assessment import (
    ANSWER_TEXT_MAX,
    LINE_MAX,
    TEXT_MAX,
    TITLE_MAX,
    Answer,
    Assessment,
    Decision,
    QuestionnaireRef,
)
from app.core.models.questionnaire import Question, Questionnaire
from app.core.progress import SectionProgress, progress
from app.core.text import tr
from app.services import decision_form
from app.services.decision_form import PERSONAL
from app.store import Conflict, FieldsConflict, NotFound, StoreError
from app.ui import auth, page_scripts, state, store_errors, workshop_state
from app.ui.answer_keys import ON_SCREEN, key
from app.ui.i18n import t
from app.ui.question_widgets import WIDE_TYPES, Ctx, draw, warn_personal_data
from app.ui.safe import md, plain

STEP_KEY = "step"
NAV_KEY = "nav"  #: the sidebar's section list
MOVED_KEY = "step_moved"  #: set when the user opened another step: focus goes to its heading
DECISION_STEP = "_decision"
DECISION_FIELDS = (
    "title",
    "case_number",
    "committee",
    "decision_maker",
    "official",
    "decision_date",
    "description",
)


def render() -> None:
    lang = state.lang()
    aid = state.open_id()
    workshop_state.refuse_unless_open(aid)
    if not aid and not auth.may_create():
        st.info(t("auth_no_new", lang))  # a reviewer: no new assessments of their own
        return
    if not aid:
        new_assessment_form(lang)
        return
    try:
        assessment = state.store().get(aid)
    except NotFound:
        st.warning(t("assessment_not_found", lang))
        state.set_open(None)
        st.query_params.clear()
        new_assessment_form(lang)
        return
    state.keep_in_address("id", aid)
    q = state.catalog().questionnaire(assessment.questionnaire.id)
    if q is None:
        st.error(t("questionnaire_missing", lang, id=assessment.questionnaire.id))
        return
    st.title(md(assessment.decision.title))
    st.caption(md(f"{tr(q.title, lang)} · {t('status_' + assessment.status, lang)}"))
    guided(assessment, q, lang)


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
                                       editor=auth.editor(values.get("official") or ""))
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
    me = auth.person()
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


def guided(assessment: Assessment, q: Questionnaire, lang: str) -> None:
    st.session_state["editor"] = assessment.decision.official
    state.show_flash()
    values, problems = normalise_answers(assessment, q)
    sections = progress(q, values)
    step = current_step(q)
    with st.sidebar:
        section_list(q, sections, step, lang)
    here = {question.id for s in q.sections if s.id == step for question in s.questions}
    show_conflicts(assessment, q, lang, skip=here)  # the others beside their questions
    if problems:
        with st.expander(t("answers_not_matching", lang), icon="⚠️"):
            for problem in problems:
                st.text(problem.message)
    if step == DECISION_STEP:
        st.session_state[ON_SCREEN] = (assessment.id or "", DECISION_STEP)
        decision_step(assessment, lang)
    else:
        section_step(assessment, q, values, step, lang)
    navigation(q, sections, step, lang)
    page_scripts.autosave(lang)
    moved = st.session_state.pop(MOVED_KEY, None)
    if moved:
        page_scripts.focus_heading(heading_anchor(step), moved)


def current_step(q: Questionnaire) -> str:
    step = st.session_state.get(STEP_KEY) or DECISION_STEP
    if step not in {DECISION_STEP, *(s.id for s in q.sections)}:
        step = DECISION_STEP
    st.session_state[STEP_KEY] = step
    return str(step)


def heading_anchor(step: str) -> str:
    """The id of a step's heading, where focus goes when the step is opened."""
    return "bka-step-" + step.replace("_", "-")


def go_to(step: str) -> None:
    """Open another step. Called from widget callbacks, so it takes effect in the very run the
    click starts: the section list and the buttons land on the first click."""
    st.session_state[STEP_KEY] = step
    st.session_state[NAV_KEY] = step
    moves = int(st.session_state.get("_moves", 0)) + 1  # a new number: a new focus script
    st.session_state["_moves"] = moves
    st.session_state[MOVED_KEY] = moves


def section_list(q: Questionnaire, sections: list[SectionProgress], step: str, lang: str) -> None:
    required = sum(s.required for s in sections)
    answered = sum(s.answered_required for s in sections)
    st.progress(
        answered / required if required else 1.0,
        text=t("progress", lang, answered=answered, required=required),
    )
    ids = [DECISION_STEP] + [s.id for s in q.sections]
    by_id = {s.id: s for s in sections}

    def label(section_id: str) -> str:
        if section_id == DECISION_STEP:
            return "▸ " + t("step_decision", lang)
        sp = by_id[section_id]
        title = tr(next(s.title for s in q.sections if s.id == section_id), lang)
        if not sp.visible:
            return f"– {title} ({t('skipped', lang)})"
        mark = "✓" if sp.done else "◐" if sp.answered else "○"
        return f"{mark} {title}"

    # One key for the whole session: a key that changed with the step made the radio a new
    # widget after every move, and the next click went to the old one (every second click
    # was lost).
    st.session_state[NAV_KEY] = step
    st.radio(t("sections", lang), ids, format_func=label, key=NAV_KEY,
             on_change=lambda: go_to(str(st.session_state[NAV_KEY])))


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
                               editor=auth.editor(checked.official))
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
                              editor=_editor())
    except FieldsConflict as again:  # changed once more while the person chose
        st.session_state[DECISION_CONFLICT][aid] = (
            again, {**shown, **conflict.theirs}, {**mine, **conflict.mine})
        st.rerun()
    st.session_state[DECISION_CONFLICT].pop(aid, None)
    _forget_decision_form(aid)
    state.flash(t("saved", lang))
    st.rerun()


def section_step(
    assessment: Assessment, q: Questionnaire, values: dict[str, Any], section_id: str, lang: str
) -> None:
    section = next(s for s in q.sections if s.id == section_id)
    number = q.sections.index(section) + 1
    st.header(f"{number}. {tr(section.title, lang)}", anchor=heading_anchor(section_id))
    if section.intro:
        st.info(tr(section.intro, lang))
    section_body(assessment.id or "", q, section_id, lang)


def section_body(aid: str, q: Questionnaire, section_id: str, lang: str) -> None:
    """The questions of one section. Not a fragment: a fragment's rerun that arrives after a
    click has left the page is dropped ("fragment ... does not exist anymore") and the text
    with it; and the sidebar's progress would stay stale while answering."""
    assessment = state.store().get(aid)
    values, _ = normalise_answers(assessment, q)
    sp = next(s for s in progress(q, values) if s.id == section_id)
    enter_section(aid, q, section_id)
    if not sp.visible:
        st.info(t("section_skipped", lang))
        return
    seen = st.session_state.setdefault("seen", {}).setdefault(aid, {})
    ctx = Ctx(
        aid,
        q,
        state.catalog().library,
        lang,
        values,
        dict(assessment.answers),
        lambda qid, value: save_answer(aid, q, qid, value),
        seen,
        locked=assessment.status != "draft" or not workshop_state.may_change(aid),
    )
    if ctx.locked:
        st.info(t("locked_complete", lang) if assessment.status != "draft" else
                t("auth_read_only", lang))
    for question in sp.questions:
        with st.container(border=True):
            if question.type in WIDE_TYPES:
                question_aside(q, question, lang)
                draw(ctx, question)
                comment_box(ctx, question, assessment.answers.get(question.id))
                question_notes(assessment, q, question, lang)
                continue
            left, right = st.columns([3, 2], gap="medium")
            with left:
                draw(ctx, question)
                comment_box(ctx, question, assessment.answers.get(question.id))
                question_notes(assessment, q, question, lang)
            with right:
                question_aside(q, question, lang)
    for qid, (message, *_) in st.session_state.pop(ERRORS, {}).items():  # not on this step
        st.error(f"{q.numbering.get(qid, qid)}: {message}")
    if sp.missing:
        names = ", ".join(q.numbering[m] for m in sp.missing)
        st.caption(t("missing_in_section", lang, questions=names))


def enter_section(aid: str, q: Questionnaire, section_id: str) -> None:
    """A section coming (back) on screen starts every widget from the store.

    The browser and the server each keep a widget's value; when a section leaves the page
    they forget it at different moments (a run interrupted by the next click keeps the
    server's copy, the browser drops its own and starts the widget from its default). A
    widget that came back with only one side's memory later reported that default ("no
    answer") as a change, and an answer nobody touched was erased. Dropping the server's
    copy here makes the seed set the stored value on both sides."""
    here = (aid, section_id)
    if st.session_state.get(ON_SCREEN) != here:
        ids = {qid for qid, section in q.section_of.items() if section.id == section_id}
        prefixes = tuple(key(aid, qid, "") for qid in ids)
        for k in [k for k in st.session_state
                  if isinstance(k, str) and k.startswith(prefixes)]:
            del st.session_state[k]
    st.session_state[ON_SCREEN] = here


def on_screen(aid: str, q: Questionnaire, qid: str) -> bool:
    """Whether the question's widget was on the page the browser showed: only then can a
    change to it come from the person (a change reported for a widget not on screen is a
    widget re-initialised by the browser, never something typed or clicked)."""
    shown = st.session_state.get(ON_SCREEN)
    section = q.section_of.get(qid)
    return shown is not None and section is not None and shown == (aid, section.id)


def comment_box(ctx: Ctx, question: Question, answer: Answer | None) -> None:
    k = key(ctx.aid, question.id, "comment")
    comment = answer.comment if answer else None
    if k not in st.session_state:
        st.session_state[k] = comment or ""
    # Named with its question: a dozen expanders called "Kommentar" cannot be told apart.
    label = t("comment_for", ctx.lang, number=ctx.q.numbering[question.id])
    with st.expander(label + (" ✎" if comment else ""), expanded=False):
        st.text_area(
            label,
            key=k,
            label_visibility="collapsed",
            disabled=ctx.locked,
            on_change=save_comment,
            args=(ctx, question.id, k),
        )
        warn_personal_data(st.session_state.get(k), ctx.lang)


def question_aside(q: Questionnaire, question: Question, lang: str) -> None:
    if question.help:
        st.caption(tr(question.help, lang))
    library = state.catalog().library
    if question.articles and question.type != "impact":
        for number in question.articles:
            article = library.by_number[number]
            with st.popover(f"{t('article', lang)} {number}: {tr(article.title, lang)}"):
                st.write(tr(article.summary, lang))


def _seen(aid: str) -> dict[str, Answer | None]:
    seen: dict[str, Answer | None] = st.session_state.setdefault("seen", {}).setdefault(aid, {})
    return seen


def save_answer(aid: str, q: Questionnaire, qid: str, value: Any) -> None:
    """Save one answer, keeping its comment. If another tab changed this very answer since
    this tab showed it, nothing is written and the user chooses (see show_conflicts)."""
    try:
        normalised = normalise(q.questions[qid], value)
    except ValueError as exc:
        _refused(aid, qid, str(exc), None)
        return
    if not on_screen(aid, q, qid):
        return
    seen = _seen(aid)
    before = seen.get(qid)
    comment = before.comment if before else None
    _write(aid, qid, normalised, comment, before)


def save_comment(ctx: Ctx, qid: str, widget_key: str) -> None:
    if not on_screen(ctx.aid, ctx.q, qid):
        return
    seen = _seen(ctx.aid)
    before = seen.get(qid, ctx.answers.get(qid))
    value = before.value if before else None
    _write(ctx.aid, qid, value, st.session_state.get(widget_key) or None, before)


#: question id -> (message, the answer not saved, the local store's details or None)
ERRORS = "answer_errors"
CONFLICTS = "conflicts"  #: question id -> the answer this tab wanted


def _refused(aid: str, qid: str, message: str, mine: Answer | None,
             details: str | None = None) -> None:
    """A change not saved: the widget goes back to the stored answer (the page never shows
    what the store does not hold), and beside the question the message and what was not
    saved, so nothing typed is lost from sight."""
    st.session_state.setdefault(ERRORS, {})[qid] = (message, mine, details)
    _reset_widgets(aid, qid)


def _reset_widgets(aid: str, qid: str) -> None:
    prefix = key(aid, qid, "")
    for k in [k for k in st.session_state if isinstance(k, str) and k.startswith(prefix)]:
        del st.session_state[k]


def _write(aid: str, qid: str, value: Any, comment: str | None, before: Answer | None) -> None:
    lang = state.lang()
    try:
        answer = None if value is None and not comment else Answer(value=value, comment=comment)
    except ValidationError as exc:  # beyond the length an answer or a comment may have
        in_comment = exc.errors()[0]["loc"][:1] == ("comment",)
        _refused(aid, qid, t(
            "text_too_long", lang,
            field=t("comment_text" if in_comment else "answer_text", lang),
            limit=f"{TEXT_MAX if in_comment else ANSWER_TEXT_MAX:,}".replace(",", " "),
            length=f"{len(comment or '') if in_comment else len(str(value)):,}".replace(
                ",", " ")), Answer.model_construct(value=value, comment=comment))
        return
    if not workshop_state.may_save() or not workshop_state.may_change(aid):
        _refused(aid, qid, t("workshop_closed_no_save", lang), answer)
        return
    try:
        state.store().set_answer(aid, qid, answer, editor=_editor(), expected=before)
    except Conflict:
        # The whole answer this tab wanted, comment included: a comment typed in a conflict
        # was lost when only the value was kept. The widget shows the stored answer; both
        # are shown beside it.
        st.session_state.setdefault(CONFLICTS, {})[qid] = answer
        _reset_widgets(aid, qid)
        return
    except StoreError as exc:  # a full disk, a damaged file: said beside the question
        _refused(aid, qid, store_errors.message(exc, lang), answer,
                 store_errors.details(exc))
        return
    _seen(aid)[qid] = answer


def question_notes(assessment: Assessment, q: Questionnaire, question: Question,
                   lang: str) -> None:
    """Under the question's widget: why a change to it was not saved, and a conflict."""
    refused = st.session_state.get(ERRORS, {}).pop(question.id, None)
    if refused is not None:
        message, mine, details = refused
        st.error(message)
        if mine is not None:
            st.caption(t("not_saved_value", lang))
            st.text(plain(_in_words(q, question, mine, lang)))
        if details:
            with st.expander(t("store_details", lang)):
                st.code(details, language=None, wrap_lines=True)
    if question.id in st.session_state.get(CONFLICTS, {}):
        show_conflicts(assessment, q, lang, only={question.id})


def show_conflicts(assessment: Assessment, q: Questionnaire, lang: str, *,
                   only: set[str] | None = None, skip: set[str] | None = None) -> None:
    """Each answer that had changed in the store before this tab's change arrived: both
    versions, labelled and in words (never stored codes), in the same run as the save that
    hit it, beside the question (`only`) or, for a question not on this step, at the top.
    Free text can also be merged: both texts in one field, to edit and save."""
    conflicts: dict[str, Answer | None] = st.session_state.get(CONFLICTS, {})
    for qid, mine in list(conflicts.items()):
        question = q.questions.get(qid)
        if question is None:
            conflicts.pop(qid, None)
            continue
        if (only is not None and qid not in only) or (skip is not None and qid in skip):
            continue
        stored = assessment.answers.get(qid)
        with st.container(border=True, key=f"bka-conflict-{qid}"):
            st.warning(t("conflict", lang, number=q.numbering.get(qid, qid)))
            c1, c2 = st.columns(2)
            for column, label, answer in ((c1, "conflict_theirs", stored),
                                          (c2, "conflict_mine", mine)):
                column.caption(t(label, lang))
                column.text(plain(_in_words(q, question, answer, lang)))
            if c1.button(t("conflict_keep_theirs", lang), key=f"keep_theirs:{qid}"):
                _resolve(assessment.id or "", qid, stored, keep_stored=True)
            if c2.button(t("conflict_keep_mine", lang), key=f"keep_mine:{qid}"):
                _resolve(assessment.id or "", qid, mine)
            if _mergeable(question, stored, mine):
                merge_box(assessment.id or "", question, stored, mine, lang)


def _in_words(q: Questionnaire, question: Question, answer: Answer | None, lang: str) -> str:
    if answer is None:
        return "–"
    words = answer_text(q, question, answer.value, lang) or "–"
    if answer.comment:
        words += f"\n{t('comment', lang)}: {answer.comment}"
    return words


def _mergeable(question: Question, stored: Answer | None, mine: Answer | None) -> bool:
    """Two texts to put together: a free-text answer, or a comment, on both sides."""
    if stored is None or mine is None:
        return False
    texts = question.type == "text" and stored.value != mine.value
    return texts or (bool(stored.comment) and bool(mine.comment) and stored.comment != mine.comment)


def merge_box(aid: str, question: Question, stored: Answer | None, mine: Answer | None,
              lang: str) -> None:
    assert stored is not None and mine is not None
    k = f"merge:{aid}:{question.id}"
    is_text = question.type == "text" and stored.value != mine.value
    if k not in st.session_state:
        both = (stored.value, mine.value) if is_text else (stored.comment, mine.comment)
        st.session_state[k] = f"{both[0] or ''}\n\n{both[1] or ''}".strip()
    merged = st.text_area(t("conflict_merge", lang), key=k, height=160)
    if st.button(t("conflict_save_merged", lang), key=f"save_merged:{question.id}"):
        text = merged.strip() or None
        answer = (Answer(value=text, comment=stored.comment) if is_text
                  else Answer(value=stored.value, comment=text))
        st.session_state.pop(k, None)
        _resolve(aid, question.id, answer)


def _editor() -> str:
    """Who the history names for a change: the person logged in, or in the local mode the
    assessment's responsible official."""
    return auth.editor(str(st.session_state.get("editor", "")))


def _resolve(aid: str, qid: str, chosen: Answer | None, keep_stored: bool = False) -> None:
    """Write the chosen answer over whatever is stored now (the user saw both), or keep it."""
    if not keep_stored:
        state.store().set_answer(aid, qid, chosen, editor=_editor())
    current = state.store().get(aid).answers.get(qid)
    st.session_state[CONFLICTS].pop(qid, None)
    _seen(aid)[qid] = current
    prefix = key(aid, qid, "")
    for k in [k for k in st.session_state if isinstance(k, str) and k.startswith(prefix)]:
        del st.session_state[k]
    st.rerun()


def navigation(q: Questionnaire, sections: list[SectionProgress], step: str, lang: str) -> None:
    ids = [DECISION_STEP] + [s.id for s in sections if s.visible]
    position = ids.index(step) if step in ids else 0
    c1, c2, c3 = st.columns([1, 2, 1])
    if position > 0:
        c1.button("← " + t("previous", lang), use_container_width=True,
                  on_click=go_to, args=(ids[position - 1],))
    if position < len(ids) - 1:
        c3.button(t("next", lang) + " →", type="primary", use_container_width=True,
                  on_click=go_to, args=(ids[position + 1],))
    elif c3.button(t("to_results", lang) + " →", type="primary", use_container_width=True):
        st.switch_page(st.session_state["pages"]["results"])
    missing = [m for s in sections for m in s.missing]
    if missing:
        c2.caption(
            t(
                "missing_total",
                lang,
                count=len(missing),
                questions=", ".join(q.numbering[m] for m in missing[:12])
                + (" …" if len(missing) > 12 else ""),
            )
        )
