"""The window in Arabic: Tarjama's texts and Qt's own in Arabic, the layout mirrored, and the grid's English target
still left to right. The catalogue is built from the committed .ts here, so the test checks the translation as it
is now rather than whatever .qm the last set-up left behind."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QFont, QImage, QTextOption
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QFileDialog, QFileSystemModel

from qt_keys import press, type_text
from tarjama.domain import MachineSuggestion, Segment
from tarjama.qa import CheckName, QaContext, QaIssue, Severity, check_segment
from tarjama.qa.messages import Alternatives, message
from tarjama.ui.common.bidi import isolated
from tarjama.ui.editor.delegate import lay_out, text_option
from tarjama.ui.editor.segment_model import Column
from tarjama.ui.qa.pane import QaModel, QaRow, issue_message
from tarjama.ui.shell import i18n
from tarjama.ui.shell.main_window import MainWindow
from window_fixtures import arabic, open_window, project_of

DOCUMENT = "وصل الوزير إلى العاصمة صباح اليوم. وعقد اجتماعاً مع نظيره.\n\nوفي ختام الزيارة، أكد الجانبان التزامهما.\n"
MENUS = ["&File", "&Edit", "&Segment", "&Translation", "Translation &memory", "&Glossary", "&QA", "&View"]


@pytest.fixture
def window(qtbot, arabic_ui, tmp_path: Path) -> Iterator[MainWindow]:
    win = open_window(qtbot, project_of(tmp_path, DOCUMENT), arabic_ui)
    yield win
    win.close()


def test_texts_are_arabic_and_the_layout_mirrored(window: MainWindow, tmp_path: Path) -> None:
    assert window.windowTitle() == arabic("MainWindow", "{name} — Tarjama").format(name="visit.tarjama")
    assert [action.text() for action in window.menuBar().actions()] == [arabic("MainWindow", m) for m in MENUS]
    header = window.grid.model().headerData(Column.SOURCE, Qt.Orientation.Horizontal)
    assert header == arabic("SegmentModel", "Arabic source")
    assert QApplication.layoutDirection() == Qt.LayoutDirection.RightToLeft
    assert window.layoutDirection() == window.grid.layoutDirection() == Qt.LayoutDirection.RightToLeft
    # Mirrored: the segment number is the rightmost column, the Arabic source next to it, the English after.
    grid_header = window.grid.horizontalHeader()
    positions = [
        grid_header.sectionViewportPosition(column) for column in (Column.NUMBER, Column.SOURCE, Column.TARGET)
    ]
    assert positions == sorted(positions, reverse=True)

    screenshot = tmp_path / "arabic.png"
    assert window.grab().save(str(screenshot))
    image = QImage(str(screenshot))
    assert screenshot.stat().st_size > 0 and not image.isNull() and image.width() > 600


def test_qt_standard_texts_are_arabic(window: MainWindow) -> None:
    cancel = QCoreApplication.translate("QPlatformTheme", "Cancel")
    assert cancel != "Cancel" and any("\u0600" <= char <= "\u06ff" for char in cancel)
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
    assert buttons.button(QDialogButtonBox.StandardButton.Cancel).text() == cancel


def test_the_grid_keeps_arabic_right_to_left_and_english_left_to_right(window: MainWindow) -> None:
    assert text_option(Column.SOURCE).textDirection() == Qt.LayoutDirection.RightToLeft
    assert text_option(Column.TARGET).textDirection() == Qt.LayoutDirection.LeftToRight
    press(window.grid, Qt.Key.Key_F2)
    editor = window.open_editor()
    assert editor is not None
    assert editor.layoutDirection() == Qt.LayoutDirection.LeftToRight
    type_text(editor, "The minister — الوزير")
    assert editor.document().firstBlock().textDirection() == Qt.LayoutDirection.LeftToRight
    cursor = editor.textCursor()
    cursor.movePosition(cursor.MoveOperation.Start)
    editor.setTextCursor(cursor)
    assert editor.cursorRect().left() < editor.viewport().width() // 4  # the English starts on the left


def test_a_target_beginning_with_arabic_stays_one_left_to_right_paragraph(window: MainWindow) -> None:
    press(window.grid, Qt.Key.Key_F2)
    editor = window.open_editor()
    type_text(editor, "الوزير arrived")
    assert editor.document().firstBlock().textDirection() == Qt.LayoutDirection.LeftToRight


def test_choosing_a_language_applies_from_the_next_start(window: MainWindow, arabic_ui) -> None:
    menu = window.language_menu
    assert menu.actions[i18n.ARABIC].isChecked()
    menu.actions[i18n.ENGLISH].trigger()
    assert i18n.language_choice(arabic_ui) == i18n.ENGLISH
    assert window.statusBar().currentMessage() == arabic(
        "LanguageMenu", "The new language is used from the next time Tarjama starts."
    )
    assert window.windowTitle() != "visit.tarjama — Tarjama"  # nothing switches under the translator's hands


def _full_stop_is_rightmost(text: str) -> bool:
    """Whether an English sentence's final full stop is drawn right of its first letter when laid out as the Arabic
    UI lays out its texts, in a right-to-left paragraph."""
    option = QTextOption()
    option.setTextDirection(Qt.LayoutDirection.RightToLeft)
    layout, _ = lay_out(text, QFont(), option, 2000)

    def x(index: int) -> float:
        return min(position.x() for run in layout.glyphRuns(index, 1) for position in run.positions())

    return x(text.rindex(".")) > x(text.index("T"))


def test_english_from_the_core_keeps_its_full_stop_at_the_end(qapp) -> None:
    """QA findings and error messages stay English in the Arabic UI; isolated, they still read left to right."""
    message = "The number 25 in the source is not in the translation."
    assert not _full_stop_is_rightmost(message)
    assert _full_stop_is_rightmost(isolated(message))


def test_qa_findings_are_arabic_with_their_values_and_english_for_the_cli(arabic_ui) -> None:
    """The core's finding keeps its template key and values; the pane fills the Arabic template with them."""
    segment = Segment(1, 1, 0, 0, "وقع الهجوم في عام ٢٠١٦.", target="The attack happened in 2017.")
    findings = {issue.check: issue for issue in check_segment(segment, QaContext())}
    missing = findings[CheckName.NUMBER_MISSING]
    assert missing.message == "The number ٢٠١٦ (2016) in the source is not in the translation."
    assert type(missing.message) is str
    template = arabic("QaMessages", "The number {number} ({plain}) in the source is not in the translation.")
    assert issue_message(missing) == template.format(number="٢٠١٦", plain="2016")
    assert "العدد ٢٠١٦ (2016)" in issue_message(missing)

    model = QaModel({})
    model.set_rows([QaRow(missing, 1)])
    shown = model.data(model.index(0, QaModel.MESSAGE))
    assert shown == isolated(issue_message(missing))

    glossary = QaIssue(
        1,
        CheckName.GLOSSARY_TERM,
        Severity.WARNING,
        message("glossary_term", term="الوزير", targets=Alternatives(("minister", "secretary"))),
    )
    assert glossary.message == "The glossary says to translate “الوزير” as “minister” or “secretary”."
    assert issue_message(glossary) == "يقضي المسرد بترجمة «الوزير» إلى “minister” أو “secretary”."


