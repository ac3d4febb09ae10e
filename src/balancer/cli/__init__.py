"""The ``balancer`` command line; see :mod:`balancer.cli.main`."""

from balancer.cli.main import cli as cli
from balancer.cli.main import main as main

__all__ = ["cli", "main"]
