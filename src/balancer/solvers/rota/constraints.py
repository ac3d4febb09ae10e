"""The rota's hard rules, one function each, in the order they are added.

Every function takes the :class:`RotaVariables` and adds its rule to their
model. Rules about *who may* stand on a slot (open days, allowed duties,
working hours, absences) are kept by construction: see
:mod:`.eligibility`. ``docs/constraints.md`` is the catalogue; the
validator in :mod:`balancer.validate.rota` checks the same rules by name.

Limits come from the person when set (``Staff.max_*``), else the team
(``Rules.max_*``). A week is a calendar week, Monday to Sunday, counting
only the days inside the month.
"""

from __future__ import annotations

import functools
import itertools
from collections import defaultdict
from typing import TYPE_CHECKING

from balancer.solvers.rota.limits import limit, optional_limit

if TYPE_CHECKING:
    from collections.abc import Callable
    from datetime import date

    from balancer.domain import Team
    from balancer.result import RotaBaseline
    from balancer.solvers.rota.variables import (
        Choice,
        RotaVariables,
        SlotInstance,
    )

__all__ = [
    "HARD_RULES",
    "HardRule",
    "duty_minutes_range",
    "forbidden_successions",
    "greedy_keeps_every_rule",
    "hard_rule",
    "kept_rota",
    "max_consecutive_duty_days",
    "max_consecutive_slots",
    "max_duty_days_per_week",
    "max_duty_weekends",
    "max_slots_per_day",
    "max_slots_per_duty",
    "max_slots_per_week",
    "maximum_staffing",
    "min_consecutive_days_off",
    "min_consecutive_duty_days",
    "minimum_staffing",
    "one_duty_at_a_time",
    "required_skills",
]


class HardRule:
    """A hard rule of the rota: the function that states it in the model.

    Call it with the :class:`RotaVariables` to add the rule. Its name and
    docstring are the function's (the docstring states the rule in
    business words). ``greedy_keeps`` says whether the quick start (the
    greedy rota and its local search) keeps the rule, or aims at it for
    a demand, so that its rota is a useful hint; ``applies`` says whether
    the rule constrains a team at all (a limit nobody has set does not).
    A team with a rule that applies and that the quick start does not
    keep starts from the line-by-line rota instead (:mod:`.lines`).
    """

    def __init__(
        self,
        add: Callable[[RotaVariables], None],
        *,
        greedy_keeps: bool,
        applies: Callable[[Team], bool] | None = None,
    ) -> None:
        functools.update_wrapper(self, add)
        self.add = add
        self.name: str = add.__name__
        self.greedy_keeps = greedy_keeps
        self.applies: Callable[[Team], bool] = applies or _always

    def __call__(self, v: RotaVariables) -> None:
        self.add(v)

    def __repr__(self) -> str:
        return f"HardRule({self.name})"


def hard_rule(
    *, greedy_keeps: bool, applies: Callable[[Team], bool] | None = None
) -> Callable[[Callable[[RotaVariables], None]], HardRule]:
    """Make a function a :class:`HardRule`; both properties must be said."""

    def make(add: Callable[[RotaVariables], None]) -> HardRule:
        return HardRule(add, greedy_keeps=greedy_keeps, applies=applies)

    return make


def _always(team: Team) -> bool:
    return True


def _any_staff(*fields: str) -> Callable[[Team], bool]:
    """Applies when someone on the team has one of these limits set."""

    def applies(team: Team) -> bool:
        return any(
            getattr(person, name) not in (None, {})
            for person in team.staff
            for name in fields
        )

    return applies


def _any_succession(team: Team) -> bool:
    return any(duty.not_followed_by for duty in team.duties)


def greedy_keeps_every_rule(team: Team) -> bool:
    """True when the quick start keeps every hard rule that binds ``team``.

    False when the team has shift-work rules the greedy rota ignores: its
    rota would break them, and such a hint misleads the search (on
    Curtois Instance18 no rota at all in 60 s with it, one without).
    """
    return all(
        rule.greedy_keeps or not rule.applies(team) for rule in HARD_RULES
    )


@hard_rule(greedy_keeps=True)
def minimum_staffing(v: RotaVariables) -> None:
    """Every slot of every opening day has at least its minimum staff.

    ``sum_p x[p, slot instance] >= Slot.min_staff``
    """
    for inst in v.instances():
        on = v.staff_on(inst)
        if inst.slot.min_staff > 0:
            v.model.add(sum(var for _, var in on) >= inst.slot.min_staff)


