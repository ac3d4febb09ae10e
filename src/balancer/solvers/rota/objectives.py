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

from collections import defaultdict
from typing import TYPE_CHECKING

from balancer.domain import minutes
from balancer.solvers.rota.fairness_goals import (
    duty_fairness,
    duty_fairness_max,
    fairness_max,
    fairness_sum,
    unpopular_fairness,
)
from balancer.solvers.rota.goal_context import (
    Goal,
    ObjectiveContext,
    Term,
    at_least_max,
    nearest_gap,
)

if TYPE_CHECKING:
    from datetime import date

    from ortools.sat.python import cp_model

    from balancer.domain import Preference, Staff
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
