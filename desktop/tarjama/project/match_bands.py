"""The bands a match falls into, as memoQ and Trados report them, and the bands of a machine translation's confidence.

One definition for every place that groups segments by how good their best suggestion is: the analysis that a job is
quoted from (`tarjama.project.analysis`), the grid's match column and its filter. A TM band is chosen by the match's
score in percent (101 is a context match, see `tarjama.settings.CONTEXT_MATCH_SCORE`); a repetition is not a score
but a fact about the project, so its band is given by whoever counts repetitions. A machine confidence is no match
percentage: it gets bands of its own, named for what a post-editor should expect.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from tarjama.settings import CONTEXT_MATCH_SCORE


class MatchBand(StrEnum):
    """The analysis rows, best first, in the order memoQ and Trados print them."""

    CONTEXT = "101"
    EXACT = "100"
    REPETITION = "repetition"
    FUZZY_95 = "95-99"
    FUZZY_85 = "85-94"
    FUZZY_75 = "75-84"
    FUZZY_50 = "50-74"
    NO_MATCH = "no-match"


@dataclass(frozen=True)
class ScoreRange:
    band: MatchBand
    lowest: int
    highest: int


#: The TM bands by score, highest first. Scores below the last band are no match.
TM_BANDS: tuple[ScoreRange, ...] = (
    ScoreRange(MatchBand.CONTEXT, CONTEXT_MATCH_SCORE, CONTEXT_MATCH_SCORE),
    ScoreRange(MatchBand.EXACT, 100, 100),
    ScoreRange(MatchBand.FUZZY_95, 95, 99),
    ScoreRange(MatchBand.FUZZY_85, 85, 94),
    ScoreRange(MatchBand.FUZZY_75, 75, 84),
    ScoreRange(MatchBand.FUZZY_50, 50, 74),
)

#: The lowest score that counts as a match at all in an analysis (memoQ's and Trados's lowest fuzzy band).
LOWEST_MATCH = TM_BANDS[-1].lowest


def tm_band(score: int | None) -> MatchBand:
    """The band of a TM match of this score (None: no match)."""
    if score is not None:
        for row in TM_BANDS:
            if row.lowest <= score <= row.highest:
                return row.band
        if score > CONTEXT_MATCH_SCORE:
            return MatchBand.CONTEXT
    return MatchBand.NO_MATCH


class ConfidenceBand(StrEnum):
    """How far a machine translation can be trusted, by the engine's confidence in [0, 1]."""

    LIKELY_FINE = "likely-fine"
    CHECK = "check"
    UNSURE = "unsure"


#: The lowest confidence of each band but the last, highest first.
LIKELY_FINE_FROM = 0.9
CHECK_FROM = 0.5


def confidence_band(confidence: float) -> ConfidenceBand:
    if confidence >= LIKELY_FINE_FROM:
        return ConfidenceBand.LIKELY_FINE
    if confidence >= CHECK_FROM:
        return ConfidenceBand.CHECK
    return ConfidenceBand.UNSURE
