"""Whole numbers from exact fractions, as the fair shares round them."""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Mapping, Sequence
    from fractions import Fraction

__all__ = ["largest_remainder", "round_half_up_ratio"]


def round_half_up_ratio(numerator: int, denominator: int) -> int:
    """``numerator / denominator`` rounded half up, in exact integers."""
    if denominator <= 0:
        return 0
    return (2 * numerator + denominator) // (2 * denominator)


def largest_remainder(
    exact: Mapping[str, Fraction],
    total: int,
    order: Sequence[str],
    units: Mapping[str, int] | None = None,
) -> dict[str, int]:
    """Whole numbers adding up to ``total``, each close to its fraction.

    Each key counts in its own unit (1 unless ``units`` says, e.g. a
    person who may take only 3-hour mail slots counts in 6 half-hour
    steps): each gets the whole units below its value; the units left go
    to the largest remainders (ties in ``order``), each key taking one
    unit of its own while one fits, pass after pass. What no unit fits
    goes to the first key in that ranking, as it is.
    """
    unit = {key: (units or {}).get(key, 1) for key in order}
    whole = {
        key: unit[key] * math.floor(exact[key] / unit[key]) for key in order
    }
    left = total - sum(whole.values())
    ranked = sorted(
        order, key=lambda key: (-(exact[key] - whole[key]), order.index(key))
    )
    given = True
    while left > 0 and given:
        given = False
        for key in ranked:
            if 0 < unit[key] <= left:
                whole[key] += unit[key]
                left -= unit[key]
                given = True
    if left > 0 and ranked:
        whole[ranked[0]] += left
    return whole
