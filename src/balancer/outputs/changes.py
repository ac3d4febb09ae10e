"""What changed between two rotas, per person, ready for a message.

When a published rota is re-planned (someone fell ill, a slot was swapped
by hand), the team needs to know who gains and who loses which duty:

    Anna Holm: + Tue 12 Jan 08:00-12:00 phone; - Wed 13 Jan 12:00-15:00 mail

Shifts are compared slot by slot, then back-to-back slots of one duty on
one day are joined into blocks (:func:`blocks`), so two added phone slots
read as one added morning. Pure functions over
:class:`~balancer.result.BoardShift`; :func:`shifts_from_result`
turns a rota result into the same shifts.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import groupby
from typing import TYPE_CHECKING

from balancer.domain import minutes
from balancer.language import Language, Words
from balancer.result import BoardShift

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable

    from balancer.domain import Team
    from balancer.result import RotaResult

__all__ = [
    "Change",
    "RotaDiff",
    "blocks",
    "describe",
    "diff_rotas",
    "shifts_from_result",
]


def shifts_from_result(team: Team, result: RotaResult) -> list[BoardShift]:
    """The rota result's assignments as shifts with their slot times.

    Assignments to a slot the team does not have are left out.
    """
    found = set()
    for a in result.assignments:
        duty = team.duty_by_id.get(a.duty_id)
        if duty is None or a.slot_index >= len(duty.slots):
            continue
        slot = duty.slots[a.slot_index]
        found.add(
            BoardShift(
                a.day,
                minutes(slot.start),
                minutes(slot.end),
                a.duty_id,
                a.staff_id,
            )
        )
    return sorted(found)


def blocks(shifts: Iterable[BoardShift]) -> list[BoardShift]:
    """Join back-to-back shifts of one person, duty and day into blocks.

    Phone 08-10 and phone 10-12 become phone 08-12; phone 08-10 and
    phone 12-14 stay two blocks, as do phone 08-10 and mail 10-12.
    Returned sorted.
    """

    def owner(s: BoardShift) -> tuple[str, object, str]:
        return (s.staff_id, s.day, s.duty)

    joined: list[BoardShift] = []
    for _, group in groupby(sorted(set(shifts), key=_by_owner), key=owner):
        current: BoardShift | None = None
        for shift in group:
            if current is not None and shift.start <= current.end:
                end = max(current.end, shift.end)
                current = BoardShift(
                    current.day,
                    current.start,
                    end,
                    current.duty,
                    shift.staff_id,
                )
                continue
            if current is not None:
                joined.append(current)
            current = shift
        if current is not None:
            joined.append(current)
    return sorted(joined)


def _by_owner(s: BoardShift) -> tuple[str, object, str, int, int]:
    return (s.staff_id, s.day, s.duty, s.start, s.end)


@dataclass(frozen=True)
class Change:
    """A block of duty a person gains (``added``) or loses."""

    added: bool
    shift: BoardShift


@dataclass(frozen=True)
class RotaDiff:
    """Per person, the blocks gained and lost, in time order.

    ``unchanged`` counts the slots (person x slot) both rotas share.
    """

    changes: dict[str, tuple[Change, ...]]
    unchanged: int

    @property
    def added(self) -> int:
        """Blocks gained, over everyone."""
        return sum(c.added for cs in self.changes.values() for c in cs)

    @property
    def removed(self) -> int:
        """Blocks lost, over everyone."""
        return sum(not c.added for cs in self.changes.values() for c in cs)

    def headline(self, lang: Language = "en") -> str:
        """One line: how many people and blocks changed."""
        words = Words(lang)
        if not self.changes:
            return words("diff.same", count=self.unchanged)
        return words(
            "diff.changed",
            people=words.counted(len(self.changes), "person"),
            added=words.counted(self.added, "duty"),
            removed=self.removed,
            unchanged=words.counted(self.unchanged, "duty slot"),
        )

    def lines(
        self,
        name: Callable[[str], str] = str,
        lang: Language = "en",
        title: Callable[[str], str] = str,
    ) -> list[str]:
        """One line per person, ``Name: + ...; - ...``, sorted by name.

        ``title`` names a duty (by its id), e.g. the team's own name.
        """
        rows = []
        for staff_id, changes in self.changes.items():
            parts = "; ".join(
                f"{'+' if c.added else '-'} {describe(c.shift, lang, title)}"
                for c in changes
            )
            rows.append(
                (name(staff_id).casefold(), f"{name(staff_id)}: {parts}")
            )
        return [line for _, line in sorted(rows)]


def diff_rotas(
    old: Iterable[BoardShift], new: Iterable[BoardShift]
) -> RotaDiff:
    """Who gains and who loses which duty going from ``old`` to ``new``.

    Slots in both are unchanged; the rest are joined into blocks per
    person (:func:`blocks`) and listed in time order, a removal before an
    addition at the same time (``- Tue 08-10 phone; + Tue 08-10 mail``).
    """
    before = set(old)
    after = set(new)
    gained = blocks(after - before)
    lost = blocks(before - after)
    changes: dict[str, list[Change]] = {}
    for shift in lost:
        changes.setdefault(shift.staff_id, []).append(Change(False, shift))
    for shift in gained:
        changes.setdefault(shift.staff_id, []).append(Change(True, shift))
    ordered = {
        staff_id: tuple(
            sorted(
                found,
                key=lambda c: (c.shift.day, c.shift.start, c.added, c.shift),
            )
        )
        for staff_id, found in changes.items()
    }
    return RotaDiff(ordered, len(before & after))


def describe(
    shift: BoardShift,
    lang: Language = "en",
    title: Callable[[str], str] = str,
) -> str:
    """``Tue 12 Jan 08:00-10:00 phone``: a shift as a person reads it
    (``tir. 12. jan. 08:00-10:00 phone`` in Danish)."""
    day = Words(lang).day(shift.day)
    return (
        f"{day} {_clock(shift.start)}-{_clock(shift.end)} {title(shift.duty)}"
    )


def _clock(total: int) -> str:
    return f"{total // 60:02d}:{total % 60:02d}"
