"""View → Panes: every pane of the window and the toolbars, to show or hide, and Reset layout.

Qt offers a closed pane back only on a right click over the dock area, which a translator who closed the last pane
of an area cannot even find. The list is made each time the menu opens, from the docks the window has then, so a
pane added by any part of the window is listed without being registered here.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDockWidget, QMainWindow, QMenu, QToolBar

#: Set on a dock once its show action also raises it, so that opening the menu again connects nothing twice.
RAISED_WHEN_SHOWN = "tarjamaRaisedWhenShown"


class PanesMenu(QObject):
    def __init__(self, window: QMainWindow, menu: QMenu, reset_layout: Callable[[], None]) -> None:
        super().__init__(window)
        self.window = window
        self.menu = menu
        self.reset_action = QAction(self.tr("&Reset layout"), self)  # the window's: the menu deletes its own actions
        self.reset_action.triggered.connect(reset_layout)
        menu.aboutToShow.connect(self.refresh)
        self.refresh()

    def docks(self) -> list[QDockWidget]:
        """The window's panes by title, so the list reads the same whatever order the parts made them in."""
        found = self.window.findChildren(QDockWidget, options=Qt.FindChildOption.FindDirectChildrenOnly)
        return sorted(found, key=lambda dock: dock.windowTitle().casefold())

    def refresh(self) -> None:
        """Build the list again: each pane's own show/hide action (checked while it is open), then the toolbars."""
        self.menu.clear()
        for dock in self.docks():
            toggle = dock.toggleViewAction()
            if not dock.property(RAISED_WHEN_SHOWN):  # reopened, a pane comes to the front of the tabs it shares
                toggle.triggered.connect(lambda checked, dock=dock: dock.raise_() if checked else None)
                dock.setProperty(RAISED_WHEN_SHOWN, True)
            self.menu.addAction(toggle)
        self.menu.addSeparator()
        for toolbar in self.window.findChildren(QToolBar, options=Qt.FindChildOption.FindDirectChildrenOnly):
            self.menu.addAction(toolbar.toggleViewAction())
        self.menu.addSeparator()
        self.menu.addAction(self.reset_action)
