"""Late hours of one person's queue, counted as the lateness goal does.

The warm start (:mod:`.hint`) and the local search
(:mod:`.local_search`) price every candidate move by the model's own
weights, so both need the ``lateness`` term's value for a queue without
solving the model. This is that count, in one place.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Sequence

__all__ = ["late_hours"]


def late_hours(
    kept: int,
    work: Sequence[int],
    due: Sequence[int],
    minutes_by: Sequence[int],
) -> int:
    """Hours of work a person's queue leaves late, rounded up per day.

    On each day of the horizon on which one of the person's cases is due
    (``due[d] > 0``), the work queued up to that day (``kept`` minutes of
    cases they keep, then ``work[d]`` minutes of cases whose target day
    is ``d``) beyond the casework minutes they have by then
    (``minutes_by[d]``) is late, counted in whole hours, rounded up.
    Days after the horizon (``work`` and ``due`` may be longer than
    ``minutes_by``) do not count.
    """
    total, queued = 0, kept
    for day, by_then in enumerate(minutes_by):
        queued += work[day]
        if due[day] > 0 and queued > by_then:
            total += -(-(queued - by_then) // 60)
    return total
