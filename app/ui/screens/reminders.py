"""Översikt's reminders for the person using the app: measures they own that are overdue or
due soon, follow-ups due of their decided assessments, assessments waiting for their review.

Draws only: who the person is comes from app/ui/whoami.current_name (the typed name locally,
the logged-in person later); what is due is app/core/reminders.reminders, over the facts the
council overview keeps (app/services/dashboard_facts.py), so the start page scores nothing new."""

from __future__ import annotations

import datetime as dt

import streamlit as st

from app.core.reminders import Reminder, reminders
from app.services.dashboard_facts import current_facts
from app.store import data_dir
from app.ui.safe import md, user
from app.ui.session import auth, signin, state, whoami
from app.ui.strings.i18n import t


def _text(r: Reminder, lang: str) -> str:
    due = r.due.isoformat() if r.due else ""
    if r.kind in ("review", "returned"):
        return t(f"rem_{r.kind}", lang)
    when = "overdue" if r.overdue else "soon"
    return t(f"rem_{r.kind}_{when}", lang, due=due, what=r.what)


def render(lang: str, hidden: set[str]) -> None:
    """The reminders of the person named; `hidden` are ids the official's list leaves out."""
    name = whoami.current_name()
    logged_in = signin.person() is not None
    if not logged_in:  # logged in, the reminders are the person's own: no name to type
        typed = st.text_input(t("rem_name", lang), value=name, key="rem_name",
                              help=t("rem_name_help", lang))
        if " ".join(typed.split()) != name:
            whoami.set_name(typed)
            name = whoami.current_name()
    if not name:
        return
    store = state.store()
    # Logged in, only what the roles let this person see is counted (app/core/access.py).
    rows = auth.visible_rows(store.list(scope=auth.scope()), hidden) if logged_in else None
    cases, _ = current_facts(store, state.catalog(), data_dir(), rows)
    person = signin.person()
    mine = [r for r in reminders(cases, name, dt.date.today(),
                                 me_sub=person.sub if person is not None else "",
                                 me_email=person.email if person is not None else "")
            if r.id not in hidden]
    with st.container(border=True, key="bka-reminders"):
        st.header(t("rem_title", lang))  # h2 under the page's h1: headings in order
        if not mine:
            st.caption(md(t("rem_none", lang, name=name)))
            return
        for r in mine:
            c1, c2 = st.columns([5, 1])
            mark = ":material/warning:" if r.overdue else ":material/schedule:"
            c1.markdown(f"{mark} **{user(r.title)}** · {md(_text(r, lang))}")
            if c2.button(t("open", lang), key=f"rem_open:{r.kind}:{r.id}:{r.what[:20]}"):
                state.set_open(r.id)
                st.session_state.pop("step", None)
                st.switch_page(st.session_state["pages"]["results"])
