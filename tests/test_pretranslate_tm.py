"""Pre-translation fills from the translation memory first and sends only the rest to machine translation.

The engine is a fake with the Translator protocol (`translate(sources, progress=, cancel=)`); the real engine is
tested in tests/mt. The Arabic text is written for these tests.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator, Sequence
from pathlib import Path

import pytest

from tarjama.domain import ImportedDocument, Origin, Status, TmUnit
from tarjama.memory.link import segment_context
from tarjama.memory.store import TranslationMemory
from tarjama.mt.cancellation import CancelToken, is_cancelled
from tarjama.mt.engine import Progress, ProgressCallback, SegmentTranslation
from tarjama.mt.errors import TranslationCancelled
from tarjama.project.pretranslate import PretranslateProgress, pretranslate
from tarjama.project.store import ProjectStore

PARAGRAPHS = [
    "وصل الوفد إلى العاصمة صباح اليوم. وبدأت المحادثات بعد ساعة.",
    "قال المتحدث باسم الوزارة إن الاجتماع كان مثمرا جدا.",
    "ارتفعت أسعار الخبز في المدينة.",
]
# The memory: an exact match (stored with the context it has in the project), a fuzzy one, and one too weak.
EXACT = ("وصل الوفد إلى العاصمة صباح اليوم.", "The delegation arrived in the capital this morning.")
FUZZY = ("قال المتحدث باسم الوزارة إن الاجتماع كان مثمرا.", "The ministry spokesman said the meeting was fruitful.")
WEAK = ("ارتفعت أسعار الوقود في الريف.", "Fuel prices rose in the countryside.")


class FakeTranslator:
    """Answers "MT: <source>" in batches of two, reporting each batch (and stopping when cancelled) like the engine."""

    def __init__(self, cancel_after_batches: int | None = None) -> None:
        self.requests: list[list[str]] = []
        self.cancel_after_batches = cancel_after_batches

    def translate(
        self,
        segments: Sequence[str],
        *,
        progress: ProgressCallback | None = None,
        cancel: CancelToken = None,
        align: bool = False,
        terms: object = None,
    ) -> list[SegmentTranslation]:
        self.requests.append(list(segments))
        results: dict[int, SegmentTranslation] = {}
        for batch, start in enumerate(range(0, len(segments), 2)):
            if is_cancelled(cancel) or batch == self.cancel_after_batches:
                raise TranslationCancelled(dict(results))
            finished = tuple((i, SegmentTranslation(segments[i], f"MT: {segments[i]}", 0.5))
                             for i in range(start, min(start + 2, len(segments))))
            results.update(finished)
            if progress:
                progress(Progress(len(results), len(segments), finished))
        return [results[i] for i in range(len(segments))]


@pytest.fixture
def store(tmp_path: Path) -> Iterator[ProjectStore]:
    with ProjectStore.create(tmp_path / "p.tarjama", [ImportedDocument("a.txt", "txt", PARAGRAPHS)]) as opened:
        yield opened


@pytest.fixture
def memory(tmp_path: Path) -> Iterator[TranslationMemory]:
    with TranslationMemory.create(tmp_path / "m.tarjama-tm") as opened:
        opened.add(TmUnit(*EXACT, context=segment_context(None, "وبدأت المحادثات بعد ساعة.")))
        opened.import_units([TmUnit(*FUZZY), TmUnit(*WEAK)])
        yield opened


def by_source(store: ProjectStore) -> dict[str, object]:
    return {s.source: s for s in store.segments()}


def test_tm_first_then_mt_for_the_rest(store: ProjectStore, memory: TranslationMemory) -> None:
    translator = FakeTranslator()
    progress: list[PretranslateProgress] = []
    report = pretranslate(store, translator, tm=memory, on_progress=progress.append)

    assert (report.total, report.tm_exact, report.tm_fuzzy, report.from_tm, report.translated, report.cancelled) == (
        4, 1, 1, 2, 2, False)
    assert translator.requests == [["وبدأت المحادثات بعد ساعة.", "ارتفعت أسعار الخبز في المدينة."]]

    segments = by_source(store)
    exact = segments[EXACT[0]]
    assert (exact.target, exact.status, exact.origin, exact.tm_score, exact.tm_text) == (
        EXACT[1], Status.DRAFT, Origin.TM, 101, EXACT[1])
    fuzzy = segments[PARAGRAPHS[1]]
    assert (fuzzy.target, fuzzy.origin, fuzzy.tm_score) == (FUZZY[1], Origin.TM, 88)  # 8 of 9 words
    mt = segments["ارتفعت أسعار الخبز في المدينة."]
    assert (mt.target, mt.status, mt.origin, mt.tm_score) == (
        "MT: ارتفعت أسعار الخبز في المدينة.", Status.MACHINE, Origin.MT, None)

    assert [p.done for p in progress] == [2, 4] and all(p.total == 4 for p in progress)
    assert {s.id for p in progress for s in p.changed} == {s.id for s in store.segments()}
    used = {u.source: u.usage_count for u in memory.units()}
    assert used == {EXACT[0]: 1, FUZZY[0]: 1, WEAK[0]: 0}


def test_the_threshold_decides_what_the_memory_fills(store: ProjectStore, memory: TranslationMemory) -> None:
    report = pretranslate(store, FakeTranslator(), tm=memory, tm_threshold=100)
    assert (report.tm_exact, report.tm_fuzzy, report.translated) == (1, 0, 3)
    assert by_source(store)[PARAGRAPHS[1]].origin == Origin.MT


def test_threshold_101_takes_only_context_matches(tmp_path: Path, memory: TranslationMemory) -> None:
    paragraphs = [EXACT[0], "جملة أخرى تماما. " + EXACT[0]]  # the second has other neighbours
    with ProjectStore.create(tmp_path / "q.tarjama", [ImportedDocument("b.txt", "txt", paragraphs)]) as store:
        report = pretranslate(store, None, tm=memory, tm_threshold=101)
        assert (report.tm_exact, report.tm_fuzzy, report.translated) == (0, 0, 0)

        reached = "The delegation reached the capital this morning."
        memory.add(TmUnit(EXACT[0], reached, context=segment_context("جملة أخرى تماما.", None)))
        report = pretranslate(store, None, tm=memory, tm_threshold=101)
        assert report.tm_exact == 1
        assert [(s.tm_score, s.target) for s in store.segments()] == [(None, ""), (None, ""), (101, reached)]


def test_without_a_translator_only_the_memory_fills(store: ProjectStore, memory: TranslationMemory) -> None:
    progress: list[PretranslateProgress] = []
    report = pretranslate(store, None, tm=memory, on_progress=progress.append)
    assert (report.total, report.from_tm, report.translated, report.cancelled) == (4, 2, 0, False)
    assert progress[-1].done == 4
    assert sum(1 for s in store.segments() if s.status == Status.NEW) == 2


def test_without_a_memory_everything_goes_to_mt(store: ProjectStore) -> None:
    report = pretranslate(store, FakeTranslator())
    assert (report.total, report.from_tm, report.translated) == (4, 0, 4)


def test_what_a_person_touched_is_never_filled(store: ProjectStore, memory: TranslationMemory) -> None:
    segment = by_source(store)[EXACT[0]]
    store.update_segment(segment.id, target="Typed by a person.")
    translator = FakeTranslator()
    report = pretranslate(store, translator, tm=memory)
    assert (report.total, report.tm_exact, report.tm_fuzzy, report.translated) == (3, 0, 1, 2)
    assert store.segment(segment.id).target == "Typed by a person."
    # A second run finds nothing left to do.
    again = pretranslate(store, translator, tm=memory)
    assert (again.total, again.from_tm, again.translated) == (0, 0, 0)


def test_cancelling_keeps_finished_batches(store: ProjectStore, memory: TranslationMemory) -> None:
    cancel = threading.Event()
    cancel.set()
    report = pretranslate(store, FakeTranslator(), tm=memory, cancel=cancel)
    assert (report.cancelled, report.from_tm, report.translated) == (True, 0, 0)

    report = pretranslate(store, FakeTranslator(cancel_after_batches=0), tm=memory)
    assert (report.cancelled, report.from_tm, report.translated) == (True, 2, 0)
    assert sum(1 for s in store.segments() if s.origin == Origin.TM) == 2


def test_threshold_must_be_a_percentage(store: ProjectStore, memory: TranslationMemory) -> None:
    with pytest.raises(ValueError, match="between 0 and 101"):
        pretranslate(store, None, tm=memory, tm_threshold=102)
