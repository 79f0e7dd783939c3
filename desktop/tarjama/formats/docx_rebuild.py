"""The translation written into a copy of the original .docx: each translated paragraph's runs replaced, every
other part of the package copied as it was, byte for byte.

A part holding translated paragraphs is parsed once, every paragraph to replace is read again first (so an image
or text box moved by one paragraph's rebuild is still the element another paragraph's reading found), then each is
given its new content (`docx_runs.build_content`) and, when it holds English, turned left to right
(`docx_direction`). A locator the original has no paragraph for is left out: the original is the project's own
copy of what was imported, so that happens only if the file was replaced behind the project's back.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterable
from pathlib import Path

from tarjama.formats.docx_direction import ParagraphStyles, make_left_to_right
from tarjama.formats.docx_runs import build_content, read_paragraph
from tarjama.formats.docx_xml import W_PPR, Element, parse_locator, parse_part, part_paragraphs, serialise_part
from tarjama.formats.interface import TranslatedParagraph

_CONTENT_TYPES = "[Content_Types].xml"
_TYPES_NS = "http://schemas.openxmlformats.org/package/2006/content-types"
_STYLES_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"


def rebuild_docx(original: bytes, path: str | Path, paragraphs: Iterable[TranslatedParagraph]) -> None:
    """Write `original` to `path` with `paragraphs` in their places (see the module docstring)."""
    by_part: dict[str, dict[int, TranslatedParagraph]] = {}
    for paragraph in paragraphs:
        part_name, index = parse_locator(paragraph.locator)
        by_part.setdefault(part_name, {})[index] = paragraph
    with zipfile.ZipFile(io.BytesIO(original)) as source, zipfile.ZipFile(path, "w") as out:
        styles = ParagraphStyles(_styles(source))
        for info in source.infolist():
            data = source.read(info)
            if info.filename in by_part:
                data = _rebuilt_part(data, by_part[info.filename], styles)
            out.writestr(info, data)  # the entry as it was: its name, time, compression and attributes


def _rebuilt_part(data: bytes, wanted: dict[int, TranslatedParagraph], styles: ParagraphStyles) -> bytes:
    root = parse_part(data)
    found = part_paragraphs(root)
    readings = {index: read_paragraph(found[index], {}) for index in sorted(wanted) if index < len(found)}
    for index, reading in readings.items():
        paragraph, translation = found[index], wanted[index]
        content = build_content(translation.text, translation.tags, reading, root.nsmap)
        for child in list(paragraph):
            if child.tag != W_PPR:
                paragraph.remove(child)
        paragraph.extend(content)
        if translation.translated:
            make_left_to_right(paragraph, styles)
    return serialise_part(root)


def _styles(package: zipfile.ZipFile) -> Element | None:
    """The package's styles part, found by its content type as OPC says (it is `word/styles.xml` by custom)."""
    types = parse_part(package.read(_CONTENT_TYPES))
    for override in types.iter(f"{{{_TYPES_NS}}}Override"):
        if override.get("ContentType") == _STYLES_TYPE:
            name = override.get("PartName", "").lstrip("/")
            return parse_part(package.read(name)) if name in package.namelist() else None
    return None
