"""Carried history keeps cumulative duty near cumulative fair share.

The instance forces the optimum, so the test is exact and not flaky: Ann
(full time) and Bo (0.6) share one 2-hour phone slot on Mondays, four
Mondays a month. Fair shares are 5 h and 3 h, so one of them must be 1 h
over and the other 1 h under; Bo avoids Mondays, which breaks the tie:
Ann 3 slots (+1 h), Bo 1 slot (-1 h), every month planned afresh.
"""

from __future__ import annotations

import pytest

from balancer.bench.simulate import balances_after, simulate
from balancer.domain import Month, Preference, Team, Weekday
from balancer.result import SolveStatus
from balancer.solvers.runner import SolveParams
from balancer.validate.rota import check_rota
from tests.factories import make_duty, make_slot, make_staff, make_team

MONTHS = (Month(year=2027, month=1), Month(year=2027, month=2))
PARAMS = SolveParams(time_limit=5, workers=1, seed=0)


def _team() -> Team:
    return make_team(
        staff=(make_staff("ann"), make_staff("bo", fte=0.6)),
        duties=(make_duty(slots=(make_slot(weekdays=(Weekday.MON,)),)),),
        preferences=(
            Preference(staff_id="bo", want=False, weekday=Weekday.MON),
        ),
    )


def test_without_history_the_same_person_drifts_further_each_month() -> None:
    months = simulate([_team()] * 2, MONTHS, PARAMS, carry=None)
    assert [m.status for m in months] == [SolveStatus.OPTIMAL] * 2
    assert [m.assigned for m in months] == [{"ann": 6.0, "bo": 2.0}] * 2
    assert [m.cumulative["ann"] for m in months] == [1.0, 2.0]
    assert [m.worst for m in months] == [1.0, 2.0]


def test_with_history_the_second_month_pays_the_balance_back() -> None:
    # January leaves Ann +1 h; February's shares become 5 - 1 = 4 h and
    # 3 + 1 = 4 h, so two slots each is the only exactly fair rota.
    months = simulate([_team()] * 2, MONTHS, PARAMS)
    assert [m.assigned for m in months] == [
        {"ann": 6.0, "bo": 2.0},
        {"ann": 4.0, "bo": 4.0},
    ]
    assert months[1].cumulative == {"ann": 0.0, "bo": 0.0}
    assert months[1].worst < 2.0  # the run without history reaches 2 h


def test_the_carried_balances_are_the_history_sheets_rows() -> None:
    from balancer.solvers.rota import solve_rota

    team = _team()
    result = solve_rota(team, MONTHS[0], PARAMS)
    assert check_rota(team, MONTHS[0], result.assignments) == []
    rows = balances_after(team, MONTHS[0], result)
    overall = {r.staff_id: r.hours for r in rows if r.duty is None}
    per_duty = {r.staff_id: r.hours for r in rows if r.duty == "phone"}
    assert overall == pytest.approx({"ann": 1.0, "bo": -1.0})
    assert per_duty == overall
