"""Each hard rule alone, on the smallest team that shows it.

Pattern: the model with only that rule is feasible; fixing one variable
(through the variables container) to break the rule makes it infeasible.
Rules kept by construction (open days, allowed duties, working hours,
absences) have no variable to fix: forcing someone onto such a choice
must make the model infeasible.
"""

from __future__ import annotations

from datetime import date, time

from balancer.domain import (
    AbsenceReason,
    Rules,
    SkillRequirement,
    Weekday,
    WorkDay,
)
from balancer.result import SolveStatus
from balancer.solvers.rota.constraints import (
    HARD_RULES,
    max_consecutive_slots,
    max_duty_days_per_week,
    max_slots_per_day,
    max_slots_per_week,
    maximum_staffing,
    minimum_staffing,
    one_duty_at_a_time,
    required_skills,
)
from balancer.solvers.rota.model import build_model
from tests.factories import (
    make_absence,
    make_duty,
    make_slot,
    make_staff,
    make_team,
)
from tests.solvers.rota.helpers import JANUARY, MONDAYS, status

MON = (Weekday.MON,)
OPTIMAL = SolveStatus.OPTIMAL
INFEASIBLE = SolveStatus.INFEASIBLE


def only(rule, team):  # type: ignore[no-untyped-def]
    """The model with one hard rule and no goals."""
    return build_model(team, JANUARY, rules=(rule,), goals=())


def test_rules_are_registered_in_order() -> None:
    assert [r.name for r in HARD_RULES] == [
        "minimum_staffing",
        "maximum_staffing",
        "required_skills",
        "one_duty_at_a_time",
        "max_slots_per_day",
        "max_duty_days_per_week",
        "max_slots_per_week",
        "max_consecutive_slots",
        "max_slots_per_duty",
        "duty_minutes_range",
        "max_consecutive_duty_days",
        "min_consecutive_duty_days",
        "min_consecutive_days_off",
        "max_duty_weekends",
        "forbidden_successions",
    ]


# -- demands -----------------------------------------------------------------


def test_minimum_staffing() -> None:
    """A Monday slot needing 2 of the 2 staff: nobody may be left off."""
    team = make_team(
        duties=(make_duty(slots=(make_slot(weekdays=MON, min_staff=2),)),)
    )
    assert status(only(minimum_staffing, team)) is OPTIMAL
    broken = only(minimum_staffing, team)
    broken.variables.fix("bo", MONDAYS[0], "phone", 0, False)
    assert status(broken) is INFEASIBLE


def test_maximum_staffing() -> None:
    """A slot taking at most 1: two on it breaks the rule."""
    team = make_team(duties=(make_duty(slots=(make_slot(weekdays=MON),)),))
    built = only(maximum_staffing, team)
    built.variables.fix("ann", MONDAYS[0], "phone", 0)
    assert status(built) is OPTIMAL
    built.variables.fix("bo", MONDAYS[0], "phone", 0)
    assert status(built) is INFEASIBLE


def test_required_skills() -> None:
    """Only Ann speaks English, so Ann can't be off an English slot."""
    english = SkillRequirement(skill="english", min_level=2)
    team = make_team(
        staff=(make_staff("ann", skills={"english": 2}), make_staff("bo")),
        duties=(
            make_duty(
                slots=(make_slot(weekdays=MON, requirements=(english,)),)
            ),
        ),
    )
    assert status(only(required_skills, team)) is OPTIMAL
    built = only(required_skills, team)
    built.variables.fix("ann", MONDAYS[0], "phone", 0, False)
    assert status(built) is INFEASIBLE


def test_required_skills_counts_the_level() -> None:
    """Level 1 English doesn't count for a level-2 need."""
    english = SkillRequirement(skill="english", min_level=2)
    team = make_team(
        staff=(
            make_staff("ann", skills={"english": 2}),
            make_staff("bo", skills={"english": 1}),
        ),
        duties=(
            make_duty(
                slots=(make_slot(weekdays=MON, requirements=(english,)),)
            ),
        ),
    )
    built = only(required_skills, team)
    built.variables.fix("ann", MONDAYS[0], "phone", 0, False)
    built.variables.fix("bo", MONDAYS[0], "phone", 0, True)
    assert status(built) is INFEASIBLE


# -- one person --------------------------------------------------------------


def test_one_duty_at_a_time() -> None:
    """Phone 08-10 and mail 09-11 overlap: nobody does both."""
    team = make_team(
        staff=(make_staff("ann"),),
        duties=(
            make_duty("phone", slots=(make_slot(weekdays=MON),)),
            make_duty(
                "mail", slots=(make_slot("09:00", "11:00", weekdays=MON),)
            ),
        ),
    )
    built = only(one_duty_at_a_time, team)
    built.variables.fix("ann", MONDAYS[0], "phone", 0)
    assert status(built) is OPTIMAL
    built.variables.fix("ann", MONDAYS[0], "mail", 0)
    assert status(built) is INFEASIBLE


