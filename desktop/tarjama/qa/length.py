"""Is a translation unusually long or short for its source, judged against the project's own translations?

Arabic→English length ratios depend on the text type and the translator, so no fixed ratio fits: the bounds come
from the project's segments that have a translation. Each contributes log(target chars / source chars); the bounds
are median ± 3.5 × MAD (the median absolute deviation, scaled by 1.4826 to estimate a standard deviation; 3.5 is
the usual cut-off for robust z-scores), so a few bad segments cannot widen them the way they would a mean and
standard deviation. The log makes "twice as long" and "half as long" equally far from the middle.

Short sources are left out both ways: "سورية" → "Syria" says nothing about length, so only sources of at least
`MIN_SOURCE_CHARS` characters count, and only when at least `MIN_SEGMENTS` of them do; below that there are no
bounds and the check is silent. A floor on the spread keeps a very uniform project from flagging small differences.
"""

from __future__ import annotations

import math
import statistics
from collections.abc import Iterable
from dataclasses import dataclass

from tarjama.domain import Segment
from tarjama.inline_tags import plain

MIN_SEGMENTS = 10
MIN_SOURCE_CHARS = 20
ROBUST_Z_LIMIT = 3.5
MAD_TO_SIGMA = 1.4826
#: The smallest spread used, in log ratio: bounds are never tighter than about ±20 % around the median.
MIN_SPREAD = math.log(1.2) / ROBUST_Z_LIMIT


@dataclass(frozen=True)
class LengthBounds:
    """The target/source character ratios this project's translations usually fall between."""

    low: float
    high: float


def length_ratio(source: str, target: str) -> float | None:
    """Target characters per source character, tag marks left out, or None when the pair is too short (or
    untranslated) to judge."""
    source, target = plain(source).strip(), plain(target).strip()
    if len(source) < MIN_SOURCE_CHARS or not target:
        return None
    return len(target) / len(source)


def length_bounds(segments: Iterable[Segment]) -> LengthBounds | None:
    """The usual ratio range of these segments' translations, or None when too few can be judged."""
    logs = [math.log(ratio) for s in segments if (ratio := length_ratio(s.source, s.target)) is not None]
    if len(logs) < MIN_SEGMENTS:
        return None
    middle = statistics.median(logs)
    spread = max(MAD_TO_SIGMA * statistics.median(abs(x - middle) for x in logs), MIN_SPREAD)
    return LengthBounds(math.exp(middle - ROBUST_Z_LIMIT * spread), math.exp(middle + ROBUST_Z_LIMIT * spread))
