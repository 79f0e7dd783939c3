"""Small dialogs: choosing where to split a segment, and exporting the translation."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from tarjama.domain import Status
from tarjama.errors import TarjamaError
from tarjama.project.files import ExportReport, export_target
from tarjama.project.store import ProjectStore
from tarjama.ui.common.bidi import name_filters
from tarjama.ui.common.error_text import error_text
from tarjama.ui.common.fields import english_field
from tarjama.ui.editor.tag_chips import ChipTextEdit


class SplitDialog(QDialog):
    """Shows the Arabic source; the translator puts the cursor where the segment should be cut."""

    def __init__(self, parent: QWidget, source: str, font: QFont) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Split segment"))
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Click where the segment should be split, then press OK.")))
        # Right to left and flush right in either UI, its tags as chips (`ChipTextEdit`).
        self.text = ChipTextEdit(right_to_left=True, text=source)
        self.text.setReadOnly(True)
        self.text.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByKeyboard | Qt.TextInteractionFlag.TextSelectableByMouse
        )
        self.text.setFont(font)
        cursor = self.text.textCursor()
        cursor.setPosition(len(source) // 2)
        self.text.setTextCursor(cursor)
        layout.addWidget(self.text)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def offset(self) -> int:
        return self.text.textCursor().position()


class ExportDialog(QDialog):
    """Says what will be exported for segments not yet approved before asking where to write it."""

    def __init__(self, parent: QWidget, store: ProjectStore) -> None:
        super().__init__(parent)
        self.store = store
        self.report: ExportReport | None = None
        self.setWindowTitle(self.tr("Export translation"))
        segments = store.segments()
        approved = sum(1 for s in segments if s.status == Status.APPROVED)
        as_target = sum(1 for s in segments if s.status != Status.APPROVED and s.target.strip())
        as_source = len(segments) - approved - as_target
        layout = QVBoxLayout(self)
        self.summary = QLabel(
            self.tr(
                "{approved} of {total} segments are approved.\n"
                "Segments not approved are exported with their current English text ({as_target} segments), "
                "or with the Arabic source where they have no translation yet ({as_source} segments)."
            ).format(approved=approved, total=len(segments), as_target=as_target, as_source=as_source)
        )
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        row = QHBoxLayout()
        documents = store.documents()
        stem = Path(documents[0].name).stem if documents else store.path.stem
        self.path_edit = english_field(QLineEdit(str(store.path.with_name(f"{stem}-en.docx"))))
        self.browse_button = QPushButton(self.tr("Browse…"))
        self.browse_button.setAutoDefault(False)  # Enter in the path field exports, not opens the file chooser
        self.browse_button.clicked.connect(self._browse)
        row.addWidget(self.path_edit)
        row.addWidget(self.browse_button)
        layout.addLayout(row)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.export_button = buttons.addButton(self.tr("Export"), QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.accepted.connect(self.export)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        # Only once the button is in the dialog does the dialog take it as its default (Enter) button.
        self.export_button.setDefault(True)
        self.path_edit.setFocus()

    def _browse(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Export translation as"),
            self.path_edit.text(),
            name_filters(self.tr("Word (*.docx);;Text (*.txt)")),
        )
        if path:
            self.path_edit.setText(path)

    def export(self) -> None:
        try:
            self.report = export_target(self.store, Path(self.path_edit.text()))
        except (TarjamaError, OSError) as exc:
            QMessageBox.warning(self, self.tr("Cannot export"), error_text(exc))
            return
        self.accept()