@hard_rule(greedy_keeps=True)
def maximum_staffing(v: RotaVariables) -> None:
    """No slot has more than its maximum staff.

    ``sum_p x[p, slot instance] <= Slot.maximum``
    """
    for inst in v.instances():
        on = v.staff_on(inst)
        if len(on) > inst.slot.maximum:
            v.model.add(sum(var for _, var in on) <= inst.slot.maximum)


@hard_rule(greedy_keeps=True)
def required_skills(v: RotaVariables) -> None:
    """A slot needing a skill has enough staff with it at the level.

    ``sum_{p: level(p, skill) >= min_level} x[p, i] >= count``, for each
    ``SkillRequirement`` of the slot.
    """
    staff = v.team.staff_by_id
    for inst in v.instances():
        for need in inst.slot.requirements:
            holders = [
                var
                for staff_id, var in v.staff_on(inst)
                if staff[staff_id].level(need.skill) >= need.min_level
            ]
            v.model.add(sum(holders) >= need.count)


@hard_rule(greedy_keeps=True)
def one_duty_at_a_time(v: RotaVariables) -> None:
    """Nobody is on two duties at the same moment.

    ``sum_{i running at t} x[p, i] <= 1`` for every person, day and slot
    start ``t`` (every overlap contains the later slot's start).
    """
    for person in v.team.staff:
        for day in v.open_days:
            choices = v.day_of(person.id, day)
            for start in sorted({inst.start for inst, _ in choices}):
                running = [
                    var
                    for other, var in choices
                    if other.start <= start < other.end
                ]
                if len(running) > 1:
                    v.model.add_at_most_one(running)


@hard_rule(greedy_keeps=True)
def max_slots_per_day(v: RotaVariables) -> None:
    """Nobody has more duty slots in a day than their limit.

    ``sum_i x[p, i on day] <= max_slots_per_day(p)``
    """
    for person in v.team.staff:
        most = limit(v.team, person, "max_slots_per_day")
        for day in v.open_days:
            choices = v.day_of(person.id, day)
            if len(choices) > most:
                v.model.add(sum(var for _, var in choices) <= most)


@hard_rule(greedy_keeps=True)
def max_duty_days_per_week(v: RotaVariables) -> None:
    """Nobody has duty on more days of a week than their limit.

    ``sum_{day in week} [any x[p, i on day]] <= max_duty_days_per_week(p)``
    """
    for person in v.team.staff:
        most = limit(v.team, person, "max_duty_days_per_week")
        for week in v.weeks():
            days = [d for d in week if v.day_of(person.id, d)]
            if len(days) <= most:
                continue
            on_duty = []
            for day in days:
                flag = v.model.new_bool_var(f"duty_day:{person.id}@{day}")
                for _, var in v.day_of(person.id, day):
                    v.model.add_implication(var, flag)
                on_duty.append(flag)
            v.model.add(sum(on_duty) <= most)


@hard_rule(
    greedy_keeps=False,
    applies=lambda team: (
        team.rules.max_slots_per_week is not None
        or _any_staff("max_slots_per_week")(team)
    ),
)
def max_slots_per_week(v: RotaVariables) -> None:
    """Nobody takes more duty slots in a calendar week than their limit.

    The person's own limit, else the team's; no limit when neither is
    set. A week is a calendar week, counting only the period's days.
    ``sum_{i in week} x[p, i] <= max_slots_per_week(p)``
    """
    for person in v.team.staff:
        most = optional_limit(v.team, person, "max_slots_per_week")
        if most is None:
            continue
        for week in v.weeks():
            xs = [var for day in week for _, var in v.day_of(person.id, day)]
            if len(xs) > most:
                v.model.add(sum(xs) <= most)


@hard_rule(greedy_keeps=True)
def max_consecutive_slots(v: RotaVariables) -> None:
    """Nobody has more back-to-back slots than their limit.

    Slots are back to back when one ends as the next starts, of any duty.
    ``sum_{i in chain} x[p, i] <= max_consecutive_slots(p)`` for every
    chain of ``limit + 1`` back-to-back slots.
    """
    for person in v.team.staff:
        most = limit(v.team, person, "max_consecutive_slots")
        for day in v.open_days:
            choices = v.day_of(person.id, day)
            for chain in back_to_back_chains(choices, most + 1):
                v.model.add(sum(var for _, var in chain) <= most)


