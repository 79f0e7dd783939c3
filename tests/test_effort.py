"""Post-editing effort: HTER and character distance on known pairs, which origin a target began from, active editing
time, and the store's editing-time column."""

from __future__ import annotations

import math
from pathlib import Path

import pytest

from tarjama.domain import ImportedDocument, MachineSuggestion, Origin, Segment, Status, TmMatch, TmUnit
from tarjama.errors import SegmentError
from tarjama.project.effort import (
    ActiveTimer,
    active_seconds,
    effort_props,
    effort_summary,
    hter,
    project_effort,
    segment_effort,
)
from tarjama.project.store import ProjectStore


def segment(target: str, *, status: Status = Status.APPROVED, origin: Origin = Origin.HUMAN, **fields) -> Segment:
    values = {"id": 1, "paragraph_id": 1, "paragraph_index": 0, "position": 0, "source": "جملة عربية قصيرة"}
    return Segment(**{**values, **fields}, target=target, status=status, origin=origin)


# -- HTER ---------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("original", "post_edited", "expected"),
    [
        ("The talks began today.", "The talks began today.", 0.0),
        ("the cat sat down", "the dog sat down", 0.25),
        # A block moved is one shift, not a deletion and an insertion per word.
        ("yesterday the talks began", "the talks began yesterday", 0.25),
        # Edits are divided by the post-edited text's words: two insertions into four words.
        ("the plan", "the new transport plan", 0.5),
        ("the new transport plan", "the plan", 1.0),
        # Case counts, and punctuation stuck to a word makes it another word; whitespace does not count.
        ("the plan", "The plan", 0.5),
        ("the plan.", "the plan", 0.5),
        ("the  plan\n", "the plan", 0.0),
        # Empty sides.
        ("", "", 0.0),
        ("", "A whole new sentence", 1.0),
        ("Something the translator removed", "", 1.0),
    ],
)
def test_hter_of_known_pairs(original: str, post_edited: str, expected: float) -> None:
    assert hter(original, post_edited) == pytest.approx(expected)


# -- segment effort -----------------------------------------------------------------------------------------------


def test_effort_of_a_post_edited_machine_translation() -> None:
    effort = segment_effort(
        segment("The colour of the flag.", mt_text="The color of the flag.", origin=Origin.HUMAN, edit_seconds=12.5)
    )
    assert effort is not None
    assert effort.origin == Origin.MT and effort.origin == "mt"
    assert effort.origin_text == "The color of the flag."
    assert effort.hter == pytest.approx(0.2)
    assert effort.char_distance == 1
    assert effort.char_ratio == pytest.approx(1 / len("The colour of the flag."))
    assert effort.edit_seconds == 12.5


def test_effort_of_a_fuzzy_tm_match() -> None:
    effort = segment_effort(
        segment("Residents welcomed the plan.", tm_text="Residents welcome the plan.", tm_score=87)
    )
    assert effort is not None and effort.origin == Origin.TM
    assert (effort.hter, effort.char_distance) == (0.25, 1)


def test_an_untouched_origin_has_no_effort() -> None:
    effort = segment_effort(segment("Same.", mt_text="Same.", origin=Origin.MT))
    assert effort is not None and (effort.hter, effort.char_distance, effort.char_ratio) == (0.0, 0, 0.0)


@pytest.mark.parametrize("score", [100, 101])
def test_exact_tm_matches_are_not_measured(score: int) -> None:
    assert segment_effort(segment("Edited anyway.", tm_text="The match.", tm_score=score, origin=Origin.TM)) is None


def test_a_target_written_from_scratch_is_not_measured() -> None:
    assert segment_effort(segment("Typed by the translator.")) is None


def test_an_empty_machine_translation_is_an_origin_too() -> None:
    effort = segment_effort(segment("Two words", mt_text=""))
    assert effort is not None and effort.hter == 1.0 and effort.char_distance == len("Two words")
    assert effort.char_ratio == 1.0


def test_machine_translation_after_a_tm_fill_is_the_origin_once_edited() -> None:
    both = {"mt_text": "Machine text here.", "tm_text": "Memory text here.", "tm_score": 80}
    edited = segment_effort(segment("Final text here.", **both))
    assert edited is not None and edited.origin == Origin.MT
    still_tm = segment_effort(segment("Memory text here.", origin=Origin.TM, **both))
    assert still_tm is not None and still_tm.origin == Origin.TM and still_tm.hter == 0.0


def test_effort_props_for_tmx() -> None:
    effort = segment_effort(segment("the dog sat down", mt_text="the cat sat down", edit_seconds=41.6))
    assert effort_props(effort) == (("x-hter", "0.2500"), ("x-edit-seconds", "42"))
    assert effort_props(None) == ()


# -- active editing time ------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("times", "expected"),
    [
        ([], 0.0),
        ([5.0], 0.0),
        ([0.0, 10.0, 20.0], 20.0),
        ([0.0, 10.0, 100.0, 110.0], 20.0),  # the 90 s break counts nothing, not even its first minute
        ([0.0, 60.0, 121.0], 60.0),  # exactly the idle limit still counts
        ([20.0, 0.0, 10.0], 20.0),  # in any order
        ([0.0, 0.0, 5.0, 5.0, 5.0], 5.0),  # duplicates add nothing
    ],
)
def test_active_seconds(times: list[float], expected: float) -> None:
    assert active_seconds(times) == pytest.approx(expected)


