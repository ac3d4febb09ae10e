"""The shelf as a queue: one queue per skill, in the planners' order.

Each skill's cases on the shelf form a queue, ordered as planners see it
on the Shelf sheet: higher priority first, then the earlier deadline (a
case without one after those with one), then the earlier date received,
then the case id so the order is total. Under ``shelf_order = queue`` a
case is started only when every case ahead of it in its queue is started
too, so the started cases of a queue are always a *prefix* of it.

One exception keeps a queue from stalling behind a case nobody can take:
a case no qualified person could finish inside the horizon, even with no
other new work, is *passed over* (:func:`passed_over`). This is worked
out from the data before the model is built, so the model stays linear.

Because starts are a prefix, a queue can only get as far as the hours
of everyone who may take its cases allow: :func:`reachable` cuts each
queue where even the smallest efforts of the cases so far exceed those
hours together. Cases past that point can never start in any plan, so
they get no variable (a proof, not a heuristic window).
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from balancer.result import ANY_QUEUE, WaitReason

if TYPE_CHECKING:
    from collections.abc import Mapping, Sequence

    from balancer.domain import Case

__all__ = [
    "ANY_SKILL",
    "passed_over",
    "queue_name",
    "reachable",
    "shelf_key",
]

#: The queue of cases that need no particular skill.
ANY_SKILL = ANY_QUEUE


def queue_name(case: Case) -> str:
    """The skill queue a case waits in."""
    return case.skill or ANY_SKILL


def shelf_key(case: Case) -> tuple[int, bool, date, date, str]:
    """Order in a queue: priority, deadline, date received, case id."""
    return (
        -int(case.priority),
        case.deadline is None,
        case.deadline or date.max,
        case.received,
        case.id,
    )


def passed_over(
    qualified: Sequence[str],
    efforts: Mapping[str, int],
    tied_to: str | None,
) -> WaitReason | None:
    """Why a case on the shelf is passed over, None when it is not.

    Parameters
    ----------
    qualified:
        Caseworkers at work in the horizon with the case's skill at its
        level (over capacity or not).
    efforts:
        Minutes the case takes each person who could finish it inside
        the horizon besides what they keep for certain (not over
        capacity, room at least its effort), after any group tie.
    tied_to:
        The owner its group is tied to, if a case of its group stays
        with someone for certain.

    Returns
    -------
    ``NOBODY_QUALIFIED`` when nobody at work has the skill, ``GROUP``
    when only its group's caseworker may take it and cannot, ``TOO_BIG``
    when nobody else could finish it in the horizon; else None.
    """
    if not qualified:
        return WaitReason.NOBODY_QUALIFIED
    if efforts:
        return None
    return WaitReason.GROUP if tied_to is not None else WaitReason.TOO_BIG


def reachable(
    chain: Sequence[Mapping[str, int]], room: Mapping[str, int]
) -> int:
    """How many cases of a queue could ever start, at most.

    ``chain`` holds each case's minutes by candidate, in queue order;
    ``room`` each person's free minutes. Starting the first ``n`` cases
    takes at least the sum of their smallest efforts, and no more than
    the free minutes of all their candidates together are there: past
    that, no plan starts anything, whatever the rest of the model does.
    """
    people: set[str] = set()
    for efforts in chain:
        people.update(efforts)
    total = sum(max(0, room.get(p, 0)) for p in people)
    used = 0
    for n, efforts in enumerate(chain):
        used += min(efforts.values(), default=0)
        if used > total:
            return n
    return len(chain)
