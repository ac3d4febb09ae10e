"""The backlog's columns and settings: May move, shelf_order, max_moves."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from click.testing import CliRunner

from balancer.cli.main import cli
from balancer.domain import ShelfOrder
from balancer.errors import InputError
from balancer.inputs.excel import read_team_workbook
from balancer.outputs.team_workbook import write_team_workbook
from tests.inputs.books import Sheets, base_sheets, with_cell, write_book

if TYPE_CHECKING:
    from balancer.errors import InputProblem


def _only_problem(tmp_path: Path, sheets: Sheets) -> InputProblem:
    """The one problem reading ``sheets`` reports."""
    with pytest.raises(InputError) as caught:
        read_team_workbook(write_book(tmp_path / "team.xlsx", sheets))
    (problem,) = caught.value.problems
    return problem


def _with_may_move(value: object, owner: object = "ann") -> Sheets:
    sheets = base_sheets()
    sheets["Cases"][0].append("May move")
    sheets["Cases"][1].append(value)
    return with_cell(sheets, "Cases", 2, "Owner", owner)


def test_may_move_is_read_and_written_back(tmp_path: Path) -> None:
    team = read_team_workbook(
        write_book(tmp_path / "team.xlsx", _with_may_move("yes"))
    )
    (case,) = team.cases
    assert case.may_move
    again = read_team_workbook(
        write_team_workbook(team, tmp_path / "again.xlsx")
    )
    assert again.cases[0].may_move


def test_may_move_on_a_shelf_case_names_its_cell(tmp_path: Path) -> None:
    sheets = with_cell(
        _with_may_move("yes", owner=None), "Cases", 2, "Status", "new"
    )
    problem = _only_problem(tmp_path, sheets)
    assert (problem.sheet, problem.row, problem.column) == (
        "Cases",
        2,
        "May move",
    )
    assert "may move is for a case someone holds" in problem.message


def test_pinned_and_may_move_together_name_the_may_move_cell(
    tmp_path: Path,
) -> None:
    sheets = _with_may_move("yes")
    sheets["Cases"][0].append("Pinned")
    sheets["Cases"][1].append("yes")
    problem = _only_problem(tmp_path, sheets)
    assert (problem.row, problem.column) == (2, "May move")
    assert "both pinned and free to move" in problem.message


def test_shelf_order_and_max_moves_are_rules_settings(tmp_path: Path) -> None:
    sheets = base_sheets()
    sheets["Rules"] += [["shelf_order", "pack"], ["max_moves", 7]]
    team = read_team_workbook(write_book(tmp_path / "team.xlsx", sheets))
    assert team.rules.shelf_order is ShelfOrder.PACK
    assert team.rules.max_moves == 7


def test_an_unknown_shelf_order_names_its_row(tmp_path: Path) -> None:
    sheets = base_sheets()
    sheets["Rules"].append(["shelf_order", "fifo"])
    problem = _only_problem(tmp_path, sheets)
    assert (problem.sheet, problem.row, problem.column) == (
        "Rules",
        3,
        "Value",
    )
    assert "queue" in problem.message and "pack" in problem.message


def test_a_skill_nobody_has_is_a_warning_not_a_stop(tmp_path: Path) -> None:
    # The case needs english 3; ann has 2: validate and rota go on.
    sheets = base_sheets()
    sheets["Cases"][0] += ["Skill", "Level"]
    sheets["Cases"][1] += ["english", 3]
    path = write_book(tmp_path / "team.xlsx", sheets)
    team = read_team_workbook(path)
    (warning,) = team.warnings()
    assert "nobody on the team can take case c1" in warning.message
    runner = CliRunner()
    done = runner.invoke(cli, ["validate", str(path), "--month", "2027-01"])
    assert done.exit_code == 0, done.output
    assert "nobody on the team can take case c1" in done.output
    assert "sheet 'Cases', row 2" in done.output
