"""The grid's model: one row per segment, held as immutable `Segment` values replaced whole on every change."""

from __future__ import annotations

from enum import IntEnum

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor

from tarjama.domain import Origin, Segment, Status
from tarjama.project.match_bands import (
    CHECK_FROM,
    LIKELY_FINE_FROM,
    ConfidenceBand,
    MatchBand,
    confidence_band,
    tm_band,
)
from tarjama.settings import CONTEXT_MATCH_SCORE
from tarjama.ui.common.bidi import with_isolated_percentages
from tarjama.ui.project.effort_view import segment_effort_text

Index = QModelIndex | QPersistentModelIndex


class Column(IntEnum):
    NUMBER = 0
    SOURCE = 1
    TARGET = 2
    CONFIDENCE = 3
    STATUS = 4


SEGMENT_ROLE = Qt.ItemDataRole.UserRole + 1
STATUS_ROLE = Qt.ItemDataRole.UserRole + 2
FIRST_IN_PARAGRAPH_ROLE = Qt.ItemDataRole.UserRole + 3
SORT_ROLE = Qt.ItemDataRole.UserRole + 4
#: Sort key of the match column by band: best first (`band_order`).
BAND_ORDER_ROLE = Qt.ItemDataRole.UserRole + 5

#: Sort key for segments with neither a machine confidence nor a TM score: last in "least confident first".
NO_CONFIDENCE = 2.0

STATUS_COLOURS = {
    Status.NEW: QColor("#ffffff"),
    Status.MACHINE: QColor("#e3ecfa"),
    Status.DRAFT: QColor("#fff4cc"),
    Status.APPROVED: QColor("#dcf5dc"),
    Status.REJECTED: QColor("#fadddd"),
}


def status_label(status: Status) -> str:
    labels = {
        Status.NEW: QCoreApplication.translate("Status", "New"),
        Status.MACHINE: QCoreApplication.translate("Status", "Machine"),
        Status.DRAFT: QCoreApplication.translate("Status", "Draft"),
        Status.APPROVED: QCoreApplication.translate("Status", "Approved"),
        Status.REJECTED: QCoreApplication.translate("Status", "Rejected"),
    }
    return labels[status]


def certainty(segment: Segment) -> float | None:
    """How far the untouched suggestion in the target can be trusted, in [0, 1.01]: the engine's confidence for
    machine output, the match score for a TM match (a 70 % match needs about as much checking as a 0.7 guess)."""
    if segment.origin == Origin.TM and segment.tm_score is not None:
        return segment.tm_score / 100
    return segment.confidence


def machine_confidence(segment: Segment) -> float | None:
    """The engine's confidence in the target, when the target is machine output rather than a TM match."""
    if segment.origin == Origin.TM and segment.tm_score is not None:
        return None
    return segment.confidence


def confidence_text(segment: Segment) -> str:
    """The column's text: "TM 85%" for a match, "MT 96" for machine output. A confidence is no match percentage
    and must not be mistaken for one in the column they share: a "100%" machine guess is no exact match."""
    if segment.origin == Origin.TM and segment.tm_score is not None:
        text = QCoreApplication.translate("Confidence", "TM {score}%").format(score=segment.tm_score)
        return with_isolated_percentages(text)
    if segment.origin == Origin.REPETITION:  # filled by approving the same sentence elsewhere in the project
        return QCoreApplication.translate("Confidence", "Repetition")
    machine = machine_confidence(segment)
    if machine is None:
        return ""
    return QCoreApplication.translate("Confidence", "MT {score}").format(score=round(100 * machine))


def band_meaning(band: ConfidenceBand) -> str:
    """What a machine confidence's band tells the post-editor: the confidence is the calibrated chance that the
    translation needs no edit (`tarjama.mt.calibration`), so each band says how often such a one does."""
    likely, check = round(100 * LIKELY_FINE_FROM), round(100 * CHECK_FROM)
    meanings = {
        ConfidenceBand.LIKELY_FINE: QCoreApplication.translate(
            "Confidence", "Likely fine: {likely}% or more of translations this confident need no edit."),
        ConfidenceBand.CHECK: QCoreApplication.translate(
            "Confidence", "Check: {check}% to {likely}% of translations this confident need no edit."),
        ConfidenceBand.UNSURE: QCoreApplication.translate(
            "Confidence", "Unsure: fewer than {check}% of translations this confident need no edit."),
    }
    return with_isolated_percentages(meanings[band].format(likely=likely, check=check))


