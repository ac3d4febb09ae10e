"""The rota's soft goals, one function each, returning a named term.

A term's expression is in *model units*: steps of ``Shares.step``
minutes for hour-valued goals, and counts times ``Shares.per_unit`` (the
steps in an hour), so every term is an integer and the objective is
``sum(weight * expression)``. A term is built only when its weight is
above 0. Every penalty variable is
defined exactly (equalities, not just bounds), so a term's value is right
in any solution, not only in an optimal one. ``docs/constraints.md`` gives
each formula; :func:`balancer.validate.rota.score_rota` recomputes them.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from balancer.domain import minutes
from balancer.solvers.rota.limits import limit

if TYPE_CHECKING:
    from datetime import date

    from ortools.sat.python import cp_model

    from balancer.domain import Preference, Staff
    from balancer.result import RotaBaseline
    from balancer.solvers.rota.shares import Shares
    from balancer.solvers.rota.variables import (
        Choice,
        RotaVariables,
        SlotInstance,
    )

__all__ = [
    "SOFT_GOALS",
    "ObjectiveContext",
    "Term",
    "blocks",
    "calendar_weeks",
    "casework_time",
    "duty_fairness",
    "duty_fairness_max",
    "fairness_max",
    "fairness_sum",
    "half_days",
    "nearest_gap",
    "over_target",
    "preferences",
    "requests",
    "rota_changes",
    "target_staffing",
    "unpopular_fairness",
    "variety",
]


def nearest_gap(share: int, grain: int, most: int) -> int:
    """Least ``|load - share|`` when the load is a multiple of ``grain``.

    A load can only take whole slots, so when every slot a person can
    take is a multiple of ``grain`` steps (mail in 3-hour slots: 6 steps
    of 30 min), their load is too, and it lies in ``[0, most]``. The
    deviation can then never be smaller than the distance from the share
    to the nearest such load. It is a valid lower bound that the LP
    relaxation does not see by itself (it lets the number of slots be
    fractional), so stating it raises the proven bound. ``grain`` 0 means
    no slot at all: the load is 0.
    """
    if grain <= 0 or most <= 0:
        return abs(share)
    top = most - most % grain
    below = min(max(share - share % grain, 0), top)
    above = min(below + grain, top)
    return min(abs(share - below), abs(share - above))


def at_least_max(
    model: cp_model.CpModel,
    target: cp_model.IntVar,
    exprs: list[cp_model.LinearExprT],
    *,
    exact: bool,
) -> None:
    """``target = max(exprs)``, or only ``target >= each`` when not exact.

    A penalty that only appears in a minimised objective is pushed down
    to the max anyway; the one-sided form is lighter to propagate.
    """
    if exact:
        model.add_max_equality(target, exprs)
    else:
        for expr in exprs:
            model.add(target >= expr)


@dataclass(frozen=True)
class Term:
    """A named soft goal: ``weight * expr`` goes into the objective."""

    name: str
    description: str
    weight: int
    expr: cp_model.LinearExprT
    scale: int

    def value(self, solver: cp_model.CpSolver) -> float:
        """Unweighted value in reported units (hours, slots, ...)."""
        return solver.value(self.expr) / self.scale


@dataclass
class ObjectiveContext:
    """What the goals share: the variables, fair shares, deviations."""

    v: RotaVariables
    shares: Shares
    exact: bool = True
    baseline: RotaBaseline | None = None
    _deviations: dict[tuple[str, str | None], cp_model.IntVar] = field(
        default_factory=dict
    )

    def deviation(self, staff_id: str, duty_id: str | None) -> cp_model.IntVar:
        """``|load - fair share|`` in steps, of one duty or all."""
        key = (staff_id, duty_id)
        if key not in self._deviations:
            share = (
                self.shares.overall[staff_id]
                if duty_id is None
                else self.shares.by_duty[duty_id][staff_id]
            )
            most = self._most_minutes(staff_id, duty_id) // self.shares.step
            grain = math.gcd(
                *(
                    inst.length // self.shares.step
                    for inst, _ in self.v.choices(staff_id)
                    if duty_id is None or inst.duty_id == duty_id
                )
            )
            dev = self.v.model.new_int_var(
                nearest_gap(share, grain, most),
                max(abs(share), abs(most - share)),
                f"deviation:{staff_id}/{duty_id or 'all'}",
            )
            load = self.v.load(staff_id, duty_id, step=self.shares.step)
            at_least_max(
                self.v.model,
                dev,
                [load - share, share - load],
                exact=self.exact,
            )
            self._deviations[key] = dev
        return self._deviations[key]

    def _most_minutes(self, staff_id: str, duty_id: str | None) -> int:
        """An upper bound on a person's duty minutes (daily limit)."""
        person = self.v.team.staff_by_id[staff_id]
        most = limit(self.v.team, person, "max_slots_per_day")
        total = 0
        for day in self.v.open_days:
            lengths = sorted(
                (
                    inst.length
                    for inst, _ in self.v.day_of(staff_id, day)
                    if duty_id is None or inst.duty_id == duty_id
                ),
                reverse=True,
            )
            total += sum(lengths[:most])
        return total


