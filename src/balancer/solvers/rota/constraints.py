"""The rota's hard rules, one function each, in the order they are added.

Every function takes the :class:`RotaVariables` and adds its rule to their
model. Rules about *who may* stand on a slot (open days, allowed duties,
working hours, absences) are kept by construction: see
:mod:`.eligibility`. ``docs/constraints.md`` is the catalogue; the
validator in :mod:`balancer.validate.rota` checks the same rules by name.

Limits come from the person when set (``Staff.max_*``), else the team
(``Rules.max_*``). A week is a calendar week, Monday to Sunday, counting
only the days inside the month.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from balancer.domain import Staff, Team
    from balancer.result import RotaBaseline
    from balancer.solvers.rota.variables import (
        Choice,
        RotaVariables,
        SlotInstance,
    )

__all__ = [
    "HARD_RULES",
    "HardRule",
    "kept_rota",
    "max_consecutive_slots",
    "max_duty_days_per_week",
    "max_slots_per_day",
    "maximum_staffing",
    "minimum_staffing",
    "one_duty_at_a_time",
    "required_skills",
]

HardRule = Callable[["RotaVariables"], None]


def minimum_staffing(v: RotaVariables) -> None:
    """Every slot of every opening day has at least its minimum staff.

    ``sum_p x[p, slot instance] >= Slot.min_staff``
    """
    for inst in v.instances():
        on = v.staff_on(inst)
        if inst.slot.min_staff > 0:
            v.model.add(sum(var for _, var in on) >= inst.slot.min_staff)


def maximum_staffing(v: RotaVariables) -> None:
    """No slot has more than its maximum staff.

    ``sum_p x[p, slot instance] <= Slot.maximum``
    """
    for inst in v.instances():
        on = v.staff_on(inst)
        if len(on) > inst.slot.maximum:
            v.model.add(sum(var for _, var in on) <= inst.slot.maximum)


def required_skills(v: RotaVariables) -> None:
    """A slot needing a skill has enough staff with it at the level.

    ``sum_{p: level(p, skill) >= min_level} x[p, i] >= count``, for each
    ``SkillRequirement`` of the slot.
    """
    staff = v.team.staff_by_id
    for inst in v.instances():
        for need in inst.slot.requirements:
            holders = [
                var
                for staff_id, var in v.staff_on(inst)
                if staff[staff_id].level(need.skill) >= need.min_level
            ]
            v.model.add(sum(holders) >= need.count)


def one_duty_at_a_time(v: RotaVariables) -> None:
    """Nobody is on two duties at the same moment.

    ``sum_{i running at t} x[p, i] <= 1`` for every person, day and slot
    start ``t`` (every overlap contains the later slot's start).
    """
    for person in v.team.staff:
        for day in v.open_days:
            choices = v.day_of(person.id, day)
            for inst, _ in choices:
                running = [
                    var
                    for other, var in choices
                    if other.start <= inst.start < other.end
                ]
                if len(running) > 1:
                    v.model.add_at_most_one(running)


def max_slots_per_day(v: RotaVariables) -> None:
    """Nobody has more duty slots in a day than their limit.

    ``sum_i x[p, i on day] <= max_slots_per_day(p)``
    """
    for person in v.team.staff:
        limit = _limit(v.team, person, "max_slots_per_day")
        for day in v.open_days:
            choices = v.day_of(person.id, day)
            if len(choices) > limit:
                v.model.add(sum(var for _, var in choices) <= limit)


def max_duty_days_per_week(v: RotaVariables) -> None:
    """Nobody has duty on more days of a week than their limit.

    ``sum_{day in week} [any x[p, i on day]] <= max_duty_days_per_week(p)``
    """
    for person in v.team.staff:
        limit = _limit(v.team, person, "max_duty_days_per_week")
        for week in v.weeks():
            days = [d for d in week if v.day_of(person.id, d)]
            if len(days) <= limit:
                continue
            on_duty = []
            for day in days:
                flag = v.model.new_bool_var(f"duty_day:{person.id}@{day}")
                for _, var in v.day_of(person.id, day):
                    v.model.add_implication(var, flag)
                on_duty.append(flag)
            v.model.add(sum(on_duty) <= limit)


def max_consecutive_slots(v: RotaVariables) -> None:
    """Nobody has more back-to-back slots than their limit.

    Slots are back to back when one ends as the next starts, of any duty.
    ``sum_{i in chain} x[p, i] <= max_consecutive_slots(p)`` for every
    chain of ``limit + 1`` back-to-back slots.
    """
    for person in v.team.staff:
        limit = _limit(v.team, person, "max_consecutive_slots")
        for day in v.open_days:
            choices = v.day_of(person.id, day)
            for chain in back_to_back_chains(choices, limit + 1):
                v.model.add(sum(var for _, var in chain) <= limit)


def back_to_back_chains(
    choices: list[Choice], length: int
) -> list[list[Choice]]:
    """Every run of ``length`` choices, each starting as the last ends."""
    following: dict[SlotInstance, list[Choice]] = {
        inst: [c for c in choices if c[0].start == inst.end]
        for inst, _ in choices
    }
    chains: list[list[Choice]] = []

    def extend(chain: list[Choice]) -> None:
        if len(chain) == length:
            chains.append(chain)
            return
        for nxt in following[chain[-1][0]]:
            extend([*chain, nxt])

    for choice in choices:
        extend([choice])
    return chains


def kept_rota(v: RotaVariables, baseline: RotaBaseline) -> None:
    """Hand edits stay exactly as the planner set them; so does the past.

    An assignment the planner added is kept, one the planner removed stays
    out, and every day up to ``frozen_until`` keeps exactly the current
    rota: ``x[p, i] = 1`` for pinned and current-and-frozen choices,
    ``x[p, i] = 0`` for removed ones and every other frozen choice. Not
    in :data:`HARD_RULES`: it needs the baseline, so the model adds it
    only when one is given. A pin on a choice the person cannot take
    (absent, not working, not allowed) makes the model infeasible.
    """
    for a in baseline.pinned:
        v.fix(a.staff_id, a.day, a.duty_id, a.slot_index, True)
    for a in baseline.removed:
        v.fix(a.staff_id, a.day, a.duty_id, a.slot_index, False)
    until = baseline.frozen_until
    if until is None:
        return
    current = {
        (a.staff_id, a.day, a.duty_id, a.slot_index)
        for a in baseline.current
        if a.day <= until
    }
    for staff_id, day, duty_id, index in sorted(current):
        v.fix(staff_id, day, duty_id, index, True)
    for inst in v.instances():
        if inst.day > until:
            continue
        for staff_id, var in v.staff_on(inst):
            if (staff_id, *inst.key) not in current:
                v.model.add(var == 0)


def _limit(team: Team, person: Staff, name: str) -> int:
    """The person's own limit when set, else the team's."""
    own: int | None = getattr(person, name)
    team_limit: int = getattr(team.rules, name)
    return team_limit if own is None else own


#: The hard rules in the order they are added to the model.
HARD_RULES: tuple[HardRule, ...] = (
    minimum_staffing,
    maximum_staffing,
    required_skills,
    one_duty_at_a_time,
    max_slots_per_day,
    max_duty_days_per_week,
    max_consecutive_slots,
)
