"""Splits a segment that is too long for the model into pieces that fit, at the most natural boundaries.

A model has a hard limit on input length (the size of its position table) and, well before it, a practical one:
Argos models are trained on sentences and drop whole clauses from much longer inputs. Rather than let CTranslate2
truncate silently, an over-long segment is cut after sentence-final punctuation first, then after clause
punctuation (Arabic and Latin commas, semicolons, colons), then between words, and only as a last resort inside
a word. Adjacent pieces are packed back together while they still fit, so the model keeps as much context as it
can. Joining the pieces with single spaces gives back the segment with its whitespace normalised.
"""

from __future__ import annotations

import re
from collections.abc import Callable

_BOUNDARIES = (
    re.compile(r"(?<=[.!?\u061F\u06D4\u2026])\s+"),  # . ! ? ؟ ۔ …
    re.compile(r"(?<=[\u060C\u061B;:,])\s+"),  # ، ؛ ; : ,
    re.compile(r"(?<=[\u2013\u2014)\]»\"])\s+|\s+(?=[\u2013\u2014(\[«\"])"),  # dashes, brackets, quotes
    re.compile(r"\s+"),  # between words
)


def split_to_fit(text: str, fits: Callable[[str], bool]) -> list[str]:
    """Returns pieces of ``text`` in order, each accepted by ``fits``; [text] when it fits already."""
    text = " ".join(text.split())
    if not text or fits(text):
        return [text] if text else []
    return _split(text, fits, 0)


def _split(text: str, fits: Callable[[str], bool], level: int) -> list[str]:
    if level >= len(_BOUNDARIES):
        return _cut_inside_word(text, fits)
    parts = [part for part in _BOUNDARIES[level].split(text) if part]
    if len(parts) == 1:
        return _split(text, fits, level + 1)
    pieces: list[str] = []
    current = ""
    for part in parts:
        candidate = f"{current} {part}" if current else part
        if fits(candidate):
            current = candidate
            continue
        if current:
            pieces.append(current)
        if fits(part):
            current = part
        else:
            pieces.extend(_split(part, fits, level + 1))
            current = ""
    if current:
        pieces.append(current)
    return pieces


def _cut_inside_word(text: str, fits: Callable[[str], bool]) -> list[str]:
    """Last resort for a single 'word' longer than the limit (a URL, a run of digits): longest fitting prefixes."""
    pieces: list[str] = []
    while text:
        low, high = 1, len(text)
        while low < high:  # longest prefix that fits, at least one character so the loop always advances
            middle = (low + high + 1) // 2
            if fits(text[:middle]):
                low = middle
            else:
                high = middle - 1
        pieces.append(text[:low])
        text = text[low:]
    return pieces