@hard_rule(greedy_keeps=False, applies=_any_staff("max_slots_by_duty"))
def max_slots_per_duty(v: RotaVariables) -> None:
    """Nobody takes a duty more often in the period than their limit.

    ``sum_{i of duty u} x[p, i] <= Staff.max_slots_by_duty[u]``
    """
    for person in v.team.staff:
        for duty_id, most in person.max_slots_by_duty.items():
            xs = [
                var
                for inst, var in v.choices(person.id)
                if inst.duty_id == duty_id
            ]
            if len(xs) > most:
                v.model.add(sum(xs) <= most)


@hard_rule(
    greedy_keeps=False,
    applies=_any_staff("min_duty_minutes", "max_duty_minutes"),
)
def duty_minutes_range(v: RotaVariables) -> None:
    """Each person's duty minutes in the period stay within their range.

    ``min_duty_minutes(p) <= sum_i minutes(i) x[p, i] <= max_duty_minutes(p)``
    """
    for person in v.team.staff:
        low, high = person.min_duty_minutes, person.max_duty_minutes
        if low is None and high is None:
            continue
        total = v.load(person.id)
        if low is not None:
            v.model.add(total >= low)
        if high is not None:
            v.model.add(total <= high)


@hard_rule(greedy_keeps=False, applies=_any_staff("max_consecutive_duty_days"))
def max_consecutive_duty_days(v: RotaVariables) -> None:
    """Nobody has duty on more days in a row than their limit.

    ``sum_{d in window} on_duty(p, d) <= limit(p)`` for every window of
    ``limit(p) + 1`` consecutive days of the period.
    """
    days = v.period_days()
    for person in v.team.staff:
        limit = person.max_consecutive_duty_days
        if limit is None:
            continue
        flags = [v.duty_day(person.id, d) for d in days]
        for first in range(len(days) - limit):
            window = [
                f for f in flags[first : first + limit + 1] if f is not None
            ]
            if len(window) > limit:
                v.model.add(sum(window) <= limit)


@hard_rule(greedy_keeps=False, applies=_any_staff("min_consecutive_duty_days"))
def min_consecutive_duty_days(v: RotaVariables) -> None:
    """A run of duty days is at least the person's minimum long.

    A run that touches the period's first or last day is never too short
    (it may go on outside the period). For every day-off, k duty days,
    day-off pattern inside the period with ``k < minimum``: forbidden.
    """
    for person in v.team.staff:
        least = person.min_consecutive_duty_days
        if least is not None and least > 1:
            _forbid_short_runs(v, person.id, least, duty=True)


@hard_rule(greedy_keeps=False, applies=_any_staff("min_consecutive_days_off"))
def min_consecutive_days_off(v: RotaVariables) -> None:
    """A run of duty-free days is at least the person's minimum long.

    A run touching the period's first or last day is never too short. For
    every duty day, k days off, duty day pattern inside the period with
    ``k < minimum``: forbidden.
    """
    for person in v.team.staff:
        least = person.min_consecutive_days_off
        if least is not None and least > 1:
            _forbid_short_runs(v, person.id, least, duty=False)


@hard_rule(greedy_keeps=False, applies=_any_staff("max_duty_weekends"))
def max_duty_weekends(v: RotaVariables) -> None:
    """Nobody has duty on more weekends in the period than their limit.

    A weekend is the Saturday and Sunday of one calendar week; it counts
    when the person has duty on either. ``sum_w weekend(p, w) <= limit``.
    """
    weekends: dict[tuple[int, int], list[date]] = defaultdict(list)
    for day in v.period_days():
        if day.weekday() >= 5:
            iso = day.isocalendar()
            weekends[iso.year, iso.week].append(day)
    for person in v.team.staff:
        limit = person.max_duty_weekends
        if limit is None:
            continue
        worked = []
        for key, days in sorted(weekends.items()):
            flags = [
                f for d in days if (f := v.duty_day(person.id, d)) is not None
            ]
            if len(flags) == 1:
                worked.append(flags[0])
            elif flags:
                weekend = v.model.new_bool_var(
                    f"duty_weekend:{person.id}@{key[0]}-W{key[1]}"
                )
                # One-sided (linear, so the LP sees it): a weekend with duty
                # counts; the limit keeps the rest from counting.
                for flag in flags:
                    v.model.add(weekend >= flag)
                worked.append(weekend)
        if len(worked) > limit:
            v.model.add(sum(worked) <= limit)


