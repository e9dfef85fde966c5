"""The open meeting: the article on a shared screen, and what the team notes about it."""

from __future__ import annotations

import streamlit as st

from app.core.meetings import carried_actions
from app.core.models.article import Article, ArticleLibrary
from app.core.models.meeting import Meeting
from app.core.text import tr
from app.report.minutes import minutes_filename, render_minutes
from app.store import StoreError
from app.ui import store_errors
from app.ui.safe import md
from app.ui.screens import meeting_common as common
from app.ui.screens.meeting_actions import actions_area
from app.ui.screens.meeting_fields import (
    Field,
    bind,
    flag_field,
    names_field,
    saved_note,
    show_conflicts,
)
from app.ui.screens.meeting_history import open_action_list
from app.ui.session import state
from app.ui.strings.i18n import t
from app.ui.widgets.questions import warn_personal_data

BIG_KEY = "mt:big"
BIG_KEPT = "mt:big-kept"
# Our own, fixed CSS (no user text): the containers keyed "mt-q-..." hold our article text.
# Large type is for the whole view, read from the back of a room: decisions, actions and notes
# as much as the article and its prompts.
BIG_TYPE = """<style>
[data-testid="stMainBlockContainer"] p, [data-testid="stMainBlockContainer"] li,
[data-testid="stMainBlockContainer"] label p,
[data-testid="stMainBlockContainer"] [data-testid="stCaptionContainer"] p {
  font-size: 1.35rem; line-height: 1.5; }
[data-testid="stMainBlockContainer"] textarea, [data-testid="stMainBlockContainer"] input {
  font-size: 1.3rem !important; line-height: 1.45; }
[data-testid="stMainBlockContainer"] h2 { font-size: 2.2rem; }
.st-key-mt-summary p { font-size: 1.6rem; line-height: 1.5; }
div[class*="st-key-mt-q-"] p { font-size: 2rem; line-height: 1.3; font-weight: 600; }
</style>"""


def render(meeting: Meeting, article: Article, lang: str) -> None:
    big = heading(meeting, article, lang)
    show_conflicts(lang)
    details(meeting, lang)
    if big:
        st.html(BIG_TYPE)
    with st.container(key="mt-summary"):
        st.write(tr(article.summary, lang))
    prompts(meeting, article, lang)
    st.header(t("mt_decisions", lang))
    text_area(meeting, ("decisions",), t("mt_decisions", lang), t("mt_decisions_placeholder", lang),
              collapsed=True)
    # What the team promised at earlier meetings, overdue first, beside what it promises now.
    open_action_list(carried_actions(common.store().of_team(meeting.team), meeting), lang,
                     heading="mt_carried", empty="mt_carried_none")
    actions_area(meeting, lang)
    st.header(t("mt_notes", lang))
    text_area(meeting, ("notes",), t("mt_notes", lang), "", collapsed=True)
    st.divider()
    closing(meeting, lang, article)


def heading(meeting: Meeting, article: Article, lang: str) -> bool:
    """Title, team and date; returns whether large type is on."""
    left, right = st.columns([4, 1], vertical_alignment="bottom")
    star = f" ★ {t('mt_principle', lang)}" if article.principle else ""
    left.title(f"{t('mt_article', lang, number=article.number)}: {tr(article.title, lang)}")
    left.caption(md(f"{meeting.team} · {meeting.date.isoformat()}") + md(star))
    with left:
        saved_note(lang)
    # The toggle's own state is dropped while the history is shown; this copy survives.
    st.session_state[BIG_KEY] = st.session_state.get(BIG_KEPT, False)
    big = right.toggle(t("mt_presentation", lang), key=BIG_KEY, on_change=_keep_big,
                       help=t("mt_presentation_help", lang))
    right.page_link(st.session_state["pages"]["present"], label=t("pr_open", lang),
                    icon=":material/slideshow:", query_params={"meeting": meeting.id})
    right.button(t("mt_close", lang), icon=":material/close:", on_click=common.set_open,
                 args=(None,))
    return bool(big)


def _keep_big() -> None:
    st.session_state[BIG_KEPT] = bool(st.session_state.get(BIG_KEY))


