"""A file with thousands of problems prints a screenful, not thousands.

Every problem is still counted; the first :data:`SHOWN_PROBLEMS` are
printed, then one line says how many more there are.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest
from click.testing import CliRunner

from balancer.cli import cli
from balancer.errors import SHOWN_PROBLEMS, InputError, InputProblem
from tests.inputs.books import base_sheets, write_book

if TYPE_CHECKING:
    from pathlib import Path

BAD_CASES = 1_000


def _many_bad_cases(folder: Path) -> Path:
    sheets = base_sheets()
    sheets["Cases"] += [
        [f"c{n}", "lots", "01.12.2026", None, None, "new"]
        for n in range(2, BAD_CASES + 2)
    ]
    return write_book(folder / "team.xlsx", sheets)


@pytest.mark.parametrize("command", ["validate", "rota"])
def test_a_thousand_problems_print_a_screenful(
    tmp_path: Path, command: str
) -> None:
    team = _many_bad_cases(tmp_path)
    args = [command, str(team), "--month", "2027-01"]
    if command == "rota":
        args += ["-o", str(tmp_path / "out.xlsx"), "--quiet"]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 2
    lines = result.output.splitlines()
    shown = [line for line in lines if line.startswith("  - ")]
    assert len(shown) == SHOWN_PROBLEMS
    assert "1,000 problems found" in result.output
    more = BAD_CASES - SHOWN_PROBLEMS
    assert f"\u2026 and {more:,} more" in lines[-1]
    assert len(lines) <= SHOWN_PROBLEMS + 3


def test_the_error_keeps_every_problem() -> None:
    problems = [InputProblem(f"problem {n}") for n in range(50)]
    error = InputError(problems, source="team.xlsx")
    assert error.problems == problems
    assert str(error).count("\n  - ") == SHOWN_PROBLEMS
    assert "and 30 more" in str(error)
