"""Checks against the month planned: a slot outside the opening hours."""

from __future__ import annotations

from typing import TYPE_CHECKING

from balancer.domain import Month
from balancer.inputs.excel import read_team_workbook_with_notes
from balancer.inputs.month_checks import check_month
from tests.inputs.books import base_sheets, write_book

if TYPE_CHECKING:
    from pathlib import Path

JANUARY = Month(year=2027, month=1)


def test_a_slot_past_closing_is_a_warning_on_its_own_row(
    tmp_path: Path,
) -> None:
    """Row 4 runs 14:00-15:30 on Fridays; the team closes at 15:00."""
    sheets = base_sheets()
    sheets["Duties"].append(["phone", "Mon-Fri", "14:00", "15:30", 1, None])
    loaded = read_team_workbook_with_notes(
        write_book(tmp_path / "t.xlsx", sheets)
    )
    checked = check_month(loaded, JANUARY)
    assert checked.problems == ()
    [warning] = checked.warnings
    assert (warning.sheet, warning.row, warning.column) == ("Duties", 4, "End")
    assert "phone 14:00-15:30 runs outside the opening hours" in str(warning)
    assert "(Fri 08:00-15:00)" in str(warning)
    assert "staffs it as written" in str(warning)
    assert "change opening_hours_fri on the Rules sheet" in warning.fix


def test_absences_of_other_months_are_kept_apart_from_warnings(
    tmp_path: Path,
) -> None:
    """Every command shows the warnings; only validate lists these."""
    loaded = read_team_workbook_with_notes(
        write_book(tmp_path / "t.xlsx", base_sheets())
    )
    checked = check_month(loaded, Month(year=2027, month=2))
    assert checked.warnings == ()
    assert [p.sheet for p in checked.elsewhere] == ["Absences"]
