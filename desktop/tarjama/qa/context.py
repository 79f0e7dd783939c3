"""What checking one segment needs to know about the whole project, gathered once for all its segments."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Protocol

from tarjama.arabic import normalise_for_matching
from tarjama.domain import Segment, Status, TermHit
from tarjama.inline_tags import plain
from tarjama.qa.length import LengthBounds, length_bounds
from tarjama.qa.settings import QaSettings
from tarjama.spelling import SpellChecker, allowed_words, default_checker


class TermSource(Protocol):
    """Where glossary terms come from: an open `Glossary`, or the `TermFinder` it gives (which a thread may keep)."""

    def find_terms(self, source: str) -> list[TermHit]: ...

    def english_terms(self) -> tuple[str, ...]: ...


@dataclass(frozen=True)
class ApprovedTranslation:
    """An approved segment's translation, in matching form, as the consistency check compares it."""

    segment_id: int
    normalised_target: str


@dataclass(frozen=True)
class QaContext:
    """The project-wide facts the checks compare a segment with; build it with `for_segments`.

    `approved` maps a normalised source to the approved translations it has in the project; `ignored` holds the
    findings a translator set aside, as `ProjectStore.ignored_qa` gives them ({(segment id, check name): reason}).
    The window rebuilds the context when it wants fresh length bounds; for one segment being approved, its own (new)
    target is what is compared, so a context built a moment earlier still answers correctly for it.
    """

    settings: QaSettings = field(default_factory=QaSettings)
    glossary: TermSource | None = None
    length_bounds: LengthBounds | None = None
    approved: Mapping[str, tuple[ApprovedTranslation, ...]] = field(default_factory=dict)
    ignored: Mapping[tuple[int, str], str] = field(default_factory=dict)
    #: The spellcheck of the targets; `for_segments` gives the translator's own (their dictionary included).
    spelling: SpellChecker | None = None
    #: The words of every glossary term's English, which the spellcheck takes as known (gathered once).
    glossary_words: frozenset[str] = frozenset()

    @classmethod
    def for_segments(
        cls,
        segments: Iterable[Segment],
        glossary: TermSource | None = None,
        settings: QaSettings | None = None,
        ignored: Mapping[tuple[int, str], str] | None = None,
        spelling: SpellChecker | None = None,
    ) -> QaContext:
        segments = list(segments)
        approved: dict[str, list[ApprovedTranslation]] = {}
        for segment in segments:
            if segment.status == Status.APPROVED and plain(segment.target).strip():
                approved.setdefault(normalise_for_matching(segment.source), []).append(
                    ApprovedTranslation(segment.id, normalise_for_matching(segment.target))
                )
        return cls(
            settings=settings or QaSettings(),
            glossary=glossary,
            length_bounds=length_bounds(segments),
            approved={source: tuple(translations) for source, translations in approved.items()},
            ignored=ignored or {},
            spelling=spelling or default_checker(),
            glossary_words=allowed_words("", glossary.english_terms()) if glossary is not None else frozenset(),
        )
