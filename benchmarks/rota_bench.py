"""Benchmark the rota engine on demo teams; print a table.

Run from the repository root::

    PYTHONPATH=src python benchmarks/rota_bench.py [--repeat N]
        [--sizes 24,60,150] [--time-limit 30] [--workers 2]
        [--month 2027-01]

Each size is solved ``--repeat`` times with different seeds; the table
shows the median objective, bound, gap and seconds (the status shown is
the most common one). Every rota is re-checked with the independent
validator, and the number of broken rules is printed (it must be 0).
Targets from issue 3: 24 staff proven optimal < 5 s; 60 staff optimal
< 10 s; 150 staff within 1 % of the bound in 30 s, on 2 cores.
"""

from __future__ import annotations

import argparse
import statistics
import time
from collections import Counter

from balancer.domain import Month
from balancer.inputs.demo import make_demo_team
from balancer.solvers.rota import solve_rota
from balancer.solvers.runner import SolveParams
from balancer.validate.rota import check_rota


def main() -> None:
    """Solve each size, print one line per size."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--repeat", type=int, default=1)
    parser.add_argument("--sizes", default="24,60,150")
    parser.add_argument("--time-limit", type=float, default=30.0)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--month", default="2027-01")
    args = parser.parse_args()
    month = Month.parse(args.month)
    print(
        f"{'staff':>5} {'vars':>6} {'status':>9} {'objective':>10} "
        f"{'bound':>10} {'gap %':>6} {'seconds':>8} {'broken':>6}"
    )
    for size in (int(s) for s in args.sizes.split(",")):
        team = make_demo_team(month, staff=size, cases=0)
        statuses: Counter[str] = Counter()
        objectives, bounds, gaps, seconds = [], [], [], []
        broken = 0
        for seed in range(args.repeat):
            params = SolveParams(
                time_limit=args.time_limit, workers=args.workers, seed=seed
            )
            started = time.perf_counter()
            result = solve_rota(team, month, params)
            seconds.append(time.perf_counter() - started)
            statuses[result.status.value] += 1
            if result.stats.objective is not None:
                objectives.append(result.stats.objective)
            if result.stats.bound is not None:
                bounds.append(result.stats.bound)
            if result.stats.gap is not None:
                gaps.append(100 * result.stats.gap)
            broken += len(check_rota(team, month, result.assignments))
        status = statuses.most_common(1)[0][0]
        print(
            f"{size:>5} {_vars(team, month):>6} {status:>9} "
            f"{_median(objectives):>10} {_median(bounds):>10} "
            f"{_median(gaps, 2):>6} {statistics.median(seconds):>8.1f} "
            f"{broken:>6}",
            flush=True,
        )


def _vars(team: object, month: Month) -> int:
    from balancer.domain import Team
    from balancer.solvers.rota.model import build_model

    assert isinstance(team, Team)
    return len(build_model(team, month, goals=()).variables)


def _median(values: list[float], digits: int = 1) -> str:
    if not values:
        return "-"
    return f"{statistics.median(values):.{digits}f}"


if __name__ == "__main__":
    main()
