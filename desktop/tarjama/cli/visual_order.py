"""Arabic for terminals that draw characters left to right as they come: logical order to visual order.

Most terminals (xterm, Windows Terminal, kitty, Alacritty, macOS Terminal) do not apply the Unicode bidirectional
algorithm, so an Arabic word printed as stored shows with its letters backwards. `visual` returns a line in the
order it must be drawn.

Which python-bidi function, and why neither is used as it is (python-bidi 0.6):

* `bidi.get_display` wraps the Rust crate unicode-bidi, a current UBA with the paired-bracket rule N0, so it
  resolves the *levels* right, but it applies only rules L1-L2: it reverses runs and never mirrors (L4), so every
  bracket or guillemet in a right-to-left run comes out facing the wrong way: "(مرحبا)" → ")ابحرم(", "«نص»" →
  "»صن«", and in an Arabic line "[x]" → "]x[" (an LTR line such as "[x]" or "hello (مرحبا) world" is right,
  since its brackets resolve left to right). It does not apply L3 either, so harakat end up before their letter.
  (python-bidi issue #25.)
* `bidi.algorithm.get_display`, the pure-Python UBA version 5 kept for compatibility, mirrors, but predates N0:
  the two brackets of a pair may resolve differently, e.g. "قال (مرحبا) 12 [x] end" → "x] end] 12 (ابحرم) لاق".
  Brackets around Arabic inside an Arabic line come out right ("(ابحرم)", "«صن»").

So the levels come from the Rust implementation (`debug=True` returns its resolved levels, one per UTF-8 byte),
and this module does L1 (trailing white space to the paragraph level), L2 (reversal), L3 (a letter's combining
marks stay after it, as terminals expect) and L4 (mirrored glyphs at odd levels, from python-bidi's own table).
Should a python-bidi release change that debug output, lines fall back to `get_display` unmirrored rather than fail.
"""

from __future__ import annotations

import re
import unicodedata

from bidi import get_base_level, get_display
from bidi.mirror import MIRRORED

_LEVEL = re.compile(r"Level\(\s*(\d+)")
#: Bidi classes L1 resets at the end of a line (white space, isolates, and what rule X9 removes).
_TRAILING = {"WS", "FSI", "LRI", "RLI", "PDI", "BN", "LRE", "RLE", "LRO", "RLO", "PDF"}


def _levels(text: str) -> list[int] | None:
    """The resolved embedding level of each character, or None when python-bidi's dump is not as expected."""
    dump = get_display(text, debug=True)
    start, end = dump.find("levels:"), dump.find("paragraphs:")
    by_byte = [int(level) for level in _LEVEL.findall(dump, start, end)] if 0 <= start < end else []
    if len(by_byte) != len(text.encode("utf-8")):
        return None
    levels, offset = [], 0
    for char in text:
        levels.append(by_byte[offset])
        offset += len(char.encode("utf-8"))
    return levels


def _reset_trailing(text: str, levels: list[int], base: int) -> None:
    """Rule L1 for a line without segment separators: white space at its end takes the paragraph level."""
    for index in range(len(text) - 1, -1, -1):
        if unicodedata.bidirectional(text[index]) not in _TRAILING:
            return
        levels[index] = base


def visual(line: str) -> str:
    """`line` (one line, no tab) in display order, its base direction from its first strong character."""
    if not line or line.isascii():
        return line
    levels = _levels(line)
    if levels is None:
        return get_display(line)
    _reset_trailing(line, levels, get_base_level(line))
    # A cluster is a character and the combining marks after it; they move together (L3).
    clusters: list[tuple[int, str]] = []
    for char, level in zip(line, levels, strict=True):
        if clusters and unicodedata.category(char).startswith("M"):
            clusters[-1] = (clusters[-1][0], clusters[-1][1] + char)
        else:
            clusters.append((level, MIRRORED.get(char, char) if level % 2 else char))
    highest = max(level for level, _ in clusters)
    lowest_odd = min((level for level, _ in clusters if level % 2), default=highest + 1)
    for floor in range(highest, lowest_odd - 1, -1):
        start = None
        for index in range(len(clusters) + 1):
            inside = index < len(clusters) and clusters[index][0] >= floor
            if inside and start is None:
                start = index
            elif not inside and start is not None:
                clusters[start:index] = clusters[start:index][::-1]
                start = None
    return "".join(text for _, text in clusters)
