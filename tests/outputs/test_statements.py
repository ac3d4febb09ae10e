"""Fairness statements: exact text for a small hand-built team.

January 2027 has 20 opening days (1 January is New Year's Day). The team:
``ann`` on 80 % with three days of vacation and 1.5 h carried in, ``bo``
full time with a two-hour doctor's visit and 2 h owed from before, ``cy``
Mon-Wed on phone only, and ``dan`` who takes no duty. Phone runs 08-10
with one person (40 h in the month), mail 12-15 with one (60 h).
"""

from __future__ import annotations

from datetime import date, time
from pathlib import Path

from openpyxl import load_workbook

from balancer.domain import (
    AbsenceReason,
    HistoryBalance,
    Team,
    Weekday,
    WorkDay,
)
from balancer.outputs.rota_workbook import write_rota_workbook
from balancer.outputs.statements import (
    absence_words,
    fairness_statements,
    hours_text,
)
from balancer.result import (
    RotaResult,
    SolveStats,
    SolveStatus,
    StaffDutySummary,
)
from tests.factories import (
    JANUARY,
    make_absence,
    make_duty,
    make_slot,
    make_staff,
    make_team,
)


def _team() -> Team:
    mon_wed = tuple(
        WorkDay(weekday=d) for d in (Weekday.MON, Weekday.TUE, Weekday.WED)
    )
    return make_team(
        staff=(
            make_staff("ann", name="Anna Holm", fte=0.8),
            make_staff("bo", name="Bo Berg"),
            make_staff(
                "cy", name="", pattern=mon_wed, duties=("phone",), fte=0.6
            ),
            make_staff("dan", name="Dan Dahl", duties=()),
        ),
        duties=(
            make_duty("phone"),
            make_duty("mail", slots=(make_slot("12:00", "15:00"),)),
        ),
        absences=(
            # Mon 4 - Wed 6 January: three working days.
            make_absence(
                "ann",
                date(2027, 1, 4),
                date(2027, 1, 6),
                reason=AbsenceReason.VACATION,
            ),
            make_absence(
                "bo",
                date(2027, 1, 12),
                from_time=time(8),
                to_time=time(10),
            ),
        ),
        history=(
            HistoryBalance(staff_id="ann", hours=1.0),
            HistoryBalance(staff_id="ann", duty="phone", hours=0.5),
            HistoryBalance(staff_id="bo", hours=-2.0),
        ),
    )


def _result() -> RotaResult:
    return RotaResult(
        stats=SolveStats(status=SolveStatus.OPTIMAL),
        staff=(
            StaffDutySummary(
                staff_id="ann",
                available_hours=108.8,
                fair_share_hours=13.5,
                assigned_hours=14.0,
                hours_by_duty={"phone": 8.0, "mail": 6.0},
                fair_share_by_duty={"phone": 5.25, "mail": 8.25},
            ),
            StaffDutySummary(
                staff_id="bo",
                available_hours=157.0,
                fair_share_hours=42.0,
                assigned_hours=41.0,
                hours_by_duty={"mail": 41.0},
                fair_share_by_duty={"phone": 14.0, "mail": 28.0},
            ),
            StaffDutySummary(
                staff_id="cy",
                available_hours=60.0,
                fair_share_hours=12.0,
                assigned_hours=12.0,
                hours_by_duty={"phone": 12.0},
                fair_share_by_duty={"phone": 12.0},
            ),
            StaffDutySummary(
                staff_id="dan",
                available_hours=160.0,
                fair_share_hours=0.0,
                assigned_hours=0.0,
            ),
        ),
    )


def test_team_line_gives_the_totals_behind_every_share() -> None:
    told = fairness_statements(_team(), JANUARY, _result())
    # Phone 2 h x 20 days = 40 h, mail 3 h x 20 = 60 h. Hours at work
    # count only those who take duty: 108.8 + 157 + 60 (not dan's 160).
    assert told.intro == (
        "January 2027: 100 h of duty planned (phone 40 h, mail 60 h), "
        "shared in proportion to the hours each person is at work "
        "(325.8 h for the 3 who take duty), less what each carries in "
        "from earlier months."
    )


