"""Tagged units in the window's TM pane: shown with readable tags, never as raw private-use characters, and put into
a segment with their tags renumbered to the segment's."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt

from qt_keys import press
from tarjama.domain import ImportedDocument, TmUnit
from tarjama.inline_tags import MARK, InlineTag, TagKind, close_mark, open_mark, standalone_mark
from tarjama.memory.store import TranslationMemory
from tarjama.paths import default_tm_path
from tarjama.project.store import ProjectStore
from window_fixtures import open_window, stored

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier
BOLD = InlineTag(1, TagKind.PAIRED, "bold", "Bold", "<w:b/>")
NOTE = InlineTag(2, TagKind.STANDALONE, "footnote", "", "<w:footnoteReference/>")


def test_a_tagged_match_is_shown_readably_and_used_with_the_segments_tags(qtbot, tmp_path: Path) -> None:
    segment_source = f"قال {open_mark(1)}الوزير{close_mark(1)} إن الخطة جاهزة.{standalone_mark(2)}"
    project = tmp_path / "tagged.tarjama"
    document = ImportedDocument("خبر.docx", "txt", [segment_source, "فقرة ثانية."], tags=({1: BOLD, 2: NOTE}, {}))
    ProjectStore.create(project, [document]).close()
    # The same sentence, formatted alike, in another paragraph of another document: its tags are numbered 7 and 9.
    with TranslationMemory.open_or_create(default_tm_path()) as memory:
        memory.add(TmUnit(
            source=f"قال {open_mark(7)}الوزير{close_mark(7)} إن الخطة جاهزة.{standalone_mark(9)}",
            target=f"The {open_mark(7)}minister{close_mark(7)} said the plan is ready.{standalone_mark(9)}",
            tags={7: InlineTag(7, TagKind.PAIRED, "bold", "", "<w:b/>"),
                  9: InlineTag(9, TagKind.STANDALONE, "footnote", "", "<w:footnoteReference/>")},
        ))
    window = open_window(qtbot, project)
    try:
        first, second = window.session.model.segments()
        window.go_to(second.id)
        window.go_to(first.id)
        qtbot.waitUntil(lambda: len(window.tm.pane.matches()) == 1, timeout=5000)
        [row] = window.tm.pane.list.rows()
        assert row.badge == "100%"
        assert row.source == "قال ⟨7⟩الوزير⟨/7⟩ إن الخطة جاهزة.⟨9/⟩"
        assert row.target == "The ⟨7⟩minister⟨/7⟩ said the plan is ready.⟨9/⟩"
        assert not MARK.search(row.source + row.target)

        press(window.grid, Qt.Key.Key_1, CTRL | SHIFT)

        assert stored(project)[0].target == \
            f"The {open_mark(1)}minister{close_mark(1)} said the plan is ready.{standalone_mark(2)}"
    finally:
        window.close()


def test_readable_tags_move_the_highlighted_spans_with_the_text(qapp) -> None:
    from tarjama.ui.memory.unit_list import UnitRow, with_readable_tags

    source = f"{open_mark(3)}مساء{close_mark(3)} اليوم"
    row = with_readable_tags(UnitRow(heading="", source=source, target="this evening", source_spans=((1, 5), (7, 12))))

    assert row.source == "⟨3⟩مساء⟨/3⟩ اليوم"
    assert [row.source[start:end] for start, end in row.source_spans] == ["مساء", "اليوم"]
    assert row.target == "this evening"
