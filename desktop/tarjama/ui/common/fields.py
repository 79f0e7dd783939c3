"""Input fields aligned for the language typed in them rather than the UI's.

A QLineEdit lays its text out in the direction of the text's first letter, whatever the widget's layout direction,
and while empty it puts the caret and placeholder at the left even in the Arabic UI. So a field meant for one
language is given that language's side as an absolute alignment: an English term or a file path is flush left (an
entry that begins with an Arabic word too), an Arabic term flush right from the first keystroke, in either UI.
Fields that take either language (searches, notes) keep Qt's following of what is typed.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit


def english_field(edit: QLineEdit) -> QLineEdit:
    """`edit`, left to right and flush left in either UI: for English text and file paths."""
    return _aligned(edit, Qt.LayoutDirection.LeftToRight, Qt.AlignmentFlag.AlignLeft)


def arabic_field(edit: QLineEdit) -> QLineEdit:
    """`edit`, right to left and flush right in either UI: for Arabic text."""
    return _aligned(edit, Qt.LayoutDirection.RightToLeft, Qt.AlignmentFlag.AlignRight)


def _aligned(edit: QLineEdit, direction: Qt.LayoutDirection, side: Qt.AlignmentFlag) -> QLineEdit:
    edit.setLayoutDirection(direction)  # where the clear button and context menu go
    edit.setAlignment(side | Qt.AlignmentFlag.AlignAbsolute | Qt.AlignmentFlag.AlignVCenter)
    return edit
