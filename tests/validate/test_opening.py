"""Slots outside the opening hours: found per slot and weekday."""

from __future__ import annotations

from datetime import time

from balancer.domain import CalendarSettings, OpeningHours, Weekday
from balancer.validate.opening import slots_outside_opening_hours
from tests.factories import make_duty, make_slot, make_team


def test_a_slot_past_fridays_closing_is_found_on_friday_only() -> None:
    """The default Friday closes at 15:00; Monday-Thursday at 16:00."""
    late = make_slot("14:00", "15:30")
    team = make_team(duties=(make_duty(slots=(make_slot(), late)),))
    [found] = slots_outside_opening_hours(team)
    assert (found.duty_id, found.slot_index, found.slot) == ("phone", 1, late)
    assert [(day, hours.close) for day, hours in found.days] == [
        (Weekday.FRI, time(15))
    ]


def test_a_slot_before_opening_is_found() -> None:
    team = make_team(duties=(make_duty(slots=(make_slot("07:30", "09:00"),)),))
    [found] = slots_outside_opening_hours(team)
    assert len(found.days) == 5


def test_slots_within_the_hours_or_on_closed_days_are_fine() -> None:
    """Saturday is closed: a Saturday slot does not run, nothing to say."""
    calendar = CalendarSettings(
        opening_hours=(
            OpeningHours(weekday=Weekday.MON, open=time(8), close=time(16)),
        )
    )
    slots = (
        make_slot("14:00", "16:00", weekdays=(Weekday.MON,)),
        make_slot("10:00", "18:00", weekdays=(Weekday.SAT,)),
    )
    team = make_team(duties=(make_duty(slots=slots),), calendar=calendar)
    assert slots_outside_opening_hours(team) == ()
