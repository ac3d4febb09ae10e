"""The team workbook reader on valid input: what planners may write."""

from __future__ import annotations

import zipfile
from datetime import date, time
from pathlib import Path

import pytest
from openpyxl import Workbook

from balancer.domain import (
    AbsenceReason,
    CaseStatus,
    OpeningHours,
    Priority,
    SkillRequirement,
    Weekday,
    WorkDay,
)
from balancer.errors import InputError
from balancer.files import tables as sheets_module
from balancer.inputs.excel import (
    read_team_workbook,
    read_team_workbook_with_notes,
)
from tests.inputs.books import base_sheets, with_cell, write_book


def test_base_workbook_reads_into_the_expected_team(tmp_path: Path) -> None:
    team = read_team_workbook(write_book(tmp_path / "t.xlsx", base_sheets()))
    ann, bo = team.staff
    assert (ann.id, ann.fte, ann.pattern, ann.duties) == ("ann", 1.0, (), None)
    assert ann.skills == {"english": 2}
    assert bo.pattern == tuple(
        WorkDay(weekday=d, start=time(8), end=time(15)) for d in range(4)
    )
    [phone] = team.duties
    assert [s.label for s in phone.slots] == ["08:00-10:00", "10:00-12:00"]
    assert phone.slots[0].requirements == (
        SkillRequirement(skill="english", min_level=1),
    )
    [absence] = team.absences
    assert (absence.start, absence.end, absence.reason) == (
        date(2027, 1, 4),
        date(2027, 1, 5),
        AbsenceReason.VACATION,
    )
    [case] = team.cases
    assert (case.owner, case.status, case.priority) == (
        "ann",
        CaseStatus.ASSIGNED,
        Priority.NORMAL,
    )
    assert team.rules.max_slots_per_day == 2


def test_danish_headers_and_sheet_names(tmp_path: Path) -> None:
    sheets = {
        "Medarbejdere": [
            ["Initialer", "Navn", "Timer pr uge", "Kompetencer", "Vagter"],
            ["AH", "Anna Holm", "29,6", "pension:3; english:2", "ingen"],
        ],
        "Vagter": [
            ["Vagt", "Ugedage", "Fra", "Til", "Minimum"],
            ["telefon", "man-tor", "8.00", "10", 1],
        ],
        "Fravær": [
            ["Medarbejder", "Fra dato", "Til dato", "Fra kl", "Til kl",
             "Årsag"],
            ["AH", "4/1/2027", None, "8", "10:00", "syg"],
        ],
    }  # fmt: skip
    team = read_team_workbook(write_book(tmp_path / "t.xlsx", sheets))
    [person] = team.staff
    assert person.weekly_hours == pytest.approx(29.6)
    assert person.duties == ()
    assert team.duties[0].slots[0].weekdays == (0, 1, 2, 3)
    [absence] = team.absences
    assert absence.end == absence.start == date(2027, 1, 4)
    assert (absence.from_time, absence.to_time) == (time(8), time(10))
    assert absence.reason == AbsenceReason.SICK


def test_real_excel_dates_times_and_numbers(tmp_path: Path) -> None:
    sheets = base_sheets()
    sheets = with_cell(sheets, "Absences", 2, "From date", date(2027, 1, 4))
    sheets = with_cell(sheets, "Duties", 2, "Start", time(8))
    sheets = with_cell(sheets, "Duties", 2, "End", 10 / 24)
    sheets = with_cell(sheets, "Cases", 2, "Received", 46357)  # 1.12.2026
    team = read_team_workbook(write_book(tmp_path / "t.xlsx", sheets))
    assert team.absences[0].start == date(2027, 1, 4)
    assert team.duties[0].slots[0].label == "08:00-10:00"
    assert team.cases[0].received == date(2026, 12, 1)


def test_per_day_times_in_days(tmp_path: Path) -> None:
    sheets = with_cell(
        base_sheets(), "Staff", 3, "Days", "Mon 08:00-12:00, Wed-Thu 9-24"
    )
    team = read_team_workbook(write_book(tmp_path / "t.xlsx", sheets))
    assert team.staff[1].pattern == (
        WorkDay(weekday=0, start=time(8), end=time(12)),
        WorkDay(weekday=2, start=time(9), end=time.max),
        WorkDay(weekday=3, start=time(9), end=time.max),
    )


def test_days_without_times_take_the_opening_hours(tmp_path: Path) -> None:
    sheets = with_cell(base_sheets(), "Staff", 2, "Days", "Thu-Fri")
    team = read_team_workbook(write_book(tmp_path / "t.xlsx", sheets))
    # Default opening hours: Mon-Thu 08:00-16:00, Fri 08:00-15:00.
    assert team.staff[0].pattern == (
        WorkDay(weekday=3, start=time(8), end=time(16)),
        WorkDay(weekday=4, start=time(8), end=time(15)),
    )


