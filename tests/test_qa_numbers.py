"""The numbers check: numerals across Arabic-Indic, Extended Arabic-Indic and Western digits, separators, percent,
scale words and spelled-out numbers, compared as multisets."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tarjama.domain import Segment
from tarjama.qa import CheckName, QaContext, QaIssue, Severity, check_segment
from tarjama.qa.numbers import compare_numbers, find_numbers

ARABIC_INDIC = "٠١٢٣٤٥٦٧٨٩"
EXTENDED = "۰۱۲۳۴۵۶۷۸۹"


def number_issues(source: str, target: str) -> list[QaIssue]:
    segment = Segment(id=7, paragraph_id=1, paragraph_index=0, position=0, source=source, target=target)
    numbers = {CheckName.NUMBER_MISSING, CheckName.NUMBER_EXTRA, CheckName.NUMBER_PERCENT}
    return [issue for issue in check_segment(segment, QaContext()) if issue.check in numbers]


@pytest.mark.parametrize(
    ("source", "target"),
    [
        ("وقع الهجوم عام ٢٠١٦.", "The attack happened in 2016."),
        ("وقع الهجوم عام ۲۰۱۶.", "The attack happened in 2016."),
        ("وقع الهجوم عام 2016.", "The attack happened in 2016."),
        ("قتل 1٣ شخصا.", "13 people were killed."),  # mixed digits are one number
        ("ارتفع التضخم ٣٫٥ ٪.", "Inflation rose 3.5%."),
        ("ارتفع التضخم ٣٫٥٪.", "Inflation rose 3.5 percent."),
        ("ارتفع التضخم بنسبة ٣٫٥ في المئة.", "Inflation rose by 3.5 per cent."),
        ("ارتفع التضخم %3.5.", "Inflation rose 3.5%."),  # the sign before the number, as some Arabic sites type it
        ("نزح ١٬٢٠٠ شخص.", "1,200 people were displaced."),
        ("نزح ١٬٢٠٠ شخص.", "1200 people were displaced."),
        ("نزح 1,200 شخص.", "1200 people were displaced."),
        ("بلغ العجز ١٬٥٠٠٬٠٠٠ دولار.", "The deficit reached $1,500,000."),
        ("قتل ٣ أشخاص.", "Three people were killed."),  # a numeral may be spelled out in English
        ("قتل ثلاثة أشخاص.", "3 people were killed."),  # and a spelled-out Arabic number written as a numeral
        ("قُتِلَ ثَلاثَةُ أشخاص وأربعةٌ آخرون.", "3 people and 4 others were killed."),  # with harakat, with و
        ("قتل ٢٥ شخصا.", "Twenty-five people were killed."),
        ("أقرت خطة لـ١٠ سنوات.", "A ten-year plan was adopted."),
        ("وصل عدد اللاجئين إلى ٣ ملايين.", "The number of refugees reached 3 million."),
        ("وصل عدد اللاجئين إلى ٣ ملايين.", "The number of refugees reached 3,000,000."),
        ("وصل عدد اللاجئين إلى ٣٫٥ مليون.", "The number of refugees reached 3,500,000."),
        ("بلغت الصادرات ٤٥ مليار دولار.", "Exports reached $45bn."),
        ("بلغت الصادرات ١٬٥٠٠٬٠٠٠٬٠٠٠ دولار.", "Exports reached $1.5bn."),
        ("وصل ثلاثة آلاف لاجئ.", "3,000 refugees arrived."),
        ("في ٢٧/٢/٢٠١٦", "On 27 February 2016"),  # a month number becomes the month's name
        ("في ٥ و٦ و٥ آذار", "On March 5, 5 and 6"),  # order does not matter
        ("قال أحدهم إن الوضع سيئ.", "One of them said the situation was bad."),  # "one" is not a number to match
    ],
)
def test_numbers_that_correspond(source: str, target: str) -> None:
    assert number_issues(source, target) == []


def test_a_wrong_year_is_missing_and_extra() -> None:
    target = "The attack happened in 2017."
    missing, extra = number_issues("وقع الهجوم عام ٢٠١٦.", target)
    assert (missing.check, missing.severity) == (CheckName.NUMBER_MISSING, Severity.ERROR)
    assert "٢٠١٦ (2016)" in missing.message and missing.spans == ()
    assert (extra.check, extra.severity) == (CheckName.NUMBER_EXTRA, Severity.WARNING)
    assert [target[a:b] for a, b in extra.spans] == ["2017"]


def test_counts_matter_not_just_values() -> None:
    (issue,) = number_issues("أصيب ٥ جنود و٥ مدنيين.", "5 soldiers and civilians were injured.")
    assert issue.check == CheckName.NUMBER_MISSING and "٥ (5)" in issue.message
    (issue,) = number_issues("أصيب ٥ جنود.", "5 soldiers and 5 civilians were injured.")
    assert issue.check == CheckName.NUMBER_EXTRA


def test_a_spelled_number_cannot_take_the_place_of_a_different_one() -> None:
    (issue,) = number_issues("قتل ٤ أشخاص.", "Three people were killed.")
    assert issue.check == CheckName.NUMBER_MISSING


def test_a_decimal_is_not_its_digits() -> None:
    checks = [i.check for i in number_issues("ارتفع بنسبة ٣٫٥ ٪.", "It rose by 35%.")]
    assert checks == [CheckName.NUMBER_MISSING, CheckName.NUMBER_EXTRA]


def test_a_percentage_on_one_side_only() -> None:
    target = "Inflation rose 3.5."
    (issue,) = number_issues("ارتفع التضخم ٣٫٥ ٪.", target)
    assert issue.check == CheckName.NUMBER_PERCENT and "percentage in the source" in issue.message
    assert [target[a:b] for a, b in issue.spans] == ["3.5"]
    (issue,) = number_issues("ارتفع المؤشر ٣٫٥ نقطة.", "The index rose 3.5%.")
    assert "percentage in the translation" in issue.message


def test_a_scale_word_does_not_make_a_wrong_number_right() -> None:
    checks = [i.check for i in number_issues("وصل عدد اللاجئين إلى ٣ ملايين.", "Refugees reached 300,000.")]
    assert checks == [CheckName.NUMBER_MISSING, CheckName.NUMBER_EXTRA]


def test_each_number_pairs_once_even_when_a_scale_gives_it_two_values() -> None:
    # "3 million" could be the 3 or the 3,000,000; only pairing it with the 3 leaves the 3,000,000 its partner.
    assert compare_numbers("٣ ملايين و٣٠٠٠٠٠٠", "3,000,000 and 3 million").missing == ()


def test_spans_point_into_the_raw_text() -> None:
    source = "قَالَ إنَّ ٣٫٥ ٪ و١٬٢٠٠"
    assert [(m.text, m.plain, m.percent) for m in find_numbers(source)] == [
        ("٣٫٥", "3.5", True),
        ("١٬٢٠٠", "1200", False),
    ]
    assert all(source[a:b] == m.text for m in find_numbers(source) for a, b in [m.span])


def in_digits(value: int, digits: str) -> str:
    return "".join(digits[int(d)] for d in str(value))


@given(
    value=st.integers(min_value=0, max_value=10**12),
    digits=st.sampled_from([ARABIC_INDIC, EXTENDED, "0123456789"]),
    grouped=st.booleans(),
)
def test_any_integer_in_any_digit_system_matches_its_western_digits(value: int, digits: str, grouped: bool) -> None:
    written = in_digits(value, digits)
    if grouped:
        written = f"{value:,}".replace(",", "٬").translate(str.maketrans("0123456789", digits))
    source = f"بلغ العدد {written} في المجموع."
    assert number_issues(source, f"The total was {value}.") == []
    assert number_issues(source, f"The total was {value:,}.") == []
    assert [i.check for i in number_issues(source, f"The total was {value + 1}.")] == [
        CheckName.NUMBER_MISSING,
        CheckName.NUMBER_EXTRA,
    ]


@given(
    whole=st.integers(min_value=0, max_value=10**6),
    fraction=st.integers(min_value=1, max_value=999),
    digits=st.sampled_from([ARABIC_INDIC, EXTENDED]),
)
def test_any_arabic_decimal_matches_its_english_form(whole: int, fraction: int, digits: str) -> None:
    source = f"ارتفع المؤشر {in_digits(whole, digits)}٫{in_digits(fraction, digits)} ٪."
    assert number_issues(source, f"The index rose {whole}.{fraction}%.") == []


@given(st.permutations([2016, 27, 3, 1500, 45]))
def test_order_does_not_matter(order: list[int]) -> None:
    source = "في ٢٠١٦ قتل ٢٧ وأصيب ٣ ونزح ١٥٠٠ وفقد ٤٥."
    assert number_issues(source, "Numbers: " + ", ".join(map(str, order)) + ".") == []
