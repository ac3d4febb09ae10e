"""The people on the team: contracts, working patterns, skills, absences."""

from __future__ import annotations

import re
from datetime import date, time
from enum import StrEnum
from typing import Self

from pydantic import Field, field_validator, model_validator

from balancer.domain.base import (
    FrozenModel,
    Identifier,
    InputDate,
    SkillLevel,
)
from balancer.domain.clock import Weekday, minutes

__all__ = [
    "MAX_HOURS",
    "MAX_PERIOD_DAYS",
    "MAX_PERIOD_MINUTES",
    "STAFF_SEPARATORS",
    "Absence",
    "AbsenceReason",
    "Staff",
    "WorkDay",
]

#: Bounds on the numbers a person's record gives the solvers, so no sum of
#: them overflows a model: a period is at most a few years of days (a
#: benchmark roster runs 364), of minutes, and of casework hours.
MAX_PERIOD_DAYS = 1_000
MAX_PERIOD_MINUTES = 1_000_000
MAX_HOURS = 10_000

#: How staff are separated in a cell of the rota's Board: commas,
#: semicolons, new lines, slashes, ``&``, ``+``, and the words "og" and
#: "and". A staff id may hold none of them, or the Board would read it as
#: two people.
STAFF_SEPARATORS = re.compile(r"\s*(?:[,;\n/&+]|\s+og\s+|\s+and\s+)\s*")


class AbsenceReason(StrEnum):
    """Why someone is away. Only used for reporting; all block duty."""

    VACATION = "vacation"
    SICK = "sick"
    COURSE = "course"
    OTHER = "other"


class WorkDay(FrozenModel):
    """One weekday of a person's working pattern, e.g. Tue 08:00-15:00."""

    weekday: Weekday = Field(description="The weekday worked, Mon = 0.")
    start: time = Field(
        default=time(8, 0), description="When the working day starts."
    )
    end: time = Field(
        default=time(16, 0),
        description="When the working day ends (exclusive).",
    )

    @model_validator(mode="after")
    def _end_after_start(self) -> Self:
        if minutes(self.end) <= minutes(self.start):
            raise ValueError(
                f"{self.weekday.short}: the working day ends "
                f"({self.end:%H:%M}) before it starts ({self.start:%H:%M})"
            )
        return self

    @property
    def hours(self) -> float:
        """Length of the working day in hours."""
        return (minutes(self.end) - minutes(self.start)) / 60


