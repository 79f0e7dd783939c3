"""XLIFF 2.0, 2.1 and 2.2 jobs (Okapi, Phrase, memoQ and others write them): read as the file segments them, and
written back into the same file with only the targets and the segments' states changed.

Read: each `<unit>` to translate is one paragraph (locator `file id/unit id`), its `<segment>`s the paragraph's
segments (locator `file id/unit id/n`, n counting the unit's segments), kept as the file cut them; an `<ignorable>`
between two (the space after a sentence) is the space after the one before, so the paragraph's text joins up. A
unit marked `translate="no"` (itself or through its group or file) stays in the file and out of the project. The
codes inside (`pc sc ec ph mrk`…) are inline tags (`xliff20_inline`); the unit's `<notes>` the segments' note.
States: `final` is approved; `translated` and `reviewed` are drafts (machine translation where `subState` says
so); `initial` is new, or a draft when a target is there already.

Write (`rebuild`): the original bytes, with each segment Tarjama has a translation for given its `<target>` (made
right after `<source>` when the file had none) and its `state` (approved `final`, a draft or machine translation
`translated`, with `subState="tarjama:mt"` for the latter); a new or rejected segment, or one still as the file
gave it, is left as it came, as is every other byte of the file (`xml_splice`). A file without `trgLang` is given
`trgLang="en"`. The segments' comments go into their unit's `<notes>` (made before its first segment when it had
none), each a `<note category="comment">` saying who, when and what.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import ClassVar

from lxml import etree

from tarjama.domain import ImportedDocument, ImportedSegment, Origin, Segment, Status
from tarjama.errors import QT_TRANSLATE_NOOP, BadInputError, Message
from tarjama.formats.interface import TranslatedParagraph
from tarjama.formats.xliff20_inline import TooManyCodes, UnitCodes, content_xml
from tarjama.formats.xliff_common import check_languages, parse_xliff, read_xliff_bytes, xliff_version
from tarjama.formats.xml_splice import Tag, attributes, decode, encode, remove_attribute, set_attribute, splice, tags
from tarjama.formats.xml_text import clean, escaped_text
from tarjama.inline_tags import MAX_TAGS, TagTable, plain

NAMESPACE = "urn:oasis:names:tc:xliff:document:2.0"
#: 2.0 and 2.1 share the 2.0 namespace; 2.2 has its own.
NAMESPACES = (NAMESPACE, "urn:oasis:names:tc:xliff:document:2.2")
#: The `subState` Tarjama writes on a machine translation, and the values (after a tool's prefix) it reads as one.
MT_SUBSTATE = "tarjama:mt"
_MT_SUBSTATES = frozenset({"mt", "machine", "machine-translation", "mt-translated"})
_STATE_OF = {Status.APPROVED: "final", Status.DRAFT: "translated", Status.MACHINE: "translated"}


class Xliff20Format:
    """XLIFF 2.x; reached through `tarjama.formats.xliff.XliffFormat`, which tells 1.2 from 2.x."""

    name: ClassVar[str] = "xliff"
    description: ClassVar[str] = "XLIFF 2 job"
    extensions: ClassVar[tuple[str, ...]] = ()

    def read(self, path: str | Path) -> ImportedDocument:
        path = Path(path)
        return self.read_bytes(path, read_xliff_bytes(path))

    def read_bytes(self, path: Path, data: bytes) -> ImportedDocument:
        """The document in `data`, the bytes of the file at `path` (for the messages)."""
        root = parse_xliff(path, data)
        version = xliff_version(root)
        if etree.QName(root).namespace not in NAMESPACES or not version.startswith("2."):
            raise unsupported_version(path, version)
        check_languages(path, root.get("srcLang"), root.get("trgLang"))
        paragraphs: list[str] = []
        tables: list[TagTable] = []
        locators: list[str] = []
        segments: list[tuple[ImportedSegment, ...] | None] = []
        for locator, unit_segments, table in _units(path, root):
            paragraphs.append("".join(segment.source + segment.space_after for segment in unit_segments))
            tables.append(table)
            locators.append(locator)
            segments.append(unit_segments)
        if not paragraphs:
            raise BadInputError(path, QT_TRANSLATE_NOOP("Errors", "has no text to translate: every unit is empty or "
                                                                  "marked not to be translated"))
        return ImportedDocument(name=path.name, format=self.name, paragraphs=paragraphs, paragraph_separator="\n\n",
                                tags=tuple(tables), locators=tuple(locators), original=data,
                                segments=tuple(segments))

    def rebuild(self, path: str | Path, original: bytes, paragraphs: Iterable[TranslatedParagraph]) -> None:
        Path(path).write_bytes(rebuild_xliff20(Path(path), original, paragraphs))

    def write(self, path: str | Path, paragraphs: Iterable[str], paragraph_separator: str = "\n\n") -> None:
        raise xliff_not_written(Path(path))


def unsupported_version(path: Path, version: str) -> BadInputError:
    return BadInputError(path, QT_TRANSLATE_NOOP("Errors", "is XLIFF of version {version}, which Tarjama does not "
                                                           "read; export the job as XLIFF 1.2 or 2.0"),
                         version=version or "?")


def xliff_not_written(path: Path) -> BadInputError:
    return BadInputError(path, QT_TRANSLATE_NOOP("Errors", "cannot be written as XLIFF: a translation goes back "
                                                           "into the XLIFF file it came from only; export this "
                                                           "project as .txt or .docx"))


def _damaged(path: Path, problem: str, **values: object) -> BadInputError:
    """A file whose structure breaks XLIFF's own rules: what is wrong, and that only the tool that made it helps."""
    return BadInputError(path, Message(QT_TRANSLATE_NOOP("Errors", "{problem}; the XLIFF file is damaged — export "
                                                                   "it again from the tool that made it"),
                                       {"problem": Message(problem, values)}))


