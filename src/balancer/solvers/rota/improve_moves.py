"""The local search's moves: hand a slot over, swap two, shift one.

Each function proposes moves around one slot instance for
:func:`.improve.improve_rota`; the search keeps a move only when it keeps
every hard rule and lowers the weighted cost.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from balancer.solvers.rota.improve import ImproveState, Move
    from balancer.solvers.rota.variables import SlotInstance

__all__ = ["shifts", "single_moves", "swaps"]


def single_moves(
    state: ImproveState, inst: SlotInstance, _: list[SlotInstance]
) -> list[list[Move]]:
    """Hand the slot over, add someone to it, or drop someone from it."""
    on = state.on[inst.key]
    free = state.most_under(
        s
        for s in state.eligible[inst.key]
        if s not in on and state.fits(s, inst)
    )
    slot = inst.slot
    moves: list[list[Move]] = []
    for leaving in on:
        rest = [s for s in on if s != leaving]
        if len(rest) >= slot.min_staff and state.skills_hold(inst, rest):
            moves.append([(inst, leaving, None)])
        moves.extend(
            [(inst, leaving, joining)]
            for joining in free
            if state.skills_hold(inst, [*rest, joining])
        )
    if len(on) < slot.maximum:
        moves.extend([(inst, None, joining)] for joining in free)
    return moves


def swaps(
    state: ImproveState, inst: SlotInstance, others: list[SlotInstance]
) -> list[list[Move]]:
    """Two people on two slots (``inst`` and one of ``others``) trade."""
    moves: list[list[Move]] = []
    on = state.on[inst.key]
    for other in others:
        if other.key == inst.key or (
            other.day == inst.day and other.key < inst.key
        ):
            continue
        there = state.on[other.key]
        for a in on:
            if a in there or a not in state.eligible[other.key]:
                continue
            for b in there:
                if b in on or b not in state.eligible[inst.key]:
                    continue
                here_after = [b if s == a else s for s in on]
                there_after = [a if s == b else s for s in there]
                if (
                    state.skills_hold(inst, here_after)
                    and state.skills_hold(other, there_after)
                    and state.fits(a, other, without=inst)
                    and state.fits(b, inst, without=other)
                ):
                    moves.append([(inst, a, b), (other, b, a)])
    return moves


def shifts(
    state: ImproveState, inst: SlotInstance, _: list[SlotInstance]
) -> list[list[Move]]:
    """Someone blocked from a short-staffed slot gives up another slot.

    For a slot below its target: a person who may take it but is held
    back by a limit (duty days a week, slots a day) leaves one of their
    slots that week, which someone else takes or which stays one short
    if it can, and joins this one.
    """
    on = state.on[inst.key]
    if len(on) >= min(inst.slot.target_on(inst.day), inst.slot.maximum):
        return []
    iso = inst.day.isocalendar()
    moves: list[list[Move]] = []
    blocked = state.most_under(
        p
        for p in state.eligible[inst.key]
        if p not in on and not state.fits(p, inst)
    )
    for person in blocked:
        week = state.week_days[person, iso.year, iso.week]
        for day in week:
            for given in state.today[person, day]:
                if not state.fits(person, inst, without=given):
                    continue
                there = [s for s in state.on[given.key] if s != person]
                if len(there) >= given.slot.min_staff and state.skills_hold(
                    given, there
                ):
                    moves.append([(given, person, None), (inst, None, person)])
                takers = state.most_under(
                    other
                    for other in state.eligible[given.key]
                    if other != person
                    and other not in there
                    and state.fits(other, given)
                    and state.skills_hold(given, [*there, other])
                )
                moves.extend(
                    [(given, person, other), (inst, None, person)]
                    for other in takers
                )
    return moves
