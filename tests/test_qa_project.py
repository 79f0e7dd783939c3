"""QA over a whole project: findings set aside in the project file, consistency between segments, the length
distribution and the glossary, through a real project store (and a real glossary file)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tarjama.domain import GlossaryEntry, ImportedDocument, Status
from tarjama.errors import SegmentError
from tarjama.glossary.store import Glossary
from tarjama.project.store import ProjectStore
from tarjama.qa import CheckName, QaContext, QaSettings, Severity, check_project, check_segment

#: (source, a correct translation) of moderate length, so the length distribution has something to measure.
NEWS = [
    (
        "أعلنت الحكومة خطة جديدة للنقل العام في العاصمة.",
        "The government announced a new public transport plan for the capital.",
    ),
    ("وتشمل الخطة خطوط حافلات إضافية بين الأحياء.", "The plan includes additional bus lines between the districts."),
    ("رحب السكان بالقرار بعد سنوات من الانتظار.", "Residents welcomed the decision after years of waiting."),
    ("وقال الوزير إن العمل سيبدأ الشهر المقبل.", "The minister said work would begin next month."),
    ("وأكد أن التمويل متوفر بالكامل من الميزانية.", "He stressed that the funding is fully available from the budget."),
    ("وانتقدت المعارضة تأخر المشروع لسنوات طويلة.", "The opposition criticised the project's delay of many years."),
    ("ودعت البلدية المواطنين إلى استخدام الحافلات.", "The municipality urged citizens to use the buses."),
    ("وتوقع خبراء أن تخفف الخطة من الازدحام.", "Experts expected the plan to ease congestion."),
    ("وأشار التقرير إلى ارتفاع عدد الركاب هذا العام.", "The report pointed to a rise in passenger numbers this year."),
    ("ومن المقرر أن تنتهي المرحلة الأولى قبل الصيف.", "The first phase is scheduled to be completed before summer."),
    ("وستعمل الحافلات الجديدة بالكهرباء بالكامل.", "The new buses will run entirely on electricity."),
    ("وسيتم تدريب السائقين على المركبات الجديدة.", "Drivers will be trained on the new vehicles."),
]


def make_project(tmp_path: Path, sources: list[str]) -> ProjectStore:
    document = ImportedDocument(name="news.txt", format="txt", paragraphs=sources)
    return ProjectStore.create(tmp_path / "news.tarjama", [document])


@pytest.fixture
def store(tmp_path: Path) -> Iterator[ProjectStore]:
    """The news project with every segment approved with its correct translation."""
    store = make_project(tmp_path, [source for source, _ in NEWS])
    for segment, (_, target) in zip(store.segments(), NEWS, strict=True):
        store.update_segment(segment.id, target=target, status=Status.APPROVED)
    yield store
    store.close()


def test_a_correct_project_has_no_findings(store: ProjectStore) -> None:
    assert check_project(store) == []


# -- findings set aside ---------------------------------------------------------------------------------------


def test_set_aside_findings_are_kept_with_their_reason_and_can_come_back(tmp_path: Path, store: ProjectStore) -> None:
    first, second = store.segments()[:2]
    store.ignore_qa(first.id, CheckName.FINAL_PUNCTUATION, "The client's style drops the full stop.")
    store.ignore_qa(second.id, CheckName.LENGTH, "")
    store.ignore_qa(first.id, CheckName.FINAL_PUNCTUATION, "House style.")  # setting aside again: the new reason
    assert store.ignored_qa() == {
        (first.id, "final_punctuation"): "House style.",
        (second.id, "length"): "",
    }
    store.close()
    with ProjectStore.open(tmp_path / "news.tarjama") as reopened:
        assert reopened.ignored_qa()[(first.id, "final_punctuation")] == "House style."
        reopened.unignore_qa(first.id, CheckName.FINAL_PUNCTUATION)
        reopened.unignore_qa(first.id, CheckName.QUOTES)  # nothing set aside: nothing happens
        assert reopened.ignored_qa() == {(second.id, "length"): ""}


def test_a_finding_on_a_segment_that_does_not_exist_cannot_be_set_aside(store: ProjectStore) -> None:
    with pytest.raises(SegmentError, match="999"):
        store.ignore_qa(999, CheckName.LENGTH, "")
    assert store.ignored_qa() == {}


def test_set_aside_findings_are_left_out_of_the_project_check(store: ProjectStore) -> None:
    segments = store.segments()
    third, fifth = segments[2], segments[4]
    store.update_segment(fifth.id, target="He stressed that the funding is available in 2016", status=Status.APPROVED)
    store.update_segment(third.id, target="Residents welcomed the decision  after years of waiting")
    found = [(i.segment_id, i.check) for i in check_project(store)]
    assert found == [
        (third.id, CheckName.FINAL_PUNCTUATION),
        (third.id, CheckName.DOUBLE_SPACE),
        (fifth.id, CheckName.NUMBER_EXTRA),
        (fifth.id, CheckName.FINAL_PUNCTUATION),
    ]
    store.ignore_qa(third.id, CheckName.FINAL_PUNCTUATION, "Headline style.")
    store.ignore_qa(fifth.id, CheckName.NUMBER_EXTRA, "The year is implied in the source.")
    found = [(i.segment_id, i.check) for i in check_project(store)]
    assert found == [(third.id, CheckName.DOUBLE_SPACE), (fifth.id, CheckName.FINAL_PUNCTUATION)]
    # Checking the segment alone (as the window does on approval) leaves them out too.
    context = QaContext.for_segments(store.segments(), ignored=store.ignored_qa())
    assert [i.check for i in check_segment(store.segment(fifth.id), context)] == [CheckName.FINAL_PUNCTUATION]
    # Setting aside a finding on one segment leaves the same check on another segment alone.
    store.update_segment(segments[0].id, target="The government announced a new plan in 2017.")
    assert (segments[0].id, CheckName.NUMBER_EXTRA) in [(i.segment_id, i.check) for i in check_project(store)]


def test_settings_turn_checks_off_for_the_whole_project(store: ProjectStore) -> None:
    third = store.segments()[2]
    store.update_segment(third.id, target="Residents welcomed the decision  after years of waiting")
    settings = QaSettings(disabled_checks=frozenset({CheckName.FINAL_PUNCTUATION}))
    assert [i.check for i in check_project(store, settings=settings)] == [CheckName.DOUBLE_SPACE]


# -- consistency --------------------------------------------------------------------------------------------------


def test_the_same_source_approved_with_different_translations(tmp_path: Path) -> None:
    sources = ["رحب السكان بالقرار.", "وقال الوزير إن العمل سيبدأ.", "رَحَّبَ السكانُ بالقرار.", "رحب السكان بالقرار."]
    with make_project(tmp_path, sources) as store:
        first, other, with_harakat, again = store.segments()
        store.update_segment(first.id, target="Residents welcomed the decision.", status=Status.APPROVED)
        store.update_segment(other.id, target="The minister said work would begin.", status=Status.APPROVED)
        store.update_segment(with_harakat.id, target="The residents praised the decision.", status=Status.APPROVED)
        # Differing only in spacing and case is the same translation.
        store.update_segment(again.id, target="residents  welcomed the decision.", status=Status.APPROVED)
        issues = {i.segment_id: i for i in check_project(store) if i.check == CheckName.INCONSISTENT}
        assert set(issues) == {first.id, with_harakat.id, again.id}
        assert issues[first.id].message.endswith(f"in segment {with_harakat.id}.")
        assert issues[with_harakat.id].message.endswith(f"in segments {first.id}, {again.id}.")
        assert issues[first.id].severity == Severity.WARNING
        # A draft is not yet a decision: it neither is flagged nor makes others inconsistent.
        store.update_segment(with_harakat.id, status=Status.DRAFT)
        assert [i for i in check_project(store) if i.check == CheckName.INCONSISTENT] == []


# -- length -----------------------------------------------------------------------------------------------------


def test_a_translation_far_longer_or_shorter_than_the_project_usually_has(store: ProjectStore) -> None:
    segments = store.segments()
    long_one, short_one = segments[3], segments[6]
    padded = "The minister said work would begin next month, " * 3 + "as had been said before."
    store.update_segment(long_one.id, target=padded, status=Status.APPROVED)
    store.update_segment(short_one.id, target="Buses.", status=Status.APPROVED)
    issues = {i.segment_id: i for i in check_project(store) if i.check == CheckName.LENGTH}
    assert set(issues) == {long_one.id, short_one.id}
    assert "repeated or added" in issues[long_one.id].message
    assert "left out" in issues[short_one.id].message


def test_length_is_not_judged_on_a_small_project(tmp_path: Path) -> None:
    sources = [source for source, _ in NEWS[:9]]
    with make_project(tmp_path, sources) as store:
        for segment, (_, target) in zip(store.segments(), NEWS, strict=False):
            store.update_segment(segment.id, target=target, status=Status.APPROVED)
        store.update_segment(store.segments()[0].id, target="Plan.", status=Status.APPROVED)
        assert QaContext.for_segments(store.segments()).length_bounds is None
        assert [i for i in check_project(store) if i.check == CheckName.LENGTH] == []


# -- glossary ---------------------------------------------------------------------------------------------------


@pytest.fixture
def glossary(tmp_path: Path) -> Iterator[Glossary]:
    glossary = Glossary.create(tmp_path / "terms.tarjama-glossary")
    glossary.add(GlossaryEntry(source="الحكومة", targets=("government",), forbidden=("regime",)))
    glossary.add(GlossaryEntry(source="داعش", targets=("Islamic State group", "ISIS"), forbidden=("Islamic State",)))
    yield glossary
    glossary.close()


def test_a_glossary_term_translated_otherwise(store: ProjectStore, glossary: Glossary) -> None:
    first = store.segments()[0]
    assert check_project(store, glossary) == []
    target = "The regime announced a new public transport plan for the capital."
    store.update_segment(first.id, target=target)
    missing, forbidden = check_project(store, glossary)
    assert (missing.check, missing.severity) == (CheckName.GLOSSARY_TERM, Severity.WARNING)
    assert "الحكومة" in missing.message and "“government”" in missing.message
    assert (forbidden.check, forbidden.severity) == (CheckName.FORBIDDEN_TERM, Severity.ERROR)
    assert [target[a:b] for a, b in forbidden.spans] == ["regime"]
    # Without a glossary there is nothing to compare with.
    assert check_project(store) == []


@pytest.mark.parametrize(
    ("target", "checks"),
    [
        ("Fighters of the Islamic State group attacked.", []),  # a forbidden phrase inside an allowed one
        ("ISIS fighters attacked.", []),  # any of the English terms will do
        ("isis fighters attacked.", []),  # whatever their case
        ("Fighters of the Islamic State attacked.", [CheckName.GLOSSARY_TERM, CheckName.FORBIDDEN_TERM]),
        ("CRISIS fighters attacked.", [CheckName.GLOSSARY_TERM]),  # whole words only
    ],
)
def test_glossary_terms_match_whole_words_in_any_case(
    tmp_path: Path, glossary: Glossary, target: str, checks: list[CheckName]
) -> None:
    with make_project(tmp_path, ["هاجم مقاتلو داعش."]) as store:
        segment = store.update_segment(store.segments()[0].id, target=target)
        context = QaContext.for_segments(store.segments(), glossary.term_finder())
        assert [i.check for i in check_segment(segment, context)] == checks
