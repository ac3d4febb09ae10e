"""Command-line options shared by every command that runs a solver."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, TypeVar

import click

if TYPE_CHECKING:
    from collections.abc import Callable

__all__ = ["search_options"]

_F = TypeVar("_F", bound="Callable[..., Any]")


def search_options(
    default_limit: float, per: str = "solve", seed: bool = True
) -> Callable[[_F], _F]:
    """--time-limit (default ``default_limit`` s), --workers and --seed.

    ``per`` names what one time limit covers ("solve", "instance").
    """

    def decorate(func: _F) -> _F:
        options = [
            click.option(
                "--time-limit",
                type=click.FloatRange(min=0.1),
                default=default_limit,
                show_default=True,
                help=f"Seconds to search per {per}.",
            ),
            click.option(
                "--workers",
                type=click.IntRange(min=1),
                default=None,
                help="CPU cores to use; default: all.",
            ),
        ]
        if seed:
            options.append(
                click.option(
                    "--seed", type=int, default=0, help="Random seed."
                )
            )
        for option in reversed(options):
            func = option(func)
        return func

    return decorate
