"""A sheet's rows are read or refused, never skipped without a word.

A planner renames "Absences" to "Ferie marts": balancer reads it by its
headers and says so. Where reading it would be a guess (two sheets with
the same columns, or a second copy of a sheet balancer has), or a known
sheet's rows cannot be read at all (no header row), the run stops with a
problem and a fix.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

import pytest

from balancer.errors import InputError
from balancer.inputs.excel import read_team_workbook_with_notes
from tests.inputs.books import base_sheets, write_book

if TYPE_CHECKING:
    from pathlib import Path

    from tests.inputs.books import Sheets


def _renamed(sheets: Sheets, old: str, new: str) -> Sheets:
    renamed = {new if k == old else k: v for k, v in sheets.items()}
    return renamed


def _problems(tmp_path: Path, sheets: Sheets) -> list[str]:
    with pytest.raises(InputError) as raised:
        read_team_workbook_with_notes(write_book(tmp_path / "t.xlsx", sheets))
    return [
        f"{p.sheet}: {p.message} Fix: {p.fix}" for p in raised.value.problems
    ]


def test_a_renamed_sheet_is_read_by_its_headers_with_a_note(
    tmp_path: Path,
) -> None:
    sheets = _renamed(base_sheets(), "Absences", "Ferie marts")
    loaded = read_team_workbook_with_notes(
        write_book(tmp_path / "t.xlsx", sheets)
    )
    [absence] = loaded.team.absences
    assert (absence.staff_id, absence.start) == ("ann", date(2027, 1, 4))
    [note] = loaded.notes
    assert note.sheet == "Ferie marts"
    assert "reads it as the Absences sheet" in note.message
    assert "rename it 'Absences'" in note.fix


def test_a_renamed_sheets_problems_name_the_sheet_as_written(
    tmp_path: Path,
) -> None:
    sheets = _renamed(base_sheets(), "Absences", "Ferie marts")
    sheets["Ferie marts"][1][0] = "nobody"
    [problem] = _problems(tmp_path, sheets)
    assert problem.startswith("Ferie marts: ")
    assert "'nobody'" in problem


def test_a_copy_beside_the_known_sheet_stops_the_run(tmp_path: Path) -> None:
    """Reading one and skipping the other would lose its rows quietly."""
    sheets = base_sheets()
    sheets["Ferie marts"] = [
        ["Staff", "From date", "To date"],
        ["bo", "11.01.2027", "12.01.2027"],
    ]
    [problem] = _problems(tmp_path, sheets)
    assert problem.startswith("Ferie marts: it has the columns of the ")
    assert "only one Absences sheet, 'Absences'" in problem
    assert "move its rows into that sheet" in problem


def test_two_sheets_with_the_same_columns_stop_the_run(
    tmp_path: Path,
) -> None:
    sheets = _renamed(base_sheets(), "Absences", "Ferie marts")
    sheets["Ferie april"] = [
        ["Staff", "From date", "To date"],
        ["bo", "11.01.2027", "12.01.2027"],
    ]
    [problem] = _problems(tmp_path, sheets)
    assert "'Ferie marts' and 'Ferie april' both have the columns" in problem
    assert "one sheet named 'Absences'" in problem


def test_a_sheet_with_a_few_matching_headers_is_only_noted(
    tmp_path: Path,
) -> None:
    """A phone list (ID, Name, Phone) is not a second Staff sheet."""
    sheets = base_sheets()
    sheets["Telefonliste"] = [["ID", "Name", "Phone"], ["ann", "Ann", "12"]]
    loaded = read_team_workbook_with_notes(
        write_book(tmp_path / "t.xlsx", sheets)
    )
    [note] = loaded.notes
    assert (note.sheet, "ignored" in note.message) == ("Telefonliste", True)


def test_a_known_sheet_without_a_header_row_stops_the_run(
    tmp_path: Path,
) -> None:
    """Its header below row 20, the Absences sheet read as nothing."""
    sheets = base_sheets()
    sheets["Absences"][:0] = [[]] * 25
    [problem] = _problems(tmp_path, sheets)
    assert problem.startswith("Absences: no header row found")
    assert "none of the sheet's rows can be read" in problem
    assert "put the headers Staff, From date" in problem


def test_an_empty_known_sheet_is_fine(tmp_path: Path) -> None:
    sheets = base_sheets()
    sheets["Absences"] = []
    loaded = read_team_workbook_with_notes(
        write_book(tmp_path / "t.xlsx", sheets)
    )
    assert (loaded.team.absences, loaded.notes) == ((), ())


def test_a_sheet_of_only_the_required_columns_is_recognised(
    tmp_path: Path,
) -> None:
    """Setting and Value, and nothing else, are the Rules sheet."""
    sheets = _renamed(base_sheets(), "Rules", "Opsætning 2027")
    sheets["Opsætning 2027"][1][1] = 1
    loaded = read_team_workbook_with_notes(
        write_book(tmp_path / "t.xlsx", sheets)
    )
    assert loaded.team.rules.max_slots_per_day == 1
    assert [n.sheet for n in loaded.notes] == ["Opsætning 2027"]
