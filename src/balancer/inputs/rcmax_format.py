"""R||Cmax files (Fanjul-Peyro & Ruiz 2010) as a team.

Unrelated parallel machines, minimise the makespan: job ``j`` takes
``p[j][i]`` on machine ``i``; every job goes to one machine and the
busiest machine's load is to be as small as possible. In the backlog
engine's words: machines are caseworkers, jobs are cases whose effort
depends on the caseworker, and the makespan is the balance goal in
absolute hours (``BacklogOptions(relative_balance=False)``).

File layout: ``n``, ``m``, then ``n`` rows of ``m`` processing times.
Parsed by tokens; a bad file is reported with its line.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from balancer.domain import Case, Staff, Team
from balancer.inputs.bench_numbers import (
    BENCH_START,
    bench_error,
    only_weight,
    read_numbers,
    units_to_hours,
)
from balancer.inputs.gap_format import agent_id, job_id

if TYPE_CHECKING:
    from pathlib import Path

__all__ = ["RcmaxInstance", "rcmax_team", "read_rcmax"]


@dataclass(frozen=True)
class RcmaxInstance:
    """One R||Cmax problem; ``p[j][i]`` is job ``j`` on machine ``i``."""

    source: Path
    name: str
    n: int
    m: int
    p: tuple[tuple[int, ...], ...]

    def makespan(self, machine_of_job: list[int]) -> int:
        """The busiest machine's load under an assignment."""
        return max(self.loads(machine_of_job))

    def loads(self, machine_of_job: list[int]) -> list[int]:
        """Each machine's load under an assignment."""
        load = [0] * self.m
        for j, i in enumerate(machine_of_job):
            load[i] += self.p[j][i]
        return load

    def trivial_bound(self) -> int:
        """``max(max_j min_i p, ceil(sum_j min_i p / m))``: no makespan is
        below it (each job takes at least its fastest time somewhere)."""
        fastest = [min(row) for row in self.p]
        return max(max(fastest), -(-sum(fastest) // self.m))


def read_rcmax(path: Path) -> RcmaxInstance:
    """Read an R||Cmax instance file.

    Raises
    ------
    InputError
        The file is unreadable, holds something other than whole numbers,
        has a processing time of 0, ends early or has numbers left over;
        the message names the line.
    """
    numbers = read_numbers(path)
    n = numbers.positive("the number of jobs n")
    m = numbers.positive("the number of machines m")
    rows = []
    for j in range(n):
        line = numbers.line()
        row = tuple(numbers.take(m, f"the times of job {j}"))
        if 0 in row:
            raise bench_error(
                path,
                f"line {line}: job {j} takes 0 on machine {row.index(0)}; "
                "processing times must be at least 1",
            )
        rows.append(row)
    numbers.finish(f"{n} jobs")
    name = path.name
    return RcmaxInstance(source=path, name=name, n=n, m=m, p=tuple(rows))


def rcmax_team(instance: RcmaxInstance, ceiling: int) -> Team:
    """The problem as a team: machines are caseworkers, jobs are cases.

    R||Cmax has no capacities, but the engine gives everyone one: each
    caseworker gets ``ceiling`` units (one unit = one minute). Any makespan
    known to be reachable (a greedy's) cuts no better plan off, and the
    engine then makes no variable for a job on a machine slower than it.
    Only the ``balance_max`` goal is on.
    """
    staff = tuple(
        Staff(
            id=agent_id(i),
            fte=1.0,
            case_capacity_hours=units_to_hours(ceiling),
        )
        for i in range(instance.m)
    )
    cases = tuple(
        Case(
            id=job_id(j),
            effort_hours=units_to_hours(min(row)),
            received=BENCH_START,
            effort_by_staff={
                agent_id(i): units_to_hours(t) for i, t in enumerate(row)
            },
        )
        for j, row in enumerate(instance.p)
    )
    return Team(staff=staff, cases=cases, weights=only_weight(balance_max=1))
