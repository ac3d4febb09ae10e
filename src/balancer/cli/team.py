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
    from balancer.language import Words, terminal_language
    from balancer.outputs.template import write_template

    words = Words(terminal_language())
    check_target(path)  # a folder, a device, a pipe: refused as such
    if path.exists() and not force:
        raise OutputError(words("cli.template_exists", path=path))
    written = write_template(path, lang=lang)
    click.echo(words("cli.template_written", path=written))


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
    from balancer.language import Words, terminal_language

    words = Words(terminal_language())
    month = month_option(month_text)
    try:
        loaded = load_team(path)
    except InputError as error:
        echo_problems(
            words(
                "validate.problems",
                path=path,
                problems=words.counted(len(error.problems), "problem"),
            ),
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
        echo_problems(
            words(
                "validate.notes",
                path=path,
                notes=words.counted(len(notes), "note"),
            ),
            notes,
        )
    if checked.problems:
        echo_problems(
            words(
                "validate.month_problems",
                path=path,
                problems=words.counted(len(checked.problems), "problem"),
                month=month,
            ),
            checked.problems,
        )
        ctx.exit(EXIT_BAD_INPUT)
    team = loaded.team
    slots = sum(len(duty.slots) for duty in team.duties)
    click.echo(
        words(
            "validate.ok",
            path=path,
            staff=len(team.staff),
            duties=len(team.duties),
            slots=slots,
            absences=len(team.absences),
            cases=len(team.cases),
            month=month,
            days=checked.opening_days,
        )
    )
