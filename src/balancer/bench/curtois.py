"""Run the Curtois & Qu shift-scheduling benchmark through the rota engine.

Each instance is read into the rota's own domain models
(:mod:`balancer.inputs.curtois`) and solved by :func:`solve_rota`, the
planners' solver, with only the benchmark's goals weighted (cover and
requests), so the rota's objective is the benchmark's penalty. Every
roster is re-checked by the independent validator.

Rosters are written in the reference scorer's format: ``employee,day,shift``
with 0-based days, one row per worked shift.
"""

from __future__ import annotations

import csv
import io
import re
import time
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from balancer.files.saving import save_text
from balancer.inputs.curtois import CurtoisInstance, read_curtois
from balancer.solvers.rota.search import solve_rota
from balancer.validate.rota import check_rota

if TYPE_CHECKING:
    from collections.abc import Iterable
    from pathlib import Path

    from balancer.result import RotaResult
    from balancer.solvers.runner import SolveParams

__all__ = [
    "BenchRow",
    "find_instances",
    "format_table",
    "load_best_known",
    "roster_csv",
    "run_instance",
    "tuned_for_curtois",
    "write_roster",
]


@dataclass(frozen=True)
class BestKnown:
    """Best known upper bound (and lower bound, if known) of an instance."""

    upper: int
    lower: int | None
    optimal: bool


@dataclass(frozen=True)
class BenchRow:
    """One instance's line in the table."""

    instance: str
    days: int
    staff: int
    shifts: int
    status: str
    objective: float | None
    bound: float | None
    best_known: BestKnown | None
    seconds: float
    violations: int

    @property
    def size(self) -> str:
        """Days x staff x shift types, e.g. ``14x8x1``."""
        return f"{self.days}x{self.staff}x{self.shifts}"

    @property
    def gap(self) -> float | None:
        """Percent above the best known objective (negative = better)."""
        if self.objective is None or self.best_known is None:
            return None
        best = self.best_known.upper
        return 100.0 * (self.objective - best) / best if best else None


def tuned_for_curtois(params: SolveParams) -> SolveParams:
    """The planners' solver settings, tuned for the benchmark.

    With two or more workers, the full-problem worker is CP-SAT's
    ``max_lp`` (the LP with every cut) instead of ``default_lp``; the
    other workers run the usual first-solution and neighbourhood search.
    On 2 cores this is what proves Instances 2 and 3 optimal: the
    default portfolio's bound stays near 220 on Instance2 (optimum 828).
    """
    workers = params.workers
    extra: dict[str, object] = (
        {"subsolvers": ["max_lp"]}
        if workers is None or workers >= 2
        else {"linearization_level": 2}
    )
    return replace(params, extra={**params.extra, **extra})


def find_instances(paths: Iterable[Path]) -> list[Path]:
    """Instance files named, and ``Instance*.txt`` inside folders named.

    Sorted by instance number, so Instance2 comes before Instance10.
    """
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            found += sorted(path.glob("Instance*.txt"), key=_number)
        else:
            found.append(path)
    return found


def _number(path: Path) -> tuple[int, str]:
    digits = re.findall(r"\d+", path.stem)
    return (int(digits[-1]) if digits else 0, path.stem)


def load_best_known(folder: Path) -> dict[str, BestKnown]:
    """``best_known.csv`` next to the instances; empty when missing."""
    table = folder / "best_known.csv"
    if not table.is_file():
        return {}
    known: dict[str, BestKnown] = {}
    with table.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            lower = row.get("best_known_lower_bound") or ""
            known[row["instance"]] = BestKnown(
                upper=int(row["best_known_upper"]),
                lower=int(lower) if lower.strip() else None,
                optimal=row.get("optimal", "").strip() == "yes",
            )
    return known


def run_instance(
    path: Path,
    params: SolveParams,
    best: dict[str, BestKnown] | None = None,
) -> tuple[CurtoisInstance, RotaResult, BenchRow]:
    """Read and solve one instance; the row carries the validator's count."""
    started = time.perf_counter()
    instance = read_curtois(path)
    result = solve_rota(instance.team, instance.period, params)
    seconds = time.perf_counter() - started
    violations = (
        len(check_rota(instance.team, instance.period, result.assignments))
        if result.assignments
        else 0
    )
    known = best if best is not None else load_best_known(path.parent)
    row = BenchRow(
        instance=instance.name,
        days=instance.days,
        staff=len(instance.team.staff),
        shifts=len(instance.team.duties),
        status=result.stats.status.value,
        objective=result.stats.objective if result.assignments else None,
        bound=result.stats.bound,
        best_known=known.get(instance.name),
        seconds=seconds,
        violations=violations,
    )
    return instance, result, row


def roster_csv(instance: CurtoisInstance, result: RotaResult) -> str:
    """The roster as the reference scorer reads it."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(["employee", "day", "shift"])
    order = {p.id: i for i, p in enumerate(instance.team.staff)}
    for a in sorted(
        result.assignments, key=lambda a: (order[a.staff_id], a.day)
    ):
        writer.writerow([a.staff_id, instance.day_index(a.day), a.duty_id])
    return buffer.getvalue()


def write_roster(
    instance: CurtoisInstance, result: RotaResult, out_dir: Path
) -> Path:
    """Write ``<instance>.csv`` into ``out_dir`` atomically; return it."""
    target = out_dir / f"{instance.name}.csv"
    return save_text(roster_csv(instance, result), target)


def format_table(rows: Iterable[BenchRow]) -> str:
    """The results as a fixed-width text table."""
    lines = [
        f"{'instance':<11} {'size':>11} {'status':>9} {'objective':>9} "
        f"{'bound':>9} {'best':>7} {'gap %':>7} {'seconds':>8} {'broken':>6}"
    ]

    def number(value: float | None) -> str:
        return "-" if value is None else f"{value:.0f}"

    for row in rows:
        best = row.best_known
        star = "*" if best is not None and best.optimal else ""
        gap = "-" if row.gap is None else f"{row.gap:.2f}"
        lines.append(
            f"{row.instance:<11} {row.size:>11} {row.status:>9} "
            f"{number(row.objective):>9} {number(row.bound):>9} "
            f"{(number(best.upper) + star) if best else '-':>7} {gap:>7} "
            f"{row.seconds:>8.1f} {row.violations:>6}"
        )
    lines.append(
        "best: best known objective (* = proven optimal); gap: objective "
        "above best known; broken: hard rules the validator finds broken."
    )
    return "\n".join(lines)
