"""An empty-ish team workbook for planners to fill in.

Every sheet with its headers, one synthetic example row per sheet, the
Rules sheet with every setting at its default, dropdowns for the fixed
choices (duties, staff, weekdays, reasons, want/avoid, priority, status,
yes/no) and an Instructions sheet saying what each sheet is for.
"""

from __future__ import annotations

from datetime import date, time
from typing import TYPE_CHECKING

from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation

from balancer.domain import (
    Absence,
    AbsenceReason,
    Case,
    CaseStatus,
    Duty,
    HistoryBalance,
    Preference,
    SkillRequirement,
    Slot,
    Staff,
    Team,
    Weekday,
    WorkDay,
)
from balancer.files.saving import save_workbook
from balancer.files.schema import (
    ABSENCES,
    CASES,
    DUTIES,
    HISTORY,
    INSTRUCTIONS,
    PREFERENCES,
    RULES,
    SHEETS,
    STAFF,
    Sheet,
)
from balancer.outputs.styling import page_setup
from balancer.outputs.team_workbook import team_workbook

if TYPE_CHECKING:
    from collections.abc import Iterable
    from pathlib import Path

    from openpyxl import Workbook

__all__ = [
    "SHEET_PURPOSE",
    "example_team",
    "template_workbook",
    "write_template",
]

#: What each sheet is for, in a planner's words (also used in the docs).
SHEET_PURPOSE: dict[str, str] = {
    STAFF.key: "One row per person: contract (FTE or weekly hours), the "
    "days and hours they work, their skills with a level 1-3, and which "
    "duties they may take (blank = all, 'none' = no duty).",
    ABSENCES.key: "Vacation, sickness, courses and other absences. Leave "
    "the times blank for whole days; give From time and To time for part "
    "of a day (e.g. a dentist 08:00-10:00).",
    DUTIES.key: "The duties to staff, such as phone or mail, one row per "
    "time slot. Rows with the same Duty form one duty. Min, Target and Max "
    "say how many people; Required skills say who must be among them.",
    RULES.key: "The team's rules and settings, one per row: limits per "
    "person, opening hours per weekday, closed days, and how much each "
    "goal counts. A blank value means the default in the Note column.",
    PREFERENCES.key: "Wishes: a person wants or avoids a weekday, a date or "
    "a duty slot. Weight 1-10 says how strongly.",
    HISTORY.key: "Balances carried from last month: + hours = the person "
    "did more than their fair share and gets less this month.",
    CASES.key: "The open case backlog: effort left in hours, when it came "
    "in, its deadline, priority, skill needed and current caseworker.",
}

_YES_NO = ("yes", "no")
_CHOICES: dict[tuple[str, str], tuple[str, ...]] = {
    (STAFF.key, "casework"): _YES_NO,
    (DUTIES.key, "unpopular"): _YES_NO,
    (DUTIES.key, "weekdays"): ("Mon-Fri", "Mon-Thu", "Mon", "Tue", "Wed",
                               "Thu", "Fri", "Sat", "Sun"),
    (ABSENCES.key, "reason"): tuple(r.value for r in AbsenceReason),
    (PREFERENCES.key, "want"): ("want", "avoid"),
    (PREFERENCES.key, "weekday"): tuple(d.short for d in Weekday),
    (CASES.key, "priority"): ("low", "normal", "high", "urgent"),
    (CASES.key, "status"): ("new", "assigned", "in progress", "waiting"),
    (CASES.key, "pinned"): _YES_NO,
}  # fmt: skip

#: Columns whose dropdown lists the ids on another sheet.
_LOOKUPS: dict[tuple[str, str], Sheet] = {
    (STAFF.key, "duties"): DUTIES,
    (ABSENCES.key, "staff_id"): STAFF,
    (PREFERENCES.key, "staff_id"): STAFF,
    (PREFERENCES.key, "duty"): DUTIES,
    (HISTORY.key, "staff_id"): STAFF,
    (HISTORY.key, "duty"): DUTIES,
    (CASES.key, "owner"): STAFF,
}

#: Dropdowns reach down to this row.
_LAST_ROW = 1000


