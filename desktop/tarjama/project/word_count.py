"""Words and characters of a source segment, counted as memoQ and Trados count Arabic for a quote.

* One word per space-separated token: an Arabic clitic stays attached to its word (وبالمدينة, "and in the city", is
  one word; the prefixes و, ب, ال and the suffixed pronouns are never split off), as both tools count Arabic.
* A number is a word (2024, ١٢, 3.5 and 1,000 are one word each), as both tools count numbers by default.
* A token of punctuation or symbols alone (a dash, "،", "...", "%") is no word: it has no letter and no digit.
* Inline tag marks are neither words nor characters: a bold word counts as the same word unformatted, and a tag
  standing between two spaces adds nothing (`tarjama.inline_tags.plain`).
* Characters are counted without spaces: every letter, digit, punctuation mark and symbol; not whitespace, not the
  harakat and other combining marks, not tatweel and not the invisible bidi and joining controls, which change how
  a word is written, not what the translator has to translate (the memory's matching ignores them too, see
  `tarjama.arabic`).
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

from tarjama.inline_tags import plain

#: Categories of code points that are not counted as characters: spacing, combining marks, invisible controls.
_NOT_CHARACTERS = frozenset({"Zs", "Zl", "Zp", "Cc", "Cf", "Mn", "Me"})
_TATWEEL = "\u0640"


@dataclass(frozen=True)
class TextCount:
    words: int
    characters: int


def is_word(token: str) -> bool:
    """Whether a space-separated token counts as a word: it holds a letter or a digit."""
    return any(character.isalnum() for character in token)


def count_characters(text: str) -> int:
    return sum(
        1 for character in text if character != _TATWEEL and unicodedata.category(character) not in _NOT_CHARACTERS
    )


def count_text(source: str) -> TextCount:
    """The words and characters of a segment's source (coded text: tag marks are left out first)."""
    text = plain(source)
    return TextCount(sum(1 for token in text.split() if is_word(token)), count_characters(text))
