"""Fair shares: what each person's duty should be this month, consistently.

``docs/constraints.md`` ("Fair shares") is the specification; the
independent validator (:mod:`balancer.validate.fair_shares`) computes the
same figures on its own. Every figure is counted in *steps*: ``G`` = the
greatest common divisor of 60 and every slot's length in minutes (30 for
slots of 1, 1.5, 2 and 3 hours), since a load changes only by whole
steps; ``K = 60 / G`` steps make an hour.

1. ``a(p)``: minutes at work, ``round(60 * Team.available_hours)`` summed
   over the month's open days. The *pool* is everyone who may take some
   duty; only they get shares.
2. ``T_u``: duty ``u``'s planned steps, target staffing x slot length over
   its slot instances; ``T`` their sum over the duties someone in the
   pool may take (a duty nobody may take shows as staffing short).
3. Raw share ``R(p) = T * a(p) / a(pool)`` (exact fraction).
4. Carried in: the History balances, each counted to the hundredth of an
   hour (as the sheets show them), in steps: per duty ``b_u(p)`` from
   the duty rows, overall ``b(p)`` from the all-duties row (else the sum
   of the duty rows).
5. Claim ``C(p) = R(p) - b(p)``.
6. Consistent share ``S(p)``: the duty steps ``T`` shared in proportion to
   the claims, as far as who may take which duty allows. For a set ``D``
   of duties, the people who may take only duties in ``D`` can get at most
   ``T(D)`` together. Repeatedly, the set ``D`` whose people are owed the
   most per step it has (the least ``T(D) / w(D)``, ``w`` = their claims,
   each at least 1/1000 of a step; the smallest such ``D``, then the first
   in duty order) gives its steps to its people in proportion to their
   claims, and leaves with them; the rest share what is left the same way.
   That gives the exact share ``x(p)``; within each block it is rounded
   to ``S(p)``, whole units of the person's grain (the greatest common
   divisor of the steps their duties' slots come in, so a share can be
   met exactly), by largest remainder (ties: team order). When nothing
   binds, ``x = C``.
7. Unavoidable part ``U(p) = x(p) - C(p)``: what no rota can give back,
   because the people who may take some duties are owed more (or less)
   than those duties have. It is named, not carried. The rounding
   ``S - x`` is carried (:mod:`.account` measures against ``x``).
8. Per-duty shares ``s(p, u)``, whole steps, that add up to ``S(p)`` for
   each person and to ``T_u`` for each duty, zero where the person may
   not take the duty, never negative: within each block, the split of
   ``x`` over the person's duties (iterative proportional fitting from
   an even start), less each person's *excess* per-duty balance
   ``e_u(p) = b_u(p) - b(p) * split(p, u) / x(p)`` (what they did more of
   one duty than of their mix), fitted again to the margins ``x`` and
   ``T`` (from the start ``max(split - e, 1/1000)``): the exact duty
   shares ``f(p, u)``. Rounded: each person's row to ``S(p)`` by largest
   remainder in whole slots of each duty (its grain), then, while a duty
   has too much and another too little, the person whose rounding it
   undoes most moves whole slots of both (the least common multiple of
   the two grains) from one to the other; failing that, single steps
   along the shortest chain of duties.
9. Unpopular slots, in K-ths of a slot: ``round_half_up(K * U * a(p) / A)
   - round(K * u(p))`` over the people who may take a duty with an
   unpopular slot, ``U`` the target staffing summed over unpopular slot
   instances and ``u(p)`` the person's carried unpopular balance.
"""

from __future__ import annotations

import math
from collections import defaultdict
from dataclasses import dataclass, field
from fractions import Fraction
from typing import TYPE_CHECKING

from balancer.domain import minutes
from balancer.solvers.rota.duty_shares import duty_shares
from balancer.solvers.rota.rounding import (
    largest_remainder,
    round_half_up_ratio,
)

if TYPE_CHECKING:
    from collections.abc import Iterable, Mapping, Sequence

    from balancer.domain import Month, Staff, Team

__all__ = [
    "Account",
    "Block",
    "Shares",
    "compute_shares",
    "largest_remainder",
    "proportional_blocks",
    "round_half_up_ratio",
]

#: Smallest weight a claim counts with (a claim of 0 or less).
EPSILON = Fraction(1, 1000)


@dataclass(frozen=True)
class Block:
    """People who share a set of duties at one ratio of steps to claim."""

    people: tuple[str, ...]
    duties: tuple[str, ...]
    steps: int
    ratio: Fraction


