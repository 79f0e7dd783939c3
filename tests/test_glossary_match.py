"""Finding glossary terms in Arabic sentences: attached clitics, whole words only, spans in the raw text."""

from __future__ import annotations

import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tarjama.domain import GlossaryEntry, TermHit
from tarjama.glossary.matching import TermFinder


def entry(source: str, english: str = "x") -> GlossaryEntry:
    return GlossaryEntry(source=source, targets=(english,))


NUSRA = entry("النصرة", "Nusra Front")
FSA = entry("الجيش الحر", "Free Syrian Army")
ARMY = entry("جيش", "army")
LESSON = entry("درس", "lesson")
NIGHT = entry("الليل", "night")
LEBANON = entry("لبنان", "Lebanon")
GOD = entry("الله", "God")
FINDER = TermFinder([NUSRA, FSA, ARMY, LESSON, NIGHT, LEBANON, GOD])


def found(text: str, finder: TermFinder = FINDER) -> list[tuple[str, str]]:
    """(term, the raw text at its span) for every hit, in order."""
    return [(hit.entry.source, text[hit.start:hit.end]) for hit in finder.find_terms(text)]


@pytest.mark.parametrize(
    ("text", "term", "words"),
    [
        ("والنصرة", "النصرة", "والنصرة"),
        ("فالنصرة", "النصرة", "فالنصرة"),
        ("بالنصرة", "النصرة", "بالنصرة"),
        ("كالنصرة", "النصرة", "كالنصرة"),
        ("للنصرة", "النصرة", "للنصرة"),  # ل + ال, the article's alef dropped
        ("وللنصرة", "النصرة", "وللنصرة"),
        ("فللنصرة", "النصرة", "فللنصرة"),
        ("وبالنصرة", "النصرة", "وبالنصرة"),
        ("بالجيش الحر", "الجيش الحر", "بالجيش الحر"),
        ("وجيش", "جيش", "وجيش"),
        ("وبجيش", "جيش", "وبجيش"),
        ("فلجيش", "جيش", "فلجيش"),
        ("وكجيش", "جيش", "وكجيش"),
        ("للجيش", "جيش", "للجيش"),  # a term without the article matches with it
        ("لليل", "الليل", "لليل"),  # ل + الليل: a noun starting with lam keeps one more lam only
        ("ولله", "الله", "ولله"),
        ("للبنان", "لبنان", "للبنان"),
    ],
)
def test_attached_clitics_are_allowed(text: str, term: str, words: str) -> None:
    assert found(f"قال المتحدث إن {text} اليوم") == [(term, words)]


def test_a_term_without_the_article_matches_with_it_and_the_written_form_wins() -> None:
    assert found("الجيش") == [("جيش", "الجيش")]
    with_both = TermFinder([ARMY, entry("الجيش", "the army")])
    assert found("وصل الجيش", with_both) == [("الجيش", "الجيش")]
    assert found("وصل جيش", with_both) == [("جيش", "جيش")]


@pytest.mark.parametrize(
    ("text", "term"),
    [
        ("مدرسة", LESSON),  # inside another word: م is no proclitic
        ("درسة", LESSON),  # nothing may follow the term in its word
        ("دروس", LESSON),
        ("تدريس", LESSON),
        ("جيشه", ARMY),  # not even a pronoun suffix
        ("جيوش", ARMY),
        ("النصرةية", NUSRA),
        ("نصرة المظلوم", NUSRA),  # a term written with the article needs it in the text
        ("الجيش الحرية", FSA),  # the last word of a multi-word term must end where the term ends
        ("الجيش، الحر", FSA),  # punctuation between the words of a multi-word term
        ("الحر الجيش", FSA),
        ("جيش الحر", FSA),  # later words are exact: no article added or dropped
    ],
)
def test_no_match_inside_or_across_words(text: str, term: GlossaryEntry) -> None:
    assert found(f"قال {text} اليوم", TermFinder([term])) == []


