"""The WordprocessingML vocabulary the .docx reader and rebuilder share: names, a guarded parser, and where each
translatable paragraph of a package is (its part and its index there, the locator a project keeps).

The parts are parsed with lxml directly rather than through python-docx's element classes (whose `CT_R.text` is a
computed property, and whose parser drops blank text): the import and the export must find the very same
paragraphs at the very same indexes in the same bytes, so both use `part_paragraphs` on a tree parsed here.
"""

from __future__ import annotations

import copy
from collections.abc import Mapping
from typing import Any

from lxml import etree

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
MC_NS = "http://schemas.openxmlformats.org/markup-compatibility/2006"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
M_NS = "http://schemas.openxmlformats.org/officeDocument/2006/math"

Element = Any  # lxml's _Element, which ships no type information


def w(name: str) -> str:
    """The Clark name of a WordprocessingML element or attribute (`w("p")` is `{…/main}p`)."""
    return f"{{{W_NS}}}{name}"


W_P, W_R, W_PPR, W_RPR, W_T = w("p"), w("r"), w("pPr"), w("rPr"), w("t")
_FALLBACK = f"{{{MC_NS}}}Fallback"

# A part's bytes come from the document being imported: no DTD loaded, no entity expanded, nothing fetched.
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False)


def parse_part(data: bytes) -> Element:
    """The root element of one XML part of the package (raises lxml's XMLSyntaxError on a malformed one)."""
    return etree.fromstring(data, _PARSER)


def serialise_part(root: Element) -> bytes:
    """A part as Word writes it: UTF-8 with a standalone declaration."""
    return bytes(etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True))


def part_paragraphs(root: Element) -> list[Element]:
    """Every paragraph of the part in document order, text boxes' own paragraphs included, but none inside an
    `mc:Fallback`: that is the same text box again for programs older than Word 2010, and reading it would give
    every text box's text twice."""
    return [p for p in root.iter(W_P) if not any(a.tag == _FALLBACK for a in p.iterancestors())]


def locator(part_name: str, index: int) -> str:
    """Where a paragraph is: its part's name in the zip and its index in `part_paragraphs`."""
    return f"{part_name}#{index}"


def parse_locator(value: str) -> tuple[str, int]:
    part_name, _, index = value.rpartition("#")
    return part_name, int(index)


def new_element(tag: str, attributes: Mapping[str, str] | None = None) -> Element:
    """A new element that writes the `w:` (and for a relationship id `r:`) prefix Word uses, not lxml's `ns0:`."""
    attributes = dict(attributes or {})
    namespaces = {"w": W_NS, **({"r": R_NS} if any(name.startswith(f"{{{R_NS}}}") for name in attributes) else {})}
    return etree.Element(tag, attributes, nsmap=namespaces)


def to_xml(elements: list[Element]) -> str:
    """Elements as one string of markup (a tag's `data`), each declaring only the namespaces it uses."""
    pieces = []
    for element in elements:
        kept = copy.deepcopy(element)
        kept.tail = None
        etree.cleanup_namespaces(kept)
        pieces.append(etree.tostring(kept, encoding="unicode"))
    return "".join(pieces)


def from_xml(markup: str, namespaces: Mapping[str | None, str]) -> list[Element]:
    """The elements `to_xml` wrote, parsed inside a wrapper declaring the part's namespaces (a prefix that only an
    attribute's value names, as `mc:Ignorable` does, then still means what it meant)."""
    declared = " ".join(f'xmlns:{prefix}="{uri}"' for prefix, uri in namespaces.items() if prefix)
    wrapper = etree.fromstring(f"<tarjama-wrapper {declared}>{markup}</tarjama-wrapper>", _PARSER)
    return list(wrapper)


def is_on(element: Element | None) -> bool:
    """A toggle property's value (`<w:b/>`, `<w:b w:val="1"/>`, `<w:bidi w:val="off"/>`): absent is off."""
    if element is None:
        return False
    return element.get(w("val"), "true").lower() not in {"0", "false", "off", "none"}
