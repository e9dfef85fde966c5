"""The login mode's rules: roles from the token or the mapping file, every page for every
role, every assessment for every role, without Streamlit."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from app.core import access, lifecycle
from app.core.access import Holding, Identity
from app.core.models.assessment import Assessment, Decision, Ownership, QuestionnaireRef
from app.core.roles import (
    ROLES,
    Person,
    RoleMap,
    parse_role_map,
    person_from_claims,
    roles_from,
)
from app.core.signature import display_name, subject_of
from app.core.yamlsource import parse_yaml

ANNA = Person("sub-anna", "Anna Berg", "anna@kommun.se", frozenset({"handlaggare"}), "Soc")
BO = Person("sub-bo", "Bo Ek", "bo@kommun.se", frozenset({"handlaggare"}), "Soc")
CARL = Person("sub-carl", "Carl Dahl", "carl@kommun.se", frozenset({"handlaggare"}), "Skola")
GRETA = Person("sub-greta", "Greta Gran", "greta@kommun.se", frozenset({"granskare"}), "Soc")
ULF = Person("sub-ulf", "Ulf Utb", "ulf@kommun.se", frozenset({"utbildare"}))
ADA = Person("sub-ada", "Ada Admin", "ada@kommun.se", frozenset({"administrator"}))
NOBODY = Person("sub-x", "Ny Person", "ny@kommun.se")


def logged_in(person: Person | None) -> Identity:
    # local=True on purpose: behind a proxy every browser is 127.0.0.1, which must not count
    return Identity(local=True, login=True, person=person)


#: the pages each role must reach and nothing more (the account page for everyone)
EXPECTED = {
    "handlaggare": {"overview", "assess", "results", "voices", "dashboard", "articles",
                    "meeting", "present", "join", "account"},
    "granskare": {"overview", "assess", "results", "dashboard", "articles", "join", "account"},
    "utbildare": {"articles", "meeting", "present", "workshop", "join", "account"},
    "administrator": {*access.ALL_PAGES, "users", "organisation", "account"},
}


@pytest.mark.parametrize("page", access.LOGIN_PAGES)
@pytest.mark.parametrize("role", ROLES)
def test_every_page_for_every_role(role: str, page: str) -> None:
    person = Person("s", "N", "n@x.se", frozenset({role}), "U")  # type: ignore[arg-type]
    assert access.may_open_page(logged_in(person), page) == (page in EXPECTED[role])


@pytest.mark.parametrize("page", access.LOGIN_PAGES)
def test_before_login_only_the_login_and_join_pages(page: str) -> None:
    assert access.may_open_page(logged_in(None), page) == (page in {"account", "join"})
    assert access.may_open_page(logged_in(NOBODY), page) == (page == "account")


def test_a_person_with_two_roles_gets_both_and_the_pages_keep_their_order() -> None:
    both = Person("s", "N", "", frozenset({"granskare", "utbildare"}))
    pages = access.pages(logged_in(both))
    assert set(pages) == EXPECTED["granskare"] | EXPECTED["utbildare"]
    assert list(pages) == [p for p in access.LOGIN_PAGES if p in pages]


def test_the_users_page_is_the_administrators_only() -> None:
    assert access.may_manage_users(logged_in(ADA))
    for p in (ANNA, GRETA, ULF, NOBODY):
        assert not access.may_manage_users(logged_in(p))
    assert not access.may_manage_users(Identity(local=True))  # local mode: no such page


ANNAS = Holding(owner="sub-anna", unit="Soc")
ANNAS_SHARED = Holding(owner="sub-anna", unit="Soc", shared=True)
SENT_TO_GRETA = Holding(owner="sub-anna", unit="Soc", reviewer="sub-greta")
OLD_LOCAL = Holding()  # a record from the local mode (bka migrate): nobody's
GROUPS = Holding(workshop=True)

#: (holding, person) -> (may read, may change)
CASES = [
    (ANNAS, ANNA, True, True), (ANNAS, BO, False, False), (ANNAS, CARL, False, False),
    (ANNAS, GRETA, False, False), (ANNAS, ULF, False, False), (ANNAS, ADA, True, True),
    (ANNAS, NOBODY, False, False),
    (ANNAS_SHARED, BO, True, True), (ANNAS_SHARED, CARL, False, False),
    (ANNAS_SHARED, GRETA, False, False),
    (SENT_TO_GRETA, GRETA, True, False), (SENT_TO_GRETA, BO, False, False),
    (SENT_TO_GRETA, ANNA, True, True),
    (OLD_LOCAL, ANNA, False, False), (OLD_LOCAL, GRETA, False, False),
    (OLD_LOCAL, ADA, True, True),
    (GROUPS, ANNA, False, False), (GROUPS, ULF, False, False), (GROUPS, ADA, True, True),
]


@pytest.mark.parametrize(("holding", "person", "read", "change"), CASES)
def test_every_assessment_address_for_every_role(holding: Holding, person: Person,
                                                 read: bool, change: bool) -> None:
    """What /analys?id=…, /resultat?id=… and /barnens-roster?id=… decide through."""
    me = logged_in(person)
    assert access.may_open_assessment(me, "a1", holding) is read
    assert access.may_change_assessment(me, "a1", holding) is change
    assert access.visible(me, [("a1", holding)]) == (["a1"] if read else [])


def test_unknown_holding_and_no_login_are_refused() -> None:
    assert not access.may_open_assessment(logged_in(ADA), "a1", None)
    assert not access.may_open_assessment(logged_in(None), "a1", ANNAS)
    assert not access.may_change_assessment(logged_in(None), "a1", ANNAS)


def test_a_unit_shared_with_nobody_named_opens_to_nobody_else() -> None:
    unitless = Person("sub-z", "Z", "", frozenset({"handlaggare"}), "")
    assert not access.may_open_assessment(logged_in(unitless), "a1",
                                          Holding(owner="sub-q", unit="", shared=True))


def test_only_the_reviewer_it_was_sent_to_reviews() -> None:
    assert access.may_review(logged_in(GRETA), SENT_TO_GRETA)
    other = Person("sub-h", "H", "", frozenset({"granskare"}), "Soc")
    assert not access.may_review(logged_in(other), SENT_TO_GRETA)
    assert not access.may_review(logged_in(ANNA), SENT_TO_GRETA)  # the owner: not herself
    assert access.may_review(Identity(local=True), SENT_TO_GRETA)  # local mode: typed names


def test_creating_sharing_and_workshops_by_role() -> None:
    assert access.may_create_assessment(logged_in(ANNA))
    assert not access.may_create_assessment(logged_in(GRETA))
    assert not access.may_create_assessment(logged_in(None))
    assert access.may_share(logged_in(ANNA), ANNAS)
    assert not access.may_share(logged_in(BO), ANNAS_SHARED)  # may change it, not delete
    assert access.may_share(logged_in(ADA), ANNAS)
    assert access.may_list_workshops(logged_in(ULF))
    assert not access.may_list_workshops(logged_in(ANNA))


def test_a_group_device_in_the_login_mode_needs_no_account_and_gets_its_own_only() -> None:
    group = Identity(local=False, group_assessment="g1", group_device=True, login=True)
    assert access.pages(group) == access.GROUP_PAGES
    assert access.may_open_assessment(group, "g1")
    assert not access.may_open_assessment(group, "a1", ANNAS)
    assert access.may_change_assessment(group, "g1")


def test_the_local_mode_is_unchanged() -> None:
    me = Identity(local=True)
    assert access.pages(me) == access.ALL_PAGES
    assert access.may_open_assessment(me, "a1")
    assert access.may_change_assessment(me, "a1")
    assert access.pages(Identity(local=False)) == access.REMOTE_PAGES


def test_roles_come_from_the_token_claim_in_any_spelling() -> None:
    assert roles_from(["BKA.Handläggare", "Granskare", "reviewer", "ADMIN", "other.app"]) == {
        "handlaggare", "granskare", "administrator"}
    p = person_from_claims({"sub": "s1", "name": "Anna", "email": "a@k.se",
                            "roles": ["Utbildare"], "unit": "Kultur"}, RoleMap())
    assert p == Person("s1", "Anna", "a@k.se", frozenset({"utbildare"}), "Kultur")
    assert person_from_claims({"email": "a@k.se"}, RoleMap()) is None  # no subject: no one


ROLES_YAML = """\
users:
  - email: Anna@Kommun.se
    roles: [handläggare]
    unit: Socialförvaltningen
  - sub: sub-greta
    name: Greta Gran
    roles: granskare
    unit: Socialförvaltningen
