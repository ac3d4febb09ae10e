"""Time-limit overshoot and peak memory of solves, and the whole catalogue.

Each measurement runs in a fresh subprocess so its peak resident memory
(``VmHWM``) is its own. Solves: the demo team at each size is built first
(not timed), then ``solve_rota`` / ``balance_backlog`` is timed against
``--time-limit``; overshoot = wall seconds - limit. Catalogue: every case
of ``tests/robustness/catalogue.py`` (``every_run()``: the team workbook
cases through ``validate``, hostile Boards through ``ics``, output
targets, options, and the slowest workbook the size caps let through) is
built in a temporary folder (not timed) and run through the CLI; the
table shows the exit code, wall seconds and peak memory, and flags a case
over 10 s (SLOW) or 1 GB (BIG).

    PYTHONPATH=src:. nice -n 10 python benchmarks/robustness_bench.py
        [--limits 1,5] [--workers 2] [--skip-solves] [--skip-catalogue]
        [--only ID ...]

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


#: A case is flagged when it takes longer or peaks higher than this.
SLOW_SECONDS = 10.0
BIG_MB = 1024.0


def _child_case(case_id: str) -> None:
    from click.testing import CliRunner
    from tests.robustness.catalogue import every_run

    from balancer.cli import cli

    case = next(run for run in every_run() if run.id == case_id)
    with tempfile.TemporaryDirectory() as folder:
        args = case.args(Path(folder))
        if args is None:
            print(json.dumps({"skipped": True}))
            return
        before = _peak_mb()
        started = time.perf_counter()
        result = CliRunner().invoke(cli, args)
        wall = time.perf_counter() - started
        words = case.words in result.output
    print(
        json.dumps(
            {
                "wall": wall,
                "exit": result.exit_code,
                "expected": case.exit,
                "words": words,
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
    """Print one table of solves and one of the catalogue."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--limits", default="1,5")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--skip-solves", action="store_true")
    parser.add_argument("--skip-catalogue", action="store_true")
    parser.add_argument("--only", nargs="+", help="catalogue case ids")
    parser.add_argument("--child", nargs="+")
    args = parser.parse_args()
    if args.child:
        if args.child[0] == "case":
            _child_case(args.child[1])
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
    if not args.skip_catalogue:
        _catalogue(args.only)


def _catalogue(only: list[str] | None) -> None:
    """One row per case: exit, seconds, peak memory, and any flag."""
    from tests.robustness.catalogue import every_run

    print()
    print(
        "| # | case | exit (expected) | wall s | peak MB (before run) | flag |"
    )
    print("|---|---|---|---|---|---|")
    flagged = 0
    for number, case in enumerate(every_run(), 1):
        if only and case.id not in only:
            continue
        got = _run("case", case.id)
        if got.get("skipped"):
            print(f"| {number} | {case.id} | skipped here | | | |")
            continue
        wall, peak = float(got["wall"]), float(got["peak_mb"])
        flags = [
            *(["SLOW"] if wall > SLOW_SECONDS else []),
            *(["BIG"] if peak > BIG_MB else []),
            *(["EXIT"] if got["exit"] != got["expected"] else []),
            *(["WORDS"] if not got["words"] else []),
        ]
        flagged += bool(flags)
        print(
            f"| {number} | {case.id} | {got['exit']} ({got['expected']}) "
            f"| {wall:.2f} | {peak:.0f} ({float(got['before_mb']):.0f}) "
            f"| {' '.join(flags)} |",
            flush=True,
        )
    print()
    print(
        f"{flagged} case(s) flagged (over {SLOW_SECONDS:g} s or "
        f"{BIG_MB:g} MB, another exit, or the message missing)."
    )


if __name__ == "__main__":
    main()
