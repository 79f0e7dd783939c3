"""TMX level 2: a unit's inline tags as TMX's inline elements and back (TMX 1.4b, "Content markup").

Writing: each mark of a `<seg>` becomes one element. A paired tag whose opening and closing marks are both in the
segment is a `<bpt>`/`<ept>` pair joined by `i` (1, 2, … in the segment, in the order the pairs open); one whose
other half is in another segment (a bold run that a sentence boundary cut) is an `<it pos="begin|end">`; a
standalone tag is a `<ph>`. Each carries `x`, the tag's number, the same in the source and the target `<tuv>`, so
that another tool matches them across the two; `type` is TMX's recommended value for the tag's type where there is
one (bold, italic, ulined, link, fnote, enote, lb, image) and `x-` and ours otherwise. The element's text is the
tag's `data`, the native code, escaped.

Reading: those elements (and `<hi>`, a paired tag around its own text, and TMX 1.1's `<ut>`, taken as standalone)
become marks and one TagTable for the unit. `<bpt>` and `<ept>` pair by `i` within their `<seg>`; a target's code
is the source's code with the same `x`, or, without `x`, the next source code of its kind not yet matched, in order.
A private-use character already in the text is kept as a `char` tag, as `inline_tags.protect_literals` keeps a
document's, so no file's text is ever taken for a mark.

A paired tag from another tool has two native codes (`<b>` and `</b>`), which `data` keeps joined by NUL, a
character no XML text can hold; a tag of ours has one, written in the `<bpt>` (or whichever `<it>`), its `<ept>`
left empty.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field

from lxml import etree

from tarjama.formats.xml_text import clean, escaped_attribute, escaped_text
from tarjama.inline_tags import (
    MAX_TAGS,
    NO_TAGS,
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

#: Our tag types that TMX 1.4b recommends a `type` value for; any other is written `x-` + ours.
_TMX_TYPES = {
    "bold": "bold", "italic": "italic", "underline": "ulined", "link": "link",
    "footnote": "fnote", "endnote": "enote", "break": "lb", "image": "image",
}
_OUR_TYPES = {tmx: ours for ours, tmx in _TMX_TYPES.items()}
_USER_TYPE = "x-"
#: The type of a code that names none.
_UNTYPED = "format"
#: Joins the opening and closing native codes of a paired tag read from TMX in its `data`.
_CODES_JOINER = "\x00"


# -- writing ------------------------------------------------------------------------------------------------------


def seg_markup(text: str, table: TagTable) -> str | None:
    """The escaped content of a `<seg>` holding `text`, each mark of a tag in `table` as a TMX inline element; a
    mark `table` lacks (a private-use character of a unit stored before tags) is written as the character it is.
    None when the segment has no text besides its tags (a side left blank). `text` is already `clean`."""
    found = [mark for mark in marks(text) if mark.id in table]
    numbers = _pair_numbers(found)
    pieces: list[str] = []
    start = 0
    for mark in found:
        pieces.append(text[start:mark.position])
        pieces.append(_element(mark.role, table[mark.id], numbers.get(mark.position)))
        start = mark.position + 1
    pieces.append(text[start:])
    texts = pieces[::2]
    if not any(piece.strip() for piece in texts) and not any(table[m.id].type == "char" for m in found):
        return None
    pieces[::2] = [escaped_text(piece) for piece in texts]
    return "".join(pieces)


def _pair_numbers(found: list[Mark]) -> dict[int, int]:
    """The `i` of each mark that has its other half in the segment, by position: each closing mark pairs with the
    nearest opening mark of its tag before it still unpaired; pairs are numbered in the order they open."""
    opened: dict[int, list[int]] = {}
    pairs: list[tuple[int, int]] = []
    for mark in found:
        if mark.role is Role.OPEN:
            opened.setdefault(mark.id, []).append(mark.position)
        elif mark.role is Role.CLOSE and opened.get(mark.id):
            pairs.append((opened[mark.id].pop(), mark.position))
    numbers: dict[int, int] = {}
    for number, (opening, closing) in enumerate(sorted(pairs), start=1):
        numbers[opening] = numbers[closing] = number
    return numbers


@functools.lru_cache(maxsize=4096)  # units written together share their tags (a memory's bold is everywhere)
def _element(role: Role, tag: InlineTag, number: int | None) -> str:
    """The inline element for one mark of `tag`: `number` is its pair's `i`, None for a half alone here."""
    begin, _, end = tag.data.partition(_CODES_JOINER)
    type_attribute = _type_attribute(tag.type)
    if role is Role.STANDALONE:
        return f'<ph x="{tag.id}"{type_attribute}>{_code(begin)}</ph>'
    if number is None:
        position, code = ("begin", begin) if role is Role.OPEN else ("end", end or begin)
        return f'<it pos="{position}" x="{tag.id}"{type_attribute}>{_code(code)}</it>'
    if role is Role.OPEN:
        return f'<bpt i="{number}" x="{tag.id}"{type_attribute}>{_code(begin)}</bpt>'
    return f'<ept i="{number}">{_code(end)}</ept>'