def test_times_without_days_cover_every_opening_day(tmp_path: Path) -> None:
    sheets = with_cell(base_sheets(), "Staff", 2, "Start", "09:00")
    team = read_team_workbook(write_book(tmp_path / "t.xlsx", sheets))
    pattern = team.staff[0].pattern
    assert [d.weekday for d in pattern] == [0, 1, 2, 3, 4]
    assert (pattern[0].start, pattern[0].end) == (time(9), time(16))
    assert pattern[4].end == time(15)


def test_rules_sheet_settings(tmp_path: Path) -> None:
    sheets = base_sheets()
    sheets["Rules"] = [
        ["Setting", "Value", "Note"],
        ["Max slots per day", 3, "spaces instead of underscores"],
        ["full_time_hours", "37,5", None],
        ["half_day_split", "12.30", None],
        ["weight_fairness_max", 50, None],
        ["lateness", 7, "a weight without its prefix"],
        ["country", "dk", None],
        ["closed_dates", "24.12.2027, 31.12.2027", None],
        ["closed_dates", date(2027, 6, 5), "a second row adds more"],
        ["opening_hours_fri", "closed", None],
        ["Åbningstid lørdag", "10:00-13:00", None],
        ["max_consecutive_slots", None, "blank = default"],
    ]
    team = read_team_workbook(write_book(tmp_path / "t.xlsx", sheets))
    assert team.rules.max_slots_per_day == 3
    assert team.rules.full_time_hours == 37.5
    assert team.rules.half_day_split == time(12, 30)
    assert team.rules.max_consecutive_slots == 2
    assert (team.weights.fairness_max, team.weights.lateness) == (50, 7)
    assert team.calendar.country == "DK"
    assert team.calendar.closed_dates == (
        date(2027, 6, 5),
        date(2027, 12, 24),
        date(2027, 12, 31),
    )
    assert team.calendar.hours_on(Weekday.FRI) is None
    assert team.calendar.hours_on(Weekday.SAT) == OpeningHours(
        weekday=Weekday.SAT, open=time(10), close=time(13)
    )
    assert team.calendar.hours_on(Weekday.MON) is not None


def test_a_setting_given_twice_is_a_problem(tmp_path: Path) -> None:
    sheets = base_sheets()
    sheets["Rules"].append(["max slots per day", 1])
    with pytest.raises(InputError) as caught:
        read_team_workbook(write_book(tmp_path / "t.xlsx", sheets))
    [problem] = caught.value.problems
    assert (problem.sheet, problem.row, problem.column) == (
        "Rules",
        3,
        "Setting",
    )
    assert "twice" in problem.message


def test_unknown_country_names_the_rules_row(tmp_path: Path) -> None:
    sheets = base_sheets()
    sheets["Rules"].append(["country", "Atlantis"])
    with pytest.raises(InputError) as caught:
        read_team_workbook(write_book(tmp_path / "t.xlsx", sheets))
    [problem] = caught.value.problems
    assert (problem.sheet, problem.row, problem.column) == (
        "Rules",
        3,
        "Value",
    )


def test_duties_sheet_groups_rows_into_duties(tmp_path: Path) -> None:
    sheets = base_sheets()
    sheets["Duties"] = [
        ["Duty", "Weekdays", "Start", "End", "Min", "Target", "Max",
         "Required skills", "Unpopular", "Name", "Colour"],
        ["phone", "Mon-Thu", "08:00", "10:00", 1, 2, 3, "2 x english:2",
         None, "Phones", "#FFD966"],
        ["mail", None, "09:00", "15:00", 1, None, None, None, "ja", None,
         None],
        ["phone", "Fri", "12:00", "15:00", 0, 1, None, None, "x", None,
         None],
    ]  # fmt: skip
    sheets = with_cell(sheets, "Staff", 3, "Skills", "english:3")
    team = read_team_workbook(write_book(tmp_path / "t.xlsx", sheets))
    phone, mail = team.duties
    assert (phone.name, phone.colour, len(phone.slots)) == (
        "Phones",
        "#FFD966",
        2,
    )
    first, friday = phone.slots
    assert (first.min_staff, first.target, first.maximum) == (1, 2, 3)
    assert first.requirements == (
        SkillRequirement(skill="english", min_level=2, count=2),
    )
    assert friday.unpopular and friday.weekdays == (Weekday.FRI,)
    assert mail.slots[0].weekdays == (0, 1, 2, 3, 4)
    assert mail.slots[0].unpopular


