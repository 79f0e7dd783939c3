"""The Arabic matching rules: each rule on sentences of its own, then properties over generated Arabic text.

The sentences are written for these tests; the generated ones mix Arabic letters, Latin letters, digits of three
systems, punctuation and spaces.
"""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tarjama import arabic
from tarjama.arabic import (
    difference_flags,
    match_words,
    normalise_for_matching,
    normalise_with_offsets,
    scoring_words,
)

# -- each rule --------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        # harakat, shadda, sukun, tanwin and the dagger alef go
        ("كَتَبَ الطَّالِبُ دَرْسَهُ", "كتب الطالب درسه"),
        ("شُكْرًا جَزِيلًا", "شكرا جزيلا"),
        ("هٰذا كتابٌ", "هذا كتاب"),
        # tatweel
        ("جمـــيل جـداً", "جميل جدا"),
        # alef forms: hamza above, below, madda, wasla
        ("أحمد إبراهيم آمن ٱلعلم", "احمد ابراهيم امن العلم"),
        # alef maqsura and ta marbuta
        ("مشى إلى المدرسة", "مشي الي المدرسه"),
        # presentation forms (lam-alef ligature, isolated and final forms)
        ("ﻻ ﺑﺄﺱ", "لا باس"),
        # combining hamza and madda written as separate marks
        ("ا\u0654حمد ا\u0653من", "احمد امن"),
        # Arabic-Indic and Extended Arabic-Indic digits
        ("عام ٢٠١٦ و۲۰۱۷", "عام 2016 و2017"),
        # bidi controls
        ("\u200fقال\u200e \u202bمرحبا\u202c \u2067عالم\u2069\u061c", "قال مرحبا عالم"),
        # whitespace runs of any kind, and the ends
        ("  قال\u00a0\u00a0المتحدث\t\nإن  ", "قال المتحدث ان"),
        # Latin case
        ("زار وفد من UNICEF وUNHCR", "زار وفد من unicef وunhcr"),
    ],
)
def test_each_rule(raw: str, expected: str) -> None:
    assert normalise_for_matching(raw) == expected


def test_raw_forms_are_only_unified_not_otherwise_changed() -> None:
    # Letters outside the rules (ؤ، ئ، ء، ه، ي) stay as they are.
    assert normalise_for_matching("مسؤول قائد ماء") == "مسؤول قائد ماء"


def test_match_words_drop_punctuation() -> None:
    assert match_words(normalise_for_matching("قال: «نعم»، ثم غادر!")) == ["قال", "نعم", "ثم", "غادر"]
    assert match_words("covid_19 test") == ["covid", "19", "test"]


def test_scoring_words_treat_numbers_alike_unless_only_numbers() -> None:
    assert scoring_words("قتل 5 اشخاص عام 2016م") == ["قتل", "0", "اشخاص", "عام", "0م"]
    assert scoring_words("15 2017") == ["15", "2017"]


@pytest.mark.parametrize(
    ("query", "candidate", "flags"),
    [
        ("قتل 5 اشخاص", "قتل 5 اشخاص", set()),
        ("قتل 5 اشخاص", "قتل 6 اشخاص", {"digits"}),
        ("في عام 2016", "في عام 2017.", {"digits", "punctuation"}),
        ("قال، نعم", "قال نعم", {"punctuation"}),
        ("قال نعم", "قال: نعم!", {"punctuation"}),
        ("قتل 5 اشخاص", "جرح 5 اشخاص", set()),
        ("15", "2017", set()),
    ],
)
def test_difference_flags(query: str, candidate: str, flags: set[str]) -> None:
    assert difference_flags(query, candidate) == flags


def test_offsets_point_back_into_the_raw_text() -> None:
    raw = "  وَصَلَ الـــوفدُ\u200f إلى   العاصمة"
    normalised, offsets = normalise_with_offsets(raw)
    assert normalised == normalise_for_matching(raw) == "وصل الوفد الي العاصمه"
    assert len(offsets) == len(normalised)
    start = normalised.index("الوفد")
    span = (offsets[start][0], offsets[start + len("الوفد") - 1][1])
    assert raw[span[0] : span[1]] == "الـــوفدُ"  # the tatweel inside and the damma after come along


# -- properties -------------------------------------------------------------------------------------------------

ARABIC_LETTERS = "ابتثجحخدذرزسشصضطظعغفقكلمنهوي" + "ءؤئ"
HARAKAT = [chr(c) for c in range(0x064B, 0x0653)] + ["\u0670"]
BIDI = ["\u200e", "\u200f", "\u061c", "\u202a", "\u202b", "\u202c", "\u202d", "\u202e", "\u2066", "\u2067",
        "\u2068", "\u2069"]
