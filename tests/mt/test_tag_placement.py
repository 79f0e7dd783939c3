"""Inline tags around machine translation: the model sees plain text, its output gets the source's tags back where
its attention says the tagged words went.

The models are the tiny real ones of tests/tiny_models.py: the glossary model translates word by word in order, the
`swapped` one swaps neighbouring words (positions 1 and 2 of each four), so its attention is known and a tag placed
by position alone would land on the wrong word.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from pathlib import Path

import pytest

from tarjama import mt
from tarjama.domain import ImportedDocument, Segment, Status, TmMatch, TmUnit
from tarjama.inline_tags import (
    InlineTag,
    TagKind,
    close_mark,
    has_marks,
    marks,
    open_mark,
    place_at_ends,
    plain,
    standalone_mark,
    tag_issues,
)
from tarjama.mt.engine import EngineSettings, Translator
from tarjama.mt.tag_placement import Alignment, links_from_attention, placement
from tarjama.project.pretranslate import pretranslate
from tarjama.project.store import ProjectStore
from window_fixtures import open_window

B, IT, FN = 1, 2, 3  # bold, italic, a footnote reference


def bold(text: str, tag: int = B) -> str:
    return open_mark(tag) + text + close_mark(tag)


def note(tag: int = FN) -> str:
    return standalone_mark(tag)


@pytest.fixture(scope="module")
def swapped(swapped_dir: Path) -> Translator:
    return Translator(swapped_dir)


def translate_tagged(translator: Translator, source: str) -> tuple[str, frozenset[int]]:
    result = translator.translate_one(plain(source), align=True)
    placed = placement(source, result.text, result.alignments[0])
    return placed.text, placed.fallback


# -- through the real models -------------------------------------------------------------------------------------


def test_bold_word_follows_its_translation_when_the_model_reorders(swapped: Translator) -> None:
    plain_translation = swapped.translate_one("ذهب بيت كبير").text
    assert plain_translation == "went big house", "the swapped model puts the adjective first"
    text, fallback = translate_tagged(swapped, f"ذهب {bold('بيت')} كبير")
    assert text == f"went big {bold('house')}"
    assert not fallback


def test_footnote_mark_lands_after_the_translation_of_the_word_before_it(swapped: Translator) -> None:
    text, fallback = translate_tagged(swapped, f"ذهب بيت{note()} كبير .")
    assert text == f"went big house{note()} ."
    text, _ = translate_tagged(swapped, f"{note()}ولد ذهب إلى مدرسة")  # nothing before it: before the next word
    assert text == f"{note()}boy to went school"
    assert not fallback


def test_nested_pairs_stay_nested(swapped: Translator) -> None:
    source = f"{open_mark(B)}ولد {bold('ذهب', IT)} إلى{close_mark(B)} مدرسة"
    text, fallback = translate_tagged(swapped, source)
    assert text == f"{open_mark(B)}boy to {bold('went', IT)}{close_mark(B)} school"
    assert tag_issues(source, text) == [] and not fallback


def test_a_segment_cut_into_pieces_still_gets_its_tags(glossary_dir: Path) -> None:
    translator = Translator(glossary_dir, EngineSettings(max_input_tokens=4))
    words = "ولد ذهب إلى مدرسة ، بنت قرأ كتاب في مدينة ، يوم جميل"
    parts = words.split()
    parts[1], parts[8], parts[11] = bold(parts[1]), bold(parts[8], IT), parts[11] + note()
    source = " ".join(parts)
    result = translator.translate_one(plain(source), align=True)
    assert result.pieces >= 3
    placed = placement(source, result.text, result.alignments[0])
    assert placed.text == f"boy {bold('went')} to school , girl read book {bold('in', IT)} city , day{note()} beautiful"
    assert not placed.fallback


def test_alternatives_are_aligned_too(session_translator: Translator) -> None:
    result = session_translator.translate_one("بيت كبير", align=True)
    assert len(result.alignments) == 1 + len(result.alternatives) >= 2
    for alternative, alignment in zip(result.alternatives, result.alignments[1:], strict=True):
        first = alternative.text.split()[0]
        assert placement(f"{bold('بيت')} كبير", alternative.text, alignment).text.startswith(bold(first))


def test_without_align_the_engine_computes_no_alignment(session_translator: Translator) -> None:
    assert session_translator.translate_one("بيت كبير").alignments == ()


def test_uniform_attention_falls_back_to_the_ends(session_translator: Translator) -> None:
    source = f"{bold('ولد')} ذهب{note()} إلى {bold('مدرسة', IT)}"
    result = session_translator.translate_one(plain(source), align=True)
    real = result.alignments[0]
    rows = [[0.25] * len(real.source_pieces)] * len(real.target_pieces)
    assert links_from_attention(rows) == [None] * len(rows)
    useless = Alignment(real.source_pieces, real.target_pieces, tuple(links_from_attention(rows)))
    placed = placement(source, result.text, useless)
    assert placed.text == place_at_ends(source, result.text)
    assert placed.text.startswith(open_mark(B) + open_mark(IT)) and placed.text.endswith(note())
    assert placed.fallback == {B, IT, FN}


def test_a_plain_segment_is_unchanged(session_translator: Translator) -> None:
    result = session_translator.translate_one("ولد ذهب إلى مدرسة", align=True)
    assert placement("ولد ذهب إلى مدرسة", result.text, result.alignments[0]).text == result.text == "boy went to school"


# -- the placement itself, on alignments written out --------------------------------------------------------------


def test_words_not_pieces_are_the_unit() -> None:
    """Bold on a word the model wrote in two pieces covers the whole word, but not the full stop after it."""
    alignment = Alignment(("▁بيت", "▁."), ("▁hous", "e", "."), (0, None, 1))
    assert placement(f"{bold('بيت')} .", "house.", alignment).text == f"{bold('house')}."
    assert placement(f"بيت{note()} .", "house.", alignment).text == f"house{note()}."


def test_siblings_that_would_cross_are_kept_apart() -> None:
    """Bold's words surround italic's in the target: bold keeps its words, italic cannot cross it."""
    alignment = Alignment(("▁a", "▁b"), ("▁x", "▁y", "▁z"), (0, 1, 0))
    source = f"{bold('a')} {bold('b', IT)}"
    placed = placement(source, "x y z", alignment)
    assert tag_issues(source, placed.text) == []
    assert sorted(m.id for m in marks(placed.text)) == [B, B, IT, IT]


def test_pieces_that_do_not_make_the_words_fall_back() -> None:
    """Another tokenizer (or a normaliser that dropped a word): no guessing, the tags go to the ends."""
    alignment = Alignment(("a@@", "b"), ("x",), (0,))
    assert placement(f"{bold('ab')} c", "x y", alignment).text == place_at_ends(f"{bold('ab')} c", "x y")


# -- pre-translation and re-translation --------------------------------------------------------------------------

TABLE = {
    B: InlineTag(B, TagKind.PAIRED, "bold"),
    IT: InlineTag(IT, TagKind.PAIRED, "italic"),
    FN: InlineTag(FN, TagKind.STANDALONE, "footnote"),
}
TAGGED = f"ولد {bold('ذهب')} إلى {bold('مدرسة', IT)}{note()}"


def _tagged_project(path: Path, paragraphs: Sequence[str]) -> ProjectStore:
    document = ImportedDocument("a.docx", "docx", list(paragraphs), tags=tuple(TABLE for _ in paragraphs))
    return ProjectStore.create(path, [document])


def test_pretranslate_stores_targets_with_the_tags_on_the_right_words(tmp_path: Path, swapped: Translator) -> None:
    with _tagged_project(tmp_path / "p.tarjama", [TAGGED, "ذهب بيت كبير"]) as store:
        report = pretranslate(store, swapped)
        tagged, untagged = store.segments()
    assert report.translated == 2
    assert tagged.target == f"boy to {bold('went')} {bold('school', IT)}{note()}"
    assert tagged.mt_text == tagged.target, "the machine text carries the same tags, so effort compares like with like"
    assert tagged.alternatives and all(tag_issues(TAGGED, alt.text) == [] for alt in tagged.alternatives)
    assert untagged.target == untagged.mt_text == "went big house"


class _MemoryWith:
    """A memory answering every segment with one unit (tags numbered its own way)."""

    def __init__(self, unit: TmUnit) -> None:
        self.unit = unit

    def lookup(self, source: str, context: str, *, threshold: int, limit: int) -> list[TmMatch]:
        return [TmMatch(self.unit, 100)]

    def record_use(self, *unit_ids: int) -> None:
        pass


def test_a_tm_fill_carries_the_segment_tag_numbers(tmp_path: Path) -> None:
    unit = TmUnit(f"ولد {bold('ذهب', 7)} إلى {bold('مدرسة', 8)}{note(9)}",
                  f"A boy {bold('went', 7)} to {bold('school', 8)}{note(9)}.")
    with _tagged_project(tmp_path / "p.tarjama", [TAGGED]) as store:
        pretranslate(store, None, tm=_MemoryWith(unit))  # type: ignore[arg-type]  # a memory's lookup, no more
        (segment,) = store.segments()
    assert segment.target == f"A boy {bold('went')} to {bold('school', IT)}{note()}."
    assert tag_issues(segment.source, segment.target) == []


@pytest.fixture
def installed(glossary_archive: Path) -> Iterator[mt.InstalledPackage]:
    package = mt.install_package(glossary_archive)
    yield package
    mt.release_translators()


def test_retranslate_in_the_window_places_the_tags(qtbot, tmp_path: Path, installed: mt.InstalledPackage) -> None:
    path = tmp_path / "p.tarjama"
    _tagged_project(path, [TAGGED]).close()
    window = open_window(qtbot, path)
    try:
        segment: Segment = window.session.model.segment_at(0)
        window.go_to(segment.id)
        window.retranslate_action.trigger()  # Ctrl+T
        qtbot.waitUntil(lambda: window.session.store.segment(segment.id).status == Status.MACHINE, timeout=10000)
        retranslated = window.session.store.segment(segment.id)
    finally:
        window.close()
    assert retranslated.target == f"boy {bold('went')} to {bold('school', IT)}{note()}"
    assert retranslated.mt_text == retranslated.target
    assert retranslated.alternatives and all(has_marks(alt.text) for alt in retranslated.alternatives)
