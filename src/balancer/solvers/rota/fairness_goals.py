"""The fairness goals: deviations from the fair shares, overall and per
duty, and the spread of unpopular slots (``docs/constraints.md``)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from balancer.solvers.rota.goal_context import (
    Term,
    at_least_max,
    nearest_gap,
    upper_bound,
)

if TYPE_CHECKING:
    from balancer.solvers.rota.goal_context import ObjectiveContext

__all__ = [
    "duty_fairness",
    "duty_fairness_max",
    "fairness_max",
    "fairness_sum",
    "unpopular_fairness",
]


def fairness_max(ctx: ObjectiveContext) -> Term | None:
    """The largest deviation of anyone's duty hours from their fair share.

    ``max_p |hours(p) - fair(p)|`` in hours, over people who may take duty.
    """
    weight = ctx.v.team.weights.fairness_max
    pool = list(ctx.shares.overall)
    if weight == 0 or not pool:
        return None
    devs = [ctx.deviation(p, None) for p in pool]
    top = ctx.v.model.new_int_var(0, upper_bound(devs), "fairness_max")
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
            0, upper_bound(devs), f"duty_fairness_max:{duty_id}"
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
