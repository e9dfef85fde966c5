"""What every page shares: the catalog, the store, the language and the open assessment."""

from __future__ import annotations

from typing import Any

import streamlit as st

from app.core.catalog import Catalog
from app.core.errors import LoadError
from app.services.shipped import catalog as shipped_catalog
from app.store import AssessmentStore, data_dir, open_store
from app.ui.session import prefs
from app.ui.strings.i18n import t

LANG_KEY = "lang"
OPEN_KEY = "open_assessment"


@st.cache_resource(show_spinner=False)
def _catalog() -> Catalog:
    # cache_resource, not cache_data: the catalog is immutable and copying it on every rerun
    # would cost more than the rerun itself.
    return shipped_catalog()


def catalog() -> Catalog:
    """The shipped catalog; a broken questionnaire stops the page with the loader's messages."""
    try:
        return _catalog()
    except LoadError as exc:
        st.error(t("catalog_broken", lang()))
        st.code("\n".join(p.both() for p in exc.problems), language=None)
        st.stop()
        raise


@st.cache_resource(show_spinner=False)
def _store(folder: str) -> AssessmentStore:
    # One handle per data folder: it holds the lock that serialises every session's writes.
    return open_store(folder)


def store() -> AssessmentStore:
    return _store(str(data_dir()))


def lang() -> str:
    if LANG_KEY not in st.session_state:
        st.session_state[LANG_KEY] = prefs.load().get("lang", "sv")
    value: str = st.session_state[LANG_KEY]
    return value


def set_lang(value: str) -> None:
    st.session_state[LANG_KEY] = value
    prefs.save({**prefs.load(), "lang": value})


def open_id() -> str | None:
    """The assessment being worked on: from this session, or from the address after a reload."""
    current: str | None = st.session_state.get(OPEN_KEY)
    if not current and st.query_params.get("id"):
        current = st.query_params["id"]
        st.session_state[OPEN_KEY] = current  # page links drop the address's ?id=
    return current


def keep_in_address(name: str, value: str) -> None:
    """Put `name=value` in the address so that a reload finds it, only when it is not there:
    writing the address on every run pushed it to the browser again, and a run that ended
    after the user had clicked a sidebar link took the browser back to the page it left."""
    if st.query_params.get(name) != value:
        st.query_params[name] = value


def set_open(assessment_id: str | None) -> None:
    st.session_state[OPEN_KEY] = assessment_id
    for key in [k for k in st.session_state if isinstance(k, str) and k.startswith("q:")]:
        del st.session_state[key]


def flash(message: str, kind: str = "success") -> None:
    """A message shown once on the next run (survives a page switch)."""
    st.session_state.setdefault("_flash", []).append((kind, message))


def flash_waiting() -> bool:
    """Whether a message of `flash` waits to be shown (at the top of the page)."""
    return bool(st.session_state.get("_flash"))


def show_flash() -> None:
    """The messages of `flash`, in a slot of their own (`show_once`)."""
    show_once(st.session_state.pop("_flash", []))


def show_once(messages: list[tuple[str, str]]) -> None:
    """Messages that are shown for one run, as (kind, text), in a slot drawn on every run
    whether or not it holds one: a message that came for one run and went in the next moved
    every element below it, and the browser drew those anew (text being typed in a box below
    was taken away with its box)."""
    with st.container():
        for kind, message in messages:
            getattr(st, kind)(message)


def remember(key: str, value: Any) -> None:
    st.session_state[key] = value