Goal = Callable[[ObjectiveContext], "Term | None"]


def fairness_max(ctx: ObjectiveContext) -> Term | None:
    """The largest deviation of anyone's duty hours from their fair share.

    ``max_p |hours(p) - fair(p)|`` in hours, over people who may take duty.
    """
    weight = ctx.v.team.weights.fairness_max
    pool = list(ctx.shares.overall)
    if weight == 0 or not pool:
        return None
    devs = [ctx.deviation(p, None) for p in pool]
    top = ctx.v.model.new_int_var(0, _upper(devs), "fairness_max")
    at_least_max(ctx.v.model, top, list(devs), exact=ctx.exact)
    return Term(
        "fairness_max",
        "Largest deviation from fair share of duty hours",
        weight,
        top,
        ctx.shares.per_unit,
    )


def fairness_sum(ctx: ObjectiveContext) -> Term | None:
    """Deviations of duty hours from fair shares, summed over people.

    ``sum_p |hours(p) - fair(p)|`` in hours.
    """
    weight = ctx.v.team.weights.fairness_sum
    if weight == 0:
        return None
    return Term(
        "fairness_sum",
        "Sum of deviations from fair share of duty hours",
        weight,
        sum(ctx.deviation(p, None) for p in ctx.shares.overall),
        ctx.shares.per_unit,
    )


def duty_fairness_max(ctx: ObjectiveContext) -> Term | None:
    """Per duty, the largest deviation from the fair share of that duty.

    ``sum_u max_{p may take u} |hours(p, u) - fair(p, u)|`` in hours.
    """
    weight = ctx.v.team.weights.duty_fairness_max
    if weight == 0:
        return None
    tops = []
    for duty_id, pool in ctx.shares.by_duty.items():
        if not pool:
            continue
        devs = [ctx.deviation(p, duty_id) for p in pool]
        top = ctx.v.model.new_int_var(
            0, _upper(devs), f"duty_fairness_max:{duty_id}"
        )
        at_least_max(ctx.v.model, top, list(devs), exact=ctx.exact)
        tops.append(top)
    return Term(
        "duty_fairness_max",
        "Largest deviation from fair share within each duty, summed",
        weight,
        sum(tops),
        ctx.shares.per_unit,
    )


def duty_fairness(ctx: ObjectiveContext) -> Term | None:
    """Deviations from the fair share of each duty, summed.

    ``sum_u sum_{p may take u} |hours(p, u) - fair(p, u)|`` in hours.
    """
    weight = ctx.v.team.weights.duty_fairness
    if weight == 0:
        return None
    return Term(
        "duty_fairness",
        "Sum of deviations from fair share per duty",
        weight,
        sum(
            ctx.deviation(p, duty_id)
            for duty_id, pool in ctx.shares.by_duty.items()
            for p in pool
        ),
        ctx.shares.per_unit,
    )


