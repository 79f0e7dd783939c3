"""Post-editing effort: how far an approved translation moved from the machine translation or translation-memory
match it began from, and how long the translator actively worked on it.

The conventions, chosen so the numbers compare with published post-editing studies:

* HTER is sacrebleu's TER with the *post-edited target as the reference* and the origin (MT output or TM match) as
  the hypothesis: the fewest insertions, deletions, substitutions and shifts (a block of any length moved counts
  as one edit) that turn the origin into the final text, divided by the final text's word count (Snover et al.,
  2006). Words are split on whitespace and case counts (sacrebleu's normalisation off, case-sensitive): fixing a
  capital or the punctuation stuck to a word is an edit the translator made, and the word counts then agree with
  the rest of Tarjama (`str.split`). An origin emptied completely scores 1.0, sacrebleu's rule for an empty
  reference; an empty origin filled in scores 1.0 too (every word inserted).
* The character distance is the Levenshtein distance (rapidfuzz) between origin and final text; the ratio divides
  it by the longer text's length, so 0 is untouched and 1 entirely rewritten.
* Exact TM matches (100 % and 101 %) are not measured: a translator confirms them rather than post-edits them, and
  counting them would pull the mean HTER towards 0 for reasons that say nothing about MT or fuzzy-match quality.
* Active editing time is what the window measures with `ActiveTimer` and stores with
  `ProjectStore.add_edit_time`: the gaps between the translator's editing events, a gap longer than the idle limit
  (60 s) counting nothing at all, not even its first minute, since nobody can tell when the translator stopped.
"""

from __future__ import annotations

import functools
import statistics
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from itertools import pairwise
from typing import TYPE_CHECKING, Protocol

from rapidfuzz.distance import Levenshtein

from tarjama.domain import Origin, Segment, Status
from tarjama.inline_tags import plain

if TYPE_CHECKING:
    from sacrebleu.metrics import TER

#: A gap between two editing events longer than this many seconds is a break, not work.
IDLE_LIMIT = 60.0
#: TM matches scoring this or more are exact (100 %) or in-context (101 %) matches, which are not post-edited.
EXACT_MATCH = 100

@dataclass(frozen=True)
class SegmentEffort:
    """How much editing one segment's target took, measured against the text it began from."""

    #: Origin.MT or Origin.TM.
    origin: Origin
    origin_text: str
    hter: float
    char_distance: int
    char_ratio: float
    edit_seconds: float


@dataclass(frozen=True)
class EffortSummary:
    """A project's post-editing effort, for `tarjama-cli stats` and the window's statistics."""

    #: Approved segments that began as MT or a fuzzy TM match, and how many of each.
    segments: int
    from_mt: int
    from_tm: int
    #: Over those segments; None when there are none.
    mean_hter: float | None
    median_hter: float | None
    #: Active editing time over every segment of the project.
    edit_seconds: float
    #: Source words of approved segments per hour of active editing on them; None before any time was recorded.
    words_per_hour: float | None


def hter(original: str, post_edited: str) -> float:
    """TER of the original (MT or TM) text against its post-edited version as the reference (see the module)."""
    return _ter().sentence_score(original, [post_edited]).score / 100


@functools.cache
def _ter() -> TER:
    """Imported on first use: sacrebleu takes a fifth of a second to import, which opening a project (the store
    uses this module) should not pay."""
    from sacrebleu.metrics import TER

    return TER(normalized=False, case_sensitive=True)


def segment_effort(segment: Segment) -> SegmentEffort | None:
    """The effort in the segment's current target, or None when it did not begin as MT or a fuzzy TM match.

    It does not look at the status, so the window can show it while the translator edits; reports take approved
    segments only (`approved_efforts`).
    """
    origin = _origin(segment)
    if origin is None:
        return None
    kind, text = origin
    # Measured on the words: placing a tag is formatting, not an edit of the translation.
    began, target = plain(text), plain(segment.target)
    return SegmentEffort(
        origin=kind,
        origin_text=text,
        hter=hter(began, target),
        char_distance=Levenshtein.distance(began, target),
        char_ratio=Levenshtein.normalized_distance(began, target),
        edit_seconds=segment.edit_seconds,
    )


