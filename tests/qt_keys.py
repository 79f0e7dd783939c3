"""Typing as a person does, one key event per character.

`qtbot.keyClicks` aborts the process on Arabic text, so each character is sent as a key press/release pair that
carries the character as its text, which is what an input method delivers to the widget.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QWidget


def type_text(widget: QWidget, text: str) -> None:
    for char in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, char))
    QApplication.processEvents()


def press(widget: QWidget, key: Qt.Key, modifiers: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
    """A shortcut as the user presses it, going through Qt's shortcut machinery (so window actions fire)."""
    from PySide6.QtTest import QTest

    QTest.keyClick(widget, key, modifiers)
    QApplication.processEvents()
