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

from balancer.domain import minutes
from balancer.language import Said

if TYPE_CHECKING:
    from datetime import date

    from balancer.domain import Slot, Staff, Team

__all__ = ["unavailability"]


def unavailability(
    team: Team, person: Staff, day: date, duty_id: str, slot: Slot
) -> Said | None:
    """Why ``person`` cannot take the slot on ``day``; None when they can.

    The reason is a short phrase in the planner's words, e.g. ``on
    vacation`` or ``doesn't work Tuesdays`` (in either language: see
    :class:`balancer.language.Said`); the first rule that fails gives it.
    """
    reason = closed_reason(team, day, slot)
    if reason is not None:
        return reason
    if not person.may_take(duty_id):
        duty = team.duty_by_id.get(duty_id)
        title = (duty.title.strip() or duty_id) if duty else duty_id
        return Said.of("why.no_duty", duty=title)
    start, end = team.working_hours(person, day)
    if minutes(end) <= minutes(start):
        days = Said.of(f"weekday.plural.{day.weekday()}")
        return Said.of("why.not_working", days=days)
    if minutes(slot.start) < minutes(start) or minutes(end) < minutes(
        slot.end
    ):
        return Said.of("why.hours", start=start, end=end)
    for absence in team.absences_on(person.id, day):
        if absence.blocks(day, slot.start, slot.end):
            away = Said.of(f"why.away.{absence.reason.value}")
            if absence.whole_day:
                return away
            assert absence.from_time and absence.to_time
            return Said.of(
                "why.away_part",
                reason=away,
                start=absence.from_time,
                end=absence.to_time,
            )
    return None


def closed_reason(team: Team, day: date, slot: Slot) -> Said | None:
    """Why nobody can take the slot on ``day``; None when it runs."""
    closed = team.calendar.closed_reason(day)
    if closed is not None:
        plain = {
            "weekend": "why.closed.weekend",
            "closed weekday": "why.closed.weekday",
            "closed": "why.closed.date",
        }
        named: object = Said.of(plain[closed]) if closed in plain else closed
        return Said.of("why.closed", reason=named)
    if not slot.runs_on(day.weekday()):
        return Said.of("why.not_that_weekday")
    return None
