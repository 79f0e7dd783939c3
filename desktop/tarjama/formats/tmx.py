"""TMX 1.4b export and import of translation-memory units, streamed so a million units need no more memory than one.

TMX is how translation memories move between tools (Trados, memoQ, OmegaT, Phrase, ...). Writing produces the
markup as text, a thousand `<tu>`s at a time, into a temporary file that is renamed into place only when
complete. Reading goes through `iterparse`, clearing each `<tu>` once it has become units.

A TMX file is XML from somewhere else, so reading goes through `tarjama.formats.xml_safety`: a DOCTYPE that
declares entities (the XXE and "billion laughs" attacks) is refused before libxml2 sees it, and the parser itself
never loads a DTD, resolves an entity or touches the network whatever the file says.
"""

from __future__ import annotations

import functools
import importlib.metadata
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import IO

from lxml import etree

import tarjama
from tarjama.atomic_file import replacing
from tarjama.domain import TmUnit, UnitOrigin
from tarjama.errors import QT_TRANSLATE_NOOP, BadInputError, PathError, reading, unreadable
from tarjama.formats.tmx_inline import CodedSeg, read_seg, seg_markup, seg_text, unit_texts
from tarjama.formats.xml_safety import (
    PROLOG_BYTES,
    malformed_xml,
    refuse_entities_in_prolog,
    refuse_parsed_entities,
    untrusted_iterparse,
)
from tarjama.formats.xml_text import clean, escaped_attribute, escaped_text

__all__ = ["TmxCancelled", "TmxReport", "read_tmx", "write_tmx"]

_XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
_LANG_ATTRIBUTES = frozenset({_XML_LANG, "lang"})  # TMX 1.4 and TMX 1.1

# Props that carry a TmUnit field of their own; a unit's `props` never overrides them on export.
_ORIGIN = "x-origin"
_STATUS = "x-status"
_DOCUMENT = "x-document"
_MT_ORIGINAL = "x-mt-original"
_OWN_PROPS = frozenset({_ORIGIN, _STATUS, _DOCUMENT, _MT_ORIGINAL})
_APPROVED = "approved"
_ORIGINS = {origin.value: origin for origin in UnitOrigin}
# The <tu> attributes that become unit fields; a variant's stand in for those the <tu> lacks.
_UNIT_ATTRIBUTES = frozenset({"creationdate", "changedate", "creationid"})

# Units between two calls of `cancel` and `on_progress`: often enough for a responsive dialog, rarely enough to
# cost nothing against the writing itself.
_CHECK_EVERY = 1000

_INDENT = "\n  "

_UTC_SUFFIXES = ("+00:00", "Z")
_ISO_SECONDS = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}")
_TMX_DATE = re.compile(r"[0-9]{8}T[0-9]{6}Z?")


class TmxCancelled(PathError):
    """The translator cancelled a TMX export; the file they named was left as it was."""

    def __init__(self, path: str | Path) -> None:
        super().__init__(path, QT_TRANSLATE_NOOP("Errors", "the export was cancelled; the file was not written or "
                                                           "changed."))


@dataclass
class TmxReport:
    """What `read_tmx` found, filled in while it reads (final once the units are exhausted).

    It lets the importer tell the translator why a file gave fewer units than it holds, e.g. "the file is
    English–French" when `languages` lacks Arabic.
    """

    # `<tu>` elements read.
    translation_units: int = 0
    # Units produced (a `<tu>` with several target variants gives one per variant).
    units: int = 0
    # `<tu>`s without a non-blank source or target segment, which no unit could come from.
    skipped_missing_side: int = 0
    # `<tuv>`s in neither language of the pair (e.g. the French of an English–French–Arabic memory).
    other_language_variants: int = 0
    # Primary language subtags of every `<tuv>` seen, lower-case (e.g. {"ar", "en", "fr"}).
    languages: set[str] = field(default_factory=set)


# -- writing ------------------------------------------------------------------------------------------------


