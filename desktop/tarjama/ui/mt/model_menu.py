"""Translation → Machine translation model ▸ one checkable entry per installed Arabic→English model.

The choice is the open project's (`tarjama.mt.model_choice`, kept in the project), so the entries are rebuilt
each time the Translation menu opens: a package installed or removed meanwhile, or another project opened, shows
at once. With fewer than two models there is nothing to choose and the submenu is greyed out. Pre-translation and
Ctrl+T ask :func:`project_package` which model to load; it is also where a removed choice is reported, once.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QMenu

from tarjama import mt
from tarjama.errors import TarjamaError
from tarjama.mt.model_choice import candidates, choose, package_origin, resolve_choice
from tarjama.ui.common.error_text import error_text, message_text

if TYPE_CHECKING:
    from tarjama.ui.common.host import WindowHost

#: How long the status bar shows that the model changed (ms).
_MESSAGE_MS = 10000


def project_package(window: WindowHost) -> mt.InstalledPackage | None:
    """The model the open project translates with (None: no project, or no Arabic→English model installed).

    Read on the UI thread, whose connection the project's store is; a chosen model that was removed is said in
    the status bar, the one time it is found missing."""
    session = window.session
    if session is None:
        return None
    try:
        choice = resolve_choice(session.store)
    except OSError:
        return None  # an unreadable packages folder: the engine then says what is wrong with it
    notice = choice.notice()
    if notice is not None:
        window.statusBar().showMessage(message_text(notice), _MESSAGE_MS)
    return choice.package


class ModelMenu(QObject):
    """The submenu of models; `menu` is filled here, `refresh` runs as its parent menu opens."""

    def __init__(self, window: WindowHost, menu: QMenu) -> None:
        super().__init__(window)
        self.window = window
        self.menu = menu
        self.group = QActionGroup(self)
        self.actions: dict[str, QAction] = {}
        self.refresh()

    def refresh(self) -> None:
        """One entry per installed Arabic→English model, the project's checked; greyed out with fewer than two."""
        for action in self.actions.values():
            self.group.removeAction(action)
            self.menu.removeAction(action)
            action.deleteLater()
        self.actions.clear()
        try:
            installed = candidates()
        except OSError:
            installed = []
        current = project_package(self.window)
        for package in installed:
            label = self.tr("{name} ({origin})").format(name=package.name, origin=package_origin(package))
            action = QAction(label, self, checkable=True)
            action.setChecked(current is not None and package.name == current.name)
            action.triggered.connect(lambda checked=False, name=package.name: self.choose(name))
            self.group.addAction(action)
            self.menu.addAction(action)
            self.actions[package.name] = action
        self.menu.menuAction().setEnabled(self.window.session is not None and len(installed) > 1)

    def choose(self, name: str) -> None:
        """Make the open project translate with `name` from now on (pre-translation and Ctrl+T)."""
        session = self.window.session
        if session is None:
            return
        try:
            package = choose(session.store, name)
        except TarjamaError as exc:
            self.window.show_error(self.tr("Cannot change the model"), error_text(exc))
            self.refresh()  # the check mark goes back to the model still in use
            return
        self.window.statusBar().showMessage(
            self.tr("Machine translation in this project now uses {name}.").format(name=package.name), _MESSAGE_MS
        )
