"""A Word paragraph's runs as coded text and a `TagTable`, and the runs written back from a translated coded text.

Reading walks the paragraph in order. Text is what its runs' `w:t` say; the run properties most of the text has
are the paragraph's *base*, and plain text is written back with them. A stretch of runs with other properties
becomes a paired tag whose `data` is those properties (`<w:rPr>`); a hyperlink is a paired tag whose `data` is the
hyperlink with one empty run carrying its text's properties; a line break, tab, image, footnote or endnote
reference, field instruction or anything else that is not text is a standalone tag whose `data` is the run that
holds it. A field's result (the text a REF or a date field shows) stays text to translate between its
instruction's tag and its end's.

Noise is not a tag (the "tag soup" other tools show): properties are compared without rsid attributes, `w:lang`,
`w:noProof`, a font's `w:hint` and tracked formatting changes, and proofing marks (`w:proofErr`) are skipped, so
twenty runs that differ only in their revision ids read as one. Bookmarks, comment ranges and permission ranges
are not shown; they are put back at the paragraph's start or end, where every one still opens before it closes.
Tracked changes are read accepted: insertions and moves in are text, deletions and moves out are dropped.

The rebuild reads the original paragraph again (`read_paragraph` on the same bytes gives the same tags), so an
image or a text box is moved back as the very element it was (a text box's own paragraphs, translated in their
turn, go with it); a tag the original no longer gives the same way is rebuilt from its stored `data`.
"""

from __future__ import annotations

import copy
import functools
import re
from collections import Counter
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field

from lxml import etree

from tarjama.formats.docx_xml import (
    M_NS,
    MC_NS,
    R_NS,
    W_PPR,
    W_R,
    W_RPR,
    W_T,
    Element,
    from_xml,
    is_on,
    new_element,
    to_xml,
    w,
)
from tarjama.inline_tags import (
    MARK,
    MAX_TAGS,
    InlineTag,
    Role,
    TagKind,
    TagTable,
    close_mark,
    mark_of,
    open_mark,
    standalone_mark,
)

_HYPERLINK, _FLDCHAR, _INSTR = w("hyperlink"), w("fldChar"), w("instrText")
#: Containers whose content is read as if it stood in the paragraph (an insertion is accepted).
_TRANSPARENT = {w("ins"), w("moveTo"), w("smartTag"), w("customXml"), w("dir"), w("bdo")}
_DROPPED_CHANGES = {w("del"), w("moveFrom")}
_CHANGE_MARKS = {w(name) for name in ("moveFromRangeStart", "moveFromRangeEnd", "moveToRangeStart", "moveToRangeEnd",
                                      "customXmlInsRangeStart", "customXmlInsRangeEnd", "customXmlDelRangeStart",
                                      "customXmlDelRangeEnd")}
_STARTS = {w("bookmarkStart"), w("commentRangeStart"), w("permStart")}
_ENDS = {w("bookmarkEnd"), w("commentRangeEnd"), w("permEnd")}
_COMMENT_MARKS = {w("commentRangeStart"), w("commentRangeEnd"), w("commentReference"), w("annotationRef")}
_SKIPPED = {W_PPR, w("proofErr"), w("lastRenderedPageBreak"), w("delText"), w("delInstrText")}
#: What a run's non-text child is, as a tag type; anything else there is a "field".
_RUN_OBJECTS = {
    w("tab"): "tab", w("ptab"): "tab", w("br"): "break", w("cr"): "break",
    w("footnoteReference"): "footnote", w("footnoteRef"): "footnote",
    w("endnoteReference"): "endnote", w("endnoteRef"): "endnote",
    w("drawing"): "image", w("pict"): "image", w("object"): "image", f"{{{MC_NS}}}AlternateContent": "image",
}
_RUN_CHARACTERS = {w("noBreakHyphen"): "\u2011", w("softHyphen"): "\u00ad"}
#: Run properties that say nothing a reader sees, or say it only to Word's spelling checker and its history.
_NOISE_PROPERTIES = {w("lang"), w("noProof"), w("rPrChange")}
#: Tag types for a stretch whose properties differ from the base in these alone (and turn them on).
_SIMPLE_TYPES = (({"b", "bCs"}, "bold"), ({"i", "iCs"}, "italic"), ({"u"}, "underline"))
_PROPERTY_LABELS = {"b": "bold", "bCs": "bold", "i": "italic", "iCs": "italic", "u": "underline", "color": "colour",
                    "sz": "size", "szCs": "size", "rFonts": "font", "rStyle": "style", "highlight": "highlight",
                    "rtl": "right-to-left", "vertAlign": "raised or lowered", "strike": "struck through"}
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_RUN_BREAKS = re.compile("([\t\n])")


