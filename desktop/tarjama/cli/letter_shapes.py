"""Joined Arabic letters for terminals that draw each letter in its isolated form (`tarjama-cli --shape`).

arabic-reshaper replaces each letter by the presentation form its neighbours call for (initial, medial, final,
isolated) and lam + alef by their ligature, which such terminals then draw joined. It is configured to keep the
harakat (its default deletes them; a translator checking a vocalised source needs them) and to leave الله as
letters rather than the single ﷲ glyph. The text must be in logical order: shaping comes before reordering.
"""

from __future__ import annotations

from functools import cache

from arabic_reshaper import ArabicReshaper


@cache
def _reshaper() -> ArabicReshaper:
    return ArabicReshaper(configuration={"delete_harakat": False, "arabic ligature allah": False})


def joined(text: str) -> str:
    """`text` with its Arabic letters in the forms that join them (logical order kept)."""
    return text if text.isascii() else _reshaper().reshape(text)