def test_back_to_back_slots_do_not_overlap() -> None:
    """08-10 and 10-12 touch but don't overlap: both may be taken."""
    team = make_team(
        staff=(make_staff("ann"),),
        duties=(
            make_duty("phone", slots=(make_slot(weekdays=MON),)),
            make_duty(
                "mail", slots=(make_slot("10:00", "12:00", weekdays=MON),)
            ),
        ),
    )
    built = only(one_duty_at_a_time, team)
    built.variables.fix("ann", MONDAYS[0], "phone", 0)
    built.variables.fix("ann", MONDAYS[0], "mail", 0)
    assert status(built) is OPTIMAL


def _two_slots_team(**staff_fields: object):  # type: ignore[no-untyped-def]
    slots = (
        make_slot("08:00", "10:00", weekdays=MON),
        make_slot("12:00", "14:00", weekdays=MON),
    )
    return make_team(
        staff=(make_staff("ann", **staff_fields), make_staff("bo")),
        duties=(make_duty(slots=slots),),
        rules=Rules(max_slots_per_day=2),
    )


def test_max_slots_per_day_personal_limit_replaces_the_teams() -> None:
    """Team allows 2 a day; Ann's own limit is 1, Bo has none."""
    team = _two_slots_team(max_slots_per_day=1)
    built = only(max_slots_per_day, team)
    built.variables.fix("bo", MONDAYS[0], "phone", 0)
    built.variables.fix("bo", MONDAYS[0], "phone", 1)
    assert status(built) is OPTIMAL
    built = only(max_slots_per_day, team)
    built.variables.fix("ann", MONDAYS[0], "phone", 0)
    built.variables.fix("ann", MONDAYS[0], "phone", 1)
    assert status(built) is INFEASIBLE


def test_max_slots_per_day_team_limit() -> None:
    team = _two_slots_team().model_copy(
        update={"rules": Rules(max_slots_per_day=1)}
    )
    built = only(max_slots_per_day, team)
    built.variables.fix("bo", MONDAYS[0], "phone", 0)
    assert status(built) is OPTIMAL
    built.variables.fix("bo", MONDAYS[0], "phone", 1)
    assert status(built) is INFEASIBLE


def test_max_duty_days_per_week() -> None:
    """One duty day a week: Mon 4 and Mon 11 are fine, Mon+Tue are not."""
    team = make_team(
        duties=(
            make_duty(slots=(make_slot(weekdays=(Weekday.MON, Weekday.TUE)),)),
        ),
        rules=Rules(max_duty_days_per_week=1),
    )
    built = only(max_duty_days_per_week, team)
    built.variables.fix("ann", MONDAYS[0], "phone", 0)
    built.variables.fix("ann", MONDAYS[1], "phone", 0)
    assert status(built) is OPTIMAL
    built.variables.fix("ann", date(2027, 1, 5), "phone", 0)
    assert status(built) is INFEASIBLE


def test_max_slots_per_week() -> None:
    """Three slots a week: Mon, Tue and Wed fit; Thursday is a fourth."""
    week = (date(2027, 1, 4), date(2027, 1, 5), date(2027, 1, 6))
    team = make_team(rules=Rules(max_slots_per_week=3))
    built = only(max_slots_per_week, team)
    for day in week:
        built.variables.fix("ann", day, "phone", 0)
    assert status(built) is OPTIMAL
    built.variables.fix("ann", date(2027, 1, 7), "phone", 0)
    assert status(built) is INFEASIBLE


def test_max_slots_per_week_personal_limit_replaces_the_teams() -> None:
    """Ann's own limit of 1 holds though the team has none; Bo is free."""
    team = make_team(
        staff=(make_staff("ann", max_slots_per_week=1), make_staff("bo"))
    )
    built = only(max_slots_per_week, team)
    for day in (date(2027, 1, 4), date(2027, 1, 5)):
        built.variables.fix("bo", day, "phone", 0)
    built.variables.fix("ann", date(2027, 1, 6), "phone", 0)
    assert status(built) is OPTIMAL
    built.variables.fix("ann", date(2027, 1, 7), "phone", 0)
    assert status(built) is INFEASIBLE


def test_max_consecutive_slots_across_duties() -> None:
    """Limit 1: phone 08-10 then mail 10-12 is two back to back."""
    team = make_team(
        staff=(make_staff("ann", max_consecutive_slots=1), make_staff("bo")),
        duties=(
            make_duty(
                "phone",
                slots=(
                    make_slot(weekdays=MON),
                    make_slot("12:00", "14:00", weekdays=MON),
                ),
            ),
            make_duty(
                "mail", slots=(make_slot("10:00", "12:00", weekdays=MON),)
            ),
        ),
    )
    built = only(max_consecutive_slots, team)
    built.variables.fix("ann", MONDAYS[0], "phone", 0)
    built.variables.fix("ann", MONDAYS[0], "phone", 1)  # 12-14: a gap
    assert status(built) is OPTIMAL
    built.variables.fix("ann", MONDAYS[1], "phone", 0)
    built.variables.fix("ann", MONDAYS[1], "mail", 0)
    assert status(built) is INFEASIBLE


