"""Plain-text summaries of a solve, as printed by the CLI.

In the terminal's language (:func:`balancer.language.terminal_language`:
the command's ``--lang``, else ``BALANCER_LANG``, else English) unless a
language is given.
"""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING

from balancer.language import Words, terminal_language
from balancer.outputs.summary_frames import broken_demands

if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator
    from enum import StrEnum

    from balancer.language import Language
    from balancer.result import (
        BacklogResult,
        RotaResult,
        SolveStats,
        TierReport,
    )
    from balancer.solvers.runner import Progress

__all__ = ["backlog_lines", "progress_line", "rota_lines", "stats_line"]


def _words(lang: Language | None) -> Words:
    return Words(lang or terminal_language())


def stats_line(stats: SolveStats, lang: Language | None = None) -> str:
    """Status, points, bound, gap and time on one line.

    Figures are written out in full (``45005``, never ``4.5005e+04``).
    """
    words = _words(lang)
    parts = [words.value(stats.status.value)]
    if stats.objective is not None:
        parts.append(words("console.objective", value=stats.objective))
    if stats.bound is not None:
        parts.append(words("console.bound", value=stats.bound))
    if stats.gap is not None:
        parts.append(
            words("console.gap", value=words.number(100 * stats.gap, 1))
        )
    parts.append(words("console.seconds", value=stats.seconds))
    if stats.interrupted:
        parts.append(words("console.stopped"))
    return ", ".join(parts)


def progress_line(progress: Progress, lang: Language | None = None) -> str:
    """One line of live progress: the best plan and the bound.

    In points; a search that may break demands counts the people
    missing from them first (:attr:`Progress.missing`).
    """
    words = _words(lang)
    points = words.number
    label = f"  ({progress.label})" if progress.label else ""
    best, bound = points(progress.objective), points(progress.bound)
    if progress.missing is not None:
        best = words("progress.missing", missing=progress.missing, points=best)
        bound = words(
            "progress.missing",
            missing=progress.bound_missing or 0,
            points=bound,
        )
    return words(
        "console.progress",
        seconds=f"{progress.seconds:6.1f}",
        best=best,
        bound=bound,
        label=label,
    )


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


def rota_lines(
    result: RotaResult, lang: Language | None = None
) -> Iterator[str]:
    """The rota solve in the planner's words.

    A rota that breaks demands says how many and by how many people,
    and the other goals' points apart, not one objective in the
    millions.
    """
    words = _words(lang)
    broken = broken_demands(result)
    if broken is None:
        yield words("console.rota", stats=stats_line(result.stats, words.lang))
    else:
        stats = result.stats
        status = words.value(stats.status.value)
        seconds = words("console.seconds", value=stats.seconds)
        yield words("console.rota", stats=f"{status}, {seconds}")
        yield "  " + words(
            "console.relaxed",
            count=broken.demands,
            missing=words.number(broken.missing),
            points=words.number(broken.points),
        )
    for conflict in result.conflicts:
        yield f"  ! {conflict.text(words.lang)}"
    for tier in result.stats.tiers:
        yield f"  {_tier_line(tier, words)}"
    if result.assignments:
        yield "  " + words("console.assigned", count=len(result.assignments))
        yield from _terms(result.terms, words)
    elif result.status.has_plan:
        yield "  " + words("console.no_slots")
    elif not result.conflicts:
        yield "  " + words("console.none_found")


def _tier_line(tier: TierReport, words: Words) -> str:
    """``Tier fairness: proven 170 points (at 2.1 s)`` and the like."""
    value = "-" if tier.value is None else words.number(tier.value)
    bound = "-" if tier.bound is None else words.number(tier.bound)
    fields = {
        "tier": words(f"tier.{tier.name}"),
        "value": value,
        "bound": bound,
        "at": words.number(tier.finished_at, 1),
    }
    if tier.proven:
        return words("console.tier.proven", **fields)
    if tier.proven_goals:
        goals = ", ".join(tier.proven_goals)
        return words("console.tier.partly", goals=goals, **fields)
    return words("console.tier.open", **fields)


def backlog_lines(
    result: BacklogResult, words: Words | None = None
) -> Iterator[str]:
    """The backlog solve in the planner's words, in ``words``' language
    (English by default)."""
    words = words or _words(None)
    yield words("console.backlog", stats=stats_line(result.stats, words.lang))
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
