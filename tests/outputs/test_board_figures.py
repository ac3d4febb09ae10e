"""The board's figures, each on the smallest team that shows it.

The week is week 1 of 2027 (Mon 4 - Fri 8 January, all open; 1 January
is a holiday), the board day Wednesday 6 January unless a test says
otherwise. Opening hours are 08-16, Friday 08-15, so a full-timer is at
work 4 x 8 + 7 = 39 hours that week and keeps 0.5 h a day for meetings.
"""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from balancer.domain import CaseStatus
from balancer.outputs.board_figures import (
    Spread,
    board_day,
    board_figures,
    iso_week_monday,
    nearest_rank,
)
from balancer.result import CaseAssignment, DutyAssignment
from tests.factories import (
    JANUARY,
    make_absence,
    make_case,
    make_team,
)

MONDAY = date(2027, 1, 4)
WEDNESDAY = date(2027, 1, 6)


def _on(staff: str, day: date, duty: str = "phone", slot: int = 0):
    return DutyAssignment(
        staff_id=staff, day=day, duty_id=duty, slot_index=slot
    )


# -- small helpers ------------------------------------------------------------


def test_nearest_rank_is_a_value_of_the_list() -> None:
    # 90 % of ten values is nine of them: the 9th smallest.
    assert nearest_rank(list(range(1, 11)), 90) == 9
    assert nearest_rank([5.0], 90) == 5.0


def test_spread_of_days_and_of_none() -> None:
    assert Spread.of([3, 1, 2]) == Spread(3, median=2.0, p90=3.0, maximum=3.0)
    assert Spread.of([]) == Spread(0)


def test_iso_week() -> None:
    assert iso_week_monday("2027-W10") == date(2027, 3, 8)
    assert iso_week_monday("2027w01") == MONDAY
    with pytest.raises(ValueError, match="2027-W10"):
        iso_week_monday("March")
    with pytest.raises(ValueError, match="weeks run"):
        iso_week_monday("2027-W60")


def test_board_day_inside_and_outside_the_month() -> None:
    team = make_team()
    # Today in the rota's month: its own week.
    assert board_day(team, JANUARY, WEDNESDAY) == (MONDAY, WEDNESDAY)
    # Today before the month: the week of its first opening day (1 Jan is
    # a holiday, 2-3 Jan a weekend, so Monday 4 Jan).
    assert board_day(team, JANUARY, date(2026, 12, 10)) == (MONDAY, MONDAY)
    # A week given that does not hold today: its first opening day.
    week = date(2027, 1, 11)
    assert board_day(team, JANUARY, WEDNESDAY, week) == (week, week)


# -- this week's duty -------------------------------------------------------


def test_a_person_away_since_the_rota_does_not_count_on_the_slot() -> None:
    # bo is on Tuesday's phone, but is now off sick that day: the slot
    # (minimum 1) has nobody, so it is short and below its minimum.
    team = make_team(absences=(make_absence("bo", date(2027, 1, 5)),))
    rota = [_on("ann", MONDAY), _on("bo", date(2027, 1, 5))]
    figures = board_figures(team, JANUARY, rota, WEDNESDAY)
    [row] = figures.duty
    monday, tuesday = row.cells[0], row.cells[1]
    assert (monday.staff, monday.away, monday.short) == (("ann",), (), 0)
    assert (tuesday.staff, tuesday.away) == (("bo",), ("bo",))
    assert tuesday.short == 1 and tuesday.below_min
    # Wednesday to Friday nobody is on it either: 4 days short.
    assert row.short_days == 4
    assert figures.talk.short == row
    # Saturday and Sunday: the slot does not run, and is not shown.
    assert not row.cells[5].runs
    assert figures.days == tuple(MONDAY + timedelta(i) for i in range(5))