@dataclass
class _Object:
    """Something in a paragraph that is not text: a child of a run (with that run's properties), or whole runs
    (a field's instruction, or a run that is nothing but one field mark)."""

    type: str
    label: str
    properties: Element | None = None
    child: Element | None = None
    runs: list[Element] = field(default_factory=list)

    def elements(self) -> list[Element]:
        """The runs to put in the paragraph: the original elements themselves (moved)."""
        if self.child is None:
            return self.runs
        run = new_element(W_R)
        if self.properties is not None:
            run.append(copy.deepcopy(self.properties))
        run.append(self.child)
        return [run]

    def data(self) -> str:
        """The markup the tag keeps, made from copies: reading never moves an element."""
        if self.child is None:
            return to_xml(self.runs)
        run = new_element(W_R)
        if self.properties is not None:
            run.append(copy.deepcopy(self.properties))
        run.append(copy.deepcopy(self.child))
        return to_xml([run])


@dataclass
class _Text:
    text: str
    key: bytes
    properties: Element | None


@dataclass
class _Link:
    element: Element
    events: list[_Text | _Object | _Link]


@dataclass
class ParagraphReading:
    """A paragraph as the project sees it (`text`, `tags`) and what the rebuild needs of the original."""

    text: str
    tags: dict[int, InlineTag]
    base: Element | None
    objects: dict[int, _Object]
    starts: list[Element]
    ends: list[Element | _Object]
    changes: bool
    comments: bool


def read_paragraph(paragraph: Element, links: Mapping[str, str]) -> ParagraphReading:
    """Read a `w:p`; `links` gives a hyperlink relationship's address, for the link tag's label."""
    walker = _Walker()
    events = walker.walk(paragraph)
    coder = _Coder(links)
    base_key = _base_key(events)
    coder.code(events, base_key)
    base = coder.properties.get(base_key)
    return ParagraphReading("".join(coder.pieces), coder.tags, None if base is None else _clean(base), coder.objects,
                            walker.starts, walker.ends + coder.overflow, walker.changes, walker.comments)


