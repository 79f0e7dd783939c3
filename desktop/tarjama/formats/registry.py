"""Which format a file is in, by its extension: the one place that says it, for every kind of file Tarjama reads.

The formats are imported by name here rather than discovered through entry points or a plugin scan: a frozen
PyInstaller build only contains modules it can see imported, and discovery would find nothing there. Adding a
format means writing its module (`tarjama.formats.interface` says what it must do) and naming it below.

An extension means one format within a kind of file, but may mean another in another kind: `.txt` is a plain-text
document to the project and an OmegaT glossary to the glossary. Each shell that refuses an extension words the
refusal for its kind (a document, a glossary), listing `extensions()`.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Generic, Protocol, TypeVar

from tarjama.formats.docx_file import DocxFormat
from tarjama.formats.glossary_csv import read_glossary_csv, write_glossary_csv, write_glossary_omegat
from tarjama.formats.interface import DocumentFormat, GlossaryFormat
from tarjama.formats.tbx import read_tbx, write_tbx
from tarjama.formats.text_file import TextFormat
from tarjama.formats.xliff import XliffFormat

__all__ = ["DOCUMENT_FORMATS", "GLOSSARY_FORMATS", "FormatRegistry"]


class _WithExtensions(Protocol):
    @property
    def extensions(self) -> tuple[str, ...]: ...


F = TypeVar("F", bound=_WithExtensions)


class FormatRegistry(Generic[F]):
    """The formats of one kind of file, in the order they are offered, found by extension (case-insensitive)."""

    def __init__(self, formats: Iterable[F]) -> None:
        self.formats = tuple(formats)
        self._by_extension: dict[str, F] = {}
        for fmt in self.formats:
            for extension in fmt.extensions:
                if extension in self._by_extension:
                    raise ValueError(f"two formats claim {extension}")
                self._by_extension[extension] = fmt

    def extensions(self) -> tuple[str, ...]:
        """Lower-case extensions with their dot, e.g. for a file dialog filter or a message."""
        return tuple(self._by_extension)

    def find(self, path: str | Path) -> F | None:
        """The format for this file's extension, or None for one this kind of file does not come in."""
        return self._by_extension.get(Path(path).suffix.lower())


DOCUMENT_FORMATS: FormatRegistry[DocumentFormat] = FormatRegistry([TextFormat(), DocxFormat(), XliffFormat()])

GLOSSARY_FORMATS: FormatRegistry[GlossaryFormat] = FormatRegistry([
    GlossaryFormat("CSV", (".csv",), lambda data, path, _: read_glossary_csv(data, path, delimiter=","),
                   lambda entries: write_glossary_csv(entries, ",")),
    GlossaryFormat("TSV", (".tsv",), lambda data, path, _: read_glossary_csv(data, path, delimiter="\t"),
                   lambda entries: write_glossary_csv(entries, "\t")),
    GlossaryFormat("TBX", (".tbx",), read_tbx, write_tbx),
    GlossaryFormat("OmegaT", (".txt",), lambda data, path, _: read_glossary_csv(data, path, omegat=True),
                   write_glossary_omegat),
])
