"""What can go wrong with a workshop, each error carrying its facts so a page can word it in
Swedish or English; the English default is a plain sentence too."""

from __future__ import annotations

from app.store.errors import NotFound, StoreError


class WorkshopError(StoreError):
    """Base of the workshop errors a trainer or a group can act on."""


class WorkshopNotFound(NotFound):
    """No workshop with that id (NotFound's own words speak of assessments)."""

    def __init__(self, workshop_id: str) -> None:
        Exception.__init__(self, f"There is no workshop with id {workshop_id}.")
        self.assessment_id = workshop_id  # NotFound's attribute, for callers that read it
        self.workshop_id = workshop_id
        self.in_trash = False


class NoGroups(WorkshopError):
    """No group was named, or a group's name was left empty."""

    def __init__(self, empty: int) -> None:
        self.empty = empty
        super().__init__("Every group needs a name." if empty
                         else "A workshop needs at least one group.")


class TooManyGroups(WorkshopError):
    def __init__(self, count: int, limit: int) -> None:
        self.count = count
        self.limit = limit
        super().__init__(f"{count} groups is more than one workshop takes ({limit}).")


class LongGroupName(WorkshopError):
    def __init__(self, name: str, limit: int) -> None:
        self.name = name
        self.limit = limit
        super().__init__(f"The group name '{name[:40]}…' is longer than {limit} characters.")


class DuplicateGroups(WorkshopError):
    """Two groups would have the same name (case and spaces ignored)."""

    def __init__(self, names: list[str]) -> None:
        self.names = names
        super().__init__(f"Two groups cannot have the same name: {', '.join(names)}. "
                         "Give each group a name of its own.")


class UnknownCode(WorkshopError):
    """No workshop has a group with this code."""

    def __init__(self, code: str) -> None:
        self.code = code
        super().__init__(f"There is no group with the code {code}. Check the code on the "
                         "trainer's screen and type it again.")


class ExpiredCode(WorkshopError):
    """The code belongs to a workshop that is closed or archived."""

    def __init__(self, code: str, status: str) -> None:
        self.code = code
        self.status = status
        super().__init__(f"The code {code} no longer works: the workshop is {status}. Ask "
                         "the trainer.")


class JoinPaused(WorkshopError):
    """Too many wrong codes from this session: it waits before the next try."""

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        super().__init__(f"Too many wrong codes. Wait {seconds:.0f} seconds and try again.")


class JoinLocked(WorkshopError):
    """The workshop takes no new groups after many wrong codes, until the trainer lifts it."""

    def __init__(self, code: str) -> None:
        self.code = code
        super().__init__("Joining this workshop is stopped after many wrong codes. Ask the "
                         "trainer to open it again.")


class SignedIn(WorkshopError):
    """A session signed in as a person never becomes a group's device: a join code (typed, or
    in a link's ?kod=) would change who the session acts as."""

    def __init__(self) -> None:
        super().__init__("You are logged in: a group code does not change who you are here. "
                         "Join from a private window, or log out first.")
