"""Step 8 of the fair shares: each person's share split over the duties.

``docs/constraints.md`` ("Fair shares", steps 8-9) is the specification:
within each block of :func:`.shares.proportional_blocks`, the exact duty
shares are fitted to the people's exact shares and the duties' planned
steps (iterative proportional fitting), moved by what each person did
more of one duty than of their mix, then rounded to whole slots of each
duty with exact margins.
"""

from __future__ import annotations

import math
from collections import defaultdict
from fractions import Fraction
from typing import TYPE_CHECKING

from balancer.solvers.rota.rounding import largest_remainder

if TYPE_CHECKING:
    from collections.abc import Mapping, Sequence

    from balancer.solvers.rota.shares import Block

__all__ = ["FIT_ROUNDS", "FIT_TOLERANCE", "duty_shares"]

#: Iterative proportional fitting stops when every margin is this close.
FIT_TOLERANCE = 1e-9
#: ... or after this many rounds.
FIT_ROUNDS = 2000

_Cell = tuple[str, str]


def duty_shares(
    grains: Mapping[str, int],
    blocks: Sequence[Block],
    overall: Mapping[str, int],
    exact_overall: Mapping[str, Fraction],
    eligible: Mapping[str, Sequence[str]],
    planned: Mapping[str, int],
    carried: Mapping[str, Fraction],
    carried_by_duty: Mapping[str, Mapping[str, Fraction]],
    claims_of: Mapping[str, Fraction],
) -> tuple[dict[_Cell, int], dict[_Cell, Fraction], dict[_Cell, Fraction]]:
    """Per-duty shares in whole steps, each cell's claim and exact share.

    The cells are fitted to the exact shares (rows) and the planned steps
    (columns), then rounded to the whole shares. A cell's claim is the
    person's claim split as their share is, less their excess balance of
    that duty; the claims of a person's duties add up to their claim.
    """
    shares: dict[_Cell, int] = {}
    claims: dict[_Cell, Fraction] = {}
    exact: dict[_Cell, Fraction] = {}
    claim = {p: Fraction(0) for p in overall}
    claim.update(claims_of)
    for block in blocks:
        inside = set(block.duties)
        cells = [
            (p, u) for p in block.people for u in eligible[p] if u in inside
        ]
        rows = {p: float(exact_overall[p]) for p in block.people}
        cols = {u: planned[u] for u in block.duties}
        even = dict.fromkeys(cells, 1.0)
        split = _fit(even, rows, cols, block.people, block.duties)
        wanted: dict[_Cell, float] = {}
        for p, u in cells:
            mine = split[p, u]
            part = mine / rows[p] if rows[p] else 1 / len(eligible[p])
            excess = 0.0
            if p in carried_by_duty:
                excess = (
                    float(carried_by_duty[p].get(u, 0))
                    - float(carried[p]) * part
                )
            wanted[p, u] = mine - excess
            claims[p, u] = Fraction(part) * claim[p] - Fraction(excess)
        start = {cell: max(value, 1e-3) for cell, value in wanted.items()}
        fitted = _fit(start, rows, cols, block.people, block.duties)
        exact.update({cell: Fraction(value) for cell, value in fitted.items()})
        whole = {p: overall[p] for p in block.people}
        shares.update(
            _round_cells(
                fitted, whole, cols, block.people, block.duties, grains
            )
        )
    return shares, claims, exact


def _fit(
    start: Mapping[_Cell, float],
    rows: Mapping[str, float],
    cols: Mapping[str, int],
    people: Sequence[str],
    duties: Sequence[str],
) -> dict[_Cell, float]:
    """Iterative proportional fitting of ``start`` to the margins.

    Rows are scaled in ``people`` order, then columns in ``duties``
    order, until every row total is within :data:`FIT_TOLERANCE` of its
    margin or :data:`FIT_ROUNDS` rounds have passed.
    """
    cells = dict(start)
    by_row: dict[str, list[_Cell]] = defaultdict(list)
    by_col: dict[str, list[_Cell]] = defaultdict(list)
    for cell in cells:
        by_row[cell[0]].append(cell)
        by_col[cell[1]].append(cell)
    for _ in range(FIT_ROUNDS):
        for p in people:
            _scale(cells, by_row[p], rows[p])
        for u in duties:
            _scale(cells, by_col[u], cols[u])
        worst = max(
            (abs(sum(cells[c] for c in by_row[p]) - rows[p]) for p in people),
            default=0.0,
        )
        if worst < FIT_TOLERANCE:
            break
    return cells


