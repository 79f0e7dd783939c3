"""Plain domain objects shared by the stores, the services, the CLI and the window.

They carry no behaviour that needs a database or Qt, so every layer can use them and tests can build them freely.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from enum import StrEnum

from tarjama.errors import QT_TRANSLATE_NOOP, Message
from tarjama.inline_tags import NO_TAGS, TagTable, plain


class Status(StrEnum):
    """Where a segment stands in review; stored as its string value."""

    NEW = "new"
    MACHINE = "machine"
    DRAFT = "draft"
    APPROVED = "approved"
    REJECTED = "rejected"


class Origin(StrEnum):
    """Who produced the current target text: nobody yet, the translator, the MT engine, a TM match, or the approval
    of another segment with the same source (a repetition, `tarjama.project.repetitions`)."""

    NONE = "none"
    HUMAN = "human"
    MT = "mt"
    TM = "tm"
    REPETITION = "repetition"


@dataclass(frozen=True)
class WordScore:
    """A word of a machine translation: its (start, end) character offsets in that text and the model's probability
    for it (the lowest of its tokens'), which the window underlines when low (`tarjama.mt.word_scores`)."""

    start: int
    end: int
    probability: float


@dataclass(frozen=True)
class MachineSuggestion:
    """One machine translation of a segment with the engine's confidence in [0, 1]: the calibrated probability that
    it needs no edit (`tarjama.mt.calibration`)."""

    text: str
    confidence: float
    #: Its words with their probabilities (empty when word scores are off or the suggestion came from a file).
    words: tuple[WordScore, ...] = field(default=(), compare=False)
    #: The raw confidence features it was calibrated from, as JSON (`tarjama.mt.confidence_features`), kept with
    #: the segment so the calibration can be re-fitted on what the translator approved; None when unknown.
    features: str | None = field(default=None, compare=False)


@dataclass(frozen=True)
class ImportedSegment:
    """A segment a file defines itself (an XLIFF `<mrk mtype="seg">` or 2.0 `<segment>`), kept as the file cut it,
    with the translation and state the file gave it. `locator` names it in the file, for writing its target back."""

    source: str
    target: str = ""
    status: Status = Status.NEW
    origin: Origin = Origin.NONE
    space_after: str = ""
    locator: str = ""
    #: The file's notes on the segment (XLIFF `<note>`), shown to the translator and written back untouched.
    note: str = ""
    #: Earlier translations the file offers (XLIFF 1.2 `<alt-trans>`), shown as suggestions.
    alternatives: tuple[MachineSuggestion, ...] = ()


@dataclass(frozen=True)
class ImportedDocument:
    """A source document as read from disk, before it becomes a project.

    `paragraphs` holds each paragraph's text exactly as in the file (no line break inside);
    `paragraph_separator` is what stood between paragraphs, so an export can lay the target out the same way.
    """

    name: str
    format: str
    paragraphs: list[str]
    paragraph_separator: str = "\n\n"
    #: Each paragraph's inline tags (`tarjama.inline_tags`), by position; empty for a format without tags.
    tags: tuple[TagTable, ...] = ()
    #: Where each paragraph is in the original file, in the format's own words (a .docx part and paragraph), so
    #: the translation can be written back into a copy of that file; empty for a format that writes anew.
    locators: tuple[str, ...] = ()
    #: The file as read, kept in the project for a format that rebuilds the translation from it (.docx).
    original: bytes | None = None
    #: What the translator should know about how the file was read (tracked changes accepted, comments left out).
    notices: tuple[Message, ...] = ()
    #: For a file that is segmented already (XLIFF), each paragraph's own segments, by position (None: segment
    #: this paragraph as any text); empty when no paragraph is. A paragraph's text is then its sources joined.
    segments: tuple[tuple[ImportedSegment, ...] | None, ...] = ()


@dataclass(frozen=True)
class Comment:
    """A reviewer's or translator's comment on a segment (`tarjama.project.comments`): who wrote it, when (UTC ISO),
    what. Exported as a `<note>` in TMX and XLIFF (`note_text`)."""

    id: int
    segment_id: int
    author: str
    created_at: str
    text: str

    @property
    def note_text(self) -> str:
        """The comment as one `<note>`'s text, which has no author or date of its own in TMX: who, when, what."""
        return f"{self.author}, {self.created_at}: {self.text}" if self.author else f"{self.created_at}: {self.text}"


@dataclass(frozen=True)
class Segment:
    """One sentence of source text and its translation, as the store holds it.

    `space_after` is the whitespace that followed the sentence in the paragraph: joining `source + space_after`
    over a paragraph's segments rebuilds the paragraph exactly.
    """

    id: int
    paragraph_id: int
    paragraph_index: int
    position: int
    source: str
    space_after: str = ""
    target: str = ""
    status: Status = Status.NEW
    origin: Origin = Origin.NONE
    updated_at: str = ""
    first_in_paragraph: bool = field(default=False, compare=False)
    #: The engine's confidence in the current target, while that target is machine output.
    confidence: float | None = None
    #: The raw machine translation the target began from; kept after editing (post-editing metrics need it).
    mt_text: str | None = None
    #: The words of `mt_text` with the model's probability for each (offsets in `mt_text`), and the raw features
    #: its confidence was calibrated from (JSON, read only when re-fitting: not compared, not parsed on reading).
    mt_words: tuple[WordScore, ...] = ()
    mt_features: str | None = field(default=None, compare=False)
    alternatives: tuple[MachineSuggestion, ...] = ()
    #: The translation-memory match the target began from: its score in percent and its target text, kept after
    #: editing (post-editing metrics compare against it).
    tm_score: int | None = None
    tm_text: str | None = None
    #: Seconds the translator actively spent editing this segment, idle breaks left out (see `tarjama.project.effort`).
    edit_seconds: float = 0.0
    #: Where the segment is in its original file when the file segmented it (see `ImportedSegment.locator`).
    locator: str | None = None
    #: The original file's note on the segment (XLIFF `<note>`).
    note: str | None = None
    #: The inline tags of the segment's paragraph, whose marks the source (and target) hold.
    tags: TagTable = field(default_factory=lambda: NO_TAGS, compare=False)
    #: The document (file) of the project the segment is in; its paragraph says it, so it is not compared.
    document_id: int = field(default=0, compare=False)
    #: The comments on the segment still standing, oldest first (`tarjama.project.comments`); not compared, like
    #: the tags: they are no part of its translation.
    comments: tuple[Comment, ...] = field(default=(), compare=False)

    @property
    def source_words(self) -> int:
        return len(plain(self.source).split())

    @property
    def plain_source(self) -> str:
        """The source without its tag marks: what MT translates and matching compares."""
        return plain(self.source)


class UnitOrigin(StrEnum):
    """How a translation-memory unit came to be; exported as the TMX prop `x-origin`."""

    HUMAN = "human"
    MT_POSTEDITED = "mt-postedited"
    IMPORTED = "imported"


@dataclass(frozen=True)
class TmUnit:
    """One source/target pair of the translation memory, in the raw text the translator approved.

    Times are UTC ISO-8601 strings. `props` keeps TMX `<prop>`s that have no column of their own (type, value) and
    `notes` the `<note>`s, so a unit imported from another tool goes back out with them. `mt_original` is the machine
    translation the target began from, when it did.
    """

    source: str
    target: str
    source_lang: str = "ar"
    target_lang: str = "en"
    created_at: str = ""
    changed_at: str = ""
    author: str = ""
    origin: UnitOrigin = UnitOrigin.HUMAN
    usage_count: int = 0
    document: str = ""
    approved: bool = True
    mt_original: str | None = None
    props: tuple[tuple[str, str], ...] = ()
    notes: tuple[str, ...] = ()
    id: int | None = None
    #: The normalised sources of the neighbouring segments when the unit was approved (see
    #: `tarjama.memory.link.segment_context`); empty when unknown, e.g. for imported units. Gives 101 % matches.
    context: str = ""
    #: The inline tags whose marks `source` and `target` hold (one table for both: a tag keeps its number on
    #: either side); empty for a plain unit. Matching never sees them (it compares the normalised, mark-free text).
    tags: TagTable = field(default_factory=lambda: NO_TAGS, compare=False)


Span = tuple[int, int]


@dataclass(frozen=True)
class TmMatch:
    """A translation-memory unit offered for a segment.

    `score` is a percentage: 100 for the same normalised source, 101 when the surrounding segments match too.
    `flags` says what a 99 % match differs in when that is all ("digits", "punctuation"), so the window can warn;
    `differences` are the (start, end) spans of the unit's raw source that differ from the segment's source.
    """

    unit: TmUnit
    score: int
    flags: frozenset[str] = frozenset()
    differences: tuple[Span, ...] = ()


@dataclass(frozen=True)
class ConcordanceHit:
    """A unit whose source and/or target contains the searched text, with the (start, end) spans to highlight in
    the raw source and target."""

    unit: TmUnit
    source_spans: tuple[Span, ...] = ()
    target_spans: tuple[Span, ...] = ()


@dataclass(frozen=True)
class GlossaryEntry:
    """One glossary term: the Arabic term and the English the translator must use for it.

    `targets` holds one or more English renderings, the preferred one first; `forbidden` the English variants the
    client does not want (a QA check flags them). The Arabic term is kept as typed; matching normalises it (see
    `tarjama.glossary.matching`).
    """

    source: str
    targets: tuple[str, ...]
    note: str = ""
    forbidden: tuple[str, ...] = ()
    id: int | None = None

    @property
    def preferred(self) -> str:
        """The English rendering to use; "" only for an entry not yet given one."""
        return self.targets[0] if self.targets else ""


# -- what a glossary entry may hold: the rules the glossary store and every glossary file reader apply ----------

_ARABIC_LETTER = re.compile("[\u0621-\u064a\u0671-\u06d3\u06fa-\u06fc]")


def _distinct(terms: Iterable[str], leaving_out: Iterable[str] = ()) -> tuple[str, ...]:
    """Stripped, non-blank terms in order, each once (ignoring case and spacing), none of `leaving_out`."""
    seen = {" ".join(term.split()).casefold() for term in leaving_out}
    kept = []
    for term in terms:
        term = term.strip()
        key = " ".join(term.split()).casefold()
        if term and key not in seen:
            seen.add(key)
            kept.append(term)
    return tuple(kept)


def tidy_entry(entry: GlossaryEntry) -> GlossaryEntry:
    """The entry as stored: terms stripped, blank and repeated ones dropped, and no English term both allowed and
    forbidden (allowed wins: an entry that lists it as a translation means it)."""
    targets = _distinct(entry.targets)
    return GlossaryEntry(
        source=entry.source.strip(),
        targets=targets,
        note=entry.note.strip(),
        forbidden=_distinct(entry.forbidden, leaving_out=targets),
        id=entry.id,
    )


def entry_problem(entry: GlossaryEntry) -> Message | None:
    """Why `entry` cannot be in a glossary, in words for the translator (readers add the row), or None."""
    if not entry.source.strip():
        return Message(QT_TRANSLATE_NOOP("Errors", "the Arabic term is empty"))
    term = {"term": entry.source.strip()}
    if not _ARABIC_LETTER.search(entry.source):
        return Message(QT_TRANSLATE_NOOP("Errors", "the Arabic term «{term}» has no Arabic letter (are the columns "
                                                   "swapped?)"), term)
    if not _distinct(entry.targets):
        return Message(QT_TRANSLATE_NOOP("Errors", "there is no English term for «{term}»"), term)
    return None


@dataclass(frozen=True)
class TermHit:
    """A glossary term found in a source text: `start`/`end` delimit, in the raw text, the whole words it was
    found in, attached clitics included (e.g. all of «والنصرة» for the term «النصرة»)."""

    entry: GlossaryEntry
    start: int
    end: int
