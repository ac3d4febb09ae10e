"""An empty-ish team workbook for planners to fill in.

Every sheet with its headers, one synthetic example row per sheet, the
Rules sheet with every setting at its default, dropdowns for the fixed
choices (duties, staff, weekdays, reasons, want/avoid, priority, status,
yes/no) and an Instructions sheet saying what each sheet is for; in
English or, with ``lang="da"``, in Danish.
"""

from __future__ import annotations

import math
from datetime import date, time
from typing import TYPE_CHECKING

from openpyxl.styles import Alignment
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
    SHEETS,
    STAFF,
    Sheet,
)
from balancer.language import Words, texts, weekday_short
from balancer.outputs.styling import font, page_setup
from balancer.outputs.team_workbook import team_workbook

if TYPE_CHECKING:
    from collections.abc import Iterable
    from pathlib import Path

    from openpyxl import Workbook

    from balancer.language import Language

__all__ = [
    "SHEET_PURPOSE",
    "example_team",
    "template_workbook",
    "write_template",
]

#: What each sheet is for, in a planner's words (also used in the docs;
#: in Danish: the catalogue's ``purpose.<sheet key>``).
SHEET_PURPOSE: dict[str, str] = {
    spec.key: texts(f"purpose.{spec.key}")["en"] for spec in SHEETS
}


def _choices(lang: Language) -> dict[tuple[str, str], tuple[str, ...]]:
    """The dropdowns' words in ``lang`` (all of them words the reader
    accepts)."""
    words = Words(lang)
    yes_no = (words.value("yes"), words.value("no"))
    days = [weekday_short(d, lang) for d in Weekday]
    return {
        (STAFF.key, "casework"): yes_no,
        (DUTIES.key, "unpopular"): yes_no,
        (DUTIES.key, "weekdays"): (
            f"{days[0]}-{days[4]}",
            f"{days[0]}-{days[3]}",
            *days,
        ),
        (ABSENCES.key, "reason"): tuple(
            words(f"team.reason.{r.value}") for r in AbsenceReason
        ),
        (PREFERENCES.key, "want"): (words("team.want"), words("team.avoid")),
        (PREFERENCES.key, "weekday"): tuple(days),
        (CASES.key, "priority"): tuple(
            words.value(p) for p in ("low", "normal", "high", "urgent")
        ),
        (CASES.key, "status"): tuple(
            words(f"team.status.{s}")
            for s in ("new", "assigned", "in progress", "waiting")
        ),
        (CASES.key, "pinned"): yes_no,
    }


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


def example_team(lang: Language = "en") -> Team:
    """The template's example: one person, one duty, one of everything.

    Names are synthetic. In Danish the duty and a skill have Danish ids
    and names (``telefon``, ``engelsk``), as a Danish team would write.
    """
    phone, english = (
        ("telefon", "engelsk")
        if lang == "da"
        else (
            "phone",
            "english",
        )
    )
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
                skills={"pension": 3, english: 2},
                duties=(phone,),
            ),
        ),
        duties=(
            Duty(
                id=phone,
                name="Telefon" if lang == "da" else "Phones",
                colour="#FFD966",
                slots=(
                    Slot(
                        start=time(8),
                        end=time(10),
                        min_staff=1,
                        target_staff=2,
                        max_staff=3,
                        requirements=(
                            SkillRequirement(skill=english, min_level=2),
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
                duty=phone,
                slot_start=time(8),
                weight=3,
            ),
        ),
        history=(HistoryBalance(staff_id="AH", duty=phone, hours=1.5),),
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


def template_workbook(lang: Language = "en") -> Workbook:
    """The template as an openpyxl workbook (not saved), in ``lang``."""
    book = team_workbook(example_team(lang), lang)
    choices = _choices(lang)
    for spec in SHEETS:
        _add_dropdowns(book, spec, choices, lang)
    _add_instructions(book, lang)
    return book


def write_template(
    path: str | Path, inputs: Iterable[Path] = (), lang: Language = "en"
) -> Path:
    """Write the team workbook template to ``path``, atomically, in
    ``lang`` (``da``: Danish)."""
    return save_workbook(template_workbook(lang), path, inputs=inputs)


def _letter(spec: Sheet, key: str) -> str:
    index = [column.key for column in spec.columns].index(key)
    letter: str = get_column_letter(index + 1)
    return letter


def _add_dropdowns(
    book: Workbook,
    spec: Sheet,
    choices: dict[tuple[str, str], tuple[str, ...]],
    lang: Language,
) -> None:
    sheet = book[spec.name_in(lang)]
    for column in spec.columns:
        listed = choices.get((spec.key, column.key))
        source = _LOOKUPS.get((spec.key, column.key))
        if listed is not None:
            formula = '"' + ",".join(listed) + '"'
        elif source is not None:
            formula = f"'{source.name_in(lang)}'!$A$2:$A${_LAST_ROW}"
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


#: The instructions' general lines (catalogue keys; blank = a gap).
_GENERAL = (
    "template.title",
    "",
    "template.examples",
    "template.formats",
    "template.lists",
    "template.headers",
    "template.check",
    "",
)


#: Characters of the guide's text on one line of its 100-wide column.
_GUIDE_CHARS = 95


def _add_instructions(book: Workbook, lang: Language) -> None:
    words = Words(lang)
    sheet = book.create_sheet(INSTRUCTIONS.name_in(lang), 0)
    lines: list[tuple[str, str]] = [
        (words(key) if key else "", "") for key in _GENERAL
    ]
    lines += [
        (spec.name_in(lang), words(f"purpose.{spec.key}")) for spec in SHEETS
    ]
    for number, (first, second) in enumerate(lines, start=1):
        sheet.cell(row=number, column=1, value=first or None)
        if second:
            name = sheet.cell(row=number, column=1)
            name.font = font(bold=True)
            name.alignment = Alignment(vertical="top")
            cell = sheet.cell(row=number, column=2, value=second)
            cell.alignment = Alignment(wrap_text=True, vertical="top")
            # Rows do not grow by themselves when a file is opened.
            wrapped = math.ceil(len(second) / _GUIDE_CHARS)
            sheet.row_dimensions[number].height = 15 * wrapped
    sheet.cell(row=1, column=1).font = font(bold=True, size=14)
    sheet.column_dimensions["A"].width = 16
    sheet.column_dimensions["B"].width = 100
    # One page wide when printed, so the guide's lines are not cut off at
    # the first column.
    page_setup(sheet, landscape=True, title=sheet.title, fit_width=True)
    book.active = 0