def match_band(segment: Segment) -> MatchBand | ConfidenceBand | None:
    """The band of what the match column shows: a TM band for a match (below 50 % it is no match), a confidence band
    for machine output, None when the column is empty."""
    if segment.origin == Origin.TM and segment.tm_score is not None:
        return tm_band(segment.tm_score)
    if segment.origin == Origin.REPETITION:
        return MatchBand.REPETITION
    machine = machine_confidence(segment)
    return None if machine is None else confidence_band(machine)


def band_order(segment: Segment) -> float:
    """Sort key, ascending = best first: TM matches by score (101 first), then machine output by confidence, then the
    segments the match column leaves empty. Each group has its own range, so no MT score sorts among TM matches; a
    repetition sorts between the 100 % and the 99 % matches, as the analysis lists it."""
    if segment.origin == Origin.TM and segment.tm_score is not None:
        return max(0, CONTEXT_MATCH_SCORE - segment.tm_score) / (CONTEXT_MATCH_SCORE + 1)  # in [0, 1)
    if segment.origin == Origin.REPETITION:
        return (CONTEXT_MATCH_SCORE - 100 + 0.5) / (CONTEXT_MATCH_SCORE + 1)
    machine = machine_confidence(segment)
    if machine is None:
        return 3.0
    return 2.0 - max(0.0, min(1.0, machine))  # in [1, 2]


def confidence_colour(confidence: float) -> QColor:
    """Red (unsure) through amber to green (confident), light enough to read black text on."""
    hue = int(120 * max(0.0, min(1.0, confidence)))
    return QColor.fromHsv(hue, 90, 250)


