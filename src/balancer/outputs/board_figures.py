"""The figures of the board page, as plain data: no words, no markup.

The board meeting looks at one week. :func:`board_figures` takes the
team (as its workbook says today), the month's rota, optionally the
backlog plan and last week's team workbook, and returns every figure the
page shows: this week's duty, each person's load, the shelf per skill
queue, the flow figures for the citizen, fairness so far this month and
the three things to talk about. ``docs/board.md`` defines each one; the
definitions are repeated in the docstrings below, next to the code.

A case is *closed* when it has left the Cases sheet: the Cases sheet is
the open backlog, and its statuses (new, assigned, in progress, waiting)
all mean open. So "closed since last week" is known only with last
week's workbook (``--previous``).
"""

from __future__ import annotations

import math
import statistics
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import TYPE_CHECKING

from balancer.domain import CaseStatus, Month
from balancer.solvers.cases.capacity import casework_hours_on
from balancer.solvers.planning import account_for

if TYPE_CHECKING:
    from collections.abc import Iterable, Sequence

    from balancer.domain import Case, Slot, Team
    from balancer.result import CaseAssignment, DutyAssignment

__all__ = [
    "BoardFigures",
    "DutyCell",
    "DutyRow",
    "FlowChange",
    "FlowFigures",
    "PersonFigures",
    "QueueFigures",
    "Spread",
    "TalkPoints",
    "board_day",
    "board_figures",
    "iso_week_monday",
    "nearest_rank",
]

#: Days of the week after the board day that the previous workbook is
#: taken to lie before it (``--previous`` is last week's workbook).
PREVIOUS_DAYS = 7

#: Statuses that mean work on the case has begun.
UNDER_WAY = frozenset({CaseStatus.IN_PROGRESS, CaseStatus.WAITING})


def iso_week_monday(text: str) -> date:
    """The Monday of an ISO week written ``2027-W10`` (or ``2027W10``).

    Raises
    ------
    ValueError
        When the text is no ISO week.
    """
    cleaned = text.strip().upper().replace("-", "")
    year, sep, week = cleaned.partition("W")
    if not (sep and year.isdigit() and week.isdigit()):
        raise ValueError(f"{text!r} is not a week; write it as 2027-W10")
    try:
        return date.fromisocalendar(int(year), int(week), 1)
    except ValueError:
        raise ValueError(
            f"{text!r} is not a week of {year}; weeks run 1-52 (or 53)"
        ) from None


def board_day(
    team: Team, month: Month, today: date, week: date | None = None
) -> tuple[date, date]:
    """The board's week (its Monday) and the day it shows as today.

    With ``week`` (a Monday): that week, and ``today`` when it falls in
    it, else the week's first opening day. Without: the week of
    ``today`` when it falls in the rota's month, else the week of the
    month's first opening day, shown as today.
    """
    if week is not None:
        monday = week - timedelta(days=week.weekday())
        days = [monday + timedelta(days=i) for i in range(7)]
        if today in days:
            return monday, today
        return monday, next(
            (d for d in days if team.calendar.is_open(d)), monday
        )
    if not month.first <= today <= month.last:
        today = next(
            (d for d in month.days() if team.calendar.is_open(d)),
            month.first,
        )
    return today - timedelta(days=today.weekday()), today


def nearest_rank(values: Sequence[float], percent: float) -> float:
    """The ``percent``-th percentile by nearest rank (a value of the list).

    The smallest value with at least ``percent`` % of the values at or
    below it: for 10 values, the 90th percentile is the 9th smallest.
    """
    ordered = sorted(values)
    rank = max(1, math.ceil(percent / 100 * len(ordered)))
    return ordered[rank - 1]


@dataclass(frozen=True)
class Spread:
    """How many days, over ``count`` cases: median, 90th percentile, max."""

    count: int
    median: float | None = None
    p90: float | None = None
    maximum: float | None = None

    @classmethod
    def of(cls, days: Sequence[float]) -> Spread:
        """The spread of ``days``; figures None when there are none."""
        if not days:
            return cls(0)
        return cls(
            count=len(days),
            median=float(statistics.median(days)),
            p90=float(nearest_rank(days, 90)),
            maximum=float(max(days)),
        )


