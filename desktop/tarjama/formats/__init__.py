"""File formats: documents (plain text, Word), glossary files (CSV, TSV, TBX, OmegaT) and TMX, each module turning
one kind of file into domain values and back, with the formats of each kind found by extension in
`tarjama.formats.registry`.

This package's own names are the documents' services, which the project and both shells use.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from tarjama.domain import ImportedDocument
from tarjama.errors import QT_TRANSLATE_NOOP, BadInputError, Message, not_found
from tarjama.formats.docx_file import DocxFormat
from tarjama.formats.interface import DocumentFormat
from tarjama.formats.registry import DOCUMENT_FORMATS
from tarjama.formats.text_file import TextFormat

__all__ = [
    "DocumentFormat",
    "DocxFormat",
    "TextFormat",
    "format_for",
    "read_document",
    "supported_extensions",
    "write_document",
]


def supported_extensions() -> tuple[str, ...]:
    """Lower-case extensions with their dot, e.g. for a file dialog filter."""
    return DOCUMENT_FORMATS.extensions()


def format_for(path: str | Path) -> DocumentFormat:
    """The format for this file's extension (case-insensitive), or a message listing those we read."""
    path = Path(path)
    fmt = DOCUMENT_FORMATS.find(path)
    if fmt is not None:
        return fmt
    suffix = path.suffix.lower()
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
