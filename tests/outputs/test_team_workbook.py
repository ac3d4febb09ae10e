"""Writing a team workbook: the reader gives back the same team."""

from __future__ import annotations

from datetime import date, time
from pathlib import Path

import pytest
from openpyxl import load_workbook

from balancer.domain import (
    AbsenceReason,
    CalendarSettings,
    CaseStatus,
    HistoryBalance,
    OpeningHours,
    Preference,
    Priority,
    Rules,
    SkillRequirement,
    Team,
    Weekday,
    Weights,
    WorkDay,
)
from balancer.errors import OutputError
from balancer.inputs.excel import read_team_workbook
from balancer.language import texts
from balancer.outputs.team_workbook import format_days, write_team_workbook
from tests.factories import (
    make_absence,
    make_case,
    make_duty,
    make_slot,
    make_staff,
)


def rich_team() -> Team:
    """A team using every field the workbook can hold."""
    return Team(
        staff=(
            make_staff(
                "ann",
                skills={"english": 2, "pension": 3},
                pattern=(
                    WorkDay(weekday=0, start=time(8), end=time(12)),
                    WorkDay(weekday=2, start=time(9), end=time.max),
                ),
                max_slots_per_day=1,
                max_duty_days_per_week=3,
                max_consecutive_slots=1,
                case_capacity_hours=12.5,
            ),
            make_staff(
                "bo",
                fte=None,
                weekly_hours=29.6,
                duties=("phone",),
                pattern=tuple(
                    WorkDay(weekday=d, start=time(8), end=time(15, 30))
                    for d in (0, 1, 3)
                ),
            ),
            make_staff("=cy", name="+Cy", duties=(), casework=False),
        ),
        duties=(
            make_duty(
                "phone",
                name="Phones",
                colour="#FFD966",
                slots=(
                    make_slot(
                        "08:00",
                        "10:00",
                        min_staff=1,
                        target_staff=2,
                        max_staff=3,
                        requirements=(
                            SkillRequirement(skill="english", min_level=2),
                        ),
                    ),
                    make_slot("12:00", "15:00", weekdays=(4,), unpopular=True),
                ),
            ),
            make_duty(
                "mail",
                slots=(
                    make_slot(
                        "09:00",
                        "12:00",
                        weekdays=(0, 2),
                        requirements=(
                            SkillRequirement(
                                skill="pension", min_level=3, count=1
                            ),
                        ),
                    ),
                ),
            ),
        ),
        absences=(
            make_absence(
                "ann",
                date(2027, 1, 4),
                date(2027, 1, 8),
                reason=AbsenceReason.VACATION,
            ),
            make_absence(
                "bo",
                date(2027, 1, 12),
                from_time=time(8),
                to_time=time(10),
                reason=AbsenceReason.SICK,
            ),
        ),
        rules=Rules(max_slots_per_day=3, half_day_split=time(12, 30)),
        weights=Weights(fairness_max=50, moves=0),
        calendar=CalendarSettings(
            closed_dates=(date(2027, 12, 24), date(2027, 12, 31)),
            opening_hours=(
                OpeningHours(weekday=0, open=time(8), close=time(16)),
                OpeningHours(weekday=2, open=time(8), close=time.max),
                OpeningHours(weekday=4, open=time(9), close=time(14)),
            ),
        ),
        preferences=(
            Preference(
                staff_id="bo",
                want=False,
                weekday=Weekday.MON,
                duty="phone",
                slot_start=time(8),
                weight=4,
            ),
            Preference(staff_id="ann", want=True, on=date(2027, 1, 20)),
        ),
        history=(
            HistoryBalance(staff_id="ann", hours=1.5, unpopular_slots=-1),
            HistoryBalance(staff_id="bo", duty="phone", hours=-2.25),
        ),
        cases=(
            make_case(
                "142",
                skill="pension",
                min_level=3,
                owner="ann",
                status=CaseStatus.IN_PROGRESS,
                pinned=True,
                priority=Priority.URGENT,
                deadline=date(2027, 1, 15),
                group="M-1",
                effort_by_staff={"bo": 2.5},
                cost_by_staff={"ann": 1.0},
                type="pension",
            ),
            make_case("c2", effort_hours=0.75),
        ),
    )


