"""Last month's balances and a few preferences."""

from __future__ import annotations

from datetime import time
from typing import TYPE_CHECKING

from balancer.domain import (
    CalendarSettings,
    HistoryBalance,
    Month,
    Preference,
    Staff,
    Weekday,
)
from balancer.inputs.demo.sizes import MON_THU

if TYPE_CHECKING:
    import random

__all__ = ["make_history", "make_preferences"]


def make_history(
    rng: random.Random, people: tuple[Staff, ...]
) -> tuple[HistoryBalance, ...]:
    """Last month's balance per person and duty, summing to zero per duty.

    Hours are a few above or below fair share in half hours; unpopular
    phone slots one or two either way.
    """
    balances: list[HistoryBalance] = []
    for duty in ("phone", "mail"):
        takers = [p.id for p in people if p.may_take(duty)]
        spread = 3.0 if duty == "phone" else 1.5
        hours = _zero_sum(
            rng, [rng.gauss(0, spread) for _ in takers], step=0.5
        )
        unpopular = (
            _zero_sum(rng, [rng.gauss(0, 1) for _ in takers], step=1.0)
            if duty == "phone"
            else [0.0] * len(takers)
        )
        balances += [
            HistoryBalance(
                staff_id=staff_id, duty=duty, hours=h, unpopular_slots=u
            )
            for staff_id, h, u in zip(takers, hours, unpopular, strict=True)
        ]
    return tuple(balances)


def _zero_sum(
    rng: random.Random, values: list[float], *, step: float
) -> list[float]:
    """Round to ``step`` and nudge until the values sum to exactly zero."""
    if not values:
        return []
    mean = sum(values) / len(values)
    rounded = [round((v - mean) / step) for v in values]
    residual = sum(rounded)
    while residual != 0:
        i = rng.randrange(len(rounded))
        rounded[i] -= 1 if residual > 0 else -1
        residual += -1 if residual > 0 else 1
    return [r * step + 0.0 for r in rounded]


def make_preferences(
    rng: random.Random,
    people: tuple[Staff, ...],
    month: Month,
    calendar: CalendarSettings,
) -> tuple[Preference, ...]:
    """A handful of wants and avoids, one per five duty staff."""
    duty_staff = [p for p in people if p.may_take("phone")]
    open_days = [d for d in month.days() if calendar.is_open(d)]
    chosen = rng.sample(duty_staff, min(len(duty_staff), len(people) // 5))
    prefs: list[Preference] = []
    for person in chosen:
        kind = rng.choice(("early_monday", "weekday", "date", "mail", "fri"))
        if kind == "early_monday":
            prefs.append(
                Preference(
                    staff_id=person.id,
                    want=False,
                    weekday=Weekday.MON,
                    duty="phone",
                    slot_start=time(8),
                    weight=rng.randint(3, 5),
                )
            )
        elif kind == "weekday":
            prefs.append(
                Preference(
                    staff_id=person.id,
                    want=True,
                    weekday=rng.choice(MON_THU),
                    weight=rng.randint(1, 3),
                )
            )
        elif kind == "date" and open_days:
            prefs.append(
                Preference(
                    staff_id=person.id,
                    want=False,
                    on=rng.choice(open_days),
                    weight=rng.randint(4, 8),
                )
            )
        elif kind == "mail" and person.may_take("mail"):
            prefs.append(
                Preference(
                    staff_id=person.id,
                    want=True,
                    duty="mail",
                    weight=rng.randint(1, 3),
                )
            )
        else:
            prefs.append(
                Preference(
                    staff_id=person.id,
                    want=False,
                    weekday=Weekday.FRI,
                    weight=rng.randint(1, 4),
                )
            )
    return tuple(prefs)
