"""Benchmark the board page and the web app's validation; print a table.

Run from the repository root::

    PYTHONPATH=src python benchmarks/board_bench.py [--repeat 5]
        [--staff 200] [--cases 10000] [--month 2027-03]

Three figures, each the median of ``--repeat`` runs (targets of issue 21):

=============================================== ==========
what                                            target
=============================================== ==========
board for 200 staff and 10,000 cases, rendered  <= 2 s
that page's weight                              <= 1.5 MB
the app's answer to the demo team's validation  <= 1 s
=============================================== ==========

The board is timed twice: from the team and rota already read (the
figures and the page: what "renders" means), and as the whole ``balancer
board`` command from the workbooks (reading 10,000 cases with every
guard, then rendering). The rota for the big team is made once, before
the timing (a 20 s solve), and saved as its workbook. The app is started
as a planner starts it (``balancer serve`` on a free port of 127.0.0.1);
its validation is timed from sending the demo team's workbook to having
the page that lists the outcome. This is a benchmark, never a test: it
prints, and asserts nothing.
"""

from __future__ import annotations

import argparse
import re
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from datetime import date, timedelta
from pathlib import Path

from click.testing import CliRunner

from balancer.cli import cli
from balancer.domain import Month
from balancer.inputs.demo import make_demo_team
from balancer.inputs.loaded import load_team
from balancer.inputs.rota_workbook import read_rota_workbook
from balancer.outputs.board_figures import board_figures
from balancer.outputs.board_page import board_html
from balancer.outputs.rota_workbook import write_rota_workbook
from balancer.outputs.team_workbook import write_team_workbook
from balancer.solvers.planning import solve_rota
from balancer.solvers.runner import SolveParams


def _median(seconds: list[float]) -> str:
    return f"{statistics.median(seconds):.2f}"


def _board(args: argparse.Namespace, folder: Path) -> list[tuple[str, str]]:
    month = Month.parse(args.month)
    team = make_demo_team(month, staff=args.staff, cases=args.cases)
    rota = solve_rota(team, month, SolveParams(time_limit=20, workers=2))
    team_path = write_team_workbook(team, folder / "team.xlsx")
    rota_path = write_rota_workbook(team, month, rota, folder / "rota.xlsx")
    assignments = read_rota_workbook(rota_path, team, month)
    today = month.first + timedelta(days=9)
    render: list[float] = []
    html = ""
    for _ in range(args.repeat):
        started = time.perf_counter()
        figures = board_figures(team, month, assignments, today)
        html = board_html(figures, "en")
        render.append(time.perf_counter() - started)
    command: list[float] = []
    out = folder / "board.html"
    for _ in range(max(1, args.repeat // 2)):
        started = time.perf_counter()
        result = CliRunner().invoke(
            cli,
            ["board", str(team_path), "--rota", str(rota_path),
             "--today", today.isoformat(), "-o", str(out)],
        )  # fmt: skip
        command.append(time.perf_counter() - started)
        assert result.exit_code == 0, result.output
    size = len(html.encode("utf-8"))
    label = f"{args.staff} staff, {args.cases:,} cases"
    return [
        (f"board figures + page, {label} (s)", _median(render)),
        (f"balancer board from the workbooks, {label} (s)", _median(command)),
        ("page weight (MB)", f"{size / 1_000_000:.3f}"),
        ("rota for it", f"{rota.status.value}, {len(assignments)} slots"),
    ]


def _app(args: argparse.Namespace, folder: Path) -> list[tuple[str, str]]:
    import httpx2 as httpx

    month = Month.parse(args.month)
    team_path = write_team_workbook(
        make_demo_team(month), folder / "demo-team.xlsx"
    )
    load_team(team_path)  # warm the readers' imports in this process too
    server = subprocess.Popen(
        [sys.executable, "-m", "balancer", "serve", str(folder),
         "--port", "0"],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )  # fmt: skip
    line: list[str] = []

    def first_line() -> None:
        if server.stdout is not None:
            line.append(server.stdout.readline())

    reader = threading.Thread(target=first_line, daemon=True)
    reader.start()
    reader.join(60)
    found = re.search(r"http://[\d.:]+/", "".join(line))
    if found is None:
        server.kill()
        raise SystemExit(f"the app did not start: {line}")
    url = found.group(0)
    data = team_path.read_bytes()
    answers: list[float] = []
    try:
        with httpx.Client(follow_redirects=True, timeout=60) as client:
            base = str(client.get(url).url)
            for _ in range(args.repeat + 1):
                started = time.perf_counter()
                page = client.post(
                    base + "upload",
                    files={"team": ("demo-team.xlsx", data)},
                    data={"month": str(month)},
                )
                answers.append(time.perf_counter() - started)
                assert "OK, no problems" in page.text
    finally:
        server.terminate()
        server.wait(30)
    answers = answers[1:]  # the first warms the server's imports
    return [
        ("app: demo team validated, upload to page (s)", _median(answers)),
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--staff", type=int, default=200)
    parser.add_argument("--cases", type=int, default=10_000)
    parser.add_argument("--month", default="2027-03")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        rows = _board(args, folder) + _app(args, folder)
    print(f"board and web app, medians of {args.repeat} ({date.today()})")
    width = max(len(what) for what, _ in rows)
    print(f"| {'what'.ljust(width)} | value |")
    print(f"|{'-' * (width + 2)}|-------|")
    for what, value in rows:
        print(f"| {what.ljust(width)} | {value} |")


if __name__ == "__main__":
    main()