# -- reading ------------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Names:
    """The element names of the file's XLIFF namespace (2.0 or 2.2), as lxml spells them."""

    namespace: str

    def __getattr__(self, local: str) -> str:
        return f"{{{self.namespace}}}{local}"


def _units(path: Path, root: etree._Element) -> Iterator[tuple[str, tuple[ImportedSegment, ...], TagTable]]:
    """Each unit to translate: its locator, segments and tags, in document order; ids checked unique per file."""
    names = _Names(etree.QName(root).namespace or NAMESPACE)
    file_ids: set[str] = set()
    for file_element in root.iterchildren(names.file):
        file_id = file_element.get("id") or ""
        if file_id in file_ids:
            raise _damaged(path, QT_TRANSLATE_NOOP("Errors", "has two <file> elements with the id “{file}”"),
                           file=file_id)
        file_ids.add(file_id)
        unit_ids: set[str] = set()
        for unit in file_element.iter(names.unit):
            unit_id = unit.get("id")
            if not unit_id:
                raise _damaged(path, QT_TRANSLATE_NOOP("Errors", "has a unit without an id in file “{file}”"),
                               file=file_id)
            if unit_id in unit_ids:
                raise _damaged(path, QT_TRANSLATE_NOOP("Errors", "has two units with the id “{unit}” in file "
                                                                 "“{file}”"), unit=unit_id, file=file_id)
            unit_ids.add(unit_id)
            reading = _read_unit(path, names, unit, f"{file_id}/{unit_id}")
            if _translatable(names, unit) and any(plain(segment.source).strip() for segment in reading.segments):
                yield reading.locator, tuple(reading.segments), reading.codes.table()


def _translatable(names: _Names, unit: etree._Element) -> bool:
    """The unit's `translate`, or the nearest group's or file's: XLIFF inherits it down the tree."""
    element: etree._Element | None = unit
    while element is not None and element.tag in (names.unit, names.group, names.file):
        value = element.get("translate")
        if value is not None:
            return value != "no"
        element = element.getparent()
    return True


@dataclass
class _UnitReading:
    locator: str
    codes: UnitCodes = field(default_factory=UnitCodes)
    segments: list[ImportedSegment] = field(default_factory=list)


