"""The domain model's own rules: single records and cross-record checks."""

from __future__ import annotations

from datetime import date, time

import pytest
from pydantic import ValidationError

from balancer.domain import (
    Month,
    SkillRequirement,
    Staff,
    Team,
    TeamValidationError,
    WorkDay,
)
from tests.factories import (
    JANUARY,
    make_absence,
    make_case,
    make_duty,
    make_slot,
    make_staff,
    make_team,
)


def test_staff_needs_a_contract() -> None:
    with pytest.raises(ValidationError, match="fte or weekly_hours"):
        Staff(id="x")


@pytest.mark.parametrize("fte", [0, -0.5, 1.01])
def test_fte_must_be_above_zero_and_at_most_one(fte: float) -> None:
    with pytest.raises(ValidationError):
        make_staff(fte=fte)


def test_skill_levels_are_one_to_three() -> None:
    with pytest.raises(ValidationError):
        make_staff(skills={"english": 4})


def test_absence_ending_before_it_starts_is_rejected() -> None:
    """Named as swapped dates: the message a JSON team file shows too."""
    with pytest.raises(
        ValidationError,
        match=r"ends \(04\.01\.2027\) "
        r"before it starts \(05\.01\.2027\): the two dates "
        "look swapped",
    ):
        make_absence(start=date(2027, 1, 5), end=date(2027, 1, 4))


def test_slot_max_below_target_is_rejected() -> None:
    with pytest.raises(ValidationError, match="maximum"):
        make_slot(min_staff=1, target_staff=3, max_staff=2)


def test_overlapping_slots_of_one_duty_are_rejected() -> None:
    with pytest.raises(ValidationError, match="overlap"):
        make_duty(slots=(make_slot("08:00", "10:00"), make_slot("09:00")))


def test_duplicate_ids_ignoring_case_and_spaces() -> None:
    with pytest.raises(TeamValidationError) as caught:
        Team.checked(
            staff=(make_staff("ann"), make_staff("Ann ")),
            duties=(make_duty(),),
        )
    [problem] = caught.value.problems
    assert (problem.sheet, problem.index, problem.field) == ("Staff", 1, "id")


def test_unknown_staff_in_absences_is_named() -> None:
    with pytest.raises(TeamValidationError) as caught:
        Team.checked(
            staff=(make_staff("ann"),),
            duties=(make_duty(),),
            absences=(make_absence("zoe"),),
        )
    [problem] = caught.value.problems
    assert problem.sheet == "Absences" and "zoe" in problem.message


def test_slot_skill_nobody_has_is_reported() -> None:
    slot = make_slot(requirements=(SkillRequirement(skill="french"),))
    with pytest.raises(TeamValidationError, match="french"):
        Team.checked(staff=(make_staff(),), duties=(make_duty(slots=(slot,)),))


def test_a_case_skill_nobody_has_is_a_warning_only() -> None:
    # Nobody has french: the team still builds, the case is named.
    team = make_team(cases=(make_case("c1", skill="french", min_level=2),))
    (warning,) = team.warnings()
    assert (warning.sheet, warning.index) == ("Cases", 0)
    assert "nobody on the team can take case c1" in warning.message


def test_every_problem_is_reported_at_once() -> None:
    with pytest.raises(TeamValidationError) as caught:
        Team.checked(
            staff=(make_staff("ann"), make_staff("ann")),
            duties=(make_duty(),),
            absences=(make_absence("zoe"),),
            cases=(make_case(owner="max", status="assigned"),),
        )
    sheets = sorted(p.sheet for p in caught.value.problems)
    assert sheets == ["Absences", "Cases", "Staff"]


def test_danish_holidays_close_the_team() -> None:
    team = make_team()
    assert team.calendar.closed_reason(date(2027, 1, 1)) is not None
    assert team.calendar.is_open(date(2027, 1, 4))
    assert not team.calendar.is_open(date(2027, 1, 2))  # Saturday
    # Maundy Thursday is a public holiday in Denmark.
    assert not team.calendar.is_open(date(2027, 3, 25))


def test_january_2027_has_20_opening_days() -> None:
    team = make_team()
    assert sum(team.calendar.is_open(d) for d in JANUARY.days()) == 20


def test_part_timer_without_pattern_gets_a_share_of_opening_hours() -> None:
    team = make_team(staff=(make_staff("ann", fte=0.5),))
    # Monday opening hours are 08:00-16:00 = 8 h; half of it.
    assert team.available_hours(team.staff[0], date(2027, 1, 4)) == 4.0


def test_pattern_and_part_day_absence_reduce_available_hours() -> None:
    person = make_staff(
        "ann",
        pattern=(WorkDay(weekday=0, start=time(9), end=time(15)),),
    )
    absence = make_absence(
        "ann", date(2027, 1, 4), from_time=time(8), to_time=time(10)
    )
    team = make_team(staff=(person,), absences=(absence,))
    assert team.available_hours(person, date(2027, 1, 4)) == 5.0
    assert team.available_hours(person, date(2027, 1, 5)) == 0.0


def test_month_parsing() -> None:
    assert Month.parse("2027-01") == Month(year=2027, month=1)
    assert Month.parse("1/2027") == Month(year=2027, month=1)
    assert str(Month.parse("12.2026").next()) == "2027-01"


def test_team_round_trips_through_json() -> None:
    team = make_team(cases=(make_case(),), absences=(make_absence(),))
    assert Team.model_validate_json(team.model_dump_json()) == team


def test_a_copy_with_other_records_does_not_reuse_old_lookups() -> None:
    """Cached look-ups (staff by id, absences by person) follow a copy."""
    from tests.factories import make_absence, make_staff, make_team

    team = make_team(
        absences=(make_absence("ann", date(2027, 1, 4), date(2027, 1, 5)),)
    )
    assert len(team.absences_of("ann")) == 1 and "ann" in team.staff_by_id
    copy = team.model_copy(
        update={"absences": (), "staff": (make_staff("zed"),)}
    )
    assert copy.absences_of("ann") == ()
    assert set(copy.staff_by_id) == {"zed"}


def test_absences_on_a_day_are_those_that_cover_it() -> None:
    """The per-day look-up finds spans, single days and part days."""
    from tests.factories import make_absence, make_staff, make_team

    week = make_absence("ann", date(2027, 1, 4), date(2027, 1, 8))
    morning = make_absence(
        "ann", date(2027, 1, 6), from_time=time(8), to_time=time(10)
    )
    other = make_absence("bo", date(2027, 1, 6))
    team = make_team(
        staff=(make_staff("ann"), make_staff("bo")),
        absences=(week, morning, other),
    )
    assert team.absences_on("ann", date(2027, 1, 6)) == (week, morning)
    assert team.absences_on("ann", date(2027, 1, 8)) == (week,)
    assert team.absences_on("ann", date(2027, 1, 9)) == ()
    assert team.absences_on("bo", date(2027, 1, 6)) == (other,)
    assert team.absences_on("bo", date(2027, 1, 5)) == ()
