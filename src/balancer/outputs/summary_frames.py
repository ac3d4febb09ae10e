"""A solve's summary as plain tables: status, goals, conflicts."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pandas as pd

from balancer.language import Words

if TYPE_CHECKING:
    from collections.abc import Iterable

    from balancer.result import (
        BacklogResult,
        PenaltyTerm,
        RotaResult,
        SolveStats,
    )

__all__ = ["conflicts_frame", "stats_frame", "terms_frame", "tiers_frame"]


def stats_frame(stats: SolveStats, words: Words | None = None) -> pd.DataFrame:
    """Status, objective, bound, gap and time as Item / Value rows.

    With ``words`` the items, the status and yes/no are in its language.
    (The search's phases are in ``stats.phases`` and the tiers in
    :func:`tiers_frame`.)
    """
    said = words or Words()
    gap = stats.gap
    rows: list[tuple[str, object]] = [
        ("Status", said.value(stats.status.value)),
        ("Objective", stats.objective),
        ("Best bound", stats.bound),
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

    With ``words`` the description is in its language when the catalogue
    knows the goal (``goal.<name>``).
    """
    said = words or Words()

    def described(term: PenaltyTerm) -> str:
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
    result: RotaResult | BacklogResult, words: Words | None = None
) -> pd.DataFrame:
    """Conflicts and warnings: rule, date and message (in the language of
    ``words`` when the conflict carries it)."""
    lang = (words or Words()).lang
    rows = [
        {"Rule": c.rule, "Date": c.day, "Message": c.text(lang)}
        for c in result.conflicts
    ]
    return pd.DataFrame(rows, columns=["Rule", "Date", "Message"])


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
