"""The rota workbook, the other file that comes in, is guarded too.

Seven commands read a rota workbook's Board: ``ics``, ``diff``,
``check``, ``statements``, ``rota --keep``, ``replan`` and ``rebalance
--rota``. Each hostile Board below must give every one of them exit 2,
the same clear message as the team workbook, at most a screenful of
problems, no traceback and no output. A Board of a million bad rows and
one of 1.5 GB of spaces must also stop in under 2 s of CPU and 500 MB.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from click.testing import CliRunner

import balancer
from balancer.cli import cli
from balancer.errors import SHOWN_PROBLEMS
from tests.inputs.books import base_sheets, write_book
from tests.robustness import boards
from tests.robustness.catalogue import BOARDS

if TYPE_CHECKING:
    from collections.abc import Callable

MONTH = "2027-01"
FAST = ("--time-limit", "1", "--quiet")

#: Hostile Board -> (builder, words of the message).
HOSTILE: dict[str, tuple[Callable[[Path], Path], str]] = {
    case.id: (case.build, case.words) for case in BOARDS
}


def _command(name: str, team: Path, board: Path, out: Path) -> list[str]:
    """The command line of each command that reads a Board."""
    return {
        "ics": ["ics", str(board), "--out", str(out)],
        "diff": ["diff", str(board), str(board)],
        "check": ["check", str(team), str(board), "--month", MONTH],
        "statements": ["statements", str(team), str(board), "--month",
                       MONTH],
        "rota --keep": ["rota", str(team), "--month", MONTH, "--keep",
                        str(board), "-o", str(out), *FAST],
        "replan": ["replan", str(team), str(board), "--absent", "ann",
                   "--from", "2027-01-06", "-o", str(out), *FAST],
        "rebalance --rota": ["rebalance", str(team), "--rota", str(board),
                             "--start", "2027-01-04", "-o", str(out),
                             *FAST],
    }[name]  # fmt: skip


COMMANDS = (
    "ics",
    "diff",
    "check",
    "statements",
    "rota --keep",
    "replan",
    "rebalance --rota",
)


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Each hostile Board, built once, and the team it goes with."""
    folder = tmp_path_factory.mktemp("boards")
    built = {
        name: build(folder / f"{name}.xlsx")
        for name, (build, _) in HOSTILE.items()
    }
    built["team"] = write_book(folder / "team.xlsx", base_sheets())
    return built


def test_a_sound_board_is_read_by_every_command(tmp_path: Path) -> None:
    """The guards below refuse hostile Boards, not this one."""
    team = write_book(tmp_path / "team.xlsx", base_sheets())
    board = boards.board_book(tmp_path / "rota.xlsx")
    for name in COMMANDS:
        out = tmp_path / name.replace(" ", "")
        result = CliRunner().invoke(cli, _command(name, team, board, out))
        assert result.exit_code in (0, 1), (name, result.output)


@pytest.mark.parametrize("command", COMMANDS)
@pytest.mark.parametrize("case", list(HOSTILE))
def test_a_hostile_board_gets_a_clear_message(
    hostile: dict[str, Path], tmp_path: Path, command: str, case: str
) -> None:
    out = tmp_path / "out"
    args = _command(command, hostile["team"], hostile[case], out)
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 2, result.output
    assert "Traceback" not in result.output
    assert "unexpected failure" not in result.output
    assert HOSTILE[case][1] in result.output
    assert "Fix: " in result.output
    lines = result.output.splitlines()
    error = next(i for i, line in enumerate(lines) if "Error: " in line)
    assert len(lines) - error <= SHOWN_PROBLEMS + 2
    assert not out.exists()


def test_reading_stops_early_and_lists_the_first_bad_rows(
    hostile: dict[str, Path],
) -> None:
    result = CliRunner().invoke(
        cli, ["ics", str(hostile["board-5000-bad-rows"])]
    )
    lines = result.output.splitlines()
    assert "1,002 problems found" in lines[0]
    assert "stopped reading the sheet at row 1,002" in lines[1]
    assert "row 2, column 'Date': 'someday' is not a date" in lines[2]
    assert "and 982 more" in lines[-1]


def _run(args: list[str]) -> tuple[int, float, float, str]:
    """Exit code, CPU seconds, peak MB and output of a real process.

    The process imports the balancer these tests import.
    """
    source = str(Path(balancer.__file__).parents[1])
    env = {**os.environ, "PYTHONPATH": source}
    process = subprocess.Popen(
        [sys.executable, "-m", "balancer", *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        env=env,
    )
    assert process.stdout is not None
    output = process.stdout.read().decode()
    _, status, usage = os.wait4(process.pid, 0)
    process.returncode = os.waitstatus_to_exitcode(status)
    cpu = usage.ru_utime + usage.ru_stime
    return process.returncode, cpu, usage.ru_maxrss / 1024, output


@pytest.mark.parametrize("case", ["board-million-bad-rows", "board-spaces"])
@pytest.mark.parametrize("command", ["ics", "rota --keep"])
def test_a_huge_board_stops_in_two_seconds_and_500_mb(
    hostile: dict[str, Path], tmp_path: Path, case: str, command: str
) -> None:
    """CPU time, not wall time: the machine is shared."""
    args = _command(command, hostile["team"], hostile[case], tmp_path / "o")
    code, cpu, peak, output = _run(args)
    assert code == 2, output
    assert cpu < 2.0, output
    assert peak < 500, output
