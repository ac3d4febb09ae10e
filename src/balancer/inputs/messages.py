"""Pydantic's validation errors, in a planner's words."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from collections.abc import Iterator, Mapping

    from pydantic import ValidationError

__all__ = ["plain_pydantic_message", "pydantic_problems"]

_PLAIN = {
    "less_than_equal": "must be at most {le}",
    "less_than": "must be below {lt}",
    "greater_than": "must be above {gt}",
    "greater_than_equal": "must be at least {ge}",
    "string_too_long": "is too long (at most {max_length} characters)",
    "string_too_short": "must not be empty",
    "string_pattern_mismatch": "is not in the expected form",
    "missing": "is missing",
    "too_short": "needs at least one entry",
    "finite_number": "must be a number (not NaN or an infinity)",
}


def plain_pydantic_message(detail: Mapping[str, Any], label: str) -> str:
    """One pydantic error detail as a sentence about ``label``."""
    kind = str(detail.get("type", ""))
    context = dict(detail.get("ctx") or {})
    if kind == "value_error" and "error" in context:
        return str(context["error"])
    template = _PLAIN.get(kind)
    if template is None:
        return f"{label}: {detail.get('msg', 'is not valid')}"
    given = detail.get("input")
    if isinstance(given, str) and len(given) > 60:
        given = given[:57] + "..."  # a 5,000-letter name is not shown whole
    shown = (
        f" is {given!r} but"
        if isinstance(given, int | float | str) and kind != "missing"
        else ""
    )
    text = template.format(**context) if context else template
    return f"{label}{shown} {text}" if shown else f"{label} {text}"


def pydantic_problems(
    error: ValidationError,
) -> Iterator[tuple[str | None, Mapping[str, Any]]]:
    """Each error detail with the top-level field it concerns (or None)."""
    for detail in error.errors():
        location = detail.get("loc", ())
        name = location[0] if location else None
        yield (str(name) if name is not None else None), detail
