"""The backlog's soft goals: one function per named term.

Each function returns a :class:`Term` (its readable name, weight and the
expression it penalises) or None when its weight is 0, so a switched-off
goal adds nothing to the model. The objective is the weighted sum.

Terms and their units (the value reported in the result):

* ``balance_max``: the largest utilisation, kept + new hours over casework
  hours, in whole % (absolute mode: the largest load in hours).
* ``balance_spread``: largest minus smallest utilisation, in % points
  (absolute mode: hours), so nobody runs dry while another is full.
* ``lateness``: hours of work forecast past a deadline: per person and
  day on which a case they hold is due (in the horizon or after it), the
  work queued up to that day beyond the hours they have by then; plus
  the hours of shelved cases due in the horizon.
* ``shelf``: shelf points of the cases that wait (on the shelf, or with
  an owner away all horizon), each priority x (1 + days old), so old and
  urgent cases leave first.
* ``moves``: owned cases that change owner (or go back to the shelf).
* ``fit``: skill levels above each case's need, plus its own fit cost.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from itertools import accumulate
from typing import TYPE_CHECKING

from ortools.sat.python import cp_model

from balancer.solvers.cases.wording import say

if TYPE_CHECKING:
    from balancer.solvers.cases.data import BacklogData, CaseClass
    from balancer.solvers.cases.variables import BacklogVariables

__all__ = [
    "SOFT_GOALS",
    "Term",
    "balance_max",
    "balance_spread",
    "fit",
    "lateness",
    "moves",
    "shelf",
]

Expr = cp_model.LinearExprT


@dataclass(frozen=True)
class Term:
    """A named soft goal in the model.

    ``expr`` is in model units; the reported value is ``expr / scale``.
    ``texts`` is the description in every language.
    """

    name: str
    description: str
    weight: int
    expr: Expr
    scale: int = 1
    texts: Mapping[str, str] = field(default_factory=dict)


def _term(
    name: str, weight: int, expr: Expr, scale: int = 1, **fields: object
) -> Term:
    """A term described by its catalogue entry (``goal.<name>.about``),
    ``fields`` filled in."""
    about = say(f"goal.{name}.about", **fields)
    return Term(name, about["en"], weight, expr, scale, about)


SoftGoal = Callable[
    [cp_model.CpModel, "BacklogVariables", "BacklogData"], "Term | None"
]


def _peak(
    model: cp_model.CpModel, v: BacklogVariables, data: BacklogData
) -> cp_model.IntVar:
    """The largest utilisation (or load in minutes, absolute mode)."""
    if "peak" in v.derived:
        return v.derived["peak"]
    staff = data.balanced_staff
    if data.options.relative_balance:
        top = max(
            [100]
            + [
                -(
                    -100
                    * (data.kept_minutes(p) + v.max_load(p))
                    // data.casework_minutes(p)
                )
                for p in staff
            ]
        )
        peak = model.new_int_var(0, top, "peak_utilisation_pct")
        for p in staff:
            # 100 * (kept + new) <= peak * hours, i.e. peak >= load %.
            model.add(
                100 * (data.kept_minutes(p) + v.load_var(p))
                <= peak * data.casework_minutes(p)
            )
    else:
        top = max(
            [0]
            + [
                data.kept_minutes(s.id) + v.max_load(s.id)
                for s in data.team.staff
            ]
        )
        peak = model.new_int_var(0, top, "peak_load_minutes")
        for person in data.team.staff:
            p = person.id
            if person.casework:
                model.add(data.kept_minutes(p) + v.load_var(p) <= peak)
    v.derived["peak"] = peak
    return peak


def _trough(
    model: cp_model.CpModel, v: BacklogVariables, data: BacklogData
) -> cp_model.IntVar:
    """The smallest utilisation (or load in minutes, absolute mode)."""
    peak = _peak(model, v, data)
    top = list(model.proto.variables[peak.index].domain)[-1]
    trough = model.new_int_var(0, top, "trough")
    staff = data.balanced_staff
    for p in staff:
        total = data.kept_minutes(p) + v.load_var(p)
        if data.options.relative_balance:
            model.add(trough * data.casework_minutes(p) <= 100 * total)
        else:
            model.add(trough <= total)
    if not staff:
        model.add(trough == 0)
    return trough


def _balance_unit(data: BacklogData) -> tuple[dict[str, str], int]:
    if data.options.relative_balance:
        return say("goal.unit.percent"), 1
    return say("goal.unit.hours"), 60


def balance_max(
    model: cp_model.CpModel, v: BacklogVariables, data: BacklogData
) -> Term | None:
    """Nobody overloaded: the highest utilisation (kept + new / hours)."""
    weight = data.weights.balance_max
    if weight <= 0:
        return None
    unit, scale = _balance_unit(data)
    return _term(
        "balance_max", weight, _peak(model, v, data), unit=unit, scale=scale
    )


def balance_spread(
    model: cp_model.CpModel, v: BacklogVariables, data: BacklogData
) -> Term | None:
    """Nobody runs dry while another is full: highest minus lowest load."""
    weight = data.weights.balance_spread
    if weight <= 0:
        return None
    unit, scale = _balance_unit(data)
    spread = _peak(model, v, data) - _trough(model, v, data)
    return _term("balance_spread", weight, spread, unit=unit, scale=scale)


def lateness(
    model: cp_model.CpModel, v: BacklogVariables, data: BacklogData
) -> Term | None:
    """Deadlines are met, in the horizon and after it.

    For each person and each day ``d`` on which a case they hold now is
    due (whether or not the plan moves it), or a case the plan gives them
    is due, the work queued up to ``d`` beyond their casework hours up to
    ``d`` is late. Their queue is the forecast's: kept cases in progress
    or pinned first, then every case by its target day. Past the horizon
    the hours are ordinary days (no rota known), as the forecast counts
    them. A shelved case due in the horizon is late in full.

    Formula: ``60 * over[p, d] >= kept_upto(p, d) + load_upto(p, d) -
    hours_upto(p, d)`` on the days ``p``'s own cases are due, and on the
    days of new cases when ``p`` gets one (an indicator); plus
    ``sum_k late_hours[k] * shelved[k]`` over cases due in the horizon.
    """
    weight = data.weights.lateness
    if weight <= 0:
        return None
    parts: list[Expr] = []
    fixed = 0
    for person in data.team.staff:
        p = person.id
        due_by_day: dict[int, list[CaseClass]] = {}
        for k in v.classes_of(p):
            if k.deadline_day is not None:
                due_by_day.setdefault(k.deadline_day, []).append(k)
        # Days a case they hold now is due count whatever the plan does
        # (linear, no indicator): only days of cases new to them need
        # one. With an indicator on every day, the LP relaxed it away
        # (10,000 x 200: bound 7.7 against plans of 9.9 million).
        kept_due = data.due_of(p)
        days = sorted(set(due_by_day) | kept_due)
        if not days:
            continue
        kept = list(accumulate(data.work_of(p)))
        ahead = _work_ahead(model, v, p, days)
        for d in days:
            least = kept[d] - data.minutes_by(p, d)
            worst = least + v.max_load(p, d)
            if worst <= 0:
                continue  # even everything possible fits by day d
            if v.max_load(p, d) == 0:
                fixed += -(-least // 60) if d in kept_due else 0
                continue
            low = max(0, -(-least // 60)) if d in kept_due else 0
            over = model.new_int_var(
                low, -(-worst // 60), f"late_hours[{p},day{d}]"
            )
            late = model.add(60 * over >= least + ahead[d])
            if d not in kept_due:
                due = model.new_bool_var(f"due[{p},day{d}]")
                for k in due_by_day[d]:
                    var = v.assign(k, p)
                    assert var is not None
                    model.add(var <= k.size * due)
                late.only_enforce_if(due)
            parts.append(over)
    for k in data.classes:
        if data.due_in_horizon(k):
            parts.append(k.late_hours * v.shelved(k))
    if not parts and not fixed:
        return None
    return _term("lateness", weight, cp_model.LinearExpr.sum(parts) + fixed)


def _work_ahead(
    model: cp_model.CpModel,
    v: BacklogVariables,
    staff_id: str,
    days: list[int],
) -> dict[int, Expr]:
    """New-case minutes up to each of ``days`` (sorted), as a chain.

    ``ahead[d] = ahead[d'] + load of classes with d' < target <= d`` for
    the previous day ``d'``, so each class appears once per person, not
    once per deadline day (big backlogs have many).
    """
    ahead: dict[int, Expr] = {}
    if not days:
        return ahead
    by_target = sorted(v.classes_of(staff_id), key=lambda k: k.target_day)
    previous: cp_model.IntVar | None = None
    i = 0
    for d in days:
        chosen = []
        while i < len(by_target) and by_target[i].target_day <= d:
            chosen.append(by_target[i])
            i += 1
        if not chosen:
            ahead[d] = 0 if previous is None else previous
            continue
        terms = [v.assign(k, staff_id) for k in chosen]
        weights = [k.efforts[staff_id] for k in chosen]
        if previous is not None:
            terms.append(previous)
            weights.append(1)
        var = model.new_int_var(
            0, v.max_load(staff_id, d), f"ahead[{staff_id},day{d}]"
        )
        model.add(var == cp_model.LinearExpr.weighted_sum(terms, weights))
        ahead[d] = var
        previous = var
    return ahead


def shelf(
    model: cp_model.CpModel, v: BacklogVariables, data: BacklogData
) -> Term | None:
    """Old and urgent cases leave the shelf first.

    Each case that waits costs its shelf points, priority x (1 + days
    old): left on the shelf, or left with an owner who has no casework
    hours in the horizon (away), where nobody works it either. Within a
    class the least urgent wait, so the cost of ``s`` waiting is the sum
    of the ``s`` smallest points: a convex function of ``s``, modelled by
    its tangent lines.

    Formula: ``cost[k] >= C(j) + u(j+1) * (waiting[k] - j)`` for each j.
    """
    weight = data.weights.age
    if weight <= 0 or not data.options.allow_shelf:
        return None
    parts: list[Expr] = []
    for k in data.classes:
        shelved = v.waiting(k)
        if k.size == 1:
            parts.append(k.urgencies[0] * shelved)
            continue
        least_first = sorted(k.urgencies)
        totals = [0, *accumulate(least_first)]
        cost = model.new_int_var(0, totals[-1], f"shelf[{k.case_ids[0]}]")
        for j, slope in enumerate(least_first):
            if j > 0 and slope == least_first[j - 1]:
                continue  # same slope: the earlier line already covers it
            model.add(cost >= totals[j] + slope * (shelved - j))
        parts.append(cost)
    return _term("shelf", weight, cp_model.LinearExpr.sum(parts))


def moves(
    model: cp_model.CpModel, v: BacklogVariables, data: BacklogData
) -> Term | None:
    """Stability: already-assigned cases stay with their owner."""
    weight = data.weights.moves
    owned = [k for k in data.classes if k.owner is not None]
    if weight <= 0 or not owned:
        return None
    return _term(
        "moves", weight, cp_model.LinearExpr.sum([v.moves(k) for k in owned])
    )


def fit(
    model: cp_model.CpModel, v: BacklogVariables, data: BacklogData
) -> Term | None:
    """Juniors take simple cases, seniors complex ones.

    Each case costs the skill levels its new owner has above the case's
    minimum, plus the case's own fit cost for that person.
    """
    weight = data.weights.fit
    if weight <= 0:
        return None
    variables, costs = [], []
    for k in data.classes:
        for p, var in v.pairs(k):
            if k.costs[p]:
                variables.append(var)
                costs.append(k.costs[p])
    if not variables:
        return None
    return _term(
        "fit", weight, cp_model.LinearExpr.weighted_sum(variables, costs)
    )


#: The soft goals in the order they are reported.
SOFT_GOALS: tuple[SoftGoal, ...] = (
    balance_max,
    balance_spread,
    lateness,
    shelf,
    moves,
    fit,
)
