"""The spellcheck of the English target: findings with their offsets, what is never judged (the source's words,
glossary terms, numbers, acronyms, addresses, the translator's dictionary), the QA check `spelling` everywhere QA
runs (a project, the CLI), and the user's dictionary shared by writers at the same time."""

from __future__ import annotations

import json
import multiprocessing
from pathlib import Path

import pytest

from tarjama.cli import EXIT_OK
from tarjama.domain import GlossaryEntry, Segment, Status
from tarjama.glossary.matching import TermFinder
from tarjama.inline_tags import close_mark, open_mark
from tarjama.paths import user_dictionary_path
from tarjama.qa import CheckName, QaContext, Severity, check_segment
from tarjama.spelling import SpellChecker, UserDictionary, allowed_words, default_checker
from test_cli import run


@pytest.fixture
def checker(tmp_path: Path) -> SpellChecker:
    return SpellChecker(UserDictionary(tmp_path / "words.txt"))


def misspelt(checker: SpellChecker, text: str, allowed: frozenset[str] = frozenset()) -> list[tuple[str, str]]:
    """Each finding as (its word, the text at its offsets), so the offsets are checked against the text."""
    return [(found.word, text[found.start:found.end]) for found in checker.misspellings(text, allowed)]


def test_misspelt_words_are_found_at_their_offsets(checker: SpellChecker) -> None:
    text = "The goverment said on Monday that the soldeirs had recieved no orders."
    assert misspelt(checker, text) == [("goverment", "goverment"), ("soldeirs", "soldeirs"), ("recieved", "recieved")]
    assert checker.misspellings(text)[0].start == text.index("goverment")


@pytest.mark.parametrize(
    "text",
    [
        "The organisation's defence budget was criticised; the organization's defense budget was criticized.",
        "They didn't agree, and it’s the players' union that won’t sign the so-called cease-fire.",
        "Some 1,500 people fled on the 3rd and 21st of March, under resolution UN-2254, at 10:30, COVID-19 said.",
        "The UN, ISIS and the UAE met U.S. officials, e.g. in Geneva.",
        "See https://www.example.com/ar-news/item?id=goverment or write to press.offise@example.org today.",
        "Syrian-led, Syrian-owned talks.",
    ],
)
def test_correct_news_english_has_no_findings(checker: SpellChecker, text: str) -> None:
    assert misspelt(checker, text) == []


def test_a_hyphenated_word_and_a_possessive_are_judged_by_their_parts(checker: SpellChecker) -> None:
    text = "Erdogan's well-knwon envoy."
    assert misspelt(checker, text) == [("Erdogan", "Erdogan"), ("knwon", "knwon")]


def test_words_of_the_source_and_of_glossary_terms_are_allowed(checker: SpellChecker) -> None:
    text = "Raqqa and Deir ez-Zor, said the Tahrir Sham spokesman."
    assert {word for word, _ in misspelt(checker, text)} >= {"Raqqa", "Deir", "ez", "Zor", "Tahrir"}
    allowed = allowed_words("قال المتحدث باسم Tahrir al-Sham في Raqqa", ["Deir ez-Zor"])
    assert misspelt(checker, text, allowed) == []


def test_words_added_to_the_users_dictionary_pass_in_the_case_they_allow(tmp_path: Path) -> None:
    path = tmp_path / "my" / "words.txt"
    mine = SpellChecker(UserDictionary(path))
    assert [found.word for found in mine.misspellings("Houthis tweeted a retweet, Idlib said.")] == [
        "Houthis", "Idlib"
    ]
    mine.user.add("Houthis")
    mine.user.add("idlib")
    assert mine.misspellings("Houthis tweeted, IDLIB and Idlib said.") == []
    assert [found.word for found in mine.misspellings("houthis said.")] == ["houthis"]  # added with a capital
    assert path.read_text(encoding="utf-8") == "Houthis\nidlib\n"
    # another program's checker on the same file sees the words, and so does a later addition's reader
    assert SpellChecker(UserDictionary(path)).misspellings("Houthis") == []


def _add_words(path: str, prefix: str) -> None:
    dictionary = UserDictionary(Path(path))
    for number in range(40):
        dictionary.add(f"{prefix}{number}")


@pytest.mark.slow
def test_two_writers_at_once_lose_no_word(tmp_path: Path) -> None:
    path = tmp_path / "words.txt"
    context = multiprocessing.get_context("spawn")
    writers = [context.Process(target=_add_words, args=(str(path), prefix)) for prefix in ("alpha", "beta")]
    for writer in writers:
        writer.start()
    for writer in writers:
        writer.join(60)
        assert writer.exitcode == 0
    words = path.read_text(encoding="utf-8").splitlines()
    assert sorted(words) == sorted(f"{prefix}{n}" for prefix in ("alpha", "beta") for n in range(40))
    assert not list(tmp_path.glob("*.part*"))