class Staff(FrozenModel):
    """A person on the team.

    Give the contract as ``fte`` (1.0 = full time) or ``weekly_hours``; the
    other follows from the team's full-time week (``Rules.full_time_hours``).
    The working pattern lists the weekdays and hours the person works; when
    empty, the person works every opening day in the team's opening hours.
    """

    id: Identifier = Field(description="Unique id, e.g. initials `AH`.")
    name: str = Field(
        default="", max_length=200, description="Name shown in outputs."
    )
    fte: float | None = Field(
        default=None,
        gt=0,
        le=1,
        description="Full-time equivalent, above 0 and at most 1.",
    )
    weekly_hours: float | None = Field(
        default=None,
        gt=0,
        le=80,
        description="Contracted hours per week; used when fte is blank.",
    )
    pattern: tuple[WorkDay, ...] = Field(
        default=(),
        description="Weekdays and hours worked; empty = all opening hours.",
    )
    skills: dict[str, SkillLevel] = Field(
        default_factory=dict,
        description="Skill name -> level 1 (basic) to 3 (expert).",
    )
    duties: tuple[str, ...] | None = Field(
        default=None,
        description="Duty ids the person may take; None = every duty.",
    )
    max_slots_per_day: int | None = Field(
        default=None,
        ge=0,
        le=100,
        description="Personal limit on duty slots a day; replaces the team's.",
    )
    max_duty_days_per_week: int | None = Field(
        default=None,
        ge=0,
        le=7,
        description="Personal limit on duty days a week; replaces the team's.",
    )
    max_slots_per_week: int | None = Field(
        default=None,
        ge=0,
        le=100,
        description="Personal limit on duty slots a calendar week; "
        "replaces the team's.",
    )
    max_consecutive_slots: int | None = Field(
        default=None,
        ge=1,
        le=100,
        description="Personal limit on back-to-back slots; replaces team's.",
    )
    max_slots_by_duty: dict[str, int] = Field(
        default_factory=dict,
        description="Duty id -> most slots of that duty in the period; "
        "a duty not named is unlimited.",
    )
    min_duty_minutes: int | None = Field(
        default=None,
        ge=0,
        le=MAX_PERIOD_MINUTES,
        description="Fewest duty minutes in the period; None = no floor.",
    )
    max_duty_minutes: int | None = Field(
        default=None,
        ge=0,
        le=MAX_PERIOD_MINUTES,
        description="Most duty minutes in the period; None = no cap.",
    )
    max_consecutive_duty_days: int | None = Field(
        default=None,
        ge=1,
        le=MAX_PERIOD_DAYS,
        description="Most days with duty in a row; None = no limit.",
    )
    min_consecutive_duty_days: int | None = Field(
        default=None,
        ge=1,
        le=MAX_PERIOD_DAYS,
        description="Fewest days with duty in a row, once started; a run "
        "touching the period's first or last day may be shorter.",
    )
    min_consecutive_days_off: int | None = Field(
        default=None,
        ge=1,
        le=MAX_PERIOD_DAYS,
        description="Fewest duty-free days in a row between duty days; a "
        "run touching the period's first or last day may be shorter.",
    )
    max_duty_weekends: int | None = Field(
        default=None,
        ge=0,
        le=MAX_PERIOD_DAYS,
        description="Most weekends (Saturday and Sunday of one week) with "
        "any duty in the period; None = no limit.",
    )
    casework: bool = Field(
        default=True, description="Whether the person takes cases at all."
    )
    case_capacity_hours: float | None = Field(
        default=None,
        ge=0,
        le=MAX_HOURS,
        description="Casework hours over the backlog horizon, when the "
        "planner knows them; replaces the computed capacity.",
    )

    @field_validator("id")
    @classmethod
    def _one_person(cls, staff_id: str) -> str:
        found = STAFF_SEPARATORS.search(staff_id)
        if found is not None:
            parts = [p for p in STAFF_SEPARATORS.split(staff_id) if p]
            separator = found.group().strip() or found.group()
            raise ValueError(
                f"id {staff_id!r} holds {separator!r}"
                ", which separates people on the rota's Board, so the Board "
                f"would read {' and '.join(map(repr, parts))}; use letters, "
                "digits, '-' or '_'"
            )
        return staff_id

    @field_validator("pattern")
    @classmethod
    def _one_entry_per_weekday(
        cls, pattern: tuple[WorkDay, ...]
    ) -> tuple[WorkDay, ...]:
        seen = [day.weekday for day in pattern]
        twice = sorted({d for d in seen if seen.count(d) > 1})
        if twice:
            names = ", ".join(Weekday(d).short for d in twice)
            raise ValueError(f"weekday listed twice in pattern: {names}")
        return tuple(sorted(pattern, key=lambda day: day.weekday))

    @model_validator(mode="after")
    def _has_contract(self) -> Self:
        if self.fte is None and self.weekly_hours is None:
            raise ValueError("give either fte or weekly_hours")
        return self

    @model_validator(mode="after")
    def _consistent_limits(self) -> Self:
        bad = [
            d
            for d, n in self.max_slots_by_duty.items()
            if not 0 <= n <= MAX_PERIOD_MINUTES
        ]
        if bad:
            raise ValueError(
                f"max slots per duty must be 0 to {MAX_PERIOD_MINUTES:,} "
                f"({', '.join(bad)})"
            )
        low, high = self.min_duty_minutes, self.max_duty_minutes
        if low is not None and high is not None and high < low:
            raise ValueError(
                f"max duty minutes {high} is below the minimum {low}"
            )
        return self

    def may_take(self, duty_id: str) -> bool:
        """True when the person may be put on this duty."""
        return self.duties is None or duty_id in self.duties

    def level(self, skill: str) -> int:
        """The person's level in a skill, 0 when they lack it."""
        return self.skills.get(skill, 0)

    def workday(self, weekday: int) -> WorkDay | None:
        """The person's hours on a weekday, None when they have it off.

        Only meaningful for an explicit pattern; see
        :meth:`Team.working_hours` for the default pattern.
        """
        for day in self.pattern:
            if day.weekday == weekday:
                return day
        return None


class Absence(FrozenModel):
    """A person is away from ``start`` to ``end`` (both days included).

    Without times the absence covers whole days. With ``from_time`` and
    ``to_time`` it covers only that window on each of those days, e.g. a
    doctor's appointment 08:00-10:00.
    """

    staff_id: Identifier = Field(description="Who is away.")
    start: InputDate = Field(description="First day away.")
    end: InputDate = Field(description="Last day away (included).")
    from_time: time | None = Field(
        default=None, description="Start of a part-day absence."
    )
    to_time: time | None = Field(
        default=None, description="End of a part-day absence."
    )
    reason: AbsenceReason = Field(
        default=AbsenceReason.OTHER, description="Why the person is away."
    )

    @model_validator(mode="after")
    def _consistent(self) -> Self:
        if self.end < self.start:
            raise ValueError(
                f"the absence ends ({self.end:%d.%m.%Y}) before it starts "
                f"({self.start:%d.%m.%Y}): the two dates look swapped"
            )
        if (self.from_time is None) != (self.to_time is None):
            raise ValueError(
                "a part-day absence needs both a from time and a to time"
            )
        if (
            self.from_time is not None
            and self.to_time is not None
            and minutes(self.to_time) <= minutes(self.from_time)
        ):
            raise ValueError(
                f"the absence window ends ({self.to_time:%H:%M}) before it "
                f"starts ({self.from_time:%H:%M})"
            )
        return self

    @property
    def whole_day(self) -> bool:
        """True when the absence covers whole days."""
        return self.from_time is None

    def covers(self, day: date) -> bool:
        """True when ``day`` falls within the absence."""
        return self.start <= day <= self.end

    def blocks(self, day: date, start: time, end: time) -> bool:
        """True when the absence overlaps ``start``-``end`` on ``day``."""
        if not self.covers(day):
            return False
        if self.from_time is None or self.to_time is None:
            return True
        return minutes(self.from_time) < minutes(end) and minutes(
            start
        ) < minutes(self.to_time)
