"""The backlog's hard rules: one function each, listed in ``HARD_RULES``.

Three rules hold by construction and have no function here:

* *Skill and presence*: a case goes only to someone with its skill at its
  minimum level who does casework and is at work on some day of the
  horizon, and who is not over capacity.
  :func:`~balancer.solvers.cases.data.prepare` makes no variable for any
  other pair (nor for a case bigger than the person's free hours). An
  owner may always keep their own case (even below its level: flagged).
* *Kept cases stay*: an owned case with no reason to move (owner away,
  owner over capacity, planner allowed; see :mod:`.holding`) and every
  pinned case is no decision; its effort is taken off its owner's hours.
* *Passed over*: a shelf case nobody qualified could finish in the
  horizon even with no other new work has no candidate (:mod:`.queues`).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from ortools.sat.python import cp_model

if TYPE_CHECKING:
    from collections.abc import Iterator

    from balancer.solvers.cases.data import BacklogData, CaseClass
    from balancer.solvers.cases.variables import BacklogVariables

__all__ = [
    "HARD_RULES",
    "capacity",
    "group_one_caseworker",
    "move_budget",
    "one_owner",
    "queue_head",
    "queue_order",
    "shelf_only_when_full",
]

HardRule = Callable[
    [cp_model.CpModel, "BacklogVariables", "BacklogData"], None
]


def one_owner(
    model: cp_model.CpModel, v: BacklogVariables, data: BacklogData
) -> None:
    """A case goes to at most one caseworker; the rest stay on the shelf.

    An owned case that may not go back to the shelf (in progress, or
    free to move only because its owner is over capacity) stays with its
    owner or goes to one other caseworker. When the shelf is not allowed
    (benchmark mode) every case is assigned.

    Formula: ``sum_p assign[k, p] <= size(k)`` (``==`` without shelf).
    """
    for k in v.classes:
        if data.options.allow_shelf and k.may_shelve:
            model.add(v.placed(k) <= k.size)
        else:
            model.add(v.placed(k) == k.size)


def group_one_caseworker(
    model: cp_model.CpModel, v: BacklogVariables, data: BacklogData
) -> None:
    """Cases of one group (one member or citizen) go to one caseworker.

    Some may stay on the shelf, but all that leave it go to the same
    person. (A group with a kept case is tied to its owner in ``prepare``;
    a group held by several owners stays as it is.) The group's choice
    of person is true only when some of its cases go there.

    Formula: ``sum_p group[g, p] <= 1``, ``assign[c, p] <= group[g, p]``
    and ``group[g, p] <= sum_c assign[c, p]``.
    """
    for group, indices in data.linked_groups.items():
        chosen: dict[str, cp_model.IntVar] = {}
        going: dict[str, list[cp_model.IntVar]] = {}
        for i in indices:
            k = data.classes[i]
            for p, var in v.pairs(k):
                if p not in chosen:
                    chosen[p] = v.group_choice(group, p)
                    going[p] = []
                model.add(var <= chosen[p])
                going[p].append(var)
        for p, choice in chosen.items():
            model.add(choice <= cp_model.LinearExpr.sum(going[p]))
        model.add_at_most_one(chosen.values())


def capacity(
    model: cp_model.CpModel, v: BacklogVariables, data: BacklogData
) -> None:
    """Open cases fit in each person's free casework hours.

    Free hours: casework hours over the horizon minus the cases they
    keep for certain. Someone over capacity gets nothing new, so what
    they hold may stay beyond their hours.

    Formula: ``sum_k effort[k, p] * assign[k, p] <= free_minutes[p]`` for
    everyone not over capacity.
    """
    for person in data.team.staff:
        if person.id not in data.over and v.classes_of(person.id):
            model.add(v.load_var(person.id) <= data.free_minutes(person.id))


def move_budget(
    model: cp_model.CpModel, v: BacklogVariables, data: BacklogData
) -> None:
    """At most ``max_moves`` owned cases change owner.

    Going back to the shelf counts as a move.

    Formula: ``sum_k (size(k) - assign[k, owner(k)]) <= max_moves``.
    """
    moves = [v.moves(k) for k in v.classes if k.owner is not None]
    if moves:
        model.add(cp_model.LinearExpr.sum(moves) <= data.max_moves)


def shelf_only_when_full(
    model: cp_model.CpModel, v: BacklogVariables, data: BacklogData
) -> None:
    """A case is on the shelf only when it fits nobody who may take it.

    Under ``shelf_order = pack`` for every case, so the shelf holds what
    doesn't fit, never work someone has room for. Under ``queue`` for
    the owned cases that go back to the shelf (the queue rules say when
    shelf cases wait). For a case of a group, a candidate the group did
    not go to counts as full. (On very large ``pack`` backlogs, cases
    outside the candidate window of :mod:`~balancer.solvers.cases.window`
    have no candidate at all.)

    Formula: ``shelved[k] >= 1  =>  full[p, effort[k, p]]`` for every
    candidate ``p`` of ``k`` (see :meth:`BacklogVariables.full`; for a
    group: ``or group[g, q]`` for some other ``q``).
    """
    if not data.options.allow_shelf:
        return
    people = _group_people(data)
    for k in v.classes:
        if (
            not k.candidates
            or not k.may_shelve
            or (data.queue_mode and k.owner is None)
        ):
            continue
        _fits_nobody(model, v, k, v.on_shelf(k), people)


def _group_people(data: BacklogData) -> dict[str, set[str]]:
    """Everyone who may take a case of each linked group."""
    return {
        group: {p for i in indices for p in data.classes[i].candidates}
        for group, indices in data.linked_groups.items()
    }


def _fits_nobody(
    model: cp_model.CpModel,
    v: BacklogVariables,
    k: CaseClass,
    when: cp_model.IntVar,
    people: dict[str, set[str]],
) -> None:
    """When ``when`` holds, a case of ``k`` fits none of its candidates:
    each is full, or (a case of a linked group) the group went to someone
    else."""
    for p in k.candidates:
        full = v.full(p, k.efforts[p])
        if k.group is None or k.group not in people:
            model.add_implication(when, full)
            continue
        elsewhere = [
            v.group_choice(k.group, q) for q in sorted(people[k.group] - {p})
        ]
        model.add_bool_or([when.Not(), full, *elsewhere])


def _chain(
    v: BacklogVariables, data: BacklogData, name: str
) -> Iterator[tuple[CaseClass, cp_model.LinearExprT]]:
    """The cases of queue ``name`` in order, each with the expression
    that is 1 when every case ahead of it started (1 for the first)."""
    ahead: cp_model.LinearExprT = 1
    for i in data.queue_chains[name]:
        k = data.classes[i]
        yield k, ahead
        ahead = v.placed(k)


def queue_order(
    model: cp_model.CpModel, v: BacklogVariables, data: BacklogData
) -> None:
    """A shelf case starts only when every case ahead of it in its queue
    starts too (``shelf_order = queue``).

    The queues and their order are those of :mod:`.queues` (priority,
    deadline, date received, per skill); passed-over cases stand aside.
    An owned case that goes back to the shelf joins its queue, so then
    no shelf case behind it starts either.

    Formula: ``started[i + 1] <= started[i]`` along each queue, and
    ``shelved[k] >= 1 => started[b] = 0`` for the shelf case ``b`` just
    behind a returning case ``k``.
    """
    if not data.queue_mode:
        return
    for name in data.queue_chains:
        for k, ahead in _chain(v, data, name):
            model.add(v.placed(k) <= ahead)
    for index, behind in data.returns_behind.items():
        k = data.classes[index]
        if not k.candidates:
            continue
        left = v.on_shelf(k)
        model.add(v.placed(data.classes[behind]) == 0).only_enforce_if(left)


def queue_head(
    model: cp_model.CpModel, v: BacklogVariables, data: BacklogData
) -> None:
    """The first case that waits in a queue fits nobody who may take it
    (``shelf_order = queue``).

    So a queue never waits while someone who may take its next case has
    room for it: the next case then waits because everyone qualified is
    full (or, for a case of a group, because its group went to someone
    without room).

    Formula: ``head[i] = started[i - 1] - started[i]`` along each queue
    and ``head[i] => full[p, effort[i, p]]`` for every candidate ``p``
    (for a case of a group: ``or`` the group went to someone else).
    """
    if not data.queue_mode:
        return
    people = _group_people(data)
    for name in data.queue_chains:
        for k, ahead in _chain(v, data, name):
            head = model.new_bool_var(f"head[{k.case_ids[0]}]")
            model.add(cp_model.LinearExpr.sum([head, v.placed(k)]) == ahead)
            _fits_nobody(model, v, k, head, people)


#: The hard rules in the order the model adds them.
HARD_RULES: tuple[HardRule, ...] = (
    one_owner,
    group_one_caseworker,
    capacity,
    shelf_only_when_full,
    queue_order,
    queue_head,
    move_budget,
)
