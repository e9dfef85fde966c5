"""Who may open what, decided from the session's identity, below the pages.

In the local mode there is no login. What a session is comes from where it connects from and
what it did:

- a session on this machine (127.0.0.1 / ::1) is the machine's user: every page;
- a session from another machine (a training room with `bka serve --lan`) reaches only the
  join page and the trainer's page, and the trainer's page only with the trainer's key;
- a session that joined a group reaches only that group's case, assessment and results, and
  stays a group device after "Lämna gruppen": it can join again, nothing more.

In the server mode with login (`[auth]` in .streamlit/secrets.toml, see app/core/roles.py)
where a session connects from counts for nothing (behind a proxy every browser is
127.0.0.1): a session that has not logged in reaches the login page and the join page, a
logged-in person the pages of their roles, and each assessment by its owner, unit and
reviewer (`Holding`):

- handläggare: their own assessments and those their unit's officials shared with it;
- granskare: the assessments sent to them for review (read, comment, approve, return);
- utbildare: workshops (and the meeting mode, the articles);
- administratör: everything, and the page of users and roles.

Workshop groups still join with a code and no account, limited to their own assessment.

Pages call these functions; navigation shows what they allow, and a page asked for by address
checks again (main.py), so a hidden page is also a refused one.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from app.core.models.assessment import Assessment
from app.core.roles import Person, Role

#: The pages of the app, by the names main.py gives them.
ALL_PAGES = ("overview", "assess", "results", "voices", "dashboard", "articles", "data",
             "present", "meeting", "workshop", "join")
GROUP_PAGES = ("join", "assess", "results")  #: a joined group: its case, assessment, results
REMOTE_PAGES = ("join", "workshop")  #: another machine, not in a group
LEFT_PAGES = ("join",)  #: a group device that left its group
#: login mode: not logged in yet (a group device still joins without an account)
ANONYMOUS_PAGES = ("account", "join")
#: login mode: the pages each role opens; a person with several roles gets them all
ROLE_PAGES: dict[Role, tuple[str, ...]] = {
    "handlaggare": ("overview", "assess", "results", "voices", "dashboard", "articles",
                    "meeting", "present", "join"),
    "granskare": ("overview", "assess", "results", "dashboard", "articles", "join"),
    "utbildare": ("articles", "meeting", "present", "workshop", "join"),
    "administrator": (*ALL_PAGES, "users", "organisation"),
}
#: every page of the login mode, in navigation order
LOGIN_PAGES = (*ALL_PAGES, "users", "organisation", "account")


@dataclass(frozen=True)
class Identity:
    """What the server knows about one browser session."""

    local: bool  #: connected from this machine
    group_assessment: str | None = None  #: the assessment of the group it joined, if any
    group_device: bool = False  #: joined a group in this session (also after leaving)
    trainer_of: frozenset[str] = field(default_factory=frozenset)  #: workshops it holds the key of
    login: bool = False  #: the server mode with login: `person` decides, not `local`
    person: Person | None = None  #: who logged in (login mode only)

    @property
    def restricted(self) -> bool:
        """Not the machine's own user: a group device, or a browser on another machine. In
        the login mode every session is, and its person's roles open what they open."""
        return (self.group_device or self.group_assessment is not None or not self.local
                or self.login)

    @property
    def in_group(self) -> bool:
        return self.group_device or self.group_assessment is not None


@dataclass(frozen=True)
class Holding:
    """What the rules need to know of one assessment: whose it is, whose unit, to whom it was
    sent for review, whether a workshop group works on it."""

    owner: str = ""  #: the owner's subject id ('' for records from the local mode)
    unit: str = ""
    shared: bool = False  #: shared with the owner's unit
    reviewer: str = ""  #: the subject id of the reviewer it was sent to
    workshop: bool = False  #: a workshop group's assessment

    @classmethod
    def of(cls, assessment: Assessment, *, workshop: bool = False) -> Holding:
        o = assessment.ownership
        return cls(o.sub, o.unit, o.shared, assessment.review.reviewer_sub, workshop)