def test_suggestions_put_the_right_word_first(checker: SpellChecker) -> None:
    assert checker.suggestions("goverment")[0] == "government"
    suggested = checker.suggestions("recieved")
    assert "received" in suggested and len(suggested) <= 5


def test_the_default_checker_keeps_the_words_in_the_users_data_folder() -> None:
    default_checker().user.add("Tayyip")
    assert user_dictionary_path().read_text(encoding="utf-8") == "Tayyip\n"
    assert default_checker().misspellings("Recep Tayyip") == [default_checker().misspellings("Recep")[0]]


# -- the QA check -----------------------------------------------------------------------------------------------


def segment(source: str, target: str) -> Segment:
    return Segment(7, 1, 0, 0, source, target=target, status=Status.DRAFT)


def test_the_qa_check_gives_one_warning_per_word_with_each_place(tmp_path: Path) -> None:
    target = "The goverment and the goverment's envoy arived in Raqqa."
    context = QaContext.for_segments([], spelling=SpellChecker(UserDictionary(tmp_path / "w.txt")))
    found = [issue for issue in check_segment(segment("وصل مبعوث الحكومة إلى الرقة.", target), context)
             if issue.check == CheckName.SPELLING]
    assert [(issue.severity, issue.message_values) for issue in found] == [
        (Severity.WARNING, (("word", "goverment"),)),
        (Severity.WARNING, (("word", "arived"),)),
        (Severity.WARNING, (("word", "Raqqa"),)),
    ]
    assert [target[a:b] for a, b in found[0].spans] == ["goverment", "goverment"]


def test_the_qa_check_spares_the_source_and_the_glossary_and_sees_through_tags(tmp_path: Path) -> None:
    terms = TermFinder([GlossaryEntry("هيئة تحرير الشام", ("Hayat Tahrir al-Sham",))])
    context = QaContext.for_segments([], terms, spelling=SpellChecker(UserDictionary(tmp_path / "w.txt")))
    source = "قالت هيئة تحرير الشام إن SANA و Sputnik نقلتا البيان."
    target = f"Hayat Tahrir al-Sham said SANA and Sputnik carried the {open_mark(1)}statment{close_mark(1)}."
    [finding] = [issue for issue in check_segment(segment(source, target), context)
                 if issue.check == CheckName.SPELLING]
    (start, end), = finding.spans
    assert finding.message_values == (("word", "statment"),)
    assert target[start:end] == "statment"  # the span is on the text as written, its marks outside the word


def test_the_english_of_any_glossary_term_is_known_even_where_its_arabic_is_not_in_the_source(
    tmp_path: Path,
) -> None:
    """A translator who renders «الجولاني» as "Jolani" in one sentence and «زعيم الهيئة» as "the Jolani leadership"
    in another has told the glossary how the name is spelt: it is known in every target, not only where the
    glossary finds its Arabic."""
    terms = TermFinder([GlossaryEntry("الجولاني", ("Jolani",))])
    checker = SpellChecker(UserDictionary(tmp_path / "w.txt"))
    bare = QaContext.for_segments([], spelling=checker)
    with_glossary = QaContext.for_segments([], terms, spelling=checker)
    found = segment("قال زعيم الهيئة إن الهدنة صامدة.", "The Jolani leadership said the truce holds.")
    assert [issue.message_values for issue in check_segment(found, bare) if issue.check == CheckName.SPELLING] == [
        (("word", "Jolani"),)]
    assert [issue for issue in check_segment(found, with_glossary) if issue.check == CheckName.SPELLING] == []


def test_tarjama_cli_qa_reports_spelling(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    document = tmp_path / "news.txt"
    document.write_text("وصل الوفد إلى العاصمة.\n", encoding="utf-8")
    project = tmp_path / "news.tarjama"
    assert run(capsys, "import", document, "--project", project)[0] == EXIT_OK
    assert run(capsys, "edit", project, "1", "--target", "The delegashun arrived in the capital.")[0] == EXIT_OK
    code, out, _ = run(capsys, "qa", project, "--json")
    assert code == EXIT_OK  # a warning
    assert [(f["check"], f["severity"]) for f in json.loads(out)] == [("spelling", "warning")]
    default_checker().user.add("delegashun")
    assert run(capsys, "qa", project)[2] == "No findings.\n"
