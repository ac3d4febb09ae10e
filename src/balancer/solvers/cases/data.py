"""The backlog as the model sees it: whole minutes, candidates, classes.

:func:`prepare` turns a team, a start date and a rota into
:class:`BacklogData`: each person's capacity in whole minutes, each open
case's candidates (only people who may take it: no variable is ever made
for an impossible pair), and *classes* of interchangeable cases. Cases
with the same owner, candidates, effort and fit cost per candidate, target
day and deadline day, and no group, are one class; the model then decides
*how many* of a class each person gets instead of which ones. The shelf
keeps the least urgent of a class, so nothing is lost by counting.

Efforts are rounded *up* to whole minutes (or ``effort_quantum_minutes``)
and capacities *down*, so a plan that fits the model fits the hours.
"""

from __future__ import annotations

import math
from bisect import bisect_right
from collections import defaultdict
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from balancer.result import Conflict
from balancer.solvers.cases.capacity import staff_capacity
from balancer.solvers.cases.forecast import (
    queue_key,
    shelf_urgency,
    target_date,
)
from balancer.solvers.cases.window import WINDOW_PAIRS, window

if TYPE_CHECKING:
    from collections.abc import Mapping, Sequence
    from datetime import date

    from balancer.domain import Case, Team, Weights
    from balancer.result import DutyAssignment
    from balancer.solvers.cases.capacity import StaffCapacity

__all__ = ["BacklogData", "BacklogOptions", "CaseClass", "prepare"]


@dataclass(frozen=True)
class BacklogOptions:
    """How the one model is aimed; the defaults are the backlog balancer.

    Attributes
    ----------
    relative_balance:
        True: balance utilisation in % of each person's hours (backlog).
        False: balance absolute hours, i.e. minimise the makespan (R||Cmax).
    allow_shelf:
        False: every case must be assigned (GAP, R||Cmax benchmarks).
    aggregate:
        Count interchangeable cases per person instead of one variable
        per case and person.
    effort_quantum_minutes:
        Efforts are rounded up to a multiple of this; larger values merge
        more cases into classes at the price of some capacity.
    """

    relative_balance: bool = True
    allow_shelf: bool = True
    aggregate: bool = True
    effort_quantum_minutes: int = 1


@dataclass(frozen=True)
class CaseClass:
    """Interchangeable open cases: same owner, candidates, effort, days.

    ``case_ids`` run from most to least urgent to leave on the shelf, and
    ``urgencies`` hold each one's shelf points in the same order.
    """

    index: int
    case_ids: tuple[str, ...]
    urgencies: tuple[int, ...]
    owner: str | None
    group: str | None
    efforts: dict[str, int]
    costs: dict[str, int]
    target_day: int
    deadline_day: int | None
    late_hours: int

    @property
    def size(self) -> int:
        """Number of cases in the class."""
        return len(self.case_ids)

    @property
    def candidates(self) -> tuple[str, ...]:
        """Who may take the class's cases."""
        return tuple(self.efforts)


@dataclass
class BacklogData:
    """Everything the model needs, in whole minutes and string ids."""

    team: Team
    weights: Weights
    options: BacklogOptions
    days: tuple[date, ...]
    capacity: dict[str, StaffCapacity]
    classes: tuple[CaseClass, ...]
    fixed_owner: dict[str, str]
    unskilled: frozenset[str]
    linked_groups: dict[str, tuple[int, ...]]
    max_moves: int | None = None
    conflicts: list[Conflict] = field(default_factory=list)
    infeasible: bool = False

    @property
    def horizon(self) -> int:
        """Number of opening days in the horizon."""
        return len(self.days)

    def casework_minutes(self, staff_id: str) -> int:
        """Casework minutes over the horizon, before kept cases."""
        return _floor_minutes(self.capacity[staff_id].total_hours)

    def kept_minutes(self, staff_id: str) -> int:
        """Minutes of the cases the person keeps."""
        return _ceil_minutes(self.capacity[staff_id].kept_hours)

    def free_minutes(self, staff_id: str) -> int:
        """Minutes left for new cases (may be negative)."""
        return self.casework_minutes(staff_id) - self.kept_minutes(staff_id)

    def minutes_by(self, staff_id: str, day: int) -> int:
        """Casework minutes from the first day to the end of day ``day``."""
        daily = self.capacity[staff_id].daily_hours[: day + 1]
        return _floor_minutes(sum(daily))

    @property
    def balanced_staff(self) -> tuple[str, ...]:
        """Staff whose load counts for balance: casework hours above 0."""
        return tuple(
            p.id
            for p in self.team.staff
            if p.casework and self.casework_minutes(p.id) > 0
        )

    @property
    def checkpoints(self) -> tuple[int, ...]:
        """Horizon days on which some open case is due."""
        return tuple(
            sorted(
                {
                    k.deadline_day
                    for k in self.classes
                    if k.deadline_day is not None
                }
            )
        )


