"""The segment grid: a table view that sizes only the rows on screen, and a filter by status.

Sizing every row to its text up front would lay out all 10,000 rows of a long document before the first paint;
rows are sized as they scroll into view instead.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QSortFilterProxyModel, Qt, QTimer
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from tarjama.domain import Status
from tarjama.project.match_bands import ConfidenceBand, MatchBand
from tarjama.ui.editor.segment_model import SORT_ROLE, STATUS_ROLE, Column, match_band
from tarjama.ui.editor.text_columns import TextColumns

Index = QModelIndex | QPersistentModelIndex


class StatusFilterProxy(QSortFilterProxyModel):
    """Shows only segments whose status is in the chosen set, of the chosen document (all by default)."""

    def __init__(self) -> None:
        super().__init__()
        self._statuses: frozenset[str] = frozenset(s.value for s in Status)
        self._document: int | None = None
        self._bands: frozenset[MatchBand | ConfidenceBand | None] | None = None
        self._commented_only = False
        self.setSortRole(SORT_ROLE)

    def set_statuses(self, statuses: set[Status]) -> None:
        self.beginFilterChange()
        self._statuses = frozenset(s.value for s in statuses)
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def statuses(self) -> set[Status]:
        return {Status(s) for s in self._statuses}

    def set_document(self, document_id: int | None) -> None:
        """Show only the segments of one document (file) of the project, or of all (None)."""
        self.beginFilterChange()
        self._document = document_id
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def document(self) -> int | None:
        return self._document

    def set_bands(self, bands: frozenset[MatchBand | ConfidenceBand | None] | None) -> None:
        """Show only the segments whose match column falls in one of `bands` (None in it: an empty column; `bands`
        None: every segment)."""
        self.beginFilterChange()
        self._bands = bands
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def bands(self) -> frozenset[MatchBand | ConfidenceBand | None] | None:
        return self._bands

    def set_commented_only(self, commented_only: bool) -> None:
        """Show only the segments that have a comment (besides the other filters), or all."""
        self.beginFilterChange()
        self._commented_only = commented_only
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def order_by(self, role: int | None) -> None:
        """Rows ascending by the match column's `role` (SORT_ROLE: least confident first; BAND_ORDER_ROLE: best
        band first), or in document order (None)."""
        if role is None:
            self.sort(-1)
            return
        self.setSortRole(role)
        self.sort(Column.CONFIDENCE, Qt.SortOrder.AscendingOrder)

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        index = self.sourceModel().index(source_row, 0, source_parent)
        if self._document is not None and self.sourceModel().segment_at(source_row).document_id != self._document:
            return False
        if self._bands is not None and match_band(self.sourceModel().segment_at(source_row)) not in self._bands:
            return False
        if self._commented_only and not self.sourceModel().segment_at(source_row).comments:
            return False
        return index.data(STATUS_ROLE) in self._statuses


class SegmentGrid(QTableView):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        self.setWordWrap(True)
        self.setAlternatingRowColors(False)
        self.verticalHeader().hide()
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        header = self.horizontalHeader()
        header.setStretchLastSection(False)
        self._fitted: set[int] = set()
        self._fit_timer = QTimer(self)
        self._fit_timer.setSingleShot(True)
        self._fit_timer.setInterval(0)
        self._fit_timer.timeout.connect(self.fit_visible_rows)
        self.verticalScrollBar().valueChanged.connect(self._fit_timer.start)
        header.sectionResized.connect(self._on_column_resized)
        self.text_columns = TextColumns(self)

    def setModel(self, model) -> None:  # noqa: ANN001 - Qt's signature
        super().setModel(model)
        self._fitted = set()
        if model is None:
            return
        header = self.horizontalHeader()
        # Fixed widths from the font: ResizeToContents would measure every one of 10,000 rows.
        metrics = self.fontMetrics()
        widths = {Column.NUMBER: "00000", Column.CONFIDENCE: "Confidence", Column.STATUS: "Approved__"}
        for column, sample in widths.items():
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Fixed)
            header.resizeSection(column, metrics.horizontalAdvance(sample) + 12)
        self.text_columns.attach()
        model.modelReset.connect(self._refit)
        model.layoutChanged.connect(self._refit)
        model.rowsInserted.connect(self._refit)
        model.rowsRemoved.connect(self._refit)
        model.dataChanged.connect(self._on_data_changed)
        self._fit_timer.start()

    def set_zoom(self, percent: int) -> None:
        """Both text columns at `percent` of their normal size, the rows on screen sized again to fit."""
        self.itemDelegate().set_zoom(percent)
        self._refit()
        self.viewport().update()

    def _refit(self, *args: object) -> None:
        self._fitted = set()
        self._fit_timer.start()

    def _on_column_resized(self, *args: object) -> None:
        self._refit()

    def _on_data_changed(self, top_left: QModelIndex, bottom_right: QModelIndex, roles: object = None) -> None:
        for row in range(top_left.row(), bottom_right.row() + 1):
            self._fitted.discard(row)
        self._fit_timer.start()

    def resizeEvent(self, event) -> None:  # noqa: ANN001
        super().resizeEvent(event)
        self._fit_timer.start()

    def scroll_to_upper_third(self, index: QModelIndex) -> None:
        """Put the row about a third down the view, so the segments after it stay in sight (after Ctrl+Enter the
        translator reads on). Rows are sized as they come on screen, which moves the ones below: placed again until
        it settles; near either end of the document the scroll bar stops it sooner."""
        bar = self.verticalScrollBar()
        for _ in range(4):
            self.fit_visible_rows()
            offset = self.visualRect(index).top() - self.viewport().height() // 3
            before = bar.value()
            bar.setValue(before + offset)
            if bar.value() == before:
                break
        self.fit_visible_rows()

    def fit_visible_rows(self) -> None:
        """Size the rows now on screen (and a few beyond) to their text."""
        if self.model() is None or self.model().rowCount() == 0:
            return
        first = max(self.rowAt(0), 0)
        height = self.viewport().height()
        row = first
        rows = self.model().rowCount()
        while row < rows and (self.rowViewportPosition(row) < height * 2 or row < first + 5):
            if row not in self._fitted:
                self.resizeRowToContents(row)
                self._fitted.add(row)
            row += 1
