"""Local search on a starting rota: move duty around until nothing helps.

The greedy rota (:mod:`.greedy`) fills the month day by day, so what it
gets wrong shows only at the end: someone ends the month three hours
over their fair share while a colleague is two under, a slot stays below
its target. This pass repairs that before the solver starts. Slot by
slot, it makes the move that lowers the estimated cost most, until no
slot has one:

- *hand over*: a person on a slot gives it to a colleague who may take
  it, is free then and stays within every limit; or a free colleague
  *joins* a slot below its maximum; or someone *leaves* one above its
  minimum;
- *swap*: two people on two slots of one day trade places, and an
  unpopular slot may be traded for a popular one of the same duty on
  another day of the week;
- *shift*: for a slot short of its target, a person held back by a limit
  (duty days a week, slots a day) gives up another slot that week, to a
  colleague or to nobody, and takes this one.

A move must keep the slots' skill requirements and every limit the
greedy rota keeps (one duty at a time, slots a day, duty days a week,
back-to-back slots). The estimated cost is the weighted soft goals over
the whole month: deviations from fair shares (overall, per duty,
unpopular slots, and the largest of the first two), staffing short of or
above target, preferences, duty requests, duty-free half days, extra
blocks in a day and the same slot again in a week. Only the people
furthest below their share are tried for a slot (``CANDIDATES``), so a
pass stays quick on big teams. As with the greedy rota, nothing depends
on the result being good: the solver checks it against every hard rule
(:func:`.hints.complete_hint`) before starting from it.
"""

from __future__ import annotations

import random
import time
from collections import Counter, defaultdict
from functools import cache
from typing import TYPE_CHECKING

from balancer.domain import minutes
from balancer.result import DutyAssignment
from balancer.solvers.rota.improve_moves import shifts, single_moves, swaps
from balancer.solvers.rota.limits import day_refusal
from balancer.solvers.rota.objectives import (
    ObjectiveContext,
    calendar_weeks,
    half_days,
    matches,
)
from balancer.solvers.runner import stop_requested

if TYPE_CHECKING:
    from collections.abc import Iterable
    from datetime import date

    from balancer.domain import DutyRequest, Preference, Weights
    from balancer.solvers.rota.shares import Shares
    from balancer.solvers.rota.variables import RotaVariables, SlotInstance

__all__ = ["improve_rota"]

#: People tried for a slot per move, those furthest below their share.
CANDIDATES = 10

Key = tuple["date", str, int]
#: The same slot in a week: (duty, start, end in minutes).
SlotKey = tuple[str, int, int]
#: One change to one slot: (slot, who leaves or None, who joins or None).
Move = tuple["SlotInstance", "str | None", "str | None"]


class _Deviations:
    """``|load - share|`` per member of one pool, with the largest ones."""

    def __init__(self, shares: dict[str, int]) -> None:
        self.shares = shares
        self.load: dict[str, int] = dict.fromkeys(shares, 0)
        self.top: list[tuple[int, str]] = []

    def dev(self, person: str, extra: int = 0) -> int:
        return abs(self.load[person] + extra - self.shares[person])

    def refresh(self) -> None:
        """Keep the three largest deviations for quick max look-ups."""
        ranked = sorted(((self.dev(p), p) for p in self.shares), reverse=True)
        self.top = ranked[:3]

    def largest(self) -> int:
        return self.top[0][0] if self.top else 0

    def largest_after(self, changes: dict[str, int]) -> int:
        """The largest deviation if ``changes`` (person -> steps) apply."""
        rest = next((d for d, p in self.top if p not in changes), 0)
        return max([rest, *(self.dev(p, step) for p, step in changes.items())])

    def sum_change(self, changes: dict[str, int]) -> int:
        return sum(
            self.dev(p, step) - self.dev(p) for p, step in changes.items()
        )


