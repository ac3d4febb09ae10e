"""Whitespace-separated integer files, as the OR benchmark sets ship them.

The benchmark readers (:mod:`.gap_format`, :mod:`.rcmax_format`) parse by
tokens, not by lines: public copies of the same instance wrap their rows
differently. Each number keeps the line it came from, so a bad file is
reported with the line to look at. Also holds the conventions every
benchmark adapter shares: one unit of the instance is one minute of the
engine, and the fixed first day of the horizon.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from balancer.domain import Weights
from balancer.errors import InputError, InputProblem

if TYPE_CHECKING:
    from pathlib import Path

__all__ = [
    "BENCH_START",
    "MINUTES_PER_UNIT",
    "NumberStream",
    "bench_error",
    "only_weight",
    "read_numbers",
    "units_to_hours",
]

#: The engine counts effort and capacity in whole minutes. Benchmark data
#: are integers, so one unit of the instance is one minute: efforts and
#: capacities reach the model exactly and our objective equals the
#: reference scorer's.
MINUTES_PER_UNIT = 1

#: First day of the horizon for benchmark teams (a Monday). Capacities are
#: given outright, so the calendar only needs some opening days.
BENCH_START = date(2027, 1, 4)


def units_to_hours(units: int) -> float:
    """Instance units as the hours the domain model holds."""
    return units * MINUTES_PER_UNIT / 60


def only_weight(**weights: int) -> Weights:
    """Weights with every backlog goal off except the ones given."""
    off = {
        "balance_max": 0,
        "balance_spread": 0,
        "lateness": 0,
        "age": 0,
        "moves": 0,
        "fit": 0,
    }
    return Weights(**{**off, **weights})


def bench_error(path: Path, message: str, fix: str = "") -> InputError:
    """An input error for a benchmark file (the message names the line)."""
    return InputError([InputProblem(message=message, fix=fix)], str(path))


@dataclass
class NumberStream:
    """The integers of a file with their line numbers, read front to back."""

    path: Path
    values: list[int]
    lines: list[int]
    last_line: int
    first_line_count: int
    pos: int = 0

    @property
    def left(self) -> int:
        """Numbers not read yet."""
        return len(self.values) - self.pos

    def line(self) -> int:
        """Line of the next number (the last line when all are read)."""
        if self.pos < len(self.lines):
            return self.lines[self.pos]
        return self.last_line

    def take(self, count: int, what: str) -> list[int]:
        """The next ``count`` numbers; a clear error when the file ends."""
        if count > self.left:
            raise bench_error(
                self.path,
                f"the file ends at line {self.last_line} while reading "
                f"{what}: {count} numbers needed, {self.left} left",
                "check the file is complete (not truncated)",
            )
        found = self.values[self.pos : self.pos + count]
        self.pos += count
        return found

    def positive(self, what: str) -> int:
        """The next number, which must be at least 1."""
        line = self.line()
        (value,) = self.take(1, what)
        if value < 1:
            raise bench_error(
                self.path, f"line {line}: {what} is {value}; it must be >= 1"
            )
        return value

    def finish(self, what: str) -> None:
        """Fail when numbers are left after ``what``."""
        if self.left:
            raise bench_error(
                self.path,
                f"line {self.line()}: {self.left} numbers left over after "
                f"{what}",
                "check the sizes at the top of the file",
            )


def read_numbers(path: Path) -> NumberStream:
    """Read every integer of ``path``; a bad token names its line."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise bench_error(path, f"cannot read the file ({error})") from None
    values: list[int] = []
    lines: list[int] = []
    first_line_count = 0
    number = 0
    for number, raw in enumerate(text.splitlines(), start=1):
        tokens = raw.split()
        if tokens and not values:
            first_line_count = len(tokens)
        for token in tokens:
            if not token.isdigit():
                raise bench_error(
                    path,
                    f"line {number}: {token[:20]!r} is not a whole number "
                    "(0 or more)",
                    "the file holds only whole numbers and whitespace",
                )
            values.append(int(token))
            lines.append(number)
    if not values:
        raise bench_error(path, "the file holds no numbers")
    return NumberStream(path, values, lines, number, first_line_count)
