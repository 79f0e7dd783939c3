"""The window as the translator left it: its size and place, where each pane is docked, the splitters, the share of
the grid's Arabic and English columns and the last filters, kept in the user's settings and put back at start.

Qt writes a dock layout as the objectName of each dock and toolbar, so every one of them needs a stable name. A
layout saved by another build may name docks this one does not have, or lack new ones: it is stamped with
`LAYOUT_VERSION` and ignored whole when the stamp differs, never half applied. A place on a monitor that has since
been unplugged is brought back on screen by `QWidget.restoreGeometry` itself, which moves a window it finds off
every screen onto one.
"""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QSettings
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QMainWindow, QSplitter

from tarjama.ui.editor.grid import SegmentGrid
from tarjama.ui.editor.text_columns import DEFAULT_SHARE

#: Raised whenever a build changes which docks, toolbars or splitters the window has.
LAYOUT_VERSION = 1
VERSION_KEY = "layout/version"
GEOMETRY_KEY = "layout/geometry"
STATE_KEY = "layout/state"
SOURCE_SHARE_KEY = "layout/sourceShare"
SPLITTER_KEY = "layout/splitters/{name}"
#: The checked entry of each remembered choice (a filter), by its action's data, or whether a switch is on.
CHOICE_KEY = "view/{name}"


class LayoutMemory:
    def __init__(self, window: QMainWindow, settings: QSettings, grid: SegmentGrid,
                 choices: dict[str, QActionGroup], switches: dict[str, QAction]) -> None:
        self.window = window
        self.settings = settings
        self.grid = grid
        #: Settings name → a group of checkable actions whose data are stable keys (Show segments, Show matches).
        self.choices = choices
        #: Settings name → a checkable action acting on `toggled` (Only segments with comments).
        self.switches = switches
        #: The layout the window is built with, for View → Panes → Reset layout.
        self.default_state = window.saveState(LAYOUT_VERSION)

    def _saved_layout_is_current(self) -> bool:
        try:
            return int(self.settings.value(VERSION_KEY, -1)) == LAYOUT_VERSION
        except (TypeError, ValueError):
            return False

    def restore(self) -> None:
        """Before the window is first shown: its place, its docks, its splitters and the last filters."""
        for name, group in self.choices.items():
            self._restore_choice(name, group)
        for name, switch in self.switches.items():
            switch.setChecked(self.settings.value(CHOICE_KEY.format(name=name), switch.isChecked(), type=bool))
        if not self._saved_layout_is_current():
            return
        geometry = self.settings.value(GEOMETRY_KEY)
        if isinstance(geometry, QByteArray):
            self.window.restoreGeometry(geometry)
        state = self.settings.value(STATE_KEY)
        if isinstance(state, QByteArray):
            self.window.restoreState(state, LAYOUT_VERSION)
        for splitter in self._splitters():
            sizes = self.settings.value(SPLITTER_KEY.format(name=splitter.objectName()))
            if isinstance(sizes, QByteArray):
                splitter.restoreState(sizes)
        try:
            share = float(self.settings.value(SOURCE_SHARE_KEY))
        except (TypeError, ValueError):
            return
        self.grid.text_columns.set_share(share)  # kept by the grid for every project it shows

    def save(self) -> None:
        """As the window closes."""
        self.settings.setValue(VERSION_KEY, LAYOUT_VERSION)
        self.settings.setValue(GEOMETRY_KEY, self.window.saveGeometry())
        self.settings.setValue(STATE_KEY, self.window.saveState(LAYOUT_VERSION))
        self.settings.setValue(SOURCE_SHARE_KEY, self.grid.text_columns.share)
        for splitter in self._splitters():
            self.settings.setValue(SPLITTER_KEY.format(name=splitter.objectName()), splitter.saveState())
        for name, group in self.choices.items():
            checked = group.checkedAction()
            if checked is not None:
                self.settings.setValue(CHOICE_KEY.format(name=name), checked.data())
        for name, switch in self.switches.items():
            self.settings.setValue(CHOICE_KEY.format(name=name), switch.isChecked())

    def reset(self) -> None:
        """The docks and toolbars as the window is built, every pane back in its place, the text columns halved."""
        self.window.restoreState(self.default_state, LAYOUT_VERSION)
        self.grid.text_columns.set_share(DEFAULT_SHARE)

    def _splitters(self) -> list[QSplitter]:
        """The named splitters anywhere in the window (an unnamed one could not be told apart next time)."""
        return [splitter for splitter in self.window.findChildren(QSplitter) if splitter.objectName()]

    def _restore_choice(self, name: str, group: QActionGroup) -> None:
        """Choose the saved entry as the translator would: its own handler runs. `trigger()` would do nothing while
        no project is open (the filters are off then), so its signal is given instead."""
        key = self.settings.value(CHOICE_KEY.format(name=name))
        action: QAction | None = next((a for a in group.actions() if a.data() == key), None)
        if action is not None and not action.isChecked():
            action.setChecked(True)
            action.triggered.emit()
