"""Find and replace in targets: which segments a replacement changes, what their targets become, and how many.

The window's Replace and Replace all go through here, so the count it reports is the number of targets that change
and nothing else. Replacing is in the target only (the Arabic source is never edited) and ignores case, as finding
does. Approved segments are left alone unless the translator includes them: a replacement would make an approved
segment a draft again and withdraw its unit from the translation memory, which a blanket Replace all must not do
behind the translator's back; they are counted instead, so the translator learns how many were skipped.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from tarjama.domain import Segment, Status


@dataclass(frozen=True)
class TargetReplacement:
    """One segment whose target the replacement changes: the segment as it was, and its new target."""

    segment: Segment
    target: str


@dataclass(frozen=True)
class ReplacePlan:
    """What replacing in some segments does: the targets that change, and the approved segments left as they were
    (whose targets would have changed)."""

    replacements: tuple[TargetReplacement, ...] = ()
    skipped_approved: tuple[Segment, ...] = ()

    @property
    def changed(self) -> int:
        return len(self.replacements)

    @property
    def skipped(self) -> int:
        return len(self.skipped_approved)


def replaced_text(target: str, find: str, replacement: str) -> str:
    """`target` with every occurrence of `find`, in any case, replaced by `replacement` taken literally."""
    if not find:
        return target
    return re.sub(re.escape(find), lambda _: replacement, target, flags=re.IGNORECASE)


def plan_replace(
    segments: Iterable[Segment], find: str, replacement: str, *, include_approved: bool = False
) -> ReplacePlan:
    """The targets among `segments` that replacing `find` by `replacement` changes, in the order given.

    A target that holds `find` but would read the same afterwards (the replacement is the found text itself) is
    no change and is not counted. Approved segments are skipped unless `include_approved`."""
    replacements: list[TargetReplacement] = []
    skipped: list[Segment] = []
    for segment in segments:
        target = replaced_text(segment.target, find, replacement)
        if target == segment.target:
            continue
        if segment.status == Status.APPROVED and not include_approved:
            skipped.append(segment)
        else:
            replacements.append(TargetReplacement(segment, target))
    return ReplacePlan(tuple(replacements), tuple(skipped))