def test_statement_names_contract_absence_balance_in_and_out() -> None:
    told = fairness_statements(_team(), JANUARY, _result())
    ann, bo, cy, dan = told.people
    # ann's 1.5 h carried in are both her History rows (1 + 0.5), as the
    # fair share deducts them; 14 - 13.5 = 0.5 h over goes to February,
    # per duty phone 8 - 5.25 and mail 6 - 8.25.
    assert ann.text == (
        "Anna Holm: 14 h of duty in January (phone 8 h, mail 6 h); fair "
        "share 13.5 h (80 % contract, 3 days of vacation, 108.8 h at work, "
        "less 1.5 h carried in), by duty phone 5.25 h (+2.75 h carried), "
        "mail 8.25 h (-2.25 h carried); 0.5 h over the share, carried to "
        "February (less duty then)."
    )
    # bo owed 2 h, which raised his share; he did 1 h under it, all of
    # it mail (41 h against 28 h) and none of his 14 h phone share.
    assert bo.text == (
        "Bo Berg: 41 h of duty in January (mail 41 h); fair share 42 h "
        "(100 % contract, 2 h away, 157 h at work, plus 2 h owed from "
        "before), by duty phone 14 h (-14 h carried), mail 28 h (+13 h "
        "carried); 1 h under the share, carried to February (more duty "
        "then)."
    )
    # cy has no name, so her id is shown; one duty, so no per-duty part.
    assert cy.text == (
        "cy: 12 h of duty in January (phone 12 h); fair share 12 h (60 % "
        "contract, works Mon-Wed, no days away, 60 h at work); right on "
        "the share, nothing carried to February."
    )
    assert dan.text == "Dan Dahl: takes no duty, so no fair share in January."


def test_absence_counts_working_days_only() -> None:
    team = make_team(
        staff=(make_staff("ann"),),
        absences=(
            # Thu 31 Dec - Mon 4 Jan: in January only Mon 4 is a working
            # day (1 Jan is a holiday, 2-3 Jan a weekend).
            make_absence(
                "ann",
                date(2026, 12, 31),
                date(2027, 1, 4),
                reason=AbsenceReason.VACATION,
            ),
            make_absence("ann", date(2027, 1, 5), reason=AbsenceReason.SICK),
            make_absence("ann", date(2027, 1, 6), reason=AbsenceReason.SICK),
            # 07:00-09:30 overlaps the 08:00 working day by 1.5 h.
            make_absence(
                "ann",
                date(2027, 1, 7),
                from_time=time(7),
                to_time=time(9, 30),
                reason=AbsenceReason.COURSE,
            ),
        ),
    )
    person = team.staff[0]
    assert absence_words(team, JANUARY, person) == [
        "1 day of vacation",
        "2 days off sick",
        "1.5 h on a course",
    ]


def test_hours_text_drops_trailing_zeros_and_minus_zero() -> None:
    assert [hours_text(h) for h in (14, 13.5, 2.25, 1 / 3, -0.001)] == [
        "14",
        "13.5",
        "2.25",
        "0.33",
        "0",
    ]


def test_no_rota_means_no_statements() -> None:
    result = RotaResult(stats=SolveStats(status=SolveStatus.INFEASIBLE))
    assert fairness_statements(_team(), JANUARY, result).people == ()


def test_statements_sheet_in_the_rota_workbook(tmp_path: Path) -> None:
    path = write_rota_workbook(
        _team(), JANUARY, _result(), tmp_path / "rota.xlsx"
    )
    sheet = load_workbook(path)["Statements"]
    told = fairness_statements(_team(), JANUARY, _result())
    assert sheet["A1"].value == "Fairness statements January 2027"
    assert sheet["A2"].value == told.intro
    assert [c.value for c in sheet[4]] == ["Staff", "Name", "Statement"]
    assert sheet["A5"].value == "ann"
    assert sheet["C5"].value == told.people[0].text
    assert sheet.max_row == 4 + len(told.people)
