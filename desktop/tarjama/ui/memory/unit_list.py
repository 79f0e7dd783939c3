"""A list of translation-memory units as the TM pane and the concordance panel show them.

Each row is a heading (a coloured score badge, details, a warning) over the Arabic source, right-to-left and flush
right, and the English target, each with spans highlighted (what differs from the segment, or what was searched).
They are painted with QTextLayout like the grid (`tarjama.ui.editor.delegate`), not as rich text, so the Arabic keeps
its direction and alignment whatever the UI language, and the spans are the core's offsets into the raw text.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, replace

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QTextLayout
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QListView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from tarjama.domain import Span
from tarjama.inline_tags import has_marks, readable
from tarjama.ui.editor.delegate import CELL_MARGIN, direction_option, highlight_ranges, lay_out

Index = QModelIndex | QPersistentModelIndex
ROW_ROLE = Qt.ItemDataRole.UserRole + 1
WARNING_COLOUR = QColor("#b71c1c")
SEPARATOR = QColor("#d0d0d0")
BADGE_PADDING = 4
LINE_GAP = 2


@dataclass(frozen=True)
class UnitRow:
    """What one row shows; the spans are (start, end) offsets into `source` and `target`."""

    heading: str
    source: str
    target: str
    source_spans: tuple[Span, ...] = ()
    target_spans: tuple[Span, ...] = ()
    badge: str = ""
    badge_colour: QColor | None = None
    warning: str = ""
    tooltip: str = ""


def with_readable_tags(row: UnitRow) -> UnitRow:
    """The row with each tag mark of its source and target written as ⟨1⟩, ⟨/1⟩ or ⟨3/⟩ (`inline_tags.readable`),
    its spans moved to match: a mark alone is a private-use character that no font draws."""
    if not has_marks(row.source + row.target):
        return row
    source, source_spans = _readable(row.source, row.source_spans)
    target, target_spans = _readable(row.target, row.target_spans)
    return replace(row, source=source, target=target, source_spans=source_spans, target_spans=target_spans)


def _readable(text: str, spans: tuple[Span, ...]) -> tuple[str, tuple[Span, ...]]:
    def shown_at(index: int) -> int:  # a few spans of one sentence: measuring each prefix costs nothing
        return len(readable(text[:index]))

    return readable(text), tuple((shown_at(start), shown_at(end)) for start, end in spans)


class UnitListModel(QAbstractListModel):
    def __init__(self) -> None:
        super().__init__()
        self._rows: list[UnitRow] = []

    def set_rows(self, rows: list[UnitRow]) -> None:
        self.beginResetModel()
        self._rows = [with_readable_tags(row) for row in rows]
        self.endResetModel()

    def rows(self) -> list[UnitRow]:
        return self._rows

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        if role == ROW_ROLE:
            return row
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{row.badge} {row.heading}\n{row.source}\n{row.target}".strip()
        if role == Qt.ItemDataRole.ToolTipRole:
            return row.tooltip or None
        return None


class UnitDelegate(QStyledItemDelegate):
    """Paints a `UnitRow`: heading line, then source and target laid out to the view's width."""

    def __init__(self, view: QListView, source_font: QFont, highlight: QColor) -> None:
        super().__init__(view)
        self.view = view
        self.source_font = source_font
        self.highlight = highlight

    def _width(self) -> float:
        return max(self.view.viewport().width() - 2 * CELL_MARGIN, 40)

    def _texts(self, row: UnitRow, target_font: QFont) -> Iterator[tuple[QTextLayout, float, tuple[Span, ...]]]:
        width = self._width()
        for text, font, rtl, spans in (
            (row.source, self.source_font, True, row.source_spans),
            (row.target, target_font, False, row.target_spans),
        ):
            layout, height = lay_out(text, font, direction_option(rtl), width)
            yield layout, height, spans

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        row: UnitRow = index.data(ROW_ROLE)
        height = QFontMetrics(option.font).height() + BADGE_PADDING
        height += sum(text_height + LINE_GAP for _, text_height, _ in self._texts(row, option.font))
        return QSize(int(self._width()), int(height) + 2 * CELL_MARGIN)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        row: UnitRow = index.data(ROW_ROLE)
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.text = ""
        widget = opt.widget
        style = widget.style() if widget else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, widget)
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        text_colour = opt.palette.color(
            opt.palette.ColorRole.HighlightedText if selected else opt.palette.ColorRole.Text
        )
        rect = opt.rect.adjusted(CELL_MARGIN, CELL_MARGIN, -CELL_MARGIN, -CELL_MARGIN)
        painter.save()
        painter.setClipRect(opt.rect)
        y = self._paint_heading(painter, row, opt, QRectF(rect), text_colour)
        painter.setPen(text_colour)
        for layout, height, spans in self._texts(row, opt.font):
            layout.draw(painter, QPointF(rect.left(), y), highlight_ranges(spans, self.highlight), QRectF(rect))
            y += height + LINE_GAP
        painter.setPen(SEPARATOR)
        painter.drawLine(opt.rect.bottomLeft(), opt.rect.bottomRight())
        painter.restore()

    def _paint_heading(
        self, painter: QPainter, row: UnitRow, opt: QStyleOptionViewItem, rect: QRectF, colour: QColor
    ) -> float:
        """Badge, heading and warning on one line, in the UI's direction (the badge first: at the right edge in the
        Arabic UI, the heading reading on from it to the left); returns where the next line starts."""
        metrics = QFontMetrics(opt.font)
        line = QRectF(rect.left(), rect.top(), rect.width(), metrics.height() + BADGE_PADDING)
        rtl = opt.direction == Qt.LayoutDirection.RightToLeft
        painter.setLayoutDirection(opt.direction)
        if row.badge:
            badge = _leading(line, metrics.horizontalAdvance(row.badge) + 2 * BADGE_PADDING, rtl)
            background = row.badge_colour or QColor("#e0e0e0")
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(background)
            painter.drawRoundedRect(badge, 3, 3)
            painter.setPen(QColor("white") if background.lightness() < 140 else QColor("black"))
            painter.drawText(badge, Qt.AlignmentFlag.AlignCenter, row.badge)
            line = _after(line, badge.width() + 2 * BADGE_PADDING, rtl)
        for text, pen in ((row.heading, colour), (row.warning, WARNING_COLOUR)):
            if text:
                painter.setPen(pen)
                painter.drawText(line, _alignment(rtl), text)
                line = _after(line, metrics.horizontalAdvance(text + "  "), rtl)
        return rect.top() + metrics.height() + BADGE_PADDING + LINE_GAP


