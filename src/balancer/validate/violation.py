"""One broken rule in a backlog plan, as the checker reports it."""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["Violation"]


@dataclass(frozen=True)
class Violation:
    """One broken rule in a backlog plan, in the planner's words."""

    rule: str
    message: str
    case_id: str | None = None
    staff_id: str | None = None
