"""A solve's summary as plain tables: status, goals, conflicts."""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import TYPE_CHECKING

import pandas as pd

from balancer.language import Words
from balancer.result import Conflict

if TYPE_CHECKING:
    from collections.abc import Iterable

    from balancer.domain import Month, Team
    from balancer.result import (
        BacklogResult,
        PenaltyTerm,
        RotaResult,
        SolveStats,
    )

__all__ = [
    "BrokenDemands",
    "broken_demands",
    "conflicts_frame",
    "stats_frame",
    "team_warnings",
    "terms_frame",
    "tiers_frame",
]


#: The goal a rota that may break demands pays for each person missing.
UNMET_DEMAND = "unmet_demand"


@dataclass(frozen=True)
class BrokenDemands:
    """What a rota that breaks demands on purpose breaks, and the rest.

    Attributes
    ----------
    demands
        Demands broken (a slot's minimum, or a skill need, on a day):
        one conflict each.
    missing
        People missing from them, in all (person-slots).
    points
        The other goals' points, without the missing people's.
    bound
        The other goals' part of the proven bound, if there is one.
    """

    demands: int
    missing: float
    points: float
    bound: float | None


def broken_demands(result: RotaResult) -> BrokenDemands | None:
    """The demands a relaxed rota breaks; None for any other result.

    The solve prices each missing person far above every other goal
    (the ``unmet_demand`` goal); the figures here take that price out,
    so nobody reads an objective in the millions.
    """
    if not result.relaxed:
        return None
    unmet = next((t for t in result.terms if t.name == UNMET_DEMAND), None)
    missing = unmet.value if unmet is not None else 0.0
    price = unmet.weight if unmet is not None else 0
    stats = result.stats
    points = (stats.objective or 0.0) - price * missing
    bound = None
    if stats.bound is not None and price:
        # A hair of slack: a bound a rounding below a whole count.
        bound = stats.bound - price * math.floor(stats.bound / price + 1e-9)
    return BrokenDemands(len(result.conflicts), missing, points, bound)


def stats_frame(
    stats: SolveStats,
    broken: BrokenDemands | None = None,
    words: Words | None = None,
) -> pd.DataFrame:
    """Status, objective, bound, gap and time as Item / Value rows.

    For a rota that breaks demands (``broken``), the demands broken and
    the people missing come first, and the objective and bound are the
    other goals' points (no gap: the two are not comparable). With
    ``words`` the items, the status and yes/no are in its language. (The
    search's phases are in ``stats.phases``, the tiers in
    :func:`tiers_frame`.)
    """
    said = words or Words()
    gap = stats.gap
    objective, bound = stats.objective, stats.bound
    rows: list[tuple[str, object]] = [
        ("Status", said.value(stats.status.value))
    ]
    if broken is not None:
        rows += [
            ("Demands broken", broken.demands),
            ("People missing", broken.missing),
        ]
        objective, bound, gap = broken.points, broken.bound, None
    rows += [
        ("Objective", objective),
        ("Best bound", bound),
        ("Gap", None if gap is None else round(gap, 4)),
        ("Seconds", round(stats.seconds, 2)),
        ("Stopped by user", said.value("yes" if stats.interrupted else "no")),
    ]
    rows = [(said.value(item), value) for item, value in rows]
    return pd.DataFrame(rows, columns=["Item", "Value"])


def terms_frame(
    terms: Iterable[PenaltyTerm], words: Words | None = None
) -> pd.DataFrame:
    """The soft goals: name, description, weight, value and weighted.

    With ``words`` the description is in its language: the one the term
    carries (``PenaltyTerm.texts``), else the catalogue's for the goal
    (``goal.<name>``).
    """
    said = words or Words()

    def described(term: PenaltyTerm) -> str:
        if said.lang in term.texts:
            return term.text(said.lang)
        key = f"goal.{term.name}"
        return said(key) if said.has(key) else term.description

    rows = [
        {
            "Goal": term.name,
            "Description": described(term),
            "Weight": term.weight,
            "Value": term.value,
            "Weighted": term.weighted,
        }
        for term in terms
    ]
    return pd.DataFrame(
        rows, columns=["Goal", "Description", "Weight", "Value", "Weighted"]
    )


def conflicts_frame(
    result: RotaResult | BacklogResult,
    warnings: Iterable[Conflict] = (),
    words: Words | None = None,
) -> pd.DataFrame:
    """Conflicts and warnings: rule, date and message.

    ``warnings`` (about the team, :func:`team_warnings`) follow the
    solve's conflicts; messages are in the language of ``words`` when the
    conflict carries it.
    """
    lang = (words or Words()).lang
    rows = [
        {"Rule": c.rule, "Date": c.day, "Message": c.text(lang)}
        for c in (*result.conflicts, *warnings)
    ]
    return pd.DataFrame(rows, columns=["Rule", "Date", "Message"])


def team_warnings(team: Team, month: Month, words: Words) -> list[Conflict]:
    """What about the team changes the month's rota, as warnings.

    A slot outside the opening hours on a weekday open in the month is
    staffed as written (:mod:`balancer.validate.opening`): say so.
    """
    from balancer.language import weekday_name
    from balancer.validate.opening import slots_outside_opening_hours

    open_weekdays = {
        day.weekday(): day
        for day in month.days()
        if team.calendar.is_open(day)
    }
    found = []
    for outside in slots_outside_opening_hours(team):
        days = [(w, h) for w, h in outside.days if w in open_weekdays]
        if not days:
            continue
        hours = ", ".join(
            f"{weekday_name(open_weekdays[w], words.lang)} "
            f"{h.open:%H:%M}-{h.close:%H:%M}"
            for w, h in days
        )
        found.append(
            Conflict(
                rule="slot_outside_opening_hours",
                message=words(
                    "summary.outside_hours",
                    duty=team.duty_by_id[outside.duty_id].title,
                    slot=outside.slot.label,
                    hours=hours,
                ),
            )
        )
    return found


def tiers_frame(stats: SolveStats, words: Words | None = None) -> pd.DataFrame:
    """The goals' tiers: what each tier got, its bound, what was proven.

    Columns: Tier, Goals, Points, Bound, Proven (yes / partly / no), Kept
    (the goals proven optimal and kept), Done at (seconds from the start
    of the solve).
    """
    said = words or Words()
    rows = []
    for tier in stats.tiers:
        if tier.proven:
            proven = "yes"
        elif tier.proven_goals:
            proven = "partly"
        else:
            proven = "no"
        rows.append(
            {
                "Tier": said(f"tier.{tier.name}"),
                "Goals": ", ".join(tier.terms),
                "Points": tier.value,
                "Bound": tier.bound,
                "Proven": said.value(proven),
                "Kept": ", ".join(tier.proven_goals),
                "Done at": round(tier.finished_at, 1),
            }
        )
    return pd.DataFrame(
        rows,
        columns=[
            "Tier", "Goals", "Points", "Bound", "Proven", "Kept", "Done at"
        ],
    )  # fmt: skip
