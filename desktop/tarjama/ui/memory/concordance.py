"""The concordance panel (Ctrl+K): how a word or phrase was translated before, searched in the whole TM.

Typing searches after a short pause rather than per key, since each search runs on the TM thread and only the
last one typed matters; Ctrl+K searches at once. Results list each unit's source (Arabic, right-to-left) and
target with the searched text highlighted.
"""

from __future__ import annotations

from PySide6.QtCore import QTimer, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QVBoxLayout, QWidget

from tarjama.domain import ConcordanceHit
from tarjama.ui.editor.delegate import HIGHLIGHT
from tarjama.ui.memory.pane import unit_details
from tarjama.ui.memory.search_bar import MemorySearchBar
from tarjama.ui.memory.unit_list import UnitList, UnitRow
from tarjama.ui.memory.worker import Search

SEARCH_DELAY_MS = 250


def hit_row(hit: ConcordanceHit) -> UnitRow:
    return UnitRow(
        heading=unit_details(hit.unit),
        source=hit.unit.source,
        target=hit.unit.target,
        source_spans=hit.source_spans,
        target_spans=hit.target_spans,
    )


class ConcordancePanel(QWidget):
    searchRequested = Signal(object)  # Search

    def __init__(self, source_font: QFont, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        self.bar = MemorySearchBar(source_font)
        self.search_edit, self.scope, self.count = self.bar.search_edit, self.bar.scope, self.bar.count
        layout.addWidget(self.bar)
        self.list = UnitList(source_font, HIGHLIGHT)
        layout.addWidget(self.list)
        self._delay = QTimer(self)
        self._delay.setSingleShot(True)
        self._delay.setInterval(SEARCH_DELAY_MS)
        self._delay.timeout.connect(self.search_now)
        self.search_edit.textEdited.connect(self._delay.start)
        self.scope.currentIndexChanged.connect(self.search_now)

    def current(self) -> Search:
        return self.bar.current()

    def open_with(self, text: str) -> None:
        """Ctrl+K: search for `text` (if any) at once, ready for typing another query."""
        if text:
            self.search_edit.setText(text)
        self.search_edit.setFocus()
        self.search_edit.selectAll()
        self.search_now()

    def search_now(self) -> None:
        self._delay.stop()
        search = self.current()
        if not search.query:
            self.list.set_rows([])
            self.count.setText("")
            return
        self.count.setText(self.tr("Searching…"))
        self.searchRequested.emit(search)

    def show_hits(self, search: Search, hits: list[ConcordanceHit]) -> None:
        if search != self.current():
            return  # typed on since
        self.list.set_rows([hit_row(hit) for hit in hits])
        self.count.setText(self.tr("Found: {n}").format(n=len(hits)))

    def show_unavailable(self, message: str) -> None:
        self.list.set_rows([])
        self.count.setText(message)
