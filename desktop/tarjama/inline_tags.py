"""Inline tags: the formatting and objects inside a sentence (bold, a link, a footnote reference, a line break) as
one model that every format, the stores, MT, QA and the window share.

A segment's source and target stay plain strings. Each tag boundary is one character of Unicode's private use
area, a *mark*: an opening and a closing mark for a paired tag (bold around words), one standalone mark for a tag
that stands alone (a footnote reference, an image, a line break). One character per boundary means the cursor can
never stand inside a tag, a slice of a segment never cuts one in half, and a text without tags is exactly what it
was before tags existed. What a tag *is* (its type, a label to show, and the format's own code for writing it back)
is kept beside the text in a `TagTable`, one per paragraph, by the tag's number: the number a chip shows.

This is the coded text of Okapi's `TextFragment`, in spirit: the text to translate and match is the coded text with
the marks taken out (`plain`); the marks go back by position (`place_at_ends`, `tarjama.mt.tag_placement`) and are
compared by number (`tag_issues`). A private-use character that was already in a document (a legacy Arabic font's
glyph) is kept as a standalone tag of type `char` (`protect_literals`), so no document text is ever taken for a mark.
"""

from __future__ import annotations

import functools
import json
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from enum import StrEnum
from types import MappingProxyType

#: The first mark of each role; a paragraph may number up to `MAX_TAGS` tags.
OPEN_BASE, CLOSE_BASE, STANDALONE_BASE = 0xE000, 0xE400, 0xE800
MAX_TAGS = 0x400
MARK = re.compile("[\ue000-\uebff]")


class TagKind(StrEnum):
    PAIRED = "paired"
    STANDALONE = "standalone"


class Role(StrEnum):
    """What one mark is in the text."""

    OPEN = "open"
    CLOSE = "close"
    STANDALONE = "standalone"


@dataclass(frozen=True)
class InlineTag:
    """One tag of a paragraph. `type` says what it is in a word every shell and format understands ("bold",
    "italic", "underline", "link", "format", "footnote", "endnote", "break", "tab", "image", "field", "char");
    `label` is what a tooltip shows (the link's address, "Bold + Italic"); `data` is the format's own code, which
    only the format that wrote it reads back (a .docx run's properties, a TMX tag's native code)."""

    id: int
    kind: TagKind
    type: str
    label: str = ""
    data: str = ""


TagTable = Mapping[int, InlineTag]

#: What each tag type is called for the translator (a chip's tooltip, a QA finding), in English; the window marks
#: the same names for translation (`ui/common/tag_names.py`). A type not listed is named as it is written.
TAG_TYPE_NAMES: Mapping[str, str] = {
    "bold": "bold",
    "italic": "italic",
    "underline": "underline",
    "link": "link",
    "format": "formatting",
    "footnote": "footnote",
    "endnote": "endnote",
    "break": "line break",
    "tab": "tab",
    "image": "image",
    "field": "field",
    "char": "special character",
}


def type_name(tag_type: str) -> str:
    """A tag type's English name (see TAG_TYPE_NAMES)."""
    return TAG_TYPE_NAMES.get(tag_type, tag_type)
NO_TAGS: TagTable = MappingProxyType({})


@dataclass(frozen=True)
class Mark:
    """One mark found in a text: where, which role, which tag."""

    position: int
    role: Role
    id: int

    @property
    def char(self) -> str:
        return mark_char(self.role, self.id)


def mark_char(role: Role, tag_id: int) -> str:
    if not 0 <= tag_id < MAX_TAGS:
        raise ValueError(f"a paragraph holds at most {MAX_TAGS} tags; tag {tag_id} has no mark")
    base = {Role.OPEN: OPEN_BASE, Role.CLOSE: CLOSE_BASE, Role.STANDALONE: STANDALONE_BASE}[role]
    return chr(base + tag_id)


def open_mark(tag_id: int) -> str:
    return mark_char(Role.OPEN, tag_id)


def close_mark(tag_id: int) -> str:
    return mark_char(Role.CLOSE, tag_id)


def standalone_mark(tag_id: int) -> str:
    return mark_char(Role.STANDALONE, tag_id)


def mark_of(char: str) -> tuple[Role, int] | None:
    """The role and tag number of a mark character, None for any other character."""
    code = ord(char)
    if OPEN_BASE <= code < CLOSE_BASE:
        return Role.OPEN, code - OPEN_BASE
    if CLOSE_BASE <= code < STANDALONE_BASE:
        return Role.CLOSE, code - CLOSE_BASE
    if STANDALONE_BASE <= code < STANDALONE_BASE + MAX_TAGS:
        return Role.STANDALONE, code - STANDALONE_BASE
    return None


def has_marks(text: str) -> bool:
    return MARK.search(text) is not None