@dataclass(frozen=True)
class DutyCell:
    """One slot on one day of the week.

    ``staff`` are the people the rota puts on it; ``away`` those of them
    an absence in the team workbook now keeps off it (a sick call after
    the rota was made). ``runs`` is False when the slot does not run that
    day (weekday, closed day); ``planned`` False when the day is outside
    the rota's month. ``short`` counts people missing to the target,
    ``below_min`` says the slot is under its minimum.
    """

    day: date
    runs: bool
    planned: bool
    staff: tuple[str, ...] = ()
    away: tuple[str, ...] = ()
    minimum: int = 0
    target: int = 0

    @property
    def present(self) -> int:
        """People on the slot who are not away."""
        return len(self.staff) - len(self.away)

    @property
    def short(self) -> int:
        """People missing to the target (0 when met or not planned)."""
        if not (self.runs and self.planned):
            return 0
        return max(0, self.target - self.present)

    @property
    def below_min(self) -> bool:
        """True when fewer than the minimum are on the slot."""
        return self.runs and self.planned and self.present < self.minimum


@dataclass(frozen=True)
class DutyRow:
    """One duty slot across the week's days."""

    duty_id: str
    duty_title: str
    slot_index: int
    start: str
    end: str
    cells: tuple[DutyCell, ...]

    @property
    def short_days(self) -> int:
        """Days this week the slot is short of its target."""
        return sum(1 for cell in self.cells if cell.short > 0)


@dataclass(frozen=True)
class PersonFigures:
    """One person's week and month so far, in hours.

    Load this week: ``duty_hours`` (the rota's duty this week),
    ``casework_hours`` (at work less duty less the daily overhead, over
    the week's days), ``started_hours`` and ``queued_hours`` (remaining
    effort of the open cases they own: under way, and not yet started).
    Fairness so far this month: ``done_hours`` (duty on the month's days
    before the board day) against ``share_to_date`` (their fair share of
    the month times the part of the month's planned duty that lies before
    the board day).
    """

    staff_id: str
    name: str
    duty_hours: float
    casework_hours: float
    started_hours: float
    queued_hours: float
    cases: int
    done_hours: float
    share_to_date: float
    takes_duty: bool

    @property
    def desk_hours(self) -> float:
        """Hours of open cases on the person's desk."""
        return self.started_hours + self.queued_hours

    @property
    def load(self) -> float | None:
        """Desk hours over casework hours; None with neither."""
        if self.casework_hours > 1e-9:
            return self.desk_hours / self.casework_hours
        return math.inf if self.desk_hours > 1e-9 else None

    @property
    def deviation(self) -> float:
        """Duty done less the share to date (+ = did more)."""
        return self.done_hours - self.share_to_date


@dataclass(frozen=True)
class QueueFigures:
    """One skill queue of the shelf (``skill`` None = any skill).

    ``forecast_late`` is None without a backlog plan to forecast from.
    """

    skill: str | None
    length: int
    hours: float
    oldest_days: int | None
    oldest_case: str | None
    forecast_late: int | None
    overdue: int


@dataclass(frozen=True)
class FlowFigures:
    """The flow figures that serve the citizen, on one board day.

    ``to_started``: days from received to started, over the open cases
    with a Started date, and (with last week's workbook) the cases closed
    since that had one. ``to_done``: days from received to the board day
    for the cases closed since last week (None without it; the exact
    closing day is not in the workbook, so these are upper bounds, at
    most a week high). ``wip``: open cases under way (in progress or
    waiting, or with a Started date) and their remaining hours.
    ``throughput``: cases closed per week (None without last week's
    workbook). ``arrived_7d`` and ``started_7d``: cases received, and
    started, in the seven days up to the board day, by their dates.
    ``started_undated``: cases under way without a Started date (left
    out of ``to_started``).
    """

    to_started: Spread
    to_done: Spread | None
    wip: int
    wip_hours: float
    throughput: float | None
    arrived_7d: int
    started_7d: int
    started_undated: int


@dataclass(frozen=True)
class FlowChange:
    """What changed since last week's team workbook.

    ``arrived``: cases in this workbook that last week's did not list.
    ``started``: cases under way now that were not under way (or not
    there) last week. ``closed``: cases open last week that have left
    the Cases sheet. ``before``: last week's flow figures, counted on
    the day a week before the board day.
    """

    arrived: int
    started: int
    closed: int
    before: FlowFigures


