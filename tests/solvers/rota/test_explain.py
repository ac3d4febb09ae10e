"""Infeasible rotas: conflicts in the planner's words, a relaxed rota."""

from __future__ import annotations

from datetime import date

from balancer.domain import (
    AbsenceReason,
    Rules,
    SkillRequirement,
    Weekday,
    WorkDay,
)
from balancer.result import SolveStatus
from balancer.solvers.rota import solve_rota
from balancer.solvers.rota.explain import demand_conflicts
from balancer.solvers.runner import SolveParams
from balancer.validate.rota import check_rota
from tests.factories import (
    make_absence,
    make_duty,
    make_slot,
    make_staff,
    make_team,
)
from tests.solvers.rota.helpers import FAST, JANUARY, MONDAYS

MON = (Weekday.MON,)


def unstaffable_team():  # type: ignore[no-untyped-def]
    """Mon 4 Jan: the only English speaker is away, Bo works Tue-Fri."""
    english = SkillRequirement(skill="english", min_level=2)
    return make_team(
        staff=(
            make_staff("ann", name="Anna", skills={"english": 2}),
            make_staff(
                "bo",
                name="Bo",
                pattern=tuple(WorkDay(weekday=d) for d in range(1, 5)),
            ),
            make_staff("cy", name="Cy"),
        ),
        duties=(
            make_duty(
                slots=(
                    make_slot(
                        weekdays=MON, min_staff=2, requirements=(english,)
                    ),
                ),
            ),
        ),
        absences=(
            make_absence("ann", MONDAYS[0], reason=AbsenceReason.VACATION),
        ),
    )


def test_pre_check_names_who_is_unavailable_and_why() -> None:
    conflicts = demand_conflicts(unstaffable_team(), JANUARY)
    assert [c.day for c in conflicts] == [MONDAYS[0], MONDAYS[0]]
    staffing, skills = conflicts
    assert staffing.rule == "minimum_staffing"
    assert staffing.message == (
        "Mon 4 Jan 08:00-10:00: phone needs 2; only 1 can "
        "(Anna on vacation, Bo doesn't work Mondays)"
    )
    assert skills.rule == "required_skills"
    assert skills.message == (
        "Mon 4 Jan 08:00-10:00: phone needs 1 with english (level 2+); "
        "only 0 can (Anna on vacation)"
    )
    assert staffing.text("da") == (
        "man. 4. jan. 08:00-10:00: phone kræver 2; kun 1 kan "
        "(Anna på ferie, Bo arbejder ikke om mandagen)"
    )


def test_infeasible_team_gets_conflicts_and_a_relaxed_rota() -> None:
    team = unstaffable_team()
    result = solve_rota(team, JANUARY, FAST)
    assert result.status is SolveStatus.INFEASIBLE
    assert result.relaxed
    assert {c.rule for c in result.conflicts} == {
        "minimum_staffing",
        "required_skills",
    }
    # The relaxed rota breaks only the demands of Mon 4 Jan, as little as
    # possible: Cy stands there alone; the other Mondays are fully staffed.
    broken = check_rota(team, JANUARY, result.assignments)
    assert {(v.rule, v.day) for v in broken} == {
        ("minimum_staffing", MONDAYS[0]),
        ("required_skills", MONDAYS[0]),
    }
    on_first = [a.staff_id for a in result.assignments if a.day == MONDAYS[0]]
    assert on_first == ["cy"]
    assert result.terms[0].name == "unmet_demand"
    assert result.terms[0].value == 2.0  # one person and one skill short


def test_limits_that_clash_with_demands_are_named() -> None:
    """Ann alone, one duty day a week, but duty on Mon and Tue."""
    team = make_team(
        staff=(make_staff("ann", name="Anna"),),
        duties=(
            make_duty(slots=(make_slot(weekdays=(Weekday.MON, Weekday.TUE)),)),
        ),
        rules=Rules(max_duty_days_per_week=1),
    )
    assert demand_conflicts(team, JANUARY) == []  # everyone is available
    result = solve_rota(team, JANUARY, FAST)
    assert result.status is SolveStatus.INFEASIBLE and result.relaxed
    # One of Mon/Tue goes unstaffed in each of the four weeks.
    assert len(result.conflicts) == 4
    message = result.conflicts[0].message
    assert "needs 1; the best rota gives 0" in message
    assert "Anna (1 duty days that week, max 1)" in message
    broken = check_rota(team, JANUARY, result.assignments)
    assert {v.rule for v in broken} == {"minimum_staffing"}
    assert all(c.day is not None for c in result.conflicts)
    assert date(2027, 1, 1) not in {c.day for c in result.conflicts}


def test_relaxed_progress_counts_people_missing_apart_from_points() -> None:
    """Not "best 4.5005e+07": the people missing, then the points.

    Ann alone, one duty day a week, duty on Mon and Tue: 4 people are
    missing whatever the rota (one day of four weeks).
    """
    from balancer.outputs.console import progress_line
    from balancer.solvers.runner import Progress

    team = make_team(
        staff=(make_staff("ann", name="Anna"),),
        duties=(
            make_duty(slots=(make_slot(weekdays=(Weekday.MON, Weekday.TUE)),)),
        ),
        rules=Rules(max_duty_days_per_week=1),
    )
    seen: list[Progress] = []
    params = SolveParams(time_limit=5, workers=1, on_progress=seen.append)
    result = solve_rota(team, JANUARY, params)
    assert result.relaxed and seen
    last = seen[-1]
    assert last.label == "demands, points"
    assert (last.missing, last.bound_missing) == (4, 4)
    assert 0 <= last.objective < 100_000  # the other goals alone
    line = progress_line(last)
    assert "e+" not in line
    assert "best 4 missing + " in line
    assert "bound 4 missing + " in line
