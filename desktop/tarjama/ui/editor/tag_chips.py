"""Inline tags drawn as numbered chips, in the grid's cells and in the open editor alike.

A tag boundary is one private-use character (`tarjama.inline_tags`), which no font draws and which Unicode counts as
left-to-right. Its place in the text keeps it; only its look changes: a format range widens the character to the
chip's width and makes its glyph invisible, and the chip is painted over the room this leaves. The text itself is
never altered, so the editor gives back the exact marks, the cursor steps over a chip as over one character, and
undo brings a deleted one back. In the grid the mark is first swapped for a neutral stand-in, so that a tag in the
Arabic source takes the direction of the words around it instead of starting a left-to-right run of its own.

Chips: a light box with the tag's number, pointed on the side facing the words it encloses, for a paired tag
(the opening one points forward, the closing one back, mirrored in right-to-left text); a filled box for a
standalone tag (a footnote, a break, an image).
"""

from __future__ import annotations

import math
from collections.abc import Iterator

from PySide6.QtCore import QCoreApplication, QEvent, QPointF, QRectF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QHelpEvent,
    QPainter,
    QPaintEvent,
    QPen,
    QPixmap,
    QPolygonF,
    QSyntaxHighlighter,
    QTextCharFormat,
    QTextDocument,
    QTextLayout,
    QTextLine,
)
from PySide6.QtWidgets import QPlainTextEdit, QToolTip, QWidget

from tarjama.inline_tags import MARK, NO_TAGS, InlineTag, Mark, Role, TagTable, has_marks, marks, type_name
from tarjama.ui.common.tag_names import tag_type_name

PAIRED_FILL = QColor("#efe3f8")
PAIRED_BORDER = QColor("#7b3fa6")
PAIRED_INK = QColor("#4a1a6e")
STANDALONE_FILL = QColor("#7b3fa6")
STANDALONE_INK = QColor("#ffffff")
#: What a mark becomes in a grid cell's layout: a bullet, a neutral character for the bidi algorithm (class ON) that
#: sticks to the letters beside it, so a chip is never wrapped away from its word.
CELL_STAND_IN = "\u2022"
#: Room between a chip and the letters on either side, in pixels.
GAP = 2.0
PADDING = 3.0
NUMBER_SCALE = 0.72

translate = QCoreApplication.translate

def chip_tooltip(mark: Mark, table: TagTable) -> str:
    """What hovering over a chip says: its number, which end of the tag it is, and what the tag is."""
    tag: InlineTag | None = table.get(mark.id)
    kind = tag_type_name(tag.type) if tag is not None else translate("TagChips", "Unknown tag")
    if mark.role is Role.OPEN:
        text = translate("TagChips", "Tag {number}, start: {kind}")
    elif mark.role is Role.CLOSE:
        text = translate("TagChips", "Tag {number}, end: {kind}")
    else:
        text = translate("TagChips", "Tag {number}: {kind}")
    text = text.format(number=mark.id, kind=kind)
    # The label says more when the format gave one (a link's address, "Bold + Italic"), not the type again.
    if tag is not None and tag.label and tag.label.casefold() != type_name(tag.type).casefold():
        return f"{text}\n{tag.label}"
    return text


def cell_text(text: str) -> str:
    """The text a grid cell lays out: each mark swapped for the neutral stand-in, at the same position."""
    return MARK.sub(CELL_STAND_IN, text) if has_marks(text) else text


