"""What a solve returns: status, objective, bound, and the plan itself.

A solve never raises for an infeasible or timed-out run. It returns a
result whose :class:`SolveStatus` says what happened, so the CLI can map it
to an exit code and the planner can read why.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum

from pydantic import BaseModel, ConfigDict, Field

__all__ = [
    "ANY_QUEUE",
    "AskCandidate",
    "BacklogResult",
    "BoardShift",
    "CaseAssignment",
    "Conflict",
    "DutyAssignment",
    "MoveReason",
    "PenaltyTerm",
    "PublishedRota",
    "RotaBaseline",
    "RotaResult",
    "SolveStats",
    "SolveStatus",
    "StaffDutySummary",
    "TierReport",
    "WaitReason",
]


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class SolveStatus(StrEnum):
    """How a solve ended.

    OPTIMAL: the plan is proven best. FEASIBLE: a plan was found but not
    proven best (time ran out or the run was interrupted). INFEASIBLE: the
    rules cannot all hold. TIME_LIMIT: time ran out before any plan.
    """

    OPTIMAL = "OPTIMAL"
    FEASIBLE = "FEASIBLE"
    INFEASIBLE = "INFEASIBLE"
    TIME_LIMIT = "TIME_LIMIT"

    @property
    def has_plan(self) -> bool:
        """True when the result carries a plan."""
        return self in (SolveStatus.OPTIMAL, SolveStatus.FEASIBLE)


class PenaltyTerm(_Frozen):
    """One named soft goal and what it cost in the plan."""

    name: str = Field(description="Machine name, e.g. `fairness_max`.")
    description: str = Field(description="The goal in planner's words.")
    weight: int = Field(description="Weight in the objective.")
    value: float = Field(description="Unweighted value in the plan.")
    texts: dict[str, str] = Field(
        default_factory=dict,
        description="The description per language code ('en', 'da'), "
        "when it was made in every language.",
    )

    def text(self, lang: str = "en") -> str:
        """The description in ``lang``, else in English."""
        return self.texts.get(lang, self.description)

    @property
    def weighted(self) -> float:
        """The term's share of the objective."""
        return self.weight * self.value


class TierReport(_Frozen):
    """How one tier of the rota's goals was solved.

    The rota's goals are ranked in tiers (staffing, then fairness, then
    the sums of deviations, then casework time, blocks and wishes) and
    proven one after the other: a tier proven optimal is kept by every
    later search. Values are in points (weight x hours or count).
    """

    name: str = Field(description="The tier, in the planner's words.")
    terms: tuple[str, ...] = Field(description="Goal names in the tier.")
    value: float | None = Field(
        default=None, description="Points in the best rota of the tier."
    )
    bound: float | None = Field(
        default=None, description="Proven lower bound, in points."
    )
    proven: bool = Field(
        default=False, description="Every goal proven optimal, and kept."
    )
    proven_goals: tuple[str, ...] = Field(
        default=(), description="The goals proven optimal, and kept."
    )
    seconds: float = Field(default=0.0, description="Time spent on it.")
    finished_at: float = Field(
        default=0.0, description="Seconds from the start of the solve."
    )


class SolveStats(_Frozen):
    """Numbers about the solve itself."""

    status: SolveStatus = Field(description="How the solve ended.")
    objective: float | None = Field(
        default=None, description="Objective of the plan returned."
    )
    bound: float | None = Field(
        default=None, description="Proven lower bound on the objective."
    )
    seconds: float = Field(default=0.0, description="Wall time.")
    interrupted: bool = Field(
        default=False, description="Stopped early by the user."
    )
    phases: tuple[str, ...] = Field(
        default=(), description="Notes on each solve phase."
    )
    tiers: tuple[TierReport, ...] = Field(
        default=(), description="Each tier of goals: proven or not."
    )

    @property
    def gap(self) -> float | None:
        """Relative gap between objective and bound, 0 when proven."""
        if self.objective is None or self.bound is None:
            return None
        if self.objective == 0:
            return 0.0
        return max(0.0, (self.objective - self.bound) / abs(self.objective))


