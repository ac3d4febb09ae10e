"""Casework capacity: contract, absences, duty, overhead, kept cases."""

from __future__ import annotations

from datetime import date

import pytest

from balancer.domain import CaseStatus, Rules
from balancer.result import DutyAssignment
from balancer.solvers.cases.capacity import horizon, staff_capacity
from tests.factories import make_absence, make_case, make_duty, make_staff
from tests.solvers.cases.helpers import MONDAY, backlog_team


def test_horizon_skips_holidays_and_weekends() -> None:
    # 1 Jan 2027 is New Year's Day (a Friday); the next opening day is
    # Monday 4 Jan.
    team = backlog_team()
    assert horizon(team, date(2027, 1, 1), 2) == (
        date(2027, 1, 4),
        date(2027, 1, 5),
    )


def test_default_horizon_is_ten_opening_days() -> None:
    assert len(horizon(backlog_team(), MONDAY)) == 10


def test_full_timer_week_minus_overhead() -> None:
    # Mon-Thu 8 h, Fri 7 h = 39 h; minus 0.5 h overhead on 5 days = 36.5.
    team = backlog_team(rules=Rules(daily_overhead_hours=0.5))
    cap = staff_capacity(team, MONDAY, horizon_days=5)["ann"]
    assert cap.total_hours == pytest.approx(36.5)


def test_part_timer_scaled_by_contract() -> None:
    # 0.5 fte on the default pattern counts half of each 8 h Monday.
    team = backlog_team(staff=(make_staff("ann", fte=0.5),))
    cap = staff_capacity(team, MONDAY, horizon_days=1)["ann"]
    assert cap.total_hours == pytest.approx(4.0)


def test_duty_from_the_rota_is_taken_off() -> None:
    # The phone slot 08:00-10:00 takes 2 of Monday's 8 hours.
    team = backlog_team(duties=(make_duty(),))
    rota = [
        DutyAssignment(
            staff_id="ann", day=MONDAY, duty_id="phone", slot_index=0
        )
    ]
    cap = staff_capacity(team, MONDAY, rota, horizon_days=1)
    assert cap["ann"].total_hours == pytest.approx(6.0)
    assert cap["bo"].total_hours == pytest.approx(8.0)


def test_absent_person_has_no_hours_and_is_not_present() -> None:
    team = backlog_team(absences=(make_absence("ann", MONDAY),))
    cap = staff_capacity(team, MONDAY, horizon_days=1)["ann"]
    assert (cap.total_hours, cap.present) == (0.0, False)


def test_no_casework_means_no_hours() -> None:
    team = backlog_team(staff=(make_staff("ann", casework=False),))
    cap = staff_capacity(team, MONDAY, horizon_days=1)["ann"]
    assert cap.total_hours == 0.0


def test_kept_cases_come_off_the_free_hours() -> None:
    # In progress (3 h) and pinned (2 h) are kept; assigned (4 h) is not.
    team = backlog_team(
        make_case(
            "a", owner="ann", status=CaseStatus.IN_PROGRESS, effort_hours=3
        ),
        make_case("b", owner="ann", pinned=True, effort_hours=2),
        make_case(
            "c", owner="ann", status=CaseStatus.ASSIGNED, effort_hours=4
        ),
    )
    cap = staff_capacity(team, MONDAY, horizon_days=1)["ann"]
    assert (cap.kept_hours, cap.free_hours) == (5.0, 3.0)
