"""Keeping a published rota: pins, the frozen past, fewest changes.

``kept_rota`` (hard) is shown like every rule: feasible alone, infeasible
once a variable is fixed against it. ``rota_changes`` (soft) gets exact
values checked against the validator's ``count_changes``. Whole solves
are re-checked by the validator.
"""

from __future__ import annotations

from datetime import date

import pytest

from balancer.domain import Rules, Weekday
from balancer.result import RotaBaseline, SolveStatus
from balancer.solvers.rota import solve_rota
from balancer.solvers.rota.constraints import HARD_RULES, kept_rota
from balancer.solvers.rota.kept import kept_conflicts
from balancer.solvers.rota.model import build_model
from balancer.solvers.rota.objectives import ObjectiveContext, rota_changes
from balancer.solvers.rota.shares import compute_shares
from balancer.validate.rota import check_rota, count_changes
from tests.factories import (
    make_absence,
    make_duty,
    make_slot,
    make_staff,
    make_team,
)
from tests.solvers.rota.helpers import FAST, JANUARY, MONDAYS, rota, run

MON = (Weekday.MON,)


def monday_team(**fields):  # type: ignore[no-untyped-def]
    """Ann, Bo and Cy; one phone slot 08-10 on Mondays, one person."""
    fields.setdefault("duties", (make_duty(slots=(make_slot(weekdays=MON),)),))
    fields.setdefault(
        "staff", (make_staff("ann"), make_staff("bo"), make_staff("cy"))
    )
    return make_team(**fields)


#: Four Mondays, one person each: Ann, Bo, Cy, Ann.
PUBLISHED = rota(
    ("ann", MONDAYS[0], "phone", 0),
    ("bo", MONDAYS[1], "phone", 0),
    ("cy", MONDAYS[2], "phone", 0),
    ("ann", MONDAYS[3], "phone", 0),
)


def kept_only(team, baseline):  # type: ignore[no-untyped-def]
    """The model with only the kept-rota rule (and no goals)."""
    built = build_model(team, JANUARY, rules=(), goals=())
    kept_rota(built.variables, baseline)
    return built


# -- the hard rule ----------------------------------------------------------


def test_a_pinned_hand_edit_holds_and_cannot_be_undone() -> None:
    team = monday_team()
    [bo_first] = rota(("bo", MONDAYS[0], "phone", 0))
    baseline = RotaBaseline(current=PUBLISHED, pinned=(bo_first,))
    built = kept_only(team, baseline)
    assert run(built).status is SolveStatus.OPTIMAL
    built.variables.fix("bo", MONDAYS[0], "phone", 0, False)
    assert run(built).status is SolveStatus.INFEASIBLE


def test_a_removed_assignment_stays_out() -> None:
    team = monday_team()
    [ann_first] = rota(("ann", MONDAYS[0], "phone", 0))
    built = kept_only(team, RotaBaseline(removed=(ann_first,)))
    assert run(built).status is SolveStatus.OPTIMAL
    built.variables.fix("ann", MONDAYS[0], "phone", 0, True)
    assert run(built).status is SolveStatus.INFEASIBLE


def test_frozen_days_keep_the_current_rota_exactly() -> None:
    # Frozen until the second Monday: Ann on the 1st and Bo on the 2nd
    # stay, and nobody else may join them; later Mondays are free.
    team = monday_team()
    baseline = RotaBaseline(current=PUBLISHED, frozen_until=MONDAYS[1])
    built = kept_only(team, baseline)
    assert run(built).status is SolveStatus.OPTIMAL
    built.variables.fix("cy", MONDAYS[1], "phone", 0, True)
    assert run(built).status is SolveStatus.INFEASIBLE
    later = kept_only(team, baseline)
    later.variables.fix("cy", MONDAYS[3], "phone", 0, True)
    later.variables.fix("ann", MONDAYS[3], "phone", 0, False)
    assert run(later).status is SolveStatus.OPTIMAL


def test_pinning_someone_who_is_absent_is_infeasible() -> None:
    team = monday_team(absences=(make_absence("bo", MONDAYS[0]),))
    [bo_first] = rota(("bo", MONDAYS[0], "phone", 0))
    built = kept_only(team, RotaBaseline(pinned=(bo_first,)))
    assert run(built).status is SolveStatus.INFEASIBLE


