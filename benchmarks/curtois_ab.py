"""Compare two versions on Curtois instances, alternately; print a table.

Run from the repository root, with an older checkout beside it::

    git worktree add --detach ../old <commit>
    python benchmarks/curtois_ab.py --old ../old/src --new src
        [--instances 8,9,11,12] [--time-limit 60] [--repeat 2]

Like ``rota_ab.py``: the two versions run one after the other (old, new,
old, new ...) on the same instance and seed, each in a fresh interpreter
with its own ``PYTHONPATH``, so a drifting machine load hits both alike.
For each run: the objective and bound after the limit, and the
line-by-line start's points (from the solve's phase notes). The
instances are read from ``../shared/benchmarks/curtois`` (or
``--data``); "broken" counts the validator's findings (must be 0).
"""

from __future__ import annotations

import argparse
import statistics
from pathlib import Path

from ab_run import run_in_tree

DATA = Path(__file__).resolve().parents[1] / ".." / "shared" / "benchmarks"

ONE_RUN = """
import json, re, sys
from dataclasses import replace
from pathlib import Path
from balancer import SolveParams
from balancer.bench.curtois import run_instance, tuned_for_curtois
path, limit, seed = Path(sys.argv[1]), float(sys.argv[2]), int(sys.argv[3])
params = tuned_for_curtois(
    SolveParams(time_limit=limit, workers=2, seed=seed)
)
_, result, row = run_instance(path, params)
start = next(
    (float(m.group(1)) for p in result.stats.phases
     if (m := re.match(r"line-by-line start: ([0-9.]+) points", p))),
    None,
)
print(json.dumps({
    "start": start,
    "objective": row.objective,
    "bound": row.bound,
    "seconds": row.seconds,
    "broken": row.violations,
}))
"""


def main() -> None:
    """Run every instance and seed with both versions, print a table."""
    parser = argparse.ArgumentParser(description=__doc__.split("\\n")[0])
    parser.add_argument("--old", required=True, help="old tree's src/")
    parser.add_argument("--new", default="src", help="new tree's src/")
    parser.add_argument("--instances", default="8,9,11,12")
    parser.add_argument("--time-limit", default="60")
    parser.add_argument("--repeat", type=int, default=2)
    parser.add_argument("--data", type=Path, default=DATA)
    args = parser.parse_args()
    trees = {"old": args.old, "new": args.new}
    rows: dict[tuple[str, str], list[dict[str, float | None]]] = {}
    for number in args.instances.split(","):
        path = args.data / "curtois" / f"Instance{number}.txt"
        for seed in range(args.repeat):
            for name, tree in trees.items():
                run = _run(tree, path, args.time_limit, seed)
                rows.setdefault((number, name), []).append(run)
                print(f"Instance{number} seed {seed} {name}: {run}")
    print()
    print("| instance | code | starts | objectives | median | broken |")
    print("|---|---|---|---|---:|---:|")
    for (number, name), runs in rows.items():
        objectives = [r["objective"] for r in runs]
        known = [o for o in objectives if o is not None]
        print(
            f"| Instance{number} | {name} "
            f"| {' / '.join(_show(r['start']) for r in runs)} "
            f"| {' / '.join(_show(o) for o in objectives)} "
            f"| {_show(statistics.median(known) if known else None)} "
            f"| {sum(int(r['broken'] or 0) for r in runs)} |"
        )


def _show(value: float | None) -> str:
    return "-" if value is None else f"{value:g}"


def _run(
    tree: str, path: Path, limit: str, seed: int
) -> dict[str, float | None]:
    return run_in_tree(tree, ONE_RUN, str(path), limit, str(seed))


if __name__ == "__main__":
    main()
