"""Two simple ways to share out a backlog, to compare the model against.

Both keep what a team would keep without a planner: kept cases stay,
already-assigned cases stay with an owner who may still take them and has
room, and groups stay together. They differ in where new cases go, taken
one by one in queue order (see :mod:`.forecast`):

* ``round_robin``: a fixed distribution key. Each case type has its own
  turn order over the people with the skill; a case goes to the next in
  turn who has room.
* ``least_loaded``: greedy; a case goes to whoever has room and the lowest
  utilisation (kept + planned hours over casework hours) right now.

Cases nobody can take stay on the shelf.
"""

from __future__ import annotations

from collections import defaultdict
from typing import TYPE_CHECKING

from balancer.solvers.cases.capacity import staff_capacity
from balancer.solvers.cases.forecast import forecast, queue_key

if TYPE_CHECKING:
    from collections.abc import Callable, Mapping, Sequence
    from datetime import date

    from balancer.domain import Case, Team
    from balancer.result import CaseAssignment, DutyAssignment
    from balancer.solvers.cases.capacity import StaffCapacity

__all__ = [
    "baseline_plan",
    "least_loaded",
    "round_robin",
]

Owners = dict[str, str | None]
_EPS = 1e-9


class _Ledger:
    """Room left per person while cases are handed out one by one."""

    def __init__(
        self, team: Team, capacity: Mapping[str, StaffCapacity]
    ) -> None:
        self.team = team
        self.capacity = capacity
        self.room = {p: c.free_hours for p, c in capacity.items()}
        self.load = {p: c.kept_hours for p, c in capacity.items()}
        self.group_owner: dict[str, str] = {}
        self._skilled: dict[tuple[str | None, int], list[str]] = {}

    def skilled(self, case: Case) -> list[str]:
        """Who may take cases of this skill and level (cached)."""
        need = (case.skill, case.min_level if case.skill else 0)
        if need not in self._skilled:
            self._skilled[need] = [
                p.id for p in self.team.staff if self._able(case, p.id)
            ]
        return self._skilled[need]

    def _able(self, case: Case, staff_id: str) -> bool:
        person = self.team.staff_by_id[staff_id]
        cap = self.capacity.get(staff_id)
        if cap is None or not person.casework or not cap.present:
            return False
        return case.skill is None or person.level(case.skill) >= (
            case.min_level
        )

    def may_take(self, case: Case, staff_id: str) -> bool:
        if not self._able(case, staff_id):
            return False
        return self.has_room(case, staff_id)

    def has_room(self, case: Case, staff_id: str) -> bool:
        """Room and group allow it (skill and presence checked apart)."""
        tied = self.group_owner.get(case.group) if case.group else None
        if tied is not None and tied != staff_id:
            return False
        return case.effort_for(staff_id) <= self.room[staff_id] + _EPS

    def give(self, case: Case, staff_id: str) -> None:
        effort = case.effort_for(staff_id)
        self.room[staff_id] -= effort
        self.load[staff_id] += effort
        if case.group is not None:
            self.group_owner[case.group] = staff_id

    def utilisation(self, staff_id: str) -> float:
        hours = self.capacity[staff_id].total_hours
        return self.load[staff_id] / hours if hours > 0 else float("inf")


def _distribute(
    team: Team,
    capacity: Mapping[str, StaffCapacity],
    choose: Callable[[_Ledger, Case, list[str]], str | None],
) -> Owners:
    ledger = _Ledger(team, capacity)
    owners: Owners = {}
    for case in team.cases:
        if case.fixed and case.owner is not None:
            owners[case.id] = case.owner
            if case.group is not None:
                ledger.group_owner[case.group] = case.owner
    queue = sorted(
        (c for c in team.cases if c.id not in owners), key=queue_key
    )
    waiting = []
    for case in queue:
        if case.owner is not None and ledger.may_take(case, case.owner):
            ledger.give(case, case.owner)
            owners[case.id] = case.owner
        else:
            waiting.append(case)
    for case in waiting:
        fits = [p for p in ledger.skilled(case) if ledger.has_room(case, p)]
        chosen = choose(ledger, case, fits) if fits else None
        if chosen is not None:
            ledger.give(case, chosen)
        owners[case.id] = chosen
    return owners


def round_robin(team: Team, capacity: Mapping[str, StaffCapacity]) -> Owners:
    """Fixed distribution key: each case type takes turns over its people.

    Returns case id -> owner (None = shelf).
    """
    turn: dict[str, int] = defaultdict(int)
    staff_ids = [p.id for p in team.staff]

    def choose(ledger: _Ledger, case: Case, fits: list[str]) -> str | None:
        start = turn[case.type]
        for step in range(len(staff_ids)):
            who = staff_ids[(start + step) % len(staff_ids)]
            if who in fits:
                turn[case.type] = (start + step + 1) % len(staff_ids)
                return who
        return None

    return _distribute(team, capacity, choose)


def least_loaded(team: Team, capacity: Mapping[str, StaffCapacity]) -> Owners:
    """Greedy: each case to whoever has room and the lowest utilisation.

    Returns case id -> owner (None = shelf).
    """

    def choose(ledger: _Ledger, case: Case, fits: list[str]) -> str | None:
        return min(fits, key=ledger.utilisation)

    return _distribute(team, capacity, choose)


BASELINES: dict[str, Callable[[Team, Mapping[str, StaffCapacity]], Owners]]
BASELINES = {"round_robin": round_robin, "least_loaded": least_loaded}


def baseline_plan(
    name: str,
    team: Team,
    start: date,
    *,
    rota: Sequence[DutyAssignment] = (),
    horizon_days: int | None = None,
) -> tuple[dict[str, float], tuple[CaseAssignment, ...]]:
    """Run a baseline by name (``round_robin`` or ``least_loaded``).

    Returns the free casework hours per person and one
    :class:`CaseAssignment` per case with its forecast, the same shape as
    :func:`balance_backlog`'s result.
    """
    capacity = staff_capacity(team, start, rota, horizon_days)
    owners = BASELINES[name](team, capacity)
    plan = forecast(team, capacity, owners)
    free = {p: round(c.free_hours, 2) for p, c in capacity.items()}
    return free, plan
