"""Small hand-built results for the output tests.

January 2027: Friday 1 January is New Year's Day, 2-3 January a weekend,
Monday 4 January the first full week. The team: ``ann`` and ``bo`` full
time, ``cy`` works Mon-Wed only; ``bo`` is on vacation on 5 January.
"""

from __future__ import annotations

from datetime import date, time
from typing import Any

from balancer.domain import (
    AbsenceReason,
    HistoryBalance,
    Team,
    Weekday,
    WorkDay,
)
from balancer.language import texts
from balancer.result import (
    BacklogResult,
    CaseAssignment,
    Conflict,
    DutyAssignment,
    MoveReason,
    PenaltyTerm,
    RotaResult,
    SolveStats,
    SolveStatus,
    StaffDutySummary,
    WaitReason,
)
from tests.factories import (
    make_absence,
    make_case,
    make_duty,
    make_slot,
    make_staff,
    make_team,
)

MON = date(2027, 1, 4)
TUE = date(2027, 1, 5)
WED = date(2027, 1, 6)
THU = date(2027, 1, 7)
NEW_YEAR = date(2027, 1, 1)

#: A name a spreadsheet would run as a command if stored as a formula.
FORMULA_NAME = "=cmd|' /C calc'!A0"


def rota_team(**overrides: Any) -> Team:
    """Three people, phone (two slots) and mail (one, own colour)."""
    mon_wed = tuple(
        WorkDay(weekday=d) for d in (Weekday.MON, Weekday.TUE, Weekday.WED)
    )
    fields: dict[str, Any] = {
        "staff": (
            make_staff("ann", name="Ann Arbor"),
            make_staff("bo", name=FORMULA_NAME),
            make_staff("cy", name="Cy Young", fte=0.6, pattern=mon_wed),
        ),
        "duties": (
            make_duty(
                "phone",
                name="Phones",
                slots=(
                    make_slot("08:00", "10:00", min_staff=2),
                    make_slot("10:00", "12:00"),
                ),
            ),
            make_duty(
                "mail",
                name="Mail",
                colour="#9DC3E6",
                slots=(make_slot("12:00", "15:00"),),
            ),
        ),
        "absences": (
            make_absence("bo", TUE, reason=AbsenceReason.VACATION),
            make_absence(
                "ann",
                WED,
                from_time=time(8),
                to_time=time(10),
                reason=AbsenceReason.SICK,
            ),
        ),
        "history": (
            HistoryBalance(staff_id="ann", hours=3.0, unpopular_slots=1.0),
        ),
    }
    fields.update(overrides)
    return make_team(**fields)


def duty(staff_id: str, day: date, duty_id: str, slot: int) -> DutyAssignment:
    """One assignment, positional for short test tables."""
    return DutyAssignment(
        staff_id=staff_id, day=day, duty_id=duty_id, slot_index=slot
    )


#: A few assignments: ann phone 08-10 and mail on Monday, bo and cy phone.
ASSIGNMENTS = (
    duty("ann", MON, "phone", 0),
    duty("bo", MON, "phone", 0),
    duty("ann", MON, "mail", 0),
    duty("cy", MON, "phone", 1),
    duty("cy", TUE, "phone", 0),
    duty("bo", WED, "mail", 0),
)


def rota_result(**overrides: Any) -> RotaResult:
    """A feasible result over :data:`ASSIGNMENTS` with its account.

    ann: fair share 7 h (10 h raw less the 3 h she carried in), assigned
    5 h, so she carries out -2 h (phone -2 h, mail 0 h); bo: fair share
    4 h, assigned 5 h, carries out +1 h (phone -0.5 h, mail +1.5 h); cy:
    exactly on her share. Nobody is short of target, nothing unavoidable.
    """
    fields: dict[str, Any] = {
        "stats": SolveStats(
            status=SolveStatus.FEASIBLE,
            objective=120.0,
            bound=100.0,
            seconds=1.5,
        ),
        "assignments": ASSIGNMENTS,
        "terms": (
            PenaltyTerm(
                name="fairness_max",
                description="Largest deviation from fair share",
                weight=100,
                value=1.0,
            ),
        ),
        "staff": (
            StaffDutySummary(
                staff_id="ann",
                available_hours=150.0,
                fair_share_hours=7.0,
                assigned_hours=5.0,
                hours_by_duty={"phone": 2.0, "mail": 3.0},
                fair_share_by_duty={"phone": 4.0, "mail": 3.0},
                unpopular_slots=0,
                unpopular_fair_share=-0.5,
                claim_hours=7.0,
                carried_in_hours=3.0,
                carried_out_by_duty={"phone": -2.0, "mail": 0.0},
            ),
            StaffDutySummary(
                staff_id="bo",
                available_hours=140.0,
                fair_share_hours=4.0,
                assigned_hours=5.0,
                hours_by_duty={"phone": 2.0, "mail": 3.0},
                fair_share_by_duty={"phone": 2.5, "mail": 1.5},
                unpopular_slots=1,
                unpopular_fair_share=0.25,
                claim_hours=4.0,
                carried_out_by_duty={"phone": -0.5, "mail": 1.5},
            ),
            StaffDutySummary(
                staff_id="cy",
                available_hours=70.0,
                fair_share_hours=4.0,
                assigned_hours=4.0,
                hours_by_duty={"phone": 4.0},
                fair_share_by_duty={"phone": 4.0, "mail": 0.0},
                claim_hours=4.0,
                carried_out_by_duty={"phone": 0.0, "mail": 0.0},
            ),
        ),
    }
    fields.update(overrides)
    return RotaResult(**fields)


