"""Glossaries as TBX (ISO 30042), the termbase exchange format of memoQ, Trados MultiTerm, Phrase, OmegaT and others.

Reading takes both editions other tools write: TBX-Basic 2008 (`<martif>` → `<termEntry>` → `<langSet xml:lang>` →
`<tig>` or `<ntig>` → `<term>`) and TBX v3 (`<tbx>` → `<conceptEntry>` → `<langSec>` → `<termSec>` → `<term>`, with
data categories as `<termNote type=...>` in the DCA style or as elements of their own in the DCT style), with or
without namespaces. Languages go by primary subtag ("ar-SA" is Arabic, "en-US" English). Each concept gives one
entry per Arabic term: its English terms as the translations (the preferred one first) except those whose
administrative status is deprecated or superseded, which become the entry's forbidden variants; deprecated Arabic
terms give no entry. Notes are the `<note>`s and definitions of the concept and of its Arabic and English sections.
Concepts without a usable Arabic or English term (a termbase often holds other languages) are counted in the
report and skipped.

Writing gives TBX-Basic 2008, which every tool above reads: the preferred English term marked
"preferredTerm-admn-sts", the others "admittedTerm-admn-sts", the forbidden ones "deprecatedTerm-admn-sts", and the
note as a `<note>` of the concept.

A TBX file is XML from somewhere else, read through `tarjama.formats.xml_safety` as TMX is: an entity declaration
is refused before parsing (the XXE and "billion laughs" attacks), and the parser never loads a DTD, expands an
entity or touches the network whatever the file says.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

from tarjama.domain import GlossaryEntry
from tarjama.errors import QT_TRANSLATE_NOOP, BadInputError
from tarjama.formats.xml_safety import (
    malformed_xml,
    refuse_entities_in_prolog,
    refuse_parsed_entities,
    untrusted_iterparse,
)

__all__ = ["TbxReport", "read_tbx", "write_tbx"]

_XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
_ROOTS = frozenset({"martif", "tbx"})
_CONCEPTS = frozenset({"termEntry", "conceptEntry"})
_LANGUAGE_SECTIONS = frozenset({"langSet", "langSec"})
_TERM_SECTIONS = frozenset({"tig", "ntig", "termSec"})
#: Data categories saying whether a term may be used: TBX-Basic's, and the older name MultiTerm exports still use.
_STATUS_CATEGORIES = frozenset({"administrativeStatus", "normativeAuthorization"})
#: Elements (or `<descrip type=...>`) whose text becomes the entry's note.
_NOTE_CATEGORIES = frozenset({"note", "definition"})
_UNWANTED_STATUS = re.compile(r"(deprecated|superseded|forbidden)", re.IGNORECASE)
_PREFERRED_STATUS = re.compile(r"preferred", re.IGNORECASE)
_PREFERRED, _ADMITTED, _DEPRECATED = "preferredTerm-admn-sts", "admittedTerm-admn-sts", "deprecatedTerm-admn-sts"
# Characters XML 1.0 cannot hold (C0 controls but tab, LF and CR; lone surrogates; U+FFFE, U+FFFF).
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


@dataclass
class TbxReport:
    """What `read_tbx` found, final once its entries are exhausted: tells the translator why a termbase gave
    fewer entries than it has concepts (e.g. "languages found: en, fr" when it holds no Arabic)."""

    concepts: int = 0
    entries: int = 0
    #: Concepts without a usable Arabic term or without an English translation.
    skipped_concepts: int = 0
    #: Primary language subtags of every language section seen, lower-case.
    languages: set[str] = field(default_factory=set)


# -- writing ----------------------------------------------------------------------------------------------------


def write_tbx(entries: Iterable[GlossaryEntry]) -> bytes:
    """The entries as a TBX-Basic 2008 file's bytes (UTF-8): see the module docstring."""
    root = etree.Element("martif", {"type": "TBX-Basic", _XML_LANG: "en"})
    header = etree.SubElement(root, "martifHeader")
    etree.SubElement(etree.SubElement(etree.SubElement(header, "fileDesc"), "sourceDesc"), "p").text = (
        "Exported from Tarjama"
    )
    etree.SubElement(etree.SubElement(header, "encodingDesc"), "p", type="XCSURI").text = "TBXBasicXCSV02.xcs"
    body = etree.SubElement(etree.SubElement(root, "text"), "body")
    for number, entry in enumerate(entries, start=1):
        concept = etree.SubElement(body, "termEntry", id=f"c{entry.id if entry.id is not None else number}")
        if entry.note:
            etree.SubElement(concept, "note").text = _clean(entry.note)
        _add_language(concept, "ar", [(entry.source, None)])
        statuses = [_PREFERRED] + [_ADMITTED] * (len(entry.targets) - 1)
        english = list(zip(entry.targets, statuses, strict=True)) + [(term, _DEPRECATED) for term in entry.forbidden]
        _add_language(concept, "en", english)
    etree.indent(root)
    # The declaration is written by hand: lxml's uses single quotes, which a few older readers reject.
    return b'<?xml version="1.0" encoding="UTF-8"?>\n' + etree.tostring(root, encoding="UTF-8") + b"\n"


