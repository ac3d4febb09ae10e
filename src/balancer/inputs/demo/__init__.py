"""A realistic, deterministic demo team for trying the tool out.

:func:`make_demo_team` builds a member-advisory team as a planner would
describe it: staff with contracts, part-time patterns and skills; phone and
mail duties; Danish holidays; a month of absences; last month's balances;
a few preferences; and an open case backlog that is deliberately uneven, so
the backlog balancer has something to fix.

Everything is synthetic. Names are random pairs drawn from lists of common
Danish first and last names, so any resemblance to a real person is chance.
The same ``seed`` (and the same month and sizes) always gives the same team:
all randomness comes from :class:`random.Random` streams derived from the
seed, never from the global generator or the clock.

Sizes scale: staffing minimums grow with the team (phone minimum about one
in ten of the staff), and whole-day absences are capped per day, so a rota
stays comfortably feasible from a dozen people up to a few hundred.
"""

from __future__ import annotations

import random
from typing import TYPE_CHECKING

from balancer.domain import Month, Team
from balancer.inputs.demo.absences import AbsencePlanner, make_absences
from balancer.inputs.demo.cases import make_cases, started_dates
from balancer.inputs.demo.duties import make_calendar, make_duties
from balancer.inputs.demo.people import make_staff
from balancer.inputs.demo.sizes import (
    CASE_SKILLS,
    MIN_STAFF,
    WIP_SHARE,
    DemoStaffing,
    demo_staffing,
)
from balancer.inputs.demo.wishes import make_history, make_preferences

if TYPE_CHECKING:
    from balancer.language import Language

__all__ = [
    "CASE_SKILLS",
    "MIN_STAFF",
    "WIP_SHARE",
    "AbsencePlanner",
    "DemoStaffing",
    "demo_staffing",
    "make_demo_team",
]


def make_demo_team(
    month: Month,
    *,
    seed: int = 2027,
    staff: int = 24,
    cases: int = 400,
    lang: Language = "en",
) -> Team:
    """A synthetic, realistic team planning ``month``.

    Parameters
    ----------
    month
        The month to plan; absences fall inside it, cases arrived in the
        90 days before it, and 24/31 December are closed in December.
    seed
        Same seed, month and sizes give an identical team.
    staff
        Team size, at least :data:`MIN_STAFF`.
    cases
        Open cases in the backlog (0 for none).
    lang
        ``da`` gives the duties Danish titles (``Telefon``, ``Postkasse``);
        ids and everything else stay the same.

    Returns
    -------
    Team
        A team that passes :meth:`Team.checked`.

    Raises
    ------
    ValueError
        When ``staff`` is below :data:`MIN_STAFF` or ``cases`` is negative.
    """
    if staff < MIN_STAFF:
        raise ValueError(f"a demo team needs at least {MIN_STAFF} staff")
    if cases < 0:
        raise ValueError("the number of cases cannot be negative")
    # Separate streams per part: asking for more cases leaves the staff,
    # absences and preferences of a seed unchanged.
    people = make_staff(stream(seed, "staff"), staff)
    duties = make_duties(demo_staffing(staff), lang)
    calendar = make_calendar(month)
    return Team.checked(
        staff=people,
        duties=duties,
        calendar=calendar,
        absences=make_absences(
            stream(seed, "absences", month), people, duties, month, calendar
        ),
        preferences=make_preferences(
            stream(seed, "preferences", month), people, month, calendar
        ),
        history=make_history(stream(seed, "history", month), people),
        cases=started_dates(
            stream(seed, "started", month),
            make_cases(stream(seed, "cases", month), people, month, cases),
            month,
        ),
    )


def stream(seed: int, part: str, month: Month | None = None) -> random.Random:
    # String seeds hash deterministically (unlike hash() of a str).
    return random.Random(f"{seed}/{part}/{month or ''}")
