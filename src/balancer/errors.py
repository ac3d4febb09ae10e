"""Errors a planner sees: each names where the problem is and the fix.

Readers collect every problem in a workbook before they raise, so a planner
fixes the whole file in one go. The CLI prints the problems and exits with
status 2, without a traceback. At most :data:`SHOWN_PROBLEMS` are printed,
then a line saying how many more there are: a pasted export of a million
bad rows gives a screenful, not two million lines.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Sequence

__all__ = [
    "SHOWN_PROBLEMS",
    "BalancerError",
    "InputError",
    "InputProblem",
    "OutputError",
    "problem_lines",
]

#: Problems printed in one run; the rest are counted ("... and N more").
#: Twenty lines of problems and their title fit a terminal's screen.
SHOWN_PROBLEMS = 20


@dataclass(frozen=True)
class InputProblem:
    """One problem in an input file.

    ``row`` is the spreadsheet row number as the planner sees it (1 = the
    header row); ``column`` is the header text. Either may be None when the
    problem concerns a whole sheet or file.
    """

    message: str
    sheet: str | None = None
    row: int | None = None
    column: str | None = None
    fix: str = ""

    def __str__(self) -> str:
        where = []
        if self.sheet:
            where.append(f"sheet {self.sheet!r}")
        if self.row is not None:
            where.append(f"row {self.row}")
        if self.column:
            where.append(f"column {self.column!r}")
        text = f"{', '.join(where)}: {self.message}" if where else self.message
        if self.fix:
            text += f". Fix: {self.fix}"
        return text


def problem_lines(problems: Sequence[InputProblem]) -> list[str]:
    """The problems as printed: one ``  - `` line each, at most a screenful.

    After :data:`SHOWN_PROBLEMS` lines, one more line counts the rest, so
    the planner knows to fix these and run again.
    """
    lines = [f"  - {p}" for p in problems[:SHOWN_PROBLEMS]]
    hidden = len(problems) - SHOWN_PROBLEMS
    if hidden > 0:
        lines.append(
            f"  \u2026 and {hidden:,} more; fix these and run again to "
            "see the rest"
        )
    return lines


class BalancerError(Exception):
    """Base of every error the CLI reports without a traceback."""


class InputError(BalancerError):
    """An input file has one or more problems."""

    def __init__(
        self, problems: list[InputProblem], source: str | None = None
    ) -> None:
        self.problems = problems
        self.source = source
        head = f"{source}: " if source else ""
        count = len(problems)
        lines = "\n".join(problem_lines(problems))
        super().__init__(
            f"{head}{count:,} problem{'s' if count != 1 else ''} found:\n"
            f"{lines}"
        )


class OutputError(BalancerError):
    """An output could not be written (e.g. it would replace the input)."""
