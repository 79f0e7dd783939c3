"""The Arabic font shipped as a Python package (OFL), loaded at start so Arabic renders the same everywhere."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QFont, QFontDatabase, QFontMetricsF

FALLBACK_FAMILY = "Noto Sans Arabic"


def _font_files() -> list[Path]:
    try:
        import fontpkg_noto_sans_arabic as noto
    except ImportError:
        return []
    return sorted((Path(noto.ROOT) / "files").glob("*.ttf"))


def load_arabic_font(point_size: int = 13) -> QFont:
    """Register the packaged font with Qt and return a font for the source column.

    If the package is missing the family name is still requested, so an installed system copy is used instead.
    """
    family = FALLBACK_FAMILY
    for file in _font_files():
        font_id = QFontDatabase.addApplicationFont(str(file))
        families = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
        if families:
            family = families[0]
    font = QFont(family)
    font.setPointSize(point_size)
    return font


#: How far `matching_latin_font` may move the English size away from the Arabic one: a font with odd or missing
#: x-height metrics (a fallback without an OS/2 table) must not make the target tiny or huge.
_MATCH_LIMITS = (0.8, 1.25)
#: The two fonts' x-heights are compared this large, where hinting no longer rounds them to whole pixels: the ratio
#: then belongs to the designs, so it stays the same at every zoom.
_REFERENCE_PIXELS = 1000


def _x_height_ratio(arabic: QFont, latin: QFont) -> float:
    arabic, latin = QFont(arabic), QFont(latin)
    arabic.setPixelSize(_REFERENCE_PIXELS)
    latin.setPixelSize(_REFERENCE_PIXELS)
    arabic_x, latin_x = QFontMetricsF(arabic).xHeight(), QFontMetricsF(latin).xHeight()
    if arabic_x <= 0 or latin_x <= 0:
        return 1.0
    return min(_MATCH_LIMITS[1], max(_MATCH_LIMITS[0], arabic_x / latin_x))


def matching_latin_font(latin: QFont, arabic: QFont) -> QFont:
    """`latin`'s family, sized so its lowercase letters stand about as tall as the Arabic letters of `arabic`.

    Both columns are read side by side, so the English should look as large as the Arabic, not merely be set in
    the same point size: a point size says how big the em is, not the letters in it, and fonts of the two scripts
    fill their ems differently. The x-height says how big the letters look: the height of the Latin lowercase,
    and in Noto Sans Arabic that of the Arabic letter bodies (bowls such as ه, the teeth of س) and, in proportion,
    of its alif and lam, as the Latin capitals are. So the English size is the Arabic size times the ratio of the
    two fonts' x-heights, within `_MATCH_LIMITS`. For Noto Sans Arabic with DejaVu Sans that is 0.97, with Segoe
    UI or Helvetica close to 1: in practice the same point size, measured rather than assumed.
    """
    font = QFont(latin)
    ratio = _x_height_ratio(arabic, latin)
    if arabic.pointSizeF() > 0:
        font.setPointSizeF(arabic.pointSizeF() * ratio)
    else:
        font.setPixelSize(max(1, round(arabic.pixelSize() * ratio)))
    return font


def zoomed(font: QFont, percent: int) -> QFont:
    """A copy of `font` at `percent` of its size."""
    font = QFont(font)
    if font.pointSizeF() > 0:
        font.setPointSizeF(font.pointSizeF() * percent / 100)
    else:
        font.setPixelSize(max(1, round(font.pixelSize() * percent / 100)))
    return font
