"""Arabic text rules for matching: which spelling differences a translation memory should not see.

Arabic writers vary in ways that do not change the sentence: short vowels (harakat) written or not, tatweel used to
stretch a word, hamza on alef or not, final ya written as alef maqsura, ta marbuta written as ha, Arabic-Indic or
Western digits, presentation-form glyphs pasted from PDFs, invisible bidi controls; and inline tag marks. The TM
matches on a normalised form that removes all of these, while the raw text is what it stores, shows and exports.

The rules are tables applied with `str.translate` (C speed): the benchmark normalises a million units.
"""

from __future__ import annotations

import functools
import re
import unicodedata

from tarjama.inline_tags import MAX_TAGS, OPEN_BASE, STANDALONE_BASE

#: Harakat, Quranic marks, hamza above/below, maddah (U+064B–U+065F) and the superscript (dagger) alef U+0670.
_MARKS = [*range(0x064B, 0x0660), 0x0670]
_TATWEEL = [0x0640]
#: Bidi controls (LRM, RLM, ALM, embeddings, overrides, isolates) and the other invisible joiners and BOM: they
#: come with copy-paste from word processors and browsers and never change what a sentence says.
_INVISIBLE = [0x200B, 0x200C, 0x200D, 0x200E, 0x200F, 0x061C, *range(0x202A, 0x202F), *range(0x2066, 0x206A), 0xFEFF]
_LETTERS = {
    "أ": "ا",
    "إ": "ا",
    "آ": "ا",
    "ٱ": "ا",
    "ى": "ي",
    "ة": "ه",
}
_DIGITS = {0x0660 + i: str(i) for i in range(10)} | {0x06F0 + i: str(i) for i in range(10)}
#: Inline tag marks (`tarjama.inline_tags`): a bold word matches the same word unformatted.
_TAG_MARKS = list(range(OPEN_BASE, STANDALONE_BASE + MAX_TAGS))

_TABLE: dict[int, str | None] = (
    dict.fromkeys(_MARKS + _TATWEEL + _INVISIBLE + _TAG_MARKS) | {ord(k): v for k, v in _LETTERS.items()} | _DIGITS
)

#: What `_TABLE` deletes, and the Arabic-Indic digits it turns into ASCII, each found by one regex search.
_DELETED = re.compile("[" + re.escape("".join(chr(code) for code, value in _TABLE.items() if value is None)) + "]")
_INDIC_DIGIT = re.compile("[" + "".join(map(chr, _DIGITS)) + "]")
_LETTER_CHANGES = list(_LETTERS.items())

_WORD = re.compile(r"[^\W_]+")
_DIGIT_RUN = re.compile(r"\d+")
_NOT_WORD_OR_SPACE = re.compile(r"[^\w\s]|_")


def _apply_table(text: str) -> str:
    """`text.translate(_TABLE)`, four times faster on Arabic (a million units are normalised on import): translate
    looks each character up in a dictionary, while this searches for the few the table changes, and most texts
    hold no deleted mark and no Arabic-Indic digit. The same result, since no change makes a character another
    one changes (tests/test_arabic_normalise.py checks it on any text)."""
    if _DELETED.search(text):
        text = _DELETED.sub("", text)
    for letter, unified in _LETTER_CHANGES:
        if letter in text:
            text = text.replace(letter, unified)
    if _INDIC_DIGIT.search(text):
        text = text.translate(_DIGITS)
    return text


def _fold(text: str) -> str:
    """Compatibility forms, the letter/digit/mark table and case, in the order that makes the result stable.

    NFKC first turns presentation forms (ﻻ, ﺃ) into letters and composes alef + combining hamza into أ, which the
    table then unifies; removing marks can leave a Latin letter next to an accent it could not compose with before,
    so NFKC runs once more at the end (cheaply skipped when the text is already normalised).
    """
    if text.isascii():  # no compatibility form and nothing in the table: only case (half of every unit is English)
        return text.casefold()
    if not unicodedata.is_normalized("NFKC", text):
        text = unicodedata.normalize("NFKC", text)
    text = _apply_table(text).casefold()
    if not text.isascii() and not unicodedata.is_normalized("NFKC", text):
        text = _apply_table(unicodedata.normalize("NFKC", text))
    return text


#: `_fold` of one character and its combining marks, remembered: a text is folded cluster by cluster for offsets,
#: and an Arabic text has few distinct clusters (a TM lookup does this for the query and each match it returns).
_fold_cluster = functools.lru_cache(maxsize=4096)(_fold)


def normalise_for_matching(text: str) -> str:
    """The form two segments are compared in: see the module docstring. Idempotent; never stored for display."""
    return " ".join(_fold(text).split())


def normalise_with_offsets(text: str) -> tuple[str, list[tuple[int, int]]]:
    """Normalise `text` and say, for each character of the result, which span of `text` it came from.

    Concordance and difference highlighting find things in the normalised form and must mark them in the raw text.
    Each base character is normalised together with the combining marks that follow it, so a match that ends on a
    letter also covers its harakat. For ordinary text the result equals `normalise_for_matching(text)`; callers
    search this result, not the stored one, so the offsets stay right in the rare cases where they differ.
    """
    chars: list[str] = []
    spans: list[tuple[int, int]] = []
    start = 0
    length = len(text)
    while start < length:
        end = start + 1
        while end < length and unicodedata.combining(text[end]):
            end += 1
        for char in _fold_cluster(text[start:end]):
            if char.isspace():
                if chars and chars[-1] != " ":
                    chars.append(" ")
                    spans.append((start, end))
            else:
                chars.append(char)
                spans.append((start, end))
        start = end
    if chars and chars[-1] == " ":
        chars.pop()
        spans.pop()
    return "".join(chars), spans


def match_words(normalised: str) -> list[str]:
    """The word tokens scoring compares: runs of letters and digits; punctuation and spacing are dropped."""
    return _WORD.findall(normalised)


def scoring_words(normalised: str) -> list[str]:
    """Words with every run of digits replaced by "0", so a match that differs only in numbers still scores high.

    A text made only of numbers keeps its digits: otherwise "15" would look identical to "2017".
    """
    masked = match_words(_DIGIT_RUN.sub("0", normalised))
    return masked if masked.count("0") < len(masked) else match_words(normalised)  # some word is not a number


def difference_flags(query: str, candidate: str) -> frozenset[str]:
    """What a non-identical pair of normalised texts differs in, when that is all it differs in.

    "punctuation": the same words (spacing and punctuation differ); "digits": the same words except for numbers
    (plus "punctuation" when that differs too). Empty when the texts are identical or differ in words: then the
    score says how much.
    """
    if query == candidate:
        return frozenset()
    query_words, candidate_words = match_words(query), match_words(candidate)
    if query_words == candidate_words:
        return frozenset({"punctuation"})
    if scoring_words(query) != scoring_words(candidate) or not any(
        not word.isdigit() for word in query_words
    ):
        return frozenset()
    flags = {"digits"}
    if _NOT_WORD_OR_SPACE.findall(query) != _NOT_WORD_OR_SPACE.findall(candidate):
        flags.add("punctuation")
    return frozenset(flags)
