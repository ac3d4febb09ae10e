"""Nothing about the input is skipped quietly, whichever command runs.

A renamed sheet read by its headers, a slot outside the opening hours, a
time limit that is no number: each is said by every command it concerns.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest
from click.testing import CliRunner, Result
from openpyxl import load_workbook

from balancer.cli import cli
from tests.inputs.books import base_sheets, write_book

if TYPE_CHECKING:
    from pathlib import Path

FAST = ["--time-limit", "2", "--workers", "1", "--quiet"]
RECOGNISED = "it has the columns of the Absences sheet, so balancer reads it"


def _run(*args: str | Path) -> Result:
    return CliRunner().invoke(cli, [str(a) for a in args])


def _renamed_team(tmp_path: Path) -> Path:
    sheets = base_sheets()
    sheets["Ferie januar"] = sheets.pop("Absences")
    return write_book(tmp_path / "team.xlsx", sheets)


def test_every_command_reading_the_team_shows_its_notes(
    tmp_path: Path,
) -> None:
    team = _renamed_team(tmp_path)
    rota = tmp_path / "rota.xlsx"
    month = ("--month", "2027-01")
    runs = {
        "validate": _run("validate", team, *month),
        "rota": _run("rota", team, *month, "-o", rota, *FAST),
        "check": _run("check", team, rota, *month),
        "statements": _run("statements", team, rota),
        "rebalance": _run(
            "rebalance", team, "--start", "2027-01-04",
            "-o", tmp_path / "backlog.xlsx", *FAST,
        ),
        "replan": _run(
            "replan", team, rota, "--absent", "bo", "--from", "2027-01-12",
            *FAST,
        ),
    }  # fmt: skip
    for command, result in runs.items():
        assert result.exit_code in (0, 1), (command, result.output)
        assert RECOGNISED in result.output, command
        assert "'Ferie januar'" in result.output, command
    # Read, not skipped: ann's vacation on 4-5 January keeps her off.
    board = load_workbook(rota)["Board"]
    days = {
        (row[0].value.day, row[4].value) for row in board.iter_rows(min_row=2)
    }
    assert not any(day in (4, 5) and "ann" in staff for day, staff in days)


def test_a_slot_outside_opening_hours_is_warned_of_and_on_the_summary(
    tmp_path: Path,
) -> None:
    """bo works to 15:00; ann works the opening hours (Fri to 15:00)."""
    sheets = base_sheets()
    sheets["Duties"][1][5] = None  # bo may take it while ann is away
    sheets["Duties"].append(["mail", "Fri", "14:00", "15:30", 0, None])
    team = write_book(tmp_path / "team.xlsx", sheets)
    rota = tmp_path / "rota.xlsx"
    result = _run("rota", team, "--month", "2027-01", "-o", rota, *FAST)
    assert result.exit_code == 0, result.output
    assert "mail 14:00-15:30 runs outside the opening hours" in result.output
    summary = load_workbook(rota)["Summary"]
    texts = [c.value for row in summary.iter_rows() for c in row if c.value]
    assert "slot_outside_opening_hours" in texts
    assert (
        "mail 14:00-15:30 runs outside the opening hours (Fri "
        "08:00-15:00); it is staffed as written, by people whose own "
        "working hours cover it." in texts
    )


SOLVING = {
    "rota": ("TEAM", "--month", "2027-01"),
    "plan": ("TEAM", "--month", "2027-01"),
    "rebalance": ("TEAM",),
    "demo": ("--team-only",),
    "replan": ("TEAM", "ROTA", "--absent", "ann", "--from", "2027-01-12"),
}


@pytest.mark.parametrize("command", sorted(SOLVING))
@pytest.mark.parametrize("limit", ["nan", "inf", "-1", "0"])
def test_every_solving_command_refuses_a_time_limit_that_is_no_limit(
    tmp_path: Path, command: str, limit: str
) -> None:
    """``nan`` compared false with every bound and skipped the search."""
    team = write_book(tmp_path / "team.xlsx", base_sheets())
    args = [
        {"TEAM": str(team), "ROTA": str(tmp_path / "rota.xlsx")}.get(a, a)
        for a in SOLVING[command]
    ]
    result = _run(command, *args, "--time-limit", limit, "--quiet")
    assert result.exit_code == 2, result.output
    assert "is not a time limit" in result.output
    assert not (tmp_path / "rota.xlsx").exists()


def test_a_reader_that_leaves_the_pipe_does_not_lose_the_plan(
    tmp_path: Path,
) -> None:
    """``balancer rota ... | head -5``: the workbook is written all the same.

    The pipe's reading end is closed before balancer starts, so every
    line it prints meets a closed pipe (what ``head`` leaves behind once
    it has its lines); the exit status is the command's own.
    """
    import os
    import subprocess
    import sys

    sheets = base_sheets()
    sheets["Duties"][1][5] = None  # bo may take it too: a rota in full
    team = write_book(tmp_path / "team.xlsx", sheets)
    rota = tmp_path / "rota.xlsx"
    reading, writing = os.pipe()
    os.close(reading)
    try:
        done = subprocess.run(
            [
                sys.executable, "-m", "balancer", "rota", str(team),
                "--month", "2027-02", "-o", str(rota), *FAST,
            ],
            stdout=writing,
            stderr=subprocess.PIPE,
            text=True,
            timeout=120,
            check=False,
        )  # fmt: skip
    finally:
        os.close(writing)
    assert done.returncode == 0, done.stderr
    assert "BrokenPipe" not in done.stderr
    assert "Exception ignored" not in done.stderr
    assert load_workbook(rota)["Board"].max_row > 1
