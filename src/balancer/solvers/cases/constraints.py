"""The backlog's hard rules: one function each, listed in ``HARD_RULES``.

Two rules hold by construction and have no function here:

* *Skill and presence*: a case goes only to someone with its skill at its
  minimum level who does casework and is at work on some day of the
  horizon. :func:`~balancer.solvers.cases.data.prepare` makes no variable
  for any other pair (nor for a case bigger than the person's free hours).
* *Kept cases stay*: in-progress and pinned cases are not decisions; their
  effort is taken off their owner's capacity.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from ortools.sat.python import cp_model

if TYPE_CHECKING:
    from balancer.solvers.cases.data import BacklogData
    from balancer.solvers.cases.variables import BacklogVariables

__all__ = [
    "HARD_RULES",
    "capacity",
    "group_one_caseworker",
    "move_budget",
    "one_owner",
    "shelf_only_when_full",
]

HardRule = Callable[
    [cp_model.CpModel, "BacklogVariables", "BacklogData"], None
]


def one_owner(
    model: cp_model.CpModel, v: BacklogVariables, data: BacklogData
) -> None:
    """A case goes to at most one caseworker; the rest stay on the shelf.

    When the shelf is not allowed (benchmark mode) every case is assigned.

    Formula: ``sum_p assign[k, p] <= size(k)`` (``==`` without shelf).
    """
    for k in v.classes:
        if data.options.allow_shelf:
            model.add(v.placed(k) <= k.size)
        else:
            model.add(v.placed(k) == k.size)


def group_one_caseworker(
    model: cp_model.CpModel, v: BacklogVariables, data: BacklogData
) -> None:
    """Cases of one group (one member or citizen) go to one caseworker.

    Some may stay on the shelf, but all that leave it go to the same
    person. (A group with a kept case is tied to its owner in ``prepare``.)

    Formula: ``sum_p group[g, p] <= 1`` and ``assign[c, p] <= group[g, p]``.
    """
    for group, indices in data.linked_groups.items():
        chosen = {}
        for i in indices:
            k = data.classes[i]
            for p, var in v.pairs(k):
                if p not in chosen:
                    chosen[p] = v.group_choice(group, p)
                model.add(var <= chosen[p])
        model.add_at_most_one(chosen.values())


def capacity(
    model: cp_model.CpModel, v: BacklogVariables, data: BacklogData
) -> None:
    """New cases fit in each person's free casework hours.

    Free hours: casework hours over the horizon minus the cases they keep.

    Formula: ``sum_k effort[k, p] * assign[k, p] <= free_minutes[p]``.
    """
    for person in data.team.staff:
        if v.classes_of(person.id):
            model.add(v.load_var(person.id) <= data.free_minutes(person.id))


def move_budget(
    model: cp_model.CpModel, v: BacklogVariables, data: BacklogData
) -> None:
    """At most ``max_moves`` already-assigned cases change owner.

    Putting an assigned case back on the shelf counts as a move.

    Formula: ``sum_k (size(k) - assign[k, owner(k)]) <= max_moves``.
    """
    if data.max_moves is None:
        return
    moves = [v.moves(k) for k in v.classes if k.owner is not None]
    model.add(cp_model.LinearExpr.sum(moves) <= data.max_moves)


def shelf_only_when_full(
    model: cp_model.CpModel, v: BacklogVariables, data: BacklogData
) -> None:
    """A case stays on the shelf only when it fits nobody who may take it.

    So the shelf holds what doesn't fit, never work someone has room for.
    (Not applied to cases of a group shared by several open cases: their
    room depends on where the rest of the group goes; nor, on very large
    backlogs, to cases outside the candidate window of
    :mod:`~balancer.solvers.cases.window`, which have no candidates.)

    Formula: ``shelved[k] >= 1  =>  load[p] > free[p] - effort[k, p]`` for
    every candidate ``p`` of ``k``. (Built as one ``full[p, e]`` literal
    per person and effort, ``full[p, e] => load[p] > free[p] - e``, and
    clauses ``on_shelf[k] => full[p, effort[k, p]]``: on big backlogs
    most classes share their efforts.)
    """
    if not data.options.allow_shelf:
        return
    full: dict[tuple[str, int], cp_model.IntVar] = {}
    for k in v.classes:
        if k.group in data.linked_groups or not k.candidates:
            continue
        left = model.new_bool_var(f"on_shelf[{k.case_ids[0]}x{k.size}]")
        model.add(v.shelved(k) <= k.size * left)
        for p in k.candidates:
            key = (p, k.efforts[p])
            if key not in full:
                full[key] = model.new_bool_var(f"full[{p},{k.efforts[p]}]")
                room = data.free_minutes(p) - k.efforts[p]
                model.add(v.load_var(p) >= room + 1).only_enforce_if(full[key])
            model.add_implication(left, full[key])


#: The hard rules in the order the model adds them.
HARD_RULES: tuple[HardRule, ...] = (
    one_owner,
    group_one_caseworker,
    capacity,
    shelf_only_when_full,
    move_budget,
)
