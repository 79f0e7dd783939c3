"""What a tag type is called in the UI's language: the core's names (`tarjama.inline_tags.TAG_TYPE_NAMES`)
translated, for the chips' tooltips and the QA pane alike."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

#: The core's names (`tarjama.inline_tags.TAG_TYPE_NAMES`) marked for lupdate; a test keeps the two equal.
TAG_TYPE_NAMES_MARKED = {
    "bold": QT_TRANSLATE_NOOP("TagTypes", "bold"),
    "italic": QT_TRANSLATE_NOOP("TagTypes", "italic"),
    "underline": QT_TRANSLATE_NOOP("TagTypes", "underline"),
    "link": QT_TRANSLATE_NOOP("TagTypes", "link"),
    "format": QT_TRANSLATE_NOOP("TagTypes", "formatting"),
    "footnote": QT_TRANSLATE_NOOP("TagTypes", "footnote"),
    "endnote": QT_TRANSLATE_NOOP("TagTypes", "endnote"),
    "break": QT_TRANSLATE_NOOP("TagTypes", "line break"),
    "tab": QT_TRANSLATE_NOOP("TagTypes", "tab"),
    "image": QT_TRANSLATE_NOOP("TagTypes", "image"),
    "field": QT_TRANSLATE_NOOP("TagTypes", "field"),
    "char": QT_TRANSLATE_NOOP("TagTypes", "special character"),
}



def tag_type_name(tag_type: str) -> str:
    """A type no format named yet is shown as it is written."""
    english = TAG_TYPE_NAMES_MARKED.get(tag_type)
    return QCoreApplication.translate("TagTypes", english) if english else tag_type
