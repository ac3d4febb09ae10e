"""Plain-text summaries of a solve, as printed by the CLI.

The backlog's lines (and the solve's status line) follow ``words``: the
CLI passes the command's language (``--lang``, else ``BALANCER_LANG``);
English by default.
"""

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


def stats_line(stats: SolveStats, words: Words | None = None) -> str:
    """Status, objective, bound, gap and time on one line, in the
    language of ``words`` (figures written out, never ``4.5e+07``)."""
    words = words or Words()
    parts = [words.value(stats.status.value)]
    if stats.objective is not None:
        parts.append(words("console.objective", value=stats.objective))
    if stats.bound is not None:
        parts.append(words("console.bound", value=stats.bound))
    if stats.gap is not None:
        gap = words.number(100 * stats.gap, decimals=1)
        parts.append(words("console.gap", percent=gap))
    seconds = words.number(stats.seconds, decimals=1)
    parts.append(words("console.seconds", seconds=seconds))
    if stats.interrupted:
        parts.append(words("console.interrupted"))
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


def _terms(
    terms: tuple[object, ...], words: Words | None = None
) -> Iterator[str]:
    for term in terms:
        name = getattr(term, "name", "")
        value = getattr(term, "value", 0.0)
        weight = getattr(term, "weight", 0)
        if words is not None and words.has(f"goal.name.{name}"):
            name = words(f"goal.name.{name}")
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


def backlog_lines(
    result: BacklogResult, words: Words | None = None
) -> Iterator[str]:
    """The backlog solve in the planner's words, in ``words``' language
    (English by default)."""
    words = words or Words()
    yield words("console.backlog", stats=stats_line(result.stats, words))
    for conflict in result.conflicts:
        message = conflict.text(words.lang)
        yield f"  ! {message}"
    assigned = [a for a in result.assignments if a.staff_id is not None]
    shelved = len(result.assignments) - len(assigned)
    moved = [a for a in result.assignments if a.moved]
    late = sum(a.late for a in result.assignments)
    budget = (
        ""
        if result.move_budget is None
        else words("console.backlog.budget", budget=result.move_budget)
    )
    yield "  " + words(
        "console.backlog.counts",
        planned=len(assigned),
        shelved=shelved,
        moved=len(moved),
        budget=budget,
        late=late,
    )
    if moved:
        yield "  " + words(
            "console.backlog.moved",
            reasons=_counted((a.move_reason for a in moved), words),
        )
    if shelved:
        waiting = (
            a.wait_reason for a in result.assignments if a.staff_id is None
        )
        yield "  " + words(
            "console.backlog.waiting", reasons=_counted(waiting, words)
        )
    below = sum(a.below_level for a in result.assignments)
    if below:
        yield "  " + words("console.backlog.below", count=below)
    if result.terms:
        yield "  " + words("console.goals")
    yield from _terms(result.terms, words)


def _counted(reasons: Iterable[StrEnum | None], words: Words) -> str:
    """``reason N, ...`` by count, most first."""
    counts = Counter(
        words.value(r.value) if r is not None else words("console.no_reason")
        for r in reasons
    )
    return ", ".join(
        f"{reason} {n}"
        for reason, n in sorted(counts.items(), key=lambda x: (-x[1], x[0]))
    )