def pages(identity: Identity) -> tuple[str, ...]:
    """The pages this session may open, in navigation order."""
    if identity.group_assessment is not None:
        return GROUP_PAGES
    if identity.group_device:
        return LEFT_PAGES
    if identity.login:
        if identity.person is None:
            return ANONYMOUS_PAGES
        granted = {p for role in identity.person.roles for p in ROLE_PAGES[role]}
        return tuple(p for p in LOGIN_PAGES if p in granted or p == "account")
    if not identity.local:
        return REMOTE_PAGES
    return ALL_PAGES


def may_open_page(identity: Identity, page: str) -> bool:
    return page in pages(identity)


def may_open_assessment(identity: Identity, assessment_id: str,
                        holding: Holding | None = None) -> bool:
    """Whether this session may read the assessment. A group session opens only its own
    group's; in the local mode the machine's user any; in the login mode what the person's
    roles give them of this `holding` (none known: refused)."""
    if identity.in_group or not identity.login:
        if identity.restricted:
            return (identity.group_assessment is not None
                    and assessment_id == identity.group_assessment)
        return True
    if identity.person is None or holding is None:
        return False
    return may_change_assessment(identity, assessment_id, holding) or _reviews(
        identity.person, holding)


def sees_every_row(identity: Identity) -> bool:
    """Whether this session may read every stored assessment (may_open_assessment gives yes
    whatever the holding): the machine's own user, an administrator in the login mode. Its
    lists and counts need no filter, so the council overview is counted by the database
    instead of row by row."""
    if identity.in_group or not identity.login:
        return not identity.restricted
    return identity.person is not None and identity.person.admin


def may_change_assessment(identity: Identity, assessment_id: str,
                          holding: Holding | None = None) -> bool:
    """Whether this session may change the assessment's answers and decision: its group, the
    machine's user, or (login mode) its owner, an official of its unit when it is shared,
    an administrator."""
    if identity.in_group or not identity.login:
        return may_open_assessment(identity, assessment_id)
    person = identity.person
    if person is None or holding is None:
        return False
    if person.admin:
        return True
    if holding.workshop or not person.has("handlaggare"):
        return False
    if holding.owner and holding.owner == person.sub:
        return True
    return holding.shared and bool(holding.unit) and holding.unit == person.unit


def may_review(identity: Identity, holding: Holding) -> bool:
    """Comment on, approve or return it: the reviewer it was sent to, or (local mode) the
    machine's user, whose typed names the lifecycle rules compare."""
    if identity.in_group:
        return False
    if not identity.login:
        return not identity.restricted
    person = identity.person
    return person is not None and (person.admin or _reviews(person, holding))


def _reviews(person: Person, holding: Holding) -> bool:
    return person.has("granskare") and bool(holding.reviewer) and holding.reviewer == person.sub


def may_create_assessment(identity: Identity) -> bool:
    """A new assessment (or a copy): the machine's user, a handläggare, an administrator."""
    if not identity.login:
        return not identity.restricted
    person = identity.person
    return person is not None and not identity.in_group and (
        person.admin or person.has("handlaggare"))


def may_share(identity: Identity, holding: Holding) -> bool:
    """Share with the unit or stop sharing, delete: the owner or an administrator."""
    person = identity.person
    if not identity.login or person is None or identity.in_group:
        return not identity.restricted
    return person.admin or (bool(holding.owner) and holding.owner == person.sub)


@dataclass(frozen=True)
class Scope:
    """The rows a list may hold for one person, as a store can ask for them (indexed
    columns, no document read): theirs, their unit's shared ones, those sent to them.
    visible() still decides; a scope only keeps a 100,000-row list from being read whole."""

    owner: str = ""  #: rows this subject owns
    unit: str = ""  #: rows shared with this unit
    reviewer: str = ""  #: rows sent to this subject for review

    def admits(self, owner: str, unit: str, shared: bool, reviewer: str) -> bool:
        return bool((self.owner and owner == self.owner)
                    or (self.unit and shared and unit == self.unit)
                    or (self.reviewer and reviewer == self.reviewer))