# -- the soft goal ----------------------------------------------------------


def changes_on(team, baseline, assignments):  # type: ignore[no-untyped-def]
    """rota_changes on a pinned rota; the validator must agree."""
    built = build_model(team, JANUARY, rules=(), goals=())
    context = ObjectiveContext(
        built.variables, compute_shares(team, JANUARY), baseline=baseline
    )
    term = rota_changes(context)
    assert term is not None
    built.model.minimize(term.expr)
    built.variables.pin(assignments)
    done = run(built)
    assert done.status is SolveStatus.OPTIMAL
    got = term.value(done.solver)
    assert got == count_changes(baseline.current, assignments)
    return got


def test_rota_changes_counts_additions_and_removals() -> None:
    team = monday_team()
    baseline = RotaBaseline(current=PUBLISHED)
    # Unchanged: 0. Cy instead of Ann on the 4th Monday: one removed, one
    # added = 2. Bo added beside Ann on the 1st: 1.
    assert changes_on(team, baseline, PUBLISHED) == 0
    swapped = (*PUBLISHED[:3], *rota(("cy", MONDAYS[3], "phone", 0)))
    assert changes_on(team, baseline, swapped) == 2
    extra = (*PUBLISHED, *rota(("bo", MONDAYS[0], "phone", 0)))
    assert changes_on(team, baseline, extra) == 1


def test_a_duty_the_person_can_no_longer_take_is_a_change() -> None:
    # Ann is now sick on the 1st Monday: her published slot there has no
    # variable, so dropping it is a change whatever the solver does (1),
    # and Bo covering it is another (1).
    team = monday_team(absences=(make_absence("ann", MONDAYS[0]),))
    baseline = RotaBaseline(current=PUBLISHED)
    covered = (*rota(("bo", MONDAYS[0], "phone", 0)), *PUBLISHED[1:])
    assert changes_on(team, baseline, covered) == 2


def test_rota_changes_is_not_built_without_weight() -> None:
    team = monday_team()
    built = build_model(team, JANUARY, rules=(), goals=())
    context = ObjectiveContext(
        built.variables,
        compute_shares(team, JANUARY),
        baseline=RotaBaseline(current=PUBLISHED, change_weight=0),
    )
    assert rota_changes(context) is None


# -- whole solves -------------------------------------------------------------


def test_keep_changes_nothing_but_the_hand_edit() -> None:
    # The planner puts Cy on the 1st Monday instead of Ann: Cy, Bo, Cy,
    # Ann is as fair as before (2, 1, 1 slots), so nothing else moves.
    team = monday_team()
    [ann_first] = PUBLISHED[:1]
    [cy_first] = rota(("cy", MONDAYS[0], "phone", 0))
    edited = (cy_first, *PUBLISHED[1:])
    baseline = RotaBaseline(
        current=edited, pinned=(cy_first,), removed=(ann_first,)
    )
    result = solve_rota(team, JANUARY, FAST, baseline=baseline)
    assert result.status is SolveStatus.OPTIMAL
    assert set(result.assignments) == set(edited)
    assert check_rota(team, JANUARY, result.assignments) == []
    changes = next(t for t in result.terms if t.name == "rota_changes")
    assert changes.value == 0


def test_a_sick_call_is_covered_with_two_changes_fairest_first() -> None:
    # Ann falls sick on the 4th Monday. Removing her is one change, adding
    # a cover another; of Bo and Cy (one slot each, Ann two) either keeps
    # fairness the same, so exactly 2 changes and Ann is off that day.
    team = monday_team(absences=(make_absence("ann", MONDAYS[3]),))
    baseline = RotaBaseline(current=PUBLISHED, frozen_until=MONDAYS[2])
    result = solve_rota(team, JANUARY, FAST, baseline=baseline)
    assert result.status is SolveStatus.OPTIMAL
    assert check_rota(team, JANUARY, result.assignments) == []
    assert count_changes(PUBLISHED, result.assignments) == 2
    assert set(result.assignments) >= set(PUBLISHED[:3])
    last = [a for a in result.assignments if a.day == MONDAYS[3]]
    assert [a.staff_id for a in last] in (["bo"], ["cy"])


