"""Window actions as the menus, toolbars and panes share them."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QWidget

#: Edit → Insert next tag: memoQ's key. Not Trados's Ctrl+Alt+Down: on Windows Ctrl+Alt is AltGr, which some keyboards
#: need for typing. No other action of the window has it (`tests/test_window_tags.py` checks every one).
INSERT_TAG_KEY = "F9"


def make_action(
    window: QWidget,
    text: str,
    slot: Callable[[], object],
    shortcuts: Sequence[str | QKeySequence | QKeySequence.StandardKey] = (),
) -> QAction:
    """An action whose shortcuts work anywhere in the window, whether or not it is in an open menu."""
    action = QAction(text, window)
    if shortcuts:
        action.setShortcuts([QKeySequence(s) for s in shortcuts])
    action.triggered.connect(lambda checked=False: slot())
    window.addAction(action)
    return action
