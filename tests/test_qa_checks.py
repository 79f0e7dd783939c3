"""QA checks on one segment: each check on Arabic→English cases, and silence on correct news translations."""

from __future__ import annotations

from dataclasses import replace

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tarjama.domain import Segment, Status
from tarjama.qa import CHECK_TITLES, SEVERITIES, CheckName, QaContext, QaIssue, QaSettings, Severity, check_segment

#: Correct Arabic→English news pairs: Arabic commas and «» quotes, numbers in every digit system, spelled-out
#: numbers, scale words, percentages, dates, contractions and possessives. No check may say anything about them.
CORRECT_PAIRS = [
    (
        "أعلنت موسكو، في بيان روسي أميركي مشترك حول سورية، أنها ستعمل مع دمشق.",
        "Moscow announced, in a joint Russian-American statement on Syria, that it would work with Damascus.",
    ),
    (
        "دخل نظام وقف الأعمال القتالية حيز التنفيذ في 27 شباط الماضي.",
        "The cessation of hostilities came into force on February 27.",
    ),
    (
        "ودعا الطرفان إلى تطبيق قرار مجلس الأمن الدولي رقم 2253.",
        "The two sides called for the implementation of UN Security Council Resolution 2253.",
    ),
    ("ارتفع معدل التضخم إلى ٣٫٥ ٪ في عام ٢٠١٦.", "The inflation rate rose to 3.5% in 2016."),
    ("وقال المتحدث: «لن نقبل بأي شروط مسبقة».", 'The spokesman said: "We will not accept any preconditions."'),
    ("هل ستنجح الهدنة؟", "Will the truce succeed?"),
    (
        "قتل ثلاثة أشخاص وأصيب ١٬٢٠٠ آخرون في الزلزال.",
        "Three people were killed and 1,200 others were injured in the earthquake.",
    ),
    (
        "بلغت قيمة الصادرات ۴۵ مليار دولار (بزيادة 12 في المئة).",
        "Exports were worth $45 billion (up 12 percent).",
    ),
    (
        "موسكو وواشنطن تعلنان العمل لتحديد مناطق سيطرة «داعش» و«النصرة» في سورية",
        "Moscow and Washington announce work to map areas controlled by ISIS and al-Nusra in Syria",
    ),
    (
        "وأضاف أن الحكومة لا تملك خطة واضحة، وأن الوضع يزداد سوءاً.",
        "He added that the government doesn't have a clear plan and that the country’s situation is getting worse.",
    ),
    (
        "استضافت القاهرة القمة العربية الـ27 يومي 10 و11 آذار/مارس.",
        "Cairo hosted the 27th Arab summit on March 10 and 11.",
    ),
    ("وصل عدد اللاجئين إلى ٣ ملايين لاجئ.", "The number of refugees reached 3,000,000."),
]


def segment(source: str, target: str, status: Status = Status.DRAFT, segment_id: int = 1) -> Segment:
    return Segment(
        id=segment_id, paragraph_id=1, paragraph_index=0, position=0, source=source, target=target, status=status
    )


def issues(source: str, target: str, status: Status = Status.DRAFT) -> list[QaIssue]:
    return check_segment(segment(source, target, status), QaContext())


def found(source: str, target: str, status: Status = Status.DRAFT) -> set[CheckName]:
    return {issue.check for issue in issues(source, target, status)}


def only(check: CheckName, source: str, target: str) -> QaIssue:
    """The one finding of `check` (asserting there is exactly one)."""
    (issue,) = [issue for issue in issues(source, target) if issue.check == check]
    return issue


@pytest.mark.parametrize(("source", "target"), CORRECT_PAIRS)
def test_correct_translations_raise_nothing(source: str, target: str) -> None:
    assert issues(source, target, Status.APPROVED) == []


def test_every_check_has_a_title_and_a_severity() -> None:
    assert set(CHECK_TITLES) == set(SEVERITIES) == set(CheckName)


# -- empty, untranslated, Arabic left in the English --------------------------------------------------------------


def test_an_approved_segment_without_translation_is_an_error() -> None:
    (issue,) = issues("رحب السكان بالقرار.", "  ", Status.APPROVED)
    assert (issue.check, issue.severity) == (CheckName.EMPTY_TARGET, Severity.ERROR)
    assert issues("رحب السكان بالقرار.", "", Status.NEW) == []


