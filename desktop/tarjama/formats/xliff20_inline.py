"""XLIFF 2.x inline content as coded text (`tarjama.inline_tags`) and back.

Reading: a `<source>`'s or `<target>`'s codes become marks and one TagTable for the whole unit, numbered by the
codes' XLIFF `id` (unique within a unit, and the same in the target as in the source), in the order the sources
show them, so that a target's code takes its source code's number:
- `<pc>` (paired code around text) and `<mrk>` (an annotation, a term or comment, kept so it is written back)
  are paired tags around the text they hold, which stays translatable;
- `<sc>`/`<ec>` (start and end codes, joined by `startRef`, perhaps in different segments of the unit) and
  `<sm>`/`<em>` (their annotation counterparts) are the two halves of one paired tag;
- `<ph>` (a placeholder) is a standalone tag, as is `<cp>` (a character XML cannot hold).
A tag's `data` is the element's own XML (a paired tag's opening and closing joined by NUL), written back as it came;
its label what the file gives to show (`disp`, `equiv`, or the native code in `<originalData>`).

Writing: each mark becomes its element again. A `<pc>` or `<mrk>` whose two marks no longer nest in the
translation (the translator moved one across another tag) is written as the `<sc>`/`<ec>` (`<sm>`/`<em>`) pair the
standard defines for overlapping codes, so the target stays well-formed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from lxml import etree

from tarjama.formats.xml_text import clean, escaped_attribute, escaped_text
from tarjama.inline_tags import (
    MAX_TAGS,
    InlineTag,
    Mark,
    Role,
    TagKind,
    TagTable,
    has_marks,
    mark_char,
    mark_of,
    marks,
)

#: Joins the opening and closing XML of a paired tag in its `data` (no XML text can hold NUL).
CODES_JOINER = "\x00"
_XML_NAMESPACE = "http://www.w3.org/XML/1998/namespace"
_TYPES = {"link": "link", "image": "image"}
_SUBTYPES = {"xlf:b": "bold", "xlf:i": "italic", "xlf:u": "underline", "xlf:lb": "break", "xlf:pb": "break"}
_PAIRED_AROUND_TEXT = {"pc": "sc", "mrk": "sm"}  # and what each is written as when its halves cross another's
_END_OF = {"sc": "ec", "sm": "em"}
_ELEMENT_NAME = re.compile(r"<([^\s/>]+)")
_ID = re.compile(r"""\sid\s*=\s*(?:"([^"]*)"|'([^']*)')""")


class TooManyCodes(Exception):
    """A unit with more inline codes than a paragraph's tags can number (`MAX_TAGS`)."""


@dataclass
class UnitCodes:
    """The codes of one unit as its sources and targets are read: each XLIFF id's tag number, the tags, and the
    native codes `<originalData>` gives for the labels."""

    original_data: dict[str, str] = field(default_factory=dict)
    numbers: dict[str, int] = field(default_factory=dict)
    halves: dict[int, list[str]] = field(default_factory=dict)
    kinds: dict[int, tuple[TagKind, str, str]] = field(default_factory=dict)

    def read(self, element: etree._Element) -> str:
        """The coded text of a `<source>` or `<target>`."""
        pieces: list[str] = []
        self._content(element, pieces)
        return "".join(pieces)

    def table(self) -> dict[int, InlineTag]:
        """The unit's tags, once all its content is read."""
        tags = {}
        for number, (kind, tag_type, label) in self.kinds.items():
            begin, end = self.halves[number]
            data = begin + CODES_JOINER + end if kind is TagKind.PAIRED and end else begin or end
            tags[number] = InlineTag(number, kind, tag_type, label, data)
        return tags

    def _content(self, element: etree._Element, pieces: list[str]) -> None:
        self._text(element.text, pieces)
        for child in element:
            if isinstance(child.tag, str):
                self._code(child, pieces)
            self._text(child.tail, pieces)

    def _code(self, element: etree._Element, pieces: list[str]) -> None:
        name = etree.QName(element).localname
        if name in _PAIRED_AROUND_TEXT:
            number = self._tag(element.get("id"), TagKind.PAIRED, element)
            self._half(number, 0, start_tag(element))
            self._half(number, 1, f"</{qualified_name(element)}>")
            pieces.append(mark_char(Role.OPEN, number))
            self._content(element, pieces)
            pieces.append(mark_char(Role.CLOSE, number))
        elif name in ("sc", "sm"):
            number = self._tag(element.get("id"), TagKind.PAIRED, element)
            self._half(number, 0, start_tag(element, empty=True))
            pieces.append(mark_char(Role.OPEN, number))
        elif name in ("ec", "em"):
            number = self._tag(element.get("startRef") or element.get("id"), TagKind.PAIRED, element)
            self._half(number, 1, start_tag(element, empty=True))
            pieces.append(mark_char(Role.CLOSE, number))
        elif name in ("ph", "cp"):
            number = self._tag(element.get("id") or f"cp:{element.get('hex')}", TagKind.STANDALONE, element)
            self._half(number, 0, start_tag(element, empty=True))
            pieces.append(mark_char(Role.STANDALONE, number))
        else:  # an element the core does not define inline: its text is kept
            self._content(element, pieces)

    def _tag(self, code_id: str | None, kind: TagKind, element: etree._Element) -> int:
        key = code_id or f"anonymous:{len(self.numbers)}"
        number = self.numbers.get(key)
        if number is None:
            number = len(self.numbers) + 1
            if number >= MAX_TAGS:
                raise TooManyCodes
            self.numbers[key] = number
            self.halves[number] = ["", ""]
        if number not in self.kinds or not self.halves[number][0]:  # the opening half names the tag best
            self.kinds[number] = (kind, _our_type(element), self._label(element))
        return number

    def _half(self, number: int, which: int, xml: str) -> None:
        if not self.halves[number][which]:  # the source's, read first, wins over the target's
            self.halves[number][which] = xml

    def _label(self, element: etree._Element) -> str:
        for name in ("disp", "dispStart", "equiv", "equivStart", "value"):
            if element.get(name):
                return element.get(name) or ""
        reference = element.get("dataRef") or element.get("dataRefStart")
        return self.original_data.get(reference or "", "") or element.get("type") or ""

    def _text(self, text: str | None, pieces: list[str]) -> None:
        if not text:
            return
        if text.isprintable() or not has_marks(text):
            pieces.append(text)
            return
        for char in text:  # a private-use character of the file's own: a `char` tag, never taken for a mark
            if mark_of(char) is None:
                pieces.append(char)
                continue
            number = len(self.numbers) + 1
            if number >= MAX_TAGS:
                raise TooManyCodes
            self.numbers[f"char:{number}"] = number
            self.halves[number] = [char, ""]
            self.kinds[number] = (TagKind.STANDALONE, "char", "")
            pieces.append(mark_char(Role.STANDALONE, number))