def test_max_consecutive_slots_allows_the_limit() -> None:
    """Team limit 2: three back to back is one too many."""
    team = make_team(
        staff=(make_staff("ann"),),
        duties=(
            make_duty(
                slots=(
                    make_slot("08:00", "10:00", weekdays=MON),
                    make_slot("10:00", "12:00", weekdays=MON),
                    make_slot("12:00", "14:00", weekdays=MON),
                )
            ),
        ),
        rules=Rules(max_consecutive_slots=2, max_slots_per_day=3),
    )
    built = only(max_consecutive_slots, team)
    built.variables.fix("ann", MONDAYS[0], "phone", 0)
    built.variables.fix("ann", MONDAYS[0], "phone", 1)
    assert status(built) is OPTIMAL
    built.variables.fix("ann", MONDAYS[0], "phone", 2)
    assert status(built) is INFEASIBLE


# -- kept by construction ----------------------------------------------------


def test_open_days_only_no_duty_on_a_public_holiday() -> None:
    """1 Jan 2027 (a Friday) is New Year's Day: no variable exists."""
    team = make_team()
    built = only(minimum_staffing, team)
    built.variables.fix("ann", date(2027, 1, 8), "phone", 0)
    assert status(built) is OPTIMAL
    assert built.variables.works("ann", date(2027, 1, 1), "phone", 0) is None
    built.variables.fix("ann", date(2027, 1, 1), "phone", 0)
    assert status(built) is INFEASIBLE


def test_open_days_only_no_duty_on_closed_dates_or_off_weekdays() -> None:
    team = make_team(
        duties=(make_duty(slots=(make_slot(weekdays=MON),)),),
        calendar={"closed_dates": (MONDAYS[1],)},
    )
    built = only(minimum_staffing, team)
    for day in (MONDAYS[1], date(2027, 1, 5)):  # closed; not a Monday
        assert built.variables.works("ann", day, "phone", 0) is None
    built.variables.fix("ann", date(2027, 1, 5), "phone", 0)
    assert status(built) is INFEASIBLE


def test_allowed_duties() -> None:
    team = make_team(
        staff=(make_staff("ann", duties=("mail",)), make_staff("bo")),
        duties=(
            make_duty("phone", slots=(make_slot(weekdays=MON),)),
            make_duty(
                "mail", slots=(make_slot("10:00", "12:00", weekdays=MON),)
            ),
        ),
    )
    built = only(minimum_staffing, team)
    built.variables.fix("ann", MONDAYS[0], "mail", 0)
    assert status(built) is OPTIMAL
    built.variables.fix("ann", MONDAYS[0], "phone", 0)
    assert status(built) is INFEASIBLE


def test_working_hours() -> None:
    """Ann works Mondays 09:00-16:00 only: not Tuesdays, not 08-10."""
    team = make_team(
        staff=(
            make_staff(
                "ann",
                pattern=(WorkDay(weekday=Weekday.MON, start=time(9)),),
            ),
            make_staff("bo"),
        ),
        duties=(
            make_duty(
                slots=(
                    make_slot("08:00", "10:00"),
                    make_slot("10:00", "12:00"),
                )
            ),
        ),
    )
    built = only(minimum_staffing, team)
    built.variables.fix("ann", MONDAYS[0], "phone", 1)
    assert status(built) is OPTIMAL
    for day, k in ((MONDAYS[0], 0), (date(2027, 1, 5), 1)):
        broken = only(minimum_staffing, team)
        broken.variables.fix("ann", day, "phone", k)
        assert status(broken) is INFEASIBLE


def test_absences_whole_and_part_day() -> None:
    """Away all Mon 4 Jan, and 09:00-10:00 on Mon 11 Jan."""
    team = make_team(
        duties=(
            make_duty(
                slots=(
                    make_slot("08:00", "10:00", weekdays=MON),
                    make_slot("10:00", "12:00", weekdays=MON),
                )
            ),
        ),
        absences=(
            make_absence("ann", MONDAYS[0], reason=AbsenceReason.VACATION),
            make_absence(
                "ann", MONDAYS[1], from_time=time(9), to_time=time(10)
            ),
        ),
    )
    built = only(minimum_staffing, team)
    built.variables.fix("ann", MONDAYS[1], "phone", 1)  # 10-12: after it
    assert status(built) is OPTIMAL
    for day, k in ((MONDAYS[0], 0), (MONDAYS[0], 1), (MONDAYS[1], 0)):
        broken = only(minimum_staffing, team)
        broken.variables.fix("ann", day, "phone", k)
        assert status(broken) is INFEASIBLE