def marks(text: str) -> list[Mark]:
    """Every mark of `text`, in order."""
    found = []
    for match in MARK.finditer(text):
        role, tag_id = mark_of(match.group())  # type: ignore[misc]  # MARK matches marks only
        found.append(Mark(match.start(), role, tag_id))
    return found


def plain(text: str) -> str:
    """The text with its marks taken out: what MT translates, what matching and word counts see."""
    return MARK.sub("", text)


def plain_positions(text: str) -> tuple[str, list[int]]:
    """`plain(text)`, and for each of its characters the index it has in `text` (for putting marks back)."""
    chars: list[str] = []
    positions: list[int] = []
    start = 0
    for match in MARK.finditer(text):  # the stretches between marks, not every character: a paragraph is long
        chars.append(text[start:match.start()])
        positions.extend(range(start, match.start()))
        start = match.end()
    chars.append(text[start:])
    positions.extend(range(start, len(text)))
    return "".join(chars), positions


def tags_used(text: str, table: TagTable) -> dict[int, InlineTag]:
    """The entries of `table` for the tags whose marks are in `text` (a segment's share of its paragraph's)."""
    return {mark.id: table[mark.id] for mark in marks(text) if mark.id in table}


# -- stored as JSON ------------------------------------------------------------------------------------------------


def table_to_json(table: TagTable) -> str | None:
    """The column a table is stored in: None for no tags, so a plain paragraph stores nothing new."""
    if not table:
        return None
    return json.dumps(
        [[tag.id, tag.kind.value, tag.type, tag.label, tag.data] for tag in sorted(table.values(), key=lambda t: t.id)],
        ensure_ascii=False,
    )


@functools.lru_cache(maxsize=4096)
def table_from_json(value: str | None) -> TagTable:
    """The table stored in a column; cached, as every segment of a paragraph reads the same one. Read-only."""
    if not value:
        return NO_TAGS
    return {row[0]: InlineTag(row[0], TagKind(row[1]), row[2], row[3], row[4]) for row in json.loads(value)}


# -- text coming in, and going out to a format without tags ---------------------------------------------------------


def protect_literals(text: str, table: TagTable) -> tuple[str, dict[int, InlineTag]]:
    """`text` with every private-use character that is not a tag of `table` made a standalone tag of type `char`
    (its `data` the character), so a document's own character is never taken for a mark and is written back."""
    out = dict(table)
    if not has_marks(text):
        return text, out
    next_id = max(out, default=0) + 1

    def protect(match: re.Match[str]) -> str:  # marks only, left to right: the text between is not walked
        nonlocal next_id
        char = match.group()
        if mark_of(char)[1] in out:  # type: ignore[index]  # MARK matches marks only
            return char
        out[next_id] = InlineTag(next_id, TagKind.STANDALONE, "char", "", char)
        next_id += 1
        return standalone_mark(next_id - 1)

    return MARK.sub(protect, text), out


#: What a standalone tag becomes in a file that has no tags (a .txt export): a break or tab as itself.
_AS_TEXT = {"break": "\n", "tab": "\t"}


def as_text(text: str, table: TagTable) -> str:
    """The text for a format without tags: marks dropped, but a protected character, a line break and a tab
    written as themselves."""
    if not has_marks(text):
        return text

    def replace(match: re.Match[str]) -> str:
        role, tag_id = mark_of(match.group())  # type: ignore[misc]
        tag = table.get(tag_id)
        if role is not Role.STANDALONE or tag is None:
            return ""
        return tag.data if tag.type == "char" else _AS_TEXT.get(tag.type, "")

    return MARK.sub(replace, text)


# -- written for a person at a terminal -----------------------------------------------------------------------------

#: How `readable` writes each role: ⟨1⟩ opens tag 1, ⟨/1⟩ closes it, ⟨3/⟩ stands alone (the numbers a chip shows).
_READABLE = {Role.OPEN: "⟨{}⟩", Role.CLOSE: "⟨/{}⟩", Role.STANDALONE: "⟨{}/⟩"}
_READABLE_TAG = re.compile(r"⟨(/?)(\d{1,4})(/?)⟩")


def readable(text: str) -> str:
    """The text with each mark written as its tag's number in angle brackets (⟨1⟩bold⟨/1⟩, ⟨3/⟩), for a terminal:
    a raw private-use character shows as a box, or as nothing."""
    if not has_marks(text):
        return text

    def replace(match: re.Match[str]) -> str:
        role, tag_id = mark_of(match.group())  # type: ignore[misc]
        return _READABLE[role].format(tag_id)

    return MARK.sub(replace, text)