def test_a_target_identical_to_the_source_is_untranslated() -> None:
    assert CheckName.UNTRANSLATED in found("رحب السكان بالقرار.", "رحب السكان بالقرار.")
    # The same text apart from harakat is still the source copied over.
    assert CheckName.UNTRANSLATED in found("رحب السكان بالقرار.", "رَحّبَ السكان بالقرار.")
    # A source with no Arabic letters (a year, a name in Latin letters) may stay as it is.
    assert issues("2016", "2016") == []
    assert issues("BBC", "BBC") == []


def test_arabic_letters_left_in_the_english_are_found_with_their_spans() -> None:
    target = "The army entered الرقة on Tuesday."
    issue = only(CheckName.ARABIC_LETTERS, "دخل الجيش الرقة يوم الثلاثاء.", target)
    assert issue.severity == Severity.ERROR
    assert [target[a:b] for a, b in issue.spans] == ["الرقة"]
    assert "الرقة" in issue.message


def test_arabic_punctuation_and_digits_in_the_english() -> None:
    target = "Will it last؟ The truce began on ٢٧ February، they said."
    found_issues = [
        i for i in issues("هل ستصمد؟ بدأت الهدنة في ٢٧ شباط، قالوا.", target) if i.check == CheckName.ARABIC_PUNCTUATION
    ]
    marks = {target[a:b] for issue in found_issues for a, b in issue.spans}
    assert marks == {"؟", "،", "٢٧"}
    assert any("“27”" in issue.message for issue in found_issues)
    assert all(issue.severity == Severity.WARNING for issue in found_issues)


# -- invisible characters, pairs, spaces, final punctuation ------------------------------------------------------


@pytest.mark.parametrize(
    "char", ["\u200f", "\u200e", "\u061c", "\u202b", "\u2067", "\u200b", "\u200c", "\ufeff", "\u00ad"]
)
def test_invisible_and_bidi_characters_in_the_target(char: str) -> None:
    target = f"The truce{char} holds."
    issue = only(CheckName.INVISIBLE_CHARACTER, "الهدنة صامدة.", target)
    assert issue.spans == ((9, 10),)
    assert f"U+{ord(char):04X}" in issue.message


def test_a_no_break_space_is_english_typography_not_an_invisible_character() -> None:
    assert issues("المسافة ١٠ كم.", "The distance is 10\u00a0km.") == []


@pytest.mark.parametrize(
    ("source", "target", "unpaired"),
    [
        ("قال (في بيان) إن الهدنة صامدة.", "He said (in a statement that the truce holds.", ["("]),
        ("قال [في بيان] إن الهدنة صامدة.", "He said in a statement] that the truce holds.", ["]"]),
        ("قال (في بيان) إن الهدنة صامدة.", "He said) in a statement (that the truce holds.", [")", "("]),
    ],
)
def test_brackets_that_pair_in_the_source_must_pair_in_the_target(
    source: str, target: str, unpaired: list[str]
) -> None:
    issue = only(CheckName.BRACKETS, source, target)
    assert [target[a:b] for a, b in issue.spans] == unpaired


def test_brackets_left_open_in_the_source_may_stay_open() -> None:
    # The sentence splitter can cut a parenthesis in two: the target follows the source.
    assert CheckName.BRACKETS not in found("قال (في بيان صدر اليوم.", "He said (in a statement issued today.")


@pytest.mark.parametrize(
    "target",
    [
        'The spokesman said: "We will not accept any preconditions.',
        "The spokesman said: “We will not accept any preconditions.",
        "The spokesman said: ‘We will not accept any preconditions.",
    ],
)
def test_quotes_that_pair_in_the_source_must_pair_in_the_target(target: str) -> None:
    issue = only(CheckName.QUOTES, "وقال المتحدث: «لن نقبل بأي شروط مسبقة».", target)
    assert [target[a:b] for a, b in issue.spans] in (['"'], ["“"], ["‘"])


@pytest.mark.parametrize(
    "target",
    [
        "The ministers' meeting didn't end; Syria's allies won't say.",
        "The ministers’ meeting didn’t end; Syria’s allies won’t say.",
        "He called it ‘the states’ business’ and left.",
        '"Enough," he said, "is enough."',
    ],
)
def test_apostrophes_and_paired_quotes_are_not_flagged(target: str) -> None:
    assert CheckName.QUOTES not in found("لم ينته الاجتماع.", target)


def test_double_spaces_between_words() -> None:
    target = "The truce  holds."
    issue = only(CheckName.DOUBLE_SPACE, "الهدنة صامدة.", target)
    assert issue.severity == Severity.INFO and issue.spans == ((9, 11),)


