"""Find and replace bar under the grid (Ctrl+F / Ctrl+H)."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QToolButton,
    QWidget,
)

from tarjama.ui.common.fields import english_field
from tarjama.ui.editor.segment_model import Column

SCOPES = {
    "source": {Column.SOURCE},
    "target": {Column.TARGET},
    "both": {Column.SOURCE, Column.TARGET},
}


class FindBar(QWidget):
    searchChanged = Signal(str, object)  # text, set of columns
    findNext = Signal()
    findPrevious = Signal()
    replaceOne = Signal(str)
    replaceAll = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(4, 2, 4, 2)
        self.find_edit = QLineEdit()
        self.find_edit.setPlaceholderText(self.tr("Find"))
        self.find_edit.setClearButtonEnabled(True)
        self.scope = QComboBox()
        self.scope.addItem(self.tr("Source and target"), "both")
        self.scope.addItem(self.tr("Source"), "source")
        self.scope.addItem(self.tr("Target"), "target")
        self.replace_edit = english_field(QLineEdit())
        self.replace_edit.setPlaceholderText(self.tr("Replace with (in the target)"))
        self.matches = QLabel()
        previous = QPushButton(self.tr("Previous"))
        following = QPushButton(self.tr("Next"))
        replace = QPushButton(self.tr("Replace"))
        replace_all = QPushButton(self.tr("Replace all"))
        # Off by default: replacing in an approved segment makes it a draft again (see `tarjama.project.replace`).
        self.include_approved = QCheckBox(self.tr("Include approved segments"))
        self.include_approved.setToolTip(
            self.tr("Replace in approved segments too; they become drafts and need approving again")
        )
        close = QToolButton()
        close.setText("✕")
        close.setToolTip(self.tr("Close the find bar (Esc)"))
        for widget in (
            self.find_edit,
            self.scope,
            previous,
            following,
            self.replace_edit,
            replace,
            replace_all,
            self.include_approved,
        ):
            layout.addWidget(widget)
        layout.addWidget(self.matches)
        layout.addWidget(close)
        self.find_edit.textChanged.connect(self._emit_search)
        self.scope.currentIndexChanged.connect(self._emit_search)
        self.find_edit.returnPressed.connect(self.findNext)
        following.clicked.connect(self.findNext)
        previous.clicked.connect(self.findPrevious)
        replace.clicked.connect(lambda: self.replaceOne.emit(self.replace_edit.text()))
        replace_all.clicked.connect(lambda: self.replaceAll.emit(self.replace_edit.text()))
        close.clicked.connect(self.close_bar)

    def columns(self) -> set[int]:
        return SCOPES[self.scope.currentData()]

    def text(self) -> str:
        return self.find_edit.text()

    def includes_approved(self) -> bool:
        """Whether Replace and Replace all may change approved segments."""
        return self.include_approved.isChecked()

    def _emit_search(self) -> None:
        self.searchChanged.emit(self.text(), self.columns())

    def open_bar(self, text: str = "", replace: bool = False) -> None:
        if text:
            self.find_edit.setText(text)
        self.show()
        (self.replace_edit if replace and self.find_edit.text() else self.find_edit).setFocus()
        self.find_edit.selectAll()

    def close_bar(self) -> None:
        self.hide()
        self.searchChanged.emit("", set())

    def keyPressEvent(self, event) -> None:  # noqa: ANN001
        if event.key() == Qt.Key.Key_Escape:
            self.close_bar()
            return
        super().keyPressEvent(event)
