"""The QA pane: one row per finding (severity, the segment's number as the grid shows it, check, message).

It lists what the last QA run found, kept up to date for each segment as it is approved; with "Show ignored" the
findings a translator set aside are listed too, greyed, with the reason they gave. Activating a row (double-click
or Enter) takes the grid to its segment.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QAction, QColor, QIcon
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QStyle,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from tarjama.qa import CHECK_TITLES, CheckName, QaIssue, Severity
from tarjama.qa.messages import Alternatives, TagName
from tarjama.ui.common.bidi import isolated
from tarjama.ui.common.tag_names import tag_type_name

Index = QModelIndex | QPersistentModelIndex
SEVERITY_COLOURS = {
    Severity.ERROR: QColor("#c62828"),
    Severity.WARNING: QColor("#e65100"),
    Severity.INFO: QColor("#1565c0"),
}
SEVERITY_ICONS = {
    Severity.ERROR: QStyle.StandardPixmap.SP_MessageBoxCritical,
    Severity.WARNING: QStyle.StandardPixmap.SP_MessageBoxWarning,
    Severity.INFO: QStyle.StandardPixmap.SP_MessageBoxInformation,
}
IGNORED_COLOUR = QColor("#9e9e9e")

#: Bare `translate("Context", "text")` calls are what lupdate extracts outside a QObject's methods.
translate = QCoreApplication.translate
#: The core's check titles (`tarjama.qa.CHECK_TITLES`, which cannot use Qt) marked for lupdate, so that the
#: translation has them; tests/test_translations.py keeps the two lists the same.
CHECK_TITLES_MARKED = {
    CheckName.EMPTY_TARGET: QT_TRANSLATE_NOOP("QaChecks", "Approved without a translation"),
    CheckName.UNTRANSLATED: QT_TRANSLATE_NOOP("QaChecks", "Translation identical to the source"),
    CheckName.ARABIC_LETTERS: QT_TRANSLATE_NOOP("QaChecks", "Arabic letters in the translation"),
    CheckName.ARABIC_PUNCTUATION: QT_TRANSLATE_NOOP("QaChecks", "Arabic punctuation or digits in the translation"),
    CheckName.NUMBER_MISSING: QT_TRANSLATE_NOOP("QaChecks", "A number of the source missing from the translation"),
    CheckName.NUMBER_EXTRA: QT_TRANSLATE_NOOP("QaChecks", "A number in the translation that the source does not have"),
    CheckName.NUMBER_PERCENT: QT_TRANSLATE_NOOP("QaChecks", "A number that is a percentage on one side only"),
    CheckName.GLOSSARY_TERM: QT_TRANSLATE_NOOP("QaChecks", "Glossary term not translated as the glossary says"),
    CheckName.FORBIDDEN_TERM: QT_TRANSLATE_NOOP("QaChecks", "Forbidden translation of a glossary term"),
    CheckName.INVISIBLE_CHARACTER: QT_TRANSLATE_NOOP("QaChecks", "Invisible or direction-control characters"),
    CheckName.BRACKETS: QT_TRANSLATE_NOOP("QaChecks", "Unbalanced brackets"),
    CheckName.QUOTES: QT_TRANSLATE_NOOP("QaChecks", "Unbalanced quotation marks"),
    CheckName.DOUBLE_SPACE: QT_TRANSLATE_NOOP("QaChecks", "Double spaces"),
    CheckName.EDGE_SPACES: QT_TRANSLATE_NOOP("QaChecks", "Spaces at the start or end that the source does not have"),
    CheckName.FINAL_PUNCTUATION: QT_TRANSLATE_NOOP("QaChecks", "Different punctuation at the end"),
    CheckName.LENGTH: QT_TRANSLATE_NOOP("QaChecks", "Unusually long or short translation"),
    CheckName.INCONSISTENT: QT_TRANSLATE_NOOP("QaChecks", "Same source approved with different translations"),
    CheckName.TAG_MISSING: QT_TRANSLATE_NOOP("QaChecks", "A tag of the source missing from the translation"),
    CheckName.TAG_EXTRA: QT_TRANSLATE_NOOP(
        "QaChecks", "A tag in the translation that the source does not have, or has once"
    ),
    CheckName.TAG_CLOSED_FIRST: QT_TRANSLATE_NOOP("QaChecks", "A tag closed before it is opened"),
    CheckName.TAG_OVERLAP: QT_TRANSLATE_NOOP("QaChecks", "Tags that overlap instead of one holding the other"),
    CheckName.SPELLING: QT_TRANSLATE_NOOP("QaChecks", "Spelling"),
}

#: The core's finding messages (`tarjama.qa.messages.MESSAGES`) marked for lupdate, kept the same by
#: tests/test_translations.py. A finding records its template's key and values, filled here in the UI's language.
QA_MESSAGES_MARKED = {
    "empty_target": QT_TRANSLATE_NOOP("QaMessages", "This segment is approved but has no translation."),
    "untranslated": QT_TRANSLATE_NOOP(
        "QaMessages", "The translation is the same as the Arabic source: it has not been translated."
    ),
    "arabic_letters": QT_TRANSLATE_NOOP("QaMessages", "Arabic text is left in the translation: {text}"),
    "arabic_punctuation": QT_TRANSLATE_NOOP("QaMessages", "The Arabic “{mark}” should be “{english}” in English."),
    "arabic_digit": QT_TRANSLATE_NOOP(
        "QaMessages", "The Arabic-Indic digits “{text}” should be written “{english}” in English."
    ),
    "number_missing": QT_TRANSLATE_NOOP("QaMessages", "The number {number} in the source is not in the translation."),
    "number_missing_converted": QT_TRANSLATE_NOOP(
        "QaMessages", "The number {number} ({plain}) in the source is not in the translation."
    ),
    "number_extra": QT_TRANSLATE_NOOP("QaMessages", "The number {number} in the translation is not in the source."),
    "number_percent_in_source": QT_TRANSLATE_NOOP(
        "QaMessages", "{number} is a percentage in the source, but not in the translation."
    ),
    "number_percent_in_target": QT_TRANSLATE_NOOP(
        "QaMessages", "{number} is a percentage in the translation, but not in the source."
    ),
    "glossary_term": QT_TRANSLATE_NOOP("QaMessages", "The glossary says to translate “{term}” as {targets}."),
    "glossary_alternatives_separator": QT_TRANSLATE_NOOP("QaMessages", " or "),
    "forbidden_term": QT_TRANSLATE_NOOP(
        "QaMessages", "“{found}” must not be used for “{term}”; the glossary says {targets}."
    ),
    "forbidden_term_no_targets": QT_TRANSLATE_NOOP("QaMessages", "“{found}” must not be used for “{term}” (glossary)."),
    "invisible_character": QT_TRANSLATE_NOOP(
        "QaMessages", "The translation contains an invisible character, {name} (U+{code:04X})."
    ),
    "brackets": QT_TRANSLATE_NOOP(
        "QaMessages",
        "The brackets “{opening}{closing}” do not pair up in the translation, though they do in the source.",
    ),
    "quotes": QT_TRANSLATE_NOOP(
        "QaMessages", "The quotation marks do not pair up in the translation, though they do in the source."
    ),
    "double_space": QT_TRANSLATE_NOOP("QaMessages", "The translation has two spaces in a row."),
    "leading_space_target": QT_TRANSLATE_NOOP(
        "QaMessages", "The translation starts with a space; the source does not."
    ),
    "leading_space_source": QT_TRANSLATE_NOOP(
        "QaMessages", "The source starts with a space; the translation does not."
    ),
    "trailing_space_target": QT_TRANSLATE_NOOP("QaMessages", "The translation ends with a space; the source does not."),
    "trailing_space_source": QT_TRANSLATE_NOOP("QaMessages", "The source ends with a space; the translation does not."),
    "final_punctuation": QT_TRANSLATE_NOOP(
        "QaMessages", "The source ends with “{source_end}” but the translation ends with “{target_end}”."
    ),
    "final_punctuation_missing": QT_TRANSLATE_NOOP(
        "QaMessages", "The source ends with “{source_end}”; the translation has no punctuation at the end."
    ),
    "final_punctuation_added": QT_TRANSLATE_NOOP(
        "QaMessages", "The translation ends with “{target_end}” but the source has no punctuation at the end."
    ),
    "length_long": QT_TRANSLATE_NOOP(
        "QaMessages",
        "This translation is {ratio:.1f} times as long as its source; in this project translations are usually {low:.1f} to {high:.1f} times as long. Is something repeated or added?",  # noqa: E501 - lupdate needs one literal
    ),
    "length_short": QT_TRANSLATE_NOOP(
        "QaMessages",
        "This translation is {ratio:.1f} times as long as its source; in this project translations are usually {low:.1f} to {high:.1f} times as long. Is something left out?",  # noqa: E501
    ),
    "inconsistent_one": QT_TRANSLATE_NOOP(
        "QaMessages", "The same source was approved with a different translation in segment {ids}."
    ),
    "inconsistent_many": QT_TRANSLATE_NOOP(
        "QaMessages", "The same source was approved with different translations in segments {ids}."
    ),
    "spelling": QT_TRANSLATE_NOOP("QaMessages", "“{word}” is not in the dictionary: is it misspelt?"),
    "tag_missing": QT_TRANSLATE_NOOP("QaMessages", "Tag {tag} is missing from the translation."),
    "tag_start_missing": QT_TRANSLATE_NOOP("QaMessages", "The start of tag {tag} is missing from the translation."),
    "tag_end_missing": QT_TRANSLATE_NOOP("QaMessages", "The end of tag {tag} is missing from the translation."),
    "tag_extra": QT_TRANSLATE_NOOP("QaMessages", "Tag {tag} is in the translation but not in the source."),
    "tag_repeated": QT_TRANSLATE_NOOP("QaMessages", "Tag {tag} is in the translation more than once."),
    "tag_closed_first": QT_TRANSLATE_NOOP("QaMessages", "Tag {tag} is closed before it is opened."),
    "tag_overlap": QT_TRANSLATE_NOOP(
        "QaMessages",
        "Tags {tag} and {inner} overlap: tag {number} ends while tag {inner_number}, which starts inside it, is still open. End tag {inner_number} first, or start it outside tag {number}.",  # noqa: E501 - lupdate needs one literal
    ),
}

def _message_template(key: str) -> str:
    return translate("QaMessages", QA_MESSAGES_MARKED[key])


def _value_text(value: object, separator: str) -> object:
    """A finding's value as the UI's template takes it: glossary alternatives joined, a tag named in its words."""
    if isinstance(value, Alternatives):
        return value.join(separator)
    if isinstance(value, TagName):
        return value.named(tag_type_name)
    return value


def issue_message(issue: QaIssue) -> str:
    """The finding's message in the UI's language; its English text when it has no template (or a translation
    that does not fit the values)."""
    if issue.message_key not in QA_MESSAGES_MARKED:
        return issue.message
    separator = _message_template("glossary_alternatives_separator")
    values = {name: _value_text(value, separator) for name, value in issue.message_values}
    try:
        return _message_template(issue.message_key).format(**values)
    except (KeyError, IndexError, ValueError):
        return issue.message


def severity_label(severity: Severity) -> str:
    return {
        Severity.ERROR: translate("QaPane", "Error"),
        Severity.WARNING: translate("QaPane", "Warning"),
        Severity.INFO: translate("QaPane", "Note"),
    }[severity]


def check_title(check: CheckName) -> str:
    """The core names its checks in English; the title goes through translation so a UI translation can cover it."""
    return translate("QaChecks", CHECK_TITLES_MARKED.get(check, CHECK_TITLES[check]))


def findings_summary(counts: Counter[Severity]) -> str:
    """The pane's summary line, from the number of findings of each severity."""
    if not any(counts.values()):
        return translate("QaPane", "No findings.")
    return translate("QaPane", "Errors: {errors} · Warnings: {warnings} · Notes: {notes}").format(
        errors=counts[Severity.ERROR], warnings=counts[Severity.WARNING], notes=counts[Severity.INFO]
    )