def from_readable(text: str) -> str:
    """Marks for the ⟨1⟩ ⟨/1⟩ ⟨3/⟩ that `readable` writes, so a target typed at a terminal can carry its tags; any
    other text (an unnumbered ⟨, a ⟨/1/⟩, a number out of range) is left as typed."""

    def replace(match: re.Match[str]) -> str:
        closing, number, alone = match.group(1), int(match.group(2)), match.group(3)
        if (closing and alone) or not 0 < number < MAX_TAGS:
            return match.group()
        return mark_char(Role.CLOSE if closing else Role.STANDALONE if alone else Role.OPEN, number)

    return _READABLE_TAG.sub(replace, text)


# -- tags from the source into a target ----------------------------------------------------------------------------


def place_at_ends(source: str, target: str) -> str:
    """Put the source's marks into a target that has none, where nothing better is known: paired tags around the
    whole target (outermost first, as they open in the source), standalone ones at its end, in source order. A
    target that already holds marks is returned as it is."""
    if has_marks(target) or not has_marks(source):
        return target
    source_marks = marks(source)
    opened = [m for m in source_marks if m.role is Role.OPEN]
    closing = {m.id for m in source_marks if m.role is Role.CLOSE}
    alone_or_unpaired = [
        m for m in source_marks
        if m.role is Role.STANDALONE or (m.role is Role.OPEN and m.id not in closing)
        or (m.role is Role.CLOSE and m.id not in {o.id for o in opened})
    ]
    pairs = [m for m in opened if m.id in closing]
    head = "".join(open_mark(m.id) for m in pairs)
    tail = "".join(close_mark(m.id) for m in reversed(pairs))
    return head + target + tail + "".join(m.char for m in alone_or_unpaired)


def missing_marks(source: str, target: str) -> list[Mark]:
    """The source's marks the target lacks, in source order: what "insert the next tag" offers, first first."""
    present = set(MARK.findall(target))
    return [mark for mark in marks(source) if mark.char not in present]


class TagProblem(StrEnum):
    MISSING = "missing"
    EXTRA = "extra"
    ORDER = "order"
    CLOSED_FIRST = "closed-first"


@dataclass(frozen=True)
class TagIssue:
    problem: TagProblem
    mark: Mark
    #: For an overlap (ORDER), the tag that opened inside this one and is still open where it closes.
    inner: int | None = None


def tag_issues(source: str, target: str) -> list[TagIssue]:
    """What is wrong with the target's tags against the source's: a mark missing or extra (or twice), a paired
    tag closed before it opens, and paired tags nested differently from the source (`<b><i>…</b></i>`)."""
    source_marks = marks(source)
    target_marks = marks(target)
    wanted = {m.char for m in source_marks}
    present = {t.char for t in target_marks}
    issues = [TagIssue(TagProblem.MISSING, m) for m in source_marks if m.char not in present]
    seen: set[str] = set()
    for mark in target_marks:
        if mark.char not in wanted or mark.char in seen:
            issues.append(TagIssue(TagProblem.EXTRA, mark))
        seen.add(mark.char)
    opened_at = {m.id: m.position for m in target_marks if m.role is Role.OPEN}
    for mark in target_marks:
        if mark.role is Role.CLOSE and mark.id in opened_at and opened_at[mark.id] > mark.position:
            issues.append(TagIssue(TagProblem.CLOSED_FIRST, mark))
    issues.extend(TagIssue(TagProblem.ORDER, mark, inner) for mark, inner in _overlaps(target_marks))
    return issues


def _overlaps(sequence: Iterable[Mark]) -> list[tuple[Mark, int]]:
    """Closing marks that close a pair while a pair opened after it is still open (`<b><i>…</b></i>`), each with
    the first such pair: an overlap no document can hold, where one of the two formats would be lost."""
    stack: list[int] = []
    wrong: list[tuple[Mark, int]] = []
    for mark in sequence:
        if mark.role is Role.OPEN:
            stack.append(mark.id)
        elif mark.role is Role.CLOSE and mark.id in stack:
            depth = stack.index(mark.id)
            if depth != len(stack) - 1:
                wrong.append((mark, stack[depth + 1]))
            stack.remove(mark.id)
    return wrong


def transfer(unit_source: str, unit_target: str, segment_source: str) -> str:
    """A TM unit's target with its marks renumbered to the segment's: the k-th mark of the unit's source is the
    k-th mark of the segment's when they have the same roles in the same order (the same sentence, formatted
    alike); marks with no counterpart are dropped, and a segment's marks the target then lacks are left for the
    translator (QA names them, and one key inserts them)."""
    unit_marks = marks(unit_source)
    segment_marks = marks(segment_source)
    mapping: dict[str, str] = {}
    if [m.role for m in unit_marks] == [m.role for m in segment_marks]:
        mapping = {u.char: s.char for u, s in zip(unit_marks, segment_marks, strict=True)}
    return MARK.sub(lambda match: mapping.get(match.group(), ""), unit_target)
