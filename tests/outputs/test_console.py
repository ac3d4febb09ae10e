"""The backlog's lines on the terminal: counts, budget and reasons."""

from __future__ import annotations

from balancer.language import Words
from balancer.outputs.console import backlog_lines
from tests.outputs.samples import backlog_result, skill_conflict


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
        lines[0] == "Sager: OPTIMAL, målværdi 50, grænse 50, afstand 0 %, 0 s"
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
