"""The grid's Arabic and English columns share the width the narrow columns leave, in a proportion the translator
sets by dragging the border between them.

Qt's stretching columns cannot be resized by hand, and a column of fixed width would not follow the window: so the
Arabic column is resizable, the English one takes the rest, and the share is what is kept, applied again whenever the
view changes width. The share is also what
the window remembers of the columns (`ui/shell/layout_memory.py`).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QHeaderView, QTableView

from tarjama.ui.editor.segment_model import Column

#: The Arabic column's part of the two columns' width, and how far a drag may take it.
DEFAULT_SHARE = 0.5
LEAST_SHARE = 0.1
MOST_SHARE = 0.9


class TextColumns(QObject):
    def __init__(self, grid: QTableView) -> None:
        super().__init__(grid)
        self.grid = grid
        self.share = DEFAULT_SHARE
        self._applying = False
        grid.viewport().installEventFilter(self)
        grid.horizontalHeader().sectionResized.connect(self._on_section_resized)

    def attach(self) -> None:
        """Called once the grid has a model (and so columns): the Arabic column's border to drag, both sized by the
        share."""
        header = self.grid.horizontalHeader()
        header.setSectionResizeMode(Column.SOURCE, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(Column.TARGET, QHeaderView.ResizeMode.Fixed)
        self.apply()

    def set_share(self, share: float) -> None:
        self.share = min(MOST_SHARE, max(LEAST_SHARE, share))
        self.apply()

    def share_shown(self) -> float:
        """The share as the header shows it now (after its state was restored, say)."""
        header = self.grid.horizontalHeader()
        source, target = header.sectionSize(Column.SOURCE), header.sectionSize(Column.TARGET)
        return source / (source + target) if source + target > 0 else DEFAULT_SHARE

    def apply(self) -> None:
        header = self.grid.horizontalHeader()
        if header.count() <= max(Column.SOURCE, Column.TARGET):
            return
        others = sum(header.sectionSize(c) for c in range(header.count()) if c not in (Column.SOURCE, Column.TARGET))
        available = max(0, self.grid.viewport().width() - others)
        source = round(self.share * available)
        self._applying = True
        try:
            header.resizeSection(Column.SOURCE, source)
            header.resizeSection(Column.TARGET, available - source)
        finally:
            self._applying = False

    def _on_section_resized(self, column: int, old: int, new: int) -> None:
        """A drag of the border between the Arabic and English columns moves the share; any other column's new
        width is taken from both."""
        if self._applying:
            return
        if column == Column.SOURCE:
            both = old + self.grid.horizontalHeader().sectionSize(Column.TARGET)
            self.set_share(new / both if both > 0 else DEFAULT_SHARE)
        else:
            self.apply()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.Resize:
            self.apply()
        return False
