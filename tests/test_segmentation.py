"""Sentence splitting: every rule on hand-written Arabic and English, losslessness as a property, the real article."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from tarjama.project.segmentation import (
    ARABIC_ABBREVIATIONS,
    CLOSERS,
    ENGLISH_ABBREVIATIONS,
    TERMINATORS,
    split_piece,
    split_sentences,
)


def sentences(paragraph: str) -> list[str]:
    """The sentences alone, for readable expectations; losslessness is checked on every call."""
    pieces = split_sentences(paragraph)
    assert "".join(pieces) == paragraph
    return [split_piece(piece)[0] for piece in pieces]


# --- Empty and blank ---------------------------------------------------------------------------------------------


def test_empty_paragraph_has_no_pieces() -> None:
    assert split_sentences("") == []


@pytest.mark.parametrize("blank", [" ", "   ", "\n", " \t\n "])
def test_blank_paragraph_is_one_piece(blank: str) -> None:
    assert split_sentences(blank) == [blank]


def test_no_terminator_is_one_sentence() -> None:
    assert split_sentences("موسكو و واشنطن تعلنان العمل") == ["موسكو و واشنطن تعلنان العمل"]
    assert split_sentences("A headline without a stop") == ["A headline without a stop"]


def test_last_sentence_without_terminator() -> None:
    assert sentences("جاء أحمد. ثم ذهب") == ["جاء أحمد.", "ثم ذهب"]
    assert sentences("He came. Then he left") == ["He came.", "Then he left"]


# --- Terminators -------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("paragraph", "expected"),
    [
        ("جاء أحمد. ذهب علي.", ["جاء أحمد. ", "ذهب علي."]),
        ("هل جاء أحمد؟ نعم جاء.", ["هل جاء أحمد؟ ", "نعم جاء."]),
        ("يا له من يوم! انتهى.", ["يا له من يوم! ", "انتهى."]),
        ("Is it? Yes.", ["Is it? ", "Yes."]),
        ("Stop! Now.", ["Stop! ", "Now."]),
        ("انتظر… ثم تكلم.", ["انتظر… ", "ثم تكلم."]),
    ],
)
def test_each_terminator_ends_a_sentence(paragraph: str, expected: list[str]) -> None:
    assert split_sentences(paragraph) == expected


@pytest.mark.parametrize(
    ("paragraph", "expected"),
    [
        ("Really?! Yes.", ["Really?! ", "Yes."]),
        ("Wait... Go.", ["Wait... ", "Go."]),
        ("حقاً؟! نعم.", ["حقاً؟! ", "نعم."]),
        ("ماذا؟؟ لا شيء.", ["ماذا؟؟ ", "لا شيء."]),
        ("انتظر...! هيا.", ["انتظر...! ", "هيا."]),
        ("لا أعرف…؟ ربما.", ["لا أعرف…؟ ", "ربما."]),
    ],
)
def test_terminator_runs_stay_together(paragraph: str, expected: list[str]) -> None:
    assert split_sentences(paragraph) == expected


def test_terminator_needs_whitespace_after_it() -> None:
    assert split_sentences("جاء.ذهب.") == ["جاء.ذهب."]
    assert split_sentences("what?!no") == ["what?!no"]


@pytest.mark.parametrize("mark", ["،", "؛", ",", ";", ":"])
def test_commas_and_semicolons_do_not_end_a_sentence(mark: str) -> None:
    paragraph = f"أعلنت موسكو{mark} في بيان مشترك{mark} أنها ستعمل."
    assert split_sentences(paragraph) == [paragraph]


# --- Closing quotes and brackets ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("paragraph", "expected"),
    [
        ("قال: «انتهى الأمر.» ثم خرج.", ["قال: «انتهى الأمر.» ", "ثم خرج."]),
        ("قال: «هل انتهى؟» ثم خرج.", ["قال: «هل انتهى؟» ", "ثم خرج."]),
        ('He said "Stop." Then left.', ['He said "Stop." ', "Then left."]),
        ("He said “Stop!” Then left.", ["He said “Stop!” ", "Then left."]),
        ("She said ‘no.’ He left.", ["She said ‘no.’ ", "He left."]),
        ("She said 'no.' He left.", ["She said 'no.' ", "He left."]),
        ("(انتهى الاجتماع.) ثم بدأ آخر.", ["(انتهى الاجتماع.) ", "ثم بدأ آخر."]),
        ("[See above.] Next.", ["[See above.] ", "Next."]),
        ("{Done.} Next.", ["{Done.} ", "Next."]),
        ("﴿قل هو الله أحد.﴾ ثم قرأ.", ["﴿قل هو الله أحد.﴾ ", "ثم قرأ."]),
        ("قال: «(انتهى.)» ثم خرج.", ["قال: «(انتهى.)» ", "ثم خرج."]),
        ("قال «حقاً؟!» ثم سكت.", ["قال «حقاً؟!» ", "ثم سكت."]),
    ],
)
def test_closing_quotes_and_brackets_stay_with_their_sentence(paragraph: str, expected: list[str]) -> None:
    assert split_sentences(paragraph) == expected


def test_terminator_after_closing_quote() -> None:
    """The article's usual form: the quote closes first, then the full stop."""
    assert sentences("وصفها بأنها «محور ما حصل». وقال شمخاني.") == ["وصفها بأنها «محور ما حصل».", "وقال شمخاني."]


