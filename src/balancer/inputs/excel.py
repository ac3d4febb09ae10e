"""Read the team workbook (Staff, Absences, Duties, Rules, ...) into a Team.

The reader only translates rows into domain models; the models hold the
rules. It collects *every* problem in the workbook (unreadable cells,
records the models refuse, records that contradict each other) and raises
one :class:`~balancer.errors.InputError` naming each problem's sheet, row
and column with a fix, so a planner fixes the whole file in one go.

Sheet and column names, with their Danish aliases, live in
:mod:`balancer.files.schema`; ``docs/input-format.md`` describes them.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from datetime import date, datetime, time
from enum import StrEnum
from typing import TYPE_CHECKING, Any, TypeVar

from pydantic import BaseModel, ValidationError

from balancer.domain import (
    CalendarSettings,
    Duty,
    HistoryBalance,
    OpeningHours,
    Rules,
    Slot,
    Staff,
    Team,
    TeamValidationError,
    Weekday,
    Weights,
)
from balancer.errors import InputProblem
from balancer.files.cells import (
    parse_bool,
    parse_date,
    parse_int,
    parse_list,
    parse_number,
    parse_text,
    parse_time,
    parse_time_range,
)
from balancer.files.opening import open_workbook
from balancer.files.schema import (
    DUTIES,
    HISTORY,
    INSTRUCTIONS,
    RULES,
    SETTINGS,
    SHEETS,
    STAFF,
    Setting,
    find_setting,
)
from balancer.files.tables import (
    Problems,
    Row,
    Table,
    read_table,
    recognise,
)
from balancer.inputs.loaded import LoadedTeam, locate_problem
from balancer.inputs.messages import (
    plain_pydantic_message,
    pydantic_problems,
)
from balancer.inputs.overlaps import (
    OVERLAP_FIX,
    overlap_message,
    overlapping_absences,
)
from balancer.inputs.places import SheetPlaces
from balancer.inputs.records import (
    absence_record,
    build_record,
    case_record,
    history_record,
    preference_record,
    slot_record,
    staff_record,
)

if TYPE_CHECKING:
    from collections.abc import Callable, Mapping, Sequence
    from pathlib import Path

    from openpyxl import Workbook

    from balancer.domain import Problem
    from balancer.files.schema import Sheet

__all__ = [
    "read_history_sheet",
    "read_team_workbook",
    "read_team_workbook_with_notes",
]

M = TypeVar("M", bound=BaseModel)

#: Words meaning "closed" in an opening-hours setting.
_CLOSED = {"closed", "lukket", "no", "nej", "-", "none", "ingen"}


def read_team_workbook(path: str | Path) -> Team:
    """Read the team workbook at ``path`` into a :class:`Team`.

    Raises
    ------
    balancer.errors.InputError
        With every problem found, each naming sheet, row, column and fix.
    """
    return read_team_workbook_with_notes(path).team


def read_team_workbook_with_notes(path: str | Path) -> LoadedTeam:
    """Read the team workbook; also return notes and record places.

    Notes are warnings that do not stop the read, such as a column or
    sheet that balancer ignores.
    """
    problems = Problems(str(path))
    places = SheetPlaces(str(path))
    book = open_workbook(path)
    try:
        recognised = _recognise_unknown_sheets(book, problems)
        for spec in SHEETS:
            table = read_table(
                book, spec, problems, title=recognised.get(spec.name)
            )
            if table is not None:
                places.tables[spec.name] = table
        tabs = list(book.sheetnames)
    finally:
        book.close()
    reader = _Reader(places, problems)
    team = reader.team()
    problems.raise_if_any(tabs)
    assert team is not None  # no problems means a team was built
    return LoadedTeam(
        team=team,
        notes=tuple(problems.notes),
        locator=places,
        source=str(path),
    )


def read_history_sheet(path: str | Path) -> tuple[HistoryBalance, ...]:
    """The balances on the History sheet of a workbook, alone.

    The rota workbook balancer writes has a History sheet in the team
    workbook's layout, so last month's rota feeds this month's plan
    (``balancer rota --history``). A missing History sheet is a problem.

    Raises
    ------
    balancer.errors.InputError
        Naming each unreadable row, or the missing sheet.
    """
    from dataclasses import replace

    problems = Problems(str(path))
    book = open_workbook(path)
    try:
        spec = replace(HISTORY, required=True)
        table = read_table(book, spec, problems)
    finally:
        book.close()
    places = SheetPlaces(str(path))
    if table is not None:
        places.tables[HISTORY.name] = table
    found = _Reader(places, problems).records(HISTORY.name, history_record)
    problems.raise_if_any()
    return tuple(found)


def _recognise_unknown_sheets(
    book: Workbook, problems: Problems
) -> dict[str, str]:
    """Sheets with a title balancer does not know: read, refused or noted.

    Rules: a sheet headed with a known sheet's columns
    (:func:`~balancer.files.tables.recognise`) is read as that sheet,
    with a note, when the workbook has no sheet of that name and no
    other sheet with those columns; otherwise it is a problem, since
    one of the two would be skipped. Any other unknown sheet is a note
    (ignored). Returns the known sheet's name -> the title to read.
    """
    known = [spec for spec in SHEETS if _find_titles(book, spec)]
    found: dict[str, str] = {}
    for title in book.sheetnames:
        if any(spec.matches(title) for spec in (*SHEETS, INSTRUCTIONS)):
            continue
        matches = recognise(book, title, SHEETS)
        if not matches:
            problems.note(
                InputProblem(
                    f"sheet {title!r} is not one balancer reads; it is "
                    "ignored",
                    sheet=title,
                    fix="rename it if it should be one of "
                    + ", ".join(spec.name for spec in SHEETS),
                )
            )
            continue
        names = " or ".join(repr(spec.name) for spec in matches)
        spec = matches[0]
        if len(matches) > 1:
            problems.add(
                InputProblem(
                    f"it has the columns of the {names} sheets, so "
                    "balancer cannot tell which it is",
                    sheet=title,
                    fix=f"rename it to the one it is: {names}",
                )
            )
        elif spec in known:
            problems.add(
                InputProblem(
                    f"it has the columns of the {spec.name} sheet, but "
                    f"balancer reads only one {spec.name} sheet, "
                    f"{_find_titles(book, spec)[0]!r}",
                    sheet=title,
                    fix=f"move its rows into that sheet and delete "
                    f"{title!r}, or change its headers if balancer should "
                    "ignore it",
                )
            )
        elif spec.name in found:
            problems.add(
                InputProblem(
                    f"sheets {found[spec.name]!r} and {title!r} both have "
                    f"the columns of the {spec.name} sheet",
                    sheet=title,
                    fix=f"put their rows on one sheet named {spec.name!r}",
                )
            )
        else:
            found[spec.name] = title
            problems.note(
                InputProblem(
                    f"it has the columns of the {spec.name} sheet, so "
                    f"balancer reads it as the {spec.name} sheet",
                    sheet=title,
                    fix=f"rename it {spec.name!r} (or "
                    f"{spec.aliases[0]!r}) to make this note go away",
                )
            )
    return found


def _find_titles(book: Workbook, spec: Sheet) -> list[str]:
    return [title for title in book.sheetnames if spec.matches(title)]


# --------------------------------------------------------------------------
# Building one record from a row
# --------------------------------------------------------------------------
# The reader
# --------------------------------------------------------------------------


@dataclass
class _Reader:
    """Reads the tables of one workbook into the Team's parts."""

    places: SheetPlaces
    problems: Problems

    def table(self, name: str) -> Table | None:
        return self.places.tables.get(name)

    def rows(self, name: str) -> list[Row]:
        table = self.table(name)
        return table.rows if table is not None else []

    def team(self) -> Team | None:
        rules, weights, calendar = self.settings()
        staff, failed_staff = self.staff(calendar)
        duties, failed_duties = self.duties()
        duty_table = self.table(DUTIES.name)
        if duty_table is None or not duty_table.complete:
            failed_duties.add("")  # every duty reference is suspect
        fields: dict[str, Any] = {
            "staff": staff,
            "duties": duties,
            "absences": self.records("Absences", absence_record),
            "rules": rules,
            "weights": weights,
            "calendar": calendar,
            "preferences": self.records("Preferences", preference_record),
            "history": self.records("History", history_record),
            "cases": self.records("Cases", case_record),
        }
        if not staff:
            table = self.table(STAFF.name)
            if not failed_staff and table is not None and table.complete:
                self.problems.add(
                    table.problem(
                        table.header_row + 1,
                        None,
                        "the Staff sheet lists nobody",
                        "add one row per person, starting with the ID",
                    )
                )
            return None
        try:
            team = Team.checked(**fields)
        except TeamValidationError as error:
            for found in error.problems:
                if not _caused_by_failed_rows(
                    found.field, found.message, failed_staff, failed_duties
                ):
                    found = _rows_for_records(found, self.places.rows)
                    self.problems.add(locate_problem(self.places, found))
        except ValidationError as error:  # not expected; reported plainly
            for _, detail in pydantic_problems(error):
                self.problems.add(
                    InputProblem(plain_pydantic_message(detail, "team"))
                )
            return None
        else:
            rows = self.places.rows.get("Absences", [])
            for index, earlier in overlapping_absences(team):
                where = (
                    f"row {rows[earlier]}"
                    if earlier < len(rows)
                    else f"record #{earlier + 1}"
                )
                self.problems.add(
                    self.places.problem(
                        "Absences",
                        index,
                        "start",
                        overlap_message(team, index, earlier, where),
                        OVERLAP_FIX,
                    )
                )
            return team
        return None

    # -- generic sheets --------------------------------------------------

    def records(
        self, name: str, build: Callable[[Row], BaseModel | None]
    ) -> tuple[Any, ...]:
        found: list[Any] = []
        numbers: list[int] = []
        for row in self.rows(name):
            record = build(row)
            if record is not None:
                found.append(record)
                numbers.append(row.number)
        self.places.rows[name] = numbers
        return tuple(found)

    # -- Rules -----------------------------------------------------------

    def settings(self) -> tuple[Rules, Weights, CalendarSettings]:
        given: dict[str, dict[str, Any]] = {
            "rules": {},
            "weights": {},
            "calendar": {},
        }
        rows: dict[str, Row] = {}
        closed: list[date] = []
        hours: dict[int, OpeningHours | None] = {}
        for row in self.rows(RULES.name):
            setting = _setting_of(row)
            if setting is None:
                continue
            if setting.key in rows and setting.key != "closed_dates":
                row.problem(
                    "setting",
                    f"setting {setting.key!r} is given twice (also in row "
                    f"{rows[setting.key].number})",
                    "keep one of the two rows",
                )
                continue
            rows[setting.key] = row
            self.places.setting_rows[setting.key] = row.number
            if not row.has("value"):
                continue  # blank value = the default
            if setting.key == "closed_dates":
                closed.extend(row.get("value", _parse_dates) or ())
            elif setting.key.startswith("opening_hours_"):
                weekday = Weekday(int(setting.field))
                day_hours = row.get("value", _opening_parser(weekday))
                if row.ok:
                    hours[weekday] = day_hours
            else:
                parse = _setting_parser(setting)
                value = row.get("value", parse)
                if value is not None:
                    given[setting.group][setting.field] = value
        calendar_fields = dict(given["calendar"])
        if closed:
            calendar_fields["closed_dates"] = tuple(sorted(set(closed)))
        if hours:
            merged: dict[int, OpeningHours | None] = {
                h.weekday: h for h in CalendarSettings().opening_hours
            }
            merged.update(hours)
            calendar_fields["opening_hours"] = tuple(
                h for h in merged.values() if h is not None
            )
        return (
            self._model(Rules, given["rules"], rows, ""),
            self._model(Weights, given["weights"], rows, "weight_"),
            self._model(CalendarSettings, calendar_fields, rows, ""),
        )

    def _model(
        self,
        model: type[M],
        fields: dict[str, Any],
        rows: dict[str, Row],
        prefix: str,
    ) -> M:
        try:
            return model(**fields)
        except ValidationError as error:
            for name, detail in pydantic_problems(error):
                key = f"{prefix}{name}"
                row = rows.get(key)
                if row is None and name == "opening_hours":
                    row = next(
                        (r for k, r in rows.items() if "opening" in k), None
                    )
                message = plain_pydantic_message(detail, key)
                setting = find_setting(key)
                fix = setting.fix if setting is not None else ""
                if row is not None:
                    row.problem("value", message, fix)
                else:
                    self.problems.add(
                        InputProblem(message, sheet="Rules", fix=fix)
                    )
            return model()

    # -- Staff -----------------------------------------------------------

    def staff(
        self, calendar: CalendarSettings
    ) -> tuple[tuple[Staff, ...], set[str]]:
        failed: set[str] = set()

        def build(row: Row) -> Staff | None:
            person = staff_record(row, calendar)
            if person is None and row.has("id"):
                failed.add(parse_text(row.raw("id")))
            return person

        return self.records(STAFF.name, build), failed

    # -- Duties ----------------------------------------------------------

    def duties(self) -> tuple[tuple[Duty, ...], set[str]]:
        groups: dict[str, list[tuple[Row, Slot | None]]] = {}
        failed: set[str] = set()
        for row in self.rows(DUTIES.name):
            duty_id = row.required("duty", parse_text)
            slot = slot_record(row)
            if duty_id is None:
                continue
            groups.setdefault(duty_id, []).append((row, slot))
        duties: list[Duty] = []
        first_rows: list[int] = []
        for duty_id, entries in groups.items():
            slots = [slot for _, slot in entries if slot is not None]
            if len(slots) < len(entries):
                failed.add(duty_id)
                continue
            first = entries[0][0]
            fields = {
                "id": duty_id,
                "name": _first_text(entries, "name"),
                "colour": _first_text(entries, "colour"),
                "slots": tuple(slots),
            }
            if not all(row.ok for row, _ in entries):
                failed.add(duty_id)
                continue
            duty = build_record(first, Duty, fields, (("overlap", "start"),))
            if duty is None:
                failed.add(duty_id)
                continue
            self.places.slot_rows[len(duties)] = [
                (slot.label, row.number) for row, slot in entries if slot
            ]
            duties.append(duty)
            first_rows.append(first.number)
        self.places.rows[DUTIES.name] = first_rows
        return tuple(duties), failed


