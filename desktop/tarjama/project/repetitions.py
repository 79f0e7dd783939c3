"""Repetitions: the segments of a project that have the same source, and filling them when one is approved.

Two segments are repetitions when their sources, without tag marks, are the same once normalised as the TM compares
sources (`tarjama.arabic.normalise_for_matching`: harakat, hamza spellings, digits, case and spacing do not count),
in any of the project's files. Approving one fills every other repetition that is not approved yet with its
translation, as memoQ's and Trados's auto-propagation do: a sentence that comes back in a job is translated once.
A filled repetition is a draft with origin "repetition", its history saying why ("repetition"): the translator still
reads and approves it in its own context.

Left alone:

- approved repetitions: the translator approved that text there, and a later approval elsewhere is no reason to
  change it (nor its TM unit);
- rejected ones: a rejection is a reviewer's verdict on that very segment, which the translator has to see; filling
  it would turn it into an ordinary draft and hide the verdict;
- those whose target is already the approved text;
- those whose inline tags the translation cannot carry (`RepetitionFill.untagged`): the approved target's tags are
  renumbered to the repetition's own (`inline_tags.transfer`) only when both sources have their tags in the same
  places; otherwise the target would lose tags or put them around other words, so the segment keeps its text and the
  caller says so;
- those another program changed since they were read: its change is kept.

The rule is here, once: `tarjama.project.review.Review` calls it for the CLI and the window alike.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from tarjama.arabic import normalise_for_matching
from tarjama.domain import Origin, Segment, Status
from tarjama.errors import SegmentError
from tarjama.inline_tags import Role, marks, plain, transfer

if TYPE_CHECKING:
    from tarjama.project.store import ProjectStore

#: What `segment_history.reason` says of a target a repetition was filled with.
REPETITION_REASON = "repetition"

#: Statuses a repetition keeps whatever another segment's approval says (see the module docstring).
_KEPT_STATUSES = frozenset({Status.APPROVED, Status.REJECTED})

#: One character per mark role, standing for a tag's place when two sources are compared with their tags.
_ROLE_PLACEHOLDERS = {Role.OPEN: "\x01", Role.CLOSE: "\x02", Role.STANDALONE: "\x03"}


@dataclass(frozen=True)
class RepetitionFill:
    """What one approval did to its repetitions: what the views refresh and what undo brings back."""

    #: Each filled repetition as it was before, for undo.
    before: tuple[Segment, ...] = ()
    #: Each filled repetition as saved, in the same order.
    filled: tuple[Segment, ...] = ()
    #: Repetitions left as they were because the approved translation's tags cannot be carried into them.
    untagged: tuple[Segment, ...] = ()


@functools.lru_cache(maxsize=1 << 16)
def repetition_key(source: str) -> str:
    """The form in which two sources are compared for repetition. Remembered: each approval compares the whole
    project (60 ms for 10,000 segments the first time, a few after)."""
    return normalise_for_matching(plain(source))


def repetitions_of(segment: Segment, segments: Iterable[Segment]) -> list[Segment]:
    """The repetitions of `segment` among `segments` (the project's, in any order), itself left out. A source of
    nothing but tags and spaces repeats nothing."""
    key = repetition_key(segment.source)
    if not key:
        return []
    return [other for other in segments if other.id != segment.id and repetition_key(other.source) == key]


def _tag_shape(source: str) -> str:
    """The source as compared with its tags: normalised, each mark a placeholder of its role."""
    pieces, start = [], 0
    for mark in marks(source):
        pieces += [source[start:mark.position], _ROLE_PLACEHOLDERS[mark.role]]
        start = mark.position + 1
    pieces.append(source[start:])
    return normalise_for_matching("".join(pieces))


def carried_target(approved: Segment, repetition: Segment) -> str | None:
    """The approved target as the repetition would take it, its tags renumbered to the repetition's; None when
    the two sources do not have their tags in the same places (see the module docstring)."""
    if approved.source == repetition.source:
        return approved.target
    if _tag_shape(approved.source) != _tag_shape(repetition.source):
        return None
    return transfer(approved.source, approved.target, repetition.source)


def fill_repetitions(store: ProjectStore, approved: Segment, segments: Iterable[Segment]) -> RepetitionFill:
    """Fill the repetitions of the `approved` segment among `segments` (the project as the caller holds it), all in
    one transaction (a sentence repeated 300 times is one write, not 300). Nothing when `approved` is not
    approved."""
    if approved.status != Status.APPROVED:
        return RepetitionFill()
    before: list[Segment] = []
    filled: list[Segment] = []
    untagged: list[Segment] = []
    with store.batch():
        for repetition in repetitions_of(approved, segments):
            if repetition.status in _KEPT_STATUSES:
                continue
            target = carried_target(approved, repetition)
            if target is None:
                untagged.append(repetition)
                continue
            if target == repetition.target:
                continue
            try:
                saved = store.update_segment(
                    repetition.id, target=target, status=Status.DRAFT, origin=Origin.REPETITION,
                    reason=REPETITION_REASON, expected=repetition.updated_at or "",
                )
            except SegmentError:  # changed (or merged away) by another program since it was read: its change stays
                continue
            before.append(repetition)
            filled.append(saved)
    return RepetitionFill(tuple(before), tuple(filled), tuple(untagged))
