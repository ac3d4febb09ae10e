"""Generalized Assignment Problem files (OR-Library, Yagiura) as a team.

A GAP assigns every job to one agent; agent ``i`` spends ``a[i][j]`` of
its capacity ``b[i]`` on job ``j`` and the pair costs ``c[i][j]``. In the
backlog engine's words: jobs are cases whose effort depends on the
caseworker (``Case.effort_by_staff``), agents are caseworkers with a
known capacity (``Staff.case_capacity_hours``), and the cost is the
case's fit cost for that person (``Case.cost_by_staff``).

File layout (see the benchmark folder's FORMAT.md): an OR-Library file
starts with the number of problems ``P`` and holds ``P`` blocks; a
Yagiura file holds one block and starts with ``m n``. A block is ``m n``,
``m`` rows of ``n`` costs, ``m`` rows of ``n`` resources, ``m``
capacities. Parsed by tokens; a bad file is reported with its line.

Names follow the reference scorer: problem ``k`` of ``gap1.txt`` is
``c515-k``; ``gapa.txt`` holds ``a05100`` .. ``a20200``; a Yagiura file is
named by its file name in the set ``yagiura``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from balancer.domain import Case, Staff, Team
from balancer.inputs.bench_numbers import (
    BENCH_START,
    NumberStream,
    bench_error,
    only_weight,
    read_numbers,
    units_to_hours,
)

if TYPE_CHECKING:
    from pathlib import Path

__all__ = [
    "GapInstance",
    "Sense",
    "agent_id",
    "gap_team",
    "job_id",
    "read_gap",
]

Sense = Literal["min", "max"]


@dataclass(frozen=True)
class GapInstance:
    """One GAP problem, as integers, indexed ``[agent][job]``."""

    source: Path
    set_name: str
    name: str
    index: int
    m: int
    n: int
    cost: tuple[tuple[int, ...], ...]
    resource: tuple[tuple[int, ...], ...]
    capacity: tuple[int, ...]

    @property
    def published_sense(self) -> Sense:
        """The sense of the published reference: max for gap1..gap12."""
        return "max" if re.fullmatch(r"gap\d+", self.set_name) else "min"

    def objective(self, agent_of_job: list[int]) -> int:
        """Total cost (or profit) of an assignment, as the scorer sums it."""
        return sum(self.cost[i][j] for j, i in enumerate(agent_of_job))

    def loads(self, agent_of_job: list[int]) -> list[int]:
        """Each agent's used capacity under an assignment."""
        used = [0] * self.m
        for j, i in enumerate(agent_of_job):
            used[i] += self.resource[i][j]
        return used


def agent_id(i: int) -> str:
    """Staff id of agent ``i`` (0-based)."""
    return f"agent{i}"


def job_id(j: int) -> str:
    """Case id of job ``j`` (0-based)."""
    return f"job{j}"


def _name(stem: str, single: bool, index: int, m: int, n: int) -> str:
    if single:
        return stem
    if re.fullmatch(r"gap\d+", stem):
        return f"c{m}{n}-{index}"
    kind = re.fullmatch(r"gap([a-z])", stem)
    if kind:
        return f"{kind.group(1)}{m:02d}{n:03d}"
    return f"{stem}-{index}"


def _block(
    numbers: NumberStream, path: Path, index: int, single: bool
) -> GapInstance:
    where = f"problem {index}"
    m = numbers.positive(f"the number of agents m of {where}")
    n = numbers.positive(f"the number of jobs n of {where}")
    cost = [
        tuple(numbers.take(n, f"cost row {i + 1} of {where}"))
        for i in range(m)
    ]
    resource = []
    for i in range(m):
        line = numbers.line()
        row = tuple(numbers.take(n, f"resource row {i + 1} of {where}"))
        if 0 in row:
            raise bench_error(
                path,
                f"line {line} or after: resource row {i + 1} of {where} "
                f"holds 0 (job {row.index(0)}); every job must use some of "
                "its agent's capacity",
            )
        resource.append(row)
    capacity = tuple(numbers.take(m, f"the capacities of {where}"))
    stem = path.name.removesuffix(".txt")
    set_name = (
        "yagiura" if single and re.fullmatch(r"[a-e]\d{5,6}", stem) else stem
    )
    return GapInstance(
        source=path,
        set_name=set_name,
        name=_name(stem, single, index, m, n),
        index=index,
        m=m,
        n=n,
        cost=tuple(cost),
        resource=tuple(resource),
        capacity=capacity,
    )


def read_gap(path: Path) -> list[GapInstance]:
    """Every problem in a GAP file (one for a Yagiura file).

    Raises
    ------
    InputError
        The file is unreadable, holds something other than whole numbers,
        ends early or has numbers left over; the message names the line.
    """
    numbers = read_numbers(path)
    if numbers.first_line_count == 1:
        count = numbers.positive("the number of problems")
        found = [_block(numbers, path, k, False) for k in range(1, count + 1)]
        numbers.finish(f"{count} problem(s)")
        return found
    if numbers.first_line_count == 2:
        found = [_block(numbers, path, 1, True)]
        numbers.finish("the problem")
        return found
    raise bench_error(
        path,
        f"line 1 holds {numbers.first_line_count} numbers; a GAP file "
        "starts with the number of problems (OR-Library) or with 'm n' "
        "(one problem)",
    )


def gap_team(instance: GapInstance, sense: Sense = "min") -> Team:
    """The problem as a team: agents are caseworkers, jobs are cases.

    Capacities become ``case_capacity_hours`` and resources
    ``effort_by_staff`` (one unit = one minute, so both are exact in the
    engine). Only the ``fit`` goal is on. The engine minimises, so a
    maximisation problem uses cost ``C - c[i][j]`` with ``C`` the largest
    profit: every job is assigned once, so the total shifts by ``n * C``
    and the best assignment is the same.
    """
    top = max(max(row) for row in instance.cost)

    def fit_cost(i: int, j: int) -> int:
        c = instance.cost[i][j]
        return c if sense == "min" else top - c

    staff = tuple(
        Staff(
            id=agent_id(i),
            fte=1.0,
            case_capacity_hours=units_to_hours(instance.capacity[i]),
        )
        for i in range(instance.m)
    )
    cases = tuple(
        Case(
            id=job_id(j),
            effort_hours=units_to_hours(
                min(row[j] for row in instance.resource)
            ),
            received=BENCH_START,
            effort_by_staff={
                agent_id(i): units_to_hours(instance.resource[i][j])
                for i in range(instance.m)
            },
            cost_by_staff={
                agent_id(i): fit_cost(i, j) for i in range(instance.m)
            },
        )
        for j in range(instance.n)
    )
    return Team(staff=staff, cases=cases, weights=only_weight(fit=1))