def _caused_by_failed_rows(
    field: str | None,
    message: str,
    failed_staff: set[str],
    failed_duties: set[str],
) -> bool:
    """True for a cross-record problem that only follows from a bad row.

    A person whose row could not be read is missing from the team, so
    their absences would look like "unknown staff"; that is noise next to
    the real problem already reported on their row. An empty string in
    ``failed_duties`` means the Duties sheet itself is missing or unusable.
    """
    if field in ("staff_id", "owner", "effort_by_staff"):
        return any(repr(name) in message for name in failed_staff)
    if field in ("duties", "duty"):
        return "" in failed_duties or any(
            repr(name) in message for name in failed_duties
        )
    if field in ("requirements", "skill"):
        return bool(failed_staff)
    return False


def _first_text(entries: list[tuple[Row, Slot | None]], key: str) -> Any:
    """A duty's name or colour: the first row that gives one.

    A later row giving a different one is a problem, since a duty has one
    name and one colour.
    """
    given = [(row, row.text(key)) for row, _ in entries if row.has(key)]
    if not given:
        return None
    first_row, first = given[0]
    for row, value in given[1:]:
        if value != first:
            row.problem(
                key,
                f"{row.table.header(key)} {value!r} differs from {first!r} "
                f"in row {first_row.number} for the same duty",
                "give it on one row only, or make them the same",
            )
    return first


