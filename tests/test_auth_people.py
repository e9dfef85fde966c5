"""The people who have logged in (reviewers to choose from, the users page), on both stores."""

from __future__ import annotations

from app.core.roles import Person
from app.store.people import People, member_id, person_of

GRETA = Person("sub-greta", "Greta Gran", "greta@kommun.se", frozenset({"granskare"}), "Soc")


def test_a_login_is_recorded_once_and_again_only_when_something_changed(store_kind: str) -> None:
    people = People()
    first = people.seen(GRETA)
    assert first.id == member_id(GRETA.sub) and first.revision == 1
    assert people.seen(GRETA).revision == 1  # the same login again: nothing written
    promoted = Person(GRETA.sub, "Greta Gran", "greta@kommun.se",
                      frozenset({"granskare", "administrator"}), "Soc")
    assert people.seen(promoted).revision == 2
    assert [person_of(m) for m in People().with_role("administrator")] == [promoted]
    anna = Person("sub-anna", "Anna Berg", "anna@kommun.se", frozenset({"handlaggare"}), "Soc")
    people.seen(anna)
    assert [m.name for m in People().all()] == ["Anna Berg", "Greta Gran"]
    assert [m.sub for m in People().with_role("granskare")] == [GRETA.sub]