def unpopular_fairness(ctx: ObjectiveContext) -> Term | None:
    """Unpopular slots spread in proportion to available hours.

    ``sum_p |unpopular(p) - fair_unpopular(p)|`` in slots.
    """
    weight = ctx.v.team.weights.unpopular_fairness
    if weight == 0:
        return None
    devs = []
    for staff_id, share in ctx.shares.unpopular.items():
        count = ctx.v.load(staff_id, unpopular_only=True)
        most = ctx.shares.per_unit * sum(
            1 for inst, _ in ctx.v.choices(staff_id) if inst.slot.unpopular
        )
        dev = ctx.v.model.new_int_var(
            nearest_gap(share, ctx.shares.per_unit, most),
            max(abs(share), abs(most - share)),
            f"unpopular_deviation:{staff_id}",
        )
        scaled = ctx.shares.per_unit * count
        at_least_max(
            ctx.v.model, dev, [scaled - share, share - scaled], exact=ctx.exact
        )
        devs.append(dev)
    return Term(
        "unpopular_fairness",
        "Sum of deviations from fair share of unpopular slots",
        weight,
        sum(devs),
        ctx.shares.per_unit,
    )


def casework_time(ctx: ObjectiveContext) -> Term | None:
    """Each missing duty-free half day a week, per person.

    A half day (before / after ``Rules.half_day_split``) counts when the
    person works part of it and has no whole-day absence; it is free when
    no duty slot of theirs overlaps it. ``sum_{p, week} max(0,
    required(p, week) - free(p, week))`` in half days, where required =
    ``min(worked half days, floor(min_free * open weekdays of the week in
    the month / open weekdays of a week))``.
    """
    team = ctx.v.team
    weight = team.weights.casework_time
    if weight == 0:
        return None
    model = ctx.v.model
    split = minutes(team.rules.half_day_split)
    shortfalls = []
    for person in team.staff:
        for week in calendar_weeks(ctx.v):
            required, halves = half_days(ctx, person, week, split)
            busy_flags = []
            always_free = 0
            for (day, morning), chosen in halves:
                if not chosen:
                    always_free += 1
                    continue
                busy = model.new_bool_var(
                    f"busy_half:{person.id}@{day}/{'am' if morning else 'pm'}"
                )
                at_least_max(model, busy, list(chosen), exact=ctx.exact)
                busy_flags.append(busy)
            if not busy_flags or required <= always_free:
                continue
            free = always_free + len(busy_flags) - sum(busy_flags)
            short = model.new_int_var(
                0, required, f"casework_short:{person.id}@{week[0]}"
            )
            at_least_max(model, short, [0, required - free], exact=ctx.exact)
            shortfalls.append(short)
    return _counted(
        ctx,
        "casework_time",
        "Missing duty-free half days for casework",
        weight,
        sum(shortfalls),
    )


def blocks(ctx: ObjectiveContext) -> Term | None:
    """Duty in one block a day: each extra separate block is penalised.

    A block is a run of back-to-back slots. ``sum_{p, day} max(0,
    blocks(p, day) - 1)``.
    """
    weight = ctx.v.team.weights.blocks
    if weight == 0:
        return None
    model = ctx.v.model
    extras = []
    for person in ctx.v.team.staff:
        for day in ctx.v.open_days:
            choices = ctx.v.day_of(person.id, day)
            if len(choices) < 2:
                continue
            starts = [_block_start(ctx, c, choices) for c in choices]
            extra = model.new_int_var(
                0, len(choices) - 1, f"extra_blocks:{person.id}@{day}"
            )
            at_least_max(model, extra, [0, sum(starts) - 1], exact=ctx.exact)
            extras.append(extra)
    return _counted(
        ctx,
        "blocks",
        "Extra separate duty blocks in a day",
        weight,
        sum(extras),
    )


def target_staffing(ctx: ObjectiveContext) -> Term | None:
    """Slots staffed short of their target.

    ``sum_i max(0, target(i) - staff(i))`` in people.
    """
    weight = ctx.v.team.weights.target_staffing
    if weight == 0:
        return None
    model = ctx.v.model
    shorts = []
    for inst in ctx.v.instances():
        target = inst.slot.target_on(inst.day)
        if target == 0:
            continue
        short = model.new_int_var(0, target, f"short_of_target:{inst.label}")
        staffed = sum(var for _, var in ctx.v.staff_on(inst))
        at_least_max(model, short, [0, target - staffed], exact=ctx.exact)
        shorts.append(short)
    return _counted(
        ctx,
        "target_staffing",
        "People short of target staffing",
        weight,
        sum(shorts),
    )