def _floor_minutes(hours: float) -> int:
    return math.floor(hours * 60 + 1e-6)


def _ceil_minutes(hours: float, quantum: int = 1) -> int:
    return math.ceil(hours * 60 / quantum - 1e-6) * quantum


def _day_index(days: Sequence[date], day: date) -> int:
    """Last horizon day on or before ``day``; 0 before, len after."""
    if days and day > days[-1]:
        return len(days)
    return max(0, bisect_right(days, day) - 1)


def _eligible(
    case: Case,
    team: Team,
    capacity: Mapping[str, StaffCapacity],
) -> list[str]:
    """Who may take a case: casework, present, and skilled enough."""
    found = []
    for person in team.staff:
        cap = capacity.get(person.id)
        if cap is None or not person.casework or not cap.present:
            continue
        if case.skill is not None and person.level(case.skill) < (
            case.min_level
        ):
            continue
        found.append(person.id)
    return found


def _fit_cost(case: Case, team: Team, staff_id: str) -> int:
    """Skill levels above the need, plus the case's own fit cost."""
    person = team.staff_by_id[staff_id]
    above = person.level(case.skill) - case.min_level if case.skill else 0
    return above + round(case.cost_by_staff.get(staff_id, 0.0))


def prepare(
    team: Team,
    start: date,
    rota: Sequence[DutyAssignment] = (),
    horizon_days: int | None = None,
    *,
    max_moves: int | None = None,
    options: BacklogOptions | None = None,
    capacity: Mapping[str, StaffCapacity] | None = None,
) -> BacklogData:
    """Prepare the model's data; collect conflicts instead of raising.

    ``capacity`` replaces the computed capacities (benchmark adapters
    that have capacities but no calendar).
    """
    options = options or BacklogOptions()
    caps = dict(capacity or staff_capacity(team, start, rota, horizon_days))
    days = next(iter(caps.values())).days if caps else ()
    conflicts: list[Conflict] = []
    infeasible = False
    fixed_owner = {
        c.id: c.owner for c in team.cases if c.fixed and c.owner is not None
    }
    conflicts.extend(_overload_conflicts(team, caps))

    # Groups: a kept case ties its group to its owner.
    members: dict[str, list[Case]] = defaultdict(list)
    for case in team.cases:
        if case.group is not None:
            members[case.group].append(case)
    tied: dict[str, str] = {}
    linked: list[str] = []
    for group, cases in members.items():
        owners = sorted(
            {fixed_owner[c.id] for c in cases if c.id in fixed_owner}
        )
        if len(owners) > 1:
            infeasible = True
            conflicts.append(
                Conflict(
                    rule="group",
                    message=f"cases of group {group!r} are kept by "
                    f"different caseworkers ({', '.join(owners)}), but a "
                    "group goes to one person; unpin or reassign one of "
                    f"them ({', '.join(c.id for c in cases)})",
                )
            )
        elif owners:
            tied[group] = owners[0]
        elif sum(1 for c in cases if c.id not in fixed_owner) > 1:
            linked.append(group)

    quantum = max(1, options.effort_quantum_minutes)
    keyed: dict[tuple[object, ...], list[Case]] = defaultdict(list)
    info: dict[str, tuple[dict[str, int], dict[str, int], int, int | None]]
    info = {}
    unskilled: set[str] = set()
    free = {
        p: _floor_minutes(c.total_hours) - _ceil_minutes(c.kept_hours)
        for p, c in caps.items()
    }
    # Most cases share their candidates, efforts and costs with many
    # others (same skill, level and effort, no per-person figures): work
    # them out once per such signature, not once per case and person.
    pool: dict[tuple[str | None, int], list[str]] = {}
    offers: dict[tuple[object, ...], tuple[dict[str, int], dict[str, int]]]
    offers = {}
    drafts: list[tuple[Case, dict[str, int], dict[str, int]]] = []
    for case in sorted(team.cases, key=queue_key):
        if case.id in fixed_owner:
            continue
        need = (case.skill, case.min_level if case.skill else 0)
        if need not in pool:
            pool[need] = _eligible(case, team, caps)
        eligible = pool[need]
        if not eligible:
            unskilled.add(case.id)
        signature: tuple[object, ...] = (
            need,
            tied.get(case.group) if case.group else None,
            case.effort_hours,
        )
        if case.effort_by_staff or case.cost_by_staff:
            signature = ("case", case.id)
        if signature not in offers:
            if case.group in tied:
                eligible = [p for p in eligible if p == tied[case.group]]
            efforts = {}
            for p in eligible:
                minutes = _ceil_minutes(case.effort_for(p), quantum)
                if minutes <= free[p]:  # never a variable for what can't fit
                    efforts[p] = minutes
            costs = {p: _fit_cost(case, team, p) for p in efforts}
            offers[signature] = (efforts, costs)
        efforts, costs = offers[signature]
        drafts.append((case, efforts, costs))
    if sum(len(e) for _, e, _ in drafts) > WINDOW_PAIRS:
        kept = window([(c.owner, e) for c, e, _ in drafts], free)
        drafts = [
            # Keep the team's order (sets iterate by hash): repeatable.
            (
                c,
                {p: e[p] for p in e if p in ok},
                {p: f[p] for p in e if p in ok},
            )
            for (c, e, f), ok in zip(drafts, kept, strict=True)
        ]
    for case, efforts, costs in drafts:
        target = _day_index(days, target_date(case))
        deadline = (
            None if case.deadline is None else _day_index(days, case.deadline)
        )
        if deadline is not None and deadline >= len(days):
            deadline = None
        info[case.id] = (efforts, costs, target, deadline)
        if options.aggregate and case.group not in linked:
            key: tuple[object, ...] = (
                case.owner,
                case.group,
                tuple(efforts.items()),
                tuple(costs.items()),
                target,
                deadline,
                math.ceil(case.effort_hours - 1e-6),
            )
        else:
            key = ("case", case.id)
        keyed[key].append(case)

    classes: list[CaseClass] = []
    for cases in keyed.values():
        efforts, costs, target, deadline = info[cases[0].id]
        urgent_first = sorted(
            cases, key=lambda c: (-shelf_urgency(c, start), queue_key(c))
        )
        classes.append(
            CaseClass(
                index=len(classes),
                case_ids=tuple(c.id for c in urgent_first),
                urgencies=tuple(shelf_urgency(c, start) for c in urgent_first),
                owner=cases[0].owner,
                group=cases[0].group,
                efforts=efforts,
                costs=costs,
                target_day=target,
                deadline_day=deadline,
                late_hours=math.ceil(cases[0].effort_hours - 1e-6),
            )
        )
    groups: dict[str, list[int]] = defaultdict(list)
    for k in classes:
        if k.group in linked:
            groups[k.group].append(k.index)
    if unskilled:
        conflicts.extend(_unskilled_conflicts(team, sorted(unskilled)))
        if not options.allow_shelf:
            infeasible = True
    return BacklogData(
        team=team,
        weights=team.weights,
        options=options,
        days=days,
        capacity=caps,
        classes=tuple(classes),
        fixed_owner=fixed_owner,
        unskilled=frozenset(unskilled),
        linked_groups={g: tuple(ks) for g, ks in groups.items()},
        max_moves=max_moves,
        conflicts=conflicts,
        infeasible=infeasible,
    )


