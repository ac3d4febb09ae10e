"""The local search improves a starting rota and never breaks a limit."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest
from ortools.sat.python import cp_model

from balancer.inputs.demo import make_demo_team
from balancer.solvers.rota.greedy import greedy_rota
from balancer.solvers.rota.improve import improve_rota
from balancer.solvers.rota.shares import compute_shares
from balancer.solvers.rota.variables import RotaVariables
from balancer.validate.rota import check_rota, score_rota
from tests.factories import JANUARY

if TYPE_CHECKING:
    from balancer.domain import Team
    from balancer.result import DutyAssignment


def _points(team: Team, rota: list[DutyAssignment]) -> float:
    """The validator's weighted score: what the solver would minimise."""
    return sum(
        getattr(team.weights, name) * value
        for name, value in score_rota(team, JANUARY, rota).items()
    )


@pytest.fixture(scope="module")
def start() -> tuple[Team, RotaVariables, list[DutyAssignment]]:
    # The greedy start keeps every rule on the 24-person demo (not on
    # every 12-person month: it may leave a Friday short, which the
    # solver repairs), so the local search starts from a valid rota.
    team = make_demo_team(JANUARY, staff=24, cases=0)
    v = RotaVariables(cp_model.CpModel(), team, JANUARY)
    rota = greedy_rota(v, compute_shares(team, JANUARY))
    assert check_rota(team, JANUARY, rota) == []
    return team, v, rota


def test_local_search_breaks_no_rule(
    start: tuple[Team, RotaVariables, list[DutyAssignment]],
) -> None:
    team, v, rota = start
    better = improve_rota(v, compute_shares(team, JANUARY), rota, seconds=5)
    assert better != rota
    assert check_rota(team, JANUARY, better) == []


def test_local_search_lowers_the_weighted_score(
    start: tuple[Team, RotaVariables, list[DutyAssignment]],
) -> None:
    team, v, rota = start
    better = improve_rota(v, compute_shares(team, JANUARY), rota, seconds=5)
    assert _points(team, better) < 0.8 * _points(team, rota)


def test_no_time_leaves_the_rota_as_it_was(
    start: tuple[Team, RotaVariables, list[DutyAssignment]],
) -> None:
    team, v, rota = start
    same = improve_rota(v, compute_shares(team, JANUARY), rota, seconds=0)
    assert set(same) == set(rota)
