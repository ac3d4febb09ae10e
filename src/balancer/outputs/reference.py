"""Generate ``docs/input-format.md`` from the names in one place.

The column tables come from :mod:`balancer.files.schema` and the meaning
of each field from the domain models' descriptions, so the document cannot
drift from the reader. A test compares the file with this output;
regenerate it with::

    PYTHONPATH=src python -m balancer.outputs.reference > docs/input-format.md
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from balancer.domain import (
    Absence,
    Case,
    Duty,
    HistoryBalance,
    Preference,
    Slot,
    Staff,
)
from balancer.files.schema import SETTINGS, SHEETS, Column, Sheet
from balancer.outputs.team_workbook import setting_help
from balancer.outputs.template import SHEET_PURPOSE

if TYPE_CHECKING:
    from pydantic import BaseModel

__all__ = ["input_format_markdown"]

_MODELS: dict[str, tuple[type[BaseModel], ...]] = {
    "staff": (Staff,),
    "absences": (Absence,),
    "duties": (Slot, Duty),
    "preferences": (Preference,),
    "history": (HistoryBalance,),
    "cases": (Case,),
}

#: Meanings for columns that are not one model field.
_MEANING: dict[tuple[str, str], str] = {
    ("staff", "days"): "Weekdays worked, e.g. `Mon-Thu`; or per-day times "
    "`Mon 08:00-12:00, Wed 08:00-16:00`. Blank = every opening day.",
    ("staff", "start"): "When the working day starts; blank = the team's "
    "opening time that day.",
    ("staff", "end"): "When the working day ends; blank = the team's "
    "closing time that day.",
    ("staff", "duties"): "Duties the person may take, comma separated. "
    "Blank = every duty; `none`/`ingen` = no duty.",
    ("absences", "end"): "Last day away (included). Blank = the same day.",
    ("absences", "note"): "Free text for the planner; not used.",
    ("duties", "duty"): "Duty id, e.g. `phone`. Rows with the same duty "
    "form one duty; each row is one time slot.",
    ("duties", "weekdays"): "Weekdays the slot runs. Blank = Mon-Fri.",
    ("duties", "requirements"): "Skills someone on the slot must have: "
    "`skill:level`, or `2 x skill:level` for two people.",
    ("duties", "name"): "Name shown in outputs (first row of the duty).",
    ("duties", "colour"): "Colour in the rota as hex, e.g. `#FFD966` "
    "(first row of the duty).",
    ("rules", "setting"): "The setting's name (see the settings table).",
    ("rules", "value"): "Its value; blank = the default.",
    ("rules", "note"): "Free text; not used.",
    ("preferences", "want"): "`want` or `avoid` (`ønsker` / `undgår`).",
    ("cases", "id"): "Unique case id.",
}


def _meaning(sheet: Sheet, column: Column) -> str:
    special = _MEANING.get((sheet.key, column.key))
    if special:
        return special
    for model in _MODELS.get(sheet.key, ()):
        info = model.model_fields.get(column.key)
        if info is not None and info.description:
            repeats = "blank" in info.description.lower() and (
                column.help.lower().startswith("blank")
            )
            extra = f" {column.help}" if column.help and not repeats else ""
            return f"{info.description}{extra}"
    return column.help


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def _sheet_section(sheet: Sheet) -> list[str]:
    need = "required" if sheet.required else "optional"
    aliases = ", ".join(f"`{a}`" for a in sheet.aliases)
    lines = [
        f"### {sheet.name}",
        "",
        f"*Sheet {need}; in Danish `{sheet.danish}`; also accepted as "
        f"{aliases}.*",
        "",
        SHEET_PURPOSE[sheet.key],
        "",
        "| Column | Danish | Also accepted | Required | Example | Meaning |",
        "|---|---|---|---|---|---|",
    ]
    for column in sheet.columns:
        aliases = ", ".join(f"`{a}`" for a in column.aliases)
        example = f"`{column.example}`" if column.example else ""
        lines.append(
            f"| {column.header} | {_cell(column.danish)} | {_cell(aliases)} "
            f"| {'yes' if column.required else ''} | {_cell(example)} | "
            f"{_cell(_meaning(sheet, column))} |"
        )
    return [*lines, ""]


def _settings_section() -> list[str]:
    lines = [
        "## Rules settings",
        "",
        "One setting per row of the Rules sheet. Names may use spaces or "
        "underscores and any case (`Max slots per day` = "
        "`max_slots_per_day`). A blank value keeps the default; an unknown "
        "name is a problem naming its row. `closed_dates` may be given on "
        "several rows; any other setting only once.",
        "",
        "| Setting | Also accepted | Meaning, default and unit |",
        "|---|---|---|",
    ]
    for setting in SETTINGS:
        aliases = ", ".join(f"`{a}`" for a in setting.aliases)
        lines.append(
            f"| `{setting.key}` | {_cell(aliases)} | "
            f"{_cell(setting_help(setting))} |"
        )
    return [*lines, ""]


_INTRO = """\
# Team workbook: input format

<!-- Generated by `python -m balancer.outputs.reference`; do not edit by
hand. A test fails when this file and the code disagree. -->

