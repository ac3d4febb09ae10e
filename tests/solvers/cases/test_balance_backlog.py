"""End to end: every solve is re-checked by the independent validator."""

from __future__ import annotations

import random
from datetime import date, timedelta

import pytest

from balancer.domain import CaseStatus, Priority, Rules, Team
from balancer.result import (
    DutyAssignment,
    MoveReason,
    SolveStatus,
    WaitReason,
)
from balancer.solvers.cases import BacklogOptions, balance_backlog
from balancer.solvers.runner import SolveParams
from balancer.validate.cases import check_backlog
from tests.factories import make_absence, make_case, make_duty, make_staff
from tests.solvers.cases.helpers import MONDAY, NO_WEIGHTS, backlog_team

FAST = SolveParams(time_limit=10, workers=1)


def _random_team(seed: int) -> Team:
    """A small mixed team: skills, owners, kept cases, groups, deadlines."""
    rng = random.Random(seed)
    staff = tuple(
        make_staff(
            f"s{i}",
            fte=rng.choice([1.0, 0.8, 0.5]),
            skills={"tax": rng.randint(1, 3), "pension": rng.randint(1, 3)},
            casework=i != 0 or seed % 2 == 0,
        )
        for i in range(4)
    )
    cases = []
    for i in range(24):
        owner = rng.choice([None, None, "s1", "s2", "s3"])
        status = (
            rng.choice([CaseStatus.ASSIGNED, CaseStatus.IN_PROGRESS])
            if owner
            else CaseStatus.NEW
        )
        received = MONDAY - timedelta(days=rng.randint(0, 60))
        cases.append(
            make_case(
                f"c{i}",
                skill=rng.choice(["tax", "pension", None]),
                min_level=rng.randint(1, 2),
                effort_hours=rng.choice([1, 2, 3, 4, 6, 8]),
                received=received,
                deadline=rng.choice(
                    [None, MONDAY + timedelta(days=rng.randint(0, 14))]
                ),
                priority=rng.choice(list(Priority)),
                owner=owner,
                status=status,
                group=rng.choice([None, None, None, "g1", "g2"]),
            )
        )
    # A group kept by two people can't hold; keep the generator valid.
    kept_groups: dict[str, str] = {}
    fixed = []
    for case in cases:
        if (
            case.fixed
            and case.group
            and case.owner
            and kept_groups.setdefault(case.group, case.owner) != case.owner
        ):
            case = case.model_copy(update={"group": None})
        fixed.append(case)
    return Team(
        staff=staff,
        duties=(make_duty(),),
        absences=(make_absence("s3", MONDAY, MONDAY + timedelta(days=2)),),
        rules=Rules(horizon_working_days=3),
        cases=tuple(fixed),
    )


@pytest.mark.parametrize("seed", range(6))
def test_random_teams_pass_the_validator(seed: int) -> None:
    team = _random_team(seed)
    rota = [
        DutyAssignment(
            staff_id="s1", day=MONDAY, duty_id="phone", slot_index=0
        )
    ]
    result = balance_backlog(team, MONDAY, FAST, rota=rota)
    assert result.status is SolveStatus.OPTIMAL
    assert len(result.assignments) == len(team.cases)
    assert check_backlog(team, MONDAY, result.assignments, rota=rota) == []
    assert set(result.capacity_hours) == {p.id for p in team.staff}
    assert [t.name for t in result.terms][:2] == [
        "balance_max",
        "balance_spread",
    ]


@pytest.mark.parametrize("seed", range(3))
def test_move_budget_respected_end_to_end(seed: int) -> None:
    # One move fewer than the free run makes: a plan within the budget,
    # or a clear explanation when the forced moves alone exceed it.
    team = _random_team(seed)
    free_run = balance_backlog(team, MONDAY, FAST)
    budget = max(0, sum(a.moved for a in free_run.assignments) - 1)
    result = balance_backlog(team, MONDAY, FAST, max_moves=budget)
    if result.status.has_plan:
        assert sum(a.moved for a in result.assignments) <= budget
        entries = result.assignments
        assert check_backlog(team, MONDAY, entries, max_moves=budget) == []
    else:
        assert result.status is SolveStatus.INFEASIBLE
        assert [c.rule for c in result.conflicts][-1] == "max_moves"


