"""The catalogue of broken, odd and hostile team workbooks (issue #6).

Each :class:`Bad` case holds ONE defect in an otherwise valid team and
names where the planner is sent (sheet, row, column) and words of the
message; each :class:`Odd` case is something planners do that balancer
accepts (with a note where useful). ``test_catalogue.py`` runs every case
through the CLI, and ``benchmarks/robustness_table.py`` prints the
messages for ``docs/robustness.md`` from the same list.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, time
from pathlib import Path
from typing import TYPE_CHECKING, Any

from tests.inputs.books import (
    Sheets,
    base_sheets,
    with_cell,
    without_column,
    write_book,
)
from tests.robustness import boards, builders

if TYPE_CHECKING:
    from balancer.domain import Team

MONTH = "2027-01"

Build = Callable[["Path"], "Path"]


@dataclass(frozen=True)
class Bad:
    """One defect: the CLI must exit 2 and send the planner to ``where``."""

    id: str
    defect: str
    build: Build
    words: str
    where: str | None = None
    suffix: str = ".xlsx"


@dataclass(frozen=True)
class Odd:
    """Accepted input: exit 0, the team read as ``check`` says."""

    id: str
    defect: str
    build: Build
    check: Callable[[Team], bool]
    note: str | None = None
    suffix: str = ".xlsx"


def _sheets(change: Callable[[Sheets], Sheets | None]) -> Build:
    def build(path: Path) -> Path:
        sheets = base_sheets()
        changed = change(sheets)
        return write_book(path, sheets if changed is None else changed)

    return build


def _cell(sheet: str, row: int, header: str, value: Any) -> Build:
    return _sheets(lambda s: with_cell(s, sheet, row, header, value))


def _at(sheet: str, row: int | None = None, column: str | None = None) -> str:
    where = f"sheet {sheet!r}"
    if row is not None:
        where += f", row {row}"
    if column is not None:
        where += f", column {column!r}"
    return where


def _drop_sheet(name: str) -> Callable[[Sheets], None]:
    return lambda s: s.pop(name) and None


def _rename_header(sheet: str, old: str, new: str) -> Callable[[Sheets], None]:
    def change(s: Sheets) -> None:
        s[sheet][0][s[sheet][0].index(old)] = new

    return change


def _add_rows(sheet: str, *rows: list[Any]) -> Callable[[Sheets], None]:
    return lambda s: s[sheet].extend(rows) and None


def _extra_column(s: Sheets) -> None:
    s["Staff"][0].append("Phone")
    s["Staff"][1].append("5550 1234")


def _closed_month(s: Sheets) -> None:
    s["Rules"] += [["closed_dates", f"{d:02d}.01.2027"] for d in range(1, 32)]


def _history(*rows: list[Any]) -> Callable[[Sheets], None]:
    def change(s: Sheets) -> None:
        s["History"] = [["Staff", "Duty", "Hours"], *rows]

    return change


def _text(content: bytes) -> Build:
    def build(path: Path) -> Path:
        path.write_bytes(content)
        return path

    return build


def _missing(path: Path) -> Path:
    return path  # never written


BAD: list[Bad] = [
    # -- sheets and columns --------------------------------------------------
    Bad("missing-sheet", "Missing required sheet (Duties)",
        _sheets(_drop_sheet("Duties")), "no Duties sheet", _at("Duties")),
    Bad("missing-column", "Missing required column (Cases: Effort hours)",
        _sheets(lambda s: without_column(s, "Cases", "Effort hours")),
        "required column 'Effort hours' is missing",
        _at("Cases", 1, "Effort hours")),
    Bad("renamed-column", "Renamed required column (Received -> Arrived)",
        _sheets(_rename_header("Cases", "Received", "Arrived")),
        "required column 'Received' is missing",
        _at("Cases", 1, "Received")),
    Bad("duplicate-column", "Same column twice (To date and Til dato)",
        _sheets(_rename_header("Absences", "Reason", "Til dato")),
        "appears twice", _at("Absences", 1, "Til dato")),
    Bad("merged-cells", "Merged cells over two data rows",
        builders.merged_cells, "cells A2:A3 are merged",
        _at("Absences", 2, "Staff")),
    Bad("formula-no-value", "Formula with no saved value in a required cell",
        lambda p: builders.formula(p, None),
        "a formula with no saved value", _at("Cases", 2, "Effort hours")),
    Bad("excel-error", "Cell showing an Excel error (#REF!)",
        _cell("Cases", 2, "Effort hours", "#REF!"), "Excel error #REF!",
        _at("Cases", 2, "Effort hours")),
    Bad("required-empty", "Required cell left empty",
        _cell("Cases", 2, "Received", None), "Received is empty",
        _at("Cases", 2, "Received")),
    # -- dates and times -----------------------------------------------------
    Bad("impossible-date", "Impossible date 31.2.2027",
        _cell("Absences", 2, "From date", "31.2.2027"), "not a real date",
        _at("Absences", 2, "From date")),
    Bad("date-words", "Date in an unknown form (4 Jan 2027)",
        _cell("Absences", 2, "From date", "4 Jan 2027"),
        "expected a date like", _at("Absences", 2, "From date")),
    Bad("date-serial-fraction", "Date as a serial with a time part",
        _cell("Absences", 2, "From date", 46391.5), "is not a date",
        _at("Absences", 2, "From date")),
    Bad("date-year-1", "Absence from 01.01.0001 (read as 2001 before)",
        _cell("Absences", 2, "From date", "01.01.0001"),
        "outside the years 1900-2199", _at("Absences", 2, "From date")),
    Bad("date-year-9999", "Absence to 31.12.9999 (overflowed the rota)",
        _cell("Absences", 2, "To date", "31.12.9999"),
        "outside the years 1900-2199", _at("Absences", 2, "To date")),
    Bad("date-serial-9999", "Deadline as Excel's last serial (31.12.9999)",
        _cell("Cases", 2, "Deadline", 2958465),
        "outside the years 1900-2199", _at("Cases", 2, "Deadline")),
    Bad("closed-date-far", "A closed date in year 3027",
        _sheets(lambda s: s["Rules"].append(["closed_dates", "24.12.3027"])
                and None),
        "outside the years 1900-2199", _at("Rules", 3, "Value")),
    Bad("time-25", "Time 25:00", _cell("Duties", 2, "Start", "25:00"),
        "not a time of day", _at("Duties", 2, "Start")),
    Bad("start-24", "24:00 as a start time",
        _cell("Duties", 3, "Start", "24:00"), "end of the day",
        _at("Duties", 3, "Start")),
    Bad("slot-ends-before-start", "Slot ends before it starts",
        _cell("Duties", 2, "End", "07:00"), "before it starts",
        _at("Duties", 2, "End")),
    Bad("bad-weekday", "Unknown weekday (Mon-Fry)",
        _cell("Duties", 2, "Weekdays", "Mon-Fry"), "not a weekday",
        _at("Duties", 2, "Weekdays")),
    # -- numbers -------------------------------------------------------------
    Bad("effort-negative", "Negative effort",
        _cell("Cases", 2, "Effort hours", -3), "must be above 0",
        _at("Cases", 2, "Effort hours")),
    Bad("effort-zero", "Zero effort", _cell("Cases", 2, "Effort hours", 0),
        "must be above 0", _at("Cases", 2, "Effort hours")),
    Bad("effort-nan", "Effort NaN", _cell("Cases", 2, "Effort hours", "NaN"),
        "expected a number", _at("Cases", 2, "Effort hours")),
    Bad("effort-nan-cell", "A number cell saving NaN (not Excel's doing)",
        lambda p: builders.number_cell(p, b"NaN"),
        "'NaN' is stored as a number but is not one (cell B2)",
        _at("Cases", 2, "Effort hours")),
    Bad("effort-infinite", "A number cell saving 1e999 (infinity)",
        lambda p: builders.number_cell(p, b"1e999"), "expected a number",
        _at("Cases", 2, "Effort hours")),
    Bad("effort-text", "Effort as words",
        _cell("Cases", 2, "Effort hours", "lots"), "expected a number",
        _at("Cases", 2, "Effort hours")),
    Bad("fte-zero", "FTE 0", _cell("Staff", 2, "FTE", 0), "above 0",
        _at("Staff", 2, "FTE")),
    Bad("fte-above-one", "FTE above 1", _cell("Staff", 3, "FTE", 1.5),
        "at most 1", _at("Staff", 3, "FTE")),
    Bad("history-huge", "A History balance of 1e17 hours",
        _sheets(_history(["ann", "phone", 1e17])), "must be at most 1000",
        _at("History", 2, "Hours")),
    Bad("weight-huge", "A goal weight of 10^18",
        _sheets(_add_rows("Rules", ["weight_fairness_max", 10**18])),
        "a weight is at most 10,000", _at("Rules", 3, "Value")),
    Bad("min-not-whole", "Min staff 1,5", _cell("Duties", 2, "Min", "1,5"),
        "whole number", _at("Duties", 2, "Min")),
    Bad("skill-level-4", "Skill level above 3",
        _cell("Staff", 2, "Skills", "english:4"), "levels are 1-3",
        _at("Staff", 2, "Skills")),
    # -- ids and references --------------------------------------------------
    Bad("duplicate-id", "Duplicate staff id", _cell("Staff", 3, "ID", "ann"),
        "already used by row 2", _at("Staff", 3, "ID")),
    Bad("id-case", "Ids that differ only in case (ann, ANN)",
        _cell("Staff", 3, "ID", "ANN"), "ignoring case",
        _at("Staff", 3, "ID")),
    Bad("id-trailing-space", "Ids that differ only by a trailing space",
        _cell("Staff", 3, "ID", "ann  "), "already used",
        _at("Staff", 3, "ID")),
    Bad("id-plus", "An id with a Board separator (ann+x)",
        _cell("Staff", 3, "ID", "bo+x"), "which separates people",
        _at("Staff", 3, "ID")),
    Bad("id-og", "An id with the word 'og' (Ann og Bo)",
        _cell("Staff", 3, "ID", "Bo og Cy"), "would read 'Bo' and 'Cy'",
        _at("Staff", 3, "ID")),
    Bad("duplicate-case-id", "Duplicate case id",
        _sheets(_add_rows("Cases", ["C1", 2, "01.12.2026", None, None,
                                    "new"])),
        "ignoring case", _at("Cases", 3, "Case")),
    Bad("unknown-staff-absences", "Unknown staff in Absences",
        _cell("Absences", 2, "Staff", "zoe"), "unknown staff id 'zoe'",
        _at("Absences", 2, "Staff")),
    Bad("unknown-staff-cases", "Unknown staff in Cases (owner)",
        _cell("Cases", 2, "Owner", "zoe"), "unknown staff id 'zoe'",
        _at("Cases", 2, "Owner")),
    Bad("unknown-staff-history", "Unknown staff in History",
        _sheets(_history(["zoe", "phone", 1.5])), "unknown staff id 'zoe'",
        _at("History", 2, "Staff")),
    Bad("staff-id-case-in-absences", "Absence for ANN when the id is ann",
        _cell("Absences", 2, "Staff", "ANN"), "unknown staff id 'ANN'",
        _at("Absences", 2, "Staff")),
    Bad("unknown-duty", "Unknown duty in Staff",
        _cell("Staff", 3, "Duties", "mail"), "unknown duty 'mail'",
        _at("Staff", 3, "Duties")),
    # -- records that contradict each other ----------------------------------
    Bad("absence-backwards", "Absence that ends before it starts",
        _cell("Absences", 2, "To date", "03.01.2027"), "before it starts",
        _at("Absences", 2, "To date")),
    Bad("absence-overlap", "Overlapping absences of one person",
        _sheets(_add_rows("Absences",
                          ["ann", "05.01.2027", "07.01.2027", "syg"])),
        "overlaps the absence 04.01.2027-05.01.2027 in row 2",
        _at("Absences", 3, "From date")),
    Bad("deadline-before-received", "Deadline before the case arrived",
        _cell("Cases", 2, "Deadline", "01.11.2026"),
        "before the case was received", _at("Cases", 2, "Deadline")),
    Bad("closed-month", "A month with no opening days",
        _sheets(_closed_month), "not open on any day of 2027-01",
        _at("Rules")),
    Bad("demand-above-team", "Slot demand above the team size",
        _cell("Duties", 2, "Min", 5), "needs 5 people, but only 2",
        _at("Duties", 2, "Min")),
    Bad("skill-nobody-has", "A slot skill nobody has",
        _cell("Duties", 3, "Required skills", "german:1"), "german",
        _at("Duties", 3, "Required skills")),
    Bad("unknown-setting", "Unknown Rules setting",
        _cell("Rules", 2, "Setting", "max_slot_per_day"),
        "did you mean 'max_slots_per_day'", _at("Rules", 2, "Setting")),
    Bad("setting-out-of-range", "Rules value out of range",
        _cell("Rules", 2, "Value", 0), "at least 1", _at("Rules", 2, "Value")),
    Bad("country-unknown", "Rules: country XX",
        _sheets(_add_rows("Rules", ["country", "XX"])),
        "no public holidays known for country XX", _at("Rules", 3, "Value")),
    Bad("subdivision-unknown", "Rules: subdivision ../../etc",
        _sheets(_add_rows("Rules", ["subdivision", "../../etc"])),
        "DK has no region '../../etc'", _at("Rules", 3, "Value")),
    Bad("long-name", "A 5,000-letter name", _cell("Staff", 2, "Name",
        "A" * 5000), "too long (at most 200", _at("Staff", 2, "Name")),
    # -- the file itself -----------------------------------------------------
    Bad("csv", "A .csv file instead of .xlsx",
        _text(b"ID;Name\nann;Ann\n"), "CSV file", suffix=".csv"),
    Bad("xlsx-named-csv", "An .xlsx workbook renamed to .csv",
        builders.base_book, "its name ends in '.csv'", suffix=".csv"),
    Bad("xls", "An old .xls workbook",
        lambda p: builders.ole(p, "Workbook"), "old .xls", suffix=".xls"),
    Bad("ods", "An OpenDocument .ods file", builders.ods, "OpenDocument",
        suffix=".ods"),
    Bad("xlsb", "An Excel binary .xlsb workbook", builders.xlsb,
        "binary workbook", suffix=".xlsb"),
    Bad("password", "A password-protected workbook",
        lambda p: builders.ole(p, "EncryptedPackage"),
        "protected with a password"),
    Bad("truncated", "A workbook cut off half way (corrupt zip)",
        builders.truncated, "damaged or incomplete"),
    Bad("damaged-sheet", "A sheet with broken XML", builders.damaged_sheet,
        "could not be read", _at("Staff")),
    Bad("not-a-workbook", "A text file named .xlsx",
        _text(b"Dear planner, here is the team."), "not an Excel workbook"),
    Bad("empty-file", "An empty file (0 bytes)", _text(b""),
        "the file is empty"),
    Bad("no-such-file", "A path that does not exist", _missing,
        "does not exist"),
    # -- sheets that would be skipped quietly (issue 17) --------------------
    Bad("sheet-copy", "A second Absences sheet ('Ferie marts') beside it",
        _sheets(lambda s: s.update({"Ferie marts": [
            ["Staff", "From date", "To date"],
            ["bo", "11.01.2027", "12.01.2027"]]})),
        "only one Absences sheet", _at("Ferie marts")),
    Bad("no-header", "Absences with its header below row 20",
        _sheets(lambda s: s["Absences"].__setitem__(
            slice(0, 0), [[]] * 25)),
        "no header row found", _at("Absences", 1)),
    # -- hostile files -------------------------------------------------------
    Bad("entity-expansion", "XML entity expansion ('billion laughs')",
        builders.entity_expansion, "XML entity declarations"),
    Bad("zip-bomb", "Zip bomb: a part unpacking to 600 MB",
        builders.zip_bomb, "unpacks to 600 MB"),
    # -- big workbooks under the zip cap (issue 19) --------------------------
    Bad("many-texts", "19 M shared texts (323 MB of XML, 0.8 MB file)",
        builders.many_texts, "more than the 16 MB balancer reads"),
    Bad("many-cells", "A sheet of 19 M cells (286 MB of XML, 0.7 MB file)",
        builders.many_cells, "more than the 64 MB balancer reads"),
]  # fmt: skip


def _absence_start(team: Team) -> date:
    return team.absences[0].start


ODD: list[Odd] = [
    Odd("extra-column", "Extra column (ignored, with a note)",
        _sheets(_extra_column),
        lambda t: len(t.staff) == 2, "column 'Phone' is not one balancer"),
    Odd("unknown-sheet", "Extra sheet (ignored, with a note)",
        _sheets(lambda s: s.update({"Notes": [["anything"]]})),
        lambda t: len(t.staff) == 2, "sheet 'Notes' is not one balancer"),
    Odd("renamed-sheet", "Absences renamed 'Ferie marts' (read, with a note)",
        _sheets(lambda s: s.update({"Ferie marts": s.pop("Absences")})),
        lambda t: len(t.absences) == 1, "reads it as the Absences sheet"),
    Odd("slot-past-closing", "A slot to 15:30 on a Friday closing at 15:00",
        _sheets(_add_rows("Duties", ["phone", "Fri", "14:00", "15:30", 1,
                                    None])),
        lambda t: len(t.duties[0].slots) == 3,
        "runs outside the opening hours"),
    Odd("empty-rows", "Empty rows in the middle of a sheet",
        _sheets(lambda s: s["Absences"].extend(
            [[], [], ["bo", "11.01.2027", None, "syg"]]) and None),
        lambda t: len(t.absences) == 2),
    *(
        Odd(f"date-text-{n}", f"Date as text {text!r}",
            _cell("Absences", 2, "From date", text),
            lambda t: _absence_start(t) == date(2027, 1, 4))
        for n, text in enumerate(
            ["2027-01-04", "4.1.2027", "04-01-2027", "04/01/27"]
        )
    ),
    Odd("date-serial", "Date as an Excel serial number (46391)",
        _cell("Absences", 2, "From date", 46391),
        lambda t: _absence_start(t) == date(2027, 1, 4)),
    Odd("date-real", "Date as a real Excel date",
        _cell("Absences", 2, "From date", datetime(2027, 1, 4)),
        lambda t: _absence_start(t) == date(2027, 1, 4)),
    Odd("time-fraction", "Time as a day fraction (0.3333 = 08:00)",
        _cell("Duties", 2, "Start", 1 / 3),
        lambda t: t.duties[0].slots[0].start == time(8, 0)),
    Odd("end-24", "24:00 as an end time",
        _cell("Duties", 3, "End", "24:00"),
        lambda t: t.duties[0].slots[1].end == time.max),
    Odd("formula-cached", "Formula with a saved value (value used)",
        lambda p: builders.formula(p, b"6"),
        lambda t: t.cases[0].effort_hours == 6),
    Odd("formula-optional", "Formula with no saved value, optional cell",
        lambda p: builders.formula(p, None, b"D2"),
        lambda t: t.cases[0].deadline is None,
        "formula with no saved value"),
    Odd("emoji", "Emoji in names", _cell("Staff", 2, "Name", "Ann 🌻"),
        lambda t: t.staff[0].name == "Ann 🌻"),
    Odd("danish-letters", "æøå in names and ids",
        _sheets(lambda s: with_cell(with_cell(with_cell(
            s, "Staff", 2, "ID", "søø"), "Absences", 2, "Staff", "søø"),
            "Cases", 2, "Owner", "søø")),
        lambda t: t.staff[0].id == "søø" and t.cases[0].owner == "søø"),
    Odd("xlsm", "A macro-enabled .xlsm workbook (supported)",
        builders.xlsm, lambda t: len(t.staff) == 2, suffix=".xlsm"),
    Odd("50-mb", "A 50 MB workbook (a large picture inside)",
        builders.with_picture, lambda t: len(t.staff) == 2),
    Odd("million-empty-rows", "1,000,000 formatted empty rows",
        builders.formatted_empty_rows, lambda t: len(t.absences) == 1),
]  # fmt: skip


# -- issue 19: rota workbooks, output targets, options ----------------------


@dataclass(frozen=True)
class Run:
    """A case as one ``balancer`` command line, run in a fresh folder.

    ``args`` makes the files the case needs in the folder and returns the
    command line, or None when this machine cannot make the case (only
    root makes a device). ``words`` are in the output; with exit 2 the
    output has no traceback and no "unexpected failure".
    """

    id: str
    defect: str
    args: Callable[[Path], list[str] | None]
    words: str
    exit: int = 2


@dataclass(frozen=True)
class Hostile:
    """A rota workbook whose Board every command that reads it refuses."""

    id: str
    defect: str
    build: Build
    words: str


BOARDS: list[Hostile] = [
    Hostile("board-million-bad-rows",
            "Board: 1,048,575 rows with no date (0.6 MB file)",
            boards.bad_rows, "more than the 64 MB balancer reads"),
    Hostile("board-5000-bad-rows", "Board: 5,000 rows with no date",
            lambda p: boards.bad_rows(p, 5_000),
            "more than 1,000 rows cannot be read"),
    Hostile("board-10001-rows", "Board: 10,001 sound rows",
            lambda p: boards.many_duties(p, 10_001),
            "the sheet has more than 10,000 rows"),
    Hostile("board-spaces", "Board: 1.5 GB of spaces in a cell (1.5 MB)",
            boards.spaces, "unpacks to 1536 MB"),
    Hostile("board-billion-laughs", "Board: XML entity expansion",
            boards.entity_expansion, "XML entity declarations"),
    Hostile("board-xxe", "Board: an external entity (XXE)",
            boards.external_entity, "XML entity declarations"),
    Hostile("board-broken-xml", "Board: XML cut off half way",
            boards.broken_xml, "sheet 'Board': the sheet could not be read"),
    Hostile("board-year-9999", "Board: a date 31.12.9999",
            lambda p: boards.board_book(p, [
                ["31.12.9999", "Fri", "08:00-10:00", "phone", "bo", "Bo"]]),
            "31.12.9999 is outside the years 1900-2199"),
]  # fmt: skip


def board_run(case: Hostile) -> Run:
    """A hostile Board as the ``ics`` command sees it."""

    def args(folder: Path) -> list[str]:
        board = case.build(folder / "rota.xlsx")
        return ["ics", str(board), "--out", str(folder / "calendars")]

    return Run(case.id, case.defect, args, case.words)


def _team(folder: Path) -> Path:
    return write_book(folder / "team.xlsx", base_sheets())


def _rota_to(
    target: Callable[[Path], Path | None],
) -> Callable[[Path], list[str] | None]:
    """``rota`` of the base team into the target ``target`` makes."""

    def args(folder: Path) -> list[str] | None:
        path = target(folder)
        if path is None:
            return None
        return ["rota", str(_team(folder)), "--month", MONTH, "-o",
                str(path)]  # fmt: skip

    return args


def _pipe(folder: Path) -> Path:
    os.mkfifo(folder / "rota.xlsx")
    return folder / "rota.xlsx"


def _device(folder: Path) -> Path | None:
    """A device like /dev/null, made here; only root may."""
    if os.geteuid() != 0:
        return None
    os.mknod(folder / "null", stat.S_IFCHR | 0o666, os.makedev(1, 3))
    return folder / "null"


def _read_only(folder: Path) -> Path | None:
    """A folder no file can be made in: mode 555, or for root /sys."""
    if os.geteuid() != 0:
        locked = folder / "locked"
        locked.mkdir(mode=0o555)
        return locked / "rota.xlsx"
    try:
        Path("/sys/balancer-probe").touch()
    except OSError:
        return Path("/sys/rota.xlsx")
    Path("/sys/balancer-probe").unlink()
    return None


def _calendars(
    rows: list[list[Any]] | None, *extra: str
) -> Callable[[Path], list[str]]:
    def args(folder: Path) -> list[str]:
        board = boards.board_book(folder / "rota.xlsx", rows)
        return ["ics", str(board), "--out", str(folder / "calendars"),
                *extra]  # fmt: skip

    return args


def _folder_in_the_way(folder: Path) -> list[str]:
    (folder / "calendars" / "bo.ics").mkdir(parents=True)
    return _calendars(None)(folder)


def _twelve_with_a_cjk_id() -> list[list[Any]]:
    staff = [*(f"p{n}" for n in range(11)), "\u6c49" * 85]
    return [["04.01.2027", "Mon", "08:00-10:00", "phone", s, s]
            for s in staff]  # fmt: skip


TARGETS: list[Run] = [
    Run("out-pipe", "Output: a pipe (FIFO) as -o", _rota_to(_pipe),
        "it is a device, a pipe or a socket"),
    Run("out-device", "Output: a device like /dev/null as -o (root)",
        _rota_to(_device), "it is a device, a pipe or a socket"),
    Run("out-read-only", "Output: a read-only folder",
        _rota_to(_read_only), "cannot be written"),
    Run("out-long-name", "Output: a 240-byte name (255 with the temporary)",
        _rota_to(lambda f: f / f"{'r' * 235}.xlsx"),
        "the name is too long for the folder (240 bytes"),
    Run("out-file-as-folder", "Output: a file where the folder should be",
        _rota_to(lambda f: f / "team.xlsx" / "rota.xlsx"),
        "team.xlsx is a file, not a folder"),
    Run("ics-folder-in-the-way", "Calendars: a folder named bo.ics",
        _folder_in_the_way, "a folder of that name is in the way"),
    Run("ics-cjk-id", "Calendars: an id of 85 CJK characters (255 bytes)",
        _calendars(_twelve_with_a_cjk_id()), "Wrote 12 calendar files",
        exit=0),
    Run("ics-reserved-name", "Calendars: an id COM\u00b9 (Windows reserves)",
        _calendars([["04.01.2027", "Mon", "08:00-10:00", "phone",
                     "COM\u00b9", "Com"]]), "Wrote 1 calendar file",
        exit=0),
    Run("ics-cr-in-team", "Calendars: a CR in the --team name",
        _calendars(None, "--team", "Team\rBEGIN:X"),
        "Wrote 2 calendar files", exit=0),
]  # fmt: skip


def _with_board(*args: str) -> Callable[[Path], list[str]]:
    """A command line on the base team and Board; {team}, {board}, {out}."""

    def build(folder: Path) -> list[str]:
        names = {
            "team": str(_team(folder)),
            "board": str(boards.board_book(folder / "rota.xlsx")),
            "out": str(folder / "out.xlsx"),
        }
        return [a.format(**names) for a in args]

    return build


OPTIONS: list[Run] = [
    Run("option-start-9999", "rebalance --start 9999-12-31",
        _with_board("rebalance", "{team}", "--start", "9999-12-31", "-o",
                    "{out}"), "outside the months balancer plans"),
    Run("option-from-9999", "replan --from 9999-12-31",
        _with_board("replan", "{team}", "{board}", "--absent", "ann",
                    "--from", "9999-12-31", "-o", "{out}"),
        "outside the months balancer plans"),
    Run("option-freeze-9999", "rota --keep --freeze-until 31.12.9999",
        _with_board("rota", "{team}", "--month", MONTH, "--keep", "{board}",
                    "--freeze-until", "31.12.9999", "-o", "{out}"),
        "outside the months balancer plans"),
    Run("option-month-9999", "rota --month 9999-12",
        _with_board("rota", "{team}", "--month", "9999-12", "-o", "{out}"),
        "is not a month"),
    Run("option-seed-2^70", "rota --seed 2**70",
        _with_board("rota", "{team}", "--month", MONTH, "--seed",
                    str(2**70), "-o", "{out}"), "is not in the range"),
    Run("option-change-weight", "rota --keep --change-weight 10**18",
        _with_board("rota", "{team}", "--month", MONTH, "--keep", "{board}",
                    "--change-weight", str(10**18), "-o", "{out}"),
        "is not in the range"),
]  # fmt: skip

#: Cases too slow for the test suite, run by the benchmark only.
HEAVY: list[Run] = [
    Run("largest-accepted",
        "The slowest team workbook the size caps let through (66 MB XML)",
        lambda f: ["validate", str(builders.largest_accepted(
            f / "team.xlsx")), "--month", MONTH],
        "sheet 'Cases'"),
]  # fmt: skip


def team_run(case: Bad | Odd) -> Run:
    """A team workbook case as ``balancer validate`` sees it."""

    def args(folder: Path) -> list[str]:
        path = case.build(folder / f"team{case.suffix}")
        return ["validate", str(path), "--month", MONTH]

    if isinstance(case, Bad):
        return Run(case.id, case.defect, args, case.words)
    return Run(case.id, case.defect, args, case.note or ": OK.", exit=0)


def every_run() -> list[Run]:
    """The whole catalogue as command lines, in the order of the doc."""
    return [
        *(team_run(case) for case in (*BAD, *ODD)),
        *(board_run(case) for case in BOARDS),
        *TARGETS,
        *OPTIONS,
        *HEAVY,
    ]