def details(meeting: Meeting, lang: str) -> None:
    with st.expander(t("mt_details", lang), expanded=not (meeting.participants
                                                          or meeting.participant_count)):
        c1, c2, c3 = st.columns([1, 3, 1])
        date = Field(("date",), label=t("mt_date", lang), skip=lambda v: v is None)
        c1.date_input(t("mt_date", lang), format="YYYY-MM-DD", **bind(meeting, date))
        c2.text_input(t("mt_participants", lang),
                      **bind(meeting, names_field(t("mt_participants", lang))))
        count = Field(("participant_count",), label=t("mt_count", lang))
        c3.number_input(t("mt_count", lang), min_value=0, max_value=10_000, step=1,
                        **bind(meeting, count))


def prompts(meeting: Meeting, article: Article, lang: str) -> None:
    st.header(t("mt_prompts", lang))
    for index, prompt in enumerate(article.prompts):
        with st.container(border=True, key=f"mt-p-{index}"):
            with st.container(key=f"mt-q-{index}"):
                # '**1.**' rather than '1.': a paragraph, not a list, so BIG_TYPE reaches it
                st.markdown(f"**{index + 1}.** {md(getattr(prompt, lang))}")
            label = t("mt_prompt_notes", lang, number=index + 1)
            text_area(meeting, ("prompt", index), label, t("mt_notes_placeholder", lang),
                      collapsed=True)


def text_area(meeting: Meeting, part: tuple[object, ...], label: str, placeholder: str,
              collapsed: bool = False) -> None:
    kwargs = bind(meeting, Field(part, label=label))
    st.text_area(label, placeholder=placeholder or None, height=110,
                 label_visibility="collapsed" if collapsed else "visible", **kwargs)
    warn_personal_data(st.session_state.get(kwargs["key"]), state.lang())


def closing(meeting: Meeting, lang: str, article: Article) -> None:
    """Mark the notes final, download the minutes, or delete the meeting."""
    st.header(t("mt_minutes", lang))
    c1, c2, c3 = st.columns([2, 2, 2], vertical_alignment="bottom")
    c1.toggle(t("mt_final", lang), help=t("mt_final_help", lang),
              **bind(meeting, flag_field(("status",), "final", "draft", t("mt_final", lang))))
    choice = c2.segmented_control(t("mt_minutes_lang", lang), ["sv", "en"], default=lang,
                                  required=True, key=f"mt:pdf-lang:{meeting.id}",
                                  format_func=lambda v: {"sv": "Svenska", "en": "English"}[v])
    meeting_id, library = meeting.id, state.catalog().library
    c3.download_button(
        t("mt_minutes_download", lang), type="primary", icon=":material/download:",
        data=lambda: _minutes(meeting_id, library, choice),
        file_name=minutes_filename(meeting), mime="application/pdf", on_click="ignore")
    if meeting.status == "final":
        st.info(t("mt_locked", lang), icon=":material/lock:")
    if meeting.earlier:
        last = meeting.earlier[-1]
        final = last.finalised_at.astimezone().strftime("%Y-%m-%d %H:%M") \
            if last.finalised_at else "–"
        st.caption(t("mt_version", lang, version=meeting.minutes_version, before=last.version,
                     final=final))
    st.caption(t("mt_meeting_id", lang, id=meeting.id))
    with st.popover(t("mt_delete", lang), icon=":material/delete:"):
        st.write(t("mt_delete_confirm", lang))
        st.button(t("mt_delete_yes", lang), on_click=_delete, args=(meeting.id, lang),
                  key=f"mt:delete:{meeting.id}")


def _delete(meeting_id: str, lang: str) -> None:
    try:
        common.store().delete(meeting_id)
    except StoreError as exc:  # a callback runs outside main()'s guard
        state.flash(store_errors.message(exc, lang), kind="error")
        return
    common.set_open(None)
    state.flash(t("mt_deleted", lang))


def _minutes(meeting_id: str, library: ArticleLibrary, lang: str) -> bytes:
    """The minutes as stored now, with what they carry over from earlier meetings."""
    meeting = common.store().get(meeting_id)
    carried = carried_actions(common.store().of_team(meeting.team), meeting)
    return render_minutes(meeting, library, lang=lang, carried=carried)
