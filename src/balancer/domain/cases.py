"""The case backlog: open cases, their status and priority."""

from __future__ import annotations

from datetime import date
from enum import IntEnum, StrEnum
from typing import Self

from pydantic import Field, model_validator

from balancer.domain.base import (
    FrozenModel,
    Identifier,
    InputDate,
    SkillLevel,
)

__all__ = ["MAX_COST", "Case", "CaseStatus", "Priority"]

#: The largest fit cost of giving a case to one person, either way.
#: Bounded, like every number a solver's model reads, so no sum of them
#: overflows the model.
MAX_COST = 10_000


class CaseStatus(StrEnum):
    """Where a case is in its life cycle."""

    NEW = "new"
    ASSIGNED = "assigned"
    IN_PROGRESS = "in_progress"
    WAITING = "waiting"


class Priority(IntEnum):
    """How urgent a case is; higher is more urgent."""

    LOW = 1
    NORMAL = 2
    HIGH = 3
    URGENT = 4


class Case(FrozenModel):
    """An open case in the backlog.

    ``effort_hours`` is the remaining work. When ``effort_by_staff`` names a
    person, that figure replaces it for them (a specialist is faster on her
    own case type).
    """

    id: Identifier = Field(description="Unique case id.")
    type: str = Field(default="", description="Case type, e.g. `pension`.")
    skill: str | None = Field(
        default=None, description="Skill the case needs; None = anyone."
    )
    min_level: SkillLevel = Field(
        default=1, description="Lowest skill level that may take it."
    )
    effort_hours: float = Field(
        gt=0, le=10_000, description="Remaining work in hours."
    )
    received: InputDate = Field(description="Date the case came in.")
    deadline: InputDate | None = Field(
        default=None, description="KPI deadline, if any."
    )
    started: date | None = Field(
        default=None,
        description="Date work on the case began (the citizen's wait "
        "ended); blank = not started, or not recorded.",
    )
    priority: Priority = Field(
        default=Priority.NORMAL, description="Urgency, low to urgent."
    )
    owner: str | None = Field(
        default=None, description="Current caseworker; None = on the shelf."
    )
    status: CaseStatus = Field(
        default=CaseStatus.NEW, description="Life-cycle status."
    )
    group: str | None = Field(
        default=None,
        description="Cases with the same group (one member or citizen) go "
        "to one caseworker.",
    )
    pinned: bool = Field(
        default=False, description="Keep with the current owner."
    )
    may_move: bool = Field(
        default=False,
        description="The planner allows the balancer to move it to another "
        "caseworker (or back to the shelf, unless it is in progress).",
    )
    effort_by_staff: dict[str, float] = Field(
        default_factory=dict,
        description="Staff id -> effort in hours, where it differs.",
    )
    cost_by_staff: dict[str, float] = Field(
        default_factory=dict,
        description="Staff id -> fit cost of giving them the case.",
    )

    @model_validator(mode="after")
    def _consistent(self) -> Self:
        if self.deadline is not None and self.deadline < self.received:
            raise ValueError(
                f"the deadline {self.deadline} is before the case was "
                f"received ({self.received})"
            )
        if self.started is not None and self.started < self.received:
            raise ValueError(
                f"the case was started ({self.started}) before it was "
                f"received ({self.received})"
            )
        if self.status in (CaseStatus.IN_PROGRESS, CaseStatus.ASSIGNED) and (
            self.owner is None
        ):
            raise ValueError(
                f"a case that is {self.status.value} needs an owner"
            )
        if self.pinned and self.owner is None:
            raise ValueError("a pinned case needs an owner")
        if self.may_move and self.owner is None:
            raise ValueError(
                "may move is for a case someone holds; a case on the shelf "
                "is free to go already: leave it blank"
            )
        if self.may_move and self.pinned:
            raise ValueError(
                "a case cannot be both pinned and free to move; choose one"
            )
        bad = [
            s for s, h in self.effort_by_staff.items() if not 0 < h <= 10_000
        ]
        if bad:
            raise ValueError(
                "effort must be above 0 and at most 10,000 hours (for "
                f"{', '.join(bad)})"
            )
        bad = [
            s
            for s, c in self.cost_by_staff.items()
            if not -MAX_COST <= c <= MAX_COST
        ]
        if bad:
            raise ValueError(
                f"a fit cost is {-MAX_COST:,} to {MAX_COST:,} (for "
                f"{', '.join(bad)})"
            )
        return self

    @property
    def fixed(self) -> bool:
        """True when the case must stay with its owner."""
        return self.owner is not None and (
            self.pinned or self.status == CaseStatus.IN_PROGRESS
        )

    def effort_for(self, staff_id: str) -> float:
        """Hours the case takes this person."""
        return self.effort_by_staff.get(staff_id, self.effort_hours)
