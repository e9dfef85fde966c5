"""Who may open what when a child's link is in play, decided below the pages.

A session that arrived with a child's code is a child's session for good: it may open only the
page where children answer, and through it only add one response to the collection its code
names. It never sees the navigation, the assessments, or anyone's answers. Removing the code
from the address does not turn it back into an official's session.
"""

from __future__ import annotations

from dataclasses import dataclass

CHILD_PAGE = "child"  #: the key of the children's page in the app's page table
CODE_PARAM = "barn"  #: the query parameter of the link children open

@dataclass(frozen=True)
class Session:
    """What the access check needs to know about a browser session."""

    child_code: str | None = None  #: set once a child's link was opened in this session

    @property
    def is_child(self) -> bool:
        return bool(self.child_code)


def session_from(remembered: str | None, from_address: str | None) -> Session:
    """A session's kind: a code once seen is kept; a new code in the address replaces it."""
    code = (from_address or "").strip() or remembered
    return Session(child_code=code or None)


def may_open(session: Session, page: str) -> bool:
    """A child's session opens only the children's page; an official's every other page."""
    return page == CHILD_PAGE if session.is_child else page != CHILD_PAGE
