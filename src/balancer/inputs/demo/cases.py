"""An open case backlog, deliberately uneven."""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import TYPE_CHECKING

from balancer.domain import (
    Case,
    CaseStatus,
    Month,
    Priority,
    Rules,
    Staff,
)
from balancer.inputs.demo.sizes import CASE_SKILLS, WIP_SHARE

if TYPE_CHECKING:
    import random

__all__ = ["make_cases", "started_dates"]


class _OwnerPicker:
    """Draws case owners qualified for a skill level, with uneven loads.

    About one caseworker in six is overloaded (2.5 times a fair pull) and
    one in five is light (a third of it), the imbalance the backlog
    balancer is meant to fix.
    """

    def __init__(self, rng: random.Random, people: tuple[Staff, ...]) -> None:
        self.rng = rng
        workers = [p for p in people if p.casework]
        load = {p.id: 1.0 for p in workers}
        shuffled = rng.sample(workers, len(workers))
        heavy = max(1, len(workers) // 6)
        light = max(1, len(workers) // 5)
        for person in shuffled[:heavy]:
            load[person.id] = 2.5
        for person in shuffled[heavy : heavy + light]:
            load[person.id] = 0.35
        self.pools: dict[tuple[str, int], tuple[list[str], list[float]]] = {}
        for skill in CASE_SKILLS:
            for level in (1, 2, 3):
                ids: list[str] = []
                cumulative: list[float] = []
                total = 0.0
                for person in workers:
                    if person.level(skill) >= level:
                        total += load[person.id] * (person.fte or 1.0)
                        ids.append(person.id)
                        cumulative.append(total)
                self.pools[skill, level] = (ids, cumulative)

    def pick(self, skill: str, level: int) -> str:
        ids, cumulative = self.pools[skill, level]
        return self.rng.choices(ids, cum_weights=cumulative)[0]


@dataclass
class _Draft:
    """A case before it gets its number (numbers follow arrival order)."""

    skill: str
    level: int
    effort: float
    received: date
    deadline: date | None
    priority: Priority
    status: CaseStatus
    tiebreak: float
    owner: str | None = None
    pinned: bool = False
    group: str | None = None
    effort_by_staff: dict[str, float] = field(default_factory=dict)


def make_cases(
    rng: random.Random, people: tuple[Staff, ...], month: Month, count: int
) -> tuple[Case, ...]:
    """An open backlog of ``count`` cases received in the last ~90 days.

    Effort is skewed (median about 4 h, 1-20 h in half hours). Most cases
    have a 30- or 60-day KPI deadline (some 90, a few none); newer cases
    are more often still on the shelf. About one case in ten belongs to
    a group of two or three for one member, all with one owner; a few
    owned cases are pinned, and a few name an expert who would need only
    70 % of the effort.

    Work in progress is what a real team has: a started case has only
    part of its effort left (30-90 %), and nobody has more in progress
    or pinned than :data:`WIP_SHARE` of a fortnight's contract hours;
    their oldest cases are started first, the rest wait as assigned. So
    the kept work never forces a caseworker over capacity by itself
    (only an absence can), and the balancer has the owners' queued cases
    to even out.
    """
    owners = _OwnerPicker(rng, people)
    drafts: list[_Draft] = []
    groups: set[str] = set()
    while len(drafts) < count:
        size = rng.choice((2, 3)) if rng.random() < 0.05 else 1
        size = min(size, count - len(drafts))
        group = _member_number(rng, groups) if size > 1 else None
        skill = rng.choices(CASE_SKILLS, (40, 40, 20))[0]
        level = rng.choices((1, 2, 3), (70, 25, 5))[0]
        owner: str | None = None
        for _ in range(size):
            draft = _case_draft(rng, month, skill, level)
            if draft.status != CaseStatus.NEW:
                # A member's cases share one caseworker.
                owner = owner or owners.pick(skill, level)
                draft.owner = owner
                draft.pinned = rng.random() < 0.02
            if draft.status == CaseStatus.IN_PROGRESS:
                left = draft.effort * rng.uniform(0.3, 0.9)
                draft.effort = max(1.0, round(left * 2) / 2)
            draft.group = group
            if rng.random() < 0.04:
                # An expert in the case type would finish it faster.
                expert = owners.pick(skill, 3)
                faster = max(0.5, round(draft.effort * 1.4) / 2)
                draft.effort_by_staff = {expert: faster}
            drafts.append(draft)
    drafts.sort(key=lambda d: (d.received, d.tiebreak))
    _limit_work_in_progress(people, drafts)
    base = 10_000 + rng.randrange(80_000)
    return tuple(
        Case(
            id=f"K-{base + i}",
            type=d.skill,
            skill=d.skill,
            min_level=d.level,
            effort_hours=d.effort,
            received=d.received,
            deadline=d.deadline,
            priority=d.priority,
            owner=d.owner,
            status=d.status,
            group=d.group,
            pinned=d.pinned,
            effort_by_staff=d.effort_by_staff,
        )
        for i, d in enumerate(drafts)
    )


def _limit_work_in_progress(
    people: tuple[Staff, ...], drafts: list[_Draft]
) -> None:
    """Start the oldest cases first, up to each owner's WIP limit.

    Kept (in-progress or pinned) hours per owner stay within
    :data:`WIP_SHARE` of two weeks of their contract; a case that would
    go over waits as assigned and unpinned instead. ``drafts`` run
    oldest first.
    """
    full_week = Rules().full_time_hours
    limit = {p.id: WIP_SHARE * 2 * full_week * (p.fte or 1.0) for p in people}
    kept: dict[str, float] = {}
    for draft in drafts:
        if draft.owner is None:
            continue
        if draft.status == CaseStatus.IN_PROGRESS or draft.pinned:
            hours = kept.get(draft.owner, 0.0) + draft.effort
            if hours > limit[draft.owner]:
                draft.status = CaseStatus.ASSIGNED
                draft.pinned = False
            else:
                kept[draft.owner] = hours


def _member_number(rng: random.Random, used: set[str]) -> str:
    """A member number not used by another group yet, e.g. ``M482913``."""
    while True:
        number = f"M{rng.randrange(100_000, 1_000_000)}"
        if number not in used:
            used.add(number)
            return number


def _case_draft(
    rng: random.Random, month: Month, skill: str, level: int
) -> _Draft:
    kpi = rng.choices((30, 60, 90, None), (50, 30, 10, 10))[0]
    oldest = 90 if kpi is None else min(90, round(kpi * 1.15))
    age = round(rng.triangular(1, oldest, 1))
    received = month.first - timedelta(days=age)
    if received.weekday() >= 5:  # post is opened on weekdays
        received -= timedelta(days=received.weekday() - 4)
    fresh = (month.first - received).days <= 7
    status = rng.choices(
        tuple(CaseStatus),
        (70, 20, 5, 5) if fresh else (12, 48, 28, 12),
    )[0]
    effort = min(20.0, max(1.0, rng.lognormvariate(math.log(4), 0.75)))
    return _Draft(
        skill=skill,
        level=level,
        effort=round(effort * 2) / 2,
        received=received,
        deadline=None if kpi is None else received + timedelta(days=kpi),
        priority=rng.choices(tuple(Priority), (15, 70, 12, 3))[0],
        status=status,
        tiebreak=rng.random(),
    )


def started_dates(
    rng: random.Random, cases: tuple[Case, ...], month: Month
) -> tuple[Case, ...]:
    """The cases, those under way (in progress or waiting) with a Started
    date.

    Work began some days after the case came in (a quarter of the wait
    so far up to all of it), always before the month starts; so the
    board's received-to-started figures have something to show. Drawn
    from a stream of its own, so the rest of the demo stays as it was.
    """
    under_way = (CaseStatus.IN_PROGRESS, CaseStatus.WAITING)
    found = []
    for case in cases:
        if case.status in under_way:
            waited = max(0, (month.first - case.received).days - 1)
            delay = round(rng.uniform(0.25, 1.0) * waited)
            started = case.received + timedelta(days=delay)
            case = case.model_copy(update={"started": started})
        found.append(case)
    return tuple(found)