@dataclass(frozen=True)
class Account:
    """The month's fairness account, per person, in steps (exact).

    Attributes
    ----------
    planned
        Duty id -> planned steps ``T_u``.
    raw
        ``R(p)``, the raw share before anything carried in.
    carried_in, carried_in_by_duty
        ``b(p)`` and ``b_u(p)`` in steps (fractions: minutes / G).
    claim
        ``C(p) = R(p) - b(p)``.
    exact, exact_by_duty
        The shares before rounding to whole steps (``x(p)`` and the cells
        fitted to it): the ledger measures against these, so rounding is
        carried, not lost.
    unavoidable
        ``U(p) = x(p) - C(p)``: what the duties cannot give back.
    unavoidable_by_duty
        Per duty, the exact share less that duty's claim (the split of
        the claim less the carried duty balance).
    blocks
        How the consistent shares were found (step 6).
    """

    planned: dict[str, int]
    raw: dict[str, Fraction]
    carried_in: dict[str, Fraction]
    carried_in_by_duty: dict[str, dict[str, Fraction]]
    claim: dict[str, Fraction]
    exact: dict[str, Fraction]
    exact_by_duty: dict[str, dict[str, Fraction]]
    unavoidable: dict[str, Fraction]
    unavoidable_by_duty: dict[str, dict[str, Fraction]]
    blocks: tuple[Block, ...] = field(default=())


@dataclass(frozen=True)
class Shares:
    """Fair shares of the month, keyed by staff id (pool members only).

    Attributes
    ----------
    step
        Minutes per model step ``G``; ``per_unit`` = ``K`` = 60 / G.
    available
        Available minutes of every person.
    overall
        Consistent share ``S(p)`` of all duty, in steps.
    by_duty
        Duty id -> staff id -> share ``s(p, u)`` in steps.
    unpopular
        Fair share of unpopular slots in K-ths of a slot.
    account
        The exact figures behind the shares.
    """

    step: int
    available: dict[str, int]
    overall: dict[str, int]
    by_duty: dict[str, dict[str, int]]
    unpopular: dict[str, int]
    account: Account

    @property
    def per_unit(self) -> int:
        """Model units per reported unit (steps per hour, per count)."""
        return 60 // self.step


