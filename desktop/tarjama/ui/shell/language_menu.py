"""View → Language: the system's language, English or Arabic, used from the next start.

Every text of the window is set once, as its widgets are built; switching live would need every pane and dialog to
set its texts again on LanguageChange, for a choice a translator makes once. So the choice is saved and the window
says it takes effect when Tarjama starts again.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QMenu, QMessageBox

from tarjama.ui.shell.i18n import ARABIC, AUTONYMS, ENGLISH, SYSTEM, language_choice, set_language_choice

if TYPE_CHECKING:
    from tarjama.ui.common.host import WindowHost


class LanguageMenu(QObject):
    def __init__(self, window: WindowHost, menu: QMenu) -> None:
        super().__init__(window)
        self.window = window
        group = QActionGroup(self)
        self.actions: dict[str, QAction] = {}
        labels = {SYSTEM: self.tr("&System language"), ENGLISH: AUTONYMS[ENGLISH], ARABIC: AUTONYMS[ARABIC]}
        chosen = language_choice(window.settings)
        for choice, label in labels.items():
            action = QAction(label, self, checkable=True)
            action.setChecked(choice == chosen)
            action.triggered.connect(lambda checked=False, c=choice: self.choose(c))
            group.addAction(action)
            menu.addAction(action)
            self.actions[choice] = action

    def choose(self, choice: str) -> None:
        if choice == language_choice(self.window.settings):
            return
        set_language_choice(self.window.settings, choice)
        message = self.tr("The new language is used from the next time Tarjama starts.")
        self.window.statusBar().showMessage(message, 10000)
        if self.window.modal_errors:
            QMessageBox.information(self.window, self.tr("Language"), message)
