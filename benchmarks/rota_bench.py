"""Benchmark the rota engine on demo teams; print a table.

Run from the repository root::

    PYTHONPATH=src python benchmarks/rota_bench.py [--repeat 3]
        [--sizes 24:10,60:30,150:60] [--workers 2] [--month 2027-01]

Each size is solved ``--repeat`` times (seeds 0, 1, ...) with its own time
limit (``size:seconds``). Per size the table shows medians: when tiers 1-2
(staffing, then fairness: the largest deviations overall and per duty and
the unpopular-slot spread) were proven optimal, seconds from the start
(``-`` when not proven in a run; the median counts those as never), and
the whole objective, its proven bound and the gap at the end. The status
shown is the most common one. Every rota and its fairness account are
re-checked with the independent validator; the number of problems found
is printed (it must be 0).

Targets (issue 16), workers=2 on this machine:

====== ======================== ===================================
team   tiers 1-2 proven optimal whole objective within proven bound
====== ======================== ===================================
24     <= 3 s                   1 % at 10 s
60     <= 10 s                  3 % at 30 s
150    <= 30 s                  10 % at 60 s
====== ======================== ===================================
"""

from __future__ import annotations

import argparse
import math
import statistics
from collections import Counter
from typing import TYPE_CHECKING

from balancer.domain import Month, Team
from balancer.inputs.demo import make_demo_team
from balancer.solvers.rota import solve_rota
from balancer.solvers.runner import SolveParams
from balancer.validate.account import check_account
from balancer.validate.rota import check_rota

if TYPE_CHECKING:
    from balancer.result import RotaResult

#: The tiers whose proof the first target times.
FIRST_TIERS = ("staffing", "fairness")


def main() -> None:
    """Solve each size, print one line per size."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--sizes", default="24:10,60:30,150:60")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--month", default="2027-01")
    args = parser.parse_args()
    month = Month.parse(args.month)
    print(
        f"{'staff':>5} {'limit':>5} {'status':>9} {'tiers 1-2 s':>11} "
        f"{'objective':>10} {'bound':>10} {'gap %':>6} {'problems':>8}"
    )
    for item in args.sizes.split(","):
        size_text, _, limit_text = item.partition(":")
        size, limit = int(size_text), float(limit_text or 30)
        team = make_demo_team(month, staff=size, cases=0)
        statuses: Counter[str] = Counter()
        proven_at, objectives, bounds, gaps = [], [], [], []
        problems = 0
        for seed in range(args.repeat):
            params = SolveParams(
                time_limit=limit, workers=args.workers, seed=seed
            )
            result = solve_rota(team, month, params)
            statuses[result.status.value] += 1
            proven_at.append(_first_tiers_proven(result))
            if result.stats.objective is not None:
                objectives.append(result.stats.objective)
            if result.stats.bound is not None:
                bounds.append(result.stats.bound)
            if result.stats.gap is not None:
                gaps.append(100 * result.stats.gap)
            problems += _problems(team, month, result)
        status = statuses.most_common(1)[0][0]
        print(
            f"{size:>5} {limit:>5g} {status:>9} "
            f"{_median(proven_at):>11} "
            f"{_median(objectives):>10} {_median(bounds):>10} "
            f"{_median(gaps, 2):>6} {problems:>8}",
            flush=True,
        )


def _first_tiers_proven(result: RotaResult) -> float:
    """Seconds until tiers 1-2 were proven; infinity when they were not."""
    reports = {tier.name: tier for tier in result.stats.tiers}
    if not all(
        name in reports and reports[name].proven for name in FIRST_TIERS
    ):
        return math.inf
    return max(reports[name].finished_at for name in FIRST_TIERS)


def _problems(team: Team, month: Month, result: RotaResult) -> int:
    broken = check_rota(team, month, result.assignments)
    wrong = check_account(team, month, result.assignments, result.staff)
    return len(broken) + len(wrong)


def _median(values: list[float], digits: int = 1) -> str:
    if not values:
        return "-"
    middle = statistics.median(values)
    return "-" if math.isinf(middle) else f"{middle:.{digits}f}"


if __name__ == "__main__":
    main()
