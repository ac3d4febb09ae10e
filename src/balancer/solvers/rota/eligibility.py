"""Who may stand on a duty slot on a day, and if not, why not.

These are the hard rules the rota keeps *by construction*: the model only
creates a variable for a (person, day, duty, slot) that passes every one of
them, so no constraint is needed and nothing can break them.

- ``open_days_only``: no duty on public holidays, closed dates or closed
  weekdays (``CalendarSettings.is_open``), and a slot only on its weekdays.
- ``allowed_duties``: a person only takes duties they may take
  (``Staff.may_take``).
- ``working_hours``: the slot lies within the person's working hours that
  day (``Team.working_hours``: their pattern, or the opening hours).
- ``absences``: no absence (whole or part day) overlaps the slot
  (``Absence.blocks``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from balancer.domain import AbsenceReason, Weekday, minutes

if TYPE_CHECKING:
    from datetime import date

    from balancer.domain import Slot, Staff, Team

__all__ = ["unavailability"]

_REASON_WORDS = {
    AbsenceReason.VACATION: "on vacation",
    AbsenceReason.SICK: "sick",
    AbsenceReason.COURSE: "on a course",
    AbsenceReason.OTHER: "away",
}


def unavailability(
    team: Team, person: Staff, day: date, duty_id: str, slot: Slot
) -> str | None:
    """Why ``person`` cannot take the slot on ``day``; None when they can.

    The reason is a short phrase in the planner's words, e.g. ``on
    vacation`` or ``doesn't work Tuesdays``; the first rule that fails
    gives it.
    """
    reason = closed_reason(team, day, slot)
    if reason is not None:
        return reason
    if not person.may_take(duty_id):
        return f"doesn't take {duty_id}"
    start, end = team.working_hours(person, day)
    if minutes(end) <= minutes(start):
        weekday = Weekday(day.weekday()).name.capitalize()
        return f"doesn't work {_plural_day(weekday)}"
    if minutes(slot.start) < minutes(start) or minutes(end) < minutes(
        slot.end
    ):
        return f"works {start:%H:%M}-{end:%H:%M}"
    for absence in team.absences_on(person.id, day):
        if absence.blocks(day, slot.start, slot.end):
            words = _REASON_WORDS[absence.reason]
            if absence.whole_day:
                return words
            assert absence.from_time and absence.to_time
            return f"{words} {absence.from_time:%H:%M}-{absence.to_time:%H:%M}"
    return None


def closed_reason(team: Team, day: date, slot: Slot) -> str | None:
    """Why nobody can take the slot on ``day``; None when it runs."""
    closed = team.calendar.closed_reason(day)
    if closed is not None:
        return f"closed ({closed})"
    if not slot.runs_on(day.weekday()):
        return "the slot doesn't run that weekday"
    return None


def _plural_day(short: str) -> str:
    names = {
        "Mon": "Mondays",
        "Tue": "Tuesdays",
        "Wed": "Wednesdays",
        "Thu": "Thursdays",
        "Fri": "Fridays",
        "Sat": "Saturdays",
        "Sun": "Sundays",
    }
    return names[short[:3]]
