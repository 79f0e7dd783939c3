"""The memory's search bar: the query, where to look (source, target or both) and how much was found. The
concordance pane and the TM editor search the same way, so they share it."""

from __future__ import annotations

from PySide6.QtGui import QFont
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QLineEdit, QWidget

from tarjama.ui.memory.worker import Search


class MemorySearchBar(QWidget):
    def __init__(self, source_font: QFont, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.search_edit = QLineEdit()
        self.search_edit.setFont(source_font)
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.setPlaceholderText(self.tr("Search the translation memory (Arabic or English)"))
        self.scope = QComboBox()
        self.scope.addItem(self.tr("Source and target"), "both")
        self.scope.addItem(self.tr("Source"), "source")
        self.scope.addItem(self.tr("Target"), "target")
        self.count = QLabel()
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.search_edit, 1)
        row.addWidget(self.scope)
        row.addWidget(self.count)

    def current(self) -> Search:
        return Search(self.search_edit.text().strip(), self.scope.currentData())
