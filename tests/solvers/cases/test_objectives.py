"""Each soft term's exact value on a hand-fixed plan, and the solver's pick.

Every test builds the model with no hard rules but the one needed and only
the goal under test, fixes the plan, and reads the term's value.
"""

from __future__ import annotations

from datetime import date

from balancer.domain import CaseStatus, Priority, Team, Weights
from balancer.solvers.cases.constraints import HARD_RULES, one_owner
from balancer.solvers.cases.data import BacklogData, BacklogOptions
from balancer.solvers.cases.model import build
from balancer.solvers.cases.objectives import (
    SOFT_GOALS,
    SoftGoal,
    balance_max,
    balance_spread,
    fit,
    lateness,
    moves,
    shelf,
)
from tests.factories import make_absence, make_case, make_staff
from tests.solvers.cases.helpers import (
    NO_WEIGHTS,
    backlog_team,
    data_for,
    pack_team,
    solve_built,
)


def term_value(
    data: BacklogData, goal: SoftGoal, fixes: dict[str, str | None]
) -> float:
    """The goal's value with every listed case fixed."""
    built = build(data, rules=[one_owner], goals=[goal])
    for case_id, staff_id in fixes.items():
        built.variables.fix(case_id, staff_id)
    _, solver = solve_built(built)
    (term,) = built.terms
    return solver.value(term.expr) / term.scale


def weights(**on: int) -> Weights:
    """Only the named goals switched on."""
    return NO_WEIGHTS.model_copy(update=on)


def test_goals_are_listed_in_report_order() -> None:
    assert [g.__name__ for g in SOFT_GOALS] == [
        "balance_max",
        "balance_spread",
        "lateness",
        "shelf",
        "moves",
        "fit",
    ]


def test_goal_with_zero_weight_adds_nothing() -> None:
    data = data_for(backlog_team(make_case("c1"), weights=NO_WEIGHTS))
    built = build(data)
    assert built.terms == ()


def test_balance_max_is_the_highest_utilisation() -> None:
    # Ann gets 4 of her 8 h (50 %), Bo 2 of 8 (25 %): the max is 50.
    team = backlog_team(
        make_case("c1", effort_hours=4),
        make_case("c2", effort_hours=2),
        weights=weights(balance_max=1),
    )
    data = data_for(team, options=BacklogOptions(aggregate=False))
    assert term_value(data, balance_max, {"c1": "ann", "c2": "bo"}) == 50


def test_balance_spread_is_highest_minus_lowest() -> None:
    # Same plan: 50 % - 25 % = 25 points.
    team = backlog_team(
        make_case("c1", effort_hours=4),
        make_case("c2", effort_hours=2),
        weights=weights(balance_spread=1),
    )
    data = data_for(team, options=BacklogOptions(aggregate=False))
    assert term_value(data, balance_spread, {"c1": "ann", "c2": "bo"}) == 25


def test_balance_counts_kept_cases() -> None:
    # Ann keeps 6 h in progress and gets nothing new: 75 % of 8 h.
    team = backlog_team(
        make_case(
            "k", owner="ann", status=CaseStatus.IN_PROGRESS, effort_hours=6
        ),
        make_case("c1", effort_hours=1),
        weights=weights(balance_max=1),
    )
    assert term_value(data_for(team), balance_max, {"c1": "bo"}) == 75


def test_absolute_balance_is_the_makespan_in_hours() -> None:
    # R||Cmax mode: Ann 4 h + 2 h, Bo 3 h -> the largest load is 6 h.
    team = backlog_team(
        make_case("c1", effort_hours=4),
        make_case("c2", effort_hours=2),
        make_case("c3", effort_hours=3),
        weights=weights(balance_max=1),
    )
    data = data_for(
        team, options=BacklogOptions(relative_balance=False, aggregate=False)
    )
    fixes = {"c1": "ann", "c2": "ann", "c3": "bo"}
    assert term_value(data, balance_max, fixes) == 6


