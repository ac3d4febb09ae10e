"""Time-limit overshoot and peak memory of solves and of hostile inputs.

Each measurement runs in a fresh subprocess so its peak resident memory
(``VmHWM``) is its own. Solves: the demo team at each size is built first
(not timed), then ``solve_rota`` / ``balance_backlog`` is timed against
``--time-limit``; overshoot = wall seconds - limit. Inputs: the large and
hostile files of the robustness catalogue are read with
``balancer validate``; the table shows seconds and peak memory.

    PYTHONPATH=src:. nice -n 10 python benchmarks/robustness_bench.py
        [--limits 1,5] [--workers 2] [--skip-solves] [--skip-inputs]

Figures go to docs/robustness.md; they come from a shared, noisy 2-core
machine, so compare within one run.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

ROTA_SIZES = (24, 150)
BACKLOG_SIZES = ((24, 400), (200, 10_000))
MONTH = "2027-03"


def _peak_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def _child_solve(
    kind: str, staff: int, cases: int, limit: float, workers: int
) -> None:
    from balancer.domain import Month
    from balancer.inputs.demo import make_demo_team
    from balancer.solvers.runner import SolveParams

    month = Month.parse(MONTH)
    team = make_demo_team(month, staff=staff, cases=cases)
    built_mb = _peak_mb()
    params = SolveParams(time_limit=limit, workers=workers)
    started = time.perf_counter()
    if kind == "rota":
        from balancer.solvers.rota import solve_rota

        result = solve_rota(team, month, params)
        status = result.status.value
    else:
        from balancer.solvers.cases import balance_backlog

        backlog = balance_backlog(team, date(2027, 3, 1), params)
        status = backlog.stats.status.value
    wall = time.perf_counter() - started
    print(
        json.dumps(
            {
                "wall": wall,
                "status": status,
                "team_mb": built_mb,
                "peak_mb": _peak_mb(),
            }
        )
    )


def _child_input(case: str) -> None:
    from click.testing import CliRunner
    from tests.robustness import builders

    from balancer.cli import cli

    make = {
        "1,000,000 formatted empty rows": builders.formatted_empty_rows,
        "50 MB workbook (picture)": builders.with_picture,
        "zip bomb (600 MB of zeros)": builders.zip_bomb,
        "entity expansion": builders.entity_expansion,
    }[case]
    with tempfile.TemporaryDirectory() as folder:
        path = make(Path(folder) / "team.xlsx")
        size = path.stat().st_size
        before = _peak_mb()
        started = time.perf_counter()
        result = CliRunner().invoke(
            cli, ["validate", str(path), "--month", "2027-01"]
        )
        wall = time.perf_counter() - started
    print(
        json.dumps(
            {
                "wall": wall,
                "exit": result.exit_code,
                "file_mb": size / 2**20,
                "before_mb": before,
                "peak_mb": _peak_mb(),
            }
        )
    )


def _run(*args: str) -> dict[str, object]:
    out = subprocess.run(
        [sys.executable, __file__, "--child", *args],
        capture_output=True, text=True, check=True,
    )  # fmt: skip
    result: dict[str, object] = json.loads(out.stdout.strip().splitlines()[-1])
    return result


def main() -> None:
    """Print one table of solves and one of inputs."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--limits", default="1,5")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--skip-solves", action="store_true")
    parser.add_argument("--skip-inputs", action="store_true")
    parser.add_argument("--child", nargs="+")
    args = parser.parse_args()
    if args.child:
        if args.child[0] == "input":
            _child_input(args.child[1])
        else:
            kind, staff, cases, limit, workers = args.child
            _child_solve(
                kind, int(staff), int(cases), float(limit), int(workers)
            )
        return
    limits = [float(x) for x in args.limits.split(",")]
    if not args.skip_solves:
        print(
            "| engine | staff | cases | limit s | wall s | overshoot s "
            "| status | peak MB (team only) |"
        )
        print("|---|---|---|---|---|---|---|---|")
        runs = [("rota", s, 0) for s in ROTA_SIZES] + [
            ("backlog", s, c) for s, c in BACKLOG_SIZES
        ]
        for kind, staff, cases in runs:
            for limit in limits:
                got = _run(
                    kind, str(staff), str(cases), str(limit), str(args.workers)
                )
                wall = float(got["wall"])
                print(
                    f"| {kind} | {staff} | {cases} | {limit:g} | {wall:.2f} | "
                    f"{wall - limit:+.2f} | {got['status']} | "
                    f"{float(got['peak_mb']):.0f} "
                    f"({float(got['team_mb']):.0f}) |",
                    flush=True,
                )
    if not args.skip_inputs:
        print()
        print("| input | file MB | exit | seconds | peak MB (before read) |")
        print("|---|---|---|---|---|")
        for case in (
            "1,000,000 formatted empty rows",
            "50 MB workbook (picture)",
            "zip bomb (600 MB of zeros)",
            "entity expansion",
        ):
            got = _run("input", case)
            print(
                f"| {case} | {float(got['file_mb']):.1f} | {got['exit']} | "
                f"{float(got['wall']):.2f} | {float(got['peak_mb']):.0f} "
                f"({float(got['before_mb']):.0f}) |",
                flush=True,
            )


if __name__ == "__main__":
    main()
