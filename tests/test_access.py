"""The access rules, the join limits and the trainer's key, without Streamlit."""

from __future__ import annotations

from app.core import access, trainer_key
from app.core.access import Identity
from app.core.join_guard import PAUSE_S, SESSION_LIMIT, WORKSHOP_LIMIT, JoinGuard

OWN, OTHER = "a1", "b2"


def test_a_group_reaches_only_its_case_assessment_and_results() -> None:
    group = Identity(local=False, group_assessment=OWN, group_device=True)
    assert access.pages(group) == ("join", "assess", "results")
    for page in ("overview", "workshop", "data", "articles", "meeting"):
        assert not access.may_open_page(group, page)
    assert access.may_open_assessment(group, OWN)
    assert not access.may_open_assessment(group, OTHER)
    assert not access.may_run_workshop(group, "w1")
    # The same, for a group on the trainer's own machine: joining makes it a group device.
    local_group = Identity(local=True, group_assessment=OWN, group_device=True,
                           trainer_of=frozenset({"w1"}))
    assert access.pages(local_group) == access.pages(group)
    assert not access.may_run_workshop(local_group, "w1")


def test_leaving_the_group_is_no_way_out() -> None:
    left = Identity(local=True, group_device=True)
    assert access.pages(left) == ("join",)
    assert not access.may_open_assessment(left, OWN)
    assert not access.may_list_workshops(left)


def test_another_machine_not_in_a_group_gets_join_and_trainer_key_only() -> None:
    remote = Identity(local=False)
    assert access.pages(remote) == ("join", "workshop")
    assert not access.may_list_workshops(remote)
    assert not access.may_open_assessment(remote, OWN)
    assert access.may_run_workshop(Identity(local=False, trainer_of=frozenset({"w1"})), "w1")


def test_this_machines_user_opens_everything_but_a_workshop_without_its_key() -> None:
    me = Identity(local=True)
    assert access.pages(me) == access.ALL_PAGES
    assert access.may_open_assessment(me, OTHER)
    assert not access.may_run_workshop(me, "w1")
    assert access.may_run_workshop(Identity(local=True, trainer_of=frozenset({"w1"})), "w1")


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_a_session_waits_after_five_wrong_codes_and_longer_after_more() -> None:
    clock = Clock()
    g = JoinGuard(clock=clock)
    for _ in range(SESSION_LIMIT - 1):
        g.refused("s1", [])
    assert g.wait("s1") == 0
    g.refused("s1", [])
    assert g.wait("s1") == PAUSE_S
    assert g.wait("s2") == 0  # another session is not held up
    clock.now += PAUSE_S
    assert g.wait("s1") == 0
    g.refused("s1", [])
    assert g.wait("s1") == 2 * PAUSE_S
    g.joined("s1")
    assert g.wait("s1") == 0


def test_many_wrong_codes_lock_every_open_workshop_until_the_trainer_lifts_it() -> None:
    clock = Clock()
    g = JoinGuard(clock=clock)
    for i in range(WORKSHOP_LIMIT - 1):
        g.refused(f"s{i}", ["w1", "w2"])  # a new session for every guess changes nothing
    assert g.lockout("w1") is None
    g.refused("last", ["w1", "w2"])
    lock = g.lockout("w1")
    assert lock is not None and lock.wrong == WORKSHOP_LIMIT
    assert g.lockout("w2") is not None
    g.lift("w1")
    assert g.lockout("w1") is None and g.lockout("w2") is not None
    g.refused("again", ["w1"])
    assert g.lockout("w1") is None  # the count started afresh


def test_old_wrong_codes_fall_out_of_the_window() -> None:
    clock = Clock()
    g = JoinGuard(clock=clock)
    for i in range(WORKSHOP_LIMIT - 1):
        g.refused(f"s{i}", ["w1"])
    clock.now += 601
    g.refused("late", ["w1"])
    assert g.lockout("w1") is None


def test_the_trainer_key_is_kept_as_a_hash_and_typed_forgivingly() -> None:
    key = trainer_key.new_key()
    stored = trainer_key.key_hash(key)
    assert key.replace("-", "") not in stored
    assert trainer_key.matches(key, stored)
    assert trainer_key.matches(key.lower().replace("-", " "), stored)
    assert not trainer_key.matches(trainer_key.new_key(), stored)
    assert not trainer_key.matches("", stored)
    assert not trainer_key.matches(key, "")
    assert trainer_key.key_hash(key) != stored  # salted


def test_only_a_session_that_opens_every_assessment_sees_every_row() -> None:
    from app.core.roles import Person

    admin = Person("sub-a", "Ada", "ada@kommun.se", frozenset({"administrator"}), "IT")
    official = Person("sub-b", "Bo", "bo@kommun.se", frozenset({"handlaggare"}), "Soc")
    holdings = [access.Holding(), access.Holding("sub-x", "Skola", True, "sub-y"),
                access.Holding("sub-b", "Soc", False, "", workshop=True)]
    sessions = [Identity(local=True), Identity(local=False),
                Identity(local=True, group_assessment="a1"),
                Identity(local=True, login=True, person=admin),
                Identity(local=True, login=True, person=official),
                Identity(local=True, login=True, person=None)]
    for identity in sessions:
        opens_all = all(access.may_open_assessment(identity, aid, h) for h in holdings
                        for aid in ("a1", "b2"))
        assert access.sees_every_row(identity) == opens_all, identity
    assert [access.sees_every_row(i) for i in sessions] == [True, False, False, True, False,
                                                            False]