def scope(identity: Identity) -> Scope | None:
    """What a list must at most hold for this session; None for every row (the local mode,
    an administrator)."""
    if not identity.login or identity.in_group:
        return None
    person = identity.person
    if person is None:
        return Scope()
    if person.admin:
        return None
    mine = person.has("handlaggare")
    return Scope(owner=person.sub if mine else "", unit=person.unit if mine else "",
                 reviewer=person.sub if person.has("granskare") else "")


def visible(identity: Identity, rows: Iterable[tuple[str, Holding]]) -> list[str]:
    """The ids of the rows this session may see in a list (the overview, the council's
    overview), in their order."""
    return [aid for aid, holding in rows if may_open_assessment(identity, aid, holding)]


def may_run_workshop(identity: Identity, workshop_id: str) -> bool:
    """The trainer's view of a workshop (codes, progress, comparison, notes): in the login
    mode an utbildare or an administrator; without a login a session that created it or gave
    its trainer key, or a browser that did (its kept secret); never a group device."""
    if identity.group_device or identity.group_assessment is not None:
        return False
    if identity.login and identity.person is not None:
        # The login mode: the utbildare role replaces the key (and an administrator may).
        return identity.person.admin or identity.person.has("utbildare")
    return workshop_id in identity.trainer_of


def may_open_meeting(identity: Identity, owner: str, unit: str) -> bool:
    """Read or change one team meeting. The local mode: whoever reaches the meeting page (its
    own rule). The login mode: an administrator; a handläggare or utbildare who created it,
    or is of its unit (a team's minutes are the unit's: a colleague holds the next meeting).
    A meeting of nobody (from the local mode, moved in) is the administrator's to give."""
    if not identity.login:
        return True
    person = identity.person
    if person is None or identity.in_group:
        return False
    if person.admin:
        return True
    if not (person.has("handlaggare") or person.has("utbildare")):
        return False
    if owner and owner == person.sub:
        return True
    return bool(unit) and unit == person.unit


def may_list_workshops(identity: Identity) -> bool:
    """Titles of every workshop and the form to start one: the machine's user only, or in
    the login mode an utbildare or an administrator."""
    if identity.login and not identity.in_group and identity.person is not None:
        return identity.person.admin or identity.person.has("utbildare")
    return not identity.restricted


def may_manage_users(identity: Identity) -> bool:
    """The page of users and roles: an administrator of the login mode."""
    return (identity.login and not identity.in_group and identity.person is not None
            and identity.person.admin)


def may_set_organisation(identity: Identity) -> bool:
    """The organisation's profile (name, logo, template) for every document: an administrator
    of the login mode; locally it is a file beside the data."""
    return may_manage_users(identity)


class AccessRefused(ValueError):
    """A change this session may not make, said in words (the page shows it)."""


class OwnAdministratorRole(AccessRefused):
    """An administrator taking their own administrator role: refused, or nobody might be
    left to give it back."""


def check_assignment(identity: Identity, sub: str, roles: frozenset[Role] | None) -> Person:
    """Give or take a person's roles or unit (the users page): an administrator only, and
    never their own administrator role (someone must still be able to give it back); the
    administrator, who signs the change, on success."""
    person = identity.person
    if not may_manage_users(identity) or person is None:
        raise AccessRefused("only an administrator gives or takes roles")
    if sub == person.sub and roles is not None and "administrator" not in roles:
        raise OwnAdministratorRole("an administrator cannot take their own administrator role")
    return person


def allowed(identity: Identity, wanted: Iterable[str]) -> list[str]:
    """`wanted` pages in their order, without those this session may not open."""
    ok = set(pages(identity))
    return [p for p in wanted if p in ok]
