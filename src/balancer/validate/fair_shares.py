"""Fair shares, worked out again from the team alone (the checker's own).

The specification is ``docs/constraints.md`` ("Fair shares"). This module
shares no code with the solver's :mod:`balancer.solvers.rota.shares`: a
bug there cannot hide here. Both count in steps of ``G`` minutes (the
greatest common divisor of 60 and every slot length) and must agree to
the step; a property test compares them on many teams.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from fractions import Fraction
from itertools import combinations
from typing import TYPE_CHECKING

from balancer.domain import minutes

if TYPE_CHECKING:
    from balancer.domain import Month, Team

__all__ = ["FairShares", "fair_shares"]

_TINY = Fraction(1, 1000)


@dataclass(frozen=True)
class FairShares:
    """What each person should do this month, in steps.

    ``overall`` and ``by_duty`` (duty -> person -> steps) are the
    consistent shares in whole steps; ``unavoidable`` is the exact share
    less the claim (steps, exact); ``unpopular`` the unpopular slots in
    K-ths of a slot. The account's figures: ``planned`` (duty -> steps),
    ``carried_in`` and ``carried_in_by_duty`` (steps), ``claim`` and
    ``exact`` (steps, exact) and ``exact_by_duty`` (duty -> person ->
    steps, fitted).
    """

    step: int
    overall: dict[str, int]
    by_duty: dict[str, dict[str, int]]
    unavoidable: dict[str, Fraction]
    unpopular: dict[str, int]
    planned: dict[str, int]
    carried_in: dict[str, Fraction]
    carried_in_by_duty: dict[str, dict[str, Fraction]]
    claim: dict[str, Fraction]
    exact: dict[str, Fraction]
    exact_by_duty: dict[str, dict[str, float]]

    @property
    def per_hour(self) -> int:
        """Steps in an hour."""
        return 60 // self.step


def fair_shares(team: Team, month: Month) -> FairShares:
    """Every person's consistent shares for ``month``."""
    days = [day for day in month.days() if team.calendar.is_open(day)]
    slot_lengths = [
        minutes(s.end) - minutes(s.start) for d in team.duties for s in d.slots
    ]
    step = math.gcd(60, *slot_lengths)
    per_hour = 60 // step
    at_work = {
        person.id: sum(
            round(60 * team.available_hours(person, day)) for day in days
        )
        for person in team.staff
    }
    planned = {duty.id: 0 for duty in team.duties}
    unpopular_wanted = 0
    for day in days:
        for duty in team.duties:
            for slot in duty.slots:
                if day.weekday() not in slot.weekdays:
                    continue
                want = slot.target_by_date.get(day, slot.target)
                planned[duty.id] += (
                    want * (minutes(slot.end) - minutes(slot.start)) // step
                )
                if slot.unpopular:
                    unpopular_wanted += want

    grain = {
        duty.id: math.gcd(
            *((minutes(s.end) - minutes(s.start)) // step for s in duty.slots)
        )
        for duty in team.duties
    }

    def takes(person_id: str, duty_id: str) -> bool:
        allowed = team.staff_by_id[person_id].duties
        return allowed is None or duty_id in allowed

    order = [duty.id for duty in team.duties]
    pool = [p.id for p in team.staff if any(takes(p.id, u) for u in order)]
    options = {
        p: [u for u in order if takes(p, u) and planned[u] > 0] for p in pool
    }
    doable = {
        u: planned[u] for u in order if any(u in options[p] for p in pool)
    }
    total_minutes = sum(at_work[p] for p in pool)
    total = sum(doable.values())
    raw = {
        p: Fraction(total * at_work[p], total_minutes)
        if total_minutes
        else Fraction(0)
        for p in pool
    }
    balance, duty_balance = _balances(team, step, pool)
    claim = {p: raw[p] - balance[p] for p in pool}

    overall = dict.fromkeys(pool, 0)
    owed = dict.fromkeys(pool, Fraction(0))
    blocks = _blocks(claim, options, doable)
    for members, duties, steps, ratio in blocks:
        exact = [ratio * max(claim[p], _TINY) for p in members]
        owed.update(zip(members, exact, strict=True))
        units = [
            math.gcd(*(grain[u] for u in options[p] if u in duties))
            for p in members
        ]
        split = _split(exact, steps, units)
        for p, value in zip(members, split, strict=True):
            overall[p] = value

    by_duty: dict[str, dict[str, int]] = {
        u: {p: 0 for p in pool if takes(p, u)} for u in order
    }
    fitted_by_duty: dict[str, dict[str, float]] = {u: {} for u in doable}
    for members, duties, _, _ in blocks:
        cells = [(p, u) for p in members for u in options[p] if u in duties]
        rows = {p: float(owed[p]) for p in members}
        cols = {u: planned[u] for u in duties}
        even = _proportional_fit(dict.fromkeys(cells, 1.0), rows, cols)
        start = {}
        for p, u in cells:
            part = even[p, u] / rows[p] if rows[p] else 1 / len(options[p])
            shift = 0.0
            if p in duty_balance:
                shift = (
                    float(duty_balance[p].get(u, 0)) - float(balance[p]) * part
                )
            start[p, u] = max(even[p, u] - shift, 1e-3)
        fitted = _proportional_fit(start, rows, cols)
        for (p, u), fit in fitted.items():
            fitted_by_duty[u][p] = fit
        whole = {p: overall[p] for p in members}
        for (p, u), value in _whole_cells(fitted, whole, cols, grain).items():
            by_duty[u][p] = value

    unpop_duties = {
        d.id for d in team.duties if any(s.unpopular for s in d.slots)
    }
    unpop_pool = [
        p.id for p in team.staff if any(takes(p.id, u) for u in unpop_duties)
    ]
    unpop_minutes = sum(at_work[p] for p in unpop_pool)
    carried_unpopular: dict[str, float] = {}
    for row in team.history:
        carried_unpopular[row.staff_id] = (
            carried_unpopular.get(row.staff_id, 0.0) + row.unpopular_slots
        )
    unpopular = {
        p: (
            (2 * per_hour * unpopular_wanted * at_work[p] + unpop_minutes)
            // (2 * unpop_minutes)
            if unpop_minutes > 0
            else 0
        )
        - round(per_hour * carried_unpopular.get(p, 0.0))
        for p in unpop_pool
    }
    return FairShares(
        step=step,
        overall=overall,
        by_duty=by_duty,
        unavoidable={p: owed[p] - claim[p] for p in pool},
        unpopular=unpopular,
        planned={u: planned[u] for u in doable},
        carried_in=balance,
        carried_in_by_duty=duty_balance,
        claim=claim,
        exact=owed,
        exact_by_duty=fitted_by_duty,
    )


def _balances(
    team: Team, step: int, pool: list[str]
) -> tuple[dict[str, Fraction], dict[str, dict[str, Fraction]]]:
    """Carried balances in steps: overall and, where given, per duty."""
    whole: dict[str, Fraction] = {}
    per_duty: dict[str, dict[str, Fraction]] = {}
    for row in team.history:
        # Balances count to the hundredth of an hour, as History shows.
        steps = Fraction(round(row.hours * 100) * 60, step * 100)
        if row.duty is None:
            whole[row.staff_id] = whole.get(row.staff_id, Fraction(0)) + steps
        else:
            mine = per_duty.setdefault(row.staff_id, {})
            mine[row.duty] = mine.get(row.duty, Fraction(0)) + steps
    balance = {
        p: whole[p]
        if p in whole
        else sum(per_duty.get(p, {}).values(), Fraction(0))
        for p in pool
    }
    return balance, {p: v for p, v in per_duty.items() if p in balance}


def _blocks(
    claim: dict[str, Fraction],
    options: dict[str, list[str]],
    planned: dict[str, int],
) -> list[tuple[list[str], list[str], int, Fraction]]:
    """People and duties in blocks, each shared at one ratio to claims."""
    people = [p for p in claim if options[p]]
    duties = [u for u in planned if planned[u] > 0]
    found: list[tuple[list[str], list[str], int, Fraction]] = []
    while people and duties:
        candidates: list[tuple[Fraction, int, int, list[str], list[str]]] = []
        for size in range(1, len(duties) + 1):
            for subset in combinations(duties, size):
                members = [
                    p
                    for p in people
                    if set(u for u in options[p] if u in duties) <= set(subset)
                ]
                if members:
                    weight = sum(max(claim[p], _TINY) for p in members)
                    ratio = Fraction(sum(planned[u] for u in subset)) / weight
                    rank = sum(1 << duties.index(u) for u in subset)
                    candidates.append(
                        (ratio, size, rank, list(subset), members)
                    )
        if not candidates:
            break
        best = min(candidates, key=lambda c: c[:3])
        chosen, members = best[3], best[4]
        found.append(
            (members, chosen, sum(planned[u] for u in chosen), best[0])
        )
        people = [p for p in people if p not in members]
        duties = [u for u in duties if u not in chosen]
    return found


def _split(
    exact: list[Fraction], total: int, units: list[int] | None = None
) -> list[int]:
    """Whole numbers summing to ``total``, largest remainders first.

    Each value counts in its own unit: whole units below it, then one
    unit each by largest remainder (ties by position) while one fits,
    pass after pass; what fits nowhere goes to the first in that order.
    """
    size = units or [1] * len(exact)
    floors = [
        size[i] * math.floor(exact[i] / size[i]) for i in range(len(exact))
    ]
    rest = total - sum(floors)
    by_remainder = sorted(
        range(len(exact)), key=lambda i: (floors[i] - exact[i], i)
    )
    progress = True
    while rest > 0 and progress:
        progress = False
        for i in by_remainder:
            if size[i] <= rest:
                floors[i] += size[i]
                rest -= size[i]
                progress = True
    if rest > 0 and by_remainder:
        floors[by_remainder[0]] += rest
    return floors


def _proportional_fit(
    start: dict[tuple[str, str], float],
    rows: dict[str, float],
    cols: dict[str, int],
) -> dict[tuple[str, str], float]:
    """Scale rows then columns, in turn, until the rows fit (2000 rounds)."""
    cells = dict(start)
    for _ in range(2000):
        for p, target in rows.items():
            _rescale(cells, [c for c in cells if c[0] == p], target)
        for u, target in cols.items():
            _rescale(cells, [c for c in cells if c[1] == u], target)
        error = 0.0
        for p, target in rows.items():
            got = sum([cells[c] for c in cells if c[0] == p])
            error = max(error, abs(got - target))
        if error < 1e-9:
            break
    return cells


def _rescale(
    cells: dict[tuple[str, str], float],
    line: list[tuple[str, str]],
    target: float,
) -> None:
    total = 0.0
    for cell in line:
        total += cells[cell]
    if total > 0:
        ratio = target / total
        for cell in line:
            cells[cell] *= ratio


def _whole_cells(
    fitted: dict[tuple[str, str], float],
    rows: dict[str, int],
    cols: dict[str, int],
    grain: dict[str, int],
) -> dict[tuple[str, str], int]:
    """Round each row in its duties' grains, then move whole slots (the
    lcm of two grains) from a duty with too much to one with too little,
    else single steps along the shortest chain of duties."""
    whole: dict[tuple[str, str], int] = {}
    for p, target in rows.items():
        mine = [c for c in fitted if c[0] == p]
        exact = [Fraction(fitted[c]) for c in mine]
        units = [grain[c[1]] for c in mine]
        for cell, value in zip(
            mine, _split(exact, target, units), strict=True
        ):
            whole[cell] = value
    people = list(rows)
    duties = list(cols)
    while True:
        totals = {u: 0 for u in duties}
        for (_, u), value in whole.items():
            totals[u] += value
        too_many = [u for u in duties if totals[u] > cols[u]]
        too_few = [u for u in duties if totals[u] < cols[u]]
        if not too_many or not too_few:
            return whole
        moves = _whole_slot_move(
            whole, fitted, people, too_many, too_few, totals, cols, grain
        )
        if not moves:
            moves = _chain(whole, people, duties, too_many[0], set(too_few))
        if not moves:
            return whole
        for p, source, goal, amount in moves:
            whole[p, source] -= amount
            whole[p, goal] += amount


def _whole_slot_move(
    whole: dict[tuple[str, str], int],
    fitted: dict[tuple[str, str], float],
    people: list[str],
    too_many: list[str],
    too_few: list[str],
    totals: dict[str, int],
    cols: dict[str, int],
    grain: dict[str, int],
) -> list[tuple[str, str, str, int]]:
    """The lcm of two grains from the person whose rounding it undoes
    most (rounded up on the duty with too much, down on the other)."""
    for source in too_many:
        for goal in too_few:
            amount = math.lcm(grain[source], grain[goal])
            room = min(
                totals[source] - cols[source], cols[goal] - totals[goal]
            )
            if amount > room:
                continue
            best: tuple[float, int] | None = None
            chosen = None
            for i, p in enumerate(people):
                if (p, goal) not in whole or whole.get(
                    (p, source), 0
                ) < amount:
                    continue
                undone = (
                    whole[p, source]
                    - fitted[p, source]
                    + fitted[p, goal]
                    - whole[p, goal]
                )
                if best is None or (undone, -i) > best:
                    best, chosen = (undone, -i), p
            if chosen is not None:
                return [(chosen, source, goal, amount)]
    return []


def _chain(
    whole: dict[tuple[str, str], int],
    people: list[str],
    duties: list[str],
    start: str,
    goals: set[str],
) -> list[tuple[str, str, str, int]]:
    came_from: dict[str, tuple[str, str, str, int]] = {}
    reached = [start]
    level = [start]
    while level:
        nxt = []
        for duty in level:
            for p in people:
                if whole.get((p, duty), 0) < 1:
                    continue
                for other in duties:
                    if other in reached or (p, other) not in whole:
                        continue
                    reached.append(other)
                    came_from[other] = (p, duty, other, 1)
                    if other in goals:
                        chain: list[tuple[str, str, str, int]] = []
                        while other != start:
                            chain.insert(0, came_from[other])
                            other = came_from[other][1]
                        return chain
                    nxt.append(other)
        level = nxt
    return []
