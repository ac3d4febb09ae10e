"""The backlog as the model sees it: whole minutes, candidates, classes.

:func:`prepare` turns a team, a start date and a rota into
:class:`BacklogData`:

* each person's casework minutes over the horizon and the minutes of the
  cases they keep for certain (:mod:`.holding`: an owned case stays
  unless its owner is away, over capacity or the planner lets it move);
* each *open* case (on the shelf, or owned and free to move) with its
  candidates: only people who may take it, never a variable for an
  impossible pair; a movable case's owner is always a candidate (it may
  stay), and whoever is over capacity takes nothing new;
* why a shelf case is passed over before the model is built (nobody
  qualified, too big for the horizon, group kept together), and, under
  ``shelf_order = queue``, each skill queue cut where it can go no
  further (:mod:`.queues`);
* *classes* of interchangeable cases. Cases with the same owner,
  candidates, effort and fit cost per candidate, target and deadline
  day, and no group, are one class; the model then decides *how many*
  of a class each person gets instead of which ones. The shelf keeps the
  least urgent of a class. Under the queue rule every shelf case is its
  own class (its place in the queue matters).

Efforts are rounded *up* to whole minutes (or ``effort_quantum_minutes``)
and capacities *down*, so a plan that fits the model fits the hours.
Deadlines count on the horizon's days and after it, on the ordinary
days the forecast uses (:mod:`.forecast`), so the lateness goal sees the
same deadlines as the forecast.
"""

from __future__ import annotations

import math
from bisect import bisect_right
from collections import defaultdict
from dataclasses import dataclass, field
from itertools import accumulate
from typing import TYPE_CHECKING

from balancer.domain import ShelfOrder
from balancer.result import WaitReason
from balancer.solvers.cases.capacity import (
    casework_hours_on,
    days_after,
    staff_capacity,
)
from balancer.solvers.cases.data_notes import (
    overload_conflicts,
    split_group_conflicts,
    unskilled_conflicts,
)
from balancer.solvers.cases.drafts import (
    Draft,
    Need,
    apply_window,
    ceil_minutes,
    cut_queues,
    floor_minutes,
    need_of,
    open_drafts,
    tie_groups,
)
from balancer.solvers.cases.forecast import (
    queue_key,
    shelf_urgency,
    target_date,
)
from balancer.solvers.cases.holding import holding, may_shelve
from balancer.solvers.cases.queues import passed_over, queue_name, shelf_key
from balancer.solvers.cases.window import WINDOW_PAIRS