def test_days_outside_the_rota_month_have_no_plan() -> None:
    # Week 5 runs Mon 1 Feb - Fri 5 Feb; the January rota covers none.
    team = make_team()
    figures = board_figures(team, JANUARY, [], date(2027, 2, 2))
    [row] = figures.duty
    assert all(cell.runs and not cell.planned for cell in row.cells[:5])
    assert row.short_days == 0
    assert figures.talk.short is None


# -- load and fairness --------------------------------------------------------


def test_load_counts_cases_on_the_desk_against_casework_hours() -> None:
    # ann: phone 08-10 Monday and Tuesday (4 h of duty this week); one
    # case under way (6 h left) and one assigned, not started (4 h).
    cases = (
        make_case("c1", owner="ann", status=CaseStatus.IN_PROGRESS,
                  effort_hours=6.0),
        make_case("c2", owner="ann", status=CaseStatus.ASSIGNED),
    )  # fmt: skip
    team = make_team(cases=cases)
    rota = [_on("ann", MONDAY), _on("ann", date(2027, 1, 5))]
    figures = board_figures(team, JANUARY, rota, WEDNESDAY)
    ann = next(p for p in figures.people if p.staff_id == "ann")
    assert ann.duty_hours == 4.0
    # 39 h at work, less 4 h of duty, less 5 x 0.5 h of meetings.
    assert ann.casework_hours == pytest.approx(32.5)
    assert (ann.started_hours, ann.queued_hours, ann.cases) == (6.0, 4.0, 2)
    assert ann.load == pytest.approx(10 / 32.5)
    # Nobody is over capacity.
    assert figures.talk.over is None


def test_the_backlog_plan_decides_who_has_a_case() -> None:
    team = make_team(cases=(make_case("c1", owner="ann"),))
    plan = [CaseAssignment(case_id="c1", staff_id="bo")]
    figures = board_figures(team, JANUARY, [], WEDNESDAY, backlog=plan)
    desk = {p.staff_id: p.desk_hours for p in figures.people}
    assert desk == {"ann": 0.0, "bo": 4.0}


def test_furthest_over_capacity_is_talked_about() -> None:
    # bo is away all week with a case on the desk: no casework hours, so
    # he is further over than ann with 40 h against 36.5 h.
    cases = (
        make_case("c1", owner="ann", effort_hours=40.0),
        make_case("c2", owner="bo", effort_hours=1.0),
    )
    away = make_absence("bo", MONDAY, date(2027, 1, 8))
    team = make_team(cases=cases, absences=(away,))
    figures = board_figures(team, JANUARY, [], WEDNESDAY)
    assert figures.talk.over is not None
    assert figures.talk.over.staff_id == "bo"
    team = make_team(cases=cases)
    figures = board_figures(team, JANUARY, [], WEDNESDAY)
    assert figures.talk.over is not None
    assert figures.talk.over.staff_id == "ann"


def test_fairness_to_date_counts_duty_before_today() -> None:
    # One phone slot a day, 2 h, target 1. January has 20 opening days,
    # so 40 h of duty, 20 h each for two full-timers. Before Wednesday
    # 6 Jan lie 2 of the 20 days: a tenth, so 2 h share to date each.
    # ann did Monday and Tuesday (4 h); Wednesday's slot is not done yet.
    rota = [_on("ann", MONDAY), _on("ann", date(2027, 1, 5))]
    rota += [_on("bo", WEDNESDAY)]
    figures = board_figures(make_team(), JANUARY, rota, WEDNESDAY)
    assert figures.month_share_done == pytest.approx(0.1)
    shares = {p.staff_id: (p.done_hours, p.share_to_date)
              for p in figures.people}  # fmt: skip
    assert shares["ann"] == (4.0, pytest.approx(2.0))
    assert shares["bo"] == (0.0, pytest.approx(2.0))


# -- the shelf ------------------------------------------------------------


