"""What a file format is to Tarjama: the two small interfaces every format implements, one per kind of file.

A format says which extensions are its own and turns a file into domain values and back; it keeps no state and
knows nothing of the stores (a project, a memory or a glossary decides what to do with what a format read).
`tarjama.formats.registry` lists the formats of each kind by extension.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import ClassVar, Protocol, runtime_checkable

from tarjama.domain import GlossaryEntry, ImportedDocument, Segment
from tarjama.formats.tbx import TbxReport
from tarjama.inline_tags import TagTable


class DocumentFormat(Protocol):
    """A kind of source document (plain text, Word): read as paragraphs, written back from the translations."""

    name: ClassVar[str]
    description: ClassVar[str]
    extensions: ClassVar[tuple[str, ...]]

    def read(self, path: str | Path) -> ImportedDocument: ...

    def write(self, path: str | Path, paragraphs: Iterable[str], paragraph_separator: str = "\n\n") -> None:
        """Write the paragraphs as they come: a format never needs them all at once (exports stream)."""
        ...


@dataclass(frozen=True)
class TranslatedParagraph:
    """One paragraph to write back into the original: where it is there (`ImportedDocument.locators`), its coded
    text with the marks of `tags`, and whether that text is a translation (English) rather than the source."""

    locator: str
    text: str
    tags: TagTable
    translated: bool
    #: The paragraph's segments as stored, for a format that writes each one back where the file had it (XLIFF:
    #: `Segment.locator`, its target and status).
    segments: tuple[Segment, ...] = ()


@runtime_checkable
class RebuildingFormat(DocumentFormat, Protocol):
    """A format whose translation is the original file with its paragraphs replaced (.docx): what it read keeps
    its formatting, its layout and everything that was not text."""

    def rebuild(self, path: str | Path, original: bytes, paragraphs: Iterable[TranslatedParagraph]) -> None:
        """Write `original` to `path` with each of `paragraphs` in its place; everything else as it was."""
        ...


@dataclass(frozen=True)
class GlossaryFormat:
    """A kind of glossary file (CSV, TSV, TBX, OmegaT): the whole file's bytes to entries and entries to bytes.

    `read` is given the path for its messages and a report to fill (what a TBX held besides Arabic→English terms);
    it yields the entries as they are asked for, raising on a bad one, so an import inside a transaction keeps
    nothing of a bad file."""

    name: str
    extensions: tuple[str, ...]
    read: Callable[[bytes, Path, TbxReport], Iterator[GlossaryEntry]]
    write: Callable[[Iterable[GlossaryEntry]], bytes]
