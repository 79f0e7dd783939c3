"""The small dialogs as a translator uses them: the Arabic source in the Split dialog reads right to left, flush
right, in either UI; Enter in the export path field exports rather than opening the file chooser."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QFileDialog, QWidget

from tarjama.domain import ImportedDocument
from tarjama.project.store import ProjectStore
from tarjama.ui.shell.dialogs import ExportDialog, SplitDialog

SOURCE = "وصل الوزير إلى العاصمة."


@pytest.fixture(params=[Qt.LayoutDirection.LeftToRight, Qt.LayoutDirection.RightToLeft], ids=["ltr", "rtl"])
def ui_direction(request: pytest.FixtureRequest, qapp: QApplication):
    """The application's direction, as `tarjama.ui.shell.i18n` sets it for the UI language; restored afterwards."""
    qapp.setLayoutDirection(request.param)
    yield request.param
    qapp.setLayoutDirection(Qt.LayoutDirection.LeftToRight)


@pytest.fixture
def parent(qtbot) -> QWidget:
    widget = QWidget()
    qtbot.addWidget(widget)
    return widget


def test_the_split_dialog_shows_the_arabic_source_right_to_left_and_flush_right(qtbot, parent, ui_direction) -> None:
    dialog = SplitDialog(parent, SOURCE, QFont())
    dialog.resize(600, 300)
    dialog.show()
    qtbot.waitExposed(dialog)
    option = dialog.text.document().defaultTextOption()
    assert option.textDirection() == Qt.LayoutDirection.RightToLeft

    image = dialog.text.viewport().grab().toImage()
    line = dialog.text.fontMetrics().height() * image.height() // dialog.text.viewport().height() + 8
    ink = [x for x in range(image.width()) for y in range(line) if QColor(image.pixel(x, y)).lightness() < 110]
    assert ink, "the source is drawn"
    assert min(ink) > image.width() / 2 and image.width() - max(ink) < 20 * image.width() / dialog.width(), (
        f"the Arabic sits flush right: ink from {min(ink)} to {max(ink)} of {image.width()}"
    )
    dialog.close()


def test_the_split_dialog_offset_is_still_the_cursor_position_in_the_source(qtbot, parent) -> None:
    dialog = SplitDialog(parent, SOURCE, QFont())
    cursor = dialog.text.textCursor()
    cursor.setPosition(SOURCE.index("إلى"))
    dialog.text.setTextCursor(cursor)
    assert dialog.offset() == SOURCE.index("إلى")


def test_enter_in_the_export_path_exports(qtbot, parent, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    browsed: list[object] = []
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args, **kwargs: browsed.append(args) or ("", ""))
    document = ImportedDocument(name="visit.txt", format="txt", paragraphs=[SOURCE])
    with ProjectStore.create(tmp_path / "visit.tarjama", [document]) as store:
        dialog = ExportDialog(parent, store)
        dialog.show()
        qtbot.waitExposed(dialog)
        out = tmp_path / "visit-en.txt"
        dialog.path_edit.setText(str(out))
        dialog.path_edit.setFocus()
        assert dialog.export_button.isDefault() and not dialog.browse_button.autoDefault()

        QTest.keyClick(dialog.path_edit, Qt.Key.Key_Return)

        assert browsed == [], "Enter opened the file chooser"
        assert out.read_text(encoding="utf-8").strip() == SOURCE
        assert dialog.report is not None and dialog.result() == dialog.DialogCode.Accepted
