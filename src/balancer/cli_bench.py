"""``balancer bench``: benchmark commands.

A minimal group; each benchmark is a command in its own module.
"""

from __future__ import annotations

import click

from balancer.cli_bench_curtois import curtois

__all__ = ["bench"]


@click.group()
def bench() -> None:
    """Run public benchmarks and print result tables."""


bench.add_command(curtois)
