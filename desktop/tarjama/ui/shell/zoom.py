"""View → Zoom in / Zoom out / Actual size (Ctrl+plus, Ctrl+minus, Ctrl+0): the grid's Arabic and English text
together, the zoom kept in the settings for the next start."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QSettings
from PySide6.QtGui import QKeySequence

from tarjama.ui.common.bidi import with_isolated_percentages
from tarjama.ui.shell.actions import make_action

if TYPE_CHECKING:
    from tarjama.ui.common.host import WindowHost
    from tarjama.ui.editor.grid import SegmentGrid

ZOOM_KEY = "view/zoom"
#: The sizes one Ctrl+plus or Ctrl+minus steps through, in percent of the normal size.
ZOOM_LEVELS = (50, 67, 75, 80, 90, 100, 110, 125, 150, 175, 200, 250, 300)
DEFAULT_ZOOM = 100


def stored_zoom(settings: QSettings) -> int:
    """The zoom saved last, put on the nearest level (a hand-edited settings file may hold anything)."""
    try:
        value = int(settings.value(ZOOM_KEY, DEFAULT_ZOOM))
    except (TypeError, ValueError):
        return DEFAULT_ZOOM
    return min(ZOOM_LEVELS, key=lambda level: abs(level - value))


class GridZoom(QObject):
    def __init__(self, window: WindowHost, grid: SegmentGrid) -> None:
        super().__init__(window)
        self.window = window
        self.settings = window.settings
        self.grid = grid
        key = QKeySequence.StandardKey
        # Ctrl+= as well: on many layouts "+" needs Shift, and Ctrl+= is where people press for it.
        self.zoom_in_action = make_action(window, self.tr("Zoom &in"), self.zoom_in, [key.ZoomIn, "Ctrl+="])
        self.zoom_out_action = make_action(window, self.tr("Zoom &out"), self.zoom_out, [key.ZoomOut])
        self.reset_action = make_action(window, self.tr("&Actual size"), self.reset, ["Ctrl+0"])
        self.actions = [self.zoom_in_action, self.zoom_out_action, self.reset_action]
        self.percent = stored_zoom(self.settings)
        self._apply()

    def zoom_in(self) -> None:
        self.set_percent(next((level for level in ZOOM_LEVELS if level > self.percent), ZOOM_LEVELS[-1]))

    def zoom_out(self) -> None:
        self.set_percent(next((level for level in reversed(ZOOM_LEVELS) if level < self.percent), ZOOM_LEVELS[0]))

    def reset(self) -> None:
        self.set_percent(DEFAULT_ZOOM)

    def set_percent(self, percent: int) -> None:
        if percent == self.percent:
            return
        self.percent = percent
        self.settings.setValue(ZOOM_KEY, percent)
        self._apply()
        message = self.tr("Zoom {percent}%").format(percent=percent)
        self.window.statusBar().showMessage(with_isolated_percentages(message), 2000)

    def _apply(self) -> None:
        self.grid.set_zoom(self.percent)
        self.zoom_in_action.setEnabled(self.percent < ZOOM_LEVELS[-1])
        self.zoom_out_action.setEnabled(self.percent > ZOOM_LEVELS[0])
        self.reset_action.setEnabled(self.percent != DEFAULT_ZOOM)