def example_team() -> Team:
    """The template's example: one person, one duty, one of everything.

    Names are synthetic.
    """
    return Team(
        staff=(
            Staff(
                id="AH",
                name="Anna Holm",
                fte=0.8,
                pattern=tuple(
                    WorkDay(weekday=day, start=time(8), end=time(15, 30))
                    for day in (0, 1, 2, 3)
                ),
                skills={"pension": 3, "english": 2},
                duties=("phone",),
            ),
        ),
        duties=(
            Duty(
                id="phone",
                name="Phones",
                colour="#FFD966",
                slots=(
                    Slot(
                        start=time(8),
                        end=time(10),
                        min_staff=1,
                        target_staff=2,
                        max_staff=3,
                        requirements=(
                            SkillRequirement(skill="english", min_level=2),
                        ),
                    ),
                ),
            ),
        ),
        absences=(
            Absence(
                staff_id="AH",
                start=date(2027, 1, 4),
                end=date(2027, 1, 8),
                reason=AbsenceReason.VACATION,
            ),
        ),
        preferences=(
            Preference(
                staff_id="AH",
                want=False,
                weekday=Weekday.MON,
                duty="phone",
                slot_start=time(8),
                weight=3,
            ),
        ),
        history=(HistoryBalance(staff_id="AH", duty="phone", hours=1.5),),
        cases=(
            Case(
                id="2027-0142",
                type="pension",
                skill="pension",
                min_level=2,
                effort_hours=6.5,
                received=date(2026, 11, 12),
                deadline=date(2027, 1, 12),
                owner="AH",
                status=CaseStatus.ASSIGNED,
                group="M-10233",
            ),
        ),
    )


def template_workbook() -> Workbook:
    """The template as an openpyxl workbook (not saved)."""
    book = team_workbook(example_team())
    for spec in SHEETS:
        _add_dropdowns(book, spec)
    _add_instructions(book)
    return book


def write_template(path: str | Path, inputs: Iterable[Path] = ()) -> Path:
    """Write the team workbook template to ``path``, atomically."""
    return save_workbook(template_workbook(), path, inputs=inputs)


def _letter(spec: Sheet, key: str) -> str:
    index = [column.key for column in spec.columns].index(key)
    letter: str = get_column_letter(index + 1)
    return letter


def _add_dropdowns(book: Workbook, spec: Sheet) -> None:
    sheet = book[spec.name]
    for column in spec.columns:
        choices = _CHOICES.get((spec.key, column.key))
        source = _LOOKUPS.get((spec.key, column.key))
        if choices is not None:
            formula = '"' + ",".join(choices) + '"'
        elif source is not None:
            formula = f"'{source.name}'!$A$2:$A${_LAST_ROW}"
        else:
            continue
        # A suggestion, not a lock: the reader also accepts Danish words
        # and lists like "phone, mail", and explains anything it refuses.
        validation = DataValidation(
            type="list",
            formula1=formula,
            allow_blank=True,
            showErrorMessage=False,
        )
        letter = _letter(spec, column.key)
        validation.add(f"{letter}2:{letter}{_LAST_ROW}")
        sheet.add_data_validation(validation)


_GENERAL = (
    "How to fill in this workbook",
    "",
    "Each sheet below has one example row; replace it with your team. "
    "Names in the examples are made up.",
    "Dates are day first: 31.01.2027 (also 31-01-2027 or 2027-01-31). "
    "Times: 08:00, 8.30 or 8. Decimal comma is fine: 29,6.",
    "Lists are separated by commas: pension:3, english:2. Weekdays: "
    "Mon-Thu, man-tor, Mon, Wed, Fri.",
    "Headers may also be in Danish (Navn, Fravær, Vagt ...). Empty rows "
    "are skipped. Extra columns are ignored (you get a note).",
    "Check the workbook with:  balancer validate team.xlsx --month 2027-01",
    "",
)


def _add_instructions(book: Workbook) -> None:
    sheet = book.create_sheet(INSTRUCTIONS.name, 0)
    lines: list[tuple[str, str]] = [(line, "") for line in _GENERAL]
    lines += [(spec.name, SHEET_PURPOSE[spec.key]) for spec in SHEETS]
    for number, (first, second) in enumerate(lines, start=1):
        sheet.cell(row=number, column=1, value=first)
        if second:
            sheet.cell(row=number, column=1).font = Font(bold=True)
            cell = sheet.cell(row=number, column=2, value=second)
            cell.alignment = Alignment(wrap_text=True, vertical="top")
    sheet.cell(row=1, column=1).font = Font(bold=True, size=14)
    sheet.column_dimensions["A"].width = 16
    sheet.column_dimensions["B"].width = 100
    page_setup(sheet, landscape=True, title=INSTRUCTIONS.name, fit_width=True)
    book.active = 0