@dataclass(frozen=True)
class QaRow:
    issue: QaIssue
    #: The segment's number in the document (the grid's #); None once the segment was merged away.
    number: int | None
    #: Why the translator set the finding aside; None while it is reported.
    reason: str | None = None


class QaModel(QAbstractTableModel):
    SEVERITY, NUMBER, CHECK, MESSAGE = range(4)

    def __init__(self, icons: dict[Severity, QIcon]) -> None:
        super().__init__()
        self._rows: list[QaRow] = []
        self._icons = icons

    def set_rows(self, rows: list[QaRow]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def replace_segment(self, segment_id: int, rows: list[QaRow]) -> None:
        """Put `rows` in place of the segment's reported findings, in document order (its ignored ones stay).

        Approving a segment changes only its own rows; rebuilding the whole list each time would make Ctrl+Enter
        slower the more findings a document run left."""
        old = [i for i, row in enumerate(self._rows) if row.issue.segment_id == segment_id and row.reason is None]
        for i in reversed(old):
            self.beginRemoveRows(QModelIndex(), i, i)
            del self._rows[i]
            self.endRemoveRows()
        if not rows:
            return
        number = rows[0].number or 0
        later = (i for i, row in enumerate(self._rows) if (row.number or 0) > number)
        at = old[0] if old else next(later, len(self._rows))
        self.beginInsertRows(QModelIndex(), at, at + len(rows) - 1)
        self._rows[at:at] = rows
        self.endInsertRows()

    def rows(self) -> list[QaRow]:
        return self._rows

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 4

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return [self.tr("Severity"), self.tr("#"), self.tr("Check"), self.tr("Message")][section]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        column = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self._text(row, column)
        if role == Qt.ItemDataRole.DecorationRole and column == self.SEVERITY:
            return self._icons.get(row.issue.severity)
        if role == Qt.ItemDataRole.ForegroundRole:
            if row.reason is not None:
                return IGNORED_COLOUR
            return SEVERITY_COLOURS[row.issue.severity] if column == self.SEVERITY else None
        return None

    def _text(self, row: QaRow, column: int) -> str:
        if column == self.SEVERITY:
            return severity_label(row.issue.severity)
        if column == self.NUMBER:
            return "–" if row.number is None else str(row.number)
        if column == self.CHECK:
            return check_title(row.issue.check)
        if row.reason is None:
            return isolated(issue_message(row.issue))
        return self.tr("Ignored: {reason}").format(reason=row.reason) if row.reason else self.tr("Ignored")


class QaPane(QWidget):
    segmentActivated = Signal(int)  # segment id
    selectionChanged = Signal()

    def __init__(self, actions: list[QAction], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        bar = QHBoxLayout()
        for action in actions:
            button = QToolButton()
            button.setDefaultAction(action)
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
            bar.addWidget(button)
        bar.addStretch(1)
        self.summary = QLabel()
        bar.addWidget(self.summary)
        layout.addLayout(bar)
        style = self.style()
        self.model = QaModel({severity: style.standardIcon(pixmap) for severity, pixmap in SEVERITY_ICONS.items()})
        self.view = QTableView()
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.verticalHeader().hide()
        # Widths from the font, not ResizeToContents: that would measure every row each time the list changes, and
        # the list changes with every approval.
        header = self.view.horizontalHeader()
        metrics = self.view.fontMetrics()
        icon = self.style().pixelMetric(QStyle.PixelMetric.PM_SmallIconSize)
        samples = {QaModel.SEVERITY: severity_label(Severity.WARNING), QaModel.NUMBER: "00000", QaModel.CHECK: "x" * 40}
        for column, sample in samples.items():
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            header.resizeSection(column, metrics.horizontalAdvance(sample) + icon + 16)
        header.setSectionResizeMode(QaModel.MESSAGE, QHeaderView.ResizeMode.Stretch)
        self.view.activated.connect(self._on_activated)
        self.view.selectionModel().selectionChanged.connect(self.selectionChanged)
        layout.addWidget(self.view)

    def set_rows(self, rows: list[QaRow], summary: str) -> None:
        self.model.set_rows(rows)
        self.summary.setText(summary)
        self.selectionChanged.emit()

    def replace_segment(self, segment_id: int, rows: list[QaRow], summary: str) -> None:
        self.model.replace_segment(segment_id, rows)
        self.summary.setText(summary)
        self.selectionChanged.emit()

    def set_summary(self, text: str) -> None:
        self.summary.setText(text)

    def rows(self) -> list[QaRow]:
        return self.model.rows()

    def selected(self) -> QaRow | None:
        rows = self.view.selectionModel().selectedRows()
        return self.model.rows()[rows[0].row()] if rows else None

    def _on_activated(self, index: QModelIndex) -> None:
        self.segmentActivated.emit(self.model.rows()[index.row()].issue.segment_id)
