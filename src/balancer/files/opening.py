"""Opening a workbook safely: every guard before openpyxl sees the file.

A missing or empty file, an old ``.xls``, a password-protected workbook,
OpenDocument, CSV or ``.xlsb`` files, a damaged zip, a workbook that
unpacks to more than :data:`MAX_UNPACKED_BYTES` (or whose sheets and
shared texts are more than balancer parses in reasonable time and memory,
:data:`MAX_XML_BYTES` and :data:`MAX_TEXT_BYTES`), and XML with entity
declarations (billion laughs, XXE: defusedxml refuses them) each get a
message a planner can act on, as an :class:`~balancer.errors.InputError`.
Every workbook balancer reads goes through :func:`open_workbook`.
"""

from __future__ import annotations

import zipfile
from pathlib import Path
from typing import TYPE_CHECKING

from defusedxml import DefusedXmlException
from openpyxl import load_workbook

from balancer.errors import InputError, InputProblem

if TYPE_CHECKING:
    from openpyxl import Workbook

__all__ = [
    "HOSTILE_FIX",
    "HOSTILE_MESSAGE",
    "MAX_TEXT_BYTES",
    "MAX_UNPACKED_BYTES",
    "MAX_XML_BYTES",
    "is_hostile",
    "open_workbook",
]

#: Refuse workbooks that unpack to more than this (a zip bomb guard).
MAX_UNPACKED_BYTES = 500 * 1024 * 1024
#: Refuse workbooks whose XML (sheets, shared texts, styles) unpacks to
#: more than this. Pictures do not count: they are never parsed. Parsing
#: is what costs: openpyxl takes about 0.3 s and 5 MB of memory per MB
#: of cells, so 434 MB took 141 s and 2.96 GB. The largest benchmark
#: team (200 staff, 10,000 cases) is 5.2 MB; at this cap the slowest
#: workbook balancer accepts reads in about 20 s (docs/robustness.md).
MAX_XML_BYTES = 64 * 1024 * 1024
#: Refuse shared texts (``xl/sharedStrings.xml``) above this. openpyxl
#: holds every shared text in memory before any sheet is read, at about
#: 0.4 s and 8 MB per MB, whether a sheet uses it or not.
MAX_TEXT_BYTES = 16 * 1024 * 1024
_SHARED_TEXTS = "xl/sharedStrings.xml"

#: The names openpyxl opens (it goes by the name, not the content).
_EXCEL_SUFFIXES = frozenset({".xlsx", ".xlsm", ".xltx", ".xltm"})
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def _refuse(path: Path, message: str, fix: str) -> InputError:
    return InputError([InputProblem(message, fix=fix)], source=str(path))


