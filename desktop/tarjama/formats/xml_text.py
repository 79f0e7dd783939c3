"""XML written as text rather than built as elements (a TMX export writes a million `<tu>`s this way): what each
character must become, and which characters XML cannot hold at all. Shared by the `<tu>` writer
(`tarjama.formats.tmx`) and the inline tags it writes (`tarjama.formats.tmx_inline`).
"""

from __future__ import annotations

import re

# Characters XML 1.0 cannot hold (C0 controls but tab, LF and CR; lone surrogates; U+FFFE and U+FFFF), which
# lxml refuses to write, and the bidi controls (LRM, RLM, ALM, embeddings/overrides, isolates), which editors
# insert invisibly around Arabic and which would make the same sentence miss its own TM match in another tool.
_UNWRITABLE = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff\u200e\u200f\u061c\u202a-\u202e\u2066-\u2069]"
)

# What element content must escape: `&` first (it begins every reference), `<` and `>`, and CR, which a parser
# would otherwise turn into LF. An attribute value in double quotes also escapes the quote, and tab and LF, which
# a parser would otherwise turn into spaces.
_TEXT_REFERENCES = (("&", "&amp;"), ("<", "&lt;"), (">", "&gt;"), ("\r", "&#13;"))
_ATTRIBUTE_REFERENCES = (*_TEXT_REFERENCES, ('"', "&quot;"), ("\t", "&#9;"), ("\n", "&#10;"))


def escaped_text(text: str, references: tuple[tuple[str, str], ...] = _TEXT_REFERENCES) -> str:
    # Each `in` test is a fast scan, and most text holds none of these characters, so it is returned as it is.
    for character, reference in references:
        if character in text:
            text = text.replace(character, reference)
    return text


def escaped_attribute(value: str) -> str:
    """A value for an attribute in double quotes."""
    return escaped_text(value, _ATTRIBUTE_REFERENCES)


def clean(text: str) -> str:
    """`text` without the characters XML cannot hold, nor the invisible bidi controls (see `_UNWRITABLE`)."""
    # Every character _UNWRITABLE matches is non-printable, so the common all-printable text skips the regex.
    return text if text.isprintable() else _UNWRITABLE.sub("", text)
