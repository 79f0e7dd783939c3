"""Changing a few elements of an XML file and keeping every other byte as it came: the tags found by position in the
text, and the changes spliced in between the untouched stretches. Both XLIFF writers (1.2 in `xliff12_rebuild`,
2.x in `xliff20`) work this way.

A tree parser cannot do this: lxml (like any) forgets how the file was spelled — quotes, whitespace inside tags,
`<a/>` against `<a></a>`, character references, CDATA — and writes its own spelling back. A file handed back to an
agency must differ only where the translation went, so the writer of an XLIFF export finds the few tags it changes
with `tags` (a scanner over text already known to be well-formed: the importer parsed it with lxml) and replaces
their spans with `splice`.
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Iterable, Iterator
from typing import NamedTuple

from tarjama.formats.xml_text import escaped_attribute

# Comments, CDATA, processing instructions and a DOCTYPE (with its internal subset) are skipped whole, so nothing
# inside them is taken for a tag; then an end tag, or a start tag with its attributes (a quoted value may hold `>`).
_TOKEN = re.compile(
    r"""<!--.*?-->|<!\[CDATA\[.*?\]\]>|<\?.*?\?>|<!DOCTYPE(?:[^\[>]|\[.*?\])*>"""
    r"""|</([^\s>]+)\s*>"""
    r"""|<([^\s/>!?]+)((?:\s+[^\s=/>]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(/?)>""",
    re.DOTALL,
)
_ATTRIBUTE = re.compile(r"""([^\s=]+)\s*=\s*(?:"([^"]*)"|'([^']*)')""")
_DECLARED_ENCODING = re.compile(rb"""^<\?xml[^>]*?encoding\s*=\s*["']([A-Za-z0-9._-]+)["']""")
_BOMS = ((codecs.BOM_UTF32_LE, "utf-32-le"), (codecs.BOM_UTF32_BE, "utf-32-be"), (codecs.BOM_UTF8, "utf-8"),
         (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"))


class Tag(NamedTuple):
    """One start, end or empty-element tag: its qualified name as written, where it is, and (a start or empty
    tag) the span of its attributes, so one can be added after the last. A tuple: a large file has millions."""

    name: str
    start: int
    end: int
    closing: bool
    empty: bool
    attributes_end: int

    @property
    def local_name(self) -> str:
        return self.name.rpartition(":")[2]

    @property
    def prefix(self) -> str:
        """"x:" for `<x:segment>`, "" for an element in the default namespace."""
        return self.name[:len(self.name) - len(self.local_name)]


def tags(text: str) -> Iterator[Tag]:
    """Every tag of `text`, in order (comments, CDATA and the like skipped)."""
    made = tuple.__new__  # a Tag without NamedTuple's keyword handling: a 50,000-unit file has two million tags
    for match in _TOKEN.finditer(text):
        end_name, start_name, _attributes, slash = match.groups()
        start, end = match.span()
        if end_name:
            yield made(Tag, (end_name, start, end, True, False, start))
        elif start_name:
            yield made(Tag, (start_name, start, end, False, bool(slash), match.end(3)))


def attributes(text: str, tag: Tag) -> dict[str, tuple[str, int, int]]:
    """A start tag's attributes as written: each name's value (unescaped) and the span of its raw value."""
    found = {}
    offset = tag.start + 1 + len(tag.name)
    for match in _ATTRIBUTE.finditer(text, offset, tag.attributes_end):
        group = 2 if match.group(2) is not None else 3
        found[match.group(1)] = (_unescape(match.group(group)), match.start(group), match.end(group))
    return found


def set_attribute(text: str, tag: Tag, name: str, value: str) -> tuple[int, int, str]:
    """The change that gives the start tag `name="value"`: its value replaced where it stands, else the attribute
    added after the last one."""
    present = attributes(text, tag).get(name)
    if present is not None:
        return present[1], present[2], escaped_attribute(value)
    return tag.attributes_end, tag.attributes_end, f' {name}="{escaped_attribute(value)}"'


def remove_attribute(text: str, tag: Tag, name: str) -> tuple[int, int, str] | None:
    """The change that takes `name` (and the space before it) out of the start tag, None when it has none."""
    for match in _ATTRIBUTE.finditer(text, tag.start + 1 + len(tag.name), tag.attributes_end):
        if match.group(1) == name:
            start = match.start()
            while text[start - 1].isspace():
                start -= 1
            return start, match.end(), ""
    return None


def tag_attributes(tag_text: str) -> dict[str, str]:
    """The attributes of a start tag given as its text alone, each value unescaped."""
    return {name: value for name, (value, _start, _end) in attributes(tag_text, next(tags(tag_text))).items()}


def with_attribute(tag_text: str, name: str, value: str | None) -> str:
    """A start tag given as its text, with `name` set to `value` (added after the last attribute when missing), or
    removed for None: for a tag being built, which is in no file yet."""
    tag = next(tags(tag_text))
    change = set_attribute(tag_text, tag, name, value) if value is not None else remove_attribute(tag_text, tag, name)
    return tag_text if change is None else splice(tag_text, [change])


def splice(text: str, changes: Iterable[tuple[int, int, str]]) -> str:
    """`text` with each (start, end, replacement) applied; changes at one place keep their order."""
    pieces: list[str] = []
    position = 0
    for start, end, replacement in sorted(changes, key=lambda change: (change[0], change[1])):
        if start < position:
            raise RuntimeError("overlapping XML edits")  # a bug in the writer, never the file's fault
        pieces.append(text[position:start])
        pieces.append(replacement)
        position = end
    pieces.append(text[position:])
    return "".join(pieces)


def decode(data: bytes) -> tuple[str, str, bytes]:
    """The file's text, with the codec and byte-order mark to encode it back to the same bytes (see `encode`)."""
    for bom, codec in _BOMS:
        if data.startswith(bom):
            return data[len(bom):].decode(codec), codec, bom
    declared = _DECLARED_ENCODING.match(data)
    codec = declared.group(1).decode("ascii") if declared else "utf-8"
    return data.decode(codec), codec, b""


def encode(text: str, codec: str, bom: bytes) -> bytes:
    """Text from `decode` back to bytes; a character the file's encoding lacks becomes a character reference."""
    return bom + text.encode(codec, errors="xmlcharrefreplace")


def _unescape(value: str) -> str:
    if "&" not in value:
        return value
    return re.sub(r"&(#x[0-9A-Fa-f]+|#[0-9]+|amp|lt|gt|quot|apos);", _reference, value)


def _reference(match: re.Match[str]) -> str:
    name = match.group(1)
    if name.startswith("#x"):
        return chr(int(name[2:], 16))
    if name.startswith("#"):
        return chr(int(name[1:]))
    return {"amp": "&", "lt": "<", "gt": ">", "quot": '"', "apos": "'"}[name]