class SegmentModel(QAbstractTableModel):
    """Read-mostly model: edits come back through `targetEdited` so the window can make them undoable."""

    targetEdited = Signal(int, str)  # segment id, new target text

    def __init__(self, segments: list[Segment] | None = None) -> None:
        super().__init__()
        self._segments: list[Segment] = list(segments or [])
        self._rows: dict[int, int] = {}
        self._words: dict[int, tuple[str, int]] = {}
        self._reindex()

    def _reindex(self) -> None:
        self._rows = {segment.id: row for row, segment in enumerate(self._segments)}

    # -- Qt model interface ---------------------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._segments)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(Column)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return [
            self.tr("#"),
            self.tr("Arabic source"),
            self.tr("English target"),
            self.tr("Confidence"),
            self.tr("Status"),
        ][section]

    def flags(self, index: Index) -> Qt.ItemFlag:
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.column() == Column.TARGET:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        segment = self._segments[index.row()]
        column = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            if column == Column.NUMBER:
                return str(index.row() + 1)
            if column == Column.SOURCE:
                return segment.source
            if column == Column.TARGET:
                return segment.target
            if column == Column.CONFIDENCE:
                return confidence_text(segment)
            return status_label(segment.status)
        if role == Qt.ItemDataRole.BackgroundRole and column == Column.STATUS:
            return STATUS_COLOURS[segment.status]
        if role == Qt.ItemDataRole.BackgroundRole and column == Column.CONFIDENCE and segment.origin == Origin.TM:
            # Only matches are coloured red to green; the delegate draws a machine confidence as a blue badge.
            return None if segment.tm_score is None else confidence_colour(segment.tm_score / 100)
        if role == SORT_ROLE:
            if column == Column.CONFIDENCE:
                value = certainty(segment)
                return NO_CONFIDENCE if value is None else value
            return index.row()
        if role == BAND_ORDER_ROLE:
            return band_order(segment) if column == Column.CONFIDENCE else index.row()
        if role == Qt.ItemDataRole.ToolTipRole and column == Column.CONFIDENCE and segment.origin == Origin.TM:
            return with_isolated_percentages(
                self.tr("Filled from a translation-memory match of {score}%: {text}").format(
                    score=segment.tm_score, text=segment.tm_text
                )
            )
        if role == Qt.ItemDataRole.ToolTipRole and column == Column.CONFIDENCE:
            machine = machine_confidence(segment)
            if machine is not None:
                return with_isolated_percentages(
                    self.tr("Machine confidence {score}%: the engine's own estimate, not a TM match").format(
                        score=round(100 * machine)
                    )
                ) + "\n" + band_meaning(confidence_band(machine))
        if role == Qt.ItemDataRole.ToolTipRole and column == Column.STATUS:
            return segment_effort_text(segment) or None
        if role == Qt.ItemDataRole.ToolTipRole and column == Column.NUMBER:
            where = self.tr("Paragraph {paragraph}, segment id {id}").format(
                paragraph=segment.paragraph_index + 1, id=segment.id
            )
            if not segment.comments:
                return where
            return where + "\n" + self.tr("Comments: {count} (see the Comments pane)").format(
                count=len(segment.comments))
        if role == SEGMENT_ROLE:
            return segment
        if role == STATUS_ROLE:
            return segment.status.value
        if role == FIRST_IN_PARAGRAPH_ROLE:
            return segment.first_in_paragraph
        return None

    def setData(self, index: Index, value: object, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or index.column() != Column.TARGET:
            return False
        # Always reported, even when equal: autosave may already have stored this text, and the window still
        # has to record the whole edit as one undoable step.
        self.targetEdited.emit(self._segments[index.row()].id, str(value))
        return True

    # -- updates from the store -----------------------------------------------------------------------------

    def segments(self) -> list[Segment]:
        return self._segments

    def progress(self) -> tuple[int, int, int, int]:
        """(segments, approved segments, words, approved words), counted from memory.

        The status bar refreshes after every change; recounting 10,000 rows from the database each time would
        stall the window, and word counts only change when a split or merge changes a source.
        """
        segments = approved = words = approved_words = 0
        for segment in self._segments:
            cached = self._words.get(segment.id)
            if cached is None or cached[0] is not segment.source:
                cached = (segment.source, segment.source_words)
                self._words[segment.id] = cached
            segments += 1
            words += cached[1]
            if segment.status == Status.APPROVED:
                approved += 1
                approved_words += cached[1]
        return segments, approved, words, approved_words

    def ids(self):  # noqa: ANN201 - a read-only view of the ids shown
        return self._rows.keys()

    def row_of(self, segment_id: int) -> int:
        return self._rows[segment_id]

    def segment_at(self, row: int) -> Segment:
        return self._segments[row]

    def segment(self, segment_id: int) -> Segment:
        """The segment as the grid shows it now."""
        return self._segments[self._rows[segment_id]]

    def number(self, segment_id: int) -> int:
        """The segment's number in the grid's "#" column, which is how the translator knows it."""
        return self._rows[segment_id] + 1

    def versions(self) -> dict[int, str | None]:
        """Each shown segment's version (`updated_at`) by id: what `ProjectStore.changed_since` compares with the
        stored ones to find the rows another program changed."""
        return {segment.id: segment.updated_at for segment in self._segments}

    def reset(self, segments: list[Segment]) -> None:
        self.beginResetModel()
        self._segments = list(segments)
        self._reindex()
        self.endResetModel()

    def replace(self, segment: Segment) -> None:
        row = self._rows[segment.id]
        self._segments[row] = segment
        self.dataChanged.emit(self.index(row, 0), self.index(row, len(Column) - 1))

    def replace_quietly(self, segment: Segment) -> None:
        """Take a newer copy of a segment whose shown text is the same (its machine words came in) without saying
        its data changed, which would put the stored target into an editor open on it over what is being typed."""
        self._segments[self._rows[segment.id]] = segment

    def insert_after(self, segment_id: int, segment: Segment) -> None:
        row = self._rows[segment_id] + 1
        self.beginInsertRows(QModelIndex(), row, row)
        self._segments.insert(row, segment)
        self._reindex()
        self.endInsertRows()

    def remove(self, segment_id: int) -> None:
        row = self._rows[segment_id]
        self.beginRemoveRows(QModelIndex(), row, row)
        del self._segments[row]
        self._reindex()
        self.endRemoveRows()