class DutyAssignment(_Frozen):
    """A person is on a duty slot on a date."""

    staff_id: str = Field(description="Who.")
    day: date = Field(description="Which date.")
    duty_id: str = Field(description="Which duty.")
    slot_index: int = Field(
        ge=0, description="Position of the slot in the duty's slot list."
    )


class RotaBaseline(_Frozen):
    """A rota already published, to keep: hand edits and the past fixed.

    ``current`` is the rota as it stands (published, with the planner's
    hand edits); a new plan stays as close to it as it can, each changed
    assignment costing ``change_weight`` points. ``pinned`` (assignments
    the planner added by hand) and ``removed`` (assignments the planner
    took out) are kept exactly, as is every day up to ``frozen_until``.
    """

    current: tuple[DutyAssignment, ...] = Field(
        default=(), description="The rota to stay close to."
    )
    pinned: tuple[DutyAssignment, ...] = Field(
        default=(), description="Assignments fixed on (hand edits)."
    )
    removed: tuple[DutyAssignment, ...] = Field(
        default=(), description="Assignments fixed off (hand edits)."
    )
    frozen_until: date | None = Field(
        default=None,
        description="Days up to and including this stay as in current.",
    )
    change_weight: int = Field(
        default=200,
        ge=0,
        description="Points per assignment added to or removed from "
        "current; 0 = no pull towards the current rota.",
    )


class AskCandidate(_Frozen):
    """Someone to ask to cover a slot a sick call left open, and why."""

    day: date = Field(description="Date of the slot.")
    duty_id: str = Field(description="Duty of the slot.")
    slot_index: int = Field(ge=0, description="Slot position in the duty.")
    rank: int = Field(ge=1, description="1 = ask first.")
    staff_id: str = Field(description="Who to ask.")
    reason: str = Field(description="Why, in the planner's words.")
    chosen: bool = Field(
        default=False, description="The new rota puts them on the slot."
    )
    texts: dict[str, str] = Field(
        default_factory=dict,
        description="The reason per language code ('en', 'da').",
    )

    def text(self, lang: str = "en") -> str:
        """The reason in ``lang``, else in English."""
        return self.texts.get(lang, self.reason)


class StaffDutySummary(_Frozen):
    """One person's line of the month's fairness account, in hours.

    The account (``docs/constraints.md``, "Fair shares"): the planned duty
    is split in proportion to the hours each person is at work, less the
    balance carried in from earlier months: that is their *claim*. The
    *fair share* is the claim as far as who may take which duty allows
    (shares add up to each duty's planned hours); the difference is the
    *unavoidable* part, named and never carried. The balance *carried
    out* to next month is the duty done less the fair share, plus the
    person's part of any hours the rota falls short of target staffing
    (nobody's debt); per duty alike, and the overall balance is the sum
    of the duty balances.
    """

    staff_id: str = Field(description="Who.")
    available_hours: float = Field(description="Hours at work this month.")
    fair_share_hours: float = Field(description="Fair share of duty hours.")
    assigned_hours: float = Field(description="Duty hours in the rota.")
    hours_by_duty: dict[str, float] = Field(
        default_factory=dict, description="Duty id -> assigned hours."
    )
    fair_share_by_duty: dict[str, float] = Field(
        default_factory=dict, description="Duty id -> fair share in hours."
    )
    unpopular_slots: int = Field(
        default=0, description="Unpopular slots in the rota."
    )
    unpopular_fair_share: float = Field(
        default=0.0, description="Fair share of unpopular slots."
    )
    claim_hours: float = Field(
        default=0.0,
        description="Share before what the duties allow: planned duty by "
        "hours at work, less the balance carried in.",
    )
    carried_in_hours: float = Field(
        default=0.0, description="Balance carried in (+ = did more)."
    )
    carried_in_by_duty: dict[str, float] = Field(
        default_factory=dict,
        description="Duty id -> balance carried in for that duty.",
    )
    unavoidable_hours: float = Field(
        default=0.0,
        description="Fair share less claim: what no rota can give back "
        "(not carried).",
    )
    unavoidable_by_duty: dict[str, float] = Field(
        default_factory=dict,
        description="Duty id -> that duty's unavoidable part.",
    )
    short_of_target_hours: float = Field(
        default=0.0,
        description="The person's part of the hours the rota falls short "
        "of target staffing (negative when it is over target).",
    )
    short_of_target_by_duty: dict[str, float] = Field(
        default_factory=dict, description="Duty id -> that duty's part."
    )
    carried_out_by_duty: dict[str, float] = Field(
        default_factory=dict,
        description="Duty id -> balance carried out for that duty.",
    )

    @property
    def deviation_hours(self) -> float:
        """Assigned minus fair share: the rota's own deviation."""
        return self.assigned_hours - self.fair_share_hours

    @property
    def carried_out_hours(self) -> float:
        """Balance carried out to next month: the duty balances' sum."""
        if self.carried_out_by_duty:
            return sum(self.carried_out_by_duty.values())
        return self.deviation_hours + self.short_of_target_hours


