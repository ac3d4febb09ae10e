"""Which soft goals keep the rota's proof open? Print a table.

Run from the repository root::

    PYTHONPATH=src python benchmarks/rota_goals.py [--staff 24]
        [--time-limit 30] [--workers 2] [--seeds 0 1 2]
        [--off duty_fairness,duty_fairness_max --off preferences ...]

The demo team (``make_demo_team``, January 2027) is solved by CP-SAT on
the rota model as built for planners, once with every goal and once for
each ``--off`` set with those goals' weights at 0 (as a planner would
set them on the Weights sheet). No start, no phases: the point is how
fast CP-SAT itself closes the gap between its rota and its bound. Each
row gives the median over the seeds of the objective, the bound and the
seconds, and how many runs were proven optimal.
"""

from __future__ import annotations

import argparse
import statistics

from ortools.sat.python import cp_model

from balancer.domain import Month
from balancer.inputs.demo import make_demo_team
from balancer.solvers.rota.model import build_model


def solve_once(
    staff: int, off: tuple[str, ...], limit: float, workers: int, seed: int
) -> tuple[bool, float, float, float]:
    """Proven?, objective and bound in points, and wall seconds."""
    month = Month.parse("2027-01")
    team = make_demo_team(month, staff=staff, cases=0)
    if off:
        weights = team.weights.model_copy(update=dict.fromkeys(off, 0))
        team = team.model_copy(update={"weights": weights})
    built = build_model(team, month, exact=False)
    solver = cp_model.CpSolver()
    solver.parameters.max_time_in_seconds = limit
    solver.parameters.num_workers = workers
    solver.parameters.random_seed = seed
    status = solver.solve(built.model)
    scale = built.shares.per_unit
    return (
        status == cp_model.OPTIMAL,
        solver.objective_value / scale,
        solver.best_objective_bound / scale,
        solver.wall_time,
    )


def main() -> None:
    """Solve with every goal, then with each set of goals off."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--staff", type=int, default=24)
    parser.add_argument("--time-limit", type=float, default=30.0)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--seeds", type=int, nargs="+", default=[0, 1, 2])
    parser.add_argument("--off", action="append", default=[])
    args = parser.parse_args()
    print(
        f"{'goals off':<40} {'proven':>6} {'objective':>9} {'bound':>9} "
        f"{'gap %':>6} {'seconds':>7}"
    )
    for spec in ["", *args.off]:
        off = tuple(name for name in spec.split(",") if name)
        runs = [
            solve_once(args.staff, off, args.time_limit, args.workers, seed)
            for seed in args.seeds
        ]
        objective = statistics.median(r[1] for r in runs)
        bound = statistics.median(r[2] for r in runs)
        gap = 100 * (objective - bound) / objective if objective else 0.0
        print(
            f"{', '.join(off) or '(none)':<40} "
            f"{sum(r[0] for r in runs)}/{len(runs):<4} {objective:>9.1f} "
            f"{bound:>9.1f} {gap:>6.1f} "
            f"{statistics.median(r[3] for r in runs):>7.1f}",
            flush=True,
        )


if __name__ == "__main__":
    main()