class ImproveState:
    """The rota being improved, with every count a move needs."""

    def __init__(
        self,
        v: RotaVariables,
        shares: Shares,
        rota: Iterable[DutyAssignment],
        weights: Weights | None = None,
    ) -> None:
        team = v.team
        self.v = v
        self.team = team
        self.shares = shares
        self.weights = weights or team.weights
        self.by_key = {inst.key: inst for inst in v.instances()}
        self.eligible = {
            inst.key: [s for s, _ in v.staff_on(inst)]
            for inst in v.instances()
        }
        self.on: dict[Key, list[str]] = defaultdict(list)
        self.today: dict[tuple[str, date], list[SlotInstance]] = defaultdict(
            list
        )
        self.week_days: dict[tuple[str, int, int], Counter[date]] = (
            defaultdict(Counter)
        )
        self.week_slots: dict[tuple[str, int, int], Counter[SlotKey]] = (
            defaultdict(Counter)
        )
        self.overall = _Deviations(shares.overall)
        self.duty = {
            duty_id: _Deviations(pool)
            for duty_id, pool in shares.by_duty.items()
        }
        self.unpopular = _Deviations(shares.unpopular)
        self.prefs: dict[str, list[Preference]] = defaultdict(list)
        for pref in team.preferences:
            self.prefs[pref.staff_id].append(pref)
        self.requests: dict[tuple[str, date], list[DutyRequest]] = defaultdict(
            list
        )
        for req in team.requests:
            self.requests[req.staff_id, req.on].append(req)
        self.split = minutes(team.rules.half_day_split)
        self.halves = _worked_halves(v, shares)
        self.free: dict[tuple[str, int, int], int] = {}
        self._skill: dict[tuple[str, str, int], bool] = {}
        self._wish: dict[tuple[str, Key], float] = {}
        for a in rota:
            inst = self.by_key[a.day, a.duty_id, a.slot_index]
            self._apply(a.staff_id, inst)
        for pool in self._pools():
            pool.refresh()

    def _pools(self) -> list[_Deviations]:
        return [self.overall, self.unpopular, *self.duty.values()]

    # -- bookkeeping ------------------------------------------------------

    def _apply(self, staff_id: str, inst: SlotInstance, sign: int = 1) -> None:
        steps = sign * (inst.length // self.shares.step)
        if staff_id in self.overall.load:
            self.overall.load[staff_id] += steps
        pool = self.duty.get(inst.duty_id)
        if pool is not None and staff_id in pool.load:
            pool.load[staff_id] += steps
        if inst.slot.unpopular and staff_id in self.unpopular.load:
            self.unpopular.load[staff_id] += sign * self.shares.per_unit
        week = (staff_id, *_week(inst.day))
        self.free.pop(week, None)
        if sign > 0:
            self.on[inst.key].append(staff_id)
            self.today[staff_id, inst.day].append(inst)
            self.week_days[week][inst.day] += 1
            self.week_slots[week][inst.duty_id, inst.start, inst.end] += 1
        else:
            self.on[inst.key].remove(staff_id)
            self.today[staff_id, inst.day].remove(inst)
            self.week_days[week][inst.day] -= 1
            if not self.week_days[week][inst.day]:
                del self.week_days[week][inst.day]
            self.week_slots[week][inst.duty_id, inst.start, inst.end] -= 1

    def commit(self, moves: list[Move]) -> None:
        for inst, leaving, joining in moves:
            if leaving is not None:
                self._apply(leaving, inst, -1)
            if joining is not None:
                self._apply(joining, inst, +1)
        for pool in self._pools():
            pool.refresh()

    def rota(self) -> list[DutyAssignment]:
        return [
            DutyAssignment(
                staff_id=staff_id,
                day=key[0],
                duty_id=key[1],
                slot_index=key[2],
            )
            for key, people in sorted(self.on.items())
            for staff_id in sorted(people)
        ]

    def most_under(self, people: Iterable[str]) -> list[str]:
        """The ``CANDIDATES`` of ``people`` furthest below their share.

        Big teams have dozens of people who could take a slot; trying
        only those with the most room keeps a pass quick.
        """
        overall = self.overall
        return sorted(
            people,
            key=lambda p: (
                overall.load[p] - overall.shares[p] if p in overall.load else 0
            ),
        )[:CANDIDATES]

    # -- rules ------------------------------------------------------------

    def fits(
        self,
        staff_id: str,
        inst: SlotInstance,
        without: SlotInstance | None = None,
    ) -> bool:
        """May ``staff_id`` join ``inst`` (after leaving ``without``)?"""
        person = self.team.staff_by_id[staff_id]
        mine = [i for i in self.today[staff_id, inst.day] if i != without]
        days = self.week_days[(staff_id, *_week(inst.day))]
        gone = without.day if without is not None else None
        others = sum(
            1
            for day, count in days.items()
            if day != inst.day and count - (day == gone) > 0
        )
        return day_refusal(self.team, person, inst, mine, others) is None

    def skills_hold(self, inst: SlotInstance, people: list[str]) -> bool:
        """Enough of ``people`` have each skill the slot requires."""
        return all(
            sum(1 for s in people if self._qualified(s, req.skill, level))
            >= req.count
            for req in inst.slot.requirements
            for level in (req.min_level,)
        )

    def _qualified(self, staff_id: str, skill: str, level: int) -> bool:
        key = (staff_id, skill, level)
        if key not in self._skill:
            person = self.team.staff_by_id[staff_id]
            self._skill[key] = person.level(skill) >= level
        return self._skill[key]

    def _wishes(self, staff_id: str, inst: SlotInstance) -> float:
        """Preference and request points of ``staff_id`` taking ``inst``."""
        key = (staff_id, inst.key)
        if key not in self._wish:
            w = self.weights
            total = 0.0
            for pref in self.prefs.get(staff_id, ()):
                if matches(pref, inst) != pref.want:
                    total += w.preferences * pref.weight
            for req in self.requests.get((staff_id, inst.day), ()):
                if req.duty == inst.duty_id:
                    unmet = -1 if req.want else 1
                    total += unmet * w.requests * req.weight
            self._wish[key] = total
        return self._wish[key]

    # -- cost -------------------------------------------------------------

    def change(self, moves: list[Move]) -> float:
        """Estimated cost change, in points, of moves made together."""
        w = self.weights
        overall: dict[str, int] = defaultdict(int)
        duty: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
        unpopular: dict[str, int] = defaultdict(int)
        staffing: dict[Key, int] = defaultdict(int)
        own: list[tuple[str, SlotInstance, int]] = []
        for inst, leaving, joining in moves:
            steps = inst.length // self.shares.step
            for person, sign in ((leaving, -1), (joining, 1)):
                if person is None:
                    continue
                overall[person] += sign * steps
                duty[inst.duty_id][person] += sign * steps
                if inst.slot.unpopular:
                    unpopular[person] += sign * self.shares.per_unit
                staffing[inst.key] += sign
                own.append((person, inst, sign))
        total = self._pool_change(
            self.overall, overall, w.fairness_max, w.fairness_sum
        )
        for duty_id, moved in duty.items():
            pool = self.duty.get(duty_id)
            if pool is not None:
                total += self._pool_change(
                    pool, moved, w.duty_fairness_max, w.duty_fairness
                )
        total += self._pool_change(
            self.unpopular, unpopular, 0, w.unpopular_fairness
        )
        total /= self.shares.per_unit
        for key, added in staffing.items():
            staffed = len(self.on[key])
            after = staffed + added
            target = self.by_key[key].slot.target_on(key[0])
            total += w.target_staffing * (
                max(0, target - after) - max(0, target - staffed)
            )
            total += w.over_target * (
                max(0, after - target) - max(0, staffed - target)
            )
        return total + self._own_change(own)

    def _pool_change(
        self,
        pool: _Deviations,
        moved: dict[str, int],
        max_weight: int,
        sum_weight: int,
    ) -> float:
        changes = {
            p: step for p, step in moved.items() if p in pool.load and step
        }
        if not changes:
            return 0.0
        total = sum_weight * pool.sum_change(changes)
        if max_weight:
            total += max_weight * (
                pool.largest_after(changes) - pool.largest()
            )
        return float(total)

    def _free_halves(self, staff_id: str, year: int, week: int) -> int:
        """Worked half days of the week with no duty (cached)."""
        key = (staff_id, year, week)
        if key not in self.free:
            _, halves = self.halves[key]
            self.free[key] = sum(
                not self._busy(self.today[staff_id, day], morning)
                for day, morning in halves
            )
        return self.free[key]

    def _busy(self, slots: list[SlotInstance], morning: bool) -> bool:
        split = self.split
        if morning:
            return any(i.start < split for i in slots)
        return any(i.end > split for i in slots)

    def _casework_change(
        self,
        staff_id: str,
        year: int,
        week: int,
        changed: dict[date, list[SlotInstance]],
    ) -> int:
        """Change in the duty-free half days a week lacks (casework).

        ``changed`` gives the new slots of the days a move touches.
        """
        required, halves = self.halves.get((staff_id, year, week), (0, []))
        if not required:
            return 0
        free = self._free_halves(staff_id, year, week)
        after = free
        for day, morning in halves:
            slots = changed.get(day)
            if slots is not None:
                after += self._busy(
                    self.today[staff_id, day], morning
                ) - self._busy(slots, morning)
        return max(0, required - after) - max(0, required - free)

    def _own_change(
        self, changes: list[tuple[str, SlotInstance, int]]
    ) -> float:
        """Preferences, requests, blocks and repeats of the people moved.

        ``changes`` are (person, slot, +1 joins / -1 leaves), taken
        together: a person trading two slots of one day is priced on the
        day they end up with, not slot by slot.
        """
        w = self.weights
        total = 0.0
        days: dict[tuple[str, date], list[tuple[SlotInstance, int]]] = (
            defaultdict(list)
        )
        repeats: dict[tuple[str, int, int, SlotKey], int] = defaultdict(int)
        for staff_id, inst, sign in changes:
            total += sign * self._wishes(staff_id, inst)
            days[staff_id, inst.day].append((inst, sign))
            slot_key = (inst.duty_id, inst.start, inst.end)
            repeats[staff_id, *_week(inst.day), slot_key] += sign
        after_days: dict[tuple[str, date], list[SlotInstance]] = {}
        for (staff_id, day), moved in days.items():
            mine = self.today[staff_id, day]
            gone = {id(i) for i, sign in moved if sign < 0}
            after = [i for i in mine if id(i) not in gone]
            after += [i for i, sign in moved if sign > 0]
            after_days[staff_id, day] = after
            if w.blocks:
                total += w.blocks * (
                    _extra_blocks(after) - _extra_blocks(mine)
                )
        if w.casework_time:
            weeks: dict[tuple[str, int, int], dict[date, list[SlotInstance]]]
            weeks = defaultdict(dict)
            for (staff_id, day), after in after_days.items():
                weeks[staff_id, *_week(day)][day] = after
            for (staff_id, year, number), changed in weeks.items():
                total += w.casework_time * self._casework_change(
                    staff_id, year, number, changed
                )
        if w.variety:
            for (staff_id, year, week, slot_key), added in repeats.items():
                if not added:
                    continue
                seen = self.week_slots[staff_id, year, week][slot_key]
                total += w.variety * (
                    max(0, seen + added - 1) - max(0, seen - 1)
                )
        return total


def improve_rota(
    v: RotaVariables,
    shares: Shares,
    rota: Iterable[DutyAssignment],
    *,
    seconds: float = 1.0,
    seed: int = 0,
    weights: Weights | None = None,
) -> list[DutyAssignment]:
    """``rota`` after moves that lower its estimated cost, for ``seconds``.

    Stops earlier when a full pass over the month finds no improving
    move, or on Ctrl-C. ``weights`` replace the team's for the estimate.
    """
    state = ImproveState(v, shares, rota, weights)
    rng = random.Random(seed)
    deadline = time.perf_counter() + seconds
    instances = list(v.instances())
    same_day: dict[date, list[SlotInstance]] = defaultdict(list)
    popular_week: dict[tuple[int, int, str], list[SlotInstance]]
    popular_week = defaultdict(list)
    for inst in instances:
        same_day[inst.day].append(inst)
        if not inst.slot.unpopular:
            iso = inst.day.isocalendar()
            popular_week[iso.year, iso.week, inst.duty_id].append(inst)
    improved = True
    while improved and time.perf_counter() < deadline:
        improved = False
        rng.shuffle(instances)
        for inst in instances:
            if time.perf_counter() >= deadline or stop_requested():
                break
            candidates = [
                move
                for kind in (single_moves, swaps, shifts)
                for move in kind(state, inst, same_day[inst.day])
            ]
            if inst.slot.unpopular:
                # Trade an unpopular slot for a popular one of the same
                # duty on another day of the week.
                iso = inst.day.isocalendar()
                others = popular_week[iso.year, iso.week, inst.duty_id]
                candidates += swaps(state, inst, others)
            scored = [(state.change(m), i) for i, m in enumerate(candidates)]
            gain, best = min(scored, default=(0.0, -1))
            if gain < -1e-9:
                state.commit(candidates[best])
                improved = True
    return state.rota()


def _worked_halves(
    v: RotaVariables, shares: Shares
) -> dict[tuple[str, int, int], tuple[int, list[tuple[date, bool]]]]:
    """Per person and calendar week: required free halves, worked halves.

    The same rule as the ``casework_time`` goal (its own helpers), keyed
    by ISO year and week.
    """
    team = v.team
    if not team.weights.casework_time:
        return {}
    ctx = ObjectiveContext(v, shares)
    split = minutes(team.rules.half_day_split)
    out: dict[tuple[str, int, int], tuple[int, list[tuple[date, bool]]]]
    out = {}
    for person in team.staff:
        for week in calendar_weeks(v):
            required, halves = half_days(ctx, person, week, split)
            year, number = week[0].isocalendar()[:2]
            out[person.id, year, number] = (
                required,
                [half for half, _ in halves],
            )
    return out


@cache
def _week(day: date) -> tuple[int, int]:
    """ISO year and week number of ``day``."""
    iso = day.isocalendar()
    return iso.year, iso.week


def _extra_blocks(insts: list[SlotInstance]) -> int:
    """Separate runs of back-to-back slots in a day, beyond the first."""
    if not insts:
        return 0
    ends = {i.end for i in insts}
    starts = sum(1 for i in insts if i.start not in ends)
    return max(0, starts - 1)