class _Walker:
    """The paragraph's content in order, as text, objects and links; what it sets aside is kept here."""

    def __init__(self) -> None:
        self.starts: list[Element] = []
        self.ends: list[Element | _Object] = []
        self.changes = False
        self.comments = False
        self._field: list[Element] | None = None
        self._depth = 0

    def walk(self, parent: Element) -> list[_Text | _Object | _Link]:
        events: list[_Text | _Object | _Link] = []
        for child in parent:
            tag = child.tag
            if not isinstance(tag, str) or tag in _SKIPPED:
                continue
            if tag == W_R:
                self._run(child, events)
                continue
            self._end_field(events)
            self.comments = self.comments or tag in _COMMENT_MARKS
            if tag == _HYPERLINK:
                events.append(_Link(child, self.walk(child)))
            elif tag in _TRANSPARENT or tag == w("sdt"):
                self.changes = self.changes or tag in (w("ins"), w("moveTo"))
                content = child.find(w("sdtContent")) if tag == w("sdt") else child
                events.extend(self.walk(content) if content is not None else [])
            elif tag in _DROPPED_CHANGES or tag in _CHANGE_MARKS:
                self.changes = True
            elif tag in _STARTS:
                self.starts.append(child)
            elif tag in _ENDS:
                self.ends.append(child)
            elif tag == w("fldSimple"):
                events.append(_Object("field", _field_label(child.get(w("instr"), "")), runs=[child]))
            else:  # an equation (m:oMath) or what a later Word adds: kept as it is
                events.append(_Object("field", "equation" if tag.startswith(f"{{{M_NS}}}") else "", runs=[child]))
        self._end_field(events)
        return events

    def _run(self, run: Element, events: list[_Text | _Object | _Link]) -> None:
        if self._field is not None or run.find(_FLDCHAR) is not None or run.find(_INSTR) is not None:
            self._field_run(run, events)
            return
        properties = run.find(W_RPR)
        key = _key(properties)
        for child in run:
            tag = child.tag
            if not isinstance(tag, str) or tag == W_RPR or tag in _SKIPPED:
                continue
            if tag == W_T or tag in _RUN_CHARACTERS:
                text = (child.text or "") if tag == W_T else _RUN_CHARACTERS[tag]
                events.append(_Text(text, key, properties))
            elif tag in (w("commentReference"), w("annotationRef")):
                self.comments = True
                self.ends.append(_Object("", "", properties, child))
            else:
                kind = _RUN_OBJECTS.get(tag, "field")
                label = "page break" if tag == w("br") and child.get(w("type")) == "page" else ""
                events.append(_Object(kind, label, properties, child))

    def _field_run(self, run: Element, events: list[_Text | _Object | _Link]) -> None:
        """A complex field: the runs from its start through its separator (its instruction) are one tag, its
        result is text, its end is a tag; a field inside the instruction is part of that tag."""
        mark = run.find(_FLDCHAR)
        kind = mark.get(w("fldCharType")) if mark is not None else None
        if self._field is None:
            if kind == "begin":
                self._field, self._depth = [run], 0
            else:
                events.append(_Object("field", "", runs=[run]))
            return
        self._field.append(run)
        if kind == "begin":
            self._depth += 1
        elif kind in ("separate", "end"):
            if self._depth == 0:
                self._end_field(events)
            elif kind == "end":
                self._depth -= 1

    def _end_field(self, events: list[_Text | _Object | _Link]) -> None:
        if self._field is None:
            return
        instruction = "".join(text.text or "" for run in self._field for text in run.iter(_INSTR))
        events.append(_Object("field", _field_label(instruction), runs=self._field))
        self._field = None


def _field_label(instruction: str) -> str:
    words = instruction.split()
    return words[0] if words else ""


def _normalised(properties: Element | None) -> Element | None:
    """The run properties without what `_NOISE_PROPERTIES` and revision ids say; None when nothing is left."""
    if properties is None:
        return None
    kept = copy.deepcopy(properties)
    for element in kept.iter():
        for name in [name for name in element.attrib if etree.QName(name).localname.startswith("rsid")]:
            del element.attrib[name]
    for child in list(kept):
        if child.tag in _NOISE_PROPERTIES:
            kept.remove(child)
    fonts = kept.find(w("rFonts"))
    if fonts is not None:
        fonts.attrib.pop(w("hint"), None)
        if not fonts.attrib:
            kept.remove(fonts)
    return kept if len(kept) else None


def _key(properties: Element | None) -> bytes:
    """What a run's properties say to a reader, as bytes to compare: `_normalised`, canonical; b"" for none."""
    return b"" if properties is None else _key_of(etree.tostring(properties))


@functools.lru_cache(maxsize=4096)
def _key_of(markup: bytes) -> bytes:
    """`_key` by the properties' markup: a document repeats a few dozen property sets over thousands of runs."""
    normalised = _normalised(etree.fromstring(markup))
    return b"" if normalised is None else etree.tostring(normalised, method="c14n")


def _base_key(events: list[_Text | _Object | _Link]) -> bytes:
    """The properties most of this level's text has (the first of equals): plain text, written without a tag."""
    weights: Counter[bytes] = Counter()
    for event in events:
        if isinstance(event, _Text):
            weights[event.key] += len(event.text)
    return weights.most_common(1)[0][0] if weights else b""