class Conflict(_Frozen):
    """A demand that could not be met, in the planner's words."""

    rule: str = Field(description="Machine name of the rule or demand.")
    message: str = Field(description="What conflicts, and why (English).")
    day: date | None = Field(default=None, description="Date, if any.")
    texts: dict[str, str] = Field(
        default_factory=dict,
        description="The message per language code ('en', 'da'), when "
        "it was made in every language.",
    )

    def text(self, lang: str = "en") -> str:
        """The message in ``lang``, else in English."""
        return self.texts.get(lang, self.message)


class RotaResult(_Frozen):
    """The outcome of a rota solve."""

    stats: SolveStats = Field(description="Status, objective, bound, time.")
    assignments: tuple[DutyAssignment, ...] = Field(
        default=(), description="The rota; empty without a plan."
    )
    terms: tuple[PenaltyTerm, ...] = Field(
        default=(), description="Each soft goal's value."
    )
    conflicts: tuple[Conflict, ...] = Field(
        default=(),
        description="Why the rules cannot all hold (infeasible runs).",
    )
    staff: tuple[StaffDutySummary, ...] = Field(
        default=(), description="Per person: load against fair share."
    )
    relaxed: bool = Field(
        default=False,
        description="True when the rota breaks some demands on purpose "
        "because all could not hold; see conflicts.",
    )

    @property
    def status(self) -> SolveStatus:
        """Shortcut for ``stats.status``."""
        return self.stats.status


class MoveReason(StrEnum):
    """Why a case may leave its owner; no other case ever moves."""

    OWNER_AWAY = "owner away"
    OVER_CAPACITY = "owner over capacity"
    ALLOWED = "planner allowed"


class WaitReason(StrEnum):
    """Why a case waits on the shelf after the plan."""

    NOBODY_QUALIFIED = "nobody qualified"
    TOO_BIG = "too big for the horizon"
    GROUP = "group kept together"
    OVERDUE = "overdue before the plan starts"
    QUEUE = "the queue ahead of it"
    FULL = "everyone qualified is full"
    NOT_WEIGHED = "not weighed (pack order, very large backlog)"


#: The queue of the cases on the shelf that need no particular skill.
ANY_QUEUE = "any"