@dataclass(frozen=True)
class TalkPoints:
    """The three things to talk about, picked by plain rules.

    ``over``: the person furthest over capacity (the highest desk hours
    over casework hours this week, above 100 %; people with cases and no
    casework hours first); None when nobody is over. ``oldest``: the case
    that has waited longest on the shelf (earliest received, then id);
    None with an empty shelf. ``short``: the slot short of its target on
    the most days this week (then most people missing, then earliest);
    None when every slot has its target.
    """

    over: PersonFigures | None
    oldest: Case | None
    oldest_days: int | None
    short: DutyRow | None


@dataclass(frozen=True)
class BoardFigures:
    """Every figure of the board page."""

    team_size: int
    month: Month
    monday: date
    today: date
    days: tuple[date, ...]
    duty: tuple[DutyRow, ...]
    people: tuple[PersonFigures, ...]
    shelf: tuple[QueueFigures, ...]
    flow: FlowFigures
    change: FlowChange | None
    talk: TalkPoints
    open_cases: int
    month_share_done: float
    has_backlog: bool
    notes: tuple[str, ...] = field(default=())

    @property
    def shelf_length(self) -> int:
        """Cases on the shelf, every queue together."""
        return sum(queue.length for queue in self.shelf)


def board_figures(
    team: Team,
    month: Month,
    rota: Sequence[DutyAssignment],
    today: date,
    monday: date | None = None,
    backlog: Sequence[CaseAssignment] | None = None,
    previous: Team | None = None,
) -> BoardFigures:
    """Every figure of the board for the week of ``monday``.

    Parameters
    ----------
    team
        The team as its workbook stands on the board day.
    month
        The rota's month; days of the week outside it show no rota.
    rota
        The month's rota (the Board sheet, hand edits and all).
    today
        The board day: highlighted, and the day ages are counted to.
    monday
        The week's Monday; default: the week of ``today``.
    backlog
        The backlog plan (owners, forecasts); default: the owners in
        the team workbook, and no forecasts.
    previous
        Last week's team workbook, for what changed since.
    """
    first = monday or today - timedelta(days=today.weekday())
    days = tuple(first + timedelta(days=i) for i in range(7))
    owners = _owners(team, backlog)
    duty = _duty_rows(team, month, rota, days)
    people = _people(team, month, rota, days, today, owners)
    shelf = _shelf(team, today, owners, backlog)
    closed = _closed_since(team, previous)
    flow = _flow(team.cases, today, closed)
    change = None
    if previous is not None:
        before_day = today - timedelta(days=PREVIOUS_DAYS)
        change = FlowChange(
            arrived=len(_ids(team.cases) - _ids(previous.cases)),
            started=_started_since(team, previous),
            closed=len(closed or ()),
            before=_flow(previous.cases, before_day, None),
        )
    talk = _talk(team, people, shelf, duty, today, owners)
    return BoardFigures(
        team_size=len(team.staff),
        month=month,
        monday=first,
        today=today,
        days=_shown_days(team, duty, days),
        duty=duty,
        people=people,
        shelf=shelf,
        flow=flow,
        change=change,
        talk=talk,
        open_cases=len(team.cases),
        month_share_done=_month_part_done(team, month, today),
        has_backlog=backlog is not None,
    )


# --------------------------------------------------------------------------
# This week's duty
# --------------------------------------------------------------------------


def _duty_rows(
    team: Team,
    month: Month,
    rota: Sequence[DutyAssignment],
    days: tuple[date, ...],
) -> tuple[DutyRow, ...]:
    on: dict[tuple[date, str, int], list[str]] = defaultdict(list)
    for entry in rota:
        on[entry.day, entry.duty_id, entry.slot_index].append(entry.staff_id)
    rows = []
    for duty in team.duties:
        for index, slot in enumerate(duty.slots):
            cells = tuple(
                _cell(team, month, slot, day, on[day, duty.id, index])
                for day in days
            )
            if not any(cell.runs for cell in cells):
                continue
            rows.append(
                DutyRow(
                    duty_id=duty.id,
                    duty_title=duty.title,
                    slot_index=index,
                    start=f"{slot.start:%H:%M}",
                    end=f"{slot.end:%H:%M}",
                    cells=cells,
                )
            )
    rows.sort(key=lambda r: (r.start, r.end, _duty_order(team, r.duty_id)))
    return tuple(rows)


def _duty_order(team: Team, duty_id: str) -> int:
    return next(i for i, d in enumerate(team.duties) if d.id == duty_id)


