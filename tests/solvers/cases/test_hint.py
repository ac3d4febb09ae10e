"""The greedy first plan weighs the goals by the model's own weights."""

from __future__ import annotations

from datetime import date

from balancer.domain import Priority
from balancer.solvers.cases.hint import greedy_hint
from tests.factories import make_case
from tests.solvers.cases.helpers import (
    backlog_team,
    data_for,
    due_case_team,
)


def test_a_case_due_goes_where_it_is_not_late() -> None:
    # Ann is less loaded (8 of 16 h against 9), but the case due Monday
    # would be late behind her old case: it goes to Bo. (The owned cases
    # have no reason to move: no decision, no entry.)
    team = due_case_team()
    owners = greedy_hint(data_for(team, days=2))
    assert owners == {"due": "bo"}


def test_the_case_costliest_to_shelve_takes_the_last_room() -> None:
    # Ann alone, 8 h on Monday; two 8 h cases. The one waiting since 30
    # November scores 2 x (1 + 35) = 72 shelf points, x 5 = 360. The
    # high-priority one received on Sunday scores 3 x 2 = 6 points (30),
    # but it is due Monday, so shelving it also makes 8 h late (x 50 =
    # 400): it gets the room, the old one stays on the shelf.
    team = backlog_team(
        make_case("old", effort_hours=8, received=date(2026, 11, 30)),
        make_case(
            "due",
            effort_hours=8,
            received=date(2027, 1, 3),
            deadline=date(2027, 1, 4),
            priority=Priority.HIGH,
        ),
        staff=backlog_team().staff[:1],
    )
    assert greedy_hint(data_for(team)) == {"old": None, "due": "ann"}
