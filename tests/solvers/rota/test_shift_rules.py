"""The shift-work rules and goals, each alone on a two-week period.

A team open round the clock every day, with an early and a late duty
(one slot a day each), planned over a 14-day :class:`Period` from Monday
1 January 2024 (no public holidays). Each hard rule: feasible alone, then
infeasible once a variable is fixed to break it. Each goal: its exact
value on a pinned rota, which the independent validator must match.
"""

from __future__ import annotations

from datetime import date, time, timedelta
from typing import Any

import pytest

from balancer.domain import (
    CalendarSettings,
    DutyRequest,
    OpeningHours,
    Period,
    Rules,
    Team,
    Weekday,
)
from balancer.result import SolveStatus
from balancer.solvers.rota.constraints import (
    HARD_RULES,
    duty_minutes_range,
    forbidden_successions,
    max_consecutive_duty_days,
    max_duty_weekends,
    max_slots_per_duty,
    min_consecutive_days_off,
    min_consecutive_duty_days,
)
from balancer.solvers.rota.model import RotaModel, build_model
from balancer.solvers.rota.objectives import (
    over_target,
    requests,
    target_staffing,
)
from balancer.validate.rota import check_rota, score_rota
from tests.factories import (
    make_absence,
    make_duty,
    make_slot,
    make_staff,
    make_team,
)
from tests.solvers.rota.helpers import rota, run, status

PERIOD = Period.of(date(2024, 1, 1), 14)
DAY = [PERIOD.first + timedelta(days=i) for i in range(14)]
EVERY_DAY = tuple(Weekday)
OPTIMAL = SolveStatus.OPTIMAL
INFEASIBLE = SolveStatus.INFEASIBLE


def shift_team(**ann: Any) -> Team:
    """Ann (with the given limits) and Bo; early and late, nobody needed."""
    fields: dict[str, Any] = {
        "staff": (make_staff("ann", **ann), make_staff("bo")),
        "duties": (
            make_duty(
                "early",
                slots=(
                    make_slot(
                        "00:00",
                        "08:00",
                        weekdays=EVERY_DAY,
                        min_staff=0,
                        max_staff=2,
                    ),
                ),
            ),
            make_duty(
                "late",
                slots=(
                    make_slot(
                        "08:00",
                        "16:00",
                        weekdays=EVERY_DAY,
                        min_staff=0,
                        max_staff=2,
                    ),
                ),
                not_followed_by=("early",),
            ),
        ),
        "calendar": CalendarSettings(
            country=None,
            opening_hours=tuple(
                OpeningHours(weekday=d, open=time(0), close=time.max)
                for d in Weekday
            ),
        ),
        "rules": Rules(max_slots_per_day=1, max_duty_days_per_week=7),
    }
    return Team(**fields)


def only(rule, team: Team) -> RotaModel:  # type: ignore[no-untyped-def]
    return build_model(team, PERIOD, rules=(rule,), goals=())


def fixed(built: RotaModel, *days: int, duty: str = "early") -> RotaModel:
    for i in days:
        built.variables.fix("ann", DAY[i], duty, 0)
    return built


def off(built: RotaModel, *days: int) -> RotaModel:
    for i in days:
        for duty in ("early", "late"):
            built.variables.fix("ann", DAY[i], duty, 0, False)
    return built


def test_a_period_is_a_month_of_any_length() -> None:
    assert list(PERIOD.days()) == DAY
    assert (PERIOD.year, PERIOD.month, str(PERIOD)) == (
        2024,
        1,
        "2024-01-01..2024-01-14",
    )
    assert PERIOD.next().first == date(2024, 1, 15)


def test_max_slots_per_duty() -> None:
    team = shift_team(max_slots_by_duty={"early": 2})
    assert status(fixed(only(max_slots_per_duty, team), 0, 5)) is OPTIMAL
    broken = fixed(only(max_slots_per_duty, team), 0, 5, 9)
    assert status(broken) is INFEASIBLE


def test_duty_minutes_range() -> None:
    # Each slot is 480 minutes: 3 slots fit 1400-1500, 2 or 4 do not.
    team = shift_team(min_duty_minutes=1400, max_duty_minutes=1500)
    assert status(fixed(only(duty_minutes_range, team), 0, 1, 2)) is OPTIMAL
    too_many = fixed(only(duty_minutes_range, team), 0, 1, 2, 3)
    assert status(too_many) is INFEASIBLE
    too_few = off(only(duty_minutes_range, team), *range(1, 14))
    assert status(fixed(too_few, 0)) is INFEASIBLE


