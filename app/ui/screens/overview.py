"""Översikt: the assessments, newest first; search, filter, open, duplicate, delete."""

from __future__ import annotations

from collections.abc import Collection

import streamlit as st

from app.core.numbers import count as num
from app.core.review_comments import returned
from app.services.erase import erase_for_good
from app.store import AssessmentStore, NotFound, data_dir
from app.store.records import Listed, Total
from app.store.workshops import workshop_assessment_ids
from app.ui.safe import md, plain, user
from app.ui.screens import reminders
from app.ui.session import auth, signin, state
from app.ui.strings.i18n import t

PAGE_SIZE = 50  #: rows on one page of the overview
_PAGE_KEY = "overview_page"  #: the page shown, from 0
_SEARCH_KEY = "overview_search"  #: the search and status the page number belongs to
STATUSES = ("draft", "complete", "in_review", "approved", "decided", "followed_up")


def render() -> None:
    lang = state.lang()
    state.show_flash()
    st.title(t("overview_title", lang))
    top = st.columns([3, 2, 1])
    query = top[0].text_input(t("search", lang), placeholder=t("search_placeholder", lang))
    status = top[1].selectbox(
        t("status", lang),
        [None, *STATUSES],
        format_func=lambda s: t("all", lang) if s is None else t(f"status_{s}", lang),
    )
    top[2].write("")
    if auth.may_create() and top[2].button(t("new_assessment", lang), type="primary",
                                           use_container_width=True):
        state.set_open(None)
        st.query_params.clear()
        st.switch_page(st.session_state["pages"]["assess"])
    store = state.store()
    hidden = workshop_assessment_ids()  # workshop groups' work is not the official's
    reminders.render(lang, set(hidden))  # the person's own: measures, follow-ups, reviews
    rows, total = _page(store, query, status, hidden)
    if not rows:
        st.info(t("overview_empty", lang) if not query and not status else t("no_match", lang))
    cat = state.catalog()
    sent_back = _returned(store, rows)
    for item in rows:
        with st.container(border=True, key=f"bka-row-{item.id}"):  # buttons named by title
            c1, c2 = st.columns([5, 3])
            c1.markdown(f"**{user(item.title)}**")
            if item.id in sent_back:  # the official's turn: it must not look like any draft
                c1.warning(t("overview_returned", lang), icon=":material/undo:")
            q = cat.questionnaire(item.questionnaire)
            meta = [
                user(item.case_number),  # each piece of user text in its own isolate
                user(item.committee),
                md(tr_title(q, lang)),
                md(t(f"status_{item.status}", lang)),
                md(t("updated_at", lang, when=item.updated.strftime("%Y-%m-%d %H:%M")))
                if item.updated
                else "",
            ]
            c1.caption(" · ".join(m for m in meta if m))
            b1, b2, b3 = c2.columns(3)
            if b1.button(t("open", lang), key=f"open:{item.id}", use_container_width=True):
                state.set_open(item.id)
                st.session_state.pop("step", None)
                st.switch_page(st.session_state["pages"]["assess"])
            if auth.may("create", item) and b2.button(
                    t("duplicate", lang), key=f"dup:{item.id}", use_container_width=True):
                copy = auth.take_copy(store, store.duplicate(item.id, editor=signin.editor()))
                state.flash(t("duplicated", lang, title=user(copy.decision.title)))
                st.rerun()
            if auth.may("share", item) and b3.button(
                    t("delete", lang), key=f"del:{item.id}", use_container_width=True):
                st.session_state["confirm_delete"] = item.id
            if st.session_state.get("confirm_delete") == item.id:
                st.warning(t("confirm_delete", lang))
                y, n = st.columns(2)
                if y.button(t("yes_delete", lang), key=f"yes:{item.id}", type="primary"):
                    store.delete(item.id, editor=signin.editor())
                    st.session_state.pop("confirm_delete", None)
                    if state.open_id() == item.id:
                        state.set_open(None)
                        st.query_params.clear()
                    state.flash(t("deleted", lang))
                    st.rerun()
                if n.button(t("cancel", lang), key=f"no:{item.id}"):
                    st.session_state.pop("confirm_delete", None)
                    st.rerun()
    _pager(lang, len(rows), total)
    trash(lang)