def _x_of(layout, index: int) -> float:  # noqa: ANN001 - a QTextLayout
    return min(position.x() for run in layout.glyphRuns(index, 1) for position in run.positions())


def _reads_left_to_right(text: str, part: str) -> bool:
    """Whether `part` of `text` is drawn left to right, each character right of the one before, when the whole is
    laid out as the Arabic UI lays out its texts (a right-to-left paragraph)."""
    option = QTextOption()
    option.setTextDirection(Qt.LayoutDirection.RightToLeft)
    layout, _ = lay_out(text, QFont(), option, 4000)
    start = text.index(part)
    xs = [_x_of(layout, start + offset) for offset, char in enumerate(part) if not char.isspace()]
    # Non-decreasing rather than strictly increasing: a ligature (the "ff" of *.xliff) draws two letters as one.
    return xs == sorted(xs) and (len(xs) < 2 or xs[0] < xs[-1])


def test_percentages_keep_their_sign_after_the_number(window: MainWindow) -> None:
    """After Arabic words (or an Arabic name the engine left untranslated) "96%" must not turn into "%96"."""
    segment = Segment(
        1,
        1,
        0,
        0,
        "التقى الوزير الشرع.",
        mt_text="The minister met الشرع",
        alternatives=(MachineSuggestion("The minister met الشرع", 0.96),),
    )
    pane = window.alternatives
    pane.show_segment(segment)
    assert pane.list.layoutDirection() == Qt.LayoutDirection.RightToLeft
    assert _reads_left_to_right(pane.list.item(0).text(), "96%")
    assert _reads_left_to_right(pane.list.item(0).text(), "The minister met")
    window.update_progress()
    assert _reads_left_to_right(window.progress_label.text(), "0%")  # "…الكلمات 0/24 (0%)"


def test_english_in_the_tm_and_mt_panes_keeps_its_full_stop_at_the_end(window: MainWindow) -> None:
    segment = Segment(
        1, 1, 0, 0, "وصل الوزير.", mt_text="The minister arrived.", tm_score=85, tm_text="The minister came."
    )
    window.tm.pane.show_segment(segment)
    origin = window.tm.pane.origin.text()
    assert origin.startswith(arabic("TmPane", "Pre-translated from a {score}% match: {text}")[:10])
    assert _full_stop_is_rightmost(origin)
    assert _reads_left_to_right(origin, "85%")
    window.alternatives.show_segment(segment)
    assert _full_stop_is_rightmost(window.alternatives.machine.text())


def test_file_patterns_read_left_to_right_in_the_file_dialogs(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Patterns such as (*.docx *.txt) came out reversed after Arabic words; isolated, Qt still finds them."""
    asked: list[str] = []
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *args, **kwargs: asked.append(args[3]) or ("", ""))
    window.new_action.trigger()
    window.packages_dialog.choose_file_and_install()
    window.glossary_menu.import_action.trigger()
    assert len(asked) == 3
    assert asked[0].startswith(arabic("MainWindow", "Documents ({patterns})")[:5])
    for filters in asked:
        for name_filter in filters.split(";;"):
            patterns = name_filter[name_filter.rindex("(") + 1 : -1]
            assert _reads_left_to_right(name_filter, patterns), name_filter
            dialog = QFileDialog(window, "", "", name_filter)
            dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
            assert dialog.findChild(QFileSystemModel).nameFilters() == patterns.split(), name_filter
            dialog.deleteLater()
