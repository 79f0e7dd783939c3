"""The TM pane's and the concordance panel's rows in the Arabic UI: the heading line is mirrored (score badge at
the right edge, the heading reading on to its left), while the Arabic source stays right to left and the English
target left to right, as in the English UI."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QImage
from PySide6.QtWidgets import QApplication

from tarjama.ui.editor.delegate import CELL_MARGIN
from tarjama.ui.memory.unit_list import BADGE_PADDING, LINE_GAP, UnitList, UnitRow

BADGE = QColor("#1565c0")
ROW = UnitRow(
    heading="Ctrl+Shift+1",
    source="وصل الوزير.",
    target="The minister arrived.",
    badge="100%",
    badge_colour=BADGE,
)


@pytest.fixture(params=[Qt.LayoutDirection.LeftToRight, Qt.LayoutDirection.RightToLeft], ids=["ltr", "rtl"])
def ui_direction(request: pytest.FixtureRequest, qapp: QApplication):
    """The application's direction, as `tarjama.ui.shell.i18n` sets it for the UI language; restored afterwards."""
    qapp.setLayoutDirection(request.param)
    yield request.param
    qapp.setLayoutDirection(Qt.LayoutDirection.LeftToRight)


def _rendered(qtbot) -> tuple[QImage, float, int]:
    """The list drawn with one row, the device pixel ratio, and the height of a line of text in pixels."""
    units = UnitList(QFont(), QColor("yellow"))
    units.set_rows([ROW])
    qtbot.addWidget(units)
    units.resize(600, 300)
    units.show()
    qtbot.waitExposed(units)
    image = units.viewport().grab().toImage()
    scale = image.width() / units.viewport().width()
    return image, scale, int(QFontMetrics(units.font()).height() * scale)


def _columns(image: QImage, top: int, bottom: int, matches) -> list[int]:  # noqa: ANN001
    return [x for x in range(image.width()) if any(matches(QColor(image.pixel(x, y))) for y in range(top, bottom))]


def _is_badge(colour: QColor) -> bool:
    channels = zip(colour.getRgb()[:3], BADGE.getRgb()[:3], strict=True)
    return sum(abs(got - badge) for got, badge in channels) < 30


def _is_ink(colour: QColor) -> bool:
    return colour.lightness() < 110 and not _is_badge(colour)


def test_the_heading_line_follows_the_ui_direction_and_the_texts_their_own(qtbot, ui_direction) -> None:
    image, scale, height = _rendered(qtbot)
    width = image.width()
    top = int((CELL_MARGIN + BADGE_PADDING + LINE_GAP) * scale)
    badge = _columns(image, 0, top + height, _is_badge)
    heading = [x for x in _columns(image, 0, top + height, _is_ink) if not min(badge) <= x <= max(badge)]
    source = _columns(image, top + height + 2, top + 2 * height, _is_ink)
    target = _columns(image, top + 2 * height + 4, top + 3 * height, _is_ink)
    assert badge and heading and source and target
    if ui_direction == Qt.LayoutDirection.RightToLeft:
        assert width - max(badge) < 15 * scale, "the badge starts the line at its right edge"
        assert max(heading) < min(badge) and min(heading) > width / 2, "the heading reads on to the badge's left"
    else:
        assert min(badge) < 15 * scale and min(heading) > max(badge) and max(heading) < width / 2
    assert width - max(source) < 15 * scale and min(source) > width / 2, "the Arabic source stays flush right"
    assert min(target) < 15 * scale and max(target) < width / 2, "the English target stays flush left"
