"""The backlog's lines on the terminal: counts, budget and reasons."""

from __future__ import annotations

from balancer.outputs.console import backlog_lines
from tests.outputs.samples import backlog_result


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
