"""What reading a project gives back besides segments: a segment's history, the project's counts, its documents,
and what another program changed. Frozen values, so a window may hold them on any thread."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from tarjama.domain import Origin, Segment, Status
from tarjama.inline_tags import plain


@dataclass(frozen=True)
class HistoryEntry:
    target: str
    status: Status
    origin: Origin
    saved_at: str
    reason: str


@dataclass(frozen=True)
class ProjectStats:
    segments: int
    approved_segments: int
    words: int
    approved_words: int
    by_status: dict[str, int]

    @classmethod
    def count(cls, rows: Iterable[tuple[str, str]]) -> ProjectStats:
        """The counts of (status, source) rows, one per segment; words are the source text's (tag marks aside), split
        on white space."""
        by_status = {status.value: 0 for status in Status}
        segments = words = approved_segments = approved_words = 0
        for status, source in rows:
            count = len(plain(source).split())
            by_status[status] = by_status.get(status, 0) + 1
            segments += 1
            words += count
            if status == Status.APPROVED.value:
                approved_segments += 1
                approved_words += count
        return cls(segments, approved_segments, words, approved_words, by_status)


@dataclass(frozen=True)
class DocumentInfo:
    id: int
    name: str
    format: str
    paragraph_separator: str


@dataclass(frozen=True)
class SegmentChanges:
    """What `ProjectStore.changed_since` found: the segments whose stored version differs from the one given, or
    that segments were added or removed (a split, merge or import elsewhere), when only reading them all again
    puts rows, positions and ids right."""

    changed: tuple[Segment, ...] = ()
    reshaped: bool = False
