"""Backlog balancer against the two baselines on demo-sized teams.

Prints, per size, the CP-SAT run (status, objective, bound, gap, seconds;
median over ``--repeat``), the median run's moves by reason against the
move budget and its shelf by reason, and the figures of the model's plan
beside the round-robin and least-loaded baselines: max and min
utilisation, spread, forecast deadline misses, moves, assigned and
shelved cases. Every plan is re-checked by the independent validator
(the balancer's against every rule, the baselines' against the hard
rules). ``--write`` also times writing the backlog workbook of the
median run.

    PYTHONPATH=src python benchmarks/backlog_bench.py --repeat 1
"""

from __future__ import annotations

import argparse
import platform
import statistics
import tempfile
import time
from collections import Counter
from datetime import date
from pathlib import Path

from balancer.domain import Month
from balancer.inputs.demo import make_demo_team
from balancer.outputs.backlog_workbook import write_backlog_workbook
from balancer.outputs.metrics import backlog_figures
from balancer.solvers.cases import balance_backlog
from balancer.solvers.cases.baselines import baseline_plan
from balancer.solvers.runner import SolveParams
from balancer.validate.cases import check_backlog

SIZES = {
    "demo": (24, 400, 5.0),
    "large": (200, 10_000, 60.0),
    "huge": (200, 100_000, 60.0),
}


def _row(name: str, cells: list[str]) -> str:
    return f"| {name} | " + " | ".join(cells) + " |"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=1)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--month", default="2027-03")
    parser.add_argument(
        "--sizes",
        nargs="+",
        default=["demo", "large"],
        choices=list(SIZES),
    )
    parser.add_argument("--limit", type=float, help="Replace the limits.")
    parser.add_argument(
        "--write", action="store_true", help="Time writing the workbook."
    )
    args = parser.parse_args()
    month = Month.parse(args.month)
    print(
        f"{platform.processor() or platform.machine()}, "
        f"python {platform.python_version()}, {date.today()}, "
        f"workers={args.workers}"
    )
    for size in args.sizes:
        staff, cases, limit = SIZES[size]
        limit = args.limit or limit
        team = make_demo_team(month, staff=staff, cases=cases)
        start = month.first
        runs = []
        for seed in range(args.repeat):
            began = time.perf_counter()
            result = balance_backlog(
                team,
                start,
                SolveParams(time_limit=limit, workers=args.workers, seed=seed),
            )
            runs.append((time.perf_counter() - began, result))
        runs.sort(key=lambda run: run[0])
        wall, result = runs[len(runs) // 2]
        stats = result.stats
        gap = "-" if stats.gap is None else f"{100 * stats.gap:.1f}"
        print(f"\n### {size}: {cases} cases x {staff} staff, limit {limit}s")
        print("| status | objective | bound | gap % | seconds (median) |")
        print("|---|---|---|---|---|")
        print(
            f"| {stats.status.value} | {stats.objective} | {stats.bound} | "
            f"{gap} | {statistics.median(r[0] for r in runs):.1f} |"
        )
        problems = check_backlog(
            team, start, result.assignments, result.capacity_hours
        )
        print(f"\nvalidator: {len(problems)} violation(s); wall {wall:.1f}s")
        for problem in problems[:5]:
            print(f"  {problem.rule}: {problem.message}")
        for phase in stats.phases:
            print(f"phase: {phase}")
        moved = Counter(a.move_reason for a in result.assignments if a.moved)
        waits = Counter(
            a.wait_reason for a in result.assignments if a.staff_id is None
        )
        print(
            f"moves: {sum(moved.values())} of budget {result.move_budget}; "
            + ", ".join(f"{r.value} {n}" for r, n in moved.items() if r)
        )
        print(
            "waiting: "
            + ", ".join(f"{r.value} {n}" for r, n in waits.most_common() if r)
        )
        if args.write:
            with tempfile.TemporaryDirectory() as folder:
                began = time.perf_counter()
                write_backlog_workbook(
                    team, result, Path(folder) / "backlog.xlsx"
                )
                print(f"write: {time.perf_counter() - began:.2f}s")
        print(
            "\n| plan | max util % | min util % | spread | misses | moves "
            "| assigned | shelved |"
        )
        print("|---|---|---|---|---|---|---|---|")
        plans = [("cp-sat", result.capacity_hours, result.assignments)]
        for name in ("round_robin", "least_loaded"):
            free, plan = baseline_plan(name, team, start)
            plans.append((name, free, plan))
            broken = check_backlog(
                team, start, plan, free, only_hard_rules=True
            )
            if broken:
                print(f"{name}: {len(broken)} hard-rule violation(s)")
        for name, free, plan in plans:
            f = backlog_figures(team, plan, free)
            print(
                _row(
                    name,
                    [
                        f"{f.max_utilisation}",
                        f"{f.min_utilisation}",
                        f"{f.spread}",
                        f"{f.deadline_misses}",
                        f"{f.moves}",
                        f"{f.assigned}",
                        f"{f.shelved}",
                    ],
                )
            )


if __name__ == "__main__":
    main()