def test_brackets_inside_a_sentence_do_not_split() -> None:
    paragraph = "زار الوزير (وهو د. سامي) المدينة. ثم عاد."
    assert sentences(paragraph) == ["زار الوزير (وهو د. سامي) المدينة.", "ثم عاد."]


def test_direction_marks_after_the_stop_stay_with_the_sentence() -> None:
    assert split_sentences("جاء.\u200f ذهب.") == ["جاء.\u200f ", "ذهب."]


# --- Numbers, URLs, e-mail ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "paragraph",
    [
        "بلغت النسبة 3.5 في المئة هذا العام.",
        "بلغت النسبة ٣٫٥ في المئة هذا العام.",
        "بلغت النسبة ٣.٥ في المئة هذا العام.",
        "The budget was 1.000.000 euros last year.",
        "The rate fell to 0.25 percent.",
        "Version 3.11.4 is out.",
        "بلغ العدد ١٬٠٠٠٬٠٠٠ شخص.",
    ],
)
def test_numbers_are_never_split(paragraph: str) -> None:
    assert split_sentences(paragraph) == [paragraph]


def test_number_at_the_end_of_a_sentence() -> None:
    assert sentences("قتل 27 شخصاً في 2016. وقال المصدر 3.5.") == ["قتل 27 شخصاً في 2016.", "وقال المصدر 3.5."]
    assert sentences("بنحو 40 كم. وتعد القرية مركزاً.") == ["بنحو 40 كم.", "وتعد القرية مركزاً."]


@pytest.mark.parametrize(
    "paragraph",
    [
        "Read http://x.com/a.b for details.",
        "Read https://example.org/path/file.html?q=1.2 now.",
        "زوروا www.example.com للمزيد.",
        "Write to a.b@c.org today.",
        "راسلونا على info.desk@news.example.sy اليوم.",
    ],
)
def test_urls_and_email_are_never_split(paragraph: str) -> None:
    assert split_sentences(paragraph) == [paragraph]


@pytest.mark.parametrize(
    ("paragraph", "expected"),
    [
        ("Visit www.example.com. Then go.", ["Visit www.example.com.", "Then go."]),
        ("See http://x.com/a.b. Then go.", ["See http://x.com/a.b.", "Then go."]),
        ("راسلونا على a.b@c.org. شكراً.", ["راسلونا على a.b@c.org.", "شكراً."]),
        ("Is it www.example.com? Yes.", ["Is it www.example.com?", "Yes."]),
        ("See (http://x.com/a). Then go.", ["See (http://x.com/a).", "Then go."]),
    ],
)
def test_url_or_email_at_the_end_of_a_sentence(paragraph: str, expected: list[str]) -> None:
    assert sentences(paragraph) == expected


# --- Initials and abbreviations ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "paragraph",
    [
        "قال أ. محمد إن الاجتماع انتهى.",
        "كتب ب. سعيد المقال.",
        "J. Smith wrote it.",
        "The author is J. R. R. Tolkien.",
        "كتبه ع. م. الخطيب.",
    ],
)
def test_no_boundary_after_a_single_letter(paragraph: str) -> None:
    assert split_sentences(paragraph) == [paragraph]


