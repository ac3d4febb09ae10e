"""A quick, fair-minded first rota, used as the solver's starting hint.

Slot instances are filled in date and time order. Each takes first the
skill holders it needs, then its minimum staff, then more people up to
its maximum while that lowers the estimated cost; the person picked is
always the one whose addition costs least. The cost follows the soft
goals with their weights: deviation from fair shares (overall, per duty,
unpopular slots) measured against the share *pro rata* to the part of
the month planned so far, so the month fills evenly; plus preferences,
repeats of the same slot in a week and extra blocks in a day. (Squaring
deviations, to stand in for the ``*_max`` goals, measured worse.) It
never breaks a day rule (one duty at a time, slots a day, duty days a
week, back-to-back slots: :mod:`.limits`) and may leave a demand short;
the solver repairs that. It only speeds the search up:
nothing depends on its quality.
"""

from __future__ import annotations

from collections import defaultdict
from typing import TYPE_CHECKING

from balancer.result import DutyAssignment
from balancer.solvers.rota.limits import day_refusal
from balancer.solvers.rota.objectives import matches

if TYPE_CHECKING:
    from datetime import date

    from balancer.domain import Staff, Weights
    from balancer.solvers.rota.shares import Shares
    from balancer.solvers.rota.variables import RotaVariables, SlotInstance

__all__ = ["greedy_rota"]


class _Ledger:
    """What the greedy rota has given each person so far."""

    def __init__(self, v: RotaVariables, shares: Shares) -> None:
        self.v = v
        self.shares = shares
        self.load: dict[str, int] = defaultdict(int)  # steps
        self.duty_load: dict[tuple[str, str], int] = defaultdict(int)
        self.unpopular: dict[str, int] = defaultdict(int)  # K-ths
        self.today: dict[tuple[str, date], list[SlotInstance]] = defaultdict(
            list
        )
        self.week_days: dict[tuple[str, int, int], set[date]] = defaultdict(
            set
        )
        self.week_slots: dict[tuple[str, int, int], set[tuple[str, str]]] = (
            defaultdict(set)
        )
        self.progress: dict[str, float] = {}
        self._cumulative = self._month_progress()

    def _month_progress(self) -> dict[tuple[str, date], float]:
        """Share of each person's available time up to the end of a day."""
        team = self.v.team
        out: dict[tuple[str, date], float] = {}
        for person in team.staff:
            total = self.shares.available.get(person.id, 0)
            running = 0
            for day in self.v.open_days:
                running += round(60 * team.available_hours(person, day))
                out[person.id, day] = running / total if total else 1.0
        return out

    def start_day(self, day: date) -> None:
        """Pro-rata shares now count up to the end of ``day``."""
        for person in self.v.team.staff:
            self.progress[person.id] = self._cumulative.get(
                (person.id, day), 1.0
            )

    def add(self, person: Staff, inst: SlotInstance) -> None:
        steps = inst.length // self.shares.step
        self.load[person.id] += steps
        self.duty_load[person.id, inst.duty_id] += steps
        self.unpopular[person.id] += self.shares.per_unit * bool(
            inst.slot.unpopular
        )
        self.today[person.id, inst.day].append(inst)
        iso = inst.day.isocalendar()
        self.week_days[person.id, iso.year, iso.week].add(inst.day)
        self.week_slots[person.id, iso.year, iso.week].add(
            (inst.duty_id, inst.slot.label)
        )