ALEFS = "اأإآٱ"
SPACES = [" ", "  ", "\t", "\n", "\u00a0", "\u2003"]

# A word: Arabic letters (with bare alefs, ى and ة where they may stand) or Latin letters or Western digits.
arabic_word = st.text(alphabet=ARABIC_LETTERS + "اىة", min_size=1, max_size=8)
other_word = st.sampled_from(["UN", "Gaza", "covid", "2016", "15", "7"])
word = st.one_of(arabic_word, arabic_word, arabic_word, other_word)
punctuation = st.sampled_from(["", "", "", ".", "،", "؟", "!", ":", "«", "»"])
sentence_words = st.lists(st.tuples(word, punctuation), min_size=1, max_size=12)


def plain(words: list[tuple[str, str]]) -> str:
    return " ".join(w + p for w, p in words)


@st.composite
def respelt(draw: st.DrawFn, words: list[tuple[str, str]]) -> str:
    """The same sentence as a writer might type it: marks, tatweel, bidi controls, other alefs, other digits,
    other spacing."""
    out = [draw(st.sampled_from(SPACES[:2]))]
    for index, (w, p) in enumerate(words):
        if index:
            out.append(draw(st.sampled_from(SPACES)))
        if draw(st.booleans()):
            out.append(draw(st.sampled_from(BIDI)))
        for position, char in enumerate(w):
            if char == "ا":
                char = draw(st.sampled_from(ALEFS))
            elif char in "يى":
                char = draw(st.sampled_from("يى"))
            elif char in "هة":
                char = draw(st.sampled_from("هة"))
            elif char.isdigit():
                char = draw(st.sampled_from([char, chr(0x0660 + int(char)), chr(0x06F0 + int(char))]))
            elif char.isascii() and char.isalpha() and draw(st.booleans()):
                char = char.swapcase()
            out.append(char)
            if char in ARABIC_LETTERS + ALEFS:
                out.extend(draw(st.lists(st.sampled_from(HARAKAT), max_size=2)))
                if position < len(w) - 1 and draw(st.integers(0, 4)) == 0:
                    out.append("\u0640")
        out.append(p)
    out.append(draw(st.sampled_from(["", " ", "\u200f"])))
    return "".join(out)


@settings(max_examples=500)
@given(st.text())
def test_idempotent_on_any_text(text: str) -> None:
    once = normalise_for_matching(text)
    assert normalise_for_matching(once) == once


@settings(max_examples=500)
@given(st.text())
def test_offsets_agree_with_the_normal_form(text: str) -> None:
    normalised, offsets = normalise_with_offsets(text)
    assert normalised == normalise_for_matching(text)
    assert all(0 <= start < end <= len(text) for start, end in offsets)


@pytest.mark.slow
@settings(max_examples=300)
@given(st.data(), sentence_words)
def test_spelling_variants_do_not_change_the_normal_form(data: st.DataObject, words: list[tuple[str, str]]) -> None:
    variant = data.draw(respelt(words))
    assert normalise_for_matching(variant) == normalise_for_matching(plain(words))


@settings(max_examples=300)
@given(st.data(), sentence_words)
def test_a_real_letter_change_changes_the_normal_form(data: st.DataObject, words: list[tuple[str, str]]) -> None:
    text = plain(words)
    candidates = [i for i, char in enumerate(text) if char in "بتنيسش"]
    if not candidates:
        text, candidates = text + " ب", [len(text) + 1]
    index = data.draw(st.sampled_from(candidates))
    swaps = {"ب": "ت", "ت": "ث", "ن": "ب", "ي": "ن", "س": "ش", "ش": "س"}
    changed = text[:index] + swaps[text[index]] + text[index + 1 :]
    assert normalise_for_matching(changed) != normalise_for_matching(text)


def test_normal_form_is_nfkc_and_has_no_marks() -> None:
    normalised = normalise_for_matching("ﷺ ﻷ ﴿آيةٌ﴾ ﹰ")
    assert unicodedata.is_normalized("NFKC", normalised)
    assert not any(0x064B <= ord(c) <= 0x065F or c == "\u0670" for c in normalised)


_TABLE_CHARACTERS = "".join(map(chr, arabic._TABLE)) + "ابتثجحخدذرزسشصضطظعغفقكلمنهويء0123456789 abcXYZ"


@settings(max_examples=1000)
@given(st.text() | st.text(alphabet=_TABLE_CHARACTERS))
def test_the_fast_table_does_what_translate_with_the_table_does(text: str) -> None:
    """`_apply_table` is the normalisation table applied by searching for what it changes: on any text, and on
    text made of the very characters it changes, it gives what `str.translate` gives."""
    assert arabic._apply_table(text) == text.translate(arabic._TABLE)