def _leading(line: QRectF, width: float, rtl: bool) -> QRectF:
    """The first `width` of `line` in reading order: its left end, or its right end in a right-to-left UI."""
    return QRectF(line.right() - width if rtl else line.left(), line.top(), width, line.height())


def _after(line: QRectF, width: float, rtl: bool) -> QRectF:
    """What is left of `line` once its first `width` in reading order is used."""
    return line.adjusted(0, 0, -width, 0) if rtl else line.adjusted(width, 0, 0, 0)


def _alignment(rtl: bool) -> Qt.AlignmentFlag:
    side = Qt.AlignmentFlag.AlignRight if rtl else Qt.AlignmentFlag.AlignLeft
    return side | Qt.AlignmentFlag.AlignAbsolute | Qt.AlignmentFlag.AlignVCenter


class UnitList(QListView):
    """A read-only list of `UnitRow`s whose rows grow with their wrapped text."""

    def __init__(self, source_font: QFont, highlight: QColor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.unit_model = UnitListModel()
        self.setModel(self.unit_model)
        self.setItemDelegate(UnitDelegate(self, source_font, highlight))
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setResizeMode(QListView.ResizeMode.Adjust)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setUniformItemSizes(False)
        self.setWordWrap(True)

    def set_rows(self, rows: list[UnitRow]) -> None:
        self.unit_model.set_rows(rows)

    def rows(self) -> list[UnitRow]:
        return self.unit_model.rows()