def compute_shares(team: Team, month: Month) -> Shares:
    """Everyone's fair shares of the month (see the module docstring)."""
    days = [d for d in month.days() if team.calendar.is_open(d)]
    available = {
        p.id: sum(round(60 * team.available_hours(p, d)) for d in days)
        for p in team.staff
    }
    lengths = [
        minutes(slot.end) - minutes(slot.start)
        for duty in team.duties
        for slot in duty.slots
    ]
    step = math.gcd(60, *lengths)
    per_unit = 60 // step
    planned: dict[str, int] = {}
    unpopular_total = 0
    for duty in team.duties:
        planned[duty.id] = 0
        for slot in duty.slots:
            staffed = sum(
                slot.target_on(d) for d in days if slot.runs_on(d.weekday())
            )
            span = minutes(slot.end) - minutes(slot.start)
            planned[duty.id] += staffed * span // step
            if slot.unpopular:
                unpopular_total += staffed
    duty_ids = [d.id for d in team.duties]
    grains = {
        duty.id: math.gcd(
            *((minutes(s.end) - minutes(s.start)) // step for s in duty.slots)
        )
        for duty in team.duties
    }
    pool = [p for p in team.staff if any(map(p.may_take, duty_ids))]
    eligible = {
        p.id: tuple(u for u in duty_ids if p.may_take(u) and planned[u] > 0)
        for p in pool
    }
    # A duty nobody may take cannot be shared: it shows as staffing short.
    sharable = {
        u: n
        for u, n in planned.items()
        if n > 0 and any(u in mine for mine in eligible.values())
    }
    pool_minutes = sum(available[p.id] for p in pool)
    total = sum(sharable.values())
    raw = {
        p.id: Fraction(total * available[p.id], pool_minutes)
        if pool_minutes
        else Fraction(0)
        for p in pool
    }
    carried, carried_by_duty = _carried(team, step, pool)
    claim = {p: raw[p] - carried[p] for p in raw}
    blocks = proportional_blocks(claim, eligible, sharable)
    overall: dict[str, int] = {}
    exact_overall: dict[str, Fraction] = dict.fromkeys(raw, Fraction(0))
    for block in blocks:
        exact = {p: block.ratio * max(claim[p], EPSILON) for p in block.people}
        exact_overall.update(exact)
        grain = {
            p: math.gcd(*(grains[u] for u in eligible[p] if u in block.duties))
            for p in block.people
        }
        overall.update(
            largest_remainder(exact, block.steps, block.people, grain)
        )
    for p in raw:
        overall.setdefault(p, 0)
    split, cell_claim, cell_exact = duty_shares(
        grains,
        blocks,
        overall,
        exact_overall,
        eligible,
        planned,
        carried,
        carried_by_duty,
        claim,
    )
    by_duty = {
        u: {p.id: split.get((p.id, u), 0) for p in pool if p.may_take(u)}
        for u in duty_ids
    }
    unpopular_duties = [
        d.id for d in team.duties if any(s.unpopular for s in d.slots)
    ]
    unpopular = _proportional(
        [p for p in team.staff if any(map(p.may_take, unpopular_duties))],
        available,
        per_unit * unpopular_total,
        _unpopular_history(team, per_unit),
    )
    account = Account(
        planned=planned,
        raw=raw,
        carried_in=carried,
        carried_in_by_duty=carried_by_duty,
        claim=claim,
        exact=exact_overall,
        exact_by_duty={
            u: {p: cell_exact.get((p, u), Fraction(0)) for p in by_duty[u]}
            for u in duty_ids
        },
        unavoidable={p: exact_overall[p] - claim[p] for p in raw},
        unavoidable_by_duty={
            u: {
                p: cell_exact.get((p, u), Fraction(0))
                - cell_claim.get((p, u), Fraction(0))
                for p in by_duty[u]
            }
            for u in duty_ids
        },
        blocks=tuple(blocks),
    )
    return Shares(step, available, overall, by_duty, unpopular, account)


# --------------------------------------------------------------------------
# Step 6: the consistent overall shares
# --------------------------------------------------------------------------


def proportional_blocks(
    claim: Mapping[str, Fraction],
    eligible: Mapping[str, Sequence[str]],
    planned: Mapping[str, int],
) -> list[Block]:
    """Share the planned steps in proportion to claims, block by block.

    ``eligible`` maps each person (in team order) to the duties they may
    take, in duty order; ``planned`` maps each duty with planned steps to
    them. See step 6 of the module docstring.
    """
    people = [p for p in claim if eligible[p]]
    duties = list(planned)
    blocks: list[Block] = []
    while duties and people:
        best: tuple[Fraction, int, int] | None = None
        chosen: tuple[list[str], list[str]] | None = None
        for mask in range(1, 1 << len(duties)):
            subset = [u for i, u in enumerate(duties) if mask >> i & 1]
            inside = set(subset)
            members = [
                p
                for p in people
                if all(u in inside for u in eligible[p] if u in duties)
            ]
            if not members:
                continue
            weight = sum(max(claim[p], EPSILON) for p in members)
            ratio = Fraction(sum(planned[u] for u in subset)) / weight
            key = (ratio, len(subset), mask)
            if best is None or key < best:
                best, chosen = key, (subset, members)
        if best is None or chosen is None:
            break
        subset, members = chosen
        blocks.append(
            Block(
                people=tuple(members),
                duties=tuple(subset),
                steps=sum(planned[u] for u in subset),
                ratio=best[0],
            )
        )
        people = [p for p in people if p not in members]
        duties = [u for u in duties if u not in subset]
    return blocks


# --------------------------------------------------------------------------
# History and unpopular slots
# --------------------------------------------------------------------------


def _carried(
    team: Team, step: int, pool: Iterable[Staff]
) -> tuple[dict[str, Fraction], dict[str, dict[str, Fraction]]]:
    """Carried balances in steps: overall, and per duty where given."""
    overall_rows: dict[str, Fraction] = {}
    duty_rows: dict[str, dict[str, Fraction]] = defaultdict(dict)
    for row in team.history:
        value = Fraction(round(100 * row.hours) * 60, 100 * step)
        if row.duty is None:
            overall_rows[row.staff_id] = (
                overall_rows.get(row.staff_id, Fraction(0)) + value
            )
        else:
            mine = duty_rows[row.staff_id]
            mine[row.duty] = mine.get(row.duty, Fraction(0)) + value
    carried: dict[str, Fraction] = {}
    by_duty: dict[str, dict[str, Fraction]] = {}
    for person in pool:
        if person.id in overall_rows:
            carried[person.id] = overall_rows[person.id]
        else:
            carried[person.id] = sum(
                duty_rows.get(person.id, {}).values(), Fraction(0)
            )
        if person.id in duty_rows:
            by_duty[person.id] = dict(duty_rows[person.id])
    return carried, by_duty


def _proportional(
    pool: Iterable[Staff],
    available: Mapping[str, int],
    total: int,
    history: Mapping[str, int],
) -> dict[str, int]:
    members = list(pool)
    pool_minutes = sum(available[p.id] for p in members)
    return {
        p.id: round_half_up_ratio(total * available[p.id], pool_minutes)
        - history.get(p.id, 0)
        for p in members
    }


def _unpopular_history(team: Team, per_unit: int) -> dict[str, int]:
    slots: dict[str, float] = {}
    for row in team.history:
        slots[row.staff_id] = (
            slots.get(row.staff_id, 0.0) + row.unpopular_slots
        )
    return {staff_id: round(per_unit * s) for staff_id, s in slots.items()}
