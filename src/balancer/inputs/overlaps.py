"""Records that repeat each other: one person's overlapping absences.

Shared by the workbook and JSON readers, which each name the place in
their own terms.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Iterator

    from balancer.domain import Absence, Team

__all__ = ["OVERLAP_FIX", "overlap_message", "overlapping_absences"]


def overlapping_absences(team: Team) -> Iterator[tuple[int, int]]:
    """Pairs ``(index, earlier_index)`` of one person's absences that overlap.

    Rule: each absence is entered once. An overlap is nearly always a
    typo in a date or a row entered twice, and it would count the same
    hours away twice in capacity figures. Part-day absences overlap only
    when their times do.
    """
    by_person: dict[str, list[tuple[int, Absence]]] = {}
    for index, absence in enumerate(team.absences):
        by_person.setdefault(absence.staff_id, []).append((index, absence))
    for entries in by_person.values():
        entries.sort(key=lambda entry: (entry[1].start, entry[0]))
        for k, (index, absence) in enumerate(entries):
            for earlier_index, earlier in entries[:k]:
                if earlier.end >= absence.start and _times_overlap(
                    earlier, absence
                ):
                    yield index, earlier_index
                    break


def _times_overlap(one: Absence, other: Absence) -> bool:
    if one.whole_day or other.whole_day:
        return True
    assert one.from_time and one.to_time
    assert other.from_time and other.to_time
    return one.from_time < other.to_time and other.from_time < one.to_time


def overlap_message(team: Team, index: int, earlier: int, where: str) -> str:
    """The problem text: absence ``index`` overlaps ``earlier`` (at where)."""
    one, other = team.absences[index], team.absences[earlier]
    return (
        f"{one.staff_id}'s absence {one.start:%d.%m.%Y}-{one.end:%d.%m.%Y} "
        f"overlaps the absence {other.start:%d.%m.%Y}-{other.end:%d.%m.%Y} "
        f"in {where}"
    )


#: The fix for an overlap, in both readers.
OVERLAP_FIX = "merge the two into one row, or correct the dates"
