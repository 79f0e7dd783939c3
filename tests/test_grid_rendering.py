"""The grid's cells as drawn (issue 13): a machine confidence is no TM match badge, the English is as large as the
Arabic and starts on its baseline, and Ctrl+plus / Ctrl+minus / Ctrl+0 zoom both columns, remembered."""

from __future__ import annotations

import statistics
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont, QImage
from PySide6.QtWidgets import QApplication

from qt_keys import press
from tarjama.domain import Origin, Segment, Status
from tarjama.ui.editor.delegate import SegmentDelegate, TargetEditor
from tarjama.ui.editor.grid import SegmentGrid
from tarjama.ui.editor.segment_model import Column, SegmentModel
from tarjama.ui.shell.app import open_settings
from tarjama.ui.shell.fonts import load_arabic_font
from tarjama.ui.shell.zoom import ZOOM_KEY
from window_fixtures import open_window

CTRL = Qt.KeyboardModifier.ControlModifier


def _segment(row: int, source: str, target: str, **fields: object) -> Segment:
    return Segment(
        id=row + 1,
        paragraph_id=1,
        paragraph_index=0,
        position=row,
        source=source,
        target=target,
        first_in_paragraph=row == 0,
        **fields,
    )


def _grid(qtbot, segments: list[Segment]) -> SegmentGrid:
    """A grid on `segments`, with its delegate made as the window makes it."""
    grid = SegmentGrid()
    qtbot.addWidget(grid)
    grid.setItemDelegate(SegmentDelegate(grid, load_arabic_font(), QFont(grid.font())))
    grid.setModel(SegmentModel(segments))
    grid.resize(900, 400)
    grid.show()
    qtbot.waitExposed(grid)
    grid.fit_visible_rows()
    QApplication.processEvents()
    return grid


def _grab(grid: SegmentGrid) -> tuple[QImage, float]:
    image = grid.viewport().grab().toImage()
    return image, image.width() / grid.viewport().width()


def _pixels(image: QImage, scale: float, grid: SegmentGrid, row: int, column: int, inset: int = 1):
    rect = grid.visualRect(grid.model().index(row, column))
    for x in range(int((rect.left() + inset) * scale), int((rect.right() - inset) * scale)):
        for y in range(int((rect.top() + inset) * scale), min(int((rect.bottom() - inset) * scale), image.height())):
            yield x, y, QColor(image.pixel(x, y))


def _ink(image: QImage, scale: float, grid: SegmentGrid, row: int, column: int) -> tuple[float, float]:
    """(top, bottom) of a cell's text: the median over its inked columns, so a text cursor's bar does not count."""
    tops: dict[int, int] = {}
    bottoms: dict[int, int] = {}
    for x, y, colour in _pixels(image, scale, grid, row, column, inset=3):
        if colour.lightness() < 110:
            tops.setdefault(x, y)
            bottoms[x] = y
    assert tops, f"nothing drawn in row {row}, column {column}"
    return statistics.median(tops.values()), statistics.median(bottoms.values())


# -- 1. a machine confidence is not a TM match -------------------------------------------------------------------


def _is_match_green(colour: QColor) -> bool:
    return 90 <= colour.hsvHue() <= 150 and colour.hsvSaturation() > 50


def _is_machine_blue(colour: QColor) -> bool:
    return 195 <= colour.hsvHue() <= 225 and colour.hsvSaturation() > 150


def test_a_machine_confidence_is_drawn_as_a_blue_mt_badge_and_a_tm_match_stays_green(qtbot) -> None:
    arrived = "The minister arrived."
    segments = [
        _segment(0, "وصل الوزير.", arrived, origin=Origin.MT, confidence=1.0, status=Status.MACHINE),
        _segment(1, "وصل الوزير.", arrived, origin=Origin.TM, tm_score=100, tm_text=arrived, status=Status.DRAFT),
        _segment(2, "عاد الوزير.", "The minister left.", origin=Origin.MT, confidence=0.3, status=Status.MACHINE),
    ]
    grid = _grid(qtbot, segments)
    model = grid.model()
    assert model.index(0, Column.CONFIDENCE).data() == "MT 100"
    assert model.index(1, Column.CONFIDENCE).data() == "TM \u2066100%\u2069"  # "%" kept after the number in Arabic
    assert "machine confidence" in model.index(0, Column.CONFIDENCE).data(Qt.ItemDataRole.ToolTipRole).lower()
    image, scale = _grab(grid)

    def count(row: int, matches) -> int:  # noqa: ANN001
        return sum(1 for _, _, colour in _pixels(image, scale, grid, row, Column.CONFIDENCE) if matches(colour))

    assert count(0, _is_match_green) == 0, "a 100 % machine guess must not look like an exact TM match"
    assert count(0, _is_machine_blue) > 0, "the machine confidence has its blue badge"
    assert count(1, _is_match_green) > 0 and count(1, _is_machine_blue) == 0, "a TM match keeps its green"

    def bar_length(row: int) -> int:
        """The most blue pixels in one line of the cell: the bar's line, the label's strokes being thin."""
        lines: dict[int, int] = {}
        for _, y, colour in _pixels(image, scale, grid, row, Column.CONFIDENCE):
            lines[y] = lines.get(y, 0) + _is_machine_blue(colour)
        return max(lines.values())

    assert bar_length(2) < bar_length(0) * 0.6, "the bar is as long as the confidence"