def test_max_consecutive_duty_days() -> None:
    team = shift_team(max_consecutive_duty_days=2)
    assert status(fixed(only(max_consecutive_duty_days, team), 0, 1, 3)) is (
        OPTIMAL
    )
    broken = fixed(only(max_consecutive_duty_days, team), 4, 5)
    fixed(broken, 6, duty="late")  # any duty counts as a duty day
    assert status(broken) is INFEASIBLE


def test_min_consecutive_duty_days() -> None:
    team = shift_team(min_consecutive_duty_days=2)
    # A single day at the period's edge may continue outside it.
    edge = off(fixed(only(min_consecutive_duty_days, team), 0), 1)
    assert status(edge) is OPTIMAL
    broken = off(fixed(only(min_consecutive_duty_days, team), 3), 2, 4)
    assert status(broken) is INFEASIBLE


def test_min_consecutive_days_off() -> None:
    team = shift_team(min_consecutive_days_off=2)
    edge = off(fixed(only(min_consecutive_days_off, team), 1), 0)
    assert status(edge) is OPTIMAL
    broken = off(fixed(only(min_consecutive_days_off, team), 2, 4), 3)
    assert status(broken) is INFEASIBLE


def test_max_duty_weekends() -> None:
    # Days 5 and 6 are the first Saturday and Sunday, 12 and 13 the next.
    team = shift_team(max_duty_weekends=1)
    assert status(fixed(only(max_duty_weekends, team), 5, 6)) is OPTIMAL
    broken = fixed(only(max_duty_weekends, team), 6, 12)
    assert status(broken) is INFEASIBLE


def test_forbidden_successions() -> None:
    team = shift_team()
    allowed = fixed(only(forbidden_successions, team), 0)
    assert status(fixed(allowed, 1, duty="late")) is OPTIMAL
    broken = fixed(only(forbidden_successions, team), 0, duty="late")
    assert status(fixed(broken, 1)) is INFEASIBLE


def test_new_rules_are_off_by_default() -> None:
    # Without limits everyone may work every day, early after late too.
    built = build_model(shift_team(), PERIOD, rules=HARD_RULES[7:-1])
    for i in range(14):
        built.variables.fix("ann", DAY[i], "early" if i % 2 else "late", 0)
    assert status(built) is OPTIMAL


# -- goals -------------------------------------------------------------------


def value(team: Team, goal, assignments) -> float:  # type: ignore[no-untyped-def]
    built = build_model(team, PERIOD, rules=(), goals=(goal,))
    built.variables.pin(assignments)
    done = run(built)
    assert done.status is OPTIMAL
    [term] = built.terms
    got = term.value(done.solver)
    assert got == pytest.approx(
        score_rota(team, PERIOD, assignments)[term.name]
    )
    return float(got)


def cover_team() -> Team:
    """Early wants 2 on day 0 and 1 (the slot's own target) otherwise."""
    team = shift_team()
    early = team.duties[0]
    slot = early.slots[0].model_copy(
        update={
            "target_staff": 1,
            "max_staff": 2,
            "target_by_date": {DAY[0]: 2},
        }
    )
    return team.model_copy(
        update={
            "duties": (
                early.model_copy(update={"slots": (slot,)}),
                team.duties[1],
            ),
            "weights": team.weights.model_copy(update={"over_target": 1}),
        }
    )


def test_target_on_a_date_replaces_the_slot_target() -> None:
    # Day 0 wants 2 and gets 1; days 1-13 want 1 and get 0, except day 1.
    team = cover_team()
    assignments = rota(("ann", DAY[0], "early", 0), ("bo", DAY[1], "early", 0))
    assert value(team, target_staffing, assignments) == 1 + 12


def test_over_target() -> None:
    # Day 1 wants 1 and gets 2: one over. Day 0 wants 2 and gets 2.
    team = cover_team()
    assignments = rota(
        *(("ann", DAY[i], "early", 0) for i in (0, 1)),
        *(("bo", DAY[i], "early", 0) for i in (0, 1)),
    )
    assert value(team, over_target, assignments) == 1


