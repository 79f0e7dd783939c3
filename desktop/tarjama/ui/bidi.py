"""Text of one direction shown inside the other: English from the core in the Arabic UI, dates and file names
among Arabic details.

Views and the status bar lay each text out as a paragraph in the UI's direction, so in the Arabic UI an English
sentence's final full stop moves to its start and a date beside Arabic words reads backwards. A Unicode isolate,
which shows nothing, makes the piece keep the direction of its own first letter.
"""

from __future__ import annotations

FIRST_STRONG_ISOLATE = "\u2068"
POP_DIRECTIONAL_ISOLATE = "\u2069"


def isolated(text: str) -> str:
    """`text` laid out in the direction of its first letter (left to right when it has none, like a date)."""
    return f"{FIRST_STRONG_ISOLATE}{text}{POP_DIRECTIONAL_ISOLATE}" if text else text