def test_a_stripped_proclitic_must_leave_two_letters() -> None:
    one_letter = TermFinder([entry("ي")])
    assert found("ي", one_letter) == [("ي", "ي")]
    assert found("وي في لي الى", one_letter) == []  # «الى» is how إلى normalises, not ال + ي
    assert found("ولي", TermFinder([entry("لي")])) == [("لي", "ولي")]


def test_spans_are_raw_under_harakat_tatweel_hamza_and_invisible_marks() -> None:
    finder = TermFinder([entry("الأمم المتحدة", "United Nations"), entry("إدلب", "Idlib"), NUSRA])
    text = "قالت الاُمَمُ الـمـتّحدة‎ إنّ «النُّصْــرَةَ» في ادلب، وللأمم المتحدة رأي."
    assert found(text, finder) == [
        ("الأمم المتحدة", "الاُمَمُ الـمـتّحدة"),
        ("النصرة", "النُّصْــرَةَ"),
        ("إدلب", "ادلب"),
        ("الأمم المتحدة", "وللأمم المتحدة"),
    ]


def test_longest_match_wins_on_overlap_and_hits_come_in_text_order() -> None:
    finder = TermFinder([ARMY, entry("الجيش السوري", "Syrian army"), entry("الجيش السوري الحر", "FSA"),
                         entry("السوري", "Syrian")])
    text = "انسحب الجيش السوري الحر ثم الجيش السوري"
    hits = finder.find_terms(text)
    assert [(hit.entry.targets[0], text[hit.start:hit.end]) for hit in hits] == [
        ("FSA", "الجيش السوري الحر"),
        ("Syrian army", "الجيش السوري"),
    ]
    assert all(isinstance(hit, TermHit) for hit in hits)


def test_several_words_need_the_same_spacing_after_normalisation() -> None:
    assert found("بالجيش   الحرّ") == [("الجيش الحر", "بالجيش   الحرّ")]
    assert found("بالجيش\nالحر") == [("الجيش الحر", "بالجيش\nالحر")]


def test_empty_glossary_and_text_without_words() -> None:
    assert TermFinder([]).find_terms("والنصرة") == []
    assert not TermFinder([entry("...")])
    assert FINDER.find_terms("") == [] and FINDER.find_terms(" ، . ") == []


_MARKS = st.sampled_from(["", "\u064e", "\u064f", "\u0650", "\u0651", "\u0652", "\u0640", "\u200f"])


@settings(max_examples=200, deadline=None)
@given(st.lists(_MARKS, min_size=6, max_size=6), st.sampled_from(["", "و", "ف", "ب", "وب", "فك"]))
def test_raw_span_of_a_marked_term_covers_exactly_its_word(marks: list[str], clitic: str) -> None:
    word = clitic + "".join(letter + mark for letter, mark in zip("النصرة", marks, strict=True))
    text = f"بيان {word}، ثم"
    hits = TermFinder([NUSRA]).find_terms(text)
    assert len(hits) == 1
    # Tatweel and bidi marks are no combining marks: after the last letter they are outside the word.
    assert text[hits[0].start:hits[0].end] == word.rstrip("\u0640\u200f")


def _seconds_to_search(finder: TermFinder, sentences: list[str]) -> float:
    best = float("inf")
    for _ in range(3):
        started = time.perf_counter()
        for sentence in sentences:
            finder.find_terms(sentence)
        best = min(best, time.perf_counter() - started)
    return best


def test_a_large_glossary_is_indexed_not_scanned() -> None:
    """A thousand times more terms may not make a search much slower: terms are looked up by word, not scanned."""
    letters = "بتثجحخدذرزسشصضطظعغقمنهي"
    invented = [letters[i % 23] + letters[i // 23 % 23] + letters[i // 529 % 23] + "ا" for i in range(20_000)]
    sentences = [f"أعلن المتحدث باسم الجيش الحر أن المفاوضات ستستأنف في جنيف {number}" for number in range(300)]
    small = TermFinder([FSA, *map(entry, invented[:20])])
    large = TermFinder([FSA, *map(entry, invented)])
    assert found(sentences[0], large) == [("الجيش الحر", "الجيش الحر")]
    assert _seconds_to_search(large, sentences) < 5 * _seconds_to_search(small, sentences) + 0.05
