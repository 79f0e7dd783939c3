"""Writing the translation into a copy of an XLIFF 1.2 file: the original text with only changed ranges replaced.

lxml would write the whole file again, changing quotes, empty elements, character references and declarations
the tool that made it may care about; so the original is instead cut into tokens (tags, comments, CDATA, each with
its offsets) and only these ranges are replaced, for a segment whose target or status differs from what the file
says (read again with `xliff12_units`): the `<target>`'s content (created, right after the `<source>`/
`<seg-source>`, when there is none), or one `<mrk mtype="seg">` in it; the `state`, `state-qualifier` and
`approved` attributes (in a Trados or memoQ file only where they are already), Trados's `sdl:seg conf` and memoQ's
`mq:status`; and the segments' comments, each a `<note from="author">` after the unit's `<target>` (or its
source). Everything else stays byte for byte, in the file's own encoding.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from tarjama.domain import Segment, Status
from tarjama.formats.interface import TranslatedParagraph
from tarjama.formats.xliff12_inline import XLIFF11_NS, XLIFF12_NS, coded_to_xml
from tarjama.formats.xliff12_units import (
    MQ_NS,
    MQ_WRITTEN,
    SDL_CONF,
    SDL_NS,
    STATE_WRITTEN,
    Dialect,
    ReadSegment,
    ReadUnit,
    dialect_of,
    read_units,
    segment_locator,
)
from tarjama.formats.xliff_common import parse_xliff
from tarjama.formats.xml_splice import Tag, decode, encode, splice, tag_attributes, tags, with_attribute
from tarjama.formats.xml_splice import attributes as read_attributes
from tarjama.formats.xml_text import clean, escaped_attribute, escaped_text
from tarjama.inline_tags import TagTable

_MT_QUALIFIERS = frozenset({"mt-suggestion", "leveraged-mt"})
#: `_Element.close` of an element with no end tag.
_EMPTY = -2


@dataclass(slots=True)
class _Element:
    """One element's tags in the original text: [start, open_end) its start tag, [close, end) its end tag."""

    name: str
    start: int
    open_end: int
    close: int = -1
    end: int = -1

    @property
    def empty(self) -> bool:
        """An element written `<name/>`, which has no end tag."""
        return self.close == _EMPTY


@dataclass
class _UnitSpans:
    unit: _Element
    children: dict[str, _Element] = field(default_factory=dict)
    source_marks: dict[str, _Element] = field(default_factory=dict)
    target_marks: dict[str, _Element] = field(default_factory=dict)
    sdl_segs: dict[str, _Element] = field(default_factory=dict)


def rebuild_xliff12(path: Path, original: bytes, paragraphs: Iterable[TranslatedParagraph]) -> bytes:
    """The original with the translation of each paragraph (by its locator, the unit) written in."""
    root = parse_xliff(path, original)
    dialect = dialect_of(root)
    prefixes = {uri: prefix for prefix, uri in root.nsmap.items()}
    by_locator = {paragraph.locator: paragraph for paragraph in paragraphs}
    text, codec, bom = decode(original)
    writer = _UnitWriter(text, dialect, prefixes)
    edits: list[tuple[int, int, str]] = []
    for spans, unit in zip(_units(text), read_units(path, root), strict=True):
        paragraph = by_locator.get(unit.locator)
        if paragraph is not None and unit.translatable:
            edits.extend(writer.edits(spans, unit, paragraph))
            edits.extend(writer.note_edits(spans, paragraph))  # after: a created target comes first at one place
    return encode(splice(text, edits), codec, bom)


def _units(text: str) -> Iterator[_UnitSpans]:
    """Each `<trans-unit>`'s spans, in order: the children Tarjama writes to and the segment marks in them."""
    stack: list[_Element] = []
    current: _UnitSpans | None = None
    depth = 0
    for tag in tags(text):
        if not tag.closing:
            element = _Element(tag.local_name, tag.start, tag.end)
            if current is None and element.name == "trans-unit":
                current, depth = _UnitSpans(element), len(stack)
            elif current is not None:
                _note(current, stack, depth, element, text, tag)
            if tag.empty:
                element.close = element.end = _EMPTY
            else:
                stack.append(element)
        else:
            element = stack.pop()
            element.close, element.end = tag.start, tag.end
            if current is not None and element is current.unit:
                yield current
                current = None


def _note(spans: _UnitSpans, stack: list[_Element], depth: int, element: _Element, text: str, tag: Tag) -> None:
    level = len(stack) - depth
    if level == 1:
        spans.children.setdefault(element.name, element)
        return
    if element.name not in ("mrk", "seg"):
        return
    container = stack[depth + 1].name
    attributes = {name: value for name, (value, _start, _end) in read_attributes(text, tag).items()}
    if element.name == "mrk" and attributes.get("mtype") == "seg":
        marks = spans.source_marks if container == "seg-source" else spans.target_marks \
            if container == "target" else None
        if marks is not None:
            marks.setdefault(attributes.get("mid", ""), element)
    elif element.name == "seg" and container == "seg-defs":
        spans.sdl_segs.setdefault(attributes.get("id", ""), element)