def _our_type(element: etree._Element) -> str:
    name = etree.QName(element).localname
    sub_type = _SUBTYPES.get(element.get("subType") or "")
    if sub_type:
        return sub_type
    if name == "cp":
        return "char"
    return _TYPES.get(element.get("type") or "", "field" if name == "ph" else "format")


def qualified_name(element: etree._Element) -> str:
    """The element's name as the file writes it (`pc`, or `x:pc` where XLIFF has a prefix)."""
    local = etree.QName(element).localname
    return f"{element.prefix}:{local}" if element.prefix else local


def start_tag(element: etree._Element, *, empty: bool = False) -> str:
    """The element's start tag (an empty-element tag if `empty`), its attributes as the file gives them."""
    reverse = {uri: prefix for prefix, uri in element.nsmap.items() if prefix}
    reverse[_XML_NAMESPACE] = "xml"
    parts = [qualified_name(element)]
    for name, value in element.attrib.items():
        qname = etree.QName(name)
        written = f"{reverse[qname.namespace]}:{qname.localname}" if qname.namespace else qname.localname
        parts.append(f'{written}="{escaped_attribute(value)}"')
    return "<" + " ".join(parts) + ("/>" if empty else ">")


# -- writing ------------------------------------------------------------------------------------------------------


def content_xml(text: str, table: TagTable) -> str:
    """The escaped content of a `<target>` holding `text`, each mark of a tag in `table` as its element again;
    a mark `table` lacks is left out (it names no code of this unit)."""
    found = marks(text)
    crossing = _crossing([mark for mark in found if mark.id in table])
    pieces: list[str] = []
    start = 0
    for mark in found:
        pieces.append(escaped_text(clean(text[start:mark.position])))
        start = mark.position + 1
        tag = table.get(mark.id)
        if tag is not None:
            pieces.append(_element(mark.role, tag, mark.id in crossing))
    pieces.append(escaped_text(clean(text[start:])))
    return "".join(pieces)


def _crossing(found: list[Mark]) -> set[int]:
    """The paired tags whose marks do not nest in the text (an opening never closed, a closing never opened, or
    two pairs overlapping), which `<pc>` and `<mrk>` cannot write."""
    stack: list[int] = []
    crossing: set[int] = set()
    for mark in found:
        if mark.role is Role.OPEN:
            stack.append(mark.id)
        elif mark.role is Role.CLOSE:
            if mark.id not in stack:
                crossing.add(mark.id)
                continue
            while stack[-1] != mark.id:
                crossing.add(stack.pop())
            stack.pop()
    crossing.update(stack)
    return crossing


def _element(role: Role, tag: InlineTag, crossing: bool) -> str:
    begin, _, end = tag.data.partition(CODES_JOINER)
    if tag.type == "char" and not begin.startswith("<"):
        return escaped_text(clean(begin))
    if role is Role.STANDALONE or not crossing:
        return begin if role is not Role.CLOSE else end
    found = _ELEMENT_NAME.match(begin)
    qualified = found.group(1) if found else "pc"
    prefix, _, local = qualified.rpartition(":")
    start_name = _PAIRED_AROUND_TEXT.get(local)
    if start_name is None:  # already a start or end code: it needs no nesting
        return begin if role is Role.OPEN else end
    prefix = prefix + ":" if prefix else ""
    id_match = _ID.search(begin)
    code_id = escaped_attribute((id_match.group(1) or id_match.group(2) or "") if id_match else str(tag.id))
    if role is Role.OPEN:
        return f'<{prefix}{start_name} id="{code_id}"/>'
    return f'<{prefix}{_END_OF[start_name]} startRef="{code_id}"/>'