def _add_language(concept: etree._Element, lang: str, terms: Sequence[tuple[str, str | None]]) -> None:
    language = etree.SubElement(concept, "langSet", {_XML_LANG: lang})
    for term, status in terms:
        tig = etree.SubElement(language, "tig")
        etree.SubElement(tig, "term").text = _clean(term)
        if status is not None:
            etree.SubElement(tig, "termNote", type="administrativeStatus").text = status


def _clean(text: str) -> str:
    return _NOT_XML.sub("", text)


# -- reading ----------------------------------------------------------------------------------------------------


def read_tbx(data: bytes, path: Path, report: TbxReport | None = None) -> Iterator[GlossaryEntry]:
    """The Arabic→English entries of a TBX file, concept by concept; `path` names the file in messages.

    Entity declarations in the prolog are refused at once; malformed XML further on is raised while iterating, as
    a BadInputError naming the line, so an import consuming this inside its transaction keeps nothing.
    """
    path = Path(path)
    refuse_entities_in_prolog(path, data, _entities_refused)
    return _entries(data, path, report if report is not None else TbxReport())


def _entries(data: bytes, path: Path, report: TbxReport) -> Iterator[GlossaryEntry]:
    parser = untrusted_iterparse(io.BytesIO(data), events=("start", "end"))
    try:
        for event, element in parser:
            if event == "start":
                if element.getparent() is None:
                    _check_document(path, element.getroottree())
                continue
            if _name(element) in _CONCEPTS:
                entries = _concept_entries(element, report)
                report.concepts += 1
                report.entries += len(entries)
                report.skipped_concepts += int(not entries)
                yield from entries
                element.clear(keep_tail=True)
                while element.getprevious() is not None:
                    del element.getparent()[0]
    except etree.XMLSyntaxError as exc:
        raise malformed_xml(path, exc) from exc


def _check_document(path: Path, tree: etree._ElementTree) -> None:
    """The parsed DTD (the last line of defence after the prolog scan), then the root element's name."""
    refuse_parsed_entities(path, tree, _entities_refused)
    root = _name(tree.getroot())
    if root not in _ROOTS:
        raise BadInputError(path, QT_TRANSLATE_NOOP("Errors", "is not a TBX file (its XML is <{root}>, not <martif> "
                                                              "or <tbx>); export the termbase from the other tool as "
                                                              "TBX"),
                            root=root)


def _name(element: etree._Element) -> str:
    """The element's name without its namespace (TBX v3 files put everything in one, older ones in none)."""
    return etree.QName(element).localname


def _concept_entries(concept: etree._Element, report: TbxReport) -> list[GlossaryEntry]:
    arabic: list[str] = []
    english: list[tuple[str, str]] = []
    notes = _notes(concept)
    for section in concept:
        if _name(section) not in _LANGUAGE_SECTIONS:
            continue
        language = section.get(_XML_LANG, "").replace("_", "-").split("-", 1)[0].strip().lower()
        report.languages.add(language)
        if language not in ("ar", "en"):
            continue
        notes += _notes(section)
        for term_section in section:
            if _name(term_section) in _TERM_SECTIONS:
                term, status = _term(term_section)
                if term and language == "ar":
                    if not _UNWANTED_STATUS.search(status):
                        arabic.append(term)
                elif term:
                    english.append((term, status))
    allowed = [(term, status) for term, status in english if not _UNWANTED_STATUS.search(status)]
    allowed.sort(key=lambda pair: not _PREFERRED_STATUS.search(pair[1]))  # stable: file order after the preferred
    if not allowed:
        return []
    targets = tuple(term for term, _ in allowed)
    forbidden = tuple(term for term, status in english if _UNWANTED_STATUS.search(status))
    note = "\n".join(dict.fromkeys(notes))
    return [GlossaryEntry(source=term, targets=targets, note=note, forbidden=forbidden) for term in arabic]


def _notes(section: etree._Element) -> list[str]:
    """The texts of a section's own notes and definitions (not those of the sections inside it)."""
    notes = []
    for child in section:
        name = _name(child)
        if name == "descripGrp":  # TBX-Basic 2008 groups a definition with its source
            notes += _notes(child)
        elif name in _NOTE_CATEGORIES or (name == "descrip" and child.get("type") in _NOTE_CATEGORIES):
            text = "".join(child.itertext()).strip()
            if text:
                notes.append(text)
    return notes


def _term(term_section: etree._Element) -> tuple[str, str]:
    """The term of a `<tig>`/`<ntig>`/`<termSec>` and its administrative status ("" if none is given)."""
    term = status = ""
    for element in term_section.iter():
        name = _name(element)
        if name == "term" and not term:
            term = " ".join("".join(element.itertext()).split())
        elif name in _STATUS_CATEGORIES or (name == "termNote" and element.get("type") in _STATUS_CATEGORIES):
            status = (element.text or "").strip()
    return term, status


def _entities_refused(path: Path) -> BadInputError:
    return BadInputError(path, QT_TRANSLATE_NOOP("Errors", "contains entity declarations, which Tarjama refuses for "
                                                           "safety (they can make a file pull in other files or "
                                                           "reach the network); export the termbase again from the "
                                                           "tool that made it as plain TBX"))