"""


def test_the_mapping_file_is_the_fallback_when_the_token_has_no_roles() -> None:
    source = parse_yaml(ROLES_YAML, "roles.yaml")
    mapping, problems = parse_role_map(source.data, "roles.yaml", source.line_of)
    assert problems == []
    anna = person_from_claims({"sub": "x1", "email": "anna@kommun.se"}, mapping)
    assert anna is not None and anna.roles == {"handlaggare"}
    assert anna.unit == "Socialförvaltningen"
    greta = person_from_claims({"sub": "sub-greta"}, mapping)
    assert greta is not None and greta.name == "Greta Gran" and greta.has("granskare")
    # The token's own roles win over the file's; the file's unit stays.
    claimed = person_from_claims({"sub": "x1", "email": "anna@kommun.se",
                                  "roles": ["granskare"]}, mapping)
    assert claimed is not None and claimed.roles == {"granskare"}
    assert claimed.unit == "Socialförvaltningen"
    stranger = person_from_claims({"sub": "x9", "email": "x@k.se"}, mapping)
    assert stranger is not None and stranger.roles == frozenset()


def test_a_bad_mapping_file_says_what_and_where(tmp_path: Path) -> None:
    text = "users:\n  - email: a@k.se\n    roles: [chef]\n  - roles: [granskare]\n    colour: 1\n"
    source = parse_yaml(text, "roles.yaml")
    mapping, problems = parse_role_map(source.data, "roles.yaml", source.line_of)
    messages = [str(p) for p in problems]
    assert any(m.startswith("roles.yaml:2: users[1]: unknown role(s) chef") for m in messages)
    assert any(m.startswith("roles.yaml:4: users[2]: unknown key(s) colour") for m in messages)
    assert any("users[2]: give sub or email" in m for m in messages)
    assert mapping.find("", "a@k.se") is not None and mapping.find("", "a@k.se").roles == set()
    assert parse_role_map({"people": []}, "r.yaml")[1][0].message.startswith(
        "the file must hold 'users:'")


def test_a_signature_records_name_email_and_subject() -> None:
    sig = ANNA.signature
    assert sig == "Anna Berg <anna@kommun.se> [sub-anna]"
    assert subject_of(sig) == "sub-anna"
    assert display_name(sig) == "Anna Berg <anna@kommun.se>"
    assert subject_of("Anna Berg") == ""  # a typed name of the local mode


def _complete(owner: Person) -> Assessment:
    return Assessment(
        questionnaire=QuestionnaireRef(id="q", version="1"), status="complete",
        decision=Decision(title="Skolskjuts", official=owner.name),
        ownership=Ownership(sub=owner.sub, name=owner.name, email=owner.email,
                            unit=owner.unit))


def test_the_lifecycle_compares_logged_in_people_by_subject() -> None:
    now = dt.datetime(2026, 12, 1, tzinfo=dt.UTC)
    a = _complete(ANNA)
    sent = lifecycle.send_for_review(a, GRETA.signature, ANNA.signature, now)
    assert sent.review.reviewer_sub == "sub-greta"
    assert Holding.of(sent).reviewer == "sub-greta"
    # The owner cannot be the reviewer, whatever name her signature carries now.
    renamed = Person("sub-anna", "Anna Berg-Lind", "anna@kommun.se")
    with pytest.raises(lifecycle.LifecycleRefused):
        lifecycle.send_for_review(a, renamed.signature, BO.signature, now)
    # Greta approves under a new name: the subject id is what counts.
    greta_renamed = Person("sub-greta", "Greta Gran-Ek", "greta@kommun.se")
    approved = lifecycle.approve(sent, greta_renamed.signature, "Bra.", now)
    assert approved.status == "approved"
    impostor = Person("sub-other", "Greta Gran", "greta@kommun.se")  # same name, other person
    with pytest.raises(lifecycle.LifecycleRefused):
        lifecycle.approve(sent, impostor.signature, "", now)


def test_the_shipped_examples_are_what_the_app_reads() -> None:
    """roles.example.yaml loads without a problem; secrets.example.toml has every key the
    login needs (and nothing that could pass for a real secret)."""
    import tomllib

    from app.core.yamlsource import read_yaml
    from app.services.paths import ROOT

    source = read_yaml(ROOT / "roles.example.yaml")
    mapping, problems = parse_role_map(source.data, source.file, source.line_of)
    assert problems == [] and len(mapping.users) == 4
    admin = mapping.find("", "IT-BKA@example-kommun.se")
    assert admin is not None and admin.roles == {"administrator"}
    auth = tomllib.loads((ROOT / ".streamlit" / "secrets.example.toml").read_text())["auth"]
    assert {"redirect_uri", "cookie_secret", "client_id", "client_secret",
            "server_metadata_url"} <= set(auth)
    assert auth["redirect_uri"].endswith("/oauth2callback")
    assert auth["cookie_secret"].startswith("REPLACE")


@pytest.mark.parametrize(("holding", "person", "read", "change"), CASES)
def test_a_lists_scope_never_drops_a_row_the_rules_would_show(
        holding: Holding, person: Person, read: bool, change: bool) -> None:
    """The store is asked for the scope's rows only: it must hold every row visible() keeps."""
    scope = access.scope(logged_in(person))
    if scope is None:
        assert person.admin
        return
    admitted = scope.admits(holding.owner, holding.unit, holding.shared, holding.reviewer)
    assert admitted or not read


def test_a_scope_for_each_kind_of_session() -> None:
    assert access.scope(Identity(local=True)) is None  # the local mode: every row
    assert access.scope(logged_in(ADA)) is None
    assert access.scope(logged_in(None)) == access.Scope()  # nothing before login
    assert access.scope(logged_in(ANNA)) == access.Scope(owner="sub-anna", unit="Soc")
    assert access.scope(logged_in(GRETA)) == access.Scope(reviewer="sub-greta")
    assert access.scope(logged_in(ULF)) == access.Scope()
    assert not access.Scope().admits("", "", True, "")
