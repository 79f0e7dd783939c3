"""XLIFF jobs, whichever version: `.xlf` and `.xliff` may hold 1.2 or 2.x, so the file's own `version` says which
module reads it (`xliff12`, with Trados's `.sdlxliff` and memoQ's `.mqxliff`, or `xliff20`), and the original's
version which one writes the translation back into it.
"""

from __future__ import annotations

import io
from collections.abc import Iterable
from pathlib import Path
from typing import ClassVar

from lxml import etree

from tarjama.domain import ImportedDocument
from tarjama.formats.interface import TranslatedParagraph
from tarjama.formats.xliff12 import Xliff12Format
from tarjama.formats.xliff20 import Xliff20Format, xliff_not_written
from tarjama.formats.xliff_common import entities_refused, read_xliff_bytes
from tarjama.formats.xml_safety import malformed_xml, refuse_entities_in_prolog, untrusted_iterparse


class XliffFormat:
    """Every XLIFF job Tarjama reads, rebuilt from the original it came in."""

    name: ClassVar[str] = "xliff"
    description: ClassVar[str] = "XLIFF"
    extensions: ClassVar[tuple[str, ...]] = (".xlf", ".xliff", ".sdlxliff", ".mqxliff")

    def read(self, path: str | Path) -> ImportedDocument:
        path = Path(path)
        data = read_xliff_bytes(path)
        if sniffed_version(path, data).startswith("2."):
            return Xliff20Format().read_bytes(path, data)
        return Xliff12Format().read_bytes(path, data)

    def rebuild(self, path: str | Path, original: bytes, paragraphs: Iterable[TranslatedParagraph]) -> None:
        chosen = Xliff20Format() if sniffed_version(Path(path), original).startswith("2.") else Xliff12Format()
        chosen.rebuild(path, original, paragraphs)

    def write(self, path: str | Path, paragraphs: Iterable[str], paragraph_separator: str = "\n\n") -> None:
        raise xliff_not_written(Path(path))


def sniffed_version(path: Path, data: bytes) -> str:
    """The `version` of the file's root element, read from its first tag alone (behind the entity guard): which
    reader gets the file is known before either parses it whole. The reader checks the rest (root, namespace)."""
    refuse_entities_in_prolog(path, data, entities_refused)
    try:
        for _event, root in untrusted_iterparse(io.BytesIO(data), events=("start",)):
            return (root.get("version") or "").strip()
    except etree.XMLSyntaxError as exc:
        raise malformed_xml(path, exc) from exc
    return ""
