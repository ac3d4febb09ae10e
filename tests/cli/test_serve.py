"""``balancer serve``: where it listens, and what it says."""

from __future__ import annotations

import socket
from pathlib import Path

import pytest
import uvicorn
from click.testing import CliRunner

from balancer.cli import cli


@pytest.fixture
def started(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """uvicorn's run replaced: the command returns once it would serve."""
    calls: list[int] = []
    monkeypatch.setattr(
        uvicorn.Server, "run", lambda self, sockets=None: calls.append(1)
    )
    return calls


def test_serve_listens_on_this_computer_only(
    tmp_path: Path, started: list[int]
) -> None:
    result = CliRunner().invoke(cli, ["serve", str(tmp_path), "--port", "0"])
    assert result.exit_code == 0, result.output
    assert "balancer is running at http://127.0.0.1:" in result.output
    assert "Warning" not in result.output
    assert started == [1]
    assert (tmp_path / "balancer-web").is_dir()


def test_another_address_needs_the_option_and_warns(
    tmp_path: Path, started: list[int]
) -> None:
    # 127.0.0.2 is still this computer: no warning. 0.0.0.0 is bound for
    # a moment, and no request is sent to it.
    result = CliRunner().invoke(
        cli, ["serve", str(tmp_path), "--port", "0", "--host", "127.0.0.2"]
    )
    assert result.exit_code == 0, result.output
    assert "Warning" not in result.output
    result = CliRunner().invoke(
        cli, ["serve", str(tmp_path), "--port", "0", "--host", "0.0.0.0"]
    )
    assert result.exit_code == 0, result.output
    assert "Warning: listening on 0.0.0.0" in result.output
    assert "no login" in result.output


def test_a_port_in_use_is_a_usage_error(
    tmp_path: Path, started: list[int]
) -> None:
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen(1)
        port = busy.getsockname()[1]
        result = CliRunner().invoke(
            cli, ["serve", str(tmp_path), "--port", str(port)]
        )
    assert result.exit_code == 2
    assert "--port 0" in result.output
    assert started == []
