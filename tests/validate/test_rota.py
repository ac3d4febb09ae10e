"""The independent rota checker finds each broken rule by its name.

Each case starts from a valid rota on a tiny team and breaks exactly one
rule by hand; the checker must name that rule (and only that rule).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, time

import pytest

from balancer.domain import (
    CalendarSettings,
    OpeningHours,
    Rules,
    SkillRequirement,
    Team,
    Weekday,
    WorkDay,
)
from balancer.result import DutyAssignment
from balancer.solvers.rota.constraints import HARD_RULES
from balancer.validate.rota import (
    HARD_RULE_NAMES,
    check_rota,
    score_rota,
)
from tests.factories import (
    JANUARY,
    make_absence,
    make_duty,
    make_slot,
    make_staff,
    make_team,
)

MONDAYS = (
    date(2027, 1, 4),
    date(2027, 1, 11),
    date(2027, 1, 18),
    date(2027, 1, 25),
)
MON = (Weekday.MON,)
TUESDAY = date(2027, 1, 12)


def duty(
    staff: str, day: date, duty_id: str = "phone", k: int = 0
) -> DutyAssignment:
    return DutyAssignment(
        staff_id=staff, day=day, duty_id=duty_id, slot_index=k
    )


def base_team(**fields: object) -> Team:
    """Ann (English) and Bo; phone 08-10 and 10-12, mail 10-12, Mondays."""
    english = SkillRequirement(skill="english")
    defaults: dict[str, object] = {
        "staff": (
            make_staff("ann", skills={"english": 1}),
            make_staff(
                "bo",
                pattern=(
                    WorkDay(weekday=Weekday.MON),
                    WorkDay(weekday=Weekday.TUE),
                ),
            ),
        ),
        "duties": (
            make_duty(
                "phone",
                slots=(
                    make_slot(
                        "08:00", "10:00", weekdays=MON, requirements=(english,)
                    ),
                    make_slot(
                        "10:00",
                        "12:00",
                        weekdays=MON,
                        min_staff=0,
                        max_staff=1,
                    ),
                    make_slot(
                        "12:00",
                        "14:00",
                        weekdays=MON,
                        min_staff=0,
                        max_staff=1,
                    ),
                ),
            ),
            make_duty(
                "mail",
                slots=(
                    make_slot(
                        "10:00",
                        "12:00",
                        weekdays=(Weekday.MON, Weekday.TUE),
                        min_staff=0,
                        max_staff=2,
                    ),
                ),
            ),
        ),
        "rules": Rules(
            max_slots_per_day=2,
            max_consecutive_slots=2,
            max_duty_days_per_week=1,
        ),
    }
    defaults.update(fields)
    return make_team(**defaults)


GOOD = tuple(duty("ann", d) for d in MONDAYS)


def rules_broken(
    team: Team, assignments: tuple[DutyAssignment, ...]
) -> set[str]:
    return {v.rule for v in check_rota(team, JANUARY, assignments)}


def test_a_valid_rota_has_no_violations() -> None:
    assert check_rota(base_team(), JANUARY, GOOD) == []


# Each case: (team, rota) breaking exactly the named rule.
Case = Callable[[], tuple[Team, tuple[DutyAssignment, ...]]]
CASES: dict[str, Case] = {
    "known_slot": lambda: (
        base_team(),
        (*GOOD, duty("ann", MONDAYS[0], "phone", 7)),
    ),
    "open_days_only": lambda: (
        base_team(),
        (
            *GOOD,
            duty("bo", date(2027, 1, 5), "phone", 1),
        ),  # not a Tuesday slot
    ),
    "allowed_duties": lambda: (
        base_team(
            staff=(
                make_staff("ann", skills={"english": 1}),
                make_staff("bo", duties=("phone",)),
            )
        ),
        (*GOOD, duty("bo", MONDAYS[0], "mail")),
    ),
    "working_hours": lambda: (
        base_team(
            staff=(
                make_staff("ann", skills={"english": 1}),
                make_staff(
                    "bo",
                    pattern=(WorkDay(weekday=Weekday.TUE, start=time(11)),),
                ),
            )
        ),
        (*GOOD, duty("bo", date(2027, 1, 5), "mail")),  # Bo starts at 11
    ),
    "absences": lambda: (
        base_team(
            absences=(
                make_absence(
                    "bo", MONDAYS[1], from_time=time(11), to_time=time(12)
                ),
            )
        ),
        (*GOOD, duty("bo", MONDAYS[1], "mail")),
    ),
    "minimum_staffing": lambda: (
        base_team(
            duties=(
                make_duty(
                    "phone", slots=(make_slot(weekdays=MON, min_staff=2),)
                ),
            )
        ),
        GOOD,
    ),
    "maximum_staffing": lambda: (base_team(), (*GOOD, duty("bo", MONDAYS[0]))),
    "required_skills": lambda: (
        base_team(),
        (duty("bo", MONDAYS[0]), *GOOD[1:]),
    ),
    "one_duty_at_a_time": lambda: (
        base_team(),
        (
            *GOOD,
            duty("bo", MONDAYS[0], "phone", 1),
            duty("bo", MONDAYS[0], "mail"),
        ),
    ),
    "max_slots_per_day": lambda: (
        base_team(rules=Rules(max_slots_per_day=1, max_duty_days_per_week=1)),
        (*GOOD, duty("ann", MONDAYS[0], "phone", 2)),
    ),
    "max_duty_days_per_week": lambda: (
        base_team(),
        (
            *GOOD,
            duty("bo", MONDAYS[0], "mail"),
            duty("bo", date(2027, 1, 5), "mail"),
        ),
    ),
    "max_slots_per_week": lambda: (
        base_team(
            staff=(
                make_staff("ann", skills={"english": 1}),
                make_staff(
                    "bo", max_slots_per_week=1, max_duty_days_per_week=7
                ),
            )
        ),
        (
            *GOOD,
            duty("bo", MONDAYS[0], "mail"),
            duty("bo", date(2027, 1, 5), "mail"),
        ),
    ),
    "max_consecutive_slots": lambda: (
        base_team(
            staff=(
                make_staff(
                    "ann",
                    skills={"english": 1},
                    max_consecutive_slots=1,
                    max_slots_per_day=3,
                ),
                make_staff("bo"),
            )
        ),
        (*GOOD, duty("ann", MONDAYS[0], "phone", 1)),
    ),
    "max_slots_per_duty": lambda: (
        base_team(
            staff=(
                make_staff(
                    "ann",
                    skills={"english": 1},
                    max_slots_by_duty={"phone": 3},
                ),
                make_staff("bo"),
            )
        ),
        GOOD,  # four phone slots
    ),
    "duty_minutes_range": lambda: (
        base_team(
            staff=(
                make_staff("ann", skills={"english": 1}, max_duty_minutes=420),
                make_staff("bo"),
            )
        ),
        GOOD,  # 4 x 120 minutes
    ),
    "max_consecutive_duty_days": lambda: (
        base_team(
            staff=(
                make_staff("ann", skills={"english": 1}),
                make_staff("bo", max_consecutive_duty_days=1),
            ),
            rules=Rules(max_duty_days_per_week=5),
        ),
        (*GOOD, duty("bo", MONDAYS[1], "mail"), duty("bo", TUESDAY, "mail")),
    ),
    "min_consecutive_duty_days": lambda: (
        base_team(
            staff=(
                make_staff("ann", skills={"english": 1}),
                make_staff("bo", min_consecutive_duty_days=2),
            )
        ),
        (*GOOD, duty("bo", TUESDAY, "mail")),  # Mon and Wed off
    ),
    "min_consecutive_days_off": lambda: (
        base_team(
            staff=(
                make_staff(
                    "ann", skills={"english": 1}, min_consecutive_days_off=7
                ),
                make_staff("bo"),
            )
        ),
        GOOD,  # six days off between Mondays
    ),
    "max_duty_weekends": lambda: (
        base_team(
            staff=(
                make_staff("ann", skills={"english": 1}, max_duty_weekends=0),
                make_staff("bo"),
            ),
            calendar=CalendarSettings(
                opening_hours=tuple(
                    OpeningHours(weekday=d, open=time(8), close=time(16))
                    for d in Weekday
                )
            ),
            duties=(
                *base_team().duties,
                make_duty("sat", slots=(make_slot(weekdays=(Weekday.SAT,)),)),
            ),
        ),
        (
            *GOOD,
            *(duty("bo", date(2027, 1, d), "sat") for d in (9, 16, 23, 30)),
            duty("ann", date(2027, 1, 2), "sat"),  # ISO week 53 of 2026
        ),
    ),
    "forbidden_successions": lambda: (
        base_team(
            duties=(
                base_team().duties[0],
                base_team()
                .duties[1]
                .model_copy(update={"not_followed_by": ("mail",)}),
            ),
            rules=Rules(max_duty_days_per_week=5),
        ),
        (*GOOD, duty("bo", MONDAYS[1], "mail"), duty("bo", TUESDAY, "mail")),
    ),
}


def test_every_rule_has_a_case() -> None:
    assert set(CASES) == set(HARD_RULE_NAMES)


def test_every_solver_rule_is_checked_by_name() -> None:
    assert {r.__name__ for r in HARD_RULES} <= set(HARD_RULE_NAMES)


@pytest.mark.parametrize("rule", sorted(CASES))
def test_each_broken_rule_is_named(rule: str) -> None:
    team, assignments = CASES[rule]()
    assert rules_broken(team, assignments) == {rule}


def test_closed_day_and_whole_day_absence() -> None:
    team = base_team(
        duties=(
            make_duty("phone", slots=(make_slot(min_staff=0, max_staff=1),)),
        ),
        absences=(make_absence("ann", date(2027, 1, 7)),),
    )
    assert rules_broken(team, (duty("ann", date(2027, 1, 1)),)) == {
        "open_days_only"
    }
    assert rules_broken(team, (duty("ann", date(2027, 1, 7)),)) == {"absences"}


def test_unknown_staff_duplicates_and_other_months() -> None:
    team = base_team()
    for extra in (
        duty("zed", MONDAYS[0]),
        duty("ann", date(2027, 2, 1)),
        duty("ann", MONDAYS[0], "fax"),
        GOOD[0],
    ):
        assert rules_broken(team, (*GOOD, extra)) == {"known_slot"}


def test_violation_names_day_and_person() -> None:
    team, assignments = CASES["max_slots_per_day"]()
    [found] = check_rota(team, JANUARY, assignments)
    assert (found.rule, found.day, found.staff_id) == (
        "max_slots_per_day",
        MONDAYS[0],
        "ann",
    )
    # By name, on the tool's one date style, in either language.
    assert found.message == "Mon 4 Jan: Ann has 2 slots, max 1"
    assert found.text("da") == "man. 4. jan.: Ann har 2 vagter, maks 1"


def test_a_duty_someone_may_not_take_names_date_slot_and_person() -> None:
    team, assignments = CASES["allowed_duties"]()
    [found] = check_rota(team, JANUARY, assignments)
    assert found.message == "Mon 4 Jan 10:00-12:00 mail: Bo doesn't take mail"
    assert found.text("da") == (
        "man. 4. jan. 10:00-12:00 mail: Bo tager ikke mail"
    )


def test_score_counts_back_to_back_slots_as_one_block() -> None:
    # Ann: 08-10 and 10-12 touch (one block); Bo: mail 10-12 alone.
    team = base_team()
    assignments = (*GOOD, duty("ann", MONDAYS[1], "phone", 1))
    assert score_rota(team, JANUARY, assignments)["blocks"] == 0.0
    scattered = (*GOOD, duty("ann", MONDAYS[1], "phone", 2))
    assert score_rota(team, JANUARY, scattered)["blocks"] == 1.0