def write_tmx(path: Path, units: Iterable[TmUnit], *, source_lang: str = "ar", target_lang: str = "en",
              cancel: Callable[[], bool] | None = None, on_progress: Callable[[int], None] | None = None) -> int:
    """Write the approved units as TMX 1.4b and return how many were written.

    Unapproved units are left out (a TM exchanged with others holds only approved translations), and so is a unit
    with no text left on one side once the characters TMX cannot carry are removed (`xml_text.clean`) and its
    tags set aside. A unit's tags are written as TMX level 2 inline elements (`tarjama.formats.tmx_inline`). The
    variants are labelled `source_lang` and `target_lang` as given, whatever the units' own codes say.

    Every thousand units `cancel` is asked whether to stop and `on_progress` is told how many were written;
    `cancel` is asked once more before the file is put in place, and `on_progress` told the final count after.
    A cancel raises `TmxCancelled`. Until the final rename nothing exists at `path`, so a cancel, a failure of
    `units` or a full disk leaves a file already there untouched and no partial file behind.
    """
    path = Path(path)
    with replacing(path, "wb", QT_TRANSLATE_NOOP("Errors", "exported memory")) as out:
        written = _write_document(out, units, source_lang, target_lang, path, cancel, on_progress)
        if cancel is not None and cancel():
            raise TmxCancelled(path)
    if on_progress is not None:
        on_progress(written)
    return written


def _write_document(out: IO[bytes], units: Iterable[TmUnit], source_lang: str, target_lang: str, path: Path,
                    cancel: Callable[[], bool] | None, on_progress: Callable[[int], None] | None) -> int:
    out.write(_document_start(source_lang).encode())
    tu_text = _TuText(source_lang, target_lang)
    pending: list[str] = []
    written = 0
    for seen, unit in enumerate(units, start=1):
        if unit.approved:
            text = tu_text(unit, written + 1)
            if text:
                pending.append(text)
                written += 1
        if seen % _CHECK_EVERY == 0:
            out.write("".join(pending).encode())
            pending.clear()
            if cancel is not None and cancel():
                raise TmxCancelled(path)
            if on_progress is not None:
                on_progress(written)
    pending.append("</body>\n</tmx>\n")
    out.write("".join(pending).encode())
    return written


def _document_start(source_lang: str) -> str:
    """The XML declaration (double-quoted: a few older TMX readers reject lxml's single quotes), `<tmx>`, the
    header and the opening `<body>`."""
    header = {
        "creationtool": "Tarjama",
        "creationtoolversion": _tool_version(),
        "segtype": "sentence",
        "o-tmf": "Tarjama",
        "adminlang": "en",
        "srclang": source_lang,
        "datatype": "plaintext",
        "creationdate": _tmx_date_of(datetime.now(UTC)),
    }
    return ('<?xml version="1.0" encoding="UTF-8"?>\n<tmx version="1.4">\n'
            f"<header{_attributes(header)}/>\n<body>\n")


def _tool_version() -> str:
    """The installed package's version; a frozen build carries no package metadata, only the module's own."""
    try:
        return importlib.metadata.version("tarjama")
    except importlib.metadata.PackageNotFoundError:
        return tarjama.__version__


class _TuText:
    """The text of one `<tu>` per unit, laid out in TMX 1.4 order: props and notes, then the two variants.

    The markup is written as text rather than built as lxml elements: a `<tu>` is a dozen short lines, and an
    export of a million units spent most of its time creating elements and checking attribute names that never
    change. Everything variable goes through `escaped_text` or `_attributes`; the tests read every export back
    with lxml and translate-toolkit, and a property test round-trips arbitrary text.
    """

    def __init__(self, source_lang: str, target_lang: str) -> None:
        self._variants_start = f'{_INDENT}<tuv xml:lang="{escaped_attribute(source_lang)}">{_INDENT}  <seg>'
        self._between_variants = (f"</seg>{_INDENT}</tuv>"
                                  f'{_INDENT}<tuv xml:lang="{escaped_attribute(target_lang)}">{_INDENT}  <seg>')
        self._variants_end = f"</seg>{_INDENT}</tuv>\n</tu>\n"
        self._status = f'{_INDENT}<prop type="{_STATUS}">{_APPROVED}</prop>'

    def __call__(self, unit: TmUnit, number: int) -> str:
        """`unit` as a `<tu>`, with `number` as its tuid if it has no id; "" if a side is left blank."""
        source = clean(unit.source)
        target = clean(unit.target)
        if unit.tags:
            source_seg, target_seg = seg_markup(source, unit.tags), seg_markup(target, unit.tags)
            if source_seg is None or target_seg is None:
                return ""
        elif not source.strip() or not target.strip():
            return ""
        else:
            source_seg, target_seg = escaped_text(source), escaped_text(target)
        # Dates, numbers and enum values need no escaping; the attributes keep TMX's usual order.
        tu = f'<tu tuid="{unit.id if unit.id is not None else number}"'
        created = _tmx_date(unit.created_at)
        if created:
            tu += f' creationdate="{created}"'
        changed = _tmx_date(unit.changed_at)
        if changed:
            tu += f' changedate="{changed}"'
        if unit.author:
            tu += f' creationid="{escaped_attribute(clean(unit.author))}"'
        return "".join((
            tu,
            f' usagecount="{max(unit.usage_count, 0)}">{_INDENT}<prop type="{_ORIGIN}">{unit.origin.value}</prop>',
            self._status,
            *_optional_parts(unit),
            self._variants_start,
            source_seg,
            self._between_variants,
            target_seg,
            self._variants_end,
        ))