def test_lateness_counts_work_queued_past_a_deadline() -> None:
    # Horizon Mon-Tue, 8 h a day. Ann gets an old case (target already
    # passed, 6 h) and a case due Monday (4 h). Work due by Monday is
    # 6 + 4 = 10 h against 8 h on Monday: 2 h late.
    team = backlog_team(
        make_case("old", effort_hours=6, received=date(2026, 11, 1)),
        make_case(
            "due",
            effort_hours=4,
            received=date(2027, 1, 3),
            deadline=date(2027, 1, 4),
        ),
        weights=weights(lateness=1),
    )
    data = data_for(team, days=2)
    assert term_value(data, lateness, {"old": "ann", "due": "ann"}) == 2
    # Split over two people nothing is late.
    assert term_value(data, lateness, {"old": "bo", "due": "ann"}) == 0


def test_lateness_counts_a_shelved_case_due_in_the_horizon() -> None:
    # The 4 h case due Monday stays on the shelf: 4 h late.
    team = backlog_team(
        make_case(
            "due",
            effort_hours=4,
            received=date(2027, 1, 3),
            deadline=date(2027, 1, 4),
        ),
        weights=weights(lateness=1),
    )
    assert term_value(data_for(team), lateness, {"due": None}) == 4


def test_shelf_points_are_priority_times_one_plus_age() -> None:
    # Both received 1 Dec 2026, 34 days before Monday 4 Jan: normal (2)
    # scores 2 x 35 = 70, urgent (4) scores 4 x 35 = 140; together 210.
    team = backlog_team(
        make_case("n"),
        make_case("u", priority=Priority.URGENT, effort_hours=5),
        weights=weights(age=1),
    )
    assert term_value(data_for(team), shelf, {"n": None, "u": None}) == 210


def _ann_holds(hours: float) -> BacklogData:
    """Monday-only horizon (8 h), Tuesday an ordinary 8 h day: Ann holds
    ``hours`` in progress and an 8 h case due Tuesday, over capacity."""
    team = backlog_team(
        make_case(
            "old",
            owner="ann",
            status=CaseStatus.IN_PROGRESS,
            effort_hours=hours,
        ),
        make_case(
            "due",
            owner="ann",
            status=CaseStatus.ASSIGNED,
            effort_hours=8,
            received=date(2027, 1, 3),
            deadline=date(2027, 1, 5),
        ),
        weights=weights(lateness=1),
    )
    return data_for(team, days=1, options=BacklogOptions(aggregate=False))


def test_lateness_counts_deadlines_after_the_horizon() -> None:
    # 10 h in progress: both may move. Kept with her, the second is
    # reached by Tuesday with 18 h of work against 16 h: 2 h late; with
    # Bo, none.
    data = _ann_holds(10)
    assert set(data.movable) == {"old", "due"}
    assert term_value(data, lateness, {"old": "ann", "due": "ann"}) == 2
    assert term_value(data, lateness, {"old": "ann", "due": "bo"}) == 0


def test_a_day_an_owners_case_is_due_counts_after_it_moves() -> None:
    # 20 h in progress. Kept: 28 h by Tuesday against 16 h, 12 h late.
    # Moved to Bo: Ann's Tuesday still counts, 20 h against 16 h, 4 h
    # (Bo's 8 h are on time). The day counts without an indicator,
    # which keeps the relaxation tight.
    data = _ann_holds(20)
    assert term_value(data, lateness, {"old": "ann", "due": "bo"}) == 4
    assert term_value(data, lateness, {"old": "ann", "due": "ann"}) == 12


def test_a_case_left_with_an_owner_away_waits_like_on_the_shelf() -> None:
    # Ann is away all horizon: her case (70 shelf points) waits with her
    # as it would on the shelf; with Bo it does not wait.
    team = backlog_team(
        make_case("c1", owner="ann", status=CaseStatus.ASSIGNED),
        absences=(make_absence("ann", date(2027, 1, 4)),),
        weights=weights(age=1),
    )
    data = data_for(team)
    assert term_value(data, shelf, {"c1": "ann"}) == 70
    assert term_value(data, shelf, {"c1": None}) == 70
    assert term_value(data, shelf, {"c1": "bo"}) == 0


def test_shelf_keeps_the_least_urgent_of_a_class() -> None:
    # Three interchangeable 4 h cases (one class) score 140, 70 and 68
    # (normal received 2 Dec: 2 x 34). With one placed, the two least
    # urgent stay: 70 + 68 = 138.
    team = pack_team(
        make_case("u", priority=Priority.URGENT),
        make_case("n"),
        make_case("m", received=date(2026, 12, 2)),
        weights=weights(age=1),
    )
    data = data_for(team)
    (k,) = data.classes
    built = build(data, rules=[one_owner], goals=[shelf])
    ann = built.variables.assign(k, "ann")
    bo = built.variables.assign(k, "bo")
    assert ann is not None and bo is not None
    built.model.add(ann == 1)
    built.model.add(bo == 0)
    built.model.minimize(built.terms[0].expr)
    _, solver = solve_built(built)
    assert solver.value(built.terms[0].expr) == 138


