"""The bar saying that approved segments are not reaching a translation memory, and how to fix it.

A project whose TM went missing (moved, on an unplugged drive) still opens: the translator can keep working, but
must know their approvals are not being kept for reuse, without a modal box in the way.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

_STYLE = """
QFrame#tmProblemBanner { background: #fde0dc; border: none; border-bottom: 1px solid #e57373; }
QFrame#tmProblemBanner QLabel { color: #5d1a14; }
"""


class TmProblemBanner(QFrame):
    useDefaultRequested = Signal()
    chooseRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("tmProblemBanner")
        self.setStyleSheet(_STYLE)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 3, 8, 3)
        self.label = QLabel()
        self.label.setWordWrap(True)
        self.default_button = QPushButton(self.tr("Use my default memory"))
        self.choose_button = QPushButton(self.tr("Choose a memory…"))
        layout.addWidget(self.label, 1)
        layout.addWidget(self.default_button)
        layout.addWidget(self.choose_button)
        self.default_button.clicked.connect(self.useDefaultRequested)
        self.choose_button.clicked.connect(self.chooseRequested)
        self.hide()  # hidden before it has a parent, so a layout never shows it as a window of its own

    def show_problem(self, problem: str | None) -> None:
        self.label.setText(self.tr("Translation memory: {problem}").format(problem=problem or ""))
        self.setVisible(problem is not None)
