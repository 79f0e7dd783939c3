"""XLIFF 1.2 in and out, with the dialects Trados (`.sdlxliff`) and memoQ (`.mqxliff`) write.

Read: each translatable `<trans-unit>` with source text is one paragraph, its locator the unit's id (prefixed by
its `<file>`'s number after the first). A unit with a `<seg-source>` keeps the file's segments, one per
`<mrk mtype="seg">` (locator "unit-id#mid"); one without is left to Tarjama's segmentation, unless it has a target
already, which is then kept as the unit's one segment (locator the unit's id). `translate="no"` units stay in the
file untouched. States come from the tool's own attribute where there is one (`sdl:seg conf`, `mq:status`), else
from `state`, `approved` and `state-qualifier`; `<note>`s are the segments' notes, `<alt-trans>` targets their
suggestions. Inline codes are tags (`xliff12_inline`).

Write (`rebuild`): the original bytes with only the targets and states of changed segments rewritten
(`xliff12_rebuild`).
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import ClassVar

from tarjama.domain import ImportedDocument, ImportedSegment
from tarjama.errors import QT_TRANSLATE_NOOP, BadInputError
from tarjama.formats.interface import TranslatedParagraph
from tarjama.formats.xliff12_rebuild import rebuild_xliff12
from tarjama.formats.xliff12_units import ReadUnit, read_units, segment_locator
from tarjama.formats.xliff20 import xliff_not_written
from tarjama.formats.xliff_common import parse_xliff, read_xliff_bytes
from tarjama.inline_tags import InlineTag, plain


def imported_document(path: Path, data: bytes, format_name: str) -> ImportedDocument:
    """The document a project makes of the file (see the module docstring)."""
    root = parse_xliff(path, data)
    paragraphs: list[str] = []
    tables: list[dict[int, InlineTag]] = []
    locators: list[str] = []
    segments: list[tuple[ImportedSegment, ...] | None] = []
    for unit in read_units(path, root):
        if not unit.translatable or not plain(unit.text).strip():
            continue
        paragraphs.append(unit.text)
        tables.append(unit.tags)
        locators.append(unit.locator)
        segments.append(_own_segments(unit))
    if not paragraphs:
        raise BadInputError(path, QT_TRANSLATE_NOOP("Errors", "has no text to translate: every unit is empty or "
                                                              "marked not to be translated"))
    return ImportedDocument(name=path.name, format=format_name, paragraphs=paragraphs, paragraph_separator="\n\n",
                            tags=tuple(tables), locators=tuple(locators), original=data, segments=tuple(segments))


def _own_segments(unit: ReadUnit) -> tuple[ImportedSegment, ...] | None:
    if not unit.segmented and not unit.segments[0].target:
        return None
    return tuple(ImportedSegment(segment.source, segment.target, segment.status, segment.origin,
                                 segment.space_after, segment_locator(unit.locator, segment.mid), unit.note,
                                 segment.alternatives)
                 for segment in unit.segments)


class Xliff12Format:
    """XLIFF 1.2 jobs, Trados's and memoQ's included: read as the file segments them, rebuilt from the original."""

    name: ClassVar[str] = "xliff"
    description: ClassVar[str] = "XLIFF 1.2"
    #: Reached through `tarjama.formats.xliff.XliffFormat`, which tells 1.2 from 2.x.
    extensions: ClassVar[tuple[str, ...]] = ()

    def read(self, path: str | Path) -> ImportedDocument:
        path = Path(path)
        return self.read_bytes(path, read_xliff_bytes(path))

    def read_bytes(self, path: Path, data: bytes) -> ImportedDocument:
        """The document in `data`, the bytes of the file at `path` (for the messages)."""
        return imported_document(path, data, self.name)

    def rebuild(self, path: str | Path, original: bytes, paragraphs: Iterable[TranslatedParagraph]) -> None:
        """The original with only targets and states changed (`xliff12_rebuild`)."""
        Path(path).write_bytes(rebuild_xliff12(Path(path), original, paragraphs))

    def write(self, path: str | Path, paragraphs: Iterable[str], paragraph_separator: str = "\n\n") -> None:
        """A project not read from XLIFF has no original to fill: refused, naming the formats it can go to."""
        raise xliff_not_written(Path(path))