@pytest.mark.parametrize(
    "paragraph",
    [
        "قال د. أحمد إن الوضع مستقر.",
        "صمم م. خالد الجسر.",
        "ولد عام 1950 م. في دمشق.",
        "انظر ص. 45 من الكتاب.",
        "راجع ج. 2 من الموسوعة.",
        "توفي سنة 505 هـ. في بغداد.",
        "بني عام 500 ق.م. على ضفاف النهر.",
        "حاضر أ.د. سامي في الجامعة.",
        "حضر الوزير ود. أحمد الاجتماع.",
        "حضر الوزير وم. خالد الاجتماع.",
        "قال (د. أحمد) إن الوضع مستقر.",
        "قال «د. أحمد» إن الوضع مستقر.",
        "قال دَ. أحمد إن الوضع مستقر.",
    ],
)
def test_no_boundary_after_an_arabic_abbreviation(paragraph: str) -> None:
    assert split_sentences(paragraph) == [paragraph]


@pytest.mark.parametrize(
    "paragraph",
    [
        "Dr. Smith arrived.",
        "Mr. Jones left.",
        "Mrs. Jones stayed.",
        "Ms. Lee spoke.",
        "Prof. Khalil taught.",
        "They met on St. Mark's Square.",
        "It is No. 5 on the list.",
        "It was Syria vs. the rebels today.",
        "Fruit, e.g. apples, is good.",
        "The truce, i.e. the ceasefire, held.",
        "Fruit, vegetables, etc. are sold here.",
        "They met (Dr. Smith and others) today.",
    ],
)
def test_no_boundary_after_an_english_abbreviation(paragraph: str) -> None:
    assert split_sentences(paragraph) == [paragraph]


def test_every_abbreviation_in_the_tables_holds() -> None:
    for abbreviation in ARABIC_ABBREVIATIONS | ENGLISH_ABBREVIATIONS:
        paragraph = f"قبل {abbreviation}. بعد"
        assert split_sentences(paragraph) == [paragraph], abbreviation


def test_abbreviations_match_whole_words_only() -> None:
    assert sentences("He met the Mdr. Then left.") == ["He met the Mdr.", "Then left."]
    assert sentences("قال إنه سعيد. ثم عاد.") == ["قال إنه سعيد.", "ثم عاد."]
    assert sentences("I don't. You do.") == ["I don't.", "You do."]


def test_abbreviation_with_another_terminator_ends_the_sentence() -> None:
    assert sentences("Is he a Dr? Yes.") == ["Is he a Dr?", "Yes."]


def test_no_needs_a_number_to_be_an_abbreviation() -> None:
    assert sentences("See No. 5 here.") == ["See No. 5 here."]
    assert sentences("It is No. ٥ here.") == ["It is No. ٥ here."]
    assert sentences("He said No. Then he left.") == ["He said No.", "Then he left."]


def test_etc_ends_the_sentence_only_before_a_capital() -> None:
    assert sentences("We bought apples, pears, etc. The shop closed.") == [
        "We bought apples, pears, etc.",
        "The shop closed.",
    ]
    assert sentences("We bought apples, pears, etc. and went home.") == ["We bought apples, pears, etc. and went home."]
    assert sentences("We bought apples, pears, etc. وعدنا.") == ["We bought apples, pears, etc. وعدنا."]
    assert sentences("We bought apples, pears, etc.") == ["We bought apples, pears, etc."]
    assert sentences("We bought fruit, etc. «The end.»") == ["We bought fruit, etc.", "«The end.»"]


def test_arabic_etc_ends_a_sentence() -> None:
    assert sentences("اشترينا التفاح والموز إلخ. ثم عدنا.") == ["اشترينا التفاح والموز إلخ.", "ثم عدنا."]


# --- Whitespace --------------------------------------------------------------------------------------------------


def test_multiple_spaces_are_kept_in_the_trailing_whitespace() -> None:
    assert split_sentences("جاء أحمد.   ذهب علي.") == ["جاء أحمد.   ", "ذهب علي."]
    assert split_piece("جاء أحمد.   ") == ("جاء أحمد.", "   ")


def test_newlines_inside_a_paragraph_are_whitespace() -> None:
    assert split_sentences("جاء أحمد.\nذهب علي.\r\n") == ["جاء أحمد.\n", "ذهب علي.\r\n"]
    assert split_sentences("قال د.\nأحمد شيئاً.") == ["قال د.\nأحمد شيئاً."]


def test_other_unicode_spaces_count() -> None:
    assert split_sentences("جاء.\u00a0ذهب.\u2003") == ["جاء.\u00a0", "ذهب.\u2003"]


def test_leading_whitespace_stays_with_the_first_piece() -> None:
    assert split_sentences("  جاء. ذهب.") == ["  جاء. ", "ذهب."]


def test_trailing_whitespace_without_terminator() -> None:
    assert split_sentences("عنوان بلا نقطة  ") == ["عنوان بلا نقطة  "]
    assert split_piece("عنوان بلا نقطة  ") == ("عنوان بلا نقطة", "  ")