def test_a_case_of_an_owner_away_moves_within_the_budget() -> None:
    # Ann owns a case but is away all horizon: it may move (owner away).
    # Nobody works it with her, so it waits there as on the shelf: 70
    # shelf points x 5 against one move (30).
    team = backlog_team(
        make_case("c1", owner="ann", status=CaseStatus.ASSIGNED),
        absences=(make_absence("ann", MONDAY),),
        weights=NO_WEIGHTS.model_copy(update={"age": 5, "moves": 30}),
    )
    result = balance_backlog(team, MONDAY, FAST, horizon_days=1, max_moves=1)
    (entry,) = result.assignments
    assert (entry.staff_id, entry.move_reason) == ("bo", MoveReason.OWNER_AWAY)
    assert result.move_budget == 1
    assert (
        check_backlog(
            team, MONDAY, result.assignments, max_moves=1, horizon_days=1
        )
        == []
    )


def test_a_budget_of_zero_leaves_every_case_where_it_is() -> None:
    # The same case with no move left: it stays with Ann, and the plan
    # is still a plan (never infeasible for the budget).
    team = backlog_team(
        make_case("c1", owner="ann", status=CaseStatus.ASSIGNED),
        absences=(make_absence("ann", MONDAY),),
    )
    result = balance_backlog(team, MONDAY, FAST, horizon_days=1, max_moves=0)
    assert result.status is SolveStatus.OPTIMAL
    (entry,) = result.assignments
    assert entry.staff_id == "ann" and not entry.moved
    assert result.capacity_hours == {"ann": 0.0, "bo": 8.0}


def test_a_case_with_no_reason_to_move_stays() -> None:
    # Bo is idle and Ann holds two 4 h cases in her 8 h: balance would
    # move one, but Ann is neither away nor over capacity.
    team = backlog_team(
        make_case("c1", owner="ann", status=CaseStatus.ASSIGNED),
        make_case("c2", owner="ann", status=CaseStatus.ASSIGNED),
    )
    result = balance_backlog(team, MONDAY, FAST, horizon_days=1)
    assert {a.staff_id for a in result.assignments} == {"ann"}
    assert (
        check_backlog(team, MONDAY, result.assignments, horizon_days=1) == []
    )


def test_the_planner_may_allow_a_move() -> None:
    # The same, with c2 marked May move: balance now moves it to Bo.
    team = backlog_team(
        make_case("c1", owner="ann", status=CaseStatus.ASSIGNED),
        make_case(
            "c2", owner="ann", status=CaseStatus.ASSIGNED, may_move=True
        ),
    )
    result = balance_backlog(team, MONDAY, FAST, horizon_days=1)
    owners = {
        a.case_id: (a.staff_id, a.move_reason) for a in result.assignments
    }
    assert owners == {"c1": ("ann", None), "c2": ("bo", MoveReason.ALLOWED)}
    assert (
        check_backlog(team, MONDAY, result.assignments, horizon_days=1) == []
    )


def test_a_started_case_never_goes_back_to_the_shelf() -> None:
    # Ann is away and Bo has no room: her case in progress stays with
    # her; her assigned one may go back on the shelf (owner away).
    team = backlog_team(
        make_case("run", owner="ann", status=CaseStatus.IN_PROGRESS),
        make_case("new", owner="ann", status=CaseStatus.ASSIGNED),
        make_case(
            "big", owner="bo", status=CaseStatus.IN_PROGRESS, effort_hours=8
        ),
        absences=(make_absence("ann", MONDAY),),
    )
    result = balance_backlog(team, MONDAY, FAST, horizon_days=1)
    owners = {a.case_id: a.staff_id for a in result.assignments}
    assert owners["run"] == "ann"
    assert (
        check_backlog(team, MONDAY, result.assignments, horizon_days=1) == []
    )