def _read_unit(path: Path, names: _Names, unit: etree._Element, locator: str) -> _UnitReading:
    reading = _UnitReading(locator)
    reading.codes.original_data = {data.get("id") or "": "".join(data.itertext())
                                   for data in unit.iterfind(f"{names.originalData}/{names.data}")}
    note = "\n".join(text for note in unit.iterfind(f"{names.notes}/{names.note}")
                     if (text := "".join(note.itertext()).strip()))
    parts = [child for child in unit if child.tag in (names.segment, names.ignorable)]
    if not any(part.tag == names.segment for part in parts):
        raise _damaged(path, QT_TRANSLATE_NOOP("Errors", "has a unit “{unit}” with no segment"), unit=locator)
    try:
        sources = [_coded(reading.codes, part.find(names.source), path, locator) for part in parts]
        targets = [_coded(reading.codes, part.find(names.target)) for part in parts]
    except TooManyCodes:
        raise _damaged(path, QT_TRANSLATE_NOOP("Errors", "has more than {limit} inline codes in unit “{unit}”"),
                       limit=MAX_TAGS - 1, unit=locator) from None
    number = 0
    for part, source, target in zip(parts, sources, targets, strict=True):
        if part.tag == names.ignorable:  # the space between two sentences: after the one before, if any
            if reading.segments:
                last = reading.segments[-1]
                reading.segments[-1] = replace(last, space_after=last.space_after + plain(source))
            continue
        status, origin = _status(part, target)
        reading.segments.append(ImportedSegment(source=source, target=target, status=status, origin=origin,
                                                locator=f"{locator}/{number}", note=note))
        number += 1
    return reading


def _coded(codes: UnitCodes, element: etree._Element | None, path: Path | None = None, unit: str = "") -> str:
    """The coded text of a `<source>` (`path` given: one is required) or `<target>` (absent: empty)."""
    if element is None:
        if path is not None:
            raise _damaged(path, QT_TRANSLATE_NOOP("Errors", "has a segment without a source in unit “{unit}”"),
                           unit=unit)
        return ""
    return codes.read(element)


def _status(segment: etree._Element, target: str) -> tuple[Status, Origin]:
    state = segment.get("state") or "initial"
    translated = bool(plain(target).strip())
    if not translated:
        return Status.NEW, Origin.NONE
    if state == "final":
        return Status.APPROVED, Origin.HUMAN
    sub_state = (segment.get("subState") or "").rpartition(":")[2].lower()
    if sub_state in _MT_SUBSTATES:
        return Status.MACHINE, Origin.MT
    return Status.DRAFT, Origin.HUMAN


# -- writing ------------------------------------------------------------------------------------------------------


def rebuild_xliff20(path: Path, original: bytes, paragraphs: Iterable[TranslatedParagraph]) -> bytes:
    """`original` with the targets and states of the paragraphs' translated segments written in (module doc).

    A segment whose target and status are still what the original gave it is left as it came (a draft the file
    had as `initial` stays so): only the translator's work changes the file."""
    as_imported = {segment.locator: (segment.target, segment.status)
                   for _locator, segments, _table in _units(path, parse_xliff(path, original))
                   for segment in segments}
    changed: dict[str, tuple[Segment, TagTable]] = {}
    notes: dict[str, list[str]] = {}  # the comments, by unit (`file id/unit id`)
    for paragraph in paragraphs:
        for segment in paragraph.segments:
            if (segment.locator and segment.status in _STATE_OF and plain(segment.target).strip()
                    and as_imported.get(segment.locator) != (segment.target, segment.status)):
                changed[segment.locator] = (segment, paragraph.tags)
            if segment.locator and segment.comments:
                notes.setdefault(segment.locator.rpartition("/")[0], []).extend(
                    comment.note_text for comment in segment.comments)
    text, codec, bom = decode(original)
    return encode(splice(text, [*_changes(text, changed), *_note_changes(text, notes)]), codec, bom)


@dataclass
class _OpenSegment:
    """A `<segment>` being walked in the text: its start tag, where its source is, and its target if any."""

    locator: str
    tag: Tag
    source: Tag | None = None
    source_end: int = 0
    target: Tag | None = None
    target_end: Tag | None = None


def _changes(text: str, changed: dict[str, tuple[Segment, TagTable]]) -> Iterator[tuple[int, int, str]]:
    """The splices that write `changed` into the text: each segment found by its file, unit and position."""
    stack: list[Tag] = []
    prefix = ""
    file_id = unit_id = ""
    number = 0
    current: _OpenSegment | None = None
    for tag in tags(text):
        if tag.closing:
            opened = stack.pop()
            if current is not None and opened is current.source:
                current.source_end = tag.end
            elif current is not None and opened is current.target:
                current.target_end = tag
            elif current is not None and opened is current.tag:
                yield from _segment_changes(text, current, *changed[current.locator])
                current = None
            continue
        parent = stack[-1] if stack else None
        if parent is None:
            prefix = tag.prefix
            if "trgLang" not in attributes(text, tag):
                yield set_attribute(text, tag, "trgLang", "en")
        elif tag.prefix == prefix:
            name = tag.local_name
            if name == "file" and parent.local_name == "xliff":
                file_id = attributes(text, tag).get("id", ("",))[0]
            elif name == "unit":
                unit_id = attributes(text, tag).get("id", ("",))[0]
                number = 0
            elif name == "segment" and parent.local_name == "unit":
                locator = f"{file_id}/{unit_id}/{number}"
                number += 1
                current = _OpenSegment(locator, tag) if locator in changed else None
            elif current is not None and parent is current.tag and name == "source":
                current.source = tag
            elif current is not None and parent is current.tag and name == "target":
                current.target = tag
        if not tag.empty:
            stack.append(tag)