def _changed(stored: Segment, read: ReadSegment) -> bool:
    """Whether Tarjama has something to write for the segment: a translation or status unlike the file's."""
    if stored.status == Status.NEW and not stored.target.strip():
        return False
    return stored.target != read.target or stored.status != read.status


def _unit_status(statuses: list[Status]) -> Status:
    if all(status == Status.APPROVED for status in statuses):
        return Status.APPROVED
    if Status.REJECTED in statuses:
        return Status.REJECTED
    if all(status in (Status.MACHINE, Status.NEW) for status in statuses) and Status.MACHINE in statuses:
        return Status.MACHINE
    return Status.DRAFT


class _UnitWriter:
    """The edits that write one unit's translation into the original text."""

    def __init__(self, text: str, dialect: str, prefixes: dict[str, str | None]) -> None:
        self.text = text
        self.dialect = dialect
        xliff_prefix = prefixes.get(XLIFF12_NS) or prefixes.get(XLIFF11_NS)
        self.target_name = f"{xliff_prefix}:target" if xliff_prefix else "target"
        self.mq_status = f"{prefixes.get(MQ_NS) or 'mq'}:status"
        sdl_prefix = prefixes.get(SDL_NS)
        self.sdl = f"{sdl_prefix}:" if sdl_prefix else "sdl:"

    def edits(self, spans: _UnitSpans, unit: ReadUnit, paragraph: TranslatedParagraph) -> list[tuple[int, int, str]]:
        if unit.segmented:
            return self._segmented(spans, unit, paragraph)
        return self._whole(spans, unit, paragraph)

    def _segmented(self, spans: _UnitSpans, unit: ReadUnit,
                   paragraph: TranslatedParagraph) -> list[tuple[int, int, str]]:
        stored = {segment.locator: segment for segment in paragraph.segments}
        changes: dict[str, Segment] = {}
        for read in unit.segments:
            segment = stored.get(segment_locator(unit.locator, read.mid))
            if segment is not None and read.mid is not None and _changed(segment, read):
                changes[read.mid] = segment
        if not changes:
            return []
        statuses = [changes[read.mid].status if read.mid in changes else read.status for read in unit.segments
                    if read.mid is not None]
        target = spans.children.get("target")
        edits: list[tuple[int, int, str]] = []
        if target is not None and all(mid in spans.target_marks for mid in changes):
            for mid, segment in changes.items():
                edits.append(self._mark_edit(spans.target_marks[mid], coded_to_xml(segment.target, paragraph.tags)))
            edits.extend(self._target_edit(spans, target, None, _unit_status(statuses)))
        else:
            edits.extend(self._target_edit(spans, target, self._target_from_seg_source(spans, changes,
                                                                                      paragraph.tags),
                                           _unit_status(statuses)))
        if self.dialect == Dialect.SDL:
            edits.extend(self._sdl_seg_edits(spans, changes))
        edits.extend(self._unit_tag_edit(spans, _unit_status(statuses)))
        return edits

    def _sdl_seg_edits(self, spans: _UnitSpans, changes: dict[str, Segment]) -> list[tuple[int, int, str]]:
        """Trados's confirmation level of each changed segment: set on its `sdl:seg`, or a new `sdl:seg` when the
        file has none for it (in the unit's `sdl:seg-defs`, made after the target when the unit has none), so that
        Trados sees the segment confirmed and not merely filled."""
        edits: list[tuple[int, int, str]] = []
        created: list[str] = []
        for mid, segment in changes.items():
            if segment.status not in SDL_CONF:
                continue
            seg = spans.sdl_segs.get(mid)
            if seg is None:
                created.append(f'<{self.sdl}seg id="{escaped_attribute(mid)}" conf="{SDL_CONF[segment.status]}"/>')
                continue
            tag = self.text[seg.start:seg.open_end]
            edits.append((seg.start, seg.open_end, with_attribute(tag, "conf", SDL_CONF[segment.status])))
        if not created:
            return edits
        defs = spans.children.get("seg-defs")
        if defs is not None and not defs.empty:
            return [*edits, (defs.close, defs.close, "".join(created))]
        element = f"<{self.sdl}seg-defs>{''.join(created)}</{self.sdl}seg-defs>"
        if defs is not None:  # written `<sdl:seg-defs/>`
            return [*edits, (defs.start, defs.open_end, element)]
        after = spans.children.get("target") or spans.children["seg-source"]
        position = after.open_end if after.empty else after.end
        return [*edits, (position, position, self._indent(after.start) + element)]

    def _whole(self, spans: _UnitSpans, unit: ReadUnit,
               paragraph: TranslatedParagraph) -> list[tuple[int, int, str]]:
        segments = paragraph.segments
        if all(segment.status == Status.NEW and not segment.target.strip() for segment in segments):
            return []
        text = "".join((segment.target if segment.target.strip() else segment.source) + segment.space_after
                       for segment in segments).strip()
        status = _unit_status([segment.status for segment in segments])
        read = unit.segments[0]
        if text == read.target and status == read.status:
            return []
        return [*self._target_edit(spans, spans.children.get("target"), coded_to_xml(text, paragraph.tags), status),
                *self._unit_tag_edit(spans, status)]

    def note_edits(self, spans: _UnitSpans, paragraph: TranslatedParagraph) -> list[tuple[int, int, str]]:
        """The comments on the paragraph's segments as `<note from="author">`s, after the unit's `<target>` (where
        notes may come in XLIFF 1.2), or after its source when it has no target yet."""
        comments = [comment for segment in paragraph.segments for comment in segment.comments]
        if not comments:
            return []
        anchor = spans.children.get("target") or max(
            (spans.children[name] for name in ("source", "seg-source") if name in spans.children),
            key=lambda element: element.start)
        end = anchor.open_end if anchor.empty else anchor.end
        indent = self._indent(anchor.start)
        name = self.target_name.removesuffix("target") + "note"
        return [(end, end, "".join(f'{indent}<{name} from="{escaped_attribute(clean(comment.author))}">'
                                   f"{escaped_text(clean(comment.text))}</{name}>" for comment in comments))]

    def _mark_edit(self, mark: _Element, content: str) -> tuple[int, int, str]:
        if mark.empty:  # <mrk .../>: opened and closed around the content
            tag = self.text[mark.start:mark.open_end]
            name = next(tags(tag)).name
            return mark.start, mark.open_end, tag[:-2].rstrip() + ">" + content + f"</{name}>"
        return mark.open_end, mark.close, content

    def _target_from_seg_source(self, spans: _UnitSpans, changes: dict[str, Segment], tags: TagTable) -> str:
        """A whole target: the seg-source's content with each segment mark holding its translation (what the
        target had for one Tarjama did not change, else nothing)."""
        seg_source = spans.children["seg-source"]
        pieces: list[str] = []
        position = seg_source.open_end
        for mid, mark in spans.source_marks.items():
            if mid in changes:
                content = coded_to_xml(changes[mid].target, tags)
            else:
                old = spans.target_marks.get(mid)
                content = self.text[old.open_end:old.close] if old is not None and not old.empty else ""
            start, end, replacement = self._mark_edit(mark, content)
            pieces.extend((self.text[position:start], replacement))
            position = end
        pieces.append(self.text[position:seg_source.close])
        return "".join(pieces)

    def _target_edit(self, spans: _UnitSpans, target: _Element | None, content: str | None,
                     status: Status) -> list[tuple[int, int, str]]:
        """The `<target>`'s start tag with the status, and its content when given (created when missing)."""
        if target is None:
            after = max((spans.children[name] for name in ("source", "seg-source") if name in spans.children),
                        key=lambda element: element.start)
            end = after.open_end if after.empty else after.end
            tag = self._state_tag(f"<{self.target_name}>", status, created=True)
            return [(end, end, self._indent(after.start) + tag + (content or "") + f"</{self.target_name}>")]
        tag = self._state_tag(self.text[target.start:target.open_end], status, created=False)
        if target.empty:
            return [(target.start, target.open_end, tag[:-2].rstrip() + ">" + (content or "") +
                     f"</{self.target_name}>")]
        edits = [(target.start, target.open_end, tag)]
        if content is not None:
            edits.append((target.open_end, target.close, content))
        return edits

    def _state_tag(self, tag: str, status: Status, *, created: bool) -> str:
        attributes = tag_attributes(tag)
        if self.dialect == Dialect.PLAIN or "state" in attributes or (created and self.dialect == Dialect.MQ):
            tag = with_attribute(tag, "state", STATE_WRITTEN[status])
        if status == Status.MACHINE and self.dialect == Dialect.PLAIN:
            tag = with_attribute(tag, "state-qualifier", "mt-suggestion")
        elif attributes.get("state-qualifier") in _MT_QUALIFIERS:
            tag = with_attribute(tag, "state-qualifier", None)
        return tag

    def _unit_tag_edit(self, spans: _UnitSpans, status: Status) -> list[tuple[int, int, str]]:
        unit = spans.unit
        old = self.text[unit.start:unit.open_end]
        tag, attributes = old, tag_attributes(old)
        if status == Status.APPROVED and (self.dialect == Dialect.PLAIN or "approved" in attributes):
            tag = with_attribute(tag, "approved", "yes")
        elif attributes.get("approved") == "yes":
            tag = with_attribute(tag, "approved", "no")
        if self.dialect == Dialect.MQ:
            tag = with_attribute(tag, self.mq_status, MQ_WRITTEN[status])
        return [] if tag == old else [(unit.start, unit.open_end, tag)]

    def _indent(self, position: int) -> str:
        """The whitespace (from a line break) before the element at `position`, for a sibling inserted after it."""
        start = position
        while start > 0 and self.text[start - 1] in " \t\r\n":
            start -= 1
        whitespace = self.text[start:position]
        return whitespace if "\n" in whitespace else ""
