"""The TM pane: the current segment's translation-memory matches, numbered for Ctrl+Shift+1..5.

101 %, 100 % and fuzzy matches get badges of different colours (a context match can be trusted as it is, an exact
one nearly, a fuzzy one needs editing); the words of a fuzzy match's source that differ from the segment are
highlighted, and a match that differs only in numbers or punctuation carries a warning, since those are exactly
the differences a hurried reviewer misses.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from tarjama.domain import Segment, TmMatch, TmUnit, UnitOrigin
from tarjama.ui.common.bidi import isolated, left_to_right, with_isolated_percentages
from tarjama.ui.memory.unit_list import UnitList, UnitRow

DIFFERENCE = QColor("#ffab91")
CONTEXT_MATCH = QColor("#1b5e20")
EXACT_MATCH = QColor("#43a047")
FUZZY_MATCH = QColor("#ffb300")

#: Bare `translate("Context", "text")` calls are what lupdate extracts outside a QObject's methods.
translate = QCoreApplication.translate


def origin_label(origin: UnitOrigin) -> str:
    return {
        UnitOrigin.HUMAN: translate("TmPane", "Human"),
        UnitOrigin.MT_POSTEDITED: translate("TmPane", "Post-edited MT"),
        UnitOrigin.IMPORTED: translate("TmPane", "Imported"),
    }[origin]


def unit_details(unit: TmUnit) -> str:
    """Origin, date, author and document, as far as the unit knows them."""
    parts = [origin_label(unit.origin), unit.changed_at[:10], unit.author, unit.document]
    return " · ".join(isolated(part) for part in parts if part)


def score_colour(score: int) -> QColor:
    if score > 100:
        return CONTEXT_MATCH
    return EXACT_MATCH if score == 100 else FUZZY_MATCH


def _warning(flags: frozenset[str]) -> str:
    labels = {
        "digits": translate("TmPane", "numbers differ"),
        "punctuation": translate("TmPane", "punctuation differs"),
    }
    return "  ".join("⚠ " + labels.get(flag, flag) for flag in sorted(flags))


def match_row(number: int, match: TmMatch) -> UnitRow:
    kind = (
        translate("TmPane", "Context match: the neighbouring sentences are the same too.")
        if match.score > 100
        else translate("TmPane", "Exact match.")
        if match.score == 100
        else translate("TmPane", "Fuzzy match: the highlighted words of its source differ from this segment.")
    )
    return UnitRow(
        heading=translate("TmPane", "Ctrl+Shift+{n}").format(n=number) + "   " + unit_details(match.unit),
        source=match.unit.source,
        target=match.unit.target,
        source_spans=match.differences,
        badge=f"{match.score}%",
        badge_colour=score_colour(match.score),
        warning=_warning(match.flags),
        tooltip=kind,
    )


class TmPane(QWidget):
    """Shows matches for one segment at a time; `match` only hands out matches of the segment asked about."""

    def __init__(self, source_font: QFont, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        self.origin = QLabel()
        self.origin.setWordWrap(True)
        self.status = QLabel()
        self.list = UnitList(source_font, DIFFERENCE)
        layout.addWidget(self.origin)
        layout.addWidget(self.status)
        layout.addWidget(self.list)
        self.segment_id: int | None = None
        self._matches: list[TmMatch] = []
        self.show_segment(None)

    def show_segment(self, segment: Segment | None) -> None:
        """Say where the segment's text came from; a different segment's matches are cleared at once."""
        if segment is None or segment.tm_score is None:
            self.origin.setText("")
        else:
            # The English match keeps its full stop at its end, the score its sign after it, in the Arabic UI too.
            text = translate("TmPane", "Pre-translated from a {score}% match: {text}").format(
                score=segment.tm_score, text=left_to_right(segment.tm_text or "")
            )
            self.origin.setText(with_isolated_percentages(text))
        self.origin.setVisible(bool(self.origin.text()))
        segment_id = None if segment is None else segment.id
        if segment_id != self.segment_id:
            self.segment_id = segment_id
            self._set_matches([])
            self.status.setText(translate("TmPane", "Looking up…") if segment is not None else "")

    def show_matches(self, segment_id: int, matches: list[TmMatch]) -> None:
        if segment_id != self.segment_id:
            return  # the translator has moved on
        self._set_matches(matches)
        self.status.setText(
            translate("TmPane", "Matches: {n}").format(n=len(matches))
            if matches
            else translate("TmPane", "No translation-memory matches.")
        )

    def show_unavailable(self, message: str) -> None:
        self._set_matches([])
        self.status.setText(isolated(message))  # often English from the core

    def match(self, segment_id: int, number: int) -> TmMatch | None:
        if segment_id != self.segment_id or not 1 <= number <= len(self._matches):
            return None
        return self._matches[number - 1]

    def matches(self) -> list[TmMatch]:
        return list(self._matches)

    def _set_matches(self, matches: list[TmMatch]) -> None:
        self._matches = list(matches)
        self.list.set_rows([match_row(n, match) for n, match in enumerate(matches, start=1)])
