"""``solve_rota`` end to end on tiny teams, re-checked by the validator.

Every solve here is checked twice: ``check_rota`` finds no broken rule,
and ``score_rota`` recomputes every term to the value the solver reports.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

import pytest
from ortools.sat.python import cp_model

from balancer.domain import (
    HistoryBalance,
    Month,
    Preference,
    SkillRequirement,
    Team,
    Weekday,
    WorkDay,
)
from balancer.result import RotaResult, SolveStatus
from balancer.solvers.rota import solve_rota
from balancer.solvers.rota.tiers import TIERS
from balancer.solvers.runner import SolveParams, SolveRun
from balancer.validate.account import check_account
from balancer.validate.rota import check_rota, score_rota
from tests.factories import (
    found_nothing,
    make_absence,
    make_duty,
    make_slot,
    make_staff,
    make_team,
)
from tests.solvers.rota.helpers import FAST, JANUARY

FEBRUARY = Month(year=2027, month=2)


def checked(team: Team, month: Month, result: RotaResult) -> RotaResult:
    """Assert the validator agrees with the solver; return the result."""
    assert check_rota(team, month, result.assignments) == []
    assert check_account(team, month, result.assignments, result.staff) == []
    scores = score_rota(team, month, result.assignments)
    for term in result.terms:
        assert term.value == pytest.approx(scores[term.name]), term.name
    return result


def small_team() -> Team:
    """Five people, phone and mail, an absence, history and wishes."""
    english = SkillRequirement(skill="english", min_level=2)
    mon_thu = tuple(WorkDay(weekday=d) for d in range(4))
    return make_team(
        staff=(
            make_staff("ann", skills={"english": 2}),
            make_staff("bo", fte=0.8, pattern=mon_thu),
            make_staff("cy", skills={"english": 3}, max_slots_per_day=1),
            make_staff("di", skills={"english": 2}, duties=("phone",)),
            make_staff("ed", fte=0.5),
        ),
        duties=(
            make_duty(
                "phone",
                slots=(
                    make_slot("08:00", "10:00", target_staff=2, max_staff=2),
                    make_slot("10:00", "12:00", requirements=(english,)),
                    make_slot(
                        "14:00",
                        "15:00",
                        weekdays=(Weekday.FRI,),
                        unpopular=True,
                    ),
                ),
            ),
            make_duty("mail", slots=(make_slot("09:00", "12:00"),)),
        ),
        absences=(make_absence("ann", date(2027, 2, 8), date(2027, 2, 12)),),
        history=(
            HistoryBalance(staff_id="bo", duty="phone", hours=3),
            HistoryBalance(staff_id="di", duty="phone", hours=-2),
        ),
        preferences=(
            Preference(staff_id="cy", want=False, weekday=Weekday.FRI),
        ),
    )


@pytest.fixture(scope="module")
def solved() -> RotaResult:
    """One solve of the small team, shared by the tests that read it."""
    return solve_rota(
        small_team(), FEBRUARY, SolveParams(time_limit=5, workers=2)
    )


def test_small_team_gets_a_valid_rota(solved: RotaResult) -> None:
    result = checked(small_team(), FEBRUARY, solved)
    assert result.status.has_plan
    assert not result.relaxed and not result.conflicts
    assert result.stats.objective is not None
    assert result.stats.bound is not None
    assert result.stats.bound <= result.stats.objective + 1e-6
    # The objective is the weighted sum of the terms, in points.
    assert result.stats.objective == pytest.approx(
        sum(t.weighted for t in result.terms)
    )


def test_summaries_add_up(solved: RotaResult) -> None:
    team, result = small_team(), solved
    by_id = {s.staff_id: s for s in result.staff}
    assert set(by_id) == {"ann", "bo", "cy", "di", "ed"}
    total = sum(
        team.duty_by_id[a.duty_id].slots[a.slot_index].hours
        for a in result.assignments
    )
    assert sum(s.assigned_hours for s in result.staff) == pytest.approx(total)
    # Di only takes phone, so she has no mail share.
    assert set(by_id["di"].fair_share_by_duty) == {"phone"}
    # Bo carries +3 h of phone: his fair share drops by 3 h.
    assert (
        by_id["bo"].fair_share_by_duty["phone"]
        < by_id["ann"].fair_share_by_duty["phone"]
    )


def test_slot_index_is_the_position_in_the_duty(
    solved: RotaResult,
) -> None:
    result = solved
    fridays = {
        a.slot_index
        for a in result.assignments
        if a.duty_id == "phone" and a.day.weekday() == Weekday.FRI
    }
    assert 2 in fridays  # the unpopular Friday slot is phone's third


def test_no_duties_gives_an_empty_optimal_rota() -> None:
    team = make_team(duties=())
    result = solve_rota(team, JANUARY, FAST)
    assert result.status is SolveStatus.OPTIMAL
    assert result.assignments == ()


def test_time_limit_without_a_plan_does_not_raise() -> None:
    team = small_team()
    result = solve_rota(
        team, FEBRUARY, SolveParams(time_limit=0.001, workers=1)
    )
    assert result.status in (
        SolveStatus.TIME_LIMIT,
        SolveStatus.FEASIBLE,
        SolveStatus.OPTIMAL,
    )
    if not result.status.has_plan:
        assert result.assignments == ()


def test_demo_team_is_valid_and_scores_agree() -> None:
    from balancer.inputs.demo import make_demo_team

    team = make_demo_team(JANUARY, staff=12, cases=0)
    result = checked(
        team,
        JANUARY,
        solve_rota(team, JANUARY, SolveParams(time_limit=5, workers=2)),
    )
    assert result.status.has_plan


def replace_searches(
    monkeypatch: pytest.MonkeyPatch,
    stand_in: Callable[[int, Callable[[], SolveRun]], SolveRun],
) -> list[int]:
    """Route the rota solve's tier searches through ``stand_in``.

    ``stand_in(k, search)`` gets the search's number (1 for the first
    tier) and a call that runs it for real, and returns the run the solve
    sees. The list returned holds one number per search made.
    """
    from balancer.solvers.rota import tiers as module

    real = module.run_model
    calls: list[int] = []

    def searched(
        model: cp_model.CpModel,
        params: SolveParams,
        time_limit: float | None = None,
        *,
        after_stop: bool = False,
    ) -> SolveRun:
        calls.append(len(calls) + 1)
        return stand_in(
            calls[-1],
            lambda: real(model, params, time_limit, after_stop=after_stop),
        )

    monkeypatch.setattr(module, "run_model", searched)
    return calls


def tier_points(team: Team, month: Month, result: RotaResult) -> list[float]:
    """Each tier's weighted value in the rota, from the checker's scores."""
    scores = score_rota(team, month, result.assignments)
    weights = team.weights.model_dump()
    return [
        sum(weights[name] * scores[name] for name in tier.goals)
        for tier in TIERS
    ]


def test_tiers_are_proven_in_turn_and_kept() -> None:
    """Staffing, then fairness, then the sums, then the rest.

    A tier proven optimal is kept: the rota returned is no worse on it
    than its proven optimum (worked out again by the checker).
    """
    team = small_team()
    result = checked(
        team,
        FEBRUARY,
        solve_rota(team, FEBRUARY, SolveParams(time_limit=8, workers=1)),
    )
    names = [tier.name for tier in result.stats.tiers]
    order = [tier.name for tier in TIERS]
    assert names[0] == order[0]
    assert names[-1] == order[-1]
    assert names == sorted(names, key=order.index)
    points = dict(
        zip(
            [tier.name for tier in TIERS],
            tier_points(team, FEBRUARY, result),
            strict=True,
        )
    )
    proven = [t for t in result.stats.tiers[:-1] if t.proven]
    assert proven, "no tier was proven on a five-person team"
    for tier in proven:
        assert tier.value is not None
        assert points[tier.name] <= tier.value + 1e-9


def test_a_proven_tiers_rota_is_kept_when_the_last_search_finds_none(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A busy machine can starve the last search (all goals) entirely.

    The start keeps every hard rule and every proven tier (a tier's own
    rota replaces it when it did not), so the solve returns it as
    FEASIBLE with no bound instead of returning no rota at all.
    """
    from balancer.solvers.rota import tiers

    team = small_team()
    real = tiers.final_search
    calls: list[int] = []

    def starved(*args: Any) -> SolveRun:
        calls.append(1)
        return found_nothing(real(*args))

    monkeypatch.setattr(tiers, "final_search", starved)
    result = checked(
        team, FEBRUARY, solve_rota(team, FEBRUARY, SolveParams(time_limit=4))
    )
    assert calls == [1]
    assert result.status is SolveStatus.FEASIBLE
    assert result.stats.bound is None
    assert result.assignments
    assert any("starting rota" in note for note in result.stats.phases)
    points = tier_points(team, FEBRUARY, result)
    for tier, value in zip(result.stats.tiers[:-1], points, strict=False):
        if tier.proven:
            assert tier.value is not None
            assert value <= tier.value + 1e-9


