"""The terminal's summary lines: the planner's units, never 1.2e+07,
and the backlog's counts, budget and reasons."""

from __future__ import annotations

from balancer.language import Words
from balancer.outputs.console import (
    backlog_lines,
    progress_line,
    rota_lines,
    stats_line,
)
from balancer.result import SolveStats, SolveStatus
from balancer.solvers.runner import Progress
from tests.outputs.samples import (
    backlog_result,
    relaxed_result,
    rota_result,
    skill_conflict,
)


def test_backlog_lines_say_the_budget_and_the_reasons() -> None:
    lines = list(backlog_lines(backlog_result()))
    assert lines[1] == (
        "  3 cases planned, 2 on the shelf, 1 moved (budget 4), "
        "1 forecast late."
    )
    assert lines[2] == "  Moved: planner allowed 1"
    assert lines[3] == (
        "  Waiting: everyone qualified is full 1, the queue ahead of it 1"
    )
    assert lines[4] == "  Goals:"


def test_backlog_lines_in_danish() -> None:
    result = backlog_result(conflicts=(skill_conflict(),))
    lines = list(backlog_lines(result, Words("da")))
    assert (
        lines[0]
        == "Sager: OPTIMAL, målfunktion 50, grænse 50, afstand 0 %, 0 s"
    )
    assert lines[1].startswith("  ! 1 sag kræver sagsbehandling")
    assert lines[2] == (
        "  3 sager planlagt, 2 på reolen, 1 flyttet (budget 4), 1 ventes "
        "færdige for sent."
    )
    assert lines[3] == "  Flyttet: planlægger tillod det 1"
    assert lines[4] == (
        "  Venter: alle kvalificerede har fuldt op 1, køen foran den 1"
    )
    assert lines[5] == "  Mål:"
    assert lines[6].startswith("    flytninger ")


def test_large_figures_are_written_out_in_full() -> None:
    stats = SolveStats(
        status=SolveStatus.FEASIBLE,
        objective=45_005_000.0,
        bound=1_359.5,
        seconds=3.0,
    )
    line = stats_line(stats)
    assert "e+" not in line
    assert "objective 45005000, bound 1359.5" in line
    progress = Progress(
        seconds=1.0, objective=2_002_380, bound=40, solutions=3
    )
    assert "best 2002380  bound 40" in progress_line(progress)


def test_a_relaxed_rota_says_what_it_breaks_not_an_objective() -> None:
    """1 demand, 1 person short, 120 points: not "objective 1.00012e+06"."""
    lines = list(rota_lines(relaxed_result()))
    assert lines[0] == "Rota: INFEASIBLE, 2.5 s"
    assert lines[1] == (
        "  The rules cannot all hold. The rota written breaks 1 demand(s), "
        "1 person-slot(s) short, the fewest it can (listed below and on "
        "the Summary sheet); the other goals come to 120 points."
    )
    assert not any("objective" in line or "e+" in line for line in lines)


def test_a_rota_that_keeps_every_demand_reads_as_before() -> None:
    first = next(rota_lines(rota_result()))
    assert (
        first == "Rota: FEASIBLE, objective 120, bound 100, gap 16.7 %, 1.5 s"
    )


def test_the_summary_in_danish() -> None:
    lines = list(rota_lines(rota_result(), "da"))
    assert lines[0] == (
        "Vagtplan: GYLDIG, målfunktion 120, grænse 100, afstand 16,7 %, 1,5 s"
    )
    assert stats_line(rota_result().stats, "da").startswith("GYLDIG")
