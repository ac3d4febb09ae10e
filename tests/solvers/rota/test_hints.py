"""A starting rota becomes a complete hint, priced by the real objective."""

from __future__ import annotations

import pytest

from balancer.inputs.demo import make_demo_team
from balancer.result import DutyAssignment
from balancer.solvers.planning import solve_rota
from balancer.solvers.rota.greedy import greedy_rota
from balancer.solvers.rota.hints import complete_hint
from balancer.solvers.rota.model import build_model
from balancer.validate.rota import check_rota, score_rota
from tests.factories import JANUARY
from tests.solvers.rota.helpers import FAST


def test_a_valid_rota_is_hinted_in_full_at_its_exact_cost() -> None:
    team = make_demo_team(JANUARY, staff=12, cases=0)
    built = build_model(team, JANUARY, exact=False)
    # Any valid rota will do: a short solve's (it starts from a rota that
    # keeps every rule, so it has one however loaded the machine is).
    rota = solve_rota(team, JANUARY, FAST).assignments
    assert rota
    assert check_rota(team, JANUARY, rota) == []
    priced = complete_hint(built, rota)
    assert priced is not None
    cost = priced.cost
    # Pinned, every one-sided penalty drops to its exact value, so the
    # price is the validator's weighted score of the same rota.
    weights = team.weights
    expected = sum(
        getattr(weights, name) * value
        for name, value in score_rota(team, JANUARY, rota).items()
    )
    assert cost / built.shares.per_unit == pytest.approx(expected)
    hint = built.model.proto.solution_hint
    assert len(hint.vars) == len(built.model.proto.variables)


def test_a_rota_breaking_a_rule_is_only_a_guide() -> None:
    team = make_demo_team(JANUARY, staff=12, cases=0)
    built = build_model(team, JANUARY, exact=False)
    rota = greedy_rota(built.variables, built.shares)
    # Everyone on the first slot instance breaks its maximum staffing.
    first = built.variables.instances()[0]
    crowd = [
        DutyAssignment(
            staff_id=staff_id,
            day=first.day,
            duty_id=first.duty_id,
            slot_index=first.slot_index,
        )
        for staff_id, _ in built.variables.staff_on(first)
    ]
    assert len(crowd) > first.slot.maximum
    assert complete_hint(built, [*rota, *crowd]) is None
    hint = built.model.proto.solution_hint
    assert len(hint.vars) == len(built.variables)
