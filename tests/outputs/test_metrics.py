"""Comparison figures read from a plan alone."""

from __future__ import annotations

from balancer.domain import CaseStatus, Rules, Team
from balancer.outputs.metrics import backlog_figures, utilisation
from balancer.result import CaseAssignment
from tests.factories import make_case, make_staff


def test_figures_of_a_hand_made_plan() -> None:
    # Ann: free 4 h + kept 4 h = 8 h casework; she has the kept 4 h and a
    # new 2 h case: 75 %. Bo: 8 h free, nothing: 0 %. c3 moved from Bo to
    # the shelf and is late.
    team = Team(
        staff=(make_staff("ann"), make_staff("bo")),
        rules=Rules(daily_overhead_hours=0),
        cases=(
            make_case(
                "k",
                owner="ann",
                status=CaseStatus.IN_PROGRESS,
                effort_hours=4,
            ),
            make_case("c2", effort_hours=2),
            make_case("c3", owner="bo", status=CaseStatus.ASSIGNED),
        ),
    )
    plan = [
        CaseAssignment(case_id="k", staff_id="ann", previous_owner="ann"),
        CaseAssignment(case_id="c2", staff_id="ann"),
        CaseAssignment(
            case_id="c3", staff_id=None, previous_owner="bo", late=True
        ),
    ]
    free = {"ann": 4.0, "bo": 8.0}
    assert utilisation(team, plan, free) == {"ann": 75.0, "bo": 0.0}
    figures = backlog_figures(team, plan, free)
    assert (figures.max_utilisation, figures.min_utilisation) == (75.0, 0.0)
    assert (figures.spread, figures.deadline_misses, figures.moves) == (
        75.0,
        1,
        1,
    )
    assert (figures.assigned, figures.shelved) == (2, 1)


def test_staff_without_casework_are_left_out() -> None:
    team = Team(staff=(make_staff("ann", casework=False),))
    assert utilisation(team, [], {"ann": 0.0}) == {}
    assert backlog_figures(team, [], {}).max_utilisation == 0.0
