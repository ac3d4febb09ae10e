"""Print the robustness catalogue as the tables in docs/robustness.md.

Builds every case of ``tests/robustness/catalogue.py`` in a temporary
folder and runs it through the CLI: the team workbook cases through
``balancer validate`` (one Markdown row per case with the exit code and
the first problem, or note, exactly as the planner sees it), then the
rota workbooks, output targets and options of issue 19 through their own
command lines. The document is copied from a real run:

    PYTHONPATH=src:. python benchmarks/robustness_table.py
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from click.testing import CliRunner
from tests.robustness.catalogue import (
    BAD,
    BOARDS,
    HEAVY,
    MONTH,
    ODD,
    OPTIONS,
    TARGETS,
    board_run,
)

from balancer.cli import cli

TEST = "tests/robustness/test_catalogue.py"


def _message(output: str, folder: str, ok: bool) -> str:
    lines = [ln[4:] for ln in output.splitlines() if ln.startswith("  - ")]
    if ok and not lines:
        lines = [ln.split(": ", 1)[-1] for ln in output.splitlines()]
    if not lines:  # an error without a list, a usage error, a report
        shown = [ln for ln in output.splitlines() if ln.strip()]
        errors = [ln for ln in shown if ln.startswith("Error: ")]
        lines = [(errors or shown or [""])[-1].removeprefix("Error: ")]
    text = (lines[0] if lines else output.strip()).replace(folder, "")
    return text.replace("|", "\\|")


def main() -> None:
    """Print the team workbook table, then the command-line cases."""
    print("| # | input defect | exit | message the planner sees | test |")
    print("|---|---|---|---|---|")
    rows = [(c.id, c.defect, c.build, c.suffix, False) for c in BAD] + [
        (c.id, c.defect, c.build, c.suffix, True) for c in ODD
    ]
    for number, (case_id, defect, build, suffix, ok) in enumerate(rows, 1):
        with tempfile.TemporaryDirectory() as folder:
            path = build(Path(folder) / f"team{suffix}")
            result = CliRunner().invoke(
                cli, ["validate", str(path), "--month", MONTH]
            )
            message = _message(result.output, folder + "/", ok)
        test = (
            "test_odd_but_valid_input_is_read_as_meant"
            if ok
            else "test_bad_input_is_reported_and_nothing_is_written"
        )
        print(
            f"| {number} | {defect} | {result.exit_code} | {message} | "
            f"`{test}[{case_id}]` |"
        )
    print()
    print("| # | case | command | exit | message the planner sees |")
    print("|---|---|---|---|---|")
    runs = [*(board_run(c) for c in BOARDS), *TARGETS, *OPTIONS, *HEAVY]
    for number, case in enumerate(runs, len(rows) + 1):
        with tempfile.TemporaryDirectory() as folder:
            args = case.args(Path(folder))
            if args is None:
                print(f"| {number} | {case.defect} | | | (not here) |")
                continue
            result = CliRunner().invoke(cli, args)
            message = _message(result.output, folder + "/", False)
        print(
            f"| {number} | {case.defect} | `{args[0]}` | "
            f"{result.exit_code} | {message} |"
        )


if __name__ == "__main__":
    main()