def _scale(
    cells: dict[_Cell, float], line: list[_Cell], target: float
) -> None:
    total = 0.0
    for cell in line:
        total += cells[cell]
    if total > 0:
        factor = target / total
        for cell in line:
            cells[cell] *= factor


def _round_cells(
    fitted: Mapping[_Cell, float],
    rows: Mapping[str, int],
    cols: Mapping[str, int],
    people: Sequence[str],
    duties: Sequence[str],
    grains: Mapping[str, int],
) -> dict[_Cell, int]:
    """Whole slots' worth of steps with exact margins.

    Each row by largest remainder in each duty's grain (the steps its
    slots come in), so a share can be met exactly; then, while a duty
    has too much and another too little, a person moves the least common
    multiple of the two grains from one to the other (the first who can,
    in team order); failing that, single steps move along the shortest
    chain of duties.
    """
    result: dict[_Cell, int] = {}
    for p in people:
        mine = [u for u in duties if (p, u) in fitted]
        exact = {u: Fraction(fitted[p, u]) for u in mine}
        units = {u: grains[u] for u in mine}
        for u, value in largest_remainder(exact, rows[p], mine, units).items():
            result[p, u] = value
    while True:
        sums = {
            u: sum(v for (_, d), v in result.items() if d == u) for u in duties
        }
        over = [u for u in duties if sums[u] > cols[u]]
        under = [u for u in duties if sums[u] < cols[u]]
        if not over or not under:
            return result
        move = _grain_move(
            result, fitted, people, over, under, sums, cols, grains
        )
        path = [move] if move else []
        if not path:
            path = _move_path(result, people, duties, over[0], set(under))
        if not path:
            return result
        for person, source, target, amount in path:
            result[person, source] -= amount
            result[person, target] += amount


def _grain_move(
    cells: Mapping[_Cell, int],
    fitted: Mapping[_Cell, float],
    people: Sequence[str],
    over: Sequence[str],
    under: Sequence[str],
    sums: Mapping[str, int],
    cols: Mapping[str, int],
    grains: Mapping[str, int],
) -> tuple[str, str, str, int] | None:
    """One move of whole slots from a duty with too much to one with too
    little, by the person whose rounding it undoes most.

    For the first pair of duties (in order) it fits: the person rounded
    up most on the first duty plus down most on the second (their share
    less the fitted value, and the other way), ties in team order.
    """
    for source in over:
        for target in under:
            amount = math.lcm(grains[source], grains[target])
            room = min(
                sums[source] - cols[source], cols[target] - sums[target]
            )
            if amount > room:
                continue
            able = [
                person
                for person in people
                if (person, target) in cells
                and cells.get((person, source), 0) >= amount
            ]
            if able:
                best = max(
                    able,
                    key=lambda person: (
                        cells[person, source]
                        - fitted[person, source]
                        + fitted[person, target]
                        - cells[person, target],
                        -people.index(person),
                    ),
                )
                return best, source, target, amount
    return None


def _move_path(
    cells: Mapping[_Cell, int],
    people: Sequence[str],
    duties: Sequence[str],
    start: str,
    goals: set[str],
) -> list[tuple[str, str, str, int]]:
    """Shortest chain of one-step moves from duty ``start`` to a goal.

    Each move takes a step of one duty from a person who has one and
    gives them a step of another duty they may take (breadth first,
    people in team order, duties in duty order).
    """
    previous: dict[str, tuple[str, str, str, int]] = {}
    frontier = [start]
    seen = {start}
    while frontier:
        following = []
        for duty in frontier:
            for person in people:
                if cells.get((person, duty), 0) < 1:
                    continue
                for other in duties:
                    if other in seen or (person, other) not in cells:
                        continue
                    seen.add(other)
                    previous[other] = (person, duty, other, 1)
                    if other in goals:
                        path = []
                        node = other
                        while node != start:
                            move = previous[node]
                            path.append(move)
                            node = move[1]
                        return list(reversed(path))
                    following.append(other)
        frontier = following
    return []