def greedy_rota(
    v: RotaVariables, shares: Shares, weights: Weights | None = None
) -> list[DutyAssignment]:
    """A rota that keeps every limit and leans towards the soft goals.

    ``weights`` replace the team's for this rota (the tiers weigh
    staffing far above fairness, and fairness above the rest).
    """
    team = v.team
    weights = weights or team.weights
    ledger = _Ledger(v, shares)
    per_unit = shares.per_unit
    prefs = defaultdict(list)
    for pref in team.preferences:
        prefs[pref.staff_id].append(pref)
    rota: list[DutyAssignment] = []

    def fits(person: Staff, inst: SlotInstance) -> bool:
        mine = ledger.today[person.id, inst.day]
        iso = inst.day.isocalendar()
        days = ledger.week_days[person.id, iso.year, iso.week]
        others = len(days) - (inst.day in days)
        return day_refusal(team, person, inst, mine, others) is None

    def spread(weight: int, dev: float, add: int) -> float:
        """Cost in points of moving a deviation (in units) by ``add``."""
        return weight * (abs(dev + add) - abs(dev)) / per_unit

    def cost(person: Staff, inst: SlotInstance) -> float:
        steps = inst.length // shares.step
        done = ledger.progress[person.id]
        total = 0.0
        if person.id in shares.overall:
            due = shares.overall[person.id] * done
            total += spread(
                weights.fairness_sum,
                ledger.load[person.id] - due,
                steps,
            )
        pool = shares.by_duty.get(inst.duty_id, {})
        if person.id in pool:
            due = pool[person.id] * done
            total += spread(
                weights.duty_fairness,
                ledger.duty_load[person.id, inst.duty_id] - due,
                steps,
            )
        if inst.slot.unpopular and person.id in shares.unpopular:
            due = shares.unpopular[person.id] * done
            total += spread(
                weights.unpopular_fairness,
                ledger.unpopular[person.id] - due,
                per_unit,
            )
        total += weights.preferences * sum(
            pref.weight
            for pref in prefs.get(person.id, ())
            if matches(pref, inst) != pref.want
        )
        iso = inst.day.isocalendar()
        seen = ledger.week_slots[person.id, iso.year, iso.week]
        if (inst.duty_id, inst.slot.label) in seen:
            total += weights.variety
        mine = ledger.today[person.id, inst.day]
        if mine and not any(
            o.end == inst.start or o.start == inst.end for o in mine
        ):
            total += weights.blocks
        return total

    current_day: date | None = None
    for inst in _skills_first(v):
        if inst.day != current_day:
            current_day = inst.day
            ledger.start_day(inst.day)
        people = [
            team.staff_by_id[s]
            for s, _ in v.staff_on(inst)
            if fits(team.staff_by_id[s], inst)
        ]
        price = {p.id: cost(p, inst) for p in people}
        people.sort(key=lambda p: price[p.id])
        chosen: list[Staff] = []
        for req in inst.slot.requirements:
            have = sum(
                1 for p in chosen if p.level(req.skill) >= req.min_level
            )
            holders = [
                p
                for p in people
                if p.level(req.skill) >= req.min_level and p not in chosen
            ]
            chosen += holders[: max(0, req.count - have)]
        for person in people:
            if len(chosen) >= inst.slot.maximum:
                break
            if person in chosen:
                continue
            below_target = len(chosen) < inst.slot.target_on(inst.day)
            gain = weights.target_staffing if below_target else 0
            if len(chosen) < inst.slot.min_staff or price[person.id] < gain:
                chosen.append(person)
        for person in chosen[: inst.slot.maximum]:
            ledger.add(person, inst)
            rota.append(
                DutyAssignment(
                    staff_id=person.id,
                    day=inst.day,
                    duty_id=inst.duty_id,
                    slot_index=inst.slot_index,
                )
            )
    return rota


def _skills_first(v: RotaVariables) -> list[SlotInstance]:
    """Slot instances day by day; within a day, those needing a skill first.

    Filled in time order, the morning could use up the day's few skill
    holders on slots that need no skill, leaving a later English slot
    short. Slots with the scarcest skill go first, then the rest by time.
    """

    def holders(inst: SlotInstance) -> int:
        staff = v.team.staff_by_id
        counts = [
            sum(
                1
                for s, _ in v.staff_on(inst)
                if staff[s].level(need.skill) >= need.min_level
            )
            for need in inst.slot.requirements
        ]
        return min(counts, default=len(v.staff_on(inst)) + 1_000)

    return sorted(
        v.instances(), key=lambda i: (i.day, holders(i), i.start, i.duty_id)
    )