def preferences(ctx: ObjectiveContext) -> Term | None:
    """Wants and avoids, each slot weighted by the preference's weight.

    An *avoid* costs its weight for each of the person's slots it
    matches; a *want* costs its weight for each slot it does not match.
    ``sum_pref weight(pref) * #slots(pref)``.
    """
    weight = ctx.v.team.weights.preferences
    if weight == 0:
        return None
    parts = []
    for pref in ctx.v.team.preferences:
        for inst, var in ctx.v.choices(pref.staff_id):
            if matches(pref, inst) != pref.want:
                parts.append(pref.weight * var)
    return _counted(
        ctx,
        "preferences",
        "Preference points lost (avoided slots given, wanted not)",
        weight,
        sum(parts),
    )


def variety(ctx: ObjectiveContext) -> Term | None:
    """Nobody gets the same slot again and again in one week.

    Same slot = same duty and the same times. ``sum_{p, week, slot}
    max(0, count - 1)``.
    """
    weight = ctx.v.team.weights.variety
    if weight == 0:
        return None
    model = ctx.v.model
    repeats = []
    for person in ctx.v.team.staff:
        for week in ctx.v.weeks():
            same: dict[tuple[str, str], list[cp_model.IntVar]] = defaultdict(
                list
            )
            for day in week:
                for inst, var in ctx.v.day_of(person.id, day):
                    same[inst.duty_id, inst.slot.label].append(var)
            for (duty_id, label), xs in same.items():
                if len(xs) < 2:
                    continue
                extra = model.new_int_var(
                    0,
                    len(xs) - 1,
                    f"repeat:{person.id}@{week[0]}/{duty_id}/{label}",
                )
                at_least_max(model, extra, [0, sum(xs) - 1], exact=ctx.exact)
                repeats.append(extra)
    return _counted(
        ctx,
        "variety",
        "Same slot again in the same week",
        weight,
        sum(repeats),
    )


def rota_changes(ctx: ObjectiveContext) -> Term | None:
    """Changes to the published rota: as few as possible.

    Only with a baseline (``--keep``, ``replan``). Every assignment of the
    current rota that the new one drops counts 1, and so does every new
    assignment it adds; a swap of two people on one slot counts 2. A
    current assignment the person can no longer take (absent now) is a
    change whatever the solver does. ``sum_{(p,i) in current} (1 -
    x[p,i]) + sum_{(p,i) not in current} x[p,i]`` in assignments.
    """
    baseline = ctx.baseline
    if baseline is None or baseline.change_weight == 0:
        return None
    v = ctx.v
    current = {
        (a.staff_id, (a.day, a.duty_id, a.slot_index))
        for a in baseline.current
    }
    forced = 0
    kept = []
    for staff_id, key in sorted(current):
        var = v.works(staff_id, *key)
        if var is None:
            forced += 1
        else:
            kept.append(var)
    added = [
        var
        for inst in v.instances()
        for staff_id, var in v.staff_on(inst)
        if (staff_id, inst.key) not in current
    ]
    count = forced + len(kept) - sum(kept) + sum(added)
    return _counted(
        ctx,
        "rota_changes",
        "Changes to the published rota (assignments added or removed)",
        baseline.change_weight,
        count,
    )


def over_target(ctx: ObjectiveContext) -> Term | None:
    """Slots staffed above their target (on that date).

    ``sum_i max(0, staff(i) - target(i))`` in people.
    """
    weight = ctx.v.team.weights.over_target
    if weight == 0:
        return None
    model = ctx.v.model
    extras = []
    for inst in ctx.v.instances():
        on = ctx.v.staff_on(inst)
        target = inst.slot.target_on(inst.day)
        if len(on) <= target:
            continue
        extra = model.new_int_var(
            0, len(on) - target, f"over_target:{inst.label}"
        )
        staffed = sum(var for _, var in on)
        at_least_max(model, extra, [0, staffed - target], exact=ctx.exact)
        extras.append(extra)
    return _counted(
        ctx,
        "over_target",
        "People above target staffing",
        weight,
        sum(extras),
    )