def _type_attribute(tag_type: str) -> str:
    if not tag_type:
        return ""
    return f' type="{escaped_attribute(clean(_TMX_TYPES.get(tag_type) or _USER_TYPE + tag_type))}"'


def _code(native: str) -> str:
    return escaped_text(clean(native))


# -- reading ------------------------------------------------------------------------------------------------------


@dataclass(eq=False)  # told apart by identity: two codes alike are still two tags
class _Code:
    """One inline code of a `<seg>` as read: a standalone code, or a paired one with the halves found of it.
    `family` is what a target's code without `x` is matched by: "paired" (`<bpt>`, `<ept>`, `<it>`), "hi",
    "standalone", or "char" (a literal character, never matched)."""

    family: str
    x: str | None
    type: str
    begin: str | None = None
    end: str | None = None

    @property
    def kind(self) -> TagKind:
        return TagKind.PAIRED if self.family in ("paired", "hi") else TagKind.STANDALONE


_Piece = str | tuple[Role, _Code]


@dataclass
class CodedSeg:
    """A `<seg>` that holds inline codes (or a private-use character): its text and codes in order, and the codes
    in the order they first appear."""

    pieces: list[_Piece] = field(default_factory=list)
    codes: list[_Code] = field(default_factory=list)

    @property
    def text(self) -> str:
        """The segment's text without its codes (a literal character is text), for telling a blank one."""
        return "".join(
            piece if isinstance(piece, str) else piece[1].begin or "" if piece[1].family == "char" else ""
            for piece in self.pieces
        )


def read_seg(seg: etree._Element) -> str | CodedSeg:
    """What a `<seg>` holds: its text when it has no inline element and no private-use character (nearly every
    segment, read at once), else a `CodedSeg` for `unit_texts`."""
    if len(seg) == 0:
        text = seg.text or ""
        if text.isascii() or text.isprintable() or not has_marks(text):  # isascii: the English side, at once
            return text
    reader = _SegReader()
    reader.read(seg)
    return reader.seg


def seg_text(seg: str | CodedSeg) -> str:
    """What `read_seg` gave, as text without its codes."""
    return seg if isinstance(seg, str) else seg.text


class _SegReader:
    def __init__(self) -> None:
        self.seg = CodedSeg()
        self._open_by_i: dict[str | None, _Code] = {}

    def read(self, element: etree._Element) -> None:
        self._text(element.text)
        for child in element:
            name = child.tag
            if name in ("bpt", "ept", "it", "ph", "ut"):
                self._native_code(name, child)
            elif name == "hi":  # highlights its own text, which stays translatable
                code = self._add(_Code("hi", child.get("x"), _our_type(child.get("type")), "", ""))
                self.seg.pieces.append((Role.OPEN, code))
                self.read(child)
                self.seg.pieces.append((Role.CLOSE, code))
            elif isinstance(name, str):  # an element TMX does not define: its text is kept
                self.read(child)
            self._text(child.tail)  # a comment or processing instruction leaves only its tail

    def _native_code(self, name: str, element: etree._Element) -> None:
        # The native code's text, including that of a <sub> (a link's title, say), which goes with the code.
        native = "".join(element.itertext())
        x, kind = element.get("x"), _our_type(element.get("type"))
        if name == "ept":
            code = self._open_by_i.pop(element.get("i"), None) or self._add(_Code("paired", None, kind))
            code.end = native
            self.seg.pieces.append((Role.CLOSE, code))
        elif name == "bpt" or (name == "it" and element.get("pos") != "end"):
            code = self._add(_Code("paired", x, kind, begin=native))
            if name == "bpt":
                self._open_by_i[element.get("i")] = code
            self.seg.pieces.append((Role.OPEN, code))
        elif name == "it":
            self.seg.pieces.append((Role.CLOSE, self._add(_Code("paired", x, kind, end=native))))
        else:
            self.seg.pieces.append((Role.STANDALONE, self._add(_Code("standalone", x, kind, begin=native))))

    def _add(self, code: _Code) -> _Code:
        self.seg.codes.append(code)
        return code

    def _text(self, text: str | None) -> None:
        if not text:
            return
        if text.isprintable() or not has_marks(text):
            self.seg.pieces.append(text)
            return
        for char in text:
            if mark_of(char) is None:
                self.seg.pieces.append(char)
            else:
                self.seg.pieces.append((Role.STANDALONE, self._add(_Code("char", None, "char", begin=char))))