if TYPE_CHECKING:
    from collections.abc import Mapping, Sequence
    from datetime import date

    from balancer.domain import Case, Team, Weights
    from balancer.result import Conflict, DutyAssignment, MoveReason
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
    ``urgencies`` hold each one's shelf points in the same order. Day
    indices count the horizon's opening days and then the ordinary
    opening days after it; ``may_shelve`` is False for owned cases that
    may not go back to the shelf (in progress, or only over capacity).
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
    may_shelve: bool = True

    @property
    def size(self) -> int:
        """Number of cases in the class."""
        return len(self.case_ids)

    @property
    def candidates(self) -> tuple[str, ...]:
        """Who may take the class's cases (its owner to keep them)."""
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
    linked_groups: dict[str, tuple[int, ...]]
    max_moves: int
    kept: dict[str, int] = field(default_factory=dict)
    movable: dict[str, MoveReason] = field(default_factory=dict)
    over: frozenset[str] = frozenset()
    waiting: dict[str, WaitReason] = field(default_factory=dict)
    narrowed: frozenset[str] = frozenset()
    shelf_order: ShelfOrder = ShelfOrder.QUEUE
    queue_chains: dict[str, tuple[int, ...]] = field(default_factory=dict)
    returns_behind: dict[int, int] = field(default_factory=dict)
    late_days: tuple[date, ...] = ()
    by_day: dict[str, tuple[int, ...]] = field(default_factory=dict)
    kept_work: dict[str, tuple[int, ...]] = field(default_factory=dict)
    kept_due: dict[str, frozenset[int]] = field(default_factory=dict)
    qualified: dict[Need, tuple[str, ...]] = field(default_factory=dict)
    conflicts: list[Conflict] = field(default_factory=list)
    infeasible: bool = False
    _held_due: dict[str, frozenset[int]] = field(
        default_factory=dict, repr=False
    )

    @property
    def horizon(self) -> int:
        """Number of opening days in the horizon."""
        return len(self.days)

    @property
    def queue_mode(self) -> bool:
        """True when the shelf is worked as a queue (the default)."""
        return (
            self.options.allow_shelf and self.shelf_order is ShelfOrder.QUEUE
        )

    def casework_minutes(self, staff_id: str) -> int:
        """Casework minutes over the horizon, before kept cases."""
        return floor_minutes(self.capacity[staff_id].total_hours)

    def kept_minutes(self, staff_id: str) -> int:
        """Minutes of the cases the person keeps for certain."""
        return self.kept.get(staff_id, 0)

    def free_minutes(self, staff_id: str) -> int:
        """Minutes left for open cases (may be negative)."""
        return self.casework_minutes(staff_id) - self.kept_minutes(staff_id)

    def minutes_by(self, staff_id: str, day: int) -> int:
        """Casework minutes from the first day to the end of day ``day``.

        Past the horizon on ordinary days (no rota known), as the
        forecast counts them.
        """
        found = self.by_day.get(staff_id)
        if found is None or day >= len(found):
            daily = self.capacity[staff_id].daily_hours[: day + 1]
            return floor_minutes(sum(daily))
        return found[day]

    def work_of(self, staff_id: str) -> tuple[int, ...]:
        """Minutes a person keeps for certain, by target day (0 = first).

        Cases in progress and pinned come first (day 0), the others on
        their target day; one entry per late day, and one after them.
        """
        return self.kept_work.get(staff_id, (0,) * (len(self.late_days) + 1))

    def due_of(self, staff_id: str) -> frozenset[int]:
        """Days on which a case the person holds now is due.

        Cases they keep for certain and the ones that may move: the
        lateness goal counts these days whatever the plan does (see
        :func:`~balancer.solvers.cases.objectives.lateness`).
        """
        if not self._held_due:
            found: dict[str, set[int]] = defaultdict(set)
            for p, days in self.kept_due.items():
                found[p].update(days)
            for k in self.classes:
                if k.owner is not None and k.deadline_day is not None:
                    found[k.owner].add(k.deadline_day)
            self._held_due.update(
                {p: frozenset(days) for p, days in found.items()}
            )
        return self._held_due.get(staff_id, frozenset())

    def due_in_horizon(self, k: CaseClass) -> bool:
        """True when ``k``'s cases are due on a day of the horizon."""
        return k.deadline_day is not None and k.deadline_day < self.horizon

    @property
    def balanced_staff(self) -> tuple[str, ...]:
        """Staff whose load counts for balance: casework hours above 0."""
        return tuple(
            p.id
            for p in self.team.staff
            if p.casework and self.casework_minutes(p.id) > 0
        )


