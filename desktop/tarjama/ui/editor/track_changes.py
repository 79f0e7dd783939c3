"""Track changes: the current segment's origin (its machine translation or TM match) against its target, with the
words the translator deleted struck through in red and those inserted underlined in green.

The diff is the core's (`tarjama.project.word_diff`, tag marks left out); this view only colours it.
"""

from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QTextBrowser, QVBoxLayout, QWidget

from tarjama.domain import Origin, Segment
from tarjama.project.word_diff import Change, changed_words, word_diff
from tarjama.ui.common.bidi import with_isolated_percentages

_STYLES = {
    Change.SAME: "",
    Change.DELETED: "color:#b00020; text-decoration:line-through; background:#fde7ea;",
    Change.INSERTED: "color:#1b5e20; text-decoration:underline; background:#e6f4ea;",
}


def diff_html(origin: str, target: str) -> str:
    """The word diff as HTML: one span per run, styled by what happened to it."""
    spans = []
    for piece in word_diff(origin, target):
        text = html.escape(piece.text)
        style = _STYLES[piece.change]
        spans.append(f'<span style="{style}">{text}</span>' if style else text)
    return f'<div dir="ltr" style="white-space:pre-wrap">{"".join(spans)}</div>'


def origin_of(segment: Segment) -> str | None:
    """What the target began from: the TM match when the segment was filled from one, else the raw machine
    translation; None when it began from neither."""
    if segment.origin == Origin.TM and segment.tm_text is not None:
        return segment.tm_text
    return segment.mt_text or None


class TrackChangesView(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.caption = QLabel()
        self.caption.setWordWrap(True)
        self.text = QTextBrowser()
        self.text.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.caption)
        layout.addWidget(self.text)
        self.show_segment(None)

    def show_segment(self, segment: Segment | None) -> None:
        origin = None if segment is None else origin_of(segment)
        if segment is None or origin is None:
            self.caption.setText(self.tr("No machine translation or TM match to compare this segment with."))
            self.text.clear()
            return
        if origin == segment.tm_text and segment.origin == Origin.TM:
            caption = with_isolated_percentages(
                self.tr("Compared with the TM match ({score}%)").format(score=segment.tm_score))
        else:
            caption = self.tr("Compared with the machine translation")
        inserted, deleted = changed_words(word_diff(origin, segment.target))
        self.caption.setText(self.tr("{caption}: words inserted {inserted}, deleted {deleted}").format(
            caption=caption, inserted=inserted, deleted=deleted))
        self.text.setHtml(diff_html(origin, segment.target))