class CaseAssignment(_Frozen):
    """Where a case goes, and when it is forecast to be worked."""

    case_id: str = Field(description="The case.")
    staff_id: str | None = Field(
        description="New owner; None = stays on the shelf."
    )
    previous_owner: str | None = Field(
        default=None, description="Owner before the run."
    )
    planned_start: date | None = Field(
        default=None, description="Forecast first working day."
    )
    planned_finish: date | None = Field(
        default=None, description="Forecast last working day."
    )
    late: bool = Field(
        default=False, description="Forecast to miss its deadline."
    )
    risk: str = Field(
        default="", description="Why it is at risk, in planner's words."
    )
    risk_texts: dict[str, str] = Field(
        default_factory=dict,
        description="The risk per language code ('en', 'da'), when it "
        "was made in every language.",
    )
    move_reason: MoveReason | None = Field(
        default=None, description="Why a moved case left its owner."
    )
    wait_reason: WaitReason | None = Field(
        default=None, description="Why a case on the shelf waits."
    )
    reason: str = Field(
        default="",
        description="The move or wait reason in planner's words.",
    )
    reason_texts: dict[str, str] = Field(
        default_factory=dict,
        description="The reason per language code ('en', 'da'), when it "
        "was made in every language.",
    )
    queue: str | None = Field(
        default=None,
        description="The skill queue a waiting case is in (`any` for cases "
        "that need no skill).",
    )
    queue_place: int | None = Field(
        default=None,
        description="Place among the cases waiting in its queue, 1 = next.",
    )
    below_level: bool = Field(
        default=False,
        description="Its owner keeps it although below the case's level.",
    )

    def reason_text(self, lang: str = "en") -> str:
        """The move or wait reason in ``lang``, else in English."""
        return self.reason_texts.get(lang, self.reason)

    def risk_text(self, lang: str = "en") -> str:
        """The risk in ``lang``, else in English."""
        return self.risk_texts.get(lang, self.risk)

    @property
    def moved(self) -> bool:
        """True when an assigned case changes owner."""
        return (
            self.previous_owner is not None
            and self.staff_id != self.previous_owner
        )


class BacklogResult(_Frozen):
    """The outcome of a backlog balancing run."""

    stats: SolveStats = Field(description="Status, objective, bound, time.")
    assignments: tuple[CaseAssignment, ...] = Field(
        default=(), description="One entry per case."
    )
    terms: tuple[PenaltyTerm, ...] = Field(
        default=(), description="Each soft goal's value."
    )
    capacity_hours: dict[str, float] = Field(
        default_factory=dict,
        description="Staff id -> free casework hours over the horizon: "
        "after the cases they keep (in progress or pinned); negative when "
        "those overflow.",
    )
    conflicts: tuple[Conflict, ...] = Field(
        default=(), description="Why the rules cannot all hold."
    )
    move_budget: int | None = Field(
        default=None,
        description="Most cases the plan may move from their owner; None "
        "when no budget applied (the baselines).",
    )

    @property
    def status(self) -> SolveStatus:
        """Shortcut for ``stats.status``."""
        return self.stats.status


# --------------------------------------------------------------------------
# A rota as published: what a Board sheet shows, without a team
# --------------------------------------------------------------------------


@dataclass(frozen=True, order=True)
class BoardShift:
    """One person on one duty from ``start`` to ``end`` on ``day``.

    ``start`` and ``end`` are minutes since midnight (1440 = 24:00), as
    in :func:`balancer.domain.minutes`. Ordered by day, time, duty, staff.
    """

    day: date
    start: int
    end: int
    duty: str
    staff_id: str

    @property
    def minutes(self) -> int:
        """Length in minutes."""
        return self.end - self.start


@dataclass(frozen=True)
class PublishedRota:
    """A rota as its Board sheet shows it.

    Attributes
    ----------
    shifts
        Every person on every slot, sorted, each once.
    names
        Staff id -> name, from the Board's ``Names`` column where it lines
        up with the ``Staff`` column (the name most rows give an id).
    duty_titles
        Duty id -> the team's name for it, from the ``Duty name`` column
        (empty for a Board without it).
    """

    shifts: tuple[BoardShift, ...]
    names: dict[str, str]
    duty_titles: dict[str, str] = field(default_factory=dict)

    def duty_title(self, duty_id: str) -> str:
        """The duty's name, falling back to its id."""
        return self.duty_titles.get(duty_id) or duty_id

    def name(self, staff_id: str) -> str:
        """The person's name, falling back to the id."""
        return self.names.get(staff_id) or staff_id
