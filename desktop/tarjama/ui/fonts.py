"""The Arabic font shipped as a Python package (OFL), loaded at start so Arabic renders the same everywhere."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QFont, QFontDatabase

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
