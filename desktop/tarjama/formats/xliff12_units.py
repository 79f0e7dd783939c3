"""Reading XLIFF 1.2 `<trans-unit>`s (Trados's and memoQ's dialects too): what each unit holds, its segments, their
targets and states as Tarjama statuses, for the import (`xliff12`) and for the rebuild to compare with
(`xliff12_rebuild`). See `xliff12` for the rules.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

from tarjama.domain import MachineSuggestion, Origin, Status
from tarjama.errors import QT_TRANSLATE_NOOP, BadInputError
from tarjama.formats.xliff12_inline import XLIFF11_NS, XLIFF12_NS, InlineReader, plain_text
from tarjama.formats.xliff_common import check_languages
from tarjama.inline_tags import InlineTag, plain

SDL_NS = "http://sdl.com/FileTypes/SdlXliff/1.0"
MQ_NS = "MQXliff"
_X = f"{{{XLIFF12_NS}}}"
_SDL = f"{{{SDL_NS}}}"
_MQ_STATUS = f"{{{MQ_NS}}}status"

# -- the statuses each dialect writes, and ours ---------------------------------------------------------------------

#: Trados confirmation levels (`sdl:seg conf`).
SDL_STATUS = {"Draft": Status.DRAFT, "Translated": Status.DRAFT, "RejectedTranslation": Status.REJECTED,
              "ApprovedTranslation": Status.APPROVED, "RejectedSignOff": Status.REJECTED,
              "ApprovedSignOff": Status.APPROVED}
SDL_CONF = {Status.APPROVED: "ApprovedTranslation", Status.DRAFT: "Translated", Status.MACHINE: "Translated",
            Status.REJECTED: "RejectedTranslation"}
#: memoQ row statuses (`mq:status`).
MQ_STATUS = {"NotStarted": Status.NEW, "Edited": Status.DRAFT, "PartiallyEdited": Status.DRAFT,
             "ManuallyConfirmed": Status.APPROVED, "Proofread": Status.APPROVED, "Rejected": Status.REJECTED}
MQ_WRITTEN = {Status.APPROVED: "ManuallyConfirmed", Status.DRAFT: "Edited", Status.MACHINE: "Edited",
              Status.REJECTED: "Rejected"}
#: XLIFF 1.2 `state` for each status Tarjama writes.
STATE_WRITTEN = {Status.APPROVED: "final", Status.DRAFT: "translated", Status.MACHINE: "translated",
                 Status.REJECTED: "needs-review-translation"}
_APPROVED_STATES = frozenset({"final", "signed-off"})
_UNTRANSLATED_STATES = frozenset({"new", "needs-translation"})
_MT_QUALIFIERS = frozenset({"mt-suggestion", "leveraged-mt"})
_TM_QUALIFIERS = frozenset({"exact-match", "fuzzy-match", "id-match", "leveraged-tm", "leveraged-inherited"})
_PERCENT = re.compile(r"\d+(?:\.\d+)?")


class Dialect:
    PLAIN, SDL, MQ = "xliff", "sdlxliff", "mqxliff"


@dataclass
class ReadSegment:
    """One segment as the file has it: its `mid` (None for a unit without seg-source), coded source and target."""

    mid: str | None
    source: str
    target: str
    status: Status
    origin: Origin
    space_after: str = ""
    alternatives: tuple[MachineSuggestion, ...] = ()


@dataclass
class ReadUnit:
    """One `<trans-unit>` as read: what the import shows and what the rebuild compares the translation with."""

    locator: str
    translatable: bool
    segmented: bool
    segments: list[ReadSegment] = field(default_factory=list)
    tags: dict[int, InlineTag] = field(default_factory=dict)
    note: str = ""

    @property
    def text(self) -> str:
        return "".join(segment.source + segment.space_after for segment in self.segments).strip()


def dialect_of(root: etree._Element) -> str:
    namespaces = set(root.nsmap.values())
    return Dialect.SDL if SDL_NS in namespaces else Dialect.MQ if MQ_NS in namespaces else Dialect.PLAIN


def _read_as_1_2(root: etree._Element) -> None:
    """A 1.1 document's elements renamed into 1.2's namespace, in the tree just parsed (the file is never rewritten:
    an export splices into its own text)."""
    if etree.QName(root).namespace != XLIFF11_NS:
        return
    for element in root.iter():
        if isinstance(element.tag, str) and etree.QName(element).namespace == XLIFF11_NS:
            element.tag = f"{_X}{etree.QName(element).localname}"


def read_units(path: Path, root: etree._Element) -> Iterator[ReadUnit]:
    """Every `<trans-unit>` of the document, in order, checked: languages, a source, ids unique in their file."""
    dialect = dialect_of(root)
    if root.get("version", "1.2").strip() not in {"1.0", "1.1", "1.2"}:
        raise _not_xliff12(path)
    _read_as_1_2(root)
    files = root.findall(f"{_X}file")
    if not files:
        raise _not_xliff12(path)
    for number, file in enumerate(files, start=1):
        check_languages(path, file.get("source-language"), file.get("target-language"))
        seen: set[str] = set()
        for unit in file.iter(f"{_X}trans-unit"):
            unit_id = unit.get("id")
            if not unit_id:
                raise BadInputError(path, QT_TRANSLATE_NOOP("Errors", "has a translation unit without an id (line "
                                                                      "{line}); export the job again from the tool "
                                                                      "that made it"), line=unit.sourceline)
            if unit_id in seen:
                raise BadInputError(path, QT_TRANSLATE_NOOP("Errors", "has two translation units with the id "
                                                                      "\"{id}\" (line {line}); the file is damaged "
                                                                      "or was edited by hand — export it again"),
                                    id=unit_id, line=unit.sourceline)
            seen.add(unit_id)
            yield _read_unit(path, unit, unit_id if number == 1 else f"{number}/{unit_id}", dialect)


def _read_unit(path: Path, unit: etree._Element, locator: str, dialect: str) -> ReadUnit:
    source = unit.find(f"{_X}source")
    if source is None:
        raise BadInputError(path, QT_TRANSLATE_NOOP("Errors", "has a translation unit without a source (id "
                                                              "\"{id}\", line {line}); export the job again from the "
                                                              "tool that made it"),
                            id=unit.get("id"), line=unit.sourceline)
    translatable = unit.get("translate", "yes").strip().lower() != "no"
    seg_source, target = unit.find(f"{_X}seg-source"), unit.find(f"{_X}target")
    result = ReadUnit(locator, translatable, seg_source is not None,
                      note="\n".join(note.text.strip() for note in unit.findall(f"{_X}note") if note.text))
    if not translatable:
        return result
    reader = InlineReader()
    unit_state = _unit_status(unit, target, dialect)
    alternatives = _alternatives(unit)
    if seg_source is None:
        source_text = reader.source(source)  # first: a target's codes are the source's
        target_text = reader.target(target) if target is not None else ""
        status, origin = _status(unit_state, target_text)
        result.segments.append(ReadSegment(None, source_text, target_text, status, origin,
                                           alternatives=alternatives.get(None, ())))
    else:
        target_mrks = {mrk.get("mid"): mrk for mrk in _segment_marks(target)} if target is not None else {}
        sdl_confs = _sdl_segments(unit) if dialect == Dialect.SDL else {}
        for mrk in _segment_marks(seg_source):
            mid = mrk.get("mid") or ""
            target_mrk = target_mrks.get(mid)
            source_text = reader.source(mrk)
            target_text = reader.target(target_mrk) if target_mrk is not None else ""
            state = sdl_confs.get(mid, unit_state)
            status, origin = _status(state, target_text)
            tail = mrk.tail or ""
            result.segments.append(ReadSegment(mid, source_text, target_text, status, origin,
                                               tail if not tail.strip() else "",
                                               alternatives.get(mid, alternatives.get(None, ()))))
    result.tags = reader.table
    return result


def _segment_marks(element: etree._Element) -> list[etree._Element]:
    return [mrk for mrk in element.iter(f"{_X}mrk") if mrk.get("mtype") == "seg"]


@dataclass(frozen=True)
class _State:
    """What the file says of a target: Tarjama's status for it when translated, and whether machine or memory
    made it (None: nothing said, a translation is a draft)."""

    status: Status | None
    origin: Origin = Origin.HUMAN


def _unit_status(unit: etree._Element, target: etree._Element | None, dialect: str) -> _State:
    mq = unit.get(_MQ_STATUS) if dialect == Dialect.MQ else None
    if mq in MQ_STATUS:
        return _State(MQ_STATUS[mq])
    state = (target.get("state") if target is not None else None) or ""
    qualifier = (target.get("state-qualifier") if target is not None else None) or ""
    origin = Origin.MT if qualifier in _MT_QUALIFIERS else Origin.TM if qualifier in _TM_QUALIFIERS \
        else Origin.HUMAN
    if unit.get("approved") == "yes" or state in _APPROVED_STATES:
        return _State(Status.APPROVED, origin)
    if state in _UNTRANSLATED_STATES:
        return _State(Status.NEW, origin)
    if origin == Origin.MT:
        return _State(Status.MACHINE, origin)
    return _State(None, origin)


def _sdl_segments(unit: etree._Element) -> dict[str, _State]:
    found: dict[str, _State] = {}
    for seg in unit.iterfind(f"{_SDL}seg-defs/{_SDL}seg"):
        conf = seg.get("conf")
        origin = Origin.MT if seg.get("origin") == "mt" else Origin.TM if seg.get("origin") == "tm" \
            else Origin.HUMAN
        status = SDL_STATUS.get(conf or "")
        if status is None and origin == Origin.MT:
            status = Status.MACHINE
        found[seg.get("id") or ""] = _State(status, origin)
    return found


def _status(state: _State, target: str) -> tuple[Status, Origin]:
    """A segment's status and origin from what the file says, given its target: no translation is new, whatever
    the file says; a translation in a state saying "not translated yet" is left out (a copy of the source)."""
    if not plain(target).strip() or state.status == Status.NEW:
        return Status.NEW, Origin.NONE
    if state.status == Status.DRAFT and state.origin == Origin.MT:
        return Status.MACHINE, Origin.MT
    return state.status or Status.DRAFT, state.origin


def _alternatives(unit: etree._Element) -> dict[str | None, tuple[MachineSuggestion, ...]]:
    """`<alt-trans>` targets by the segment they are for (None: the whole unit), as suggestions."""
    found: dict[str | None, list[MachineSuggestion]] = {}
    for alt in unit.iterfind(f"{_X}alt-trans"):
        target = alt.find(f"{_X}target")
        if target is None or not plain_text(target).strip():
            continue
        quality = _PERCENT.match((alt.get("match-quality") or "").strip())
        confidence = min(float(quality.group()) / 100, 1.0) if quality else 0.0
        found.setdefault(alt.get("mid"), []).append(MachineSuggestion(plain_text(target).strip(), confidence))
    return {mid: tuple(suggestions) for mid, suggestions in found.items()}


def _not_xliff12(path: Path) -> BadInputError:
    return BadInputError(path, QT_TRANSLATE_NOOP("Errors", "is not an XLIFF 1.2 job (it has no <file> of XLIFF "
                                                           "1.2); export it again from the tool that made it as "
                                                           "XLIFF 1.2"))


def segment_locator(unit_locator: str, mid: str | None) -> str:
    """A segment's locator: its unit's, then `#mid` for a segment of a seg-source."""
    return unit_locator if mid is None else f"{unit_locator}#{mid}"
