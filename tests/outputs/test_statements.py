"""Fairness statements: exact text for a small hand-built team.

January 2027 has 20 opening days (1 January is New Year's Day). The team:
``ann`` on 80 % with three days of vacation and 1.5 h carried in, ``bo``
full time with a two-hour doctor's visit, on a rota one hour short of
target, ``cy`` Mon-Wed on phone only (too little phone for her whole
claim), and ``dan`` who takes no duty. Phone runs 08-10 with one person
(40 h in the month), mail 12-15 with one (60 h).

The result is written by hand, so each figure below is one the account
(:mod:`balancer.solvers.rota.account`) could give; the statements only
put them in words.
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
from balancer.outputs.statements import absence_words, fairness_statements
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
            HistoryBalance(staff_id="ann", duty="phone", hours=1.0),
            HistoryBalance(staff_id="ann", duty="mail", hours=0.5),
        ),
    )


def _result() -> RotaResult:
    return RotaResult(
        stats=SolveStats(status=SolveStatus.FEASIBLE),
        staff=(
            StaffDutySummary(
                staff_id="ann",
                available_hours=108.8,
                claim_hours=13.5,
                carried_in_hours=1.5,
                carried_in_by_duty={"phone": 1.0, "mail": 0.5},
                fair_share_hours=13.5,
                fair_share_by_duty={"phone": 5.25, "mail": 8.25},
                assigned_hours=14.0,
                hours_by_duty={"phone": 8.0, "mail": 6.0},
                carried_out_by_duty={"phone": 2.75, "mail": -2.25},
            ),
            StaffDutySummary(
                staff_id="bo",
                available_hours=157.0,
                claim_hours=40.0,
                fair_share_hours=42.0,
                fair_share_by_duty={"phone": 14.0, "mail": 28.0},
                unavoidable_hours=2.0,
                unavoidable_by_duty={"phone": 2.0},
                assigned_hours=41.0,
                hours_by_duty={"mail": 41.0},
                short_of_target_hours=1.0,
                short_of_target_by_duty={"mail": 1.0},
                carried_out_by_duty={"phone": -14.0, "mail": 14.0},
            ),
            StaffDutySummary(
                staff_id="cy",
                available_hours=60.0,
                claim_hours=14.0,
                fair_share_hours=12.0,
                fair_share_by_duty={"phone": 12.0},
                unavoidable_hours=-2.0,
                unavoidable_by_duty={"phone": -2.0},
                assigned_hours=12.0,
                hours_by_duty={"phone": 12.0},
                carried_out_by_duty={"phone": 0.0},
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
    # The shortfall is bo's 1 h; the unavoidable part is cy's 2 h less.
    # Only ann carries a balance in, so the balances do not net out.
    assert told.intro == (
        "January 2027: 100 h of duty planned (phone 40 h, mail 60 h), "
        "shared in proportion to the hours each person is at work "
        "(325.8 h for the 3 who take duty), less what each carries in "
        "from earlier months. Fair shares are based on the planned "
        "(target) staffing. The rota is 1 h short of target staffing: "
        "that is nobody's debt, so each person's part of it is not "
        "carried. The balances carried in add up to +1.5 h, not 0 "
        "(someone left the team, or History was edited): the difference "
        "is shared in proportion to the claims and not carried. 2 h of "
        "the claims cannot be met by any rota, because some may take only "
        "some duties (named below; not carried)."
    )


def test_statement_says_what_is_carried_in_and_what_is_carried_out() -> None:
    ann = fairness_statements(_team(), JANUARY, _result()).people[0]
    # In: her two History rows. Out: 14 - 13.5 = 0.5 h, per duty
    # phone 8 - 5.25 and mail 6 - 8.25.
    assert ann.text == (
        "Anna Holm: 14 h of duty in January (phone 8 h, mail 6 h); fair "
        "share 13.5 h (80 % contract, 3 days of vacation, 108.8 h at "
        "work); carried in from December: +1.5 h (phone +1 h, mail "
        "+0.5 h); by duty phone 5.25 h, mail 8.25 h. 0.5 h over the "
        "share. Carried out to February: +0.5 h (phone +2.75 h, mail "
        "-2.25 h) (less duty then)."
    )


def test_shortfall_and_unavoidable_parts_are_named_and_not_carried() -> None:
    _, bo, cy, _ = fairness_statements(_team(), JANUARY, _result()).people
    # bo is 1 h under his share, all of it his part of the shortfall, so
    # nothing is carried overall; his duty mix is, and the words say so.
    assert bo.text == (
        "Bo Berg: 41 h of duty in January (mail 41 h); fair share 42 h "
        "(100 % contract, 2 h away, 157 h at work); nothing carried in; "
        "by duty phone 14 h, mail 28 h. 1 h under the share; their part "
        "of the rota's shortfall, 1 h, is not carried; 2 h more than their "
        "claim of 40 h, which no rota can avoid (not carried). Carried out "
        "to February: 0 h (phone "
        "-14 h, mail +14 h) (as much duty then, in another mix of duties)."
    )
    # cy has no name, so her id is shown; one duty, so no per-duty part.
    assert cy.text == (
        "cy: 12 h of duty in January (phone 12 h); fair share 12 h (60 % "
        "contract, works Mon-Wed, no days away, 60 h at work); nothing "
        "carried in. Right on the share; 2 h less than their claim of "
        "14 h, which no rota can give back (not carried). Nothing carried "
        "out to February."
    )


def test_someone_without_duty_gets_a_plain_line() -> None:
    dan = fairness_statements(_team(), JANUARY, _result()).people[3]
    assert dan.text == "Dan Dahl: takes no duty, so no fair share in January."


def test_danish_statements_say_the_same_with_danish_numbers() -> None:
    told = fairness_statements(_team(), JANUARY, _result(), "da")
    assert told.intro.startswith(
        "Januar 2027: 100 t vagt planlagt (phone 40 t, mail 60 t)"
    )
    assert told.people[0].text == (
        "Anna Holm: 14 t vagt i januar (phone 8 t, mail 6 t); rimelig "
        "andel 13,5 t (80 % ansættelse, 3 dage ferie, 108,8 t på "
        "arbejde); overført fra december: +1,5 t (phone +1 t, mail "
        "+0,5 t); fordelt på vagter phone 5,25 t, mail 8,25 t. 0,5 t over "
        "andelen. Overføres til februar: +0,5 t (phone +2,75 t, mail "
        "-2,25 t) (mindre vagt da)."
    )
    assert told.people[2].text.startswith(
        "cy: 12 t vagt i januar (phone 12 t); rimelig andel 12 t (60 % "
        "ansættelse, arbejder man-ons, intet fravær"
    )


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
    assert absence_words(team, JANUARY, person, "da") == [
        "1 dag ferie",
        "2 dage syg",
        "1,5 t på kursus",
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
    assert sheet["A1"].value == "Statements January 2027"
    assert sheet["A2"].value == told.intro
    assert [c.value for c in sheet[4]] == ["Staff", "Name", "Statement"]
    assert sheet["A5"].value == "ann"
    assert sheet["C5"].value == told.people[0].text
    assert sheet.max_row == 4 + len(told.people)