class _Coder:
    """Turns the walked events into coded text, numbering the tags from 1 in the order they open."""

    def __init__(self, links: Mapping[str, str]) -> None:
        self.links = links
        self.pieces: list[str] = []
        self.tags: dict[int, InlineTag] = {}
        self.objects: dict[int, _Object] = {}
        self.properties: dict[bytes, Element | None] = {b"": None}
        self.overflow: list[_Object] = []  # objects past the most tags a paragraph may have: kept at its end

    def _new_id(self) -> int | None:
        tag_id = len(self.tags) + 1
        return tag_id if tag_id < MAX_TAGS else None

    def code(self, events: list[_Text | _Object | _Link], base_key: bytes) -> None:
        span: tuple[int, bytes] | None = None  # the paired tag open for a stretch of other properties
        waiting: list[_Object] = []  # objects after the stretch's text, inside it only if the stretch goes on

        def close() -> None:
            nonlocal span
            if span is not None:
                self.pieces.append(close_mark(span[0]))
                span = None
            for pending in waiting:
                self._object(pending)
            waiting.clear()

        for event in events:
            if isinstance(event, _Object) and span is not None:
                waiting.append(event)
            elif isinstance(event, _Object):
                self._object(event)
            elif isinstance(event, _Link):
                close()
                self._link(event)
            else:
                self.properties.setdefault(event.key, event.properties)
                if event.key != (span[1] if span else base_key):
                    close()
                    if event.key != base_key:
                        span = self._open_span(event, base_key)
                for pending in waiting:
                    self._object(pending)
                waiting.clear()
                self.pieces.append(event.text)
        close()

    def _open_span(self, event: _Text, base_key: bytes) -> tuple[int, bytes] | None:
        tag_id = self._new_id()
        if tag_id is None:
            return None
        kind, label = _describe(event.key, base_key)
        data = to_xml([_clean(event.properties)]) if event.properties is not None else ""
        self.tags[tag_id] = InlineTag(tag_id, TagKind.PAIRED, kind, label, data)
        self.pieces.append(open_mark(tag_id))
        return tag_id, event.key

    def _object(self, item: _Object) -> None:
        tag_id = self._new_id()
        if tag_id is None:
            self.overflow.append(item)
            return
        self.tags[tag_id] = InlineTag(tag_id, TagKind.STANDALONE, item.type, item.label, item.data())
        self.objects[tag_id] = item
        self.pieces.append(standalone_mark(tag_id))

    def _link(self, link: _Link) -> None:
        tag_id = self._new_id()
        base_key = _base_key(link.events)
        if tag_id is None:
            self.code(link.events, base_key)
            return
        shell = new_element(link.element.tag, link.element.attrib)
        run = etree.SubElement(shell, W_R)
        for event in link.events:
            if isinstance(event, _Text) and event.key == base_key and event.properties is not None:
                run.append(_clean(event.properties))
                break
        address = self.links.get(link.element.get(f"{{{R_NS}}}id", ""), "")
        anchor = link.element.get(w("anchor"))
        label = address or (f"#{anchor}" if anchor else "")
        self.tags[tag_id] = InlineTag(tag_id, TagKind.PAIRED, "link", label, to_xml([shell]))
        self.pieces.append(open_mark(tag_id))
        self.code(link.events, base_key)
        self.pieces.append(close_mark(tag_id))


def _clean(properties: Element) -> Element:
    """A copy of run properties to write: a tracked formatting change is accepted (its record dropped)."""
    kept = copy.deepcopy(properties)
    for change in kept.findall(w("rPrChange")):
        kept.remove(change)
    return kept


@functools.lru_cache(maxsize=4096)
def _describe(key: bytes, base_key: bytes) -> tuple[str, str]:
    """The tag type and label for a stretch whose properties are `key` in a paragraph whose plain text has
    `base_key` (both `_key`s)."""
    mine, base = (etree.fromstring(found) if found else None for found in (key, base_key))
    ours = {child.tag: etree.tostring(child) for child in (mine if mine is not None else [])}
    theirs = {child.tag: etree.tostring(child) for child in (base if base is not None else [])}
    changed = {etree.QName(tag).localname for tag in ours.keys() | theirs.keys() if ours.get(tag) != theirs.get(tag)}
    turned_on = all(mine is not None and is_on(mine.find(w(name))) for name in changed)
    for names, kind in _SIMPLE_TYPES:
        if changed and changed <= names and turned_on:
            return kind, kind
    labels = dict.fromkeys(_PROPERTY_LABELS.get(name, name) for name in sorted(changed))
    return "format", " + ".join(labels)