def _day_index(days: Sequence[date], day: date) -> int:
    """Last listed day on or before ``day``; 0 before, len after."""
    if days and day > days[-1]:
        return len(days)
    return max(0, bisect_right(days, day) - 1)


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

    ``max_moves`` replaces the team's move budget (``Rules.max_moves``,
    by default two per caseworker at work). ``capacity`` replaces the
    computed capacities (benchmark adapters that have capacities but no
    calendar).
    """
    options = options or BacklogOptions()
    caps = dict(capacity or staff_capacity(team, start, rota, horizon_days))
    days = next(iter(caps.values())).days if caps else ()
    held = holding(team, caps)
    at_work = sum(1 for p in team.staff if p.casework and caps[p.id].present)
    budget = (
        max_moves if max_moves is not None else team.rules.move_budget(at_work)
    )
    conflicts = overload_conflicts(team, caps)
    tied, linked, split = tie_groups(team, held.fixed_owner)
    conflicts.extend(split_group_conflicts(team, split))
    kept = {p: ceil_minutes(h) for p, h in held.kept_hours.items()}
    room = {
        p: floor_minutes(c.total_hours) - kept.get(p, 0)
        for p, c in caps.items()
    }
    drafts, qualified = open_drafts(
        team,
        caps,
        held,
        (tied, set(split)),
        room,
        max(1, options.effort_quantum_minutes),
    )
    waiting: dict[str, WaitReason] = {}
    for d in drafts:
        group = d.case.group
        tie = group if group in tied or group in split else None
        reason = passed_over(qualified[need_of(d.case)], d.efforts, tie)
        if d.case.owner is None and reason is not None:
            waiting[d.case.id] = reason
    queue_mode = options.allow_shelf and team.rules.shelf_order is (
        ShelfOrder.QUEUE
    )
    narrowed: frozenset[str] = frozenset()
    if queue_mode:
        cut_queues(drafts, waiting, room)
    elif sum(len(d.efforts) for d in drafts) > WINDOW_PAIRS:
        narrowed = apply_window(drafts, room)
        for d in drafts:
            if d.case.owner is None and not d.efforts:
                waiting.setdefault(d.case.id, WaitReason.NOT_WEIGHED)
    late_days = days + _days_after(team, days)
    classes = _classes(
        drafts, (held.movable, linked), options, queue_mode, late_days, start
    )
    groups: dict[str, list[int]] = defaultdict(list)
    for k in classes:
        if k.group in linked:
            groups[k.group].append(k.index)
    unskilled = sorted(
        cid
        for cid, why in waiting.items()
        if why is WaitReason.NOBODY_QUALIFIED
    )
    if unskilled:
        conflicts.extend(unskilled_conflicts(team, unskilled))
    chains, behind = (
        _chains(team, classes, waiting) if queue_mode else ({}, {})
    )
    work, due = _kept_work(team, held.fixed_owner, late_days)
    return BacklogData(
        team=team,
        weights=team.weights,
        options=options,
        days=days,
        capacity=caps,
        classes=tuple(classes),
        fixed_owner=held.fixed_owner,
        linked_groups={g: tuple(ks) for g, ks in groups.items()},
        max_moves=budget,
        kept=kept,
        movable=held.movable,
        over=held.over,
        waiting=waiting,
        narrowed=narrowed,
        shelf_order=team.rules.shelf_order,
        queue_chains=chains,
        returns_behind=behind,
        late_days=late_days,
        by_day=_by_day(team, caps, late_days),
        kept_work=work,
        kept_due=due,
        qualified=qualified,
        conflicts=conflicts,
        infeasible=bool(unskilled) and not options.allow_shelf,
    )


def _days_after(team: Team, days: Sequence[date]) -> tuple[date, ...]:
    """Opening days after the horizon up to the last deadline or target."""
    if not days or not team.cases:
        return ()
    last = max(
        max(target_date(c), c.deadline or target_date(c)) for c in team.cases
    )
    return days_after(team, days[-1], last) if last > days[-1] else ()


def _classes(
    drafts: Sequence[Draft],
    held: tuple[Mapping[str, MoveReason], set[str]],
    options: BacklogOptions,
    queue_mode: bool,
    late_days: Sequence[date],
    start: date,
) -> list[CaseClass]:
    """Open cases merged into classes of interchangeable ones.

    ``held`` holds each movable case's reason and the linked groups.
    """
    movable, linked = held
    keyed: dict[tuple[object, ...], list[Draft]] = defaultdict(list)
    shelvable: dict[str, bool] = {}
    for d in drafts:
        case = d.case
        shelvable[case.id] = case.owner is None or may_shelve(
            case, movable.get(case.id)
        )
        single = (
            not options.aggregate
            or case.group in linked
            or (queue_mode and case.owner is None)
        )
        key: tuple[object, ...] = (
            ("case", case.id)
            if single
            else (
                case.owner,
                case.group,
                tuple(d.efforts.items()),
                tuple(d.costs.items()),
                _day_index(late_days, target_date(case)),
                _deadline_day(late_days, case),
                math.ceil(case.effort_hours - 1e-6),
                shelvable[case.id],
            )
        )
        keyed[key].append(d)
    classes: list[CaseClass] = []
    for group in keyed.values():
        first = group[0].case
        urgent_first = sorted(
            (d.case for d in group),
            key=lambda c: (-shelf_urgency(c, start), queue_key(c)),
        )
        classes.append(
            CaseClass(
                index=len(classes),
                case_ids=tuple(c.id for c in urgent_first),
                urgencies=tuple(shelf_urgency(c, start) for c in urgent_first),
                owner=first.owner,
                group=first.group,
                efforts=group[0].efforts,
                costs=group[0].costs,
                target_day=_day_index(late_days, target_date(first)),
                deadline_day=_deadline_day(late_days, first),
                late_hours=math.ceil(first.effort_hours - 1e-6),
                may_shelve=shelvable[first.id],
            )
        )
    return classes


def _deadline_day(late_days: Sequence[date], case: Case) -> int | None:
    if case.deadline is None:
        return None
    day = _day_index(late_days, case.deadline)
    return None if day >= len(late_days) else day


def _chains(
    team: Team, classes: Sequence[CaseClass], waiting: Mapping[str, object]
) -> tuple[dict[str, tuple[int, ...]], dict[int, int]]:
    """Each skill queue's shelf cases in order, as class indices, and for
    each owned class that may go back to the shelf, the first shelf case
    behind it in its queue (which may then not start).

    Only cases the model can start are in a chain: passed-over cases
    stand aside, and cut-off cases can never start anyway.
    """
    by_id = {c.id: c for c in team.cases}
    queues: dict[str, list[tuple[tuple[object, ...], int]]] = defaultdict(list)
    for k in classes:
        case = by_id[k.case_ids[0]]
        if k.owner is None and k.candidates and case.id not in waiting:
            queues[queue_name(case)].append((shelf_key(case), k.index))
    chains: dict[str, tuple[int, ...]] = {}
    keys: dict[str, list[tuple[object, ...]]] = {}
    for name, entries in queues.items():
        entries.sort()
        chains[name] = tuple(i for _, i in entries)
        keys[name] = [key for key, _ in entries]
    behind: dict[int, int] = {}
    for k in classes:
        if k.owner is None or not k.may_shelve:
            continue
        front = min((by_id[cid] for cid in k.case_ids), key=shelf_key)
        name = queue_name(front)
        if name not in chains:
            continue
        place = bisect_right(keys[name], shelf_key(front))
        if place < len(chains[name]):
            behind[k.index] = chains[name][place]
    return chains, behind


def _kept_work(
    team: Team, fixed_owner: Mapping[str, str], late_days: Sequence[date]
) -> tuple[dict[str, tuple[int, ...]], dict[str, frozenset[int]]]:
    """Minutes each person keeps for certain by target day, and the days
    those cases are due (in progress and pinned cases first)."""
    work: dict[str, list[int]] = {}
    due: dict[str, set[int]] = defaultdict(set)
    size = len(late_days) + 1
    for case in team.cases:
        owner = fixed_owner.get(case.id)
        if owner is None:
            continue
        row = work.setdefault(owner, [0] * size)
        day = 0 if case.fixed else _day_index(late_days, target_date(case))
        row[min(day, size - 1)] += ceil_minutes(case.effort_for(owner))
        deadline = _deadline_day(late_days, case)
        if deadline is not None:
            due[owner].add(deadline)
    return (
        {p: tuple(row) for p, row in work.items()},
        {p: frozenset(days) for p, days in due.items()},
    )


def _by_day(
    team: Team, caps: Mapping[str, StaffCapacity], late_days: Sequence[date]
) -> dict[str, tuple[int, ...]]:
    """Casework minutes up to each late day, per person.

    The horizon's hours as computed (rota and all), then ordinary days.
    """
    found: dict[str, tuple[int, ...]] = {}
    after = late_days[len(next(iter(caps.values())).days) :] if caps else ()
    for person in team.staff:
        cap = caps.get(person.id)
        if cap is None:
            continue
        hours = list(cap.daily_hours) + [
            casework_hours_on(team, person, day) for day in after
        ]
        found[person.id] = tuple(
            floor_minutes(total) for total in accumulate(hours)
        )
    return found