def test_a_search_that_finds_nothing_returns_the_valid_start(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """On a busy machine no search may find a rota in time; the greedy
    start keeps every hard rule, so it comes back (FEASIBLE, no bound)."""
    from balancer.inputs.demo import make_demo_team

    calls = replace_searches(
        monkeypatch, lambda k, search: SolveRun.nothing(0.0)
    )
    team = make_demo_team(JANUARY, staff=24, cases=0)
    result = checked(
        team,
        JANUARY,
        solve_rota(team, JANUARY, SolveParams(time_limit=5, workers=1)),
    )
    assert len(calls) >= 2
    assert result.status is SolveStatus.FEASIBLE
    assert result.assignments
    assert result.stats.bound is None
    assert result.stats.objective == pytest.approx(
        sum(t.weighted for t in result.terms)
    )


@pytest.mark.parametrize("tier_found", [False, True])
def test_ctrl_c_in_the_first_tier_returns_the_valid_start(
    monkeypatch: pytest.MonkeyPatch, tier_found: bool
) -> None:
    """Ctrl-C keeps the best rota so far. In the first tier that is the
    start, which keeps every hard rule and is priced on every goal: the
    tier's own rota minimises staffing only. FEASIBLE and marked as
    stopped; not TIME_LIMIT with no rota, nor the tier's OPTIMAL."""
    from balancer.inputs.demo import make_demo_team

    def ctrl_c_in_tier_one(k: int, search: Callable[[], SolveRun]) -> SolveRun:
        if k > 1:
            return search()
        if not tier_found:
            return SolveRun.nothing(0.1, interrupted=True)
        run = search()
        run.interrupted = True
        return run

    calls = replace_searches(monkeypatch, ctrl_c_in_tier_one)
    team = make_demo_team(JANUARY, staff=24, cases=0)
    result = checked(
        team,
        JANUARY,
        solve_rota(team, JANUARY, SolveParams(time_limit=5, workers=1)),
    )
    assert calls == [1]
    assert result.status is SolveStatus.FEASIBLE
    assert result.assignments
    assert result.stats.interrupted
    assert result.stats.bound is None
    assert result.stats.objective == pytest.approx(
        sum(t.weighted for t in result.terms)
    )
    assert any("Ctrl-C" in note for note in result.stats.phases)
    [start] = [n for n in result.stats.phases if n.startswith("greedy start")]
    assert f"{result.stats.objective:g} points" in start


def test_ctrl_c_while_the_start_is_repriced_keeps_the_tiers_rota(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A Stop that lands while the first tier's rota is priced as the new
    start (so the pricing finds nothing) must still keep a rota: the
    tier's, which keeps every hard rule. It once came back as TIME_LIMIT
    with no rota at all. The start's price per goal is made unknown, so
    the tier's rota is always the one priced next."""
    from balancer.inputs.demo import make_demo_team
    from balancer.solvers.rota import tiers
    from balancer.solvers.rota.hints import Priced
    from balancer.solvers.runner import request_stop

    priced: list[int] = []

    def stopped_while_pricing(*args: Any, **kwargs: Any) -> None:
        priced.append(1)
        request_stop()

    monkeypatch.setattr(Priced, "of", lambda *args: None)
    monkeypatch.setattr(tiers, "complete_hint", stopped_while_pricing)
    # A small team and a long limit, so the first tier is proven even on
    # a busy machine; the stop ends the solve right after.
    team = make_demo_team(JANUARY, staff=12, cases=0)
    result = checked(
        team,
        JANUARY,
        solve_rota(team, JANUARY, SolveParams(time_limit=30, workers=1)),
    )
    assert priced == [1]
    assert result.status is SolveStatus.FEASIBLE
    assert result.assignments
    assert result.stats.interrupted


def test_without_tiers_one_weighted_search(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """``goals_in_tiers = no`` (as the benchmarks score): no tiers."""
    team = small_team()
    team = team.model_copy(
        update={
            "rules": team.rules.model_copy(update={"goals_in_tiers": False})
        }
    )
    calls = replace_searches(monkeypatch, lambda k, search: search())
    result = checked(
        team, FEBRUARY, solve_rota(team, FEBRUARY, SolveParams(time_limit=3))
    )
    assert calls == []
    assert result.stats.tiers == ()
    assert result.status.has_plan


def test_limit_spent_building_the_model_stops_at_once(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A limit shorter than the model's build time is honoured.

    The solve stops right after building (TIME_LIMIT, no rota, a note
    saying why) instead of searching past the planner's limit.
    """
    import time

    from balancer.solvers.rota import search as module

    real = module.build_model

    def slow_build(*args: object, **kwargs: object) -> object:
        time.sleep(0.3)
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(module, "build_model", slow_build)
    started = time.perf_counter()
    result = solve_rota(small_team(), FEBRUARY, SolveParams(time_limit=0.2))
    assert time.perf_counter() - started < 1.2
    assert result.status is SolveStatus.TIME_LIMIT
    assert result.assignments == ()
    assert "building the model" in result.stats.phases[0]


def test_live_progress_reads_in_hours_and_points() -> None:
    """Progress lines name the tier and use the planner's units."""
    from balancer.outputs.console import progress_line
    from balancer.solvers.runner import Progress

    seen: list[Progress] = []
    team = small_team()
    params = SolveParams(time_limit=4, workers=1, on_progress=seen.append)
    result = checked(team, FEBRUARY, solve_rota(team, FEBRUARY, params))
    assert seen
    assert {p.label for p in seen} <= {
        f"{tier.name}, points" for tier in TIERS[:-1]
    } | {"all goals, points"}
    last = [p for p in seen if p.label == "all goals, points"][-1]
    # Points, not model steps: the last plan found costs what the result
    # reports (re-pricing can only lower a one-sided penalty).
    assert result.stats.objective is not None
    assert result.stats.objective <= last.objective + 1e-9
    assert last.objective < 1.5 * result.stats.objective + 1
    assert [p.seconds for p in seen] == sorted(p.seconds for p in seen)
    assert progress_line(last).endswith("(all goals, points)")
