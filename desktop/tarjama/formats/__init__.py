"""Document formats, chosen by file extension.

The format classes are imported by name here rather than discovered through entry points or a plugin scan:
a frozen PyInstaller build only contains modules it can see imported, and discovery would find nothing there.
Adding a format means adding its import and its entry in `FORMATS`.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import ClassVar, Protocol

from tarjama.domain import ImportedDocument
from tarjama.errors import QT_TRANSLATE_NOOP, BadInputError, Message, not_found
from tarjama.formats.docx_file import DocxFormat
from tarjama.formats.text_file import TextFormat

__all__ = [
    "FORMATS",
    "DocumentFormat",
    "DocxFormat",
    "TextFormat",
    "format_for",
    "read_document",
    "supported_extensions",
    "write_document",
]


class DocumentFormat(Protocol):
    """What every format class declares and does."""

    name: ClassVar[str]
    description: ClassVar[str]
    extensions: ClassVar[tuple[str, ...]]

    def read(self, path: str | Path) -> ImportedDocument: ...

    def write(self, path: str | Path, paragraphs: Iterable[str], paragraph_separator: str = "\n\n") -> None:
        """Write the paragraphs as they come: a format never needs them all at once (exports stream)."""
        ...


FORMATS: tuple[DocumentFormat, ...] = (TextFormat(), DocxFormat())


def supported_extensions() -> tuple[str, ...]:
    """Lower-case extensions with their dot, e.g. for a file dialog filter."""
    return tuple(ext for fmt in FORMATS for ext in fmt.extensions)


def format_for(path: str | Path) -> DocumentFormat:
    """The format for this file's extension (case-insensitive), or a message listing those we read."""
    path = Path(path)
    suffix = path.suffix.lower()
    for fmt in FORMATS:
        if suffix in fmt.extensions:
            return fmt
    found = (
        Message(QT_TRANSLATE_NOOP("Errors", "this file is {suffix}"), {"suffix": suffix})
        if suffix
        else Message(QT_TRANSLATE_NOOP("Errors", "this file has no extension"))
    )
    raise BadInputError(path, QT_TRANSLATE_NOOP("Errors", "is not a supported kind of document ({found}); Tarjama "
                                                          "works with {supported} files — save the document in one "
                                                          "of those formats first"),
                        found=found, supported=", ".join(supported_extensions()))


def read_document(path: str | Path) -> ImportedDocument:
    """Read a source document, whatever its supported format."""
    path = Path(path)
    fmt = format_for(path)
    if not path.exists():
        raise not_found(path)
    if path.is_dir():  # not `is_file()`: a pipe or a device is read, as far as the format's limit
        raise BadInputError(path, QT_TRANSLATE_NOOP("Errors", "is a folder, not a document; choose a file inside it"))

    return fmt.read(path)


def write_document(path: str | Path, paragraphs: Iterable[str], paragraph_separator: str = "\n\n") -> None:
    """Write paragraphs in the format the path's extension names, consuming them once, in order."""
    format_for(path).write(path, paragraphs, paragraph_separator)
