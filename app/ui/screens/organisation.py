"""Organisationen (administrators of the login mode): the profile every document carries.

The page draws the form and hands what was given to app/services/organisation.py, which checks
and writes it; locally the same file is edited beside the data."""

from __future__ import annotations

import streamlit as st
from pydantic import ValidationError
from pydantic_core import ErrorDetails

from app.core import access
from app.core.errors import LoadError
from app.core.models.organisation import Organisation
from app.core.typography import DATE_STYLES
from app.services import organisation
from app.ui.session import auth, state
from app.ui.strings.i18n import t


def render() -> None:
    lang = state.lang()
    if not access.may_set_organisation(auth.current_identity()):
        st.error(t("access_refused", lang))
        st.stop()
    state.show_flash()
    st.title(t("org_title", lang))
    path = organisation.folder_of() / organisation.FILE_NAME
    st.write(t("org_intro", lang, path=str(path)))
    try:
        current = organisation.profile()
    except LoadError as exc:
        st.error(t("org_damaged", lang, reason="; ".join(p.message for p in exc.problems)))
        current = Organisation()
    _form(current, lang)


def _said(error: ErrorDetails, lang: str) -> str:
    """A field's problem in the user's words: which field, and what is wrong with it."""
    field = str(error["loc"][0]) if error["loc"] else ""
    label = t(f"org_{'colour' if field == 'primary_colour' else field}", lang) \
        if field in _FIELDS else field
    limit = (error.get("ctx") or {}).get("max_length")
    if error["type"] == "string_too_long" and limit:
        return t("org_too_long", lang, field=label, limit=limit)
    return t("org_not_valid", lang, field=label)


_FIELDS = {"name", "unit", "address", "phone", "email", "web", "primary_colour", "logo",
           "word_template"}


def _form(current: Organisation, lang: str) -> None:
    with st.form("organisation"):
        name = st.text_input(t("org_name", lang), current.name)
        unit = st.text_input(t("org_unit", lang), current.unit)
        address = st.text_area(t("org_address", lang), current.address, height=90)
        c1, c2, c3 = st.columns(3)
        phone = c1.text_input(t("org_phone", lang), current.phone)
        email = c2.text_input(t("org_email", lang), current.email)
        web = c3.text_input(t("org_web", lang), current.web)
        colour = st.color_picker(t("org_colour", lang), current.primary_colour)
        style = st.radio(t("org_date_style", lang), list(DATE_STYLES), horizontal=True,
                         index=DATE_STYLES.index(current.date_style),
                         format_func=lambda v: t(f"org_date_{v}", lang))
        if current.logo:
            st.caption(t("org_logo_now", lang, name=current.logo))
        logo = st.file_uploader(t("org_logo", lang), type=["png", "svg"])
        st.caption(t("org_template_now", lang, name=current.word_template)
                   if current.word_template else t("org_template_none", lang))
        template = st.file_uploader(t("org_template", lang), type=["dotx", "docx"])
        remove = bool(current.word_template) and st.checkbox(t("org_remove_template", lang))
        if not st.form_submit_button(t("org_save", lang), type="primary"):
            return
    try:
        given = Organisation(name=name, unit=unit, address=address, phone=phone, email=email,
                             web=web, primary_colour=colour, date_style=style,
                             logo=current.logo,
                             word_template="" if remove else current.word_template)
        organisation.save_profile(
            given, logo=(logo.name, logo.getvalue()) if logo is not None else None,
            template=(template.name, template.getvalue()) if template is not None else None)
    except ValidationError as exc:
        st.error(t("org_invalid", lang, reason="; ".join(_said(e, lang) for e in exc.errors())))
        return
    except (ValueError, OSError) as exc:
        st.error(t("org_invalid", lang, reason=str(exc)))
        return
    state.flash(t("org_saved", lang))
    st.rerun()
