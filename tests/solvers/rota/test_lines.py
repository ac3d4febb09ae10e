"""The line-by-line first rota for teams with shift-work rules.

Curtois Instance1 (14 days, 8 staff, one shift type; copied into
``tests/data``) has every kind of personal shift-work rule: shifts of a
type, total minutes, runs of duty days and days off, weekends, fixed
days off. The day-by-day greedy breaks them; the line-by-line rota must
keep them all, as the independent validator checks.
"""

from __future__ import annotations

from pathlib import Path

from balancer.inputs.curtois import read_curtois
from balancer.solvers._cpsat import SolveParams
from balancer.solvers.rota.hints import complete_hint
from balancer.solvers.rota.lines import line_rota
from balancer.solvers.rota.model import build_model
from balancer.solvers.rota.solve import solve_rota
from balancer.validate.rota import check_rota, score_rota

INSTANCE1 = Path(__file__).parents[2] / "data" / "curtois" / "Instance1.txt"


def test_line_rota_keeps_every_shift_work_rule() -> None:
    instance = read_curtois(INSTANCE1)
    team, period = instance.team, instance.period
    rota = line_rota(team, period, time_limit=2, seed=1)
    assert rota is not None
    assert check_rota(team, period, rota) == []
    # Everyone's minimum minutes force work on every line.
    assert {a.staff_id for a in rota} == {p.id for p in team.staff}


def test_line_rota_is_a_complete_hint_priced_as_the_validator_does() -> None:
    instance = read_curtois(INSTANCE1)
    team, period = instance.team, instance.period
    rota = line_rota(team, period, time_limit=2, seed=1)
    assert rota is not None
    built = build_model(team, period, exact=False)
    cost = complete_hint(built, rota, time_limit=5)
    assert cost is not None
    # The validator's unweighted terms, weighted as the benchmark does.
    weights = team.weights.model_dump()
    terms = score_rota(team, period, rota)
    expected = sum(weights[name] * value for name, value in terms.items())
    assert cost / built.shares.per_unit == expected


def test_solve_rota_starts_shift_work_teams_from_the_lines() -> None:
    instance = read_curtois(INSTANCE1)
    team, period = instance.team, instance.period
    result = solve_rota(
        team, period, SolveParams(time_limit=4, workers=1, seed=1)
    )
    assert any(p.startswith("line-by-line start") for p in result.stats.phases)
    assert result.assignments
    assert check_rota(team, period, result.assignments) == []
