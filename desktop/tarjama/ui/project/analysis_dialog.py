"""File → Analysis…: the word counts by match band a job is quoted from (`tarjama.project.analysis`), per file and in
total, with a weight per band the translator can edit and the weighted words they give.

The analysis looks every segment up in the memory, seconds for a large project, so it runs on a worker thread
(`ui/common/tasks.py`) from the segments the window already holds (immutable values) and a memory connection of
its own, with its progress in the dialog and a Cancel button. The weights are kept in the user's settings.
"""

from __future__ import annotations

import threading
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QObject, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from tarjama.errors import TarjamaError
from tarjama.project.analysis import Analysis, AnalysisCancelled, Counts, FileAnalysis, analyse_against, default_weights
from tarjama.project.analysis_report import write_csv
from tarjama.project.match_bands import ConfidenceBand, MatchBand
from tarjama.ui.common.error_text import error_text
from tarjama.ui.common.host import WindowHost
from tarjama.ui.common.progress import with_suffix
from tarjama.ui.common.tasks import run_in_background

#: The core's band names (`tarjama.project.analysis_report.BAND_NAMES`) marked for lupdate; a test keeps them equal.
BAND_NAMES_MARKED = {
    MatchBand.CONTEXT: QT_TRANSLATE_NOOP("Analysis", "101 % (context)"),
    MatchBand.EXACT: QT_TRANSLATE_NOOP("Analysis", "100 %"),
    MatchBand.REPETITION: QT_TRANSLATE_NOOP("Analysis", "Repetitions"),
    MatchBand.FUZZY_95: QT_TRANSLATE_NOOP("Analysis", "95–99 %"),
    MatchBand.FUZZY_85: QT_TRANSLATE_NOOP("Analysis", "85–94 %"),
    MatchBand.FUZZY_75: QT_TRANSLATE_NOOP("Analysis", "75–84 %"),
    MatchBand.FUZZY_50: QT_TRANSLATE_NOOP("Analysis", "50–74 %"),
    MatchBand.NO_MATCH: QT_TRANSLATE_NOOP("Analysis", "No match"),
}
CONFIDENCE_NAMES_MARKED = {
    ConfidenceBand.LIKELY_FINE: QT_TRANSLATE_NOOP("Analysis", "MT, likely fine"),
    ConfidenceBand.CHECK: QT_TRANSLATE_NOOP("Analysis", "MT, check"),
    ConfidenceBand.UNSURE: QT_TRANSLATE_NOOP("Analysis", "MT, unsure"),
}

#: The table's columns.
BAND, SEGMENTS, WORDS, CHARACTERS, WEIGHT, WEIGHTED = range(6)
#: Rows: the bands, their total, then the machine translations among the no-match segments.
TOTAL_ROW = len(MatchBand)
WEIGHTS_KEY = "analysis/weights"


def _translated(english: str) -> str:
    return QCoreApplication.translate("Analysis", english)


class _Progress(QObject):
    """Carries the worker's progress to the UI thread (a queued signal)."""

    advanced = Signal(int, int)