def _overload_conflicts(
    team: Team, caps: Mapping[str, StaffCapacity]
) -> list[Conflict]:
    """People whose kept cases already exceed their casework hours."""
    found = []
    for person in team.staff:
        cap = caps.get(person.id)
        if cap is not None and cap.free_hours < -1e-6:
            found.append(
                Conflict(
                    rule="capacity",
                    message=f"{person.id} keeps {cap.kept_hours:.1f} h of "
                    "in-progress or pinned cases but has only "
                    f"{cap.total_hours:.1f} h for casework in the "
                    f"horizon: {-cap.free_hours:.1f} h over before any "
                    "new case; unpin or hand over some of them",
                )
            )
    return found


def _unskilled_conflicts(team: Team, case_ids: list[str]) -> list[Conflict]:
    """Cases nobody present may take, one message per skill and level."""
    by_id = {c.id: c for c in team.cases}
    needs: dict[tuple[str | None, int], list[str]] = defaultdict(list)
    for cid in case_ids:
        case = by_id[cid]
        needs[case.skill, case.min_level].append(cid)
    found = []
    for (skill, level), ids in needs.items():
        shown = ", ".join(ids[:5]) + (" ..." if len(ids) > 5 else "")
        need = f"{skill} at level {level} or higher" if skill else "casework"
        found.append(
            Conflict(
                rule="skill",
                message=f"{len(ids)} case(s) need {need}, but nobody who "
                f"has it is at work in the horizon ({shown}); they stay on "
                "the shelf",
            )
        )
    return found
