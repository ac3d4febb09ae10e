"""The two baselines share out cases by their own simple rules."""

from __future__ import annotations

from balancer.domain import CaseStatus
from balancer.solvers.cases.baselines import (
    baseline_plan,
    least_loaded,
    round_robin,
)
from balancer.solvers.cases.capacity import staff_capacity
from balancer.validate.cases import check_backlog
from tests.factories import make_case, make_staff
from tests.solvers.cases.helpers import MONDAY, backlog_team


def test_round_robin_takes_turns_per_case_type() -> None:
    # Two types, each with its own turn: a1 ann, a2 bo; b1 ann, b2 bo.
    team = backlog_team(
        make_case("a1", type="a", effort_hours=1),
        make_case("b1", type="b", effort_hours=1),
        make_case("a2", type="a", effort_hours=1),
        make_case("b2", type="b", effort_hours=1),
    )
    owners = round_robin(team, staff_capacity(team, MONDAY, horizon_days=1))
    assert owners == {"a1": "ann", "b1": "ann", "a2": "bo", "b2": "bo"}


def test_least_loaded_gives_to_the_lowest_utilisation() -> None:
    # Ann already keeps 6 h, so both new cases go to Bo.
    team = backlog_team(
        make_case(
            "k", owner="ann", status=CaseStatus.IN_PROGRESS, effort_hours=6
        ),
        make_case("c1", effort_hours=1),
        make_case("c2", effort_hours=1),
    )
    owners = least_loaded(team, staff_capacity(team, MONDAY, horizon_days=1))
    assert owners == {"k": "ann", "c1": "bo", "c2": "bo"}


def test_baselines_respect_skill_capacity_and_groups() -> None:
    team = backlog_team(
        *(
            make_case(f"c{i}", skill="tax", effort_hours=3, group=f"g{i % 2}")
            for i in range(6)
        ),
        staff=(make_staff("ann", skills={"tax": 1}), make_staff("bo")),
    )
    for name in ("round_robin", "least_loaded"):
        free, plan = baseline_plan(name, team, MONDAY, horizon_days=1)
        assert (
            check_backlog(
                team, MONDAY, plan, horizon_days=1, only_hard_rules=True
            )
            == []
        )
        # Only Ann has tax: two 3 h cases fit her 8 h, four stay shelved.
        assert sum(a.staff_id == "ann" for a in plan) == 2
        assert free == {"ann": 8.0, "bo": 8.0}


def test_baselines_keep_owned_cases_with_room() -> None:
    team = backlog_team(
        make_case("c1", owner="bo", status=CaseStatus.ASSIGNED),
        make_case("c2"),
    )
    _, plan = baseline_plan("round_robin", team, MONDAY, horizon_days=1)
    assert {a.case_id: a.staff_id for a in plan}["c1"] == "bo"
