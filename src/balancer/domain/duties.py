"""Duties (the phones, the mail queue) and the slots they must be staffed."""

from __future__ import annotations

from datetime import date, time
from typing import Self

from pydantic import Field, field_validator, model_validator

from balancer.domain.base import (
    FrozenModel,
    Identifier,
    InputDate,
    SkillLevel,
)
from balancer.domain.clock import WORKWEEK, Weekday, minutes

__all__ = ["MAX_STAFFING", "Duty", "SkillRequirement", "Slot"]

#: Most people one slot may need or take. Bounded, like every number a
#: solver's model reads, so no sum overflows the model (a target of
#: 10^18 crashed the rota).
MAX_STAFFING = 1_000


class SkillRequirement(FrozenModel):
    """At least ``count`` on the slot have ``skill`` at ``min_level``."""

    skill: Identifier = Field(description="Skill name, e.g. `english`.")
    min_level: SkillLevel = Field(
        default=1, description="Lowest level that counts."
    )
    count: int = Field(
        default=1, ge=1, le=MAX_STAFFING, description="How many people."
    )


class Slot(FrozenModel):
    """A stretch of time on given weekdays that a duty must be staffed.

    Example: phone 08:00-10:00 Mon-Fri, min 2, target 3, max 4 staff, at
    least one with `english`. Slots of one duty may differ by weekday (give
    one slot per variant); slots of different duties may overlap in time.
    """

    start: time = Field(description="When the slot starts.")
    end: time = Field(description="When the slot ends (exclusive).")
    weekdays: tuple[Weekday, ...] = Field(
        default=WORKWEEK, description="Weekdays the slot runs."
    )
    min_staff: int = Field(
        default=1, ge=0, le=MAX_STAFFING, description="Fewest staff."
    )
    target_staff: int | None = Field(
        default=None,
        ge=0,
        le=MAX_STAFFING,
        description="Staffing to aim for; blank = the minimum.",
    )
    max_staff: int | None = Field(
        default=None,
        ge=0,
        le=MAX_STAFFING,
        description="Most staff; blank = the target.",
    )
    requirements: tuple[SkillRequirement, ...] = Field(
        default=(), description="Skills someone on the slot must have."
    )
    unpopular: bool = Field(
        default=False,
        description="An unpopular slot (e.g. Friday afternoon), spread "
        "fairly on its own.",
    )
    target_by_date: dict[InputDate, int] = Field(
        default_factory=dict,
        description="Date -> staffing to aim for that day, replacing "
        "target_staff on it (e.g. a busy Monday).",
    )

    @field_validator("weekdays")
    @classmethod
    def _sorted_unique(cls, days: tuple[Weekday, ...]) -> tuple[Weekday, ...]:
        if not days:
            raise ValueError("a slot needs at least one weekday")
        return tuple(sorted(set(days)))

    @model_validator(mode="after")
    def _consistent(self) -> Self:
        if minutes(self.end) <= minutes(self.start):
            raise ValueError(
                f"the slot ends ({self.end:%H:%M}) before it starts "
                f"({self.start:%H:%M})"
            )
        if self.target < self.min_staff:
            raise ValueError(
                f"target staff {self.target} is below the minimum "
                f"{self.min_staff}"
            )
        if self.maximum < self.target:
            raise ValueError(
                f"maximum staff {self.maximum} is below the target "
                f"{self.target}"
            )
        for day, target in sorted(self.target_by_date.items()):
            if not self.min_staff <= target <= self.maximum:
                raise ValueError(
                    f"target staff {target} on {day} is outside "
                    f"{self.min_staff}-{self.maximum} (minimum-maximum)"
                )
        needed = sum(r.count for r in self.requirements)
        if needed > self.maximum:
            raise ValueError(
                f"the skill requirements need {needed} people but the slot "
                f"takes at most {self.maximum}"
            )
        return self

    @property
    def target(self) -> int:
        """Target staffing, defaulting to the minimum."""
        return (
            self.min_staff if self.target_staff is None else self.target_staff
        )

    @property
    def maximum(self) -> int:
        """Maximum staffing, defaulting to the target."""
        return self.target if self.max_staff is None else self.max_staff

    def __hash__(self) -> int:
        # The per-date targets are a dict, which pydantic can't hash; equal
        # slots still hash equal on the other fields.
        return hash((self.start, self.end, self.weekdays, self.min_staff))

    def target_on(self, day: date) -> int:
        """Target staffing on a date: its own target, else the slot's."""
        return self.target_by_date.get(day, self.target)

    @property
    def hours(self) -> float:
        """Length of the slot in hours."""
        return (minutes(self.end) - minutes(self.start)) / 60

    @property
    def label(self) -> str:
        """Time span as shown to planners, e.g. ``08:00-10:00``."""
        return f"{self.start:%H:%M}-{self.end:%H:%M}"

    def runs_on(self, weekday: int) -> bool:
        """True when the slot runs on this weekday."""
        return weekday in self.weekdays


class Duty(FrozenModel):
    """A duty such as the phones or the mail queue, with its slots."""

    id: Identifier = Field(description="Unique id, e.g. `phone`.")
    name: str = Field(default="", description="Name shown in outputs.")
    colour: str | None = Field(
        default=None,
        pattern=r"^#?[0-9A-Fa-f]{6}$",
        description="Colour in the rota as hex, e.g. `#FFD966`.",
    )
    slots: tuple[Slot, ...] = Field(
        min_length=1, description="When the duty must be staffed."
    )
    not_followed_by: tuple[str, ...] = Field(
        default=(),
        description="Duty ids a person may not take the day after taking "
        "this duty (e.g. no early shift after a late one).",
    )

    @model_validator(mode="after")
    def _no_overlapping_variants(self) -> Self:
        for i, one in enumerate(self.slots):
            for other in self.slots[i + 1 :]:
                shared = set(one.weekdays) & set(other.weekdays)
                overlap = minutes(one.start) < minutes(other.end) and minutes(
                    other.start
                ) < minutes(one.end)
                if shared and overlap:
                    days = ", ".join(Weekday(d).short for d in sorted(shared))
                    raise ValueError(
                        f"slots {one.label} and {other.label} overlap on "
                        f"{days}; a duty's slots must not overlap"
                    )
        return self

    @property
    def title(self) -> str:
        """Name for display, falling back to the id."""
        return self.name or self.id
