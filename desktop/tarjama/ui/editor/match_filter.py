"""View → Show matches and Sort by match band: the grid by what its match column shows, in the bands of
`tarjama.project.match_bands` (the analysis's bands for a TM match, the confidence bands for machine output), so a
reviewer can take the 100 % matches or the unsure machine output as one batch."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QMenu, QWidget

from tarjama.project.match_bands import CHECK_FROM, LIKELY_FINE_FROM, TM_BANDS, ConfidenceBand, MatchBand
from tarjama.ui.common.bidi import left_to_right, with_isolated_percentages
from tarjama.ui.editor.grid import StatusFilterProxy
from tarjama.ui.editor.segment_model import BAND_ORDER_ROLE

#: The choice that shows every segment.
ALL_MATCHES = "all"


@dataclass(frozen=True)
class MatchChoice:
    """One entry of Show matches: a stable key (kept in the settings), its label, and the bands it shows (None:
    all; None in the set: segments whose match column is empty)."""

    key: str
    label: str
    bands: frozenset[MatchBand | ConfidenceBand | None] | None


def match_choices() -> list[MatchChoice]:
    """Every band of the analysis, best first (repetitions after the 100 % matches), then the machine bands, then
    "no match" (a TM score under the lowest band included), labelled as the match column writes scores ("TM 85%",
    "MT 96")."""
    translate = QCoreApplication.translate  # with literals, for lupdate
    choices = [MatchChoice(ALL_MATCHES, translate("MatchFilter", "All matches"), None)]
    ranges = {row.band: row for row in TM_BANDS}
    for band in MatchBand:
        row = ranges.get(band)
        if band == MatchBand.REPETITION:
            label = translate("MatchFilter", "Repetitions")
        elif row is None:
            continue  # no match: last, with the segments that have nothing in the column
        elif row.lowest == row.highest:
            label = with_isolated_percentages(translate("MatchFilter", "TM {score}%").format(score=row.lowest))
        else:  # the whole range kept left to right, the sign after it, as a percentage is everywhere
            label = translate("MatchFilter", "TM {range}").format(range=left_to_right(f"{row.lowest}–{row.highest}%"))
        choices.append(MatchChoice(band.value, label, frozenset({band})))
    likely, check = round(100 * LIKELY_FINE_FROM), round(100 * CHECK_FROM)
    machine = [
        (ConfidenceBand.LIKELY_FINE, translate("MatchFilter", "MT {lowest} and above").format(lowest=likely)),
        (ConfidenceBand.CHECK,
         translate("MatchFilter", "MT {lowest}–{highest}").format(lowest=check, highest=likely - 1)),
        (ConfidenceBand.UNSURE, translate("MatchFilter", "MT below {highest}").format(highest=check)),
    ]
    choices += [MatchChoice(f"mt-{band.value}", label, frozenset({band})) for band, label in machine]
    choices.append(MatchChoice("none", translate("MatchFilter", "No match"), frozenset({None, MatchBand.NO_MATCH})))
    return choices


class MatchFilter(QObject):
    """The menu of band filters (one checked at a time, like Show segments) and the band sort, which takes the place
    of "Least confident first" and gives it back: the grid has one order at a time."""

    def __init__(
        self,
        parent: QWidget,
        view_menu: QMenu,
        proxy: StatusFilterProxy,
        refilter: Callable[[Callable[[], None]], None],
        order_rows: Callable[[int | None], None],
        least_confident: QAction,
    ) -> None:
        super().__init__(parent)
        self.proxy = proxy
        self.refilter = refilter
        self.order_rows = order_rows
        self.least_confident = least_confident
        self.menu = view_menu.addMenu(self.tr("Show &matches"))
        self.group = QActionGroup(self)
        self.choices = {choice.key: choice for choice in match_choices()}
        for choice in self.choices.values():
            action = QAction(choice.label, self, checkable=True)
            action.setData(choice.key)
            action.setChecked(choice.key == ALL_MATCHES)
            action.triggered.connect(lambda checked=False, key=choice.key: self.choose(key))
            self.group.addAction(action)
            self.menu.addAction(action)
        self.sort_action = QAction(self.tr("Sort by match &band"), self, checkable=True)
        self.sort_action.toggled.connect(self._sort_by_band)
        view_menu.addAction(self.sort_action)
        least_confident.toggled.connect(self._on_least_confident)
        #: On only while a project is open, as the other filters.
        self.project_actions = [*self.group.actions(), self.sort_action]

    def choose(self, key: str) -> None:
        bands = self.choices[key].bands
        self.refilter(lambda: self.proxy.set_bands(bands))

    def _sort_by_band(self, enabled: bool) -> None:
        if enabled and self.least_confident.isChecked():
            self.least_confident.blockSignals(True)  # its own handler would put document order back
            self.least_confident.setChecked(False)
            self.least_confident.blockSignals(False)
        self.order_rows(BAND_ORDER_ROLE if enabled else None)

    def _on_least_confident(self, enabled: bool) -> None:
        """The window sorts least confident first itself; the band sort only steps aside."""
        if enabled and self.sort_action.isChecked():
            self.sort_action.blockSignals(True)
            self.sort_action.setChecked(False)
            self.sort_action.blockSignals(False)
