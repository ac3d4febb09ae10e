"""``balancer serve``: the local web app (:mod:`balancer.web`).

It listens on 127.0.0.1 only, unless ``--host`` says otherwise, and then
warns: the app has no login, so anyone who can reach the address can
upload files and read the plans.
"""

from __future__ import annotations

import contextlib
import ipaddress
import socket
from pathlib import Path
from typing import TYPE_CHECKING

import click

from balancer.cli.options import LANG

if TYPE_CHECKING:
    from balancer.language import Language

__all__ = ["serve"]

DEFAULT_PORT = 8765


def _loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def _bind(host: str, port: int) -> socket.socket:
    """A listening socket, or a usage error saying what to do."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind((host, port))
    except OSError as error:
        sock.close()
        raise click.UsageError(
            f"cannot listen on {host}:{port} ({error.strerror}); choose "
            "another port with --port, or --port 0 for any free one"
        ) from None
    sock.listen(128)
    sock.set_inheritable(True)
    return sock


@click.command()
@click.argument(
    "folder",
    required=False,
    default=".",
    type=click.Path(file_okay=False, exists=True, path_type=Path),
)
@click.option(
    "--port",
    type=click.IntRange(min=0, max=65535),
    default=DEFAULT_PORT,
    show_default=True,
    help="Port to listen on; 0 = any free port.",
)
@click.option(
    "--host",
    default="127.0.0.1",
    show_default=True,
    help="Address to listen on. Anything but this computer (127.0.0.1) "
    "lets others reach the app, which has no login: a warning says so.",
)
@click.option(
    "--work",
    type=click.Path(file_okay=False, path_type=Path),
    help="Folder for uploads and plans, one subfolder per browser tab; "
    "default: FOLDER/balancer-web.",
)
@click.option(
    "--time-limit",
    type=click.FloatRange(min=1, max=3600),
    default=30.0,
    show_default=True,
    help="Seconds per search offered on the page.",
)
@click.option(
    "--workers",
    type=click.IntRange(min=1, max=256),
    default=None,
    help="CPU cores per run; default: all.",
)
@LANG
def serve(
    folder: Path,
    port: int,
    host: str,
    work: Path | None,
    time_limit: float,
    workers: int | None,
    lang: Language,
) -> None:
    """Start the web app for the team workbooks in FOLDER.

    Pick or upload a team workbook and see its problems, plan a month
    with live progress and a Stop button, see the rota and the board
    page, replan a sick call, and download the workbooks and calendars.
    Ctrl-C stops the server; a run under way keeps its best plan.
    """
    import uvicorn

    from balancer.web import AppSettings, create_app

    if not _loopback(host):
        click.echo(
            f"Warning: listening on {host}, not only this computer. The "
            "app has no login: anyone who can reach this address can "
            "upload team workbooks and read the plans.",
            err=True,
        )
    sock = _bind(host, port)
    settings = AppSettings(
        folder=folder.resolve(),
        work=(work or folder / "balancer-web").resolve(),
        lang=lang,
        workers=workers,
        time_limit=time_limit,
    )
    app = create_app(settings)
    actual = sock.getsockname()[1]
    shown = f"[{host}]" if ":" in host else host
    click.echo(
        f"balancer is running at http://{shown}:{actual}/ (files in "
        f"{settings.work}). Press Ctrl-C to stop.",
    )
    config = uvicorn.Config(app, log_level="warning", lifespan="on")
    # uvicorn shuts down in order (runs stopped, their best plans written)
    # and then passes Ctrl-C on; for the planner that is just a stop.
    with contextlib.suppress(KeyboardInterrupt):
        uvicorn.Server(config).run(sockets=[sock])
    click.echo("balancer stopped.")
