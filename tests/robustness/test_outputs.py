"""Outputs through the CLI: formula-safe text, never over the input.

``tests/outputs/test_files.py`` covers ``save_workbook`` itself; these
tests check that the commands use it for every workbook they write.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from click.testing import CliRunner
from openpyxl import load_workbook

from balancer.cli import cli
from tests.inputs.books import base_sheets, with_cell, write_book

#: Text a hostile sender might put in names and ids.
INJECTED = ('=HYPERLINK("http://x.invalid","y")', "+Bo", "@c1", "-ann")


def _hostile_team(folder: Path) -> Path:
    sheets = with_cell(base_sheets(), "Staff", 2, "Name", INJECTED[0])
    sheets = with_cell(sheets, "Staff", 3, "Name", INJECTED[1])
    sheets = with_cell(sheets, "Cases", 2, "Case", INJECTED[2])
    return write_book(folder / "team.xlsx", sheets)


def _cells_holding(path: Path, texts: tuple[str, ...]) -> list[str]:
    """The data types of every cell whose value is one of ``texts``."""
    book = load_workbook(path)  # formulas kept as formulas
    return [
        cell.data_type
        for sheet in book.worksheets
        for row in sheet.iter_rows()
        for cell in row
        if isinstance(cell.value, str) and cell.value in texts
    ]


def test_input_text_is_never_written_as_a_formula(tmp_path: Path) -> None:
    team = _hostile_team(tmp_path)
    output = tmp_path / "plan.xlsx"
    result = CliRunner().invoke(
        cli,
        ["plan", str(team), "--month", "2027-01", "-o", str(output),
         "--time-limit", "1", "--quiet"],
    )  # fmt: skip
    assert output.exists(), result.output
    types = _cells_holding(output, INJECTED)
    assert len(types) >= 3  # names and the case id appear in the plan
    assert set(types) == {"s"}


def test_refuses_to_write_over_the_input(tmp_path: Path) -> None:
    team = write_book(tmp_path / "team.xlsx", base_sheets())
    before = hashlib.sha256(team.read_bytes()).hexdigest()
    result = CliRunner().invoke(
        cli,
        ["rota", str(team), "--month", "2027-01", "-o", str(team),
         "--time-limit", "1", "--quiet"],
    )  # fmt: skip
    assert result.exit_code == 2
    assert "it is an input file" in result.output
    assert "Traceback" not in result.output
    assert hashlib.sha256(team.read_bytes()).hexdigest() == before


def test_existing_output_survives_bad_input(tmp_path: Path) -> None:
    output = tmp_path / "rota.xlsx"
    output.write_bytes(b"last month's rota")
    team = write_book(
        tmp_path / "team.xlsx",
        with_cell(base_sheets(), "Staff", 2, "FTE", "much"),
    )
    result = CliRunner().invoke(
        cli,
        ["rota", str(team), "--month", "2027-01", "-o", str(output),
         "--quiet"],
    )  # fmt: skip
    assert result.exit_code == 2
    assert output.read_bytes() == b"last month's rota"
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "rota.xlsx",
        "team.xlsx",
    ]