# --------------------------------------------------------------------------
# Rules settings
# --------------------------------------------------------------------------


def _setting_of(row: Row) -> Setting | None:
    name = row.text("setting")
    if name is None:
        if row.has("value"):
            row.problem("setting", "the setting name is empty")
        return None
    setting = find_setting(name)
    if setting is None:
        keys = [s.key for s in SETTINGS]
        close = difflib.get_close_matches(
            name.strip().lower().replace(" ", "_"), keys, n=1, cutoff=0.6
        )
        row.problem(
            "setting",
            f"unknown setting {name!r}",
            (f"did you mean {close[0]!r}? " if close else "")
            + "the settings are listed in docs/input-format.md",
        )
    return setting


def _setting_parser(setting: Setting) -> Callable[[Any], Any]:
    if setting.group == "calendar":
        return parse_text
    model = Rules if setting.group == "rules" else Weights
    kind = model.model_fields[setting.field].annotation
    if isinstance(kind, type) and issubclass(kind, StrEnum):
        return parse_text  # a word, e.g. shelf_order = queue
    if kind is bool:
        return parse_bool
    if kind is int:
        return parse_int
    if kind is time:
        return parse_time
    return parse_number


def _parse_dates(value: Any) -> list[date]:
    if isinstance(value, date | datetime | int | float):
        return [parse_date(value)]
    return [parse_date(item) for item in parse_list(value)]


def _opening_parser(
    weekday: Weekday,
) -> Callable[[Any], OpeningHours | None]:
    return lambda value: _parse_opening(weekday, value)


def _parse_opening(weekday: Weekday, value: Any) -> OpeningHours | None:
    if parse_text(value).lower() in _CLOSED:
        return None
    start, end = parse_time_range(value)
    try:
        return OpeningHours(weekday=weekday, open=start, close=end)
    except ValidationError as error:
        first = error.errors()[0]
        raise ValueError(plain_pydantic_message(first, "hours")) from None


def _rows_for_records(
    found: Problem, rows: Mapping[str, Sequence[int]]
) -> Problem:
    """Say "row 2" where the domain model says "record #1".

    The model counts records; the planner sees worksheet rows.
    """
    sheet_rows = rows.get(found.sheet, ())

    def row_of(match: re.Match[str]) -> str:
        index = int(match.group(1)) - 1
        if 0 <= index < len(sheet_rows):
            return f"row {sheet_rows[index]}"
        return match.group(0)

    message = re.sub(r"record #(\d+)", row_of, found.message)
    if message == found.message:
        return found
    return found.model_copy(update={"message": message})
