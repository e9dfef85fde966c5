"""A child's session opens only the children's page; the rule lives below the pages."""

from app.core.child_access import CHILD_PAGE, may_open, session_from


def test_a_code_once_seen_makes_a_childs_session_for_good() -> None:
    first = session_from(None, "K7MQ4P")
    assert first.is_child
    later = session_from(first.child_code, None)  # the code gone from the address
    assert later.child_code == "K7MQ4P"
    assert session_from("K7MQ4P", "ABCDEF").child_code == "ABCDEF"


def test_childs_session_opens_the_childrens_page_and_nothing_else() -> None:
    child = session_from(None, "K7MQ4P")
    assert may_open(child, CHILD_PAGE)
    for page in ("overview", "assess", "results", "voices", "data", "workshop", "join"):
        assert not may_open(child, page)


def test_official_session_does_not_get_the_childrens_page() -> None:
    official = session_from(None, None)
    assert not official.is_child
    assert may_open(official, "overview") and not may_open(official, CHILD_PAGE)
    assert not session_from(None, "   ").is_child