def test_leading_and_trailing_spaces_the_source_does_not_have() -> None:
    issue = only(CheckName.EDGE_SPACES, "الهدنة صامدة.", "The truce holds. ")
    assert issue.spans == ((16, 17),) and "ends" in issue.message
    issue = only(CheckName.EDGE_SPACES, "الهدنة صامدة.", " The truce holds.")
    assert issue.spans == ((0, 1),) and "starts" in issue.message


@pytest.mark.parametrize(
    ("source", "target"),
    [
        ("هل ستصمد الهدنة؟", "Will the truce hold?"),
        ("الهدنة صامدة.", "The truce holds."),
        ("يا للهول!", "How terrible!"),
        ("وقال المتحدث: «لن نقبل».", "The spokesman said: “We will not accept.”"),
        ("وأضاف الوزير:", "The minister added:"),
        ("وقال في بيانه…", "He said in his statement..."),
        ("قال إن الأمم المتحدة، والدول المجاورة،", "He said that the United Nations, and the neighbouring countries,"),
        ("الوضع خطير؛", "The situation is serious;"),
        ("موسكو وواشنطن تتفقان", "Moscow and Washington agree"),
    ],
)
def test_final_punctuation_that_corresponds(source: str, target: str) -> None:
    assert CheckName.FINAL_PUNCTUATION not in found(source, target)


@pytest.mark.parametrize(
    ("source", "target", "words"),
    [
        ("هل ستصمد الهدنة؟", "Will the truce hold.", ["؟", "."]),
        ("الهدنة صامدة.", "The truce holds", ["no punctuation"]),
        ("موسكو وواشنطن تتفقان", "Moscow and Washington agree.", ["."]),
        ("وقال المتحدث: «لن نقبل».", "The spokesman said: “We will not accept”", ["no punctuation"]),
    ],
)
def test_final_punctuation_that_does_not(source: str, target: str, words: list[str]) -> None:
    issue = only(CheckName.FINAL_PUNCTUATION, source, target)
    assert issue.severity == Severity.WARNING
    assert all(word in issue.message for word in words)


# -- settings -----------------------------------------------------------------------------------------------------


def test_disabled_checks_report_nothing_and_errors_block_approval() -> None:
    approving = segment("ارتفع التضخم ٣٫٥ ٪ في ٢٠١٦.", "Inflation rose 3.5% in 2017. ", Status.APPROVED)
    everything = check_segment(approving, QaContext())
    assert {i.check for i in everything} == {CheckName.NUMBER_MISSING, CheckName.NUMBER_EXTRA, CheckName.EDGE_SPACES}
    settings = QaSettings(disabled_checks=frozenset({CheckName.EDGE_SPACES}))
    fewer = check_segment(approving, QaContext(settings=settings))
    assert {i.check for i in fewer} == {CheckName.NUMBER_MISSING, CheckName.NUMBER_EXTRA}
    assert [i.check for i in settings.blocking(fewer)] == [CheckName.NUMBER_MISSING]
    lenient = QaSettings(blocking_severities=frozenset())
    assert lenient.blocking(everything) == []


def test_a_segment_is_checked_as_it_would_be_approved() -> None:
    draft = segment("رحب السكان بالقرار.", "", Status.DRAFT)
    assert check_segment(draft, QaContext()) == []
    assert [i.check for i in check_segment(replace(draft, status=Status.APPROVED), QaContext())] == [
        CheckName.EMPTY_TARGET
    ]


#: Text made of what the checks look at: Arabic and Latin letters, digits of three systems, punctuation, quotes,
#: brackets, separators, invisible characters and spaces.
_CHECKED_CHARACTERS = "اأبةثلمنهوىي ٠١٣٫٬٪۲۵0123456789abcdeTHO.,;:!?؟،؛…«»“”‘’\"'()[]{}%-\u200f\u200b\u00ad\u00a0 \t\n"
_texts = st.text(alphabet=_CHECKED_CHARACTERS, max_size=60) | st.text(max_size=30)


@given(source=_texts, target=_texts, status=st.sampled_from(list(Status)))
def test_checks_never_raise_and_spans_stay_inside_the_target(source: str, target: str, status: Status) -> None:
    for issue in check_segment(segment(source, target, status), QaContext()):
        assert issue.message and issue.severity == SEVERITIES[issue.check]
        assert all(0 <= start < end <= len(target) for start, end in issue.spans)
