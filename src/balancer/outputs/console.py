"""Plain-text summaries of a solve, as printed by the CLI."""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING

from balancer.language import Words
from balancer.outputs.summary_frames import broken_demands

if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator
    from enum import StrEnum

    from balancer.result import (
        BacklogResult,
        RotaResult,
        SolveStats,
        TierReport,
    )
    from balancer.solvers.runner import Progress

__all__ = ["backlog_lines", "progress_line", "rota_lines", "stats_line"]


def stats_line(stats: SolveStats) -> str:
    """Status, points, bound, gap and time on one line.

    Figures are written out in full (``45005``, never ``4.5005e+04``).
    """
    points = Words().number
    parts = [stats.status.value]
    if stats.objective is not None:
        parts.append(f"objective {points(stats.objective)}")
    if stats.bound is not None:
        parts.append(f"bound {points(stats.bound)}")
    if stats.gap is not None:
        parts.append(f"gap {100 * stats.gap:.1f} %")
    parts.append(f"{stats.seconds:.1f} s")
    if stats.interrupted:
        parts.append("stopped by Ctrl-C: best plan so far")
    return ", ".join(parts)


def progress_line(progress: Progress) -> str:
    """One line of live progress: the best plan and the bound.

    In points; a search that may break demands counts the people
    missing from them first (:attr:`Progress.missing`).
    """
    points = Words().number
    label = f"  ({progress.label})" if progress.label else ""
    best, bound = points(progress.objective), points(progress.bound)
    if progress.missing is not None:
        words = Words()
        best = words("progress.missing", missing=progress.missing, points=best)
        bound = words(
            "progress.missing",
            missing=progress.bound_missing or 0,
            points=bound,
        )
    return f"  {progress.seconds:6.1f} s  best {best}  bound {bound}{label}"


def _terms(terms: tuple[object, ...]) -> Iterator[str]:
    for term in terms:
        name = getattr(term, "name", "")
        value = getattr(term, "value", 0.0)
        weight = getattr(term, "weight", 0)
        yield f"    {name:<24} {value:>10g}  x {weight}"


def rota_lines(result: RotaResult) -> Iterator[str]:
    """The rota solve in the planner's words.

    A rota that breaks demands says how many and by how many people,
    and the other goals' points apart, not one objective in the
    millions.
    """
    broken = broken_demands(result)
    if broken is None:
        yield f"Rota: {stats_line(result.stats)}"
    else:
        words = Words()
        stats = result.stats
        yield f"Rota: {stats.status.value}, {stats.seconds:.1f} s"
        yield "  " + words(
            "console.relaxed",
            count=broken.demands,
            missing=words.number(broken.missing),
            points=words.number(broken.points),
        )
    for conflict in result.conflicts:
        yield f"  ! {conflict.message}"
    for tier in result.stats.tiers:
        yield f"  {_tier_line(tier)}"
    if result.assignments:
        yield f"  {len(result.assignments)} duty slots assigned. Goals:"
        yield from _terms(result.terms)
    elif result.status.has_plan:
        yield (
            "  No duty slot to fill: the Duties sheet has no slot on an "
            "opening day of the month. No rota written."
        )
    elif not result.conflicts:
        yield (
            "  No rota found within the time limit. No rota written; run "
            "again with a longer --time-limit."
        )


def _tier_line(tier: TierReport) -> str:
    """``fairness: proven 170 points at 2.1 s`` and the like."""
    value = "-" if tier.value is None else f"{tier.value:g}"
    bound = "-" if tier.bound is None else f"{tier.bound:g}"
    if tier.proven:
        state = f"proven {value} points"
    elif tier.proven_goals:
        state = (
            f"{value} points, bound {bound}; proven and kept: "
            + ", ".join(tier.proven_goals)
        )
    else:
        state = f"{value} points, bound {bound}, not proven"
    return f"Tier {tier.name}: {state} (at {tier.finished_at:.1f} s)"


def backlog_lines(result: BacklogResult) -> Iterator[str]:
    """The backlog solve in the planner's words."""
    yield f"Backlog: {stats_line(result.stats)}"
    for conflict in result.conflicts:
        yield f"  ! {conflict.message}"
    assigned = [a for a in result.assignments if a.staff_id is not None]
    shelved = len(result.assignments) - len(assigned)
    moved = [a for a in result.assignments if a.moved]
    late = sum(a.late for a in result.assignments)
    budget = (
        "" if result.move_budget is None else f" (budget {result.move_budget})"
    )
    yield (
        f"  {len(assigned)} cases planned, {shelved} on the shelf, "
        f"{len(moved)} moved{budget}, {late} forecast late."
    )
    if moved:
        yield "  Moved: " + _counted(a.move_reason for a in moved)
    if shelved:
        yield "  Waiting: " + _counted(
            a.wait_reason for a in result.assignments if a.staff_id is None
        )
    below = sum(a.below_level for a in result.assignments)
    if below:
        yield (
            f"  {below} case(s) kept by an owner below their level "
            "(flagged on the Cases sheet)."
        )
    if result.terms:
        yield "  Goals:"
    yield from _terms(result.terms)


def _counted(reasons: Iterable[StrEnum | None]) -> str:
    """``reason N, ...`` by count, most first."""
    counts = Counter(
        r.value if r is not None else "no reason" for r in reasons
    )
    return ", ".join(
        f"{reason} {n}"
        for reason, n in sorted(counts.items(), key=lambda x: (-x[1], x[0]))
    )