def _origin(segment: Segment) -> tuple[Origin, str] | None:
    """What the target began from. Both MT and TM are recorded only when a TM-filled segment was machine-translated
    again (pre-translation never machine-translates a segment it filled from the TM), so MT is the later one unless
    the target is still the TM match."""
    if segment.mt_text is not None and segment.origin != Origin.TM:
        return Origin.MT, segment.mt_text
    if segment.tm_text is not None and (segment.tm_score or 0) < EXACT_MATCH:
        return Origin.TM, segment.tm_text
    return None


def approved_efforts(segments: Iterable[Segment]) -> Iterator[tuple[Segment, SegmentEffort]]:
    """The approved segments that began as MT or a fuzzy TM match, each with its effort, in the order given."""
    for segment in segments:
        if segment.status == Status.APPROVED:
            effort = segment_effort(segment)
            if effort is not None:
                yield segment, effort


def effort_summary(segments: Iterable[Segment]) -> EffortSummary:
    """Summarise the effort over a project's segments (the window passes those it already holds)."""
    every = list(segments)
    efforts = [effort for _, effort in approved_efforts(every)]
    hters = [effort.hter for effort in efforts]
    approved = [segment for segment in every if segment.status == Status.APPROVED]
    approved_hours = sum(segment.edit_seconds for segment in approved) / 3600
    return EffortSummary(
        segments=len(efforts),
        from_mt=sum(1 for effort in efforts if effort.origin == Origin.MT),
        from_tm=sum(1 for effort in efforts if effort.origin == Origin.TM),
        mean_hter=statistics.fmean(hters) if hters else None,
        median_hter=statistics.median(hters) if hters else None,
        edit_seconds=sum(segment.edit_seconds for segment in every),
        words_per_hour=sum(s.source_words for s in approved) / approved_hours if approved_hours else None,
    )


class HoldsSegments(Protocol):
    """A project's store as `project_effort` reads it (a `ProjectStore`): named here, not imported, because the
    store imports this module (the effort its approved units carry)."""

    def segments(self) -> Sequence[Segment]: ...


def project_effort(store: HoldsSegments) -> EffortSummary:
    """The effort summary of a whole project, read from its store (`tarjama-cli stats`)."""
    return effort_summary(store.segments())


def effort_props(effort: SegmentEffort | None) -> tuple[tuple[str, str], ...]:
    """The TMX props recording a unit's effort: `x-hter` to four decimals and `x-edit-seconds` in whole seconds."""
    if effort is None:
        return ()
    return (("x-hter", f"{effort.hter:.4f}"), ("x-edit-seconds", str(round(effort.edit_seconds))))


def active_seconds(event_times: Iterable[float], idle_limit: float = IDLE_LIMIT) -> float:
    """Seconds of active work in a series of editing-event times (in any order): the sum of the gaps between
    consecutive events, a gap longer than `idle_limit` counting zero."""
    if idle_limit < 0:
        raise ValueError(f"idle_limit must not be negative, not {idle_limit}")
    gaps = (later - earlier for earlier, later in pairwise(sorted(event_times)))
    return sum(gap for gap in gaps if gap <= idle_limit)


class ActiveTimer:
    """The window's stopwatch for the segment being edited.

    The window records the time of every editing event (a keystroke, a paste, entering a segment), e.g. from
    `time.monotonic()`, and calls `take` when it saves the time to the store. `take` keeps the last event as the
    start of what comes next, so time between two takes is not lost, and moving to the next segment gives the
    reading before its first keystroke to that segment. Save the time before approving, so the TM unit written by
    the approval carries it.
    """

    def __init__(self, idle_limit: float = IDLE_LIMIT) -> None:
        self.idle_limit = idle_limit
        self._times: list[float] = []

    def record(self, when: float) -> None:
        self._times.append(when)

    def take(self) -> float:
        """The active seconds since the last `take`."""
        seconds = active_seconds(self._times, self.idle_limit)
        self._times = [max(self._times)] if self._times else []
        return seconds