def test_requests() -> None:
    # Met: ann's early on day 0 (on) and no late on day 1 (off). Unmet:
    # bo's early on day 2 (3 points), bo's late on day 3 (2 points).
    team = shift_team().model_copy(
        update={
            "requests": (
                DutyRequest(
                    staff_id="ann", on=DAY[0], duty="early", want=True
                ),
                DutyRequest(
                    staff_id="ann", on=DAY[1], duty="late", want=False
                ),
                DutyRequest(
                    staff_id="bo", on=DAY[2], duty="early", want=True, weight=3
                ),
                DutyRequest(
                    staff_id="bo", on=DAY[3], duty="late", want=False, weight=2
                ),
            )
        }
    )
    assignments = rota(
        ("ann", DAY[0], "early", 0),
        ("ann", DAY[1], "early", 0),
        ("bo", DAY[2], "late", 0),
        ("bo", DAY[3], "late", 0),
    )
    assert value(team, requests, assignments) == 5


def test_solve_keeps_every_new_rule() -> None:
    team = shift_team(
        max_consecutive_duty_days=3,
        min_consecutive_duty_days=2,
        min_consecutive_days_off=2,
        max_duty_weekends=1,
        min_duty_minutes=480 * 6,
        max_slots_by_duty={"late": 3},
    )
    built = build_model(team, PERIOD)
    done = run(built)
    assert done.status is OPTIMAL
    found = built.variables.extract(done.solver)
    assert check_rota(team, PERIOD, found) == []


def test_every_hard_rule_says_whether_the_quick_start_keeps_it() -> None:
    # A new rule cannot be forgotten by the start's check: hard_rule()
    # demands the property, and a rule the start does not keep must say
    # when it binds a team.
    from balancer.solvers.rota.constraints import HARD_RULES

    assert all(isinstance(rule.greedy_keeps, bool) for rule in HARD_RULES)
    ignored = [rule.name for rule in HARD_RULES if not rule.greedy_keeps]
    assert ignored == [
        "max_slots_per_week",
        "max_slots_per_duty",
        "duty_minutes_range",
        "max_consecutive_duty_days",
        "min_consecutive_duty_days",
        "min_consecutive_days_off",
        "max_duty_weekends",
        "forbidden_successions",
    ]
    plain = make_team(staff=(make_staff("ann"),))
    assert not any(
        rule.applies(plain) for rule in HARD_RULES if not rule.greedy_keeps
    )


def test_greedy_hint_only_when_it_keeps_every_rule() -> None:
    # The greedy rota ignores the period rules; even a limit of 0
    # weekends is a rule it would break, so no hint then.
    from balancer.solvers.rota.constraints import greedy_keeps_every_rule

    assert greedy_keeps_every_rule(shift_team()) is False  # successions
    plain = shift_team().model_copy(
        update={
            "duties": tuple(
                d.model_copy(update={"not_followed_by": ()})
                for d in shift_team().duties
            )
        }
    )
    assert greedy_keeps_every_rule(plain) is True
    weekends = plain.model_copy(
        update={"staff": (make_staff("ann", max_duty_weekends=0),)}
    )
    assert greedy_keeps_every_rule(weekends) is False


def _too_short(pattern: list[bool], least: int, *, duty: bool) -> bool:
    """True if a run of duty days (or days off) inside the period, not
    touching its first or last day, is shorter than ``least``."""
    runs, start = [], None
    for day, works in enumerate([*pattern, not duty]):
        if works == duty and start is None:
            start = day
        elif works != duty and start is not None:
            runs.append((start, day - 1))
            start = None
    last = len(pattern) - 1
    return any(a > 0 and b < last and b - a + 1 < least for a, b in runs)


@pytest.mark.parametrize("least", [2, 3, 4])
@pytest.mark.parametrize("duty", [True, False], ids=["duty", "off"])
def test_min_runs_forbid_exactly_the_short_runs(
    least: int, duty: bool
) -> None:
    # 300 random fortnights for Ann (with an absence on day 6, a day
    # that is surely off), each pinned day by day: the rule alone must
    # accept a fortnight exactly when no inner run is too short.
    import random

    rule = min_consecutive_duty_days if duty else min_consecutive_days_off
    field = "min_consecutive_duty_days" if duty else "min_consecutive_days_off"
    team = shift_team(**{field: least}).model_copy(
        update={"absences": (make_absence("ann", DAY[6]),)}
    )
    rng = random.Random(least * 2 + duty)
    for _ in range(300):
        pattern = [rng.random() < 0.6 for _ in DAY]
        pattern[6] = False
        built = only(rule, team)
        for day, works in zip(DAY, pattern, strict=True):
            built.variables.fix("ann", day, "early", 0, works)
            built.variables.fix("ann", day, "late", 0, False)
        expected = (
            INFEASIBLE if _too_short(pattern, least, duty=duty) else OPTIMAL
        )
        assert status(built) is expected, pattern
