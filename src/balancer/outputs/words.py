"""Cell texts of the outputs that do not depend on the language.

Duty codes for the rota grid, compact time spans and figures rounded as
tables show them; the words of a language are in
:mod:`balancer.language`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from balancer.domain import minutes

if TYPE_CHECKING:
    from datetime import time

    from balancer.domain import Slot, Team

__all__ = ["duty_codes", "hundredths", "slot_code", "time_span"]


def _hour(moment: time) -> str:
    # Whole hours print as `08`, others as `08:30`, to keep cells narrow.
    if moment.minute == 0 and minutes(moment) < 24 * 60:
        return f"{moment.hour:02d}"
    if minutes(moment) == 24 * 60:
        return "24"
    return f"{moment:%H:%M}"


def time_span(start: time, end: time) -> str:
    """A compact time span, ``08-10`` or ``08:30-10``."""
    return f"{_hour(start)}-{_hour(end)}"


def duty_codes(team: Team) -> dict[str, str]:
    """A short, unique code per duty for the rota grid, e.g. ``P``.

    The code is the first letter of the duty's title; when two duties share
    it, the later one gets the first two letters, then its whole id.
    """
    codes: dict[str, str] = {}
    used: set[str] = set()
    for duty in team.duties:
        title = duty.title.strip() or duty.id
        candidates = (title[:1].upper(), title[:2].capitalize(), duty.id)
        code = next((c for c in candidates if c and c not in used), None)
        if code is None:
            code = f"{duty.id}{len(used)}"
        codes[duty.id] = code
        used.add(code)
    return codes


def slot_code(code: str, slot: Slot) -> str:
    """What one duty slot looks like in the grid, e.g. ``P 08-10``."""
    return f"{code} {time_span(slot.start, slot.end)}"


def hundredths(value: float) -> float:
    """A figure as shown in a table: two decimals, never ``-0``."""
    # `+ 0.0` turns -0.0 into 0.0 so a sheet never shows "-0".
    return round(float(value), 2) + 0.0
