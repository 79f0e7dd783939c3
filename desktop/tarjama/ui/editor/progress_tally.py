"""The status bar's progress count (segments and words approved), kept up to date segment by segment.

The count follows every change: a Replace all of a thousand segments changes a thousand segments one undo command
at a time, and recounting the whole document after each (what `SegmentModel.progress` does) made that quadratic.
The tally keeps what each segment adds to the totals, so a change costs as much as the segments it touched; an
empty set of ids (the project read again) counts everything afresh.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from tarjama.domain import Segment, Status
from tarjama.ui.editor.segment_model import SegmentModel


@dataclass(frozen=True)
class Progress:
    """Totals in the order `SegmentModel.progress` gives them."""

    segments: int = 0
    approved: int = 0
    words: int = 0
    approved_words: int = 0

    def as_tuple(self) -> tuple[int, int, int, int]:
        return self.segments, self.approved, self.words, self.approved_words


def _share(segment: Segment) -> Progress:
    """What one segment adds to the totals; words counted as `SegmentModel.progress` counts them."""
    words = segment.source_words
    approved = segment.status == Status.APPROVED
    return Progress(1, int(approved), words, words if approved else 0)


class ProgressTally:
    """The totals of a model's segments, updated for the segments that changed."""

    def __init__(self) -> None:
        self._shares: dict[int, Progress] = {}
        self._totals = Progress()

    @property
    def totals(self) -> Progress:
        return self._totals

    def recount(self, model: SegmentModel | None) -> Progress:
        """Count every segment of `model` (none: nothing is open)."""
        self._shares = {} if model is None else {segment.id: _share(segment) for segment in model.segments()}
        self._totals = Progress()
        self._add(self._shares.values(), 1)
        return self._totals

    def update(self, model: SegmentModel, ids: Iterable[int]) -> Progress:
        """Count the segments `ids` again as `model` shows them now (gone from it: not counted); no ids: all."""
        ids = set(ids)
        if not ids:
            return self.recount(model)
        shown = model.ids()
        for segment_id in ids:
            before = self._shares.pop(segment_id, None)
            if before is not None:
                self._add((before,), -1)
            if segment_id in shown:
                share = _share(model.segment(segment_id))
                self._shares[segment_id] = share
                self._add((share,), 1)
        return self._totals

    def _add(self, shares: Iterable[Progress], sign: int) -> None:
        totals = list(self._totals.as_tuple())
        for share in shares:
            for i, value in enumerate(share.as_tuple()):
                totals[i] += sign * value
        self._totals = Progress(*totals)