def _returned(store: AssessmentStore, rows: list[Listed]) -> set[str]:
    """The page's drafts that the reviewer sent back (only drafts are read again)."""
    drafts = [r.id for r in rows if r.status == "draft"]
    try:
        return {a.id or "" for a in store.get_many(drafts) if returned(a)} if drafts else set()
    except NotFound:  # deleted in another tab since the page was listed: no mark this time
        return set()


def _page(store: AssessmentStore, query: str, status: str | None,
          hidden: Collection[str]) -> tuple[list[Listed], int]:
    """The one page of rows the store reads (through its index: about 100,000 rows in a
    database are never read whole), the role filter over it, and the count for the role.
    The scope (app/core/access.Scope) admits exactly the rows visible() lets through once the
    workshop groups' are excluded (tests/test_overview_pages.py checks every combination), so
    the store's count is the role's; should visible() ever drop a row the scope returned, the
    count drops with it rather than promise a row nobody is shown."""
    search = (query, status)
    if st.session_state.get(_SEARCH_KEY) != search:  # a new search starts at its first page
        st.session_state[_SEARCH_KEY] = search
        st.session_state[_PAGE_KEY] = 0
    number = max(0, int(st.session_state.get(_PAGE_KEY, 0)))
    def read(at: int) -> tuple[list[Listed], int]:
        return store.page(query, status, limit=PAGE_SIZE,  # type: ignore[arg-type]
                          offset=at * PAGE_SIZE, exclude=hidden, scope=auth.scope())

    rows, total = read(number)
    if not rows and number > 0 and total > 0:  # rows gone meanwhile: the last page there is
        number = (total - 1) // PAGE_SIZE
        rows, total = read(number)
    st.session_state[_PAGE_KEY] = number
    shown = auth.visible_rows(rows, hidden)
    # the total may be "at least" (the store counts up to a cap: Total); it keeps saying so
    return shown, Total(total - (len(rows) - len(shown)), getattr(total, "exact", True))


def _pager(lang: str, shown: int, total: int) -> None:
    """'Visar 51–100 av 1 234' (or 'av fler än 1 050' where the store stopped counting) and
    the buttons to the pages before and after."""
    number = int(st.session_state.get(_PAGE_KEY, 0))
    if total == 0:
        return
    first = number * PAGE_SIZE + 1
    more = not getattr(total, "exact", True)  # counted up to a cap: "of more than N"
    st.caption(t("overview_showing_more" if more else "overview_showing", lang,
                 first=num(first, lang), last=num(first + max(shown, 1) - 1, lang),
                 total=num(total, lang)))
    if total <= PAGE_SIZE and number == 0:
        return
    back, forward = st.columns(2)
    if back.button(t("overview_previous", lang), key="overview-previous",
                   disabled=number == 0, use_container_width=True):
        st.session_state[_PAGE_KEY] = number - 1
        st.rerun()
    if forward.button(t("overview_next", lang), key="overview-next",
                      disabled=first + PAGE_SIZE > total, use_container_width=True):
        st.session_state[_PAGE_KEY] = number + 1
        st.rerun()


def tr_title(q: object, lang: str) -> str:
    from app.core.text import tr

    return tr(getattr(q, "title", None), lang) if q is not None else ""


def trash(lang: str) -> None:
    store = state.store()
    deleted = [row for row in store.deleted() if auth.may("share", row)]  # owner, admin
    if not deleted:
        return
    with st.expander(t("trash", lang, count=len(deleted))):
        st.caption(t("trash_intro", lang))
        for item in deleted:
            row = st.container(key=f"bka-row-trash-{item.id}")  # buttons named by title
            c1, c2, c3 = row.columns([5, 1, 1])
            c1.text(plain(item.title))
            if c2.button(t("restore", lang), key=f"restore:{item.id}"):
                store.restore(item.id, editor=signin.editor())
                state.flash(t("restored", lang))
                st.rerun()
            if c3.button(t("purge", lang), key=f"purge:{item.id}"):
                st.session_state["confirm_purge"] = item.id
            if st.session_state.get("confirm_purge") == item.id:
                st.warning(t("confirm_purge", lang))
                if st.button(t("yes_purge", lang), key=f"yes_purge:{item.id}", type="primary"):
                    erase_for_good(store, item.id, data_dir())
                    st.session_state.pop("confirm_purge", None)
                    state.flash(t("purged", lang))
                    st.rerun()