def test_team_workbook_round_trip(tmp_path: Path) -> None:
    team = rich_team()
    path = write_team_workbook(team, tmp_path / "team.xlsx")
    assert read_team_workbook(path) == team


def test_a_danish_team_workbook_reads_back_as_the_same_team(
    tmp_path: Path,
) -> None:
    team = rich_team()
    path = write_team_workbook(team, tmp_path / "team.xlsx", lang="da")
    assert read_team_workbook(path) == team
    book = load_workbook(path)
    assert book.sheetnames == [
        "Medarbejdere",
        "Fravær",
        "Vagter",
        "Regler",
        "Ønsker",
        "Historik",
        "Sager",
    ]
    staff = book["Medarbejdere"]
    assert [c.value for c in staff[1]][:4] == [
        "Initialer",
        "Navn",
        "Årsværk",
        "Timer pr uge",
    ]
    # Words in the cells are Danish too, and the Rules sheet's notes.
    row = {c.value: v.value for c, v in zip(staff[1], staff[3], strict=True)}
    assert row["Arbejdsdage"] == "man, tir, tor"
    assert row["Vagter"] == "phone"
    assert row["Sagsbehandling"] == "ja"
    assert book["Fravær"]["F2"].value == "ferie"
    assert book["Ønsker"]["B2"].value == "undgår"
    rules = {r[0].value: r for r in book["Regler"].iter_rows(min_row=2)}
    assert rules["max_slots_per_day"][2].value == (
        "Højst så mange vagter tager en person om dagen. Standard: 2."
    )
    assert rules["opening_hours_tue"][1].value == "lukket"


def test_every_setting_has_its_english_description_in_the_catalogue() -> None:
    """The Danish notes translate the domain's descriptions: keep them in
    step (a changed description needs its Danish changed too)."""
    for model in (Rules, Weights):
        for name, info in model.model_fields.items():
            assert texts(f"setting.{name}")["en"] == info.description


def test_layout_header_dates_times_and_formulas(tmp_path: Path) -> None:
    path = write_team_workbook(rich_team(), tmp_path / "team.xlsx")
    book = load_workbook(path)
    staff = book["Staff"]
    assert staff["A1"].value == "ID" and staff["A1"].font.bold
    assert staff.freeze_panes == "A2"
    assert staff["A4"].value == "=cy" and staff["A4"].data_type == "s"
    absences = book["Absences"]
    assert absences["B2"].value.date() == date(2027, 1, 4)
    assert absences["B2"].number_format == "dd.mm.yyyy"
    duties = book["Duties"]
    assert duties["C2"].value == time(8)
    assert duties["C2"].number_format == "hh:mm"
    assert book.sheetnames == [
        "Staff",
        "Absences",
        "Duties",
        "Rules",
        "Preferences",
        "History",
        "Cases",
    ]


def test_refuses_to_overwrite_an_input(tmp_path: Path) -> None:
    path = write_team_workbook(rich_team(), tmp_path / "team.xlsx")
    with pytest.raises(OutputError):
        write_team_workbook(rich_team(), path, inputs=[path])


@pytest.mark.parametrize(
    ("days", "text"),
    [
        ((0, 1, 2, 3), "Mon-Thu"),
        ((0, 2, 4), "Mon, Wed, Fri"),
        ((0, 1, 3, 4, 5), "Mon, Tue, Thu-Sat"),
    ],
)
def test_format_days(days: tuple[int, ...], text: str) -> None:
    assert format_days(days) == text


def test_format_days_in_danish() -> None:
    assert format_days((0, 1, 2, 3), "da") == "man-tor"
