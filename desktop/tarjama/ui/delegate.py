"""Painting and editing of grid cells.

Text is laid out with QTextLayout rather than the style's default so that each column gets its own direction (the
Arabic source right-to-left and flush right whatever the UI language, the English target left-to-right), words
wrap, find matches can be highlighted inside the text and glossary terms underlined in the source.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

from PySide6.QtCore import (
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QPointF,
    QRectF,
    QSize,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetrics,
    QKeyEvent,
    QKeySequence,
    QPainter,
    QPen,
    QTextCharFormat,
    QTextLayout,
    QTextOption,
)
from PySide6.QtWidgets import (
    QApplication,
    QPlainTextEdit,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from tarjama.domain import Segment, Span
from tarjama.ui.segment_model import FIRST_IN_PARAGRAPH_ROLE, SEGMENT_ROLE, Column

Index = QModelIndex | QPersistentModelIndex
AUTOSAVE_IDLE_MS = 1000
CELL_MARGIN = 4
PARAGRAPH_RULE = QColor("#5b6f8a")
HIGHLIGHT = QColor("#ffd54f")
TERM_UNDERLINE = QColor("#1565c0")


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


def lay_out(text: str, font: QFont, option: QTextOption, width: float) -> tuple[QTextLayout, float]:
    layout = QTextLayout(text, font)
    layout.setTextOption(option)
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


class TargetEditor(QPlainTextEdit):
    """The in-place multi-line editor for the English target.

    It lets the window's own shortcuts (Ctrl+Enter, Ctrl+Up/Down…) through instead of treating them as text keys,
    reports text that has sat unchanged for a second so it can be saved even if the app dies mid-edit, and reports
    every key and change as activity, from which the window measures active editing time.
    """

    idleText = Signal(str)
    activity = Signal()

    def __init__(self, parent: QWidget, reserved: list[QKeySequence]) -> None:
        super().__init__(parent)
        self._reserved = reserved
        self.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        # One left-to-right paragraph, as the grid paints the target, even when it begins with an Arabic name: Qt
        # would otherwise take the paragraph's direction from its first letter.
        option = self.document().defaultTextOption()
        option.setTextDirection(Qt.LayoutDirection.LeftToRight)
        self.document().setDefaultTextOption(option)
        self.setTabChangesFocus(True)
        self._idle = QTimer(self)
        self._idle.setSingleShot(True)
        self._idle.setInterval(AUTOSAVE_IDLE_MS)
        self._idle.timeout.connect(lambda: self.idleText.emit(self.toPlainText()))
        self.textChanged.connect(self._idle.start)
        self.textChanged.connect(self.activity)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        self.activity.emit()  # moving the cursor to read and check is work on the segment too
        super().keyPressEvent(event)

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
        super().__init__(parent)
        self.source_font = source_font
        self.target_font = target_font
        self.reserved_shortcuts: list[QKeySequence] = []
        self._highlight: re.Pattern[str] | None = None
        self._highlight_columns: set[int] = set()
        self._editing: dict[QWidget, int] = {}
        #: Where the glossary terms of a segment's source are, to underline them (set by the window).
        self.term_spans: Callable[[Segment], list[Span]] = lambda segment: []
        self.closeEditor.connect(self._on_close_editor)

    def set_highlight(self, text: str, columns: set[int]) -> None:
        self._highlight = re.compile(re.escape(text), re.IGNORECASE) if text else None
        self._highlight_columns = columns

    def font_for(self, column: int) -> QFont:
        return self.source_font if column == Column.SOURCE else self.target_font

    # -- painting -------------------------------------------------------------------------------------------

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        column = index.column()
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        text = opt.text
        if column in (Column.SOURCE, Column.TARGET):
            opt.text = ""
        widget = opt.widget
        style = widget.style() if widget else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, widget)
        if column in (Column.SOURCE, Column.TARGET):
            self._paint_text(painter, opt, column, text, self.term_spans_at(index))
        if index.row() > 0 and index.data(FIRST_IN_PARAGRAPH_ROLE):
            painter.save()
            painter.setPen(QPen(PARAGRAPH_RULE, 2))
            painter.drawLine(opt.rect.topLeft(), opt.rect.topRight())
            painter.restore()

    def term_spans_at(self, index: Index) -> list[Span]:
        """The glossary terms underlined in a cell: only source cells have them."""
        return self.term_spans(index.data(SEGMENT_ROLE)) if index.column() == Column.SOURCE else []

    def _paint_text(
        self, painter: QPainter, opt: QStyleOptionViewItem, column: int, text: str, terms: list[Span]
    ) -> None:
        rect = opt.rect.adjusted(CELL_MARGIN, CELL_MARGIN, -CELL_MARGIN, -CELL_MARGIN)
        layout, _ = lay_out(text, self.font_for(column), text_option(column), rect.width())
        ranges = []
        if self._highlight is not None and column in self._highlight_columns:
            ranges = highlight_ranges([m.span() for m in self._highlight.finditer(text)], HIGHLIGHT)
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        role = opt.palette.ColorRole.HighlightedText if selected else opt.palette.ColorRole.Text
        # Last, so a find highlight does not cover it; in the text's colour on the selection's background.
        ranges += underline_ranges(terms, opt.palette.color(role) if selected else TERM_UNDERLINE)
        painter.save()
        painter.setPen(opt.palette.color(role))
        painter.setClipRect(opt.rect)
        layout.draw(painter, rect.topLeft(), ranges, QRectF(rect))
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        column = index.column()
        if column not in (Column.SOURCE, Column.TARGET):
            return super().sizeHint(option, index)
        width = max(option.rect.width() - 2 * CELL_MARGIN, 40)
        _, height = lay_out(str(index.data()), self.font_for(column), text_option(column), width)
        # Room for two lines of English, so the editor opened in place is never a single cramped line.
        minimum = max(QFontMetrics(self.source_font).height(), 2 * QFontMetrics(self.target_font).lineSpacing())
        return QSize(option.rect.width(), int(max(height, minimum)) + 2 * CELL_MARGIN + 2)

    # -- editing --------------------------------------------------------------------------------------------

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:
        editor = TargetEditor(parent, self.reserved_shortcuts)
        editor.setFont(self.target_font)
        segment_id = index.data(SEGMENT_ROLE).id
        self._editing[editor] = segment_id
        editor.idleText.connect(lambda text: self.draftTyped.emit(segment_id, text))
        editor.activity.connect(self.editorActivity)
        self.editingStarted.emit(segment_id)
        return editor

    def setEditorData(self, editor: QWidget, index: Index) -> None:
        assert isinstance(editor, TargetEditor)
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
