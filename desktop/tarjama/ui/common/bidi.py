"""Text of one direction shown inside the other: English from the core in the Arabic UI, dates and file names
among Arabic details.

Views and the status bar lay each text out as a paragraph in the UI's direction, so in the Arabic UI an English
sentence's final full stop moves to its start and a date beside Arabic words reads backwards. A Unicode isolate,
which shows nothing, makes the piece keep the direction of its own first letter.
"""

from __future__ import annotations

import re

FIRST_STRONG_ISOLATE = "\u2068"
POP_DIRECTIONAL_ISOLATE = "\u2069"
LEFT_TO_RIGHT_ISOLATE = "\u2066"
ISOLATES = (FIRST_STRONG_ISOLATE, LEFT_TO_RIGHT_ISOLATE, POP_DIRECTIONAL_ISOLATE)
_PERCENTAGE = re.compile(r"[+-]?\d+(?:[.,]\d+)?\s?%")
#: A name filter's pattern list: the last parenthesised part, which QFileDialog needs at the very end.
_FILTER_PATTERNS = re.compile(r"\((?=[^()]*\)\s*$)")


def isolated(text: str) -> str:
    """`text` laid out in the direction of its first letter (left to right when it has none, like a date)."""
    return f"{FIRST_STRONG_ISOLATE}{text}{POP_DIRECTIONAL_ISOLATE}" if text else text


def left_to_right(text: str) -> str:
    """`text` laid out left to right whatever its first letter: English (a target that begins with an untranslated
    Arabic name too), a path, a file pattern."""
    return f"{LEFT_TO_RIGHT_ISOLATE}{text}{POP_DIRECTIONAL_ISOLATE}" if text else text


def with_isolated_percentages(text: str) -> str:
    """`text` with each percentage ("96%", "12.5 %") kept left to right, its sign after the number.

    After Arabic letters the Unicode algorithm reads a number as an Arabic one and leaves the percent sign out of
    it, so "الثقة (96%)" shows as "(%96)"; templates keep the sign outside their placeholder ("{score}%"), so the
    isolate goes round the finished text's percentages rather than round the value."""
    return _PERCENTAGE.sub(lambda match: left_to_right(match.group()), text)


def name_filters(filters: str) -> str:
    """QFileDialog name filters (";;" between them) whose pattern lists read "(*.csv *.tsv)" in the Arabic UI too.

    Only an opening isolate goes before each "(": Qt takes a filter's patterns from between its last brackets only
    when the filter ends with ")", so a closing PDI after it would lose them. An isolate left open ends with its
    paragraph, which is the filter's own line wherever the dialog shows it."""
    return ";;".join(_FILTER_PATTERNS.sub(LEFT_TO_RIGHT_ISOLATE + "(", f, count=1) for f in filters.split(";;"))


def without_isolates(text: str) -> str:
    """`text` without the isolates these functions add: a name filter as the dialog hands it back, say."""
    return "".join(char for char in text if char not in ISOLATES)
