"""The shared bench pieces: gap formula, table, CP-SAT settings, hints."""

from __future__ import annotations

from pathlib import Path

from balancer.bench.common import (
    LARGE_PAIRS,
    BenchRow,
    bench_extra,
    format_table,
    gap_percent,
    progress_text,
)
from balancer.bench.gap import GAP_OPTIONS
from balancer.inputs.bench_numbers import BENCH_START
from balancer.inputs.gap_format import gap_team, read_gap
from balancer.solvers.cases import balance_backlog
from balancer.solvers.runner import SolveParams

TINY = Path(__file__).parents[1] / "data" / "gap_tiny.txt"


def test_gap_percent_is_the_scorers() -> None:
    """Positive when worse: 102 vs 100 is 2 % worse for min; 98 vs 100
    is 2 % worse for max."""
    assert gap_percent(102, 100, "min") == 2.0
    assert gap_percent(98, 100, "max") == 2.0
    assert gap_percent(5, 0, "min") is None


def test_table_marks_proven_optima_and_missing_plans() -> None:
    rows = [
        BenchRow("x", "2x3", "min", 10, 9, 10, True, 1.0, "FEASIBLE"),
        BenchRow("y", "2x3", "min", None, None, 7, False, 2.0, "TIME_LIMIT"),
    ]
    header, rule, first, second = format_table(rows)
    assert header.split()[0] == "instance"
    assert set(rule.replace(" ", "")) == {"-"}
    assert first.split()[3:7] == ["10", "9", "10*", "0.000"]
    assert second.split()[3:7] == ["-", "-", "7", "-"]


def test_probing_is_off_only_for_large_models() -> None:
    assert bench_extra(LARGE_PAIRS, {}) == {}
    assert bench_extra(LARGE_PAIRS + 1, {"x": 1}) == {
        "cp_model_probing_level": 0,
        "x": 1,
    }
    # The caller's own setting wins.
    assert bench_extra(LARGE_PAIRS + 1, {"cp_model_probing_level": 2}) == {
        "cp_model_probing_level": 2
    }


def test_balance_backlog_uses_a_given_start_plan_or_none() -> None:
    """A given plan is the warm start; an empty one means no start plan
    (the least-loaded baseline would shelve cases, useless here)."""
    team = gap_team(read_gap(TINY)[0], "min")
    params = SolveParams(time_limit=5.0, workers=1)
    plan = {
        f"job{j}": f"agent{2 if j in (2, 5) else j // 3}" for j in range(6)
    }
    given = balance_backlog(
        team, BENCH_START, params, options=GAP_OPTIONS, hint=plan
    )
    # Cost of the start plan: 1 + 2 + 4 (job 2 to agent 2), 1 + 2 + 4.
    assert given.stats.phases == ("warm start: simple plan with objective 14",)
    none = balance_backlog(
        team, BENCH_START, params, options=GAP_OPTIONS, hint={}
    )
    assert none.stats.phases == ()
    assert none.stats.objective == given.stats.objective == 14


def test_progress_text_names_the_count_the_result_and_the_gap() -> None:
    line = progress_text(3, 33, "c20400 (min)", 4787, 0.1046, 60.04)
    assert line == (
        "solved 3 of 33: c20400 (min): objective 4787, "
        "0.105 % from best known, 60.0 s"
    )
    assert progress_text(1, 2, "x", 5.0, None, 1.0) == (
        "solved 1 of 2: x: objective 5, 1.0 s"
    )
    assert progress_text(2, 2, "y", None, None, 9.96) == (
        "solved 2 of 2: y: no solution, 10.0 s"
    )