@hard_rule(greedy_keeps=False, applies=_any_succession)
def forbidden_successions(v: RotaVariables) -> None:
    """Nobody takes, the day after a duty, a duty it may not be followed by.

    ``x[p, i] + x[p, j] <= 1`` when ``i`` is of duty ``u`` on day ``d``,
    ``j`` of a duty in ``u.not_followed_by`` on day ``d + 1``.
    """
    banned = {
        duty.id: set(duty.not_followed_by)
        for duty in v.team.duties
        if duty.not_followed_by
    }
    if not banned:
        return
    days = v.period_days()
    for person in v.team.staff:
        for today, tomorrow in itertools.pairwise(days):
            later = v.day_of(person.id, tomorrow)
            for inst, var in v.day_of(person.id, today):
                after = banned.get(inst.duty_id, set())
                for nxt, other in later:
                    if nxt.duty_id in after:
                        v.model.add_bool_or([var.Not(), other.Not()])


def _forbid_short_runs(
    v: RotaVariables, staff_id: str, least: int, *, duty: bool
) -> None:
    """Forbid runs (of duty days, or of days off) shorter than ``least``.

    A run of length k from day s: the days s-1 and s+k are of the other
    kind, both inside the period.
    """
    days = v.period_days()
    flags = [v.duty_day(staff_id, d) for d in days]
    # Literal "the day is in the run": duty for duty runs, off otherwise.
    for start in range(1, len(days)):
        for length in range(1, least):
            end = start + length  # the day after the run
            if end >= len(days):
                break
            inside = flags[start:end]
            if duty and any(f is None for f in inside):
                continue  # cannot all be duty days
            clause = []
            for f in inside:
                if f is not None:
                    clause.append(f.Not() if duty else f)
            for edge in (flags[start - 1], flags[end]):
                if edge is None:
                    if not duty:
                        clause = []  # the edge can't be a duty day
                        break
                    continue  # an edge that is surely off: nothing to add
                clause.append(edge if duty else edge.Not())
            else:
                v.model.add_bool_or(clause)


def back_to_back_chains(
    choices: list[Choice], length: int
) -> list[list[Choice]]:
    """Every run of ``length`` choices, each starting as the last ends."""
    following: dict[SlotInstance, list[Choice]] = {
        inst: [c for c in choices if c[0].start == inst.end]
        for inst, _ in choices
    }
    chains: list[list[Choice]] = []

    def extend(chain: list[Choice]) -> None:
        if len(chain) == length:
            chains.append(chain)
            return
        for nxt in following[chain[-1][0]]:
            extend([*chain, nxt])

    for choice in choices:
        extend([choice])
    return chains


def kept_rota(v: RotaVariables, baseline: RotaBaseline) -> None:
    """Hand edits stay exactly as the planner set them; so does the past.

    An assignment the planner added is kept, one the planner removed stays
    out, and every day up to ``frozen_until`` keeps exactly the current
    rota: ``x[p, i] = 1`` for pinned and current-and-frozen choices,
    ``x[p, i] = 0`` for removed ones and every other frozen choice. Not
    in :data:`HARD_RULES`: it needs the baseline, so the model adds it
    only when one is given. A pin on a choice the person cannot take
    (absent, not working, not allowed) makes the model infeasible.
    """
    for a in baseline.pinned:
        v.fix(a.staff_id, a.day, a.duty_id, a.slot_index, True)
    for a in baseline.removed:
        v.fix(a.staff_id, a.day, a.duty_id, a.slot_index, False)
    until = baseline.frozen_until
    if until is None:
        return
    current = {
        (a.staff_id, a.day, a.duty_id, a.slot_index)
        for a in baseline.current
        if a.day <= until
    }
    for staff_id, day, duty_id, index in sorted(current):
        v.fix(staff_id, day, duty_id, index, True)
    for inst in v.instances():
        if inst.day > until:
            continue
        for staff_id, var in v.staff_on(inst):
            if (staff_id, *inst.key) not in current:
                v.model.add(var == 0)


#: The hard rules in the order they are added to the model.
HARD_RULES: tuple[HardRule, ...] = (
    minimum_staffing,
    maximum_staffing,
    required_skills,
    one_duty_at_a_time,
    max_slots_per_day,
    max_duty_days_per_week,
    max_slots_per_week,
    max_consecutive_slots,
    max_slots_per_duty,
    duty_minutes_range,
    max_consecutive_duty_days,
    min_consecutive_duty_days,
    min_consecutive_days_off,
    max_duty_weekends,
    forbidden_successions,
)
