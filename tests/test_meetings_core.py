"""Meeting mode's pure logic: which article next, what is covered, which actions are open."""

from __future__ import annotations

import datetime as dt

import pytest
from pydantic import ValidationError

from app.core.meeting_edits import (
    NoSuchAction,
    UnknownPart,
    add_action,
    read_part,
    remove_action,
    write_part,
)
from app.core.meetings import coverage, of_team, open_actions, reading_order, suggest, teams
from app.core.models.article import ArticleLibrary
from app.core.models.meeting import Action, Meeting
from app.services.shipped import catalog

DAY = dt.date(2026, 3, 2)


@pytest.fixture(scope="module")
def library() -> ArticleLibrary:
    return catalog().library


def meeting(article: int, day: dt.date = DAY, team: str = "Fritids Ekbacken",
            **kw: object) -> Meeting:
    return Meeting(date=day, team=team, article=article, **kw)  # type: ignore[arg-type]


def test_reading_order_is_principles_then_clusters(library: ArticleLibrary) -> None:
    order = reading_order(library)
    assert order[:4] == [2, 3, 6, 12]
    assert sorted(order) == list(range(1, 55))
    # then the Committee's clusters: general measures (4, 41, 42, 44), definition (1), ...
    assert order[4:10] == [4, 41, 42, 44, 1, 7]


def test_a_new_team_starts_with_article_2(library: ArticleLibrary) -> None:
    s = suggest(library, [], "Nytt team")
    assert (s.article, s.reason, s.cluster) == (2, "principle", "general_principles")


def test_suggestion_skips_what_the_team_covered_not_what_others_did(
        library: ArticleLibrary) -> None:
    done = [meeting(2), meeting(3), meeting(12), meeting(6, team="Annat team")]
    assert suggest(library, done, "fritids  ekbacken").article == 6
    done.append(meeting(6))
    s = suggest(library, done, "Fritids Ekbacken")
    assert (s.article, s.reason, s.cluster) == (4, "not_covered", "general_measures")


def test_when_all_are_covered_the_oldest_comes_back(library: ArticleLibrary) -> None:
    done = [meeting(n, DAY + dt.timedelta(days=n)) for n in range(1, 55)]
    done.append(meeting(1, DAY + dt.timedelta(days=100)))  # 1 discussed again recently
    s = suggest(library, done, "Fritids Ekbacken")
    assert (s.article, s.reason) == (2, "longest_ago")


def test_coverage_lists_every_day_per_article() -> None:
    later = DAY + dt.timedelta(days=30)
    got = coverage([meeting(3, later), meeting(3), meeting(28), meeting(5, team="X")],
                   "Fritids Ekbacken")
    assert got == {3: [DAY, later], 28: [DAY]}


def test_teams_are_listed_once_in_their_latest_spelling() -> None:
    ms = [meeting(2, team="förskolan solen"), meeting(3, DAY + dt.timedelta(1),
                                                     team="Förskolan Solen"),
          meeting(2, team="Biblioteket")]
    assert teams(ms) == ["Biblioteket", "Förskolan Solen"]
    assert [m.article for m in of_team(ms, "FÖRSKOLAN SOLEN")] == [3, 2]


def test_open_actions_soonest_first_overdue_marked_done_left_out() -> None:
    first = meeting(2, actions=[
        Action(what="Fråga eleverna", due=DAY + dt.timedelta(days=10)),
        Action(what="Klart redan", due=DAY, status="done"),
        Action(what="Utan datum"),
    ])
    second = meeting(3, DAY + dt.timedelta(days=7), actions=[
        Action(what="Uppdatera rutinen", who="Sara", due=DAY - dt.timedelta(days=1))])
    other = meeting(2, team="Annat team", actions=[Action(what="Inte vårt")])
    found = open_actions([first, second, other], "Fritids Ekbacken", today=DAY)
    assert [o.action.what for o in found] == ["Uppdatera rutinen", "Fråga eleverna",
                                               "Utan datum"]
    assert [o.overdue for o in found] == [True, False, False]
    assert found[0].article == 3 and found[0].meeting_date == DAY + dt.timedelta(days=7)


def test_the_model_refuses_what_cannot_be_a_meeting() -> None:
    with pytest.raises(ValidationError):
        meeting(55)
    with pytest.raises(ValidationError):
        meeting(2, team="   ")
    with pytest.raises(ValidationError):
        meeting(2, participant_count=-1)
    m = meeting(2, team="  Team   Norr ", participants=["Ali", " ", "Åsa "])
    assert m.team == "Team Norr" and m.participants == ["Ali", "Åsa"] and m.headcount == 2
    assert meeting(2, participant_count=7).headcount == 7


def test_parts_are_read_and_written_one_at_a_time() -> None:
    m = add_action(meeting(2), Action(id="a1", what="Ring skolan"))
    m = write_part(m, ("prompt", 1), "Vi <b>vet</b> inte")
    m = write_part(m, ("action", "a1", "status"), "done")
    assert read_part(m, ("prompt", 1)) == "Vi <b>vet</b> inte"
    assert read_part(m, ("prompt", 0)) == ""
    assert read_part(m, ("action", "a1", "status")) == "done"
    assert write_part(m, ("prompt", 1), "").prompt_notes == {}
    assert remove_action(m, "a1").actions == []
    with pytest.raises(NoSuchAction):
        write_part(m, ("action", "gone", "who"), "Bo")
    with pytest.raises(UnknownPart):
        read_part(m, ("team",))
    with pytest.raises(ValidationError):
        write_part(m, ("status",), "archived")