def test_split_piece_without_whitespace() -> None:
    assert split_piece("جاء.") == ("جاء.", "")
    assert split_piece("") == ("", "")


# --- Stray punctuation -------------------------------------------------------------------------------------------


def test_stray_stop_joins_the_sentence_before_it() -> None:
    """The article has "الدولي. ." — a lone "." is not a sentence to translate."""
    assert split_sentences("والأمن الدولي. .") == ["والأمن الدولي. ."]
    assert split_sentences("Done. !! ") == ["Done. !! "]


def test_leading_dots_join_the_first_sentence() -> None:
    assert split_sentences("... ثم بدأ. وانتهى.") == ["... ثم بدأ. ", "وانتهى."]


# --- Properties --------------------------------------------------------------------------------------------------

# Text biased towards the characters the splitter cares about, so hypothesis finds the interesting corners.
_INTERESTING = st.lists(
    st.sampled_from(
        list(TERMINATORS + CLOSERS + "«“‘([{،؛,٫0123456789٣٥ \n\t\u00a0")
        + ["أ", "د", "م", "ص", "ج", "هـ", "و", "ق.م", "J", "Dr", "No", "etc", "The", "the", "www.x.com", "a@b.org"]
    ),
    max_size=60,
).map("".join)
_PARAGRAPHS = st.one_of(st.text(max_size=200), _INTERESTING)


@settings(max_examples=500)
@given(_PARAGRAPHS)
@example("والأمن الدولي. .")
@example(" . ")
@example("...")
@example("a. \n")
def test_pieces_join_back_to_the_paragraph(paragraph: str) -> None:
    assert "".join(split_sentences(paragraph)) == paragraph


@settings(max_examples=500)
@given(_PARAGRAPHS)
def test_no_piece_is_blank_unless_the_paragraph_is(paragraph: str) -> None:
    pieces = split_sentences(paragraph)
    if not paragraph.strip():
        assert pieces == ([paragraph] if paragraph else [])
        return
    for index, piece in enumerate(pieces):
        sentence, space = split_piece(piece)
        assert sentence + space == piece
        assert sentence.strip(), f"blank piece {piece!r}"
        assert not space.strip()
        if index > 0:
            assert not sentence[0].isspace(), "only the first piece may start with white space"
        if index < len(pieces) - 1:
            assert sentence[-1] in TERMINATORS + CLOSERS, "a non-final piece ends at a terminator"


@settings(max_examples=300)
@given(_PARAGRAPHS)
def test_a_sentence_does_not_split_again(paragraph: str) -> None:
    for piece in split_sentences(paragraph):
        sentence, _ = split_piece(piece)
        if sentence.strip():
            assert split_sentences(sentence) == [sentence]


# --- The real article --------------------------------------------------------------------------------------------


def _paragraphs(article: Path) -> list[str]:
    return [line for line in article.read_text(encoding="utf-8").splitlines() if line.strip()]


def test_article_paragraphs_join_back_exactly(shared_article: Path) -> None:
    for paragraph in _paragraphs(shared_article):
        pieces = split_sentences(paragraph)
        assert "".join(pieces).encode("utf-8") == paragraph.encode("utf-8")
        assert all(split_piece(piece)[0].strip() for piece in pieces)


def test_article_counts(shared_article: Path) -> None:
    paragraphs = _paragraphs(shared_article)
    counts = [len(split_sentences(paragraph)) for paragraph in paragraphs]
    assert counts[0] == 1, "the headline has no full stop and is one segment"
    assert all(count >= 1 for count in counts)
    assert sum(counts) > len(paragraphs)
    two_sentences = next(p for p in paragraphs if "موّجه. وأفاد" in p)
    assert len(split_sentences(two_sentences)) == 2
    stray_stop = next(p for p in paragraphs if p.endswith(". ."))
    assert len(split_sentences(stray_stop)) == 1


def test_article_never_splits_inside_a_number(shared_article: Path) -> None:
    for paragraph in _paragraphs(shared_article):
        pieces = split_sentences(paragraph)
        for before, after in zip(pieces, pieces[1:], strict=False):
            sentence, _ = split_piece(before)
            assert not (re.search(r"\d[.٫,]?$", sentence) and re.match(r"\d", after)), (before, after)
        for number in re.findall(r"\d+(?:[.٫]\d+)*", paragraph):
            assert any(number in piece for piece in pieces), number
