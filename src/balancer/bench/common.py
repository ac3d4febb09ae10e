"""What every benchmark runner shares: the row, the table, the files."""

from __future__ import annotations

import csv
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from balancer.files.saving import save_text
from balancer.inputs.gap_format import agent_id, job_id

if TYPE_CHECKING:
    from collections.abc import Iterable, Sequence
    from pathlib import Path

    from balancer.result import BacklogResult

__all__ = [
    "LARGE_PAIRS",
    "BenchRow",
    "bench_extra",
    "find_reference",
    "format_table",
    "gap_percent",
    "plan_by_index",
    "progress_text",
    "write_assignment",
]


#: Above this many job-agent pairs CP-SAT's probing is switched off: on
#: R||Cmax 50 x 1000 it alone took 7 s of a shared 2-core machine (266k
#: clauses learnt) and left no time for the search.
LARGE_PAIRS = 20_000


def bench_extra(pairs: int, extra: dict[str, Any]) -> dict[str, Any]:
    """CP-SAT parameters for a benchmark model with ``pairs`` pairs."""
    if pairs > LARGE_PAIRS:
        return {"cp_model_probing_level": 0, **extra}
    return dict(extra)


@dataclass(frozen=True)
class BenchRow:
    """One solved instance, as the table shows it.

    ``objective`` is recomputed from the plan with the instance's own data
    (the reference scorer's sum), ``bound`` is what the search proved
    (a lower bound for min, an upper bound for max), ``best_known`` the
    published reference.
    """

    instance: str
    size: str
    sense: str
    objective: int | None
    bound: int | None
    best_known: int | None
    optimal_known: bool
    seconds: float
    status: str

    @property
    def gap(self) -> float | None:
        """Gap to the best known value in %, the scorer's formula."""
        if self.objective is None or self.best_known is None:
            return None
        return gap_percent(self.objective, self.best_known, self.sense)


def progress_text(
    done: int,
    total: int,
    name: str,
    objective: float | None,
    gap: float | None,
    seconds: float,
) -> str:
    """The line a long run prints as each instance is solved.

    ``solved 3 of 33: c20400 (min): objective 4787, 0.105 % from best
    known, 60.0 s``; "no solution" when the instance got none.
    """
    found = (
        "no solution" if objective is None else f"objective {objective:.0f}"
    )
    if objective is not None and gap is not None:
        found += f", {gap:.3f} % from best known"
    return f"solved {done} of {total}: {name}: {found}, {seconds:.1f} s"


def gap_percent(objective: int, reference: int, sense: str) -> float | None:
    """Relative gap in %; positive when ``objective`` is worse."""
    if reference == 0:
        return None
    diff = objective - reference if sense == "min" else reference - objective
    return 100.0 * diff / reference


def _text(value: object, digits: int = 3) -> str:
    if value is None:
        return "-"
    if isinstance(value, float):
        return f"{value:.{digits}f}"
    return str(value)


HEADERS = (
    "instance",
    "size",
    "sense",
    "objective",
    "bound",
    "best known",
    "gap %",
    "time s",
    "status",
)


def format_table(rows: Sequence[BenchRow]) -> list[str]:
    """The rows as an aligned text table (a ``*`` marks proven optima)."""
    cells = [
        (
            r.instance,
            r.size,
            r.sense,
            _text(r.objective),
            _text(r.bound),
            _text(r.best_known) + ("*" if r.optimal_known else ""),
            _text(r.gap),
            _text(r.seconds, 1),
            r.status,
        )
        for r in rows
    ]
    widths = [
        max(len(h), *(len(c[k]) for c in cells)) if cells else len(h)
        for k, h in enumerate(HEADERS)
    ]

    def line(values: Sequence[str]) -> str:
        return "  ".join(
            v.ljust(w) if k < 3 else v.rjust(w)
            for k, (v, w) in enumerate(zip(values, widths, strict=True))
        ).rstrip()

    return [line(HEADERS), line(["-" * w for w in widths])] + [
        line(c) for c in cells
    ]


def find_reference(
    instance_path: Path, name: str = "best_known.csv"
) -> list[dict[str, str]]:
    """Rows of the reference table next to the instance or above it."""
    for folder in list(instance_path.resolve().parents)[:3]:
        candidate = folder / name
        if candidate.is_file():
            with candidate.open(newline="", encoding="utf-8") as handle:
                return list(csv.DictReader(handle))
    return []


def write_assignment(
    path: Path, agent_of_job: Iterable[int], inputs: Iterable[Path] = ()
) -> Path:
    """Write ``job,agent`` (0-based), the reference scorers' format."""
    lines = ["job,agent"]
    lines.extend(f"{j},{i}" for j, i in enumerate(agent_of_job))
    return save_text("\n".join(lines) + "\n", path, inputs)


def plan_by_index(
    jobs: int, agents: int, result: BacklogResult
) -> list[int] | None:
    """Agent (machine) index per job, or None without a full plan."""
    index = {agent_id(i): i for i in range(agents)}
    owner = {a.case_id: a.staff_id for a in result.assignments}
    plan = []
    for j in range(jobs):
        who = owner.get(job_id(j))
        if who is None:
            return None
        plan.append(index[who])
    return plan