def _note_changes(text: str, notes: dict[str, list[str]]) -> Iterator[tuple[int, int, str]]:
    """The splices that add `notes` (by unit locator, `file id/unit id`) to their units' `<notes>`, made before the
    unit's first `originalData`, `segment` or `ignorable` (where XLIFF 2 wants it) when the unit has none."""
    if not notes:
        return
    stack: list[Tag] = []
    file_id = ""
    pending: list[str] | None = None  # the notes of the unit being walked, until they are placed
    for tag in tags(text):
        if tag.closing:
            opened = stack.pop()
            if pending and opened.local_name == "notes" and stack and stack[-1].local_name == "unit":
                before_end = tag.start - len(_indent_before(text, tag.start))  # after the last note, as the others
                yield before_end, before_end, _notes_xml(text, opened.prefix, pending, tag.start, nested=True)
                pending = None
            continue
        parent = stack[-1] if stack else None
        if tag.local_name == "file" and parent is not None and parent.local_name == "xliff":
            file_id = attributes(text, tag).get("id", ("",))[0]
        elif tag.local_name == "unit":
            pending = notes.get(f"{file_id}/{attributes(text, tag).get('id', ('',))[0]}")
        elif pending and parent is not None and parent.local_name == "unit" \
                and tag.local_name in ("originalData", "segment", "ignorable"):
            name = f"{tag.prefix}notes"
            yield tag.start, tag.start, f"<{name}>{_notes_xml(text, tag.prefix, pending, tag.start, nested=False)}" \
                                        f"</{name}>{_indent_before(text, tag.start)}"
            pending = None
        if not tag.empty:
            stack.append(tag)


def _notes_xml(text: str, prefix: str, notes: list[str], position: int, *, nested: bool) -> str:
    """The `<note>`s, each on a line of its own when the file has lines: inside an open `<notes>` (`nested`) whose
    end tag is at `position`, else for a new `<notes>` before the element at `position`."""
    indent = _indent_before(text, position)
    inner = indent + "  " if indent else ""
    name = f"{prefix}note"
    written = "".join(f'{inner}<{name} category="comment">{escaped_text(clean(note))}</{name}>' for note in notes)
    return written if nested else written + indent


def _indent_before(text: str, position: int) -> str:
    """The line break (as the file writes it) and indentation just before `position`, or "" when the element does
    not start a line."""
    start = position
    while start > 0 and text[start - 1] in " \t":
        start -= 1
    if start == 0 or text[start - 1] != "\n":
        return ""
    start -= 2 if start > 1 and text[start - 2] == "\r" else 1
    return text[start:position]


def _segment_changes(text: str, segment: _OpenSegment, stored: Segment,
                     table: TagTable) -> Iterator[tuple[int, int, str]]:
    yield set_attribute(text, segment.tag, "state", _STATE_OF[stored.status])
    sub_state = attributes(text, segment.tag).get("subState")
    if stored.status is Status.MACHINE:
        yield set_attribute(text, segment.tag, "subState", MT_SUBSTATE)
    elif sub_state is not None and sub_state[0] == MT_SUBSTATE:
        removal = remove_attribute(text, segment.tag, "subState")
        if removal is not None:
            yield removal
    content = content_xml(stored.target, table)
    target = segment.target
    if target is not None and segment.target_end is not None:
        yield target.end, segment.target_end.start, content
    elif target is not None:  # <target/>
        yield target.start, target.end, f"{text[target.start:target.attributes_end]}>{content}</{target.name}>"
    elif segment.source is not None:
        between = text[segment.tag.end:segment.source.start]
        indent = between if not between.strip() else ""
        name = f"{segment.tag.prefix}target"
        yield segment.source_end, segment.source_end, f"{indent}<{name}>{content}</{name}>"