def test_an_owner_below_the_level_keeps_the_case_flagged() -> None:
    team = backlog_team(
        make_case(
            "c1",
            owner="ann",
            status=CaseStatus.ASSIGNED,
            skill="tax",
            min_level=3,
        ),
        staff=(
            make_staff("ann", skills={"tax": 1}),
            make_staff("bo", skills={"tax": 3}),
        ),
    )
    result = balance_backlog(team, MONDAY, FAST, horizon_days=1)
    (entry,) = result.assignments
    assert (entry.staff_id, entry.below_level) == ("ann", True)
    assert (
        check_backlog(team, MONDAY, result.assignments, horizon_days=1) == []
    )


def test_group_kept_by_two_people_is_reported_and_waits() -> None:
    # Pinned with Ann and with Bo: its shelf case can follow neither.
    team = backlog_team(
        make_case("c1", group="g", owner="ann", pinned=True),
        make_case("c2", group="g", owner="bo", pinned=True),
        make_case("c3", group="g"),
    )
    result = balance_backlog(team, MONDAY, FAST, horizon_days=2)
    assert result.status is SolveStatus.OPTIMAL
    assert [c.rule for c in result.conflicts] == ["group"]
    waiting = {a.case_id: a.wait_reason for a in result.assignments}
    assert waiting["c3"] is WaitReason.GROUP
    assert (
        check_backlog(team, MONDAY, result.assignments, horizon_days=2) == []
    )


def test_case_nobody_may_take_stays_on_the_shelf_with_a_reason() -> None:
    team = backlog_team(
        make_case("c1", skill="tax", min_level=3, deadline=MONDAY),
        staff=(make_staff("ann", skills={"tax": 3}), make_staff("bo")),
        absences=(make_absence("ann", MONDAY),),
    )
    result = balance_backlog(team, MONDAY, FAST, horizon_days=1)
    (entry,) = result.assignments
    assert entry.staff_id is None and entry.late
    assert entry.wait_reason is WaitReason.NOBODY_QUALIFIED
    assert "nobody qualified is at work" in entry.reason
    assert [c.rule for c in result.conflicts] == ["skill"]
    # Every text is also written in Danish, naming people by name.
    assert entry.reason_texts == {
        "en": entry.reason,
        "da": "ingen kvalificeret er på arbejde i planperioden: tax på "
        "niveau 3 (Ann er væk)",
    }
    assert entry.risk_texts["da"] == (
        "venter på reolen til efter fristen man. 4. jan."
    )
    assert result.conflicts[0].texts["da"] == (
        "1 sag kræver tax på niveau 3 eller højere: ingen af dem, der har "
        "den (Ann), er på arbejde i planperioden (c1); den venter på reolen"
    )
    assert {t.name: t.texts["da"] for t in result.terms}["lateness"] == (
        "Timers arbejde, der ventes at ligge efter en frist."
    )
    assert (
        check_backlog(team, MONDAY, result.assignments, horizon_days=1) == []
    )


def test_kept_overload_is_reported() -> None:
    team = backlog_team(
        make_case(
            "big", owner="ann", status=CaseStatus.IN_PROGRESS, effort_hours=10
        )
    )
    result = balance_backlog(team, MONDAY, FAST, horizon_days=1)
    assert result.status is SolveStatus.OPTIMAL
    assert [c.rule for c in result.conflicts] == ["capacity"]
    assert result.capacity_hours["ann"] == -2.0