def _cell(
    team: Team, month: Month, slot: Slot, day: date, staff: list[str]
) -> DutyCell:
    runs = slot.runs_on(day.weekday()) and team.calendar.is_open(day)
    planned = month.first <= day <= month.last
    if not runs:
        return DutyCell(day=day, runs=False, planned=planned)
    ordered = tuple(sorted(set(staff)))
    away = tuple(
        s
        for s in ordered
        if any(
            a.blocks(day, slot.start, slot.end)
            for a in team.absences_on(s, day)
        )
    )
    return DutyCell(
        day=day,
        runs=True,
        planned=planned,
        staff=ordered,
        away=away,
        minimum=slot.min_staff,
        target=slot.target_on(day),
    )


def _shown_days(
    team: Team, duty: tuple[DutyRow, ...], days: tuple[date, ...]
) -> tuple[date, ...]:
    """The week's days that are open or have a slot: Mon-Fri at least."""
    shown = []
    for i, day in enumerate(days):
        used = any(row.cells[i].runs for row in duty)
        if day.weekday() < 5 or used or team.calendar.is_open(day):
            shown.append(day)
    return tuple(shown)


# --------------------------------------------------------------------------
# People: load this week, fairness so far this month
# --------------------------------------------------------------------------


def _owners(
    team: Team, backlog: Sequence[CaseAssignment] | None
) -> dict[str, str | None]:
    """Case id -> owner: the backlog plan's where it names the case."""
    owners = {case.id: case.owner for case in team.cases}
    if backlog is not None:
        for entry in backlog:
            if entry.case_id in owners:
                owners[entry.case_id] = entry.staff_id
    return owners


def _under_way(case: Case) -> bool:
    return case.status in UNDER_WAY or case.started is not None


def _people(
    team: Team,
    month: Month,
    rota: Sequence[DutyAssignment],
    days: tuple[date, ...],
    today: date,
    owners: dict[str, str | None],
) -> tuple[PersonFigures, ...]:
    week = set(days)
    duty_day: dict[tuple[str, date], float] = defaultdict(float)
    done: dict[str, float] = defaultdict(float)
    for entry in rota:
        duty = team.duty_by_id.get(entry.duty_id)
        if duty is None or entry.slot_index >= len(duty.slots):
            continue
        hours = duty.slots[entry.slot_index].hours
        if entry.day in week:
            duty_day[entry.staff_id, entry.day] += hours
        if entry.day < today:
            done[entry.staff_id] += hours
    started: dict[str, float] = defaultdict(float)
    queued: dict[str, float] = defaultdict(float)
    count: dict[str, int] = defaultdict(int)
    for case in team.cases:
        owner = owners.get(case.id)
        if owner is None:
            continue
        hours = case.effort_for(owner)
        count[owner] += 1
        if _under_way(case):
            started[owner] += hours
        else:
            queued[owner] += hours
    shares = _shares_to_date(team, month, rota, today)
    found = []
    for person in team.staff:
        casework = sum(
            casework_hours_on(
                team, person, day, duty_day.get((person.id, day), 0.0)
            )
            for day in days
        )
        found.append(
            PersonFigures(
                staff_id=person.id,
                name=person.name or person.id,
                duty_hours=sum(
                    duty_day.get((person.id, day), 0.0) for day in days
                ),
                casework_hours=casework,
                started_hours=started[person.id],
                queued_hours=queued[person.id],
                cases=count[person.id],
                done_hours=done[person.id],
                share_to_date=shares.get(person.id, 0.0),
                takes_duty=person.id in shares,
            )
        )
    return tuple(found)


def _planned_hours(team: Team, month: Month, before: date) -> float:
    """Target staffing hours of the month's slots on days before a day."""
    total = 0.0
    for day in month.days():
        if day >= before or not team.calendar.is_open(day):
            continue
        for duty in team.duties:
            for slot in duty.slots:
                if slot.runs_on(day.weekday()):
                    total += slot.target_on(day) * slot.hours
    return total


def _month_part_done(team: Team, month: Month, today: date) -> float:
    """The part (0-1) of the month's planned duty on days before today."""
    whole = _planned_hours(team, month, month.last + timedelta(days=1))
    if whole <= 0:
        return 0.0
    return _planned_hours(team, month, today) / whole


