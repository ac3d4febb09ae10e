"""Compare two versions of the rota engine on the same load; print a table.

Run from the repository root, with an older checkout beside it::

    git worktree add --detach ../old-rota <commit>
    python benchmarks/rota_ab.py --old ../old-rota/src --new src
        [--repeat 3] [--cases 24:5,60:10,150:30]

On a shared machine absolute timings drift with the load, so the two
versions run *alternately* (old, new, old, new ...) on the same demo team
and seed, each in a fresh interpreter with its own ``PYTHONPATH``; compare
old and new within a row. Medians over seeds 0..repeat-1; objective and
bound in points; "broken" counts the hard-rule violations the independent
validator finds in the returned rotas (must be 0).
"""

from __future__ import annotations

import argparse
import statistics

from ab_run import run_in_tree

ONE_RUN = """
import json, sys, time
from balancer.inputs.demo import make_demo_team
from balancer.domain import Month
from balancer.solvers.runner import SolveParams
from balancer.solvers.rota import solve_rota
from balancer.validate.rota import check_rota
month = Month.parse(sys.argv[4])
size, limit, seed = int(sys.argv[1]), float(sys.argv[2]), int(sys.argv[3])
team = make_demo_team(month, staff=size, cases=0)
began = time.perf_counter()
result = solve_rota(team, month, SolveParams(limit, workers=2, seed=seed))
print(json.dumps({
    "status": result.status.value,
    "objective": result.stats.objective,
    "bound": result.stats.bound,
    "gap": result.stats.gap,
    "seconds": time.perf_counter() - began,
    "broken": len(check_rota(team, month, result.assignments)),
}))
"""


def main() -> None:
    """Run every case and seed with both versions, print a Markdown table."""
    parser = argparse.ArgumentParser(description=__doc__.split("\\n")[0])
    parser.add_argument("--old", required=True, help="old tree's src/")
    parser.add_argument("--new", default="src", help="new tree's src/")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--cases", default="24:5,60:10,150:30")
    parser.add_argument("--month", default="2027-01")
    args = parser.parse_args()
    trees = {"old": args.old, "new": args.new}
    rows: dict[tuple[int, float, str], list[dict[str, float | None]]] = {}
    for case in args.cases.split(","):
        size, limit = case.split(":")
        for seed in range(args.repeat):
            for name, path in trees.items():
                run = _run(path, size, limit, seed, args.month)
                rows.setdefault((int(size), float(limit), name), []).append(
                    run
                )
                print(f"{size} staff {limit} s seed {seed} {name}: {run}")
    print()
    print(
        "| staff | limit | code | objective | bound | gap % | seconds "
        "| broken |"
    )
    print("|---:|---:|---|---:|---:|---:|---:|---:|")
    for (size, limit, name), runs in rows.items():
        gap = _median(runs, "gap")
        print(
            f"| {size} | {limit:g} s | {name} | {_median(runs, 'objective')} "
            f"| {_median(runs, 'bound')} "
            f"| {'-' if gap is None else round(100 * gap, 1)} "
            f"| {_median(runs, 'seconds'):.1f} "
            f"| {sum(int(r['broken'] or 0) for r in runs)} |"
        )


def _run(
    path: str, size: str, limit: str, seed: int, month: str
) -> dict[str, float | None]:
    return run_in_tree(path, ONE_RUN, size, limit, str(seed), month)


def _median(runs: list[dict[str, float | None]], key: str) -> float | None:
    values = [r[key] for r in runs if r[key] is not None]
    return statistics.median(values) if values else None  # type: ignore[type-var]


if __name__ == "__main__":
    main()