The team is described in one Excel workbook (`.xlsx`). `balancer template
team.xlsx` writes an example to start from; `balancer validate team.xlsx
--month 2027-01` checks it and lists every problem with its sheet, row,
column and fix. The same team may be given as JSON (the domain model's own
shape, see `balancer.inputs.json_io`).

## How the workbook is read

- Sheets and column headers are matched ignoring case, spaces, dots,
  underscores and hyphens; the English and Danish names below and the
  listed aliases are accepted. Column order does not matter.
  `balancer template --lang da` and `balancer demo --lang da` write the
  Danish names, and Danish words in the cells (`ja`, `ferie`, `man-tor`).
- The header row is the first row (within the first 20) that names a known
  column, so a title line above the table is fine. Row numbers in messages
  are the numbers Excel shows.
- Empty rows are skipped. Reading a sheet stops after 1000 empty rows in a
  row, so rows far below a large gap are not read.
- An unknown column is ignored with a note; a missing required sheet or
  column is a problem. A known sheet with cells but no header row in its
  first 20 rows is a problem too: its rows would otherwise be read as
  nothing.
- A sheet with a name balancer does not know is recognised by its
  headers: headed with every required column of a known sheet and at
  least three of its columns (or only its two or more required ones),
  and more of that sheet's columns than others, it is read as that sheet
  (an Absences sheet renamed `Ferie marts` is read as Absences), with a
  note. When that would be a guess (the known sheet is there too, or two
  sheets have the same columns) the run stops with a fix. Any other
  unknown sheet is ignored with a note. Every command that reads the
  team (not only `validate`) prints the notes.
- Formulas are read as the value Excel last calculated (save the file in
  Excel before reading).
- Every problem in the workbook is reported at once. Files that are not
  `.xlsx` workbooks (`.xls`, `.ods`, `.csv`, damaged files) and workbooks
  unpacking to more than 500 MB are refused with a plain message.

## Cell formats

| Kind | Accepted | Notes |
|---|---|---|
| Date | real Excel dates, `31.01.2027`, `31-01-2027`, `31/01/2027`, \
`2027-01-31`, Excel serial numbers | Day first. Impossible dates \
(`31.02.2027`) are refused. A two-digit year means 20xx. |
| Time | real Excel times, `08:00`, `8:00`, `08.00`, `8.30`, `8`, \
`kl. 8`, day fractions (`0.3333`) | `24:00` means the end of the day. |
| Time span | `08:00-16:00`, `8-16` | Used for opening hours and per-day \
working hours. |
| Number | `29.6`, `29,6` (decimal comma), `1.234,5`, `80%` | |
| List | `phone, mail` (commas, semicolons or new lines) | |
| Skills | `pension:3, english:2` | Level 1 (basic) to 3 (expert); no \
level = 1. |
| Skill needs | `english:2`, `2 x english:2` | Count of people, skill, \
lowest level. |
| Staff numbers | `AH:4, BK:6,5` | For effort and cost by staff. |
| Weekdays | `Mon-Thu`, `man-tor`, `mandag, onsdag`, `Mon,Wed,Fri`, \
`hverdage` | English or Danish, full or short names. |
| Yes/no | `yes`/`no`, `ja`/`nej`, `x`, `1`/`0`, `true`/`false`; blank = \
no | |
| Want/avoid | `want`/`avoid`, `ønsker`/`undgår` | |
| Absence reason | `vacation`/`ferie`, `sick`/`syg`, `course`/`kursus`, \
`other`/`andet` | |
| Priority | `low`/`lav`, `normal`, `high`/`høj`, `urgent`/`akut`, `1`-`4` \
| |
| Case status | `new`/`ny`, `assigned`/`tildelt`, `in progress`/`i gang`, \
`waiting`/`venter` | |

## Working patterns (Staff sheet)

- Days blank, Start and End blank: the person works every opening day in
  the opening hours, scaled to their contract.
- Days given, Start and End blank: those days, in that day's opening hours.
- Days blank, Start/End given: every opening weekday at those times.
- Per-day times in Days: `Mon 08:00-12:00, Wed-Thu 09:00-15:00`.

## Checks for the month (`balancer validate --month`)

- The team must be open on at least one day of the month (a problem).
- A slot outside the opening hours on one of its weekdays (14:00-15:30
  on a Friday that closes at 15:00) is staffed as written, by people whose
  own working hours cover the whole slot (people without hours of their
  own work the opening hours, so they cannot). It is a warning, shown by
  `validate`, by every command that plans the month and on the rota's
  Summary sheet, under *Conflicts and warnings*.
- A weekday on which fewer people who may take a slot work than its Min
  is a warning (the rota shows the shortfall); a Min above everyone who
  may take the duty is a problem.
- An absence or dated preference entirely outside the month is reported
  as a note by `validate`; it does not stop planning, and the planning
  commands do not repeat it.

## Sheets
"""


def input_format_markdown() -> str:
    """The full text of ``docs/input-format.md``."""
    lines = [_INTRO]
    for sheet in SHEETS:
        lines += _sheet_section(sheet)
    lines += _settings_section()
    return "\n".join(lines).rstrip() + "\n"


if __name__ == "__main__":
    print(input_format_markdown(), end="")
