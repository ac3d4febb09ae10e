"""Who to ask to cover a slot a sick call left open, best first.

For each slot the absent person had, every colleague who could stand on
it is ranked: free at that time (works then, not absent, not on another
duty at that moment), allowed on the duty, holding the slot's skill, and
furthest below their fair share of duty hours first. Colleagues already
at a daily limit come last. Each gets a reason in the planner's words,
e.g. ``free 08:00-10:00; takes phone; english 2; 3.5 h below fair
share``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from balancer.domain import minutes
from balancer.language import LANGUAGES, Language, Words
from balancer.result import AskCandidate
from balancer.solvers.rota import limits
from balancer.solvers.rota.eligibility import unavailability

if TYPE_CHECKING:
    from collections.abc import Iterable, Sequence

    from balancer.domain import Slot, Team
    from balancer.result import DutyAssignment, StaffDutySummary

__all__ = ["people_to_ask"]


def people_to_ask(
    team: Team,
    open_slots: Iterable[DutyAssignment],
    rota: Sequence[DutyAssignment],
    summaries: Iterable[StaffDutySummary],
    before: Iterable[DutyAssignment] = (),
    limit: int = 5,
) -> list[AskCandidate]:
    """Ranked colleagues for each slot in ``open_slots``.

    ``open_slots`` are the absent person's assignments; ``rota`` the new
    rota, ``summaries`` its per-person loads and ``before`` the rota the
    slots were open in (who was on a slot already is not asked again).
    At most ``limit`` people per slot.
    """
    deviation = {s.staff_id: s.deviation_hours for s in summaries}
    already = {(a.staff_id, a.day, a.duty_id, a.slot_index) for a in before}
    found: list[AskCandidate] = []
    for gap in open_slots:
        duty = team.duty_by_id[gap.duty_id]
        slot = duty.slots[gap.slot_index]
        key = (gap.day, gap.duty_id, gap.slot_index)
        ranked: list[
            tuple[tuple[int, float, str], str, dict[Language, str], bool]
        ] = []
        for person in team.staff:
            if person.id == gap.staff_id or (person.id, *key) in already:
                continue
            if unavailability(team, person, gap.day, gap.duty_id, slot):
                continue
            if not _has_skills(team, person.id, slot):
                continue
            mine = [a for a in rota if a.staff_id == person.id]
            chosen = any((a.day, a.duty_id, a.slot_index) == key for a in mine)
            today = [a for a in mine if a.day == gap.day]
            if any(
                _overlaps(team, a, slot)
                for a in today
                if (a.day, a.duty_id, a.slot_index) != key
            ):
                continue
            hours = slot.hours if chosen else 0.0
            balance = deviation.get(person.id, 0.0) - hours
            cap = limits.limit(team, person, "max_slots_per_day")
            others = len(today) - int(chosen)
            full = others >= cap
            reason = {
                lang: _reason(
                    Words(lang), person.id, team, gap.duty_id, slot, balance
                )
                for lang in LANGUAGES
            }
            for lang in LANGUAGES:
                said = Words(lang)
                if full:
                    reason[lang] += said("ask.full", count=others, cap=cap)
                if chosen:
                    reason[lang] += said("ask.chosen")
            ranked.append(
                ((int(full), round(balance, 2), person.id), person.id, reason,
                 chosen)
            )  # fmt: skip
        ranked.sort()
        for rank, (_, staff_id, told, chosen) in enumerate(
            ranked[:limit], start=1
        ):
            found.append(
                AskCandidate(
                    day=gap.day,
                    duty_id=gap.duty_id,
                    slot_index=gap.slot_index,
                    rank=rank,
                    staff_id=staff_id,
                    reason=told["en"],
                    texts=dict(told),
                    chosen=chosen,
                )
            )
    return found


def _has_skills(team: Team, staff_id: str, slot: Slot) -> bool:
    """True when the person meets at least one of the slot's skill needs.

    One holder is often enough for a need of several people, so anyone
    holding one of the skills may help; with no needs, everyone does.
    """
    if not slot.requirements:
        return True
    person = team.staff_by_id[staff_id]
    return any(
        person.level(need.skill) >= need.min_level
        for need in slot.requirements
    )


def _overlaps(team: Team, a: DutyAssignment, slot: Slot) -> bool:
    other = team.duty_by_id[a.duty_id].slots[a.slot_index]
    return minutes(other.start) < minutes(slot.end) and minutes(
        slot.start
    ) < minutes(other.end)


def _reason(
    words: Words,
    staff_id: str,
    team: Team,
    duty_id: str,
    slot: Slot,
    deviation: float,
) -> str:
    person = team.staff_by_id[staff_id]
    duty = team.duty_by_id[duty_id]
    parts = [
        words("ask.free", span=slot.label),
        words("ask.takes", duty=duty.title.strip() or duty.id),
    ]
    for need in slot.requirements:
        level = person.level(need.skill)
        if level >= need.min_level:
            parts.append(f"{need.skill} {level}")
    if deviation < 0:
        parts.append(words("ask.below", hours=words.hours(-deviation)))
    elif deviation > 0:
        parts.append(words("ask.above", hours=words.hours(deviation)))
    else:
        parts.append(words("ask.at_share"))
    return "; ".join(parts)
