"""The line-by-line first rota for teams with shift-work rules.

Curtois Instance1 (14 days, 8 staff, one shift type; copied into
``tests/data``) has every kind of personal shift-work rule: shifts of a
type, total minutes, runs of duty days and days off, weekends, fixed
days off. The day-by-day greedy breaks them; the line-by-line rota must
keep them all, as the independent validator checks.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from ortools.sat.python import cp_model

from balancer.inputs.curtois import read_curtois
from balancer.solvers.rota import lines
from balancer.solvers.rota.hints import complete_hint
from balancer.solvers.rota.lines import LinePlanner, line_rota
from balancer.solvers.rota.model import build_model
from balancer.solvers.rota.search import solve_rota
from balancer.solvers.runner import SolveParams, SolveRun
from balancer.validate.rota import check_rota, score_rota

if TYPE_CHECKING:
    from balancer.domain import Period, Team
    from balancer.result import DutyAssignment

INSTANCE1 = Path(__file__).parents[2] / "data" / "curtois" / "Instance1.txt"


def _valid_lines(
    time_limit: float, seed: int
) -> tuple[Team, Period, list[DutyAssignment]]:
    """Instance1's line-by-line rota, checked to keep every rule."""
    instance = read_curtois(INSTANCE1)
    team, period = instance.team, instance.period
    rota = line_rota(
        team, period, time_limit=time_limit, params=SolveParams(seed=seed)
    )
    assert rota is not None
    assert check_rota(team, period, rota) == []
    return team, period, rota


def test_line_rota_keeps_every_shift_work_rule() -> None:
    team, _, rota = _valid_lines(time_limit=2, seed=1)
    # Everyone's minimum minutes force work on every line.
    assert {a.staff_id for a in rota} == {p.id for p in team.staff}


def test_line_rota_is_a_complete_hint_priced_as_the_validator_does() -> None:
    instance = read_curtois(INSTANCE1)
    team, period = instance.team, instance.period
    rota = line_rota(team, period, time_limit=2, params=SolveParams(seed=1))
    assert rota is not None
    built = build_model(team, period, exact=False)
    priced = complete_hint(built, rota, time_limit=5)
    assert priced is not None
    cost = priced.cost
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


#: Two days, one shift a day that needs one person. A works at most one
#: shift and would rather work Monday; B is off on Tuesday.
TRADE = """SECTION_HORIZON
2

SECTION_SHIFTS
D,480,

SECTION_STAFF
A,D=2,480,0,2,1,1,1
B,D=2,480,0,2,1,1,1

SECTION_DAYS_OFF
B,1

SECTION_SHIFT_ON_REQUESTS
A,0,D,1

SECTION_SHIFT_OFF_REQUESTS

SECTION_COVER
0,D,1,100,1
1,D,1,100,1
"""


def test_two_lines_trade_a_shift_no_single_line_would_give_up(
    tmp_path: Path,
) -> None:
    # A on Monday, B idle, Tuesday short: A alone won't move (she asked
    # for Monday), B alone can't help (Monday is covered, Tuesday off).
    # Together: B takes Monday and A Tuesday, one fewer shift short.
    path = tmp_path / "Trade.txt"
    path.write_text(TRADE, encoding="utf-8")
    instance = read_curtois(path)
    team, period = instance.team, instance.period
    monday, tuesday = period.days()
    planner = LinePlanner(team, period)
    # A first: she asked for Monday and takes it; then B: Monday is
    # covered and Tuesday is his day off, so he takes nothing.
    for staff_id in ("A", "B"):
        assert planner.plan(staff_id, 1.0)
    assert {(a.staff_id, a.day) for a in planner.rota()} == {("A", monday)}
    for staff_id in ("A", "B"):  # neither line alone finds a better plan
        before = planner.line(staff_id)
        assert planner.plan(staff_id, 1.0)
        assert planner.line(staff_id) == before

    assert planner.plan_pair("A", "B")

    rota = planner.rota()
    assert {(a.staff_id, a.day) for a in rota} == {
        ("A", tuesday),
        ("B", monday),
    }
    assert planner.staffed == {(monday, "D", 0): 1, (tuesday, "D", 0): 1}
    assert check_rota(team, period, rota) == []
    # Trading back would cost more: the pair is left as it is.
    assert not planner.plan_pair("A", "B")


def test_a_first_line_the_quick_search_misses_comes_from_the_portfolio(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # No quick-restart tries at all: every first line must come from the
    # last try, CP-SAT's two-worker portfolio, and keep every rule.
    monkeypatch.setattr(lines, "FIRST_LINE_LIMITS", ())
    team, _, rota = _valid_lines(time_limit=1, seed=1)
    assert {a.staff_id for a in rota} == {p.id for p in team.staff}


def test_first_lines_come_from_quick_restarts_beside_the_jump(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # Each person's first line is searched with the two-worker search
    # (quick restarts plus the feasibility jump), and only then priced
    # with the one-worker quick search; no portfolio is needed here.
    searches: list[str] = []
    run = lines.run_model

    def recording(
        model: cp_model.CpModel, params: SolveParams, **given: bool
    ) -> SolveRun:
        named = params.extra.get("subsolvers")
        if params.workers == 1:
            searches.append("quick")
        elif named == ["quick_restart"]:
            searches.append("first")
        else:
            searches.append("portfolio")
        return run(model, params, **given)

    monkeypatch.setattr(lines, "run_model", recording)
    team, _, _ = _valid_lines(time_limit=1, seed=0)
    # One search per person found their line at the first try.
    assert searches.count("first") == len(team.staff)
    assert "portfolio" not in searches
