"""Writing workbooks safely: atomically, never over an input, as text.

A planner's input is precious. Outputs are written to a temporary file in
the target folder and renamed into place only when complete, so a crash or
Ctrl-C never leaves half a workbook and an existing output survives until
the new one is ready. Text from the input that looks like a formula is
stored as plain text (formula injection).
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING, Any

from balancer.errors import OutputError

if TYPE_CHECKING:
    from collections.abc import Iterable

    from openpyxl import Workbook
    from openpyxl.cell.cell import Cell

__all__ = [
    "FORMULA_PREFIXES",
    "save_text",
    "save_workbook",
    "set_text",
    "write_value",
]

#: Characters that make a spreadsheet read a cell as a formula.
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def set_text(cell: Cell, text: str) -> None:
    """Put ``text`` in ``cell`` as a string, even if it starts like a formula.

    Rule: text from the input is never run as a formula in an output.
    """
    cell.value = text
    if text.startswith(FORMULA_PREFIXES):
        cell.data_type = "s"
        cell.quotePrefix = True


def write_value(cell: Cell, value: Any) -> None:
    """Put any value in ``cell``; strings go through :func:`set_text`."""
    if isinstance(value, str):
        set_text(cell, value)
    else:
        cell.value = value


def _refuse_inputs(path: Path, inputs: Iterable[Path]) -> None:
    target = path.resolve()
    for source in inputs:
        source_path = Path(source)
        if source_path.resolve() == target or (
            source_path.exists()
            and target.exists()
            and os.path.samefile(source_path, target)
        ):
            raise OutputError(
                f"refusing to write {path}: it is an input file. Choose "
                "another output name with -o."
            )


def save_workbook(
    workbook: Workbook, path: str | Path, inputs: Iterable[Path] = ()
) -> Path:
    """Save ``workbook`` to ``path`` atomically; refuse to replace inputs.

    The workbook is written to a temporary file beside ``path`` and renamed
    over it only once complete. Returns the path written.
    """
    target = Path(path)
    _refuse_inputs(target, inputs)
    folder = target.parent if str(target.parent) else Path(".")
    if not folder.exists():
        folder.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(
        prefix=f".{target.stem}-", suffix=".xlsx.tmp", dir=folder
    )
    os.close(handle)
    try:
        workbook.save(temporary)
        os.replace(temporary, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise
    return target


def save_text(
    text: str, path: str | Path, inputs: Iterable[Path] = ()
) -> Path:
    """Write ``text`` to ``path`` atomically; refuse to replace inputs.

    Same rules as :func:`save_workbook`, for plain-text outputs such as
    the benchmark assignments (``job,agent`` CSV).
    """
    target = Path(path)
    _refuse_inputs(target, inputs)
    folder = target.parent if str(target.parent) else Path(".")
    folder.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(
        prefix=f".{target.stem}-", suffix=".tmp", dir=folder
    )
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="") as out:
            out.write(text)
        os.replace(temporary, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise
    return target
