"""What XLIFF 1.2 and 2.0 share on the way in: the file read within a bound, its XML parsed behind the guard
(`xml_safety`), its root checked to be XLIFF, and the language pair checked to be Arabic → English.

Each version reads its units its own way (`xliff12`, `xliff20`); both need the same refusals, worded once here so a
translator reads the same sentence whichever tool made the file.
"""

from __future__ import annotations

import io
from pathlib import Path

from lxml import etree

from tarjama.errors import QT_TRANSLATE_NOOP, BadInputError
from tarjama.formats.text_file import document_too_large, read_limited
from tarjama.formats.xml_safety import malformed_xml, refuse_entities_in_prolog, refuse_parsed_entities

#: The most an XLIFF file may hold. A 50,000-unit job is some tens of megabytes; its parsed tree a few times that.
MAX_XLIFF_BYTES = 256 * 1024 * 1024


def read_xliff_bytes(path: Path) -> bytes:
    """The file's bytes, refused when it is a folder, missing, empty or beyond MAX_XLIFF_BYTES."""
    data = read_limited(path, MAX_XLIFF_BYTES, QT_TRANSLATE_NOOP("Errors", "is a folder, not an XLIFF file; choose a "
                                                                           "file inside it"))
    if data is None:
        raise document_too_large(path, MAX_XLIFF_BYTES)
    if not data.strip():
        raise BadInputError(path, QT_TRANSLATE_NOOP("Errors", "is empty: the file has no content at all"))
    return data


def entities_refused(path: Path) -> BadInputError:
    """The refusal of a file declaring entities (see `xml_safety`), worded for XLIFF."""
    return BadInputError(path, QT_TRANSLATE_NOOP("Errors", "contains a DOCTYPE with entity declarations, which "
                                                           "Tarjama refuses for safety (they can make a file pull "
                                                           "in other files or reach the network); export the job "
                                                           "again from the tool that made it as plain XLIFF"))


def parse_xliff(path: Path, data: bytes) -> etree._Element:
    """The root of `data` parsed without DTD, entities or network, checked to be an `<xliff>` element.

    The whole tree is built: a rebuild and the checks of ids need every unit, and MAX_XLIFF_BYTES bounds it."""
    refuse_entities_in_prolog(path, data, entities_refused)
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False,
                             remove_comments=True, remove_pis=True)
    try:
        root = etree.parse(io.BytesIO(data), parser).getroot()
    except etree.XMLSyntaxError as exc:
        raise malformed_xml(path, exc) from exc
    refuse_parsed_entities(path, root.getroottree(), entities_refused)
    if not isinstance(root.tag, str) or etree.QName(root).localname != "xliff":
        name = etree.QName(root).localname if isinstance(root.tag, str) else "?"
        raise BadInputError(path, QT_TRANSLATE_NOOP("Errors", "is not an XLIFF file (its XML is <{name}>, not "
                                                              "<xliff>); export the job from the other tool as XLIFF"),
                            name=name)
    return root


def xliff_version(root: etree._Element) -> str:
    """The version the root declares ("1.2", "2.0", ...), or "" when it says none."""
    return (root.get("version") or "").strip()


def is_arabic(language: str | None) -> bool:
    return _primary(language) == "ar"


def is_english(language: str | None) -> bool:
    return _primary(language) == "en"


def _primary(language: str | None) -> str:
    return (language or "").strip().replace("_", "-").split("-")[0].lower()


def check_languages(path: Path, source: str | None, target: str | None) -> None:
    """Refuse a file whose source is not Arabic (any `ar-*`) or whose target, when it names one, is not English
    (any `en-*`): Tarjama translates Arabic into English only."""
    if is_arabic(source) and (not target or is_english(target)):
        return
    raise BadInputError(path, QT_TRANSLATE_NOOP("Errors", "is a job from {source} into {target}; Tarjama translates "
                                                          "Arabic (ar) into English (en) only — ask for the Arabic → "
                                                          "English file"),
                        source=source or "?", target=target or "?")