# -- writing a translated paragraph back --------------------------------------------------------------------------


def build_content(target: str, tags: TagTable, original: ParagraphReading,
                  namespaces: Mapping[str | None, str]) -> list[Element]:
    """The paragraph's new content (everything after its `w:pPr`) for the coded `target`.

    Text takes the properties of the innermost open format tag, else of the open link's text, else the base. A
    closing mark with no opening one, a tag the table lacks or a second link inside a link is ignored. An image, a
    footnote reference, a field or other object the target lost is put at the paragraph's end, never dropped: a
    footnote without its reference, or a picture gone, is worse than one in the wrong place."""
    content: list[Element] = []
    formats: list[tuple[int, Element | None]] = []
    link: tuple[int, Element, Element | None] | None = None
    placed: set[int] = set()

    def add(elements: list[Element]) -> None:
        (link[1] if link is not None else content).extend(elements)

    for piece in _pieces(target):
        found = mark_of(piece) if len(piece) == 1 else None
        if found is None:
            properties = formats[-1][1] if formats else (link[2] if link else original.base)
            add(_text_runs(piece, properties))
            continue
        role, tag_id = found
        tag = tags.get(tag_id)
        if tag is None:
            continue
        if role is Role.STANDALONE:
            add(_object_elements(tag, original, namespaces, first=tag_id not in placed))
            placed.add(tag_id)
        elif role is Role.OPEN and tag.type == "link":
            if link is None:
                shell = from_xml(tag.data, namespaces)[0]
                run = shell.find(W_R)
                shell.remove(run)
                content.append(shell)
                link = (tag_id, shell, run.find(W_RPR))
        elif role is Role.OPEN:
            formats.append((tag_id, from_xml(tag.data, namespaces)[0] if tag.data else None))
        elif link is not None and link[0] == tag_id:
            link = None
        else:
            formats = [entry for entry in formats if entry[0] != tag_id]
    for tag_id, tag in sorted(tags.items()):
        if tag.kind is TagKind.STANDALONE and tag.type not in ("break", "tab") and tag_id not in placed:
            content.extend(_object_elements(tag, original, namespaces, first=True))
    ends = [element for item in original.ends
            for element in (item.elements() if isinstance(item, _Object) else [item])]
    return original.starts + content + ends


def _pieces(text: str) -> Iterator[str]:
    """The coded text as runs of plain text and single marks, in order."""
    start = 0
    for match in MARK.finditer(text):
        if match.start() > start:
            yield text[start:match.start()]
        yield match.group()
        start = match.end()
    if start < len(text):
        yield text[start:]


def _object_elements(tag: InlineTag, original: ParagraphReading, namespaces: Mapping[str | None, str],
                     first: bool) -> list[Element]:
    """The object's runs: the original's own elements when it still reads the same (moved the first time, copied
    when the target uses the tag again), else parsed from the tag's data."""
    item = original.objects.get(tag.id)
    if item is not None and original.tags[tag.id].data == tag.data:
        elements = item.elements()
        return elements if first else [copy.deepcopy(element) for element in elements]
    return from_xml(tag.data, namespaces) if tag.data else []


def _text_runs(text: str, properties: Element | None) -> list[Element]:
    """One run for a piece of text, a tab as `w:tab` and a line end as `w:br` (as the fresh writer does)."""
    text = _NOT_XML.sub("", text)
    if not text:
        return []
    run = new_element(W_R)
    if properties is not None:
        run.append(copy.deepcopy(properties))
    for piece in _RUN_BREAKS.split(text):
        if piece == "\t":
            etree.SubElement(run, w("tab"))
        elif piece == "\n":
            etree.SubElement(run, w("br"))
        elif piece:
            node = etree.SubElement(run, W_T)
            node.text = piece
            if piece != piece.strip():
                node.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    return [run]