def requests(ctx: ObjectiveContext) -> Term | None:
    """Duty requests not met, each costing its weight.

    An *on* request (person, date, duty) is met when the person takes
    that duty that day; an *off* request when they don't.
    ``sum_req weight(req) x unmet(req)`` in points.
    """
    weight = ctx.v.team.weights.requests
    if weight == 0 or not ctx.v.team.requests:
        return None
    parts: list[cp_model.LinearExprT] = []
    for req in ctx.v.team.requests:
        taken = sum(
            var
            for inst, var in ctx.v.day_of(req.staff_id, req.on)
            if inst.duty_id == req.duty
        )
        parts.append(req.weight * ((1 - taken) if req.want else taken))
    return _counted(
        ctx,
        "requests",
        "Duty request points lost (on-requests not given, off given)",
        weight,
        sum(parts),
    )


def matches(pref: Preference, inst: SlotInstance) -> bool:
    """True when a slot instance is what the preference names."""
    return (
        (pref.weekday is None or pref.weekday == inst.day.weekday())
        and (pref.on is None or pref.on == inst.day)
        and (pref.duty is None or pref.duty == inst.duty_id)
        and (pref.slot_start is None or pref.slot_start == inst.slot.start)
    )


def _counted(
    ctx: ObjectiveContext,
    name: str,
    description: str,
    weight: int,
    count: cp_model.LinearExprT,
) -> Term:
    """A term counting things (slots, half days, points), in model units.

    Counts are scaled by the steps in an hour, as hours are, so every
    term of the objective is an integer in one unit.
    """
    scale = ctx.shares.per_unit
    return Term(name, description, weight, scale * count, scale)


def _upper(variables: list[cp_model.IntVar]) -> int:
    # The proto's repeated field ignores negative indices: copy it first.
    return max((list(v.proto.domain)[-1] for v in variables), default=0)


def _block_start(
    ctx: ObjectiveContext, choice: Choice, choices: list[Choice]
) -> cp_model.LinearExprT:
    """1 when the slot is taken and no slot just before it is."""
    inst, var = choice
    before = [v for other, v in choices if other.end == inst.start]
    if not before:
        return var
    model = ctx.v.model
    start = model.new_bool_var(f"block_start:{var.name}")
    if not ctx.exact:
        model.add(start >= var - sum(before))
        return start
    any_before = model.new_bool_var(f"after_duty:{var.name}")
    model.add_max_equality(any_before, before)
    model.add(start <= var)
    model.add(start <= 1 - any_before)
    model.add(start >= var - any_before)
    return start


def calendar_weeks(v: RotaVariables) -> list[tuple[date, ...]]:
    """The month's days (open or not) grouped by calendar week."""
    grouped: dict[tuple[int, int], list[date]] = defaultdict(list)
    for day in v.month.days():
        iso = day.isocalendar()
        grouped[iso.year, iso.week].append(day)
    return [tuple(days) for _, days in sorted(grouped.items())]


def half_days(
    ctx: ObjectiveContext, person: Staff, week: tuple[date, ...], split: int
) -> tuple[int, list[tuple[tuple[date, bool], list[cp_model.IntVar]]]]:
    """Required free half days, and each worked half with its choices."""
    team = ctx.v.team
    calendar = team.calendar
    open_weekdays = len(calendar.opening_hours)
    in_month = sum(1 for d in week if calendar.hours_on(d.weekday()))
    quota = (
        team.rules.min_free_half_days_per_week * in_month // open_weekdays
        if open_weekdays
        else 0
    )
    halves: list[tuple[tuple[date, bool], list[cp_model.IntVar]]] = []
    for day in week:
        start, end = team.working_hours(person, day)
        if minutes(end) <= minutes(start) or any(
            a.whole_day for a in team.absences_on(person.id, day)
        ):
            continue
        choices = ctx.v.day_of(person.id, day)
        if minutes(start) < split:
            halves.append(
                ((day, True), [var for i, var in choices if i.start < split])
            )
        if minutes(end) > split:
            halves.append(
                ((day, False), [var for i, var in choices if i.end > split])
            )
    return min(quota, len(halves)), halves


#: The soft goals in the order they are built.
SOFT_GOALS: tuple[Goal, ...] = (
    fairness_max,
    fairness_sum,
    duty_fairness_max,
    duty_fairness,
    unpopular_fairness,
    casework_time,
    blocks,
    target_staffing,
    preferences,
    variety,
    over_target,
    requests,
)