def test_min_cost_mode_solves_a_tiny_gap() -> None:
    # GAP: every job assigned, capacity holds, total fit cost minimal.
    # Ann's 8 h fit c1+c2 (5 h + 3 h) at cost 1+1; Bo would cost 4 each.
    # c3 (6 h) must then go to Bo at cost 2. Optimum 1 + 1 + 2 = 4.
    team = backlog_team(
        make_case("c1", effort_hours=5, cost_by_staff={"ann": 1, "bo": 4}),
        make_case("c2", effort_hours=3, cost_by_staff={"ann": 1, "bo": 4}),
        make_case("c3", effort_hours=6, cost_by_staff={"ann": 1, "bo": 2}),
        weights=NO_WEIGHTS.model_copy(update={"fit": 1}),
    )
    options = BacklogOptions(allow_shelf=False)
    result = balance_backlog(
        team, MONDAY, FAST, horizon_days=1, options=options
    )
    assert result.status is SolveStatus.OPTIMAL
    assert result.stats.objective == 4
    owners = {a.case_id: a.staff_id for a in result.assignments}
    assert owners == {"c1": "ann", "c2": "ann", "c3": "bo"}


def test_makespan_mode_solves_a_tiny_rcmax() -> None:
    # R||Cmax with per-person effort: Ann is fast on c1, Bo on c2.
    # Best: c1+c3 to Ann (1 + 3 = 4 h), c2 to Bo (2 h)? No: c3 to Bo
    # gives Ann 1 h, Bo 2 + 3 = 5 h; c3 to Ann gives max 4 h. Optimum 4.
    team = backlog_team(
        make_case("c1", effort_hours=6, effort_by_staff={"ann": 1}),
        make_case("c2", effort_hours=6, effort_by_staff={"bo": 2}),
        make_case("c3", effort_hours=3),
        weights=NO_WEIGHTS.model_copy(update={"balance_max": 1}),
    )
    options = BacklogOptions(allow_shelf=False, relative_balance=False)
    result = balance_backlog(
        team, MONDAY, FAST, horizon_days=1, options=options
    )
    assert result.status is SolveStatus.OPTIMAL
    (term,) = result.terms
    assert (term.name, term.value) == ("balance_max", 4.0)
    assert (
        check_backlog(team, MONDAY, result.assignments, horizon_days=1) == []
    )


def test_no_work_and_default_weights_still_give_a_result() -> None:
    result = balance_backlog(backlog_team(), MONDAY, FAST)
    assert result.status is SolveStatus.OPTIMAL
    assert result.assignments == ()


def test_fixed_cases_start_the_forecast() -> None:
    start = date(2027, 1, 4)
    team = backlog_team(
        make_case("k", owner="bo", status=CaseStatus.IN_PROGRESS)
    )
    result = balance_backlog(team, start, FAST, horizon_days=1)
    (entry,) = result.assignments
    assert (entry.staff_id, entry.planned_start) == ("bo", start)


def test_two_workers_search_with_the_stronger_relaxation(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """On two workers the full search is max_lp; a caller's choice wins."""
    from ortools.sat.python.cp_model import CpModel

    from balancer.solvers.cases import model
    from balancer.solvers.runner import SolveRun

    seen: list[SolveParams] = []
    real = model.run_model

    def spy(
        built: CpModel, params: SolveParams, time_limit: float | None = None
    ) -> SolveRun:
        seen.append(params)
        return real(built, params, time_limit=time_limit)

    monkeypatch.setattr(model, "run_model", spy)
    team = backlog_team(make_case("c1"), make_case("c2"))
    two = SolveParams(time_limit=5, workers=2)
    assert balance_backlog(team, MONDAY, two, hint={}).status.has_plan
    assert seen[-1].extra["subsolvers"] == model.SMALL_PORTFOLIO
    mine = SolveParams(time_limit=5, workers=2, extra={"subsolvers": []})
    balance_backlog(team, MONDAY, mine, hint={})
    assert seen[-1].extra["subsolvers"] == []
    balance_backlog(team, MONDAY, FAST, hint={})
    assert "subsolvers" not in seen[-1].extra
