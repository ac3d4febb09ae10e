"""The team's policy: rules, goal weights, wishes and carried balances."""

from __future__ import annotations

from datetime import time
from enum import StrEnum
from typing import Self

from pydantic import Field, field_validator, model_validator

from balancer.domain.base import FrozenModel, Identifier, InputDate
from balancer.domain.clock import Weekday

__all__ = [
    "MAX_BALANCE",
    "MAX_WEIGHT",
    "MOVES_PER_CASEWORKER",
    "DutyRequest",
    "HistoryBalance",
    "Preference",
    "Rules",
    "ShelfOrder",
    "Weights",
]

#: The default move budget of one rebalance: this many moves for each
#: caseworker at work in the horizon (``Rules.max_moves`` left blank).
MOVES_PER_CASEWORKER = 2


class ShelfOrder(StrEnum):
    """How the backlog balancer takes cases off the shelf.

    ``queue``: each skill queue in its order (priority, then deadline,
    then date received); a case starts only when every case ahead of it
    in its queue starts too. ``pack``: any order that fills every free
    hour (a case waits only when it fits nobody).
    """

    QUEUE = "queue"
    PACK = "pack"


#: The most a goal's weight may be. Every number that reaches a solver's
#: model is bounded, so that no sum of them overflows the model (a weight
#: of 10^18 made the CP-SAT model invalid); a weight of 10,000 already
#: makes 100 hours of unfairness cost as much as a missing person.
MAX_WEIGHT = 10_000
#: The largest carried balance, in hours or in unpopular slots (a month
#: holds about 170 working hours; 1e17 made the CP-SAT model invalid).
MAX_BALANCE = 1_000


class Rules(FrozenModel):
    """The team's hard limits and planning constants."""

    full_time_hours: float = Field(
        default=37.0,
        gt=0,
        le=80,
        description="Hours of a full-time week (37 in Denmark).",
    )
    max_slots_per_day: int = Field(
        default=2,
        ge=1,
        le=100,
        description="Duty slots a person takes a day, max.",
    )
    max_duty_days_per_week: int = Field(
        default=4, ge=1, le=7, description="Days with duty per week, max."
    )
    max_slots_per_week: int | None = Field(
        default=None,
        ge=0,
        le=100,
        description="Duty slots a person takes in a calendar week, max; "
        "blank = no limit.",
    )
    max_consecutive_slots: int = Field(
        default=2,
        ge=1,
        le=100,
        description="Back-to-back duty slots (no gap between them), max.",
    )
    min_free_half_days_per_week: int = Field(
        default=2,
        ge=0,
        le=10,
        description="Duty-free half days a person should keep each week "
        "for casework (soft: weighted by `casework_time`).",
    )
    half_day_split: time = Field(
        default=time(12, 0),
        description="Where the morning ends and the afternoon starts.",
    )
    daily_overhead_hours: float = Field(
        default=0.5,
        ge=0,
        le=8,
        description="Hours a working day that go to meetings and the "
        "board, not casework.",
    )
    horizon_working_days: int = Field(
        default=10,
        ge=1,
        le=260,
        description="Working days ahead the backlog balancer plans.",
    )
    shelf_order: ShelfOrder = Field(
        default=ShelfOrder.QUEUE,
        description="How the backlog balancer takes cases off the shelf: "
        "`queue` = each skill queue in order (priority, then deadline, "
        "then date received), a case only once every case ahead of it is "
        "taken; `pack` = any order that fills every free hour.",
    )
    max_moves: int | None = Field(
        default=None,
        ge=0,
        le=100_000,
        description="Most cases one rebalance moves from their owner (to "
        "another caseworker or back to the shelf); blank = "
        f"{MOVES_PER_CASEWORKER} per caseworker at work in the horizon.",
    )

    goals_in_tiers: bool = Field(
        default=True,
        description="Prove the rota's goals tier by tier: staffing, then "
        "fairness, then the sums of deviations, then casework time, "
        "blocks and wishes; no = one weighted sum of every goal (as the "
        "benchmarks score).",
    )

    def move_budget(self, caseworkers: int) -> int:
        """The move budget for a team with ``caseworkers`` at work.

        ``max_moves`` when set, else :data:`MOVES_PER_CASEWORKER` per
        caseworker at work in the horizon.
        """
        if self.max_moves is not None:
            return self.max_moves
        return MOVES_PER_CASEWORKER * max(0, caseworkers)