class AnalysisDialog(QDialog):
    def __init__(self, window: QWidget, host: WindowHost) -> None:
        super().__init__(window)
        self._host = host
        self.setWindowTitle(self.tr("Analysis"))
        self.resize(720, 480)
        self.analysis: Analysis | None = None
        self._cancel: threading.Event | None = None
        self.weights = self._remembered_weights()
        self.file_choice = QComboBox()
        self.file_choice.setObjectName("analysis-file")
        self.file_choice.currentIndexChanged.connect(lambda _index: self._show())
        self.repetitions_first = QCheckBox(self.tr("Repetitions before 100 % matches"))
        self.repetitions_first.setToolTip(self.tr(
            "A repetition that is also a 100 % or 101 % match is counted as a repetition, not as the match."))
        self.repetitions_first.toggled.connect(lambda _checked: self.start())
        self.table = QTableWidget(TOTAL_ROW + 1 + len(ConfidenceBand), 6)
        self.table.setObjectName("analysis-table")
        self.table.setHorizontalHeaderLabels([
            self.tr("Band"), self.tr("Segments"), self.tr("Words"), self.tr("Characters"), self.tr("Weight %"),
            self.tr("Weighted words"),
        ])
        self.table.verticalHeader().hide()
        self.table.itemChanged.connect(self._weight_edited)
        self.summary = QLabel()
        self.progress = QProgressBar()
        self.cancel_button = QPushButton(QCoreApplication.translate("Progress", "Cancel"))
        self.cancel_button.clicked.connect(self.cancel)
        self.save_button = QPushButton(self.tr("Save as CSV…"))
        self.save_button.clicked.connect(self.save_csv)
        close_button = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close_button.rejected.connect(self.close)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("File:")))
        top.addWidget(self.file_choice, 1)
        top.addWidget(self.repetitions_first)
        running = QHBoxLayout()
        running.addWidget(self.progress, 1)
        running.addWidget(self.cancel_button)
        buttons = QHBoxLayout()
        buttons.addWidget(self.summary, 1)
        buttons.addWidget(self.save_button)
        buttons.addWidget(close_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addLayout(running)
        layout.addLayout(buttons)
        self._set_running(False)

    # -- running ------------------------------------------------------------------------------------------------

    def open_for_project(self) -> None:
        """File → Analysis…: show the dialog and analyse the open project."""
        self.show()
        self.raise_()
        self.start()

    def start(self) -> None:
        """Analyse the open project again (a run still going is cancelled first)."""
        session = self._host.session
        if session is None:
            return
        self.cancel()
        segments = list(session.model.segments())
        names = {document.id: document.name for document in session.store.documents()}
        memory = session.store.tm_path
        repetitions_first = self.repetitions_first.isChecked()
        cancel = self._cancel = threading.Event()
        relay = _Progress()
        relay.advanced.connect(self._advanced)

        def work() -> Analysis:
            return analyse_against(segments, names, memory, repetitions_first=repetitions_first, cancel=cancel,
                                   on_progress=relay.advanced.emit)

        def done(analysis: Analysis) -> None:
            relay.deleteLater()
            if cancel is self._cancel:
                self._cancel = None
                self._set_running(False)
                self._show_analysis(analysis)

        def failed(exc: Exception) -> None:
            relay.deleteLater()
            if cancel is not self._cancel:
                return  # a run replaced by another, or cancelled
            self._cancel = None
            self._set_running(False)
            if not isinstance(exc, AnalysisCancelled):
                self.summary.setText(error_text(exc))
                self._host.show_error(self.tr("Cannot analyse the project"), error_text(exc))

        self.progress.setRange(0, max(1, len(segments)))
        self.progress.setValue(0)
        self._set_running(True)
        run_in_background(work, done, failed)

    def cancel(self) -> None:
        """Stop a run: its result, whenever it comes, is not shown."""
        if self._cancel is not None:
            self._cancel.set()
            self._cancel = None
            self._set_running(False)
            self.summary.setText(self.tr("The analysis was cancelled."))

    def done(self, result: int) -> None:  # closing the dialog stops a run
        self.cancel()
        super().done(result)

    def closeEvent(self, event) -> None:  # noqa: ANN001, N802 - Qt's name
        self.cancel()
        super().closeEvent(event)

    def _advanced(self, done: int, total: int) -> None:
        self.progress.setRange(0, max(1, total))
        self.progress.setValue(done)

    def _set_running(self, running: bool) -> None:
        self.progress.setVisible(running)
        self.cancel_button.setVisible(running)
        self.save_button.setEnabled(not running and self.analysis is not None)
        if running:
            self.summary.setText(self.tr("Analysing…"))

    # -- showing ------------------------------------------------------------------------------------------------

    def _show_analysis(self, analysis: Analysis) -> None:
        self.analysis = analysis
        chosen = self.file_choice.currentData()
        self.file_choice.blockSignals(True)
        self.file_choice.clear()
        self.file_choice.addItem(self.tr("All files"), None)
        for report in analysis.files:
            self.file_choice.addItem(report.name, report.document_id)
        index = self.file_choice.findData(chosen)
        self.file_choice.setCurrentIndex(max(index, 0))
        self.file_choice.blockSignals(False)
        self.save_button.setEnabled(True)
        self._show()

    def shown_report(self) -> FileAnalysis | None:
        """The file chosen (or the total), as analysed last."""
        if self.analysis is None:
            return None
        chosen = self.file_choice.currentData()
        return next((f for f in self.analysis.files if f.document_id == chosen), self.analysis.total)

    def _show(self) -> None:
        report = self.shown_report()
        if report is None:
            return
        self.table.blockSignals(True)
        for row, band in enumerate(MatchBand):
            self._put_row(row, _translated(BAND_NAMES_MARKED[band]), report.bands[band])
            weight = QTableWidgetItem(str(self.weights[band]))
            weight.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            weight.setToolTip(self.tr("Edit the weight: the share of a new word's price that a word of this band "
                                      "costs (0 to 100)."))
            self.table.setItem(row, WEIGHT, weight)
        self._put_row(TOTAL_ROW, self.tr("Total"), report.total)
        for offset, confidence in enumerate(ConfidenceBand, start=TOTAL_ROW + 1):
            self._put_row(offset, _translated(CONFIDENCE_NAMES_MARKED[confidence]), report.machine[confidence])
        self.table.blockSignals(False)
        self._show_weighted(report)
        self.table.resizeColumnsToContents()

    def _put_row(self, row: int, name: str, counts: Counts) -> None:
        self.table.setItem(row, BAND, _fixed(name))
        for column, value in ((SEGMENTS, counts.segments), (WORDS, counts.words), (CHARACTERS, counts.characters)):
            self.table.setItem(row, column, _fixed(f"{value:,}", number=True))
        if row >= TOTAL_ROW:
            self.table.setItem(row, WEIGHT, _fixed(""))
            self.table.setItem(row, WEIGHTED, _fixed(""))

    def _show_weighted(self, report: FileAnalysis) -> None:
        self.table.blockSignals(True)
        for row, band in enumerate(MatchBand):
            weighted = report.bands[band].words * self.weights[band] / 100
            self.table.setItem(row, WEIGHTED, _fixed(f"{weighted:,.1f}", number=True))
        total = report.weighted_words(self.weights)
        self.table.setItem(TOTAL_ROW, WEIGHTED, _fixed(f"{total:,.1f}", number=True))
        self.table.blockSignals(False)
        self.summary.setText(self.tr("Weighted words: {weighted} of {words}").format(
            weighted=f"{total:,.1f}", words=f"{report.total.words:,}"))

    def _weight_edited(self, item: QTableWidgetItem) -> None:
        if item.column() != WEIGHT or item.row() >= TOTAL_ROW:
            return
        band = list(MatchBand)[item.row()]
        try:
            weight = int(item.text().strip().rstrip("%"))
        except ValueError:
            weight = -1
        if 0 <= weight <= 100:
            self.weights[band] = weight
            self._host.settings.setValue(WEIGHTS_KEY, {b.value: w for b, w in self.weights.items()})
        self.table.blockSignals(True)
        item.setText(str(self.weights[band]))
        self.table.blockSignals(False)
        report = self.shown_report()
        if report is not None:
            self._show_weighted(report)

    def _remembered_weights(self) -> dict[MatchBand, int]:
        weights = default_weights()
        kept = self._host.settings.value(WEIGHTS_KEY)
        if isinstance(kept, dict):
            for band in MatchBand:
                try:
                    value = int(kept.get(band.value, weights[band]))
                except (TypeError, ValueError):
                    continue
                if 0 <= value <= 100:
                    weights[band] = value
        return weights

    # -- saving -------------------------------------------------------------------------------------------------

    def save_csv(self) -> None:
        if self.analysis is None:
            return
        chosen, _ = QFileDialog.getSaveFileName(self, self.tr("Save the analysis as CSV"), "",
                                                self.tr("CSV files (*.csv)"))
        if chosen:
            self.write_csv(with_suffix(chosen, ".csv"))

    def write_csv(self, path: Path) -> None:
        """Write the analysis shown, every file and the total, with the weights as they are now."""
        if self.analysis is None:
            return
        try:
            write_csv(path, self.analysis, self.weights)
        except TarjamaError as exc:
            self._host.show_error(self.tr("Cannot save the analysis"), error_text(exc))
            return
        self._host.statusBar().showMessage(self.tr("Analysis saved: {path}").format(path=path), 8000)


def _fixed(text: str, *, number: bool = False) -> QTableWidgetItem:
    """A cell the translator reads but does not edit."""
    item = QTableWidgetItem(text)
    item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
    if number:
        item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    return item
