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
from balancer.files.bulk import fill_sheets

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable, Sequence

    from openpyxl import Workbook
    from openpyxl.cell.cell import Cell

    from balancer.files.bulk import BulkTable

__all__ = [
    "FORMULA_PREFIXES",
    "refuse_inputs",
    "save_bytes",
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


def refuse_inputs(path: str | Path, inputs: Iterable[Path]) -> None:
    """Raise :class:`OutputError` when ``path`` is one of ``inputs``.

    Commands call it before solving, so a planner learns of a bad ``-o``
    at once rather than after the search; the writers check again.
    """
    _refuse_inputs(Path(path), inputs)


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
    workbook: Workbook,
    path: str | Path,
    inputs: Iterable[Path] = (),
    bulk: Sequence[BulkTable] = (),
) -> Path:
    """Save ``workbook`` to ``path`` atomically; refuse to replace inputs.

    The workbook is written to a temporary file beside ``path`` and renamed
    over it only once complete. ``bulk`` tables are then filled into
    their sheets (:mod:`balancer.files.bulk`). Returns the path written.
    """

    def write(name: str) -> None:
        workbook.save(name)
        fill_sheets(name, bulk)

    return _atomic_write(path, inputs, write)


def save_bytes(
    data: bytes, path: str | Path, inputs: Iterable[Path] = ()
) -> Path:
    """Write ``data`` to ``path`` atomically; refuse to replace inputs.

    As :func:`save_workbook`, for files that are not workbooks (calendar
    files, benchmark solutions).
    """
    return _atomic_write(
        path, inputs, lambda name: Path(name).write_bytes(data)
    )


def save_text(
    text: str, path: str | Path, inputs: Iterable[Path] = ()
) -> Path:
    """Write ``text`` (UTF-8) to ``path`` atomically; refuse inputs."""
    return save_bytes(text.encode("utf-8"), path, inputs)


def _atomic_write(
    path: str | Path,
    inputs: Iterable[Path],
    write: Callable[[str], object],
) -> Path:
    """Write via ``write(temporary)``, then rename over ``path``.

    An existing file at ``path`` stays untouched until the new one is
    complete; a failed write leaves no temporary file behind.
    """
    target = Path(path)
    _refuse_inputs(target, inputs)
    folder = target.parent if str(target.parent) else Path(".")
    if not folder.exists():
        folder.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(
        prefix=f".{target.stem}-", suffix=f"{target.suffix}.tmp", dir=folder
    )
    os.close(handle)
    try:
        write(temporary)
        _match_permissions(temporary, target)
        os.replace(temporary, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise
    return target


def _match_permissions(temporary: str, target: Path) -> None:
    """Give the finished file the permissions a plain save would give.

    ``mkstemp`` creates private (0600) files; a planner's output must be
    readable like any other file they save: an existing output keeps its
    mode, a new one gets the usual mode under the user's umask.
    """
    if target.exists():
        mode = target.stat().st_mode & 0o777
    else:
        umask = os.umask(0)
        os.umask(umask)
        mode = 0o666 & ~umask
    os.chmod(temporary, mode)
