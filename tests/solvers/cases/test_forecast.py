"""The forecast: queue order, planned days, lateness and the shelf."""

from __future__ import annotations

from datetime import date

from balancer.domain import CaseStatus, Priority, Team
from balancer.result import CaseAssignment
from balancer.solvers.cases.capacity import staff_capacity
from balancer.solvers.cases.forecast import forecast, queue_key, target_date
from tests.factories import make_case
from tests.solvers.cases.helpers import MONDAY, TUESDAY, backlog_team


def test_target_is_the_earlier_of_deadline_and_age_target() -> None:
    # A normal case may wait 30 days; a deadline 90 days out does not
    # make it wait longer.
    far = make_case(received=date(2027, 1, 1), deadline=date(2027, 4, 1))
    assert target_date(far) == date(2027, 1, 31)
    near = make_case(received=date(2027, 1, 1), deadline=date(2027, 1, 5))
    assert target_date(near) == date(2027, 1, 5)


def test_old_case_comes_before_a_fresh_urgent_one_due_later() -> None:
    # The old normal case's target (31 Dec) is before the urgent case's
    # (4 + 3 = 7 Jan).
    old = make_case("old", received=date(2026, 12, 1))
    urgent = make_case(
        "urgent", priority=Priority.URGENT, received=date(2027, 1, 4)
    )
    assert sorted([urgent, old], key=queue_key) == [old, urgent]


def _plan(
    team: Team, owners: dict[str, str | None], days: int = 2
) -> dict[str, CaseAssignment]:
    cap = staff_capacity(team, MONDAY, horizon_days=days)
    return {a.case_id: a for a in forecast(team, cap, owners)}


def test_planned_start_and_finish_follow_the_queue() -> None:
    # Ann has 8 h a day. The old 6 h case comes first (Mon); the 4 h case
    # starts in Monday's last 2 h and finishes Tuesday.
    team = backlog_team(
        make_case("old", effort_hours=6, received=date(2026, 11, 1)),
        make_case("next", effort_hours=4, received=date(2026, 12, 20)),
    )
    plan = _plan(team, {"old": "ann", "next": "ann"})
    assert (plan["old"].planned_start, plan["old"].planned_finish) == (
        MONDAY,
        MONDAY,
    )
    assert (plan["next"].planned_start, plan["next"].planned_finish) == (
        MONDAY,
        TUESDAY,
    )


def test_kept_cases_are_worked_first() -> None:
    # The in-progress case (8 h) fills Monday even though it is newer.
    team = backlog_team(
        make_case("old", received=date(2026, 11, 1)),
        make_case(
            "kept",
            effort_hours=8,
            owner="ann",
            status=CaseStatus.IN_PROGRESS,
            received=date(2027, 1, 2),
        ),
    )
    plan = _plan(team, {"old": "ann", "kept": "ann"})
    assert plan["kept"].planned_finish == MONDAY
    assert plan["old"].planned_start == TUESDAY


def test_case_finishing_after_its_deadline_is_late_with_reason() -> None:
    team = backlog_team(
        make_case("old", effort_hours=6, received=date(2026, 11, 1)),
        make_case(
            "due",
            effort_hours=4,
            received=date(2027, 1, 3),
            deadline=MONDAY,
        ),
    )
    plan = _plan(team, {"old": "ann", "due": "ann"})
    assert plan["due"].late
    # People by name, dates in each language's one style.
    assert plan["due"].risk == (
        "Ann's queue reaches it on Tue 5 Jan, after the deadline Mon 4 Jan"
    )
    assert plan["due"].risk_texts["da"] == (
        "Anns kø når frem til den tir. 5. jan., efter fristen man. 4. jan."
    )
    assert not plan["old"].late


def test_a_shelf_case_is_late_when_due_in_the_horizon() -> None:
    team = backlog_team(
        make_case("b", received=date(2026, 12, 2)),
        make_case("a", received=date(2026, 12, 1), deadline=MONDAY),
    )
    plan = _plan(team, {"a": None, "b": None})
    assert plan["a"].late and not plan["b"].late
    assert plan["a"].risk == "waits on the shelf past its deadline Mon 4 Jan"
    assert plan["a"].planned_start is None


def test_a_case_due_before_the_plan_starts_is_overdue() -> None:
    team = backlog_team(make_case("a", deadline=date(2026, 12, 31)))
    for owner in ("ann", None):
        entry = _plan(team, {"a": owner})["a"]
        assert entry.late
        assert entry.risk == (
            "overdue before the plan starts (deadline Thu 31 Dec)"
        )


def test_forecast_runs_past_the_horizon_for_overloaded_queues() -> None:
    # A kept 12 h case on a one-day horizon finishes on Tuesday.
    team = backlog_team(
        make_case(
            "big",
            effort_hours=12,
            owner="ann",
            status=CaseStatus.IN_PROGRESS,
        ),
    )
    plan = _plan(team, {"big": "ann"}, days=1)
    assert plan["big"].planned_finish == TUESDAY