def test_with_a_lower_change_weight_fairness_may_move_a_slot() -> None:
    # The current rota gives Cy three Mondays (fair share 8/3 h, so Cy is
    # 3.3 h over). At 1000 points a change nothing moves; at 1 point a
    # change fairness (100 points an hour) moves Cy's slots to others.
    team = monday_team(
        duties=(make_duty(slots=(make_slot(weekdays=MON),)),),
    )
    [cy_first] = rota(("cy", MONDAYS[0], "phone", 0))
    current = (cy_first, *rota(("cy", MONDAYS[1], "phone", 0)))
    current += PUBLISHED[2:3] + rota(("cy", MONDAYS[3], "phone", 0))
    strict = solve_rota(
        team, JANUARY, FAST, baseline=RotaBaseline(current=current)
    )
    loose = solve_rota(
        team,
        JANUARY,
        FAST,
        baseline=RotaBaseline(current=current, change_weight=1),
    )
    assert count_changes(current, strict.assignments) == 0
    assert count_changes(current, loose.assignments) > 0
    counts = {p: 0 for p in ("ann", "bo", "cy")}
    for a in loose.assignments:
        counts[a.staff_id] += 1
    assert max(counts.values()) <= 2


# -- explanations -------------------------------------------------------------


def test_an_edit_onto_an_absent_person_is_named_with_the_reason() -> None:
    team = monday_team(absences=(make_absence("bo", MONDAYS[0]),))
    [bo_first] = rota(("bo", MONDAYS[0], "phone", 0))
    baseline = RotaBaseline(current=(bo_first,), pinned=(bo_first,))
    result = solve_rota(team, JANUARY, FAST, baseline=baseline)
    assert result.status is SolveStatus.INFEASIBLE
    assert not result.assignments
    [conflict] = result.conflicts
    assert conflict.rule == "kept_rota"
    assert "Bo on Mon 4 Jan 08:00-10:00 phone (hand edit)" in conflict.message
    assert conflict.message.endswith("away")


def test_edits_that_break_a_limit_name_the_rule_and_the_edits() -> None:
    # Two slots on Mondays, at most one slot a day: pinning Bo on both
    # breaks max_slots_per_day, and the explanation says so.
    team = monday_team(
        duties=(
            make_duty(
                slots=(
                    make_slot("08:00", "10:00", weekdays=MON),
                    make_slot("10:00", "12:00", weekdays=MON),
                )
            ),
        ),
        rules=Rules(max_slots_per_day=1),
    )
    # Pinning Cy a week later breaks nothing and is left out.
    both = rota(
        ("bo", MONDAYS[0], "phone", 0),
        ("bo", MONDAYS[0], "phone", 1),
        ("cy", MONDAYS[1], "phone", 0),
    )
    baseline = RotaBaseline(current=both, pinned=both)
    conflicts = kept_conflicts(team, JANUARY, baseline, HARD_RULES)
    [conflict] = conflicts
    assert conflict.rule == "max_slots_per_day"
    assert conflict.message.startswith(
        "The hand edits break the rule that nobody has more duty slots in "
        "a day"
    )
    danish = conflict.text("da")
    assert danish.startswith(
        "Rettelserne i hånden bryder reglen om, at ingen har flere vagter"
    )
    assert "Bo på man. 4. jan. 08:00-10:00 phone (rettet i hånden)" in danish
    assert "Bo on Mon 4 Jan 08:00-10:00 phone (hand edit)" in conflict.message
    assert "Bo on Mon 4 Jan 10:00-12:00 phone (hand edit)" in conflict.message
    assert "Cy" not in conflict.message
    result = solve_rota(team, JANUARY, FAST, baseline=baseline)
    assert result.status is SolveStatus.INFEASIBLE
    assert [c.rule for c in result.conflicts] == ["max_slots_per_day"]


@pytest.mark.parametrize("until", [None, date(2027, 1, 31)])
def test_edits_that_can_hold_have_no_conflicts(until: date | None) -> None:
    team = monday_team()
    baseline = RotaBaseline(
        current=PUBLISHED, pinned=PUBLISHED[:1], frozen_until=until
    )
    assert kept_conflicts(team, JANUARY, baseline) == []