# -- 2. the English as large as the Arabic, on the same baseline ---------------------------------------------------

#: Isolated alifs and capital I's: plain upright strokes standing on the baseline, as tall as their script's tall
#: letters, with nothing below it (the ink's top and bottom are then measured the same way in both).
TALL_ARABIC = "ا ا ا ا"
TALL_LATIN = "I I I I"


def test_english_target_is_as_large_as_the_arabic_source_and_starts_on_its_baseline(qtbot) -> None:
    grid = _grid(qtbot, [_segment(0, TALL_ARABIC, TALL_LATIN)])
    delegate = grid.itemDelegate()
    # About the same point size: the English is sized by the fonts' x-heights (`matching_latin_font`), which for
    # the packaged Noto Sans Arabic and a Latin UI font are close.
    assert delegate.target_font.pointSizeF() == pytest.approx(delegate.source_font.pointSizeF(), rel=0.1)
    image, scale = _grab(grid)
    source_top, source_bottom = _ink(image, scale, grid, 0, Column.SOURCE)
    target_top, target_bottom = _ink(image, scale, grid, 0, Column.TARGET)
    source_height, target_height = source_bottom - source_top, target_bottom - target_top
    assert target_height == pytest.approx(source_height, rel=0.12), "capitals as tall as alifs"
    assert abs(target_bottom - source_bottom) <= 2 * scale, "both columns' first lines on one baseline"

    grid.setCurrentIndex(grid.model().index(0, Column.TARGET))
    grid.edit(grid.model().index(0, Column.TARGET))
    QApplication.processEvents()
    assert grid.findChild(TargetEditor) is not None
    image, scale = _grab(grid)
    _, editor_bottom = _ink(image, scale, grid, 0, Column.TARGET)
    assert abs(editor_bottom - source_bottom) <= 2 * scale, "the editor opens with the text where it was drawn"


# -- 3. zoom ---------------------------------------------------------------------------------------------------------


@pytest.fixture
def project(tmp_path: Path) -> Path:
    from tarjama.project.files import import_document

    document = tmp_path / "visit.txt"
    document.write_text("وصل الوزير إلى العاصمة صباح اليوم.\n\nوعقد اجتماعاً مع نظيره.\n", encoding="utf-8")
    path = tmp_path / "visit.tarjama"
    with import_document(document, path) as store:
        store.update_segment(store.segments()[0].id, target="The minister arrived in the capital this morning.")
    return path


def _open(qtbot, project: Path):  # noqa: ANN202
    window = open_window(qtbot, project)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)  # shortcuts reach only the active window
    window.grid.fit_visible_rows()
    return window


def _sizes(window) -> tuple[float, float]:  # noqa: ANN001
    return window.delegate.source_font.pointSizeF(), window.delegate.target_font.pointSizeF()


def test_ctrl_plus_minus_and_zero_zoom_both_columns_and_the_zoom_is_remembered(qtbot, project: Path) -> None:
    window = _open(qtbot, project)
    source, target = _sizes(window)
    height = window.grid.rowHeight(0)
    press(window.grid, Qt.Key.Key_Plus, CTRL)
    press(window.grid, Qt.Key.Key_Equal, CTRL)  # where "+" is on a US keyboard, without Shift
    zoomed_source, zoomed_target = _sizes(window)
    assert zoomed_source > source * 1.15 and zoomed_target / target == pytest.approx(zoomed_source / source, rel=0.02)
    window.grid.fit_visible_rows()
    assert window.grid.rowHeight(0) > height * 1.1, "the rows grow with their text"
    press(window.grid, Qt.Key.Key_Minus, CTRL)
    assert source < _sizes(window)[0] < zoomed_source
    press(window.grid, Qt.Key.Key_0, CTRL)
    assert _sizes(window) == (source, target)
    window.grid.fit_visible_rows()
    assert window.grid.rowHeight(0) == height

    press(window.grid, Qt.Key.Key_Minus, CTRL)
    smaller = _sizes(window)
    assert smaller[0] < source
    window.close()
    assert int(open_settings().value(ZOOM_KEY)) < 100
    again = _open(qtbot, project)
    assert _sizes(again) == smaller, "the zoom is kept for the next start"
    again.close()


def test_zooming_while_editing_keeps_the_text_and_enlarges_the_editor(qtbot, project: Path) -> None:
    window = _open(qtbot, project)
    press(window.grid, Qt.Key.Key_F2)
    editor = window.open_editor()
    assert editor is not None
    before = editor.font().pointSizeF()
    press(editor, Qt.Key.Key_Plus, CTRL)
    assert editor.toPlainText() == "The minister arrived in the capital this morning."
    assert editor.font().pointSizeF() > before
    window.close()