def _optional_parts(unit: TmUnit) -> list[str]:
    """The props and notes a unit has only sometimes: document, MT original, its own props, notes."""
    parts: list[str] = []
    if unit.document:
        parts.append(_prop(_DOCUMENT, unit.document))
    if unit.mt_original is not None:
        parts.append(_prop(_MT_ORIGINAL, unit.mt_original))
    for kind, value in unit.props:
        kind = clean(kind)
        if kind not in _OWN_PROPS:
            parts.append(_prop(kind, value))
    parts.extend(f"{_INDENT}<note>{escaped_text(clean(note))}</note>" for note in unit.notes)
    return parts


def _prop(kind: str, value: str) -> str:
    return f'{_INDENT}<prop type="{escaped_attribute(clean(kind))}">{escaped_text(clean(value))}</prop>'


def _attributes(attributes: dict[str, str]) -> str:
    return "".join(f' {name}="{escaped_attribute(value)}"' for name, value in attributes.items())


def _tmx_date(iso: str) -> str:
    """`YYYYMMDDThhmmssZ` in UTC from an ISO-8601 time (offset and fraction allowed; no offset means UTC).

    A time that cannot be read gives "" and the attribute is left out: one damaged date should not stop the
    export of a whole memory, and TMX dates are optional.
    """
    if not iso:
        return ""
    try:
        moment = datetime.fromisoformat(iso)
    except ValueError:
        return ""
    if moment.tzinfo is None or iso.endswith(_UTC_SUFFIXES):
        if _ISO_SECONDS.match(iso):
            # The usual case, e.g. "2026-03-01T06:15:30+00:00": the digits are already there, and slicing them
            # costs a tenth of formatting the time again (a million units have two million dates).
            return iso[:19].replace("-", "").replace(":", "") + "Z"
        return _tmx_date_of(moment)
    return _tmx_date_of(moment.astimezone(UTC))


def _tmx_date_of(moment: datetime) -> str:
    # Sliced from isoformat(), which always pads the year to four digits (strftime's %Y does not everywhere)
    # and is faster than formatting six numbers.
    iso = moment.isoformat()
    return f"{iso[0:4]}{iso[5:7]}{iso[8:10]}T{iso[11:13]}{iso[14:16]}{iso[17:19]}Z"


# -- reading ------------------------------------------------------------------------------------------------


def read_tmx(path: Path, report: TmxReport | None = None, *, source_lang: str = "ar",
             target_lang: str = "en") -> Iterator[TmUnit]:
    """The units of a TMX 1.1–1.4 file for the given language pair, in file order, one `<tu>` at a time.

    Variants are matched by primary language subtag, case-insensitively, from `xml:lang` or TMX 1.1's `lang`
    (so "ar-SA" and "AR_eg" are Arabic); the header's `srclang` is not needed, so "*all*" files read the same.
    A `<tu>` gives one unit per non-blank target variant, paired with its first non-blank source variant (other
    tools keep alternative translations this way, and each is a translation someone approved); a `<tu>` lacking
    either side is counted in `report` and skipped. Nothing is merged here: the store decides about duplicates.

    Units carry `origin` from `x-origin` when it names one, else IMPORTED; `approved` is False only when
    `x-status` says something other than "approved" (other tools write no status: what they export is approved).
    Props and notes of the `<tu>` and of the two variants used are kept, and so are inline codes (`<bpt>`, `<ept>`,
    `<it>`, `<ph>`, `<hi>`, `<ut>`), as the unit's tags (`tarjama.formats.tmx_inline`). The file being missing or
    holding an entity-declaring DOCTYPE is reported at once; malformed XML further on is raised while iterating, as
    a BadInputError naming the line.
    """
    path = Path(path)
    refuse_entities_in_prolog(path, _read_head(path), _entities_refused)
    return _units(path, report if report is not None else TmxReport(), source_lang, target_lang)