def test_shelf_per_skill_queue() -> None:
    # Two pension cases and one for anyone on the shelf; c3 has an owner.
    # c1 came in on 1 Dec: 36 days before Wednesday 6 Jan, and its
    # deadline (5 Jan) has passed. The plan forecasts c2 late.
    cases = (
        make_case("c1", skill=None, deadline=date(2027, 1, 5)),
        make_case("c2", skill=None, received=date(2026, 12, 20)),
        make_case("c3", owner="ann"),
    )
    team = make_team(cases=cases)
    plain = board_figures(team, JANUARY, [], WEDNESDAY)
    [queue] = plain.shelf
    assert (queue.skill, queue.length, queue.hours) == (None, 2, 8.0)
    assert (queue.oldest_case, queue.oldest_days) == ("c1", 36)
    assert (queue.overdue, queue.forecast_late) == (1, None)
    assert plain.talk.oldest is not None and plain.talk.oldest.id == "c1"
    plan = [
        CaseAssignment(case_id="c1", staff_id=None),
        CaseAssignment(case_id="c2", staff_id=None, late=True),
        CaseAssignment(case_id="c3", staff_id="ann"),
    ]
    planned = board_figures(team, JANUARY, [], WEDNESDAY, backlog=plan)
    assert planned.shelf[0].forecast_late == 1


# -- flow ---------------------------------------------------------------------


def _started(id: str, received: date, started: date, **more: object):
    return make_case(
        id, received=received, started=started, owner="ann",
        status=CaseStatus.IN_PROGRESS, **more,
    )  # fmt: skip


def test_flow_without_last_week() -> None:
    # Waits of 2, 4 and 10 days: median 4, 90 % and max 10. c4 is in
    # progress without a Started date: work in progress, not in the waits.
    cases = (
        _started("c1", date(2026, 12, 1), date(2026, 12, 3)),
        _started("c2", date(2026, 12, 1), date(2026, 12, 5)),
        _started("c3", date(2026, 12, 28), date(2027, 1, 7)),
        make_case("c4", owner="ann", status=CaseStatus.IN_PROGRESS),
        make_case("c5", received=date(2027, 1, 4)),
    )
    flow = board_figures(make_team(cases=cases), JANUARY, [], WEDNESDAY).flow
    assert flow.to_started == Spread(3, median=4.0, p90=10.0, maximum=10.0)
    assert (flow.wip, flow.wip_hours, flow.started_undated) == (4, 16.0, 1)
    assert flow.to_done is None and flow.throughput is None
    # In the 7 days to 6 Jan: c5 arrived; c3 starts on the 7th, after.
    assert (flow.arrived_7d, flow.started_7d) == (1, 0)


def test_what_changed_since_last_week() -> None:
    # Last week: c1 (under way), c2 (waiting on the shelf), c3 (assigned).
    # Now: c1 has closed (left the sheet), c2 has started, c4 arrived.
    last_week = make_team(
        cases=(
            _started("c1", date(2026, 12, 1), date(2026, 12, 2)),
            make_case("c2", received=date(2026, 12, 20)),
            make_case("c3", owner="ann", status=CaseStatus.ASSIGNED),
        )
    )
    now = make_team(
        cases=(
            _started("c2", date(2026, 12, 20), date(2027, 1, 5)),
            make_case("c3", owner="ann", status=CaseStatus.ASSIGNED),
            make_case("c4", received=date(2027, 1, 5)),
        )
    )
    figures = board_figures(now, JANUARY, [], WEDNESDAY, previous=last_week)
    change = figures.change
    assert change is not None
    assert (change.arrived, change.started, change.closed) == (1, 1, 1)
    # Received to started: c2 (16 days) and the closed c1 (1 day).
    assert figures.flow.to_started.count == 2
    assert figures.flow.to_started.maximum == 16
    # Received to done: c1, 1 Dec to today (6 Jan), 36 days at most.
    assert figures.flow.to_done == Spread(1, 36.0, 36.0, 36.0)
    assert figures.flow.throughput == 1.0
    # Last week's figures, counted a week earlier: c1 was under way.
    assert change.before.wip == 1
    assert change.before.to_started.median == 1.0
