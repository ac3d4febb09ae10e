"""Duty slots that run outside the team's opening hours.

Rule: a slot is staffed as the Duties sheet writes it, also where it
starts before the team opens or ends after it closes on one of its
weekdays (a phone slot 14:00-15:30 on a Friday that closes at 15:00).
Only people whose own working hours cover the whole slot can take it;
everyone without hours of their own works the opening hours, so they
cannot. Each such slot and weekday is reported, so the planner sees it
in ``validate``, in ``rota`` and on the Summary sheet instead of finding
out from the rota.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from balancer.domain import minutes

if TYPE_CHECKING:
    from balancer.domain import OpeningHours, Slot, Team, Weekday

__all__ = ["OutsideHours", "slots_outside_opening_hours"]


@dataclass(frozen=True)
class OutsideHours:
    """A slot that lies outside the opening hours on some of its weekdays.

    Attributes
    ----------
    duty_index
        Position of the duty in ``Team.duties``.
    duty_id
        The duty.
    slot_index
        Position of the slot in the duty's slots.
    slot
        The slot.
    days
        Each weekday it runs outside the hours, with that day's hours.
    """

    duty_index: int
    duty_id: str
    slot_index: int
    slot: Slot
    days: tuple[tuple[Weekday, OpeningHours], ...]


def slots_outside_opening_hours(team: Team) -> tuple[OutsideHours, ...]:
    """Slots that start before opening or end after closing, per weekday.

    Weekdays the team is closed are left out: the slot does not run then.
    """
    found: list[OutsideHours] = []
    for index, duty in enumerate(team.duties):
        for number, slot in enumerate(duty.slots):
            days = []
            for weekday in slot.weekdays:
                hours = team.calendar.hours_on(weekday)
                if hours is None:
                    continue
                if minutes(slot.start) < minutes(hours.open) or minutes(
                    slot.end
                ) > minutes(hours.close):
                    days.append((weekday, hours))
            if days:
                found.append(
                    OutsideHours(index, duty.id, number, slot, tuple(days))
                )
    return tuple(found)