class ChipStyle:
    """Chips for text in one font: how much room each mark takes, and drawing them into a laid-out text.

    The numbers are set in `number_font` scaled down (the text's own font when not given): the grid gives both
    columns the English font, so a chip is the same size beside the larger Arabic as beside the English. Widths,
    formats and the chips' pictures are kept by mark, as every screenful of the grid draws the same few again."""

    def __init__(self, font: QFont, number_font: QFont | None = None) -> None:
        self.font = QFont(font)
        base = font if number_font is None else number_font
        self.number_font = QFont(base)
        if base.pointSizeF() > 0:
            self.number_font.setPointSizeF(max(1.0, base.pointSizeF() * NUMBER_SCALE))
        else:
            self.number_font.setPixelSize(max(1, round(base.pixelSize() * NUMBER_SCALE)))
        self.number_font.setBold(True)
        self._text = QFontMetricsF(self.font)
        self._number = QFontMetricsF(self.number_font)
        self._widths: dict[str, float] = {}
        self._formats: dict[tuple[str, str], QTextCharFormat] = {}
        self._pictures: dict[tuple[str, bool, float], QPixmap] = {}

    @property
    def height(self) -> float:
        return self._number.ascent() + self._number.descent() + 2

    def width(self, mark: Mark) -> float:
        """The chip itself; paired chips have a point as deep as a third of their height on one side."""
        width = self._widths.get(mark.char)
        if width is None:
            body = self._number.horizontalAdvance(str(mark.id)) + 2 * PADDING
            tip = 0.0 if mark.role is Role.STANDALONE else self.height / 3
            width = self._widths[mark.char] = max(body + tip, self.height)
        return width

    def formats(self, text: str, shown: str) -> list[QTextLayout.FormatRange]:
        """Format ranges that widen each mark of `text` to its chip, with its glyph (as `shown` holds it at that
        position: the mark itself or the cell's stand-in) drawn in no colour."""
        ranges = []
        for mark in marks(text):
            selection = QTextLayout.FormatRange()
            selection.start, selection.length = mark.position, 1
            selection.format = self._format(mark, shown[mark.position])
            ranges.append(selection)
        return ranges

    def _format(self, mark: Mark, glyph: str) -> QTextCharFormat:
        fmt = self._formats.get((mark.char, glyph))
        if fmt is None:
            fmt = self._formats[mark.char, glyph] = QTextCharFormat()
            fmt.setForeground(QColor(Qt.GlobalColor.transparent))
            fmt.setFontLetterSpacingType(QFont.SpacingType.AbsoluteSpacing)
            fmt.setFontLetterSpacing(self.width(mark) + 2 * GAP - self._text.horizontalAdvance(glyph))
        return fmt

    def chip_rects(self, layout: QTextLayout, text: str, origin: QPointF) -> Iterator[tuple[Mark, QRectF]]:
        """Each mark of `text` with the rectangle its chip fills in `layout`, drawn at `origin`."""
        for mark in marks(text):
            line = layout.lineForTextPosition(mark.position)
            if not line.isValid():
                continue
            leading, _ = line.cursorToX(mark.position, QTextLine.Edge.Leading)
            trailing, _ = line.cursorToX(mark.position, QTextLine.Edge.Trailing)
            left, right = min(leading, trailing), max(leading, trailing)
            middle = (left + right) / 2
            half = self.width(mark) / 2
            baseline = line.y() + line.ascent()
            top = baseline - self._number.ascent() - 1
            yield mark, QRectF(origin.x() + middle - half, origin.y() + top, 2 * half, self.height)

    def chip_at(self, layout: QTextLayout, text: str, origin: QPointF, point: QPointF) -> Mark | None:
        return next((mark for mark, rect in self.chip_rects(layout, text, origin) if rect.contains(point)), None)

    def paint(self, painter: QPainter, layout: QTextLayout, text: str, origin: QPointF, right_to_left: bool) -> None:
        """Draw the chips of `text`, laid out in `layout` at `origin`; `right_to_left` turns the points around."""
        scale = painter.device().devicePixelRatioF()
        for mark, rect in self.chip_rects(layout, text, origin):
            painter.drawPixmap(rect.topLeft(), self._picture(mark, right_to_left, scale))

    def _picture(self, mark: Mark, right_to_left: bool, scale: float) -> QPixmap:
        """The chip drawn once, at the screen's pixel ratio."""
        key = (mark.char, right_to_left, scale)
        picture = self._pictures.get(key)
        if picture is None:
            rect = QRectF(0, 0, self.width(mark), self.height)
            picture = QPixmap(math.ceil(rect.width() * scale), math.ceil(rect.height() * scale))
            picture.setDevicePixelRatio(scale)
            picture.fill(Qt.GlobalColor.transparent)
            painter = QPainter(picture)
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            painter.setFont(self.number_font)
            self._paint_chip(painter, mark, rect, right_to_left)
            painter.end()
            self._pictures[key] = picture
        return picture

    def _paint_chip(self, painter: QPainter, mark: Mark, rect: QRectF, right_to_left: bool) -> None:
        if mark.role is Role.STANDALONE:
            painter.setPen(QPen(STANDALONE_FILL, 1))
            painter.setBrush(STANDALONE_FILL)
            painter.drawRoundedRect(rect, 3, 3)
            painter.setPen(STANDALONE_INK)
            painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, str(mark.id))
            return
        tip = self.height / 3
        # An opening chip points forward into the tagged words: right in English, left in Arabic.
        point_right = (mark.role is Role.OPEN) != right_to_left
        body = rect.adjusted(0, 0, -tip, 0) if point_right else rect.adjusted(tip, 0, 0, 0)
        painter.setPen(QPen(PAIRED_BORDER, 1))
        painter.setBrush(PAIRED_FILL)
        painter.drawPolygon(_pointed(rect.adjusted(0.5, 0.5, -0.5, -0.5), tip, point_right))
        painter.setPen(PAIRED_INK)
        painter.drawText(body, Qt.AlignmentFlag.AlignCenter, str(mark.id))


