"""``balancer template`` and ``balancer validate``: the team workbook."""

from __future__ import annotations

from typing import TYPE_CHECKING

import click

from balancer.cli.options import (
    EXIT_BAD_INPUT,
    FILE,
    LANG,
    MONTH,
    echo_problems,
    month_option,
)
from balancer.errors import InputError

if TYPE_CHECKING:
    from pathlib import Path

    from balancer.language import Language

__all__ = ["template", "validate"]


@click.command()
@click.argument("path", type=FILE)
@click.option(
    "--force", is_flag=True, help="Replace PATH if it exists already."
)
@LANG
def template(path: Path, force: bool, lang: Language) -> None:
    """Write an empty team workbook to PATH, with examples and help.

    An existing PATH (likely a filled-in team workbook) is refused
    unless --force is given. --lang da writes it in Danish (sheet names,
    headers, words and help); balancer reads either.
    """
    from balancer.errors import OutputError
    from balancer.files.saving import check_target
    from balancer.language import Words
    from balancer.outputs.template import write_template

    check_target(path)  # a folder, a device, a pipe: refused as such
    if path.exists() and not force:
        raise OutputError(Words(lang)("cli.template_exists", path=path))
    written = write_template(path, lang=lang)
    click.echo(
        f"Wrote {written}. Fill it in, then run: balancer validate {written}"
    )


@click.command()
@click.argument("path", type=FILE)
@MONTH
@click.pass_context
def validate(ctx: click.Context, path: Path, month_text: str | None) -> None:
    """Check a team workbook (or .json) and list every problem.

    Exit 0 when it can be planned (warnings are printed), 2 otherwise.
    """
    from balancer.inputs.loaded import load_team, locate_problem
    from balancer.inputs.month_checks import check_month

    month = month_option(month_text)
    try:
        loaded = load_team(path)
    except InputError as error:
        count = len(error.problems)
        echo_problems(
            f"{path}: {count:,} problem{'s' if count != 1 else ''} found:",
            error.problems,
        )
        if ctx.obj and ctx.obj.get("debug"):
            raise  # --debug: the traceback too
        ctx.exit(EXIT_BAD_INPUT)
    checked = check_month(loaded, month)
    warned = tuple(
        locate_problem(loaded.locator, p) for p in loaded.team.warnings()
    )
    notes = (*loaded.notes, *warned, *checked.warnings, *checked.elsewhere)
    if notes:
        echo_problems(f"{path}: {len(notes)} note(s):", notes)
    if checked.problems:
        echo_problems(
            f"{path}: {len(checked.problems)} problem(s) for {month}:",
            checked.problems,
        )
        ctx.exit(EXIT_BAD_INPUT)
    team = loaded.team
    slots = sum(len(duty.slots) for duty in team.duties)
    click.echo(
        f"{path}: OK. {len(team.staff)} staff, {len(team.duties)} duties "
        f"({slots} slots), {len(team.absences)} absences, "
        f"{len(team.cases)} cases; {month} has {checked.opening_days} "
        "opening days."
    )