def _shares_to_date(
    team: Team,
    month: Month,
    rota: Sequence[DutyAssignment],
    today: date,
) -> dict[str, float]:
    """Staff id -> fair share to date, for the people who take duty.

    The month's fair share (the rota's fairness account) times the part
    of the month's planned duty (target staffing hours) that lies on
    days before the board day.
    """
    part = _month_part_done(team, month, today)
    account = account_for(team, month, rota)
    return {
        line.staff_id: line.fair_share_hours * part
        for line in account.staff
        if line.fair_share_hours > 0 or line.assigned_hours > 0
    }


# --------------------------------------------------------------------------
# The shelf
# --------------------------------------------------------------------------


def _shelf(
    team: Team,
    today: date,
    owners: dict[str, str | None],
    backlog: Sequence[CaseAssignment] | None,
) -> tuple[QueueFigures, ...]:
    late = (
        None
        if backlog is None
        else {entry.case_id for entry in backlog if entry.late}
    )
    queues: dict[str | None, list[Case]] = defaultdict(list)
    for case in team.cases:
        if owners.get(case.id) is None:
            queues[case.skill].append(case)
    found = []
    for skill in sorted(queues, key=lambda s: (s is None, s or "")):
        cases = queues[skill]
        oldest = min(cases, key=lambda c: (c.received, c.id))
        found.append(
            QueueFigures(
                skill=skill,
                length=len(cases),
                hours=sum(c.effort_hours for c in cases),
                oldest_days=(today - oldest.received).days,
                oldest_case=oldest.id,
                forecast_late=(
                    None
                    if late is None
                    else sum(1 for c in cases if c.id in late)
                ),
                overdue=sum(
                    1
                    for c in cases
                    if c.deadline is not None and c.deadline < today
                ),
            )
        )
    return tuple(found)


# --------------------------------------------------------------------------
# Flow
# --------------------------------------------------------------------------


def _ids(cases: Iterable[Case]) -> set[str]:
    return {case.id for case in cases}


def _closed_since(team: Team, previous: Team | None) -> list[Case] | None:
    """Last week's open cases that have left the Cases sheet."""
    if previous is None:
        return None
    now = _ids(team.cases)
    return [case for case in previous.cases if case.id not in now]


def _started_since(team: Team, previous: Team) -> int:
    before = {case.id: _under_way(case) for case in previous.cases}
    return sum(
        1
        for case in team.cases
        if _under_way(case) and not before.get(case.id, False)
    )


def _flow(
    cases: Sequence[Case], today: date, closed: Sequence[Case] | None
) -> FlowFigures:
    gone = list(closed or ())
    waits = [
        (c.started - c.received).days
        for c in (*cases, *gone)
        if c.started is not None
    ]
    under_way = [c for c in cases if _under_way(c)]
    week_ago = today - timedelta(days=7)
    return FlowFigures(
        to_started=Spread.of(waits),
        to_done=(
            None
            if closed is None
            else Spread.of([(today - c.received).days for c in gone])
        ),
        wip=len(under_way),
        wip_hours=sum(c.effort_hours for c in under_way),
        throughput=None if closed is None else float(len(gone)),
        arrived_7d=sum(1 for c in cases if week_ago < c.received <= today),
        started_7d=sum(
            1
            for c in cases
            if c.started is not None and week_ago < c.started <= today
        ),
        started_undated=sum(1 for c in under_way if c.started is None),
    )


# --------------------------------------------------------------------------
# Three things to talk about
# --------------------------------------------------------------------------


def _talk(
    team: Team,
    people: tuple[PersonFigures, ...],
    shelf: tuple[QueueFigures, ...],
    duty: tuple[DutyRow, ...],
    today: date,
    owners: dict[str, str | None],
) -> TalkPoints:
    over = [p for p in people if p.load is not None and p.load > 1.0]
    furthest = max(
        over, key=lambda p: (p.load or 0.0, p.desk_hours), default=None
    )
    waiting = [c for c in team.cases if owners.get(c.id) is None]
    oldest = min(waiting, key=lambda c: (c.received, c.id), default=None)
    short = [row for row in duty if row.short_days > 0]
    worst = max(
        short,
        key=lambda r: (r.short_days, sum(c.short for c in r.cells)),
        default=None,
    )
    return TalkPoints(
        over=furthest,
        oldest=oldest,
        oldest_days=None if oldest is None else (today - oldest.received).days,
        short=worst,
    )
