"""Glossary → Add term: the Arabic term, its English (preferred first), a note and the English not to use.

The segment's source is shown above the fields; selecting words in it fills the Arabic term, since the grid's source
cells cannot be selected in part. Text selected in the editor fills the field of its script.
"""

from __future__ import annotations

import re

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from tarjama.domain import GlossaryEntry
from tarjama.ui.common.fields import arabic_field, english_field

#: Several English terms, or forbidden variants, go in one field separated by this.
LIST_SEPARATOR = ";"
_ARABIC_LETTER = re.compile("[\u0600-\u06ff]")


def split_terms(text: str) -> tuple[str, ...]:
    return tuple(term.strip() for term in text.split(LIST_SEPARATOR) if term.strip())


class TermDialog(QDialog):
    def __init__(self, parent: QWidget, source_font: QFont, source: str = "", selected: str = "") -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Add a glossary term"))
        layout = QVBoxLayout(self)
        self.source_view = QPlainTextEdit(source)
        self.source_view.setReadOnly(True)
        self.source_view.setFont(source_font)
        self.source_view.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
        self.source_view.setMaximumHeight(4 * self.source_view.fontMetrics().lineSpacing())
        self.source_view.selectionChanged.connect(self._take_source_selection)
        if source:
            layout.addWidget(QLabel(self.tr("Select the term in the segment's source, or type it below:")))
            layout.addWidget(self.source_view)
        else:
            self.source_view.hide()
        form = QFormLayout()
        self.arabic = arabic_field(QLineEdit())
        self.arabic.setFont(source_font)
        self.english = english_field(QLineEdit())
        self.english.setPlaceholderText(self.tr("Preferred first; alternatives after “;”"))
        self.note = QLineEdit()
        self.forbidden = english_field(QLineEdit())
        self.forbidden.setPlaceholderText(self.tr("English not to use, separated by “;”"))
        form.addRow(self.tr("Arabic term:"), self.arabic)
        form.addRow(self.tr("English:"), self.english)
        form.addRow(self.tr("Note:"), self.note)
        form.addRow(self.tr("Forbidden:"), self.forbidden)
        layout.addLayout(form)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.arabic.textChanged.connect(self._enable_ok)
        self.english.textChanged.connect(self._enable_ok)
        (self.arabic if _ARABIC_LETTER.search(selected) else self.english).setText(selected.strip())
        self._enable_ok()
        (self.english if self.arabic.text() else self.arabic).setFocus()

    def _take_source_selection(self) -> None:
        selected = self.source_view.textCursor().selectedText().strip()
        if selected:
            self.arabic.setText(selected)

    def _enable_ok(self) -> None:
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(bool(self.arabic.text().strip() and split_terms(self.english.text())))

    def entry(self) -> GlossaryEntry:
        return GlossaryEntry(
            source=self.arabic.text().strip(),
            targets=split_terms(self.english.text()),
            note=self.note.text().strip(),
            forbidden=split_terms(self.forbidden.text()),
        )