def test_active_seconds_with_another_idle_limit() -> None:
    assert active_seconds(iter([0.0, 10.0, 40.0]), idle_limit=15) == 10.0
    with pytest.raises(ValueError, match="idle_limit"):
        active_seconds([0.0, 1.0], idle_limit=-1)


def test_active_timer_keeps_the_time_between_takes() -> None:
    timer = ActiveTimer()
    for when in (100.0, 105.0, 300.0, 303.0):
        timer.record(when)
    assert timer.take() == 8.0
    assert timer.take() == 0.0
    timer.record(310.0)  # the next segment: its first 7 s since the last keystroke are its own
    assert timer.take() == 7.0
    timer.record(500.0)  # after a break
    assert timer.take() == 0.0


# -- summary ------------------------------------------------------------------------------------------------------


def test_effort_summary() -> None:
    segments = [
        segment("the plan was approved", mt_text="the plan was approved", edit_seconds=10, source="أ ب"),
        segment("the dog sat down", mt_text="the cat sat down", edit_seconds=20, source="أ ب ج"),
        segment("the new transport plan", tm_text="the plan", tm_score=80, edit_seconds=30, source="أ"),
        segment("Written from scratch.", edit_seconds=60, source="أ ب ج د"),  # approved, no origin
        segment("Exact match.", tm_text="Exact match.", tm_score=100, source="أ ب"),
        segment("a draft", mt_text="a draft text", status=Status.DRAFT, edit_seconds=1000, source="أ ب"),
    ]
    summary = effort_summary(segments)
    assert (summary.segments, summary.from_mt, summary.from_tm) == (3, 2, 1)
    assert summary.mean_hter == pytest.approx(0.25)
    assert summary.median_hter == pytest.approx(0.25)
    assert summary.edit_seconds == 1120
    # 12 approved source words in 120 s of editing on approved segments.
    assert summary.words_per_hour == pytest.approx(12 / (120 / 3600))


def test_effort_summary_of_nothing_measured() -> None:
    summary = effort_summary([segment("", status=Status.NEW)])
    assert (summary.segments, summary.mean_hter, summary.median_hter, summary.words_per_hour) == (0, None, None, None)
    assert summary.edit_seconds == 0


# -- the store ----------------------------------------------------------------------------------------------------


@pytest.fixture
def project(tmp_path: Path) -> Path:
    document = ImportedDocument("خبر.txt", "txt", ["أعلنت الحكومة خطة جديدة. رحب السكان بالقرار.", "انتهى الاجتماع."])
    ProjectStore.create(tmp_path / "p.tarjama", [document]).close()
    return tmp_path / "p.tarjama"


def test_edit_time_accumulates_and_survives_reopening(project: Path) -> None:
    with ProjectStore.open(project) as store:
        first = store.segments()[0]
        store.add_edit_time(first.id, 1.5)
        store.add_edit_time(first.id, 2.25)
        store.add_edit_time(first.id, 0)
        after = store.segment(first.id)
        assert after.edit_seconds == 3.75
        # Time is no change to the translation: no history entry, same change time.
        assert store.history(first.id) == [] and after.updated_at == first.updated_at
    with ProjectStore.open(project) as store:
        assert [s.edit_seconds for s in store.segments()] == [3.75, 0.0, 0.0]


@pytest.mark.parametrize("seconds", [-1.0, math.nan, math.inf])
def test_edit_time_must_be_a_real_duration(project: Path, seconds: float) -> None:
    with ProjectStore.open(project) as store:
        with pytest.raises(ValueError, match="seconds"):
            store.add_edit_time(1, seconds)
        assert store.segment(1).edit_seconds == 0.0


def test_edit_time_of_a_missing_segment_is_a_segment_error(project: Path) -> None:
    with ProjectStore.open(project) as store, pytest.raises(SegmentError, match="99"):
        store.add_edit_time(99, 1.0)


def test_project_effort(project: Path) -> None:
    with ProjectStore.open(project) as store:
        first, second, third = (s.id for s in store.segments())
        store.apply_machine_translations([(first, MachineSuggestion("The government announced new plan.", 0.8), [])])
        match = TmMatch(TmUnit("رحب السكان بالخطة.", "Residents welcomed the plan."), score=85)
        store.apply_tm_matches([(second, match)])
        store.update_segment(first, target="The government announced a new plan.", status=Status.APPROVED)
        store.update_segment(second, target="Residents welcomed the decision.", status=Status.APPROVED)
        store.update_segment(third, target="The meeting ended.", status=Status.APPROVED)
        for segment_id, seconds in ((first, 30.0), (second, 15.0), (third, 15.0)):
            store.add_edit_time(segment_id, seconds)
        summary = project_effort(store)
    assert (summary.segments, summary.from_mt, summary.from_tm) == (2, 1, 1)
    assert summary.mean_hter == pytest.approx((1 / 6 + 1 / 4) / 2)
    assert summary.edit_seconds == 60.0
    assert summary.words_per_hour == pytest.approx(9 / (60 / 3600))
