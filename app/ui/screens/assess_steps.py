"""The guided page's steps: which one is open, the sidebar's section list and the buttons that
move between them."""

from __future__ import annotations

from collections.abc import Callable

import streamlit as st

from app.core.models.questionnaire import Questionnaire
from app.core.progress import SectionProgress
from app.core.text import tr
from app.ui.screens.assess_decision import DECISION_STEP, STEP_KEY
from app.ui.session import runs
from app.ui.strings.i18n import t

NAV_KEY = "nav"  #: the sidebar's section list
TO_RESULTS = "to_results"  #: "Till resultat" was clicked: the results page opens
MOVED_KEY = "step_moved"  #: set when the user opened another step: focus goes to its heading


def current_step(q: Questionnaire) -> str:
    # A page read again after an outage names its step once in the address (page_scripts).
    asked = st.query_params.get("steg")
    if asked is not None:
        del st.query_params["steg"]
        if STEP_KEY not in st.session_state:
            st.session_state[STEP_KEY] = asked.replace("-", "_")
    step = st.session_state.get(STEP_KEY) or DECISION_STEP
    if step not in {DECISION_STEP, *(s.id for s in q.sections)}:
        step = DECISION_STEP
    st.session_state[STEP_KEY] = step
    return str(step)


def go_to(step: str) -> None:
    """Open another step. Called from widget callbacks, so it takes effect in the very run the
    click starts: the section list and the buttons land on the first click."""
    st.session_state[STEP_KEY] = step
    st.session_state[NAV_KEY] = step
    moves = int(st.session_state.get("_moves", 0)) + 1  # a new number: a new focus script
    st.session_state["_moves"] = moves
    st.session_state[MOVED_KEY] = moves
    runs.whole_page()


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
             on_change=lambda: _nav_changed(ids, label, lang))


def _bare(shown: str, lang: str) -> str:
    """A section's name in the list without its progress mark (and "skipped" note)."""
    return shown.split(" ", 1)[-1].removesuffix(f" ({t('skipped', lang)})")


def _nav_changed(ids: list[str], label: Callable[[str], str], lang: str) -> None:
    """The section picked in the list. Streamlit reports the radio's value by its label, and
    a label's progress mark changes when an answer is saved: a value sent by the browser
    before that run's list arrived names no option and comes as the old label. It is read
    back by the section's name; the section already open is no move (the focus stays in the
    field being typed in), and a label that names no section changes nothing."""
    value = str(st.session_state[NAV_KEY])
    if value not in ids:
        value = next((i for i in ids if _bare(label(i), lang) == _bare(value, lang)), "")
    current = str(st.session_state.get(STEP_KEY) or DECISION_STEP)
    if value and value != current:
        go_to(value)
    else:
        st.session_state[NAV_KEY] = current


def _to_results() -> None:
    """A callback, so that the click is kept when it arrives in a run of the section alone."""
    st.session_state[TO_RESULTS] = True
    runs.whole_page()


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
    else:
        c3.button(t("to_results", lang) + " →", type="primary", use_container_width=True,
                  on_click=_to_results)
        if st.session_state.pop(TO_RESULTS, False):
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