class Weights(FrozenModel):
    """How much each soft goal counts; 0 switches a goal off.

    Rota weights are in points per hour of deviation (fairness), per slot
    (staffing, blocks, variety) or per half day (casework time). Backlog
    weights are in points per percentage point of utilisation (balance),
    per day late (flow) and per moved case (stability). Each is at most
    :data:`MAX_WEIGHT`.
    """

    fairness_max: int = Field(
        default=100, ge=0, description="Largest deviation from fair share."
    )
    fairness_sum: int = Field(
        default=10, ge=0, description="Sum of deviations from fair share."
    )
    duty_fairness: int = Field(
        default=5, ge=0, description="Deviation from fair share per duty."
    )
    duty_fairness_max: int = Field(
        default=20,
        ge=0,
        description="Largest deviation from fair share within each duty.",
    )
    unpopular_fairness: int = Field(
        default=20, ge=0, description="Uneven spread of unpopular slots."
    )
    casework_time: int = Field(
        default=10, ge=0, description="Each missing duty-free half day."
    )
    blocks: int = Field(
        default=3,
        ge=0,
        description="Each extra separate duty block in a person's day.",
    )
    target_staffing: int = Field(
        default=5, ge=0, description="Each person short of target staffing."
    )
    over_target: int = Field(
        default=0,
        ge=0,
        description="Each person above target staffing (0 = don't mind).",
    )
    requests: int = Field(
        default=1, ge=0, description="Multiplier on duty request weights."
    )
    preferences: int = Field(
        default=1, ge=0, description="Multiplier on preference weights."
    )
    variety: int = Field(
        default=1, ge=0, description="Same slot again in the same week."
    )
    balance_max: int = Field(
        default=100, ge=0, description="Highest utilisation (backlog)."
    )
    balance_spread: int = Field(
        default=20, ge=0, description="Spread of utilisation (backlog)."
    )
    lateness: int = Field(
        default=50, ge=0, description="Each forecast day past deadline."
    )
    age: int = Field(
        default=5,
        ge=0,
        description="Older cases left on the shelf or queued late.",
    )
    moves: int = Field(
        default=30, ge=0, description="Each reassigned case (stability)."
    )
    fit: int = Field(
        default=2,
        ge=0,
        description="Each skill level above the case's need (fit).",
    )

    @field_validator("*")
    @classmethod
    def _bounded(cls, weight: int) -> int:
        if weight > MAX_WEIGHT:
            raise ValueError(
                f"a weight is at most {MAX_WEIGHT:,}, not {weight:,}; at "
                f"{MAX_WEIGHT:,}, 100 hours of unfairness already cost as "
                "much as a missing person"
            )
        return weight


class Preference(FrozenModel):
    """A person wants or avoids a weekday, a date or a slot.

    Give at least one of ``weekday``, ``on`` (a date), ``duty`` with
    ``slot_start``; together they narrow the preference (e.g. avoid phone
    08:00 on Mondays).
    """

    staff_id: Identifier = Field(description="Whose preference.")
    want: bool = Field(description="True = wants it, False = avoids it.")
    weekday: Weekday | None = Field(default=None, description="Weekday.")
    on: InputDate | None = Field(default=None, description="A specific date.")
    duty: str | None = Field(default=None, description="A duty id.")
    slot_start: time | None = Field(
        default=None, description="Start time of the slot meant."
    )
    weight: int = Field(
        default=1, ge=1, le=10, description="How strongly, 1-10."
    )

    @model_validator(mode="after")
    def _says_something(self) -> Self:
        if (
            self.weekday is None
            and self.on is None
            and self.duty is None
            and self.slot_start is None
        ):
            raise ValueError(
                "a preference needs a weekday, a date, a duty or a slot"
            )
        return self


class HistoryBalance(FrozenModel):
    """A person's duty balance carried from earlier months.

    Positive hours mean the person did *more* than their fair share and
    should get less this month; negative means less.
    """

    staff_id: Identifier = Field(description="Whose balance.")
    duty: str | None = Field(
        default=None, description="Duty id; None for all duties together."
    )
    hours: float = Field(
        default=0.0,
        ge=-MAX_BALANCE,
        le=MAX_BALANCE,
        description="Hours above (+) or below (-) fair share.",
    )
    unpopular_slots: float = Field(
        default=0.0,
        ge=-MAX_BALANCE,
        le=MAX_BALANCE,
        description="Unpopular slots above (+) or below (-) fair share.",
    )


class DutyRequest(FrozenModel):
    """A person asks to be on (or off) a duty on one date.

    An *on* request costs its weight unless the person takes that duty
    that day; an *off* request costs its weight if they do.
    """

    staff_id: Identifier = Field(description="Who asks.")
    on: InputDate = Field(description="The date meant.")
    duty: Identifier = Field(description="The duty id meant.")
    want: bool = Field(description="True = wants the duty, False = not.")
    weight: int = Field(
        default=1, ge=1, le=1000, description="How strongly, 1-1000."
    )
