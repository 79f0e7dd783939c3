"""The neighbours rule behind 101 % matches, stated once (`tarjama.memory.link.context_in_paragraph`): a segment's
context is its neighbours in its own paragraph, and the unit an approval writes, pre-translation and the window's
lookup of the segment being edited must agree on it, or an approved segment would never find its own unit at 101 %.

The window's side (`ProjectSession.tm_context`) is covered by tests/test_window_tm.py.
"""

from __future__ import annotations

from pathlib import Path

from tarjama.domain import ImportedDocument, Segment, Status
from tarjama.memory.link import context_in_paragraph, segment_context
from tarjama.memory.store import TranslationMemory
from tarjama.project.pretranslate import contexts
from tarjama.project.store import ProjectStore

PARAGRAPHS = [
    "وصل الوفد إلى العاصمة صباح اليوم. وبدأت المحادثات بعد ساعة. وانتهت الجولة الأولى مساء.",
    "قال المتحدث إن الاجتماع كان مثمرا.",
    "وأضاف أن الجولة الثانية تبدأ غدا. ولم يذكر تفاصيل.",
]


def _segment(segment_id: int, paragraph_id: int, source: str) -> Segment:
    return Segment(id=segment_id, paragraph_id=paragraph_id, paragraph_index=paragraph_id, position=0,
                   source=source, space_after=" ", target="")


def test_only_neighbours_in_the_same_paragraph_count() -> None:
    segments = [_segment(1, 1, "أ."), _segment(2, 1, "ب."), _segment(3, 2, "ج."), _segment(4, 3, "د."),
                _segment(5, 3, "ه.")]
    assert [context_in_paragraph(segments, index) for index in range(len(segments))] == [
        segment_context(None, "ب."),
        segment_context("أ.", None),
        segment_context(None, None),  # alone in its paragraph: a context all the same, never ""
        segment_context(None, "ه."),
        segment_context("د.", None),
    ]


def test_approvals_write_the_context_pretranslation_looks_up(tmp_path: Path) -> None:
    """Every segment approved (first, middle, last of a paragraph, and alone in one): each unit's context is the
    one pre-translation computes for its segment, so each finds its own unit at 101 %."""
    memory = tmp_path / "memory.tarjama-tm"
    document = ImportedDocument(name="خبر.txt", format="txt", paragraphs=PARAGRAPHS)
    with ProjectStore.create(tmp_path / "خبر.tarjama", [document]) as store:
        store.link_tm(memory)
        segments = store.segments()
        for segment in segments:
            store.update_segment(segment.id, target=f"Sentence {segment.id}.", status=Status.APPROVED)
        expected = contexts(store.segments())
    with TranslationMemory.open(memory) as opened:
        written = {unit.target: unit.context for unit in opened.units()}
        assert written == {f"Sentence {segment.id}.": expected[segment.id] for segment in segments}
        for segment in segments:
            [best, *_] = opened.lookup(segment.source, expected[segment.id])
            assert (best.unit.target, best.score) == (f"Sentence {segment.id}.", 101)
