"""Writing workbooks safely: atomically, never over an input, as text.

A planner's input is precious. Outputs are written to a temporary file in
the target folder and renamed into place only when complete, so a crash or
Ctrl-C never leaves half a workbook and an existing output survives until
the new one is ready. Text from the input that looks like a formula is
stored as plain text (formula injection).

Commands call :func:`check_target` for every output before they solve,
so a target that cannot be written (an input, a folder or a device in its
place, a read-only folder, a name too long) is refused at once with a
fix, not after the search. A temporary file is named
``.<name>.<process id>-<random>.tmp``; one left behind by a process that
was killed is removed the next time the same output is written.
"""

from __future__ import annotations

import contextlib
import errno
import os
import re
import stat
import tempfile
import time
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
    "check_target",
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


def check_target(path: str | Path, inputs: Iterable[Path] = ()) -> None:
    """Raise :class:`OutputError`, with a fix, when ``path`` can't be written.

    Refused: one of ``inputs``; an existing target that is not a regular
    file (a folder, a device such as /dev/null, a pipe); a folder that
    cannot be written or created; a name too long for the folder, the
    temporary name included. The last two are found by creating (and
    removing) a file of the temporary name, which tells what a check of
    permissions cannot: a read-only disk, a network share, root. Commands
    call it before solving; the writers check again.
    """
    target = Path(path)
    _refuse_inputs(target, inputs)
    _refuse_special(target)
    folder = _folder(target)
    existing = folder
    while not existing.exists() and existing != existing.parent:
        existing = existing.parent
    if not existing.is_dir():
        raise OutputError(
            f"cannot write {target}: {existing} is a file, not a folder. "
            "Fix: choose another folder"
        )
    try:
        handle, probe = _temporary(existing, target)
    except OSError as error:
        raise _unwritable(target, existing, error) from None
    os.close(handle)
    os.unlink(probe)


def _folder(target: Path) -> Path:
    return target.parent if str(target.parent) else Path(".")


def _refuse_special(target: Path) -> None:
    """An existing target must be a regular file, or it is not replaced.

    Renaming over a device or a pipe replaces it with a file (as root,
    ``-o /dev/null`` would replace /dev/null); over a folder it fails.
    """
    try:
        mode = target.stat().st_mode
    except OSError:
        return  # absent (or unreadable: the probe says why)
    if stat.S_ISREG(mode):
        return
    if stat.S_ISDIR(mode):
        raise OutputError(
            f"cannot write {target}: a folder of that name is in the way. "
            "Fix: rename or remove the folder, or choose another output name"
        )
    raise OutputError(
        f"refusing to write {target}: it is a device, a pipe or a socket, "
        "not a file, and writing would replace it. Fix: choose another "
        "output name"
    )


def _unwritable(target: Path, folder: Path, error: OSError) -> OutputError:
    if error.errno == errno.ENAMETOOLONG:
        size = len(os.fsencode(target.name))
        return OutputError(
            f"cannot write {target}: the name is too long for the folder "
            f"({size} bytes, and the temporary name balancer writes first "
            f"adds {_TEMPORARY_EXTRA}). Fix: choose a shorter name"
        )
    if error.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return OutputError(
            f"cannot write {target}: the folder {folder} cannot be written "
            f"({error.strerror}). Fix: choose a folder you may write to, "
            "e.g. in your home folder"
        )
    return OutputError(
        f"cannot write {target}: {error.strerror or error}. Fix: choose "
        "another folder or name"
    )


#: Bytes the temporary name adds to the target's: ``.`` + ``.`` + the
#: process id (at most 7 digits) + ``-`` + 8 random + ``.tmp``.
_TEMPORARY_EXTRA = 22
#: A temporary left by a process that may still run (on systems where
#: that cannot be asked) is stale after this long.
_STALE_SECONDS = 24 * 3600


def _temporary(folder: Path, target: Path) -> tuple[int, str]:
    """Create ``.<name>.<pid>-<random>.tmp`` in ``folder``; its handle."""
    return tempfile.mkstemp(
        prefix=f".{target.name}.{os.getpid()}-", suffix=".tmp", dir=folder
    )


def _remove_stale(folder: Path, target: Path) -> None:
    """Remove temporaries of ``target`` whose writer is gone.

    A writer killed by SIGKILL (or a power cut) cannot remove its own.
    Ours are told by their name, which holds the writer's process id; a
    process that no longer runs, or a file a day old, is stale.
    """
    ours = re.compile(
        re.escape(f".{target.name}.") + r"(\d+)-[A-Za-z0-9_]{8}\.tmp"
    )
    with contextlib.suppress(OSError):
        for entry in os.scandir(folder):
            found = ours.fullmatch(entry.name)
            if found is None or not entry.is_file(follow_symlinks=False):
                continue
            old = time.time() - entry.stat().st_mtime > _STALE_SECONDS
            if old or not _running(int(found.group(1))):
                with contextlib.suppress(OSError):
                    os.unlink(entry.path)


def _running(pid: int) -> bool:
    """True unless process ``pid`` surely no longer runs here."""
    if pid == os.getpid() or os.name != "posix":
        return True
    try:
        os.kill(pid, 0)  # signal 0 only asks whether it exists
    except ProcessLookupError:
        return False
    except OSError:
        return True
    return True


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
                f"refusing to write {path}: it is an input file. Fix: "
                "choose another output name with -o"
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
    _refuse_special(target)
    folder = _folder(target)
    if not folder.exists():
        folder.mkdir(parents=True, exist_ok=True)
    _remove_stale(folder, target)
    try:
        handle, temporary = _temporary(folder, target)
    except OSError as error:
        raise _unwritable(target, folder, error) from None
    os.close(handle)
    try:
        write(temporary)
        _match_permissions(temporary, target)
        os.replace(temporary, target)
    except BaseException as error:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        if isinstance(error, OSError):  # a full disk, a vanished folder
            raise _unwritable(target, folder, error) from None
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