def test_moves_count_reassigned_and_shelved_cases() -> None:
    # Ann owned all three (free to move): c1 moves to Bo, c2 goes back
    # on the shelf, c3 stays: 2 moves.
    team = backlog_team(
        *(
            make_case(
                f"c{i}", owner="ann", status=CaseStatus.ASSIGNED, may_move=True
            )
            for i in (1, 2, 3)
        ),
        weights=weights(moves=1),
    )
    data = data_for(team, options=BacklogOptions(aggregate=False))
    fixes = {"c1": "bo", "c2": None, "c3": "ann"}
    assert term_value(data, moves, fixes) == 2


def test_fit_counts_levels_above_need_and_fit_cost() -> None:
    # Ann has pension 3 for a level-1 case (2 above) and the case costs
    # her 5 more: 7.
    team = backlog_team(
        make_case("c1", skill="pension", cost_by_staff={"ann": 5}),
        staff=(
            make_staff("ann", skills={"pension": 3}),
            make_staff("bo", skills={"pension": 1}),
        ),
        weights=weights(fit=1),
    )
    assert term_value(data_for(team), fit, {"c1": "ann"}) == 7
    assert term_value(data_for(team), fit, {"c1": "bo"}) == 0


# -- the solver picks the better option ------------------------------------


def _best(team: Team, days: int = 1) -> dict[str, str | None]:
    data = data_for(team, days=days)
    built = build(data, rules=HARD_RULES)
    status, solver = solve_built(built)
    assert status.has_plan
    return built.variables.extract(solver)


def test_solver_balances_by_relative_load() -> None:
    # Ann full time (8 h), Bo half time (4 h); six 1 h cases: 4 for Ann,
    # 2 for Bo puts both at 50 %.
    team = backlog_team(
        *(make_case(f"c{i}", effort_hours=1) for i in range(6)),
        staff=(make_staff("ann"), make_staff("bo", fte=0.5)),
        weights=weights(balance_max=1, balance_spread=1),
    )
    owners = _best(team)
    assert sum(o == "ann" for o in owners.values()) == 4
    assert sum(o == "bo" for o in owners.values()) == 2


def test_solver_prefers_the_junior_for_a_simple_case() -> None:
    team = backlog_team(
        make_case("c1", skill="pension"),
        staff=(
            make_staff("ann", skills={"pension": 3}),
            make_staff("bo", skills={"pension": 1}),
        ),
        weights=weights(fit=1),
    )
    assert _best(team) == {"c1": "bo"}


def test_solver_keeps_the_owner_when_moves_cost() -> None:
    team = backlog_team(
        make_case("c1", owner="ann", status=CaseStatus.ASSIGNED),
        weights=weights(moves=1),
    )
    assert _best(team) == {"c1": "ann"}


def test_solver_shelves_the_least_urgent_when_full() -> None:
    # Room for two 8 h cases; the fresh low-priority one stays.
    team = backlog_team(
        make_case("old", effort_hours=8),
        make_case(
            "urgent",
            effort_hours=8,
            priority=Priority.URGENT,
            received=date(2027, 1, 3),
        ),
        make_case(
            "fresh",
            effort_hours=8,
            priority=Priority.LOW,
            received=date(2027, 1, 3),
        ),
        weights=weights(age=1),
    )
    owners = _best(team)
    assert owners["fresh"] is None
    assert owners["old"] is not None and owners["urgent"] is not None


def test_solver_avoids_a_late_queue() -> None:
    # As in the lateness test: the old case and the due case go to
    # different people so the due case is done on Monday.
    team = backlog_team(
        make_case("old", effort_hours=6, received=date(2026, 11, 1)),
        make_case(
            "due",
            effort_hours=4,
            received=date(2027, 1, 3),
            deadline=date(2027, 1, 4),
        ),
        weights=weights(lateness=1),
    )
    owners = _best(team, days=2)
    assert owners["old"] != owners["due"]
