"""What a session may do with the assessments it sees, in the login mode and without: owner,
unit, scope and the checks pages ask. Who is signed in is app/ui/session/signin.py; the rules
themselves are app/core/access.py and app/core/roles.py.
"""

from __future__ import annotations

from collections.abc import Collection
from typing import TypeVar

import streamlit as st

from app.core import access
from app.core.access import Holding, Identity
from app.core.models.assessment import Assessment, Ownership
from app.store.people import People
from app.store.protocol import AssessmentStore
from app.store.records import Listed, Summary
from app.ui.session import signin

#: an overview row (Summary) or a page's row (Listed): both say whose it is
Row = TypeVar("Row", Summary, Listed)


def owned(assessment: Assessment) -> Assessment:
    """A new assessment (or a copy) as the logged-in person's, in their unit; unchanged in
    the local mode."""
    who = signin.person()
    if who is None:
        return assessment
    return assessment.model_copy(update={"ownership": Ownership(
        sub=who.sub, name=who.name, email=who.email, unit=who.unit)})


def ownership_line(assessment: Assessment, lang: str) -> None:
    """The login mode: whose the assessment is, and for its owner the choice to share it
    with the unit (app/core/access.py lets the unit's officials in then)."""
    from app.ui.safe import user
    from app.ui.session import state
    from app.ui.strings.i18n import t

    if not signin.configured():
        return
    o = assessment.ownership
    st.caption(t("auth_owner", lang, name=user(o.name or o.email) or "–",
                 unit=user(o.unit) or t("auth_no_unit", lang)))
    if access.may_manage_users(current_identity()):
        _give_owner(assessment, lang)
    if not o.unit or not access.may_share(current_identity(), Holding.of(assessment)):
        return
    aid = assessment.id or ""
    shared = st.toggle(t("auth_share", lang, unit=user(o.unit)), value=o.shared,
                       key=f"share:{aid}:{o.shared}", help=t("auth_share_help", lang))
    if shared != o.shared:
        def change(a: Assessment) -> Assessment:
            return a.model_copy(update={"ownership": a.ownership.model_copy(
                update={"shared": shared})})

        state.store().update(aid, change, editor=signin.editor())
        st.rerun()


def _give_owner(assessment: Assessment, lang: str) -> None:
    """An administrator gives the assessment to a handläggare who has logged in: for records
    moved in from a local folder (nobody's) and for an official who has left."""
    from app.store.people import person_of
    from app.ui.session import state
    from app.ui.strings.i18n import t

    o = assessment.ownership
    officials = [person_of(m) for m in People().with_role("handlaggare")]
    if not officials:
        return
    now = next((i for i, p in enumerate(officials) if p.sub == o.sub), None)
    aid = assessment.id or ""
    chosen = st.selectbox(t("auth_owner_change", lang), officials, index=now,
                          key=f"owner:{aid}", placeholder=t("auth_owner_none", lang),
                          format_func=lambda p: f"{p.name} <{p.email}> · {p.unit or '–'}")
    if chosen is None or chosen.sub == o.sub or not st.button(t("auth_owner_apply", lang),
                                                              key=f"owner_apply:{aid}"):
        return
    owner = Ownership(sub=chosen.sub, name=chosen.name, email=chosen.email, unit=chosen.unit,
                      shared=o.shared)
    state.store().update(aid, lambda a: a.model_copy(update={"ownership": owner}),
                         editor=signin.editor())
    st.rerun()


def holding_of(row: Summary | Listed, workshop_ids: Collection[str] = ()) -> Holding:
    return Holding(row.owner, row.unit, row.shared, row.reviewer, row.id in workshop_ids)


def visible_rows(rows: list[Row], workshop_ids: Collection[str] = ()) -> list[Row]:
    """The rows of a list this session may see (app/core/access.py decides); all of them in
    the local mode."""
    identity = current_identity()
    if not identity.login:
        return rows
    ids = set(access.visible(identity, ((r.id, holding_of(r, workshop_ids)) for r in rows)))
    return [r for r in rows if r.id in ids]


def may(rule: str, row: Summary | Listed) -> bool:
    """One of the row's buttons: "create" (a copy), "share" (delete, restore, erase)."""
    identity = current_identity()
    if rule == "create":
        return access.may_create_assessment(identity)
    return access.may_share(identity, holding_of(row))


def sees_every_row() -> bool:
    """Whether this session may read every stored assessment (no list needs a filter)."""
    return access.sees_every_row(current_identity())


def scope() -> access.Scope | None:
    """The rows a list asks the store for in this session (None: all of them)."""
    return access.scope(current_identity())


def may_create() -> bool:
    return access.may_create_assessment(current_identity())


def take_copy(store: AssessmentStore, copy: Assessment) -> Assessment:
    """A copy made in the login mode is the person's own (the source's owner stays on the
    source), recorded as one more change of the copy."""
    if signin.person() is None or copy.id is None:
        return copy
    return store.update(copy.id, owned, editor=signin.editor())


def current_identity() -> Identity:
    """This run's identity as main.py set it (a page run on its own: worked out now)."""
    identity = st.session_state.get("identity")
    if isinstance(identity, Identity):
        return identity
    from app.ui.session import workshop as workshop_state

    return workshop_state.identity()


def reviewer_input(label: str, key: str, assessment: Assessment, lang: str) -> str:
    """Whom to send the assessment to: typed in the local mode; in the login mode chosen
    among the reviewers who have logged in (not the person sending it, not its owner)."""
    from app.store.people import person_of
    from app.ui.strings.i18n import t

    me = signin.person()
    if me is None:
        return st.text_input(label, key=key)
    skip = {me.sub, assessment.ownership.sub}
    choices = [person_of(m) for m in People().with_role("granskare") if m.sub not in skip]
    if not choices:
        st.info(t("auth_no_reviewers", lang))
        return ""
    chosen = st.selectbox(t("auth_reviewer_choose", lang), choices, key=f"{key}:login",
                          format_func=lambda p: f"{p.name} <{p.email}>" if p.email else p.name)
    return chosen.signature if chosen is not None else ""


def may_review_here(assessment: Assessment) -> bool:
    return access.may_review(current_identity(), Holding.of(assessment))


def may_change_here(assessment: Assessment) -> bool:
    return access.may_change_assessment(current_identity(), assessment.id or "",
                                        Holding.of(assessment))


def signed_in_line(lang: str) -> None:
    """In the sidebar of the login mode: the name every change of this tab records."""
    from app.ui.safe import user
    from app.ui.strings.i18n import t

    who = signin.person()
    if who is not None:
        st.caption(t("auth_signed_in_as", lang, name=user(who.name)))


def may_read_record(assessment_id: str, holding: Holding) -> bool:
    """Whether this session may read another stored assessment (to be told its name)."""
    return access.may_open_assessment(current_identity(), assessment_id, holding)