def relaxed_result() -> RotaResult:
    """A rota that breaks a demand on purpose, with the conflict.

    As the solve returns it: INFEASIBLE (the rules cannot all hold), one
    person missing priced at 1,000,000 points, 120 points of other goals.
    """
    return rota_result(
        relaxed=True,
        stats=SolveStats(
            status=SolveStatus.INFEASIBLE,
            objective=1_000_120.0,
            bound=1_000_040.0,
            seconds=2.5,
        ),
        terms=(
            PenaltyTerm(
                name="unmet_demand",
                description="People missing from minimum staffing",
                weight=1_000_000,
                value=1.0,
            ),
        ),
        conflicts=(
            Conflict(
                rule="min_staff",
                message="phone 08:00-10:00 on 05.01.2027 has 1 of 2",
                day=TUE,
            ),
        ),
    )


def backlog_team() -> Team:
    """Three caseworkers and five cases, two on the shelf."""
    return make_team(
        staff=(
            make_staff("ann", name="Ann Arbor"),
            make_staff("bo", name=FORMULA_NAME),
            make_staff("cy", name="Cy Young", casework=False),
        ),
        cases=(
            make_case("c1", owner="ann", effort_by_staff={"bo": 2.0}),
            make_case("c2", owner="ann", effort_hours=6.0),
            make_case("c3", effort_hours=3.0, deadline=date(2027, 1, 8)),
            make_case("c4", effort_hours=5.0),
            make_case("c5", effort_hours=1.0, type="pension"),
        ),
    )


def skill_conflict() -> Conflict:
    """A backlog warning in English and Danish: a case nobody can take."""
    said = texts(
        "conflict.skill.one",
        need=texts("conflict.skill.casework"),
        why=texts("conflict.skill.nobody"),
        ids="c9",
    )
    return Conflict(rule="skill", message=said["en"], texts=dict(said))


def _said(field: str, key: str, **fields: object) -> dict[str, Any]:
    """A result's text field (``reason``, ``risk``) with its texts in
    every language, as the solver writes them."""
    said = texts(key, **fields)
    return {field: said["en"], f"{field}_texts": said}


def backlog_result(**overrides: Any) -> BacklogResult:
    """c1 moves ann -> bo, c2 stays, c3 new to bo (late), c4/c5 shelf.

    Every text is in English and Danish, as the solver writes them.
    """
    fields: dict[str, Any] = {
        "stats": SolveStats(
            status=SolveStatus.OPTIMAL, objective=50.0, bound=50.0
        ),
        "assignments": (
            CaseAssignment(
                case_id="c1",
                staff_id="bo",
                previous_owner="ann",
                planned_start=MON,
                planned_finish=MON,
                move_reason=MoveReason.ALLOWED,
                **_said("reason", "reason.allowed"),
            ),
            CaseAssignment(
                case_id="c2",
                staff_id="ann",
                previous_owner="ann",
                planned_start=MON,
                planned_finish=TUE,
            ),
            CaseAssignment(
                case_id="c3",
                staff_id="bo",
                planned_start=TUE,
                planned_finish=date(2027, 1, 11),
                late=True,
                **_said(
                    "risk",
                    "risk.queue_late",
                    whose={"en": "Bo's", "da": "Bos"},
                    finish=date(2027, 1, 11),
                    deadline=date(2027, 1, 8),
                ),
            ),
            CaseAssignment(
                case_id="c4",
                staff_id=None,
                queue="any",
                queue_place=2,
                wait_reason=WaitReason.QUEUE,
                **_said(
                    "reason",
                    "reason.queue",
                    cases=texts("count.case"),
                    queue=texts("queue.any"),
                    first="c5",
                ),
            ),
            CaseAssignment(
                case_id="c5",
                staff_id=None,
                queue="any",
                queue_place=1,
                wait_reason=WaitReason.FULL,
                **_said(
                    "reason",
                    "reason.full",
                    hours={"en": "1 h", "da": "1 t"},
                    room={"en": "0 h", "da": "0 t"},
                    who="Ann Arbor",
                ),
            ),
        ),
        "terms": (
            PenaltyTerm(
                name="moves",
                description="Cases moved",
                weight=30,
                value=1,
                texts={"en": "Cases moved", "da": "Sager flyttet"},
            ),
        ),
        "capacity_hours": {"ann": 12.0, "bo": 10.0, "cy": 0.0},
        "move_budget": 4,
    }
    fields.update(overrides)
    return BacklogResult(**fields)
