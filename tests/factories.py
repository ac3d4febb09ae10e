"""Small test data with overridable defaults.

Every factory returns a valid record; override only the fields a test is
about, so each test shows what matters to it.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, time
from typing import Any

from balancer.domain import (
    Absence,
    Case,
    Duty,
    Month,
    Slot,
    Staff,
    Team,
)
from balancer.result import SolveStatus
from balancer.solvers.runner import SolveRun

#: January 2027: 1 Jan (New Year) is a holiday; the month has 20 opening
#: days, Mon 4 Jan is the first full week's Monday.
JANUARY = Month(year=2027, month=1)


def make_staff(id: str = "ann", **overrides: Any) -> Staff:
    """A full-time person who may take every duty."""
    fields: dict[str, Any] = {"id": id, "name": id.title(), "fte": 1.0}
    fields.update(overrides)
    return Staff(**fields)


def make_slot(
    start: str = "08:00", end: str = "10:00", **overrides: Any
) -> Slot:
    """A Mon-Fri slot needing exactly one person."""
    fields: dict[str, Any] = {
        "start": time.fromisoformat(start),
        "end": time.fromisoformat(end),
        "min_staff": 1,
    }
    fields.update(overrides)
    return Slot(**fields)


def make_duty(
    id: str = "phone", slots: tuple[Slot, ...] | None = None, **overrides: Any
) -> Duty:
    """A duty with one 08:00-10:00 slot unless slots are given."""
    fields: dict[str, Any] = {"id": id, "slots": slots or (make_slot(),)}
    fields.update(overrides)
    return Duty(**fields)


def make_absence(
    staff_id: str = "ann",
    start: date = date(2027, 1, 4),
    end: date | None = None,
    **overrides: Any,
) -> Absence:
    """A whole-day absence, one day long unless ``end`` is given."""
    fields: dict[str, Any] = {
        "staff_id": staff_id,
        "start": start,
        "end": end or start,
    }
    fields.update(overrides)
    return Absence(**fields)


def make_case(id: str = "c1", **overrides: Any) -> Case:
    """A new 4-hour case received on 1 Dec 2026 with no deadline."""
    fields: dict[str, Any] = {
        "id": id,
        "effort_hours": 4.0,
        "received": date(2026, 12, 1),
    }
    fields.update(overrides)
    return Case(**fields)


def over_capacity_cases() -> tuple[Case, Case]:
    """Ann holds 6 h (``a``) and a later 4 h case (``b``): on a one-day
    horizon (8 h) she is over capacity and ``b`` is past her hours."""
    return (
        make_case("a", owner="ann", status="assigned", effort_hours=6),
        make_case(
            "b", owner="ann", status="assigned", received=date(2026, 12, 20)
        ),
    )


def make_team(**overrides: Any) -> Team:
    """Two full-timers and one phone duty, unless overridden."""
    fields: dict[str, Any] = {
        "staff": (make_staff("ann"), make_staff("bo")),
        "duties": (make_duty(),),
    }
    fields.update(overrides)
    return Team(**fields)


def found_nothing(run: SolveRun) -> SolveRun:
    """``run`` as if the search had found no plan within its limit."""
    return replace(
        run,
        status=SolveStatus.TIME_LIMIT,
        objective=None,
        bound=None,
        interrupted=False,
    )