def _pointed(rect: QRectF, tip: float, point_right: bool) -> QPolygonF:
    """A box with bevelled corners on one side and a point on the other."""
    bevel = 2.0
    top, bottom, middle = rect.top(), rect.bottom(), rect.center().y()
    # Drawn pointing right, then mirrored about the box's centre when it points left.
    left, right = rect.left(), rect.right()
    points = [(left + bevel, top), (right - tip, top), (right, middle), (right - tip, bottom),
              (left + bevel, bottom), (left, bottom - bevel), (left, top + bevel)]  # fmt: skip
    if not point_right:
        points = [(left + right - x, y) for x, y in points]
    return QPolygonF([QPointF(x, y) for x, y in points])


class ChipHighlighter(QSyntaxHighlighter):
    """Makes room for the chips in an editor's document: a highlighter's formats shape the layout without touching
    the text or its undo history. The editor paints the chips (`ChipStyle.paint`) over that room."""

    def __init__(self, document: QTextDocument) -> None:
        super().__init__(document)
        self.style = ChipStyle(document.defaultFont())

    def set_font(self, font: QFont) -> None:
        self.style = ChipStyle(font)
        self.rehighlight()

    def highlightBlock(self, text: str) -> None:
        for selection in self.style.formats(text, text):
            self.setFormat(selection.start, selection.length, selection.format)


class ChipTextEdit(QPlainTextEdit):
    """A plain-text editor whose text holds tag marks and shows them as chips, with a tooltip naming each tag.

    `right_to_left` sets the whole text's direction (the Arabic source, or the English target even when it begins
    with an Arabic name, which Qt would otherwise take the paragraph's direction from)."""

    #: What lays out the chips: a subclass may also format the letters (the target editor's spellcheck).
    highlighter_type: type[ChipHighlighter] = ChipHighlighter

    def __init__(self, parent: QWidget | None = None, *, right_to_left: bool, text: str = "") -> None:
        super().__init__(text, parent)
        self.right_to_left = right_to_left
        direction = Qt.LayoutDirection.RightToLeft if right_to_left else Qt.LayoutDirection.LeftToRight
        self.setLayoutDirection(direction)
        option = self.document().defaultTextOption()
        option.setTextDirection(direction)
        if right_to_left:  # flush right, absolutely: a plain AlignRight is mirrored back to the left in RTL text
            option.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignAbsolute)
        self.document().setDefaultTextOption(option)
        #: The tags of the text's paragraph, for the chips' tooltips.
        self.tags: TagTable = NO_TAGS
        #: True while the chips are resized for a new font: the text changes then in look only.
        self.restyling = False
        self._chips = self.highlighter_type(self.document())
        self._chips.set_font(self.font())

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self.restyling = True
            try:
                self._chips.set_font(self.font())
            finally:
                self.restyling = False

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        tagged = [block for block in self._visible_blocks() if has_marks(block[0])]
        if not tagged:
            return
        painter = QPainter(self.viewport())
        for block_text, layout, origin in tagged:
            self._chips.style.paint(painter, layout, block_text, origin, self.right_to_left)
        painter.end()

    def _visible_blocks(self) -> Iterator[tuple[str, QTextLayout, QPointF]]:
        """Each block on screen: its text, its layout and where that layout is drawn in the viewport."""
        offset = self.contentOffset()
        block = self.firstVisibleBlock()
        while block.isValid():
            origin = self.blockBoundingGeometry(block).translated(offset).topLeft()
            if origin.y() > self.viewport().height():
                break
            yield block.text(), block.layout(), origin
            block = block.next()

    def viewportEvent(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            point = QPointF(event.pos())
            for block_text, layout, origin in self._visible_blocks():
                mark = self._chips.style.chip_at(layout, block_text, origin, point)
                if mark is not None:
                    QToolTip.showText(event.globalPos(), chip_tooltip(mark, self.tags), self.viewport())
                    return True
            QToolTip.hideText()
            return True
        return super().viewportEvent(event)