def open_workbook(path: str | Path) -> Workbook:
    """Open an ``.xlsx`` workbook read-only, with cached formula values.

    Refuses, with a planner-readable :class:`InputError`: a missing file,
    old ``.xls`` files, OpenDocument and CSV files, anything that is not a
    workbook, and workbooks that unpack to more than
    :data:`MAX_UNPACKED_BYTES`. XML is parsed with defusedxml (openpyxl
    uses it when installed), so entity tricks are refused too.
    """
    source = Path(path)
    save_as = "open it in Excel and save it as 'Excel Workbook (*.xlsx)'"
    if not source.is_file():
        raise _refuse(
            source, "the file does not exist", "check the path and name"
        )
    with source.open("rb") as handle:
        head = handle.read(8)
    if not head:
        raise _refuse(
            source,
            "the file is empty (0 bytes)",
            "the file was probably cut off when it was saved or sent; "
            "ask for it again",
        )
    if head.startswith(_OLE_MAGIC):
        if _is_encrypted(source):
            raise _refuse(
                source,
                "the workbook is protected with a password, so balancer "
                "cannot read it",
                "in Excel choose File > Info > Protect Workbook > Encrypt "
                "with Password, clear the password and save",
            )
        raise _refuse(source, "this is an old .xls workbook", save_as)
    if head.startswith(b"PK") and not zipfile.is_zipfile(source):
        raise _refuse(
            source,
            "the workbook is damaged or incomplete",
            "the file was probably cut off when it was saved or sent; "
            "ask for it again, or open it in Excel and save it again",
        )
    if not zipfile.is_zipfile(source):
        kind = "a CSV file" if source.suffix.lower() == ".csv" else "not"
        raise _refuse(
            source,
            f"this is {kind} an Excel workbook (.xlsx)"
            if kind == "not"
            else f"this is {kind}, not an Excel workbook (.xlsx)",
            save_as,
        )
    try:
        with zipfile.ZipFile(source) as archive:
            names = set(archive.namelist())
            unpacked = sum(info.file_size for info in archive.infolist())
            xml = sum(
                info.file_size
                for info in archive.infolist()
                if info.filename.endswith((".xml", ".rels"))
            )
            texts = (
                archive.getinfo(_SHARED_TEXTS).file_size
                if _SHARED_TEXTS in names
                else 0
            )
            mimetype = (
                archive.read("mimetype")[:100] if "mimetype" in names else b""
            )
    except (zipfile.BadZipFile, OSError) as error:
        raise _refuse(
            source, f"the workbook is damaged ({error})", save_as
        ) from None
    if b"opendocument" in mimetype:
        raise _refuse(
            source,
            "this is an OpenDocument spreadsheet (.ods)",
            "save it as .xlsx (File > Save As > Excel 2007-365)",
        )
    if "xl/workbook.bin" in names:
        raise _refuse(
            source,
            "this is an Excel binary workbook (.xlsb)",
            save_as,
        )
    if "[Content_Types].xml" not in names:
        raise _refuse(source, "this is not an Excel workbook", save_as)
    if unpacked > MAX_UNPACKED_BYTES:
        raise _refuse(
            source,
            f"the workbook unpacks to {unpacked >> 20} MB, more than the "
            f"{MAX_UNPACKED_BYTES >> 20} MB allowed",
            "remove unused sheets, pictures and formatted empty rows",
        )
    if texts > MAX_TEXT_BYTES:
        raise _refuse(
            source,
            f"the workbook's shared texts unpack to {_mb(texts)}, more "
            f"than the {_mb(MAX_TEXT_BYTES)} balancer reads",
            "delete the columns and sheets of text the team does not need "
            "(notes, pasted exports), or split the team",
        )
    if xml > MAX_XML_BYTES:
        raise _refuse(
            source,
            f"the workbook's sheets unpack to {_mb(xml)}, more than the "
            f"{_mb(MAX_XML_BYTES)} balancer reads (a team of 10,000 cases "
            "takes about 5 MB)",
            "delete the sheets, columns and rows the team does not need, "
            "or split the team; pictures do not count",
        )
    if source.suffix.lower() not in _EXCEL_SUFFIXES:
        raise _refuse(
            source,
            "this is an Excel workbook, but its name ends in "
            f"{source.suffix or 'nothing'!r}",
            f"rename it to {source.stem}.xlsx",
        )
    try:
        return load_workbook(source, read_only=True, data_only=True)
    except Exception as error:  # openpyxl raises many kinds on bad files
        if is_hostile(error):
            raise _refuse(source, HOSTILE_MESSAGE, HOSTILE_FIX) from None
        raise _refuse(
            source,
            f"the workbook could not be read ({type(error).__name__}: "
            f"{error})",
            save_as,
        ) from None


def _mb(size: int) -> str:
    """Megabytes, rounded up: just over a cap never shows as the cap."""
    return f"{-(-size // 2**20):,} MB"


HOSTILE_MESSAGE = (
    "the workbook contains XML entity declarations, which Excel never "
    "writes; balancer refuses them because they can exhaust memory"
)
HOSTILE_FIX = (
    "ask the sender for a workbook saved by Excel, or copy the sheets "
    "into a new workbook"
)


def is_hostile(error: BaseException | None) -> bool:
    """True when defusedxml refused the XML somewhere in the cause chain."""
    seen = 0
    while error is not None and seen < 10:
        if isinstance(error, DefusedXmlException):
            return True
        error = error.__cause__ or error.__context__
        seen += 1
    return False


def _is_encrypted(path: Path) -> bool:
    """True for an OLE file holding an encrypted Office package.

    Excel stores a password-protected .xlsx as an OLE compound file with
    an ``EncryptedPackage`` stream; an old .xls has none. Directory names
    are UTF-16, so the name is searched for as such, chunk by chunk.
    """
    marker = "EncryptedPackage".encode("utf-16-le")
    tail = b""
    with path.open("rb") as handle:
        while chunk := handle.read(1 << 20):
            if marker in tail + chunk:
                return True
            tail = chunk[-len(marker) :]
    return False
