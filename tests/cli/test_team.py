"""`balancer template` and `balancer validate` through click's runner."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from balancer.cli import cli, main
from balancer.outputs.team_json import write_team_json
from tests.inputs.books import base_sheets, with_cell, write_book
from tests.outputs.test_team_workbook import rich_team


def _run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, list(args))
    assert "Traceback" not in result.output
    assert result.exception is None or isinstance(
        result.exception, SystemExit
    ), result.exception
    return result.exit_code, result.output


def test_template_then_validate_is_clean(tmp_path: Path) -> None:
    path = tmp_path / "team.xlsx"
    code, output = _run("template", str(path))
    assert code == 0 and path.exists()
    code, output = _run("validate", str(path), "--month", "2027-01")
    assert code == 0, output
    assert "1 staff, 1 duties (1 slots), 1 absences, 1 cases" in output
    assert "January 2027 has 20 opening days" in output


def test_a_danish_template_then_validate_is_clean(tmp_path: Path) -> None:
    path = tmp_path / "team.xlsx"
    code, output = _run("template", str(path), "--lang", "da")
    assert code == 0 and path.exists()
    code, output = _run("validate", str(path), "--month", "2027-01")
    assert code == 0, output
    assert "1 staff, 1 duties (1 slots), 1 absences, 1 cases" in output


def test_validate_lists_every_problem_and_exits_2(tmp_path: Path) -> None:
    sheets = with_cell(base_sheets(), "Staff", 2, "FTE", 1.5)
    sheets = with_cell(sheets, "Cases", 2, "Effort hours", "lots")
    path = write_book(tmp_path / "team.xlsx", sheets)
    code, output = _run("validate", str(path), "--month", "2027-01")
    assert code == 2
    assert "2 problems found" in output
    assert "sheet 'Staff', row 2, column 'FTE'" in output
    assert "sheet 'Cases', row 2, column 'Effort hours'" in output
    assert "Fix:" in output


def test_absence_outside_the_month_is_a_warning(tmp_path: Path) -> None:
    path = write_book(tmp_path / "team.xlsx", base_sheets())
    code, output = _run("validate", str(path), "--month", "2027-03")
    assert code == 0
    assert "sheet 'Absences', row 2" in output and "outside 2027-03" in output


def test_a_month_without_opening_days_is_a_problem(tmp_path: Path) -> None:
    sheets = base_sheets()
    sheets["Rules"] += [["closed_dates", f"{day:02d}.03.2027"]
                        for day in range(1, 32)]  # fmt: skip
    path = write_book(tmp_path / "team.xlsx", sheets)
    code, output = _run("validate", str(path), "--month", "2027-03")
    assert code == 2 and "not open on any day of 2027-03" in output


def test_validate_reads_json(tmp_path: Path) -> None:
    path = write_team_json(rich_team(), tmp_path / "team.json")
    code, output = _run("validate", str(path), "--month", "2027-01")
    assert code == 0 and "3 staff, 2 duties" in output


def test_validate_defaults_to_next_month(tmp_path: Path) -> None:
    path = write_book(tmp_path / "team.xlsx", base_sheets())
    code, output = _run("validate", str(path))
    assert code == 0 and "opening days" in output


def test_not_a_workbook_exits_2_without_traceback(tmp_path: Path) -> None:
    path = tmp_path / "team.xlsx"
    path.write_text("hello")
    code, output = _run("validate", str(path))
    assert code == 2 and "not an Excel workbook" in output


def test_bad_month_is_a_usage_error(tmp_path: Path) -> None:
    path = write_book(tmp_path / "team.xlsx", base_sheets())
    code, output = _run("validate", str(path), "--month", "March")
    assert code == 2 and "2027-01" in output


def test_console_entry_point_exits_2_on_bad_input(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """main() passes on validate's exit status (not just CliRunner)."""
    path = tmp_path / "team.xlsx"
    path.write_text("hello")
    monkeypatch.setattr(sys, "argv", ["balancer", "validate", str(path)])
    with pytest.raises(SystemExit) as caught:
        main()
    assert caught.value.code == 2


def test_template_refuses_an_existing_file_unless_forced(
    tmp_path: Path,
) -> None:
    """It silently overwrote a filled-in team workbook."""
    path = write_book(tmp_path / "team.xlsx", base_sheets())
    before = path.read_bytes()
    code, output = _run("template", str(path))
    assert code == 2
    assert f"{path} exists already" in output
    assert "add --force to replace it" in output
    assert path.read_bytes() == before
    code, output = _run("template", str(path), "--force")
    assert code == 0, output
    assert path.read_bytes() != before
