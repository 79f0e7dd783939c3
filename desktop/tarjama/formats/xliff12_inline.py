"""XLIFF 1.2 inline codes as tag marks and back.

Reading: `<g>` and a nested non-segment `<mrk>` (a protected run, a comment) are paired tags, each of `<x> <bx> <ex>
<ph> <bpt> <ept> <it>` a standalone one; every other element is kept as a paired tag too, so nothing is lost. A tag's
`data` is the element's own XML as the file has it in scope (start and end tags joined by NUL for a paired one, the
whole element with its native code for a standalone one), which is what the target is written with. A target's code
is the source's code of the same element and `id`, or a tag of its own when the source has none. A private-use
character in the file's text becomes a `char` tag (as `inline_tags.protect_literals` does), never a mark.

Writing: coded text back to XML: each mark its tag's code, the text escaped.
"""

from __future__ import annotations

import re
from collections import defaultdict

from lxml import etree

from tarjama.formats.xml_text import clean, escaped_attribute, escaped_text
from tarjama.inline_tags import (
    MAX_TAGS,
    InlineTag,
    Role,
    TagKind,
    TagTable,
    close_mark,
    has_marks,
    mark_of,
    open_mark,
    standalone_mark,
)

XLIFF12_NS = "urn:oasis:names:tc:xliff:document:1.2"
#: XLIFF 1.1, what translate-toolkit (and so Weblate and Pootle) writes: 1.2 kept its elements and attributes, adding
#: `seg-source` and segment marks, so the 1.2 reader reads it once its names are moved into 1.2's namespace.
XLIFF11_NS = "urn:oasis:names:tc:xliff:document:1.1"
_STANDALONE = frozenset({"x", "bx", "ex", "ph", "bpt", "ept", "it"})
#: Joins a paired code's start and end tags in its `data`: a character no XML text can hold.
_JOINER = "\x00"
_CHAR = "char"
#: XLIFF `ctype` values that name one of our tag types; any other code is "format" (paired) or "field".
_CTYPES = {"bold": "bold", "italic": "italic", "underlined": "underline", "link": "link", "x-html-a": "link",
           "lb": "break", "image": "image", "x-html-br": "break"}
_DECLARATION = re.compile(r"""\s+xmlns(?::[^\s=]+)?\s*=\s*("[^"]*"|'[^']*')""")


class InlineReader:
    """Turns the content of one unit's `<source>`, `<seg-source>` segments and `<target>` into coded text, all with
    the marks of one table (the unit's paragraph), numbering tags from 1 in the order they come."""

    def __init__(self) -> None:
        self.table: dict[int, InlineTag] = {}
        self._source_tags: dict[tuple[str, str], list[int]] = defaultdict(list)
        self._target_claims: dict[tuple[str, str], int] = defaultdict(int)

    def source(self, element: etree._Element) -> str:
        return self._content(element, target=False)

    def target(self, element: etree._Element) -> str:
        return self._content(element, target=True)

    def _content(self, element: etree._Element, *, target: bool) -> str:
        parts = [self._text(element.text)]
        for child in element:
            if isinstance(child.tag, str):
                parts.append(self._code(child, target))
            parts.append(self._text(child.tail))
        return "".join(parts)

    def _code(self, element: etree._Element, target: bool) -> str:
        name = etree.QName(element).localname
        key = (name, element.get("id") or element.get("mid") or "")
        tag_id = self._claimed(key) if target else None
        standalone = name in _STANDALONE
        if tag_id is None:
            tag_id = self._new_tag(key, standalone, element, remember=not target)
        if standalone:
            return standalone_mark(tag_id)
        return open_mark(tag_id) + self._content(element, target=target) + close_mark(tag_id)

    def _claimed(self, key: tuple[str, str]) -> int | None:
        """The source's tag of the same element and id, each taken once, in order."""
        candidates = self._source_tags.get(key, [])
        taken = self._target_claims[key]
        if taken < len(candidates):
            self._target_claims[key] += 1
            return candidates[taken]
        return None

    def _new_tag(self, key: tuple[str, str], standalone: bool, element: etree._Element, *, remember: bool) -> int:
        tag_id = self._next_id()
        kind = TagKind.STANDALONE if standalone else TagKind.PAIRED
        ctype = element.get("ctype") or ""
        tag_type = _CTYPES.get(ctype, "field" if standalone else "format")
        data = _element_xml(element) if standalone else _start_tag(element) + _JOINER + _end_tag(element)
        self.table[tag_id] = InlineTag(tag_id, kind, tag_type, ctype or key[0], data)
        if remember:
            self._source_tags[key].append(tag_id)
        return tag_id

    def _next_id(self) -> int:
        tag_id = len(self.table) + 1
        if tag_id >= MAX_TAGS:
            raise ValueError(f"a unit holds at most {MAX_TAGS - 1} inline codes")
        return tag_id

    def _text(self, text: str | None) -> str:
        if not text:
            return ""
        if not has_marks(text):
            return text
        out = []
        for char in text:
            if mark_of(char) is None:
                out.append(char)
                continue
            tag_id = self._next_id()
            self.table[tag_id] = InlineTag(tag_id, TagKind.STANDALONE, _CHAR, "", char)
            out.append(standalone_mark(tag_id))
        return "".join(out)


def plain_text(element: etree._Element) -> str:
    """An element's text without its codes' native content (a suggestion shown as words)."""
    parts = [element.text or ""]
    for child in element:
        if isinstance(child.tag, str) and etree.QName(child).localname not in _STANDALONE:
            parts.append(plain_text(child))
        parts.append(child.tail or "")
    return "".join(parts)


def coded_to_xml(text: str, table: TagTable) -> str:
    """Coded text as XLIFF content: each mark its tag's code, the text between escaped."""
    out: list[str] = []
    start = 0
    for position, char in enumerate(text):
        found = mark_of(char)
        if found is None:
            continue
        out.append(escaped_text(clean(text[start:position])))
        start = position + 1
        role, tag_id = found
        tag = table.get(tag_id)
        if tag is None:
            continue  # a mark the table does not hold has no code to write (QA reports it as extra)
        if tag.type == _CHAR:
            out.append(escaped_text(tag.data))
        elif tag.kind == TagKind.STANDALONE:
            out.append(tag.data if role == Role.STANDALONE else "")
        else:
            opening, _, closing = tag.data.partition(_JOINER)
            out.append(opening if role == Role.OPEN else closing if role == Role.CLOSE else opening + closing)
    out.append(escaped_text(clean(text[start:])))
    return "".join(out)


def _qualified(name: str, element: etree._Element) -> str:
    qname = etree.QName(name)
    if qname.namespace is None:
        return qname.localname
    if qname.namespace == "http://www.w3.org/XML/1998/namespace":
        return "xml:" + qname.localname
    prefix = next((p for p, uri in element.nsmap.items() if uri == qname.namespace), None)
    return qname.localname if prefix is None else f"{prefix}:{qname.localname}"


def _start_tag(element: etree._Element) -> str:
    attributes = "".join(f' {_qualified(name, element)}="{escaped_attribute(value)}"'
                         for name, value in element.attrib.items())
    return f"<{_qualified(element.tag, element)}{attributes}>"


def _end_tag(element: etree._Element) -> str:
    return f"</{_qualified(element.tag, element)}>"


def _element_xml(element: etree._Element) -> str:
    """The element as XML without its tail, without the namespace declarations lxml adds for what is in scope."""
    xml = etree.tostring(element, with_tail=False, encoding="unicode")
    head_end = xml.index(">")
    return _DECLARATION.sub("", xml[:head_end]) + xml[head_end:]

