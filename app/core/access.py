"""Who may open what, decided from the session's identity, below the pages.

There is no login. What a session is comes from where it connects from and what it did:

- a session on this machine (127.0.0.1 / ::1) is the machine's user: every page;
- a session from another machine (a training room with `bka serve --lan`) reaches only the
  join page and the trainer's page, and the trainer's page only with the trainer's key;
- a session that joined a group reaches only that group's case, assessment and results, and
  stays a group device after "Lämna gruppen": it can join again, nothing more.

Pages call these functions; navigation shows what they allow, and a page asked for by address
checks again (main.py), so a hidden page is also a refused one.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

#: The pages of the app, by the names main.py gives them.
ALL_PAGES = ("overview", "assess", "results", "voices", "dashboard", "articles", "data",
             "present", "meeting", "workshop", "join")
GROUP_PAGES = ("join", "assess", "results")  #: a joined group: its case, assessment, results
REMOTE_PAGES = ("join", "workshop")  #: another machine, not in a group
LEFT_PAGES = ("join",)  #: a group device that left its group


@dataclass(frozen=True)
class Identity:
    """What the server knows about one browser session."""

    local: bool  #: connected from this machine
    group_assessment: str | None = None  #: the assessment of the group it joined, if any
    group_device: bool = False  #: joined a group in this session (also after leaving)
    trainer_of: frozenset[str] = field(default_factory=frozenset)  #: workshops it holds the key of

    @property
    def restricted(self) -> bool:
        """Not the machine's own user: a group device, or a browser on another machine."""
        return self.group_device or self.group_assessment is not None or not self.local


def pages(identity: Identity) -> tuple[str, ...]:
    """The pages this session may open, in navigation order."""
    if identity.group_assessment is not None:
        return GROUP_PAGES
    if identity.group_device:
        return LEFT_PAGES
    if not identity.local:
        return REMOTE_PAGES
    return ALL_PAGES


def may_open_page(identity: Identity, page: str) -> bool:
    return page in pages(identity)


def may_open_assessment(identity: Identity, assessment_id: str) -> bool:
    """A restricted session opens only its own group's assessment; the machine's user any."""
    if identity.restricted:
        return identity.group_assessment is not None and assessment_id == identity.group_assessment
    return True


def may_run_workshop(identity: Identity, workshop_id: str) -> bool:
    """The trainer's view of a workshop (codes, progress, comparison, notes): only a session
    that created it or gave its trainer key, and never a group device."""
    if identity.group_device or identity.group_assessment is not None:
        return False
    return workshop_id in identity.trainer_of


def may_list_workshops(identity: Identity) -> bool:
    """Titles of every workshop and the form to start one: the machine's user only."""
    return not identity.restricted


def allowed(identity: Identity, wanted: Iterable[str]) -> list[str]:
    """`wanted` pages in their order, without those this session may not open."""
    ok = set(pages(identity))
    return [p for p in wanted if p in ok]