def _read_head(path: Path) -> bytes:
    with reading(path, QT_TRANSLATE_NOOP("Errors", "is a folder, not a TMX file; choose a file inside it")), \
            path.open("rb") as f:
        return f.read(PROLOG_BYTES)


def _entities_refused(path: Path) -> BadInputError:
    return BadInputError(path, QT_TRANSLATE_NOOP("Errors", "contains a DOCTYPE with entity declarations, which "
                                                           "Tarjama refuses for safety (they can make a file pull "
                                                           "in other files or reach the network); export the "
                                                           "memory again from the tool that made it as plain TMX"))


def _units(path: Path, report: TmxReport, source_lang: str, target_lang: str) -> Iterator[TmUnit]:
    reader = _TuReader(report, source_lang, target_lang)
    try:
        with path.open("rb") as f:
            parser = untrusted_iterparse(f, events=("end",), tag="tu")
            checked = False
            for _event, tu in parser:
                if not checked:
                    _check_document(path, tu.getroottree())
                    checked = True
                yield from reader.units(tu)
                tu.clear(keep_tail=True)
                while tu.getprevious() is not None:
                    del tu.getparent()[0]
            if not checked:
                _check_document(path, parser.root.getroottree())
    except etree.XMLSyntaxError as exc:
        raise malformed_xml(path, exc) from exc
    except OSError as exc:
        raise unreadable(path, exc) from exc


def _check_document(path: Path, tree: etree._ElementTree) -> None:
    """The parsed DTD (the last line of defence after the prolog scan), then the root element's name."""
    refuse_parsed_entities(path, tree, _entities_refused)
    root = tree.getroot().tag
    if root != "tmx":
        name = root if isinstance(root, str) else "?"
        raise BadInputError(path, QT_TRANSLATE_NOOP("Errors", "is not a TMX file (its XML is <{name}>, not <tmx>); "
                                                              "export the translation memory from the other tool "
                                                              "as TMX"), name=name)


