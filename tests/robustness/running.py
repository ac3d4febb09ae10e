"""Running the CLI as a planner would, for the robustness tests."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest
from click.testing import CliRunner, Result

from balancer.cli import cli

if TYPE_CHECKING:
    from pathlib import Path

    from tests.robustness.catalogue import Run


def invoke(*args: str) -> Result:
    """Run ``balancer ARGS``; fail on a traceback or an unexpected failure.

    A planner never sees a traceback: every error is a message (exit 2).
    """
    result = CliRunner().invoke(cli, list(args))
    assert "Traceback" not in result.output
    assert "unexpected failure" not in result.output
    assert result.exception is None or isinstance(
        result.exception, SystemExit
    ), repr(result.exception)
    return result


def run_case(case: Run, folder: Path) -> tuple[list[str], Result]:
    """Build ``case`` in ``folder`` and run it; its exit and words hold.

    Skips the test when this machine cannot make the case.
    """
    args = case.args(folder)
    if args is None:
        pytest.skip("this machine cannot make the case")
    result = invoke(*args)
    assert result.exit_code == case.exit, result.output
    assert case.words in result.output
    return args, result
