"""A person's limits, and the day rules every quick search of the rota keeps.

The model (:mod:`.constraints`), the greedy start (:mod:`.greedy`), the
local search (:mod:`.improve`) and the explanation of a broken demand
(:mod:`.explain`) all read a person's limits from :func:`limit` and ask
:func:`day_refusal` whether a slot fits a person's day, so the rules are
written once. The independent validator (:mod:`balancer.validate.rota`)
keeps its own copy on purpose: it shares no code with the solver.

The day rules:

- *one duty at a time*: no two of a person's slots overlap;
- *slots a day*: at most ``max_slots_per_day`` slots in a day;
- *duty days a week*: duty on at most ``max_duty_days_per_week`` days of
  a calendar week;
- *back to back*: at most ``max_consecutive_slots`` slots in a row, each
  starting as the one before ends.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from balancer.language import Said

if TYPE_CHECKING:
    from collections.abc import Sequence

    from balancer.domain import Staff, Team
    from balancer.solvers.rota.variables import SlotInstance

__all__ = ["day_refusal", "limit", "longest_run_with", "optional_limit"]


def limit(team: Team, person: Staff, name: str) -> int:
    """The person's own limit when set, else the team's (``Rules``).

    For a limit the team always has (``max_slots_per_day`` ...).
    """
    found = optional_limit(team, person, name)
    if found is None:
        raise ValueError(f"the team has no default for {name}")
    return found


def optional_limit(team: Team, person: Staff, name: str) -> int | None:
    """The person's own limit when set, else the team's; None for none.

    ``name`` is the field on both :class:`~balancer.domain.Staff` and
    :class:`~balancer.domain.Rules`.
    """
    own: int | None = getattr(person, name)
    if own is not None:
        return own
    team_limit: int | None = getattr(team.rules, name)
    return team_limit


def day_refusal(
    team: Team,
    person: Staff,
    slot: SlotInstance,
    today: Sequence[SlotInstance],
    other_days: int,
) -> Said | None:
    """Why ``slot`` does not fit the person's day; None when it does.

    ``today`` are the person's other slots that day; ``other_days``
    counts the days of that calendar week, other than this one, on which
    they have duty. The reason is in the planner's words, e.g. ``2 slots
    that day, max 2``; the first rule broken gives it.
    """
    for other in today:
        if other.overlaps(slot):
            return Said.of("why.on_other", duty=other.duty_id)
    most = limit(team, person, "max_slots_per_day")
    if len(today) + 1 > most:
        return Said.of("why.day_full", count=len(today), most=most)
    if not today:
        days = limit(team, person, "max_duty_days_per_week")
        if other_days + 1 > days:
            return Said.of("why.week_full", count=other_days, most=days)
    run = limit(team, person, "max_consecutive_slots")
    if longest_run_with(today, slot) > run:
        return Said.of("why.back_to_back", run=run)
    return None


def longest_run_with(today: Sequence[SlotInstance], slot: SlotInstance) -> int:
    """Longest back-to-back run through ``slot`` if it joins ``today``."""
    ends = {i.end: i for i in today}
    starts = {i.start: i for i in today}
    run, cursor = 1, slot
    while cursor.start in ends:
        cursor = ends[cursor.start]
        run += 1
    cursor = slot
    while cursor.end in starts:
        cursor = starts[cursor.end]
        run += 1
    return run