def test_cases_with_danish_words_and_staff_maps(tmp_path: Path) -> None:
    sheets = base_sheets()
    sheets["Cases"] = [
        ["Sag", "Timer", "Modtaget", "Prioritet", "Sagsbehandler",
         "Tilstand", "Låst", "Effort by staff", "Cost by staff", "Niveau",
         "Kompetence"],
        [142, "6,5", "12.11.2026", "akut", "ann", "i gang", "ja",
         "bo:3,5", "bo:2", 2, "english"],
    ]  # fmt: skip
    team = read_team_workbook(write_book(tmp_path / "t.xlsx", sheets))
    [case] = team.cases
    assert case.id == "142"
    assert case.effort_hours == 6.5
    assert case.priority == Priority.URGENT
    assert case.status == CaseStatus.IN_PROGRESS
    assert case.pinned
    assert case.effort_by_staff == {"bo": 3.5}
    assert case.cost_by_staff == {"bo": 2.0}
    assert (case.skill, case.min_level) == ("english", 2)


def test_preferences_and_history(tmp_path: Path) -> None:
    sheets = base_sheets()
    sheets["Ønsker"] = [
        ["Medarbejder", "Ønske", "Ugedag", "Dato", "Vagt", "Kl", "Vægt"],
        ["bo", "undgår", "fredag", None, "phone", "08:00", 3],
        ["ann", "ønsker", None, "15.01.2027", None, None, None],
    ]
    sheets["Historik"] = [
        ["Medarbejder", "Vagt", "Saldo timer", "Upopulære"],
        ["bo", "phone", "-1,5", 2],
    ]
    team = read_team_workbook(write_book(tmp_path / "t.xlsx", sheets))
    avoid, want = team.preferences
    assert not avoid.want and avoid.weekday == Weekday.FRI
    assert avoid.slot_start == time(8) and avoid.weight == 3
    assert want.want and want.on == date(2027, 1, 15)
    [balance] = team.history
    assert (balance.duty, balance.hours, balance.unpopular_slots) == (
        "phone",
        -1.5,
        2.0,
    )


def test_unknown_columns_and_sheets_are_notes(tmp_path: Path) -> None:
    sheets = base_sheets()
    sheets["Staff"][0].append("Shoe size")
    sheets["Staff"][1].append(42)
    sheets["Scratch"] = [["anything"]]
    loaded = read_team_workbook_with_notes(
        write_book(tmp_path / "t.xlsx", sheets)
    )
    notes = {(n.sheet, n.column) for n in loaded.notes}
    assert notes == {("Staff", "Shoe size"), ("Scratch", None)}


def test_a_title_line_above_the_header_is_fine(tmp_path: Path) -> None:
    sheets = base_sheets()
    sheets["Staff"].insert(0, ["Our team, January"])
    team = read_team_workbook(write_book(tmp_path / "t.xlsx", sheets))
    assert [p.id for p in team.staff] == ["ann", "bo"]


def test_empty_rows_are_skipped_not_the_end(tmp_path: Path) -> None:
    sheets = base_sheets()
    sheets["Staff"][2:2] = [[], [None, " "], []]
    team = read_team_workbook(write_book(tmp_path / "t.xlsx", sheets))
    assert [p.id for p in team.staff] == ["ann", "bo"]


def test_reading_stops_after_many_empty_rows(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A sheet formatted far down must not be read row by row forever."""
    monkeypatch.setattr(sheets_module, "MAX_EMPTY_ROWS", 5)
    sheets = base_sheets()
    sheets["Staff"] += [[]] * 3 + [["cy", "Cy", 1]]  # read: 3 empty rows
    sheets["Staff"] += [[]] * 10 + [["dan", "Dan", 1]]  # after 10: not read
    team = read_team_workbook(write_book(tmp_path / "t.xlsx", sheets))
    assert [p.id for p in team.staff] == ["ann", "bo", "cy"]


def test_formatted_empty_rows_to_the_bottom_are_quick(tmp_path: Path) -> None:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "Staff"
    sheet.append(["ID", "FTE"])
    sheet.append(["ann", 1])
    for row in range(3, 20_000):
        sheet.cell(row=row, column=1).number_format = "@"  # styled, empty
    book.create_sheet("Duties").append(["Duty", "Start", "End", "Min"])
    book.save(tmp_path / "t.xlsx")
    team = read_team_workbook(tmp_path / "t.xlsx")
    assert [p.id for p in team.staff] == ["ann"]


def test_formula_cells_give_their_cached_value(tmp_path: Path) -> None:
    # openpyxl writes no cached values, so build the XML by hand: the
    # reader must use the value Excel stored, not the formula text.
    path = write_book(tmp_path / "t.xlsx", base_sheets())
    patched = tmp_path / "formula.xlsx"
    with zipfile.ZipFile(path) as src, zipfile.ZipFile(patched, "w") as out:
        for item in src.infolist():
            data = src.read(item.filename)
            if item.filename == "xl/worksheets/sheet1.xml":
                text = data.decode()
                old = '<c r="C2" t="n"><v>1</v></c>'
                assert old in text
                data = text.replace(
                    old, '<c r="C2"><f>2/4</f><v>0.5</v></c>'
                ).encode()
            out.writestr(item, data)
    assert read_team_workbook(patched).staff[0].fte == 0.5
