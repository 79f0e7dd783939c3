"""Painting and editing of grid cells.

Text is laid out with QTextLayout rather than the style's default so that each column gets its own direction (the
Arabic source right-to-left and flush right whatever the UI language, the English target left-to-right), words
wrap, find matches can be highlighted inside the text, glossary terms underlined in the source and inline tags
drawn as numbered chips (`tag_chips.py`), in the cells and in the editor.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence

from PySide6.QtCore import (
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QPointF,
    QRect,
    QRectF,
    QSize,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import (
    QColor,
    QContextMenuEvent,
    QFont,
    QFontMetricsF,
    QHelpEvent,
    QKeyEvent,
    QKeySequence,
    QPainter,
    QPen,
    QPolygonF,
    QTextCharFormat,
    QTextLayout,
    QTextOption,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QToolTip,
    QWidget,
)

from tarjama.domain import Segment, Span
from tarjama.inline_tags import Role, close_mark, has_marks, missing_marks
from tarjama.ui.editor.segment_model import FIRST_IN_PARAGRAPH_ROLE, SEGMENT_ROLE, Column, machine_confidence
from tarjama.ui.editor.spelling import SpellingHighlighter, SpellingService, misspelt_format, spelling_menu
from tarjama.ui.editor.tag_chips import ChipStyle, ChipTextEdit, cell_text, chip_tooltip
from tarjama.ui.editor.unsure_words import UnsureWords, unsure_format
from tarjama.ui.shell.fonts import matching_latin_font, zoomed

Index = QModelIndex | QPersistentModelIndex
AUTOSAVE_IDLE_MS = 1000
CELL_MARGIN = 4
PARAGRAPH_RULE = QColor("#5b6f8a")
HIGHLIGHT = QColor("#ffd54f")
TERM_UNDERLINE = QColor("#1565c0")
#: The corner mark of a segment with comments, in its number cell (as a spreadsheet marks a cell's note).
COMMENT_MARK = QColor("#e65100")
COMMENT_MARK_SIZE = 8
#: A machine confidence is drawn as a blue badge with a bar as long as the confidence, in the blue of the Machine
#: status, so it is never read as one of the red-to-green TM match percentages sharing its column.
MT_BADGE = QColor("#e3ecfa")
MT_INK = QColor("#0d47a1")
MT_BAR = QColor("#1e88e5")
MT_BORDER = QColor("#9bbbe6")


def direction_option(right_to_left: bool) -> QTextOption:
    """Arabic is RTL and flush right; `AlignAbsolute` stops Qt mirroring `AlignRight` back to the left."""
    option = QTextOption()
    option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
    if right_to_left:
        option.setTextDirection(Qt.LayoutDirection.RightToLeft)
        option.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignAbsolute)
    else:
        option.setTextDirection(Qt.LayoutDirection.LeftToRight)
        option.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignAbsolute)
    return option


def text_option(column: int) -> QTextOption:
    return direction_option(column == Column.SOURCE)


def _format_ranges(spans: Iterable[Span], fmt: QTextCharFormat) -> list[QTextLayout.FormatRange]:
    ranges = []
    for start, end in spans:
        selection = QTextLayout.FormatRange()
        selection.start, selection.length, selection.format = start, end - start, fmt
        ranges.append(selection)
    return ranges


def highlight_ranges(spans: Iterable[Span], colour: QColor) -> list[QTextLayout.FormatRange]:
    """Format ranges that paint each (start, end) span of a laid-out text on `colour`, in black for contrast."""
    fmt = QTextCharFormat()
    fmt.setBackground(colour)
    fmt.setForeground(QColor("black"))
    return _format_ranges(spans, fmt)


def underline_ranges(spans: Iterable[Span], colour: QColor) -> list[QTextLayout.FormatRange]:
    """Format ranges that underline each span in `colour`, leaving the text and any highlight as they are."""
    fmt = QTextCharFormat()
    fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SingleUnderline)
    fmt.setUnderlineColor(colour)
    return _format_ranges(spans, fmt)


def lay_out(
    text: str, font: QFont, option: QTextOption, width: float, formats: Sequence[QTextLayout.FormatRange] = ()
) -> tuple[QTextLayout, float]:
    """`text` broken into lines `width` wide; `formats` are those that change its shape (the room for tag chips)."""
    layout = QTextLayout(text, font)
    layout.setTextOption(option)
    if formats:
        layout.setFormats(list(formats))
    layout.beginLayout()
    height = 0.0
    while True:
        line = layout.createLine()
        if not line.isValid():
            break
        line.setLineWidth(width)
        line.setPosition(QPointF(0, height))
        height += line.height()
    layout.endLayout()
    return layout, height


class TargetEditor(ChipTextEdit):
    """The in-place multi-line editor for the English target.

    It lets the window's own shortcuts (Ctrl+Enter, Ctrl+Up/Down…) through instead of treating them as text keys,
    reports text that has sat unchanged for a second so it can be saved even if the app dies mid-edit, and reports
    every key and change as activity, from which the window measures active editing time. Inline tags show as chips
    (`tag_chips.py`) while the text keeps their marks, so what the editor gives back holds them exactly.
    """

    idleText = Signal(str)
    activity = Signal()
    highlighter_type = SpellingHighlighter

    def __init__(self, parent: QWidget, reserved: list[QKeySequence]) -> None:
        # One left-to-right paragraph, as the grid paints the target, even when it begins with an Arabic name: Qt
        # would otherwise take the paragraph's direction from its first letter.
        super().__init__(parent, right_to_left=False)
        self._reserved = reserved
        self.setTabChangesFocus(True)
        self._idle = QTimer(self)
        self._idle.setSingleShot(True)
        self._idle.setInterval(AUTOSAVE_IDLE_MS)
        self._idle.timeout.connect(lambda: self.idleText.emit(self.toPlainText()))
        self.textChanged.connect(self._on_text_changed)
        # The band above the text (`set_first_baseline`) is filled like the text area, not left showing the cell.
        palette = self.palette()
        palette.setColor(palette.ColorRole.Window, palette.color(palette.ColorRole.Base))
        self.setPalette(palette)
        self.setAutoFillBackground(True)

    def set_first_baseline(self, y: float) -> None:
        """Start the text lower so its first line sits `y` below the top, where the grid paints it when closed."""
        top = self.frameWidth() + self.document().documentMargin() + QFontMetricsF(self.font()).ascent()
        self.setViewportMargins(0, max(0, round(y - top)), 0, 0)

    def _on_text_changed(self) -> None:
        if not self.restyling:  # chips resized for a new font change no text
            self._idle.start()
            self.activity.emit()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        self.activity.emit()  # moving the cursor to read and check is work on the segment too
        super().keyPressEvent(event)

    @property
    def spelling(self) -> SpellingHighlighter:
        """The chips and the misspelt words' underline (`ui/editor/spelling.py`)."""
        assert isinstance(self._chips, SpellingHighlighter)
        return self._chips

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        spelling_menu(self, self.spelling, event.pos()).exec(event.globalPos())

    def insert_next_tag(self, source: str) -> bool:
        """Insert at the cursor the first tag of `source` that the text lacks; with words selected and that tag
        an opening one whose closing one is missing too, put the pair around them. False if none is missing."""
        missing = missing_marks(source, self.toPlainText())
        if not missing:
            return False
        first = missing[0]
        cursor = self.textCursor()
        start, end = cursor.selectionStart(), cursor.selectionEnd()
        closing = close_mark(first.id)
        wrap = cursor.hasSelection() and first.role is Role.OPEN and closing in {m.char for m in missing}
        cursor.beginEditBlock()  # one step for the editor's own undo
        if wrap:
            cursor.setPosition(end)
            cursor.insertText(closing)
            cursor.setPosition(start)
            cursor.insertText(first.char)
            cursor.setPosition(end + 2)
        else:
            cursor.setPosition(cursor.position())
            cursor.insertText(first.char)
        cursor.endEditBlock()
        self.setTextCursor(cursor)
        return True

    def insert_term(self, term: str) -> None:
        """Insert at the cursor (over any selection), with a space on either side where it would run into a word."""
        cursor = self.textCursor()
        text = self.toPlainText()
        before, after = text[: cursor.selectionStart()], text[cursor.selectionEnd() :]
        if before and (before[-1].isalnum() or before[-1] in ",.;:!?"):
            term = " " + term
        if after and after[0].isalnum():
            term += " "
        cursor.insertText(term)
        self.setTextCursor(cursor)

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ShortcutOverride and isinstance(event, QKeyEvent):
            pressed = QKeySequence(event.keyCombination())
            if any(pressed.matches(seq) == QKeySequence.SequenceMatch.ExactMatch for seq in self._reserved):
                event.ignore()
                return True
        return super().event(event)


