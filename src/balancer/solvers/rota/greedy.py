"""A quick, fair-minded first rota, used as the solver's starting hint.

Slot instances are filled in date and time order; each takes first the
skill holders it needs, then staff up to its target, always preferring
whoever is furthest below their fair share, and never breaking a hard
limit (one duty at a time, slots a day, duty days a week, back-to-back
slots). It may leave a demand short; the solver repairs that. It only
speeds the search up: nothing depends on its quality.
"""

from __future__ import annotations

from collections import defaultdict
from typing import TYPE_CHECKING

from balancer.result import DutyAssignment

if TYPE_CHECKING:
    from datetime import date

    from balancer.domain import Staff
    from balancer.solvers.rota.shares import Shares
    from balancer.solvers.rota.variables import RotaVariables, SlotInstance

__all__ = ["greedy_rota"]


def greedy_rota(v: RotaVariables, shares: Shares) -> list[DutyAssignment]:
    """A rota that keeps every limit and leans towards fair shares."""
    team = v.team
    load: dict[str, int] = defaultdict(int)  # in steps
    today: dict[tuple[str, date], list[SlotInstance]] = defaultdict(list)
    week_days: dict[tuple[str, int, int], set[date]] = defaultdict(set)
    rota: list[DutyAssignment] = []

    def limit(person: Staff, name: str) -> int:
        own: int | None = getattr(person, name)
        rule: int = getattr(team.rules, name)
        return rule if own is None else own

    def fits(person: Staff, inst: SlotInstance) -> bool:
        mine = today[person.id, inst.day]
        if any(other.overlaps(inst) for other in mine):
            return False
        if len(mine) + 1 > limit(person, "max_slots_per_day"):
            return False
        iso = inst.day.isocalendar()
        days = week_days[person.id, iso.year, iso.week]
        if inst.day not in days and len(days) + 1 > limit(
            person, "max_duty_days_per_week"
        ):
            return False
        return _run_with(mine, inst) <= limit(person, "max_consecutive_slots")

    def need(staff_id: str) -> float:
        share = shares.overall.get(staff_id, 0)
        return load[staff_id] - share

    for inst in v.instances():
        people = [team.staff_by_id[s] for s, _ in v.staff_on(inst)]
        chosen: list[Staff] = []
        wanted = [(r, r.count) for r in inst.slot.requirements]
        for req, count in wanted:
            holders = sorted(
                (
                    p
                    for p in people
                    if p.level(req.skill) >= req.min_level
                    and p not in chosen
                    and fits(p, inst)
                ),
                key=lambda p: need(p.id),
            )
            have = sum(
                1 for p in chosen if p.level(req.skill) >= req.min_level
            )
            chosen += holders[: max(0, count - have)]
        rest = sorted(
            (p for p in people if p not in chosen and fits(p, inst)),
            key=lambda p: need(p.id),
        )
        target = inst.slot.target_on(inst.day)
        chosen += rest[: max(0, target - len(chosen))]
        for person in chosen[: inst.slot.maximum]:
            load[person.id] += inst.length // shares.step
            today[person.id, inst.day].append(inst)
            iso = inst.day.isocalendar()
            week_days[person.id, iso.year, iso.week].add(inst.day)
            rota.append(
                DutyAssignment(
                    staff_id=person.id,
                    day=inst.day,
                    duty_id=inst.duty_id,
                    slot_index=inst.slot_index,
                )
            )
    return rota


def _run_with(mine: list[SlotInstance], inst: SlotInstance) -> int:
    """Longest back-to-back run through ``inst`` if it is added."""
    ends = {i.end: i for i in mine}
    starts = {i.start: i for i in mine}
    run, cursor = 1, inst
    while cursor.start in ends:
        cursor = ends[cursor.start]
        run += 1
    cursor = inst
    while cursor.end in starts:
        cursor = starts[cursor.end]
        run += 1
    return run
