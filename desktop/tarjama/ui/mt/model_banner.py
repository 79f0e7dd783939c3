"""The yellow bar saying that machine translation is off because no Arabic→English package is installed.

Tarjama works without a model (editing, memory, export), so a missing package must not block the window or pop up
a modal box at start: a slim bar says so and offers the two ways to get one. The window decides what the buttons
do (usually: open :class:`tarjama.ui.mt.models_dialog.ModelsDialog`) and calls :meth:`MissingModelBanner.refresh`
whenever the installed packages may have changed.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

from tarjama import mt

_STYLE = """
QFrame#missingModelBanner { background: #fff3bf; border: none; border-bottom: 1px solid #e6c84f; }
QFrame#missingModelBanner QLabel { color: #4a3b00; }
"""


def arabic_english_installed() -> bool:
    """True when the engine would find an Arabic→English package (the test the translate action relies on)."""
    try:
        mt.find_package()
    except (mt.PackageNotFoundError, OSError):
        return False  # an unreadable packages folder means no usable package, same as an empty one
    return True


class MissingModelBanner(QFrame):
    """Shown only while no Arabic→English package is installed; emits a signal for each way to install one."""

    installFromFileRequested = Signal()
    downloadRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("missingModelBanner")
        self.setStyleSheet(_STYLE)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 3, 8, 3)
        self.label = QLabel(
            self.tr(
                "No Arabic→English translation package is installed. Machine translation is off; everything else works."
            )
        )
        self.label.setWordWrap(True)
        self._default_text = self.label.text()
        self.install_button = QPushButton(self.tr("Install from file…"))
        self.download_button = QPushButton(self.tr("Download…"))
        layout.addWidget(self.label, 1)
        layout.addWidget(self.install_button)
        layout.addWidget(self.download_button)
        self.install_button.clicked.connect(self.installFromFileRequested)
        self.download_button.clicked.connect(self.downloadRequested)
        # Only hide here, never show: showing a banner that has no parent yet would open it as a window of its
        # own. A layout shows a child it receives unless it was hidden, so adding it to one is enough.
        if arabic_english_installed():
            self.hide()

    def refresh(self) -> bool:
        """Shows the bar if no Arabic→English package is installed, hides it otherwise; returns True if shown."""
        missing = not arabic_english_installed()
        if not missing:
            self.label.setText(self._default_text)  # a notice about the missing package is out of date
        self.setVisible(missing)
        return missing

    def show_notice(self, text: str) -> None:
        """Says `text` (what was just done without a package, say) with the two ways to install one beside it.

        The label wraps, so a report of a few sentences is read in full here where the status bar would cut it
        off; it stays until a package is installed."""
        self.label.setText(text)
        self.setVisible(True)