class _TuReader:
    """Turns `<tu>` elements into units of one language pair, counting in the report what it leaves out.

    It runs once per `<tu>` of files with a million of them, so it walks each element's children once and
    caches what repeats (the language of each code, converted dates).
    """

    def __init__(self, report: TmxReport, source_lang: str, target_lang: str) -> None:
        self._report = report
        self._source_lang = source_lang
        self._target_lang = target_lang
        self._pair = (_primary(source_lang), _primary(target_lang))
        self._sides: dict[str, int] = {}

    def _side(self, lang: str) -> int:
        """0 for the source language, 1 for the target, -1 for any other; each new code joins the report."""
        side = self._sides.get(lang)
        if side is None:
            primary = _primary(lang)
            self._report.languages.add(primary)
            side = self._sides[lang] = self._pair.index(primary) if primary in self._pair else -1
        return side

    def units(self, tu: etree._Element) -> list[TmUnit]:
        """The units of one `<tu>` (a list: most give one, and a list costs less than a generator)."""
        report = self._report
        report.translation_units += 1
        origin = UnitOrigin.IMPORTED
        approved = True
        document = ""
        mt_original: str | None = None
        props: list[tuple[str, str]] = []
        notes: list[str] = []
        source: etree._Element | None = None
        source_text: str | CodedSeg = ""
        source_attributes: dict[str, str] = {}
        targets: list[tuple[etree._Element, str | CodedSeg, dict[str, str]]] = []
        for child in tu:
            tag = child.tag
            if tag == "tuv":
                lang, attributes = _variant_attributes(child)
                side = self._side(lang)
                if side < 0:
                    report.other_language_variants += 1
                elif side == 1 or source is None:
                    text = _variant_text(child)
                    if not seg_text(text).strip():
                        continue
                    if side == 1:
                        targets.append((child, text, attributes))
                    else:
                        source, source_text, source_attributes = child, text, attributes
            elif tag == "prop":
                kind = child.get("type", "")
                value = child.text or ""
                if kind == _ORIGIN:  # an origin this version does not know stays IMPORTED
                    origin = _ORIGINS.get(value.strip(), UnitOrigin.IMPORTED)
                elif kind == _STATUS:
                    approved = value.strip().lower() == _APPROVED
                elif kind == _DOCUMENT:
                    document = value
                elif kind == _MT_ORIGINAL:
                    mt_original = value
                else:
                    props.append((kind, value))
            elif tag == "note":
                notes.append(child.text or "")
        if source is None or not targets:
            report.skipped_missing_side += 1
            return []
        if len(source) > 1:
            _add_variant_props_and_notes(source, props, notes)
        tu_attributes = dict(tu.items())  # one call for all, where each .get() would be one
        usage_count = _count(tu_attributes.get("usagecount"))
        units = []
        for target, target_text, target_attributes in targets:
            unit_props, unit_notes = props, notes
            if len(target) > 1:
                unit_props, unit_notes = props.copy(), notes.copy()
                _add_variant_props_and_notes(target, unit_props, unit_notes)
            attributes = tu_attributes
            if (source_attributes or target_attributes) and not attributes.keys() >= _UNIT_ATTRIBUTES:
                # OmegaT, for one, dates and signs the variants rather than the <tu>.
                attributes = {**source_attributes, **target_attributes, **tu_attributes}
            unit_source, unit_target, tags = unit_texts(source_text, target_text)
            units.append(TmUnit(
                source=unit_source,
                target=unit_target,
                source_lang=self._source_lang,
                target_lang=self._target_lang,
                created_at=_iso_date(attributes.get("creationdate", "")),
                changed_at=_iso_date(attributes.get("changedate", "")),
                author=attributes.get("creationid", ""),
                origin=origin,
                usage_count=usage_count,
                document=document,
                approved=approved,
                mt_original=mt_original,
                props=tuple(unit_props),
                notes=tuple(unit_notes),
                tags=tags,
            ))
        report.units += len(units)
        return units


def _primary(lang: str) -> str:
    return lang.replace("_", "-").split("-", 1)[0].strip().lower()


def _variant_attributes(tuv: etree._Element) -> tuple[str, dict[str, str]]:
    """A `<tuv>`'s language (TMX 1.4 `xml:lang` or 1.1 `lang`) and its other attributes, in one lxml call.

    Nearly every variant has its language as its only attribute, and that case needs no dictionary.
    """
    attributes = tuv.items()
    if len(attributes) == 1 and attributes[0][0] in _LANG_ATTRIBUTES:
        return attributes[0][1], {}
    found = dict(attributes)
    return found.pop(_XML_LANG, None) or found.pop("lang", None) or "", found


def _variant_text(tuv: etree._Element) -> str | CodedSeg:
    for child in tuv:  # a loop costs a fifth of tuv.find("seg"), which parses its path each time
        if child.tag == "seg":
            return read_seg(child)
    return ""


def _add_variant_props_and_notes(tuv: etree._Element, props: list[tuple[str, str]], notes: list[str]) -> None:
    """A unit has one set of props and notes, so those of the variants it came from join the `<tu>`'s."""
    for child in tuv:
        if child.tag == "prop":
            props.append((child.get("type", ""), child.text or ""))
        elif child.tag == "note":
            notes.append(child.text or "")


@functools.lru_cache(maxsize=1024)  # units saved or imported together share their times
def _iso_date(tmx_date: str) -> str:
    """ISO-8601 UTC from a TMX date; "" for none or one that is not a real time (a bad date loses only itself)."""
    date = tmx_date.strip()
    if _TMX_DATE.fullmatch(date) is None:
        return ""
    # Slices joined with "+" cost half of formatting the regex's groups (a million units have two million dates).
    iso = (date[0:4] + "-" + date[4:6] + "-" + date[6:8] + "T"
           + date[9:11] + ":" + date[11:13] + ":" + date[13:15] + "+00:00")
    try:
        datetime.fromisoformat(iso)  # only to refuse a month 13 and the like; faster than building the string from it
    except ValueError:
        return ""
    return iso


def _count(value: str | None) -> int:
    try:
        return max(int(value or 0), 0)
    except ValueError:
        return 0