class SegmentDelegate(QStyledItemDelegate):
    """Paints source and target text with per-column direction and highlights, and creates the target editor."""

    editingStarted = Signal(int)  # segment id
    draftTyped = Signal(int, str)  # segment id, text not yet confirmed
    editingAbandoned = Signal(int)  # segment id, after Esc and before `editingEnded`
    editingEnded = Signal(int)  # segment id: its editor is closing, whether its text was confirmed or not
    editorActivity = Signal()  # a key or a change in the open editor

    def __init__(self, parent: QObject, source_font: QFont, target_font: QFont) -> None:
        """`target_font` gives the English family; its size is matched to the Arabic (`matching_latin_font`)."""
        super().__init__(parent)
        self._base_fonts = (QFont(source_font), QFont(target_font))
        self.zoom = 100
        self.source_font = QFont(source_font)
        self.target_font = QFont(target_font)
        self._first_baseline = 0.0
        self.reserved_shortcuts: list[QKeySequence] = []
        self._highlight: re.Pattern[str] | None = None
        self._highlight_columns: set[int] = set()
        self._editing: dict[QWidget, int] = {}
        self.set_zoom(100)
        #: Where the glossary terms of a segment's source are, to underline them (set by the window).
        self.term_spans: Callable[[Segment], list[Span]] = lambda segment: []
        self.spelling = SpellingService(self)
        self.spelling.changed.connect(self._on_spelling_changed)
        self.unsure = UnsureWords(self)
        self.unsure.changed.connect(self._on_spelling_changed)
        self.closeEditor.connect(self._on_close_editor)

    def set_highlight(self, text: str, columns: set[int]) -> None:
        self._highlight = re.compile(re.escape(text), re.IGNORECASE) if text else None
        self._highlight_columns = columns

    def font_for(self, column: int) -> QFont:
        return self.source_font if column == Column.SOURCE else self.target_font

    def set_zoom(self, percent: int) -> None:
        """Size both columns' text at `percent` of the normal size, the English kept as large as the Arabic.

        The view still has to size its rows again (`SegmentGrid.set_zoom` does both).
        """
        self.zoom = percent
        self.source_font = zoomed(self._base_fonts[0], percent)
        self.target_font = matching_latin_font(self._base_fonts[1], self.source_font)
        self._chip_styles = {
            Column.SOURCE: ChipStyle(self.source_font, self.target_font),
            Column.TARGET: ChipStyle(self.target_font),
        }
        # Both columns put their first line on one baseline, that of the font reaching highest above it (the
        # Arabic, whose ascent leaves room for stacked marks): side by side, the two texts start level.
        self._first_baseline = max(QFontMetricsF(self.source_font).ascent(), QFontMetricsF(self.target_font).ascent())
        for editor in self._editing:
            self._style_editor(editor)

    def _style_editor(self, editor: QWidget) -> None:
        assert isinstance(editor, TargetEditor)
        editor.setFont(self.target_font)
        editor.set_first_baseline(CELL_MARGIN + self._first_baseline)

    def _top_offset(self, layout: QTextLayout) -> float:
        """How far below the cell's margin a laid-out text starts so its first line sits on the shared baseline."""
        return max(0.0, self._first_baseline - layout.lineAt(0).ascent()) if layout.lineCount() else 0.0

    # -- painting -------------------------------------------------------------------------------------------

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        column = index.column()
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        text = opt.text
        machine = machine_confidence(index.data(SEGMENT_ROLE)) if column == Column.CONFIDENCE else None
        if column in (Column.SOURCE, Column.TARGET) or machine is not None:
            opt.text = ""
        widget = opt.widget
        style = widget.style() if widget else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, widget)
        if column in (Column.SOURCE, Column.TARGET):
            self._paint_text(painter, opt, column, text, self.term_spans_at(index), self.misspelt_at(index),
                             self.unsure_at(index))
        if machine is not None:
            self._paint_machine_badge(painter, opt, text, machine)
        if index.row() > 0 and index.data(FIRST_IN_PARAGRAPH_ROLE):
            painter.save()
            painter.setPen(QPen(PARAGRAPH_RULE, 2))
            painter.drawLine(opt.rect.topLeft(), opt.rect.topRight())
            painter.restore()
        if column == Column.NUMBER and index.data(SEGMENT_ROLE).comments:
            _paint_comment_mark(painter, opt.rect)

    def term_spans_at(self, index: Index) -> list[Span]:
        """The glossary terms underlined in a cell: only source cells have them."""
        return self.term_spans(index.data(SEGMENT_ROLE)) if index.column() == Column.SOURCE else []

    def misspelt_at(self, index: Index) -> list[Span]:
        """The misspelt words underlined in a cell: only target cells have them."""
        if index.column() != Column.TARGET:
            return []
        return self.spelling.spans(index.data(SEGMENT_ROLE), str(index.data()))

    def unsure_at(self, index: Index) -> list[Span]:
        """The words the machine was unsure of, still unchanged in a target cell (`unsure_words.py`)."""
        if index.column() != Column.TARGET:
            return []
        return self.unsure.in_target(index.data(SEGMENT_ROLE), str(index.data()))

    def machine_words_scored(self, segments: dict[int, Segment]) -> None:
        """Words of these segments' machine translations came in (`ui/mt/word_scoring.py`): mark them in the open
        editors and the cells, leaving the text being typed alone."""
        for editor, segment_id in self._editing.items():
            if segment_id in segments:
                assert isinstance(editor, TargetEditor)
                editor.spelling.check(self.spelling, segments[segment_id], self.unsure)
        self._on_spelling_changed()

    def _on_spelling_changed(self) -> None:
        """The spellcheck or the marking of unsure words changed: the editors and the cells underline afresh."""
        for editor in self._editing:
            assert isinstance(editor, TargetEditor)
            editor.spelling.rehighlight()
        view = self.parent()
        if isinstance(view, QAbstractItemView):
            view.viewport().update()

    def _lay_out_cell(self, column: int, text: str, width: float) -> tuple[QTextLayout, float]:
        """A source or target cell's text in lines, with room for the chips of its tags."""
        if not has_marks(text):
            return lay_out(text, self.font_for(column), text_option(column), width)
        shown = cell_text(text)
        chips = self._chip_styles[column].formats(text, shown)
        return lay_out(shown, self.font_for(column), text_option(column), width, chips)

    def _text_origin(self, rect: QRectF, layout: QTextLayout) -> QPointF:
        return rect.topLeft() + QPointF(0, self._top_offset(layout))

    def _paint_text(
        self,
        painter: QPainter,
        opt: QStyleOptionViewItem,
        column: int,
        text: str,
        terms: list[Span],
        misspelt: Sequence[Span] = (),
        unsure: Sequence[Span] = (),
    ) -> None:
        rect = opt.rect.adjusted(CELL_MARGIN, CELL_MARGIN, -CELL_MARGIN, -CELL_MARGIN)
        layout, _ = self._lay_out_cell(column, text, rect.width())
        ranges = []
        if self._highlight is not None and column in self._highlight_columns:
            ranges = highlight_ranges([m.span() for m in self._highlight.finditer(text)], HIGHLIGHT)
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        role = opt.palette.ColorRole.HighlightedText if selected else opt.palette.ColorRole.Text
        # Last, so a find highlight does not cover it; in the text's colour on the selection's background.
        ranges += underline_ranges(terms, opt.palette.color(role) if selected else TERM_UNDERLINE)
        ranges += _format_ranges(unsure, unsure_format())
        ranges += _format_ranges(misspelt, misspelt_format())  # after: the wave wins on a word with both
        painter.save()
        painter.setPen(opt.palette.color(role))
        painter.setClipRect(opt.rect)
        origin = self._text_origin(QRectF(rect), layout)
        layout.draw(painter, origin, ranges, QRectF(rect))
        if has_marks(text):
            self._chip_styles[column].paint(painter, layout, text, origin, column == Column.SOURCE)
        painter.restore()

    def helpEvent(
        self, event: QHelpEvent, view: QAbstractItemView, option: QStyleOptionViewItem, index: Index
    ) -> bool:
        """A tag chip's tooltip says what the tag is (bold, a link and its address, a footnote)."""
        column, text = index.column(), str(index.data())
        if event.type() != QEvent.Type.ToolTip or column not in (Column.SOURCE, Column.TARGET) or not has_marks(text):
            return super().helpEvent(event, view, option, index)
        rect = QRectF(option.rect.adjusted(CELL_MARGIN, CELL_MARGIN, -CELL_MARGIN, -CELL_MARGIN))
        layout, _ = self._lay_out_cell(column, text, rect.width())
        mark = self._chip_styles[column].chip_at(layout, text, self._text_origin(rect, layout), QPointF(event.pos()))
        if mark is None:
            QToolTip.hideText()
        else:
            QToolTip.showText(event.globalPos(), chip_tooltip(mark, index.data(SEGMENT_ROLE).tags), view.viewport())
        return True

    def _paint_machine_badge(self, painter: QPainter, opt: QStyleOptionViewItem, label: str, confidence: float) -> None:
        """The label ("MT 96") on a light blue badge, over a bar filled as far as the confidence goes."""
        metrics = QFontMetricsF(opt.font)
        height = min(metrics.height() + 8, opt.rect.height() - 4)
        badge = QRectF(opt.rect).adjusted(3, 0, -3, 0)
        badge.setTop(opt.rect.top() + (opt.rect.height() - height) / 2)
        badge.setHeight(height)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QPen(MT_BORDER, 1))
        painter.setBrush(MT_BADGE)
        painter.drawRoundedRect(badge, 3, 3)
        length = (badge.width() - 6) * max(0.0, min(1.0, confidence))
        bar = QRectF(badge.left() + 3, badge.bottom() - 5, length, 3)
        if opt.direction == Qt.LayoutDirection.RightToLeft:  # filled from the start of the line in the Arabic UI
            bar.moveRight(badge.right() - 3)
        painter.fillRect(bar, MT_BAR)
        painter.setPen(MT_INK)
        painter.setFont(opt.font)
        painter.drawText(badge.adjusted(0, 0, 0, -4), Qt.AlignmentFlag.AlignCenter, label)
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        column = index.column()
        if column not in (Column.SOURCE, Column.TARGET):
            return super().sizeHint(option, index)
        width = max(option.rect.width() - 2 * CELL_MARGIN, 40)
        layout, height = self._lay_out_cell(column, str(index.data()), width)
        height += self._top_offset(layout)
        # Room for two lines of English below the shared first baseline, so the editor opened in place (which
        # starts its text there too) is never a single cramped line.
        target = QFontMetricsF(self.target_font)
        lines = self._first_baseline - target.ascent() + 2 * target.lineSpacing()
        minimum = max(QFontMetricsF(self.source_font).height(), lines)
        return QSize(option.rect.width(), int(max(height, minimum)) + 2 * CELL_MARGIN + 2)

    # -- editing --------------------------------------------------------------------------------------------

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:
        editor = TargetEditor(parent, self.reserved_shortcuts)
        self._style_editor(editor)
        segment_id = index.data(SEGMENT_ROLE).id
        self._editing[editor] = segment_id
        editor.spelling.check(self.spelling, index.data(SEGMENT_ROLE), self.unsure)
        editor.idleText.connect(lambda text: self.draftTyped.emit(segment_id, text))
        editor.activity.connect(self.editorActivity)
        self.editingStarted.emit(segment_id)
        return editor

    def setEditorData(self, editor: QWidget, index: Index) -> None:
        assert isinstance(editor, TargetEditor)
        editor.tags = index.data(SEGMENT_ROLE).tags
        if editor.toPlainText() != index.data(Qt.ItemDataRole.EditRole):
            editor.setPlainText(index.data(Qt.ItemDataRole.EditRole))
            editor.moveCursor(editor.textCursor().MoveOperation.End)

    def setModelData(self, editor: QWidget, model, index: Index) -> None:  # noqa: ANN001 - Qt's signature
        assert isinstance(editor, TargetEditor)
        model.setData(index, editor.toPlainText(), Qt.ItemDataRole.EditRole)

    def updateEditorGeometry(self, editor: QWidget, option: QStyleOptionViewItem, index: Index) -> None:
        editor.setGeometry(option.rect)

    def destroyEditor(self, editor: QWidget, index: Index) -> None:
        """Every way an editor closes ends here, after its text was committed or abandoned."""
        segment_id = self._editing.pop(editor, None)
        if segment_id is not None:
            self.editingEnded.emit(segment_id)
        super().destroyEditor(editor, index)

    def _on_close_editor(self, editor: QWidget, hint: QStyledItemDelegate.EndEditHint) -> None:
        segment_id = self._editing.get(editor)
        if segment_id is not None and hint == QStyledItemDelegate.EndEditHint.RevertModelCache:
            self.editingAbandoned.emit(segment_id)


def _paint_comment_mark(painter: QPainter, rect: QRect) -> None:
    """A small filled triangle in the cell's top right corner."""
    top_right = QPointF(rect.right(), rect.top())
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(COMMENT_MARK)
    painter.drawPolygon(QPolygonF([top_right - QPointF(COMMENT_MARK_SIZE, 0), top_right,
                                   top_right + QPointF(0, COMMENT_MARK_SIZE)]))
    painter.restore()
