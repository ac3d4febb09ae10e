"""What the checker works on: assignments resolved to their slots.

Shared by the hard rules (:mod:`.rota`) and the soft terms
(:mod:`.rota_score`); like them it imports nothing from the solvers.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from pydantic import BaseModel, ConfigDict, Field

from balancer.domain import minutes
from balancer.language import Said

if TYPE_CHECKING:
    from collections.abc import Iterable

    from balancer.domain import Month, Slot, Staff, Team
    from balancer.result import DutyAssignment

__all__ = [
    "Shift",
    "Violation",
    "duty_title",
    "known_shifts",
    "open_days",
    "own_limit",
    "resolve",
    "violation",
    "who",
    "working_minutes",
]


class Violation(BaseModel):
    """One broken hard rule, in the planner's words."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    rule: str = Field(description="Rule name, as in docs/constraints.md.")
    day: date | None = Field(default=None, description="Date, if any.")
    staff_id: str | None = Field(default=None, description="Who, if one.")
    message: str = Field(description="What is wrong (English).")
    texts: dict[str, str] = Field(
        default_factory=dict,
        description="The message per language code ('en', 'da').",
    )

    def text(self, lang: str = "en") -> str:
        """The message in ``lang``, else in English."""
        return self.texts.get(lang, self.message)


def violation(
    rule: str,
    key: str,
    day: date | None = None,
    staff_id: str | None = None,
    /,
    **fields: object,
) -> Violation:
    """A violation whose message is the catalogue's ``key`` in every
    language (``fields`` may hold :class:`~balancer.language.Said`)."""
    said = Said.of(key, **fields)
    texts = said.texts()
    return Violation(
        rule=rule,
        day=day,
        staff_id=staff_id,
        message=texts["en"],
        texts=texts,
    )


def who(team: Team, staff_id: str) -> str:
    """A person as messages name them: their name, else their id."""
    person = team.staff_by_id.get(staff_id)
    return (person.name or staff_id) if person else staff_id


def duty_title(team: Team, duty_id: str) -> str:
    """A duty as messages name it: the team's title, else its id."""
    duty = team.duty_by_id.get(duty_id)
    return (duty.title.strip() or duty_id) if duty else duty_id


@dataclass(frozen=True)
class Shift:
    """An assignment resolved to its slot: person, day, duty, times."""

    staff_id: str
    day: date
    duty_id: str
    slot_index: int
    slot: Slot

    @property
    def start(self) -> int:
        return minutes(self.slot.start)

    @property
    def end(self) -> int:
        return minutes(self.slot.end)

    def what(self, team: Team) -> Said:
        """``Mon 4 Jan 08:00-10:00 Phone``, in any language."""
        return Said.of(
            "check.what",
            day=self.day,
            span=self.slot.label,
            duty=duty_title(team, self.duty_id),
        )


def resolve(
    team: Team, month: Month, a: DutyAssignment, found: list[Violation]
) -> Shift | None:
    """The assignment's slot, or None (with a violation) if unknown."""
    duty = team.duty_by_id.get(a.duty_id)
    problem: tuple[str, dict[str, object]] | None = None
    if a.staff_id not in team.staff_by_id:
        problem = ("check.unknown_staff", {"id": repr(a.staff_id)})
    elif duty is None:
        problem = ("check.unknown_duty", {"id": repr(a.duty_id)})
    elif a.slot_index >= len(duty.slots):
        problem = (
            "check.no_slot",
            {"duty": duty_title(team, a.duty_id), "number": a.slot_index + 1},
        )
    elif not month.first <= a.day <= month.last:
        problem = ("check.outside_month", {"month": month})
    if problem is not None or duty is None:
        key, fields = problem or ("board.unknown_slot", {})
        found.append(
            violation(
                "known_slot", key, a.day, a.staff_id, day=a.day, **fields
            )
        )
        return None
    return Shift(
        a.staff_id, a.day, a.duty_id, a.slot_index, duty.slots[a.slot_index]
    )


def own_limit(team: Team, person: Staff, name: str) -> int:
    own = getattr(person, name)
    return int(getattr(team.rules, name) if own is None else own)


def open_days(team: Team, month: Month) -> list[date]:
    return [d for d in month.days() if team.calendar.is_open(d)]


def known_shifts(
    team: Team, assignments: Iterable[DutyAssignment]
) -> list[Shift]:
    """The assignments on known slots, each once; the others are left out."""
    shifts: list[Shift] = []
    for a in set(assignments):
        duty = team.duty_by_id.get(a.duty_id)
        if duty is not None and a.slot_index < len(duty.slots):
            shifts.append(
                Shift(
                    a.staff_id,
                    a.day,
                    a.duty_id,
                    a.slot_index,
                    duty.slots[a.slot_index],
                )
            )
    return shifts


def working_minutes(team: Team, person: Staff, day: date) -> tuple[int, int]:
    """Working minutes (start, end) on a day; pattern, else opening hours."""
    opening = next(
        (h for h in team.calendar.opening_hours if h.weekday == day.weekday()),
        None,
    )
    if opening is None or team.calendar.closed_reason(day) is not None:
        return (0, 0)
    if not person.pattern:
        return (minutes(opening.open), minutes(opening.close))
    for workday in person.pattern:
        if workday.weekday == day.weekday():
            return (minutes(workday.start), minutes(workday.end))
    return (0, 0)
