"""The candidate window for huge backlogs and the model-aware first plan."""

from __future__ import annotations

import time
from typing import TYPE_CHECKING

from balancer.domain import CaseStatus
from balancer.result import SolveStats, SolveStatus, WaitReason
from balancer.solvers.cases import balance_backlog, data, model, window
from balancer.solvers.cases.constraints import HARD_RULES
from balancer.solvers.cases.hint import greedy_hint
from balancer.solvers.cases.model import build
from balancer.solvers.runner import SolveParams
from balancer.validate.cases import check_backlog
from tests.factories import make_case, make_staff
from tests.solvers.cases.helpers import (
    MONDAY,
    backlog_team,
    data_for,
    pack_team,
    solve_built,
)

if TYPE_CHECKING:
    import pytest

FAST = SolveParams(time_limit=10, workers=1)


def test_window_admits_the_queue_head_up_to_its_depth() -> None:
    # Two people with 60 free minutes each; depth 3 admits 360 minutes
    # of 60-minute cases in queue order: the first six, the rest none.
    offers = [(None, {"ann": 60, "bo": 60}) for _ in range(10)]
    kept = window.window(offers, {"ann": 60, "bo": 60})
    admitted = [bool(k) for k in kept]
    assert admitted == [True] * 6 + [False] * 4


def test_window_keeps_the_owner_and_at_most_width_others() -> None:
    people = {f"p{i}": 600 for i in range(window.WIDTH + 3)}
    offers = [("p0", dict.fromkeys(people, 30))]
    (kept,) = window.window(offers, people)
    assert "p0" in kept
    assert len(kept) <= window.WIDTH + 1


def test_nothing_is_admitted_without_free_time() -> None:
    kept = window.window([(None, {"ann": 30})], {"ann": 0})
    assert kept == [set()]


def test_windowed_plan_passes_the_validator(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # Force the window on a tiny team: 8 h each, 30 one-hour cases.
    monkeypatch.setattr(data, "WINDOW_PAIRS", 0)
    team = pack_team(
        *(make_case(f"c{i:02}", effort_hours=1) for i in range(30))
    )
    result = balance_backlog(team, MONDAY, FAST, horizon_days=1)
    assert result.status.has_plan
    entries = result.assignments
    assert check_backlog(team, MONDAY, entries, horizon_days=1) == []
    placed = [a for a in result.assignments if a.staff_id is not None]
    assert len(placed) == 16  # both full: 8 h each
    reasons = {a.wait_reason for a in result.assignments if not a.staff_id}
    assert reasons <= {WaitReason.FULL, WaitReason.NOT_WEIGHED}


def test_greedy_hint_fits_every_hard_rule() -> None:
    # Ann may take only the tax cases; Bo anything. The hint must be a
    # plan the model accepts, shelf rule included.
    team = backlog_team(
        *(
            make_case(f"c{i}", effort_hours=3, skill="tax" if i % 2 else None)
            for i in range(8)
        ),
        staff=(make_staff("ann", skills={"tax": 1}), make_staff("bo")),
    )
    prepared = data_for(team)
    owners = greedy_hint(prepared)
    built = build(prepared, rules=HARD_RULES, goals=())
    built.variables.hint(owners)
    for var, value in zip(
        built.model.proto.solution_hint.vars,
        built.model.proto.solution_hint.values,
        strict=True,
    ):
        proxy = built.model.get_int_var_from_proto_index(var)
        built.model.add(proxy == value)
    status, _ = solve_built(built)
    assert status is SolveStatus.OPTIMAL
    assert sum(o is not None for o in owners.values()) == 4  # 2 x 8 h / 3 h


def test_fallback_plan_keeps_every_hard_rule() -> None:
    """Without a CP-SAT plan in time the greedy plan is returned, valid."""
    team = backlog_team(
        make_case(
            "mine", owner="ann", status=CaseStatus.ASSIGNED, may_move=True
        ),
        *(make_case(f"c{i}", effort_hours=3) for i in range(6)),
    )
    prepared = data_for(team, max_moves=0)
    owners = greedy_hint(prepared)
    stats = SolveStats(status=SolveStatus.TIME_LIMIT, seconds=1.0)
    result = model.fallback_result(prepared, owners, stats, {})
    assert result.status is SolveStatus.FEASIBLE
    assert result.stats.objective is None and result.stats.bound is None
    assert "greedy" in result.stats.phases[-1]
    assert (
        check_backlog(
            team, MONDAY, result.assignments, max_moves=0, horizon_days=1
        )
        == []
    )
    # Ann keeps her case: no move, so even a budget of 0 allows it.
    assert model.within_budget(data_for(team, max_moves=0), owners)
    moved = {**owners, "mine": "bo"}
    assert not model.within_budget(data_for(team, max_moves=0), moved)


def test_no_time_left_returns_the_first_plan_without_building() -> None:
    """When reading the data used up the limit, the search is skipped.

    The time limit must hold within a second even when the model would
    take longer to build than the planner allowed.
    """
    team = backlog_team(
        *(make_case(f"c{i}", effort_hours=3) for i in range(6))
    )
    prepared = data_for(team)
    owners = greedy_hint(prepared)
    long_ago = time.perf_counter() - 100
    result = model.solve(prepared, SolveParams(time_limit=1), owners, long_ago)
    assert result.status is SolveStatus.FEASIBLE
    assert "greedy" in result.stats.phases[-1]
    assert result.assignments
    assert (
        check_backlog(team, MONDAY, result.assignments, horizon_days=1) == []
    )