def _our_type(tmx_type: str | None) -> str:
    if not tmx_type:
        return _UNTYPED
    if tmx_type.startswith(_USER_TYPE):
        return tmx_type[len(_USER_TYPE):] or _UNTYPED
    return _OUR_TYPES.get(tmx_type, tmx_type)


def unit_texts(source: str | CodedSeg, target: str | CodedSeg) -> tuple[str, str, TagTable]:
    """A unit's source and target with marks, and its tag table, from what `read_seg` gave for each side. A unit
    with more codes than a table numbers (`MAX_TAGS`) keeps its text only."""
    if isinstance(source, str) and isinstance(target, str):
        return source, target, NO_TAGS
    source_seg = source if isinstance(source, CodedSeg) else CodedSeg([source])
    target_seg = target if isinstance(target, CodedSeg) else CodedSeg([target])
    numbers = _numbers(source_seg.codes, target_seg.codes)
    if numbers and max(numbers.values()) >= MAX_TAGS:
        return source_seg.text, target_seg.text, NO_TAGS
    found: dict[int, list[_Code]] = {}
    for code in [*source_seg.codes, *target_seg.codes]:
        found.setdefault(numbers[code], []).append(code)
    table = {number: _tag(number, codes) for number, codes in found.items()}
    return _coded_text(source_seg, numbers), _coded_text(target_seg, numbers), table


def _numbers(source_codes: list[_Code], target_codes: list[_Code]) -> dict[_Code, int]:
    """Each code's tag number. A source code's is its `x` when that is a number still free (so a file of ours reads
    back with its tags' own numbers), else the lowest free one, in order. A target's code takes the number of the
    source code with its `x` and family, or, without `x`, of the next unmatched source code of its family; failing
    both it is a tag of its own, numbered like a source code."""
    numbers: dict[_Code, int] = {}
    taken: set[int] = set()

    def number(code: _Code, counterpart: _Code | None = None) -> None:
        if counterpart is not None:
            numbers[code] = numbers[counterpart]
            return
        wanted = int(code.x) if code.x is not None and code.x.isdecimal() else 0
        if not 0 < wanted < MAX_TAGS or wanted in taken:
            wanted = next(candidate for candidate in range(1, len(taken) + 2) if candidate not in taken)
        taken.add(wanted)
        numbers[code] = wanted

    by_x: dict[tuple[str, str], _Code] = {}
    for code in source_codes:
        if code.x is not None and code.family != "char":
            by_x.setdefault((code.family, code.x), code)
    # The source codes with a usable `x` first, so that one without cannot take the number another's `x` names.
    for code in sorted(source_codes, key=lambda code: code.x is None or not code.x.isdecimal()):
        number(code)
    matched = {by_x[key] for code in target_codes if code.x is not None and (key := (code.family, code.x)) in by_x}
    unmatched = [code for code in source_codes if code not in matched and code.family != "char"]
    for code in target_codes:
        counterpart = by_x.get((code.family, code.x)) if code.x is not None else None
        if counterpart is None and code.x is None and code.family != "char":
            counterpart = next((other for other in unmatched if other.family == code.family), None)
            if counterpart is not None:
                unmatched.remove(counterpart)
        number(code, counterpart)
    return numbers


def _tag(number: int, codes: list[_Code]) -> InlineTag:
    """The tag the codes given one number stand for; the source's come first, so its native codes win."""
    first = codes[0]
    begin = next((code.begin for code in codes if code.begin is not None), None)
    end = next((code.end for code in codes if code.end is not None), None)
    if first.kind is TagKind.STANDALONE or begin is None:
        data = begin or end or ""
    else:
        data = begin + _CODES_JOINER + end if end else begin
    return InlineTag(number, first.kind, first.type, "", data)


def _coded_text(seg: CodedSeg, numbers: dict[_Code, int]) -> str:
    return "".join(
        piece if isinstance(piece, str) else mark_char(piece[0], numbers[piece[1]]) for piece in seg.pieces
    )
